"""A lazy table model of the change log: it holds the entries fetched so far
and fetches the next (older) page when the view scrolls to the end.

Pages are read by id (``app.domain.change_log.list_changes`` with ``before_id``),
so the thousandth page costs what the first does; 100,000 entries open with
its newest 100. Each page is put into words once, when it arrives, by the
core (``app.domain.ChangeWords``: the same words as ``frontdesk changes`` and
the Excel export, names looked up a table at a time), so painting reads only
ready strings.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from app.db import Store
from app.domain import PAGE, ChangeFilter, ChangeInWords, ChangeWords, list_changes

_DISPLAY, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ToolTipRole)
FIRST_PAGE = 100  # a few screens: what is read before the page first shows
SUMMARY_FIELDS = 6  # on the table's line; the tooltip and the details pane have them all


class ChangesModel(QAbstractTableModel):
    COLUMNS = ("when", "who", "what", "which", "changes")

    def __init__(self, store: Store, parent=None, *, lang: str = "vi", page_size: int = PAGE,
                 first_page: int = FIRST_PAGE) -> None:
        super().__init__(parent)
        self._store = store
        self._page_size, self._first_page = page_size, first_page
        self._filter = ChangeFilter()
        self._rows: list[ChangeInWords] = []
        self._cells: list[tuple[str, ...]] = []  # what the table shows, made once a row
        self._next_before_id: int | None = None
        self.words = ChangeWords(lang)

    @property
    def change_filter(self) -> ChangeFilter:
        return self._filter

    def set_filter(self, flt: ChangeFilter) -> None:
        """Start again from the newest entry that matches ``flt``."""
        self.beginResetModel()
        self._filter = flt
        self._rows, self._cells = [], []
        self._next_before_id = None
        self._add(self._read(None, self._first_page))
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self._filter)

    def _read(self, before_id: int | None, limit: int) -> list[ChangeInWords]:
        page = list_changes(self._store, self._filter, before_id=before_id, limit=limit)
        self._next_before_id = page.next_before_id
        return self.words.describe(self._store, page.entries)

    def _add(self, changes: list[ChangeInWords]) -> None:
        self._rows += changes
        self._cells += [(c.when, c.who, c.what, c.which, "; ".join(c.lines[:SUMMARY_FIELDS])) for c in changes]

    def row(self, row: int) -> ChangeInWords | None:
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
        self._add(more)
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
        if role == _TOOLTIP and index.column() == 4:
            change = self._rows[index.row()]
            return "\n".join(change.lines) or change.what
        return self._cells[index.row()][index.column()]
