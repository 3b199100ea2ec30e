"""Cells as Excel shows them: their values, and their column letters and
names ("D", "B7"): the words an error message quotes back to the person who
typed the cell, and what a written sheet names its columns by."""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from app.text.dates import format_date, format_moment


def shown_value(value: Any) -> str:
    """A cell as Excel shows it: dates dd/mm/yyyy, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0):
            return format_date(value.date())
        return format_moment(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """0-based row and column -> "B7"."""
    return f"{column_letter(col)}{row + 1}"
