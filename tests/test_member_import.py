"""Checking, duplicates and writing of roster rows (app.importing.plan), over
rows as the layout step hands them over: Excel cell types, row numbers and
column letters."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.organizations import add_residential_area, by_code
from app.domain.people import add_person, get_person, memberships_of
from app.domain.search import search_people
from app.errors import InvalidValue
from app.importing.areas import AreaIndex, area_key
from app.importing.plan import apply_import, plan_records
from app.importing.row_checks import check_record
from app.progress import Cancelled

LETTERS = {"row_number": "A", "full_name": "B", "gender": "C", "birth_date": "D", "citizen_id": "E",
           "phone": "F", "area": "G", "ethnicity": "H", "religion": "I", "note": "J", "joined_on": "K"}


@dataclass
class Rec:
    """The shape of app.importing.layout.RawRecord."""

    row: int
    values: dict
    cells: dict = field(default_factory=dict)

    def __post_init__(self):
        self.cells = self.cells or {f: LETTERS[f] for f in self.values}


@pytest.fixture
def areas(store):
    return {
        "thon3": add_residential_area(store, "Thôn 3"),
        "dong_hoa": add_residential_area(store, "Thôn Đông Hòa"),
        "tdp5": add_residential_area(store, "Tổ dân phố 5"),
    }


def person(row, name, **values):
    return Rec(row, {"full_name": name, **values})


def plan_of(store, recs, org_id=None):
    return plan_records(store, recs, path=Path("roster.xlsx"), sheet="Danh sách", layout=None, org_id=org_id)


def count(store, table="person"):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def people_by_name(store):
    rows = store.conn.execute(
        "SELECT full_name, gender, birth_date, citizen_id, phone, area_id, ethnicity, religion, note FROM person"
    )
    keys = ("gender", "birth_date", "citizen_id", "phone", "area_id", "ethnicity", "religion", "note")
    return {r[0]: dict(zip(keys, r[1:])) for r in rows}


# -- turning cells into values -------------------------------------------------------


def test_excel_cell_types_become_what_a_person_typed(store, areas):
    rec = person(
        12, "NGUYỄN VĂN AN", gender="Nam", birth_date=datetime(1985, 3, 5), citizen_id=1085012345.0,
        phone=912345678.0, area="thon 3", ethnicity="Kinh", religion="Không", note=15.0,
    )
    planned = check_record(store, rec, AreaIndex.of_store(store))
    assert planned.problems == []
    assert planned.action == "insert"
    v = planned.values
    assert v["full_name"] == "Nguyễn Văn An"
    assert v["gender"] == "male"
    assert v["birth_date"] == "1985-03-05"
    assert v["citizen_id"] == "001085012345"
    assert v["phone"] == "0912345678"
    assert v["area_id"] == areas["thon3"]
    assert v["religion"] is None
    assert v["note"] == "15"
    lines = planned.note_texts("vi")
    assert "Dòng 12, cột E: Số CCCD 1085012345 bị mất số 0 ở đầu (thường do Excel); đã khôi phục thành 001085012345." in lines
    assert any(line.startswith("Dòng 12, cột F: Số điện thoại 912345678") for line in lines)
    assert "Row 12, column E: Citizen ID 1085012345 had lost" in planned.note_texts("en")[0]


def test_year_cells_and_guessed_dates(store, areas):
    index = AreaIndex.of_store(store)
    year = check_record(store, person(5, "Lê Thị Hoa", birth_date=1965.0), index)
    assert year.values["birth_date"] == "1965"
    month = check_record(store, person(6, "Lê Thị Hoa", birth_date="03/1985"), index)
    assert month.values["birth_date"] == "1985"
    assert month.notes == [("birth_date", "date.month_dropped", {"original": "03/1985", "value": "1985"})]
    assert "Dòng 6, cột D" in month.note_texts("vi")[0]
    serial = check_record(store, person(7, "Lê Thị Hoa", birth_date=31112.0), index)
    assert serial.values["birth_date"] == "1985-03-06"  # Excel serial 31112


def test_area_names_are_matched_folded(store, areas):
    index = AreaIndex.of_store(store)
    for text in ("Thôn 3", "thon 3", "THÔN 3", "Thôn 03", "thôn số 3", " Thôn  3 ", "3", 3.0):
        assert index.match(text) == (areas["thon3"], None), text
    for text in ("Đông Hòa", "thon dong hoa", "Thôn Đông Hoà"):
        assert index.match(text) == (areas["dong_hoa"], None), text
    assert index.match("TDP 5") == (areas["tdp5"], None)
    assert index.match("tổ dân phố số 05") == (areas["tdp5"], None)
    assert index.match("") == (None, None)
    assert index.match(None) == (None, None)
    assert index.match("Thôn 9") == (None, ("import.area_unknown", {"value": "Thôn 9"}))
    # "Thôn 3" is not "Tổ dân phố 3": a kind word on both sides must agree
    assert index.match("Tổ dân phố 3")[0] is None
    assert area_key("THÔN 03") == ("thon", "3")


def test_a_bare_number_matching_two_areas_is_ambiguous(store, areas):
    add_residential_area(store, "Tổ dân phố 3")
    area_id, problem = AreaIndex.of_store(store).match("3")
    assert area_id is None
    assert problem[0] == "import.area_ambiguous"
    assert problem[1]["names"] == "Thôn 3, Tổ dân phố 3"


def test_every_problem_of_a_row_with_its_place(store, areas):
    rec = person(12, "Trần Thị Bình", gender="X", birth_date="31/02/1985", citizen_id="12345", area="Thôn 9")
    planned = check_record(store, rec, AreaIndex.of_store(store))
    assert planned.action == "skip"
    where = {(p.row, p.column, p.value, p.field) for p in planned.problems}
    assert where == {
        (12, "C", "X", "gender"), (12, "D", "31/02/1985", "birth_date"),
        (12, "E", "12345", "citizen_id"), (12, "G", "Thôn 9", "area"),
    }
    by_field = {p.field: p for p in planned.problems}
    message = by_field["birth_date"].message("vi")
    assert message.startswith("Dòng 12, cột D: Ngày sinh 31/02/1985 không có trên lịch.")
    assert by_field["birth_date"].message("en").startswith("Row 12, column D: Birth date 31/02/1985 is not a real date")
    assert by_field["area"].message("vi") == (
        "Dòng 12, cột G: Khu dân cư “Thôn 9” không có trong xã; hãy sửa tên cho đúng, hoặc ghi đủ tên "
        "(ví dụ “Thôn 3” chứ không chỉ “3”)."
    )
    assert by_field["area"].as_json("vi") == {
        "row": 12, "column": "G", "value": "Thôn 9", "message": by_field["area"].message("vi"),
    }


def test_a_missing_name_and_an_excel_date_in_the_future(store):
    rec = person(4, None, birth_date=datetime(2030, 1, 5))
    rec.values["full_name"] = None
    planned = check_record(store, rec, AreaIndex([]))
    messages_ = [p.message("vi") for p in planned.problems]
    assert "Dòng 4, cột B: Họ và tên là bắt buộc." in messages_
    assert any(m.startswith("Dòng 4, cột D: Ngày sinh 05/01/2030 là một ngày trong tương lai") for m in messages_)


# -- duplicates ----------------------------------------------------------------------


def test_duplicates_in_the_file(store, areas):
    plan = plan_of(store, [
        person(5, "Nguyễn Văn An", birth_date="05/03/1985", citizen_id="001085012345", area="Thôn 3"),
        person(6, "Phạm Văn Bình", citizen_id="001085012345"),  # same ID: the same person
        person(7, "NGUYEN VAN AN", birth_date=datetime(1985, 3, 5), area="thon 3"),  # same name, birth, area
        person(8, "Nguyễn Văn An", birth_date="05/03/1985", area="Đông Hòa"),  # another area: someone else
        person(9, "Nguyễn Văn An", birth_date="05/03/1985", citizen_id="001085099999", area="Thôn 3"),
    ])
    dups = {r.row: r.duplicate for r in plan.rows if r.duplicate}
    assert set(dups) == {6, 7}
    assert (dups[6].kind, dups[6].row, dups[6].reason) == ("in_file", 5, "citizen_id")
    assert (dups[7].kind, dups[7].row, dups[7].reason) == ("in_file", 5, "name_birth_area")
    assert [r.action for r in plan.rows] == ["insert", "skip", "skip", "insert", "insert"]
    assert [r.row for r in plan.duplicates()] == [6, 7]


def test_duplicates_against_the_database(store, areas):
    an, _ = add_person(store, {"full_name": "Nguyễn Văn An", "citizen_id": "001085012345"})
    binh, _ = add_person(store, {"full_name": "Lê Văn Bình", "birth_date": "1970", "area_id": areas["thon3"]})
    plan = plan_of(store, [
        person(5, "Nguyễn Văn An", citizen_id=1085012345.0),
        person(6, "le van binh", birth_date=1970.0, area="Thôn 3"),
        person(7, "Lê Văn Bình", birth_date="1970", area="Tổ dân phố 5"),
    ])
    dups = {r.row: r.duplicate for r in plan.rows if r.duplicate}
    assert (dups[5].kind, dups[5].person_id, dups[5].reason, dups[5].name) == (
        "in_database", an, "citizen_id", "Nguyễn Văn An")
    assert (dups[6].kind, dups[6].person_id, dups[6].reason) == ("in_database", binh, "name_birth_area")
    assert 7 not in dups


# -- writing -------------------------------------------------------------------------


def test_valid_rows_are_stored_field_by_field_with_a_backup(store, areas):
    before_log = count(store, "change_log")
    plan = plan_of(store, [
        person(5, "Nguyễn Văn An", gender="nam", birth_date="05/03/1985", citizen_id=1085012345.0,
               phone="0912 345 678", area="Thôn 3", ethnicity="Kinh"),
        person(6, "Lê Thị Hoa", gender="Nữ", birth_date=1965.0, area="Đông Hòa", religion="Phật giáo",
               note="Hội viên lâu năm"),
    ])
    result = apply_import(store, plan)
    assert (result.inserted, result.updated, result.skipped, result.errors) == (2, 0, 0, [])
    assert result.written and result.backup.exists()
    assert people_by_name(store) == {
        "Nguyễn Văn An": {"gender": "male", "birth_date": "1985-03-05", "citizen_id": "001085012345",
                          "phone": "0912345678", "area_id": areas["thon3"], "ethnicity": "Kinh",
                          "religion": None, "note": None},
        "Lê Thị Hoa": {"gender": "female", "birth_date": "1965", "citizen_id": None, "phone": None,
                       "area_id": areas["dong_hoa"], "ethnicity": None, "religion": "Phật giáo",
                       "note": "Hội viên lâu năm"},
    }
    logged = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'person' AND action = 'insert' AND id > ?",
        (before_log,),
    ).fetchone()[0]
    assert logged == 2
    assert [h.full_name for h in search_people(store, "nguyen van an")] == ["Nguyễn Văn An"]
    assert [h.full_name for h in search_people(store, "dong hoa")] == ["Lê Thị Hoa"]


def test_any_invalid_row_and_nothing_is_written(store, areas):
    plan = plan_of(store, [
        person(5, "Nguyễn Văn An", birth_date="05/03/1985"),
        person(6, "Lê Thị Hoa", birth_date="31/02/1985"),
        person(7, "Trần Văn Cường", area="Thôn 99"),
    ])
    before = (count(store), count(store, "change_log"))
    result = apply_import(store, plan)
    assert not result.written
    assert (result.inserted, result.updated, result.skipped) == (0, 0, 3)
    assert [(p.row, p.column, p.value) for p in result.errors] == [(6, "D", "31/02/1985"), (7, "G", "Thôn 99")]
    assert (count(store), count(store, "change_log")) == before
    assert not list(Path(store.path).parent.glob("*-backups/*"))

    result = apply_import(store, plan, skip_invalid=True)
    assert result.written
    assert (result.inserted, result.updated, result.skipped) == (1, 0, 2)
    assert len(result.errors) == 2
    assert set(people_by_name(store)) == {"Nguyễn Văn An"}


def _dup_plan(store, areas):
    add_person(store, {"full_name": "Nguyễn Văn An", "citizen_id": "001085012345", "phone": "0912345678"})
    return plan_of(store, [
        person(5, "Nguyễn Văn An", citizen_id="001085012345", birth_date="05/03/1985", area="Thôn 3",
               phone=None),
        person(6, "Lê Thị Hoa", birth_date="1965", area="Thôn 3"),
        person(7, "Le Thi Hoa", birth_date="1965", area="Thôn 3", phone="0987654321", ethnicity="Tày"),
    ])


def test_duplicates_skipped_by_default(store, areas):
    result = apply_import(store, _dup_plan(store, areas))
    assert (result.inserted, result.updated, result.skipped) == (1, 0, 2)
    assert count(store) == 2
    an = people_by_name(store)["Nguyễn Văn An"]
    assert an["birth_date"] is None  # untouched


def test_duplicates_updated_fill_the_stored_person(store, areas):
    plan = _dup_plan(store, areas)
    an_id = plan.rows[0].duplicate.person_id
    result = apply_import(store, plan, duplicates="update")
    assert (result.inserted, result.updated, result.skipped) == (1, 2, 0)
    people = people_by_name(store)
    assert set(people) == {"Nguyễn Văn An", "Lê Thị Hoa"}  # not traded for "Le Thi Hoa"
    # the file's values fill the stored person; an empty cell keeps what was there
    assert people["Nguyễn Văn An"]["birth_date"] == "1985-03-05"
    assert people["Nguyễn Văn An"]["area_id"] == areas["thon3"]
    assert people["Nguyễn Văn An"]["phone"] == "0912345678"
    # row 7 updates the person row 6 adds: one person with both rows' values
    assert people["Lê Thị Hoa"]["phone"] == "0987654321"
    assert people["Lê Thị Hoa"]["ethnicity"] == "Tày"
    updates = store.conn.execute(
        "SELECT before, after FROM change_log WHERE table_name = 'person' AND action = 'update' AND row_id = ?",
        (an_id,),
    ).fetchall()
    assert len(updates) == 1 and "1985-03-05" in updates[0][1]
    assert [h.full_name for h in search_people(store, "thon 3")] == ["Nguyễn Văn An", "Lê Thị Hoa"]


def test_duplicates_added_anyway_and_per_row_choices(store, areas):
    plan = _dup_plan(store, areas)
    # adding a second person with a stored citizen ID is impossible: that row is an error
    result = apply_import(store, plan, duplicates="add")
    assert not result.written
    assert [(p.row, p.column, p.code) for p in result.errors] == [(5, "E", "import.same_citizen_id_stored")]
    assert "Nguyễn Văn An" in result.errors[0].message("vi")

    result = apply_import(store, plan, duplicates="add", choices={5: "update"})
    assert (result.inserted, result.updated, result.skipped) == (2, 1, 0)
    assert sorted(people_by_name(store)) == ["Le Thi Hoa", "Lê Thị Hoa", "Nguyễn Văn An"]


def test_a_bad_duplicate_choice_is_refused(store, areas):
    plan = _dup_plan(store, areas)
    with pytest.raises(InvalidValue):
        apply_import(store, plan, duplicates="merge")
    with pytest.raises(InvalidValue):
        apply_import(store, plan, choices={5: "overwrite"})


def test_importing_into_an_organization(store, areas):
    women = by_code(store, "women")
    stored, _ = add_person(store, {"full_name": "Phạm Thị Mai", "citizen_id": "001185012345"})
    member, _ = add_person(store, {"full_name": "Đỗ Thị Lan", "citizen_id": "001185054321"})
    from app.domain.people import join_organization

    join_organization(store, member, women, joined_on="2001-01-01")
    plan = plan_of(store, [
        person(5, "Lê Thị Hoa", joined_on=datetime(2010, 5, 1)),
        person(6, "Trần Thị Cúc", joined_on="15/08/2012"),
        person(7, "Phạm Thị Mai", citizen_id="001185012345", joined_on="01/02/2015"),
        person(8, "Đỗ Thị Lan", citizen_id="001185054321", joined_on="01/02/2016"),
        person(9, "Võ Thị Hằng"),
    ], org_id=women)
    result = apply_import(store, plan, duplicates="update")
    assert (result.inserted, result.updated) == (3, 2)
    joined = {
        name: [(m["organization_id"], m["joined_on"]) for m in memberships_of(store, pid)]
        for pid, name in store.conn.execute("SELECT id, full_name FROM person")
    }
    assert joined == {
        "Lê Thị Hoa": [(women, "2010-05-01")],
        "Trần Thị Cúc": [(women, "2012-08-15")],
        "Phạm Thị Mai": [(women, "2015-02-01")],
        "Đỗ Thị Lan": [(women, "2001-01-01")],  # already a member: no second membership
        "Võ Thị Hằng": [(women, None)],
    }
    assert store.conn.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'membership' AND action = 'insert'"
    ).fetchone()[0] == 5  # the earlier join and four from the import


def test_a_joined_date_is_checked_only_for_an_organization(store, areas):
    rec = person(5, "Lê Thị Hoa", joined_on="2010")
    assert check_record(store, rec, AreaIndex([])).problems == []
    planned = check_record(store, rec, AreaIndex([]), with_joined=True)
    assert [(p.column, p.code) for p in planned.problems] == [("K", "date.year_only_not_allowed")]


def test_a_failure_mid_transaction_leaves_the_database_as_it_was(store, areas, monkeypatch):
    plan = plan_of(store, [person(r, f"Người Thứ {r}", area="Thôn 3") for r in range(5, 45)])
    before = (count(store), count(store, "change_log"), count(store, "person_search"))
    import app.domain.bulk_people

    real, written = app.domain.bulk_people.search_row, []

    def failing(person_id, *args):
        if len(written) == 20:
            # half the rows are in the person table by now, in the open transaction
            assert store.conn.in_transaction and count(store) == before[0] + 20
            raise OSError("the disk went away")
        written.append(person_id)
        return real(person_id, *args)

    indexes = schema(store)
    search_config = store.conn.execute("SELECT k, v FROM person_search_config ORDER BY k").fetchall()
    monkeypatch.setattr(app.domain.bulk_people, "CHUNK", 10)
    monkeypatch.setattr(app.domain.bulk_people, "REBUILD_INDEXES_FROM", 10)  # the person indexes are dropped too
    monkeypatch.setattr(app.domain.bulk_people, "search_row", failing)
    with pytest.raises(OSError):
        apply_import(store, plan)
    assert len(written) == 20
    assert not store.conn.in_transaction
    assert (count(store), count(store, "change_log"), count(store, "person_search")) == before
    assert schema(store) == indexes
    # the search index's merging, paused while the rows went in, as it was
    assert store.conn.execute("SELECT k, v FROM person_search_config ORDER BY k").fetchall() == search_config
    monkeypatch.setattr(app.domain.bulk_people, "search_row", real)
    assert apply_import(store, plan).inserted == 40
    assert count(store) == before[0] + 40
    assert schema(store) == indexes  # built again after the rows went in
    assert store.conn.execute("SELECT v FROM person_search_config WHERE k = 'automerge'").fetchone() in (None, (4,))
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    plan_used = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM person WHERE area_id = ? ORDER BY sort_key", (areas["thon3"],)
    ).fetchall()
    assert "person_area" in str(plan_used)


def schema(store):
    return store.conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'person' ORDER BY name").fetchall()


def test_cancel_mid_import_writes_nothing(store, areas):
    plan = plan_of(store, [person(r, f"Người Thứ {r}") for r in range(5, 2605)])
    before = (count(store), count(store, "change_log"))
    seen = []

    def progress(stage, done, total):
        seen.append((stage, done, total))
        if stage == "write" and done >= 2000:
            raise Cancelled()

    with pytest.raises(Cancelled):
        apply_import(store, plan, progress=progress)
    assert ("write", 1000, 2600) in seen
    assert (count(store), count(store, "change_log")) == before


def areas_named(store):
    return [r[0] for r in store.conn.execute("SELECT name FROM organization WHERE kind = 'residential_area'")]


def test_new_areas_are_added_only_when_chosen_and_in_the_same_transaction(store, areas):
    recs = [person(5, "Lê Văn A", area="Thôn 3"), person(6, "Lê Văn B", area="THÔN 07"),
            person(7, "Lê Văn C", area="thôn 7", birth_date="1990"), person(8, "Lê Văn D", area="Xóm Chùa")]
    plan = plan_of(store, recs)
    # named as the file first writes them, capitals tidied ("THÔN 07" and "thôn 7" are one area)
    assert plan.new_areas == {-1: "Thôn 07", -2: "Xóm Chùa"}
    assert plan.new_area_rows() == {"Thôn 07": 2, "Xóm Chùa": 1}
    # not chosen (the default): those rows have a problem that says how to add them
    assert [r.row for r in plan.invalid()] == [6, 7, 8]
    problem = plan.rows[1].problems[0]
    assert (problem.column, problem.value, problem.code) == ("G", "THÔN 07", "import.area_new")
    assert not apply_import(store, plan).written

    plan.set_add_areas(True)
    assert plan.invalid() == [] and [r.action for r in plan.rows] == ["insert"] * 4
    before = areas_named(store), count(store), count(store, "organization")

    def progress(stage, done, total):
        if stage == "write" and done >= 4:
            raise Cancelled()

    with pytest.raises(Cancelled):  # stopped after the areas were added: all of it rolled back
        apply_import(store, plan, progress=progress)
    assert (areas_named(store), count(store), count(store, "organization")) == before
    assert plan.rows[1].values["area_id"] == -1  # the plan is untouched and can be written again

    result = apply_import(store, plan)
    assert result.areas_added == ["Thôn 07", "Xóm Chùa"]
    assert set(areas_named(store)) == set(before[0]) | {"Thôn 07", "Xóm Chùa"}
    by_name = {p["full_name"]: p["area"] for p in map(lambda i: get_person(store, i), result.person_ids)}
    assert by_name == {"Lê Văn A": "Thôn 3", "Lê Văn B": "Thôn 07", "Lê Văn C": "Thôn 07", "Lê Văn D": "Xóm Chùa"}

    # a second file finds the areas the first one added
    again = plan_of(store, [person(5, "Lê Văn E", area="thon 7")])
    assert again.new_areas == {} and again.invalid() == []


def test_rows_in_a_new_area_are_compared_for_duplicates(store, areas):
    recs = [person(5, "Lê Văn A", area="Thôn 7", birth_date="02/03/1990"),
            person(6, "LÊ VĂN A", area="thôn 07", birth_date="02/03/1990")]
    plan = plan_of(store, recs)
    assert plan.rows[1].duplicate is not None and plan.rows[1].duplicate.row == 5
    plan.set_add_areas(True)
    result = apply_import(store, plan)
    assert (result.inserted, result.skipped, result.areas_added) == (1, 1, ["Thôn 7"])
    assert plan.rows[1].action == "skip"


def test_cancel_while_checking(store, areas):
    seen = []

    def progress(stage, done, total):
        seen.append((stage, done))
        if done >= 2000:
            raise Cancelled()

    with pytest.raises(Cancelled):
        plan_records(store, (person(r, f"Người Thứ {r}") for r in range(5, 5005)), path=Path("roster.xlsx"),
                     sheet="Danh sách", layout=None, progress=progress, total=5000)
    assert seen == [("check", 0), ("check", 1000), ("check", 2000)]


def test_dry_run_writes_nothing(store, areas):
    plan = _dup_plan(store, areas)
    before = (count(store), count(store, "change_log"))
    result = apply_import(store, plan, duplicates="update", dry_run=True)
    assert (result.inserted, result.updated, result.skipped, result.written, result.dry_run) == (1, 2, 0, False, True)
    assert (count(store), count(store, "change_log")) == before


def test_json_shape(store, areas):
    plan = plan_of(store, [person(5, "Lê Thị Hoa"), person(6, "", birth_date="1/1/1850")])
    payload = apply_import(store, plan, skip_invalid=True).as_json("vi")
    assert {"inserted", "updated", "skipped", "errors"} <= set(payload)
    assert (payload["inserted"], payload["updated"], payload["skipped"]) == (1, 0, 1)
    assert [(e["row"], e["column"], e["value"]) for e in payload["errors"]] == [(6, "B", ""), (6, "D", "1/1/1850")]
    assert all(set(e) == {"row", "column", "value", "message"} for e in payload["errors"])
    assert get_person(store, 1)["full_name"] == "Lê Thị Hoa"


def test_the_bulk_writer_stores_what_add_people_bulk_stores(store, tmp_path, clock):
    """app.domain.bulk_people is the fast twin of app.domain.people.add_people_bulk: the same
    person rows, search rows and change-log entries."""
    import json

    from app.domain.bulk_people import insert_people
    from app.domain.commune import create_commune_database
    from app.domain.people import add_people_bulk, validate_person

    other = create_commune_database(tmp_path / "other.sqlite3", "00004", clock=clock, actor="tester")
    for s in (store, other):
        add_residential_area(s, "Thôn 3")
        add_residential_area(s, "Thôn Đông Hòa")
    raws = [
        {"full_name": "Nguyễn Văn An", "gender": "nam", "birth_date": "05/03/1985", "citizen_id": "001085012345",
         "phone": "0912345678", "area_id": 7, "ethnicity": "Kinh", "note": "Tổ trưởng"},
        {"full_name": "Lê Thị Hoa", "birth_date": "1965", "religion": "Phật giáo", "area_id": 14},
        {"full_name": "Đỗ Văn Bình"},
    ]
    drafts = [validate_person(store, r).values for r in raws]

    def written(s):
        people = s.conn.execute("SELECT * FROM person ORDER BY id").fetchall()
        search = s.conn.execute("SELECT rowid, name, phone, citizen_id, area FROM person_search ORDER BY rowid")
        logs = s.conn.execute(
            "SELECT actor, action, row_id, before, after, note FROM change_log WHERE table_name = 'person'")
        return people, search.fetchall(), sorted((a, b, c, d, json.loads(e), f) for a, b, c, d, e, f in logs)

    with store.transaction():
        core_ids = add_people_bulk(store, drafts)
    with other.transaction():
        ids = insert_people(other, drafts)
    try:
        core, fast = written(store), written(other)
        # the fast writer gives ids in roster order; map them to compare
        same = dict(zip(ids, core_ids))
        fast_people = sorted((same[r[0]], *r[1:]) for r in fast[0])
        assert fast_people == core[0]
        assert sorted((same[r[0]], *r[1:]) for r in fast[1]) == core[1]
        assert sorted((a, b, same[c], d, e, f) for a, b, c, d, e, f in fast[2]) == core[2]
        assert len(core[0]) == 3 and len(core[2]) == 3
    finally:
        other.close()


KILLED_MID_IMPORT = r'''
import os, sys
from dataclasses import dataclass
from pathlib import Path
from app.db.storage import open_store
import app.domain.bulk_people
from app.importing.plan import apply_import, plan_import, plan_records

@dataclass
class Rec:
    row: int
    values: dict
    cells: dict

store = open_store(sys.argv[1])
store.conn.execute("PRAGMA cache_size = 5")  # a tiny cache spills uncommitted pages into the WAL file
plan = plan_records(store, [Rec(r, {"full_name": f"Người Thứ {r}"}, {"full_name": "B"}) for r in range(5, 505)],
                    path=Path("roster.xlsx"), sheet="Danh sách", layout=None)
real, written = app.domain.bulk_people.search_row, []

def search_row(*args):
    written.append(1)
    if len(written) == 300:
        wal = os.path.getsize(sys.argv[1] + "-wal")
        print(store.conn.execute("SELECT count(*) FROM person").fetchone()[0], wal, flush=True)
        os._exit(9)  # like a power cut: no rollback, no clean-up
    return real(*args)

app.domain.bulk_people.CHUNK = 100
app.domain.bulk_people.search_row = search_row
apply_import(store, plan)
'''


def test_a_process_killed_mid_import_leaves_the_database_as_it_was(store, tmp_path):
    import subprocess
    import sys

    from app.db.storage import open_store

    before = (count(store), count(store, "change_log"))
    store.close()
    script = tmp_path / "killed.py"
    script.write_text(KILLED_MID_IMPORT, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script), str(store.path)], capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert run.returncode == 9, run.stderr
    people, wal = map(int, run.stdout.split())
    assert people == before[0] + 200  # it was killed with 200 rows written,
    assert wal > 100_000  # some of them already in the WAL file on disk
    again = open_store(store.path)
    try:
        assert (count(again), count(again, "change_log")) == before
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        again.close()

