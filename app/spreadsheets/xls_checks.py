"""Checking an OLE2 compound file (.xls, or an encrypted .xlsx) before calamine.

A password-protected .xlsx is not a zip at all: Excel wraps the encrypted
package in an OLE2 file with ``EncryptionInfo`` and ``EncryptedPackage``
streams. An .xls is an OLE2 file with a ``Workbook`` (or ``Book``) stream of
BIFF records; a FILEPASS record near its start means it is encrypted.

calamine parses every sheet of an .xls when it opens it, trusting the
records: a DIMENSIONS record, a shared-string count (SST) or one cell at
row 65535, column 65535 make it reserve gigabytes up front, which aborts
the process. The records are walked here first (a few hundred thousand
for a big roster: the cost is measured in benchmarks/read_roster.py).
"""
from __future__ import annotations

import re
import struct
from array import array
from functools import lru_cache
from pathlib import Path

from app.spreadsheets.limits import Limits, WorkbookError, count, refuse, too_many_cells, too_many_cells_in_all

__all__ = ["check_ole"]

_END = 0xFFFFFFFE
_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")
_HH = struct.Struct("<HH")
_CELLS = frozenset((0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006))
_MULRK, _LABELSST, _LABEL, _DIMENSIONS, _MERGECELLS = 0x00BD, 0x00FD, 0x0204, 0x0200, 0x00E5
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _SST, _CONTINUE = 0x0809, 0x000A, 0x002F, 0x0085, 0x00FC, 0x003C


MINI_CUTOFF = 4096  # [MS-CFB]: the only value there is, and the one calamine uses
# calamine builds every sheet of an .xls (hidden ones, charts) when it opens the file: all of them
# together may hold this many times one sheet's limit (as app.spreadsheets.reading allows the sheets it keeps)
ROWS = 65_536  # BIFF8 rows are 16-bit


def check_ole(data: bytes, path: Path, limits: Limits) -> None:
    """Refuses an encrypted workbook, anything not an .xls, and an .xls whose
    records would make calamine allocate past the limits."""
    cfb = _Compound(data, path)
    names = cfb.names()
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise refuse("workbook.encrypted", path)
    book = "Workbook" if "Workbook" in names else "Book" if "Book" in names else None
    if book is None:
        for stream, kind in (("WordDocument", "Word (.doc)"), ("PowerPoint Document", "PowerPoint (.ppt)")):
            if stream in names:
                raise refuse("workbook.not_spreadsheet", path, kind=kind)
        raise refuse("workbook.unknown_format", path)
    _check_biff(cfb.stream(names[book]), path, limits)


class _Compound:
    """Just enough of [MS-CFB] to list the streams and read one, with every
    sector number checked against the file (a cut file points past its end)."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.path = data, path
        if len(data) < 512:
            raise refuse("workbook.truncated", path)
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise self._bad("sector size")
        self.size = 1 << shift
        self.sectors = (len(data) - self.size) // self.size
        n_fat, first_dir, _, cutoff, first_mini, _, first_difat, n_difat = struct.unpack_from("<8I", data, 44)
        if cutoff != MINI_CUTOFF:  # calamine always takes 4096: any other would make us read other bytes
            raise self._bad(f"mini stream cutoff {cutoff}")
        self.cutoff = cutoff
        difat = list(array("I", data[76:512]))
        sid = first_difat
        for _ in range(min(n_difat, self.sectors)):
            if sid >= _END - 1:
                break
            block = array("I", self._sector(sid))
            difat += block[:-1]
            sid = block[-1]
        fat_sids = [s for s in difat[:n_fat] if s < _END - 4]
        if len(fat_sids) > self.sectors:
            raise self._bad("FAT")
        self.fat = array("I", b"".join(self._sector(s) for s in fat_sids))
        self.entries = self._directory(self._chain(first_dir))
        root = self.entries[0] if self.entries else (None, 5, _END, 0)
        self.mini_stream = self._chain(root[2])[:root[3]]
        self.mini_fat = array("I", self._chain(first_mini)) if first_mini < _END - 4 else array("I")

    def _bad(self, what: str) -> WorkbookError:
        return refuse("workbook.unreadable", self.path, detail=f"OLE2: {what}")

    def _sector(self, sid: int) -> bytes:
        start = (sid + 1) * self.size
        if start + self.size > len(self.data):
            raise refuse("workbook.truncated", self.path)
        return self.data[start:start + self.size]

    def _chain(self, sid: int, fat: array | None = None, read=None) -> bytes:
        fat = self.fat if fat is None else fat
        read = read or self._sector
        parts = []
        for _ in range(len(fat) + 1):  # a loop in the chain ends here
            if sid >= _END - 4:
                return b"".join(parts)
            if sid >= len(fat):
                raise refuse("workbook.truncated", self.path)
            parts.append(read(sid))
            sid = fat[sid]
        raise self._bad("sector chain loops")

    def _directory(self, raw: bytes) -> list[tuple[str, int, int, int]]:
        entries = []
        for at in range(0, len(raw) - 127, 128):
            name_len, kind = struct.unpack_from("<HB", raw, at + 64)
            start, size = struct.unpack_from("<II", raw, at + 116)
            name = raw[at:at + max(min(name_len, 64) - 2, 0)].decode("utf-16-le", "replace")
            if kind in (1, 2, 5) and "\x00" in name:  # the length and the NUL must say the same name
                raise self._bad(f"directory entry {at // 128}: name length {name_len} past its end")
            entries.append((name, kind, start, size))
        return entries

    def names(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, (name, kind, _start, _size) in enumerate(self.entries):
            if kind not in (1, 2):
                continue
            if name in found and name in ("Workbook", "Book"):  # which one a reader takes is anyone's guess
                raise self._bad(f"two {name} streams")
            found.setdefault(name, i)
        return found

    def stream(self, index: int) -> bytes:
        _, _, start, size = self.entries[index]
        if size > len(self.data):
            raise refuse("workbook.truncated", self.path)
        if size >= self.cutoff:
            return self._chain(start)[:size]

        def mini(sid: int) -> bytes:
            piece = self.mini_stream[sid * 64:sid * 64 + 64]
            if len(piece) < 64:
                raise refuse("workbook.truncated", self.path)
            return piece

        return self._chain(start, self.mini_fat, mini)[:size]


def _check_biff(wb: bytes, path: Path, limits: Limits) -> None:
    sheets, lengths = _globals(wb, path)
    text = 0
    grids: list[int | None] = []  # cells of each sheet's grid; None: only the fast bound is known
    bound = 0
    for name, pos in sheets:
        if pos >= len(wb):
            raise refuse("workbook.truncated", path)
        fast = _sheet_fast(wb, pos, name, lengths, path, limits)
        if fast is not None:
            cells, cols = fast
            grids.append(None)
            bound += ROWS * (cols + 1)
        else:
            cells, grid = _sheet(wb, pos, name, lengths, path, limits)
            grids.append(grid)
            bound += grid
        text += cells
        if text > limits.max_text:
            raise refuse("workbook.too_much_text", path, size=f"{count(text)}+", limit=count(limits.max_text))
    limit = limits.max_cells_in_all
    if bound > limit:  # many sheets, or wide ones: measure each grid exactly
        total = 0
        for i, ((name, pos), grid) in enumerate(zip(sheets, grids)):
            total += grid if grid is not None else _sheet(wb, pos, name, lengths, path, limits)[1]
            if total > limit:
                raise too_many_cells_in_all(path, total, i + 1, limit)


def _globals(wb: bytes, path: Path) -> tuple[list[tuple[str, int]], list[int]]:
    """The sheets (name, offset) and the length of each shared string."""
    sheets: list[tuple[str, int]] = []
    lengths: list[int] = []
    biff8 = True
    pos, end = 0, len(wb)
    while pos + 4 <= end:
        typ, size = _HH.unpack_from(wb, pos)
        body, pos = pos + 4, pos + 4 + size
        if typ == _EOF:
            break
        if typ == _BOF and size >= 2:
            biff8 = _U16.unpack_from(wb, body)[0] == 0x0600
        elif typ == _FILEPASS:
            raise refuse("workbook.encrypted", path)
        elif typ == _BOUNDSHEET and size >= 8:
            sheets.append((_sheet_name(wb[body + 6:pos], biff8), _U32.unpack_from(wb, body)[0]))
        elif typ == _SST and size >= 8:
            segments = [wb[body + 8:pos]]
            while pos + 4 <= end and _HH.unpack_from(wb, pos)[0] == _CONTINUE:
                size = _HH.unpack_from(wb, pos)[1]
                segments.append(wb[pos + 4:pos + 4 + size])
                pos += 4 + size
            unique = struct.unpack_from("<i", wb, body + 4)[0]
            lengths = _string_lengths(segments, unique, path)
    return sheets, lengths


def _sheet_name(raw: bytes, biff8: bool) -> str:
    if not raw:
        return ""
    n = raw[0]
    if biff8 and len(raw) > 1:
        wide = raw[1] & 1
        chars = raw[2:2 + n * (2 if wide else 1)]
        return chars.decode("utf-16-le" if wide else "latin-1", "replace")
    return raw[1:1 + n].decode("cp1252", "replace")


def _string_lengths(segments: list[bytes], unique: int, path: Path) -> list[int]:
    """Characters of each SST string. calamine reserves ``unique`` strings
    before reading any, so the count must fit the bytes there (3 at least
    each); strings may run on into CONTINUE records."""
    room = sum(len(s) for s in segments)
    if unique < 0 or unique > room // 3 + 1:
        raise refuse("workbook.xml_bomb", path, part="Workbook/SST", detail=f"SST: {count(unique)} × ≥3 B > {count(room)} B")
    lengths: list[int] = []
    seg, at = 0, 0

    def take(n: int) -> None:  # skip n bytes that may cross into the next segment
        nonlocal seg, at
        while n > 0 and seg < len(segments):
            step = min(n, len(segments[seg]) - at)
            n -= step
            at += step
            if at >= len(segments[seg]):
                seg, at = seg + 1, 0

    def read(n: int) -> bytes:
        nonlocal seg, at
        if seg < len(segments) and at >= len(segments[seg]):
            seg, at = seg + 1, 0
        if seg >= len(segments) or at + n > len(segments[seg]):
            return b""
        out = segments[seg][at:at + n]
        take(n)
        return out

    head = struct.Struct("<HB").unpack_from
    for _ in range(unique):
        data = segments[seg] if seg < len(segments) else b""
        if at + 3 <= len(data):  # the usual case: the whole string inside this record
            cch, flags = head(data, at)
            after = at + 3 + (2 if flags & 0x8 else 0) + (4 if flags & 0x4 else 0)
            if after <= len(data):
                runs = _U16.unpack_from(data, at + 3)[0] if flags & 0x8 else 0
                ext = _U32.unpack_from(data, after - 4)[0] if flags & 0x4 else 0
                end = after + cch * (2 if flags & 1 else 1) + 4 * runs + ext
                if end <= len(data):
                    at = end
                    lengths.append(cch)
                    continue
        header = read(3)
        if len(header) < 3:
            break
        cch, flags = head(header)
        runs = _U16.unpack_from(read(2) or b"\0\0")[0] if flags & 0x8 else 0
        ext = _U32.unpack_from(read(4) or b"\0\0\0\0")[0] if flags & 0x4 else 0
        wide, left = flags & 1, cch
        while left > 0 and seg < len(segments):
            room_here = (len(segments[seg]) - at) // (2 if wide else 1)
            step = min(left, room_here)
            take(step * (2 if wide else 1))
            left -= step
            if left > 0:  # the characters go on in a CONTINUE record, after a new flag byte
                if at != 0:
                    seg, at = seg + 1, 0
                if seg < len(segments) and segments[seg]:
                    wide = segments[seg][0] & 1
                    at = 1
        take(4 * runs + ext)
        lengths.append(cch)
    return lengths


@lru_cache(maxsize=64)
def _plain_records(max_col: int) -> re.Pattern[bytes]:
    """A run of the fixed-size records most of a sheet is made of, with every
    cell in columns 0..``max_col``: matched in C instead of record by record."""
    col = b"[\\x00-" + re.escape(bytes([min(max_col, 255)])) + b"]\\x00"

    def record(typ: int, size: int, cell: bool = True) -> bytes:
        head = re.escape(struct.pack("<HH", typ, size))
        return head + (b".." + col + b".{%d}" % (size - 4) if cell else b".{%d}" % size)

    kinds = [record(0x00FD, 10), record(0x027E, 10), record(0x0203, 14), record(0x0205, 8),
             record(0x0201, 6, cell=False), record(0x0208, 16, cell=False)]  # BLANK (never kept), ROW
    return re.compile(b"(?:" + b"|".join(kinds) + b")*", re.DOTALL)


def _sheet_fast(wb: bytes, pos: int, name: str, lengths: list[int], path: Path,
                limits: Limits) -> tuple[int, int] | None:
    """The text a sheet's cells will hold and its last column, measured
    without looking at most records one by one; None when that cannot settle
    it and the exact walk must (more than 29 columns, where the 65,536 rows of
    the format no longer keep the grid under the limit, or much long text)."""
    start, end = pos, len(wb)
    cols = text = 0
    unpack = _HH.unpack_from
    rows_room = 65_536
    while True:
        pos = _plain_records(cols).match(wb, pos).end()
        if pos + 4 > end:
            break
        typ, size = unpack(wb, pos)
        body, pos = pos + 4, pos + 4 + size
        if typ == _EOF:
            break
        if typ in _CELLS and size >= 4:
            cols = max(cols, unpack(wb, body)[1])
            if typ == _LABELSST and size >= 10:
                i = _U32.unpack_from(wb, body + 6)[0]
                text += lengths[i] if i < len(lengths) else 0
            elif typ == _LABEL and size >= 8:
                text += _U16.unpack_from(wb, body + 6)[0]
        elif typ == _MULRK and size >= 6:
            cols = max(cols, unpack(wb, body)[1], _U16.unpack_from(wb, pos - 2)[0])
        elif typ == _DIMENSIONS:
            _dimensions(wb[body:pos], name, path, limits.max_cells)
        elif typ == _MERGECELLS and size >= 2 and size < 2 + 8 * _U16.unpack_from(wb, body)[0]:
            raise refuse("workbook.unreadable", path, detail=f"{name}: MERGECELLS")
        if rows_room * (cols + 1) > limits.max_cells:
            return None
    labels = wb.count(struct.pack("<HH", _LABELSST, 10), start, pos)
    text += labels * max(lengths, default=0)
    return (text, cols) if text <= limits.max_text else None


def _sheet(wb: bytes, pos: int, name: str, lengths: list[int], path: Path, limits: Limits) -> tuple[int, int]:
    """Walks one sheet's records to its EOF; returns the characters of text
    its cells will hold and the cells of its grid, from A1."""
    rows = cols = cells = text = 0
    end = len(wb)
    unpack = _HH.unpack_from
    limit = limits.max_cells
    n_strings = len(lengths)
    while pos + 4 <= end:
        typ, size = unpack(wb, pos)
        body, pos = pos + 4, pos + 4 + size
        if typ in _CELLS and size >= 4:
            r, c = unpack(wb, body)
            rows, cols, cells = max(rows, r), max(cols, c), cells + 1
            if typ == _LABELSST and size >= 10:
                i = _U32.unpack_from(wb, body + 6)[0]
                text += lengths[i] if i < n_strings else 0
            elif typ == _LABEL and size >= 8:
                text += _U16.unpack_from(wb, body + 6)[0]
        elif typ == _MULRK and size >= 6:
            r, first = unpack(wb, body)
            last = _U16.unpack_from(wb, pos - 2)[0]
            rows, cols, cells = max(rows, r), max(cols, first, last), cells + (size - 6) // 6
        elif typ == _DIMENSIONS:
            _dimensions(wb[body:pos], name, path, limit)
        elif typ == _MERGECELLS and size >= 2 and size < 2 + 8 * _U16.unpack_from(wb, body)[0]:
            raise refuse("workbook.unreadable", path, detail=f"{name}: MERGECELLS")
        elif typ == _EOF:
            break
    if (rows + 1) * (cols + 1) > limit or cells > limit:
        raise too_many_cells(path, name, rows + 1, cols + 1, limit, cells=cells)
    return text, (rows + 1) * (cols + 1) if cells else 0


def _dimensions(raw: bytes, name: str, path: Path, limit: int) -> None:
    """calamine reserves rows x columns of this record before reading a cell."""
    if len(raw) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", raw)
    elif len(raw) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", raw)
    else:
        return
    if last_row >= 1 and last_col >= 1:
        if last_row <= first_row or last_col <= first_col:
            raise refuse("workbook.unreadable", path, detail=f"{name}: DIMENSIONS")
        if (last_row - first_row) * (last_col - first_col) > limit:
            raise too_many_cells(path, name, last_row, last_col, limit)
