"""Tasks: work assigned to the commune Front, with a lead and supporting people.

Overdue is derived (open and past its due date), never stored. A task that
came from a recurring duty remembers the duty and the period it covers.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from app import messages
from app.db import logged
from app.text.dates import parse_date
from app.errors import InvalidInput, InvalidValue
from app.db.storage import Store
from app.text.vietnamese import clean_text, fold

STATUSES = ("todo", "in_progress", "done", "cancelled")
OPEN_STATUSES = ("todo", "in_progress")
PRIORITIES = ("low", "normal", "high", "urgent")
TITLE_LIMIT = 300

messages.register(
    {
        "task.bad_status": ("Trạng thái không hợp lệ: {value}.", "Unknown status: {value}."),
        "task.bad_priority": ("Mức ưu tiên không hợp lệ: {value}.", "Unknown priority: {value}."),
        "task.title_too_long": (
            "Tên công việc dài quá {limit} ký tự.", "The title is longer than {limit} characters."
        ),
        "task.lead_also_support": (
            "Người chủ trì không thể đồng thời là người phối hợp.",
            "The lead cannot also be a supporting assignee.",
        ),
        "task.assignee_unknown": ("Không tìm thấy người số {value}.", "No person #{value}."),
        "task.assignee_inactive": (
            "{name} không còn sinh hoạt (đã chuyển đi hoặc đã mất), không thể giao việc.",
            "{name} has moved away or died and cannot be assigned.",
        ),
        "task.completed_before_created": (
            "Ngày hoàn thành không thể trước ngày văn bản chỉ đạo ({source_date}).",
            "The completion date cannot be before the source document's date ({source_date}).",
        ),
        "not_found.task": ("Không tìm thấy công việc số {id}.", "No task #{id}."),
    }
)
messages.register_fields(
    {
        "due_on": ("Hạn hoàn thành", "Due date"),
        "priority": ("Mức ưu tiên", "Priority"),
        "source_number": ("Số, ký hiệu văn bản", "Document number"),
        "source_date": ("Ngày văn bản", "Document date"),
        "source_issuer": ("Cơ quan ban hành", "Issued by"),
        "completed_on": ("Ngày hoàn thành", "Completed on"),
        "lead_id": ("Người chủ trì", "Lead"),
        "support_ids": ("Người phối hợp", "Supporting"),
        "detail": ("Nội dung", "Details"),
    }
)

_EDITABLE = (
    "title", "detail", "organization_id", "source_number", "source_date", "source_issuer",
    "due_on", "priority",
)


def _full_date(store: Store, raw: Any, field_name: str, problems: list, *, not_future: bool = False):
    if raw is None or raw == "":
        return None
    if isinstance(raw, date):
        value = raw
    else:
        try:
            parsed = parse_date(
                raw, field=field_name, today=store.today(), allow_year_only=False, allow_future=True
            )
        except InvalidValue as exc:
            problems.append(exc)
            return None
        value = parsed.to_date()
    if not_future and value > store.today():
        problems.append(InvalidValue("date.future", field=field_name, value=raw))
        return None
    return value.isoformat()


def _check_values(store: Store, raw: Mapping[str, Any]) -> dict[str, Any]:
    problems: list[InvalidValue] = []
    values: dict[str, Any] = {}
    title = clean_text(raw.get("title"))
    if not title:
        problems.append(InvalidValue("required", field="title", value=raw.get("title")))
    elif len(title) > TITLE_LIMIT:
        problems.append(InvalidValue("task.title_too_long", field="title", value=title, limit=TITLE_LIMIT))
    values["title"] = title
    values["detail"] = clean_text(raw.get("detail")) or None
    org = raw.get("organization_id")
    if org not in (None, ""):
        if logged.fetch(store, "organization", int(org)) is None:
            problems.append(InvalidValue("organization.unknown", field="organization_id", value=org))
        values["organization_id"] = int(org)
    else:
        values["organization_id"] = None
    values["source_number"] = clean_text(raw.get("source_number")) or None
    values["source_issuer"] = clean_text(raw.get("source_issuer")) or None
    values["source_date"] = _full_date(store, raw.get("source_date"), "source_date", problems, not_future=True)
    values["due_on"] = _full_date(store, raw.get("due_on"), "due_on", problems)
    priority = raw.get("priority") or "normal"
    if priority not in PRIORITIES:
        problems.append(InvalidValue("task.bad_priority", field="priority", value=priority))
    values["priority"] = priority
    if problems:
        raise InvalidInput(problems)
    return values


def _check_assignees(store: Store, lead_id: int | None, support_ids: Iterable[int]) -> list[int]:
    support = list(dict.fromkeys(int(pid) for pid in support_ids))  # unique, in order given
    if lead_id is not None and int(lead_id) in support:
        raise InvalidValue("task.lead_also_support", field="support_ids", value=lead_id)
    for pid, fname in [(lead_id, "lead_id")] + [(s, "support_ids") for s in support]:
        if pid is None:
            continue
        person = logged.fetch(store, "person", int(pid))
        if person is None:
            raise InvalidValue("task.assignee_unknown", field=fname, value=pid)
        if person["status"] != "active":
            raise InvalidValue("task.assignee_inactive", field=fname, value=pid, name=person["full_name"])
    return support


def _write_assignees(store: Store, task_id: int, lead_id: int | None, support: list[int]) -> None:
    before = [
        {"person_id": p, "role": r}
        for p, r in store.conn.execute(
            "SELECT person_id, role FROM task_assignee WHERE task_id = ? ORDER BY role, person_id", (task_id,)
        )
    ]
    store.conn.execute("DELETE FROM task_assignee WHERE task_id = ?", (task_id,))
    after = []
    if lead_id is not None:
        after.append({"person_id": int(lead_id), "role": "lead"})
    after += [{"person_id": p, "role": "support"} for p in support]
    store.conn.executemany(
        "INSERT INTO task_assignee (task_id, person_id, role) VALUES (?, ?, ?)",
        [(task_id, a["person_id"], a["role"]) for a in after],
    )
    if before != after:
        store.log("update", "task_assignee", task_id, {"assignees": before}, {"assignees": after})


def add_task(
    store: Store,
    raw: Mapping[str, Any],
    *,
    lead_id: int | None = None,
    support_ids: Iterable[int] = (),
    duty_id: int | None = None,
    duty_period: str | None = None,
) -> int:
    values = _check_values(store, raw)
    support = _check_assignees(store, lead_id, list(support_ids))
    values.update(status="todo", duty_id=duty_id, duty_period=duty_period)
    with store.transaction():
        task_id = logged.insert(store, "task", values)
        _write_assignees(store, task_id, lead_id, support)
    store.events.emit("tasks_changed", ids=[task_id])
    return task_id


def assign(store: Store, task_id: int, *, lead_id: int | None, support_ids: Iterable[int] = ()) -> None:
    logged.require(store, "task", task_id)
    support = _check_assignees(store, lead_id, list(support_ids))
    with store.transaction():
        _write_assignees(store, task_id, lead_id, support)
        logged.update(store, "task", task_id, {"updated_at": store.now_iso()})
    store.events.emit("tasks_changed", ids=[task_id])


def _status_change(store: Store, task: Mapping[str, Any], status: str, completed_on: Any,
                   problems: list[InvalidValue]) -> dict[str, Any]:
    if status not in STATUSES:
        raise InvalidValue("task.bad_status", field="status", value=status)
    done_on = None
    if status == "done":
        done_on = _full_date(store, completed_on, "completed_on", problems, not_future=True)
        done_on = done_on or store.today().isoformat()
        if task["source_date"] and done_on < task["source_date"]:
            problems.append(
                InvalidValue("task.completed_before_created", field="completed_on", value=done_on,
                             source_date=task["source_date"])
            )
    return {"status": status, "completed_on": done_on}


def set_status(store: Store, task_id: int, status: str, *, completed_on: date | str | None = None) -> None:
    """Move a task to ``status``; done needs a completion day (default today)."""
    set_statuses(store, [task_id], status, completed_on=completed_on)


def set_statuses(
    store: Store, task_ids: Iterable[int], status: str, *, completed_on: date | str | None = None
) -> None:
    """Move several tasks at once (a selection marked done): all of them or none."""
    ids = list(dict.fromkeys(int(i) for i in task_ids))
    problems: list[InvalidValue] = []
    changes = {}
    for task_id in ids:
        task = logged.require(store, "task", task_id)
        changes[task_id] = _status_change(store, task, status, completed_on, problems)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        for task_id, change in changes.items():
            logged.update(store, "task", task_id, change)
    store.events.emit("tasks_changed", ids=ids)


def _current_assignees(store: Store, task_id: int) -> tuple[int | None, set[int]]:
    lead, support = None, set()
    for pid, role in store.conn.execute("SELECT person_id, role FROM task_assignee WHERE task_id = ?", (task_id,)):
        if role == "lead":
            lead = pid
        else:
            support.add(pid)
    return lead, support


def save_task(
    store: Store,
    task_id: int | None,
    raw: Mapping[str, Any],
    *,
    lead_id: int | None,
    support_ids: Iterable[int] = (),
) -> int:
    """Add (``task_id`` None) or edit a task together with its lead and supporters.

    What a form needs: every problem, of the fields and of the people, comes
    back at once, and nothing is written unless all of it is right. People
    left as they were are not checked again, so a task whose lead has since
    moved away can still have its due date changed.
    """
    problems: list[InvalidValue] = []
    merged: Mapping[str, Any] = raw
    if task_id is not None:
        current = logged.require(store, "task", task_id)
        merged = {k: current[k] for k in _EDITABLE}
        merged.update({k: v for k, v in raw.items() if k in _EDITABLE})
    values: dict[str, Any] = {}
    try:
        values = _check_values(store, merged)
    except InvalidInput as exc:
        problems += exc.problems
    lead = int(lead_id) if lead_id is not None else None
    support = list(dict.fromkeys(int(pid) for pid in support_ids))
    unchanged = task_id is not None and _current_assignees(store, task_id) == (lead, set(support))
    if not unchanged:
        try:
            support = _check_assignees(store, lead, support)
        except InvalidValue as exc:
            problems.append(exc)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        if task_id is None:
            values.update(status="todo", duty_id=None, duty_period=None)
            task_id = logged.insert(store, "task", values)
        else:
            logged.update(store, "task", task_id, values)
        if not unchanged:
            _write_assignees(store, task_id, lead, support)
    store.events.emit("tasks_changed", ids=[task_id])
    return task_id


@dataclass
class TaskView:
    id: int
    title: str
    detail: str | None
    organization_id: int | None
    organization: str | None
    source_number: str | None
    source_date: str | None
    source_issuer: str | None
    due_on: str | None
    priority: str
    status: str
    completed_on: str | None
    duty_id: int | None
    duty_period: str | None
    lead_id: int | None = None
    lead: str | None = None
    support: list[tuple[int, str]] = field(default_factory=list)
    overdue: bool = False
    organization_short: str | None = None  # "Hội LHPN": what a crowded list shows


def is_overdue(status: str, due_on: str | None, today: date) -> bool:
    return status in OPEN_STATUSES and due_on is not None and due_on < today.isoformat()


def get_task(store: Store, task_id: int) -> TaskView:
    row = store.conn.execute(
        """
        SELECT t.id, t.title, t.detail, t.organization_id, o.name, t.source_number, t.source_date,
               t.source_issuer, t.due_on, t.priority, t.status, t.completed_on, t.duty_id, t.duty_period,
               o.short_name
          FROM task t LEFT JOIN organization o ON o.id = t.organization_id WHERE t.id = ?
        """,
        (task_id,),
    ).fetchone()
    if row is None:
        logged.require(store, "task", task_id)
    view = TaskView(*row[:-1], organization_short=row[-1])
    for pid, name, role in store.conn.execute(
        "SELECT p.id, p.full_name, a.role FROM task_assignee a JOIN person p ON p.id = a.person_id"
        " WHERE a.task_id = ? ORDER BY p.sort_key",
        (task_id,),
    ):
        if role == "lead":
            view.lead_id, view.lead = pid, name
        else:
            view.support.append((pid, name))
    view.overdue = is_overdue(view.status, view.due_on, store.today())
    return view


@dataclass
class TaskFilter:
    """What the task list shows; every part is optional and they combine."""

    statuses: tuple[str, ...] | None = None
    person_id: int | None = None  # lead or supporting
    lead_only: bool = False
    organization_id: int | None = None
    overdue: bool = False
    due_within_days: int | None = None  # open tasks due from today to today + N
    duty_id: int | None = None
    text: str | None = None


def _where(store: Store, flt: TaskFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    today = store.today().isoformat()
    if flt.statuses:
        clauses.append(f"t.status IN ({','.join('?' for _ in flt.statuses)})")
        args += list(flt.statuses)
    if flt.person_id is not None:
        role = " AND a.role = 'lead'" if flt.lead_only else ""
        clauses.append(f"EXISTS (SELECT 1 FROM task_assignee a WHERE a.task_id = t.id AND a.person_id = ?{role})")
        args.append(flt.person_id)
    if flt.organization_id is not None:
        clauses.append("t.organization_id = ?")
        args.append(flt.organization_id)
    if flt.overdue:
        clauses.append("t.status IN ('todo', 'in_progress') AND t.due_on < ?")
        args.append(today)
    if flt.due_within_days is not None:
        end = (store.today() + timedelta(days=flt.due_within_days)).isoformat()
        clauses.append("t.status IN ('todo', 'in_progress') AND t.due_on BETWEEN ? AND ?")
        args += [today, end]
    if flt.duty_id is not None:
        clauses.append("t.duty_id = ?")
        args.append(flt.duty_id)
    if flt.text:
        # titles are few (thousands, not 100k): folding them in SQL is fast enough, and
        # remembering the folded titles makes each next keystroke ~4x faster (20k: 110 -> 30 ms)
        store.conn.create_function("vn_fold", 1, lambda s: _folded_title(s or ""), deterministic=True)
        clauses.append("instr(vn_fold(t.title), ?) > 0")  # not LIKE: "%" typed is literal
        args.append(fold(flt.text))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


_folded_title = functools.lru_cache(maxsize=1 << 16)(fold)

ORDER = "ORDER BY t.status NOT IN ('todo', 'in_progress'), t.due_on IS NULL, t.due_on, t.id"


def task_ids(store: Store, flt: TaskFilter | None = None) -> list[int]:
    """Ids in list order (open first, soonest due first): for a lazy model."""
    where, args = _where(store, flt or TaskFilter())
    return [r[0] for r in store.conn.execute(f"SELECT t.id FROM task t{where} {ORDER}", args)]


def list_tasks(store: Store, flt: TaskFilter | None = None, *, limit: int = 200, offset: int = 0) -> list[TaskView]:
    where, args = _where(store, flt or TaskFilter())
    ids = [
        r[0]
        for r in store.conn.execute(f"SELECT t.id FROM task t{where} {ORDER} LIMIT ? OFFSET ?", [*args, limit, offset])
    ]
    return [get_task(store, i) for i in ids]


def count_tasks(store: Store, flt: TaskFilter | None = None) -> int:
    where, args = _where(store, flt or TaskFilter())
    return store.conn.execute(f"SELECT count(*) FROM task t{where}", args).fetchone()[0]


def task_organizations(store: Store) -> list[tuple[int, str]]:
    """The organizations that have tasks (for a filter): the Front, member
    organizations, then the others in Vietnamese order."""
    return [
        (r[0], r[1])
        for r in store.conn.execute(
            """
            SELECT o.id, o.name FROM organization o
             WHERE EXISTS (SELECT 1 FROM task t WHERE t.organization_id = o.id)
             ORDER BY o.kind != 'front_committee', o.kind != 'member_org', o.sort_key
            """
        )
    ]
