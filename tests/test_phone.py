"""Phone numbers and gender values."""
from __future__ import annotations

import unicodedata

import pytest

from app import messages
from app.errors import InvalidValue
from app.text.phone import parse_gender, parse_phone


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("091.234.5678", "0912345678"),
        ("091-234-5678", "0912345678"),
        ("(091) 234 5678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("(+84) 91 234 5678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("'0912345678", "0912345678"),
        ("0321234567", "0321234567"),
        ("0561234567", "0561234567"),
        ("0701234567", "0701234567"),
        ("0812345678", "0812345678"),
        # Landlines: 11 digits, 02 + area code.
        ("024 3826 1234", "02438261234"),
        ("(0236) 382 1234", "02363821234"),
        ("+84 24 3826 1234", "02438261234"),
        ("842438261234", "02438261234"),
    ],
)
def test_valid_numbers(raw, expected):
    assert parse_phone(raw) == (expected, None)


@pytest.mark.parametrize(
    "raw,expected",
    [
        (912345678, "0912345678"),
        (912345678.0, "0912345678"),
        (381234567, "0381234567"),
        (2438261234, "02438261234"),
        ("912345678", "0912345678"),
        ("912 345 678", "0912345678"),
    ],
)
def test_leading_zero_restored(raw, expected):
    assert parse_phone(raw) == (expected, "phone.leading_zero_restored")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("01689123456", "0389123456"),  # Viettel 0168 -> 038
        ("0169 912 3456", "0399123456"),  # Viettel 0169 -> 039
        ("01203456789", "0703456789"),  # MobiFone 0120 -> 070
        ("01234567890", "0834567890"),  # VinaPhone 0123 -> 083
        ("01868123456", "0568123456"),  # Vietnamobile 0186 -> 056
        ("+84 1689 123 456", "0389123456"),
        (1689123456, "0389123456"),  # and the number cell lost the 0 too
    ],
)
def test_old_eleven_digit_mobile_prefixes(raw, expected):
    assert parse_phone(raw) == (expected, "phone.old_prefix_converted")


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_empty(raw):
    assert parse_phone(raw) == (None, None)


@pytest.mark.parametrize(
    "raw",
    ["12345", "0412345678", "0112345678", "091234567", "09123456789", "0912345678 / 0987654321",
     "0912345678 0987654321", "+1 202 555 0100", "số nhà 12", "09l2345678", 12.5, -912345678,
     True, "0212345678"],
)
def test_invalid(raw):
    with pytest.raises(InvalidValue) as caught:
        parse_phone(raw, field="phone")
    assert caught.value.code == "phone.invalid"
    assert caught.value.value == raw


def test_phone_messages():
    with pytest.raises(InvalidValue) as caught:
        parse_phone("12345")
    vi = messages.describe(caught.value, "vi")
    assert "Số điện thoại" in vi and "12345" in vi and "10 chữ số" in vi
    assert "Phone" in messages.describe(caught.value, "en")
    for code in ["phone.invalid", "phone.leading_zero_restored", "phone.old_prefix_converted",
                 "gender.invalid"]:
        params = dict(value="912345678", original="912345678", field_name="Số điện thoại")
        vi = messages.text(code, "vi", **params)
        en = messages.text(code, "en", **params)
        assert vi != code and en != code and vi != en
        assert "{" not in vi and "{" not in en
        assert not vi.isascii()


@pytest.mark.parametrize("raw", ["Nam", "nam", "NAM", "M", "m", "male", "Male", "trai", "Trai",
                                 " Nam ", "Ông"])
def test_gender_male(raw):
    assert parse_gender(raw) == "male"


@pytest.mark.parametrize("raw", ["Nữ", "nữ", "NỮ", "nu", "Nu", "F", "f", "female", "gái", "Gái",
                                 "Bà", "Nữ."])
def test_gender_female(raw):
    assert parse_gender(raw) == "female"


def test_gender_decomposed_input():
    assert parse_gender(unicodedata.normalize("NFD", "Nữ")) == "female"


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_gender_empty(raw):
    assert parse_gender(raw) is None


@pytest.mark.parametrize("raw", ["x", "khác", "1", 0, "Nam/Nữ"])
def test_gender_invalid(raw):
    with pytest.raises(InvalidValue) as caught:
        parse_gender(raw)
    assert caught.value.code == "gender.invalid"
    assert "Nam hoặc Nữ" in messages.describe(caught.value, "vi")


def test_field_names_registered():
    assert messages.field_name("phone", "vi") == "Số điện thoại"
    assert messages.field_name("phone", "en") == "Phone"
    assert messages.field_name("gender", "vi") == "Giới tính"
    assert messages.field_name("gender", "en") == "Gender"
