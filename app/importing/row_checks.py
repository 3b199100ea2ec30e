"""Checking the rows of a member roster before anything is written.

Each row read from a spreadsheet (``app.importing.layout.RawRecord``) becomes a
``PlannedRow``: the values ``app.domain.people.validate_person`` accepted, the repairs
it made, and every problem with the Excel row and column it sits in. Then
duplicates are marked: inside the file (an earlier row) and against the people
already stored.

The core stays the judge of what is valid: this module only turns Excel's cell
types into what a person would have typed (a number cell 1090012345.0 is the
digits "1090012345", a date cell is a date), matches the residential area by
name, and hands the row to ``validate_person``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable, Mapping

from app import messages
from app.db.storage import Store
from app.domain.people import validate_person
from app.errors import InvalidInput, InvalidValue
from app.importing.areas import AreaIndex
from app.importing.columns import Layout
from app.importing.roles import PlannedRole, RoleIndex
from app.spreadsheets.cells import shown_value
from app.text.dates import parse_date, parse_date_noted
from app.text.vietnamese import fold

messages.register(
    {
        "import.row_problem": ("Dòng {row}, cột {column}: {reason}", "Row {row}, column {column}: {reason}"),
        "import.row_problem_no_column": ("Dòng {row}: {reason}", "Row {row}: {reason}"),
        "import.cell_value": ("(ô ghi: {value})", "(the cell holds: {value})"),
        "import.duplicate.in_file.citizen_id": (
            "Dòng {row}: trùng số CCCD với dòng {other_row} của tệp",
            "Row {row}: same citizen ID as row {other_row} of the file",
        ),
        "import.duplicate.in_file.name_birth_area": (
            "Dòng {row}: trùng họ tên, ngày sinh và khu dân cư với dòng {other_row} của tệp",
            "Row {row}: same name, date of birth and residential area as row {other_row} of the file",
        ),
        "import.duplicate.in_database.citizen_id": (
            "Dòng {row}: trùng số CCCD với {name} (số {person_id}) đã có trong danh sách",
            "Row {row}: same citizen ID as {name} (#{person_id}), already stored",
        ),
        "import.duplicate.in_database.name_birth_area": (
            "Dòng {row}: trùng họ tên, ngày sinh và khu dân cư với {name} (số {person_id}) đã có trong danh sách",
            "Row {row}: same name, date of birth and residential area as {name} (#{person_id}), already stored",
        ),
    }
)
# Names of the roster columns' fields that no form has, for "column B → ...".
messages.register_fields(
    {
        "area": ("Khu dân cư", "Residential area"),
        "row_number": ("Số thứ tự", "Row number"),
        "birth_year_male": ("Năm sinh (cột Nam)", "Birth year (under “Nam”)"),
        "birth_year_female": ("Năm sinh (cột Nữ)", "Birth year (under “Nữ”)"),
    }
)

@dataclass
class RowProblem:
    """One problem of one cell: where it is in the file, what it holds, why."""

    row: int  # the Excel row number, as Excel shows it
    column: str  # the Excel column letter ("" when the problem is not of one cell)
    value: Any  # the cell as a person sees it (text)
    code: str
    params: dict
    field: str = ""

    def reason(self, lang: str | None = None) -> str:
        return messages.describe(InvalidValue(self.code, **{**self.params, "field": self.field}), lang)

    def message(self, lang: str | None = None) -> str:
        reason = self.reason(lang)
        shown = "" if self.value is None else str(self.value)
        if shown and shown not in reason:
            reason = f"{reason} {messages.text('import.cell_value', lang, value=shown)}"
        if self.column:
            return messages.text("import.row_problem", lang, row=self.row, column=self.column, reason=reason)
        return messages.text("import.row_problem_no_column", lang, row=self.row, reason=reason)

    def as_json(self, lang: str | None = None) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message(lang)}


@dataclass
class Duplicate:
    """What an imported row collides with."""

    kind: str  # "in_file" (an earlier row of the file) | "in_database"
    person_id: int | None  # the stored person (in_database)
    row: int | None  # the earlier Excel row (in_file)
    reason: str  # "citizen_id" | "name_birth_area"
    name: str | None = None  # the stored person's name, for messages

    def describe(self, row: int, lang: str | None = None) -> str:
        return messages.text(
            f"import.duplicate.{self.kind}.{self.reason}", lang,
            row=row, other_row=self.row, name=self.name or "", person_id=self.person_id,
        )


@dataclass
class PlannedRow:
    row: int
    values: dict  # validate_person values, ready to store (with area_id); the raw cells if invalid
    notes: list  # repairs made, as (field, code, params)
    problems: list[RowProblem]
    duplicate: Duplicate | None
    action: str  # "insert" | "update" | "skip"
    joined_on: str | None = None  # ISO, for the membership when importing into an organization
    cells: dict = field(default_factory=dict)  # field -> Excel column letter
    new_area: RowProblem | None = None  # the area is one to add (values["area_id"] < 0): a problem unless added
    roles: list[PlannedRole] = field(default_factory=list)  # the posts of its "Chức vụ" cell

    def note_texts(self, lang: str | None = None) -> list[str]:
        """Each repair as a line with its Excel place."""
        lines = []
        for name, code, params in self.notes:
            text = messages.text(code, lang, **params)
            column = self.cells.get("area" if name == "area_id" else name, "")
            key = "import.row_problem" if column else "import.row_problem_no_column"
            lines.append(messages.text(key, lang, row=self.row, column=column, reason=text))
        return lines


# -- cell values as a person would have typed them --------------------------------


def _as_text(value: Any) -> Any:
    if isinstance(value, float | datetime | date):
        return shown_value(value)
    return value


def _as_digits(value: Any) -> Any:
    # A number cell: 1090012345.0 -> "1090012345", so the repair note shows
    # the digits the person sees. Fractions stay numbers: the core refuses them.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _as_date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)  # a year typed into a number cell
    if isinstance(value, time | timedelta):
        return shown_value(value)  # refused by the core, shown as Excel shows it
    return value


# The fields of a roster row that validate_person checks, with what turns a
# cell into what a person would have typed; the others (area, joined_on,
# row_number) are handled below or ignored.
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "full_name": _as_text, "gender": _as_text, "ethnicity": _as_text, "religion": _as_text,
    "note": _as_text, "citizen_id": _as_digits, "phone": _as_digits, "birth_date": _as_date,
}


# -- one row ---------------------------------------------------------------------------


def check_record(
    store: Store, record: Any, areas: AreaIndex, *, with_joined: bool = False, today: date | None = None,
    roles: RoleIndex | None = None,
) -> PlannedRow:
    """Validate one ``RawRecord`` (row, values, cells) into a ``PlannedRow``.
    ``today`` (default: the store's): a caller checking a whole file asks once.
    ``roles``: the posts a "Chức vụ" cell can name (without it the cell is left alone)."""
    today = today or store.today()
    cells: dict[str, str] = record.cells
    given: Mapping[str, Any] = record.values
    raw: dict[str, Any] = {}
    for name, value in given.items():
        # most cells are text, handed over as they are; the rest are converted
        if value.__class__ is str:
            if value and name in _CONVERT:
                raw[name] = value
        elif value is not None and name in _CONVERT:
            raw[name] = _CONVERT[name](value)
    problems: list[RowProblem] = []
    notes: list[tuple[str, str, dict]] = []

    birth = raw.get("birth_date")
    if isinstance(birth, str):
        # Read it once here to keep the note of what was guessed ("03/1985" kept
        # as 1985, "85" read as 1985); a failure is left to validate_person.
        try:
            parsed, note = parse_date_noted(birth, field="birth_date", today=today)
        except InvalidValue:
            pass
        else:
            raw["birth_date"] = parsed
            if note and parsed is not None:
                notes.append(("birth_date", note, {"original": birth, "value": parsed.display()}))

    area_id, area_problem = areas.match(given.get("area"))
    new_area = None
    if area_problem:
        code, params = area_problem
        problems.append(RowProblem(record.row, cells.get("area", ""), params["value"], code, params, "area"))
        if area_id is not None:
            new_area = problems[-1]

    joined_on = None
    if with_joined and given.get("joined_on") not in (None, ""):
        cell = _as_date(given["joined_on"])
        try:
            joined = parse_date(cell, field="joined_on", today=today, allow_year_only=False)
            joined_on = joined.iso() if joined else None
        except InvalidValue as exc:
            problems.append(_problem(record.row, cells, exc))

    posts: list[PlannedRole] = []
    role_cell = given.get("role")
    if roles is not None and role_cell is not None and (area_id is not None or area_problem is None):
        posts = _posts(record.row, cells, given, roles, area_id, today, problems)

    try:
        draft = validate_person(store, raw, check_unique=False, today=today)
    except InvalidInput as exc:
        problems[:0] = [_problem(record.row, cells, p) for p in exc.problems]
        values = {**raw, "area_id": area_id}
        return PlannedRow(record.row, values, notes, problems, None, "skip", joined_on, cells, new_area, posts)
    values = draft.values
    values["area_id"] = area_id
    notes[:0] = draft.notes
    action = "skip" if problems else "insert"
    return PlannedRow(record.row, values, notes, problems, None, action, joined_on, cells, new_area, posts)


def _posts(row: int, cells: Mapping[str, str], given: Mapping[str, Any], roles: RoleIndex, area_id: int | None,
           today: date, problems: list[RowProblem]) -> list[PlannedRole]:
    """The posts of a row's "Chức vụ" cell, from its "Ngày bổ nhiệm" or the import's day."""
    start_on = today.isoformat()
    if given.get("appointed_on") not in (None, ""):
        try:
            start = parse_date(_as_date(given["appointed_on"]), field="appointed_on", today=today,
                               allow_year_only=False)
        except InvalidValue as exc:
            problems.append(_problem(row, cells, exc))
            return []
        if start is not None:
            start_on = start.iso()
    column = cells.get("role", "")
    found, trouble = roles.resolve(given["role"], area_id, start_on, column)
    for code, params in trouble:
        problems.append(RowProblem(row, column, params["value"], code, dict(params), "role"))
    return found


def _problem(row: int, cells: Mapping[str, str], exc: InvalidValue) -> RowProblem:
    params = dict(exc.params)
    shown = shown_value(exc.value)
    params["value"] = shown
    return RowProblem(row, cells.get(exc.field, ""), shown, exc.code, params, exc.field)


# -- duplicates ------------------------------------------------------------------------


def mark_duplicates(store: Store, rows: list[PlannedRow]) -> None:
    """Set ``duplicate`` (and ``action`` "skip") on each valid row that repeats
    an earlier valid row of the file or a stored person.

    Same citizen ID means the same person. Otherwise the same folded name,
    birth date and residential area does, unless both sides carry different
    citizen IDs (then they are two people); without a birth date a name alone
    is too weak to say so."""
    valid = [r for r in rows if not r.problems]
    if not valid:
        return
    # Names are folded only where another person has the same birth date and
    # area: in a roster with full dates of birth that is a few rows, not all.
    places = Counter((v["birth_date"], v["area_id"]) for r in valid if (v := r.values)["birth_date"])
    stored_ids, stored_names = _stored_people(store, places)
    shared = {place for place, n in places.items() if n > 1} | {(b, a) for _, b, a in stored_names}
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple, tuple[int, str | None]] = {}
    for planned in valid:
        values = planned.values
        cid = values["citizen_id"]
        place = (values["birth_date"], values["area_id"])
        identity = (fold(values["full_name"]), *place) if place in shared else None
        duplicate = None
        # The citizen ID is the stronger evidence: it is looked for first, in
        # the file and then among the stored people.
        if cid and cid in seen_ids:
            duplicate = Duplicate("in_file", None, seen_ids[cid], "citizen_id")
        elif cid and cid in stored_ids:
            duplicate = Duplicate("in_database", stored_ids[cid][0], None, "citizen_id", stored_ids[cid][1])
        elif identity in seen_names and (not cid or not seen_names[identity][1]):
            duplicate = Duplicate("in_file", None, seen_names[identity][0], "name_birth_area")
        elif identity is not None:
            for person_id, name, stored_cid in stored_names.get(identity, ()):
                if not cid or not stored_cid:
                    duplicate = Duplicate("in_database", person_id, None, "name_birth_area", name)
                    break
        if cid:
            seen_ids.setdefault(cid, planned.row)
        if identity is not None:
            seen_names.setdefault(identity, (planned.row, cid))
        if duplicate is not None:
            planned.duplicate = duplicate
            planned.action = "skip"


def _stored_people(
    store: Store, places: Mapping[tuple, int]
) -> tuple[dict[str, tuple[int, str]], dict[tuple, list[tuple[int, str, str | None]]]]:
    """Every stored person by citizen ID, and by name + birth date + area for
    those born on a day and living in an area that the file has too: two
    dictionaries built in one pass instead of a query per row."""
    by_id: dict[str, tuple[int, str]] = {}
    by_identity: dict[tuple, list[tuple[int, str, str | None]]] = {}
    rows = store.conn.execute("SELECT id, full_name, citizen_id, birth_date, area_id FROM person")
    for person_id, name, cid, birth, area_id in rows:
        if cid:
            by_id[cid] = (person_id, name)
        if birth and (birth, area_id) in places:
            by_identity.setdefault((fold(name), birth, area_id), []).append((person_id, name, cid))
    return by_id, by_identity


# -- the plan: every row of one file, checked ---------------------------------------


@dataclass
class ImportPlan:
    path: Path
    sheet: str
    layout: Layout | None  # None: rows that came without a sheet (a test's, the kill test's)
    rows: list[PlannedRow]
    org_id: int | None = None
    areas: dict[int, str] = field(default_factory=dict)  # residential area id -> name
    new_areas: dict[int, str] = field(default_factory=dict)  # placeholder id (< 0) -> name, areas to add
    add_areas: bool = False  # add the new areas; if not, their rows have a problem
    role_index: RoleIndex | None = None  # the posts "Chức vụ" cells name, and who holds them

    def set_add_areas(self, add: bool) -> None:
        """Add the areas the commune does not have yet (their rows are good),
        or not (each of their rows has the problem "import.area_new")."""
        self.add_areas = add
        for planned in self.rows:
            problem = planned.new_area
            if problem is None:
                continue
            there = problem in planned.problems
            if add and there:
                planned.problems.remove(problem)
            elif not add and not there:
                planned.problems.append(problem)
            planned.action = "skip" if planned.problems or planned.duplicate else "insert"

    def new_area_rows(self) -> dict[str, int]:
        """Each area to add, with how many rows of the file live there."""
        counts = dict.fromkeys(self.new_areas.values(), 0)
        for planned in self.rows:
            if planned.new_area is not None:
                counts[self.new_areas[planned.values["area_id"]]] += 1
        return counts

    def invalid(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.problems]

    def duplicates(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.duplicate is not None]

    def repaired(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.notes]
