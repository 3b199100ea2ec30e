"""Moving tasks along: start, done (on a day), cancel, reopen.

Which moves make sense for a selection, and the small dialog that asks on
which day work was finished when it was not today.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.db import Store
from app.domain import OPEN_STATUSES, TaskView, set_statuses
from app.errors import InvalidInput, InvalidValue
from app.text import format_date
from ui.runtime.errors import field_message, show_error

WARNING_COLOUR = "#c0392b"

# status asked for -> the statuses a task may be in to take that step
MOVES: dict[str, tuple[str, ...]] = {
    "in_progress": ("todo",),
    "done": OPEN_STATUSES,
    "cancelled": OPEN_STATUSES,
    "todo": ("done", "cancelled"),
}


def movable(tasks: list[TaskView], status: str) -> list[int]:
    """The ids among ``tasks`` that can be moved to ``status``."""
    return [t.id for t in tasks if t.status in MOVES[status]]


class CompletionDialog(QDialog):
    """Mark tasks done on a day other than today (work finished last week)."""

    def __init__(self, store: Store, runner, lang: str, task_ids: list[int], parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang, self._ids = store, runner, lang, list(task_ids)
        self.setWindowTitle(self.tr("Mark done"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("%Ln task(s) will be marked done.", "", len(self._ids)))
        self.day = QLineEdit(format_date(store.today().isoformat()))
        self.day.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.day)
        box.addWidget(self.error)
        form.addRow(self.tr("Completed on"), box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Mark done"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        ids, day = self._ids, self.day.text()
        self.ok_button.setEnabled(False)
        self._runner.submit(lambda store: set_statuses(store, ids, "done", completed_on=day), self._saved,
                            self._failed)

    def _saved(self, _result) -> None:
        self.ok_button.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        problems = error.problems if isinstance(error, InvalidInput) else (
            [error] if isinstance(error, InvalidValue) else []
        )
        if problems and all(p.field == "completed_on" for p in problems):
            texts = dict.fromkeys(field_message(p, self._lang) for p in problems)  # same words once
            self.error.setText("\n".join(texts))
            self.error.show()
        else:
            show_error(self, error, self._lang, str(self._store.path))
