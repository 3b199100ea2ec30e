"""The change log as an Excel file, in the words the window shows
(``app.domain.change_words``): when, who, what was done, to which record,
and each changed field as "before → after". Streamed row by row (openpyxl's
write-only mode), every text cell written as text so a value typed as
"=HYPERLINK(...)" never becomes a formula, citizen IDs masked unless asked
for, and the file written under a temporary name and renamed when whole.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from app import durable
from app import messages
from app.db.storage import Store
from app.domain.change_log import ChangeFilter, count_changes, iter_change_pages
from app.domain.change_words import ChangeInWords, ChangeWords
from app.errors import FrontDeskError
from app.progress import ProgressCallback, ignore_progress
from app.spreadsheets.cells import column_letter
from app.text.dates import format_moment

EXCEL_CELL_LIMIT = 32767
FONT = "Times New Roman"

messages.register(
    {
        "changes.sheet": ("Nhật ký thay đổi", "Change log"),
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


class _Cells:
    """Cells of one sheet, sharing their styles (one Font a cell would be a
    hundred thousand of them in a long log)."""

    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self.plain = Font(name=FONT, size=11)
        self.bold = Font(name=FONT, size=11, bold=True)
        self.top = Alignment(vertical="top", wrap_text=True)

    def text(self, value: Any, font: Font | None = None) -> WriteOnlyCell:
        if value is None:
            value = ""
        if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
            value = value[: EXCEL_CELL_LIMIT - 1] + "…"
        cell = WriteOnlyCell(self._ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
        cell.font = font or self.plain
        cell.alignment = self.top
        return cell

    def row(self, change: ChangeInWords) -> list[WriteOnlyCell]:
        # seconds too: the file is what an inspection reads, in order
        values = (format_moment(change.entry.at, seconds=True), change.who, change.what, change.which,
                  "\n".join(change.lines), change.note)
        return [self.text(v) for v in values]


def export_changes(
    store: Store, out: Path, flt: ChangeFilter | None = None, *, lang: str = "vi",
    reveal_citizen_ids: bool = False, progress: ProgressCallback = ignore_progress,
) -> int:
    """Write the matching entries, newest first, to ``out`` (.xlsx); returns how many.
    ``progress`` hears "rows" (entries written of those matching), then
    "save"; it may raise ``Cancelled``, and no file is left then either."""
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    count = 0
    if not out.parent.is_dir():  # said before reading a long log, not after
        raise FrontDeskError("changes.export_failed", path=str(out), reason=os.strerror(errno.ENOENT))
    total = count_changes(store, flt) if progress is not ignore_progress else 0
    words = ChangeWords(lang)
    ws = None
    try:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(messages.text("changes.sheet", lang))
        for i, (_name, width) in enumerate(_COLUMNS):
            ws.column_dimensions[column_letter(i)].width = width
        ws.freeze_panes = "A2"
        cells = _Cells(ws)
        ws.append([cells.text(messages.text(f"changes.col.{name}", lang), cells.bold) for name, _w in _COLUMNS])
        progress("rows", 0, total)
        for entries in iter_change_pages(store, flt, reveal_citizen_ids=reveal_citizen_ids, page=500):
            for change in words.describe(store, entries):
                ws.append(cells.row(change))
            count += len(entries)
            progress("rows", count, max(total, count))
        progress("save", 0, 0)
        wb.save(partial)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        durable.replace(partial, out)
    except OSError as exc:
        _abandon(ws)
        durable.remove(partial)
        raise FrontDeskError("changes.export_failed", path=str(out), reason=exc.strerror or str(exc)) from exc
    except BaseException:  # Cancelled, or anything else: no half-written file either
        _abandon(ws)
        durable.remove(partial)
        raise
    return count


def _abandon(ws: Any) -> None:
    """openpyxl streams the rows into a temporary file of its own that only
    save() or the end of the process removes: an export given up halfway
    would leave people's data in the temporary folder meanwhile."""
    writer = getattr(ws, "_writer", None)
    if writer is None or ws.closed:
        return
    try:
        ws.close()
        writer.cleanup()
    except Exception:  # noqa: BLE001 - best effort; openpyxl's exit hook removes it anyway
        pass
