"""The Reports page and the consolidation dialog, driven offscreen on small demo
communes: the files they write are read back and checked (checksum, period,
masking), the outbox holds what "send" queued, the dialog lists what the core
found."""
from __future__ import annotations

import hashlib
import re
import threading
from datetime import date, datetime, timezone
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.consent import record_consent, record_legal_basis
from app.domain.organizations import by_code
from app.reports.province_report import export_report
from app.reports.report_file import read_report, report_sha256
from app.sending.destination import make_destination, save_destination
from app.sending.outbox import list_outbox
from app.sending.site_config import SiteConfig
from app.text.admin_units import communes_of
from app.text.periods import parse_period
from ui.pages.reports import ReportsPage
from ui.runtime.runner import ImmediateRunner
from ui.widgets.period_chooser import default_period

WAIT = 20_000  # ms: generous for a slow shared machine
MOMENT = datetime(2026, 11, 22, 2, 0, tzinfo=timezone.utc)  # 22/11/2026, 09:00 in Hà Nội
HANOI = ("00004", "00008", "00025")


@pytest.fixture
def clock():
    return FixedClock(MOMENT)


@pytest.fixture
def demo(tmp_path, clock):
    path = tmp_path / "demo.sqlite3"
    build_demo(path, people=300, seed=1, commune_code="00004", clock=clock, marked=False)
    store = open_store(path, clock=clock, actor="tester")
    yield store
    store.close()


class Dialogs:
    """QFileDialog and QMessageBox stand-ins: the paths to answer with, the texts shown."""

    def __init__(self, monkeypatch) -> None:
        self.save_as: Path | None = None
        self.folder: Path | None = None
        self.suggested: list[str] = []
        self.warnings: list[str] = []
        self.opened: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(self.folder))
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: self.warnings.append(text))

    def _save(self, _parent, _title, suggested, _filter="", *_a, **_k):
        self.suggested.append(suggested)
        return (str(self.save_as) if self.save_as else "", "")

    def open_url(self, url) -> bool:
        self.opened.append(url.toLocalFile())
        return True


@pytest.fixture
def dialogs(monkeypatch):
    return Dialogs(monkeypatch)


@pytest.fixture
def site():
    return SiteConfig()


@pytest.fixture
def page(qtbot, demo, dialogs, site, tmp_path):
    documents = tmp_path / "Documents"
    documents.mkdir()
    widget = ReportsPage(demo, ImmediateRunner(demo), "vi", site=lambda: site, documents=documents,
                         open_url=dialogs.open_url)
    qtbot.addWidget(widget)
    return widget


def _save_report(qtbot, page, dialogs, path: Path) -> None:
    dialogs.save_as = path
    with qtbot.waitSignal(page.report.report_saved, timeout=WAIT):
        page.report.save_button.click()


# -- the period -----------------------------------------------------------------------------


@pytest.mark.parametrize("today, kind, expected", [
    (date(2026, 11, 22), "month", "2026-11"),    # report season of November: November
    (date(2026, 12, 3), "month", "2026-11"),     # early December: the month just ended
    (date(2026, 12, 11), "month", "2026-12"),
    (date(2027, 1, 5), "month", "2026-12"),
    (date(2027, 1, 5), "quarter", "2026-Q4"),
    (date(2027, 1, 5), "half", "2026-H2"),
    (date(2027, 1, 5), "year", "2026"),
    (date(2026, 11, 22), "quarter", "2026-Q4"),
])
def test_the_default_period_is_the_one_being_reported(today, kind, expected):
    assert default_period(today, kind).code == expected


def test_the_period_chooser_offers_only_periods_that_have_started(page):
    chooser = page.report.period
    assert chooser.period().code == "2026-11"
    assert "01/11/2026" in chooser.covers.text() and "30/11/2026" in chooser.covers.text()
    assert "22/11/2026" in chooser.covers.text()  # not over: figures as of today
    model = chooser.number.model()
    assert model.item(10).isEnabled() and not model.item(11).isEnabled()  # November yes, December not yet
    assert model.item(10).text() == "November"  # (these tests run in English): named, not "Month 11"
    chooser.findChild(type(chooser.kinds.button(0)), "kind_quarter").click()
    assert chooser.period().code == "2026-Q4"
    chooser.year.setValue(2025)
    assert chooser.period().code == "2025-Q4" and all(model.item(n).isEnabled() for n in range(4))
    assert "31/12/2025" in chooser.covers.text() and "hôm nay" not in chooser.covers.text()
    chooser.findChild(type(chooser.kinds.button(0)), "kind_month").click()
    assert chooser.period().code == "2025-12"  # the quarter's last month
    chooser.year.setValue(2026)  # December 2026 has not started: the latest month that has
    assert chooser.period().code == "2026-11"
    assert chooser.year.maximum() == 2026


# -- the province report ----------------------------------------------------------------------


def test_export_a_quarter_report_and_read_it_back(qtbot, page, dialogs, demo, tmp_path):
    chooser = page.report.period
    chooser.findChild(type(chooser.kinds.button(0)), "kind_quarter").click()
    chooser.number.setCurrentIndex(2)  # Q3
    assert not page.report.send.isEnabled()  # no destination set
    out = tmp_path / "out" / "bao cao quy 3"  # no suffix typed: .xlsx is added
    out.parent.mkdir()
    _save_report(qtbot, page, dialogs, out)

    assert dialogs.suggested == [str(tmp_path / "Documents" / "BaoCao_00004_2026-Q3.xlsx")]
    path = out.with_name("bao cao quy 3.xlsx")
    report = read_report(path)  # raises unless the checksum of _data holds
    assert report.period == "2026-Q3" and report.commune_code == "00004"
    assert report.meta["data_sha256"] == report_sha256(report.meta, report.rows)
    assert report.figures()[("members.total", "commune")] > 0
    result = page.report.result
    assert result.isVisibleTo(page) and result.path_label.text() == str(path)
    assert "2026" in result.message.text()
    assert dialogs.warnings == [] and list_outbox(demo) == []
    result.open_file_button.click()
    result.open_folder_button.click()
    assert dialogs.opened == [str(path), str(path.parent)]


def test_send_puts_the_report_in_the_outbox(qtbot, page, dialogs, demo, site, tmp_path):
    province = tmp_path / "province"
    province.mkdir()
    save_destination(demo, make_destination("folder", path=str(province)), site=site)
    page.refresh()
    assert page.report.send.isEnabled()
    assert str(province) in page.report.send_where.text()
    assert page.recent.isHidden() and not page.recent_empty.isHidden()
    page.report.send.setChecked(True)
    queued: list[int] = []
    page.report_queued.connect(queued.append)
    path = tmp_path / "BaoCao.xlsx"
    _save_report(qtbot, page, dialogs, path)

    items = list_outbox(demo)
    assert [(i.kind, i.period, i.state) for i in items] == [("report", "2026-11", "queued")]
    assert items[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert items[0].destination == f"folder:{province}"
    assert queued == [items[0].id]
    assert str(province) in page.report.result.note.text()
    assert page.recent.rowCount() == 1 and not page.recent.isHidden()
    assert page.recent.item(0, 0).text() == "Tháng 11 năm 2026"
    assert page.recent.item(0, 4).text() == str(province)
    assert dialogs.warnings == []


def test_a_report_that_cannot_be_written_says_so(qtbot, page, dialogs, tmp_path):
    dialogs.save_as = tmp_path / "no such folder" / "BaoCao.xlsx"
    page.report.save_button.click()
    assert len(dialogs.warnings) == 1 and "no such folder" in dialogs.warnings[0]
    assert not page.report.busy and page.report.result.isHidden()


# -- the member list ------------------------------------------------------------------------


def _sheet_rows(path: Path) -> tuple[list[str], list[list]]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    top = next(n for n, r in enumerate(rows) if r and r[0] == "STT")
    header = [c for c in rows[top] if c]
    people = [r for r in rows[top + 1:] if r and isinstance(r[0], (int, float))]
    return header, people


def _save_members(qtbot, page, dialogs, path: Path) -> None:
    dialogs.save_as = path
    with qtbot.waitSignal(page.members.list_saved, timeout=WAIT):
        page.members.save_button.click()


def test_members_export_masks_citizen_ids_unless_asked(qtbot, page, dialogs, demo, tmp_path):
    box = page.members
    assert box.privacy.isHidden()
    _save_members(qtbot, page, dialogs, tmp_path / "masked.xlsx")
    header, people = _sheet_rows(tmp_path / "masked.xlsx")
    active = demo.conn.execute("SELECT count(*) FROM person WHERE status = 'active'").fetchone()[0]
    assert len(people) == active
    assert "Dân tộc" not in header and "Tôn giáo" not in header
    ids = [r[header.index("Số CCCD")] for r in people if r[header.index("Số CCCD")]]
    assert ids and all(re.fullmatch(r"\d{3}\*{6}\d{3}", i) for i in ids)
    assert "citizen IDs masked" in box.result.note.text()
    assert dialogs.suggested[-1].endswith("DanhSach_00004_2026-11-22.xlsx")

    box.with_citizen_id.setChecked(True)
    box.with_ethnicity_religion.setChecked(True)
    assert not box.privacy.isHidden() and not box.purpose.isHidden()
    box.save()  # no purpose given: sensitive columns are not exported, and the box says why
    assert not (tmp_path / "full.xlsx").exists() and "Say why" in box.privacy.text()
    # two people have a recorded basis: only theirs are filled in, and the export is logged with its purpose
    with_basis = [r[0] for r in demo.conn.execute(
        "SELECT id FROM person WHERE status = 'active' AND ethnicity IS NOT NULL ORDER BY id LIMIT 2")]
    record_consent(demo, with_basis[0], method="written", on="01/11/2026", scope="danh sách hội viên")
    record_legal_basis(demo, with_basis[1], basis="Điều lệ MTTQ Việt Nam")
    box.purpose.setText("báo cáo thành phần dân tộc")
    _save_members(qtbot, page, dialogs, tmp_path / "full.xlsx")
    header, people = _sheet_rows(tmp_path / "full.xlsx")
    assert "Dân tộc" in header and "Tôn giáo" in header
    # filled exactly for the active people with a basis (the demo's consents and bases, and these two)
    basis = ("SELECT count(*) FROM person p WHERE status = 'active' AND ("
             " EXISTS (SELECT 1 FROM consent c WHERE c.person_id = p.id AND c.withdrawn_on IS NULL)"
             " OR EXISTS (SELECT 1 FROM legal_basis b WHERE b.person_id = p.id AND b.ended_on IS NULL))")
    with_basis = demo.conn.execute(basis).fetchone()[0]
    expected = demo.conn.execute(basis + " AND ethnicity IS NOT NULL").fetchone()[0]
    filled = [r for r in people if r[header.index("Dân tộc")]]
    assert len(filled) == expected and 2 <= expected <= with_basis < len(people)
    logged = demo.conn.execute("SELECT table_name, after FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    assert logged[0] == "sensitive_export" and "báo cáo thành phần dân tộc" in logged[1]
    assert f"filled in for {with_basis} of {len(people)} people" in box.result.note.text()
    written = {r[header.index("Số CCCD")] for r in people if r[header.index("Số CCCD")]}
    stored = {r[0] for r in demo.conn.execute(
        "SELECT citizen_id FROM person WHERE status = 'active' AND citizen_id IS NOT NULL")}
    assert written == stored and all(re.fullmatch(r"\d{12}", i) for i in written)
    box.with_citizen_id.setChecked(False)
    box.with_ethnicity_religion.setChecked(False)
    assert box.privacy.isHidden()


def test_members_export_of_one_organization(qtbot, page, dialogs, demo, tmp_path):
    box = page.members
    women = by_code(demo, "women")
    box.organization.setCurrentIndex(box.organization.findData(women))
    _save_members(qtbot, page, dialogs, tmp_path / "women.xlsx")
    _header, people = _sheet_rows(tmp_path / "women.xlsx")
    expected = demo.conn.execute(
        "SELECT count(DISTINCT p.id) FROM person p JOIN membership m ON m.person_id = p.id "
        "JOIN organization o ON o.id = m.organization_id "
        "WHERE p.status = 'active' AND m.left_on IS NULL AND (o.id = ? OR o.parent_id = ?)", (women, women)
    ).fetchone()[0]
    assert len(people) == expected > 0
    assert "DanhSach_00004_HoiLienHiepPhuNu" in dialogs.suggested[-1]


def test_members_export_reports_progress_and_cancel_leaves_nothing(qtbot, page, dialogs, tmp_path, monkeypatch):
    """The export reports as it streams; Cancel at a report stops it and no file is left."""
    import ui.dialogs.members_export as module

    real = module.export_members
    heard: list[tuple[str, int, int]] = []
    reached, go = threading.Event(), threading.Event()
    hold = {"on": False}

    def watched(store, out, *, progress, **options):
        def spy(stage, done, total):
            heard.append((stage, done, total))
            if hold["on"] and done > 0:
                reached.set()
                go.wait(10)
            progress(stage, done, total)
        return real(store, out, progress=spy, **options)

    monkeypatch.setattr(module, "export_members", watched)
    import app.reports.member_list as core

    monkeypatch.setattr(core, "PROGRESS_EVERY", 100)
    _save_members(qtbot, page, dialogs, tmp_path / "all.xlsx")
    total = heard[-1][2]
    assert heard[0] == ("members", 0, total) and heard[-1] == ("members", total, total)
    assert [d for _s, d, _t in heard[1:-1]] == list(range(100, total, 100))

    hold["on"] = True
    dialogs.save_as = tmp_path / "cancelled.xlsx"
    page.members.save_button.click()
    assert reached.wait(10)
    assert not page.members.save_button.isEnabled()  # no second export meanwhile
    page.members.task.cancel()
    go.set()
    qtbot.waitUntil(lambda: not page.members.busy and page.members.save_button.isEnabled(), timeout=WAIT)
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert dialogs.warnings == []


# -- the province's consolidation ----------------------------------------------------------------


@pytest.fixture
def report_folder(tmp_path, clock):
    """Reports of November from three Hà Nội demo communes, and a file that is not a report."""
    folder = tmp_path / "nhan"
    folder.mkdir()
    for seed, code in enumerate(HANOI, start=1):
        db = tmp_path / f"{code}.sqlite3"
        build_demo(db, people=150, seed=seed, commune_code=code, clock=clock, marked=False)
        with open_store(db, clock=clock) as store:
            export_report(store, parse_period("2026-11"), folder / f"BaoCao_{code}_2026-11.xlsx")
    (folder / "ghi chu.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    return folder


def test_consolidate_dialog_lists_what_it_used_and_left_out(qtbot, page, dialogs, report_folder, tmp_path):
    page.consolidate_button.click()
    dialog = page.dialog
    qtbot.addWidget(dialog)
    dialogs.folder = report_folder
    assert not dialog.run_button.isEnabled()
    dialog.browse_button.click()
    assert dialog.folder.text() == str(report_folder) and dialog.run_button.isEnabled()
    dialogs.save_as = tmp_path / "TongHop.xlsx"
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT)

    c = dialog.summary.consolidation
    assert sorted(k.commune.code for k in c.kept) == sorted(HANOI)
    assert c.period == "2026-11" and c.province.code == "01"
    assert dialog.used.rowCount() == 3
    hanoi = communes_of("01")
    assert dialog.missing.rowCount() == len(hanoi) - 3
    shown_missing = {dialog.missing.item(r, 0).text() for r in range(dialog.missing.rowCount())}
    assert shown_missing == {x.code for x in hanoi} - set(HANOI)
    assert dialog.rejected.rowCount() == 1
    assert dialog.rejected.item(0, 0).text() == "ghi chu.xlsx"
    reason = dialog.rejected.item(0, 1).text()
    assert reason == c.describe(c.rejected[0], "vi") and reason.startswith("Không đọc được tệp")
    assert dialog.tabs.tabText(0).endswith("(1)") and dialog.tabs.tabText(2).endswith("(3)")
    assert dialog.tabs.currentIndex() == 0  # the files left out first: they need someone to act
    assert (tmp_path / "TongHop.xlsx").is_file() and dialog.result.path_label.text() == str(tmp_path / "TongHop.xlsx")
    book = openpyxl.load_workbook(tmp_path / "TongHop.xlsx", read_only=True)
    assert "Tệp không dùng" in book.sheetnames
    book.close()
    assert dialogs.warnings == []


def test_hostile_reports_in_the_folder_are_listed_and_the_window_lives_on(qtbot, page, dialogs, report_folder,
                                                                          tmp_path, monkeypatch):
    from tests.hostile import far_cell_in_a_part_not_named_xml, without_the_checks

    without_the_checks(monkeypatch)  # the crafted file reaches the parser and aborts it, in the child
    far_cell_in_a_part_not_named_xml(report_folder / "xa-la.xlsx", "_meta")
    book = openpyxl.load_workbook(report_folder / f"BaoCao_{HANOI[1]}_2026-11.xlsx")
    sheet = book["Tổng hợp"]
    total = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Tổng cộng toàn phường")  # Ba Đình is a phường
    sheet.cell(total, 3).value += 50
    book.save(report_folder / "BaoCao_sua_tong.xlsx")
    page.consolidate_button.click()
    dialog = page.dialog
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(report_folder))
    dialogs.save_as = tmp_path / "TongHop.xlsx"
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=WAIT)
    shown = {dialog.rejected.item(r, 0).text(): dialog.rejected.item(r, 1).text()
             for r in range(dialog.rejected.rowCount())}
    assert "dừng đột ngột" in shown["xa-la.xlsx"]
    assert "bảng in đã bị sửa" in shown["BaoCao_sua_tong.xlsx"] and f"C{total}" in shown["BaoCao_sua_tong.xlsx"]
    assert sorted(k.commune.code for k in dialog.summary.consolidation.kept) == sorted(HANOI)
    assert (tmp_path / "TongHop.xlsx").is_file()  # the summary of the good ones, written by this process


def test_consolidate_dialog_with_a_province_that_sent_nothing(qtbot, page, dialogs, report_folder, tmp_path):
    dialog = page.open_consolidation()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(report_folder))
    dialog.only_province.setChecked(True)
    dialog.province.setCurrentIndex(dialog.province.findData("79"))  # Hồ Chí Minh: none of these
    dialogs.save_as = tmp_path / "TongHop.xlsx"
    dialog.run_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=WAIT)
    assert "Không có báo cáo hợp lệ nào" in dialogs.warnings[0]
    assert not (tmp_path / "TongHop.xlsx").exists() and dialog.summary is None
    qtbot.waitUntil(lambda: dialog.run_button.isEnabled(), timeout=WAIT)


def test_a_broken_site_file_is_said_and_sending_is_off(qtbot, demo, dialogs, tmp_path):
    from app.errors import FrontDeskError

    def broken() -> SiteConfig:
        raise FrontDeskError("site.unreadable", path=str(tmp_path / "site.toml"), reason="line 3")

    widget = ReportsPage(demo, ImmediateRunner(demo), "vi", site=broken, documents=tmp_path,
                         open_url=dialogs.open_url)
    qtbot.addWidget(widget)
    assert not widget.report.send.isEnabled()
    assert "site.toml" in widget.report.send_where.text()


def test_a_demo_communes_report_cannot_be_sent_from_the_window(qtbot, dialogs, tmp_path, clock):
    from app.sending import make_destination, save_destination

    path = tmp_path / "mau.sqlite3"
    build_demo(path, people=120, seed=2, commune_code="00004", clock=clock)  # marked
    store = open_store(path, clock=clock)
    try:
        site = SiteConfig()
        save_destination(store, make_destination("folder", path=str(tmp_path / "tinh")), site=site)
        widget = ReportsPage(store, ImmediateRunner(store), "vi", site=lambda: site, documents=tmp_path,
                             open_url=dialogs.open_url)
        qtbot.addWidget(widget)
        assert not widget.report.send.isEnabled() and not widget.report.send.isChecked()
        assert "demo commune" in widget.report.send_where.text()  # (the tests of this page run in English)
    finally:
        store.close()
