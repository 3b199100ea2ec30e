"""The register of personal data incidents: a USB stick lost with a roster on
it, the office PC stolen, a list sent to the wrong person.

The notification clock runs from DISCOVERY (khoản 1 Điều 23 Luật
91/2025/QH15: "chậm nhất là 72 giờ kể từ khi phát hiện"), so an incident
records both when it happened (a day, often only roughly known) and when it
was discovered (a moment, to the minute). ``notify_by`` and ``overdue`` are
derived, never stored: an open incident not yet notified is overdue once the
clock's "now" is past ``notify_by``. Notifying records when and to whom;
closing records the day nothing more is to be done.

``app.domain.incident_letter`` writes the notification letter, prefilled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app import messages
from app.db import logged
from app.db.storage import Store
from app.domain.consent import EVENT
from app.domain.privacy_clocks import NOTIFY_TO, notify_by
from app.domain.privacy_words import cli_value, parse_privacy_word
from app.domain.registers import SHORT_LIMIT, TEXT_LIMIT, day_value, text_value
from app.errors import FrontDeskError, InvalidInput, InvalidValue
from app.text.dates import format_date, format_moment

KINDS = ("lost_device", "stolen_pc", "wrong_recipient", "other")
PEOPLE_LIMIT = 10_000_000

messages.register(
    {
        "privacy.bad_moment": (
            "{field_name} “{value}” không đọc được: hãy ghi dạng dd/mm/yyyy HH:MM (ví dụ 21/11/2026 08:30).",
            "{field_name} “{value}” cannot be read: write it as dd/mm/yyyy HH:MM (for example 21/11/2026 08:30).",
        ),
        "privacy.moment_future": (
            "{field_name} ({value}) sau lúc này ({now}).", "{field_name} ({value}) is later than now ({now}).",
        ),
        "privacy.discovered_before_occurred": (
            "Lúc phát hiện ({value}) trước ngày xảy ra sự cố ({occurred}).",
            "The discovery ({value}) is before the incident happened ({occurred}).",
        ),
        "privacy.bad_people": (
            "{field_name} “{value}” phải là một số nguyên không âm.",
            "{field_name} “{value}” must be a whole number, not negative.",
        ),
        "not_found.data_incident": ("Không tìm thấy sự cố số {id}.", "No incident #{id}."),
    }
)
messages.register_fields(
    {
        "occurred_at": ("Ngày xảy ra", "Happened on"),
        "discovered_at": ("Lúc phát hiện", "Discovered at"),
        "what": ("Nội dung sự cố", "What happened"),
        "people_affected": ("Số người bị ảnh hưởng", "People affected"),
        "notified_at": ("Lúc thông báo", "Notified at"),
        "notified_to": ("Thông báo cho", "Notified to"),
        "measures": ("Biện pháp đã thực hiện", "Measures taken"),
    }
)

_MOMENT = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:hH](\d{2}))?\s*$")


def parse_moment(store: Store, raw: Any, field: str, problems: list) -> str | None:
    """An ISO moment (to the second, with this clock's UTC offset) from a
    datetime, ISO text or "dd/mm/yyyy HH:MM" (a day alone: its start); never
    later than now."""
    now = store.clock.now()
    moment: datetime | None = None
    if isinstance(raw, datetime):
        moment = raw if raw.tzinfo else raw.replace(tzinfo=now.tzinfo)
    elif isinstance(raw, str) and raw.strip():
        found = _MOMENT.match(raw)
        try:
            if found:
                d, m, y, hh, mm = found.groups()
                moment = datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0), tzinfo=now.tzinfo)
            else:
                moment = datetime.fromisoformat(raw.strip())
                moment = moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)
        except ValueError:
            moment = None
    if moment is None:
        problems.append(InvalidValue("privacy.bad_moment", field=field, value=raw))
        return None
    if moment > now:
        problems.append(InvalidValue("privacy.moment_future", field=field, value=format_moment(moment),
                                     now=format_moment(now)))
        return None
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class IncidentView:
    id: int
    occurred_at: str
    discovered_at: str
    kind: str
    what: str
    people_affected: int | None
    notified_at: str | None
    notified_to: str | None
    measures: str | None
    closed_on: str | None
    note: str | None
    notify_by: str
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "occurred_on": self.occurred_at, "discovered_at": self.discovered_at,
                "kind": cli_value(self.kind), "what": self.what, "people_affected": self.people_affected,
                "notify_by": self.notify_by, "notified_at": self.notified_at, "notified_to": self.notified_to,
                "overdue": self.overdue, "measures": self.measures, "closed_on": self.closed_on, "note": self.note}


_COLUMNS = ("id, occurred_at, discovered_at, kind, what, people_affected, notified_at, notified_to, measures,"
            " closed_on, note")


def _view(row: tuple, now: datetime) -> IncidentView:
    deadline = notify_by(datetime.fromisoformat(row[2]))
    overdue = row[6] is None and row[9] is None and now > deadline  # not notified, not closed
    return IncidentView(*row, notify_by=deadline.isoformat(timespec="seconds"), overdue=overdue)


def get_incident(store: Store, incident_id: int) -> IncidentView:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM data_incident WHERE id = ?", (int(incident_id),)).fetchone()
    if row is None:
        raise FrontDeskError("not_found.data_incident", id=incident_id)
    return _view(row, store.clock.now())


def list_incidents(store: Store, *, now: datetime | None = None) -> list[IncidentView]:
    """Incidents, open ones first, the latest discovered first."""
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM data_incident"
                              " ORDER BY closed_on IS NOT NULL, discovered_at DESC, id DESC")
    moment = now or store.clock.now()
    return [_view(r, moment) for r in rows]


def _people(raw: Any, problems: list) -> int | None:
    if raw in (None, ""):
        return None
    try:
        value = int(str(raw).replace(".", "").strip())
    except ValueError:
        value = -1
    if not 0 <= value <= PEOPLE_LIMIT:
        problems.append(InvalidValue("privacy.bad_people", field="people_affected", value=raw))
        return None
    return value


def record_incident(store: Store, *, occurred_on: date | str, what: str, kind: str = "other",
                    discovered_at: datetime | str | None = None, people_affected: int | str | None = None,
                    measures: str | None = None, note: str | None = None) -> int:
    """Record an incident; discovered now unless told. Returns its id."""
    problems: list[InvalidValue] = []
    try:
        kind_code = parse_privacy_word("incident_kind", kind or "other", field="kind")
    except InvalidValue as exc:
        problems.append(exc)
        kind_code = None
    occurred = day_value(store, occurred_on, "occurred_at", problems, required=True)
    discovered = parse_moment(store, discovered_at if discovered_at not in (None, "") else store.clock.now(),
                              "discovered_at", problems)
    if occurred and discovered and discovered[:10] < occurred:
        problems.append(InvalidValue("privacy.discovered_before_occurred", field="discovered_at",
                                     value=format_moment(discovered), occurred=format_date(occurred)))
    values = {"occurred_at": occurred, "discovered_at": discovered, "kind": kind_code,
              "what": text_value(what, "what", problems, required=True, limit=TEXT_LIMIT),
              "people_affected": _people(people_affected, problems),
              "measures": text_value(measures, "measures", problems, limit=TEXT_LIMIT),
              "note": text_value(note, "note", problems, limit=TEXT_LIMIT)}
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        incident_id = logged.insert(store, "data_incident", values)
    store.events.emit(EVENT)
    return incident_id


def mark_notified(store: Store, incident_id: int, *, at: datetime | str | None = None,
                  to: str | None = None) -> None:
    """The incident was notified (default: now, to the specialised agency)."""
    current = logged.require(store, "data_incident", int(incident_id))
    problems: list[InvalidValue] = []
    moment = parse_moment(store, at if at not in (None, "") else store.clock.now(), "notified_at", problems)
    whom = text_value(to, "notified_to", problems, limit=SHORT_LIMIT) or NOTIFY_TO
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "data_incident", current["id"], {"notified_at": moment, "notified_to": whom})
    store.events.emit(EVENT)


def update_measures(store: Store, incident_id: int, measures: str) -> None:
    current = logged.require(store, "data_incident", int(incident_id))
    problems: list[InvalidValue] = []
    text = text_value(measures, "measures", problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "data_incident", current["id"], {"measures": text})
    store.events.emit(EVENT)


def close_incident(store: Store, incident_id: int, *, on: date | str | None = None) -> None:
    """Nothing more to do about the incident (default: today)."""
    current = logged.require(store, "data_incident", int(incident_id))
    problems: list[InvalidValue] = []
    day = day_value(store, on if on not in (None, "") else store.today(), "closed_on", problems)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "data_incident", current["id"], {"closed_on": day})
    store.events.emit(EVENT)
