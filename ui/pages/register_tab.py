"""What the three register lists share (petitions, fund, cases): search as you
type without accents, a row of filters, the count, a lazy table whose first
screen comes at once and the rest when the window is idle, and the actions
on the chosen row (buttons, Enter, double-click, right-click).

A tab says which ids its filters mean (``ids``), how to count them
(``count_text``), what opening a row does (``open_record``) and which
actions a row has (``fill_menu``, ``update_actions``).
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from app.db import Store
from ui.dialogs.follow_up_form import FollowUpTaskForm
from ui.models.register_models import RegisterModel
from ui.runtime.errors import show_error

SEARCH_DELAY_MS = 120  # wait for a pause in typing, not for every key
FIRST_SCREEN = 100  # rows read at once; the rest of the list follows when idle


class RegisterTab(QWidget):
    task_requested = Signal(int)  # "open the follow-up task"
    REGISTER = ""  # what ``frontdesk import`` calls it: petitions, fund, cases
    FOLLOW_UP = ""  # what a follow-up task is made for ("petition", "case"); "" when the register has none

    def __init__(self, store: Store, runner, lang: str, model: RegisterModel, search_hint: str,
                 widths: tuple[int, ...], stretch: int, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setMinimumWidth(160)  # "Đang đếm…" then "10.000 kiến nghị": room for both
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.verticalHeader().hide()  # the count says how many; row numbers cost paint time
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)  # the long text takes what is left
        for column, width in enumerate(widths):
            if column != stretch:
                self.table.setColumnWidth(column, width)
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 3)
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setToolTip(self.tr("Add the entries of a register kept in Excel"))
        self.import_button.clicked.connect(self.import_from_excel)
        self.actions = QHBoxLayout()
        self.actions.addWidget(self.count)
        self.actions.addStretch(1)
        self.actions.addWidget(self.import_button)
        self.above_table = QVBoxLayout()  # what a tab shows between its filters and its list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(self.filters)
        layout.addLayout(self.above_table)
        layout.addLayout(self.actions)
        layout.addWidget(self.table, 1)

        self._rest_of_list = False
        self._rest_timer = QTimer(self, singleShot=True, interval=0)
        self._rest_timer.timeout.connect(self._read_rest_of_list)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.customContextMenuRequested.connect(self._context_menu)
        for key in (Qt.Key_Return, Qt.Key_Enter):
            QShortcut(QKeySequence(key), self.table, activated=self._open_current, context=Qt.WidgetShortcut)
        QShortcut(QKeySequence.Find, self, activated=self.focus_search)

    # -- what a tab says -----------------------------------------------------------------

    def ids(self, limit: int | None) -> list[int]:  # pragma: no cover - each tab says
        raise NotImplementedError

    def count_text(self, count: int) -> str:  # pragma: no cover - each tab says
        raise NotImplementedError

    def open_record(self, record_id: int) -> QWidget:  # pragma: no cover - each tab says
        raise NotImplementedError

    def fill_menu(self, menu: QMenu, record) -> None:
        """The chosen row's actions, after "Open…"."""

    def update_actions(self) -> None:
        """Enable the buttons that fit the chosen row."""

    def after_refresh(self) -> None:
        """What else the tab shows for its filters (the fund's balance)."""

    def delete_question(self, record_id: int) -> tuple[str, str]:  # pragma: no cover - each tab says
        """The title and the question of "delete this record?"."""
        raise NotImplementedError

    def delete_record(self, store: Store, record_id: int) -> None:  # pragma: no cover - each tab says
        raise NotImplementedError

    # -- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        """The first screen at once, the rest of the list (and its count) when idle."""
        self._timer.stop()
        chosen = self.selected_id()
        ids = self.ids(FIRST_SCREEN)
        self.model.set_ids(ids)
        if len(ids) < FIRST_SCREEN:
            self._rest_of_list = False
            self.count.setText(self.count_text(len(ids)))
        else:
            self._rest_of_list = True
            self.count.setText(self.tr("Counting…"))
            self._rest_timer.start()
        if chosen is not None:
            self.select_id(chosen)
        self.update_actions()
        self.after_refresh()

    def _read_rest_of_list(self) -> None:
        if not self._rest_of_list:
            return
        self._rest_of_list = False
        ids = self.ids(None)
        self.model.extend_ids(ids)
        self.count.setText(self.count_text(len(ids)))

    def finish_list(self) -> None:
        """The whole list now (tests, and before selecting a row further down)."""
        self._rest_timer.stop()
        self._read_rest_of_list()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    # -- the chosen row ------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    def selected_record(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None and self._rest_of_list:
            self.finish_list()
            row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.table.scrollTo(index)
        return True

    def _open_row(self, row: int) -> None:
        record_id = self.model.record_id(row)
        if record_id is not None:
            self.open_record(record_id)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.select_id(self.model.record_id(index.row()))
        self.context_menu().popup(self.table.viewport().mapToGlobal(pos))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        record = self.selected_record()
        if record is not None:
            menu.addAction(self.tr("Open…"), lambda: self.open_record(record.id))
            self.fill_menu(menu, record)
        return menu

    # -- writing -------------------------------------------------------------------------

    def import_from_excel(self) -> QWidget:
        """The import dialog; the list reads again after rows were written."""
        from ui.dialogs.register_import import open_register_import  # Excel reading loads only when asked for

        dialog = open_register_import(self._store, self._runner, self._lang, self.REGISTER, parent=self)
        dialog.imported.connect(lambda _result: self.refresh())
        return dialog

    def run(self, operation, then=None) -> None:
        """A write on the write thread; the list reads again after it, or says what went wrong."""
        def done(result) -> None:
            self.refresh()
            if then is not None:
                then(result)

        self._runner.submit(operation, done, self.failed)

    def delete(self, record_id: int) -> bool:
        """Delete a record entered by mistake, after asking; True if asked to."""
        if not self.confirm(*self.delete_question(record_id)):
            return False
        self.run(lambda store: self.delete_record(store, record_id))
        return True

    def follow_up(self, record_id: int) -> QWidget:
        """The task form, filled in from the record; the record is chosen again once it is saved."""
        form = FollowUpTaskForm(self._store, self._runner, self._lang, self.FOLLOW_UP, record_id, parent=self)
        form.accepted.connect(lambda: (self.refresh(), self.select_id(record_id)))
        form.open()
        return form

    def follow_up_chosen(self) -> None:
        """The chosen record's follow-up task: opened if it has one, else made."""
        record = self.selected_record()
        if record is None:
            return
        if record.task_id is not None:
            self.task_requested.emit(record.task_id)
        else:
            self.follow_up(record.id)

    def add_follow_up_actions(self, menu: QMenu, record) -> None:
        if record.task_id is not None:
            menu.addAction(self.tr("Open the follow-up task"), lambda: self.task_requested.emit(record.task_id))
        else:
            menu.addAction(self.tr("Follow-up task…"), lambda: self.follow_up(record.id))

    def failed(self, error: BaseException) -> None:
        show_error(self, error, self._lang, str(self._store.path))
        self.refresh()

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def opened(self, dialog) -> QWidget:
        """Show a form; the list reads again and keeps the saved row chosen."""
        dialog.accepted.connect(lambda: self._saved(getattr(dialog, "saved_id", None)))
        dialog.open()
        return dialog

    def _saved(self, record_id: int | None) -> None:
        self.refresh()
        if record_id is not None:
            self.select_id(record_id)
