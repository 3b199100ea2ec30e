"""``privacy``: personal data on the command line (Law 91/2025/QH15, Decree
356/2025/NĐ-CP; DESIGN.md "Personal data"): consents and legal bases, the
register of data subjects' requests with their legal clocks, the register of
incidents with the 72-hour notification clock and its letter.

Word values as DESIGN.md writes them (``written``, ``lost-device``...) or in
Vietnamese, with or without accents; days as dd/mm/yyyy, moments as
"dd/mm/yyyy HH:MM". ``--json`` prints the record written (with its ``id``)
or the list asked for, days in ISO and word values as the command line
writes them.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app import messages
from app.cli.output import print_json
from app.cli.assessment_commands import add_assessment_arguments
from app.cli.parsing import Say, day_help, whole_number, words_help
from app.cli.privacy_steps import add_incident_steps, add_request_steps
from app.db.storage import open_store
from app.text.dates import format_date, format_moment

COMMANDS: list = []

messages.register(
    {
        "cli.privacy.consent_done": (
            "Đã ghi sự đồng ý số {id} của {person}: {method}, ngày {on}, phạm vi “{scope}”{evidence}.",
            "Recorded consent #{id} of {person}: {method}, on {on}, scope “{scope}”{evidence}.",
        ),
        "cli.privacy.evidence": (
            "; bản quét {name} ({size} byte, SHA-256 {sha})", "; evidence {name} ({size} bytes, SHA-256 {sha})",
        ),
        "cli.privacy.withdrawn": (
            "Đã ghi rút lại {count} sự đồng ý của người số {person} ngày {on}.",
            "Recorded the withdrawal of {count} consent(s) of person #{person} on {on}.",
        ),
        "cli.privacy.basis_done": (
            "Đã ghi căn cứ pháp lý số {id} cho người số {person} từ ngày {on}: {basis}",
            "Recorded legal basis #{id} for person #{person} from {on}: {basis}",
        ),
        "cli.privacy.no_consents": ("Chưa ghi sự đồng ý nào.", "No consents recorded."),
        "cli.privacy.consents_header": ("{count} sự đồng ý:", "{count} consent(s):"),
        "cli.privacy.withdrawn_on": ("đã rút lại ngày {on}", "withdrawn on {on}"),
        "cli.privacy.in_force": ("còn hiệu lực", "in force"),
        "cli.privacy.request_added": (
            "Đã ghi yêu cầu số {id} ({kind}) của {requester}, nhận ngày {received}: phản hồi chậm nhất ngày {ack}, "
            "hoàn thành chậm nhất ngày {due} ({citation}).",
            "Recorded request #{id} ({kind}) from {requester}, received on {received}: acknowledge by {ack}, "
            "complete by {due} ({citation}).",
        ),
        "cli.privacy.no_requests": ("Không có yêu cầu nào.", "No requests."),
        "cli.privacy.requests_header": ("{count} yêu cầu:", "{count} request(s):"),
        "cli.privacy.overdue": ("QUÁ HẠN", "OVERDUE"),
        "cli.privacy.open": ("đang xử lý", "open"),
        "cli.privacy.done": ("xong ngày {on}", "done on {on}"),
        "cli.privacy.request_line": (
            "phản hồi chậm nhất {ack}, hoàn thành chậm nhất {due}", "acknowledge by {ack}, complete by {due}",
        ),
        "cli.privacy.request_extension": (
            " (gia hạn {days} ngày: {reason})", " ({days} more days: {reason})",
        ),
        "cli.privacy.request_done": ("Đã ghi hoàn thành yêu cầu số {id} ngày {on}.", "Request #{id} completed on {on}."),
        "cli.privacy.erased": (
            "Đã xóa hẳn người số {person} theo yêu cầu (xem docs/PRIVACY.md về các bản sao lưu cũ).",
            "Person #{person} erased on request (see docs/PRIVACY.md about older backups).",
        ),
        "cli.privacy.incident_added": (
            "Đã ghi sự cố số {id} ({kind}), phát hiện lúc {discovered}: phải thông báo chậm nhất lúc {deadline} "
            "({citation}). Thư thông báo: frontdesk privacy incidents letter {id} --out TỆP.txt",
            "Recorded incident #{id} ({kind}), discovered at {discovered}: notify by {deadline} ({citation}). "
            "The letter: frontdesk privacy incidents letter {id} --out FILE.txt",
        ),
        "cli.privacy.no_incidents": ("Không có sự cố nào.", "No incidents."),
        "cli.privacy.incidents_header": ("{count} sự cố:", "{count} incident(s):"),
        "cli.privacy.notified": ("đã thông báo lúc {at}", "notified at {at}"),
        "cli.privacy.notify_by": ("thông báo chậm nhất lúc {at}", "notify by {at}"),
        "cli.privacy.letter_done": ("Đã ghi thư thông báo sự cố số {id}: {path}", "Wrote the letter for incident #{id}: {path}"),
    }
)


def command(fn):
    COMMANDS.append(fn)
    return fn




@command
def _register_privacy(sub, common, say: Say) -> None:
    p = sub.add_parser("privacy", help=say(
        "dữ liệu cá nhân: sự đồng ý, yêu cầu của chủ thể dữ liệu, sự cố (Luật 91/2025/QH15)",
        "personal data: consents, data subjects' requests, incidents (Law 91/2025/QH15)"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__,
                            metavar="consent|withdraw|basis|consents|requests|incidents|assessment")
    c = what.add_parser("consent", help=say("ghi sự đồng ý của một người", "record a person's consent"))
    c.add_argument("person_id", type=whole_number(say), metavar="PERSON_ID", help=say("số của người", "the person's number"))
    c.add_argument("--method", required=True, metavar=say("HÌNH_THỨC", "METHOD"), help=words_help(
        say, "written|call|message|app", "hình thức đồng ý", "how it was given"))
    c.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày đồng ý", "the day it was given"))
    c.add_argument("--scope", required=True, metavar=say("PHẠM_VI", "TEXT"),
                   help=say("đồng ý cho việc gì (như đã đọc cho người đó)", "what it covers (as read to the person)"))
    c.add_argument("--evidence", type=Path, metavar=say("TỆP", "FILE"),
                   help=say("bản quét phiếu đồng ý hoặc ghi âm (tối đa 10 MB), lưu trong cơ sở dữ liệu",
                            "the scanned form or the recording (at most 10 MB), kept in the database"))
    common(c, json_flag=True)
    c.set_defaults(handler=cmd_consent)
    w = what.add_parser("withdraw", help=say("ghi việc rút lại sự đồng ý", "record a withdrawal of consent"))
    w.add_argument("person_id", type=whole_number(say), metavar="PERSON_ID", help=say("số của người", "the person's number"))
    w.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày rút lại", "the day it was withdrawn"))
    common(w, json_flag=True)
    w.set_defaults(handler=cmd_withdraw)
    b = what.add_parser("basis", help=say("ghi căn cứ pháp lý xử lý dữ liệu không cần sự đồng ý",
                                          "record a legal basis for processing without consent"))
    b.add_argument("person_id", type=whole_number(say), metavar="PERSON_ID", help=say("số của người", "the person's number"))
    b.add_argument("--basis", required=True, metavar=say("CĂN_CỨ", "TEXT"),
                   help=say("căn cứ (điều, khoản của luật; Điều lệ Mặt trận...)",
                            "the basis (an article of a law, the Front's charter...)"))
    b.add_argument("--on", metavar="DD/MM/YYYY", help=day_help(say, "áp dụng từ ngày (mặc định: hôm nay)",
                                                          "in force from (default: today)"))
    common(b, json_flag=True)
    b.set_defaults(handler=cmd_basis)
    listing = what.add_parser("consents", help=say("danh sách sự đồng ý đã ghi", "the consents recorded"))
    common(listing, json_flag=True)
    listing.set_defaults(handler=cmd_consents)
    _register_requests(what, common, say)
    _register_incidents(what, common, say)
    a = what.add_parser("assessment", help=say(
        "bản nháp hồ sơ đánh giá tác động xử lý dữ liệu cá nhân, lập từ dữ liệu đang lưu",
        "the draft personal data processing impact assessment, made from the data held"))
    add_assessment_arguments(a, say)
    common(a, json_flag=True)


def _register_requests(what, common, say: Say) -> None:
    r = what.add_parser("requests", help=say("sổ theo dõi yêu cầu của chủ thể dữ liệu (có thời hạn luật định)",
                                             "the register of data subjects' requests (with the legal clocks)"))
    action = r.add_subparsers(dest="action", required=True, parser_class=r.__class__, metavar="add|list|answer|done")
    a = action.add_parser("add", help=say("ghi một yêu cầu mới", "record a new request"))
    a.add_argument("--person", type=whole_number(say), metavar="ID", help=say("số của người yêu cầu", "the person's number"))
    a.add_argument("--kind", required=True, metavar=say("LOẠI", "KIND"), help=words_help(
        say, "access|correction|erasure|withdrawal|restriction|objection", "loại yêu cầu", "the kind of request"))
    a.add_argument("--received", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày nhận", "the day it was received"))
    a.add_argument("--requester", metavar=say("NGƯỜI_YÊU_CẦU", "TEXT"),
                   help=say("người gửi yêu cầu, nếu không phải chính người đó", "who asked, if not the person"))
    common(a, json_flag=True)
    a.set_defaults(handler=cmd_requests_add)
    listing = action.add_parser("list", help=say("danh sách yêu cầu với hạn phản hồi, hạn hoàn thành",
                                                 "the requests with their due dates"))
    listing.add_argument("--open", action="store_true", help=say("chỉ yêu cầu chưa hoàn thành", "only open requests"))
    listing.add_argument("--overdue", action="store_true", help=say("chỉ yêu cầu quá hạn", "only overdue requests"))
    common(listing, json_flag=True)
    listing.set_defaults(handler=cmd_requests_list)
    d = action.add_parser("done", help=say(
        "ghi hoàn thành một yêu cầu (yêu cầu xóa: xóa hẳn người đó; rút lại: rút mọi sự đồng ý)",
        "complete a request (erasure: erases the person; withdrawal: withdraws their consents)"))
    d.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của yêu cầu", "the request's number"))
    d.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày hoàn thành", "the day it was done"))
    d.add_argument("--outcome", metavar=say("KẾT_QUẢ", "TEXT"), help=say("đã làm gì", "what was done"))
    common(d, json_flag=True)
    d.set_defaults(handler=cmd_requests_done)
    add_request_steps(action, common, say)


def _register_incidents(what, common, say: Say) -> None:
    i = what.add_parser("incidents", help=say("sổ theo dõi sự cố dữ liệu cá nhân (thông báo trong 72 giờ)",
                                              "the register of personal data incidents (72-hour notification)"))
    action = i.add_subparsers(dest="action", required=True, parser_class=i.__class__, metavar="add|list|notified|close|letter")
    a = action.add_parser("add", help=say("ghi một sự cố", "record an incident"))
    a.add_argument("--on", required=True, metavar="DD/MM/YYYY", help=day_help(say, "ngày xảy ra", "the day it happened"))
    a.add_argument("--what", required=True, metavar=say("NỘI_DUNG", "TEXT"), help=say("chuyện gì đã xảy ra", "what happened"))
    a.add_argument("--kind", default="other", metavar=say("LOẠI", "KIND"), help=words_help(
        say, "lost-device|stolen-pc|wrong-recipient|other", "loại sự cố (mặc định: other)", "the kind (default: other)"))
    a.add_argument("--discovered", metavar="\"DD/MM/YYYY HH:MM\"", help=say(
        "lúc phát hiện, mốc tính 72 giờ (mặc định: bây giờ)", "when it was discovered, the 72 hours run from it "
        "(default: now)"))
    a.add_argument("--people", metavar="N", help=say("số người bị ảnh hưởng (ước tính)", "how many people (estimate)"))
    common(a, json_flag=True)
    a.set_defaults(handler=cmd_incidents_add)
    listing = action.add_parser("list", help=say("danh sách sự cố với hạn thông báo", "the incidents with their deadlines"))
    common(listing, json_flag=True)
    listing.set_defaults(handler=cmd_incidents_list)
    letter = action.add_parser("letter", help=say("thư thông báo sự cố, điền sẵn (.txt)", "the notification letter, prefilled (.txt)"))
    letter.add_argument("id", type=whole_number(say), metavar="ID", help=say("số của sự cố", "the incident's number"))
    letter.add_argument("--out", required=True, type=Path, metavar=say("TỆP.txt", "FILE.txt"),
                        help=say("tệp sẽ ghi", "the file to write"))
    common(letter)
    letter.set_defaults(handler=cmd_incidents_letter)
    add_incident_steps(action, common, say)


# -- consents ------------------------------------------------------------------------------


def cmd_consent(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.consent import list_consents, record_consent
    from app.domain.privacy_words import privacy_word

    with open_store(args.database, clock=args.clock) as store:
        consent_id = record_consent(store, args.person_id, method=args.method, on=args.on, scope=args.scope,
                                    evidence=args.evidence)
        view = next(v for v in list_consents(store, args.person_id) if v.id == consent_id)
    if args.json:
        print_json(out, view.as_json())
        return 0
    evidence = messages.text("cli.privacy.evidence", args.lang, name=view.evidence_name, size=view.evidence_size,
                             sha=view.evidence_sha256) if view.evidence_sha256 else ""
    print(messages.text("cli.privacy.consent_done", args.lang, id=view.id, person=view.person,
                        method=privacy_word("consent_method", view.method, args.lang), on=format_date(view.given_on),
                        scope=view.scope, evidence=evidence), file=out)
    return 0


def cmd_withdraw(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.consent import withdraw_consent

    with open_store(args.database, clock=args.clock) as store:
        ids = withdraw_consent(store, args.person_id, on=args.on)
        day = store.conn.execute("SELECT withdrawn_on FROM consent WHERE id = ?", (ids[0],)).fetchone()[0]
    if args.json:
        print_json(out, {"person_id": args.person_id, "withdrawn": ids, "withdrawn_on": day})
        return 0
    print(messages.text("cli.privacy.withdrawn", args.lang, count=len(ids), person=args.person_id,
                        on=format_date(day)), file=out)
    return 0


def cmd_basis(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.consent import legal_bases_of, record_legal_basis

    with open_store(args.database, clock=args.clock) as store:
        basis_id = record_legal_basis(store, args.person_id, basis=args.basis, on=args.on)
        view = next(v for v in legal_bases_of(store, args.person_id) if v.id == basis_id)
    if args.json:
        print_json(out, view.as_json())
        return 0
    print(messages.text("cli.privacy.basis_done", args.lang, id=view.id, person=view.person_id,
                        on=format_date(view.recorded_on), basis=view.basis), file=out)
    return 0


def cmd_consents(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.consent import list_consents
    from app.domain.privacy_words import privacy_word

    with open_store(args.database, clock=args.clock) as store:
        views = list_consents(store)
    if args.json:
        print_json(out, [v.as_json() for v in views])
        return 0
    if not views:
        print(messages.text("cli.privacy.no_consents", args.lang), file=out)
        return 0
    print(messages.text("cli.privacy.consents_header", args.lang, count=len(views)), file=out)
    for v in views:
        state = (messages.text("cli.privacy.withdrawn_on", args.lang, on=format_date(v.withdrawn_on))
                 if v.withdrawn_on else messages.text("cli.privacy.in_force", args.lang))
        print(f"  #{v.id}  {format_date(v.given_on)}  {v.person} (#{v.person_id})  "
              f"{privacy_word('consent_method', v.method, args.lang)}  [{state}]  {v.scope}", file=out)
    return 0


# -- requests ------------------------------------------------------------------------------


def cmd_requests_add(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.data_requests import add_request, get_request
    from app.domain.privacy_words import privacy_word

    with open_store(args.database, clock=args.clock) as store:
        view = get_request(store, add_request(store, kind=args.kind, received_on=args.received,
                                              person_id=args.person, requester=args.requester))
    if args.json:
        print_json(out, view.as_json())
        return 0
    print(messages.text("cli.privacy.request_added", args.lang, id=view.id,
                        kind=privacy_word("request_kind", view.kind, args.lang), requester=view.requester,
                        received=format_date(view.received_on), ack=format_date(view.acknowledge_by),
                        due=format_date(view.complete_by), citation=view.citation), file=out)
    return 0


def cmd_requests_list(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.data_requests import list_requests
    from app.domain.privacy_words import privacy_word

    with open_store(args.database, clock=args.clock) as store:
        views = list_requests(store, open=args.open, overdue=args.overdue)
    if args.json:
        print_json(out, [v.as_json() for v in views])
        return 0
    if not views:
        print(messages.text("cli.privacy.no_requests", args.lang), file=out)
        return 0
    print(messages.text("cli.privacy.requests_header", args.lang, count=len(views)), file=out)
    for v in views:
        if v.completed_on:
            state = messages.text("cli.privacy.done", args.lang, on=format_date(v.completed_on))
        else:
            state = messages.text("cli.privacy.overdue" if v.overdue else "cli.privacy.open", args.lang)
        dues = messages.text("cli.privacy.request_line", args.lang, ack=format_date(v.acknowledge_by),
                             due=format_date(v.complete_by))
        if v.extended_days:
            dues += messages.text("cli.privacy.request_extension", args.lang, days=v.extended_days,
                                  reason=v.extension_reason)
        print(f"  #{v.id}  {format_date(v.received_on)}  [{state}]  {privacy_word('request_kind', v.kind, args.lang)}"
              f" — {v.requester}: {dues}", file=out)
    return 0


def cmd_requests_done(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.data_requests import get_request
    from app.sending.erasure_request import complete_erasure_request

    with open_store(args.database, clock=args.clock) as store:
        person = get_request(store, args.id).person_id
        erased = complete_erasure_request(store, args.id, on=args.on, outcome=args.outcome)
        view = get_request(store, args.id)
    if args.json:
        payload = view.as_json()
        payload["erasure"] = erased.as_json() if erased is not None else None
        print_json(out, payload)
        return 0
    if erased is not None:
        print(messages.text("cli.privacy.erased", args.lang, person=person), file=out)
    print(messages.text("cli.privacy.request_done", args.lang, id=view.id, on=format_date(view.completed_on)),
          file=out)
    return 0


# -- incidents -----------------------------------------------------------------------------


def cmd_incidents_add(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.incidents import get_incident, record_incident
    from app.domain.privacy_clocks import NOTIFY_CITATION
    from app.domain.privacy_words import privacy_word

    with open_store(args.database, clock=args.clock) as store:
        view = get_incident(store, record_incident(store, occurred_on=args.on, what=args.what, kind=args.kind,
                                                   discovered_at=args.discovered, people_affected=args.people))
    if args.json:
        print_json(out, view.as_json())
        return 0
    print(messages.text("cli.privacy.incident_added", args.lang, id=view.id,
                        kind=privacy_word("incident_kind", view.kind, args.lang),
                        discovered=format_moment(view.discovered_at), deadline=format_moment(view.notify_by),
                        citation=NOTIFY_CITATION), file=out)
    return 0


def cmd_incidents_list(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.incidents import list_incidents
    from app.domain.privacy_words import privacy_word

    with open_store(args.database, clock=args.clock) as store:
        views = list_incidents(store)
    if args.json:
        print_json(out, [v.as_json() for v in views])
        return 0
    if not views:
        print(messages.text("cli.privacy.no_incidents", args.lang), file=out)
        return 0
    print(messages.text("cli.privacy.incidents_header", args.lang, count=len(views)), file=out)
    for v in views:
        if v.notified_at:
            state = messages.text("cli.privacy.notified", args.lang, at=format_moment(v.notified_at))
        else:
            state = messages.text("cli.privacy.notify_by", args.lang, at=format_moment(v.notify_by))
            if v.overdue:
                state = f"{messages.text('cli.privacy.overdue', args.lang)}, {state}"
        print(f"  #{v.id}  {format_moment(v.discovered_at)}  [{state}]  "
              f"{privacy_word('incident_kind', v.kind, args.lang)}: {v.what}", file=out)
    return 0


def cmd_incidents_letter(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.incident_letter import write_notification_letter

    with open_store(args.database, clock=args.clock) as store:
        path = write_notification_letter(store, args.id, args.out)
    print(messages.text("cli.privacy.letter_done", args.lang, id=args.id, path=path), file=out)
    return 0
