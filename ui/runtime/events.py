"""The core's events as Qt signals on the GUI thread.

One adapter per process listens to the core's one registry
(``app.events.process_events``) and re-emits every event as ``heard(name,
payload)``, queued to the GUI thread whichever thread committed the change
(the write thread, an import, a sending pass). Widgets connect to it through
``listen``; Qt drops the connection when the widget goes, so nothing has to
unsubscribe.

A page listens for the events that change what it shows (``keep_current``).
One that is hidden notes that it is out of date and reads again when it is
next shown, so a change costs no query for pages nobody looks at.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.events import database_key, process_events

# the events of changes the change log records
LOGGED_CHANGES = ("people_changed", "organizations_changed", "positions_changed", "duties_changed", "tasks_changed",
                  "outbox_changed")

_adapter: "QtEvents | None" = None


class QtEvents(QObject):
    heard = Signal(str, object)  # name, payload (dict); always on the GUI thread
    _from_any_thread = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self._from_any_thread.connect(self._relay, Qt.QueuedConnection)
        self._unsubscribe = process_events().subscribe_all(self._core_event)

    def _core_event(self, name: str, payload: dict[str, Any]) -> None:
        self._from_any_thread.emit(name, dict(payload))  # any thread: queued to this object's

    @Slot(str, object)
    def _relay(self, name: str, payload: dict) -> None:
        self.heard.emit(name, payload)


def qt_events() -> QtEvents:
    """The process's adapter, made on first use (on the GUI thread)."""
    global _adapter
    if _adapter is None:
        _adapter = QtEvents()
    return _adapter


def listen(receiver: QObject, database: str | os.PathLike, names: Iterable[str],
           slot: Callable[[str, dict], None]) -> None:
    """Call ``slot(name, payload)`` on the GUI thread for each of ``names``
    about ``database``, for as long as ``receiver`` lives."""
    relay = _Relay(receiver, database_key(database), frozenset(names), slot)
    qt_events().heard.connect(relay.heard)


class _Relay(QObject):
    """A child of the receiver: deleted with it, and Qt then drops the connection."""

    def __init__(self, receiver: QObject, database: str, names: frozenset[str],
                 slot: Callable[[str, dict], None]) -> None:
        super().__init__(receiver)
        self._database, self._names, self._slot = database, names, slot

    @Slot(str, object)
    def heard(self, name: str, payload: dict) -> None:
        if name in self._names and payload.get("database") == self._database:
            self._slot(name, payload)


class KeptCurrent(QObject):
    """Keeps a page current: on each of the events it shows, it reads again at
    once if the page is on screen, or notes that it is out of date and reads
    again when the page is next shown (no query for pages nobody looks at)."""

    def __init__(self, page: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(page)
        self._page, self._refresh = page, refresh
        self.stale = False
        # events that arrive together (several kinds from one commit) make one read
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self._read_now)
        page.installEventFilter(self)

    def changed(self, *_event: Any) -> None:
        if self._page.isVisible():
            self._soon.start()
        else:
            self.stale = True

    def _read_now(self) -> None:
        if not self._page.isVisible():  # closed meanwhile (a restore, a language switch): its store may be too
            self.stale = True
            return
        self.stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Show and self.stale:
            self.stale = False
            self._refresh()
        return False


def keep_current(page: QWidget, database: str | os.PathLike, names: Iterable[str],
                 refresh: Callable[[], None]) -> KeptCurrent:
    """``page`` reads again (``refresh()``) when one of ``names`` changes ``database``."""
    kept = KeptCurrent(page, refresh)
    listen(page, database, names, kept.changed)
    return kept
