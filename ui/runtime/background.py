"""Short work off the GUI thread without a progress dialog (a connection test,
one sending pass): ``in_background(work, on_done, on_failed)``.

``work()`` runs on a Python thread and must open its own connections; exactly
one of the callbacks runs afterwards on the GUI thread. Callers guard against
their widgets having gone meanwhile (``shiboken6.isValid``). Long work that a
person waits for, with progress and Cancel, is ``ui.runtime.progress.run_long``.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

_running: set["_Background"] = set()  # background work kept alive until it reported


class _Background(QObject):
    """``work()`` on a Python thread; ``on_done(result)`` or ``on_failed(error)``
    back on the GUI thread. Callers guard against widgets gone meanwhile."""

    _finished = Signal(object, object)

    def __init__(self, work: Callable[[], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None], name: str) -> None:
        super().__init__()
        self._work, self._on_done, self._on_failed = work, on_done, on_failed
        self._finished.connect(self._end, Qt.QueuedConnection)
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        try:
            result, error = self._work(), None
        except BaseException as exc:  # every outcome goes back to the GUI thread
            result, error = None, exc
        try:
            self._finished.emit(result, error)
        except RuntimeError:  # the application is gone: nobody to tell
            pass

    @Slot(object, object)
    def _end(self, result: Any, error: BaseException | None) -> None:
        _running.discard(self)
        self.thread.join(1.0)  # it emitted as its last act
        if error is None:
            self._on_done(result)
        else:
            self._on_failed(error)


def running_threads(name: str) -> list[threading.Thread]:
    """The threads of background work called ``name`` that have not reported yet."""
    return [t.thread for t in list(_running) if t.thread.name == name]


def in_background(work: Callable[[], Any], on_done: Callable[[Any], None],
                  on_failed: Callable[[BaseException], None], name: str = "frontdesk-background") -> threading.Thread:
    """Run ``work`` off the GUI thread (it must open its own connections)."""
    task = _Background(work, on_done, on_failed, name)
    _running.add(task)
    task.thread.start()
    return task.thread
