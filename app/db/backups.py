"""Backups with the SQLite backup API (never a file copy of a live database).

A backup is written under a temporary name (``.partial``), checked
(quick_check), flushed to disk and only then renamed into place, so a
half-written file is never taken for a backup. The name carries the moment
and the reason: ``frontdesk-20261122-090000-000000+0700-before-import.sqlite3``.

Listing reads only complete files: a ``.partial``, a name that is not a
backup's, or a file whose SQLite header does not match its size is never
listed as good; ``verify`` adds SQLite's own quick_check of every page.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from app import durable
from app import messages
from app.os_words import Words, error_reason, join, os_reason
from app.db.migrations import applied_names
from app.db.schema_objects import describe_objects, foreign_objects
from app.durable import fsync_folder  # noqa: F401 (restore and backup_copy import it from here)
from app.errors import FrontDeskError

BACKUP_SUFFIX = ".sqlite3"
PARTIAL_SUFFIX = ".partial"
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_FULL = 13
# Room kept free beyond the backup's own size: a full disk also stops the
# database itself from writing its journal.
SPARE_BYTES = 16 * 1024 * 1024

messages.register(
    {
        "backup.failed": (
            "Không tạo được bản sao lưu tại {folder}: {reason}",
            "Could not write a backup in {folder}: {reason}",
        ),
        "backup.no_space": (
            "Không đủ chỗ trống để sao lưu vào {folder} (cần khoảng {needed}, còn {free}). Không có tệp "
            "sao lưu dở dang nào được giữ lại. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.",
            "Not enough free space for a backup in {folder} (about {needed} needed, {free} free). No "
            "half-written backup was kept. Free some disk space and try again.",
        ),
        "backup.missing": ("Không có tệp sao lưu {path}.", "There is no backup file {path}."),
        "backup.damaged": (
            "Tệp sao lưu {path} không dùng được: {detail}",
            "The backup {path} cannot be used: {detail}",
        ),
        # why a backup was made (the last part of its name), in words
        "backup.reason.start": ("khi mở ứng dụng", "at start"),
        "backup.reason.quit": ("khi đóng ứng dụng", "at quit"),
        "backup.reason.auto": ("tự động khi làm việc", "automatic, while working"),
        "backup.reason.manual": ("sao lưu tay", "by hand"),
        "backup.reason.before-import": ("trước khi nhập", "before an import"),
        "backup.reason.before-restore": ("trước khi khôi phục", "before a restore"),
        "backup.reason.before-migration": ("trước khi nâng cấp dữ liệu", "before a data upgrade"),
        "backup.reason.before-erasure": ("trước khi xóa một người", "before erasing a person"),
        "backup.reason.as-found": ("giữ nguyên trạng khi hỏng", "kept as found, damaged"),
    }
)

# Longest first: "before-migration-1-to-2" and "manual-2" (a second backup in
# the same microsecond) are of the kind their name starts with.
BACKUP_REASONS = ("before-migration", "before-restore", "before-import", "before-erasure", "as-found", "manual",
                  "start", "quit", "auto")


def reason_text(reason: str, lang: str | None = None) -> str:
    """Why a backup was made, in words ("before-restore" -> "trước khi khôi phục");
    a reason of no known kind as it is."""
    kind = next((k for k in BACKUP_REASONS if reason == k or reason.startswith(k + "-")), None)
    return messages.text(f"backup.reason.{kind}", lang) if kind else reason

_NAME = re.compile(
    r"^frontdesk-(\d{8})-(\d{6})-(\d{6})([+-]\d{4})?-([a-z0-9][a-z0-9-]*)" + re.escape(BACKUP_SUFFIX) + "$"
)


def human_size(size: int) -> str:
    """"12.3 MB": sizes in messages."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def _clean_reason(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "backup"


def backup_name(reason: str, when: datetime) -> str:
    offset = when.strftime("%z") if when.tzinfo is not None else ""
    return f"frontdesk-{when.strftime('%Y%m%d-%H%M%S-%f')}{offset}-{_clean_reason(reason)}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """(moment, reason) of a backup's file name; None for any other name."""
    match = _NAME.match(name)
    if not match:
        return None
    day, clock, micro, offset, reason = match.groups()
    try:
        moment = datetime.strptime(f"{day}{clock}{micro}{offset or ''}", "%Y%m%d%H%M%S%f" + ("%z" if offset else ""))
    except ValueError:
        return None
    if moment.tzinfo is None:  # names written before the offset was part of them: local time
        moment = moment.astimezone()
    return moment, reason


def header_problem(path: Path) -> str | None:
    """A cheap look at a file: is it a whole SQLite database? Reads 100 bytes.

    The header states the page size and (when valid) the page count, so a
    copy cut short is found without reading the pages."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        return os_reason(exc)
    if len(head) < 100 or head[:16] != SQLITE_HEADER:
        return Words("không phải cơ sở dữ liệu SQLite", "not an SQLite database")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return Words("kích thước trang không hợp lệ", "bad page size")
    if size % page_size:
        return Words("tệp bị cắt cụt", "cut short")
    change_counter, valid_for = head[24:28], head[92:96]
    pages = int.from_bytes(head[28:32], "big")
    if change_counter == valid_for and pages and pages * page_size != size:
        whole = pages * page_size
        return Words(f"tệp bị cắt cụt ({size} trên {whole} byte)", f"cut short ({size} of {whole} bytes)")
    return None


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open a backup without ever writing to it (nor beside it)."""
    path = Path(path).resolve()
    uri = path.as_uri()
    if uri.startswith("file:///"):
        return sqlite3.connect(uri + "?mode=ro", uri=True)
    # A Windows share (\\server\share): SQLite's URIs take no host name, so
    # the file is opened by its path and made read-only by a pragma.
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA query_only = ON")
    return conn


def verify_backup(path: Path, *, full: bool = False, foreign: bool = True) -> list[str]:
    """Problems of a backup file; an empty list means it is sound.
    ``full`` runs integrity_check (every index against its table) instead of
    quick_check. With ``foreign``, a Front Desk database holding what its
    migrations never made (a trigger, a view...) is not sound either: it is
    never the backup offered, kept or copied as the good one."""
    path = Path(path)
    problem = header_problem(path)
    if problem:
        return [problem]
    try:
        conn = connect_readonly(path)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
            if rows == ["ok"] and foreign and applied_names(conn):
                extra = foreign_objects(conn)
                if extra:
                    names = describe_objects(extra)
                    return [Words(f"có đối tượng không do Front Desk tạo: {names}", f"not made by Front Desk: {names}")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [error_reason(exc)]
    return [] if rows == ["ok"] else rows


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int
    problem: str | None = None

    @property
    def good(self) -> bool:
        return self.problem is None

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "size": self.size,
            "reason": self.reason,
            "good": self.good,
        }


def _sort_key(info: BackupInfo) -> tuple[float, str]:
    return info.created_at.timestamp(), info.path.name


def list_backups(folder: Path, *, verify: bool = False, include_bad: bool = False) -> list[BackupInfo]:
    """The backups in ``folder``, newest first. Only complete files: every
    one passes the header check (and quick_check with ``verify``); with
    ``include_bad`` the others are listed too, each with its ``problem``."""
    folder = Path(folder)
    found: list[BackupInfo] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        parsed = parse_backup_name(entry.name)
        if parsed is None or not entry.is_file():
            continue
        path = Path(entry.path)
        problems = verify_backup(path) if verify else [p for p in [header_problem(path)] if p]
        try:
            size = entry.stat().st_size
        except OSError as exc:
            problems, size = [os_reason(exc)], 0
        info = BackupInfo(path, parsed[0], parsed[1], size, join(problems[:3]) or None)
        if info.good or include_bad:
            found.append(info)
    found.sort(key=_sort_key, reverse=True)
    return found


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check (the one to offer when the
    database is damaged); older ones are checked only if newer ones fail."""
    for info in list_backups(folder):
        if not verify_backup(info.path):
            return info
    return None


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    return isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL


def database_size(conn: sqlite3.Connection) -> int:
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    return (pages - free) * conn.execute("PRAGMA page_size").fetchone()[0]


def free_space(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def no_space(folder: Path, needed: int, free: int | None) -> FrontDeskError:
    return FrontDeskError(
        "backup.no_space", folder=str(folder), needed=human_size(needed),
        free=human_size(free) if free is not None else "?",
    )


def _free_name(folder: Path, reason: str, when: datetime) -> Path:
    """Two backups at the same moment with the same reason keep both."""
    target = folder / backup_name(reason, when)
    n = 2
    while target.exists() or target.with_name(target.name + PARTIAL_SUFFIX).exists():
        target = folder / backup_name(f"{reason}-{n}", when)
        n += 1
    return target


def create_backup(
    source: sqlite3.Connection, folder: Path, *, reason: str, when: datetime | None = None,
    connect: Callable[[str], sqlite3.Connection] = sqlite3.connect,
) -> Path:
    """Copy the open database ``source`` into ``folder``; return the new file.

    ``connect`` opens the new file (tests pass one that limits its size, as a
    full disk would). On any failure nothing is left under a backup's name."""
    when = when or datetime.now().astimezone()
    folder = Path(folder)
    partial = None
    needed = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        needed = database_size(source)
        free = free_space(folder)
        if free is not None and free < needed + SPARE_BYTES:
            raise no_space(folder, needed, free)
        target = _free_name(folder, reason, when)
        partial = target.with_name(target.name + PARTIAL_SUFFIX)
        copy = connect(str(partial))
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
        durable.replace(partial, target)
        fsync_folder(folder)
    except FrontDeskError:
        raise
    except (OSError, sqlite3.Error) as exc:
        if partial is not None:
            for leftover in (partial, Path(str(partial) + "-journal")):
                durable.remove(leftover)
        if is_disk_full(exc):
            raise no_space(folder, needed, free_space(folder)) from exc
        raise FrontDeskError("backup.failed", folder=str(folder), reason=error_reason(exc)) from exc
    return target
