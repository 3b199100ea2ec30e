"""Measuring an OpenDocument spreadsheet's content.xml before calamine reads it.

ODS has no cell addresses: a row is as wide as its cells, and
``table:number-columns-repeated`` / ``table:number-rows-repeated`` let a few
bytes stand for millions of cells. LibreOffice writes huge repeats of empty
cells at the end of every row and sheet, which calamine drops; a repeat of a
cell that holds a value it copies for real. So the reach of a sheet is
measured up to its last cell holding a value, one row at a time (a row is
cheap to measure with ``bytes.count``; cells are only walked in the rare rows
with merged cells, which ODS has no separate list for).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from html import unescape
from itertools import repeat
from operator import add
from pathlib import Path

from app.spreadsheets.limits import Limits, count, refuse, too_many_cells, too_many_cells_in_all

__all__ = ["OdsTables"]

_ROW = b"<table:table-row"
_TABLE_EDGE = re.compile(rb"<table:table(?=[\s>])([^>]*)>|</table:table>")
_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")
_ROWS_REPEATED = re.compile(rb"""table:number-rows-repeated\s*=\s*["']\+?(\d+)["']""")
_COLS_REPEATED = re.compile(rb"""table:number-columns-repeated\s*=\s*["']\+?(\d+)["']""")
_COLS_SPANNED = re.compile(rb"""table:number-columns-spanned\s*=\s*["']\+?(\d+)["']""")
_ROWS_SPANNED = re.compile(rb"""table:number-rows-spanned\s*=\s*["']\+?(\d+)["']""")
_CELL = re.compile(rb"<table:(?:covered-)?table-cell(?=[\s/>])([^>]*)>")
_SPACES = re.compile(rb"""text:c\s*=\s*["']\+?(\d+)["']""")
# What makes calamine keep a cell: a value, a string type, a formula.
_VALUE_MARKS = (b"office:", b"table:formula")
# Anything that needs a row looked at on its own: repeated rows, merged cells,
# runs of spaces, a table starting (its name) or ending.
_UNUSUAL = (b"rows-", b"-spanned", b"text:c", b"table:name", b"table:table>")
# <text:s text:c="N"/> is N spaces: calamine writes them all out.
MAX_SPACES = 10_000
MAX_ROW_BYTES = 16 << 20
# calamine builds every table of content.xml when it opens the file: all of them together may hold
# this many times one sheet's limit (as app.spreadsheets.reading allows the sheets it keeps)


class OdsTables:
    """Fed content.xml piece by piece (pieces never cut a tag); checks each
    table's reach and collects its merged cells."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self._carry = b""
        self._piece = b""
        self._open = False  # inside a named table whose end tag has not come yet
        self._name: str | None = None
        self._index = self._height = self._width = self._text = 0
        self._all = self._tables = 0

    def feed(self, piece: bytes) -> None:
        buf = self._carry + piece
        parts = buf.split(_ROW)
        self._between(parts[0])
        rows = parts[1:-1]
        self._carry = _ROW + parts[-1] if len(parts) > 1 else b""
        if len(self._carry) > MAX_ROW_BYTES:
            raise refuse("workbook.xml_bomb", self.path, part="content.xml", detail="a row over 16 MB")
        if not rows:
            return
        if any(word in buf for word in _UNUSUAL):
            for row in rows:
                self._row(row)
        else:
            self._piece = buf
            self._plain_rows(rows)

    def _plain_rows(self, rows: list[bytes]) -> None:
        """Rows without row repeats, merges, spaces or a table boundary (most
        of a sheet), measured with one C-level pass per question over all of
        them instead of Python work per row."""
        lasts = list(map(bytes.rfind, rows, repeat(_VALUE_MARKS[0])))
        if _VALUE_MARKS[1] in self._piece:
            lasts = list(map(max, lasts, map(bytes.rfind, rows, repeat(_VALUE_MARKS[1]))))
        stops = list(map(bytes.find, rows, repeat(b">"), lasts))
        widths = list(map(bytes.count, rows, repeat(b"<table:table-cell"), repeat(0), stops))
        if b"covered" in self._piece:
            widths = list(map(add, widths, map(bytes.count, rows, repeat(b"<table:covered-table-cell"), repeat(0), stops)))
        for i, at in enumerate(map(bytes.find, rows, repeat(b"columns-repeated"), repeat(0), stops)):
            if at >= 0 and lasts[i] >= 0:
                widths[i] += self._repeated_cells(rows[i], 0, stops[i] + 1, 1)
        valued = [i for i, last in enumerate(lasts) if last >= 0]
        if valued:
            self._width = max(self._width, max(widths[i] for i in valued))
            self._height = self._index + valued[-1] + 1
            self._check_area()
            self._check_text()
        self._index += len(rows)

    def finish(self) -> dict[str, list[tuple[int, int, int, int]]]:
        if self._carry:
            self._row(self._carry[len(_ROW):])
            self._carry = b""
        self._close_table()
        if self._open:
            # calamine reads a named table until its end tag: without one it never stops
            raise refuse("workbook.unreadable", self.path, detail="content.xml: <table:table> without </table:table>")
        return self.merged

    def _between(self, text: bytes) -> None:
        """Text outside rows: where a table starts (its name) or ends."""
        for m in _TABLE_EDGE.finditer(text):
            self._close_table()
            if m.group(0).startswith(b"</"):
                self._open = False
                continue
            name = _NAME.search(m.group(1))
            self._name = unescape(name.group(1).decode("utf-8", "replace")) if name else ""
            self._open = name is not None

    def _check_area(self) -> None:
        limit = self.limits.max_cells
        if self._height * self._width > limit:
            raise too_many_cells(self.path, self._name or "", self._height, self._width, limit)

    def _close_table(self) -> None:
        if self._name is not None:
            self._check_area()
            self._all += self._height * self._width
            self._tables += 1
            limit = self.limits.max_cells_in_all
            if self._all > limit:
                raise too_many_cells_in_all(self.path, self._all, self._tables, limit)
        self._name = None
        self._index = self._height = self._width = 0

    def _row(self, s: bytes) -> None:
        times = 1
        if s[:1] not in (b" ", b">", b"\t", b"\n", b"\r"):  # table-rows, table-row-group...
            self._between(s)
            return
        tag_end = s.find(b">")
        if tag_end < 0:
            return
        if s.find(b"rows-repeated", 0, tag_end) >= 0:
            m = _ROWS_REPEATED.search(s, 0, tag_end)
            times = max(int(m.group(1)), 1) if m else 1
        if s[tag_end - 1:tag_end] == b"/":  # <table:table-row/>: empty rows, which calamine counts all the same
            self._index += times
            self._between(s[tag_end:])
            return
        end = s.find(b"</table:table-row>", tag_end)
        body_end = end if end >= 0 else len(s)
        if s.find(b"text:c", tag_end, body_end) >= 0:
            self._spaces(s, tag_end, body_end, times)
        last = max(s.rfind(mark, tag_end, body_end) for mark in _VALUE_MARKS)
        if last >= 0:
            stop = s.find(b">", last, body_end)
            stop = body_end if stop < 0 else stop + 1
            width = s.count(b"<table:table-cell", tag_end, stop) + s.count(b"<table:covered-table-cell", tag_end, stop)
            if s.find(b"columns-repeated", tag_end, stop) >= 0:
                width += self._repeated_cells(s, tag_end, stop, times)
            if s.find(b"-spanned", tag_end, body_end) >= 0:
                self._spans(s, tag_end, body_end)
            self._width = max(self._width, width)
            self._height = self._index + times
            self._check_area()
            self._text += (times - 1) * (body_end - tag_end)
            self._check_text()
        self._index += times
        if end >= 0:
            self._between(s[end:])

    def _repeated_cells(self, s: bytes, start: int, stop: int, times: int) -> int:
        """Extra columns from repeated cells; a repeated cell with a value is
        copied that many times, its text with it."""
        extra = 0
        cells = list(_CELL.finditer(s, start, stop))
        for i, m in enumerate(cells):
            found = _COLS_REPEATED.search(m.group(1))
            if not found:
                continue
            n = int(found.group(1))
            extra += max(n, 1) - 1
            if any(mark in m.group(1) for mark in _VALUE_MARKS):
                size = (cells[i + 1].start() if i + 1 < len(cells) else stop) - m.start()
                self._text += (n - 1) * size * times
        return extra

    def _spans(self, s: bytes, start: int, stop: int) -> None:
        col = 0
        row = self._index
        for m in _CELL.finditer(s, start, stop):
            attrs = m.group(1)
            found = _COLS_REPEATED.search(attrs)
            across = _COLS_SPANNED.search(attrs)
            down = _ROWS_SPANNED.search(attrs)
            cols = int(across.group(1)) if across else 1
            rows = int(down.group(1)) if down else 1
            if cols > 1 or rows > 1:
                self.merged.setdefault(self._name or "", []).append((row, col, row + rows - 1, col + cols - 1))
            col += max(int(found.group(1)), 1) if found else 1

    def _spaces(self, s: bytes, start: int, stop: int, times: int) -> None:
        """Runs of spaces, written out by calamine in every copy of their cell:
        ``times`` rows, and as many columns as the cell is repeated."""
        cells = list(_CELL.finditer(s, start, stop))
        starts = [m.start() for m in cells]
        for m in _SPACES.finditer(s, start, stop):
            n = int(m.group(1))
            if n > MAX_SPACES:
                raise refuse("workbook.xml_bomb", self.path, part="content.xml", detail=f"text:c={count(n)}")
            at = bisect_right(starts, m.start()) - 1
            found = _COLS_REPEATED.search(cells[at].group(1)) if at >= 0 else None
            self._text += n * times * (max(int(found.group(1)), 1) if found else 1)
        self._check_text()

    def _check_text(self) -> None:
        if self._text > self.limits.max_text:
            raise refuse("workbook.too_much_text", self.path, size=f"{count(self._text)}+ B",
                         limit=f"{count(self.limits.max_text)} B")
