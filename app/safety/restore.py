"""Putting a backup back in place of the commune database.

In order, so that at every moment either the old or the new database is
whole at its path, and the old one is also kept as a backup:

1. the chosen backup is checked (header, integrity_check, a Front Desk
   database, not from a newer app, nothing in it that the migrations did
   not make, the same commune unless ``force``);
2. the database is locked exclusively: if any other program (the app's
   window) has it open, the restore is refused;
3. the current state is backed up ("before-restore"); a database too
   damaged for that is copied aside as it is (``.kept``), with its WAL;
4. the backup is copied with the backup API to a temporary file beside the
   database, checked and flushed to disk;
5. the old database is checkpointed and closed, its WAL and shared-memory
   files deleted (an old WAL left beside the new file would be replayed
   into it), and the temporary file renamed over the database.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import durable
from app import messages
from app.db.backups import (
    SPARE_BYTES, backup_name, connect_readonly, create_backup, free_space, fsync_folder, is_disk_full,
    no_space, verify_backup,
)
from app.clock import Clock, SystemClock
from app.errors import DatabaseProblem, FrontDeskError
from app.db.migrations import SCHEMA_VERSION
from app.db.schema_objects import describe_objects, foreign_objects
from app.paths import backups_dir_for
from app.db.storage import integrity_problems, open_store
from app.os_words import error_reason

KEPT_SUFFIX = ".kept"
# The tables every Front Desk database has since its first schema, the
# migrations' own record (sqlite-utils' name for it) included.
FRONTDESK_TABLES = frozenset({"_sqlite_migrations", "commune", "person", "change_log"})
_SIDE_FILES = ("-wal", "-shm", "-journal")

messages.register(
    {
        "restore.not_frontdesk": (
            "Tệp {path} không phải bản sao lưu của Front Desk.",
            "{path} is not a Front Desk backup.",
        ),
        "restore.too_new": (
            "Bản sao lưu {path} do phiên bản Front Desk mới hơn tạo ra (lược đồ {found}, phiên bản này hiểu "
            "đến {supported}). Hãy cập nhật ứng dụng trước khi khôi phục.",
            "The backup {path} was made by a newer Front Desk (schema {found}; this version knows up to "
            "{supported}). Update the app before restoring it.",
        ),
        "restore.foreign_objects": (
            "Bản sao lưu {path} chứa {count} đối tượng mà Front Desk không tạo ra: {names}. Đối tượng lạ (nhất là "
            "trigger) có thể chép hoặc sửa dữ liệu khi ứng dụng ghi, kể cả dữ liệu của người đã xóa. Không khôi "
            "phục; không có gì bị thay đổi. Hãy chọn bản sao lưu khác.",
            "The backup {path} holds {count} object(s) Front Desk never made: {names}. A foreign object (a "
            "trigger above all) can copy or change data as the app writes, erased people's included. Nothing "
            "was restored or changed. Choose another backup.",
        ),
        "restore.other_commune": (
            "Bản sao lưu {path} là của {backup_commune} (mã {backup_code}), còn cơ sở dữ liệu đang dùng là của "
            "{current_commune} (mã {current_code}). Không khôi phục. Nếu chắc chắn muốn thay cả xã, hãy chạy lại "
            "với --force.",
            "The backup {path} belongs to {backup_commune} (code {backup_code}) but the database in use belongs "
            "to {current_commune} (code {current_code}). Nothing was restored. If you really mean to replace "
            "the commune, run it again with --force.",
        ),
        "restore.in_use": (
            "Cơ sở dữ liệu {path} đang được mở ở chương trình khác (ví dụ cửa sổ Front Desk). Hãy đóng chương "
            "trình đó rồi khôi phục lại. Không có gì bị thay đổi.",
            "The database {path} is open in another program (the Front Desk window, for example). Close it "
            "and restore again. Nothing was changed.",
        ),
        "restore.failed": (
            "Không khôi phục được ({reason}). Cơ sở dữ liệu {path} vẫn như trước.",
            "The restore failed ({reason}). The database {path} is as it was.",
        ),
    }
)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    commune_code: str
    commune_name: str
    province_name: str
    schema: int
    people: int


@dataclass
class RestoreResult:
    database: Path
    restored_from: BackupSummary
    safety_copy: Path | None  # the state before the restore, as a backup
    kept_as_is: list[Path] = field(default_factory=list)  # a damaged database copied aside

    def as_json(self) -> dict[str, Any]:
        s = self.restored_from
        return {
            "database": str(self.database),
            "restored_from": str(s.path),
            "commune_code": s.commune_code,
            "people": s.people,
            "safety_copy": str(self.safety_copy) if self.safety_copy else None,
            "kept_as_is": [str(p) for p in self.kept_as_is],
        }


def inspect_backup(path: Path) -> BackupSummary:
    """Check a backup fully before it is used; raises ``FrontDeskError``."""
    path = Path(path)
    if not path.is_file():
        raise FrontDeskError("backup.missing", path=str(path))
    # what the migrations never made gets its own clearer refusal below
    problems = verify_backup(path, full=True, foreign=False)
    if problems:
        raise FrontDeskError("backup.damaged", path=str(path), detail="; ".join(problems[:3]))
    try:
        conn = connect_readonly(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not FRONTDESK_TABLES <= tables:
                raise FrontDeskError("restore.not_frontdesk", path=str(path))
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
            if schema > SCHEMA_VERSION:
                raise FrontDeskError("restore.too_new", path=str(path), found=schema, supported=SCHEMA_VERSION)
            foreign = foreign_objects(conn)
            if foreign:
                raise FrontDeskError("restore.foreign_objects", path=str(path), count=len(foreign),
                                     names=describe_objects(foreign))
            row = conn.execute("SELECT code, name, province_name FROM commune WHERE id = 1").fetchone()
            if row is None:
                raise FrontDeskError("restore.not_frontdesk", path=str(path))
            people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise FrontDeskError("backup.damaged", path=str(path), detail=error_reason(exc)) from exc
    return BackupSummary(path, row[0], row[1], row[2], schema, people)


def _lock(database: Path) -> sqlite3.Connection | None:
    """The database, opened so that no other connection may read or write
    it until closed; None when the file is not a usable database."""
    conn = sqlite3.connect(str(database), timeout=0.5, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("COMMIT")  # in EXCLUSIVE locking mode the lock stays until close
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DatabaseProblem("restore.in_use", path=str(database)) from exc
        return None
    except sqlite3.Error:
        conn.close()
        return None


def _commune_of(conn: sqlite3.Connection | None) -> tuple[str, str] | None:
    if conn is None:
        return None
    try:
        row = conn.execute("SELECT code, name FROM commune WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    return (row[0], row[1]) if row else None


def _keep_as_is(database: Path, folder: Path, when: Any) -> list[Path]:
    """Copy a database that cannot be backed up (and its WAL) aside, byte for byte."""
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / (backup_name("as-found", when) + KEPT_SUFFIX)
    kept = []
    for suffix in ("", "-wal"):
        source = Path(str(database) + suffix)
        if not source.exists():
            continue
        target = Path(str(base) + suffix)
        shutil.copyfile(source, target)
        with open(target, "rb+") as fh:
            os.fsync(fh.fileno())
        kept.append(target)
    fsync_folder(folder)
    return kept


def _keep_damaged(database: Path, folder: Path, when: Any) -> list[Path]:
    try:
        return _keep_as_is(database, folder, when)
    except OSError as exc:
        if is_disk_full(exc):
            raise no_space(folder, database.stat().st_size, free_space(folder)) from exc
        raise FrontDeskError("restore.failed", path=str(database), reason=error_reason(exc)) from exc


def _write_beside(database: Path, backup: Path) -> Path:
    """The backup's content in a checked, flushed temporary file next to the database."""
    temp = database.with_name(database.name + ".restoring")
    for leftover in (temp, Path(str(temp) + "-journal")):
        durable.remove(leftover)
    needed = backup.stat().st_size
    free = free_space(database.parent)
    if free is not None and free < needed + SPARE_BYTES:
        raise no_space(database.parent, needed, free)
    try:
        source = connect_readonly(backup)
        target = sqlite3.connect(str(temp))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            ok = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
            source.close()
        if ok != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {ok}")
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
    except (OSError, sqlite3.Error) as exc:
        durable.remove(temp)
        if is_disk_full(exc):
            raise no_space(database.parent, needed, free_space(database.parent)) from exc
        raise FrontDeskError("restore.failed", path=str(database), reason=error_reason(exc)) from exc
    return temp


def _swap(database: Path, temp: Path, lock: sqlite3.Connection | None) -> None:
    if lock is not None:
        lock.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        lock.close()  # the last connection: SQLite removes the WAL and shm itself
    # What is left belongs to the old file (already backed up or kept): it
    # must go before the new file takes the name, or SQLite would replay it.
    for suffix in _SIDE_FILES:
        durable.remove(str(database) + suffix)
    try:
        durable.replace(temp, database)
    except PermissionError as exc:  # Windows: someone opened the file meanwhile
        durable.remove(temp)
        raise DatabaseProblem("restore.in_use", path=str(database)) from exc
    fsync_folder(database.parent)


def restore_backup(
    database: Path, backup: Path, *, force: bool = False, folder: Path | None = None, clock: Clock | None = None,
    actor: str | None = None,
) -> RestoreResult:
    """Replace ``database`` with the content of ``backup`` (see the module's
    text for the steps). The database must not be open, not even by the
    caller. Raises ``FrontDeskError`` and changes nothing when refused."""
    database, backup = Path(database), Path(backup)
    clock = clock or SystemClock()
    summary = inspect_backup(backup)
    folder = Path(folder) if folder is not None else backups_dir_for(database)
    lock = _lock(database) if database.exists() else None
    try:
        current = _commune_of(lock)
        if current and current[0] != summary.commune_code and not force:
            raise FrontDeskError(
                "restore.other_commune", path=str(backup), backup_commune=summary.commune_name,
                backup_code=summary.commune_code, current_commune=current[1], current_code=current[0],
            )
        safety_copy, kept = None, []
        if database.exists():
            try:
                if lock is None:
                    raise sqlite3.DatabaseError("not a usable database")
                safety_copy = create_backup(lock, folder, reason="before-restore", when=clock.now())
            except (FrontDeskError, sqlite3.Error) as exc:
                if getattr(exc, "code", "") == "backup.no_space":
                    raise
                kept = _keep_damaged(database, folder, clock.now())
        temp = _write_beside(database, backup)
        _swap(database, temp, lock)
        lock = None
    finally:
        if lock is not None:
            lock.close()
    _record(database, summary, safety_copy, clock, actor)
    return RestoreResult(database, summary, safety_copy, kept)


def _record(database: Path, summary: BackupSummary, safety_copy: Path | None, clock: Clock, actor: str | None) -> None:
    """Open the restored database the normal way (an older schema is migrated
    here, after its own backup) and note the restore in its change log."""
    with open_store(database, clock=clock, actor=actor) as store:
        problems = integrity_problems(store, full=False)
        if problems:
            raise DatabaseProblem("database.damaged", path=str(database), detail="; ".join(problems[:3]))
        with store.transaction():
            store.log(
                "update", "database", None, None,
                {"restored_from": summary.path.name, "safety_copy": safety_copy.name if safety_copy else None},
                note="restore",
            )
