"""Folder delivery on an office PC: a file Windows says is in use (antivirus,
OneDrive, the indexer, someone at the province with the report open) is tried
again later and the other reports go on; only a folder we really may not
write stops the pass with "no right to write". Windows' errors are raised here
as Windows raises them (``tests.windows_faults``), after app.durable's retries."""
from __future__ import annotations

import errno
import random
import tempfile

import pytest

from app import durable
from app.sending.delivery import run_outbox
from app.sending.folder import FolderTransport
from app.sending.outbox import list_outbox, queue_report
from app.sending.transport import SETTINGS, TEMPORARY
from tests.windows_faults import HeldFiles


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    """app.durable's retries, as many of them, without their waits."""
    monkeypatch.setattr(durable, "WAITS", tuple(0.0 for _ in durable.WAITS))


def _two(store, tmp_path):
    items = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(name.encode() * 100)
        items.append(queue_report(store, path, period="2026-11"))
    dest = tmp_path / "share"
    dest.mkdir()
    return items, dest


@pytest.mark.parametrize("winerror", [32, 33, 5])
def test_a_file_in_use_is_tried_again_later_and_the_others_go_on(store, tmp_path, clock, monkeypatch, winerror):
    (a, b), dest = _two(store, tmp_path)
    held = HeldFiles(monkeypatch, a.remote_name, times=10_000, winerror=winerror)
    result = run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1))
    assert held.seen[a.remote_name] > len(durable.WAITS)  # app.durable did wait before giving up
    assert result.stopped is None and result.retry_later == [a.id] and result.sent == [b.id]
    rows = {i.id: i for i in list_outbox(store)}
    assert rows[a.id].state == "queued" and rows[a.id].next_attempt_at  # with backoff
    error = rows[a.id].last_error
    assert error["kind"] == TEMPORARY and error["code"] == "folder.in_use"
    assert "đang bị chương trình khác mở" in rows[a.id].error_text("vi")
    assert "in use by another program" in rows[a.id].error_text("en")
    assert "quyền" not in rows[a.id].error_text("vi")  # not "no right to write"
    held.times = 0  # the other program let go
    assert run_outbox(store, FolderTransport(dest, clock), clock, force=True, rng=random.Random(1)).sent == [a.id]
    assert (dest / a.remote_name).read_bytes() == b"a" * 100
    assert not [p for p in dest.iterdir() if p.name.startswith(".frontdesk-probe")]


def test_a_folder_we_may_not_write_is_still_a_clear_refusal(store, tmp_path, clock, monkeypatch):
    (a, b), dest = _two(store, tmp_path)
    real_mkstemp = tempfile.mkstemp

    def denied(*args, dir=None, **kwargs):
        if dir is not None and str(dir).startswith(str(dest)):
            exc = PermissionError(errno.EACCES, "Access is denied", str(dir))
            exc.winerror = 5  # what Windows says for a folder without the right to write
            raise exc
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1))
    assert result.stopped is not None and result.stopped.kind == SETTINGS
    assert result.stopped.code == "folder.denied" and result.sent == []
    rows = {i.id: i for i in list_outbox(store)}
    assert rows[a.id].state == "queued" and rows[b.id].attempts == 0
    assert "quyền" in rows[a.id].error_text("vi") and "No right to write" in rows[a.id].error_text("en")


def test_permission_denied_without_windows_is_a_refusal(store, tmp_path, clock, monkeypatch):
    (a, _), dest = _two(store, tmp_path)
    real_mkstemp = tempfile.mkstemp

    def denied(*args, dir=None, **kwargs):
        if dir is not None and str(dir).startswith(str(dest)):
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = run_outbox(store, FolderTransport(dest, clock), clock, rng=random.Random(1))
    assert result.stopped.code == "folder.denied"
