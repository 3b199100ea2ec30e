"""The sending state, always in sight: a small button for the status bar.

"Đã gửi hết" / "Đang chờ gửi: 2" / "Đang gửi…" / "Không có mạng — sẽ tự gửi lại" /
"Cần xem lại: 1" / "Chưa đặt nơi gửi", with a coloured dot; the tooltip has
the details (next attempt, last error in plain words, where reports go).
A click opens the outbox page (``open_outbox``).
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QToolButton, QWidget

from app import messages
from app.sending import FAILED, SENT, Destination
from ui.runtime.sync_service import SyncService, SyncState

COLOURS = {
    "all_sent": "#1e8449",
    "nothing": "#888888",
    "waiting": "#2e5c8a",
    "sending": "#2e86c1",
    "offline": "#d68910",
    "attention": "#c0392b",
    "no_destination": "#888888",
}


def when_text(iso: str | None) -> str:
    """A stored moment as this computer's local time, dd/mm/yyyy HH:MM."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d/%m/%Y %H:%M")


def status_key(state: SyncState) -> str:
    """``state.status``, with an empty outbox told apart from "all sent"."""
    status = state.status
    if status == "all_sent" and not state.summary.counts[SENT]:
        return "nothing"
    return status


def status_text(state: SyncState) -> str:
    """The few words of the status bar."""
    key = status_key(state)
    if key == "all_sent":
        return QCoreApplication.translate("SyncStatus", "All sent")
    if key == "nothing":
        return QCoreApplication.translate("SyncStatus", "Nothing to send")
    if key == "waiting":
        text = QCoreApplication.translate("SyncStatus", "Waiting to send: %1")
        return text.replace("%1", str(state.waiting))
    if key == "sending":
        return QCoreApplication.translate("SyncStatus", "Sending…")
    if key == "offline":
        return QCoreApplication.translate("SyncStatus", "Offline — will send by itself")
    if key == "attention":
        text = QCoreApplication.translate("SyncStatus", "Needs attention: %1")
        return text.replace("%1", str(state.attention_count))
    return QCoreApplication.translate("SyncStatus", "No destination set")


def destination_text(destination: Destination) -> str:
    """Where reports go, in words."""
    if destination.transport == "folder":
        text = QCoreApplication.translate("SyncStatus", "Reports go to the folder %1")
        return text.replace("%1", destination.path or "")
    if destination.transport == "webdav":
        text = QCoreApplication.translate("SyncStatus", "Reports go to the WebDAV folder %1 (user %2)")
        return text.replace("%1", destination.url or "").replace("%2", destination.user or "—")
    text = QCoreApplication.translate("SyncStatus", "Reports go by e-mail to %1 through %2")
    return text.replace("%1", destination.to_addr or "").replace("%2", f"{destination.host}:{destination.port}")


def problem_text(state: SyncState, lang: str) -> str | None:
    """Why sending does not go ahead, in plain words (None when nothing is wrong)."""
    if state.problem is not None:
        return messages.describe(state.problem, lang)
    error = state.summary.last_error
    if error:
        return messages.text(error.get("code", "error"), lang, **error.get("params", {}))
    return None


def details_text(state: SyncState, lang: str) -> str:
    """The tooltip: where reports go, the counts, the next attempt, the last problem."""
    counts = state.summary.counts
    if state.destination is not None:
        lines = [destination_text(state.destination)]
    else:
        lines = [QCoreApplication.translate(
            "SyncStatus", "No destination set yet: open the outbox and choose where reports go.")]
    lines.append(
        QCoreApplication.translate("SyncStatus", "Waiting: %1 · sent: %2 · set aside: %3")
        .replace("%1", str(state.waiting)).replace("%2", str(counts[SENT])).replace("%3", str(counts[FAILED]))
    )
    if state.waiting and state.summary.next_attempt_at and not state.sending:
        text = QCoreApplication.translate("SyncStatus", "Next try: %1")
        lines.append(text.replace("%1", when_text(state.summary.next_attempt_at)))
    problem = problem_text(state, lang)
    if problem and (state.waiting or counts[FAILED] or state.problem is not None):
        lines.append(problem)
    if state.online is False:
        lines.append(QCoreApplication.translate(
            "SyncStatus", "This computer has no network now; reports are sent by themselves when it is back."))
    lines.append(QCoreApplication.translate("SyncStatus", "Click to open the outbox."))
    return "\n".join(lines)


def dot_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on high-DPI screens
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(2, 2, size * 2 - 4, size * 2 - 4)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


class SyncStatus(QToolButton):
    """For ``statusBar().addPermanentWidget``; follows ``service.state_changed``."""

    open_outbox = Signal()

    def __init__(self, service: SyncService | None, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.key = ""
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(12, 12))
        self.setFocusPolicy(Qt.TabFocus)
        self.clicked.connect(self.open_outbox)
        if service is not None:
            service.state_changed.connect(self.show_state)
            self.show_state(service.last_state())

    def show_state(self, state: SyncState) -> None:
        self.key = status_key(state)
        colour = COLOURS.get(self.key, "#888888")
        self.setText(status_text(state))
        self.setIcon(dot_icon(colour))
        self.setStyleSheet(f"QToolButton#syncStatus {{ color: {colour}; font-weight: 600; padding: 0 6px; }}")
        self.setToolTip(details_text(state, self._lang))
        self.setAccessibleName(self.text())
