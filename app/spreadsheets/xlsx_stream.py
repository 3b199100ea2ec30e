"""A one-sheet .xlsx written as a stream: for rosters of any length.

The long roster export must be at least as fast as bare openpyxl write-only
output of the same cells (DESIGN.md) while looking like a printed document:
borders on every cell of the table, Times New Roman, A4 fitted to width,
the header row repeated on each page. openpyxl's write-only mode with styled
cells is several times slower than its bare output; xlsxwriter's
``constant_memory`` mode, styled, measured about as fast as bare openpyxl and
no faster (its cost is per cell, ~5 µs). So the table's rows are turned into
SpreadsheetML here, one string per row, and deflated straight into the zip:
memory stays flat and 50,000 rows take well under half the baseline's time
(``benchmarks/export_roster.py``).

Only what a roster needs: one worksheet; text (inline strings, always
``t="inlineStr"``: user text is never a formula) and numbers; the formats of
``STYLES``; merged cells in rows above and below the table; column widths,
row heights, frozen panes, print titles and page setup. The layout of the
letterhead comes from ``app.spreadsheets.xlsx_writing`` (the same placements the report uses).
"""
from __future__ import annotations

import re
import zipfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Iterable, Sequence

from app.spreadsheets.cells import column_letter

__all__ = ["StreamSheet", "STYLES", "excel_moment"]

# Cell formats (cellXfs), by name; the index is the position. Fonts, fills and
# borders are the lists below. quotePrefix: Excel keeps the text text even
# when the cell is edited.
_FONTS = (
    '<font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><i/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><b/><u/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><b/><sz val="14"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><sz val="11"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><b/><sz val="11"/><name val="Times New Roman"/><family val="1"/></font>',
    '<font><b/><sz val="13"/><color rgb="FFC00000"/><name val="Times New Roman"/><family val="1"/></font>',
)
_FILLS = (
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>',
)
_THIN = '<{0} style="thin"><color auto="1"/></{0}>'
_BORDERS = (
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
    "<border>" + "".join(_THIN.format(s) for s in ("left", "right", "top", "bottom")) + "<diagonal/></border>",
)
_CENTER = '<alignment horizontal="center" vertical="center"/>'
_CENTER_WRAP = '<alignment horizontal="center" vertical="center" wrapText="1"/>'
_VCENTER = '<alignment vertical="center"/>'
_TOP_WRAP = '<alignment vertical="top" wrapText="1"/>'
# name: (font, fill, border, alignment xml, quote prefix)
_XFS: tuple[tuple[str, int, int, int, str, bool], ...] = (
    ("plain", 0, 0, 0, "", False),
    ("center", 0, 0, 0, _CENTER, False),
    ("center_bold", 1, 0, 0, _CENTER, False),
    ("center_italic", 2, 0, 0, _CENTER, False),
    ("motto", 3, 0, 0, _CENTER, False),
    ("title", 4, 0, 0, _CENTER, False),
    ("subtitle", 1, 0, 0, _CENTER_WRAP, False),
    ("head", 6, 2, 1, _CENTER_WRAP, False),
    ("line", 5, 0, 1, _VCENTER, False),
    ("line_quoted", 5, 0, 1, _VCENTER, True),
    ("line_center", 5, 0, 1, _CENTER, False),
    ("demo_mark", 7, 0, 0, _CENTER, False),
    ("line_wrap", 5, 0, 1, _TOP_WRAP, False),
    ("line_wrap_quoted", 5, 0, 1, _TOP_WRAP, True),
    ("line_moment", 5, 0, 1, _TOP_WRAP, False),
)
# Number formats of the styles that are not general: a moment shows as a date
# and time, and sorts and filters as one.
MOMENT_FORMAT = "dd/mm/yyyy hh:mm:ss"
_NUMBER_FORMATS = {"line_moment": 164}
_QUOTED = {"line": "line_quoted", "line_wrap": "line_wrap_quoted"}
STYLES = {name: n for n, (name, *_rest) in enumerate(_XFS)}

_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Not allowed in XML 1.0: written the way Excel writes them, _xHHHH_.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_RISKY = ("=", "+", "-", "@", "\t", "\r")

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _illegal(match: re.Match) -> str:
    return f"_x{ord(match.group()):04X}_"


def _text(value: str) -> str:
    text = value.translate(_ESCAPE)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def excel_moment(moment: datetime) -> float:
    """A moment as Excel stores one (days since 30/12/1899), on the clock it was
    written with: the wall time the person saw, whatever this PC's zone."""
    return (moment.replace(tzinfo=None) - _EXCEL_EPOCH) / timedelta(days=1)


_EXCEL_EPOCH = datetime(1899, 12, 30)


class StreamSheet:
    """Rows written in order, 0-based like xlsxwriter; ``close()`` finishes
    the package. The caller owns the file name (see ``app.spreadsheets.xlsx_writing``)."""

    def __init__(self, path: Path | str, name: str, *, widths: Sequence[float], landscape: bool) -> None:
        self.name = name
        self.widths = list(widths)
        self.landscape = landscape
        self.merges: list[str] = []
        self.repeat: tuple[int, int] | None = None
        self.freeze: tuple[int, int] | None = None
        self.next_row = 0
        self._letters = [column_letter(i) for i in range(max(len(self.widths), 1) + 26)]
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self._sheet = None

    # -- before the first row ---------------------------------------------------------

    def freeze_panes(self, row: int, col: int) -> None:
        self.freeze = (row, col)

    def repeat_rows(self, first: int, last: int) -> None:
        self.repeat = (first, last)

    def _open_sheet(self) -> None:
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        pane = ""
        if self.freeze:
            r, c = self.freeze
            cell = f"{self._letters[c]}{r + 1}"
            pane = (f'<pane xSplit="{c}" ySplit="{r}" topLeftCell="{cell}" activePane="bottomRight" state="frozen"/>'
                    f'<selection pane="bottomRight" activeCell="{cell}" sqref="{cell}"/>')
        cols = "".join(
            f'<col min="{n + 1}" max="{n + 1}" width="{w + 0.71:.2f}" customWidth="1"/>' for n, w in enumerate(self.widths)
        )
        head = (
            f'{XML}<worksheet {NS} {NS_R}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<sheetViews><sheetView showGridLines="0" tabSelected="1" workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15.75"/><cols>{cols}</cols><sheetData>'
        )
        self._sheet.write(head.encode("utf-8"))

    # -- rows ---------------------------------------------------------------------------

    def _emit(self, text: str) -> None:
        if self._sheet is None:
            self._open_sheet()
        if _ILLEGAL.search(text):
            text = _ILLEGAL.sub(_illegal, text)
        self._sheet.write(text.encode("utf-8"))

    def row(self, row: int, cells: Iterable[tuple[int, Any, str]], *, height: float | None = None) -> None:
        """Any row: (column, value, style name) cells; text is always text."""
        if row < self.next_row:
            raise ValueError(f"row {row} comes after row {self.next_row - 1}")
        r = row + 1
        parts = [f'<row r="{r}"' + (f' ht="{height}" customHeight="1">' if height else ">")]
        for col, value, style in cells:
            ref = f"{self._letters[col]}{r}"
            if isinstance(value, str) and style in _QUOTED and value.startswith(_RISKY):
                style = _QUOTED[style]
            s = STYLES[style]
            if value is None or value == "":
                parts.append(f'<c r="{ref}" s="{s}"/>')
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                parts.append(f'<c r="{ref}" s="{s}"><v>{value}</v></c>')
            else:
                parts.append(f'<c r="{ref}" s="{s}" t="inlineStr">{_text(str(value))}</c>')
        parts.append("</row>")
        self._emit("".join(parts))
        self.next_row = row + 1

    def merge(self, row: int, first_col: int, last_col: int, value: Any, style: str,
              *, height: float | None = None) -> None:
        """One merged stretch of a row (the letterhead, titles, signature)."""
        cells = [(first_col, value, style)] + [(c, None, style) for c in range(first_col + 1, last_col + 1)]
        if last_col > first_col:
            self.merges.append(f"{self._letters[first_col]}{row + 1}:{self._letters[last_col]}{row + 1}")
        self.row(row, cells, height=height)

    def merged_row(self, row: int, spans: list[tuple[int, int, Any, str]], *, height: float | None = None) -> None:
        """Several merged stretches side by side in one row."""
        cells = []
        for first_col, last_col, value, style in spans:
            cells += [(first_col, value, style)] + [(c, None, style) for c in range(first_col + 1, last_col + 1)]
            if last_col > first_col:
                self.merges.append(f"{self._letters[first_col]}{row + 1}:{self._letters[last_col]}{row + 1}")
        self.row(row, cells, height=height)

    def table_rows(self, first_row: int, rows: Iterable[Sequence[Any]], *, every: int = 0, tick=None,
                   centered: Iterable[int] = ()) -> int:
        """The hot path: bordered rows of the table from row ``first_row``,
        column A a number and the rest text ("" for an empty, bordered
        cell). ``tick(n)`` is called every ``every`` rows. Returns how many
        rows were written."""
        if first_row < self.next_row:
            raise ValueError(f"row {first_row} comes after row {self.next_row - 1}")
        letters = self._letters
        line, quoted, center = STYLES["line"], STYLES["line_quoted"], STYLES["line_center"]
        # the style of each column's plain text; risky text always gets the quote prefix
        plain = [center if col in set(centered) else line for col in range(len(self._letters))]
        write = self._emit
        r = first_row  # the 1-based number of the row before
        n = 0
        chunk: list[str] = []
        for values in rows:
            r += 1
            n += 1
            parts = [f'<row r="{r}"><c r="A{r}" s="{center}"><v>{values[0]}</v></c>']
            for col in range(1, len(values)):
                text = values[col]
                if not text:
                    parts.append(f'<c r="{letters[col]}{r}" s="{plain[col]}"/>')
                    continue
                s = quoted if text.startswith(_RISKY) else plain[col]
                parts.append(f'<c r="{letters[col]}{r}" s="{s}" t="inlineStr">{_text(text)}</c>')
            parts.append("</row>")
            chunk.append("".join(parts))
            if every and n % every == 0:
                write("".join(chunk))
                chunk.clear()
                if tick is not None:
                    tick(n)
        if chunk:
            write("".join(chunk))
        self.next_row = r
        return n

    # -- the end ------------------------------------------------------------------------

    def close(self) -> None:
        if self._sheet is None:
            self._open_sheet()
        tail = "</sheetData>"
        if self.merges:
            tail += f'<mergeCells count="{len(self.merges)}">' + "".join(
                f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>"
        orientation = "landscape" if self.landscape else "portrait"
        tail += (
            '<printOptions horizontalCentered="1"/>'
            '<pageMargins left="1.18" right="0.59" top="0.79" bottom="0.79" header="0.3" footer="0.3"/>'
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToHeight="0"/>'
            '<headerFooter><oddFooter>&amp;C&amp;"Times New Roman,Regular"&amp;10Trang &amp;P/&amp;N</oddFooter></headerFooter>'
            "</worksheet>"
        )
        self._sheet.write(tail.encode("utf-8"))
        self._sheet.close()
        self._write_package()
        self._zip.close()

    def abandon(self) -> None:
        try:
            if self._sheet is not None:
                self._sheet.close()
        finally:
            self._zip.close()

    def _write_package(self) -> None:
        z = self._zip
        name = self.name.replace("&", "&amp;").replace("<", "&lt;").replace("'", "''")
        defined = ""
        if self.repeat:
            first, last = self.repeat
            defined = (f'<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'
                       f"'{name}'!${first + 1}:${last + 1}</definedName></definedNames>")
        z.writestr("[Content_Types].xml", (
            f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'))
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        z.writestr("_rels/.rels", (
            f'{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/_rels/workbook.xml.rels", (
            f'{XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>'))
        z.writestr("xl/workbook.xml", (
            f'{XML}<workbook {NS} {NS_R}><bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>{defined}</workbook>'))
        xfs = "".join(
            f'<xf numFmtId="{_NUMBER_FORMATS.get(name, 0)}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"'
            + (' applyNumberFormat="1"' if name in _NUMBER_FORMATS else "")
            + (' applyFont="1"' if font else "") + (' applyFill="1"' if fill else "")
            + (' applyBorder="1"' if border else "") + (' applyAlignment="1"' if align else "")
            + (' quotePrefix="1"' if quote else "") + (f">{align}</xf>" if align else "/>")
            for name, font, fill, border, align, quote in _XFS
        )
        z.writestr("xl/styles.xml", (
            f'{XML}<styleSheet {NS}>'
            f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{MOMENT_FORMAT}"/></numFmts>'
            f'<fonts count="{len(_FONTS)}">{"".join(_FONTS)}</fonts>'
            f'<fills count="{len(_FILLS)}">{"".join(_FILLS)}</fills>'
            f'<borders count="{len(_BORDERS)}">{"".join(_BORDERS)}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(_XFS)}">{xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"))
