"""Tasks with lead and supporting assignees, duties that generate them, workload."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain.duties import (
    add_duty,
    generate_tasks,
    get_duty,
    list_duties,
    occurrences,
    period_key,
    period_label,
    set_active,
    update_duty,
)
from app.domain.organizations import by_code, front_committee_id
from app.domain.people import add_person, update_person
from app.domain.tasks import TaskFilter, add_task, assign, count_tasks, get_task, list_tasks, set_status, task_ids
from app.domain.workload import OVERLOAD_OPEN_TASKS, busiest, load_of, overview
from app.errors import InvalidInput, InvalidValue, NotFound


@pytest.fixture
def staff(store):
    return {
        name: add_person(store, {"full_name": name})[0]
        for name in ("Nguyễn Thị Lan", "Trần Văn Hải", "Lê Văn Bình")
    }


def test_a_task_keeps_its_source_document_and_assignees(store, staff):
    tid = add_task(
        store,
        {
            "title": "Triển khai Kế hoạch số 45/KH-MTTQ",
            "source_number": "45/KH-MTTQ-BTT",
            "source_date": "10/11/2026",
            "source_issuer": "Ban Thường trực Ủy ban MTTQ tỉnh",
            "due_on": "30/11/2026",
            "priority": "high",
            "organization_id": front_committee_id(store),
        },
        lead_id=staff["Nguyễn Thị Lan"],
        support_ids=[staff["Trần Văn Hải"], staff["Lê Văn Bình"]],
    )
    t = get_task(store, tid)
    assert (t.source_number, t.source_date, t.due_on, t.status) == ("45/KH-MTTQ-BTT", "2026-11-10", "2026-11-30", "todo")
    assert t.lead == "Nguyễn Thị Lan"
    assert [n for _, n in t.support] == ["Lê Văn Bình", "Trần Văn Hải"]  # Vietnamese order
    assert not t.overdue


def test_task_validation(store, staff):
    with pytest.raises(InvalidInput) as err:
        add_task(store, {"title": " ", "due_on": "32/13/2026", "source_date": "01/01/2030", "priority": "asap"})
    assert sorted(p.field for p in err.value.problems) == ["due_on", "priority", "source_date", "title"]
    with pytest.raises(InvalidValue):
        add_task(store, {"title": "X"}, lead_id=staff["Lê Văn Bình"], support_ids=[staff["Lê Văn Bình"]])
    update_person(store, staff["Trần Văn Hải"], {"status": "deceased"})
    with pytest.raises(InvalidValue):
        add_task(store, {"title": "X"}, lead_id=staff["Trần Văn Hải"])
    assert count_tasks(store) == 0


def test_status_changes_and_overdue_is_derived(store, staff, clock):
    tid = add_task(store, {"title": "Báo cáo nhanh", "due_on": "15/11/2026"}, lead_id=staff["Lê Văn Bình"])
    assert get_task(store, tid).overdue
    assert task_ids(store, TaskFilter(overdue=True)) == [tid]
    set_status(store, tid, "in_progress")
    assert get_task(store, tid).overdue
    set_status(store, tid, "done", completed_on="20/11/2026")
    t = get_task(store, tid)
    assert (t.status, t.completed_on, t.overdue) == ("done", "2026-11-20", False)
    set_status(store, tid, "todo")  # reopened: the completion date goes
    assert get_task(store, tid).completed_on is None
    with pytest.raises(InvalidInput):
        set_status(store, tid, "done", completed_on="01/01/2027")  # in the future
    with pytest.raises(InvalidValue):
        set_status(store, tid, "finished")


def test_filters_combine(store, staff):
    lan, hai = staff["Nguyễn Thị Lan"], staff["Trần Văn Hải"]
    women = by_code(store, "women")
    a = add_task(store, {"title": "Họp chi hội", "due_on": "25/11/2026", "organization_id": women}, lead_id=lan)
    b = add_task(store, {"title": "Thăm hộ nghèo", "due_on": "10/12/2026"}, lead_id=hai, support_ids=[lan])
    c = add_task(store, {"title": "Báo cáo tháng 10", "due_on": "20/10/2026"}, lead_id=hai)
    assert set(task_ids(store, TaskFilter(person_id=lan))) == {a, b}
    assert task_ids(store, TaskFilter(person_id=lan, lead_only=True)) == [a]
    assert task_ids(store, TaskFilter(organization_id=women)) == [a]
    assert task_ids(store, TaskFilter(due_within_days=7)) == [a]
    assert task_ids(store, TaskFilter(overdue=True)) == [c]
    assert task_ids(store, TaskFilter(text="tham ho ngheo")) == [b]
    assert task_ids(store) == [c, a, b]  # open first, soonest due first
    assign(store, b, lead_id=lan, support_ids=[])
    assert get_task(store, b).lead == "Nguyễn Thị Lan" and get_task(store, b).support == []
    assert [t.id for t in list_tasks(store, TaskFilter(statuses=("todo",)), limit=2)] == [c, a]


def test_periods_and_their_labels():
    d = date(2026, 11, 22)
    assert [period_key(c, d) for c in ("weekly", "monthly", "quarterly", "half_yearly", "yearly")] == [
        "2026-W47", "2026-11", "2026-Q4", "2026-H2", "2026"
    ]
    assert period_label("2026-Q4") == "quý IV/2026"
    assert period_label("2026-H1") == "6 tháng đầu năm 2026"
    assert period_label("2026-11") == "tháng 11/2026"


def test_occurrences_clamp_to_the_month_length():
    duty = {"cadence": "monthly", "due_day": 31, "due_month": 1}
    got = occurrences(duty, date(2026, 1, 1), date(2026, 4, 30))
    assert [d.isoformat() for _, d in got] == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]
    quarterly = {"cadence": "quarterly", "due_day": 15, "due_month": 3}
    got = occurrences(quarterly, date(2026, 1, 1), date(2026, 12, 31))
    assert got == [("2026-Q1", date(2026, 3, 15)), ("2026-Q2", date(2026, 6, 15)),
                   ("2026-Q3", date(2026, 9, 15)), ("2026-Q4", date(2026, 12, 15))]
    weekly = {"cadence": "weekly", "due_day": 5, "due_month": 1}
    assert occurrences(weekly, date(2026, 11, 16), date(2026, 11, 29))[0] == ("2026-W47", date(2026, 11, 20))


def test_a_duty_generates_each_periods_task_once(store, staff):
    duty = add_duty(
        store,
        {
            "title": "Báo cáo công tác Mặt trận tháng",
            "organization_id": front_committee_id(store),
            "owner_id": staff["Nguyễn Thị Lan"],
            "cadence": "monthly",
            "due_day": 20,
            "lead_days": 10,
            "starts_on": "01/08/2026",
        },
    )
    created = generate_tasks(store)
    titles = [get_task(store, t).title for t in created]
    # Aug, Sep, Oct, Nov are due by now; Dec 20 is within 10 days? no (28 days away)
    assert titles == [
        "Báo cáo công tác Mặt trận tháng — tháng 8/2026",
        "Báo cáo công tác Mặt trận tháng — tháng 9/2026",
        "Báo cáo công tác Mặt trận tháng — tháng 10/2026",
        "Báo cáo công tác Mặt trận tháng — tháng 11/2026",
    ]
    assert all(get_task(store, t).lead == "Nguyễn Thị Lan" for t in created)
    assert generate_tasks(store) == []  # idempotent
    later = generate_tasks(store, today=date(2026, 12, 12))
    assert [get_task(store, t).duty_period for t in later] == ["2026-12"]
    view = list_duties(store)[0]
    assert view.id == duty and view.open_tasks == 5 and view.next_due == date(2026, 12, 20)


def test_duty_validation(store):
    with pytest.raises(InvalidInput) as err:
        add_duty(store, {"title": "", "cadence": "daily", "due_day": 40, "organization_id": 999})
    assert {p.field for p in err.value.problems} >= {"title", "cadence", "due_day", "organization_id"}
    with pytest.raises(InvalidInput):
        add_duty(store, {"title": "Giao ban", "cadence": "weekly", "due_day": 8,
                         "organization_id": front_committee_id(store)})


def test_workload_and_overview(store, staff):
    lan, hai = staff["Nguyễn Thị Lan"], staff["Trần Văn Hải"]
    for i in range(OVERLOAD_OPEN_TASKS + 1):
        add_task(store, {"title": f"Việc {i}", "due_on": "01/11/2026" if i < 3 else "24/11/2026"}, lead_id=lan)
    done = add_task(store, {"title": "Đã xong"}, lead_id=hai, support_ids=[lan])
    set_status(store, done, "done")
    add_task(store, {"title": "Hỗ trợ"}, lead_id=hai, support_ids=[lan])
    load = load_of(store, [lan, hai])
    assert (load[lan].open_lead, load[lan].open_support, load[lan].overdue) == (OVERLOAD_OPEN_TASKS + 1, 1, 3)
    assert load[lan].overloaded and not load[hai].overloaded
    assert [p.full_name for p in busiest(store, 2)] == ["Nguyễn Thị Lan", "Trần Văn Hải"]
    o = overview(store)
    assert (o.overdue_tasks, o.due_this_week, o.open_tasks) == (3, OVERLOAD_OPEN_TASKS + 1 - 3, OVERLOAD_OPEN_TASKS + 2)
    assert o.vacant_seats > 0 and o.unsent_reports == 0 and o.people == 3


def _monthly_report(store, owner=None, **extra):
    return add_duty(
        store,
        {"title": "Báo cáo công tác Mặt trận tháng", "organization_id": front_committee_id(store),
         "owner_id": owner, "cadence": "monthly", "due_day": 20, "lead_days": 10,
         "starts_on": "01/11/2026", **extra},
    )


def _duty_log(store, duty_id):
    return [
        (action, json.loads(before) if before else None, json.loads(after))
        for action, before, after in store.conn.execute(
            "SELECT action, before, after FROM change_log WHERE table_name = 'duty' AND row_id = ? ORDER BY id",
            (duty_id,),
        )
    ]


def test_updating_a_duty_changes_only_what_was_asked_and_logs_it(store, staff):
    duty = _monthly_report(store, staff["Nguyễn Thị Lan"])
    update_duty(store, duty, {"due_day": 25, "owner_id": staff["Trần Văn Hải"], "ends_on": "31/12/2027"})
    row = get_duty(store, duty)
    assert (row["due_day"], row["owner"], row["ends_on"], row["lead_days"]) == (25, "Trần Văn Hải", "2027-12-31", 10)
    action, before, after = _duty_log(store, duty)[-1]
    assert action == "update"
    assert before == {"due_day": 20, "owner_id": staff["Nguyễn Thị Lan"], "ends_on": None}
    assert after == {"due_day": 25, "owner_id": staff["Trần Văn Hải"], "ends_on": "2027-12-31"}


def test_a_bad_update_stores_nothing_and_lists_every_problem(store):
    duty = _monthly_report(store)
    before = get_duty(store, duty)
    logged = len(_duty_log(store, duty))
    with pytest.raises(InvalidInput) as err:
        update_duty(store, duty, {"title": " ", "cadence": "weekly", "due_day": 31, "starts_on": "31/02/2026"})
    assert {p.field for p in err.value.problems} == {"title", "due_day", "starts_on"}
    with pytest.raises(InvalidInput) as err:
        update_duty(store, duty, {"ends_on": "01/10/2026"})  # before the start on 01/11/2026
    assert [(p.field, p.code) for p in err.value.problems] == [("ends_on", "duty.ends_before_start")]
    assert get_duty(store, duty) == before and len(_duty_log(store, duty)) == logged
    with pytest.raises(NotFound):
        update_duty(store, 999, {"due_day": 3})


def test_changing_the_cadence_to_monthly_forgets_the_month_in_the_period(store):
    duty = add_duty(store, {"title": "Báo cáo quý", "organization_id": front_committee_id(store),
                            "cadence": "quarterly", "due_day": 15, "due_month": 3})
    update_duty(store, duty, {"cadence": "monthly"})
    assert (get_duty(store, duty)["cadence"], get_duty(store, duty)["due_month"]) == ("monthly", 1)


def test_a_stopped_duty_makes_no_tasks_until_resumed(store, staff):
    duty = _monthly_report(store, staff["Nguyễn Thị Lan"])
    set_active(store, duty, False)
    assert generate_tasks(store) == []
    assert list_duties(store) == [] and not list_duties(store, include_inactive=True)[0].active
    assert _duty_log(store, duty)[-1] == ("update", {"active": 1}, {"active": 0})
    set_active(store, duty, True)
    created = generate_tasks(store)
    assert [get_task(store, t).duty_period for t in created] == ["2026-11"]
    assert list_duties(store)[0].active and _duty_log(store, duty)[-1][2] == {"active": 1}


def test_the_duty_list_is_in_vietnamese_order_and_an_ended_duty_has_no_next_date(store):
    fc = front_committee_id(store)
    for title in ("Đánh giá", "Duyệt", "Báo cáo", "Ăn tết"):
        add_duty(store, {"title": title, "organization_id": fc, "cadence": "monthly", "due_day": 5,
                         "starts_on": "01/01/2026", "ends_on": "30/11/2026" if title == "Duyệt" else None})
    views = list_duties(store)
    assert [v.title for v in views] == ["Ăn tết", "Báo cáo", "Duyệt", "Đánh giá"]
    assert [v.next_due for v in views] == [date(2026, 12, 5), date(2026, 12, 5), None, date(2026, 12, 5)]
