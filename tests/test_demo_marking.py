"""A demo commune's exports say so on every sheet and printed page, and carry
demo = true in the report's _meta; a real commune's do not."""
from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.reports.member_list import export_members
from app.reports.province_report import export_report
from app.reports.report_file import read_report
from app.spreadsheets.xlsx_writing import DEMO_MARK
from app.text.periods import parse_period

CLOCK = FixedClock(date(2026, 11, 22))


@pytest.fixture(scope="module", params=[True, False], ids=["demo", "real"])
def commune(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("xa") / "xa.sqlite3"
    build_demo(path, people=150, seed=6, clock=CLOCK, marked=request.param)
    return path, request.param


def _texts(ws) -> set[str]:
    return {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def test_every_visible_sheet_of_the_report_and_its_print_header(commune, tmp_path):
    path, demo = commune
    out = tmp_path / "bc.xlsx"
    with open_store(path, clock=CLOCK) as store:
        export_report(store, parse_period("2026-11"), out, with_rosters=True)
    book = openpyxl.load_workbook(out)
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    assert len(visible) > 3  # the summary, two appendices and the rosters
    for ws in visible:
        assert (DEMO_MARK in _texts(ws)) == demo, ws.title
        assert (DEMO_MARK in (ws.oddHeader.center.text or "")) == demo, ws.title
    assert read_report(out).demo == demo


def test_the_member_list(commune, tmp_path):
    path, demo = commune
    out = tmp_path / "ds.xlsx"
    with open_store(path, clock=CLOCK) as store:
        export_members(store, out)
    assert (DEMO_MARK in _texts(openpyxl.load_workbook(out).active)) == demo
