"""Measuring the XML parts of a package as they stream by, in bounded pieces.

calamine builds each sheet as one dense grid from A1 (row 0 of ``Sheet.rows``
is Excel row 1) to the last cell holding a value, so what must be known
before it runs is how far the cells reach, not how many there are: one
value at XFD1048576 is a grid of 17 billion cells.

Parsing every cell in Python would cost more than calamine's whole read, so
the common case goes at the speed of ``bytes.count``: when every cell tag of
a piece is written the plain way (``<c r="B7" ...>``, as Excel, LibreOffice
and openpyxl write), the row of the last valued cell and one regular
expression asking "is any cell beyond what we have seen?" settle the piece.
Anything unusual (namespace prefixes, cells without ``r``, odd spacing)
switches that part to an exact tokenizer that follows calamine's own rules.
"""
from __future__ import annotations

import re
from array import array
from functools import lru_cache
from html import unescape
from pathlib import Path

from app.spreadsheets.limits import count, refuse, too_many_cells

__all__ = ["CellReach", "SharedStrings", "sheet_parts"]

# An unusual cell tag (no r first, spacing, <c>), or a prefixed cell tag (<x:c ...>, </x:c >): not for the fast path.
_ODD = re.compile(rb'<c(?:[^ ofeu]| (?!r="))')
_PREFIXED_C = re.compile(rb"<(?:/)?[^\s<>/!?:]+:c[\s/>]")
# An end tag with spacing (</c >): calamine's XML reader takes it as the end of the cell.
_SPACED_END = re.compile(rb"</c\s")
_LOWER_REF = re.compile(rb"[A-Z]{0,3}[a-z]")
_STRICT_REF = re.compile(rb'<c r="[A-Z]{1,3}[1-9][0-9]{0,6}"')
_VALUED_REF = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"[^>]*(?<!/)>')
_LAST_REF = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"')
# Quote-aware: an attribute value may hold ">" or "/>" (the XML reader does not end the tag there).
_TAG = re.compile(rb"""<(/?)(?:[^\s<>/!?:]+:)?(row|c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"']*)["']""")
_ROW_REF = re.compile(rb"[A-Za-z]*([0-9]+)")
_CELL_REF = re.compile(rb"([A-Za-z]+)([0-9]+)")
# Everything but "<" and ">": what is left of a piece shows whether its tags alternate.
NOT_ANGLES = bytes(b for b in range(256) if b not in b"<>")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _letters(n: int) -> bytes:
    out = b""
    while n:
        n, rest = divmod(n - 1, 26)
        out = bytes([65 + rest]) + out
    return out


def _greater(value: bytes, klass: bytes, alphabet: bytes) -> bytes:
    """Alternatives matching a string of ``klass`` characters of the same
    length as ``value`` and greater than it (column letters and row digits
    both compare this way at equal length)."""
    options = []
    for i, ch in enumerate(value):
        higher = alphabet[alphabet.index(ch) + 1:]
        if higher:
            options.append(re.escape(value[:i]) + b"[" + higher[:1] + b"-" + higher[-1:] + b"]"
                           + klass + b"{%d}" % (len(value) - i - 1))
    return b"|".join(options) or b"(?!)"


@lru_cache(maxsize=64)
def _beyond(rows: int, cols: int) -> re.Pattern[bytes]:
    """One pass that finds what the fast path cannot vouch for: an unusual
    cell tag (no ``r`` first, ``<c>``, spacing), a lower-case or zero-led
    reference (calamine reads those too), or a cell holding something past
    row ``rows`` or column ``cols``."""
    letters = _letters(cols)
    digits = str(rows).encode() if rows else b""
    col_gt = b"[A-Z]{%d}" % (len(letters) + 1)
    if letters:
        col_gt += b"|" + _greater(letters, b"[A-Z]", bytes(range(65, 91)))
    row_gt = b"[0-9]{%d}" % (len(digits) + 1)
    if digits:
        row_gt += b'|(?:' + _greater(digits, b"[0-9]", b"0123456789") + b')"'
    valued = rb"[^>]*(?<!/)>"
    # Possessive letters: a plain reference fails after a step or two (this runs once per cell).
    return re.compile(rb'<c(?:[^ ofeu]| (?!r=")| r="(?:[A-Z]{0,3}+[a-z]|(?:' + col_gt + rb")" + valued
                      + rb"|[A-Z]{1,3}+(?:0|" + row_gt + rb")" + valued + rb"))")


class CellReach:
    """How far the valued cells of one worksheet part reach: ``rows`` and
    ``cols`` are the 1-based row and column of the furthest one."""

    def __init__(self, *, mode: str = "fast", skip: bool = False) -> None:
        self.mode = mode          # "fast", "refs" (every valued reference read) or "exact" (calamine's rules)
        self.skip = skip
        self.needs_exact = False  # something unusual: measure again, the exact way
        self.needs_refs = False   # the fast bound was too loose to decide: measure again, reading references
        self.cells = False
        self.rows = 0             # furthest valued row found so far (exact, or a lower bound in fast mode)
        self.cols = 0
        self.digits = 0           # no valued reference has more digits than this (fast mode)
        self.approx = False
        self.valued = 0  # cells with content: calamine lists them all before making the grid
        self._seeded = False
        self._row = 0
        self._col = 0

    def feed(self, piece: bytes, loose: bool = False) -> None:
        """``loose``: a ">" stands outside a tag's end (in an attribute value,
        where ``x="/>"`` would pass for a self-closed cell, or in text): the
        fast path's patterns cannot tell, the exact tokenizer can."""
        if self.mode == "exact":
            self._tokenize(piece)
            return
        if self.needs_exact or self.skip:
            return
        if loose or (b":c" in piece and _PREFIXED_C.search(piece)):
            self.needs_exact = True
            return
        tags = piece.count(b'<c r="')
        if piece.count(b"<c") != tags and _ODD.search(piece):
            self.needs_exact = True
            return
        # cells holding something (self-closed ones hold nothing); with </cols>, </cfRule>... a few too many
        valued = piece.count(b"</c")
        if valued != piece.count(b"</c>") and _SPACED_END.search(piece):
            self.needs_exact = True  # </c >: the plain counts below would miss the cell
            return
        if not valued and not self._seeded:
            return
        self.cells = True
        self.valued += valued
        if self.mode == "refs" or not self._seeded:
            self._seeded = True
            self._all_refs(piece)
            return
        end = piece.rfind(b"</c>")  # the last cell holding something
        if end > 0:
            m = _LAST_REF.match(piece, piece.rfind(b'<c r="', 0, end))
            if m:
                self._saw_row(int(m.group(2)))
        if self.cols > 26:  # two-letter columns: one regular expression instead of the table
            found = _beyond(self.rows, self.cols).search(piece)
            if found and (not piece.startswith(b' r="', found.start() + 2) or _LOWER_REF.match(piece, found.start() + 6)):
                self.needs_exact = True
            elif found:
                self._all_refs(piece)
            return
        # Every reference mapped to its shape: "A" a column already seen, "Z" one
        # further right, "0" any digit. Plain pieces then answer with two counts.
        shapes = piece.translate(_shape_table(self.cols))
        if shapes.count(b'<c r="A0') != tags or b'<c r="A' + b"0" * (self.digits + 1) in shapes:
            self._all_refs(piece)
        else:
            self.approx = True

    def _saw_row(self, row: int) -> None:
        if row > self.rows:
            self.rows = row
            self.digits = max(self.digits, len(str(row)))

    def _all_refs(self, piece: bytes) -> None:
        if len(_STRICT_REF.findall(piece)) != piece.count(b'<c r="'):
            self.needs_exact = True
            return
        refs = _VALUED_REF.findall(piece)
        if refs:
            widest = max({r[0] for r in refs}, key=lambda s: (len(s), s))
            self.cols = max(self.cols, _column_number(widest))
            self._saw_row(max(map(int, {r[1] for r in refs})))

    def _tokenize(self, piece: bytes) -> None:
        """calamine's rules: ``<row r>`` sets the row, ``</row>`` moves to the
        next; a cell without ``r`` takes the next column; a self-closed cell
        holds nothing but still takes its column."""
        for m in _TAG.finditer(piece):
            close, name, attrs = m.groups()
            self_closed = attrs.endswith(b"/")
            if name == b"row":
                if not close:
                    ref = _R_ATTR.search(attrs)
                    # calamine reads the row from the digits and ignores letters before them (r="A1048576")
                    found = _ROW_REF.fullmatch(ref.group(1)) if ref else None
                    if found and int(found.group(1)) > 0:
                        self._row = int(found.group(1)) - 1
                if close or self_closed:
                    self._row += 1
                    self._col = 0
                continue
            if close:
                continue
            self.cells = True
            row, col = self._row, self._col
            ref = _R_ATTR.search(attrs)
            if ref:
                m2 = _CELL_REF.fullmatch(ref.group(1))
                if m2 and int(m2.group(2)) > 0:
                    row, col = int(m2.group(2)) - 1, _column_number(m2.group(1)) - 1
            if not self_closed:
                self.valued += 1
                self.rows = max(self.rows, row + 1)
                self.cols = max(self.cols, col + 1)
            self._col = col + 1

    def over(self, max_cells: int) -> bool:
        return self.rows * self.cols > max_cells or self.valued > max_cells

    def check(self, path: Path, sheet: str, max_cells: int) -> None:
        """Refuses a sheet past ``max_cells``; when the fast bound (any row up
        to 10^digits - 1) cannot tell, asks for the references to be read."""
        if self.rows * self.cols > max_cells or self.valued > max_cells:
            raise too_many_cells(path, sheet, self.rows, self.cols, max_cells, cells=self.valued)
        if self.approx and (10 ** self.digits - 1) * self.cols > max_cells:
            self.needs_refs = True


@lru_cache(maxsize=32)
def _shape_table(cols: int) -> bytes:
    table = bytearray(range(256))
    for ch in b"0123456789":
        table[ch] = ord("0")
    for ch in range(65, 91):
        table[ch] = ord("A") if ch - 64 <= cols else ord("Z")
    return bytes(table)


_SST_TAG = re.compile(rb"<(?:[^\s<>/!?:]+:)?sst\b([^>]*)>")
_UNIQUE = re.compile(rb"""uniqueCount\s*=\s*["'](\d+)["']""")
_SI_END = re.compile(rb"</(?:[^\s<>/!?:]+:)?si\s*>|<(?:[^\s<>/!?:]+:)?si(?:\s[^<>]*)?/>")


class SharedStrings:
    """sharedStrings.xml: calamine reserves room for ``uniqueCount`` strings
    before reading one, so that number must match the strings really there;
    and the longest string, for the bound on text read out.

    Strings are measured between end tags, not start tags: calamine reads a
    string from its ``<si>`` to the first ``</si>`` after it, whatever stands
    between (``<si>a<si>b</si></si>`` is one string "ab", the second end a
    stray), so its string i ends at end tag i or a later one and is never
    longer than the longest stretch measured here. ``flat`` (measured with
    ``lengths``): every stretch holds exactly one start tag, so calamine's
    string i is stretch i."""

    def __init__(self, unique: int, lengths: array | None = None) -> None:
        self.part = ""
        self.unique = unique
        self.strings = 0
        self.longest = 0
        self.lengths = lengths  # when given: the (XML) length of every string, in order
        self.flat = True
        self._run = 0
        self._starts = 0

    @classmethod
    def of(cls, first_piece: bytes) -> SharedStrings | None:
        """A counter when this part is a shared-string table (its root is near the start)."""
        m = _SST_TAG.search(first_piece, 0, 4096)
        if not m:
            return None
        unique = _UNIQUE.search(m.group(1))
        return cls(int(unique.group(1)) if unique else 0)

    def feed(self, piece: bytes) -> None:
        plain = (b":si" not in piece and b"<si/" not in piece and piece.count(b"<si") == piece.count(b"<si>")
                 and piece.count(b"</si") == piece.count(b"</si>"))
        segments = piece.split(b"</si>") if plain else _SI_END.split(piece)
        self.strings += len(segments) - 1
        if self.lengths is not None:
            self._flat(segments, plain)
        self._run += len(segments[0])
        if len(segments) > 1:
            self.longest = max(self.longest, self._run, max(map(len, segments[1:-1]), default=0))
            if self.lengths is not None:
                self.lengths.append(self._run)
                self.lengths.extend(map(len, segments[1:-1]))
            self._run = len(segments[-1])

    def _flat(self, segments: list[bytes], plain: bool) -> None:
        if not plain:
            self.flat = False  # prefixed, spaced or self-closed tags: no claim that string i is stretch i
        if not self.flat:
            return
        starts = [s.count(b"<si>") for s in segments]
        starts[0] += self._starts
        if any(n != 1 for n in starts[:-1]):
            self.flat = False
        self._starts = starts[-1]

    def check(self, path: Path, part: str) -> None:
        self.part = part
        self.longest = max(self.longest, self._run)
        if self.unique > self.strings + self.strings // 10 + 1000:
            raise refuse("workbook.xml_bomb", path, part=part,
                         detail=f"uniqueCount={count(self.unique)} > {count(self.strings)} × <si>")

    def bounds(self) -> array:
        """For each index calamine may be given, the most text it can stand for."""
        if self.flat or self.lengths is None:
            return self.lengths
        out = array("I", self.lengths)
        for i in range(len(out) - 2, -1, -1):  # string i is stretch i or a later one
            out[i] = max(out[i], out[i + 1])
        return out


_SHEET = re.compile(rb"""<(?:[^\s<>/!?:]+:)?sheet\s[^>]*?name\s*=\s*["']([^"']*)["'][^>]*?\bid\s*=\s*["']([^"']*)["']""")
_REL = re.compile(rb"""<(?:[^\s<>/!?:]+:)?Relationship\s[^>]*?(?:Id\s*=\s*["']([^"']*)["'][^>]*?Target\s*=\s*["']([^"']*)["']|Target\s*=\s*["']([^"']*)["'][^>]*?Id\s*=\s*["']([^"']*)["'])""")


def sheet_parts(workbook_xml: bytes, rels_xml: bytes) -> dict[str, str]:
    """Part name -> sheet name, for messages ("xl/worksheets/sheet1.xml" -> "Danh sách")."""
    targets = {}
    for m in _REL.finditer(rels_xml):
        rid, target = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4), m.group(3))
        target = unescape(target.decode("utf-8", "replace"))
        targets[rid] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    names = {}
    for m in _SHEET.finditer(workbook_xml):
        part = targets.get(m.group(2))
        if part:
            names[part] = unescape(m.group(1).decode("utf-8", "replace"))
    return names
