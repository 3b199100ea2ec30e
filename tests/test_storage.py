"""Opening, migrating and refusing database files."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from app import messages
from app.db.migrations import MIGRATION_NAMES, SCHEMA_VERSION
from app.db.storage import open_store
from app.domain.commune import create_commune_database
from app.errors import DatabaseProblem, InvalidValue

FIXTURES = Path(__file__).parent / "fixtures"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_uses_safe_settings(store):
    q = store.conn.execute
    assert q("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert q("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert q("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version() == SCHEMA_VERSION == len(MIGRATION_NAMES)


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.conn.execute(
                "INSERT INTO membership (person_id, organization_id, created_at, updated_at)"
                " VALUES (999, 999, 'x', 'x')"
            )


def test_reopening_keeps_data_and_settings(tmp_path, clock):
    path = tmp_path / "c.sqlite3"
    create_commune_database(path, "00004", clock=clock).close()
    with open_store(path, clock=clock) as again:
        assert again.conn.execute("SELECT code FROM commune").fetchone()[0] == "00004"
        assert again.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_upgrade_of_a_version_1_database_keeps_the_data_and_backs_up_first(tmp_path, clock):
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-v1.sqlite3", path)
    fixture_sha = _sha(FIXTURES / "schema-v1.sqlite3")
    backups = tmp_path / "backups"
    with open_store(path, clock=clock, backups=backups) as store:
        assert store.schema_version() == SCHEMA_VERSION
        names = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert names == MIGRATION_NAMES
        people = store.conn.execute("SELECT full_name, birth_date FROM person ORDER BY id").fetchall()
        assert people == [("Nguyễn Văn Đức", "1980-03-04"), ("Trần Thị Hoa", "1975")]
        assert store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    made = list(backups.glob("*.sqlite3"))
    assert len(made) == 1 and "before-migration-1-to" in made[0].name
    # the backup is the database exactly as version 1 left it
    with sqlite3.connect(made[0]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT count(*) FROM person").fetchone()[0] == 2
        tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "outbox" not in tables
    assert _sha(FIXTURES / "schema-v1.sqlite3") == fixture_sha  # only the copy was upgraded


def test_a_failing_migration_leaves_the_previous_version(tmp_path, clock, monkeypatch):
    from app.db import migrations as m

    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema-v1.sqlite3", path)

    original = m.migration_set()._migrations[1].fn

    def broken(db):
        original(db)
        raise RuntimeError("power cut")

    monkeypatch.setattr(m.migration_set()._migrations[1], "fn", broken)
    with pytest.raises(RuntimeError):
        open_store(path, clock=clock, backups=tmp_path / "b")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "outbox" not in tables
        assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == 1


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path, clock):
    path = tmp_path / "new.sqlite3"
    create_commune_database(path, "00004", clock=clock).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('frontdesk', '0099_from_the_future', 'x')"
        )
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _sha(path)
    with pytest.raises(DatabaseProblem) as err:
        open_store(path, clock=clock)
    assert err.value.code == "database.too_new"
    assert _sha(path) == before
    text = messages.describe(err.value, "vi")
    assert "mới hơn" in text and str(SCHEMA_VERSION) in text


def test_missing_file(tmp_path):
    with pytest.raises(DatabaseProblem) as err:
        open_store(tmp_path / "nothing.sqlite3")
    assert err.value.code == "database.missing"
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "report.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(DatabaseProblem) as err:
        open_store(path)
    assert err.value.code == "database.not_sqlite"


def test_an_sqlite_file_of_another_program(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    with pytest.raises(DatabaseProblem) as err:
        open_store(path)
    assert err.value.code == "database.not_frontdesk"


def test_a_damaged_database_is_reported_not_crashed(tmp_path, clock):
    path = tmp_path / "damaged.sqlite3"
    store = create_commune_database(path, "00004", clock=clock)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    # keep the header, scramble the pages behind it (a failing disk)
    for i in range(200, len(data), 7):
        data[i] = (data[i] * 31 + 17) % 256
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as err:
        s = open_store(path, clock=clock)
        try:  # some damage only shows when the pages are read
            s.conn.execute("PRAGMA integrity_check").fetchall()
            s.conn.execute("SELECT * FROM person").fetchall()
        except sqlite3.DatabaseError as exc:
            from app.db.storage import sqlite_problem

            raise sqlite_problem(exc, path) from exc
        finally:
            s.close()
    assert err.value.code in {"database.damaged", "database.not_sqlite", "database.cannot_open"}


def test_a_locked_database_says_so(tmp_path, clock):
    path = tmp_path / "busy.sqlite3"
    create_commune_database(path, "00004", clock=clock).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(path, clock=clock, busy_timeout=0.1)
        from app.domain.people import add_person

        with pytest.raises(Exception) as err:
            add_person(store, {"full_name": "Lê Văn Tám"})
        from app.db.storage import sqlite_problem

        assert isinstance(err.value, sqlite3.OperationalError)
        assert sqlite_problem(err.value, path).code == "database.locked"
        store.close()
    finally:
        holder.rollback()
        holder.close()


def test_create_refuses_an_existing_file(tmp_path, clock):
    path = tmp_path / "c.sqlite3"
    create_commune_database(path, "00004", clock=clock).close()
    before = _sha(path)
    with pytest.raises(DatabaseProblem) as err:
        create_commune_database(path, "00004", clock=clock)
    assert err.value.code == "database.exists"
    assert _sha(path) == before


def test_wrong_commune_code_makes_no_file(tmp_path):
    for code in ("99999", "abc", "123456"):
        with pytest.raises(InvalidValue):
            create_commune_database(tmp_path / f"{code}.sqlite3", code)
        assert not (tmp_path / f"{code}.sqlite3").exists()


def test_opening_an_up_to_date_database_does_without_sqlite_utils(tmp_path, clock):
    """sqlite-utils (~60 ms to import) loads only when there is something to
    migrate: every start of the app opens an up-to-date database."""
    import subprocess
    import sys

    path = tmp_path / "c.sqlite3"
    create_commune_database(path, "00004", clock=clock).close()
    code = (
        "import sys; from app.db.storage import open_store; s = open_store(sys.argv[1]);"
        "print('sqlite_utils' in sys.modules, s.conn.execute('PRAGMA recursive_triggers').fetchone()[0]);"
        "s.close()"
    )
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert run.stdout.split() == ["False", "1"], run.stderr
