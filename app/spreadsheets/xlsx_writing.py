"""Writing Excel files the way an official document looks, and safely.

Every workbook the app writes goes through here:

- ``atomic_workbook`` writes under a temporary name in the target folder and
  renames it into place only when the file is complete and on disk (flush +
  fsync), so a crash or a cancel never leaves half a file under the real name.
- User text is only ever written with ``write_string`` (formula injection):
  ``strings_to_formulas`` and ``strings_to_urls`` are off as well, and text
  that starts with ``= + - @`` or a tab/CR (OWASP's list) gets Excel's quote
  prefix, so even editing the cell in Excel keeps it text.
- Times New Roman, A4, margins of an administrative document, the national
  motto and the signature block (``letterhead``, ``titles``, ``signature``:
  rows of merged text that both writers draw).

The report and the province summary are written with xlsxwriter: merged
headers, formats, print titles, fit to width and hidden sheets in a few
calls, in about two thirds of openpyxl's time. The long roster goes through
``app.spreadsheets.xlsx_stream`` instead (see there why).
"""
from __future__ import annotations

import math
import os
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import xlsxwriter

from app.os_words import os_reason
from app import durable
from app import messages
from app.durable import fsync_folder
from app.errors import FrontDeskError

__all__ = ["DEMO_MARK", "check_target", "atomic_file", "atomic_workbook", "Styles", "write_text", "risky", "setup_page", "Letterhead",
           "Line", "letterhead", "titles", "signature", "draw", "row_height", "merge_text", "vietnamese_date_line", "place_name",
           "ExportError"]

FONT = "Times New Roman"
# On every sheet exported from a demo commune, and at the top of its printed pages.
DEMO_MARK = "DỮ LIỆU MẪU — KHÔNG PHẢI SỐ LIỆU THẬT CỦA XÃ"
A4 = 9
# Decree 30/2020: top and bottom 2 cm, left 3 cm, right 1.5 cm (in inches).
MARGINS = {"left": 1.18, "right": 0.59, "top": 0.79, "bottom": 0.79}
RISKY_START = ("=", "+", "-", "@", "\t", "\r")

messages.register(
    {
        "export.not_xlsx": (
            "Tệp xuất ra phải có đuôi .xlsx (đang là: {path}).",
            "The file to write must end in .xlsx (got: {path}).",
        ),
        "export.no_folder": (
            "Thư mục {folder} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi khác.",
            "The folder {folder} does not exist; create it first or choose another place.",
        ),
        "export.cannot_write": (
            "Không ghi được tệp {path}: {reason}. Nếu tệp đang mở trong Excel, hãy đóng lại rồi thử lại.",
            "Cannot write {path}: {reason}. If the file is open in Excel, close it and try again.",
        ),
    }
)


class ExportError(FrontDeskError):
    code = "export.cannot_write"


def check_target(path: Path) -> None:
    """Refuse, before any work, a target that cannot be written: not .xlsx, no folder."""
    if path.suffix.lower() != ".xlsx":
        raise ExportError("export.not_xlsx", path=str(path))
    if not path.parent.is_dir():
        raise ExportError("export.no_folder", folder=str(path.parent))


@contextmanager
def atomic_file(path: Path | str) -> Iterator[Path]:
    """A temporary name beside ``path`` to write to; when the block ends
    without an error the file is flushed to disk and renamed to ``path``,
    otherwise removed."""
    path = Path(path)
    check_target(path)
    temp = path.parent / f".{path.stem}.{uuid.uuid4().hex[:12]}.xlsx.part"
    try:
        yield temp
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        durable.replace(temp, path)
        fsync_folder(path.parent)
    except OSError as exc:
        durable.remove(temp)
        raise ExportError(path=str(path), reason=os_reason(exc)) from exc
    except BaseException:
        durable.remove(temp)
        raise


@contextmanager
def atomic_workbook(path: Path | str, *, constant_memory: bool = False) -> Iterator[xlsxwriter.Workbook]:
    """An xlsxwriter workbook that appears at ``path`` complete or not at all."""
    with atomic_file(path) as temp:
        book = xlsxwriter.Workbook(
            str(temp),
            {
                "constant_memory": constant_memory,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "default_format_properties": {"font_name": FONT, "font_size": 12},
                "tmpdir": str(Path(path).parent),
            },
        )
        yield book
        try:
            book.close()
        except xlsxwriter.exceptions.FileCreateError as exc:
            raise ExportError(path=str(path), reason=str(exc)) from exc


# -- formats ------------------------------------------------------------------------------

_BORDER = {"border": 1, "valign": "vcenter"}
STYLE_PROPERTIES: dict[str, dict[str, Any]] = {
    "plain": {},
    "demo_mark": {"align": "center", "valign": "vcenter", "bold": True, "font_color": "#C00000", "font_size": 13},
    "bold": {"bold": True},
    "italic": {"italic": True},
    "center": {"align": "center", "valign": "vcenter"},
    "center_bold": {"align": "center", "valign": "vcenter", "bold": True},
    "center_italic": {"align": "center", "valign": "vcenter", "italic": True},
    "motto": {"align": "center", "valign": "vcenter", "bold": True, "underline": 1},
    "title": {"align": "center", "valign": "vcenter", "bold": True, "font_size": 14},
    "subtitle": {"align": "center", "valign": "vcenter", "bold": True, "text_wrap": True},
    "head": {**_BORDER, "bold": True, "align": "center", "text_wrap": True, "font_size": 11, "bg_color": "#F2F2F2"},
    "colno": {**_BORDER, "italic": True, "align": "center", "font_size": 10},
    "cell": {**_BORDER, "text_wrap": True, "font_size": 11},
    "cell_center": {**_BORDER, "align": "center", "text_wrap": True, "font_size": 11},
    "cell_bold": {**_BORDER, "bold": True, "text_wrap": True, "font_size": 11},
    "group": {**_BORDER, "bold": True, "text_wrap": True, "font_size": 11, "bg_color": "#F7F7F7"},
    "number": {**_BORDER, "align": "center", "num_format": "#,##0", "font_size": 11},
    "number_bold": {**_BORDER, "align": "center", "num_format": "#,##0", "bold": True, "font_size": 11},
    "date": {**_BORDER, "align": "center", "num_format": "dd/mm/yyyy", "font_size": 11},
    "italic_wrap": {"italic": True, "text_wrap": True, "valign": "top", "font_size": 11},
    "bold_italic": {"italic": True, "bold": True, "font_size": 11},
    "raw": {"font_size": 11},
    "line": {"border": 1, "font_size": 11},
    "line_center": {"border": 1, "font_size": 11, "align": "center"},
    "raw_date": {"font_size": 11, "num_format": "dd/mm/yyyy"},
}


class Styles:
    """The workbook's formats, made once each (xlsxwriter wants few formats),
    with a quote-prefixed twin made on demand for risky text."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self._made: dict[tuple[str, bool], Any] = {}

    def __call__(self, name: str, *, quote: bool = False):
        key = (name, quote)
        fmt = self._made.get(key)
        if fmt is None:
            props = dict(STYLE_PROPERTIES[name])
            if quote:
                props["quote_prefix"] = True
            fmt = self._made[key] = self.book.add_format(props)
        return fmt


def risky(text: str) -> bool:
    """Would a spreadsheet take this text for a formula if it were typed in?"""
    return text.startswith(RISKY_START)


def write_text(ws, row: int, col: int, value: Any, styles: Styles, style: str = "cell") -> None:
    """Write a value that came from a person: always a string cell."""
    text = "" if value is None else str(value)
    ws.write_string(row, col, text, styles(style, quote=risky(text)))


def merge_text(ws, row: int, first_col: int, last_col: int, value: str, styles: Styles, style: str) -> None:
    text = value or ""
    fmt = styles(style, quote=risky(text))
    if last_col > first_col:
        ws.merge_range(row, first_col, row, last_col, "", fmt)
    ws.write_string(row, first_col, text, fmt)


# -- the page -------------------------------------------------------------------------------


def setup_page(ws, *, landscape: bool, repeat: tuple[int, int] | None = None, widths: list[float] = (),
               demo: bool = False) -> None:
    """A4, fitted to the page's width, administrative margins, page numbers;
    with ``demo``, ``DEMO_MARK`` at the top of every printed page."""
    if demo:
        ws.set_header(f'&C&"{FONT},Bold"&12{DEMO_MARK}')
    ws.set_paper(A4)
    if landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_margins(**MARGINS)
    ws.center_horizontally()
    ws.set_footer(f'&C&"{FONT},Regular"&10Trang &P/&N')
    ws.hide_gridlines(2)
    if repeat is not None:
        ws.repeat_rows(*repeat)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)


def row_height(texts_and_widths: list[tuple[str, float]], line: float = 15.0) -> float | None:
    """A row tall enough for its wrapped texts (xlsxwriter cannot measure;
    Times New Roman 11 fits about 1.15 characters per unit of width)."""
    lines = 1
    for text, width in texts_and_widths:
        per_line = max(width * 1.15, 1)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in (text or "").split("\n")))
    return line * lines + 3 if lines > 1 else None


def place_name(commune_name: str) -> str:
    """"Phường Ba Đình" -> "Ba Đình": how a document's date line names the place."""
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if commune_name.startswith(prefix):
            return commune_name[len(prefix):]
    return commune_name


def vietnamese_date_line(place: str, day: date) -> str:
    # Decree 30/2020: days below 10 and months below 3 written with a leading zero
    dd = f"{day.day:02d}"
    mm = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {dd} tháng {mm} năm {day.year}"


@dataclass(frozen=True)
class Letterhead:
    body: str        # "ỦY BAN MTTQ VIỆT NAM"
    unit: str        # "PHƯỜNG BA ĐÌNH"
    date_line: str   # "Ba Đình, ngày 22 tháng 11 năm 2026"
    number: str = "Số:        /BC-MTTQ"


@dataclass
class Line:
    """One row of a document's fixed parts: merged stretches of text
    (first column, last column, text, style name). Both writers draw these:
    xlsxwriter (``draw``) and the streaming roster (``app.spreadsheets.xlsx_stream``)."""

    row: int
    spans: list[tuple[int, int, str, str]]
    height: float | None = None


def _split(width: int) -> int:
    return max(2, round(width * 0.42))


def letterhead(head: Letterhead, width: int, row: int = 0) -> tuple[list[Line], int]:
    """The two blocks at the top of a Vietnamese administrative document:
    the issuing body on the left, the national motto on the right. Returns
    the lines and the next free row."""
    left, right = (0, _split(width) - 1), (_split(width), width - 1)
    lines = [
        Line(row, [(*left, head.body, "center"), (*right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center_bold")], 18),
        Line(row + 1, [(*left, head.unit, "motto"), (*right, "Độc lập - Tự do - Hạnh phúc", "motto")], 18),
        Line(row + 2, [], 8),
        Line(row + 3, [(*left, head.number, "center"), (*right, head.date_line, "center_italic")], 18),
    ]
    return lines, row + 5


def titles(texts: list[tuple[str, str]], width: int, row: int, *, demo: bool = False) -> tuple[list[Line], int]:
    """Centred title lines (text, style) over the whole width; with ``demo``,
    first the line that says the figures are made up (``DEMO_MARK``)."""
    if demo:
        texts = [(DEMO_MARK, "demo_mark"), *texts]
    lines = [Line(row + n, [(0, width - 1, text, style)], 21 if style == "title" else 18)
             for n, (text, style) in enumerate(texts)]
    return lines, row + len(texts) + 1


def signature(width: int, row: int, *, left: list[tuple[str, str]], role: list[str],
              name: str | None) -> tuple[list[Line], int]:
    """Left: who made the table; right: the signing role ("TM. BAN THƯỜNG
    TRỰC", "CHỦ TỊCH"), "(Ký tên, đóng dấu)", room to sign, the signer's name."""
    split = _split(width)
    right = [(r, "center_bold") for r in role] + [("(Ký tên, đóng dấu)", "center_italic")]
    right += [("", "center")] * 4 + [(name or "", "center_bold")]
    lines = []
    for n in range(max(len(right), len(left))):
        spans = []
        if n < len(left):
            spans.append((0, split - 1, *left[n]))
        if n < len(right):
            spans.append((split, width - 1, *right[n]))
        lines.append(Line(row + n, spans))
    return lines, row + len(lines) + 1


def draw(ws, styles: Styles, lines: list[Line]) -> None:
    """Draw fixed lines on an xlsxwriter worksheet."""
    for line in lines:
        if line.height:
            ws.set_row(line.row, line.height)
        for first, last, text, style in line.spans:
            merge_text(ws, line.row, first, last, text, styles, style)
