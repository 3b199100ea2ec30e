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


class PeopleModel(LazyIdModel):
    COLUMNS = ("full_name", "birth_date", "gender", "citizen_id", "phone", "area")
    BLOCK = BLOCK

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store

    def fetch_rows(self, ids: list[int]) -> dict[int, RosterRow]:
        return roster_rows(self._store, ids)

    person_id = LazyIdModel.id_at

    def column_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Full name"), self.tr("Date of birth"), self.tr("Gender"),
            self.tr("Citizen ID"), self.tr("Phone"), self.tr("Residential area"),
        )

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        person = self.row_at(index.row())
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
