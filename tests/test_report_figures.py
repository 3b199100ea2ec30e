"""The report's figures against a commune whose every count is known, and
the ``_data`` sheet of the written workbook against the same counts."""
from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from app.domain.positions import concurrent_holders, vacancies
from app.reports.figures import (
    MEMBER_INDICATORS, POSITION_INDICATORS, REGISTER_INDICATORS, TASK_INDICATORS, compute_figures,
)
from app.reports.province_report import export_report
from app.reports.report_file import read_report
from app.text.periods import parse_period
from tests.report_commune import EXPECTED_NOVEMBER, build

ALL = MEMBER_INDICATORS + POSITION_INDICATORS + TASK_INDICATORS


@pytest.fixture
def commune(store):
    build(store)
    return store


def test_every_figure_of_november_is_what_the_database_says(commune):
    figures = compute_figures(commune, parse_period("2026-11"))
    found = {(i, u): v for i, u, v in figures.data_rows()}
    units = {u.key for u in figures.units}
    assert units == {"front", "women", "farmers", "veterans", "youth", "trade_union", "commune"}
    expected = {(i, u): EXPECTED_NOVEMBER.get((i, u), 0) for i in ALL for u in units}
    # and the registers' (template 2), none of them kept in this commune: every one 0, the Front's
    expected |= {(i, "front"): 0 for i in REGISTER_INDICATORS}
    assert found == expected


def test_the_workbook_data_sheet_holds_the_same_figures(commune, tmp_path):
    out = tmp_path / "bc.xlsx"
    export_report(commune, parse_period("2026-11"), out)
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_name("_data").to_python()
    assert rows[0] == ["indicator", "organization", "value"]
    written = {(r[0], r[1]): int(r[2]) for r in rows[1:]}
    assert {k: v for k, v in written.items() if v} == EXPECTED_NOVEMBER
    assert read_report(out).figures() == written  # and its checksum holds


def test_totals_agree_with_the_existing_vacancy_and_concurrency_views(commune):
    figures = compute_figures(commune, parse_period("2026-11"))
    day = date(2026, 11, 30)
    total = figures.unit("commune")
    assert total["positions.vacant"] == sum(v.vacant for v in vacancies(commune, as_of=day))
    assert total["positions.concurrent_holders"] == len(concurrent_holders(commune, as_of=day))
    assert {h.full_name for h in figures.concurrent} == {"Nguyễn Thị Hoa", "Lò Thị Mai"}
    for unit in figures.units:
        assert unit["tasks.assigned"] == unit["tasks.done_on_time"] + unit["tasks.done_late"] + unit["tasks.open"]
        assert unit["positions.seats"] == unit["positions.filled"] + unit["positions.vacant"]
        bands = ("age_under_30", "age_30_45", "age_46_60", "age_over_60", "age_unknown")
        assert unit["members.total"] == sum(unit[f"members.{b}"] for b in bands)


def test_an_earlier_quarter_reads_the_history(commune):
    """Q3 (30/09/2026): E had not left yet, D had not joined and still held
    his post; the tasks of November are not in it."""
    figures = compute_figures(commune, parse_period("2026-Q3"))
    farmers, total = figures.unit("farmers"), figures.unit("commune")
    assert farmers["members.total"] == 2  # B and E
    assert farmers["positions.filled"] == 1 and farmers["positions.vacant"] == 3
    assert total["members.total"] == 4  # A, B, C, E
    assert total["tasks.assigned"] == 0


def test_october_is_over_so_every_open_task_due_in_it_is_overdue(commune):
    figures = compute_figures(commune, parse_period("2026-10"))
    total = figures.unit("commune")
    # T7 open, T9 done on time, T11 done only on 02/11: open at the end of October
    assert (total["tasks.assigned"], total["tasks.done_on_time"], total["tasks.open"], total["tasks.overdue"]) == (3, 1, 2, 2)
    outcomes = {t.title[:3]: t.outcome for t in figures.tasks}
    assert outcomes == {"T7 ": "overdue", "T9 ": "done_on_time", "T11": "overdue"}


def test_the_year_counts_every_task_due_in_it(commune):
    total = compute_figures(commune, parse_period("2026")).unit("commune")
    # all but T6 (cancelled); T8 (due 05/12) is open but not overdue, today being 22/11
    assert total["tasks.assigned"] == 10
    assert (total["tasks.done_on_time"], total["tasks.done_late"]) == (3, 2)  # T1 T9 T10; T2 T11
    assert (total["tasks.open"], total["tasks.overdue"]) == (5, 2)  # T3 T4 T5 T7 T8; T3 T7
    assert total["tasks.backlog_overdue"] == 0


def test_the_signer_is_the_front_committees_chair(commune):
    assert compute_figures(commune, parse_period("2026-11")).chair == "Nguyễn Thị Hoa"


def test_a_member_organization_the_commune_added_is_counted_as_other(commune):
    from app.domain.organizations import add_organization, front_committee_id
    from app.domain.people import join_organization

    org = add_organization(commune, kind="member_org", name="Hội Người cao tuổi", parent_id=front_committee_id(commune))
    join_organization(commune, 1, org, joined_on="01/01/2020")
    figures = compute_figures(commune, parse_period("2026-11"))
    assert [u.key for u in figures.units][-2:] == ["other", "commune"]
    assert figures.unit("other")["members.total"] == 1
    assert figures.unit("commune")["members.total"] == 4  # A was counted already
