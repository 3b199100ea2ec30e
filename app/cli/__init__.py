"""The ``frontdesk`` command line: the same core as the desktop app, headless.

Exit status: 0 success, 1 the input or the data is at fault (one clear
message, never a traceback), 2 usage errors.
"""
from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from pathlib import Path
from typing import Callable, Sequence

from app import messages
from app.clock import Clock, SystemClock
from app.errors import FrontDeskError
from app.logs import setup_logging
from app.paths import app_paths
from app.db.storage import sqlite_problem

log = logging.getLogger("frontdesk.cli")

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2

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


class UsageError(Exception):
    """Wrong words on the command line (exit status 2)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print and exit(2) itself
        raise UsageError(f"{self.prog}: {message}")


def _common(parser: argparse.ArgumentParser, *, json_flag: bool = False) -> None:
    # SUPPRESS: a sub-command's --db only overrides when given, so both
    # "frontdesk --db X search" and "frontdesk search --db X" work.
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    if json_flag:
        parser.add_argument("--json", action="store_true", help="machine-readable output")


def build_parser() -> Parser:
    from app.cli import core_commands, export_commands, import_commands, sync_commands

    parser = Parser(
        prog="frontdesk",
        description="Sổ tay công tác Mặt trận xã — Front Desk",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--db", type=Path, default=None, help="database file")
    parser.add_argument("--lang", choices=("vi", "en"), default=None)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    commands = core_commands.COMMANDS + import_commands.COMMANDS + export_commands.COMMANDS + sync_commands.COMMANDS
    for register in commands:
        register(sub, _common)
    from app.cli import safety_commands  # backup, changes, erase-person (kept apart: easy to merge)

    for register in safety_commands.COMMANDS:
        register(sub, _common)
    return parser


def _database_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else app_paths().database


def run(argv: Sequence[str] | None = None, *, out=None, err=None, clock: Clock | None = None) -> int:
    """Run one command; returns the exit status (``main`` exits with it).
    ``clock`` is what "today" is for every command (tests fix it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    paths = app_paths()
    log_file = setup_logging(paths.logs)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=err)
        print("frontdesk --help", file=err)
        return EXIT_USAGE
    lang = args.lang or messages.current_language()
    args.lang = lang
    args.database = _database_path(args)
    args.clock = clock or SystemClock()
    if args.version:
        from app.cli.core_commands import version_text

        print(version_text(), file=out)
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
    except Exception as exc:  # a bug: tell the user where the details are
        log.exception("command %s failed", args.command)
        print(messages.text("cli.unexpected", lang, kind=type(exc).__name__, log=log_file), file=err)
        return EXIT_DATA


def main(argv: Sequence[str] | None = None) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:  # a Windows console in a legacy code page must not crash on "Đ"
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    sys.exit(run(argv))
