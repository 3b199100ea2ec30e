"""Reading a roster workbook (.xlsx, .xls, .ods) that came from anywhere.

python-calamine reads all three formats many times faster than openpyxl, but
it trusts the file: a few hundred hostile bytes can make it reserve
gigabytes, and a failed allocation in Rust ends the process. So the file is
checked first, from its bytes (never its name): size, what it really is, the
zip package's limits and every XML part (``app.spreadsheets.zip_checks``), or the
OLE2/BIFF records of an .xls (``app.spreadsheets.xls_checks``). Only then does calamine
read it, from the same open file, and only the visible sheets are kept.

``Sheet.rows`` is the grid as calamine gives it, from cell A1: row 0 is
Excel row 1 and column 0 is column A even when the data starts lower down.
An empty cell is ``""`` (calamine's empty value); numbers come as ``float``
(or ``int`` from some .xls cells): a citizen ID typed as a number is
``1234567890.0``. Dates are ``date``/``datetime``, times ``time``, durations
``timedelta``.
"""
from __future__ import annotations

import datetime
import errno
import io
import os
import stat
import struct
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Collection, Union

from app.os_words import os_reason
from app.spreadsheets.limits import Limits, WorkbookError, megabytes, refuse, sniff, too_many_cells
from app.spreadsheets.xls_checks import check_ole
from app.spreadsheets.zip_checks import check_package

__all__ = ["CellValue", "Sheet", "Limits", "WorkbookError", "read_workbook", "read_workbook_bytes",
           "read_regular_file", "DEFAULT_LIMITS"]

CellValue = Union[
    str, int, float, bool, datetime.date, datetime.datetime, datetime.time, datetime.timedelta, None
]

DEFAULT_LIMITS = Limits()


@dataclass
class Sheet:
    name: str
    rows: list[list[CellValue]]                # row 0 = Excel row 1, column 0 = column A
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (first_row, first_col, last_row, last_col), 0-based, inclusive


def read_workbook(
    path: Path | str, *, max_bytes: int = DEFAULT_LIMITS.max_bytes, max_cells: int = DEFAULT_LIMITS.max_cells,
    only: Collection[str] | None = None,
) -> list[Sheet]:
    """The visible worksheets of the file, in workbook order, read in this
    process (an untrusted file goes through ``app.spreadsheets.sandbox``, which
    reads it with this in a child process). Raises ``WorkbookError`` (a
    ``FrontDeskError``) with a ``workbook.*`` code and the file name for
    anything it will not or cannot read. With ``only``, just the worksheets of
    those names, hidden or not (a report's hidden ``_meta`` and ``_data``),
    after the same checks of the whole file."""
    path = Path(path)
    data = read_regular_file(path, max_bytes)
    return read_workbook_bytes(data, path, max_bytes=max_bytes, max_cells=max_cells, only=only)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``:
    never through a link, never a FIFO, a device or a folder (a FIFO named
    .xlsx would block the read for ever)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if os.path.islink(path):  # Windows has no O_NOFOLLOW: look first
            raise refuse("workbook.not_a_file", path)
        fd = os.open(path, flags)
    except WorkbookError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise refuse("workbook.not_a_file", path) from exc
        raise refuse("workbook.cannot_open", path, reason=os_reason(exc)) from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise refuse("workbook.not_a_file", path)
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > max_bytes:
            raise refuse("workbook.too_large", path, size=megabytes(info.st_size), limit=megabytes(max_bytes))
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while being read
        raise refuse("workbook.too_large", path, size=megabytes(len(data)), limit=megabytes(max_bytes))
    return data


def read_workbook_bytes(
    data: bytes, path: Path | str, *, max_bytes: int = DEFAULT_LIMITS.max_bytes,
    max_cells: int = DEFAULT_LIMITS.max_cells, only: Collection[str] | None = None,
) -> list[Sheet]:
    """``read_workbook`` of a file's bytes already read (``path`` names it in messages)."""
    path = Path(path)
    limits = replace(DEFAULT_LIMITS, max_bytes=max_bytes, max_cells=max_cells)
    size = len(data)
    if size > limits.max_bytes:
        raise refuse("workbook.too_large", path, size=megabytes(size), limit=megabytes(limits.max_bytes))
    if size == 0:
        raise refuse("workbook.empty", path)
    fh = io.BytesIO(data)
    container, kind = sniff(data[:8192])
    ods_merged: dict[str, list[tuple[int, int, int, int]]] = {}
    try:
        if container == "zip":
            ods_merged = check_package(fh, size, path, limits).merged
        elif container == "ole":
            check_ole(data, path, limits)
        elif kind:
            raise refuse("workbook.not_spreadsheet", path, kind=kind)
        else:
            raise refuse("workbook.unknown_format", path)
    except (struct.error, ValueError, IndexError, KeyError, OverflowError, UnicodeError, NotImplementedError,
            EOFError) as exc:
        # a structure so broken the checks trip over it (a zip "version 20.7" the zipfile module does
        # not know, found by tests/test_fuzz.py): calamine would not do better
        raise refuse("workbook.unreadable", path, detail=f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    fh.seek(0)
    return _read(fh, path, limits, ods_merged, only)


def _read(fh: BinaryIO, path: Path, limits: Limits, ods_merged: dict,
          only: Collection[str] | None = None) -> list[Sheet]:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    sheets: list[Sheet] = []
    total = 0
    try:
        with CalamineWorkbook.from_filelike(fh) as book:
            for meta in book.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                if (meta.name not in only) if only is not None else meta.visible != SheetVisibleEnum.Visible:
                    continue
                sheet = book.get_sheet_by_name(meta.name)
                end = sheet.end
                rows: list[list[CellValue]] = []
                if end is not None:
                    height, width = end[0] + 1, end[1] + 1
                    total += height * width
                    if height * width > limits.max_cells or total > limits.max_cells_in_all:
                        raise too_many_cells(path, meta.name, height, width, limits.max_cells)
                    rows = sheet.to_python(skip_empty_area=False)
                found = sheet.merged_cell_ranges
                merged = ([(a, b, c, d) for (a, b), (c, d) in found] if found is not None
                          else list(ods_merged.get(meta.name, [])))
                sheets.append(Sheet(meta.name, rows, merged))
    except WorkbookError:
        raise
    except Exception as exc:  # calamine's own errors: CalamineError and its kinds, ValueError, ...
        raise _calamine_failure(exc, path) from exc
    except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException (a BaseException)
        if type(exc).__name__ != "PanicException":
            raise
        raise refuse("workbook.unreadable", path, detail="calamine: " + str(exc)[:200]) from exc
    return sheets


def _calamine_failure(exc: Exception, path: Path) -> WorkbookError:
    from python_calamine import PasswordError

    if isinstance(exc, PasswordError):
        return refuse("workbook.encrypted", path)
    return refuse("workbook.unreadable", path, detail=f"{type(exc).__name__}: {str(exc)[:200]}")
