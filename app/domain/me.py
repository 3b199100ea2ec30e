"""Who is using the app, as a person on the roster ("my tasks").

The app knows its user only by the operating-system account name
(``store.actor``). The first time someone asks for their own tasks they pick
themselves on the roster once; the link is kept in the database, one per
account, so two staff sharing the office PC under their own accounts each see
their own work.
"""
from __future__ import annotations

from app.db import logged
from app.db.storage import Store

_KEY = "my_person:"


def _key(store: Store) -> str:
    return _KEY + (store.actor or "")


def my_person_id(store: Store) -> int | None:
    """The person the app's user said they are, or None if not said yet (or
    that person has since been removed from the roster)."""
    value = store.meta(_key(store))
    if not value or not value.isdigit():
        return None
    person_id = int(value)
    return person_id if logged.fetch(store, "person", person_id) is not None else None


def set_my_person(store: Store, person_id: int) -> None:
    """Remember that the app's user is ``person_id`` (raises NotFound for no such person)."""
    logged.require(store, "person", int(person_id))
    before = store.meta(_key(store))
    with store.transaction():
        store.set_meta(_key(store), str(int(person_id)))
        store.log("update", "meta", None, {_key(store): before}, {_key(store): str(int(person_id))})
