"""The demo commune's registers: a year of petitions, of the "Vì người nghèo"
fund and of oversight cases (stage "registers" of ``app.demo.builder``).

Every row is made from the build's one ``random.Random`` in a fixed order,
its dates relative to the build's clock (the last twelve months), and checked
by the registers' own domain checks (``check_petition``, ``check_entry``,
``check_case``) before it goes in. The rows then go in with one bulk insert
per register and one summary entry in the change log each, as the ad-hoc
tasks do: a real commune's year, at a demo's speed.

How many: about 6.7 x sqrt(people) petitions, 3.35 x sqrt(people) fund
entries and 0.9 x sqrt(people) cases (a 2,000-person commune: some 300, 150
and 40), capped so that a 100,000-person demo stays quick.
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

from app.demo import names as N
from app.demo import register_names as R
from app.demo.state import Builder, Weighted
from app.domain.cases import MEDIATION_OUTCOMES, OTHER_OUTCOMES, check_case
from app.domain.fund import check_entry
from app.domain.petitions import check_petition
from app.domain.registers import SEARCHED, folded
from app.text.vietnamese import clean_text

__all__ = ["add_registers", "register_counts"]

PORTAL_SINCE = date(2025, 8, 15)  # "Mặt trận số" piloted from August 2025
# The first day of Tết Nguyên đán (lunar new year), for the gifts before it.
TET = [date(2025, 1, 29), date(2026, 2, 17), date(2027, 2, 6), date(2028, 1, 26), date(2029, 2, 13),
       date(2030, 2, 3), date(2031, 1, 23), date(2032, 2, 11)]


def register_counts(people: int) -> tuple[int, int, int]:
    """(petitions, fund entries, cases) aimed at for a commune of ``people``."""
    root = math.sqrt(people)
    return (min(1200, max(60, round(6.7 * root))), min(600, max(40, round(3.35 * root))),
            min(200, max(12, round(0.9 * root))))


def add_registers(b: Builder) -> None:
    """Stage "registers": petitions, the fund, cases."""
    b.report("registers", 0, 3)
    ctx = _Context(b)
    _add_petitions(ctx)
    b.report("registers", 1, 3)
    _add_fund(ctx)
    b.report("registers", 2, 3)
    _add_cases(ctx)
    b.report("registers", 3, 3)


class _Context:
    """What the three registers draw from: the build, the window of days, and
    the people who can write a petition or head a household, by area."""

    def __init__(self, b: Builder):
        self.b = b
        self.rng = b.rng
        self.today = b.today
        self.first = b.today - timedelta(days=364)
        self.commune = clean_text(b.info.name).split(" ", 1)[-1]  # "Xã Quý Hòa" -> "Quý Hòa"
        self.province = clean_text(b.info.province_name)
        for prefix in ("Tỉnh ", "Thành phố "):
            self.province = self.province.removeprefix(prefix)
        p = b.p
        self.adults: list[list[int]] = [[] for _ in b.area_ids]
        self.heads: list[list[int]] = [[] for _ in b.area_ids]
        for i in range(len(p.ids)):
            if p.active[i] and p.age[i] >= 25:
                self.adults[p.area[i]].append(i)
                if 35 <= p.age[i] <= 85:
                    self.heads[p.area[i]].append(i)
        self.areas = Weighted([(k, len(self.adults[k]) + 1) for k in range(len(b.area_ids))])
        self.surnames = Weighted(N.SURNAMES)

    def day(self, low: date, high: date) -> date:
        low, high = max(low, self.first), min(high, self.today)
        if high < low:
            return self.today
        return low + timedelta(days=self.rng.randint(0, (high - low).days))

    def any_day(self) -> date:
        return self.day(self.first, self.today)

    def pick(self, items: list) -> Any:
        return items[self.rng.randrange(len(items))]

    def person(self, k: int, heads: bool = False) -> int | None:
        pool = (self.heads if heads else self.adults)[k] or self.adults[k]
        return self.pick(pool) if pool else None

    def free_name(self) -> str:
        rng = self.rng
        female = rng.random() < 0.5
        surname = self.surnames.pick(rng)
        middle = "Thị" if female else self.pick(["Văn", "Văn", "Đức", "Hữu", "Xuân"])
        given = self.pick(N.GIVEN_FEMALE if female else N.GIVEN_MALE)
        return ("Bà " if female else "Ông ") + f"{surname} {middle} {given}"

    def local(self, agency: str) -> str:
        """"UBND xã" -> "UBND xã Quý Hòa": an agency of this commune by its name."""
        agency = agency.format(province=self.province)
        return f"{agency} {self.commune}" if agency.endswith(" xã") else agency

    def peak_days(self) -> list[date]:
        """The days of the peak month (17/10 to 18/11) inside the window."""
        days = []
        for year in (self.first.year, self.today.year):
            d = date(year, 10, 17)
            while d <= date(year, 11, 18):
                if self.first <= d <= self.today:
                    days.append(d)
                d += timedelta(days=1)
        return days


def _bulk(b: Builder, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    b.store.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [tuple(r[c] for c in columns) for r in rows])
    b.store.log("bulk", table, None, None, {"count": len(rows)}, note="demo")


def _finish_row(b: Builder, table: str, values: dict[str, Any]) -> dict[str, Any]:
    values["search_text"] = folded(*(values.get(c) for c in SEARCHED[table]))
    values["created_at"] = values["updated_at"] = b.now
    return values


# -- petitions -------------------------------------------------------------------


def _voter_rounds(ctx: _Context) -> list[tuple[date, date]]:
    """The rounds of voter meetings in the window: before and after each
    People's Council session (mid-year, early July; year-end, early December)."""
    rounds = []
    for year in range(ctx.first.year, ctx.today.year + 1):
        for session in (date(year, 7, 10), date(year, 12, 10)):
            for low, high in ((session - timedelta(days=25), session - timedelta(days=8)),
                              (session + timedelta(days=10), session + timedelta(days=30))):
                if high >= ctx.first and low <= ctx.today:
                    rounds.append((max(low, ctx.first), min(high, ctx.today)))
    return rounds or [(ctx.first, ctx.today)]


def _add_petitions(ctx: _Context) -> None:
    b, rng, today = ctx.b, ctx.rng, ctx.today
    count = register_counts(b.n_people)[0]
    channels = Weighted([("voter_meeting", 40), ("area_meeting", 18), ("in_person", 15), ("letter", 14),
                         ("portal", 10), ("other", 3)])
    fields = Weighted([(name, spec[0]) for name, spec in R.PETITION_FIELDS.items()])
    agencies = {name: Weighted(spec[2]) for name, spec in R.PETITION_FIELDS.items()}
    rounds = _voter_rounds(ctx)
    meeting_day: dict[tuple[int, int], date] = {}
    peak = ctx.peak_days()
    rows = []
    for _ in range(count):
        channel = channels.pick(rng)
        k = ctx.areas.pick(rng)
        area = b.area_names[k]
        if channel == "voter_meeting":
            r = rng.randrange(len(rounds))
            if (r, k) not in meeting_day:
                meeting_day[(r, k)] = ctx.day(*rounds[r])
            received = meeting_day[(r, k)]
        elif channel == "area_meeting" and peak and rng.random() < 0.5:
            received = ctx.pick(peak)  # the Great Unity festival of each area, Oct-Nov
        else:
            received = ctx.any_day()
        if channel == "portal" and received < PORTAL_SINCE:
            channel = "letter"
        # who
        person = None
        name = None
        collective = {"voter_meeting": 0.35, "area_meeting": 0.3, "letter": 0.15}.get(channel, 0.0)
        x = rng.random()
        if x < collective:
            name = {"voter_meeting": "Cử tri ", "area_meeting": "Nhân dân "}.get(channel, "Nhóm hộ dân ") + area
        elif x < collective + 0.2 and channel in ("letter", "in_person", "other"):
            name = ctx.free_name()
        else:
            person = ctx.person(k)
            if person is None:
                name = "Cử tri " + area
        field = fields.pick(rng)
        _, contents, _, answers = R.PETITION_FIELDS[field]
        words = {"area": area, "year": received.year, "year_before": received.year - rng.randint(1, 3),
                 "next_year": received.year + 1, "month": rng.randint(1, 12),
                 "disaster": ctx.pick(R.DISASTERS), "province": ctx.province}
        ci = rng.randrange(len(contents))
        content = contents[ci].format(**words)
        # what became of it
        direct = rng.random() < 0.12  # the Front answers itself
        agency = forwarded = None
        if not direct:
            lag = rng.randint(5, 15) if channel == "voter_meeting" else rng.randint(1, 7)
            if received + timedelta(days=lag) <= today:
                forwarded = received + timedelta(days=lag)
                agency = ctx.local(agencies[field].pick(rng))
        due = (forwarded or received) + timedelta(days=30 if channel != "voter_meeting" else rng.choice([30, 45]))
        answered = closed = answer = note = None
        y = rng.random()
        if direct:
            answered = received + timedelta(days=rng.randint(0, 10))
            answer = ctx.pick(R.FRONT_ANSWERS)
        elif forwarded is not None:
            if y < 0.66:
                answered = forwarded + timedelta(days=rng.randint(min(3, (due - forwarded).days),
                                                                  (due - forwarded).days))
            elif y < 0.86 or (today - due).days > 90 and rng.random() < 0.8:
                answered = due + timedelta(days=rng.randint(1, 45))
            elif y < 0.89:
                closed = received + timedelta(days=rng.randint(5, 40))
                note = ctx.pick(R.WITHDRAWN_NOTES)
            if answered is not None:
                answer = answers[R.ANSWER_FOR[field][ci]].format(**words)
        if answered is not None and answered > today:
            answered = answer = None
        if closed is not None and closed > today:
            closed = note = None
        if answered is not None and rng.random() < 0.4:
            day = answered + timedelta(days=rng.randint(0, 15))
            closed = day if day <= today else None
        values = check_petition(b.store, {
            "received_on": received, "channel": channel, "person_id": b.p.ids[person] if person is not None else None,
            "from_name": name, "area_id": b.area_ids[k], "content": content, "field": field,
            "forwarded_to": agency, "forwarded_on": forwarded, "due_on": due, "note": note,
        })
        values["answered_on"] = answered.isoformat() if answered else None
        values["answer"] = answer
        values["closed_on"] = closed.isoformat() if closed else None
        values["status"] = ("closed" if closed else "answered" if answered else
                            "forwarded" if agency else "received")
        values["task_id"] = None
        rows.append(_finish_row(b, "petition", values))
    rows.sort(key=lambda v: v["received_on"])  # ids in the order they came in (a stable sort)
    _bulk(b, "petition", rows)


# -- the fund ------------------------------------------------------------------------


def _round(amount: float, step: int) -> int:
    return max(step, int(round(amount / step)) * step)


def _add_fund(ctx: _Context) -> None:
    b, rng, today = ctx.b, ctx.rng, ctx.today
    target = register_counts(b.n_people)[1]
    scale = min(5.0, max(0.6, math.sqrt(b.n_people / 2000)))
    peak = ctx.peak_days()
    n_areas = len(b.area_ids)
    receipts: list[dict[str, Any]] = []
    spending: list[dict[str, Any]] = []

    def entry(day: date, amount: int, party: str | None = None, person: int | None = None,
              k: int | None = None, purpose: str | None = None, note: str | None = None) -> dict[str, Any]:
        return {"entry_on": day, "fund": "poor", "direction": "spending" if purpose else "receipt",
                "amount": amount, "person_id": b.p.ids[person] if person is not None else None,
                "party": party, "area_id": b.area_ids[k] if k is not None else None, "purpose": purpose,
                "note": note}

    # receipts: the balance carried over, then the peak month's campaign, then the rest of the year
    receipts.append(entry(ctx.first, _round(rng.uniform(80e6, 160e6) * scale, 100_000),
                          "Kết dư Quỹ Vì người nghèo kỳ trước chuyển sang", note="Số dư chuyển sang"))
    n_receipts = round(target * 0.6)
    orgs = Weighted([((name, low, high), w) for name, w, low, high in R.ORGANIZATION_DONORS])
    kinds = Weighted([(kind, w) for kind, w in R.COMPANY_KINDS])
    area_done: set[int] = set()  # only asked whether it holds an area; never iterated
    for _ in range(n_receipts - 1):
        in_peak = bool(peak) and rng.random() < 0.72
        day = ctx.pick(peak) if in_peak else ctx.any_day()
        x = rng.random()
        if in_peak and x < 0.42:
            name, low, high = orgs.pick(rng)
            receipts.append(entry(day, _round(rng.uniform(low, high), 100_000), name))
        elif x < 0.62:
            company = (f"{kinds.pick(rng)} {ctx.pick(R.COMPANY_TRADES)} {ctx.pick(R.COMPANY_NAMES)}")
            amount = rng.uniform(2e6, 30e6) * min(scale, 2.0) * (1.0 if in_peak else 0.6)
            receipts.append(entry(day, _round(amount, 1_000_000), " ".join(company.split())))
        elif in_peak and x < 0.84 and len(area_done) < n_areas:
            k = rng.randrange(n_areas)
            while k in area_done:  # one collection per area, handed in during the peak month
                k = (k + 1) % n_areas
            area_done.add(k)
            people_here = len(ctx.adults[k]) + 1
            amount = rng.uniform(8_000, 20_000) * people_here  # the households' gifts, collected
            receipts.append(entry(day, _round(amount, 100_000),
                                  f"Ban công tác Mặt trận {b.area_names[k]} (vận động các hộ gia đình)", k=k))
        elif x < 0.95:
            k = ctx.areas.pick(rng)
            person = ctx.person(k)
            amount = _round(rng.uniform(2e5, 5e6), 100_000)
            if person is None:
                receipts.append(entry(day, amount, ctx.free_name(), k=k))
            else:
                receipts.append(entry(day, amount, person=person, k=k))
        else:
            receipts.append(entry(day, _round(rng.uniform(10e6, 50e6), 1_000_000), ctx.pick(R.HOMETOWN_DONORS)))

    # spending: houses, gifts before Tết, scholarships, health, support
    after_peak = [d for d in (p + timedelta(days=1) for p in peak) if d not in peak] or [ctx.first]

    def beneficiary(k: int | None = None) -> tuple[int, int | None]:
        k = ctx.areas.pick(rng) if k is None else k
        return k, ctx.person(k, heads=True)

    def named(day: date, amount: int, purpose: str, note: str, k: int | None = None) -> dict[str, Any]:
        k, person = beneficiary(k)
        party = None if person is not None else ctx.free_name()
        return entry(day, amount, party, person, k, purpose, note)

    disaster = ctx.pick(R.DISASTERS)
    for _ in range(max(1, round(2.5 * scale))):
        day = ctx.day(after_peak[0] + timedelta(days=5), after_peak[0] + timedelta(days=120)) \
            if rng.random() < 0.7 else ctx.any_day()
        spending.append(named(day, rng.choice([50, 50, 50, 60, 60, 70, 80]) * 1_000_000, "build_house",
                              ctx.pick(R.HOUSE_BUILD_NOTES)))
    for _ in range(max(1, round(3 * scale))):
        spending.append(named(ctx.any_day(), rng.choice([20, 25, 30, 30, 35]) * 1_000_000, "repair_house",
                              ctx.pick(R.HOUSE_REPAIR_NOTES).format(disaster=disaster)))
    for tet in TET:
        if ctx.first <= tet - timedelta(days=10) and tet - timedelta(days=25) <= today:
            for k in range(n_areas):
                if len(spending) >= target - n_receipts:
                    break
                households = rng.randint(4, 16)
                day = ctx.day(tet - timedelta(days=25), tet - timedelta(days=10))
                spending.append(entry(day, households * 500_000, f"Hộ nghèo, hộ cận nghèo {b.area_names[k]}",
                                      k=k, purpose="support", note=f"Tặng quà Tết cho {households} hộ"))
    school = date(today.year if today.month >= 9 else today.year - 1, 9, 5)
    if ctx.first <= school <= today:
        students = rng.randint(10, 30)
        spending.append(entry(school, students * 1_000_000, "Học sinh nghèo vượt khó của xã", purpose="study",
                              note=f"Trao {students} suất học bổng đầu năm học"))
    while len(spending) < target - n_receipts:
        x = rng.random()
        if x < 0.45:
            spending.append(named(ctx.any_day(), _round(rng.uniform(2e6, 10e6), 1_000_000), "health",
                                  ctx.pick(R.HEALTH_NOTES)))
        elif x < 0.85:
            spending.append(named(ctx.any_day(), _round(rng.uniform(1e6, 5e6), 500_000), "support",
                                  ctx.pick(R.SUPPORT_NOTES).format(disaster=disaster)))
        else:
            spending.append(named(ctx.any_day(), _round(rng.uniform(1e6, 3e6), 500_000), "study",
                                  "Hỗ trợ học sinh có hoàn cảnh khó khăn"))

    # The cash book: a spending is paid on the first day the fund can pay it in
    # full (the fund never ends a day below zero); what it never can, it never pays.
    receipts.sort(key=lambda e: e["entry_on"])
    spending.sort(key=lambda e: e["entry_on"])
    book: list[dict[str, Any]] = []
    balance = 0
    ri = si = 0
    waiting: list[dict[str, Any]] = []
    day = ctx.first
    while day <= today:
        while ri < len(receipts) and receipts[ri]["entry_on"] <= day:
            balance += receipts[ri]["amount"]
            book.append(receipts[ri])
            ri += 1
        while si < len(spending) and spending[si]["entry_on"] <= day:
            waiting.append(spending[si])
            si += 1
        still = []
        for e in waiting:
            if e["amount"] <= balance:
                balance -= e["amount"]
                e["entry_on"] = day
                book.append(e)
            else:
                still.append(e)
        waiting = still
        day += timedelta(days=1)

    rows = []
    numbers: dict[tuple[str, int], int] = {}
    for e in book:
        key = ("PT" if e["direction"] == "receipt" else "PC", e["entry_on"].year)
        numbers[key] = numbers.get(key, 0) + 1
        e["document_number"] = f"{key[0]}-{numbers[key]:03d}/{key[1]}"
        rows.append(_finish_row(b, "fund_entry", check_entry(b.store, e)))
    _bulk(b, "fund_entry", rows)


# -- cases ---------------------------------------------------------------------------


_DURATION = {"mediation": (2, 30), "inspection": (15, 60), "investment": (45, 240),
             "supervision": (20, 60), "criticism": (7, 30)}


def _add_cases(ctx: _Context) -> None:
    b, rng, today = ctx.b, ctx.rng, ctx.today
    count = register_counts(b.n_people)[2]
    kinds = Weighted([("mediation", 40), ("supervision", 18), ("inspection", 15), ("investment", 12),
                      ("criticism", 15)])
    mediation = Weighted([("successful", 80), ("unsuccessful", 13), ("withdrawn", 7)])
    other = Weighted([("resolved", 62), ("partly_resolved", 25), ("unresolved", 8), ("withdrawn", 5)])
    criticism = Weighted([("resolved", 75), ("partly_resolved", 25)])
    first_kinds = ["mediation", "inspection", "investment", "supervision", "criticism"]
    rows = []
    for n in range(count):
        kind = first_kinds[n] if n < len(first_kinds) else kinds.pick(rng)
        k = ctx.areas.pick(rng)
        area = b.area_names[k]
        opened = ctx.day(ctx.first, today - timedelta(days=3))
        low, high = _DURATION[kind]
        closes = opened + timedelta(days=rng.randint(low, high))
        closed = closes if closes <= today and rng.random() < 0.93 else None
        words = {"area": area, "year": opened.year, "next_year": opened.year + 1}
        parties = findings = recommendation = outcome = None
        if kind == "mediation":
            matter = ctx.pick(R.MEDIATION_MATTERS)
            one, two = ctx.person(k, heads=True), ctx.person(k, heads=True)
            names = [(("bà " if b.p.female[i] else "ông ") + b.p.names[i]) if i is not None else ctx.free_name()
                     for i in (one, two)]
            if names[0] == names[1]:
                names[1] = ctx.free_name()
            title = f"Hòa giải {matter} giữa hộ {names[0]} và hộ {names[1]}"
            parties = f"Hộ {names[0]}; hộ {names[1]} ({area})"
            if closed:
                outcome = mediation.pick(rng)
                result = ctx.pick(R.MEDIATION_SUCCESS if outcome == "successful" else R.MEDIATION_FAILURE)
                findings = ctx.pick(R.MEDIATION_FINDINGS).format(**words) + " " + (
                    result if outcome != "withdrawn" else "Các bên tự thỏa thuận, rút yêu cầu hòa giải.")
        else:
            if kind == "inspection":
                title = ctx.pick(R.INSPECTION_TITLES).format(**words)
                parties = "Ban Thanh tra nhân dân xã"
                found = R.INSPECTION_FINDINGS
            elif kind == "investment":
                project = ctx.pick(R.INVESTMENT_PROJECTS).format(**words)
                title = f"Giám sát đầu tư công trình {project}"
                company = " ".join(f"{ctx.pick(['Công ty TNHH Xây dựng', 'Công ty cổ phần Xây dựng'])}"
                                   f" {ctx.pick(R.COMPANY_NAMES)}".split())
                parties = f"Chủ đầu tư: UBND xã {ctx.commune}; đơn vị thi công: {company}"
                found = R.INVESTMENT_FINDINGS
            elif kind == "supervision":
                title = ctx.pick(R.SUPERVISION_TITLES).format(**words)
                parties = "Ban Thường trực Ủy ban MTTQ xã chủ trì, các tổ chức chính trị - xã hội phối hợp"
                found = R.SUPERVISION_FINDINGS
            else:
                title = ctx.pick(R.CRITICISM_DRAFTS).format(**words)
                parties = f"Cơ quan soạn thảo: UBND xã {ctx.commune}"
                found = R.CRITICISM_FINDINGS
            if closed:
                outcome = (criticism if kind == "criticism" else other).pick(rng)
                findings = ctx.pick(found)
                deadline = closed + timedelta(days=30)
                recommendation = ctx.pick(R.RECOMMENDATIONS).format(
                    deadline=f"{deadline.day:02d}/{deadline.month:02d}/{deadline.year}")
        values = check_case(b.store, {"kind": kind, "opened_on": opened, "title": title,
                                      "area_id": b.area_ids[k] if kind != "criticism" else None,
                                      "parties": parties, "findings": findings,
                                      "recommendation": recommendation, "note": None})
        allowed = MEDIATION_OUTCOMES if kind == "mediation" else OTHER_OUTCOMES
        assert outcome is None or outcome in allowed, (kind, outcome)
        values["closed_on"] = closed.isoformat() if closed else None
        values["outcome"] = outcome
        values["task_id"] = None
        rows.append(_finish_row(b, "oversight_case", values))
    rows.sort(key=lambda v: v["opened_on"])
    _bulk(b, "oversight_case", rows)
