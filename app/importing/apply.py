"""Writing a checked roster: all of it in one transaction, or nothing.

``decide`` works out, without writing, what each planned row becomes (a new
person, an update of a stored one, or left out) from the person's choices for
duplicates; ``write`` then stores it after a backup, inside one transaction,
so a failure, a Cancel or a killed process leaves the database as it was.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app import messages
from app.db.backups import create_backup
from app.db.storage import Store
from app.domain.bulk_people import add_memberships, insert_people
from app.domain.organizations import BRANCH, MEMBER_ORG, WORK_COMMITTEE, add_residential_area
from app.domain.people import FIELDS, update_person
from app.domain.positions import add_position, appoint
from app.errors import Conflict, InvalidInput, InvalidValue
from app.importing.roles import PlannedRole, SeatBook
from app.importing.row_checks import ImportPlan, RowProblem
from app.paths import backups_dir_for
from app.progress import ProgressCallback
from app.text.vietnamese import fold, name_sort_key

DUPLICATE_CHOICES = ("skip", "update", "add")
PROGRESS_EVERY = 1000

messages.register(
    {
        "import.same_citizen_id_in_file": (
            "{field_name} {value} trùng với dòng {other_row} của tệp: không thể thêm hai người cùng một số CCCD.",
            "{field_name} {value} is the same as in row {other_row} of the file: two people cannot share "
            "a citizen ID.",
        ),
        "import.same_citizen_id_stored": (
            "{field_name} {value} đã có ở {other} (số {person_id}): không thể thêm người mới cùng số CCCD; "
            "hãy chọn bỏ qua hoặc cập nhật.",
            "{field_name} {value} already belongs to {other} (#{person_id}): a new person cannot share it; "
            "choose skip or update.",
        ),
        "import.bad_choice": (
            "Cách xử lý dòng trùng “{value}” không hợp lệ; hãy chọn skip, update hoặc add.",
            "“{value}” is not a way to handle duplicates; choose skip, update or add.",
        ),
        "import.changed_meanwhile": (
            "Dữ liệu đã thay đổi từ lúc kiểm tra tệp ({detail}); không ghi gì. Hãy kiểm tra và nhập lại.",
            "The data changed since the file was checked ({detail}); nothing was written. Check and import again.",
        ),
        "import.update_refused": (
            "Không cập nhật được người số {person_id} từ dòng {rows}: {reason} Không ghi gì.",
            "Person #{person_id} cannot be updated from row {rows}: {reason} Nothing was written.",
        ),
    }
)

# The person fields a roster row may fill in (status stays as stored).
_FILLED = tuple(f for f in FIELDS if f != "status")


@dataclass
class ImportResult:
    inserted: int
    updated: int
    skipped: int
    errors: list[RowProblem]
    written: bool = False  # False: nothing stored (invalid rows, or a dry run)
    dry_run: bool = False
    person_ids: list[int] = field(default_factory=list)  # the new people
    updated_ids: list[int] = field(default_factory=list)
    areas_added: list[str] = field(default_factory=list)  # residential areas the import added
    backup: Path | None = None
    appointments: int = 0  # people appointed to a post ("Chức vụ"), or to be, in a dry run
    positions_added: int = 0  # posts a branch lacked, created for them

    def as_json(self, lang: str | None = None) -> dict:
        """The shape of ``frontdesk import members --json`` (DESIGN.md)."""
        return {
            "inserted": self.inserted,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [p.as_json(lang) for p in self.errors],
            "written": self.written,
            "dry_run": self.dry_run,
            "areas_added": self.areas_added,
            "appointments": self.appointments,
        }


@dataclass
class _Target:
    """One person to write: new (values complete) or stored (changes only)."""

    kind: str  # "insert" | "update"
    values: dict
    person_id: int | None
    joined_on: str | None
    rows: list[int]
    name: str | None = None  # the name as it stands (stored, or to be stored)
    shared: bool = False  # values still the planned row's own dict: copy before changing
    roles: list[PlannedRole] = field(default_factory=list)  # posts to appoint the person to


@dataclass
class Decision:
    inserts: list[_Target]
    updates: dict[int, _Target]  # person id -> changes
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    book: SeatBook | None = None  # who holds each post the file names
    appointments: int = 0


def decide(plan: ImportPlan, *, duplicates: str = "skip", choices: dict[int, str] | None = None) -> Decision:
    """What each row becomes. Every row counts once: inserted, updated or skipped."""
    for choice in (duplicates, *(choices or {}).values()):
        if choice not in DUPLICATE_CHOICES:
            raise InvalidValue("import.bad_choice", field="duplicates", value=choice)
    choices = choices or {}
    decision = Decision([], {})
    if plan.role_index is not None:
        decision.book = SeatBook(plan.role_index)
    by_row: dict[int, _Target | None] = {}
    for planned in plan.rows:
        target = None
        if planned.problems:
            decision.errors.extend(planned.problems)
            decision.skipped += 1
            by_row[planned.row] = None
            continue
        dup = planned.duplicate
        choice = choices.get(planned.row) or (duplicates if dup else "add")
        if choice == "skip":
            decision.skipped += 1
        elif dup is None or (choice == "add" and dup.reason != "citizen_id"):
            target = _Target(
                "insert", planned.values, None, planned.joined_on, [planned.row], planned.values["full_name"], True
            )
            if _seated(decision, target, planned, ("row", planned.row)):
                decision.inserts.append(target)
                decision.inserted += 1
            else:
                target = None
        elif choice == "add":
            decision.errors.append(_shared_citizen_id(planned))
            decision.skipped += 1
        elif dup.kind == "in_database":
            target = decision.updates.get(dup.person_id)
            new = target is None
            if new:
                target = _Target("update", {}, dup.person_id, None, [], dup.name)
            if _seated(decision, target, planned, ("person", dup.person_id)):
                decision.updates[dup.person_id] = target
                _merge(target, planned)
                decision.updated += 1
            elif new:
                target = None
        else:  # update the person an earlier row of the file makes or updates
            target = by_row.get(dup.row)
            if target is None:
                decision.skipped += 1
            elif _seated(decision, target, planned, _identity(target)):
                _merge(target, planned)
                decision.updated += 1
        by_row[planned.row] = target
    return decision


def _identity(target: _Target) -> tuple:
    return ("person", target.person_id) if target.kind == "update" else ("row", target.rows[0])


def _seated(decision: Decision, target: _Target, planned: Any, identity: tuple) -> bool:
    """Give the target the posts of the row ("Chức vụ"), unless one of them is
    full: then the row is an error, left out (False)."""
    if not planned.roles or decision.book is None:
        return True
    name = target.name or planned.values.get("full_name") or ""
    posts, full = decision.book.fit(identity, name, planned.row, planned.roles)
    if full:
        for role, params in full:
            decision.errors.append(RowProblem(planned.row, role.column, role.value, "import.role_full", params, "role"))
        decision.skipped += 1
        return False
    target.roles = [*target.roles, *posts]
    decision.appointments += len(posts)
    return True


def _merge(target: _Target, planned: Any) -> None:
    """Fill the target from the row: what the row says wins, empty cells keep
    what is there, and a name is not traded for the same name written
    without its diacritics."""
    if target.shared:  # the plan stays as it was: it may be applied again
        target.values, target.shared = dict(target.values), False
    for name in _FILLED:
        value = planned.values.get(name)
        if value is not None and name != "full_name":
            target.values[name] = value
    name = _better_name(target.name, planned.values.get("full_name"))
    if name != target.name:
        target.name = target.values["full_name"] = name
        if target.kind == "insert":
            target.values["sort_key"] = name_sort_key(name)
    if planned.joined_on and not target.joined_on:
        target.joined_on = planned.joined_on
    target.rows.append(planned.row)


def _better_name(current: str | None, given: str | None) -> str | None:
    if not given or not current:
        return given or current
    if fold(given) != fold(current):
        return given  # a real change (a corrected or married name)
    if current.isascii() and not given.isascii():
        return given  # the same name, now with its diacritics
    return current


def _shared_citizen_id(planned: Any) -> RowProblem:
    dup, cid = planned.duplicate, planned.values.get("citizen_id")
    column = planned.cells.get("citizen_id", "")
    if dup.kind == "in_file":
        code, params = "import.same_citizen_id_in_file", {"value": cid, "other_row": dup.row}
    else:
        code, params = "import.same_citizen_id_stored", {
            "value": cid, "other": dup.name or "", "person_id": dup.person_id}
    return RowProblem(planned.row, column, cid, code, params, "citizen_id")


def write(store: Store, plan: ImportPlan, decision: Decision, progress: ProgressCallback) -> ImportResult:
    """Back up, then store the decision in one transaction."""
    result = ImportResult(decision.inserted, decision.updated, decision.skipped, decision.errors, written=True)
    inserts, updates = decision.inserts, list(decision.updates.values())
    total = len(inserts) + len(updates)
    if total:
        progress("backup", 0, total)
        result.backup = create_backup(
            store.conn, backups_dir_for(store.path), reason="before-import", when=store.clock.now()
        )
    try:
        with store.transaction():
            if total:
                new_ids = _add_areas(store, plan, inserts + updates)
                result.areas_added = [plan.new_areas[i] for i in new_ids]
                result.person_ids = insert_people(
                    store, [_in_area(t.values, new_ids) for t in inserts], progress=progress, total=total
                )
                for done, target in enumerate(updates, start=len(inserts)):
                    if done % PROGRESS_EVERY == 0:
                        progress("write", done, total)
                    target = replace(target, values=_in_area(target.values, new_ids))
                    _update(store, target)
                result.updated_ids = [t.person_id for t in updates]
                if plan.org_id is not None:
                    people = list(zip(result.person_ids, (t.joined_on for t in inserts)))
                    people += [(t.person_id, t.joined_on) for t in updates]
                    add_memberships(store, plan.org_id, people)
                    areas = [_in_area(t.values, new_ids).get("area_id") for t in inserts]
                    areas += _stored_areas(store, [t.person_id for t in updates])
                    _join_branches(store, plan.org_id, [(*p, a) for p, a in zip(people, areas)])
                if decision.book is not None:
                    written = list(zip(inserts, result.person_ids)) + [(t, t.person_id) for t in updates]
                    result.appointments, result.positions_added = _appoint(store, decision.book, written, new_ids)
                progress("write", total, total)
            if plan.layout is not None:
                from app.importing.layout import remember_mapping

                remember_mapping(store, plan.layout)
    except sqlite3.IntegrityError as exc:
        # Someone stored a person with the same citizen ID between the check
        # and now: the transaction is rolled back, the person checks again.
        raise Conflict("import.changed_meanwhile", detail=str(exc)) from exc
    if total:
        store.events.emit("people_changed", ids=result.person_ids + result.updated_ids)
    return result


def _stored_areas(store: Store, person_ids: list[int]) -> list[int | None]:
    """The residential area of each stored person, as it stands after the update."""
    area_of: dict[int, int | None] = {}
    for start in range(0, len(person_ids), 900):
        chunk = person_ids[start:start + 900]
        area_of.update(store.conn.execute(
            f"SELECT id, area_id FROM person WHERE id IN ({','.join('?' for _ in chunk)})", chunk))
    return [area_of.get(pid) for pid in person_ids]


def _join_branches(store: Store, org_id: int, people: list[tuple[int, str | None, int | None]]) -> None:
    """Members of an organization with branches join their area's branch too
    (chi hội, chi đoàn): (person id, joined on, area id) each. The report counts
    a person once per organization (app.reports.figures), so the association
    and its branch do not add up twice."""
    conn = store.conn
    kind = conn.execute("SELECT kind FROM organization WHERE id = ?", (org_id,)).fetchone()
    if kind is None or kind[0] != MEMBER_ORG:
        return
    branch_of = dict(conn.execute(
        "SELECT area_id, id FROM organization WHERE kind = ? AND parent_id = ? AND active = 1", (BRANCH, org_id)))
    if not branch_of:
        return
    by_branch: dict[int, list[tuple[int, str | None]]] = {}
    for person_id, joined_on, area_id in people:
        branch = branch_of.get(area_id)
        if branch is not None:
            by_branch.setdefault(branch, []).append((person_id, joined_on))
    for branch, members in sorted(by_branch.items()):
        add_memberships(store, branch, members)


def _appoint(store: Store, book: SeatBook, written: list[tuple[_Target, int]], new_ids: dict[int, int]
             ) -> tuple[int, int]:
    """Appoint each written person to the posts of their row, creating the
    posts a unit lacks; (appointments made, posts created)."""
    units: dict[Any, int] = {}
    posts: dict[int, dict[str, int]] = {}
    made = added = 0
    for target, person_id in written:
        for role in target.roles:
            unit = units.get(role.unit)
            if unit is None:
                unit = units[role.unit] = _unit_id(store, role.unit, new_ids)
            titles = posts.get(unit)
            if titles is None:
                titles = posts[unit] = {
                    fold(t): i for i, t in store.conn.execute(
                        "SELECT id, title FROM position WHERE organization_id = ? AND active = 1", (unit,))
                }
            position_id = titles.get(fold(role.title))
            if position_id is None:
                seats = max(role.seats, book.filled(role)) if role.grows else role.seats
                position_id = titles[fold(role.title)] = add_position(
                    store, unit, role.title, seats=min(seats, 99), rank=role.rank)
                added += 1
            appoint(store, position_id, person_id, start_on=role.start_on)
            made += 1
    return made, added


def _unit_id(store: Store, unit: Any, new_ids: dict[int, int]) -> int:
    """The organization id of a role's unit; a new area's branch or work committee is looked up once added."""
    if not isinstance(unit, tuple):
        return unit
    _new, placeholder, member_org = unit
    area = new_ids[placeholder]
    if member_org is None:
        row = store.conn.execute(
            "SELECT id FROM organization WHERE kind = ? AND parent_id = ?", (WORK_COMMITTEE, area)).fetchone()
    else:
        row = store.conn.execute(
            "SELECT id FROM organization WHERE kind = ? AND parent_id = ? AND area_id = ?",
            (BRANCH, member_org, area)).fetchone()
    return row[0]


def _add_areas(store: Store, plan: ImportPlan, targets: list[_Target]) -> dict[int, int]:
    """Add the new residential areas that rows being written live in (each
    with its work committee and branches); placeholder id -> the stored id."""
    return {placeholder: add_residential_area(store, plan.new_areas[placeholder]) for placeholder in new_areas(targets)}


def new_areas(targets: list[_Target]) -> list[int]:
    """The placeholder ids of the new areas these targets live in, in the order the file names them."""
    return sorted({a for t in targets if (a := t.values.get("area_id")) is not None and a < 0}, reverse=True)


def _in_area(values: dict, new_ids: dict[int, int]) -> dict:
    """The values with a placeholder area replaced by the area just added; the
    plan's own dict is left as it was, so a failed write can be tried again."""
    area_id = values.get("area_id")
    if area_id is None or area_id >= 0:
        return values
    return {**values, "area_id": new_ids[area_id]}


def _update(store: Store, target: _Target) -> None:
    try:
        update_person(store, target.person_id, target.values)
    except InvalidInput as exc:
        reason = " ".join(messages.describe(p) for p in exc.problems)
        raise Conflict(
            "import.update_refused", person_id=target.person_id,
            rows=", ".join(map(str, target.rows)), reason=reason,
        ) from exc
