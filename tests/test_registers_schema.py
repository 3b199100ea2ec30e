"""The registers in the database and beside it: the migration that adds them
(an older database migrates after a backup, all or nothing), the change log
told in words, and erasing a person from them."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.db.migrations import MIGRATION_NAMES, SCHEMA_VERSION
from app.db.storage import open_store
from app.domain.cases import add_case, close_case
from app.domain.change_log import ChangeFilter, iter_changes, list_changes
from app.domain.change_words import changes_in_words
from app.domain.erasure import erase_person
from app.domain.fund import fund_figures, record_receipt, record_spending
from app.domain.organizations import add_residential_area
from app.domain.people import add_person, update_person
from app.domain.petitions import (
    PetitionFilter, add_petition, answer_petition, get_petition, petition_figures, petition_ids, update_petition,
)
from app.domain.registers import ERASED_NAME
from app.safety.checks import run_checks
from app.text.periods import parse_period
from tests.helpers import cli

RELEASE_0_1 = Path(__file__).parent / "fixtures" / "databases" / "frontdesk-0.1.sqlite3"
REGISTERS = {"petition", "fund_entry", "oversight_case"}


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


# -- the migration ------------------------------------------------------------------------------


def test_the_registers_step_is_the_third():
    assert MIGRATION_NAMES[2] == "0003_registers" and SCHEMA_VERSION >= 3


def test_a_release_0_1_database_gains_the_registers_after_a_backup(tmp_path, clock):
    path = tmp_path / "old.sqlite3"
    shutil.copy(RELEASE_0_1, path)
    backups = tmp_path / "backups"
    with open_store(path, clock=clock, backups=backups) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert REGISTERS <= _tables(store.conn)
        assert store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 100
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert not [r for r in run_checks(store) if r.status == "fail"]
        # the new tables work on the old data: a petition of one of its people, in one of its areas
        area = store.conn.execute("SELECT id FROM organization WHERE kind = 'residential_area' LIMIT 1").fetchone()[0]
        pid = add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "person_id": 1,
                                   "area_id": area, "content": "Đề nghị"})
        assert get_petition(store, pid).from_name == "Lê Thanh Thu"
    (made,) = backups.glob("*.sqlite3")
    assert f"before-migration-2-to-{SCHEMA_VERSION}" in made.name
    with sqlite3.connect(made) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 2
        assert not REGISTERS & _tables(copy)


def test_a_failing_registers_step_leaves_version_2(tmp_path, clock, monkeypatch):
    from app.db import migrations as m

    path = tmp_path / "old.sqlite3"
    shutil.copy(RELEASE_0_1, path)
    step = m.migration_set()._migrations[2]
    assert step.name == "0003_registers"
    original = step.fn

    def broken(db):
        original(db)
        raise RuntimeError("power cut")

    monkeypatch.setattr(step, "fn", broken)
    with pytest.raises(RuntimeError):
        open_store(path, clock=clock, backups=tmp_path / "b")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert not REGISTERS & _tables(conn)
        assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == 2


def test_the_lists_have_their_indexes(store):
    def plan(sql, *args):
        return " ".join(r[-1] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, args))

    assert "petition_status_due" in plan("SELECT id FROM petition WHERE status IN ('received', 'forwarded')"
                                         " AND due_on < ?", "2026-11-22")
    assert "petition_received" in plan("SELECT count(*) FROM petition WHERE received_on BETWEEN ? AND ?", "a", "b")
    assert "petition_area" in plan("SELECT id FROM petition WHERE area_id = ?", 1)
    assert "petition_channel" in plan("SELECT id FROM petition WHERE channel = ?", "letter")
    assert "fund_entry_fund_day" in plan("SELECT sum(amount) FROM fund_entry WHERE fund = ? AND entry_on < ?",
                                         "poor", "2026-11-01")
    assert "oversight_case_kind" in plan("SELECT id FROM oversight_case WHERE kind = ? AND opened_on >= ?",
                                         "mediation", "2026-11-01")


def test_a_person_deleted_leaves_the_entries_without_a_link(store):
    person, _ = add_person(store, {"full_name": "Vi Văn Tám"})
    pid = add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "person_id": person, "content": "x"})
    with store.transaction():
        store.conn.execute("DELETE FROM person WHERE id = ?", (person,))
    assert get_petition(store, pid).person_id is None


# -- the change log in words -------------------------------------------------------------------


def _register_changes(store):
    area = add_residential_area(store, "Thôn Đoài")
    pid = add_petition(store, {"received_on": "01/11/2026", "channel": "voter-meeting", "from_name": "Cử tri thôn Đoài",
                               "content": "Đề nghị làm đường điện", "due_on": "15/11/2026", "area_id": area})
    answer_petition(store, pid, on="10/11/2026", text="Điện lực đã lắp")
    record_spending(store, on="02/11/2026", amount=1_250_000, purpose="repair-house", party="Hộ bà Chín")
    case = add_case(store, {"kind": "mediation", "opened_on": "03/11/2026", "title": "Tranh chấp lối đi"})
    close_case(store, case, on="05/11/2026", outcome="successful")
    return pid, case


def test_the_change_log_speaks_of_the_registers_in_vietnamese(store):
    _register_changes(store)
    words = changes_in_words(store, list_changes(store, ChangeFilter(tables=tuple(REGISTERS))).entries, "vi")
    said = [(w.what, w.which, w.lines) for w in words]
    assert said == [
        ("Kết thúc vụ việc", "Tranh chấp lối đi", ("Ngày kết thúc: — → 05/11/2026", "Kết quả: — → Hòa giải thành")),
        ("Thêm vụ việc", "Tranh chấp lối đi",
         ("Tên: Tranh chấp lối đi", "Loại vụ việc: Hòa giải ở cơ sở", "Ngày bắt đầu: 03/11/2026")),
        ("Ghi khoản chi quỹ", "Hộ bà Chín",
         ("Ngày thu, chi: 02/11/2026", "Quỹ: Quỹ Vì người nghèo", "Thu hay chi: Chi", "Số tiền: 1.250.000 đ",
          "Người ủng hộ, người nhận: Hộ bà Chín", "Mục đích chi: Sửa nhà")),
        ("Trả lời kiến nghị", "Đề nghị làm đường điện",
         ("Ngày trả lời: — → 10/11/2026", "Nội dung trả lời: — → Điện lực đã lắp",
          "Trạng thái: Đã tiếp nhận → Đã trả lời")),
        ("Thêm kiến nghị", "Đề nghị làm đường điện",
         ("Ngày tiếp nhận: 01/11/2026", "Hình thức tiếp nhận: Tiếp xúc cử tri", "Người gửi: Cử tri thôn Đoài",
          "Nội dung: Đề nghị làm đường điện", "Khu dân cư: Thôn Đoài", "Trạng thái: Đã tiếp nhận",
          "Hạn: 15/11/2026")),
    ]
    assert not any("search_text" in line for w in words for line in w.lines)


def test_the_change_log_speaks_of_the_registers_in_english(store):
    _register_changes(store)
    words = changes_in_words(store, list_changes(store, ChangeFilter(tables=tuple(REGISTERS))).entries, "en")
    assert [w.what for w in words] == ["Closed a case", "Added a case", "Recorded a spending", "Answered a petition",
                                       "Added a petition"]
    assert "Amount: 1.250.000 đ" in words[2].lines and "Purpose: Repair a house" in words[2].lines
    assert "Kind of case: Grassroots mediation" in words[1].lines
    assert "Channel: Voter meeting" in words[4].lines and "Status: Received → Answered" in words[3].lines


def test_frontdesk_changes_names_the_registers(store):
    _register_changes(store)
    code, out, err = cli("changes", "--db", store.path, "--lang", "vi")
    assert code == 0, err
    assert "Thêm kiến nghị — Đề nghị làm đường điện" in out and "Ghi khoản chi quỹ — Hộ bà Chín" in out
    assert "    Số tiền: 1.250.000 đ" in out and "Kết thúc vụ việc — Tranh chấp lối đi" in out
    code, out, err = cli("changes", "--db", store.path, "--lang", "en", "--json")
    assert code == 0, err
    assert {"petition", "fund_entry", "oversight_case"} <= {e["table"] for e in json.loads(out)}


def test_a_deleted_petition_is_still_named_by_its_content(store):
    from app.domain.petitions import delete_petition

    pid = add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "from_name": "A",
                               "content": "Nhập nhầm " + "rất dài " * 20})
    delete_petition(store, pid)
    (entry,) = list_changes(store, ChangeFilter(tables=("petition",), actions=("delete",))).entries
    (words,) = changes_in_words(store, [entry], "vi")
    assert words.what == "Xóa kiến nghị" and words.which.startswith("Nhập nhầm rất dài") and words.which.endswith("…")


# -- erasure ---------------------------------------------------------------------------------


NAME = "Khổng Minh Triết"


def test_erasing_a_person_clears_the_link_and_replaces_the_name(store):
    person, _ = add_person(store, {"full_name": "Khổng Minh Triếc"})
    update_person(store, person, {"full_name": NAME})  # the name they had before goes too
    mine = add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "person_id": person,
                                "content": f"Ông {NAME} đề nghị cấp sổ đỏ", "due_on": "10/11/2026"})
    update_petition(store, mine, {"field": "Đất đai"})
    old_name = add_petition(store, {"received_on": "02/11/2026", "channel": "letter", "person_id": person,
                                    "from_name": "Ông Khổng Minh Triếc", "content": "Đèn đường"})
    update_petition(store, old_name, {"note": "Khổng Minh Triếc gọi lại hai lần"})  # the name they had before
    namesake = add_petition(store, {"received_on": "03/11/2026", "channel": "letter", "from_name": NAME,
                                    "content": "Một người khác trùng tên"})
    gift = record_spending(store, on="04/11/2026", amount=2_000_000, purpose="support", person_id=person).id
    record_receipt(store, on="01/11/2026", amount=5_000_000, party="Công ty A")
    figures = (petition_figures(store, parse_period("2026-11")), fund_figures(store, parse_period("2026-11")))

    result = erase_person(store, person)
    assert result.register_entries == 3
    q = store.conn.execute
    assert q("SELECT person_id, from_name, content FROM petition WHERE id = ?", (mine,)).fetchone() == (
        None, ERASED_NAME, f"Ông {ERASED_NAME} đề nghị cấp sổ đỏ")
    assert q("SELECT person_id, from_name, note FROM petition WHERE id = ?", (old_name,)).fetchone() == (
        None, ERASED_NAME, f"{ERASED_NAME} gọi lại hai lần")
    assert q("SELECT person_id, party FROM fund_entry WHERE id = ?", (gift,)).fetchone() == (None, ERASED_NAME)
    # free text not linked to the person stays: a namesake is someone else
    assert q("SELECT from_name FROM petition WHERE id = ?", (namesake,)).fetchone() == (NAME,)
    for table in ("petition", "fund_entry"):
        for before, after in q("SELECT before, after FROM change_log WHERE table_name = ? AND row_id != ?",
                               (table, namesake)):
            for text in (before, after):
                assert text is None or ("Khổng Minh" not in text and f'"person_id": {person}' not in text), text
    assert petition_ids(store, PetitionFilter(text="khong minh triet")) == [namesake]
    assert petition_ids(store, PetitionFilter(text="so do")) == [mine]  # still found by what it asks
    # the work happened: the figures do not change
    assert (petition_figures(store, parse_period("2026-11")), fund_figures(store, parse_period("2026-11"))) == figures
    assert not [e for e in iter_changes(store) if e.table in ("petition", "fund_entry")
                and isinstance(e.after, dict) and e.after.get("person_id") == person]
