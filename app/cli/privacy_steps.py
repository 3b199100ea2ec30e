"""The steps between recording and completing a privacy register's entry, on
the command line as in the window: ``privacy requests answer ID`` (the person
was told the request is being dealt with), ``privacy requests extend ID`` (more
time, once), ``privacy incidents notified ID`` and ``privacy incidents close ID``."""
from __future__ import annotations

import argparse
from typing import TextIO

from app import messages
from app.cli.output import print_json
from app.cli.parsing import Say, whole_number
from app.db.storage import open_store
from app.text.dates import format_date, format_moment

messages.register(
    {
        "cli.privacy.request_answered": (
            "Đã ghi phản hồi yêu cầu số {id} ngày {on}; hạn hoàn thành: {due}.",
            "Request #{id} answered on {on}; to be completed by {due}.",
        ),
        "cli.privacy.request_extended": (
            "Đã gia hạn yêu cầu số {id} thêm {days} ngày (quyết định ngày {on}); hạn hoàn thành mới: {due} "
            "(hạn cũ: {first}). Hãy báo cho người yêu cầu lý do gia hạn: {reason}",
            "Request #{id} extended by {days} days (decided on {on}); now to be completed by {due} "
            "(was {first}). Tell the requester why: {reason}",
        ),
        "cli.privacy.incident_notified": (
            "Đã ghi thông báo sự cố số {id} lúc {at} cho {to}.", "Incident #{id} notified at {at} to {to}.",
        ),
        "cli.privacy.incident_closed": ("Đã ghi sự cố số {id} xử lý xong ngày {on}.", "Incident #{id} closed on {on}."),
    }
)


def add_request_steps(action, common, say: Say) -> None:
    a = action.add_parser("answer", help=say("ghi đã phản hồi người yêu cầu (đã tiếp nhận, sẽ giải quyết)",
                                             "record that the requester was answered (received, being dealt with)"))
    a.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của yêu cầu", "the request's number"))
    a.add_argument("--on", metavar="DD/MM/YYYY", help=say("ngày phản hồi (mặc định: hôm nay)",
                                                          "the day answered (default: today)"))
    common(a, json_flag=True)
    a.set_defaults(handler=cmd_requests_answer)
    e = action.add_parser("extend", help=say(
        "gia hạn thời gian giải quyết yêu cầu (một lần, không quá 15 ngày, có lý do báo cho người yêu cầu)",
        "give a request more time (once, at most 15 days, for a reason the requester is told)"))
    e.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của yêu cầu", "the request's number"))
    e.add_argument("--days", required=True, metavar="N", help=say("số ngày thêm (1 đến 15)",
                                                                  "days added (1 to 15)"))
    e.add_argument("--reason", required=True, metavar=say("LÝ_DO", "REASON"), help=say(
        "vì sao cần thêm thời gian", "why more time is needed"))
    e.add_argument("--on", metavar="DD/MM/YYYY", help=say("ngày quyết định gia hạn (mặc định: hôm nay)",
                                                          "the day it was decided (default: today)"))
    common(e, json_flag=True)
    e.set_defaults(handler=cmd_requests_extend)


def add_incident_steps(action, common, say: Say) -> None:
    n = action.add_parser("notified", help=say("ghi đã thông báo sự cố cho cơ quan có thẩm quyền",
                                               "record that the incident was notified to the authority"))
    n.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của sự cố", "the incident's number"))
    n.add_argument("--at", metavar="\"DD/MM/YYYY HH:MM\"", help=say("lúc thông báo (mặc định: bây giờ)",
                                                                   "when (default: now)"))
    n.add_argument("--to", metavar=say("CƠ_QUAN", "AUTHORITY"), help=say(
        "cơ quan đã được thông báo (mặc định: cơ quan chuyên trách bảo vệ dữ liệu cá nhân)",
        "the authority notified (default: the specialised personal data protection authority)"))
    common(n, json_flag=True)
    n.set_defaults(handler=cmd_incidents_notified)
    c = action.add_parser("close", help=say("ghi sự cố đã xử lý xong", "record that the incident is closed"))
    c.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của sự cố", "the incident's number"))
    c.add_argument("--on", metavar="DD/MM/YYYY", help=say("ngày xử lý xong (mặc định: hôm nay)",
                                                          "the day closed (default: today)"))
    common(c, json_flag=True)
    c.set_defaults(handler=cmd_incidents_close)


def _step(args: argparse.Namespace, out: TextIO, act, read, words) -> int:
    """Each step the same way: ``act`` on the store, ``read`` the entry back,
    then its JSON or ``words(view)`` in the chosen language."""
    with open_store(args.database, clock=args.clock) as store:
        act(store)
        view = read(store, args.id)
    if args.json:
        print_json(out, view.as_json())
    else:
        print(words(view), file=out)
    return 0


def cmd_requests_answer(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.data_requests import acknowledge_request, get_request

    return _step(args, out, lambda store: acknowledge_request(store, args.id, on=args.on), get_request,
                 lambda view: messages.text("cli.privacy.request_answered", args.lang, id=view.id,
                                            on=format_date(view.acknowledged_on), due=format_date(view.complete_by)))


def cmd_requests_extend(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.data_requests import extend_request, get_request

    return _step(args, out,
                 lambda store: extend_request(store, args.id, days=args.days, reason=args.reason, on=args.on),
                 get_request,
                 lambda view: messages.text("cli.privacy.request_extended", args.lang, id=view.id,
                                            days=view.extended_days, on=format_date(view.extended_on),
                                            due=format_date(view.complete_by),
                                            first=format_date(view.first_complete_by),
                                            reason=view.extension_reason))


def cmd_incidents_notified(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.incidents import get_incident, mark_notified

    return _step(args, out, lambda store: mark_notified(store, args.id, at=args.at, to=args.to), get_incident,
                 lambda view: messages.text("cli.privacy.incident_notified", args.lang, id=view.id,
                                            at=format_moment(view.notified_at), to=view.notified_to))


def cmd_incidents_close(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.incidents import close_incident, get_incident

    return _step(args, out, lambda store: close_incident(store, args.id, on=args.on), get_incident,
                 lambda view: messages.text("cli.privacy.incident_closed", args.lang, id=view.id,
                                            on=format_date(view.closed_on)))
