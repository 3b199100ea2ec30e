"""Completing a data subject's erasure request: the person is erased the way
``frontdesk erase-person`` erases them — from the database and from the
outbox (``app.sending.withdrawal``) — and then the request is marked done.

Two steps, in that order: a crash between them leaves the person erased and
the request open without its link (the erasure took the name off it), and
completing it again only records the day and outcome. The other order could
leave a request marked done for a person still there.
"""
from __future__ import annotations

from datetime import date

from app.db import logged
from app.db.storage import Store
from app.domain.data_requests import complete_request
from app.sending.withdrawal import PersonErased, erase_person_everywhere


def complete_erasure_request(store: Store, request_id: int, *, on: date | str | None = None,
                             outcome: str | None = None, wait: float = 30.0) -> PersonErased | None:
    """Erase the request's person everywhere, then mark the request done on
    ``on`` (default: today). Any other kind of request is completed as
    ``complete_request`` does. Returns what the erasure did, or None when
    there was nobody left to erase."""
    current = logged.require(store, "data_request", int(request_id))
    erased = None
    if current["kind"] == "erasure" and current["person_id"] is not None and current["completed_on"] is None:
        erased = erase_person_everywhere(store, current["person_id"], wait=wait)
    complete_request(store, current["id"], on=on, outcome=outcome)
    return erased
