"""Reading the people's rows of a roster whose layout is known.

``records`` walks the rows below the header and hands over each person's
cells untouched: checking them is the core's job (``app.domain.people``), so a bad
date gets the same message whether typed in a form or in a roster. It stops
at the footer (the total, the date line, the signature block), skips blank
rows and section headings, joins a name split over two columns and turns the
Nam / Nữ layout into a gender and a birth year. Lists pasted one under the
other (each thôn's, with its own title, header and total) are read as one.
It runs over every row of files of 50,000 people, so the per-row work is
kept to a few dict and regex calls (benchmarks/roster_records.py).
"""
from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from app.importing.columns import Layout
from app.spreadsheets.cells import column_letter
from app.text.vietnamese import fold

if TYPE_CHECKING:
    from app.spreadsheets.reading import CellValue, Sheet

__all__ = ["RawRecord", "records", "is_numbering"]


@dataclass(slots=True)
class RawRecord:
    row: int                        # the Excel row number (1-based) as Excel shows it
    values: dict[str, CellValue]    # field -> raw value
    cells: dict[str, str]           # field -> column letter(s), for messages ("row 12, column E")




# Where the people end. Checked on the first filled cell of a row and on the
# name: "Tổng cộng: 45", "Cộng", "Người lập biểu", "Xác nhận của ...", "TM.
# BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "Danh sách này có 45 người", or the date
# line "Phú Lộc, ngày 20 tháng 10 năm 2026". "Công Văn Minh" and "Tống Công
# Nam" are people.
_FOOTER = re.compile(
    r"(?:tong\s*(?:cong|so)\s*(?:$|[:.,(\-]|\d|co\b|gom\b|hoi\s+vien|doan\s+vien|nguoi\b)"
    r"|cong\s*[:.]?\s*(?:\d.*)?$|nguoi\s+lap\b|xac\s+nhan\b"
    r"|t\s*[./]?\s*m\s*(?:[./]\s*|\s+)(?:ban|bch|hoi|chi|uy|ub|ubnd|doan|dang|btt)\b"
    r"|k\s*[./]?\s*t\s*(?:[./]\s*|\s+)(?:chu|truong|bi|pho)\b"
    r"|danh\s+sach\s+(?:nay\s+|tren\s+)?(?:co|gom)\b"
    r"|.{0,80}?\bngay\W*\d{0,2}\W*thang\W*\d{0,2}\W*nam\W*(?:\d{2,4})?\W*$)"
)
# Cells are folded and matched against _FOOTER only when they start like a
# footer (in NFC, NFD or typed without marks) or, for a date line, carry a
# digit or dots: folding every name of a 50,000-row roster would cost more
# than all the rest of the reading.
_FOOTER_START = re.compile(
    r"\s*(?:" + "|".join(sorted(
        {re.escape(form) for word in ("tổng", "cộng", "người", "xác", "danh") for form in
         (word, unicodedata.normalize("NFD", word), fold(word))}
        | {r"t\s*[./]?\s*m\b", r"k\s*[./]?\s*t\b"}
    )) + ")",
    re.IGNORECASE,
)
_DATE_HINT = re.compile(r"[\d\u2026]|\.\.")
# A signature title standing alone, looked for only in rows without a name.
_SIGNATURE = re.compile(r"^(?:chi\s+hoi\s+truong|chi\s+doan\s+truong|bi\s+thu|chu\s+tich|truong\s+ban"
                        r"|truong\s+thon|to\s+truong|nguoi\s+ky)\W*$")
# "I. THÔN 1", "B) Chi hội Thôn Đông": a section heading across the rows.
# Roman numerals are ASCII: matched on the cell as typed.
_SECTION = re.compile(r"^\s*(?:[ivxlc]+|[a-h])\s*[.):/-]\s*\S", re.IGNORECASE)
# A Roman numeral in the row-number column.
_ROMAN = re.compile(r"^\s*[ivxlc]+\s*[.)]?\s*$", re.IGNORECASE)
# What people write in a Nam / Nữ column to tick it instead of writing a year.
_MARKS = frozenset({"x", "v", "+", "*", "o", "co", "1", "\u2713", "\u2714", "\u2715", "\u2717", "\u2718",
                    "\u25cf", "\u2022"})
_JOINED = {"full_name": " ", "note": "; "}


_NUMBERING = re.compile(r"^\(?\s*\d{1,2}\s*\)?$")


def is_numbering(row: Sequence[Any]) -> bool:
    """A row of column numbers under the header: "(1) (2) (3)…" or 1 2 3…"""
    count = 0
    for value in row:
        if not _filled(value):
            continue
        if isinstance(value, bool):
            return False
        if isinstance(value, int | float):
            if not (0 < value < 100 and value == int(value)):
                return False
        elif not (isinstance(value, str) and _NUMBERING.match(value.strip())):
            return False
        count += 1
    return count >= 3


def _ends_people(text: str) -> bool:
    """The first filled cell of a row is a footer: the date line "…, ngày 20
    tháng 10 năm 2026" included, which stands alone in its row. (A person's
    name is checked inline in ``_kind_of_row``, never for a date line.)"""
    if _FOOTER_START.match(text) is None and not _DATE_HINT.search(text):
        return False
    return _FOOTER.match(fold(text)) is not None


def _is_mark(value: Any) -> bool:
    kind = value.__class__
    if kind is float or kind is int:
        return value == 1
    return kind is str and len(value) <= 4 and fold(value).strip(" .") in _MARKS


def _filled(value: Any) -> bool:
    return value is not None and value != "" and not (value.__class__ is str and value.isspace())


class _Plan:
    """What records() does with each row, worked out once per layout."""

    def __init__(self, layout: Layout, sheet: Sheet) -> None:
        by_field: dict[str, list[int]] = {}
        for c in layout.columns:
            if c.field:
                by_field.setdefault(c.field, []).append(c.index)
        self.male = by_field.pop("birth_year_male", [None])[0]
        self.female = by_field.pop("birth_year_female", [None])[0]
        self.row_numbers = frozenset(by_field.pop("row_number", ()))
        singles = [(f, cols[0]) for f, cols in by_field.items() if len(cols) == 1]
        self.multiples = [(f, tuple(cols)) for f, cols in by_field.items() if len(cols) > 1]
        self.fields = tuple(f for f, _ in singles)
        self.columns = tuple(c for _, c in singles)
        # One C-level call fetches every mapped cell of a row.
        self.pick = operator.itemgetter(*self.columns) if len(self.columns) > 1 else None
        used = [*self.columns, *(c for _, cols in self.multiples for c in cols),
                *(c for c in (self.male, self.female) if c is not None)]
        self.width = max(used, default=-1) + 1
        cells = {f: ", ".join(column_letter(i) for i in cols) for f, cols in by_field.items()}
        sexed = [column_letter(i) for i in (self.male, self.female) if i is not None]
        if sexed:
            cells.setdefault("gender", ", ".join(sexed))
            cells.setdefault("birth_date", ", ".join(sexed))
        self.cells = cells
        # The header's own name cell: met again below, it is the header of the
        # next list pasted under this one, not a person.
        self.header_names = {self.name_of(sheet.rows[r]) for r in layout.header_rows} - {None}
        self.header_rows = [_trimmed(sheet.rows[r]) for r in layout.header_rows]
        # The cells of a Nam / Nữ row point at the column that was filled; the
        # few possible dicts are made once and shared by the records.
        self.sexed_cells: dict[tuple[int, bool, bool], dict[str, str]] = {}
        for column in (self.male, self.female):
            if column is None:
                continue
            for gender in (False, True):
                for birth in (False, True):
                    variant = dict(cells)
                    if gender:
                        variant["gender"] = column_letter(column)
                    if birth:
                        variant["birth_date"] = column_letter(column)
                    self.sexed_cells[(column, gender, birth)] = variant

    def name_of(self, row: Sequence[Any]) -> Any:
        for field, cols in self.multiples:
            if field == "full_name":
                found = [row[c] for c in cols if c < len(row) and _filled(row[c])]
                return " ".join(str(v).strip() for v in found) if found else None
        if "full_name" in self.fields:
            c = self.columns[self.fields.index("full_name")]
            return row[c] if c < len(row) and _filled(row[c]) else None
        return None

    def singles(self, row: Sequence[Any]) -> tuple:
        if len(row) >= self.width:
            if self.pick is not None:
                return self.pick(row)
            return tuple(row[c] for c in self.columns)
        return tuple(row[c] if c < len(row) else None for c in self.columns)


def records(sheet: Sheet, layout: Layout) -> Iterator[RawRecord]:
    """One RawRecord per person's row, from ``layout.data_start`` to the footer.

    Blank rows, rows holding only a row number, and section headings ("I.
    THÔN 1") are skipped; so are a footer, titles, header and column numbers
    followed by a next list with the same header (lists pasted one under the
    other). Values are the cells as read, except that a name
    split over two columns is joined, and the Nam / Nữ layout becomes a gender
    ("male"/"female") and, unless the cell is only a tick, a birth date (the
    year written there). ``cells`` dicts are shared between records: read them,
    do not change them."""
    plan = _Plan(layout, sheet)
    # bound once: the loop runs for every row of rosters of 50,000 people
    fields, multiples, pick, width, base_cells = plan.fields, plan.multiples, plan.pick, plan.width, plan.cells
    sexed = plan.male is not None or plan.female is not None
    kind_of, person = _kind_of_row, _PERSON
    rows = sheet.rows
    i = layout.data_start - 1
    while i + 1 < len(rows):
        i += 1
        row = rows[i]
        if not any(row):
            continue
        # the row's filled cells by field, a name split over two columns joined
        picked = pick(row) if pick is not None and len(row) >= width else plan.singles(row)
        values: dict[str, Any] = {
            field: v for field, v in zip(fields, picked)
            if v is not None and v != "" and (v.__class__ is not str or not v.isspace())
        }
        for field, cols in multiples:
            found = [row[c] for c in cols if c < len(row) and _filled(row[c])]
            if found:
                values[field] = (
                    _JOINED[field].join(str(v).strip() for v in found) if field in _JOINED else found[0]
                )
        cells = _sexed(row, plan, values) if sexed else base_cells
        kind = kind_of(row, values, plan)
        if kind is person:
            yield RawRecord(i + 1, values, cells)
        elif kind is _FOOTER_ROW:
            i = _next_list(rows, i, plan)
            if i is None:
                return


# What a row below the header is (besides blank, which records() skips first).
_PERSON, _SKIPPED, _FOOTER_ROW = "person", "skipped", "footer"


def _kind_of_row(row: Sequence[Any], values: dict[str, Any], plan: _Plan) -> str:
    """A person's row, a row to pass over (a section heading, a repeated
    header or its column numbers, a row of nothing but a row number), or the
    footer that ends a list."""
    first_index, first = 0, row[0]
    while not first:  # records() saw that the row is not blank
        first_index += 1
        first = row[first_index]
    if first.__class__ is str:
        if _ends_people(first):
            return _FOOTER_ROW
        if (first_index in plan.row_numbers and _ROMAN.match(first)) or (
            _SECTION.match(first) and sum(map(_filled, row)) == 1
        ):
            return _SKIPPED
    name = values.get("full_name")
    if name is None:
        if any(v.__class__ is str and (_FOOTER.match(f := fold(v)) or _SIGNATURE.match(f)) for v in row):
            return _FOOTER_ROW
        if not values or any(_trimmed(row) == header for header in plan.header_rows):
            return _SKIPPED  # (a header's second row, "Nam | Nữ", pasted with the next list)
        return _PERSON
    if name.__class__ is str:
        # a footer in the name column (never a date line there); inline, not
        # _ends_people: it runs for every person's name
        if name is not first and _FOOTER_START.match(name) is not None and _FOOTER.match(fold(name)) is not None:
            return _FOOTER_ROW
        if name in plan.header_names or (name[:1] == "(" and is_numbering(row)):
            return _SKIPPED  # the header and column numbers again, above the next list pasted here
        return _PERSON
    return _SKIPPED if is_numbering(row) else _PERSON


def _trimmed(row: Sequence[Any]) -> list:
    end = len(row)
    while end and not _filled(row[end - 1]):
        end -= 1
    return list(row[:end])


def _next_list(rows: Sequence[Sequence[Any]], footer: int, plan: _Plan) -> int | None:
    """After a footer: the header row of a next list pasted below (its people
    are read on), or None when the people have ended. Without this, every
    list after the first one's "Cộng" row would be lost without a word."""
    for j in range(footer + 1, len(rows)):
        if plan.name_of(rows[j]) in plan.header_names:
            return j
    return None


def _sexed(row: Sequence[Any], plan: _Plan, values: dict) -> dict[str, str]:
    """The Nam / Nữ layout: the year (or a tick) under the person's gender."""
    male, female = plan.male, plan.female
    m = row[male] if male is not None and male < len(row) else None
    f = row[female] if female is not None and female < len(row) else None
    m_filled = m is not None and m != "" and not (m.__class__ is str and m.isspace())
    f_filled = f is not None and f != "" and not (f.__class__ is str and f.isspace())
    if m_filled == f_filled:
        if m_filled:
            # Both filled: let the gender check say so, showing both cells.
            values.setdefault("gender", f"Nam: {m}; Nữ: {f}")
        return plan.cells
    value, gender, column = (m, "male", male) if m_filled else (f, "female", female)
    set_gender = "gender" not in values
    if set_gender:
        values["gender"] = gender
    set_birth = "birth_date" not in values and not _is_mark(value)
    if set_birth:
        values["birth_date"] = value
    return plan.sexed_cells[(column, set_gender, set_birth)]
