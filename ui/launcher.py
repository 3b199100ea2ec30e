"""The ``frontdesk`` entry point: the desktop window, or a command.

``frontdesk`` alone (or with only --db/--lang/--demo) starts the window;
``frontdesk screenshot ...`` renders a page; every other command goes to the
headless core (``app.cli``) without loading Qt, so scripts stay fast.
"""
from __future__ import annotations

import sys
from typing import Sequence

_GLOBAL_WITH_VALUE = {"--db", "--lang"}
_WINDOW_FLAGS = {"--demo"}  # the window's own: open the demo commune


def _command_of(argv: Sequence[str]) -> str | None:
    skip = False
    for word in argv:
        if skip:
            skip = False
            continue
        if word in _GLOBAL_WITH_VALUE:
            skip = True
            continue
        if word.startswith("--db=") or word.startswith("--lang=") or word in _WINDOW_FLAGS:
            continue
        return word
    return None


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_of(argv)
    if command is None:
        from ui.application import run_window

        sys.exit(run_window(argv))
    if command == "screenshot":
        from ui.screenshot import run_screenshot

        sys.exit(run_screenshot(argv))
    from app.cli import main as cli_main

    cli_main(argv)
