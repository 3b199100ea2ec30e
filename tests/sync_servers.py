"""Real servers on 127.0.0.1 for the sync tests, each in a thread, with faults
that can be switched on: a WebDAV server (wsgidav on cheroot), an SMTP server
(aiosmtpd), a TCP proxy that cuts an upload half way, a small HTTP server that
behaves as some real WebDAV servers do where wsgidav does not (``OddDav``), and
an in-memory keyring.
Every start and wait is bounded."""
from __future__ import annotations

import base64
import email
import hashlib
import socket
import threading
import time
from pathlib import Path
from typing import Any

START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, timeout: float = 30.0) -> bool:
    """Whether ``condition`` came true within ``timeout`` seconds (generous: it
    returns as soon as it does, and a loaded CI machine may need the time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


class MemoryKeyring:
    """A keyring backend that keeps passwords in a dict: tests never touch the real one."""

    priority = 5

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


def keyring_backend_class():
    """MemoryKeyring as a real keyring backend class, for ``keyring.set_keyring``
    (which the command line's keyring comes from in its tests)."""
    from keyring.backend import KeyringBackend

    class CommandLineMemoryKeyring(MemoryKeyring, KeyringBackend):
        priority = 5

    return CommandLineMemoryKeyring


# -- WebDAV ------------------------------------------------------------------------------


class Faults:
    """WSGI middleware in front of wsgidav: answer 500 to the next PUTs, or let a
    PUT complete and then hold its answer past the client's timeout."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.fail_puts = 0
        self.hold_puts = 0
        self.release = threading.Event()
        self.puts_finished = 0
        self.put_statuses: list[int] = []
        self._lock = threading.Lock()

    def __call__(self, environ: dict, start_response: Any):
        if environ["REQUEST_METHOD"] != "PUT":
            return self.app(environ, start_response)
        try:
            with self._lock:
                fail = self.fail_puts > 0
                self.fail_puts -= 1 if fail else 0
                hold = not fail and self.hold_puts > 0
                self.hold_puts -= 1 if hold else 0
            if fail:
                length = int(environ.get("CONTENT_LENGTH") or 0)
                environ["wsgi.input"].read(length)
                self.put_statuses.append(500)
                start_response("500 Internal Server Error", [("Content-Type", "text/plain"), ("Content-Length", "4")])
                return [b"boom"]
            captured: dict[str, Any] = {}

            def capture(status, headers, exc_info=None):
                captured["status"], captured["headers"] = status, headers
                self.put_statuses.append(int(status.split()[0]))
                return lambda data: None

            body = b"".join(self.app(environ, capture))
            if hold:  # the file is stored; the answer is "lost"
                self.release.wait(timeout=START_TIMEOUT)
            start_response(captured["status"], captured["headers"])
            return [body]
        finally:
            with self._lock:
                self.puts_finished += 1


class DavServer:
    def __init__(self, root: Path, *, port: int | None = None, user: str | None = None, password: str | None = None,
                 certificate: str | None = None):
        from cheroot import wsgi
        from wsgidav.wsgidav_app import WsgiDAVApp

        self.root = Path(root)
        (self.root / "reports").mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        users = {"*": {user: {"password": password}}} if user else {"*": True}
        config = {
            "host": "127.0.0.1",
            "port": self.port,
            "provider_mapping": {"/": str(self.root)},
            "simple_dc": {"user_mapping": users},
            "http_authenticator": {"accept_basic": True, "accept_digest": False, "default_to_digest": False},
            "verbose": 0,
            "logging": {"enable": False},
            "lock_storage": True,
        }
        self.faults = Faults(WsgiDAVApp(config))
        self.server = wsgi.Server(("127.0.0.1", self.port), self.faults, numthreads=4)
        self.server.shutdown_timeout = 1
        self.server.expiration_interval = 0.05  # how often serve() looks at the stop flag
        self.scheme = "http"
        if certificate:  # one PEM file with the key and the chain
            from cheroot.ssl.builtin import BuiltinSSLAdapter

            self.server.ssl_adapter = BuiltinSSLAdapter(certificate, certificate)
            self.scheme = "https"
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/reports/"

    def start(self) -> "DavServer":
        self.server.prepare()
        self.thread = threading.Thread(target=self.server.serve, daemon=True)
        self.thread.start()
        assert wait_until(lambda: self.server.ready, START_TIMEOUT), "WebDAV server did not start"
        return self

    def stop(self) -> None:
        self.faults.release.set()
        self.server.stop()
        if self.thread is not None:
            self.thread.join(timeout=START_TIMEOUT)

    def files(self, folder: str = "reports") -> list[Path]:
        where = self.root / folder
        return sorted(p for p in where.iterdir() if p.is_file()) if where.is_dir() else []

    def __enter__(self) -> "DavServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class CutProxy:
    """Forwards 127.0.0.1:port to a target port; the first ``cuts`` connections
    that carry more than ``after`` bytes upward are closed right there."""

    def __init__(self, target_port: int, *, after: int, cuts: int = 1) -> None:
        self.target_port, self.after, self.cuts = target_port, after, cuts
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.cut_done = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> "CutProxy":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=START_TIMEOUT)
        self.listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except (socket.timeout, OSError):
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=START_TIMEOUT)
            cut = self.cuts > 0
            for a, b, limit in ((client, upstream, self.after if cut else None), (upstream, client, None)):
                threading.Thread(target=self._pump, args=(a, b, limit, client, upstream), daemon=True).start()

    def _pump(self, source, sink, limit, *both) -> None:
        sent = 0
        try:
            source.settimeout(START_TIMEOUT)
            while not self._stop.is_set():
                data = source.recv(16384)
                if not data:
                    break
                if limit is not None and sent + len(data) > limit:
                    sink.sendall(data[: limit - sent])
                    if self.cuts > 0:
                        self.cuts -= 1
                        self.cut_done += 1
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        for s in both:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


# -- SMTP ---------------------------------------------------------------------------------


class MailHandler:
    """Keeps every message it accepts; can drop the connection after accepting
    (the "250" never reaches the client) or refuse with a code."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []
        self.drop_after_accept = 0
        self.refuse_next: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_next:
            return self.refuse_next.pop(0)
        self.messages.append(email.message_from_bytes(envelope.content))
        if self.drop_after_accept > 0:
            self.drop_after_accept -= 1
            server.transport.close()
        return "250 OK"

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]


class MailServer:
    def __init__(self, *, port: int | None = None, user: str | None = None, password: str | None = None,
                 size_limit: int = 10_000_000, tls_context=None, starttls: bool = True) -> None:
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult

        self.port = port or free_port()
        self.handler = MailHandler()

        def authenticate(server, session, envelope, mechanism, data):
            ok = user is not None and data.login == user.encode() and data.password == (password or "").encode()
            return AuthResult(success=ok, handled=False)

        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, ready_timeout=START_TIMEOUT,
            authenticator=authenticate if user else None, auth_require_tls=False,
            data_size_limit=size_limit,
            # STARTTLS on the plain port, or SMTPS (TLS from the first byte)
            **({"tls_context": tls_context, "require_starttls": True} if tls_context and starttls else {}),
            **({"ssl_context": tls_context} if tls_context and not starttls else {}),
        )

    def __enter__(self) -> "MailServer":
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def basic_token(user: str, password: str) -> bytes:
    return base64.b64encode(f"{user}:{password}".encode())


# -- a small WebDAV-like server for what wsgidav does not do -------------------------------


class OddDav:
    """A tiny HTTP server on 127.0.0.1 that speaks just enough WebDAV (PUT with
    If-None-Match / If-Match / If-Unmodified-Since, GET, HEAD, MKCOL) and can
    behave as real servers do where wsgidav does not:

    - ``weak``: ETags are weak (``W/"..."``), as Apache's are for a file changed
      within the last second; ``If-Match`` compares strongly, as Apache does, so
      a weak tag sent back never matches (412);
    - ``fresh``: a copy's Last-Modified is the answer's own Date (changed just now);
    - ``refuse_replace``: answer 412 to that many conditional PUTs (someone changed the copy);
    - ``store``: False answers PUT 201 and keeps nothing;
    - ``put_status``: the status of a PUT that is accepted (201; 207 as some servers send);
    - ``head_any``: HEAD answers 200 for any name; ``head_length``: False leaves out Content-Length;
    - ``endless_get``: a GET's body never ends (no Content-Length, data as fast as it goes);
    - ``trickle``: ``"headers"`` answers a PUT's headers one byte at a time,
      ``"body"`` sends its body one byte at a time without end, every ``interval`` seconds.

    Anything endless stops when the client goes (``gone`` is set) or after
    ``START_TIMEOUT`` seconds, so a client without a deadline fails the test
    instead of hanging it. ``files`` maps a path to (bytes, modified time);
    ``requests`` lists (method, path, headers) as they came."""

    def __init__(self) -> None:
        import http.server
        import socketserver

        self.files: dict[str, tuple[bytes, float]] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.weak = False
        self.fresh = False
        self.refuse_replace = 0
        self.store = True
        self.put_status = 201
        self.head_any = False
        self.head_length = True
        self.endless_get = False
        self.trickle: str | None = None
        self.interval = 0.5
        self.gone = threading.Event()
        self.capped = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                if "Content-Length" not in (headers or {}) and self.command != "HEAD":
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def _seen(self) -> None:
                with owner._lock:
                    owner.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}))

            def _validators(self, path: str) -> dict[str, str]:
                from email.utils import formatdate

                data, modified = owner.files[path]
                tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
                now = time.time()
                return {
                    "ETag": ("W/" + tag) if owner.weak else tag,
                    "Date": formatdate(now, usegmt=True),
                    "Last-Modified": formatdate(now if owner.fresh else modified, usegmt=True),
                }

            def do_MKCOL(self) -> None:
                self._seen()
                self._answer(405)

            def do_HEAD(self) -> None:
                self._seen()
                if self.path not in owner.files and not owner.head_any:
                    self._answer(404)
                    return
                self.send_response(200)
                if owner.head_length and self.path in owner.files:
                    self.send_header("Content-Length", str(len(owner.files[self.path][0])))
                self.end_headers()

            def do_GET(self) -> None:
                self._seen()
                if self.path not in owner.files:
                    self._answer(404)
                    return
                if owner.endless_get:
                    self.send_response(200)
                    self.end_headers()
                    owner._endless(self.wfile, b"x" * 65536, 0.0)
                    return
                self._answer(200, self._validators(self.path), owner.files[self.path][0])

            def do_PUT(self) -> None:
                self._seen()
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                path, there = self.path, self.path in owner.files
                if self.headers.get("If-None-Match") == "*" and there:
                    self._answer(412)
                    return
                conditional = self.headers.get("If-Match") or self.headers.get("If-Unmodified-Since")
                if conditional and owner.refuse_replace > 0:
                    owner.refuse_replace -= 1
                    self._answer(412)
                    return
                if self.headers.get("If-Match"):
                    current = self._validators(path)["ETag"] if there else None
                    if current is None or current.startswith("W/") or self.headers["If-Match"] != current:
                        self._answer(412)
                        return
                if self.headers.get("If-Unmodified-Since"):
                    from email.utils import parsedate_to_datetime

                    since = parsedate_to_datetime(self.headers["If-Unmodified-Since"]).timestamp()
                    if not there or int(owner.files[path][1]) > since:  # HTTP dates have whole seconds
                        self._answer(412)
                        return
                if owner.store:
                    owner.files[path] = (body, time.time())
                if owner.trickle == "headers":
                    owner._endless(self.wfile, b"HTTP/1.0 201 Created\r\nX-Slow: ", owner.interval, one_by_one=True)
                    return
                if owner.trickle == "body":
                    self.wfile.write(b"HTTP/1.0 201 Created\r\n\r\n")
                    owner._endless(self.wfile, b"slow", owner.interval, one_by_one=True)
                    return
                self._answer(204 if there and owner.put_status == 201 else owner.put_status)

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def _endless(self, out, data: bytes, interval: float, *, one_by_one: bool = False) -> None:
        """Write ``data`` (then more of the same) until the client goes or the cap."""
        deadline = time.monotonic() + START_TIMEOUT
        while not self._stop.is_set():
            if time.monotonic() > deadline:
                self.capped.set()
                return
            try:
                for piece in ([data[i:i + 1] for i in range(len(data))] if one_by_one else [data]):
                    out.write(piece)
                    out.flush()
                    if interval:
                        time.sleep(interval)  # (a timed Event.wait never returns under libfaketime)
            except OSError:
                self.gone.set()
                return
            if one_by_one:
                data = b"z"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/reports/"

    def put(self, name: str, data: bytes, modified: float | None = None) -> None:
        self.files["/reports/" + name] = (data, time.time() if modified is None else modified)

    def stored(self, name: str) -> bytes | None:
        found = self.files.get("/reports/" + name)
        return found[0] if found else None

    def methods(self) -> list[str]:
        return [method for method, _, _ in self.requests]

    def __enter__(self) -> "OddDav":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=START_TIMEOUT)


class SlowMail:
    """An SMTP server on 127.0.0.1 that trickles a reply one byte every
    ``interval`` seconds without end: its greeting (``stage="greeting"``), or
    the "250" after a message's data (``stage="data"``, everything before it
    answered at once). It stops when the client goes (``gone``) or after
    ``START_TIMEOUT`` seconds (``capped``: a client without a deadline)."""

    def __init__(self, stage: str = "data", interval: float = 0.5) -> None:
        self.stage, self.interval = stage, interval
        self.gone, self.capped, self.got_data = threading.Event(), threading.Event(), threading.Event()
        self._stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> "SlowMail":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=START_TIMEOUT)
        self.listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except (socket.timeout, OSError):
                continue
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        conn.settimeout(START_TIMEOUT)
        lines = conn.makefile("rb")
        try:
            if self.stage == "greeting":
                self._trickle(conn, b"220 ")
                return
            conn.sendall(b"220 slow.example ESMTP\r\n")
            while not self._stop.is_set():
                line = lines.readline()
                if not line:
                    return
                command = line[:4].upper()
                if command == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    while (data := lines.readline()) and data != b".\r\n":
                        pass
                    self.got_data.set()
                    self._trickle(conn, b"250 ")
                    return
                conn.sendall(b"221 bye\r\n" if command == b"QUIT" else b"250 ok\r\n")
        except OSError:
            pass
        finally:
            lines.close()
            conn.close()

    def _trickle(self, conn: socket.socket, start: bytes) -> None:
        data, deadline = start, time.monotonic() + START_TIMEOUT
        while not self._stop.is_set():
            if time.monotonic() > deadline:
                self.capped.set()
                return
            for byte in data:
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    self.gone.set()
                    return
                time.sleep(self.interval)  # (a timed Event.wait never returns under libfaketime)
                if self._stop.is_set():
                    return
            data = b"z"
