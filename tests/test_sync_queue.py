"""``frontdesk sync queue FILE``: a province report says its own commune and
period (its ``_meta``), so queuing it without ``--period`` names it as the
export did, and a report already sent is never sent again under a second
name (the outbox knows a report by its SHA-256)."""
from __future__ import annotations

import json

import pytest

from app.demo.builder import build_demo
from app.db.storage import open_store
from app.sending.outbox import list_outbox
from tests.helpers import cli


@pytest.fixture
def exported(tmp_path, clock):
    db = tmp_path / "xa.sqlite3"
    build_demo(db, people=100, seed=5, commune_code="00004", clock=clock, marked=False)
    report = tmp_path / "bc.xlsx"
    assert cli("export", "report", "--period", "2026-10", "--out", report, "--db", db)[0] == 0
    return db, report


def test_a_report_queued_without_period_is_named_from_its_meta_and_sent_once(exported, tmp_path):
    db, report = exported
    share = tmp_path / "share"
    share.mkdir()
    assert cli("sync", "destination", "folder", share, "--db", db)[0] == 0
    code, out, _ = cli("sync", "queue", report, "--db", db, "--json")
    assert code == 0, out
    queued = json.loads(out)
    assert queued["period"] == "2026-10" and queued["remote_name"].startswith("00004_2026-10_")
    code, out, _ = cli("sync", "run", "--db", db, "--json")
    assert code == 0 and len(json.loads(out)["sent"]) == 1

    # the same file again, with or without the period, even renamed: already sent, nothing new
    renamed = tmp_path / "bao-cao-thang-10.xlsx"
    renamed.write_bytes(report.read_bytes())
    for args in ((report,), (renamed,), (report, "--period", "2026-10")):
        code, out, _ = cli("sync", "queue", *args, "--db", db)
        assert code == 0 and "đã được gửi" in out, out
    assert cli("sync", "run", "--db", db)[0] == 0
    assert len([p for p in share.iterdir() if p.suffix == ".xlsx"]) == 1
    with open_store(db) as store:
        assert [i.state for i in list_outbox(store)] == ["sent"]


def test_a_period_that_contradicts_the_report_is_refused(exported):
    db, report = exported
    code, out, err = cli("sync", "queue", report, "--period", "2026-11", "--db", db)
    assert code == 1 and "2026-10" in err and "2026-11" in err and "Traceback" not in err
    with open_store(db) as store:
        assert list_outbox(store) == []


def test_a_file_that_is_not_a_report_is_queued_as_given(exported, tmp_path):
    db, _ = exported
    other = tmp_path / "notes.xlsx"
    other.write_bytes(b"not a workbook")
    code, out, _ = cli("sync", "queue", other, "--period", "2026-11", "--db", db, "--json")
    assert code == 0 and json.loads(out)["remote_name"].startswith("00004_2026-11_")
    code, out, _ = cli("sync", "queue", other, "--db", db, "--json")  # same bytes: the same row
    assert code == 0 and json.loads(out)["period"] == "2026-11"
