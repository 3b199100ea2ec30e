"""Real servers on 127.0.0.1 for the sync tests, each in a thread, with faults
that can be switched on: a WebDAV server (wsgidav on cheroot), an SMTP server
(aiosmtpd), a TCP proxy that cuts an upload half way, and an in-memory keyring.
Every start and wait is bounded."""
from __future__ import annotations

import base64
import email
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
