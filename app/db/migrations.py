"""Numbered schema migrations.

Each migration runs in one transaction together with the record that it ran
(sqlite-utils ``Migrations``), so a power cut leaves the schema at the previous
number. Never edit a released migration: add the next number.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "frontdesk"
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite-utils' record of what ran
MIGRATION_NAMES: list[str] = []
_STEPS: list[tuple[str, Callable]] = []
_migration_set: "Migrations | None" = None


def migration(name: str):
    def register(fn: Callable) -> Callable:
        MIGRATION_NAMES.append(name)
        _STEPS.append((name, fn))
        return fn

    return register


def migration_set() -> "Migrations":
    """The sqlite-utils ``Migrations`` of these steps. sqlite-utils is imported
    only here, when something is to be migrated: opening an up-to-date
    database (every start of the app) does without its ~60 ms import."""
    global _migration_set
    if _migration_set is None:
        from sqlite_utils.migrations import Migrations

        _migration_set = Migrations(MIGRATION_SET)
        for name, fn in _STEPS:
            _migration_set(name=name)(fn)
    return _migration_set


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """The steps this database has had, in order (read without sqlite-utils)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)).fetchone():
        return []
    return [r[0] for r in conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,))]


@migration("0001_core")
def m0001_core(db: "Database") -> None:
    db.executescript(
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE commune (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            code TEXT NOT NULL CHECK (length(code) = 5 AND code NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL,
            division_type TEXT NOT NULL,
            province_code TEXT NOT NULL CHECK (length(province_code) = 2),
            province_name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );

        -- The tree: the Front committee at the root; member organizations and
        -- residential areas below it; a residential area's work committee and
        -- the organizations' branches (chi hội, chi đoàn) further down.
        -- area_id ties a branch or work committee to its residential area.
        CREATE TABLE organization (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('front_committee', 'member_org',
                'residential_area', 'work_committee', 'branch')),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            short_name TEXT,
            -- stable code of the standard member organizations ('women',
            -- 'farmers', 'veterans', 'youth', 'trade_union'): reports use it
            code TEXT UNIQUE,
            parent_id INTEGER REFERENCES organization(id),
            area_id INTEGER REFERENCES organization(id),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            sort_key TEXT NOT NULL,
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((kind = 'front_committee') = (parent_id IS NULL))
        );
        CREATE UNIQUE INDEX organization_one_root ON organization(kind)
            WHERE kind = 'front_committee';
        CREATE UNIQUE INDEX organization_unique_name ON organization(parent_id, name);
        CREATE INDEX organization_area ON organization(area_id);

        CREATE TABLE person (
            id INTEGER PRIMARY KEY,
            full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
            sort_key TEXT NOT NULL,
            gender TEXT CHECK (gender IN ('male', 'female')),
            -- ISO: YYYY-MM-DD, or YYYY when only the year is known
            birth_date TEXT CHECK (birth_date IS NULL OR length(birth_date) IN (4, 10)),
            ethnicity TEXT,
            religion TEXT,
            citizen_id TEXT UNIQUE CHECK (citizen_id IS NULL OR
                (length(citizen_id) = 12 AND citizen_id NOT GLOB '*[^0-9]*')),
            phone TEXT,
            area_id INTEGER REFERENCES organization(id),
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'moved', 'deceased')),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX person_sort ON person(sort_key, id);
        CREATE INDEX person_area ON person(area_id, sort_key);
        CREATE INDEX person_identity ON person(sort_key, birth_date, area_id);

        -- Folded (no case, no diacritics, đ -> d) copies for search as people
        -- type without a Vietnamese keyboard; kept in step by app.domain.people.
        CREATE VIRTUAL TABLE person_search USING fts5(
            name, phone, citizen_id, area,
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '1 2 3',
            detail = column
        );

        -- History: leaving sets left_on; joining again is a new row.
        CREATE TABLE membership (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            organization_id INTEGER NOT NULL REFERENCES organization(id),
            joined_on TEXT,
            left_on TEXT,
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
        );
        CREATE UNIQUE INDEX membership_one_open ON membership(person_id, organization_id)
            WHERE left_on IS NULL;
        CREATE INDEX membership_organization ON membership(organization_id, left_on);

        CREATE TABLE position (
            id INTEGER PRIMARY KEY,
            organization_id INTEGER NOT NULL REFERENCES organization(id),
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            seats INTEGER NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 99),
            rank INTEGER NOT NULL DEFAULT 100,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (organization_id, title)
        );

        CREATE TABLE appointment (
            id INTEGER PRIMARY KEY,
            position_id INTEGER NOT NULL REFERENCES position(id),
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            start_on TEXT NOT NULL,
            end_on TEXT,
            acting INTEGER NOT NULL DEFAULT 0 CHECK (acting IN (0, 1)),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (end_on IS NULL OR end_on >= start_on)
        );
        CREATE INDEX appointment_person ON appointment(person_id, end_on);
        CREATE INDEX appointment_position ON appointment(position_id, end_on);

        CREATE TABLE duty (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            detail TEXT,
            organization_id INTEGER NOT NULL REFERENCES organization(id),
            owner_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
            cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'monthly', 'quarterly',
                'half_yearly', 'yearly')),
            -- weekly: 1 (Monday) .. 7; otherwise the day of the month (clamped
            -- to the month's length) in month due_month of the period
            due_day INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 31),
            due_month INTEGER NOT NULL DEFAULT 1 CHECK (due_month BETWEEN 1 AND 12),
            lead_days INTEGER NOT NULL DEFAULT 14 CHECK (lead_days BETWEEN 0 AND 366),
            priority TEXT NOT NULL DEFAULT 'normal'
                CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
            starts_on TEXT NOT NULL,
            ends_on TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE task (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            detail TEXT,
            organization_id INTEGER REFERENCES organization(id),
            source_number TEXT,
            source_date TEXT,
            source_issuer TEXT,
            due_on TEXT,
            priority TEXT NOT NULL DEFAULT 'normal'
                CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
            status TEXT NOT NULL DEFAULT 'todo'
                CHECK (status IN ('todo', 'in_progress', 'done', 'cancelled')),
            completed_on TEXT,
            duty_id INTEGER REFERENCES duty(id) ON DELETE SET NULL,
            duty_period TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((status = 'done') = (completed_on IS NOT NULL))
        );
        CREATE UNIQUE INDEX task_one_per_duty_period ON task(duty_id, duty_period)
            WHERE duty_id IS NOT NULL;
        CREATE INDEX task_status_due ON task(status, due_on);
        CREATE INDEX task_organization ON task(organization_id);

        CREATE TABLE task_assignee (
            task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
            PRIMARY KEY (task_id, person_id)
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX task_one_lead ON task_assignee(task_id) WHERE role = 'lead';
        CREATE INDEX task_assignee_person ON task_assignee(person_id, role);

        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'bulk')),
            table_name TEXT NOT NULL,
            row_id INTEGER,
            before TEXT,
            after TEXT,
            note TEXT
        );
        CREATE INDEX change_log_row ON change_log(table_name, row_id);
        CREATE INDEX change_log_at ON change_log(at);
        """
    )


@migration("0002_outbox_roster_index")
def m0002_outbox_roster_index(db: "Database") -> None:
    # Delivery state of exported files (DESIGN.md, "Sync upward"): nothing
    # leaves this table until the destination has confirmed it.
    db.executescript(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'report',
            period TEXT,
            file_path TEXT NOT NULL,
            remote_name TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER NOT NULL CHECK (size >= 0),
            destination TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            receipt TEXT,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            UNIQUE (destination, remote_name)
        );
        CREATE INDEX outbox_state ON outbox(state, next_attempt_at);

        -- The everyday roster shows active people only: without this index
        -- that list of 100,000 reads every row (185 ms -> 25 ms measured).
        CREATE INDEX person_status_sort ON person(status, sort_key, id);
        """
    )



@migration("0003_registers")
def m0003_registers(db: "Database") -> None:
    # The Front's own work (DESIGN.md "The Front's own work"): petitions, fund
    # entries and oversight cases. Dates are ISO (YYYY-MM-DD); word values are
    # the code's (snake_case); amounts are whole đồng. A link to a person is
    # cleared when the person goes (and by erasure, which also replaces the
    # free-text name). search_text is a folded copy (no case, no accents, đ ->
    # d) of the searchable texts, kept in step by the domain modules.
    db.executescript(
        """
        CREATE TABLE petition (
            id INTEGER PRIMARY KEY,
            received_on TEXT NOT NULL CHECK (date(received_on) IS received_on),
            channel TEXT NOT NULL CHECK (channel IN ('voter_meeting', 'area_meeting', 'in_person',
                'letter', 'portal', 'other')),
            person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
            from_name TEXT NOT NULL CHECK (length(trim(from_name)) > 0),
            area_id INTEGER REFERENCES organization(id),
            content TEXT NOT NULL CHECK (length(trim(content)) > 0),
            field TEXT,
            forwarded_to TEXT,
            forwarded_on TEXT CHECK (forwarded_on IS NULL OR date(forwarded_on) IS forwarded_on),
            due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
            answered_on TEXT CHECK (answered_on IS NULL OR date(answered_on) IS answered_on),
            answer TEXT,
            closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
            status TEXT NOT NULL DEFAULT 'received'
                CHECK (status IN ('received', 'forwarded', 'answered', 'closed')),
            task_id INTEGER REFERENCES task(id) ON DELETE SET NULL,
            note TEXT,
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (answered_on IS NULL OR answered_on >= received_on),
            CHECK (forwarded_on IS NULL OR forwarded_on >= received_on),
            CHECK (closed_on IS NULL OR closed_on >= received_on),
            CHECK ((answered_on IS NULL) = (answer IS NULL)),
            CHECK (status != 'answered' OR answered_on IS NOT NULL),
            CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
            CHECK (status != 'forwarded' OR forwarded_to IS NOT NULL)
        );
        CREATE INDEX petition_status_due ON petition(status, due_on);
        CREATE INDEX petition_received ON petition(received_on, id);
        CREATE INDEX petition_answered ON petition(answered_on) WHERE answered_on IS NOT NULL;
        CREATE INDEX petition_area ON petition(area_id, received_on);
        CREATE INDEX petition_channel ON petition(channel, received_on);
        CREATE INDEX petition_person ON petition(person_id) WHERE person_id IS NOT NULL;
        CREATE INDEX petition_task ON petition(task_id) WHERE task_id IS NOT NULL;

        CREATE TABLE fund_entry (
            id INTEGER PRIMARY KEY,
            entry_on TEXT NOT NULL CHECK (date(entry_on) IS entry_on),
            fund TEXT NOT NULL DEFAULT 'poor' CHECK (fund IN ('poor', 'relief', 'other')),
            direction TEXT NOT NULL CHECK (direction IN ('receipt', 'spending')),
            -- whole đồng, below ten thousand billion
            amount INTEGER NOT NULL CHECK (typeof(amount) = 'integer' AND amount > 0
                AND amount < 10000000000000),
            person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
            party TEXT NOT NULL CHECK (length(trim(party)) > 0),
            area_id INTEGER REFERENCES organization(id),
            purpose TEXT CHECK (purpose IS NULL OR purpose IN ('build_house', 'repair_house', 'support',
                'study', 'health', 'other')),
            document_number TEXT,
            note TEXT,
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((direction = 'spending') = (purpose IS NOT NULL))
        );
        CREATE INDEX fund_entry_fund_day ON fund_entry(fund, entry_on, id);
        CREATE INDEX fund_entry_purpose ON fund_entry(purpose, entry_on) WHERE purpose IS NOT NULL;
        CREATE INDEX fund_entry_area ON fund_entry(area_id, entry_on);
        CREATE INDEX fund_entry_person ON fund_entry(person_id) WHERE person_id IS NOT NULL;

        -- "case" is an SQL keyword: the table is oversight_case.
        CREATE TABLE oversight_case (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('inspection', 'investment', 'mediation', 'supervision',
                'criticism')),
            opened_on TEXT NOT NULL CHECK (date(opened_on) IS opened_on),
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            area_id INTEGER REFERENCES organization(id),
            parties TEXT,
            findings TEXT,
            recommendation TEXT,
            closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('resolved', 'partly_resolved', 'unresolved',
                'withdrawn', 'successful', 'unsuccessful')),
            task_id INTEGER REFERENCES task(id) ON DELETE SET NULL,
            note TEXT,
            search_text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (closed_on IS NULL OR closed_on >= opened_on),
            CHECK ((closed_on IS NULL) = (outcome IS NULL)),
            -- a mediation succeeds or not; the other kinds are resolved or not; any may be withdrawn
            CHECK (outcome IS NULL OR outcome = 'withdrawn'
                OR (kind = 'mediation') = (outcome IN ('successful', 'unsuccessful')))
        );
        CREATE INDEX oversight_case_kind ON oversight_case(kind, opened_on);
        CREATE INDEX oversight_case_open ON oversight_case(closed_on, kind);
        CREATE INDEX oversight_case_area ON oversight_case(area_id, opened_on);
        CREATE INDEX oversight_case_task ON oversight_case(task_id) WHERE task_id IS NOT NULL;
        """
    )


@migration("0004_weekly_summary")
def m0004_weekly_summary(db: "Database") -> None:
    # The figures of each weekly summary written for the national platform
    # "Mặt trận số" (app.reports.weekly_summary), one row per ISO week: the
    # next week's summary shows what changed since. Counts and amounts only,
    # never a person. Writing a week again replaces its row (week is unique).
    db.executescript(
        """
        CREATE TABLE weekly_summary (
            id INTEGER PRIMARY KEY,
            week TEXT NOT NULL UNIQUE CHECK (week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'),
            first_day TEXT NOT NULL CHECK (date(first_day) IS first_day),
            last_day TEXT NOT NULL CHECK (date(last_day) IS last_day),
            written_at TEXT NOT NULL,
            figures TEXT NOT NULL,  -- JSON: {indicator code: whole number, or null when not known}
            CHECK (last_day >= first_day)
        );
        """
    )



@migration("0005_register_list_order")
def m0005_register_list_order(db: "Database") -> None:
    # The registers' lists in the order the window shows them (the ORDER of
    # app.domain.petitions, fund and cases, written the same way so that SQLite
    # matches them), with the search copy last: a first screen, searched or not,
    # walks the index and stops at its hundredth row instead of reading and
    # sorting the whole register (10,000 petitions: 6 ms -> under 0.5 ms).
    db.executescript(
        """
        CREATE INDEX petition_list_order ON petition (
            status NOT IN ('received', 'forwarded'), due_on IS NULL, due_on, received_on DESC, id DESC,
            search_text);
        CREATE INDEX fund_entry_list_order ON fund_entry (entry_on DESC, id DESC, search_text);
        CREATE INDEX oversight_case_list_order ON oversight_case (
            closed_on IS NOT NULL, opened_on DESC, id DESC, search_text);
        """
    )


@migration("0006_privacy")
def m0006_privacy(db: "Database") -> None:
    # Personal data law (Law 91/2025/QH15, Decree 356/2025/NĐ-CP; DESIGN.md
    # "Personal data"): each person's consents (with the scanned form, if
    # any, kept in the database with its SHA-256), the legal bases stated in
    # place of a consent, the register of data subjects' requests and the
    # register of incidents. Days are ISO (YYYY-MM-DD); moments are ISO
    # minutes or seconds with their UTC offset. Due dates and overdue flags
    # are derived (app.domain.privacy_clocks), never stored. A consent and a
    # legal basis go with their person; a request stays when its person is
    # erased (it is the proof that the erasure was done) but loses the link.
    db.executescript(
        """
        CREATE TABLE consent (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            method TEXT NOT NULL CHECK (method IN ('written', 'call', 'message', 'app')),
            given_on TEXT NOT NULL CHECK (date(given_on) IS given_on),
            scope TEXT NOT NULL CHECK (length(trim(scope)) > 0),
            recorded_by TEXT,
            evidence BLOB,
            evidence_name TEXT,
            evidence_sha256 TEXT CHECK (evidence_sha256 IS NULL OR length(evidence_sha256) = 64),
            withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR date(withdrawn_on) IS withdrawn_on),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
            CHECK ((evidence IS NULL) = (evidence_sha256 IS NULL))
        );
        CREATE INDEX consent_person ON consent(person_id, given_on);

        CREATE TABLE legal_basis (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            basis TEXT NOT NULL CHECK (length(trim(basis)) > 0),
            recorded_on TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
            recorded_by TEXT,
            ended_on TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (ended_on IS NULL OR ended_on >= recorded_on)
        );
        CREATE INDEX legal_basis_person ON legal_basis(person_id, recorded_on);

        CREATE TABLE data_request (
            id INTEGER PRIMARY KEY,
            person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
            requester TEXT NOT NULL CHECK (length(trim(requester)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('access', 'correction', 'erasure', 'withdrawal', 'restriction',
                'objection')),
            received_on TEXT NOT NULL CHECK (date(received_on) IS received_on),
            acknowledged_on TEXT CHECK (acknowledged_on IS NULL OR date(acknowledged_on) IS acknowledged_on),
            completed_on TEXT CHECK (completed_on IS NULL OR date(completed_on) IS completed_on),
            outcome TEXT,
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (acknowledged_on IS NULL OR acknowledged_on >= received_on),
            CHECK (completed_on IS NULL OR completed_on >= received_on)
        );
        CREATE INDEX data_request_open ON data_request(completed_on, received_on);
        CREATE INDEX data_request_person ON data_request(person_id) WHERE person_id IS NOT NULL;

        CREATE TABLE data_incident (
            id INTEGER PRIMARY KEY,
            occurred_at TEXT NOT NULL CHECK (length(occurred_at) >= 10),
            discovered_at TEXT NOT NULL CHECK (length(discovered_at) >= 16),
            kind TEXT NOT NULL CHECK (kind IN ('lost_device', 'stolen_pc', 'wrong_recipient', 'other')),
            what TEXT NOT NULL CHECK (length(trim(what)) > 0),
            people_affected INTEGER CHECK (people_affected IS NULL OR
                (typeof(people_affected) = 'integer' AND people_affected >= 0)),
            notified_at TEXT,
            notified_to TEXT,
            measures TEXT,
            closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((notified_at IS NULL) = (notified_to IS NULL))
        );
        CREATE INDEX data_incident_open ON data_incident(closed_on, discovered_at);
        """
    )


@migration("0007_request_extension")
def m0007_request_extension(db: "Database") -> None:
    # A data subject's request may be given more time once, at most 15 days,
    # the reason told to the requester (Decree 356/2025/NĐ-CP, as quoted; see
    # app.domain.privacy_clocks): the day it was decided, the days added, why.
    # All three or none (app.domain.data_requests.extend_request).
    db.executescript(
        """
        ALTER TABLE data_request ADD COLUMN extended_on TEXT
            CHECK (extended_on IS NULL OR date(extended_on) IS extended_on);
        ALTER TABLE data_request ADD COLUMN extended_days INTEGER
            CHECK (extended_days IS NULL OR (typeof(extended_days) = 'integer' AND extended_days BETWEEN 1 AND 15));
        ALTER TABLE data_request ADD COLUMN extension_reason TEXT
            CHECK ((extension_reason IS NULL) = (extended_days IS NULL)
                   AND (extended_on IS NULL) = (extended_days IS NULL));
        """
    )


SCHEMA_VERSION = len(MIGRATION_NAMES)
