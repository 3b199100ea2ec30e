"""The printed summary of a commune report (the sheet "Tổng hợp") and the
check that it says what ``_data`` says.

People read and sign the printed table; the province's consolidation adds up
``_data``. A file whose printed figures were changed by hand (the total made
to look better) while ``_data`` kept the export's figures would otherwise be
counted without a word, so ``printed_disagreement`` compares every printed
figure with its ``_data`` row.

The table (the same in template versions 1 and 2): a header row of column
numbers "(1)", "(2)"... ; then one row per report unit other than the commune,
in ``UNIT_KEYS`` order, each with its number and name and then the figures of
``SUMMARY_COLUMNS``; then the row "Tổng cộng toàn xã" (or "toàn phường",
"toàn đặc khu", as the commune is) with the commune's.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from app.reports.figures import UNIT_KEYS
from app.spreadsheets.cells import cell_name

__all__ = ["SUMMARY_SHEET", "SUMMARY_GROUPS", "SUMMARY_COLUMNS", "TOTAL_LABELS", "total_label", "cell_text",
           "printed_disagreement"]

SUMMARY_SHEET = "Tổng hợp"
DIVISIONS = ("xã", "phường", "đặc khu")  # the kinds of commune-level units since 1 July 2025
TOTAL_LABELS = tuple(f"Tổng cộng toàn {division}" for division in DIVISIONS)


def total_label(division_type: str) -> str:
    """The total row's words for a commune of this kind ("Tổng cộng toàn phường")."""
    return f"Tổng cộng toàn {division_type if division_type in DIVISIONS else 'xã'}"

SUMMARY_GROUPS = (
    ("Hội viên, đoàn viên", (
        ("members.total", "Tổng số"), ("members.female", "Nữ"), ("members.ethnic_minority", "Dân tộc thiểu số"),
        ("members.religion", "Có tôn giáo"), ("members.age_under_30", "Dưới 30 tuổi"),
        ("members.age_30_45", "Từ 30 đến 45"), ("members.age_46_60", "Từ 46 đến 60"),
        ("members.age_over_60", "Trên 60 tuổi"))),
    ("Chức danh", (
        ("positions.seats", "Số suất"), ("positions.filled", "Đã có người"), ("positions.vacant", "Còn trống"),
        ("positions.concurrent_holders", "Người kiêm nhiệm"))),
    ("Công việc trong kỳ", (
        ("tasks.assigned", "Được giao"), ("tasks.done_on_time", "Xong đúng hạn"), ("tasks.done_late", "Xong trễ hạn"),
        ("tasks.open", "Chưa xong"), ("tasks.overdue", "Trong đó quá hạn"))),
)
SUMMARY_COLUMNS = tuple(key for _group, cols in SUMMARY_GROUPS for key, _label in cols)
FIRST_FIGURE = 2  # columns A (number) and B (organization) come first


def cell_text(value: object) -> str:
    """A cell as text: a whole float as its integer ("147", not "147.0"), None as ""."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def printed_disagreement(rows: Sequence[Sequence[object]], figures: dict[tuple[str, str], int],
                         whole: Callable[[object], int | None]) -> str | None:
    """None when the printed table of ``rows`` (the sheet's cells, row 0 =
    Excel row 1) shows exactly ``figures`` (``(indicator, unit) -> value``);
    otherwise where it does not, in words that need no translation: a cell
    reference with what is printed and what ``_data`` says, or what is missing.
    ``whole`` turns a cell into a figure (None when it is not one)."""
    numbers = [f"({n})" for n in range(1, FIRST_FIGURE + len(SUMMARY_COLUMNS) + 1)]
    header = next((n for n, row in enumerate(rows) if [cell_text(c) for c in row[:len(numbers)]] == numbers), None)
    if header is None:
        return f"{SUMMARY_SHEET}: (1)…({len(numbers)})?"
    units = [u for u in UNIT_KEYS if u != "commune" and (SUMMARY_COLUMNS[0], u) in figures]
    expected = [*units, "commune"]
    for offset, unit in enumerate(expected, start=1):
        at = header + offset
        row = list(rows[at]) if at < len(rows) else []
        is_total = bool(row) and cell_text(row[0]) in TOTAL_LABELS
        if is_total != (unit == "commune"):
            return f"{SUMMARY_SHEET}!{cell_name(at, 0)}: {TOTAL_LABELS[0]}?"
        for col, indicator in enumerate(SUMMARY_COLUMNS, start=FIRST_FIGURE):
            printed = whole(row[col]) if col < len(row) else None
            wanted = figures.get((indicator, unit))
            if printed != wanted:
                shown = cell_text(row[col])[:20] if col < len(row) else ""
                return f"{SUMMARY_SHEET}!{cell_name(at, col)}: {shown or '∅'} ≠ {'∅' if wanted is None else wanted}"
    return None
