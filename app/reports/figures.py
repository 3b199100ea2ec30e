"""The figures of the province report, computed from the commune database.

One module computes, another (``app.reports.province_report``) writes. The figures are
kept per *report unit*, the same handful in every commune so the province can
add them up: ``front`` (the Front committee with the residential areas' Front
work committees), one unit per standard member organization by its code
(``women``, ``farmers``, ``veterans``, ``youth``, ``trade_union``: each with its
branches), ``other`` (member organizations the commune added itself, with
their branches) and ``commune`` (everything).

Everything is counted as of the period's last day, ``D``:

Members (``members.*``)
    A membership counts when it is current on D: joined on or before D (or no
    date known) and not left by D (``left_on`` empty or after D). A person
    marked moved away or deceased counts only through a membership closed with
    a date, because their status carries none: an open membership of someone
    who has gone is stale, not a member. A person is counted once per unit
    (a member of two branches of one organization is one member) and once in
    ``commune``. Ethnic minority: any ethnicity but Kinh; unknown ethnicity is
    counted apart (``ethnicity_unknown``). With a religion: any religion
    recorded. Age on D, in bands ``under_30`` (< 30), ``30_45``, ``46_60``,
    ``over_60`` (> 60) and ``unknown``; a birth year alone gives D's year minus
    that year.

Positions (``positions.*``)
    Active positions of active organizations, with their holders on D, as
    ``app.domain.positions.positions_of`` sees them: seats, filled, vacant (seats not
    filled), acting holders, and concurrent holders (kiêm nhiệm: people with
    more than one current appointment) among the unit's holders. The
    commune's concurrent holders are ``app.domain.positions.concurrent_holders``.

Tasks of the period (``tasks.*``)
    A task is *of the period* when it is not cancelled and its due date falls
    within the period, or, having no due date, it was created within the
    period. Each is counted once, in its organization's unit, by where it stood
    at the end of the period (or today, for a period not over yet):

    - ``done_on_time``: done on or before D, and on or before its due date
      (a task without a due date cannot be late);
    - ``done_late``: done on or before D, after its due date;
    - ``open``: not done by D (still open, or done only after D);
    - ``overdue``: open, and its due date has passed: before D+1 for a
      period that is over, before today for the current one;
    - ``assigned`` = done_on_time + done_late + open.

    Apart: ``backlog_overdue``, tasks due before the period that were still
    open at its end (work the period inherited, overdue by then).

Cancelled tasks are left out: the database does not keep when they were
cancelled. Statuses are as stored now, read through their dates.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.commune import Commune, get_commune, is_demo
from app.domain.front_work import INDICATORS as REGISTER_INDICATORS
from app.domain.front_work import register_figures
from app.text.dates import age_on
from app.text.periods import Period
from app.domain.positions import ConcurrentHolder, Holder, concurrent_holders, positions_of
from app.db.storage import Store
from app.text.vietnamese import fold

__all__ = ["ReportFigures", "Unit", "PositionLine", "TaskLine", "compute_figures", "unit_roster",
           "MEMBER_INDICATORS", "POSITION_INDICATORS", "TASK_INDICATORS", "UNIT_KEYS", "AGE_BANDS",
           "REGISTER_INDICATORS", "REGISTERS_UNIT"]

UNIT_KEYS = ("front", "women", "farmers", "veterans", "youth", "trade_union", "other", "commune")
REGISTERS_UNIT = "front"  # the registers' figures are the Front committee's (DESIGN.md, template 2)
STANDARD_CODES = ("women", "farmers", "veterans", "youth", "trade_union")
AGE_BANDS = (("age_under_30", 0, 29), ("age_30_45", 30, 45), ("age_46_60", 46, 60), ("age_over_60", 61, 999))

MEMBER_INDICATORS = (
    "members.total", "members.female", "members.ethnic_minority", "members.ethnicity_unknown",
    "members.religion", *(f"members.{band}" for band, _, _ in AGE_BANDS), "members.age_unknown",
)
POSITION_INDICATORS = (
    "positions.count", "positions.seats", "positions.filled", "positions.vacant", "positions.acting",
    "positions.concurrent_holders",
)
TASK_INDICATORS = (
    "tasks.assigned", "tasks.done_on_time", "tasks.done_late", "tasks.open", "tasks.overdue",
    "tasks.backlog_overdue",
)
_NO_RELIGION = {"", "khong", "none", "-", "k"}
_UNIT_NAMES = {"front": "Ủy ban MTTQ và các Ban công tác Mặt trận", "other": "Tổ chức khác", "commune": "Toàn xã"}


@dataclass
class Unit:
    key: str
    name: str
    figures: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, indicator: str) -> int:
        return self.figures.get(indicator, 0)


@dataclass
class PositionLine:
    unit: str
    organization_id: int
    organization: str
    kind: str
    title: str
    seats: int
    holders: list[Holder]

    @property
    def vacant(self) -> int:
        return max(self.seats - len(self.holders), 0)


@dataclass
class TaskLine:
    id: int
    title: str
    organization: str
    source: str       # "123/KH-MTTQ ngày 05/11/2026"
    due_on: str | None
    lead: str
    completed_on: str | None
    outcome: str      # "done_on_time" | "done_late" | "open" | "overdue"


@dataclass
class ReportFigures:
    commune: Commune
    period: Period
    as_of: date          # D: the period's last day
    today: date          # the day the figures were computed
    units: list[Unit]
    positions: list[PositionLine]
    tasks: list[TaskLine]
    chair: str | None    # who signs: the Front committee's chair on D, if any
    concurrent: list[ConcurrentHolder] = field(default_factory=list)  # kiêm nhiệm on D
    demo: bool = False   # a demo commune's made-up figures (never to be counted by a province)
    registers: dict[str, int] = field(default_factory=dict)  # the Front's own work (template 2), by indicator

    def unit(self, key: str) -> Unit:
        for unit in self.units:
            if unit.key == key:
                return unit
        raise KeyError(key)

    def data_rows(self) -> list[tuple[str, str, int]]:
        """The ``_data`` rows: (indicator, unit key, value), one per figure,
        every indicator for every unit (zeros included), sorted."""
        indicators = MEMBER_INDICATORS + POSITION_INDICATORS + TASK_INDICATORS
        rows = [(ind, u.key, int(u[ind])) for u in self.units for ind in indicators]
        rows += [(ind, REGISTERS_UNIT, int(value)) for ind, value in self.registers.items()]
        return sorted(rows)


# -- organizations to units -----------------------------------------------------------


def _units_of_organizations(store: Store) -> tuple[dict[int, str], dict[str, str], dict[int, tuple]]:
    """{organization id: unit key}, {unit key: name} and the organizations'
    (name, kind, active, sort order) for the positions list."""
    rows = store.conn.execute(
        "SELECT id, kind, name, code, parent_id, area_id, active FROM organization"
        " ORDER BY kind != 'front_committee', kind != 'member_org', kind = 'branch', sort_key"
    ).fetchall()
    by_id = {r[0]: r for r in rows}
    unit_of: dict[int, str] = {}
    names: dict[str, str] = {}

    def member_unit(org) -> str:
        code = org[3]
        return code if code in STANDARD_CODES else "other"

    for org_id, kind, name, _code, parent_id, _area, _active in rows:
        if kind in ("front_committee", "work_committee", "residential_area"):
            unit_of[org_id] = "front"
        elif kind == "member_org":
            unit_of[org_id] = member_unit(by_id[org_id])
            if unit_of[org_id] != "other":
                names[unit_of[org_id]] = name
        else:  # a branch: its member organization's unit
            parent = by_id.get(parent_id)
            unit_of[org_id] = member_unit(parent) if parent is not None else "other"
    info = {r[0]: (r[2], r[1], bool(r[6]), n) for n, r in enumerate(rows)}
    return unit_of, names, info


# -- members ----------------------------------------------------------------------------

# A membership current on :day (see the module's text); m = membership, p = person.
MEMBER_ON_DAY = """(m.joined_on IS NULL OR m.joined_on <= :day) AND (m.left_on IS NULL OR m.left_on > :day)
    AND (p.status = 'active' OR m.left_on IS NOT NULL)"""


def _age_band(birth: str | None, day: date) -> str:
    age = age_on(birth, day)
    if age is not None:
        for band, low, high in AGE_BANDS:
            if low <= age <= high:
                return band
    return "age_unknown"  # unknown, or born after D: cannot be a member yet; say so rather than guess


def _is_minority(ethnicity: str | None) -> bool | None:
    folded = fold(ethnicity or "").strip()
    if folded.startswith("dan toc "):
        folded = folded[len("dan toc "):]
    if not folded:
        return None
    return folded != "kinh"


def _member_figures(store: Store, unit_of: dict[int, str], day: str, as_of: date) -> dict[str, dict[str, int]]:
    rows = store.conn.execute(
        "SELECT m.organization_id, p.id, p.gender, p.birth_date, p.ethnicity, p.religion"
        f" FROM membership m JOIN person p ON p.id = m.person_id WHERE {MEMBER_ON_DAY}",
        {"day": day},
    )
    seen: dict[str, set[int]] = defaultdict(set)
    people: dict[int, tuple] = {}
    for org_id, person_id, gender, birth, ethnicity, religion in rows:
        seen[unit_of.get(org_id, "other")].add(person_id)
        seen["commune"].add(person_id)
        if person_id not in people:
            minority = _is_minority(ethnicity)
            has_religion = fold(religion or "").strip() not in _NO_RELIGION
            people[person_id] = (gender == "female", minority, has_religion, _age_band(birth, as_of))
    figures: dict[str, dict[str, int]] = {}
    for unit, ids in seen.items():
        f: dict[str, int] = defaultdict(int)
        for person_id in ids:
            female, minority, has_religion, band = people[person_id]
            f["members.total"] += 1
            f["members.female"] += female
            f["members.ethnic_minority"] += minority is True
            f["members.ethnicity_unknown"] += minority is None
            f["members.religion"] += has_religion
            f[f"members.{band}"] += 1
        figures[unit] = dict(f)
    return figures


# -- positions --------------------------------------------------------------------------


def _position_figures(
    store: Store, unit_of: dict[int, str], info: dict[int, tuple], as_of: date, holders: list[ConcurrentHolder]
) -> tuple[dict[str, dict[str, int]], list[PositionLine]]:
    lines: list[PositionLine] = []
    figures: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    concurrent: dict[str, set[int]] = defaultdict(set)
    org_ids = [i for i in sorted(info, key=lambda i: info[i][3]) if info[i][2]]
    for org_id in org_ids:
        name, kind, _active, _order = info[org_id]
        unit = unit_of[org_id]
        for view in positions_of(store, org_id, as_of=as_of):
            line = PositionLine(unit, org_id, name, kind, view.title, view.seats, list(view.holders))
            lines.append(line)
            for key in (unit, "commune"):
                f = figures[key]
                f["positions.count"] += 1
                f["positions.seats"] += view.seats
                f["positions.filled"] += min(view.filled, view.seats)
                f["positions.vacant"] += view.vacant
                f["positions.acting"] += sum(h.acting for h in view.holders)
            concurrent[unit].update(h.person_id for h in view.holders if h.positions_held > 1)
    for unit, ids in concurrent.items():
        figures[unit]["positions.concurrent_holders"] = len(ids)
    figures["commune"]["positions.concurrent_holders"] = len(holders)
    return {k: dict(v) for k, v in figures.items()}, lines


# -- tasks -------------------------------------------------------------------------------


def _source(number: str | None, source_date: str | None) -> str:
    if not number and not source_date:
        return ""
    when = f"{source_date[8:10]}/{source_date[5:7]}/{source_date[:4]}" if source_date else ""
    if number and when:
        return f"{number} ngày {when}"
    return number or when


def _task_figures(
    store: Store, unit_of: dict[int, str], period: Period, today: date
) -> tuple[dict[str, dict[str, int]], list[TaskLine]]:
    first, last = period.first.isoformat(), period.last.isoformat()
    # overdue means the due day is over: for a finished period, every day of it
    overdue_before = min(period.last + timedelta(days=1), today).isoformat()
    rows = store.conn.execute(
        """
        SELECT t.id, t.title, t.organization_id, o.name, t.source_number, t.source_date, t.due_on,
               t.status, t.completed_on, t.created_at,
               (SELECT p.full_name FROM task_assignee a JOIN person p ON p.id = a.person_id
                 WHERE a.task_id = t.id AND a.role = 'lead')
          FROM task t LEFT JOIN organization o ON o.id = t.organization_id
         WHERE t.status != 'cancelled'
           AND ((t.due_on BETWEEN :first AND :last)
                OR (t.due_on IS NULL AND substr(t.created_at, 1, 10) BETWEEN :first AND :last)
                OR (t.due_on < :first AND (t.status IN ('todo', 'in_progress') OR t.completed_on > :last)))
         ORDER BY t.due_on IS NULL, t.due_on, t.id
        """,
        {"first": first, "last": last},
    )
    figures: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    lines: list[TaskLine] = []
    for (task_id, title, org_id, org_name, number, source_date, due_on, status, completed_on,
         _created, lead) in rows:
        done = status == "done" and completed_on is not None and completed_on <= last
        unit = unit_of.get(org_id, "other") if org_id is not None else None
        keys = (unit, "commune") if unit else ("commune",)
        if due_on is not None and due_on < first:  # inherited, still open at the end of the period
            for key in keys:
                figures[key]["tasks.backlog_overdue"] += 1
            continue
        if done:
            outcome = "done_late" if due_on is not None and completed_on > due_on else "done_on_time"
        else:
            outcome = "overdue" if due_on is not None and due_on < overdue_before else "open"
        for key in keys:
            f = figures[key]
            f["tasks.assigned"] += 1
            if outcome == "overdue":
                f["tasks.open"] += 1
                f["tasks.overdue"] += 1
            else:
                f[f"tasks.{outcome}"] += 1
        lines.append(TaskLine(task_id, title, org_name or "", _source(number, source_date), due_on,
                              lead or "", completed_on if done else None, outcome))
    return {k: dict(v) for k, v in figures.items()}, lines


# -- all together ---------------------------------------------------------------------------


def front_chair(store: Store, day: str) -> str | None:
    """Who signs for the Front committee on ``day``: its chair then, if any."""
    row = store.conn.execute(
        """
        SELECT p.full_name FROM appointment a
          JOIN position ps ON ps.id = a.position_id
          JOIN organization o ON o.id = ps.organization_id
          JOIN person p ON p.id = a.person_id
         WHERE o.kind = 'front_committee' AND ps.title = 'Chủ tịch'
           AND a.start_on <= :day AND (a.end_on IS NULL OR a.end_on >= :day)
         ORDER BY a.acting, a.start_on DESC LIMIT 1
        """,
        {"day": day},
    ).fetchone()
    return row[0] if row else None


def compute_figures(store: Store, period: Period, *, today: date | None = None) -> ReportFigures:
    """Every figure of the report for ``period`` (see the module's text for
    what each one means)."""
    today = today or store.today()
    as_of = period.last
    day = as_of.isoformat()
    unit_of, names, info = _units_of_organizations(store)
    members = _member_figures(store, unit_of, day, as_of)
    concurrent = concurrent_holders(store, as_of=as_of)
    positions, position_lines = _position_figures(store, unit_of, info, as_of, concurrent)
    tasks, task_lines = _task_figures(store, unit_of, period, today)
    front_name = next((n for n, kind, _a, _o in info.values() if kind == "front_committee"), None)
    keys = [k for k in UNIT_KEYS if k != "other"]
    if any(k == "other" for k in (*members, *positions, *tasks)):
        keys.insert(keys.index("commune"), "other")
    units = []
    for key in keys:
        name = names.get(key) or _UNIT_NAMES.get(key, key)
        if key == "front" and front_name:
            name = front_name
        figures = {**members.get(key, {}), **positions.get(key, {}), **tasks.get(key, {})}
        units.append(Unit(key, name, figures))
    return ReportFigures(
        commune=get_commune(store), period=period, as_of=as_of, today=today, units=units,
        positions=position_lines, tasks=task_lines, chair=front_chair(store, day), concurrent=concurrent,
        demo=is_demo(store), registers=register_figures(store, period),
    )


def unit_roster(store: Store, unit: str, as_of: date) -> list[tuple[str, str | None, str | None, str, str, str]]:
    """The members of one report unit on ``as_of`` in roster order, as the
    member figures count them: (full name, gender, birth date, area,
    organization, joined on) per membership, one line per person."""
    unit_of, _names, _info = _units_of_organizations(store)
    ids = [org_id for org_id, key in unit_of.items() if key == unit]
    if not ids:
        return []
    rows = store.conn.execute(
        f"""
        SELECT p.id, p.full_name, p.gender, p.birth_date, coalesce(a.name, ''), o.name, coalesce(m.joined_on, '')
          FROM membership m JOIN person p ON p.id = m.person_id
          JOIN organization o ON o.id = m.organization_id
          LEFT JOIN organization a ON a.id = p.area_id
         WHERE m.organization_id IN ({",".join(str(int(i)) for i in ids)}) AND {MEMBER_ON_DAY}
         ORDER BY p.sort_key, p.id, m.joined_on
        """,
        {"day": as_of.isoformat()},
    )
    seen: set[int] = set()
    found = []
    for person_id, *line in rows:
        if person_id not in seen:
            seen.add(person_id)
            found.append(tuple(line))
    return found
