"""Hostile spreadsheets the tests build, and a parser without our checks in
front of it: with it, the sandbox's child meets what a file that slipped past
the checks would do to python-calamine (an abort), so tests can prove that it
stays in the child."""
from __future__ import annotations

import io
import random
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl

from app.spreadsheets import reading


def far_cell_in_a_part_not_named_xml(path: Path, sheet_name: str = "Danh sách", part: str = "sheet1.bin") -> Path:
    """An .xlsx whose workbook relationship points the sheet at a part named
    ``xl/worksheets/<part>`` holding a cell at XFD1048576: checks that went by
    extension skipped it, and calamine, which follows the relationship, asks
    for 550 GB and aborts."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet["A1"], sheet["A2"] = "Họ và tên", "Nguyễn Văn An"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            name, data = item.filename, source.read(item.filename)
            if name == "xl/worksheets/sheet1.xml":
                name = "xl/worksheets/" + part
                data = data.replace(b'<c r="A2"', b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c><c r="A2"')
            elif name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                data = data.replace(b"worksheets/sheet1.xml", b"worksheets/" + part.encode())
            out.writestr(name, data)
    return path


def parse_without_the_checks(data: bytes, path: Path | str, *, max_bytes: int, max_cells: int,
                             only=None) -> list[reading.Sheet]:
    """What the sandbox's child runs in place of ``read_workbook_bytes`` in
    these tests: calamine on the bytes, none of the checks before it."""
    limits = replace(reading.DEFAULT_LIMITS, max_bytes=max_bytes, max_cells=max_cells)
    return reading._read(io.BytesIO(data), Path(path), limits, {}, only)


def without_the_checks(monkeypatch) -> None:
    """Readers made from now on in this test parse without the checks."""
    from app.spreadsheets import sandbox

    monkeypatch.setattr(sandbox, "PARSE", parse_without_the_checks)


# --- parser differentials: files the checks once read one way and calamine another ------------------

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
RELS = "xl/_rels/workbook.xml.rels"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def sheet_of(cells: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="' + _MAIN.encode()
            + b'"><sheetData>' + cells + b"</sheetData></worksheet>")


def strings_of(*strings: bytes, head: bytes = b"") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + head + b'<sst xmlns="' + _MAIN.encode()
            + b'" count="%d" uniqueCount="%d">' % (len(strings), len(strings))
            + b"".join(b"<si><t>" + s + b"</t></si>" for s in strings) + b"</sst>")


def xlsx_with(path: Path, parts: dict[str, bytes], rename: dict[str, str] | None = None,
              extra: tuple[tuple[str, bytes], ...] = ()) -> Path:
    """A one-sheet workbook ("S", from openpyxl) with some parts replaced,
    renamed or added (added ones last, in the given order)."""
    book = openpyxl.Workbook()
    book.active.title = "S"
    book.active["A1"] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = parts.get(item.filename, source.read(item.filename))
            out.writestr((rename or {}).get(item.filename, item.filename), data)
        for name, data in extra:
            out.writestr(name, data)
    return path


def far_cell_sheet(end_tag: bytes = b"</c>", attrs: bytes = b"") -> bytes:
    """A1 and XFD1048576 both holding a value: calamine's grid is 17 billion cells."""
    return sheet_of(b'<row r="1"><c r="A1"><v>1</v>' + end_tag + b'<c r="XFD1048576"' + attrs + b"><v>1</v>"
                    + end_tag + b"</row>")


def long_text() -> bytes:
    """1.5 MB of letters that do not pack (a part over 1 MB packing 100x is a zip bomb on its own)."""
    rng = random.Random(7)
    return bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(1_500_000))


def shared_cells(value: bytes, before: bytes = b"", rows: int = 3000) -> bytes:
    """``rows`` cells of type "s" whose value is written ``value``: with a
    1.5 MB string 0, 4.5 GB of text once calamine hands each cell its copy."""
    return sheet_of(b"".join(b'<row r="%d"><c r="A%d" t="s">%s<v>%s</v></c></row>' % (r, r, before, value)
                             for r in range(1, rows + 1)))


def differentials(folder: Path) -> dict[str, Path]:
    """Every crafted file of tests/test_differentials.py by name: each one
    passed the checks and then made calamine abort (a failed allocation of
    gigabytes for the grid, or gigabytes of copied text) in python-calamine
    0.9.1."""
    folder.mkdir(parents=True, exist_ok=True)
    text = long_text()
    long_and_short = strings_of(text, b"a")
    rels = None
    made: dict[str, Path] = {}

    def make(name: str, parts: dict[str, bytes], **kw) -> None:
        made[name] = xlsx_with(folder / f"{name}.xlsx", parts, **kw)

    # A cell's end tag written with a space: "</c >" ends the cell for calamine's XML reader
    make("end_tag_with_space", {SHEET: far_cell_sheet(b"</c >")})
    make("prefixed_end_tag_with_space", {SHEET: sheet_of(
        b'<row r="1"><x:c xmlns:x="' + _MAIN.encode() + b'" r="A1"><x:v>1</x:v></x:c ><x:c xmlns:x="'
        + _MAIN.encode() + b'" r="XFD1048576"><x:v>1</x:v></x:c\t></row>')})
    # "/>" inside an attribute value passed for the end of a self-closed (empty) cell
    make("slash_gt_in_attribute", {SHEET: far_cell_sheet(attrs=b' x="/>"')})
    # <row r="A1048576">: calamine reads the row from the digits, the checks ignored it
    make("row_ref_with_letters", {SHEET: sheet_of(
        b'<row r="1"><c r="A1"><v>1</v></c></row><row r="A1048576"><c r="XFD5"/><c><v>1</v></c></row>')})
    # the sheet part in another case: calamine finds XL/Worksheets/SHEET1.BIN for xl/worksheets/sheet1.bin
    with zipfile.ZipFile(xlsx_with(folder / "_base.xlsx", {})) as base:
        rels = base.read(RELS).replace(b"worksheets/sheet1.xml", b"worksheets/sheet1.bin")
    make("sheet_folder_in_upper_case", {SHEET: far_cell_sheet(), RELS: rels}, rename={SHEET: "XL/Worksheets/SHEET1.BIN"})
    # a shared-string index calamine cannot parse is index 0 (the long string), not 1
    make("string_index_with_space", {SHEET: shared_cells(b" 1")}, extra=((STRINGS, long_and_short),))
    make("string_index_with_plus", {SHEET: shared_cells(b"+1")}, extra=((STRINGS, long_and_short),))
    # a formula before the value: the value still counts
    make("string_after_formula", {SHEET: shared_cells(b"0", b"<f>A1</f>")}, extra=((STRINGS, long_and_short),))
    # a second <sst> in another part was taken for the shared strings
    make("decoy_shared_strings", {SHEET: shared_cells(b"0")},
         extra=((STRINGS, long_and_short), ("xl/zz.xml", strings_of(b"a", b"b"))))
    # the <sst> root past the first 4 KB: the shared strings went unmeasured
    make("late_shared_strings_root", {SHEET: shared_cells(b"0")},
         extra=((STRINGS, strings_of(text, b"a", head=b"<!--" + b"x" * 5000 + b"-->")),))
    # ten <si> nested: calamine reads one string of all ten texts, from the first <si> to the first </si>,
    # where the checks measured ten strings of 150 kB (1,700 cells x 150 kB stayed under the limit)
    pieces = [text[i * 150_000:(i + 1) * 150_000] for i in range(10)]
    nested = b"".join(b"<si><t>" + p + b"</t>" for p in pieces) + b"</si>" * 10 + b"<si><t>c</t></si>"
    make("nested_shared_strings", {SHEET: shared_cells(b"0", rows=1700)}, extra=((STRINGS, strings_of().replace(
        b"</sst>", nested + b"</sst>")),))
    # two copies of the shared strings differing in case: calamine takes one, the checks measured the other
    make("shared_strings_twice_in_two_cases", {SHEET: shared_cells(b"0")},
         extra=(("XL/SHAREDSTRINGS.XML", long_and_short), ("xl/SharedStrings.xml", strings_of(b"a", b"b"))))
    # "<" inside an attribute value, placed where the checks cut the part into 1 MB pieces (before the
    # last "<"): the far cell's tag was cut in two and lost, calamine's XML reader takes the "<" in the value
    head = sheet_of(b'<row r="1"><c r="A1" t="inlineStr"><is><t>').split(b"</sheetData>")[0]
    tag = b'</t></is></c><c r="XFD1048576" x="'
    filler = text[:(1 << 20) - 2 - len(head) - len(tag)]  # letters that do not pack: not a zip bomb
    make("lt_in_attribute_at_a_piece_edge", {SHEET: head + filler + tag + b'<"><v>1</v></c></row></sheetData></worksheet>'})
    # an ODS mimetype beside XL/WORKBOOK.XML: the checks took the package for ODS and skipped its
    # sheets, calamine finds xl/workbook.xml ignoring case and reads it as an .xlsx
    with zipfile.ZipFile(xlsx_with(folder / "_far.xlsx", {SHEET: far_cell_sheet()})) as source:
        made["ods_mimetype_beside_upper_case_workbook"] = target = folder / "ods_mimetype_beside_upper_case_workbook.xlsx"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
            for item in source.infolist():
                name = item.filename
                out.writestr(name.upper() if name in ("xl/workbook.xml", RELS) else name, source.read(item.filename))
    (folder / "_far.xlsx").unlink()
    (folder / "_base.xlsx").unlink()
    # ODS: a self-closed row repeated a billion times, which the checks skipped and calamine counts (up to
    # its cap of 1,048,576 rows), before a row of 95 values: 99.6 million cells, 2.4 GB in one allocation
    value = ('<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="{n}">'
             "<text:p>1</text:p></table:table-cell>")
    made["ods_self_closed_repeated_rows"] = write_ods(folder / "ods_self_closed_repeated_rows.ods", (
        '<table:table table:name="T"><table:table-row>' + value.format(n=1) + "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1000000000"/><table:table-row>' + value.format(n=95)
        + "</table:table-row></table:table>"))
    # ODS: a run of 10,000 spaces in a cell repeated over 1,000 columns and 1,000 rows: the checks counted
    # the spaces once per row, calamine writes them into every copy of the cell (10 GB of text)
    made["ods_spaces_in_a_repeated_cell"] = write_ods(folder / "ods_spaces_in_a_repeated_cell.ods", (
        '<table:table table:name="T"><table:table-row table:number-rows-repeated="1000">'
        '<table:table-cell table:number-columns-repeated="1000" office:value-type="string">'
        '<text:p><text:s text:c="10000"/></text:p></table:table-cell></table:table-row></table:table>'))
    # ODS: ">" inside an attribute value, where the checks' patterns ended the tag (and missed the repeat
    # after it) and the XML reader does not: 6,000 x 16,384 cells
    made["ods_gt_in_attribute"] = write_ods(folder / "ods_gt_in_attribute.ods", (
        '<table:table table:name="T"><table:table-row table:number-rows-repeated="6000">'
        '<table:table-cell table:style-name="&gt;" table:number-columns-repeated="16384" office:value-type="float" '
        'office:value="1"/></table:table-row></table:table>').replace("&gt;", ">"))
    # many sheets, each under the limit: calamine builds every sheet of an .xls or .ods when it opens it
    # (hidden ones too), 100 grids of 65,536 x 30 cells (6 GB); the checks measured each sheet alone
    made["xls_many_sheets_each_under_the_limit"] = xls_of_many_sheets(folder / "xls_many_sheets_each_under_the_limit.xls")
    table = ('<table:table table:name="T{i}"><table:table-row>' + value.format(n=1) + "</table:table-row>"
             '<table:table-row table:number-rows-repeated="65534"><table:table-cell/></table:table-row>'
             '<table:table-row><table:table-cell table:number-columns-repeated="29"/>' + value.format(n=1)
             + "</table:table-row></table:table>")
    made["ods_many_tables_each_under_the_limit"] = write_ods(folder / "ods_many_tables_each_under_the_limit.ods",
                                                            "".join(table.format(i=i) for i in range(100)))
    return made


def _record(typ: int, body: bytes) -> bytes:
    return struct.pack("<HH", typ, len(body)) + body


def xls_of_many_sheets(path: Path, sheets: int = 100) -> Path:
    """An .xls of ``sheets`` sheets, all pointing at the same records: a
    number at A1 and one at AD65536 (a grid of 1,966,080 cells, under the
    limit of one sheet)."""
    bof = struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0600)
    names = [b"S%d" % i for i in range(sheets)]

    def boundsheet(pos: int, name: bytes) -> bytes:
        return _record(0x0085, struct.pack("<IBBBB", pos, 0, 0, len(name), 0) + name)

    start = len(_record(0x0809, bof)) + sum(len(boundsheet(0, n)) for n in names) + 4
    one = struct.pack("<I", 0x3FF00000)  # RK 1.0
    stream = (_record(0x0809, bof) + b"".join(boundsheet(start, n) for n in names) + _record(0x000A, b"")
              + _record(0x0809, bof[:2] + b"\x10\x00" + bof[4:]) + _record(0x027E, struct.pack("<HHH", 0, 0, 0) + one)
              + _record(0x027E, struct.pack("<HHH", 65535, 29, 0) + one) + _record(0x000A, b""))
    path.write_bytes(compound_file(stream))
    return path


def compound_file(stream: bytes) -> bytes:
    """An OLE2 file (512-byte sectors) holding ``stream`` as its Workbook:
    the stream's sectors, then one FAT sector, then one directory sector."""
    stream += bytes(max(4096, -(-len(stream) // 512) * 512) - len(stream))  # >= 4096: not in the mini stream
    n = len(stream) // 512
    assert n + 2 <= 128  # one FAT sector
    fat = [i + 1 for i in range(n - 1)] + [0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<9I", header, 40, 0, 1, n + 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 76, n, *[0xFFFFFFFF] * 108)

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        out = bytearray(128)
        out[:len(raw)] = raw
        struct.pack_into("<HBB3I", out, 64, len(raw), kind, 1, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into("<II", out, 116, start, size)
        return bytes(out)

    directory = entry("Root Entry", 5, 1, 0xFFFFFFFE, 0) + entry("Workbook", 2, 0xFFFFFFFF, 0, len(stream)) + bytes(256)
    return bytes(header) + stream + struct.pack("<128I", *fat) + directory


def write_ods(path: Path, tables: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="hide" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
    return path
