"""Keeping the commune's data safe while the app runs: the start-up check,
backups at start, every so often while changes are made, and at quit.

All of it works on its own connection in one background thread, never in the
GUI thread (a quick_check of a 100,000-person commune reads every page, ~0.2
s; a backup ~0.5-0.9 s) and never in the write runner, so saving is not
held up. Jobs run one after another; results come back as signals.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.db import Store, open_store
from app.errors import DatabaseProblem, FrontDeskError
from app.safety import backup_at_quit, backup_at_start, damage_found, maybe_backup

log = logging.getLogger("frontdesk.safekeeping")

CHECK_EVERY_MS = 5 * 60 * 1000  # look for changes to back up this often
BACKUP_INTERVAL = timedelta(minutes=15)  # at most one automatic backup this often


class Safekeeping(QObject):
    damaged = Signal(object)  # DatabaseProblem, with the newest good backup in its params
    backed_up = Signal(object)  # Path of a new backup
    failed = Signal(object)  # FrontDeskError of a backup that could not be made

    def __init__(self, database: Path, *, clock: Any = None, actor: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self._clock, self._actor = clock, actor
        self._pool: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix="frontdesk-backups")
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.back_up_if_changed)
        self.ok = True  # False once the start-up check found damage: no more backups of a damaged file

    # -- jobs ----------------------------------------------------------------

    def _submit(self, job: Callable[[Store], Any], done: Callable[[Any], None]) -> None:
        if self._pool is None:
            return

        def work() -> None:
            try:
                store = open_store(self.database, clock=self._clock, actor=self._actor)
            except FrontDeskError as exc:
                self.failed.emit(exc)
                return
            try:
                result = job(store)
            except FrontDeskError as exc:
                log.warning("safekeeping job refused: %s", exc.code)
                self.failed.emit(exc)
                return
            except Exception:  # never lose the thread to a bug; the log has it
                log.exception("safekeeping job failed")
                return
            finally:
                store.close()
            done(result)

        self._pool.submit(work)

    def start(self) -> None:
        """After the window shows: check the file, then back up what is new."""

        def check_then_back_up(store: Store):
            problem = damage_found(store)
            if problem is not None:
                return problem
            return backup_at_start(store)

        def done(result) -> None:
            if isinstance(result, DatabaseProblem):
                self.ok = False
                log.warning("start-up check: database damaged")
                self.damaged.emit(result)
            elif result is not None:
                self.backed_up.emit(result)

        self._submit(check_then_back_up, done)
        self._timer.start()

    def back_up_if_changed(self) -> None:
        if not self.ok:
            return
        self._submit(lambda store: maybe_backup(store, min_interval=BACKUP_INTERVAL),
                     lambda path: path is not None and self.backed_up.emit(path))

    def stop(self, *, back_up: bool = True) -> None:
        """At quit (after the last write): the last backup, waited for."""
        self._timer.stop()
        if self._pool is None:
            return
        if back_up and self.ok:
            self._submit(backup_at_quit, lambda path: path is not None and log.info("backup at quit made"))
        pool, self._pool = self._pool, None
        pool.shutdown(wait=True)
