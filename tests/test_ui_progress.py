"""Long work off the GUI thread (ui.runtime.progress.run_long): no dialog for quick work,
a dialog after the delay for slow work, Cancel that stops the work, and every
outcome reported on the GUI thread. And the core side (app.progress): a
cancelled demo build leaves nothing behind."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from shiboken6 import isValid

from app import messages
from app.clock import FixedClock
from app.demo.builder import build_demo
from app.errors import InvalidValue
from app.progress import Cancelled, Progress
from tests.helpers import TODAY
from ui.runtime.progress import cancel_all, run_long, running_tasks

WAIT = 10_000  # ms: generous, so a slow machine does not fail the tests


class Outcome:
    """What the callbacks heard, and on which thread."""

    def __init__(self) -> None:
        self.done: list = []
        self.failed: list[BaseException] = []
        self.cancelled = 0
        self.threads: list[threading.Thread] = []

    def on_done(self, result) -> None:
        self.threads.append(threading.current_thread())
        self.done.append(result)

    def on_failed(self, error: BaseException) -> None:
        self.threads.append(threading.current_thread())
        self.failed.append(error)

    def on_cancelled(self) -> None:
        self.threads.append(threading.current_thread())
        self.cancelled += 1

    @property
    def ended(self) -> bool:
        return bool(self.done or self.failed or self.cancelled)


def gone(dialog) -> bool:
    """Hidden, or already deleted (it is deleted later once hidden)."""
    return not isValid(dialog) or not dialog.isVisible()


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def _start(window, work, outcome: Outcome, **options):
    return run_long(window, "Long work", work, outcome.on_done, outcome.on_failed,
                    outcome.on_cancelled, **options)


def test_quick_work_never_shows_the_dialog(qtbot, window):
    outcome = Outcome()
    # a delay a loaded machine cannot overrun with work that returns at once
    task = _start(window, lambda progress: 7, outcome, delay_ms=1500)
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert outcome.done == [7] and outcome.threads == [threading.main_thread()]
    qtbot.wait(1600)  # past the delay: still nothing shown
    assert task.dialog is None and not task.running


def test_slow_work_shows_progress_after_the_delay_and_closes_it_when_done(qtbot, window):
    outcome = Outcome()
    release = threading.Event()

    def work(progress: Progress) -> str:
        progress("people", 3, 10)
        release.wait(WAIT / 1000)  # bounded: the test never hangs
        progress("people", 10, 10)
        return "made"

    task = _start(window, work, outcome, delay_ms=400, stages={"people": "Adding people…"})
    # the work is running, but not for long enough yet (the delay's timer can
    # only fire once the event loop runs: no wait here that a slow machine could stretch)
    assert task.running and task.dialog is None
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    dialog = task.dialog
    qtbot.waitUntil(lambda: dialog.value() == 3, timeout=WAIT)
    assert dialog.maximum() == 10 and dialog.labelText() == "Adding people…"
    assert dialog.windowTitle() == "Long work" and dialog.parent() is window
    assert not outcome.ended
    release.set()
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert outcome.done == ["made"] and not outcome.cancelled and not outcome.failed
    assert task.dialog is None and gone(dialog)


def test_without_a_total_the_bar_is_busy_and_the_label_is_the_default(qtbot, window):
    outcome = Outcome()
    release = threading.Event()

    def work(progress: Progress) -> None:
        progress("reading", 0, 0)
        release.wait(WAIT / 1000)

    task = _start(window, work, outcome, delay_ms=0, label="Reading the file…")
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: task.dialog.maximum() == 0, timeout=WAIT)
    assert task.dialog.minimum() == 0 and task.dialog.labelText() == "Reading the file…"
    release.set()
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_stops_the_work_and_calls_only_on_cancelled(qtbot, window, how):
    outcome = Outcome()
    steps: list[int] = []

    def work(progress: Progress) -> str:
        for i in range(1000):  # 1000 × 10 ms: far longer than the test waits
            progress("tasks", i, 1000)
            steps.append(i)
            time.sleep(0.01)
        return "finished anyway"

    task = _start(window, work, outcome, delay_ms=50)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    dialog = task.dialog
    if how == "button":
        dialog.findChild(QPushButton).click()
    else:
        dialog.reject()  # what Esc does
    assert task.progress.cancelled
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert outcome.cancelled == 1 and outcome.done == [] and outcome.failed == []
    assert outcome.threads == [threading.main_thread()]
    assert len(steps) < 1000 and not task.running
    assert task.dialog is None and gone(dialog)


def test_cancel_before_the_dialog_shows_stops_the_work_without_one(qtbot, window):
    outcome = Outcome()

    def work(progress: Progress) -> None:
        for i in range(1000):
            progress("tasks", i, 1000)
            time.sleep(0.01)

    task = _start(window, work, outcome, delay_ms=5_000)
    task.cancel()  # what quitting does (cancel_all)
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert outcome.cancelled == 1 and task.dialog is None


def test_quitting_stops_running_work_and_waits_for_its_clean_up(qtbot, window):
    outcome = Outcome()
    cleaned = threading.Event()

    def work(progress: Progress) -> None:
        try:
            for i in range(1000):
                progress("tasks", i, 1000)
                time.sleep(0.01)
        finally:
            cleaned.set()

    task = _start(window, work, outcome, delay_ms=5_000)
    assert task in running_tasks()
    cancel_all(timeout=WAIT / 1000)  # what the application's aboutToQuit runs
    assert cleaned.is_set() and task.wait(0)
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert outcome.cancelled == 1 and task not in running_tasks()


def test_the_dialog_stays_saying_so_until_the_work_has_stopped(qtbot, window):
    outcome = Outcome()
    cleaned = threading.Event()
    leave = threading.Event()

    def work(progress: Progress) -> None:
        try:
            for i in range(1000):
                progress("tasks", i, 1000)
                time.sleep(0.01)
        except Cancelled:
            leave.wait(WAIT / 1000)  # a slow clean-up
            cleaned.set()
            raise

    task = _start(window, work, outcome, delay_ms=0)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    dialog = task.dialog
    button = dialog.findChild(QPushButton)
    button.click()
    qtbot.wait(100)
    assert dialog.isVisible() and not button.isEnabled() and not outcome.ended
    assert dialog.labelText() != "Long work"  # it says it is stopping
    leave.set()
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert cleaned.is_set() and outcome.cancelled == 1 and gone(dialog)


def test_work_that_finished_before_it_noticed_cancel_counts_as_done(qtbot, window):
    outcome = Outcome()
    release = threading.Event()

    def work(progress: Progress) -> int:
        release.wait(WAIT / 1000)  # never reports: cannot be stopped
        return 5

    task = _start(window, work, outcome, delay_ms=10_000)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert outcome.done == [5] and outcome.cancelled == 0


def test_an_exception_in_the_work_reaches_on_failed_on_the_gui_thread(qtbot, window):
    outcome = Outcome()
    worker: list[threading.Thread] = []

    def work(progress: Progress) -> None:
        worker.append(threading.current_thread())
        progress("x", 1, 2)
        raise ValueError("broken input")

    _start(window, work, outcome)
    qtbot.waitUntil(lambda: outcome.ended, timeout=WAIT)
    assert [str(e) for e in outcome.failed] == ["broken input"]
    assert isinstance(outcome.failed[0], ValueError)
    assert outcome.threads == [threading.main_thread()] and worker[0] is not threading.main_thread()
    assert outcome.done == [] and outcome.cancelled == 0


def test_without_on_failed_a_core_error_is_shown_in_words(qtbot, window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    done: list = []
    error = InvalidValue("demo.people_range", field="people", value=5, low=100, high=1000)

    def work(progress: Progress) -> None:
        raise error

    run_long(window, "Long work", work, done.append, lang="vi")
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert shown == [messages.describe(error, "vi")] and done == []


# -- the core side: app.progress and the demo build ---------------------------------


def test_a_cancelled_progress_raises_at_the_next_report():
    progress = Progress()
    progress("people", 2, 5)
    assert progress.snapshot().done == 2 and not progress.cancelled
    progress.cancel()
    assert progress.snapshot().stage == "people"  # the last report is kept
    with pytest.raises(Cancelled):
        progress("people", 3, 5)
    with pytest.raises(Cancelled):
        progress.check()


def test_a_cancelled_demo_build_leaves_nothing_and_never_showed_a_half_file(tmp_path):
    folder = tmp_path / "data"
    path = folder / "demo.sqlite3"
    progress = Progress()
    seen_during_build: list[list[str]] = []

    def report(stage: str, done: int, total: int) -> None:
        if stage == "tasks":
            seen_during_build.append(sorted(p.name for p in folder.iterdir()))
            progress.cancel()
        progress(stage, done, total)

    with pytest.raises(Cancelled):
        build_demo(path, people=300, seed=1, clock=FixedClock(TODAY), progress=report)
    assert seen_during_build and all("demo.sqlite3" not in names for names in seen_during_build)
    assert any(name.endswith(".building") for name in seen_during_build[0])
    assert list(folder.iterdir()) == []
    summary = build_demo(path, people=300, seed=1, clock=FixedClock(TODAY))  # the name is free
    assert summary.path == path and sorted(p.name for p in folder.iterdir()) == ["demo.sqlite3"]
