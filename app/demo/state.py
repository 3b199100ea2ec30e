"""The state one demo build shares between its stages (``builder`` runs them;
``people``, ``roles`` and ``work`` are the stages), and the small tools they
all draw with."""
from __future__ import annotations

import random
import time
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Sequence

from app.db.storage import Store
from app.demo import names as N
from app.progress import ProgressCallback
from app.text.admin_units import CommuneInfo


class Weighted:
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


def region_of(province_code: str) -> str:
    """The naming region (surnames, area styles) of a province."""
    for region, info in N.REGIONS.items():
        if province_code in info["provinces"]:
            return region
    return "north_delta"


@dataclass
class People:
    """Compact facts about the generated people, by index (0-based, in insert order):
    what the later stages need to pick officers and members without reading
    the rows back."""

    ids: list[int] = field(default_factory=list)
    female: list[bool] = field(default_factory=list)
    age: list[int] = field(default_factory=list)  # as the stored birth date shows it
    birth: list[int] = field(default_factory=list)  # true birth date, ordinal
    area: list[int] = field(default_factory=list)  # index into the area list
    active: list[bool] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


class Builder:
    """The state of one build, shared by the stage modules: each stage reads
    what the earlier ones left here and adds its own. One object rather than
    return values, because the later stages need most of what came before."""

    def __init__(self, store: Store, rng: random.Random, info: CommuneInfo, people: int,
                 seed: int, report: ProgressCallback):
        self.seed = seed
        self.store = store
        self.rng = rng
        self.info = info
        self.n_people = people
        self.report = report
        self.today = store.today()
        self.now = store.now_iso()
        self.region = region_of(info.province_code)
        self.p = People()
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

    def lap(self, stage: str) -> None:
        """Note how long the stage that just ended took."""
        now = time.perf_counter()
        self.stage_seconds[stage] = round(now - self._t, 3)
        self._t = now
