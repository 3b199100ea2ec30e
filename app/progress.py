"""Progress of long work, and stopping it when the person asks.

Long core functions (the demo build; later the Excel import and the report
export) take one optional callback, ``progress(stage, done, total)``: ``stage``
is a short key such as ``"people"`` that the caller turns into words, ``done``
of ``total`` steps are finished (``total`` 0: no idea yet). The callback may
raise ``Cancelled``; the work lets it through and undoes what it started, the
same way it does for any other exception, so "cancelled" never leaves half a
file or half a transaction behind.

``Progress`` is such a callback that can be cancelled from another thread: the
desktop window (``ui.runtime.progress.run_long``) hands one to work it runs off the GUI
thread and reads ``snapshot()`` to draw its progress bar. Plain Python, no Qt:
the command line can use it as well.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Cancelled", "Progress", "ProgressCallback", "ProgressState", "ignore_progress"]

ProgressCallback = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; may raise ``Cancelled``."""


class Cancelled(Exception):
    """The person asked to stop. Not an error: nothing is shown for it."""


def ignore_progress(stage: str, done: int, total: int) -> None:
    """The callback for work nobody watches."""


@dataclass(frozen=True)
class ProgressState:
    stage: str = ""
    done: int = 0
    total: int = 0


class Progress:
    """A progress callback whose latest report can be read, and which stops the
    work at its next report once ``cancel()`` was called. Safe to report from
    one thread while another reads and cancels."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = ProgressState()
        self._cancel = threading.Event()

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._state = ProgressState(stage, int(done), int(total))
        self.check()

    def check(self) -> None:
        """Raise ``Cancelled`` if asked to stop: for work that wants to stop
        between two reports."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def snapshot(self) -> ProgressState:
        with self._lock:
            return self._state
