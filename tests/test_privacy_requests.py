"""The register of data subjects' requests and its legal clocks
(``app.domain.privacy_clocks``: Decree 356/2025/NĐ-CP Điều 5): due dates
worked out by hand, overdue on the fixed day, a withdrawal completed by
withdrawing the consents, an erasure completed by erasing the person (from
the outbox too) with the request kept as proof, and the command line."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain.consent import list_consents, record_consent
from app.domain.data_requests import add_request, complete_request, extend_request, get_request, list_requests
from app.domain.people import add_person
from app.domain.privacy_clocks import REQUEST_CLOCKS, add_days, request_due
from app.domain.privacy_overview import overview_privacy
from app.errors import FrontDeskError, InvalidInput
from app.sending.erasure_request import complete_erasure_request
from tests.helpers import cli


@pytest.fixture
def person(store):
    return add_person(store, {"full_name": "Trần Thị Hoa", "phone": "0912345678"})[0]


def test_every_kind_has_a_clock_with_a_citation():
    assert set(REQUEST_CLOCKS) == {"access", "correction", "erasure", "withdrawal", "restriction", "objection"}
    for kind, clock in REQUEST_CLOCKS.items():
        assert clock.acknowledge == 2 and "356/2025/NĐ-CP" in clock.citation
        # erasure: the quotations disagree (20 days, 72 hours): the shorter, as an internal default
        assert (clock.complete, clock.internal_default) == ((None, 3) if kind == "erasure" else (clock.complete, None))
        assert kind == "erasure" or clock.complete


def test_due_dates_by_hand():
    # Friday 20/11/2026: two working days -> Tuesday 24/11 (Saturday and Sunday skipped)
    due = request_due("erasure", date(2026, 11, 20))
    assert due.acknowledge_by == date(2026, 11, 24) and due.complete_by == date(2026, 11, 23) and not due.from_law
    assert request_due("access", date(2026, 11, 20)).complete_by == date(2026, 11, 30)
    assert request_due("withdrawal", date(2026, 11, 20)).complete_by == date(2026, 12, 5)
    # Wednesday 02/12/2026: two working days -> Friday 04/12
    assert request_due("objection", date(2026, 12, 2)).acknowledge_by == date(2026, 12, 4)
    assert add_days(date(2026, 11, 27), 2, "working") == date(2026, 12, 1)  # Fri -> Tue


def test_overdue_on_the_fixed_day(store, person):
    # today is 22/11/2026 (Sunday)
    late_ack = add_request(store, kind="access", received_on="18/11/2026", person_id=person)  # ack by Fri 20/11
    in_time = add_request(store, kind="access", received_on="20/11/2026", person_id=person)  # ack by Tue 24/11
    late_done = add_request(store, kind="correction", received_on="05/11/2026", requester="Con trai bà Hoa")
    assert get_request(store, late_ack).overdue and not get_request(store, in_time).overdue
    view = get_request(store, late_done)
    assert view.complete_by == "2026-11-15" and view.overdue and view.person_id is None
    assert [v.id for v in list_requests(store, overdue=True)] == [late_done, late_ack]
    # acknowledged: the completion clock still runs; on its last day it is in time
    store.conn.execute("UPDATE data_request SET acknowledged_on = '2026-11-19' WHERE id = ?", (late_ack,))
    assert not get_request(store, late_ack).overdue
    assert not list_requests(store, today=date(2026, 11, 28))[1].overdue
    assert list_requests(store, today=date(2026, 11, 29))[1].overdue
    figures = overview_privacy(store, date(2026, 11, 22))
    assert (figures.open_requests, figures.overdue_requests) == (3, 1)


def test_withdrawal_completes_by_withdrawing_the_consents(store, person):
    record_consent(store, person, method="written", on="01/10/2026", scope="Sinh hoạt")
    request = add_request(store, kind="rút lại đồng ý", received_on="20/11/2026", person_id=person)
    complete_request(store, request, on="21/11/2026", outcome="Đã ghi rút lại")
    assert list_consents(store)[0].withdrawn_on == "2026-11-21"
    view = get_request(store, request)
    assert (view.completed_on, view.acknowledged_on, view.open) == ("2026-11-21", "2026-11-21", False)
    with pytest.raises(FrontDeskError):
        complete_request(store, request, on="22/11/2026")


def test_erasure_goes_through_the_erasure_and_keeps_the_request(store, person):
    record_consent(store, person, method="written", on="01/10/2026", scope="Sinh hoạt")
    request = add_request(store, kind="erasure", received_on="20/11/2026", person_id=person,
                          note="Bà Trần Thị Hoa gọi điện")
    with pytest.raises(FrontDeskError) as caught:
        complete_request(store, request, on="21/11/2026")
    assert caught.value.code == "privacy.request.erase_first"
    erased = complete_erasure_request(store, request, on="21/11/2026", outcome="Đã xóa hẳn")
    assert erased is not None and erased.erasure.privacy_records == 2  # the consent, the request
    assert store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM consent").fetchone()[0] == 0
    view = get_request(store, request)
    assert view.completed_on == "2026-11-21" and view.person_id is None
    assert view.requester == "(đã xóa theo yêu cầu)" and "Hoa" not in (view.note or "")
    log = " ".join(str(r) for r in store.conn.execute("SELECT before, after FROM change_log"))
    assert "Trần Thị Hoa" not in log and "0912345678" not in log


def test_cli_requests(store, person):
    db = str(store.path)
    code, out, err = cli("privacy", "requests", "add", "--db", db, "--person", person, "--kind", "xem",
                         "--received", "18/11/2026", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert {k: record[k] for k in ("id", "person_id", "requester", "kind", "received_on", "acknowledge_by",
                                   "complete_by", "overdue", "open")} == {
        "id": 1, "person_id": person, "requester": "Trần Thị Hoa", "kind": "access", "received_on": "2026-11-18",
        "acknowledge_by": "2026-11-20", "complete_by": "2026-11-28", "overdue": True, "open": True}
    code, out, err = cli("privacy", "requests", "add", "--db", db, "--person", person, "--kind", "erasure",
                         "--received", "21/11/2026")
    assert code == 0, err
    assert "phản hồi chậm nhất ngày 24/11/2026, hoàn thành chậm nhất ngày 24/11/2026 (3 ngày: mặc định" in out
    assert [r["id"] for r in json.loads(cli("privacy", "requests", "list", "--db", db, "--overdue", "--json")[1])] == [1]
    code, out, _ = cli("privacy", "requests", "list", "--db", db, "--lang", "en")
    assert "[OVERDUE]" in out and "Erasure" in out
    code, out, err = cli("privacy", "requests", "done", 2, "--db", db, "--on", "22/11/2026", "--outcome", "Đã xóa")
    assert code == 0, err
    assert "Đã xóa hẳn người số" in out
    assert [r["id"] for r in json.loads(cli("privacy", "requests", "list", "--db", db, "--open", "--json")[1])] == [1]
    code, _, err = cli("privacy", "requests", "add", "--db", db, "--kind", "nonsense", "--received", "21/11/2026")
    assert code == 1 and "nonsense" in err and "Traceback" not in err
    code, _, err = cli("privacy", "requests", "done", 9, "--db", db, "--on", "22/11/2026")
    assert code == 1 and "9" in err
    assert cli("privacy", "requests", "--db", db)[0] == 2


# -- one extension, at most 15 days -----------------------------------------------------------


def test_an_extension_moves_the_due_day_once_and_keeps_the_first(store, person):
    # received Friday 13/11/2026: access, 10 days -> due Monday 23/11; today is 22/11
    request = add_request(store, kind="access", received_on="13/11/2026", person_id=person)
    store.conn.execute("UPDATE data_request SET acknowledged_on = '2026-11-16' WHERE id = ?", (request,))
    assert get_request(store, request).complete_by == "2026-11-23"
    # still open on 24/11: overdue without the extension
    assert list_requests(store, today=date(2026, 11, 24))[0].overdue
    extend_request(store, request, days="10", reason="Hồ sơ lưu ở nhà văn hóa thôn, cần đối chiếu", on="20/11/2026")
    view = get_request(store, request)
    assert (view.first_complete_by, view.complete_by, view.extended_on, view.extended_days) == (
        "2026-11-23", "2026-12-03", "2026-11-20", 10)
    assert "gia hạn một lần, không quá 15 ngày" in view.citation
    assert view.as_json()["extension"] == {"on": "2026-11-20", "days": 10, "first_complete_by": "2026-11-23",
                                           "reason": "Hồ sơ lưu ở nhà văn hóa thôn, cần đối chiếu"}
    assert not list_requests(store, today=date(2026, 12, 3))[0].overdue  # its new last day: in time
    assert list_requests(store, today=date(2026, 12, 4))[0].overdue
    with pytest.raises(FrontDeskError) as caught:  # once only
        extend_request(store, request, days=5, reason="Thêm nữa", on="21/11/2026")
    assert caught.value.code == "privacy.request.extended_once"
    logged = store.conn.execute(
        "SELECT after FROM change_log WHERE table_name = 'data_request' AND action = 'update'").fetchall()
    assert any('"extended_days": 10' in a for (a,) in logged)


@pytest.mark.parametrize("days, reason, on, fields", [
    (16, "Lý do", "20/11/2026", {"extended_days"}),
    (0, "Lý do", "20/11/2026", {"extended_days"}),
    ("mười", "Lý do", "20/11/2026", {"extended_days"}),
    (True, "Lý do", "20/11/2026", {"extended_days"}),
    (10, "  ", "20/11/2026", {"extension_reason"}),
    (10, "Lý do", "24/11/2026", {"extended_on"}),  # after the first due day (23/11): too late
    (10, "Lý do", "12/11/2026", {"extended_on"}),  # before the request was received
    (99, "", "32/11/2026", {"extended_days", "extension_reason", "extended_on"}),  # every problem at once
])
def test_an_extension_refused_says_what_and_writes_nothing(store, person, days, reason, on, fields):
    request = add_request(store, kind="access", received_on="13/11/2026", person_id=person)
    with pytest.raises(InvalidInput) as caught:
        extend_request(store, request, days=days, reason=reason, on=on)
    assert {p.field for p in caught.value.problems} == fields
    assert get_request(store, request).extended_days is None


def test_a_completed_request_is_not_extended_and_an_erasure_scrubs_the_reason(store, person):
    done = add_request(store, kind="access", received_on="13/11/2026", person_id=person)
    complete_request(store, done, on="20/11/2026")
    with pytest.raises(FrontDeskError) as caught:
        extend_request(store, done, days=5, reason="Lý do", on="20/11/2026")
    assert caught.value.code == "privacy.request.done"
    erasure = add_request(store, kind="erasure", received_on="21/11/2026", person_id=person)
    extend_request(store, erasure, days=3, reason="Chờ bà Trần Thị Hoa xác nhận danh tính", on="22/11/2026")
    complete_erasure_request(store, erasure, on="22/11/2026", outcome="Đã xóa")
    view = get_request(store, erasure)
    assert view.extension_reason == "Chờ bà (đã xóa theo yêu cầu) xác nhận danh tính"
    log = " ".join(str(r) for r in store.conn.execute("SELECT before, after FROM change_log"))
    assert "Trần Thị Hoa" not in log


def test_cli_extend(store, person):
    db = str(store.path)
    add_request(store, kind="withdrawal", received_on="20/11/2026", person_id=person)  # due 05/12
    code, out, err = cli("privacy", "requests", "extend", 1, "--db", db, "--days", "15",
                         "--reason", "Cần họp Ban Thường trực")
    assert code == 0, err
    assert "thêm 15 ngày (quyết định ngày 22/11/2026); hạn hoàn thành mới: 20/12/2026 (hạn cũ: 05/12/2026)" in out
    assert "Cần họp Ban Thường trực" in out
    code, out, _ = cli("privacy", "requests", "list", "--db", db)
    assert "(gia hạn 15 ngày: Cần họp Ban Thường trực)" in out
    code, _, err = cli("privacy", "requests", "extend", 1, "--db", db, "--days", "2", "--reason", "x")
    assert code == 1 and "chỉ được gia hạn một lần" in err and "Traceback" not in err
    code, _, err = cli("privacy", "requests", "extend", 1, "--db", db, "--lang", "en", "--days", "2")
    assert code == 2 and "--reason" in err
