"""Reading the change log: who changed what and when, filtered and paged.

Every change the app makes writes an entry (``store.log``) in the same
transaction. Entries are read newest first and paged by id (``before_id``),
so a page costs the same at the end of a long history as at its start.
Citizen IDs in the before/after values are masked unless asked for.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterator

from app.text.citizen_id import mask_citizen_id
from app.db.storage import Store

PAGE = 200
# Tables whose rows name a person in a ``person_id`` value.
_PERSON_LINKED = ("membership", "appointment")


@dataclass(frozen=True)
class ChangeFilter:
    since: date | None = None  # first day included
    until: date | None = None  # last day included
    actor: str | None = None
    tables: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    person_id: int | None = None  # changes of this person and of their memberships, posts, tasks


@dataclass(frozen=True)
class ChangeEntry:
    id: int
    at: str  # ISO 8601 with its UTC offset, as written
    actor: str
    action: str
    table: str
    row_id: int | None
    before: Any
    after: Any
    note: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "at": self.at, "actor": self.actor, "action": self.action, "table": self.table,
            "row_id": self.row_id, "before": self.before, "after": self.after, "note": self.note,
        }


@dataclass
class ChangePage:
    entries: list[ChangeEntry] = field(default_factory=list)
    next_before_id: int | None = None  # pass back for the next (older) page; None at the end


def mask_values(value: Any) -> Any:
    """A copy with every ``citizen_id`` value masked, at any depth."""
    if isinstance(value, dict):
        return {
            k: mask_citizen_id(v) if k == "citizen_id" and isinstance(v, str) else mask_values(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [mask_values(v) for v in value]
    return value


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _where(flt: ChangeFilter) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if flt.since:
        # ``at`` starts with the local date it was written on: text order is day order
        clauses.append("c.at >= :since")
        params["since"] = flt.since.isoformat()
    if flt.until:
        clauses.append("c.at < :until")
        params["until"] = (flt.until + timedelta(days=1)).isoformat()
    if flt.actor:
        clauses.append("c.actor = :actor")
        params["actor"] = flt.actor
    for name, values in (("table_name", flt.tables), ("action", flt.actions)):
        if values:
            keys = [f"{name}{i}" for i in range(len(values))]
            clauses.append(f"c.{name} IN ({', '.join(':' + k for k in keys)})")
            params.update(zip(keys, values))
    if flt.person_id is not None:
        params["person"] = int(flt.person_id)
        linked = ", ".join(f"'{t}'" for t in _PERSON_LINKED)
        clauses.append(
            f"""((c.table_name = 'person' AND c.row_id = :person)
              OR (c.table_name IN ({linked}) AND (
                    json_extract(c.after, '$.person_id') = :person
                 OR json_extract(c.before, '$.person_id') = :person
                 OR (c.table_name = 'membership' AND c.row_id IN (SELECT id FROM membership WHERE person_id = :person))
                 OR (c.table_name = 'appointment' AND c.row_id IN (SELECT id FROM appointment WHERE person_id = :person))))
              OR (c.table_name = 'task_assignee' AND EXISTS (
                    SELECT 1 FROM json_each(c.after, '$.assignees') j WHERE json_extract(j.value, '$.person_id') = :person
                    UNION ALL
                    SELECT 1 FROM json_each(c.before, '$.assignees') j WHERE json_extract(j.value, '$.person_id') = :person)))"""
        )
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _entry(row: tuple, reveal: bool) -> ChangeEntry:
    before, after = _load(row[6]), _load(row[7])
    if not reveal:
        before, after = mask_values(before), mask_values(after)
    return ChangeEntry(row[0], row[1], row[2], row[3], row[4], row[5], before, after, row[8])


_COLUMNS = "c.id, c.at, c.actor, c.action, c.table_name, c.row_id, c.before, c.after, c.note"


def list_changes(
    store: Store, flt: ChangeFilter | None = None, *, before_id: int | None = None, limit: int = PAGE,
    reveal_citizen_ids: bool = False,
) -> ChangePage:
    """One page of entries, newest first, older than ``before_id``."""
    where, params = _where(flt or ChangeFilter())
    if before_id is not None:
        where += (" AND " if where else " WHERE ") + "c.id < :before_id"
        params["before_id"] = before_id
    params["limit"] = limit + 1
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM change_log c{where} ORDER BY c.id DESC LIMIT :limit", params
    ).fetchall()
    entries = [_entry(r, reveal_citizen_ids) for r in rows[:limit]]
    more = len(rows) > limit
    return ChangePage(entries, entries[-1].id if more and entries else None)


def count_changes(store: Store, flt: ChangeFilter | None = None) -> int:
    where, params = _where(flt or ChangeFilter())
    return store.conn.execute(f"SELECT count(*) FROM change_log c{where}", params).fetchone()[0]


def iter_change_pages(store: Store, flt: ChangeFilter | None = None, *, reveal_citizen_ids: bool = False,
                      page: int = 1000) -> Iterator[list[ChangeEntry]]:
    """Every matching entry, newest first, a page at a time (exports put a
    page into words at once: its names are looked up together)."""
    before_id = None
    while True:
        result = list_changes(store, flt, before_id=before_id, limit=page, reveal_citizen_ids=reveal_citizen_ids)
        if result.entries:
            yield result.entries
        if result.next_before_id is None:
            return
        before_id = result.next_before_id


def iter_changes(store: Store, flt: ChangeFilter | None = None, *, reveal_citizen_ids: bool = False,
                 page: int = 1000) -> Iterator[ChangeEntry]:
    """Every matching entry, newest first, read a page at a time."""
    for entries in iter_change_pages(store, flt, reveal_citizen_ids=reveal_citizen_ids, page=page):
        yield from entries


def actors(store: Store) -> list[str]:
    """Who has made changes (for the filter's choices)."""
    return [r[0] for r in store.conn.execute("SELECT DISTINCT actor FROM change_log ORDER BY actor")]


def tables(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT DISTINCT table_name FROM change_log ORDER BY table_name")]
