"""Backups with the SQLite backup API (never a file copy of a live database).

A backup is written under a temporary name, checked, flushed to disk and only
then renamed into place, so a half-written file is never taken for a backup.
"""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from app import messages
from app.errors import FrontDeskError

BACKUP_SUFFIX = ".sqlite3"

messages.register(
    {
        "backup.failed": (
            "Không tạo được bản sao lưu tại {folder}: {reason}",
            "Could not write a backup in {folder}: {reason}",
        ),
    }
)


def backup_name(reason: str, when: datetime) -> str:
    return f"frontdesk-{when.strftime('%Y%m%d-%H%M%S-%f')}-{reason}{BACKUP_SUFFIX}"


def create_backup(
    source: sqlite3.Connection, folder: Path, *, reason: str, when: datetime | None = None
) -> Path:
    """Copy the open database ``source`` into ``folder``; return the new file."""
    when = when or datetime.now()
    folder = Path(folder)
    target = folder / backup_name(reason, when)
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            ok = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
        if ok != "ok":
            raise OSError(f"quick_check: {ok}")
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise FrontDeskError("backup.failed", folder=str(folder), reason=str(exc)) from exc
    return target
