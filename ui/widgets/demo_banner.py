"""The strip across the top of every page while the demo commune is open: it
says the figures are made up (so nobody takes a demo report for the
commune's), and offers the one step to the real commune."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

__all__ = ["DemoBanner"]

_STYLE = ("QFrame#demoBanner { background: #fff4d6; border-bottom: 2px solid #d9a400; }"
          " QLabel#demoMark { color: #8a5a00; font-weight: 700; letter-spacing: 1px; }")


class DemoBanner(QFrame):
    leave = Signal()  # the person asked to set up (or open) the real commune

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(_STYLE)
        self.mark = QLabel(self.tr("DEMO DATA"))
        self.mark.setObjectName("demoMark")
        self.text = QLabel(self.tr(
            "A made-up commune for looking around: its people and figures are not real, and its reports "
            "cannot be sent to the province."))
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Set up my commune…"))
        self.button.clicked.connect(self.leave.emit)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.mark)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
