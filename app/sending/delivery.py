"""One delivery pass over the outbox: ``run_outbox``.

Bounded: each call makes one pass over the reports that are due and returns;
the app calls it on a timer and when the link comes back, ``sync run`` and
"Send now" call it with ``force`` (every waiting report now, whatever the
backoff says).

For each report the state ``sending`` (and the attempt) is committed BEFORE
the transport is called, and ``sent`` only after the destination confirmed
it. A crash in between leaves ``sending``; the next pass sends that report
again, which is safe because every delivery is idempotent (content-hash names,
``If-None-Match: *``, a Message-ID from the hash).

Failures (``app.sending.transport``): ``temporary`` retries this report later with
exponential backoff and jitter, and the pass goes on; ``offline`` and
``settings`` do the same but end the pass (the others would fail alike);
``permanent`` sets the report aside with its reason and the pass goes on.

Only one pass runs at a time per database (an OS file lock in its outbox folder, which a
killed process releases by itself): a second caller returns ``busy``.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

from app import messages
from app.clock import Clock, iso_timestamp
from app.sending.outbox import (
    FAILED, NOT_WITHDRAWN, QUEUED, SENDING, SENT, WAITING, OutboxItem, delete_copies, delete_withdrawn_copies,
    list_outbox, outbox_folder, parcel_for,
)
from app.db.logged import delete, update
from app.sending.secrets import scrub
from app.db.storage import Store
from app.sending.transport import OFFLINE, PERMANENT, SETTINGS, TEMPORARY, DeliveryError, sha256_of

log = logging.getLogger(__name__)

BASE_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)
# knocking on a link that is down costs nobody anything: look again often, so
# reports leave within minutes of the link coming back even without a signal
MAX_OFFLINE_DELAY = timedelta(minutes=5)

messages.register(
    {
        "delivery.unexpected": (
            "Lỗi ngoài dự kiến khi gửi ({reason}); chi tiết trong nhật ký. Sẽ thử lại.",
            "Unexpected error while sending ({reason}); details are in the log. It will be tried again.",
        ),
    }
)


def backoff_delay(attempts: int, rng: random.Random, *, cap: timedelta = MAX_DELAY) -> timedelta:
    """Exponential (30 s, 1 min, 2 min ... up to ``cap``) with "equal jitter": between
    half and all of it, so many offices coming back online do not all knock at once."""
    ceiling = min(cap, BASE_DELAY * (2 ** max(0, min(attempts - 1, 20))))
    return ceiling / 2 + ceiling / 2 * rng.random()


@dataclass
class PassResult:
    sent: list[int] = field(default_factory=list)
    set_aside: list[int] = field(default_factory=list)
    retry_later: list[int] = field(default_factory=list)
    stopped: DeliveryError | None = None
    busy: bool = False

    def as_json(self, lang: str | None = None) -> dict[str, Any]:
        stop = self.stopped
        return {
            "sent": self.sent,
            "set_aside": self.set_aside,
            "retry_later": self.retry_later,
            "busy": self.busy,
            "stopped": None if stop is None else {
                "kind": stop.kind, "code": stop.code, "message": messages.describe(stop, lang)
            },
        }


def lock_path(store: Store) -> Path:
    folder = outbox_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / ".sync-lock"


@contextlib.contextmanager
def pass_lock(path: Path) -> Iterator[bool]:
    """Hold an exclusive OS lock on ``path`` (yields False if another pass holds it)."""
    handle = open(path, "a+b")
    try:
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    finally:
        handle.close()  # on POSIX closing releases the lock; a killed process releases it too


def _utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def _due(item: OutboxItem, now: datetime, force: bool) -> bool:
    if force or item.state == SENDING or not item.next_attempt_at:
        return True
    try:
        return datetime.fromisoformat(item.next_attempt_at) <= now
    except ValueError:
        return True


def retarget(store: Store, label: str) -> None:
    """Waiting and set-aside reports go to the destination chosen now.

    A report already queued for (or sent to) that destination with the same
    content makes this row redundant: the other row carries the same bytes
    there. The redundant row's copy goes too, unless another row uses it."""
    dropped: set[str] = set()
    with store.transaction():
        rows = store.conn.execute(
            f"SELECT id, kind, sha256, file_path, state FROM outbox "
            f"WHERE state != 'sent' AND destination != ? AND {NOT_WITHDRAWN}",
            (label,),
        ).fetchall()
        for row_id, kind, sha256, file_path, state in rows:
            other = store.conn.execute(
                f"SELECT id FROM outbox WHERE destination = ? AND kind = ? AND sha256 = ? AND {NOT_WITHDRAWN}",
                (label, kind, sha256),
            ).fetchone()
            if other is not None:
                delete(store, "outbox", row_id)
                dropped.add(file_path)
                continue
            changes: dict[str, Any] = {"destination": label}
            if state != SENDING:  # a new destination is a fresh chance, even for one set aside
                changes.update(state=QUEUED, next_attempt_at=None)
            update(store, "outbox", row_id, changes)
        orphans = {
            name for name in dropped
            if store.conn.execute("SELECT 1 FROM outbox WHERE file_path = ?", (name,)).fetchone() is None
        }
    if orphans:  # after the commit: a copy nobody sends must not linger with its personal data
        folder = outbox_folder(store)
        delete_copies({Path(n) if Path(n).is_absolute() else folder / n for n in orphans})


def run_outbox(
    store: Store,
    transport: Any,
    clock: Clock | None = None,
    force: bool = False,
    *,
    rng: random.Random | None = None,
    secrets: tuple[str, ...] = (),
) -> PassResult:
    """One bounded pass: deliver the reports that are due through ``transport``.

    ``secrets``, and the transport's own ``hidden`` ones (its password), are
    scrubbed from anything recorded."""
    clock = clock or store.clock
    secrets = tuple(secrets) + tuple(getattr(transport, "hidden", ()))
    rng = rng or random.Random()
    result = PassResult()
    with pass_lock(lock_path(store)) as mine:
        if not mine:
            result.busy = True
            return result
        delete_withdrawn_copies(store)  # left by a crash right after an erasure
        retarget(store, f"{transport.kind}:{transport.label}")
        now = clock.now()
        due = [i for i in list_outbox(store, WAITING) if _due(i, now, force)]
        # interrupted ones first, then the longest waiting
        due.sort(key=lambda i: (i.state != SENDING, i.id))
        for item in due:
            stop = _deliver_one(store, transport, clock, rng, item, result, secrets)
            if stop is not None:
                result.stopped = stop
                break
    store.events.emit("outbox_changed", ids=result.sent + result.set_aside + result.retry_later)
    return result


def _deliver_one(
    store: Store, transport: Any, clock: Clock, rng: random.Random, item: OutboxItem,
    result: PassResult, secrets: tuple[str, ...],
) -> DeliveryError | None:
    parcel = parcel_for(store, item)
    try:
        intact = parcel.path.is_file() and sha256_of(parcel.path) == item.sha256
    except OSError:
        intact = False
    if not intact:
        missing = DeliveryError(PERMANENT, "outbox.file_missing", path=str(parcel.path))
        _record_failure(store, clock, rng, item.id, item.attempts, missing, secrets)
        result.set_aside.append(item.id)
        return None
    # committed before anything leaves: a crash from here on is found as 'sending'
    with store.transaction():
        store.conn.execute(
            "UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ? WHERE id = ?",
            (SENDING, _utc(clock.now()), item.id),
        )
    store.events.emit("outbox_changed", ids=[item.id])
    attempts = item.attempts + 1
    try:
        receipt = transport.deliver(parcel)
    except DeliveryError as exc:
        _record_failure(store, clock, rng, item.id, attempts, exc, secrets)
        (result.set_aside if exc.kind == PERMANENT else result.retry_later).append(item.id)
        log.info("outbox %s attempt %s: %s (%s)", item.id, attempts, exc.code, exc.kind)
        return exc if exc.kind in (OFFLINE, SETTINGS) else None
    except Exception as exc:  # a fault in a transport must not leave the row stuck
        log.exception("outbox %s: unexpected failure while sending", item.id)
        failure = DeliveryError(TEMPORARY, "delivery.unexpected", reason=type(exc).__name__)
        _record_failure(store, clock, rng, item.id, attempts, failure, secrets)
        result.retry_later.append(item.id)
        return failure
    with store.transaction():
        update(
            store, "outbox", item.id,
            {
                "state": SENT, "sent_at": store.now_iso(), "next_attempt_at": None, "last_error": None,
                "receipt": scrub(json.dumps(receipt, ensure_ascii=False, sort_keys=True), secrets),
            },
        )
    result.sent.append(item.id)
    log.info("outbox %s sent after %s attempt(s)", item.id, attempts)
    return None


def _record_failure(
    store: Store, clock: Clock, rng: random.Random, item_id: int, attempts: int,
    error: DeliveryError, secrets: tuple[str, ...],
) -> None:
    now = clock.now()
    recorded = {
        "code": error.code,
        "kind": error.kind,
        "params": {k: scrub(str(v), secrets) for k, v in error.params.items()},
        "at": iso_timestamp(now),
    }
    if error.kind == PERMANENT:
        changes = {"state": FAILED, "next_attempt_at": None}
    else:
        cap = MAX_OFFLINE_DELAY if error.kind == OFFLINE else MAX_DELAY
        changes = {"state": QUEUED, "next_attempt_at": _utc(now + backoff_delay(attempts, rng, cap=cap))}
    changes["last_error"] = json.dumps(recorded, ensure_ascii=False, sort_keys=True)
    with store.transaction():
        update(store, "outbox", item_id, changes)
