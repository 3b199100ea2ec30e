"""``export report``, ``export members`` and ``consolidate``: the Excel files
that leave the commune, and the province's summary of them."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app import messages
from app.cli.output import print_json as _print_json
from app.cli.parsing import Say
from app.db.storage import open_store

COMMANDS: list = []

messages.register(
    {
        "cli.export.report_done": (
            "Đã xuất báo cáo {period} của {commune}: {path}\n"
            "  Hội viên, đoàn viên: {members} — chức danh còn trống: {vacant} suất — người kiêm nhiệm: {concurrent}\n"
            "  Công việc trong kỳ: {assigned} (đúng hạn {on_time}, trễ hạn {late}, chưa xong {open}, quá hạn {overdue})\n"
            "  Mã kiểm tra (SHA-256 số liệu): {sha}",
            "Exported the {period} report of {commune}: {path}\n"
            "  Members: {members} — vacant seats: {vacant} — concurrent holders: {concurrent}\n"
            "  Tasks of the period: {assigned} (on time {on_time}, late {late}, open {open}, overdue {overdue})\n"
            "  Checksum (SHA-256 of the figures): {sha}",
        ),
        "cli.export.members_done": (
            "Đã xuất danh sách {count} người{org}: {path}{hidden}",
            "Exported a list of {count} people{org}: {path}{hidden}",
        ),
        "cli.export.masked": (
            "\n  Số CCCD đã được che (dùng --with-citizen-id để xuất đủ); không có dân tộc, tôn giáo "
            "(dùng --with-ethnicity-religion).",
            "\n  Citizen IDs are masked (--with-citizen-id exports them whole); no ethnicity or religion "
            "(--with-ethnicity-religion).",
        ),
        "cli.export.masked_ids": (
            "\n  Số CCCD đã được che (dùng --with-citizen-id để xuất đủ).",
            "\n  Citizen IDs are masked (--with-citizen-id exports them whole).",
        ),
        "cli.export.sensitive_logged": (
            "  Dân tộc, tôn giáo: ghi cho {filled} người có sự đồng ý hoặc căn cứ pháp lý, để trống {empty} người "
            "chưa có căn cứ; việc xuất đã được ghi vào nhật ký thay đổi.",
            "  Ethnicity and religion: filled in for {filled} people with a consent or a legal basis, left empty "
            "for {empty} without one; the export is written in the change log.",
        ),
        "cli.consolidate.done": (
            "Tổng hợp {period} của {province}: {sent} đơn vị đã gửi, {missing} đơn vị chưa gửi, {rejected} tệp "
            "không dùng. Tệp tổng hợp: {path}",
            "Summary of {period} for {province}: {sent} communes reported, {missing} sent nothing, {rejected} "
            "file(s) not used. Summary file: {path}",
        ),
        "cli.export.queued": (
            "Đã xếp vào hàng gửi lên tỉnh (mục {id}, tới {destination}). Ứng dụng tự gửi khi có mạng; "
            "gửi ngay bằng: frontdesk sync run",
            "Queued for the province (item {id}, to {destination}). The app sends it when a connection is "
            "there; send now with: frontdesk sync run",
        ),
        "cli.export.queued_already_sent": (
            "Báo cáo y hệt đã được gửi tới {destination} (mục {id}); không gửi lại.",
            "The very same report was already sent to {destination} (item {id}); it is not sent again.",
        ),
        "cli.export.queued_no_destination": (
            "Đã xếp vào hàng gửi (mục {id}) nhưng chưa đặt nơi gửi. Hãy đặt bằng: frontdesk sync destination …",
            "Queued (item {id}), but no destination is set yet. Set one with: frontdesk sync destination …",
        ),
        "cli.consolidate.rejected": ("Tệp không dùng:", "Files not used:"),
        "cli.consolidate.missing": ("Chưa gửi ({count}): {names}", "Sent nothing ({count}): {names}"),
        "cli.consolidate.refused": (
            "{count} tệp bị từ chối vì có lỗi (lý do ở trên); bản tổng hợp chỉ gồm các báo cáo hợp lệ.",
            "{count} file(s) refused as faulty (reasons above); the summary holds only the valid reports.",
        ),
    }
)


def command(fn):
    COMMANDS.append(fn)
    return fn


@command
def _register_export(sub, common, say: Say) -> None:
    p = sub.add_parser("export", help=say("xuất tệp Excel: báo cáo gửi tỉnh, danh sách hội viên",
                                          "write Excel files: the province report, the member roster"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__, metavar="report|members")
    r = what.add_parser("report", help=say("báo cáo gửi tỉnh của một kỳ", "the province report of a period"))
    r.add_argument("--period", required=True, metavar=say("KỲ", "PERIOD"), help=say(
        "11/2026 hoặc 2026-11 (tháng), Q4/2026 hoặc 2026-Q4 (quý), \"6 tháng đầu năm 2026\" hoặc 2026-H1, 2026 (năm)",
        "11/2026 or 2026-11 (month), Q4/2026 or 2026-Q4, \"6 tháng đầu năm 2026\" or 2026-H1, 2026"))
    r.add_argument("--out", required=True, type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"),
                   help=say("tệp Excel sẽ ghi", "the Excel file to write"))
    r.add_argument("--with-rosters", action="store_true",
                   help=say("kèm danh sách hội viên của từng tổ chức", "add a member list per organization"))
    r.add_argument("--send", action="store_true",
                   help=say("đồng thời xếp tệp vào hàng gửi lên tỉnh", "also queue the file to be sent to the province"))
    common(r, json_flag=True)
    r.set_defaults(handler=cmd_export_report)
    m = what.add_parser("members", help=say("danh sách hội viên, xếp theo thứ tự tiếng Việt",
                                            "the roster, sorted the Vietnamese way"))
    m.add_argument("--out", required=True, type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"),
                   help=say("tệp Excel sẽ ghi", "the Excel file to write"))
    m.add_argument("--org", metavar=say("TỔ_CHỨC", "ORG"),
                   help=say("chỉ hội viên của tổ chức này (mã, tên viết tắt hoặc tên)",
                            "only the members of this organization (code, short name or name)"))
    m.add_argument("--with-citizen-id", action="store_true",
                   help=say("số CCCD đầy đủ (mặc định được che)", "citizen IDs in full (masked otherwise)"))
    m.add_argument("--with-ethnicity-religion", action="store_true",
                   help=say("thêm cột dân tộc và tôn giáo (chỉ ghi cho người đã có sự đồng ý hoặc căn cứ pháp lý; "
                            "cần --purpose; được ghi vào nhật ký thay đổi)",
                            "add ethnicity and religion columns (filled only for people with a consent or a legal "
                            "basis on record; needs --purpose; written to the change log)"))
    m.add_argument("--purpose", metavar=say("MỤC_ĐÍCH", "TEXT"),
                   help=say("mục đích xuất dân tộc, tôn giáo theo từng người (bắt buộc khi có --with-ethnicity-religion)",
                            "why ethnicity and religion are exported by person (required with --with-ethnicity-religion)"))
    common(m, json_flag=True)
    m.set_defaults(handler=cmd_export_members)


def cmd_export_report(args: argparse.Namespace, out: TextIO) -> int:
    from app.text.periods import parse_period
    from app.reports.province_report import export_report

    with open_store(args.database, clock=args.clock) as store:
        period = parse_period(args.period, today=store.today())
        result = export_report(store, period, args.out, with_rosters=args.with_rosters)
        queued = None
        if args.send:
            from app.sending.destination import queue_for_sending

            queued = queue_for_sending(store, result.path, result.meta["commune_code"], result.meta["period"])
    f = result.figures
    total = f.unit("commune")
    if args.json:
        payload = {"path": str(result.path), "meta": result.meta,
                   "figures": [{"indicator": i, "organization": o, "value": v} for i, o, v in f.data_rows()]}
        if queued is not None:
            payload["outbox"] = {"id": queued.id, "state": queued.state, "remote_name": queued.remote_name,
                                 "destination": queued.destination}
        _print_json(out, payload)
        return 0
    print(messages.text(
        "cli.export.report_done", args.lang, period=f.period.label(args.lang), commune=f.commune.name,
        path=result.path, members=total["members.total"], vacant=total["positions.vacant"],
        concurrent=total["positions.concurrent_holders"], assigned=total["tasks.assigned"],
        on_time=total["tasks.done_on_time"], late=total["tasks.done_late"], open=total["tasks.open"],
        overdue=total["tasks.overdue"], sha=result.meta["data_sha256"],
    ), file=out)
    if queued is not None:
        if not queued.destination:
            key = "cli.export.queued_no_destination"
        else:
            key = "cli.export.queued_already_sent" if queued.state == "sent" else "cli.export.queued"
        print(messages.text(key, args.lang, id=queued.id, destination=queued.destination), file=out)
    return 0


def cmd_export_members(args: argparse.Namespace, out: TextIO) -> int:
    from app.reports.member_list import export_members
    from app.domain.organizations import find_organization

    with open_store(args.database, clock=args.clock) as store:
        org_id = find_organization(store, args.org) if args.org else None
        result = export_members(store, args.out, org_id=org_id, with_citizen_id=args.with_citizen_id,
                                with_ethnicity_religion=args.with_ethnicity_religion, purpose=args.purpose)
    if args.json:
        payload = {"path": str(result.path), "rows": result.rows, "organization": result.organization,
                   "citizen_id": "full" if args.with_citizen_id else "masked",
                   "ethnicity_religion": bool(args.with_ethnicity_religion)}
        if args.with_ethnicity_religion:
            payload["ethnicity_religion_filled"] = result.with_basis
        _print_json(out, payload)
        return 0
    if args.with_citizen_id and args.with_ethnicity_religion:
        hidden = ""
    elif args.with_ethnicity_religion:
        hidden = messages.text("cli.export.masked_ids", args.lang)
    else:
        hidden = messages.text("cli.export.masked", args.lang)
    org = f" ({result.organization})" if result.organization else ""
    print(messages.text("cli.export.members_done", args.lang, count=result.rows, org=org, path=result.path,
                        hidden=hidden), file=out)
    if args.with_ethnicity_religion:
        print(messages.text("cli.export.sensitive_logged", args.lang, filled=result.with_basis,
                            empty=result.rows - (result.with_basis or 0)), file=out)
    return 0


@command
def _register_consolidate(sub, common, say: Say) -> None:
    p = sub.add_parser("consolidate", help=say("phía tỉnh: tổng hợp báo cáo của nhiều xã thành một bản",
                                               "province side: many commune reports -> one summary"))
    p.add_argument("folder", type=Path, metavar=say("THƯ_MỤC", "DIR"),
                   help=say("thư mục chứa các tệp báo cáo của các xã", "the folder holding the communes' report files"))
    p.add_argument("--out", required=True, type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"),
                   help=say("tệp tổng hợp sẽ ghi", "the summary file to write"))
    p.add_argument("--province", metavar=say("MÃ", "CODE"),
                   help=say("tỉnh, thành phố (mặc định: nơi có nhiều báo cáo nhất)",
                            "the province (default: the one most reports belong to)"))
    p.add_argument("--period", metavar=say("KỲ", "PERIOD"),
                   help=say("kỳ báo cáo (mặc định: kỳ có nhiều báo cáo nhất)",
                            "the period (default: the one most reports carry)"))
    common(p, json_flag=True)
    p.set_defaults(handler=cmd_consolidate)


def cmd_consolidate(args: argparse.Namespace, out: TextIO) -> int:
    from app.reports.consolidation import consolidate
    from app.reports.consolidation_workbook import write_summary
    from app.text.periods import parse_period
    from app.spreadsheets.xlsx_writing import check_target

    check_target(args.out)  # before reading a hundred files
    result = consolidate(args.folder, province_code=args.province, period=args.period, skip=args.out,
                         clock=args.clock)
    path = write_summary(result, args.out, now=args.clock.now())
    lang = args.lang
    refused = result.refused()  # a file at fault: exit status 1, after the summary of the good ones
    if args.json:
        totals: dict[str, dict[str, int]] = {}
        for (indicator, unit), value in sorted(result.totals().items()):
            totals.setdefault(indicator, {})[unit] = value
        _print_json(out, {
            "path": str(path), "province": result.province.code, "period": result.period,
            "communes": [{"code": k.commune.code, "name": k.commune.name, "file": k.report.path.name,
                          "generated_at": k.report.generated_at, "export_id": k.report.meta["export_id"]}
                         for k in result.kept],
            "totals": totals,
            "missing": [{"code": c.code, "name": c.name} for c in result.missing],
            "rejected": [{"file": r.path.name, "reason": r.reason, "message": result.describe(r, lang),
                          "refused": r in refused} for r in result.rejected],
        })
        return 1 if refused else 0
    print(messages.text(
        "cli.consolidate.done", lang, period=parse_period(result.period).label(lang), province=result.province.full_name,
        sent=len(result.kept), missing=len(result.missing), rejected=len(result.rejected), path=path,
    ), file=out)
    if result.rejected:
        print(messages.text("cli.consolidate.rejected", lang), file=out)
        for r in result.rejected:
            print(f"  {r.path.name}: {result.describe(r, lang)}", file=out)
    if result.missing:
        names = ", ".join(c.name for c in result.missing[:12]) + (" …" if len(result.missing) > 12 else "")
        print(messages.text("cli.consolidate.missing", lang, count=len(result.missing), names=names), file=out)
    if refused:
        print(messages.text("cli.consolidate.refused", lang, count=len(refused)), file=out)
        return 1
    return 0

