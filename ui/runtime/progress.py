"""Long work off the GUI thread: progress after a short delay, and Cancel.

    task = run_long(
        window, self.tr("Demo commune"),
        lambda progress: build_demo(path, progress=progress),
        on_done=self.opened, on_failed=self.failed, on_cancelled=self.stopped,
        stages={"people": self.tr("Adding people…")},
    )

The work runs on a thread of its own and gets an ``app.progress.Progress``,
the core's callback: ``progress(stage, done, total)``. Once the person clicks
Cancel, the next report raises ``app.progress.Cancelled``; the work lets it
through and undoes what it started (the core cleans up on any exception).
Work that goes a long time between reports can call ``progress.check()``.

Nothing is shown for work that ends within ``delay_ms``: quick work does not
flash a dialog. After that a window-modal progress dialog shows the stage, a
bar (moving to and fro while ``total`` is 0) and Cancel.

Exactly one of the callbacks runs, on the GUI thread, after the dialog is
gone: ``on_done(result)``; ``on_failed(error)`` (without one, the error is
shown with ``ui.runtime.errors.show_error``); or, when the work raised ``Cancelled``,
``on_cancelled()``. Work that finished before it noticed Cancel counts as done:
its result is real, so ``on_done`` hears of it.

The work must not touch the GUI thread's SQLite connection (a connection
belongs to its thread): give it a path and let it open its own, or only files.
The caller disables what must not be started twice while the task runs (the
dialog is modal only once it shows).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import SIGNAL, SLOT, QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from app.progress import Cancelled, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")

Work = Callable[[Progress], T]
StageText = Mapping[str, str] | Callable[[str], str]

POLL_MS = 100  # how often the dialog reads the work's latest report
_alive: set["LongTask[Any]"] = set()  # running tasks, kept until their callbacks ran


class _ProgressDialog(QProgressDialog):
    """Cancel, Esc and the window's X ask the work to stop; the dialog goes
    only when the work has (QProgressDialog would hide at once)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()


class LongTask(QObject, Generic[T]):
    """One piece of long work, started by ``run_long``."""

    _finished = Signal(object, object)  # result, error: from the work's thread

    def __init__(self, parent: QWidget | None, title: str, work: Work[T],
                 on_done: Callable[[T], None], on_failed: Callable[[BaseException], None] | None,
                 on_cancelled: Callable[[], None] | None, delay_ms: int, label: str,
                 stages: StageText | None, lang: str | None) -> None:
        super().__init__()
        self.progress = Progress()
        self.dialog: QProgressDialog | None = None
        self._parent, self._title, self._work = parent, title, work
        self._on_done, self._on_failed, self._on_cancelled = on_done, on_failed, on_cancelled
        self._label, self._stages, self._lang = label or title, stages, lang
        self._running = True
        self._finished.connect(self._end, Qt.QueuedConnection)
        self._show_timer = QTimer(self, singleShot=True, interval=max(0, delay_ms),
                                  timerType=Qt.PreciseTimer)  # a coarse one may fire 5% early
        self._show_timer.timeout.connect(self._show)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._refresh)
        self._ended = threading.Event()

    def _begin(self) -> None:
        _alive.add(self)
        self._show_timer.start()

    # -- the work's thread (whichever the runner gave it) ----------------------------

    def run(self) -> None:
        """Do the work, here and now; the outcome goes back to the GUI thread."""
        try:
            result, error = self._work(self.progress), None
        except BaseException as exc:  # every outcome goes back to the GUI thread
            result, error = None, exc
        finally:
            self._ended.set()
        try:
            self._finished.emit(result, error)
        except RuntimeError:  # the application is gone: nobody to tell
            pass

    # -- the GUI thread ------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    @property
    def title(self) -> str:
        return self._title

    def cancel(self) -> None:
        """What the Cancel button does: the work stops at its next report. The
        dialog stays, saying so, until the work has cleaned up."""
        if not self._running or self.progress.cancelled:
            return
        self.progress.cancel()
        self._show_stopping()

    def _show_stopping(self) -> None:
        dialog = self._live_dialog()
        if dialog is None:
            return
        dialog.setLabelText(QCoreApplication.translate("LongTask", "Stopping…"))
        dialog.setRange(0, 0)
        for button in dialog.findChildren(QPushButton):
            button.setEnabled(False)

    def _live_dialog(self) -> QProgressDialog | None:
        """The dialog, unless there is none or it went with its parent window."""
        if self.dialog is not None and not isValid(self.dialog):
            self.dialog = None
        return self.dialog

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (for quitting); True if it did."""
        return self._ended.wait(timeout)

    def _show(self) -> None:
        if not self._running:
            return
        dialog = _ProgressDialog(self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(0)  # our own delay already passed
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self.cancel)  # the button, Esc and the window's X
        self.dialog = dialog
        if self.progress.cancelled:  # cancelled before it showed: still cleaning up
            self._show_stopping()
        else:
            self._refresh()
        dialog.show()
        self._poll.start()

    def _refresh(self) -> None:
        dialog = self._live_dialog()
        if dialog is None or self.progress.cancelled:
            return
        state = self.progress.snapshot()
        if state.total > 0:
            dialog.setRange(0, state.total)
            dialog.setValue(min(state.done, state.total))
        else:
            dialog.setRange(0, 0)  # busy: no idea how much is left
        dialog.setLabelText(self._stage_text(state.stage))

    def _stage_text(self, stage: str) -> str:
        if callable(self._stages):
            return self._stages(stage) or self._label
        if self._stages is not None:
            return self._stages.get(stage, self._label)
        return self._label

    @Slot(object, object)
    def _end(self, result: Any, error: BaseException | None) -> None:
        self._running = False
        self._show_timer.stop()
        self._poll.stop()
        dialog = self._live_dialog()
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.hide()
            dialog.deleteLater()
        self.dialog = None
        _alive.discard(self)
        if isinstance(error, Cancelled):
            log.info("%s: cancelled", self._title)
            if self._on_cancelled is not None:
                self._on_cancelled()
        elif error is not None:
            if self._on_failed is not None:
                self._on_failed(error)
            else:
                from ui.runtime.errors import show_error

                show_error(self._parent, error, self._lang or _language())
        else:
            self._on_done(result)


def run_long(
    parent: QWidget | None,
    title: str,
    work: Work[T],
    on_done: Callable[[T], None],
    on_failed: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    *,
    delay_ms: int = 500,
    label: str = "",
    stages: StageText | None = None,
    lang: str | None = None,
    start: Callable[[Callable[[], None]], None] | None = None,
) -> LongTask[T]:
    """Run ``work(progress)`` off the GUI thread; see the module's docstring.

    ``title`` names the dialog; ``label`` (default: the title) is its text when
    ``stages`` has none for the current stage. ``stages`` turns the work's
    stage keys into translated words: a mapping or a function. ``lang`` is for
    the message of an error when there is no ``on_failed``. ``start(run)``
    hands ``run`` to the thread that does the work: the runner's write thread,
    or by default a thread of its own (``ui.runtime.runner`` decides which)."""
    task: LongTask[T] = LongTask(parent, title, work, on_done, on_failed, on_cancelled,
                                 delay_ms, label, stages, lang)
    _cancel_on_quit()
    task._begin()
    if start is None:
        threading.Thread(target=task.run, name=f"long: {title}", daemon=True).start()
    else:
        start(task.run)
    return task


def _cancel_on_quit() -> None:
    app = QCoreApplication.instance()
    if app is not None and not getattr(app, "_frontdesk_cancel_on_quit", False):
        app.aboutToQuit.connect(cancel_all)
        app._frontdesk_cancel_on_quit = True  # type: ignore[attr-defined]


def running_tasks() -> list[LongTask[Any]]:
    return list(_alive)


def cancel_all(timeout: float = 5.0) -> None:
    """On quitting: ask every running task to stop and give each a moment to
    clean up (remove its temporary files) before the process ends."""
    for task in running_tasks():
        task.cancel()
    for task in running_tasks():
        if not task.wait(timeout):
            log.warning("long work still running at exit: %s", task.title)


def _language() -> str:
    from app import messages

    return messages.current_language()
