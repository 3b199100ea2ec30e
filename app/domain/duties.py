"""Recurring duties (nhiệm vụ thường xuyên) and the tasks they generate.

A duty says "this is due every month on the 20th" (or every week, quarter,
half-year, year). ``generate_tasks`` creates the task of each period once it
comes within ``lead_days`` of its due date; a unique index on
(duty, period) means running it twice never makes a second task.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Mapping

from app import messages
from app.db import logged
from app.text.dates import format_date, parse_date
from app.errors import InvalidInput, InvalidValue
from app.db.storage import Store
from app.domain.tasks import PRIORITIES, add_task
from app.text.vietnamese import clean_text, text_sort_key

CADENCES = ("weekly", "monthly", "quarterly", "half_yearly", "yearly")
_MONTHS_IN = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
# Never create more than this many tasks of one duty in one run: a start date
# typed years in the past must not flood the task list.
MAX_BACKFILL = 60

messages.register(
    {
        "duty.bad_cadence": ("Chu kỳ không hợp lệ: {value}.", "Unknown cadence: {value}."),
        "duty.bad_due_day": (
            "Ngày đến hạn phải từ 1 đến {limit}.", "The due day must be between 1 and {limit}."
        ),
        "duty.bad_due_month": (
            "Tháng đến hạn phải từ 1 đến {limit} (tháng thứ mấy trong kỳ).",
            "The due month must be between 1 and {limit} (month within the period).",
        ),
        "duty.bad_lead_days": (
            "Số ngày tạo việc trước hạn phải từ 0 đến 366.", "Lead days must be between 0 and 366."
        ),
        "duty.ends_before_start": (
            "Ngày kết thúc ({ends_on}) không được trước ngày bắt đầu áp dụng ({starts_on}).",
            "The end date ({ends_on}) cannot be before the start date ({starts_on}).",
        ),
        "not_found.duty": ("Không tìm thấy nhiệm vụ thường xuyên số {id}.", "No duty #{id}."),
    }
)
messages.register_fields(
    {
        "cadence": ("Chu kỳ", "Cadence"),
        "due_day": ("Ngày đến hạn", "Due day"),
        "due_month": ("Tháng đến hạn trong kỳ", "Due month in period"),
        "lead_days": ("Tạo việc trước hạn (ngày)", "Create ahead (days)"),
        "owner_id": ("Người phụ trách", "Owner"),
        "starts_on": ("Áp dụng từ ngày", "Starts on"),
        "ends_on": ("Đến ngày", "Ends on"),
    }
)


def period_key(cadence: str, day: date) -> str:
    """The period a day falls in: 2026-W47, 2026-11, 2026-Q4, 2026-H2, 2026."""
    if cadence == "weekly":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if cadence == "monthly":
        return f"{day.year}-{day.month:02d}"
    if cadence == "quarterly":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if cadence == "half_yearly":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    return f"{day.year}"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_label(key: str) -> str:
    """Vietnamese wording of a period key, as it goes into a task title."""
    if "-W" in key:
        year, week = key.split("-W")
        return f"tuần {int(week)}/{year}"
    if "-Q" in key:
        year, q = key.split("-Q")
        return f"quý {_ROMAN[int(q)]}/{year}"
    if "-H" in key:
        year, h = key.split("-H")
        return f"6 tháng {'đầu' if h == '1' else 'cuối'} năm {year}"
    if "-" in key:
        year, month = key.split("-")
        return f"tháng {int(month)}/{year}"
    return f"năm {key}"


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def occurrences(duty: Mapping[str, Any], start: date, end: date) -> list[tuple[str, date]]:
    """(period, due date) of every occurrence due between start and end, inclusive."""
    cadence = duty["cadence"]
    found: list[tuple[str, date]] = []
    if cadence == "weekly":
        monday = start - timedelta(days=start.weekday())
        while monday <= end:
            due = monday + timedelta(days=duty["due_day"] - 1)
            if start <= due <= end:
                found.append((period_key(cadence, due), due))
            monday += timedelta(days=7)
        return found
    months = _MONTHS_IN[cadence]
    year, first_month = start.year, ((start.month - 1) // months) * months + 1
    while True:
        month = first_month + duty["due_month"] - 1
        due = _clamped(year, month, duty["due_day"])
        if due > end:
            return found
        if due >= start:
            found.append((period_key(cadence, date(year, first_month, 1)), due))
        first_month += months
        if first_month > 12:
            first_month -= 12
            year += 1


def check_duty(store: Store, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The values to store, or ``InvalidInput`` listing every problem at once.

    Reads only, so a form can ask it on the GUI thread before writing."""
    problems: list[InvalidValue] = []
    values: dict[str, Any] = {}
    values["title"] = clean_text(raw.get("title"))
    if not values["title"]:
        problems.append(InvalidValue("required", field="title", value=raw.get("title")))
    values["detail"] = clean_text(raw.get("detail")) or None
    cadence = raw.get("cadence")
    if cadence not in CADENCES:
        problems.append(InvalidValue("duty.bad_cadence", field="cadence", value=cadence))
    values["cadence"] = cadence
    day_limit = 7 if cadence == "weekly" else 31
    values["due_day"] = _int_in(raw.get("due_day"), 1, day_limit, "due_day", "duty.bad_due_day", problems)
    month_limit = _MONTHS_IN.get(cadence, 1)
    values["due_month"] = _int_in(raw.get("due_month") or 1, 1, month_limit, "due_month", "duty.bad_due_month", problems)
    values["lead_days"] = _int_in(raw.get("lead_days", 14), 0, 366, "lead_days", "duty.bad_lead_days", problems)
    priority = raw.get("priority") or "normal"
    if priority not in PRIORITIES:
        problems.append(InvalidValue("task.bad_priority", field="priority", value=priority))
    values["priority"] = priority
    org = raw.get("organization_id")
    if org in (None, "") or logged.fetch(store, "organization", int(org)) is None:
        problems.append(InvalidValue("organization.unknown", field="organization_id", value=org))
    else:
        values["organization_id"] = int(org)
    owner = raw.get("owner_id")
    values["owner_id"] = int(owner) if owner not in (None, "") else None
    if values["owner_id"] is not None and logged.fetch(store, "person", values["owner_id"]) is None:
        problems.append(InvalidValue("task.assignee_unknown", field="owner_id", value=owner))
    for name in ("starts_on", "ends_on"):
        value = raw.get(name)
        if isinstance(value, date):
            values[name] = value.isoformat()
        elif value in (None, ""):
            values[name] = store.today().isoformat() if name == "starts_on" else None
        else:
            try:
                values[name] = parse_date(
                    value, field=name, today=store.today(), allow_year_only=False, allow_future=True
                ).iso()
            except InvalidValue as exc:
                problems.append(exc)
    ends, starts = values.get("ends_on"), values.get("starts_on")
    if ends and starts and ends < starts:
        problems.append(
            InvalidValue("duty.ends_before_start", field="ends_on", value=raw.get("ends_on"),
                         ends_on=format_date(ends), starts_on=format_date(starts))
        )
    if problems:
        raise InvalidInput(problems)
    return values


def _int_in(raw: Any, low: int, high: int, field: str, code: str, problems: list) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = None
    if value is None or not low <= value <= high:
        problems.append(InvalidValue(code, field=field, value=raw, limit=high))
        return None
    return value


def add_duty(store: Store, raw: Mapping[str, Any]) -> int:
    values = check_duty(store, raw)
    values["active"] = 1
    with store.transaction():
        duty_id = logged.insert(store, "duty", values)
    store.events.emit("duties_changed", ids=[duty_id])
    return duty_id


_EDITABLE = (
    "title", "detail", "organization_id", "owner_id", "cadence", "due_day", "due_month",
    "lead_days", "priority", "starts_on", "ends_on",
)


def get_duty(store: Store, duty_id: int) -> dict[str, Any]:
    """The stored row, with the owner's name for showing it in a form."""
    duty = logged.require(store, "duty", duty_id)
    row = store.conn.execute("SELECT full_name FROM person WHERE id = ?", (duty["owner_id"],)).fetchone()
    duty["owner"] = row[0] if row else None
    return duty


def update_duty(store: Store, duty_id: int, changes: Mapping[str, Any]) -> None:
    """Change some fields; the others stay. Stopping goes through ``set_active``."""
    current = logged.require(store, "duty", duty_id)
    merged = {k: current[k] for k in _EDITABLE}
    merged.update({k: v for k, v in changes.items() if k in _EDITABLE})
    # A month within the period means nothing for weekly and monthly duties:
    # switching a quarterly duty to monthly must not trip over its old month.
    if merged.get("cadence") in ("weekly", "monthly") and "due_month" not in changes:
        merged["due_month"] = 1
    values = check_duty(store, merged)
    with store.transaction():
        logged.update(store, "duty", duty_id, values)
    store.events.emit("duties_changed", ids=[duty_id])


def set_active(store: Store, duty_id: int, active: bool) -> None:
    """Stop a duty (it makes no more tasks) or resume it. Tasks already made stay."""
    logged.require(store, "duty", duty_id)
    with store.transaction():
        logged.update(store, "duty", duty_id, {"active": 1 if active else 0})
    store.events.emit("duties_changed", ids=[duty_id])


@dataclass
class DutyView:
    id: int
    title: str
    organization: str
    owner: str | None
    cadence: str
    due_day: int
    due_month: int
    active: bool
    open_tasks: int
    next_due: date | None


def list_duties(store: Store, *, include_inactive: bool = False) -> list[DutyView]:
    rows = store.conn.execute(
        """
        SELECT d.*, o.name AS organization, p.full_name AS owner,
               (SELECT count(*) FROM task t WHERE t.duty_id = d.id
                 AND t.status IN ('todo', 'in_progress')) AS open_tasks
          FROM duty d JOIN organization o ON o.id = d.organization_id
          LEFT JOIN person p ON p.id = d.owner_id
        """
        + ("" if include_inactive else " WHERE d.active = 1"),
    )
    names = [c[0] for c in rows.description]
    today = store.today()
    views = []
    for r in rows:
        d = dict(zip(names, r))
        horizon = today + timedelta(days=400)
        if d["ends_on"]:
            horizon = min(horizon, date.fromisoformat(d["ends_on"]))
        upcoming = occurrences(d, max(today, date.fromisoformat(d["starts_on"])), horizon)
        views.append(
            DutyView(d["id"], d["title"], d["organization"], d["owner"], d["cadence"], d["due_day"],
                     d["due_month"], bool(d["active"]), d["open_tasks"], upcoming[0][1] if upcoming else None)
        )
    views.sort(key=lambda v: text_sort_key(v.title))  # Vietnamese order, which SQLite's cannot give
    return views


def generate_tasks(store: Store, *, today: date | None = None) -> list[int]:
    """Create the tasks that active duties owe by ``today``; returns new task ids."""
    today = today or store.today()
    created: list[int] = []
    duties = store.conn.execute("SELECT * FROM duty WHERE active = 1")
    names = [c[0] for c in duties.description]
    for row in duties.fetchall():
        duty = dict(zip(names, row))
        start = date.fromisoformat(duty["starts_on"])
        horizon = today + timedelta(days=duty["lead_days"])
        if duty["ends_on"]:
            horizon = min(horizon, date.fromisoformat(duty["ends_on"]))
        have = {
            r[0] for r in store.conn.execute("SELECT duty_period FROM task WHERE duty_id = ?", (duty["id"],))
        }
        due = [(p, d) for p, d in occurrences(duty, start, horizon) if p not in have]
        for period, due_on in due[-MAX_BACKFILL:]:
            created.append(
                add_task(
                    store,
                    {
                        "title": f"{duty['title']} — {period_label(period)}",
                        "detail": duty["detail"],
                        "organization_id": duty["organization_id"],
                        "due_on": due_on,
                        "priority": duty["priority"],
                    },
                    lead_id=_active_or_none(store, duty["owner_id"]),
                    duty_id=duty["id"],
                    duty_period=period,
                )
            )
    return created


def _active_or_none(store: Store, person_id: int | None) -> int | None:
    if person_id is None:
        return None
    row = store.conn.execute("SELECT status FROM person WHERE id = ?", (person_id,)).fetchone()
    return person_id if row and row[0] == "active" else None
