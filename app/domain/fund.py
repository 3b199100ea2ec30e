"""Fund entries: the "Vì người nghèo" fund (``poor``) and the other social funds
(``relief``, ``other``), one row per receipt or spending, in whole đồng.

Balances are derived, never stored. A spending that takes a fund below zero
is recorded all the same (the money may have been advanced, the receipt not
yet entered), and comes back as a ``Notice`` for the caller to show.

A fund's figures for a period (``fund_balance``, ``fund_figures``), with F and L
the period's first and last day, per fund:

- ``fund_opening``: receipts minus spending dated before F.
- ``fund_received``: receipts dated from F to L.
- ``fund_spent``: spending dated from F to L.
- ``fund_closing``: opening + received - spent (the balance at the end of L).
- ``houses_built`` / ``houses_repaired``: spending entries dated from F to L
  with the purpose build-house / repair-house, from every fund (one entry is
  one house: record a house's support as one entry).
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
from app.text.money import format_money, parse_money
from app.text.periods import Period
from app.domain.registers import (
    TEXT_LIMIT, WORDS, Notice, area_value, cli_word, day_value, person_value, refresh_search_text, rows_by_ids, text_clause,
    text_value, word_value,
)

FUNDS = ("poor", "relief", "other")
DIRECTIONS = ("receipt", "spending")
PURPOSES = ("build_house", "repair_house", "support", "study", "health", "other")
EVENT = "fund_changed"

messages.register(
    {
        "fund.below_zero": (
            "Sau khoản chi này, {fund_vi} còn {balance} vào ngày {day} (âm quỹ). Khoản chi vẫn được ghi; "
            "hãy kiểm tra các khoản thu đã nhập đủ chưa.",
            "After this spending, the {fund_en} stands at {balance} on {day} (below zero). The spending is "
            "recorded; check that every receipt has been entered.",
        ),
        "fund.no_party": (
            "Cần ghi {field_name} (một người trong danh sách, hoặc họ tên, tên tổ chức).",
            "Say who: {field_name} (a person on the roster, or a name).",
        ),
        "not_found.fund_entry": ("Không tìm thấy khoản thu/chi số {id}.", "No fund entry #{id}."),
    }
)
messages.register_fields(
    {
        "entry_on": ("Ngày thu/chi", "Date"),
        "party": ("Người ủng hộ/người nhận", "Donor or beneficiary"),
        "document_number": ("Số chứng từ", "Document number"),
    }
)

_EDITABLE = ("entry_on", "fund", "direction", "amount", "person_id", "party", "area_id", "purpose",
             "document_number", "note")


def check_entry(store: Store, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The values to store, or ``InvalidInput`` with every problem at once. Reads only."""
    problems: list[InvalidValue] = []
    v: dict[str, Any] = {}
    v["entry_on"] = day_value(store, raw.get("entry_on"), "entry_on", problems, required=True)
    v["fund"] = word_value("fund", raw.get("fund"), "fund", problems, default="poor")
    v["direction"] = word_value("direction", raw.get("direction"), "direction", problems)
    try:
        v["amount"] = parse_money(raw.get("amount"), field="amount")
    except InvalidValue as exc:
        problems.append(exc)
        v["amount"] = None
    person = person_value(store, raw.get("person_id"), problems)
    v["person_id"] = person["id"] if person else None
    party = text_value(raw.get("party"), "party", problems)
    if person is not None and not party:
        party = person["full_name"]
    if not party and "person_id" not in {p.field for p in problems}:
        problems.append(InvalidValue("fund.no_party", field="party", value=raw.get("party")))
    v["party"] = party
    v["area_id"] = area_value(store, raw.get("area_id"), problems)
    if v["area_id"] is None and person is not None and raw.get("area_id") in (None, ""):
        v["area_id"] = person.get("area_id")
    if v["direction"] == "spending":
        v["purpose"] = word_value("purpose", raw.get("purpose"), "purpose", problems)
    else:
        v["purpose"] = None  # a receipt has no purpose: what was given is given to the fund
    v["document_number"] = text_value(raw.get("document_number"), "document_number", problems)
    v["note"] = text_value(raw.get("note"), "note", problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    return v


@dataclass(frozen=True)
class FundSaved:
    id: int
    notices: tuple[Notice, ...] = ()


def _notices(store: Store, values: Mapping[str, Any]) -> tuple[Notice, ...]:
    """Whether the fund now goes below zero at the end of some day from the entry's
    day on: the first such day, and the balance then."""
    if values["direction"] != "spending":
        return ()
    fund, day = values["fund"], values["entry_on"]
    running = balance_on(store, fund, date.fromisoformat(day), before=True)
    for entry_on, change in store.conn.execute(
        "SELECT entry_on, sum(CASE direction WHEN 'receipt' THEN amount ELSE -amount END) FROM fund_entry"
        " WHERE fund = ? AND entry_on >= ? GROUP BY entry_on ORDER BY entry_on", (fund, day)
    ):
        running += change
        if running < 0:
            words = WORDS["fund"][fund]
            return (Notice("fund.below_zero", {"fund_vi": words[0], "fund_en": words[1].lower(),
                                               "balance": format_money(running), "day": format_date(entry_on)}),)
    return ()


def add_fund_entry(store: Store, raw: Mapping[str, Any]) -> FundSaved:
    """Record a receipt or a spending; a fund taken below zero is a notice, not a refusal."""
    values = check_entry(store, raw)
    with store.transaction():
        entry_id = logged.insert(store, "fund_entry", values)
        refresh_search_text(store, "fund_entry", entry_id)
        notices = _notices(store, values)
    store.events.emit(EVENT, ids=[entry_id])
    return FundSaved(entry_id, notices)


def record_receipt(store: Store, *, on: date | str, amount: Any, party: str | None = None, fund: str = "poor",
            **more: Any) -> FundSaved:
    return add_fund_entry(store, {"entry_on": on, "amount": amount, "party": party, "fund": fund,
                                  "direction": "receipt", **more})


def record_spending(store: Store, *, on: date | str, amount: Any, purpose: str, party: str | None = None,
          fund: str = "poor", **more: Any) -> FundSaved:
    return add_fund_entry(store, {"entry_on": on, "amount": amount, "party": party, "fund": fund,
                                  "direction": "spending", "purpose": purpose, **more})


def update_fund_entry(store: Store, entry_id: int, raw: Mapping[str, Any]) -> FundSaved:
    current = logged.require(store, "fund_entry", entry_id)
    merged = {k: current[k] for k in _EDITABLE}
    merged.update({k: v for k, v in raw.items() if k in _EDITABLE})
    if "person_id" in raw and "party" not in raw and raw.get("person_id") != current["person_id"]:
        merged["party"] = None
    values = check_entry(store, merged)
    with store.transaction():
        logged.update(store, "fund_entry", entry_id, values)
        refresh_search_text(store, "fund_entry", entry_id)
        notices = _notices(store, values)
    store.events.emit(EVENT, ids=[entry_id])
    return FundSaved(entry_id, notices)


def delete_fund_entry(store: Store, entry_id: int) -> None:
    with store.transaction():
        logged.delete(store, "fund_entry", entry_id)
    store.events.emit(EVENT, ids=[entry_id])


# -- balances and figures ------------------------------------------------------------------


_SIGNED = "CASE direction WHEN 'receipt' THEN amount ELSE -amount END"


def balance_on(store: Store, fund: str, day: date, *, before: bool = False) -> int:
    """The fund's balance at the end of ``day`` (``before``: at its start)."""
    op = "<" if before else "<="
    return store.conn.execute(
        f"SELECT coalesce(sum({_SIGNED}), 0) FROM fund_entry WHERE fund = ? AND entry_on {op} ?",
        (fund, day.isoformat())).fetchone()[0]


@dataclass(frozen=True)
class FundBalance:
    fund: str
    opening: int
    received: int
    spent: int
    closing: int

    def as_json(self) -> dict:
        return {"opening": self.opening, "received": self.received, "spent": self.spent, "closing": self.closing}


def fund_balance(store: Store, period: Period, fund: str = "poor") -> FundBalance:
    """The fund over a period (the module says what each figure counts)."""
    opening = balance_on(store, fund, period.first, before=True)
    received, spent = store.conn.execute(
        "SELECT coalesce(sum(CASE direction WHEN 'receipt' THEN amount END), 0),"
        " coalesce(sum(CASE direction WHEN 'spending' THEN amount END), 0)"
        " FROM fund_entry WHERE fund = ? AND entry_on BETWEEN ? AND ?",
        (fund, period.first.isoformat(), period.last.isoformat())).fetchone()
    return FundBalance(fund, opening, received, spent, opening + received - spent)


def fund_figures(store: Store, period: Period, fund: str = "poor") -> dict[str, int]:
    money = fund_balance(store, period, fund)
    built, repaired = store.conn.execute(
        "SELECT coalesce(sum(purpose = 'build_house'), 0), coalesce(sum(purpose = 'repair_house'), 0)"
        " FROM fund_entry WHERE direction = 'spending' AND purpose IN ('build_house', 'repair_house')"
        " AND entry_on BETWEEN ? AND ?", (period.first.isoformat(), period.last.isoformat())).fetchone()
    return {"fund_opening": money.opening, "fund_received": money.received, "fund_spent": money.spent,
            "fund_closing": money.closing, "houses_built": built, "houses_repaired": repaired}


def fund_figures_to_date(store: Store, day: date, fund: str = "poor") -> dict[str, int]:
    """The figures from the fund's first entry to the end of ``day`` (opening: 0)."""
    return fund_figures(store, Period("to-date", "span", date(1900, 1, 1), day), fund)


# -- reading ---------------------------------------------------------------------------


@dataclass
class FundEntryView:
    id: int
    entry_on: str
    fund: str
    direction: str
    amount: int
    person_id: int | None
    party: str
    area_id: int | None
    area: str | None
    purpose: str | None
    document_number: str | None
    note: str | None

    @property
    def amount_text(self) -> str:
        return format_money(self.amount)

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("fund", "direction", "purpose"):
            data[key] = cli_word(data[key])
        return data


_COLUMNS = ("f.id, f.entry_on, f.fund, f.direction, f.amount, f.person_id, f.party, f.area_id, o.name,"
            " f.purpose, f.document_number, f.note")
_FROM = " FROM fund_entry f LEFT JOIN organization o ON o.id = f.area_id"


def get_fund_entry(store: Store, entry_id: int) -> FundEntryView:
    row = store.conn.execute(f"SELECT {_COLUMNS}{_FROM} WHERE f.id = ?", (entry_id,)).fetchone()
    if row is None:
        logged.require(store, "fund_entry", entry_id)
    return FundEntryView(*row)


@dataclass
class FundFilter:
    fund: str | None = None
    direction: str | None = None
    purpose: str | None = None
    area_id: int | None = None
    period: Period | None = None
    text: str | None = None  # donor or beneficiary, document number, note; accents or not


def _where(flt: FundFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    for column in ("fund", "direction", "purpose", "area_id"):
        value = getattr(flt, column)
        if value is not None:
            clauses.append(f"f.{column} = ?")
            args.append(value)
    if flt.period is not None:
        clauses.append("f.entry_on BETWEEN ? AND ?")
        args += [flt.period.first.isoformat(), flt.period.last.isoformat()]
    sql, words = text_clause("f.search_text", flt.text)
    if sql:
        clauses.append(sql)
        args += words
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


ORDER = "ORDER BY f.entry_on DESC, f.id DESC"  # the newest first, as a cash book is read


def fund_entry_ids(store: Store, flt: FundFilter | None = None, *, limit: int | None = None) -> list[int]:
    """Ids in list order: for a lazy model (``limit``: the first screen only)."""
    where, args = _where(flt or FundFilter())
    tail = " LIMIT ?" if limit is not None else ""
    args += [limit] if limit is not None else []
    return [r[0] for r in store.conn.execute(f"SELECT f.id FROM fund_entry f{where} {ORDER}{tail}", args)]


def fund_entries_by_ids(store: Store, ids: list[int]) -> dict[int, FundEntryView]:
    """The entries of ``ids`` that still exist, by id: a lazy model's block in one query."""
    return rows_by_ids(store, f"SELECT {_COLUMNS}{_FROM}", "f.id", ids, lambda row: FundEntryView(*row))


def list_fund_entries(store: Store, flt: FundFilter | None = None, *, limit: int = 200,
                      offset: int = 0) -> list[FundEntryView]:
    where, args = _where(flt or FundFilter())
    rows = store.conn.execute(f"SELECT {_COLUMNS}{_FROM}{where} {ORDER} LIMIT ? OFFSET ?", [*args, limit, offset])
    return [FundEntryView(*r) for r in rows]


def count_fund_entries(store: Store, flt: FundFilter | None = None) -> int:
    where, args = _where(flt or FundFilter())
    return store.conn.execute(f"SELECT count(*) FROM fund_entry f{where}", args).fetchone()[0]
