"""A small commune built by hand for the report tests, with every figure known.

Today is 22/11/2026 (the ``clock`` fixture); the period under test is
2026-11 (last day D = 30/11/2026). The expected figures are written out in
``EXPECTED_NOVEMBER`` below, each with the reason in a comment.
"""
from __future__ import annotations

from app.domain.organizations import add_residential_area, branch_of, by_code, front_committee_id
from app.domain.people import add_person, join_organization, leave_organization, update_person
from app.domain.positions import appoint, end_appointment
from app.domain.tasks import add_task, set_status


def _position(store, org_id: int, title: str) -> int:
    return store.conn.execute(
        "SELECT id FROM position WHERE organization_id = ? AND title = ?", (org_id, title)
    ).fetchone()[0]


def build(store) -> dict[str, int]:
    area = add_residential_area(store, "Thôn Đông")
    women, farmers, veterans, youth = (branch_of(store, by_code(store, c), area)
                                       for c in ("women", "farmers", "veterans", "youth"))
    front = front_committee_id(store)
    committee = store.conn.execute(
        "SELECT id FROM organization WHERE kind = 'work_committee' AND parent_id = ?", (area,)).fetchone()[0]

    def person(name, gender, birth, ethnicity=None, religion=None, note=None):
        return add_person(store, {"full_name": name, "gender": gender, "birth_date": birth, "ethnicity": ethnicity,
                                  "religion": religion, "area_id": area, "note": note})[0]

    a = person("Nguyễn Thị Hoa", "female", "10/05/1990", "Kinh")            # 36 on D
    b = person("Lò Thị Mai", "female", "1960", "Thái", "Phật giáo")         # year only: 66
    c = person("Trần Văn Nam", "male", "15/12/2000")                        # 25 on D (birthday after D); ethnicity unknown
    d = person("Phạm Văn Cường", "male", "30/11/1966", "Kinh")              # 60 exactly on D
    e = person("Lê Văn Hết", "male", "1950", "Kinh")                        # left in November
    f = person("Hoàng Văn Xa", "male", "1955", "Kinh")                      # moved away, membership never closed
    join_organization(store, a, women, joined_on="01/01/2020")
    join_organization(store, b, women, joined_on="01/01/2015")
    join_organization(store, b, farmers, joined_on="01/01/2015")
    join_organization(store, c, youth, joined_on="01/03/2018")
    join_organization(store, d, farmers, joined_on="05/11/2026")            # joined in November
    left = join_organization(store, e, farmers, joined_on="01/01/2010")
    leave_organization(store, left, left_on="10/11/2026")
    join_organization(store, f, veterans, joined_on="01/01/2012")
    update_person(store, f, {"status": "moved"})

    appoint(store, _position(store, front, "Chủ tịch"), a, start_on="01/01/2025")
    appoint(store, _position(store, front, "Phó Chủ tịch"), b, start_on="01/01/2025")
    appoint(store, _position(store, front, "Phó Chủ tịch"), c, start_on="01/06/2026", acting=True)
    appoint(store, _position(store, by_code(store, "women"), "Chủ tịch"), b, start_on="01/01/2025")
    appoint(store, _position(store, committee, "Trưởng ban"), a, start_on="01/01/2024")
    ended = appoint(store, _position(store, by_code(store, "farmers"), "Phó Chủ tịch"), d, start_on="01/01/2024")
    end_appointment(store, ended, end_on="31/10/2026")

    def task(title, org, due, status=None, done=None):
        task_id = add_task(store, {"title": title, "organization_id": org, "due_on": due}, lead_id=a)
        if status:
            set_status(store, task_id, status, completed_on=done)
        return task_id

    task("T1 đúng hạn", front, "10/11/2026", "done", "08/11/2026")
    task("T2 trễ hạn", by_code(store, "women"), "05/11/2026", "done", "12/11/2026")
    task("T3 quá hạn", front, "15/11/2026")
    task("T4 đang làm", by_code(store, "farmers"), "28/11/2026", "in_progress")
    task("T5 không hạn, giao hôm nay", None, None)
    task("T6 đã hủy", front, "20/11/2026", "cancelled")
    task("T7 tồn từ tháng 10", front, "20/10/2026")
    task("T8 hạn tháng 12", front, "05/12/2026")
    task("T9 xong trong tháng 10", front, "15/10/2026", "done", "14/10/2026")
    task("T10 xong đúng ngày hạn", by_code(store, "youth"), "03/11/2026", "done", "03/11/2026")
    task("T11 hạn tháng 10, xong tháng 11", front, "25/10/2026", "done", "02/11/2026")
    return {"area": area, "a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


# (indicator, unit) -> value for 2026-11; anything not listed is 0.
EXPECTED_NOVEMBER = {
    # women: A and B; farmers: B and D (E left on 10/11); youth: C; veterans: F moved away -> nobody
    ("members.total", "women"): 2, ("members.total", "farmers"): 2, ("members.total", "youth"): 1,
    ("members.total", "commune"): 4,  # B counted once
    ("members.female", "women"): 2, ("members.female", "farmers"): 1, ("members.female", "commune"): 2,
    ("members.ethnic_minority", "women"): 1, ("members.ethnic_minority", "farmers"): 1,
    ("members.ethnic_minority", "commune"): 1,
    ("members.ethnicity_unknown", "youth"): 1, ("members.ethnicity_unknown", "commune"): 1,
    ("members.religion", "women"): 1, ("members.religion", "farmers"): 1, ("members.religion", "commune"): 1,
    ("members.age_30_45", "women"): 1, ("members.age_over_60", "women"): 1,
    ("members.age_over_60", "farmers"): 1, ("members.age_46_60", "farmers"): 1,
    ("members.age_under_30", "youth"): 1,
    ("members.age_under_30", "commune"): 1, ("members.age_30_45", "commune"): 1,
    ("members.age_46_60", "commune"): 1, ("members.age_over_60", "commune"): 1,
    # front: the committee (1 + 6 + 3 seats, 3 positions) and the area's work committee (1 + 1 + 3 seats)
    ("positions.count", "front"): 6, ("positions.seats", "front"): 15, ("positions.filled", "front"): 4,
    ("positions.vacant", "front"): 11, ("positions.acting", "front"): 1, ("positions.concurrent_holders", "front"): 2,
    # women: Union 1 + 2, branch 1 + 1
    ("positions.count", "women"): 4, ("positions.seats", "women"): 5, ("positions.filled", "women"): 1,
    ("positions.vacant", "women"): 4, ("positions.concurrent_holders", "women"): 1,
    # farmers: D's appointment ended on 31/10
    ("positions.count", "farmers"): 4, ("positions.seats", "farmers"): 4, ("positions.vacant", "farmers"): 4,
    ("positions.count", "veterans"): 4, ("positions.seats", "veterans"): 4, ("positions.vacant", "veterans"): 4,
    ("positions.count", "youth"): 4, ("positions.seats", "youth"): 5, ("positions.vacant", "youth"): 5,
    ("positions.count", "trade_union"): 3, ("positions.seats", "trade_union"): 3,
    ("positions.vacant", "trade_union"): 3,
    ("positions.count", "commune"): 25, ("positions.seats", "commune"): 36, ("positions.filled", "commune"): 5,
    ("positions.vacant", "commune"): 31, ("positions.acting", "commune"): 1,
    ("positions.concurrent_holders", "commune"): 2,  # A and B
    # tasks: T1 on time, T3 overdue, T7 inherited; T2 late; T4 open; T10 on time; T5 (no organization) open
    ("tasks.assigned", "front"): 2, ("tasks.done_on_time", "front"): 1, ("tasks.open", "front"): 1,
    ("tasks.overdue", "front"): 1, ("tasks.backlog_overdue", "front"): 1,
    ("tasks.assigned", "women"): 1, ("tasks.done_late", "women"): 1,
    ("tasks.assigned", "farmers"): 1, ("tasks.open", "farmers"): 1,
    ("tasks.assigned", "youth"): 1, ("tasks.done_on_time", "youth"): 1,
    ("tasks.assigned", "commune"): 6, ("tasks.done_on_time", "commune"): 2, ("tasks.done_late", "commune"): 1,
    ("tasks.open", "commune"): 3, ("tasks.overdue", "commune"): 1, ("tasks.backlog_overdue", "commune"): 1,
}
