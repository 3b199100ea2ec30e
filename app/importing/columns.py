"""The words communes use to head the columns of a member roster.

Rosters are typed by hand over years, so one meaning comes in many spellings:
"Họ và tên", "HỌ VÀ TÊN", "Ho ten", "Họ và tên hội viên"; "Số CCCD",
"CMND/CCCD", "Số định danh". A heading is folded (no diacritics, lower case),
its punctuation and line breaks turned into spaces, then looked up here: whole
spellings first, then spellings that may be followed by more words ("Họ và tên
(chữ in hoa)"), then a few tokens that are unmistakable wherever they stand
("cccd"). New spellings met in the field are added to these tables, not to code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.vietnamese import clean_text, fold

# What a column can hold (None = ignore the column).
FIELDS = (
    "full_name", "gender", "birth_date", "birth_year_male", "birth_year_female", "ethnicity", "religion",
    "citizen_id", "phone", "area", "note", "joined_on", "row_number", "role", "appointed_on",
)

# Meanings that only exist while reading headings: the surname-and-middle part
# and the given-name part of a name split over two columns (both become
# full_name, joined), and headings known to carry nothing a person record
# keeps (the commune column of an address, a signature column).
NAME_PART = "name_part"
GIVEN_NAME = "given_name"
IGNORE = "ignore"

# Whole headings, folded.
_EXACT: dict[str, tuple[str, ...]] = {
    "row_number": ("stt", "tt", "so tt", "so thu tu", "thu tu", "s tt"),
    "full_name": ("ho va ten", "ho ten", "hoten", "ho va ten hoi vien", "ten hoi vien", "ho va ten doan vien",
                  "ho va ten dang vien", "ho va ten nguoi"),
    NAME_PART: ("ho va ten dem", "ho va dem", "ho dem", "ho va chu dem", "ho va ten lot", "ho lot", "ho",
                "ho va ten chu dem", "dem", "ten dem", "chu dem"),
    GIVEN_NAME: ("ten",),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "nam sinh", "ns", "sinh ngay", "ngay th nam sinh",
                   "ngay sinh nam sinh", "ngay thang sinh", "nam thang sinh"),
    "birth_year_male": ("nam", "nam sinh nam", "nam gioi"),
    "birth_year_female": ("nu", "nam sinh nu", "nu gioi"),
    "gender": ("gioi tinh", "gt", "nam nu", "gioi", "phai", "nam hay nu", "gioi tinh nam nu"),
    "ethnicity": ("dan toc", "dtoc"),
    "religion": ("ton giao", "tg", "tgiao", "ton giao neu co"),
    "citizen_id": ("cccd", "so cccd", "cmnd", "so cmnd", "cmnd cccd", "so cmnd cccd", "cccd cmnd", "so cccd cmnd",
                   "so dinh danh", "so dinh danh ca nhan", "dinh danh ca nhan", "ma dinh danh", "can cuoc",
                   "so can cuoc", "can cuoc cong dan", "so can cuoc cong dan", "cmt", "so cmt", "ddcn",
                   "so ddcn", "so the can cuoc"),
    "phone": ("sdt", "so dt", "so dien thoai", "dien thoai", "dtdd", "di dong", "so di dong", "d thoai",
              "dthoai", "dien thoai lien he", "so dien thoai lien he", "lien he", "sdt lien he"),
    "area": ("thon", "to", "xom", "ap", "ban", "khu dan cu", "dia chi", "chi hoi", "chi doan", "to dan pho",
             "thon xom", "thon to", "thon ban", "thon ap", "khu pho", "khu", "noi o", "noi o hien nay",
             "cho o hien nay", "noi cu tru", "dia ban", "thon to dan pho", "kdc", "tdp", "thon xom ap",
             "dia chi thuong tru", "noi thuong tru", "que quan dia chi"),
    "note": ("ghi chu",),
    "joined_on": ("ngay vao hoi", "ngay vao doan", "ngay ket nap", "ngay vao", "ngay gia nhap",
                  "ngay vao hoi doan", "ngay ket nap hoi vien", "ngay ket nap doan vien", "thoi gian vao hoi",
                  "ngay thang vao hoi", "ngay thang nam vao hoi", "ngay vao to chuc"),
    # The person's post in the branch (app.importing.roles); not "Chức vụ, nghề nghiệp"
    # (an occupation) nor "Chức vụ đoàn thể" (which organization's?): the user says.
    "role": ("chuc vu", "chuc danh", "chuc vu trong chi hoi", "chuc vu trong chi doan", "chuc vu trong hoi",
             "chuc danh trong chi hoi", "chuc vu hien nay", "chuc vu hien tai", "chuc vu dang giu",
             "chuc vu chi hoi", "chuc vu chi doan", "chuc vu trong to chuc"),
    "appointed_on": ("ngay bo nhiem", "tu ngay", "ngay nhan chuc", "ngay nhan nhiem vu", "bo nhiem tu ngay",
                     "ngay giu chuc vu", "ngay bau", "ngay duoc bau"),
    IGNORE: ("xa", "phuong", "xa phuong", "huyen", "tinh", "quan huyen", "tinh thanh pho", "ky ten", "ky nhan",
             "chu ky", "ky ghi ro ho ten", "ky va ghi ro ho ten"),
}

# Headings that may go on with more words: "Họ và tên (viết in hoa)",
# "Ngày sinh (dd/mm/yyyy)", "Số CCCD/ĐDCN". Not "ghi chu": a "Ghi chú 2"
# is some other note the commune keeps, the user says what it is.
_PREFIXES: dict[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten"),
    NAME_PART: ("ho va ten dem", "ho va dem", "ho dem", "ho va chu dem"),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "nam sinh"),
    "citizen_id": ("so cccd", "so cmnd", "so dinh danh", "so can cuoc", "can cuoc cong dan"),
    "phone": ("so dien thoai", "dien thoai", "sdt"),
    "area": ("dia chi", "khu dan cu", "to dan pho"),
    "joined_on": ("ngay vao hoi", "ngay vao doan", "ngay ket nap", "ngay gia nhap"),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "gender": ("gioi tinh",),
    "role": ("chuc vu trong", "chuc danh trong"),
    "appointed_on": ("ngay bo nhiem",),
}

# Tokens that name a citizen ID wherever they stand in a heading.
_TOKENS = {"cccd": "citizen_id", "cmnd": "citizen_id", "ddcn": "citizen_id"}

# Two-letter abbreviations that folding would confuse: ĐT (điện thoại) and
# DT (dân tộc) both fold to "dt". Looked up on the heading as typed.
_ABBREVIATIONS = {"ĐT": "phone", "DT": "ethnicity", "SĐT": "phone", "ĐTDĐ": "phone"}

_LOOKUP: dict[str, str] = {spelling: meaning for meaning, spellings in _EXACT.items() for spelling in spellings}
# Longest first, so "ho va ten dem ..." is read before "ho va ten ...".
_PREFIX_LIST = sorted(
    ((spelling + " ", meaning) for meaning, spellings in _PREFIXES.items() for spelling in spellings),
    key=lambda item: -len(item[0]),
)
_PUNCTUATION = re.compile(r"[^0-9a-z]+")
_NOT_WORD = re.compile(r"[\W_]+")

# A heading is a few words; a title row ("DANH SÁCH HỘI VIÊN CHI HỘI ...") is
# a sentence. Longer cells are never headings.
MAX_HEADING_WORDS = 9


def normalize(text: object) -> str:
    """A heading as looked up: folded, punctuation and line breaks made single spaces."""
    if text is None:
        return ""
    return " ".join(_PUNCTUATION.sub(" ", fold(str(text))).split())


def meaning(text: object) -> str | None:
    """What a heading says a column holds: a field of ``FIELDS``, ``NAME_PART``,
    ``GIVEN_NAME``, ``IGNORE``, or None when the heading is not known."""
    if not isinstance(text, str):
        return None
    key = normalize(text)
    if not key or key.count(" ") >= MAX_HEADING_WORDS:
        return None
    typed = _NOT_WORD.sub("", clean_text(text)).upper()
    if typed in _ABBREVIATIONS:
        return _ABBREVIATIONS[typed]
    found = _LOOKUP.get(key)
    if found is not None:
        return found
    for prefix, field in _PREFIX_LIST:
        if key.startswith(prefix):
            return field
    for token in key.split():
        if token in _TOKENS:
            return _TOKENS[token]
    return None


# -- a sheet's columns, as the layout detector found them (or the user set them) --


@dataclass
class Column:
    index: int            # 0-based column index in Sheet.rows
    letter: str           # Excel letter: "A", "B", … "AA"
    header: str           # the header text as shown (two-row headers joined: "Năm sinh / Nam")
    field: str | None     # what it maps to; None = ignored or unknown
    # A known heading that carries nothing to keep ("Xã" of an address), or a
    # column the user chose to leave out: not worth asking about again.
    ignored: bool = False


@dataclass
class Layout:
    sheet: str
    header_rows: tuple[int, ...]    # 0-based indexes of the header row(s)
    data_start: int                 # 0-based index of the first data row
    columns: list[Column]
    signature: str                  # stable hash of the normalized header texts

    def unknown(self) -> list[Column]:
        """Columns with a heading that nobody has said what to do with."""
        return [c for c in self.columns if c.header and c.field is None and not c.ignored]

    def missing(self) -> list[str]:
        """Fields a roster cannot go without that no column provides."""
        return [] if any(c.field == "full_name" for c in self.columns) else ["full_name"]

    def mapping(self) -> dict[int, str | None]:
        """Column index -> field for every column with a heading or a choice."""
        return {c.index: c.field for c in self.columns if c.header or c.field or c.ignored}
