"""Backups: only whole files are listed, a full disk leaves nothing behind,
retention keeps its tiers within the budget, and the automatic backups
happen exactly when there is something new to keep."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.db.backups import (
    BackupInfo,
    backup_name,
    create_backup,
    header_problem,
    list_backups,
    newest_good_backup,
    parse_backup_name,
    verify_backup,
)
from app.domain.people import add_people_bulk, add_person
from app.errors import FrontDeskError
from app.safety.retention import RetentionPolicy, assign_tiers, plan_pruning, prune_backups
from app.safety.schedule import back_up, backup_at_quit, backup_at_start, maybe_backup

VN = timezone(timedelta(hours=7))


def people(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT full_name FROM person ORDER BY id")]
    finally:
        conn.close()


def test_a_backup_holds_the_database_and_its_name_says_when_and_why(store, tmp_path):
    add_person(store, {"full_name": "Hoàng Thị Lan"})
    when = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
    path = create_backup(store.conn, tmp_path / "b", reason="Before import!", when=when)
    assert path.name == "frontdesk-20261122-093000-000000+0700-before-import.sqlite3"
    assert parse_backup_name(path.name) == (when, "before-import")
    assert people(path) == ["Hoàng Thị Lan"]
    assert verify_backup(path, full=True) == []
    assert not list((tmp_path / "b").glob("*.partial"))
    # the same moment and reason again: a second file, not an overwrite
    again = create_backup(store.conn, tmp_path / "b", reason="before-import", when=when)
    assert again != path and len(list_backups(tmp_path / "b")) == 2


def test_only_complete_backups_are_listed(store, tmp_path):
    folder = tmp_path / "b"
    good = create_backup(store.conn, folder, reason="manual", when=datetime(2026, 11, 1, tzinfo=VN))
    data = good.read_bytes()
    stamp = datetime(2026, 11, 2, tzinfo=VN)
    # a backup interrupted before its rename, a truncated copy, a text file, a stranger's file
    (folder / (backup_name("auto", stamp) + ".partial")).write_bytes(data)
    cut = folder / backup_name("cut", stamp)
    cut.write_bytes(data[: len(data) // 2])
    text = folder / backup_name("text", stamp)
    text.write_text("not a database", encoding="utf-8")
    (folder / "holiday-photo.sqlite3").write_bytes(data)
    # a page in the middle ruined: the header still matches the size
    rotten = folder / backup_name("rotten", stamp)
    spoiled = bytearray(data)
    page = int.from_bytes(data[16:18], "big")
    for i in range(page * 2, len(spoiled) - page, 7):
        spoiled[i] ^= 0xFF
    rotten.write_bytes(bytes(spoiled))

    assert header_problem(cut) and header_problem(text) and header_problem(rotten) is None
    assert [b.path for b in list_backups(folder)] == [rotten, good]
    assert [b.path for b in list_backups(folder, verify=True)] == [good]
    everything = list_backups(folder, verify=True, include_bad=True)
    assert {b.path.name: b.good for b in everything} == {
        good.name: True, cut.name: False, text.name: False, rotten.name: False
    }
    assert newest_good_backup(folder).path == good


def _limited(max_pages: int):
    """Opens the new backup file so that it cannot grow past ``max_pages``:
    SQLite then fails exactly as on a full disk (SQLITE_FULL)."""
    def connect(path: str) -> sqlite3.Connection:
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA max_page_count = {max_pages}")
        return conn
    return connect


def test_a_disk_that_fills_up_mid_backup_leaves_no_file(store, tmp_path):
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người Thứ {i}", "note": "x" * 200} for i in range(400)])
    folder = tmp_path / "b"
    earlier = create_backup(store.conn, folder, reason="manual", when=datetime(2026, 11, 1, tzinfo=VN))
    with pytest.raises(FrontDeskError) as caught:
        create_backup(store.conn, folder, reason="auto", when=datetime(2026, 11, 2, tzinfo=VN),
                      connect=_limited(20))
    assert caught.value.code == "backup.no_space"
    assert sorted(p.name for p in folder.iterdir()) == [earlier.name]
    assert [b.path for b in list_backups(folder, verify=True)] == [earlier]


# -- retention -------------------------------------------------------------------------


def _info(moment: datetime, reason: str = "auto", size: int = 1000) -> BackupInfo:
    return BackupInfo(Path(backup_name(reason, moment)), moment, reason, size)


def _history(start: datetime, days: int, per_day: int = 3) -> list[BackupInfo]:
    infos = [_info(start + timedelta(days=d, hours=h * 3)) for d in range(days) for h in range(per_day)]
    return sorted(infos, key=lambda b: b.created_at, reverse=True)


def test_tiers_keep_recent_daily_weekly_and_monthly_backups():
    backups = _history(datetime(2025, 1, 1, 8, tzinfo=VN), 500)
    policy = RetentionPolicy(recent=10, daily=14, weekly=8, monthly=12, safety=3, budget_bytes=10**12)
    plan = plan_pruning(backups, policy)
    kept = {b.path: tier for b, tier in plan.keep}
    assert len(plan.keep) + len(plan.remove) == len(backups)
    assert backups[0].path in kept
    by_tier = {t: [b for b, tier in plan.keep if tier == t] for t in ("recent", "daily", "weekly", "monthly")}
    newest = backups[0].created_at
    # monthly: one per month for 12 months, each the newest of its month
    months = {(b.created_at.year, b.created_at.month) for b, t in plan.keep if t == "monthly"}
    assert len(months) == 12
    assert all(
        b.created_at == max(x.created_at for x in backups if (x.created_at.year, x.created_at.month) == (b.created_at.year, b.created_at.month))
        for b in by_tier["monthly"]
    )
    # every kept backup is one of its tier's choices; nothing older than a year is kept
    assert all(newest - b.created_at < timedelta(days=366) for b, _ in plan.keep)
    assert len({b.created_at.date() for b, _ in plan.keep}) >= 14
    assert by_tier["recent"] and by_tier["daily"] and by_tier["weekly"] and by_tier["monthly"]
    assert len(plan.keep) <= 10 + 14 + 8 + 12


def test_a_day_without_a_backup_does_not_use_up_a_place():
    # a PC switched off for two months: the dailies reach back past the gap
    before = [_info(datetime(2026, 8, d, 9, tzinfo=VN)) for d in range(1, 11)]
    after = [_info(datetime(2026, 11, 20, 9, tzinfo=VN)), _info(datetime(2026, 11, 21, 9, tzinfo=VN))]
    backups = sorted(before + after, key=lambda b: b.created_at, reverse=True)
    tiers = assign_tiers(backups, RetentionPolicy(recent=1, daily=5, weekly=0, monthly=0))
    days = sorted(b.created_at.day for b in backups if b.path in tiers)
    # the five newest days that have a backup, not the five calendar days 17-21
    assert days == [8, 9, 10, 20, 21]


def test_over_budget_the_oldest_of_the_least_important_tier_goes_first():
    backups = _history(datetime(2026, 1, 1, 8, tzinfo=VN), 200)
    policy = RetentionPolicy(recent=10, daily=14, weekly=8, monthly=12, safety=3, budget_bytes=10**12)
    full = plan_pruning(backups, policy)
    tiers = [t for _, t in full.keep]
    budget = (len(full.keep) - 3) * 1000
    plan = plan_pruning(backups, RetentionPolicy(budget_bytes=budget))
    assert plan.kept_bytes <= budget and len(plan.keep) == len(full.keep) - 3
    gone = {b.path for b in plan.remove} - {b.path for b in full.remove}
    recent_kept = [b for b, t in full.keep if t == "recent"]
    assert gone == {b.path for b in recent_kept[-3:]}  # the three oldest "recent" ones
    assert tiers.count("recent") >= 3
    # a tiny budget: only the newest survives, never nothing
    tiny = plan_pruning(backups, RetentionPolicy(budget_bytes=1))
    assert [b.path for b, _ in tiny.keep] == [backups[0].path]


def test_the_newest_good_backup_survives_even_when_newer_ones_are_bad(store, tmp_path):
    folder = tmp_path / "b"
    clock = FixedClock(datetime(2026, 11, 1, 9, tzinfo=VN))
    good = create_backup(store.conn, folder, reason="auto", when=clock.now())
    bad = folder / backup_name("auto", datetime(2026, 11, 2, 9, tzinfo=VN))
    data = bytearray(good.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for i in range(page, len(data), 5):
        data[i] ^= 0xFF
    bad.write_bytes(bytes(data))
    prune_backups(folder, RetentionPolicy(recent=1, daily=0, weekly=0, monthly=0, safety=0, budget_bytes=1),
                  now=datetime(2026, 11, 3, tzinfo=VN))
    assert good.exists()


def test_retention_runs_after_each_backup_and_keeps_a_restore_safety_copy(store, tmp_path):
    folder = tmp_path / "b"
    policy = RetentionPolicy(recent=2, daily=0, weekly=0, monthly=0, safety=1)
    moments = [datetime(2026, 11, 22, 8, m, tzinfo=VN) for m in range(6)]
    made = []
    for i, moment in enumerate(moments):
        store.clock = FixedClock(moment)
        made.append(back_up(store, "before-restore" if i == 1 else "manual", folder=folder, policy=policy))
    assert [b.path for b in list_backups(folder)] == [made[5], made[4], made[1]]


# -- automatic backups -------------------------------------------------------------------


def test_start_quit_and_timed_backups_happen_only_when_something_changed(store, tmp_path):
    folder = tmp_path / "b"
    t0 = datetime(2026, 11, 22, 8, 0, tzinfo=VN)
    store.clock = FixedClock(t0)
    first = backup_at_start(store, folder=folder)
    assert first is not None and "-start" in first.name
    assert backup_at_start(store, folder=folder) is None  # nothing new since
    assert maybe_backup(store, min_interval=timedelta(minutes=15), folder=folder) is None

    add_person(store, {"full_name": "Đinh Công Tráng"})
    store.clock = FixedClock(t0 + timedelta(minutes=5))
    assert maybe_backup(store, min_interval=timedelta(minutes=15), folder=folder) is None  # too soon
    store.clock = FixedClock(t0 + timedelta(minutes=16))
    timed = maybe_backup(store, min_interval=timedelta(minutes=15), folder=folder)
    assert timed is not None and "-auto" in timed.name and people(timed) == ["Đinh Công Tráng"]
    store.clock = FixedClock(t0 + timedelta(minutes=40))
    assert maybe_backup(store, min_interval=timedelta(minutes=15), folder=folder) is None  # no change since
    assert backup_at_quit(store, folder=folder) is None

    add_person(store, {"full_name": "Lý Thường Kiệt"})
    last = backup_at_quit(store, folder=folder)
    assert last is not None and "-quit" in last.name and len(people(last)) == 2
    assert [b.path for b in list_backups(folder)] == [last, timed, first]


def test_the_default_folder_of_a_database_given_by_path_is_beside_it(store, tmp_path):
    path = back_up(store, "manual")
    assert path.parent == tmp_path / "commune-backups"


def test_a_clock_gone_back_deletes_nothing_and_still_backs_up(store, tmp_path):
    """A flat CMOS battery puts the PC back in 2010: its new backups look like
    the oldest ones. Pruning waits, timed backups go on, and the check says why."""
    from app.safety.checks import run_checks

    folder = tmp_path / "commune-backups"
    policy = RetentionPolicy(recent=1, daily=0, weekly=0, monthly=0, safety=0)
    store.clock = FixedClock(datetime(2026, 11, 22, 9, tzinfo=VN))
    first = back_up(store, "auto", folder=folder, policy=policy)
    store.clock = FixedClock(datetime(2010, 1, 1, 9, tzinfo=VN))
    add_person(store, {"full_name": "Người Sau Khi Mất Giờ"})
    later = maybe_backup(store, min_interval=timedelta(minutes=15), folder=folder, policy=policy)
    assert later is not None and people(later) == ["Người Sau Khi Mất Giờ"]
    again = back_up(store, "auto", folder=folder, policy=policy)
    assert first.exists() and later.exists() and again.exists()
    warned = {r.name: r.describe("en") for r in run_checks(store) if r.status == "warn"}
    assert "clock" in warned and "set the date and time" in warned["clock"]
