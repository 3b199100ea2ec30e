"""The change log read back: filters, pages, masked citizen IDs, the Excel
export (streamed, no formulas from user text) and ``frontdesk changes``."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from openpyxl import load_workbook

from app.clock import FixedClock
from app.domain.change_log import ChangeFilter, count_changes, iter_changes, list_changes
from app.domain.organizations import by_code
from app.domain.people import add_person, join_organization, update_person
from app.domain.positions import appoint
from app.domain.tasks import add_task
from app.errors import FrontDeskError
from app.reports.change_log_export import export_changes
from tests.helpers import cli

VN = timezone(timedelta(hours=7))
CID = "001090012345"


def _at(store, day: int, hour: int = 9) -> None:
    store.clock = FixedClock(datetime(2026, 12, day, hour, tzinfo=VN))


def scenario(store):
    """Two staff members at work over three days."""
    _at(store, 10)
    store.actor = "lan"
    bao, _ = add_person(store, {"full_name": "Trần Văn Bảo", "citizen_id": CID, "phone": "0912345678"})
    other, _ = add_person(store, {"full_name": "=HYPERLINK(\"http://x\")", "note": "+cmd|' /C calc'!A0"})
    _at(store, 11)
    store.actor = "hung"
    join_organization(store, bao, by_code(store, "farmers"), joined_on="2020-01-05")
    appoint(store, 1, bao, start_on="2025-01-01")
    task = add_task(store, {"title": "Báo cáo tháng", "due_on": "2026-11-30"}, lead_id=other, support_ids=[bao])
    _at(store, 12)
    update_person(store, bao, {"phone": "0987654321"})
    return bao, other, task


def test_filters_by_day_who_table_and_person(store):
    bao, other, task = scenario(store)
    everything = count_changes(store)
    assert everything == count_changes(store, ChangeFilter(since=date(2026, 12, 10))) + count_changes(
        store, ChangeFilter(until=date(2026, 12, 9)))
    assert {e.actor for e in iter_changes(store, ChangeFilter(since=date(2026, 12, 11)))} == {"hung"}
    day11 = list(iter_changes(store, ChangeFilter(since=date(2026, 12, 11), until=date(2026, 12, 11))))
    assert {(e.table, e.action) for e in day11} == {
        ("membership", "insert"), ("appointment", "insert"), ("task", "insert"), ("task_assignee", "update")}
    lan = list(iter_changes(store, ChangeFilter(actor="lan")))
    assert [e.table for e in lan] == ["person", "person"]
    mine = list(iter_changes(store, ChangeFilter(person_id=bao)))
    assert [(e.table, e.action) for e in mine] == [
        ("person", "update"), ("task_assignee", "update"), ("appointment", "insert"), ("membership", "insert"),
        ("person", "insert")]
    theirs = list(iter_changes(store, ChangeFilter(person_id=other)))
    assert [(e.table, e.action) for e in theirs] == [("task_assignee", "update"), ("person", "insert")]
    only = ChangeFilter(tables=("person",), actions=("update",))
    assert [e.row_id for e in iter_changes(store, only)] == [bao]


def test_pages_are_newest_first_and_cover_everything_once(store):
    scenario(store)
    total = count_changes(store)
    seen, before_id = [], None
    while True:
        page = list_changes(store, before_id=before_id, limit=3)
        seen += [e.id for e in page.entries]
        if page.next_before_id is None:
            break
        before_id = page.next_before_id
    assert len(seen) == total and seen == sorted(seen, reverse=True) and len(set(seen)) == total


def test_citizen_ids_are_masked_unless_asked_for(store):
    bao, _, _ = scenario(store)
    inserted = list_changes(store, ChangeFilter(person_id=bao, actions=("insert",), tables=("person",))).entries[0]
    assert inserted.after["citizen_id"] == "001******345"
    assert CID not in json.dumps([e.as_json() for e in iter_changes(store)])
    revealed = list_changes(store, ChangeFilter(person_id=bao, tables=("person",), actions=("insert",)),
                            reveal_citizen_ids=True).entries[0]
    assert revealed.after["citizen_id"] == CID


def test_the_excel_export_is_text_only_and_masked(store, tmp_path):
    scenario(store)
    out = tmp_path / "nhat-ky.xlsx"
    count = export_changes(store, out, lang="vi")
    assert count == count_changes(store)
    assert not list(tmp_path.glob("*.partial"))
    wb = load_workbook(out)
    ws = wb["Nhật ký thay đổi"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Thời điểm", "Người thực hiện", "Thao tác")
    assert len(rows) == count + 1
    cells = [c for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    text = "\n".join(str(c.value) for c in cells if c.value is not None)
    assert "=HYPERLINK" in text and CID not in text and "001******345" in text
    assert rows[1][0] == "12/12/2026 09:00:00" and rows[1][2] == "Sửa"
    english = tmp_path / "log.xlsx"
    export_changes(store, english, ChangeFilter(actor="lan"), lang="en", reveal_citizen_ids=True)
    rows = list(load_workbook(english).active.iter_rows(values_only=True))
    assert rows[0][0] == "When" and len(rows) == 3 and CID in "".join(map(str, rows[2]))


def test_the_export_reports_progress_and_a_cancelled_one_leaves_no_file(store, tmp_path):
    import pytest

    from app.progress import Cancelled

    with store.transaction():
        for i in range(1200):
            store.log("update", "meta", None, {"k": i}, {"k": i + 1})
    total = count_changes(store)
    folder = tmp_path / "exports"
    folder.mkdir()
    heard = []
    export_changes(store, folder / "all.xlsx", progress=lambda *report: heard.append(report))
    assert heard[0] == ("rows", 0, total) and ("rows", 1000, total) in heard and heard[-1] == ("save", 0, 0)

    def stop(stage, done, total):
        if done >= 500:
            raise Cancelled()

    from openpyxl.worksheet import _writer

    streamed_before = list(_writer.ALL_TEMP_FILES)
    with pytest.raises(Cancelled):
        export_changes(store, folder / "stopped.xlsx", progress=stop)
    assert sorted(p.name for p in folder.iterdir()) == ["all.xlsx"]
    # nor half the log left in openpyxl's temporary file until the app quits
    assert _writer.ALL_TEMP_FILES == streamed_before
    with pytest.raises(FrontDeskError) as caught:
        export_changes(store, tmp_path / "no-such-folder" / "log.xlsx")
    assert caught.value.code == "changes.export_failed" and not (tmp_path / "no-such-folder").exists()


def test_frontdesk_changes(store, tmp_path):
    bao, _, _ = scenario(store)
    db = str(store.path)
    code, out, err = cli("changes", "--db", db, "--since", "11/12/2026", "--who", "hung", "--json")
    assert code == 0, err
    assert {e["table"] for e in json.loads(out)} == {"membership", "appointment", "task", "task_assignee", "person"}
    code, out, _ = cli("changes", "--db", db, "--person", str(bao), "--limit", "2")
    assert code == 0 and "5 thay đổi khớp (hiện 2" in out and "0987654321" in out
    code, out, _ = cli("changes", "--db", db, "--out", str(tmp_path / "x.xlsx"), "--lang", "en")
    assert code == 0 and "Wrote" in out and (tmp_path / "x.xlsx").exists()
    code, _, err = cli("changes", "--db", db, "--since", "31/02/2026")
    assert code == 1 and "--since" in err
    code, out, _ = cli("changes", "--db", db, "--until", "01/01/2020")
    assert code == 0 and "Không có thay đổi nào" in out
