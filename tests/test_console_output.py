"""The command line's output on a Windows office PC: UTF-8 whatever the
console's code page (a Vietnamese Windows console is cp1258), and a reader
that stops reading (``| head -1``, ``| more`` quit) ends it quietly.

The code page is injected as Python sees it on Windows: PYTHONIOENCODING
(with PYTHONUTF8=0 and LC_ALL=C, so nothing else makes it UTF-8); the
closed pipe as a real pipe whose reader has gone, and as the errors Windows
raises for one (errors 109 and 232; EINVAL from the C runtime)."""
from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli as cli_module
from app.cli import EXIT_PIPE, ReaderGone, pipe_closed, run, use_utf8
from app.domain.commune import create_commune_database
from app.domain.people import add_person

ROOT = Path(__file__).resolve().parents[1]
WAIT_S = 120


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "PYTHONUTF8", "LC_", "LANG"))}
    env.update(FRONTDESK_HOME=str(home), PYTHONPATH=str(ROOT), PYTHONUTF8="0", LC_ALL="C")
    env.update(extra)
    return env


@pytest.fixture
def database(tmp_path, clock):
    db = tmp_path / "commune.sqlite3"
    with create_commune_database(db, "00004", clock=clock, actor="tester") as store:
        add_person(store, {"full_name": "Nguyễn Văn Đức", "birth_date": "04/03/1980"})
        for i in range(3000):  # far more than a pipe holds (64 KB on Linux, 4 KB on some Windows)
            add_person(store, {"full_name": f"Nguyễn Thị Thử {i}"})
    return db


def test_json_redirected_to_a_file_under_cp1258_is_utf8(tmp_path, database):
    target = tmp_path / "x.json"
    with open(target, "wb") as fh:
        result = subprocess.run(
            [sys.executable, "-m", "app", "search", "duc", "--json", "--db", str(database)], cwd=ROOT,
            env=_env(tmp_path / "home", PYTHONIOENCODING="cp1258"), stdout=fh, stderr=subprocess.PIPE,
            timeout=WAIT_S,
        )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = target.read_bytes()
    assert "Nguyễn Văn Đức".encode("utf-8") in data  # not "Nguy?n V?n ?"
    assert json.loads(data.decode("utf-8"))[0]["full_name"] == "Nguyễn Văn Đức"


def test_a_pipe_and_stderr_under_cp1258_are_utf8_too(tmp_path, database):
    result = subprocess.run(
        [sys.executable, "-m", "app", "search", "nguyen van duc", "--db", str(database)], cwd=ROOT,
        env=_env(tmp_path / "home", PYTHONIOENCODING="cp1258"), capture_output=True, timeout=WAIT_S,
    )
    assert result.returncode == 0
    assert "Nguyễn Văn Đức".encode("utf-8") in result.stdout
    refused = subprocess.run(
        [sys.executable, "-m", "app", "search", "x", "--db", str(tmp_path / "none.sqlite3")], cwd=ROOT,
        env=_env(tmp_path / "home", PYTHONIOENCODING="cp1258"), capture_output=True, timeout=WAIT_S,
    )
    assert refused.returncode == 1
    message = refused.stderr.decode("utf-8")  # a Vietnamese message, whole
    assert "?" not in message.replace("frontdesk --help", "") and any(ord(c) > 0x7F for c in message)


class FakeStream(io.TextIOWrapper):
    def __init__(self, encoding: str, tty: bool) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    "encoding, tty, platform, expected",
    [
        ("cp1258", False, "win32", "utf-8"),  # redirected on Windows
        ("cp1258", False, "linux", "utf-8"),  # redirected anywhere
        ("cp1258", True, "win32", "utf-8"),  # a legacy console (PYTHONLEGACYWINDOWSSTDIO, old hosts)
        ("latin-1", True, "linux", "latin-1"),  # a terminal elsewhere keeps what it shows
        ("utf-8", True, "win32", "utf-8"),
    ],
)
def test_which_streams_become_utf8(encoding, tty, platform, expected):
    stream = FakeStream(encoding, tty)
    use_utf8(stream, platform=platform)
    assert stream.encoding.replace("_", "-").lower() == expected
    assert stream.errors == "replace"
    stream.write("Nguyễn Đức")  # never a UnicodeEncodeError
    stream.flush()


def test_no_stdout_at_all_is_left_alone():
    use_utf8(None)  # pythonw, a windowed build
    use_utf8(io.StringIO())  # a test's capture


def test_search_piped_into_a_reader_that_stops_ends_quietly(tmp_path, database):
    """``frontdesk search nguyen | head -1``: the reader takes one line and goes."""
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "search", "nguyen", "--limit", "5000", "--db", str(database)], cwd=ROOT,
        env=_env(tmp_path / "home"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        first = process.stdout.readline()
        process.stdout.close()  # what head does after its line
        _, err = process.communicate(timeout=WAIT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=WAIT_S)
    text = err.decode("utf-8", "replace")
    assert first  # it did write
    assert process.returncode == EXIT_PIPE, text
    assert text == "", text  # no "Lỗi ngoài dự kiến (BrokenPipeError)", no "Exception ignored", no traceback


@pytest.mark.parametrize(
    "error",
    [
        BrokenPipeError(errno.EPIPE, "Broken pipe"),
        OSError(errno.EINVAL, "Invalid argument"),  # Windows: the C runtime's answer for error 232
    ],
)
def test_windows_closed_pipe_errors_end_quietly(error, clock, tmp_path, store):
    class Closed(io.StringIO):
        def write(self, text):
            raise error

    err = io.StringIO()
    code = run(["search", "x", "--db", str(tmp_path / "none.sqlite3")], out=Closed(), err=err, clock=clock)
    assert code == 1  # the database is missing: the message goes to stderr, which still reads
    store.close()
    for argv in (["--version"], ["search", "x", "--json", "--db", str(store.path)]):
        code = run(argv, out=Closed(), err=err, clock=clock)
        assert code == EXIT_PIPE
    assert "BrokenPipeError" not in err.getvalue() and "Lỗi ngoài dự kiến" not in err.getvalue()


def test_windows_pipe_error_codes_are_recognised():
    for winerror in (109, 232):
        exc = OSError(errno.EINVAL, "The pipe is being closed")
        exc.winerror = winerror
        assert pipe_closed(exc)
    assert pipe_closed(BrokenPipeError())
    assert not pipe_closed(PermissionError(errno.EACCES, "denied"))
    assert not pipe_closed(OSError(errno.ENOSPC, "full"))


def test_an_other_error_while_writing_is_still_reported(clock, store):
    class Full(io.StringIO):
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    err = io.StringIO()
    store.close()
    assert run(["search", "x", "--json", "--db", str(store.path)], out=Full(), err=err, clock=clock) == 1
    assert "OSError" in err.getvalue()  # not taken for a closed pipe
    assert not issubclass(ReaderGone, OSError)


def test_the_exit_flush_of_a_closed_pipe_is_silenced(monkeypatch):
    """The output fitted in the buffer; the pipe's reader is gone when it is flushed at the end."""

    class Late(io.StringIO):
        def flush(self):
            raise OSError(errno.EINVAL, "Invalid argument")

        def fileno(self):
            raise io.UnsupportedOperation("fileno")

    monkeypatch.setattr(sys, "stdout", Late())
    monkeypatch.setattr(cli_module, "run", lambda argv: 0)
    with pytest.raises(SystemExit) as exit_:
        cli_module.main([])
    assert exit_.value.code == EXIT_PIPE

