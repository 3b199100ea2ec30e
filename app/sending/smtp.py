"""Delivery by e-mail: the report attached to one message, over SMTP.

E-mail cannot promise exactly once. When the server took a message but the
link dropped before its "250" reached us, the report is sent again and the
mailbox holds it twice. The Message-ID is derived from the report's content
hash, so both copies carry the same Message-ID and SHA-256 header: whoever
reads the mailbox (a person, the province's collecting script) can tell they
are one report. The subject carries the commune and the period.

TLS: STARTTLS (port 587) or SSL (port 465); "none" exists for a relay on the
same machine and for tests on 127.0.0.1 (destination.py refuses a password
over "none" to any other host).
"""
from __future__ import annotations

import base64
import io
import mimetypes
import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from app import messages
from app.clock import Clock
from app.sending.transport import (
    PERMANENT,
    SETTINGS,
    TEMPORARY,
    DeliveryError,
    Parcel,
    DeadlineReader,
    arm,
    network_failure,
    overall_deadline,
    tls_context,
)

TLS_CHOICES = ("starttls", "ssl", "none")
# CRLF line ends, no folding of the Message-ID or the subject
WIRE_POLICY = policy.SMTP.clone(max_line_length=998)

messages.register(
    {
        "smtp.auth": (
            "Máy chủ thư {where} từ chối đăng nhập. Hãy kiểm tra tên đăng nhập và mật khẩu.",
            "The mail server {where} refused the login. Check the user name and the password.",
        ),
        "smtp.no_auth": (
            "Máy chủ thư {where} không cho đăng nhập theo cách này ({reason}). Hãy kiểm tra cổng và kiểu TLS.",
            "The mail server {where} does not offer this login ({reason}). Check the port and the TLS setting.",
        ),
        "smtp.no_starttls": (
            "Máy chủ thư {where} không hỗ trợ STARTTLS. Hãy thử --tls ssl (cổng 465) hoặc hỏi cán bộ CNTT.",
            "The mail server {where} does not offer STARTTLS. Try --tls ssl (port 465) or ask IT support.",
        ),
        "smtp.recipient": (
            "Máy chủ thư {where} không nhận địa chỉ người nhận ({reply}). Hãy kiểm tra địa chỉ gửi đến.",
            "The mail server {where} refused the recipient ({reply}). Check the address.",
        ),
        "smtp.sender": (
            "Máy chủ thư {where} không nhận địa chỉ người gửi ({reply}). Hãy kiểm tra địa chỉ gửi đi.",
            "The mail server {where} refused the sender address ({reply}). Check the from address.",
        ),
        "smtp.too_large": (
            "Máy chủ thư {where} từ chối vì thư quá lớn ({reply}). Báo cáo này được để riêng, không gửi lại tự động.",
            "The mail server {where} refused the message as too large ({reply}). This report is set aside, not retried.",
        ),
        "smtp.rejected": (
            "Máy chủ thư {where} từ chối thư này ({reply}). Báo cáo được để riêng.",
            "The mail server {where} rejected this message ({reply}). The report is set aside.",
        ),
        "smtp.busy": (
            "Máy chủ thư {where} tạm thời chưa nhận ({reply}). Sẽ thử lại.",
            "The mail server {where} cannot take it now ({reply}). It will be tried again.",
        ),
    }
)


def message_id(parcel: Parcel, from_addr: str) -> str:
    """Stable for a given content: the receiving side sees a resend as the same message."""
    domain = from_addr.rpartition("@")[2].strip(" >") or "frontdesk.invalid"
    return f"<frontdesk.{parcel.sha256[:40]}.{parcel.commune_code}@{domain}>"


def subject(parcel: Parcel) -> str:
    period = parcel.period or "-"
    return f"[Front Desk] Báo cáo xã {parcel.commune_code} kỳ {period} / Report of commune {parcel.commune_code}, period {period}"


def build_message(parcel: Parcel, *, from_addr: str, to_addr: str, when: Any) -> EmailMessage:
    message = EmailMessage()
    message["From"] = from_addr
    message["To"] = to_addr
    message["Subject"] = subject(parcel)
    message["Message-ID"] = message_id(parcel, from_addr)
    message["Date"] = format_datetime(when)
    message["X-FrontDesk-Commune"] = parcel.commune_code
    message["X-FrontDesk-Period"] = parcel.period or ""
    message["X-FrontDesk-SHA256"] = parcel.sha256
    message.set_content(
        f"Xã/phường: {parcel.commune_code}\nKỳ báo cáo: {parcel.period or '-'}\n"
        f"Tệp: {parcel.remote_name} ({parcel.size} byte)\nSHA-256: {parcel.sha256}\n\n"
        f"Commune: {parcel.commune_code}\nPeriod: {parcel.period or '-'}\n"
        f"File: {parcel.remote_name} ({parcel.size} bytes)\n",
        cte="quoted-printable",  # 7-bit safe for any relay
    )
    kind = mimetypes.guess_type(parcel.remote_name)[0] or "application/octet-stream"
    maintype, _, subtype = kind.partition("/")
    message.add_attachment(
        parcel.path.read_bytes(), maintype=maintype, subtype=subtype, filename=parcel.remote_name
    )
    return message


class SmtpTransport:
    kind = "smtp"

    def __init__(
        self,
        host: str,
        port: int,
        *,
        to_addr: str,
        from_addr: str,
        user: str | None = None,
        password: str | None = None,
        tls: str = "starttls",
        timeout: float = 20.0,
        clock: Clock,
        ssl_context: ssl.SSLContext | None = None,
        deadline: float | None = None,
    ) -> None:
        if tls not in TLS_CHOICES:
            raise ValueError(f"tls must be one of {TLS_CHOICES}")
        self.host, self.port, self.tls, self.timeout = host, int(port), tls, timeout
        self.deadline = deadline  # seconds a session may take besides the message's share; None: the default
        self.to_addr, self.from_addr = to_addr, from_addr
        self._user, self._password = user, password
        self.hidden = (password,) if password else ()  # scrubbed from anything recorded
        self._ssl = ssl_context
        self.clock = clock
        self.label = f"{to_addr} ({host}:{self.port})"

    def check(self) -> dict[str, Any]:
        smtp = self._open()
        try:
            limit = self._size_limit(smtp)
            self._guard(smtp.noop)
        finally:
            self._close(smtp)
        return {"transport": self.kind, "server": f"{self.host}:{self.port}", "tls": self.tls, "size_limit": limit}

    def deliver(self, parcel: Parcel) -> dict[str, Any]:
        message = build_message(parcel, from_addr=self.from_addr, to_addr=self.to_addr, when=self.clock.now())
        data = message.as_bytes(policy=WIRE_POLICY)
        smtp = self._open(len(data))
        try:
            limit = self._size_limit(smtp)
            if limit and len(data) > limit:
                raise DeliveryError(PERMANENT, "smtp.too_large", where=self.label, reply=f"SIZE {limit}")
            self._guard(smtp.sendmail, self.from_addr, [self.to_addr], data)
        finally:
            self._close(smtp)
        return {"transport": self.kind, "message_id": message["Message-ID"], "to": self.to_addr, "server": self.host}

    # -- the session --------------------------------------------------------------------

    def _open(self, size: int = 0) -> smtplib.SMTP:
        """A session, greeted, encrypted and logged in as set; the whole of it,
        from connecting to QUIT, must be over by one deadline (``_Bounded``)."""
        context = self._ssl or tls_context()
        smtp: smtplib.SMTP = (
            _BoundedSSL(timeout=self.timeout, context=context) if self.tls == "ssl" else _Bounded(timeout=self.timeout)
        )
        smtp.deadline = overall_deadline(self.timeout, self.deadline, size)  # type: ignore[attr-defined]
        smtp._host = self.host  # what TLS checks the certificate against (set by the constructor's connect)
        try:
            code, reply = smtp.connect(self.host, self.port)
            if code != 220:
                raise smtplib.SMTPConnectError(code, reply)
        except smtplib.SMTPConnectError as exc:
            smtp.close()
            raise self._failure(exc) from None
        except (OSError, smtplib.SMTPException) as exc:
            smtp.close()
            raise network_failure(exc, self.label, connecting=True) from None
        try:
            self._guard(smtp.ehlo)
            if self.tls == "starttls":
                if not smtp.has_extn("starttls"):
                    raise DeliveryError(SETTINGS, "smtp.no_starttls", where=self.label)
                self._guard(smtp.starttls, context=context)
                self._guard(smtp.ehlo)
            if self._user:
                self._login(smtp)
        except BaseException:
            self._close(smtp)
            raise
        return smtp

    def _login(self, smtp: smtplib.SMTP) -> None:
        user, password = self._user or "", self._password or ""
        if (user + password).isascii():
            self._guard(smtp.login, user, password)
            return
        # smtplib encodes credentials as ASCII; AUTH PLAIN (RFC 4616) carries UTF-8,
        # and a Vietnamese password may well have diacritics
        token = base64.b64encode(f"\0{user}\0{password}".encode("utf-8")).decode("ascii")
        code, _ = self._guard(smtp.docmd, "AUTH", "PLAIN " + token)
        if code == 235:
            return
        if 400 <= code < 500 and code != 454:
            raise DeliveryError(TEMPORARY, "smtp.busy", where=self.label, reply=code)
        raise DeliveryError(SETTINGS, "smtp.auth", where=self.label)

    def _guard(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except (smtplib.SMTPException, OSError) as exc:
            raise self._failure(exc) from None

    def _failure(self, exc: BaseException) -> DeliveryError:
        where = self.label
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return DeliveryError(SETTINGS, "smtp.auth", where=where)
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return DeliveryError(SETTINGS, "smtp.no_auth", where=where, reason=type(exc).__name__)
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return network_failure(ConnectionResetError(), where)
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            codes = [code for code, _ in exc.recipients.values()] or [550]
            code = codes[0]
            if 400 <= code < 500:
                return DeliveryError(TEMPORARY, "smtp.busy", where=where, reply=code)
            return DeliveryError(SETTINGS, "smtp.recipient", where=where, reply=code)
        code = getattr(exc, "smtp_code", None)
        if isinstance(code, int):
            if code == 552 or code == 523:
                return DeliveryError(PERMANENT, "smtp.too_large", where=where, reply=code)
            if 400 <= code < 500:
                return DeliveryError(TEMPORARY, "smtp.busy", where=where, reply=code)
            if isinstance(exc, smtplib.SMTPSenderRefused):
                return DeliveryError(SETTINGS, "smtp.sender", where=where, reply=code)
            return DeliveryError(PERMANENT, "smtp.rejected", where=where, reply=code)
        if isinstance(exc, OSError):
            return network_failure(exc, where)
        return DeliveryError(TEMPORARY, "delivery.dropped", where=where, reason=type(exc).__name__)

    @staticmethod
    def _size_limit(smtp: smtplib.SMTP) -> int | None:
        try:
            return int(smtp.esmtp_features.get("size", "") or 0) or None
        except ValueError:
            return None

    @staticmethod
    def _close(smtp: smtplib.SMTP) -> None:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


class _Bounded(smtplib.SMTP):
    """``smtplib.SMTP`` whose every read and write checks the session's
    deadline: a server that trickles its replies a byte at a time cannot hold
    a pass forever (per-read timeouts alone would let it)."""

    deadline = float("inf")

    def _arm(self) -> None:
        if self.sock is not None:
            arm(self.sock, self.deadline, self.timeout)

    def send(self, s: Any) -> None:
        self._arm()
        super().send(s)

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None and self.sock is not None:  # after connecting, and again after STARTTLS
            self.file = io.BufferedReader(DeadlineReader(self._arm, self.sock.makefile("rb", buffering=0)))
        return super().getreply()


class _BoundedSSL(_Bounded, smtplib.SMTP_SSL):
    """The same over TLS from the first byte (port 465)."""
