"""What the impact-assessment draft says about this database, read from it:
the commune, how many people and which of their data are recorded, the
registers that name people, the privacy registers (consents, legal bases,
data-subject requests, incidents: migration 0006), where the data and its
backups are, what leaves the PC and to whom, and the safeguards the app
itself applies.

Counts only, never a person: no name, citizen ID or phone number of anyone
is read into these facts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from app.db.backups import list_backups
from app.db.storage import Store
from app.domain.commune import get_commune, is_demo
from app.errors import FrontDeskError
from app.paths import backups_dir_for
from app.sending.destination import current_destination
from app.sending.outbox import SENT, WAITING, outbox_folder, outbox_summary
from app.sending.site_config import SiteConfig, load_site_config

__all__ = ["AssessmentFacts", "PersonFields", "Recorded", "Destination", "assessment_facts", "PRIVACY_TABLES"]

# The privacy registers (DESIGN.md "Personal data"), made by migration 0006.
PRIVACY_TABLES = ("consent", "legal_basis", "data_request", "data_incident")

# What each register's counts are, over the columns migration 0006 gives it.
_REGISTER_COUNTS = {
    "consent": {"total": "count(*)", "people": "count(DISTINCT person_id)",
                "withdrawn": "coalesce(sum(withdrawn_on IS NOT NULL), 0)",
                "with_evidence": "coalesce(sum(evidence_sha256 IS NOT NULL), 0)"},
    "legal_basis": {"total": "count(*)", "people": "count(DISTINCT person_id)"},
    "data_request": {"total": "count(*)", "people": "count(DISTINCT person_id)",
                     "open": "coalesce(sum(completed_on IS NULL), 0)"},
    "data_incident": {"total": "count(*)", "notified": "coalesce(sum(notified_at IS NOT NULL), 0)"},
}


@dataclass(frozen=True)
class PersonFields:
    """How many people have each kind of data recorded (a count per column)."""

    total: int
    by_status: dict[str, int]
    gender: int
    birth_date: int
    ethnicity: int
    religion: int
    citizen_id: int
    phone: int
    area: int
    note: int


@dataclass(frozen=True)
class Recorded:
    """One privacy register's counts (name -> number)."""

    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Destination:
    """Where reports go: the kind of transport and the host (or folder); never
    a user name or a password."""

    kind: str  # folder, webdav, smtp
    where: str
    locked_by_site: bool


@dataclass(frozen=True)
class AssessmentFacts:
    as_of: date
    demo: bool
    commune_name: str
    commune_code: str
    province_name: str
    people: PersonFields
    memberships_current: int
    members: int  # people with at least one current membership
    appointments_current: int
    petitions: int
    petitions_from_roster: int
    fund_beneficiary_entries: int  # spending entries: each names who received the money
    fund_beneficiaries_on_roster: int
    fund_donor_entries: int
    cases: int
    change_log_entries: int
    consent: Recorded
    legal_basis: Recorded
    data_request: Recorded
    data_incident: Recorded
    database: Path
    backups_folder: Path
    backups: int
    newest_backup: datetime | None
    outbox_folder: Path
    destination: Destination | None
    reports_sent: int
    reports_waiting: int


def _one(store: Store, sql: str, params: tuple = ()) -> int:
    return int(store.conn.execute(sql, params).fetchone()[0] or 0)


def _filled(column: str) -> str:
    return f"count(CASE WHEN {column} IS NOT NULL AND trim({column}) != '' THEN 1 END)"


def _person_fields(store: Store) -> PersonFields:
    row = store.conn.execute(
        "SELECT count(*), " + ", ".join(_filled(c) for c in (
            "gender", "birth_date", "ethnicity", "religion", "citizen_id", "phone", "note"))
        + ", count(area_id) FROM person").fetchone()
    by_status = {status: 0 for status in ("active", "moved", "deceased")}
    for status, count in store.conn.execute("SELECT status, count(*) FROM person GROUP BY status"):
        by_status[status] = count
    total, gender, birth, ethnicity, religion, cid, phone, note, area = (int(v or 0) for v in row)
    return PersonFields(total, by_status, gender, birth, ethnicity, religion, cid, phone, area, note)


def _register(store: Store, table: str) -> Recorded:
    """The counts of one privacy register."""
    counts = _REGISTER_COUNTS[table]
    row = store.conn.execute(f"SELECT {', '.join(counts.values())} FROM {table}").fetchone()
    return Recorded(dict(zip(counts, row)))


def _destination(store: Store, site: SiteConfig) -> Destination | None:
    chosen = current_destination(store, site)
    if chosen is None:
        return None
    if chosen.transport == "folder":
        where = chosen.path or ""
    elif chosen.transport == "webdav":
        where = urlsplit(chosen.url or "").hostname or ""
    else:
        where = chosen.host or ""
    locked = bool(site.destination.get("locked")) and chosen.transport == site.destination.get("transport")
    return Destination(chosen.transport, where, locked)


def assessment_facts(store: Store, *, site: SiteConfig | None = None, today: date | None = None) -> AssessmentFacts:
    """Read the facts of the impact-assessment draft from ``store``. ``site``
    is IT's site.toml (read from its usual place when not given; a broken one
    counts as none here: the draft is no place to refuse it)."""
    if site is None:
        try:
            site = load_site_config()
        except FrontDeskError:
            site = SiteConfig()
    commune = get_commune(store)
    folder = backups_dir_for(store.path)
    backups = list_backups(folder)
    summary = outbox_summary(store)
    return AssessmentFacts(
        as_of=today or store.today(),
        demo=is_demo(store),
        commune_name=commune.name,
        commune_code=commune.code,
        province_name=commune.province_name,
        people=_person_fields(store),
        memberships_current=_one(store, "SELECT count(*) FROM membership WHERE left_on IS NULL"),
        members=_one(store, "SELECT count(DISTINCT person_id) FROM membership WHERE left_on IS NULL"),
        appointments_current=_one(store, "SELECT count(*) FROM appointment WHERE end_on IS NULL"),
        petitions=_one(store, "SELECT count(*) FROM petition"),
        petitions_from_roster=_one(store, "SELECT count(*) FROM petition WHERE person_id IS NOT NULL"),
        fund_beneficiary_entries=_one(store, "SELECT count(*) FROM fund_entry WHERE direction = 'spending'"),
        fund_beneficiaries_on_roster=_one(
            store, "SELECT count(*) FROM fund_entry WHERE direction = 'spending' AND person_id IS NOT NULL"),
        fund_donor_entries=_one(store, "SELECT count(*) FROM fund_entry WHERE direction = 'receipt'"),
        cases=_one(store, "SELECT count(*) FROM oversight_case"),
        change_log_entries=_one(store, "SELECT count(*) FROM change_log"),
        consent=_register(store, "consent"),
        legal_basis=_register(store, "legal_basis"),
        data_request=_register(store, "data_request"),
        data_incident=_register(store, "data_incident"),
        database=store.path,
        backups_folder=folder,
        backups=len(backups),
        newest_backup=max((b.created_at for b in backups), default=None),
        outbox_folder=outbox_folder(store),
        destination=_destination(store, site),
        reports_sent=summary.counts.get(SENT, 0),
        reports_waiting=sum(summary.counts.get(state, 0) for state in WAITING),
    )
