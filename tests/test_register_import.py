"""Importing the registers from Excel (``frontdesk import petitions|fund|cases``):
real .xlsx files built here, read through the sandboxed child, every row
checked by the registers' own checks, all or nothing, duplicates left out.
Every date lies before the tests' fixed day (22/11/2026)."""
from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.db.storage import open_store
from app.domain.cases import CaseFilter, list_cases
from app.domain.change_log import ChangeFilter, list_changes
from app.domain.change_words import changes_in_words
from app.domain.commune import create_commune_database
from app.domain.fund import fund_balance
from app.domain.organizations import add_residential_area
from app.domain.petitions import PetitionFilter, list_petitions
from app.errors import FrontDeskError
from app.events import process_events
from app.importing import apply_register_import, plan_register_import
from app.text.periods import parse_period
from tests.hostile import write_ods
from tests.helpers import cli
from tests.test_workbook import number, row, text


def _book(path: Path, rows: list[list], *, title: str = "Sổ", merge: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for values in rows:
        ws.append(values)
    for cells in merge:
        ws.merge_cells(cells)
    wb.save(path)
    return path


@pytest.fixture
def areas(store):
    return {name: add_residential_area(store, name) for name in ("Thôn Đông", "Thôn Tây")}


def _count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _import(store, register: str, path: Path, **options):
    plan = plan_register_import(store, register, path)
    return plan, apply_register_import(store, plan, **options)


# -- petitions ------------------------------------------------------------------------

PETITION_HEADER = [
    ["ỦY BAN MTTQ VIỆT NAM XÃ QUÝ HÒA"],
    ["SỔ THEO DÕI Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI NĂM 2026"],
    [],
    ["STT", "Ngày tiếp nhận", "Hình thức", "Người gửi", "Thôn", "Nội dung kiến nghị", "Lĩnh vực", "Chuyển đến",
     "Ngày chuyển", "Trả lời", None, "Ngày kết thúc"],
    [None, None, None, None, None, None, None, None, None, "Ngày", "Nội dung", None],
]
PETITION_MERGES = ("J4:K4",)


def _petitions(path: Path, rows: list[list]) -> Path:
    footer = [[], [None, "Quý Hòa, ngày 20 tháng 11 năm 2026"], [None, "Người lập biểu"]]
    return _book(path, PETITION_HEADER + rows + footer, title="Kiến nghị", merge=PETITION_MERGES)


PETITIONS = [
    [1, datetime(2026, 3, 5), "Tiếp xúc cử tri", "Ông Nguyễn Văn An", "Thôn Đông", "Đề nghị sửa đường liên thôn",
     "Giao thông", "UBND xã", "10/03/2026", "20/03/2026", "Đã đưa vào kế hoạch sửa năm 2026", None],
    [2, "12/04/2026", "don thu", "Bà Lê Thị Hoa", "thon tay", "Xin hỗ trợ hộ nghèo", None, None, None, None, None,
     None],
    [3, "01/06/2026", "TRUC TIEP", "Cử tri thôn Đông", "Đông", "Đèn đường hỏng", "Điện", None, None,
     "02/06/2026", "Đã báo điện lực sửa", "05/06/2026"],
]


def test_petitions_are_imported_and_read_back(store, areas, tmp_path):
    plan, result = _import(store, "petitions", _petitions(tmp_path / "kien_nghi.xlsx", PETITIONS))
    assert (plan.sheet, plan.layout.header_rows, [r.row for r in plan.rows]) == ("Kiến nghị", (3, 4), [6, 7, 8])
    assert {c.letter: c.field for c in plan.understood()} == {
        "A": "row_number", "B": "received_on", "C": "channel", "D": "from_name", "E": "area", "F": "content",
        "G": "field", "H": "forwarded_to", "I": "forwarded_on", "J": "answered_on", "K": "answer",
        "L": "closed_on"}
    assert (result.inserted, result.duplicates, result.skipped, result.problems, result.written) == (3, 0, 0, [], True)
    got = {p.from_name: (p.received_on, p.channel, p.area, p.content, p.field, p.forwarded_to, p.forwarded_on,
                         p.answered_on, p.answer, p.closed_on, p.status)
           for p in list_petitions(store)}
    assert got == {
        "Ông Nguyễn Văn An": ("2026-03-05", "voter_meeting", "Thôn Đông", "Đề nghị sửa đường liên thôn", "Giao thông",
                              "UBND xã", "2026-03-10", "2026-03-20", "Đã đưa vào kế hoạch sửa năm 2026", None,
                              "answered"),
        "Bà Lê Thị Hoa": ("2026-04-12", "letter", "Thôn Tây", "Xin hỗ trợ hộ nghèo", None, None, None, None, None,
                          None, "received"),
        "Cử tri thôn Đông": ("2026-06-01", "in_person", "Thôn Đông", "Đèn đường hỏng", "Điện", None, None,
                             "2026-06-02", "Đã báo điện lực sửa", "2026-06-05", "closed"),
    }
    # search without accents finds them: the search copy was filled
    assert [p.from_name for p in list_petitions(store, PetitionFilter(text="sua duong lien thon"))] == ["Ông Nguyễn Văn An"]
    assert [p.from_name for p in list_petitions(store, PetitionFilter(text="dien luc"))] == ["Cử tri thôn Đông"]


def test_one_change_log_entry_per_import_in_words(store, areas, tmp_path):
    before = _count(store, "change_log")
    _import(store, "petitions", _petitions(tmp_path / "kn.xlsx", PETITIONS))
    assert _count(store, "change_log") == before + 1
    [entry] = list_changes(store, ChangeFilter(tables=("petition",))).entries
    assert (entry.action, entry.after, entry.note) == ("bulk", {"count": 3}, "kn.xlsx")
    [words] = changes_in_words(store, [entry], "vi")
    assert words.what == "Thêm 3 kiến nghị"
    assert changes_in_words(store, [entry], "en")[0].what == "Added 3 petitions"


def test_the_register_is_announced_once_with_the_new_ids(store, areas, tmp_path):
    heard = []
    unsubscribe = process_events().subscribe_all(lambda name, payload: heard.append((name, payload.get("ids"))))
    try:
        _plan, result = _import(store, "petitions", _petitions(tmp_path / "kn.xlsx", PETITIONS))
    finally:
        unsubscribe()
    assert heard == [("petitions_changed", result.ids)] and len(result.ids) == 3


def test_a_title_row_and_a_header_typed_without_accents(store, areas, tmp_path):
    path = _book(tmp_path / "kien nghi.xlsx", [
        ["SO THEO DOI KIEN NGHI CU TRI"],
        ["(Kem theo bao cao thang 10)"],
        ["TT", "NGAY", "HINH THUC", "HO TEN NGUOI KIEN NGHI", "NOI DUNG", "HAN TRA LOI", "GHI CHU"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, "15/10/2026", "hoi nghi khu dan cu", "Ong Tran Van Binh", "Xin lam muong thoat nuoc", "15/12/2026", None],
        [2, "16/10/2026", "cong mat tran so", "Nhom ho dan xom 3", "Cap nuoc sach", None, "Gui qua ung dung"],
        [None, "Tong cong: 2 kien nghi"],
    ])
    plan, result = _import(store, "petitions", path)
    assert (plan.layout.header_rows, plan.layout.data_start) == ((2,), 4)
    assert result.inserted == 2 and result.problems == []
    got = {p.from_name: (p.received_on, p.channel, p.due_on, p.note) for p in list_petitions(store)}
    assert got == {"Ong Tran Van Binh": ("2026-10-15", "area_meeting", "2026-12-15", None),
                   "Nhom ho dan xom 3": ("2026-10-16", "portal", None, "Gui qua ung dung")}


# -- the fund ---------------------------------------------------------------------------


def test_a_cash_book_with_separate_thu_and_chi_columns(store, areas, tmp_path):
    path = _book(tmp_path / "so_quy.xlsx", [
        ["SỔ THU, CHI QUỸ “VÌ NGƯỜI NGHÈO” NĂM 2026"],
        ["STT", "Ngày", "Số chứng từ", None, "Diễn giải", "Số tiền (đồng)", None, "Mục đích chi", "Tồn quỹ"],
        [None, None, "Thu", "Chi", None, "Thu", "Chi", None, None],
        [None, None, None, None, "Số dư đầu kỳ", None, None, None, 12000000],
        [1, datetime(2026, 1, 10), "PT01", None, "Công ty TNHH Bình Minh ủng hộ", "5.000.000", None, None, 17000000],
        [2, datetime(2026, 2, 1), None, "PC01", "Hộ ông Trần Văn Ba", None, 30000000, "sửa nhà", None],
        [3, "15/03/2026", "PT02", None, "Bà Lê Thị Lan", "1,250,000 đ", None, None, None],
        [4, "20/03/2026", None, "PC02", "Hộ bà Nguyễn Thị Cúc", None, "2.000.000 đồng", "ho tro", None],
        [None, "Cộng", None, None, None, 6250000, 32000000, None, None],
    ], title="Sổ quỹ", merge=("C2:D2", "F2:G2"))
    plan, result = _import(store, "fund", path)
    assert {c.letter: c.field for c in plan.understood()} == {
        "A": "row_number", "B": "entry_on", "C": "document_number", "D": "document_number", "E": "party",
        "F": "receipt_amount", "G": "spending_amount", "H": "purpose"}
    assert [c.letter for c in plan.layout.columns if c.ignored] == ["I"]  # the balance column
    assert [r.row for r in plan.rows] == [5, 6, 7, 8]  # the balance line and the total passed over
    assert (result.inserted, [p.message("vi") for p in result.problems]) == (4, [])
    got = store.conn.execute(
        "SELECT entry_on, fund, direction, amount, party, purpose, document_number FROM fund_entry ORDER BY id"
    ).fetchall()
    assert got == [
        ("2026-01-10", "poor", "receipt", 5_000_000, "Công ty TNHH Bình Minh ủng hộ", None, "PT01"),
        ("2026-02-01", "poor", "spending", 30_000_000, "Hộ ông Trần Văn Ba", "repair_house", "PC01"),
        ("2026-03-15", "poor", "receipt", 1_250_000, "Bà Lê Thị Lan", None, "PT02"),
        ("2026-03-20", "poor", "spending", 2_000_000, "Hộ bà Nguyễn Thị Cúc", "support", "PC02"),
    ]
    balance = fund_balance(store, parse_period("2026"))
    assert (balance.received, balance.spent, balance.closing) == (6_250_000, 32_000_000, -25_750_000)


def test_a_fund_file_with_one_amount_column_and_a_direction_column(store, areas, tmp_path):
    path = _book(tmp_path / "quy.xlsx", [
        ["Ngay thu chi", "Quy", "Thu/chi", "So tien", "Nguoi ung ho / nguoi nhan", "Thon", "Muc dich chi", "So phieu"],
        ["05/01/2026", "Vì người nghèo", "Thu", 3000000, "Ông Phạm Văn Tư", "Thôn Tây", None, "PT-001"],
        ["06/01/2026", "cuu tro", "chi", "500.000", "Hộ bà Đỗ Thị Năm", "thon dong", "y te", "PC-001"],
    ])
    plan, result = _import(store, "fund", path)
    assert result.inserted == 2 and result.problems == []
    got = store.conn.execute(
        "SELECT e.entry_on, e.fund, e.direction, e.amount, e.party, o.name, e.purpose, e.document_number"
        " FROM fund_entry e LEFT JOIN organization o ON o.id = e.area_id ORDER BY e.id").fetchall()
    assert got == [("2026-01-05", "poor", "receipt", 3_000_000, "Ông Phạm Văn Tư", "Thôn Tây", None, "PT-001"),
                   ("2026-01-06", "relief", "spending", 500_000, "Hộ bà Đỗ Thị Năm", "Thôn Đông", "health", "PC-001")]


def test_a_row_with_both_thu_and_chi_is_a_problem_of_both_cells(store, areas, tmp_path):
    path = _book(tmp_path / "quy.xlsx", [
        ["Ngày", "Diễn giải", "Thu", "Chi"],
        ["05/01/2026", "Ông Phạm Văn Tư", 100000, 200000],
        ["06/01/2026", "Bà Đinh Thị Tám", None, None],
    ])
    plan = plan_register_import(store, "fund", path)
    problem, missing = plan.problems()
    assert missing.message("vi") == "Dòng 3, cột C, D: Số tiền là bắt buộc."  # and nothing about Thu/chi
    assert problem.message("vi") == (
        "Dòng 2, cột C, D: Số tiền: ghi cả số thu (100000) và số chi (200000), mà mỗi dòng chỉ là một khoản "
        "thu hoặc một khoản chi.")


# -- cases --------------------------------------------------------------------------------


def test_cases_are_imported_with_their_closing_and_outcome(store, areas, tmp_path):
    path = _book(tmp_path / "vu_viec.xlsx", [
        ["SỔ THEO DÕI VỤ VIỆC"],
        ["STT", "Loại", "Ngày bắt đầu", "Tên vụ việc", "Thôn", "Các bên", "Kết quả kiểm tra", "Kiến nghị",
         "Ngày kết thúc", "Kết quả"],
        [1, "Hòa giải ở cơ sở", "02/02/2026", "Tranh chấp ranh giới đất", "Thôn Đông", "Hộ ông A; hộ ông B",
         "Hai bên thống nhất mốc giới", None, "10/02/2026", "hoa giai thanh"],
        [2, "giam sat dau tu", "01/03/2026", "Giám sát công trình nhà văn hóa thôn Tây", "Thôn Tây", None, None,
         None, None, None],
        [3, "TTND", "05/05/2026", "Kiểm tra thu chi quỹ thôn", None, None, "Thu chi đúng", "Công khai hằng quý",
         "30/06/2026", "Đã giải quyết"],
    ])
    _plan, result = _import(store, "cases", path)
    assert (result.inserted, result.problems) == (3, [])
    got = {c.title: (c.kind, c.opened_on, c.area, c.parties, c.findings, c.recommendation, c.closed_on, c.outcome)
           for c in list_cases(store, CaseFilter())}
    assert got == {
        "Tranh chấp ranh giới đất": ("mediation", "2026-02-02", "Thôn Đông", "Hộ ông A; hộ ông B",
                                     "Hai bên thống nhất mốc giới", None, "2026-02-10", "successful"),
        "Giám sát công trình nhà văn hóa thôn Tây": ("investment", "2026-03-01", "Thôn Tây", None, None, None, None,
                                                     None),
        "Kiểm tra thu chi quỹ thôn": ("inspection", "2026-05-05", None, None, "Thu chi đúng", "Công khai hằng quý",
                                      "2026-06-30", "resolved"),
    }


def test_a_case_row_breaking_the_domains_rules(store, areas, tmp_path):
    path = _book(tmp_path / "vu_viec.xlsx", [
        ["Loại", "Ngày bắt đầu", "Tên vụ việc", "Ngày kết thúc", "Kết quả"],
        ["hoa giai", "10/02/2026", "Tranh chấp lối đi", "01/02/2026", "Đã giải quyết"],
        ["giam sat", "10/02/2026", "Giám sát chợ", "20/02/2026", None],
    ])
    plan = plan_register_import(store, "cases", path)
    assert [(p.row, p.column, p.field, p.code) for p in plan.problems()] == [
        (2, "D", "closed_on", "case.closed_before_opened"),
        (2, "E", "outcome", "case.outcome_for_kind"),
        (3, "E", "outcome", "required"),
    ]


# -- problems, all or nothing ---------------------------------------------------------


BAD_PETITIONS = PETITIONS + [
    [4, "31/02/2026", "Tiếp xúc cử tri", "Ông Hà Văn Sáu", "Thôn Đông", "Đề nghị lắp đèn", None, None, None, None,
     None, None],
    [5, "01/05/2026", "fax", "Bà Vũ Thị Bảy", "Thôn Bắc", "Đề nghị nạo vét kênh", None, None, None, "01/04/2026",
     "Đã trả lời", None],
]


def test_every_problem_with_its_row_and_column_in_vietnamese_and_english(store, areas, tmp_path):
    plan = plan_register_import(store, "petitions", _petitions(tmp_path / "kn.xlsx", BAD_PETITIONS))
    assert [(p.row, p.column, p.field, p.code) for p in plan.problems()] == [
        (9, "B", "received_on", "date.impossible"),
        (10, "C", "channel", "register.bad_word"),
        (10, "E", "area_id", "register.area_unknown"),
        (10, "J", "answered_on", "petition.before_received"),
    ]
    vi = [p.message("vi") for p in plan.problems()]
    assert vi[0].startswith("Dòng 9, cột B: ")
    assert vi[2] == "Dòng 10, cột E: Khu dân cư: Không có khu dân cư nào tên “Thôn Bắc”. Các khu dân cư: Thôn Đông, Thôn Tây."
    assert vi[3] == "Dòng 10, cột J: Ngày trả lời (01/04/2026) trước ngày tiếp nhận kiến nghị (01/05/2026)."
    en = [p.message("en") for p in plan.problems()]
    assert en[2] == "Row 10, column E: Residential area: No residential area is called “Thôn Bắc”. The residential areas: Thôn Đông, Thôn Tây."
    assert en[3] == "Row 10, column J: Answered on (01/04/2026) is before the petition was received (01/05/2026)."


def test_one_bad_row_and_nothing_is_written(store, areas, tmp_path):
    before = (_count(store, "petition"), _count(store, "change_log"))
    _plan, result = _import(store, "petitions", _petitions(tmp_path / "kn.xlsx", BAD_PETITIONS))
    assert (result.blocked, result.written, result.inserted, result.skipped) == (True, False, 0, 5)
    assert (_count(store, "petition"), _count(store, "change_log")) == before


def test_skip_invalid_writes_the_valid_rows_and_lists_the_rest(store, areas, tmp_path):
    _plan, result = _import(store, "petitions", _petitions(tmp_path / "kn.xlsx", BAD_PETITIONS), skip_invalid=True)
    assert (result.written, result.inserted, result.skipped, len(result.problems)) == (True, 3, 2, 4)
    assert _count(store, "petition") == 3


def test_a_hostile_huge_number_is_a_problem_not_a_crash(store, areas, tmp_path):
    path = _book(tmp_path / "quy.xlsx", [
        ["Ngày", "Diễn giải", "Thu", "Chi"],
        ["05/01/2026", "Ông A", 1e300, None],
        ["05/01/2026", "Ông B", "9" * 5000, None],
        ["05/01/2026", "Ông C", "²", None],
        [4e300, "Ông D", 100000, None],
    ])
    plan = plan_register_import(store, "fund", path)
    assert [(p.row, p.column, p.code) for p in plan.problems()] == [
        (2, "C", "money.too_large"), (3, "C", "money.bad"), (4, "C", "money.bad"), (5, "A", "date.unreadable")]
    assert apply_register_import(store, plan).blocked and _count(store, "fund_entry") == 0


def test_missing_columns_are_named(store, areas, tmp_path):
    path = _book(tmp_path / "kn.xlsx", [["Ngày tiếp nhận", "Người gửi", "Ghi chú"], ["01/02/2026", "Ông A", "x"]])
    with pytest.raises(FrontDeskError) as caught:
        plan_register_import(store, "petitions", path)
    assert caught.value.code == "import.register.missing_columns"
    assert "“Hình thức tiếp nhận” (channel), “Nội dung kiến nghị” (content)" in caught.value.params["missing"]


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def db(tmp_path, clock):
    path = tmp_path / "commune.sqlite3"
    store = create_commune_database(path, "00004", clock=clock, actor="tester")
    add_residential_area(store, "Thôn Đông")
    add_residential_area(store, "Thôn Tây")
    store.close()
    return path


def _counts(db: Path) -> tuple[int, int]:
    with open_store(db) as store:
        return _count(store, "petition"), _count(store, "change_log")


def test_the_command_imports_and_a_second_run_adds_nothing(db, tmp_path):
    path = _petitions(tmp_path / "kn.xlsx", PETITIONS)
    code, out, err = cli("import", "petitions", path, "--db", db)
    assert (code, err) == (0, "")
    assert "Tệp kn.xlsx, trang “Kiến nghị”: 3 dòng dữ liệu (sổ kiến nghị)." in out
    assert "Đã nhập: thêm 3, trùng bỏ qua 0, lỗi bỏ qua 0." in out
    counts = _counts(db)
    code, out, err = cli("import", "petitions", path, "--db", db)
    assert code == 0 and _counts(db) == counts
    assert "3 dòng trùng với sổ hoặc với dòng trước của tệp, bỏ qua (không thêm hai lần):" in out
    assert "Dòng 6: đã có trong sổ (số 1: cùng ngày, người hoặc tên, số tiền hoặc nội dung)" in out
    assert "Không có dòng mới nào để thêm: mọi dòng hợp lệ đã có trong sổ." in out


def test_the_command_with_bad_rows_writes_nothing_and_exits_1(db, tmp_path):
    path = _petitions(tmp_path / "kn.xlsx", BAD_PETITIONS)
    counts = _counts(db)
    code, out, err = cli("import", "petitions", path, "--db", db)
    assert code == 1 and _counts(db) == counts and "Traceback" not in out + err
    assert "Có 4 lỗi ở 2 dòng:" in out
    assert "Không ghi gì vì 2 dòng có lỗi. Hãy sửa tệp rồi nhập lại, hoặc dùng --skip-invalid" in out
    code, out, _err = cli("import", "petitions", path, "--db", db, "--skip-invalid", "--lang", "en")
    assert code == 0 and _counts(db)[0] == 3
    assert "Imported: 3 added, 0 duplicate(s) left out, 2 invalid row(s) left out." in out


def test_dry_run_writes_nothing(db, tmp_path):
    counts = _counts(db)
    code, out, _err = cli("import", "petitions", _petitions(tmp_path / "kn.xlsx", PETITIONS), "--db", db,
                          "--dry-run")
    assert code == 0 and _counts(db) == counts
    assert "Chạy thử, không ghi gì: sẽ thêm 3, trùng bỏ qua 0, lỗi bỏ qua 0." in out


def test_json_output(db, tmp_path):
    code, out, _err = cli("import", "petitions", _petitions(tmp_path / "kn.xlsx", BAD_PETITIONS), "--db", db,
                          "--json", "--dry-run", "--lang", "en")
    assert code == 1
    payload = json.loads(out)
    assert {k: payload[k] for k in ("register", "file", "sheet", "rows", "inserted", "duplicates", "skipped",
                                    "dry_run")} == {
        "register": "petitions", "file": "kn.xlsx", "sheet": "Kiến nghị", "rows": 5, "inserted": 0,
        "duplicates": 0, "skipped": 5, "dry_run": True}
    assert [(p["row"], p["column"], p["field"]) for p in payload["problems"]] == [
        (9, "B", "received_on"), (10, "C", "channel"), (10, "E", "area"), (10, "J", "answered_on")]
    assert payload["problems"][2]["message"].startswith("Row 10, column E: Residential area: No residential area is called “Thôn Bắc”")


def test_a_link_and_a_fifo_are_refused(db, tmp_path):
    real = _petitions(tmp_path / "kn.xlsx", PETITIONS)
    link = tmp_path / "lien_ket.xlsx"
    try:
        link.symlink_to(real)
    except OSError:  # Windows without the right to make links
        pytest.skip("this account may not create symbolic links")
    code, out, err = cli("import", "petitions", link, "--db", db)
    assert code == 1 and "lien_ket.xlsx" in err and "Traceback" not in out + err
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "cho.xlsx"
        os.mkfifo(fifo)
        code, out, _err = cli("import", "fund", fifo, "--db", db, "--json")
        assert code == 1 and "cho.xlsx" in json.loads(out)["problems"][0]["message"]
    assert _counts(db)[0] == 0


def test_usage_errors_exit_2(db, tmp_path):
    assert cli("import", "kien-nghi", tmp_path / "x.xlsx", "--db", db)[0] == 2
    assert cli("import", "fund", "--db", db)[0] == 2


def test_a_file_that_is_no_register_is_one_clear_line(db, tmp_path):
    path = _book(tmp_path / "khac.xlsx", [["Xin chào"], ["Một bảng khác"]])
    code, out, err = cli("import", "cases", path, "--db", db)
    assert code == 1 and out == ""
    assert err.startswith("Không tìm thấy dòng tên cột của sổ vụ việc trong tệp khac.xlsx.")


def test_an_ods_cash_book(db, tmp_path):
    table = ('<table:table table:name="Quỹ">'
             + row(text("Ngày") + text("Người nộp") + text("Thu") + text("Chi") + text("Mục đích chi"))
             + row(text("03/02/2026") + text("Chi hội Phụ nữ thôn Đông") + number(2000000) + "<table:table-cell/>"
                   + "<table:table-cell/>")
             + row(text("04/02/2026") + text("Hộ ông Lò Văn Mười") + "<table:table-cell/>" + number(1500000)
                   + text("Hỗ trợ"))
             + "</table:table>")
    code, out, err = cli("import", "fund", write_ods(tmp_path / "quy.ods", table), "--db", db)
    assert code == 0, out + err
    with open_store(db) as store:
        assert store.conn.execute("SELECT direction, amount, party, purpose FROM fund_entry ORDER BY id").fetchall() == [
            ("receipt", 2_000_000, "Chi hội Phụ nữ thôn Đông", None),
            ("spending", 1_500_000, "Hộ ông Lò Văn Mười", "support")]
