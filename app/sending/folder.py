"""Delivery into a folder: a network share, a USB stick, a synced folder.

The report is written under a temporary name, flushed to the disk and only
then renamed to its final name, and a small JSON manifest beside it says what
it is (commune, period, SHA-256, size, when). Someone reading the folder never
sees half a file under a report's name. A file already there with the same
content counts as delivered, so sending twice never makes two copies.

The folder itself is never created: a missing folder usually means the USB
stick or the share is not connected, and creating it would write the report
onto the local disk instead.

A file in use is not a refusal. On Windows, antivirus, OneDrive, the indexer
or someone at the province with the report open hold a file for a while; a
rename or delete then fails with a sharing or lock violation (errors 32, 33)
even after ``app.durable``'s retries. That report is tried again later with
backoff and the pass goes on with the others. "Access denied" (error 5) is
both what a file being deleted answers and what a folder we may not write
answers: a small probe file written in the folder tells them apart. Only a
folder we really may not write is "no right to write", which stops the pass.
"""
from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from app.os_words import os_reason
from app import durable
from app import messages
from app.clock import Clock, iso_timestamp
from app.durable import fsync_folder
from app.sending.transport import OFFLINE, PERMANENT, SETTINGS, TEMPORARY, DeliveryError, Parcel, sha256_of

MANIFEST_SUFFIX = ".manifest.json"

messages.register(
    {
        "folder.missing": (
            "Không thấy thư mục nhận {where}. Hãy cắm USB hoặc kết nối ổ mạng rồi gửi lại.",
            "The destination folder {where} is not there. Plug in the USB stick or connect the share, then send again.",
        ),
        "folder.denied": (
            "Không có quyền ghi vào thư mục {where}. Hãy kiểm tra quyền truy cập (hoặc USB bị khóa ghi).",
            "No right to write into {where}. Check the permissions (or a write-protected USB stick).",
        ),
        "folder.full": (
            "Thư mục {where} đã hết chỗ trống. Hãy giải phóng chỗ rồi gửi lại.",
            "{where} is full. Free some space, then send again.",
        ),
        "folder.too_large": (
            "Tệp quá lớn đối với ổ {where} ({reason}).",
            "The file is too large for the disk of {where} ({reason}).",
        ),
        "folder.in_use": (
            "Tệp trong {where} đang bị chương trình khác mở (lỗi Windows {winerror}). Sẽ thử lại sau; "
            "các báo cáo khác vẫn được gửi.",
            "A file in {where} is in use by another program (Windows error {winerror}). It will be tried again "
            "later; the other reports go on.",
        ),
        "folder.failed": (
            "Không ghi được vào {where} ({reason}). Sẽ thử lại.",
            "Could not write into {where} ({reason}). It will be tried again.",
        ),
    }
)


def write_atomically(target: Path, data_source: Path | bytes) -> None:
    """Write ``target`` from a file or bytes: temporary name, flush, fsync, rename."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(data_source, bytes):
                out.write(data_source)
            else:
                with open(data_source, "rb") as src:
                    for block in iter(lambda: src.read(1 << 16), b""):
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        durable.replace(temporary, target)
    except BaseException:
        try:
            durable.remove(Path(temporary))
        except OSError:  # held too: the error that matters is the one above
            pass
        raise
    fsync_folder(target.parent)


SHARING_VIOLATIONS = frozenset({32, 33})  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
ACCESS_DENIED = 5


def _failure(exc: OSError, where: str, folder: Path | None = None) -> DeliveryError:
    reason = os_reason(exc)
    winerror = getattr(exc, "winerror", None)
    if winerror in SHARING_VIOLATIONS or (
        winerror == ACCESS_DENIED and durable.in_use(exc) and folder is not None and _may_write(folder)
    ):
        return DeliveryError(TEMPORARY, "folder.in_use", where=where, winerror=winerror)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DeliveryError(SETTINGS, "folder.denied", where=where)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DeliveryError(TEMPORARY, "folder.full", where=where)
    if exc.errno == errno.EFBIG:
        return DeliveryError(PERMANENT, "folder.too_large", where=where, reason=reason)
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
        return DeliveryError(OFFLINE, "folder.missing", where=where)
    return DeliveryError(TEMPORARY, "folder.failed", where=where, reason=reason)


def _may_write(folder: Path) -> bool:
    """Whether a new file can be made in ``folder`` (then "access denied" was
    about one file in use, not about the folder's rights)."""
    try:
        handle, probe = tempfile.mkstemp(prefix=".frontdesk-probe.", suffix=".part", dir=folder)
    except OSError:
        return False
    os.close(handle)
    try:
        durable.remove(Path(probe))
    except OSError:
        pass  # held in its turn: a small empty file left behind says nothing about anyone
    return True


class FolderTransport:
    kind = "folder"

    def __init__(self, folder: Path | str, clock: Clock) -> None:
        self.folder = Path(folder)
        self.clock = clock
        self.label = str(self.folder)
        self.hidden: tuple[str, ...] = ()

    def check(self) -> dict[str, Any]:
        self._require_folder()
        try:
            probe = self.folder / ".frontdesk-probe"
            write_atomically(probe, b"ok")
            durable.remove(probe, missing_ok=False)
        except OSError as exc:
            raise _failure(exc, self.label) from None
        return {"transport": self.kind, "folder": self.label}

    def deliver(self, parcel: Parcel) -> dict[str, Any]:
        self._require_folder()
        target = self.folder / parcel.remote_name
        manifest = self.folder / (parcel.remote_name + MANIFEST_SUFFIX)
        try:
            already = target.is_file() and target.stat().st_size == parcel.size and sha256_of(target) == parcel.sha256
            if not already:
                write_atomically(target, parcel.path)
            if not manifest.is_file():
                # the manifest comes last: a reader that waits for it finds the report whole
                sent_at = iso_timestamp(self.clock.now())
                body = json.dumps(parcel.manifest(sent_at), ensure_ascii=False, indent=2).encode("utf-8")
                write_atomically(manifest, body)
            found = sha256_of(target)
        except OSError as exc:
            raise _failure(exc, self.label, self.folder) from None
        if found != parcel.sha256:
            raise DeliveryError(TEMPORARY, "delivery.broken_copy", where=str(target))
        return {"transport": self.kind, "file": str(target), "already_there": already}

    def _require_folder(self) -> None:
        if not self.folder.is_dir():
            raise DeliveryError(OFFLINE, "folder.missing", where=self.label)
