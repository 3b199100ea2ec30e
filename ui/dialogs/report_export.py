"""The province report, made from the Reports page: choose the period, save
the workbook (``app.reports.province_report.export_report``) off the GUI thread, and
when asked put it in the outbox for the province (``app.sending.destination.queue_for_sending``,
a database write, so through the write runner).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app import messages
from app.db import Store
from app.domain import get_commune, is_demo
from app.errors import FrontDeskError
from app.reports import ReportExport, export_report
from app.sending import Destination, OutboxItem, SiteConfig, current_destination, load_site_config, queue_for_sending
from app.spreadsheets import check_target
from app.text import Period
from ui.runtime.errors import show_error
from ui.runtime.progress import LongTask
from ui.widgets.file_result import FileResult, OpenUrl, with_xlsx_suffix
from ui.widgets.period_chooser import PeriodChooser

__all__ = ["ProvinceReportBox", "report_file_name", "with_xlsx_suffix"]

SiteLoader = Callable[[], SiteConfig]


def report_file_name(commune_code: str, period: Period) -> str:
    """``BaoCao_00004_2026-11.xlsx``: sorts by commune then period in a folder, no accents to mangle."""
    return f"BaoCao_{commune_code}_{period.code}.xlsx"


class ProvinceReportBox(QFrame):
    """``report_saved(path)`` once a report is written; ``report_queued(outbox id)`` once it waits to go."""

    report_saved = Signal(str)
    report_queued = Signal(int)

    def __init__(self, store: Store, runner, lang: str, *, documents: Path, site: SiteLoader | None = None,
                 open_url: OpenUrl | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        heading = QLabel(self.tr("Report to the province"))
        heading.setObjectName("sectionTitle")
        self._store, self._runner, self._lang = store, runner, lang
        self._documents = documents
        self._site = site or load_site_config
        self._destination: Destination | None = None
        self._demo = is_demo(store)
        self.task: LongTask | None = None
        self.period = PeriodChooser(store.today(), lang, self.tr("Period:"))
        self.with_rosters = QCheckBox(self.tr("With member lists (one sheet per organization)"))
        self.with_rosters.setToolTip(self.tr(
            "Adds the name, gender, date of birth and area of every member. Without it the report holds "
            "only figures."))
        self.send = QCheckBox(self.tr("Also send it to the province"))
        self.send_where = QLabel()
        self.send_where.setWordWrap(True)
        self.send_where.setStyleSheet("color: #555;")
        self.send_where.setContentsMargins(22, 0, 0, 0)  # under the box's text, not under the box
        self.save_button = QPushButton(self.tr("Save the report as…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.result = FileResult(open_url)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.period)
        box.addSpacing(6)
        box.addWidget(self.with_rosters)
        box.addWidget(self.send)
        box.addWidget(self.send_where)
        box.addSpacing(6)
        box.addLayout(buttons)
        box.addWidget(self.result)
        box.addStretch(1)
        self.refresh()

    # -- where it would go ----------------------------------------------------------------

    def refresh(self) -> None:
        """Read the destination again: it may have been set on another page since."""
        problem = None
        try:
            self._destination = current_destination(self._store, self._site())
        except FrontDeskError as exc:  # a broken site.toml: say so, keep the rest working
            self._destination, problem = None, messages.describe(exc, self._lang)
        if self._demo:  # made-up figures never go to the province
            self._destination, problem = None, self.tr(
                "A demo commune's reports are not sent to the province: set up your own commune first.")
        has_destination = self._destination is not None
        self.send.setEnabled(has_destination and not self.busy)
        if not has_destination:
            self.send.setChecked(False)
            self.send_where.setText(problem or self.tr(
                "No destination is set yet. Set it on the “Send reports” page (Change…), or ask the IT staff."))
        else:
            self.send_where.setText(self.tr("It goes to %1. Without a connection it waits in the outbox and "
                                            "goes by itself later.").replace("%1", self.where()))

    def where(self) -> str:
        """The destination in words: the folder, the server or the address."""
        d = self._destination
        if d is None:
            return ""
        if d.transport == "folder":
            return self.tr("the folder %1").replace("%1", d.path or "")
        if d.transport == "webdav":
            return self.tr("the server %1").replace("%1", d.url or "")
        return self.tr("the e-mail address %1").replace("%1", d.to_addr or "")

    # -- saving -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def suggested_path(self) -> Path:
        return self._documents / report_file_name(get_commune(self._store).code, self.period.period())

    def save(self) -> None:
        if self.busy:
            return
        period = self.period.period()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report of %1").replace("%1", period.label(self._lang)),
            str(self.suggested_path()), self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = with_xlsx_suffix(chosen)
        try:
            check_target(path)
        except FrontDeskError as exc:
            show_error(self, exc, self._lang)
            return
        send = self.send.isChecked() and self.send.isEnabled()
        self._start(period, path, self.with_rosters.isChecked(), send)

    def _start(self, period: Period, path: Path, with_rosters: bool, send: bool) -> None:
        def work(store: Store, progress) -> ReportExport:
            return export_report(store, period, path, with_rosters=with_rosters, progress=progress)

        self.result.clear()
        self._set_busy(True)
        self.task = self._runner.run_long(
            self.window(), self.tr("Report of %1").replace("%1", period.label(self._lang)), work,
            lambda done: self._saved(done, send), self._failed, lambda: self._set_busy(False), uses="read",
            stages={"figures": self.tr("Counting the figures…"), "rosters": self.tr("Listing the members…"),
                    "writing": self.tr("Writing the workbook…")},
            lang=self._lang)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.send.setEnabled(not busy and self._destination is not None)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self, error, self._lang, str(self._store.path))

    def _saved(self, done: ReportExport, send: bool) -> None:
        self._set_busy(False)
        figures = done.figures
        total = figures.unit("commune")
        message = self.tr("The report of %1 is saved.").replace("%1", figures.period.label(self._lang))
        number = QLocale().toString  # 1.468 in Vietnamese
        summary = self.tr("Members: %1 — vacant seats: %2 — tasks of the period: %3 (overdue: %4).") \
            .replace("%1", number(total["members.total"])).replace("%2", number(total["positions.vacant"])) \
            .replace("%3", number(total["tasks.assigned"])).replace("%4", number(total["tasks.overdue"]))
        self.result.show_file(f"{message}\n{summary}", done.path)
        self.report_saved.emit(str(done.path))
        if send:
            self._queue(done)

    def _queue(self, done: ReportExport) -> None:
        try:
            site = self._site()
        except FrontDeskError as exc:  # site.toml broke since the page was shown
            self._not_queued(exc)
            return
        code, period = done.meta["commune_code"], done.meta["period"]
        self.result.set_note(self.tr("Putting it in the outbox…"))
        self._runner.submit(lambda store: queue_for_sending(store, done.path, code, period, site=site),
                            self._queued, self._not_queued)

    def _queued(self, item: OutboxItem) -> None:
        if item.state == "sent":
            note = self.tr("The same file was sent before; it is not sent twice.")
        elif not item.destination:  # the destination went away meanwhile: it waits for one
            note = self.tr("It is in the outbox and goes once a destination is set.")
        else:
            note = self.tr("It is in the outbox and goes to %1 as soon as there is a connection.") \
                .replace("%1", self.where() or item.destination)
        self.result.set_note(note)
        self.report_queued.emit(item.id)

    def _not_queued(self, error: BaseException) -> None:
        self.result.set_note(self.tr("The report is saved but NOT put in the outbox."), warning=True)
        show_error(self, error, self._lang, str(self._store.path))
