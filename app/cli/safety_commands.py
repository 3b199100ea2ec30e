"""``backup create | list | restore | copy``, ``changes`` and ``erase-person``:
keeping the commune's data safe from the command line."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from app import messages
from app.cli.output import print_json as _print_json
from app.cli.parsing import Say, whole_number
from app.db.backups import connect_readonly, human_size, list_backups, reason_text
from app.errors import FrontDeskError, InvalidValue
from app.paths import backups_dir_for
from app.text.dates import format_moment
from app.text.vietnamese import fold
from app.db.storage import open_store

COMMANDS: list = []

messages.register(
    {
        "cli.backup.created": ("Đã sao lưu: {path} ({size}).", "Backed up: {path} ({size})."),
        "cli.backup.none": ("Chưa có bản sao lưu nào trong {folder}.", "No backups yet in {folder}."),
        "cli.backup.header": (
            "{count} bản sao lưu trong {folder} (mới nhất trước):",
            "{count} backup(s) in {folder} (newest first):",
        ),
        "cli.backup.bad": ("HỎNG: {problem}", "DAMAGED: {problem}"),
        "cli.backup.restored": (
            "Đã khôi phục {commune} ({people} người) từ {path}.",
            "Restored {commune} ({people} people) from {path}.",
        ),
        "cli.backup.safety_copy": (
            "Dữ liệu trước khi khôi phục được giữ ở: {path}",
            "The data as it was before the restore is kept in: {path}",
        ),
        "cli.backup.kept_as_is": (
            "Cơ sở dữ liệu cũ (hỏng) được giữ nguyên trạng ở: {path}",
            "The old (damaged) database is kept as it was in: {path}",
        ),
        "cli.backup.copied": (
            "Đã chép và đọc lại để kiểm tra: {path} ({size}, SHA-256 {sha256}).",
            "Copied and read back to check: {path} ({size}, SHA-256 {sha256}).",
        ),
        "cli.backup.not_found": (
            "Không thấy tệp sao lưu {path} (cũng không có trong {folder}).",
            "No backup file {path} (nor in {folder}).",
        ),
        "cli.changes.none": ("Không có thay đổi nào khớp.", "No change matches."),
        "cli.changes.header": (
            "{count} thay đổi khớp (hiện {shown}, mới nhất trước):",
            "{count} change(s) match (showing {shown}, newest first):",
        ),
        "cli.changes.exported": ("Đã ghi {count} dòng vào {path}.", "Wrote {count} row(s) to {path}."),
        "cli.restore.confirm": (
            "Khôi phục sẽ thay toàn bộ dữ liệu hiện tại của {commune} bằng bản sao lưu {path} ({people} người); "
            "dữ liệu hiện tại được giữ lại thành một bản sao lưu an toàn. Chạy lại với --yes để khôi phục.",
            "Restoring replaces all of {commune}'s current data with the backup {path} ({people} people); the "
            "current data is kept as a safety backup. Run it again with --yes to restore.",
        ),
        "cli.restore.ask": (
            "Khôi phục sẽ thay toàn bộ dữ liệu hiện tại của {commune} bằng bản sao lưu {path} ({people} người); "
            "dữ liệu hiện tại được giữ lại thành một bản sao lưu an toàn. Khôi phục? Gõ c (có) hoặc k (không): ",
            "Restoring replaces all of {commune}'s current data with the backup {path} ({people} people); the "
            "current data is kept as a safety backup. Restore? Type y (yes) or n (no): ",
        ),
        "cli.restore.not_done": ("Chưa khôi phục gì.", "Nothing was restored."),
        "cli.erase.confirm": (
            "Xóa hẳn một người là không thể hoàn tác (trừ từ bản sao lưu). Hãy chạy lại với --yes.",
            "Erasing a person cannot be undone (except from a backup). Run it again with --yes.",
        ),
        "cli.erase.done": (
            "Đã xóa hẳn người số {person_id}: {memberships} hồ sơ hội viên, {appointments} chức danh, "
            "{task_assignments} phân công; {log_entries_scrubbed} mục nhật ký đã được xóa thông tin cá nhân.",
            "Erased person #{person_id}: {memberships} membership(s), {appointments} post(s), {task_assignments} "
            "task assignment(s); personal values removed from {log_entries_scrubbed} change-log entries.",
        ),
        "cli.erase.outbox_clean": (
            "Hộp thư đi: không có báo cáo nào đang chờ gửi mang tên người này.",
            "Outbox: no report waiting to be sent names this person.",
        ),
        "cli.erase.withdrawn": (
            "Hộp thư đi: đã rút {count} báo cáo chưa gửi có tên người này, và xóa bản sao ({names}). "
            "Chúng sẽ không được gửi; hãy xuất lại báo cáo rồi gửi.",
            "Outbox: withdrew {count} unsent report(s) that named this person and deleted the copies ({names}). "
            "They will not be sent; export the report again and send it.",
        ),
        "cli.erase.already_sent": (
            "Đã gửi trước đó, ngoài tầm của máy này: {count} báo cáo có tên người này ({names}); bản sao trên máy "
            "đã xóa. Hãy đề nghị nơi nhận xóa các tệp đó (docs/PRIVACY.md).",
            "Sent earlier and out of this PC's reach: {count} report(s) naming this person ({names}); the copies "
            "on this PC were deleted. Ask the recipient to delete those files (docs/PRIVACY.md).",
        ),
        "cli.bad_date": (
            "{field_name}: “{value}” không phải ngày (dd/mm/yyyy).",
            "{field_name}: “{value}” is not a date (dd/mm/yyyy).",
        ),
    }
)
messages.register_fields({"since": ("--since", "--since"), "until": ("--until", "--until")})


def command(fn):
    COMMANDS.append(fn)
    return fn


# -- backup --------------------------------------------------------------------


@command
def _register_backup(sub, common, say: Say) -> None:
    p = sub.add_parser("backup", help=say("sao lưu, xem các bản sao lưu, khôi phục một bản, chép một bản ra USB",
                                          "back up, list backups, restore one, copy one to a USB stick"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__, metavar="create|list|restore|copy")
    c = what.add_parser("create", help=say("sao lưu cơ sở dữ liệu ngay", "back up the database now"))
    common(c, json_flag=True)
    c.set_defaults(handler=cmd_backup_create)
    ls = what.add_parser("list", help=say("các bản sao lưu, mới nhất trước", "the backups, newest first"))
    ls.add_argument("--verify", action="store_true",
                    help=say("kiểm tra kỹ từng bản (quick_check của SQLite)", "also run SQLite's quick_check on each"))
    ls.add_argument("--all", action="store_true",
                    help=say("liệt kê cả các tệp bị hỏng", "also list damaged files"))
    common(ls, json_flag=True)
    ls.set_defaults(handler=cmd_backup_list)
    r = what.add_parser("restore", help=say("đặt một bản sao lưu trở lại (dữ liệu hiện tại được sao lưu trước)",
                                            "put a backup back in place (the current state is backed up first)"))
    r.add_argument("file", type=Path, metavar=say("TỆP", "FILE"),
                   help=say("tệp sao lưu (đường dẫn, hoặc tên tệp trong thư mục sao lưu)",
                            "the backup file (a path, or a name in the backup folder)"))
    r.add_argument("--force", action="store_true",
                   help=say("khôi phục cả khi bản sao lưu là của xã khác", "even when the backup is another commune's"))
    r.add_argument("--yes", action="store_true",
                   help=say("không hỏi lại: đồng ý thay dữ liệu hiện tại (cho tập lệnh)",
                            "do not ask: yes, replace the current data (for scripts)"))
    common(r, json_flag=True)
    r.set_defaults(handler=cmd_backup_restore)
    cp = what.add_parser("copy", help=say("chép một bản sao lưu (mặc định: bản mới nhất) vào một thư mục, ví dụ ổ USB",
                                          "copy a backup (default: the newest) to a folder, e.g. a USB stick"))
    cp.add_argument("file", type=Path, nargs="?", metavar=say("TỆP", "FILE"),
                    help=say("bản sao lưu cần chép (mặc định: bản mới nhất còn tốt)",
                             "the backup to copy (default: the newest good one)"))
    cp.add_argument("--to", type=Path, required=True, metavar=say("THƯ_MỤC", "FOLDER"),
                    help=say("thư mục đích, ví dụ ổ USB", "the folder to copy to, e.g. a USB stick"))
    common(cp, json_flag=True)
    cp.set_defaults(handler=cmd_backup_copy)


def cmd_backup_create(args: argparse.Namespace, out: TextIO) -> int:
    from app.safety.schedule import back_up

    with open_store(args.database, clock=args.clock) as store:
        path = back_up(store, "manual")
    size = path.stat().st_size
    if args.json:
        _print_json(out, {"path": str(path), "size": size})
    else:
        print(messages.text("cli.backup.created", args.lang, path=path, size=human_size(size)), file=out)
    return 0


def cmd_backup_list(args: argparse.Namespace, out: TextIO) -> int:
    from app.safety.retention import assign_tiers, tier_text

    folder = backups_dir_for(Path(args.database))
    backups = list_backups(folder, verify=args.verify, include_bad=args.all)
    tiers = assign_tiers([b for b in backups if b.good])
    if args.json:
        _print_json(out, [dict(b.as_json(), tier=tiers.get(b.path)) for b in backups])
        return 0
    if not backups:
        print(messages.text("cli.backup.none", args.lang, folder=folder), file=out)
        return 0
    print(messages.text("cli.backup.header", args.lang, count=len(backups), folder=folder), file=out)
    # the words of the language; --json keeps the names' own values ("before-restore", "monthly")
    reasons = [reason_text(b.reason, args.lang) for b in backups]
    states = [tier_text(tiers.get(b.path), args.lang) if b.good
              else messages.text("cli.backup.bad", args.lang, problem=b.problem) for b in backups]
    wide = max(len(r) for r in reasons)
    for b, reason, state in zip(backups, reasons, states):
        when = format_moment(b.created_at, seconds=True)
        print(f"  {when}  {human_size(b.size):>9}  {reason:<{wide}}  {state:<12}  {b.path.name}", file=out)
    return 0


def _backup_file(args: argparse.Namespace, given: Path) -> Path:
    """A path, or the bare name of a file in the database's backup folder."""
    if given.exists():
        return given
    folder = backups_dir_for(Path(args.database))
    if (folder / given.name).exists():
        return folder / given.name
    raise FrontDeskError("cli.backup.not_found", path=str(given), folder=str(folder))


def _confirm_restore(args: argparse.Namespace, backup: Path, out: TextIO) -> bool:
    """Replacing data the person has is asked first: at a terminal, a question;
    otherwise (a script, a scheduled task) only ``--yes`` says yes."""
    from app.safety.restore import inspect_backup

    database = Path(args.database)
    if args.yes or not database.exists():
        return True
    summary = inspect_backup(backup)  # refuses what is not a usable backup before anything is asked
    if not args.force and _commune_code(database) not in (None, summary.commune_code):
        return True  # another commune's backup: the restore refuses it without --force, nothing to ask
    words = {"commune": summary.commune_name, "path": backup.name, "people": summary.people}
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        raise FrontDeskError("cli.restore.confirm", **words)
    print(messages.text("cli.restore.ask", args.lang, **words), end="", file=out, flush=True)
    answer = fold(stdin.readline().strip())
    if answer in ("c", "co", "y", "yes"):
        return True
    print(messages.text("cli.restore.not_done", args.lang), file=out)
    return False


def _commune_code(database: Path) -> str | None:
    """The commune of the database in place, read without changing a byte;
    None when it cannot be read (a damaged database is what restoring is for)."""
    try:
        conn = connect_readonly(database)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = conn.execute("SELECT code FROM commune LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def cmd_backup_restore(args: argparse.Namespace, out: TextIO) -> int:
    from app.safety.restore import restore_backup

    backup = _backup_file(args, args.file)
    if not _confirm_restore(args, backup, out):
        return 1
    result = restore_backup(Path(args.database), backup, force=args.force, clock=args.clock)
    if args.json:
        _print_json(out, result.as_json())
        return 0
    s = result.restored_from
    say = lambda code, **kw: print(messages.text(code, args.lang, **kw), file=out)  # noqa: E731
    say("cli.backup.restored", commune=s.commune_name, people=s.people, path=s.path)
    if result.safety_copy:
        say("cli.backup.safety_copy", path=result.safety_copy)
    for kept in result.kept_as_is:
        say("cli.backup.kept_as_is", path=kept)
    return 0


def cmd_backup_copy(args: argparse.Namespace, out: TextIO) -> int:
    from app.db.backups import newest_good_backup
    from app.safety.usb_copy import copy_backup_to

    if args.file is not None:
        source = _backup_file(args, args.file)
    else:
        folder = backups_dir_for(Path(args.database))
        newest = newest_good_backup(folder)
        if newest is None:
            raise FrontDeskError("cli.backup.none", folder=str(folder))
        source = newest.path
    copied = copy_backup_to(source, args.to)
    if args.json:
        _print_json(out, copied.as_json())
    else:
        print(messages.text("cli.backup.copied", args.lang, path=copied.path, size=human_size(copied.size),
                            sha256=copied.sha256), file=out)
    return 0


# -- changes -------------------------------------------------------------------


def _day(text: str | None, field: str) -> date | None:
    from app.text.dates import parse_date

    if not text:
        return None
    try:
        parsed = parse_date(text, field=field, allow_year_only=False, allow_future=True)
    except InvalidValue:
        parsed = None
    if parsed is None or parsed.to_date() is None:
        raise InvalidValue("cli.bad_date", field=field, value=text)
    return parsed.to_date()


@command
def _register_changes(sub, common, say: Say) -> None:
    p = sub.add_parser("changes", help=say("nhật ký thay đổi: ai đã sửa gì, vào lúc nào",
                                           "the change log: who changed what, and when"))
    p.add_argument("--since", metavar="dd/mm/yyyy", help=say("từ ngày này", "from this day"))
    p.add_argument("--until", metavar="dd/mm/yyyy", help=say("đến hết ngày này", "up to this day (included)"))
    p.add_argument("--who", metavar=say("NGƯỜI_DÙNG", "USER"),
                   help=say("chỉ các thay đổi của người dùng này", "only the changes of this user"))
    p.add_argument("--table", action="append", default=[], metavar=say("BẢNG", "TABLE"),
                   help=say("bảng dữ liệu: person, membership, task...", "person, membership, task..."))
    p.add_argument("--person", type=whole_number(say), metavar=say("SỐ", "ID"),
                   help=say("thay đổi của một người (và hội viên, chức danh, công việc của người đó)",
                            "changes of one person (and their memberships, posts, tasks)"))
    p.add_argument("--limit", type=whole_number(say), default=50, metavar="N",
                   help=say("hiện nhiều nhất N thay đổi (mặc định 50)", "show at most N changes (default 50)"))
    p.add_argument("--out", type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"),
                   help=say("ghi mọi thay đổi khớp vào một tệp Excel", "write every matching change to an Excel file"))
    p.add_argument("--show-citizen-ids", action="store_true",
                   help=say("số CCCD đầy đủ (mặc định được che)", "citizen IDs in full (masked by default)"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_changes)


def cmd_changes(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.change_log import ChangeFilter, count_changes, list_changes
    from app.domain.change_words import changes_in_words
    from app.reports.change_log_export import export_changes

    if not 1 <= args.limit <= 10_000:
        raise InvalidValue("cli.limit_range", field="limit", value=args.limit)
    flt = ChangeFilter(
        since=_day(args.since, "since"), until=_day(args.until, "until"), actor=args.who,
        tables=tuple(args.table), person_id=args.person,
    )
    reveal = args.show_citizen_ids
    with open_store(args.database, clock=args.clock) as store:
        if args.out:
            count = export_changes(store, args.out, flt, lang=args.lang, reveal_citizen_ids=reveal)
            if args.json:
                _print_json(out, {"path": str(args.out), "count": count})
            else:
                print(messages.text("cli.changes.exported", args.lang, count=count, path=args.out), file=out)
            return 0
        page = list_changes(store, flt, limit=args.limit, reveal_citizen_ids=reveal)
        if args.json:
            _print_json(out, [e.as_json() for e in page.entries])
            return 0
        total = count_changes(store, flt) if page.entries else 0
        changes = changes_in_words(store, page.entries, args.lang)  # names read while the store is open
    if not changes:
        print(messages.text("cli.changes.none", args.lang), file=out)
        return 0
    print(messages.text("cli.changes.header", args.lang, count=total, shown=len(changes)), file=out)
    note_label = messages.text("changes.field.note", args.lang)
    for change in changes:
        what = f"{change.what} — {change.which}" if change.which else change.what
        print(f"{change.when}  {change.who:<12} {what}", file=out)
        for line in change.lines:
            print(f"    {line}", file=out)
        if change.note:
            print(f"    {note_label}: {change.note}", file=out)
    return 0


# -- erase-person --------------------------------------------------------------


@command
def _register_erase(sub, common, say: Say) -> None:
    p = sub.add_parser("erase-person", help=say("xóa hẳn một người theo yêu cầu (docs/PRIVACY.md); không hoàn tác được",
                                                "erase a person on request (docs/PRIVACY.md); cannot be undone"))
    p.add_argument("person_id", type=whole_number(say), metavar=say("SỐ", "ID"),
                   help=say("số của người cần xóa (cột đầu của frontdesk search)",
                            "the person's number (the first column of frontdesk search)"))
    p.add_argument("--yes", action="store_true", help=say("đồng ý, xóa hẳn", "yes, erase"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_erase_person)


def cmd_erase_person(args: argparse.Namespace, out: TextIO) -> int:
    from app.safety.schedule import back_up
    from app.sending.withdrawal import erase_person_everywhere

    if not args.yes:
        raise FrontDeskError("cli.erase.confirm")
    from app.db import logged

    with open_store(args.database, clock=args.clock) as store:
        logged.require(store, "person", args.person_id)
        back_up(store, "before-erasure")  # a mistaken id can still be taken back
        # the person leaves the outbox's waiting reports in the same transaction
        result = erase_person_everywhere(store, args.person_id)
    if args.json:
        _print_json(out, result.as_json())
        return 0
    print(messages.text("cli.erase.done", args.lang, **result.erasure.__dict__), file=out)
    if result.withdrawn:
        print(messages.text("cli.erase.withdrawn", args.lang, count=len(result.withdrawn),
                            names=", ".join(result.withdrawn)), file=out)
    else:
        print(messages.text("cli.erase.outbox_clean", args.lang), file=out)
    if result.already_sent:
        print(messages.text("cli.erase.already_sent", args.lang, count=len(result.already_sent),
                            names=", ".join(result.already_sent)), file=out)
    return 0
