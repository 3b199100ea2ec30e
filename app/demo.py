"""A believable demo commune: for trying the app, for screenshots, for benchmarks.

``build_demo`` makes a new commune database and fills it the way a real one
looks after a year of use: residential areas with their work committees and
branches, people with Vietnamese names (and the gaps real rosters have: a year
instead of a birth date, no citizen ID, no phone), memberships with history,
positions mostly filled (some vacant, some people holding three posts),
recurring duties and the tasks they made, and a large pile of ad-hoc tasks in
every state, a good share of them overdue.

Deterministic: the same seed and the same clock day give the same database.
Only ``random.Random(seed)`` is used, drawn in a fixed order, and every choice
is made from a list, never from a set or a dict whose order could vary.

The bulk of the rows (people, memberships, ad-hoc tasks) goes in with bulk SQL
inside one transaction, each with one summary entry in the change log; the
structure (areas, appointments, duties) goes through the domain functions.
"""
from __future__ import annotations

import random
import re
import time
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from app import demo_names as N
from app import messages
from app.admin_units import CommuneInfo, all_communes, find_commune
from app.citizen_id import PROVINCE_CODES
from app.clock import SystemClock
from app.commune import create_commune_database
from app.duties import add_duty, generate_tasks
from app.errors import InvalidValue
from app.organizations import (
    STANDARD_MEMBER_ORGS,
    add_residential_area,
    branch_of,
    by_code,
    front_committee_id,
)
from app.people import add_people_bulk
from app.positions import appoint, concurrent_holders, end_appointment, vacancies
from app.storage import Store
from app.tasks import set_status
from app.vntext import clean_text

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

Progress = Callable[[str, int, int], None]


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
    elapsed: float  # seconds
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["path"] = str(self.path)
        return values


# -- small helpers ---------------------------------------------------------------


class _Weighted:
    """Items with relative weights; ``pick`` is one draw of ``rng.random()``."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]):
        self.items: list[Any] = []
        self.cum: list[float] = []
        total = 0.0
        for item, weight in pairs:
            if weight > 0:
                total += weight
                self.items.append(item)
                self.cum.append(total)
        if not self.items:
            raise ValueError("no item with a positive weight")
        self.total = total

    def pick(self, rng: random.Random) -> Any:
        i = bisect_right(self.cum, rng.random() * self.total)
        return self.items[min(i, len(self.items) - 1)]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _lower_unit(name: str) -> str:
    """"Xã Tân Hòa" -> "xã Tân Hòa", "Tỉnh Cao Bằng" -> "tỉnh Cao Bằng": how a
    unit is named inside a sentence."""
    for prefix in ("Xã ", "Phường ", "Đặc khu ", "Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix):]
    return name


def _bare_unit(name: str) -> str:
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def _region_of(province_code: str) -> str:
    for region, info in N.REGIONS.items():
        if province_code in info["provinces"]:
            return region
    return "north_delta"


# "{plan_no}/KH-MTTQ-BTT" in a task title: the document the task comes from.
_CITED_NUMBER = re.compile(r"\{plan_no\}(/[A-ZĐ-]+)")


# (due in the past, the draw that picks the state): done on time, done late,
# cancelled, overdue; then in progress and to do, due ahead.
_SCENARIOS = ((True, 0.1), (True, 0.6), (True, 0.78), (True, 0.9), (False, 0.3), (False, 0.9))


def _pick_commune(rng: random.Random) -> CommuneInfo:
    rural = sorted((c for c in all_communes() if c.division_type == "xã"), key=lambda c: c.code)
    return rural[rng.randrange(len(rural))]


# -- people ----------------------------------------------------------------------

# (youngest, oldest, weight): the adult population of a Vietnamese commune.
_AGE_BANDS = _Weighted(
    [
        ((16, 19), 6.0), ((20, 24), 8.0), ((25, 29), 8.5), ((30, 34), 9.0), ((35, 39), 9.0),
        ((40, 44), 8.5), ((45, 49), 8.0), ((50, 54), 7.0), ((55, 59), 6.5), ((60, 64), 5.5),
        ((65, 69), 4.5), ((70, 74), 3.5), ((75, 79), 2.2), ((80, 84), 1.5), ((85, 90), 1.0),
    ]
)

# Mobile prefixes in use since 2018 (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile).
_PHONE_PREFIXES = _Weighted(
    [
        ("032", 3), ("033", 3), ("034", 3), ("035", 3), ("036", 3), ("037", 3), ("038", 3),
        ("039", 3), ("086", 3), ("096", 5), ("097", 6), ("098", 6), ("081", 2), ("082", 2),
        ("083", 2), ("084", 2), ("085", 2), ("088", 2), ("091", 5), ("094", 4), ("070", 2),
        ("076", 2), ("077", 2), ("078", 2), ("079", 2), ("089", 2), ("090", 4), ("093", 3),
        ("052", 0.5), ("056", 1), ("058", 1), ("092", 1), ("059", 0.5), ("099", 0.5),
    ]
)


@dataclass
class _People:
    """Compact facts about the generated people, by index (0-based, in insert order)."""

    ids: list[int] = field(default_factory=list)
    female: list[bool] = field(default_factory=list)
    age: list[int] = field(default_factory=list)  # as the stored birth date shows it
    birth: list[int] = field(default_factory=list)  # true birth date, ordinal
    area: list[int] = field(default_factory=list)  # index into the area list
    active: list[bool] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


class _PersonMaker:
    def __init__(self, rng: random.Random, today: date, province_code: str, region: str):
        self.rng = rng
        self.today = today
        info = N.REGIONS[region]
        factors = N.REGIONAL_SURNAMES[info["surname_region"]]
        self.surnames = _Weighted([(s, w * factors.get(s, 1.0)) for s, w in N.SURNAMES])
        self.middle_male_old = _Weighted(N.MIDDLE_MALE_OLD)
        self.middle_male = _Weighted(N.MIDDLE_MALE)
        self.middle_female_old = _Weighted(N.MIDDLE_FEMALE_OLD)
        self.middle_female = _Weighted(N.MIDDLE_FEMALE)
        self.minority_styles = _Weighted(info["minority_style"])
        self.kinh_style_other = _Weighted(info["kinh_style_other"])
        self.religion_default = _Weighted(
            N.RELIGIONS_SOUTH if region == "south" else N.RELIGIONS_DEFAULT
        )
        self.religion_by_ethnicity = {
            k: _Weighted(v) for k, v in sorted(N.RELIGIONS_BY_ETHNICITY.items())
        }
        home = "0" + province_code
        self.home_province = home if home in PROVINCE_CODES else "001"
        self.other_provinces = sorted(PROVINCE_CODES)
        self.used_ids: set[str] = set()
        self.used_phones: set[str] = set()
        self.old_cutoff = today.year - 1975  # older than this: born before 1975

    def name(self, female: bool, age: int) -> tuple[str, str]:
        """(full name, ethnicity)."""
        rng = self.rng
        if rng.random() < 0.03:
            ethnicity = self.minority_styles.pick(rng)
            style = N.MINORITY_STYLES[ethnicity]
            surname = style["surnames"][rng.randrange(len(style["surnames"]))]
            givens = style["given_female" if female else "given_male"]
            given = givens[rng.randrange(len(givens))]
            pattern = style["female" if female else "male"]
            return pattern.format(s=surname, g=given), ethnicity
        ethnicity = self.kinh_style_other.pick(rng) if rng.random() < 0.04 else "Kinh"
        surname = self.surnames.pick(rng)
        old = age > self.old_cutoff
        if female:
            middle = (self.middle_female_old if old else self.middle_female).pick(rng)
            # "Nguyễn Thị Thu Hà": a second middle name after "Thị".
            if middle == "Thị" and rng.random() < (0.06 if old else 0.25):
                second = N.SECOND_MIDDLE_FEMALE[rng.randrange(len(N.SECOND_MIDDLE_FEMALE))]
                middle = f"{middle} {second}"
            givens = N.GIVEN_FEMALE
        else:
            middle = (self.middle_male_old if old else self.middle_male).pick(rng)
            # "Nguyễn Văn Minh Đức", "Trần Hữu Quốc Bảo": rarer, and younger.
            if middle in ("Văn", "Hữu") and not old and rng.random() < 0.08:
                second = N.SECOND_MIDDLE_MALE[rng.randrange(len(N.SECOND_MIDDLE_MALE))]
                middle = f"{middle} {second}"
            givens = N.GIVEN_MALE
        given = givens[rng.randrange(len(givens))]
        if middle.endswith(given):  # "Nguyễn Thị Thu Thu": draw again once
            given = givens[rng.randrange(len(givens))]
        return f"{surname} {middle} {given}", ethnicity

    def citizen_id(self, female: bool, birth_year: int) -> str:
        rng = self.rng
        if rng.random() < 0.85:
            province = self.home_province
        else:
            province = self.other_provinces[rng.randrange(len(self.other_provinces))]
        century = (birth_year // 100 - 19) * 2 + (1 if female else 0)
        head = f"{province}{century}{birth_year % 100:02d}"
        while True:
            cid = f"{head}{rng.randrange(1_000_000):06d}"
            if cid not in self.used_ids:
                self.used_ids.add(cid)
                return cid

    def phone(self) -> str:
        rng = self.rng
        while True:
            number = f"{_PHONE_PREFIXES.pick(rng)}{rng.randrange(10_000_000):07d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def person(self, area_index: int, area_id: int) -> tuple[dict[str, Any], tuple]:
        rng = self.rng
        today = self.today
        female = rng.random() < 0.51
        low, high = _AGE_BANDS.pick(rng)
        age = rng.randint(low, high)
        earliest = _years_before(today, age + 1) + timedelta(days=1)
        latest = _years_before(today, age)
        birth = earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))
        year_only = rng.random() < (0.35 if age >= 60 else 0.15)
        birth_text = f"{birth.year:04d}" if year_only else birth.isoformat()
        seen_age = today.year - birth.year if year_only else age
        full_name, ethnicity = self.name(female, age)
        religions = self.religion_by_ethnicity.get(ethnicity, self.religion_default)
        religion = religions.pick(rng)
        has_id = rng.random() < (0.55 if age >= 80 else 0.7 if age < 18 else 0.77)
        cid = self.citizen_id(female, birth.year) if has_id else None
        phone_share = 0.5 if age < 18 else 0.3 if age >= 70 else 0.68
        phone = self.phone() if rng.random() < phone_share else None
        r = rng.random()
        if r < (0.03 if age >= 70 else 0.003):
            status = "deceased"
        elif r < (0.03 if age >= 70 else 0.003) + 0.012:
            status = "moved"
        else:
            status = "active"
        row = {
            "full_name": full_name,
            "gender": "female" if female else "male",
            "birth_date": birth_text,
            "ethnicity": ethnicity,
            "religion": religion,
            "citizen_id": cid,
            "phone": phone,
            "area_id": area_id,
            "status": status,
            "note": None,
        }
        facts = (female, seen_age, birth.toordinal(), area_index, status == "active", full_name)
        return row, facts


# -- residential areas -------------------------------------------------------------


def _area_names(rng: random.Random, count: int, info: CommuneInfo, region: str) -> list[str]:
    if info.division_type == "phường":
        prefix = N.WARD_AREA_PREFIX.get(region, N.WARD_AREA_PREFIX_DEFAULT)
        return [f"{prefix} {i}" for i in range(1, count + 1)]
    styles = _Weighted(N.AREA_STYLES[region])
    pools: dict[tuple, list[str]] = {}
    numbers: dict[str, int] = {}
    names: list[str] = []
    attempts = 0
    while len(names) < count:
        attempts += 1
        style = styles.pick(rng) if attempts < 10 * count else ("numbered", "Thôn")
        if style[0] == "numbered":
            prefix = style[1]
            numbers[prefix] = numbers.get(prefix, 0) + 1
            name = f"{prefix} {numbers[prefix]}"
        else:
            key = (style[0], style[1]) if style[0] == "named" else (style[0],)
            if key not in pools:
                words = list(style[-1])
                rng.shuffle(words)
                pools[key] = words
            if not pools[key]:
                continue
            word = pools[key].pop()
            name = f"{style[1]} {word}" if style[0] == "named" else word
        if name not in names:
            names.append(name)
    return names


# -- the build ---------------------------------------------------------------------


def build_demo(
    path: Path | str,
    *,
    people: int = 2000,
    seed: int = 1,
    commune_code: str | None = None,
    clock: Any = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Create a NEW database at ``path`` holding a demo commune of ``people``
    people; returns what was made. Nothing is left behind if it fails."""
    started = time.perf_counter()
    people = int(people)
    if not MIN_PEOPLE <= people <= MAX_PEOPLE:
        raise InvalidValue("demo.people_range", field="people", value=people,
                           low=MIN_PEOPLE, high=MAX_PEOPLE)
    rng = random.Random(seed)
    clock = clock or SystemClock()
    info = find_commune(commune_code) if commune_code is not None else _pick_commune(rng)
    report = progress or (lambda stage, done, total: None)
    report("commune", 0, 1)
    path = Path(path)
    store = create_commune_database(path, info.code, demo=True, clock=clock)
    try:
        # A bigger page cache for the build only (the connection is closed at
        # the end): 100,000 people go into four indexes in random order.
        store.conn.execute("PRAGMA cache_size = -32768")
        builder = _Builder(store, rng, info, people, seed, report)
        with store.transaction():
            builder.run()
        builder.finish()
        summary = _summarize(store, path, info, seed, started, builder.stage_seconds)
    except BaseException:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    store.close()
    report("done", 1, 1)
    summary.elapsed = round(time.perf_counter() - started, 3)
    return summary


class _Builder:
    def __init__(self, store: Store, rng: random.Random, info: CommuneInfo, people: int,
                 seed: int, report: Progress):
        self.seed = seed
        self.store = store
        self.rng = rng
        self.info = info
        self.n_people = people
        self.report = report
        self.today = store.today()
        self.now = store.now_iso()
        self.region = _region_of(info.province_code)
        self.p = _People()
        self.stage_seconds: dict[str, float] = {}
        self._t = time.perf_counter()
        # filled as the build goes
        self.area_ids: list[int] = []
        self.area_names: list[str] = []
        self.branches: dict[str, list[int]] = {}  # org code -> branch id per area
        self.committees: list[int] = []  # work committee per area
        self.org_ids: dict[str, int] = {}
        self.positions: dict[tuple[int, str], tuple[int, int]] = {}  # (org, title) -> (id, seats)
        self.org_holders: dict[int, list[int]] = {}  # org id -> current holder indexes
        self.held: dict[int, int] = {}  # person index -> current posts
        self.officer_of: list[tuple[int, int]] = []  # (person index, branch id)
        self.roles: dict[str, int] = {}  # named commune cadres -> person index
        self.cadre_level: dict[int, int] = {}  # person index -> weight class
        self.past_appointments = 0
        self.duty_tasks = 0

    def _lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stage_seconds[stage] = round(now - self._t, 3)
        self._t = now

    def run(self) -> None:
        self.store.set_meta("demo_seed", str(self.seed))
        self._areas()
        self._lap("areas")
        self._people()
        self._lap("people")
        self._appointments()
        self._lap("appointments")
        self._memberships()
        self._lap("memberships")
        self._duties()
        self._lap("duties")
        self._tasks()
        self._lap("tasks")

    def finish(self) -> None:
        """After the commit: merge the search index's segments (a bulk load
        leaves many) and fold the write-ahead log into the file, so the demo
        starts like a settled database."""
        self.report("finishing", 0, 1)
        conn = self.store.conn
        with self.store.transaction():
            conn.execute("INSERT INTO person_search (person_search) VALUES ('optimize')")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._lap("finish")

    # -- areas -----------------------------------------------------------------

    def _areas(self) -> None:
        rng = self.rng
        scale = min(1.0, self.n_people / 100_000)
        count = max(8, min(20, rng.randint(8, 14) + round(6 * scale)))
        self.report("areas", 0, count)
        store = self.store
        names = _area_names(rng, count, self.info, self.region)
        for std in STANDARD_MEMBER_ORGS:
            org_id = by_code(store, std.code)
            if org_id is not None:
                self.org_ids[std.code] = org_id
                self.branches[std.code] = []
        self.org_ids["front"] = front_committee_id(store)
        for name in names:
            area_id = add_residential_area(store, name)
            self.area_ids.append(area_id)
            self.area_names.append(name)
            for code in self.branches:
                self.branches[code].append(branch_of(store, self.org_ids[code], area_id))
            committee = store.conn.execute(
                "SELECT id FROM organization WHERE kind = 'work_committee' AND parent_id = ?",
                (area_id,),
            ).fetchone()[0]
            self.committees.append(committee)
        for pid, org, title, seats in store.conn.execute(
            "SELECT id, organization_id, title, seats FROM position ORDER BY id"
        ):
            self.positions[(org, title)] = (pid, seats)
        self.report("areas", count, count)

    # -- people ----------------------------------------------------------------

    def _people(self) -> None:
        rng = self.rng
        total = self.n_people
        maker = _PersonMaker(rng, self.today, self.info.province_code, self.region)
        weights = _Weighted([(i, rng.uniform(0.6, 1.4)) for i in range(len(self.area_ids))])
        p = self.p
        step = max(1, total // 4)

        def rows() -> Iterator[dict[str, Any]]:
            for i in range(total):
                k = weights.pick(rng)
                row, (female, age, birth, area, active, name) = maker.person(k, self.area_ids[k])
                p.female.append(female)
                p.age.append(age)
                p.birth.append(birth)
                p.area.append(area)
                p.active.append(active)
                p.names.append(name)
                if i and i % step == 0:
                    self.report("people", i, total)
                yield row

        self.report("people", 0, total)
        p.ids = add_people_bulk(self.store, rows(), log_rows=False, note="demo")
        self.report("people", total, total)

    # -- appointments ----------------------------------------------------------

    def _pools(self) -> None:
        """Who can hold which post: per area and commune-wide, active people only."""
        p = self.p
        n_areas = len(self.area_ids)
        kinds = ("adults", "senior", "women", "older_men", "youth", "former_youth")
        self.area_pools = {k: [[] for _ in range(n_areas)] for k in kinds}
        for i in range(len(p.ids)):
            if not p.active[i]:
                continue
            age, female, k = p.age[i], p.female[i], p.area[i]
            pools = self.area_pools
            if 25 <= age <= 65:
                pools["adults"][k].append(i)
            if 40 <= age <= 62:
                pools["senior"][k].append(i)
            if female and 25 <= age <= 60:
                pools["women"][k].append(i)
            if not female and 50 <= age <= 75:
                pools["older_men"][k].append(i)
            if 19 <= age <= 30:
                pools["youth"][k].append(i)
            if 30 <= age <= 40:
                pools["former_youth"][k].append(i)
        self.pools = {
            k: [i for per_area in v for i in per_area] for k, v in self.area_pools.items()
        }

    def _pick(self, pool: list[int], org_id: int, exclude: Sequence[int] = ()) -> int | None:
        if not pool:
            return None
        holders = self.org_holders.get(org_id, [])
        for _ in range(40):
            i = pool[self.rng.randrange(len(pool))]
            if i not in holders and i not in exclude:
                return i
        return None

    def _start(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.rng.randint(low, high))

    def _fill(
        self,
        org_id: int,
        title: str,
        holders: list[int | None],
        start: date,
        *,
        history_pool: list[int] | None = None,
        history_share: float = 0.0,
        acting_share: float = 0.0,
        level: int = 1,
    ) -> None:
        """Appoint ``holders`` (None: a seat left vacant) from ``start``; some
        seats get a predecessor whose term ended the day before."""
        rng = self.rng
        position_id, seats = self.positions[(org_id, title)]
        holders = holders[:seats]
        present = [h for h in holders if h is not None]
        predecessors: list[int] = []
        if history_pool:
            for _ in holders:
                if rng.random() < history_share:
                    prev = self._pick(history_pool, -position_id, exclude=present + predecessors)
                    if prev is not None:
                        predecessors.append(prev)
        end = start - timedelta(days=1)
        store = self.store
        for prev in predecessors:
            began = end - timedelta(days=rng.randint(700, 2000))
            appointment = appoint(store, position_id, self.p.ids[prev], start_on=began)
            end_appointment(store, appointment, end_on=end)
            self.past_appointments += 1
        for holder in present:
            appoint(store, position_id, self.p.ids[holder], start_on=start,
                    acting=rng.random() < acting_share)
            self.org_holders.setdefault(org_id, []).append(holder)
            self.held[holder] = self.held.get(holder, 0) + 1
            self.cadre_level[holder] = max(self.cadre_level.get(holder, 0), level)

    def _appointments(self) -> None:
        self._pools()
        rng = self.rng
        pools = self.pools
        org = self.org_ids
        total_areas = len(self.area_ids)
        self.report("appointments", 0, total_areas + 1)

        # Commune level: distinct people for the standing posts.
        chosen: list[int] = []

        def choose(pool_name: str, role: str) -> int | None:
            i = self._pick(pools[pool_name], -1, exclude=chosen)
            if i is not None:
                chosen.append(i)
                self.roles[role] = i
            return i

        front_chair = choose("senior", "front_chair")
        women_chair = choose("women", "women_chair")
        farmers_chair = choose("senior", "farmers_chair")
        veterans_chair = choose("older_men", "veterans_chair")
        youth_secretary = choose("youth", "youth_secretary")
        union_chair = choose("adults", "union_chair")
        standing_area = choose("senior", "front_member")  # also heads an area committee
        standing_office = choose("adults", "front_deputy")  # the full-time member
        women_deputy = choose("women", "women_deputy")
        farmers_deputy = choose("adults", "farmers_deputy")
        veterans_deputy = choose("older_men", "veterans_deputy")
        youth_deputies = [choose("youth", "youth_deputy_1"), choose("youth", "youth_deputy_2")]
        union_deputy = choose("adults", "union_deputy")

        term = self._start(100, 420)  # the congress after the 2025 merger
        front = org["front"]
        self._fill(front, "Chủ tịch", [front_chair], term, history_pool=pools["senior"],
                   history_share=0.8, level=4)
        # The heads of the member organizations sit on the Front committee as
        # Vice Chairs (kiêm nhiệm); the sixth seat is still vacant.
        self._fill(front, "Phó Chủ tịch",
                   [women_chair, farmers_chair, veterans_chair, youth_secretary, union_chair],
                   term, history_pool=pools["senior"], history_share=0.3, level=3)
        self._fill(front, "Ủy viên Ban Thường trực", [standing_area, standing_office], term,
                   history_pool=pools["adults"], history_share=0.3, level=3)
        commune_posts = [
            ("women", [women_chair], [women_deputy, None], "women"),
            ("farmers", [farmers_chair], [farmers_deputy], "senior"),
            ("veterans", [veterans_chair], [veterans_deputy], "older_men"),
            ("youth", [youth_secretary], youth_deputies, "former_youth"),
            ("trade_union", [union_chair], [union_deputy], "adults"),
        ]
        heads = {
            std.code: (std.positions[0][0], std.positions[1][0]) for std in STANDARD_MEMBER_ORGS
        }
        for code, chair, deputies, history in commune_posts:
            if code not in org:
                continue
            head_title, deputy_title = heads[code]
            self._fill(org[code], head_title, chair, term, history_pool=pools[history],
                       history_share=0.6, level=3)
            self._fill(org[code], deputy_title, deputies, term, history_pool=pools[history],
                       history_share=0.3, level=2)
        self.report("appointments", 1, total_areas + 1)

        # Area level. Three people are placed so that they hold three posts:
        # the Women's Union chair heads her own area's women's branch, the
        # Veterans' chair his area's veterans' branch, and the standing
        # committee member heads his area's work committee and farmers' branch.
        forced: dict[tuple[int, str], int] = {}

        def force(person: int | None, branch_code: str) -> None:
            if person is not None:
                forced[(self.p.area[person], branch_code)] = person

        force(women_chair, "women")
        force(veterans_chair, "veterans")
        force(standing_area, "farmers")
        force(standing_area, "committee")
        branch_pools = {
            "women": ("women", "women", "women"),
            "farmers": ("senior", "adults", "adults"),
            "veterans": ("older_men", "older_men", "older_men"),
            "youth": ("youth", "youth", "former_youth"),
            "trade_union": ("adults", "adults", "adults"),
        }
        for k in range(total_areas):
            area_pools = {name: per_area[k] for name, per_area in self.area_pools.items()}
            branch_heads: list[int] = []
            for std in STANDARD_MEMBER_ORGS:
                if std.code not in self.branches:
                    continue
                branch = self.branches[std.code][k]
                head_pool, deputy_pool, history = branch_pools.get(std.code, ("adults",) * 3)
                for rank, (title, seats) in enumerate(std.branch_positions):
                    start = self._start(60, 700 if std.code == "youth" else 1500)
                    pool = area_pools[head_pool if rank == 0 else deputy_pool]
                    vacancy = 0.04 if rank == 0 else 0.15
                    if std.code == "trade_union":
                        vacancy = 0.25
                    holders: list[int | None] = []
                    for seat in range(seats):
                        person = forced.get((k, std.code)) if rank == seat == 0 else None
                        if person is None and rng.random() >= vacancy:
                            person = self._pick(pool, branch)
                        holders.append(person)
                    self._fill(branch, title, holders, start, history_pool=area_pools[history],
                               history_share=0.2, acting_share=0.02, level=1)
                    for person in holders:
                        if person is not None:
                            self.officer_of.append((person, branch))
                            if rank == 0:
                                branch_heads.append(person)
            # The work committee: an elder at its head; branch heads as members.
            committee = self.committees[k]
            start = self._start(60, 1500)
            head = forced.get((k, "committee"))
            if head is None and rng.random() >= 0.04:
                head = self._pick(area_pools["senior"], committee)
            self._fill(committee, "Trưởng ban", [head], start, history_pool=area_pools["senior"],
                       history_share=0.25, level=2)
            deputy = self._pick(area_pools["adults"], committee) if rng.random() >= 0.15 else None
            self._fill(committee, "Phó Trưởng ban", [deputy], start,
                       history_pool=area_pools["adults"], history_share=0.15)
            members: list[int | None] = []
            for _ in range(3):
                person = None
                if rng.random() >= 0.2:
                    taken = members + [head, deputy]
                    candidates = [h for h in branch_heads if h not in taken]
                    if candidates and rng.random() < 0.7:
                        person = candidates[rng.randrange(len(candidates))]
                    else:
                        person = self._pick(area_pools["adults"], committee, exclude=taken)
                members.append(person)
            self._fill(committee, "Ủy viên", members, start)
            if (k + 1) % max(1, total_areas // 3) == 0:
                self.report("appointments", k + 2, total_areas + 1)

    # -- memberships -----------------------------------------------------------

    def _memberships(self) -> None:
        rng = self.rng
        p = self.p
        today = self.today.toordinal()
        month_ago = today - 30
        rural = self.info.division_type != "phường"
        farmer_share = 0.30 if rural else 0.10
        women = self.branches.get("women")
        farmers = self.branches.get("farmers")
        veterans = self.branches.get("veterans")
        youth = self.branches.get("youth")
        union = self.branches.get("trade_union")
        rows: list[tuple] = []
        seen: dict[tuple[int, int], int] = {}  # (person index, org) -> row index of an open one
        now = self.now
        days16 = 16 * 365 + 4
        days18 = 18 * 365 + 4
        days30 = 30 * 365 + 7
        iso = date.fromordinal

        def join(i: int, org_id: int | None, from_ordinal: int, left: int | None = None) -> None:
            if org_id is None:
                return
            low = max(from_ordinal, today - 25 * 365)
            high = month_ago if left is None else left
            if low > high:
                low = high
            joined = rng.randint(low, high)
            if left is None:
                if (i, org_id) in seen:
                    return
                seen[(i, org_id)] = len(rows)
            rows.append((p.ids[i], org_id, iso(joined).isoformat(),
                         iso(left).isoformat() if left is not None else None, None, now, now))

        total = len(p.ids)
        self.report("memberships", 0, total)
        for i in range(total):
            age, female, k, birth = p.age[i], p.female[i], p.area[i], p.birth[i]
            # Moved away or died: their memberships ended in the past year.
            left = None if p.active[i] else today - rng.randint(1, 365)
            if female and age >= 18 and women and rng.random() < 0.45:
                join(i, women[k], birth + days18, left)
            if age >= 18 and farmers and rng.random() < farmer_share:
                join(i, farmers[k], birth + days18, left)
            if not female and age >= 45 and veterans and rng.random() < 0.08:
                join(i, veterans[k], birth + days18 + 730, left)
            if youth and 16 <= age <= 30 and rng.random() < 0.45:
                join(i, youth[k], birth + days16, left)
            elif youth and 31 <= age <= 40 and rng.random() < 0.35:
                # Aged out of the Youth Union: the history keeps them.
                aged_out = min(birth + days30 + rng.randint(0, 365), today - 1)
                join(i, youth[k], birth + days16, aged_out)
            if union and 22 <= age <= 55 and rng.random() < 0.03:
                join(i, union[k], birth + days18 + 1460, left)
        # Officers of a branch are its members.
        for i, branch in self.officer_of:
            if (i, branch) not in seen:
                join(i, branch, p.birth[i] + days18)
        self.store.conn.executemany(
            "INSERT INTO membership (person_id, organization_id, joined_on, left_on, note,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.store.log("bulk", "membership", None, None, {"count": len(rows)}, note="demo")
        self.report("memberships", total, total)

    # -- duties ----------------------------------------------------------------

    def _duties(self) -> None:
        rng = self.rng
        store = self.store
        self.report("duties", 0, len(N.DUTIES))
        province = _lower_unit(self.info.province_name)
        fallback = self.roles.get("front_chair")
        for duty in N.DUTIES:
            title, detail, org_code, cadence, due_day, due_month, lead_days, priority, owner = duty
            org_id = self.org_ids.get(org_code)
            if org_id is None:
                continue
            person = self.roles.get(owner, fallback)
            add_duty(
                store,
                {
                    "title": title,
                    "detail": detail.format(province=province) if detail else None,
                    "organization_id": org_id,
                    "owner_id": self.p.ids[person] if person is not None else None,
                    "cadence": cadence,
                    "due_day": due_day,
                    "due_month": due_month,
                    "lead_days": lead_days,
                    "priority": priority,
                    "starts_on": self.today - timedelta(days=365 + rng.randint(0, 30)),
                },
            )
        created = generate_tasks(store)
        # A year of recurring work: mostly done, some late, a few left undone.
        today = self.today
        for task_id, due_text in store.conn.execute(
            f"SELECT id, due_on FROM task WHERE id IN ({','.join(map(str, created)) or 'NULL'})"
            " ORDER BY id"
        ).fetchall():
            due = date.fromisoformat(due_text)
            r = rng.random()
            if due < today:
                if r < 0.72:
                    early = due - timedelta(days=rng.randint(0, 4))
                    set_status(store, task_id, "done", completed_on=early)
                elif r < 0.9:
                    late = min(due + timedelta(days=rng.randint(1, 12)), today)
                    set_status(store, task_id, "done", completed_on=late)
                elif r < 0.95:
                    set_status(store, task_id, "in_progress")
                # else: still todo, overdue
            elif r < 0.35:
                set_status(store, task_id, "in_progress")
        self.duty_tasks = len(created)
        self.report("duties", len(N.DUTIES), len(N.DUTIES))

    # -- ad-hoc tasks ----------------------------------------------------------

    def _tasks(self) -> None:
        rng = self.rng
        store = self.store
        conn = store.conn
        p = self.p
        today = self.today
        target = max(150, self.n_people // 5)
        count = max(target - self.duty_tasks, target // 2)
        self.report("tasks", 0, count)

        # Who gets the work: cadres, unevenly. The standing committee carries
        # the most; a few people carry far more than their share.
        cadres = sorted(self.held)
        level_weight = {4: 14.0, 3: 10.0, 2: 3.0, 1: 1.0}
        global_pick = _Weighted(
            [(i, level_weight[self.cadre_level[i]] * min(8.0, rng.paretovariate(1.3)))
             for i in cadres]
        )
        org_pick: dict[int, _Weighted] = {}
        for org_id in sorted(self.org_holders):
            holders = self.org_holders[org_id]
            org_pick[org_id] = _Weighted(
                [(i, level_weight[self.cadre_level[i]]) for i in holders]
            )

        front = self.org_ids["front"]
        member_codes = [c for c in ("women", "farmers", "veterans", "youth", "trade_union")
                        if c in self.org_ids]
        member_weights = {"women": 8, "farmers": 6, "veterans": 4, "youth": 5, "trade_union": 2}
        org_choice = _Weighted(
            [(("front", None), 50.0)]
            + [(("member", c), member_weights[c]) for c in member_codes]
            + [(("area", None), 25.0)]
        )
        templates = _Weighted(N.TASK_TEMPLATES)
        issuers = _Weighted([((name, forms), w) for name, forms, w in N.ISSUERS])
        priorities = _Weighted([("normal", 70), ("high", 18), ("urgent", 5), ("low", 7)])
        support_counts = _Weighted([(0, 45), (1, 35), (2, 20)])
        province = _lower_unit(clean_text(self.info.province_name))
        commune = _lower_unit(clean_text(self.info.name))  # the list has double spaces
        bare = _bare_unit(self.info.province_name)
        youth_body = ("Thành đoàn " if self.info.province_name.startswith("Thành phố") else
                      "Tỉnh đoàn ") + bare
        short_names = {std.code: std.short_name for std in STANDARD_MEMBER_ORGS}
        branch_names = {
            code: [f"{std.branch_name} {area}" for area in self.area_names]
            for std in STANDARD_MEMBER_ORGS for code in [std.code] if code in self.branches
        }
        branch_codes = sorted(branch_names)
        details = [
            "Báo cáo kết quả về Ban Thường trực trước hạn.",
            "Phối hợp với các tổ chức thành viên và Ban công tác Mặt trận các khu dân cư.",
            "Có biểu mẫu kèm theo; gửi bản mềm qua hộp thư điện tử.",
            "Đề nghị các đồng chí được phân công chủ động triển khai.",
        ]
        n_areas = len(self.area_ids)
        n_people = len(p.ids)

        base = conn.execute("SELECT coalesce(max(id), 0) FROM task").fetchone()[0]
        task_rows: list[tuple] = []
        assignee_rows: list[tuple] = []
        step = max(1, count // 4)
        for n in range(count):
            task_id = base + n + 1
            kind, code = org_choice.pick(rng)
            k = rng.randrange(n_areas)
            if kind == "front":
                org_id = front
                branch_code = branch_codes[rng.randrange(len(branch_codes))]
            elif kind == "member":
                org_id = self.org_ids[code]
                branch_code = code
            else:
                org_id = self.committees[k]
                branch_code = branch_codes[rng.randrange(len(branch_codes))]
            org_short = short_names.get(code or branch_code, "Hội LHPN")
            someone = rng.randrange(n_people)
            due = today + timedelta(days=rng.randint(-365, 90))
            # The first tasks show every state at least once, however small the demo.
            scenario = _SCENARIOS[n] if n < len(_SCENARIOS) else None
            if scenario is not None and scenario[0] != (due < today):
                shift = rng.randint(-200, -5) if scenario[0] else rng.randint(0, 60)
                due = today + timedelta(days=shift)
            year = due.year
            context = {
                "year": year,
                "next_year": year + 1,
                "term_end": year + 6,
                "area": self.area_names[k],
                "branch": branch_names[branch_code][k],
                "org": org_short,
                "person": ("bà " if p.female[someone] else "ông ") + p.names[someone],
                "plan_no": rng.randint(5, 420),
                "nth": rng.randint(2, 12),
                "topic": N.TOPICS[rng.randrange(len(N.TOPICS))],
                "program": N.PROGRAMS[rng.randrange(len(N.PROGRAMS))],
                "draft": N.DRAFTS[rng.randrange(len(N.DRAFTS))],
                "occasion": N.OCCASIONS[rng.randrange(len(N.OCCASIONS))],
                "campaign": N.CAMPAIGNS[rng.randrange(len(N.CAMPAIGNS))],
                "model": N.MODELS[rng.randrange(len(N.MODELS))],
                "disaster": N.DISASTERS[rng.randrange(len(N.DISASTERS))],
            }
            for key in ("topic", "program", "draft"):
                context[key] = context[key].format(**context)
            template = templates.pick(rng)
            title = template.format(**context)

            cited = _CITED_NUMBER.search(template)
            if cited or rng.random() < 0.85:
                if cited:
                    # The title names the plan: the plan is the source document.
                    issuer, forms = N.ISSUERS[0][0], ["{n}" + cited.group(1)]
                    number_no = context["plan_no"]
                elif kind == "member" and rng.random() < 0.5:
                    issuer, forms = N.ORG_ISSUERS[code]
                    number_no = rng.randint(1, 450)
                else:
                    issuer, forms = issuers.pick(rng)
                    number_no = rng.randint(1, 450)
                issuer = issuer.format(province=province, commune=commune, youth_body=youth_body)
                number = forms[rng.randrange(len(forms))].format(n=number_no)
                source = due - timedelta(days=rng.randint(7, 60))
                if source > today:
                    source = today - timedelta(days=rng.randint(0, 14))
                source_date = source.isoformat()
            else:
                issuer = number = source_date = None
                source = due - timedelta(days=30)
            detail = None
            if rng.random() < 0.4:
                if number:
                    detail = (f"Thực hiện văn bản số {number} ngày "
                              f"{source.day:02d}/{source.month:02d}/{source.year} của {issuer}.")
                else:
                    detail = details[rng.randrange(len(details))]

            r = rng.random() if scenario is None else scenario[1]
            completed = None
            if due < today:
                if r < 0.55:
                    status = "done"
                    slack = max(0, min(10, (due - source).days))
                    completed = due - timedelta(days=rng.randint(0, slack))
                elif r < 0.75:
                    status = "done"
                    completed = min(due + timedelta(days=rng.randint(1, 40)), today)
                elif r < 0.80:
                    status = "cancelled"
                else:
                    status = "in_progress" if rng.random() < 0.6 else "todo"
            else:
                if r < 0.12:
                    status = "done"
                    low = min(max(source, today - timedelta(days=20)), today)
                    completed = low + timedelta(days=rng.randint(0, (today - low).days))
                elif r < 0.16:
                    status = "cancelled"
                elif r < 0.55:
                    status = "in_progress"
                else:
                    status = "todo"
            task_rows.append((
                task_id, title, detail, org_id, number, source_date, issuer,
                due.isoformat(), priorities.pick(rng), status,
                completed.isoformat() if completed else None, self.now, self.now,
            ))

            holders = org_pick.get(org_id)
            lead = holders.pick(rng) if holders and rng.random() < 0.7 else global_pick.pick(rng)
            assignee_rows.append((task_id, p.ids[lead], "lead"))
            team = [lead]
            for _ in range(support_counts.pick(rng)):
                for _attempt in range(8):
                    other = global_pick.pick(rng)
                    if other not in team:
                        team.append(other)
                        assignee_rows.append((task_id, p.ids[other], "support"))
                        break
            if n and n % step == 0:
                self.report("tasks", n, count)

        conn.executemany(
            "INSERT INTO task (id, title, detail, organization_id, source_number, source_date,"
            " source_issuer, due_on, priority, status, completed_on, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            task_rows,
        )
        conn.executemany(
            "INSERT INTO task_assignee (task_id, person_id, role) VALUES (?, ?, ?)", assignee_rows
        )
        store.log("bulk", "task", None, None,
                  {"count": len(task_rows), "assignees": len(assignee_rows)}, note="demo")
        self.report("tasks", count, count)


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
        elapsed=round(time.perf_counter() - started, 3),
        stage_seconds=dict(stages),
    )
