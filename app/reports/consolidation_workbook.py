"""The province summary workbook written from a ``Consolidation``.

Sheets: the summary (a row per commune with its commune-wide figures, and
the province's totals), the totals by organization, the communes that sent
nothing for the period, the files not used and why; hidden ``_meta``
(``template_id`` ``frontdesk.province-summary``) and ``_data`` (commune_code,
indicator, organization, value: every figure of every commune kept).
"""
from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from app import __version__
from app.clock import iso_timestamp
from app.reports.report_file import SUMMARY_TEMPLATE_ID
from app.reports.consolidation import Consolidation
from app.text.dates import format_date
from app.text.periods import parse_period
from app.reports.figures import REGISTERS_UNIT, UNIT_KEYS
from app.reports.province_report import SUMMARY_GROUPS
from app.spreadsheets.xlsx_writing import (
    Letterhead, Styles, atomic_workbook, draw, letterhead, row_height, setup_page, signature, titles,
    vietnamese_date_line, write_text,
)

__all__ = ["write_summary", "SUMMARY_TEMPLATE_ID"]

UNIT_NAMES = {
    "front": "Ủy ban MTTQ và các Ban công tác Mặt trận", "women": "Hội Liên hiệp Phụ nữ", "farmers": "Hội Nông dân",
    "veterans": "Hội Cựu chiến binh", "youth": "Đoàn TNCS Hồ Chí Minh", "trade_union": "Công đoàn",
    "other": "Tổ chức khác", "commune": "Cộng (toàn tỉnh)",
}
INDICATORS = [key for _g, cols in SUMMARY_GROUPS for key, _label in cols]


def _header(ws, styles: Styles, c: Consolidation, width: int, now: datetime, top_words: list[str]) -> int:
    place = c.province.bare_name
    head = Letterhead("ỦY BAN MTTQ VIỆT NAM", c.province.full_name.upper(), vietnamese_date_line(place, now.date()),
                      number="Số:        /BC-MTTQ")
    lines, row = letterhead(head, width)
    more, row = titles([(top_words[0], "title"), (top_words[1], "subtitle")]
                       + [(t, "center_italic") for t in top_words[2:]], width, row)
    draw(ws, styles, lines + more)
    return row


def _table_head(ws, styles: Styles, top: int, first: list[tuple[str, float]]) -> int:
    for col, (label, _w) in enumerate(first):
        ws.merge_range(top, col, top + 1, col, label, styles("head"))
    col = len(first)
    for group, cols in SUMMARY_GROUPS:
        ws.merge_range(top, col, top, col + len(cols) - 1, group, styles("head"))
        for _key, label in cols:
            ws.write_string(top + 1, col, label, styles("head"))
            col += 1
    ws.set_row(top + 1, 45)
    return col


def write_summary(c: Consolidation, out: Path | str, *, now: datetime) -> Path:
    period = parse_period(c.period)
    totals = c.totals()
    path = Path(out)
    with atomic_workbook(path) as book:
        styles = Styles(book)
        book.set_properties({"title": f"Tổng hợp {period.label()} — {c.province.full_name}", "author": "Front Desk"})
        _communes_sheet(book.add_worksheet("Tổng hợp"), styles, c, totals, now)
        _units_sheet(book.add_worksheet("Theo tổ chức"), styles, c, totals)
        _registers_sheet(book.add_worksheet("Công tác Mặt trận"), styles, c, totals)
        _missing_sheet(book.add_worksheet("Chưa gửi"), styles, c)
        _rejected_sheet(book.add_worksheet("Tệp không dùng"), styles, c)
        _machine_sheets(book, c, now)
    return path


def _communes_sheet(ws, styles: Styles, c: Consolidation, totals: dict, now: datetime) -> None:
    period = parse_period(c.period)
    first = [("STT", 5), ("Mã", 7), ("Xã, phường, đặc khu", 22), ("Ngày lập", 11)]
    width = len(first) + len(INDICATORS)
    sent = len(c.kept)
    row = _header(ws, styles, c, width, now, [
        "BÁO CÁO TỔNG HỢP", f"Số liệu công tác Mặt trận các xã, phường {period.label()}",
        f"(Tổng hợp từ báo cáo của {sent}/{sent + len(c.missing)} đơn vị; {len(c.missing)} đơn vị chưa gửi)",
    ])
    top = row
    _table_head(ws, styles, top, first)
    for col in range(width):
        ws.write_string(top + 2, col, f"({col + 1})", styles("colno"))
    row = top + 3
    for n, k in enumerate(c.kept, start=1):
        figures = k.report.figures()
        ws.write_number(row, 0, n, styles("cell_center"))
        ws.write_string(row, 1, k.commune.code, styles("cell_center"))
        write_text(ws, row, 2, k.commune.name, styles, "cell")
        made = datetime.fromisoformat(k.report.generated_at)
        ws.write_string(row, 3, format_date(made.date()), styles("cell_center"))
        for col, key in enumerate(INDICATORS, start=len(first)):
            ws.write_number(row, col, figures.get((key, "commune"), 0), styles("number"))
        row += 1
    ws.merge_range(row, 0, row, len(first) - 1, "Tổng cộng", styles("cell_bold"))
    for col, key in enumerate(INDICATORS, start=len(first)):
        ws.write_number(row, col, totals.get((key, "commune"), 0), styles("number_bold"))
    row += 2
    end, _ = signature(width, row, left=[("NGƯỜI TỔNG HỢP", "center_bold"), ("(Ký, ghi rõ họ tên)", "center_italic")],
                       role=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], name=None)
    draw(ws, styles, end)
    setup_page(ws, landscape=True, repeat=(top, top + 2), widths=[w for _l, w in first] + [7.5] * len(INDICATORS))
    ws.activate()


def _units_sheet(ws, styles: Styles, c: Consolidation, totals: dict) -> None:
    first = [("STT", 5), ("Tổ chức", 32)]
    width = len(first) + len(INDICATORS)
    lines, row = titles([("TỔNG HỢP THEO TỔ CHỨC", "title"),
                         (f"{c.province.full_name} — {parse_period(c.period).label()}", "center_italic")], width, 0)
    draw(ws, styles, lines)
    top = row
    _table_head(ws, styles, top, first)
    row = top + 2
    units = [u for u in UNIT_KEYS if u != "other" or any(k[1] == "other" for k in totals)]
    for n, unit in enumerate(units, start=1):
        bold = unit == "commune"
        if bold:  # the total, not an item of the list: no number, across both first columns
            ws.merge_range(row, 0, row, 1, UNIT_NAMES[unit], styles("cell_bold"))
        else:
            ws.write_number(row, 0, n, styles("cell_center"))
            ws.write_string(row, 1, UNIT_NAMES[unit], styles("cell"))
        for col, key in enumerate(INDICATORS, start=len(first)):
            ws.write_number(row, col, totals.get((key, unit), 0), styles("number_bold" if bold else "number"))
        row += 1
    setup_page(ws, landscape=True, repeat=(top, top + 1), widths=[w for _l, w in first] + [7.5] * len(INDICATORS))


# the registers' figures a province reads first (template version 2); the rest are in _data
REGISTER_COLUMNS = (
    ("petitions_received", "Kiến nghị tiếp nhận"), ("petitions_answered", "Đã trả lời"),
    ("petitions_overdue", "Quá hạn chưa trả lời"), ("fund_received", "Quỹ VNN: thu (đồng)"),
    ("fund_spent", "Quỹ VNN: chi (đồng)"), ("fund_closing", "Quỹ VNN: tồn cuối kỳ (đồng)"),
    ("houses_built", "Nhà xây mới"), ("houses_repaired", "Nhà sửa chữa"),
    ("cases_opened.mediation", "Hòa giải: vụ việc"), ("mediation_successful", "Hòa giải thành"),
)


def _registers_sheet(ws, styles: Styles, c: Consolidation, totals: dict) -> None:
    """One row per commune whose report carries the registers (version 2); a
    version 1 report has none, and says so rather than counting as zeros."""
    first = [("STT", 5), ("Mã", 7), ("Xã, phường, đặc khu", 24)]
    width = len(first) + len(REGISTER_COLUMNS)
    lines, row = titles([("KẾT QUẢ CÔNG TÁC MẶT TRẬN CỦA CÁC XÃ", "title"),
                         (f"{c.province.full_name} — {parse_period(c.period).label()}", "center_italic")], width, 0)
    draw(ws, styles, lines)
    top = row
    for col, label in enumerate([label for label, _w in first] + [label for _k, label in REGISTER_COLUMNS]):
        ws.write_string(top, col, label, styles("head"))
    ws.set_row(top, 45)
    row = top + 1
    with_registers = 0
    for n, k in enumerate(c.kept, start=1):
        figures = k.report.figures()
        ws.write_number(row, 0, n, styles("cell_center"))
        ws.write_string(row, 1, k.commune.code, styles("cell_center"))
        write_text(ws, row, 2, k.commune.name, styles, "cell")
        if (REGISTER_COLUMNS[0][0], REGISTERS_UNIT) not in figures:
            ws.merge_range(row, 3, row, width - 1, "Báo cáo mẫu cũ (phiên bản 1): chưa có số liệu này",
                           styles("cell"))
        else:
            with_registers += 1
            for col, (key, _label) in enumerate(REGISTER_COLUMNS, start=len(first)):
                ws.write_number(row, col, figures[(key, REGISTERS_UNIT)], styles("number"))
        row += 1
    ws.merge_range(row, 0, row, len(first) - 1, f"Cộng ({with_registers} xã có số liệu)", styles("cell_bold"))
    for col, (key, _label) in enumerate(REGISTER_COLUMNS, start=len(first)):
        ws.write_number(row, col, totals.get((key, REGISTERS_UNIT), 0), styles("number_bold"))
    setup_page(ws, landscape=True, repeat=(top, top), widths=[w for _l, w in first] + [11] * len(REGISTER_COLUMNS))


def _missing_sheet(ws, styles: Styles, c: Consolidation) -> None:
    lines, row = titles([("CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO", "title"),
                         (f"{c.province.full_name} — {parse_period(c.period).label()}: {len(c.missing)} đơn vị",
                          "center_italic")], 3, 0)
    draw(ws, styles, lines)
    top = row
    for col, label in enumerate(("STT", "Mã", "Xã, phường, đặc khu")):
        ws.write_string(top, col, label, styles("head"))
    for n, commune in enumerate(c.missing, start=1):
        ws.write_number(top + n, 0, n, styles("cell_center"))
        ws.write_string(top + n, 1, commune.code, styles("cell_center"))
        write_text(ws, top + n, 2, commune.name, styles, "cell")
    setup_page(ws, landscape=False, repeat=(top, top), widths=[6, 10, 50])


def _rejected_sheet(ws, styles: Styles, c: Consolidation) -> None:
    widths = [6, 40, 70]
    lines, row = titles([("CÁC TỆP KHÔNG ĐƯỢC DÙNG", "title"),
                         (f"Thư mục {c.folder}: {len(c.rejected)} tệp", "center_italic")], 3, 0)
    draw(ws, styles, lines)
    top = row
    for col, label in enumerate(("STT", "Tệp", "Lý do")):
        ws.write_string(top, col, label, styles("head"))
    for n, rejected in enumerate(c.rejected, start=1):
        reason = c.describe(rejected, "vi")
        ws.write_number(top + n, 0, n, styles("cell_center"))
        write_text(ws, top + n, 1, rejected.path.name, styles, "cell")
        write_text(ws, top + n, 2, reason, styles, "cell")
        ws.set_row(top + n, row_height([(rejected.path.name, widths[1]), (reason, widths[2])]))
    setup_page(ws, landscape=False, repeat=(top, top), widths=widths)


def _machine_sheets(book, c: Consolidation, now: datetime) -> None:
    ws = book.add_worksheet("_meta")
    meta = {"template_id": SUMMARY_TEMPLATE_ID, "template_version": "1", "province_code": c.province.code,
            "province_name": c.province.full_name, "period": c.period, "generated_at": iso_timestamp(now),
            "app_version": __version__, "export_id": str(uuid.uuid4()), "communes": str(len(c.kept)),
            "missing": str(len(c.missing))}
    ws.write_row(0, 0, ("key", "value"))
    for n, (key, value) in enumerate(meta.items(), start=1):
        ws.write_string(n, 0, key)
        ws.write_string(n, 1, value)
    ws.hide()
    ws = book.add_worksheet("_data")
    ws.write_row(0, 0, ("commune_code", "indicator", "organization", "value"))
    n = 1
    for k in c.kept:
        for indicator, unit, value in k.report.rows:
            ws.write_string(n, 0, k.commune.code)
            ws.write_string(n, 1, indicator)
            ws.write_string(n, 2, unit)
            ws.write_number(n, 3, value)
            n += 1
    ws.hide()
