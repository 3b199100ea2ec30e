"""All the window's background work goes through one runner (Anki's taskman is
the model), and every write through its one writer.

    runner.submit(lambda store: add_person(store, values), on_success, on_failure)
        a write: on the one write connection, one at a time, in the order asked
    runner.run_long(window, title, work, on_done, ..., uses="write")
        long work with progress after a short delay and Cancel (``progress``);
        ``work(store, progress)`` runs behind the writes already asked for
        ("write"), on a connection of its own ("read": plans, exports,
        backups), or with none ("files": ``work(None, progress)``)
    runner.in_background(work, on_done, on_failed, uses="read")
        short work without a dialog (a sending pass, a connection test)

Success and failure callbacks run back on the GUI thread. Every connection
the runner opens shares one write lock (``Store.write_lock``): a sending pass
or a backup writing on its own connection takes turns with the write thread,
instead of meeting it in SQLite's busy timeout. Reads that must be instant
stay on the GUI thread's own connection (WAL lets them run beside a write).
Tests use ``ImmediateRunner``: writes at once on the test's store, the rest on
threads as in the app.
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.clock import Clock, SystemClock
from app.db import Store, open_store
from app.progress import Progress
from ui.runtime.background import in_background
from ui.runtime.progress import LongTask, StageText, run_long

log = logging.getLogger(__name__)

T = TypeVar("T")
Operation = Callable[[Store], Any]
Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]
StoreWork = Callable[[Store | None, Progress], T]

_CLOSE = object()  # closes the write connection (a restore is about to swap the file)
_STOP = object()


class _Runs(QObject):
    """What the write and background paths share: long work, short work."""

    busy_changed = Signal(bool)

    def run_long(self, parent: QWidget | None, title: str, work: StoreWork[T], on_done: Callable[[T], None],
                 on_failed: Failure | None = None, on_cancelled: Callable[[], None] | None = None, *,
                 uses: str, delay_ms: int = 500, label: str = "", stages: StageText | None = None,
                 lang: str | None = None) -> LongTask[T]:
        if uses == "write":
            turn: dict[str, Any] = {}  # the write connection, or why it could not be opened

            def on_the_write_connection(progress: Progress) -> T:
                if turn["error"] is not None:
                    raise turn["error"]
                return work(turn["store"], progress)

            def start(run: Callable[[], None]) -> None:
                self._write_turn(lambda store, error: (turn.update(store=store, error=error), run()))

            return run_long(parent, title, on_the_write_connection, on_done, on_failed, on_cancelled,
                            delay_ms=delay_ms, label=label, stages=stages, lang=lang, start=start)
        return run_long(parent, title, self._bind(work, uses), on_done, on_failed, on_cancelled,
                        delay_ms=delay_ms, label=label, stages=stages, lang=lang)

    def in_background(self, work: Callable[[Store | None], T], on_done: Callable[[T], None], on_failed: Failure,
                      *, uses: str = "read", name: str = "frontdesk-background") -> threading.Thread:
        bound = self._bind(lambda store, _progress: work(store), uses)
        return in_background(lambda: bound(None), on_done, on_failed, name=name)

    def _bind(self, work: StoreWork[T], uses: str) -> Callable[[Progress | None], T]:
        if uses == "files":
            return lambda progress: work(None, progress)
        if uses != "read":
            raise ValueError(f"uses must be 'write', 'read' or 'files', not {uses!r}")

        def with_own_connection(progress):
            with self.open_store() as store:
                return work(store, progress)

        return with_own_connection

    def open_store(self) -> Store:  # pragma: no cover - each runner says
        raise NotImplementedError

    def _write_turn(self, job: Callable[[Store | None, BaseException | None], None]) -> None:  # pragma: no cover
        """``job(store, None)`` in the writes' turn, or ``job(None, error)``; it reports back by itself."""
        raise NotImplementedError


class Runner(_Runs):
    """The session's runner: one write thread with its own connection."""

    _finished = Signal(int, object, object)  # ticket, result, error: from the write thread

    def __init__(self, path: Path, *, actor: str | None = None, clock: Clock | None = None, parent=None) -> None:
        super().__init__(parent)
        self.path, self.actor, self.clock = Path(path), actor, clock or SystemClock()
        self.write_lock = threading.Lock()
        self._jobs: queue.Queue = queue.Queue()
        self._pending: dict[int, tuple[Success | None, Failure | None]] = {}
        self._ticket = 0
        self._finished.connect(self._done, Qt.QueuedConnection)
        self._thread = threading.Thread(target=self._write_loop, name="frontdesk-writes", daemon=True)
        self._thread.start()

    def open_store(self) -> Store:
        """A connection for work off the GUI thread; its writes take turns with the others'."""
        return open_store(self.path, actor=self.actor, clock=self.clock, write_lock=self.write_lock)

    # -- writes ------------------------------------------------------------------------

    def submit(self, operation: Operation, on_success: Success | None = None,
               on_failure: Failure | None = None) -> int:
        """``operation(store)`` on the write connection, after the writes asked for before."""
        self._ticket += 1
        self._pending[self._ticket] = (on_success, on_failure)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._jobs.put((self._ticket, operation))
        return self._ticket

    def _write_turn(self, job: Callable[[Store | None, BaseException | None], None]) -> None:
        self._jobs.put((None, job))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _write_loop(self) -> None:
        store: Store | None = None
        while True:
            job = self._jobs.get()
            if job is _STOP or job is _CLOSE:
                if store is not None:
                    store.close()
                    store = None
                if job is _STOP:
                    return
                continue
            if isinstance(job, threading.Event):  # someone waits until the jobs before it ran
                job.set()
                continue
            ticket, operation = job
            try:
                if store is None:  # opened here: a connection belongs to its thread
                    store = self.open_store()
            except BaseException as exc:
                result, error = None, exc
            else:
                if ticket is None:  # long work: it reports back by itself (LongTask)
                    operation(store, None)
                    continue
                try:
                    result, error = operation(store), None
                except BaseException as exc:  # handed to the failure callback, not lost
                    result, error = None, exc
            if ticket is None:
                operation(None, error)
                continue
            try:
                self._finished.emit(ticket, result, error)
            except RuntimeError:  # the application is gone
                pass

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

    def close_connection(self, timeout: float = 60.0) -> bool:
        """After the writes already asked for, close the write connection (it
        opens again for the next write): a restore is about to swap the file."""
        if not self._thread.is_alive():  # shut down: nothing is open
            return True
        self._jobs.put(_CLOSE)
        done = threading.Event()
        self._jobs.put(done)
        return done.wait(timeout)

    def shutdown(self, timeout: float = 60.0) -> None:
        """Finish the writes already asked for, then stop the write thread."""
        self._jobs.put(_STOP)
        self._thread.join(timeout)


class ImmediateRunner(_Runs):
    """The same interface for tests: writes at once on the caller's store; long
    and background work on threads with connections of their own."""

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self.busy = False

    def open_store(self) -> Store:
        return open_store(self._store.path, actor=self._store.actor, clock=self._store.clock)

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

    def _write_turn(self, job: Callable[[Store | None, BaseException | None], None]) -> None:
        """A long write on a thread, with a connection of its own (the test's
        store belongs to the GUI thread)."""

        def run() -> None:
            try:
                store = self.open_store()
            except BaseException as exc:
                job(None, exc)
                return
            with store:
                job(store, None)

        threading.Thread(target=run, name="frontdesk-long-write", daemon=True).start()

    def close_connection(self, timeout: float = 60.0) -> bool:
        return True

    def shutdown(self, timeout: float = 60.0) -> None:
        pass
