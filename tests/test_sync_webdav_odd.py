"""WebDAV delivery against servers that behave as some real ones do and wsgidav
does not (``tests.sync_servers.OddDav`` on 127.0.0.1): Apache's weak ETags, a
201 that stored nothing, a HEAD without Content-Length, a 207 on PUT, a body
that never ends, headers that trickle in a byte at a time. Each report ends up
sent only when the server really holds it, set aside never for these, and no
pass waits longer than its deadline."""
from __future__ import annotations

import random
import time

from app.sending.delivery import run_outbox
from app.sending.outbox import list_outbox, queue_report
from app.sending.transport import TEMPORARY
from app.sending.webdav import WebDavTransport
from tests.sync_servers import START_TIMEOUT, OddDav, wait_until

# generous where no timeout is meant to happen; the deadline tests use a short
# deadline and a per-read timeout far above the server's pace, so only the
# deadline can end them
TIMEOUT = 15.0


def _queue(store, tmp_path, size: int = 4000, seed: int = 0):
    path = tmp_path / f"r{seed}.xlsx"
    path.write_bytes(random.Random(seed).randbytes(size))
    return queue_report(store, path, period="2026-11"), path.read_bytes()


def _pass(store, transport, clock, force: bool = True):
    return run_outbox(store, transport, clock, force=force, rng=random.Random(1))


def _only(store):
    [item] = list_outbox(store)
    return item


# -- Apache's weak ETag ----------------------------------------------------------------------


def test_a_weak_etag_is_never_sent_back_and_the_report_waits_instead_of_being_set_aside(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        server.put(item.remote_name, b"half an upload")  # a broken copy under our name
        server.weak = server.fresh = True  # Apache: changed within the last second
        transport = WebDavTransport(server.url, timeout=TIMEOUT)
        first = _pass(store, transport, clock)
        assert first.sent == [] and first.set_aside == [] and first.retry_later == [item.id]
        row = _only(store)
        assert row.state == "queued" and row.last_error["kind"] == TEMPORARY
        assert row.last_error["code"] == "webdav.copy_changing"
        assert "Sẽ thử lại" in row.error_text("vi") and "tried again" in row.error_text("en")
        assert not any(h.get("if-match", "").startswith("W/") for _, _, h in server.requests)
        # a moment later Apache's ETag is strong: the broken copy is replaced on that condition
        server.weak = server.fresh = False
        assert _pass(store, transport, clock).sent == [item.id]
        assert server.stored(item.remote_name) == data
        replaced = [h for m, _, h in server.requests if m == "PUT" and "if-match" in h]
        assert len(replaced) == 1 and not replaced[0]["if-match"].startswith("W/")


def test_a_server_whose_etags_are_always_weak_gets_if_unmodified_since(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        server.put(item.remote_name, b"half an upload", modified=time.time() - 3600)
        server.weak = True
        transport = WebDavTransport(server.url, timeout=TIMEOUT)
        assert _pass(store, transport, clock).sent == [item.id]
        assert server.stored(item.remote_name) == data
        [replaced] = [h for m, _, h in server.requests if m == "PUT" and "if-none-match" not in h]
        assert "if-match" not in replaced and "if-unmodified-since" in replaced


def test_a_412_on_the_replacement_is_temporary(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        server.put(item.remote_name, b"half an upload")
        server.refuse_replace = 1  # someone changed the copy between our GET and our PUT
        transport = WebDavTransport(server.url, timeout=TIMEOUT)
        first = _pass(store, transport, clock)
        assert first.set_aside == [] and first.retry_later == [item.id]
        assert _only(store).state == "queued" and _only(store).last_error["kind"] == TEMPORARY
        assert _pass(store, transport, clock).sent == [item.id]
        assert server.stored(item.remote_name) == data


# -- confirming what the server holds ------------------------------------------------------------


def test_a_201_that_stored_nothing_with_a_head_without_length_keeps_the_report_waiting(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        server.store, server.head_any, server.head_length = False, True, False
        transport = WebDavTransport(server.url, timeout=TIMEOUT)
        result = _pass(store, transport, clock)
        assert result.sent == [] and result.set_aside == [] and result.retry_later == [item.id]
        row = _only(store)
        assert row.state == "queued" and row.last_error["code"] == "webdav.unconfirmed"
        assert server.methods() == ["PUT", "HEAD", "GET"]
        # once the server does keep what it is sent, the report goes
        server.store = True
        assert _pass(store, transport, clock).sent == [item.id]
        assert server.stored(item.remote_name) == data


def test_a_head_without_length_is_confirmed_by_reading_the_copy_back(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        server.head_length = False
        assert _pass(store, WebDavTransport(server.url, timeout=TIMEOUT), clock).sent == [item.id]
        assert server.methods() == ["PUT", "HEAD", "GET"] and server.stored(item.remote_name) == data


def test_a_207_on_put_is_not_a_refusal(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        server.put_status, server.store = 207, False
        transport = WebDavTransport(server.url, timeout=TIMEOUT)
        first = _pass(store, transport, clock)
        assert first.set_aside == [] and first.retry_later == [item.id]
        assert _only(store).state == "queued"
        server.store = True  # a 207 after which the file is there: sent
        assert _pass(store, transport, clock).sent == [item.id]
        assert server.stored(item.remote_name) == data


def test_an_endless_body_is_read_no_further_than_the_report(store, tmp_path, clock):
    item, _ = _queue(store, tmp_path)
    with OddDav() as server:
        server.head_length, server.endless_get = False, True
        result = _pass(store, WebDavTransport(server.url, timeout=TIMEOUT), clock)
        assert result.retry_later == [item.id] and _only(store).last_error["code"] == "webdav.unconfirmed"
        assert wait_until(server.gone.is_set) and not server.capped.is_set()


# -- the deadline ------------------------------------------------------------------------------


def test_headers_trickling_in_stop_at_the_deadline(store, tmp_path, clock):
    item, _ = _queue(store, tmp_path)
    with OddDav() as server:
        server.trickle, server.interval = "headers", 0.5
        # each byte comes well within the per-read timeout: only the deadline can end it
        transport = WebDavTransport(server.url, timeout=START_TIMEOUT, deadline=1.0)
        result = _pass(store, transport, clock)
        assert result.sent == [] and result.retry_later == [item.id] and result.stopped is None
        assert _only(store).last_error["code"] == "delivery.timeout"
        assert wait_until(server.gone.is_set) and not server.capped.is_set()


def test_a_body_trickling_without_end_stops_at_the_deadline(store, tmp_path, clock):
    item, _ = _queue(store, tmp_path)
    with OddDav() as server:
        server.trickle, server.interval = "body", 0.2
        transport = WebDavTransport(server.url, timeout=START_TIMEOUT, deadline=1.0)
        result = _pass(store, transport, clock)
        assert result.retry_later == [item.id] and _only(store).last_error["code"] == "delivery.timeout"
        assert wait_until(server.gone.is_set) and not server.capped.is_set()


def test_the_deadline_grows_with_the_size_of_the_report():
    transport = WebDavTransport("http://127.0.0.1:9/reports/", timeout=20.0)
    assert transport.deadline == 60.0
    assert WebDavTransport("http://127.0.0.1:9/reports/", timeout=1.0, deadline=2.5).deadline == 2.5


def test_the_copy_read_back_is_hashed_not_only_measured(store, tmp_path, clock):
    item, data = _queue(store, tmp_path)
    with OddDav() as server:
        # the right number of bytes under our name, not the right bytes, and a server
        # that answers the replacement 204 but keeps nothing
        server.put(item.remote_name, bytes(len(data)))
        server.store, server.head_length = False, False
        result = _pass(store, WebDavTransport(server.url, timeout=TIMEOUT), clock)
        assert result.sent == [] and result.retry_later == [item.id]
        assert _only(store).last_error["code"] == "webdav.unconfirmed"
        assert server.methods() == ["PUT", "GET", "PUT", "HEAD", "GET"]
