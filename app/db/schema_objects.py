"""What a database holds beyond this app's schema: tables, indexes, triggers
and views that Front Desk's migrations never made.

A crafted backup can carry a trigger that copies every erased person
somewhere else; SQLite runs it as soon as the app writes. The reference is
not a list written by hand (it would drift from the migrations): it is what
the migrations themselves make in a fresh in-memory database, for exactly
the steps the inspected database says it has had.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from app.db.migrations import MIGRATION_NAMES, applied_names, migration_set

# SQLite's own bookkeeping: ANALYZE (and PRAGMA optimize) writes the stat
# tables, AUTOINCREMENT the sequence table. They hold numbers, never code.
SQLITE_INTERNAL = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4", "sqlite_sequence"})


@dataclass(frozen=True, order=True)
class SchemaObject:
    kind: str  # table, index, trigger, view
    name: str

    def __str__(self) -> str:
        return f"{self.kind} {self.name}"


def schema_objects(conn: sqlite3.Connection) -> set[SchemaObject]:
    """Every object in the main database's sqlite_master (read only)."""
    return {SchemaObject(kind, name) for kind, name in conn.execute("SELECT type, name FROM main.sqlite_master")}


@lru_cache(maxsize=None)
def reference_objects(steps: tuple[str, ...]) -> frozenset[SchemaObject]:
    """What this app's migrations ``steps`` (the first of them, in order)
    make: FTS5 shadow tables, automatic indexes and the migrations' own table
    included, because SQLite and sqlite-utils make them here as they do on disk."""
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:")
    try:
        db = Database(conn, execute_plugins=False)
        pending = MIGRATION_NAMES[len(steps):]
        migration_set().apply(db, stop_before=pending[0] if pending else None)
        return frozenset(schema_objects(conn))
    finally:
        conn.close()


def foreign_objects(conn: sqlite3.Connection) -> list[SchemaObject]:
    """The objects of the database on ``conn`` that this app's migrations did
    not make, sorted; an empty list when it holds only Front Desk's schema.
    Steps this app does not know (a newer app's) are for the caller to refuse
    first: against them every object of theirs would look foreign."""
    done = set(applied_names(conn))
    # the steps run in order: the reference is the longest run of them this database has had
    steps = []
    for name in MIGRATION_NAMES:
        if name not in done:
            break
        steps.append(name)
    reference = reference_objects(tuple(steps))
    return sorted(
        obj for obj in schema_objects(conn)
        if obj not in reference and not (obj.kind == "table" and obj.name in SQLITE_INTERNAL)
    )


def describe_objects(objects: list[SchemaObject], limit: int = 10) -> str:
    """"trigger keep_erased, view people_copy" for a message; the rest counted."""
    shown = ", ".join(str(obj) for obj in objects[:limit])
    return shown if len(objects) <= limit else f"{shown} (+{len(objects) - limit})"
