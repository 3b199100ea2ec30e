"""Work that waits until the window has shown its first frame.

A zero-millisecond timer set while the window is being built runs *before*
its first paint (Qt handles the posted call ahead of the paint the window
system asks for), so "later" has to mean "after the first paint": the window
is watched, and what waits is started from a timer set once it has painted.

A window started minimised (a shortcut set to "Run: Minimized" on Windows)
is not painted until it is restored; what waits must not wait that long
(the backups, the one-instance listener), so it also starts after
``FALLBACK_MS`` at the latest.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

FALLBACK_MS = 3000


class FirstPaint(QObject):
    """``then(callback)``: run it once, just after ``window``'s first paint
    (at once, on the next turn of the event loop, when that has happened)."""

    def __init__(self, window, fallback_ms: int = FALLBACK_MS) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[Callable[[], None]] = []
        self._due = False  # painted (or waited long enough): what comes now runs at once
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._start)

    @property
    def painted(self) -> bool:
        return self._due

    def then(self, callback: Callable[[], None]) -> None:
        if self._due:
            QTimer.singleShot(0, self, callback)
        else:
            self._waiting.append(callback)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._due:
            # from inside the paint: the timer's call is handled after it
            QTimer.singleShot(0, self, self._start)
        return False

    def _start(self) -> None:
        if self._due:
            return
        self._due = True
        self._window.removeEventFilter(self)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:  # each on its own turn: one failing does not keep the others back
            QTimer.singleShot(0, self, callback)
