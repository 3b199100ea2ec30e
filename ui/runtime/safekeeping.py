"""Keeping the commune's data safe while the app runs: the start-up check,
backups at start, every so often while changes are made, and at quit.

All of it runs through the window's runner on a connection of its own, never
on the GUI thread (a quick_check of a 100,000-person commune reads every page,
~0.2 s; a backup ~0.5-0.9 s) and never in the writes' turn, so saving is not
held up. Results come back as signals.
"""
from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from app.db import Store
from app.errors import DatabaseProblem, FrontDeskError
from app.safety import backup_at_quit, backup_at_start, damage_found, maybe_backup
from ui.runtime.background import running_threads

log = logging.getLogger("frontdesk.safekeeping")

JOBS = "frontdesk-safekeeping"  # the name its background work runs under
CHECK_EVERY_MS = 5 * 60 * 1000  # look for changes to back up this often
BACKUP_INTERVAL = timedelta(minutes=15)  # at most one automatic backup this often


class Safekeeping(QObject):
    damaged = Signal(object)  # DatabaseProblem, with the newest good backup in its params
    backed_up = Signal(object)  # Path of a new backup
    failed = Signal(object)  # FrontDeskError of a backup that could not be made

    def __init__(self, runner, parent=None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._running = True  # False once stopped: no new jobs
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.back_up_if_changed)
        self.ok = True  # False once the start-up check found damage: no more backups of a damaged file

    # -- jobs ----------------------------------------------------------------

    def _submit(self, job: Callable[[Store], Any], done: Callable[[Any], None]):
        """``job(store)`` through the runner; ``done(result)`` on the GUI thread."""
        if not self._running:
            return None
        return self._runner.in_background(job, done, self._job_failed, uses="read", name=JOBS)

    def _job_failed(self, error: BaseException) -> None:
        if isinstance(error, FrontDeskError):
            log.warning("safekeeping job refused: %s", error.code)
            self.failed.emit(error)
        else:  # a bug: the log has it, and safekeeping goes on
            log.error("safekeeping job failed", exc_info=(type(error), error, error.__traceback__))

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

    def stop(self, *, back_up: bool = True, wait: float = 120.0) -> None:
        """At quit (after the last write): the last backup, waited for."""
        self._timer.stop()
        if not self._running:
            return
        for job in running_threads(JOBS):  # a backup already under way finishes first
            job.join(wait)
        if back_up and self.ok:
            quit_job = self._submit(backup_at_quit, lambda path: path is not None and log.info("backup at quit made"))
            quit_job.join(wait)
        self._running = False
