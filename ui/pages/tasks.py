"""Tasks page: the commune's tasks, filtered the ways an official asks for
them ("what is overdue", "what is mine", "what does Mrs Lan carry"), and
moved along (start, done, cancel, reopen) without opening each one."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.domain import (
    OPEN_STATUSES,
    TaskFilter,
    TaskView,
    get_person,
    my_person_id,
    set_statuses,
    task_ids,
    task_organizations,
)
from ui.dialogs.task_form import TaskForm
from ui.dialogs.who_are_you import WhoAreYouDialog
from ui.models.tasks_model import TasksModel
from ui.runtime.errors import show_error
from ui.runtime.events import keep_current
from ui.widgets.person_picker import PersonPicker
from ui.widgets.task_status import CompletionDialog, movable

SEARCH_DELAY_MS = 120  # wait for a pause in typing, not for every key
# The Overview card counts today and the six days after it: the same here.
DUE_WEEK_DAYS = 6
STATUS_CHOICES = {"open": OPEN_STATUSES, "done": ("done",), "cancelled": ("cancelled",), "all": None}


class TasksPage(QWidget):
    person_requested = Signal(int)

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.who_dialog: WhoAreYouDialog | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search in task titles — no accents needed"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        for label, value in ((self.tr("Open"), "open"), (self.tr("Done"), "done"),
                             (self.tr("Cancelled"), "cancelled"), (self.tr("All"), "all")):
            self.status.addItem(label, value)
        self.organization = QComboBox()
        self.organization.setMinimumContentsLength(22)
        self.organization.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.mine = QCheckBox(self.tr("Mine"))
        self.mine.setToolTip(self.tr("Tasks you lead or support"))
        self.not_me = QPushButton(self.tr("Not you?"))
        self.not_me.setFlat(True)
        self.not_me.setCursor(Qt.PointingHandCursor)
        self.not_me.setStyleSheet("color: #1f618d; text-decoration: underline;")
        self.not_me.hide()
        self.overdue = QCheckBox(self.tr("Overdue"))
        self.due_week = QCheckBox(self.tr("Due in the next 7 days"))
        self.person = PersonPicker(store, active_only=False)
        self.person.setPlaceholderText(self.tr("Anyone — type a name"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.new_button = QPushButton(self.tr("New task…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.count = QLabel()
        self.start_button = QPushButton(self.tr("Start"))
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setToolTip(self.tr("Ctrl+D — completed today"))
        self.cancel_button = QPushButton(self.tr("Cancel task"))
        self.reopen_button = QPushButton(self.tr("Reopen"))

        self.model = TasksModel(store, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideMiddle)  # "Giao ban … — tuần 48/2026": the period stays in sight
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column, width in ((1, 150), (2, 150), (3, 190), (4, 85), (5, 170)):
            self.table.setColumnWidth(column, width)

        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addWidget(QLabel(self.tr("Status:")))
        first.addWidget(self.status)
        first.addWidget(QLabel(self.tr("Organization:")))
        first.addWidget(self.organization, 2)
        first.addWidget(self.new_button)
        second = QHBoxLayout()
        second.addWidget(self.mine)
        second.addWidget(self.not_me)
        second.addSpacing(12)
        second.addWidget(self.overdue)
        second.addSpacing(12)
        second.addWidget(self.due_week)
        second.addSpacing(12)
        second.addWidget(QLabel(self.tr("Person:")))
        second.addWidget(self.person, 1)
        second.addWidget(self.clear_button)
        third = QHBoxLayout()
        third.addWidget(self.count)
        third.addStretch(1)
        for button in (self.start_button, self.done_button, self.cancel_button, self.reopen_button):
            third.addWidget(button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Tasks"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addLayout(third)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.organization.currentIndexChanged.connect(lambda _i: self.refresh())
        self.mine.toggled.connect(self._mine_toggled)
        self.not_me.clicked.connect(self.ask_who_i_am)
        self.overdue.toggled.connect(lambda on: self._when_toggled(self.overdue, on))
        self.due_week.toggled.connect(lambda on: self._when_toggled(self.due_week, on))
        self.person.person_chosen.connect(self._person_chosen)
        self.clear_button.clicked.connect(lambda: self.show_filter("open"))
        self.new_button.clicked.connect(self.new_task)
        self.start_button.clicked.connect(lambda: self.change_status("in_progress"))
        self.done_button.clicked.connect(self.mark_done)
        self.cancel_button.clicked.connect(lambda: self.change_status("cancelled"))
        self.reopen_button.clicked.connect(lambda: self.change_status("todo"))
        self.table.doubleClicked.connect(lambda index: self._edit_row(index.row()))
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        for key in (Qt.Key_Return, Qt.Key_Enter):
            QShortcut(QKeySequence(key), self.table, activated=self._edit_current, context=Qt.WidgetShortcut)
        QShortcut(QKeySequence.New, self, activated=self.new_task)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self.mark_done)
        QShortcut(QKeySequence.Find, self, activated=self.focus_search)
        self.reload_organizations()
        self.refresh()

    # --- filters ---------------------------------------------------------------
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("tasks_changed", "people_changed", "organizations_changed"), self.refresh)

    def current_filter(self) -> TaskFilter:
        person_id = my_person_id(self._store) if self.mine.isChecked() else self.person.person_id
        return TaskFilter(
            statuses=STATUS_CHOICES[self.status.currentData()],
            person_id=person_id,
            organization_id=self.organization.currentData(),
            overdue=self.overdue.isChecked(),
            due_within_days=DUE_WEEK_DAYS if self.due_week.isChecked() else None,
            text=self.search.text().strip() or None,
        )

    def refresh(self) -> None:
        """Read the list again with the filters as they are (when the page is shown, after a change)."""
        self._timer.stop()
        selected = self.selected_ids()
        self.reload_organizations()
        if self.mine.isChecked() and my_person_id(self._store) is None:
            self.model.set_ids([])  # nobody to show the tasks of until the user says who they are
        else:
            self.model.set_ids(task_ids(self._store, self.current_filter()))
        self.count.setText(self.tr("%Ln task(s)", "", self.model.rowCount()))
        self.select_ids(selected)
        self._update_buttons()

    def reload_organizations(self) -> None:
        current = self.organization.currentData()
        self.organization.blockSignals(True)
        self.organization.clear()
        self.organization.addItem(self.tr("All organizations"), None)
        for org_id, name in task_organizations(self._store):
            self.organization.addItem(name, org_id)
        self.organization.setCurrentIndex(max(self.organization.findData(current), 0))
        self.organization.blockSignals(False)

    def _reset_filters(self) -> None:
        for widget in (self.search, self.status, self.organization, self.mine, self.overdue, self.due_week,
                       self.person):
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(self.status.findData("open"))
        self.organization.setCurrentIndex(0)
        self.mine.setChecked(False)
        self.not_me.hide()
        self.overdue.setChecked(False)
        self.due_week.setChecked(False)
        self.person.set_person(None)
        for widget in (self.search, self.status, self.organization, self.mine, self.overdue, self.due_week,
                       self.person):
            widget.blockSignals(False)

    def show_filter(self, name: str) -> None:
        """One of the usual views: "overdue", "due_week", "mine" or "open" (all other filters cleared)."""
        self._reset_filters()
        if name == "overdue":
            self.overdue.setChecked(True)
        elif name == "due_week":
            self.due_week.setChecked(True)
        elif name == "mine":
            self.mine.setChecked(True)
            return  # its toggle refreshes, or asks who the user is first
        self.refresh()

    def show_person(self, person_id: int) -> None:
        """The open tasks this person leads or supports."""
        self._reset_filters()
        self.person.set_person(person_id, get_person(self._store, person_id)["full_name"])
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _when_toggled(self, box: QCheckBox, on: bool) -> None:
        if on:
            # overdue and due this week cannot both hold; both are about open work
            other = self.due_week if box is self.overdue else self.overdue
            for widget in (other, self.status):
                widget.blockSignals(True)
            other.setChecked(False)
            if self.status.currentData() in ("done", "cancelled"):
                self.status.setCurrentIndex(self.status.findData("open"))
            for widget in (other, self.status):
                widget.blockSignals(False)
        self.refresh()

    def _person_chosen(self, person_id: int | None) -> None:
        if person_id is not None and self.mine.isChecked():
            self.mine.blockSignals(True)
            self.mine.setChecked(False)
            self.mine.blockSignals(False)
            self.not_me.hide()
        self.refresh()

    def _mine_toggled(self, on: bool) -> None:
        if on:
            self.person.blockSignals(True)
            self.person.set_person(None)
            self.person.blockSignals(False)
            if my_person_id(self._store) is None:
                self.ask_who_i_am()
        self._show_me()
        self.refresh()

    def _show_me(self) -> None:
        me = my_person_id(self._store) if self.mine.isChecked() else None
        self.not_me.setVisible(me is not None)
        if me is not None:
            name = get_person(self._store, me)["full_name"]
            self.mine.setToolTip(self.tr("Tasks that %1 leads or supports").replace("%1", name))

    def ask_who_i_am(self) -> WhoAreYouDialog:
        """Link the app's user to a person on the roster (for "Mine")."""
        dialog = WhoAreYouDialog(self._store, self._runner, self._lang, parent=self)
        dialog.accepted.connect(self._me_chosen)
        dialog.rejected.connect(self._me_not_chosen)
        self.who_dialog = dialog
        dialog.open()
        return dialog

    def _me_chosen(self) -> None:
        self._show_me()
        self.refresh()

    def _me_not_chosen(self) -> None:
        if my_person_id(self._store) is None and self.mine.isChecked():
            self.mine.setChecked(False)  # refreshes through its toggle

    # --- selection and status ---------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.task_id(r) for r in rows) if i is not None]

    def selected_tasks(self) -> list[TaskView]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [t for t in (self.model.task(r) for r in rows) if t is not None]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
        if rows:
            selection.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.NoUpdate)
            self.table.scrollTo(self.model.index(rows[0], 0))
        for row in rows:
            selection.select(self.model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)

    def _update_buttons(self) -> None:
        tasks = self.selected_tasks()
        for button, status in ((self.start_button, "in_progress"), (self.done_button, "done"),
                               (self.cancel_button, "cancelled"), (self.reopen_button, "todo")):
            button.setEnabled(bool(movable(tasks, status)))

    def change_status(self, status: str) -> None:
        """Move the selected tasks that can take this step (done: completed today)."""
        ids = movable(self.selected_tasks(), status)
        if not ids:
            return
        row = min(self.model.row_of(i) for i in ids)

        def done(_result) -> None:
            self.refresh()
            if not self.selected_ids() and self.model.rowCount():
                # the tasks left this list: go on with the next one
                self.select_ids([self.model.task_id(min(row, self.model.rowCount() - 1))])

        self._runner.submit(lambda store: set_statuses(store, ids, status), done, self._failed)

    def mark_done(self) -> None:
        self.change_status("done")

    def mark_done_on(self) -> CompletionDialog | None:
        ids = movable(self.selected_tasks(), "done")
        if not ids:
            return None
        dialog = CompletionDialog(self._store, self._runner, self._lang, ids, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _failed(self, error: BaseException) -> None:
        show_error(self, error, self._lang, str(self._store.path))
        self.refresh()

    # --- opening tasks ------------------------------------------------------------

    def new_task(self) -> TaskForm:
        return self._open_form(None)

    def show_task(self, task_id: int) -> TaskForm:
        return self._open_form(task_id)

    def _open_form(self, task_id: int | None) -> TaskForm:
        form = TaskForm(self._store, self._runner, self._lang, task_id, parent=self)
        form.accepted.connect(lambda: self._saved(form.saved_id))
        form.open()
        return form

    def _saved(self, task_id: int | None) -> None:
        self.refresh()
        if task_id is not None:
            self.select_ids([task_id])

    def _edit_row(self, row: int) -> None:
        task_id = self.model.task_id(row)
        if task_id is not None:
            self.show_task(task_id)

    def _edit_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._edit_row(index.row())

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if index.row() not in {i.row() for i in self.table.selectionModel().selectedRows()}:
            self.select_ids([self.model.task_id(index.row())])
        self.context_menu(index.row()).popup(self.table.viewport().mapToGlobal(pos))

    def context_menu(self, row: int) -> QMenu:
        """The actions for the selected tasks, and the people of the task at ``row``."""
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), lambda: self._edit_row(row))
        menu.addSeparator()
        tasks = self.selected_tasks()
        for label, status in ((self.tr("Start"), "in_progress"), (self.tr("Mark done"), "done")):
            menu.addAction(label, lambda s=status: self.change_status(s)).setEnabled(bool(movable(tasks, status)))
        menu.addAction(self.tr("Mark done on another day…"), self.mark_done_on).setEnabled(
            bool(movable(tasks, "done"))
        )
        for label, status in ((self.tr("Cancel task"), "cancelled"), (self.tr("Reopen"), "todo")):
            menu.addAction(label, lambda s=status: self.change_status(s)).setEnabled(bool(movable(tasks, status)))
        task = self.model.task(row)
        people = ([(task.lead_id, task.lead)] if task and task.lead_id else []) + (task.support if task else [])
        if people:
            menu.addSeparator()
        for person_id, name in people:
            menu.addAction(self.tr("Show %1").replace("%1", name),
                           lambda p=person_id: self.person_requested.emit(p))
        for person_id, name in people:
            menu.addAction(self.tr("Open tasks of %1").replace("%1", name),
                           lambda p=person_id: self.show_person(p))
        return menu
