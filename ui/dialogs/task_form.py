"""Create or edit a task: what, by when, on whose instruction, and who does it.

Choosing the lead or a supporter shows how much that person already carries,
so work is not piled on someone who is already overloaded. Each problem the
core finds is shown under its field, and nothing is saved until all are fixed.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from app import messages
from app.db import Store
from app.domain import (
    PRIORITIES,
    OrgNode,
    PersonLoad,
    front_committee_id,
    get_task,
    load_of,
    organization_tree,
    save_task,
)
from app.errors import InvalidValue
from app.text import format_date
from ui.dialogs.form_dialog import FormDialog
from ui.runtime.errors import field_message
from ui.widgets.person_picker import PersonPicker

WARNING_COLOUR = "#c0392b"
QUIET_COLOUR = "#566573"


def describe_load(load: PersonLoad) -> str:
    """'Đang có 14 việc, 3 quá hạn — đã quá tải': the person's load in a few words."""
    if load.overloaded:
        text = QCoreApplication.translate("TaskLoad", "Has %1 open tasks, %2 overdue — overloaded")
    else:
        text = QCoreApplication.translate("TaskLoad", "Has %1 open tasks (%2 overdue), holds %3 positions")
    return text.replace("%1", str(load.open_tasks)).replace("%2", str(load.overdue)).replace(
        "%3", str(load.positions)
    )


def organization_items(store: Store) -> list[tuple[str, int]]:
    """(indented name, id) of the active organizations in tree order."""
    found: list[tuple[str, int]] = []

    def walk(node: OrgNode, depth: int) -> None:
        found.append(("    " * depth + node.name, node.id))
        for child in node.children:
            walk(child, depth + 1)

    walk(organization_tree(store), 0)
    return found


class TaskForm(FormDialog):
    """``task_id`` None creates a task; otherwise edits that task."""

    TEXT_FIELDS = ("title", "due_on", "source_number", "source_date", "source_issuer")

    def __init__(self, store: Store, runner, lang: str, task_id: int | None = None, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.task_id = task_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New task") if task_id is None else self.tr("Edit task"))
        self.setMinimumWidth(900)
        self.inputs.update({name: QLineEdit() for name in self.TEXT_FIELDS})
        self._captions: dict[str, str] = {}  # field names as this form shows them
        self._caption_labels: list[QLabel] = []
        self.inputs["title"].setPlaceholderText(self.tr("What has to be done"))
        for name in ("due_on", "source_date"):
            self.inputs[name].setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.inputs["source_number"].setPlaceholderText(self.tr("e.g. 45/KH-MTTQ-BTT"))
        detail = QPlainTextEdit()
        detail.setTabChangesFocus(True)
        detail.setFixedHeight(76)
        self.inputs["detail"] = detail
        organization = QComboBox()
        organization.addItem(self.tr("(none)"), None)
        for label, org_id in organization_items(store):
            organization.addItem(label, org_id)
        organization.setMaxVisibleItems(20)
        self.inputs["organization_id"] = organization
        priority = QComboBox()
        names = {"low": self.tr("Low"), "normal": self.tr("Normal"), "high": self.tr("High"),
                 "urgent": self.tr("Urgent")}
        for value in PRIORITIES:
            priority.addItem(names[value], value)
        priority.setCurrentIndex(priority.findData("normal"))
        self.inputs["priority"] = priority

        self.lead = PersonPicker(store)
        self.lead.person_chosen.connect(lambda _pid: self._show_lead_load())
        self.inputs["lead_id"] = self.lead
        self.lead_load = QLabel()
        self.lead_load.setWordWrap(True)
        self.lead_overloaded = False
        self.supporter = PersonPicker(store)
        self.supporter.setPlaceholderText(self.tr("Type a name to add a supporting person"))
        self.supporter.person_chosen.connect(self._add_chosen_supporter)
        self.inputs["support_ids"] = self.supporter
        self.support_list = QListWidget()
        self.support_list.setSelectionMode(QListWidget.ExtendedSelection)
        self.support_list.setMinimumHeight(110)
        self.support_list.setSpacing(3)  # each name with its load line apart from the next
        self.remove_button = QPushButton(self.tr("Remove from supporting"))
        self.remove_button.clicked.connect(self.remove_selected_supporters)
        QShortcut(QKeySequence.Delete, self.support_list, activated=self.remove_selected_supporters,
                  context=Qt.WidgetShortcut)

        task_box = QGroupBox(self.tr("Task"))
        task_form = QFormLayout(task_box)
        self._add_row(task_form, "title", self.tr("Title *"))
        self._add_row(task_form, "detail", self.tr("Details"))
        self._add_row(task_form, "organization_id", self.tr("Organization"))
        self._add_row(task_form, "due_on", self.tr("Due date"))
        self._add_row(task_form, "priority", self.tr("Priority"))
        source_box = QGroupBox(self.tr("Source document"))
        source_form = QFormLayout(source_box)
        self._add_row(source_form, "source_number", self.tr("Number/symbol"))
        self._add_row(source_form, "source_date", self.tr("Date"))
        self._add_row(source_form, "source_issuer", self.tr("Issued by"))
        people_box = QGroupBox(self.tr("People"))
        people = QVBoxLayout(people_box)
        self._captions["lead_id"] = self.tr("Lead (in charge)")
        self._captions["support_ids"] = self.tr("Supporting")
        people.addWidget(QLabel(self._captions["lead_id"]))
        people.addLayout(self.field_box("lead_id", self.lead_load))
        people.addSpacing(8)
        people.addWidget(QLabel(self._captions["support_ids"]))
        people.addLayout(self.field_box("support_ids"))
        people.addWidget(self.support_list, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        people.addLayout(remove_row)

        left = QVBoxLayout()
        left.addWidget(task_box)
        left.addWidget(source_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(people_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.save_buttons())
        if task_id is not None:
            self._fill(task_id)
        else:  # most tasks are the Front committee's own
            organization.setCurrentIndex(max(organization.findData(front_committee_id(store)), 0))
        self._show_lead_load()
        self._update_remove_button()
        self.support_list.itemSelectionChanged.connect(self._update_remove_button)

    def showEvent(self, event) -> None:
        # both groups' fields start at the same place; measured once the final font is known
        widest = max(label.sizeHint().width() for label in self._caption_labels)
        for label in self._caption_labels:
            label.setMinimumWidth(widest)
        super().showEvent(event)

    def _add_row(self, form: QFormLayout, name: str, label: str) -> None:
        self._captions[name] = label.rstrip(" *")
        caption = QLabel(label)
        self._caption_labels.append(caption)
        form.addRow(caption, self.field_box(name))

    # --- filling and reading -------------------------------------------------

    def _fill(self, task_id: int) -> None:
        task = get_task(self._store, task_id)
        for name in self.TEXT_FIELDS:
            value = getattr(task, name)
            self.inputs[name].setText(format_date(value) if name in ("due_on", "source_date") and value
                                      else value or "")
            self.inputs[name].setCursorPosition(0)  # a long title shows its beginning
        self.inputs["detail"].setPlainText(task.detail or "")
        organization: QComboBox = self.inputs["organization_id"]
        if task.organization_id is not None and organization.findData(task.organization_id) < 0:
            organization.addItem(task.organization or "", task.organization_id)  # closed since: keep it
        organization.setCurrentIndex(max(organization.findData(task.organization_id), 0))
        priority: QComboBox = self.inputs["priority"]
        priority.setCurrentIndex(max(priority.findData(task.priority), 0))
        self.lead.set_person(task.lead_id, task.lead or "")
        for person_id, name in task.support:
            self.add_supporter(person_id, name)

    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {name: self.inputs[name].text() for name in self.TEXT_FIELDS}
        raw["detail"] = self.inputs["detail"].toPlainText()
        raw["organization_id"] = self.inputs["organization_id"].currentData()
        raw["priority"] = self.inputs["priority"].currentData()
        return raw

    def supporter_ids(self) -> list[int]:
        return [self.support_list.item(i).data(Qt.UserRole) for i in range(self.support_list.count())]

    # --- people and their load -------------------------------------------------

    def _load(self, person_id: int) -> PersonLoad | None:
        return load_of(self._store, [person_id]).get(person_id)

    def _show_lead_load(self) -> None:
        load = self._load(self.lead.person_id) if self.lead.person_id is not None else None
        self.lead_overloaded = bool(load and load.overloaded)
        if load is None:
            self.lead_load.clear()
            self.lead_load.hide()
            return
        self.lead_load.setText(("⚠ " if load.overloaded else "") + describe_load(load))
        colour = WARNING_COLOUR if load.overloaded else QUIET_COLOUR
        weight = "font-weight: 600;" if load.overloaded else ""
        self.lead_load.setStyleSheet(f"color: {colour}; {weight}")
        self.lead_load.show()

    def _add_chosen_supporter(self, person_id: int | None) -> None:
        if person_id is None:
            return
        self.add_supporter(person_id, self.supporter.text())
        self.supporter.set_person(None)

    def add_supporter(self, person_id: int, full_name: str) -> None:
        if person_id in self.supporter_ids():
            return
        item = QListWidgetItem()
        item.setData(Qt.UserRole, person_id)
        load = self._load(person_id)
        overloaded = bool(load and load.overloaded)
        # two lines: the name stays readable however long the load text is
        item.setText(f"{full_name}\n{'⚠ ' if overloaded else ''}{describe_load(load)}" if load else full_name)
        item.setData(Qt.UserRole + 1, overloaded)
        if overloaded:
            item.setForeground(QBrush(QColor(WARNING_COLOUR)))
        item.setToolTip(item.text())
        self.support_list.addItem(item)
        self._update_remove_button()

    def supporter_overloaded(self, person_id: int) -> bool:
        for i in range(self.support_list.count()):
            item = self.support_list.item(i)
            if item.data(Qt.UserRole) == person_id:
                return bool(item.data(Qt.UserRole + 1))
        raise KeyError(person_id)

    def remove_selected_supporters(self) -> None:
        for item in self.support_list.selectedItems():
            self.support_list.takeItem(self.support_list.row(item))
        self._update_remove_button()

    def _update_remove_button(self) -> None:
        self.remove_button.setEnabled(bool(self.support_list.selectedItems()))

    # --- saving -------------------------------------------------------------

    def problem_text(self, problem: InvalidValue) -> str:
        """The core's words, naming the field as this form labels it (the core's
        field names are shared by every form: "title" is also a position's)."""
        caption = self._captions.get(problem.field)
        if caption is None:
            return field_message(problem, self._lang)
        return messages.text(problem.code, self._lang, **{**problem.params, "field_name": caption})

    def _unchosen_people(self) -> list[tuple[str, str]]:
        """A name typed but never picked from the list is nobody yet: say so."""
        text = self.tr("Choose the person from the suggestions, or clear the box.")
        return [
            (name, text) for name, picker in (("lead_id", self.lead), ("support_ids", self.supporter))
            if picker.text().strip() and picker.person_id is None
        ]

    def save(self) -> None:
        unchosen = self._unchosen_people()
        if unchosen:
            self.show_problems(unchosen)
            return
        raw, lead_id, support_ids, task_id = self.values(), self.lead.person_id, self.supporter_ids(), self.task_id
        self.submit(lambda store: save_task(store, task_id, raw, lead_id=lead_id, support_ids=support_ids))

    def saved(self, task_id: int) -> None:
        self.saved_id = task_id
        self.accept()
