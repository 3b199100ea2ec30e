"""``sync ...``: the destination, the outbox's state, and one delivery pass.

    frontdesk sync destination [folder PATH | webdav URL ... | smtp ...]
    frontdesk sync password [--password-stdin]
    frontdesk sync status [--json] | sync run [--json] | sync test [--json]
    frontdesk sync queue FILE [--period P] | sync retry [ID]

Passwords are read from standard input (``--password-stdin``, or typed at a
hidden prompt) and go straight to the OS keyring; never on the command line.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from app import messages
from app.cli.output import print_json as _print_json
from app.cli.parsing import Say, whole_number
from app.sending.delivery import run_outbox
from app.sending.destination import (
    DEFAULT_TIMEOUT,
    Destination,
    current_destination,
    make_destination,
    open_transport,
    queue_for_sending,
    save_destination,
    save_password,
    site_locks_destination,
    test_connection,
)
from app.errors import FrontDeskError, InvalidValue
from app.sending.outbox import FAILED, SENT, WAITING, list_outbox, outbox_summary, put_back
from app.sending.secrets import SecretStore
from app.sending.site_config import load_site_config
from app.db.storage import open_store
from app.sending.smtp import TLS_CHOICES
from app.reports.report_file import ReportRejected, read_report
from app.text.dates import format_moment

COMMANDS: list = []

messages.register(
    {
        "cli.sync.destination": ("Nơi gửi: {label}", "Destination: {label}"),
        "cli.sync.locked": ("(do cán bộ CNTT đặt và khóa trong {path})", "(set and locked by IT in {path})"),
        "cli.sync.no_destination": ("Chưa chọn nơi gửi báo cáo.", "No destination chosen yet."),
        "cli.sync.keyring": ("Mật khẩu cất trong: {name}", "Password kept in: {name}"),
        "cli.sync.saved": ("Đã đặt nơi gửi: {label}", "Destination set: {label}"),
        "cli.sync.password_saved": (
            "Đã cất mật khẩu cho {label} vào kho khóa của hệ điều hành.",
            "The password for {label} is kept in the OS keyring.",
        ),
        "cli.sync.empty_password": ("Mật khẩu trống: không lưu gì.", "Empty password: nothing saved."),
        "cli.sync.counts": (
            "Tình trạng: {status} — chờ gửi {waiting}, đã gửi {sent}, để riêng {failed}",
            "State: {status} — waiting {waiting}, sent {sent}, set aside {failed}",
        ),
        "cli.sync.status.all_sent": ("đã gửi hết", "all sent"),
        "cli.sync.status.waiting": ("đang chờ gửi", "waiting"),
        "cli.sync.status.sending": ("đang gửi", "sending"),
        "cli.sync.status.offline": ("chưa có kết nối, sẽ tự gửi khi có mạng", "offline, will send when the link is back"),
        "cli.sync.status.attention": ("cần xem lại", "needs attention"),
        "cli.sync.status.no_destination": ("chưa chọn nơi gửi", "no destination chosen"),
        "cli.sync.attempts": ("lần thử {attempts}", "attempt {attempts}"),
        "cli.sync.next": ("thử lại lúc {when}", "next try {when}"),
        "cli.sync.sent_at": ("gửi lúc {when}", "sent {when}"),
        "cli.sync.run": (
            "Lượt gửi: đã gửi {sent}, để riêng {set_aside}, còn chờ {waiting}.",
            "Pass: {sent} sent, {set_aside} set aside, {waiting} still waiting.",
        ),
        "cli.sync.busy": (
            "Một lượt gửi khác đang chạy (ứng dụng hoặc lệnh khác). Hãy thử lại sau ít phút.",
            "Another sending pass is running (the app or another command). Try again in a few minutes.",
        ),
        "cli.sync.test_ok": ("Kết nối tốt: {label}", "Connection works: {label}"),
        "cli.sync.test_no_folder": (
            "Kết nối tốt: {label} (thư mục chưa có, sẽ được tạo khi gửi).",
            "Connection works: {label} (the folder does not exist yet; it will be made when sending).",
        ),
        "cli.sync.queued": ("Đã đưa vào hộp thư đi: #{id} {name}", "Queued in the outbox: #{id} {name}"),
        "cli.sync.already_sent": ("Tệp này đã được gửi trước đây: #{id} {name}", "This file was already sent: #{id} {name}"),
        "cli.sync.period_differs": (
            "“{value}” khác kỳ báo cáo ghi trong tệp ({period}). Bỏ --period, hoặc xuất lại báo cáo đúng kỳ.",
            "“{value}” is not the period the report itself states ({period}). Leave out --period, or export "
            "the report for the right period.",
        ),
        "cli.sync.put_back": ("Đã đưa lại vào hàng chờ: {count} báo cáo.", "Put back in the queue: {count} report(s)."),
        "cli.sync.timeout": ("--timeout phải từ 0.1 đến 300 giây.", "--timeout must be between 0.1 and 300 seconds."),
    }
)


def command(fn):
    COMMANDS.append(fn)
    return fn


def _secrets() -> SecretStore:
    import keyring

    return SecretStore(keyring.get_keyring())


def _when(iso: str | None) -> str:
    """A moment of the outbox on this computer's clock, whatever offset it was stored with."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return format_moment(moment)


def _timeout(say: Say):
    """The type of ``--timeout``: seconds, from 0.1 to 300."""

    def seconds(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0.1 <= number <= 300:
            raise argparse.ArgumentTypeError(say(f"“{value}”: cần số giây từ 0.1 đến 300",
                                                 f"“{value}”: seconds from 0.1 to 300 are needed"))
        return number

    return seconds


@command
def _register_sync(sub, common, say: Say) -> None:
    p = sub.add_parser("sync", help=say("gửi báo cáo lên trên: nơi gửi, tình trạng, gửi ngay",
                                        "send reports upward: destination, status, run"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__,
                            metavar="destination|password|status|run|test|queue|retry")
    stdin_help = say("đọc mật khẩu từ đầu vào chuẩn (stdin)", "read the password from standard input")
    user = say("TÊN_ĐĂNG_NHẬP", "USER")
    user_help = say("tên đăng nhập", "the user name")

    d = what.add_parser("destination", help=say("xem hoặc chọn nơi gửi báo cáo", "show or choose where reports go"))
    common(d, json_flag=True)
    d.set_defaults(handler=cmd_destination, transport=None)
    kinds = d.add_subparsers(dest="transport", parser_class=p.__class__, metavar="folder|webdav|smtp")
    f = kinds.add_parser("folder", help=say("thư mục chia sẻ trên mạng, ổ USB hoặc thư mục được đồng bộ",
                                            "a network share, a USB stick or a synced folder"))
    f.add_argument("path", metavar=say("ĐƯỜNG_DẪN", "PATH"), help=say("thư mục nhận báo cáo", "the folder to send to"))
    w = kinds.add_parser("webdav", help=say("thư mục WebDAV (Nextcloud và các loại khác)",
                                            "a WebDAV folder (Nextcloud and others)"))
    w.add_argument("url", metavar="URL", help=say("địa chỉ của thư mục WebDAV", "the WebDAV folder's address"))
    w.add_argument("--user", metavar=user, help=user_help)
    w.add_argument("--password-stdin", action="store_true", help=stdin_help)
    m = kinds.add_parser("smtp", help=say("thư điện tử qua máy chủ SMTP", "e-mail through an SMTP server"))
    m.add_argument("--host", required=True, metavar=say("MÁY_CHỦ", "HOST"),
                   help=say("tên hoặc địa chỉ máy chủ SMTP", "the SMTP server's name or address"))
    m.add_argument("--port", required=True, type=whole_number(say), metavar=say("CỔNG", "PORT"),
                   help=say("cổng của máy chủ, ví dụ 587", "the server's port, e.g. 587"))
    m.add_argument("--to", required=True, dest="to_addr", metavar=say("ĐỊA_CHỈ", "ADDR"),
                   help=say("địa chỉ thư điện tử nhận báo cáo", "the address reports are sent to"))
    m.add_argument("--from", required=True, dest="from_addr", metavar=say("ĐỊA_CHỈ", "ADDR"),
                   help=say("địa chỉ thư điện tử gửi đi", "the address they are sent from"))
    m.add_argument("--user", metavar=user, help=user_help)
    m.add_argument("--tls", choices=TLS_CHOICES, default="starttls",
                   help=say("cách mã hóa kết nối (mặc định starttls)", "how the connection is encrypted (default starttls)"))
    m.add_argument("--password-stdin", action="store_true", help=stdin_help)
    for kind in (f, w, m):
        common(kind, json_flag=True)
        kind.set_defaults(handler=cmd_destination)

    pw = what.add_parser("password", help=say("cất mật khẩu của nơi gửi vào kho khóa của hệ điều hành",
                                              "keep the destination's password in the OS keyring"))
    pw.add_argument("--password-stdin", action="store_true", help=stdin_help)
    common(pw)
    pw.set_defaults(handler=cmd_password)

    s = what.add_parser("status", help=say("những gì đã gửi, đang chờ gửi và vì sao",
                                           "what was sent, what is waiting and why"))
    common(s, json_flag=True)
    s.set_defaults(handler=cmd_status)

    timeout_help = say("số giây chờ cho mỗi bước qua mạng", "seconds per network step")
    r = what.add_parser("run", help=say("gửi ngay mọi báo cáo đang chờ", "try every waiting report now"))
    r.add_argument("--timeout", type=_timeout(say), default=DEFAULT_TIMEOUT, metavar=say("GIÂY", "SECONDS"),
                   help=timeout_help)
    common(r, json_flag=True)
    r.set_defaults(handler=cmd_run)

    t = what.add_parser("test", help=say("thử kết nối tới nơi gửi mà không gửi gì",
                                         "reach the destination without sending anything"))
    t.add_argument("--timeout", type=_timeout(say), default=10.0, metavar=say("GIÂY", "SECONDS"), help=timeout_help)
    common(t, json_flag=True)
    t.set_defaults(handler=cmd_test)

    q = what.add_parser("queue", help=say("đưa một tệp vào hộp thư đi (ví dụ để thử nơi gửi)",
                                          "put a file in the outbox (e.g. to try a destination)"))
    q.add_argument("file", type=Path, metavar=say("TỆP", "FILE"), help=say("tệp cần gửi", "the file to send"))
    q.add_argument("--period", metavar=say("KỲ", "PERIOD"),
                   help=say("ví dụ 2026-11, 2026-Q4, 2026-H2, 2026 (báo cáo gửi tỉnh tự ghi kỳ của nó)",
                            "e.g. 2026-11, 2026-Q4, 2026-H2, 2026 (a province report says its own period)"))
    common(q, json_flag=True)
    q.set_defaults(handler=cmd_queue)

    b = what.add_parser("retry", help=say("đưa các báo cáo đã để riêng trở lại hàng chờ",
                                          "put set-aside reports back in the queue"))
    b.add_argument("id", nargs="?", type=whole_number(say), metavar=say("SỐ", "ID"),
                   help=say("một báo cáo (mặc định: mọi báo cáo đã để riêng)", "one report (default: all set aside)"))
    common(b, json_flag=True)
    b.set_defaults(handler=cmd_retry)


def _read_password(from_stdin: bool, lang: str) -> str:
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Mật khẩu: " if lang == "vi" else "Password: ")
    if not password:
        raise FrontDeskError("cli.sync.empty_password")
    return password


def _destination_json(destination: Destination | None, locked: bool) -> dict[str, Any] | None:
    if destination is None:
        return None
    return {**destination.as_json(), "label": destination.label, "locked": locked}


def cmd_destination(args: argparse.Namespace, out: TextIO) -> int:
    site = load_site_config()
    with open_store(args.database, clock=args.clock) as store:
        if args.transport is None:
            destination = current_destination(store, site)
            locked = site_locks_destination(site)
            if args.json:
                _print_json(out, _destination_json(destination, locked))
            else:
                _print_destination(args.lang, out, destination, locked, site.path)
            return 0
        fields = {k: getattr(args, k, None) for k in ("path", "url", "user", "host", "port", "to_addr", "from_addr", "tls")}
        destination = make_destination(args.transport, **fields)
        if site_locks_destination(site):  # before reading a password that would not be used
            raise FrontDeskError("destination.locked", path=str(site.path))
        password = _read_password(True, args.lang) if getattr(args, "password_stdin", False) else None
        secrets = _secrets() if password is not None else None
        save_destination(store, destination, site=site, secrets=secrets, password=password)
    if args.json:
        _print_json(out, _destination_json(destination, False))
        return 0
    print(messages.text("cli.sync.saved", args.lang, label=destination.label), file=out)
    if password is not None:
        print(messages.text("cli.sync.password_saved", args.lang, label=destination.label), file=out)
    return 0


def _print_destination(lang: str, out: TextIO, destination: Destination | None, locked: bool, path: Any) -> None:
    if destination is None:
        print(messages.text("cli.sync.no_destination", lang), file=out)
        return
    line = messages.text("cli.sync.destination", lang, label=destination.label)
    if locked:
        line += " " + messages.text("cli.sync.locked", lang, path=path)
    print(line, file=out)


def cmd_password(args: argparse.Namespace, out: TextIO) -> int:
    site = load_site_config()
    password = _read_password(args.password_stdin, args.lang)
    with open_store(args.database, clock=args.clock) as store:
        destination = save_password(store, site=site, secrets=_secrets(), password=password)
    print(messages.text("cli.sync.password_saved", args.lang, label=destination.label), file=out)
    return 0


def cmd_status(args: argparse.Namespace, out: TextIO) -> int:
    site = load_site_config()
    with open_store(args.database, clock=args.clock) as store:
        destination = current_destination(store, site)
        summary = outbox_summary(store, has_destination=destination is not None)
        items = list_outbox(store)
    locked = site_locks_destination(site)
    if args.json:
        payload = summary.as_json(args.lang)
        payload["destination"] = _destination_json(destination, locked)
        payload["items"] = [i.as_json(args.lang) for i in items]
        _print_json(out, payload)
        return 0
    _print_destination(args.lang, out, destination, locked, site.path)
    _print_summary(args.lang, out, summary, items)
    return 0


def _print_summary(lang: str, out: TextIO, summary: Any, items: list) -> None:
    counts = summary.counts
    print(
        messages.text(
            "cli.sync.counts", lang, status=messages.text(f"cli.sync.status.{summary.status}", lang),
            waiting=sum(counts[s] for s in WAITING), sent=counts[SENT], failed=counts[FAILED],
        ),
        file=out,
    )
    recent_sent = [i for i in items if i.state == SENT][-10:]
    for item in [i for i in items if i.state != SENT] + recent_sent:
        state = messages.text(f"outbox.state.{item.state}", lang)
        notes = []
        if item.state == SENT:
            notes.append(messages.text("cli.sync.sent_at", lang, when=_when(item.sent_at)))
        else:
            notes.append(messages.text("cli.sync.attempts", lang, attempts=item.attempts))
            if item.state in WAITING and item.next_attempt_at:
                notes.append(messages.text("cli.sync.next", lang, when=_when(item.next_attempt_at)))
        print(f"  #{item.id:<4} {item.remote_name}  {state}; {', '.join(notes)}", file=out)
        error = item.error_text(lang) if item.state != SENT else None
        if error:
            print(f"        {error}", file=out)


def _open_current(store: Any, site: Any, timeout: float) -> Any:
    destination = current_destination(store, site)
    if destination is None:
        raise FrontDeskError("destination.none")
    secrets = _secrets() if destination.secret_key else None
    return open_transport(destination, secrets=secrets, clock=store.clock, timeout=timeout)


def cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    site = load_site_config()
    with open_store(args.database, clock=args.clock) as store:
        transport = _open_current(store, site, args.timeout)
        result = run_outbox(store, transport, store.clock, force=True)
        waiting = [i for i in list_outbox(store, WAITING)]
        summary = outbox_summary(store)
        items = list_outbox(store)
    if args.json:
        payload = result.as_json(args.lang)
        payload["waiting"] = [i.id for i in waiting]
        payload["summary"] = summary.as_json(args.lang)
        _print_json(out, payload)
    else:
        if result.busy:
            print(messages.text("cli.sync.busy", args.lang), file=out)
        else:
            print(
                messages.text(
                    "cli.sync.run", args.lang, sent=len(result.sent), set_aside=len(result.set_aside),
                    waiting=len(waiting),
                ),
                file=out,
            )
            if result.stopped is not None:
                print("  " + messages.describe(result.stopped, args.lang), file=out)
            _print_summary(args.lang, out, summary, items)
    return 1 if (waiting or result.set_aside or result.busy) else 0


def cmd_test(args: argparse.Namespace, out: TextIO) -> int:
    site = load_site_config()
    with open_store(args.database, clock=args.clock) as store:
        destination = current_destination(store, site)
        if destination is None:
            raise FrontDeskError("destination.none")
        secrets = _secrets() if destination.secret_key else None
        found = test_connection(destination, secrets=secrets, clock=store.clock, timeout=args.timeout)
    if args.json:
        _print_json(out, {"ok": True, "destination": destination.label, **found})
        return 0
    key = "cli.sync.test_no_folder" if found.get("folder_exists") is False else "cli.sync.test_ok"
    print(messages.text(key, args.lang, label=destination.label), file=out)
    return 0


def _report_identity(path: Path) -> tuple[str, str] | None:
    """(commune code, period) from the ``_meta`` of a province report whose
    checksum holds; None for any other file (it is queued as it is)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return None
    try:
        report = read_report(path)
    except ReportRejected:
        return None
    return report.commune_code, report.period


def cmd_queue(args: argparse.Namespace, out: TextIO) -> int:
    site = load_site_config()
    identity = _report_identity(args.file)
    commune_code, period = identity if identity is not None else (None, args.period)
    if identity is not None and args.period is not None and args.period.strip() != period:
        raise InvalidValue("cli.sync.period_differs", field="period", value=args.period, period=period)
    with open_store(args.database, clock=args.clock) as store:
        item = queue_for_sending(store, args.file, commune_code, period, site=site)
    if args.json:
        _print_json(out, item.as_json(args.lang))
        return 0
    key = "cli.sync.already_sent" if item.state == SENT else "cli.sync.queued"
    print(messages.text(key, args.lang, id=item.id, name=item.remote_name), file=out)
    return 0


def cmd_retry(args: argparse.Namespace, out: TextIO) -> int:
    with open_store(args.database, clock=args.clock) as store:
        ids = put_back(store, args.id)
    if args.json:
        _print_json(out, {"put_back": ids})
    else:
        print(messages.text("cli.sync.put_back", args.lang, count=len(ids)), file=out)
    return 0

