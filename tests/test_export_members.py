"""The roster export: Vietnamese order, personal data masked unless asked,
no formula from user text, progress and cancel, flat memory, the CLI."""
from __future__ import annotations

import json
import re
import tracemalloc
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.organizations import add_residential_area, branch_of, by_code
from app.domain.people import add_person, join_organization, leave_organization
from app.progress import Cancelled
from app.domain.consent import record_consent
from app.reports.member_list import export_members
from app.spreadsheets.reading import read_workbook
from tests.helpers import TODAY, cli

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1", "-x", "@SUM(A1)", "=cmd|' /C calc'!A0"]


def table(path) -> tuple[list, list[list]]:
    """The header and the people's rows of an exported roster."""
    rows = read_workbook(path)[0].rows
    start = next(n for n, r in enumerate(rows) if r[0] == "STT")
    body = []
    for r in rows[start + 1:]:
        if not isinstance(r[0], (int, float)) or r[0] == "":
            break
        body.append(r)
    return rows[start], body


@pytest.fixture
def people(store):
    area = add_residential_area(store, "Thôn Tây")
    women = branch_of(store, by_code(store, "women"), area)
    names = ["Trần Thị Ánh", "Nguyễn Văn An", "Lê Thị Ân", "Đỗ Văn Bình", "Nguyễn Thị Ấn", "Phạm Văn Dũng",
             "Vũ Thị Đào", "Hoàng Văn Anh"]
    ids = {}
    for n, name in enumerate(names):
        ids[name] = add_person(store, {
            "full_name": name, "gender": "female" if "Thị" in name else "male", "birth_date": f"0{n + 1}/01/19{70 + n}",
            "ethnicity": "Tày" if n % 2 else "Kinh", "religion": "Công giáo" if n == 2 else None,
            "citizen_id": f"0010{n}{n}012345"[:12], "phone": f"09120000{n}{n}", "area_id": area,
        })[0]
    for name in ("Trần Thị Ánh", "Lê Thị Ân", "Vũ Thị Đào"):
        join_organization(store, ids[name], women, joined_on="01/01/2020")
    left = join_organization(store, ids["Nguyễn Thị Ấn"], women, joined_on="01/01/2020")
    leave_organization(store, left, left_on="01/06/2026")
    return store


def test_everyone_sorted_the_vietnamese_way_with_ids_masked(people, tmp_path):
    out = tmp_path / "ds.xlsx"
    result = export_members(people, out)
    header, body = table(out)
    assert result.rows == len(body) == 8
    assert header == ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Số điện thoại", "Khu dân cư", "Tổ chức"]
    # given name first (An < Anh < Ánh < Ân < Ấn < Bình < Dũng < Đào), then the rest
    assert [r[1] for r in body] == ["Nguyễn Văn An", "Hoàng Văn Anh", "Trần Thị Ánh", "Lê Thị Ân", "Nguyễn Thị Ấn",
                                    "Đỗ Văn Bình", "Phạm Văn Dũng", "Vũ Thị Đào"]
    assert [r[0] for r in body] == list(range(1, 9))
    cids = [r[4] for r in body]
    assert all(re.fullmatch(r"\d{3}\*{6}\d{3}", c) for c in cids)
    assert body[2][7] == "Hội LHPN" and body[4][7] == ""  # she left in June
    assert body[0][3] == "02/01/1971"  # dd/mm/yyyy
    texts = {v for r in body for v in r}
    assert "Tày" not in texts and "Công giáo" not in texts


def test_asked_for_ids_ethnicity_and_religion(people, tmp_path):
    out = tmp_path / "ds.xlsx"
    # ethnicity and religion by person only with a recorded basis (tests/test_privacy_sensitive.py)
    [le_thi_an] = [r[0] for r in people.conn.execute("SELECT id FROM person WHERE full_name = 'Lê Thị Ân'")]
    record_consent(people, le_thi_an, method="written", on="01/11/2026", scope="Danh sách hội viên")
    export_members(people, out, with_citizen_id=True, with_ethnicity_religion=True, purpose="Kiểm tra")
    header, body = table(out)
    assert header[4:7] == ["Dân tộc", "Tôn giáo", "Số CCCD"]
    ids = [r[6] for r in body]
    assert all(isinstance(c, str) and re.fullmatch(r"\d{12}", c) for c in ids)  # text: leading zeros kept
    assert "Công giáo" in {r[5] for r in body}
    assert [r[4] for r in body if r[1] != "Lê Thị Ân"] == [""] * 7  # no basis, no ethnicity


def test_one_organization_and_a_residential_area(people, tmp_path):
    out = tmp_path / "hoi.xlsx"
    result = export_members(people, out, org_id=by_code(people, "women"))
    _, body = table(out)
    assert [r[1] for r in body] == ["Trần Thị Ánh", "Lê Thị Ân", "Vũ Thị Đào"]
    assert result.organization == "Hội Liên hiệp Phụ nữ"
    area = people.conn.execute("SELECT id FROM organization WHERE name = 'Thôn Tây'").fetchone()[0]
    export_members(people, out, org_id=area)
    assert len(table(out)[1]) == 8  # the people who live there


def test_no_formula_from_user_text(people, tmp_path):
    for text in HOSTILE:
        add_person(people, {"full_name": text, "note": text})
    out = tmp_path / "ds.xlsx"
    export_members(people, out)
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert not re.search(r"<f[ >]", sheet)
    ws = openpyxl.load_workbook(out).active
    cells = [c for row in ws.iter_rows() for c in row if c.value in HOSTILE]
    assert {c.value for c in cells} == set(HOSTILE)
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    header, _ = table(out)
    assert header[-1] == "Ghi chú"  # someone has a note: the column is there


def test_a_valid_workbook_with_print_setup(people, tmp_path):
    out = tmp_path / "ds.xlsx"
    export_members(people, out)
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "Danh sách" and ws.print_title_rows
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.freeze_panes is not None
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "PHƯỜNG BA ĐÌNH" in texts
    name = ws.cell(next(c.row for c in ws["B"] if c.value == "Nguyễn Văn An"), 2)
    assert name.font.name == "Times New Roman" and name.border.left.style == "thin"


def test_progress_and_cancel(people, tmp_path, monkeypatch):
    import app.reports.member_list as module

    monkeypatch.setattr(module, "PROGRESS_EVERY", 3)
    heard = []
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "ds.xlsx"
    export_members(people, out, progress=lambda *a: heard.append(a))
    assert heard[0] == ("members", 0, 8) and heard[-1] == ("members", 8, 8)
    assert ("members", 6, 8) in heard
    before = out.read_bytes()

    def stop(stage, done, total):
        if done >= 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_members(people, out, progress=stop)
    assert out.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["ds.xlsx"]  # no temporary left behind


def test_memory_stays_flat_as_the_roster_grows(tmp_path):
    """Peak memory of the export (tracemalloc) for 3,000 and for 24,000
    people: eight times the rows, nowhere near eight times the memory."""
    peaks = []
    for people in (3_000, 24_000):
        db = tmp_path / f"demo-{people}.sqlite3"
        build_demo(db, people=people, seed=3, commune_code="00004", clock=FixedClock(TODAY))
        with open_store(db, clock=FixedClock(TODAY)) as store:
            tracemalloc.start()
            export_members(store, tmp_path / f"ds-{people}.xlsx")
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    # what does grow: each member's organizations (a short text per member)
    assert peaks[1] < 2.5 * peaks[0], peaks
    assert len(CalamineWorkbook.from_path(str(tmp_path / "ds-24000.xlsx")).get_sheet_by_index(0).to_python()) > 20_000


def test_cli_export_members(people, tmp_path):
    db = people.path
    people.close()
    out = tmp_path / "ds.xlsx"
    code, stdout, err = cli("export", "members", "--out", str(out), "--org", "hoi lhpn", "--db", str(db), "--json")
    assert code == 0, err
    assert json.loads(stdout) == {"path": str(out), "rows": 3, "organization": "Hội Liên hiệp Phụ nữ",
                                  "citizen_id": "masked", "ethnicity_religion": False}
    code, stdout, _ = cli("export", "members", "--out", str(out), "--db", str(db))
    assert code == 0 and "8 người" in stdout and "che" in stdout
    code, _, err = cli("export", "members", "--out", str(out), "--org", "không có", "--db", str(db))
    assert code == 1 and "không có" in err
    code, _, err = cli("export", "members", "--out", str(tmp_path / "nowhere" / "ds.xlsx"), "--db", str(db))
    assert code == 1 and "nowhere" in err and "Traceback" not in err
