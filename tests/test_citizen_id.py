"""Citizen ID (CCCD): parsing, Excel repairs, cross-checks, masking, messages."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app import messages
from app.errors import InvalidValue
from app.text.citizen_id import (
    PROVINCE_CODES,
    CitizenId,
    check_against_person,
    mask_citizen_id,
    parse_citizen_id,
)


def error_of(raw, **kwargs) -> InvalidValue:
    with pytest.raises(InvalidValue) as caught:
        parse_citizen_id(raw, **kwargs)
    return caught.value


def test_province_codes():
    assert len(PROVINCE_CODES) == 63
    assert {"001", "079", "096", "048", "031"} <= PROVINCE_CODES
    assert not {"000", "003", "097", "100"} & PROVINCE_CODES


@pytest.mark.parametrize("raw", [None, "", "   ", "\t\n"])
def test_empty_is_none(raw):
    assert parse_citizen_id(raw) is None


def test_valid_text():
    assert parse_citizen_id("001090012345") == CitizenId("001090012345", None)
    assert parse_citizen_id(" 079303001234 ") == CitizenId("079303001234", None)
    # Excel's force-text apostrophe is not part of the number.
    assert parse_citizen_id("'001090012345") == CitizenId("001090012345", None)


@pytest.mark.parametrize(
    "raw", ["001 090 012 345", "001.090.012.345", "001-090-012-345", "0010 9001 2345",
            "001\u00a0090\u00a0012\u00a0345"]
)
def test_separators_removed(raw):
    cid = parse_citizen_id(raw)
    assert cid == CitizenId("001090012345", "citizen_id.separators_removed")


def test_number_cell_lost_leading_zeros():
    # Excel turned "001234567890" into the number 1234567890.
    assert parse_citizen_id(1234567890) == CitizenId(
        "001234567890", "citizen_id.leading_zeros_restored")
    assert parse_citizen_id(1234567890.0) == CitizenId(
        "001234567890", "citizen_id.leading_zeros_restored")
    assert parse_citizen_id(Decimal("1234567890")) == CitizenId(
        "001234567890", "citizen_id.leading_zeros_restored")
    # 11 digits: one zero lost; 079 is Hồ Chí Minh City.
    assert parse_citizen_id(79303001234) == CitizenId(
        "079303001234", "citizen_id.leading_zeros_restored")
    # The same as text (a CSV written from the number cell).
    assert parse_citizen_id("79303001234") == CitizenId(
        "079303001234", "citizen_id.leading_zeros_restored")
    assert parse_citizen_id("1234567890.0") == CitizenId(
        "001234567890", "citizen_id.leading_zeros_restored")


def test_twelve_digit_number_cell_cannot_be_an_id():
    # Every province code starts with 0, so a number cell always loses at least
    # one digit; twelve digits left means the first three are no province.
    error = error_of(890303001234)
    assert error.code == "citizen_id.bad_province"
    assert error.params["province"] == "890"


def test_padding_that_gives_no_province_is_wrong_length():
    # "00" + "9912345678": 009 is no province, so the zeros were never there.
    error = error_of(9912345678)
    assert error.code == "citizen_id.wrong_length"
    assert error.params["length"] == 10
    error = error_of("99123456789")  # "099" is no province either
    assert error.code == "citizen_id.wrong_length"
    assert error.params["length"] == 11


@pytest.mark.parametrize("raw", ["1.23457E+11", "1,23457E+11", "1.23457e+11", "1E+11",
                                 "7.93030E11"])
def test_scientific_notation_cannot_be_repaired(raw):
    error = error_of(raw, field="citizen_id")
    assert error.code == "citizen_id.scientific"
    assert error.field == "citizen_id"
    assert error.value == raw


def test_scientific_message_tells_what_to_do():
    error = error_of("1,23457E+11")
    vi = messages.describe(error, "vi")
    assert "1,23457E+11" in vi
    assert "Văn bản (Text)" in vi
    assert "Số CCCD" in vi
    en = messages.describe(error, "en")
    assert "Text" in en and "scientific" in en


@pytest.mark.parametrize("raw", ["00109001234A", "CCCD 001090012345", "abc", "001/090/012/345",
                                 -1234567890, 1234567890.5, True, float("nan")])
def test_not_digits(raw):
    assert error_of(raw).code == "citizen_id.not_digits"


@pytest.mark.parametrize("raw", ["123456789", 123456789, "123 456 789"])
def test_old_nine_digit_card(raw):
    error = error_of(raw)
    assert error.code == "citizen_id.old_cmnd"
    assert "CMND" in messages.describe(error, "vi")


@pytest.mark.parametrize("raw,length", [("1234", 4), ("12345678", 8), ("0010900123456", 13),
                                        (12345678, 8)])
def test_wrong_length(raw, length):
    error = error_of(raw)
    assert error.code == "citizen_id.wrong_length"
    assert error.params["length"] == length
    assert str(length) in messages.describe(error, "vi")


def test_bad_province():
    error = error_of("003090012345")
    assert error.code == "citizen_id.bad_province"
    assert error.params["province"] == "003"
    assert "003" in messages.describe(error, "vi")
    assert error_of("999090012345").code == "citizen_id.bad_province"


def test_field_is_kept_on_errors():
    assert error_of("abc", field="head_citizen_id").field == "head_citizen_id"


def test_check_against_person():
    # 001 / 0 = male 1900s / 90 -> a man born in 1990.
    assert check_against_person("001090012345", gender="male", birth_year=1990) == []
    assert check_against_person("001090012345", gender="female", birth_year=1990) == [
        "citizen_id.gender_mismatch"]
    assert check_against_person("001090012345", gender="male", birth_year=1991) == [
        "citizen_id.year_mismatch"]
    assert check_against_person("001090012345", gender="female", birth_year=2090) == [
        "citizen_id.gender_mismatch", "citizen_id.year_mismatch"]
    # 1 = female 1900s; 2 = male 2000s; 3 = female 2000s.
    assert check_against_person("001185012345", gender="female", birth_year=1985) == []
    assert check_against_person("001205012345", gender="male", birth_year=2005) == []
    assert check_against_person("001305012345", gender="female", birth_year=2005) == []
    assert check_against_person("001305012345", gender="female", birth_year=1905) == [
        "citizen_id.year_mismatch"]
    # Unknown data: nothing to compare.
    assert check_against_person("001090012345", gender=None, birth_year=None) == []
    assert check_against_person("12345", gender="male", birth_year=1990) == []


def test_mask():
    assert mask_citizen_id("001234567890") == "001******890"
    assert mask_citizen_id(None) == ""
    assert mask_citizen_id("") == ""
    assert mask_citizen_id("1234") == "****"


ALL_CODES = [
    "citizen_id.scientific", "citizen_id.not_digits", "citizen_id.old_cmnd",
    "citizen_id.wrong_length", "citizen_id.bad_province", "citizen_id.gender_mismatch",
    "citizen_id.year_mismatch", "citizen_id.leading_zeros_restored",
    "citizen_id.separators_removed",
]


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_has_both_texts(code):
    params = dict(value="1234567890", field_name="Số CCCD", length=10, province="003",
                  original="1234567890")
    vi = messages.text(code, "vi", **params)
    en = messages.text(code, "en", **params)
    assert vi != code and en != code and vi != en
    assert "{" not in vi and "{" not in en
    assert not vi.isascii()  # written with its diacritics


def test_note_texts_show_both_values():
    text = messages.text("citizen_id.leading_zeros_restored", "vi",
                         original="1234567890", value="001234567890")
    assert "1234567890" in text and "001234567890" in text


def test_field_name_registered():
    assert messages.field_name("citizen_id", "vi") == "Số CCCD"
    assert messages.field_name("citizen_id", "en") == "Citizen ID"
