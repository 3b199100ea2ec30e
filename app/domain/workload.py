"""Who carries how much: open tasks, overdue ones and positions per person.

Derived on demand from tasks and appointments; nothing here is stored.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

from app.domain.fund import balance_on
from app.domain.positions import CURRENT, concurrent_holders, vacancies
from app.db.storage import Store

# Above this many open tasks a person is shown as overloaded when assigned more.
OVERLOAD_OPEN_TASKS = 12


@dataclass
class PersonLoad:
    person_id: int
    full_name: str
    open_lead: int
    open_support: int
    overdue: int
    positions: int

    @property
    def open_tasks(self) -> int:
        return self.open_lead + self.open_support

    @property
    def overloaded(self) -> bool:
        return self.open_tasks > OVERLOAD_OPEN_TASKS


# Open work per person in one pass over their assignments (a correlated
# subquery per count walked a busy person's tasks three times: the overview's
# "carrying the most work" took 56 ms on the 100,000-person demo, now ~6 ms).
_OPEN_WORK = """
    SELECT x.person_id,
           coalesce(sum(x.role = 'lead'), 0),
           coalesce(sum(x.role = 'support'), 0),
           coalesce(sum(t.due_on < :day), 0)
      FROM task_assignee x JOIN task t ON t.id = x.task_id
     WHERE t.status IN ('todo', 'in_progress') {where}
     GROUP BY x.person_id
"""

_PEOPLE = f"""
    SELECT p.id, p.full_name,
           (SELECT count(*) FROM appointment a WHERE a.person_id = p.id AND {CURRENT})
      FROM person p WHERE p.id IN ({{ids}})
"""


def _loads(store: Store, ids: list[int], work: dict[int, tuple[int, int, int]], day: str) -> dict[int, PersonLoad]:
    rows = store.conn.execute(_PEOPLE.format(ids=",".join(str(i) for i in ids)), {"day": day})
    return {pid: PersonLoad(pid, name, *work.get(pid, (0, 0, 0)), positions) for pid, name, positions in rows}


def load_of(store: Store, person_ids: Iterable[int]) -> dict[int, PersonLoad]:
    ids = [int(i) for i in person_ids]
    if not ids:
        return {}
    day = store.today().isoformat()
    where = f"AND x.person_id IN ({','.join(str(i) for i in ids)})"
    work = {r[0]: r[1:] for r in store.conn.execute(_OPEN_WORK.format(where=where), {"day": day})}
    return _loads(store, ids, work, day)


def busiest(store: Store, limit: int = 10) -> list[PersonLoad]:
    """The people carrying the most open work (ties: more overdue first)."""
    day = store.today().isoformat()
    sql = _OPEN_WORK.format(where="") + " ORDER BY count(*) DESC LIMIT :limit"
    work = {r[0]: r[1:] for r in store.conn.execute(sql, {"day": day, "limit": limit * 3})}
    loads = list(_loads(store, list(work), work, day).values())
    loads.sort(key=lambda x: (-x.open_tasks, -x.overdue, -x.positions, x.full_name))
    return loads[:limit]


@dataclass
class Overview:
    """What needs attention today, for the first page of the app."""

    people: int
    overdue_tasks: int
    due_this_week: int
    open_tasks: int
    vacant_seats: int
    positions_with_vacancy: int
    concurrent_holders: int
    busiest: list[PersonLoad]
    unsent_reports: int
    duties: int = 0                                    # recurring duties in force
    next_report: tuple[int, str, str] | None = None    # (task id, title, due ISO date) of the next report due
    overdue_petitions: int = 0                         # open petitions past their answer date
    fund_balance: int = 0                              # the "Vì người nghèo" fund at the end of today, in đồng
    fund_entries: int = 0                              # entries of that fund (none: no fund book kept here yet)


def overview(store: Store, *, today: date | None = None) -> Overview:
    today = today or store.today()
    day = today.isoformat()
    # "this week" means the next seven days: on a Sunday the calendar week is over
    week_end = (today + timedelta(days=6)).isoformat()
    q = store.conn.execute
    open_tasks, overdue, due_week = q(
        """
        SELECT count(*),
               coalesce(sum(due_on < :day), 0),
               coalesce(sum(due_on BETWEEN :day AND :week_end), 0)
          FROM task WHERE status IN ('todo', 'in_progress')
        """,
        {"day": day, "week_end": week_end},
    ).fetchone()
    empty = vacancies(store, as_of=today)
    return Overview(
        people=q("SELECT count(*) FROM person WHERE status = 'active'").fetchone()[0],
        overdue_tasks=overdue,
        due_this_week=due_week,
        open_tasks=open_tasks,
        vacant_seats=sum(v.vacant for v in empty),
        positions_with_vacancy=len(empty),
        concurrent_holders=len(concurrent_holders(store, as_of=today)),
        busiest=busiest(store, 8),
        unsent_reports=q("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0],
        duties=q("SELECT count(*) FROM duty WHERE active = 1").fetchone()[0],
        next_report=next_report_due(store, today),
        overdue_petitions=q("SELECT count(*) FROM petition WHERE status IN ('received', 'forwarded')"
                            " AND due_on < ?", (day,)).fetchone()[0],
        fund_balance=balance_on(store, "poor", today),
        fund_entries=q("SELECT count(*) FROM fund_entry WHERE fund = 'poor'").fetchone()[0],
    )


def next_report_due(store: Store, today: date) -> tuple[int, str, str] | None:
    """The open report task due soonest from ``today`` (a task whose title
    says it is a report, "Báo cáo ..."): (id, title, due date)."""
    row = store.conn.execute(
        "SELECT id, title, due_on FROM task WHERE status IN ('todo', 'in_progress') AND due_on >= ?"
        " AND (title LIKE 'Báo cáo%' OR title LIKE 'Bao cao%' OR title LIKE 'BÁO CÁO%')"
        " ORDER BY due_on, id LIMIT 1", (today.isoformat(),)).fetchone()
    return (row[0], row[1], row[2]) if row else None
