"""Report periods: a month, a quarter, a half-year or a year.

Written the way DESIGN.md names them: ``2026-11``, ``2026-Q4``, ``2026-H2``,
``2026``, and read also as clerks write them, with or without accents:
``11/2026``, ``T11/2026``, ``tháng 11 năm 2026``; ``Q4/2026``, ``Quý 4/2026``,
``quý IV năm 2026``; ``6 tháng đầu năm 2026``, ``6 tháng cuối năm 2026``,
``H2/2026``; ``năm 2026``. A period is a first and a last day (both
inclusive) and the words a report prints for it ("quý IV năm 2026").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from app import messages
from app.errors import InvalidValue
from app.text.vietnamese import fold

__all__ = ["Period", "parse_period", "MIN_YEAR", "MAX_YEAR"]

MIN_YEAR, MAX_YEAR = 2000, 2100

messages.register(
    {
        "period.bad": (
            "{field_name} “{value}” không hợp lệ. Hãy viết tháng như 11/2026 hoặc 2026-11, quý như Q4/2026 "
            "hoặc 2026-Q4, 6 tháng như “6 tháng đầu năm 2026” hoặc 2026-H1, năm như 2026.",
            "{field_name} “{value}” is not valid. Write a month as 11/2026 or 2026-11, a quarter as Q4/2026 "
            "or 2026-Q4, a half-year as 2026-H1 (“6 tháng đầu năm 2026”), a year as 2026.",
        ),
        "period.year_range": (
            "{field_name} “{value}”: năm phải từ {low} đến {high}.",
            "{field_name} “{value}”: the year must be between {low} and {high}.",
        ),
        "period.future": (
            "{field_name} {value} bắt đầu từ ngày {first}, sau hôm nay ({today}): chưa có số liệu để báo cáo.",
            "{field_name} {value} starts on {first}, after today ({today}): there is nothing to report yet.",
        ),
    }
)
messages.register_fields({"period": ("Kỳ báo cáo", "Report period")})

_ROMAN = ("I", "II", "III", "IV")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_PATTERN = re.compile(r"(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])))?")
# As clerks write them, read after ``fold`` (lower case, no accents, one space).
_SEP = r"\s*(?:/|-|\.|\s|nam)\s*(?:nam\s*)?"
_CLERK_FORMS = (
    ("month", re.compile(r"(?:thang|t)?\s*(\d{1,2})" + _SEP + r"(\d{4})")),
    ("quarter", re.compile(r"(?:quy|q)\s*([1-4]|iv|i{1,3})" + _SEP + r"(\d{4})")),
    ("half", re.compile(r"6\s*thang\s*(dau|cuoi)" + _SEP + r"(\d{4})")),
    ("half", re.compile(r"h\s*([12])" + _SEP + r"(\d{4})")),
    ("year", re.compile(r"nam\s*(\d{4})")),
)
_QUARTERS = {"1": "1", "2": "2", "3": "3", "4": "4", "i": "1", "ii": "2", "iii": "3", "iv": "4"}
_HALVES = {"1": "1", "2": "2", "dau": "1", "cuoi": "2"}


def _canonical(raw: str) -> str:
    """A clerk's way of writing a period, in the canonical form; the text as
    it was when it is none of them."""
    folded = fold(raw)
    for kind, pattern in _CLERK_FORMS:
        match = pattern.fullmatch(folded)
        if match is None:
            continue
        if kind == "month":
            return f"{match.group(2)}-{match.group(1)}"
        if kind == "quarter":
            return f"{match.group(2)}-Q{_QUARTERS[match.group(1)]}"
        if kind == "half":
            return f"{match.group(2)}-H{_HALVES[match.group(1)]}"
        return match.group(1)
    return raw.replace(" ", "")


@dataclass(frozen=True)
class Period:
    code: str    # canonical: "2026-11", "2026-Q4", "2026-H2", "2026"
    kind: str    # "month" | "quarter" | "half" | "year"
    first: date
    last: date

    def label(self, lang: str = "vi") -> str:
        """How a report names the period: "tháng 11 năm 2026", "Q4 2026"..."""
        year = self.first.year
        if self.kind == "month":
            return f"tháng {self.first.month} năm {year}" if lang == "vi" else f"{_MONTHS_EN[self.first.month - 1]} {year}"
        if self.kind == "quarter":
            q = (self.first.month - 1) // 3
            return f"quý {_ROMAN[q]} năm {year}" if lang == "vi" else f"Q{q + 1} {year}"
        if self.kind == "half":
            if lang == "vi":
                return f"6 tháng {'đầu' if self.first.month == 1 else 'cuối'} năm {year}"
            return f"{'first' if self.first.month == 1 else 'second'} half of {year}"
        return f"năm {year}" if lang == "vi" else str(year)


def _months(year: int, first_month: int, count: int) -> tuple[date, date]:
    last_month = first_month + count - 1
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def parse_period(text: object, *, today: date | None = None) -> Period:
    """Read a period as a person types it (the canonical forms, spaces and a
    lower-case q/h, or a clerk's forms: see the module). With ``today``, a
    period that has not started yet is refused."""
    raw = str(text if text is not None else "").strip()
    match = _PATTERN.fullmatch(_canonical(raw))
    if not match:
        raise InvalidValue("period.bad", field="period", value=raw)
    year_text, month, quarter, half = match.groups()
    year = int(year_text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValue("period.year_range", field="period", value=raw, low=MIN_YEAR, high=MAX_YEAR)
    if month is not None:
        if not 1 <= int(month) <= 12:
            raise InvalidValue("period.bad", field="period", value=raw)
        period = Period(f"{year}-{int(month):02d}", "month", *_months(year, int(month), 1))
    elif quarter is not None:
        period = Period(f"{year}-Q{quarter}", "quarter", *_months(year, 3 * int(quarter) - 2, 3))
    elif half is not None:
        period = Period(f"{year}-H{half}", "half", *_months(year, 6 * int(half) - 5, 6))
    else:
        period = Period(str(year), "year", *_months(year, 1, 12))
    if today is not None and period.first > today:
        raise InvalidValue(
            "period.future", field="period", value=period.code,
            first=period.first.strftime("%d/%m/%Y"), today=today.strftime("%d/%m/%Y"),
        )
    return period
