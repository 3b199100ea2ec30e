"""Saving a task from a form, status changes of a selection, the organizations filter."""
from __future__ import annotations

import pytest

from app.domain.organizations import by_code, front_committee_id
from app.domain.people import add_person, update_person
from app.domain.tasks import TaskFilter, count_tasks, get_task, save_task, set_statuses, task_ids, task_organizations
from app.errors import InvalidInput, NotFound


@pytest.fixture
def staff(store):
    return {
        name: add_person(store, {"full_name": name})[0]
        for name in ("Nguyễn Thị Lan", "Trần Văn Hải", "Lê Văn Bình")
    }


def test_save_task_adds_with_assignees_then_edits(store, staff):
    lan, hai, binh = staff["Nguyễn Thị Lan"], staff["Trần Văn Hải"], staff["Lê Văn Bình"]
    tid = save_task(store, None, {"title": "Thăm hộ nghèo", "due_on": "10/12/2026"}, lead_id=lan, support_ids=[hai])
    t = get_task(store, tid)
    assert (t.title, t.due_on, t.status, t.lead_id, t.support) == (
        "Thăm hộ nghèo", "2026-12-10", "todo", lan, [(hai, "Trần Văn Hải")]
    )
    save_task(store, tid, {"title": "Thăm hộ nghèo dịp Tết"}, lead_id=hai, support_ids=[binh, lan])
    t = get_task(store, tid)
    assert (t.title, t.due_on, t.lead_id) == ("Thăm hộ nghèo dịp Tết", "2026-12-10", hai)
    assert {pid for pid, _ in t.support} == {binh, lan}


def test_save_task_reports_field_and_people_problems_together_and_writes_nothing(store, staff):
    lan = staff["Nguyễn Thị Lan"]
    with pytest.raises(InvalidInput) as err:
        save_task(store, None, {"title": "", "due_on": "31/02/2026"}, lead_id=lan, support_ids=[lan])
    assert sorted(p.field for p in err.value.problems) == ["due_on", "support_ids", "title"]
    assert count_tasks(store) == 0
    tid = save_task(store, None, {"title": "Họp"}, lead_id=lan)
    with pytest.raises(InvalidInput):
        save_task(store, tid, {"title": "Họp chi hội", "due_on": "32/12/2026"}, lead_id=staff["Trần Văn Hải"])
    t = get_task(store, tid)
    assert (t.title, t.lead_id) == ("Họp", lan)  # neither the title nor the lead changed


def test_a_lead_who_moved_away_does_not_block_other_edits(store, staff):
    hai = staff["Trần Văn Hải"]
    tid = save_task(store, None, {"title": "Báo cáo"}, lead_id=hai)
    update_person(store, hai, {"status": "moved"})
    save_task(store, tid, {"title": "Báo cáo tháng", "due_on": "30/11/2026"}, lead_id=hai)
    assert get_task(store, tid).due_on == "2026-11-30"
    with pytest.raises(InvalidInput) as err:  # but nobody who moved away can be newly assigned
        save_task(store, tid, {}, lead_id=staff["Lê Văn Bình"], support_ids=[hai])
    assert [p.code for p in err.value.problems] == ["task.assignee_inactive"]


def test_set_statuses_is_all_or_nothing(store, staff, clock):
    a = save_task(store, None, {"title": "A"}, lead_id=None)
    b = save_task(store, None, {"title": "B", "source_date": "21/11/2026"}, lead_id=None)
    set_statuses(store, [a, b], "done")
    assert [get_task(store, i).completed_on for i in (a, b)] == ["2026-11-22"] * 2
    set_statuses(store, [a, b], "todo")
    with pytest.raises(InvalidInput) as err:  # b cannot be done before its document
        set_statuses(store, [a, b], "done", completed_on="20/11/2026")
    assert [p.code for p in err.value.problems] == ["task.completed_before_created"]
    assert [get_task(store, i).status for i in (a, b)] == ["todo", "todo"]
    with pytest.raises(NotFound):
        set_statuses(store, [a, 999], "cancelled")
    assert get_task(store, a).status == "todo"


def test_task_organizations_lists_only_those_with_tasks_front_first(store):
    women = by_code(store, "women")
    front = front_committee_id(store)
    assert task_organizations(store) == []
    a = save_task(store, None, {"title": "A", "organization_id": women}, lead_id=None)
    save_task(store, None, {"title": "B", "organization_id": front}, lead_id=None)
    assert [oid for oid, _ in task_organizations(store)] == [front, women]
    task = get_task(store, a)
    assert (task.organization, task.organization_short) == ("Hội Liên hiệp Phụ nữ", "Hội LHPN")


def test_the_title_search_ignores_accents_and_case_every_time(store):
    ids = [save_task(store, None, {"title": t}, lead_id=None) for t in ("Báo cáo tháng", "Họp Đoàn", "BÁO CÁO quý")]
    for _ in range(2):  # the second search uses the remembered folded titles
        assert task_ids(store, TaskFilter(text="bao cao")) == [ids[0], ids[2]]
        assert task_ids(store, TaskFilter(text="hop doan")) == [ids[1]]
