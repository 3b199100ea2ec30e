"""The demo commune (app.demo.builder): believable, valid, deterministic, and quick."""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from app.clock import FixedClock
from app.db.storage import foreign_key_problems, integrity_problems, open_store
from app.demo.builder import DemoSummary, build_demo
from app.domain.people import FIELDS, validate_person
from app.domain.positions import concurrent_holders, vacancies
from app.domain.search import search_people
from app.errors import DatabaseProblem, InvalidValue
from app.text.citizen_id import check_against_person, parse_citizen_id
from app.text.phone import parse_phone
from app.text.vietnamese import fold

TODAY = date(2026, 11, 22)
AREAS = "SELECT count(*) FROM organization WHERE kind = 'residential_area'"


def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One 1,500-person demo shared by the read-only checks."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    stages: list[tuple[str, int, int]] = []
    summary = build_demo(path, people=1500, seed=3, clock=clock(),
                         progress=lambda *a: stages.append(a))
    store = open_store(path, clock=clock())
    yield summary, store, stages
    store.close()


def rows(store, sql, *args):
    return store.conn.execute(sql, args).fetchall()


def one(store, sql, *args):
    return store.conn.execute(sql, args).fetchone()[0]


def snapshot(path) -> dict[str, list]:
    store = open_store(path, clock=clock())
    try:
        return {
            "commune": rows(store, "SELECT code, name FROM commune"),
            "organization": rows(
                store, "SELECT id, kind, name, parent_id FROM organization ORDER BY id"
            ),
            "person": rows(store, "SELECT * FROM person ORDER BY id"),
            "membership": rows(store, "SELECT * FROM membership ORDER BY id"),
            "appointment": rows(store, "SELECT * FROM appointment ORDER BY id"),
            "duty": rows(store, "SELECT * FROM duty ORDER BY id"),
            "task": rows(store, "SELECT * FROM task ORDER BY id"),
            "task_assignee": rows(
                store, "SELECT * FROM task_assignee ORDER BY task_id, person_id"
            ),
            "petition": rows(store, "SELECT * FROM petition ORDER BY id"),
            "fund_entry": rows(store, "SELECT * FROM fund_entry ORDER BY id"),
            "oversight_case": rows(store, "SELECT * FROM oversight_case ORDER BY id"),
        }
    finally:
        store.close()


# -- determinism -------------------------------------------------------------------


def test_same_seed_and_day_give_the_same_database(tmp_path):
    build_demo(tmp_path / "a.db", people=400, seed=11, clock=clock())
    build_demo(tmp_path / "b.db", people=400, seed=11, clock=clock())
    a, b = snapshot(tmp_path / "a.db"), snapshot(tmp_path / "b.db")
    for table in a:
        assert a[table] == b[table], table


def test_another_seed_gives_another_commune(tmp_path):
    build_demo(tmp_path / "a.db", people=400, seed=11, clock=clock())
    build_demo(tmp_path / "c.db", people=400, seed=12, clock=clock())
    a, c = snapshot(tmp_path / "a.db"), snapshot(tmp_path / "c.db")
    names_a = [r[1] for r in a["person"]]
    names_c = [r[1] for r in c["person"]]
    assert names_a != names_c
    assert [r[1] for r in a["task"]] != [r[1] for r in c["task"]]


def test_same_commune_code_other_seed_still_differs(tmp_path):
    build_demo(tmp_path / "a.db", people=300, seed=1, commune_code="00004", clock=clock())
    build_demo(tmp_path / "b.db", people=300, seed=2, commune_code="00004", clock=clock())
    a, b = snapshot(tmp_path / "a.db"), snapshot(tmp_path / "b.db")
    assert a["commune"] == b["commune"]
    assert [r[6] for r in a["person"]] != [r[6] for r in b["person"]]  # citizen IDs


# -- the summary and the promised ranges -----------------------------------------


def test_summary_matches_the_database(demo):
    summary, store, _ = demo
    assert isinstance(summary, DemoSummary)
    assert summary.people == one(store, "SELECT count(*) FROM person") == 1500
    assert summary.areas == one(store, AREAS)
    assert summary.memberships == one(store, "SELECT count(*) FROM membership")
    assert summary.tasks == one(store, "SELECT count(*) FROM task")
    assert summary.duties == one(store, "SELECT count(*) FROM duty") >= 10
    assert summary.vacant_seats == sum(v.vacant for v in vacancies(store))
    assert summary.concurrent_holders == len(concurrent_holders(store))
    assert summary.commune_code == one(store, "SELECT code FROM commune")
    assert summary.elapsed > 0
    data = summary.as_dict()
    assert data["path"] == str(summary.path) and data["people"] == 1500


def test_picks_a_rural_commune_from_the_official_list(demo):
    summary, store, _ = demo
    assert one(store, "SELECT division_type FROM commune") == "xã"
    assert store.meta("is_demo") == "1"


def test_areas_count_and_names(demo):
    summary, store, _ = demo
    assert 8 <= summary.areas <= 20
    found = rows(store, "SELECT id, name FROM organization WHERE kind = 'residential_area'")
    names = [r[1] for r in found]
    assert len(set(names)) == len(names)
    assert all(n.split()[0] in {"Thôn", "Xóm", "Bản", "Ấp", "Buôn", "Plei", "Làng"} for n in names)
    # each area has its work committee and a branch of every member organization
    for area_id, _ in found:
        kinds = rows(store, "SELECT kind FROM organization WHERE area_id = ?", area_id)
        assert sorted(k for (k,) in kinds) == ["branch"] * 5 + ["work_committee"]


def test_ward_areas_are_numbered_residential_groups(tmp_path):
    summary = build_demo(tmp_path / "w.db", people=300, commune_code="00004", clock=clock())
    assert summary.commune_name == "Phường Ba Đình"
    store = open_store(tmp_path / "w.db", clock=clock())
    try:
        found = rows(store, AREAS.replace("count(*)", "name") + " ORDER BY sort_key")
        names = [n for (n,) in found]
    finally:
        store.close()
    assert names == [f"Tổ dân phố {i}" for i in range(1, len(names) + 1)]


def test_people_look_like_a_commune(demo):
    _, store, _ = demo
    n = 1500
    female = one(store, "SELECT count(*) FROM person WHERE gender = 'female'")
    assert 0.45 < female / n < 0.57
    year_only = one(store, "SELECT count(*) FROM person WHERE length(birth_date) = 4")
    assert 0.12 < year_only / n < 0.30
    assert one(store, "SELECT count(*) FROM person WHERE birth_date IS NULL") == 0
    with_id = one(store, "SELECT count(*) FROM person WHERE citizen_id IS NOT NULL")
    assert 0.65 < with_id / n < 0.85
    with_phone = one(store, "SELECT count(*) FROM person WHERE phone IS NOT NULL")
    assert 0.5 < with_phone / n < 0.7
    kinh = one(store, "SELECT count(*) FROM person WHERE ethnicity = 'Kinh'")
    assert 0.85 < kinh / n < 0.99
    no_religion = one(store, "SELECT count(*) FROM person WHERE religion IS NULL")
    assert 0.6 < no_religion / n < 0.95
    statuses = dict(rows(store, "SELECT status, count(*) FROM person GROUP BY status"))
    assert statuses["active"] > 0.95 * n
    assert statuses.get("moved", 0) + statuses.get("deceased", 0) > 0
    ages = [TODAY.year - int(r[0][:4]) for r in rows(store, "SELECT birth_date FROM person")]
    assert min(ages) >= 16 and max(ages) <= 91
    assert sum(1 for a in ages if a >= 60) > 0.1 * n
    # every area has people
    assert one(store, "SELECT count(*) FROM person WHERE area_id IS NULL") == 0
    assert one(store, "SELECT count(DISTINCT area_id) FROM person") == one(store, AREAS)


def test_names_are_nfc_vietnamese(demo):
    _, store, _ = demo
    names = [r[0] for r in rows(store, "SELECT full_name FROM person")]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert all(len(n.split()) >= 2 for n in names)
    with_marks = sum(1 for n in names if not n.isascii())
    assert with_marks > 0.95 * len(names)
    # the usual surnames lead
    surnames = [n.split()[0] for n in names]
    assert surnames.count("Nguyễn") > surnames.count("Trần") > 0
    assert 0.2 < surnames.count("Nguyễn") / len(names) < 0.42
    # and many different given names
    assert len({n.split()[-1] for n in names}) >= 80


def test_values_are_what_validate_person_would_store(demo):
    _, store, _ = demo
    cur = store.conn.execute("SELECT * FROM person ORDER BY id LIMIT 300")
    columns = [d[0] for d in cur.description]
    for row in cur.fetchall():
        stored = dict(zip(columns, row))
        draft = validate_person(store, {k: stored[k] for k in FIELDS}, person_id=stored["id"])
        assert not draft.notes, (stored, draft.notes)
        for key, value in draft.values.items():
            assert stored[key] == value, (key, stored[key], value)


def test_citizen_ids_are_valid_unique_and_match_the_person(demo):
    _, store, _ = demo
    found = rows(
        store, "SELECT citizen_id, gender, birth_date FROM person WHERE citizen_id IS NOT NULL"
    )
    ids = [r[0] for r in found]
    assert len(ids) == len(set(ids))
    for cid, gender, birth in found:
        parsed = parse_citizen_id(cid)
        assert parsed.value == cid and parsed.repaired is None
        assert check_against_person(cid, gender=gender, birth_year=int(birth[:4])) == []


def test_phones_are_valid_mobiles(demo):
    _, store, _ = demo
    for (phone,) in rows(store, "SELECT phone FROM person WHERE phone IS NOT NULL"):
        assert parse_phone(phone) == (phone, None)
        assert len(phone) == 10 and phone[:2] in {"03", "05", "07", "08", "09"}


def test_memberships_have_history(demo):
    _, store, _ = demo
    today = TODAY.isoformat()
    members = (
        "SELECT count(*) FROM membership m JOIN person p ON p.id = m.person_id"
        " JOIN organization o ON o.id = m.organization_id"
        " LEFT JOIN organization mo ON mo.id = o.parent_id WHERE "
    )
    assert one(store, members + "1") > 500
    assert one(store, members + "m.left_on IS NOT NULL") > 10
    # only branches of the member organizations
    assert one(store, members + "o.kind != 'branch'") == 0
    # only women in the Women's Union
    assert one(store, members + "mo.code = 'women' AND p.gender != 'female'") == 0
    # people who moved away or died have no open membership
    assert one(store, members + "p.status != 'active' AND m.left_on IS NULL") == 0
    assert one(store, members + "m.joined_on > ? OR m.left_on > ?", today, today) == 0
    # young people who aged out of the Youth Union are still on its history
    assert one(store, members + "mo.code = 'youth' AND m.left_on IS NOT NULL") > 0
    logged = "SELECT count(*) FROM change_log WHERE action = 'bulk' AND table_name = ?"
    assert one(store, logged, "membership") == 1
    assert one(store, logged, "person") == 1
    assert one(store, logged, "task") == 1


HOLDERS = (
    "SELECT {what} FROM appointment a JOIN person p ON p.id = a.person_id"
    " JOIN position ps ON ps.id = a.position_id"
    " JOIN organization o ON o.id = ps.organization_id"
    " LEFT JOIN organization mo ON mo.id = o.parent_id WHERE "
)


def test_positions_mostly_filled_with_vacancies_and_concurrency(demo):
    summary, store, _ = demo
    assert 0.08 <= summary.vacant_seats / summary.seats <= 0.2
    front_vacant = [v for v in vacancies(store) if v.organization.startswith("Ủy ban MTTQ")]
    assert front_vacant, "a commune-level seat is vacant (a missing Vice Chair)"
    triple = [h for h in concurrent_holders(store) if len(h.posts) >= 3]
    assert len(triple) >= 3
    # the member organizations' heads are Vice Chairs of the Front committee
    person = HOLDERS.format(what="a.person_id")
    heads = rows(store, person + "o.kind = 'member_org' AND ps.rank = 10 AND a.end_on IS NULL")
    vice = rows(store, person + "o.kind = 'front_committee' AND ps.title = 'Phó Chủ tịch'"
                                " AND a.end_on IS NULL")
    assert len(heads) == 5 and set(heads) <= set(vice)
    # history: ended appointments, all in the past
    assert summary.past_appointments > 0
    count = HOLDERS.format(what="count(*)")
    assert one(store, count + "a.start_on > ?", TODAY.isoformat()) == 0
    # women hold the Women's Union posts; holders are active people
    assert one(store, count + "(o.code = 'women' OR mo.code = 'women')"
                              " AND p.gender != 'female'") == 0
    assert one(store, count + "p.status != 'active'") == 0


def test_tasks_in_every_state(demo):
    summary, store, _ = demo
    today = TODAY.isoformat()
    tasks = "SELECT count(*) FROM task t WHERE "
    assert 250 <= summary.tasks <= 400  # ≈ max(150, people // 5)
    statuses = dict(rows(store, "SELECT status, count(*) FROM task GROUP BY status"))
    assert set(statuses) == {"todo", "in_progress", "done", "cancelled"}
    overdue = one(store, tasks + "status IN ('todo', 'in_progress') AND due_on < ?", today)
    assert overdue == summary.overdue_tasks
    assert 0.02 < overdue / summary.tasks < 0.20  # behind by weeks, not drowning
    months_late = one(store, tasks + "status IN ('todo', 'in_progress') AND due_on < date(?, '-120 days')", today)
    assert months_late < overdue / 3  # a year-old task left open is the exception
    assert one(store, tasks + "status = 'done' AND completed_on > due_on") > 0  # late
    assert one(store, tasks + "status = 'done' AND completed_on <= due_on") > 0  # on time
    assert one(store, tasks + "completed_on > ? OR source_date > ?", today, today) == 0
    assert one(store, tasks + "completed_on < source_date") == 0
    assert one(store, tasks + "due_on > '2027-03-01' OR due_on < '2025-10-01'") == 0
    # duties made their tasks
    assert one(store, tasks + "duty_id IS NOT NULL") > 50
    # a lead for every ad-hoc task, and the work is uneven
    assert one(store, tasks + "duty_id IS NULL AND NOT EXISTS (SELECT 1 FROM task_assignee a"
                              " WHERE a.task_id = t.id AND a.role = 'lead')") == 0
    loads = [r[0] for r in rows(
        store, "SELECT count(*) FROM task_assignee GROUP BY person_id ORDER BY 1 DESC"
    )]
    assert loads[0] > 5 * loads[len(loads) // 2]
    # assignees are cadres (they hold or held a position)
    assert one(store, "SELECT count(*) FROM task_assignee x WHERE NOT EXISTS"
                      " (SELECT 1 FROM appointment a WHERE a.person_id = x.person_id)") == 0
    # titles and sources read as Vietnamese documents
    titles = [r[0] for r in rows(store, "SELECT title FROM task")]
    assert all(unicodedata.is_normalized("NFC", t) and len(t) <= 300 for t in titles)
    assert one(store, tasks + "source_number LIKE '%/KH-MTTQ-BTT'") > 0
    assert one(store, "SELECT count(DISTINCT title) FROM task") > 100


def test_database_is_sound_and_searchable(demo):
    summary, store, _ = demo
    assert integrity_problems(store) == []
    assert foreign_key_problems(store) == []
    people = one(store, "SELECT count(*) FROM person")
    assert one(store, "SELECT count(*) FROM person_search") == people
    name = one(store, "SELECT full_name FROM person WHERE full_name LIKE 'Nguyễn %' LIMIT 1")
    hits = search_people(store, fold(name), limit=500)
    assert name in [h.full_name for h in hits]


def test_progress_reports_stages(demo):
    _, _, stages = demo
    names = [s[0] for s in stages]
    for stage in ("people", "memberships", "tasks", "registers", "done"):
        assert stage in names
    assert all(0 <= done <= total for _, done, total in stages)
    assert 5 <= len(stages) <= 60


# -- refusals and clean failure ----------------------------------------------------


def test_refuses_an_existing_database(tmp_path):
    path = tmp_path / "x.db"
    build_demo(path, people=200, seed=1, clock=clock())
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem):
        build_demo(path, people=200, seed=2, clock=clock())
    assert path.read_bytes() == before


@pytest.mark.parametrize("people", [0, 99, 2_000_000])
def test_refuses_a_silly_size(tmp_path, people):
    with pytest.raises(InvalidValue) as caught:
        build_demo(tmp_path / "x.db", people=people, clock=clock())
    assert caught.value.code == "demo.people_range"
    assert not (tmp_path / "x.db").exists()


def test_a_failure_leaves_no_file(tmp_path):
    def progress(stage, done, total):
        if stage == "tasks":
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        build_demo(tmp_path / "x.db", people=300, seed=1, clock=clock(), progress=progress)
    assert list(tmp_path.iterdir()) == []


# -- scale -------------------------------------------------------------------------


def test_twenty_thousand_people(tmp_path):
    # how long it takes is for benchmarks/ (it builds a 100,000-person commune), not for a test
    summary = build_demo(tmp_path / "big.db", people=20_000, seed=2, clock=clock())
    assert summary.people == 20_000
    assert 3_800 <= summary.tasks <= 4_200  # people // 5
    assert 8 <= summary.areas <= 20
    assert summary.memberships > 10_000
