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
from app.domain.data_requests import add_request, complete_request, get_request, list_requests
from app.domain.people import add_person
from app.domain.privacy_clocks import REQUEST_CLOCKS, add_days, request_due
from app.domain.privacy_overview import overview_privacy
from app.errors import FrontDeskError
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
