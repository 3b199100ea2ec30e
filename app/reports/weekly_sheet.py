"""The weekly summary for "Mặt trận số" as one printable sheet: what a
clerk keeps beside the browser while typing the figures into the platform.

Columns: Nhóm | Chỉ tiêu | Số tuần này | Tuần trước | Thay đổi | Ghi chú.
The figures are written as text grouped the Vietnamese way ("1.250.000"):
the sheet is read and typed from, never added up, and a number format would
print "1,250,000" on a computer set to English. A figure the database cannot
tell says "không rõ" and its note says why. A4 landscape, fitted to the
page's width, the header row repeated on every page; a demo commune's sheet
carries the demo mark (``DEMO_MARK``) at the top and on every printed page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.db.storage import Store
from app.domain.commune import get_commune
from app.reports.weekly_summary import (
    GROUPS, WeeklyFigures, platform_note, record_summary, value_text, weekly_figures,
)
from app.reports.weekly_week import Week
from app.spreadsheets.xlsx_writing import (
    Styles, atomic_workbook, draw, merge_text, row_height, setup_page, titles, write_text,
)
from app.text.dates import format_date

__all__ = ["WeeklySheet", "write_weekly_summary", "sheet_title", "SHEET_NAME", "HEADS"]

SHEET_NAME = "Mặt trận số"
HEADS = ("Nhóm", "Chỉ tiêu", "Số tuần này", "Tuần trước", "Thay đổi", "Ghi chú")
_WIDTHS = [20, 46, 14, 14, 11, 44]


@dataclass(frozen=True)
class WeeklySheet:
    path: Path
    figures: WeeklyFigures
    recorded: bool  # kept as this week's summary (False: a preview)


def sheet_title(week: Week) -> str:
    """"Số liệu nhập Mặt trận số — tuần 48/2026 (23/11/2026 – 29/11/2026)"."""
    return f"Số liệu nhập Mặt trận số — {week.label()}"


def _compared_line(figures: WeeklyFigures) -> str:
    counted = f"Số liệu tính đến hết ngày {format_date(figures.as_of)}"
    if figures.previous_week is None:
        return f"{counted}. Chưa có bản tổng hợp của tuần nào trước để so sánh."
    year, number = figures.previous_week.split("-W")
    written = format_date(date.fromisoformat(figures.previous_written_at[:10])) if figures.previous_written_at else ""
    return (f"{counted}; “Tuần trước” là bản tổng hợp tuần {number}/{year}"
            + (f" (lập ngày {written})" if written else "") + ".")


def write_weekly_summary(store: Store, week: Week, out: Path | str, *, record: bool = True,
                         today: date | None = None) -> WeeklySheet:
    """Write the summary of ``week`` to ``out`` (an .xlsx, complete or not at
    all) and, with ``record``, keep its figures for next week's comparison; the
    two happen together or not at all."""
    figures = weekly_figures(store, week, today=today)
    commune = get_commune(store)
    path = Path(out)
    with store.transaction():
        if record:
            record_summary(store, figures)  # rolled back if the file cannot be written
        with atomic_workbook(path) as book:
            styles = Styles(book)
            book.set_properties({"title": f"{sheet_title(week)} — {commune.name}", "author": "Front Desk"})
            ws = book.add_worksheet(SHEET_NAME)
            width = len(HEADS)
            lines, row = titles([
                (sheet_title(week), "title"),
                (f"Ủy ban MTTQ Việt Nam {commune.name}, {commune.province_name}", "center_bold"),
                (_compared_line(figures), "center_italic"),
            ], width, 0, demo=figures.demo)
            draw(ws, styles, lines)
            header = row
            for col, label in enumerate(HEADS):
                ws.write_string(header, col, label, styles("head"))
            row = header + 1
            for line in figures.rows:
                note = platform_note(line)
                write_text(ws, row, 0, GROUPS[line.group][0], styles, "cell")
                write_text(ws, row, 1, line.label_vi, styles, "cell")
                write_text(ws, row, 2, value_text(line.value), styles, "number")
                write_text(ws, row, 3, "" if line.previous is None else value_text(line.previous),
                           styles, "number")
                write_text(ws, row, 4, line.change, styles, "number")
                write_text(ws, row, 5, note, styles, "cell")
                ws.set_row(row, row_height([(GROUPS[line.group][0], 20), (line.label_vi, 46), (note, 44)]))
                row += 1
            merge_text(ws, row + 1, 0, width - 1,
                       "“không rõ”: cơ sở dữ liệu của xã không cho biết số này; xem hướng dẫn docs/mat-tran-so.md. "
                       f"Lập ngày {format_date(store.today())} bằng Front Desk.", styles, "italic_wrap")
            ws.set_row(row + 1, 32)
            setup_page(ws, landscape=True, repeat=(header, header), widths=_WIDTHS, demo=figures.demo)
            ws.activate()
    return WeeklySheet(path, figures, record)
