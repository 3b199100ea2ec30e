"""Add or edit a person, with each problem shown next to its field.

Ethnicity and religion are sensitive data (Law 91/2025/QH15): editing a
person, they stay hidden until "Show…" is pressed, which is allowed only when
a consent or a legal basis is recorded for the person and is written to the
change log; while hidden they are left as they are on saving."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.db import Store
from app.domain import (
    add_person, describe_notes, get_person, join_in_area, log_sensitive_view, member_organizations, residential_areas,
    sensitive_view_allowed, update_person,
)
from app.text import format_date
from ui.dialogs.form_dialog import FormDialog
from ui.runtime.errors import show_error

SENSITIVE = ("ethnicity", "religion")
EDIT_PURPOSE = "Sửa hồ sơ người trong danh sách"  # why the form showed them, in the change log


class PersonForm(FormDialog):
    """``person_id`` None adds a person; otherwise edits that person."""

    FIELDS = ("full_name", "gender", "birth_date", "ethnicity", "religion", "citizen_id", "phone",
              "area_id", "status", "note")

    def __init__(self, store: Store, runner, lang: str, person_id: int | None = None, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.person_id = person_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a person") if person_id is None else self.tr("Edit a person"))
        self.setMinimumWidth(540)
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
        # a new person joins their organizations here (a member of the area's branch where there is one);
        # an existing person's memberships are kept on their card
        self.organizations: dict[int, QCheckBox] = {}
        if person_id is None:
            for org in member_organizations(store):
                self.organizations[org["id"]] = QCheckBox(org["name"])

        form = QFormLayout()
        labels = {
            "full_name": self.tr("Full name *"), "gender": self.tr("Gender"),
            "birth_date": self.tr("Date of birth"), "ethnicity": self.tr("Ethnicity"),
            "religion": self.tr("Religion"), "citizen_id": self.tr("Citizen ID"),
            "phone": self.tr("Phone"), "area_id": self.tr("Residential area"),
            "status": self.tr("Status"), "note": self.tr("Note"),
        }
        # editing: the sensitive fields hidden until shown (allowed with a basis, and logged)
        self.sensitive_shown = person_id is None
        self.show_sensitive_button = QPushButton(self.tr("Show…"))
        self.show_sensitive_button.clicked.connect(self.show_sensitive)
        if person_id is not None:
            allowed = sensitive_view_allowed(store, person_id)
            for name in SENSITIVE:
                self.inputs[name].setEnabled(False)
                self.inputs[name].setPlaceholderText(self.tr("hidden: sensitive data"))
            self.show_sensitive_button.setEnabled(allowed)
            self.show_sensitive_button.setToolTip(
                self.tr("Shows ethnicity and religion to edit them; written to the change log") if allowed else
                self.tr("No consent or legal basis is recorded for this person: record one on the person's card"))
        for name in self.FIELDS:
            if name == "ethnicity" and person_id is not None:
                row = QHBoxLayout()
                row.addLayout(self.field_box(name), 1)
                row.addWidget(self.show_sensitive_button)
                form.addRow(labels[name], row)
                continue
            form.addRow(labels[name], self.field_box(name))
        if self.organizations:
            grid = QGridLayout()
            for n, box in enumerate(self.organizations.values()):
                grid.addWidget(box, n // 2, n % 2)
            form.addRow(self.tr("Member of"), grid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())
        if person_id is not None:
            self._fill(get_person(store, person_id))

    def _fill(self, person: dict[str, Any]) -> None:
        for name in self.FIELDS:
            if name in SENSITIVE and not self.sensitive_shown:
                continue
            widget = self.inputs[name]
            value = person.get(name)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif name == "birth_date":
                widget.setText(format_date(value))
            else:
                widget.setText(value or "")

    def show_sensitive(self) -> None:
        """Ethnicity and religion, after writing to the change log who looked and why."""
        person_id = self.person_id

        def shown(_result) -> None:
            person = get_person(self._store, person_id)
            self.sensitive_shown = True
            for name in SENSITIVE:
                self.inputs[name].setEnabled(True)
                self.inputs[name].setPlaceholderText("")
                self.inputs[name].setText(person.get(name) or "")
            self.show_sensitive_button.setEnabled(False)

        self._runner.submit(lambda store: log_sensitive_view(store, person_id, EDIT_PURPOSE), shown,
                            lambda error: show_error(self, error, self._lang, str(self._store.path)))

    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {}
        for name, widget in self.inputs.items():
            if name in SENSITIVE and not self.sensitive_shown:
                continue  # never shown: left as they are
            raw[name] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        return raw

    def chosen_organizations(self) -> list[int]:
        return [org_id for org_id, box in self.organizations.items() if box.isChecked()]

    def save(self) -> None:
        raw = self.values()
        person_id = self.person_id
        organizations = self.chosen_organizations()

        def operation(store: Store):
            if person_id is not None:
                return person_id, update_person(store, person_id, raw, typed=True)
            with store.transaction():  # the person and their memberships, or nothing
                new_id, draft = add_person(store, raw, typed=True)
                for org_id in organizations:
                    join_in_area(store, new_id, org_id, raw.get("area_id"))
            return new_id, draft

        self.submit(operation)

    def saved(self, result) -> None:
        self.saved_id, draft = result
        notes = describe_notes(draft, self._lang)
        if notes:  # what was changed in what was typed: an old phone prefix made new
            QMessageBox.information(self, self.windowTitle(), "\n".join(notes))
        self.accept()
