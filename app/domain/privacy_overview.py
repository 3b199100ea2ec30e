"""The personal data records at a glance, for the overview's cards: requests
past a legal clock and incidents not notified in time."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from app.db.storage import Store
from app.domain.data_requests import list_requests
from app.domain.incidents import list_incidents


@dataclass(frozen=True)
class PrivacyOverview:
    open_requests: int
    overdue_requests: int
    open_incidents: int
    overdue_notifications: int  # incidents past their 72 hours without a notification

    def as_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def overview_privacy(store: Store, today: date | None = None) -> PrivacyOverview:
    """Counts only, never a name. With ``today`` the incidents are judged at
    the end of that day, so the cards agree with the day they are shown for."""
    now = store.clock.now()
    if today is not None and today != now.date():
        now = datetime.combine(today, time(23, 59, 59), tzinfo=now.tzinfo)
    requests = list_requests(store, open=True, today=today or store.today())
    incidents = [i for i in list_incidents(store, now=now) if i.closed_on is None]
    return PrivacyOverview(len(requests), sum(r.overdue for r in requests), len(incidents),
                           sum(i.overdue for i in incidents))
