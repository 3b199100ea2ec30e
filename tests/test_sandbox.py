"""Untrusted spreadsheets are read in a child process: a file that makes the
parser abort, stall or eat memory becomes one clear refusal naming the file,
and the process that asked (the window, a consolidation run) goes on."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from app import messages
from app.spreadsheets.limits import WorkbookError
from app.spreadsheets.reading import read_workbook
from app.spreadsheets.sandbox import SandboxedReader, cap_memory, decode_answer, encode_sheets, read_untrusted
from tests.hostile import far_cell_in_a_part_not_named_xml, without_the_checks

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
WAIT_S = 60  # generous: a child starts in well under a second, even on a loaded machine


def _refused(code: str, call, *args, **kwargs) -> WorkbookError:
    started = time.monotonic()
    with pytest.raises(WorkbookError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value
    assert time.monotonic() - started < WAIT_S
    return caught.value


@pytest.mark.parametrize("name", sorted(p.name for p in ROSTERS.iterdir() if p.suffix in (".xlsx", ".xls", ".ods")))
def test_the_child_reads_what_the_reader_reads(name):
    here = read_workbook(ROSTERS / name)
    there = read_untrusted(ROSTERS / name)
    assert [(s.name, s.rows, s.merged) for s in there] == [(s.name, s.rows, s.merged) for s in here]


def test_cells_of_every_type_come_back_as_they_went():
    import datetime

    from app.spreadsheets.reading import Sheet

    rows = [["Họ và tên", 1, 1.5, True, None, "", datetime.date(1985, 4, 12),
             datetime.datetime(2026, 11, 22, 9, 30), datetime.time(7, 15), datetime.timedelta(hours=36)]]
    sheets = [Sheet("Danh sách", rows, [(0, 0, 1, 2)])]
    back = decode_answer(encode_sheets(sheets), Path("x.xlsx"))
    assert [(s.name, s.rows, s.merged) for s in back] == [(s.name, s.rows, s.merged) for s in sheets]
    assert [type(v) for v in back[0].rows[0]] == [type(v) for v in rows[0]]


@pytest.mark.parametrize("answer", [
    b"not json", b'{"sheets": [{"name": "a", "rows": [[{"x": 1}]], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": [], "merged": [[1, 2]]}]}', b'{"sheets": [{"name": "a"}]}',
    b'{"error": {"code": "os.system", "params": {}}}', b"[" * 100_000,
    # a cell object of a kind, or with a value, that no reader writes
    b'{"sheets": [{"name": "a", "rows": [[{"s": 1e300}]], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": [[{"s": true}]], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": [[{"d": 20261122}]], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": [[{"d": "22/11/2026"}]], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": [[{"d": "2026-11-22", "t": "09:00"}]], "merged": []}]}',
    # rows that are not lists of cells
    b'{"sheets": [{"name": "a", "rows": [[["nested"]]], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": ["abc"], "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": {"0": []}, "merged": []}]}',
    b'{"sheets": [{"name": "a", "rows": [], "merged": [[{"d": "2026-11-22"}, 1, 2, 3]]}]}',
])
def test_an_answer_a_child_could_forge_is_a_refusal_never_code(answer):
    error = _refused("workbook.reader_crashed" if b"error" not in answer else "workbook.unreadable",
                     decode_answer, answer, Path("giả.xlsx"))
    assert error.params["path"] == "giả.xlsx"


def test_a_file_that_makes_the_parser_abort_is_one_refusal_and_this_process_goes_on(tmp_path, monkeypatch):
    without_the_checks(monkeypatch)
    crafted = far_cell_in_a_part_not_named_xml(tmp_path / "hoi_vien.xlsx")
    error = _refused("workbook.reader_crashed", read_untrusted, crafted)
    assert error.params["path"] == "hoi_vien.xlsx"
    words = messages.describe(error, "vi")
    assert "hoi_vien.xlsx" in words and "\n" not in words
    assert read_untrusted(ROSTERS / "01_phu_nu_thon3.xlsx")  # and reading goes on


def test_one_child_serves_many_files_and_a_new_one_follows_a_crash(tmp_path, monkeypatch):
    without_the_checks(monkeypatch)
    crafted = far_cell_in_a_part_not_named_xml(tmp_path / "ke_xau.xlsx")
    good = ROSTERS / "02_nong_dan_nam_nu.xlsx"
    with SandboxedReader() as reader:
        first = reader.read(good)
        child = reader._process.pid
        assert reader.read(good)[0].rows == first[0].rows and reader._process.pid == child  # the same child
        _refused("workbook.reader_crashed", reader.read, crafted)
        assert reader.read(good)[0].rows == first[0].rows  # a fresh child
        assert reader._process.pid != child


def test_a_read_that_takes_too_long_is_stopped(tmp_path):
    error = _refused("workbook.reader_timeout", read_untrusted, ROSTERS / "09_danh_sach_lon.xlsx", time_limit=1e-6)
    assert error.params["path"] == "09_danh_sach_lon.xlsx"


def _allocate_past_the_cap(answers, limit: int) -> None:
    """In a child: cap the memory as the reader's child does, then ask for more."""
    cap_memory(limit)
    try:
        block = bytearray(4 * limit)
        answers.put(f"allocated {len(block)}")
    except MemoryError:
        answers.put("MemoryError")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS does not enforce RLIMIT_AS")
def test_the_childs_memory_cap_refuses_what_is_past_it():
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    answers = context.Queue()
    child = context.Process(target=_allocate_past_the_cap, args=(answers, 256 * 1024 * 1024))
    child.start()
    try:
        assert answers.get(timeout=WAIT_S) == "MemoryError"
    finally:
        child.join(WAIT_S)
        if child.is_alive():
            child.kill()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="Windows has no FIFOs (named pipes are not files there)")
def test_a_fifo_named_xlsx_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "danh_sach.xlsx"
    os.mkfifo(fifo)
    error = _refused("workbook.not_a_file", read_untrusted, fifo)
    assert "danh_sach.xlsx" in messages.describe(error, "en")


def test_a_folder_named_xlsx_is_refused(tmp_path):
    folder = tmp_path / "danh_sach.xlsx"
    folder.mkdir()
    _refused("workbook.not_a_file", read_untrusted, folder)


def test_a_link_is_not_followed(tmp_path):
    link = tmp_path / "danh_sach.xlsx"
    try:
        link.symlink_to(ROSTERS / "01_phu_nu_thon3.xlsx")
    except OSError:  # Windows without the right to make links
        pytest.skip("this account may not create symbolic links")
    _refused("workbook.not_a_file", read_untrusted, link)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS does not enforce RLIMIT_AS")
def test_a_child_that_cannot_even_load_the_parser_is_a_refusal_not_a_traceback():
    # A cap so low that the child cannot load what it needs. Where it fails depends on how much its
    # imports take: compiling the modules (no .pyc, as in a fresh clone) ends it before it can say
    # anything (a crash); from compiled bytecode (an installed app) it gets far enough to catch the
    # MemoryError and say so. Either way a refusal naming the file, never a traceback.
    started = time.monotonic()
    with pytest.raises(WorkbookError) as caught:
        read_untrusted(ROSTERS / "01_phu_nu_thon3.xlsx", memory_limit=1024 * 1024)
    assert time.monotonic() - started < WAIT_S
    error = caught.value
    assert error.code in ("workbook.reader_crashed", "workbook.reader_memory"), error
    assert error.params["path"] == "01_phu_nu_thon3.xlsx"
    if error.code == "workbook.reader_crashed":
        assert error.params["detail"].startswith(("exit status", "signal", "the reader did not start"))
    else:
        assert error.params["limit"] == "1.0 MB"
