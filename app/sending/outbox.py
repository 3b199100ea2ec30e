"""The outbox: reports waiting to go upward, and what became of each.

``queue_report`` copies the file into the outbox folder that belongs to the
database (``<db name>-outbox`` beside it), so moving or deleting the exported
file afterwards loses nothing; the copy is written atomically and its SHA-256
taken from the very bytes written. The remote name carries the commune code,
the period and the content hash (``00004_2026-11_<sha12>.xlsx``): it makes
every delivery idempotent. The outbox knows a report by its content: queuing
the same bytes again for the same destination gives the row already there,
whatever period or name it is given the second time, so a report already sent
is never sent again under a second name.

States: ``queued`` (waiting, maybe with a next attempt time), ``sending``
(recorded before the transport is called: a row found in this state was
interrupted and is sent again), ``sent`` (the destination confirmed it),
``failed`` (set aside: it can never be delivered there; the reason is kept).
A row leaves the queue only when delivery is confirmed. A set-aside row whose
error kind is ``withdrawn`` held a person erased on request
(``app.sending.withdrawal``): its copy is deleted and nothing puts it back in
the queue, not ``put_back``, a new destination, nor queuing the same bytes. Delivery itself is
``app.sending.delivery.run_outbox``.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.os_words import os_reason
from app import durable
from app import messages
from app.errors import FrontDeskError, InvalidValue
from app.db.logged import insert, update
from app.db.storage import Store
from app.domain.commune import is_demo
from app.sending import smtp, webdav  # noqa: F401 - their texts describe stored errors
from app.sending.transport import Parcel, sha256_of
from app.durable import fsync_folder

QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"
WAITING = (QUEUED, SENDING)
STATES = (QUEUED, SENDING, SENT, FAILED)
WITHDRAWN = "withdrawn"  # the error kind of a row taken out of the queue for good
# SQL: the row was not withdrawn (a last_error that is not JSON was not written by a withdrawal)
NOT_WITHDRAWN = (
    "NOT (state = 'failed' AND coalesce(CASE WHEN json_valid(last_error) "
    "THEN json_extract(last_error, '$.kind') END, '') = 'withdrawn')"
)

_PERIOD = re.compile(r"\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|W(0[1-9]|[1-4]\d|5[0-3])))?")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,8}")
_KIND = re.compile(r"[a-z][a-z0-9-]{0,30}")

messages.register(
    {
        "outbox.no_file": ("Không thấy tệp {path}.", "No file at {path}."),
        "outbox.demo": (
            "Đây là xã mẫu (dữ liệu mẫu, không có thật): báo cáo của xã mẫu không gửi lên tỉnh. Hãy thiết lập "
            "xã của mình (nút “Thiết lập xã của tôi…”, hoặc frontdesk init) rồi lập báo cáo từ dữ liệu thật.",
            "This is the demo commune (made-up data): its reports are not sent to the province. Set up your "
            "own commune (“Set up my commune…”, or frontdesk init) and make the report from real data.",
        ),
        "outbox.unreadable": (
            "Không đọc hoặc chép được tệp {path} vào hộp thư đi: {reason}",
            "Could not read or copy {path} into the outbox: {reason}",
        ),
        "outbox.bad_period": (
            "“{value}” không hợp lệ: dùng dạng 2026-11, 2026-Q4, 2026-H2 hoặc 2026.",
            "“{value}” is not valid: use 2026-11, 2026-Q4, 2026-H2 or 2026.",
        ),
        "outbox.bad_commune": ("“{value}” phải có 5 chữ số.", "“{value}” must have 5 digits."),
        "outbox.file_missing": (
            "Bản sao trong hộp thư đi đã mất hoặc bị sửa ({path}). Hãy xuất và gửi lại báo cáo.",
            "The outbox copy is missing or was changed ({path}). Export and send the report again.",
        ),
        "outbox.withdrawn_erased": (
            "Đã rút khỏi hộp thư đi: tệp có thông tin của một người đã bị xóa theo yêu cầu. Hãy xuất lại báo cáo.",
            "Withdrawn: it held a person erased on request. Export the report again.",
        ),
        "outbox.withdrawn_again": (
            "Không gửi {path}: tệp này có thông tin của một người đã bị xóa theo yêu cầu. Hãy xuất lại báo cáo.",
            "Not sending {path}: it holds a person erased on request. Export the report again.",
        ),
        "outbox.not_found": ("Không có mục số {id} trong hộp thư đi.", "No outbox item number {id}."),
        "outbox.state.queued": ("đang chờ gửi", "waiting"),
        "outbox.state.sending": ("đang gửi", "sending"),
        "outbox.state.sent": ("đã gửi", "sent"),
        "outbox.state.failed": ("để riêng, không gửi được", "set aside"),
    }
)
messages.register_fields({"period": ("Kỳ báo cáo", "Period"), "commune_code": ("Mã xã", "Commune code")})


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    period: str | None
    file_path: str
    remote_name: str
    sha256: str
    size: int
    destination: str
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: dict[str, Any] | None
    receipt: dict[str, Any] | None
    created_at: str
    sent_at: str | None

    @property
    def commune_code(self) -> str:
        return self.remote_name.split("_", 1)[0]

    @property
    def waiting(self) -> bool:
        return self.state in WAITING

    @property
    def withdrawn(self) -> bool:
        return self.state == FAILED and (self.last_error or {}).get("kind") == WITHDRAWN

    def error_text(self, lang: str | None = None) -> str | None:
        if not self.last_error:
            return None
        return messages.text(self.last_error.get("code", "error"), lang, **self.last_error.get("params", {}))

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "period": self.period,
            "remote_name": self.remote_name,
            "sha256": self.sha256,
            "size": self.size,
            "destination": self.destination,
            "state": self.state,
            "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at,
            "last_error": self.error_text(lang),
            "last_error_code": (self.last_error or {}).get("code"),
            "last_error_kind": (self.last_error or {}).get("kind"),
            "receipt": self.receipt,
            "created_at": self.created_at,
            "sent_at": self.sent_at,
        }


def outbox_folder(store: Store) -> Path:
    """The app-owned copies of queued files: beside the database they belong to."""
    return store.path.parent / f"{store.path.stem}-outbox"


def remote_name_for(commune_code: str, period: str | None, sha256: str, suffix: str, kind: str = "report") -> str:
    parts = [commune_code] + ([] if kind == "report" else [kind]) + ([period] if period else []) + [sha256[:12]]
    suffix = suffix.lower() if _SUFFIX.fullmatch(suffix) else ".bin"
    return "_".join(parts) + suffix


def _item(row: dict[str, Any]) -> OutboxItem:
    values = dict(row)
    for key in ("last_error", "receipt"):
        try:
            values[key] = json.loads(values[key]) if values[key] else None
        except ValueError:
            values[key] = {"code": "error", "params": {}, "text": values[key]}
    return OutboxItem(**values)


def _rows(store: Store, where: str = "", params: tuple = ()) -> list[OutboxItem]:
    cur = store.conn.execute(f"SELECT * FROM outbox {where} ORDER BY id", params)
    names = [d[0] for d in cur.description]
    return [_item(dict(zip(names, r))) for r in cur.fetchall()]


def get_item(store: Store, item_id: int) -> OutboxItem:
    found = _rows(store, "WHERE id = ?", (item_id,))
    if not found:
        raise FrontDeskError("outbox.not_found", id=item_id)
    return found[0]


def list_outbox(store: Store, states: tuple[str, ...] = STATES) -> list[OutboxItem]:
    marks = ", ".join("?" for _ in states)
    return _rows(store, f"WHERE state IN ({marks})", tuple(states))


def _commune_code(store: Store, given: str | None) -> str:
    if given is None:
        row = store.conn.execute("SELECT code FROM commune").fetchone()
        given = row[0] if row else ""
    code = str(given).strip()
    if code.isdigit() and len(code) < 5:
        code = code.zfill(5)
    if not (len(code) == 5 and code.isdigit()):
        raise InvalidValue("outbox.bad_commune", field="commune_code", value=given)
    return code


def _copy_in(source: Path, folder: Path) -> tuple[Path, str, int]:
    """Copy ``source`` into ``folder`` under a temporary name: (temporary, sha256, size)."""
    folder.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    handle, temporary = tempfile.mkstemp(prefix=".queue.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out, open(source, "rb") as src:
            for block in iter(lambda: src.read(1 << 16), b""):
                digest.update(block)
                size += len(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        durable.remove(Path(temporary))
        raise
    return Path(temporary), digest.hexdigest(), size


def queue_report(
    store: Store,
    path: Path | str,
    commune_code: str | None = None,
    period: str | None = None,
    *,
    kind: str = "report",
    destination: str = "",
) -> OutboxItem:
    """Put the file at ``path`` in the outbox (a copy of it); returns its row.

    ``commune_code`` defaults to the database's commune. ``destination`` is
    the label of the chosen destination ('' when none is chosen yet; the next
    delivery pass takes the waiting rows to its destination). Queuing the same
    content again returns the row already there; a set-aside one is put back
    in the queue."""
    if is_demo(store):  # made-up figures never leave for the province
        raise FrontDeskError("outbox.demo")
    source = Path(path)
    if not source.is_file():
        raise FrontDeskError("outbox.no_file", path=str(source))
    code = _commune_code(store, commune_code)
    if period is not None and not _PERIOD.fullmatch(period.strip()):
        raise InvalidValue("outbox.bad_period", field="period", value=period)
    period = period.strip() if period else None
    if not _KIND.fullmatch(kind):
        raise ValueError(f"not an outbox kind: {kind!r}")
    folder = outbox_folder(store)
    try:
        temporary, sha256, size = _copy_in(source, folder)
        name = remote_name_for(code, period, sha256, source.suffix, kind)
        if _withdrawn_content(store, sha256, name):  # the very bytes that held an erased person
            durable.remove(temporary, missing_ok=False)
            raise FrontDeskError("outbox.withdrawn_again", path=str(source))
        same = _same_content(store, destination, kind, sha256)
        if same is not None:  # the same report, maybe queued under another period: its row and its copy
            name = same[2]
        target = _copy_path(folder, name)
        if target.is_file() and sha256_of(target) == sha256:
            durable.remove(temporary, missing_ok=False)
        else:
            durable.replace(temporary, target)
            fsync_folder(folder)
    except OSError as exc:
        raise FrontDeskError("outbox.unreadable", path=str(source), reason=os_reason(exc)) from exc
    with store.transaction():
        found = _same_content(store, destination, kind, sha256)
        if found is None:
            item_id = insert(
                store,
                "outbox",
                {
                    "kind": kind, "period": period, "file_path": name, "remote_name": name,
                    "sha256": sha256, "size": size, "destination": destination, "state": QUEUED,
                    "created_at": store.now_iso(),
                },
                timestamps=False,
            )
        else:
            item_id = found[0]
            if found[1] == FAILED:
                update(store, "outbox", item_id, {"state": QUEUED, "next_attempt_at": None})
    store.events.emit("outbox_changed", ids=[item_id])
    return get_item(store, item_id)


def _copy_path(folder: Path, file_path: str) -> Path:
    path = Path(file_path)
    return path if path.is_absolute() else folder / path


def _same_content(store: Store, destination: str, kind: str, sha256: str) -> tuple[int, str, str] | None:
    """(id, state, file_path) of the row that already carries these bytes to
    ``destination``: a sent one first, then a waiting one, then one set aside."""
    return store.conn.execute(
        f"SELECT id, state, file_path FROM outbox WHERE destination = ? AND kind = ? AND sha256 = ? "
        f"AND {NOT_WITHDRAWN} ORDER BY CASE state WHEN 'sent' THEN 0 WHEN 'sending' THEN 1 "
        f"WHEN 'queued' THEN 2 ELSE 3 END, id LIMIT 1",
        (destination, kind, sha256),
    ).fetchone()


def _withdrawn_content(store: Store, sha256: str, name: str) -> bool:
    """Whether these bytes (under any name) were withdrawn because they held an erased person."""
    return store.conn.execute(
        f"SELECT 1 FROM outbox WHERE (sha256 = ? OR remote_name = ?) AND NOT ({NOT_WITHDRAWN})", (sha256, name)
    ).fetchone() is not None


def delete_copies(paths: set[Path]) -> None:
    """Delete outbox copies for good: the deletions are on the disk when this returns."""
    for path in paths:
        durable.remove(path)
    for folder in {p.parent for p in paths}:
        fsync_folder(folder)


def delete_withdrawn_copies(store: Store) -> int:
    """Delete the copies of withdrawn rows that a crash after the erasure's
    commit left behind (they are never sent, but they still name the person)."""
    rows = store.conn.execute(f"SELECT file_path FROM outbox WHERE NOT ({NOT_WITHDRAWN})").fetchall()
    folder = outbox_folder(store)
    found = {p for (name,) in rows if (p := folder / name if not Path(name).is_absolute() else Path(name)).exists()}
    delete_copies(found)
    return len(found)


def parcel_for(store: Store, item: OutboxItem) -> Parcel:
    path = Path(item.file_path)
    if not path.is_absolute():
        path = outbox_folder(store) / path
    return Parcel(path, item.remote_name, item.sha256, item.size, item.commune_code, item.period, item.kind)


def put_back(store: Store, item_id: int | None = None) -> list[int]:
    """Put set-aside reports (one, or all) back in the queue, e.g. after the
    province raised its size limit. Returns the ids put back."""
    where = f"WHERE state = 'failed' AND {NOT_WITHDRAWN}" + (" AND id = ?" if item_id is not None else "")
    params: tuple = (item_id,) if item_id is not None else ()
    if item_id is not None:
        get_item(store, item_id)
    with store.transaction():
        ids = [r[0] for r in store.conn.execute(f"SELECT id FROM outbox {where}", params)]
        for row_id in ids:
            update(store, "outbox", row_id, {"state": QUEUED, "next_attempt_at": None})
    if ids:
        store.events.emit("outbox_changed", ids=ids)
    return ids


@dataclass(frozen=True)
class OutboxSummary:
    """What the status bar shows: one word for the whole outbox, and the counts."""

    status: str  # all_sent, waiting, sending, offline, attention, no_destination
    counts: dict[str, int]
    next_attempt_at: str | None
    last_error: dict[str, Any] | None

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        error = self.last_error
        text = messages.text(error["code"], lang, **error.get("params", {})) if error else None
        return {
            "status": self.status,
            "counts": self.counts,
            "next_attempt_at": self.next_attempt_at,
            "last_error": text,
            "last_error_kind": error.get("kind") if error else None,
        }


def outbox_summary(store: Store, *, has_destination: bool = True) -> OutboxSummary:
    counts = {state: 0 for state in STATES}
    for state, count in store.conn.execute("SELECT state, count(*) FROM outbox GROUP BY state"):
        counts[state] = count
    waiting = [i for i in list_outbox(store, WAITING)]
    moments = [i.next_attempt_at for i in waiting if i.next_attempt_at]
    following = min(moments, key=lambda m: datetime.fromisoformat(m)) if moments else None
    # a withdrawn row needs nothing more from anyone: it does not call for attention
    set_aside = counts[FAILED] - sum(1 for i in list_outbox(store, (FAILED,)) if i.withdrawn)
    errors = [i.last_error for i in waiting if i.last_error]
    last_error = errors[-1] if errors else None
    if waiting and not has_destination:
        status = "no_destination"
    elif counts[SENDING]:
        status = "sending"
    elif set_aside or (last_error and last_error.get("kind") == "settings"):
        status = "attention"
    elif waiting and last_error and last_error.get("kind") == "offline":
        status = "offline"
    elif waiting:
        status = "waiting"
    else:
        status = "all_sent"
    return OutboxSummary(status, counts, following, last_error)
