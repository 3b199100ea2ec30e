"""Erasing a person on request (the right to erasure, Law 91/2025/QH15 Điều 4).

Unlike marking someone "moved away", erasure leaves nothing that says who
they were: the person, their memberships, posts and task assignments go;
petitions and fund entries linked to them stay (they happened, and the
figures count them) but lose the link, and their name becomes a neutral
word there and in those entries' change log (``app.domain.registers``);
and the change log keeps that changes happened but loses whose they were
(their values, and the links to them, are blanked). Their consents and
legal bases go; their requests to the Front stay, without their name, as
the proof that the erasure was done (``app.domain.privacy_erasure``).
All in one transaction.
Deleted pages are overwritten with zeros (``secure_delete``), the search
index is rebuilt without them and the WAL is emptied, so the words are not
left in the file's free space either.

Backups made before the erasure still hold the person until the retention
policy deletes them (docs/PRIVACY.md says how to delete them sooner).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from app.db import logged
from app.db.storage import Store
from app.domain.privacy_erasure import erase_privacy_records
from app.domain.registers import erase_from_registers

ERASED_NOTE = "erased-on-request"


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    memberships: int
    appointments: int
    task_assignments: int
    log_entries_scrubbed: int
    register_entries: int = 0  # petitions and fund entries that named the person
    privacy_records: int = 0  # consents and legal bases deleted, requests kept without the name


def _blank(value: Any, keys: tuple[str, ...], person_id: int, *, everything: bool = False) -> Any:
    """``value`` with the person's traces blanked: with ``everything`` every
    field, else the ``keys`` that point at the person, at any depth."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if everything:
                out[k] = None
            elif k in keys and (v == person_id or v == str(person_id)):
                out[k] = None
            elif k == "note" and "person_id" in value and value.get("person_id") in (person_id, None):
                out[k] = None  # a membership's or post's free text may describe the person
            else:
                out[k] = _blank(v, keys, person_id)
        return out
    if isinstance(value, list):
        return [_blank(v, keys, person_id) for v in value]
    return value


def _rewrite(store: Store, rows: list[tuple], person_id: int, *, keys: tuple[str, ...], everything: bool,
             unlink_row: bool) -> int:
    changed = 0
    for entry_id, before, after in rows:
        new = []
        for text in (before, after):
            if text is None:
                new.append(None)
                continue
            try:
                value = json.loads(text)
            except ValueError:
                new.append(None)  # not JSON: nothing to keep apart from the person
                continue
            new.append(json.dumps(_blank(value, keys, person_id, everything=everything), ensure_ascii=False,
                                  sort_keys=True))
        if new != [before, after] or unlink_row:
            sql = "UPDATE change_log SET before = ?, after = ?" + (", row_id = NULL" if unlink_row else "")
            store.conn.execute(sql + " WHERE id = ?", (*new, entry_id))
            changed += 1
    return changed


def _scrub_change_log(store: Store, person_id: int, memberships: list[int], appointments: list[int]) -> int:
    q = store.conn.execute
    scrubbed = 0
    # The person's own entries: every value blanked, and no longer tied to the
    # row id (a new person may get the same id later).
    rows = q("SELECT id, before, after FROM change_log WHERE table_name = 'person' AND row_id = ?", (person_id,)).fetchall()
    scrubbed += _rewrite(store, rows, person_id, keys=(), everything=True, unlink_row=True)
    for table, ids in (("membership", memberships), ("appointment", appointments)):
        rows = q(
            f"""SELECT id, before, after FROM change_log WHERE table_name = ? AND (
                  row_id IN ({", ".join("?" for _ in ids) or "NULL"})
                  OR json_extract(after, '$.person_id') = ? OR json_extract(before, '$.person_id') = ?)""",
            (table, *ids, person_id, person_id),
        ).fetchall()
        scrubbed += _rewrite(store, rows, person_id, keys=("person_id",), everything=False, unlink_row=True)
    others = (
        ("task_assignee", "person_id"),  # {"assignees": [{"person_id": ..., "role": ...}]}
        ("duty", "owner_id"),
        ("meta", None),  # {"my_person:<account>": "<id>"}
    )
    for table, key in others:
        rows = q("SELECT id, before, after FROM change_log WHERE table_name = ?", (table,)).fetchall()
        if key is None:
            keys = tuple({k for _i, b, a in rows for t in (b, a) if t for k in _keys(t) if k.startswith("my_person:")})
        else:
            keys = (key,)
        scrubbed += _rewrite(store, rows, person_id, keys=keys, everything=False, unlink_row=False)
    return scrubbed


def _keys(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except ValueError:
        return []
    return list(value) if isinstance(value, dict) else []


def erase_person(store: Store, person_id: int, *, within: Callable[[Store], None] | None = None) -> ErasureResult:
    """Remove the person and every trace of them that names them. Raises
    ``NotFound`` for an unknown id. Irreversible, except from a backup.

    ``within`` runs first inside the same transaction, while the person's row
    is still there: a layer above (the outbox, ``app.sending.withdrawal``)
    takes the person out of what it holds, all or nothing with the erasure."""
    person_id = int(person_id)
    logged.require(store, "person", person_id)
    conn = store.conn
    q = conn.execute
    secure = q("PRAGMA secure_delete").fetchone()[0]
    q("PRAGMA secure_delete = ON")
    try:
        with store.transaction():
            if within is not None:
                within(store)
            memberships = [r[0] for r in q("SELECT id FROM membership WHERE person_id = ?", (person_id,))]
            appointments = [r[0] for r in q("SELECT id FROM appointment WHERE person_id = ?", (person_id,))]
            tasks = q("SELECT count(*) FROM task_assignee WHERE person_id = ?", (person_id,)).fetchone()[0]
            # every name the person was known by, before the log forgets them
            names = {logged.require(store, "person", person_id)["full_name"]}
            for (name,) in q("SELECT json_extract(value, '$.full_name') FROM change_log, json_each("
                             "  json_array(json(coalesce(before, '{}')), json(coalesce(after, '{}'))))"
                             " WHERE table_name = 'person' AND row_id = ?", (person_id,)):
                if isinstance(name, str):
                    names.add(name)
            registers = erase_from_registers(store, person_id, tuple(names))
            privacy = erase_privacy_records(store, person_id, tuple(names))
            scrubbed = _scrub_change_log(store, person_id, memberships, appointments)
            q("DELETE FROM task_assignee WHERE person_id = ?", (person_id,))
            q("DELETE FROM appointment WHERE person_id = ?", (person_id,))
            q("DELETE FROM membership WHERE person_id = ?", (person_id,))
            q("UPDATE duty SET owner_id = NULL WHERE owner_id = ?", (person_id,))
            q("DELETE FROM meta WHERE key LIKE 'my\\_person:%' ESCAPE '\\' AND value = ?", (str(person_id),))
            q("DELETE FROM person_search WHERE rowid = ?", (person_id,))
            q("DELETE FROM person WHERE id = ?", (person_id,))
            counts = {"memberships": len(memberships), "appointments": len(appointments), "task_assignments": tasks}
            store.log("delete", "person", None, None, {"erased_on_request": True, **counts}, note=ERASED_NOTE)
            # The index's segments still hold the deleted tokens until merged.
            q("INSERT INTO person_search(person_search) VALUES ('optimize')")
        q("PRAGMA wal_checkpoint(TRUNCATE)")  # old page images leave the WAL file
    finally:
        q(f"PRAGMA secure_delete = {int(secure)}")
    store.events.emit("people_changed", ids=[person_id])
    if registers:
        store.events.emit("petitions_changed")
        store.events.emit("fund_changed")
    if privacy:
        store.events.emit("privacy_changed")
    return ErasureResult(person_id, len(memberships), len(appointments), tasks, scrubbed, registers, privacy)
