"""ISO weeks for the weekly summary of "Mặt trận số": ``2026-W48``, a Monday
to a Sunday.

Read as people write a week: ``2026-W48``, ``2026W48``, ``2026-w48``,
``W48/2026``, ``tuần 48/2026`` (with or without accents). A week belongs to
its ISO year (the year of its Thursday): ``2026-W01`` begins on Monday
29/12/2025; 2026 has 53 weeks (it begins on a Thursday), 2025 only 52, so
``2025-W53`` is refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from app import messages
from app.errors import InvalidValue
from app.text.dates import format_date
from app.text.periods import MAX_YEAR, MIN_YEAR
from app.text.vietnamese import fold

__all__ = ["Week", "parse_week", "week_of"]

messages.register(
    {
        "week.bad": (
            "{field_name} “{value}” không hợp lệ. Hãy viết tuần theo ISO như 2026-W48 (hoặc W48/2026, "
            "“tuần 48/2026”).",
            "{field_name} “{value}” is not valid. Write an ISO week such as 2026-W48 (or W48/2026).",
        ),
        "week.no_such_week": (
            "{field_name} “{value}”: năm {year} không có tuần {number} (năm này có {weeks} tuần theo ISO).",
            "{field_name} “{value}”: {year} has no week {number} (it has {weeks} ISO weeks).",
        ),
        "week.future": (
            "{field_name} {value} bắt đầu từ ngày {first}, sau hôm nay ({today}): chưa có số liệu.",
            "{field_name} {value} starts on {first}, after today ({today}): there are no figures yet.",
        ),
    }
)
messages.register_fields({"week": ("Tuần", "Week")})

_FORMS = (
    re.compile(r"(?P<year>\d{4})\s*-?\s*w\s*(?P<number>\d{1,2})"),
    re.compile(r"(?:w|tuan)\s*(?P<number>\d{1,2})\s*(?:/|-|\s|nam)\s*(?:nam\s*)?(?P<year>\d{4})"),
)


@dataclass(frozen=True, order=True)
class Week:
    year: int    # the ISO year (the year of the week's Thursday)
    number: int  # 1 to 52 or 53

    @property
    def code(self) -> str:
        """``2026-W48``: how the database and ``--json`` write it (sorts in time order)."""
        return f"{self.year}-W{self.number:02d}"

    @property
    def first(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def last(self) -> date:
        return self.first + timedelta(days=6)

    def label(self) -> str:
        """``tuần 48/2026 (23/11/2026 – 29/11/2026)``."""
        return f"tuần {self.number:02d}/{self.year} ({format_date(self.first)} – {format_date(self.last)})"


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]  # 28 December always lies in the year's last week


def week_of(day: date) -> Week:
    """The ISO week ``day`` falls in."""
    year, number, _ = day.isocalendar()
    return Week(year, number)


def parse_week(text: object, *, today: date | None = None) -> Week:
    """A week as a person types it (see the module). With ``today``, a week
    that has not begun yet is refused."""
    raw = str(text if text is not None else "").strip()
    folded = fold(raw)
    match = next((m for m in (f.fullmatch(folded) for f in _FORMS) if m), None)
    if match is None:
        raise InvalidValue("week.bad", field="week", value=raw)
    year, number = int(match["year"]), int(match["number"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValue("week.bad", field="week", value=raw)
    if not 1 <= number <= _weeks_in(year):
        raise InvalidValue("week.no_such_week", field="week", value=raw, year=year, number=number,
                           weeks=_weeks_in(year))
    week = Week(year, number)
    if today is not None and week.first > today:
        raise InvalidValue("week.future", field="week", value=week.code, first=format_date(week.first),
                           today=format_date(today))
    return week
