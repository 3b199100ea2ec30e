"""Files that arrive whole and stay put, on a POSIX disk and on an office PC.

- ``fsync_folder``: after writing a file under a temporary name, fsyncing it
  and renaming it, the folder itself is fsynced so the rename is on the disk
  too (POSIX; Windows has no folder handles and commits renames itself).
- ``replace`` and ``remove``: ``os.replace`` and ``Path.unlink`` that wait a
  moment when Windows says the file is in use. Antivirus, OneDrive, the search
  indexer and backup agents open files they see appear, for a few hundred
  milliseconds; a rename or delete then fails with a sharing violation (error
  32), a lock violation (33) or "access denied" (5, also what a file being
  deleted answers). These are retried for a few seconds, then raised; callers
  that can try again later (sending) ask ``in_use`` whether the error was one
  of these, and treat it as temporary, not as a lack of rights.

Every rename and delete of the app's own files goes through here.
"""
from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["fsync_folder", "replace", "remove", "in_use", "retrying", "IN_USE_ERRORS", "WAITS"]

log = logging.getLogger(__name__)

# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
IN_USE_ERRORS = frozenset({5, 32, 33})
# seconds between attempts: about four seconds in all, longer than a scan of a
# report or a backup takes, short enough that a person does not give up
WAITS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.5)

T = TypeVar("T")


def in_use(exc: BaseException) -> bool:
    """Whether ``exc`` is Windows saying another program has the file open
    (or is deleting it): worth waiting for, not a refusal."""
    return isinstance(exc, OSError) and getattr(exc, "winerror", None) in IN_USE_ERRORS


def retrying(operation: Callable[[], T], what: str, *, sleep: Callable[[float], None] = time.sleep) -> T:
    """``operation()``, tried again after each of ``WAITS`` while it fails
    because a file is in use; any other error, or the last one, is raised."""
    for wait in WAITS:
        try:
            return operation()
        except OSError as exc:
            if not in_use(exc):
                raise
            log.info("%s: file in use (Windows error %s), trying again in %.2f s", what, exc.winerror, wait)
            sleep(wait)
    return operation()


def replace(source: Path | str, target: Path | str) -> None:
    """``os.replace``, waiting while Windows says either file is in use."""
    retrying(lambda: os.replace(source, target), "rename")


def remove(path: Path | str, *, missing_ok: bool = True) -> None:
    """Delete a file, waiting while Windows says it is in use."""
    retrying(lambda: Path(path).unlink(missing_ok=missing_ok), "delete")


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder we may not open (some network shares): the rename stands
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
