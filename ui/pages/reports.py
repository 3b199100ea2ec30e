"""Reports page: the province report of a period, the member list in Excel,
the reports this PC has put in the outbox, and (for province staff) the
consolidation of the communes' reports.

The outbox is the one record the core keeps of reports made here (a report
saved but not sent leaves no trace in the database), so the list shows the
reports sent or waiting to be sent, newest first.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app import messages
from app.db import Store
from app.domain import get_commune
from app.sending import OutboxItem, list_outbox
from app.text import format_date, parse_period
from ui.dialogs.members_export import MembersExportBox
from ui.dialogs.report_export import ProvinceReportBox, SiteLoader
from ui.runtime.events import keep_current
from ui.widgets.file_result import OpenUrl, documents_folder
from ui.widgets.simple_table import RED, fill_row, make_table

__all__ = ["ReportsPage", "RECENT"]

RECENT = 5  # reports listed: the last few periods, not the history (the outbox page has them all)
GREEN = QColor("#1e8449")



def _when(text: str | None) -> str:
    if not text:
        return ""
    try:
        moment = datetime.fromisoformat(text).astimezone()  # shown in this PC's time
    except ValueError:
        return text
    return f"{format_date(moment.date())} {moment:%H:%M}"


class ReportsPage(QWidget):
    """``report_queued(outbox id)``: a report waits in the outbox (the sending service may want to try now);
    ``outbox_requested``: the person wants to see the outbox."""

    report_queued = Signal(int)
    outbox_requested = Signal()

    def __init__(self, store: Store, runner, lang: str, *, site: SiteLoader | None = None,
                 documents: Path | None = None, open_url: OpenUrl | None = None, clock=None, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self._documents = documents or documents_folder()
        self._open_url, self._clock = open_url, clock
        self.dialog = None  # the consolidation dialog once opened, for tests and screenshots
        title = QLabel(self.tr("Reports"))
        title.setObjectName("pageTitle")
        explain = QLabel(self.tr(
            "The report to the province is made from what the app holds: nothing to copy by hand. "
            "Check the period, save the file, and send it."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        self.report = ProvinceReportBox(store, runner, lang, documents=self._documents, site=site,
                                        open_url=open_url)
        self.members = MembersExportBox(store, runner, lang, documents=self._documents, open_url=open_url)
        self.report.report_queued.connect(self._queued)
        # a small screen scrolls the two boxes rather than squeezing their text together
        self.boxes = QScrollArea()
        self.boxes.setWidgetResizable(True)
        self.boxes.setFrameShape(QFrame.NoFrame)
        inner = QWidget()
        inner.setObjectName("reportBoxes")
        inner.setStyleSheet("QWidget#reportBoxes { background: transparent; }")
        self.boxes.viewport().setAutoFillBackground(False)
        row = QHBoxLayout(inner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.report, 1)
        row.addWidget(self.members, 1)
        self.boxes.setWidget(inner)

        recent_title = QLabel(self.tr("Reports sent from this computer"))
        recent_title.setObjectName("sectionTitle")
        self.outbox_button = QPushButton(self.tr("Open the outbox"))
        self.outbox_button.clicked.connect(self.outbox_requested)
        recent_row = QHBoxLayout()
        recent_row.addWidget(recent_title)
        recent_row.addStretch(1)
        recent_row.addWidget(self.outbox_button)
        self.recent_empty = QLabel(self.tr("None yet. A report saved with “Also send it to the province” "
                                           "ticked is listed here."))
        self.recent_empty.setStyleSheet("color: #555;")
        self.recent = make_table(
            [self.tr("Period"), self.tr("Put in the outbox"), self.tr("State"), self.tr("Sent"), self.tr("Sent to")],
            (150, 130, 180, 130), stretch=4)

        self.consolidate_button = QPushButton(self.tr("Consolidate the communes' reports (for the province)…"))
        self.consolidate_button.setToolTip(self.tr(
            "For province staff: one summary from a folder of the communes' report files."))
        self.consolidate_button.clicked.connect(lambda: self.open_consolidation())
        self.weekly_button = QPushButton(self.tr("Figures for Mặt trận số (weekly)…"))
        self.weekly_button.setToolTip(self.tr(
            "One printable sheet of the week's figures, to type into the Front's national platform"))
        self.weekly_button.clicked.connect(lambda: self.open_weekly_summary())
        bottom = QHBoxLayout()
        bottom.addWidget(self.weekly_button)
        bottom.addStretch(1)
        bottom.addWidget(self.consolidate_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(self.boxes, 1)
        layout.addLayout(recent_row)
        layout.addWidget(self.recent_empty)
        layout.addWidget(self.recent)
        layout.addLayout(bottom)
        self.refresh_recent()
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("outbox_changed", "organizations_changed"), self.refresh)

    def refresh(self) -> None:
        """Shown again: the destination, the organizations or the outbox may have changed elsewhere."""
        self.report.refresh()
        self.members.refresh()
        self.refresh_recent()

    def refresh_recent(self) -> None:
        items = [i for i in list_outbox(self._store) if i.kind == "report"]
        items = sorted(items, key=lambda i: i.id, reverse=True)[:RECENT]
        self.recent.setRowCount(len(items))
        for row, item in enumerate(items):
            fill_row(self.recent, row, self._cells(item), item.id, self._colours(item))
        # as tall as its rows: the boxes above keep the room
        self.recent.setFixedHeight(self.recent.horizontalHeader().sizeHint().height() + 24 * max(len(items), 1)
                                 + 2 * self.recent.frameWidth() + 2)
        self.recent.setVisible(bool(items))
        self.recent_empty.setVisible(not items)

    def _cells(self, item: OutboxItem) -> tuple[str, ...]:
        period = parse_period(item.period).label(self._lang) if item.period else item.remote_name
        state = messages.text(f"outbox.state.{item.state}", self._lang)
        if item.state != "sent" and item.error_text(self._lang):
            state = f"{state}: {item.error_text(self._lang)}"
        return (period[:1].upper() + period[1:], _when(item.created_at), state, _when(item.sent_at),
                item.destination.partition(":")[2] or self.tr("(no destination yet)"))

    @staticmethod
    def _colours(item: OutboxItem):
        if item.state == "failed":
            return {2: RED}
        if item.state == "sent":
            return {2: GREEN}
        return None

    def _queued(self, outbox_id: int) -> None:
        self.refresh_recent()
        self.report_queued.emit(outbox_id)

    def open_weekly_summary(self):
        from ui.dialogs.weekly_summary import WeeklySummaryDialog

        self.dialog = WeeklySummaryDialog(self._store, self._runner, self._lang, documents=self._documents,
                                          open_url=self._open_url, parent=self)
        self.dialog.open()
        return self.dialog

    def open_consolidation(self):
        from ui.dialogs.consolidate_dialog import ConsolidateDialog

        self.dialog = ConsolidateDialog(
            self._runner, self._lang, today=self._store.today(), documents=self._documents,
            province_code=get_commune(self._store).province_code, clock=self._clock or self._store.clock,
            open_url=self._open_url, parent=self)
        self.dialog.open()
        return self.dialog
