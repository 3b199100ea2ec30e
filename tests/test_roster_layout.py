"""Reading the layout of real, messy commune rosters (tests/fixtures/rosters).

Every fixture file is read back from disk (.xlsx, .xls, .ods) and compared
with expected.json, written by make_rosters.py from the people it generated:
the header, where the people start, each column's field, every person's Excel
row, and, through the core's own checks (validate_person), every value.
"""
from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest

from app import messages
from app.domain.people import validate_person
from app.errors import FrontDeskError, InvalidInput
from app.importing.columns import FIELDS as COLUMN_FIELDS
from app.importing.columns import GIVEN_NAME, IGNORE, NAME_PART, meaning
from app.importing.layout import (
    FIELDS,
    best_sheet,
    detect_layout,
    records,
    remember_mapping,
    remembered_mapping,
    with_mapping,
)
from app.spreadsheets.cells import column_letter
from app.text.dates import parse_date, parse_date_noted
from app.text.vietnamese import clean_text, fold

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
EXPECTED = json.loads((ROSTERS / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(EXPECTED["files"])
TODAY = date.fromisoformat(EXPECTED["today"])

try:  # developer E's reader, once it has landed
    from app.spreadsheets.reading import Sheet, read_workbook
except ImportError:  # until then: calamine directly, into the same shape
    Sheet = None
    read_workbook = None


@dataclass
class _HandSheet:
    name: str
    rows: list
    merged: list = field(default_factory=list)


def sheet(name: str, rows: list, merged: list | None = None):
    """A Sheet built by hand (E's class when there, the same fields otherwise)."""
    cls = Sheet or _HandSheet
    return cls(name=name, rows=rows, merged=merged or [])


@functools.lru_cache(maxsize=None)
def read(name: str) -> tuple:
    path = ROSTERS / name
    if read_workbook is not None:
        return tuple(read_workbook(path))
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    book = CalamineWorkbook.from_path(str(path))
    out = []
    for meta in book.sheets_metadata:
        if meta.visible != SheetVisibleEnum.Visible:
            continue
        found = book.get_sheet_by_name(meta.name)
        merged = [(a[0], a[1], b[0], b[1]) for a, b in (found.merged_cell_ranges or [])]
        out.append(sheet(meta.name, found.to_python(skip_empty_area=False), merged))
    return tuple(out)


def roster(name: str):
    """(sheet, layout with the user's mapping applied when the file needs one)."""
    chosen = best_sheet(read(name))
    layout = detect_layout(chosen)
    user = EXPECTED["files"][name]["user_mapping"]
    if user:
        layout = with_mapping(layout, {int(k): v for k, v in user.items()})
    return chosen, layout


# -- the fixtures, file by file ----------------------------------------------------


def test_the_fixture_set_covers_the_formats_and_quirks():
    formats = [EXPECTED["files"][f]["format"] for f in FILES]
    assert 8 <= len(FILES) <= 12
    assert formats.count("xls") >= 2 and formats.count("ods") >= 1 and formats.count("xlsx") >= 5
    rows = [r for f in FILES for r in EXPECTED["files"][f]["rows"]]
    codes = {p["code"] for r in rows for p in r["problems"]}
    assert {"date.impossible", "date.future", "citizen_id.wrong_length", "phone.invalid"} <= codes
    reasons = {r["duplicate"]["reason"] for r in rows if r["duplicate"]}
    assert reasons == {"citizen_id", "name_birth_area"}


@pytest.mark.parametrize("name", FILES)
def test_layout_is_found_as_expected(name):
    want = EXPECTED["files"][name]
    sheets = read(name)
    assert [s.name for s in sheets] == want["visible_sheets"]  # hidden sheets are not offered
    chosen = best_sheet(sheets)
    assert chosen.name == want["sheet"]
    layout = detect_layout(chosen)
    assert list(layout.header_rows) == want["header_rows"]
    assert layout.data_start == want["data_start"]
    assert {str(c.index): c.field for c in layout.columns} == want["mapping"]
    assert [c.index for c in layout.unknown()] == want["unknown"]
    assert all(c.letter == column_letter(c.index) for c in layout.columns)


@pytest.mark.parametrize("name", FILES)
def test_every_person_row_and_only_those(name):
    want = EXPECTED["files"][name]
    chosen, layout = roster(name)
    got = list(records(chosen, layout))
    assert [r.row for r in got] == [r["row"] for r in want["rows"]]
    # The total, the date line and the signature block (with the signers'
    # names below it) are not people.
    assert any(chosen.rows[want["footer_row"] - 1])
    assert max(r.row for r in got) < want["footer_row"]


def _core_view(store, values: dict) -> tuple[dict | None, set, set]:
    """What validate_person makes of a record: (values or None, problems, notes)."""
    raw = {k: v for k, v in values.items() if k not in ("area", "joined_on")}
    notes = set()
    if isinstance(raw.get("birth_date"), str):
        try:
            _, note = parse_date_noted(raw["birth_date"], field="birth_date", today=TODAY)
        except FrontDeskError:
            note = None
        if note:
            notes.add(("birth_date", note))
    try:
        draft = validate_person(store, raw, check_unique=False)
    except InvalidInput as exc:
        return None, {(p.field, p.code) for p in exc.problems}, notes
    return draft.values, set(), notes | {(f, code) for f, code, _ in draft.notes}


@pytest.mark.parametrize("name", FILES)
def test_values_become_what_expected_json_says_through_the_core(store, name):
    """Two independent accounts agree: the generator's truth, and the core's
    reading of the raw cells that records() hands over."""
    want = {r["row"]: r for r in EXPECTED["files"][name]["rows"]}
    chosen, layout = roster(name)
    areas = {fold(a) for a in EXPECTED["areas"]}
    for record in records(chosen, layout):
        expected = want[record.row]
        person = expected["person"]
        stored, problems, notes = _core_view(store, record.values)
        core_problems = {(p["field"], p["code"]) for p in expected["problems"] if p["field"] != "area"}
        assert problems == core_problems, record.row
        assert notes == {(n["field"], n["code"]) for n in expected["notes"]}, record.row
        if stored is not None:
            for key in ("full_name", "gender", "birth_date", "citizen_id", "phone", "ethnicity", "religion",
                        "note"):
                assert stored[key] == person[key], (record.row, key, record.values.get(key))
        area = clean_text(record.values.get("area"))
        if person["area"] is not None:
            assert fold(area) == fold(person["area"]), record.row
        elif any(p["field"] == "area" for p in expected["problems"]):
            assert area and fold(area) not in areas
        if person["joined_on"] is not None:
            joined = parse_date(record.values["joined_on"], today=TODAY, allow_year_only=False)
            assert joined.iso() == person["joined_on"], record.row
        # Every value points at its column, for messages ("row 12, column E").
        assert set(record.values) <= set(record.cells)


@pytest.mark.parametrize("name", FILES)
def test_duplicates_in_expected_json_really_are_duplicates(name):
    rows = {r["row"]: r for r in EXPECTED["files"][name]["rows"]}
    for row in rows.values():
        dup = row["duplicate"]
        if dup is None:
            continue
        first = rows[dup["row"]]["person"]
        assert dup["row"] < row["row"]
        if dup["reason"] == "citizen_id":
            assert row["person"]["citizen_id"] and row["person"]["citizen_id"] == first["citizen_id"]
        else:
            assert row["person"]["citizen_id"] is None and first["citizen_id"] is None
            for key in ("full_name", "birth_date", "area"):
                assert row["person"][key] == first[key]


def test_fixture_files_are_what_make_rosters_writes(tmp_path, monkeypatch):
    """The committed files can be made again, byte for byte."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_rosters", ROSTERS / "make_rosters.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_rosters", module)  # its dataclasses look themselves up there
    monkeypatch.setattr(sys, "path", list(sys.path))
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "HERE", tmp_path)
    module.main()
    for name in [*FILES, "expected.json"]:
        assert (tmp_path / name).read_bytes() == (ROSTERS / name).read_bytes(), name


# -- the layout the detector cannot read alone, and remembering the user's choice ---


def test_unreadable_header_leaves_columns_to_the_user_and_with_mapping_fixes_it():
    chosen = best_sheet(read("07_chua_ro_cot_thon1.xlsx"))
    layout = detect_layout(chosen)
    assert [(c.letter, c.header) for c in layout.unknown()] == [("B", "Tên"), ("C", "Cột 3"), ("D", "Cột 4")]
    assert layout.missing() == ["full_name"]
    assert all("full_name" not in r.values for r in records(chosen, layout))

    fixed = with_mapping(layout, {1: "full_name", 2: "birth_date", 3: "citizen_id"})
    assert fixed.unknown() == [] and fixed.missing() == []
    assert fixed.signature == layout.signature
    assert layout.unknown()  # the original is left as it was
    first = next(records(chosen, fixed))
    assert first.cells == {"full_name": "B", "birth_date": "C", "citizen_id": "D", "gender": "E", "area": "F"}
    assert {"full_name", "birth_date", "citizen_id", "gender", "area"} <= set(first.values)


def test_a_column_left_out_by_the_user_is_no_longer_unknown():
    chosen = best_sheet(read("08_cot_la.xlsx"))
    layout = with_mapping(detect_layout(chosen), {4: None, 5: None, 6: "note"})
    assert layout.unknown() == []
    assert [c.ignored for c in layout.columns[4:7]] == [True, True, False]


def test_with_mapping_refuses_unknown_fields_and_columns():
    layout = detect_layout(best_sheet(read("07_chua_ro_cot_thon1.xlsx")))
    with pytest.raises(FrontDeskError) as bad_field:
        with_mapping(layout, {1: "shoe_size"})
    assert bad_field.value.code == "roster.bad_field"
    assert "shoe_size" in messages.describe(bad_field.value, "vi")
    with pytest.raises(FrontDeskError) as bad_column:
        with_mapping(layout, {-1: "full_name"})
    assert bad_column.value.code == "roster.bad_column"


def test_same_header_same_signature_other_data_other_format():
    first = detect_layout(best_sheet(read("07_chua_ro_cot_thon1.xlsx")))
    second = detect_layout(best_sheet(read("12_chua_ro_cot_thon2.xls")))
    assert first.header_rows != second.header_rows  # other title rows above
    assert first.signature == second.signature
    others = {detect_layout(best_sheet(read(n))).signature for n in FILES if "chua_ro_cot" not in n}
    assert first.signature not in others and len(others) == len(FILES) - 2


def test_remembered_mapping_round_trip_through_the_database(store):
    chosen = best_sheet(read("07_chua_ro_cot_thon1.xlsx"))
    layout = detect_layout(chosen)
    assert remembered_mapping(store, layout.signature) is None
    chosen_by_user = with_mapping(layout, {1: "full_name", 2: "birth_date", 3: "citizen_id"})
    remember_mapping(store, chosen_by_user)
    kept = remembered_mapping(store, layout.signature)
    assert kept == {0: "row_number", 1: "full_name", 2: "birth_date", 3: "citizen_id", 4: "gender", 5: "area"}

    # The next file with this header, from another residential area, needs no choosing.
    other = best_sheet(read("12_chua_ro_cot_thon2.xls"))
    recalled = detect_layout(other, remembered=remembered_mapping(store, detect_layout(other).signature))
    assert recalled.unknown() == [] and recalled.missing() == []
    names = [r.values["full_name"] for r in records(other, recalled)]
    assert len(names) == len(EXPECTED["files"]["12_chua_ro_cot_thon2.xls"]["rows"])

    # Remembering the same mapping again writes nothing new to the change log.
    logged = store.conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'meta'").fetchone()[0]
    remember_mapping(store, chosen_by_user)
    assert store.conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'meta'").fetchone()[0] == logged


def test_remembered_choice_wins_over_the_guess():
    rows = [["STT", "Họ và tên", "Ghi chú", "Số điện thoại"], [1, "Lê Văn Tám", "Tổ trưởng", "0912345678"]]
    guessed = detect_layout(sheet("S", rows))
    assert [c.field for c in guessed.columns] == ["row_number", "full_name", "note", "phone"]
    kept = detect_layout(sheet("S", rows), remembered={2: None, 3: "note"})
    assert [c.field for c in kept.columns] == ["row_number", "full_name", None, "note"]
    assert kept.unknown() == []
    assert next(records(sheet("S", rows), kept)).values == {"full_name": "Lê Văn Tám", "note": "0912345678"}


def test_a_stored_mapping_that_is_not_json_is_forgotten(store):
    with store.transaction():
        store.set_meta("roster_mapping:abc", "{not json")
    assert remembered_mapping(store, "abc") is None


# -- detection rules on small hand-made sheets --------------------------------------


def test_no_header_is_a_clear_error_naming_the_sheet():
    notes = sheet("Ghi chú", [["Ghi chú:"], ["Danh sách cập nhật đến 30/9/2026"], ["Họ và tên"]])
    with pytest.raises(FrontDeskError) as exc:
        detect_layout(notes, path=Path("hoi_vien.xlsx"))
    assert exc.value.code == "roster.no_header"
    assert exc.value.params == {"sheet": "Ghi chú", "path": "hoi_vien.xlsx"}
    assert "Ghi chú" in messages.describe(exc.value, "vi") and "hoi_vien.xlsx" in messages.describe(exc.value, "en")
    with pytest.raises(FrontDeskError) as no_path:
        best_sheet([notes])
    assert "path" not in no_path.value.params  # left for the caller, who knows the file


def test_nam_nu_columns_give_gender_and_year_or_only_a_tick():
    rows = [
        ["TT", "Họ và tên", "Năm sinh", None, "Thôn"],
        [None, None, "Nam", "Nữ", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [1, "Lê Văn Tám", 1965, None, "Thôn 1"],
        [2, "Lê Thị Sáu", "", "1970", "Thôn 1"],
        [3, "Hà Văn Bảy", "x", None, "Thôn 1"],
        [4, "Cả Hai", 1960, 1961, "Thôn 1"],
        [5, "Không Ghi", None, None, "Thôn 1"],
    ]
    s = sheet("S", rows, [(0, 2, 0, 3), (0, 0, 1, 0), (0, 1, 1, 1), (0, 4, 1, 4)])
    layout = detect_layout(s)
    assert layout.header_rows == (0, 1) and layout.data_start == 3
    assert [c.header for c in layout.columns] == ["TT", "Họ và tên", "Năm sinh / Nam", "Năm sinh / Nữ", "Thôn"]
    got = list(records(s, layout))
    assert [r.row for r in got] == [4, 5, 6, 7, 8]
    assert (got[0].values["gender"], got[0].values["birth_date"], got[0].cells["birth_date"]) == ("male", 1965, "C")
    assert (got[1].values["gender"], got[1].values["birth_date"], got[1].cells["gender"]) == ("female", "1970", "D")
    assert got[2].values["gender"] == "male" and "birth_date" not in got[2].values
    assert got[3].values["gender"] == "Nam: 1960; Nữ: 1961"  # the gender check refuses it, showing both
    assert "gender" not in got[4].values and got[4].cells["gender"] == "C, D"


def test_two_row_header_when_the_file_keeps_no_merged_ranges():
    rows = [["STT", "Họ và tên", "Địa chỉ", None, "Ghi chú"], [None, None, "Thôn", "Xã", None],
            [1, "Lê Văn Tám", "Thôn 2", "Phú Lộc", None]]
    layout = detect_layout(sheet("S", rows))
    assert layout.header_rows == (0, 1)
    assert [(c.header, c.field, c.ignored) for c in layout.columns] == [
        ("STT", "row_number", False), ("Họ và tên", "full_name", False), ("Địa chỉ / Thôn", "area", False),
        ("Địa chỉ / Xã", None, True), ("Ghi chú", "note", False)]


def test_header_below_a_group_heading_keeps_the_columns_merged_over_both_rows():
    rows = [["STT", "Họ và tên", "Thông tin cá nhân", None, None],
            [None, None, "Ngày sinh", "Giới tính", "Số CCCD"],
            [1, "Lê Văn Tám", "05/03/1990", "Nam", "001090012345"]]
    s = sheet("S", rows, [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4)])
    layout = detect_layout(s)
    assert layout.header_rows == (0, 1)
    assert [c.field for c in layout.columns] == ["row_number", "full_name", "birth_date", "gender", "citizen_id"]


def test_split_name_columns_are_joined_and_a_sort_column_is_left_out():
    split = sheet("S", [["TT", "Họ đệm", "Tên", "Ngày sinh"], [1, "Nguyễn Thị", "Hoa", "1990"],
                        [2, "  ", "Lan", "1991"]])
    layout = detect_layout(split)
    assert [c.field for c in layout.columns] == ["row_number", "full_name", "full_name", "birth_date"]
    got = list(records(split, layout))
    assert [r.values["full_name"] for r in got] == ["Nguyễn Thị Hoa", "Lan"]
    assert got[0].cells["full_name"] == "B, C"
    sort_column = detect_layout(sheet("S", [["STT", "Họ và tên", "Tên", "Năm sinh"]]))
    assert [(c.field, c.ignored) for c in sort_column.columns][1:3] == [("full_name", False), (None, True)]
    alone = detect_layout(sheet("S", [["STT", "Tên", "Năm sinh"]]))
    assert [c.header for c in alone.unknown()] == ["Tên"]  # a full name, or only the given name?


def test_a_second_column_of_the_same_kind_is_left_to_the_user():
    layout = detect_layout(sheet("S", [["Họ và tên", "Điện thoại", "Số điện thoại", "Ngày sinh"]]))
    assert [c.field for c in layout.columns] == ["full_name", "phone", None, "birth_date"]
    assert [c.header for c in layout.unknown()] == ["Số điện thoại"]


def test_footer_rows_end_the_people_but_names_that_look_like_them_do_not():
    header = ["STT", "Họ và tên", "Năm sinh", "Ghi chú"]
    people = [[1, "Tống Công Nam", 1960, None], [2, "Công Văn Minh", 1961, None], [3, "Vi Văn Tiến", 1962, None],
              [4, "Xác Thị Hoa", 1963, "xác nhận sau"], [None, "Tổng Văn Cộng", 1964, None]]
    for footer in (["Tổng cộng", None, None], [None, "Cộng: 5 người"], [None, "Tổng số: 5"],
                   [None, None, None, "Phú Lộc, ngày 20 tháng 10 năm 2026"], [None, "Người lập biểu"],
                   [None, None, None, "TM. BAN THƯỜNG TRỰC"], [None, None, None, "CHI HỘI TRƯỞNG"],
                   [None, "T/M BCH CHI HỘI"], [None, "KT. CHỦ TỊCH"], [None, "Xác nhận của UBMTTQ xã"]):
        s = sheet("S", [header, *people, footer, [None, "Nguyễn Thị Ký"]])
        got = [r.values["full_name"] for r in records(s, detect_layout(s))]
        assert got == [p[1] for p in people], footer


def test_blank_rows_sections_and_prenumbered_empty_rows_are_skipped():
    rows = [
        ["STT", "Họ và tên", "Ngày sinh"], [1, 2, 3],
        ["I. THÔN 1", None, None], [1, "Lê Văn Tám", "1960"], [None, None, None], ["   ", "", None],
        ["II", "THÔN 2", None], [2, "Lê Văn Chín", "1961"], [3, None, None], [4],
        [None, None, "1962"],  # no name: handed over, the core will say the name is missing
    ]
    s = sheet("S", rows)
    layout = detect_layout(s)
    assert layout.data_start == 2
    assert [(r.row, r.values.get("full_name")) for r in records(s, layout)] == [
        (4, "Lê Văn Tám"), (8, "Lê Văn Chín"), (11, None)]


def test_values_are_handed_over_as_read():
    when = datetime(1990, 3, 5)
    s = sheet("S", [["Họ và tên", "Ngày sinh", "CCCD", "SĐT"], [" LÊ  VĂN TÁM ", when, 1090012345.0, 912345678]])
    record = next(records(s, detect_layout(s)))
    assert record.values == {"full_name": " LÊ  VĂN TÁM ", "birth_date": when, "citizen_id": 1090012345.0,
                             "phone": 912345678}
    assert record.cells == {"full_name": "A", "birth_date": "B", "citizen_id": "C", "phone": "D"}


def test_ragged_rows_and_columns_mapped_past_the_header():
    s = sheet("S", [["Họ và tên", "Ngày sinh"], ["Lê Văn Tám"], ["Lê Văn Chín", "1961", "0912345678"]])
    layout = with_mapping(detect_layout(s), {2: "phone"})
    assert [c.letter for c in layout.columns] == ["A", "B", "C"]
    assert [r.values for r in records(s, layout)] == [
        {"full_name": "Lê Văn Tám"}, {"full_name": "Lê Văn Chín", "birth_date": "1961", "phone": "0912345678"}]


@pytest.mark.parametrize(
    "heading, field",
    [
        ("STT", "row_number"), ("TT", "row_number"), ("Số TT", "row_number"),
        ("Họ và tên", "full_name"), ("HỌ VÀ TÊN", "full_name"), ("Ho ten", "full_name"),
        ("Họ và tên hội viên", "full_name"), ("Họ và tên\n(chữ in hoa)", "full_name"),
        ("Họ và tên đệm", NAME_PART), ("Tên", GIVEN_NAME),
        ("Ngày sinh", "birth_date"), ("Ngày tháng năm sinh", "birth_date"), ("Năm sinh", "birth_date"),
        ("NS", "birth_date"), ("Ngày sinh (dd/mm/yyyy)", "birth_date"),
        ("Giới tính", "gender"), ("GT", "gender"), ("Nam/Nữ", "gender"), ("Nam", "birth_year_male"),
        ("Nữ", "birth_year_female"), ("Dân tộc", "ethnicity"), ("DT", "ethnicity"), ("Tôn giáo", "religion"),
        ("TG", "religion"), ("Số CCCD", "citizen_id"), ("CCCD", "citizen_id"), ("Số định danh", "citizen_id"),
        ("CMND/CCCD", "citizen_id"), ("Số CMND", "citizen_id"), ("Số CCCD/ĐDCN", "citizen_id"),
        ("Số điện thoại", "phone"), ("SĐT", "phone"), ("Điện thoại", "phone"), ("ĐT", "phone"),
        ("Thôn", "area"), ("Tổ", "area"), ("Xóm", "area"), ("Ấp", "area"), ("Bản", "area"),
        ("Khu dân cư", "area"), ("Địa chỉ", "area"), ("Chi hội", "area"), ("Thôn, xóm", "area"),
        ("Ghi chú", "note"), ("Ngày vào hội", "joined_on"), ("Ngày vào Đoàn", "joined_on"),
        ("Ngày kết nạp", "joined_on"), ("Xã", IGNORE),
        ("Ghi chú 2", None), ("Mã hộ", None), ("Chức vụ đoàn thể", None), ("Cột 3", None),
        ("Ngày vào Đảng", None), ("DANH SÁCH HỘI VIÊN CHI HỘI PHỤ NỮ THÔN 3", None),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None), (1965, None),
    ],
)
def test_vocabulary(heading, field):
    assert meaning(heading) == field


def test_fields_are_the_contract_s():
    assert FIELDS is COLUMN_FIELDS
    assert FIELDS == ("full_name", "gender", "birth_date", "birth_year_male", "birth_year_female", "ethnicity",
                      "religion", "citizen_id", "phone", "area", "note", "joined_on", "row_number", "role", "appointed_on")
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_lists_pasted_one_under_the_other_are_read_as_one():
    """Each thôn's list with its own title, two-row header, column numbers and
    total, pasted under the previous one: nobody after the first total is lost."""
    title = ["DANH SÁCH HỘI VIÊN THÔN {}", None, None, None]
    header = [["STT", "Họ và tên", "Năm sinh", None], [None, None, "Nam", "Nữ"], ["(1)", "(2)", "(3)", "(4)"]]
    rows = [[title[0].format(1), None, None, None], *header,
            [1, "Lê Văn Tám", 1960, None], [2, "Lê Thị Sáu", None, 1962], [None, "Cộng: 2", None, None],
            [None, None, None, None],
            [title[0].format(2), None, None, None], *header,
            [1, "Hà Văn Chín", 1970, None], [None, "Tổng cộng: 1", None, None],
            [None, "Người lập biểu", None, None], [None, "Nguyễn Thị Ký", None, None]]
    s = sheet("S", rows, [(1, 2, 1, 3), (9, 2, 9, 3)])
    layout = detect_layout(s)
    assert layout.header_rows == (1, 2) and layout.data_start == 4
    got = [(r.row, r.values["full_name"], r.values["gender"]) for r in records(s, layout)]
    assert got == [(5, "Lê Văn Tám", "male"), (6, "Lê Thị Sáu", "female"), (13, "Hà Văn Chín", "male")]
    # Without the second list's header, a total ends the people: what follows is a signature block.
    ended = sheet("S", rows[:8] + [[None, "Trần Văn Ký", None, None]])
    assert [r.row for r in records(ended, detect_layout(ended))] == [5, 6]


def test_a_mapping_kept_by_an_older_version_keeps_its_choices_but_not_its_blind_spots(store):
    """Before the role column was understood, every import remembered "Chức vụ" as left
    out; the next roster with that header must not lose its roles to that memory."""
    rows = [["STT", "Họ và tên", "Thôn", "Chức vụ"], [1, "Lê Thị Tám", "Thôn 1", "Chi hội trưởng"]]
    layout = detect_layout(sheet("S", rows))
    assert [c.field for c in layout.columns] == ["row_number", "full_name", "area", "role"]
    with store.transaction():  # what 0.1.0 kept: the role column left out, the area chosen by hand
        store.set_meta("roster_mapping:" + layout.signature, json.dumps({"2": "area", "3": None}))
    kept = remembered_mapping(store, layout.signature)
    assert kept == {2: "area"}
    assert [c.field for c in detect_layout(sheet("S", rows), remembered=kept).columns][3] == "role"
    # kept by this version, a "left out" is the person's and holds
    remember_mapping(store, with_mapping(layout, {3: None}))
    assert remembered_mapping(store, layout.signature) == {0: "row_number", 1: "full_name", 2: "area", 3: None}
