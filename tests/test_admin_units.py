"""The official 2025 list: 34 provinces, 3,321 communes."""
from __future__ import annotations

import pytest

from app.errors import InvalidValue
from app.text.admin_units import all_communes, communes_of, find_commune, province, provinces, search_communes


def test_the_two_level_list_of_2025():
    assert len(provinces()) == 34
    assert len(all_communes()) == 3321
    assert sum(len(communes_of(p.code)) for p in provinces()) == 3321
    assert {c.division_type for c in all_communes()} == {"xã", "phường", "đặc khu"}
    assert all("  " not in c.name for c in all_communes())  # the source has a few double spaces


def test_provinces_sort_the_vietnamese_way():
    names = [p.bare_name for p in provinces()]
    assert names.index("An Giang") < names.index("Bắc Ninh") < names.index("Cà Mau") < names.index("Cần Thơ") < names.index("Đà Nẵng") < names.index("Hà Nội")
    assert province("1").full_name == "Thành phố Hà Nội"
    assert province("04").full_name == "Tỉnh Cao Bằng"


def test_find_commune_by_code():
    c = find_commune("4")
    assert (c.code, c.name, c.province_code) == ("00004", "Phường Ba Đình", "01")
    assert find_commune(" 00004 ").code == "00004"
    for bad, code in (("99999", "commune.unknown"), ("abc", "commune.bad_code"), ("123456", "commune.bad_code"), ("", "commune.bad_code")):
        with pytest.raises(InvalidValue) as err:
            find_commune(bad)
        assert err.value.code == code


def test_search_without_diacritics_by_word_start_or_code():
    assert [c.name for c in search_communes("ba dinh", "01")] == ["Phường Ba Đình"]
    assert "Xã Nội Bài" in [c.name for c in search_communes("noi bai", "01")]
    assert [c.code for c in search_communes("00004")] == ["00004"]
    assert search_communes("zzzz") == []
