"""The first steps of a new commune, on the overview until they are done:
import the roster, add the standard recurring duties, say where reports go,
make the first copy to a USB stick. Each step says whether it is done and,
when it is not, offers the one button that does it (or leads to it)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout

__all__ = ["FirstSteps", "StepsDone", "STEPS"]

STEPS = ("roster", "duties", "destination", "usb")


@dataclass(frozen=True)
class StepsDone:
    roster: bool
    duties: bool
    destination: bool
    usb: bool

    @property
    def all(self) -> bool:
        return self.roster and self.duties and self.destination and self.usb


class FirstSteps(QFrame):
    step_clicked = Signal(str)  # one of STEPS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        title = QLabel(self.tr("First steps for your commune"))
        title.setObjectName("sectionTitle")
        words = {
            "roster": (self.tr("Import the member roster from Excel"), self.tr("Import…")),
            "duties": (self.tr("Add the standard recurring duties (monthly, quarterly, half-year and yearly "
                               "reports and meetings)"), self.tr("Add them")),
            "destination": (self.tr("Say where reports go (the province's folder, WebDAV or e-mail)"),
                            self.tr("Choose…")),
            "usb": (self.tr("Make the first copy of the data to a USB stick"), self.tr("Copy…")),
        }
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.marks: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, key in enumerate(STEPS):
            text, action = words[key]
            self.marks[key] = QLabel()
            self.texts[key] = QLabel(text)
            self.texts[key].setWordWrap(True)
            self.buttons[key] = QPushButton(action)
            self.buttons[key].clicked.connect(lambda _checked=False, key=key: self.step_clicked.emit(key))
            grid.addWidget(self.marks[key], row, 0)
            grid.addWidget(self.texts[key], row, 1)
            grid.addWidget(self.buttons[key], row, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)

    def show_done(self, done: StepsDone) -> None:
        """Tick what is done; the whole list goes once everything is."""
        for key in STEPS:
            finished = getattr(done, key)
            self.marks[key].setText("✓" if finished else "○")
            self.marks[key].setStyleSheet(f"color: {'#1e8449' if finished else '#888'}; font-size: 16px;")
            self.texts[key].setStyleSheet("color: #777;" if finished else "")
            self.buttons[key].setVisible(not finished)
        self.setVisible(not done.all)
