"""``import petitions|fund|cases``: a register kept in Excel into its register
(``app.importing.register_import``), with the roster import's safety: every
problem by Excel row and column, nothing written with an invalid row unless
``--skip-invalid``, ``--dry-run`` never writes, rows already in the register
left out. ``import_commands`` adds these parsers under ``import``."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from app import messages
from app.cli.import_problems import grouped_problems
from app.cli.output import print_json as _print_json
from app.cli.parsing import Say
from app.db.storage import open_store
from app.errors import FrontDeskError


# -- the registers: petitions, fund entries, cases ------------------------------------

messages.register(
    {
        "cli.import.register.file": (
            "Tệp {path}, trang “{sheet}”: {rows} dòng dữ liệu ({what}).",
            "{path}, sheet “{sheet}”: {rows} data rows ({what_en}).",
        ),
        "cli.import.register.duplicates": (
            "{count} dòng trùng với sổ hoặc với dòng trước của tệp, bỏ qua (không thêm hai lần):",
            "{count} row(s) already in the register or earlier in the file, left out (not added twice):",
        ),
        "cli.import.register.done": (
            "Đã nhập: thêm {inserted}, trùng bỏ qua {duplicates}, lỗi bỏ qua {skipped}.",
            "Imported: {inserted} added, {duplicates} duplicate(s) left out, {skipped} invalid row(s) left out.",
        ),
        "cli.import.register.dry_run": (
            "Chạy thử, không ghi gì: sẽ thêm {inserted}, trùng bỏ qua {duplicates}, lỗi bỏ qua {skipped}.",
            "Dry run, nothing written: {inserted} would be added, {duplicates} duplicate(s) left out, "
            "{skipped} invalid row(s) left out.",
        ),
        "cli.import.register.nothing_new": (
            "Không có dòng mới nào để thêm: mọi dòng hợp lệ đã có trong sổ.",
            "Nothing new to add: every valid row is already in the register.",
        ),
    }
)
_REGISTER_HELP = {
    "petitions": (("sổ theo dõi ý kiến, kiến nghị của cử tri và Nhân dân (.xlsx, .xls, .ods)",
                   "a register of voters' and citizens' petitions (.xlsx, .xls, .ods)"),
                  ("cột: Ngày tiếp nhận, Hình thức, Người gửi, Nội dung; có thể thêm Thôn, Lĩnh vực, Chuyển đến, "
                   "Ngày chuyển, Hạn trả lời, Ngày trả lời, Nội dung trả lời, Ngày kết thúc, Ghi chú",
                   "columns: received on, channel, from, content; optionally area, field, forwarded to and on, "
                   "due date, answer date and text, closed on, note")),
    "fund": (("sổ thu, chi Quỹ Vì người nghèo và các quỹ xã hội (.xlsx, .xls, .ods)",
              "a cash book of the fund for the poor and the other social funds (.xlsx, .xls, .ods)"),
             ("cột: Ngày, Người ủng hộ/người nhận (hoặc Diễn giải), và Thu, Chi (hoặc Số tiền và Thu/chi); có thể "
              "thêm Quỹ, Mục đích chi, Số chứng từ, Thôn, Ghi chú",
              "columns: date, donor or beneficiary (or description), and receipt and spending (or amount and "
              "direction); optionally fund, purpose, document number, area, note")),
    "cases": (("sổ theo dõi vụ việc: thanh tra nhân dân, giám sát đầu tư, hòa giải, giám sát, phản biện (.xlsx, "
               ".xls, .ods)",
               "a register of oversight cases: inspection, investment supervision, mediation, supervision, "
               "criticism (.xlsx, .xls, .ods)"),
              ("cột: Loại, Ngày bắt đầu, Tên vụ việc; có thể thêm Thôn, Các bên, Kết quả kiểm tra, Kiến nghị, "
               "Ngày kết thúc, Kết quả, Ghi chú",
               "columns: kind, opened on, title; optionally area, parties, findings, recommendation, closed on, "
               "outcome, note")),
}


def add_register_parsers(what, common, say: Say) -> None:
    for register, (summary, columns) in _REGISTER_HELP.items():
        r = what.add_parser(register, help=say(*summary), description=say(*columns))
        r.add_argument("file", type=Path, metavar=say("TỆP", "FILE"),
                       help=say("tệp cần nhập", "the file to import"))
        r.add_argument("--dry-run", action="store_true",
                       help=say("chỉ kiểm tra và báo cáo, không ghi gì", "check and report, write nothing"))
        r.add_argument("--skip-invalid", action="store_true",
                       help=say("nhập các dòng hợp lệ, liệt kê các dòng còn lại",
                                "import the valid rows, list the others"))
        r.add_argument("--sheet", metavar=say("TÊN", "NAME"),
                       help=say("trang cần đọc (mặc định: trang có nhiều cột nhận ra nhất)",
                                "the sheet to read (default: the one with the most columns recognised)"))
        common(r, json_flag=True)
        r.set_defaults(handler=cmd_import_register, register=register)


def cmd_import_register(args: argparse.Namespace, out: TextIO) -> int:
    from app.importing.register_import import apply_register_import, plan_register_import

    with open_store(args.database, clock=args.clock) as store:
        try:
            plan = plan_register_import(store, args.register, args.file, sheet=args.sheet)
        except FrontDeskError as exc:
            if not args.json:
                raise
            _print_json(out, _register_refused(args.register, args.file, exc, args.lang, args.dry_run))
            return 1
        result = apply_register_import(store, plan, skip_invalid=args.skip_invalid, dry_run=args.dry_run)
    if args.json:
        _print_json(out, result.as_json(plan, args.lang))
    else:
        _print_register_report(out, plan, result, args.lang)
    return 1 if result.blocked else 0


def _register_refused(register: str, path: Path, exc: FrontDeskError, lang: str, dry_run: bool) -> dict:
    problem = {"row": None, "column": None, "field": None, "value": Path(path).name,
               "message": messages.describe(exc, lang)}
    return {"register": register, "file": Path(path).name, "sheet": None, "rows": 0, "inserted": 0,
            "duplicates": 0, "skipped": 0, "problems": [problem], "written": False, "blocked": True,
            "dry_run": dry_run}


def _print_register_report(out: TextIO, plan: Any, result: Any, lang: str) -> None:
    def say(code: str, **params: Any) -> None:
        print(messages.text(code, lang, **params), file=out)

    what = f"import.register.what.{plan.register}"
    say("cli.import.register.file", path=plan.path.name, sheet=plan.sheet, rows=len(plan.rows),
        what=messages.text(what, "vi"), what_en=messages.text(what, "en"))
    say("cli.import.columns", columns=", ".join(
        f"{c.letter} → {messages.field_name(c.field, lang)}" for c in plan.understood()))
    unknown = plan.unknown()
    if unknown:
        say("cli.import.unknown_columns", columns=", ".join(f"{c.letter} “{c.header}”" for c in unknown))
    if result.problems:
        say("cli.import.problems", count=len(result.problems), rows=len({p.row for p in result.problems}))
        for line in grouped_problems(result.problems, lang):
            print("  " + line, file=out)
    if result.duplicate_rows:
        say("cli.import.register.duplicates", count=len(result.duplicate_rows))
        for row, duplicate in result.duplicate_rows:
            print("  " + duplicate.describe(row, lang), file=out)
    if result.blocked:  # the advice that helps, last
        bad_rows = len({p.row for p in result.problems})
        if bad_rows >= len(plan.rows):
            say("cli.import.blocked_none_valid", rows=bad_rows)
        else:
            say("cli.import.blocked", rows=bad_rows, valid=len(plan.rows) - bad_rows)
        return
    counts = {"inserted": result.inserted, "duplicates": result.duplicates, "skipped": result.skipped}
    say("cli.import.register.dry_run" if result.dry_run else "cli.import.register.done", **counts)
    if not result.inserted and result.duplicates and not result.dry_run:
        say("cli.import.register.nothing_new")
    if result.backup:
        say("cli.import.backup", path=result.backup)
