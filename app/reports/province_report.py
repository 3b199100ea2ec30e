"""The province report workbook: ``frontdesk export report``.

Human sheets, printed as an official document (Times New Roman, A4 fitted to
width, the letterhead, the table header repeated on every page, a signature
block): the summary by organization, the positions with their holders and
the concurrent holders, the tasks of the period, and with ``with_rosters``
one member list per organization. Then the hidden ``_meta`` and ``_data``
sheets the province's consolidation reads (``app.reports.report_file``).

The figures come from ``app.reports.figures``; nothing is computed here.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import __version__
from app.clock import iso_timestamp
from app.text.dates import format_date
from app.text.periods import Period
from app.progress import ProgressCallback, ignore_progress
from app.reports.printed_summary import SUMMARY_GROUPS, SUMMARY_SHEET, total_label
from app.reports.report_file import DATA_HEADER, META_KEYS, TEMPLATE_ID, TEMPLATE_VERSION, report_sha256
from app.reports.figures import ReportFigures, compute_figures, unit_roster
from app.db.storage import Store
from app.spreadsheets.xlsx_writing import (
    Letterhead, Styles, atomic_workbook, draw, letterhead, merge_text, place_name, row_height, setup_page,
    signature, titles, vietnamese_date_line, write_text,
)

__all__ = ["ReportExport", "export_report", "write_report"]

OUTCOME = {"done_on_time": "Đúng hạn", "done_late": "Trễ hạn", "open": "Đang thực hiện", "overdue": "Quá hạn"}


@dataclass
class ReportExport:
    path: Path
    figures: ReportFigures
    meta: dict[str, str]


def export_report(
    store: Store, period: Period, out: Path | str, *, with_rosters: bool = False,
    progress: ProgressCallback | None = None,
) -> ReportExport:
    """Compute the figures of ``period`` and write the workbook to ``out``."""
    report = progress or ignore_progress
    report("figures", 0, 1)
    figures = compute_figures(store, period)
    rosters = []
    if with_rosters:
        for n, unit in enumerate(u for u in figures.units if u.key not in ("front", "commune")):
            report("rosters", n, len(figures.units))
            rosters.append((unit.name, unit_roster(store, unit.key, figures.as_of)))
    report("writing", 0, 1)
    return write_report(figures, out, rosters=rosters, generated_at=store.clock.now())


def _meta(figures: ReportFigures, rows: list[tuple[str, str, int]], generated_at) -> dict[str, str]:
    c = figures.commune
    meta = {
        "template_id": TEMPLATE_ID, "template_version": TEMPLATE_VERSION, "commune_code": c.code,
        "commune_name": c.name, "province_code": c.province_code, "period": figures.period.code,
        "generated_at": iso_timestamp(generated_at), "app_version": __version__,
        "export_id": str(uuid.uuid4()), "demo": "true" if figures.demo else "false",
    }
    meta["data_sha256"] = report_sha256(meta, rows)
    assert tuple(meta) == META_KEYS
    return meta


def write_report(figures: ReportFigures, out: Path | str, *, rosters=(), generated_at) -> ReportExport:
    rows = figures.data_rows()
    meta = _meta(figures, rows, generated_at)
    path = Path(out)
    with atomic_workbook(path) as book:
        styles = Styles(book)
        book.set_properties({"title": f"Báo cáo {figures.period.label()} — {figures.commune.name}",
                             "author": "Front Desk", "comments": f"{TEMPLATE_ID} v{TEMPLATE_VERSION}"})
        _summary_sheet(book.add_worksheet(SUMMARY_SHEET), styles, figures)
        if figures.registers:
            _registers_sheet(book.add_worksheet(REGISTERS_SHEET), styles, figures)
        _positions_sheet(book.add_worksheet("Chức danh"), styles, figures)
        _tasks_sheet(book.add_worksheet("Công việc"), styles, figures)
        for n, (name, people) in enumerate(rosters, start=1):
            _roster_sheet(book.add_worksheet(_sheet_name(f"DS {n}. {name}")), styles, figures, n, name, people)
        _hidden_sheets(book, meta, rows)
    return ReportExport(path, figures, meta)


def _sheet_name(text: str) -> str:
    for ch in "[]:*?/\\'":
        text = text.replace(ch, " ")
    return text[:31].strip()


def _period_line(figures: ReportFigures) -> str:
    if figures.today < figures.period.last:
        return (f"(Số liệu đến ngày {format_date(figures.today)}; kỳ báo cáo đến hết ngày "
                f"{format_date(figures.period.last)})")
    return f"(Số liệu tính đến hết ngày {format_date(figures.period.last)})"


# -- the summary --------------------------------------------------------------------------


def _summary_sheet(ws, styles: Styles, figures: ReportFigures) -> None:
    n_cols = 2 + sum(len(cols) for _g, cols in SUMMARY_GROUPS)
    c = figures.commune
    head = Letterhead("ỦY BAN MTTQ VIỆT NAM", c.name.upper(), vietnamese_date_line(place_name(c.name), figures.today))
    lines, row = letterhead(head, n_cols)
    more, row = titles([("BÁO CÁO", "title"), (f"Số liệu công tác Mặt trận {figures.period.label()}", "subtitle"),
                        (_period_line(figures), "center_italic")], n_cols, row, demo=figures.demo)
    draw(ws, styles, lines + more)
    top = row
    ws.merge_range(top, 0, top + 1, 0, "STT", styles("head"))
    ws.merge_range(top, 1, top + 1, 1, "Tổ chức", styles("head"))
    col = 2
    for group, cols in SUMMARY_GROUPS:
        ws.merge_range(top, col, top, col + len(cols) - 1, group, styles("head"))
        for _key, label in cols:
            ws.write_string(top + 1, col, label, styles("head"))
            col += 1
    ws.set_row(top + 1, 45)
    for col in range(n_cols):
        ws.write_string(top + 2, col, f"({col + 1})", styles("colno"))
    row = top + 3
    units = [u for u in figures.units if u.key != "commune"]
    for n, unit in enumerate(units, start=1):
        ws.write_number(row, 0, n, styles("cell_center"))
        write_text(ws, row, 1, unit.name, styles, "cell")
        _figures_row(ws, styles, row, unit, "number")
        ws.set_row(row, row_height([(unit.name, 36)]))
        row += 1
    total = figures.unit("commune")
    ws.merge_range(row, 0, row, 1, total_label(c.division_type), styles("cell_bold"))
    _figures_row(ws, styles, row, total, "number_bold")
    row += 2
    notes = [
        "Ghi chú:",
        "- Một người tham gia nhiều tổ chức chỉ được tính một lần ở dòng Tổng cộng.",
        f"- Tuổi tính đến ngày {format_date(figures.as_of)} (người chỉ có năm sinh: tính theo năm); "
        f"chưa rõ ngày sinh: {total['members.age_unknown']} người; chưa rõ dân tộc: "
        f"{total['members.ethnicity_unknown']} người. Dân tộc thiểu số: các dân tộc ngoài dân tộc Kinh.",
        f"- Chức danh tính theo quyết định phân công còn hiệu lực; {total['positions.acting']} suất do người "
        "giữ quyền (tạm thời) đảm nhiệm. Người kiêm nhiệm: người giữ từ hai chức danh trở lên.",
        "- Công việc trong kỳ: có hạn hoàn thành trong kỳ, hoặc không có hạn và được giao trong kỳ; không tính "
        "việc đã hủy. Tình trạng tính đến hết kỳ (hoặc đến hôm nay nếu kỳ chưa kết thúc). Việc của các kỳ "
        f"trước đến hết kỳ vẫn chưa xong: {total['tasks.backlog_overdue']} việc.",
    ]
    widths = [5, 36] + [8] * (n_cols - 2)
    for text in notes:
        ws.set_row(row, row_height([(text, sum(widths) * 0.95)], 16))
        merge_text(ws, row, 0, n_cols - 1, text, styles, "italic_wrap" if text != "Ghi chú:" else "bold_italic")
        row += 1
    end, _ = signature(n_cols, row + 1, left=[("NGƯỜI LẬP BIỂU", "center_bold"), ("(Ký, ghi rõ họ tên)", "center_italic")],
                       role=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], name=figures.chair)
    draw(ws, styles, end)
    setup_page(ws, landscape=True, repeat=(top, top + 2), widths=widths, demo=figures.demo)
    ws.activate()


def _figures_row(ws, styles: Styles, row: int, unit, style: str) -> None:
    col = 2
    for _group, cols in SUMMARY_GROUPS:
        for key, _label in cols:
            ws.write_number(row, col, unit[key], styles(style))
            col += 1


# -- the Front's own work -----------------------------------------------------------------

REGISTERS_SHEET = "Công tác Mặt trận"
CASE_KINDS = (("inspection", "Thanh tra nhân dân"), ("investment", "Giám sát đầu tư của cộng đồng"),
              ("mediation", "Hòa giải ở cơ sở"), ("supervision", "Giám sát"), ("criticism", "Phản biện xã hội"))


def _registers_sheet(ws, styles: Styles, figures: ReportFigures) -> None:
    """The period's figures of the registers (DESIGN.md, template 2): petitions,
    the "Vì người nghèo" fund and the houses, the cases; the same numbers as
    ``_data``'s rows of the Front committee."""
    r = figures.registers
    widths = [6, 52, 18, 18]
    c = figures.commune
    lines, row = titles([("KẾT QUẢ CÔNG TÁC MẶT TRẬN TRONG KỲ", "title"),
                         (f"{c.name} — {figures.period.label()}", "center_italic"),
                         (_period_line(figures), "center_italic")], len(widths), 0, demo=figures.demo)
    draw(ws, styles, lines)

    def table(title: str, head: tuple[str, ...], lines: list[tuple]) -> None:
        nonlocal row
        merge_text(ws, row, 0, len(widths) - 1, title, styles, "group")
        row += 1
        for col, label in enumerate(head):
            ws.write_string(row, col, label, styles("head"))
        row += 1
        for n, (label, *values) in enumerate(lines, start=1):
            ws.write_number(row, 0, n, styles("cell_center"))
            write_text(ws, row, 1, label, styles, "cell")
            for col, value in enumerate(values, start=2):
                ws.write_number(row, col, value, styles("number"))
            if len(values) < len(widths) - 2:
                ws.write_blank(row, 3, None, styles("number"))
            row += 1
        row += 1

    table("I. Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI VÀ NHÂN DÂN", ("STT", "Nội dung", "Số lượng", ""), [
        ("Tiếp nhận trong kỳ", r["petitions_received"]), ("Đã được trả lời trong kỳ", r["petitions_answered"]),
        ("Trong đó trả lời đúng hạn", r["petitions_answered_on_time"]),
        ("Quá hạn chưa được trả lời", r["petitions_overdue"]),
    ])
    table("II. QUỸ “VÌ NGƯỜI NGHÈO” (đồng)", ("STT", "Nội dung", "Số tiền", ""), [
        ("Tồn đầu kỳ", r["fund_opening"]), ("Thu trong kỳ", r["fund_received"]), ("Chi trong kỳ", r["fund_spent"]),
        ("Tồn cuối kỳ", r["fund_closing"]), ("Nhà Đại đoàn kết xây mới (căn)", r["houses_built"]),
        ("Nhà sửa chữa (căn)", r["houses_repaired"]),
    ])
    table("III. GIÁM SÁT, PHẢN BIỆN, THANH TRA NHÂN DÂN, HÒA GIẢI", ("STT", "Loại việc", "Mở trong kỳ",
                                                                    "Kết thúc trong kỳ"),
          [(label, r[f"cases_opened.{kind}"], r[f"cases_closed.{kind}"]) for kind, label in CASE_KINDS]
          + [("Trong đó hòa giải thành", r["mediation_successful"])])
    setup_page(ws, landscape=False, repeat=None, widths=widths, demo=figures.demo)


# -- positions ----------------------------------------------------------------------------


def _appendix_title(ws, styles: Styles, figures: ReportFigures, width: int, number: str, title: str,
                    extra: str | None = None) -> int:
    c = figures.commune
    lines, row = titles([(f"PHỤ LỤC {number}", "center_bold"), (title, "title"),
                         (f"{c.name} — {figures.period.label()}", "center_italic"),
                         (extra or _period_line(figures), "center_italic")], width, 0, demo=figures.demo)
    draw(ws, styles, lines)
    return row


def _positions_sheet(ws, styles: Styles, figures: ReportFigures) -> None:
    widths = [6, 28, 8, 44, 9]
    row = _appendix_title(ws, styles, figures, 5, "1", "CHỨC DANH VÀ NGƯỜI ĐẢM NHIỆM",
                          f"(Tính đến ngày {format_date(figures.as_of)})")
    top = row
    for col, label in enumerate(("STT", "Chức danh", "Số suất", "Người đảm nhiệm", "Còn trống")):
        ws.write_string(top, col, label, styles("head"))
    ws.set_row(top, 30)
    row += 1
    organization = None
    n = 0
    for line in figures.positions:
        if line.organization_id != organization:
            organization = line.organization_id
            merge_text(ws, row, 0, 4, line.organization, styles, "group")
            row += 1
        n += 1
        holders = "\n".join(
            h.full_name + (f" ({'; '.join(notes)})" if (notes := _holder_notes(h)) else "") for h in line.holders
        )
        ws.write_number(row, 0, n, styles("cell_center"))
        write_text(ws, row, 1, line.title, styles, "cell")
        ws.write_number(row, 2, line.seats, styles("number"))
        write_text(ws, row, 3, holders, styles, "cell")
        if line.vacant:
            ws.write_number(row, 4, line.vacant, styles("number"))
        else:
            ws.write_blank(row, 4, None, styles("number"))
        ws.set_row(row, row_height([(line.title, widths[1]), (holders, widths[3])]))
        row += 1
    row += 1
    merge_text(ws, row, 0, 4, f"DANH SÁCH NGƯỜI KIÊM NHIỆM ({len(figures.concurrent)} người)", styles, "center_bold")
    row += 1
    for col, label in ((0, "STT"), (1, "Họ và tên")):
        ws.write_string(row, col, label, styles("head"))
    ws.merge_range(row, 2, row, 4, "Các chức danh đang giữ", styles("head"))
    row += 1
    for n, holder in enumerate(figures.concurrent, start=1):
        posts = "\n".join(holder.posts)
        ws.write_number(row, 0, n, styles("cell_center"))
        write_text(ws, row, 1, holder.full_name, styles, "cell")
        ws.merge_range(row, 2, row, 4, "", styles("cell"))
        write_text(ws, row, 2, posts, styles, "cell")
        ws.set_row(row, row_height([(posts, sum(widths[2:]))]))
        row += 1
    setup_page(ws, landscape=False, repeat=(top, top), widths=widths, demo=figures.demo)


def _holder_notes(holder) -> list[str]:
    notes = []
    if holder.acting:
        notes.append("quyền")
    if holder.positions_held > 1:
        notes.append("kiêm nhiệm")
    return notes


# -- tasks ----------------------------------------------------------------------------------


def _tasks_sheet(ws, styles: Styles, figures: ReportFigures) -> None:
    widths = [6, 46, 22, 24, 20, 11, 11, 13]
    total = figures.unit("commune")
    summary = (f"Tổng số {total['tasks.assigned']} việc: xong đúng hạn {total['tasks.done_on_time']}, xong trễ hạn "
               f"{total['tasks.done_late']}, chưa xong {total['tasks.open']} (quá hạn {total['tasks.overdue']}).")
    row = _appendix_title(ws, styles, figures, len(widths), "2", "CÔNG VIỆC TRONG KỲ BÁO CÁO")
    merge_text(ws, row - 1, 0, len(widths) - 1, summary, styles, "center")
    top = row
    labels = ("STT", "Nội dung công việc", "Văn bản chỉ đạo", "Tổ chức thực hiện", "Người chủ trì",
              "Hạn hoàn thành", "Ngày hoàn thành", "Kết quả")
    for col, label in enumerate(labels):
        ws.write_string(top, col, label, styles("head"))
    ws.set_row(top, 30)
    row += 1
    for n, task in enumerate(figures.tasks, start=1):
        ws.write_number(row, 0, n, styles("cell_center"))
        for col, text in ((1, task.title), (2, task.source), (3, task.organization), (4, task.lead)):
            write_text(ws, row, col, text, styles, "cell")
        for col, day in ((5, task.due_on), (6, task.completed_on)):
            if day:
                ws.write_datetime(row, col, date.fromisoformat(day), styles("date"))
            else:
                ws.write_blank(row, col, None, styles("date"))
        ws.write_string(row, 7, OUTCOME[task.outcome], styles("cell_center"))
        ws.set_row(row, row_height([(task.title, widths[1]), (task.source, widths[2]), (task.organization, widths[3]),
                                 (task.lead, widths[4])]))
        row += 1
    setup_page(ws, landscape=True, repeat=(top, top), widths=widths, demo=figures.demo)


# -- rosters and the machine's sheets -----------------------------------------------------------------


def _roster_sheet(ws, styles: Styles, figures: ReportFigures, number: int, name: str, people) -> None:
    widths = [6, 28, 9, 12, 20, 30, 12]
    row = _appendix_title(ws, styles, figures, len(widths), f"3.{number}", "DANH SÁCH HỘI VIÊN, ĐOÀN VIÊN",
                          f"{name}: {len(people)} người, tính đến ngày {format_date(figures.as_of)}")
    top = row
    for col, label in enumerate(("STT", "Họ và tên", "Giới tính", "Ngày sinh", "Khu dân cư", "Chi hội, chi đoàn",
                                 "Ngày vào")):
        ws.write_string(top, col, label, styles("head"))
    row += 1
    for n, (full_name, gender, birth, area, organization, joined) in enumerate(people, start=1):
        ws.write_number(row, 0, n, styles("cell_center"))
        values = (full_name, {"male": "Nam", "female": "Nữ"}.get(gender or "", ""), format_date(birth), area,
                  organization, format_date(joined))
        for col, text in enumerate(values, start=1):
            write_text(ws, row, col, text, styles, "cell_center" if col in (2, 3, 6) else "cell")
        row += 1
    setup_page(ws, landscape=False, repeat=(top, top), widths=widths, demo=figures.demo)


def _hidden_sheets(book, meta: dict[str, str], rows: list[tuple[str, str, int]]) -> None:
    ws = book.add_worksheet("_meta")
    ws.write_row(0, 0, ("key", "value"))
    for n, key in enumerate(META_KEYS, start=1):
        ws.write_string(n, 0, key)
        ws.write_string(n, 1, meta[key])
    ws.set_column(0, 0, 18)
    ws.set_column(1, 1, 70)
    ws.hide()
    ws = book.add_worksheet("_data")
    ws.write_row(0, 0, DATA_HEADER)
    for n, (indicator, organization, value) in enumerate(rows, start=1):
        ws.write_string(n, 0, indicator)
        ws.write_string(n, 1, organization)
        ws.write_number(n, 2, value)
    ws.set_column(0, 1, 30)
    ws.hide()
