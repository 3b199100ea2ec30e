"""The register of requests from data subjects (Law 91/2025/QH15 Điều 4:
to see, correct, erase their data, withdraw a consent, restrict or object
to processing), with the legal clocks of ``app.domain.privacy_clocks``.

A request is received (from the person, or someone on their behalf:
``requester``), acknowledged, and completed with an outcome. Its due dates
and whether it is overdue are derived from the kind and the received day,
never stored: an open request is overdue the day after its last day to
acknowledge (when not yet acknowledged) or to complete.

Completing a withdrawal withdraws the person's consents in the same
transaction. An erasure is completed by erasing the person, which reaches
the outbox too: that lives a layer up (``app.sending.erasure_request``), and
this module refuses to mark an erasure done while the person is still there.
When the person is erased the request stays (it is the proof that the
erasure was done), without the link and without their name
(``app.domain.privacy_erasure``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import messages
from app.db import logged
from app.db.storage import Store
from app.domain.consent import EVENT, withdraw_all
from app.domain.privacy_clocks import EXTENSION_MAX_DAYS, request_due
from app.domain.privacy_words import cli_value, parse_privacy_word
from app.domain.registers import SHORT_LIMIT, TEXT_LIMIT, day_value, person_value, text_value
from app.errors import FrontDeskError, InvalidInput, InvalidValue
from app.text.dates import format_date

KINDS = ("access", "correction", "erasure", "withdrawal", "restriction", "objection")

messages.register(
    {
        "privacy.request.erase_first": (
            "Yêu cầu số {id} là yêu cầu xóa dữ liệu: hoàn thành bằng việc xóa hẳn người này "
            "(frontdesk privacy requests done {id} … xóa người và ghi kết quả cùng lúc).",
            "Request #{id} asks for erasure: it is completed by erasing the person "
            "(frontdesk privacy requests done {id} … erases them and records the outcome together).",
        ),
        "privacy.request.done": (
            "Yêu cầu số {id} đã hoàn thành ngày {on}.", "Request #{id} was already completed on {on}.",
        ),
        "privacy.request.before_received": (
            "{field_name} ({value}) trước ngày nhận yêu cầu ({received_on}).",
            "{field_name} ({value}) is before the request was received ({received_on}).",
        ),
        "privacy.request.no_sender": (
            "Cần ghi người yêu cầu (--person hoặc --requester).", "Say who made the request (--person or --requester).",
        ),
        "not_found.data_request": ("Không tìm thấy yêu cầu số {id}.", "No request #{id}."),
        "privacy.request.extended_once": (
            "Yêu cầu số {id} đã được gia hạn {days} ngày (ngày {on}); chỉ được gia hạn một lần.",
            "Request #{id} was already given {days} more days (on {on}); it can be extended only once.",
        ),
        "privacy.request.extension_days": (
            "{field_name} phải là số ngày từ 1 đến {limit} (gia hạn không quá {limit} ngày), không phải “{value}”.",
            "{field_name} must be a number of days from 1 to {limit} (at most {limit} more days), not “{value}”.",
        ),
        "privacy.request.extension_reason": (
            "Cần ghi lý do gia hạn (lý do này phải được báo cho người yêu cầu).",
            "Say why more time is needed (the requester must be told the reason).",
        ),
        "privacy.request.extension_late": (
            "{field_name} ({value}) sau hạn hoàn thành {due}: việc gia hạn phải quyết định và báo trước khi hết hạn.",
            "{field_name} ({value}) is after the day it was due, {due}: an extension must be decided and told "
            "before the time runs out.",
        ),
    }
)
messages.register_fields(
    {
        "requester": ("Người yêu cầu", "Requester"),
        "acknowledged_on": ("Ngày phản hồi", "Acknowledged on"),
        "completed_on": ("Ngày hoàn thành", "Completed on"),
        "extended_on": ("Ngày gia hạn", "Extended on"),
        "extended_days": ("Số ngày gia hạn", "Days added"),
        "extension_reason": ("Lý do gia hạn", "Reason for more time"),
    }
)


@dataclass(frozen=True)
class RequestView:
    id: int
    person_id: int | None
    requester: str
    kind: str
    received_on: str
    acknowledged_on: str | None
    completed_on: str | None
    outcome: str | None
    note: str | None
    acknowledge_by: str | None
    complete_by: str  # with the extension, if any
    citation: str
    overdue: bool
    first_complete_by: str = ""  # before any extension
    extended_on: str | None = None
    extended_days: int | None = None
    extension_reason: str | None = None

    @property
    def open(self) -> bool:
        return self.completed_on is None

    def as_json(self) -> dict[str, Any]:
        extension = None
        if self.extended_days:
            extension = {"on": self.extended_on, "days": self.extended_days, "reason": self.extension_reason,
                         "first_complete_by": self.first_complete_by}
        return {"id": self.id, "person_id": self.person_id, "requester": self.requester,
                "kind": cli_value(self.kind), "received_on": self.received_on,
                "acknowledged_on": self.acknowledged_on, "completed_on": self.completed_on, "outcome": self.outcome,
                "acknowledge_by": self.acknowledge_by, "complete_by": self.complete_by, "citation": self.citation,
                "extension": extension, "open": self.open, "overdue": self.overdue, "note": self.note}


def _view(row: tuple, today: date) -> RequestView:
    (id_, person_id, requester, kind, received, acknowledged, completed, outcome, note,
     extended_on, extended_days, reason) = row
    received_day = date.fromisoformat(received)
    due = request_due(kind, received_day, extended_days)
    first = due.first_complete_by.isoformat()
    day = today.isoformat()
    ack_by = due.acknowledge_by.isoformat() if due.acknowledge_by else None
    complete_by = due.complete_by.isoformat()
    overdue = completed is None and (complete_by < day or (acknowledged is None and ack_by is not None
                                                           and ack_by < day))
    return RequestView(id_, person_id, requester, kind, received, acknowledged, completed, outcome, note,
                       ack_by, complete_by, due.citation, overdue, first, extended_on, extended_days, reason)


_COLUMNS = ("id, person_id, requester, kind, received_on, acknowledged_on, completed_on, outcome, note,"
            " extended_on, extended_days, extension_reason")


def get_request(store: Store, request_id: int) -> RequestView:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM data_request WHERE id = ?", (int(request_id),)).fetchone()
    if row is None:
        raise FrontDeskError("not_found.data_request", id=request_id)
    return _view(row, store.today())


def list_requests(store: Store, *, open: bool = False, overdue: bool = False,
                  today: date | None = None) -> list[RequestView]:
    """Requests, open ones first, the oldest first within each; ``open``: not
    completed; ``overdue``: past a legal clock on ``today``."""
    where = "WHERE completed_on IS NULL" if open or overdue else ""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM data_request {where}"
        " ORDER BY completed_on IS NOT NULL, received_on, id")
    views = [_view(r, today or store.today()) for r in rows]
    return [v for v in views if v.overdue] if overdue else views


def add_request(store: Store, *, kind: str, received_on: date | str, person_id: int | None = None,
                requester: str | None = None, note: str | None = None) -> int:
    """Record a request as it was received; returns its id. ``requester``
    defaults to the person's name."""
    problems: list[InvalidValue] = []
    try:
        kind_code = parse_privacy_word("request_kind", kind, field="kind")
    except InvalidValue as exc:
        problems.append(exc)
        kind_code = None
    received = day_value(store, received_on, "received_on", problems, required=True)
    person = person_value(store, person_id, problems)
    who = text_value(requester, "requester", problems, limit=SHORT_LIMIT) or (person["full_name"] if person else None)
    if not who and "person_id" not in {p.field for p in problems}:
        problems.append(InvalidValue("privacy.request.no_sender", field="requester", value=requester))
    note_text = text_value(note, "note", problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        request_id = logged.insert(store, "data_request", {
            "person_id": person["id"] if person else None, "requester": who, "kind": kind_code,
            "received_on": received, "note": note_text})
    store.events.emit(EVENT, **({"ids": [person["id"]]} if person else {}))
    return request_id


def _day_after_received(store: Store, current: dict, raw: Any, field: str) -> str:
    problems: list[InvalidValue] = []
    day = day_value(store, raw if raw not in (None, "") else store.today(), field, problems, required=True)
    if day and day < current["received_on"]:
        problems.append(InvalidValue("privacy.request.before_received", field=field, value=format_date(day),
                                     received_on=format_date(current["received_on"])))
    if problems:
        raise InvalidInput(problems)
    return day


def acknowledge_request(store: Store, request_id: int, *, on: date | str | None = None) -> None:
    """The requester was told their request is being handled (default: today)."""
    current = logged.require(store, "data_request", int(request_id))
    day = _day_after_received(store, current, on, "acknowledged_on")
    with store.transaction():
        logged.update(store, "data_request", current["id"], {"acknowledged_on": day})
    store.events.emit(EVENT)


def complete_request(store: Store, request_id: int, *, on: date | str | None = None,
                     outcome: str | None = None) -> None:
    """The request is done (default: today), with what was done. A withdrawal
    withdraws the person's consents in force, in the same transaction. An
    erasure is refused while the person is still there: complete it with
    ``app.sending.erasure_request.complete_erasure_request``."""
    current = logged.require(store, "data_request", int(request_id))
    if current["completed_on"]:
        raise FrontDeskError("privacy.request.done", id=current["id"], on=format_date(current["completed_on"]))
    if current["kind"] == "erasure" and current["person_id"] is not None:
        raise FrontDeskError("privacy.request.erase_first", id=current["id"])
    day = _day_after_received(store, current, on, "completed_on")
    problems: list[InvalidValue] = []
    outcome_text = text_value(outcome, "outcome", problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        if current["kind"] == "withdrawal" and current["person_id"] is not None:
            withdraw_all(store, current["person_id"], day)
        changes = {"completed_on": day, "outcome": outcome_text}
        if current["acknowledged_on"] is None:
            changes["acknowledged_on"] = day  # doing it answers it
        logged.update(store, "data_request", current["id"], changes)
    store.events.emit(EVENT)


def extend_request(store: Store, request_id: int, *, days: Any, reason: str | None,
                   on: date | str | None = None) -> None:
    """More time to complete a request, once: at most ``EXTENSION_MAX_DAYS``
    days, for a reason the requester must be told, decided on ``on`` (default
    today), which is no later than the first due day."""
    current = logged.require(store, "data_request", int(request_id))
    if current["completed_on"]:
        raise FrontDeskError("privacy.request.done", id=current["id"], on=format_date(current["completed_on"]))
    if current["extended_days"]:
        raise FrontDeskError("privacy.request.extended_once", id=current["id"], days=current["extended_days"],
                             on=format_date(current["extended_on"]))
    problems: list[InvalidValue] = []
    added = _whole_days(days)
    if added is None or not 1 <= added <= EXTENSION_MAX_DAYS:
        problems.append(InvalidValue("privacy.request.extension_days", field="extended_days", value=days,
                                     limit=EXTENSION_MAX_DAYS))
    why = text_value(reason, "extension_reason", problems, limit=TEXT_LIMIT)
    if not why and "extension_reason" not in {p.field for p in problems}:
        problems.append(InvalidValue("privacy.request.extension_reason", field="extension_reason", value=reason))
    day = day_value(store, on if on not in (None, "") else store.today(), "extended_on", problems, required=True)
    if day:
        first_due = request_due(current["kind"], date.fromisoformat(current["received_on"])).first_complete_by.isoformat()
        if day < current["received_on"]:
            problems.append(InvalidValue("privacy.request.before_received", field="extended_on",
                                         value=format_date(day), received_on=format_date(current["received_on"])))
        elif day > first_due:
            problems.append(InvalidValue("privacy.request.extension_late", field="extended_on",
                                         value=format_date(day), due=format_date(first_due)))
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "data_request", current["id"],
                      {"extended_on": day, "extended_days": added, "extension_reason": why})
    store.events.emit(EVENT)


def _whole_days(value: Any) -> int | None:
    """A whole number of days from an int or its text ("15"); None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value or "").strip()
    if text.isascii() and text.isdigit() and len(text) <= 3:
        return int(text)
    return None
