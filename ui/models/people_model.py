"""A lazy table model of the roster: it holds ids, and fetches the rows on screen.

100,000 people cost a list of ints; a screenful of rows is one SQL query,
cached in blocks. Sorting and filtering happen in SQL (``app.domain.people_list``).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.db import Store
from app.domain import RosterRow, roster_rows
from app.text import format_date

BLOCK = 200  # rows fetched at once: a few screens
# Roles as plain ints: comparing with Qt's enum members costs microseconds each,
# and a screenful asks thousands of times.
_DISPLAY, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ToolTipRole)
_ROLES_ANSWERED = frozenset((_DISPLAY, _TOOLTIP))


class PeopleModel(QAbstractTableModel):
    COLUMNS = ("full_name", "birth_date", "gender", "citizen_id", "phone", "area")

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._cache: dict[int, RosterRow] = {}

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def extend_ids(self, ids: list[int]) -> None:
        """The whole list after a first screen of it: rows are added below,
        so the view keeps its place; anything else is a new list."""
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Vertical:
            return str(section + 1)
        titles = (
            self.tr("Full name"), self.tr("Date of birth"), self.tr("Gender"),
            self.tr("Citizen ID"), self.tr("Phone"), self.tr("Residential area"),
        )
        return titles[section]

    def _row(self, row: int) -> RosterRow | None:
        person_id = self._ids[row]
        found = self._cache.get(person_id)
        if found is None:
            start = (row // BLOCK) * BLOCK
            block = self._ids[start:start + BLOCK]
            if len(self._cache) > 20 * BLOCK:  # keep memory flat while scrolling far
                self._cache.clear()
            self._cache.update(roster_rows(self._store, block))
            found = self._cache.get(person_id)
        return found

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        person = self._row(index.row())
        if person is None:
            return None
        column = self.COLUMNS[index.column()]
        if column == "full_name":
            return person.full_name
        if column == "birth_date":
            return format_date(person.birth_date)
        if column == "gender":
            return {"male": self.tr("Male"), "female": self.tr("Female")}.get(person.gender or "", "")
        if column == "citizen_id":
            return person.citizen_id_masked
        if column == "phone":
            return person.phone or ""
        return person.area or ""
