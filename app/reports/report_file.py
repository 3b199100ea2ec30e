"""The machine-readable part of a commune report: ``_meta``, ``_data`` and
the checksum that binds them (docs/report-format.md says the same for people
who write other programs).

``_meta`` holds one ``key | value`` row per key of ``META_KEYS`` (text
values), under a header row ``key | value``.

``_data`` holds one ``indicator | organization | value`` row per figure, under
that header row; ``organization`` is a report unit's key (``commune``,
``front``, ``women``...: see ``app.reports.figures``) and ``value`` a whole
number.

``data_sha256`` is the SHA-256 (lower-case hex) of a canonical text encoded as
UTF-8. In template version 2 the text starts with the report's identity: one
line ``key`` TAB ``value`` LF for each of ``IDENTITY_KEYS`` in that order
(every ``_meta`` key but the checksum itself). Then, in both versions, the
``_data`` rows: each as ``indicator`` TAB ``organization`` TAB ``value`` LF,
the value in base 10 without leading zeros or a plus sign, the rows sorted by
(indicator, organization) in code point order. Sorted, so the order a file
lists its rows in does not matter; any changed, added or removed figure, and
in version 2 a report relabelled to another commune, province or period,
changes the checksum. It catches a file edited by hand or damaged on the way;
it is not a signature (anyone can compute it).

Beyond the checksum, ``read_report`` trusts nothing: every figure a whole
number within bounds, every indicator known and every required one there,
``_meta`` values without control characters, and the printed summary equal
to ``_data`` (``app.reports.printed_summary``).
"""
from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from app.reports.figures import (
    MEMBER_INDICATORS, POSITION_INDICATORS, REGISTER_INDICATORS, REGISTERS_UNIT, TASK_INDICATORS, UNIT_KEYS,
)
from app.reports.printed_summary import SUMMARY_SHEET, printed_disagreement
from app.reports.printed_summary import cell_text as _text
from app.spreadsheets.reading import WorkbookError
from app.spreadsheets.sandbox import SandboxedReader, read_untrusted

__all__ = ["TEMPLATE_ID", "TEMPLATE_VERSION", "KNOWN_VERSIONS", "META_KEYS", "IDENTITY_KEYS", "canonical_data",
           "canonical_report", "data_sha256", "report_sha256", "ReportFile", "ReportRejected", "read_report"]

TEMPLATE_ID = "frontdesk.commune-report"
TEMPLATE_VERSION = "2"
KNOWN_VERSIONS = ("1", "2")
SUMMARY_TEMPLATE_ID = "frontdesk.province-summary"  # a province's summary, left in the folder it was made from
# the commune's figures, by unit (both versions)
UNIT_INDICATORS = frozenset(MEMBER_INDICATORS + POSITION_INDICATORS + TASK_INDICATORS)
KNOWN_INDICATORS = UNIT_INDICATORS | frozenset(REGISTER_INDICATORS)  # version 2 adds the registers' (the Front's)
MAX_FIGURE = 10**9  # a count: no commune has a billion of anything
MAX_DIGITS = 10
# amounts of the fund, in đồng, below 10^13 as the register keeps them; the
# balances may be below zero (a spending larger than the fund is allowed, and flagged)
MONEY_INDICATORS = frozenset({"fund_opening", "fund_received", "fund_spent", "fund_closing"})
SIGNED_INDICATORS = frozenset({"fund_opening", "fund_closing"})
MAX_MONEY = 10**13 - 1
MAX_MONEY_DIGITS = 13
META_SHEET, DATA_SHEET = "_meta", "_data"
META_KEYS_V1 = (
    "template_id", "template_version", "commune_code", "commune_name", "province_code", "period",
    "generated_at", "app_version", "export_id", "data_sha256",
)
META_KEYS = (*META_KEYS_V1[:-1], "demo", "data_sha256")  # version 2
IDENTITY_KEYS = META_KEYS[:-1]  # what version 2's checksum covers beside _data
MAX_META_TEXT = 200  # characters of one _meta value: a commune's name is the longest
FLAGS = {"true": True, "false": False}
DATA_HEADER = ("indicator", "organization", "value")
# A real report is a few hundred figures; a bound keeps a hostile file cheap.
MAX_DATA_ROWS = 20_000
_UNITS, _REGISTERS_UNITS = frozenset(UNIT_KEYS), frozenset((REGISTERS_UNIT,))
_REGISTER_SET = frozenset(REGISTER_INDICATORS)


def canonical_data(rows: Iterable[tuple[str, str, int]]) -> bytes:
    lines = sorted((str(i), str(o), int(v)) for i, o, v in rows)
    return "".join(f"{i}\t{o}\t{v}\n" for i, o, v in lines).encode("utf-8")


def data_sha256(rows: Iterable[tuple[str, str, int]]) -> str:
    """Template version 1's checksum: ``_data`` alone."""
    return hashlib.sha256(canonical_data(rows)).hexdigest()


def canonical_report(meta: dict[str, str], rows: Iterable[tuple[str, str, int]]) -> bytes:
    identity = "".join(f"{key}\t{meta[key]}\n" for key in IDENTITY_KEYS)
    return identity.encode("utf-8") + canonical_data(rows)


def report_sha256(meta: dict[str, str], rows: Iterable[tuple[str, str, int]]) -> str:
    """Template version 2's checksum: the identity in ``_meta`` and ``_data``."""
    return hashlib.sha256(canonical_report(meta, rows)).hexdigest()


class ReportRejected(Exception):
    """Why a file is not taken: ``reason`` is a short key the consolidation
    turns into words (``not_report``, ``unreadable``, ``bad_meta``,
    ``unknown_template``, ``bad_data``, ``bad_checksum``), ``detail`` says more."""

    def __init__(self, reason: str, detail: str = "", error: Exception | None = None) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.error = error  # the workbook.* refusal behind "unreadable"


# The (indicator, organization) pairs a report may hold, each one object: every
# report's rows point at these rather than at strings of their own.
_PAIRS: dict[tuple[str, str], tuple[str, str]] = {
    (i, u): (i, u) for i in KNOWN_INDICATORS for u in ((REGISTERS_UNIT,) if i in REGISTER_INDICATORS else UNIT_KEYS)
}
# The sequences of pairs met so far (one per layout: version 1, version 2, with
# or without "other"...), shared by the reports that list their rows alike.
# Bounded: a folder of files each listing its rows its own way only costs each its own.
_LAYOUTS: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}
MAX_LAYOUTS = 64


def _layout(keys: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    shared = _LAYOUTS.get(keys)
    if shared is not None:
        return shared
    if len(_LAYOUTS) < MAX_LAYOUTS:
        _LAYOUTS[keys] = keys
    return keys


@dataclass(init=False)
class ReportFile:
    """A verified report, kept small: a consolidation of every commune of the
    country holds thousands at once, so the figures are a shared sequence of
    (indicator, organization) pairs and an array of whole numbers, not a
    tuple of objects per figure. ``rows`` and ``figures()`` give them back."""

    path: Path
    meta: dict[str, str]
    keys: tuple[tuple[str, str], ...]
    values: array

    def __init__(self, path: Path, meta: dict[str, str], rows: Iterable[tuple[str, str, int]]) -> None:
        rows = list(rows)
        self.path, self.meta = path, meta
        self.keys = _layout(tuple(_PAIRS.get((i, o), (i, o)) for i, o, _v in rows))
        self.values = array("q", (v for _i, _o, v in rows))  # every figure is below 10^13

    @property
    def rows(self) -> list[tuple[str, str, int]]:
        """The ``_data`` rows (indicator, organization, value), in the file's order."""
        return [(i, o, v) for (i, o), v in zip(self.keys, self.values)]

    @property
    def commune_code(self) -> str:
        return self.meta["commune_code"]

    @property
    def period(self) -> str:
        return self.meta["period"]

    @property
    def generated_at(self) -> str:
        return self.meta["generated_at"]

    @property
    def demo(self) -> bool:
        """Made from a demo commune's data (version 2 says; version 1 could not)."""
        return FLAGS.get(self.meta.get("demo", "false"), False)

    def figures(self) -> dict[tuple[str, str], int]:
        return dict(zip(self.keys, self.values))


def _whole(value: object, *, limit: int = MAX_FIGURE, signed: bool = False) -> int | None:
    """A figure as a whole number from 0 (from -``limit`` when ``signed``) to
    ``limit``; None for anything else (a fraction, NaN, ∞, 1e308, 5,000
    digits, text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer() or abs(value) > limit:  # NaN and ∞ are not integers
            return None
        value = int(value)
    elif isinstance(value, str):
        text = value.strip()
        digits = text[1:] if signed and text.startswith("-") else text
        # int('²') and 5,000 digits raise
        if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(limit)):
            return None
        value = int(text)
    if not isinstance(value, int) or not (-limit if signed else 0) <= value <= limit:
        return None
    return value


def _figure(indicator: str, value: object) -> int | None:
    """A cell of ``_data`` as the figure its indicator allows."""
    if indicator in MONEY_INDICATORS:
        return _whole(value, limit=MAX_MONEY, signed=indicator in SIGNED_INDICATORS)
    return _whole(value)


def read_report(path: Path | str, reader: SandboxedReader | None = None) -> ReportFile:
    """Read and verify one report workbook; raises ``ReportRejected``. The file
    is read in a child process (``reader``'s, for many files; otherwise one of its own)."""
    path = Path(path)
    wanted = (META_SHEET, DATA_SHEET, SUMMARY_SHEET)
    try:
        found = read_untrusted(path, only=wanted) if reader is None else reader.read(path, only=wanted)
        sheets = {s.name: s.rows for s in found}
    except WorkbookError as exc:
        raise ReportRejected("unreadable", exc.code, exc) from exc
    if META_SHEET not in sheets or DATA_SHEET not in sheets:
        raise ReportRejected("not_report", "no _meta/_data sheet")
    meta = _meta(sheets[META_SHEET])
    rows = _data(sheets[DATA_SHEET], meta["template_version"])
    if meta["template_version"] == "1":
        checksum = data_sha256(rows)
    else:
        checksum = report_sha256(meta, rows)
    if checksum != meta["data_sha256"].lower():
        raise ReportRejected("bad_checksum")
    report = ReportFile(path, meta, rows)
    if SUMMARY_SHEET not in sheets:
        raise ReportRejected("printed_summary", f"{SUMMARY_SHEET}?")
    differs = printed_disagreement(sheets[SUMMARY_SHEET], report.figures(), _whole)
    if differs:
        raise ReportRejected("printed_summary", differs)
    return report


def _meta(rows: list[list]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for row in rows[1:]:
        if len(row) >= 2 and _text(row[0]):
            meta[_text(row[0])[:MAX_META_TEXT]] = _text(row[1])
    if meta.get("template_id") == SUMMARY_TEMPLATE_ID:
        raise ReportRejected("summary")
    if meta.get("template_id") != TEMPLATE_ID:
        raise ReportRejected("unknown_template", _shown(meta.get("template_id", ""), 80))
    version = meta.get("template_version")
    if version not in KNOWN_VERSIONS:
        raise ReportRejected("unknown_template", f"{TEMPLATE_ID} v{_shown(version or '?', 20)}")
    keys = META_KEYS_V1 if version == "1" else META_KEYS
    missing = [k for k in keys if not meta.get(k)]
    if missing:
        raise ReportRejected("bad_meta", ", ".join(missing))
    for key in keys:
        value = meta[key]
        if len(value) > MAX_META_TEXT or any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
            raise ReportRejected("bad_meta", f"{key} = {_shown(value, 40)}")
    if version != "1" and meta["demo"] not in FLAGS:
        raise ReportRejected("bad_meta", f"demo = {_shown(meta['demo'], 20)}")
    return meta


def _shown(text: str, limit: int) -> str:
    """A value from the file, safe to put in a message: short, one line."""
    return repr(text[:limit])[1:-1]


def _data(data: list[list], version: str) -> list[tuple[str, str, int]]:
    known = UNIT_INDICATORS if version == "1" else KNOWN_INDICATORS
    if not data or tuple(_text(c) for c in data[0][:3]) != DATA_HEADER:
        raise ReportRejected("bad_data", "A1:C1")
    if len(data) - 1 > MAX_DATA_ROWS:
        raise ReportRejected("bad_data", f"{len(data) - 1} > {MAX_DATA_ROWS}")
    rows: list[tuple[str, str, int]] = []
    seen: set[tuple[str, str]] = set()
    for n, row in enumerate(data[1:], start=2):
        cells = row[:3]
        if len(cells) < 3:
            cells = [*cells, "", ""][:3]
        indicator, organization = _text(cells[0]), _text(cells[1])
        if not indicator or not organization:
            if not indicator and not organization and not _text(cells[2]):
                continue  # an empty row
            raise ReportRejected("bad_data", f"A{n}:B{n} ∅")
        # never copied onward into the province's summary
        if indicator not in known:
            raise ReportRejected("bad_data", f"A{n} = {_shown(indicator, 40)}?")
        if organization not in (_REGISTERS_UNITS if indicator in _REGISTER_SET else _UNITS):
            raise ReportRejected("bad_data", f"B{n} = {_shown(organization, 40)}?")
        value = _figure(indicator, cells[2])
        if value is None:
            raise ReportRejected("bad_data", f"C{n} = {_shown(_text(cells[2]), 24)}")
        if (indicator, organization) in seen:
            raise ReportRejected("bad_data", f"A{n}:B{n} = {indicator}, {organization} ×2")
        seen.add((indicator, organization))
        rows.append((indicator, organization, value))
    lacking = [(i, "commune") for i in sorted(UNIT_INDICATORS) if (i, "commune") not in seen]
    if version != "1":
        lacking += [(i, REGISTERS_UNIT) for i in REGISTER_INDICATORS if (i, REGISTERS_UNIT) not in seen]
    if lacking:
        raise ReportRejected("bad_data", f"{lacking[0][0]}, {lacking[0][1]} ∅")
    return rows
