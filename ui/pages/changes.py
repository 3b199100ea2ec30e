"""Change log page: who changed what and when, newest first, filtered by
days, by who made the change, by kind of record and by person, and
exported to Excel. Citizen IDs are masked here and in the export.

The table is lazy (``ui.models.changes_model``): a commune with 100,000 changes
opens with its newest 100, and older pages come as the list is scrolled.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.domain import ChangeFilter, ChangeInWords, actors, count_changes, tables
from app.errors import InvalidValue
from app.reports import export_changes
from app.text import parse_date
from ui.models.changes_model import ChangesModel
from ui.runtime.errors import show_error
from ui.runtime.events import LOGGED_CHANGES, keep_current
from ui.widgets.file_result import with_xlsx_suffix
from ui.widgets.person_picker import PersonPicker

RED, GREEN = "#c0392b", "#1e8449"


class ChangesPage(QWidget):
    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.export_task = None  # the running export, for tests

        title = QLabel(self.tr("Change log"))
        title.setObjectName("pageTitle")
        explain = QLabel(self.tr(
            "Every change to the commune's data: when, by which user of this computer, and what it was before "
            "and after. Select a line to see all its fields. Citizen IDs are masked."
        ))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")

        self.since = self._date_box()
        self.until = self._date_box()
        self.who = QComboBox()
        self.who.setMinimumContentsLength(12)
        self.who.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kind = QComboBox()
        self.kind.setMinimumContentsLength(16)
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.person = PersonPicker(store, self, active_only=False)
        self.person.setPlaceholderText(self.tr("Changes about one person — type a name"))
        self.person.setMinimumWidth(260)
        self.clear_button = QPushButton(self.tr("Show all"))
        self.clear_button.setToolTip(self.tr("Clear every filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Writes the changes shown (every page of them) to an Excel file."))
        self.export_button.clicked.connect(self.export)

        days = QHBoxLayout()
        days.addWidget(QLabel(self.tr("From:")))
        days.addWidget(self.since)
        days.addWidget(QLabel(self.tr("to:")))
        days.addWidget(self.until)
        days.addSpacing(12)
        days.addWidget(QLabel(self.tr("By:")))
        days.addWidget(self.who)
        days.addSpacing(12)
        days.addWidget(QLabel(self.tr("Kind:")))
        days.addWidget(self.kind)
        days.addStretch(1)
        about = QHBoxLayout()
        about.addWidget(QLabel(self.tr("Person:")))
        about.addWidget(self.person, 1)
        about.addWidget(self.clear_button)
        about.addStretch(1)
        about.addWidget(self.export_button)

        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {RED};")
        self.problem.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notice.hide()
        self.count = QLabel()

        self.model = ChangesModel(store, self, lang=lang)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTextElideMode(Qt.ElideMiddle)  # long names and areas keep both ends in sight
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        metrics = header.fontMetrics()
        when_width = metrics.horizontalAdvance("00/00/0000 00:00") + 24
        for column, width in enumerate((when_width, 130, 210, 260)):
            self.table.setColumnWidth(column, max(width, metrics.horizontalAdvance(
                self.model.headerData(column, Qt.Horizontal)) + 24))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_details(current.row()))
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(days)
        layout.addLayout(about)
        layout.addWidget(self.problem)
        layout.addWidget(self.notice)
        layout.addWidget(self.count)
        layout.addWidget(splitter, 1)

        self._count_timer = QTimer(self, singleShot=True, interval=0)
        self._count_timer.timeout.connect(self._count_rest)
        # Who made changes, and which kinds: each reads the whole log (60 ms
        # for 100,000 changes), so they come after the first screen.
        self._choices_timer = QTimer(self, singleShot=True, interval=0)
        self._choices_timer.timeout.connect(self._fill_choices)
        for combo, everyone in ((self.who, self.tr("Everyone")), (self.kind, self.tr("Every kind"))):
            combo.addItem(everyone, None)
        self._choices_timer.start()
        self.who.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.person.person_chosen.connect(lambda _id: self.apply_filters())
        self.apply_filters()
        # new entries come on top whoever made them
        keep_current(self, store.path, LOGGED_CHANGES, self.refresh)

    def _date_box(self) -> QLineEdit:
        box = QLineEdit()
        box.setPlaceholderText(self.tr("dd/mm/yyyy"))
        box.setFixedWidth(box.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        box.setClearButtonEnabled(True)
        box.editingFinished.connect(self.apply_filters)
        # emptied (its clear button, say): no day to wait for, so at once
        box.textChanged.connect(lambda text: self.apply_filters() if not text else None)
        return box

    def _fill_choices(self) -> None:
        """Who has made changes, and the kinds of record changed (the choice made is kept)."""
        for combo, values in ((self.who, [(a, a) for a in actors(self._store)]), (self.kind, self._kinds())):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:  # all but "Everyone" / "Every kind"
                combo.removeItem(1)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _kinds(self) -> list[tuple[str, str]]:
        words = self.model.words.kinds
        present = tables(self._store)
        listed = [(words[t], t) for t in words if t in present]
        return listed + [(t, t) for t in present if t not in words]

    # -- filtering -------------------------------------------------------------

    def current_filter(self) -> ChangeFilter | None:
        """The filter the boxes describe; None (and a message) when a day is unreadable."""
        days = []
        for box, name in ((self.since, self.tr("From")), (self.until, self.tr("to"))):
            text = box.text().strip()
            day = None
            if text:
                try:
                    parsed = parse_date(text, field="date", allow_year_only=False, allow_future=True)
                    day = parsed.to_date() if parsed is not None else None
                except InvalidValue:
                    day = None
                if day is None:
                    return self._problem(self.tr("%1: “%2” is not a day. Write it as dd/mm/yyyy, e.g. 22/11/2026.")
                                         .replace("%1", name).replace("%2", text))
            days.append(day)
        since, until = days
        if since and until and since > until:
            return self._problem(self.tr("The first day is after the last one."))
        self.problem.hide()
        kind = self.kind.currentData()
        return ChangeFilter(since=since, until=until, actor=self.who.currentData(),
                            tables=(kind,) if kind else (), person_id=self.person.person_id)

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        return None

    def apply_filters(self) -> None:
        flt = self.current_filter()
        if flt is None or (flt == self.model.change_filter and self.model.rowCount()):
            return
        self.model.set_filter(flt)
        self._after_reading()

    def refresh(self) -> None:
        """Read again (the page is shown again): new changes come on top."""
        self._choices_timer.start()
        flt = self.current_filter()
        if flt is not None:
            self.model.set_filter(flt)
        else:
            self.model.reload()
        self._after_reading()

    def clear_filters(self) -> None:
        for widget in (self.since, self.until, self.person):
            widget.blockSignals(True)
            widget.clear()
            widget.blockSignals(False)
        self.person.set_person(None)
        for combo in (self.who, self.kind):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filters()

    def show_person(self, person_id: int, full_name: str) -> None:
        """Only the changes about this person (e.g. from a person's card)."""
        self.person.set_person(person_id, full_name)
        self.apply_filters()

    def _after_reading(self) -> None:
        self.notice.hide()
        rows = self.model.rowCount()
        if self.model.complete:
            self._show_count(rows)
        else:
            self.count.setText(self.tr("Counting…"))
            self._count_timer.start()  # the first screen first; the count when idle
        if rows:
            self.table.selectRow(0)
        self._show_details(0 if rows else -1)

    def _count_rest(self) -> None:
        self._show_count(count_changes(self._store, self.model.change_filter))

    def _show_count(self, count: int) -> None:
        if count == 0:
            self.count.setText(self.tr("No change matches."))
        else:
            self.count.setText(self.tr("%Ln change(s), newest first.", "", count))

    def _show_details(self, row: int) -> None:
        change = self.model.row(row)
        self.details.setHtml(self._details_html(change) if change is not None else "")

    def _details_html(self, change: ChangeInWords) -> str:
        e = html.escape
        head = " — ".join(e(part) for part in (change.when, change.who, change.what, change.which) if part)
        if change.entry.action == "update":
            heads = (self.tr("Field"), self.tr("Before"), "", self.tr("After"))
            cells = [(f.label, f.before, "→", f.after) for f in change.fields]
        else:  # a record added or deleted: its values, no "before"
            heads = (self.tr("Field"), self.tr("Value"))
            cells = [(f.label, f.after if change.entry.action != "delete" else f.before or f.after)
                     for f in change.fields]
        rows = "".join(
            "<tr>" + "".join(f"<td>{'<b>' + e(c) + '</b>' if i == 0 else e(c)}</td>" for i, c in enumerate(row))
            + "</tr>" for row in cells
        )
        table = ("<table cellspacing='0' cellpadding='3'><tr>"
                 + "".join(f"<th align='left'>{e(h)}</th>" for h in heads) + f"</tr>{rows}</table>") if rows else ""
        note_label = self.tr("Note:")
        return f"<p>{head}</p>{table}" + (f"<p>{e(note_label)} {e(change.note)}</p>" if change.note else "")

    # -- export ----------------------------------------------------------------

    def export(self):
        """Ask where, then write every change that matches the filters, off the GUI thread."""
        flt = self.current_filter()
        if flt is None:
            return None
        default = Path.home() / (self.tr("change-log") + "-" + self._store.clock.today().strftime("%d-%m-%Y") + ".xlsx")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the change log"), str(default), self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return None
        out = with_xlsx_suffix(chosen)
        lang = self._lang
        self.export_button.setEnabled(False)
        self.export_task = self._runner.run_long(
            self, self.tr("Exporting the change log"),
            lambda store, progress: export_changes(store, out, flt, lang=lang, progress=progress),
            lambda count: self._exported(out, count), self._export_failed, self._export_cancelled, uses="read",
            stages={"rows": self.tr("Writing the changes…"), "save": self.tr("Saving the file…")}, lang=lang,
        )
        return self.export_task

    def _exported(self, out: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Wrote %Ln change(s) to %1.", "", count).replace("%1", str(out)), GREEN)

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, error, self._lang, str(self._store.path))

    def _export_cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("The export was stopped; no file was written."), "#555")

    def _say(self, text: str, colour: str) -> None:
        self.notice.setStyleSheet(f"color: {colour};")
        self.notice.setText(text)
        self.notice.show()
