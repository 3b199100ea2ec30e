"""Import a roster from Excel: choose the file, check the columns, look at the
rows as they will be stored, decide about duplicates, import.

Reading and checking (``plan_import``) run off the GUI thread on a connection
of their own, and writing (``apply_import``) on the window's one write
connection behind the edits already asked for; both with progress and Cancel
(``ui.runtime.runner``). Nothing is written before the last step, and the last
step is all or nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app import messages
from app.db import Store
from app.domain import organization_tree, residential_areas
from app.importing import ImportPlan, ImportResult, apply_import, plan_import
from ui.dialogs.import_preview import DuplicatesTable, ProblemsTable, RowsModel, field_label


def _organizations(store: Store) -> list[tuple[str, int]]:
    """Every active organization, indented by depth, for 'they join…'."""
    items: list[tuple[str, int]] = []

    def walk(node, depth: int) -> None:
        items.append(("    " * depth + node.name, node.id))
        for child in node.children:
            walk(child, depth + 1)

    walk(organization_tree(store), 0)
    return items


class _Step(QWizardPage):
    """A page whose Next may start long work first: ``ready`` is set when done."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__()
        self.w = wizard
        self.ready = False

    def isComplete(self) -> bool:
        return not self.w.busy and super().isComplete()


class FileStep(_Step):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the roster"))
        self.setSubTitle(self.tr(
            "An Excel file (.xlsx, .xls) or a LibreOffice file (.ods). Title rows, merged headers and the "
            "two columns Nam / Nữ for the birth year are understood."
        ))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The file to import"))
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton(self.tr("Choose a file…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.organization = QComboBox()
        self.organization.addItem(self.tr("(none — only add them to the roster)"), None)
        for label, org_id in _organizations(wizard.store):
            self.organization.addItem(label, org_id)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("They become members of:"), self.organization)

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster"), str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and super().isComplete()

    def validatePage(self) -> bool:
        if self.ready:
            self.ready = False
            return True
        self.w.plan(Path(self.path.text().strip()), self.organization.currentData(), mapping=None)
        return False  # the wizard moves on when the plan is ready


class MappingStep(_Step):
    """Each column of the file, what the app took it for, and a way to correct it."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr(
            "Each column of the file and what it holds. Correct a column the app did not recognise; "
            "the choice is remembered for the next file with the same columns."
        ))
        self.table = QTableWidget(0, 3)
        self.table.setTextElideMode(Qt.ElideMiddle)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header in the file"), self.tr("Holds")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unknown)
        layout.addWidget(self.table, 1)
        self.choices: dict[int, QComboBox] = {}

    def initializePage(self) -> None:
        plan = self.w.current_plan
        columns = plan.layout.columns
        self.table.setRowCount(len(columns))
        self.choices.clear()
        fields = self.w.fields()
        for row, column in enumerate(columns):
            self.table.setItem(row, 0, QTableWidgetItem(column.letter))
            self.table.setItem(row, 1, QTableWidgetItem(column.header.replace("\n", " ")))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for field in fields:
                combo.addItem(field_label(field, self.w.lang), field)
            combo.setCurrentIndex(max(combo.findData(column.field), 0))
            self.choices[column.index] = combo
            self.table.setCellWidget(row, 2, combo)
        self.table.resizeColumnsToContents()
        unknown = [c for c in plan.layout.unknown()]
        self.unknown.setText(
            self.tr("Columns the app did not recognise: %1. Choose what they hold, or leave them out.").replace(
                "%1", ", ".join(f"{c.letter} ({c.header})" for c in unknown))
            if unknown else self.tr("Every column was recognised. Check, then go on.")
        )

    def mapping(self) -> dict[int, Any]:
        return {index: combo.currentData() for index, combo in self.choices.items()}

    def validatePage(self) -> bool:
        if self.ready:
            self.ready = False
            return True
        mapping = self.mapping()
        if mapping == {c.index: c.field for c in self.w.current_plan.layout.columns}:
            return True  # nothing changed: the plan stands
        self.w.plan(self.w.current_plan.path, self.w.org_id, mapping=mapping)
        return False


class PreviewStep(_Step):
    """The rows as they will be stored, the problems, the duplicates."""

    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check before importing"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.rows = RowsModel(wizard.lang, self)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows)
        self.rows_view.setTextElideMode(Qt.ElideMiddle)  # long names and areas keep both ends
        self.rows_view.verticalHeader().hide()
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.problems = ProblemsTable(wizard.lang)
        self.duplicates = DuplicatesTable(wizard.lang)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rows_view, "")
        self.tabs.addTab(self.problems, "")
        self.tabs.addTab(self.duplicates, "")
        self.add_areas = QCheckBox()
        self.add_areas.toggled.connect(self._areas_chosen)
        self.area_names = QLabel()
        self.area_names.setWordWrap(True)
        self.area_names.setContentsMargins(24, 0, 0, 0)
        self.skip_invalid = QCheckBox(self.tr("Import only the valid rows and leave out the rows with problems"))
        self.skip_invalid.toggled.connect(lambda _on: self.completeChanged.emit())
        self.duplicate_rule = QComboBox()
        for label, value in ((self.tr("skip them"), "skip"), (self.tr("update the stored person"), "update"),
                             (self.tr("add them anyway"), "add")):
            self.duplicate_rule.addItem(label, value)
        self.duplicate_rule.currentIndexChanged.connect(
            lambda _i: self.duplicates.set_rule(self.duplicate_rule.currentData()))
        rule = QHBoxLayout()
        rule.addWidget(QLabel(self.tr("People already on the roster, or twice in the file:")))
        rule.addWidget(self.duplicate_rule)
        rule.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(rule)
        layout.addWidget(self.add_areas)
        layout.addWidget(self.area_names)
        layout.addWidget(self.skip_invalid)

    def initializePage(self) -> None:
        plan = self.w.current_plan
        # A fresh commune has no residential areas yet: adding the ones the
        # roster names is what the person almost always wants, so it is ticked.
        counts = plan.new_area_rows()
        self.add_areas.setVisible(bool(counts))
        self.add_areas.setText(self.tr(
            "Add the %n residential area(s) the file names and this commune does not have yet "
            "(each with its Front work committee and branches):", "", len(counts)))
        self.area_names.setVisible(bool(counts))
        self.area_names.setText(", ".join(
            self.tr("%1 (%n row(s))", "", rows).replace("%1", name) for name, rows in counts.items()))
        self.add_areas.blockSignals(True)
        self.add_areas.setChecked(bool(counts))
        self.add_areas.blockSignals(False)
        plan.set_add_areas(bool(counts))
        self._show(plan)
        self.skip_invalid.setChecked(False)
        if plan.invalid():
            self.tabs.setCurrentIndex(1)

    def _areas_chosen(self, on: bool) -> None:
        plan = self.w.current_plan
        if plan is None:
            return
        plan.set_add_areas(on)
        self._show(plan)
        self.completeChanged.emit()

    def _show(self, plan: ImportPlan) -> None:
        invalid, duplicates = plan.invalid(), plan.duplicates()
        areas = {a["id"]: a["name"] for a in residential_areas(self.w.store)}
        if plan.add_areas:
            new = self.tr("%1 (new)")
            areas.update({i: new.replace("%1", name) for i, name in plan.new_areas.items()})
        with_roles = plan.layout is not None and any(c.field == "role" for c in plan.layout.columns)
        self.rows.set_rows(plan.rows, areas, roles=with_roles)
        self.problems.set_rows(invalid)
        self.duplicates.set_rows(duplicates, self.duplicate_rule.currentData())
        self.tabs.setTabText(0, self.tr("Rows as they will be stored (%1)").replace("%1", str(len(plan.rows))))
        self.tabs.setTabText(1, self.tr("Problems (%1)").replace("%1", str(len(invalid))))
        self.tabs.setTabText(2, self.tr("Duplicates (%1)").replace("%1", str(len(duplicates))))
        repaired = sum(1 for r in plan.rows if r.notes)
        text = self.tr("%1 rows read from sheet “%2”.").replace("%1", str(len(plan.rows))).replace("%2", plan.sheet)
        if invalid:
            text += " " + self.tr(
                "%1 rows have problems: correct them in the file and import again, or import only the valid rows."
            ).replace("%1", str(len(invalid)))
        if repaired:
            text += " " + self.tr("%1 rows were repaired (e.g. leading zeros of a citizen ID).").replace(
                "%1", str(repaired))
        self.summary.setText(text)
        self.skip_invalid.setVisible(bool(invalid))

    def isComplete(self) -> bool:
        plan = self.w.current_plan
        blocked = plan is not None and bool(plan.invalid()) and not self.skip_invalid.isChecked()
        return not blocked and super().isComplete()

    def validatePage(self) -> bool:
        if self.ready:
            self.ready = False
            return True
        self.w.apply(skip_invalid=self.skip_invalid.isChecked(), duplicates=self.duplicate_rule.currentData(),
                     choices=self.duplicates.choices())
        return False


class ResultStep(_Step):
    def __init__(self, wizard: "ImportWizard") -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Imported"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def initializePage(self) -> None:
        result = self.w.result
        text = self.tr(
            "Added %1 people, updated %2, left out %3."
        ).replace("%1", str(result.inserted)).replace("%2", str(result.updated)).replace("%3", str(result.skipped))
        if result.areas_added:
            text += "\n" + self.tr("Residential areas added: %1.").replace("%1", ", ".join(result.areas_added))
        if result.appointments:  # the core's own message, in both languages
            text += "\n" + messages.text("import.appointments_made", self.w.lang, count=result.appointments)
        self.text.setText(text)


class ImportWizard(QWizard):
    """``imported`` is emitted after a successful import, with its result."""

    imported = Signal(object)

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.store, self.runner, self.lang = store, runner, lang
        self.current_plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.org_id: int | None = None
        self.task = None
        self.setWindowTitle(self.tr("Import a roster from Excel"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, True)
        self.resize(980, 640)
        self.file_step, self.mapping_step = FileStep(self), MappingStep(self)
        self.preview_step, self.result_step = PreviewStep(self), ResultStep(self)
        for step in (self.file_step, self.mapping_step, self.preview_step, self.result_step):
            self.addPage(step)

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def fields(self) -> tuple[str, ...]:
        from app.importing import FIELDS

        return FIELDS

    def _started(self, task) -> None:
        self.task = task
        for step in (self.file_step, self.mapping_step, self.preview_step):
            step.completeChanged.emit()

    def _finished(self) -> None:
        self.task = None
        for step in (self.file_step, self.mapping_step, self.preview_step):
            step.completeChanged.emit()

    def plan(self, path: Path, org_id: int | None, *, mapping: dict[int, Any] | None) -> None:
        """Read and check the file on a connection of its own, then show the next page."""
        self.org_id = org_id

        def work(store: Store, progress) -> ImportPlan:
            return plan_import(store, path, org_id=org_id, mapping=mapping, progress=progress)

        def done(plan: ImportPlan) -> None:
            self._finished()
            self.current_plan = plan
            page = self.currentPage()
            page.ready = True
            self.next()

        self._started(self.runner.run_long(self, self.tr("Reading the roster"), work, done, self._failed,
                                           self._finished, uses="read", lang=self.lang))

    def apply(self, *, skip_invalid: bool, duplicates: str, choices: dict[int, str]) -> None:
        plan = self.current_plan

        def work(store: Store, progress) -> ImportResult:  # behind the edits already asked for
            return apply_import(store, plan, skip_invalid=skip_invalid, duplicates=duplicates,
                                choices=choices, progress=progress)

        def done(result: ImportResult) -> None:
            self._finished()
            self.result = result
            self.preview_step.ready = True
            self.next()
            self.imported.emit(result)

        self._started(self.runner.run_long(self, self.tr("Importing"), work, done, self._failed, self._finished,
                                           uses="write", lang=self.lang))

    def _failed(self, error: BaseException) -> None:
        from ui.runtime.errors import show_error

        self._finished()
        show_error(self, error, self.lang, str(self.store.path))


def open_import_wizard(store: Store, runner, lang: str, parent=None) -> ImportWizard:
    wizard = ImportWizard(store, runner, lang, parent)
    wizard.setAttribute(Qt.WA_DeleteOnClose)
    wizard.open()
    return wizard
