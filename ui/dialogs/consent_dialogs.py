"""A person's consent to the processing of their data, and the alternatives
(Law 91/2025/QH15): record a consent (how, when, for what, with the scanned
form if there is one), withdraw it, or record a legal basis that needs no
consent. Opened from the person's card; each problem is said under its field.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from app.db import Store
from app.domain import privacy_word, record_consent, record_legal_basis, withdraw_consent
from app.text import format_date
from ui.dialogs.form_dialog import HINT_STYLE, FormDialog
from ui.dialogs.petition_form import date_box, text_box
from ui.dialogs.privacy_forms import privacy_choices


class ConsentDialog(FormDialog):
    def __init__(self, store: Store, runner, lang: str, person_id: int, person_name: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Consent of %1").replace("%1", person_name))
        self.setMinimumWidth(560)
        self.inputs["method"] = privacy_choices(QComboBox(), "consent_method", lang)
        self.inputs["given_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        self.inputs["scope"] = text_box(60)
        self.inputs["scope"].setPlainText(self.tr("Keeping and using my personal data in the list of members of "
                                                  "the Front and its organizations, and in reports to the province"))
        self.inputs["evidence"] = QLineEdit()
        self.inputs["evidence"].setPlaceholderText(self.tr("The scanned form, if there is one (PDF or picture)"))
        browse = QPushButton(self.tr("Choose a file…"))
        browse.clicked.connect(self.browse)
        evidence = QHBoxLayout()
        evidence.addLayout(self.field_box("evidence"), 1)
        evidence.addWidget(browse)
        hint = QLabel(self.tr("A consent is valid when it is given freely and the person knows what data, for "
                              "what purpose, who processes it and their rights (Law 91/2025/QH15, Article 9)."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("How it was given *"), self.field_box("method"))
        form.addRow(self.tr("Given on *"), self.field_box("given_on"))
        form.addRow(self.tr("For what *"), self.field_box("scope"))
        form.addRow(self.tr("Scanned form"), evidence)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("The scanned consent form"), "",
                                                      self.tr("Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"))
        if chosen:
            self.inputs["evidence"].setText(chosen)

    def save(self) -> None:
        person_id, method = self.person_id, self.inputs["method"].currentData()
        on, scope = self.inputs["given_on"].text(), self.inputs["scope"].toPlainText()
        evidence = Path(self.inputs["evidence"].text().strip()) if self.inputs["evidence"].text().strip() else None
        self.submit(lambda store: record_consent(store, person_id, method=method, on=on, scope=scope,
                                                 evidence=evidence))


class WithdrawDialog(FormDialog):
    """Every consent of the person still in force, withdrawn on a day."""

    def __init__(self, store: Store, runner, lang: str, person_id: int, person_name: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Withdrawal of consent: %1").replace("%1", person_name))
        self.inputs["withdrawn_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        hint = QLabel(self.tr("From this day the person's ethnicity and religion are no longer shown or exported, "
                              "unless a legal basis is recorded."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Withdrawn on *"), self.field_box("withdrawn_on"))
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        person_id, on = self.person_id, self.inputs["withdrawn_on"].text()
        self.submit(lambda store: withdraw_consent(store, person_id, on=on))


class LegalBasisDialog(FormDialog):
    """A legal basis for processing the person's data without consent."""

    def __init__(self, store: Store, runner, lang: str, person_id: int, person_name: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Legal basis: %1").replace("%1", person_name))
        self.setMinimumWidth(520)
        self.inputs["basis"] = text_box(60)
        self.inputs["basis"].setPlaceholderText(self.tr("The article of the law, or the Front's charter, that "
                                                        "allows it without consent"))
        self.inputs["recorded_on"] = date_box(self.tr("dd/mm/yyyy"), store.today().isoformat())
        form = QFormLayout()
        form.addRow(self.tr("Legal basis *"), self.field_box("basis"))
        form.addRow(self.tr("In force from"), self.field_box("recorded_on"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_buttons())

    def save(self) -> None:
        person_id, basis, on = self.person_id, self.inputs["basis"].toPlainText(), self.inputs["recorded_on"].text()
        self.submit(lambda store: record_legal_basis(store, person_id, basis=basis, on=on))


def _t(text: str) -> str:
    return QCoreApplication.translate("PersonPrivacy", text)


def describe_basis(consents: list, bases: list, lang: str) -> tuple[str, bool]:
    """The person's basis for processing in a line, and whether one is in force."""
    in_force = [c for c in consents if c.withdrawn_on is None]
    bases_in_force = [b for b in bases if b.ended_on is None]
    if in_force:
        c = in_force[-1]
        text = _t("Consent: %1, %2 — %3").replace("%1", privacy_word("consent_method", c.method, lang)).replace(
            "%2", format_date(c.given_on)).replace("%3", c.scope)
        if c.evidence_sha256:
            text += " " + _t("(scanned form kept)")
        return text, True
    if bases_in_force:
        return _t("Legal basis: %1").replace("%1", bases_in_force[-1].basis), True
    if consents:
        return _t("Consent withdrawn on %1: ethnicity and religion are not shown").replace(
            "%1", format_date(consents[-1].withdrawn_on)), False
    return _t("No consent or legal basis recorded: ethnicity and religion are not shown or exported"), False
