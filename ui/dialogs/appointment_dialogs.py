"""Dialogs that change who holds which position: appoint, end an appointment,
change the number of seats, add a position.

Each writes through the runner and, when the core refuses, shows the reason in
red under the field it is about; nothing is saved until the core accepts.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import messages
from app.db import Store
from app.domain import Holder, PositionView, add_position, appoint, end_appointment, set_seats
from app.errors import FrontDeskError, InvalidInput, InvalidValue
from app.text import format_date, parse_date
from ui.dialogs.form_dialog import FormDialog
from ui.runtime.errors import field_message, show_error
from ui.widgets.person_picker import PersonPicker


class PositionDialog(FormDialog):
    """A small form whose every field has a red line under it for the core's objections.

    ``REFUSALS`` says under which field a refusal that names no field belongs
    (a full position, a duplicate title...)."""

    REFUSALS: dict[str, str] = {}

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.heading.setMinimumWidth(540)  # the layout sets the dialog's minimum; this sets its width
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        buttons = self.save_buttons()
        layout = QVBoxLayout(self)
        # never smaller than its contents: a wrapped hint or message must not overlap the next row
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        layout.addWidget(self.heading)
        layout.addWidget(self.error_label("_general"))
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def add_field(self, name: str, caption: str, widget: QWidget, hint: str = "", *, narrow: bool = False) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        if narrow:  # a date or a number: a short box, while the messages under it use the full width
            widget.setMaximumWidth(160)
            line = QHBoxLayout()
            line.addWidget(widget)
            line.addStretch(1)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            box.addWidget(note)
        box.addWidget(self.error_label(name))
        self.inputs[name] = widget
        self.form.addRow(caption, box)

    def describe_position(self, position: PositionView, organization: str) -> str:
        """'Phó Chủ tịch — Hội Nông dân' and how full it is, at the top of the form."""
        counts = self.tr("%1 seat(s), %2 filled").replace("%1", str(position.seats)).replace(
            "%2", str(position.filled))
        if not position.vacant:
            counts += " — " + self.tr("no seat is free")
        return f"{position.title} — {organization}\n{counts}"

    def problems_shown(self) -> dict[str, str]:
        """Field name -> the message under it (what a person sees now)."""
        return {name: label.text() for name, label in self.errors.items() if not label.isHidden()}

    def show_problems(self, problems) -> None:
        """Under their fields; what names no field of this form, at the top."""
        super().show_problems([(name if name in self.errors else "_general", text) for name, text in
                               ((p if isinstance(p, tuple) else (p.field, self.problem_text(p))) for p in problems)])

    def refused(self, error: BaseException) -> None:
        if isinstance(error, InvalidInput):
            self.show_problems([(p.field, field_message(p, self._lang)) for p in error.problems])
        elif isinstance(error, InvalidValue) and error.field in self.errors:
            self.show_problems([(error.field, field_message(error, self._lang))])
        elif isinstance(error, FrontDeskError) and error.code in self.REFUSALS:
            self.show_problems([(self.REFUSALS[error.code], messages.describe(error, self._lang))])
        else:
            show_error(self, error, self._lang, str(self._store.path))


def _date_box(value: str) -> QLineEdit:
    box = QLineEdit(value)
    box.setPlaceholderText("dd/mm/yyyy")
    return box


class AppointDialog(PositionDialog):
    """Give someone a seat of a position (kiêm nhiệm allowed; a full position refuses)."""

    REFUSALS = {
        "position.full": "_general",
        "position.already_held": "person",
        "appointment.person_inactive": "person",
        "not_found.person": "person",
    }

    def __init__(self, store: Store, runner, lang: str, position: PositionView, organization: str,
                 parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.position = position
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Appoint to %1").replace("%1", position.title))
        self.heading.setText(self.describe_position(position, organization))
        self.person = PersonPicker(store)
        self.start_on = _date_box(format_date(store.today()))
        self.acting = QCheckBox(self.tr("Acting — e.g. acting Chair, not yet formally in the post"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. decision number and date"))
        self.add_field("person", self.tr("Person *"), self.person,
                       self.tr("Type part of the name, then choose from the list."))
        self.add_field("start_on", self.tr("Start date *"), self.start_on, narrow=True)
        self.add_field("acting", "", self.acting)
        self.add_field("note", self.tr("Note"), self.note)

    def save(self) -> None:
        person_id = self.person.person_id
        start, acting, note = self.start_on.text(), self.acting.isChecked(), self.note.text()
        if person_id is None:
            problems = [("person", self.tr("Choose the person from the suggestions under the box."))]
            try:  # say everything that is wrong at once, not one thing per click
                parse_date(start, field="start_on", today=self._store.today(), allow_year_only=False)
            except InvalidValue as exc:
                problems.append(("start_on", field_message(exc, self._lang)))
            self.show_problems(problems)
            return
        position_id = self.position.id
        self.submit(lambda store: appoint(store, position_id, person_id, start_on=start, acting=acting,
                                          note=note))

    def saved(self, result: Any) -> None:
        self.saved_id = result
        super().saved(result)


class EndAppointmentDialog(PositionDialog):
    """Record the last day someone holds a post; the seat is free from the day after."""

    REFUSALS = {"appointment.already_ended": "end_on", "not_found.appointment": "_general"}

    def __init__(self, store: Store, runner, lang: str, holder: Holder, position: PositionView,
                 organization: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.holder = holder
        self.setWindowTitle(self.tr("End appointment of %1").replace("%1", holder.full_name))
        since = self.tr("Holds it since %1").replace("%1", format_date(holder.start_on))
        self.heading.setText(f"{holder.full_name}\n{position.title} — {organization}\n{since}")
        self.end_on = _date_box(format_date(store.today()))
        self.add_field("end_on", self.tr("Last day in office *"), self.end_on, self.tr(
            "The seat is free from the next day. If someone takes over today, put yesterday's date."),
                       narrow=True)

    def save(self) -> None:
        appointment_id, end = self.holder.appointment_id, self.end_on.text()
        self.submit(lambda store: end_appointment(store, appointment_id, end_on=end))


class SeatsDialog(PositionDialog):
    """How many people the position should have (vacancies are seats minus holders)."""

    REFUSALS = {"position.seats_below_holders": "seats"}

    def __init__(self, store: Store, runner, lang: str, position: PositionView, organization: str,
                 parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.position = position
        self.setWindowTitle(self.tr("Seats of %1").replace("%1", position.title))
        self.heading.setText(self.describe_position(position, organization))
        self.seats = QSpinBox()
        self.seats.setRange(1, 99)
        self.seats.setValue(position.seats)
        self.add_field("seats", self.tr("Number of seats *"), self.seats, narrow=True)

    def save(self) -> None:
        position_id, seats = self.position.id, self.seats.value()
        self.submit(lambda store: set_seats(store, position_id, seats))


class AddPositionDialog(PositionDialog):
    """A post the organization should have, e.g. a second deputy it lacks today."""

    REFUSALS = {"position.duplicate": "title", "not_found.organization": "_general"}

    def __init__(self, store: Store, runner, lang: str, organization_id: int, organization: str,
                 parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.organization_id = organization_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a position"))
        self.heading.setText(organization)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Phó Chủ tịch"))
        self.seats = QSpinBox()
        self.seats.setRange(1, 99)
        self.add_field("title", self.tr("Title *"), self.title)
        self.add_field("seats", self.tr("Number of seats *"), self.seats, narrow=True)

    def save(self) -> None:
        org_id, title, seats = self.organization_id, self.title.text(), self.seats.value()
        self.submit(lambda store: add_position(store, org_id, title, seats=seats))

    def saved(self, result: Any) -> None:
        self.saved_id = result
        super().saved(result)
