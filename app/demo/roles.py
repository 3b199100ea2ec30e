"""Who holds which post and who belongs to what, in the demo commune (part of
``app.demo.builder``).

Appointments go through the domain functions (``appoint``,
``end_appointment``) so they obey the same rules as real ones; memberships,
tens of thousands of rows, go in with one bulk insert and one change-log
entry. Draws come from the build's one ``random.Random`` in a fixed order:
the order is part of the demo's definition.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

from app.domain.organizations import STANDARD_MEMBER_ORGS
from app.domain.positions import appoint, end_appointment

from app.demo.state import Builder

__all__ = ["appoint_cadres", "add_memberships"]

def _pools(b: Builder) -> tuple[dict[str, list[list[int]]], dict[str, list[int]]]:
    """Who can hold which post: per area and commune-wide, active people only
    (indexes into ``b.p``)."""
    p = b.p
    n_areas = len(b.area_ids)
    kinds = ("adults", "senior", "women", "older_men", "youth", "former_youth")
    area_pools: dict[str, list[list[int]]] = {k: [[] for _ in range(n_areas)] for k in kinds}
    for i in range(len(p.ids)):
        if not p.active[i]:
            continue
        age, female, k = p.age[i], p.female[i], p.area[i]
        if 25 <= age <= 65:
            area_pools["adults"][k].append(i)
        if 40 <= age <= 62:
            area_pools["senior"][k].append(i)
        if female and 25 <= age <= 60:
            area_pools["women"][k].append(i)
        if not female and 50 <= age <= 75:
            area_pools["older_men"][k].append(i)
        if 19 <= age <= 30:
            area_pools["youth"][k].append(i)
        if 30 <= age <= 40:
            area_pools["former_youth"][k].append(i)
    # Commune-wide: the areas' pools one after another, in area order.
    commune_pools = {k: [i for per_area in v for i in per_area] for k, v in area_pools.items()}
    return area_pools, commune_pools


def _pick(b: Builder, pool: list[int], org_id: int, exclude: Sequence[int] = ()) -> int | None:
    """Someone from ``pool`` not yet holding a post in ``org_id`` nor in
    ``exclude``; None after 40 misses (a small pool may have nobody left),
    and the caller leaves the seat vacant."""
    if not pool:
        return None
    holders = b.org_holders.get(org_id, [])
    for _ in range(40):
        i = pool[b.rng.randrange(len(pool))]
        if i not in holders and i not in exclude:
            return i
    return None


def _start(b: Builder, low: int, high: int) -> date:
    return b.today - timedelta(days=b.rng.randint(low, high))


def _fill(
    b: Builder,
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
    rng = b.rng
    position_id, seats = b.positions[(org_id, title)]
    holders = holders[:seats]
    present = [h for h in holders if h is not None]
    predecessors: list[int] = []
    if history_pool:
        for _ in holders:
            if rng.random() < history_share:
                prev = _pick(b, history_pool, -position_id, exclude=present + predecessors)
                if prev is not None:
                    predecessors.append(prev)
    end = start - timedelta(days=1)
    store = b.store
    for prev in predecessors:
        began = end - timedelta(days=rng.randint(700, 2000))
        appointment = appoint(store, position_id, b.p.ids[prev], start_on=began)
        end_appointment(store, appointment, end_on=end)
        b.past_appointments += 1
    for holder in present:
        appoint(store, position_id, b.p.ids[holder], start_on=start,
                acting=rng.random() < acting_share)
        b.org_holders.setdefault(org_id, []).append(holder)
        b.held[holder] = b.held.get(holder, 0) + 1
        b.cadre_level[holder] = max(b.cadre_level.get(holder, 0), level)


def appoint_cadres(b: Builder) -> None:
    """Stage "appointments": the commune's standing posts, then every area's
    branch officers and work committee; fills ``b.roles``, ``b.org_holders``,
    ``b.held``, ``b.cadre_level`` and ``b.officer_of`` for the later stages."""
    area_pools, pools = _pools(b)
    rng = b.rng
    org = b.org_ids
    total_areas = len(b.area_ids)
    b.report("appointments", 0, total_areas + 1)

    # Commune level: distinct people for the standing posts.
    chosen: list[int] = []

    def choose(pool_name: str, role: str) -> int | None:
        i = _pick(b, pools[pool_name], -1, exclude=chosen)
        if i is not None:
            chosen.append(i)
            b.roles[role] = i
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

    term = _start(b, 100, 420)  # the congress after the 2025 merger
    front = org["front"]
    _fill(b, front, "Chủ tịch", [front_chair], term, history_pool=pools["senior"],
          history_share=0.8, level=4)
    # The heads of the member organizations sit on the Front committee as
    # Vice Chairs (kiêm nhiệm); the sixth seat is still vacant.
    _fill(b, front, "Phó Chủ tịch",
          [women_chair, farmers_chair, veterans_chair, youth_secretary, union_chair],
          term, history_pool=pools["senior"], history_share=0.3, level=3)
    _fill(b, front, "Ủy viên Ban Thường trực", [standing_area, standing_office], term,
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
        _fill(b, org[code], head_title, chair, term, history_pool=pools[history],
              history_share=0.6, level=3)
        _fill(b, org[code], deputy_title, deputies, term, history_pool=pools[history],
              history_share=0.3, level=2)
    b.report("appointments", 1, total_areas + 1)

    # Area level. Three people are placed so that they hold three posts:
    # the Women's Union chair heads her own area's women's branch, the
    # Veterans' chair his area's veterans' branch, and the standing
    # committee member heads his area's work committee and farmers' branch.
    forced: dict[tuple[int, str], int] = {}

    def force(person: int | None, branch_code: str) -> None:
        if person is not None:
            forced[(b.p.area[person], branch_code)] = person

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
        here = {name: per_area[k] for name, per_area in area_pools.items()}
        branch_heads: list[int] = []
        for std in STANDARD_MEMBER_ORGS:
            if std.code not in b.branches:
                continue
            branch = b.branches[std.code][k]
            head_pool, deputy_pool, history = branch_pools.get(std.code, ("adults",) * 3)
            for rank, (title, seats) in enumerate(std.branch_positions):
                start = _start(b, 60, 700 if std.code == "youth" else 1500)
                pool = here[head_pool if rank == 0 else deputy_pool]
                vacancy = 0.04 if rank == 0 else 0.15
                if std.code == "trade_union":
                    vacancy = 0.25
                holders: list[int | None] = []
                for seat in range(seats):
                    person = forced.get((k, std.code)) if rank == seat == 0 else None
                    if person is None and rng.random() >= vacancy:
                        person = _pick(b, pool, branch)
                    holders.append(person)
                _fill(b, branch, title, holders, start, history_pool=here[history],
                      history_share=0.2, acting_share=0.02, level=1)
                for person in holders:
                    if person is not None:
                        b.officer_of.append((person, branch))
                        if rank == 0:
                            branch_heads.append(person)
        # The work committee: an elder at its head; branch heads as members.
        committee = b.committees[k]
        start = _start(b, 60, 1500)
        head = forced.get((k, "committee"))
        if head is None and rng.random() >= 0.04:
            head = _pick(b, here["senior"], committee)
        _fill(b, committee, "Trưởng ban", [head], start, history_pool=here["senior"],
              history_share=0.25, level=2)
        deputy = _pick(b, here["adults"], committee) if rng.random() >= 0.15 else None
        _fill(b, committee, "Phó Trưởng ban", [deputy], start,
              history_pool=here["adults"], history_share=0.15)
        members: list[int | None] = []
        for _ in range(3):
            person = None
            if rng.random() >= 0.2:
                taken = members + [head, deputy]
                candidates = [h for h in branch_heads if h not in taken]
                if candidates and rng.random() < 0.7:
                    person = candidates[rng.randrange(len(candidates))]
                else:
                    person = _pick(b, here["adults"], committee, exclude=taken)
            members.append(person)
        _fill(b, committee, "Ủy viên", members, start)
        if (k + 1) % max(1, total_areas // 3) == 0:
            b.report("appointments", k + 2, total_areas + 1)


def add_memberships(b: Builder) -> None:
    """Stage "memberships": who belongs to which branch, with the history a
    year of use leaves (people who left, youths who aged out)."""
    rng = b.rng
    p = b.p
    today = b.today.toordinal()
    month_ago = today - 30
    rural = b.info.division_type != "phường"
    farmer_share = 0.30 if rural else 0.10
    women = b.branches.get("women")
    farmers = b.branches.get("farmers")
    veterans = b.branches.get("veterans")
    youth = b.branches.get("youth")
    union = b.branches.get("trade_union")
    rows: list[tuple] = []
    seen: dict[tuple[int, int], int] = {}  # (person index, org) -> row index of an open one
    now = b.now
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
    b.report("memberships", 0, total)
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
    for i, branch in b.officer_of:
        if (i, branch) not in seen:
            join(i, branch, p.birth[i] + days18)
    b.store.conn.executemany(
        "INSERT INTO membership (person_id, organization_id, joined_on, left_on, note,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    b.store.log("bulk", "membership", None, None, {"count": len(rows)}, note="demo")
    b.report("memberships", total, total)
