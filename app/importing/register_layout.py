"""Understanding the layout of a register kept in Excel: petitions, the
fund's cash book, oversight cases.

The same kind of sheet as a roster, made by hand: title rows above the
header, a header in one row or two ("Số tiền" over "Thu" | "Chi", "Trả lời"
over "Ngày" | "Nội dung"), a row of column numbers, the entries, then a
total and a signature block. The header is found, and spanning headings
read, as ``app.importing.layout`` does for rosters (its ``_groups`` and
``_data_start`` are used as they are); only the words differ
(``app.importing.register_columns``). The entries' rows are walked by
``app.importing.rows.records``, which stops at the footer: the column that
names an entry (who sent the petition, who gave or received, the case) is
handed to it as a roster's name column.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from app import messages
from app.errors import FrontDeskError
from app.importing.columns import IGNORE, Column, Layout
from app.importing.layout import _blank, _cell, _data_start, _groups, _signature, sub_header_below
from app.importing.register_columns import KEY_FIELD, PARTY_OR_NOTE, joined_meaning, register_meaning
from app.importing.rows import RawRecord, records
from app.spreadsheets.cells import column_letter
from app.text.vietnamese import clean_text, fold

if TYPE_CHECKING:
    from app.spreadsheets.reading import Sheet

__all__ = ["detect_register_layout", "best_register_sheet", "missing_fields", "register_records"]

HEADER_SEARCH_ROWS = 30
MIN_HEADER_SCORE = 2
# Fields a column may hold twice (a cash book's "Số chứng từ" over "Thu" | "Chi").
_REPEATABLE = frozenset({"document_number", "note"})
# What each register cannot go without: a field, or any of a few.
_NEEDED: dict[str, tuple[tuple[str, ...], ...]] = {
    "petitions": (("received_on",), ("channel",), ("from_name",), ("content",)),
    "fund": (("entry_on",), ("party",), ("amount", "receipt_amount", "spending_amount")),
    "cases": (("kind",), ("opened_on",), ("title",)),
}
# A cash book's balance lines ("Số dư đầu kỳ", "Tồn quỹ chuyển sang"), with no amount received or spent.
_BALANCE_LINES = ("so du ", "ton quy ", "ton dau ", "ton cuoi ", "ton ky ", "du dau ", "du cuoi ", "luy ke ")

messages.register(
    {
        "import.register.no_header": (
            "Không tìm thấy dòng tên cột của {what} trong tệp {path}. Cần một dòng tên cột như {example} "
            "ở phía trên các dòng dữ liệu.",
            "No row of column names for {what_en} found in {path}. It needs a row naming its columns, "
            "such as {example}, above the data rows.",
        ),
        "import.register.missing_columns": (
            "Trang “{sheet}” của tệp {path} thiếu cột: {missing}. Các cột đọc được: {headers}.",
            "Sheet “{sheet}” of {path} lacks the column(s): {missing}. Columns found: {headers}.",
        ),
        "import.register.what.petitions": ("sổ kiến nghị", "petitions"),
        "import.register.what.fund": ("sổ thu, chi quỹ", "fund entries"),
        "import.register.what.cases": ("sổ vụ việc", "cases"),
    }
)
_EXAMPLES = {
    "petitions": "“Ngày tiếp nhận”, “Hình thức”, “Người gửi”, “Nội dung kiến nghị”",
    "fund": "“Ngày”, “Diễn giải”, “Thu”, “Chi” (hoặc “Số tiền” và “Thu/chi”)",
    "cases": "“Loại”, “Ngày bắt đầu”, “Tên vụ việc”",
}


def _score(register: str, row: Sequence[Any]) -> int:
    kinds = {register_meaning(register, v) for v in row if isinstance(v, str) and v}
    kinds -= {None, IGNORE}
    return len(kinds)


def _best_header_row(register: str, sheet: Sheet) -> tuple[int, int]:
    best = (0, -1)
    for r in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        score = _score(register, sheet.rows[r])
        if score > best[0]:
            best = (score, r)
    return best


def _is_sub_header(register: str, sheet: Sheet, parent: int) -> bool:
    """Row ``parent + 1`` holds sub-headings standing under headings of row
    ``parent`` that span several columns, one of them at least known."""
    if parent < 0 or parent + 1 >= len(sheet.rows) or _score(register, sheet.rows[parent]) == 0:
        return False
    return sub_header_below(sheet, parent,
                            lambda heading, value: joined_meaning(register, heading, value) is not None)


def _shown(value: Any) -> str:
    return clean_text(value) if isinstance(value, str) else ""


def _headings(register: str, sheet: Sheet, header_rows: tuple[int, ...]) -> list[tuple[str, str | None]]:
    rows = sheet.rows
    width = 0
    for r in header_rows:
        filled = [c for c, v in enumerate(rows[r]) if not _blank(v)]
        width = max(width, filled[-1] + 1 if filled else 0)
    if len(header_rows) == 1:
        top = rows[header_rows[0]]
        return [(_shown(_cell(top, c)), register_meaning(register, _cell(top, c))) for c in range(width)]
    parent_row, child_row = header_rows
    groups = _groups(sheet, parent_row)
    out = []
    for c in range(width):
        r, k = groups.get(c, (parent_row, c))
        parent, child = _cell(rows[r], k), _cell(rows[child_row], c)
        parent_text, child_text = _shown(parent), _shown(child)
        found = joined_meaning(register, parent_text, child_text) if child_text else None
        if found is None and not (child_text and c in groups):
            found = register_meaning(register, parent_text) if parent_text else None
        out.append((" / ".join(t for t in (parent_text, child_text) if t), found))
    return out


def _fields(meanings: list[str | None]) -> list[tuple[str | None, bool]]:
    """(field, ignored) per column: the first column of a field wins; a later
    one is left for the person to say (two date columns: which is which?)."""
    has_party = "party" in meanings
    seen: set[str] = set()
    out: list[tuple[str | None, bool]] = []
    for m in meanings:
        if m == PARTY_OR_NOTE:
            m = "note" if has_party or "party" in seen else "party"
        if m == IGNORE:
            out.append((None, True))
        elif m is None or (m in seen and m not in _REPEATABLE):
            out.append((None, False))
        else:
            seen.add(m)
            out.append((m, False))
    return out


def _no_header(register: str, path: Path | str | None) -> FrontDeskError:
    return FrontDeskError(
        "import.register.no_header", path=Path(path).name if path else "",
        what=messages.text(f"import.register.what.{register}", "vi"),
        what_en=messages.text(f"import.register.what.{register}", "en"), example=_EXAMPLES[register])


def detect_register_layout(sheet: Sheet, register: str, *, path: Path | str | None = None) -> Layout:
    """The header row(s), the first data row and each column's field."""
    score, top = _best_header_row(register, sheet)
    if score < MIN_HEADER_SCORE:
        raise _no_header(register, path)
    if _is_sub_header(register, sheet, top):
        header_rows: tuple[int, ...] = (top, top + 1)
    elif _is_sub_header(register, sheet, top - 1):
        header_rows = (top - 1, top)
    else:
        header_rows = (top,)
    headings = _headings(register, sheet, header_rows)
    fields = _fields([m for _, m in headings])
    columns = [Column(c, column_letter(c), shown, field, ignored)
               for c, ((shown, _), (field, ignored)) in enumerate(zip(headings, fields))]
    return Layout(sheet.name, header_rows, _data_start(sheet, header_rows[-1] + 1), columns, _signature(columns))


def best_register_sheet(sheets: Sequence[Sheet], register: str, *, path: Path | str | None = None) -> Sheet:
    """The sheet whose header names the most known columns of the register."""
    best: tuple[int, Sheet | None] = (0, None)
    for sheet in sheets:
        score = _best_header_row(register, sheet)[0]
        if score > best[0]:
            best = (score, sheet)
    if best[1] is None or best[0] < MIN_HEADER_SCORE:
        raise _no_header(register, path)
    return best[1]


def missing_fields(register: str, layout: Layout) -> list[str]:
    """The fields the register cannot go without that no column provides (a
    fund's single amount column needs its direction column)."""
    have = {c.field for c in layout.columns if c.field}
    missing = [needed[0] for needed in _NEEDED[register] if not have.intersection(needed)]
    if register == "fund" and "amount" in have and not have & {"direction", "receipt_amount", "spending_amount"}:
        missing.append("direction")
    return missing


def register_records(sheet: Sheet, layout: Layout, register: str) -> Iterator[RawRecord]:
    """One RawRecord per entry's row (``app.importing.rows.records``), with its
    values and cells under the register's field names."""
    key = KEY_FIELD[register]
    as_roster = replace(layout, columns=[replace(c, field="full_name") if c.field == key else c
                                         for c in layout.columns])
    for record in records(sheet, as_roster):
        values = {(key if f == "full_name" else f): v for f, v in record.values.items()}
        cells = {(key if f == "full_name" else f): v for f, v in record.cells.items()}
        if register == "fund" and _balance_line(values):
            continue
        yield RawRecord(record.row, values, cells)


def _balance_line(values: dict[str, Any]) -> bool:
    """A cash book's opening or closing balance line: no amount, and words like "Số dư đầu kỳ"."""
    if any(not _blank(values.get(f)) for f in ("amount", "receipt_amount", "spending_amount")):
        return False
    party = values.get("party")
    return isinstance(party, str) and (fold(party).strip() + " ").startswith(_BALANCE_LINES)
