"""Hostile spreadsheets the tests build, and a parser without our checks in
front of it: with it, the sandbox's child meets what a file that slipped past
the checks would do to python-calamine (an abort), so tests can prove that it
stays in the child."""
from __future__ import annotations

import io
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
