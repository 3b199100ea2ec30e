"""End to end: the fixture rosters of tests/fixtures/rosters (.xlsx, .xls, .ods)
read from disk, checked, written and read back as expected.json says; the
mapping a person gave remembered for the next file with the same header; the
whole set in one commune without false duplicates."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.organizations import add_residential_area, by_code
from app.domain.people import get_person, memberships_of
from app.errors import FrontDeskError
from app.importing.plan import apply_import, plan_import


def count(store, table="person"):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
EXPECTED = __import__("json").loads((ROSTERS / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(EXPECTED["files"])
STORED = ("full_name", "gender", "birth_date", "citizen_id", "phone", "ethnicity", "religion", "note")


@pytest.fixture
def commune(store, clock):
    assert clock.today().isoformat() == EXPECTED["today"]
    for name in EXPECTED["areas"]:
        add_residential_area(store, name)
    return store


def user_mapping(name: str) -> dict[int, str | None] | None:
    return {int(k): v for k, v in EXPECTED["files"][name]["user_mapping"].items()} or None


def stored_people(store, ids: list[int]) -> dict[int, dict]:
    people = {}
    for pid in ids:
        person = get_person(store, pid)
        memberships = memberships_of(store, pid)
        joined = [m["joined_on"] for m in memberships if m["kind"] == "member_org"]
        branches = [(m["organization"], m["joined_on"]) for m in memberships if m["kind"] == "branch"]
        people[pid] = {**{k: person[k] for k in STORED}, "area": person["area"], "joined_on": joined,
                       "branches": branches}
    return people


@pytest.mark.parametrize("name", FILES)
def test_every_fixture_roster_is_imported_as_expected_json_says(commune, name):
    """Read from disk (.xlsx, .xls, .ods), checked, written, and read back
    from the database field by field."""
    store = commune
    women = by_code(store, "women")
    expected = EXPECTED["files"][name]
    want = {r["row"]: r for r in expected["rows"]}
    plan = plan_import(store, ROSTERS / name, org_id=women, mapping=user_mapping(name))
    assert plan.sheet == expected["sheet"]
    assert [r.row for r in plan.rows] == sorted(want)

    for planned in plan.rows:
        row = want[planned.row]
        problems = {(p.field, p.code) for p in planned.problems}
        assert problems == {(p["field"], p["code"]) for p in row["problems"]}, planned.row
        for problem in planned.problems:
            assert (problem.row, problem.column) == (planned.row, planned.cells[problem.field])
            assert problem.message("vi").startswith(f"Dòng {planned.row}, cột {problem.column}: ")
        assert {(f, code) for f, code, _ in planned.notes} == {(n["field"], n["code"]) for n in row["notes"]}
        dup = planned.duplicate
        assert (None if dup is None else {"kind": dup.kind, "row": dup.row, "reason": dup.reason}) == row["duplicate"]

    before = count(store)
    if plan.invalid():
        assert not apply_import(store, plan).written
        assert count(store) == before
    result = apply_import(store, plan, skip_invalid=True)
    clean = [r.row for r in plan.rows if not r.problems and r.duplicate is None]
    assert (result.inserted, result.updated) == (len(clean), 0)
    assert result.skipped == len(plan.rows) - len(clean)
    assert count(store) == before + len(clean)
    stored = stored_people(store, result.person_ids)
    for row_number, person_id in zip(clean, result.person_ids):
        person = want[row_number]["person"]
        got = stored[person_id]
        for key in (*STORED, "area"):
            assert got[key] == person[key], (row_number, key)
        assert got["joined_on"] == [person["joined_on"]], row_number
        # and the branch of their area, from the same day (none without an area)
        in_branch = [(f"Chi hội Phụ nữ {person['area']}", person["joined_on"])] if person["area"] else []
        assert got["branches"] == in_branch, row_number


@pytest.mark.parametrize("name", ["07_chua_ro_cot_thon1.xlsx"])
def test_a_second_file_with_the_same_header_uses_the_remembered_mapping(commune, name):
    store = commune
    second = next(f for f, e in EXPECTED["files"].items() if e["same_header_as"] == name)
    assert second.endswith(".xls")  # another format, the same header
    with pytest.raises(FrontDeskError) as refused:
        plan_import(store, ROSTERS / second)  # nobody has said which column holds the names
    assert refused.value.code == "import.no_name_column"

    first = plan_import(store, ROSTERS / name, mapping=user_mapping(name))
    assert apply_import(store, first).written
    plan = plan_import(store, ROSTERS / second)
    mapped = {c.index: c.field for c in plan.layout.columns if c.field}
    assert {k: mapped[k] for k in user_mapping(name)} == user_mapping(name)
    want = EXPECTED["files"][second]["rows"]
    assert [r.values["full_name"] for r in plan.rows] == [r["person"]["full_name"] for r in want]
    assert not plan.invalid()


def test_the_whole_fixture_set_into_one_commune_finds_no_false_duplicates(commune):
    """Each file adds its own people; importing all of them leaves no row
    taken for someone from another file."""
    store = commune
    total = 0
    for name in FILES:
        plan = plan_import(store, ROSTERS / name, mapping=user_mapping(name))
        in_database = [r.row for r in plan.rows if r.duplicate and r.duplicate.kind == "in_database"]
        assert in_database == [], name
        total += apply_import(store, plan, skip_invalid=True).inserted
    assert count(store) == total
    # and a second round finds every one of them again
    for name in FILES:
        plan = plan_import(store, ROSTERS / name)
        clean = [r for r in plan.rows if not r.problems]
        assert all(r.duplicate is not None for r in clean), name
