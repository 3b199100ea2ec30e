"""E-mail delivery against a real aiosmtpd server on 127.0.0.1: the report is
attached, the subject names the commune and the period, and a resend after a
lost "250" carries the same Message-ID: the mailbox then holds that report
twice, and the Message-ID says the two are one. A server that trickles its
replies cannot hold a pass past its deadline."""
from __future__ import annotations

import hashlib
import random
import ssl

import trustme

from app.sending.delivery import run_outbox
from app.sending.outbox import list_outbox, queue_report
from app.sending.smtp import SmtpTransport
from app.sending.transport import OFFLINE, PERMANENT, SETTINGS
from tests.sync_servers import START_TIMEOUT, MailServer, SlowMail, free_port, wait_until

TIMEOUT = 15.0  # never reached: the faults here close connections rather than stall (but SlowMail's)


def _transport(server_port: int, clock, tls: str = "none", **kw) -> SmtpTransport:
    return SmtpTransport(
        "127.0.0.1", server_port, to_addr="baocao@tinh.example", from_addr="xa00004@xa.example",
        tls=tls, timeout=TIMEOUT, clock=clock, **kw,
    )


def _report(tmp_path, name: str, size: int = 3000, seed: int = 0):
    path = tmp_path / name
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


def test_a_report_arrives_attached_with_a_stable_message_id(store, tmp_path, clock):
    source = _report(tmp_path, "bao-cao.xlsx")
    item = queue_report(store, source, period="2026-11")
    with MailServer() as server:
        result = run_outbox(store, _transport(server.port, clock), clock, rng=random.Random(1))
    assert result.sent == [item.id]
    [message] = server.handler.messages
    assert "00004" in message["Subject"] and "2026-11" in message["Subject"]
    assert message["Message-ID"] == list_outbox(store)[0].receipt["message_id"]
    assert item.sha256[:40] in message["Message-ID"]
    [attachment] = [p for p in message.walk() if p.get_filename()]
    assert attachment.get_filename() == item.remote_name
    assert hashlib.sha256(attachment.get_payload(decode=True)).hexdigest() == item.sha256


def test_lost_acknowledgement_server_down_and_too_large(store, tmp_path, clock):
    sources = [_report(tmp_path, f"r{i}.xlsx", seed=i) for i in range(3)]
    big = _report(tmp_path, "big.xlsx", size=40_000, seed=9)
    items = [queue_report(store, s, period="2026-11") for s in sources]
    too_large = queue_report(store, big, period="2026-Q4")
    port = free_port()
    # server down: the pass stops at the first report, nothing is lost
    down = run_outbox(store, _transport(port, clock), clock, rng=random.Random(1))
    assert down.stopped is not None and down.stopped.kind == OFFLINE
    with MailServer(port=port, size_limit=30_000) as server:
        server.handler.drop_after_accept = 1  # the first message is kept, its "250" never arrives
        first = run_outbox(store, _transport(port, clock), clock, force=True, rng=random.Random(1))
        assert first.set_aside == [too_large.id]  # refused as too large, the others go on
        assert len(first.retry_later) == 1 and len(first.sent) == 2
        second = run_outbox(store, _transport(port, clock), clock, force=True, rng=random.Random(1))
        assert len(second.sent) == 1
    rows = {i.id: i for i in list_outbox(store)}
    assert rows[too_large.id].state == "failed" and rows[too_large.id].last_error["code"] == "smtp.too_large"
    assert all(rows[i.id].state == "sent" for i in items)
    ids = server.handler.message_ids()
    # one message was received twice (e-mail cannot do better); both copies carry one Message-ID
    assert len(ids) == 4 and len(set(ids)) == 3
    assert set(ids) == {rows[i.id].receipt["message_id"] for i in items}
    assert [i for i in list_outbox(store) if i.state in ("queued", "sending")] == []


def test_a_refusal_from_the_server_after_data_is_classified(store, tmp_path, clock):
    a = queue_report(store, _report(tmp_path, "a.xlsx", seed=1), period="2026-11")
    b = queue_report(store, _report(tmp_path, "b.xlsx", seed=2), period="2026-11")
    with MailServer() as server:
        server.handler.refuse_next = ["552 5.3.4 Message too big for system", "451 4.3.0 Try again later"]
        result = run_outbox(store, _transport(server.port, clock), clock, rng=random.Random(1))
        assert result.set_aside == [a.id] and result.retry_later == [b.id]
        assert run_outbox(store, _transport(server.port, clock), clock, force=True, rng=random.Random(1)).sent == [b.id]


def test_login_and_a_wrong_password(store, tmp_path, clock):
    item = queue_report(store, _report(tmp_path, "a.xlsx"), period="2026-11")
    with MailServer(user="xa00004", password="right") as server:
        assert _transport(server.port, clock, user="xa00004", password="right").check()["transport"] == "smtp"
        wrong = run_outbox(store, _transport(server.port, clock, user="xa00004", password="wrong"), clock,
                           rng=random.Random(1))
        assert wrong.stopped is not None and wrong.stopped.kind == SETTINGS
        assert list_outbox(store)[0].last_error["code"] == "smtp.auth"
        right = run_outbox(store, _transport(server.port, clock, user="xa00004", password="right"), clock,
                           force=True, rng=random.Random(1))
        assert right.sent == [item.id]
    assert len(server.handler.messages) == 1


def test_starttls_required_but_not_offered_is_a_settings_problem(clock):
    with MailServer() as server:
        transport = SmtpTransport(
            "127.0.0.1", server.port, to_addr="a@b.example", from_addr="c@d.example", tls="starttls",
            timeout=TIMEOUT, clock=clock,
        )
        try:
            transport.check()
        except Exception as exc:
            assert getattr(exc, "kind", None) == SETTINGS and exc.code == "smtp.no_starttls"
        else:
            raise AssertionError("STARTTLS was not required")


def test_permanent_kind_for_a_too_large_message_known_from_size(store, tmp_path, clock):
    item = queue_report(store, _report(tmp_path, "big.xlsx", size=50_000), period="2026")
    with MailServer(size_limit=10_000) as server:
        result = run_outbox(store, _transport(server.port, clock), clock, rng=random.Random(1))
    assert result.set_aside == [item.id] and server.handler.messages == []
    assert list_outbox(store)[0].last_error["kind"] == PERMANENT


# -- TLS with real certificates (trustme makes a throwaway CA) ---------------------------


def _tls_server(ca, **kw) -> MailServer:
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    return MailServer(tls_context=server_context, **kw)


def _client_context(ca) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def test_starttls_and_ssl_with_a_password(store, tmp_path, clock):
    ca = trustme.CA()
    item = queue_report(store, _report(tmp_path, "a.xlsx"), period="2026-11")
    with _tls_server(ca, user="xa00004", password="mật-khẩu", starttls=True) as server:
        transport = _transport(server.port, clock, "starttls", user="xa00004", password="mật-khẩu",
                               ssl_context=_client_context(ca))
        assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [item.id]
    assert len(server.handler.messages) == 1
    other = queue_report(store, _report(tmp_path, "b.xlsx", seed=5), period="2026-11")
    with _tls_server(ca, user="xa00004", password="pw", starttls=False) as server:
        transport = _transport(server.port, clock, "ssl", user="xa00004", password="pw",
                               ssl_context=_client_context(ca))
        assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [other.id]
    assert len(server.handler.messages) == 1


def test_an_untrusted_certificate_is_a_settings_problem(store, tmp_path, clock):
    queue_report(store, _report(tmp_path, "a.xlsx"), period="2026-11")
    with _tls_server(trustme.CA(), starttls=True) as server:
        transport = _transport(server.port, clock, "starttls", ssl_context=_client_context(trustme.CA()))
        result = run_outbox(store, transport, clock, rng=random.Random(1))
    assert result.stopped is not None and result.stopped.kind == SETTINGS
    assert list_outbox(store)[0].last_error["code"] == "delivery.certificate"
    assert server.handler.messages == []


# -- a server that trickles its replies: one deadline for the whole session --------------


def test_a_reply_trickling_in_after_the_data_stops_at_the_deadline(store, tmp_path, clock):
    item = queue_report(store, _report(tmp_path, "a.xlsx"), period="2026-11")
    with SlowMail(stage="data", interval=0.5) as server:
        # each byte comes well within the per-read timeout: only the deadline can end it
        transport = SmtpTransport("127.0.0.1", server.port, to_addr="baocao@tinh.example",
                                  from_addr="xa@xa.example", tls="none", timeout=START_TIMEOUT,
                                  clock=clock, deadline=1.0)
        result = run_outbox(store, transport, clock, rng=random.Random(1))
        assert result.sent == [] and result.retry_later == [item.id] and result.stopped is None
        assert list_outbox(store)[0].state == "queued"  # sent again later, under the same Message-ID
        assert server.got_data.is_set()
        assert wait_until(server.gone.is_set) and not server.capped.is_set()


def test_a_greeting_trickling_in_stops_at_the_deadline(store, tmp_path, clock):
    item = queue_report(store, _report(tmp_path, "a.xlsx"), period="2026-11")
    with SlowMail(stage="greeting", interval=0.5) as server:
        transport = SmtpTransport("127.0.0.1", server.port, to_addr="baocao@tinh.example",
                                  from_addr="xa@xa.example", tls="none", timeout=START_TIMEOUT,
                                  clock=clock, deadline=1.0)
        result = run_outbox(store, transport, clock, rng=random.Random(1))
        assert result.sent == [] and result.retry_later == [item.id]
        assert wait_until(server.gone.is_set) and not server.capped.is_set()
