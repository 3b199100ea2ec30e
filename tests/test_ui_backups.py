"""The Backups page, driven offscreen: real backups made and listed, a real
verified copy to a folder standing in for a USB stick (and one that fills
up), and a restore that only asks and signals."""
from __future__ import annotations

import errno
import hashlib
import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.db.backups import list_backups, verify_backup
from app.domain.people import add_people_bulk, add_person, update_person
from app.safety.usb_copy import copy_backup_to, last_usb_copy
from ui.pages.backups import BackupsPage, backup_moment
from ui.runtime.runner import ImmediateRunner

WAIT_MS = 15_000


@pytest.fixture
def english(qapp):
    from ui.runtime.translations import install_translations

    install_translations(qapp, "en")


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "backups"


@pytest.fixture
def told(monkeypatch):
    """What message boxes said (warnings: failures shown by ui.runtime.errors)."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    return said


class NoWrites(ImmediateRunner):
    """The page's runner: a backup or a copy runs on a connection of its own,
    never in the writes' turn (it must not wait behind the window's writes, nor
    hold them up). Only a copy that is done is then noted as a write."""

    def __init__(self, store) -> None:
        super().__init__(store)
        self.notes: list = []

    def submit(self, operation, *args, **kwargs):
        if getattr(operation, "__qualname__", "").startswith("BackupsPage._copied"):
            self.notes.append(operation)  # the copy is over: remembering it waits its turn like any write
            return super().submit(operation, *args, **kwargs)
        raise AssertionError("the backups page went through the write runner")

    def _write_turn(self, job):
        raise AssertionError("the backups page went through the write runner")


def make_page(qtbot, store, folder, lang: str = "vi", **kwargs) -> BackupsPage:
    page = BackupsPage(store, NoWrites(store), lang, folder=folder, **kwargs)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, store, folder, english):
    return make_page(qtbot, store, folder, "en")


def _cells(page, row):
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def back_up_now(page, qtbot) -> None:
    """Click "Back up now" and wait until the backup, made on its own thread, is done."""
    qtbot.mouseClick(page.back_up_button, Qt.LeftButton)
    assert not page.back_up_button.isEnabled()  # not twice at once
    assert not page.restore_button.isEnabled()  # its connection would make a restore fail
    qtbot.waitUntil(lambda: not page.backup_task.running, timeout=WAIT_MS)


def _two_backups(page, store, clock, qtbot):
    """One backup, a change, a second backup an hour later."""
    add_person(store, {"full_name": "Nguyễn Thị Lan"})
    back_up_now(page, qtbot)
    clock.moment = clock.moment.replace(hour=10)
    add_person(store, {"full_name": "Trần Văn Bảo"})
    back_up_now(page, qtbot)
    return [b.path for b in list_backups(page.folder)]  # newest first


def test_with_no_backup_yet_the_page_says_how_to_make_one(page):
    assert page.table.rowCount() == 0
    assert "no backup yet" in page.summary.text()
    assert not page.copy_button.isEnabled() and not page.restore_button.isEnabled()


def test_back_up_now_makes_a_real_backup_that_is_listed_newest_first(page, store, clock, qtbot, folder):
    newer, older = _two_backups(page, store, clock, qtbot)
    assert verify_backup(newer) == [] and verify_backup(older) == []
    assert page.table.rowCount() == 2
    assert _cells(page, 0)[:2] == ["22/11/2026 10:00", page.reason_text("manual")]
    assert _cells(page, 1)[0] == "22/11/2026 09:00"
    assert _cells(page, 0)[4] == "Good" and _cells(page, 0)[2] in ("Recent", "Daily", "Weekly", "Monthly")
    assert _cells(page, 0)[3].endswith(" MB")
    assert page.selected_backup() == newer  # the one just made is selected
    assert "22/11/2026 10:00" in page.notice.text() and page.notice.isVisible()
    assert "Last good backup: 22/11/2026 10:00" in page.summary.text()
    assert page.usage.text().startswith("2 backup")  # "backups" once English plurals are in
    assert str(folder) in page.folder_label.text()
    assert page.back_up_button.isEnabled() and page.back_up_button.text() == "Back up now"


def test_why_each_backup_was_made_is_said_in_words(page):
    assert page.reason_text("before-migration-1-to-2") == "Before a data upgrade"
    assert page.reason_text("manual-2") == "By hand"
    assert page.reason_text("before-import") == "Before an import"
    assert page.reason_text("start") == "At start" and page.reason_text("quit") == "At quit"
    assert page.reason_text("auto") == "Automatic, while working"
    assert page.reason_text("before-restore") == "Before a restore"
    assert page.reason_text("something-new") == "something-new"


def test_a_backup_that_fails_is_explained_and_the_button_comes_back(qtbot, store, tmp_path, english, told):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    page = make_page(qtbot, store, not_a_folder)
    back_up_now(page, qtbot)
    assert len(told) == 1 and "Không tạo được bản sao lưu" in told[0]
    assert page.back_up_button.isEnabled() and page.table.rowCount() == 0


def test_a_damaged_file_is_listed_as_damaged_and_cannot_be_copied_or_restored(page, store, clock, qtbot, folder):
    newer, older = _two_backups(page, store, clock, qtbot)
    data = older.read_bytes()
    older.write_bytes(data[: len(data) // 2])  # cut short, as a full disk or a pulled stick leaves it
    page.refresh()
    assert _cells(page, 1)[4] == "Damaged" and "cut short" in page.table.item(1, 0).toolTip()
    assert page.copy_button.isEnabled() and page.restore_button.isEnabled()  # the newest is selected
    page.table.selectRow(1)
    assert not page.copy_button.isEnabled() and not page.restore_button.isEnabled()
    assert "Last good backup: 22/11/2026 10:00" in page.summary.text()
    newer.write_bytes(b"not a database")
    page.refresh()
    assert "every one is damaged" in page.summary.text()
    assert not page.copy_button.isEnabled() and not page.restore_button.isEnabled()


def test_copy_to_usb_copies_the_selected_backup_and_proves_the_copy(page, store, clock, qtbot, tmp_path,
                                                                     monkeypatch):
    newer, older = _two_backups(page, store, clock, qtbot)
    stick = tmp_path / "usb"
    stick.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda _parent, title, start, *a, **k: asked.append(title) or str(stick))
    page.table.selectRow(1)  # the older one
    qtbot.mouseClick(page.copy_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.copy_task.running, timeout=WAIT_MS)
    copy = stick / older.name
    assert asked and copy.is_file()
    assert _sha256(copy) == _sha256(older) and verify_backup(copy) == []
    assert [b.path for b in list_backups(stick)] == [copy]
    assert not list(stick.glob("*.partial"))
    assert "read it back" in page.notice.text() and str(stick) in page.notice.text()
    assert "22/11/2026 09:00" in page.notice.text()
    assert page.copy_button.isEnabled()
    assert last_usb_copy(store) is not None  # the overview's first steps hear of it

    page.table.clearSelection()  # nothing chosen: the newest is copied
    qtbot.mouseClick(page.copy_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.copy_task.running, timeout=WAIT_MS)
    assert _sha256(stick / newer.name) == _sha256(newer)


def test_choosing_no_folder_copies_nothing(page, store, clock, qtbot, monkeypatch):
    _two_backups(page, store, clock, qtbot)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    assert page.copy_to_usb() is None


class FullStick:
    """A stick with room for ``room`` bytes, then full."""

    def __init__(self, path: Path, room: int) -> None:
        self.file, self.room, self.written = open(path, "wb"), room, 0

    def write(self, data: bytes) -> int:
        if self.written + len(data) > self.room:
            self.file.write(data[: self.room - self.written])
            self.written = self.room
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.file.write(data)
        self.written += len(data)
        return len(data)

    def flush(self) -> None:
        self.file.flush()

    def fileno(self) -> int:
        return self.file.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()


def test_a_full_stick_is_said_plainly_and_leaves_no_file(qtbot, store, clock, folder, tmp_path, english, told,
                                                         monkeypatch):
    with store.transaction():  # a backup of more than one write of the copy
        add_people_bulk(store, [{"full_name": f"Hội Viên {i}", "note": "ghi chú " * 40} for i in range(3000)])

    def copy_to_small_stick(backup, target, *, progress):
        return copy_backup_to(backup, target, progress=progress,
                              open_target=lambda p: FullStick(p, room=backup.stat().st_size // 2))

    page = make_page(qtbot, store, folder, copy_backup=copy_to_small_stick)
    back_up_now(page, qtbot)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    qtbot.mouseClick(page.copy_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not page.copy_task.running, timeout=WAIT_MS)
    assert len(told) == 1 and "Không đủ chỗ trống" in told[0] and str(stick) in told[0]
    assert list(stick.iterdir()) == []
    assert not page.notice.isVisible() and page.copy_button.isEnabled()


def test_cancelling_the_copy_leaves_nothing_on_the_stick(qtbot, store, clock, folder, tmp_path, english,
                                                        monkeypatch):
    started, go_on = threading.Event(), threading.Event()

    def held_copy(backup, target, *, progress):
        started.set()
        go_on.wait(10)
        return copy_backup_to(backup, target, progress=progress)

    page = make_page(qtbot, store, folder, copy_backup=held_copy)
    back_up_now(page, qtbot)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    task = page.copy_to_usb()
    assert started.wait(10)
    assert not page.copy_button.isEnabled()  # not twice at once
    task.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: not task.running, timeout=WAIT_MS)
    assert list(stick.iterdir()) == []
    assert "stopped" in page.notice.text() and page.copy_button.isEnabled()


def test_restore_asks_first_and_only_signals_the_chosen_file(page, store, clock, qtbot, monkeypatch):
    newer, older = _two_backups(page, store, clock, qtbot)
    questions, answers = [], [QMessageBox.Cancel, QMessageBox.Yes]

    def question(_parent, title, text, buttons, default):
        questions.append((title, text, default))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    requested = []
    page.restore_requested.connect(requested.append)
    page.table.selectRow(1)
    qtbot.mouseClick(page.restore_button, Qt.LeftButton)  # "Cancel"
    assert requested == [] and len(questions) == 1
    title, text, default = questions[0]
    assert default == QMessageBox.Cancel  # Enter does not restore by accident
    assert "22/11/2026 09:00" in text and "backed up" in text and "opens again" in text
    assert "no longer be shown" in text
    with qtbot.waitSignal(page.restore_requested, timeout=WAIT_MS) as signal:
        qtbot.mouseClick(page.restore_button, Qt.LeftButton)  # "Yes"
    assert signal.args == [older] and requested == [older]
    assert backup_moment(older) == "22/11/2026 09:00"  # for the window's restore messages
    # the page restored nothing: the later change is still there, no backup was made for a restore
    assert store.conn.execute("SELECT count(*) FROM person WHERE full_name = 'Trần Văn Bảo'").fetchone()[0] == 1
    assert [b.path for b in list_backups(page.folder)] == [newer, older]


def test_open_folder_opens_the_backup_folder(page, folder, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert page.open_folder()
    assert [Path(u.toLocalFile()) for u in opened] == [folder] and folder.is_dir()


def test_the_default_folder_is_the_databases_backup_folder(qtbot, store, english):
    from app.paths import backups_dir_for

    page = BackupsPage(store, NoWrites(store), "vi")
    qtbot.addWidget(page)
    assert page.folder == backups_dir_for(store.path)
    update_person(store, add_person(store, {"full_name": "Lê Văn Cường"})[0], {"phone": "0912345678"})
    back_up_now(page, qtbot)
    assert [b.path.parent for b in list_backups(page.folder)] == [page.folder]
