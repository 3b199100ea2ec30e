"""Change-log entries in words, for the window, ``frontdesk changes`` and the
Excel export alike: what was done ("Thêm người", "Sửa chức danh"), to which
record (a person's name where it is a person), and each changed field as
"before → after" with its label, dates as dd/mm/yyyy and linked records by
name instead of by number.

The words are Vietnamese or English (``app.domain.change_texts``). Names are
looked up a page of entries at a time (``app.domain.change_names``), never
one entry at a time. Citizen IDs stay as the entries carry them: masked
unless the reader asked for them in full (``list_changes``).
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app import messages
from app.db.storage import Store
from app.domain.change_log import ChangeEntry
from app.domain.change_names import NAMED_TABLES, REFERENCES, NameBook
from app.domain.change_texts import CHOICES, EVENTS, FIELDS, KINDS, NOTES, WHAT
from app.domain.erasure import ERASED_NOTE
from app.spreadsheets.cells import column_letter
from app.text.dates import format_date, format_moment
from app.text.money import format_money

DATE_FIELDS = frozenset(("birth_date", "joined_on", "left_on", "start_on", "end_on", "due_on", "completed_on",
                         "source_date", "starts_on", "ends_on", "received_on", "forwarded_on", "answered_on",
                         "closed_on", "entry_on", "opened_on", "given_on", "withdrawn_on", "recorded_on",
                         "ended_on", "acknowledged_on", "occurred_at"))
MOMENT_FIELDS = frozenset(("discovered_at", "notified_at"))
MONEY_FIELDS = frozenset(("amount",))
# The order fields are listed in (the log stores them sorted by name): what
# the record is first, then who and where, then the rest; unknown ones last.
FIELD_ORDER = (
    "count", "full_name", "title", "name", "short_name", "kind", "person_id", "position_id", "organization_id",
    "parent_id", "gender", "birth_date", "ethnicity", "religion", "citizen_id", "phone", "area_id", "status",
    "joined_on", "left_on", "start_on", "end_on", "acting", "seats", "rank", "active", "detail", "source_number",
    "source_date", "source_issuer", "due_on", "priority", "completed_on", "duty_id", "duty_period", "owner_id",
    "cadence", "due_day", "due_month", "lead_days", "starts_on", "ends_on", "assignees", "note",
    "erased_on_request", "memberships", "appointments", "task_assignments",
)
# The registers' fields, in the order a record of them reads (after what it is).
REGISTER_FIELD_ORDER = (
    "received_on", "entry_on", "opened_on", "channel", "fund", "direction", "amount", "from_name", "party",
    "purpose", "content", "parties", "findings", "recommendation", "forwarded_to", "forwarded_on",
    "answered_on", "answer", "closed_on", "outcome", "document_number", "task_id",
)
FIELD_ORDER = FIELD_ORDER[:6] + REGISTER_FIELD_ORDER + FIELD_ORDER[6:]
_RANK = {key: i for i, key in enumerate(FIELD_ORDER)}
# Bookkeeping columns every row has: the entry's own time says when.
HIDDEN_FIELDS = frozenset(("created_at", "updated_at", "sort_key", "id", "search_text"))
_YES_NO_FIELDS = frozenset(("acting", "active", "erased_on_request"))
_CHOICE_OF = {"gender": "gender", "priority": "priority", "cadence": "cadence", "role": "role", "kind": "kind",
              "channel": "channel", "fund": "fund", "direction": "direction", "purpose": "purpose",
              "outcome": "outcome", "method": "consent_method", "fields": "sensitive_fields"}
# (table, field) whose values are another choice than the field's own name says
_TABLE_CHOICE = {("task", "status"): "task_status", ("petition", "status"): "petition_status",
                 ("oversight_case", "kind"): "case_kind", ("data_request", "kind"): "request_kind",
                 ("data_incident", "kind"): "incident_kind"}
_TABLE_LABEL = {("task", "status"): "task_status", ("petition", "status"): "petition_status",
                ("oversight_case", "kind"): "case_kind", ("data_request", "kind"): "request_kind",
                ("data_incident", "kind"): "incident_kind"}
# What names a record of a table in its own logged values, when it is gone.
_NAME_KEYS = {"person": "full_name", "organization": "name", "petition": "content", "fund_entry": "party",
              "data_request": "requester", "data_incident": "what"}
_REGISTER_EVENTS = {"petition": (("closed_on", "petition_closed"), ("answered_on", "petition_answered")),
                    "oversight_case": (("closed_on", "case_closed"),)}
_EMPTY = "—"


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangeInWords:
    """One entry as people read it."""

    entry: ChangeEntry
    when: str  # dd/mm/yyyy HH:MM, the wall time it was written at
    who: str
    what: str
    which: str
    fields: tuple[FieldChange, ...]
    lines: tuple[str, ...]  # a field a line: "Phone: 0912… → 0987…"
    note: str


def changes_in_words(store: Store, entries: Sequence[ChangeEntry], lang: str | None = None) -> list[ChangeInWords]:
    """A page of entries in words (names looked up once for the whole page)."""
    return ChangeWords(lang).describe(store, entries)


class ChangeWords:
    """The words of one language, looked up once; ``describe`` then only assembles."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang = lang or messages.current_language()
        self.kinds = {k: messages.text(f"changes.kind.{k}", lang) for k in KINDS}
        self.actions = {a: messages.text(f"changes.action.{a}", lang) for a in ("insert", "update", "delete", "bulk")}
        self._what = {key: messages.text(f"changes.what.{key[0]}.{key[1]}", lang) for key in WHAT}
        self._bulk = {k.removeprefix("bulk."): f"changes.what.{k}" for k in EVENTS if k.startswith("bulk.")}
        self._labels = {k: messages.text(f"changes.field.{k}", lang) for k in FIELDS}
        self._choices = {
            choice: {value: messages.text(f"changes.value.{choice}.{value}", lang) for value in values}
            for choice, values in CHOICES.items()
        }
        self._notes = {k: messages.text(f"changes.note.{k}", lang) for k in NOTES}
        self.yes, self.no = self._choices["yes_no"]["yes"], self._choices["yes_no"]["no"]

    def _text(self, code: str, **params: Any) -> str:
        return messages.text(code, self.lang, **params)

    def describe(self, store: Store, entries: Sequence[ChangeEntry]) -> list[ChangeInWords]:
        names = NameBook(store)
        names.learn(entries)
        return [self.entry(e, names) for e in entries]

    def entry(self, entry: ChangeEntry, names: NameBook) -> ChangeInWords:
        fields = self.fields(entry, names)
        return ChangeInWords(
            entry, format_moment(entry.at), entry.actor, self.what(entry), self.which(entry, names),
            tuple(fields), tuple(self.lines(entry, fields)), self.note(entry),
        )

    # -- what was done, to which record ------------------------------------------------

    def what(self, entry: ChangeEntry) -> str:
        if entry.note == ERASED_NOTE:
            return self._text("changes.what.erased")
        if entry.action == "bulk":
            count = entry.after.get("count") if isinstance(entry.after, dict) else None
            if count is not None and entry.table in self._bulk:
                return self._text(self._bulk[entry.table], count=count)
        if entry.table == "appointment" and entry.action == "update" and _set(entry.after, "end_on"):
            return self._text("changes.what.ended_post")
        if entry.table == "membership" and entry.action == "update" and _set(entry.after, "left_on"):
            return self._text("changes.what.left")
        if entry.action == "update":
            for key, event in _REGISTER_EVENTS.get(entry.table, ()):
                if _set(entry.after, key):
                    return self._text(f"changes.what.{event}")
        if entry.table == "fund_entry" and entry.action == "insert" and isinstance(entry.after, dict):
            direction = entry.after.get("direction")
            if direction in ("receipt", "spending"):
                return self._text(f"changes.what.fund_{direction}")
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
                return " — ".join(p for p in (names.name("person", person), names.name(kind, other)) if p)
        if entry.table == "task_assignee":
            return names.name("task", entry.row_id) or _number(entry.row_id)
        if entry.table == "commune":
            return next((str(v["name"]) for v in values if v.get("name")), "")
        if entry.table == "database" and values:
            return str(values[0].get("restored_from") or "")
        if entry.table == "meta":  # which setting
            return ", ".join(self._setting(key) for key in dict.fromkeys(k for v in values for k in v))
        if entry.table in NAMED_TABLES:
            found = names.name(entry.table, entry.row_id)
            if found:
                return found
            # deleted since: the entry's own values still name it
            key = _NAME_KEYS.get(entry.table, "title")
            return next((_short(str(v[key])) for v in values if v.get(key)), _number(entry.row_id))
        return _number(entry.row_id)

    def note(self, entry: ChangeEntry) -> str:
        return self._notes.get(entry.note or "", entry.note or "")

    # -- each field, before -> after -----------------------------------------------

    def fields(self, entry: ChangeEntry, names: NameBook) -> list[FieldChange]:
        """Each field the entry touched, before → after, in words."""
        before = entry.before if isinstance(entry.before, dict) else {}
        after = entry.after if isinstance(entry.after, dict) else {}
        if entry.table == "meta":
            return [FieldChange(self._setting(key), self._setting_value(key, before.get(key), names),
                                self._setting_value(key, after.get(key), names))
                    for key in dict.fromkeys([*before, *after])]
        changes = []
        keys = sorted(dict.fromkeys([*before, *after]), key=lambda k: _RANK.get(k, len(_RANK)))
        for key in keys:
            if key in HIDDEN_FIELDS:
                continue
            old, new = before.get(key), after.get(key)
            if entry.action == "insert" and new is None:
                continue  # an empty field of a new record says nothing
            changes.append(FieldChange(
                self._label(entry, key),
                self.value(entry.table, key, old, names) if key in before else "",
                self.value(entry.table, key, new, names) if key in after else "",
            ))
        if not changes and entry.before is not None and not isinstance(entry.before, dict):
            changes.append(FieldChange("", self._plain(entry.before), self._plain(entry.after)))
        return changes

    def _label(self, entry: ChangeEntry, key: str) -> str:
        if entry.action == "bulk" and key == "assignees":
            key = "task_assignments"  # a count of them, not the people
        else:
            key = _TABLE_LABEL.get((entry.table, key), key)
        return self._labels.get(key, key)

    def lines(self, entry: ChangeEntry, fields: Sequence[FieldChange]) -> list[str]:
        """One short line a field: "Phone: 0912… → 0987…" (a new record: only its values)."""
        lines = []
        for change in fields:
            label = f"{change.label}: " if change.label else ""
            if entry.action in ("insert", "bulk"):
                lines.append(f"{label}{change.after or _EMPTY}")
            elif entry.action == "delete":
                lines.append(f"{label}{change.before or change.after or _EMPTY}")
            else:
                lines.append(f"{label}{change.before or _EMPTY} → {change.after or _EMPTY}")
        return lines

    def value(self, table: str, key: str, value: Any, names: NameBook) -> str:
        if value is None or value == "":
            return _EMPTY
        if key in REFERENCES and isinstance(value, int):
            return names.name(REFERENCES[key], value) or _number(value)
        if key in DATE_FIELDS and isinstance(value, str):
            return format_date(value) if len(value) == 10 else format_moment(value)
        if key in MOMENT_FIELDS and isinstance(value, str):
            return format_moment(value)
        if key == "assignees" and isinstance(value, list):
            return self._assignees(value, names)
        if key in MONEY_FIELDS and isinstance(value, int):
            return format_money(value)
        if key in _YES_NO_FIELDS:
            return self.yes if value in (1, True, "1") else self.no
        choice = _TABLE_CHOICE.get((table, key)) or ("person_status" if key == "status" else _CHOICE_OF.get(key))
        if choice and isinstance(value, str):
            return self._choices[choice].get(value, value)
        return self._plain(value)

    def _assignees(self, people: list, names: NameBook) -> str:
        by_role: dict[str, list[str]] = defaultdict(list)
        for item in people:
            if isinstance(item, dict):
                person = item.get("person_id")
                by_role[item.get("role") or ""].append(names.name("person", person) or _number(person))
        if not by_role:
            return _EMPTY
        roles = self._choices["role"]
        return "; ".join(f"{roles.get(role, role)}: {', '.join(who)}" for role, who in by_role.items())

    # -- settings ------------------------------------------------------------------

    def _setting(self, key: str) -> str:
        kind, _colon, rest = key.partition(":")
        if kind == "my_person":
            return self._text("changes.setting.my_person", actor=rest)
        if kind in ("roster_mapping", "sync.destination"):
            return self._text(f"changes.setting.{kind}")
        return key

    def _setting_value(self, key: str, value: Any, names: NameBook) -> str:
        if key.startswith("my_person:") and isinstance(value, str) and value.isdigit():
            return names.name("person", int(value)) or _number(int(value))
        if key.startswith("roster_mapping:") and isinstance(value, str):
            return self._roster_mapping(value)
        if key == "sync.destination" and isinstance(value, dict) and value.get("transport"):
            return self._destination(value)
        return self._plain(value)

    def _roster_mapping(self, value: str) -> str:
        """{"0": "full_name", "3": null} -> "A: Họ và tên; D: —"."""
        try:
            mapping = json.loads(value)
            columns = sorted((int(index), field) for index, field in mapping.items())
        except (ValueError, TypeError, AttributeError):
            return self._plain(value)
        return "; ".join(f"{column_letter(index)}: {self._labels.get(field, field) if field else _EMPTY}"
                         for index, field in columns)

    def _destination(self, value: dict) -> str:
        """{"transport": "webdav", "url": ..., "user": ...} -> "Máy chủ WebDAV https://… (tài khoản xa-00004)"."""
        transport = value["transport"]
        where = value.get("path") or value.get("url") or value.get("to_addr") or ""
        text = f"{self._choices['transport'].get(transport, transport)} {where}".strip()
        if value.get("user"):
            text += f" ({self._text('changes.setting.user', user=value['user'])})"
        return text

    def _plain(self, value: Any) -> str:
        if value is None or value == "":
            return _EMPTY
        if isinstance(value, dict):
            return "; ".join(f"{self._labels.get(k, k)}: {self._plain(v)}" for k, v in value.items())
        if isinstance(value, list):
            return ", ".join(self._plain(v) for v in value)
        return str(value)


def _short(text: str, limit: int = 80) -> str:
    """A long text (a petition's content) as a record's name: its beginning."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _number(row_id: Any) -> str:
    return f"#{row_id}" if row_id is not None else ""


def _set(values: Any, key: str) -> bool:
    return isinstance(values, dict) and values.get(key) not in (None, "")
