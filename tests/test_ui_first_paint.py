"""The window paints its frame first: the overview's figures, the one-instance
listener and the services wait until just after the first paint."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.workload import overview
from ui.main_window import MainWindow
from ui.runtime.first_paint import FirstPaint
from ui.runtime.runner import ImmediateRunner
from ui.runtime.single_instance import SingleInstance
from ui.runtime.translations import install_translations

WAIT_MS = 10_000


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("paint") / "demo.sqlite3"
    build_demo(path, people=300, seed=2, clock=FixedClock(date(2026, 11, 22)))
    return path


def test_what_waits_runs_after_the_first_paint_and_not_before(qtbot):
    label = QLabel("Front Desk")
    qtbot.addWidget(label)
    painted: list[str] = []
    original = label.paintEvent
    label.paintEvent = lambda event: (painted.append("paint"), original(event))
    first_paint = FirstPaint(label)
    first_paint.then(lambda: painted.append("after"))
    QApplication.processEvents()  # not shown: a zero timer would have run by now
    assert painted == [] and not first_paint.painted
    label.show()
    qtbot.waitUntil(lambda: "after" in painted, timeout=WAIT_MS)
    assert painted[0] == "paint"
    assert painted.count("after") == 1
    first_paint.then(lambda: painted.append("later"))  # asked after the paint: runs on the next turn
    qtbot.waitUntil(lambda: "later" in painted, timeout=WAIT_MS)


def test_a_window_that_is_never_painted_still_gets_its_work_done(qtbot):
    # a window started minimised on Windows is not painted until restored
    label = QLabel("Front Desk")
    qtbot.addWidget(label)
    ran: list[bool] = []
    FirstPaint(label, fallback_ms=50).then(lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True], timeout=WAIT_MS)


def test_the_overview_paints_its_frame_then_reads_its_figures(qtbot, demo_db, clock):
    install_translations(QApplication.instance(), "vi")
    store = open_store(demo_db, clock=clock)
    try:
        window = MainWindow(store, runner=ImmediateRunner(store), lang="vi", paint_first=True)
        qtbot.addWidget(window)
        page = window.pages["overview"]
        # the frame: the commune's name, and "…" rather than a figure that is not read yet
        assert not page.filled
        assert page.title.text().startswith("Hôm nay ở ")
        assert page.overdue.number.text() == "…"
        assert page.first_steps.isHidden() and page.last_backup.isHidden()
        QApplication.processEvents()
        assert not page.filled  # not before the window has painted
        window.show()
        qtbot.waitUntil(lambda: page.filled, timeout=WAIT_MS)
        o = overview(store)
        assert page.overdue.number.text() == str(o.overdue_tasks)
        assert not page.last_backup.isHidden()
    finally:
        store.close()


def test_without_paint_first_the_overview_reads_its_figures_at_once(qtbot, demo_db, clock):
    store = open_store(demo_db, clock=clock)
    try:
        window = MainWindow(store, runner=ImmediateRunner(store), lang="vi")
        qtbot.addWidget(window)
        assert window.pages["overview"].filled
    finally:
        store.close()


def test_the_lock_is_taken_at_once_and_the_listener_follows(qtbot, tmp_path):
    db = tmp_path / "commune.sqlite3"
    raised: list[bool] = []
    first = SingleInstance(db, on_raise=lambda: raised.append(True))
    second = SingleInstance(db)
    try:
        assert first.acquire(listen=False)
        assert not second.acquire()  # the lock already keeps a second start out
        assert not second.notify_running(wait_s=0.3)  # nobody listens yet: the second start would wait
        first.listen()
        first.listen()  # once only
        assert second.notify_running(wait_s=2)
        qtbot.waitUntil(lambda: raised == [True], timeout=WAIT_MS)
    finally:
        first.release()


def test_the_app_starts_its_services_after_the_figures_and_never_after_closing(qtbot, demo_db, tmp_path,
                                                                              monkeypatch):
    import shutil

    import ui.application
    from ui.application import show_window, window_arguments

    db = tmp_path / "commune.sqlite3"
    shutil.copy(demo_db, db)
    app = QApplication.instance()
    args = window_arguments(["--db", str(db), "--lang", "vi"])
    # a long wait: the figures are read and painted while the services still wait
    monkeypatch.setattr(ui.application, "SERVICES_DELAY_MS", 60_000)
    heard: list[str] = []
    session = show_window(app, args, db, after_paint=[lambda: heard.append("listen")])
    try:
        overview = session.window.pages["overview"]
        qtbot.waitUntil(lambda: overview.filled, timeout=WAIT_MS)
        assert session.services == [] and heard == []
    finally:
        session.close()
    qtbot.wait(50)
    assert session.services == [] and heard == []  # closed first: what waited never starts
    # with no wait, they start once the window has painted
    monkeypatch.setattr(ui.application, "SERVICES_DELAY_MS", 0)
    session = show_window(app, args, db, after_paint=[lambda: heard.append("listen")])
    try:
        qtbot.waitUntil(lambda: len(session.services) == 1 and heard == ["listen"], timeout=WAIT_MS)
    finally:
        session.close()
