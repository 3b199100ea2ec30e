"""The change log as an Excel document, in the words the window shows
(``app.domain.change_words``): when, who, what was done, to which record,
and each changed field as "before → after".

A document an inspection can print and read: A4 landscape fitted to the
page's width, a title saying whose log it is and what it holds, the header
row repeated on every page and frozen on screen, moments as real dates and
times (they sort and filter), Times New Roman. Streamed row by row
(``app.spreadsheets.xlsx_stream``): every text cell written as text, so a
value typed as "=HYPERLINK(...)" never becomes a formula, and an empty value
is an empty cell; citizen IDs masked unless asked for; the file written
under a temporary name and renamed when whole (``atomic_file``).
"""
from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

from app.os_words import os_reason
from app import messages
from app.db.storage import Store
from app.domain.change_log import ChangeFilter, count_changes, iter_change_pages
from app.domain.change_words import ChangeInWords, ChangeWords
from app.domain.commune import get_commune, is_demo
from app.errors import FrontDeskError
from app.progress import ProgressCallback, ignore_progress
from app.spreadsheets.xlsx_stream import StreamSheet, excel_moment
from app.spreadsheets.xlsx_writing import ExportError, atomic_file, titles
from app.text.dates import format_moment

EXCEL_CELL_LIMIT = 32767

messages.register(
    {
        "changes.sheet": ("Nhật ký thay đổi", "Change log"),
        "changes.title": ("NHẬT KÝ THAY ĐỔI DỮ LIỆU", "CHANGE LOG"),
        "changes.subtitle": (
            "{commune}, {province} — {count} mục, xuất lúc {moment}",
            "{commune}, {province} — {count} entries, exported at {moment}",
        ),
        "changes.col.at": ("Thời điểm", "When"),
        "changes.col.actor": ("Người thực hiện", "Who"),
        "changes.col.what": ("Thao tác", "What"),
        "changes.col.record": ("Hồ sơ", "Record"),
        "changes.col.changes": ("Nội dung thay đổi", "Changes"),
        "changes.col.note": ("Ghi chú", "Note"),
        "changes.export_failed": (
            "Không ghi được tệp {path}: {reason}. Không để lại tệp dở dang nào.",
            "Could not write {path}: {reason}. No half-written file was left.",
        ),
    }
)

_COLUMNS = (("at", 19), ("actor", 16), ("what", 26), ("record", 36), ("changes", 70), ("note", 18))
PAGE_ROWS = 500  # entries read and written at a time


def _text(value: str | None) -> str | None:
    if not value:
        return None
    return value if len(value) <= EXCEL_CELL_LIMIT else value[: EXCEL_CELL_LIMIT - 1] + "…"


def _cells(change: ChangeInWords) -> list[tuple[int, object, str]]:
    values = (change.who, change.what, change.which, "\n".join(change.lines), change.note)
    at = change.entry.at
    moment = excel_moment(datetime.fromisoformat(at) if isinstance(at, str) else at)
    return [(0, moment, "line_moment")] + [
        (col, _text(value), "line_wrap") for col, value in enumerate(values, start=1)]


def export_changes(
    store: Store, out: Path, flt: ChangeFilter | None = None, *, lang: str = "vi",
    reveal_citizen_ids: bool = False, progress: ProgressCallback = ignore_progress,
) -> int:
    """Write the matching entries, newest first, to ``out`` (.xlsx); returns how many.
    ``progress`` hears "rows" (entries written of those matching), then
    "save"; it may raise ``Cancelled``, and no file is left then either."""
    out = Path(out)
    if not out.parent.is_dir():  # said before reading a long log, not after
        raise FrontDeskError("changes.export_failed", path=str(out), reason=os_reason(FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT))))
    total = count_changes(store, flt)
    words = ChangeWords(lang)
    commune = get_commune(store)
    width = len(_COLUMNS)
    count = 0
    try:
        with atomic_file(out) as temp:
            sheet = StreamSheet(temp, messages.text("changes.sheet", lang), widths=[w for _n, w in _COLUMNS],
                                landscape=True)
            try:
                lines, header = titles([
                    (messages.text("changes.title", lang), "title"),
                    (messages.text("changes.subtitle", lang, commune=commune.name, province=commune.province_name,
                                   count=total, moment=format_moment(store.clock.now())), "center_italic"),
                ], width, 0, demo=is_demo(store))
                sheet.freeze_panes(header + 1, 0)  # (both before the first row is written)
                sheet.repeat_rows(header, header)
                for line in lines:
                    sheet.merged_row(line.row, line.spans, height=line.height)
                sheet.row(header, [(c, messages.text(f"changes.col.{name}", lang), "head")
                                   for c, (name, _w) in enumerate(_COLUMNS)], height=22)
                row = header + 1
                progress("rows", 0, total)
                for entries in iter_change_pages(store, flt, reveal_citizen_ids=reveal_citizen_ids, page=PAGE_ROWS):
                    for change in words.describe(store, entries):
                        sheet.row(row, _cells(change))
                        row += 1
                    count += len(entries)
                    progress("rows", count, max(total, count))
                progress("save", 0, 0)
                sheet.close()
            except BaseException:
                sheet.abandon()
                raise
    except ExportError as exc:
        raise FrontDeskError("changes.export_failed", path=str(out), reason=exc.params.get("reason", "")) from exc
    return count
