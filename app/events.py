"""A small callback registry: the core announces changes, the UI listens.

The desktop client wraps this in one QObject that re-emits each event as a Qt
signal on the GUI thread; the core itself knows nothing of threads or Qt.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any, Callable

log = logging.getLogger(__name__)

Listener = Callable[..., None]


class Events:
    def __init__(self) -> None:
        self._listeners: dict[str, list[Listener]] = defaultdict(list)

    def subscribe(self, name: str, listener: Listener) -> Callable[[], None]:
        """Call ``listener(**payload)`` on each ``emit(name)``; returns an unsubscribe."""
        self._listeners[name].append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners[name]:
                self._listeners[name].remove(listener)

        return unsubscribe

    def emit(self, name: str, **payload: Any) -> None:
        for listener in list(self._listeners.get(name, ())):
            try:
                listener(**payload)
            except Exception:  # one broken listener must not stop the others
                log.exception("listener for %s failed", name)
