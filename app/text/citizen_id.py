"""Citizen ID (CCCD / số định danh cá nhân): 12 digits.

Layout: digits 1-3 the province code of the birth registration, digit 4 the
century and gender, digits 5-6 the last two digits of the birth year, then six
random digits.

Most bad IDs come from Excel: a number cell drops the leading zeros
("001..." -> 1...), and a long number shown as "1,23457E+11" has lost its last
digits for good. The first is repaired (with a note for the user); the second
cannot be, and the message says how to avoid it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from app import messages
from app.errors import InvalidValue

__all__ = ["CitizenId", "PROVINCE_CODES", "parse_citizen_id", "check_against_person",
           "mask_citizen_id"]

# The 63 province codes in use before the 2025 merger, zero-padded. IDs keep
# the code of the birth registration, so old codes stay valid for good; the
# 2025 codes are a subset of these.
PROVINCE_CODES: frozenset[str] = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 "
    "033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 "
    "064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 "
    "094 095 096".split()
)

LENGTH = 12

LEADING_ZEROS_RESTORED = "citizen_id.leading_zeros_restored"
SEPARATORS_REMOVED = "citizen_id.separators_removed"
GENDER_MISMATCH = "citizen_id.gender_mismatch"
YEAR_MISMATCH = "citizen_id.year_mismatch"

messages.register_fields({"citizen_id": ("Số CCCD", "Citizen ID")})

messages.register(
    {
        "citizen_id.scientific": (
            "{field_name} {value} đã bị Excel đổi sang dạng số mũ nên mất chữ số, không "
            "khôi phục được. Hãy định dạng cột là Văn bản (Text), nhập lại đủ 12 chữ số "
            "rồi nhập tệp lại.",
            "{field_name} {value} was turned into scientific notation by Excel and has lost "
            "digits; it cannot be repaired. Format the column as Text, type the full 12 "
            "digits again and import the file again.",
        ),
        "citizen_id.not_digits": (
            "{field_name} chỉ được gồm chữ số (đang là: {value}).",
            "{field_name} must contain digits only (got: {value}).",
        ),
        "citizen_id.old_cmnd": (
            "{field_name} {value} có 9 chữ số: đây là số CMND cũ, không phải số CCCD. "
            "Hãy nhập số CCCD (số định danh cá nhân) gồm 12 chữ số.",
            "{field_name} {value} has 9 digits: it is an old identity card (CMND) number, "
            "not a citizen ID. Enter the 12-digit citizen ID (personal ID number).",
        ),
        "citizen_id.wrong_length": (
            "{field_name} phải có đúng 12 chữ số; {value} có {length} chữ số.",
            "{field_name} must have exactly 12 digits; {value} has {length}.",
        ),
        "citizen_id.bad_province": (
            "{field_name} {value}: ba chữ số đầu ({province}) không phải mã tỉnh, thành phố "
            "nơi đăng ký khai sinh. Hãy kiểm tra lại số.",
            "{field_name} {value}: the first three digits ({province}) are not the code of "
            "a province of birth registration. Please check the number.",
        ),
        GENDER_MISMATCH: (
            "Chữ số thứ 4 của số CCCD không khớp với giới tính đã nhập; hãy kiểm tra lại.",
            "The 4th digit of the citizen ID does not match the gender entered; please check.",
        ),
        YEAR_MISMATCH: (
            "Chữ số thứ 4 đến thứ 6 của số CCCD không khớp với năm sinh đã nhập; hãy kiểm "
            "tra lại.",
            "Digits 4 to 6 of the citizen ID do not match the birth year entered; please "
            "check.",
        ),
        LEADING_ZEROS_RESTORED: (
            "Số CCCD {original} bị mất số 0 ở đầu (thường do Excel); đã khôi phục thành "
            "{value}.",
            "Citizen ID {original} had lost its leading zeros (usually Excel's doing); "
            "restored as {value}.",
        ),
        SEPARATORS_REMOVED: (
            "Đã bỏ dấu cách, dấu chấm, gạch ngang trong số CCCD {original}: {value}.",
            "Removed spaces, dots and dashes from citizen ID {original}: {value}.",
        ),
    }
)


@dataclass(frozen=True)
class CitizenId:
    """A valid 12-digit ID; ``repaired`` is the note code when it was fixed up."""

    value: str
    repaired: str | None = None


# "1.23457E+11", "1,23457E+11", "1.2E11": what a number cell holding an ID
# looks like once it is read back as text.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d*)?\s*[eE]\s*[+-]?\d+$")
# "1234567890.0": a float cell written to CSV. Not a separator dot.
_FLOAT_TEXT = re.compile(r"^(\d{9,12})\.0+$")
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015_]+")


def _digits_of_number(raw: int | float | Decimal, field: str) -> str:
    if isinstance(raw, float | Decimal):
        if not math.isfinite(raw) or raw != int(raw):
            raise InvalidValue("citizen_id.not_digits", field=field, value=raw)
        raw = int(raw)
    if raw < 0:
        raise InvalidValue("citizen_id.not_digits", field=field, value=raw)
    return str(raw)


def parse_citizen_id(raw: object, *, field: str = "citizen_id") -> CitizenId | None:
    """Read an ID from a form or a spreadsheet cell; ``None`` when empty.

    Raises ``InvalidValue`` with a code that says what is wrong and, where it
    can, what to do about it.
    """
    # Fast paths for what rosters hold nearly always, giving exactly what
    # ``_parse_slow`` gives (a test runs both over thousands of values): the
    # 12 digits as text, or 10-11 digits (a number cell that dropped the
    # leading zeros, as text or as a whole float). Anything else, including
    # every refusal, is left to ``_parse_slow``.
    cls = raw.__class__
    if cls is float:
        if raw.is_integer() and 1e9 <= raw < 1e12:
            raw_digits = str(int(raw))
        else:
            return _parse_slow(raw, field)
    elif cls is str:
        raw_digits = raw
    else:
        return _parse_slow(raw, field)
    length = len(raw_digits)
    if 10 <= length <= 12 and raw_digits.isdigit() and raw_digits.isascii():
        if length == LENGTH:
            if raw_digits[:3] in PROVINCE_CODES:
                return CitizenId(raw_digits)
        else:
            padded = raw_digits.zfill(LENGTH)
            if padded[:3] in PROVINCE_CODES:
                return CitizenId(padded, LEADING_ZEROS_RESTORED)
    return _parse_slow(raw, field)


def _parse_slow(raw: object, field: str) -> CitizenId | None:
    """Every form an ID may come in: the reference ``parse_citizen_id`` follows."""
    if raw is None:
        return None
    note: str | None = None
    if isinstance(raw, bool):
        raise InvalidValue("citizen_id.not_digits", field=field, value=raw)
    if isinstance(raw, int | float | Decimal):
        digits = _digits_of_number(raw, field)
    else:
        text = str(raw).strip().lstrip("'")  # "'001..." is Excel's force-text prefix
        if not text:
            return None
        if _SCIENTIFIC.match(text):
            raise InvalidValue("citizen_id.scientific", field=field, value=raw)
        float_text = _FLOAT_TEXT.match(text)
        if float_text:
            text = float_text.group(1)
        digits = _SEPARATORS.sub("", text)
        if digits != text:
            note = SEPARATORS_REMOVED
        if not (digits.isascii() and digits.isdigit()):
            raise InvalidValue("citizen_id.not_digits", field=field, value=raw)

    length = len(digits)
    if length == 9:
        # Even from a number cell, nine digits cannot be an ID that lost its
        # zeros: "000" is no province. It is the old 9-digit card.
        raise InvalidValue("citizen_id.old_cmnd", field=field, value=raw)
    if length in (10, 11):
        padded = digits.zfill(LENGTH)
        if padded[:3] not in PROVINCE_CODES:
            raise InvalidValue("citizen_id.wrong_length", field=field, value=raw, length=length)
        return CitizenId(padded, LEADING_ZEROS_RESTORED)
    if length != LENGTH:
        raise InvalidValue("citizen_id.wrong_length", field=field, value=raw, length=length)
    if digits[:3] not in PROVINCE_CODES:
        raise InvalidValue("citizen_id.bad_province", field=field, value=raw,
                           province=digits[:3])
    return CitizenId(digits, note)


def birth_century_and_gender(cid: str) -> tuple[int, str] | None:
    """(first year of the birth century, "male"/"female") from digit 4."""
    if len(cid) != LENGTH or not cid.isdigit():
        return None
    code = int(cid[3])
    return 1900 + (code // 2) * 100, "female" if code % 2 else "male"


def check_against_person(cid: str, *, gender: str | None,
                         birth_year: int | None) -> list[str]:
    """Codes of mismatches between the ID and the person's gender and birth year.

    Meant as warnings: the person's record may be the wrong one, or the ID.
    An ID that is not 12 digits gives no warning (its own parse says more).
    """
    decoded = birth_century_and_gender(cid or "")
    if decoded is None:
        return []
    century, id_gender = decoded
    problems = []
    if gender in ("male", "female") and gender != id_gender:
        problems.append(GENDER_MISMATCH)
    if birth_year is not None and birth_year != century + int(cid[4:6]):
        problems.append(YEAR_MISMATCH)
    return problems


def mask_citizen_id(cid: str | None) -> str:
    """First 3 and last 3 digits, the rest hidden: "001******890"."""
    if not cid:
        return ""
    if len(cid) <= 6:
        return "*" * len(cid)
    return cid[:3] + "*" * (len(cid) - 6) + cid[-3:]
