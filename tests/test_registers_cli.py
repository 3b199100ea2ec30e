"""``frontdesk petitions|fund|cases`` as DESIGN.md writes them: what they print,
their JSON shapes, exit 1 with a clear message for bad input (Vietnamese, or
English with --lang en) and 2 for usage errors."""
from __future__ import annotations

import json

import pytest

from app.domain.organizations import add_residential_area
from tests.helpers import cli


@pytest.fixture
def db(store):
    add_residential_area(store, "Thôn Đông Hưng")
    return str(store.path)


# -- petitions ------------------------------------------------------------------------------


def test_petitions_add_prints_the_new_record_with_its_id(db):
    code, out, err = cli("petitions", "add", "--db", db, "--received", "05/11/2026", "--channel", "tiếp xúc cử tri",
                         "--from", "Bà Lê Thị Hoa", "--content", "Đường liên thôn hỏng", "--area", "dong hung",
                         "--field", "Giao thông", "--forward-to", "UBND xã", "--due", "20/11/2026", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert record["id"] == 1
    assert {k: record[k] for k in ("received_on", "channel", "from", "content", "area", "field", "forwarded_to",
                                   "due_on", "status", "answered_on", "overdue")} == {
        "received_on": "2026-11-05", "channel": "voter-meeting", "from": "Bà Lê Thị Hoa",
        "content": "Đường liên thôn hỏng", "area": "Thôn Đông Hưng", "field": "Giao thông", "forwarded_to": "UBND xã",
        "due_on": "2026-11-20", "status": "forwarded", "answered_on": None, "overdue": True}
    code, out, err = cli("petitions", "add", "--db", db, "--received", "06/11/2026", "--channel", "portal",
                         "--from", "Ông Ba", "--content", "Đèn đường")
    assert code == 0, err
    assert out.strip() == "Đã ghi kiến nghị số 2: Ông Ba (Cổng Mặt trận số), tiếp nhận ngày 06/11/2026."


def test_petitions_answer_and_list(db):
    for received, due in (("01/11/2026", "10/11/2026"), ("02/11/2026", "30/11/2026"), ("03/11/2026", "15/11/2026")):
        code, _, err = cli("petitions", "add", "--db", db, "--received", received, "--channel", "letter",
                           "--from", "Cử tri", "--content", f"Kiến nghị ngày {received}", "--due", due)
        assert code == 0, err
    code, out, err = cli("petitions", "answer", "3", "--db", db, "--on", "12/11/2026", "--text", "Đã giải quyết")
    assert code == 0, err
    assert out.strip() == "Đã ghi trả lời kiến nghị số 3 ngày 12/11/2026."
    code, out, _ = cli("petitions", "list", "--db", db, "--json")
    listed = json.loads(out)
    assert [p["id"] for p in listed] == [1, 2, 3]  # open first, soonest due first
    assert listed[2]["status"] == "answered" and listed[2]["answered_on"] == "2026-11-12"
    assert [p["id"] for p in json.loads(cli("petitions", "list", "--db", db, "--open", "--json")[1])] == [1, 2]
    assert [p["id"] for p in json.loads(cli("petitions", "list", "--db", db, "--overdue", "--json")[1])] == [1]
    code, out, _ = cli("petitions", "list", "--db", db, "--overdue")
    assert code == 0 and out.splitlines() == [
        "1 kiến nghị:", "  #1  01/11/2026  [QUÁ HẠN]  Cử tri: Kiến nghị ngày 01/11/2026, hạn trả lời 10/11/2026"]
    code, out, _ = cli("petitions", "list", "--db", db, "--open", "--lang", "en")
    assert "[OVERDUE]" in out and "[Received]" in out and "answer due 30/11/2026" in out


def test_petitions_refusals_exit_1_with_every_problem(db):
    code, out, err = cli("petitions", "add", "--db", db, "--received", "32/11/2026", "--channel", "fax",
                         "--from", "A", "--content", "x", "--due", "31/11/2026")
    assert (code, out) == (1, "")
    assert err.startswith("Có 3 chỗ chưa hợp lệ:") and "Hình thức tiếp nhận “fax” không hợp lệ" in err
    assert "voter-meeting (Tiếp xúc cử tri)" in err and "Traceback" not in err
    code, _, err = cli("petitions", "add", "--db", db, "--received", "01/11/2026", "--channel", "fax",
                       "--from", "A", "--content", "x", "--lang", "en")
    assert code == 1 and "Channel “fax” is not valid. Use one of: voter-meeting" in err
    code, _, err = cli("petitions", "add", "--db", db, "--received", "01/11/2026", "--channel", "letter",
                       "--from", "A", "--content", "x", "--area", "Thôn Không Có")
    assert code == 1 and "Không có khu dân cư nào tên “Thôn Không Có”" in err and "Thôn Đông Hưng" in err
    cli("petitions", "add", "--db", db, "--received", "10/11/2026", "--channel", "letter", "--from", "A",
        "--content", "x")
    code, _, err = cli("petitions", "answer", "1", "--db", db, "--on", "09/11/2026", "--text", "y")
    assert code == 1 and "Ngày trả lời (09/11/2026) trước ngày tiếp nhận kiến nghị (10/11/2026)." in err
    code, _, err = cli("petitions", "answer", "1", "--db", db, "--on", "09/11/2026", "--text", "y", "--lang", "en")
    assert code == 1 and "Answered on (09/11/2026) is before the petition was received (10/11/2026)." in err
    code, _, err = cli("petitions", "answer", "7", "--db", db, "--on", "12/11/2026", "--text", "y")
    assert code == 1 and "Không tìm thấy kiến nghị số 7." in err


@pytest.mark.parametrize("argv", [
    ("petitions",), ("petitions", "add", "--received", "01/11/2026"), ("petitions", "answer", "x", "--on", "1/1/2026",
                                                                       "--text", "y"),
    ("petitions", "list", "--closed"), ("fund", "spend", "--on", "01/11/2026", "--amount", "5", "--to", "A"),
    ("fund", "balance"), ("cases", "close", "1", "--on", "01/11/2026"), ("cases", "remove"),
])
def test_usage_errors_exit_2(db, argv):
    code, out, err = cli(*argv, "--db", db)
    assert code == 2 and out == "" and "--help" in err


# -- fund ------------------------------------------------------------------------------------


def test_fund_receive_spend_and_balance(db):
    code, out, err = cli("fund", "receive", "--db", db, "--on", "01/10/2026", "--amount", "20.000.000",
                         "--from", "Công ty Hòa Bình", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert {k: record[k] for k in ("id", "entry_on", "fund", "direction", "amount", "party", "purpose", "notices")} == {
        "id": 1, "entry_on": "2026-10-01", "fund": "poor", "direction": "receipt", "amount": 20_000_000,
        "party": "Công ty Hòa Bình", "purpose": None, "notices": []}
    code, out, err = cli("fund", "spend", "--db", db, "--on", "05/11/2026", "--amount", "1250000", "--to", "Hộ ông Tư",
                         "--purpose", "sửa nhà")
    assert code == 0, err
    assert out.strip() == ("Đã ghi khoản chi số 2: 1.250.000 đ cho Hộ ông Tư (Sửa nhà) từ Quỹ Vì người nghèo, "
                           "ngày 05/11/2026.")
    code, out, err = cli("fund", "spend", "--db", db, "--on", "06/11/2026", "--amount", "800000", "--to", "Em Na",
                         "--purpose", "study", "--json")
    assert json.loads(out)["purpose"] == "study" and json.loads(out)["id"] == 3
    code, out, err = cli("fund", "balance", "--db", db, "--period", "11/2026", "--json")
    assert code == 0, err
    assert json.loads(out) == {"opening": 20_000_000, "received": 0, "spent": 2_050_000, "closing": 17_950_000}
    code, out, err = cli("fund", "balance", "--db", db, "--period", "2026-10", "--fund", "poor")
    assert code == 0, err
    assert out.splitlines() == ["Quỹ Vì người nghèo, tháng 10 năm 2026:", "  Số dư đầu kỳ:  0 đ",
                                "  Thu trong kỳ:  20.000.000 đ", "  Chi trong kỳ:  0 đ",
                                "  Số dư cuối kỳ: 20.000.000 đ"]
    code, out, _ = cli("fund", "balance", "--db", db, "--period", "Q4/2026", "--lang", "en")
    assert "Closing balance: 17.950.000 đ" in out and "Fund for the poor, Q4 2026:" in out


def test_a_spending_below_zero_is_written_with_a_warning(db):
    code, out, err = cli("fund", "spend", "--db", db, "--on", "05/11/2026", "--amount", "500.000", "--to", "Hộ bà Năm",
                         "--purpose", "support", "--fund", "cuu tro")
    assert code == 0, err
    assert "Lưu ý: Sau khoản chi này, Quỹ Cứu trợ còn -500.000 đ vào ngày 05/11/2026 (âm quỹ)." in out
    code, out, err = cli("fund", "spend", "--db", db, "--on", "05/11/2026", "--amount", "1", "--to", "X",
                         "--purpose", "support", "--fund", "relief", "--json")
    assert code == 0 and json.loads(out)["notices"][0].startswith("Sau khoản chi này, Quỹ Cứu trợ còn -500.001 đ")
    code, out, _ = cli("fund", "balance", "--db", db, "--period", "2026-11", "--fund", "relief", "--json")
    assert json.loads(out)["closing"] == -500_001


def test_fund_refusals_exit_1(db):
    code, _, err = cli("fund", "receive", "--db", db, "--on", "01/11/2026", "--amount", "1.000,5", "--from", "A")
    assert code == 1 and "Số tiền “1.000,5” không phải là số tiền hợp lệ" in err
    code, _, err = cli("fund", "receive", "--db", db, "--on", "01/11/2026", "--amount", "0", "--from", "A",
                       "--lang", "en")
    assert code == 1 and "Amount must be more than 0 đồng." in err
    code, _, err = cli("fund", "spend", "--db", db, "--on", "01/11/2026", "--amount", "5", "--to", "A",
                       "--purpose", "du lịch")
    assert code == 1 and "Mục đích chi “du lịch” không hợp lệ" in err and "build-house (Xây nhà)" in err
    code, _, err = cli("fund", "balance", "--db", db, "--period", "12/2026")
    assert code == 1 and "chưa có số liệu" in err
    code, _, err = cli("fund", "balance", "--db", db, "--period", "2026-11", "--fund", "secret")
    assert code == 1 and "Quỹ “secret” không hợp lệ" in err


# -- cases -----------------------------------------------------------------------------------


def test_cases_add_close_and_list(db):
    code, out, err = cli("cases", "add", "--db", db, "--kind", "mediation", "--opened", "01/11/2026",
                         "--title", "Tranh chấp ranh giới đất", "--area", "Thôn Đông Hưng", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert {k: record[k] for k in ("id", "kind", "opened_on", "title", "area", "closed_on", "outcome")} == {
        "id": 1, "kind": "mediation", "opened_on": "2026-11-01", "title": "Tranh chấp ranh giới đất",
        "area": "Thôn Đông Hưng", "closed_on": None, "outcome": None}
    code, out, err = cli("cases", "add", "--db", db, "--kind", "Giám sát đầu tư của cộng đồng", "--opened",
                         "02/11/2026", "--title", "Công trình nhà văn hóa")
    assert code == 0 and out.strip() == ("Đã ghi vụ việc số 2: Công trình nhà văn hóa (Giám sát đầu tư của cộng "
                                         "đồng), bắt đầu ngày 02/11/2026.")
    code, out, err = cli("cases", "close", "1", "--db", db, "--on", "10/11/2026", "--outcome", "successful")
    assert code == 0 and out.strip() == "Đã kết thúc vụ việc số 1 ngày 10/11/2026: Hòa giải thành."
    code, out, _ = cli("cases", "list", "--db", db, "--json")
    assert [(c["id"], c["kind"], c["outcome"]) for c in json.loads(out)] == [
        (2, "investment", None), (1, "mediation", "successful")]
    code, out, _ = cli("cases", "list", "--db", db, "--open", "--json")
    assert [c["id"] for c in json.loads(out)] == [2]
    code, out, _ = cli("cases", "list", "--db", db, "--kind", "hoa giai", "--json")
    assert [c["id"] for c in json.loads(out)] == [1]
    code, out, _ = cli("cases", "list", "--db", db)
    assert out.splitlines()[0] == "2 vụ việc:" and "[Hòa giải thành 10/11/2026]  Tranh chấp ranh giới đất" in out
    code, out, _ = cli("cases", "list", "--db", db, "--kind", "criticism")
    assert out.strip() == "Không có vụ việc nào."


def test_cases_refusals_exit_1(db):
    cli("cases", "add", "--db", db, "--kind", "inspection", "--opened", "05/11/2026", "--title", "Kiểm tra chợ")
    code, _, err = cli("cases", "close", "1", "--db", db, "--on", "04/11/2026", "--outcome", "successful")
    assert code == 1
    assert "Ngày kết thúc (04/11/2026) trước ngày mở vụ việc (05/11/2026)." in err
    assert "Kết quả “successful” không dùng cho Thanh tra nhân dân" in err
    code, _, err = cli("cases", "close", "1", "--db", db, "--on", "04/11/2026", "--outcome", "successful",
                       "--lang", "en")
    assert code == 1 and "Outcome “successful” does not fit people's inspection" in err
    code, _, err = cli("cases", "add", "--db", db, "--kind", "audit", "--opened", "05/11/2026", "--title", "x")
    assert code == 1 and "Loại “audit” không hợp lệ" in err and "inspection (Thanh tra nhân dân)" in err
    code, _, err = cli("cases", "list", "--db", db, "--kind", "audit")
    assert code == 1 and "Loại “audit” không hợp lệ" in err


def test_help_speaks_both_languages(db):
    code, out, _ = cli("petitions", "add", "--help", "--lang", "vi")
    assert code == 0 and "ngày tiếp nhận" in out and "voter-meeting|area-meeting" in out
    code, out, _ = cli("fund", "spend", "--help", "--lang", "en")
    assert code == 0 and "what it was for: build-house" in out and "the amount in đồng" in out
    code, out, _ = cli("--help", "--lang", "vi")
    assert code == 0 and "petitions" in out and "fund" in out and "cases" in out
