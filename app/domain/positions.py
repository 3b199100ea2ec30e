"""Positions, appointments, vacancies and concurrent holders.

A position is a post an organization should fill, with a number of seats.
An appointment is a person holding it from ``start_on`` to ``end_on``
(inclusive; open-ended while ``end_on`` is empty). Vacancies and concurrent
holders (kiêm nhiệm) are derived from the appointments on a given day, never
stored.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app import messages
from app.db import logged
from app.text.dates import format_date, parse_date
from app.errors import Conflict, InvalidValue
from app.db.storage import Store
from app.text.vietnamese import clean_text

messages.register(
    {
        "position.full": (
            "Chức danh \"{title}\" đã đủ {seats} người; hãy kết thúc một nhiệm kỳ trước hoặc tăng số suất.",
            "\"{title}\" already has all {seats} seat(s) filled; end an appointment first or add a seat.",
        ),
        "position.already_held": (
            "{name} đang giữ chức danh \"{title}\" rồi.",
            "{name} already holds \"{title}\".",
        ),
        "position.duplicate": (
            "Tổ chức này đã có chức danh \"{title}\".",
            "This organization already has the position \"{title}\".",
        ),
        "position.seats_range": (
            "Số suất phải từ 1 đến 99.",
            "Seats must be between 1 and 99.",
        ),
        "position.seats_below_holders": (
            "Không thể giảm xuống {seats} suất: đang có {holders} người giữ chức danh này.",
            "Cannot reduce to {seats} seat(s): {holders} people hold this position now.",
        ),
        "appointment.person_inactive": (
            "Không thể bổ nhiệm {name}: người này không còn sinh hoạt (đã chuyển đi hoặc đã mất).",
            "Cannot appoint {name}: this person has moved away or died.",
        ),
        "appointment.already_ended": (
            "Nhiệm kỳ này đã kết thúc ngày {end_on}.",
            "This appointment already ended on {end_on}.",
        ),
        "appointment.end_before_start": (
            "Ngày kết thúc ({end_on}) không được trước ngày bắt đầu ({start_on}).",
            "The end date ({end_on}) must not be before the start ({start_on}).",
        ),
        "not_found.position": ("Không tìm thấy chức danh số {id}.", "No position #{id}."),
        "not_found.appointment": ("Không tìm thấy quyết định phân công số {id}.", "No appointment #{id}."),
    }
)
messages.register_fields(
    {
        "title": ("Tên", "Title"),  # shared by positions, tasks and duties: keep it generic
        "seats": ("Số suất", "Seats"),
        "start_on": ("Ngày bắt đầu", "Start date"),
        "end_on": ("Ngày kết thúc", "End date"),
    }
)

CURRENT = "a.start_on <= :day AND (a.end_on IS NULL OR a.end_on >= :day)"


@dataclass
class Holder:
    appointment_id: int
    person_id: int
    full_name: str
    start_on: str
    end_on: str | None
    acting: bool
    positions_held: int  # current appointments of this person, all organizations


@dataclass
class PositionView:
    id: int
    organization_id: int
    title: str
    seats: int
    rank: int
    holders: list[Holder] = field(default_factory=list)

    @property
    def filled(self) -> int:
        return len(self.holders)

    @property
    def vacant(self) -> int:
        return max(self.seats - self.filled, 0)


def _day(store: Store, value: date | str | None, field_name: str) -> str:
    if value is None or value == "":
        return store.today().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    parsed = parse_date(value, field=field_name, today=store.today(), allow_year_only=False)
    return parsed.iso()


def add_position(store: Store, org_id: int, title: str, *, seats: int = 1, rank: int = 100) -> int:
    title = clean_text(title)
    if not title:
        raise InvalidValue("required", field="title", value=title)
    if not 1 <= int(seats) <= 99:
        raise InvalidValue("position.seats_range", field="seats", value=seats)
    logged.require(store, "organization", org_id)
    exists = store.conn.execute(
        "SELECT 1 FROM position WHERE organization_id = ? AND title = ?", (org_id, title)
    ).fetchone()
    if exists:
        raise Conflict("position.duplicate", title=title)
    with store.transaction():
        position_id = logged.insert(
            store,
            "position",
            {"organization_id": org_id, "title": title, "seats": int(seats), "rank": rank},
        )
    store.events.emit("positions_changed")
    return position_id


def set_seats(store: Store, position_id: int, seats: int) -> None:
    position = logged.require(store, "position", position_id)
    if not 1 <= int(seats) <= 99:
        raise InvalidValue("position.seats_range", field="seats", value=seats)
    holders = _holders_from(store, position_id, store.today().isoformat())
    if holders > int(seats):
        raise Conflict("position.seats_below_holders", seats=seats, holders=holders)
    with store.transaction():
        logged.update(store, "position", position["id"], {"seats": int(seats)})
    store.events.emit("positions_changed")


def _holders_from(store: Store, position_id: int, day: str, except_id: int | None = None) -> int:
    """Appointments of the position still running on or after ``day``."""
    return store.conn.execute(
        "SELECT count(*) FROM appointment WHERE position_id = ? AND (end_on IS NULL OR end_on >= ?)"
        " AND id IS NOT ?",
        (position_id, day, except_id),
    ).fetchone()[0]


def appoint(
    store: Store,
    position_id: int,
    person_id: int,
    *,
    start_on: date | str | None = None,
    acting: bool = False,
    note: str | None = None,
) -> int:
    """Give a person a seat of a position. Refused when the seats are full or
    the person already holds it; holding other positions is allowed (kiêm nhiệm)."""
    position = logged.require(store, "position", position_id)
    person = logged.require(store, "person", person_id)
    start = _day(store, start_on, "start_on")
    if person["status"] != "active":
        raise Conflict("appointment.person_inactive", name=person["full_name"])
    with store.transaction():
        same = store.conn.execute(
            "SELECT 1 FROM appointment WHERE position_id = ? AND person_id = ?"
            " AND (end_on IS NULL OR end_on >= ?)",
            (position_id, person_id, start),
        ).fetchone()
        if same:
            raise Conflict("position.already_held", name=person["full_name"], title=position["title"])
        if _holders_from(store, position_id, start) >= position["seats"]:
            raise Conflict("position.full", title=position["title"], seats=position["seats"])
        appointment_id = logged.insert(
            store,
            "appointment",
            {
                "position_id": position_id,
                "person_id": person_id,
                "start_on": start,
                "acting": 1 if acting else 0,
                "note": clean_text(note) or None,
            },
        )
    store.events.emit("positions_changed")
    return appointment_id


def end_appointment(store: Store, appointment_id: int, *, end_on: date | str | None = None) -> None:
    """Close an appointment; ``end_on`` is the last day in office (default today)."""
    appointment = logged.require(store, "appointment", appointment_id)
    end = _day(store, end_on, "end_on")
    if appointment["end_on"] is not None and appointment["end_on"] < store.today().isoformat():
        raise Conflict("appointment.already_ended", end_on=format_date(appointment["end_on"]))
    if end < appointment["start_on"]:
        raise InvalidValue(
            "appointment.end_before_start",
            field="end_on",
            value=end,
            end_on=format_date(end),
            start_on=format_date(appointment["start_on"]),
        )
    with store.transaction():
        logged.update(store, "appointment", appointment_id, {"end_on": end})
    store.events.emit("positions_changed")


def positions_of(store: Store, org_id: int, *, as_of: date | None = None) -> list[PositionView]:
    """The positions of one organization, with who holds them on ``as_of``."""
    day = (as_of or store.today()).isoformat()
    views: dict[int, PositionView] = {}
    for pid, title, seats, rank in store.conn.execute(
        "SELECT id, title, seats, rank FROM position WHERE organization_id = ? AND active = 1"
        " ORDER BY rank, title",
        (org_id,),
    ):
        views[pid] = PositionView(pid, org_id, title, seats, rank)
    if not views:
        return []
    ids = ",".join(str(int(i)) for i in views)  # ids from the database: integers
    rows = store.conn.execute(
        f"""
        SELECT a.id, a.position_id, a.person_id, p.full_name, a.start_on, a.end_on, a.acting,
               (SELECT count(*) FROM appointment a WHERE a.person_id = p.id AND {CURRENT})
          FROM appointment a JOIN person p ON p.id = a.person_id
         WHERE a.position_id IN ({ids}) AND {CURRENT}
         ORDER BY a.start_on, p.sort_key
        """,
        {"day": day},
    )
    for aid, pid, person_id, name, start, end, acting, held in rows:
        views[pid].holders.append(Holder(aid, person_id, name, start, end, bool(acting), held))
    return list(views.values())


def get_position(store: Store, position_id: int, *, as_of: date | None = None) -> PositionView:
    """One position with its holders on ``as_of`` (a form filling a seat picked
    from the list of vacancies has only the position's id)."""
    position = logged.require(store, "position", position_id)
    for view in positions_of(store, position["organization_id"], as_of=as_of):
        if view.id == position_id:
            return view
    # an inactive position: positions_of leaves it out, but it still has a title
    return PositionView(position_id, position["organization_id"], position["title"], position["seats"],
                        position["rank"])


@dataclass
class Vacancy:
    position_id: int
    organization_id: int
    organization: str
    title: str
    seats: int
    filled: int

    @property
    def vacant(self) -> int:
        return self.seats - self.filled


def vacancies(store: Store, *, as_of: date | None = None) -> list[Vacancy]:
    """Every active position with at least one empty seat on ``as_of``."""
    day = (as_of or store.today()).isoformat()
    rows = store.conn.execute(
        f"""
        SELECT ps.id, o.id, o.name, ps.title, ps.seats,
               (SELECT count(*) FROM appointment a WHERE a.position_id = ps.id AND {CURRENT})
          FROM position ps JOIN organization o ON o.id = ps.organization_id
         WHERE ps.active = 1 AND o.active = 1
         ORDER BY o.kind != 'front_committee', o.kind != 'member_org', o.sort_key, ps.rank
        """,
        {"day": day},
    )
    return [Vacancy(*r) for r in rows if r[5] < r[4]]


@dataclass
class Post:
    position_id: int
    title: str
    organization_id: int
    organization: str


@dataclass
class ConcurrentHolder:
    person_id: int
    full_name: str
    posts: list[str]  # "Phó Chủ tịch — Ủy ban MTTQ ..."
    held: list[Post] = field(default_factory=list)  # the same posts, for a screen that links to them


def concurrent_holders(store: Store, *, as_of: date | None = None) -> list[ConcurrentHolder]:
    """People holding more than one position on ``as_of`` (kiêm nhiệm)."""
    day = (as_of or store.today()).isoformat()
    rows = store.conn.execute(
        f"""
        SELECT p.id, p.full_name, ps.id, ps.title, o.id, o.name
          FROM appointment a
          JOIN person p ON p.id = a.person_id
          JOIN position ps ON ps.id = a.position_id
          JOIN organization o ON o.id = ps.organization_id
         WHERE {CURRENT} AND a.person_id IN (
               SELECT a.person_id FROM appointment a WHERE {CURRENT}
                GROUP BY a.person_id HAVING count(*) > 1)
         ORDER BY p.sort_key, p.id, ps.rank
        """,
        {"day": day},
    )
    holders: dict[int, ConcurrentHolder] = {}
    for person_id, name, position_id, title, org_id, org in rows:
        holder = holders.setdefault(person_id, ConcurrentHolder(person_id, name, []))
        holder.posts.append(f"{title} — {org}")
        holder.held.append(Post(position_id, title, org_id, org))
    return list(holders.values())


def appointments_of(store: Store, person_id: int, *, include_past: bool = True) -> list[dict]:
    """A person's appointments, current first, then the history."""
    day = store.today().isoformat()
    rows = store.conn.execute(
        f"""
        SELECT a.id, ps.title, o.name, o.id, a.start_on, a.end_on, a.acting, ({CURRENT}) AS current
          FROM appointment a
          JOIN position ps ON ps.id = a.position_id
          JOIN organization o ON o.id = ps.organization_id
         WHERE a.person_id = :person
         ORDER BY current DESC, a.start_on DESC
        """,
        {"day": day, "person": person_id},
    )
    keys = ("id", "title", "organization", "organization_id", "start_on", "end_on", "acting", "current")
    found = [dict(zip(keys, r)) for r in rows]
    return found if include_past else [a for a in found if a["current"]]
