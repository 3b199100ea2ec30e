"""Dates: PartialDate, every accepted input form, Excel serials, refusals, display."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from app import messages
from app.errors import InvalidValue
from app.text.dates import (
    PartialDate,
    age_on,
    format_date,
    format_moment,
    parse_date,
    parse_date_noted,
    parse_iso_date,
)

TODAY = date(2025, 6, 15)
FULL = PartialDate(1985, 3, 5)


def parse(raw, **kwargs):
    return parse_date(raw, today=TODAY, **kwargs)


def error_of(raw, **kwargs) -> InvalidValue:
    with pytest.raises(InvalidValue) as caught:
        parse(raw, **kwargs)
    return caught.value


# ---------------------------------------------------------------- PartialDate


def test_partial_date_full():
    d = PartialDate(1985, 3, 5)
    assert d.is_full
    assert d.iso() == "1985-03-05"
    assert d.display() == "05/03/1985"
    assert str(d) == "1985-03-05"
    assert d.to_date() == date(1985, 3, 5)


def test_partial_date_year_only():
    d = PartialDate(1985)
    assert not d.is_full
    assert d.iso() == "1985"
    assert d.display() == "1985"
    assert d.to_date() is None


def test_partial_date_rejects_half_dates_and_impossible_days():
    with pytest.raises(ValueError):
        PartialDate(1985, 3)
    with pytest.raises(ValueError):
        PartialDate(1990, 2, 31)


@pytest.mark.parametrize("d", [PartialDate(1985, 3, 5), PartialDate(1985), PartialDate(2000, 2, 29),
                               PartialDate(1900, 1, 1), PartialDate(2024, 12, 31)])
def test_iso_round_trip(d):
    assert PartialDate.from_iso(d.iso()) == d
    assert parse(d.display()) == d


@pytest.mark.parametrize("s", ["1985-3-5", "05/03/1985", "85", "", "1985-02-30x"])
def test_from_iso_is_strict(s):
    with pytest.raises(InvalidValue):
        PartialDate.from_iso(s)


def test_from_iso_impossible_day():
    with pytest.raises(InvalidValue) as caught:
        PartialDate.from_iso("1990-02-30")
    assert caught.value.code == "date.impossible"


def test_ordering():
    dates = [PartialDate(1990, 1, 1), PartialDate(1985), PartialDate(1990),
             PartialDate(1985, 12, 31), PartialDate(1985, 1, 2)]
    assert sorted(dates) == [PartialDate(1985), PartialDate(1985, 1, 2), PartialDate(1985, 12, 31),
                             PartialDate(1990), PartialDate(1990, 1, 1)]
    assert PartialDate(1985) < PartialDate(1985, 1, 1)
    assert PartialDate(1985, 1, 1) >= PartialDate(1985)
    assert PartialDate(1985) != PartialDate(1985, 1, 1)


def test_age_on():
    assert age_on("1985-06-15", date(2025, 6, 14)) == 39
    assert age_on("1985-06-15", date(2025, 6, 15)) == 40
    assert age_on("1985", date(2025, 1, 1)) == 40  # a year alone: the years between
    assert age_on("2000-02-29", date(2001, 2, 28)) == 0
    assert age_on("2000-02-29", date(2001, 3, 1)) == 1
    assert age_on(None, date(2025, 1, 1)) is None and age_on("", date(2025, 1, 1)) is None
    assert age_on("19xx", date(2025, 1, 1)) is None and age_on("1985-6", date(2025, 1, 1)) is None


def test_format_moment_shows_the_wall_time_it_was_written_at():
    assert format_moment("2026-11-22T09:05:07+07:00") == "22/11/2026 09:05"
    assert format_moment("2026-11-22T09:05:07+07:00", seconds=True) == "22/11/2026 09:05:07"
    # stored with another offset: shown as written, not moved to this PC's zone
    assert format_moment("2026-01-02T23:59:00+00:00") == "02/01/2026 23:59"
    assert format_moment(datetime(2026, 3, 4, 7, 8, 9, tzinfo=timezone(timedelta(hours=7)))) == "04/03/2026 07:08"
    assert format_moment(datetime(987, 3, 4, 7, 8)) == "04/03/0987 07:08"
    assert format_moment(None) == "" and format_moment("") == ""
    assert format_moment("not a moment") == "not a moment"  # shown as it is, never a crash


# ---------------------------------------------------------------- parse_date: accepted forms


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_empty(raw):
    assert parse(raw) is None
    assert parse_date_noted(raw, today=TODAY) == (None, None)


@pytest.mark.parametrize(
    "raw",
    ["05/03/1985", "5/3/1985", "05-03-1985", "05.03.1985", "5-3-1985", "5.3.1985",
     " 05 / 03 / 1985 ", "1985-03-05", "1985-03-05 00:00:00", "1985-03-05T08:30",
     "05/03/1985 00:00", "05031985", "ngày 05 tháng 3 năm 1985", "Ngày 5 tháng 03 năm 1985",
     "'05/03/1985", date(1985, 3, 5), datetime(1985, 3, 5, 14, 30), FULL],
)
def test_full_date_forms(raw):
    assert parse_date_noted(raw, today=TODAY) == (FULL, None)


@pytest.mark.parametrize("raw", ["1985", " 1985 ", "năm 1985", "Năm 1985", "NĂM 1985", "nam 1985",
                                 1985, 1985.0, Decimal("1985"), PartialDate(1985)])
def test_year_forms(raw):
    assert parse_date_noted(raw, today=TODAY) == (PartialDate(1985), None)


@pytest.mark.parametrize("raw", ["03/1985", "3/1985", "03-1985", "03.1985", "1985-03",
                                 "tháng 3/1985", "tháng 3 năm 1985"])
def test_month_and_year_keeps_the_year_with_a_note(raw):
    assert parse_date_noted(raw, today=TODAY) == (PartialDate(1985), "date.month_dropped")
    assert parse(raw) == PartialDate(1985)


def test_month_year_with_impossible_month():
    assert error_of("13/1985").code == "date.impossible"


def test_two_digit_years_pivot_on_today():
    # today is 15/06/2025: a date in the past is wanted.
    assert parse_date_noted("5/3/85", today=TODAY) == (FULL, "date.two_digit_year")
    assert parse("05/03/05") == PartialDate(2005, 3, 5)
    assert parse("15/06/25") == PartialDate(2025, 6, 15)
    assert parse("16/06/25") == PartialDate(1925, 6, 16)
    assert parse("01/01/26") == PartialDate(1926, 1, 1)
    assert parse("31/12/99") == PartialDate(1999, 12, 31)
    assert parse("01/01/00") == PartialDate(2000, 1, 1)
    assert parse("1/1/30", allow_future=True) == PartialDate(2030, 1, 1)
    # A far-off today (a way to accept due dates) still means 20yy.
    assert parse_date("15/06/25", today=date(9999, 1, 1)) == PartialDate(2025, 6, 15)


def test_eight_digit_number_is_ddmmyyyy():
    assert parse("31121985") == PartialDate(1985, 12, 31)
    assert parse(31121985) == PartialDate(1985, 12, 31)
    assert error_of("31021985").code == "date.impossible"


def test_excel_serial_numbers():
    # Excel counts from 30/12/1899 for every serial after its fake 29/02/1900.
    assert date(1899, 12, 30) + timedelta(days=32874) == date(1990, 1, 1)
    assert parse(32874) == PartialDate(1990, 1, 1)
    assert parse(32874.0) == PartialDate(1990, 1, 1)
    assert parse(32874.75) == PartialDate(1990, 1, 1)  # a date-time cell: time dropped
    assert parse(31111) == PartialDate(1985, 3, 5)
    assert parse(36586) == PartialDate(2000, 3, 1)
    assert parse(1) == PartialDate(1900, 1, 1)
    assert parse(59) == PartialDate(1900, 2, 28)
    assert parse(61) == PartialDate(1900, 3, 1)
    today_serial = (TODAY - date(1899, 12, 30)).days
    assert parse(today_serial) == PartialDate(2025, 6, 15)
    assert error_of(today_serial + 1).code == "date.future"


def test_excel_fake_leap_day_is_impossible():
    assert error_of(60).code == "date.impossible"


def test_four_digit_numbers_are_years():
    assert parse(2025) == PartialDate(2025)
    assert error_of(2026).code == "date.future"
    assert error_of(1899).code == "date.too_old"


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize("raw", ["abc", "5/3", "1985/03", "12345", "1985.0", "05/03/1985/1",
                                 "3 tháng 5", "--", 0, -5, 1985.5, 3_000_000, True, [1985],
                                 float("inf")])
def test_unreadable(raw):
    error = error_of(raw, field="birth_date")
    assert error.code == "date.unreadable"
    assert error.field == "birth_date"
    assert error.value == raw


@pytest.mark.parametrize("raw", ["31/02/1990", "29/02/1990", "31/04/1990", "00/01/1990",
                                 "32/01/1990", "15/13/1990", "1990-02-30", "1990-13-01"])
def test_impossible(raw):
    assert error_of(raw).code == "date.impossible"


def test_month_first_is_refused_not_swapped():
    error = error_of("03/25/1990", field="birth_date")
    assert error.code == "date.impossible"
    text = messages.describe(error, "vi")
    assert "ngày/tháng/năm" in text
    assert "Ngày sinh" in text
    assert "day/month/year" in messages.describe(error, "en")
    # A day above 12 in front is plain day/month: fine.
    assert parse("25/03/1990") == PartialDate(1990, 3, 25)
    # Both numbers small: read as day/month, never guessed otherwise.
    assert parse("03/04/1990") == PartialDate(1990, 4, 3)


@pytest.mark.parametrize("raw", ["16/06/2025", "2025-06-16", "2026", "01/01/2030",
                                 date(2025, 6, 16), datetime(2030, 1, 1)])
def test_future(raw):
    assert error_of(raw).code == "date.future"


def test_today_is_not_future():
    assert parse("15/06/2025") == PartialDate(2025, 6, 15)
    assert parse("2025") == PartialDate(2025)


def test_future_allowed_for_due_dates():
    assert parse("01/01/2030", allow_future=True) == PartialDate(2030, 1, 1)


@pytest.mark.parametrize("raw", ["31/12/1899", "1899", "năm 1850", "1850-01-01",
                                 date(1899, 12, 31)])
def test_too_old(raw):
    assert error_of(raw).code == "date.too_old"


@pytest.mark.parametrize("raw", ["1985", 1985, "03/1985"])
def test_year_only_not_allowed(raw):
    assert error_of(raw, allow_year_only=False).code == "date.year_only_not_allowed"
    assert parse("05/03/1985", allow_year_only=False) == FULL


def test_default_today_is_the_real_today():
    assert parse_date(date.today()) == PartialDate.from_date(date.today())
    with pytest.raises(InvalidValue):
        parse_date(date.today() + timedelta(days=1))


# ---------------------------------------------------------------- display and strict ISO


@pytest.mark.parametrize(
    "value,shown",
    [(date(1985, 3, 5), "05/03/1985"), (datetime(1985, 3, 5, 9, 0), "05/03/1985"),
     (FULL, "05/03/1985"), (PartialDate(1985), "1985"), ("1985-03-05", "05/03/1985"),
     ("1985", "1985"), (None, ""), ("", "")],
)
def test_format_date(value, shown):
    assert format_date(value) == shown


def test_format_date_shows_unexpected_text_as_is():
    assert format_date("không rõ") == "không rõ"


def test_parse_iso_date():
    assert parse_iso_date("2025-06-15") == date(2025, 6, 15)
    for bad in ["15/06/2025", "2025-6-15", "2025", "tomorrow", ""]:
        with pytest.raises(InvalidValue) as caught:
            parse_iso_date(bad)
        assert caught.value.code == "date.unreadable"
    with pytest.raises(InvalidValue) as caught:
        parse_iso_date("2025-02-30")
    assert caught.value.code == "date.impossible"


# ---------------------------------------------------------------- messages

CODES = ["date.unreadable", "date.impossible", "date.future", "date.too_old",
         "date.year_only_not_allowed", "date.month_dropped", "date.two_digit_year"]


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_both_texts(code):
    params = dict(value="03/1985", field_name="Ngày sinh", original="03/1985")
    vi = messages.text(code, "vi", **params)
    en = messages.text(code, "en", **params)
    assert vi != code and en != code and vi != en
    assert "{" not in vi and "{" not in en
    assert not vi.isascii()


def test_field_names_registered():
    assert messages.field_name("birth_date", "vi") == "Ngày sinh"
    assert messages.field_name("birth_date", "en") == "Birth date"
    assert messages.field_name("date", "vi") == "Ngày"
    assert messages.field_name("date", "en") == "Date"
