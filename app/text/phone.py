"""Vietnamese phone numbers and gender values, as rosters write them.

Phone numbers suffer the same Excel damage as citizen IDs (a number cell drops
the leading 0), and old rosters still carry the 11-digit mobile numbers that
were moved to 10 digits in 2018. Both are repaired, with a note.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal

from app import messages
from app.errors import InvalidValue
from app.text.vietnamese import fold

__all__ = ["parse_phone", "parse_gender", "LEADING_ZERO_RESTORED", "OLD_PREFIX_CONVERTED"]

LEADING_ZERO_RESTORED = "phone.leading_zero_restored"
OLD_PREFIX_CONVERTED = "phone.old_prefix_converted"

messages.register_fields(
    {
        "phone": ("Số điện thoại", "Phone"),
        "gender": ("Giới tính", "Gender"),
    }
)

messages.register(
    {
        "phone.invalid": (
            "{field_name} {value} không hợp lệ: số di động có 10 chữ số, bắt đầu bằng 03, "
            "05, 07, 08 hoặc 09; số cố định có 11 chữ số, bắt đầu bằng 02. Mỗi ô chỉ ghi "
            "một số.",
            "{field_name} {value} is not valid: a mobile number has 10 digits starting with "
            "03, 05, 07, 08 or 09; a landline has 11 digits starting with 02. One number "
            "per cell.",
        ),
        LEADING_ZERO_RESTORED: (
            "Số điện thoại {original} bị mất số 0 ở đầu (thường do Excel); đã khôi phục "
            "thành {value}.",
            "Phone number {original} had lost its leading 0 (usually Excel's doing); "
            "restored as {value}.",
        ),
        OLD_PREFIX_CONVERTED: (
            "Số điện thoại {original} dùng đầu số 11 chữ số cũ; đã đổi sang đầu số mới "
            "(năm 2018): {value}.",
            "Phone number {original} uses an old 11-digit prefix; converted to the new "
            "prefix (2018 change): {value}.",
        ),
        "gender.invalid": (
            "{field_name} “{value}” không hợp lệ; hãy ghi Nam hoặc Nữ.",
            "{field_name} “{value}” is not valid; write Nam (male) or Nữ (female).",
        ),
    }
)

# The 2018 move of 11-digit mobile numbers to 10 digits (Ministry of
# Information and Communications): old 4-digit prefix -> new 3-digit prefix.
_OLD_MOBILE_PREFIXES = {
    # Viettel
    "0162": "032", "0163": "033", "0164": "034", "0165": "035",
    "0166": "036", "0167": "037", "0168": "038", "0169": "039",
    # MobiFone
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    # VinaPhone
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    # Vietnamobile, Gmobile
    "0186": "056", "0188": "058", "0199": "059",
}

_MOBILE = re.compile(r"^0[35789]\d{8}$")
_LANDLINE = re.compile(r"^02\d{9}$")
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015()/_]+")


def _is_valid(number: str) -> bool:
    return bool(_MOBILE.match(number) or _LANDLINE.match(number))


def parse_phone(raw: object, *, field: str = "phone") -> tuple[str | None, str | None]:
    """(number, note code) from a form or a spreadsheet cell; (None, None) when empty.

    Accepts spaces, dots, dashes and parentheses, and "+84"/"84"/"0084" in
    front. Repairs a leading 0 lost by a number cell and converts old 11-digit
    mobile prefixes, returning the note code that says so.
    """
    # Fast paths for what rosters hold nearly always, giving exactly what
    # ``_parse_phone_slow`` gives (a test runs both over thousands of values):
    # a 10-digit mobile number as text, or the same without its leading 0 (a
    # number cell; as text or a whole number). Anything else, including every
    # refusal, is left to ``_parse_phone_slow``.
    cls = raw.__class__
    if cls is str:
        digits = raw
    elif cls is int or cls is float:
        digits = str(int(raw)) if 100_000_000 <= raw < 1_000_000_000 and raw == int(raw) else ""
    else:
        return _parse_phone_slow(raw, field)
    length = len(digits)
    if digits.isascii() and digits.isdigit():
        if length == 10:
            if digits[0] == "0" and digits[1] in "35789":
                return digits, None
        elif length == 9 and digits[0] in "35789":
            return "0" + digits, LEADING_ZERO_RESTORED
    return _parse_phone_slow(raw, field)


def _parse_phone_slow(raw: object, field: str) -> tuple[str | None, str | None]:
    """Every form a phone number may come in: the reference ``parse_phone`` follows."""
    if raw is None:
        return None, None
    if isinstance(raw, bool):
        raise InvalidValue("phone.invalid", field=field, value=raw)
    if isinstance(raw, int | float | Decimal):
        if not math.isfinite(raw) or raw != int(raw) or raw < 0:
            raise InvalidValue("phone.invalid", field=field, value=raw)
        digits = str(int(raw))
    else:
        text = str(raw).strip().lstrip("'")  # "'0912...": Excel's force-text prefix
        if not text:
            return None, None
        digits = _SEPARATORS.sub("", text)
        if digits.startswith("+84"):
            digits = "0" + digits[3:]
        elif digits.startswith("0084"):
            digits = "0" + digits[4:]
        if not (digits.isascii() and digits.isdigit()):
            raise InvalidValue("phone.invalid", field=field, value=raw)
    # Country code without "+": 84 + 9 digits (mobile) or 84 + 10 digits
    # (landline). No valid national number has 11 or 12 digits starting 84.
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]

    note: str | None = None
    if not digits.startswith("0"):
        # A number cell (or a careless hand) dropped the leading 0.
        candidate = "0" + digits
        if _is_valid(candidate) or (len(candidate) == 11 and candidate[:4] in
                                    _OLD_MOBILE_PREFIXES):
            digits, note = candidate, LEADING_ZERO_RESTORED
    if len(digits) == 11 and digits[:4] in _OLD_MOBILE_PREFIXES:
        digits, note = _OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:], OLD_PREFIX_CONVERTED
    if not _is_valid(digits):
        raise InvalidValue("phone.invalid", field=field, value=raw)
    return digits, note


# Folded spellings: "Nữ", "NỮ", "nu" all fold to "nu". "Ông"/"Bà" are how
# many rosters head the column; "trai"/"gái" how people say it.
_GENDERS = {
    "nam": "male", "m": "male", "male": "male", "trai": "male", "con trai": "male",
    "ong": "male", "man": "male",
    "nu": "female", "f": "female", "female": "female", "gai": "female", "con gai": "female",
    "ba": "female", "woman": "female",
}


def parse_gender(raw: object, *, field: str = "gender") -> str | None:
    """"male" or "female" from the ways rosters write it; None when empty."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise InvalidValue("gender.invalid", field=field, value=raw)
    key = fold(raw).strip(" .")
    if not key:
        return None
    try:
        return _GENDERS[key]
    except KeyError:
        raise InvalidValue("gender.invalid", field=field, value=raw) from None
