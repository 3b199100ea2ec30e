"""WebDAV delivery against a real wsgidav server on 127.0.0.1: each report ends
up there exactly once whatever goes wrong on the way, and the outbox empties."""
from __future__ import annotations

import hashlib
import os
import random
import ssl
from datetime import timedelta

import pytest
import trustme

from app.sending.delivery import run_outbox
from app.sending.outbox import list_outbox, queue_report
from app.sending.transport import OFFLINE, SETTINGS
from app.sending.webdav import WebDavTransport
from tests.sync_servers import CutProxy, DavServer, free_port, wait_until

# generous where no timeout is meant to happen (a busy CI machine must not trip
# it); short only where the test makes one happen
TIMEOUT = 15.0
LOST_ACK_TIMEOUT = 1.0  # the server holds its answer until told: this one always runs out


def _report(tmp_path, name: str, size: int = 4000, seed: int = 0) -> os.PathLike:
    path = tmp_path / name
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def _waiting(store):
    return [i for i in list_outbox(store) if i.state != "sent"]


def _assert_each_once(server: DavServer, store, sources) -> None:
    files = server.files()
    assert len(files) == len(sources)
    wanted = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in sources)
    assert sorted(hashlib.sha256(f.read_bytes()).hexdigest() for f in files) == wanted
    assert _waiting(store) == []


def test_delivery_creates_the_folder_and_confirms(store, tmp_path):
    sources = [_report(tmp_path, f"r{i}.xlsx", seed=i) for i in range(3)]
    for i, source in enumerate(sources):
        queue_report(store, source, period=f"2026-{i + 10:02d}")
    with DavServer(tmp_path / "dav") as server:
        transport = WebDavTransport(server.url + "xa/", timeout=TIMEOUT)
        result = run_outbox(store, transport, rng=random.Random(1))
        assert len(result.sent) == 3 and result.stopped is None
        names = sorted(p.name for p in (tmp_path / "dav" / "reports" / "xa").iterdir())
    assert names == sorted(i.remote_name for i in list_outbox(store))
    assert all(i.receipt["status"] == 201 for i in list_outbox(store))
    assert all(i.destination == f"webdav:{server.url}xa/" for i in list_outbox(store))


def test_server_down_then_up(store, tmp_path, clock):
    source = _report(tmp_path, "r.xlsx")
    queue_report(store, source, period="2026-11")
    port = free_port()
    transport = WebDavTransport(f"http://127.0.0.1:{port}/reports/", timeout=TIMEOUT)
    result = run_outbox(store, transport, clock, rng=random.Random(1))
    assert result.stopped is not None and result.stopped.kind == OFFLINE
    [item] = list_outbox(store)
    assert item.state == "queued" and item.attempts == 1 and item.last_error["kind"] == OFFLINE
    # not due yet: the timer's pass leaves it alone
    assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == []
    assert list_outbox(store)[0].attempts == 1
    with DavServer(tmp_path / "dav", port=port) as server:
        clock.moment += timedelta(hours=2)  # past any backoff: the timer's pass sends it
        assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [item.id]
        _assert_each_once(server, store, [source])
    assert list_outbox(store)[0].attempts == 2 and list_outbox(store)[0].last_error is None


def test_500_answers_are_retried_and_do_not_block_the_others(store, tmp_path, clock):
    sources = [_report(tmp_path, f"r{i}.xlsx", seed=i) for i in range(2)]
    for source in sources:
        queue_report(store, source, period="2026-11")
    with DavServer(tmp_path / "dav") as server:
        server.faults.fail_puts = 3
        transport = WebDavTransport(server.url, timeout=TIMEOUT)
        first = run_outbox(store, transport, clock, rng=random.Random(1))
        assert first.sent == [] and len(first.retry_later) == 2 and first.stopped is None
        assert {i.last_error["params"]["status"] for i in list_outbox(store)} == {"500"}
        second = run_outbox(store, transport, clock, force=True, rng=random.Random(1))
        assert len(second.sent) == 1 and len(second.retry_later) == 1
        third = run_outbox(store, transport, clock, force=True, rng=random.Random(1))
        assert len(third.sent) == 1
        _assert_each_once(server, store, sources)


def test_lost_acknowledgement_after_the_whole_body_was_stored(store, tmp_path, clock):
    source = _report(tmp_path, "r.xlsx", size=20000)
    queue_report(store, source, period="2026-11")
    with DavServer(tmp_path / "dav") as server:
        server.faults.hold_puts = 1
        transport = WebDavTransport(server.url, timeout=LOST_ACK_TIMEOUT)
        result = run_outbox(store, transport, clock, rng=random.Random(1))
        assert result.sent == [] and result.retry_later
        assert list_outbox(store)[0].last_error["code"] == "delivery.timeout"
        # the server did store it (a loaded machine may get there after the client gave up)
        assert wait_until(lambda: len(server.files()) == 1)
        server.faults.release.set()
        assert wait_until(lambda: server.faults.puts_finished >= 1)
        again = run_outbox(store, transport, clock, force=True, rng=random.Random(1))
        assert again.sent
        [item] = list_outbox(store)
        assert item.receipt["already_there"] is True and item.receipt["status"] == 412
        assert server.faults.put_statuses == [201, 412]
        _assert_each_once(server, store, [source])


def test_connection_dropped_mid_upload_leaves_a_broken_copy_that_is_replaced(store, tmp_path, clock):
    source = _report(tmp_path, "big.xlsx", size=600_000)
    queue_report(store, source, period="2026-11")
    with DavServer(tmp_path / "dav") as server, CutProxy(server.port, after=200_000) as proxy:
        transport = WebDavTransport(f"http://127.0.0.1:{proxy.port}/reports/", timeout=TIMEOUT)
        first = run_outbox(store, transport, clock, rng=random.Random(1))
        assert proxy.cut_done == 1 and first.sent == [] and first.retry_later
        assert wait_until(lambda: server.faults.puts_finished >= 1)
        partial = server.files()
        assert len(partial) <= 1 and all(p.stat().st_size < 600_000 for p in partial)
        second = run_outbox(store, transport, clock, force=True, rng=random.Random(1))
        assert second.sent
        # the retry found the cut-off copy (412), saw its hash differ and replaced it
        assert server.faults.put_statuses[-2:] == [412, 204]
        _assert_each_once(server, store, [source])


def test_wrong_password_keeps_the_report_and_says_check_the_password(store, tmp_path, clock):
    source = _report(tmp_path, "r.xlsx")
    queue_report(store, source, period="2026-11")
    with DavServer(tmp_path / "dav", user="xa-00004", password="right") as server:
        wrong = WebDavTransport(server.url, user="xa-00004", password="wrong", timeout=TIMEOUT)
        result = run_outbox(store, wrong, clock, rng=random.Random(1))
        assert result.stopped is not None and result.stopped.kind == SETTINGS
        [item] = list_outbox(store)
        assert item.state == "queued" and item.last_error["code"] == "webdav.auth"
        assert "mật khẩu" in item.error_text("vi") and "password" in item.error_text("en")
        right = WebDavTransport(server.url, user="xa-00004", password="right", timeout=TIMEOUT)
        assert run_outbox(store, right, clock, force=True, rng=random.Random(1)).sent == [item.id]
        _assert_each_once(server, store, [source])


def test_check_reports_a_missing_folder_without_creating_it(tmp_path):
    with DavServer(tmp_path / "dav") as server:
        found = WebDavTransport(server.url + "new/", timeout=TIMEOUT).check()
        assert found["folder_exists"] is False
        (tmp_path / "dav" / "here").mkdir()
        assert WebDavTransport(f"http://127.0.0.1:{server.port}/here/", timeout=TIMEOUT).check()["folder_exists"]
    assert not (tmp_path / "dav" / "reports" / "new").exists()


@pytest.mark.parametrize("status, kind", [(413, "permanent"), (401, "settings"), (503, "temporary")])
def test_refusals_are_classified(status, kind):
    transport = WebDavTransport("https://example.invalid/dav/")
    assert transport._refusal(status).kind == kind


def test_https_with_a_trusted_and_an_untrusted_certificate(store, tmp_path, clock):
    ca = trustme.CA()
    source = _report(tmp_path, "r.xlsx")
    queue_report(store, source, period="2026-11")
    with ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.tempfile() as pem:
        with DavServer(tmp_path / "dav", user="xa", password="mật-khẩu", certificate=pem) as server:
            stranger = ssl.create_default_context()
            trustme.CA().configure_trust(stranger)
            untrusted = WebDavTransport(server.url, user="xa", password="mật-khẩu", timeout=TIMEOUT,
                                        ssl_context=stranger)
            refused = run_outbox(store, untrusted, clock, rng=random.Random(1))
            assert refused.stopped.kind == SETTINGS and refused.stopped.code == "delivery.certificate"
            assert server.files() == []
            trusted = ssl.create_default_context()
            ca.configure_trust(trusted)
            transport = WebDavTransport(server.url, user="xa", password="mật-khẩu", timeout=TIMEOUT,
                                        ssl_context=trusted)
            assert run_outbox(store, transport, clock, force=True, rng=random.Random(1)).sent
            _assert_each_once(server, store, [source])
