"""The app's user linked once to a person on the roster, per OS account."""
from __future__ import annotations

import pytest

from app.db.storage import open_store
from app.domain.me import my_person_id, set_my_person
from app.domain.people import add_person
from app.errors import NotFound


def test_not_linked_until_the_user_says_who_they_are(store):
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan"})
    assert my_person_id(store) is None
    set_my_person(store, lan)
    assert my_person_id(store) == lan
    logged = store.conn.execute(
        "SELECT actor, table_name FROM change_log WHERE table_name = 'meta'"
    ).fetchall()
    assert logged == [("tester", "meta")]


def test_each_os_account_has_its_own_link(store, clock):
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan"})
    hai, _ = add_person(store, {"full_name": "Trần Văn Hải"})
    set_my_person(store, lan)
    with open_store(store.path, actor="hai", clock=clock) as other:
        assert my_person_id(other) is None
        set_my_person(other, hai)
        assert my_person_id(other) == hai
    assert my_person_id(store) == lan  # survives another account's choice and a reopen


def test_an_unknown_person_is_refused_and_nothing_kept(store):
    with pytest.raises(NotFound):
        set_my_person(store, 999)
    assert my_person_id(store) is None


def test_a_removed_person_is_no_longer_me(store):
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan"})
    set_my_person(store, lan)
    with store.transaction():
        store.conn.execute("DELETE FROM person WHERE id = ?", (lan,))
    assert my_person_id(store) is None
