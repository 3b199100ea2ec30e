"""Certificates are verified through the operating system's trust store
(``truststore``): on a fresh Windows PC only the system's own verification
fetches a root certificate it does not hold yet. Where truststore cannot be
used, Python's default context is the fallback. Tests that hand a transport a
context of their own (a throwaway CA) keep doing so.

On Linux truststore verifies with OpenSSL's default locations, which
``SSL_CERT_FILE`` moves: that is how these tests put a throwaway CA in "the
system's" trust store without touching the machine's."""
from __future__ import annotations

import random
import ssl
import sys

import pytest
import trustme

from app.sending.delivery import run_outbox
from app.sending.outbox import list_outbox, queue_report
from app.sending.smtp import SmtpTransport
from app.sending.transport import SETTINGS, tls_context
from app.sending.webdav import WebDavTransport
from tests.sync_servers import DavServer, MailServer

TIMEOUT = 15.0
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="SSL_CERT_FILE moves the trust store on Linux only")


def _report(tmp_path, name="r.xlsx", seed=0):
    path = tmp_path / name
    path.write_bytes(random.Random(seed).randbytes(3000))
    return path


def test_the_default_context_is_the_os_trust_store():
    truststore = pytest.importorskip("truststore")
    context = tls_context()
    assert isinstance(context, truststore.SSLContext)
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_without_truststore_python_s_default_context_verifies(monkeypatch):
    monkeypatch.setitem(sys.modules, "truststore", None)  # "import truststore" raises ImportError
    context = tls_context()
    assert type(context) is ssl.SSLContext
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


@linux_only
def test_webdav_over_https_trusts_what_the_system_trusts(store, tmp_path, clock, monkeypatch):
    pytest.importorskip("truststore")
    ca = trustme.CA()
    item = queue_report(store, _report(tmp_path), period="2026-11")
    with ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.tempfile() as pem, \
            ca.cert_pem.tempfile() as ca_file:
        with DavServer(tmp_path / "dav", certificate=pem) as server:
            refused = run_outbox(store, WebDavTransport(server.url, timeout=TIMEOUT), clock, rng=random.Random(1))
            assert refused.stopped.kind == SETTINGS and refused.stopped.code == "delivery.certificate"
            monkeypatch.setenv("SSL_CERT_FILE", ca_file)  # the system now trusts the CA
            transport = WebDavTransport(server.url, timeout=TIMEOUT)  # no context of its own
            assert run_outbox(store, transport, clock, force=True, rng=random.Random(1)).sent == [item.id]
            assert len(server.files()) == 1


@linux_only
def test_smtp_over_ssl_trusts_what_the_system_trusts(store, tmp_path, clock, monkeypatch):
    pytest.importorskip("truststore")
    ca = trustme.CA()
    item = queue_report(store, _report(tmp_path), period="2026-11")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    with ca.cert_pem.tempfile() as ca_file, MailServer(tls_context=server_context, starttls=False) as server:
        monkeypatch.setenv("SSL_CERT_FILE", ca_file)
        transport = SmtpTransport("127.0.0.1", server.port, to_addr="baocao@tinh.example",
                                  from_addr="xa@xa.example", tls="ssl", timeout=TIMEOUT, clock=clock)
        assert run_outbox(store, transport, clock, rng=random.Random(1)).sent == [item.id]
    assert len(server.handler.messages) == 1 and list_outbox(store)[0].state == "sent"
