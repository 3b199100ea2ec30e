"""The weekly summary for "Mặt trận số" against a small commune whose every
figure is counted by hand below, the change since the last summary kept,
the printed sheet read back, and ``frontdesk report weekly``.

Today is Sunday 22/11/2026 (the ``clock`` fixture): week 2026-W47 runs from
16/11 to 22/11, the week before (2026-W46) from 09/11 to 15/11.
"""
from __future__ import annotations

import json
import re
from datetime import date

import openpyxl
import pytest

from app.domain.cases import add_case, close_case
from app.domain.commune import create_commune_database
from app.domain.fund import record_receipt, record_spending
from app.domain.organizations import add_residential_area, branch_of, by_code, front_committee_id
from app.domain.people import add_person, join_organization, leave_organization
from app.domain.petitions import add_petition, answer_petition
from app.domain.positions import add_position, appoint
from app.errors import InvalidValue
from app.reports.weekly_sheet import HEADS, write_weekly_summary
from app.reports.weekly_summary import NEW, change_text, record_summary, value_text, weekly_figures
from app.reports.weekly_week import Week, parse_week, week_of
from app.spreadsheets.xlsx_writing import DEMO_MARK, ExportError
from tests.helpers import COMMUNE, TODAY, cli

W46, W47 = Week(2026, 46), Week(2026, 47)


def _position(store, org_id: int, title: str) -> int:
    return store.conn.execute("SELECT id FROM position WHERE organization_id = ? AND title = ?",
                              (org_id, title)).fetchone()[0]


def build(store, *, committee_post: bool = True) -> None:
    east = add_residential_area(store, "Thôn Đông")
    west = add_residential_area(store, "Thôn Đoài")
    women, farmers, youth = (branch_of(store, by_code(store, c), east) for c in ("women", "farmers", "youth"))
    front = front_committee_id(store)

    def committee(area):
        return store.conn.execute("SELECT id FROM organization WHERE kind = 'work_committee' AND parent_id = ?",
                                  (area,)).fetchone()[0]

    def person(name, gender):
        return add_person(store, {"full_name": name, "gender": gender, "area_id": east})[0]

    a = person("Nguyễn Thị Hoa", "female")
    b = person("Lò Thị Mai", "female")
    c = person("Trần Văn Nam", "male")
    d = person("Phạm Văn Cường", "male")
    e = person("Lê Văn Hết", "male")
    f = person("Đinh Thị Lan", "female")
    # Women: A and B; F joins in W47.  Farmers: B and E; D joins, E leaves in W47.  Youth: C, who leaves in W47.
    join_organization(store, a, women, joined_on="01/01/2020")
    join_organization(store, b, women, joined_on="01/01/2015")
    join_organization(store, b, farmers, joined_on="01/01/2015")
    youth_c = join_organization(store, c, youth, joined_on="01/03/2018")
    leave_organization(store, youth_c, left_on="19/11/2026")
    join_organization(store, d, farmers, joined_on="18/11/2026")
    farmers_e = join_organization(store, e, farmers, joined_on="01/01/2010")
    leave_organization(store, farmers_e, left_on="20/11/2026")
    join_organization(store, f, women, joined_on="17/11/2026")
    # The standing committee: A chairs, B is vice chair, D a standing member; C becomes vice chair in W47.
    appoint(store, _position(store, front, "Chủ tịch"), a, start_on="01/01/2025")
    appoint(store, _position(store, front, "Phó Chủ tịch"), b, start_on="01/01/2025")
    appoint(store, _position(store, front, "Phó Chủ tịch"), c, start_on="17/11/2026")
    appoint(store, _position(store, front, "Ủy viên Ban Thường trực"), d, start_on="01/01/2025")
    if committee_post:  # the committee's other members, kept by this commune as a post of its own
        appoint(store, add_position(store, front, "Ủy viên Ủy ban", seats=30, rank=90), e, start_on="01/01/2025")
    # The work committees: A heads Đông's, B sits on Đoài's (both also hold a Front post: kiêm nhiệm).
    appoint(store, _position(store, committee(east), "Trưởng ban"), a, start_on="01/01/2024")
    appoint(store, _position(store, committee(west), "Ủy viên"), b, start_on="01/01/2024")
    # Petitions: P1 in W46, answered on time in W47; P2 in W47, overdue since 19/11; P3 in March.
    p1 = add_petition(store, {"received_on": "10/11/2026", "channel": "letter", "from_name": "Cử tri",
                              "content": "Đường", "due_on": "20/11/2026"})
    answer_petition(store, p1, on="18/11/2026", text="Đã sửa")
    add_petition(store, {"received_on": "17/11/2026", "channel": "portal", "from_name": "Cử tri",
                         "content": "Đèn", "due_on": "19/11/2026"})
    p3 = add_petition(store, {"received_on": "05/03/2026", "channel": "in-person", "from_name": "Cử tri",
                              "content": "Nước"})
    answer_petition(store, p3, on="10/03/2026", text="Đã trả lời")
    # The fund: 10.000.000 in February, 500.000 spent in W46; 1.250.000 in, 3.000.000 out (a house) in W47.
    record_receipt(store, on="01/02/2026", amount=10_000_000, party="Doanh nghiệp A")
    record_spending(store, on="10/11/2026", amount=500_000, purpose="support", party="Hộ ông Tư")
    record_receipt(store, on="18/11/2026", amount=1_250_000, party="Cán bộ xã")
    record_spending(store, on="19/11/2026", amount=3_000_000, purpose="repair-house", party="Hộ bà Chín")
    # Cases: a mediation opened and settled in W47; a supervision open since June.
    mediation = add_case(store, {"kind": "mediation", "opened_on": "17/11/2026", "title": "Tranh chấp ranh giới"})
    close_case(store, mediation, on="20/11/2026", outcome="successful")
    add_case(store, {"kind": "supervision", "opened_on": "01/06/2026", "title": "Giám sát chợ"})


@pytest.fixture
def commune(store):
    build(store)
    return store


def _values(figures) -> dict:
    return {r.code: r.value for r in figures.rows}


# -- weeks ----------------------------------------------------------------------------------


def test_weeks_are_read_as_people_write_them():
    assert parse_week("2026-W47") == parse_week("2026w47") == parse_week("tuần 47/2026") == W47
    assert parse_week("W1/2026").first == date(2025, 12, 29)  # the ISO year: week 1 holds 1 January's Thursday
    assert parse_week("2026-W53").last == date(2027, 1, 3)
    assert week_of(TODAY) == W47 and (W47.first, W47.last) == (date(2026, 11, 16), date(2026, 11, 22))
    for bad in ("2025-W53", "2026-W00", "47/2026", "", "2026-W4x"):
        with pytest.raises(InvalidValue):
            parse_week(bad)
    with pytest.raises(InvalidValue) as refused:
        parse_week("2026-W48", today=TODAY)
    assert refused.value.code == "week.future"


# -- the figures -------------------------------------------------------------------------------


def test_every_figure_of_the_week_is_counted_by_hand(commune):
    figures = weekly_figures(commune, W47)
    assert list(figures) == figures.rows and len(figures) == 4 + 6 + 9 + 21 + 19
    assert figures.as_of == TODAY and figures.previous_week is None and not figures.demo
    v = _values(figures)
    assert {k: v[k] for k in v if k.startswith("organizations.")} == {
        "organizations.member_orgs": 5, "organizations.residential_areas": 2,
        "organizations.work_committees": 2, "organizations.branches": 10}  # 5 organizations x 2 areas
    assert {k: v[k] for k in v if k.startswith("members.")} == {
        "members.women": 3, "members.farmers": 2, "members.veterans": 0, "members.youth": 0,
        "members.trade_union": 0, "members.people": 4}  # A, B, D, F
    assert {k: v[k] for k in v if k.startswith("cadres.")} == {
        "cadres.full_time": None,          # not in the database: never guessed
        "cadres.front_committee": 5,       # A, B, C, D of the standing committee and E
        "cadres.standing_committee": 4, "cadres.chair": 1, "cadres.vice_chairs": 2, "cadres.standing_members": 1,
        "cadres.standing_vacant": 6,       # 1 + 6 + 3 seats, 4 filled
        "cadres.work_committee_members": 2, "cadres.concurrent": 2}  # A and B hold two posts each
    week = {k[5:]: v[k] for k in v if k.startswith("week.")}
    assert {k: n for k, n in week.items() if n} == {
        "petitions_received": 1, "petitions_answered": 1, "petitions_answered_on_time": 1, "petitions_overdue": 1,
        "fund_opening": 9_500_000, "fund_received": 1_250_000, "fund_spent": 3_000_000, "fund_closing": 7_750_000,
        "houses_repaired": 1, "cases_opened.mediation": 1, "cases_closed.mediation": 1, "mediation_successful": 1}
    year = {k[5:]: v[k] for k in v if k.startswith("year.")}
    assert {k: n for k, n in year.items() if n} == {
        "petitions_received": 3, "petitions_answered": 2, "petitions_answered_on_time": 2,
        "fund_received": 11_250_000, "fund_spent": 3_500_000, "houses_repaired": 1,
        "cases_opened.mediation": 1, "cases_opened.supervision": 1, "cases_closed.mediation": 1,
        "mediation_successful": 1}
    # the year's opening balance is 1 January's; the overdue petitions and the closing balance are the week's rows
    assert year["fund_opening"] == 0 and "fund_closing" not in year and "petitions_overdue" not in year
    assert all(r.change == "" and r.previous is None for r in figures.rows)  # nothing to compare with yet


def test_front_committee_members_are_not_known_without_their_post(store):
    build(store, committee_post=False)
    rows = {r.code: r for r in weekly_figures(store, W47).rows}
    assert rows["cadres.front_committee"].value is None and rows["cadres.full_time"].value is None
    assert rows["cadres.standing_committee"].value == 4


def test_a_preview_writes_nothing(commune):
    weekly_figures(commune, W46)
    assert commune.conn.execute("SELECT count(*) FROM weekly_summary").fetchone()[0] == 0


# -- what changed -------------------------------------------------------------------------------


def test_the_change_is_against_the_last_summary_of_an_earlier_week(commune):
    record_summary(commune, weekly_figures(commune, W46))
    before = _values(weekly_figures(commune, W46))
    assert (before["members.women"], before["members.farmers"], before["members.youth"]) == (2, 2, 1)
    assert before["week.fund_closing"] == 9_500_000 and before["cadres.standing_committee"] == 3
    rows = {r.code: r for r in weekly_figures(commune, W47).rows}
    assert weekly_figures(commune, W47).previous_week == "2026-W46"
    assert (rows["members.women"].previous, rows["members.women"].change) == (2, "+1")
    assert rows["members.youth"].change == "\u22121"          # a true minus sign
    assert rows["members.farmers"].change == "0"              # E left, D joined
    assert rows["cadres.standing_committee"].change == "+1" and rows["cadres.standing_vacant"].change == "\u22121"
    assert rows["week.fund_closing"].change == "\u22121.750.000"  # money grouped the Vietnamese way
    assert rows["year.fund_received"].change == "+1.250.000"
    assert rows["cadres.full_time"].change == "" and rows["cadres.full_time"].previous is None
    # every figure is grouped the Vietnamese way, not only money
    assert (value_text(12_345), value_text(None), value_text(None, lang="en")) == ("12.345", "không rõ", "not known")
    assert change_text(1_250, 0, compared=True) == "+1.250" and change_text(5, None, compared=False) == ""


def test_a_figure_the_last_summary_lacked_is_new_and_writing_a_week_again_replaces_it(commune):
    commune.conn.execute("INSERT INTO weekly_summary (week, first_day, last_day, written_at, figures)"
                         " VALUES ('2026-W45', '2026-11-02', '2026-11-08', '2026-11-08T10:00:00', ?)",
                         (json.dumps({"members.women": 1}),))
    rows = {r.code: r for r in weekly_figures(commune, W46).rows}
    assert rows["members.women"].change == "+1" and rows["members.farmers"].change == NEW
    record_summary(commune, weekly_figures(commune, W46))
    record_summary(commune, weekly_figures(commune, W46))
    assert commune.conn.execute("SELECT week FROM weekly_summary ORDER BY week").fetchall() == [
        ("2026-W45",), ("2026-W46",)]
    # a later week's summary kept does not change what W46 compares with
    record_summary(commune, weekly_figures(commune, W47))
    assert weekly_figures(commune, W46).previous_week == "2026-W45"


# -- the sheet -----------------------------------------------------------------------------------


def _sheet_rows(path):
    ws = openpyxl.load_workbook(path).active
    return ws, [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_sheet_reads_back(commune, tmp_path):
    write_weekly_summary(commune, W46, tmp_path / "w46.xlsx")
    made = write_weekly_summary(commune, W47, tmp_path / "w47.xlsx")
    assert made.recorded and made.figures.previous_week == "2026-W46"
    ws, rows = _sheet_rows(made.path)
    assert rows[0][0] == "Số liệu nhập Mặt trận số — tuần 47/2026 (16/11/2026 – 22/11/2026)"
    assert "Phường Ba Đình" in rows[1][0]
    assert "tuần 46/2026" in rows[2][0]
    header = next(n for n, r in enumerate(rows) if r[:6] == list(HEADS))
    by_label = {(r[0], r[1]): r for r in rows[header + 1:] if r[1]}
    assert by_label[("Tổ chức", "Khu dân cư (thôn, ấp, bản, tổ dân phố)")][2:5] == ["2", "2", "0"]
    assert by_label[("Hội viên, đoàn viên", "Hội Liên hiệp Phụ nữ")][2:5] == ["3", "2", "+1"]
    received = by_label[("Công tác Mặt trận trong tuần", "Quỹ “Vì người nghèo”: thu (đồng)")]
    assert received[2:5] == ["1.250.000", "0", "+1.250.000"]
    full_time = by_label[("Cán bộ", "Cán bộ chuyên trách")]
    assert full_time[2] == "không rõ" and full_time[5].startswith("Không rõ")
    assert "chưa rõ" in by_label[("Cán bộ", "Trong đó: Chủ tịch")][5]
    assert ws.print_title_rows == f"${header + 1}:${header + 1}"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert not list(tmp_path.glob(".*.part"))


def test_a_demo_commune_sheet_says_so(tmp_path, clock):
    with create_commune_database(tmp_path / "demo.sqlite3", COMMUNE, demo=True, clock=clock) as demo:
        made = write_weekly_summary(demo, W47, tmp_path / "demo.xlsx", record=False)
        assert made.figures.demo and demo.conn.execute("SELECT count(*) FROM weekly_summary").fetchone()[0] == 0
    ws, rows = _sheet_rows(made.path)
    assert rows[0][0] == DEMO_MARK and DEMO_MARK in ws.oddHeader.center.text


def test_a_file_that_cannot_be_written_keeps_no_summary(commune, tmp_path):
    with pytest.raises(ExportError):
        write_weekly_summary(commune, W47, tmp_path / "no-such-folder" / "w.xlsx")
    assert commune.conn.execute("SELECT count(*) FROM weekly_summary").fetchone()[0] == 0


# -- the command line -------------------------------------------------------------------------------


def test_report_weekly_json_and_the_change(commune, tmp_path):
    db = str(commune.path)
    code, out, err = cli("report", "weekly", "--db", db, "--week", "2026-W46", "--out", tmp_path / "a.xlsx", "--json")
    assert code == 0, err
    first = json.loads(out)
    assert (first["week"], first["first"], first["last"]) == ("2026-W46", "2026-11-09", "2026-11-15")
    assert {"code": "members.women", "value": 2, "previous": None, "change": ""} in first["figures"]
    code, out, err = cli("report", "weekly", "--db", db, "--out", tmp_path / "b.xlsx", "--json")  # this week
    assert code == 0, err
    second = json.loads(out)
    assert second["week"] == "2026-W47" and second["previous_week"] == "2026-W46"
    found = {f["code"]: f for f in second["figures"]}
    assert found["members.women"] == {"code": "members.women", "value": 3, "previous": 2, "change": "+1"}
    assert found["cadres.full_time"]["value"] is None
    code, out, err = cli("report", "weekly", "--db", db, "--week", "2026-W47", "--out", tmp_path / "c.xlsx")
    assert code == 0, err
    assert out.splitlines()[0].startswith("Đã ghi số liệu nhập Mặt trận số tuần 47/2026")
    assert "So với bản tổng hợp tuần 46/2026" in out
    code, out, err = cli("report", "weekly", "--db", db, "--week", "2026-W47", "--out", tmp_path / "d.xlsx",
                         "--dry-run", "--lang", "en")
    assert code == 0 and "A preview" in out and (tmp_path / "d.xlsx").exists()


def test_report_weekly_refuses_a_bad_week_clearly(commune, tmp_path):
    db, target = str(commune.path), tmp_path / "w.xlsx"
    code, out, err = cli("report", "weekly", "--db", db, "--week", "2026-W54", "--out", target)
    assert (code, out) == (1, "") and "năm 2026 không có tuần 54" in err and "Traceback" not in err
    code, _, err = cli("report", "weekly", "--db", db, "--week", "next week", "--out", target, "--lang", "en")
    assert code == 1 and "Week “next week” is not valid" in err
    code, _, err = cli("report", "weekly", "--db", db, "--week", "2026-W48", "--out", target)
    assert code == 1 and "sau hôm nay" in err
    code, _, err = cli("report", "weekly", "--db", db, "--week", "2026-W47")
    assert code == 2 and "--out" in err
    code, _, err = cli("report", "weekly", "--db", db, "--out", tmp_path / "w.csv")
    assert code == 1 and ".xlsx" in err
    assert not target.exists()
    assert commune.conn.execute("SELECT count(*) FROM weekly_summary").fetchone()[0] == 0


@pytest.mark.parametrize("words", [("report",), ("report", "weekly")])
def test_the_help_speaks_the_language_asked(words):
    code, vi, _ = cli(*words, "--help")
    assert code == 0 and vi.startswith("cách dùng: frontdesk report") and "usage:" not in vi
    code, en, _ = cli(*words, "--help", "--lang", "en")
    assert code == 0 and en.startswith("usage: frontdesk report")
    assert not re.search(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", en, re.I), en
