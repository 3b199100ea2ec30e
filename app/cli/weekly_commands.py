"""``report weekly``: the weekly summary for entering into "Mặt trận số"
(``app.reports.weekly_sheet``), one printable sheet with what changed since
the last summary written."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app import messages
from app.cli.output import print_json
from app.cli.parsing import Say
from app.db.storage import open_store

COMMANDS: list = []

messages.register(
    {
        "cli.weekly.done": (
            "Đã ghi số liệu nhập Mặt trận số {week} của {commune}: {path}\n"
            "  {count} chỉ tiêu, trong đó {unknown} chỉ tiêu không rõ (ghi chú trên tờ nói vì sao).",
            "Wrote the Mặt trận số figures of {week} for {commune}: {path}\n"
            "  {count} figures, {unknown} of them not known (the sheet's notes say why).",
        ),
        "cli.weekly.changed": (
            "  So với bản tổng hợp tuần {number}/{year}: {changed} chỉ tiêu thay đổi.",
            "  Since the summary of week {number}/{year}: {changed} figure(s) changed.",
        ),
        "cli.weekly.first": (
            "  Chưa có bản tổng hợp của tuần nào trước để so sánh.",
            "  There is no summary of an earlier week to compare with.",
        ),
        "cli.weekly.recorded": (
            "  Đã lưu số liệu tuần này để tuần sau so sánh.",
            "  This week's figures are kept for next week's comparison.",
        ),
        "cli.weekly.preview": (
            "  Bản xem trước (--dry-run): không lưu để so sánh.",
            "  A preview (--dry-run): not kept for comparison.",
        ),
    }
)


def command(fn):
    COMMANDS.append(fn)
    return fn


@command
def _register_report(sub, common, say: Say) -> None:
    p = sub.add_parser("report", help=say("bản tổng hợp số liệu: số liệu hằng tuần nhập Mặt trận số",
                                          "summaries: the weekly figures for the Front's national platform (Mat tran so)"))
    what = p.add_subparsers(dest="what", required=True, parser_class=p.__class__, metavar="weekly")
    w = what.add_parser("weekly", help=say(
        "số liệu của một tuần để nhập vào nền tảng Mặt trận số (một trang in), kèm thay đổi so với tuần trước",
        "one week's figures to enter into the Front's national platform (Mat tran so), on one printable "
        "sheet, with the changes since the last summary"))
    w.add_argument("--week", metavar=say("TUẦN", "WEEK"), help=say(
        "tuần theo ISO, như 2026-W48 (mặc định: tuần hiện tại)", "an ISO week such as 2026-W48 (default: this week)"))
    w.add_argument("--out", required=True, type=Path, metavar=say("TỆP.xlsx", "FILE.xlsx"),
                   help=say("tệp Excel sẽ ghi", "the Excel file to write"))
    w.add_argument("--dry-run", action="store_true", help=say(
        "chỉ xem trước: ghi tệp nhưng không lưu số liệu để tuần sau so sánh",
        "a preview: write the file but do not keep the figures for next week's comparison"))
    common(w, json_flag=True)
    w.set_defaults(handler=cmd_report_weekly)


def cmd_report_weekly(args: argparse.Namespace, out: TextIO) -> int:
    from app.domain.commune import get_commune
    from app.reports.weekly_sheet import write_weekly_summary
    from app.reports.weekly_week import parse_week, week_of

    today = args.clock.today()
    week = parse_week(args.week, today=today) if args.week is not None else week_of(today)
    with open_store(args.database, clock=args.clock) as store:
        made = write_weekly_summary(store, week, args.out, record=not args.dry_run)
        commune = get_commune(store).name
    f = made.figures
    if args.json:
        print_json(out, {
            "week": week.code, "first": week.first.isoformat(), "last": week.last.isoformat(),
            "as_of": f.as_of.isoformat(), "path": str(made.path), "recorded": made.recorded, "demo": f.demo,
            "previous_week": f.previous_week,
            "figures": [{"code": r.code, "value": r.value, "previous": r.previous, "change": r.change}
                        for r in f.rows],
        })
        return 0
    lang = args.lang
    shown = week.label() if lang == "vi" else (
        f"week {week.number:02d}/{week.year} ({week.first:%d/%m/%Y} – {week.last:%d/%m/%Y})")
    unknown = sum(1 for r in f.rows if r.value is None)
    print(messages.text("cli.weekly.done", lang, week=shown, commune=commune, path=made.path, count=len(f.rows),
                        unknown=unknown), file=out)
    if f.previous_week is None:
        print(messages.text("cli.weekly.first", lang), file=out)
    else:
        year, number = f.previous_week.split("-W")
        changed = sum(1 for r in f.rows if r.change not in ("", "0"))
        print(messages.text("cli.weekly.changed", lang, year=year, number=number, changed=changed), file=out)
    print(messages.text("cli.weekly.recorded" if made.recorded else "cli.weekly.preview", lang), file=out)
    return 0
