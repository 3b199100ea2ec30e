"""The machine-readable part of a commune report: ``_meta``, ``_data`` and
the checksum that binds them.

``_meta`` holds one ``key | value`` row per key of ``META_KEYS`` (text
values), under a header row ``key | value``.

``_data`` holds one ``indicator | organization | value`` row per figure, under
that header row; ``organization`` is a report unit's key (``commune``,
``front``, ``women``...: see ``app.reports.figures``) and ``value`` a whole
number.

``data_sha256`` is the SHA-256 (lower-case hex) of the canonical text of the
``_data`` rows: each row as ``indicator`` TAB ``organization`` TAB ``value``
LF, the value written in base 10 without leading zeros or a plus sign, the
rows sorted by (indicator, organization) in code point order, encoded as
UTF-8. Sorted, so the order a file lists its rows in does not matter; any
changed, added or removed figure changes the checksum. It catches a file
edited by hand or damaged on the way; it is not a signature.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from app.reports.figures import MEMBER_INDICATORS, POSITION_INDICATORS, TASK_INDICATORS, UNIT_KEYS
from app.spreadsheets.reading import WorkbookError
from app.spreadsheets.sandbox import SandboxedReader, read_untrusted

__all__ = ["TEMPLATE_ID", "TEMPLATE_VERSION", "KNOWN_VERSIONS", "META_KEYS", "canonical_data",
           "data_sha256", "ReportFile", "ReportRejected", "read_report"]

TEMPLATE_ID = "frontdesk.commune-report"
TEMPLATE_VERSION = "1"
KNOWN_VERSIONS = ("1",)
SUMMARY_TEMPLATE_ID = "frontdesk.province-summary"  # a province's summary, left in the folder it was made from
KNOWN_INDICATORS = frozenset(MEMBER_INDICATORS + POSITION_INDICATORS + TASK_INDICATORS)
MAX_FIGURE = 10**9  # every figure of template 1 is a count: no commune has a billion of anything
MAX_DIGITS = 10
META_SHEET, DATA_SHEET = "_meta", "_data"
META_KEYS = (
    "template_id", "template_version", "commune_code", "commune_name", "province_code", "period",
    "generated_at", "app_version", "export_id", "data_sha256",
)
DATA_HEADER = ("indicator", "organization", "value")
# A real report is a few hundred figures; a bound keeps a hostile file cheap.
MAX_DATA_ROWS = 20_000


def canonical_data(rows: Iterable[tuple[str, str, int]]) -> bytes:
    lines = sorted((str(i), str(o), int(v)) for i, o, v in rows)
    return "".join(f"{i}\t{o}\t{v}\n" for i, o, v in lines).encode("utf-8")


def data_sha256(rows: Iterable[tuple[str, str, int]]) -> str:
    return hashlib.sha256(canonical_data(rows)).hexdigest()


class ReportRejected(Exception):
    """Why a file is not taken: ``reason`` is a short key the consolidation
    turns into words (``not_report``, ``unreadable``, ``bad_meta``,
    ``unknown_template``, ``bad_data``, ``bad_checksum``), ``detail`` says more."""

    def __init__(self, reason: str, detail: str = "", error: Exception | None = None) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.error = error  # the workbook.* refusal behind "unreadable"


@dataclass
class ReportFile:
    path: Path
    meta: dict[str, str]
    rows: list[tuple[str, str, int]]

    @property
    def commune_code(self) -> str:
        return self.meta["commune_code"]

    @property
    def period(self) -> str:
        return self.meta["period"]

    @property
    def generated_at(self) -> str:
        return self.meta["generated_at"]

    def figures(self) -> dict[tuple[str, str], int]:
        return {(i, o): v for i, o, v in self.rows}


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def _whole(value: object) -> int | None:
    """A figure as a whole number not below 0 and not past ``MAX_FIGURE``;
    None for anything else (a fraction, NaN, ∞, 1e308, 5,000 digits, text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer() or abs(value) > MAX_FIGURE:  # NaN and ∞ are not integers
            return None
        value = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text.isdigit() or len(text) > MAX_DIGITS:  # int() of 5,000 digits raises
            return None
        value = int(text)
    if not isinstance(value, int) or not 0 <= value <= MAX_FIGURE:
        return None
    return value


def read_report(path: Path | str, reader: SandboxedReader | None = None) -> ReportFile:
    """Read and verify one report workbook; raises ``ReportRejected``. The file
    is read in a child process (``reader``'s, for many files; otherwise one of its own)."""
    path = Path(path)
    try:
        if reader is None:
            found = read_untrusted(path, only=(META_SHEET, DATA_SHEET))
        else:
            found = reader.read(path, only=(META_SHEET, DATA_SHEET))
        sheets = {s.name: s.rows for s in found}
    except WorkbookError as exc:
        raise ReportRejected("unreadable", exc.code, exc) from exc
    if META_SHEET not in sheets or DATA_SHEET not in sheets:
        raise ReportRejected("not_report", "no _meta/_data sheet")
    meta: dict[str, str] = {}
    for row in sheets[META_SHEET][1:]:
        if len(row) >= 2 and _text(row[0]):
            meta[_text(row[0])] = _text(row[1])
    if meta.get("template_id") == SUMMARY_TEMPLATE_ID:
        raise ReportRejected("summary")
    if meta.get("template_id") != TEMPLATE_ID:
        raise ReportRejected("unknown_template", meta.get("template_id", "")[:80])
    if meta.get("template_version") not in KNOWN_VERSIONS:
        raise ReportRejected("unknown_template", f"{TEMPLATE_ID} v{meta.get('template_version', '?')[:20]}")
    missing = [k for k in META_KEYS if not meta.get(k)]
    if missing:
        raise ReportRejected("bad_meta", ", ".join(missing))
    data = sheets[DATA_SHEET]
    if not data or tuple(_text(c) for c in data[0][:3]) != DATA_HEADER:
        raise ReportRejected("bad_data", "header")
    if len(data) - 1 > MAX_DATA_ROWS:
        raise ReportRejected("bad_data", f"{len(data) - 1} rows")
    rows: list[tuple[str, str, int]] = []
    seen: set[tuple[str, str]] = set()
    for n, row in enumerate(data[1:], start=2):
        cells = list(row[:3]) + [""] * (3 - len(row[:3]))
        if not any(_text(c) for c in cells):
            continue
        indicator, organization, value = _text(cells[0]), _text(cells[1]), _whole(cells[2])
        if not indicator or not organization or value is None:
            raise ReportRejected("bad_data", f"row {n}")
        unknown = indicator if indicator not in KNOWN_INDICATORS else organization if organization not in UNIT_KEYS else ""
        if unknown:  # never copied onward into the province's summary
            raise ReportRejected("bad_data", f"row {n}: unknown {unknown[:40]!r}")
        if (indicator, organization) in seen:
            raise ReportRejected("bad_data", f"row {n} repeats {indicator}/{organization}")
        seen.add((indicator, organization))
        rows.append((indicator, organization, value))
    lacking = [i for i in KNOWN_INDICATORS if (i, "commune") not in seen]
    if lacking:
        raise ReportRejected("bad_data", f"no {lacking[0]} for the commune")
    if data_sha256(rows) != meta["data_sha256"].lower():
        raise ReportRejected("bad_checksum")
    return ReportFile(path, meta, rows)
