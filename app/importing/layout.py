"""Understanding the layout of a member roster that a commune keeps in Excel.

A roster is a sheet made by hand: title rows above the header, a header in
one row or in two (with merged cells: "Năm sinh" over "Nam" | "Nữ"), maybe a
row of column numbers "(1) (2) ...", the people, blank rows here and there,
then a total and a signature block. ``detect_layout`` finds the header and
says which column holds which field; ``records`` (in ``app.importing.rows``,
re-exported here) walks the people's rows and hands over their raw cell
values. The words of the headings are in ``app.importing.columns``.

A mapping the user chose for a layout the detector could not read alone is
kept in the database under the layout's signature, and wins over guessing
the next time a file with the same header comes in.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from app import messages
from app.errors import FrontDeskError
from app.importing.columns import (
    FIELDS,
    GIVEN_NAME,
    IGNORE,
    NAME_PART,
    Column,
    Layout,
    meaning,
    normalize,
)
from app.importing.rows import RawRecord, is_numbering, records
from app.spreadsheets.cells import column_letter
from app.text.vietnamese import clean_text

if TYPE_CHECKING:
    from app.db.storage import Store
    from app.spreadsheets.reading import Sheet

__all__ = ["FIELDS", "Column", "Layout", "RawRecord", "detect_layout", "with_mapping", "records",
           "best_sheet", "remember_mapping", "remembered_mapping"]

# Headers sit near the top: past the title block, a roster is people.
HEADER_SEARCH_ROWS = 30
# Two known headings at least: one known word in a row is a title or a person.
MIN_HEADER_SCORE = 2
# Excel's last column (XFD): a user's mapping cannot point past it.
MAX_COLUMNS = 16384

_META_KEY = "roster_mapping:"
# Mappings kept since the role column ("Chức vụ") was understood. Those kept
# before it hold "left out" for columns the older detector could not place,
# which this version may know now: only their positive choices still count.
_META_KEY_V2 = _META_KEY + "v2:"

messages.register(
    {
        "roster.no_header": (
            "Không tìm thấy dòng tên cột trong trang “{sheet}” của tệp {path}. Danh sách cần một dòng "
            "tên cột như “Họ và tên”, “Ngày sinh”, “Số CCCD”, “Thôn” ở phía trên các dòng dữ liệu.",
            "No row of column names found on sheet “{sheet}” of {path}. A roster needs a row naming its "
            "columns, such as “Họ và tên”, “Ngày sinh”, “Số CCCD”, “Thôn”, above the people's rows.",
        ),
        "roster.bad_field": (
            "Không có trường “{field}” để gán cho cột {column}.",
            "There is no field “{field}” to give column {column}.",
        ),
        "roster.bad_column": (
            "Không có cột {column} trong trang “{sheet}”.",
            "Sheet “{sheet}” has no column {column}.",
        ),
    }
)


# -- finding the header -----------------------------------------------------


def _cell(row: Sequence[Any], c: int) -> Any:
    return row[c] if c < len(row) else None


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, str) and value.isspace())


def _meanings(row: Sequence[Any]) -> dict[int, str]:
    found = {}
    for c, value in enumerate(row):
        if isinstance(value, str) and value:
            m = meaning(value)
            if m is not None:
                found[c] = m
    return found


def _score(row: Sequence[Any]) -> int:
    """How many different known things the row names."""
    kinds = {"full_name" if m in (NAME_PART, GIVEN_NAME) else m for m in _meanings(row).values()}
    kinds.discard(IGNORE)
    return len(kinds)


def _best_header_row(sheet: Sheet) -> tuple[int, int]:
    """(score, row index) of the row that looks most like a header."""
    best = (0, -1)
    for r in range(min(HEADER_SEARCH_ROWS, len(sheet.rows))):
        score = _score(sheet.rows[r])
        if score > best[0]:
            best = (score, r)
    return best


def _groups(sheet: Sheet, parent: int) -> dict[int, tuple[int, int]]:
    """Columns under a heading of row ``parent`` that spans several columns:
    column -> (row, column) of the heading's text.

    Merged ranges say it when the file keeps them; .ods files read without
    them, and some .xls writers centre a heading across blank cells, so a
    heading followed by blank cells with sub-headings below counts too."""
    rows = sheet.rows
    above, below = rows[parent], _row(rows, parent + 1)
    groups: dict[int, tuple[int, int]] = {}
    merged_cols: set[int] = set()
    for first_row, first_col, last_row, last_col in getattr(sheet, "merged", None) or ():
        if first_row <= parent <= last_row:
            merged_cols.update(range(first_col, last_col + 1))
            if last_col > first_col:
                for c in range(first_col, last_col + 1):
                    groups[c] = (first_row, first_col)
    for c, value in enumerate(above):
        if _blank(value) or c in merged_cols:
            continue
        end = c + 1
        while (end < max(len(above), len(below)) and end not in merged_cols and _blank(_cell(above, end))
               and not _blank(_cell(below, end))):
            end += 1
        if end > c + 1:
            for k in range(c, end):
                groups[k] = (parent, c)
    return groups


def _row(rows: Sequence[Sequence[Any]], r: int) -> Sequence[Any]:
    return rows[r] if 0 <= r < len(rows) else ()


def sub_header_below(sheet: Sheet, parent: int, known: Callable[[Any, str], bool]) -> bool:
    """Row ``parent + 1`` holds sub-headings of row ``parent``: all its cells
    are texts standing under headings that span several columns, and
    ``known(heading, sub_heading)`` holds for at least one of them (the caller
    has checked that row ``parent`` is a heading row at all)."""
    if parent < 0 or parent + 1 >= len(sheet.rows):
        return False
    groups = _groups(sheet, parent)
    found = False
    for c, value in enumerate(sheet.rows[parent + 1]):
        if _blank(value):
            continue
        if not isinstance(value, str) or c not in groups:
            return False
        r, k = groups[c]
        found = found or known(_cell(sheet.rows[r], k), value)
    return found


def _is_sub_header(sheet: Sheet, parent: int) -> bool:
    """A roster's two-row heading: a known sub-heading ("Nam", "Nữ", "Thôn") under a heading row."""
    if parent < 0 or parent + 1 >= len(sheet.rows) or not _meanings(sheet.rows[parent]):
        return False
    return sub_header_below(sheet, parent, lambda _heading, value: meaning(value) is not None)


def _headings(sheet: Sheet, header_rows: tuple[int, ...]) -> list[tuple[str, str | None]]:
    """(heading as shown, its meaning) for every column of the header."""
    rows = sheet.rows
    width = 0
    for r in header_rows:
        filled = [c for c, v in enumerate(rows[r]) if not _blank(v)]
        width = max(width, filled[-1] + 1 if filled else 0)
    if len(header_rows) == 1:
        top = rows[header_rows[0]]
        return [(_shown(_cell(top, c)), meaning(_cell(top, c))) for c in range(width)]
    parent_row, child_row = header_rows
    groups = _groups(sheet, parent_row)
    out = []
    for c in range(width):
        if c in groups:
            r, k = groups[c]
            parent = _cell(rows[r], k)
        else:
            parent = _cell(rows[parent_row], c)
        child = _cell(rows[child_row], c)
        parent_text, child_text = _shown(parent), _shown(child)
        shown = " / ".join(t for t in (parent_text, child_text) if t)
        found = meaning(child) if child_text else None
        if found is None and not (child_text and c in groups):
            # Under a heading of its own ("Ngày sinh" over "(dd/mm/yyyy)"), the
            # heading speaks; under a shared one, an unknown sub-heading stays unknown.
            found = meaning(parent) if parent_text else None
        out.append((shown, found))
    return out


def _shown(value: Any) -> str:
    # Headings carry line breaks ("Ngày tháng\nnăm sinh") and NFD text.
    return clean_text(value) if isinstance(value, str) else ""


def _fields(meanings: list[str | None]) -> list[tuple[str | None, bool]]:
    """(field, ignored) per column, from what each heading means on its own."""
    has_full = "full_name" in meanings
    split_name = NAME_PART in meanings and GIVEN_NAME in meanings and not has_full
    seen: set[str] = set()
    out: list[tuple[str | None, bool]] = []
    for m in meanings:
        if m in (NAME_PART, GIVEN_NAME):
            if split_name:
                out.append(("full_name", False))
            elif m == GIVEN_NAME and has_full:
                out.append((None, True))  # a sort column repeating the given name
            else:
                out.append((None, False))  # "Tên" alone: a full name or only the given name?
        elif m == IGNORE:
            out.append((None, True))
        elif m is None or m in seen:
            # A second phone or date column: the user says which is which.
            out.append((None, False))
        else:
            seen.add(m)
            out.append((m, False))
    return out


def _signature(columns: list[Column]) -> str:
    keys = [normalize(c.header) for c in columns]
    while keys and not keys[-1]:
        keys.pop()
    return hashlib.sha256(json.dumps(keys).encode("ascii")).hexdigest()[:16]


def _no_header(sheet: str, path: Path | str | None) -> FrontDeskError:
    # Without a path the caller, who knows the file, adds it (params["path"]).
    params = {"sheet": sheet}
    if path:
        params["path"] = Path(path).name
    return FrontDeskError("roster.no_header", **params)


def detect_layout(
    sheet: Sheet, *, remembered: dict[int, str | None] | None = None, path: Path | str | None = None
) -> Layout:
    """Find the header row(s), the first data row and each column's field.

    ``remembered`` (from ``remembered_mapping``) is the user's earlier choice
    for this layout and wins over the guess. ``path`` only names the file in
    the message when no header is found (``roster.no_header``)."""
    score, top = _best_header_row(sheet)
    if score < MIN_HEADER_SCORE:
        raise _no_header(sheet.name, path)
    if _is_sub_header(sheet, top):
        header_rows: tuple[int, ...] = (top, top + 1)
    elif _is_sub_header(sheet, top - 1):
        header_rows = (top - 1, top)
    else:
        header_rows = (top,)
    headings = _headings(sheet, header_rows)
    fields = _fields([m for _, m in headings])
    columns = [
        Column(c, column_letter(c), shown, field, ignored)
        for c, ((shown, _), (field, ignored)) in enumerate(zip(headings, fields))
    ]
    layout = Layout(sheet.name, header_rows, _data_start(sheet, header_rows[-1] + 1), columns,
                    _signature(columns))
    if remembered:
        layout = with_mapping(layout, remembered)
    return layout


def _data_start(sheet: Sheet, start: int) -> int:
    rows = sheet.rows
    if start < len(rows) and is_numbering(rows[start]):
        start += 1
    while start < len(rows) and all(_blank(v) for v in rows[start]):
        start += 1
    return start


def best_sheet(sheets: Sequence[Sheet], *, path: Path | str | None = None) -> Sheet:
    """The sheet holding the roster: the one whose header names the most
    known columns (a workbook often has a notes or a statistics sheet too)."""
    best: tuple[int, Sheet | None] = (0, None)
    for sheet in sheets:
        score = _best_header_row(sheet)[0]
        if score > best[0]:
            best = (score, sheet)
    if best[1] is None or best[0] < MIN_HEADER_SCORE:
        raise _no_header(sheets[0].name if sheets else "", path)
    return best[1]


def with_mapping(layout: Layout, mapping: dict[int, str | None]) -> Layout:
    """The layout with the user's choices, by column index (None = leave out)."""
    columns = [replace(c) for c in layout.columns]
    for index, field in mapping.items():
        if not isinstance(index, int) or not 0 <= index < MAX_COLUMNS:
            raise FrontDeskError("roster.bad_column", column=index, sheet=layout.sheet)
        if field is not None and field not in FIELDS:
            raise FrontDeskError("roster.bad_field", field=field, column=column_letter(index))
        while len(columns) <= index:
            # A column with data but no heading, mapped by the user.
            columns.append(Column(len(columns), column_letter(len(columns)), "", None))
        columns[index].field = field
        columns[index].ignored = field is None
    return replace(layout, columns=columns)


# -- remembering the user's mapping -------------------------------------------


def remember_mapping(store: Store, layout: Layout) -> None:
    """Keep the layout's mapping, so the next file with this header needs no choosing."""
    key = _META_KEY_V2 + layout.signature
    value = json.dumps({str(i): f for i, f in layout.mapping().items()}, ensure_ascii=False)
    before = store.meta(key)
    if before == value:
        return  # every import remembers; only a change is worth a change-log entry
    with store.transaction():
        store.set_meta(key, value)
        store.log("update", "meta", None, {key: before}, {key: value})


def remembered_mapping(store: Store, signature: str) -> dict[int, str | None] | None:
    """The mapping kept for this header signature, or None."""
    value = store.meta(_META_KEY_V2 + signature)
    older = not value
    if older:
        value = store.meta(_META_KEY + signature)
    if not value:
        return None
    try:
        stored = json.loads(value)
        # A field this version does not know (a newer app wrote it) is left out.
        mapping = {int(k): (f if f in FIELDS else None) for k, f in stored.items()}
    except (ValueError, AttributeError, TypeError):
        return None
    if older:  # "left out" then may be a column the detector understands now ("Chức vụ")
        mapping = {index: field for index, field in mapping.items() if field is not None}
    return mapping or None
