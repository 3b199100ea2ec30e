"""Dates as Vietnamese rosters write them, and as Excel hands them over.

Vietnamese dates are always day/month/year: a date that only makes sense as
month/day is refused, never silently swapped. Rosters often know only the
birth year, so a date is a ``PartialDate``: a full date or a year alone.
Stored as ISO ("YYYY-MM-DD" or "YYYY"), shown as "dd/mm/yyyy" or "yyyy".
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from app import messages
from app.errors import InvalidValue
from app.text.vietnamese import fold

__all__ = ["PartialDate", "parse_date", "parse_date_noted", "format_date", "format_moment", "parse_iso_date", "age_on",
           "MONTH_DROPPED", "TWO_DIGIT_YEAR"]

MIN_YEAR = 1900

MONTH_DROPPED = "date.month_dropped"
TWO_DIGIT_YEAR = "date.two_digit_year"

messages.register_fields(
    {
        "date": ("Ngày", "Date"),
        "birth_date": ("Ngày sinh", "Birth date"),
    }
)

messages.register(
    {
        "date.unreadable": (
            "{field_name} “{value}” không đọc được. Hãy viết theo dạng ngày/tháng/năm "
            "(ví dụ 05/03/1985) hoặc chỉ ghi năm (1985).",
            "{field_name} “{value}” cannot be read. Write it as day/month/year "
            "(e.g. 05/03/1985) or just the year (1985).",
        ),
        "date.impossible": (
            "{field_name} {value} không có trên lịch. Lưu ý: ngày viết theo thứ tự "
            "ngày/tháng/năm (ví dụ 25/03/1990, không phải 03/25/1990).",
            "{field_name} {value} is not a real date. Note that Vietnamese dates are "
            "day/month/year (e.g. 25/03/1990, not 03/25/1990).",
        ),
        "date.future": (
            "{field_name} {value} là một ngày trong tương lai; hãy kiểm tra lại.",
            "{field_name} {value} is in the future; please check it.",
        ),
        "date.too_old": (
            "{field_name} {value} trước năm 1900; hãy kiểm tra lại.",
            "{field_name} {value} is before 1900; please check it.",
        ),
        "date.year_only_not_allowed": (
            "{field_name} cần đủ ngày, tháng, năm (đang là: {value}).",
            "{field_name} needs the day, month and year (got: {value}).",
        ),
        MONTH_DROPPED: (
            "“{original}” chỉ có tháng và năm; đã giữ lại năm {value}.",
            "“{original}” has only a month and a year; kept the year {value}.",
        ),
        TWO_DIGIT_YEAR: (
            "Năm viết tắt trong “{original}” đã được hiểu là {value}; hãy kiểm tra lại.",
            "The two-digit year in “{original}” was read as {value}; please check it.",
        ),
    }
)


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A full date, or a year alone (month and day both ``None``).

    Ordered by (year, month, day) with a year alone before any full date of
    that year. (Not ``order=True``: the generated comparison would compare
    ``None`` with an int and fail for a year against a full date.)
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if (self.month is None) != (self.day is None):
            raise ValueError("PartialDate is a full date or a year alone")
        if self.month is not None:
            date(self.year, self.month, self.day)  # raises ValueError if not a real day
        elif not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")

    def _key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    @property
    def is_full(self) -> bool:
        return self.month is not None

    def iso(self) -> str:
        """"YYYY-MM-DD", or "YYYY" for a year alone: the stored form."""
        # Worked out once per instance (the parsers share one instance per
        # day across a whole roster); kept outside the fields, so equality,
        # hashing and repr are as before.
        try:
            return self.__dict__["_iso"]
        except KeyError:
            pass
        if self.month is not None:
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        else:
            text = f"{self.year:04d}"
        object.__setattr__(self, "_iso", text)
        return text

    def display(self) -> str:
        """"dd/mm/yyyy", or "yyyy" for a year alone: the shown form."""
        if self.is_full:
            return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()

    def to_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.is_full else None

    @classmethod
    def from_iso(cls, s: str) -> PartialDate:
        """Parse the stored form ("YYYY-MM-DD" or "YYYY"); strict."""
        match = _ISO_STORED.match(s.strip()) if isinstance(s, str) else None
        if not match:
            raise InvalidValue("date.unreadable", field="date", value=s)
        year, month, day = match.groups()
        if month is None:
            return cls(int(year))
        return _make(int(year), int(month), int(day), "date", s)

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)


_ISO_STORED = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2}))?$")

# Excel's 1900 date system. Serial 1 is 01/01/1900, and Excel believes in a
# 29/02/1900 (serial 60, a Lotus 1-2-3 bug kept for compatibility), so serials
# after it are one day ahead of a plain count from 31/12/1899.
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_FAKE_LEAP_DAY = 60
_EXCEL_MAX_SERIAL = 2958465  # 31/12/9999

_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_SEP = r"\s*[/.\-]\s*"
_DMY = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}}){_TIME}$")
_YMD = re.compile(rf"^(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}}){_TIME}$")
_MY = re.compile(rf"^(?:thang\s*)?(\d{{1,2}}){_SEP}(\d{{4}})$")
_YM = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(?:nam\s*)?(\d{4})$")
_DDMMYYYY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
# "ngày 05 tháng 3 năm 1990", the wording of official documents (folded).
_WORDS = re.compile(r"^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$")
_WORDS_MY = re.compile(r"^thang\s*(\d{1,2})\s*nam\s*(\d{4})$")


def _make(year: int, month: int, day: int, field: str, raw: object) -> PartialDate:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise InvalidValue("date.impossible", field=field, value=raw)
    try:
        return PartialDate(year, month, day)
    except ValueError:
        raise InvalidValue("date.impossible", field=field, value=raw) from None


def _excel_serial(serial: int, field: str, raw: object) -> PartialDate:
    if serial == _EXCEL_FAKE_LEAP_DAY:
        raise InvalidValue("date.impossible", field=field, value=raw)
    if serial < _EXCEL_FAKE_LEAP_DAY:
        return PartialDate.from_date(_EXCEL_EPOCH + timedelta(days=serial + 1))
    return PartialDate.from_date(_EXCEL_EPOCH + timedelta(days=serial))


def _from_number(raw: int | float | Decimal, field: str) -> tuple[PartialDate, None]:
    if not math.isfinite(raw) or raw <= 0:
        raise InvalidValue("date.unreadable", field=field, value=raw)
    whole = int(raw)
    if 1000 <= whole <= 9999:
        # Four digits in a date column are a year. (Taken as serials they would
        # be days of 1902-1927, which no roster means.)
        if whole != raw:
            raise InvalidValue("date.unreadable", field=field, value=raw)
        return PartialDate(whole), None
    if 10_000_000 <= whole <= 99_999_999 and whole == raw:
        # ddmmyyyy typed into a number cell: far beyond any Excel serial.
        return _from_text(f"{whole:08d}", field, raw)
    if whole <= _EXCEL_MAX_SERIAL:
        # A fraction is the time of day of a date-time cell.
        return _excel_serial(whole, field, raw), None
    raise InvalidValue("date.unreadable", field=field, value=raw)


def _year_of_two_digits(yy: int, month: int, day: int, today: date,
                        allow_future: bool) -> int:
    # Two-digit years in rosters only ever mean 19yy or 20yy: 20yy unless
    # that would put the date after today ("15/06/85" is 1985). Fixed
    # centuries rather than today's, so a caller passing a far-off ``today``
    # to accept future dates still gets 20yy.
    year = 2000 + yy
    if not allow_future and (year, month, day) > (today.year, today.month, today.day):
        year -= 100
    return year


def _from_text(text: str, field: str, raw: object, today: date | None = None,
               allow_future: bool = False) -> tuple[PartialDate, str | None]:
    s = fold(text)
    if m := _YEAR.match(s):
        return PartialDate(int(m.group(1))), None
    if m := _DMY.match(s) or _WORDS.match(s):
        day, month, year = map(int, m.groups())
        note = None
        if month > 12:
            # Includes month/day order (03/25/1990): refused, never swapped;
            # the message reminds that Vietnamese dates are day/month/year.
            raise InvalidValue("date.impossible", field=field, value=raw)
        if len(m.group(3)) == 2:
            year = _year_of_two_digits(year, month, day, today or date.today(), allow_future)
            note = TWO_DIGIT_YEAR
        return _make(year, month, day, field, raw), note
    if m := _YMD.match(s):
        year, month, day = m.groups()
        return _make(int(year), int(month), int(day), field, raw), None
    if m := _DDMMYYYY.match(s):
        day, month, year = m.groups()
        return _make(int(year), int(month), int(day), field, raw), None
    if m := _MY.match(s) or _WORDS_MY.match(s):
        month, year = m.groups()
        if not 1 <= int(month) <= 12:
            raise InvalidValue("date.impossible", field=field, value=raw)
        return PartialDate(int(year)), MONTH_DROPPED
    if m := _YM.match(s):
        year, month = m.groups()
        if not 1 <= int(month) <= 12:
            raise InvalidValue("date.impossible", field=field, value=raw)
        return PartialDate(int(year)), MONTH_DROPPED
    raise InvalidValue("date.unreadable", field=field, value=raw)


# The forms nearly every roster cell takes: "dd/mm/yyyy" and "yyyy" (ASCII
# digits only, nothing around them).
_FAST_TEXT = re.compile(r"(?:([0-9]{2})/([0-9]{2})/)?([0-9]{4})")


@functools.lru_cache(maxsize=65536)
def _full_date(year: int, month: int, day: int) -> PartialDate:
    # PartialDate is immutable: one instance per day serves every row born
    # that day. Raises ValueError for a day not on the calendar.
    return PartialDate(year, month, day)


@functools.lru_cache(maxsize=1024)
def _year_only(year: int) -> PartialDate:
    return PartialDate(year)


def parse_date_noted(raw: object, *, field: str = "date", today: date | None = None,
                     allow_year_only: bool = True,
                     allow_future: bool = False) -> tuple[PartialDate | None, str | None]:
    """Like ``parse_date``, also returning a note code when something was guessed
    or dropped: ``date.month_dropped`` ("03/1985" kept as 1985) or
    ``date.two_digit_year`` ("15/06/85" read as 1985). Note texts take
    ``{original}`` and ``{value}``."""
    today = today or date.today()
    # Fast paths for the common cells (a date or date-time cell, an already
    # read PartialDate, "dd/mm/yyyy", a year as text or number), each
    # returning only a date that passes every check below, exactly as
    # ``_parse_noted_slow`` would (a test runs both over thousands of values).
    # Anything else, and every refusal, is left to ``_parse_noted_slow``.
    cls = raw.__class__
    if cls is str:
        m = _FAST_TEXT.fullmatch(raw)
        if m is not None:
            day, month, year = m.groups()
            if day is None:
                year = int(year)
                if allow_year_only and MIN_YEAR <= year <= today.year:
                    return _year_only(year), None
            else:
                year, month, day = int(year), int(month), int(day)
                if year >= MIN_YEAR and (allow_future or (year, month, day) <= (today.year, today.month, today.day)):
                    try:
                        return _full_date(year, month, day), None
                    except ValueError:
                        pass
    elif cls is date or cls is datetime:
        year, month, day = raw.year, raw.month, raw.day
        if year >= MIN_YEAR and (allow_future or (year, month, day) <= (today.year, today.month, today.day)):
            return _full_date(year, month, day), None
    elif cls is PartialDate:
        year, month = raw.year, raw.month
        if year >= MIN_YEAR:
            if month is None:
                if allow_year_only and (allow_future or year <= today.year):
                    return raw, None
            elif allow_future or (year, month, raw.day) <= (today.year, today.month, today.day):
                return raw, None
    elif cls is int or cls is float:
        if allow_year_only and MIN_YEAR <= raw <= today.year and raw == int(raw):
            return _year_only(int(raw)), None
    return _parse_noted_slow(raw, field, today, allow_year_only, allow_future)


def _parse_noted_slow(raw: object, field: str, today: date, allow_year_only: bool,
                      allow_future: bool) -> tuple[PartialDate | None, str | None]:
    """Every form a date may come in, and every refusal: the reference
    ``parse_date_noted`` follows."""
    if raw is None:
        return None, None
    note: str | None = None
    if isinstance(raw, PartialDate):
        result = raw
    elif isinstance(raw, datetime):
        result = PartialDate.from_date(raw.date())
    elif isinstance(raw, date):
        result = PartialDate.from_date(raw)
    elif isinstance(raw, bool):
        raise InvalidValue("date.unreadable", field=field, value=raw)
    elif isinstance(raw, int | float | Decimal):
        result, note = _from_number(raw, field)
    else:
        text = str(raw).strip().lstrip("'")  # "'05/03/1985": Excel's force-text prefix
        if not text:
            return None, None
        result, note = _from_text(text, field, raw, today, allow_future)

    if result.year < MIN_YEAR:
        raise InvalidValue("date.too_old", field=field, value=raw)
    if not allow_future:
        too_late = (result.to_date() > today) if result.is_full else result.year > today.year
        if too_late:
            raise InvalidValue("date.future", field=field, value=raw)
    if not result.is_full and not allow_year_only:
        raise InvalidValue("date.year_only_not_allowed", field=field, value=raw)
    return result, note


def parse_date(raw: object, *, field: str = "date", today: date | None = None,
               allow_year_only: bool = True, allow_future: bool = False) -> PartialDate | None:
    """Read a date from a form or a spreadsheet cell; ``None`` when empty.

    Accepts date/datetime objects, Excel serial numbers, years (1985, "1985",
    "năm 1985"), "dd/mm/yyyy" with / - or . and one or two digits, "d/m/yy",
    "ddmmyyyy", ISO "yyyy-mm-dd" (with a time or not), "ngày 5 tháng 3 năm
    1985", and "mm/yyyy" (kept as the year; see ``parse_date_noted``).
    Dates after ``today`` are refused unless ``allow_future`` (due dates).
    """
    return parse_date_noted(raw, field=field, today=today, allow_year_only=allow_year_only,
                            allow_future=allow_future)[0]


def format_date(value: date | PartialDate | str | None) -> str:
    """"dd/mm/yyyy" (or "yyyy") for any date form; ``None`` or "" gives ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, PartialDate):
        return value.display()
    try:
        return PartialDate.from_iso(value).display()
    except InvalidValue:
        # Shown text must never crash a screen or a report: an unexpected
        # stored value is shown as it is, where a person can see and fix it.
        return str(value)


def age_on(birth: str | None, day: date) -> int | None:
    """Age in whole years on ``day`` of someone born on ``birth``, a stored
    date ("YYYY-MM-DD", or "YYYY" when only the year is known: then
    ``day.year - year``); None when unknown. Read from the text directly, not
    through ``PartialDate``: a province report ages every member."""
    if not birth:
        return None
    try:
        year = int(birth[:4])
        if len(birth) != 10:
            return day.year - year if len(birth) == 4 else None
        return day.year - year - ((day.month, day.day) < (int(birth[5:7]), int(birth[8:10])))
    except ValueError:
        return None  # not a stored date: unknown, never a crash in a report


def format_moment(moment: datetime | str | None, *, seconds: bool = False) -> str:
    """"dd/mm/yyyy HH:MM" (with ``seconds``, "dd/mm/yyyy HH:MM:SS") for a
    moment or its stored ISO text, on the clock it was written with: a stored
    "2026-11-22T09:05:00+07:00" is 22/11/2026 09:05 whatever this PC's zone,
    because that is the time the person saw then. ``None`` gives ""."""
    if moment is None or moment == "":
        return ""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            return moment  # shown as it is, like format_date: never a crash
    return f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d} {moment:%H:%M}" + (
        f":{moment.second:02d}" if seconds else "")


def parse_iso_date(s: str, *, field: str = "date") -> date:
    """Strict "YYYY-MM-DD" (command-line arguments)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s.strip()) if isinstance(s, str) else None
    if not match:
        raise InvalidValue("date.unreadable", field=field, value=s)
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        raise InvalidValue("date.impossible", field=field, value=s) from None
