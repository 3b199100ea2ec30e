"""Erasing a person on request: every row and change-log value that names
them goes, in one transaction, and not even the file's free pages keep them."""
from __future__ import annotations

import json
from io import StringIO

import pytest

from app.cli import run
from app.domain.change_log import ChangeFilter, iter_changes
from app.domain.duties import add_duty
from app.domain.erasure import erase_person
from app.domain.me import my_person_id, set_my_person
from app.domain.organizations import by_code
from app.domain.people import add_person, join_organization, leave_organization, update_person
from app.domain.positions import appoint
from app.domain.tasks import add_task
from app.errors import NotFound
from app.safety.checks import run_checks

NAME, CID, PHONE = "Khổng Minh Triết", "001090012345", "0912345678"


def scenario(store):
    erased, _ = add_person(store, {"full_name": NAME, "citizen_id": CID, "phone": PHONE, "note": "nhà gần chợ"})
    stays, _ = add_person(store, {"full_name": "Lê Thị Hoa", "phone": "0987000111"})
    membership = join_organization(store, erased, by_code(store, "farmers"), joined_on="2020-01-05", note="chuyển từ xã khác")
    leave_organization(store, membership, left_on="2024-06-01")
    join_organization(store, erased, by_code(store, "veterans"))
    join_organization(store, stays, by_code(store, "women"))
    appoint(store, 1, erased, start_on="2025-01-01", note="bầu tại đại hội")
    task = add_task(store, {"title": "Báo cáo tháng"}, lead_id=stays, support_ids=[erased])
    duty = add_duty(store, {"title": "Họp giao ban", "cadence": "monthly", "due_day": 5,
                            "organization_id": 1, "owner_id": erased, "starts_on": "2026-01-01"})
    update_person(store, erased, {"phone": "0911222333"})
    set_my_person(store, erased)
    return erased, stays, task, duty


def _log_text(store) -> str:
    return "\n".join(" ".join(map(str, r)) for r in store.conn.execute("SELECT * FROM change_log"))


def test_the_person_and_every_trace_of_them_are_gone(store):
    erased, stays, task, duty = scenario(store)
    stays_history = [e.as_json() for e in iter_changes(store, ChangeFilter(person_id=stays))]
    result = erase_person(store, erased)
    assert (result.memberships, result.appointments, result.task_assignments) == (2, 1, 1)
    q = lambda sql, *a: store.conn.execute(sql, a).fetchall()  # noqa: E731
    assert q("SELECT id FROM person") == [(stays,)]
    assert q("SELECT count(*) FROM membership WHERE person_id = ?", erased) == [(0,)]
    assert q("SELECT count(*) FROM appointment") == [(0,)]
    assert q("SELECT person_id, role FROM task_assignee WHERE task_id = ?", task) == [(stays, "lead")]
    assert q("SELECT owner_id FROM duty WHERE id = ?", duty) == [(None,)]
    assert my_person_id(store) is None
    text = _log_text(store)
    for trace in (NAME, CID, PHONE, "0911222333", "nhà gần chợ", "chuyển từ xã khác", "bầu tại đại hội"):
        assert trace not in text, trace
    # no entry still points at the erased person
    assert list(iter_changes(store, ChangeFilter(person_id=erased))) == []
    # the other person's history stays, only the link to the erased one is blanked
    # in the task they shared; the erasure itself is recorded, without a name
    blanked = json.loads(json.dumps(stays_history).replace(f'"person_id": {erased},', '"person_id": null,'))
    assert blanked != stays_history
    assert [e.as_json() for e in iter_changes(store, ChangeFilter(person_id=stays))] == blanked
    last = store.conn.execute("SELECT action, table_name, row_id, after, note FROM change_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last[:3] == ("delete", "person", None) and last[4] == "erased-on-request"
    assert json.loads(last[3]) == {"erased_on_request": True, "memberships": 2, "appointments": 1, "task_assignments": 1}
    assert [r.status for r in run_checks(store) if r.status == "fail"] == []


def test_nothing_is_left_in_the_file_either(store):
    erased, *_ = scenario(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = store.path.read_bytes()
    assert NAME.encode() in raw and CID.encode() in raw  # the test would find them
    erase_person(store, erased)
    store.close()
    files = [store.path] + [store.path.with_name(store.path.name + s) for s in ("-wal", "-shm")]
    data = b"".join(p.read_bytes() for p in files if p.exists())
    for trace in (NAME, CID, PHONE, "0911222333", "nhà gần chợ"):
        assert trace.encode() not in data, trace


def test_a_new_person_with_the_same_id_has_a_history_of_their_own(store):
    erased, *_ = scenario(store)
    erase_person(store, erased)
    store.conn.execute("DELETE FROM person WHERE id > ?", (erased,))  # make the id the next one given
    newcomer, _ = add_person(store, {"full_name": "Người Mới"})
    history = list(iter_changes(store, ChangeFilter(person_id=newcomer)))
    assert [(e.table, e.action) for e in history] == [("person", "insert")]


def test_erasing_nobody_changes_nothing(store):
    with pytest.raises(NotFound):
        erase_person(store, 999)


def test_erase_from_the_command_line_asks_for_yes_and_backs_up_first(store):
    erased, *_ = scenario(store)
    store.close()
    out, err = StringIO(), StringIO()
    assert run(["erase-person", str(erased), "--db", str(store.path)], out=out, err=err) == 1
    assert "--yes" in err.getvalue()
    out, err = StringIO(), StringIO()
    assert run(["erase-person", str(erased), "--yes", "--db", str(store.path), "--json"], out=out, err=err) == 0
    assert json.loads(out.getvalue())["memberships"] == 2
    backups = list((store.path.parent / "commune-backups").glob("*-before-erasure.sqlite3"))
    assert len(backups) == 1
