"""Template version 2: the registers' figures of a period in the province
report (a printable sheet and ``_data``'s rows of the Front committee), as
the registers hold them, and the province's consolidation adding them up.
Every expectation below is counted by hand from the entries made here."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import openpyxl
import pytest

from app.clock import FixedClock
from app.db.storage import open_store
from app.domain.cases import add_case, close_case
from app.domain.commune import create_commune_database
from app.domain.fund import record_receipt, record_spending
from app.domain.petitions import add_petition, answer_petition
from app.reports.consolidation import consolidate
from app.reports.province_report import export_report
from app.reports.report_file import ReportRejected, read_report
from app.text.periods import parse_period

MOMENT = datetime(2026, 11, 22, 9, 0, tzinfo=timezone(timedelta(hours=7)))
CLOCK = FixedClock(MOMENT)


def _registers(store, scale: int = 1) -> None:
    """November 2026 as a clerk writes it down (``scale`` multiplies the money)."""
    on_time = add_petition(store, {"received_on": "03/11/2026", "channel": "voter-meeting", "from_name": "Cử tri tổ 3",
                                   "content": "Đường ngõ xóm hỏng", "due_on": "20/11/2026"})
    answer_petition(store, on_time, on="15/11/2026", text="Đã đưa vào kế hoạch sửa")
    late = add_petition(store, {"received_on": "05/11/2026", "channel": "letter", "from_name": "Ông Lê Văn B",
                                "content": "Tranh chấp ranh giới đất", "due_on": "10/11/2026"})
    answer_petition(store, late, on="18/11/2026", text="Đã chuyển Văn phòng đăng ký đất đai")
    add_petition(store, {"received_on": "10/10/2026", "channel": "in-person", "from_name": "Bà Trần Thị C",
                         "content": "Chưa nhận trợ cấp", "due_on": "30/10/2026"})  # October's, overdue in November
    add_petition(store, {"received_on": "12/11/2026", "channel": "portal", "from_name": "Người dân khu 2",
                         "content": "Đèn đường hỏng"})  # no due date: never overdue
    record_receipt(store, on="01/10/2026", amount=100_000_000 * scale, party="Doanh nghiệp A")
    record_spending(store, on="20/10/2026", amount=50_000_000 * scale, purpose="build-house", party="Hộ ông D")
    record_receipt(store, on="05/11/2026", amount=20_000_000 * scale, party="Cán bộ xã (một ngày lương)")
    record_spending(store, on="10/11/2026", amount=30_000_000 * scale, purpose="repair-house", party="Hộ bà E")
    record_spending(store, on="15/11/2026", amount=5_000_000 * scale, purpose="support", party="Hộ ông G")
    mediation = add_case(store, {"kind": "mediation", "opened_on": "01/11/2026", "title": "Tranh chấp lối đi"})
    close_case(store, mediation, on="10/11/2026", outcome="successful")
    inspection = add_case(store, {"kind": "inspection", "opened_on": "15/10/2026", "title": "Chi trả trợ cấp"})
    close_case(store, inspection, on="05/11/2026", outcome="resolved")
    add_case(store, {"kind": "supervision", "opened_on": "20/11/2026", "title": "Giám sát bữa ăn bán trú"})


EXPECTED = {  # November 2026, counted by hand from _registers(scale=1)
    "petitions_received": 3, "petitions_answered": 2, "petitions_answered_on_time": 1, "petitions_overdue": 1,
    "fund_opening": 50_000_000, "fund_received": 20_000_000, "fund_spent": 35_000_000, "fund_closing": 35_000_000,
    "houses_built": 0, "houses_repaired": 1,
    "cases_opened.inspection": 0, "cases_opened.investment": 0, "cases_opened.mediation": 1,
    "cases_opened.supervision": 1, "cases_opened.criticism": 0,
    "cases_closed.inspection": 1, "cases_closed.investment": 0, "cases_closed.mediation": 1,
    "cases_closed.supervision": 0, "cases_closed.criticism": 0,
    "mediation_successful": 1,
}


@pytest.fixture
def reports(tmp_path):
    """Two Hà Nội communes' November reports: Ba Đình's registers, and Ngọc Hà's with twice the money."""
    made = {}
    (tmp_path / "nhan").mkdir()
    for code, scale in (("00004", 1), ("00008", 2)):
        path = tmp_path / f"{code}.sqlite3"
        create_commune_database(path, code, clock=CLOCK).close()
        with open_store(path, clock=CLOCK) as store:
            _registers(store, scale)
            made[code] = export_report(store, parse_period("2026-11"), tmp_path / "nhan" / f"bc-{code}.xlsx").path
    return made


def test_the_report_carries_the_registers_figures(reports):
    report = read_report(reports["00004"])
    front = {indicator: value for indicator, unit, value in report.rows if unit == "front" and indicator in EXPECTED}
    assert front == EXPECTED
    sheet = openpyxl.load_workbook(reports["00004"])["Công tác Mặt trận"]
    printed = {row[1]: row[2:4] for row in sheet.iter_rows(values_only=True) if row[1] and isinstance(row[2], int)}
    assert printed["Tiếp nhận trong kỳ"][0] == 3 and printed["Quá hạn chưa được trả lời"][0] == 1
    assert printed["Tồn đầu kỳ"][0] == 50_000_000 and printed["Tồn cuối kỳ"][0] == 35_000_000
    assert printed["Hòa giải ở cơ sở"] == (1, 1) and printed["Thanh tra nhân dân"] == (0, 1)


def test_consolidation_adds_the_registers_up(reports):
    result = consolidate(reports["00004"].parent, clock=FixedClock(MOMENT + timedelta(hours=1)))
    assert result.rejected == [] and len(result.kept) == 2
    totals = result.totals()
    assert totals[("fund_closing", "front")] == 35_000_000 * 3
    assert totals[("petitions_received", "front")] == 6 and totals[("mediation_successful", "front")] == 2


def test_an_overspent_fund_is_a_negative_balance_the_province_reads(tmp_path):
    path = tmp_path / "xa.sqlite3"
    create_commune_database(path, "00004", clock=CLOCK).close()
    (tmp_path / "nhan").mkdir()
    with open_store(path, clock=CLOCK) as store:
        record_receipt(store, on="02/11/2026", amount=10_000_000, party="Doanh nghiệp A")
        saved = record_spending(store, on="03/11/2026", amount=15_000_000, purpose="health", party="Hộ ông H")
        assert saved.notices  # allowed, and flagged
        out = export_report(store, parse_period("2026-11"), tmp_path / "nhan" / "bc.xlsx").path
    figures = read_report(out).figures()
    assert figures[("fund_closing", "front")] == -5_000_000 and figures[("fund_spent", "front")] == 15_000_000


@pytest.mark.parametrize("change, detail", [
    ({"indicator": "fund_closing", "value": 10**13}, "C"),          # past what a register can hold
    ({"indicator": "petitions_received", "value": -1}, "C"),        # a count below zero
    ({"indicator": "fund_spent", "value": -1}, "C"),                # only the balances may be
    ({"indicator": "houses_built", "unit": "women"}, "B"),          # the registers are the Front's
    ({"indicator": "mediation_successful", "drop": True}, "∅"),     # every one of version 2 is there
])
def test_the_registers_rows_are_checked_like_the_others(reports, tmp_path, change, detail):
    from tests.test_consolidate import _altered

    book = openpyxl.load_workbook(reports["00004"])
    data = book["_data"]
    row = next(r for r in range(2, data.max_row + 1)
               if data.cell(r, 1).value == change["indicator"] and data.cell(r, 2).value == "front")
    if change.get("drop"):
        data.delete_rows(row)
        edits = {}
    else:
        edits = {(row, 3): change["value"]} if "value" in change else {(row, 2): change["unit"]}
    book.save(tmp_path / "base.xlsx")
    bad = _altered(tmp_path / "base.xlsx", tmp_path / "la.xlsx", data=edits)  # _data is judged before the checksum
    with pytest.raises(ReportRejected) as refused:
        read_report(bad)
    assert refused.value.reason == "bad_data" and detail in refused.value.detail


def test_the_province_summary_lists_the_registers_by_commune(reports, tmp_path):
    import shutil
    from pathlib import Path

    from app.reports.consolidation_workbook import write_summary

    folder = reports["00004"].parent
    shutil.copy(Path(__file__).parent / "fixtures" / "reports" / "v1-00277-2026-11.xlsx", folder)  # 0.1.0's
    result = consolidate(folder, clock=FixedClock(MOMENT + timedelta(hours=1)))
    assert len(result.kept) == 3
    out = write_summary(result, tmp_path / "tong-hop.xlsx", now=MOMENT)
    rows = [r for r in openpyxl.load_workbook(out)["Công tác Mặt trận"].iter_rows(values_only=True) if r[1] or r[0]]
    by_code = {r[1]: r for r in rows if r[1] in ("00004", "00008", "00277")}
    assert by_code["00004"][3:6] == (3, 2, 1) and by_code["00008"][8] == 70_000_000  # twice the money
    assert "phiên bản 1" in by_code["00277"][3]  # an old report says it has none, not zeros
    total = next(r for r in rows if isinstance(r[0], str) and r[0].startswith("Cộng"))
    assert "2 xã" in total[0] and total[3] == 6 and total[8] == 35_000_000 * 3
