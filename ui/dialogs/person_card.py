"""A person at a glance: who they are, where they belong, what they hold, what they carry.

Opened from the roster. Joining and leaving an organization happen here;
editing the person's own fields opens the person form. The person's basis for
processing their data (a consent, or a legal basis) is recorded here too, and
their ethnicity and religion are shown only on request, with a basis and a
purpose, which go to the change log (Law 91/2025/QH15).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app import messages
from app.db import Store
from app.domain import (
    OPEN_STATUSES,
    TaskFilter,
    appointments_of,
    get_person,
    join_organization,
    leave_organization,
    legal_bases_of,
    list_consents,
    list_tasks,
    load_of,
    log_sensitive_view,
    memberships_of,
)
from app.errors import Conflict, InvalidInput, InvalidValue
from app.text import format_date, mask_citizen_id
from ui.dialogs.consent_dialogs import ConsentDialog, LegalBasisDialog, WithdrawDialog, describe_basis
from ui.dialogs.duty_form import status_name
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.dialogs.person_form import PersonForm
from ui.runtime.errors import field_message, show_error
from ui.widgets.organization_choices import fill_organizations
from ui.widgets.simple_table import GREY, RED, fill_row, make_table, row_id_at, selected_row


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class PersonCard(QDialog):
    task_requested = Signal(int)
    person_changed = Signal(int)  # after any write, so the lists behind can refresh

    def __init__(self, store: Store, runner, lang: str, person_id: int, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang, self.person_id = store, runner, lang, person_id
        self.resize(1080, 680)
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.name.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit)
        header = QHBoxLayout()
        header.addWidget(self.name, 1)
        header.addWidget(self.edit_button)

        self.facts: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        captions = (
            ("gender", self.tr("Gender:")), ("birth_date", self.tr("Date of birth:")),
            ("area", self.tr("Residential area:")), ("phone", self.tr("Phone:")),
            ("citizen_id", self.tr("Citizen ID:")), ("status", self.tr("Status:")),
        )
        for i, (key, caption) in enumerate(captions):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.facts[key] = value
            caption_label = QLabel(caption)
            caption_label.setStyleSheet("color: #555;")
            facts.addWidget(caption_label, i % 2, (i // 2) * 2)
            facts.addWidget(value, i % 2, (i // 2) * 2 + 1)
        for column in (1, 3, 5):
            facts.setColumnStretch(column, 1)

        # the basis for processing the person's data, and their sensitive fields on request
        self.basis_label = QLabel()
        self.basis_label.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("Record consent…"))
        self.consent_button.clicked.connect(self.record_consent)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        self.basis_button = QPushButton(self.tr("Legal basis…"))
        self.basis_button.clicked.connect(self.record_basis)
        self.sensitive_button = QPushButton(self.tr("Show ethnicity and religion…"))
        self.sensitive_button.setToolTip(self.tr("Asks why; the view is written to the change log"))
        self.sensitive_button.clicked.connect(lambda: self.show_sensitive())
        self.sensitive_label = QLabel()
        self.sensitive_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.sensitive_label.hide()
        privacy_box = QGroupBox(self.tr("Personal data"))
        inner = QVBoxLayout(privacy_box)
        inner.addWidget(self.basis_label)
        inner.addWidget(self.sensitive_label)
        row = QHBoxLayout()
        for button in (self.consent_button, self.withdraw_button, self.basis_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.sensitive_button)
        inner.addLayout(row)

        self.concurrent_label = QLabel()
        self.concurrent_label.setStyleSheet("color: #1f618d; font-weight: 600;")
        self.positions = make_table(
            [self.tr("Position"), self.tr("Organization"), self.tr("Term"), self.tr("Note")], (110, 150, 150, 90),
            stretch=1,
        )
        positions_box = QGroupBox(self.tr("Positions"))
        inner = QVBoxLayout(positions_box)
        inner.addWidget(self.concurrent_label)
        inner.addWidget(self.positions)

        self.memberships = make_table(
            [self.tr("Organization"), self.tr("Joined"), self.tr("Left")], (230, 90, 110), stretch=0
        )
        self.memberships.itemSelectionChanged.connect(self._membership_selected)
        self.join_button = QPushButton(self.tr("Join an organization…"))
        self.join_button.clicked.connect(self.join)
        self.leave_button = QPushButton(self.tr("Leave…"))
        self.leave_button.clicked.connect(lambda: self.leave())
        self.no_memberships = QLabel(self.tr("Not a member of any organization yet."))
        self.no_memberships.setStyleSheet("color: #555;")
        memberships_box = QGroupBox(self.tr("Organizations"))
        inner = QVBoxLayout(memberships_box)
        inner.addWidget(self.no_memberships)
        inner.addWidget(self.memberships)
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        middle = QHBoxLayout()
        middle.addWidget(positions_box, 1)
        middle.addWidget(memberships_box, 1)

        self.load_label = QLabel()
        self.load_label.setWordWrap(True)
        self.tasks = make_table(
            [self.tr("Task"), self.tr("Role"), self.tr("Due date"), self.tr("Status")], (460, 90, 90, 180), stretch=0
        )
        self.tasks.setToolTip(self.tr("Double-click a task to open it."))
        self.tasks.activated.connect(self._task_activated)
        tasks_box = QGroupBox(self.tr("Open tasks"))
        inner = QVBoxLayout(tasks_box)
        inner.addWidget(self.load_label)
        inner.addWidget(self.tasks)

        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(facts)
        layout.addWidget(privacy_box)
        layout.addLayout(middle, 2)
        layout.addWidget(tasks_box, 3)
        layout.addWidget(close)
        self.reload()

    # -- reading ---------------------------------------------------------------

    def reload(self) -> None:
        person = get_person(self._store, self.person_id)
        self.setWindowTitle(person["full_name"])
        self.name.setText(person["full_name"])
        gender = {"male": self.tr("Male"), "female": self.tr("Female")}.get(person["gender"] or "", "")
        status = {"active": self.tr("Active"), "moved": self.tr("Moved away"), "deceased": self.tr("Deceased")}
        unknown = "—"
        self.facts["gender"].setText(gender or unknown)
        self.facts["birth_date"].setText(format_date(person["birth_date"]) or unknown)
        self.facts["area"].setText(person["area"] or unknown)
        self.facts["phone"].setText(person["phone"] or unknown)
        self.facts["citizen_id"].setText(mask_citizen_id(person["citizen_id"]) or unknown)
        self.facts["status"].setText(status.get(person["status"], person["status"]))
        self._show_basis()
        self._show_positions()
        self._show_memberships()
        self._show_tasks()

    def _show_basis(self) -> None:
        consents = list_consents(self._store, self.person_id)
        text, in_force = describe_basis(consents, legal_bases_of(self._store, self.person_id), self._lang)
        self.basis_label.setText(text)
        self.basis_label.setStyleSheet("" if in_force else "color: #9a6700;")
        self.withdraw_button.setEnabled(any(c.withdrawn_on is None for c in consents))
        self.sensitive_button.setEnabled(in_force)
        if not in_force:
            self.sensitive_label.hide()

    def _show_positions(self) -> None:
        held = appointments_of(self._store, self.person_id)
        current = sum(1 for a in held if a["current"])
        if current > 1:
            self.concurrent_label.setText(self.tr("Concurrent: holds %1 positions now").replace("%1", str(current)))
        elif not held:
            self.concurrent_label.setText(self.tr("Holds no position."))
        else:
            self.concurrent_label.setText("")
        self.concurrent_label.setVisible(bool(self.concurrent_label.text()))
        self.positions.setRowCount(len(held))
        for row, a in enumerate(held):
            notes = []
            if a["current"] and current > 1:
                notes.append(self.tr("concurrent"))
            if a["acting"]:
                notes.append(self.tr("acting"))
            if not a["current"]:
                notes.append(self.tr("ended"))
            end = format_date(a["end_on"]) if a["end_on"] else self.tr("now")
            term = f"{format_date(a['start_on'])} – {end}"
            cells = (a["title"], a["organization"], term, ", ".join(notes))
            fill_row(self.positions, row, cells, a["id"], None if a["current"] else dict.fromkeys(range(4), GREY))

    def _show_memberships(self) -> None:
        self._memberships = memberships_of(self._store, self.person_id)
        self.no_memberships.setVisible(not self._memberships)
        self.memberships.setRowCount(len(self._memberships))
        for row, m in enumerate(self._memberships):
            joined = format_date(m["joined_on"]) or self.tr("(unknown)")
            left = format_date(m["left_on"]) if m["left_on"] else self.tr("still a member")
            grey = dict.fromkeys(range(3), GREY) if m["left_on"] else None
            fill_row(self.memberships, row, (m["organization"], joined, left), m["id"], grey)
        self._membership_selected()

    def _selected_membership(self) -> dict | None:
        row = selected_row(self.memberships)
        return self._memberships[row] if row is not None else None

    def _membership_selected(self) -> None:
        m = self._selected_membership()
        can_leave = m is not None and not m["left_on"]
        self.leave_button.setEnabled(can_leave)
        self.leave_button.setToolTip("" if can_leave else self.tr("Select a current membership in the list first."))

    def _show_tasks(self) -> None:
        found = list_tasks(self._store, TaskFilter(person_id=self.person_id, statuses=OPEN_STATUSES))
        load = load_of(self._store, [self.person_id]).get(self.person_id)
        if load is None or not load.open_tasks:
            self.load_label.setText(self.tr("No open tasks."))
        else:
            text = self.tr("%1 open tasks: leads %2, supports %3; %4 overdue.")
            for mark, value in (("%1", load.open_tasks), ("%2", load.open_lead), ("%3", load.open_support),
                                ("%4", load.overdue)):
                text = text.replace(mark, str(value))
            if load.overloaded:
                text += " " + self.tr("That is a lot: think twice before giving this person more.")
            self.load_label.setText(text)
        self.load_label.setStyleSheet(f"color: {RED.name()};" if load is not None and load.overdue else "")
        self.tasks.setRowCount(len(found))
        for row, task in enumerate(found):
            role = self.tr("Lead") if task.lead_id == self.person_id else self.tr("Supporting")
            status = status_name(task.status)
            if task.overdue:
                status = self.tr("%1, overdue").replace("%1", status)
            colours = {2: RED, 3: RED} if task.overdue else None
            fill_row(self.tasks, row, (task.title, role, format_date(task.due_on), status), task.id, colours)

    def _task_activated(self, index) -> None:
        task_id = row_id_at(self.tasks, index.row())
        if task_id is not None:
            self.task_requested.emit(task_id)
            self.accept()  # the task is shown behind; the card would only hide it

    # -- writing ---------------------------------------------------------------

    def edit(self) -> PersonForm:
        form = PersonForm(self._store, self._runner, self._lang, self.person_id, parent=self)
        form.accepted.connect(self._changed)
        form.open()
        return form

    def join(self) -> "JoinDialog":
        dialog = JoinDialog(self._store, self._runner, self._lang, self.person_id, parent=self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def leave(self, membership_id: int | None = None) -> "LeaveDialog | None":
        m = self._selected_membership() if membership_id is None else next(
            (m for m in self._memberships if m["id"] == membership_id), None
        )
        if m is None or m["left_on"]:
            return None
        dialog = LeaveDialog(self._store, self._runner, self._lang, m, parent=self)
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.reload()
        self.person_changed.emit(self.person_id)

    def _person_name(self) -> str:
        return self.name.text()

    def record_consent(self) -> ConsentDialog:
        return self._open(ConsentDialog(self._store, self._runner, self._lang, self.person_id, self._person_name(),
                                        parent=self))

    def withdraw_consent(self) -> WithdrawDialog:
        return self._open(WithdrawDialog(self._store, self._runner, self._lang, self.person_id,
                                         self._person_name(), parent=self))

    def record_basis(self) -> LegalBasisDialog:
        return self._open(LegalBasisDialog(self._store, self._runner, self._lang, self.person_id,
                                           self._person_name(), parent=self))

    def _open(self, dialog):
        dialog.accepted.connect(self._changed)
        dialog.open()
        return dialog

    def show_sensitive(self, purpose: str | None = None) -> None:
        """Ethnicity and religion, once the person using the app says why (written to the change log)."""
        if purpose is None:
            purpose, ok = QInputDialog.getText(self, self.tr("Why?"), self.tr(
                "Ethnicity and religion are sensitive data. Why do you need to see them? (written to the change "
                "log)"))
            if not ok:
                return
        person_id = self.person_id

        def shown(_result) -> None:
            person = get_person(self._store, person_id)
            unknown = "—"
            self.sensitive_label.setText(self.tr("Ethnicity: %1 · Religion: %2").replace(
                "%1", person["ethnicity"] or unknown).replace("%2", person["religion"] or unknown))
            self.sensitive_label.show()

        self._runner.submit(lambda store: log_sensitive_view(store, person_id, purpose), shown,
                            lambda error: show_error(self, error, self._lang, str(self._store.path)))


class _SmallForm(QDialog):
    """A one-or-two-field dialog that writes through the runner and shows problems under fields."""

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def add_field(self, name: str, caption: str, widget) -> None:
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        self.errors[name] = _error_label()
        box.addWidget(self.errors[name])
        self.form.addRow(caption, box)

    def show_problem(self, field: str, text: str) -> None:
        for name, label in self.errors.items():
            label.setText(text if name == field else "")
            label.setVisible(name == field)
        self.adjustSize()  # grow to fit the message, which may wrap

    def submit(self, operation) -> None:
        self.save_button.setEnabled(False)
        self._runner.submit(operation, self._saved, self._failed)

    def _saved(self, _result) -> None:
        self.save_button.setEnabled(True)
        self.accept()

    def conflict_field(self) -> str:
        return next(iter(self.errors))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidInput) and error.problems:
            error = error.problems[0]
        if isinstance(error, InvalidValue) and error.field in self.errors:
            self.show_problem(error.field, field_message(error, self._lang))
        elif isinstance(error, Conflict):
            self.show_problem(self.conflict_field(), messages.describe(error, self._lang))
        else:
            show_error(self, error, self._lang, str(self._store.path))


class JoinDialog(_SmallForm):
    def __init__(self, store: Store, runner, lang: str, person_id: int, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.person_id = person_id
        self.setWindowTitle(self.tr("Join an organization"))
        self.organization = QComboBox()
        fill_organizations(self.organization, store)
        self.joined_on = QLineEdit(format_date(store.today()))
        self.joined_on.setPlaceholderText(self.tr("dd/mm/yyyy — empty if not known"))
        self.add_field("organization", self.tr("Organization"), self.organization)
        self.add_field("joined_on", self.tr("Joined on"), self.joined_on)

    def save(self) -> None:
        person_id, org_id, joined = self.person_id, self.organization.currentData(), self.joined_on.text()
        self.submit(lambda store: join_organization(store, person_id, org_id, joined_on=joined))


class LeaveDialog(_SmallForm):
    def __init__(self, store: Store, runner, lang: str, membership: dict, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.membership_id = membership["id"]
        self.setWindowTitle(self.tr("Leave %1").replace("%1", membership["organization"]))
        organization = QLabel(membership["organization"])
        organization.setStyleSheet("font-weight: 600;")
        what = QLabel(self.tr("The membership stays in the history with the day it ended."))
        what.setWordWrap(True)
        self.form.addRow(organization)
        self.form.addRow(what)
        self.left_on = QLineEdit(format_date(store.today()))
        self.left_on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.add_field("left_on", self.tr("Left on"), self.left_on)

    def save(self) -> None:
        membership_id, left = self.membership_id, self.left_on.text()
        self.submit(lambda store: leave_organization(store, membership_id, left_on=left))
