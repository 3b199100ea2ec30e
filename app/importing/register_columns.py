"""The words communes use to head the columns of the three registers kept in
Excel: petitions (sổ theo dõi ý kiến, kiến nghị), the fund's cash book (sổ thu,
chi Quỹ Vì người nghèo) and oversight cases (sổ theo dõi vụ việc).

A heading is looked up the way ``app.importing.columns`` looks up a roster's:
folded (no diacritics, lower case), punctuation made spaces, whole spellings
first, then spellings that may go on with more words. What a roster heading
already knows (the row number, the residential area, the note) is taken from
``app.importing.columns`` rather than repeated here. New spellings met in the
field are added to these tables, not to code.
"""
from __future__ import annotations

from app.importing.columns import IGNORE, MAX_HEADING_WORDS, normalize
from app.importing.columns import meaning as roster_meaning

__all__ = ["REGISTERS", "REGISTER_FIELDS", "KEY_FIELD", "PARTY_OR_NOTE", "register_meaning"]

# The registers as the command line names them -> their table.
REGISTERS = {"petitions": "petition", "fund": "fund_entry", "cases": "oversight_case"}

# What a column of each register can hold. Besides the domain's own fields:
# ``area`` (a residential area by name), ``row_number`` (STT, left out), and
# for the fund ``receipt_amount`` / ``spending_amount`` (a cash book's "Thu"
# and "Chi" columns: which one is filled says the direction).
REGISTER_FIELDS: dict[str, tuple[str, ...]] = {
    "petitions": ("row_number", "received_on", "channel", "from_name", "area", "content", "field", "forwarded_to",
                  "forwarded_on", "due_on", "answered_on", "answer", "closed_on", "note"),
    "fund": ("row_number", "entry_on", "fund", "direction", "amount", "receipt_amount", "spending_amount", "party",
             "area", "purpose", "document_number", "note"),
    "cases": ("row_number", "kind", "opened_on", "title", "area", "parties", "findings", "recommendation",
              "closed_on", "outcome", "note"),
}

# The text that names a row (who sent the petition, who gave or received,
# the case): ``app.importing.rows`` reads a row around it as around a name.
KEY_FIELD = {"petitions": "from_name", "fund": "party", "cases": "title"}

# A cash book's "Diễn giải" / "Nội dung": who gave or received when no other
# column says it, otherwise a note.
PARTY_OR_NOTE = "party_or_note"

_EXACT: dict[str, dict[str, tuple[str, ...]]] = {
    "petitions": {
        "received_on": ("ngay", "ngay tiep nhan", "ngay nhan", "thoi gian tiep nhan", "ngay thang", "ngay thang nam",
                        "ngay kien nghi", "ngay phan anh", "thoi gian", "ngay tiep xuc", "ngay nhan don"),
        "channel": ("hinh thuc", "hinh thuc tiep nhan", "kenh", "kenh tiep nhan", "nguon", "nguon tiep nhan",
                    "nguon kien nghi", "hinh thuc kien nghi", "qua"),
        "from_name": ("nguoi gui", "nguoi kien nghi", "ho ten nguoi kien nghi", "ho va ten", "ho ten", "cu tri",
                      "nguoi phan anh", "ten nguoi gui", "nguoi de nghi", "ten cu tri", "nguoi to chuc kien nghi",
                      "ca nhan to chuc kien nghi", "ho ten cu tri", "ho va ten cu tri", "nguoi gui don",
                      "ho ten nguoi gui", "ho va ten nguoi gui", "cu tri kien nghi", "nguoi nop don"),
        "content": ("noi dung", "noi dung kien nghi", "noi dung y kien kien nghi", "y kien kien nghi", "kien nghi",
                    "noi dung phan anh", "tom tat noi dung", "noi dung y kien", "y kien", "noi dung don",
                    "noi dung phan anh kien nghi"),
        "field": ("linh vuc", "linh vuc kien nghi", "nhom linh vuc"),
        "forwarded_to": ("chuyen den", "co quan giai quyet", "co quan chuyen den", "chuyen co quan", "noi chuyen",
                         "co quan tiep nhan giai quyet", "don vi giai quyet", "co quan tham quyen",
                         "chuyen den co quan", "co quan don vi giai quyet", "co quan co tham quyen"),
        "forwarded_on": ("ngay chuyen", "ngay chuyen di", "ngay chuyen co quan", "ngay chuyen don"),
        "due_on": ("han tra loi", "han giai quyet", "thoi han", "han", "thoi han tra loi", "thoi han giai quyet",
                   "han xu ly"),
        "answered_on": ("ngay tra loi", "ngay giai quyet", "ngay co ket qua", "ngay tra loi ket qua"),
        "answer": ("noi dung tra loi", "ket qua giai quyet", "tra loi", "ket qua tra loi", "ket qua",
                   "ket qua giai quyet tra loi", "y kien tra loi", "van ban tra loi"),
        "closed_on": ("ngay ket thuc", "ngay dong", "ngay ket thuc theo doi", "ngay hoan thanh"),
    },
    "fund": {
        "entry_on": ("ngay", "ngay thu chi", "ngay thang", "ngay chung tu", "ngay thang nam", "ngay ghi so",
                     "thoi gian", "ngay nop", "ngay thang ghi so"),
        "fund": ("quy", "ten quy", "loai quy"),
        "direction": ("thu chi", "loai", "thu hay chi", "loai thu chi", "phan loai", "thu chi loai"),
        "amount": ("so tien", "thanh tien", "tien", "so tien vnd", "gia tri", "so tien dong", "so tien vnd dong",
                   "so tien d", "tong tien", "so tien ung ho"),
        "receipt_amount": ("thu", "so tien thu", "tien thu", "thu vao", "so thu", "so tien thu vao", "thu tien",
                           "khoan thu", "so tien thu dong", "so tien thu vnd"),
        "spending_amount": ("chi", "so tien chi", "tien chi", "chi ra", "so chi", "so tien chi ra", "chi tien",
                            "khoan chi", "so tien chi dong", "so tien chi vnd"),
        "party": ("nguoi ung ho", "don vi ung ho", "ho ten", "ho va ten", "nguoi nhan", "nguoi ung ho nguoi nhan",
                  "ten don vi ca nhan", "don vi ca nhan", "ho ten nguoi nop", "nguoi nop", "doi tuong",
                  "nguoi nop nguoi nhan", "ca nhan don vi", "to chuc ca nhan", "ca nhan to chuc",
                  "ten to chuc ca nhan", "nguoi nhan ho tro", "doi tuong nhan ho tro", "ten ho",
                  "ho ten nguoi nhan", "don vi ca nhan ung ho", "ten don vi ca nhan ung ho", "nguoi nop tien",
                  "nguoi nhan tien", "ho nhan"),
        PARTY_OR_NOTE: ("dien giai", "noi dung", "noi dung thu chi", "noi dung dien giai"),
        "purpose": ("muc dich", "muc dich chi", "noi dung chi", "hinh thuc ho tro", "muc dich su dung",
                    "loai ho tro", "noi dung ho tro"),
        "document_number": ("so chung tu", "chung tu", "so phieu", "so ct", "so phieu thu chi", "so hieu chung tu",
                            "so phieu thu", "so phieu chi", "chung tu so", "so chung tu thu", "so chung tu chi",
                            "thu so chung tu", "chi so chung tu"),
        IGNORE: ("ton", "so du", "ton quy", "so ton", "con lai", "ton cuoi", "so du cuoi", "luy ke"),
    },
    "cases": {
        "kind": ("loai", "loai vu viec", "linh vuc", "hinh thuc", "loai hinh", "loai hoat dong", "hinh thuc giam sat"),
        "opened_on": ("ngay", "ngay bat dau", "ngay mo", "ngay tiep nhan", "ngay thu ly", "thoi gian",
                      "ngay thang", "ngay thang nam", "thoi gian bat dau", "ngay nhan"),
        "title": ("ten vu viec", "vu viec", "noi dung", "noi dung vu viec", "ten", "tieu de", "noi dung giam sat",
                  "noi dung hoa giai", "noi dung vu viec hoa giai", "ten cuoc giam sat", "ten hoat dong"),
        "parties": ("cac ben", "cac ben lien quan", "cong trinh", "du an", "ben lien quan", "doi tuong",
                    "doi tuong giam sat", "cac ben cong trinh", "cong trinh du an", "cac ben tranh chap",
                    "ten cong trinh", "ten du an"),
        "findings": ("ket qua kiem tra", "ket qua giam sat", "phat hien", "ket qua xac minh", "noi dung phat hien",
                     "ket qua kiem tra giam sat", "ket qua thuc hien"),
        "recommendation": ("kien nghi", "de xuat", "kien nghi de xuat", "de nghi"),
        "closed_on": ("ngay ket thuc", "ngay hoan thanh", "ngay ket thuc vu viec", "ngay dong"),
        "outcome": ("ket qua", "ket qua giai quyet", "ket qua hoa giai", "ket qua xu ly"),
    },
}

# Spellings that may go on with more words ("Nội dung kiến nghị (tóm tắt)").
_PREFIXES: dict[str, dict[str, tuple[str, ...]]] = {
    "petitions": {"content": ("noi dung kien nghi", "noi dung y kien"), "from_name": ("ho va ten", "ho ten"),
                  "received_on": ("ngay tiep nhan",), "answer": ("noi dung tra loi", "ket qua giai quyet"),
                  "answered_on": ("ngay tra loi",), "forwarded_to": ("co quan giai quyet", "chuyen den")},
    "fund": {"amount": ("so tien",), "document_number": ("so chung tu", "so phieu"), "party": ("ho va ten", "ho ten"),
             "entry_on": ("ngay thu chi",)},
    "cases": {"title": ("ten vu viec", "noi dung vu viec"), "findings": ("ket qua kiem tra", "ket qua giam sat"),
              "opened_on": ("ngay bat dau",), "outcome": ("ket qua giai quyet", "ket qua hoa giai")},
}
# What a roster's heading means that a register row has too.
_FROM_ROSTER = {"row_number": "row_number", "area": "area", "note": "note", IGNORE: IGNORE}

_LOOKUP = {register: {spelling: field for field, spellings in fields.items() for spelling in spellings}
           for register, fields in _EXACT.items()}
_PREFIX_LIST = {
    register: sorted(((s + " ", f) for f, spellings in fields.items() for s in spellings), key=lambda i: -len(i[0]))
    for register, fields in _PREFIXES.items()
}


def register_meaning(register: str, text: object, *, whole: bool = False) -> str | None:
    """What a heading says a column of ``register`` holds: one of
    ``REGISTER_FIELDS[register]``, ``PARTY_OR_NOTE``, ``IGNORE``, or None.
    ``whole``: only whole spellings of the register's own words count."""
    if not isinstance(text, str):
        return None
    key = normalize(text)
    if not key or key.count(" ") >= MAX_HEADING_WORDS:
        return None
    found = _LOOKUP[register].get(key)
    if found is not None or whole:
        return found
    for prefix, field in _PREFIX_LIST[register]:
        if key.startswith(prefix):
            return field
    return _FROM_ROSTER.get(roster_meaning(text) or "")


def joined_meaning(register: str, parent: object, child: object) -> str | None:
    """A heading under a heading that spans columns ("Số tiền" over "Thu" |
    "Chi", "Trả lời" over "Ngày" | "Nội dung"): the two read together first,
    either way round, as whole spellings ("ngày trả lời", "số tiền thu"), then
    the lower one alone ("Số tiền (đồng)" over "Thu": "Thu")."""
    if isinstance(parent, str) and isinstance(child, str):
        for text in (f"{child} {parent}", f"{parent} {child}"):
            found = register_meaning(register, text, whole=True)
            if found is not None:
                return found
    return register_meaning(register, child)
