"""What runs beside the window for the whole session: the start-up check and
the backups (``ui.runtime.safekeeping``). Started once the window shows, so opening is
not held up; paused while a restore swaps the database file; stopped at quit
after the window's last write, with the last backup."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from app.errors import DatabaseProblem
from ui.runtime.safekeeping import Safekeeping


class Services(QObject):
    """``on_damage(problem)`` is called on the GUI thread when the start-up
    check finds the database damaged (the window offers the newest good backup)."""

    def __init__(self, runner, on_damage: Callable[[DatabaseProblem], None], parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._on_damage = on_damage
        self.safekeeping: Safekeeping | None = None

    def start(self) -> None:
        self.safekeeping = Safekeeping(self.runner, parent=self)
        self.safekeeping.damaged.connect(self._on_damage)
        self.safekeeping.start()

    def pause(self) -> None:
        """Nothing touches the file until ``start`` again (a restore is swapping it)."""
        if self.safekeeping is not None:
            self.safekeeping.stop(back_up=False)
            self.safekeeping.deleteLater()
            self.safekeeping = None

    def stop(self) -> None:
        if self.safekeeping is not None:
            self.safekeeping.stop()
            self.safekeeping = None


def services_of(app: QApplication | None) -> "Services | None":
    return getattr(app, "_frontdesk_services", None)
