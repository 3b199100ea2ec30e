"""One interface, three ways of sending a report upward: a folder, WebDAV, e-mail.

A transport delivers one ``Parcel`` and returns a receipt, or raises a
``DeliveryError`` that says what kind of failure it was, because the outbox
treats them differently:

- ``offline``: the link or the destination is not there now (refused, no
  route, timeout, USB stick missing); try again later, and stop this pass,
  since the other reports would fail the same way;
- ``temporary``: this attempt failed (a 5xx answer, a dropped connection, an
  SMTP 4xx); try this report again later, go on with the others;
- ``settings``: the destination refuses us (wrong password, no right to write,
  an address that redirects): the report stays queued, the pass stops and the
  message says what to check;
- ``permanent``: this report can never be delivered there (too large): it is
  set aside with the reason and does not block the others.

Every delivery must be idempotent (the remote name carries the content hash),
so sending again after a lost acknowledgement or a crash never makes a copy.

TLS (``tls_context``): certificates are verified through the operating
system's own trust store (``truststore``). A fresh Windows PC holds only a few
root certificates and fetches the others from Windows Update the first time a
site needs them; only the system's own verification does that, so a context
that merely loads the roots present today refuses a province server whose
root has not been fetched yet. Where ``truststore`` cannot be used, Python's
default context (the system's roots as they are, plus ``certifi``'s when it is
installed) is the fallback.
"""
from __future__ import annotations

import errno
import hashlib
import io
import logging
import socket
import ssl
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app import messages
from app.errors import FrontDeskError

log = logging.getLogger(__name__)

OFFLINE, TEMPORARY, SETTINGS, PERMANENT = "offline", "temporary", "settings", "permanent"
KINDS = (OFFLINE, TEMPORARY, SETTINGS, PERMANENT)

# the slowest link a report is expected to cross (64 kbit/s): a body's share of a deadline
MIN_RATE = 8_000  # bytes per second

messages.register(
    {
        "delivery.offline": (
            "Không kết nối được tới {where} ({reason}). Báo cáo sẽ tự gửi khi có mạng trở lại.",
            "Cannot reach {where} ({reason}). The report will be sent by itself when the link is back.",
        ),
        "delivery.timeout": (
            "{where} không trả lời kịp ({reason}). Sẽ thử lại.",
            "{where} did not answer in time ({reason}). It will be tried again.",
        ),
        "delivery.dropped": (
            "Kết nối tới {where} bị ngắt giữa chừng ({reason}). Sẽ thử lại.",
            "The connection to {where} was dropped ({reason}). It will be tried again.",
        ),
        "delivery.certificate": (
            "Chứng chỉ bảo mật của {where} không tin cậy được ({reason}). Hãy báo cán bộ CNTT.",
            "The security certificate of {where} cannot be trusted ({reason}). Tell IT support.",
        ),
        "delivery.broken_copy": (
            "Bản đã gửi tới {where} không khớp nội dung (mã băm khác). Sẽ gửi lại.",
            "The copy at {where} does not match the report (different hash). It will be sent again.",
        ),
    }
)


@dataclass(frozen=True)
class Parcel:
    """One file to deliver, as the outbox knows it."""

    path: Path
    remote_name: str
    sha256: str
    size: int
    commune_code: str
    period: str | None
    kind: str = "report"

    def manifest(self, sent_at: str) -> dict[str, Any]:
        return {
            "file": self.remote_name,
            "kind": self.kind,
            "commune": self.commune_code,
            "period": self.period,
            "sha256": self.sha256,
            "size": self.size,
            "sent_at": sent_at,
        }


class DeliveryError(FrontDeskError):
    """A delivery that did not happen; ``kind`` is one of ``KINDS``."""

    def __init__(self, kind: str, code: str, **params: Any) -> None:
        if kind not in KINDS:
            raise ValueError(f"not a delivery failure kind: {kind}")
        super().__init__(code, **params)
        self.kind = kind


class Transport(Protocol):
    """What the outbox needs of a destination."""

    kind: str  # "folder", "webdav" or "smtp"
    label: str  # where it goes, for people; never a password
    hidden: tuple[str, ...]  # secrets it holds, scrubbed from anything recorded

    def deliver(self, parcel: Parcel) -> dict[str, Any]:
        """Deliver ``parcel`` (or find it already delivered); return the receipt."""
        ...

    def check(self) -> dict[str, Any]:
        """Reach the destination without sending a report ("Test connection")."""
        ...


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def network_failure(exc: BaseException, where: str, *, connecting: bool = False) -> DeliveryError:
    """Classify a low-level network error from any transport. Any failure to
    connect means the link is down (the pass stops rather than waiting out one
    timeout per report); a failure once connected is this attempt's."""
    reason = type(exc).__name__
    if isinstance(exc, ssl.SSLCertVerificationError):
        return DeliveryError(SETTINGS, "delivery.certificate", where=where, reason=exc.reason or reason)
    if connecting:
        return DeliveryError(OFFLINE, "delivery.offline", where=where, reason=reason)
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return DeliveryError(TEMPORARY, "delivery.timeout", where=where, reason=reason)
    if isinstance(exc, (ConnectionRefusedError, socket.gaierror)):
        return DeliveryError(OFFLINE, "delivery.offline", where=where, reason=reason)
    if isinstance(exc, OSError) and exc.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return DeliveryError(OFFLINE, "delivery.offline", where=where, reason=reason)
    return DeliveryError(TEMPORARY, "delivery.dropped", where=where, reason=reason)


def tls_context() -> ssl.SSLContext:
    """The context that verifies servers' certificates (see the module's text):
    the OS trust store through ``truststore``, else Python's default context."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception as exc:  # not installed, or a platform it does not support
        log.info("truststore cannot be used (%s); verifying with the default context", type(exc).__name__)
    context = ssl.create_default_context()
    try:
        import certifi

        context.load_verify_locations(cafile=certifi.where())
    except Exception:  # no certifi: the system's roots alone
        pass
    return context


def overall_deadline(timeout: float, base: float | None, size: int) -> float:
    """The monotonic moment a transfer of ``size`` bytes must be over by: ``base``
    seconds (default: a few per-read timeouts, at least a minute), plus the
    time the bytes take at ``MIN_RATE``. Per-read timeouts alone let a server
    that trickles a byte at a time hold a pass forever."""
    seconds = base if base is not None else max(60.0, 3 * timeout)
    return time.monotonic() + seconds + size / MIN_RATE


def arm(sock: socket.socket, deadline: float, timeout: float) -> None:
    """Before a read or a write: the socket waits at most ``timeout``, and
    never past ``deadline`` (then ``TimeoutError``)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("the transfer took longer than its deadline")
    sock.settimeout(min(timeout, left))


class DeadlineReader(io.RawIOBase):
    """A socket's raw reader (``sock.makefile("rb", buffering=0)``, which keeps
    the socket open while it is read) that calls ``before()`` before each read."""

    def __init__(self, before: Any, raw: Any) -> None:
        super().__init__()
        self._before, self._raw = before, raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._before()
        return self._raw.readinto(buffer)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()
