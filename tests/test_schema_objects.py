"""A database carrying what the migrations never made (a trigger that keeps
erased people, a view, a table of its own) is flagged by ``frontdesk check``
and refused as a backup to restore, before anything is written."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db.migrations import MIGRATION_NAMES
from app.db.schema_objects import SchemaObject, foreign_objects, reference_objects
from app.db.storage import open_store
from app.domain.commune import create_commune_database
from app.domain.erasure import erase_person
from app.domain.people import add_person
from app.errors import FrontDeskError
from app.safety.restore import restore_backup
from app.safety.schedule import back_up
from tests.helpers import cli

# What the crafted backup of issue 16 carried: every deleted person is copied
# into a table of its own, where erasure never looks.
KEEPER = """
CREATE TABLE kept (full_name TEXT, citizen_id TEXT, phone TEXT);
CREATE TRIGGER keep_erased BEFORE DELETE ON person
BEGIN INSERT INTO kept VALUES (old.full_name, old.citizen_id, old.phone); END;
CREATE VIEW people_copy AS SELECT full_name, phone FROM person;
"""


def _crafted(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(KEEPER)
    finally:
        conn.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_reference_is_what_the_migrations_make(store):
    reference = reference_objects(tuple(MIGRATION_NAMES))
    # FTS5's shadow tables, SQLite's automatic indexes and the migrations' own table
    for obj in (SchemaObject("table", "person_search_data"), SchemaObject("index", "sqlite_autoindex_person_1"),
                SchemaObject("table", "_sqlite_migrations"), SchemaObject("table", "outbox")):
        assert obj in reference
    assert not any(obj.kind in ("trigger", "view") for obj in reference)
    assert SchemaObject("table", "outbox") not in reference_objects(tuple(MIGRATION_NAMES[:1]))
    assert foreign_objects(store.conn) == []


def test_foreign_objects_are_named_with_their_kind(store):
    store.conn.executescript(KEEPER)
    store.conn.execute("CREATE INDEX person_phone ON person(phone)")
    store.conn.execute("ANALYZE")  # SQLite's own statistics are not foreign
    assert [str(o) for o in foreign_objects(store.conn)] == [
        "index person_phone", "table kept", "trigger keep_erased", "view people_copy",
    ]


def test_check_fails_and_names_the_trigger(tmp_path, clock):
    db = tmp_path / "c.sqlite3"
    create_commune_database(db, "00004", clock=clock).close()
    code, out, _ = cli("check", "--db", str(db))
    assert code == 0 and "chỉ chứa các bảng" in out
    _crafted(db)
    code, out, _ = cli("--lang", "en", "check", "--db", str(db))
    assert code == 1
    line = next(line for line in out.splitlines() if "never made" in line)
    assert line.startswith(" ✗") and "trigger keep_erased" in line and "view people_copy" in line
    assert "table kept" in line


def test_a_backup_with_a_trigger_is_refused_and_nothing_changes(store, tmp_path, clock):
    person_id, _ = add_person(store, {"full_name": "Đinh Thị Cúc", "citizen_id": "001190012345", "phone": "0912345678"})
    backup = back_up(store, "manual")
    store.close()
    crafted = tmp_path / "crafted.sqlite3"
    crafted.write_bytes(backup.read_bytes())
    _crafted(crafted)
    before_db = store.path.read_bytes()
    before_backups = _files(backup.parent)
    with pytest.raises(FrontDeskError) as caught:
        restore_backup(store.path, crafted, clock=clock)
    assert caught.value.code == "restore.foreign_objects"
    assert "trigger keep_erased" in caught.value.params["names"]
    assert store.path.read_bytes() == before_db
    assert _files(backup.parent) == before_backups  # not even a before-restore copy
    code, _, err = cli("--lang", "en", "backup", "restore", str(crafted), "--db", str(store.path))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "trigger keep_erased" in err and "Nothing was restored" in err
    # and what the trigger was for does not happen: erasure leaves no copy behind
    with open_store(store.path, clock=clock) as again:
        erase_person(again, person_id)
        assert not again.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'kept'").fetchone()


def test_a_backup_with_a_trigger_is_never_the_good_one_offered(store, clock):
    """The backup the start-up offers after damage, retention protects and
    ``backup copy`` takes is the newest *good* one: not a crafted file, even
    the newest, dropped into the backups folder."""
    from datetime import timedelta

    from app.clock import FixedClock
    from app.db.backups import list_backups, newest_good_backup, verify_backup

    good = back_up(store, "manual")
    store.clock = FixedClock(clock.now() + timedelta(hours=1))
    crafted = back_up(store, "manual")
    _crafted(crafted)
    assert "trigger keep_erased" in verify_backup(crafted)[0]
    assert newest_good_backup(good.parent).path == good
    listed = {b.path: b.problem for b in list_backups(good.parent, verify=True, include_bad=True)}
    assert listed[good] is None and "trigger keep_erased" in listed[crafted]
