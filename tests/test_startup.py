"""At start the database is quick-checked; when it is damaged the newest good
backup is named, and restoring it gives a database that opens again."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from app import messages
from app.clock import FixedClock
from app.db.backups import backup_name
from app.db.storage import open_store
from app.domain.people import add_people_bulk
from app.safety.restore import restore_backup
from app.safety.schedule import back_up
from app.safety.startup import damage_found

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


def _five_hundred_people(store) -> None:
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người {i}"} for i in range(500)])


def test_a_damaged_database_names_the_newest_good_backup(store, tmp_path):
    _five_hundred_people(store)
    assert damage_found(store) is None
    store.clock = FixedClock(datetime(2026, 11, 20, 8, tzinfo=VN))
    good = back_up(store, "quit")
    # a newer file that is no good: only the one that reads back is offered
    (good.parent / backup_name("auto", datetime(2026, 11, 21, 8, tzinfo=VN))).write_bytes(
        good.read_bytes()[:4096] + b"\0" * (len(good.read_bytes()) - 4096))
    store.close()
    _ruin_person_table(store.path)

    with open_store(store.path) as opened:  # it opens: only the check finds the damage
        problem = damage_found(opened)
    assert problem.code == "database.damaged" and problem.params["folder"] == str(good.parent)
    assert problem.params["backup"] == str(good) and problem.params["backup_at"] == "20/11/2026 08:00"
    assert "bị hỏng" in messages.describe(problem, "vi")

    restore_backup(store.path, good)
    with open_store(store.path) as again:
        assert again.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 500
        assert damage_found(again) is None
    kept = sorted(p.name for p in good.parent.glob("*.kept"))
    assert len(kept) == 1  # the damaged file itself, set aside as it was


def test_with_no_good_backup_none_is_offered(store, tmp_path):
    _five_hundred_people(store)
    store.close()
    _ruin_person_table(store.path)
    with open_store(store.path) as opened:
        problem = damage_found(opened, backups=tmp_path / "elsewhere")
    assert problem.code == "database.damaged"
    assert problem.params["backup"] is None and problem.params["backup_at"] is None
    assert problem.params["folder"] == str(tmp_path / "elsewhere")
