"""Amounts of money in đồng: whole numbers, shown the Vietnamese way.

Vietnamese groups thousands with a dot and writes the unit after a space:
1250000 -> "1.250.000 đ". Read back as people type an amount: "1.250.000",
"1 250 000", "1,250,000", "1250000đ", "1.250.000 đồng", "1.250.000 VNĐ".
There are no fractions of a đồng: "1.250.000,5" is refused.
"""
from __future__ import annotations

import re

from app import messages
from app.errors import InvalidValue

__all__ = ["format_money", "parse_money", "MONEY_LIMIT"]

# Ten thousand billion đồng: far above any commune fund, and what the database accepts.
MONEY_LIMIT = 10**13

messages.register(
    {
        "money.bad": (
            "{field_name} “{value}” không phải là số tiền hợp lệ (số đồng, ví dụ 1.250.000).",
            "{field_name} “{value}” is not a valid amount (whole đồng, e.g. 1.250.000).",
        ),
        "money.not_positive": (
            "{field_name} phải lớn hơn 0 đồng.", "{field_name} must be more than 0 đồng.",
        ),
        "money.too_large": (
            "{field_name} “{value}” quá lớn (phải dưới {limit}).",
            "{field_name} “{value}” is too large (it must be below {limit}).",
        ),
    }
)
messages.register_fields({"amount": ("Số tiền", "Amount")})

_UNIT = re.compile(r"\s*(?:đ|đồng|dong|d|vnđ|vnd)\.?\s*$", re.IGNORECASE)
# digits in groups of three after the first, with one kind of separator throughout
_GROUPED = re.compile(r"\d{1,3}(?:([.,\s])\d{3})?(?:\1\d{3})*", re.ASCII)
_LONGEST = 40  # characters of a typed amount: far more than any amount below the limit needs


def group_digits(amount: int) -> str:
    """1250000 -> "1.250.000"; a negative amount keeps its sign: "-500.000"."""
    sign = "-" if amount < 0 else ""
    return sign + f"{abs(int(amount)):,}".replace(",", ".")


def format_money(amount: int | None, *, unit: bool = True) -> str:
    """1250000 -> "1.250.000 đ" (``unit=False``: "1.250.000"); None -> ""."""
    if amount is None:
        return ""
    text = group_digits(amount)
    return f"{text} đ" if unit else text


def parse_money(raw: object, *, field: str = "amount") -> int:
    """A positive whole number of đồng, read as people write it (see the module)."""
    if isinstance(raw, bool):
        raise InvalidValue("money.bad", field=field, value=raw)
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise InvalidValue("money.bad", field=field, value=raw)
        value = int(raw)
    else:
        text = str(raw if raw is not None else "").strip().replace("\u00a0", " ")
        text = _UNIT.sub("", text).strip()
        if not text:
            raise InvalidValue("required", field=field, value=raw)
        if len(text) > _LONGEST:  # int() of a thousand digits is slow, of five thousand refused
            raise InvalidValue("money.too_large", field=field, value=text[:_LONGEST] + "…",
                               limit=format_money(MONEY_LIMIT))
        if text.isascii() and text.isdigit():  # "²" and other scripts' digits are not money
            value = int(text)
        elif _GROUPED.fullmatch(text):
            value = int(re.sub(r"[.,\s]", "", text))
        else:
            raise InvalidValue("money.bad", field=field, value=raw)
    if value <= 0:
        raise InvalidValue("money.not_positive", field=field, value=raw)
    if value >= MONEY_LIMIT:
        raise InvalidValue("money.too_large", field=field, value=raw, limit=format_money(MONEY_LIMIT))
    return value
