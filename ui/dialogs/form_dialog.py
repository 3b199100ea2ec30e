"""What every form of the window shares: each field with a red line under it
for the core's objections, Save and Cancel, and a save that goes through the
window's runner (the write thread) and comes back to say what went wrong
under the field it concerns.

A form builds its fields with ``field_box``, its buttons with
``save_buttons``, calls ``submit(operation)`` from its ``save``, and says what
a saved result means in ``saved`` (by default: close).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.db import Store
from app.errors import InvalidValue
from ui.runtime.errors import field_message, show_in_form

ERROR_STYLE = "color: #c0392b;"
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size
HINT_STYLE = "color: #555;"

Problem = InvalidValue | tuple[str, str]  # the core's, or (field, words) found by the form itself


class FormDialog(QDialog):
    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.save_button = None

    # -- building ------------------------------------------------------------------------

    def error_label(self, name: str) -> QLabel:
        """The red line for ``name``, hidden until there is something to say."""
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        self.errors[name] = label
        return label

    def field_box(self, name: str, *below: QWidget) -> QVBoxLayout:
        """The field's input, what goes under it (hints), and its red line."""
        box = QVBoxLayout()
        box.setSpacing(2)
        field = self.inputs[name]
        if field.maximumWidth() < QWIDGETSIZE_MAX:
            # a narrow input (a date) aligned, so its width does not also narrow the red line under it
            box.addWidget(field, 0, Qt.AlignLeft)
        else:
            box.addWidget(field)
        for widget in below:
            box.addWidget(widget)
        box.addWidget(self.error_label(name))
        return box

    def save_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        return buttons

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:  # pragma: no cover - each form says
        raise NotImplementedError

    def submit(self, operation: Callable[[Store], Any]) -> None:
        """Run a write on the write thread; ``operation`` must use only the store it is given."""
        self.save_button.setEnabled(False)
        self._runner.submit(operation, self._submitted, self._refused)

    def _submitted(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        self.saved(result)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.refused(error)

    def saved(self, result: Any) -> None:
        self.accept()

    def refused(self, error: BaseException) -> None:
        """Each problem under its field; anything else in a message box."""
        show_in_form(self, error, self.errors, self.show_problems, self._lang, str(self._store.path))

    # -- saying what is wrong ------------------------------------------------------------

    def problem_text(self, problem: InvalidValue) -> str:
        """The core's words without the field's name: they stand under the field."""
        return field_message(problem, self._lang)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Each problem under its field (several under one field, one per line)."""
        found: dict[str, list[str]] = {}
        for problem in problems:
            name, text = problem if isinstance(problem, tuple) else (problem.field, self.problem_text(problem))
            if name in self.errors:
                found.setdefault(name, []).append(text)
        for name, label in self.errors.items():
            label.setText("\n".join(found.get(name, ())))
            label.setVisible(name in found)
        first = next((name for name in found if name in self.inputs), None)
        if first is not None:
            self.inputs[first].setFocus()
        self.adjustSize()  # grow to show every message whole
