"""One callback registry per process: the core announces changes, the UI listens.

Every store opened in a process announces on the same registry
(``process_events()``), so a change made on the window's write thread, by an
import or by a sending pass reaches whoever shows that data. A store holds
what it announces inside a transaction until the transaction commits (and
drops it when it rolls back): a listener never hears of a change it cannot
read yet, nor of one that never happened.

Every event names the database it is about (``database=``), so a listener
hears only its own commune's changes even where a process opens two.
Listeners run on the thread that emitted, after the commit. The desktop
client wraps the registry in one QObject that re-emits each event as a Qt
signal on the GUI thread (``ui.runtime.events``); the core knows nothing of
threads or Qt.

The events: ``people_changed``, ``organizations_changed``,
``positions_changed``, ``duties_changed``, ``tasks_changed``,
``outbox_changed``, and the registers' ``petitions_changed``,
``fund_changed`` and ``cases_changed`` (each with ``ids=`` where it knows
them), and ``backups_changed``.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import defaultdict
from typing import Any, Callable

log = logging.getLogger(__name__)

Listener = Callable[..., None]
AnyListener = Callable[[str, dict[str, Any]], None]


class Events:
    def __init__(self) -> None:
        self._listeners: dict[str, list[Listener]] = defaultdict(list)
        self._any: list[AnyListener] = []
        self._lock = threading.Lock()  # stores on several threads subscribe and emit

    def subscribe(self, name: str, listener: Listener) -> Callable[[], None]:
        """Call ``listener(**payload)`` on each ``emit(name)``; returns an unsubscribe."""
        with self._lock:
            self._listeners[name].append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners[name]:
                    self._listeners[name].remove(listener)

        return unsubscribe

    def subscribe_all(self, listener: AnyListener) -> Callable[[], None]:
        """Call ``listener(name, payload)`` on every event; returns an unsubscribe."""
        with self._lock:
            self._any.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._any:
                    self._any.remove(listener)

        return unsubscribe

    def emit(self, name: str, **payload: Any) -> None:
        with self._lock:
            named, every = list(self._listeners.get(name, ())), list(self._any)
        for listener in named:
            try:
                listener(**payload)
            except Exception:  # one broken listener must not stop the others
                log.exception("listener for %s failed", name)
        for any_listener in every:
            try:
                any_listener(name, payload)
            except Exception:
                log.exception("listener for every event failed on %s", name)


_PROCESS = Events()


def process_events() -> Events:
    """The registry every store of this process announces on."""
    return _PROCESS


def database_key(path: str | os.PathLike) -> str:
    """How events name the database they are about (one spelling per file)."""
    return os.path.normcase(os.path.abspath(path))


class StoreEvents:
    """A store's voice on a registry: every event says which database it is
    about (``database=``, see ``database_key``); what the store emits inside a
    transaction waits for the commit (``flush``) or goes with a rollback
    (``discard``)."""

    def __init__(self, registry: Events, database: str | os.PathLike) -> None:
        self.registry = registry
        self.database = database_key(database)
        self.depth = 0  # open transactions of the store (nested ones count)
        self._held: list[tuple[str, dict[str, Any]]] = []

    def emit(self, name: str, **payload: Any) -> None:
        payload["database"] = self.database
        if self.depth:
            self._held.append((name, payload))
        else:
            self.registry.emit(name, **payload)

    def flush(self) -> None:
        """After the commit: each kind of change once, with every id it touched
        (3,000 tasks added in one transaction are one ``tasks_changed``)."""
        held, self._held = self._held, []
        merged: dict[str, dict[str, Any]] = {}
        for name, payload in held:
            first = merged.get(name)
            if first is None:
                merged[name] = dict(payload)
            elif "ids" in first and "ids" in payload:
                first["ids"] = list(dict.fromkeys([*first["ids"], *payload["ids"]]))
            else:  # one of them did not say which: nor does the merged one
                first.pop("ids", None)
        for name, payload in merged.items():
            self.registry.emit(name, **payload)

    def discard(self) -> None:
        self._held = []
