"""The demo commune in the window: marked on every page and in the title, and
one step away from the real commune."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.commune import create_commune_database, get_commune
from app.paths import demo_database_for
from ui.dialogs import first_run
from ui.main_window import PAGE_KEYS, MainWindow
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    real = tmp_path_factory.mktemp("home") / "frontdesk.sqlite3"
    path = demo_database_for(real)
    build_demo(path, people=200, seed=4, clock=FixedClock(date(2026, 11, 22)))
    return path


def _window(qtbot, path, clock, real, lang="vi"):
    install_translations(QApplication.instance(), lang)
    store = open_store(path, clock=clock)
    window = MainWindow(store, runner=ImmediateRunner(store), lang=lang, real_database=real)
    qtbot.addWidget(window)
    window.show()
    real_close = store.close

    def close() -> None:  # the window goes first, and the reads its pages asked for run while the store is open
        window.close()
        for _ in range(3):
            QApplication.processEvents()
        real_close()

    store.close = close
    return window, store


def test_the_demo_is_marked_in_the_title_and_on_every_page(qtbot, demo_db, clock, tmp_path):
    window, store = _window(qtbot, demo_db, clock, tmp_path / "frontdesk.sqlite3")
    try:
        assert "DỮ LIỆU MẪU" in window.windowTitle()
        for key in PAGE_KEYS:
            window.show_page(key)
            assert window.demo_banner.isVisible() and window.stack.currentWidget() is window.pages[key], key
        assert "DỮ LIỆU MẪU" in window.demo_banner.mark.text()
        assert "không gửi" in window.demo_banner.text.text()
    finally:
        store.close()


def test_english_says_demo_data(qtbot, demo_db, clock, tmp_path):
    window, store = _window(qtbot, demo_db, clock, tmp_path / "frontdesk.sqlite3", lang="en")
    try:
        assert "DEMO DATA" in window.windowTitle() and window.demo_banner.mark.text() == "DEMO DATA"
    finally:
        store.close()


def test_a_real_commune_has_no_mark(qtbot, clock, tmp_path):
    real = tmp_path / "frontdesk.sqlite3"
    create_commune_database(real, "00004").close()
    window, store = _window(qtbot, real, clock, real)
    try:
        assert window.demo_banner is None and "MẪU" not in window.windowTitle()
    finally:
        store.close()


def test_from_the_demo_to_a_new_real_commune_in_one_step(qtbot, demo_db, clock, tmp_path, monkeypatch):
    real = tmp_path / "frontdesk.sqlite3"
    window, store = _window(qtbot, demo_db, clock, real)
    asked = []

    def choose_and_create(dialog):  # what the person does in the dialog: picks Ba Đình by its code, creates
        asked.append(not dialog.demo_button.isHidden())
        dialog.search.setText("00004")
        dialog.list.setCurrentRow(0)
        dialog.create()
        return 1

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", choose_and_create)
    opened = []
    window.open_database = opened.append
    try:
        window.demo_banner.button.click()
        assert asked == [False]  # no demo offered when leaving the demo
        assert opened == [real] and real.exists()
        with open_store(real) as made:
            assert get_commune(made).code == "00004"
    finally:
        store.close()


def test_leaving_the_demo_when_the_real_commune_exists_opens_it_in_a_new_window(qtbot, demo_db, clock, tmp_path,
                                                                               monkeypatch):
    real = tmp_path / "frontdesk.sqlite3"
    create_commune_database(real, "00008").close()
    window, store = _window(qtbot, demo_db, clock, real)
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda dialog: pytest.fail("no choice to make"))
    try:
        window.leave_demo()
        successor = QApplication.instance()._frontdesk_window
        qtbot.addWidget(successor)
        assert successor is not window and successor.isVisible() and not window.isVisible()
        assert successor.demo_banner is None and "Ngọc Hà" in successor.windowTitle()
        successor.close()
        successor.store.close()
    finally:
        store.close()


def test_closing_the_choice_keeps_the_demo_open(qtbot, demo_db, clock, tmp_path, monkeypatch):
    real = tmp_path / "frontdesk.sqlite3"
    window, store = _window(qtbot, demo_db, clock, real)
    monkeypatch.setattr(first_run.FirstRunDialog, "exec", lambda dialog: 0)
    opened = []
    window.open_database = opened.append
    try:
        window.leave_demo()
        assert opened == [] and window.isVisible() and not real.exists()
    finally:
        store.close()


def test_the_app_goes_from_the_demo_to_the_real_commune_in_the_same_run(qtbot, monkeypatch):
    """``frontdesk --demo``, then "Set up my commune…": the demo's window and
    services end, and the real commune's window opens in the same process."""
    from PySide6.QtCore import QTimer

    from app.paths import app_paths
    from ui.application import _run_main_window, main_window_of, window_arguments

    app = QApplication.instance()
    install_translations(app, "vi")  # as run_window does before this
    paths = app_paths()  # under the test's FRONTDESK_HOME
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    build_demo(paths.demo_database, people=150, seed=2, clock=FixedClock(date(2026, 11, 22)))

    def choose_and_create(dialog):
        dialog.search.setText("00004")
        dialog.list.setCurrentRow(0)
        dialog.create()
        return 1

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", choose_and_create)
    seen: list[tuple[bool, str]] = []
    deadline = [200]  # steps of 50 ms: ten seconds, then every window is closed (a failure, not a hang)

    def step() -> None:
        window = main_window_of(app)
        deadline[0] -= 1
        if deadline[0] <= 0:
            for widget in app.topLevelWidgets():
                widget.close()
            return
        if window is None or not window.isVisible() or (seen and seen[-1][1] == window.windowTitle()):
            QTimer.singleShot(50, step)
            return
        seen.append((window.demo, window.windowTitle()))
        if window.demo:
            window.leave_demo()
            QTimer.singleShot(50, step)
        else:
            window.close()

    QTimer.singleShot(0, step)
    assert _run_main_window(app, window_arguments(["--demo", "--lang", "vi"])) == 0
    assert [demo for demo, _title in seen] == [True, False]
    assert "DỮ LIỆU MẪU" in seen[0][1] and "Ba Đình" in seen[1][1] and "MẪU" not in seen[1][1]
    assert paths.database.exists()


def test_the_no_backup_warning_goes_when_the_start_backup_is_made(qtbot, tmp_path, clock):
    """The start backup is made on the session's other connection, off the
    GUI thread: the overview hears of it without being asked to read again."""
    from app.safety.schedule import backup_at_start

    real = tmp_path / "frontdesk.sqlite3"
    create_commune_database(real, "00004").close()
    window, store = _window(qtbot, real, clock, real)
    page = window.pages["overview"]
    try:
        assert page.last_backup.text().startswith("⚠ Chưa có bản sao lưu")
        with open_store(real, clock=clock) as other:  # as the runner's connection does it
            assert backup_at_start(other) is not None
        qtbot.waitUntil(lambda: page.last_backup.text().startswith("Sao lưu gần nhất"), timeout=10_000)
    finally:
        store.close()


def test_the_window_moves_an_old_demo_out_of_the_real_place_and_asks(qtbot, monkeypatch):
    from app.paths import app_paths
    from ui.application import choose_database

    paths = app_paths()
    paths.database.parent.mkdir(parents=True, exist_ok=True)
    build_demo(paths.database, people=100, seed=2, clock=FixedClock(date(2026, 11, 22)))  # an older version's
    asked = []

    def look_around(dialog):  # the person picks the demo again
        asked.append(not dialog.demo_button.isHidden())
        dialog.open_demo()
        return 1

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", look_around)
    assert choose_database(paths.database, "vi") == paths.demo_database
    assert asked == [True] and not paths.database.exists()
    # opened with --db, a demo file is opened where it is
    assert choose_database(paths.demo_database, "vi") == paths.demo_database
