"""Copying a backup to a USB stick: the copy is read back and proven (on Windows
past the system cache, kernel32 injected), and a stick that fills up, lies, or
is missing leaves no broken file."""
from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from app.cli import run
from app.db.backups import list_backups
from app.domain.people import add_people_bulk
from app.errors import FrontDeskError
from app.safety.schedule import back_up
from app.safety import usb_copy
from app.safety.usb_copy import copy_backup_to

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def backup(store):
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Hội Viên {i}", "note": "ghi chú " * 20} for i in range(300)])
    return back_up(store, "manual")


class Stick:
    """A file on a stick that takes ``room`` bytes, then is full (or, with
    ``flip``, silently changes one byte of what it is given)."""

    def __init__(self, path: Path, room: int | None = None, flip: int | None = None):
        self.file = open(path, "wb")
        self.room, self.flip, self.written = room, flip, 0

    def write(self, data: bytes) -> int:
        if self.room is not None and self.written + len(data) > self.room:
            part = self.room - self.written
            self.file.write(data[:part])
            self.written += part
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        if self.flip is not None and self.written <= self.flip < self.written + len(data):
            data = bytearray(data)
            data[self.flip - self.written] ^= 0x01
            data = bytes(data)
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


def test_the_copy_is_the_backup_byte_for_byte(backup, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    copied = copy_backup_to(backup, stick)
    assert copied.path == stick / backup.name
    assert copied.path.read_bytes() == backup.read_bytes()
    assert copied.sha256 == hashlib.sha256(backup.read_bytes()).hexdigest()
    assert sorted(p.name for p in stick.iterdir()) == [backup.name]
    assert [b.path for b in list_backups(stick, verify=True)] == [copied.path]


def test_a_stick_that_fills_up_mid_copy_keeps_no_broken_file(backup, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    with pytest.raises(FrontDeskError) as caught:
        copy_backup_to(backup, stick, open_target=lambda p: Stick(p, room=backup.stat().st_size // 3))
    assert caught.value.code == "backup.copy_no_space"
    assert list(stick.iterdir()) == []


def test_a_stick_that_changes_what_it_stores_is_caught(backup, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    earlier = copy_backup_to(backup, stick)  # a good copy made last week stays good
    with pytest.raises(FrontDeskError) as caught:
        copy_backup_to(backup, stick, open_target=lambda p: Stick(p, flip=5000))
    assert caught.value.code == "backup.copy_mismatch"
    assert sorted(p.name for p in stick.iterdir()) == [backup.name]
    assert earlier.path.read_bytes() == backup.read_bytes()


def test_no_stick_and_a_damaged_backup_are_refused(backup, tmp_path):
    with pytest.raises(FrontDeskError) as caught:
        copy_backup_to(backup, tmp_path / "not-plugged-in")
    assert caught.value.code == "backup.copy_no_folder"
    broken = tmp_path / backup.name
    broken.write_bytes(backup.read_bytes()[:4096])
    (tmp_path / "usb").mkdir()
    with pytest.raises(FrontDeskError) as caught:
        copy_backup_to(broken, tmp_path / "usb")
    assert caught.value.code == "backup.damaged"


def test_progress_is_reported_and_a_cancelled_copy_leaves_nothing(backup, tmp_path):
    from app.progress import Cancelled, Progress

    stick = tmp_path / "usb"
    stick.mkdir()
    heard = []
    copy_backup_to(backup, stick, progress=lambda stage, done, total: heard.append((stage, done, total)))
    size = backup.stat().st_size
    stages = list(dict.fromkeys(stage for stage, _d, _t in heard))
    assert stages == ["copy", "flush", "read_back", "check"]
    assert ("copy", size, size) in heard and ("read_back", size, size) in heard
    (stick / backup.name).unlink()

    for stop_at in ("copy", "read_back"):  # cancelled while writing, and while reading back
        progress = Progress()

        def cancelling(stage, done, total, progress=progress, stop_at=stop_at):
            if stage == stop_at and done > 0:
                progress.cancel()
            progress(stage, done, total)

        with pytest.raises(Cancelled):
            copy_backup_to(backup, stick, progress=cancelling)
        assert list(stick.iterdir()) == []


def test_copy_from_the_command_line_takes_the_newest_backup(backup, store, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    out, err = StringIO(), StringIO()
    code = run(["backup", "copy", "--to", str(stick), "--db", str(store.path), "--json"], out=out, err=err)
    assert code == 0, err.getvalue()
    assert Path(json.loads(out.getvalue())["path"]) == stick / backup.name
    out, err = StringIO(), StringIO()
    code = run(["--lang", "en", "backup", "copy", "--to", str(tmp_path / "nope"), "--db", str(store.path)],
               out=out, err=err)
    assert code == 1 and "Is the USB stick plugged in?" in err.getvalue()


# -- a real disk that runs out of space: a 256 KB tmpfs in a private mount namespace ------

REAL_FULL_DISK = r"""
import json, sys
from pathlib import Path
import app.db.backups, app.safety.usb_copy
from app.db.backups import create_backup, list_backups
from app.safety.usb_copy import copy_backup_to
from app.errors import FrontDeskError
from app.db.storage import open_store

small, backup = Path(sys.argv[1]), Path(sys.argv[2])
# The free-space check before writing would refuse at once; pretend it was
# fooled (another program filling the disk meanwhile) so the disk itself fills up.
app.db.backups.free_space = app.safety.usb_copy.free_space = lambda folder: 1 << 40
result = {}
store = open_store(sys.argv[3])
try:
    create_backup(store.conn, small / "backups", reason="auto")
except FrontDeskError as exc:
    result["backup"] = exc.code
try:
    copy_backup_to(backup, small)
except FrontDeskError as exc:
    result["copy"] = exc.code
result["left"] = sorted(str(p.relative_to(small)) for p in small.rglob("*"))
result["listed"] = [str(b.path) for b in list_backups(small / "backups", include_bad=True)]
print(json.dumps(result))
"""


def _can_mount_tmpfs() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, timeout=20)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="needs Linux user namespaces (unshare -rm) to mount a tmpfs")
def test_a_real_disk_running_out_of_space(backup, store, tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    script = tmp_path / "full.py"
    script.write_text(REAL_FULL_DISK, encoding="utf-8")
    assert backup.stat().st_size > 256 * 1024
    command = (f'mount -t tmpfs -o size=256k tmpfs "{small}" && '
               f'exec "{sys.executable}" "{script}" "{small}" "{backup}" "{store.path}"')
    done = subprocess.run(["unshare", "-rm", "sh", "-c", command], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result == {"backup": "backup.no_space", "copy": "backup.copy_no_space", "left": ["backups"], "listed": []}


# -- Windows: the read-back goes past the system cache (kernel32 injected) -----------------

class FakeKernel32:
    """kernel32 as Windows answers for FILE_FLAG_NO_BUFFERING: reads come from
    the "device" (here the file, with ``flip`` changing one byte the way a
    faulty stick gives back what it stored, while the cache still holds the
    right bytes) and must be sector-aligned (buffer address, size and file
    offset), or fail with error 87 as Windows does."""

    SECTOR = 4096

    def __init__(self, flip: int | None = None, refuse: int | None = None) -> None:
        self.flip, self.refuse = flip, refuse
        self.error = 0
        self.handles: dict[int, int] = {}
        self.buffers: dict[int, tuple[object, int]] = {}
        self.flags: list[int] = []
        self.reads = 0

    def api(self) -> usb_copy.WindowsApi:
        return usb_copy.WindowsApi(self, lambda: self.error)

    def CreateFileW(self, path, access, share, security, disposition, flags, template):  # noqa: N802
        self.flags.append(flags)
        assert access == usb_copy.GENERIC_READ and disposition == usb_copy.OPEN_EXISTING
        if self.refuse is not None:
            self.error = self.refuse
            return usb_copy.INVALID_HANDLE_VALUE
        handle = 100 + len(self.flags)
        self.handles[handle] = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        return handle

    def VirtualAlloc(self, address, size, kind, protect):  # noqa: N802
        raw = ctypes.create_string_buffer(size + 65536)
        aligned = (ctypes.addressof(raw) + 65535) & ~65535  # VirtualAlloc's 64 KB granularity
        self.buffers[aligned] = (raw, size)
        return aligned

    def ReadFile(self, handle, buffer, size, got, overlapped):  # noqa: N802
        fd = self.handles[handle]
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        _raw, room = self.buffers[buffer]
        if buffer % self.SECTOR or size % self.SECTOR or offset % self.SECTOR or size > room:
            self.error = 87  # ERROR_INVALID_PARAMETER
            return 0
        data = bytearray(os.read(fd, size))
        if self.flip is not None and offset <= self.flip < offset + len(data):
            data[self.flip - offset] ^= 0x01
        ctypes.memmove(buffer, bytes(data), len(data))
        got.contents.value = len(data)
        self.reads += 1
        return 1

    def VirtualFree(self, address, size, kind):  # noqa: N802
        assert size == 0 and kind == usb_copy.MEM_RELEASE
        del self.buffers[address]
        return 1

    def CloseHandle(self, handle):  # noqa: N802
        os.close(self.handles.pop(handle))
        return 1


@pytest.fixture
def windows(monkeypatch):
    def play(kernel32: FakeKernel32) -> FakeKernel32:
        monkeypatch.setattr(usb_copy, "PLATFORM", "win32")
        monkeypatch.setattr(usb_copy, "_windows_api", kernel32.api)
        monkeypatch.setattr(usb_copy, "_drop_cache", lambda fd: pytest.fail("posix_fadvise on Windows"))
        return kernel32

    return play


def test_on_windows_the_copy_is_read_back_unbuffered(backup, tmp_path, windows):
    kernel32 = windows(FakeKernel32())
    stick = tmp_path / "usb"
    stick.mkdir()
    heard = []
    copied = copy_backup_to(backup, stick, progress=lambda stage, done, total: heard.append((stage, done, total)))
    assert copied.read_back == usb_copy.UNCACHED and copied.as_json()["read_back"] == "uncached"
    assert kernel32.flags and all(f & usb_copy.FILE_FLAG_NO_BUFFERING for f in kernel32.flags)
    assert kernel32.reads >= 1 and ("read_back", backup.stat().st_size, backup.stat().st_size) in heard
    assert kernel32.handles == {} and kernel32.buffers == {}  # closed and freed
    assert copied.path.read_bytes() == backup.read_bytes()


def test_on_windows_a_stick_that_gives_back_other_bytes_is_caught_past_the_cache(backup, tmp_path, windows):
    """The stick stored one byte wrong; the cache still has the right one. Only
    a read past the cache sees it."""
    kernel32 = windows(FakeKernel32(flip=backup.stat().st_size // 2))
    stick = tmp_path / "usb"
    stick.mkdir()
    with pytest.raises(FrontDeskError) as caught:
        copy_backup_to(backup, stick)
    assert caught.value.code == "backup.copy_mismatch"
    assert list(stick.iterdir()) == []  # the unproven copy is gone (its handle was closed first)
    assert kernel32.handles == {} and kernel32.buffers == {}


def test_on_windows_an_unaligned_read_would_be_refused_and_none_is_made(tmp_path, windows):
    kernel32 = windows(FakeKernel32())
    odd = tmp_path / "odd.bin"
    data = os.urandom(usb_copy.CHUNK + 12345)  # not a whole number of sectors
    odd.write_bytes(data)
    reader = usb_copy._reader(odd)
    try:
        assert b"".join(reader.chunks()) == data  # the short last read is the end
    finally:
        reader.close()
    assert kernel32.error == 0 and kernel32.handles == {}


def test_on_windows_a_refused_unbuffered_open_says_what_the_check_proves(backup, tmp_path, windows, caplog):
    windows(FakeKernel32(refuse=87))  # a file system without unbuffered reads
    stick = tmp_path / "usb"
    stick.mkdir()
    with caplog.at_level("WARNING", logger="frontdesk.usb"):
        copied = copy_backup_to(backup, stick)
    assert copied.read_back == usb_copy.CACHED
    assert "not that the stick stored it" in caplog.text and "error 87" in caplog.text


def test_on_windows_without_kernel32_the_copy_still_works(backup, tmp_path, monkeypatch):
    monkeypatch.setattr(usb_copy, "PLATFORM", "win32")  # ctypes.WinDLL is missing here: AttributeError
    stick = tmp_path / "usb"
    stick.mkdir()
    assert copy_backup_to(backup, stick).read_back == usb_copy.CACHED


def test_on_linux_the_cache_is_dropped_before_reading_back(backup, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    expected = usb_copy.CACHE_DROPPED if hasattr(os, "posix_fadvise") else usb_copy.CACHED
    assert copy_backup_to(backup, stick).read_back == expected
