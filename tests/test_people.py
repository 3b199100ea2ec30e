"""People, memberships with history, the change log of person writes."""
from __future__ import annotations

import json

import pytest

from app import messages
from app.domain.organizations import add_residential_area, branch_of, by_code, residential_areas
from app.domain.people import (
    add_person,
    get_person,
    join_in_area,
    join_organization,
    leave_organization,
    memberships_of,
    update_person,
)
from app.domain.search import search_people
from app.errors import Conflict, InvalidInput


@pytest.fixture
def area(store):
    return add_residential_area(store, "Tổ dân phố Số 5")


def test_add_person_cleans_and_stores_every_field(store, area):
    pid, draft = add_person(
        store,
        {
            "full_name": "  NGUYỄN   VĂN ĐỨC ",
            "gender": "Nam",
            "birth_date": "4/3/1980",
            "ethnicity": "Kinh",
            "religion": "Không",
            "citizen_id": 1080123456,  # a number cell that lost its leading zeros
            "phone": "0912 345 678",
            "area_id": area,
            "note": "Tổ trưởng",
        },
    )
    p = get_person(store, pid)
    assert p["full_name"] == "Nguyễn Văn Đức"
    assert p["gender"] == "male"
    assert p["birth_date"] == "1980-03-04"
    assert p["religion"] is None
    assert p["citizen_id"] == "001080123456"
    assert p["phone"] == "0912345678"
    assert p["area"] == "Tổ dân phố Số 5"
    assert p["status"] == "active"
    assert [code for _, code, _ in draft.notes] == ["citizen_id.leading_zeros_restored"]


def test_year_only_birth_date_is_kept_as_a_year(store):
    pid, _ = add_person(store, {"full_name": "Trần Thị Hoa", "birth_date": "1975"})
    assert get_person(store, pid)["birth_date"] == "1975"


def test_every_problem_of_a_form_is_reported_at_once_and_nothing_is_saved(store):
    before = store.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    with pytest.raises(InvalidInput) as err:
        add_person(
            store,
            {"full_name": "", "birth_date": "31/02/1990", "citizen_id": "12345", "phone": "12", "gender": "x"},
        )
    fields = sorted(p.field for p in err.value.problems)
    assert fields == ["birth_date", "citizen_id", "full_name", "gender", "phone"]
    assert store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == before
    text = messages.describe(err.value, "vi")
    assert "Họ và tên" in text and "Ngày sinh" in text


def test_citizen_id_must_be_unique(store):
    add_person(store, {"full_name": "Lê Văn A", "citizen_id": "001080123456"})
    with pytest.raises(InvalidInput) as err:
        add_person(store, {"full_name": "Lê Văn B", "citizen_id": "001080123456"})
    assert err.value.problems[0].code == "citizen_id.taken"
    assert "Lê Văn A" in messages.describe(err.value, "vi")


def test_update_changes_only_what_was_asked_and_logs_before_and_after(store, area):
    pid, _ = add_person(store, {"full_name": "Phạm Thị Lan", "phone": "0987654321", "area_id": area})
    update_person(store, pid, {"phone": "0911222333"})
    p = get_person(store, pid)
    assert p["phone"] == "0911222333" and p["full_name"] == "Phạm Thị Lan"
    row = store.conn.execute(
        "SELECT actor, action, before, after FROM change_log WHERE table_name = 'person' AND row_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (pid,),
    ).fetchone()
    assert row[0] == "tester" and row[1] == "update"
    before, after = json.loads(row[2]), json.loads(row[3])
    assert before == {"phone": "0987654321"}
    assert after == {"phone": "0911222333"}


def test_search_index_follows_edits(store, area):
    pid, _ = add_person(store, {"full_name": "Đỗ Thị Huệ", "area_id": area})
    assert [h.id for h in search_people(store, "do thi hue")] == [pid]
    update_person(store, pid, {"full_name": "Đỗ Thị Hương"})
    assert search_people(store, "do thi hue") == []
    assert [h.id for h in search_people(store, "huong")] == [pid]


def test_membership_history_is_never_overwritten(store, area):
    pid, _ = add_person(store, {"full_name": "Vũ Thị Mai", "gender": "nữ", "birth_date": "1990"})
    women = by_code(store, "women")
    branch = branch_of(store, women, area)
    first = join_organization(store, pid, branch, joined_on="01/01/2015")
    with pytest.raises(Conflict):
        join_organization(store, pid, branch)
    leave_organization(store, first, left_on="31/12/2020")
    second = join_organization(store, pid, branch, joined_on="01/06/2023")
    history = memberships_of(store, pid)
    assert [(m["id"], m["joined_on"], m["left_on"]) for m in history] == [
        (second, "2023-06-01", None),
        (first, "2015-01-01", "2020-12-31"),
    ]
    with pytest.raises(Conflict):
        leave_organization(store, first)


def test_leaving_before_joining_is_refused(store, area):
    pid, _ = add_person(store, {"full_name": "Bùi Văn Hải"})
    farmers = branch_of(store, by_code(store, "farmers"), area)
    mid = join_organization(store, pid, farmers, joined_on="01/05/2020")
    with pytest.raises(Exception) as err:
        leave_organization(store, mid, left_on="01/01/2019")
    assert err.value.code == "membership.left_before_joined"
    assert "(01/01/2019)" in messages.describe(err.value, "vi") and "(01/05/2020)" in messages.describe(err.value, "vi")
    assert memberships_of(store, pid)[0]["left_on"] is None
    leave_organization(store, mid, left_on="30/06/2024")
    with pytest.raises(Conflict) as err:
        leave_organization(store, mid)
    assert "30/06/2024" in messages.describe(err.value, "vi")


def test_renaming_an_area_updates_search(store, area):
    from app.domain.organizations import rename_organization

    pid, _ = add_person(store, {"full_name": "Hồ Văn Nam", "area_id": area})
    rename_organization(store, area, "Thôn Đồng Tâm")
    assert [h.id for h in search_people(store, "dong tam")] == [pid]
    assert residential_areas(store)[0]["name"] == "Thôn Đồng Tâm"


def test_every_kind_of_write_leaves_a_change_log_entry(store, area):
    from app.domain.positions import appoint, end_appointment, positions_of
    from app.domain.tasks import add_task, set_status

    start = store.conn.execute("SELECT max(id) FROM change_log").fetchone()[0]
    pid, _ = add_person(store, {"full_name": "Cao Văn Sơn"})
    update_person(store, pid, {"phone": "0912000111"})
    m = join_organization(store, pid, branch_of(store, by_code(store, "farmers"), area))
    leave_organization(store, m)
    chair = positions_of(store, by_code(store, "farmers"))[0].id
    end_appointment(store, appoint(store, chair, pid))
    t = add_task(store, {"title": "Việc thử"}, lead_id=pid)
    set_status(store, t, "done")
    rows = store.conn.execute(
        "SELECT table_name, action, actor FROM change_log WHERE id > ? ORDER BY id", (start,)
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("person", "insert"), ("person", "update"),
        ("membership", "insert"), ("membership", "update"),
        ("appointment", "insert"), ("appointment", "update"),
        ("task", "insert"), ("task_assignee", "update"), ("task", "update"),
    ]
    assert {r[2] for r in rows} == {"tester"}


def test_a_citizen_id_typed_short_is_a_slip_not_lost_zeros(store):
    with pytest.raises(InvalidInput) as caught:
        add_person(store, {"full_name": "Lê Văn Tám", "citizen_id": "01190123456"}, typed=True)
    [problem] = caught.value.problems
    assert problem.code == "citizen_id.wrong_length" and problem.params["length"] == 11
    # the same digits from a spreadsheet cell: Excel dropped the zero, and it comes back
    person_id, draft = add_person(store, {"full_name": "Lê Văn Tám", "citizen_id": "01190123456"})
    assert draft.values["citizen_id"] == "001190123456" and draft.notes


def test_joining_in_an_area_joins_the_organization_and_its_branch_as_an_import_does(store, area):
    person_id, _ = add_person(store, {"full_name": "Phạm Thị Lụa", "area_id": area})
    women, youth = by_code(store, "women"), by_code(store, "youth")
    join_in_area(store, person_id, women, area)
    join_in_area(store, person_id, youth, None)  # no area: the association itself
    joined = sorted(r[0] for r in store.conn.execute("SELECT organization_id FROM membership WHERE person_id = ?",
                                                     (person_id,)))
    assert joined == sorted([women, branch_of(store, women, area), youth])
    # already a member of the association (an earlier import): only the branch is added, nothing doubled
    other, _ = add_person(store, {"full_name": "Đỗ Thị Mơ", "area_id": area})
    held = join_organization(store, other, women)
    assert join_in_area(store, other, women, area) == held
    assert sorted(r[0] for r in store.conn.execute("SELECT organization_id FROM membership WHERE person_id = ?",
                                                   (other,))) == sorted([women, branch_of(store, women, area)])
