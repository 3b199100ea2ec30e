"""Importing the registers communes keep in Excel: petitions, the fund's cash
book, oversight cases.

Two steps, as for rosters, so a person sees everything before anything is
written:

- ``plan_register_import`` reads the file in the sandboxed child
  (``app.spreadsheets.sandbox``), finds its layout
  (``app.importing.register_layout``), checks every row with the register's
  own checks (``app.importing.register_rows``) and marks the duplicates. It
  writes nothing.
- ``apply_register_import`` writes the plan after a backup, in one
  transaction with one change-log entry: any invalid row and nothing is
  written, unless the person chose to import only the valid rows. A row that
  repeats a stored record is left out, so importing a file twice adds nothing
  the second time.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app import messages
from app.db.backups import create_backup
from app.db.storage import Store
from app.domain.register_bulk import EVENTS, insert_register_rows, row_key, stored_keys
from app.errors import Conflict, FrontDeskError, InvalidValue
from app.importing.columns import Column, Layout
from app.importing.register_columns import REGISTERS
from app.importing.register_rows import AreaNames, PlannedEntry, RegisterDuplicate, check_entry_row, mark_entry_duplicates
from app.importing.row_checks import RowProblem
from app.paths import backups_dir_for
from app.progress import ProgressCallback, ignore_progress

__all__ = ["REGISTERS", "RegisterPlan", "RegisterImportResult", "plan_register_import", "apply_register_import"]

PROGRESS_EVERY = 200

messages.register(
    {
        "import.register.unknown": (
            "Không có sổ “{value}” để nhập; hãy chọn một trong: {choices}.",
            "There is no register “{value}” to import; choose one of: {choices}.",
        ),
        "import.register.no_sheet": (
            "Tệp {path} không có trang nào tên “{sheet}”.", "{path} has no sheet named “{sheet}”.",
        ),
        "import.register.no_rows": (
            "Trang “{sheet}” của tệp {path} không có dòng dữ liệu nào dưới dòng tên cột.",
            "Sheet “{sheet}” of {path} has no data rows below its header.",
        ),
    }
)


@dataclass
class RegisterPlan:
    """A register file read and checked, nothing written yet."""

    register: str  # "petitions" | "fund" | "cases"
    table: str  # "petition" | "fund_entry" | "oversight_case"
    path: Path
    sheet: str
    layout: Layout
    rows: list[PlannedEntry]

    def understood(self) -> list[Column]:
        """The columns read, each with its field."""
        return [c for c in self.layout.columns if c.field]

    def unknown(self) -> list[Column]:
        """Columns with a heading that was not recognised: left out."""
        return self.layout.unknown()

    def problems(self) -> list[RowProblem]:
        return [p for r in self.rows for p in r.problems]

    def invalid(self) -> list[PlannedEntry]:
        return [r for r in self.rows if r.problems]

    def duplicates(self) -> list[PlannedEntry]:
        return [r for r in self.rows if r.duplicate is not None]

    def to_insert(self) -> list[PlannedEntry]:
        return [r for r in self.rows if r.action == "insert"]


@dataclass
class RegisterImportResult:
    register: str
    rows: int  # data rows read
    inserted: int  # written (or, in a dry run, to be written)
    duplicates: int  # rows left out as already in the register or earlier in the file
    skipped: int  # invalid rows left out (all rows, when nothing was written because of them)
    problems: list[RowProblem]
    written: bool = False  # False: nothing stored (invalid rows, a dry run, or nothing new)
    dry_run: bool = False
    ids: list[int] = field(default_factory=list)  # the new records
    backup: Path | None = None
    duplicate_rows: list[tuple[int, RegisterDuplicate]] = field(default_factory=list)
    blocked: bool = False  # nothing written because some rows are invalid (and were not to be skipped)


    def as_json(self, plan: RegisterPlan, lang: str | None = None) -> dict:
        """The shape of ``frontdesk import petitions|fund|cases --json``."""
        return {
            "register": self.register, "file": plan.path.name, "sheet": plan.sheet, "rows": self.rows,
            "inserted": self.inserted, "duplicates": self.duplicates, "skipped": self.skipped,
            "problems": [{"row": p.row, "column": p.column, "field": _field_of(p), "value": p.value,
                          "message": p.message(lang)} for p in self.problems],
            "duplicate_rows": [{"row": row, "kind": d.kind, "same_row": d.row, "record_id": d.record_id,
                                "message": d.describe(row, lang)} for row, d in self.duplicate_rows],
            "written": self.written, "blocked": self.blocked, "dry_run": self.dry_run,
        }


def _field_of(problem: RowProblem) -> str:
    return "area" if problem.field == "area_id" else problem.field


def plan_register_import(store: Store, register: str, path: Path | str, *, sheet: str | None = None,
                         progress: ProgressCallback | None = None) -> RegisterPlan:
    """Read and check a register file (``register``: petitions, fund or cases);
    writes nothing. ``sheet`` picks a sheet by name (default: the one whose
    header names the most of the register's columns)."""
    from app.importing.register_layout import (
        best_register_sheet, detect_register_layout, missing_fields, register_records,
    )
    from app.spreadsheets.sandbox import read_untrusted

    if register not in REGISTERS:
        raise InvalidValue("import.register.unknown", field="register", value=register,
                           choices=", ".join(REGISTERS))
    progress = progress or ignore_progress
    path = Path(path)
    table = REGISTERS[register]
    progress("read", 0, 0)
    sheets = read_untrusted(path)  # in a child process: a hostile file cannot take the app down
    if sheet is not None:
        named = [s for s in sheets if s.name == sheet]
        if not named:
            raise FrontDeskError("import.register.no_sheet", path=path.name, sheet=sheet)
        chosen = named[0]
    else:
        chosen = best_register_sheet(sheets, register, path=path)
    layout = detect_register_layout(chosen, register, path=path)
    missing = missing_fields(register, layout)
    if missing:
        raise FrontDeskError(
            "import.register.missing_columns", path=path.name, sheet=chosen.name,
            missing=", ".join(f"“{messages.field_name(f, 'vi')}” ({f})" for f in missing),
            headers=", ".join(f"{c.letter} “{c.header}”" for c in layout.columns if c.header) or "—")
    areas = AreaNames(store)
    total = max(len(chosen.rows) - layout.data_start, 0)
    rows: list[PlannedEntry] = []
    for done, record in enumerate(register_records(chosen, layout, register)):
        if done % PROGRESS_EVERY == 0:
            progress("check", done, total)
        rows.append(check_entry_row(store, table, record, areas))
    if not rows:
        raise FrontDeskError("import.register.no_rows", path=path.name, sheet=chosen.name)
    progress("duplicates", len(rows), len(rows))
    mark_entry_duplicates(store, table, rows)
    progress("check", len(rows), len(rows))
    return RegisterPlan(register, table, path, chosen.name, layout, rows)


def apply_register_import(store: Store, plan: RegisterPlan, *, skip_invalid: bool = False, dry_run: bool = False,
                          progress: ProgressCallback | None = None) -> RegisterImportResult:
    """Write the plan's new rows in one transaction, after a backup. Any invalid
    row and not ``skip_invalid``: nothing is written (``written`` False, every
    problem listed). ``dry_run``: the same counts, nothing written. A row that
    is by now in the register (stored since the plan was made) is a duplicate too."""
    progress = progress or ignore_progress
    problems = plan.problems()
    invalid = len(plan.invalid())
    result = RegisterImportResult(plan.register, len(plan.rows), 0, 0, invalid, problems, dry_run=dry_run)
    if problems and not skip_invalid:
        result.skipped, result.blocked = len(plan.rows), True
        return result
    if not dry_run:
        _recheck_duplicates(store, plan)
    new = plan.to_insert()
    result.duplicate_rows = [(r.row, r.duplicate) for r in plan.rows if r.duplicate is not None]
    result.duplicates = len(result.duplicate_rows)
    result.inserted = len(new)
    if dry_run or not new:
        return result
    progress("backup", 0, len(new))
    result.backup = create_backup(store.conn, backups_dir_for(store.path), reason="before-import",
                                  when=store.clock.now())
    progress("write", 0, len(new))
    try:
        with store.transaction():
            result.ids = insert_register_rows(store, plan.table, [r.values for r in new], note=plan.path.name)
    except sqlite3.IntegrityError as exc:
        # A residential area removed, or the like, between the check and now.
        raise Conflict("import.changed_meanwhile", detail=str(exc)) from exc
    result.written = True
    progress("write", len(new), len(new))
    store.events.emit(EVENTS[plan.table], ids=result.ids)
    return result


def _recheck_duplicates(store: Store, plan: RegisterPlan) -> None:
    """Records stored since the plan was made (the same file imported twice
    from two windows): their rows become duplicates now."""
    stored = stored_keys(store, plan.table)
    for planned in plan.rows:
        if not planned.problems and planned.duplicate is None:
            record_id = stored.get(row_key(plan.table, planned.values))
            if record_id is not None:
                planned.duplicate = RegisterDuplicate("in_database", record_id=record_id)
