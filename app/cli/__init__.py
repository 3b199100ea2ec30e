"""The ``frontdesk`` command line: the same core as the desktop app, headless.

Exit status: 0 success, 1 the input or the data is at fault (one clear
message, never a traceback), 2 usage errors. A reader that stops reading
(``frontdesk search x | head -1``) ends the command quietly with status 1,
as Python's own tools do (no message, no traceback).

Output is UTF-8 whenever it goes to a file or a pipe, and on a console that
Python would otherwise write in a legacy code page: under a Vietnamese
Windows console (cp1258) ``--json > x.json`` would turn "Nguyễn" into
"Nguy?n". The command line logs to its own file (``frontdesk-cli.log``).

It speaks the language of ``--lang`` (else the one chosen in the window):
its help and argparse's own words too (``app.cli.parsing``), and ``--help``
prints where the command's output goes.
"""
from __future__ import annotations

import argparse
import codecs
import errno
import logging
import os
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Sequence

from app import messages
from app.clock import Clock, SystemClock
from app.errors import FrontDeskError
from app.logs import CLI_LOG_NAME, setup_logging
from app.paths import app_paths
from app.db.storage import sqlite_problem
from app.cli.parsing import (
    LANGUAGES, HelpShown, Parser, Say, UsageError, argparse_language, language_asked,
)

log = logging.getLogger("frontdesk.cli")

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EXIT_PIPE = 1  # the reader went away: what Python's documentation recommends (and its tools do)

# Windows: ERROR_BROKEN_PIPE (109) and ERROR_NO_DATA (232, "the pipe is being
# closed"); the C runtime's write() answers the latter as EINVAL, which Python
# raises as a plain OSError, not BrokenPipeError.
_PIPE_WINERRORS = frozenset({109, 232})


class ReaderGone(Exception):
    """The program reading our output closed it (``| head -1``, ``| more`` quit)."""


def pipe_closed(exc: BaseException) -> bool:
    """Whether ``exc``, raised by a write to stdout or stderr, means that the
    pipe's reader has gone (POSIX: EPIPE; Windows: errors 109/232, or EINVAL
    from the C runtime, the only reason a write to an open stream gives it)."""
    if isinstance(exc, BrokenPipeError):
        return True
    return isinstance(exc, OSError) and (
        getattr(exc, "winerror", None) in _PIPE_WINERRORS or exc.errno == errno.EINVAL
    )


class _Guarded:
    """An output stream whose writes turn a closed pipe into ``ReaderGone``,
    so it is told apart from any other OSError a command may meet."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            if pipe_closed(exc):
                raise ReaderGone() from exc
            raise

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            if pipe_closed(exc):
                raise ReaderGone() from exc
            raise

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

messages.register(
    {
        "cli.unexpected": (
            "Lỗi ngoài dự kiến ({kind}). Chi tiết đã ghi vào nhật ký: {log}",
            "Unexpected error ({kind}). Details are in the log: {log}",
        ),
        "cli.interrupted": ("Đã dừng theo yêu cầu.", "Stopped on request."),
        "cli.no_gui": (
            "Đây là phần dòng lệnh (cửa sổ ứng dụng mở bằng lệnh frontdesk không kèm gì). "
            "Dưới đây là tình hình của xã. Các lệnh: frontdesk --help",
            "This is the command-line core (the window opens with plain frontdesk). "
            "Here is the commune at a glance. Commands: frontdesk --help",
        ),
    }
)


def _common(say: Say):
    """The options every command takes, in the command's language."""

    def common(parser: argparse.ArgumentParser, *, json_flag: bool = False) -> None:
        # SUPPRESS: a sub-command's --db only overrides when given, so both
        # "frontdesk --db X search" and "frontdesk search --db X" work.
        parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar=say("TỆP", "FILE"),
                            help=say("tệp cơ sở dữ liệu của xã", "the commune's database file"))
        parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                            help=say("ngôn ngữ: vi (tiếng Việt) hoặc en (tiếng Anh)",
                                     "language: vi (Vietnamese) or en (English)"))
        if json_flag:
            parser.add_argument("--json", action="store_true",
                                help=say("kết quả dạng JSON cho chương trình khác đọc", "machine-readable output"))

    return common


def command_language(argv: Sequence[str]) -> str:
    """The language the command speaks: ``--lang``, else the user's choice."""
    return language_asked(argv) or messages.current_language()


def build_parser(lang: str | None = None) -> Parser:
    """The parser, with its help in ``lang``; call it under ``argparse_language(lang)``
    for argparse's own words to be in that language too."""
    from app.cli import core_commands, export_commands, import_commands, sync_commands

    say = Say(lang or messages.current_language())
    parser = Parser(
        prog="frontdesk",
        description=say("Sổ tay công tác Mặt trận xã — Front Desk. Không kèm lệnh: tình hình của xã.",
                        "Front Desk, the commune Front's work book. With no command: the commune at a glance."),
    )
    parser.add_argument("--version", action="store_true",
                        help=say("hiện số phiên bản rồi thoát", "print the version and exit"))
    parser.add_argument("--db", type=Path, default=None, metavar=say("TỆP", "FILE"),
                        help=say("tệp cơ sở dữ liệu của xã", "the commune's database file"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=say("ngôn ngữ: vi (tiếng Việt) hoặc en (tiếng Anh)",
                                 "language: vi (Vietnamese) or en (English)"))
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar=say("LỆNH", "COMMAND"))
    commands = core_commands.COMMANDS + import_commands.COMMANDS + export_commands.COMMANDS + sync_commands.COMMANDS
    common = _common(say)
    for register in commands:
        register(sub, common, say)
    from app.cli import safety_commands  # backup, changes, erase-person (kept apart: easy to merge)

    for register in safety_commands.COMMANDS:
        register(sub, common, say)
    from app.cli import register_commands  # petitions, fund, cases: the Front's own registers

    for register in register_commands.COMMANDS:
        register(sub, common, say)
    from app.cli import weekly_commands  # report weekly: the figures for "Mặt trận số"

    for register in weekly_commands.COMMANDS:
        register(sub, common, say)
    from app.cli import privacy_commands  # privacy: consents, requests, incidents (personal data law)

    for register in privacy_commands.COMMANDS:
        register(sub, common, say)
    return parser


def _database_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else app_paths().database


def run(argv: Sequence[str] | None = None, *, out=None, err=None, clock: Clock | None = None) -> int:
    """Run one command; returns the exit status (``main`` exits with it).
    ``clock`` is what "today" is for every command (tests fix it)."""
    out = _Guarded(out or sys.stdout)
    err = _Guarded(err or sys.stderr)
    try:
        return _run(argv, out, err, clock)
    except ReaderGone:
        log.info("the reader of the output went away")
        return EXIT_PIPE


def _run(argv: Sequence[str] | None, out, err, clock: Clock | None) -> int:
    paths = app_paths()
    log_file = setup_logging(paths.logs, name=CLI_LOG_NAME)
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = command_language(argv)
    try:
        with argparse_language(lang):
            args = build_parser(lang).parse_args(argv)
    except HelpShown as shown:
        print(shown.text, end="", file=out)
        return EXIT_OK
    except UsageError as exc:
        print(str(exc), file=err)
        print(f"{exc.prog} --help", file=err)
        return EXIT_USAGE
    lang = args.lang or lang
    args.lang = lang
    args.database = _database_path(args)
    args.clock = clock or SystemClock()
    if args.version:
        from app.cli.core_commands import version_text

        print(version_text(lang), file=out)
        return EXIT_OK
    if not args.command:
        from app.cli.core_commands import cmd_overview

        args.command, args.handler = "overview", cmd_overview
        print(messages.text("cli.no_gui", lang), file=err)
    handler: Callable = args.handler
    try:
        log.info("command %s", args.command)
        return handler(args, out) or EXIT_OK
    except FrontDeskError as exc:
        log.info("command %s refused: %s", args.command, exc.code)
        print(messages.describe(exc, lang), file=err)
        return EXIT_DATA
    except sqlite3.Error as exc:
        problem = sqlite_problem(exc, args.database)
        log.warning("command %s: sqlite %s", args.command, type(exc).__name__)
        print(messages.describe(problem, lang), file=err)
        return EXIT_DATA
    except KeyboardInterrupt:
        print(messages.text("cli.interrupted", lang), file=err)
        return EXIT_DATA
    except ReaderGone:
        raise
    except Exception as exc:  # a bug: tell the user where the details are
        log.exception("command %s failed", args.command)
        print(messages.text("cli.unexpected", lang, kind=type(exc).__name__, log=log_file), file=err)
        return EXIT_DATA


def _is_utf8(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "").name == "utf-8"
    except LookupError:
        return False


def use_utf8(stream, *, platform: str | None = None) -> None:
    """Write ``stream`` in UTF-8 when it goes to a file or a pipe, or to a
    Windows console in a legacy code page; a terminal elsewhere keeps its own
    encoding (it is what the terminal shows), with "?" for what it cannot."""
    if stream is None:  # a windowed program (pythonw, a frozen GUI build) has no stdout
        return
    platform = platform or sys.platform
    try:
        console = stream.isatty()
    except (AttributeError, ValueError, OSError):
        console = False
    try:
        if _is_utf8(getattr(stream, "encoding", None)):
            stream.reconfigure(errors="replace")
        elif not console or platform == "win32":
            stream.reconfigure(encoding="utf-8", errors="replace")
        else:
            stream.reconfigure(errors="replace")
    except (AttributeError, ValueError, OSError, LookupError):
        pass  # not a text stream we may change (a test's StringIO, a detached stream)


def _silence_stdout() -> None:
    """The reader of stdout is gone: what is still buffered would fail again
    at exit ("Exception ignored ... BrokenPipeError"); send it nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, ValueError, OSError):
        pass


def main(argv: Sequence[str] | None = None) -> None:
    for stream in (sys.stdout, sys.stderr):
        use_utf8(stream)
    status = run(argv)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()  # a closed pipe shows here too when the output fit in the buffer
    except OSError as exc:
        if not pipe_closed(exc):
            raise
        _silence_stdout()
        status = EXIT_PIPE
    sys.exit(status)
