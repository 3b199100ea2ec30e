"""Dữ liệu cá nhân: what the commune must be able to show under the Law on
Personal Data Protection (91/2025/QH15) — the requests of data subjects with
their legal deadlines, the incidents with their 72-hour notification, the
consents recorded, and the impact-assessment draft made from the data held.
Registers of tens of rows: read whole into small tables."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from app.db import Store
from app.domain import (
    acknowledge_request, close_incident, get_commune, list_consents, list_incidents, list_requests, privacy_word,
    write_notification_letter,
)
from app.reports import write_assessment
from app.sending import complete_erasure_request
from app.text import format_date, format_moment
from ui.dialogs.privacy_forms import ExtendDialog, IncidentForm, NotifiedDialog, RequestForm
from ui.runtime.errors import show_error
from ui.runtime.events import keep_current
from ui.widgets.file_result import FileResult, OpenUrl, documents_folder, with_xlsx_suffix
from ui.widgets.simple_table import GREY, RED, fill_row, make_table, row_id_at, selected_row

EVENTS = ("privacy_changed", "people_changed")



class _Register(QWidget):
    """A small register: a table, a row of buttons, and writes through the runner."""

    def __init__(self, store: Store, runner, lang: str, headers: list[str], widths: tuple[int, ...],
                 stretch: int) -> None:
        super().__init__()
        self._store, self._runner, self._lang = store, runner, lang
        self.table = make_table(headers, widths, stretch=stretch)
        self.buttons = QHBoxLayout()
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        top.addLayout(self.buttons)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self.update_buttons)

    def chosen_id(self) -> int | None:
        row = selected_row(self.table)
        return row_id_at(self.table, row) if row is not None else None

    def choose(self, row_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            if row_id_at(self.table, row) == row_id:
                self.table.selectRow(row)
                return

    def run(self, operation, then=None) -> None:
        def done(result) -> None:
            chosen = self.chosen_id()
            self.refresh()
            self.choose(chosen)
            if then is not None:
                then(result)

        self._runner.submit(operation, done, lambda error: show_error(self, error, self._lang, str(self._store.path)))

    def opened(self, dialog) -> QWidget:
        dialog.accepted.connect(lambda: (self.refresh(), self.choose(getattr(dialog, "saved_id", None))))
        dialog.open()
        return dialog

    def refresh(self) -> None:  # pragma: no cover - each register says
        raise NotImplementedError

    def update_buttons(self) -> None:
        """Enable what fits the chosen row."""


class RequestsTab(_Register):
    def __init__(self, store: Store, runner, lang: str) -> None:
        super().__init__(store, runner, lang, [
            self.tr("Received"), self.tr("Requested by"), self.tr("Request"), self.tr("Answer by"),
            self.tr("Complete by"), self.tr("Status")], (90, 240, 170, 100, 110, 300), stretch=5)
        self.new_button = QPushButton(self.tr("New request…"))
        self.ack_button = QPushButton(self.tr("Answered today"))
        self.ack_button.setToolTip(self.tr("The person was told the request was received and will be dealt with"))
        self.extend_button = QPushButton(self.tr("More time…"))
        self.extend_button.setToolTip(self.tr("Extend the time to complete, once, by at most 15 days"))
        self.done_button = QPushButton(self.tr("Done…"))
        for button in (self.new_button, self.ack_button, self.extend_button, self.done_button):
            self.buttons.addWidget(button)
        self.new_button.clicked.connect(self.new_request)
        self.ack_button.clicked.connect(lambda: self.acknowledge(self.chosen_id()))
        self.extend_button.clicked.connect(lambda: self.extend(self.chosen_id()))
        self.done_button.clicked.connect(lambda: self.complete(self.chosen_id()))
        self.refresh()

    def refresh(self) -> None:
        self.requests = {r.id: r for r in list_requests(self._store)}
        ordered = sorted(self.requests.values(), key=lambda r: (not r.open, not r.overdue, r.complete_by, -r.id))
        self.table.setRowCount(len(ordered))
        for row, r in enumerate(ordered):
            if r.completed_on:
                status, colours = self.tr("Done on %1").replace("%1", format_date(r.completed_on)), {5: GREY}
            elif r.overdue:
                status, colours = self.tr("Overdue"), {3: RED, 4: RED, 5: RED}
            elif r.acknowledged_on:
                status, colours = self.tr("Answered on %1").replace("%1", format_date(r.acknowledged_on)), None
            else:
                status, colours = self.tr("Received, not yet answered"), None
            if r.extended_days and r.open:
                status += " · " + self.tr("%1 more days").replace("%1", str(r.extended_days))
            fill_row(self.table, row, (
                format_date(r.received_on), r.requester, privacy_word("request_kind", r.kind, self._lang),
                format_date(r.acknowledge_by) if r.acknowledge_by and not r.acknowledged_on else "",
                format_date(r.complete_by) if r.open else "", status), r.id, colours)
            if r.extended_days:
                self.table.item(row, 5).setToolTip(self.tr("Extended on %1 by %2 days (was due %3): %4").replace(
                    "%1", format_date(r.extended_on)).replace("%2", str(r.extended_days)).replace(
                    "%3", format_date(r.first_complete_by)).replace("%4", r.extension_reason or ""))
        overdue = sum(1 for r in ordered if r.overdue)
        self.count.setText(self.tr("%1 open, %2 overdue").replace(
            "%1", str(sum(1 for r in ordered if r.open))).replace("%2", str(overdue)))
        self.update_buttons()

    def update_buttons(self) -> None:
        chosen = self.requests.get(self.chosen_id())
        self.ack_button.setEnabled(chosen is not None and chosen.open and not chosen.acknowledged_on)
        self.done_button.setEnabled(chosen is not None and chosen.open)
        self.extend_button.setEnabled(chosen is not None and chosen.open and not chosen.extended_days)

    def new_request(self) -> RequestForm:
        return self.opened(RequestForm(self._store, self._runner, self._lang, parent=self))

    def extend(self, request_id: int | None) -> ExtendDialog | None:
        r = self.requests.get(request_id)
        if r is None or not r.open or r.extended_days:
            return None
        return self.opened(ExtendDialog(self._store, self._runner, self._lang, r, parent=self))

    def acknowledge(self, request_id: int | None) -> None:
        if request_id is not None:
            self.run(lambda store: acknowledge_request(store, request_id))

    def complete(self, request_id: int | None) -> bool:
        """Mark done today; an erasure request erases the person everywhere first, after asking."""
        r = self.requests.get(request_id)
        if r is None or not r.open:
            return False
        if r.kind == "erasure" and r.person_id is not None:
            text = self.tr("Erase %1 from this commune's data now? Their name, citizen ID, phone and notes "
                           "are removed everywhere, reports waiting to be sent included. This cannot be undone.")
            if QMessageBox.question(self, self.tr("Erase on request"), text.replace("%1", r.requester),
                                    QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
                return False
        self.run(lambda store: complete_erasure_request(store, r.id))
        return True


class IncidentsTab(_Register):
    def __init__(self, store: Store, runner, lang: str, documents: Path) -> None:
        super().__init__(store, runner, lang, [
            self.tr("Discovered"), self.tr("Kind"), self.tr("What happened"), self.tr("People"),
            self.tr("Notify by"), self.tr("Status")], (130, 190, 300, 60, 130, 210), stretch=2)
        self._documents = documents
        self.letter_path: Path | None = None
        self.new_button = QPushButton(self.tr("New incident…"))
        self.notified_button = QPushButton(self.tr("Notified…"))
        self.letter_button = QPushButton(self.tr("Notification letter…"))
        self.close_button = QPushButton(self.tr("Closed"))
        for button in (self.new_button, self.notified_button, self.letter_button, self.close_button):
            self.buttons.addWidget(button)
        self.new_button.clicked.connect(self.new_incident)
        self.notified_button.clicked.connect(lambda: self.notified(self.chosen_id()))
        self.letter_button.clicked.connect(lambda: self.save_letter(self.chosen_id()))
        self.close_button.clicked.connect(lambda: self.close_incident(self.chosen_id()))
        self.refresh()

    def refresh(self) -> None:
        self.incidents = {i.id: i for i in list_incidents(self._store, now=self._store.clock.now())}
        ordered = sorted(self.incidents.values(), key=lambda i: (i.closed_on is not None, not i.overdue, -i.id))
        self.table.setRowCount(len(ordered))
        for row, i in enumerate(ordered):
            if i.closed_on:
                status, colours = self.tr("Closed on %1").replace("%1", format_date(i.closed_on)), {5: GREY}
            elif i.notified_at:
                status, colours = self.tr("Notified %1").replace("%1", format_moment(i.notified_at)), None
            elif i.overdue:
                status, colours = self.tr("Not notified: the 72 hours have passed"), {4: RED, 5: RED}
            else:
                status, colours = self.tr("To notify"), None
            fill_row(self.table, row, (
                format_moment(i.discovered_at), privacy_word("incident_kind", i.kind, self._lang), i.what,
                "" if i.people_affected is None else str(i.people_affected),
                format_moment(i.notify_by) if not i.notified_at else "", status), i.id, colours)
        self.count.setText(self.tr("%1 incident(s), %2 not notified in time").replace(
            "%1", str(len(ordered))).replace("%2", str(sum(1 for i in ordered if i.overdue))))
        self.update_buttons()

    def update_buttons(self) -> None:
        chosen = self.incidents.get(self.chosen_id())
        self.notified_button.setEnabled(chosen is not None and not chosen.notified_at)
        self.letter_button.setEnabled(chosen is not None)
        self.close_button.setEnabled(chosen is not None and chosen.closed_on is None)

    def new_incident(self) -> IncidentForm:
        return self.opened(IncidentForm(self._store, self._runner, self._lang, parent=self))

    def notified(self, incident_id: int | None) -> NotifiedDialog | None:
        if incident_id is None:
            return None
        return self.opened(NotifiedDialog(self._store, self._runner, self._lang, incident_id, parent=self))

    def close_incident(self, incident_id: int | None) -> None:
        if incident_id is not None:
            self.run(lambda store: close_incident(store, incident_id))

    def save_letter(self, incident_id: int | None, path: Path | None = None) -> None:
        """The prefilled notification letter, as a text file to print or send."""
        if incident_id is None:
            return
        if path is None:
            suggested = self._documents / f"thong-bao-su-co-{incident_id}.txt"
            chosen, _f = QFileDialog.getSaveFileName(self, self.tr("Save the letter"), str(suggested),
                                                     self.tr("Text (*.txt)"))
            if not chosen:
                return
            path = Path(chosen)

        def saved(result) -> None:
            self.letter_path = result

        self.run(lambda store: write_notification_letter(store, incident_id, path), saved)


class ConsentsTab(_Register):
    person_requested = Signal(int)

    def __init__(self, store: Store, runner, lang: str) -> None:
        super().__init__(store, runner, lang, [
            self.tr("Person"), self.tr("How"), self.tr("Given on"), self.tr("For what"), self.tr("Withdrawn"),
            self.tr("Scanned form")], (200, 170, 90, 300, 90, 110), stretch=3)
        self.person_button = QPushButton(self.tr("Open the person's card"))
        self.person_button.setToolTip(self.tr("Consents are recorded and withdrawn on the person's card"))
        self.buttons.addWidget(self.person_button)
        self.person_button.clicked.connect(self._open_person)
        self.table.activated.connect(lambda _index: self._open_person())
        self.refresh()

    def refresh(self) -> None:
        consents = list_consents(self._store)
        self.people = {c.id: c.person_id for c in consents}
        self.table.setRowCount(len(consents))
        for row, c in enumerate(consents):
            fill_row(self.table, row, (
                c.person, privacy_word("consent_method", c.method, self._lang), format_date(c.given_on), c.scope,
                format_date(c.withdrawn_on) if c.withdrawn_on else "",
                self.tr("kept") if c.evidence_sha256 else ""), c.id, {4: GREY} if c.withdrawn_on else None)
        in_force = sum(1 for c in consents if c.withdrawn_on is None)
        self.count.setText(self.tr("%1 consent(s) in force").replace("%1", str(in_force)))
        self.update_buttons()

    def update_buttons(self) -> None:
        self.person_button.setEnabled(self.chosen_id() is not None)

    def _open_person(self) -> None:
        person_id = self.people.get(self.chosen_id())
        if person_id is not None:
            self.person_requested.emit(person_id)


class PrivacyPage(QWidget):
    person_requested = Signal(int)

    def __init__(self, store: Store, runner, lang: str, *, documents: Path | None = None,
                 open_url: OpenUrl | None = None, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self._documents = documents or documents_folder()
        title = QLabel(self.tr("Personal data"))
        title.setObjectName("pageTitle")
        explain = QLabel(self.tr(
            "What the commune must be able to show under the Law on Personal Data Protection (91/2025/QH15): "
            "people's requests and their deadlines, incidents and their notification, consents, and the "
            "impact assessment. What is stored and what leaves this computer: docs/PRIVACY.md."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        self.requests = RequestsTab(store, runner, lang)
        self.incidents = IncidentsTab(store, runner, lang, self._documents)
        self.consents = ConsentsTab(store, runner, lang)
        self.consents.person_requested.connect(self.person_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.requests, self.tr("Requests"))
        self.tabs.addTab(self.incidents, self.tr("Incidents"))
        self.tabs.addTab(self.consents, self.tr("Consents"))
        self.assessment_button = QPushButton(self.tr("Impact assessment draft…"))
        self.assessment_button.setToolTip(self.tr(
            "An Excel draft of the hồ sơ đánh giá tác động, made from what this database holds, to complete and "
            "sign"))
        self.assessment_button.clicked.connect(lambda: self.save_assessment())
        self.result = FileResult(open_url)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.assessment_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explain)
        layout.addWidget(self.result)
        layout.addWidget(self.tabs, 1)
        keep_current(self, store.path, EVENTS, self.refresh)

    def refresh(self) -> None:
        for tab in (self.requests, self.incidents, self.consents):
            tab.refresh()

    def show_view(self, state: str) -> None:
        """'requests', 'incidents' or 'consents'."""
        tab = {"requests": self.requests, "incidents": self.incidents, "consents": self.consents}.get(state)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def save_assessment(self, path: Path | None = None) -> None:
        if path is None:
            suggested = self._documents / f"danh-gia-tac-dong-{get_commune(self._store).code}.xlsx"
            chosen, _f = QFileDialog.getSaveFileName(self, self.tr("Save the impact assessment draft"),
                                                     str(suggested), self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return
            path = with_xlsx_suffix(chosen)
        self.result.clear()
        self._runner.run_long(
            self, self.tr("Impact assessment draft"), lambda store, _progress: write_assessment(store, path),
            lambda written: self.result.show_file(self.tr(
                "The draft is saved: complete the “……” lines, then print and sign it."), written),
            lambda error: show_error(self, error, self._lang, str(self._store.path)), uses="read", lang=self._lang)
