"""Rosters carry roles and branches (issue 18): the "Chức vụ" column becomes
appointments in the branch of the person's area, and members join that branch.

Every test reads a real .xlsx file written with openpyxl."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.organizations import add_residential_area, branch_of, by_code
from app.domain.people import add_person, memberships_of
from app.domain.positions import appoint, concurrent_holders, positions_of
from app.importing.columns import meaning
from app.importing.plan import apply_import, plan_import
from app.reports.figures import compute_figures
from app.text.periods import parse_period
from tests.helpers import TODAY, cli

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Thôn", "Chức vụ"]


def roster(path: Path, rows: list[list], *, header: list[str] = HEADER,
           title: str = "DANH SÁCH HỘI VIÊN CHI HỘI PHỤ NỮ") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append([title])
    sheet.append([])
    sheet.append(header)
    for number, row in enumerate(rows, 1):
        sheet.append([number, *row])
    sheet.append([])
    sheet.append([None, "Người lập biểu"])
    book.save(path)
    return path


@pytest.fixture
def commune(store):
    areas = {name: add_residential_area(store, name) for name in ("Thôn 1", "Thôn 2")}
    store.areas = areas
    return store


def branch(store, code: str, area: str) -> int:
    return branch_of(store, by_code(store, code), store.areas[area])


def committee(store, area: str) -> int:
    return store.conn.execute(
        "SELECT id FROM organization WHERE kind = 'work_committee' AND parent_id = ?", (store.areas[area],)
    ).fetchone()[0]


def held(store, org_id: int) -> dict[str, list[str]]:
    """Each post of the unit with its holders' names."""
    return {p.title: [h.full_name for h in p.holders] for p in positions_of(store, org_id)}


def count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def person_id(store, name: str) -> int:
    return store.conn.execute("SELECT id FROM person WHERE full_name = ?", (name,)).fetchone()[0]


# -- the column ------------------------------------------------------------------------


@pytest.mark.parametrize("heading, field", [
    ("Chức vụ", "role"), ("CHỨC VỤ", "role"), ("Chuc vu", "role"), ("Chức danh", "role"),
    ("Chức vụ trong chi hội", "role"), ("Chuc vu trong chi doan", "role"), ("Chức vụ\n(nếu có)", None),
    ("Ngày bổ nhiệm", "appointed_on"), ("Từ ngày", "appointed_on"), ("Ngay bo nhiem (dd/mm/yyyy)", "appointed_on"),
    # an occupation, or a post in an unnamed organization: the user says what they are
    ("Chức vụ, nghề nghiệp", None), ("Chức vụ đoàn thể", None),
])
def test_role_headings(heading, field):
    assert meaning(heading) == field


# -- appointments in the branch of the area ----------------------------------------------


def test_roles_become_appointments_in_the_branch_of_each_persons_area(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 1", "chi hoi pho"],
        ["Lê Thị Cúc", "Nữ", 1980, "thôn 2", "CHT"],
        ["Phạm Thị Dung", "Nữ", 1982, "Thôn 2", "P. Chi hội trưởng"],
        ["Võ Thị Em", "Nữ", 1990, "Thôn 2", "Hội viên"],
        ["Đỗ Thị Gấm", "Nữ", 1991, "Thôn 1", None],
    ])
    plan = plan_import(store, path, org_id=women)
    assert plan.layout.columns[5].field == "role"
    assert not plan.invalid()
    assert [r.shown() for r in plan.rows[0].roles] == ["Chi hội trưởng — Chi hội Phụ nữ Thôn 1"]
    result = apply_import(store, plan)
    assert (result.inserted, result.appointments, result.positions_added) == (6, 4, 0)
    assert result.as_json()["appointments"] == 4
    assert held(store, branch(store, "women", "Thôn 1")) == {
        "Chi hội trưởng": ["Nguyễn Thị An"], "Chi hội phó": ["Trần Thị Bình"]}
    assert held(store, branch(store, "women", "Thôn 2")) == {
        "Chi hội trưởng": ["Lê Thị Cúc"], "Chi hội phó": ["Phạm Thị Dung"]}
    # from the day of the import, each appointment in the change log
    assert {r[0] for r in store.conn.execute("SELECT start_on FROM appointment")} == {TODAY.isoformat()}
    assert store.conn.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'appointment' AND action = 'insert'").fetchone()[0] == 4


def test_a_date_column_gives_the_start_and_is_checked(commune, tmp_path):
    store, youth = commune, by_code(commune, "youth")
    header = [*HEADER, "Ngày bổ nhiệm"]
    good = roster(tmp_path / "doan.xlsx", [
        ["Ngô Văn Hải", "Nam", 1998, "Thôn 1", "Bí thư chi đoàn", datetime(2024, 3, 1)],
        ["Mai Văn Khoa", "Nam", 2000, "Thôn 1", "PBT", "15/06/2025"],
        ["Hồ Thị Lan", "Nữ", 2001, "Thôn 1", "Đoàn viên", "01/01/2020"],
    ], header=header, title="DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN")
    result = apply_import(store, plan_import(store, good, org_id=youth))
    assert result.appointments == 2
    starts = dict(store.conn.execute(
        "SELECT ps.title, a.start_on FROM appointment a JOIN position ps ON ps.id = a.position_id"))
    assert starts == {"Bí thư chi đoàn": "2024-03-01", "Phó Bí thư chi đoàn": "2025-06-15"}

    bad = roster(tmp_path / "doan2.xlsx", [["Lý Văn Minh", "Nam", 1999, "Thôn 2", "Bí thư", "31/02/2024"]],
                 header=header)
    plan = plan_import(store, bad, org_id=youth)
    [problem] = plan.invalid()[0].problems
    assert (problem.row, problem.column, problem.field) == (4, "G", "appointed_on")
    assert problem.message("vi").startswith("Dòng 4, cột G: Ngày bổ nhiệm")


def test_a_post_the_branch_lacks_is_created_with_its_rank_and_seats(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Tổ trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 1", "Tổ trưởng tổ hội"],
        ["Lê Thị Cúc", "Nữ", 1980, "Thôn 1", "Tổ trưởng"],
        ["Phạm Thị Dung", "Nữ", 1982, "Thôn 1", "Ủy viên BCH"],
    ])
    result = apply_import(store, plan_import(store, path, org_id=women))
    assert (result.appointments, result.positions_added) == (4, 2)
    unit = branch(store, "women", "Thôn 1")
    posts = {p.title: (p.rank, p.seats, p.filled) for p in positions_of(store, unit)}
    assert posts == {"Chi hội trưởng": (10, 1, 0), "Chi hội phó": (20, 1, 0),
                     "Ủy viên": (30, 3, 1), "Tổ trưởng": (40, 3, 3)}  # as many seats as the file fills
    assert count(store, "position") > 0 and store.conn.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'position' AND action = 'insert'"
        " AND row_id IN (SELECT id FROM position WHERE organization_id = ?)", (unit,)).fetchone()[0] == 4


def test_front_posts_go_to_the_areas_work_committee_and_a_person_may_hold_two(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng kiêm Trưởng ban công tác Mặt trận"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 1", "Chi hội phó, UV BCTMT"],
        ["Lê Thị Cúc", "Nữ", 1980, "Thôn 2", "Ủy viên Ban công tác Mặt trận"],
    ])
    result = apply_import(store, plan_import(store, path, org_id=women))
    assert result.appointments == 5
    assert held(store, committee(store, "Thôn 1")) == {
        "Trưởng ban": ["Nguyễn Thị An"], "Phó Trưởng ban": [], "Ủy viên": ["Trần Thị Bình"]}
    assert held(store, committee(store, "Thôn 2"))["Ủy viên"] == ["Lê Thị Cúc"]
    concurrent = {h.full_name: sorted(h.posts) for h in concurrent_holders(store)}
    assert concurrent == {
        "Nguyễn Thị An": ["Chi hội trưởng — Chi hội Phụ nữ Thôn 1", "Trưởng ban — Ban công tác Mặt trận Thôn 1"],
        "Trần Thị Bình": ["Chi hội phó — Chi hội Phụ nữ Thôn 1", "Ủy viên — Ban công tác Mặt trận Thôn 1"],
    }


def test_a_second_organizations_roster_makes_a_stored_person_concurrent(commune, tmp_path):
    store = commune
    first = roster(tmp_path / "phu_nu.xlsx", [["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng"]])
    apply_import(store, plan_import(store, first, org_id=by_code(store, "women")))
    second = roster(tmp_path / "nong_dan.xlsx", [["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội phó"]],
                    title="DANH SÁCH HỘI VIÊN CHI HỘI NÔNG DÂN")
    plan = plan_import(store, second, org_id=by_code(store, "farmers"))
    assert plan.rows[0].duplicate is not None  # the same person
    assert apply_import(store, plan).appointments == 0  # a duplicate skipped: nothing of its row is written
    result = apply_import(store, plan, duplicates="update")
    assert (result.updated, result.appointments) == (1, 1)
    [holder] = concurrent_holders(store)
    assert holder.full_name == "Nguyễn Thị An" and len(holder.posts) == 2
    assert held(store, branch(store, "farmers", "Thôn 1"))["Chi hội phó"] == ["Nguyễn Thị An"]


def test_a_person_already_holding_the_post_is_not_appointed_twice(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng"],
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "CHT"],  # twice in the file, the same post
    ])
    result = apply_import(store, plan_import(store, path, org_id=women), duplicates="update")
    assert (result.inserted, result.updated, result.appointments) == (1, 1, 1)
    again = apply_import(store, plan_import(store, path, org_id=women), duplicates="update")
    assert (again.updated, again.appointments, again.errors) == (2, 0, [])
    assert count(store, "appointment") == 1


# -- problems ---------------------------------------------------------------------------


def test_unknown_and_ambiguous_roles_are_row_and_column_errors_and_nothing_is_written(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 1", "Giám đốc"],
        ["Lê Thị Cúc", "Nữ", 1980, "Thôn 2", "Trưởng"],
        ["Phạm Thị Dung", "Nữ", 1982, "Thôn 2", "Trưởng ban"],
        ["Võ Thị Em", "Nữ", 1990, None, "Chi hội phó"],
        ["Đỗ Thị Gấm", "Nữ", 1991, "Thôn 2", "Bí thư chi đoàn"],  # a youth post in the women's roster
    ])
    before = (count(store, "person"), count(store, "position"), count(store, "membership"))
    plan = plan_import(store, path, org_id=women)
    problems = {p.row: p for r in plan.invalid() for p in r.problems}
    assert sorted(problems) == [5, 6, 7, 8, 9]
    assert {p.column for p in problems.values()} == {"F"}
    assert {row: p.code for row, p in problems.items()} == {
        5: "import.role_unknown", 6: "import.role_ambiguous", 7: "import.role_ambiguous",
        8: "import.role_no_area", 9: "import.role_unknown"}
    assert problems[5].message("vi") == (
        "Dòng 5, cột F: Chức vụ “Giám đốc” không phải chức vụ của chi hội; hãy ghi một trong: “Chi hội trưởng”, "
        "“Chi hội phó”, “Ủy viên”, “Tổ trưởng”, “Tổ phó” (hoặc để trống).")
    assert problems[6].message("vi") == (
        "Dòng 6, cột F: Chức vụ “Trưởng” chưa rõ: có thể là “Chi hội trưởng”, “Tổ trưởng”; hãy ghi rõ.")
    assert "“Trưởng ban công tác Mặt trận”" in problems[7].message("vi")
    assert problems[7].message("en").startswith("Row 7, column F: Post “Trưởng ban” is unclear")

    result = apply_import(store, plan)
    assert not result.written and {p.row for p in result.errors} == {5, 6, 7, 8, 9}
    assert (count(store, "person"), count(store, "position"), count(store, "membership")) == before
    assert count(store, "appointment") == 0

    result = apply_import(store, plan, skip_invalid=True)
    assert (result.inserted, result.skipped, result.appointments) == (1, 5, 1)


def test_a_full_post_is_an_error_naming_who_holds_it(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    holder, _ = add_person(store, {"full_name": "Hoàng Thị Hạnh", "area_id": store.areas["Thôn 1"]})
    chair = next(p.id for p in positions_of(store, branch(store, "women", "Thôn 1")) if p.title == "Chi hội trưởng")
    appoint(store, chair, holder, start_on="2020-01-01")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 2", "Chi hội phó"],
        ["Lê Thị Cúc", "Nữ", 1980, "Thôn 2", "Chi hội phó"],
    ])
    plan = plan_import(store, path, org_id=women)
    problems = {p.row: p for r in plan.invalid() for p in r.problems}  # shown before anything is written
    assert sorted(problems) == [4, 6]
    assert problems[4].message("vi") == (
        "Dòng 4, cột F: Chức vụ “Chi hội trưởng” của Chi hội Phụ nữ Thôn 1 chỉ có 1 suất và đã có người giữ: "
        "Hoàng Thị Hạnh.")
    assert problems[6].message("vi").endswith("đã có người giữ: Trần Thị Bình (dòng 5).")
    assert problems[6].message("en").endswith("already held by: Trần Thị Bình (row 5).")
    people = count(store, "person")
    assert not apply_import(store, plan).written
    assert (count(store, "person"), count(store, "appointment")) == (people, 1)
    # the duplicates' choice changes who is written: the check is made again when applying
    result = apply_import(store, plan, skip_invalid=True)
    assert (result.inserted, result.appointments) == (1, 1)


def test_without_an_organization_only_front_posts_can_be_placed(commune, tmp_path):
    store = commune
    path = roster(tmp_path / "ds.xlsx", [
        ["Nguyễn Văn An", "Nam", 1960, "Thôn 1", "Trưởng ban công tác Mặt trận"],
        ["Trần Văn Bình", "Nam", 1962, "Thôn 1", "Chi hội trưởng"],
    ])
    plan = plan_import(store, path)
    [bad] = plan.invalid()
    assert (bad.row, bad.problems[0].code, bad.problems[0].column) == (5, "import.role_no_org", "F")
    assert "--org" in bad.problems[0].message("vi")
    result = apply_import(store, plan, skip_invalid=True)
    assert result.appointments == 1
    assert held(store, committee(store, "Thôn 1"))["Trưởng ban"] == ["Nguyễn Văn An"]
    assert count(store, "membership") == 0


def test_importing_into_the_front_committee_fills_the_work_committees(commune, tmp_path):
    store = commune
    path = roster(tmp_path / "bctmt.xlsx", [
        ["Nguyễn Văn An", "Nam", 1960, "Thôn 1", "Trưởng ban"],
        ["Trần Văn Bình", "Nam", 1962, "Thôn 1", "Phó trưởng ban"],
        ["Lê Văn Cường", "Nam", 1965, "Thôn 2", "Ủy viên"],
    ], title="DANH SÁCH BAN CÔNG TÁC MẶT TRẬN")
    result = apply_import(store, plan_import(store, path, org_id=by_code(store, "front")))
    assert result.appointments == 3
    assert held(store, committee(store, "Thôn 1")) == {
        "Trưởng ban": ["Nguyễn Văn An"], "Phó Trưởng ban": ["Trần Văn Bình"], "Ủy viên": []}
    assert held(store, committee(store, "Thôn 2"))["Ủy viên"] == ["Lê Văn Cường"]


def test_roles_in_an_area_the_import_adds(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn Tây", "Chi hội trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "THÔN TÂY", "Tổ trưởng, UV BCTMT"],
    ])
    plan = plan_import(store, path, org_id=women, add_areas=True)
    assert not plan.invalid()
    assert [r.shown() for r in plan.rows[1].roles] == [
        "Tổ trưởng — Chi hội Phụ nữ Thôn Tây", "Ủy viên — Ban công tác Mặt trận Thôn Tây"]
    result = apply_import(store, plan)
    assert (result.areas_added, result.appointments, result.positions_added) == (["Thôn Tây"], 3, 1)
    area = store.conn.execute("SELECT id FROM organization WHERE name = 'Thôn Tây'").fetchone()[0]
    store.areas["Thôn Tây"] = area
    assert held(store, branch(store, "women", "Thôn Tây")) == {
        "Chi hội trưởng": ["Nguyễn Thị An"], "Chi hội phó": [], "Tổ trưởng": ["Trần Thị Bình"]}
    assert held(store, committee(store, "Thôn Tây"))["Ủy viên"] == ["Trần Thị Bình"]


def test_a_dry_run_counts_the_appointments_and_writes_nothing(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng, Tổ trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 2", "Chi hội phó"],
    ])
    before = [count(store, t) for t in ("person", "position", "appointment", "membership", "change_log")]
    result = apply_import(store, plan_import(store, path, org_id=women), dry_run=True)
    assert (result.dry_run, result.written, result.inserted, result.appointments) == (True, False, 2, 3)
    assert [count(store, t) for t in ("person", "position", "appointment", "membership", "change_log")] == before


# -- membership in the branch, and the report's figures ------------------------------------


def test_members_join_the_branch_of_their_area_and_are_counted_once(commune, tmp_path):
    store, women = commune, by_code(commune, "women")
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "Chi hội trưởng"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 2", None],
        ["Lê Thị Cúc", "Nữ", 1980, None, None],  # no area: the association only
    ])
    apply_import(store, plan_import(store, path, org_id=women))
    joined = {name: sorted(m["organization"] for m in memberships_of(store, person_id(store, name)))
              for name in ("Nguyễn Thị An", "Trần Thị Bình", "Lê Thị Cúc")}
    assert joined == {
        "Nguyễn Thị An": ["Chi hội Phụ nữ Thôn 1", "Hội Liên hiệp Phụ nữ"],
        "Trần Thị Bình": ["Chi hội Phụ nữ Thôn 2", "Hội Liên hiệp Phụ nữ"],
        "Lê Thị Cúc": ["Hội Liên hiệp Phụ nữ"],
    }
    figures = compute_figures(store, parse_period("2026-11"), today=TODAY)
    assert figures.unit("women")["members.total"] == 3  # a person in the association and its branch is one member
    assert figures.unit("women")["members.female"] == 3
    assert figures.unit("commune")["members.total"] == 3
    assert figures.unit("women")["positions.filled"] == 1
    # and the lists made from memberships: one line per person, the association named once
    from app.reports.figures import unit_roster
    from app.reports.member_list import organizations_by_person, roster_query

    assert len(unit_roster(store, "women", TODAY)) == 3
    sql, params = roster_query(store, women)
    assert len(store.conn.execute(sql, params).fetchall()) == 3
    assert set(organizations_by_person(store).values()) == {"Hội LHPN"}
    # a second import of the same people adds no second membership anywhere
    memberships = count(store, "membership")
    apply_import(store, plan_import(store, path, org_id=women), duplicates="update")
    assert count(store, "membership") == memberships
    assert compute_figures(store, parse_period("2026-11"), today=TODAY).unit("women")["members.total"] == 3


def test_an_import_into_one_branch_puts_roles_there(commune, tmp_path):
    store = commune
    unit = branch(store, "farmers", "Thôn 2")
    path = roster(tmp_path / "nd.xlsx", [["Nguyễn Văn An", "Nam", 1960, None, "Chi hội trưởng"]],
                  title="DANH SÁCH HỘI VIÊN CHI HỘI NÔNG DÂN THÔN 2")
    result = apply_import(store, plan_import(store, path, org_id=unit))
    assert result.appointments == 1
    assert held(store, unit)["Chi hội trưởng"] == ["Nguyễn Văn An"]


# -- the fixture roster, through the command line -----------------------------------------


def test_the_fixture_roster_through_the_command_line(tmp_path, clock):
    from app.db.storage import open_store
    from app.domain.commune import create_commune_database

    db = tmp_path / "commune.sqlite3"
    store = create_commune_database(db, "00004", clock=clock, actor="tester")
    for name in ("Thôn 1", "Thôn 2"):
        add_residential_area(store, name)
    store.close()
    fixture = ROSTERS / "13_chuc_vu_phu_nu.xlsx"

    code, out, err = cli("import", "members", fixture, "--db", db, "--org", "LHPN", "--dry-run", "--json")
    assert code == 0, err + out
    payload = json.loads(out)
    assert (payload["inserted"], payload["appointments"], payload["written"]) == (8, 6, False)

    code, out, err = cli("import", "members", fixture, "--db", db, "--org", "LHPN", "--dry-run")
    assert code == 0 and "Sẽ bổ nhiệm 6 chức vụ." in out  # the text summary says it too
    code, out, err = cli("import", "members", fixture, "--db", db, "--org", "LHPN", "--json")
    assert code == 0, err + out
    assert json.loads(out)["appointments"] == 6
    with open_store(db, clock=clock) as store:  # the day the CLI imported on, not this machine's
        store.areas = dict(store.conn.execute("SELECT name, id FROM organization WHERE kind = 'residential_area'"))
        assert held(store, branch(store, "women", "Thôn 1")) == {
            "Chi hội trưởng": ["Nguyễn Thị Hoa"], "Chi hội phó": ["Trần Thị Lan"], "Tổ trưởng": ["Đặng Thị Xuân"]}
        assert held(store, branch(store, "women", "Thôn 2"))["Chi hội trưởng"] == ["Phạm Thị Mai"]
        assert held(store, committee(store, "Thôn 1"))["Trưởng ban"] == ["Nguyễn Thị Hoa"]
        starts = {r[0] for r in store.conn.execute("SELECT start_on FROM appointment")}
        assert starts == {"2022-09-15", "2024-01-10", TODAY.isoformat()}
        figures = compute_figures(store, parse_period("2026-11"), today=TODAY)
        assert figures.unit("women")["members.total"] == 8

    # an unknown post: the row and column, nothing written
    bad = tmp_path / "bad.xlsx"
    roster(bad, [["Bùi Thị Yến", "Nữ", 1988, "Thôn 1", "Thủ kho"]])
    code, out, _ = cli("import", "members", bad, "--db", db, "--org", "LHPN")
    assert code == 1
    assert "Dòng 4, cột F: Chức vụ “Thủ kho” không phải chức vụ của chi hội" in out


def test_a_post_the_commune_added_itself_and_a_post_no_longer_in_use(commune, tmp_path):
    from app.domain.positions import add_position

    store, women = commune, by_code(commune, "women")
    add_position(store, branch(store, "women", "Thôn 1"), "Thủ quỹ", seats=1, rank=60)
    with store.transaction():  # no form retires a post yet: as an older version or another tool leaves it
        store.conn.execute("UPDATE position SET active = 0 WHERE organization_id = ? AND title = 'Chi hội phó'",
                           (branch(store, "women", "Thôn 2"),))
    path = roster(tmp_path / "phu_nu.xlsx", [
        ["Nguyễn Thị An", "Nữ", 1970, "Thôn 1", "thủ quỹ"],
        ["Trần Thị Bình", "Nữ", 1975, "Thôn 2", "Chi hội phó"],
    ])
    plan = plan_import(store, path, org_id=women)
    assert [r.shown() for r in plan.rows[0].roles] == ["Thủ quỹ — Chi hội Phụ nữ Thôn 1"]
    [problem] = plan.invalid()[0].problems
    assert (problem.row, problem.column, problem.code) == (5, "F", "import.role_inactive")
    assert "Chi hội Phụ nữ Thôn 2 đã thôi dùng" in problem.message("vi")
    result = apply_import(store, plan, skip_invalid=True)
    assert (result.appointments, result.positions_added) == (1, 0)
    assert held(store, branch(store, "women", "Thôn 1"))["Thủ quỹ"] == ["Nguyễn Thị An"]
