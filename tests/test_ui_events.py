"""The window keeps up with changes made elsewhere: a page on screen shows
them at once, a hidden one when it is next shown, without switching pages or
polling. The changes here come from other connections on other threads, as
an import, the write thread or a sending pass make them."""
from __future__ import annotations

import threading

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from app.db.storage import open_store
from app.domain.tasks import add_task
from app.importing.plan import apply_import, plan_import
from ui.main_window import MainWindow
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations

WAIT_MS = 15_000


def _elsewhere(store, work) -> None:
    """``work(store)`` on a connection of its own, on a thread of its own (bounded)."""
    failures: list[BaseException] = []

    def run():
        try:
            with open_store(store.path, clock=store.clock, actor="tester") as other:
                work(other)
        except BaseException as exc:  # reported by the test, not lost in the thread
            failures.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive() and failures == []


def _roster(path, names: list[str]):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính"])
    for i, name in enumerate(names, start=1):
        sheet.append([i, name, "12/04/1985", "Nữ"])
    book.save(path)
    return path


@pytest.fixture
def window(qtbot, store):
    install_translations(QApplication.instance(), "vi")
    w = MainWindow(store, runner=ImmediateRunner(store), lang="vi")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def test_an_import_finishing_while_the_people_page_is_open_shows_the_new_people(window, qtbot, store, tmp_path):
    window.show_page("people")
    people = window.people
    assert people.model.rowCount() == 0
    roster = _roster(tmp_path / "hoi_vien.xlsx", ["Nguyễn Thị Hoa", "Trần Thị Lan", "Lê Thị Mai"])

    def import_roster(other):
        plan = plan_import(other, roster)
        assert apply_import(other, plan).inserted == 3

    _elsewhere(store, import_roster)
    qtbot.waitUntil(lambda: people.model.rowCount() == 3, timeout=WAIT_MS)
    assert window.stack.currentWidget() is people  # no page was switched
    assert window.overview.isHidden()


def test_a_hidden_page_reads_again_only_when_it_is_shown(window, qtbot, store):
    tasks = window.tasks  # built, then left for the overview
    window.show_page("overview")
    assert tasks.model.ids() == []
    reads = []
    real_refresh = tasks.refresh
    tasks.refresh = lambda: (reads.append(1), real_refresh())  # counts what the event costs while hidden
    before = int(window.overview.due_week.number.text() or 0)
    _elsewhere(store, lambda other: add_task(other, {"title": "Hội nghị cử tri", "due_on": "24/11/2026"}))
    # the overview on screen follows at once; the hidden tasks page does not query
    qtbot.waitUntil(lambda: int(window.overview.due_week.number.text() or 0) == before + 1, timeout=WAIT_MS)
    assert reads == [] and tasks.model.ids() == []


def test_the_hidden_page_is_current_when_shown_again(window, qtbot, store):
    tasks = window.tasks
    window.show_page("overview")
    heard = []
    window.overview.due_week.number.setText("0")
    _elsewhere(store, lambda other: heard.append(add_task(other, {"title": "Báo cáo tháng", "due_on": "25/11/2026"})))
    qtbot.waitUntil(lambda: window.overview.due_week.number.text() == "1", timeout=WAIT_MS)
    window.show_page("tasks")
    assert len(tasks.model.ids()) == 1


def test_a_change_to_another_database_is_not_heard(window, qtbot, store, tmp_path, clock):
    from app.domain.commune import create_commune_database

    window.show_page("people")
    other = create_commune_database(tmp_path / "other.sqlite3", "00004", clock=clock, actor="tester")
    try:
        roster = _roster(tmp_path / "khac.xlsx", ["Phạm Văn Cường"])
        apply_import(other, plan_import(other, roster))
    finally:
        other.close()
    qtbot.wait(200)  # the event had its chance to arrive
    assert window.people.model.rowCount() == 0
