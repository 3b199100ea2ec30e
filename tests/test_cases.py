"""Cases (inspection, investment supervision, mediation, supervision, social
criticism): validation, closing rules, lists, search without accents and the
period's figures on a hand-made register counted by hand."""
from __future__ import annotations

import sqlite3

import pytest

from app import messages
from app.domain.cases import (
    CaseFilter, add_case, case_figures, case_ids, close_case, get_case, reopen_case, update_case,
)
from app.domain.front_work import INDICATORS, register_figures
from app.domain.organizations import add_residential_area
from app.domain.registers import parse_word
from app.errors import InvalidInput, InvalidValue
from app.text.periods import parse_period


def _problems(caught) -> dict[str, str]:
    return {p.field: p.code for p in caught.value.problems}


def _case(store, kind, opened, title="Vụ việc", **more):
    return add_case(store, {"kind": kind, "opened_on": opened, "title": title, **more})


def test_every_problem_comes_back_at_once(store):
    with pytest.raises(InvalidInput) as caught:
        add_case(store, {"kind": "điều tra", "opened_on": "", "title": "", "area_id": "x"})
    assert _problems(caught) == {"kind": "register.bad_word", "opened_on": "required", "title": "required",
                                 "area_id": "register.not_area"}
    text = messages.describe(caught.value, "vi")
    assert "Loại “điều tra” không hợp lệ" in text and "mediation (Hòa giải ở cơ sở)" in text
    assert "Ngày bắt đầu là bắt buộc" in text


@pytest.mark.parametrize("typed, code", [("inspection", "inspection"), ("Thanh tra nhân dân", "inspection"),
                                         ("TTND", "inspection"), ("investment", "investment"),
                                         ("giám sát đầu tư của cộng đồng", "investment"), ("hoà giải", "mediation"),
                                         ("hòa giải ở cơ sở", "mediation"), ("hoa giai", "mediation"),
                                         ("giám sát", "supervision"), ("phản biện xã hội", "criticism")])
def test_kinds_in_vietnamese_with_or_without_accents(typed, code):
    assert parse_word("case_kind", typed, field="kind") == code


@pytest.mark.parametrize("typed, code", [("partly-resolved", "partly_resolved"), ("giải quyết một phần", "partly_resolved"),
                                         ("đã giải quyết", "resolved"), ("chua giai quyet duoc", "unresolved"),
                                         ("rút đơn", "withdrawn"), ("thành công", "successful"),
                                         ("Hòa giải không thành", "unsuccessful")])
def test_outcomes_in_vietnamese(typed, code):
    assert parse_word("outcome", typed, field="outcome") == code


def test_closing_before_opening_is_refused(store):
    case = _case(store, "inspection", "10/11/2026")
    with pytest.raises(InvalidInput) as caught:
        close_case(store, case, on="09/11/2026", outcome="resolved")
    assert _problems(caught) == {"closed_on": "case.closed_before_opened"}
    assert messages.describe(caught.value, "vi").endswith(
        "Ngày kết thúc (09/11/2026) trước ngày mở vụ việc (10/11/2026).")
    assert get_case(store, case).open
    close_case(store, case, on="10/11/2026", outcome="đã giải quyết", findings="Đúng như phản ánh")
    view = get_case(store, case)
    assert (view.closed_on, view.outcome, view.findings, view.open) == ("2026-11-10", "resolved",
                                                                       "Đúng như phản ánh", False)


def test_mediation_outcomes_only_for_mediation_cases(store):
    inspection = _case(store, "inspection", "01/11/2026")
    mediation = _case(store, "mediation", "01/11/2026")
    with pytest.raises(InvalidInput) as caught:
        close_case(store, inspection, on="02/11/2026", outcome="successful")
    assert _problems(caught) == {"outcome": "case.outcome_for_kind"}
    assert "không dùng cho Thanh tra nhân dân" in messages.describe(caught.value, "vi")
    with pytest.raises(InvalidInput) as caught:
        close_case(store, mediation, on="02/11/2026", outcome="partly-resolved")
    assert "does not fit grassroots mediation" in messages.describe(caught.value, "en")
    close_case(store, mediation, on="02/11/2026", outcome="hòa giải thành")
    close_case(store, inspection, on="02/11/2026", outcome="withdrawn")  # any kind may be withdrawn
    with pytest.raises(InvalidInput) as caught:  # a closed mediation cannot become another kind
        update_case(store, mediation, {"kind": "supervision"})
    assert _problems(caught) == {"outcome": "case.outcome_for_kind"}
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.conn.execute("UPDATE oversight_case SET outcome = 'successful' WHERE id = ?", (inspection,))


def test_closing_in_the_future_and_an_unknown_outcome(store):
    case = _case(store, "supervision", "01/11/2026")
    with pytest.raises(InvalidInput) as caught:
        close_case(store, case, on="01/12/2026", outcome="xong xuôi hết")
    assert _problems(caught) == {"closed_on": "register.future", "outcome": "register.bad_word"}


def test_reopening(store):
    case = _case(store, "criticism", "01/11/2026")
    with pytest.raises(InvalidValue):
        reopen_case(store, case)
    close_case(store, case, on="05/11/2026", outcome="resolved")
    reopen_case(store, case)
    view = get_case(store, case)
    assert view.open and view.outcome is None


def test_lists_and_search_without_accents(store):
    area = add_residential_area(store, "Xóm Trại")
    road = _case(store, "investment", "01/11/2026", "Giám sát công trình đường bê tông", parties="Nhà thầu Hưng Thịnh",
                 area_id=area)
    land = _case(store, "mediation", "02/11/2026", "Tranh chấp lối đi chung", parties="Hộ ông Lò Văn Đức và hộ bà Hà")
    close_case(store, land, on="05/11/2026", outcome="successful")
    assert case_ids(store, CaseFilter(text="be tong")) == [road]
    assert case_ids(store, CaseFilter(text="lo van duc")) == [land]
    assert case_ids(store, CaseFilter(text="hung thinh")) == [road]
    assert case_ids(store, CaseFilter(open=True)) == [road]
    assert case_ids(store, CaseFilter(kind="mediation")) == [land]
    assert case_ids(store, CaseFilter(area_id=area)) == [road]
    assert case_ids(store) == [road, land]  # open first
    assert case_ids(store, CaseFilter(period=parse_period("2026-10"))) == []


@pytest.fixture
def cases(store):
    """A hand-made register (today 22/11/2026)."""
    c = {}
    c[1] = _case(store, "inspection", "15/09/2026")
    close_case(store, c[1], on="10/10/2026", outcome="resolved")        # Oct: closed
    c[2] = _case(store, "mediation", "05/10/2026")
    close_case(store, c[2], on="20/10/2026", outcome="successful")      # Oct: opened, closed, successful
    c[3] = _case(store, "mediation", "25/10/2026")
    close_case(store, c[3], on="03/11/2026", outcome="unsuccessful")    # Oct: opened; Nov: closed
    c[4] = _case(store, "mediation", "28/10/2026")                      # Oct: opened; still open
    c[5] = _case(store, "investment", "01/10/2026")                     # Oct: opened; still open
    c[6] = _case(store, "mediation", "02/11/2026")
    close_case(store, c[6], on="15/11/2026", outcome="successful")      # Nov: opened, closed, successful
    c[7] = _case(store, "criticism", "10/11/2026")
    close_case(store, c[7], on="12/11/2026", outcome="withdrawn")       # Nov: opened, closed
    return c


def _zeros() -> dict[str, int]:
    kinds = ("inspection", "investment", "mediation", "supervision", "criticism")
    return {**{f"cases_opened.{k}": 0 for k in kinds}, **{f"cases_closed.{k}": 0 for k in kinds},
            "mediation_successful": 0}


def test_october_counted_by_hand(store, cases):
    expected = _zeros()
    expected.update({"cases_opened.investment": 1, "cases_opened.mediation": 3,  # 5; 2, 3, 4
                     "cases_closed.inspection": 1, "cases_closed.mediation": 1,  # 1; 2
                     "mediation_successful": 1})                                  # 2
    assert case_figures(store, parse_period("2026-10")) == expected


def test_november_counted_by_hand(store, cases):
    expected = _zeros()
    expected.update({"cases_opened.mediation": 1, "cases_opened.criticism": 1,  # 6; 7
                     "cases_closed.mediation": 2, "cases_closed.criticism": 1,  # 3, 6; 7
                     "mediation_successful": 1})                                 # 6
    assert case_figures(store, parse_period("2026-11")) == expected
    assert case_figures(store, parse_period("2025")) == _zeros()


def test_register_figures_give_exactly_the_report_indicators(store, cases):
    figures = register_figures(store, parse_period("2026-Q4"))
    assert tuple(figures) == INDICATORS
    assert set(INDICATORS) == {
        "petitions_received", "petitions_answered", "petitions_answered_on_time", "petitions_overdue",
        "fund_opening", "fund_received", "fund_spent", "fund_closing", "houses_built", "houses_repaired",
        *(f"cases_opened.{k}" for k in ("inspection", "investment", "mediation", "supervision", "criticism")),
        *(f"cases_closed.{k}" for k in ("inspection", "investment", "mediation", "supervision", "criticism")),
        "mediation_successful",
    }
    assert figures["cases_opened.mediation"] == 4 and figures["mediation_successful"] == 2
    assert figures["petitions_received"] == 0 and figures["fund_closing"] == 0
    assert all(isinstance(v, int) for v in figures.values())
