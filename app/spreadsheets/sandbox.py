"""Reading untrusted spreadsheets in a child process, so that a file that makes
a parser misbehave becomes a one-line refusal and never takes the window (or a
consolidation run) down.

python-calamine is native code: a crafted file can make it abort the process
(a failed allocation of terabytes), spin for ever, or take gigabytes before
any check of ours notices. So the parent only opens the file (a regular file,
never through a link, never a FIFO: ``read_regular_file``) and hands its bytes
to a child, which first caps its own memory (Linux and other POSIX systems:
``resource.setrlimit``; Windows: a job object) and then runs the same checks
and the same reader as before (``read_workbook_bytes``). The child answers
with plain rows in a small JSON encoding (never a pickle: a child that a file
took over must not be able to run code in the parent). A crash, an abort, the
memory cap or the time limit becomes one ``WorkbookError`` naming the file.

    with SandboxedReader() as reader:          # one child for many files (consolidation)
        for path in paths:
            sheets = reader.read(path)
    sheets = read_untrusted(path)              # one file, one child

A child is started with ``multiprocessing``'s spawn method, which works the
same on Linux, on Windows and in the frozen bundle (``freeze_support`` in the
entry point).
"""
from __future__ import annotations

import datetime
import json
import logging
import multiprocessing
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

from app.spreadsheets.limits import WorkbookError, megabytes, refuse
from app.spreadsheets.reading import DEFAULT_LIMITS, CellValue, Sheet, read_regular_file, read_workbook_bytes

log = logging.getLogger(__name__)

MEMORY_LIMIT = 1536 * 1024 * 1024  # the child's address space: a real roster needs a few hundred MB
TIME_LIMIT = 120.0  # seconds for one file (a 100,000-row roster reads in about 2 s)
MAX_ANSWER = 512 * 1024 * 1024  # bytes of encoded rows the parent accepts
FILES_PER_CHILD = 200  # a long run starts a fresh child now and then (memory comes back)
START_LIMIT = 60.0  # seconds for a child to start and say it is ready
# What the child runs on a file's bytes. Passed to the child by name (a module
# level function), so tests can give it a parser without our checks in front
# and prove that what a bad file does to the parser stays in the child.
PARSE = read_workbook_bytes


# -- the encoding of rows between the processes -------------------------------------------


def _encode_other(value: Any) -> Any:
    """JSON writes str, int, float, bool and None itself and calls this only for
    the rest: a date or a time becomes a one-key object. (A function call per
    cell made encoding and decoding a 50,000-row roster cost 0.6 s.)"""
    if isinstance(value, datetime.datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"d": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"s": value.total_seconds()}
    raise TypeError(f"a cell of type {type(value).__name__}")


_DECODED = {
    "dt": (str, datetime.datetime.fromisoformat),
    "d": (str, datetime.date.fromisoformat),
    "t": (str, datetime.time.fromisoformat),
    "s": ((int, float), lambda seconds: datetime.timedelta(seconds=float(seconds))),
}
_CELL_TYPES = frozenset((str, int, float, bool, type(None), datetime.datetime, datetime.date, datetime.time,
                         datetime.timedelta))


def _decode_object(obj: dict) -> Any:
    """Called by JSON for every object as it is read: a one-key cell object
    becomes its date or time; any other object stays a dict, which a row
    does not accept (``_check_rows``)."""
    if len(obj) == 1:
        ((key, value),) = obj.items()
        decoder = _DECODED.get(key)
        if decoder is not None and isinstance(value, decoder[0]) and not isinstance(value, bool):
            return decoder[1](value)
    return obj


def _check_rows(rows: Any) -> list[list[CellValue]]:
    if not isinstance(rows, list):
        raise ValueError("rows that are not a list")
    cell_types = _CELL_TYPES
    for row in rows:
        if type(row) is not list or not cell_types.issuperset(map(type, row)):
            raise ValueError("unknown cell type")
    return rows


def encode_sheets(sheets: list[Sheet]) -> bytes:
    plain = [{"name": s.name, "rows": s.rows, "merged": s.merged} for s in sheets]
    return json.dumps({"sheets": plain}, ensure_ascii=False, separators=(",", ":"),
                      default=_encode_other).encode("utf-8")


def decode_answer(data: bytes, path: Path) -> list[Sheet]:
    """The child's answer, read as an attacker could have written it."""
    try:
        answer = json.loads(data, object_hook=_decode_object)
        if "error" in answer:
            error = answer["error"]
            params = {str(k): str(v) if not isinstance(v, (int, float)) else v
                      for k, v in dict(error.get("params", {})).items() if k != "path"}
            raise refuse(_workbook_code(error.get("code")), path, **params)
        sheets = []
        for raw in answer["sheets"]:
            merged = [tuple(int(n) for n in span) for span in raw["merged"]]
            if any(len(span) != 4 for span in merged):
                raise ValueError("a merged range of other than four numbers")
            sheets.append(Sheet(str(raw["name"]), _check_rows(raw["rows"]), merged))  # type: ignore[arg-type]
        return sheets
    except WorkbookError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError, OverflowError) as exc:
        raise refuse("workbook.reader_crashed", path,
                     detail=f"an answer that does not read ({type(exc).__name__})") from None


def _workbook_code(code: Any) -> str:
    return code if isinstance(code, str) and code.startswith("workbook.") else "workbook.unreadable"


# -- the child -------------------------------------------------------------------------------


def cap_memory(limit: int) -> None:
    """Cap this process's memory at ``limit`` bytes (called by the child on itself)."""
    if sys.platform == "win32":
        try:
            _windows_job(limit)
        except (OSError, AttributeError, ValueError) as exc:  # reading goes on, under the time limit alone
            log.warning("no memory cap for the spreadsheet reader: %s", exc)
        return
    import resource

    for name in ("RLIMIT_AS", "RLIMIT_DATA"):
        which = getattr(resource, name, None)
        if which is None:
            continue
        try:
            soft, hard = resource.getrlimit(which)
            cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
            resource.setrlimit(which, (cap, hard))
        except (ValueError, OSError):  # a platform that will not lower it (macOS and RLIMIT_AS)
            continue


def _windows_job(limit: int) -> None:  # pragma: no cover - runs on Windows only
    """A job object around this process with a memory limit: past it, Windows
    refuses the allocation (the child then fails and the parent says so)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    class IoCounters(ctypes.Structure):
        _fields_ = [(n, ctypes.c_ulonglong) for n in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class BasicLimits(ctypes.Structure):
        _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                    ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                    ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                    ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
                    ("SchedulingClass", wintypes.DWORD)]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", IoCounters),
                    ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                    ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]

    job_limit_process_memory, kill_on_job_close, extended_information = 0x100, 0x2000, 9
    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        raise OSError(ctypes.get_last_error(), "CreateJobObjectW failed")
    info = ExtendedLimits()
    info.BasicLimitInformation.LimitFlags = job_limit_process_memory | kill_on_job_close
    info.ProcessMemoryLimit = limit
    if not kernel32.SetInformationJobObject(job, extended_information, ctypes.byref(info), ctypes.sizeof(info)):
        raise OSError(ctypes.get_last_error(), "SetInformationJobObject failed")
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    if not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        raise OSError(ctypes.get_last_error(), "AssignProcessToJobObject failed")


def _child(conn, memory_limit: int, parse=read_workbook_bytes) -> None:
    """The child's loop: a request (file name, options, bytes) in, rows or a refusal out."""
    cap_memory(memory_limit)
    conn.send_bytes(b"ready")
    while True:
        try:
            header = conn.recv_bytes()
        except EOFError:
            return
        request = json.loads(header)
        data = conn.recv_bytes()
        path = Path(request["name"])
        try:
            sheets = parse(data, path, max_bytes=request["max_bytes"], max_cells=request["max_cells"],
                                         only=request["only"])
            answer = encode_sheets(sheets)
            del sheets
        except WorkbookError as exc:
            answer = json.dumps({"error": {"code": exc.code, "params": {k: str(v) for k, v in exc.params.items()}}})
            answer = answer.encode("utf-8")
        except MemoryError:
            answer = json.dumps({"error": {"code": "workbook.reader_memory",
                                           "params": {"limit": megabytes(memory_limit)}}}).encode("utf-8")
        del data
        conn.send_bytes(answer)


# -- the parent ------------------------------------------------------------------------------


class SandboxedReader:
    """Reads untrusted spreadsheets in a child process; one child serves many
    files, and a new one is started after a file that killed or stalled it."""

    def __init__(self, *, memory_limit: int = MEMORY_LIMIT, time_limit: float = TIME_LIMIT) -> None:
        self.memory_limit, self.time_limit = memory_limit, time_limit
        self._parse = PARSE
        self._process: Any = None
        self._conn: Any = None
        self._served = 0

    def __enter__(self) -> "SandboxedReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, path: Path | str, *, max_bytes: int = DEFAULT_LIMITS.max_bytes,
             max_cells: int = DEFAULT_LIMITS.max_cells, only: Collection[str] | None = None) -> list[Sheet]:
        """The worksheets of ``path`` (see ``read_workbook``), or ``WorkbookError``."""
        path = Path(path)
        data = read_regular_file(path, max_bytes)  # here: only the parent touches the file system
        if self._served >= FILES_PER_CHILD:
            self.close()
        self._ensure_child(path)
        request = {"name": path.name, "max_bytes": max_bytes, "max_cells": max_cells,
                   "only": sorted(only) if only is not None else None}
        try:
            self._conn.send_bytes(json.dumps(request).encode("utf-8"))
            self._conn.send_bytes(data)
            del data
            if not self._conn.poll(self.time_limit):
                self.close()
                log.warning("spreadsheet reader stopped after %s s", self.time_limit)
                raise refuse("workbook.reader_timeout", path, seconds=f"{self.time_limit:g}")
            answer = self._conn.recv_bytes(MAX_ANSWER)
        except (EOFError, OSError) as exc:  # the child died: a crash, an abort, the memory cap
            detail = self._ended_how()
            self.close()
            log.warning("spreadsheet reader ended: %s", detail)
            if isinstance(exc, OSError) and "bad message length" in str(exc):
                detail = "an answer over " + megabytes(MAX_ANSWER)
            raise refuse("workbook.reader_crashed", path, detail=detail) from None
        self._served += 1
        return decode_answer(answer, path)

    def _ensure_child(self, path: Path) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self.close()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe(duplex=True)
        process = context.Process(target=_child, args=(child, self.memory_limit, self._parse), name="frontdesk-reader",
                                  daemon=True)
        process.start()
        child.close()
        self._process, self._conn, self._served = process, parent, 0
        try:
            started = parent.poll(START_LIMIT) and parent.recv_bytes(16) == b"ready"
        except (EOFError, OSError):  # it died while starting
            started = False
        if not started:
            detail = self._ended_how()
            self.close()
            raise refuse("workbook.reader_crashed", path, detail="the reader did not start: " + detail)

    def _ended_how(self) -> str:
        process = self._process
        if process is None:
            return "no reader"
        process.join(5)
        code = process.exitcode
        if code is None:
            return "no answer"
        if code < 0:
            return f"signal {-code}"
        return f"exit status {code}"

    def close(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(1)
            if process.is_alive():
                process.kill()  # TerminateProcess on Windows, SIGKILL elsewhere
                process.join(5)


def read_untrusted(path: Path | str, *, max_bytes: int = DEFAULT_LIMITS.max_bytes,
                   max_cells: int = DEFAULT_LIMITS.max_cells, only: Collection[str] | None = None,
                   memory_limit: int = MEMORY_LIMIT, time_limit: float = TIME_LIMIT) -> list[Sheet]:
    """One untrusted file, read in a child process of its own (see the module)."""
    with SandboxedReader(memory_limit=memory_limit, time_limit=time_limit) as reader:
        return reader.read(path, max_bytes=max_bytes, max_cells=max_cells, only=only)

