"""``frontdesk import members``: real .xlsx files in, people and messages out."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.db.storage import open_store
from app.domain.commune import create_commune_database
from app.domain.organizations import add_residential_area, by_code
from app.domain.people import add_person
from tests.helpers import cli

HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Số điện thoại", "Thôn", "Ghi chú"]
GOOD = [
    [1, "Nguyễn Văn An", "Nam", datetime(1985, 3, 5), 1085012345, "0912345678", "Thôn 1", None],
    [2, "LÊ THỊ HOA", "Nữ", "12/07/1990", "001190012345", 987654321, "thôn 2", "Chi hội trưởng"],
    [3, "Trần Văn Cường", "Nam", 1965, None, None, "THÔN 01", None],
]


def roster(path: Path, rows: list[list], *, title: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    if title:
        ws.append(["DANH SÁCH HỘI VIÊN CHI HỘI THÔN 1"])
        ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append([None, "Người lập biểu"])
    wb.save(path)
    return path


@pytest.fixture
def db(tmp_path, clock):
    path = tmp_path / "commune.sqlite3"
    store = create_commune_database(path, "00004", clock=clock, actor="tester")
    add_residential_area(store, "Thôn 1")
    add_residential_area(store, "Thôn 2")
    store.close()
    return path


def people(db: Path) -> dict[str, tuple]:
    with open_store(db) as store:
        rows = store.conn.execute(
            "SELECT p.full_name, p.gender, p.birth_date, p.citizen_id, p.phone, o.name, p.note"
            " FROM person p LEFT JOIN organization o ON o.id = p.area_id"
        )
        return {r[0]: r[1:] for r in rows}


def test_a_roster_is_imported(db, tmp_path):
    code, out, err = cli("import", "members", roster(tmp_path / "ds.xlsx", GOOD), "--db", db)
    assert code == 0, err + out
    assert people(db) == {
        "Nguyễn Văn An": ("male", "1985-03-05", "001085012345", "0912345678", "Thôn 1", None),
        "Lê Thị Hoa": ("female", "1990-07-12", "001190012345", "0987654321", "Thôn 2", "Chi hội trưởng"),
        "Trần Văn Cường": ("male", "1965", None, None, "Thôn 1", None),
    }
    assert "Tệp ds.xlsx, trang “Danh sách”: 3 dòng dữ liệu." in out
    assert "Đã nhập: thêm 3 người, cập nhật 0, bỏ qua 0." in out
    # the repairs, each with its Excel place
    assert "Dòng 4, cột E: Số CCCD 1085012345 bị mất số 0 ở đầu" in out
    assert "Dòng 5, cột F: Số điện thoại 987654321 bị mất số 0 ở đầu" in out
    assert "Bản sao lưu trước khi nhập:" in out


def test_invalid_rows_write_nothing_and_are_all_listed(db, tmp_path):
    rows = GOOD + [
        [4, "Phạm Thị Dung", "Nữ", "31/02/1985", None, None, "Thôn 1", None],
        [5, "Đỗ Văn Em", "X", None, "12345", None, "Thôn 9", None],
    ]
    path = roster(tmp_path / "ds.xlsx", rows)
    code, out, err = cli("import", "members", path, "--db", db)
    assert code == 1
    assert people(db) == {}
    assert "Có 4 lỗi ở 2 dòng:" in out
    assert "Dòng 7, cột D: Ngày sinh 31/02/1985 không có trên lịch." in out
    assert "Dòng 8, cột C: Giới tính “X” không hợp lệ; hãy ghi Nam hoặc Nữ." in out
    assert "Dòng 8, cột E: Số CCCD phải có đúng 12 chữ số; 12345 có 5 chữ số." in out
    assert "Dòng 8, cột G: Khu dân cư “Thôn 9” chưa có trong xã; hãy chọn thêm các khu dân cư mới" in out
    assert "Tệp có 1 khu dân cư chưa có trong xã: Thôn 9 (1 dòng). Thêm chúng" in out
    assert "Không ghi gì vì 2 dòng có lỗi." in out
    assert "Traceback" not in out + err

    code, out, _ = cli("import", "members", path, "--db", db, "--skip-invalid", "--lang", "en")
    assert code == 0
    assert set(people(db)) == {"Nguyễn Văn An", "Lê Thị Hoa", "Trần Văn Cường"}
    assert "Row 7, column D: Birth date 31/02/1985 is not a real date." in out
    assert "Imported: 3 added, 0 updated, 2 left out." in out


def areas_of(db: Path) -> list[str]:
    with open_store(db) as store:
        return [r[0] for r in store.conn.execute(
            "SELECT name FROM organization WHERE kind = 'residential_area' ORDER BY id")]


def test_a_fresh_commune_gets_the_areas_of_its_first_roster(tmp_path, clock):
    path = tmp_path / "fresh.sqlite3"
    create_commune_database(path, "00004", clock=clock, actor="tester").close()
    rows = GOOD + [[4, "Đỗ Văn Em", "Nam", 1970, None, None, "TDP 5", None],
                   [5, "Hà Thị Lan", "Nữ", 1971, None, None, "3", None]]
    file = roster(tmp_path / "ds.xlsx", rows)

    code, out, _ = cli("import", "members", file, "--db", path)
    assert code == 1 and areas_of(path) == [] and people(path) == {}
    assert "Tệp có 3 khu dân cư chưa có trong xã: Thôn 1 (2 dòng), Thôn 2 (1 dòng), Tổ dân phố 5 (1 dòng)." in out
    # a bare number is too little to name an area by
    assert "Dòng 8, cột G: Khu dân cư “3” không có trong xã" in out

    code, out, _ = cli("import", "members", file, "--db", path, "--add-areas", "--skip-invalid", "--dry-run")
    assert code == 0 and areas_of(path) == []
    assert "Sẽ thêm 3 khu dân cư: Thôn 1, Thôn 2, Tổ dân phố 5." in out

    code, out, _ = cli("import", "members", file, "--db", path, "--add-areas", "--skip-invalid", "--json")
    assert code == 0
    assert json.loads(out)["areas_added"] == ["Thôn 1", "Thôn 2", "Tổ dân phố 5"]
    assert areas_of(path) == ["Thôn 1", "Thôn 2", "Tổ dân phố 5"]
    stored = people(path)
    assert stored["Trần Văn Cường"][4] == "Thôn 1"  # "THÔN 01" is the same area as "Thôn 1"
    assert stored["Đỗ Văn Em"][4] == "Tổ dân phố 5"
    assert "Hà Thị Lan" not in stored
    with open_store(path) as store:  # each new area has its work committee and branches
        branches = [r[0] for r in store.conn.execute(
            "SELECT o.name FROM organization o JOIN organization a ON a.id = o.area_id WHERE a.name = 'Thôn 2'")]
        committees = [r[0] for r in store.conn.execute(
            "SELECT o.name FROM organization o JOIN organization a ON a.id = o.parent_id "
            "WHERE a.name = 'Tổ dân phố 5' AND o.kind = 'work_committee'")]
    assert "Chi hội Phụ nữ Thôn 2" in branches
    assert committees == ["Ban công tác Mặt trận Tổ dân phố 5"]

    # the next roster finds them
    code, out, _ = cli("import", "members", roster(tmp_path / "b.xlsx", [[1, "Vũ Văn Tư", "Nam", 1980, None, None,
                                                                           "thôn 2", None]]), "--db", path)
    assert code == 0, out
    assert areas_of(path) == ["Thôn 1", "Thôn 2", "Tổ dân phố 5"]


def test_json_output(db, tmp_path):
    rows = GOOD + [[4, "Phạm Thị Dung", "Nữ", "31/02/1985", None, None, "Thôn 1", None]]
    code, out, _ = cli("import", "members", roster(tmp_path / "ds.xlsx", rows), "--db", db, "--json")
    assert code == 1
    payload = json.loads(out)
    assert (payload["inserted"], payload["updated"], payload["skipped"]) == (0, 0, 4)
    assert payload["written"] is False
    [error] = payload["errors"]
    assert set(error) == {"row", "column", "value", "message"}
    assert (error["row"], error["column"], error["value"]) == (7, "D", "31/02/1985")
    assert error["message"].startswith("Dòng 7, cột D: Ngày sinh 31/02/1985 không có trên lịch")
    assert [(r["row"], r["column"], r["field"], r["original"], r["value"]) for r in payload["repaired"]] == [
        (4, "E", "citizen_id", "1085012345", "001085012345"), (5, "F", "phone", "987654321", "0987654321"),
    ]

    code, out, _ = cli("import", "members", roster(tmp_path / "ds.xlsx", rows), "--db", db, "--json",
                       "--skip-invalid")
    payload = json.loads(out)
    assert code == 0
    assert (payload["inserted"], payload["updated"], payload["skipped"], payload["written"]) == (3, 0, 1, True)
    assert len(payload["errors"]) == 1


def test_dry_run_writes_nothing(db, tmp_path):
    code, out, _ = cli("import", "members", roster(tmp_path / "ds.xlsx", GOOD), "--db", db, "--dry-run")
    assert code == 0
    assert "Chạy thử, không ghi gì: sẽ thêm 3 người, cập nhật 0, bỏ qua 0." in out
    assert people(db) == {}
    assert not (db.parent / "commune-backups").exists()


def test_duplicates_skip_update_add(db, tmp_path, clock):
    with open_store(db, clock=clock) as store:
        add_person(store, {"full_name": "Nguyễn Văn An", "citizen_id": "001085012345"})
    rows = GOOD + [[4, "Trần Văn Cường", "Nam", "1965", None, "0911111111", "Thôn 1", None]]
    path = roster(tmp_path / "ds.xlsx", rows)

    code, out, _ = cli("import", "members", path, "--db", db, "--dry-run")
    assert code == 0
    assert "Dòng 4: trùng số CCCD với Nguyễn Văn An (số 1) đã có trong danh sách — bỏ qua" in out
    assert "Dòng 7: trùng họ tên, ngày sinh và khu dân cư với dòng 6 của tệp — bỏ qua" in out

    code, out, _ = cli("import", "members", path, "--db", db, "--duplicates", "update", "--json")
    payload = json.loads(out)
    assert (payload["inserted"], payload["updated"], payload["skipped"]) == (2, 2, 0)
    assert [(d["row"], d["kind"], d["reason"], d["same_row"], d["person_id"]) for d in payload["duplicates"]] == [
        (4, "in_database", "citizen_id", None, 1), (7, "in_file", "name_birth_area", 6, None),
    ]
    stored = people(db)
    assert stored["Nguyễn Văn An"][1] == "1985-03-05"  # filled in from the file
    assert stored["Trần Văn Cường"][3] == "0911111111"  # row 7 completed row 6
    assert len(stored) == 3

    # the same file again: everyone is there now
    code, out, _ = cli("import", "members", path, "--db", db, "--duplicates", "add", "--json")
    payload = json.loads(out)
    assert code == 1  # two people cannot share a citizen ID
    assert [(e["row"], e["column"]) for e in payload["errors"]] == [(4, "E"), (5, "E")]


def test_into_an_organization(db, tmp_path):
    code, out, err = cli("import", "members", roster(tmp_path / "ds.xlsx", GOOD), "--db", db, "--org", "Hội LHPN")
    assert code == 0, err
    with open_store(db) as store:
        women = by_code(store, "women")
        members = store.conn.execute(
            "SELECT count(*) FROM membership WHERE organization_id = ? AND left_on IS NULL", (women,)
        ).fetchone()[0]
    assert members == 3


def test_an_unknown_organization(db, tmp_path):
    code, out, err = cli("import", "members", roster(tmp_path / "ds.xlsx", GOOD), "--db", db, "--org", "Hội Cờ tướng")
    assert code == 1
    assert "Không tìm thấy tổ chức \"Hội Cờ tướng\"" in err
    assert people(db) == {}


HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


def _hostile(kind: str, tmp_path: Path) -> Path:
    """The untrusted files app.spreadsheets.reading refuses, as the import gets them."""
    from tests.test_workbook import BILLION_LAUGHS, repack, zip_of_zeros

    if kind == "text":
        path = tmp_path / "ds.xlsx"
        path.write_text("Họ và tên;Ngày sinh\nNguyễn Văn An;1985\n", encoding="utf-8")
        return path
    if kind == "truncated":
        whole = roster(tmp_path / "full.xlsx", GOOD).read_bytes()
        path = tmp_path / "ds.xlsx"
        path.write_bytes(whole[: len(whole) // 2])
        return path
    if kind == "zip_bomb":
        return zip_of_zeros(tmp_path / "ds.xlsx", "xl/worksheets/sheet1.xml", 1 << 30)
    if kind == "xml_bomb":
        return repack(roster(tmp_path / "full.xlsx", GOOD), tmp_path / "ds.xlsx",
                      {"xl/sharedStrings.xml": BILLION_LAUGHS.encode()})
    return HOSTILE / kind


@pytest.mark.parametrize("kind", [
    "text", "truncated", "zip_bomb", "xml_bomb", "encrypted.xlsx", "encrypted.xls", "far_cell.xls", "sst_count.xls",
])
def test_a_file_that_is_not_a_usable_roster_is_refused_in_one_message(db, tmp_path, kind):
    path = _hostile(kind, tmp_path)
    code, out, err = cli("import", "members", path, "--db", db)
    assert code == 1
    assert path.name in err and "Traceback" not in err + out
    assert err.count("\n") <= 2  # one clear message
    assert people(db) == {}

    code, out, err = cli("import", "members", path, "--db", db, "--json")
    assert code == 1
    payload = json.loads(out)
    assert (payload["inserted"], payload["updated"], payload["skipped"], payload["written"]) == (0, 0, 0, False)
    [error] = payload["errors"]
    assert error["row"] is None and error["value"] == path.name and path.name in error["message"]


def test_a_missing_file(db, tmp_path):
    code, out, err = cli("import", "members", tmp_path / "missing.xlsx", "--db", db)
    assert code == 1 and "missing.xlsx" in err and "Traceback" not in err


def test_a_roster_without_a_name_column_until_the_user_says_which(db, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["TT", "Tên", "Cột 3", "Giới tính", "Thôn"])
    ws.append([1, "Nguyễn Văn An", "05/03/1985", "Nam", "Thôn 1"])
    ws.append([2, "Lê Thị Hoa", "1990", "Nữ", "Thôn 2"])
    path = tmp_path / "ds.xlsx"
    wb.save(path)
    code, out, err = cli("import", "members", path, "--db", db)
    assert code == 1
    assert "Không tìm thấy cột Họ và tên" in err and "--column B=full_name" in err
    code, out, err = cli("import", "members", path, "--db", db, "--column", "B=full_name", "--column", "c=birth_date")
    assert code == 0, err
    assert people(db)["Lê Thị Hoa"][:2] == ("female", "1990")
    # remembered: the next file with this header needs no --column
    wb = Workbook()
    ws = wb.active
    ws.append(["TT", "Tên", "Cột 3", "Giới tính", "Thôn"])
    ws.append([1, "Trần Văn Cường", "1970", "Nam", "Thôn 2"])
    wb.save(path)
    code, out, err = cli("import", "members", path, "--db", db)
    assert code == 0, err
    assert "B → Họ và tên, C → Ngày sinh" in out
    assert people(db)["Trần Văn Cường"][:2] == ("male", "1970")


def test_usage_errors(db, tmp_path):
    assert cli("import", "--db", db)[0] == 2
    assert cli("import", "members", "ds.xlsx", "--db", db, "--column", "B")[0] == 2
    assert cli("import", "members", "ds.xlsx", "--db", db, "--column", "B=ten")[0] == 2
    assert cli("import", "members", "--db", db)[0] == 2
    assert cli("import", "members", roster(tmp_path / "ds.xlsx", GOOD), "--db", db, "--duplicates", "merge")[0] == 2


def test_a_fresh_communes_first_roster_is_told_in_a_few_lines_with_the_useful_advice_last(tmp_path, clock):
    path = tmp_path / "fresh.sqlite3"
    create_commune_database(path, "00004", clock=clock, actor="tester").close()
    rows = []
    for i in range(300):
        cccd = 1085000000 + i if i < 100 else None  # the first 100 lost their leading zeros in Excel
        rows.append([i + 1, f"Nguyễn Văn Số {i + 1}", "Nam", 1985, cccd, None, "Thôn 3", None])
    file = roster(tmp_path / "ds.xlsx", rows)
    code, out, _ = cli("import", "members", file, "--db", path)
    assert code == 1 and people(path) == {}
    lines = out.strip().splitlines()
    assert len(lines) <= 10, out  # not 400 lines
    area = [line for line in lines if "Thôn 3" in line and "300 dòng" in line]
    assert len(area) == 2, out  # the grouped problem, and the areas to add with their row count
    assert "(4, 5, 6, 7, 8, 9, …, 303), cột G" in area[0] and "Thôn 3 (300 dòng)" in area[1]
    repaired = [line for line in lines if "mất số 0" in line]
    assert len(repaired) == 1 and "100 dòng" in repaired[0] and "cột E" in repaired[0], out
    assert "--add-areas" in lines[-1] and "--skip-invalid" not in lines[-1]

    code, out, _ = cli("import", "members", file, "--db", path, "--add-areas")
    assert code == 0 and len(people(path)) == 300
    assert people(path)["Nguyễn Văn Số 1"][2] == "001085000000"


def test_when_no_row_is_valid_skip_invalid_is_not_offered(db, tmp_path):
    file = roster(tmp_path / "ds.xlsx", [[1, "", "Nam", 1985, None, None, "Thôn 1", None],
                                         [2, "Lê Văn B", "Nam", "31/02/1985", None, None, "Thôn 1", None]])
    code, out, _ = cli("import", "members", file, "--db", db)
    assert code == 1 and "--skip-invalid" not in out.strip().splitlines()[-1]
    assert "cả 2 dòng đều có lỗi" in out
    file = roster(tmp_path / "ds2.xlsx", GOOD + [[4, "Lê Văn B", "Nam", "31/02/1985", None, None, "Thôn 1", None]])
    code, out, _ = cli("import", "members", file, "--db", db)
    assert code == 1 and "--skip-invalid để chỉ nhập 3 dòng hợp lệ" in out.strip().splitlines()[-1]
