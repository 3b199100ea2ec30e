"""Windows behaviour reproduced here: files held open for a moment by
antivirus, OneDrive or the indexer. On Windows ``os.replace`` and deleting
then fail with a ``PermissionError`` whose ``winerror`` is 32 (sharing
violation), 33 (lock violation) or 5 (access denied, also what a file being
deleted answers); the same exception is raised here by the real functions'
stand-ins, for the files a test names."""
from __future__ import annotations

import errno
import os
import pathlib
from collections import Counter


def in_use_error(path, winerror: int = 32) -> PermissionError:
    exc = PermissionError(errno.EACCES, "The process cannot access the file because it is being used by another "
                          "process", str(path))
    exc.winerror = winerror  # set by CPython on Windows only
    return exc


class HeldFiles:
    """``os.replace`` and ``Path.unlink`` fail as on Windows, ``times`` times
    per file, for files whose name contains one of ``names`` (the target or
    the source of a rename; the file of a delete). ``seen`` counts the
    failures by name."""

    def __init__(self, monkeypatch, *names: str, times: int = 2, winerror: int = 32) -> None:
        self.names, self.times, self.winerror = names, times, winerror
        self.seen: Counter = Counter()
        real_replace, real_unlink = os.replace, pathlib.Path.unlink

        def replace(source, target, *args, **kwargs):
            self._maybe_fail(target, source)
            return real_replace(source, target, *args, **kwargs)

        def unlink(path, missing_ok=False):
            if path.exists():
                self._maybe_fail(path)
            return real_unlink(path, missing_ok=missing_ok)

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(pathlib.Path, "unlink", unlink)

    def _maybe_fail(self, *paths) -> None:
        for path in paths:
            name = os.fspath(path)
            matched = next((n for n in self.names if n in os.path.basename(name)), None)
            if matched is not None and self.seen[matched] < self.times:
                self.seen[matched] += 1
                raise in_use_error(name, self.winerror)
