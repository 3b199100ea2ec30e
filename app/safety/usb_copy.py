"""Copying a backup to a USB stick (or any folder), and proving the copy.

USB sticks fail quietly: a cheap stick may accept every byte and give
others back, and it may be pulled out mid-copy. So the copy is written under
a temporary name, flushed, read back from the stick and compared by SHA-256,
its SQLite header and quick_check; only a copy that passed takes the
backup's name. Whatever goes wrong, no half-written or unproven file is left
under that name.

Reading back must read the stick, not the operating system's memory of what
was written to it. How, per system (``CopiedBackup.read_back`` says which
happened, and the log too):

- Windows: the file is opened again with ``CreateFileW(FILE_FLAG_NO_BUFFERING)``
  (through ctypes), which bypasses the system cache; such reads must be
  sector-aligned, so the buffer comes from ``VirtualAlloc`` (page-aligned) and
  every read asks for ``CHUNK`` bytes, a multiple of any sector size; a short
  read is the end of the file. ``read_back`` = "uncached".
- Linux and other POSIX systems: the file's cached pages are dropped first
  (``posix_fadvise(DONTNEED)``, after the fsync, so they are clean and really
  dropped). ``read_back`` = "cache_dropped".
- Otherwise, or when Windows refuses the unbuffered open (a file system that
  does not support it): an ordinary read. ``read_back`` = "cached": the check
  then proves that the copy is whole as the system holds it, not that the
  stick stored it; a warning in the log says so.
"""
from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator

from app import durable
from app import messages
from app.clock import iso_timestamp
from app.db.backups import (
    PARTIAL_SUFFIX, connect_readonly, free_space, fsync_folder, header_problem, human_size, is_disk_full,
    verify_backup,
)
from app.errors import FrontDeskError
from app.os_words import Words, error_reason, join
from app.progress import ProgressCallback, ignore_progress

CHUNK = 1024 * 1024  # a multiple of every sector size (512, 4096): unbuffered reads need it
PLATFORM = sys.platform  # tests play Windows by changing this

UNCACHED, CACHE_DROPPED, CACHED = "uncached", "cache_dropped", "cached"

log = logging.getLogger("frontdesk.usb")

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
    read_back: str = CACHED  # how the copy was read back: UNCACHED, CACHE_DROPPED or CACHED (see the module)

    def as_json(self) -> dict:
        return {"path": str(self.path), "size": self.size, "sha256": self.sha256, "read_back": self.read_back}


def _open_for_writing(path: Path) -> BinaryIO:
    return open(path, "wb")


def _drop_cache(fd: int) -> bool:
    """Ask the OS to forget the file's cached pages so reading back reads the stick."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return False
    try:
        advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:
        return False
    return True


# -- Windows: reading past the system cache --------------------------------------------

GENERIC_READ = 0x80000000
FILE_SHARE_READ = 0x00000001
OPEN_EXISTING = 3
FILE_FLAG_NO_BUFFERING = 0x20000000
FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
MEM_COMMIT, MEM_RESERVE, MEM_RELEASE = 0x1000, 0x2000, 0x8000
PAGE_READWRITE = 0x04
INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value


@dataclass(frozen=True)
class WindowsApi:
    """kernel32 and how to read the thread's last error (tests pass stand-ins)."""

    kernel32: Any
    last_error: Callable[[], int]


def _windows_api() -> WindowsApi:
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]  # Windows only
    kernel32.CreateFileW.argtypes = (ctypes.c_wchar_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                                     ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p)
    kernel32.CreateFileW.restype = ctypes.c_void_p
    kernel32.ReadFile.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32,
                                  ctypes.POINTER(ctypes.c_uint32), ctypes.c_void_p)
    kernel32.ReadFile.restype = ctypes.c_int
    kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
    kernel32.CloseHandle.restype = ctypes.c_int
    kernel32.VirtualAlloc.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint32, ctypes.c_uint32)
    kernel32.VirtualAlloc.restype = ctypes.c_void_p
    kernel32.VirtualFree.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint32)
    kernel32.VirtualFree.restype = ctypes.c_int
    return WindowsApi(kernel32, ctypes.get_last_error)  # type: ignore[attr-defined]


class UnbufferedUnavailable(Exception):
    """Windows would not open the file unbuffered (the reason: its error code)."""


class _UnbufferedReader:
    """The file read with FILE_FLAG_NO_BUFFERING: from the device, not the
    cache. Opening raises ``UnbufferedUnavailable`` when Windows refuses the
    open or the aligned buffer; a failed read raises ``OSError``. The handle
    is closed on ``close`` (a file left open could not be deleted on Windows)."""

    how = UNCACHED

    def __init__(self, path: Path, api: WindowsApi) -> None:
        self.api, self.handle, self.buffer = api, None, None
        k = api.kernel32
        handle = k.CreateFileW(str(path), GENERIC_READ, FILE_SHARE_READ, None, OPEN_EXISTING,
                               FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN, None)
        if handle is None or handle == INVALID_HANDLE_VALUE:
            raise UnbufferedUnavailable(api.last_error())
        self.handle = handle
        self.buffer = k.VirtualAlloc(None, CHUNK, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE)  # page-aligned
        if not self.buffer:
            code = api.last_error()
            self.close()
            raise UnbufferedUnavailable(code)

    def chunks(self) -> Iterator[bytes]:
        got = ctypes.c_uint32(0)
        while True:
            if not self.api.kernel32.ReadFile(self.handle, self.buffer, CHUNK, ctypes.pointer(got), None):
                code = self.api.last_error()
                raise OSError(5, f"the stick could not be read back (Windows error {code})")
            if got.value:
                yield ctypes.string_at(self.buffer, got.value)
            if got.value < CHUNK:  # the end of the file (a further read would not be aligned)
                return

    def close(self) -> None:
        if self.buffer:
            self.api.kernel32.VirtualFree(self.buffer, 0, MEM_RELEASE)
            self.buffer = None
        if self.handle is not None:
            self.api.kernel32.CloseHandle(self.handle)
            self.handle = None


class _OrdinaryReader:
    def __init__(self, path: Path, how: str) -> None:
        self.how = how
        self.file = open(path, "rb")

    def chunks(self) -> Iterator[bytes]:
        while chunk := self.file.read(CHUNK):
            yield chunk

    def close(self) -> None:
        self.file.close()


_CACHED_WARNING = ("read-back %s: the check proves the copy is whole as the system holds it, not that the "
                   "stick stored it")


def _reader(path: Path) -> _UnbufferedReader | _OrdinaryReader:
    """How the copy is read back, per system (see the module's text)."""
    if PLATFORM == "win32":
        try:
            return _UnbufferedReader(path, _windows_api())
        except UnbufferedUnavailable as exc:
            log.warning(_CACHED_WARNING, f"through the Windows cache (unbuffered open refused, error {exc.args[0]})")
        except (AttributeError, OSError) as exc:  # no kernel32 after all
            log.warning(_CACHED_WARNING, f"through the Windows cache ({type(exc).__name__})")
        return _OrdinaryReader(path, CACHED)
    reader = _OrdinaryReader(path, CACHE_DROPPED)
    if not _drop_cache(reader.file.fileno()):
        log.warning(_CACHED_WARNING, "through the system cache (it could not be dropped)")
        reader.how = CACHED
    return reader


def _sha256_of(path: Path, size: int, progress: ProgressCallback = ignore_progress) -> tuple[str, str]:
    """The SHA-256 of the file as read back, and how it was read back."""
    digest = hashlib.sha256()
    done = 0
    reader = _reader(path)
    try:
        for chunk in reader.chunks():
            digest.update(chunk)
            done += len(chunk)
            progress("read_back", done, size)
    finally:
        reader.close()
    return digest.hexdigest(), reader.how


def _read_back_problem(
    path: Path, sha256: str, size: int, progress: ProgressCallback = ignore_progress,
) -> tuple[str | None, str]:
    """What is wrong with the copy as read back (None: nothing), and how it was read."""
    how = CACHED
    try:
        found = path.stat().st_size
        if found != size:
            return Words(f"đọc lại được {found} byte thay vì {size}", f"size {found} != {size}"), how
        read, how = _sha256_of(path, size, progress)
        if read != sha256:
            return Words("nội dung đọc lại khác bản gốc (SHA-256)", "sha256"), how
    except OSError as exc:
        return error_reason(exc), how
    problem = header_problem(path)
    if problem:
        return problem, how
    progress("check", 0, 0)
    try:
        conn = connect_readonly(path)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return error_reason(exc), how
    return (None if ok == "ok" else f"quick_check: {ok}"), how


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
        raise FrontDeskError("backup.damaged", path=str(backup), detail=join(problems[:3]))
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
            raise FrontDeskError("backup.copy_failed", folder=str(folder), reason=error_reason(exc)) from exc
        problem, read_back = _read_back_problem(partial, digest.hexdigest(), size, progress)
        if problem:
            raise FrontDeskError("backup.copy_mismatch", folder=str(folder), detail=problem)
        try:
            durable.replace(partial, target)
        except OSError as exc:
            raise FrontDeskError("backup.copy_failed", folder=str(folder), reason=error_reason(exc)) from exc
    except BaseException:
        try:
            durable.remove(partial)
        except OSError:
            pass  # the stick was pulled out: nothing is left to delete there
        raise
    fsync_folder(folder)
    log.info("backup copied and read back (%s)", read_back)
    return CopiedBackup(target, size, digest.hexdigest(), read_back)


USB_COPY_KEY = "last_usb_copy"  # meta: when a backup was last copied out and read back (ISO 8601)


def record_usb_copy(store, copied: CopiedBackup) -> None:
    """Remember that a good copy left for a USB stick (the first-steps list
    and the overview ask when that last happened)."""
    with store.transaction():
        store.set_meta(USB_COPY_KEY, iso_timestamp(store.clock.now()))
    store.events.emit("backups_changed")


def last_usb_copy(store) -> str | None:
    return store.meta(USB_COPY_KEY)
