"""``init``, ``demo``, ``search`` and ``check``: the commands of the core."""
from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path
from typing import TextIO

from app import durable
from app import __version__, messages
from app.cli.output import print_json as _print_json
from app.cli.parsing import whole_number
from app.text.admin_units import all_communes, find_commune, list_version, province, provinces, search_communes
from app.text.vietnamese import fold
from app.domain.commune import create_commune_database, get_commune, is_demo, move_demo_aside
from app.text.dates import format_date
from app.errors import DatabaseProblem, InvalidValue
from app.db.migrations import SCHEMA_VERSION
from app.db.storage import open_store, sqlite_problem
from app.paths import demo_database_for

messages.register(
    {
        "cli.init.done": (
            "Đã tạo cơ sở dữ liệu cho {commune}, {province} (mã {code}) tại {path}",
            "Created the database for {commune}, {province} (code {code}) at {path}",
        ),
        "cli.demo.done": (
            "Đã tạo xã mẫu {commune}, {province}: {people} người, {areas} khu dân cư, "
            "{tasks} công việc ({overdue} quá hạn), {vacant} suất còn trống, "
            "{concurrent} người kiêm nhiệm — {seconds:.1f} giây. Tệp: {path}",
            "Built the demo commune {commune}, {province}: {people} people, {areas} residential "
            "areas, {tasks} tasks ({overdue} overdue), {vacant} vacant seats, {concurrent} "
            "concurrent holders — {seconds:.1f} s. File: {path}",
        ),
        "cli.demo.not_demo": (
            "Tệp {path} chứa dữ liệu thật của xã, không phải xã mẫu: không ghi đè.",
            "{path} holds a real commune, not a demo: it is not overwritten.",
        ),
        "cli.init.demo_moved": (
            "Xã mẫu đang nằm ở chỗ của cơ sở dữ liệu thật đã được chuyển sang {path}.",
            "The demo commune that sat where the real database belongs was moved to {path}.",
        ),
        "cli.init.suggest": (
            "{problem} Có phải là: {choices}? (tìm mã: frontdesk communes TÊN)",
            "{problem} Did you mean: {choices}? (find codes: frontdesk communes NAME)",
        ),
        "cli.init.no_suggestion": (
            "{problem} Tìm mã của xã bằng: frontdesk communes TÊN [--province TỈNH]",
            "{problem} Find the commune's code with: frontdesk communes NAME [--province PROVINCE]",
        ),
        "cli.communes.none": (
            "Không có xã/phường nào khớp với \"{text}\"{where}.", "No commune or ward matches \"{text}\"{where}.",
        ),
        "cli.communes.in": (" ở {province}", " in {province}"),
        "cli.communes.header": (
            "{count} đơn vị khớp (hiện {shown}):", "{count} match (showing {shown}):",
        ),
        "cli.province.unknown": (
            "Không có tỉnh, thành phố nào khớp với \"{value}\".", "No province or city matches \"{value}\".",
        ),
        "cli.search.status.moved": ("đã chuyển đi", "moved away"),
        "cli.search.status.deceased": ("đã mất", "deceased"),
        "cli.search.none": ("Không tìm thấy ai khớp với \"{text}\".", "Nobody matches \"{text}\"."),
        "cli.search.header": (
            "{count} người khớp (hiện {shown}):",
            "{count} people match (showing {shown}):",
        ),
        "cli.limit_range": ("--limit phải từ 1 đến 10000.", "--limit must be between 1 and 10000."),
        "cli.overview": (
            "{commune}, {province}\n"
            "  Người đang sinh hoạt: {people}\n"
            "  Công việc đang mở: {open_tasks} — quá hạn: {overdue}, đến hạn trong 7 ngày: {due_week}\n"
            "  Chức danh còn trống: {vacant_seats} suất ở {vacant_positions} chức danh\n"
            "  Người kiêm nhiệm: {concurrent}\n"
            "  Báo cáo chưa gửi: {unsent}",
            "{commune}, {province}\n"
            "  Active people: {people}\n"
            "  Open tasks: {open_tasks} — overdue: {overdue}, due in 7 days: {due_week}\n"
            "  Vacant: {vacant_seats} seat(s) in {vacant_positions} position(s)\n"
            "  Concurrent holders: {concurrent}\n"
            "  Reports not yet sent: {unsent}",
        ),
        "cli.overview.demo": (
            "DỮ LIỆU MẪU — xã mẫu để xem thử, không phải số liệu thật; báo cáo của xã mẫu không gửi lên tỉnh.",
            "DEMO DATA — a demo commune for looking around, not real figures; its reports are not sent.",
        ),
        "cli.overview.busiest": ("  Nhiều việc nhất:", "  Carrying the most work:"),
        "cli.overview.load": ("{open} việc ({overdue} quá hạn)", "{open} tasks ({overdue} overdue)"),
        "cli.check.ok": (
            "Dữ liệu và bản cài đặt đều tốt: không kiểm tra nào hỏng (dấu ! là điều nên xem).",
            "The data and the installation are sound: no check failed (a ! is worth a look).",
        ),
        "cli.check.failed": (
            "Có {count} kiểm tra không đạt. Hãy khôi phục từ bản sao lưu hoặc liên hệ cán bộ CNTT.",
            "{count} check(s) failed. Restore a backup or contact IT support.",
        ),
    }
)

COMMANDS: list = []


def command(fn):
    COMMANDS.append(fn)
    return fn


def version_text(lang: str = "vi") -> str:
    if lang == "vi":
        return (f"frontdesk {__version__} (lược đồ dữ liệu {SCHEMA_VERSION}, SQLite {sqlite3.sqlite_version}, "
                f"danh mục ĐVHC {list_version()})")
    return (f"frontdesk {__version__} (schema {SCHEMA_VERSION}, SQLite {sqlite3.sqlite_version}, "
            f"list of administrative units {list_version()})")


# -- init ----------------------------------------------------------------------


@command
def _register_init(sub, common, say) -> None:
    p = sub.add_parser("init", help=say("tạo cơ sở dữ liệu mới cho xã có mã chính thức này",
                                        "new database for the commune with this official code"))
    p.add_argument("--commune", required=True, metavar=say("MÃ", "CODE"),
                   help=say("mã chính thức 5 chữ số của xã, phường (tìm bằng: frontdesk communes TÊN)",
                            "official 5-digit commune code (find it with: frontdesk communes NAME)"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    _known_commune(args.commune, args.lang)
    moved = move_demo_aside(args.database)  # a demo an older version built in the real commune's place
    if moved is not None and not args.json:
        print(messages.text("cli.init.demo_moved", args.lang, path=moved), file=out)
    store = create_commune_database(args.database, args.commune, clock=args.clock)
    try:
        commune = get_commune(store)
    finally:
        store.close()
    if args.json:
        _print_json(out, {"path": str(args.database), "commune": commune.__dict__})
    else:
        print(
            messages.text(
                "cli.init.done", args.lang, commune=commune.name, province=commune.province_name,
                code=commune.code, path=args.database,
            ),
            file=out,
        )
    return 0


def _known_commune(typed: str, lang: str | None) -> None:
    """A code not in the official list is refused with the closest communes:
    those whose names match what was typed (a name where a code belongs), or
    those whose codes are nearest (a digit wrong)."""
    try:
        find_commune(typed)
        return
    except InvalidValue as exc:
        problem = messages.describe(exc, lang)
    text = str(typed).strip()
    if text.isdigit():
        wanted = int(text)
        close = sorted(all_communes(), key=lambda c: (abs(int(c.code) - wanted), c.code))[:3]
    else:
        close = search_communes(text, limit=5)
    if not close:
        raise InvalidValue("cli.init.no_suggestion", value=text, problem=problem)  # problem names the field
    choices = "; ".join(f"{c.name}, {c.province_name} ({c.code})" for c in close)
    raise InvalidValue("cli.init.suggest", value=text, problem=problem, choices=choices)


# -- communes ------------------------------------------------------------------


@command
def _register_communes(sub, common, say) -> None:
    p = sub.add_parser("communes", help=say("tìm mã chính thức của xã, phường theo tên, gõ có dấu hay không dấu",
                                            "find official commune codes by name, typed with or without accents"))
    p.add_argument("text", nargs="?", default="", metavar=say("TÊN", "TEXT"),
                   help=say('một phần của tên hoặc mã, ví dụ "ba dinh"', 'part of the name or the code, e.g. "ba dinh"'))
    p.add_argument("--province", metavar=say("TỈNH", "PROVINCE"),
                   help=say('mã hoặc tên tỉnh, thành phố, ví dụ 01 hoặc "ha noi"',
                            "the province's code or name, e.g. 01 or \"ha noi\""))
    p.add_argument("--limit", type=whole_number(say), default=50, metavar="N",
                   help=say("hiện nhiều nhất N đơn vị (mặc định 50)", "show at most N (default 50)"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_communes)


def _find_province(typed: str):
    text = str(typed).strip()
    if text.isdigit():
        return province(text)
    wanted = fold(text)
    found = [p for p in provinces() if wanted in (fold(p.name), fold(p.bare_name))]
    found = found or [p for p in provinces() if wanted and wanted in fold(p.name)]
    if len(found) != 1:
        raise InvalidValue("cli.province.unknown", field="province", value=text)
    return found[0]


def cmd_communes(args: argparse.Namespace, out: TextIO) -> int:
    if not 1 <= args.limit <= 10_000:
        raise InvalidValue("cli.limit_range", field="limit", value=args.limit)
    where = _find_province(args.province) if args.province else None
    found = search_communes(args.text, where.code if where else None, limit=10_000)
    shown = found[:args.limit]
    if args.json:
        _print_json(out, [{"code": c.code, "name": c.name, "division_type": c.division_type,
                           "province_code": c.province_code, "province_name": c.province_name} for c in shown])
        return 0
    if not found:
        place = messages.text("cli.communes.in", args.lang, province=where.name) if where else ""
        print(messages.text("cli.communes.none", args.lang, text=args.text, where=place), file=out)
        return 0
    print(messages.text("cli.communes.header", args.lang, count=len(found), shown=len(shown)), file=out)
    for c in shown:
        print(f"{c.code}  {c.name}, {c.province_name}", file=out)
    return 0


# -- demo ----------------------------------------------------------------------


@command
def _register_demo(sub, common, say) -> None:
    p = sub.add_parser("demo", help=say(
        "một xã mẫu như thật, được đánh dấu là dữ liệu mẫu và để riêng khỏi cơ sở dữ liệu của xã thật "
        "(mặc định: demo.sqlite3 bên cạnh; chọn nơi khác bằng --db)",
        "a realistic demo commune, marked as demo data and kept apart from the real "
        "commune's database (default: demo.sqlite3 beside it; --db to choose)"))
    p.add_argument("--people", type=whole_number(say), default=2000, metavar="N",
                   help=say("số người trong xã mẫu (mặc định 2000)", "how many people (default 2000)"))
    p.add_argument("--seed", type=whole_number(say), default=1, metavar="S",
                   help=say("hạt giống ngẫu nhiên: cùng số thì ra cùng xã mẫu (mặc định 1)",
                            "random seed: the same seed makes the same demo (default 1)"))
    p.add_argument("--commune", metavar=say("MÃ", "CODE"), default=None,
                   help=say("mã chính thức (mặc định: chọn theo hạt giống)", "official code (default: chosen by the seed)"))
    p.add_argument("--replace", action="store_true",
                   help=say("thay cơ sở dữ liệu MẪU đã có", "replace an existing DEMO database"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_demo)


def _remove_demo(path: Path) -> None:
    """Delete an existing database only if it is a demo and nobody has it open."""
    store = open_store(path, busy_timeout=0.5)
    try:
        if not is_demo(store):
            raise DatabaseProblem("cli.demo.not_demo", path=str(path))
        try:
            store.conn.execute("BEGIN EXCLUSIVE")
            store.conn.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            raise sqlite_problem(exc, path) from exc
    finally:
        store.close()
    for suffix in ("", "-wal", "-shm"):
        durable.remove(str(path) + suffix)


def cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from app.demo.builder import build_demo

    # apart from the real commune's database unless --db says where
    path = Path(args.db) if getattr(args, "db", None) else demo_database_for(Path(args.database))
    if path.exists() and path.stat().st_size > 0:
        if not args.replace:
            raise DatabaseProblem("database.exists", path=str(path))
        _remove_demo(path)
    started = time.perf_counter()
    summary = build_demo(path, people=args.people, seed=args.seed, commune_code=args.commune, clock=args.clock)
    seconds = time.perf_counter() - started
    if args.json:
        payload = summary.as_dict()
        payload["path"] = str(path)
        payload["seconds"] = round(seconds, 2)
        _print_json(out, payload)
    else:
        print(
            messages.text(
                "cli.demo.done", args.lang, commune=summary.commune_name, province=summary.province_name,
                people=summary.people, areas=summary.areas, tasks=summary.tasks,
                overdue=summary.overdue_tasks, vacant=summary.vacant_seats,
                concurrent=summary.concurrent_holders, seconds=seconds, path=path,
            ),
            file=out,
        )
    return 0


# -- search --------------------------------------------------------------------


@command
def _register_search(sub, common, say) -> None:
    p = sub.add_parser("search", help=say("tìm người, gõ có dấu hay không dấu",
                                          "find people, with or without Vietnamese diacritics"))
    p.add_argument("text", metavar=say("TỪ_KHÓA", "TEXT"),
                   help=say('điều cần tìm, ví dụ "nguyen van duc" hoặc một số điện thoại',
                            'what to look for, e.g. "nguyen van duc" or a phone number'))
    p.add_argument("--limit", type=whole_number(say), default=50, metavar="N",
                   help=say("hiện nhiều nhất N người (mặc định 50)", "show at most N people (default 50)"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.search import count_matches, search_people

    if not 1 <= args.limit <= 10_000:
        raise InvalidValue("cli.limit_range", field="limit", value=args.limit)
    with open_store(args.database, clock=args.clock) as store:
        hits = search_people(store, args.text, limit=args.limit)
        if args.json:
            _print_json(out, [h.as_json() for h in hits])
            return 0
        if not hits:
            print(messages.text("cli.search.none", args.lang, text=args.text), file=out)
            return 0
        total = count_matches(store, args.text)
    print(messages.text("cli.search.header", args.lang, count=total, shown=len(hits)), file=out)
    for h in hits:
        birth = format_date(h.birth_date) if h.birth_date else ""
        status = f"  ({messages.text(f'cli.search.status.{h.status}', args.lang)})" if h.status != "active" else ""
        print(
            f"{h.id:>7}  {h.full_name:<30} {birth:<10}  {h.citizen_id_masked:<12}  {h.organization or ''}{status}",
            file=out,
        )
    return 0


# -- check ---------------------------------------------------------------------


@command
def _register_check(sub, common, say) -> None:
    p = sub.add_parser("check", help=say("kiểm tra dữ liệu và tự kiểm tra bản cài đặt",
                                         "integrity check and self-test"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from app.safety.checks import run_checks
    from app.safety.install_checks import run_install_checks

    with open_store(args.database, clock=args.clock) as store:
        results = run_checks(store) + run_install_checks()
    failed = [r for r in results if r.status == "fail"]
    if args.json:
        _print_json(out, {"ok": not failed, "checks": [r.as_json(args.lang) for r in results]})
    else:
        for r in results:
            mark = {"ok": "✓", "warn": "!", "fail": "✗"}[r.status]
            print(f" {mark} {r.describe(args.lang)}", file=out)
        key = "cli.check.failed" if failed else "cli.check.ok"
        print(messages.text(key, args.lang, count=len(failed)), file=out)
    return 1 if failed else 0


# -- no command: the commune at a glance ---------------------------------------------


def cmd_overview(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.workload import overview

    with open_store(args.database, clock=args.clock) as store:
        commune = get_commune(store)
        o = overview(store)
        demo = is_demo(store)
    if demo:
        print(messages.text("cli.overview.demo", args.lang), file=out)
    print(
        messages.text(
            "cli.overview", args.lang, commune=commune.name, province=commune.province_name,
            people=o.people, open_tasks=o.open_tasks, overdue=o.overdue_tasks, due_week=o.due_this_week,
            vacant_seats=o.vacant_seats, vacant_positions=o.positions_with_vacancy,
            concurrent=o.concurrent_holders, unsent=o.unsent_reports,
        ),
        file=out,
    )
    if o.busiest:
        print(messages.text("cli.overview.busiest", args.lang), file=out)
        for load in o.busiest[:5]:
            counts = messages.text("cli.overview.load", args.lang, open=load.open_tasks, overdue=load.overdue)
            print(f"    {load.full_name:<28} {counts}", file=out)
    return 0
