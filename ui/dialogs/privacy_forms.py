"""The privacy registers' forms: a request from a data subject (access,
correction, erasure, withdrawal of consent, restriction, objection) and more
time for it, an incident (a lost USB stick, a stolen PC, a file sent to the wrong person), and
the notification of an incident. Each problem is said under its field."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from app.db import Store
from app.domain import (
    PRIVACY_WORDS, add_request, extend_request, get_person, mark_notified, privacy_word, record_incident,
)
from app.text import format_date
from ui.dialogs.form_dialog import HINT_STYLE, FormDialog
from ui.dialogs.petition_form import date_box, text_box
from ui.widgets.person_picker import PersonPicker


def privacy_choices(combo: QComboBox, choice: str, lang: str) -> QComboBox:
    """``combo`` filled with the words of one privacy choice (the codes as its data)."""
    for code in PRIVACY_WORDS[choice]:
        combo.addItem(privacy_word(choice, code, lang), code)
    return combo


class RequestForm(FormDialog):
    """A new request; its legal clocks start from the day it was received."""

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New request about personal data"))
        self.setMinimumWidth(560)
        self.inputs["kind"] = privacy_choices(QComboBox(), "request_kind", lang)
        self.inputs["received_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        self.person = PersonPicker(store, active_only=False)
        self.person.setPlaceholderText(self.tr("Type a name to find the person on the roster"))
        self.person.person_chosen.connect(self._person_chosen)
        self.inputs["person_id"] = self.person
        self.inputs["requester"] = QLineEdit()
        self.inputs["requester"].setPlaceholderText(self.tr("Who asked (the person, or whoever asks for them)"))
        self.inputs["note"] = text_box(60)
        hint = QLabel(self.tr("The answer and completion dates follow Decree 356/2025/NĐ-CP; the list shows "
                              "them and turns red when one passes."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Request *"), self.field_box("kind"))
        form.addRow(self.tr("Received on *"), self.field_box("received_on"))
        form.addRow(self.tr("About (roster)"), self.field_box("person_id"))
        form.addRow(self.tr("Requested by *"), self.field_box("requester"))
        form.addRow(self.tr("Note"), self.field_box("note"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def _person_chosen(self, person_id: int | None) -> None:
        if person_id is not None and not self.inputs["requester"].text().strip():
            self.inputs["requester"].setText(get_person(self._store, person_id)["full_name"])

    def save(self) -> None:
        if self.person.text().strip() and self.person.person_id is None:
            self.show_problems([("person_id", self.tr("Choose the person from the suggestions, or clear the box."))])
            return
        kind, on, person_id = self.inputs["kind"].currentData(), self.inputs["received_on"].text(), self.person.person_id
        requester, note = self.inputs["requester"].text(), self.inputs["note"].toPlainText()
        self.submit(lambda store: add_request(store, kind=kind, received_on=on, person_id=person_id,
                                              requester=requester or None, note=note or None))

    def saved(self, request_id: int) -> None:
        self.saved_id = request_id
        self.accept()


class IncidentForm(FormDialog):
    """A new incident; the notification clock runs from when it was discovered."""

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New personal data incident"))
        self.setMinimumWidth(580)
        now = store.clock.now()
        self.inputs["kind"] = privacy_choices(QComboBox(), "incident_kind", lang)
        self.inputs["occurred_at"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        self.inputs["discovered_at"] = QLineEdit(f"{format_date(now.date())} {now:%H:%M}")
        self.inputs["discovered_at"].setPlaceholderText(self.tr("dd/mm/yyyy hh:mm"))
        self.inputs["discovered_at"].setMaximumWidth(160)
        self.inputs["what"] = text_box(76)
        self.inputs["what"].setPlaceholderText(self.tr("What happened, and which data: e.g. the USB stick with "
                                                       "the backup of 05/11 was lost on the way to the district"))
        people = QSpinBox()
        people.setRange(0, 10_000_000)
        people.setSpecialValueText(self.tr("not known"))
        self.inputs["people_affected"] = people
        self.inputs["measures"] = text_box(60)
        hint = QLabel(self.tr("The competent authority must be notified within 72 hours of discovery "
                              "(Law 91/2025/QH15, Article 23): the list shows the deadline and the letter is "
                              "prefilled."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Kind *"), self.field_box("kind"))
        form.addRow(self.tr("Happened on *"), self.field_box("occurred_at"))
        form.addRow(self.tr("Discovered at *"), self.field_box("discovered_at"))
        form.addRow(self.tr("What happened *"), self.field_box("what"))
        form.addRow(self.tr("People affected"), self.field_box("people_affected"))
        form.addRow(self.tr("Measures taken"), self.field_box("measures"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        kind, occurred = self.inputs["kind"].currentData(), self.inputs["occurred_at"].text()
        discovered, what = self.inputs["discovered_at"].text(), self.inputs["what"].toPlainText()
        people = self.inputs["people_affected"].value() or None
        measures = self.inputs["measures"].toPlainText() or None
        self.submit(lambda store: record_incident(store, occurred_on=occurred, what=what, kind=kind,
                                                  discovered_at=discovered, people_affected=people,
                                                  measures=measures))

    def saved(self, incident_id: int) -> None:
        self.saved_id = incident_id
        self.accept()


class NotifiedDialog(FormDialog):
    """When, and to whom, an incident was notified."""

    def __init__(self, store: Store, runner, lang: str, incident_id: int, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.incident_id = incident_id
        self.setWindowTitle(self.tr("Incident #%1 notified").replace("%1", str(incident_id)))
        now = store.clock.now()
        self.inputs["notified_at"] = QLineEdit(f"{format_date(now.date())} {now:%H:%M}")
        self.inputs["notified_at"].setPlaceholderText(self.tr("dd/mm/yyyy hh:mm"))
        self.inputs["notified_to"] = QLineEdit()
        self.inputs["notified_to"].setPlaceholderText(self.tr("The authority notified"))
        form = QFormLayout()
        form.addRow(self.tr("Notified at *"), self.field_box("notified_at"))
        form.addRow(self.tr("Notified to"), self.field_box("notified_to"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        incident_id, at, to = self.incident_id, self.inputs["notified_at"].text(), self.inputs["notified_to"].text()
        self.submit(lambda store: mark_notified(store, incident_id, at=at, to=to or None))


class ExtendDialog(FormDialog):
    """More time for a request: once, at most 15 days, for a reason the requester is told."""

    def __init__(self, store: Store, runner, lang: str, request, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.request_id = request.id
        self.saved_id = request.id
        self.setWindowTitle(self.tr("More time for request #%1").replace("%1", str(request.id)))
        self.setMinimumWidth(520)
        days = QSpinBox()
        days.setRange(1, 15)
        days.setValue(15)
        days.setSuffix(self.tr(" days"))
        self.inputs["extended_days"] = days
        self.inputs["extension_reason"] = text_box(60)
        self.inputs["extension_reason"].setPlaceholderText(self.tr(
            "Why more time is needed, as the requester will be told: e.g. the records are kept at the hamlet"))
        self.inputs["extended_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        hint = QLabel(self.tr("Decree 356/2025/NĐ-CP allows one extension of at most 15 days, decided before the "
                              "time runs out (%1), and the requester must be told why.").replace(
                                  "%1", format_date(request.complete_by)))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Days added *"), self.field_box("extended_days"))
        form.addRow(self.tr("Reason *"), self.field_box("extension_reason"))
        form.addRow(self.tr("Decided on *"), self.field_box("extended_on"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        request_id, days = self.request_id, self.inputs["extended_days"].value()
        reason, on = self.inputs["extension_reason"].toPlainText(), self.inputs["extended_on"].text()
        self.submit(lambda store: extend_request(store, request_id, days=days, reason=reason, on=on))
