"""Record a petition, or correct one: when and how it came, from whom, from
which area, what it asks, where it was forwarded and by when it must be
answered; and, in its own small dialog, the answer.

The sender is a person on the roster (typed and chosen: their name and area
are filled in) or anyone named in free text (a group of households, "cử tri
thôn 3"). Each problem the core finds is shown under its field.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from app.db import Store
from app.domain import add_petition, answer_petition, get_person, get_petition, update_petition
from app.text import format_date
from ui.dialogs.form_dialog import HINT_STYLE, FormDialog
from ui.widgets.person_picker import PersonPicker
from ui.widgets.register_choices import fill_areas, fill_words


def text_box(height: int = 76) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def take_person(store: Store, person_id: int | None, name: QLineEdit, area: QComboBox) -> None:
    """A person chosen on the roster: their name in ``name``, and their area in
    ``area`` unless one is chosen already."""
    if person_id is None:
        return
    person = get_person(store, person_id)
    name.setText(person["full_name"])
    if area.currentData() is None and person.get("area_id") is not None:
        area.setCurrentIndex(max(area.findData(person["area_id"]), 0))


def date_box(placeholder: str, value: str | None = None) -> QLineEdit:
    box = QLineEdit(format_date(value) if value else "")
    box.setPlaceholderText(placeholder)
    box.setMaximumWidth(140)
    return box


class PetitionForm(FormDialog):
    """``petition_id`` None records a new petition; otherwise corrects that one."""

    LINE_FIELDS = ("from_name", "field", "forwarded_to")
    DATE_FIELDS = ("received_on", "forwarded_on", "due_on")

    def __init__(self, store: Store, runner, lang: str, petition_id: int | None = None, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.petition_id = petition_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New petition") if petition_id is None else self.tr("Edit petition"))
        self.setMinimumWidth(640)
        self.inputs.update({name: QLineEdit() for name in self.LINE_FIELDS})
        for name in self.DATE_FIELDS:
            self.inputs[name] = date_box(self.tr("dd/mm/yyyy"))
        self.inputs["received_on"].setText(format_date(store.today()))
        channel = QComboBox()
        fill_words(channel, "channel", lang)
        self.inputs["channel"] = channel
        self.person = PersonPicker(store, active_only=False)
        self.person.setPlaceholderText(self.tr("Type a name to find the person on the roster (optional)"))
        self.person.person_chosen.connect(self._person_chosen)
        self.inputs["person_id"] = self.person
        self.inputs["from_name"].setPlaceholderText(self.tr("Or a name: a household, “voters of Thôn 3”…"))
        area = QComboBox()
        fill_areas(area, store, self.tr("(not known)"))
        self.inputs["area_id"] = area
        self.inputs["content"] = text_box(96)
        self.inputs["note"] = text_box(48)
        self.inputs["field"].setPlaceholderText(self.tr("e.g. land, social policy, environment"))
        self.inputs["forwarded_to"].setPlaceholderText(self.tr("The agency asked to settle it"))
        hint = QLabel(self.tr("An open petition past its answer date shows as overdue."))
        hint.setStyleSheet(HINT_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("Received on *"), self.field_box("received_on"))
        form.addRow(self.tr("Channel *"), self.field_box("channel"))
        form.addRow(self.tr("From (roster)"), self.field_box("person_id"))
        form.addRow(self.tr("From *"), self.field_box("from_name"))
        form.addRow(self.tr("Residential area"), self.field_box("area_id"))
        form.addRow(self.tr("Content *"), self.field_box("content"))
        form.addRow(self.tr("Field"), self.field_box("field"))
        form.addRow(self.tr("Forwarded to"), self.field_box("forwarded_to"))
        form.addRow(self.tr("Forwarded on"), self.field_box("forwarded_on"))
        form.addRow(self.tr("Answer due"), self.field_box("due_on", hint))
        form.addRow(self.tr("Note"), self.field_box("note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())
        if petition_id is not None:
            self._fill(petition_id)

    def _fill(self, petition_id: int) -> None:
        p = get_petition(self._store, petition_id)
        for name in self.LINE_FIELDS:
            self.inputs[name].setText(getattr(p, name) or "")
        for name in self.DATE_FIELDS:
            value = getattr(p, name)
            self.inputs[name].setText(format_date(value) if value else "")
        self.inputs["channel"].setCurrentIndex(max(self.inputs["channel"].findData(p.channel), 0))
        if p.person_id is not None:
            self.person.set_person(p.person_id, get_person(self._store, p.person_id)["full_name"])
        area: QComboBox = self.inputs["area_id"]
        if p.area_id is not None and area.findData(p.area_id) < 0:
            area.addItem(p.area or "", p.area_id)
        area.setCurrentIndex(max(area.findData(p.area_id), 0))
        self.inputs["content"].setPlainText(p.content)
        self.inputs["note"].setPlainText(p.note or "")

    def _person_chosen(self, person_id: int | None) -> None:
        take_person(self._store, person_id, self.inputs["from_name"], self.inputs["area_id"])

    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {name: self.inputs[name].text() for name in self.LINE_FIELDS + self.DATE_FIELDS}
        raw["channel"] = self.inputs["channel"].currentData()
        raw["person_id"] = self.person.person_id
        raw["area_id"] = self.inputs["area_id"].currentData()
        raw["content"] = self.inputs["content"].toPlainText()
        raw["note"] = self.inputs["note"].toPlainText()
        return raw

    def save(self) -> None:
        if self.person.text().strip() and self.person.person_id is None:
            self.show_problems([("person_id", self.tr("Choose the person from the suggestions, or clear the box."))])
            return
        raw, petition_id = self.values(), self.petition_id
        if petition_id is None:
            self.submit(lambda store: add_petition(store, raw))
        else:
            self.submit(lambda store: (update_petition(store, petition_id, raw), petition_id)[1])

    def saved(self, petition_id: int) -> None:
        self.saved_id = petition_id
        self.accept()


class AnswerDialog(FormDialog):
    """The answer to a petition: its day (default today) and what it said."""

    def __init__(self, store: Store, runner, lang: str, petition_id: int, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.petition_id = petition_id
        p = get_petition(store, petition_id)
        self.setWindowTitle(self.tr("Answer to petition #%1").replace("%1", str(petition_id)))
        self.setMinimumWidth(560)
        about = QLabel(self.tr("From %1, received %2:").replace("%1", p.from_name).replace(
            "%2", format_date(p.received_on)) + "\n" + p.content)
        about.setWordWrap(True)
        about.setStyleSheet(HINT_STYLE)
        self.inputs["answered_on"] = date_box(self.tr("dd/mm/yyyy"), p.answered_on or store.today().isoformat())
        self.inputs["answer"] = text_box(120)
        self.inputs["answer"].setPlainText(p.answer or "")
        form = QFormLayout()
        form.addRow(self.tr("Answered on *"), self.field_box("answered_on"))
        form.addRow(self.tr("Answer *"), self.field_box("answer"))
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        on, text, petition_id = self.inputs["answered_on"].text(), self.inputs["answer"].toPlainText(), self.petition_id
        self.submit(lambda store: answer_petition(store, petition_id, on=on, text=text))
