"""Ethnicity and religion, the sensitive data the Front holds (Decree
356/2025/NĐ-CP Điều 4 lists them among sensitive personal data): shown,
listed or exported by person only for people with a recorded basis, and
every such view or export written to the change log in words — who, when,
what, why.

The basis rule (``has_basis``): on a day, a person has a basis when a consent
given on or before that day is not withdrawn by it, or a legal basis recorded
on or before it has not ended by it. Counts (how many members are of an
ethnic minority, have a religion) need no basis: they name nobody.

The log entries are of two kinds, ``sensitive_view`` (one person's
ethnicity and religion shown, for a purpose) and ``sensitive_export`` (a list
by person written to a file: how many people, how many filled in, how many
left empty for want of a basis, the file, the purpose). They record the
access, never the values.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app import messages
from app.db import logged
from app.db.storage import Store
from app.errors import FrontDeskError, InvalidValue
from app.text.vietnamese import clean_text

SENSITIVE_FIELDS = ("ethnicity", "religion")
VIEW_TABLE = "sensitive_view"
EXPORT_TABLE = "sensitive_export"
PURPOSE_LIMIT = 300

messages.register(
    {
        "privacy.purpose_required": (
            "Cần ghi mục đích khi xem hoặc xuất dân tộc, tôn giáo theo từng người (ví dụ: --purpose "
            "\"Báo cáo công tác dân tộc, tôn giáo quý IV\"); việc này được ghi vào nhật ký thay đổi.",
            "Give the purpose when viewing or exporting ethnicity and religion by person (for example "
            "--purpose \"quarterly report on ethnic and religious affairs\"); it goes into the change log.",
        ),
        "privacy.export_read_only": (
            "Cơ sở dữ liệu đang mở chỉ để đọc nên không ghi được nhật ký việc xuất dân tộc, tôn giáo: không xuất. "
            "Hãy xuất khi mở được cơ sở dữ liệu để ghi, hoặc xuất không kèm dân tộc, tôn giáo.",
            "The database is open read-only, so exporting ethnicity and religion could not be written to the "
            "change log: nothing exported. Export when the database can be written, or without them.",
        ),
        "privacy.no_basis": (
            "{name} (số {id}) chưa có sự đồng ý hay căn cứ pháp lý nào được ghi nhận: không hiện dân tộc, tôn giáo "
            "của người này. Ghi sự đồng ý bằng: frontdesk privacy consent {id} …",
            "{name} (#{id}) has no consent or legal basis on record: their ethnicity and religion are not shown. "
            "Record a consent with: frontdesk privacy consent {id} …",
        ),
    }
)
messages.register_fields({"access_purpose": ("Mục đích", "Purpose")})

_BASIS = """
    SELECT person_id FROM consent
     WHERE given_on <= :day AND (withdrawn_on IS NULL OR withdrawn_on > :day)
    UNION
    SELECT person_id FROM legal_basis
     WHERE recorded_on <= :day AND (ended_on IS NULL OR ended_on > :day)
"""


def has_basis(store: Store, person_id: int, on: date | None = None) -> bool:
    """Whether the person had a consent in force or a legal basis on ``on`` (default: today)."""
    day = (on or store.today()).isoformat()
    row = store.conn.execute(f"SELECT 1 FROM ({_BASIS}) WHERE person_id = :person LIMIT 1",
                             {"day": day, "person": int(person_id)}).fetchone()
    return row is not None


def people_with_basis(store: Store, on: date | None = None) -> set[int]:
    """The ids of everyone with a basis on ``on``: one query for a whole export."""
    day = (on or store.today()).isoformat()
    return {r[0] for r in store.conn.execute(_BASIS, {"day": day})}


def sensitive_view_allowed(store: Store, person_id: int) -> bool:
    """Whether the window may show this person's ethnicity and religion today."""
    return has_basis(store, person_id)


def check_purpose(purpose: Any) -> str:
    """The purpose given, cleaned; ``privacy.purpose_required`` when there is none."""
    text = clean_text(purpose) if purpose is not None else ""
    if not text:
        raise FrontDeskError("privacy.purpose_required")
    if len(text) > PURPOSE_LIMIT:
        raise InvalidValue("register.too_long", field="access_purpose", value=text[:40], limit=PURPOSE_LIMIT)
    return text


def log_sensitive_view(store: Store, person_id: int, purpose: str) -> None:
    """The window shows the person's ethnicity and religion: say so in the
    change log (who, when, whose, why). Refused for a person without a basis."""
    why = check_purpose(purpose)
    person = logged.require(store, "person", int(person_id))
    if not has_basis(store, person["id"]):
        raise FrontDeskError("privacy.no_basis", id=person["id"], name=person["full_name"])
    with store.transaction():
        store.log("insert", VIEW_TABLE, person["id"], None,
                  {"person_id": person["id"], "fields": "ethnicity_religion", "access_purpose": why})


def log_sensitive_export(store: Store, *, purpose: str, count: int, with_basis: int, file: str,
                         organization_id: int | None = None) -> None:
    """A list by person with ethnicity and religion was written to ``file``:
    one entry for the whole file (``count`` people listed, ``with_basis`` of
    them filled in, the rest left empty). Call inside the export's transaction
    or after the file is in place."""
    values = {"fields": "ethnicity_religion", "access_purpose": check_purpose(purpose), "count": count,
              "with_basis": with_basis, "without_basis": count - with_basis, "file": file}
    if organization_id is not None:
        values["organization_id"] = organization_id
    with store.transaction():
        store.log("insert", EXPORT_TABLE, None, None, values)
