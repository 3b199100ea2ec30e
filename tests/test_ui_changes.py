"""The change log page, driven offscreen: changes made through the core are
shown in words (the core's, in the window's language), filters narrow them,
older pages arrive as the list is scrolled, and the export writes an Excel
file with the rows shown, in the same words."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.clock import FixedClock
from app.domain.change_log import ChangeFilter, count_changes
from app.domain.organizations import by_code
from app.domain.people import add_person, join_organization, update_person
from app.domain.positions import add_position, appoint, end_appointment
from app.domain.tasks import add_task
from ui.pages.changes import ChangesPage
from tests.test_change_log import _table
from ui.runtime.runner import ImmediateRunner

VN = timezone(timedelta(hours=7))
CID = "001090012345"
WAIT_MS = 15_000


def _at(store, day: int, hour: int = 9) -> None:
    store.clock = FixedClock(datetime(2026, 12, day, hour, tzinfo=VN))


@pytest.fixture
def english(qapp):
    from ui.runtime.translations import install_translations

    install_translations(qapp, "en")


@pytest.fixture
def work(store):
    """Two staff members at work over three days, through the core."""
    _at(store, 10)
    store.actor = "lan"
    bao, _ = add_person(store, {"full_name": "Trần Văn Bảo", "citizen_id": CID, "phone": "0912345678"})
    other, _ = add_person(store, {"full_name": "Lê Thị Hoa"})
    _at(store, 11)
    store.actor = "hung"
    join_organization(store, bao, by_code(store, "farmers"), joined_on="2020-01-05")
    position = add_position(store, by_code(store, "farmers"), "Ủy viên Ban Chấp hành", seats=3)
    appointment = appoint(store, position, bao, start_on="2025-01-01")
    task = add_task(store, {"title": "Báo cáo tháng", "due_on": "2026-11-30"}, lead_id=other, support_ids=[bao])
    _at(store, 12, 15)
    update_person(store, bao, {"phone": "0987654321", "status": "moved"})
    return {"bao": bao, "hoa": other, "position": position, "appointment": appointment, "task": task}


def make_page(qtbot, store, lang: str = "en") -> ChangesPage:
    page = ChangesPage(store, ImmediateRunner(store), lang)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, store, work, english):
    return make_page(qtbot, store)


def rows(page) -> list[tuple[str, ...]]:
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_changes_made_through_the_core_are_shown_newest_first_in_words(page, store, work):
    shown = rows(page)
    assert len(shown) == count_changes(store)
    when, who, what, which, changes = shown[0]
    assert (when, who, what, which) == ("12/12/2026 15:00", "hung", "Edited a person", "Trần Văn Bảo")
    assert changes == "Phone: 0912345678 → 0987654321; Status: Active → Moved away"
    by_what = {r[2]: r for r in shown}
    assert by_what["Appointed to a position"][3] == "Trần Văn Bảo — Ủy viên Ban Chấp hành — Hội Nông dân"
    assert "Hội Nông dân" in by_what["Added a member"][3] and "Trần Văn Bảo" in by_what["Added a member"][3]
    assert by_what["Added a member"][4] == "Person: Trần Văn Bảo; Organization: Hội Nông dân; Joined on: 05/01/2020"
    assert by_what["Assigned a task"][3] == "Báo cáo tháng"
    assert by_what["Assigned a task"][4] == "Assigned to: — → Lead: Lê Thị Hoa; Support: Trần Văn Bảo"
    assert by_what["Added a task"][4].startswith("Title: Báo cáo tháng") and "Due date: 30/11/2026" in by_what[
        "Added a task"][4]
    added = [r for r in shown if r[2] == "Added a person" and r[3] == "Trần Văn Bảo"][0]
    assert added[0] == "10/12/2026 09:00" and added[1] == "lan"
    assert "Citizen ID: 001******345" in added[4]
    assert CID not in "".join("".join(r) for r in shown)  # masked everywhere
    assert page.count.text().startswith(f"{len(shown)} change") and page.count.text().endswith(", newest first.")


@pytest.fixture
def vietnamese(qapp):
    from ui.runtime.translations import install_translations

    install_translations(qapp, "vi")
    yield
    install_translations(qapp, "en")  # as the other tests of this module expect


def test_in_vietnamese_the_words_are_vietnamese(qtbot, store, work, vietnamese):
    page = make_page(qtbot, store, "vi")
    assert [page.model.headerData(c, Qt.Horizontal) for c in range(5)] == [
        "Thời điểm", "Người thực hiện", "Thao tác", "Hồ sơ", "Nội dung thay đổi"]
    shown = rows(page)
    assert shown[0] == ("12/12/2026 15:00", "hung", "Sửa thông tin người", "Trần Văn Bảo",
                        "Điện thoại: 0912345678 → 0987654321; Tình trạng: Đang sinh hoạt → Đã chuyển đi")
    by_what = {r[2]: r for r in shown}
    assert by_what["Giao chức danh"][3] == "Trần Văn Bảo — Ủy viên Ban Chấp hành — Hội Nông dân"
    assert by_what["Thêm hội viên"][4] == "Người: Trần Văn Bảo; Tổ chức: Hội Nông dân; Ngày vào: 05/01/2020"
    assert by_what["Phân công công việc"][4] == "Người thực hiện: — → Chủ trì: Lê Thị Hoa; Phối hợp: Trần Văn Bảo"
    assert "Số CCCD: 001******345" in [r for r in shown if r[2] == "Thêm người" and r[3] == "Trần Văn Bảo"][0][4]
    qtbot.waitUntil(lambda: page.kind.findText("Người") >= 0, timeout=WAIT_MS)  # filled after the first screen
    assert page.kind.findText("Công việc") >= 0 and page.kind.findText("Giữ chức danh") >= 0
    assert page.count.text().startswith(f"{len(shown)} thay đổi")


def test_ending_a_post_and_the_details_of_a_change(page, store, work, qtbot):
    _at(store, 13)
    end_appointment(store, work["appointment"], end_on="2026-12-13")
    page.refresh()
    assert rows(page)[0][2:4] == ("Ended a post", "Trần Văn Bảo — Ủy viên Ban Chấp hành — Hội Nông dân")
    page.table.selectRow(1)  # the phone change
    details = page.details.toPlainText()
    assert "Edited a person — Trần Văn Bảo" in details
    assert "Phone" in details and "0912345678" in details and "0987654321" in details
    assert "Before" in details and "After" in details
    tip = page.model.index(1, 4).data(Qt.ToolTipRole)
    assert tip.splitlines() == ["Phone: 0912345678 → 0987654321", "Status: Active → Moved away"]


def test_filtering_by_person_day_who_and_kind(page, store, work, qtbot):
    everything = page.model.rowCount()
    picker = page.person
    picker.setText("tran van bao")  # typed without accents
    picker.suggest()
    picker.choose(0)
    about_bao = rows(page)
    assert [r[2] for r in about_bao] == [
        "Edited a person", "Assigned a task", "Appointed to a position", "Added a member", "Added a person"]
    assert all(r[3] != "Lê Thị Hoa" for r in about_bao)

    qtbot.mouseClick(page.clear_button, Qt.LeftButton)
    assert page.model.rowCount() == everything and picker.person_id is None
    page.show_person(work["hoa"], "Lê Thị Hoa")  # what a person's card could ask for
    assert [r[2] for r in rows(page)] == ["Assigned a task", "Added a person"] and picker.text() == "Lê Thị Hoa"
    qtbot.mouseClick(page.clear_button, Qt.LeftButton)

    page.since.setText("11/12/2026")
    page.until.setText("11/12/2026")
    page.apply_filters()
    day11 = rows(page)
    assert day11 and {r[0][:10] for r in day11} == {"11/12/2026"} and {r[1] for r in day11} == {"hung"}

    qtbot.mouseClick(page.clear_button, Qt.LeftButton)
    page.who.setCurrentIndex(page.who.findData("lan"))
    assert [r[2:4] for r in rows(page)] == [("Added a person", "Lê Thị Hoa"), ("Added a person", "Trần Văn Bảo")]
    page.kind.setCurrentIndex(page.kind.findData("task"))
    assert rows(page) == [] and page.count.text() == "No change matches."
    page.who.setCurrentIndex(0)
    assert [r[2] for r in rows(page)] == ["Added a task"]
    assert page.kind.findText("Person") >= 0 and page.kind.findText("Post held") >= 0


def test_an_unreadable_day_is_said_and_the_list_stays(page, store, work):
    before = rows(page)
    page.since.setText("32/13/2026")
    page.apply_filters()
    assert page.problem.isVisible() and "32/13/2026" in page.problem.text() and "dd/mm/yyyy" in page.problem.text()
    assert rows(page) == before
    page.since.setText("12/12/2026")
    page.until.setText("10/12/2026")
    page.apply_filters()
    assert page.problem.isVisible() and "after" in page.problem.text()
    page.until.clear()  # emptying a day applies at once
    assert not page.problem.isVisible() and {r[0][:10] for r in rows(page)} == {"12/12/2026"}


def test_a_new_user_and_new_changes_appear_when_the_page_is_shown_again(page, store, work, qtbot):
    store.actor = "thu"
    _at(store, 14)
    add_person(store, {"full_name": "Phạm Văn Tú"})
    assert page.who.findData("thu") == -1
    page.refresh()
    qtbot.waitUntil(lambda: page.who.findData("thu") >= 0, timeout=WAIT_MS)  # after the first screen
    assert rows(page)[0][1:4] == ("thu", "Added a person", "Phạm Văn Tú")


def test_a_long_history_comes_a_page_at_a_time_as_it_is_scrolled(qtbot, store, english):
    with store.transaction():
        for i in range(450):
            store.log("update", "meta", None, {"k": i}, {"k": i + 1})
    total = count_changes(store)
    page = make_page(qtbot, store)
    assert page.model.rowCount() == 100 and not page.model.complete
    qtbot.waitUntil(lambda: page.count.text().startswith(f"{total} change"), timeout=WAIT_MS)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 300, timeout=WAIT_MS)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == total, timeout=WAIT_MS)
    assert page.model.complete
    ids = [page.model.row(r).entry.id for r in range(total)]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == total


def test_the_export_writes_the_filtered_changes_to_excel(page, store, work, qtbot, tmp_path, monkeypatch):
    picker = page.person
    picker.setText("tran van bao")
    picker.suggest()
    picker.choose(0)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, title, start, filters, *a, **k: asked.append(start) or
                        (str(tmp_path / "bao"), filters))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.export_task.running, timeout=WAIT_MS)
    out = tmp_path / "bao.xlsx"
    assert asked[0].endswith(".xlsx") and out.is_file() and not list(tmp_path.glob("*.partial"))
    table = _table(load_workbook(out).active)
    assert table[0] == ("When", "Who", "What", "Record", "Changes", "Note")  # the page's language
    expected = count_changes(store, ChangeFilter(person_id=work["bao"]))
    assert len(table) == expected + 1 == page.model.rowCount() + 1
    # the rows the page shows, in the same words (with seconds, and every field a line)
    assert [(f"{r[0]:%d/%m/%Y %H:%M}", r[1], r[2], r[3], r[4].replace("\n", "; ")) for r in table[1:]] == rows(page)
    assert table[1][:5] == (datetime(2026, 12, 12, 15, 0), "hung", "Edited a person", "Trần Văn Bảo",
                            "Phone: 0912345678 → 0987654321\nStatus: Active → Moved away")
    text = "\n".join(str(c) for row in table for c in row if c is not None)
    assert CID not in text and "001******345" in text
    assert ("Added a person", "Lê Thị Hoa") not in [r[2:4] for r in table]  # only Bảo's changes
    assert str(out) in page.notice.text() and page.export_button.isEnabled()


def test_a_vietnamese_page_exports_vietnamese_words(qtbot, store, work, vietnamese, tmp_path, monkeypatch):
    page = make_page(qtbot, store, "vi")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "nhat-ky.xlsx"), ""))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.export_task.running, timeout=WAIT_MS)
    table = _table(load_workbook(tmp_path / "nhat-ky.xlsx")["Nhật ký thay đổi"])
    assert table[0] == ("Thời điểm", "Người thực hiện", "Thao tác", "Hồ sơ", "Nội dung thay đổi", "Ghi chú")
    assert table[1][2:5] == ("Sửa thông tin người", "Trần Văn Bảo",
                             "Điện thoại: 0912345678 → 0987654321\nTình trạng: Đang sinh hoạt → Đã chuyển đi")
    assert len(table) == count_changes(store) + 1


def test_an_export_that_cannot_be_written_is_explained(page, tmp_path, qtbot, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: told.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "no-such-folder" / "log.xlsx"), ""))
    qtbot.mouseClick(page.export_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.export_task.running, timeout=WAIT_MS)
    assert len(told) == 1 and "Could not write" in told[0] and "no-such-folder" in told[0]
    assert page.export_button.isEnabled() and not (tmp_path / "no-such-folder").exists()


def test_choosing_no_file_exports_nothing(page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert page.export() is None and page.export_task is None
