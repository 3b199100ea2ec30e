"""What the Front's three registers share (petitions, fund entries, oversight
cases: ``petitions``, ``fund``, ``cases``): their closed word values and how
people write them, dates, residential areas, search without accents, and
erasing a person from them.

Word values are stored as the code's words (``voter_meeting``); the command
line writes them with hyphens (``voter-meeting``) and people may also type
the Vietnamese words, with or without accents ("tiếp xúc cử tri", "tiep xuc
cu tri", "TXCT").
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app import messages
from app.db import logged
from app.db.storage import Store
from app.errors import InvalidValue
from app.text.dates import format_date, parse_date
from app.text.vietnamese import clean_text, fold

# What an erased person's name becomes in a register (the row stays: the
# petition, the money and the figures happened; whose they were does not).
ERASED_NAME = "(đã xóa theo yêu cầu)"
TEXT_LIMIT = 4000  # content, answer, findings: a page of text
SHORT_LIMIT = 300  # names, titles, agencies, document numbers
ID_CHUNK = 500  # ids per "IN (...)" query: well under SQLite's limit on bound values

# choice -> code -> (Vietnamese, English, other ways people write it...)
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "channel": {
        "voter_meeting": ("Tiếp xúc cử tri", "Voter meeting", "TXCT", "tiep xuc"),
        "area_meeting": ("Hội nghị khu dân cư", "Residential area meeting", "hoi nghi", "khu dan cu"),
        "in_person": ("Trực tiếp", "In person", "tiep dan", "truc tiep tai tru so"),
        "letter": ("Đơn thư", "Letter", "don", "thu", "don thu khieu nai"),
        "portal": ("Cổng Mặt trận số", "Mặt trận số portal", "mat tran so", "cong thong tin"),
        "other": ("Khác", "Other"),
    },
    "petition_status": {
        "received": ("Đã tiếp nhận", "Received", "tiep nhan", "moi"),
        "forwarded": ("Đã chuyển cơ quan giải quyết", "Forwarded", "da chuyen", "chuyen"),
        "answered": ("Đã trả lời", "Answered", "tra loi"),
        "closed": ("Đã kết thúc", "Closed", "ket thuc", "dong"),
    },
    "fund": {
        "poor": ("Quỹ Vì người nghèo", "Fund for the poor", "vi nguoi ngheo", "nguoi ngheo", "ngheo"),
        "relief": ("Quỹ Cứu trợ", "Relief fund", "cuu tro"),
        "other": ("Quỹ khác", "Other fund", "khac"),
    },
    "direction": {
        "receipt": ("Thu", "Receipt", "thu vao", "ung ho", "receive"),
        "spending": ("Chi", "Spending", "chi ra", "spend"),
    },
    "purpose": {
        "build_house": ("Xây nhà", "Build a house", "xay moi nha", "xay dung nha", "xay nha dai doan ket",
                        "nha dai doan ket"),
        "repair_house": ("Sửa nhà", "Repair a house", "sua chua nha", "sua nha dai doan ket"),
        "support": ("Hỗ trợ", "Support", "tro giup", "tang qua"),
        "study": ("Học tập", "Study", "hoc", "hoc bong"),
        "health": ("Y tế", "Health", "suc khoe", "kham chua benh", "bhyt", "bao hiem y te"),
        "other": ("Khác", "Other"),
    },
    "case_kind": {
        "inspection": ("Thanh tra nhân dân", "People's inspection", "ban thanh tra nhan dan", "TTND",
                       "thanh tra"),
        "investment": ("Giám sát đầu tư của cộng đồng", "Community investment supervision",
                       "giam sat dau tu cong dong", "giam sat dau tu", "GSDTCCD", "GSDTCD", "dau tu"),
        "mediation": ("Hòa giải ở cơ sở", "Grassroots mediation", "hoa giai", "hoa giai co so"),
        "supervision": ("Giám sát", "Supervision", "giam sat cua mat tran"),
        "criticism": ("Phản biện xã hội", "Social criticism", "phan bien"),
    },
    "outcome": {
        "resolved": ("Đã giải quyết", "Resolved", "giai quyet xong", "giai quyet", "xong"),
        "partly_resolved": ("Giải quyết một phần", "Partly resolved", "mot phan", "da giai quyet mot phan"),
        "unresolved": ("Chưa giải quyết được", "Unresolved", "chua giai quyet", "khong giai quyet duoc"),
        "withdrawn": ("Rút yêu cầu", "Withdrawn", "rut", "rut don"),
        "successful": ("Hòa giải thành", "Successful", "thanh cong", "hoa giai thanh cong"),
        "unsuccessful": ("Hòa giải không thành", "Unsuccessful", "khong thanh cong", "hoa giai khong thanh cong",
                         "khong thanh"),
    },
}

messages.register(
    {
        "register.bad_word": (
            "{field_name} “{value}” không hợp lệ. Hãy dùng một trong: {choices}.",
            "{field_name} “{value}” is not valid. Use one of: {choices}.",
        ),
        "register.too_long": (
            "{field_name} dài quá {limit} ký tự.", "{field_name} is longer than {limit} characters.",
        ),
        "register.future": (
            "{field_name} ({value}) sau hôm nay ({today}).", "{field_name} ({value}) is after today ({today}).",
        ),
        "register.not_area": (
            "{field_name}: tổ chức số {value} không phải là khu dân cư.",
            "{field_name}: organization #{value} is not a residential area.",
        ),
        "register.area_unknown": (
            "Không có khu dân cư nào tên “{value}”. Các khu dân cư: {choices}.",
            "No residential area is called “{value}”. The residential areas: {choices}.",
        ),
        "register.area_ambiguous": (
            "Có nhiều khu dân cư khớp với “{value}”: {names}. Hãy ghi rõ hơn.",
            "Several residential areas match “{value}”: {names}. Be more specific.",
        ),
        "register.person_unknown": ("Không tìm thấy người số {value}.", "No person #{value}."),
    }
)
messages.register_fields(
    {
        "channel": ("Hình thức tiếp nhận", "Channel"),
        "fund": ("Quỹ", "Fund"),
        "direction": ("Thu/chi", "Receipt or spending"),
        "purpose": ("Mục đích chi", "Purpose"),
        "kind": ("Loại", "Kind"),
        "outcome": ("Kết quả", "Outcome"),
        "person_id": ("Người", "Person"),
        "task_id": ("Công việc theo dõi", "Follow-up task"),
        "closed_on": ("Ngày kết thúc", "Closed on"),
        "title": ("Tên", "Title"),
        "note": ("Ghi chú", "Note"),
        "due_on": ("Hạn hoàn thành", "Due date"),  # the same words as tasks give it
    }
)
messages.register({
    f"register.word.{choice}.{code}": (words[0], words[1])
    for choice, codes in WORDS.items() for code, words in codes.items()
})


def word_label(choice: str, code: str | None, lang: str | None = None) -> str:
    """The words of a stored value: ("channel", "voter_meeting") -> "Tiếp xúc cử tri"."""
    if code is None:
        return ""
    if code not in WORDS[choice]:
        return code
    return messages.text(f"register.word.{choice}.{code}", lang)


def cli_word(code: str | None) -> str | None:
    """How the command line writes a stored value: voter_meeting -> voter-meeting."""
    return code.replace("_", "-") if code is not None else None


def _key(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").replace("_", " ").replace("“", "").replace("”", "").split())


_LOOKUP: dict[str, dict[str, str]] = {
    choice: {_key(way): code for code, words in codes.items() for way in (code, *words)}
    for choice, codes in WORDS.items()
}


def parse_word(choice: str, raw: Any, *, field: str, allowed: tuple[str, ...] | None = None) -> str:
    """The stored value for what a person wrote: the code's word (with
    hyphens or underscores), or the Vietnamese words with or without accents."""
    found = _LOOKUP[choice].get(_key(str(raw))) if raw not in (None, "") else None
    codes = allowed if allowed is not None else tuple(WORDS[choice])
    if found is None or found not in codes:
        if raw in (None, ""):
            raise InvalidValue("required", field=field, value=raw)
        choices = ", ".join(f"{cli_word(c)} ({WORDS[choice][c][0]})" for c in codes)
        raise InvalidValue("register.bad_word", field=field, value=raw, choices=choices)
    return found


def text_value(raw: Any, field_name: str, problems: list, *, required: bool = False,
               limit: int = SHORT_LIMIT) -> str | None:
    """Cleaned text (NFC, one space), None when empty; a problem when required and
    empty or when longer than ``limit``."""
    value = clean_text(raw) if limit <= SHORT_LIMIT else _clean_long(raw)
    if not value:
        if required:
            problems.append(InvalidValue("required", field=field_name, value=raw))
        return None
    if len(value) > limit:
        problems.append(InvalidValue("register.too_long", field=field_name, value=value[:40], limit=limit))
    return value


def _clean_long(raw: Any) -> str:
    """Long text keeps its line breaks; each line is cleaned."""
    if raw is None:
        return ""
    lines = [clean_text(line) for line in str(raw).replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def day_value(store: Store, raw: Any, field_name: str, problems: list, *, required: bool = False,
              not_future: bool = True) -> str | None:
    """An ISO day from a date or dd/mm/yyyy text; a problem when it cannot be read,
    is missing but required, or lies after today (where that is refused)."""
    if raw is None or raw == "":
        if required:
            problems.append(InvalidValue("required", field=field_name, value=raw))
        return None
    if isinstance(raw, date):
        value = raw
    else:
        try:
            value = parse_date(raw, field=field_name, today=store.today(), allow_year_only=False,
                               allow_future=True).to_date()
        except InvalidValue as exc:
            problems.append(exc)
            return None
    if not_future and value > store.today():
        problems.append(InvalidValue("register.future", field=field_name, value=format_date(value),
                                     today=format_date(store.today())))
        return None
    return value.isoformat()


def word_value(choice: str, raw: Any, field_name: str, problems: list, *, default: str | None = None,
               allowed: tuple[str, ...] | None = None) -> str | None:
    if raw in (None, "") and default is not None:
        return default
    try:
        return parse_word(choice, raw, field=field_name, allowed=allowed)
    except InvalidValue as exc:
        problems.append(exc)
        return None


def area_value(store: Store, raw: Any, problems: list, field_name: str = "area_id") -> int | None:
    """A residential area's id (a number), checked; None when not given."""
    if raw in (None, ""):
        return None
    try:
        area_id = int(raw)
    except (TypeError, ValueError):
        problems.append(InvalidValue("register.not_area", field=field_name, value=raw))
        return None
    row = store.conn.execute("SELECT kind FROM organization WHERE id = ?", (area_id,)).fetchone()
    if row is None or row[0] != "residential_area":
        problems.append(InvalidValue("register.not_area", field=field_name, value=raw))
        return None
    return area_id


def person_value(store: Store, raw: Any, problems: list, field_name: str = "person_id") -> dict | None:
    """The person row a register entry is linked to, checked; None when not given."""
    if raw in (None, ""):
        return None
    try:
        person = logged.fetch(store, "person", int(raw))
    except (TypeError, ValueError):
        person = None
    if person is None:
        problems.append(InvalidValue("register.person_unknown", field=field_name, value=raw))
    return person


def find_area(store: Store, text: str) -> int:
    """A residential area as a person names it (``--area``): its number, its name or
    short name, with or without accents ("Thôn Đông", "thon dong", "Đông")."""
    raw = clean_text(text)
    rows = store.conn.execute(
        "SELECT id, name, short_name FROM organization WHERE kind = 'residential_area' ORDER BY sort_key"
    ).fetchall()
    if raw.isdigit() and any(r[0] == int(raw) for r in rows):
        return int(raw)
    wanted = fold(raw)
    exact = [r for r in rows if wanted in (fold(r[1]), fold(r[2] or ""))]
    candidates = exact or [r for r in rows if wanted and wanted in fold(r[1])]
    if len(candidates) == 1:
        return candidates[0][0]
    if not candidates:
        choices = ", ".join(r[1] for r in rows[:30]) or "—"
        raise InvalidValue("register.area_unknown", field="area_id", value=raw, choices=choices)
    raise InvalidValue("register.area_ambiguous", field="area_id", value=raw,
                       names=", ".join(r[1] for r in candidates[:5]))


# The texts of each register that search looks in (folded into search_text).
SEARCHED = {
    "petition": ("from_name", "content", "field", "forwarded_to", "answer"),
    "fund_entry": ("party", "document_number", "note"),
    "oversight_case": ("title", "parties", "findings", "recommendation"),
}


def refresh_search_text(store: Store, table: str, row_id: int) -> None:
    """Fold the row's searched texts into its search copy (not a change: not logged)."""
    columns = SEARCHED[table]
    row = store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is not None:
        store.conn.execute(f"UPDATE {table} SET search_text = ? WHERE id = ?", (folded(*row), row_id))


def rows_by_ids(store: Store, select: str, key: str, ids: list[int], make) -> dict[int, Any]:
    """``make(row)`` of each row of ``select`` (a SELECT ... FROM ... without WHERE)
    whose ``key`` column is in ``ids``, by id: a lazy list's block in a query or two."""
    found: dict[int, Any] = {}
    for start in range(0, len(ids), ID_CHUNK):
        chunk = ids[start:start + ID_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for row in store.conn.execute(f"{select} WHERE {key} IN ({marks})", chunk):
            found[row[0]] = make(row)
    return found


def folded(*texts: Any) -> str:
    """The search copy of a record's texts: folded, one line."""
    return " | ".join(fold(str(t)) for t in texts if t not in (None, ""))


def text_clause(column: str, text: str | None) -> tuple[str, list[str]]:
    """SQL that keeps the rows whose search copy holds every word typed (any order)."""
    words = fold(text or "").split()
    return " AND ".join(f"instr({column}, ?) > 0" for _ in words), words


def reference_day(last: date, today: date) -> date:
    """The day a period's "still open" figures are taken on: its last day, or
    today while the period is not over."""
    return min(last, today)


@dataclass(frozen=True)
class Notice:
    """Something the caller should show, though nothing was refused (a fund
    taken below zero): a message code and its parameters."""

    code: str
    params: dict = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        return messages.text(self.code, lang, **self.params)


# -- erasure ---------------------------------------------------------------------------

# The registers' tables whose rows may be linked to a person, and the column
# holding the free-text name that goes with the link.
PERSON_LINKED = {"petition": "from_name", "fund_entry": "party"}


def replace_names(value: Any, names: tuple[str, ...]) -> Any:
    """``value`` with each of ``names`` replaced by ``ERASED_NAME``, at any depth of dicts and lists."""
    if isinstance(value, str):
        for name in names:
            value = value.replace(name, ERASED_NAME)
        return value
    if isinstance(value, dict):
        return {k: replace_names(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_names(v, names) for v in value]
    return value


def erase_from_registers(store: Store, person_id: int, names: tuple[str, ...]) -> int:
    """Inside the erasure's transaction, while the person's row is still there:
    every register row linked to the person loses the link, and the person's
    ``names`` (the full names they ever had) are replaced by ``ERASED_NAME`` in
    the row and in every change-log entry of it. Returns the rows changed.

    Rows not linked to the person keep their texts: the same name typed as free
    text may well be someone else (names repeat in a commune)."""
    # longest first ("Nguyễn Văn An" before "Văn An"); a name too short to be a name is left alone
    names = tuple(sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True))
    q = store.conn.execute
    changed = 0
    for table, name_column in PERSON_LINKED.items():
        ids = {r[0] for r in q(f"SELECT id FROM {table} WHERE person_id = ?", (person_id,))}
        ids |= {r[0] for r in q(
            "SELECT row_id FROM change_log WHERE table_name = ? AND row_id IS NOT NULL AND ("
            " json_extract(after, '$.person_id') = ? OR json_extract(before, '$.person_id') = ?)",
            (table, person_id, person_id))}
        for row_id in sorted(ids):
            row = logged.fetch(store, table, row_id)
            if row is not None:
                texts = {k: v for k, v in row.items() if isinstance(v, str) and k not in ("created_at", "updated_at")}
                new = replace_names(texts, names)
                if row["person_id"] == person_id:
                    new[name_column] = ERASED_NAME
                sets = {k: v for k, v in new.items() if v != row.get(k)}
                sets["person_id"] = None if row["person_id"] == person_id else row["person_id"]
                assignments = ", ".join(f"{k} = ?" for k in sets)
                q(f"UPDATE {table} SET {assignments} WHERE id = ?", (*sets.values(), row_id))
                refresh_search_text(store, table, row_id)
                changed += 1
            for entry_id, before, after in q(
                "SELECT id, before, after FROM change_log WHERE table_name = ? AND row_id = ?", (table, row_id)
            ).fetchall():
                q("UPDATE change_log SET before = ?, after = ? WHERE id = ?",
                  (_scrub_entry(before, person_id, names, name_column),
                   _scrub_entry(after, person_id, names, name_column), entry_id))
    return changed


def _scrub_entry(text: str | None, person_id: int, names: tuple[str, ...], name_column: str) -> str | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, dict):
        linked = value.get("person_id") == person_id
        value = replace_names(value, names)
        if linked:
            value["person_id"] = None
            if name_column in value:
                value[name_column] = ERASED_NAME
        value.pop("search_text", None)
    else:
        value = replace_names(value, names)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
