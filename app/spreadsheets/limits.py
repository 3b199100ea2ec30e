"""What a spreadsheet file is, and the limits an untrusted one must keep.

A roster comes from anywhere (a USB stick, a chat group, an e-mail), so the
bytes decide what a file is, never its name: a ``.xls`` that is really an HTML
page, a CSV renamed ``.xlsx``, a password-protected workbook (an OLE2 file
holding an encrypted package) are all common. Each refusal is a
``WorkbookError`` whose code has Vietnamese and English words below, naming
the file.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app import messages
from app.errors import FrontDeskError
from app.spreadsheets.cells import cell_name

__all__ = ["WorkbookError", "Limits", "sniff", "refuse", "OLE_MAGIC", "ZIP_MAGIC", "megabytes", "count",
           "too_many_cells", "too_many_cells_in_all"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
SAVE_AS_XLSX_VI = "Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu “Excel Workbook (*.xlsx)” rồi nhập tệp đó."
SAVE_AS_XLSX_EN = "Open it in Excel, Save As “Excel Workbook (*.xlsx)” and import that file."

messages.register(
    {
        "workbook.too_large": (
            "Tệp {path} nặng {size}, vượt giới hạn {limit} của một danh sách. Hãy kiểm tra đã chọn đúng tệp "
            "chưa, hoặc chia danh sách thành nhiều tệp nhỏ hơn.",
            "The file {path} is {size}, over the {limit} limit for a roster. Check that it is the right "
            "file, or split the roster into smaller files.",
        ),
        "workbook.empty": (
            "Tệp {path} rỗng (0 byte), không có gì để nhập. Hãy chọn lại tệp danh sách.",
            "The file {path} is empty (0 bytes): nothing to import. Choose the roster file again.",
        ),
        "workbook.not_spreadsheet": (
            "Tệp {path} không phải bảng tính .xlsx, .xls hay .ods: nội dung của nó là {kind}. " + SAVE_AS_XLSX_VI,
            "The file {path} is not an .xlsx, .xls or .ods spreadsheet: its content is {kind}. " + SAVE_AS_XLSX_EN,
        ),
        "workbook.unknown_format": (
            "Tệp {path} không phải bảng tính .xlsx, .xls hay .ods (không nhận ra định dạng của nó). "
            + SAVE_AS_XLSX_VI,
            "The file {path} is not an .xlsx, .xls or .ods spreadsheet (its format is not recognised). "
            + SAVE_AS_XLSX_EN,
        ),
        "workbook.encrypted": (
            "Tệp {path} có mật khẩu bảo vệ nên không đọc được. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin "
            "→ Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa trống ô mật khẩu) rồi lưu lại và nhập lại.",
            "The file {path} is protected by a password and cannot be read. Open it in Excel, remove the "
            "password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import "
            "it again.",
        ),
        "workbook.zip_bomb": (
            "Tệp {path} bị từ chối: phần nén bên trong bung ra quá lớn ({detail}), dấu hiệu của tệp độc hại "
            "kiểu “bom nén” (zip bomb). Bảng tính danh sách thật không như vậy; hãy xin lại tệp gốc.",
            "The file {path} was refused: a compressed part inside expands far too much ({detail}), the mark "
            "of a malicious “zip bomb”. A real roster never does this; ask for the original file again.",
        ),
        "workbook.xml_bomb": (
            "Tệp {path} bị từ chối: phần {part} có {detail}, dấu hiệu của tệp độc hại (“bom XML”). Excel và "
            "LibreOffice không bao giờ ghi như vậy; hãy xin lại tệp gốc.",
            "The file {path} was refused: its part {part} holds {detail}, the mark of a malicious file (an "
            "“XML bomb”). Excel and LibreOffice never write this; ask for the original file again.",
        ),
        "workbook.too_many_cells": (
            "Trang tính “{sheet}” trong tệp {path} trải rộng tới {cells} ô (đến ô {corner}), vượt giới hạn "
            "{limit} ô của một danh sách. Có thể có dữ liệu lạc ở xa bên dưới hoặc bên phải: hãy xóa các hàng, "
            "cột thừa rồi lưu lại.",
            "Sheet “{sheet}” in {path} spans {cells} cells (up to cell {corner}), over the {limit}-cell limit "
            "for a roster. There may be stray data far below or to the right: delete the extra rows and "
            "columns and save again.",
        ),
        "workbook.too_many_cells_in_all": (
            "Tệp {path}: {sheets} trang tính đầu tiên cộng lại đã trải rộng tới {cells} ô, vượt giới hạn {limit} "
            "ô của cả một tệp. Hãy xóa các trang tính thừa hoặc chia thành nhiều tệp nhỏ hơn rồi lưu lại.",
            "The first {sheets} sheets of {path} together already span {cells} cells, over the {limit}-cell "
            "limit for a whole file. Delete the extra sheets, or split the file into smaller ones, and save "
            "again.",
        ),
        "workbook.too_much_text": (
            "Tệp {path} bị từ chối: đọc ra, chữ trong các ô dài tới {size}, vượt giới hạn {limit} (một đoạn "
            "chữ dài được lặp lại ở rất nhiều ô), dấu hiệu của tệp độc hại. Hãy xin lại tệp gốc.",
            "The file {path} was refused: read out, the text of its cells would take {size}, over the "
            "{limit} limit (a long text repeated in a great many cells), the mark of a malicious file. Ask "
            "for the original file again.",
        ),
        "workbook.truncated": (
            "Tệp {path} bị cắt cụt (thiếu phần cuối), có lẽ do tải về hoặc chép chưa xong. Hãy chép hoặc tải "
            "lại tệp rồi nhập lại.",
            "The file {path} is truncated (its end is missing), probably an unfinished download or copy. "
            "Copy or download it again and import it again.",
        ),
        "workbook.unreadable": (
            "Không đọc được tệp {path}: tệp bị hỏng hoặc có cấu trúc lạ ({detail}). Hãy thử mở bằng Excel; "
            "nếu mở được, lưu lại thành .xlsx rồi nhập tệp đó.",
            "Cannot read {path}: the file is damaged or has an unusual structure ({detail}). Try to open it "
            "in Excel; if it opens, save it as .xlsx and import that file.",
        ),
        "workbook.cannot_open": (
            "Không mở được tệp {path}: {reason}",
            "Cannot open the file {path}: {reason}",
        ),
        "workbook.not_a_file": (
            "{path} không phải là một tệp thông thường (mà là lối tắt, thư mục hay thiết bị): không đọc. "
            "Hãy chọn chính tệp Excel.",
            "{path} is not an ordinary file (it is a link, a folder or a device): not read. "
            "Choose the Excel file itself.",
        ),
        "workbook.reader_crashed": (
            "Tệp {path} làm trình đọc bảng tính dừng đột ngột ({detail}) nên đã bị từ chối; ứng dụng vẫn chạy bình "
            "thường. Tệp có thể bị hỏng hoặc được tạo có chủ ý: hãy mở bằng Excel, lưu lại thành .xlsx rồi thử lại.",
            "Reading {path} made the spreadsheet reader stop ({detail}), so the file was refused; the app goes on. "
            "The file may be damaged or crafted: open it in Excel, save it again as .xlsx and try that.",
        ),
        "workbook.reader_timeout": (
            "Đọc tệp {path} quá {seconds} giây nên đã dừng lại và tệp bị từ chối. Tệp có thể bị hỏng hoặc được tạo "
            "có chủ ý: hãy mở bằng Excel, lưu lại thành .xlsx rồi thử lại.",
            "Reading {path} took more than {seconds} seconds, so it was stopped and the file refused. The file may "
            "be damaged or crafted: open it in Excel, save it again as .xlsx and try that.",
        ),
        "workbook.reader_memory": (
            "Tệp {path} đòi quá nhiều bộ nhớ để đọc (hơn {limit}) nên đã bị từ chối.",
            "Reading {path} asked for too much memory (more than {limit}), so the file was refused.",
        ),
    }
)


class WorkbookError(FrontDeskError):
    """A spreadsheet file refused or unreadable; ``path`` is its file name."""

    code = "workbook.unreadable"


@dataclass(frozen=True)
class Limits:
    """How much an untrusted file may make us read, unpack and hold.

    A real roster of a whole commune (100,000 people, 20 columns) stays well
    inside every one of these."""

    max_bytes: int = 50_000_000            # the file itself
    max_cells: int = 2_000_000             # one sheet, counted from A1 to its last cell
    max_entries: int = 10_000              # parts in a zip package (real ones hold a few dozen)
    max_unpacked: int = 512 * 1024 * 1024  # all parts of a package, unpacked
    max_ratio: int = 100                   # unpacked/packed of one large part (XML packs 5-20x; zeros 1000x)
    ratio_floor: int = 1024 * 1024         # parts smaller than this may pack as well as they like
    max_text: int = 256_000_000            # bytes of cell text once every cell is read out

    @property
    def max_cells_in_all(self) -> int:
        """Every sheet together, hidden ones too: calamine builds them all when it
        opens a file (a workbook with one sheet per residential area is common)."""
        return 4 * self.max_cells


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def count(n: int) -> str:
    """A large number readable in both languages (no comma/period ambiguity)."""
    return f"{n:,}".replace(",", " ")


def sniff(head: bytes) -> tuple[str, str]:
    """``("zip" | "ole" | "other", kind)`` from the first bytes of a file;
    ``kind`` names what an ``other`` file looks like ("" when unknown)."""
    if head.startswith(ZIP_MAGIC):
        return "zip", ""
    if head.startswith(OLE_MAGIC):
        return "ole", ""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return "other", kind
    return "other", _text_kind(head)


_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"{\\rtf", "RTF"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"MZ", "Windows program (.exe)"),
    (b"PK\x07\x08", "ZIP"),
)


def _text_kind(head: bytes) -> str:
    """Text files: HTML tables saved as ".xls" by many web systems, Excel 2003
    XML, CSV. Legacy Vietnamese encodings (TCVN3, VNI) are 8-bit text too."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", errors="ignore")
    else:
        if any(b < 9 or 13 < b < 32 for b in head.removeprefix(b"\xef\xbb\xbf")[:4096] if b != 27):
            return ""
        text = head.decode("utf-8", errors="ignore")
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return "Excel 2003 XML"
    if lowered.startswith("<!doctype html") or "<html" in lowered[:4096] or "<table" in lowered[:4096]:
        return "HTML"
    if lowered.startswith("<"):
        return "XML"
    return "CSV/TXT"


def refuse(code: str, path: Path, **params) -> WorkbookError:
    return WorkbookError(code, path=path.name, **params)


def too_many_cells_in_all(path: Path, cells: int, sheets: int, limit: int) -> WorkbookError:
    """.xls and .ods: calamine builds every sheet of the file when it opens it,
    hidden ones too, so many sheets each under the limit add up."""
    return refuse("workbook.too_many_cells_in_all", path, cells=count(cells), sheets=count(sheets), limit=count(limit))


def too_many_cells(path: Path, sheet: str, rows: int, cols: int, limit: int, cells: int = 0) -> WorkbookError:
    """``rows`` x ``cols`` counted from A1 (so the last cell is row ``rows``);
    ``cells`` when more cells are listed than the grid holds (one address
    written over and over)."""
    return refuse("workbook.too_many_cells", path, sheet=sheet, cells=count(max(rows * cols, cells)),
                  corner=cell_name(max(rows, 1) - 1, max(cols, 1) - 1), limit=count(limit))
