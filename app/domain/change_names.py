"""The names behind the numbers of change-log entries: the person, organization,
position, task, duty or register entry an entry (or one of its values) points at.

A page of entries is looked up in one go (``NameBook.learn``): one query per
table for the whole page, never one per entry, so a page of the window or of
an export costs a handful of queries however long it is.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from app.db.storage import Store
from app.domain.change_log import ChangeEntry

# Fields that hold the id of another record, and the table it names.
REFERENCES = {
    "person_id": "person", "owner_id": "person", "area_id": "organization", "organization_id": "organization",
    "parent_id": "organization", "position_id": "position", "duty_id": "duty", "task_id": "task",
}
# The tables a record's own name is read from, and how.
NAMED_TABLES = {
    "person": "SELECT id, full_name FROM person WHERE id IN ({})",
    "organization": "SELECT id, name FROM organization WHERE id IN ({})",
    "position": "SELECT p.id, p.title || ' — ' || o.name FROM position p"
                " JOIN organization o ON o.id = p.organization_id WHERE p.id IN ({})",
    "task": "SELECT id, title FROM task WHERE id IN ({})",
    "duty": "SELECT id, title FROM duty WHERE id IN ({})",
    # a petition by the beginning of what it asks; a fund entry by its donor or beneficiary
    "petition": "SELECT id, CASE WHEN length(content) > 80 THEN rtrim(substr(content, 1, 79)) || '…'"
                " ELSE content END FROM petition WHERE id IN ({})",
    "fund_entry": "SELECT id, party FROM fund_entry WHERE id IN ({})",
    "oversight_case": "SELECT id, title FROM oversight_case WHERE id IN ({})",
    # personal data: a consent or a basis by its person; a request by who made it; an
    # incident by what happened; a view of sensitive data by whose it was (row_id = the person)
    "consent": "SELECT c.id, p.full_name FROM consent c JOIN person p ON p.id = c.person_id WHERE c.id IN ({})",
    "legal_basis": "SELECT b.id, p.full_name FROM legal_basis b JOIN person p ON p.id = b.person_id"
                   " WHERE b.id IN ({})",
    "data_request": "SELECT id, requester FROM data_request WHERE id IN ({})",
    "data_incident": "SELECT id, CASE WHEN length(what) > 80 THEN rtrim(substr(what, 1, 79)) || '…'"
                     " ELSE what END FROM data_incident WHERE id IN ({})",
    "sensitive_view": "SELECT id, full_name FROM person WHERE id IN ({})",
}
# A membership or a post is about a person and an organization or a position.
_LINK_QUERIES = {
    "membership": "SELECT id, person_id, 'organization', organization_id FROM membership WHERE id IN ({})",
    "appointment": "SELECT id, person_id, 'position', position_id FROM appointment WHERE id IN ({})",
}
_CHUNK = 500  # ids bound to one query: well under SQLite's limit of bound values

Link = tuple[int | None, str, int | None]  # (person id, "organization" or "position", its id)


class NameBook:
    """Names of the records a page of entries mentions, read in one go per table.
    A record deleted since is not found: the entry's own values name it then."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._names: dict[tuple[str, int], str] = {}
        self._links: dict[tuple[str, int], Link] = {}

    def name(self, table: str, row_id: Any) -> str | None:
        return self._names.get((table, row_id)) if isinstance(row_id, int) else None

    def link(self, table: str, row_id: Any) -> Link | None:
        """Who and what a membership or an appointment is about."""
        return self._links.get((table, row_id)) if isinstance(row_id, int) else None

    def learn(self, entries: Iterable[ChangeEntry]) -> None:
        wanted: dict[str, set[int]] = defaultdict(set)
        for entry in entries:
            if entry.row_id is not None:
                wanted["task" if entry.table == "task_assignee" else entry.table].add(entry.row_id)
            for values in (entry.before, entry.after):
                for table, ref in references(values):
                    wanted[table].add(ref)
                if isinstance(values, dict) and entry.table in _LINK_QUERIES:
                    self._link_from_values(entry, values)
        for table, sql in _LINK_QUERIES.items():
            for row_id, person_id, kind, other in self._query(sql, wanted.get(table, ()), self._links, table):
                self._links[(table, row_id)] = (person_id, kind, other)
        for person_id, kind, other in self._links.values():
            if person_id is not None:
                wanted["person"].add(person_id)
            if other is not None:
                wanted[kind].add(other)
        for table, sql in NAMED_TABLES.items():
            for row_id, name in self._query(sql, wanted.get(table, ()), self._names, table):
                self._names[(table, row_id)] = name

    def _link_from_values(self, entry: ChangeEntry, values: dict) -> None:
        """An inserted (or deleted) membership or post names its person in its own values."""
        kind, other_key = ("organization", "organization_id") if entry.table == "membership" else (
            "position", "position_id")
        if entry.row_id is not None and isinstance(values.get("person_id"), int):
            self._links.setdefault((entry.table, entry.row_id), (values["person_id"], kind, values.get(other_key)))

    def _query(self, sql: str, ids: Iterable[int], known: dict, table: str) -> list[tuple]:
        missing = [i for i in ids if isinstance(i, int) and (table, i) not in known]
        found: list[tuple] = []
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start:start + _CHUNK]
            found += self._store.conn.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()
        return found


def references(values: Any) -> Iterator[tuple[str, int]]:
    """(table, id) of every record a logged value points at: the assignees of a
    task and the person a user of the app says they are included."""
    if not isinstance(values, dict):
        return
    for key, value in values.items():
        if key in REFERENCES and isinstance(value, int):
            yield REFERENCES[key], value
        elif key.startswith("my_person:") and isinstance(value, str) and value.isdigit():
            yield "person", int(value)  # the setting of who uses the app, kept as text
        elif key == "assignees" and isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and isinstance(item.get("person_id"), int):
                    yield "person", item["person_id"]
