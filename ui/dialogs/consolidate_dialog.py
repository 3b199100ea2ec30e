"""For the province: many commune reports in a folder -> one summary workbook
(``app.reports.consolidation.consolidate`` then ``app.reports.consolidation_workbook.write_summary``),
off the GUI thread. Then what it found: how many reports were used, the
communes that sent nothing for the period, and every file left out with the
reason, so staff can ask exactly those communes to send again.

Needs no commune database: it reads only the files of the folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from app.clock import SystemClock
from app.errors import FrontDeskError
from app.reports import Consolidation, consolidate, write_summary
from app.spreadsheets import check_target
from app.text import format_date, parse_period, provinces
from ui.runtime.errors import show_error
from ui.runtime.progress import LongTask
from ui.widgets.file_result import FileResult, OpenUrl, with_xlsx_suffix
from ui.widgets.period_chooser import PeriodChooser
from ui.widgets.simple_table import fill_row, make_table

__all__ = ["ConsolidateDialog", "Summary"]


@dataclass
class Summary:
    consolidation: Consolidation
    path: Path


def _moment(text: str) -> str:
    """An ISO timestamp as dd/mm/yyyy HH:MM, in the offset it was written with."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{format_date(moment.date())} {moment:%H:%M}"


class ConsolidateDialog(QDialog):
    def __init__(self, runner, lang: str, *, today: date, documents: Path, province_code: str | None = None,
                 clock: Any = None, open_url: OpenUrl | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consolidate the communes' reports"))
        self._runner, self._lang, self._documents = runner, lang, documents
        self._clock = clock or SystemClock()
        self.task: LongTask | None = None
        self.summary: Summary | None = None
        explain = QLabel(self.tr(
            "Put the report files the communes sent in one folder. For each commune the newest report of the "
            "period counts; a file whose figures were changed after the export, that belongs to another "
            "province or period, or that is not a Front Desk report is left out and listed with the reason."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("The folder holding the communes' .xlsx files"))
        self.folder.textChanged.connect(lambda _t: self._enable())
        self.browse_button = QPushButton(self.tr("Choose a folder…"))
        self.browse_button.clicked.connect(self.choose_folder)
        self.only_period = QCheckBox(self.tr("Only the period"))
        self.period = PeriodChooser(today, lang)
        self.only_period.toggled.connect(self.period.setEnabled)
        self.period.setEnabled(False)
        self.only_province = QCheckBox(self.tr("Only the province"))
        self.province = QComboBox()
        self.province.setMaxVisibleItems(20)
        for p in provinces():
            self.province.addItem(p.full_name, p.code)
        self.province.setCurrentIndex(max(self.province.findData(province_code), 0))
        self.province.setEnabled(False)
        self.only_province.toggled.connect(self.province.setEnabled)
        automatic = QLabel(self.tr("Unticked: the period and the province that most of the reports carry."))
        automatic.setStyleSheet("color: #555;")
        automatic.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Consolidate and save as…"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)

        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.addWidget(QLabel(self.tr("Folder")), 0, 0)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addLayout(folder_row, 0, 1)
        form.addWidget(self.only_period, 1, 0, Qt.AlignTop)
        form.addWidget(self.period, 1, 1)
        form.addWidget(self.only_province, 2, 0)
        province_row = QHBoxLayout()
        province_row.addWidget(self.province)
        province_row.addStretch(1)
        form.addLayout(province_row, 2, 1)
        form.addWidget(automatic, 3, 1)

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("sectionTitle")
        self.outcome.hide()
        self.result = FileResult(open_url)
        self.rejected = make_table([self.tr("File"), self.tr("Why it was left out")], (260,), stretch=1)
        self.rejected.setWordWrap(True)  # the reason is the point: it is read whole, not cut off
        self.missing = make_table([self.tr("Code"), self.tr("Commune")], (70,), stretch=1)
        self.used = make_table([self.tr("Code"), self.tr("Commune"), self.tr("File"), self.tr("Exported")],
                               (70, 220, 260), stretch=2)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rejected, "")
        self.tabs.addTab(self.missing, "")
        self.tabs.addTab(self.used, "")
        self.tabs.hide()
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)

        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addLayout(run_row)
        layout.addWidget(self.outcome)
        layout.addWidget(self.result)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.resize(860, 640)
        self._enable()

    # -- choosing ------------------------------------------------------------------------

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("The folder of the communes' reports"),
                                                  self.folder.text() or str(self._documents))
        if chosen:
            self.folder.setText(chosen)

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _enable(self) -> None:
        self.run_button.setEnabled(bool(self.folder.text().strip()) and not self.busy)

    def suggested_path(self) -> Path:
        parts = ["TongHop"]
        if self.only_province.isChecked():
            parts.append(self.province.currentData())
        parts.append(self.period.period().code if self.only_period.isChecked() else
                     self._clock.now().date().isoformat())
        return self._documents / ("_".join(parts) + ".xlsx")

    # -- running ---------------------------------------------------------------------------

    def run(self) -> None:
        if self.busy or not self.folder.text().strip():
            return
        folder = Path(self.folder.text().strip()).expanduser()
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the summary"), str(self.suggested_path()),
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        out = with_xlsx_suffix(chosen)
        try:
            check_target(out)  # before reading a hundred files
        except FrontDeskError as exc:
            show_error(self, exc, self._lang)
            return
        province_code = self.province.currentData() if self.only_province.isChecked() else None
        period = self.period.period().code if self.only_period.isChecked() else None
        clock = self._clock

        def work(_no_database, progress) -> Summary:
            found = consolidate(folder, province_code=province_code, period=period, skip=out, progress=progress,
                                clock=clock)
            progress("writing", 0, 0)
            return Summary(found, write_summary(found, out, now=clock.now()))

        self.task = self._runner.run_long(self, self.tr("Consolidating"), work, self._done, self._failed,
                                          self._enable, uses="files",
                                          stages={"reading": self.tr("Reading the reports…"),
                                     "writing": self.tr("Writing the summary…")}, lang=self._lang)
        self._enable()

    def _failed(self, error: BaseException) -> None:
        self._enable()
        show_error(self, error, self._lang)

    def _done(self, summary: Summary) -> None:
        self._enable()
        self.summary = summary
        c = summary.consolidation
        period = parse_period(c.period).label(self._lang)
        self.outcome.setText(
            self.tr("%1, %2: %3 used, %4 sent nothing, %5 left out.")
            .replace("%1", c.province.full_name).replace("%2", period)
            .replace("%3", self.tr("%Ln report(s)", "", len(c.kept)))
            .replace("%4", self.tr("%Ln commune(s)", "", len(c.missing)))
            .replace("%5", self.tr("%Ln file(s)", "", len(c.rejected))))
        self.outcome.show()
        self.result.show_file(self.tr("The summary is saved."), summary.path)
        self._fill(c)

    def _fill(self, c: Consolidation) -> None:
        self.rejected.setRowCount(len(c.rejected))
        for row, r in enumerate(c.rejected):
            fill_row(self.rejected, row, (r.path.name, c.describe(r, self._lang)), row)
        self.rejected.resizeRowsToContents()
        self.missing.setRowCount(len(c.missing))
        for row, commune in enumerate(c.missing):
            fill_row(self.missing, row, (commune.code, commune.name), row)
        self.used.setRowCount(len(c.kept))
        for row, k in enumerate(c.kept):
            fill_row(self.used, row, (k.commune.code, k.commune.name, k.report.path.name,
                                      _moment(k.report.generated_at)), row)
        self.tabs.setTabText(0, self.tr("Files left out (%1)").replace("%1", str(len(c.rejected))))
        self.tabs.setTabText(1, self.tr("Communes that sent nothing (%1)").replace("%1", str(len(c.missing))))
        self.tabs.setTabText(2, self.tr("Reports used (%1)").replace("%1", str(len(c.kept))))
        self.tabs.setCurrentIndex(0 if c.rejected else 1 if c.missing else 2)
        self.tabs.show()
