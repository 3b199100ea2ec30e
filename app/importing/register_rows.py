"""Checking the rows of a register file before anything is written.

Each row (``RawRecord``) becomes a ``PlannedEntry``: the values the
register's own check accepted (``app.domain.register_bulk.CHECKS``, which
runs ``check_petition``, ``check_entry`` or ``check_case``), or every problem
with the Excel row and column it sits in. This module only turns Excel's
cells into what a person would have typed (a date cell is a date, a number
cell 12.0 in a text column is "12"), finds the residential area by name, and
for a cash book reads the direction from which of "Thu" and "Chi" is filled.
Then duplicates are marked: a row that repeats an earlier row of the file or
a record already stored (the same day, who or what, and amount or content).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

from app import messages
from app.db.storage import Store
from app.domain.register_bulk import CHECKS, row_key, stored_keys
from app.domain.registers import find_area
from app.errors import InvalidInput, InvalidValue
from app.importing.row_checks import RowProblem
from app.spreadsheets.cells import shown_value

__all__ = ["PlannedEntry", "RegisterDuplicate", "check_entry_row", "mark_entry_duplicates"]

# A typed amount longer than this is no amount ("10.000.000.000.000 đồng" is 24 characters).
_AMOUNT_TEXT_LIMIT = 40
_DATE_FIELDS = frozenset({"received_on", "forwarded_on", "due_on", "answered_on", "closed_on", "entry_on",
                          "opened_on"})
_AMOUNT_FIELDS = ("amount", "receipt_amount", "spending_amount")

messages.register(
    {
        "import.register.both_amounts": (
            "ghi cả số thu ({receipt}) và số chi ({spending}), mà mỗi dòng chỉ là một khoản thu hoặc một khoản chi.",
            "both a receipt ({receipt}) and a spending ({spending}), where a row is one receipt or one spending.",
        ),
        "import.register.duplicate.in_file": (
            "Dòng {row}: trùng với dòng {other_row} của tệp (cùng ngày, người hoặc tên, số tiền hoặc nội dung)",
            "Row {row}: the same as row {other_row} of the file (same day, who or title, amount or content)",
        ),
        "import.register.duplicate.in_database": (
            "Dòng {row}: đã có trong sổ (số {record_id}: cùng ngày, người hoặc tên, số tiền hoặc nội dung)",
            "Row {row}: already in the register (#{record_id}: same day, who or title, amount or content)",
        ),
    }
)
messages.register_fields(
    {
        "receipt_amount": ("Số tiền thu", "Amount received"),
        "spending_amount": ("Số tiền chi", "Amount spent"),
    }
)


@dataclass
class RegisterDuplicate:
    """What an imported row repeats: an earlier row of the file, or a stored record."""

    kind: str  # "in_file" | "in_database"
    row: int | None = None  # the earlier Excel row (in_file)
    record_id: int | None = None  # the stored record (in_database)

    def describe(self, row: int, lang: str | None = None) -> str:
        return messages.text(f"import.register.duplicate.{self.kind}", lang, row=row, other_row=self.row,
                             record_id=self.record_id)


@dataclass
class PlannedEntry:
    row: int  # the Excel row number, as Excel shows it
    values: dict  # the register's values, ready to store; the cells as read when invalid
    problems: list[RowProblem]
    cells: dict = field(default_factory=dict)  # field -> Excel column letter
    duplicate: RegisterDuplicate | None = None

    @property
    def action(self) -> str:
        return "skip" if self.problems or self.duplicate else "insert"


def _typed(name: str, value: Any) -> Any:
    """A cell as a person would have typed it into the register's form."""
    if value.__class__ is str or value is None:
        return value
    if name in _DATE_FIELDS:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, float | int) and not isinstance(value, bool):
            return value  # an Excel serial, or a year the core refuses as not a full date
        return shown_value(value)
    if name in _AMOUNT_FIELDS and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return shown_value(value)


class AreaNames:
    """Residential areas by the names rows give them, each name looked up once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._found: dict[str, int | InvalidValue] = {}

    def find(self, name: str) -> int:
        if name not in self._found:
            try:
                self._found[name] = find_area(self.store, name)
            except InvalidValue as exc:
                self._found[name] = exc
        found = self._found[name]
        if isinstance(found, InvalidValue):
            raise found
        return found


def check_entry_row(store: Store, table: str, record: Any, areas: AreaNames) -> PlannedEntry:
    """Validate one ``RawRecord`` (row, values, cells) into a ``PlannedEntry``."""
    cells: dict[str, str] = dict(record.cells)
    given = {name: _typed(name, v) for name, v in record.values.items() if name != "row_number"}
    raw: dict[str, Any] = {k: v for k, v in given.items() if k not in ("area", *_AMOUNT_FIELDS)}
    problems: list[InvalidValue] = []
    area = given.get("area")
    if area not in (None, ""):
        try:
            raw["area_id"] = areas.find(str(area))
        except InvalidValue as exc:
            problems.append(exc)
    if table == "fund_entry":
        _fund_amount(given, raw, cells, problems)
    try:
        values = CHECKS[table](store, raw)
    except InvalidInput as exc:
        problems[:0] = exc.problems
        values = given
    found = sorted((_problem(record.row, cells, p) for p in problems), key=_column_order)
    return PlannedEntry(record.row, values if not found else given, found, cells)


def _fund_amount(given: Mapping[str, Any], raw: dict[str, Any], cells: dict[str, str],
                 problems: list[InvalidValue]) -> None:
    """The amount and direction of a cash-book row: one "Số tiền" column with a
    "Thu/chi" column, or a "Thu" and a "Chi" column, the filled one saying which."""
    receipt, spending = given.get("receipt_amount"), given.get("spending_amount")
    receipt = None if _empty(receipt) else receipt
    spending = None if _empty(spending) else spending
    if receipt is not None and spending is not None:
        problems.append(InvalidValue("import.register.both_amounts", field="amount", value=None,
                                     receipt=shown_value(receipt), spending=shown_value(spending)))
        cells["amount"] = ", ".join(c for c in (cells.get("receipt_amount"), cells.get("spending_amount")) if c)
        raw["amount"], raw["direction"] = receipt, "receipt"  # stand-ins: the row has its problem already
        return
    if receipt is not None or spending is not None:
        chosen = "receipt_amount" if receipt is not None else "spending_amount"
        raw["amount"] = receipt if receipt is not None else spending
        raw["direction"] = "receipt" if receipt is not None else "spending"
        cells["amount"] = cells.get(chosen, "")
        cells["direction"] = cells["amount"]
    else:
        raw["amount"] = given.get("amount")
        if "amount" not in cells:  # a "Thu" | "Chi" book, neither filled: the amount is missing, said once
            cells["amount"] = ", ".join(c for c in (cells.get("receipt_amount"), cells.get("spending_amount")) if c)
            raw.setdefault("direction", "receipt")
    amount = raw["amount"]
    if isinstance(amount, str) and (len(amount) > _AMOUNT_TEXT_LIMIT
                                    or any(ch.isdigit() and not ch.isascii() for ch in amount)):
        # parse_money reads digits with int(): a hostile run of thousands of
        # digits, or a digit that is not 0-9 ("²"), is no amount.
        problems.append(InvalidValue("money.bad", field="amount", value=amount[:_AMOUNT_TEXT_LIMIT]))
        raw["amount"] = 1  # a stand-in for the rest of the checks: the row has its problem already


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, str) and value.isspace())


def _column_order(problem: RowProblem) -> tuple:
    """Problems of a row from left to right, those of no one cell last."""
    first = problem.column.split(",")[0]
    return (not first, len(first), first)


def _problem(row: int, cells: Mapping[str, str], exc: InvalidValue) -> RowProblem:
    params = dict(exc.params)
    shown = shown_value(exc.value)
    params["value"] = shown
    column_of = "area" if exc.field == "area_id" else exc.field
    return RowProblem(row, cells.get(column_of, ""), shown, exc.code, params, exc.field)


def mark_entry_duplicates(store: Store, table: str, rows: list[PlannedEntry]) -> None:
    """Mark each valid row that repeats an earlier valid row of the file or a stored record."""
    stored = stored_keys(store, table)
    seen: dict[tuple, int] = {}
    for planned in rows:
        if planned.problems:
            continue
        key = row_key(table, planned.values)
        if key in stored:
            planned.duplicate = RegisterDuplicate("in_database", record_id=stored[key])
        elif key in seen:
            planned.duplicate = RegisterDuplicate("in_file", row=seen[key])
        else:
            planned.duplicate = None
            seen[key] = planned.row
