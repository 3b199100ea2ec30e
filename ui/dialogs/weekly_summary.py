"""The week's figures to type into Mặt trận số (the Front's national platform,
web only): choose the week, save the printable sheet, open it. Saving keeps
the week's figures so that next week's sheet shows what changed."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout

from app.db import Store
from app.domain import get_commune
from app.reports import Week, WeeklySheet, parse_week, week_of, write_weekly_summary
from app.text import format_date
from ui.runtime.errors import show_error
from ui.widgets.file_result import FileResult, OpenUrl, with_xlsx_suffix

WEEKS_BACK = 8  # this week and the seven before it


class WeeklySummaryDialog(QDialog):
    def __init__(self, store: Store, runner, lang: str, *, documents: Path, open_url: OpenUrl | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang, self._documents = store, runner, lang, documents
        self.task = None
        self.saved: WeeklySheet | None = None
        self.setWindowTitle(self.tr("Figures for Mặt trận số"))
        self.setMinimumWidth(620)
        explain = QLabel(self.tr(
            "One printable sheet with the week's figures to type into Mặt trận số: organizations, members, "
            "cadres, petitions, the fund and cases, and what changed since the last sheet saved. Figures the "
            "data cannot tell are marked “không rõ”."))
        explain.setWordWrap(True)
        self.week = QComboBox()
        today = store.today()
        for back in range(WEEKS_BACK):
            week = week_of(today - timedelta(weeks=back))
            text = self.tr("Week %1/%2: %3 – %4").replace("%1", str(week.number)).replace(
                "%2", str(week.year)).replace("%3", format_date(week.first)).replace("%4", format_date(week.last))
            if back == 0:
                text += " " + self.tr("(this week, up to today)")
            self.week.addItem(text, week)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Week:")))
        row.addWidget(self.week, 1)
        self.result = FileResult(open_url)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.addButton(self.tr("Save the sheet…"), QDialogButtonBox.ActionRole)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(buttons)

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def chosen_week(self) -> Week:
        return self.week.currentData()

    def suggested_path(self) -> Path:
        week = self.chosen_week()
        code = get_commune(self._store).code
        return self._documents / f"mat-tran-so-{code}-tuan-{week.number:02d}-{week.year}.xlsx"

    def save(self) -> None:
        if self.busy:
            return
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the sheet"), str(self.suggested_path()),
                                                      self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            self.write(with_xlsx_suffix(chosen))

    def write(self, path: Path) -> None:
        """Write the sheet and keep the week's figures, on the write connection."""
        week = self.chosen_week()
        self.result.clear()
        self.save_button.setEnabled(False)
        self.task = self._runner.run_long(
            self, self.tr("Figures for Mặt trận số"), lambda store, _progress: write_weekly_summary(store, week, path),
            self._written, self._failed, lambda: self.save_button.setEnabled(True), uses="write", lang=self._lang)

    def _written(self, done: WeeklySheet) -> None:
        self.save_button.setEnabled(True)
        self.saved = done
        figures = done.figures
        unknown = sum(1 for row in figures.rows if row.value is None)
        if figures.previous_week is None:
            compared = self.tr("No earlier week's sheet to compare with.")
        else:
            changed = sum(1 for row in figures.rows if row.change not in ("", "0"))
            before = parse_week(figures.previous_week)
            compared = self.tr("%1 figure(s) changed since the sheet of week %2.").replace(
                "%1", str(changed)).replace("%2", f"{before.number}/{before.year}")
        note = self.tr("%1 figure(s) not known: the sheet says why.").replace("%1", str(unknown)) if unknown else ""
        self.result.show_file(self.tr("Saved the figures of week %1.").replace("%1", str(figures.week.number))
                              + " " + compared, done.path, note)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, error, self._lang, str(self._store.path))
