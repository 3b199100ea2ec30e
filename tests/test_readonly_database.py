"""A file is identified before anything writes to it: another program's SQLite
file is refused and left byte for byte as it was. A database this program
may not write is opened read-only, and can still be searched, checked and
exported from."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from app.db import storage
from app.db.storage import open_store
from app.domain.commune import create_commune_database
from app.domain.people import add_person
from app.errors import DatabaseProblem
from tests.helpers import cli


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder: its bytes and its modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def _file(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _commune(folder: Path, clock) -> Path:
    folder.mkdir()
    db = folder / "commune.sqlite3"
    with create_commune_database(db, "00004", clock=clock) as store:
        add_person(store, {"full_name": "Nguyễn Văn Đức", "citizen_id": "001190012345"})
        add_person(store, {"full_name": "Trần Thị Hoa"})
    return db


@pytest.mark.parametrize("content", ["other program", "empty"])
def test_a_file_that_is_not_front_desk_s_is_refused_and_left_unchanged(tmp_path, content):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    other = folder / "other.sqlite3"
    if content == "empty":
        other.touch()
    else:
        with sqlite3.connect(other) as conn:  # a rollback-journal database, as most programs keep them
            conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
            conn.execute("INSERT INTO photos (name) VALUES ('a.jpg')")
        conn.close()
    before = _snapshot(folder)
    code, _, err = cli("--lang", "en", "search", "x", "--db", str(other))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert ("not a Front Desk one" if content != "empty" else "No database at") in err
    with pytest.raises(DatabaseProblem):
        open_store(other)
    assert _snapshot(folder) == before  # no WAL switch, no journal, no side file


def _write_protect(path: Path) -> None:
    os.chmod(path, 0o444)
    os.chmod(path.parent, 0o555)


def _unprotect(path: Path) -> None:
    os.chmod(path.parent, 0o755)
    os.chmod(path, 0o644)


@pytest.mark.skipif(sys.platform == "win32", reason="chmod cannot take write permission from a folder on Windows")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="running as root: chmod does not stop root from writing, so nothing would be tested")
def test_a_write_protected_database_can_be_searched_checked_and_exported(tmp_path, clock):
    db = _commune(tmp_path / "readonly", clock)
    _write_protect(db)
    try:
        before = _snapshot(db.parent)
        _searched_checked_exported(db, tmp_path)
        assert _snapshot(db.parent) == before
    finally:
        _unprotect(db)


def test_a_database_that_cannot_be_written_is_opened_read_only(tmp_path, clock, monkeypatch):
    """Simulated: the app is told it may not write the file (what os.access
    says on read-only media or without permission; the test runs as root,
    where chmod would not stop it). What is real is what follows: the file
    is opened with SQLite's mode=ro, so nothing can write through it."""
    db = _commune(tmp_path / "readonly", clock)
    monkeypatch.setattr(storage, "_can_write", lambda path: False)
    # the folder is in fact writable, so SQLite may make its -shm beside the
    # file: the database itself is what must not change
    before = _file(db)
    with open_store(db, clock=clock) as store:
        assert store.read_only
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM person")
    _searched_checked_exported(db, tmp_path)
    code, _, err = cli("--lang", "en", "erase-person", "1", "--yes", "--db", str(db))  # a change: one clear line
    assert code == 1 and len(err.strip().splitlines()) == 1 and "changes cannot be saved" in err
    assert _file(db) == before


def _searched_checked_exported(db: Path, tmp_path: Path) -> None:
    code, out, err = cli("search", "nguyen van duc", "--db", str(db))
    assert code == 0, err
    assert "Nguyễn Văn Đức" in out
    code, out, err = cli("--lang", "en", "check", "--db", str(db), "--json")

    checks = {c["name"]: c["status"] for c in json.loads(out)["checks"]}
    for name in ("integrity", "settings", "foreign_keys", "schema", "schema_objects", "commune", "search",
                 "search_content", "change_log", "selftest"):
        assert checks[name] == "ok", (name, out)
    export = tmp_path / "members.xlsx"
    code, out, err = cli("export", "members", "--out", str(export), "--db", str(db))
    assert code == 0, err
    assert export.stat().st_size > 0 and "2 người" in out


def test_a_read_only_database_that_needs_a_migration_is_refused_unchanged(tmp_path, clock, monkeypatch):
    db = _commune(tmp_path / "old", clock)
    with sqlite3.connect(db) as conn:  # as an older app left it: the last step not yet run
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_outbox_roster_index'")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    monkeypatch.setattr(storage, "_can_write", lambda path: False)
    before = _file(db)
    code, _, err = cli("--lang", "en", "search", "x", "--db", str(db))
    assert code == 1 and "needs a schema upgrade" in err and len(err.strip().splitlines()) == 1
    assert _file(db) == before
    assert not (tmp_path / "old" / "commune-backups").exists()
