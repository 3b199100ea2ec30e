"""The outbox and the delivery pass: queuing, states, backoff, force, the lock,
a permanent failure set aside, and the folder transport's atomic writes."""
from __future__ import annotations

import json
import os
import random
from datetime import datetime, timedelta

import pytest

from app.errors import FrontDeskError, InvalidValue
from app.sending.delivery import backoff_delay, lock_path, pass_lock, run_outbox
from app.sending.folder import MANIFEST_SUFFIX, FolderTransport, write_atomically
from app.sending.outbox import list_outbox, outbox_folder, outbox_summary, put_back, queue_report
from app.sending.transport import OFFLINE, PERMANENT, TEMPORARY, DeliveryError


def _file(tmp_path, name="bao-cao.xlsx", data=b"report bytes"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


class Scripted:
    """A transport that answers from a script: for the loop's own logic only
    (the real transports have their own tests against real servers)."""

    kind, label, hidden = "folder", "/scripted", ()

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls: list[str] = []

    def deliver(self, parcel):
        self.calls.append(parcel.remote_name)
        outcome = self.outcomes.pop(0) if self.outcomes else "ok"
        if isinstance(outcome, DeliveryError):
            raise outcome
        return {"transport": "scripted"}


# -- queuing -------------------------------------------------------------------


def test_queue_copies_the_file_under_a_name_with_commune_period_and_hash(store, tmp_path):
    source = _file(tmp_path)
    item = queue_report(store, source, period="2026-11")
    assert item.remote_name == f"00004_2026-11_{item.sha256[:12]}.xlsx"
    assert item.state == "queued" and item.size == len(b"report bytes")
    copy = outbox_folder(store) / item.file_path
    source.unlink()  # the user moves or deletes the export: the outbox keeps its copy
    assert copy.read_bytes() == b"report bytes"
    assert [p.name for p in outbox_folder(store).iterdir() if not p.name.startswith(".")] == [copy.name]
    log = store.conn.execute("SELECT action FROM change_log WHERE table_name = 'outbox'").fetchall()
    assert log == [("insert",)]


def test_queuing_the_same_content_twice_makes_one_entry(store, tmp_path):
    first = queue_report(store, _file(tmp_path, "a.xlsx"), period="2026-11")
    again = queue_report(store, _file(tmp_path, "copy-of-a.xlsx"), period="2026-11")
    assert again.id == first.id and len(list_outbox(store)) == 1
    other = queue_report(store, _file(tmp_path, "b.xlsx", b"other"), period="2026-11")
    assert other.id != first.id


@pytest.mark.parametrize("period", ["2026-13", "26-11", "2026/11", "2026-Q5"])
def test_a_wrong_period_is_refused_and_nothing_is_queued(store, tmp_path, period):
    with pytest.raises(InvalidValue) as caught:
        queue_report(store, _file(tmp_path), period=period)
    assert caught.value.field == "period"
    assert list_outbox(store) == []


def test_a_missing_file_is_refused(store, tmp_path):
    with pytest.raises(FrontDeskError) as caught:
        queue_report(store, tmp_path / "nope.xlsx", period="2026")
    assert caught.value.code == "outbox.no_file"


# -- the pass ------------------------------------------------------------------


def test_backoff_grows_with_jitter_and_is_capped():
    rng = random.Random(7)
    delays = [backoff_delay(n, rng) for n in range(1, 12)]
    for n, delay in enumerate(delays, start=1):
        ceiling = min(timedelta(hours=1), timedelta(seconds=30) * 2 ** (n - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert delays[-1] <= timedelta(hours=1)
    assert backoff_delay(3, random.Random(1)) != backoff_delay(3, random.Random(2))


def test_a_temporary_failure_waits_its_turn_and_force_sends_at_once(store, tmp_path, clock):
    item = queue_report(store, _file(tmp_path), period="2026-11")
    transport = Scripted(DeliveryError(TEMPORARY, "webdav.server", where="x", status=503))
    result = run_outbox(store, transport, clock, rng=random.Random(1))
    assert result.retry_later == [item.id]
    [row] = list_outbox(store)
    assert row.state == "queued" and row.attempts == 1 and row.last_error["code"] == "webdav.server"
    wait = datetime.fromisoformat(row.next_attempt_at) - clock.now()
    assert timedelta(seconds=15) <= wait <= timedelta(seconds=30)
    assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == []  # not due
    assert len(transport.calls) == 1
    assert run_outbox(store, transport, clock, force=True, rng=random.Random(1)).sent == [item.id]
    [row] = list_outbox(store)
    assert row.state == "sent" and row.attempts == 2 and row.last_error is None and row.sent_at


def test_a_permanent_failure_is_set_aside_and_does_not_block_the_others(store, tmp_path, clock):
    a = queue_report(store, _file(tmp_path, "a.xlsx", b"a"), period="2026-11")
    b = queue_report(store, _file(tmp_path, "b.xlsx", b"b"), period="2026-11")
    transport = Scripted(DeliveryError(PERMANENT, "webdav.too_large", where="x"), "ok")
    result = run_outbox(store, transport, clock, rng=random.Random(1))
    assert result.set_aside == [a.id] and result.sent == [b.id]
    rows = {i.id: i for i in list_outbox(store)}
    assert rows[a.id].state == "failed" and rows[a.id].next_attempt_at is None
    assert "quá lớn" in rows[a.id].error_text("vi") and "too large" in rows[a.id].error_text("en")
    assert run_outbox(store, transport, clock, force=True, rng=random.Random(1)).sent == []  # stays aside
    assert outbox_summary(store).status == "attention"
    assert put_back(store) == [a.id]
    assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [a.id]
    assert outbox_summary(store).status == "all_sent"


def test_offline_stops_the_pass_without_touching_the_others(store, tmp_path, clock):
    a = queue_report(store, _file(tmp_path, "a.xlsx", b"a"), period="2026-11")
    b = queue_report(store, _file(tmp_path, "b.xlsx", b"b"), period="2026-11")
    transport = Scripted(DeliveryError(OFFLINE, "delivery.offline", where="x", reason="ConnectionRefusedError"))
    result = run_outbox(store, transport, clock, rng=random.Random(1))
    assert result.stopped.kind == OFFLINE and transport.calls == [a.remote_name]
    rows = {i.id: i for i in list_outbox(store)}
    assert rows[b.id].attempts == 0 and rows[b.id].state == "queued"
    assert outbox_summary(store).status == "offline"


def test_offline_retries_stay_frequent_so_reports_leave_soon_after_the_link_returns(store, tmp_path, clock):
    queue_report(store, _file(tmp_path), period="2026-11")
    down = DeliveryError(OFFLINE, "delivery.offline", where="x", reason="ConnectionRefusedError")
    transport = Scripted(*[down] * 12)
    for _ in range(12):
        run_outbox(store, transport, clock, force=True, rng=random.Random(1))
    [row] = list_outbox(store)
    assert row.attempts == 12
    assert datetime.fromisoformat(row.next_attempt_at) - clock.now() <= timedelta(minutes=5)


def test_a_sending_row_found_at_start_is_sent_first(store, tmp_path, clock):
    a = queue_report(store, _file(tmp_path, "a.xlsx", b"a"), period="2026-11")
    b = queue_report(store, _file(tmp_path, "b.xlsx", b"b"), period="2026-11")
    later = (clock.now() + timedelta(days=1)).isoformat()
    store.conn.execute("UPDATE outbox SET state = 'sending', next_attempt_at = ? WHERE id = ?", (later, b.id))
    transport = Scripted()
    assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [b.id, a.id]


def test_a_second_pass_at_the_same_time_is_busy(store, tmp_path, clock):
    queue_report(store, _file(tmp_path), period="2026-11")
    with pass_lock(lock_path(store)) as mine:
        assert mine
        result = run_outbox(store, Scripted(), clock, rng=random.Random(1))
    assert result.busy and list_outbox(store)[0].state == "queued"


def test_a_copy_changed_in_the_outbox_is_set_aside(store, tmp_path, clock):
    item = queue_report(store, _file(tmp_path), period="2026-11")
    (outbox_folder(store) / item.file_path).write_bytes(b"tampered")
    result = run_outbox(store, Scripted(), clock, rng=random.Random(1))
    assert result.set_aside == [item.id]
    assert list_outbox(store)[0].last_error["code"] == "outbox.file_missing"


def test_a_new_destination_takes_the_waiting_reports(store, tmp_path, clock):
    a = queue_report(store, _file(tmp_path, "a.xlsx", b"a"), period="2026-11", destination="folder:/old")
    dest = tmp_path / "new"
    dest.mkdir()
    assert run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1)).sent == [a.id]
    assert list_outbox(store)[0].destination == f"folder:{dest}"


# -- the folder transport ----------------------------------------------------------


def test_folder_delivery_is_atomic_with_a_manifest_and_idempotent(store, tmp_path, clock):
    item = queue_report(store, _file(tmp_path), period="2026-11")
    dest = tmp_path / "usb"
    dest.mkdir()
    transport = FolderTransport(dest, clock)
    assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [item.id]
    names = sorted(p.name for p in dest.iterdir())
    assert names == sorted([item.remote_name, item.remote_name + MANIFEST_SUFFIX])  # no temporary left
    manifest = json.loads((dest / (item.remote_name + MANIFEST_SUFFIX)).read_text(encoding="utf-8"))
    assert manifest["commune"] == "00004" and manifest["period"] == "2026-11"
    assert manifest["sha256"] == item.sha256 and manifest["size"] == item.size
    assert manifest["sent_at"].startswith("2026-11-22")
    # sending again (a crash before recording) finds the same file: not written twice
    before = (dest / item.remote_name).stat().st_mtime_ns
    from app.sending.outbox import parcel_for

    receipt = transport.deliver(parcel_for(store, list_outbox(store)[0]))
    assert receipt["already_there"] is True and (dest / item.remote_name).stat().st_mtime_ns == before


def test_folder_replaces_a_broken_copy(store, tmp_path, clock):
    item = queue_report(store, _file(tmp_path), period="2026-11")
    dest = tmp_path / "share"
    dest.mkdir()
    (dest / item.remote_name).write_bytes(b"half")
    assert run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1)).sent == [item.id]
    assert (dest / item.remote_name).read_bytes() == b"report bytes"


def test_a_missing_folder_is_offline_and_never_created(store, tmp_path, clock):
    queue_report(store, _file(tmp_path), period="2026-11")
    dest = tmp_path / "E-drive" / "baocao"
    result = run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1))
    assert result.stopped.kind == OFFLINE and result.stopped.code == "folder.missing"
    assert not dest.exists()


def test_an_interrupted_atomic_write_leaves_nothing_under_the_name(tmp_path):
    target = tmp_path / "out" / "r.xlsx"
    target.parent.mkdir()
    with pytest.raises(OSError):
        write_atomically(target, tmp_path / "no-such-source")
    assert os.listdir(target.parent) == []


# -- one report, one row: known by its content ------------------------------------


def test_the_same_content_queued_without_a_period_after_it_was_sent_is_not_sent_again(store, tmp_path, clock):
    dest = tmp_path / "share"
    dest.mkdir()
    transport = FolderTransport(dest, clock)
    sent = queue_report(store, _file(tmp_path), period="2026-11", destination=f"folder:{dest}")
    assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [sent.id]
    again = queue_report(store, _file(tmp_path, "renamed.xlsx"), destination=f"folder:{dest}")  # no period
    assert again.id == sent.id and again.state == "sent" and again.remote_name == sent.remote_name
    other_period = queue_report(store, _file(tmp_path, "x.xlsx"), period="2026-Q4", destination=f"folder:{dest}")
    assert other_period.id == sent.id
    assert len(list_outbox(store)) == 1
    assert run_outbox(store, transport, clock, force=True, rng=random.Random(1)).sent == []
    assert sorted(p.name for p in dest.iterdir()) == sorted([sent.remote_name, sent.remote_name + MANIFEST_SUFFIX])
    copies = [p.name for p in outbox_folder(store).iterdir() if not p.name.startswith(".")]
    assert copies == [sent.remote_name]  # no second copy under a second name


def test_a_set_aside_report_queued_again_under_another_period_is_put_back_with_its_copy(store, tmp_path, clock):
    item = queue_report(store, _file(tmp_path), period="2026-11")
    (outbox_folder(store) / item.file_path).unlink()  # the copy was lost: set aside
    assert run_outbox(store, Scripted(), clock, rng=random.Random(1)).set_aside == [item.id]
    again = queue_report(store, _file(tmp_path), destination="folder:/scripted")  # the pass's destination
    assert again.id == item.id and again.state == "queued"
    assert (outbox_folder(store) / item.file_path).read_bytes() == b"report bytes"
    assert run_outbox(store, Scripted(), clock, rng=random.Random(1)).sent == [item.id]


def test_a_new_destination_that_already_has_the_content_drops_the_other_row_and_its_copy(store, tmp_path, clock):
    dest = tmp_path / "share"
    dest.mkdir()
    label = f"folder:{dest}"
    sent = queue_report(store, _file(tmp_path), period="2026-11", destination=label)
    assert run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1)).sent == [sent.id]
    # the same bytes, queued before without a period for another destination
    store.conn.execute("UPDATE outbox SET destination = 'folder:/old' WHERE id = ?", (sent.id,))
    stray = queue_report(store, _file(tmp_path, "again.xlsx"))
    assert stray.id != sent.id and stray.remote_name != sent.remote_name
    store.conn.execute("UPDATE outbox SET destination = ? WHERE id = ?", (label, sent.id))
    assert run_outbox(store, FolderTransport(dest, clock), clock, force=True, rng=random.Random(1)).sent == []
    assert [i.id for i in list_outbox(store)] == [sent.id]
    assert not (outbox_folder(store) / stray.file_path).exists()
    assert (outbox_folder(store) / sent.file_path).exists()
