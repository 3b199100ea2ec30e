"""Cases: the oversight and grassroots work of the Front (table ``oversight_case``,
since "case" is an SQL keyword).

Kinds: people's inspection (Ban Thanh tra nhân dân, ``inspection``), community
investment supervision (Ban Giám sát đầu tư của cộng đồng, ``investment``),
grassroots mediation (hòa giải ở cơ sở, ``mediation``), supervision (giám
sát, ``supervision``) and social criticism (phản biện xã hội, ``criticism``).

A case is open until it is closed with an outcome. Rules: the opening and
closing days are not after today; a case cannot close before it opened; a
mediation closes as successful, unsuccessful or withdrawn, every other kind
as resolved, partly resolved, unresolved or withdrawn.

Figures of a period (``case_figures``), F and L its first and last day:

- ``cases_opened.<kind>``: cases of the kind opened from F to L.
- ``cases_closed.<kind>``: cases of the kind closed from F to L, whenever opened.
- ``mediation_successful``: mediation cases closed from F to L as successful.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Mapping

from app import messages
from app.db import logged
from app.db.storage import Store
from app.errors import InvalidInput, InvalidValue
from app.text.dates import format_date
from app.text.periods import Period
from app.domain.registers import (
    TEXT_LIMIT, WORDS, area_value, cli_word, day_value, refresh_search_text, rows_by_ids, text_clause, text_value,
    word_value,
)

KINDS = ("inspection", "investment", "mediation", "supervision", "criticism")
OUTCOMES = ("resolved", "partly_resolved", "unresolved", "withdrawn", "successful", "unsuccessful")
MEDIATION_OUTCOMES = ("successful", "unsuccessful", "withdrawn")
OTHER_OUTCOMES = ("resolved", "partly_resolved", "unresolved", "withdrawn")
EVENT = "cases_changed"

messages.register(
    {
        "case.closed_before_opened": (
            "{field_name} ({value}) trước ngày mở vụ việc ({opened_on}).",
            "{field_name} ({value}) is before the case was opened ({opened_on}).",
        ),
        "case.outcome_for_kind": (
            "{field_name} “{value}” không dùng cho {kind_vi}. Hãy dùng một trong: {choices}.",
            "{field_name} “{value}” does not fit {kind_en}. Use one of: {choices}.",
        ),
        "case.not_closed": (
            "Vụ việc số {id} chưa kết thúc: không có kết quả để ghi.",
            "Case #{id} is not closed: it has no outcome to record.",
        ),
        "not_found.oversight_case": ("Không tìm thấy vụ việc số {id}.", "No case #{id}."),
    }
)
messages.register_fields(
    {
        "opened_on": ("Ngày bắt đầu", "Opened on"),
        "parties": ("Các bên, công trình", "Parties or project"),
        "findings": ("Kết quả kiểm tra, giám sát", "Findings"),
        "recommendation": ("Kiến nghị", "Recommendation"),
    }
)

_EDITABLE = ("kind", "opened_on", "title", "area_id", "parties", "findings", "recommendation", "note")


def _outcomes_for(kind: str | None) -> tuple[str, ...]:
    return MEDIATION_OUTCOMES if kind == "mediation" else OTHER_OUTCOMES


def check_case(store: Store, raw: Mapping[str, Any], *, current: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The values to store, or ``InvalidInput`` with every problem at once. With
    ``current`` (an edit of a closed case) the closing and its outcome are
    checked against the new opening day and kind. Reads only."""
    problems: list[InvalidValue] = []
    v: dict[str, Any] = {}
    v["kind"] = word_value("case_kind", raw.get("kind"), "kind", problems)
    v["opened_on"] = day_value(store, raw.get("opened_on"), "opened_on", problems, required=True)
    v["title"] = text_value(raw.get("title"), "title", problems, required=True)
    v["area_id"] = area_value(store, raw.get("area_id"), problems)
    v["parties"] = text_value(raw.get("parties"), "parties", problems, limit=TEXT_LIMIT)
    v["findings"] = text_value(raw.get("findings"), "findings", problems, limit=TEXT_LIMIT)
    v["recommendation"] = text_value(raw.get("recommendation"), "recommendation", problems, limit=TEXT_LIMIT)
    v["note"] = text_value(raw.get("note"), "note", problems, limit=TEXT_LIMIT)
    if current is not None and current.get("closed_on"):
        if v["opened_on"] and current["closed_on"] < v["opened_on"]:
            problems.append(_closed_before("closed_on", current["closed_on"], v["opened_on"]))
        if v["kind"] and current["outcome"] not in _outcomes_for(v["kind"]):
            problems.append(_bad_outcome(current["outcome"], v["kind"]))
    if problems:
        raise InvalidInput(problems)
    return v


def _closed_before(field_name: str, day: str, opened: str) -> InvalidValue:
    return InvalidValue("case.closed_before_opened", field=field_name, value=format_date(day),
                        opened_on=format_date(opened))


def _bad_outcome(outcome: Any, kind: str) -> InvalidValue:
    choices = ", ".join(f"{cli_word(c)} ({WORDS['outcome'][c][0]})" for c in _outcomes_for(kind))
    return InvalidValue("case.outcome_for_kind", field="outcome", value=cli_word(outcome),
                        kind_vi=WORDS["case_kind"][kind][0], kind_en=WORDS["case_kind"][kind][1].lower(),
                        choices=choices)


def add_case(store: Store, raw: Mapping[str, Any]) -> int:
    values = check_case(store, raw)
    with store.transaction():
        case_id = logged.insert(store, "oversight_case", values)
        refresh_search_text(store, "oversight_case", case_id)
    store.events.emit(EVENT, ids=[case_id])
    return case_id


def update_case(store: Store, case_id: int, raw: Mapping[str, Any]) -> None:
    current = logged.require(store, "oversight_case", case_id)
    merged = {k: current[k] for k in _EDITABLE}
    merged.update({k: v for k, v in raw.items() if k in _EDITABLE})
    values = check_case(store, merged, current=current)
    with store.transaction():
        logged.update(store, "oversight_case", case_id, values)
        refresh_search_text(store, "oversight_case", case_id)
    store.events.emit(EVENT, ids=[case_id])


def close_case(store: Store, case_id: int, *, on: date | str, outcome: str, findings: str | None = None,
               recommendation: str | None = None) -> None:
    """Close a case (or correct its closing) with its outcome, and what was found
    and recommended when given."""
    current = logged.require(store, "oversight_case", case_id)
    problems: list[InvalidValue] = []
    closed_on = day_value(store, on, "closed_on", problems, required=True)
    if closed_on and closed_on < current["opened_on"]:
        problems.append(_closed_before("closed_on", closed_on, current["opened_on"]))
    word = word_value("outcome", outcome, "outcome", problems)
    if word is not None and word not in _outcomes_for(current["kind"]):
        problems.append(_bad_outcome(word, current["kind"]))
    changes: dict[str, Any] = {"closed_on": closed_on, "outcome": word}
    for name, raw in (("findings", findings), ("recommendation", recommendation)):
        if raw not in (None, ""):
            changes[name] = text_value(raw, name, problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "oversight_case", case_id, changes)
        refresh_search_text(store, "oversight_case", case_id)
    store.events.emit(EVENT, ids=[case_id])


def reopen_case(store: Store, case_id: int) -> None:
    """A case closed by mistake is open again (its outcome goes)."""
    current = logged.require(store, "oversight_case", case_id)
    if current["closed_on"] is None:
        raise InvalidValue("case.not_closed", field="closed_on", value=None, id=case_id)
    with store.transaction():
        logged.update(store, "oversight_case", case_id, {"closed_on": None, "outcome": None})
    store.events.emit(EVENT, ids=[case_id])


def link_task(store: Store, case_id: int, task_id: int | None) -> None:
    """The task that follows the case up (None: no longer)."""
    logged.require(store, "oversight_case", case_id)
    if task_id is not None:
        logged.require(store, "task", task_id)
    with store.transaction():
        logged.update(store, "oversight_case", case_id, {"task_id": task_id})
    store.events.emit(EVENT, ids=[case_id])


def delete_case(store: Store, case_id: int) -> None:
    with store.transaction():
        logged.delete(store, "oversight_case", case_id)
    store.events.emit(EVENT, ids=[case_id])


# -- reading ---------------------------------------------------------------------------


@dataclass
class CaseView:
    id: int
    kind: str
    opened_on: str
    title: str
    area_id: int | None
    area: str | None
    parties: str | None
    findings: str | None
    recommendation: str | None
    closed_on: str | None
    outcome: str | None
    task_id: int | None
    note: str | None

    @property
    def open(self) -> bool:
        return self.closed_on is None

    def as_json(self) -> dict:
        data = asdict(self)
        data["kind"], data["outcome"] = cli_word(self.kind), cli_word(self.outcome)
        return data


_COLUMNS = ("c.id, c.kind, c.opened_on, c.title, c.area_id, o.name, c.parties, c.findings, c.recommendation,"
            " c.closed_on, c.outcome, c.task_id, c.note")
_FROM = " FROM oversight_case c LEFT JOIN organization o ON o.id = c.area_id"


def get_case(store: Store, case_id: int) -> CaseView:
    row = store.conn.execute(f"SELECT {_COLUMNS}{_FROM} WHERE c.id = ?", (case_id,)).fetchone()
    if row is None:
        logged.require(store, "oversight_case", case_id)
    return CaseView(*row)


@dataclass
class CaseFilter:
    kind: str | None = None
    open: bool = False
    area_id: int | None = None
    period: Period | None = None  # opened in the period
    text: str | None = None  # title, parties or project, findings, recommendation; accents or not


def _where(flt: CaseFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if flt.kind is not None:
        clauses.append("c.kind = ?")
        args.append(flt.kind)
    if flt.open:
        clauses.append("c.closed_on IS NULL")
    if flt.area_id is not None:
        clauses.append("c.area_id = ?")
        args.append(flt.area_id)
    if flt.period is not None:
        clauses.append("c.opened_on BETWEEN ? AND ?")
        args += [flt.period.first.isoformat(), flt.period.last.isoformat()]
    sql, words = text_clause("c.search_text", flt.text)
    if sql:
        clauses.append(sql)
        args += words
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


ORDER = "ORDER BY c.closed_on IS NOT NULL, c.opened_on DESC, c.id DESC"  # open first, newest first


def case_ids(store: Store, flt: CaseFilter | None = None, *, limit: int | None = None) -> list[int]:
    """Ids in list order: for a lazy model (``limit``: the first screen only)."""
    where, args = _where(flt or CaseFilter())
    tail = " LIMIT ?" if limit is not None else ""
    args += [limit] if limit is not None else []
    return [r[0] for r in store.conn.execute(f"SELECT c.id FROM oversight_case c{where} {ORDER}{tail}", args)]


def cases_by_ids(store: Store, ids: list[int]) -> dict[int, CaseView]:
    """The cases of ``ids`` that still exist, by id: a lazy model's block in one query."""
    return rows_by_ids(store, f"SELECT {_COLUMNS}{_FROM}", "c.id", ids, lambda row: CaseView(*row))


def list_cases(store: Store, flt: CaseFilter | None = None, *, limit: int = 200, offset: int = 0) -> list[CaseView]:
    where, args = _where(flt or CaseFilter())
    rows = store.conn.execute(f"SELECT {_COLUMNS}{_FROM}{where} {ORDER} LIMIT ? OFFSET ?", [*args, limit, offset])
    return [CaseView(*r) for r in rows]


def count_cases(store: Store, flt: CaseFilter | None = None) -> int:
    where, args = _where(flt or CaseFilter())
    return store.conn.execute(f"SELECT count(*) FROM oversight_case c{where}", args).fetchone()[0]


# -- figures ---------------------------------------------------------------------------


def case_figures(store: Store, period: Period) -> dict[str, int]:
    """The period's case figures (the module says exactly what each counts)."""
    first, last = period.first.isoformat(), period.last.isoformat()
    figures = {f"cases_opened.{k}": 0 for k in KINDS}
    figures.update({f"cases_closed.{k}": 0 for k in KINDS})
    q = store.conn.execute
    for kind, count in q("SELECT kind, count(*) FROM oversight_case WHERE opened_on BETWEEN ? AND ? GROUP BY kind",
                         (first, last)):
        figures[f"cases_opened.{kind}"] = count
    for kind, count in q("SELECT kind, count(*) FROM oversight_case WHERE closed_on BETWEEN ? AND ? GROUP BY kind",
                         (first, last)):
        figures[f"cases_closed.{kind}"] = count
    figures["mediation_successful"] = q(
        "SELECT count(*) FROM oversight_case WHERE kind = 'mediation' AND outcome = 'successful'"
        " AND closed_on BETWEEN ? AND ?", (first, last)).fetchone()[0]
    return figures
