"""Petitions (ý kiến, kiến nghị của cử tri và Nhân dân): received, forwarded to
the agency that settles them, answered, closed.

A petition comes from a person on the roster (``person_id``; their name is
copied into ``from_name``) or from someone named in free text. Its status is
received -> forwarded -> answered -> closed (a petition may be closed without
an answer: withdrawn, merged with another). Overdue is derived, never stored:
an open petition (received or forwarded, not answered, not closed) whose
answer due date has passed (the due day itself is still in time).

Rules: the received day and the answer, forwarding and closing days are not
after today; an answer, a forwarding or a closing dated before the petition
was received is refused; a closed petition takes no answer.

Figures of a period (``petition_figures``), with F and L the period's first
and last day and R the reference day (L, or today while the period is not
over):

- ``petitions_received``: petitions received from F to L.
- ``petitions_answered``: petitions answered from F to L, whenever received.
- ``petitions_answered_on_time``: of those, the ones answered on or before
  their due date, or that had no due date.
- ``petitions_overdue``: petitions received by R, due before R, and on R
  neither answered nor closed (answered or closed after R counts: on R they
  were overdue).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Mapping

from app import messages
from app.db import logged
from app.db.storage import Store
from app.errors import InvalidInput, InvalidValue
from app.text.dates import format_date
from app.text.periods import Period
from app.domain.registers import (
    SHORT_LIMIT, TEXT_LIMIT, area_value, cli_word, day_value, person_value, reference_day,
    refresh_search_text, rows_by_ids, text_clause, text_value, word_value,
)

CHANNELS = ("voter_meeting", "area_meeting", "in_person", "letter", "portal", "other")
STATUSES = ("received", "forwarded", "answered", "closed")
OPEN_STATUSES = ("received", "forwarded")
EVENT = "petitions_changed"

messages.register(
    {
        "petition.before_received": (
            "{field_name} ({value}) trước ngày tiếp nhận kiến nghị ({received_on}).",
            "{field_name} ({value}) is before the petition was received ({received_on}).",
        ),
        "petition.closed": (
            "Kiến nghị số {id} đã kết thúc ngày {closed_on}: không thể ghi trả lời.",
            "Petition #{id} was closed on {closed_on}: it takes no answer.",
        ),
        "petition.no_sender": (
            "Cần ghi người gửi kiến nghị (một người trong danh sách hoặc họ tên, tên tập thể).",
            "Say who the petition is from (a person on the roster, or a name).",
        ),
        "petition.closed_before_answer": (
            "{field_name} ({value}) trước ngày trả lời ({answered_on}).",
            "{field_name} ({value}) is before the answer ({answered_on}).",
        ),
        "not_found.petition": ("Không tìm thấy kiến nghị số {id}.", "No petition #{id}."),
    }
)
messages.register_fields(
    {
        "received_on": ("Ngày tiếp nhận", "Received on"),
        "from_name": ("Người gửi", "From"),
        "content": ("Nội dung kiến nghị", "Content"),
        "field": ("Lĩnh vực", "Field"),
        "forwarded_to": ("Chuyển đến cơ quan", "Forwarded to"),
        "forwarded_on": ("Ngày chuyển", "Forwarded on"),
        "answered_on": ("Ngày trả lời", "Answered on"),
        "answer": ("Nội dung trả lời", "Answer"),
        "closed_on": ("Ngày kết thúc", "Closed on"),
    }
)

_EDITABLE = ("received_on", "channel", "person_id", "from_name", "area_id", "content", "field",
             "forwarded_to", "forwarded_on", "due_on", "note")


def check_petition(store: Store, raw: Mapping[str, Any], *, current: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The values to store, or ``InvalidInput`` with every problem at once.
    With ``current`` (an edit), the answer and closing already recorded are
    checked against the new received day too. Reads only."""
    problems: list[InvalidValue] = []
    v: dict[str, Any] = {}
    v["received_on"] = day_value(store, raw.get("received_on"), "received_on", problems, required=True)
    v["channel"] = word_value("channel", raw.get("channel"), "channel", problems)
    person = person_value(store, raw.get("person_id"), problems)
    v["person_id"] = person["id"] if person else None
    name = text_value(raw.get("from_name"), "from_name", problems)
    if person is not None and not name:
        name = person["full_name"]
    if not name and "person_id" not in {p.field for p in problems}:
        problems.append(InvalidValue("petition.no_sender", field="from_name", value=raw.get("from_name")))
    v["from_name"] = name
    v["area_id"] = area_value(store, raw.get("area_id"), problems)
    if v["area_id"] is None and person is not None and raw.get("area_id") in (None, ""):
        v["area_id"] = person.get("area_id")  # where the person lives, unless told otherwise
    v["content"] = text_value(raw.get("content"), "content", problems, required=True, limit=TEXT_LIMIT)
    v["field"] = text_value(raw.get("field"), "field", problems)
    v["forwarded_to"] = text_value(raw.get("forwarded_to"), "forwarded_to", problems, limit=SHORT_LIMIT)
    v["forwarded_on"] = day_value(store, raw.get("forwarded_on"), "forwarded_on", problems)
    v["due_on"] = day_value(store, raw.get("due_on"), "due_on", problems, not_future=False)
    v["note"] = text_value(raw.get("note"), "note", problems, limit=TEXT_LIMIT)
    received = v["received_on"]
    later = [("forwarded_on", v["forwarded_on"])]
    if current is not None:
        later += [("answered_on", current.get("answered_on")), ("closed_on", current.get("closed_on"))]
    for name_, day in later:
        if received and day and day < received:
            problems.append(_before_received(name_, day, received))
    if v["forwarded_on"] and not v["forwarded_to"]:
        problems.append(InvalidValue("required", field="forwarded_to", value=None))
    if problems:
        raise InvalidInput(problems)
    return v


def _before_received(field_name: str, day: str, received: str) -> InvalidValue:
    return InvalidValue("petition.before_received", field=field_name, value=format_date(day),
                        received_on=format_date(received))


def _status(values: Mapping[str, Any]) -> str:
    if values.get("closed_on"):
        return "closed"
    if values.get("answered_on"):
        return "answered"
    return "forwarded" if values.get("forwarded_to") else "received"


def add_petition(store: Store, raw: Mapping[str, Any]) -> int:
    values = check_petition(store, raw)
    values["status"] = _status(values)
    with store.transaction():
        petition_id = logged.insert(store, "petition", values)
        refresh_search_text(store, "petition", petition_id)
    store.events.emit(EVENT, ids=[petition_id])
    return petition_id


def update_petition(store: Store, petition_id: int, raw: Mapping[str, Any]) -> None:
    """Edit what was recorded on receipt (the answer has ``answer_petition``)."""
    current = logged.require(store, "petition", petition_id)
    merged = {k: current[k] for k in _EDITABLE}
    merged.update({k: v for k, v in raw.items() if k in _EDITABLE})
    if "person_id" in raw and "from_name" not in raw and raw.get("person_id") != current["person_id"]:
        merged["from_name"] = None  # a new person: their name
    values = check_petition(store, merged, current=current)
    values["status"] = _status({**current, **values})
    with store.transaction():
        logged.update(store, "petition", petition_id, values)
        refresh_search_text(store, "petition", petition_id)
    store.events.emit(EVENT, ids=[petition_id])


def forward_petition(store: Store, petition_id: int, *, to: str, on: date | str | None = None) -> None:
    """Forwarded to the agency that settles it (default: today)."""
    update_petition(store, petition_id, {"forwarded_to": to,
                                         "forwarded_on": on if on not in (None, "") else store.today()})


def answer_petition(store: Store, petition_id: int, *, on: date | str, text: str) -> None:
    """Record the answer (again, to correct it): its day and its text."""
    current = logged.require(store, "petition", petition_id)
    problems: list[InvalidValue] = []
    answered_on = day_value(store, on, "answered_on", problems, required=True)
    answer = text_value(text, "answer", problems, required=True, limit=TEXT_LIMIT)
    if answered_on and answered_on < current["received_on"]:
        problems.append(_before_received("answered_on", answered_on, current["received_on"]))
    if current["closed_on"]:
        problems.append(InvalidValue("petition.closed", field="answered_on", value=on, id=petition_id,
                                     closed_on=format_date(current["closed_on"])))
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "petition", petition_id,
                      {"answered_on": answered_on, "answer": answer, "status": "answered"})
        refresh_search_text(store, "petition", petition_id)
    store.events.emit(EVENT, ids=[petition_id])


def close_petition(store: Store, petition_id: int, *, on: date | str | None = None) -> None:
    """Nothing more to follow (default: today)."""
    current = logged.require(store, "petition", petition_id)
    problems: list[InvalidValue] = []
    closed_on = day_value(store, on if on not in (None, "") else store.today(), "closed_on", problems)
    if closed_on and closed_on < current["received_on"]:
        problems.append(_before_received("closed_on", closed_on, current["received_on"]))
    if current["answered_on"] and closed_on and closed_on < current["answered_on"]:
        problems.append(InvalidValue("petition.closed_before_answer", field="closed_on",
                                     value=format_date(closed_on), answered_on=format_date(current["answered_on"])))
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "petition", petition_id, {"closed_on": closed_on, "status": "closed"})
    store.events.emit(EVENT, ids=[petition_id])


def link_task(store: Store, petition_id: int, task_id: int | None) -> None:
    """The task that follows the petition up (None: no longer)."""
    logged.require(store, "petition", petition_id)
    if task_id is not None:
        logged.require(store, "task", task_id)
    with store.transaction():
        logged.update(store, "petition", petition_id, {"task_id": task_id})
    store.events.emit(EVENT, ids=[petition_id])


def delete_petition(store: Store, petition_id: int) -> None:
    """A petition entered by mistake (the change log keeps what it was)."""
    with store.transaction():
        logged.delete(store, "petition", petition_id)
    store.events.emit(EVENT, ids=[petition_id])


# -- reading ---------------------------------------------------------------------------


@dataclass
class PetitionView:
    id: int
    received_on: str
    channel: str
    person_id: int | None
    from_name: str
    area_id: int | None
    area: str | None
    content: str
    field: str | None
    forwarded_to: str | None
    forwarded_on: str | None
    due_on: str | None
    answered_on: str | None
    answer: str | None
    closed_on: str | None
    status: str
    task_id: int | None
    note: str | None
    overdue: bool = False

    def as_json(self) -> dict:
        """For ``--json``: ISO dates, word values as the command line writes them."""
        data = asdict(self)
        data["channel"] = cli_word(self.channel)
        return {("from" if key == "from_name" else key): value for key, value in data.items()}


def is_overdue(status: str, due_on: str | None, today: date) -> bool:
    return status in OPEN_STATUSES and due_on is not None and due_on < today.isoformat()


_COLUMNS = ("p.id, p.received_on, p.channel, p.person_id, p.from_name, p.area_id, o.name, p.content, p.field,"
            " p.forwarded_to, p.forwarded_on, p.due_on, p.answered_on, p.answer, p.closed_on, p.status,"
            " p.task_id, p.note")
_FROM = " FROM petition p LEFT JOIN organization o ON o.id = p.area_id"


def _view(row: tuple, today: date) -> PetitionView:
    view = PetitionView(*row)
    view.overdue = is_overdue(view.status, view.due_on, today)
    return view


def get_petition(store: Store, petition_id: int) -> PetitionView:
    row = store.conn.execute(f"SELECT {_COLUMNS}{_FROM} WHERE p.id = ?", (petition_id,)).fetchone()
    if row is None:
        logged.require(store, "petition", petition_id)
    return _view(row, store.today())


@dataclass
class PetitionFilter:
    """What a list shows; every part is optional and they combine."""

    open: bool = False  # received or forwarded: not answered, not closed
    overdue: bool = False  # open and past the due date
    statuses: tuple[str, ...] | None = None
    area_id: int | None = None
    channel: str | None = None
    period: Period | None = None  # received in the period
    text: str | None = None  # words of the sender, content, field, agency or answer, accents or not


def _where(store: Store, flt: PetitionFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if flt.open or flt.overdue:
        clauses.append("p.status IN ('received', 'forwarded')")
    if flt.overdue:
        clauses.append("p.due_on < ?")
        args.append(store.today().isoformat())
    if flt.statuses:
        clauses.append(f"p.status IN ({', '.join('?' for _ in flt.statuses)})")
        args += list(flt.statuses)
    if flt.area_id is not None:
        clauses.append("p.area_id = ?")
        args.append(flt.area_id)
    if flt.channel is not None:
        clauses.append("p.channel = ?")
        args.append(flt.channel)
    if flt.period is not None:
        clauses.append("p.received_on BETWEEN ? AND ?")
        args += [flt.period.first.isoformat(), flt.period.last.isoformat()]
    sql, words = text_clause("p.search_text", flt.text)
    if sql:
        clauses.append(sql)
        args += words
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


# open first (soonest due first), then the newest received
ORDER = ("ORDER BY p.status NOT IN ('received', 'forwarded'), p.due_on IS NULL, p.due_on,"
         " p.received_on DESC, p.id DESC")


def petition_ids(store: Store, flt: PetitionFilter | None = None, *, limit: int | None = None) -> list[int]:
    """Ids in list order: for a lazy model (``limit``: the first screen only)."""
    where, args = _where(store, flt or PetitionFilter())
    tail = " LIMIT ?" if limit is not None else ""
    args += [limit] if limit is not None else []
    return [r[0] for r in store.conn.execute(f"SELECT p.id FROM petition p{where} {ORDER}{tail}", args)]


def petitions_by_ids(store: Store, ids: list[int]) -> dict[int, PetitionView]:
    """The petitions of ``ids`` that still exist, by id: a lazy model's block in one query."""
    today = store.today()
    return rows_by_ids(store, f"SELECT {_COLUMNS}{_FROM}", "p.id", ids, lambda row: _view(row, today))


def list_petitions(store: Store, flt: PetitionFilter | None = None, *, limit: int = 200,
                   offset: int = 0) -> list[PetitionView]:
    where, args = _where(store, flt or PetitionFilter())
    rows = store.conn.execute(f"SELECT {_COLUMNS}{_FROM}{where} {ORDER} LIMIT ? OFFSET ?", [*args, limit, offset])
    today = store.today()
    return [_view(r, today) for r in rows]


def count_petitions(store: Store, flt: PetitionFilter | None = None) -> int:
    where, args = _where(store, flt or PetitionFilter())
    return store.conn.execute(f"SELECT count(*) FROM petition p{where}", args).fetchone()[0]


# -- figures ---------------------------------------------------------------------------


def petition_figures(store: Store, period: Period) -> dict[str, int]:
    """The period's petition figures (the module says exactly what each counts)."""
    first, last = period.first.isoformat(), period.last.isoformat()
    ref = reference_day(period.last, store.today()).isoformat()
    q = store.conn.execute
    received = q("SELECT count(*) FROM petition WHERE received_on BETWEEN ? AND ?", (first, last)).fetchone()[0]
    answered, on_time = q(
        "SELECT count(*), coalesce(sum(due_on IS NULL OR answered_on <= due_on), 0) FROM petition"
        " WHERE answered_on BETWEEN ? AND ?", (first, last)).fetchone()
    overdue = q(
        "SELECT count(*) FROM petition WHERE received_on <= :r AND due_on < :r"
        " AND (answered_on IS NULL OR answered_on > :r) AND (closed_on IS NULL OR closed_on > :r)",
        {"r": ref}).fetchone()[0]
    return {"petitions_received": received, "petitions_answered": answered,
            "petitions_answered_on_time": on_time, "petitions_overdue": overdue}
