"""Change-log entries in words: what was done ("Thêm người", "Sửa chức danh"),
to which record (a person's name where it is a person), and each changed
field as "before → after" with its Vietnamese label, dates as dd/mm/yyyy
and linked records by name instead of by number.

Names are looked up a page of entries at a time (``NameBook.learn``): one
query per table for the whole page, never one per row.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from app.db import Store
from app.domain import ChangeEntry
from app.reports import format_moment
from app.text import format_date

# Fields that hold the id of another record, and the table it names.
REFERENCES = {
    "person_id": "person", "owner_id": "person", "area_id": "organization", "organization_id": "organization",
    "parent_id": "organization", "position_id": "position", "duty_id": "duty",
}
DATE_FIELDS = ("birth_date", "joined_on", "left_on", "start_on", "end_on", "due_on", "completed_on",
               "source_date", "starts_on", "ends_on")
# The order fields are listed in (the log stores them sorted by name): what
# the record is first, then who and where, then the rest; unknown ones last.
FIELD_ORDER = (
    "full_name", "title", "name", "short_name", "kind", "person_id", "position_id", "organization_id",
    "parent_id", "gender", "birth_date", "ethnicity", "religion", "citizen_id", "phone", "area_id", "status",
    "joined_on", "left_on", "start_on", "end_on", "acting", "seats", "rank", "active", "detail", "source_number",
    "source_date", "source_issuer", "due_on", "priority", "completed_on", "duty_id", "duty_period", "owner_id",
    "cadence", "due_day", "due_month", "lead_days", "starts_on", "ends_on", "assignees", "note",
)
_RANK = {key: i for i, key in enumerate(FIELD_ORDER)}
# Bookkeeping columns every row has: the entry's own time says when.
HIDDEN_FIELDS = ("created_at", "updated_at", "sort_key", "id")
ERASED_NOTE = "erased-on-request"
_NAME_QUERIES = {
    "person": "SELECT id, full_name FROM person WHERE id IN ({})",
    "organization": "SELECT id, name FROM organization WHERE id IN ({})",
    "position": "SELECT p.id, p.title || ' — ' || o.name FROM position p"
                " JOIN organization o ON o.id = p.organization_id WHERE p.id IN ({})",
    "task": "SELECT id, title FROM task WHERE id IN ({})",
    "duty": "SELECT id, title FROM duty WHERE id IN ({})",
}
_LINK_QUERIES = {  # the person and the organization or position a membership or a post is about
    "membership": "SELECT id, person_id, 'organization', organization_id FROM membership WHERE id IN ({})",
    "appointment": "SELECT id, person_id, 'position', position_id FROM appointment WHERE id IN ({})",
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


class NameBook:
    """Names of the records a page of entries mentions, read in one go per table."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._names: dict[tuple[str, int], str] = {}
        self._links: dict[tuple[str, int], tuple[int | None, str, int | None]] = {}

    def name(self, table: str, row_id: Any) -> str | None:
        return self._names.get((table, row_id)) if isinstance(row_id, int) else None

    def link(self, table: str, row_id: Any) -> tuple[int | None, str, int | None] | None:
        return self._links.get((table, row_id)) if isinstance(row_id, int) else None

    def learn(self, entries: list[ChangeEntry]) -> None:
        wanted: dict[str, set[int]] = defaultdict(set)
        for entry in entries:
            if entry.row_id is not None:
                wanted["task" if entry.table == "task_assignee" else entry.table].add(entry.row_id)
            for values in (entry.before, entry.after):
                for table, ref in _references(values):
                    wanted[table].add(ref)
                if isinstance(values, dict) and entry.table in ("membership", "appointment"):
                    _values_link(self._links, entry, values)
        for table, sql in _LINK_QUERIES.items():
            for row_id, person_id, kind, other in self._query(sql, wanted.get(table, ()), self._links, table):
                self._links[(table, row_id)] = (person_id, kind, other)
        for (_table, _id), (person_id, kind, other) in self._links.items():
            if person_id is not None:
                wanted["person"].add(person_id)
            if other is not None:
                wanted[kind].add(other)
        for table, sql in _NAME_QUERIES.items():
            for row_id, name in self._query(sql, wanted.get(table, ()), self._names, table):
                self._names[(table, row_id)] = name

    def _query(self, sql: str, ids, known: dict, table: str) -> list[tuple]:
        missing = [i for i in ids if isinstance(i, int) and (table, i) not in known]
        found: list[tuple] = []
        for start in range(0, len(missing), 500):  # well under SQLite's limit of bound values
            chunk = missing[start:start + 500]
            found += self._store.conn.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()
        return found


def _references(values: Any):
    if not isinstance(values, dict):
        return
    for key, value in values.items():
        if key in REFERENCES and isinstance(value, int):
            yield REFERENCES[key], value
        elif key == "assignees" and isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and isinstance(item.get("person_id"), int):
                    yield "person", item["person_id"]


def _values_link(links: dict, entry: ChangeEntry, values: dict) -> None:
    """An inserted (or deleted) membership or post names its person in its own values."""
    kind, other_key = ("organization", "organization_id") if entry.table == "membership" else ("position", "position_id")
    if entry.row_id is not None and isinstance(values.get("person_id"), int):
        links.setdefault((entry.table, entry.row_id), (values["person_id"], kind, values.get(other_key)))


class ChangeWords(QObject):
    """Built once per page: the words are looked up in the language installed now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # the kinds of record the log speaks of (also the filter's choices)
        self.kinds = {
            "person": self.tr("Person"), "membership": self.tr("Membership"),
            "organization": self.tr("Organization"), "position": self.tr("Position"),
            "appointment": self.tr("Post held"), "task": self.tr("Task"), "task_assignee": self.tr("Task assignment"),
            "duty": self.tr("Recurring duty"), "commune": self.tr("Commune"), "meta": self.tr("Setting"),
            "database": self.tr("Database"),
        }
        self.actions = {"insert": self.tr("Added"), "update": self.tr("Changed"), "delete": self.tr("Deleted"),
                        "bulk": self.tr("Added in bulk")}
        self._what = {
            ("person", "insert"): self.tr("Added a person"), ("person", "update"): self.tr("Edited a person"),
            ("person", "delete"): self.tr("Deleted a person"),
            ("membership", "insert"): self.tr("Added a member"), ("membership", "update"): self.tr("Edited a membership"),
            ("membership", "delete"): self.tr("Deleted a membership"),
            ("organization", "insert"): self.tr("Added an organization"),
            ("organization", "update"): self.tr("Edited an organization"),
            ("organization", "delete"): self.tr("Deleted an organization"),
            ("position", "insert"): self.tr("Added a position"), ("position", "update"): self.tr("Edited a position"),
            ("position", "delete"): self.tr("Deleted a position"),
            ("appointment", "insert"): self.tr("Appointed to a position"),
            ("appointment", "update"): self.tr("Edited a post held"), ("appointment", "delete"): self.tr("Deleted a post held"),
            ("task", "insert"): self.tr("Added a task"), ("task", "update"): self.tr("Edited a task"),
            ("task", "delete"): self.tr("Deleted a task"),
            ("task_assignee", "update"): self.tr("Assigned a task"),
            ("duty", "insert"): self.tr("Added a recurring duty"), ("duty", "update"): self.tr("Edited a recurring duty"),
            ("duty", "delete"): self.tr("Deleted a recurring duty"),
            ("commune", "insert"): self.tr("Created the commune's data"),
            ("meta", "update"): self.tr("Changed a setting"),
            ("database", "update"): self.tr("Restored from a backup"),
        }
        self._bulk = {"person": self.tr("Added %1 people"), "membership": self.tr("Added %1 memberships"),
                      "task": self.tr("Added %1 tasks")}
        self.labels = {
            "full_name": self.tr("Full name"), "gender": self.tr("Gender"), "birth_date": self.tr("Date of birth"),
            "ethnicity": self.tr("Ethnicity"), "religion": self.tr("Religion"), "citizen_id": self.tr("Citizen ID"),
            "phone": self.tr("Phone"), "area_id": self.tr("Residential area"), "status": self.tr("Status"), "note": self.tr("Note"),
            "person_id": self.tr("Person"), "organization_id": self.tr("Organization"), "joined_on": self.tr("Joined on"),
            "left_on": self.tr("Left on"), "position_id": self.tr("Position"), "start_on": self.tr("From"), "end_on": self.tr("Until"),
            "acting": self.tr("Acting"), "title": self.tr("Title"), "seats": self.tr("Seats"), "rank": self.tr("Order"),
            "active": self.tr("In use"), "name": self.tr("Name"), "short_name": self.tr("Short name"), "kind": self.tr("Kind"),
            "parent_id": self.tr("Belongs to"), "code": self.tr("Code"), "detail": self.tr("Details"),
            "source_number": self.tr("Document number"), "source_date": self.tr("Document date"),
            "source_issuer": self.tr("Issued by"), "due_on": self.tr("Due date"), "priority": self.tr("Priority"),
            "completed_on": self.tr("Completed on"), "duty_id": self.tr("Recurring duty"), "duty_period": self.tr("Period"),
            "owner_id": self.tr("Owner"), "cadence": self.tr("Repeats"), "due_day": self.tr("Due day"),
            "due_month": self.tr("Due month"), "lead_days": self.tr("Days ahead"), "starts_on": self.tr("Starts on"),
            "ends_on": self.tr("Ends on"), "assignees": self.tr("Assigned to"), "count": self.tr("Count"),
            "restored_from": self.tr("Restored from"), "safety_copy": self.tr("Data before the restore kept in"),
            "division_type": self.tr("Kind of unit"), "province_code": self.tr("Province code"),
            "province_name": self.tr("Province"), "erased_on_request": self.tr("Erased on request"),
            "memberships": self.tr("Memberships"), "appointments": self.tr("Posts held"),
            "task_assignments": self.tr("Task assignments"),
        }
        self._choices = {
            "gender": {"male": self.tr("Male"), "female": self.tr("Female")},
            "person_status": {"active": self.tr("Active"), "moved": self.tr("Moved away"), "deceased": self.tr("Deceased")},
            "task_status": {"todo": self.tr("To do"), "in_progress": self.tr("In progress"), "done": self.tr("Done"),
                            "cancelled": self.tr("Cancelled")},
            "priority": {"low": self.tr("Low"), "normal": self.tr("Normal"), "high": self.tr("High"), "urgent": self.tr("Urgent")},
            "cadence": {"weekly": self.tr("Weekly"), "monthly": self.tr("Monthly"), "quarterly": self.tr("Quarterly"),
                        "half_yearly": self.tr("Every six months"), "yearly": self.tr("Yearly")},
            "role": {"lead": self.tr("Lead"), "support": self.tr("Support")},
            "kind": {"front_committee": self.tr("Front committee"), "member_org": self.tr("Member organization"),
                     "residential_area": self.tr("Residential area"), "work_committee": self.tr("Front work committee"),
                     "branch": self.tr("Branch")},
        }
        self._bulk_labels = {"count": self.tr("Count"), "assignees": self.tr("Task assignments")}
        self._task_status = self.tr("Task status")
        self._notes = {"demo": self.tr("demo data"), "restore": self.tr("restore"), ERASED_NOTE: self.tr("erased on request")}
        self.yes, self.no, self.empty = self.tr("Yes"), self.tr("No"), "—"

    # -- one entry -------------------------------------------------------------

    def when(self, entry: ChangeEntry) -> str:
        """dd/mm/yyyy HH:MM, the wall time it was written at."""
        return format_moment(entry.at)[:16]

    def what(self, entry: ChangeEntry) -> str:
        if entry.note == ERASED_NOTE:
            return self.tr("Erased a person on request")
        if entry.action == "bulk":
            count = entry.after.get("count") if isinstance(entry.after, dict) else None
            text = self._bulk.get(entry.table)
            if text and count is not None:
                return text.replace("%1", str(count))
        if entry.table == "appointment" and entry.action == "update" and _set(entry.after, "end_on"):
            return self.tr("Ended a post")
        if entry.table == "membership" and entry.action == "update" and _set(entry.after, "left_on"):
            return self.tr("Left an organization")
        found = self._what.get((entry.table, entry.action))
        if found:
            return found
        return f"{self.actions.get(entry.action, entry.action)}: {self.kinds.get(entry.table, entry.table)}"

    def which(self, entry: ChangeEntry, names: NameBook) -> str:
        """The record, by name: a person's name where it is a person."""
        values = [v for v in (entry.after, entry.before) if isinstance(v, dict)]
        if entry.table in ("membership", "appointment"):
            link = names.link(entry.table, entry.row_id)
            if link:
                person, kind, other = link
                parts = [names.name("person", person) or "", names.name(kind, other) or ""]
                return " — ".join(p for p in parts if p)
        if entry.table == "task_assignee":
            return names.name("task", entry.row_id) or self._number(entry.row_id)
        if entry.table == "commune":
            return next((v["name"] for v in values if v.get("name")), "")
        if entry.table == "database" and values:
            return str(values[0].get("restored_from") or "")
        if entry.table in _NAME_QUERIES:
            found = names.name(entry.table, entry.row_id)
            if found:
                return found
            key = "full_name" if entry.table == "person" else ("name" if entry.table == "organization" else "title")
            return next((str(v[key]) for v in values if v.get(key)), self._number(entry.row_id))
        return self._number(entry.row_id)

    @staticmethod
    def _number(row_id: int | None) -> str:
        return f"#{row_id}" if row_id is not None else ""

    def fields(self, entry: ChangeEntry, names: NameBook) -> list[FieldChange]:
        """Each field the entry touched, before → after, in words."""
        before = entry.before if isinstance(entry.before, dict) else {}
        after = entry.after if isinstance(entry.after, dict) else {}
        if entry.table == "meta":
            return [FieldChange(self._setting(key), self._plain(before.get(key)), self._plain(after.get(key)))
                    for key in dict.fromkeys([*before, *after])]
        changes = []
        keys = sorted(dict.fromkeys([*before, *after]), key=lambda k: _RANK.get(k, len(_RANK)))
        for key in keys:
            if key in HIDDEN_FIELDS:
                continue
            old, new = before.get(key), after.get(key)
            if entry.action == "insert" and new is None:
                continue  # an empty field of a new record says nothing
            label = self._bulk_labels.get(key) if entry.action == "bulk" else (
                self._task_status if entry.table == "task" and key == "status" else None)
            changes.append(FieldChange(label or self.labels.get(key, key), self.value(entry.table, key, old, names)
                                       if key in before else "",
                                       self.value(entry.table, key, new, names) if key in after else ""))
        if not changes and entry.before is not None and not isinstance(entry.before, dict):
            changes.append(FieldChange("", self._plain(entry.before), self._plain(entry.after)))
        return changes

    def lines(self, entry: ChangeEntry, fields: list[FieldChange]) -> list[str]:
        """One short line a field: "Phone: 0912… → 0987…" (a new record: only its values)."""
        lines = []
        for change in fields:
            label = f"{change.label}: " if change.label else ""
            if entry.action in ("insert", "bulk"):
                lines.append(f"{label}{change.after or self.empty}")
            elif entry.action == "delete":
                lines.append(f"{label}{change.before or change.after or self.empty}")
            else:
                lines.append(f"{label}{change.before or self.empty} → {change.after or self.empty}")
        return lines

    def value(self, table: str, key: str, value: Any, names: NameBook) -> str:
        if value is None or value == "":
            return self.empty
        if key in REFERENCES and isinstance(value, int):
            return names.name(REFERENCES[key], value) or f"#{value}"
        if key in DATE_FIELDS and isinstance(value, str):
            return format_date(value)
        if key == "assignees" and isinstance(value, list):
            return self._assignees(value, names)
        if key in ("acting", "active", "erased_on_request"):
            return self.yes if value in (1, True, "1") else self.no
        choice = {"gender": "gender", "priority": "priority", "cadence": "cadence", "role": "role", "kind": "kind",
                  "status": "task_status" if table == "task" else "person_status"}.get(key)
        if choice and isinstance(value, str):
            return self._choices[choice].get(value, value)
        return self._plain(value)

    def _assignees(self, people: list, names: NameBook) -> str:
        by_role: dict[str, list[str]] = defaultdict(list)
        for item in people:
            if isinstance(item, dict):
                person = item.get("person_id")
                by_role[item.get("role") or ""].append(names.name("person", person) or f"#{person}")
        if not by_role:
            return self.empty
        return "; ".join(f"{self._choices['role'].get(role, role)}: {', '.join(who)}" for role, who in by_role.items())

    def note(self, entry: ChangeEntry) -> str:
        return self._notes.get(entry.note or "", entry.note or "")

    def _setting(self, key: str) -> str:
        if key.startswith("my_person:"):
            return self.tr("Who uses the app (%1)").replace("%1", key.partition(":")[2])
        if key.startswith("roster_mapping:"):
            return self.tr("How a roster's columns are read")
        if key == "sync.destination":
            return self.tr("Where reports are sent")
        return key

    def _plain(self, value: Any) -> str:
        if value is None or value == "":
            return self.empty
        if isinstance(value, dict):
            return "; ".join(f"{k}: {self._plain(v)}" for k, v in value.items())
        if isinstance(value, list):
            return ", ".join(self._plain(v) for v in value)
        return str(value)


def _set(values: Any, key: str) -> bool:
    return isinstance(values, dict) and values.get(key) not in (None, "")
