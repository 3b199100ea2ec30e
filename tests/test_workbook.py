"""app.spreadsheets.reading: real .xlsx/.ods/.xls files read back cell for cell, and every
hostile file refused with its own code before calamine (or zlib) sees it."""
from __future__ import annotations

import datetime
import os
import random
import struct
import zipfile
import zlib
from array import array
from pathlib import Path

import openpyxl
import pytest

from app import messages
from app.spreadsheets import reading as workbook_module
from app.spreadsheets.reading import Sheet, WorkbookError, read_workbook
from tests.hostile import far_cell_in_a_part_not_named_xml, write_ods

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
CODES = ("workbook.too_large", "workbook.empty", "workbook.not_spreadsheet", "workbook.unknown_format",
         "workbook.encrypted", "workbook.zip_bomb", "workbook.xml_bomb", "workbook.too_many_cells",
         "workbook.too_many_cells_in_all",
         "workbook.too_much_text", "workbook.truncated", "workbook.unreadable", "workbook.cannot_open")


@pytest.fixture
def calamine_forbidden(monkeypatch):
    """For hostile files: reaching calamine at all is the failure (on some of
    them it would abort the whole test run)."""
    def refuse_to_read(*args, **kwargs):
        raise AssertionError("the checks let a hostile file through to calamine")

    monkeypatch.setattr(workbook_module, "_read", refuse_to_read)


def refused(path: Path, code: str, **limits) -> WorkbookError:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, **limits)
    assert caught.value.code == code, caught.value.params
    assert caught.value.params["path"] == path.name
    return caught.value


# --- real files -----------------------------------------------------------------------------------

def make_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet["C3"] = "DANH SÁCH HỘI VIÊN"
    sheet.merge_cells("C3:F3")
    sheet.append([])
    for row in (["Họ và tên", "Ngày sinh", "Số CCCD", "Đảng viên"],
                ["Nguyễn Thị Ánh Tuyết", datetime.date(1985, 3, 7), 1085001234, True],
                ["Trần Văn Đức", datetime.datetime(1979, 12, 31, 8, 30), 36079004321, False]):
        sheet.append([None, None, *row])
    sheet["G7"] = 2.5
    hidden = book.create_sheet("Ẩn")
    hidden["A1"] = "không đọc"
    hidden.sheet_state = "hidden"
    book.create_sheet("Trống")
    book.save(path)
    return path


def test_xlsx_read_back_from_cell_a1_with_types_and_merges(tmp_path):
    sheets = read_workbook(make_xlsx(tmp_path / "danh_sach.xlsx"))
    assert [s.name for s in sheets] == ["Danh sách", "Trống"]  # the hidden sheet is left out
    rows = sheets[0].rows
    # Excel row 1 and column A are row 0 and column 0 although the data starts at C3.
    assert rows[2][2] == "DANH SÁCH HỘI VIÊN"
    assert rows[0] == [""] * 7 and rows[1] == [""] * 7
    assert rows[4][2:6] == ["Họ và tên", "Ngày sinh", "Số CCCD", "Đảng viên"]
    assert rows[5][2:6] == ["Nguyễn Thị Ánh Tuyết", datetime.date(1985, 3, 7), 1085001234, True]
    assert isinstance(rows[5][3], datetime.date) and not isinstance(rows[5][3], datetime.datetime)
    assert rows[6][3] == datetime.datetime(1979, 12, 31, 8, 30)
    assert rows[6][4] == 36079004321 and isinstance(rows[6][4], float)  # a citizen ID stored as a number
    assert rows[6][6] == 2.5
    assert sheets[0].merged == [(2, 2, 2, 5)]
    assert sheets[1] == Sheet("Trống", [], [])


def text(value: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{value}</text:p></table:table-cell>'


def number(value) -> str:
    return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'


EMPTY = "<table:table-cell/>"
TRAILING = '<table:table-cell table:number-columns-repeated="1020"/>'


def row(cells: str, extra: str = "") -> str:
    return f"<table:table-row{extra}>{cells}</table:table-row>"


def test_ods_read_back_with_merges_offsets_and_libreoffice_repeats(tmp_path):
    date = '<table:table-cell office:value-type="date" office:date-value="1990-02-03"><text:p>03/02/1990</text:p></table:table-cell>'
    table = (
        '<table:table table:name="Thôn 1"><table:table-column table:number-columns-repeated="1024"/>'
        + row(EMPTY + TRAILING, ' table:number-rows-repeated="2"')
        + row(EMPTY + text("DANH SÁCH", ' table:number-columns-spanned="3"')
              + "<table:covered-table-cell/><table:covered-table-cell/>" + TRAILING)
        + row(EMPTY + text("Họ và tên") + text("Ngày sinh") + text("Số CCCD") + TRAILING)
        + row(EMPTY + text("Lò Thị Mỷ") + date + number(1234567890) + TRAILING)
        + row(TRAILING, ' table:number-rows-repeated="1048570"')
        + "</table:table>"
        + '<table:table table:name="Ẩn" table:style-name="hide">' + row(text("x")) + "</table:table>"
    )
    [sheet] = read_workbook(write_ods(tmp_path / "danh_sach.ods", table))
    assert sheet.name == "Thôn 1"
    assert len(sheet.rows) == 5 and len(sheet.rows[0]) == 4  # trailing empty repeats dropped
    assert sheet.rows[2][1] == "DANH SÁCH"
    assert sheet.rows[4] == ["", "Lò Thị Mỷ", datetime.date(1990, 2, 3), 1234567890]
    assert sheet.merged == [(2, 1, 2, 3)]


def test_xls_read_back():
    [sheet] = read_workbook(HOSTILE / "plain.xls")  # the hidden second sheet is left out
    assert sheet.name == "Danh sách"
    assert sheet.rows[0][0] == "DANH SÁCH HỘI VIÊN CHI HỘI THÔN 3"
    assert sheet.rows[2] == ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Thôn"]
    assert sheet.rows[3] == [1, "Nguyễn Thị Hoà", datetime.date(1985, 3, 7), 1085001234, "Thôn 3"]
    assert sheet.rows[4][3] == 36079004321
    assert sheet.merged == [(0, 0, 0, 4)]


def test_the_bytes_decide_not_the_name(tmp_path):
    misnamed = tmp_path / "danh_sach.xlsx"
    misnamed.write_bytes((HOSTILE / "plain.xls").read_bytes())
    assert read_workbook(misnamed)[0].rows[3][1] == "Nguyễn Thị Hoà"


# --- not spreadsheets -----------------------------------------------------------------------------

@pytest.mark.parametrize("content, kind", [
    (b"%PDF-1.7\n1 0 obj << >> endobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
    ("Họ và tên,Ngày sinh\nNguyễn Văn A,01/02/1990\n".encode(), "CSV/TXT"),
    (b"<html><body><table><tr><td>STT</td></tr></table></body></html>", "HTML"),
])
def test_other_files_renamed_xlsx_are_named_for_what_they_are(tmp_path, calamine_forbidden, content, kind):
    path = tmp_path / "danh_sach.xlsx"
    path.write_bytes(content)
    assert refused(path, "workbook.not_spreadsheet").params["kind"] == kind


def test_empty_unknown_and_missing_files(tmp_path, calamine_forbidden):
    empty = tmp_path / "rong.xlsx"
    empty.write_bytes(b"")
    refused(empty, "workbook.empty")
    noise = tmp_path / "la.xls"
    noise.write_bytes(bytes(range(256)) * 4)
    refused(noise, "workbook.unknown_format")
    refused(tmp_path / "khong_co.xlsx", "workbook.cannot_open")


def test_a_file_over_the_size_limit_is_refused_saying_both_sizes(tmp_path, calamine_forbidden):
    path = make_xlsx(tmp_path / "to.xlsx")
    path.write_bytes(path.read_bytes() + bytes(200_000 - path.stat().st_size))
    error = refused(path, "workbook.too_large", max_bytes=100_000)
    assert (error.params["size"], error.params["limit"]) == ("0.2 MB", "0.1 MB")
    assert "to.xlsx nặng 0.2 MB" in messages.describe(error, "vi")


# --- damaged and encrypted ------------------------------------------------------------------------

def test_truncated_and_corrupt_packages(tmp_path, calamine_forbidden):
    whole = make_xlsx(tmp_path / "nguyen.xlsx").read_bytes()
    cut = tmp_path / "cat_doi.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    refused(cut, "workbook.truncated")
    broken = bytearray(whole)
    directory = broken.rfind(b"PK\x01\x02")
    broken[directory:directory + 30] = bytes(30)  # the central directory's last entry wiped
    damaged = tmp_path / "hong.xlsx"
    damaged.write_bytes(bytes(broken))
    refused(damaged, "workbook.unreadable")


def test_corrupt_and_truncated_xls(tmp_path, calamine_forbidden):
    whole = (HOSTILE / "plain.xls").read_bytes()
    cut = tmp_path / "cat.xls"
    cut.write_bytes(whole[:2048])
    refused(cut, "workbook.truncated")


def _directory_entries(data: bytes) -> list[tuple[int, str]]:
    """(offset in the file, name) of each directory entry of an OLE2 file (512-byte sectors)."""
    first_dir = struct.unpack_from("<I", data, 48)[0]
    fat = array("I", data[76:512])[:struct.unpack_from("<I", data, 44)[0]]
    table = array("I", b"".join(data[(s + 1) * 512:(s + 2) * 512] for s in fat))
    found, sid = [], first_dir
    while sid < 0xFFFFFFFA:
        for at in range((sid + 1) * 512, (sid + 2) * 512, 128):
            length = struct.unpack_from("<H", data, at + 64)[0]
            found.append((at, data[at:at + max(length - 2, 0)].decode("utf-16-le", "replace")))
        sid = table[sid]
    return found


def _renamed(data: bytearray, at: int, name: str, length: int | None = None) -> None:
    raw = name.encode("utf-16-le")
    data[at:at + 64] = raw + bytes(64 - len(raw))
    struct.pack_into("<H", data, at + 64, length if length is not None else len(raw) + 2)


def test_xls_that_two_readers_would_read_differently_is_refused(tmp_path, calamine_forbidden):
    whole = (HOSTILE / "plain.xls").read_bytes()
    entries = _directory_entries(whole)
    book = next(at for at, name in entries if name == "Workbook")
    unused = next(at for at, name in entries if name == "")
    # a second Workbook stream: the checks kept the last, calamine reads the first
    twice = bytearray(whole)
    _renamed(twice, unused, "Workbook")
    twice[unused + 66] = 2  # a stream
    twice[unused + 116:unused + 124] = whole[book + 116:book + 124]  # where it starts, how long
    (tmp_path / "hai.xls").write_bytes(twice)
    assert "two Workbook streams" in refused(tmp_path / "hai.xls", "workbook.unreadable").params["detail"]
    # a name whose length runs past its NUL: "Workbook" to one reader, something else to another
    past = bytearray(whole)
    _renamed(past, book, "Workbook\x00AB", length=len("Workbook\x00AB".encode("utf-16-le")) + 2)
    (tmp_path / "ten.xls").write_bytes(past)
    assert "name length" in refused(tmp_path / "ten.xls", "workbook.unreadable").params["detail"]
    # a mini-stream cutoff other than 4096: calamine uses 4096 whatever the header says
    cutoff = bytearray(whole)
    struct.pack_into("<I", cutoff, 56, 0xFFFFFFF0)
    (tmp_path / "cat.xls").write_bytes(cutoff)
    assert "cutoff" in refused(tmp_path / "cat.xls", "workbook.unreadable").params["detail"]


def test_a_corrupt_xls_body_is_unreadable_not_a_traceback(tmp_path):
    whole = bytearray((HOSTILE / "plain.xls").read_bytes())
    whole[512:1536] = b"\xff" * 1024  # the records of the Workbook stream scrambled
    path = tmp_path / "hong.xls"
    path.write_bytes(bytes(whole))
    error = refused(path, "workbook.unreadable")
    assert "hong.xls" in messages.describe(error, "vi")


def test_password_protected_workbooks(calamine_forbidden):
    error = refused(HOSTILE / "encrypted.xlsx", "workbook.encrypted")
    assert "mật khẩu" in messages.describe(error, "vi") and "password" in messages.describe(error, "en")
    refused(HOSTILE / "encrypted.xls", "workbook.encrypted")


# --- bombs ----------------------------------------------------------------------------------------

def repack(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """``source`` with some parts replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename not in parts:
                new.writestr(info.filename, old.read(info.filename))
        for name, data in parts.items():
            new.writestr(name, data)
    return target


def sheet_xml(cells: str) -> bytes:
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f"{cells}</sheetData></worksheet>").encode()


def zip_of_zeros(path: Path, name: str, size: int) -> Path:
    """A zip whose one part inflates to ``size`` zero bytes, written without
    compressing them all: after a full flush deflate starts afresh, so every
    megabyte of zeros packs to the same bytes."""
    block = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    tail = packer.flush(zlib.Z_FINISH)
    count = size // len(block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    packed = len(first) + (count - 1) * len(again) + len(tail)
    raw = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, packed, size, len(raw), 0) + raw
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, packed, size,
                          len(raw), 0, 0, 0, 0, 0, 0) + raw
    with open(path, "wb") as out:
        out.write(local + first)
        for _ in range(count - 1):
            out.write(again)
        out.write(tail)
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), start, 0))
    return path


def test_zip_bomb_is_refused_before_inflating_a_byte(tmp_path, calamine_forbidden, monkeypatch):
    bomb = zip_of_zeros(tmp_path / "bom.xlsx", "xl/worksheets/sheet1.xml", 1 << 30)
    assert bomb.stat().st_size < 2_000_000
    with zipfile.ZipFile(bomb) as z:
        assert z.infolist()[0].file_size == 1 << 30
    monkeypatch.setattr(zipfile.ZipExtFile, "read", lambda *a, **k: pytest.fail("inflated a part"))
    error = refused(bomb, "workbook.zip_bomb")
    assert "zip bomb" in messages.describe(error, "en")


def test_a_part_holding_more_than_it_declares_is_refused(tmp_path, calamine_forbidden):
    """Reading stops at the declared size (our own count, and zipfile's), so
    the lie shows as a failed checksum rather than as memory."""
    honest = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "b.xlsx",
                    {"xl/worksheets/sheet1.xml": sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>' + " " * 3_000_000)})
    data = bytearray(honest.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 40_000)  # declares 40 kB, holds 3 MB
            at += 4
    liar = tmp_path / "noi_doi.xlsx"
    liar.write_bytes(bytes(data))
    detail = refused(liar, "workbook.unreadable").params["detail"]
    assert detail.startswith("xl/worksheets/sheet1.xml") and "CRC" in detail


def test_too_many_parts_are_refused_from_the_end_record(tmp_path, calamine_forbidden, monkeypatch):
    path = tmp_path / "nhieu.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for i in range(10_001):
            z.writestr(f"p{i}", b"")
    monkeypatch.setattr(zipfile.ZipFile, "__init__", lambda *a, **k: pytest.fail("parsed every entry"))
    refused(path, "workbook.zip_bomb")


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    "<si><t>&lol9;</t></si></sst>"
)


def test_billion_laughs_in_shared_strings(tmp_path, calamine_forbidden):
    bomb = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "cuoi.xlsx",
                  {"xl/sharedStrings.xml": BILLION_LAUGHS.encode()})
    error = refused(bomb, "workbook.xml_bomb")
    assert error.params["part"] == "xl/sharedStrings.xml"


def test_a_doctype_across_the_chunk_boundary_is_still_found(tmp_path, calamine_forbidden):
    padding = os.urandom(1 << 19).hex()[: (1 << 20) - 5]  # "<!DOCTYPE" starts 5 bytes before the first megabyte ends
    bomb = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "bien.xlsx",
                  {"xl/styles.xml": (padding + '<!DOCTYPE x [<!ENTITY y "z">]><styleSheet/>').encode()})
    refused(bomb, "workbook.xml_bomb")


def test_shared_string_count_that_would_reserve_gigabytes(tmp_path, calamine_forbidden):
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
           'uniqueCount="4000000000"><si><t>a</t></si></sst>')
    bomb = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "sst.xlsx", {"xl/sharedStrings.xml": sst.encode()})
    refused(bomb, "workbook.xml_bomb")


@pytest.mark.parametrize("cells", [
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
    # the same, written in ways the fast path hands to the exact one
    '<row r="1"><c r="A1"><v>1</v></c><c r="xfd1048576"><v>1</v></c></row>',
    '<row r="1"><c s="0" r="A1"><v>1</v></c><c r = "XFD1048576"><v>1</v></c></row>',
    '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c><v>1</v></c><c r="XFD1"><v>1</v></c></row>',
])
def test_one_far_cell_that_would_make_calamine_allocate_a_huge_grid(tmp_path, calamine_forbidden, cells):
    bomb = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "xa.xlsx", {"xl/worksheets/sheet1.xml": sheet_xml(cells)})
    error = refused(bomb, "workbook.too_many_cells")
    assert error.params["sheet"] == "Danh sách"
    assert "Danh sách" in messages.describe(error, "vi")


@pytest.mark.parametrize("part", ["sheet1.bin", "sheet1", "anh/sheet1.png", "sheet1.xml.tmp"])
def test_a_sheet_in_a_part_not_named_xml_is_checked_as_calamine_reads_it(tmp_path, calamine_forbidden, part):
    # calamine follows the workbook's relationship to any part in xl/worksheets/, whatever its name
    bomb = far_cell_in_a_part_not_named_xml(tmp_path / "hoi_vien.xlsx", part=part)
    error = refused(bomb, "workbook.too_many_cells")
    assert error.params["sheet"] == "Danh sách" and error.params["corner"] == "XFD1048576"


def test_prefixed_far_cell(tmp_path, calamine_forbidden):
    xml = ('<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
           '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'
           "</x:sheetData></x:worksheet>")
    bomb = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "x.xlsx", {"xl/worksheets/sheet1.xml": xml.encode()})
    refused(bomb, "workbook.too_many_cells")


def test_stray_value_far_away_in_an_honest_sheet_names_the_corner(tmp_path):
    path = make_xlsx(tmp_path / "lac.xlsx")
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["Z90000"] = "x"
    book.save(path)
    error = refused(path, "workbook.too_many_cells")
    assert error.params["corner"] == "Z90000"
    read_workbook(path, max_cells=3_000_000)  # a higher limit reads it


def test_styled_empty_cells_far_away_do_not_count(tmp_path):
    cells = '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>'
    path = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "kieu.xlsx", {"xl/worksheets/sheet1.xml": sheet_xml(cells)})
    assert read_workbook(path)[0].rows == [[1.0]]


def test_ods_repeats_that_would_multiply_into_billions_of_cells(tmp_path, calamine_forbidden):
    table = ('<table:table table:name="T">'
             + row(text("x", ' table:number-columns-repeated="16384"'), ' table:number-rows-repeated="1048576"')
             + "</table:table>")
    refused(write_ods(tmp_path / "lap.ods", table), "workbook.too_many_cells")


def test_ods_run_of_spaces_bomb(tmp_path, calamine_forbidden):
    cell = '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="200000000"/></text:p></table:table-cell>'
    refused(write_ods(tmp_path / "cach.ods", '<table:table table:name="T">' + row(cell) + "</table:table>"),
            "workbook.xml_bomb")


@pytest.mark.parametrize("sign", ["+", "0", "+00"])
def test_ods_counts_written_with_a_sign_or_zeros_are_read_as_calamine_reads_them(tmp_path, calamine_forbidden, sign):
    # calamine parses "+1048000" as 1,048,000 (Rust's integer parsing takes a plus sign):
    # checks that read only plain digits let 1.3-6.4 GB be allocated, or the read never end
    table = ('<table:table table:name="T">'
             + row(text("x", f' table:number-columns-repeated="{sign}16384"'),
                   f' table:number-rows-repeated="{sign}1048576"')
             + "</table:table>")
    refused(write_ods(tmp_path / "dau_cong.ods", table), "workbook.too_many_cells")
    cell = ('<table:table-cell office:value-type="string"><text:p>a'
            f'<text:s text:c="{sign}200000000"/></text:p></table:table-cell>')
    refused(write_ods(tmp_path / "cach_cong.ods", '<table:table table:name="T">' + row(cell) + "</table:table>"),
            "workbook.xml_bomb")


def test_long_shared_string_used_by_many_cells(tmp_path, calamine_forbidden):
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           f"<si><t>{'a' * 30000}</t></si></sst>")
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in "ABCDEFGHIJ") + "</row>"
                    for r in range(1, 1001))
    bomb = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "chu.xlsx",
                  {"xl/sharedStrings.xml": sst.encode(), "xl/worksheets/sheet1.xml": sheet_xml(cells)})
    assert bomb.stat().st_size < 200_000  # 10,000 cells x 30,000 characters read out: 300 MB of text
    refused(bomb, "workbook.too_much_text")


def test_hostile_xls_records(calamine_forbidden):
    refused(HOSTILE / "far_cell.xls", "workbook.too_many_cells")
    refused(HOSTILE / "sst_count.xls", "workbook.xml_bomb")


def test_every_code_has_vietnamese_and_english_words():
    for code in CODES:
        assert code in messages.known_codes()
        vi = messages.text(code, "vi", path="x.xlsx", kind="PDF", size="1", limit="2", detail="d", part="p",
                           sheet="s", cells="3", corner="A1", reason="r", sheets="4")
        en = messages.text(code, "en", path="x.xlsx", kind="PDF", size="1", limit="2", detail="d", part="p",
                           sheet="s", cells="3", corner="A1", reason="r", sheets="4")
        assert "x.xlsx" in vi and "x.xlsx" in en and vi != en


# --- big sheets: the fast measuring path and its fallbacks ------------------------------------------

@pytest.fixture(scope="module")
def tall_xlsx(tmp_path_factory) -> Path:
    """20,000 rows x 3 columns: a sheet part of several megabytes, measured
    piece by piece."""
    path = tmp_path_factory.mktemp("tall") / "dai.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Dài")
    for i in range(1, 20_001):
        sheet.append([i, f"Người thứ {i}", 1_000_000_000 + i])
    book.save(path)
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("xl/worksheets/sheet1.xml").file_size > 2 * (1 << 20)
    return path


def test_a_tall_sheet_under_the_limit_is_read_though_the_quick_bound_says_maybe(tall_xlsx):
    # 20,000 x 3 = 60,000 cells; the quick bound (any 5-digit row) says up to 299,997
    [sheet] = read_workbook(tall_xlsx, max_cells=70_000)
    assert len(sheet.rows) == 20_000 and sheet.rows[-1] == [20_000, "Người thứ 20000", 1_000_020_000]


def test_a_tall_sheet_over_the_limit_is_refused(tall_xlsx, calamine_forbidden):
    error = refused(tall_xlsx, "workbook.too_many_cells", max_cells=50_000)
    assert error.params["corner"] == "C20000"


def with_cell_in_the_middle(source: Path, target: Path, cell: bytes) -> Path:
    with zipfile.ZipFile(source) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    at = xml.index(b'<row r="12345"')
    end = xml.index(b"</row>", at)
    return repack(source, target, {"xl/worksheets/sheet1.xml": xml[:end] + cell + xml[end:]})


@pytest.mark.parametrize("cell", [
    b'<c r="D1048576" t="n"><v>1</v></c>',          # a row with more digits than any before
    b'<c r="XFD12345" t="n"><v>1</v></c>',          # a column far to the right
    b'<c r="d1048576" t="n"><v>1</v></c>',          # lower case: calamine reads it all the same
    b'<c t="n" r="XFD12345"><v>1</v></c>',          # r not first
])
def test_a_far_cell_hidden_in_the_middle_of_a_big_sheet(tall_xlsx, tmp_path, calamine_forbidden, cell):
    refused(with_cell_in_the_middle(tall_xlsx, tmp_path / "giua.xlsx", cell), "workbook.too_many_cells")


def test_a_styled_empty_cell_in_the_middle_is_not_data(tall_xlsx, tmp_path):
    path = with_cell_in_the_middle(tall_xlsx, tmp_path / "kieu.xlsx", b'<c r="XFD12345" s="1"/>')
    assert len(read_workbook(path)[0].rows[0]) == 3


def test_a_wide_sheet_is_measured_too(tmp_path, calamine_forbidden):
    path = tmp_path / "rong.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Rộng")
    for i in range(3_000):
        sheet.append([f"ô {i}-{c}" for c in range(28)])  # columns up to AB
    book.save(path)
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    at = xml.index(b"</row>", xml.index(b'<row r="2500"'))
    far = repack(path, tmp_path / "rong_xa.xlsx",
                 {"xl/worksheets/sheet1.xml": xml[:at] + b'<c r="AC1048576" t="n"><v>1</v></c>' + xml[at:]})
    refused(far, "workbook.too_many_cells")


def test_a_wide_sheet_reads(tmp_path):
    path = tmp_path / "rong.xlsx"
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Rộng")
    for i in range(3_000):
        sheet.append([f"ô {i}-{c}" for c in range(28)])
    book.save(path)
    [read] = read_workbook(path)
    assert len(read.rows) == 3_000 and read.rows[2_999][27] == "ô 2999-27"


def test_an_xls_over_a_small_limit_goes_the_exact_way_and_is_refused(calamine_forbidden):
    error = refused(HOSTILE / "plain.xls", "workbook.too_many_cells", max_cells=20)
    assert error.params["corner"] == "E5"


def test_one_long_shared_string_among_many_short_ones_is_fine(tmp_path):
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
           f"<si><t>{'a' * 30000}</t></si><si><t>Thôn 3</t></si></sst>")
    cells = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>1</v></c>' for c in "ABCDEFGHIJ") + "</row>"
        for r in range(2, 1002))
    path = repack(make_xlsx(tmp_path / "a.xlsx"), tmp_path / "mot_dai.xlsx",
                  {"xl/sharedStrings.xml": sst.encode(), "xl/worksheets/sheet1.xml": sheet_xml(cells)})
    rows = read_workbook(path)[0].rows
    assert len(rows[0][0]) == 30000 and rows[1000][9] == "Thôn 3"


# --- damaged files of every kind: a refusal with a code, never a traceback ------------------------

def mutations(data: bytes, seed: int, count: int):
    rnd = random.Random(seed)
    tokens = [b"9", b"99999", b"Z", b"XFD", b"\xff\xff", b"\x00\x00", b'"', b"<", b"/",
              b' table:number-columns-repeated="50000"', b"<c>", b'<x:c r="A1">', b"<v>999999</v>"]
    for _ in range(count):
        changed = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            at = rnd.randrange(len(changed))
            token = rnd.choice(tokens)
            changed[at:at + len(token) * rnd.randint(0, 1)] = token
        yield bytes(changed)


def test_damaged_xls_files_are_read_or_refused(tmp_path):
    path = tmp_path / "hong.xls"
    for data in mutations((HOSTILE / "plain.xls").read_bytes()[:5632], seed=7, count=150):
        path.write_bytes(data)
        try:
            read_workbook(path)
        except WorkbookError as error:
            assert error.code in CODES


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_damaged_sheet_xml_is_read_or_refused(tmp_path, kind):
    if kind == "xlsx":
        source, part = make_xlsx(tmp_path / "a.xlsx"), "xl/worksheets/sheet1.xml"
    else:
        source, part = write_ods(tmp_path / "a.ods", '<table:table table:name="T">' + row(text("Họ và tên") + number(1))
                                 + row(EMPTY + text("x", ' table:number-columns-spanned="2"')) + "</table:table>"), "content.xml"
    with zipfile.ZipFile(source) as z:
        xml = z.read(part)
    for i, data in enumerate(mutations(xml, seed=11, count=100)):
        path = repack(source, tmp_path / f"hong{i}.{kind}", {part: data})
        try:
            read_workbook(path)
        except WorkbookError as error:
            assert error.code in CODES


def test_an_ods_table_without_its_end_tag_is_refused(tmp_path, calamine_forbidden):
    # calamine reads a named table until </table:table>: without one it loops for ever
    content = '<table:table table:name="T">' + row(text("Họ và tên")) + "</table:tablZ>"
    refused(write_ods(tmp_path / "mo.ods", content), "workbook.unreadable")


def test_an_ods_comment_is_refused(tmp_path, calamine_forbidden):
    content = '<table:table table:name="T">' + row(text("Họ và tên")) + "<!-- </table:table> -->"
    refused(write_ods(tmp_path / "chu_thich.ods", content), "workbook.unreadable")
