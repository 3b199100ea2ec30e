"""Each class of hostile file the hostile-files issue found, read as the app
reads an untrusted file (the checks and calamine in a child process), with a
memory cap far below what those files once made calamine ask for (0.5-2.7 TB,
1.3-6.4 GB) and a time limit: each is one refusal by the checks, naming the
file in one line, never the child dying, stalling or hitting the cap."""
from __future__ import annotations

import os
import struct
import time

import pytest

from app import messages
from app.spreadsheets.limits import WorkbookError
from app.spreadsheets.sandbox import SandboxedReader
from tests.hostile import far_cell_in_a_part_not_named_xml
from tests.test_workbook import HOSTILE, _directory_entries, _renamed, row, text, write_ods

MEMORY_CAP = 512 * 1024 * 1024  # the child's whole address space, the parser's libraries included
TIME_LIMIT = 30.0               # generous: each refusal comes in well under a second
CONTAINED = ("workbook.reader_crashed", "workbook.reader_memory", "workbook.reader_timeout")


def _xls_variant(tmp_path, name, change):
    whole = (HOSTILE / "plain.xls").read_bytes()
    data = bytearray(whole)
    change(data, whole, _directory_entries(whole))
    path = tmp_path / name
    path.write_bytes(bytes(data))
    return path


def _second_workbook_stream(data, whole, entries):
    book = next(at for at, name in entries if name == "Workbook")
    unused = next(at for at, name in entries if name == "")
    _renamed(data, unused, "Workbook")
    data[unused + 66] = 2
    data[unused + 116:unused + 124] = whole[book + 116:book + 124]


def _name_past_its_nul(data, whole, entries):
    book = next(at for at, name in entries if name == "Workbook")
    _renamed(data, book, "Workbook\x00AB", length=len("Workbook\x00AB".encode("utf-16-le")) + 2)


def _another_cutoff(data, whole, entries):
    struct.pack_into("<I", data, 56, 0xFFFFFFF0)


def _ods_signed_repeat(tmp_path, name):
    table = ('<table:table table:name="T">'
             + row(text("x", ' table:number-columns-repeated="+16384"'), ' table:number-rows-repeated="+1048000"')
             + "</table:table>")
    return write_ods(tmp_path / name, table)


def _ods_signed_spaces(tmp_path, name):
    cell = '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="+1500000000"/></text:p></table:table-cell>'
    return write_ods(tmp_path / name, '<table:table table:name="T">' + row(cell) + "</table:table>")


CASES = {
    "xlsx-sheet-not-named-xml": lambda d: far_cell_in_a_part_not_named_xml(d / "hoi_vien.xlsx"),
    "xlsx-sheet-without-extension": lambda d: far_cell_in_a_part_not_named_xml(d / "hoi_vien.xlsx", part="sheet1"),
    "xls-two-workbook-streams": lambda d: _xls_variant(d, "hai.xls", _second_workbook_stream),
    "xls-name-past-its-nul": lambda d: _xls_variant(d, "ten.xls", _name_past_its_nul),
    "xls-mini-stream-cutoff": lambda d: _xls_variant(d, "cat.xls", _another_cutoff),
    "ods-signed-repeat": lambda d: _ods_signed_repeat(d, "dau_cong.ods"),
    "ods-signed-run-of-spaces": lambda d: _ods_signed_spaces(d, "cach_cong.ods"),
}


@pytest.fixture(scope="module")
def reader():
    with SandboxedReader(memory_limit=MEMORY_CAP, time_limit=TIME_LIMIT) as shared:
        yield shared


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_class_is_one_refusal_by_the_checks_within_bounds(tmp_path, reader, case):
    path = CASES[case](tmp_path)
    started = time.monotonic()
    with pytest.raises(WorkbookError) as caught:
        reader.read(path)
    error = caught.value
    assert error.code not in CONTAINED, (case, error)  # refused by the checks, not contained after the fact
    assert time.monotonic() - started < TIME_LIMIT
    words = messages.describe(error, "vi")
    assert path.name in words and "\n" not in words


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_named_xlsx_is_one_refusal_at_once(tmp_path, reader):
    fifo = tmp_path / "cho.xlsx"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(WorkbookError) as caught:
        reader.read(fifo)
    assert caught.value.code == "workbook.not_a_file" and time.monotonic() - started < 5
