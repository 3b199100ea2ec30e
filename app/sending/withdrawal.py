"""Erasing a person from the outbox too: ``erase_person_everywhere``.

A report exported ``--with-rosters`` and queued for sending keeps its own copy
in the outbox folder, roster names and all. Erasing the person only from the
database would let that copy leave the PC afterwards. So the erasure and the
outbox go together:

- a queued, interrupted or set-aside report whose copy holds the person is
  *withdrawn*, not rewritten: its totals count the person, its hidden
  ``_data`` and checksum match those totals, and a report remade by hand would
  no longer agree with itself. The row is set aside for good with the reason
  the user sees ("withdrawn: held a person erased on request; export the
  report again"), and its copy is deleted. A fresh export has a new content
  hash, hence a new remote name, so exactly-once sending is untouched.
- a report already sent is out of our reach; its local copy is deleted and the
  result names it, so the commune can ask the recipient to delete theirs.

The rows change in the erasure's own transaction (``within``), so a crash
leaves either everything as it was or the person erased and the rows
withdrawn; the copies are deleted after the commit, and a copy a crash left
behind is deleted by the next call or delivery pass (``app.sending.outbox.delete_withdrawn_copies``),
never sent: a withdrawn row is never put back in the queue.

The delivery pass lock is held throughout, so no pass is reading a copy
while we decide about it.
"""
from __future__ import annotations

import json
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import messages
from app.db.logged import require, update
from app.db.storage import Store
from app.domain.erasure import ErasureResult, erase_person
from app.errors import FrontDeskError
from app.sending.delivery import lock_path, pass_lock
from app.sending.outbox import (
    FAILED, SENT, WITHDRAWN, delete_copies, delete_withdrawn_copies, list_outbox, parcel_for,
)
from app.spreadsheets.reading import read_workbook

messages.register(
    {
        "withdrawal.busy": (
            "Đang gửi báo cáo nên chưa xóa được người này. Hãy thử lại sau ít phút; chưa có gì bị xóa.",
            "Reports are being sent, so the person cannot be erased yet. Try again in a few minutes; "
            "nothing was erased.",
        ),
    }
)

_SPREADSHEETS = (".xlsx", ".xls", ".ods")


@dataclass(frozen=True)
class PersonErased:
    erasure: ErasureResult
    withdrawn: tuple[str, ...]  # remote names of queued reports taken out of the outbox
    already_sent: tuple[str, ...]  # remote names of reports that left before the erasure

    def as_json(self) -> dict[str, Any]:
        return {**self.erasure.__dict__, "outbox_withdrawn": list(self.withdrawn),
                "outbox_already_sent": list(self.already_sent)}


def _norm(text: Any) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()


def holds_person(path: Path, full_name: str, citizen_id: str | None) -> bool:
    """Whether the file names the person: a cell that is their full name, or
    their citizen ID anywhere. A namesake counts too, and a file we cannot
    read counts: a report exported again costs a minute, a leak cannot be undone."""
    name = _norm(full_name)
    try:
        if path.suffix.lower() in _SPREADSHEETS:
            for sheet in read_workbook(path):
                for row in sheet.rows:
                    for cell in row:
                        if cell is None:
                            continue
                        text = _norm(cell)
                        if text == name or (citizen_id and citizen_id in text):
                            return True
            return False
        data = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8", "replace")).casefold()
    except FileNotFoundError:
        return False  # no copy, nothing to send: delivery sets the row aside by itself
    except (OSError, FrontDeskError):
        return True
    return name in _norm(data) or bool(citizen_id and citizen_id in data)


def _withdraw(store: Store, item_id: int) -> None:
    error = {"code": "outbox.withdrawn_erased", "kind": WITHDRAWN, "params": {}, "at": store.now_iso()}
    update(store, "outbox", item_id, {"state": FAILED, "next_attempt_at": None,
                                      "last_error": json.dumps(error, ensure_ascii=False, sort_keys=True)})


def erase_person_everywhere(store: Store, person_id: int, *, wait: float = 30.0) -> PersonErased:
    """``erase_person`` plus the outbox (see the module's text). Raises
    ``FrontDeskError('withdrawal.busy')`` when a delivery pass holds the outbox
    longer than ``wait`` seconds; then nothing was erased."""
    person_id = int(person_id)
    require(store, "person", person_id)
    deadline = time.monotonic() + wait
    while True:
        with pass_lock(lock_path(store)) as mine:
            if mine:
                return _erase_holding_the_lock(store, person_id)
        if time.monotonic() >= deadline:
            raise FrontDeskError("withdrawal.busy")
        time.sleep(0.2)


def _erase_holding_the_lock(store: Store, person_id: int) -> PersonErased:
    withdrawn: list[str] = []
    sent: list[str] = []
    copies: set[Path] = set()

    def from_the_outbox(store: Store) -> None:
        full_name, citizen_id = store.conn.execute(
            "SELECT full_name, citizen_id FROM person WHERE id = ?", (person_id,)
        ).fetchone()
        verdicts: dict[Path, bool] = {}
        for item in list_outbox(store):
            if item.withdrawn:
                continue
            path = parcel_for(store, item).path
            if path not in verdicts:
                verdicts[path] = holds_person(path, full_name, citizen_id)
            if not verdicts[path]:
                continue
            copies.add(path)
            if item.state == SENT:
                sent.append(item.remote_name)
            else:
                _withdraw(store, item.id)
                withdrawn.append(item.remote_name)

    result = erase_person(store, person_id, within=from_the_outbox)
    delete_copies(copies)  # after the commit: a crash before this leaves rows that are never sent
    delete_withdrawn_copies(store)
    if withdrawn or sent:
        store.events.emit("outbox_changed")
    return PersonErased(result, tuple(withdrawn), tuple(sent))
