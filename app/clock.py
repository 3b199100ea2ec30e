"""Time, passed in rather than read from globals, so tests can fix it."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Protocol


class Clock(Protocol):
    """What "now" and "today" are: the system's, or a test's fixed moment."""

    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc).astimezone()

    def today(self) -> date:
        return self.now().date()


class FixedClock:
    """A clock that stands still (or moves only when told): for tests and demos."""

    def __init__(self, moment: datetime | date) -> None:
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, 9, 0)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()


def iso_timestamp(moment: datetime) -> str:
    """ISO 8601 with the UTC offset, to the second."""
    return moment.isoformat(timespec="seconds")
