"""Which backups to keep: tiers in time, within a size budget.

Tiers, each counted back from the newest backup (like ``borg prune``: a day
with no backup does not use up a day's place, so a PC left off for a month
keeps its older copies):

- recent:  the newest 10 backups, whatever their moment;
- daily:   the newest backup of each of the last 14 days that have one;
- safety:  the newest 3 made before a restore or a migration (the way back
           from a restore of the wrong file);
- weekly:  the newest of each of the last 8 ISO weeks;
- monthly: the newest of each of the last 12 months.

A backup kept by several tiers belongs to the most important one, in the
order above from least to most important: a monthly copy is the only way
back to last spring, while recent copies overlap the dailies. Backups that
no tier keeps are deleted. If the kept ones still weigh more than the
budget (2 GB), the oldest of the least important tier goes first, one at a
time, until they fit; the newest good backup is never deleted, even alone
over budget.

A PC whose clock has gone back (a flat CMOS battery resets it to years ago)
would stamp its newest backups as the oldest, and the tiers would delete
them first: while the clock is behind the newest backup, nothing is pruned.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Hashable

from app import durable
from app import messages
from app.db.backups import PARTIAL_SUFFIX, BackupInfo, list_backups, parse_backup_name, verify_backup

TIERS = ("recent", "daily", "safety", "weekly", "monthly")  # least important first
SAFETY_REASONS = ("before-restore", "before-migration")
STALE_PARTIAL_SECONDS = 3600  # older than this, a .partial is a crash's leftover
CLOCK_SLACK = timedelta(days=1)  # backups from "the future" beyond this: the clock went back

messages.register(
    {
        "backup.tier.recent": ("gần đây", "recent"),
        "backup.tier.daily": ("hằng ngày", "daily"),
        "backup.tier.safety": ("bản an toàn", "safety copy"),
        "backup.tier.weekly": ("hằng tuần", "weekly"),
        "backup.tier.monthly": ("hằng tháng", "monthly"),
    }
)


def tier_text(tier: str | None, lang: str | None = None) -> str:
    """The tier that keeps a backup, in words; "" for none."""
    return messages.text(f"backup.tier.{tier}", lang) if tier in TIERS else (tier or "")


@dataclass(frozen=True)
class RetentionPolicy:
    recent: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12
    safety: int = 3
    budget_bytes: int = 2 * 1024**3


DEFAULT_POLICY = RetentionPolicy()


@dataclass
class PrunePlan:
    keep: list[tuple[BackupInfo, str]] = field(default_factory=list)  # (backup, tier), newest first
    remove: list[BackupInfo] = field(default_factory=list)

    @property
    def kept_bytes(self) -> int:
        return sum(info.size for info, _tier in self.keep)


def _newest_per(backups: list[BackupInfo], period: Callable[[BackupInfo], Hashable], count: int) -> list[BackupInfo]:
    chosen, seen = [], set()
    for info in backups:  # newest first: the first of each period is its newest
        key = period(info)
        if key in seen:
            continue
        seen.add(key)
        if len(seen) > count:
            break
        chosen.append(info)
    return chosen


def _week(info: BackupInfo) -> tuple[int, int]:
    year, week, _day = info.created_at.isocalendar()
    return year, week


def assign_tiers(backups: list[BackupInfo], policy: RetentionPolicy = DEFAULT_POLICY) -> dict[Path, str]:
    """The tier that keeps each backup (``backups`` newest first); a backup
    no tier keeps is left out of the answer."""
    kept_by = {
        "recent": backups[: policy.recent],
        # the day, week and month of the moment as the clock that made it saw it
        "daily": _newest_per(backups, lambda b: b.created_at.date(), policy.daily),
        "safety": [b for b in backups if b.reason.startswith(SAFETY_REASONS)][: policy.safety],
        "weekly": _newest_per(backups, _week, policy.weekly),
        "monthly": _newest_per(backups, lambda b: (b.created_at.year, b.created_at.month), policy.monthly),
    }
    tiers: dict[Path, str] = {}
    for tier in TIERS:  # later tiers are more important and overwrite
        for info in kept_by[tier]:
            tiers[info.path] = tier
    return tiers


def plan_pruning(
    backups: list[BackupInfo], policy: RetentionPolicy = DEFAULT_POLICY, *, protect: Path | None = None
) -> PrunePlan:
    """What to keep and what to delete; deletes nothing. ``protect`` is the
    newest good backup (default: the newest listed)."""
    backups = sorted(backups, key=lambda b: (b.created_at.timestamp(), b.path.name), reverse=True)
    if not backups:
        return PrunePlan()
    protect = protect or backups[0].path
    tiers = assign_tiers(backups, policy)
    tiers.setdefault(protect, "recent")
    plan = PrunePlan(
        keep=[(b, tiers[b.path]) for b in backups if b.path in tiers],
        remove=[b for b in backups if b.path not in tiers],
    )
    rank = {tier: i for i, tier in enumerate(TIERS)}
    while plan.kept_bytes > policy.budget_bytes:
        candidates = [(i, b, t) for i, (b, t) in enumerate(plan.keep) if b.path != protect]
        if not candidates:
            break
        # least important tier first; within it the oldest (last in the list)
        i, victim, _tier = min(candidates, key=lambda c: (rank[c[2]], -c[0]))
        del plan.keep[i]
        plan.remove.append(victim)
    return plan


def _stale_partials(folder: Path, now: float) -> list[Path]:
    stale = []
    for path in folder.glob("frontdesk-*" + PARTIAL_SUFFIX):
        if parse_backup_name(path.name[: -len(PARTIAL_SUFFIX)]) is None:
            continue
        try:
            if now - path.stat().st_mtime > STALE_PARTIAL_SECONDS:
                stale.append(path)
        except OSError:
            continue
    return stale


def clock_is_behind(backups: list[BackupInfo], now: datetime) -> bool:
    """True when some backup is stamped well after ``now``: the clock went back."""
    return any(b.created_at > now + CLOCK_SLACK for b in backups)


def prune_backups(
    folder: Path, policy: RetentionPolicy = DEFAULT_POLICY, *, now: datetime | None = None,
    newest_good: Path | None = None,
) -> list[Path]:
    """Apply the policy to ``folder``; returns the files deleted. Files that
    are not complete backups are left alone, except a crash's old ``.partial``.
    Nothing is deleted while the clock (``now``) is behind the newest backup.
    ``newest_good``: a backup just made and checked (saves reading it again)."""
    folder = Path(folder)
    backups = list_backups(folder)
    now = now or datetime.now().astimezone()
    if now.tzinfo is None:
        now = now.astimezone()
    if clock_is_behind(backups, now):
        return []
    # The newest backup that really reads back is the one that must survive.
    if newest_good is not None and backups and backups[0].path == Path(newest_good):
        protect: Path | None = backups[0].path
    else:
        protect = next((b.path for b in backups if not verify_backup(b.path)), None)
    plan = plan_pruning(backups, policy, protect=protect)
    removed = []
    for path in [b.path for b in plan.remove] + _stale_partials(folder, time.time()):
        try:
            durable.remove(path, missing_ok=False)
            removed.append(path)
        except FileNotFoundError:
            continue
        except OSError:
            continue  # in use (Windows) or read-only: tried again next time
    return removed
