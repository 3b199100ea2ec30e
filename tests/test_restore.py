"""Restore, end to end: from a backup of each retention tier, over a database
in every state (sound, damaged, missing, with a crash's WAL), refused when it
should be, and never without either the old or the new database in place."""
from __future__ import annotations

import io

import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.db.backups import list_backups
from app.db.storage import open_store
from app.domain.commune import create_commune_database
from app.domain.people import add_person
from app.errors import FrontDeskError
from app.safety.restore import restore_backup
from app.safety.retention import RetentionPolicy, assign_tiers
from app.safety.schedule import back_up
from tests.helpers import cli

VN = timezone(timedelta(hours=7))
ROOT = Path(__file__).resolve().parents[1]


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT full_name FROM person ORDER BY id")]
    finally:
        conn.close()


def test_a_restore_from_each_retention_tier_brings_back_that_moment(store, tmp_path):
    folder = tmp_path / "commune-backups"
    policy = RetentionPolicy(recent=3, daily=3, weekly=3, monthly=4, safety=2)
    start = datetime(2025, 10, 1, 9, tzinfo=VN)
    moments = [start + timedelta(days=7 * w) for w in range(50)]  # a backup a week for a year
    moments += [moments[-1] + timedelta(days=1, hours=h) for h in range(0, 12, 3)]  # a busy last day
    moments += [moments[-1] + timedelta(days=1)]
    expected: dict[str, list[str]] = {}
    for i, moment in enumerate(moments):
        store.clock = FixedClock(moment)
        add_person(store, {"full_name": f"Người Số {i}"})
        path = back_up(store, "auto", folder=folder, policy=policy)
        expected[path.name] = names(path)
    backups = list_backups(folder)
    tiers = assign_tiers(backups, policy)
    chosen = {}
    for info in reversed(backups):  # the oldest of each tier: the furthest way back
        chosen.setdefault(tiers[info.path], info)
    assert set(chosen) == {"recent", "daily", "weekly", "monthly"}
    store.close()
    clock = FixedClock(moments[-1] + timedelta(hours=1))
    for tier, info in chosen.items():
        result = restore_backup(store.path, info.path, clock=clock, actor="tester")
        assert names(store.path) == expected[info.path.name], tier
        assert result.safety_copy is not None and result.safety_copy.exists()
        with open_store(store.path) as again:
            assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            entry = again.conn.execute(
                "SELECT actor, after, note FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
            assert entry[0] == "tester" and entry[2] == "restore"
            assert json.loads(entry[1])["restored_from"] == info.path.name
        clock = FixedClock(clock.now() + timedelta(minutes=1))
    # the safety copies are backups like the others: the last restore can be undone
    safety = [b for b in list_backups(folder) if b.reason == "before-restore"]
    second_last = list(chosen.values())[-2]
    assert safety and names(safety[0].path) == expected[second_last.path.name]


def _other_commune_backup(tmp_path, clock) -> Path:
    with create_commune_database(tmp_path / "other.sqlite3", "00008", clock=clock) as other:
        add_person(other, {"full_name": "Người Ngọc Hà"})
        return back_up(other, "manual")


def test_a_backup_of_another_commune_needs_force(store, tmp_path, clock):
    add_person(store, {"full_name": "Người Ba Đình"})
    store.close()
    other = _other_commune_backup(tmp_path, clock)
    with pytest.raises(FrontDeskError) as caught:
        restore_backup(store.path, other, clock=clock)
    assert caught.value.code == "restore.other_commune"
    assert names(store.path) == ["Người Ba Đình"]
    assert not (tmp_path / "commune-backups").exists()  # refused before anything was written
    code, _, err = cli("backup", "restore", str(other), "--db", str(store.path))
    assert code == 1 and "--force" in err and "Phường Ngọc Hà" in err
    code, out, err = cli("backup", "restore", str(other), "--db", str(store.path), "--force", "--yes", "--json")
    assert code == 0, err
    assert names(store.path) == ["Người Ngọc Hà"]
    assert names(Path(json.loads(out)["safety_copy"])) == ["Người Ba Đình"]


def test_a_database_open_elsewhere_is_not_replaced(store, tmp_path, clock):
    backup = back_up(store, "manual")
    add_person(store, {"full_name": "Vẫn Ở Đây"})
    with pytest.raises(FrontDeskError) as caught:
        restore_backup(store.path, backup, clock=clock)  # the window still has it open
    assert caught.value.code == "restore.in_use"
    assert [b.path for b in list_backups(backup.parent)] == [backup]
    store.close()
    assert names(store.path) == ["Vẫn Ở Đây"]


def test_refused_backups(store, tmp_path, clock):
    backup = back_up(store, "manual")
    store.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(backup.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    stranger = tmp_path / "stranger.sqlite3"
    with sqlite3.connect(stranger) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(backup.read_bytes()[:8192])
    for path, code in ((newer, "restore.too_new"), (stranger, "restore.not_frontdesk"), (cut, "backup.damaged"),
                       (tmp_path / "none.sqlite3", "backup.missing")):
        with pytest.raises(FrontDeskError) as caught:
            restore_backup(store.path, path, clock=clock)
        assert caught.value.code == code
    assert [b.path for b in list_backups(backup.parent)] == [backup]


def test_a_damaged_database_is_kept_as_it_was_and_replaced(store, tmp_path, clock):
    for i in range(200):
        add_person(store, {"full_name": f"Người {i}"})
    backup = back_up(store, "manual")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(store.path.read_bytes())
    for i in range(0, 100):
        data[i] ^= 0x33  # even the header
    store.path.write_bytes(bytes(data))
    result = restore_backup(store.path, backup, clock=clock)
    assert result.safety_copy is None
    assert [p.read_bytes() for p in result.kept_as_is] == [bytes(data)]
    assert not any(b.path in result.kept_as_is for b in list_backups(backup.parent, include_bad=True))
    assert len(names(store.path)) == 200


def test_a_missing_database_is_restored(store, tmp_path, clock):
    add_person(store, {"full_name": "Người Còn Lại"})
    backup = back_up(store, "manual")
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(store.path) + suffix).unlink(missing_ok=True)
    result = restore_backup(store.path, backup, clock=clock)
    assert result.safety_copy is None and names(store.path) == ["Người Còn Lại"]


CRASH_AFTER_WRITE = r"""
import os, sys
from app.domain.people import add_person
from app.db.storage import open_store
store = open_store(sys.argv[1])
store.conn.execute("PRAGMA wal_autocheckpoint = 0")
add_person(store, {"full_name": "Chỉ Có Trong WAL"})
os._exit(0)  # no checkpoint, no close: the change lives only in the WAL file
"""


def test_a_crash_left_wal_is_backed_up_first_and_never_replayed_into_the_restored_file(store, tmp_path, clock):
    add_person(store, {"full_name": "Người Cũ"})
    backup = back_up(store, "manual")
    store.close()
    script = tmp_path / "crash.py"
    script.write_text(CRASH_AFTER_WRITE, encoding="utf-8")
    subprocess.run([sys.executable, str(script), str(store.path)], cwd=ROOT, check=True, timeout=60)
    wal = Path(str(store.path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    result = restore_backup(store.path, backup, clock=clock)
    assert names(result.safety_copy) == ["Người Cũ", "Chỉ Có Trong WAL"]
    assert names(store.path) == ["Người Cũ"]
    with open_store(store.path) as again:  # and it stays so once opened the normal way
        assert [r[0] for r in again.conn.execute("SELECT full_name FROM person")] == ["Người Cũ"]


KILLED_DURING_SWAP = r"""
import os, sys
from pathlib import Path
import app.safety.restore
from app.safety.restore import restore_backup
real = os.replace
def replace(src, dst):
    if Path(dst).suffix == ".sqlite3" and str(src).endswith(".restoring"):
        if sys.argv[3] == "before":
            os._exit(7)
        real(src, dst)
        os._exit(7)
    real(src, dst)
app.safety.restore.os.replace = replace
restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.parametrize("moment", ["before", "after"])
def test_killed_around_the_swap_either_database_is_whole(store, tmp_path, moment):
    add_person(store, {"full_name": "Bản Cũ"})
    backup = back_up(store, "manual")
    add_person(store, {"full_name": "Thêm Sau"})
    store.close()
    script = tmp_path / "swap.py"
    script.write_text(KILLED_DURING_SWAP, encoding="utf-8")
    run_ = subprocess.run([sys.executable, str(script), str(store.path), str(backup), moment],
                          cwd=ROOT, timeout=60, capture_output=True, text=True)
    assert run_.returncode == 7, run_.stderr
    with open_store(store.path) as again:
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        got = [r[0] for r in again.conn.execute("SELECT full_name FROM person ORDER BY id")]
    assert got == (["Bản Cũ", "Thêm Sau"] if moment == "before" else ["Bản Cũ"])


def test_backup_commands_from_the_command_line(store, tmp_path):
    add_person(store, {"full_name": "Nguyễn Thị Minh Khai"})
    store.close()
    db = str(store.path)
    code, out, err = cli("backup", "create", "--db", db, "--json")
    assert code == 0, err
    made = Path(json.loads(out)["path"])
    with open_store(store.path) as again:
        add_person(again, {"full_name": "Người Thêm Sau"})
    code, out, _ = cli("backup", "list", "--db", db, "--json", "--verify")
    listed = json.loads(out)
    assert code == 0 and [Path(b["path"]) for b in listed] == [made]
    assert {"path", "created_at", "size", "reason", "tier"} <= set(listed[0])
    assert listed[0]["size"] == made.stat().st_size and listed[0]["tier"] == "monthly"
    code, out, err = cli("backup", "restore", made.name, "--db", db, "--yes")  # a bare name: from the backup folder
    assert code == 0, err
    assert "Đã khôi phục Phường Ba Đình (1 người)" in out
    assert names(store.path) == ["Nguyễn Thị Minh Khai"]
    code, out, _ = cli("--lang", "en", "backup", "list", "--db", db)
    assert code == 0 and "before a restore" in out and "2 backup(s)" in out


class _Terminal(io.StringIO):
    """A person at a terminal, typing ``answer``."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer, restored", [("k\n", False), ("không\n", False), ("\n", False), ("c\n", True),
                                              ("có\n", True), ("y\n", True)])
def test_restore_from_the_command_line_asks_first(store, monkeypatch, answer, restored):
    add_person(store, {"full_name": "Người Cũ"})
    backup = back_up(store, "manual")
    add_person(store, {"full_name": "Người Mới"})
    db = str(store.path)
    store.close()
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    code, out, _ = cli("backup", "restore", str(backup), "--db", db)
    assert "Khôi phục?" in out and "Phường Ba Đình" in out
    assert (code, sorted(names(store.path))) == ((0, ["Người Cũ"]) if restored else (1, ["Người Cũ", "Người Mới"]))


def test_restore_without_a_terminal_needs_yes(store, monkeypatch):
    add_person(store, {"full_name": "Người Cũ"})
    backup = back_up(store, "manual")
    add_person(store, {"full_name": "Người Mới"})
    db = str(store.path)
    store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO("c\n"))  # piped: not a person's answer
    code, _, err = cli("backup", "restore", str(backup), "--db", db)
    assert code == 1 and "--yes" in err and sorted(names(store.path)) == ["Người Cũ", "Người Mới"]
    assert cli("backup", "restore", str(backup), "--db", db, "--yes")[0] == 0
    assert names(store.path) == ["Người Cũ"]
