"""Import a register kept in Excel (petitions, the fund's cash book, cases):
choose the file, see what was understood and every problem with its Excel
row and column, then import — all or nothing, or only the valid rows when
the person says so. Rows already in the register are left out, so the same
file imported twice adds nothing.

Reading and checking (``plan_register_import``, in the sandboxed child) run
on a connection of their own; writing (``apply_register_import``) on the
window's write connection; both with progress and Cancel.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout,
)

from app import messages
from app.db import Store
from app.importing import RegisterImportResult, RegisterPlan, apply_register_import, plan_register_import
from ui.runtime.errors import show_error

GREEN, RED, GREY = "#1e8449", "#c0392b", "#555"


class RegisterImportDialog(QDialog):
    """``imported`` is emitted after rows were written, with the result."""

    imported = Signal(object)

    def __init__(self, store: Store, runner, lang: str, register: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang, self.register = store, runner, lang, register
        self.plan: RegisterPlan | None = None
        self.result: RegisterImportResult | None = None
        self.task = None
        titles = {"petitions": self.tr("Import petitions from Excel"),
                  "fund": self.tr("Import a fund's cash book from Excel"),
                  "cases": self.tr("Import cases from Excel")}
        self.setWindowTitle(titles[register])
        self.resize(900, 560)
        hints = {
            "petitions": self.tr("Columns such as: Ngày tiếp nhận, Hình thức, Người gửi, Khu dân cư, Nội dung, "
                                 "Hạn trả lời, Ngày trả lời, Nội dung trả lời."),
            "fund": self.tr("Columns such as: Ngày, Thu / Chi (two columns, or Số tiền with a Thu/chi column), "
                            "Người ủng hộ / người nhận, Mục đích, Số chứng từ."),
            "cases": self.tr("Columns such as: Loại, Ngày bắt đầu, Tên vụ việc, Khu dân cư, Các bên, "
                             "Ngày kết thúc, Kết quả."),
        }
        hint = QLabel(hints[register] + " " + self.tr("Title rows and merged headings are understood."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {GREY};")
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The file to import (.xlsx, .xls, .ods)"))
        browse = QPushButton(self.tr("Choose a file…"))
        browse.clicked.connect(self.browse)
        self.check_button = QPushButton(self.tr("Check the file"))
        self.check_button.clicked.connect(lambda: self.check(Path(self.path.text().strip())))
        self.path.textChanged.connect(lambda _t: self._update())
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.check_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([self.tr("Excel row"), self.tr("Column"), self.tr("Problem")])
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.NoEditTriggers)
        self.problems.setWordWrap(True)
        self.skip_invalid = QCheckBox(self.tr("Import only the valid rows (the rows with problems are left out)"))
        self.skip_invalid.toggled.connect(lambda _on: self._update())
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.AcceptRole)
        self.import_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        self._update()

    # -- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _update(self) -> None:
        plan = self.plan
        self.check_button.setEnabled(bool(self.path.text().strip()) and not self.busy)
        new = len(plan.to_insert()) if plan else 0
        blocked = plan is not None and bool(plan.invalid()) and not self.skip_invalid.isChecked()
        self.import_button.setEnabled(plan is not None and self.result is None and new > 0 and not blocked
                                      and not self.busy)
        self.skip_invalid.setVisible(plan is not None and bool(plan.invalid()))

    def _finished(self) -> None:
        self.task = None
        self._update()

    def _failed(self, error: BaseException) -> None:
        self._finished()
        show_error(self, error, self._lang, str(self._store.path))

    # -- steps -----------------------------------------------------------------------------

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file"), "",
                                                self.tr("Spreadsheets (*.xlsx *.xls *.ods)"))
        if chosen:
            self.path.setText(chosen)
            self.check(Path(chosen))

    def check(self, path: Path) -> None:
        """Read and check the file off the window's thread; nothing is written."""
        self.plan, self.result = None, None
        self.outcome.clear()
        register = self.register

        def work(store: Store, progress) -> RegisterPlan:
            return plan_register_import(store, register, path, progress=progress)

        def done(plan: RegisterPlan) -> None:
            self._finished()
            self.show_plan(plan)

        self.task = self._runner.run_long(self, self.tr("Reading the file"), work, done, self._failed,
                                          self._finished, uses="read", lang=self._lang)
        self._update()

    def show_plan(self, plan: RegisterPlan) -> None:
        self.plan = plan
        understood = ", ".join(f"{c.letter} “{c.header}” → {messages.field_name(c.field, self._lang)}"
                               for c in plan.understood())
        lines = [self.tr("Sheet “%1”: %2 row(s).").replace("%1", plan.sheet).replace("%2", str(len(plan.rows))),
                 self.tr("Columns understood: %1.").replace("%1", understood)]
        unknown = plan.unknown()
        if unknown:
            lines.append(self.tr("Columns not recognised, left out: %1.").replace(
                "%1", ", ".join(f"{c.letter} “{c.header}”" for c in unknown)))
        new, duplicates, invalid = len(plan.to_insert()), len(plan.duplicates()), len(plan.invalid())
        counts = self.tr("New: %1 · already in the register: %2 · with problems: %3").replace(
            "%1", str(new)).replace("%2", str(duplicates)).replace("%3", str(invalid))
        colour = RED if invalid else GREEN
        self.summary.setText("<br>".join(lines) + f"<br><b style='color:{colour}'>{counts}</b>")
        problems = plan.problems()
        self.problems.setRowCount(len(problems))
        for line, problem in enumerate(problems):
            for column, text in enumerate((str(problem.row), problem.column, problem.reason(self._lang))):
                self.problems.setItem(line, column, QTableWidgetItem(text))
        self.problems.setVisible(bool(problems))
        if not new and not invalid:
            self.outcome.setText(self.tr("Every row of this file is already in the register: nothing to add."))
        self._update()

    def apply(self) -> None:
        plan, skip_invalid = self.plan, self.skip_invalid.isChecked()
        if plan is None:
            return

        def work(store: Store, progress) -> RegisterImportResult:
            return apply_register_import(store, plan, skip_invalid=skip_invalid, progress=progress)

        def done(result: RegisterImportResult) -> None:
            self._finished()
            self.result = result
            if result.written:
                self.outcome.setStyleSheet(f"color: {GREEN};")
                self.outcome.setText(self.tr("Imported: %1 added, %2 already there, %3 left out with problems.")
                                     .replace("%1", str(result.inserted)).replace("%2", str(result.duplicates))
                                     .replace("%3", str(len(plan.invalid()) if skip_invalid else 0)))
                self.imported.emit(result)
            else:
                self.outcome.setStyleSheet(f"color: {RED};")
                self.outcome.setText(self.tr("Nothing was written."))
            self._update()

        self.task = self._runner.run_long(self, self.tr("Importing"), work, done, self._failed, self._finished,
                                          uses="write", lang=self._lang)
        self._update()


def open_register_import(store: Store, runner, lang: str, register: str, parent=None) -> RegisterImportDialog:
    dialog = RegisterImportDialog(store, runner, lang, register, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
