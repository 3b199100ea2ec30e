"""A restore from the window that fails, whatever the reason, leaves the
database as it was, reopens the window on it and shows one clear message
(Vietnamese first), never a traceback. The failures are injected as Windows
raises them (tests/windows_faults.py): a file still in use after the waits
(PermissionError, winerror 32), a full disk, an SQLite error, a fault of ours."""
from __future__ import annotations

import errno
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app import durable
from app.db.backups import list_backups
from app.domain.people import add_people_bulk
from app.errors import DatabaseProblem
from app.paths import backups_dir_for
from app.safety.schedule import back_up
from tests.windows_faults import HeldFiles, in_use_error
from ui import restore_flow
from ui.main_window import MainWindow
from ui.restore_flow import restore_and_reopen
from ui.runtime.errors import ExceptionHook


def _people(store, n: int) -> None:
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người Thứ {i}"} for i in range(n)])


@pytest.fixture
def told(monkeypatch):
    """What the window told the person: (kind, title, text) of every message box."""
    shown: list = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(("warning", title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(("critical", title, text)))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(("info", title, text)))
    return shown


def _restore_failing(qtbot, store, told):
    """15 people now, a backup of 10: the restore is asked for and fails."""
    _people(store, 10)
    backup = back_up(store, "manual")
    _people(store, 5)
    names_before = store.conn.execute("SELECT id, full_name FROM person ORDER BY id").fetchall()
    window = MainWindow(store, lang="vi")  # the restore closes and deletes it
    window.show()
    window.show_page("people")
    hook_before = list(ExceptionHook.instance().shown)
    result = restore_and_reopen(window, backup, when="22/11/2026 08:00")
    successor = QApplication.instance()._frontdesk_window
    try:
        assert result is None  # refused
        assert successor is not window and successor.current_page() == "people"
        names_after = successor.store.conn.execute("SELECT id, full_name FROM person ORDER BY id").fetchall()
        assert names_after == names_before  # the database is as it was: 15 people, not the backup's 10
        assert ExceptionHook.instance().shown == hook_before  # no "something unexpected" dialog
        assert len(told) == 1 and told[0][0] == "warning"  # one message
        text = told[0][2]
        assert "Traceback" not in text and 'File "' not in text
        return text
    finally:
        successor.close()
        successor.store.close()


def test_a_leftover_file_windows_keeps_in_use_gives_one_clear_message(qtbot, store, told, monkeypatch):
    """A restoring file left beside the database is held by antivirus (error 32)
    longer than durable's waits: the restore stops, nothing is changed."""
    monkeypatch.setattr(durable, "WAITS", (0.0, 0.0))
    leftover = store.path.with_name(store.path.name + ".restoring")
    leftover.write_bytes(b"left by an earlier restore cut short")
    held = HeldFiles(monkeypatch, ".restoring", times=1000)
    text = _restore_failing(qtbot, store, told)
    assert held.seen[".restoring"] >= 1
    assert "đang bị một chương trình khác giữ" in text and "vẫn như trước" in text
    assert "before-restore" in [b.reason for b in list_backups(backups_dir_for(store.path))]


def _raise(exc):
    def restore_backup(database, backup, **kwargs):
        raise exc
    return restore_backup


@pytest.mark.parametrize(
    "error, words",
    [
        (in_use_error("commune.sqlite3", 32), "đang bị một chương trình khác giữ"),
        (in_use_error("commune.sqlite3", 33), "đang bị một chương trình khác giữ"),
        (OSError(errno.ENOSPC, "There is not enough space on the disk"), "đã đầy"),
        (PermissionError(errno.EACCES, "Access is denied"), "Không khôi phục được (không có quyền truy cập)"),
        (sqlite3.OperationalError("disk I/O error"), "Không khôi phục được (lỗi đọc ghi ổ đĩa)"),
        (DatabaseProblem("restore.in_use", path="x"), "đang được mở ở chương trình khác"),
        (RuntimeError("a fault of ours, quoting Nguyễn Văn A"), "Không khôi phục được (RuntimeError)"),
    ],
    ids=["winerror32", "winerror33", "disk-full", "access-denied", "sqlite", "refused", "bug"],
)
def test_every_failure_of_a_restore_becomes_one_message(qtbot, store, told, monkeypatch, error, words):
    monkeypatch.setattr(restore_flow, "restore_backup", _raise(error))
    text = _restore_failing(qtbot, store, told)
    assert words in text, text
    assert "Nguyễn Văn A" not in text  # a fault's own words are not shown (nor logged: see the log's rules)
    assert "vẫn như trước" in text or "Không có gì bị thay đổi" in text


def test_in_english_the_message_is_english(qtbot, store, told, monkeypatch):
    monkeypatch.setattr(restore_flow, "restore_backup", _raise(OSError(errno.ENOSPC, "full")))
    _people(store, 1)
    backup = back_up(store, "manual")
    window = MainWindow(store, lang="en")
    window.show()
    restore_and_reopen(window, backup)
    successor = QApplication.instance()._frontdesk_window
    try:
        assert told and "the disk holding" in told[0][2] and "as it was" in told[0][2]
    finally:
        successor.close()
        successor.store.close()
