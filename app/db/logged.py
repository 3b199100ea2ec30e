"""Row writes that always leave a trace in the change log.

Domain modules write through these three functions, inside the caller's
transaction, so every insert, update and delete carries who, when, before and
after. Table and column names come from the code, never from user input.
"""
from __future__ import annotations

from typing import Any

from app.errors import NotFound
from app.db.storage import Store


def fetch(store: Store, table: str, row_id: int) -> dict[str, Any] | None:
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip((d[0] for d in cur.description), row))


def require(store: Store, table: str, row_id: int) -> dict[str, Any]:
    row = fetch(store, table, row_id)
    if row is None:
        raise NotFound("not_found." + table, id=row_id)
    return row


def insert(store: Store, table: str, values: dict[str, Any], *, timestamps: bool = True) -> int:
    values = dict(values)
    if timestamps:
        now = store.now_iso()
        values.setdefault("created_at", now)
        values.setdefault("updated_at", now)
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    cur = store.conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
    )
    row_id = cur.lastrowid
    store.log("insert", table, row_id, None, values)
    return row_id


def update(store: Store, table: str, row_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Apply ``changes``; log only the fields that really changed. Returns the old row."""
    before = require(store, table, row_id)
    changed = {k: v for k, v in changes.items() if before.get(k) != v}
    if not changed:
        return before
    # the log row carries its own time: updated_at is not a change worth listing
    store.log("update", table, row_id, {k: before.get(k) for k in changed}, changed)
    written = dict(changed)
    if "updated_at" in before:
        written["updated_at"] = store.now_iso()
    sets = ", ".join(f"{k} = ?" for k in written)
    store.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*written.values(), row_id))
    return before


def delete(store: Store, table: str, row_id: int, *, keep_before: bool = True) -> None:
    before = require(store, table, row_id)
    store.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
    store.log("delete", table, row_id, before if keep_before else None, None)
