"""One running app per database: a second start brings the first window forward.

The lock is a ``QLockFile`` beside the database (``frontdesk.sqlite3.lock``):
Qt writes the holder's PID, host and app name into it, so a lock left by a
crashed or killed process is seen as stale and taken over. Time-based
staleness is switched off: a window open for days still holds its lock.

The first instance listens on a ``QLocalServer`` whose name is derived from
the database path; a second start sends it one line and exits, and the first
raises its window.

Windows lets only the foreground process bring a window forward; the running
app is not it (the second start, which the person just launched, is), so
its ``activateWindow`` would only flash the taskbar button. The second start
therefore first calls ``AllowSetForegroundWindow(ASFW_ANY)``, handing its
right on to the process that will answer; failing does no harm (the
window still flashes).
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile, QObject, Qt

log = logging.getLogger("frontdesk.instance")

RAISE = b"raise\n"
CONNECT_MS = 500
ANSWER_WAIT_S = 10.0  # a first instance still starting (slow disk, busy PC) gets this long to listen
ASFW_ANY = 0xFFFFFFFF  # (DWORD)-1: any process may set the foreground window
PLATFORM = sys.platform  # tests play Windows by changing this


def _user32():
    """Windows' user32, with the one function this module calls declared."""
    import ctypes  # here: only a second start on Windows needs it

    user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]  # Windows only
    user32.AllowSetForegroundWindow.argtypes = (ctypes.c_uint32,)
    user32.AllowSetForegroundWindow.restype = ctypes.c_int
    return user32


def allow_foreground(platform: str | None = None, user32=None) -> bool:
    """On Windows, let the running instance take the foreground (see the
    module's text). True when Windows agreed; False elsewhere or on failure."""
    if (platform or PLATFORM) != "win32":
        return False
    try:
        user32 = user32 if user32 is not None else _user32()
        allowed = bool(user32.AllowSetForegroundWindow(ASFW_ANY))
    except (OSError, AttributeError, ValueError, TypeError) as exc:
        log.info("could not allow the running window to come forward: %s", type(exc).__name__)
        return False
    if not allowed:
        log.info("Windows did not let the running window come forward (it will flash instead)")
    return allowed


def server_name(database: Path) -> str:
    """The same for every spelling of one database path, per user."""
    resolved = str(Path(database).expanduser().resolve())
    if os.name == "nt":
        resolved = resolved.casefold()
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    import hashlib  # here: OpenSSL's loading waits until the window has painted

    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:20]
    return f"frontdesk-{digest}"


def lock_path(database: Path) -> Path:
    database = Path(database)
    return database.with_name(database.name + ".lock")


class SingleInstance(QObject):
    """``acquire()`` True: this process is the one; it listens for later starts
    and calls ``on_raise`` when one comes. False: another process has the
    database; ``notify_running()`` asks it to come forward."""

    def __init__(self, database: Path, on_raise: Callable[[], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.database = Path(database)
        self.on_raise = on_raise
        path = lock_path(self.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)
        self._server = None  # a QLocalServer once listening

    @property
    def name(self) -> str:
        return server_name(self.database)

    def acquire(self, *, listen: bool = True) -> bool:
        """``listen=False``: take the lock only, and ``listen()`` later (the app
        does once its window has painted; a second start waits for it)."""
        if not self._lock.tryLock(0):
            # tryLock has already taken over a lock whose process is gone;
            # still failing means a live holder (or an unreadable lock file).
            log.info("database already open in another process (lock error %s)", int(self._lock.error().value))
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Hear later starts (once; only while holding the lock)."""
        if self._server is not None or not self._lock.isLocked():
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.UserAccessOption)
        if not server.listen(self.name):
            # A socket file left by a killed process (Unix): we hold the lock,
            # so nobody else is listening; remove it and listen again.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("cannot listen for second starts: %s", server.errorString())
                return
        server.newConnection.connect(self._second_start)
        self._server = server

    def _second_start(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket) -> None:  # a QLocalSocket
        data = bytes(socket.readAll().data())
        if RAISE.strip() in data:
            log.info("a second start asked this window to come forward")
            if self.on_raise is not None:
                self.on_raise()
        socket.disconnectFromServer()

    def notify_running(self, wait_s: float = ANSWER_WAIT_S) -> bool:
        """Ask the running instance to raise its window; True if it heard us."""
        allow_foreground()  # before asking: the running window raises itself as soon as it hears us
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + wait_s
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(RAISE)
                sent = socket.waitForBytesWritten(CONNECT_MS)
                socket.disconnectFromServer()
                return sent
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def bring_forward(widget) -> None:
    """Show a window above the others, restored if it was minimised."""
    if widget is None:
        return
    if widget.isMinimized():
        widget.showNormal()
    widget.show()
    widget.setWindowState((widget.windowState() & ~Qt.WindowMinimized) | Qt.WindowActive)
    widget.raise_()
    widget.activateWindow()
