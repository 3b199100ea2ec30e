"""An upgrade keeps the data: a database made by each released version opens
in this one (migrated after a backup when its schema is older) and still
holds what it held.

Each release adds its own fixture, made once with that release's code and
never again (tests/fixtures/databases/make_release_fixture.py): the
``frontdesk-<major.minor>.sqlite3`` and the ``.json`` of what it holds.
This test picks up every one there.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.db.migrations import SCHEMA_VERSION
from app.db.storage import open_store
from app.domain.search import search_people
from app.safety.checks import run_checks

RELEASES = Path(__file__).parent / "fixtures" / "databases"
FIXTURES = sorted(RELEASES.glob("frontdesk-*.sqlite3"))


def test_there_is_a_fixture_of_the_current_release():
    from app import __version__

    major_minor = ".".join(__version__.split(".")[:2])
    assert (RELEASES / f"frontdesk-{major_minor}.sqlite3") in FIXTURES, (
        "make it with tests/fixtures/databases/make_release_fixture.py when a release is cut"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_a_released_database_opens_with_its_data(fixture, tmp_path, clock):
    facts = json.loads(fixture.with_suffix(".json").read_text(encoding="utf-8"))
    original = hashlib.sha256(fixture.read_bytes()).hexdigest()
    path = tmp_path / "frontdesk.sqlite3"
    shutil.copy(fixture, path)
    backups = tmp_path / "backups"

    with open_store(path, clock=clock, backups=backups) as store:
        q = store.conn.execute
        assert store.schema_version() == SCHEMA_VERSION
        assert list(q("SELECT code, name, province_name FROM commune").fetchone()) == facts["commune"]
        for table, count in facts["counts"].items():
            if table == "change_log":  # a migration may log what it did; nothing is ever taken out
                assert q("SELECT count(*) FROM change_log").fetchone()[0] >= count
            else:
                assert q(f"SELECT count(*) FROM {table}").fetchone()[0] == count, table
        people = [list(r) for r in q("SELECT id, full_name, birth_date, citizen_id FROM person ORDER BY id LIMIT 5")]
        assert people == facts["people"]
        tasks = [list(r) for r in q("SELECT id, title, due_on, status FROM task ORDER BY id LIMIT 3")]
        assert tasks == facts["tasks"]
        # found without diacritics, as people type
        first_id, first_name = facts["people"][0][:2]
        from app.text.vietnamese import fold

        assert first_id in [h.id for h in search_people(store, fold(first_name), limit=50)]
        failed = [r for r in run_checks(store) if r.status == "fail"]
        assert not failed, [(r.name, r.params) for r in failed]

    made = sorted(backups.glob("*.sqlite3")) if backups.exists() else []
    if facts["schema_version"] < SCHEMA_VERSION:
        # the migration was preceded by a backup of the database as it was
        assert len(made) == 1 and "before-migration" in made[0].name
        with sqlite3.connect(made[0]) as copy:
            assert copy.execute("PRAGMA user_version").fetchone()[0] == facts["schema_version"]
            assert copy.execute("SELECT count(*) FROM person").fetchone()[0] == facts["counts"]["person"]
    else:
        assert made == []  # nothing to migrate, nothing copied
    assert hashlib.sha256(fixture.read_bytes()).hexdigest() == original  # only the copy was opened
