"""The demo commune's personal data registers: consents for most of the
people (written forms mostly, some by recorded call or message, a few
withdrawn), a legal basis for the commune's cadres, a handful of requests from
data subjects (one past its deadline, one answered, one done) and one incident
notified in time and closed — so that the window's privacy page, the overview's warning
and an export with ethnicity and religion show what a working commune has.

Consents are added in bulk with one change-log entry, as the other demo
registers are; the requests and the incident go through the domain's own
functions, so their clocks are the real ones.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from app.demo.state import Builder
from app.domain.data_requests import acknowledge_request, add_request, complete_request, extend_request, get_request
from app.domain.incidents import close_incident, mark_notified, record_incident

CONSENT_SHARE = 0.7  # of the active people
WITHDRAWN_SHARE = 0.02  # of the consents
METHODS = (("written", 0.75), ("call", 0.1), ("message", 0.1), ("app", 0.05))
SCOPE = ("Lưu giữ, sử dụng họ tên, ngày sinh, dân tộc, tôn giáo, nơi ở, số điện thoại trong danh sách hội "
         "viên và báo cáo gửi cấp trên")
CADRE_BASIS = "Điều lệ Mặt trận Tổ quốc Việt Nam: danh sách cán bộ, ủy viên (cơ sở pháp lý xã ghi nhận)"


def add_privacy(b: Builder) -> None:
    rng, today = b.rng, b.today
    methods, weights = zip(*METHODS)
    consents = []
    for index, person_id in enumerate(b.p.ids):
        if not b.p.active[index] or rng.random() > CONSENT_SHARE:
            continue
        given = today - timedelta(days=rng.randrange(20, 330))
        withdrawn = None
        if rng.random() < WITHDRAWN_SHARE:
            withdrawn = min(today, given + timedelta(days=rng.randrange(10, 120))).isoformat()
        consents.append((person_id, rng.choices(methods, weights)[0], given.isoformat(), SCOPE, "demo",
                         withdrawn, b.now, b.now))
    conn = b.store.conn
    conn.executemany(
        "INSERT INTO consent (person_id, method, given_on, scope, recorded_by, withdrawn_on, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", consents)
    b.store.log("bulk", "consent", None, None, {"count": len(consents)}, note="demo")
    cadres = sorted({b.p.ids[i] for i in b.held})
    conn.executemany(
        "INSERT INTO legal_basis (person_id, basis, recorded_on, recorded_by, created_at, updated_at)"
        " VALUES (?, ?, ?, 'demo', ?, ?)",
        [(person_id, CADRE_BASIS, (today - timedelta(days=300)).isoformat(), b.now, b.now) for person_id in cadres])
    b.store.log("bulk", "legal_basis", None, None, {"count": len(cadres)}, note="demo")
    _requests(b, [c for c in consents if c[5] is None])
    _incident(b)


def _someone(b: Builder) -> int:
    return b.p.ids[b.rng.randrange(len(b.p.ids))]


def _requests(b: Builder, in_force: list[tuple]) -> None:
    store, today = b.store, b.today
    late = add_request(store, kind="correction", received_on=today - timedelta(days=19), person_id=_someone(b),
                       note="Sửa năm sinh ghi sai trong danh sách hội viên")
    acknowledge_request(store, late, on=today - timedelta(days=18))
    answered = add_request(store, kind="access", received_on=today - timedelta(days=3), person_id=_someone(b),
                           note="Xin bản sao thông tin của mình trong danh sách")
    acknowledge_request(store, answered, on=today - timedelta(days=2))
    # a withdrawal of a consent given before the request (withdrawing it completes the request)
    received = today - timedelta(days=40)
    given_before = [c[0] for c in in_force if c[2] < received.isoformat()]
    who = given_before[b.rng.randrange(len(given_before))] if given_before else _someone(b)
    done = add_request(store, kind="withdrawal", received_on=received, person_id=who)
    complete_request(store, done, on=today - timedelta(days=36), outcome="Đã ghi rút lại sự đồng ý")
    # an objection given more time (15 days, due in 3; 10 more): the person of the access request, so no draw
    # from the random stream (the demo's other stages stay as they were)
    objection = add_request(store, kind="objection", received_on=today - timedelta(days=12),
                            person_id=get_request(store, answered).person_id,
                            note="Không đồng ý đưa số điện thoại vào danh sách gửi các chi hội")
    acknowledge_request(store, objection, on=today - timedelta(days=11))
    extend_request(store, objection, days=10, on=today - timedelta(days=1),
                   reason="Cần họp Ban Thường trực để thống nhất cách lập danh sách liên lạc")


def _incident(b: Builder) -> None:
    day = b.today - timedelta(days=25)
    discovered = datetime.combine(day, time(16, 30))
    incident = record_incident(
        b.store, occurred_on=day, kind="wrong_recipient", discovered_at=discovered, people_affected=12,
        what="Gửi nhầm danh sách chi hội Phụ nữ một thôn (12 người, có số điện thoại) vào nhóm Zalo của thôn khác",
        measures="Đã đề nghị thu hồi tin nhắn, các thành viên nhóm đã xóa; nhắc cán bộ kiểm tra người nhận")
    mark_notified(b.store, incident, at=discovered + timedelta(hours=20),
                  to="Công an tỉnh (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)")
    close_incident(b.store, incident, on=day + timedelta(days=3))
