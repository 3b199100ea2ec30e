"""Search as people type it: no diacritics, no case, prefixes, roster order."""
from __future__ import annotations

import pytest

from app.domain import search
from app.domain.organizations import add_residential_area
from app.domain.people import add_person
from app.domain.search import count_matches, matching_ids, search_people

ROSTER = [
    ("Nguyễn Văn Đức", "0912345678", "001080123456"),
    ("Nguyễn Văn Dũng", "0987000111", None),
    ("Đặng Thị Ánh Tuyết", None, "079190000123"),
    ("Trần Thị Hoa", "0356789012", None),
    ("Lê Thị Hòa", None, None),
    ("Phạm Văn Ước", None, None),
    ("Hoàng Thị Ỷ", None, None),
    ("Bùi Ngọc Ẩn", None, None),
]


@pytest.fixture
def people(store):
    area = add_residential_area(store, "Thôn Đồng Xuân")
    ids = {}
    for name, phone, cid in ROSTER:
        ids[name] = add_person(store, {"full_name": name, "phone": phone, "citizen_id": cid, "area_id": area})[0]
    return ids


def names(hits):
    return [h.full_name for h in hits]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("nguyen van duc", ["Nguyễn Văn Đức"]),
        ("NGUYỄN VĂN ĐỨC", ["Nguyễn Văn Đức"]),
        ("Nguyen Van", ["Nguyễn Văn Dũng", "Nguyễn Văn Đức"]),
        ("dang thi anh tuyet", ["Đặng Thị Ánh Tuyết"]),
        ("đặng", ["Đặng Thị Ánh Tuyết"]),
        ("uoc", ["Phạm Văn Ước"]),
        ("hoang thi y", ["Hoàng Thị Ỷ"]),
        ("an", ["Bùi Ngọc Ẩn", "Đặng Thị Ánh Tuyết"]),  # prefix of Ẩn and Ánh
        ("hoa", ["Trần Thị Hoa", "Lê Thị Hòa", "Hoàng Thị Ỷ"]),
        ("van nguyen", ["Nguyễn Văn Dũng", "Nguyễn Văn Đức"]),  # word order does not matter
        ("0912", ["Nguyễn Văn Đức"]),
        ("079190", ["Đặng Thị Ánh Tuyết"]),
        ("dong xuan", [r[0] for r in ROSTER]),
        ("  ", []),
        ("zzz", []),
        ('"; DROP TABLE person; --', []),
    ],
)
def test_typed_queries(store, people, typed, expected):
    hits = search_people(store, typed)
    if typed.strip() == "dong xuan":
        assert sorted(names(hits)) == sorted(expected)
    else:
        assert names(hits) == expected


def test_results_come_in_vietnamese_roster_order(store, people):
    assert names(search_people(store, "thi")) == [
        "Trần Thị Hoa", "Lê Thị Hòa", "Đặng Thị Ánh Tuyết", "Hoàng Thị Ỷ"
    ]


def test_citizen_ids_are_masked_in_hits(store, people):
    hit = search_people(store, "nguyen van duc")[0]
    assert hit.citizen_id_masked == "001******456"
    assert "001080123456" not in str(hit.as_json())


def test_both_query_plans_give_the_same_answer(store, people, monkeypatch):
    few = [matching_ids(store, q) for q in ("n", "thi", "hoa", "van")]
    monkeypatch.setattr(search, "MANY_MATCHES", 0)  # every query takes the roster walk
    many = [matching_ids(store, q) for q in ("n", "thi", "hoa", "van")]
    assert few == many
    assert names(search_people(store, "thi", limit=2, offset=1)) == ["Lê Thị Hòa", "Đặng Thị Ánh Tuyết"]


def test_count_and_paging(store, people):
    assert count_matches(store, "nguyen") == 2
    assert names(search_people(store, "nguyen", limit=1, offset=1)) == ["Nguyễn Văn Đức"]


def test_all_words_must_match_in_the_same_field(store):
    van_lam = add_residential_area(store, "Thôn Văn Lâm")
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan", "area_id": van_lam})
    a, _ = add_person(store, {"full_name": "Nguyễn Văn An"})
    assert [h.id for h in search_people(store, "nguyen van")] == [a]
    assert [h.id for h in search_people(store, "thon van lam")] == [lan]
