"""The fund's cash book: amounts in whole đồng shown the Vietnamese way,
validation, a fund taken below zero (recorded, with a notice), balances and
the period's figures on a hand-made book counted by hand."""
from __future__ import annotations

import sqlite3

import pytest

from app import messages
from app.domain.fund import (
    FundFilter, add_fund_entry, balance_on, fund_balance, fund_entry_ids, fund_figures, get_fund_entry,
    record_receipt, record_spending, update_fund_entry,
)
from app.domain.people import add_person
from app.domain.registers import parse_word
from app.errors import InvalidInput, InvalidValue
from app.text.money import format_money, parse_money
from app.text.periods import parse_period


def _problems(caught) -> dict[str, str]:
    return {p.field: p.code for p in caught.value.problems}


# -- money -------------------------------------------------------------------------------


@pytest.mark.parametrize("amount, shown", [(1250000, "1.250.000 đ"), (0, "0 đ"), (999, "999 đ"), (1000, "1.000 đ"),
                                           (-26500000, "-26.500.000 đ"), (12_345_678_901, "12.345.678.901 đ")])
def test_amounts_are_shown_with_vietnamese_grouping(amount, shown):
    assert format_money(amount) == shown


def test_no_amount_shows_nothing_and_the_unit_can_be_left_out():
    assert format_money(None) == "" and format_money(1250000, unit=False) == "1.250.000"


@pytest.mark.parametrize("typed", ["1250000", "1.250.000", "1 250 000", "1,250,000", "1.250.000 đ", "1250000đ",
                                   "1.250.000 đồng", "1.250.000 VNĐ", 1250000, 1250000.0])
def test_amounts_are_read_as_people_write_them(typed):
    assert parse_money(typed) == 1250000


@pytest.mark.parametrize("typed, code", [("1.250.000,5", "money.bad"), ("1.25.000", "money.bad"), ("abc", "money.bad"),
                                         ("1.250,000", "money.bad"), (12.5, "money.bad"), (True, "money.bad"),
                                         ("0", "money.not_positive"), (-5, "money.not_positive"),
                                         ("-500", "money.bad"), ("", "required"),
                                         ("10000000000000", "money.too_large"), ("²", "money.bad"),
                                         ("١٢٣٤", "money.bad"), ("1.２50.000", "money.bad"),
                                         ("9" * 5000, "money.too_large")])
def test_wrong_amounts_are_refused(typed, code):
    with pytest.raises(InvalidValue) as caught:
        parse_money(typed)
    assert caught.value.code == code


# -- validation ----------------------------------------------------------------------------


def test_every_problem_comes_back_at_once(store):
    with pytest.raises(InvalidInput) as caught:
        add_fund_entry(store, {"entry_on": "01/13/2026", "direction": "chi", "amount": "năm triệu", "party": "",
                               "purpose": "du lịch", "fund": "quỹ đen"})
    assert _problems(caught) == {"entry_on": "date.impossible", "amount": "money.bad", "party": "fund.no_party",
                                 "purpose": "register.bad_word", "fund": "register.bad_word"}
    text = messages.describe(caught.value, "vi")
    for words in ("Số tiền “năm triệu”", "Mục đích chi “du lịch”", "build-house (Xây nhà)", "Quỹ “quỹ đen”",
                  "Người ủng hộ/người nhận"):
        assert words in text, words
    assert store.conn.execute("SELECT count(*) FROM fund_entry").fetchone()[0] == 0


def test_a_spending_needs_a_purpose_and_a_receipt_has_none(store):
    with pytest.raises(InvalidInput) as caught:
        add_fund_entry(store, {"entry_on": "01/11/2026", "direction": "spending", "amount": 100000, "party": "A"})
    assert _problems(caught) == {"purpose": "required"}
    saved = record_receipt(store, on="01/11/2026", amount=100000, party="Công ty B", purpose="study")
    assert get_fund_entry(store, saved.id).purpose is None


@pytest.mark.parametrize("typed, code", [("build-house", "build_house"), ("xây nhà", "build_house"),
                                         ("xay nha dai doan ket", "build_house"), ("Sửa chữa nhà", "repair_house"),
                                         ("repair_house", "repair_house"), ("hỗ trợ", "support"),
                                         ("học tập", "study"), ("y tế", "health"), ("khác", "other")])
def test_purposes_in_vietnamese_with_or_without_accents(typed, code):
    assert parse_word("purpose", typed, field="purpose") == code


def test_entries_are_not_dated_after_today(store):
    with pytest.raises(InvalidInput) as caught:
        record_receipt(store, on="23/11/2026", amount=1000, party="A")
    assert _problems(caught) == {"entry_on": "register.future"}


def test_a_household_head_on_the_roster(store):
    person, _ = add_person(store, {"full_name": "Hà Văn Sáu"})
    saved = record_spending(store, on="01/11/2026", amount=500000, purpose="support", person_id=person)
    view = get_fund_entry(store, saved.id)
    assert (view.person_id, view.party, view.amount_text) == (person, "Hà Văn Sáu", "500.000 đ")


def test_the_database_keeps_amounts_whole_positive_and_bounded(store):
    saved = record_receipt(store, on="01/11/2026", amount=1000, party="A")
    for bad in ("0", "-1", "10000000000000", "'abc'", "1.5", "NULL"):
        with pytest.raises(sqlite3.IntegrityError):
            with store.transaction():
                store.conn.execute(f"UPDATE fund_entry SET amount = {bad} WHERE id = ?", (saved.id,))


# -- below zero ------------------------------------------------------------------------------


def test_a_spending_below_zero_is_recorded_and_flagged(store):
    record_receipt(store, on="01/10/2026", amount="1.000.000", party="Công ty A")
    saved = record_spending(store, on="15/10/2026", amount="1.500.000", purpose="support", party="Hộ bà Năm")
    assert saved.id and get_fund_entry(store, saved.id).amount == 1500000
    (notice,) = saved.notices
    assert notice.code == "fund.below_zero"
    assert notice.text("vi").startswith("Sau khoản chi này, Quỹ Vì người nghèo còn -500.000 đ vào ngày 15/10/2026")
    assert "stands at -500.000 đ on 15/10/2026" in notice.text("en")
    fine = record_spending(store, on="16/10/2026", amount=1, purpose="other", party="x", fund="relief")
    assert len(fine.notices) == 1  # the relief fund holds nothing
    assert record_receipt(store, on="17/10/2026", amount=5_000_000, party="y").notices == ()


def test_a_backdated_spending_is_flagged_on_the_later_day_it_takes_the_fund_below_zero(store):
    record_receipt(store, on="01/11/2026", amount=1_000_000, party="A")
    record_spending(store, on="10/11/2026", amount=800_000, purpose="study", party="B")
    saved = record_spending(store, on="05/11/2026", amount=500_000, purpose="health", party="C")
    (notice,) = saved.notices  # 500.000 left on 05/11, but -300.000 on 10/11
    assert notice.params["day"] == "10/11/2026" and notice.params["balance"] == "-300.000 đ"
    assert record_spending(store, on="05/11/2026", amount=1, purpose="health", party="D", fund="other").notices


def test_a_spending_that_leaves_the_fund_at_zero_is_not_flagged(store):
    record_receipt(store, on="01/11/2026", amount=300_000, party="A")
    assert record_spending(store, on="02/11/2026", amount=300_000, purpose="support", party="B").notices == ()


def test_editing_an_entry_checks_again(store):
    record_receipt(store, on="01/11/2026", amount=300_000, party="A")
    saved = record_spending(store, on="02/11/2026", amount=100_000, purpose="support", party="B")
    again = update_fund_entry(store, saved.id, {"amount": "400.000"})
    assert again.notices and get_fund_entry(store, saved.id).amount == 400000
    with pytest.raises(InvalidInput):
        update_fund_entry(store, saved.id, {"purpose": None})


# -- balances and figures -------------------------------------------------------------------


@pytest.fixture
def book(store):
    """A hand-made cash book (today 22/11/2026); the sums are worked out in the tests."""
    e = {}
    e[1] = record_receipt(store, on="10/09/2026", amount=10_000_000, party="Ngân hàng X").id
    e[2] = record_spending(store, on="25/09/2026", amount=2_000_000, purpose="support", party="Hộ A").id
    e[3] = record_receipt(store, on="01/10/2026", amount=5_500_000, party="Trường tiểu học").id
    e[4] = record_spending(store, on="15/10/2026", amount=40_000_000, purpose="build_house", party="Hộ B").id
    e[5] = record_receipt(store, on="16/10/2026", amount=50_000_000, party="Công ty C").id
    e[6] = record_spending(store, on="31/10/2026", amount=3_000_000, purpose="repair_house", party="Hộ D").id
    e[7] = record_spending(store, on="01/11/2026", amount=1_000_000, purpose="study", party="Em E").id
    e[8] = record_receipt(store, on="20/10/2026", amount=7_000_000, party="Đoàn F", fund="relief").id
    e[9] = record_spending(store, on="21/10/2026", amount=30_000_000, purpose="build_house", party="Hộ G",
                           fund="cứu trợ").id
    return e


def test_october_counted_by_hand(store, book):
    # opening: 10.000.000 - 2.000.000; received 5.500.000 + 50.000.000; spent 40.000.000 + 3.000.000
    assert fund_figures(store, parse_period("10/2026")) == {
        "fund_opening": 8_000_000, "fund_received": 55_500_000, "fund_spent": 43_000_000,
        "fund_closing": 20_500_000,
        "houses_built": 2,     # entries 4 (the poor fund) and 9 (the relief fund)
        "houses_repaired": 1,  # entry 6
    }


def test_november_and_the_quarter_counted_by_hand(store, book):
    november = fund_balance(store, parse_period("2026-11"))
    assert november.as_json() == {"opening": 20_500_000, "received": 0, "spent": 1_000_000, "closing": 19_500_000}
    q4 = fund_balance(store, parse_period("Q4/2026"))
    assert (q4.opening, q4.received, q4.spent, q4.closing) == (8_000_000, 55_500_000, 44_000_000, 19_500_000)
    assert fund_figures(store, parse_period("2026-11"))["houses_built"] == 0


def test_the_relief_fund_on_its_own(store, book):
    relief = fund_balance(store, parse_period("2026-10"), "relief")
    assert relief.as_json() == {"opening": 0, "received": 7_000_000, "spent": 30_000_000, "closing": -23_000_000}
    assert balance_on(store, "poor", parse_period("2026-10").first, before=True) == 8_000_000
    assert balance_on(store, "poor", parse_period("2026-10").last) == 20_500_000


def test_lists_filter_by_fund_direction_purpose_period_and_words(store, book):
    assert fund_entry_ids(store, FundFilter(fund="relief")) == [book[9], book[8]]  # newest first
    assert fund_entry_ids(store, FundFilter(purpose="build_house")) == [book[9], book[4]]
    assert set(fund_entry_ids(store, FundFilter(direction="receipt", period=parse_period("2026-10")))) == {
        book[3], book[5], book[8]}
    assert fund_entry_ids(store, FundFilter(text="truong tieu hoc")) == [book[3]]
    assert fund_entry_ids(store, FundFilter(text="doan f")) == [book[8]]
    assert get_fund_entry(store, book[8]).as_json()["fund"] == "relief"
    assert get_fund_entry(store, book[4]).as_json()["purpose"] == "build-house"
