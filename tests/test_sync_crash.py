"""A process killed (SIGKILL; TerminateProcess on Windows) after the destination received a report but
before the outbox recorded it: the next pass finds the row 'sending', sends it
again, and the destination still holds it exactly once."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from app.sending.delivery import run_outbox
from app.sending.outbox import list_outbox, queue_report
from app.sending.smtp import SmtpTransport
from app.sending.webdav import WebDavTransport
from tests.helpers import TODAY
from tests.sync_servers import DavServer, MailServer

ROOT = Path(__file__).resolve().parents[1]

# os.kill on Windows calls TerminateProcess with the signal's number as the exit code
KILLED = -signal.SIGKILL if os.name == "posix" else signal.SIGTERM

SCRIPT = textwrap.dedent(
    """
    import os, random, signal, sys
    from datetime import date
    from app.clock import FixedClock
    from app.sending.delivery import run_outbox
    from app.db.storage import open_store
    from app.sending.smtp import SmtpTransport
    from app.sending.webdav import WebDavTransport

    class KilledAfterDelivery:
        '''The real transport; the process dies the moment it has delivered.'''
        def __init__(self, inner):
            self.inner, self.kind, self.label, self.hidden = inner, inner.kind, inner.label, ()
        def deliver(self, parcel):
            self.inner.deliver(parcel)
            os.kill(os.getpid(), signal.SIGKILL if os.name == "posix" else signal.SIGTERM)

    kind, db, where, today = sys.argv[1], sys.argv[2], sys.argv[3], date.fromisoformat(sys.argv[4])
    clock = FixedClock(today)
    store = open_store(db, clock=clock)
    if kind == "webdav":
        inner = WebDavTransport(where, timeout=15)
    else:
        inner = SmtpTransport("127.0.0.1", int(where), to_addr="baocao@tinh.example",
                              from_addr="xa@xa.example", tls="none", timeout=15, clock=clock)
    run_outbox(store, KilledAfterDelivery(inner), force=True, rng=random.Random(1))
    sys.exit(3)  # never reached
    """
)


def _killed_pass(tmp_path, store, kind: str, where: str) -> None:
    script = tmp_path / "killed_pass.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, str(script), kind, str(store.path), where, TODAY.isoformat()], env=env, cwd=ROOT,
        capture_output=True, timeout=60,
    )
    assert done.returncode == KILLED, done.stderr.decode()


def _queue_two(store, tmp_path):
    items = []
    for i in range(2):
        path = tmp_path / f"r{i}.xlsx"
        path.write_bytes(random.Random(i).randbytes(5000))
        items.append(queue_report(store, path, period="2026-11"))
    return items


def test_killed_between_sending_and_recording_webdav(store, tmp_path, clock):
    items = _queue_two(store, tmp_path)
    with DavServer(tmp_path / "dav") as server:
        _killed_pass(tmp_path, store, "webdav", server.url)
        states = {i.id: i.state for i in list_outbox(store)}
        assert states == {items[0].id: "sending", items[1].id: "queued"}
        assert len(server.files()) == 1  # it did arrive before the kill
        # the next pass (the timer's, not forced) retries the interrupted one first
        result = run_outbox(store, WebDavTransport(server.url, timeout=15), clock, rng=random.Random(1))
        assert result.sent == [items[0].id, items[1].id]
        files = server.files()
    assert sorted(f.name for f in files) == sorted(i.remote_name for i in items)
    assert all(i.state == "sent" for i in list_outbox(store))
    assert list_outbox(store)[0].receipt["already_there"] is True


def test_killed_between_sending_and_recording_smtp(store, tmp_path, clock):
    items = _queue_two(store, tmp_path)
    with MailServer() as server:
        _killed_pass(tmp_path, store, "smtp", str(server.port))
        assert [i.state for i in list_outbox(store)] == ["sending", "queued"]
        transport = SmtpTransport(
            "127.0.0.1", server.port, to_addr="baocao@tinh.example", from_addr="xa@xa.example",
            tls="none", timeout=15, clock=clock,
        )
        result = run_outbox(store, transport, clock, rng=random.Random(1))
        assert result.sent == [items[0].id, items[1].id]
    ids = server.handler.message_ids()
    assert len(ids) == 3 and len(set(ids)) == 2  # the first one twice, under one Message-ID
    assert all(i.state == "sent" for i in list_outbox(store))
