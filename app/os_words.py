"""The operating system's and SQLite's reasons, in Vietnamese as well as English.

An OSError's ``strerror`` ("No such file or directory") and an SQLite error
("file is not a database") are English, and a Vietnamese Windows may even
give Windows' own words in Vietnamese to an English message. So a reason
that goes into a message is made here, from the error's number where there
is one: ``os_reason(exc)`` / ``error_reason(exc)`` give a ``Words``, a str
holding the English (what logs, ``repr`` and JSON see) that also knows its
Vietnamese, and ``messages.text`` puts in the words of the language asked.

``localize`` also recognises the plain English texts of the common errors,
whole ("Permission denied") or as ``str(OSError)`` prints them ("[Errno 13]
Permission denied: 'x'"), for the modules that still hand over
``exc.strerror`` as it is.
"""
from __future__ import annotations

import errno
import os
import re
from typing import Any, Iterable


class Words(str):
    """English text (the str itself) that also carries its Vietnamese."""

    vi: str

    def __new__(cls, vi: str, en: str) -> "Words":
        made = super().__new__(cls, en)
        made.vi = vi
        return made

    def __getnewargs__(self) -> tuple[str, str]:  # pickling and copying keep both languages
        return self.vi, str.__str__(self)

    def in_language(self, lang: str) -> str:
        return self.vi if lang == "vi" else str.__str__(self)


# errno -> (vi, en); the English is glibc's, which Windows' C runtime and macOS share
_ERRNO: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("không có tệp hoặc thư mục này", "No such file or directory"),
    errno.EACCES: ("không có quyền truy cập", "Permission denied"),
    errno.EPERM: ("thao tác không được phép", "Operation not permitted"),
    errno.ENOSPC: ("ổ đĩa đã hết chỗ trống", "No space left on device"),
    errno.EROFS: ("ổ đĩa chỉ cho đọc, không ghi được", "Read-only file system"),
    errno.EEXIST: ("tệp đã có sẵn", "File exists"),
    errno.EISDIR: ("đây là một thư mục, không phải tệp", "Is a directory"),
    errno.ENOTDIR: ("một phần của đường dẫn không phải là thư mục", "Not a directory"),
    errno.EBUSY: ("thiết bị hoặc tệp đang bận", "Device or resource busy"),
    errno.EIO: ("lỗi đọc ghi thiết bị", "Input/output error"),
    errno.ENAMETOOLONG: ("tên tệp quá dài", "File name too long"),
    errno.ENOTEMPTY: ("thư mục không trống", "Directory not empty"),
}
if hasattr(errno, "EDQUOT"):
    _ERRNO[errno.EDQUOT] = ("đã dùng hết hạn mức dung lượng đĩa", "Disk quota exceeded")

# Windows' own error numbers (OSError.winerror), whose texts Windows gives in its own language
_WINERROR: dict[int, tuple[str, str]] = {
    2: ("không tìm thấy tệp", "The system cannot find the file specified"),
    3: ("không tìm thấy đường dẫn", "The system cannot find the path specified"),
    5: ("không có quyền truy cập", "Access is denied"),
    19: ("ổ đĩa đang bị chống ghi", "The media is write protected"),
    21: ("ổ đĩa chưa sẵn sàng (đã rút ra?)", "The device is not ready"),
    32: (
        "tệp đang được một chương trình khác dùng",
        "The process cannot access the file because it is being used by another process",
    ),
    33: (
        "một chương trình khác đang khóa một phần của tệp",
        "The process cannot access the file because another process has locked a portion of the file",
    ),
    112: ("ổ đĩa đã hết chỗ trống", "There is not enough space on the disk"),
}

# SQLite's messages (str(sqlite3.Error)) about the file itself
_SQLITE: dict[str, tuple[str, str]] = {
    "file is not a database": ("tệp không phải là cơ sở dữ liệu SQLite", "file is not a database"),
    "file is encrypted or is not a database": (
        "tệp không phải là cơ sở dữ liệu SQLite (hoặc đã bị mã hóa)", "file is encrypted or is not a database",
    ),
    "database disk image is malformed": ("tệp cơ sở dữ liệu bị hỏng", "database disk image is malformed"),
    "database is locked": ("cơ sở dữ liệu đang bị chương trình khác khóa", "database is locked"),
    "disk i/o error": ("lỗi đọc ghi ổ đĩa", "disk I/O error"),
    "unable to open database file": ("không mở được tệp cơ sở dữ liệu", "unable to open database file"),
    "database or disk is full": ("ổ đĩa hoặc cơ sở dữ liệu đã đầy", "database or disk is full"),
    "attempt to write a readonly database": (
        "cơ sở dữ liệu chỉ cho đọc, không ghi được", "attempt to write a readonly database",
    ),
}


def _known_texts() -> dict[str, tuple[str, str]]:
    """Every English text recognised, lower case -> (vi, en)."""
    known: dict[str, tuple[str, str]] = {}
    for number, pair in _ERRNO.items():
        known[pair[1].lower()] = pair
        known[os.strerror(number).lower()] = pair  # this system's own words, should they differ
    for pair in _WINERROR.values():
        known[pair[1].lower()] = pair
    known.update(_SQLITE)
    return known


_KNOWN = _known_texts()
# how str(OSError) looks: "[Errno 13] Permission denied: 'x'" or "[WinError 32] The process ...: 'x'"
_OS_ERROR_TEXT = re.compile(r"^\[(Errno|WinError) (-?\d+)\] ([^:]*?)\.?(: .*)?$", re.S)


def os_reason(exc: OSError) -> str:
    """Why an OSError happened, in words of both languages when the number is
    a common one; otherwise its own text."""
    pair = _WINERROR.get(getattr(exc, "winerror", None) or 0) or _ERRNO.get(exc.errno or 0)
    if pair:
        return Words(*pair)
    return exc.strerror or str(exc) or type(exc).__name__


def error_reason(exc: BaseException) -> str:
    """The reason of an OSError or an SQLite error (or any other) for a message."""
    if isinstance(exc, OSError):
        return os_reason(exc)
    text = str(exc) or type(exc).__name__
    pair = _SQLITE.get(text.strip().lower())
    return Words(*pair) if pair else text


def known_words(text: str) -> Words | None:
    """The two languages' words of an English OS or SQLite text, or None."""
    if isinstance(text, Words):
        return text
    stripped = text.strip()
    pair = _KNOWN.get(stripped.rstrip(".").lower())
    if pair:
        return Words(*pair)
    match = _OS_ERROR_TEXT.match(stripped)
    if match:
        kind, number, words, rest = match.groups()
        table = _WINERROR if kind == "WinError" else _ERRNO
        pair = table.get(int(number)) or _KNOWN.get(words.lower())
        if pair:
            return Words(pair[0] + (rest or ""), pair[1] + (rest or ""))
    return None


def localize(value: Any, lang: str) -> Any:
    """``value`` in ``lang`` when it is a ``Words`` or a known English reason; otherwise as it is."""
    if isinstance(value, Words):
        return value.in_language(lang)
    if lang == "vi" and isinstance(value, str) and value:
        found = known_words(value)
        if found is not None:
            return found.vi
    return value


def join(parts: Iterable[str], separator: str = "; ") -> str:
    """``separator.join(parts)``, keeping both languages of the parts that have them."""
    parts = list(parts)
    if not any(isinstance(p, Words) for p in parts):
        return separator.join(parts)
    return Words(
        separator.join(localize(p, "vi") for p in parts),
        separator.join(str.__str__(p) for p in parts),
    )
