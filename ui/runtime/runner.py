"""Database writes off the GUI thread, one at a time.

Every write goes through one worker thread that owns its own connection, so
writes never race and the window never freezes; the success or failure
callback runs back on the GUI thread. Reads stay on the GUI thread's own
connection (WAL lets them run while a write is in progress). Tests use
``ImmediateRunner``, which does the same work synchronously.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.clock import SystemClock
from app.db import Store, open_store

log = logging.getLogger(__name__)

Operation = Callable[[Store], Any]
Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


class _Worker(QObject):
    finished = Signal(int, object, object)  # ticket, result, error

    def __init__(self, path: Path, actor: str | None, clock: Any) -> None:
        super().__init__()
        self._path, self._actor, self._clock = path, actor, clock
        self._store: Store | None = None

    @Slot(int, object)
    def run(self, ticket: int, operation: Operation) -> None:
        try:
            if self._store is None:  # opened here: a connection belongs to its thread
                self._store = open_store(self._path, actor=self._actor, clock=self._clock)
            result = operation(self._store)
        except BaseException as exc:  # handed to the failure callback, not lost
            self.finished.emit(ticket, None, exc)
            return
        self.finished.emit(ticket, result, None)

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class WriteRunner(QObject):
    """Runs operations on the write thread; callbacks come back on the GUI thread."""

    _submit = Signal(int, object)
    _close = Signal()
    busy_changed = Signal(bool)

    def __init__(self, path: Path, *, actor: str | None = None, clock: Any = None, parent=None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("frontdesk-writes")
        self._worker = _Worker(Path(path), actor, clock or SystemClock())
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._close.connect(self._worker.close)
        self._worker.finished.connect(self._done)
        self._pending: dict[int, tuple[Success | None, Failure | None]] = {}
        self._ticket = 0
        self._thread.start()

    def submit(self, operation: Operation, on_success: Success | None = None,
               on_failure: Failure | None = None) -> int:
        self._ticket += 1
        self._pending[self._ticket] = (on_success, on_failure)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._submit.emit(self._ticket, operation)
        return self._ticket

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object, object)
    def _done(self, ticket: int, result: Any, error: BaseException | None) -> None:
        on_success, on_failure = self._pending.pop(ticket, (None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        if error is None:
            if on_success:
                on_success(result)
        elif on_failure:
            on_failure(error)
        else:
            raise error  # reaches the exception hook: logged and shown

    def shutdown(self) -> None:
        """Finish the writes already asked for, then stop the thread."""
        self._close.emit()
        self._thread.quit()
        self._thread.wait()


class ImmediateRunner(QObject):
    """The same interface, doing the work at once on the caller's store (tests)."""

    busy_changed = Signal(bool)

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self.busy = False

    def submit(self, operation: Operation, on_success: Success | None = None,
               on_failure: Failure | None = None) -> int:
        try:
            result = operation(self._store)
        except BaseException as exc:
            if on_failure is None:
                raise
            on_failure(exc)
            return 0
        if on_success:
            on_success(result)
        return 0

    def shutdown(self) -> None:
        pass
