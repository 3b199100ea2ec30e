"""``import members``: a roster from Excel into the commune database.

Every problem is listed with its Excel row and column; with any invalid row
nothing is written (exit 1) unless ``--skip-invalid``; ``--dry-run`` never
writes. ``--json`` prints the shape DESIGN.md promises scripts.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from app import messages
from app.cli.output import print_json as _print_json
from app.errors import FrontDeskError
from app.importing.plan import DUPLICATE_CHOICES, ImportPlan, ImportResult, apply_import, plan_import
from app.db.storage import open_store

COMMANDS: list = []

messages.register(
    {
        "cli.import.file": (
            "Tệp {path}, trang “{sheet}”: {rows} dòng dữ liệu.",
            "{path}, sheet “{sheet}”: {rows} data rows.",
        ),
        "cli.import.columns": ("Các cột đã hiểu: {columns}.", "Columns understood: {columns}."),
        "cli.import.unknown_columns": (
            "Các cột không nhận ra, bỏ qua: {columns}.",
            "Columns not recognised, left out: {columns}.",
        ),
        "cli.import.problems": ("Có {count} lỗi ở {rows} dòng:", "{count} problem(s) in {rows} row(s):"),
        "cli.import.repairs": ("Đã tự sửa {count} chỗ:", "{count} value(s) repaired:"),
        "cli.import.duplicates": ("{count} dòng trùng:", "{count} duplicate row(s):"),
        "cli.import.action.skip": ("bỏ qua", "skipped"),
        "cli.import.action.update": ("cập nhật", "updated"),
        "cli.import.action.add": ("vẫn thêm", "added anyway"),
        "cli.import.done": (
            "Đã nhập: thêm {inserted} người, cập nhật {updated}, bỏ qua {skipped}.",
            "Imported: {inserted} added, {updated} updated, {skipped} left out.",
        ),
        "cli.import.dry_run": (
            "Chạy thử, không ghi gì: sẽ thêm {inserted} người, cập nhật {updated}, bỏ qua {skipped}.",
            "Dry run, nothing written: {inserted} would be added, {updated} updated, {skipped} left out.",
        ),
        "cli.import.blocked": (
            "Không ghi gì vì {rows} dòng có lỗi. Hãy sửa tệp rồi nhập lại, hoặc dùng --skip-invalid "
            "để chỉ nhập các dòng hợp lệ.",
            "Nothing was written: {rows} row(s) have problems. Correct the file and import again, or use "
            "--skip-invalid to import only the valid rows.",
        ),
        "cli.import.new_areas": (
            "Tệp có {count} khu dân cư chưa có trong xã: {areas}. Thêm chúng (kèm ban công tác Mặt trận "
            "và các chi hội) bằng --add-areas, hoặc sửa tên trong tệp.",
            "The file names {count} residential area(s) this commune does not have: {areas}. Add them (with "
            "their Front work committee and branches) with --add-areas, or correct the names in the file.",
        ),
        "cli.import.areas_added": ("Đã thêm {count} khu dân cư: {areas}.", "Added {count} residential area(s): {areas}."),
        "cli.import.areas_to_add": ("Sẽ thêm {count} khu dân cư: {areas}.", "Would add {count} residential area(s): {areas}."),
        "cli.import.area_rows": ("{name} ({rows} dòng)", "{name} ({rows} rows)"),
        "cli.import.backup": ("Bản sao lưu trước khi nhập: {path}", "Backup made before the import: {path}"),
    }
)


def command(fn):
    COMMANDS.append(fn)
    return fn


@command
def _register_import(sub, common) -> None:
    p = sub.add_parser("import", help="import data from a spreadsheet")
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__, metavar="members")
    m = what.add_parser("members", help="a member roster (.xlsx, .xls, .ods)")
    m.add_argument("file", type=Path, metavar="FILE")
    m.add_argument("--org", metavar="ORG", help="also make everyone a member of this organization (code or name)")
    m.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    m.add_argument("--skip-invalid", action="store_true", help="import the valid rows, list the others")
    m.add_argument(
        "--duplicates", choices=DUPLICATE_CHOICES, default="skip",
        help="rows that match someone: skip (default), update the stored person, or add anyway",
    )
    m.add_argument(
        "--add-areas", action="store_true",
        help="add the residential areas the file names and the commune does not have yet",
    )
    m.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the one that looks like a roster)")
    m.add_argument(
        "--column", action="append", type=_column_choice, default=[], metavar="LETTER=FIELD",
        help="say what a column holds when it is not recognised, e.g. --column B=full_name --column H= "
        "(empty: leave the column out); remembered for the next file with the same header",
    )
    common(m, json_flag=True)
    m.set_defaults(handler=cmd_import_members)


def _column_choice(text: str) -> tuple[int, str | None]:
    """"B=full_name" -> (1, "full_name"); "H=" -> (7, None)."""
    from app.importing.layout import FIELDS

    letters, _, field = text.partition("=")
    letters, field = letters.strip().upper(), field.strip()
    if not _ or not letters.isalpha() or not letters.isascii() or len(letters) > 3:
        raise argparse.ArgumentTypeError(f"{text!r}: LETTER=FIELD, e.g. B=full_name")
    if field and field not in FIELDS:
        raise argparse.ArgumentTypeError(f"{field!r} is not one of: {', '.join(FIELDS)}")
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1, field or None


def cmd_import_members(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.organizations import find_organization

    with open_store(args.database, clock=args.clock) as store:
        org_id = find_organization(store, args.org) if args.org else None
        try:
            plan = plan_import(
                store, args.file, org_id=org_id, sheet=args.sheet, mapping=dict(args.column) or None,
                add_areas=args.add_areas,
            )
        except FrontDeskError as exc:
            if not args.json:
                raise
            _print_json(out, _file_refused(args.file, exc, args.lang))
            return 1
        result = apply_import(
            store, plan, skip_invalid=args.skip_invalid, duplicates=args.duplicates, dry_run=args.dry_run
        )
    if args.json:
        _print_json(out, _as_json(plan, result, args.duplicates, args.lang))
    else:
        _print_report(out, plan, result, args.duplicates, args.lang, blocked=bool(result.errors) and not args.skip_invalid)
    return 1 if result.errors and not args.skip_invalid else 0


def _file_refused(path: Path, exc: FrontDeskError, lang: str) -> dict:
    error = {"row": None, "column": None, "value": Path(path).name, "message": messages.describe(exc, lang)}
    return {"inserted": 0, "updated": 0, "skipped": 0, "errors": [error], "written": False}


def _as_json(plan: ImportPlan, result: ImportResult, duplicates: str, lang: str) -> dict:
    payload = result.as_json(lang)
    payload["repaired"] = [
        {"row": r.row, "column": r.cells.get(name, ""), "field": name, "value": params.get("value"),
         "original": params.get("original"), "message": text}
        for r in plan.repaired()
        for (name, _code, params), text in zip(r.notes, r.note_texts(lang))
    ]
    payload["duplicates"] = [
        {"row": r.row, "kind": r.duplicate.kind, "reason": r.duplicate.reason, "same_row": r.duplicate.row,
         "person_id": r.duplicate.person_id, "action": duplicates, "message": r.duplicate.describe(r.row, lang)}
        for r in plan.duplicates()
    ]
    payload["sheet"] = plan.sheet
    payload["rows"] = len(plan.rows)
    if result.backup:
        payload["backup"] = str(result.backup)
    return payload


def _print_report(
    out: TextIO, plan: ImportPlan, result: ImportResult, duplicates: str, lang: str, *, blocked: bool
) -> None:
    def say(code: str, **params: Any) -> None:
        print(messages.text(code, lang, **params), file=out)

    say("cli.import.file", path=plan.path.name, sheet=plan.sheet, rows=len(plan.rows))
    layout = plan.layout
    columns = ", ".join(f"{c.letter} → {messages.field_name(c.field, lang)}" for c in layout.columns if c.field)
    say("cli.import.columns", columns=columns)
    unknown = layout.unknown()
    if unknown:
        say("cli.import.unknown_columns", columns=", ".join(f"{c.letter} “{c.header}”" for c in unknown))
    if result.errors:
        say("cli.import.problems", count=len(result.errors), rows=len({p.row for p in result.errors}))
        for problem in result.errors:
            print("  " + problem.message(lang), file=out)
    repaired = [line for r in plan.repaired() for line in r.note_texts(lang)]
    if repaired:
        say("cli.import.repairs", count=len(repaired))
        for line in repaired:
            print("  " + line, file=out)
    dups = plan.duplicates()
    if dups:
        say("cli.import.duplicates", count=len(dups))
        action = messages.text(f"cli.import.action.{duplicates}", lang)
        for r in dups:
            print(f"  {r.duplicate.describe(r.row, lang)} — {action}", file=out)
    if plan.new_areas and not plan.add_areas:
        counts = plan.new_area_rows()
        shown = ", ".join(messages.text("cli.import.area_rows", lang, name=n, rows=k) for n, k in counts.items())
        say("cli.import.new_areas", count=len(counts), areas=shown)
    if blocked:
        say("cli.import.blocked", rows=len({p.row for p in result.errors}))
        return
    if result.areas_added:
        key = "cli.import.areas_to_add" if result.dry_run else "cli.import.areas_added"
        say(key, count=len(result.areas_added), areas=", ".join(result.areas_added))
    key = "cli.import.dry_run" if result.dry_run else "cli.import.done"
    say(key, inserted=result.inserted, updated=result.updated, skipped=result.skipped)
    if result.backup:
        say("cli.import.backup", path=result.backup)
