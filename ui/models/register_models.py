"""Lazy table models of the Front's registers: petitions, fund entries, cases.

Each holds the ids SQL chose and reads a block of rows on screen in one query
(``petitions_by_ids`` and its kin): 10,000 petitions cost a list of ints.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.db import Store
from app.domain import cases_by_ids, fund_entries_by_ids, petitions_by_ids, word_label
from app.text import format_date, format_money
from ui.models.lazy_ids import LazyIdModel

OVERDUE_COLOUR = "#c0392b"
QUIET_COLOUR = "#7f8c8d"
SPENDING_COLOUR = "#922b21"
_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGN = (
    int(r) for r in (Qt.DisplayRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.TextAlignmentRole)
)
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)
LINE = 90  # characters of a long text shown in its cell (eliding more costs paint time); the tooltip has it whole


def _day(iso: str | None) -> str:
    """A stored ISO day as dd/mm/yyyy: the registers store whole days only (checked on
    the way in), so the cheap way is right, and a screenful asks for hundreds."""
    if not iso:
        return ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) == 10 else format_date(iso)


def _line(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= LINE else text[:LINE - 1] + "…"


class _Shown:
    """A row as read, and what its cells show, worked out the first time the row
    is painted: a screenful is painted from it many times (Qt asks each cell for
    several roles per paint), and rows read but never scrolled to cost nothing."""

    __slots__ = ("record", "texts", "brushes")

    def __init__(self, record: Any) -> None:
        self.record = record
        self.texts: tuple[str, ...] | None = None
        self.brushes: tuple[Any, ...] = ()


class RegisterModel(LazyIdModel):
    def __init__(self, store: Store, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._lang = store, lang
        self._overdue = QBrush(QColor(OVERDUE_COLOUR))
        self._quiet = QBrush(QColor(QUIET_COLOUR))
        self._spending = QBrush(QColor(SPENDING_COLOUR))
        self._words: dict[tuple[str, str], str] = {}
        self._amount = self.COLUMNS.index("amount") if "amount" in self.COLUMNS else -1

    record_id = LazyIdModel.id_at

    def record(self, row: int):
        shown = self.row_at(row)
        return shown.record if shown is not None else None

    def read(self, ids: list[int]) -> dict:  # pragma: no cover - each model says
        """The records of ``ids`` by id (one query)."""
        raise NotImplementedError

    def fetch_rows(self, ids: list[int]) -> dict[int, _Shown]:
        return {i: _Shown(r) for i, r in self.read(ids).items()}

    def _shown(self, row: int) -> _Shown | None:
        shown = self.row_at(row)
        if shown is not None and shown.texts is None:
            record = shown.record
            shown.texts = tuple(self.display(record, c) for c in self.COLUMNS)
            shown.brushes = tuple(self.foreground(record, c) for c in self.COLUMNS)
        return shown

    def word(self, choice: str, code: str | None) -> str:
        if not code:
            return ""
        key = (choice, code)
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = word_label(choice, code, self._lang)
        return found

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role == _DISPLAY:
            shown = self._shown(index.row())
            return shown.texts[index.column()] if shown is not None else None
        if role == _FOREGROUND:
            shown = self._shown(index.row())
            return shown.brushes[index.column()] if shown is not None else None
        if role == _ALIGN:
            return _RIGHT if index.column() == self._amount else None
        if role == _TOOLTIP:
            shown = self.row_at(index.row())
            return self.tooltip(shown.record, self.COLUMNS[index.column()]) if shown is not None else None
        return None

    def display(self, row, column: str) -> str:  # pragma: no cover - each model says
        raise NotImplementedError

    def tooltip(self, row, column: str) -> str:
        return self.display(row, column)

    def foreground(self, row, column: str):
        return None


class PetitionsModel(RegisterModel):
    COLUMNS = ("received_on", "from_name", "area", "content", "channel", "due_on", "status")

    def read(self, ids: list[int]) -> dict:
        return petitions_by_ids(self._store, ids)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Received"), self.tr("From"), self.tr("Area"), self.tr("Content"), self.tr("Channel"),
                self.tr("Answer due"), self.tr("Status"))

    def status_text(self, p) -> str:
        if p.overdue:
            days = (self._store.today() - date.fromisoformat(p.due_on)).days
            return self.tr("Overdue by %Ln day(s)", "", days)
        if p.status == "answered":
            return self.tr("Answered %1").replace("%1", _day(p.answered_on))
        return self.word("petition_status", p.status)

    def display(self, p, column: str) -> str:
        if column in ("received_on", "due_on"):
            value = getattr(p, column)
            return _day(value)
        if column == "channel":
            return self.word("channel", p.channel)
        if column == "status":
            return self.status_text(p)
        if column == "content":
            return _line(p.content)
        return getattr(p, column) or ""

    def tooltip(self, p, column: str) -> str:
        if column == "content":
            lines = [p.content]
            if p.field:
                lines.append(self.tr("Field: %1").replace("%1", p.field))
            if p.forwarded_to:
                lines.append(self.tr("Forwarded to: %1").replace("%1", p.forwarded_to))
            if p.answer:
                lines.append(self.tr("Answer: %1").replace("%1", p.answer))
            return "\n".join(lines)
        if column == "status" and p.task_id is not None:
            return self.status_text(p) + "\n" + self.tr("Followed up by task #%1").replace("%1", str(p.task_id))
        return self.display(p, column)

    def foreground(self, p, column: str):
        if p.overdue:
            return self._overdue
        return self._quiet if p.status in ("answered", "closed") else None


class FundModel(RegisterModel):
    COLUMNS = ("entry_on", "direction", "party", "purpose", "amount", "document_number", "fund")

    def read(self, ids: list[int]) -> dict:
        return fund_entries_by_ids(self._store, ids)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("In/out"), self.tr("Donor or beneficiary"),
                self.tr("Purpose"), self.tr("Amount"), self.tr("Voucher"), self.tr("Fund"))

    def display(self, e, column: str) -> str:
        if column == "entry_on":
            return _day(e.entry_on)
        if column == "direction":
            return self.word("direction", e.direction)
        if column == "purpose":
            return self.word("purpose", e.purpose)
        if column == "fund":
            return self.word("fund", e.fund)
        if column == "amount":
            return ("−" if e.direction == "spending" else "") + format_money(e.amount)
        if column == "party":
            return e.party + (f" — {e.area}" if e.area else "")
        return e.document_number or ""

    def tooltip(self, e, column: str) -> str:
        text = self.display(e, column)
        return text + ("\n" + e.note if e.note else "")

    def foreground(self, e, column: str):
        return self._spending if column == "amount" and e.direction == "spending" else None


class CasesModel(RegisterModel):
    COLUMNS = ("opened_on", "kind", "title", "area", "closed_on", "outcome")

    def read(self, ids: list[int]) -> dict:
        return cases_by_ids(self._store, ids)

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Opened"), self.tr("Kind"), self.tr("Title"), self.tr("Area"), self.tr("Closed"),
                self.tr("Outcome"))

    def display(self, c, column: str) -> str:
        if column in ("opened_on", "closed_on"):
            return _day(getattr(c, column))
        if column == "kind":
            return self.word("case_kind", c.kind)
        if column == "outcome":
            return self.word("outcome", c.outcome) if c.outcome else self.tr("Open")
        if column == "title":
            return _line(c.title)
        return c.area or ""

    def tooltip(self, c, column: str) -> str:
        if column == "title":
            lines = [c.title] + [x for x in (c.parties, c.findings, c.recommendation) if x]
            return "\n".join(lines)
        if column == "outcome" and c.task_id is not None:
            return self.display(c, column) + "\n" + self.tr("Followed up by task #%1").replace("%1", str(c.task_id))
        return self.display(c, column)

    def foreground(self, c, column: str):
        return self._quiet if not c.open else None
