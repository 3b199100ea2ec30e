"""Record a receipt into a fund or a spending from it, or correct one.

The amount is typed as people write it ("1.250.000", "1,25 triệu" is not
money: the core says so) and shown back in words of đồng under the box. A
spending that takes the fund below zero is saved all the same, and the form
says so before it closes, so that a missing receipt is looked for.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QRadioButton, QVBoxLayout,
)

from app import messages
from app.db import Store
from app.domain import FundSaved, add_fund_entry, get_fund_entry, get_person, update_fund_entry
from app.errors import InvalidValue
from app.text import format_date, format_money, parse_money
from ui.dialogs.form_dialog import HINT_STYLE, FormDialog
from ui.dialogs.petition_form import date_box, take_person, text_box
from ui.widgets.person_picker import PersonPicker
from ui.widgets.register_choices import fill_areas, fill_words


class FundEntryForm(FormDialog):
    """``entry_id`` None records a new entry of ``direction``; otherwise corrects that one."""

    def __init__(self, store: Store, runner, lang: str, entry_id: int | None = None, *, direction: str = "receipt",
                 fund: str = "poor", parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.entry_id = entry_id
        self.saved_id: int | None = None
        self.notices: tuple = ()
        self.setMinimumWidth(600)
        self.receipt = QRadioButton(self.tr("Receipt (money in)"))
        self.spending = QRadioButton(self.tr("Spending (money out)"))
        self._directions = QButtonGroup(self)
        for button in (self.receipt, self.spending):
            self._directions.addButton(button)
        direction_row = QHBoxLayout()
        direction_row.addWidget(self.receipt)
        direction_row.addWidget(self.spending)
        direction_row.addStretch(1)
        self.inputs["entry_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        fund_box = QComboBox()
        fill_words(fund_box, "fund", lang)
        fund_box.setCurrentIndex(max(fund_box.findData(fund), 0))
        self.inputs["fund"] = fund_box
        amount = QLineEdit()
        amount.setPlaceholderText(self.tr("in đồng, e.g. 1.250.000"))
        amount.setMaximumWidth(220)
        self.inputs["amount"] = amount
        self.amount_words = QLabel()
        self.amount_words.setStyleSheet(HINT_STYLE)
        amount.textChanged.connect(self._show_amount)
        self.person = PersonPicker(store, active_only=False)
        self.person.setPlaceholderText(self.tr("Type a name to find the household head on the roster (optional)"))
        self.person.person_chosen.connect(self._person_chosen)
        self.inputs["person_id"] = self.person
        self.inputs["party"] = QLineEdit()
        self.inputs["party"].setPlaceholderText(self.tr("Or a name: a company, a family, a school…"))
        area = QComboBox()
        fill_areas(area, store, self.tr("(none)"))
        self.inputs["area_id"] = area
        purpose = QComboBox()
        fill_words(purpose, "purpose", lang)
        self.inputs["purpose"] = purpose
        self.purpose_caption = QLabel(self.tr("Purpose *"))
        self.inputs["document_number"] = QLineEdit()
        self.inputs["document_number"].setPlaceholderText(self.tr("Receipt or payment voucher number"))
        self.inputs["note"] = text_box(48)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Entry"), direction_row)
        self.form.addRow(self.tr("Date *"), self.field_box("entry_on"))
        self.form.addRow(self.tr("Fund"), self.field_box("fund"))
        self.form.addRow(self.tr("Amount *"), self.field_box("amount", self.amount_words))
        self.party_caption = QLabel()
        self.form.addRow(self.tr("On the roster"), self.field_box("person_id"))
        self.form.addRow(self.party_caption, self.field_box("party"))
        self.form.addRow(self.tr("Residential area"), self.field_box("area_id"))
        self.form.addRow(self.purpose_caption, self.field_box("purpose"))
        self.form.addRow(self.tr("Voucher"), self.field_box("document_number"))
        self.form.addRow(self.tr("Note"), self.field_box("note"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.save_buttons())
        self._directions.buttonToggled.connect(lambda *_: self._direction_changed())
        (self.spending if direction == "spending" else self.receipt).setChecked(True)
        if entry_id is not None:
            self._fill(entry_id)
        self._direction_changed()

    def direction(self) -> str:
        return "spending" if self.spending.isChecked() else "receipt"

    def _direction_changed(self) -> None:
        spending = self.direction() == "spending"
        if self.entry_id is None:
            self.setWindowTitle(self.tr("New spending") if spending else self.tr("New receipt"))
        else:
            self.setWindowTitle(self.tr("Edit fund entry #%1").replace("%1", str(self.entry_id)))
        self.party_caption.setText(self.tr("Beneficiary *") if spending else self.tr("Donor *"))
        self.form.setRowVisible(self.inputs["purpose"], spending)

    def _fill(self, entry_id: int) -> None:
        e = get_fund_entry(self._store, entry_id)
        (self.spending if e.direction == "spending" else self.receipt).setChecked(True)
        self.inputs["entry_on"].setText(format_date(e.entry_on))
        self.inputs["fund"].setCurrentIndex(max(self.inputs["fund"].findData(e.fund), 0))
        self.inputs["amount"].setText(format_money(e.amount, unit=False))
        if e.person_id is not None:
            self.person.set_person(e.person_id, get_person(self._store, e.person_id)["full_name"])
        self.inputs["party"].setText(e.party)
        area: QComboBox = self.inputs["area_id"]
        if e.area_id is not None and area.findData(e.area_id) < 0:
            area.addItem(e.area or "", e.area_id)
        area.setCurrentIndex(max(area.findData(e.area_id), 0))
        if e.purpose:
            self.inputs["purpose"].setCurrentIndex(max(self.inputs["purpose"].findData(e.purpose), 0))
        self.inputs["document_number"].setText(e.document_number or "")
        self.inputs["note"].setPlainText(e.note or "")

    def _show_amount(self, text: str) -> None:
        if not text.strip():
            self.amount_words.clear()
            return
        try:
            self.amount_words.setText("= " + format_money(parse_money(text)))
        except InvalidValue as problem:
            self.amount_words.setText(messages.text(problem.code, self._lang, field_name=self.tr("Amount"),
                                                    **problem.params))

    def _person_chosen(self, person_id: int | None) -> None:
        take_person(self._store, person_id, self.inputs["party"], self.inputs["area_id"])

    def values(self) -> dict[str, Any]:
        spending = self.direction() == "spending"
        return {
            "entry_on": self.inputs["entry_on"].text(), "fund": self.inputs["fund"].currentData(),
            "direction": self.direction(), "amount": self.inputs["amount"].text(),
            "person_id": self.person.person_id, "party": self.inputs["party"].text(),
            "area_id": self.inputs["area_id"].currentData(),
            "purpose": self.inputs["purpose"].currentData() if spending else None,
            "document_number": self.inputs["document_number"].text(), "note": self.inputs["note"].toPlainText(),
        }

    def save(self) -> None:
        if self.person.text().strip() and self.person.person_id is None:
            self.show_problems([("person_id", self.tr("Choose the person from the suggestions, or clear the box."))])
            return
        raw, entry_id = self.values(), self.entry_id
        if entry_id is None:
            self.submit(lambda store: add_fund_entry(store, raw))
        else:
            self.submit(lambda store: update_fund_entry(store, entry_id, raw))

    def saved(self, result: FundSaved) -> None:
        self.saved_id = result.id
        self.notices = result.notices
        if result.notices:  # below zero: saved, but worth a look
            box = QMessageBox(QMessageBox.Warning, self.tr("Saved — please check"),
                              "\n\n".join(n.text(self._lang) for n in result.notices), QMessageBox.Ok, self)
            box.finished.connect(lambda _r: self.accept())
            box.open()
            return
        self.accept()
