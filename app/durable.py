"""Making a file's arrival survive a power cut: after writing a file under a
temporary name, fsyncing it and renaming it, the folder itself is fsynced so
the rename is on the disk too (POSIX; Windows has no folder handles and
commits renames itself)."""
from __future__ import annotations

import os
from pathlib import Path


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
