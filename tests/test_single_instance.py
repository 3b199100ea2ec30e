"""One running app per database: real processes started twice, killed, started again; on Windows
(user32 injected) the second start lets the first take the foreground."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QWidget

from app.db.backups import list_backups
from app.domain.commune import create_commune_database
from app.paths import backups_dir_for
from ui.runtime import single_instance
from ui.runtime.single_instance import (
    ASFW_ANY, SingleInstance, allow_foreground, bring_forward, lock_path, server_name,
)

ROOT = Path(__file__).resolve().parents[1]
WAIT_S = 60  # generous: two Qt processes starting at once on a busy 2-core machine


def test_the_name_is_the_same_for_every_spelling_of_a_path(tmp_path):
    db = tmp_path / "a" / "frontdesk.sqlite3"
    db.parent.mkdir()
    assert server_name(db) == server_name(tmp_path / "a" / ".." / "a" / "frontdesk.sqlite3")
    assert server_name(db) != server_name(tmp_path / "b.sqlite3")
    assert lock_path(db).name == "frontdesk.sqlite3.lock"


def test_a_second_instance_in_the_same_session_raises_the_first(qtbot, tmp_path):
    db = tmp_path / "commune.sqlite3"
    raised = []
    first = SingleInstance(db, on_raise=lambda: raised.append(True))
    second = SingleInstance(db)
    try:
        assert first.acquire()
        assert not second.acquire()
        assert second.notify_running(wait_s=2)
        qtbot.waitUntil(lambda: raised == [True], timeout=5000)
    finally:
        first.release()
    third = SingleInstance(db)
    try:
        assert third.acquire()  # released: the next start gets it
    finally:
        third.release()


def _start(db: Path, home: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "ui", "--db", str(db)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _listening(db: Path) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(db))
    connected = socket.waitForConnected(200)
    socket.abort()
    return connected


def _wait(predicate, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def _log(home: Path) -> str:
    path = home / "logs" / "frontdesk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_two_simultaneous_starts_run_once_and_a_killed_one_leaves_no_lock_behind(tmp_path, clock):
    home = tmp_path / "home"
    db = tmp_path / "commune.sqlite3"
    create_commune_database(db, "00004", clock=clock, actor="tester").close()
    started = [_start(db, home), _start(db, home)]
    try:
        # exactly one stays: the other hands over to it and leaves with status 0
        _wait(lambda: sum(p.poll() is not None for p in started) == 1, "one of the two starts to leave")
        left = next(p for p in started if p.poll() is not None)
        running = next(p for p in started if p.poll() is None)
        assert left.returncode == 0, left.stderr.read().decode(errors="replace")
        _wait(lambda: _listening(db), "the running window to listen")
        _wait(lambda: "asked this window to come forward" in _log(home), "the window to be raised")
        # beside the window: the start-up check passed and the first backup was made
        _wait(lambda: any(b.reason == "start" for b in list_backups(backups_dir_for(db))), "the backup at start")
        assert running.poll() is None

        running.kill()  # a crash (SIGKILL, or TerminateProcess on Windows): the lock file stays behind
        running.wait(timeout=WAIT_S)
        assert lock_path(db).exists()

        again = _start(db, home)
        started.append(again)
        _wait(lambda: _listening(db) or again.poll() is not None, "the next start")
        assert again.poll() is None, again.stderr.read().decode(errors="replace")
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=WAIT_S)
            process.stderr.close()


class FakeUser32:
    """user32 as a test's stand-in: records AllowSetForegroundWindow calls."""

    def __init__(self, events: list, answer: int = 1, fail: bool = False) -> None:
        self.events, self.answer, self.fail = events, answer, fail

    def AllowSetForegroundWindow(self, process_id):  # noqa: N802 (Windows' name)
        if self.fail:
            raise OSError(22, "[WinError 87] The parameter is incorrect")
        self.events.append(("allow", process_id))
        return self.answer


def test_on_windows_a_second_start_lets_the_first_take_the_foreground_before_asking(qtbot, tmp_path, monkeypatch):
    events: list = []
    monkeypatch.setattr(single_instance, "PLATFORM", "win32")
    monkeypatch.setattr(single_instance, "_user32", lambda: FakeUser32(events))
    db = tmp_path / "commune.sqlite3"
    first = SingleInstance(db, on_raise=lambda: events.append("raise"))
    second = SingleInstance(db)
    try:
        assert first.acquire() and not second.acquire()
        assert second.notify_running(wait_s=2)
        qtbot.waitUntil(lambda: "raise" in events, timeout=5000)
    finally:
        first.release()
    assert events == [("allow", ASFW_ANY), "raise"]  # any process: the running one's id is not known here
    assert ASFW_ANY == 0xFFFFFFFF  # (DWORD)-1


def test_elsewhere_user32_is_not_asked_for(qtbot, tmp_path, monkeypatch):
    asked: list = []
    monkeypatch.setattr(single_instance, "PLATFORM", "linux")
    monkeypatch.setattr(single_instance, "_user32", lambda: asked.append("loaded") or FakeUser32(asked))
    assert allow_foreground() is False
    db = tmp_path / "commune.sqlite3"
    raised: list = []
    first, second = SingleInstance(db, on_raise=lambda: raised.append(True)), SingleInstance(db)
    try:
        assert first.acquire() and not second.acquire()
        assert second.notify_running(wait_s=2)
        qtbot.waitUntil(lambda: raised == [True], timeout=5000)
    finally:
        first.release()
    assert asked == []


@pytest.mark.parametrize("user32", ["missing", "refuses", "raises"])
def test_a_failed_call_on_windows_does_no_harm(qtbot, tmp_path, monkeypatch, user32):
    events: list = []

    def load():
        if user32 == "missing":
            raise AttributeError("module 'ctypes' has no attribute 'WinDLL'")
        return FakeUser32(events, answer=0 if user32 == "refuses" else 1, fail=user32 == "raises")

    monkeypatch.setattr(single_instance, "PLATFORM", "win32")
    monkeypatch.setattr(single_instance, "_user32", load)
    assert allow_foreground() is False
    db = tmp_path / "commune.sqlite3"
    first, second = SingleInstance(db, on_raise=lambda: events.append("raise")), SingleInstance(db)
    try:
        assert first.acquire() and not second.acquire()
        assert second.notify_running(wait_s=2)  # the running window still hears the second start
        qtbot.waitUntil(lambda: "raise" in events, timeout=5000)
    finally:
        first.release()


def test_the_running_window_is_restored_raised_and_activated(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    widget.showMinimized()
    bring_forward(widget)
    assert widget.isVisible() and not widget.isMinimized()
    assert widget.windowState() & Qt.WindowActive
    bring_forward(None)  # no window yet (still starting): nothing to do
