"""The change log read back: filters, pages, masked citizen IDs, the words it
is told in (the same in the window, ``frontdesk changes`` and the Excel
export, Vietnamese and English), the export (streamed, no formulas from user
text) and ``frontdesk changes``."""
from __future__ import annotations

from datetime import datetime

import json
from datetime import date, timedelta, timezone

from openpyxl import load_workbook

from app.clock import FixedClock
from app.domain.change_log import ChangeFilter, count_changes, iter_changes, list_changes
from app.domain.organizations import by_code
from app.domain.people import add_person, join_organization, update_person
from app.domain.positions import appoint
from app.domain.tasks import add_task, set_statuses
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
    set_statuses(store, [task], "done", completed_on="2026-12-12")
    update_person(store, bao, {"phone": "0987654321"})
    return bao, other, task


# What the raw log says and no person should have to read: table and column
# names, stored codes of closed choices.
RAW = ("full_name", "person_id", "organization_id", "task_assignee", "completed_on", "due_on", "citizen_id",
       "status: todo", "'todo'", "joined_on", "membership", "appointment")


def assert_no_raw_names(text: str) -> None:
    found = [raw for raw in RAW if raw in text]
    assert found == [], f"raw names shown: {found}\n{text}"


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


def _table(ws) -> list[tuple]:
    """The rows from the header row down (a title comes first)."""
    rows = list(ws.iter_rows(values_only=True))
    first = next(n for n, row in enumerate(rows) if row[0] in ("Thời điểm", "When"))
    return rows[first:]


def test_the_excel_export_is_a_document(store, tmp_path):
    scenario(store)
    out = tmp_path / "nhat-ky.xlsx"
    count = export_changes(store, out, lang="vi")
    ws = load_workbook(out)["Nhật ký thay đổi"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "NHẬT KÝ THAY ĐỔI DỮ LIỆU" and f"{count} mục" in rows[1][0] and "Phường Ba Đình" in rows[1][0]
    header = next(n for n, row in enumerate(rows) if row[0] == "Thời điểm") + 1
    assert ws.print_title_rows == f"${header}:${header}" and ws.freeze_panes == f"A{header + 1}"
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    first = ws.cell(header + 1, 1)
    assert isinstance(first.value, datetime) and first.number_format == "dd/mm/yyyy hh:mm:ss"  # sorts as a date
    moments = [r[0] for r in rows[header:]]
    assert moments == sorted(moments, reverse=True)  # newest first
    # no empty inline strings: an empty value is an empty cell
    from zipfile import ZipFile

    xml = ZipFile(out).read("xl/worksheets/sheet1.xml")
    assert b"<t></t>" not in xml and b"<t/>" not in xml
    assert {c.font.name for row in ws.iter_rows() for c in row if c.value is not None} == {"Times New Roman"}


def test_the_excel_export_is_text_only_and_masked(store, tmp_path):
    scenario(store)
    out = tmp_path / "nhat-ky.xlsx"
    count = export_changes(store, out, lang="vi")
    assert count == count_changes(store)
    assert [p.name for p in tmp_path.iterdir() if p.name != "commune.sqlite3" and "commune" not in p.name] == [
        "nhat-ky.xlsx"]  # no temporary file left
    wb = load_workbook(out)
    ws = wb["Nhật ký thay đổi"]
    rows = _table(ws)
    assert rows[0][:3] == ("Thời điểm", "Người thực hiện", "Thao tác")
    assert len(rows) == count + 1
    cells = [c for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    text = "\n".join(str(c.value) for c in cells if c.value is not None)
    assert "=HYPERLINK" in text and CID not in text and "001******345" in text


def test_the_export_speaks_words_in_vietnamese_and_english(store, tmp_path):
    bao, other, task = scenario(store)
    out = tmp_path / "nhat-ky.xlsx"
    export_changes(store, out, lang="vi")
    rows = _table(load_workbook(out)["Nhật ký thay đổi"])
    assert rows[0] == ("Thời điểm", "Người thực hiện", "Thao tác", "Hồ sơ", "Nội dung thay đổi", "Ghi chú")
    assert rows[1] == (datetime(2026, 12, 12, 9, 0), "hung", "Sửa thông tin người", "Trần Văn Bảo",
                       "Điện thoại: 0912345678 → 0987654321", None)
    by_what = {r[2]: r for r in rows[1:]}
    assert by_what["Sửa công việc"][3:5] == (
        "Báo cáo tháng", "Trạng thái: Chưa thực hiện → Đã hoàn thành\nNgày hoàn thành: — → 12/12/2026")
    assert by_what["Thêm hội viên"][3:5] == (
        "Trần Văn Bảo — Hội Nông dân", "Người: Trần Văn Bảo\nTổ chức: Hội Nông dân\nNgày vào: 05/01/2020")
    assert by_what["Phân công công việc"][4] == (
        "Người thực hiện: — → Chủ trì: =HYPERLINK(\"http://x\"); Phối hợp: Trần Văn Bảo")
    assert "Hạn: 30/11/2026" in by_what["Thêm công việc"][4]
    added = [r for r in rows if r[2] == "Thêm người" and r[3] == "Trần Văn Bảo"][0]
    assert "Số CCCD: 001******345" in added[4].splitlines()
    assert_no_raw_names("\n".join(str(c) for row in rows for c in row if c is not None))

    english = tmp_path / "log.xlsx"
    export_changes(store, english, lang="en", reveal_citizen_ids=True)
    rows = _table(load_workbook(english)["Change log"])
    assert rows[0] == ("When", "Who", "What", "Record", "Changes", "Note")
    assert rows[1][2:5] == ("Edited a person", "Trần Văn Bảo", "Phone: 0912345678 → 0987654321")
    by_what = {r[2]: r for r in rows[1:]}
    assert by_what["Edited a task"][4] == "Task status: To do → Done\nCompleted on: — → 12/12/2026"
    assert by_what["Assigned a task"][4] == (
        "Assigned to: — → Lead: =HYPERLINK(\"http://x\"); Support: Trần Văn Bảo")
    added = [r for r in rows if r[2] == "Added a person" and r[3] == "Trần Văn Bảo"][0]
    assert f"Citizen ID: {CID}" in added[4].splitlines()  # asked for in full
    assert_no_raw_names("\n".join(str(c) for row in rows for c in row if c is not None))


def test_a_page_is_put_into_words_with_one_query_per_table(store):
    from app.domain.change_words import changes_in_words
    from app.domain.people import add_person as add

    farmers = by_code(store, "farmers")
    people = [add(store, {"full_name": f"Người Thứ {i}"})[0] for i in range(60)]
    for person in people:
        join_organization(store, person, farmers, joined_on="2020-01-05")
        update_person(store, person, {"phone": "0912345678"})
    entries = list_changes(store, limit=180).entries
    statements = []
    store.conn.set_trace_callback(statements.append)
    try:
        changes = changes_in_words(store, entries, "vi")
    finally:
        store.conn.set_trace_callback(None)
    assert len(changes) == 180 and {c.which for c in changes} >= {f"Người Thứ {i}" for i in range(60)}
    assert all(c.which == f"{c.fields[0].after} — Hội Nông dân" for c in changes if c.what == "Thêm hội viên")
    # memberships, then people and organizations: never one query per entry
    assert len(statements) <= 3, statements


def test_settings_erasures_and_bulk_entries_in_words(store):
    from app.domain.change_words import changes_in_words
    from app.domain.erasure import erase_person
    from app.domain.me import set_my_person

    store.actor = "lan"
    hoa, _ = add_person(store, {"full_name": "Lê Thị Hoa"})
    set_my_person(store, hoa)
    gone, _ = add_person(store, {"full_name": "Đỗ Văn Nam"})
    join_organization(store, gone, by_code(store, "farmers"))
    erase_person(store, gone)
    with store.transaction():
        store.log("bulk", "person", None, None, {"count": 3}, note="demo")
    vi = changes_in_words(store, list_changes(store, limit=10).entries, "vi")
    en = changes_in_words(store, list_changes(store, limit=10).entries, "en")
    assert [(c.what, c.note) for c in vi[:2]] == [("Thêm 3 người", "dữ liệu mẫu"),
                                                    ("Xóa hẳn một người theo yêu cầu", "xóa theo yêu cầu")]
    assert vi[1].lines == ("Xóa theo yêu cầu: Có", "Quá trình sinh hoạt: 1", "Chức danh đã giữ: 0", "Phân công: 0")
    assert [(c.what, c.note) for c in en[:2]] == [("Added 3 people", "demo data"),
                                                    ("Erased a person on request", "erased on request")]
    setting = [c for c in vi if c.what == "Đổi cài đặt"][0]
    assert setting.which == "Người dùng ứng dụng (lan)"
    assert setting.lines == ("Người dùng ứng dụng (lan): — → Lê Thị Hoa",)
    assert [c for c in en if c.what == "Changed a setting"][0].lines == ("Who uses the app (lan): — → Lê Thị Hoa",)


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

    with pytest.raises(Cancelled):
        export_changes(store, folder / "stopped.xlsx", progress=stop)
    assert sorted(p.name for p in folder.iterdir()) == ["all.xlsx"]  # nothing half-written, no temporary file
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
    english = _table(load_workbook(tmp_path / "x.xlsx")["Change log"])
    assert english[1][2:4] == ("Edited a person", "Trần Văn Bảo")
    code, _, err = cli("changes", "--db", db, "--since", "31/02/2026")
    assert code == 1 and "--since" in err
    code, out, _ = cli("changes", "--db", db, "--until", "01/01/2020")
    assert code == 0 and "Không có thay đổi nào" in out


def test_frontdesk_changes_speaks_words_in_vietnamese_and_english(store):
    bao, _, _ = scenario(store)
    db = str(store.path)
    code, out, err = cli("changes", "--db", db, "--lang", "vi")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1:3] == ["12/12/2026 09:00  hung         Sửa thông tin người — Trần Văn Bảo",
                          "    Điện thoại: 0912345678 → 0987654321"]
    assert "    Trạng thái: Chưa thực hiện → Đã hoàn thành" in lines
    assert "    Ngày hoàn thành: — → 12/12/2026" in lines
    assert any(line.endswith("Thêm hội viên — Trần Văn Bảo — Hội Nông dân") for line in lines)
    assert "    Ngày vào: 05/01/2020" in lines and "    Số CCCD: 001******345" in lines and CID not in out
    assert_no_raw_names(out)

    code, out, err = cli("changes", "--db", db, "--lang", "en", "--show-citizen-ids")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1:3] == ["12/12/2026 09:00  hung         Edited a person — Trần Văn Bảo",
                          "    Phone: 0912345678 → 0987654321"]
    assert "    Task status: To do → Done" in lines and "    Completed on: — → 12/12/2026" in lines
    assert any(line.endswith("Appointed to a position — Trần Văn Bảo — " + appointed_post(store)) for line in lines)
    assert f"    Citizen ID: {CID}" in lines
    assert_no_raw_names(out)


def appointed_post(store) -> str:
    title, org = store.conn.execute(
        "SELECT p.title, o.name FROM position p JOIN organization o ON o.id = p.organization_id WHERE p.id = 1"
    ).fetchone()
    return f"{title} — {org}"
