"""The public list of a fund's receipts and spending for a period (công khai
thu, chi Quỹ "Vì người nghèo"): a printable sheet a commune posts at its
office and reads out at meetings, as the fund's rules ask.

It names who gave and who received, with the amounts, the purpose and the
voucher number, the opening and closing balance, and the signature block.
Nothing more about anyone: no citizen ID (a run of nine to twelve digits in a
name or a voucher number, typed there by mistake, is masked), no notes (they
are the office's), no phone numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.db.storage import Store
from app.domain.commune import get_commune, is_demo
from app.domain.fund import FundEntryView, FundFilter, fund_balance, list_fund_entries
from app.domain.registers import word_label
from app.reports.figures import front_chair
from app.spreadsheets.xlsx_writing import (
    Letterhead, Styles, atomic_workbook, draw, letterhead, merge_text, place_name, row_height, setup_page,
    signature, titles, vietnamese_date_line, write_text,
)
from app.text.dates import format_date
from app.text.money import format_money
from app.text.periods import Period

__all__ = ["PublicList", "export_fund_public", "without_ids"]

FUND_TITLES = {"poor": "QUỸ “VÌ NGƯỜI NGHÈO”", "relief": "QUỸ CỨU TRỢ", "other": "QUỸ XÃ HỘI KHÁC"}
MAX_ENTRIES = 100_000  # a commune's fund has a few hundred entries a year
_DIGIT_RUN = re.compile(r"\d[\d .]{7,}\d")


def without_ids(text: str | None) -> str:
    """``text`` with any run of nine to twelve digits (a citizen ID or an old
    identity card number, spaces and dots allowed) masked but its last three."""
    def mask(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group())
        if not 9 <= len(digits) <= 12:
            return match.group()
        return "*" * (len(digits) - 3) + digits[-3:]

    return _DIGIT_RUN.sub(mask, text or "")


@dataclass
class PublicList:
    path: Path
    receipts: int
    spendings: int
    opening: int
    closing: int


def export_fund_public(store: Store, period: Period, out: Path | str, *, fund: str = "poor") -> PublicList:
    """Write the public list of ``fund`` for ``period`` to ``out``."""
    balance = fund_balance(store, period, fund)
    entries = list_fund_entries(store, FundFilter(fund=fund, period=period), limit=MAX_ENTRIES)
    entries.sort(key=lambda e: (e.entry_on, e.id))  # in the order they happened
    receipts = [e for e in entries if e.direction == "receipt"]
    spendings = [e for e in entries if e.direction == "spending"]
    commune = get_commune(store)
    chair = front_chair(store, min(period.last, store.today()).isoformat())
    path = Path(out)
    with atomic_workbook(path) as book:
        styles = Styles(book)
        book.set_properties({"title": f"Công khai {FUND_TITLES.get(fund, fund)} {period.label()} — {commune.name}",
                             "author": "Front Desk"})
        ws = book.add_worksheet("Công khai quỹ")
        widths = [6, 12, 40, 24, 18, 16]
        width = len(widths)
        head = Letterhead("ỦY BAN MTTQ VIỆT NAM", commune.name.upper(),
                          vietnamese_date_line(place_name(commune.name), store.today()), number="")
        lines, row = letterhead(head, width)
        more, row = titles([(f"CÔNG KHAI THU, CHI {FUND_TITLES.get(fund, fund)}", "title"),
                            (f"{period.label().capitalize()} (từ ngày {format_date(period.first)} đến ngày "
                             f"{format_date(period.last)})", "center_italic")], width, row, demo=is_demo(store))
        draw(ws, styles, lines + more)
        row = _line(ws, styles, row, width, f"Số dư đầu kỳ: {_money(balance.opening)}")
        row = _table(ws, styles, row + 1, width, "I. CÁC KHOẢN THU", receipts, received=True)
        row = _table(ws, styles, row + 1, width, "II. CÁC KHOẢN CHI", spendings, received=False)
        row = _line(ws, styles, row + 1, width, f"Tổng thu trong kỳ: {_money(balance.received)}; tổng chi trong "
                    f"kỳ: {_money(balance.spent)}; số dư cuối kỳ: {_money(balance.closing)}.")
        end, _ = signature(width, row + 1, left=[("NGƯỜI LẬP BIỂU", "center_bold"),
                                                 ("(Ký, ghi rõ họ tên)", "center_italic")],
                           role=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"], name=chair)
        draw(ws, styles, end)
        setup_page(ws, landscape=False, repeat=None, widths=widths, demo=is_demo(store))
        ws.activate()
    return PublicList(path, len(receipts), len(spendings), balance.opening, balance.closing)


def _money(amount: int) -> str:
    return format_money(amount, unit=False) + " đồng"


def _line(ws, styles: Styles, row: int, width: int, text: str) -> int:
    merge_text(ws, row, 0, width - 1, text, styles, "bold_italic")
    return row + 1


def _table(ws, styles: Styles, row: int, width: int, title: str, entries: list[FundEntryView], *,
           received: bool) -> int:
    merge_text(ws, row, 0, width - 1, title, styles, "group")
    row += 1
    heads = ("STT", "Ngày", "Người, đơn vị ủng hộ" if received else "Người, hộ được nhận",
             "Khu dân cư" if received else "Mục đích", "Số tiền (đồng)", "Chứng từ số")
    for col, label in enumerate(heads):
        ws.write_string(row, col, label, styles("head"))
    row += 1
    for n, entry in enumerate(entries, start=1):
        party = without_ids(entry.party)
        fourth = (entry.area or "") if received else word_label("purpose", entry.purpose, "vi")
        ws.write_number(row, 0, n, styles("cell_center"))
        ws.write_string(row, 1, format_date(entry.entry_on), styles("cell_center"))
        write_text(ws, row, 2, party, styles, "cell")
        write_text(ws, row, 3, fourth, styles, "cell")
        ws.write_number(row, 4, entry.amount, styles("number"))
        write_text(ws, row, 5, without_ids(entry.document_number), styles, "cell_center")
        ws.set_row(row, row_height([(party, 40), (fourth, 24)]))
        row += 1
    if not entries:
        merge_text(ws, row, 0, width - 1, "(Không có khoản nào trong kỳ)", styles, "italic_wrap")
        row += 1
    else:
        ws.merge_range(row, 0, row, 3, "Cộng", styles("cell_bold"))
        ws.write_number(row, 4, sum(e.amount for e in entries), styles("number_bold"))
        ws.write_blank(row, 5, None, styles("cell"))
        row += 1
    return row
