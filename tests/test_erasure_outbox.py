"""Erasing a person reaches the outbox: a queued report whose roster names them
is withdrawn and its copy deleted, so nothing carrying them leaves the PC."""
from __future__ import annotations

import json
import random

import pytest

from app.domain.organizations import by_code
from app.domain.people import add_person, join_organization
from app.errors import FrontDeskError
from app.reports.province_report import export_report
from app.sending.delivery import lock_path, pass_lock, retarget, run_outbox
from app.sending.folder import FolderTransport
from app.sending.outbox import get_item, list_outbox, outbox_folder, outbox_summary, put_back, queue_report
from app.sending.withdrawal import erase_person_everywhere
from app.spreadsheets.reading import read_workbook
from app.text.periods import parse_period
from tests.helpers import cli

NAME, CID = "Khổng Minh Triết", "001090012345"


def _people(store):
    erased, _ = add_person(store, {"full_name": NAME, "citizen_id": CID})
    stays, _ = add_person(store, {"full_name": "Lê Thị Hoa"})
    join_organization(store, erased, by_code(store, "farmers"), joined_on="2020-01-05")
    join_organization(store, stays, by_code(store, "farmers"), joined_on="2021-03-01")
    return erased, stays


def _export(store, path, *, with_rosters):
    export_report(store, parse_period("2026-10"), path, with_rosters=with_rosters)
    return path


def _cells(path) -> list[str]:
    return [str(c) for sheet in read_workbook(path) for row in sheet.rows for c in row if c is not None]


def _arrived(share) -> list[str]:
    return sorted(p.name for p in share.iterdir() if p.suffix == ".xlsx")


def test_a_queued_roster_naming_the_person_is_withdrawn_and_never_arrives(store, tmp_path, clock):
    erased, _stays = _people(store)
    with_names = _export(store, tmp_path / "rosters.xlsx", with_rosters=True)
    assert NAME in _cells(with_names)  # the premise: the roster carries the name
    plain = _export(store, tmp_path / "plain.xlsx", with_rosters=False)
    assert NAME not in _cells(plain)
    held = queue_report(store, with_names, period="2026-10", destination="folder:x")
    clean = queue_report(store, plain, period="2026-10", destination="folder:x")
    copy = outbox_folder(store) / held.file_path

    result = erase_person_everywhere(store, erased)

    assert result.withdrawn == (held.remote_name,) and result.already_sent == ()
    row = get_item(store, held.id)
    assert row.state == "failed" and row.withdrawn and not row.waiting
    assert "erased on request" in row.error_text("en") and "Export the report again" in row.error_text("en")
    assert not copy.exists()  # the copy that named the person is gone from the PC
    assert get_item(store, clean.id).state == "queued"
    assert outbox_summary(store).status == "waiting"  # a withdrawn report asks nothing more of anyone

    # nothing puts it back in the queue: not put_back, not a new destination, not the same bytes again
    assert put_back(store) == []
    retarget(store, "folder:elsewhere")
    assert get_item(store, held.id).state == "failed"
    with pytest.raises(FrontDeskError) as caught:
        queue_report(store, with_names, period="2026-10", destination="folder:elsewhere")
    assert caught.value.code == "outbox.withdrawn_again"
    assert not copy.exists()

    share = tmp_path / "share"
    share.mkdir()
    sent = run_outbox(store, FolderTransport(share, clock), clock, force=True, rng=random.Random(1)).sent
    assert sent == [clean.id]
    assert _arrived(share) == [clean.remote_name]
    for name in _arrived(share):
        assert NAME not in _cells(share / name)


def test_a_report_already_sent_is_named_and_its_local_copy_deleted(store, tmp_path, clock):
    erased, _stays = _people(store)
    share = tmp_path / "share"
    share.mkdir()
    transport = FolderTransport(share, clock)
    item = queue_report(store, _export(store, tmp_path / "r.xlsx", with_rosters=True), period="2026-10")
    assert run_outbox(store, transport, clock, force=True, rng=random.Random(1)).sent == [item.id]

    result = erase_person_everywhere(store, erased)

    assert result.already_sent == (item.remote_name,) and result.withdrawn == ()
    assert get_item(store, item.id).state == "sent"  # the record of what left stays true
    assert not (outbox_folder(store) / item.file_path).exists()


def test_a_report_of_other_people_stays_queued(store, tmp_path):
    erased, _stays = _people(store)
    other, _ = add_person(store, {"full_name": "Trần Văn Nam"})  # not on any roster
    item = queue_report(store, _export(store, tmp_path / "r.xlsx", with_rosters=True), period="2026-10")
    result = erase_person_everywhere(store, other)
    assert result.withdrawn == () and get_item(store, item.id).state == "queued"
    assert (outbox_folder(store) / item.file_path).exists()
    assert erased in [r[0] for r in store.conn.execute("SELECT id FROM person")]


def test_a_sending_pass_in_progress_refuses_the_erasure_and_nothing_changes(store, tmp_path):
    erased, _stays = _people(store)
    item = queue_report(store, _export(store, tmp_path / "r.xlsx", with_rosters=True), period="2026-10")
    with pass_lock(lock_path(store)) as mine:
        assert mine
        with pytest.raises(FrontDeskError) as caught:
            erase_person_everywhere(store, erased, wait=0.3)
    assert caught.value.code == "withdrawal.busy"
    assert store.conn.execute("SELECT count(*) FROM person WHERE id = ?", (erased,)).fetchone()[0] == 1
    assert get_item(store, item.id).state == "queued"


def test_a_failure_in_the_erasure_leaves_the_outbox_as_it_was(store, tmp_path, monkeypatch):
    erased, _stays = _people(store)
    item = queue_report(store, _export(store, tmp_path / "r.xlsx", with_rosters=True), period="2026-10")
    from app.domain import erasure

    def broken(*_args, **_kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(erasure, "_scrub_change_log", broken)  # fails after the outbox step, same transaction
    with pytest.raises(RuntimeError):
        erase_person_everywhere(store, erased)
    assert get_item(store, item.id).state == "queued"
    assert (outbox_folder(store) / item.file_path).exists()
    assert store.conn.execute("SELECT count(*) FROM person WHERE id = ?", (erased,)).fetchone()[0] == 1


def test_the_command_line_withdraws_the_queued_report_and_says_so(store, tmp_path, clock):
    erased, _stays = _people(store)
    db = store.path
    report = tmp_path / "bc.xlsx"
    code, out, _ = cli("export", "report", "--period", "2026-10", "--with-rosters", "--out", report, "--send",
                       "--db", db)
    assert code == 0
    [queued] = list_outbox(store)

    code, out, err = cli("erase-person", erased, "--yes", "--db", db, "--lang", "en")
    assert code == 0, err
    assert "withdrew 1 unsent report" in out and queued.remote_name in out

    share = tmp_path / "share"
    share.mkdir()
    assert cli("sync", "destination", "folder", share, "--db", db)[0] == 0
    code, out, _ = cli("sync", "run", "--db", db, "--json")
    assert code == 0 and json.loads(out)["sent"] == []
    assert _arrived(share) == []  # the report that named the person never reached the province

    code, out, _ = cli("sync", "status", "--db", db, "--json")
    assert code == 0 and ("erased on request" in out or "xóa theo yêu cầu" in out)


def test_the_command_line_json_lists_what_happened_to_the_outbox(store, tmp_path):
    erased, _stays = _people(store)
    item = queue_report(store, _export(store, tmp_path / "r.xlsx", with_rosters=True), period="2026-10")
    code, out, _ = cli("erase-person", erased, "--yes", "--db", store.path, "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["outbox_withdrawn"] == [item.remote_name] and answer["outbox_already_sent"] == []
    assert answer["person_id"] == erased


def test_a_copy_a_crash_left_after_the_commit_is_deleted_by_the_next_pass_never_sent(store, tmp_path, clock,
                                                                                      monkeypatch):
    erased, _stays = _people(store)
    item = queue_report(store, _export(store, tmp_path / "r.xlsx", with_rosters=True), period="2026-10")
    copy = outbox_folder(store) / item.file_path
    from app.sending import withdrawal

    monkeypatch.setattr(withdrawal, "delete_copies", lambda paths: None)  # the power went after the commit
    monkeypatch.setattr(withdrawal, "delete_withdrawn_copies", lambda store: 0)
    erase_person_everywhere(store, erased)
    assert copy.exists() and get_item(store, item.id).withdrawn

    share = tmp_path / "share"
    share.mkdir()
    assert run_outbox(store, FolderTransport(share, clock), clock, force=True, rng=random.Random(1)).sent == []
    assert not copy.exists() and _arrived(share) == []
