"""When the app backs up by itself: at start, at quit, and every so often
while changes are made. Each makes a backup only if the database holds
changes that the newest backup does not, then applies the retention policy.

"Holds changes the backup does not" is read from the change log: every
change writes an entry in the same transaction, so the highest entry id is
a mark of the database's state that a backup carries with it. Reading it
from the newest backup costs one indexed query; nothing is kept in memory,
so a change made by the command line while the app runs counts too.

All three raise ``FrontDeskError`` (e.g. ``backup.no_space``) when a backup
is due and cannot be made: the app tells the person and goes on working.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from app.clock import Clock
from app.db.backups import BackupInfo, connect_readonly, create_backup, list_backups
from app.safety.retention import DEFAULT_POLICY, RetentionPolicy, prune_backups
from app.paths import backups_dir_for
from app.db.storage import Store

DEFAULT_INTERVAL = timedelta(minutes=15)


def changes_mark(conn: sqlite3.Connection) -> int:
    """The id of the newest change-log entry (0 for none)."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM change_log").fetchone()[0]


def mark_of_backup(path: Path) -> int | None:
    try:
        conn = connect_readonly(path)
        try:
            return changes_mark(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def backup_folder(store: Store, folder: Path | None = None) -> Path:
    return Path(folder) if folder is not None else backups_dir_for(store.path)


def back_up(
    store: Store, reason: str, *, folder: Path | None = None, policy: RetentionPolicy = DEFAULT_POLICY
) -> Path:
    """A backup now (``frontdesk backup create``, the app's "Back up now"),
    then the older ones pruned by ``policy``. Returns the new file."""
    target = backup_folder(store, folder)
    now = store.clock.now()
    path = create_backup(store.conn, target, reason=reason, when=now)
    prune_backups(target, policy, now=now, newest_good=path)  # create_backup checked it
    store.events.emit("backups_changed")
    return path


def _newest(store: Store, folder: Path | None) -> BackupInfo | None:
    backups = list_backups(backup_folder(store, folder))
    return backups[0] if backups else None


def has_unsaved_changes(store: Store, *, folder: Path | None = None) -> bool:
    """True when the newest backup lacks some change (or there is none)."""
    newest = _newest(store, folder)
    return newest is None or mark_of_backup(newest.path) != changes_mark(store.conn)


def backup_at_start(store: Store, *, folder: Path | None = None, policy: RetentionPolicy = DEFAULT_POLICY) -> Path | None:
    """Call once the database is open and checked. Returns the new backup,
    or None when the newest one already holds everything."""
    if not has_unsaved_changes(store, folder=folder):
        return None
    return back_up(store, "start", folder=folder, policy=policy)


def backup_at_quit(store: Store, *, folder: Path | None = None, policy: RetentionPolicy = DEFAULT_POLICY) -> Path | None:
    """Call before closing the database at quit (after the last write)."""
    if not has_unsaved_changes(store, folder=folder):
        return None
    return back_up(store, "quit", folder=folder, policy=policy)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.astimezone()


def maybe_backup(
    store: Store, *, min_interval: timedelta = DEFAULT_INTERVAL, clock: Clock | None = None,
    folder: Path | None = None, policy: RetentionPolicy = DEFAULT_POLICY,
) -> Path | None:
    """Call every so often (a timer, or after each save): backs up when the
    newest backup is at least ``min_interval`` old and changes were made
    since. Returns the new backup or None. Cheap when nothing is due: one
    folder listing, and one query in the newest backup."""
    now = _aware((clock or store.clock).now())
    newest = _newest(store, folder)
    if newest is not None:
        # a backup stamped after now: the clock went back, and waiting for it
        # to catch up could mean no backup for years
        if timedelta(0) <= now - _aware(newest.created_at) < min_interval:
            return None
        if mark_of_backup(newest.path) == changes_mark(store.conn):
            return None
    return back_up(store, "auto", folder=folder, policy=policy)
