"""Copying a backup to a USB stick (or any folder), and proving the copy.

USB sticks fail quietly: a cheap stick may accept every byte and give
others back, and it may be pulled out mid-copy. So the copy is written under
a temporary name, flushed, read back from the stick (the page cache dropped
first where the OS allows) and compared by SHA-256, its SQLite header and
quick_check; only a copy that passed takes the backup's name. Whatever goes
wrong, no half-written or unproven file is left under that name.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from app import durable
from app import messages
from app.db.backups import (
    PARTIAL_SUFFIX, connect_readonly, free_space, fsync_folder, header_problem, human_size, is_disk_full,
    verify_backup,
)
from app.errors import FrontDeskError
from app.progress import ProgressCallback, ignore_progress

CHUNK = 1024 * 1024

messages.register(
    {
        "backup.copy_no_folder": (
            "Không thấy thư mục {folder}. Ổ USB đã được cắm và mở chưa?",
            "The folder {folder} is not there. Is the USB stick plugged in?",
        ),
        "backup.copy_no_space": (
            "Không đủ chỗ trống ở {folder} để chép bản sao lưu (cần {needed}, còn {free}). Không để lại tệp "
            "chép dở nào. Hãy xóa bớt tệp trên ổ hoặc dùng ổ khác.",
            "Not enough free space in {folder} for the backup ({needed} needed, {free} free). No half-written "
            "file was left. Delete some files from the stick or use another one.",
        ),
        "backup.copy_failed": (
            "Không chép được bản sao lưu vào {folder}: {reason}. Không để lại tệp chép dở nào.",
            "Could not copy the backup to {folder}: {reason}. No half-written file was left.",
        ),
        "backup.copy_mismatch": (
            "Bản chép ở {folder} đọc lại không giống bản gốc ({detail}); ổ có thể bị lỗi. Bản chép đã bị xóa; "
            "hãy thử ổ khác.",
            "The copy in {folder} does not read back the same as the backup ({detail}); the stick may be "
            "faulty. The copy was deleted; try another stick.",
        ),
    }
)

Opener = Callable[[Path], BinaryIO]


@dataclass(frozen=True)
class CopiedBackup:
    path: Path
    size: int
    sha256: str

    def as_json(self) -> dict:
        return {"path": str(self.path), "size": self.size, "sha256": self.sha256}


def _open_for_writing(path: Path) -> BinaryIO:
    return open(path, "wb")


def _drop_cache(fd: int) -> None:
    """Ask the OS to forget the file's cached pages so reading back reads the stick."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        try:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def _sha256_of(path: Path, progress: ProgressCallback = ignore_progress) -> str:
    digest = hashlib.sha256()
    done = 0
    with open(path, "rb") as fh:
        _drop_cache(fh.fileno())
        size = os.fstat(fh.fileno()).st_size
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            done += len(chunk)
            progress("read_back", done, size)
    return digest.hexdigest()


def _read_back_problem(path: Path, sha256: str, size: int, progress: ProgressCallback = ignore_progress) -> str | None:
    try:
        if path.stat().st_size != size:
            return f"size {path.stat().st_size} != {size}"
        if _sha256_of(path, progress) != sha256:
            return "sha256"
    except OSError as exc:
        return exc.strerror or str(exc)
    problem = header_problem(path)
    if problem:
        return problem
    progress("check", 0, 0)
    try:
        conn = connect_readonly(path)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    return None if ok == "ok" else f"quick_check: {ok}"


def copy_backup_to(
    backup: Path, target_folder: Path, *, open_target: Opener = _open_for_writing,
    progress: ProgressCallback = ignore_progress,
) -> CopiedBackup:
    """Copy ``backup`` into ``target_folder`` under the same name, verified.
    ``open_target`` opens the temporary file for writing (tests pass one that
    runs out of space). ``progress`` hears the stages "copy" and "read_back"
    (bytes done of the size), then "flush" and "check" (no total); it may
    raise ``Cancelled``. Raises ``FrontDeskError``; never leaves a broken file."""
    backup, folder = Path(backup), Path(target_folder)
    problems = verify_backup(backup)
    if problems:
        raise FrontDeskError("backup.damaged", path=str(backup), detail="; ".join(problems[:3]))
    if not folder.is_dir():
        raise FrontDeskError("backup.copy_no_folder", folder=str(folder))
    size = backup.stat().st_size
    free = free_space(folder)
    if free is not None and free < size:
        raise FrontDeskError("backup.copy_no_space", folder=str(folder), needed=human_size(size), free=human_size(free))
    target = folder / backup.name
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    digest = hashlib.sha256()
    done = 0
    try:
        try:
            with open(backup, "rb") as source, open_target(partial) as out:
                progress("copy", 0, size)
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    done += len(chunk)
                    progress("copy", done, size)
                progress("flush", 0, 0)  # a stick's write cache can take as long as the copy
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            if is_disk_full(exc):
                raise FrontDeskError(
                    "backup.copy_no_space", folder=str(folder), needed=human_size(size),
                    free=human_size(free_space(folder) or 0),
                ) from exc
            raise FrontDeskError("backup.copy_failed", folder=str(folder), reason=exc.strerror or str(exc)) from exc
        problem = _read_back_problem(partial, digest.hexdigest(), size, progress)
        if problem:
            raise FrontDeskError("backup.copy_mismatch", folder=str(folder), detail=problem)
        try:
            durable.replace(partial, target)
        except OSError as exc:
            raise FrontDeskError("backup.copy_failed", folder=str(folder), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        try:
            durable.remove(partial)
        except OSError:
            pass  # the stick was pulled out: nothing is left to delete there
        raise
    fsync_folder(folder)
    return CopiedBackup(target, size, digest.hexdigest())
