"""The demo commune's residential areas and people (part of ``app.demo.builder``).

Names, birth dates, citizen IDs and phones are drawn to look like a real
roster, gaps included. Every draw comes from the build's one
``random.Random``, in a fixed order: moving a draw changes every demo that
follows it, so the order here is part of the demo's definition.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, Iterator

from app.demo import names as N
from app.text.admin_units import CommuneInfo
from app.text.citizen_id import PROVINCE_CODES
from app.domain.organizations import (
    STANDARD_MEMBER_ORGS,
    add_residential_area,
    branch_of,
    by_code,
    front_committee_id,
)
from app.domain.people import add_people_bulk

from app.demo.state import Builder, Weighted

__all__ = ["add_areas", "add_people"]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


# -- people ----------------------------------------------------------------------

# (youngest, oldest, weight): the adult population of a Vietnamese commune.
_AGE_BANDS = Weighted(
    [
        ((16, 19), 6.0), ((20, 24), 8.0), ((25, 29), 8.5), ((30, 34), 9.0), ((35, 39), 9.0),
        ((40, 44), 8.5), ((45, 49), 8.0), ((50, 54), 7.0), ((55, 59), 6.5), ((60, 64), 5.5),
        ((65, 69), 4.5), ((70, 74), 3.5), ((75, 79), 2.2), ((80, 84), 1.5), ((85, 90), 1.0),
    ]
)

# Mobile prefixes in use since 2018 (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile).
_PHONE_PREFIXES = Weighted(
    [
        ("032", 3), ("033", 3), ("034", 3), ("035", 3), ("036", 3), ("037", 3), ("038", 3),
        ("039", 3), ("086", 3), ("096", 5), ("097", 6), ("098", 6), ("081", 2), ("082", 2),
        ("083", 2), ("084", 2), ("085", 2), ("088", 2), ("091", 5), ("094", 4), ("070", 2),
        ("076", 2), ("077", 2), ("078", 2), ("079", 2), ("089", 2), ("090", 4), ("093", 3),
        ("052", 0.5), ("056", 1), ("058", 1), ("092", 1), ("059", 0.5), ("099", 0.5),
    ]
)


class _PersonMaker:
    def __init__(self, rng: random.Random, today: date, province_code: str, region: str):
        self.rng = rng
        self.today = today
        info = N.REGIONS[region]
        factors = N.REGIONAL_SURNAMES[info["surname_region"]]
        self.surnames = Weighted([(s, w * factors.get(s, 1.0)) for s, w in N.SURNAMES])
        self.middle_male_old = Weighted(N.MIDDLE_MALE_OLD)
        self.middle_male = Weighted(N.MIDDLE_MALE)
        self.middle_female_old = Weighted(N.MIDDLE_FEMALE_OLD)
        self.middle_female = Weighted(N.MIDDLE_FEMALE)
        self.minority_styles = Weighted(info["minority_style"])
        self.kinh_style_other = Weighted(info["kinh_style_other"])
        self.religion_default = Weighted(
            N.RELIGIONS_SOUTH if region == "south" else N.RELIGIONS_DEFAULT
        )
        self.religion_by_ethnicity = {
            k: Weighted(v) for k, v in sorted(N.RELIGIONS_BY_ETHNICITY.items())
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


def add_people(b: Builder) -> None:
    """Stage "people": ``b.n_people`` people spread unevenly over the areas,
    inserted in bulk; their facts are kept in ``b.p`` for the later stages."""
    rng = b.rng
    total = b.n_people
    maker = _PersonMaker(rng, b.today, b.info.province_code, b.region)
    weights = Weighted([(i, rng.uniform(0.6, 1.4)) for i in range(len(b.area_ids))])
    p = b.p
    step = max(1, total // 4)

    # A generator: each row is made as the bulk insert takes it, so the
    # progress reports come while the insert runs, not before it.
    def rows() -> Iterator[dict[str, Any]]:
        for i in range(total):
            k = weights.pick(rng)
            row, (female, age, birth, area, active, name) = maker.person(k, b.area_ids[k])
            p.female.append(female)
            p.age.append(age)
            p.birth.append(birth)
            p.area.append(area)
            p.active.append(active)
            p.names.append(name)
            if i and i % step == 0:
                b.report("people", i, total)
            yield row

    b.report("people", 0, total)
    p.ids = add_people_bulk(b.store, rows(), log_rows=False, note="demo")
    b.report("people", total, total)


# -- residential areas -------------------------------------------------------------


def _area_names(rng: random.Random, count: int, info: CommuneInfo, region: str) -> list[str]:
    if info.division_type == "phường":
        prefix = N.WARD_AREA_PREFIX.get(region, N.WARD_AREA_PREFIX_DEFAULT)
        return [f"{prefix} {i}" for i in range(1, count + 1)]
    styles = Weighted(N.AREA_STYLES[region])
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


def add_areas(b: Builder) -> None:
    """Stage "areas": the residential areas (each with its work committee and
    branches, made by the domain function), and the ids of the commune's
    organizations and positions that the later stages fill."""
    rng = b.rng
    scale = min(1.0, b.n_people / 100_000)
    count = max(8, min(20, rng.randint(8, 14) + round(6 * scale)))
    b.report("areas", 0, count)
    store = b.store
    names = _area_names(rng, count, b.info, b.region)
    for std in STANDARD_MEMBER_ORGS:
        org_id = by_code(store, std.code)
        if org_id is not None:
            b.org_ids[std.code] = org_id
            b.branches[std.code] = []
    b.org_ids["front"] = front_committee_id(store)
    for name in names:
        area_id = add_residential_area(store, name)
        b.area_ids.append(area_id)
        b.area_names.append(name)
        for code in b.branches:
            b.branches[code].append(branch_of(store, b.org_ids[code], area_id))
        committee = store.conn.execute(
            "SELECT id FROM organization WHERE kind = 'work_committee' AND parent_id = ?",
            (area_id,),
        ).fetchone()[0]
        b.committees.append(committee)
    for pid, org, title, seats in store.conn.execute(
        "SELECT id, organization_id, title, seats FROM position ORDER BY id"
    ):
        b.positions[(org, title)] = (pid, seats)
    b.report("areas", count, count)
