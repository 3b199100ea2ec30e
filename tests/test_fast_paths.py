"""The fast paths of the parsers and the memoized text functions give exactly
the answers of the code they shortcut, over thousands of generated values:
the common forms rosters hold, their near misses and every refusal."""
from __future__ import annotations

import math
import random
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from app.errors import InvalidValue
from app.text import citizen_id, dates, phone, vietnamese
from app.text.dates import PartialDate

TODAY = date(2026, 11, 22)
N = 4000


def outcome(fn, *args, **kwargs):
    """What a call gives: its value, or the refusal with everything it carries."""
    try:
        return "ok", fn(*args, **kwargs)
    except InvalidValue as exc:
        return "refused", exc.code, exc.field, repr(exc.value), sorted((k, repr(v)) for k, v in exc.params.items())
    except (ValueError, TypeError) as exc:  # whatever the slow path does, the fast one must do too
        return type(exc).__name__, str(exc)


def same(a, b) -> bool:
    # NaN is not equal to itself: compare those outcomes by their text.
    return a == b or repr(a) == repr(b)


# -- citizen IDs ---------------------------------------------------------------------

_PROVINCES = sorted(citizen_id.PROVINCE_CODES)


def _citizen_ids(rng: random.Random):
    yield from (None, "", " ", "'", True, False, 0, -1, 0.0, math.nan, math.inf, -math.inf, 1.5, Decimal("79090012345"),
                "1.23457E+11", "1,23457E+11", "1.2E11", "079090012345.0", "79090012345.00", "０７９０９００１２３４５",
                "٠٧٩٠٩٠٠١٢٣٤٥", "07909001234a", "079 090 012 345", "079.090.012.345", "079-090-012-345", "'079090012345",
                " 079090012345 ", "079090012345\n", "\t079090012345", "123456789", "000000000000", "999999999999",
                "1" * 13, 1e11, 1e12, 999_999_999.0, 1_000_000_000.0, 1e9 + 0.5, 10**11, 10**12, -79090012345)
    for _ in range(N):
        province = rng.choice(_PROVINCES) if rng.random() < 0.85 else f"{rng.randint(0, 999):03d}"
        digits = province + f"{rng.randint(0, 9)}{rng.randint(0, 99):02d}{rng.randint(0, 999_999):06d}"
        stripped = digits.lstrip("0") or "0"
        kind = rng.randrange(12)
        if kind == 0:
            yield digits
        elif kind == 1:
            yield stripped
        elif kind == 2:
            yield int(digits)
        elif kind == 3:
            yield float(int(digits))
        elif kind == 4:
            yield float(int(digits)) + rng.choice([0.5, 0.25, -0.5])
        elif kind == 5:
            yield digits[: rng.randint(0, 14)]
        elif kind == 6:
            yield digits + str(rng.randint(0, 9))
        elif kind == 7:
            cut = rng.randint(1, 11)
            yield digits[:cut] + rng.choice([" ", ".", "-", "_", "\u2013", "  "]) + digits[cut:]
        elif kind == 8:
            yield rng.choice(["'", " ", "\u00a0"]) + digits + rng.choice(["", " ", "\u00a0"])
        elif kind == 9:
            yield f"{int(digits):.5E}".replace(".", rng.choice([".", ","]))
        elif kind == 10:
            yield stripped + ".0"
        else:
            pos = rng.randrange(len(digits))
            yield digits[:pos] + rng.choice("aO\u0660\uff10x") + digits[pos + 1:]


def test_citizen_id_fast_path_matches_the_slow_one():
    rng = random.Random(20261122)
    checked = 0
    for raw in _citizen_ids(rng):
        fast = outcome(citizen_id.parse_citizen_id, raw, field="cid")
        slow = outcome(citizen_id._parse_slow, raw, "cid")
        assert same(fast, slow), (raw, fast, slow)
        checked += 1
    assert checked > N


def test_citizen_id_fast_path_covers_the_common_cells():
    assert citizen_id.parse_citizen_id("079090012345") == citizen_id.CitizenId("079090012345")
    assert citizen_id.parse_citizen_id("1090012345") == citizen_id.CitizenId(
        "001090012345", citizen_id.LEADING_ZEROS_RESTORED)
    assert citizen_id.parse_citizen_id(1090012345.0) == citizen_id.CitizenId(
        "001090012345", citizen_id.LEADING_ZEROS_RESTORED)


# -- phones ----------------------------------------------------------------------------


def _phones(rng: random.Random):
    yield from (None, "", " ", "'", True, False, 0, -912345678, 0.0, math.nan, math.inf, 12.5, Decimal("912345678"),
                "0912345678", "912345678", 912345678, 912345678.0, 912345678.5, "０９１２３４５６７８", "0912 345 678",
                "+84912345678", "84912345678", "0084912345678", "01662345678", "1662345678", "0241234567",
                "02412345678", "(024) 3123 4567", "0912345678 / 0987654321", "0912345678\n", "'0912345678",
                "0112345678", "112345678", "8412345678", 100_000_000, 99_999_999, 999_999_999, 1_000_000_000)
    for _ in range(N):
        first = rng.choice("0123456789")
        body = first + "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 8, 8, 9, 9, 10, 7])))
        kind = rng.randrange(9)
        if kind == 0:
            yield "0" + body
        elif kind == 1:
            yield body
        elif kind == 2:
            yield int(body)
        elif kind == 3:
            yield float(int(body))
        elif kind == 4:
            yield "0" + body[:3] + rng.choice([" ", ".", "-", "  "]) + body[3:]
        elif kind == 5:
            yield rng.choice(["+84", "84", "0084", "'", " "]) + body
        elif kind == 6:
            yield rng.choice(sorted(phone._OLD_MOBILE_PREFIXES)) + body[:7]
        elif kind == 7:
            yield float(int(body)) + 0.5
        else:
            yield ("0" + body)[: rng.randint(0, 12)]


def test_phone_fast_path_matches_the_slow_one():
    rng = random.Random(7)
    for raw in _phones(rng):
        fast = outcome(phone.parse_phone, raw, field="tel")
        slow = outcome(phone._parse_phone_slow, raw, "tel")
        assert same(fast, slow), (raw, fast, slow)


# -- dates -----------------------------------------------------------------------------


def _dates(rng: random.Random):
    yield from (None, "", " ", "'", True, False, 0, -5, 0.0, math.nan, math.inf, 1985, 1985.0, 1985.5, 1899, 1900,
                2026, 2027, 9999, 10000, 32000.0, 32000.5, 5031990, 60, Decimal("1985"), "1985", "0000", "1899",
                "2026", "2027", "năm 1990", "03/1985", "15/06/85", "1990-05-03", "05.03.1990", "5/3/1990",
                "25/13/1990", "31/02/1990", "29/02/2000", "29/02/1900", "00/01/1990", "01/00/1990", "ngày 5 tháng 3 năm 1990",
                "abc", "05031990", "  12/12/1970  ", "'05/03/1985", "tháng 3/1985", "2026-11", "22/11/2026",
                "23/11/2026", "01/01/2027", "31/12/1899", "01/01/1900", "05/03/1985\n", "０５/03/1985", "05/03/1985 10:30",
                date(2026, 11, 22), date(2026, 11, 23), date(1899, 12, 31), date(1900, 1, 1),
                datetime(1990, 1, 1, 10, 30), datetime(2026, 11, 22, 23, 59), datetime(2026, 11, 23),
                PartialDate(1985), PartialDate(2027), PartialDate(1985, 3, 5), PartialDate(2026, 11, 23),
                PartialDate(1800), PartialDate(1800, 1, 1))
    for _ in range(N):
        day = date(1890, 1, 1) + timedelta(days=rng.randint(0, 140 * 366))
        d, m, y = day.day, day.month, day.year
        kind = rng.randrange(12)
        if kind == 0:
            yield f"{d:02d}/{m:02d}/{y}"
        elif kind == 1:
            yield f"{rng.randint(0, 35):02d}/{rng.randint(0, 14):02d}/{y}"
        elif kind == 2:
            yield day
        elif kind == 3:
            yield datetime(y, m, d, rng.randint(0, 23), rng.randint(0, 59))
        elif kind == 4:
            yield rng.choice([y, float(y), str(y), f"{y}.0", y + 0.5])
        elif kind == 5:
            yield PartialDate(y, m, d) if rng.random() < 0.5 else PartialDate(y)
        elif kind == 6:
            yield f"{d}/{m}/{y}"
        elif kind == 7:
            yield f"{d:02d}{rng.choice('-. ')}{m:02d}{rng.choice('-./')}{y}"
        elif kind == 8:
            yield f"{d:02d}/{m:02d}/{y % 100:02d}"
        elif kind == 9:
            yield f"{y}-{m:02d}-{d:02d}"
        elif kind == 10:
            yield f"{m:02d}/{y}"
        else:
            yield rng.randint(1, 60000) + rng.choice([0, 0.5])


@pytest.mark.parametrize("allow_year_only", [True, False])
@pytest.mark.parametrize("allow_future", [False, True])
def test_date_fast_path_matches_the_slow_one(allow_year_only, allow_future):
    rng = random.Random(1985)
    for raw in _dates(rng):
        for today in (TODAY, date(1990, 6, 15)):
            kwargs = {"allow_year_only": allow_year_only, "allow_future": allow_future}
            fast = outcome(dates.parse_date_noted, raw, field="birth_date", today=today, **kwargs)
            slow = outcome(dates._parse_noted_slow, raw, "birth_date", today, allow_year_only, allow_future)
            assert same(fast, slow), (raw, today, kwargs, fast, slow)


def test_date_fast_path_without_today_uses_the_real_day():
    this_year = date.today().year
    assert dates.parse_date_noted(str(this_year)) == (PartialDate(this_year), None)
    assert outcome(dates.parse_date_noted, str(this_year + 1))[1] == "date.future"


# -- memoized text functions -----------------------------------------------------------

_WORDS = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Văn", "Thị", "Ngọc", "Đức", "Hòa", "Hoà", "Thuỷ", "Thủy",
          "H'Hen", "Niê", "Ksor", "Mỹ", "Lệ", "Ánh", "Ðinh", "Quốc", "Thôn", "3", "10", "Œuvre", "Ørsted", "Ивáн"]


def _texts(rng: random.Random):
    yield from (None, "", " ", 12, 1.5, True, "\u200b", "a" * 129, "Nguyễn " * 30, "x\u0000y", "ĐỨC", "đức", "Đức",
                "nguyen van duc", "NGUYỄN VĂN ĐỨC", "Nguyễn  Văn\u00a0Đức", "Nguyễn\tVăn\nĐức", "=Nguyễn", "Lê Văn A")
    for _ in range(N):
        name = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 5)))
        kind = rng.randrange(8)
        if kind == 0:
            name = unicodedata.normalize("NFD", name)
        elif kind == 1:
            name = name.upper()
        elif kind == 2:
            name = name.lower()
        elif kind == 3:
            name = rng.choice(["  ", "\u00a0", "\t", ""]) + name.replace(" ", rng.choice(["  ", " \u200b", "\u3000"])) + " "
        elif kind == 4:
            name = name.replace("n", "n\u0301", 1)
        elif kind == 5:
            name = name * rng.randint(1, 12)
        yield name


@pytest.mark.parametrize("name", ["clean_text", "clean_name", "fold", "name_sort_key", "text_sort_key"])
def test_memoized_text_functions_match_their_uncached_selves(name):
    fn = getattr(vietnamese, name)
    fn.cache_clear()
    rng = random.Random(name)
    texts = list(_texts(rng))
    for text in texts + texts:  # the second round answers from the cache
        try:
            expected = fn._uncached(text)
        except Exception as exc:
            with pytest.raises(type(exc)):
                fn(text)
            continue
        assert fn(text) == expected, text
    assert fn.cache_info().hits > 0
    assert fn.cache_info().currsize <= vietnamese.CACHE_SIZE


def test_a_date_keeps_its_iso_text_without_changing_what_it_is():
    rng = random.Random(3)
    for _ in range(N):
        year = rng.randint(1, 9999)
        if rng.random() < 0.3:
            value, expected = PartialDate(year), f"{year:04d}"
        else:
            day = date(year, rng.randint(1, 12), rng.randint(1, 28))
            value, expected = PartialDate(day.year, day.month, day.day), day.isoformat()
        twin = PartialDate(value.year, value.month, value.day)
        assert value.iso() == value.iso() == expected == str(value)
        assert value == twin and hash(value) == hash(twin) and repr(value) == repr(twin)
