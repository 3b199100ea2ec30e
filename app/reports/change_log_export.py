"""The change log as an Excel file: streamed row by row (openpyxl's
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
from openpyxl.styles import Font

from app import messages
from app.domain.change_log import ChangeEntry, ChangeFilter, count_changes, iter_changes
from app.errors import FrontDeskError
from app.progress import ProgressCallback, ignore_progress
from app.db.storage import Store

EXCEL_CELL_LIMIT = 32767
FONT = "Times New Roman"

messages.register(
    {
        "changes.sheet": ("Nhật ký thay đổi", "Change log"),
        "changes.col.at": ("Thời điểm", "When"),
        "changes.col.actor": ("Người thực hiện", "Who"),
        "changes.col.action": ("Thao tác", "Action"),
        "changes.col.table": ("Bảng", "Table"),
        "changes.col.row": ("Dòng số", "Row"),
        "changes.col.before": ("Trước", "Before"),
        "changes.col.after": ("Sau", "After"),
        "changes.col.note": ("Ghi chú", "Note"),
        "changes.action.insert": ("Thêm", "Added"),
        "changes.action.update": ("Sửa", "Changed"),
        "changes.action.delete": ("Xóa", "Deleted"),
        "changes.action.bulk": ("Hàng loạt", "Bulk"),
        "changes.export_failed": (
            "Không ghi được tệp {path}: {reason}. Không để lại tệp dở dang nào.",
            "Could not write {path}: {reason}. No half-written file was left.",
        ),
    }
)

_COLUMNS = (("at", 20), ("actor", 16), ("action", 12), ("table", 16), ("row", 9), ("before", 60),
            ("after", 60), ("note", 24))


def format_moment(at: str) -> str:
    """"2026-11-22T09:05:00+07:00" -> "22/11/2026 09:05:00" (the wall time it was written at)."""
    if len(at) >= 19 and at[4] == "-" and at[10] == "T":
        return f"{at[8:10]}/{at[5:7]}/{at[0:4]} {at[11:19]}"
    return at


def format_values(value: Any) -> str:
    """A before/after value as one readable line: "phone: 0912…; note: —"."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {format_values(v) if isinstance(v, dict | list) else _scalar(v)}" for k, v in value.items())
    if isinstance(value, list):
        return " | ".join(format_values(v) if isinstance(v, dict | list) else _scalar(v) for v in value)
    return _scalar(value)


def _scalar(value: Any) -> str:
    return "—" if value is None else str(value)


def _text_cell(ws: Any, value: Any, font: Font | None = None) -> WriteOnlyCell:
    if value is None:
        value = ""
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - 1] + "…"
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
    cell.font = font or Font(name=FONT, size=11)
    return cell


def _row(ws: Any, entry: ChangeEntry, lang: str) -> list[WriteOnlyCell]:
    action = messages.text(f"changes.action.{entry.action}", lang) if entry.action in (
        "insert", "update", "delete", "bulk") else entry.action
    values = [
        format_moment(entry.at), entry.actor, action, entry.table, entry.row_id,
        format_values(entry.before), format_values(entry.after), entry.note,
    ]
    return [_text_cell(ws, v) for v in values]


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
    ws = None
    try:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(messages.text("changes.sheet", lang))
        for i, (_name, width) in enumerate(_COLUMNS):
            ws.column_dimensions[chr(ord("A") + i)].width = width
        ws.freeze_panes = "A2"
        bold = Font(name=FONT, size=11, bold=True)
        ws.append([_text_cell(ws, messages.text(f"changes.col.{name}", lang), bold) for name, _w in _COLUMNS])
        progress("rows", 0, total)
        for entry in iter_changes(store, flt, reveal_citizen_ids=reveal_citizen_ids):
            ws.append(_row(ws, entry, lang))
            count += 1
            if count % 500 == 0:
                progress("rows", count, max(total, count))
        progress("save", 0, 0)
        wb.save(partial)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, out)
    except OSError as exc:
        _abandon(ws)
        partial.unlink(missing_ok=True)
        raise FrontDeskError("changes.export_failed", path=str(out), reason=exc.strerror or str(exc)) from exc
    except BaseException:  # Cancelled, or anything else: no half-written file either
        _abandon(ws)
        partial.unlink(missing_ok=True)
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
