"""``petitions``, ``fund`` and ``cases``: the Front's own registers on the
command line (DESIGN.md "The Front's own work").

Word values are written as DESIGN.md lists them (``voter-meeting``,
``build-house``, ``partly-resolved``...) or in Vietnamese, with or without
accents; dates as dd/mm/yyyy; amounts in whole đồng (``1250000`` or
``1.250.000``). ``--json`` prints the record written (with its ``id``) or the
list asked for, dates in ISO and word values as the command line writes them.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app import messages
from app.cli.output import print_json
from app.cli.parsing import Say, day_help, whole_number, words_help
from app.db.storage import open_store
from app.text.dates import format_date
from app.text.money import format_money

COMMANDS: list = []

messages.register(
    {
        "cli.petitions.added": (
            "Đã ghi kiến nghị số {id}: {sender} ({channel}), tiếp nhận ngày {received}{due}.",
            "Recorded petition #{id}: {sender} ({channel}), received on {received}{due}.",
        ),
        "cli.petitions.due": (", hạn trả lời {due}", ", answer due {due}"),
        "cli.fund.public_done": (
            "Đã ghi bảng công khai ({receipts} khoản thu, {spendings} khoản chi, không có số CCCD): {path}",
            "Wrote the public list ({receipts} receipts, {spendings} spendings, no citizen IDs): {path}",
        ),
        "cli.petitions.answered": (
            "Đã ghi trả lời kiến nghị số {id} ngày {on}.", "Recorded the answer to petition #{id} on {on}.",
        ),
        "cli.petitions.none": ("Không có kiến nghị nào.", "No petitions."),
        "cli.petitions.header": ("{count} kiến nghị:", "{count} petition(s):"),
        "cli.petitions.overdue": ("QUÁ HẠN", "OVERDUE"),
        "cli.fund.received": (
            "Đã ghi khoản thu số {id}: {amount} của {party} vào {fund}, ngày {on}.",
            "Recorded receipt #{id}: {amount} from {party} into the {fund}, on {on}.",
        ),
        "cli.fund.spent": (
            "Đã ghi khoản chi số {id}: {amount} cho {party} ({purpose}) từ {fund}, ngày {on}.",
            "Recorded spending #{id}: {amount} to {party} ({purpose}) from the {fund}, on {on}.",
        ),
        "cli.fund.notice": ("Lưu ý: {text}", "Note: {text}"),
        "cli.fund.balance": (
            "{fund}, {period}:\n"
            "  Số dư đầu kỳ:  {opening}\n"
            "  Thu trong kỳ:  {received}\n"
            "  Chi trong kỳ:  {spent}\n"
            "  Số dư cuối kỳ: {closing}",
            "{fund}, {period}:\n"
            "  Opening balance: {opening}\n"
            "  Received:        {received}\n"
            "  Spent:           {spent}\n"
            "  Closing balance: {closing}",
        ),
        "cli.cases.added": (
            "Đã ghi vụ việc số {id}: {title} ({kind}), bắt đầu ngày {opened}.",
            "Recorded case #{id}: {title} ({kind}), opened on {opened}.",
        ),
        "cli.cases.closed": (
            "Đã kết thúc vụ việc số {id} ngày {on}: {outcome}.", "Closed case #{id} on {on}: {outcome}.",
        ),
        "cli.cases.none": ("Không có vụ việc nào.", "No cases."),
        "cli.cases.header": ("{count} vụ việc:", "{count} case(s):"),
        "cli.cases.open": ("đang giải quyết", "open"),
    }
)

_EVERYTHING = 10**9  # a list on the command line shows every row


def command(fn):
    COMMANDS.append(fn)
    return fn




# -- petitions ---------------------------------------------------------------------------


@command
def _register_petitions(sub, common, say: Say) -> None:
    p = sub.add_parser("petitions", help=say("sổ theo dõi ý kiến, kiến nghị của cử tri và Nhân dân",
                                             "the register of voters' and residents' petitions"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__, metavar="add|answer|list")
    a = what.add_parser("add", help=say("ghi một kiến nghị mới", "record a new petition"))
    a.add_argument("--received", required=True, metavar="DD/MM/YYYY",
                   help=day_help(say, "ngày tiếp nhận", "the day it was received"))
    a.add_argument("--channel", required=True, metavar=say("HÌNH_THỨC", "CHANNEL"), help=words_help(
        say, "voter-meeting|area-meeting|in-person|letter|portal|other", "hình thức tiếp nhận", "how it came"))
    a.add_argument("--from", dest="sender", required=True, metavar=say("NGƯỜI_GỬI", "TEXT"),
                   help=say("người hoặc tập thể gửi kiến nghị", "who it is from"))
    a.add_argument("--content", required=True, metavar=say("NỘI_DUNG", "TEXT"),
                   help=say("nội dung kiến nghị", "what is asked"))
    a.add_argument("--area", metavar=say("KHU_DÂN_CƯ", "NAME"),
                   help=say("khu dân cư (tên, có dấu hay không)", "the residential area (its name)"))
    a.add_argument("--field", metavar=say("LĨNH_VỰC", "TEXT"),
                   help=say("lĩnh vực (đất đai, giao thông...)", "the field (land, roads...)"))
    a.add_argument("--forward-to", metavar=say("CƠ_QUAN", "AGENCY"),
                   help=say("cơ quan được chuyển đến để giải quyết", "the agency it is forwarded to"))
    a.add_argument("--due", metavar="DD/MM/YYYY", help=day_help(say, "hạn trả lời", "the answer's due date"))
    common(a, json_flag=True)
    a.set_defaults(handler=cmd_petitions_add)
    r = what.add_parser("answer", help=say("ghi trả lời của một kiến nghị", "record a petition's answer"))
    r.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của kiến nghị", "the petition's number"))
    r.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày trả lời", "the answer's day"))
    r.add_argument("--text", required=True, metavar=say("NỘI_DUNG", "TEXT"),
                   help=say("nội dung trả lời", "what the answer says"))
    common(r, json_flag=True)
    r.set_defaults(handler=cmd_petitions_answer)
    listing = what.add_parser("list", help=say("danh sách kiến nghị (chưa trả lời trước, hạn gần trước)",
                                               "the petitions (open first, soonest due first)"))
    listing.add_argument("--open", action="store_true",
                         help=say("chỉ kiến nghị chưa trả lời, chưa kết thúc", "only those not answered nor closed"))
    listing.add_argument("--overdue", action="store_true",
                         help=say("chỉ kiến nghị quá hạn trả lời", "only those past their due date unanswered"))
    common(listing, json_flag=True)
    listing.set_defaults(handler=cmd_petitions_list)


def cmd_petitions_add(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.petitions import add_petition, get_petition
    from app.domain.registers import find_area, word_label

    with open_store(args.database, clock=args.clock) as store:
        raw = {"received_on": args.received, "channel": args.channel, "from_name": args.sender,
               "content": args.content, "field": args.field, "forwarded_to": args.forward_to, "due_on": args.due}
        if args.area:
            raw["area_id"] = find_area(store, args.area)
        view = get_petition(store, add_petition(store, raw))
    if args.json:
        print_json(out, view.as_json())
        return 0
    due = messages.text("cli.petitions.due", args.lang, due=format_date(view.due_on)) if view.due_on else ""
    print(messages.text("cli.petitions.added", args.lang, id=view.id, sender=view.from_name,
                        channel=word_label("channel", view.channel, args.lang),
                        received=format_date(view.received_on), due=due), file=out)
    return 0


def cmd_petitions_answer(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.petitions import answer_petition, get_petition

    with open_store(args.database, clock=args.clock) as store:
        answer_petition(store, args.id, on=args.on, text=args.text)
        view = get_petition(store, args.id)
    if args.json:
        print_json(out, view.as_json())
        return 0
    print(messages.text("cli.petitions.answered", args.lang, id=view.id, on=format_date(view.answered_on)), file=out)
    return 0


def cmd_petitions_list(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.petitions import PetitionFilter, list_petitions
    from app.domain.registers import word_label

    with open_store(args.database, clock=args.clock) as store:
        views = list_petitions(store, PetitionFilter(open=args.open, overdue=args.overdue), limit=_EVERYTHING)
    if args.json:
        print_json(out, [v.as_json() for v in views])
        return 0
    if not views:
        print(messages.text("cli.petitions.none", args.lang), file=out)
        return 0
    print(messages.text("cli.petitions.header", args.lang, count=len(views)), file=out)
    overdue = messages.text("cli.petitions.overdue", args.lang)
    for v in views:
        state = overdue if v.overdue else word_label("petition_status", v.status, args.lang)
        due = messages.text("cli.petitions.due", args.lang, due=format_date(v.due_on)) if v.due_on else ""
        content = v.content if len(v.content) <= 70 else v.content[:69] + "…"
        print(f"  #{v.id}  {format_date(v.received_on)}  [{state}]  {v.from_name}: {content}{due}", file=out)
    return 0


# -- fund ----------------------------------------------------------------------------------


def _fund_option(parser, say: Say) -> None:
    parser.add_argument("--fund", default="poor", metavar=say("QUỸ", "FUND"), help=words_help(
        say, "poor|relief|other", "quỹ (mặc định: poor, Quỹ Vì người nghèo)", "the fund (default: poor)"))


@command
def _register_fund(sub, common, say: Say) -> None:
    p = sub.add_parser("fund", help=say("sổ thu, chi Quỹ Vì người nghèo và các quỹ xã hội",
                                        "the cash book of the fund for the poor and the other social funds"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__,
                            metavar="receive|spend|balance|public")
    r = what.add_parser("receive", help=say("ghi một khoản thu (ủng hộ)", "record a receipt (a donation)"))
    r.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày thu", "the day"))
    r.add_argument("--amount", required=True, metavar=say("SỐ_ĐỒNG", "DONG"),
                   help=say("số tiền, đồng (1250000 hoặc 1.250.000)", "the amount in đồng (1250000 or 1.250.000)"))
    r.add_argument("--from", dest="party", required=True, metavar=say("NGƯỜI_ỦNG_HỘ", "TEXT"),
                   help=say("người, tổ chức ủng hộ", "who gave it"))
    _fund_option(r, say)
    common(r, json_flag=True)
    r.set_defaults(handler=cmd_fund_entry, direction="receipt")
    s = what.add_parser("spend", help=say("ghi một khoản chi", "record a spending"))
    s.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày chi", "the day"))
    s.add_argument("--amount", required=True, metavar=say("SỐ_ĐỒNG", "DONG"),
                   help=say("số tiền, đồng (1250000 hoặc 1.250.000)", "the amount in đồng (1250000 or 1.250.000)"))
    s.add_argument("--to", dest="party", required=True, metavar=say("NGƯỜI_NHẬN", "TEXT"),
                   help=say("người, hộ được nhận", "who received it"))
    s.add_argument("--purpose", required=True, metavar=say("MỤC_ĐÍCH", "PURPOSE"), help=words_help(
        say, "build-house|repair-house|support|study|health|other", "mục đích chi", "what it was for"))
    _fund_option(s, say)
    common(s, json_flag=True)
    s.set_defaults(handler=cmd_fund_entry, direction="spending")
    b = what.add_parser("balance", help=say("số dư đầu kỳ, thu, chi, số dư cuối kỳ của một kỳ",
                                            "a period's opening balance, receipts, spending and closing balance"))
    b.add_argument("--period", required=True, metavar=say("KỲ", "PERIOD"), help=say(
        "11/2026 hoặc 2026-11 (tháng), Q4/2026 hoặc 2026-Q4 (quý), 2026-H1 (6 tháng), 2026 (năm)",
        "11/2026 or 2026-11 (month), Q4/2026 or 2026-Q4, 2026-H1 (half-year), 2026 (year)"))
    _fund_option(b, say)
    common(b, json_flag=True)
    b.set_defaults(handler=cmd_fund_balance)
    pub = what.add_parser("public", help=say(
        "bảng công khai thu, chi của quỹ trong một kỳ, để niêm yết (không có số CCCD)",
        "the public list of the fund's receipts and spending for a period, for posting (no citizen IDs)"))
    pub.add_argument("--period", required=True, metavar=say("KỲ", "PERIOD"), help=say(
        "11/2026, Q4/2026, 2026…", "11/2026, Q4/2026, 2026…"))
    pub.add_argument("--out", required=True, type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"),
                     help=say("tệp Excel sẽ ghi", "the Excel file to write"))
    _fund_option(pub, say)
    common(pub, json_flag=True)
    pub.set_defaults(handler=cmd_fund_public)


def cmd_fund_public(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.registers import parse_word
    from app.reports.fund_public import export_fund_public
    from app.text.periods import parse_period

    with open_store(args.database, clock=args.clock) as store:
        period = parse_period(args.period, today=store.today())
        fund = parse_word("fund", args.fund, field="fund")
        made = export_fund_public(store, period, args.out, fund=fund)
    if args.json:
        print_json(out, {"path": str(made.path), "receipts": made.receipts, "spendings": made.spendings,
                         "opening": made.opening, "closing": made.closing})
        return 0
    print(messages.text("cli.fund.public_done", args.lang, path=made.path, receipts=made.receipts,
                        spendings=made.spendings), file=out)
    return 0


def cmd_fund_entry(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.fund import add_fund_entry, get_fund_entry
    from app.domain.registers import word_label

    raw = {"entry_on": args.on, "amount": args.amount, "party": args.party, "fund": args.fund,
           "direction": args.direction, "purpose": getattr(args, "purpose", None)}
    with open_store(args.database, clock=args.clock) as store:
        saved = add_fund_entry(store, raw)
        view = get_fund_entry(store, saved.id)
    notices = [n.text(args.lang) for n in saved.notices]
    if args.json:
        print_json(out, {**view.as_json(), "notices": notices})
        return 0
    key = "cli.fund.received" if view.direction == "receipt" else "cli.fund.spent"
    fund = word_label("fund", view.fund, args.lang)
    print(messages.text(key, args.lang, id=view.id, amount=format_money(view.amount), party=view.party,
                        fund=fund if args.lang == "vi" else fund[0].lower() + fund[1:],
                        purpose=word_label("purpose", view.purpose, args.lang), on=format_date(view.entry_on)),
          file=out)
    for text in notices:
        print(messages.text("cli.fund.notice", args.lang, text=text), file=out)
    return 0


def cmd_fund_balance(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.fund import fund_balance
    from app.domain.registers import parse_word, word_label
    from app.text.periods import parse_period

    with open_store(args.database, clock=args.clock) as store:
        period = parse_period(args.period, today=store.today())
        fund = parse_word("fund", args.fund, field="fund")
        money = fund_balance(store, period, fund)
    if args.json:
        print_json(out, money.as_json())
        return 0
    print(messages.text("cli.fund.balance", args.lang, fund=word_label("fund", fund, args.lang),
                        period=period.label(args.lang), opening=format_money(money.opening),
                        received=format_money(money.received), spent=format_money(money.spent),
                        closing=format_money(money.closing)), file=out)
    return 0


# -- cases ---------------------------------------------------------------------------------


_KIND_WORDS = "inspection|investment|mediation|supervision|criticism"


@command
def _register_cases(sub, common, say: Say) -> None:
    p = sub.add_parser("cases", help=say("sổ vụ việc: thanh tra nhân dân, giám sát đầu tư cộng đồng, hòa giải, "
                                         "giám sát, phản biện xã hội",
                                         "the register of cases: people's inspection, investment supervision, "
                                         "mediation, supervision, social criticism"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__, metavar="add|close|list")
    a = what.add_parser("add", help=say("ghi một vụ việc mới", "record a new case"))
    a.add_argument("--kind", required=True, metavar=say("LOẠI", "KIND"),
                   help=words_help(say, _KIND_WORDS, "loại vụ việc", "the kind of case"))
    a.add_argument("--opened", required=True, metavar="DD/MM/YYYY",
                   help=day_help(say, "ngày bắt đầu", "the day it was opened"))
    a.add_argument("--title", required=True, metavar=say("TÊN", "TEXT"), help=say("tên vụ việc", "what it is"))
    a.add_argument("--area", metavar=say("KHU_DÂN_CƯ", "NAME"),
                   help=say("khu dân cư (tên, có dấu hay không)", "the residential area (its name)"))
    common(a, json_flag=True)
    a.set_defaults(handler=cmd_cases_add)
    c = what.add_parser("close", help=say("kết thúc một vụ việc với kết quả", "close a case with its outcome"))
    c.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của vụ việc", "the case's number"))
    c.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày kết thúc", "the day"))
    c.add_argument("--outcome", required=True, metavar=say("KẾT_QUẢ", "OUTCOME"), help=words_help(
        say, "resolved|partly-resolved|unresolved|withdrawn|successful|unsuccessful",
        "kết quả (hòa giải: successful|unsuccessful|withdrawn)", "the outcome (mediation: successful|unsuccessful|withdrawn)"))
    common(c, json_flag=True)
    c.set_defaults(handler=cmd_cases_close)
    listing = what.add_parser("list", help=say("danh sách vụ việc (đang giải quyết trước)", "the cases (open first)"))
    listing.add_argument("--kind", metavar=say("LOẠI", "KIND"),
                         help=words_help(say, _KIND_WORDS, "chỉ loại này", "only this kind"))
    listing.add_argument("--open", action="store_true", help=say("chỉ vụ việc chưa kết thúc", "only open cases"))
    common(listing, json_flag=True)
    listing.set_defaults(handler=cmd_cases_list)


def cmd_cases_add(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.cases import add_case, get_case
    from app.domain.registers import find_area, word_label

    with open_store(args.database, clock=args.clock) as store:
        raw = {"kind": args.kind, "opened_on": args.opened, "title": args.title}
        if args.area:
            raw["area_id"] = find_area(store, args.area)
        view = get_case(store, add_case(store, raw))
    if args.json:
        print_json(out, view.as_json())
        return 0
    print(messages.text("cli.cases.added", args.lang, id=view.id, title=view.title,
                        kind=word_label("case_kind", view.kind, args.lang), opened=format_date(view.opened_on)),
          file=out)
    return 0


def cmd_cases_close(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.cases import close_case, get_case
    from app.domain.registers import word_label

    with open_store(args.database, clock=args.clock) as store:
        close_case(store, args.id, on=args.on, outcome=args.outcome)
        view = get_case(store, args.id)
    if args.json:
        print_json(out, view.as_json())
        return 0
    print(messages.text("cli.cases.closed", args.lang, id=view.id, on=format_date(view.closed_on),
                        outcome=word_label("outcome", view.outcome, args.lang)), file=out)
    return 0


def cmd_cases_list(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.cases import CaseFilter, list_cases
    from app.domain.registers import parse_word, word_label

    with open_store(args.database, clock=args.clock) as store:
        kind = parse_word("case_kind", args.kind, field="kind") if args.kind else None
        views = list_cases(store, CaseFilter(kind=kind, open=args.open), limit=_EVERYTHING)
    if args.json:
        print_json(out, [v.as_json() for v in views])
        return 0
    if not views:
        print(messages.text("cli.cases.none", args.lang), file=out)
        return 0
    print(messages.text("cli.cases.header", args.lang, count=len(views)), file=out)
    for v in views:
        state = (word_label("outcome", v.outcome, args.lang) + " " + format_date(v.closed_on)) if v.closed_on \
            else messages.text("cli.cases.open", args.lang)
        print(f"  #{v.id}  {format_date(v.opened_on)}  {word_label('case_kind', v.kind, args.lang)}  "
              f"[{state}]  {v.title}", file=out)
    return 0
