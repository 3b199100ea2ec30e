"""Is a path on a network share? The database must never be.

SQLite's locking does not hold over network file systems (SMB, NFS...): two
PCs writing the same file, or a link that drops mid-write, damage the
database. So the database is opened only from a local disk; shared folders
are for exports and report delivery.

Every way of finding out can be given its facts (the mount table, the
Windows drive type), so the detection is tested on any OS.
"""
from __future__ import annotations

import ntpath
import os
import re
import sys
from pathlib import Path
from typing import Callable

from app import messages
from app.errors import DatabaseProblem

messages.register(
    {
        "database.network_path": (
            "Không mở cơ sở dữ liệu {path} vì nó nằm trên ổ mạng ({reason}). Trên ổ mạng, mất kết nối hoặc hai "
            "máy cùng ghi có thể làm hỏng dữ liệu. Hãy chép tệp về ổ đĩa của máy này rồi mở lại; thư mục dùng "
            "chung chỉ dùng để xuất và gửi báo cáo.",
            "The database {path} is not opened: it is on a network drive ({reason}). On a network drive a "
            "dropped link or two PCs writing at once can damage the data. Copy the file to this PC's own "
            "disk and open it there; shared folders are for exports and reports only.",
        ),
    }
)

# File system types that live on another machine. "fuse.*" types are the
# user-space clients (sshfs, rclone, GNOME's gvfs for smb:// and sftp://).
NETWORK_FS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "ncp", "afs", "coda",
        "ceph", "glusterfs", "lustre", "gfs", "gfs2", "ocfs2", "davfs", "webdav", "afpfs",
        "fuse.sshfs", "fuse.rclone", "fuse.gvfsd-fuse", "fuse.davfs2", "fuse.s3fs", "fuse.glusterfs",
        "fuse.curlftpfs", "fuse.smbnetfs", "sshfs", "osxfuse.sshfs", "macfuse.sshfs",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW

PlaceCheck = Callable[[Path], None]  # raises DatabaseProblem for a place a database must not be

_MACOS_MOUNT = re.compile(r"^(?P<source>.+?) on (?P<point>.+) \((?P<type>[^,)]+)")


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes a space in a mount point as \\040 (octal)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mounts(text: str) -> list[tuple[str, str, str]]:
    """(mount point, file system type, source) from /proc/mounts or from
    macOS's ``mount`` output."""
    mounts = []
    for line in text.splitlines():
        mac = _MACOS_MOUNT.match(line)
        if mac and " on " in line and "(" in line:
            mounts.append((mac["point"], mac["type"].strip(), mac["source"]))
            continue
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape_mount(fields[1]), fields[2], _unescape_mount(fields[0])))
    return mounts


def _is_network_type(fstype: str, source: str) -> bool:
    fstype = fstype.lower()
    if fstype in NETWORK_FS:
        return True
    if fstype == "fuse" and (source.startswith("sshfs#") or "@" in source):  # old sshfs mounts
        return True
    return False


def _system_mounts(platform: str) -> str:
    if platform.startswith("linux"):
        for source in ("/proc/self/mounts", "/proc/mounts"):
            try:
                with open(source, encoding="utf-8", errors="replace") as fh:
                    return fh.read()
            except OSError:
                continue
        return ""
    import subprocess  # macOS, BSD only: kept off the start of the other systems

    try:  # one short process at start
        return subprocess.run(["mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def _real(path: Path) -> Path:
    """The path with its links resolved as far as it exists (a database not
    yet made lives where its folder really is)."""
    path = Path(os.path.abspath(path))
    for candidate in (path, *path.parents):
        try:
            if candidate.exists():
                return candidate.resolve() / path.relative_to(candidate)
        except OSError:
            break
    return path


def _posix_reason(path: Path, mounts_text: str) -> str | None:
    target = str(_real(path))
    best: tuple[str, str, str] | None = None
    for point, fstype, source in parse_mounts(mounts_text):
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fstype, source)
    if best and _is_network_type(best[1], best[2]):
        return f"{best[1]}: {best[2]} → {best[0]}"
    return None


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined]


def _windows_reason(text: str, drive_type: Callable[[str], int]) -> str | None:
    norm = text.replace("/", "\\")
    upper = norm.upper()
    if upper.startswith("\\\\?\\UNC\\"):
        return "UNC " + "\\\\" + norm[8:].split("\\", 2)[0] + "\\…"
    if upper.startswith(("\\\\?\\", "\\\\.\\")):
        norm = norm[4:]  # \\?\C:\... : a local path written the long way
    elif norm.startswith("\\\\"):
        server = norm[2:].split("\\", 1)[0]
        return f"UNC \\\\{server}\\…"
    drive, _rest = ntpath.splitdrive(norm)
    if len(drive) == 2 and drive[1] == ":":
        try:
            if drive_type(drive.upper() + "\\") == DRIVE_REMOTE:
                return f"{drive.upper()} → network drive"
        except (OSError, AttributeError, ValueError):
            return None
    return None


def network_reason(
    path: Path | str, *, platform: str | None = None, mounts: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Why ``path`` is on a network file system, or None for a local one.

    ``platform`` is ``sys.platform``'s value; ``mounts`` the text of
    /proc/mounts (Linux) or of ``mount`` (macOS); ``drive_type`` Windows'
    GetDriveTypeW. Each defaults to asking the running system."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        text = str(path)
        if platform == sys.platform and os.name == "nt":
            text = os.path.abspath(text)
            try:  # a symbolic link or junction to a share resolves to its UNC path
                text = str(Path(text).resolve())
            except OSError:
                pass
        return _windows_reason(text, drive_type or _windows_drive_type)
    return _posix_reason(Path(path), mounts if mounts is not None else _system_mounts(platform))


def refuse_network_path(path: Path | str, **facts) -> None:
    """Raise ``DatabaseProblem("database.network_path")`` for a database on a share."""
    reason = network_reason(path, **facts)
    if reason:
        raise DatabaseProblem("database.network_path", path=str(path), reason=reason)
