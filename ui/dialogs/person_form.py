"""Add or edit a person, with each problem shown next to its field."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.domain import add_person, describe_notes, get_person, residential_areas, update_person
from app.errors import InvalidValue
from app.text import format_date
from ui.runtime.errors import field_message, show_in_form


class PersonForm(QDialog):
    """``person_id`` None adds a person; otherwise edits that person."""

    FIELDS = ("full_name", "gender", "birth_date", "ethnicity", "religion", "citizen_id", "phone",
              "area_id", "status", "note")

    def __init__(self, store: Store, runner, lang: str, person_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang, self.person_id = store, runner, lang, person_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a person") if person_id is None else self.tr("Edit a person"))
        self.setMinimumWidth(540)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.inputs["full_name"] = QLineEdit()
        gender = QComboBox()
        for label, value in ((self.tr("(not given)"), None), (self.tr("Male"), "male"), (self.tr("Female"), "female")):
            gender.addItem(label, value)
        self.inputs["gender"] = gender
        birth = QLineEdit()
        birth.setPlaceholderText(self.tr("dd/mm/yyyy, or only the year"))
        self.inputs["birth_date"] = birth
        self.inputs["ethnicity"] = QLineEdit()
        self.inputs["religion"] = QLineEdit()
        cid = QLineEdit()
        cid.setPlaceholderText(self.tr("12 digits"))
        self.inputs["citizen_id"] = cid
        self.inputs["phone"] = QLineEdit()
        area = QComboBox()
        area.addItem(self.tr("(none)"), None)
        for a in residential_areas(store):
            area.addItem(a["name"], a["id"])
        self.inputs["area_id"] = area
        status = QComboBox()
        for label, value in ((self.tr("Active"), "active"), (self.tr("Moved away"), "moved"),
                             (self.tr("Deceased"), "deceased")):
            status.addItem(label, value)
        self.inputs["status"] = status
        self.inputs["note"] = QLineEdit()

        form = QFormLayout()
        labels = {
            "full_name": self.tr("Full name *"), "gender": self.tr("Gender"),
            "birth_date": self.tr("Date of birth"), "ethnicity": self.tr("Ethnicity"),
            "religion": self.tr("Religion"), "citizen_id": self.tr("Citizen ID"),
            "phone": self.tr("Phone"), "area_id": self.tr("Residential area"),
            "status": self.tr("Status"), "note": self.tr("Note"),
        }
        for name in self.FIELDS:
            error = QLabel()
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(self.inputs[name])
            box.addWidget(error)
            form.addRow(labels[name], box)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if person_id is not None:
            self._fill(get_person(store, person_id))

    def _fill(self, person: dict[str, Any]) -> None:
        for name in self.FIELDS:
            widget = self.inputs[name]
            value = person.get(name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif name == "birth_date":
                widget.setText(format_date(value))
            else:
                widget.setText(value or "")

    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            raw[name] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        return raw

    def show_problems(self, problems: list[InvalidValue]) -> None:
        for label in self.errors.values():
            label.hide()
        for problem in problems:
            label = self.errors.get(problem.field)
            if label is not None:
                label.setText(field_message(problem, self._lang))
                label.show()
        if problems and problems[0].field in self.inputs:
            self.inputs[problems[0].field].setFocus()
        self.adjustSize()  # grow to show every message whole

    def save(self) -> None:
        raw = self.values()
        person_id = self.person_id
        self.save_button.setEnabled(False)

        def operation(store: Store):
            if person_id is None:
                return add_person(store, raw)
            return person_id, update_person(store, person_id, raw)

        self._runner.submit(operation, self._saved, self._failed)

    def _saved(self, result) -> None:
        self.save_button.setEnabled(True)
        self.saved_id, draft = result
        notes = describe_notes(draft, self._lang)
        if notes:  # say what was repaired, e.g. leading zeros of a citizen ID
            QMessageBox.information(self, self.windowTitle(), "\n".join(notes))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_in_form(self, error, self.errors, self.show_problems, self._lang, str(self._store.path))
