"""Each person's consent to the Front processing their data, and the legal
bases stated where no consent is needed (Law 91/2025/QH15 Điều 9 on consent,
Điều 19 on processing without it; Decree 356/2025/NĐ-CP Điều 6 on how a
consent is shown and kept).

A consent says how it was given (a signed form, a recorded call, a message,
in the app), on which day, for what (its scope, in the words read to the
person), and who recorded it; the scanned form or the recording may be kept
with it. A withdrawal is a day on the consent, never a deletion: the record
shows the processing before it was lawful.

The scanned form comes from outside (a phone's photo, a scanner's PDF on a
USB stick): it is read as untrusted input — a regular file only, never
through a link, a FIFO or a device, at most ``EVIDENCE_LIMIT`` bytes — and
kept in the database as the very bytes read, with their SHA-256, so a backup
carries it and the hash proves it unchanged. The bytes never go into the
change log (its hash and name do).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app import messages
from app.db import logged
from app.db.storage import Store
from app.domain.privacy_words import cli_value, parse_privacy_word
from app.domain.registers import TEXT_LIMIT, day_value, text_value
from app.errors import FrontDeskError, InvalidInput, InvalidValue
from app.spreadsheets.limits import WorkbookError, megabytes
from app.spreadsheets.reading import read_regular_file
from app.text.dates import format_date

EVIDENCE_LIMIT = 10 * 1024 * 1024  # a scanned page or a short recording; a film is not evidence
EVENT = "privacy_changed"

messages.register(
    {
        "privacy.evidence_not_a_file": (
            "{path} không phải là một tệp thông thường (mà là lối tắt, thư mục hay thiết bị): không đọc. "
            "Hãy chọn chính tệp bản quét hoặc ghi âm.",
            "{path} is not an ordinary file (it is a link, a folder or a device): not read. "
            "Choose the scanned form or the recording itself.",
        ),
        "privacy.evidence_too_large": (
            "Tệp {path} nặng {size}, vượt giới hạn {limit} của một bản quét. Hãy quét lại với độ phân giải thấp "
            "hơn hoặc lưu tệp bên ngoài và ghi chỗ lưu vào ghi chú.",
            "The file {path} is {size}, over the {limit} limit for evidence. Scan it again at a lower "
            "resolution, or keep the file elsewhere and say where in the note.",
        ),
        "privacy.evidence_cannot_open": ("Không mở được tệp {path}: {reason}", "Cannot open the file {path}: {reason}"),
        "privacy.no_consent": (
            "{name} (số {id}) không có sự đồng ý nào còn hiệu lực để rút lại.",
            "{name} (#{id}) has no consent in force to withdraw.",
        ),
        "privacy.withdrawn_before_given": (
            "Ngày rút lại ({value}) trước ngày đồng ý ({given_on}).",
            "The withdrawal ({value}) is before the consent was given ({given_on}).",
        ),
        "privacy.ended_before_recorded": (
            "Ngày chấm dứt ({value}) trước ngày ghi căn cứ ({recorded_on}).",
            "The end ({value}) is before the basis was recorded ({recorded_on}).",
        ),
        "not_found.consent": ("Không tìm thấy sự đồng ý số {id}.", "No consent #{id}."),
        "not_found.legal_basis": ("Không tìm thấy căn cứ pháp lý số {id}.", "No legal basis #{id}."),
    }
)
messages.register_fields(
    {
        "method": ("Hình thức đồng ý", "Method"),
        "given_on": ("Ngày đồng ý", "Given on"),
        "scope": ("Phạm vi đồng ý", "Scope"),
        "withdrawn_on": ("Ngày rút lại", "Withdrawn on"),
        "evidence": ("Bản quét, ghi âm", "Evidence"),
        "basis": ("Căn cứ pháp lý", "Legal basis"),
        "recorded_on": ("Ngày ghi", "Recorded on"),
        "ended_on": ("Ngày chấm dứt", "Ended on"),
    }
)


@dataclass(frozen=True)
class Evidence:
    data: bytes
    name: str
    sha256: str


def read_evidence(path: Path | str, *, limit: int = EVIDENCE_LIMIT) -> Evidence:
    """The bytes of a scanned form as an untrusted file (see the module's text),
    with the SHA-256 of exactly those bytes."""
    path = Path(path)
    try:
        data = read_regular_file(path, limit)
    except WorkbookError as exc:  # the spreadsheets' safe opening, in our own words
        suffix = exc.code.removeprefix("workbook.")
        code = {"not_a_file": "privacy.evidence_not_a_file", "too_large": "privacy.evidence_too_large"}.get(
            suffix, "privacy.evidence_cannot_open")
        params = dict(exc.params)
        params.setdefault("reason", "")
        if code == "privacy.evidence_too_large":
            params["limit"] = megabytes(limit)
        raise FrontDeskError(code, **params) from exc
    return Evidence(data, path.name, hashlib.sha256(data).hexdigest())


def _person(store: Store, person_id: Any) -> dict:
    try:
        return logged.require(store, "person", int(person_id))
    except (TypeError, ValueError):
        raise InvalidValue("register.person_unknown", field="person_id", value=person_id) from None


def record_consent(store: Store, person_id: int, *, method: str, on: date | str, scope: str,
                   evidence: Path | str | Evidence | None = None, recorded_by: str | None = None,
                   note: str | None = None) -> int:
    """A person's consent: how, when, for what, with the scanned form if any. Returns its id."""
    person = _person(store, person_id)
    problems: list[InvalidValue] = []
    try:
        method_code = parse_privacy_word("consent_method", method, field="method")
    except InvalidValue as exc:
        problems.append(exc)
        method_code = None
    given_on = day_value(store, on, "given_on", problems, required=True)
    scope_text = text_value(scope, "scope", problems, required=True, limit=TEXT_LIMIT)
    note_text = text_value(note, "note", problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    proof = evidence if isinstance(evidence, Evidence) or evidence is None else read_evidence(evidence)
    now = store.now_iso()
    values = {"person_id": person["id"], "method": method_code, "given_on": given_on, "scope": scope_text,
              "recorded_by": recorded_by or store.actor, "evidence_name": proof.name if proof else None,
              "evidence_sha256": proof.sha256 if proof else None, "note": note_text,
              "created_at": now, "updated_at": now}
    with store.transaction():
        cur = store.conn.execute(
            f"INSERT INTO consent ({', '.join(values)}, evidence) VALUES ({', '.join('?' * len(values))}, ?)",
            (*values.values(), proof.data if proof else None))
        consent_id = cur.lastrowid
        logged_values = {**values, "evidence_size": len(proof.data)} if proof else values
        store.log("insert", "consent", consent_id, None, logged_values)
    store.events.emit(EVENT, ids=[person["id"]])
    return consent_id


def withdraw_consent(store: Store, person_id: int, *, on: date | str) -> list[int]:
    """Every consent of the person still in force is withdrawn on ``on``.
    Returns the ids withdrawn; ``privacy.no_consent`` when there is none."""
    person = _person(store, person_id)
    problems: list[InvalidValue] = []
    day = day_value(store, on, "withdrawn_on", problems, required=True)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        ids = withdraw_all(store, person["id"], day)
    if not ids:
        raise FrontDeskError("privacy.no_consent", id=person["id"], name=person["full_name"])
    store.events.emit(EVENT, ids=[person["id"]])
    return ids


def withdraw_all(store: Store, person_id: int, day: str) -> list[int]:
    """Inside the caller's transaction: the person's consents in force on
    ``day`` withdrawn then (a request to withdraw completes through this)."""
    rows = store.conn.execute(
        "SELECT id, given_on FROM consent WHERE person_id = ? AND withdrawn_on IS NULL ORDER BY id",
        (person_id,)).fetchall()
    for consent_id, given_on in rows:
        if day < given_on:
            raise InvalidInput([InvalidValue("privacy.withdrawn_before_given", field="withdrawn_on",
                                             value=format_date(day), given_on=format_date(given_on))])
        logged.update(store, "consent", consent_id, {"withdrawn_on": day})
    return [r[0] for r in rows]


def record_legal_basis(store: Store, person_id: int, *, basis: str, on: date | str | None = None,
                       recorded_by: str | None = None, note: str | None = None) -> int:
    """A legal basis for processing the person's data without a consent (an
    article of a law, the Front's charter), from ``on`` (default: today)."""
    person = _person(store, person_id)
    problems: list[InvalidValue] = []
    basis_text = text_value(basis, "basis", problems, required=True, limit=TEXT_LIMIT)
    recorded_on = day_value(store, on if on not in (None, "") else store.today(), "recorded_on", problems)
    note_text = text_value(note, "note", problems, limit=TEXT_LIMIT)
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        basis_id = logged.insert(store, "legal_basis", {
            "person_id": person["id"], "basis": basis_text, "recorded_on": recorded_on,
            "recorded_by": recorded_by or store.actor, "note": note_text})
    store.events.emit(EVENT, ids=[person["id"]])
    return basis_id


def end_legal_basis(store: Store, basis_id: int, *, on: date | str) -> None:
    row = logged.require(store, "legal_basis", basis_id)
    problems: list[InvalidValue] = []
    day = day_value(store, on, "ended_on", problems, required=True)
    if day and day < row["recorded_on"]:
        problems.append(InvalidValue("privacy.ended_before_recorded", field="ended_on", value=format_date(day),
                                     recorded_on=format_date(row["recorded_on"])))
    if problems:
        raise InvalidInput(problems)
    with store.transaction():
        logged.update(store, "legal_basis", basis_id, {"ended_on": day})
    store.events.emit(EVENT, ids=[row["person_id"]])


@dataclass(frozen=True)
class ConsentView:
    id: int
    person_id: int
    person: str
    method: str
    given_on: str
    scope: str
    recorded_by: str | None
    withdrawn_on: str | None
    evidence_name: str | None
    evidence_sha256: str | None
    evidence_size: int | None
    note: str | None

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "person_id": self.person_id, "person": self.person, "method": cli_value(self.method),
                "on": self.given_on, "scope": self.scope, "recorded_by": self.recorded_by,
                "withdrawn_on": self.withdrawn_on, "in_force": self.withdrawn_on is None,
                "evidence_name": self.evidence_name, "evidence_sha256": self.evidence_sha256,
                "evidence_size": self.evidence_size, "note": self.note}


_CONSENT_SQL = """
    SELECT c.id, c.person_id, p.full_name, c.method, c.given_on, c.scope, c.recorded_by, c.withdrawn_on,
           c.evidence_name, c.evidence_sha256, length(c.evidence), c.note
      FROM consent c JOIN person p ON p.id = c.person_id
"""


def list_consents(store: Store, person_id: int | None = None) -> list[ConsentView]:
    """Consents, the newest first (one person's with ``person_id``)."""
    where, params = ("WHERE c.person_id = ?", (int(person_id),)) if person_id is not None else ("", ())
    rows = store.conn.execute(f"{_CONSENT_SQL} {where} ORDER BY c.given_on DESC, c.id DESC", params)
    return [ConsentView(*row) for row in rows]


def consent_evidence(store: Store, consent_id: int) -> Evidence | None:
    """The scanned form kept with a consent (to open it, or to check its hash)."""
    row = store.conn.execute("SELECT evidence, evidence_name, evidence_sha256 FROM consent WHERE id = ?",
                             (consent_id,)).fetchone()
    if row is None:
        raise FrontDeskError("not_found.consent", id=consent_id)
    return Evidence(bytes(row[0]), row[1], row[2]) if row[0] is not None else None


@dataclass(frozen=True)
class LegalBasisView:
    id: int
    person_id: int
    basis: str
    recorded_on: str
    recorded_by: str | None
    ended_on: str | None

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def legal_bases_of(store: Store, person_id: int) -> list[LegalBasisView]:
    rows = store.conn.execute(
        "SELECT id, person_id, basis, recorded_on, recorded_by, ended_on FROM legal_basis WHERE person_id = ?"
        " ORDER BY recorded_on DESC, id DESC", (int(person_id),))
    return [LegalBasisView(*row) for row in rows]
