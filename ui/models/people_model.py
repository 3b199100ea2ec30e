"""A lazy table model of the roster: it holds ids, and fetches the rows on screen.

100,000 people cost a list of ints; a screenful of rows is one SQL query,
cached in blocks. Sorting and filtering happen in SQL (``app.domain.people_list``).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from app.db import Store
from app.domain import RosterRow, roster_rows
from app.text import format_date
from ui.models.lazy_ids import LazyIdModel

BLOCK = 200  # rows fetched at once: a few screens
# Roles as plain ints: comparing with Qt's enum members costs microseconds each,
# and a screenful asks thousands of times.
_DISPLAY, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ToolTipRole)
_ROLES_ANSWERED = frozenset((_DISPLAY, _TOOLTIP))


class _Shown:
    """A person as read, and the texts of their cells, worked out the first time
    the row is painted (a screenful is painted from them many times)."""

    __slots__ = ("person", "texts")

    def __init__(self, person: RosterRow) -> None:
        self.person = person
        self.texts: tuple[str, ...] | None = None


class PeopleModel(LazyIdModel):
    COLUMNS = ("full_name", "birth_date", "gender", "citizen_id", "phone", "area")
    BLOCK = BLOCK

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._genders = {"male": self.tr("Male"), "female": self.tr("Female")}

    def fetch_rows(self, ids: list[int]) -> dict[int, _Shown]:
        return {i: _Shown(row) for i, row in roster_rows(self._store, ids).items()}

    person_id = LazyIdModel.id_at

    def person(self, row: int) -> RosterRow | None:
        shown = self.row_at(row)
        return shown.person if shown is not None else None

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Full name"), self.tr("Date of birth"), self.tr("Gender"),
            self.tr("Citizen ID"), self.tr("Phone"), self.tr("Residential area"),
        )

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role not in _ROLES_ANSWERED:
            return None
        shown = self.row_at(index.row())
        if shown is None:
            return None
        texts = shown.texts
        if texts is None:
            p = shown.person
            texts = shown.texts = (
                p.full_name, format_date(p.birth_date), self._genders.get(p.gender or "", ""),
                p.citizen_id_masked, p.phone or "", p.area or "",
            )
        return texts[index.column()]
