"""Many register rows at once (an Excel import): each row checked by the
registers' own checks, and the rows written in one statement per register
with one summary entry in the change log ("Thêm 12 kiến nghị").

A row of a petitions file may carry what became of the petition (its answer
and the day it was closed) and a row of a cases file the case's closing and
outcome: ``check_petition_row`` and ``check_case_row`` check those with the
rules ``answer_petition``, ``close_petition`` and ``close_case`` apply one at
a time (an answer or a closing not before the petition was received, a
closing not before the answer, an outcome that fits the kind of case), by
handing them to ``check_petition`` / ``check_case`` as what is recorded.

The rows go in inside the caller's transaction; the caller announces them
(``EVENTS``) after it commits.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from app.db.storage import Store
from app.domain import cases, fund, petitions
from app.domain.cases import check_case
from app.domain.fund import check_entry
from app.domain.petitions import check_petition
from app.domain.registers import SEARCHED, TEXT_LIMIT, day_value, folded, text_value, word_value
from app.errors import InvalidInput, InvalidValue
from app.text.dates import format_date
from app.text.vietnamese import fold

__all__ = ["CHECKS", "EVENTS", "check_case_row", "check_petition_row", "insert_register_rows", "row_key",
           "stored_keys"]

# The columns an imported row fills, per table (id, search text and times are added).
_COLUMNS = {
    "petition": ("received_on", "channel", "person_id", "from_name", "area_id", "content", "field", "forwarded_to",
                 "forwarded_on", "due_on", "answered_on", "answer", "closed_on", "status", "task_id", "note"),
    "fund_entry": ("entry_on", "fund", "direction", "amount", "person_id", "party", "area_id", "purpose",
                   "document_number", "note"),
    "oversight_case": ("kind", "opened_on", "title", "area_id", "parties", "findings", "recommendation",
                       "closed_on", "outcome", "task_id", "note"),
}
EVENTS = {"petition": petitions.EVENT, "fund_entry": fund.EVENT, "oversight_case": cases.EVENT}
# What makes two rows the same record: the day, who or what, and how much or about what.
_KEYS = {
    "petition": ("received_on", "from_name", "content"),
    "fund_entry": ("entry_on", "fund", "direction", "amount", "party"),
    "oversight_case": ("opened_on", "kind", "title"),
}


def _fields(problems: Sequence[InvalidValue]) -> set[str]:
    return {p.field for p in problems}


def check_petition_row(store: Store, raw: Mapping[str, Any]) -> dict[str, Any]:
    """``check_petition`` plus the answer (day and text) and the closing day a
    row may carry; the status follows from them. ``InvalidInput`` with every problem."""
    problems: list[InvalidValue] = []
    answered_on = day_value(store, raw.get("answered_on"), "answered_on", problems)
    answer = text_value(raw.get("answer"), "answer", problems, limit=TEXT_LIMIT)
    closed_on = day_value(store, raw.get("closed_on"), "closed_on", problems)
    seen = _fields(problems)
    if answered_on and not answer and "answer" not in seen:
        problems.append(InvalidValue("required", field="answer", value=None))
    if answer and not answered_on and "answered_on" not in seen:
        problems.append(InvalidValue("required", field="answered_on", value=None))
    if answered_on and closed_on and closed_on < answered_on:
        problems.append(InvalidValue("petition.closed_before_answer", field="closed_on",
                                     value=format_date(closed_on), answered_on=format_date(answered_on)))
    try:
        values = check_petition(store, raw, current={"answered_on": answered_on, "closed_on": closed_on})
    except InvalidInput as exc:
        raise InvalidInput([*exc.problems, *problems]) from None
    if problems:
        raise InvalidInput(problems)
    values.update(answered_on=answered_on, answer=answer if answered_on else None, closed_on=closed_on,
                  task_id=None)
    values["status"] = petitions._status(values)  # the one rule of what a petition's status is
    return values


def check_case_row(store: Store, raw: Mapping[str, Any]) -> dict[str, Any]:
    """``check_case`` plus the closing day and outcome a row may carry (both or
    neither). ``InvalidInput`` with every problem."""
    problems: list[InvalidValue] = []
    closed_on = day_value(store, raw.get("closed_on"), "closed_on", problems)
    outcome = None
    if raw.get("outcome") not in (None, ""):
        outcome = word_value("outcome", raw.get("outcome"), "outcome", problems)
    seen = _fields(problems)
    if closed_on and outcome is None and "outcome" not in seen:
        problems.append(InvalidValue("required", field="outcome", value=None))
    if outcome and not closed_on and "closed_on" not in seen:
        problems.append(InvalidValue("required", field="closed_on", value=None))
    current = {"closed_on": closed_on, "outcome": outcome} if closed_on and outcome else None
    try:
        values = check_case(store, raw, current=current)
    except InvalidInput as exc:
        raise InvalidInput([*exc.problems, *problems]) from None
    if problems:
        raise InvalidInput(problems)
    values.update(closed_on=closed_on, outcome=outcome, task_id=None)
    return values


# table -> the check of one imported row (raw mapping -> values to store)
CHECKS: dict[str, Callable[[Store, Mapping[str, Any]], dict[str, Any]]] = {
    "petition": check_petition_row, "fund_entry": check_entry, "oversight_case": check_case_row,
}


def row_key(table: str, values: Mapping[str, Any]) -> tuple:
    """What two rows share when they are the same record (texts folded)."""
    return tuple(fold(v) if isinstance(v, str) else v for v in (values.get(k) for k in _KEYS[table]))


def stored_keys(store: Store, table: str) -> dict[tuple, int]:
    """Each stored row's key -> its id (the first one, where two share it)."""
    keys: dict[tuple, int] = {}
    columns = _KEYS[table]
    for row in store.conn.execute(f"SELECT id, {', '.join(columns)} FROM {table} ORDER BY id"):
        keys.setdefault(row_key(table, dict(zip(columns, row[1:]))), row[0])
    return keys


def insert_register_rows(store: Store, table: str, rows: Sequence[Mapping[str, Any]], *,
                         note: str | None = None) -> list[int]:
    """Insert checked rows (the values of ``CHECKS[table]``) with their search
    copies, and one "bulk" change-log entry for all of them; returns the new
    ids in the order given. Inside the caller's transaction."""
    if not rows:
        return []
    columns = _COLUMNS[table]
    now = store.now_iso()
    first = store.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
    ids = list(range(first, first + len(rows)))
    searched = SEARCHED[table]
    store.conn.executemany(
        f"INSERT INTO {table} (id, {', '.join(columns)}, search_text, created_at, updated_at)"
        f" VALUES (?, {', '.join('?' for _ in columns)}, ?, ?, ?)",
        [(row_id, *(r.get(c) for c in columns), folded(*(r.get(c) for c in searched)), now, now)
         for row_id, r in zip(ids, rows)],
    )
    store.log("bulk", table, None, None, {"count": len(rows)}, note=note)
    return ids
