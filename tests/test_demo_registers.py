"""The demo commune's registers (app.demo.registers): petitions, the "Vì người
nghèo" fund and oversight cases that look like a commune's year, valid by the
registers' own rules, deterministic, and with non-trivial period figures."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.clock import FixedClock
from app.db.storage import foreign_key_problems, integrity_problems, open_store
from app.demo.builder import build_demo
from app.demo.registers import register_counts
from app.domain.cases import MEDIATION_OUTCOMES, OTHER_OUTCOMES
from app.domain.front_work import register_figures
from app.domain.fund import fund_balance
from app.domain.petitions import PetitionFilter, count_petitions, list_petitions
from app.text.periods import parse_period

TODAY = date(2026, 11, 22)


def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One 2,000-person demo shared by the read-only checks."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    summary = build_demo(path, people=2000, seed=5, clock=clock())
    store = open_store(path, clock=clock())
    yield summary, store
    store.close()


def rows(store, sql, *args):
    return store.conn.execute(sql, args).fetchall()


def one(store, sql, *args):
    return store.conn.execute(sql, args).fetchone()[0]


# -- how many ----------------------------------------------------------------------


def test_counts_scale_modestly_and_are_capped():
    assert register_counts(2000) == (300, 150, 40)
    small, big = register_counts(100), register_counts(1_000_000)
    assert all(s >= 12 for s in small)
    assert big == register_counts(100_000) == (1200, 600, 200)  # a big demo stays quick


def test_counts_for_a_two_thousand_person_commune(demo):
    summary, store = demo
    assert 200 <= summary.petitions == one(store, "SELECT count(*) FROM petition") <= 400
    assert 100 <= summary.fund_entries == one(store, "SELECT count(*) FROM fund_entry") <= 200
    assert 25 <= summary.cases == one(store, "SELECT count(*) FROM oversight_case") <= 60
    assert summary.open_petitions == count_petitions(store, PetitionFilter(open=True))
    assert summary.fund_balance == fund_balance(store, parse_period("2026", today=TODAY)).closing
    assert summary.stage_seconds["registers"] >= 0


# -- petitions ---------------------------------------------------------------------


def test_petitions_come_by_every_channel_voter_meetings_most(demo):
    _, store = demo
    channels = dict(rows(store, "SELECT channel, count(*) FROM petition GROUP BY channel"))
    assert set(channels) == {"voter_meeting", "area_meeting", "in_person", "letter", "portal", "other"}
    assert max(channels, key=channels.get) == "voter_meeting"
    # voter meetings come in rounds: a few dozen meeting days, not every day of the year
    days = one(store, "SELECT count(DISTINCT received_on) FROM petition WHERE channel = 'voter_meeting'")
    assert days < channels["voter_meeting"] / 2
    assert one(store, "SELECT min(received_on) FROM petition WHERE channel = 'portal'") >= "2025-08-15"


def test_petitions_are_forwarded_answered_some_late_some_overdue(demo):
    _, store = demo
    total = one(store, "SELECT count(*) FROM petition")
    forwarded = one(store, "SELECT count(*) FROM petition WHERE forwarded_to IS NOT NULL")
    answered = one(store, "SELECT count(*) FROM petition WHERE answered_on IS NOT NULL")
    late = one(store, "SELECT count(*) FROM petition WHERE answered_on > due_on")
    overdue = count_petitions(store, PetitionFilter(overdue=True))
    assert forwarded > 0.7 * total
    assert answered > 0.6 * total
    assert 0 < late < 0.3 * total
    assert 0 < overdue < 0.15 * total
    assert [p.overdue for p in list_petitions(store, PetitionFilter(overdue=True))] == [True] * overdue
    statuses = {r[0] for r in rows(store, "SELECT DISTINCT status FROM petition")}
    assert statuses == {"received", "forwarded", "answered", "closed"}
    agencies = {r[0] for r in rows(store, "SELECT DISTINCT forwarded_to FROM petition WHERE forwarded_to IS NOT NULL")}
    assert any(a.startswith("UBND xã ") for a in agencies) and any("Công an xã" in a for a in agencies)
    assert any("Điện lực" in a for a in agencies)


def test_every_answer_follows_its_receipt(demo):
    _, store = demo
    today = TODAY.isoformat()
    assert one(store, "SELECT count(*) FROM petition WHERE answered_on < received_on"
                      " OR forwarded_on < received_on OR closed_on < received_on OR closed_on < answered_on"
                      " OR answered_on < forwarded_on") == 0
    assert one(store, "SELECT count(*) FROM petition WHERE received_on > ? OR answered_on > ?"
                      " OR forwarded_on > ? OR closed_on > ?", today, today, today, today) == 0
    first = (TODAY - timedelta(days=364)).isoformat()
    assert one(store, "SELECT min(received_on) FROM petition") >= first
    assert one(store, "SELECT count(*) FROM petition WHERE (answered_on IS NULL) != (answer IS NULL)") == 0


def test_petitions_come_from_people_and_groups_by_area_and_field(demo):
    _, store = demo
    total = one(store, "SELECT count(*) FROM petition")
    linked = one(store, "SELECT count(*) FROM petition WHERE person_id IS NOT NULL")
    assert 0.4 * total < linked < total
    assert one(store, "SELECT count(*) FROM petition p JOIN person x ON x.id = p.person_id"
                      " WHERE p.from_name != x.full_name") == 0
    assert one(store, "SELECT count(*) FROM petition WHERE from_name LIKE 'Cử tri %'") > 0
    assert one(store, "SELECT count(*) FROM petition WHERE area_id IS NULL") == 0
    fields = {r[0] for r in rows(store, "SELECT DISTINCT field FROM petition")}
    assert {"Đất đai", "Môi trường", "Giao thông nông thôn", "Điện", "Nước sạch"} <= fields
    assert one(store, "SELECT count(DISTINCT content) FROM petition") > 40
    # found without accents, as a person types
    hits = list_petitions(store, PetitionFilter(text="duong truc"))
    assert any("đường trục" in h.content for h in hits)


# -- the fund ----------------------------------------------------------------------


def test_fund_never_ends_a_day_below_zero(demo):
    _, store = demo
    running = 0
    for day, change in rows(store, "SELECT entry_on, sum(CASE direction WHEN 'receipt' THEN amount ELSE -amount END)"
                                   " FROM fund_entry WHERE fund = 'poor' GROUP BY entry_on ORDER BY entry_on"):
        running += change
        assert running >= 0, day


def test_fund_has_a_peak_month_houses_and_realistic_amounts(demo):
    _, store = demo
    assert one(store, "SELECT count(*) FROM fund_entry WHERE typeof(amount) != 'integer' OR amount < 100000") == 0
    received = one(store, "SELECT sum(amount) FROM fund_entry WHERE direction = 'receipt' AND note IS NULL")
    in_peak = one(store, "SELECT sum(amount) FROM fund_entry WHERE direction = 'receipt' AND note IS NULL"
                         " AND entry_on BETWEEN '2026-10-17' AND '2026-11-18'")
    assert in_peak > 0.5 * received  # the peak month (33 days) brings most of the year's money
    houses = rows(store, "SELECT purpose, min(amount), max(amount), count(*) FROM fund_entry"
                         " WHERE purpose IN ('build_house', 'repair_house') GROUP BY purpose ORDER BY purpose")
    assert [h[0] for h in houses] == ["build_house", "repair_house"]
    assert houses[0][1] >= 40_000_000 and houses[0][2] <= 100_000_000
    assert 10_000_000 <= houses[1][1] and houses[1][2] <= 50_000_000
    purposes = {r[0] for r in rows(store, "SELECT DISTINCT purpose FROM fund_entry WHERE purpose IS NOT NULL")}
    assert {"build_house", "repair_house", "support", "study", "health"} <= purposes
    parties = [r[0] for r in rows(store, "SELECT party FROM fund_entry WHERE direction = 'receipt'")]
    assert any("một ngày lương" in p for p in parties)
    assert any(p.startswith(("Công ty", "Doanh nghiệp", "Hợp tác xã")) for p in parties)
    numbers = [r[0] for r in rows(store, "SELECT document_number FROM fund_entry")]
    assert len(set(numbers)) == len(numbers) and all(n[:3] in ("PT-", "PC-") for n in numbers)


# -- cases -------------------------------------------------------------------------


def test_cases_of_every_kind_mostly_closed_with_fitting_outcomes(demo):
    _, store = demo
    kinds = dict(rows(store, "SELECT kind, count(*) FROM oversight_case GROUP BY kind"))
    assert set(kinds) == {"inspection", "investment", "mediation", "supervision", "criticism"}
    for kind, outcome in rows(store, "SELECT kind, outcome FROM oversight_case WHERE closed_on IS NOT NULL"):
        assert outcome in (MEDIATION_OUTCOMES if kind == "mediation" else OTHER_OUTCOMES), (kind, outcome)
    total = sum(kinds.values())
    closed = one(store, "SELECT count(*) FROM oversight_case WHERE closed_on IS NOT NULL")
    assert 0.6 * total < closed < total
    mediated = one(store, "SELECT count(*) FROM oversight_case WHERE kind = 'mediation' AND closed_on IS NOT NULL")
    successful = one(store, "SELECT count(*) FROM oversight_case WHERE outcome = 'successful'")
    assert successful > 0.5 * mediated
    assert one(store, "SELECT count(*) FROM oversight_case WHERE closed_on < opened_on OR closed_on > ?",
               TODAY.isoformat()) == 0
    assert one(store, "SELECT count(*) FROM oversight_case WHERE closed_on IS NOT NULL AND findings IS NULL") == 0


# -- the whole -----------------------------------------------------------------------


def test_period_figures_are_non_trivial_for_recent_months(demo):
    _, store = demo
    october = register_figures(store, parse_period("10/2026", today=TODAY))
    assert october["petitions_received"] > 0 and october["petitions_answered"] > 0
    assert october["fund_received"] > october["fund_spent"] >= 0
    assert october["fund_closing"] == (october["fund_opening"] + october["fund_received"]
                                       - october["fund_spent"])
    year = register_figures(store, parse_period("2026", today=TODAY))
    assert year["houses_built"] > 0 and year["houses_repaired"] > 0
    assert year["petitions_overdue"] > 0 and year["mediation_successful"] > 0
    assert all(year[f"cases_opened.{k}"] > 0
               for k in ("inspection", "investment", "mediation", "supervision", "criticism"))
    assert all(v >= 0 for v in year.values())


def test_sound_and_logged(demo):
    _, store = demo
    assert integrity_problems(store) == []
    assert foreign_key_problems(store) == []
    logged = dict(rows(store, "SELECT table_name, json_extract(after, '$.count') FROM change_log"
                              " WHERE action = 'bulk' AND table_name IN ('petition', 'fund_entry', 'oversight_case')"))
    for table in ("petition", "fund_entry", "oversight_case"):
        assert logged[table] == one(store, f"SELECT count(*) FROM {table}")
    assert one(store, "SELECT count(*) FROM petition WHERE search_text = ''") == 0


def test_same_seed_same_registers(tmp_path):
    def registers(path):
        store = open_store(path, clock=clock())
        try:
            return [rows(store, f"SELECT * FROM {t} ORDER BY id") for t in ("petition", "fund_entry", "oversight_case")]
        finally:
            store.close()

    build_demo(tmp_path / "a.db", people=300, seed=9, clock=clock())
    build_demo(tmp_path / "b.db", people=300, seed=9, clock=clock())
    build_demo(tmp_path / "c.db", people=300, seed=10, clock=clock())
    a, b, c = registers(tmp_path / "a.db"), registers(tmp_path / "b.db"), registers(tmp_path / "c.db")
    assert a == b
    assert a[0] != c[0]


def test_a_clock_early_in_the_year_still_makes_a_sound_fund(tmp_path):
    early = FixedClock(date(2026, 3, 3))
    build_demo(tmp_path / "e.db", people=300, seed=4, clock=early)
    store = open_store(tmp_path / "e.db", clock=early)
    try:
        running = 0
        for (change,) in rows(store, "SELECT sum(CASE direction WHEN 'receipt' THEN amount ELSE -amount END)"
                                     " FROM fund_entry GROUP BY entry_on ORDER BY entry_on"):
            running += change
            assert running >= 0
        assert one(store, "SELECT max(received_on) FROM petition") <= "2026-03-03"
        assert one(store, "SELECT min(received_on) FROM petition") >= "2025-03-04"
    finally:
        store.close()


def test_the_change_log_says_what_the_demo_added_in_words(demo):
    from app.domain.change_log import ChangeFilter, list_changes
    from app.domain.change_words import ChangeWords

    _summary, store = demo
    bulk = [e for e in list_changes(store, ChangeFilter(), limit=500).entries if e.action == "bulk"]
    words = {c.what for c in ChangeWords("vi").describe(store, bulk)}
    assert any(w.startswith("Thêm") and w.endswith("kiến nghị") for w in words), words
    assert any(w.endswith("khoản thu, chi của quỹ") for w in words) and any(w.endswith("vụ việc") for w in words)
