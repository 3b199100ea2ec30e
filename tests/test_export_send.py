"""``frontdesk export report --send``: the report leaves through the outbox, once."""
from __future__ import annotations

import json

from app.demo.builder import build_demo
from app.reports.report_file import read_report
from tests.helpers import cli


def test_an_exported_report_is_queued_and_sent_to_the_folder(tmp_path, clock):
    db = tmp_path / "xa.sqlite3"
    build_demo(db, people=300, seed=3, commune_code="00004", clock=clock, marked=False)
    report = tmp_path / "bc.xlsx"

    code, out, _ = cli("export", "report", "--period", "2026-10", "--out", report, "--send", "--db", db)
    assert code == 0 and "chưa đặt nơi gửi" in out  # queued all the same, and told what to do

    share = tmp_path / "share"
    share.mkdir()
    assert cli("sync", "destination", "folder", share, "--db", db)[0] == 0
    code, out, _ = cli("sync", "run", "--db", db, "--json")
    assert code == 0 and len(json.loads(out)["sent"]) == 1
    sent = [p for p in share.iterdir() if p.suffix == ".xlsx"]
    assert len(sent) == 1 and sent[0].name.startswith("00004_2026-10_")
    assert sent[0].read_bytes() == report.read_bytes()
    assert read_report(sent[0]).meta["period"] == "2026-10"

    code, out, _ = cli("export", "report", "--period", "2026-10", "--out", tmp_path / "b2.xlsx", "--send",
                       "--db", db, "--json")
    assert code == 0
    queued = json.loads(out)["outbox"]
    assert queued["state"] == "queued" and queued["destination"] == f"folder:{share}"
    assert cli("sync", "run", "--db", db)[0] == 0
    assert len([p for p in share.iterdir() if p.suffix == ".xlsx"]) == 2  # a new export is a new file


def test_a_demo_communes_report_is_never_queued(tmp_path, clock):
    """What once sent a report of the demo's 'Xã Vân Du, Nghệ An' to a province folder."""
    db = tmp_path / "demo.sqlite3"
    build_demo(db, people=120, seed=3, clock=clock)  # marked, as frontdesk demo and the window make it
    share = tmp_path / "share"
    share.mkdir()
    assert cli("sync", "destination", "folder", share, "--db", db)[0] == 0
    code, _, err = cli("export", "report", "--period", "2026-10", "--out", tmp_path / "bc.xlsx", "--send", "--db", db)
    assert code == 1 and "xã mẫu" in err and "Traceback" not in err
    assert read_report(tmp_path / "bc.xlsx").demo  # the file is there, marked
    code, _, err = cli("sync", "queue", tmp_path / "bc.xlsx", "--db", db)
    assert code == 1 and "xã mẫu" in err
    code, out, _ = cli("sync", "run", "--db", db, "--json")
    assert code == 0 and json.loads(out)["sent"] == [] and list(share.iterdir()) == []
