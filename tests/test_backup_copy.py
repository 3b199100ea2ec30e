"""Copying a backup to a USB stick: the copy is read back and proven, and a
stick that fills up, lies, or is missing leaves no broken file."""
from __future__ import annotations

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
