"""The import wizard, driven offscreen: file → columns → check → import."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.domain.organizations import add_residential_area, by_code
from ui.dialogs.import_wizard import ImportWizard
from ui.pages.people import PeoplePage
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations

WAIT_MS = 15_000


def _roster(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH HỘI VIÊN CHI HỘI PHỤ NỮ THÔN ĐÔNG"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn"])
    for number, row in enumerate(rows, 1):
        sheet.append([number, *row])
    book.save(path)
    return path


@pytest.fixture
def page(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    install_translations(QApplication.instance(), "vi")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    add_residential_area(store, "Thôn Đông")
    widget = PeoplePage(store, ImmediateRunner(store), "vi")
    widget.shown_messages = shown
    qtbot.addWidget(widget)
    return widget


def _next_and_wait(qtbot, wizard: ImportWizard, page_before) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is not page_before and not wizard.busy, timeout=WAIT_MS)


def _count(store) -> int:
    return store.conn.execute("SELECT count(*) FROM person").fetchone()[0]


def test_import_through_the_wizard_with_a_bad_row_left_out(page, qtbot, store, tmp_path):
    path = _roster(tmp_path / "hoi_vien.xlsx", [
        ["Nguyễn Thị Hoa", "12/04/1985", "Nữ", 1090012345, "Thôn Đông"],
        ["Trần Thị Mai", "31/02/1990", "Nữ", None, "Thôn Đông"],  # no such day
        ["Lê Thị Lan", 1972, "Nữ", None, "thon dong"],
    ])
    wizard = page.import_roster()
    qtbot.addWidget(wizard)
    wizard.file_step.path.setText(str(path))
    wizard.file_step.organization.setCurrentIndex(wizard.file_step.organization.findData(by_code(store, "women")))
    _next_and_wait(qtbot, wizard, wizard.file_step)
    assert wizard.currentPage() is wizard.mapping_step
    mapped = {wizard.mapping_step.table.item(r, 0).text(): wizard.mapping_step.choices[c.index].currentData()
              for r, c in enumerate(wizard.current_plan.layout.columns)}
    assert mapped["B"] == "full_name" and mapped["C"] == "birth_date" and mapped["E"] == "citizen_id"

    _next_and_wait(qtbot, wizard, wizard.mapping_step)
    preview = wizard.preview_step
    assert wizard.currentPage() is preview
    assert preview.rows.rowCount() == 3
    assert preview.rows_view.textElideMode() == Qt.ElideMiddle  # a long name keeps both ends…
    name = preview.rows.index(0, preview.rows.columns.index("full_name"))
    assert preview.rows.data(name, Qt.ToolTipRole) == "Nguyễn Thị Hoa"  # …and is whole in its tooltip
    assert preview.problems.rowCount() == 1
    assert preview.problems.item(0, 0).text() == "5"  # the Excel row of Trần Thị Mai
    assert preview.problems.item(0, 1).text() == "C"
    assert not wizard.button(QWizard.NextButton).isEnabled()  # a bad row blocks the import…
    preview.skip_invalid.setChecked(True)  # …unless the valid rows go in alone
    assert wizard.button(QWizard.NextButton).isEnabled()
    assert _count(store) == 0  # nothing written while checking

    _next_and_wait(qtbot, wizard, preview)
    assert wizard.currentPage() is wizard.result_step
    assert (wizard.result.inserted, wizard.result.skipped) == (2, 1)
    stored = store.conn.execute(
        "SELECT full_name, birth_date, citizen_id FROM person ORDER BY sort_key").fetchall()
    assert stored == [("Nguyễn Thị Hoa", "1985-04-12", "001090012345"), ("Lê Thị Lan", "1972", None)]
    members = store.conn.execute(
        "SELECT count(*) FROM membership WHERE organization_id = ?", (by_code(store, "women"),)).fetchone()[0]
    assert members == 2
    assert page.model.rowCount() == 2  # the roster shows them
    assert page.shown_messages == []


def test_a_file_that_is_not_a_spreadsheet_says_so_and_stays_on_the_first_step(page, qtbot, store, tmp_path):
    fake = tmp_path / "danh_sach.xlsx"
    fake.write_text("Họ và tên;Ngày sinh\nNguyễn Văn A;1980\n", encoding="utf-8")
    wizard = page.import_roster()
    qtbot.addWidget(wizard)
    wizard.file_step.path.setText(str(fake))
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy and bool(page.shown_messages), timeout=WAIT_MS)
    assert wizard.currentPage() is wizard.file_step
    assert "danh_sach.xlsx" in page.shown_messages[0]
    assert _count(store) == 0


def test_a_file_that_makes_the_reader_abort_is_refused_and_the_window_lives_on(page, qtbot, store, tmp_path,
                                                                                monkeypatch):
    from tests.hostile import far_cell_in_a_part_not_named_xml, without_the_checks

    without_the_checks(monkeypatch)  # so that the file reaches the parser and aborts it (in the child)

    crafted = far_cell_in_a_part_not_named_xml(tmp_path / "hoi_vien.xlsx")
    wizard = page.import_roster()
    qtbot.addWidget(wizard)
    wizard.file_step.path.setText(str(crafted))
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy and bool(page.shown_messages), timeout=WAIT_MS)
    assert wizard.currentPage() is wizard.file_step  # one refusal, and the wizard is where it was
    assert "hoi_vien.xlsx" in page.shown_messages[0] and "dừng đột ngột" in page.shown_messages[0]
    assert _count(store) == 0
    # this process (the window's) is alive and the next file reads
    good = _roster(tmp_path / "tot.xlsx", [["Nguyễn Thị Hoa", "12/04/1985", "Nữ", None, "Thôn Đông"]])
    wizard.file_step.path.setText(str(good))
    _next_and_wait(qtbot, wizard, wizard.file_step)
    assert wizard.currentPage() is wizard.mapping_step


def test_the_areas_a_roster_names_are_added_unless_the_person_says_no(page, qtbot, store, tmp_path):
    path = _roster(tmp_path / "thon_moi.xlsx", [
        ["Nguyễn Thị Hoa", "12/04/1985", "Nữ", None, "Thôn Đông"],
        ["Phạm Thị Thu", "02/05/1980", "Nữ", None, "THÔN TÂY"],
        ["Vũ Thị Hằng", "03/06/1981", "Nữ", None, "thôn tây"],
    ])
    wizard = page.import_roster()
    qtbot.addWidget(wizard)
    wizard.file_step.path.setText(str(path))
    _next_and_wait(qtbot, wizard, wizard.file_step)
    _next_and_wait(qtbot, wizard, wizard.mapping_step)
    preview = wizard.preview_step
    assert wizard.currentPage() is preview
    assert preview.add_areas.isVisibleTo(preview) and preview.add_areas.isChecked()
    assert preview.add_areas.text().startswith("Thêm 1 khu dân cư")
    assert preview.area_names.text() == "Thôn Tây (2 dòng)"
    assert preview.rows.data(preview.rows.index(1, 6)) == "Thôn Tây (mới)"
    assert preview.problems.rowCount() == 0 and wizard.button(QWizard.NextButton).isEnabled()

    preview.add_areas.setChecked(False)  # not wanted: those rows cannot go in
    assert preview.problems.rowCount() == 2
    assert not wizard.button(QWizard.NextButton).isEnabled()
    preview.add_areas.setChecked(True)
    assert preview.problems.rowCount() == 0

    _next_and_wait(qtbot, wizard, preview)
    assert wizard.result.areas_added == ["Thôn Tây"]
    assert "Thôn Tây" in wizard.result_step.text.text()
    areas = [r[0] for r in store.conn.execute(
        "SELECT name FROM organization WHERE kind = 'residential_area' ORDER BY name")]
    assert areas == ["Thôn Tây", "Thôn Đông"]
