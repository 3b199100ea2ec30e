"""Petitions: validation (every problem at once), the answer's rules, lists and
filters, search without accents, and the period's figures on a hand-made
register whose expectations are counted by hand in the comments."""
from __future__ import annotations

import pytest

from app import messages
from app.domain.organizations import add_residential_area
from app.domain.people import add_person
from app.domain.petitions import (
    PetitionFilter, add_petition, answer_petition, close_petition, count_petitions, forward_petition,
    get_petition, list_petitions, petition_figures, petition_ids, update_petition,
)
from app.domain.registers import parse_word
from app.errors import InvalidInput, InvalidValue, NotFound
from app.text.periods import parse_period


def _problems(caught) -> dict[str, str]:
    return {p.field: p.code for p in caught.value.problems}


def _petition(store, received, **more):
    raw = {"received_on": received, "channel": "letter", "from_name": "Ông Nguyễn Văn Ba",
           "content": "Đề nghị sửa đường"}
    raw.update(more)
    return add_petition(store, raw)


# -- validation ----------------------------------------------------------------------------


def test_every_problem_comes_back_at_once_with_vietnamese_field_names(store):
    with pytest.raises(InvalidInput) as caught:
        add_petition(store, {"received_on": "31/02/2026", "channel": "fax", "content": " ", "due_on": "hôm qua",
                             "area_id": 1, "person_id": 999})
    assert _problems(caught) == {
        "received_on": "date.impossible", "channel": "register.bad_word", "content": "required",
        "due_on": "date.unreadable", "area_id": "register.not_area", "person_id": "register.person_unknown",
    }
    text = messages.describe(caught.value, "vi")
    assert text.startswith("Có 6 chỗ chưa hợp lệ:")
    for words in ("Ngày tiếp nhận", "Hình thức tiếp nhận “fax”", "voter-meeting (Tiếp xúc cử tri)",
                  "Nội dung kiến nghị là bắt buộc", "không phải là khu dân cư", "Không tìm thấy người số 999"):
        assert words in text, words
    assert "Channel “fax” is not valid" in messages.describe(caught.value, "en")
    assert store.conn.execute("SELECT count(*) FROM petition").fetchone()[0] == 0


def test_a_sender_is_needed_a_person_or_a_name(store):
    with pytest.raises(InvalidInput) as caught:
        add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "content": "x"})
    assert _problems(caught) == {"from_name": "petition.no_sender"}
    person, _ = add_person(store, {"full_name": "Trần Thị Hoa"})
    area = add_residential_area(store, "Thôn Đông")
    store.conn.execute("UPDATE person SET area_id = ? WHERE id = ?", (area, person))
    pid = add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "content": "x", "person_id": person})
    view = get_petition(store, pid)
    assert (view.person_id, view.from_name, view.area_id, view.area) == (person, "Trần Thị Hoa", area, "Thôn Đông")


def test_dates_not_after_today_except_the_due_date(store):
    with pytest.raises(InvalidInput) as caught:
        _petition(store, "23/11/2026")
    assert _problems(caught) == {"received_on": "register.future"}
    assert "sau hôm nay (22/11/2026)" in messages.describe(caught.value, "vi")
    pid = _petition(store, "22/11/2026", due_on="22/12/2026")
    assert get_petition(store, pid).due_on == "2026-12-22"


@pytest.mark.parametrize("typed", ["voter-meeting", "voter_meeting", "Tiếp xúc cử tri", "tiep xuc cu tri", "TXCT",
                                   "  TIẾP  XÚC CỬ TRI "])
def test_channels_are_read_as_people_write_them(typed):
    assert parse_word("channel", typed, field="channel") == "voter_meeting"


@pytest.mark.parametrize("typed, code", [("area-meeting", "area_meeting"), ("Hội nghị khu dân cư", "area_meeting"),
                                         ("trực tiếp", "in_person"), ("đơn thư", "letter"),
                                         ("Cổng Mặt trận số", "portal"), ("mat tran so", "portal"), ("khác", "other")])
def test_every_channel_has_its_vietnamese_words(typed, code):
    assert parse_word("channel", typed, field="channel") == code


def test_forwarding_needs_the_agency_and_not_before_receipt(store):
    with pytest.raises(InvalidInput) as caught:
        _petition(store, "10/11/2026", forwarded_on="09/11/2026")
    assert _problems(caught) == {"forwarded_on": "petition.before_received", "forwarded_to": "required"}
    pid = _petition(store, "10/11/2026", forwarded_to="UBND xã")
    assert get_petition(store, pid).status == "forwarded"
    other = _petition(store, "10/11/2026")
    forward_petition(store, other, to="Công an xã", on="12/11/2026")
    view = get_petition(store, other)
    assert (view.status, view.forwarded_to, view.forwarded_on) == ("forwarded", "Công an xã", "2026-11-12")


# -- answering and closing ---------------------------------------------------------------------


def test_an_answer_before_the_petition_was_received_is_refused(store):
    pid = _petition(store, "10/11/2026", due_on="20/11/2026")
    with pytest.raises(InvalidInput) as caught:
        answer_petition(store, pid, on="09/11/2026", text="Đã sửa")
    assert _problems(caught) == {"answered_on": "petition.before_received"}
    assert messages.describe(caught.value, "vi").endswith(
        "Ngày trả lời (09/11/2026) trước ngày tiếp nhận kiến nghị (10/11/2026).")
    assert get_petition(store, pid).status == "received"
    answer_petition(store, pid, on="10/11/2026", text="UBND xã đã sửa xong")  # the same day is fine
    view = get_petition(store, pid)
    assert (view.status, view.answered_on, view.answer) == ("answered", "2026-11-10", "UBND xã đã sửa xong")


def test_an_answer_needs_its_text_and_a_day_not_in_the_future(store):
    pid = _petition(store, "10/11/2026")
    with pytest.raises(InvalidInput) as caught:
        answer_petition(store, pid, on="30/11/2026", text="  ")
    assert _problems(caught) == {"answered_on": "register.future", "answer": "required"}


def test_a_closed_petition_takes_no_answer_and_closing_comes_after_receipt(store):
    pid = _petition(store, "10/11/2026")
    with pytest.raises(InvalidInput) as caught:
        close_petition(store, pid, on="01/11/2026")
    assert _problems(caught) == {"closed_on": "petition.before_received"}
    close_petition(store, pid, on="15/11/2026")
    assert get_petition(store, pid).status == "closed"
    with pytest.raises(InvalidInput) as caught:
        answer_petition(store, pid, on="16/11/2026", text="x")
    assert _problems(caught) == {"answered_on": "petition.closed"}


def test_editing_the_received_day_past_the_answer_is_refused(store):
    pid = _petition(store, "10/11/2026")
    answer_petition(store, pid, on="12/11/2026", text="Đã trả lời")
    with pytest.raises(InvalidInput) as caught:
        update_petition(store, pid, {"received_on": "13/11/2026"})
    assert _problems(caught) == {"answered_on": "petition.before_received"}
    update_petition(store, pid, {"content": "Đề nghị sửa cầu", "field": "Giao thông"})
    view = get_petition(store, pid)
    assert (view.content, view.field, view.status) == ("Đề nghị sửa cầu", "Giao thông", "answered")


def test_an_unknown_petition(store):
    with pytest.raises(NotFound) as caught:
        answer_petition(store, 42, on="12/11/2026", text="x")
    assert messages.describe(caught.value, "vi") == "Không tìm thấy kiến nghị số 42."


# -- lists and search ----------------------------------------------------------------------------


def test_search_without_accents_in_sender_content_field_and_answer(store):
    area = add_residential_area(store, "Thôn Đông")
    road = _petition(store, "01/11/2026", from_name="Bà Đặng Thị Lụa", content="Đường liên thôn bị sụt lún",
                     field="Giao thông", area_id=area)
    light = _petition(store, "02/11/2026", content="Thiếu đèn chiếu sáng", channel="portal")
    answer_petition(store, light, on="05/11/2026", text="Điện lực sẽ lắp đèn")
    assert petition_ids(store, PetitionFilter(text="dang thi lua")) == [road]
    assert petition_ids(store, PetitionFilter(text="SUT LUN duong")) == [road]  # every word, any order
    assert petition_ids(store, PetitionFilter(text="giao thong")) == [road]
    assert petition_ids(store, PetitionFilter(text="dien luc")) == [light]  # the answer too
    assert petition_ids(store, PetitionFilter(text="đèn")) == [light]
    assert petition_ids(store, PetitionFilter(text="50%")) == []
    assert petition_ids(store, PetitionFilter(area_id=area)) == [road]
    assert petition_ids(store, PetitionFilter(channel="portal")) == [light]
    update_petition(store, road, {"content": "Cống thoát nước tắc"})
    assert petition_ids(store, PetitionFilter(text="sut lun")) == []
    assert petition_ids(store, PetitionFilter(text="cong thoat nuoc")) == [road]


def test_open_and_overdue_lists(store):
    late = _petition(store, "01/11/2026", due_on="21/11/2026")  # due yesterday: overdue
    today = _petition(store, "01/11/2026", due_on="22/11/2026")  # due today: still in time
    undated = _petition(store, "01/11/2026")
    answered = _petition(store, "01/11/2026", due_on="10/11/2026")
    answer_petition(store, answered, on="15/11/2026", text="Đã trả lời")
    assert petition_ids(store, PetitionFilter(overdue=True)) == [late]
    assert get_petition(store, late).overdue and not get_petition(store, today).overdue
    assert set(petition_ids(store, PetitionFilter(open=True))) == {late, today, undated}
    assert petition_ids(store)[:2] == [late, today]  # open first, soonest due first
    assert count_petitions(store, PetitionFilter(open=True)) == 3
    assert [v.id for v in list_petitions(store, PetitionFilter(open=True), limit=1, offset=1)] == [today]


def test_by_period_lists_what_was_received_in_it(store):
    october = _petition(store, "31/10/2026")
    november = _petition(store, "01/11/2026")
    assert petition_ids(store, PetitionFilter(period=parse_period("2026-10"))) == [october]
    assert petition_ids(store, PetitionFilter(period=parse_period("2026-11"))) == [november]
    assert set(petition_ids(store, PetitionFilter(period=parse_period("2026-Q4")))) == {october, november}


def test_the_database_refuses_what_the_domain_refuses(store):
    pid = _petition(store, "10/11/2026")
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.conn.execute("UPDATE petition SET answered_on = '2026-11-01', answer = 'x' WHERE id = ?", (pid,))
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.conn.execute("UPDATE petition SET channel = 'fax' WHERE id = ?", (pid,))


# -- the period's figures --------------------------------------------------------------------------


@pytest.fixture
def register(store):
    """A small register, today 22/11/2026. What each petition counts as is
    worked out by hand below (October: R = 31/10; November: R = 22/11, today)."""
    p = {}
    p[1] = _petition(store, "20/09/2026", due_on="05/10/2026")
    answer_petition(store, p[1], on="03/10/2026", text="a")     # Oct: answered on time
    p[2] = _petition(store, "02/10/2026", due_on="15/10/2026")
    answer_petition(store, p[2], on="20/10/2026", text="a")     # Oct: received, answered late
    p[3] = _petition(store, "10/10/2026", due_on="25/10/2026")  # Oct: received, overdue; Nov: overdue
    p[4] = _petition(store, "12/10/2026", due_on="30/11/2026")  # Oct: received; never overdue yet
    p[5] = _petition(store, "15/10/2026")
    answer_petition(store, p[5], on="02/11/2026", text="a")     # Oct: received; Nov: answered, no due: on time
    p[6] = _petition(store, "20/10/2026", due_on="28/10/2026")
    answer_petition(store, p[6], on="05/11/2026", text="a")     # Oct: received, overdue on 31/10; Nov: late
    p[7] = _petition(store, "25/10/2026", due_on="30/10/2026")
    close_petition(store, p[7], on="29/10/2026")                # Oct: received; closed before due: not overdue
    p[8] = _petition(store, "01/11/2026", due_on="10/11/2026", forwarded_to="UBND xã")  # Nov: received, overdue
    p[9] = _petition(store, "05/11/2026", due_on="22/11/2026")  # Nov: received; due today: not overdue
    p[10] = _petition(store, "01/09/2026", due_on="15/09/2026")
    answer_petition(store, p[10], on="31/10/2026", text="a")    # Oct: answered late, on R itself: not overdue
    p[11] = _petition(store, "01/08/2026", due_on="10/08/2026")
    close_petition(store, p[11], on="10/11/2026")               # Oct: overdue (closed after R); Nov: not
    return p


def test_october_figures_counted_by_hand(store, register):
    assert petition_figures(store, parse_period("2026-10")) == {
        "petitions_received": 6,          # 2, 3, 4, 5, 6, 7
        "petitions_answered": 3,          # 1, 2, 10
        "petitions_answered_on_time": 1,  # 1
        "petitions_overdue": 3,           # 3, 6, 11
    }


def test_november_figures_counted_by_hand_up_to_today(store, register):
    assert petition_figures(store, parse_period("2026-11")) == {
        "petitions_received": 2,          # 8, 9
        "petitions_answered": 2,          # 5, 6
        "petitions_answered_on_time": 1,  # 5 (no due date)
        "petitions_overdue": 2,           # 3, 8
    }
    assert set(petition_ids(store, PetitionFilter(overdue=True))) == {register[3], register[8]}


def test_a_quarter_and_a_period_with_nothing(store, register):
    q4 = petition_figures(store, parse_period("2026-Q4"))
    assert q4 == {"petitions_received": 8, "petitions_answered": 5, "petitions_answered_on_time": 2,
                  "petitions_overdue": 2}
    assert petition_figures(store, parse_period("2026-07")) == {
        "petitions_received": 0, "petitions_answered": 0, "petitions_answered_on_time": 0, "petitions_overdue": 0}


def test_a_bad_word_is_an_invalid_value():
    with pytest.raises(InvalidValue) as caught:
        parse_word("channel", "điện thoại", field="channel")
    assert caught.value.code == "register.bad_word"
