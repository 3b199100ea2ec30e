"""Cell values as Excel shows them: the words an error message quotes back to
the person who typed the cell."""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from app.text.dates import format_date


def shown_value(value: Any) -> str:
    """A cell as Excel shows it: dates dd/mm/yyyy, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0):
            return format_date(value.date())
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)
