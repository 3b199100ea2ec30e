"""A lazy table model of the change log: it holds the entries fetched so far
and fetches the next (older) page when the view scrolls to the end.

Pages are read by id (``app.domain.change_log.list_changes`` with ``before_id``),
so the thousandth page costs what the first does; 100,000 entries open with
its newest 100. Each page is put into words once, when it arrives (names
looked up a table at a time), so painting reads only ready strings.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.db import Store
from app.domain import PAGE, ChangeEntry, ChangeFilter, list_changes
from ui.models.change_words import ChangeWords, FieldChange, NameBook

_DISPLAY, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ToolTipRole)
FIRST_PAGE = 100  # a few screens: what is read before the page first shows
SUMMARY_FIELDS = 6  # on the table's line; the tooltip and the details pane have them all


@dataclass(frozen=True)
class ChangeRow:
    entry: ChangeEntry
    when: str
    who: str
    what: str
    which: str
    fields: tuple[FieldChange, ...]
    lines: tuple[str, ...]  # a field a line: "Phone: 0912… → 0987…"
    cells: tuple[str, ...]  # what the table shows, made once


class ChangesModel(QAbstractTableModel):
    COLUMNS = ("when", "who", "what", "which", "changes")

    def __init__(self, store: Store, parent=None, *, page_size: int = PAGE, first_page: int = FIRST_PAGE) -> None:
        super().__init__(parent)
        self._store = store
        self._page_size, self._first_page = page_size, first_page
        self._filter = ChangeFilter()
        self._rows: list[ChangeRow] = []
        self._next_before_id: int | None = None
        self.words = ChangeWords()

    @property
    def change_filter(self) -> ChangeFilter:
        return self._filter

    def set_filter(self, flt: ChangeFilter) -> None:
        """Start again from the newest entry that matches ``flt``."""
        self.beginResetModel()
        self._filter = flt
        self._rows = []
        self._next_before_id = None
        self._rows = self._read(None, self._first_page)
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self._filter)

    def _read(self, before_id: int | None, limit: int) -> list[ChangeRow]:
        page = list_changes(self._store, self._filter, before_id=before_id, limit=limit)
        self._next_before_id = page.next_before_id
        names = NameBook(self._store)
        names.learn(page.entries)
        words = self.words
        rows = []
        for e in page.entries:
            fields = words.fields(e, names)
            lines = words.lines(e, fields)
            when, what, which = words.when(e), words.what(e), words.which(e, names)
            cells = (when, e.actor, what, which, "; ".join(lines[:SUMMARY_FIELDS]))
            rows.append(ChangeRow(e, when, e.actor, what, which, tuple(fields), tuple(lines), cells))
        return rows

    def row(self, row: int) -> ChangeRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def complete(self) -> bool:
        """True once every matching entry has been fetched."""
        return self._next_before_id is None

    # -- Qt's lazy-loading protocol --------------------------------------------------

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next_before_id is not None

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next_before_id is None:
            return
        more = self._read(self._next_before_id, self._page_size)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- the table -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or orientation != Qt.Horizontal:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"), self.tr("Changes"))[section]

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role not in (_DISPLAY, _TOOLTIP) or not index.isValid():
            return None
        change = self._rows[index.row()]
        if role == _TOOLTIP and index.column() == 4:
            return "\n".join(change.lines) or change.what
        return change.cells[index.column()]
