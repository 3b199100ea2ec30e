"""Vietnamese text: cleaning, search folding, roster collation."""
from __future__ import annotations

import random
import sqlite3
import unicodedata

import pytest

from app.text.vietnamese import (
    clean_name,
    clean_text,
    fold,
    name_sort_key,
    nfc,
    search_terms,
    text_sort_key,
)

# The 12 vowels of the alphabet, spelled as base letter + modifier mark, and
# the ASCII letter each one folds to.
VOWELS = {
    "a": "a", "a\u0306": "a", "a\u0302": "a",  # a ă â
    "e": "e", "e\u0302": "e",                  # e ê
    "i": "i",
    "o": "o", "o\u0302": "o", "o\u031b": "o",  # o ô ơ
    "u": "u", "u\u031b": "u",                  # u ư
    "y": "y",
}
# No tone, huyền, hỏi, ngã, sắc, nặng.
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]

# The same 72 lowercase letters typed out, to make sure the generated table
# above really is the Vietnamese set (each row: a vowel in its 6 tones).
TYPED_VOWELS = (
    "aàảãáạ" "ăằẳẵắặ" "âầẩẫấậ" "eèẻẽéẹ" "êềểễếệ" "iìỉĩíị"
    "oòỏõóọ" "ôồổỗốộ" "ơờởỡớợ" "uùủũúụ" "ưừửữứự" "yỳỷỹýỵ"
)


def toned_vowels() -> list[tuple[str, str]]:
    """(NFC letter, expected fold) for every vowel x tone, lower and upper case."""
    table = []
    for spelled, base in VOWELS.items():
        for tone in TONES:
            letter = unicodedata.normalize("NFC", spelled + tone)
            assert len(letter) == 1, f"{spelled + tone!r} should compose to one letter"
            table.append((letter, base))
            table.append((letter.upper(), base))
    return table


def test_generated_vowel_table_is_the_vietnamese_one():
    lower = "".join(letter for letter, _ in toned_vowels() if letter.islower())
    assert lower == TYPED_VOWELS
    assert len(toned_vowels()) == 12 * 6 * 2


@pytest.mark.parametrize("letter,base", toned_vowels())
def test_fold_every_vowel_and_tone(letter, base):
    assert fold(letter) == base
    # Decomposed input (NFD) folds the same as precomposed.
    assert fold(unicodedata.normalize("NFD", letter)) == base
    assert fold("x" + letter + "x") == "x" + base + "x"


def test_fold_d_with_stroke():
    assert fold("đ") == "d"
    assert fold("Đ") == "d"
    assert fold("ĐỖ ĐỨC ĐẠT") == "do duc dat"
    # The Icelandic eth that old font converters put in place of Đ.
    assert fold("\u00d0inh") == "dinh"
    # NFD does not touch đ: this is the reason for an explicit mapping.
    assert unicodedata.normalize("NFD", "đ") == "đ"


def test_fold_names_and_sentences():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("  Nguyễn\u00a0Văn\t\nĐức  ") == "nguyen van duc"
    assert fold("NGUYỄN THỊ MỸ LỆ") == "nguyen thi my le"
    assert fold("Ủy ban MTTQ Việt Nam") == "uy ban mttq viet nam"
    assert fold("plain ASCII  Text") == "plain ascii text"
    assert fold("") == ""


def test_fold_old_and_new_tone_placement():
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("Thuỷ") == fold("Thủy") == "thuy"
    assert fold("khoẻ") == fold("khỏe") == "khoe"


def test_fold_decomposed_equals_precomposed():
    text = "Trần Thị Ánh Nguyệt, Đặng Hữu Phước, Hoàng Văn Ê, Lương Thị Ngọc Bích"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert fold(unicodedata.normalize("NFD", text)) == (
        "tran thi anh nguyet, dang huu phuoc, hoang van e, luong thi ngoc bich"
    )


def test_fold_removes_invisible_and_keeps_other_scripts():
    assert fold("Lan\u200b Anh") == "lan anh"
    assert fold("Ngô Thì Nhậm 吳時任") == "ngo thi nham 吳時任"


def test_search_terms():
    assert search_terms("Nguyễn  văn-Đức") == ["nguyen", "van", "duc"]
    assert search_terms("nguyen van duc") == ["nguyen", "van", "duc"]
    assert search_terms("  Thôn 2, xã Hoà Bình ") == ["thon", "2", "xa", "hoa", "binh"]
    assert search_terms("H'Hen Niê") == ["h", "hen", "nie"]
    assert search_terms("...") == []
    assert search_terms("") == []


def test_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    assert decomposed != "Nguyễn"
    assert nfc(decomposed) == "Nguyễn"


def test_clean_text():
    assert clean_text(None) == ""
    assert clean_text("   ") == ""
    assert clean_text("  Nguyễn\u00a0\u00a0Văn\t\r\nĐức ") == "Nguyễn Văn Đức"
    assert clean_text(unicodedata.normalize("NFD", "Lê Thị Hoà")) == "Lê Thị Hoà"
    assert clean_text("Lan\u200b Anh\ufeff") == "Lan Anh"
    assert clean_text(123) == "123"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("NGUYỄN VĂN ĐỨC", "Nguyễn Văn Đức"),
        ("nguyễn văn đức", "Nguyễn Văn Đức"),
        ("  đỗ   thị   ánh  ", "Đỗ Thị Ánh"),
        ("ĐINH ƯNG ƠN", "Đinh Ưng Ơn"),
        ("ưng ơn ê ă â ô", "Ưng Ơn Ê Ă Â Ô"),
        (unicodedata.normalize("NFD", "LÊ THỊ HOÀ"), "Lê Thị Hoà"),
        ("h'hen niê", "H'Hen Niê"),
        # Mixed case is the person's own spelling: kept.
        ("H'Hen Niê", "H'Hen Niê"),
        ("Nguyễn Thị Mỹ Lệ", "Nguyễn Thị Mỹ Lệ"),
        ("Y Moan Êban", "Y Moan Êban"),
        ("Lò Văn DŨNG", "Lò Văn DŨNG"),
        (None, ""),
    ],
)
def test_clean_name(raw, expected):
    assert clean_name(raw) == expected


def by_name(names):
    return sorted(names, key=name_sort_key)


def by_text(texts):
    return sorted(texts, key=text_sort_key)


def test_name_sort_spec_examples():
    expected = ["Trần Văn An", "Lê Thị Ánh", "Nguyễn Văn Bình", "Phạm Thị Chi", "Đỗ Văn Dũng",
                "Nguyễn Văn Đức", "Trần Thị Em", "Hoàng Văn Ê"]
    assert by_name(reversed(expected)) == expected
    assert by_name(["Ánh", "Anh", "An"]) == ["An", "Anh", "Ánh"]
    assert by_name(["Ân", "Ăn", "Anh"]) == ["Anh", "Ăn", "Ân"]
    assert by_name(["Lê Văn Bình", "Nguyễn Văn An"]) == ["Nguyễn Văn An", "Lê Văn Bình"]
    assert by_name(["Nguyễn Thị Hoa", "Lê Thị Hoa"]) == ["Lê Thị Hoa", "Nguyễn Thị Hoa"]
    assert by_name(["Lê Vănh A", "Lê Văn A"]) == ["Lê Văn A", "Lê Vănh A"]


def test_name_sort_alphabet_order():
    alphabet = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
    shuffled = alphabet[:]
    random.Random(7).shuffle(shuffled)
    assert by_name(shuffled) == alphabet
    assert by_name([w.upper() for w in shuffled]) == [w.upper() for w in alphabet]


def test_tones_are_a_second_level():
    assert by_name(["ạ", "á", "ã", "ả", "à", "a"]) == ["a", "à", "ả", "ã", "á", "ạ"]
    # The given name is compared whole (letters, then tones) before the rest:
    # every "Anh" comes before every "Ánh", as rosters group them.
    assert by_name(["Lê Thị Ánh", "Lê Văn Anh"]) == ["Lê Văn Anh", "Lê Thị Ánh"]
    assert by_name(["Lê Văn Ánh", "Lê Văn Anh"]) == ["Lê Văn Anh", "Lê Văn Ánh"]
    assert by_name(["Lê Thị Hoà", "Lê Thị Hoa"]) == ["Lê Thị Hoa", "Lê Thị Hoà"]
    # Tones of the given name outrank tones of the rest, like its letters.
    assert by_name(["Lê An", "Lế Án"]) == ["Lê An", "Lế Án"]
    assert by_name(["Lễ Án", "Lê Àn"]) == ["Lê Àn", "Lễ Án"]


def levels(name):
    """Primary and secondary levels of a name key (neither contains a space)."""
    return name_sort_key(name).split(" ", 2)[:2]


def test_name_sort_ignores_case_and_normal_form():
    # The key is "primary secondary tertiary"; only the NFC text keeps case.
    assert levels("nguyễn văn an") == levels("NGUYỄN VĂN AN")
    assert by_name(["NGUYỄN VĂN ANH", "nguyễn văn an"]) == ["nguyễn văn an", "NGUYỄN VĂN ANH"]
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    assert name_sort_key(nfd) == name_sort_key("Nguyễn Thị Hoà")
    # Old and new tone placement tie on both levels; the NFC text decides.
    assert levels("Lê Thị Hoà") == levels("Lê Thị Hòa")
    assert name_sort_key("Lê Thị Hoà") != name_sort_key("Lê Thị Hòa")


def test_name_sort_ignores_punctuation_and_extra_spaces():
    assert by_name(["Kơ-nia B", "Kơnia A"]) == ["Kơnia A", "Kơ-nia B"]
    assert by_name(["Nguyễn  Văn   Bình", "Nguyễn Văn An"]) == ["Nguyễn Văn An", "Nguyễn  Văn   Bình"]


def test_given_name_only_sorts_before_longer_names():
    assert by_name(["Lê An", "An", "Nguyễn Văn An"]) == ["An", "Lê An", "Nguyễn Văn An"]
    assert by_name(["", "An"]) == ["", "An"]


def test_digits_sort_before_letters():
    assert by_name(["Tổ A", "Tổ 1"]) == ["Tổ 1", "Tổ A"]
    assert by_text(["Tổ A", "Tổ 1", "Tổ z"]) == ["Tổ 1", "Tổ A", "Tổ z"]


# A realistic roster, in the order written out by hand.
ROSTER = [
    "Nguyễn Văn An",
    "Trần Thị An",
    "Lê Thị Anh",
    "Phạm Văn Anh",
    "Lê Thị Ánh",
    "Võ Thị Ánh",
    "Đặng Văn Ân",
    "Huỳnh Gia Bảo",
    "Lê Văn Bình",
    "Nguyễn Thị Bình",
    "Phạm Thị Chi",
    "Đỗ Mạnh Cường",
    "Dương Văn Dũng",
    "Đỗ Văn Dũng",
    "Bùi Đức Duy",
    "Trương Quốc Đạt",
    "Nguyễn Văn Đức",
    "Trần Thị Em",
    "Y Moan Êban",
    "Hà Thu Giang",
    "Lý Thu Hà",
    "Nguyễn Thanh Hải",
    "Đinh Thị Hạnh",
    "Lê Thị Hoa",
    "Lê Thị Hoà",
    "Nguyễn Thị Hòa",
    "Phan Văn Hưng",
    "Lê Hoài Nam",
    "Bùi Bích Ngọc",
    "H'Hen Niê",
]


def test_realistic_roster_order():
    assert len(ROSTER) == 30
    for seed in range(5):
        shuffled = ROSTER[:]
        random.Random(seed).shuffle(shuffled)
        assert by_name(shuffled) == ROSTER


def test_sort_keys_in_sqlite_binary_order():
    """The keys are stored in SQLite and compared there byte by byte."""
    shuffled = ROSTER[:]
    random.Random(42).shuffle(shuffled)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE person (full_name TEXT, sort_key TEXT COLLATE BINARY)")
    db.executemany("INSERT INTO person VALUES (?, ?)",
                   [(n, name_sort_key(n)) for n in shuffled])
    rows = [r[0] for r in db.execute("SELECT full_name FROM person ORDER BY sort_key")]
    assert rows == ROSTER


def test_sort_keys_have_no_control_characters():
    names = ROSTER + ["Lê\x00Văn\x01An", "Tab\tName", "", "吳時任", "Müller Zoë"]
    for name in names:
        for key in (name_sort_key(name), text_sort_key(name)):
            assert isinstance(key, str)
            assert all(ord(ch) >= 0x20 for ch in key), repr(key)
            key.encode("utf-8")  # storable as SQLite TEXT


def test_text_sort_key_natural_numbers():
    areas = ["Thôn 1", "Thôn 2", "Thôn 3", "Thôn 9", "Thôn 10", "Thôn 11", "Thôn 100"]
    shuffled = areas[::-1]
    assert by_text(shuffled) == areas
    assert by_text(["Tổ dân phố 10", "Tổ dân phố 9", "Tổ dân phố 9A"]) == [
        "Tổ dân phố 9", "Tổ dân phố 9A", "Tổ dân phố 10"]


def test_text_sort_key_reading_order():
    orgs = ["Ấp Bắc", "Ấp Tây", "Bản Mường", "Chi hội Phụ nữ thôn 2", "Công đoàn",
            "Đoàn Thanh niên", "Hội Cựu chiến binh", "Hội Nông dân", "Ủy ban MTTQ"]
    assert by_text(reversed(orgs)) == orgs
    # No given-name reordering: "An Bình" is read as written.
    assert by_text(["Anh Sơn", "An Bình"]) == ["An Bình", "Anh Sơn"]
    assert by_text(["Ân Thi", "Ăn Bình", "Anh Sơn"]) == ["Anh Sơn", "Ăn Bình", "Ân Thi"]


def test_other_scripts_after_latin_letters():
    assert by_text(["吳", "Zoë", "Ýen"]) == ["Ýen", "Zoë", "吳"]
