"""Delivery by WebDAV (Nextcloud, ownCloud, Apache mod_dav, wsgidav...).

Standard library only (``http.client``): a PUT, a HEAD, a GET and a MKCOL are
all this needs, and every WebDAV server speaks them.

- PUT with ``If-None-Match: *``: the server refuses (412) if the name exists.
  The name carries the content hash, so 412 after a lost acknowledgement means
  "already delivered"; that is checked by reading the copy back and hashing it.
  A copy with our name but other content (an upload cut off half way on a
  server that writes in place) is replaced, on condition that it is still the
  copy we read: ``If-Match`` with its strong ETag. A weak ETag (``W/"..."``) is
  never sent as a precondition: Apache answers one for a file changed within
  the last second, and ``If-Match`` compares strongly, so the server answers
  412 whatever the file. With a weak or no ETag the condition is
  ``If-Unmodified-Since`` when the copy is old enough for a one-second clock
  to tell; a copy changed just now is left for the next attempt. A 412 on
  that replacement (someone changed the copy meanwhile) is temporary too.
- 409 (or 404) on PUT: the collection is missing: MKCOL it (and its missing
  parents, bottom-up), then PUT again.
- After a PUT answered 2xx (201, 204, or a 207 some servers send), the server
  must show the whole file before the report counts as sent: a HEAD with the
  right ``Content-Length``, or, when the HEAD says no length, the copy read
  back (never more than the report's size plus one byte) and hashed. Anything
  less keeps the report waiting.

Each request opens its own connection with a per-read timeout, and has an
overall deadline besides (a few times that timeout, plus the time the body
takes at a slow office link's rate): a server that trickles its headers a
byte at a time or sends a body that never ends cannot hold a pass forever.
Bodies are read only as far as needed (an error page's first 64 KiB, a copy's
size plus one byte).
"""
from __future__ import annotations

import base64
import hashlib
import http.client
import io
import socket
import ssl
from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlsplit

from app import messages
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

ERROR_BODY = 1 << 16  # what is read of an answer nobody needs whole
# a copy whose Last-Modified is this much older than the server's Date: a one-second clock tells it apart
SETTLED = timedelta(seconds=2)

messages.register(
    {
        "webdav.auth": (
            "Máy chủ {where} từ chối đăng nhập (401). Hãy kiểm tra tên đăng nhập và mật khẩu.",
            "The server {where} refused the login (401). Check the user name and the password.",
        ),
        "webdav.forbidden": (
            "Máy chủ {where} không cho ghi vào thư mục này (403). Hãy kiểm tra mật khẩu và quyền của tài khoản.",
            "The server {where} does not allow writing there (403). Check the password and the account's rights.",
        ),
        "webdav.too_large": (
            "Máy chủ {where} từ chối vì tệp quá lớn (413). Báo cáo này được để riêng, không gửi lại tự động.",
            "The server {where} refused the file as too large (413). This report is set aside, not retried.",
        ),
        "webdav.redirect": (
            "Địa chỉ {where} chuyển sang nơi khác ({status}). Hãy dùng địa chỉ thư mục WebDAV đúng.",
            "The address {where} redirects elsewhere ({status}). Use the WebDAV folder's own address.",
        ),
        "webdav.not_dav": (
            "Địa chỉ {where} không nhận tệp gửi lên ({status}). Hãy kiểm tra địa chỉ WebDAV.",
            "The address {where} does not accept uploads ({status}). Check the WebDAV address.",
        ),
        "webdav.server": (
            "Máy chủ {where} đang gặp lỗi ({status}). Sẽ thử lại.",
            "The server {where} has a problem ({status}). It will be tried again.",
        ),
        "webdav.refused": (
            "Máy chủ {where} từ chối tệp này ({status}). Báo cáo được để riêng.",
            "The server {where} refused this file ({status}). The report is set aside.",
        ),
        "webdav.unconfirmed": (
            "Máy chủ {where} chưa xác nhận đã nhận đủ tệp ({reason}). Sẽ thử lại.",
            "The server {where} did not confirm the whole file ({reason}). It will be tried again.",
        ),
        "webdav.copy_changing": (
            "Bản cùng tên trên máy chủ {where} đang được ghi hoặc vừa thay đổi ({reason}). Sẽ thử lại.",
            "The copy with this name at {where} is being written or just changed ({reason}). "
            "It will be tried again.",
        ),
    }
)

CHECK_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'
)


def split_url(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, collection path ending in "/"); no user or query."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("not an http(s) URL")
    port = parts.port or (443 if scheme == "https" else 80)
    path = parts.path or "/"
    if not path.endswith("/"):
        path += "/"
    return scheme, parts.hostname, port, path


def public_url(url: str) -> str:
    """The URL as people may see it: no user, password, query or fragment."""
    try:
        scheme, host, port, path = split_url(url)
    except ValueError:
        return "?"
    default = 443 if scheme == "https" else 80
    where = host if port == default else f"{host}:{port}"
    if ":" in host:
        where = f"[{host}]" if port == default else f"[{host}]:{port}"
    return f"{scheme}://{where}{path}"


class WebDavTransport:
    kind = "webdav"

    def __init__(
        self,
        url: str,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 20.0,
        ssl_context: ssl.SSLContext | None = None,
        deadline: float | None = None,
    ) -> None:
        self.scheme, self.host, self.port, self.collection = split_url(url)
        self.label = public_url(url)
        self.timeout = timeout
        # seconds a whole request may take, besides its body's share (transport.MIN_RATE)
        self.deadline = deadline if deadline is not None else max(60.0, 3 * timeout)
        self._ssl = ssl_context
        self._auth = None
        self.hidden = (password,) if password else ()  # scrubbed from anything recorded
        if user:
            token = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
            self._auth = "Basic " + token

    # -- what the outbox calls ----------------------------------------------------

    def check(self) -> dict[str, Any]:
        status, _, _ = self._request("PROPFIND", self.collection, CHECK_BODY, {"Depth": "0"})
        if status in (200, 207):
            return {"transport": self.kind, "url": self.label, "folder_exists": True}
        if status in (404, 409):
            return {"transport": self.kind, "url": self.label, "folder_exists": False}
        raise self._refusal(status)

    def deliver(self, parcel: Parcel) -> dict[str, Any]:
        target = self.collection + quote(parcel.remote_name)
        status, headers = self._put(target, parcel, {"If-None-Match": "*"})
        if status in (404, 409):
            self._make_collection(self.collection)
            status, headers = self._put(target, parcel, {"If-None-Match": "*"})
        already = False
        if status == 412:
            matches, found = self._copy_matches(target, parcel)
            if matches:
                already = True
            else:
                # a copy with our name and other content is a broken upload: replace
                # exactly that copy, never a newer one someone else wrote
                status, headers = self._put(target, parcel, self._unchanged(found))
                if status == 412:  # it changed between our reading and our writing
                    raise DeliveryError(TEMPORARY, "webdav.copy_changing", where=self.label, reason="412")
        if not already:
            if not 200 <= status < 300:
                raise self._refusal(status)
            self._confirm(target, parcel)  # 201, 204, and a 207 that may or may not have stored it
        return {
            "transport": self.kind,
            "url": self.label + quote(parcel.remote_name),
            "status": 412 if already else status,
            "etag": headers.get("etag") if not already else None,
            "already_there": already,
        }

    # -- steps ----------------------------------------------------------------------

    def _put(self, target: str, parcel: Parcel, extra: dict[str, str]) -> tuple[int, dict[str, str]]:
        headers = {
            "Content-Length": str(parcel.size),
            "Content-Type": "application/octet-stream",
            **extra,
        }
        with open(parcel.path, "rb") as body:
            status, answer, _ = self._request("PUT", target, body, headers, size=parcel.size)
        return status, answer

    def _make_collection(self, path: str, depth: int = 0) -> None:
        status, _, _ = self._request("MKCOL", path)
        if status == 409 and depth < 16 and path.rstrip("/").count("/") > 1:
            # the parent is missing too: make it first, then this one
            self._make_collection(path.rstrip("/").rsplit("/", 1)[0] + "/", depth + 1)
            status, _, _ = self._request("MKCOL", path)
        if status not in (200, 201, 204, 405):  # 405: it already exists
            raise self._refusal(status)

    def _copy_matches(self, target: str, parcel: Parcel) -> tuple[bool, dict[str, str]]:
        """Whether the copy at ``target`` is the report, byte for byte (read no
        further than one byte past the report's size); and the GET's headers."""
        digest = hashlib.sha256()
        status, headers, size = self._request(
            "GET", target, sink=digest.update, limit=parcel.size + 1, size=parcel.size
        )
        if status != 200:
            raise self._refusal(status)
        return size == parcel.size and digest.hexdigest() == parcel.sha256, headers

    def _unchanged(self, found: dict[str, str]) -> dict[str, str]:
        """The precondition that the copy is still the one read (``found``: its GET's headers)."""
        etag = (found.get("etag") or "").strip()
        if etag and not etag.startswith("W/"):
            return {"If-Match": etag}
        modified = found.get("last-modified")
        if modified and _settled(modified, found.get("date")):
            return {"If-Unmodified-Since": modified}
        if etag:  # weak: Apache's answer for a file changed within the last second
            raise DeliveryError(TEMPORARY, "webdav.copy_changing", where=self.label, reason="ETag W/")
        return {}  # a server with no validators at all: nothing to make the condition of

    def _confirm(self, target: str, parcel: Parcel) -> None:
        status, headers, _ = self._request("HEAD", target)
        if status != 200:
            raise DeliveryError(TEMPORARY, "webdav.unconfirmed", where=self.label, reason=f"HEAD {status}")
        length = headers.get("content-length")
        if length is not None:
            if length.strip() != str(parcel.size):
                raise DeliveryError(TEMPORARY, "webdav.unconfirmed", where=self.label, reason="size")
            return
        # no length in the HEAD: the server may have stored nothing; read it back
        digest = hashlib.sha256()
        status, _, read = self._request("GET", target, sink=digest.update, limit=parcel.size + 1, size=parcel.size)
        if status != 200 or read != parcel.size or digest.hexdigest() != parcel.sha256:
            raise DeliveryError(TEMPORARY, "webdav.unconfirmed", where=self.label, reason=f"GET {status}")

    def _refusal(self, status: int) -> DeliveryError:
        where = self.label
        if 200 <= status < 300:  # an answer that says neither yes nor no (a 207 on PUT): try later
            return DeliveryError(TEMPORARY, "webdav.unconfirmed", where=where, reason=str(status))
        if status == 401:
            return DeliveryError(SETTINGS, "webdav.auth", where=where)
        if status == 403:
            return DeliveryError(SETTINGS, "webdav.forbidden", where=where)
        if status == 413:
            return DeliveryError(PERMANENT, "webdav.too_large", where=where)
        if 300 <= status < 400:
            return DeliveryError(SETTINGS, "webdav.redirect", where=where, status=status)
        if status in (404, 405, 501):
            return DeliveryError(SETTINGS, "webdav.not_dav", where=where, status=status)
        if status >= 500 or status in (408, 412, 423, 425, 429):
            return DeliveryError(TEMPORARY, "webdav.server", where=where, status=status)
        return DeliveryError(PERMANENT, "webdav.refused", where=where, status=status)

    # -- the wire ---------------------------------------------------------------------

    def _connection(self) -> http.client.HTTPConnection:
        if self.scheme == "https":
            context = self._ssl or tls_context()
            return http.client.HTTPSConnection(
                self.host, self.port, timeout=self.timeout, context=context, blocksize=1 << 16
            )
        return http.client.HTTPConnection(self.host, self.port, timeout=self.timeout, blocksize=1 << 16)

    def _request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        sink: Any = None,
        limit: int = ERROR_BODY,
        size: int = 0,
    ) -> tuple[int, dict[str, str], int]:
        """(status, lower-cased headers, body bytes read); the body goes to
        ``sink``, at most ``limit`` bytes of it. ``size`` is the bytes the
        request or its answer is expected to carry (its share of the deadline)."""
        headers = dict(headers or {})
        if self._auth:
            headers["Authorization"] = self._auth
        if body is None and method in ("PUT", "MKCOL", "PROPFIND"):
            headers.setdefault("Content-Length", "0")
        deadline = overall_deadline(self.timeout, self.deadline, size)
        conn = self._connection()
        try:
            try:
                conn.connect()
            except (OSError, http.client.HTTPException) as exc:
                raise network_failure(exc, self.label, connecting=True) from None
            conn.sock = _Deadline(conn.sock, deadline, self.timeout)
            try:
                try:
                    conn.request(method, path, body=body, headers=headers)
                except (BrokenPipeError, ConnectionResetError):
                    # a server may answer early (401, 413) and close while the
                    # body is still going out: its answer says more than the pipe
                    pass
                response = conn.getresponse()
                read = 0
                if method != "HEAD":
                    while read < limit:
                        block = response.read(min(1 << 16, limit - read))
                        if not block:
                            break
                        read += len(block)
                        if sink is not None:
                            sink(block)
                answer = {k.lower(): v for k, v in response.getheaders()}
                return response.status, answer, read
            except (OSError, http.client.HTTPException) as exc:
                raise network_failure(exc, self.label) from None
        finally:
            conn.close()


def _settled(modified: str, date: str | None) -> bool:
    """Whether the server's ``Date`` is at least ``SETTLED`` after ``Last-Modified``."""
    try:
        return parsedate_to_datetime(date or "") - parsedate_to_datetime(modified) >= SETTLED
    except (TypeError, ValueError, IndexError):
        return False


class _Deadline:
    """A connection's socket with an overall deadline: every read and every
    write waits at most the per-read timeout, and never past the deadline, so
    headers trickling in a byte at a time or a body that never ends stop there."""

    def __init__(self, sock: socket.socket, deadline: float, timeout: float) -> None:
        self._sock, self._deadline, self._timeout = sock, deadline, timeout

    def _arm(self) -> None:
        arm(self._sock, self._deadline, self._timeout)

    def sendall(self, data: Any, *args: Any) -> None:
        self._arm()
        self._sock.sendall(data, *args)

    def send(self, data: Any, *args: Any) -> int:
        self._arm()
        return self._sock.send(data, *args)

    def recv_into(self, buffer: Any, *args: Any) -> int:
        self._arm()
        return self._sock.recv_into(buffer, *args)

    def recv(self, size: int, *args: Any) -> bytes:
        self._arm()
        return self._sock.recv(size, *args)

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        if mode != "rb":
            raise ValueError("only reading")
        # the socket's own raw reader keeps the socket open while the answer is read
        # (http.client closes its end early when the server will close)
        return io.BufferedReader(DeadlineReader(self._arm, self._sock.makefile("rb", buffering=0)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)
