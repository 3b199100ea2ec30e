"""The demo commune's personal data registers (app.demo.privacy): most people
have a consent, the cadres a legal basis, one request is past its deadline on
the demo's day, and the incident was notified within 72 hours."""
from __future__ import annotations

from datetime import datetime

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.data_requests import list_requests
from app.domain.incidents import list_incidents
from app.domain.privacy_overview import overview_privacy
from app.domain.sensitive import people_with_basis
from app.reports.member_list import export_members
from tests.helpers import TODAY


def test_the_demo_has_consents_bases_requests_and_an_incident(tmp_path):
    clock = FixedClock(TODAY)
    path = tmp_path / "demo.sqlite3"
    summary = build_demo(path, people=600, seed=3, clock=clock)
    assert summary.stage_seconds["privacy"] >= 0
    with open_store(path, clock=clock) as store:
        active = store.conn.execute("SELECT count(*) FROM person WHERE status = 'active'").fetchone()[0]
        consents, withdrawn = store.conn.execute(
            "SELECT count(*), coalesce(sum(withdrawn_on IS NOT NULL), 0) FROM consent").fetchone()
        assert 0.6 * active <= consents <= 0.8 * active and withdrawn < consents / 10
        assert store.conn.execute("SELECT count(DISTINCT person_id) FROM legal_basis").fetchone()[0] > 10
        late = overview_privacy(store)
        assert (late.overdue_requests, late.overdue_notifications) == (1, 0)
        assert sorted(r.kind for r in list_requests(store, open=True)) == ["access", "correction", "objection"]
        [extended] = [r for r in list_requests(store, open=True) if r.extended_days]
        # given more time before its first day ran out, and in time with it
        assert extended.extended_on <= extended.first_complete_by < extended.complete_by and not extended.overdue
        [incident] = list_incidents(store, now=datetime(2026, 11, 22, 12, 0, tzinfo=clock.now().tzinfo))
        assert incident.notified_at is not None and incident.closed_on is not None and not incident.overdue
        # an export with ethnicity and religion fills them for those with a basis, and only them
        done = export_members(store, tmp_path / "ds.xlsx", with_ethnicity_religion=True,
                              purpose="kiểm tra bản mẫu")
        assert done.with_basis == len(people_with_basis(store) & {
            r[0] for r in store.conn.execute("SELECT id FROM person WHERE status = 'active'")})
        assert 0 < done.with_basis < done.rows
