"""Duties page: the commune's recurring duties and the tasks each one made.

Duties are few (tens), and each makes at most one task a period, so both
lists are read whole; the tasks page is where thousands of tasks are browsed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.db import Store
from app.domain import DutyView, TaskFilter, TaskView, generate_tasks, list_duties, list_tasks, period_label, set_active
from app.text import format_date
from ui.dialogs.duty_form import DutyForm, cadence_text, status_name
from ui.runtime.errors import show_error
from ui.runtime.events import keep_current
from ui.widgets.simple_table import GREY, RED, fill_row, make_table, row_id_at, selected_row


class DutiesPage(QWidget):
    """Double-clicking a generated task asks for it to be shown (``task_requested``)."""

    task_requested = Signal(int)

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self._duties: list[DutyView] = []
        title = QLabel(self.tr("Recurring duties"))
        title.setObjectName("pageTitle")
        explain = QLabel(self.tr(
            "A recurring duty makes its task for each period by itself, a few days before the due date, "
            "and gives it to the duty's owner."
        ))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")

        self.add_button = QPushButton(self.tr("Add a duty…"))
        self.add_button.setToolTip(self.tr("Ctrl+N"))
        self.add_button.clicked.connect(self.new_duty)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.edit_duty(self.selected_duty_id()))
        self.active_button = QPushButton(self.tr("Stop"))
        self.active_button.clicked.connect(self.stop_or_resume)
        self.generate_button = QPushButton(self.tr("Create the tasks now"))
        self.generate_button.setToolTip(self.tr(
            "Makes the tasks that are due soon for every active duty. A task is never made twice."
        ))
        self.generate_button.clicked.connect(self.create_tasks_now)
        self.show_stopped = QCheckBox(self.tr("Show stopped duties"))
        self.show_stopped.toggled.connect(lambda _on: self.refresh())
        tools = QHBoxLayout()
        for widget in (self.add_button, self.edit_button, self.active_button, self.generate_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.show_stopped)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #1e8449;")
        self.notice.hide()

        self.count = QLabel()
        self.table = make_table(
            [self.tr("Duty"), self.tr("Organization"), self.tr("Owner"), self.tr("Repeats"),
             self.tr("Next due"), self.tr("Open tasks")],
            (300, 220, 150, 230, 90, 80),
            stretch=0,
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_duty(self.selected_duty_id()))
        self.tasks_title = QLabel()
        self.tasks_title.setObjectName("sectionTitle")
        self.tasks = make_table(
            [self.tr("Period"), self.tr("Due date"), self.tr("Status"), self.tr("Lead")], (220, 100, 220)
        )
        self.tasks.setToolTip(self.tr("Double-click a task to open it."))
        self.tasks.activated.connect(self._task_activated)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.count)
        upper_layout.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.tasks_title)
        lower_layout.addWidget(self.tasks)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(tools)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence.New, self, activated=self.new_duty)
        self.refresh()

    # -- reading ---------------------------------------------------------------
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("duties_changed", "tasks_changed", "people_changed"), self.refresh)

    def refresh(self) -> None:
        keep = self.selected_duty_id()
        self._duties = list_duties(self._store, include_inactive=self.show_stopped.isChecked())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._duties))
        for row, duty in enumerate(self._duties):
            colour = None if duty.active else GREY
            next_due = format_date(duty.next_due) if duty.active else self.tr("Stopped")
            cells = (duty.title, duty.organization, duty.owner or self.tr("(nobody)"),
                     cadence_text(duty.cadence, duty.due_day, duty.due_month), next_due, str(duty.open_tasks))
            fill_row(self.table, row, cells, duty.id, dict.fromkeys(range(6), colour) if colour else None)
        self.table.blockSignals(False)
        if self._duties:
            self.count.setText(self.tr("%Ln duties", "", len(self._duties)))
        else:
            self.count.setText(self.tr("No recurring duties yet. Add the reports the commune sends every "
                                       "month, quarter or year with “Add a duty…”."))
        self.select_duty(keep if keep is not None else (self._duties[0].id if self._duties else None))

    def selected_duty_id(self) -> int | None:
        row = selected_row(self.table)
        return row_id_at(self.table, row) if row is not None else None

    def _duty(self, duty_id: int | None) -> DutyView | None:
        return next((d for d in self._duties if d.id == duty_id), None)

    def select_duty(self, duty_id: int | None) -> None:
        row = next((r for r, d in enumerate(self._duties) if d.id == duty_id), 0 if self._duties else -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self._selection_changed()

    def _selection_changed(self) -> None:
        duty = self._duty(self.selected_duty_id())
        self.edit_button.setEnabled(duty is not None)
        self.active_button.setEnabled(duty is not None)
        self.active_button.setText(self.tr("Resume") if duty is not None and not duty.active else self.tr("Stop"))
        self.active_button.setToolTip(
            self.tr("Make this duty's tasks again from now on.") if duty is not None and not duty.active
            else self.tr("This duty makes no new tasks; the tasks it already made stay.")
        )
        self._show_tasks(duty)

    def _show_tasks(self, duty: DutyView | None) -> None:
        found: list[TaskView] = list_tasks(self._store, TaskFilter(duty_id=duty.id)) if duty else []
        if duty is None:
            self.tasks_title.setText(self.tr("Tasks made by the selected duty"))
        elif not found:
            self.tasks_title.setText(self.tr("“%1” has not made any task yet.").replace("%1", duty.title))
        else:
            self.tasks_title.setText(self.tr("Tasks made by “%1”").replace("%1", duty.title))
        self.tasks.setRowCount(len(found))
        for row, task in enumerate(found):
            status = status_name(task.status)
            if task.overdue:
                status = self.tr("%1, overdue").replace("%1", status)
            cells = (period_label(task.duty_period) if task.duty_period else "", format_date(task.due_on),
                     status, task.lead or self.tr("(nobody)"))
            fill_row(self.tasks, row, cells, task.id, {1: RED, 2: RED} if task.overdue else None)

    def _task_activated(self, index) -> None:
        task_id = row_id_at(self.tasks, index.row())
        if task_id is not None:
            self.task_requested.emit(task_id)

    # -- writing ---------------------------------------------------------------

    def new_duty(self) -> DutyForm:
        return self._open_form(None)

    def edit_duty(self, duty_id: int | None) -> DutyForm | None:
        return self._open_form(duty_id) if duty_id is not None else None

    def _open_form(self, duty_id: int | None) -> DutyForm:
        form = DutyForm(self._store, self._runner, self._lang, duty_id, parent=self)
        form.accepted.connect(lambda: self._saved(form.saved_id))
        form.open()
        return form

    def _saved(self, duty_id: int | None) -> None:
        self.notice.hide()
        self.refresh()
        self.select_duty(duty_id)

    def stop_or_resume(self) -> None:
        duty = self._duty(self.selected_duty_id())
        if duty is None:
            return
        duty_id, resume = duty.id, not duty.active

        def done(_result) -> None:
            if resume:
                text = self.tr("“%1” is running again; press “Create the tasks now” to make what is due.")
            else:
                text = self.tr("“%1” is stopped: it makes no new tasks. The tasks it made stay.")
            self._say(text.replace("%1", duty.title))
            if not resume and not self.show_stopped.isChecked():
                self.show_stopped.setChecked(True)  # keep the stopped duty in sight, to resume it
            self.refresh()
            self.select_duty(duty_id)

        self._runner.submit(lambda store: set_active(store, duty_id, resume), done, self._failed)

    def create_tasks_now(self) -> None:
        self.generate_button.setEnabled(False)
        self._runner.submit(lambda store: generate_tasks(store), self._created, self._failed)

    def _created(self, task_ids: list[int]) -> None:
        self.generate_button.setEnabled(True)
        if task_ids:
            self._say(self.tr("Created %Ln new task(s).", "", len(task_ids)))
        else:
            self._say(self.tr("No new tasks: every task that is due soon has already been made."))
        self.refresh()

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _failed(self, error: BaseException) -> None:
        self.generate_button.setEnabled(True)
        show_error(self, error, self._lang, str(self._store.path))
