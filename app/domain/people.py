"""People of the commune and their memberships.

Every value a person types goes through the same checks (names cleaned, citizen
IDs and phones repaired where safe, dates read the Vietnamese way); the search
index and the roster sort key are kept in step in the same transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Mapping

from app import messages
from app.db import logged
from app.text.citizen_id import LEADING_ZEROS_RESTORED, parse_citizen_id
from app.text.dates import format_date, parse_date
from app.errors import Conflict, InvalidInput, InvalidValue
from app.text.phone import parse_gender, parse_phone
from app.db.storage import Store
from app.text.vietnamese import clean_name, clean_text, fold, name_sort_key

STATUSES = ("active", "moved", "deceased")
FIELDS = (
    "full_name", "gender", "birth_date", "ethnicity", "religion",
    "citizen_id", "phone", "area_id", "status", "note",
)
# Written in rosters to mean "no religion".
_NO_RELIGION = {"", "khong", "không", "none", "-", "k"}

messages.register(
    {
        "citizen_id.taken": (
            "Số CCCD {value} đã có ở người khác: {other}.",
            "Citizen ID {value} already belongs to {other}.",
        ),
        "person.bad_area": (
            "Khu dân cư không hợp lệ (số {value}).",
            "Not a residential area (#{value}).",
        ),
        "person.bad_status": (
            "Tình trạng không hợp lệ: {value}.",
            "Unknown status: {value}.",
        ),
        "person.name_too_long": (
            "Họ và tên dài quá {limit} ký tự.",
            "The full name is longer than {limit} characters.",
        ),
        "not_found.person": ("Không tìm thấy người số {id}.", "No person #{id}."),
        "not_found.membership": ("Không tìm thấy hồ sơ hội viên số {id}.", "No membership #{id}."),
        "membership.already_member": (
            "{name} đang là hội viên của {organization}.",
            "{name} is already a member of {organization}.",
        ),
        "membership.already_left": (
            "Người này đã rời tổ chức ngày {left_on}.",
            "This person already left on {left_on}.",
        ),
        "membership.left_before_joined": (
            "Ngày rời ({left_on}) phải sau ngày vào ({joined_on}).",
            "Leaving ({left_on}) must not be before joining ({joined_on}).",
        ),
    }
)
messages.register_fields(
    {
        "full_name": ("Họ và tên", "Full name"),
        "ethnicity": ("Dân tộc", "Ethnicity"),
        "religion": ("Tôn giáo", "Religion"),
        "area_id": ("Khu dân cư", "Residential area"),
        "status": ("Tình trạng", "Status"),
        "note": ("Ghi chú", "Note"),
        "joined_on": ("Ngày vào", "Joined on"),
        "left_on": ("Ngày rời", "Left on"),
    }
)

NAME_LIMIT = 120


@dataclass
class PersonDraft:
    """Checked values ready to store, and what was repaired on the way."""

    values: dict[str, Any]
    notes: list[tuple[str, str, dict]] = field(default_factory=list)  # (field, code, params)


def validate_person(
    store: Store, raw: Mapping[str, Any], *, person_id: int | None = None, check_unique: bool = True,
    today: date | None = None, typed: bool = False,
) -> PersonDraft:
    """Check every field at once; raise ``InvalidInput`` listing all problems.

    ``today`` (default: the store's) is for callers checking many rows at once,
    which ask the clock once. Runs once per row of an imported roster, so the
    fields are checked inline rather than through a helper per field.
    ``typed``: the values were typed by hand in a form, not read from a
    spreadsheet, so a citizen ID one or two digits short is a typing slip to
    correct, not leading zeros Excel dropped (which an import restores)."""
    problems: list[InvalidValue] = []
    notes: list[tuple[str, str, dict]] = []
    values: dict[str, Any] = {}
    get = raw.get

    full_name = clean_name(get("full_name") or "")
    if not full_name:
        problems.append(InvalidValue("required", field="full_name", value=get("full_name")))
    elif len(full_name) > NAME_LIMIT:
        problems.append(InvalidValue("person.name_too_long", field="full_name", value=full_name, limit=NAME_LIMIT))
    values["full_name"] = full_name
    try:
        values["gender"] = parse_gender(get("gender"), field="gender")
    except InvalidValue as exc:
        problems.append(exc)
        values["gender"] = None
    try:
        birth = parse_date(get("birth_date"), field="birth_date", today=today or store.today())
    except InvalidValue as exc:
        problems.append(exc)
        birth = None
    values["birth_date"] = birth.iso() if birth else None

    original = get("citizen_id")
    try:
        cid = parse_citizen_id(original, field="citizen_id")
    except InvalidValue as exc:
        problems.append(exc)
        cid = None
    if typed and cid and cid.repaired == LEADING_ZEROS_RESTORED:
        typed_digits = "".join(ch for ch in str(original) if ch.isdigit())
        problems.append(InvalidValue("citizen_id.wrong_length", field="citizen_id", value=str(original).strip(),
                                     length=len(typed_digits)))
        cid = None
    values["citizen_id"] = cid.value if cid else None
    if cid and cid.repaired:
        notes.append(("citizen_id", cid.repaired, {"original": original, "value": cid.value}))

    original = get("phone")
    try:
        phone = parse_phone(original, field="phone")
    except InvalidValue as exc:
        problems.append(exc)
        phone = None
    values["phone"] = phone[0] if phone else None
    if phone and phone[1]:
        notes.append(("phone", phone[1], {"original": original, "value": phone[0]}))

    values["ethnicity"] = clean_text(get("ethnicity")) or None
    religion = clean_text(get("religion"))
    values["religion"] = None if fold(religion) in _NO_RELIGION else religion
    note = get("note")
    values["note"] = None if note is None else (clean_text(note) or None)

    status = get("status") or "active"
    if status not in STATUSES:
        problems.append(InvalidValue("person.bad_status", field="status", value=status))
    values["status"] = status

    area_id = get("area_id")
    if area_id in ("", None):
        values["area_id"] = None
    else:
        row = store.conn.execute(
            "SELECT kind FROM organization WHERE id = ?", (_as_int(area_id),)
        ).fetchone()
        if row is None or row[0] != "residential_area":
            problems.append(InvalidValue("person.bad_area", field="area_id", value=area_id))
        values["area_id"] = _as_int(area_id)

    if check_unique and values["citizen_id"]:
        other = store.conn.execute(
            "SELECT full_name FROM person WHERE citizen_id = ? AND id IS NOT ?",
            (values["citizen_id"], person_id),
        ).fetchone()
        if other:
            problems.append(
                InvalidValue("citizen_id.taken", field="citizen_id", value=values["citizen_id"], other=other[0])
            )
    if problems:
        raise InvalidInput(problems)
    values["sort_key"] = name_sort_key(full_name)
    return PersonDraft(values, notes)


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _area_name(store: Store, area_id: int | None) -> str:
    if area_id is None:
        return ""
    row = store.conn.execute("SELECT name FROM organization WHERE id = ?", (area_id,)).fetchone()
    return row[0] if row else ""


def search_row(person_id: int, values: Mapping[str, Any], area_name: str) -> tuple:
    """The folded copy of a person that the search index holds."""
    return (
        person_id,
        fold(values["full_name"]),
        values.get("phone") or "",
        values.get("citizen_id") or "",
        fold(area_name),
    )


def _index(store: Store, person_id: int, values: Mapping[str, Any]) -> None:
    store.conn.execute("DELETE FROM person_search WHERE rowid = ?", (person_id,))
    store.conn.execute(
        "INSERT INTO person_search (rowid, name, phone, citizen_id, area) VALUES (?, ?, ?, ?, ?)",
        search_row(person_id, values, _area_name(store, values.get("area_id"))),
    )


def reindex_area(store: Store, area_id: int) -> None:
    """After an area is renamed, its people are found by the new name."""
    rows = store.conn.execute(
        "SELECT id, full_name, phone, citizen_id, area_id FROM person WHERE area_id = ?", (area_id,)
    ).fetchall()
    for pid, name, phone, cid, area in rows:
        _index(store, pid, {"full_name": name, "phone": phone, "citizen_id": cid, "area_id": area})


def add_person(store: Store, raw: Mapping[str, Any], *, typed: bool = False) -> tuple[int, PersonDraft]:
    """Add one person; returns the new id and the draft (with repair notes).
    ``typed``: from a form (see ``validate_person``)."""
    draft = validate_person(store, raw, typed=typed)
    with store.transaction():
        person_id = logged.insert(store, "person", draft.values)
        _index(store, person_id, draft.values)
    store.events.emit("people_changed", ids=[person_id])
    return person_id, draft


def update_person(store: Store, person_id: int, changes: Mapping[str, Any], *, typed: bool = False) -> PersonDraft:
    """Change some fields of a person; the others stay as they are."""
    current = logged.require(store, "person", person_id)
    merged = {k: current[k] for k in FIELDS}
    merged.update({k: v for k, v in changes.items() if k in FIELDS})
    draft = validate_person(store, merged, person_id=person_id, typed=typed)
    with store.transaction():
        logged.update(store, "person", person_id, draft.values)
        _index(store, person_id, draft.values)
    store.events.emit("people_changed", ids=[person_id])
    return draft


def get_person(store: Store, person_id: int) -> dict[str, Any]:
    person = logged.require(store, "person", person_id)
    person["area"] = _area_name(store, person["area_id"]) or None
    return person


def add_people_bulk(
    store: Store, people: Iterable[Mapping[str, Any]], *, log_rows: bool = True, note: str | None = None
) -> list[int]:
    """Insert many already-validated people (``validate_person`` values) in the
    caller's transaction. With ``log_rows`` each row gets its own change-log
    entry; otherwise one summary entry (demo data)."""
    now = store.now_iso()
    areas = dict(store.conn.execute("SELECT id, name FROM organization WHERE kind = 'residential_area'"))
    ids: list[int] = []
    person_sql = (
        "INSERT INTO person (full_name, sort_key, gender, birth_date, ethnicity, religion,"
        " citizen_id, phone, area_id, status, note, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    search_sql = "INSERT INTO person_search (rowid, name, phone, citizen_id, area) VALUES (?, ?, ?, ?, ?)"
    conn = store.conn
    search_rows = []
    for values in people:
        v = dict(values)
        v.setdefault("sort_key", name_sort_key(v["full_name"]))
        cur = conn.execute(
            person_sql,
            (
                v["full_name"], v["sort_key"], v.get("gender"), v.get("birth_date"),
                v.get("ethnicity"), v.get("religion"), v.get("citizen_id"), v.get("phone"),
                v.get("area_id"), v.get("status") or "active", v.get("note"), now, now,
            ),
        )
        person_id = cur.lastrowid
        ids.append(person_id)
        search_rows.append(search_row(person_id, v, areas.get(v.get("area_id"), "")))
        if log_rows:
            store.log("insert", "person", person_id, None, v)
    conn.executemany(search_sql, search_rows)
    if not log_rows:
        store.log("bulk", "person", None, None, {"count": len(ids)}, note=note)
    return ids


# -- memberships -------------------------------------------------------------


def join_organization(
    store: Store, person_id: int, org_id: int, *, joined_on: date | str | None = None, note: str | None = None
) -> int:
    person = logged.require(store, "person", person_id)
    org = logged.require(store, "organization", org_id)
    joined = _optional_day(store, joined_on, "joined_on")
    open_row = store.conn.execute(
        "SELECT 1 FROM membership WHERE person_id = ? AND organization_id = ? AND left_on IS NULL",
        (person_id, org_id),
    ).fetchone()
    if open_row:
        raise Conflict("membership.already_member", name=person["full_name"], organization=org["name"])
    with store.transaction():
        membership_id = logged.insert(
            store,
            "membership",
            {"person_id": person_id, "organization_id": org_id, "joined_on": joined, "note": clean_text(note) or None},
        )
    store.events.emit("people_changed", ids=[person_id])
    return membership_id


def join_in_area(store: Store, person_id: int, org_id: int, area_id: int | None, *,
                 joined_on: date | str | None = None) -> int:
    """Join a member organization where the person lives, as a roster import
    does: the organization itself, and its branch (chi hội, chi đoàn) in
    ``area_id`` when it has one there; all or nothing. A membership the person
    already holds is kept, not doubled. Returns the membership of the
    organization. (The report counts a person once per organization, so the
    two do not add up twice.)"""
    # (organizations imports this module: the branch is looked up here, not through it)
    branch = store.conn.execute(
        "SELECT id FROM organization WHERE kind = 'branch' AND parent_id = ? AND area_id = ? AND active = 1",
        (org_id, area_id)).fetchone() if area_id is not None else None
    with store.transaction():
        held = _open_membership(store, person_id, org_id)
        membership_id = held if held is not None else join_organization(store, person_id, org_id,
                                                                         joined_on=joined_on)
        if branch is not None and _open_membership(store, person_id, branch[0]) is None:
            join_organization(store, person_id, branch[0], joined_on=joined_on)
    return membership_id


def _open_membership(store: Store, person_id: int, org_id: int) -> int | None:
    row = store.conn.execute("SELECT id FROM membership WHERE person_id = ? AND organization_id = ? AND left_on IS NULL",
                             (person_id, org_id)).fetchone()
    return row[0] if row else None


def leave_organization(store: Store, membership_id: int, *, left_on: date | str | None = None) -> None:
    """End a membership; the row stays as history."""
    membership = logged.require(store, "membership", membership_id)
    if membership["left_on"]:
        raise Conflict("membership.already_left", left_on=format_date(membership["left_on"]))
    left = _optional_day(store, left_on, "left_on") or store.today().isoformat()
    if membership["joined_on"] and left < membership["joined_on"]:
        # dates in the message as people read them: dd/mm/yyyy
        raise InvalidValue(
            "membership.left_before_joined", field="left_on", value=left,
            left_on=format_date(left), joined_on=format_date(membership["joined_on"]),
        )
    with store.transaction():
        logged.update(store, "membership", membership_id, {"left_on": left})
    store.events.emit("people_changed", ids=[membership["person_id"]])


def memberships_of(store: Store, person_id: int) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        """
        SELECT m.id, o.id, o.name, o.kind, m.joined_on, m.left_on
          FROM membership m JOIN organization o ON o.id = m.organization_id
         WHERE m.person_id = ?
         ORDER BY m.left_on IS NOT NULL, m.joined_on DESC
        """,
        (person_id,),
    )
    keys = ("id", "organization_id", "organization", "kind", "joined_on", "left_on")
    return [dict(zip(keys, r)) for r in rows]


def _optional_day(store: Store, value: date | str | None, field_name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    return parse_date(value, field=field_name, today=store.today(), allow_year_only=False).iso()


def describe_notes(draft: PersonDraft, lang: str | None = None) -> list[str]:
    """Human lines for what was repaired ("leading zeros restored"...)."""
    return [
        f"{messages.field_name(f, lang)}: {messages.text(code, lang, **params)}"
        for f, code, params in draft.notes
    ]

