"""``import members``: a roster from Excel into the commune database;
``import petitions|fund|cases``: a register kept in Excel into its register.

Every problem is listed with its Excel row and column; with any invalid row
nothing is written (exit 1) unless ``--skip-invalid``; ``--dry-run`` never
writes. ``--json`` prints the shape DESIGN.md promises scripts. The registers'
half is in ``app.cli.register_import_commands``.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from app import messages
from app.cli.output import print_json as _print_json
from app.cli.import_problems import grouped_problems, row_list
from app.cli.parsing import Say
from app.cli.register_import_commands import add_register_parsers
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
            "để chỉ nhập {valid} dòng hợp lệ.",
            "Nothing was written: {rows} row(s) have problems. Correct the file and import again, or use "
            "--skip-invalid to import only the {valid} valid row(s).",
        ),
        "cli.import.blocked_none_valid": (
            "Không ghi gì: cả {rows} dòng đều có lỗi. Hãy sửa tệp theo các lỗi trên rồi nhập lại.",
            "Nothing was written: all {rows} row(s) have problems. Correct the file as listed above and "
            "import again.",
        ),
        "cli.import.blocked_areas": (
            "Không ghi gì: {rows} dòng ghi khu dân cư chưa có trong xã. Nếu đó là khu dân cư của xã, chạy "
            "lại lệnh với --add-areas để thêm chúng (kèm ban công tác Mặt trận và các chi hội); nếu không, "
            "sửa tên trong tệp.",
            "Nothing was written: {rows} row(s) name residential areas this commune does not have. If they "
            "are the commune's, run the command again with --add-areas to add them (with their Front work "
            "committee and branches); otherwise correct the names in the file.",
        ),
        "cli.import.same_problem": (
            "{count} dòng ({rows}), cột {column}: {reason}",
            "{count} rows ({rows}), column {column}: {reason}",
        ),
        # what many repairs of one kind have in common, said once for all of them
        "cli.import.kind.citizen_id.leading_zeros_restored": (
            "số CCCD bị mất số 0 ở đầu (thường do Excel), đã khôi phục",
            "citizen ID that lost its leading zeros (usually Excel), restored",
        ),
        "cli.import.kind.citizen_id.separators_removed": (
            "số CCCD có dấu cách hoặc dấu chấm, đã bỏ", "citizen ID with spaces or dots, removed",
        ),
        "cli.import.kind.phone.leading_zero_restored": (
            "số điện thoại bị mất số 0 ở đầu (thường do Excel), đã khôi phục",
            "phone number that lost its leading zero (usually Excel), restored",
        ),
        "cli.import.kind.phone.old_prefix_converted": (
            "số điện thoại đầu số cũ (11 số), đã đổi sang đầu số mới",
            "phone number with an old 11-digit prefix, changed to the new prefix",
        ),
        "cli.import.kind.date.month_dropped": (
            "ngày sinh chỉ có tháng và năm, đã giữ năm", "birth date with only a month and year, year kept",
        ),
        "cli.import.kind.date.two_digit_year": (
            "năm sinh viết 2 chữ số, đã đọc thành 4 chữ số", "two-digit birth year, read as four digits",
        ),
        "cli.import.same_repair": (
            "{count} dòng ({rows}), cột {column}: {reason} (ví dụ dòng {first})",
            "{count} rows ({rows}), column {column}: {reason} (e.g. row {first})",
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
def _register_import(sub, common, say: Say) -> None:
    p = sub.add_parser("import", help=say("nhập dữ liệu từ bảng tính", "import data from a spreadsheet"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__,
                            metavar="members|petitions|fund|cases")
    m = what.add_parser("members", help=say("danh sách hội viên, đoàn viên (.xlsx, .xls, .ods)",
                                            "a member roster (.xlsx, .xls, .ods)"))
    m.add_argument("file", type=Path, metavar=say("TỆP", "FILE"),
                   help=say("tệp danh sách cần nhập", "the roster file to import"))
    m.add_argument("--org", metavar=say("TỔ_CHỨC", "ORG"),
                   help=say("đồng thời ghi mọi người là hội viên của tổ chức này (mã hoặc tên)",
                            "also make everyone a member of this organization (code or name)"))
    m.add_argument("--dry-run", action="store_true",
                   help=say("chỉ kiểm tra và báo cáo, không ghi gì", "check and report, write nothing"))
    m.add_argument("--skip-invalid", action="store_true",
                   help=say("nhập các dòng hợp lệ, liệt kê các dòng còn lại", "import the valid rows, list the others"))
    m.add_argument(
        "--duplicates", choices=DUPLICATE_CHOICES, default="skip",
        help=say("dòng trùng với người đã có: skip bỏ qua (mặc định), update cập nhật người đã lưu, "
                 "add vẫn thêm",
                 "rows that match someone: skip (default), update the stored person, or add anyway"),
    )
    m.add_argument(
        "--add-areas", action="store_true",
        help=say("thêm các khu dân cư có trong tệp mà xã chưa có",
                 "add the residential areas the file names and the commune does not have yet"),
    )
    m.add_argument("--sheet", metavar=say("TÊN", "NAME"),
                   help=say("trang cần đọc (mặc định: trang trông giống danh sách nhất)",
                            "the sheet to read (default: the one that looks like a roster)"))
    m.add_argument(
        "--column", action="append", type=_column_choice(say), default=[], metavar=say("CỘT=TRƯỜNG", "LETTER=FIELD"),
        help=say("cho biết một cột chứa gì khi không nhận ra được, ví dụ --column B=full_name --column H= "
                 "(để trống: bỏ cột đó); được nhớ cho tệp sau có cùng dòng tiêu đề",
                 "say what a column holds when it is not recognised, e.g. --column B=full_name --column H= "
                 "(empty: leave the column out); remembered for the next file with the same header"),
    )
    common(m, json_flag=True)
    m.set_defaults(handler=cmd_import_members)
    add_register_parsers(what, common, say)


def _column_choice(say: Say):
    """The type of ``--column``: "B=full_name" -> (1, "full_name"); "H=" -> (7, None)."""

    def column(text: str) -> tuple[int, str | None]:
        from app.importing.layout import FIELDS

        letters, equals, field = text.partition("=")
        letters, field = letters.strip().upper(), field.strip()
        if not equals or not letters.isalpha() or not letters.isascii() or len(letters) > 3:
            raise argparse.ArgumentTypeError(say(f"{text!r}: viết CỘT=TRƯỜNG, ví dụ B=full_name",
                                                 f"{text!r}: LETTER=FIELD, e.g. B=full_name"))
        if field and field not in FIELDS:
            raise argparse.ArgumentTypeError(say(f"{field!r} không phải một trong: {', '.join(FIELDS)}",
                                                 f"{field!r} is not one of: {', '.join(FIELDS)}"))
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - 64
        return index - 1, field or None

    return column


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
        for line in grouped_problems(result.errors, lang):
            print("  " + line, file=out)
    repaired = [(r.row, r.cells.get("area" if name == "area_id" else name, ""), code, text)
                for r in plan.repaired() for (name, code, _params), text in zip(r.notes, r.note_texts(lang))]
    if repaired:
        say("cli.import.repairs", count=len(repaired))
        for line in _grouped_repairs(repaired, lang):
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
    if blocked:  # the advice that helps, last
        bad_rows = {p.row for p in result.errors}
        if all(p.code == "import.area_new" for p in result.errors):
            say("cli.import.blocked_areas", rows=len(bad_rows))
        elif len(bad_rows) >= len(plan.rows):
            say("cli.import.blocked_none_valid", rows=len(bad_rows))
        else:
            say("cli.import.blocked", rows=len(bad_rows), valid=len(plan.rows) - len(bad_rows))
        return
    if result.areas_added:
        key = "cli.import.areas_to_add" if result.dry_run else "cli.import.areas_added"
        say(key, count=len(result.areas_added), areas=", ".join(result.areas_added))
    key = "cli.import.dry_run" if result.dry_run else "cli.import.done"
    say(key, inserted=result.inserted, updated=result.updated, skipped=result.skipped)
    if result.appointments:
        say("import.appointments_to_make" if result.dry_run else "import.appointments_made", count=result.appointments)
    if result.backup:
        say("cli.import.backup", path=result.backup)


_REPAIR_KINDS = frozenset(f"cli.import.kind.{code}" for code in (
    "citizen_id.leading_zeros_restored", "citizen_id.separators_removed", "phone.leading_zero_restored",
    "phone.old_prefix_converted", "date.month_dropped", "date.two_digit_year"))


def _grouped_repairs(repairs: list[tuple[int, str, str, str]], lang: str) -> list[str]:
    """Repairs of one kind in one column (100 citizen IDs that lost their
    leading zeros) as one line with the count, the rows and one example."""
    groups: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for row, column, code, text in repairs:
        groups.setdefault((column, code), []).append((row, text))
    lines = []
    for (column, code), same in groups.items():
        if len(same) == 1 or not column:
            lines.extend(text for _row, text in same)
            continue
        kind = f"cli.import.kind.{code}"
        reason = messages.text(kind, lang) if kind in _REPAIR_KINDS else same[0][1]
        lines.append(messages.text("cli.import.same_repair", lang, count=len(same),
                                   rows=row_list([r for r, _t in same]), column=column, reason=reason,
                                   first=same[0][0]))
    return lines
