"""The weekly summary for entering into "Mặt trận số", the national Front
platform (web only, piloted from August 2025), which asks communes to enter
their figures every week: organizations, members, cadres and the registers'
figures, each with what changed since the last summary written.

Nothing here is counted twice: organizations are read from the organization
tree (``app.domain.organizations``), members and posts from the province
report's figures (``app.reports.figures.compute_figures``), the registers'
figures from ``app.domain.front_work.register_figures``. docs/mat-tran-so.md
says what each figure counts and which part of the platform it is for (the
platform's field names are not published to us: the sheet says so).

The figures of a week are counted on the days from its Monday to its Sunday,
or to today while the week is not over: members and posts as they stand on
that last day ``D``; the registers over the week, and again over the year of
``D`` from 1 January to ``D``. Organizations have no dates in the database:
they are counted as they are now. A figure the database cannot tell (who is a
full-time cadre, and who sits on the Front committee unless the commune keeps
that post) is "không rõ / not known" (``None``), never a guess.

A summary *written* (``record_summary``) keeps its figures in the table
``weekly_summary``, one row per week (writing a week again replaces it); the
next summary compares with the latest earlier week kept. ``weekly_figures``
alone writes nothing: it is the preview.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.db.storage import Store
from app.domain.cases import KINDS as CASE_KINDS
from app.domain.front_work import register_figures
from app.domain.organizations import BRANCH, MEMBER_ORG, RESIDENTIAL_AREA, WORK_COMMITTEE, OrgNode, organization_tree
from app.domain.registers import WORDS
from app.reports.figures import STANDARD_CODES, ReportFigures, compute_figures
from app.reports.weekly_week import Week
from app.text.money import group_digits
from app.text.periods import Period
from app.text.vietnamese import fold

__all__ = ["WeeklyRow", "WeeklyFigures", "GROUPS", "weekly_figures", "record_summary",
           "previous_summary", "NOT_KNOWN", "NEW", "change_text", "value_text", "platform_note"]

NOT_KNOWN = ("không rõ", "not known")  # what a figure the database cannot tell shows
NEW = "mới"                               # the change of a figure the last summary did not have
MINUS = "\u2212"                          # a true minus sign in "−1", as printed figures have

GROUPS = {
    "organizations": ("Tổ chức", "Organizations"),
    "members": ("Hội viên, đoàn viên", "Members"),
    "cadres": ("Cán bộ", "Cadres"),
    "week": ("Công tác Mặt trận trong tuần", "The Front's work this week"),
    "year": ("Công tác Mặt trận từ đầu năm", "The Front's work, year to date"),
}

_ORG_ROWS = (
    (MEMBER_ORG, "organizations.member_orgs", "Tổ chức thành viên cấp xã", "Member organizations"),
    (RESIDENTIAL_AREA, "organizations.residential_areas", "Khu dân cư (thôn, ấp, bản, tổ dân phố)",
     "Residential areas"),
    (WORK_COMMITTEE, "organizations.work_committees", "Ban công tác Mặt trận ở khu dân cư", "Front work committees"),
    (BRANCH, "organizations.branches", "Chi hội, chi đoàn, tổ công đoàn ở khu dân cư", "Branches"),
)
_UNIT_EN = {"women": "Women's Union", "farmers": "Farmers' Association", "veterans": "Veterans' Association",
            "youth": "Youth Union", "trade_union": "Trade Union", "other": "Other member organizations"}

# Posts of the Front committee, by their folded titles (FRONT_POSITIONS and what communes write).
_CHAIR = {"chu tich"}
_VICE_CHAIRS = {"pho chu tich"}
_STANDING_MEMBERS = {"uy vien ban thuong truc", "uy vien thuong truc"}
_COMMITTEE_MEMBERS = {"uy vien", "uy vien uy ban", "uy vien uy ban mttq", "uy vien uy ban mat tran",
                      "uy vien uy ban mat tran to quoc"}

_FUND = "Quỹ “Vì người nghèo”"
_REGISTER_LABELS = {
    "petitions_received": ("Ý kiến, kiến nghị tiếp nhận", "Petitions received"),
    "petitions_answered": ("Kiến nghị đã được trả lời", "Petitions answered"),
    "petitions_answered_on_time": ("Trong đó trả lời đúng hạn", "of which answered on time"),
    "petitions_overdue": ("Kiến nghị quá hạn chưa được trả lời (đến cuối tuần)", "Petitions overdue (at the end)"),
    "fund_opening": (f"{_FUND}: tồn đầu tuần (đồng)", "“For the poor” fund: opening balance (đồng)"),
    "fund_received": (f"{_FUND}: thu (đồng)", "“For the poor” fund: received (đồng)"),
    "fund_spent": (f"{_FUND}: chi (đồng)", "“For the poor” fund: spent (đồng)"),
    "fund_closing": (f"{_FUND}: tồn cuối tuần (đồng)", "“For the poor” fund: closing balance (đồng)"),
    "houses_built": ("Nhà Đại đoàn kết xây mới (căn)", "Houses built"),
    "houses_repaired": ("Nhà sửa chữa (căn)", "Houses repaired"),
    **{f"cases_opened.{k}": (f"{WORDS['case_kind'][k][0]}: vụ việc bắt đầu", f"{WORDS['case_kind'][k][1]}: opened")
       for k in CASE_KINDS},
    **{f"cases_closed.{k}": (f"{WORDS['case_kind'][k][0]}: vụ việc kết thúc", f"{WORDS['case_kind'][k][1]}: closed")
       for k in CASE_KINDS},
    "mediation_successful": ("Hòa giải thành", "Mediations successful"),
}
# From the start of the year: the opening balance is the year's; the overdue petitions
# and the closing balance, taken on D, are the week's rows already.
_YEAR_LABELS = {**{k: v for k, v in _REGISTER_LABELS.items() if k not in ("petitions_overdue", "fund_closing")},
                "fund_opening": (f"{_FUND}: tồn đầu năm (đồng)", "“For the poor” fund: opening balance of the year (đồng)")}


class WeeklyRow(NamedTuple):
    group: str               # a key of GROUPS
    code: str                # "members.women", "week.fund_received"...: stable from week to week
    label_vi: str
    label_en: str
    value: int | None        # None: not known (NOT_KNOWN)
    previous: int | None     # the last summary's value; None when it had none (or did not know it)
    change: str              # "+3", "−1", "0", "mới", or "" (nothing to compare with)


@dataclass(frozen=True)
class WeeklyFigures:
    week: Week
    as_of: date                   # D: the week's Sunday, or today while the week is not over
    rows: list[WeeklyRow]
    previous_week: str | None     # the week of the summary compared with ("2026-W47"), if any
    previous_written_at: str | None
    demo: bool

    def __iter__(self):
        return iter(self.rows)  # the figures of a week are its rows

    def __len__(self) -> int:
        return len(self.rows)

    def values(self) -> dict[str, int | None]:
        return {row.code: row.value for row in self.rows}


# -- the figures --------------------------------------------------------------------------------


def _count_kinds(node: OrgNode, counts: dict[str, int]) -> None:
    counts[node.kind] = counts.get(node.kind, 0) + 1
    for child in node.children:
        _count_kinds(child, counts)


def _organization_rows(store: Store) -> list[tuple]:
    counts: dict[str, int] = {}
    _count_kinds(organization_tree(store), counts)  # active ones, as the tree shows them
    return [("organizations", code, vi, en, counts.get(kind, 0)) for kind, code, vi, en in _ORG_ROWS]


def _member_rows(figures: ReportFigures) -> list[tuple]:
    rows = []
    for unit in figures.units:
        if unit.key in (*STANDARD_CODES, "other"):
            rows.append(("members", f"members.{unit.key}", unit.name, _UNIT_EN[unit.key], unit["members.total"]))
    total = figures.unit("commune")["members.total"]
    rows.append(("members", "members.people", "Tổng số người là hội viên, đoàn viên (mỗi người tính một lần)",
                 "People who are members (each counted once)", total))
    return rows


def _holders(figures: ReportFigures, kind: str, titles: set[str] | None = None) -> set[int] | None:
    """The people holding, on D, a post of an organization of ``kind`` whose
    folded title is one of ``titles`` (any title: None); None when no such
    post exists at all (the commune does not keep it: not known)."""
    lines = [p for p in figures.positions if p.kind == kind and (titles is None or fold(p.title) in titles)]
    if not lines:
        return None
    return {h.person_id for line in lines for h in line.holders}


def _vacant(figures: ReportFigures, kind: str, titles: set[str]) -> int:
    return sum(p.vacant for p in figures.positions if p.kind == kind and fold(p.title) in titles)


def _size(people: set[int] | None) -> int | None:
    return None if people is None else len(people)


def _cadre_rows(figures: ReportFigures) -> list[tuple]:
    front = "front_committee"
    chair = _holders(figures, front, _CHAIR)
    vice = _holders(figures, front, _VICE_CHAIRS)
    standing_members = _holders(figures, front, _STANDING_MEMBERS)
    standing_posts = _CHAIR | _VICE_CHAIRS | _STANDING_MEMBERS
    standing = _holders(figures, front, standing_posts)
    committee_post = _holders(figures, front, _COMMITTEE_MEMBERS)
    # The Front committee's members are those who sit on its standing committee and the
    # committee members, when the commune keeps that post; without it they are not known.
    committee = None if committee_post is None else committee_post | (standing or set())
    return [
        ("cadres", "cadres.full_time", "Cán bộ chuyên trách", "Full-time staff", None),
        ("cadres", "cadres.front_committee", "Ủy viên Ủy ban MTTQ xã", "Front committee members", _size(committee)),
        ("cadres", "cadres.standing_committee", "Ban Thường trực (Chủ tịch, Phó Chủ tịch, Ủy viên Thường trực)",
         "Standing committee (chair, vice chairs, standing members)", _size(standing)),
        ("cadres", "cadres.chair", "Trong đó: Chủ tịch", "of which: chair", _size(chair)),
        ("cadres", "cadres.vice_chairs", "Trong đó: Phó Chủ tịch", "of which: vice chairs", _size(vice)),
        ("cadres", "cadres.standing_members", "Trong đó: Ủy viên Ban Thường trực", "of which: standing members",
         _size(standing_members)),
        ("cadres", "cadres.standing_vacant", "Ban Thường trực: số suất còn trống", "Standing committee: vacant seats",
         _vacant(figures, front, standing_posts) if standing is not None else None),
        ("cadres", "cadres.work_committee_members", "Thành viên các Ban công tác Mặt trận",
         "Members of the Front work committees", len(_holders(figures, WORK_COMMITTEE) or ())),
        ("cadres", "cadres.concurrent", "Người kiêm nhiệm (giữ từ hai chức danh)",
         "Concurrent holders (two posts or more)", figures.unit("commune")["positions.concurrent_holders"]),
    ]


def _register_rows(scope: str, found: dict[str, int]) -> list[tuple]:
    labels = _REGISTER_LABELS if scope == "week" else _YEAR_LABELS
    return [(scope, f"{scope}.{name}", vi, en, found[name]) for name, (vi, en) in labels.items()]


def _current(store: Store, week: Week, today: date) -> tuple[date, bool, list[tuple]]:
    as_of = min(week.last, today)
    # Period has no week kind; the figures read only its first and last day.
    period = Period(week.code, "week", week.first, as_of)
    figures = compute_figures(store, period, today=today)
    year = Period(str(as_of.year), "year", date(as_of.year, 1, 1), as_of)
    rows = (_organization_rows(store) + _member_rows(figures) + _cadre_rows(figures)
            + _register_rows("week", figures.registers) + _register_rows("year", register_figures(store, year)))
    return as_of, figures.demo, rows


# -- what changed ---------------------------------------------------------------------------------


def change_text(value: int | None, previous: int | None, *, compared: bool) -> str:
    """"+3", "−1", "0"; "mới" for a figure the last summary did not have; ""
    when there is nothing to compare with or the figure is not known."""
    if value is None or not compared:
        return ""
    if previous is None:
        return NEW
    diff = value - previous
    return "0" if diff == 0 else ("+" if diff > 0 else MINUS) + group_digits(abs(diff))


def value_text(value: int | None, *, lang: str = "vi") -> str:
    """A figure as the sheet prints it, grouped the Vietnamese way ("1.250.000"); "không rõ" when not known."""
    if value is None:
        return NOT_KNOWN[0 if lang == "vi" else 1]
    return group_digits(value)


def previous_summary(store: Store, week: Week) -> tuple[str, str, dict[str, int | None]] | None:
    """(week, written at, figures) of the latest summary kept for a week before ``week``."""
    row = store.conn.execute(
        "SELECT week, written_at, figures FROM weekly_summary WHERE week < ? ORDER BY week DESC LIMIT 1",
        (week.code,)).fetchone()
    if row is None:
        return None
    try:
        figures = json.loads(row[2])
    except ValueError:
        figures = None
    if not isinstance(figures, dict):
        figures = {}  # a damaged row compares with nothing rather than stop the summary
    return row[0], row[1], {k: v if isinstance(v, int) and not isinstance(v, bool) else None
                            for k, v in figures.items()}


def weekly_figures(store: Store, week: Week, *, today: date | None = None) -> WeeklyFigures:
    """Every figure of ``week`` with the last summary's value and the change
    (see the module). Writes nothing."""
    today = today or store.today()
    as_of, demo, current = _current(store, week, today)
    before = previous_summary(store, week)
    old = before[2] if before else {}
    rows = []
    for group, code, vi, en, value in current:
        previous = old.get(code)
        change = change_text(value, previous, compared=before is not None)
        rows.append(WeeklyRow(group, code, vi, en, value, previous, change))
    return WeeklyFigures(week, as_of, rows, before[0] if before else None, before[1] if before else None, demo)


def record_summary(store: Store, figures: WeeklyFigures) -> None:
    """Keep ``figures`` as the summary written for their week (replacing one
    written before for the same week); the next week's summary compares with them."""
    payload = json.dumps(figures.values(), ensure_ascii=False, sort_keys=True)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO weekly_summary (week, first_day, last_day, written_at, figures) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (week) DO UPDATE SET first_day = excluded.first_day, last_day = excluded.last_day,"
            " written_at = excluded.written_at, figures = excluded.figures",
            (figures.week.code, figures.week.first.isoformat(), figures.as_of.isoformat(), store.now_iso(), payload))


# -- where each figure is meant to go ----------------------------------------------------------------

_FIELD_UNKNOWN = "tên trường trên nền tảng: chưa rõ"
_NOTES = {
    "organizations": "Mục tổ chức của xã; " + _FIELD_UNKNOWN,
    "members": "Mục hội viên, đoàn viên; " + _FIELD_UNKNOWN,
    "cadres": "Mục cán bộ; " + _FIELD_UNKNOWN,
    "week": "Mục kết quả công tác trong tuần; " + _FIELD_UNKNOWN,
    "year": "Mục kết quả công tác từ đầu năm (nếu nền tảng hỏi số cộng dồn); " + _FIELD_UNKNOWN,
}
_CODE_NOTES = {
    "cadres.full_time": "Không rõ: cơ sở dữ liệu không ghi ai là cán bộ chuyên trách; nhập tay trên nền tảng",
    "cadres.front_committee": "Mục cán bộ; chỉ biết khi Ủy ban MTTQ có chức danh “Ủy viên Ủy ban”; "
                              + _FIELD_UNKNOWN,
}


def platform_note(row: WeeklyRow) -> str:
    """The sheet's note: which part of Mặt trận số the figure is meant for, or why it is not known."""
    if row.code == "cadres.front_committee" and row.value is None:
        return ("Không rõ: Ủy ban MTTQ chưa có chức danh “Ủy viên Ủy ban” trong cơ sở dữ liệu; "
                "nhập tay trên nền tảng")
    return _CODE_NOTES.get(row.code, _NOTES[row.group])
