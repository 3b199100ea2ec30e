"""A lazy table model of tasks: it holds ids, and fetches the rows on screen.

20,000 tasks cost a list of ints; the rows of a screenful are read a block
at a time and cached. Which tasks and in what order is decided in SQL
(``app.domain.tasks.task_ids``). Measured on the 100,000-people demo (20,000 tasks):
``get_task`` reads a block of 100 rows in about 4 ms, so rows are read one by
one rather than through a batched query.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from app.db import Store
from app.domain import OPEN_STATUSES, TaskView, get_task
from app.errors import NotFound
from app.text import format_date
from ui.models.lazy_ids import LazyIdModel

BLOCK = 100  # rows read at once: a few screens
OVERDUE_COLOUR = "#c0392b"
CLOSED_COLOUR = "#7f8c8d"
_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _DECORATION = (
    int(r) for r in (Qt.DisplayRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.FontRole, Qt.DecorationRole)
)
_ROLES_ANSWERED = frozenset((_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _DECORATION))


class TasksModel(LazyIdModel):
    COLUMNS = ("title", "lead", "support", "organization", "due_on", "status")
    BLOCK = BLOCK

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue_brush = QBrush(QColor(OVERDUE_COLOUR))
        self._closed_brush = QBrush(QColor(CLOSED_COLOUR))
        self._warning_icon = None

    def fetch_rows(self, ids: list[int]) -> dict[int, TaskView | None]:
        rows: dict[int, TaskView | None] = {}
        for task_id in ids:
            try:
                rows[task_id] = get_task(self._store, task_id)
            except NotFound:  # removed since the list was made
                rows[task_id] = None
        return rows

    task_id = LazyIdModel.id_at
    task = LazyIdModel.row_at

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Task"), self.tr("Lead"), self.tr("Supporting"), self.tr("Organization"),
            self.tr("Due"), self.tr("Status"),
        )

    def status_text(self, task: TaskView) -> str:
        if task.overdue:
            days = (self._store.today() - date.fromisoformat(task.due_on)).days
            return self.tr("Overdue by %Ln day(s)", "", days)
        return {
            "todo": self.tr("To do"), "in_progress": self.tr("In progress"),
            "done": self.tr("Done"), "cancelled": self.tr("Cancelled"),
        }.get(task.status, task.status)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        # roles as plain ints: looking up Qt's enum members costs microseconds each,
        # and a screenful asks thousands of times
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        task = self.task(index.row())
        if task is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(task, column)
        if role == _TOOLTIP:
            return self._tooltip(task, column)
        if role == _FOREGROUND:
            if task.overdue:
                return self._overdue_brush
            return None if task.status in OPEN_STATUSES else self._closed_brush
        if role == _FONT:
            return self._bold if column == "title" and task.priority in ("high", "urgent") else None
        if column == "status" and task.overdue:  # decoration
            if self._warning_icon is None:
                self._warning_icon = QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)
            return self._warning_icon
        return None

    def _display(self, task: TaskView, column: str) -> str:
        if column == "title":
            return task.title
        if column == "lead":
            return task.lead or ""
        if column == "support":
            if not task.support:
                return ""
            first = task.support[0][1]
            return first if len(task.support) == 1 else f"{first} +{len(task.support) - 1}"
        if column == "organization":
            return task.organization_short or task.organization or ""
        if column == "due_on":
            return format_date(task.due_on) if task.due_on else ""
        return self.status_text(task)

    def _tooltip(self, task: TaskView, column: str) -> str:
        if column == "support":
            return "\n".join(name for _, name in task.support)
        if column == "organization":
            return task.organization or ""
        if column == "status" and task.status == "done" and task.completed_on:
            return self.tr("Completed on %1").replace("%1", format_date(task.completed_on))
        if column == "title":
            lines = [task.title]
            if task.priority in ("high", "urgent"):
                lines.append(self.tr("Priority: high") if task.priority == "high" else self.tr("Priority: urgent"))
            if task.source_number:
                lines.append(self.tr("Document: %1").replace("%1", task.source_number))
            return "\n".join(lines)
        return self._display(task, column)
