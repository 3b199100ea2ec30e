"""The import wizard shows the "Chức vụ" column as the import understood it
(issue 18), and says how many appointments it made."""
from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from app.domain.organizations import add_residential_area, by_code
from ui.dialogs.import_wizard import ImportWizard
from ui.pages.people import PeoplePage
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations

WAIT_MS = 15_000


def _roster(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH HỘI VIÊN CHI HỘI PHỤ NỮ THÔN ĐÔNG"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Thôn", "Chức vụ"])
    for number, row in enumerate(rows, 1):
        sheet.append([number, *row])
    book.save(path)
    return path


@pytest.fixture
def page(qtbot, store):
    from PySide6.QtWidgets import QApplication

    install_translations(QApplication.instance(), "vi")
    add_residential_area(store, "Thôn Đông")
    widget = PeoplePage(store, ImmediateRunner(store), "vi")
    qtbot.addWidget(widget)
    return widget


def _next_and_wait(qtbot, wizard: ImportWizard, page_before) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is not page_before and not wizard.busy, timeout=WAIT_MS)


def test_the_preview_shows_the_posts_as_understood(page, qtbot, store, tmp_path):
    path = _roster(tmp_path / "hoi_vien.xlsx", [
        ["Nguyễn Thị Hoa", 1970, "Thôn Đông", "CHT kiêm Trưởng ban CTMT"],
        ["Trần Thị Mai", 1975, "Thôn Đông", "Giám đốc"],
        ["Lê Thị Lan", 1980, "thon dong", None],
    ])
    wizard = page.import_roster()
    qtbot.addWidget(wizard)
    wizard.file_step.path.setText(str(path))
    wizard.file_step.organization.setCurrentIndex(wizard.file_step.organization.findData(by_code(store, "women")))
    _next_and_wait(qtbot, wizard, wizard.file_step)
    mapping = wizard.mapping_step
    assert mapping.choices[4].currentData() == "role"
    assert mapping.choices[4].currentText() == "Chức vụ"

    _next_and_wait(qtbot, wizard, mapping)
    preview = wizard.preview_step
    rows = preview.rows
    headers = [rows.headerData(c, Qt.Horizontal) for c in range(rows.columnCount())]
    role = headers.index("Chức vụ")
    assert role == len(headers) - 2  # just before "what the row becomes"
    assert rows.data(rows.index(0, role)) == (
        "Chi hội trưởng — Chi hội Phụ nữ Thôn Đông; Trưởng ban — Ban công tác Mặt trận Thôn Đông")
    assert rows.data(rows.index(2, role)) == ""
    assert preview.problems.rowCount() == 1
    assert [preview.problems.item(0, c).text() for c in range(3)] == ["5", "E", "Giám đốc"]

    preview.skip_invalid.setChecked(True)
    _next_and_wait(qtbot, wizard, preview)
    assert wizard.result.appointments == 2
    assert "Đã bổ nhiệm 2 chức vụ." in wizard.result_step.text.text()


def test_without_a_role_column_the_preview_is_as_before(page, qtbot, store, tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["STT", "Họ và tên", "Năm sinh", "Thôn"])
    book.active.append([1, "Nguyễn Thị Hoa", 1970, "Thôn Đông"])
    book.save(tmp_path / "ds.xlsx")
    wizard = page.import_roster()
    qtbot.addWidget(wizard)
    wizard.file_step.path.setText(str(tmp_path / "ds.xlsx"))
    _next_and_wait(qtbot, wizard, wizard.file_step)
    _next_and_wait(qtbot, wizard, wizard.mapping_step)
    rows = wizard.preview_step.rows
    assert rows.columnCount() == 8
    assert "Chức vụ" not in [rows.headerData(c, Qt.Horizontal) for c in range(rows.columnCount())]
