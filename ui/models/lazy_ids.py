"""The lazy list model the big tables share (Anki's browser model and Qt's
fetchmore example are the pattern): it holds the ids of the rows, in the
order SQL chose, and reads only the rows on screen, a block at a time, into a
cache that stays bounded however far one scrolls. Which rows and in what
order is decided in SQL, never by a proxy over everything.

A model says which columns it has (``COLUMNS``, ``column_titles``), how to
read a block of rows (``fetch_rows``) and what each cell shows (``data``,
with ``row_at``).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

MAX_BLOCKS_CACHED = 20  # keep memory flat while scrolling far
_DISPLAY, _VERTICAL = int(Qt.DisplayRole), Qt.Vertical


class LazyIdModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()
    BLOCK = 200  # rows read at once: a few screens

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._cache: dict[int, Any] = {}

    # -- what a model says ---------------------------------------------------------------

    def fetch_rows(self, ids: list[int]) -> dict[int, Any]:  # pragma: no cover - each model says
        """The rows of ``ids`` by id (an id whose row is gone may be left out)."""
        raise NotImplementedError

    def column_titles(self) -> tuple[str, ...]:  # pragma: no cover - each model says
        """The columns' headings, translated, in ``COLUMNS`` order."""
        raise NotImplementedError

    # -- the ids -------------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def extend_ids(self, ids: list[int]) -> None:
        """The whole list after a first screen of it: rows are added below, so
        the view keeps its place; anything else is a new list."""
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def fetched(self) -> int:
        """How many rows have been read from the database (lazy loading, for tests)."""
        return len(self._cache)

    # -- the rows ------------------------------------------------------------------------

    def row_at(self, row: int) -> Any:
        """The row shown at ``row``, read with its block if not read yet; None if gone."""
        if not 0 <= row < len(self._ids):
            return None
        row_id = self._ids[row]
        if row_id not in self._cache:
            start = (row // self.BLOCK) * self.BLOCK
            block = self._ids[start:start + self.BLOCK]
            if len(self._cache) > MAX_BLOCKS_CACHED * self.BLOCK:
                self._cache.clear()
            found = self.fetch_rows(block)
            self._cache.update({i: found.get(i) for i in block})
        return self._cache.get(row_id)

    def multiData(self, index: QModelIndex, roles) -> None:  # noqa: N802 - Qt's name
        """All the roles Qt 6's item delegate asks of a cell (seven per paint) in
        one call from the view, instead of one crossing into Python per role
        (measured on the people list: a screen painted 0.8 ms sooner)."""
        data = self.data
        for slot in roles:
            value = data(index, slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role != _DISPLAY:  # an int: comparing Qt's enum members costs microseconds, asked thousands of times
            return None
        if orientation == _VERTICAL:
            return str(section + 1)
        return self.column_titles()[section]
