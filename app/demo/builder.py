"""A believable demo commune: for trying the app, for screenshots, for benchmarks.

``build_demo`` makes a new commune database and fills it the way a real one
looks after a year of use: residential areas with their work committees and
branches, people with Vietnamese names (and the gaps real rosters have: a year
instead of a birth date, no citizen ID, no phone), memberships with history,
positions mostly filled (some vacant, some people holding three posts),
recurring duties and the tasks they made, a large pile of ad-hoc tasks in
every state, a good share of them overdue, and a year of the Front's own
registers: petitions, the "Vì người nghèo" fund, oversight cases.

Deterministic: the same seed and the same clock day give the same database.
Only ``random.Random(seed)`` is used, drawn in a fixed order, and every choice
is made from a list, never from a set or a dict whose order could vary.

The bulk of the rows (people, memberships, ad-hoc tasks) goes in with bulk SQL
inside one transaction, each with one summary entry in the change log; the
structure (areas, appointments, duties) goes through the domain functions.

This module holds the entry point and the order of the stages; the state they
share is ``state.Builder``, the stages themselves are in ``people`` (areas,
people), ``roles`` (appointments, memberships), ``work`` (duties, tasks) and
``registers`` (petitions, fund, cases), and the word lists in ``names`` and
``register_names``.
"""
from __future__ import annotations

import os
import random
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app import durable
from app import messages
from app.text.admin_units import CommuneInfo, all_communes, find_commune
from app.clock import Clock, SystemClock
from app.domain.commune import create_commune_database
from app.demo.people import add_areas, add_people
from app.demo.privacy import add_privacy
from app.demo.registers import add_registers
from app.demo.roles import add_memberships, appoint_cadres
from app.demo.state import Builder
from app.demo.work import add_duties, add_tasks
from app.errors import DatabaseProblem, InvalidValue
from app.domain.positions import concurrent_holders, vacancies
from app.progress import ProgressCallback, ignore_progress
from app.db.storage import Store
from app.text.vietnamese import clean_text

__all__ = ["DemoSummary", "build_demo", "MIN_PEOPLE", "MAX_PEOPLE"]

MIN_PEOPLE = 100
MAX_PEOPLE = 1_000_000

messages.register(
    {
        "demo.people_range": (
            "Số người của xã mẫu phải từ {low} đến {high} (đang là: {value}).",
            "The demo commune needs between {low} and {high} people (got: {value}).",
        ),
    }
)

Progress = ProgressCallback  # progress(stage, done, total); may raise app.progress.Cancelled


@dataclass
class DemoSummary:
    path: Path
    commune_code: str
    commune_name: str
    province_name: str
    seed: int
    people: int
    areas: int
    memberships: int  # rows, past ones included
    appointments: int  # current
    past_appointments: int
    seats: int
    vacant_seats: int
    concurrent_holders: int
    duties: int
    tasks: int
    overdue_tasks: int
    petitions: int
    open_petitions: int
    fund_entries: int
    fund_balance: int  # đồng, the "Vì người nghèo" fund today
    cases: int
    open_cases: int
    elapsed: float  # seconds
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["path"] = str(self.path)
        return values


def _pick_commune(rng: random.Random) -> CommuneInfo:
    rural = sorted((c for c in all_communes() if c.division_type == "xã"), key=lambda c: c.code)
    return rural[rng.randrange(len(rural))]


# -- the build ---------------------------------------------------------------------


def build_demo(
    path: Path | str,
    *,
    people: int = 2000,
    seed: int = 1,
    commune_code: str | None = None,
    clock: Clock | None = None,
    progress: Progress | None = None,
    marked: bool = True,
) -> DemoSummary:
    """Create a NEW database at ``path`` holding a demo commune of ``people``
    people; returns what was made.

    ``progress(stage, done, total)`` hears how far the build is; it may raise
    (``app.progress.Cancelled`` when the person asked to stop). The build is
    made in a temporary file beside ``path`` and renamed into place only when
    complete: a failure, a cancel or a power cut never leaves a half-built
    demo at ``path``, and the temporary file is removed on a failure or cancel.

    The database is marked as a demo (``is_demo``): its reports say so and no
    province counts them. ``marked=False`` is for tests and benchmarks whose
    databases stand in for real communes (a province consolidating thousands
    of reports); the command line and the window always mark it."""
    started = time.perf_counter()
    people = int(people)
    if not MIN_PEOPLE <= people <= MAX_PEOPLE:
        raise InvalidValue("demo.people_range", field="people", value=people,
                           low=MIN_PEOPLE, high=MAX_PEOPLE)
    rng = random.Random(seed)
    clock = clock or SystemClock()
    info = find_commune(commune_code) if commune_code is not None else _pick_commune(rng)
    report = progress or ignore_progress
    path = Path(path)
    _refuse_existing(path)
    report("commune", 0, 1)
    building = _building_file(path)
    try:
        store = create_commune_database(building, info.code, demo=marked, clock=clock)
    except BaseException:
        _remove(building)
        raise
    try:
        # A bigger page cache for the build only (the connection is closed at
        # the end): 100,000 people go into four indexes in random order.
        store.conn.execute("PRAGMA cache_size = -32768")
        builder = Builder(store, rng, info, people, seed, report)
        with store.transaction():
            _run_stages(builder)
        _finish(builder)
        summary = _summarize(store, path, info, seed, started, builder.stage_seconds)
        store.close()
        report("done", 1, 1)  # the last chance to stop: nothing is in place yet
        _move_into_place(building, path)
    except BaseException:
        store.close()
        _remove(building)
        raise
    summary.elapsed = round(time.perf_counter() - started, 3)
    return summary


def _refuse_existing(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        raise DatabaseProblem("database.exists", path=str(path))


def _building_file(path: Path) -> Path:
    """An empty file of a unique name beside ``path``: the same folder, so the
    final rename stays on one disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".building", dir=path.parent)
    os.close(handle)
    return Path(name)


def _move_into_place(building: Path, path: Path) -> None:
    # Closing the last connection folded the write-ahead log into the file and
    # removed it; a log still there would belong to the file, so it moves too.
    _refuse_existing(path)  # something made meanwhile is never replaced
    wal = Path(f"{building}-wal")
    if wal.exists():
        durable.replace(wal, f"{path}-wal")
    durable.remove(Path(f"{building}-shm"))
    durable.replace(building, path)


def _remove(building: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        durable.remove(Path(f"{building}{suffix}"))


def _run_stages(b: Builder) -> None:
    """The stages, in the one order the random draws depend on."""
    b.store.set_meta("demo_seed", str(b.seed))
    for stage, make in (
        ("areas", add_areas),
        ("people", add_people),
        ("appointments", appoint_cadres),
        ("memberships", add_memberships),
        ("duties", add_duties),
        ("tasks", add_tasks),
        ("registers", add_registers),
        ("privacy", add_privacy),
    ):
        make(b)
        b.lap(stage)

def _finish(b: Builder) -> None:
    """After the commit: merge the search index's segments (a bulk load
    leaves many) and fold the write-ahead log into the file, so the demo
    starts like a settled database."""
    b.report("finishing", 0, 1)
    conn = b.store.conn
    with b.store.transaction():
        conn.execute("INSERT INTO person_search (person_search) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    b.lap("finish")


def _summarize(store: Store, path: Path, info: CommuneInfo, seed: int, started: float,
               stages: dict[str, float]) -> DemoSummary:
    conn = store.conn
    today = store.today().isoformat()

    def one(sql: str, *args: Any) -> int:
        return conn.execute(sql, args).fetchone()[0]

    current = "start_on <= ? AND (end_on IS NULL OR end_on >= ?)"
    return DemoSummary(
        path=path,
        commune_code=info.code,
        commune_name=clean_text(info.name),
        province_name=info.province_name,
        seed=seed,
        people=one("SELECT count(*) FROM person"),
        areas=one("SELECT count(*) FROM organization WHERE kind = 'residential_area'"),
        memberships=one("SELECT count(*) FROM membership"),
        appointments=one(f"SELECT count(*) FROM appointment WHERE {current}", today, today),
        past_appointments=one("SELECT count(*) FROM appointment WHERE end_on < ?", today),
        seats=one("SELECT coalesce(sum(seats), 0) FROM position WHERE active = 1"),
        vacant_seats=sum(v.vacant for v in vacancies(store)),
        concurrent_holders=len(concurrent_holders(store)),
        duties=one("SELECT count(*) FROM duty"),
        tasks=one("SELECT count(*) FROM task"),
        overdue_tasks=one(
            "SELECT count(*) FROM task WHERE status IN ('todo', 'in_progress') AND due_on < ?",
            today,
        ),
        petitions=one("SELECT count(*) FROM petition"),
        open_petitions=one("SELECT count(*) FROM petition WHERE status IN ('received', 'forwarded')"),
        fund_entries=one("SELECT count(*) FROM fund_entry"),
        fund_balance=one("SELECT coalesce(sum(CASE direction WHEN 'receipt' THEN amount ELSE -amount END), 0)"
                         " FROM fund_entry WHERE fund = 'poor'"),
        cases=one("SELECT count(*) FROM oversight_case"),
        open_cases=one("SELECT count(*) FROM oversight_case WHERE closed_on IS NULL"),
        elapsed=round(time.perf_counter() - started, 3),
        stage_seconds=dict(stages),
    )
