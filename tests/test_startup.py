"""At start the database is quick-checked; when it is damaged the newest good
backup is named, and restoring it gives a database that opens again."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from app.clock import FixedClock
from app.db.backups import backup_name
from app.domain.people import add_people_bulk
from app.errors import DatabaseProblem
from app.safety.restore import restore_backup
from app.safety.schedule import back_up
from app.safety.startup import damage_found, describe_damage, open_at_start

VN = timezone(timedelta(hours=7))


def _ruin_person_table(path) -> None:
    """Zero the root page of the person table: the file still opens (its
    schema is intact) but its pages no longer make a b-tree."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\0" * page_size)


def test_a_damaged_database_at_start_names_the_newest_good_backup(store, tmp_path):
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người {i}"} for i in range(500)])
    store.clock = FixedClock(datetime(2026, 11, 20, 8, tzinfo=VN))
    good = back_up(store, "quit")
    # a newer file that is no good: only the one that reads back is offered
    (good.parent / backup_name("auto", datetime(2026, 11, 21, 8, tzinfo=VN))).write_bytes(
        good.read_bytes()[:4096] + b"\0" * (len(good.read_bytes()) - 4096))
    store.close()
    _ruin_person_table(store.path)

    with pytest.raises(DatabaseProblem) as caught:
        open_at_start(store.path)
    problem = caught.value
    assert problem.code == "database.damaged"
    assert problem.params["backup"] == str(good) and problem.params["backup_at"] == "20/11/2026 08:00"
    text = describe_damage(problem, "vi")
    assert "bị hỏng" in text and f'frontdesk backup restore "{good}"' in text

    restore_backup(store.path, good)
    with open_at_start(store.path) as again:
        assert again.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 500
    kept = sorted(p.name for p in good.parent.glob("*.kept"))
    assert len(kept) == 1  # the damaged file itself, set aside as it was


def test_no_backup_to_offer_is_said_plainly(store, tmp_path):
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người {i}"} for i in range(500)])
    store.close()
    _ruin_person_table(store.path)
    with pytest.raises(DatabaseProblem) as caught:
        open_at_start(store.path)
    assert caught.value.params["backup"] is None
    assert "No good backup was found" in describe_damage(caught.value, "en")


def test_a_file_that_is_not_a_database_at_all_also_gets_the_offer(store, tmp_path):
    good = back_up(store, "quit")
    store.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"commune.sqlite3{suffix}").unlink(missing_ok=True)
    store.path.write_bytes(b"\0" * 8192)
    with pytest.raises(DatabaseProblem) as caught:
        open_at_start(store.path)
    assert caught.value.code == "database.not_sqlite" and caught.value.params["backup"] == str(good)


def test_a_sound_database_opens(store):
    store.close()
    with open_at_start(store.path) as again:
        assert again.schema_version() >= 1


def test_the_check_can_run_after_opening(store, tmp_path):
    """The window may open first and check off the GUI thread: the same answer."""
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người {i}"} for i in range(500)])
    assert damage_found(store) is None
    good = back_up(store, "quit")
    store.close()
    _ruin_person_table(store.path)
    with open_at_start(store.path, check=False) as opened:
        problem = damage_found(opened)
    assert problem.code == "database.damaged" and problem.params["backup"] == str(good)
