"""Erasing a person from the personal data records, inside the erasure's
transaction (``app.domain.erasure``), while the person's row is still there.

- Their consents and legal bases go, scanned forms and all (the database's
  ``secure_delete`` zeroes the pages): they said who the person was and what
  they agreed to, and there is nobody left to process.
- Their requests stay — a completed erasure request is the commune's proof
  that it did what the law asks — but lose the link and the name: the
  requester becomes ``ERASED_NAME`` and the person's names are taken out of
  the note, in the row and in its change-log entries.
- The change log's entries about their consents and bases keep that
  something was recorded, with every value blanked; the entries saying their
  ethnicity and religion were shown lose the link to them.
"""
from __future__ import annotations

import json

from app.db.storage import Store
from app.domain.registers import ERASED_NAME, replace_names
from app.domain.sensitive import VIEW_TABLE


def _rewrite(text: str | None, person_id: int, names: tuple[str, ...], *, everything: bool) -> str | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, dict):
        if everything:
            value = {k: None for k in value}
        else:
            value = replace_names(value, names)
            if value.get("person_id") == person_id:
                value["person_id"] = None
                if "requester" in value:
                    value["requester"] = ERASED_NAME
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _scrub_log(store: Store, table: str, ids: list[int], person_id: int, names: tuple[str, ...], *,
               everything: bool) -> int:
    q = store.conn.execute
    marks = ", ".join("?" for _ in ids) or "NULL"
    rows = q(f"SELECT id, before, after FROM change_log WHERE table_name = ? AND (row_id IN ({marks})"
             " OR json_extract(after, '$.person_id') = ? OR json_extract(before, '$.person_id') = ?)",
             (table, *ids, person_id, person_id)).fetchall()
    for entry_id, before, after in rows:
        q("UPDATE change_log SET before = ?, after = ?" + (", row_id = NULL" if everything else "")
          + " WHERE id = ?", (_rewrite(before, person_id, names, everything=everything),
                              _rewrite(after, person_id, names, everything=everything), entry_id))
    return len(rows)


def erase_privacy_records(store: Store, person_id: int, names: tuple[str, ...]) -> int:
    """Inside the erasure's transaction; returns the rows deleted or changed."""
    names = tuple(sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True))
    q = store.conn.execute
    changed = 0
    for table in ("consent", "legal_basis"):
        ids = [r[0] for r in q(f"SELECT id FROM {table} WHERE person_id = ?", (person_id,))]
        _scrub_log(store, table, ids, person_id, names, everything=True)
        q(f"DELETE FROM {table} WHERE person_id = ?", (person_id,))
        changed += len(ids)
    ids = [r[0] for r in q("SELECT id FROM data_request WHERE person_id = ?", (person_id,))]
    for request_id in ids:
        note, reason = q("SELECT note, extension_reason FROM data_request WHERE id = ?", (request_id,)).fetchone()
        q("UPDATE data_request SET person_id = NULL, requester = ?, note = ?, extension_reason = ? WHERE id = ?",
          (ERASED_NAME, replace_names(note, names), replace_names(reason, names), request_id))
    _scrub_log(store, "data_request", ids, person_id, names, everything=False)
    changed += len(ids)
    # "their ethnicity and religion were shown": the fact stays, whose it was goes
    for entry_id, after in q("SELECT id, after FROM change_log WHERE table_name = ? AND row_id = ?",
                             (VIEW_TABLE, person_id)).fetchall():
        q("UPDATE change_log SET row_id = NULL, after = ? WHERE id = ?",
          (_rewrite(after, person_id, names, everything=False), entry_id))
    return changed
