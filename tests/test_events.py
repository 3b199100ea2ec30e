"""The core's one event registry: a change is heard after it commits, never
when it rolls back, always naming its database, from whichever thread wrote it."""
from __future__ import annotations

import threading

import pytest

from app.domain import add_person
from app.domain.commune import create_commune_database
from app.events import Events, database_key, process_events
from tests.helpers import COMMUNE


@pytest.fixture
def heard():
    """Every event of the process while the test runs: (name, payload)."""
    got: list[tuple[str, dict]] = []
    unsubscribe = process_events().subscribe_all(lambda name, payload: got.append((name, payload)))
    yield got
    unsubscribe()


def test_a_change_inside_a_transaction_is_heard_once_it_commits(store, heard):
    seen_inside = []
    with store.transaction():
        person, _ = add_person(store, {"full_name": "Nguyễn Thị Hoa"})
        seen_inside.append(list(heard))
    assert seen_inside == [[]]  # nobody heard of a row they could not read yet
    assert [(name, payload["ids"]) for name, payload in heard] == [("people_changed", [person])]


def test_a_rolled_back_change_is_never_heard(store, heard):
    with pytest.raises(RuntimeError):
        with store.transaction():
            add_person(store, {"full_name": "Trần Văn Nam"})
            raise RuntimeError("the import failed half way")
    assert heard == []
    assert store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0


def test_nested_transactions_are_heard_after_the_outermost_commit_each_kind_once(store, heard):
    with store.transaction():
        with store.transaction():
            an, _ = add_person(store, {"full_name": "Lê Văn An"})
        assert heard == []
        binh, _ = add_person(store, {"full_name": "Lê Thị Bình"})
        store.events.emit("tasks_changed")  # says no ids: which tasks is not known
        store.events.emit("tasks_changed", ids=[9])
    assert [(name, payload.get("ids")) for name, payload in heard] == [
        ("people_changed", [an, binh]), ("tasks_changed", None)]


def test_a_bulk_change_is_one_event_per_kind(store, heard):
    from app.domain.tasks import add_task

    with store.transaction():
        ids = [add_task(store, {"title": f"Việc số {i}", "due_on": "01/12/2026"}) for i in range(300)]
    assert [(name, payload["ids"]) for name, payload in heard] == [("tasks_changed", ids)]


def test_a_change_outside_a_transaction_is_heard_at_once(store, heard):
    store.events.emit("outbox_changed", ids=[7])
    assert heard == [("outbox_changed", {"ids": [7], "database": database_key(store.path)})]


def test_every_event_names_its_database(store, tmp_path, clock, heard):
    other = create_commune_database(tmp_path / "other.sqlite3", COMMUNE, clock=clock, actor="tester")
    heard.clear()  # its organizations, as it was made
    try:
        add_person(store, {"full_name": "Phạm Văn Cường"})
        add_person(other, {"full_name": "Hoàng Thị Dung"})
    finally:
        other.close()
    assert [payload["database"] for _, payload in heard] == [database_key(store.path), database_key(other.path)]
    assert database_key(store.path) != database_key(other.path)
    assert database_key(tmp_path / "x" / ".." / "commune.sqlite3") == database_key(store.path)


def test_a_store_on_another_thread_announces_on_the_same_registry(store, heard):
    def write_elsewhere():
        from app.db import open_store

        with open_store(store.path, clock=store.clock, actor="tester") as elsewhere:
            add_person(elsewhere, {"full_name": "Vũ Văn Em"})

    worker = threading.Thread(target=write_elsewhere)
    worker.start()
    worker.join(timeout=60)
    assert [(name, payload["database"]) for name, payload in heard] == [("people_changed", database_key(store.path))]


def test_one_broken_listener_does_not_silence_the_others():
    events = Events()
    got = []

    def broken(**_payload):
        raise ValueError("a bug in one page")

    events.subscribe("tasks_changed", broken)
    events.subscribe("tasks_changed", lambda **payload: got.append(payload))
    events.subscribe_all(lambda name, payload: got.append(name))
    events.emit("tasks_changed", ids=[1])
    assert got == [{"ids": [1]}, "tasks_changed"]


def test_unsubscribing_stops_the_calls():
    events = Events()
    got = []
    stop = events.subscribe("duties_changed", lambda **payload: got.append(payload))
    stop_all = events.subscribe_all(lambda name, payload: got.append(name))
    stop()
    stop_all()
    events.emit("duties_changed")
    assert got == []
