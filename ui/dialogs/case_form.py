"""Open a case (people's inspection, investment supervision, mediation,
supervision, social criticism) or correct one; and close it with its outcome.

The outcomes offered are those of the case's kind: a mediation ends as
successful, unsuccessful or withdrawn; every other kind as resolved, partly
resolved, unresolved or withdrawn.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from app.db import Store
from app.domain import MEDIATION_OUTCOMES, OTHER_OUTCOMES, add_case, close_case, get_case, update_case, word_label
from app.text import format_date
from ui.dialogs.form_dialog import HINT_STYLE, FormDialog
from ui.dialogs.petition_form import date_box, text_box
from ui.widgets.register_choices import fill_areas, fill_words


class CaseForm(FormDialog):
    """``case_id`` None opens a new case (of ``kind``); otherwise corrects that one."""

    def __init__(self, store: Store, runner, lang: str, case_id: int | None = None, *, kind: str | None = None,
                 parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.case_id = case_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New case") if case_id is None else self.tr("Edit case #%1").replace(
            "%1", str(case_id)))
        self.setMinimumWidth(620)
        kinds = QComboBox()
        fill_words(kinds, "case_kind", lang)
        if kind is not None:
            kinds.setCurrentIndex(max(kinds.findData(kind), 0))
        self.inputs["kind"] = kinds
        self.inputs["opened_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        self.inputs["title"] = QLineEdit()
        self.inputs["title"].setPlaceholderText(self.tr("e.g. Supervising the Thôn 3 road works"))
        area = QComboBox()
        fill_areas(area, store, self.tr("(the whole commune)"))
        self.inputs["area_id"] = area
        self.inputs["parties"] = QLineEdit()
        self.inputs["parties"].setPlaceholderText(self.tr("The parties of a dispute, or the project supervised"))
        for name, height in (("findings", 76), ("recommendation", 60), ("note", 48)):
            self.inputs[name] = text_box(height)
        form = QFormLayout()
        form.addRow(self.tr("Kind *"), self.field_box("kind"))
        form.addRow(self.tr("Opened on *"), self.field_box("opened_on"))
        form.addRow(self.tr("Title *"), self.field_box("title"))
        form.addRow(self.tr("Residential area"), self.field_box("area_id"))
        form.addRow(self.tr("Parties or project"), self.field_box("parties"))
        form.addRow(self.tr("Findings"), self.field_box("findings"))
        form.addRow(self.tr("Recommendation"), self.field_box("recommendation"))
        form.addRow(self.tr("Note"), self.field_box("note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())
        if case_id is not None:
            self._fill(case_id)

    def _fill(self, case_id: int) -> None:
        c = get_case(self._store, case_id)
        self.inputs["kind"].setCurrentIndex(max(self.inputs["kind"].findData(c.kind), 0))
        self.inputs["opened_on"].setText(format_date(c.opened_on))
        self.inputs["title"].setText(c.title)
        self.inputs["title"].setCursorPosition(0)
        area: QComboBox = self.inputs["area_id"]
        if c.area_id is not None and area.findData(c.area_id) < 0:
            area.addItem(c.area or "", c.area_id)
        area.setCurrentIndex(max(area.findData(c.area_id), 0))
        self.inputs["parties"].setText(c.parties or "")
        for name in ("findings", "recommendation", "note"):
            self.inputs[name].setPlainText(getattr(c, name) or "")

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.inputs["kind"].currentData(), "opened_on": self.inputs["opened_on"].text(),
            "title": self.inputs["title"].text(), "area_id": self.inputs["area_id"].currentData(),
            "parties": self.inputs["parties"].text(),
            **{name: self.inputs[name].toPlainText() for name in ("findings", "recommendation", "note")},
        }

    def save(self) -> None:
        raw, case_id = self.values(), self.case_id
        if case_id is None:
            self.submit(lambda store: add_case(store, raw))
        else:
            self.submit(lambda store: (update_case(store, case_id, raw), case_id)[1])

    def saved(self, case_id: int) -> None:
        self.saved_id = case_id
        self.accept()


class CloseCaseDialog(FormDialog):
    """Close a case: the day, the outcome (of its kind), what was found and recommended."""

    def __init__(self, store: Store, runner, lang: str, case_id: int, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.case_id = case_id
        c = get_case(store, case_id)
        self.setWindowTitle(self.tr("Close case #%1").replace("%1", str(case_id)))
        self.setMinimumWidth(560)
        about = QLabel(f"{word_label('case_kind', c.kind, lang)} — {c.title}\n"
                       + self.tr("Opened on %1").replace("%1", format_date(c.opened_on)))
        about.setWordWrap(True)
        about.setStyleSheet(HINT_STYLE)
        self.inputs["closed_on"] = date_box(self.tr("dd/mm/yyyy"), c.closed_on or store.today().isoformat())
        outcome = QComboBox()
        fill_words(outcome, "outcome", lang, codes=MEDIATION_OUTCOMES if c.kind == "mediation" else OTHER_OUTCOMES)
        if c.outcome:
            outcome.setCurrentIndex(max(outcome.findData(c.outcome), 0))
        self.inputs["outcome"] = outcome
        self.inputs["findings"] = text_box(76)
        self.inputs["findings"].setPlainText(c.findings or "")
        self.inputs["recommendation"] = text_box(60)
        self.inputs["recommendation"].setPlainText(c.recommendation or "")
        form = QFormLayout()
        form.addRow(self.tr("Closed on *"), self.field_box("closed_on"))
        form.addRow(self.tr("Outcome *"), self.field_box("outcome"))
        form.addRow(self.tr("Findings"), self.field_box("findings"))
        form.addRow(self.tr("Recommendation"), self.field_box("recommendation"))
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        case_id = self.case_id
        on, outcome = self.inputs["closed_on"].text(), self.inputs["outcome"].currentData()
        findings, recommendation = (self.inputs[n].toPlainText() for n in ("findings", "recommendation"))
        self.submit(lambda store: close_case(store, case_id, on=on, outcome=outcome, findings=findings,
                                             recommendation=recommendation))
