"""``frontdesk screenshot --page PAGE --out FILE.png [--lang vi|en]``: render one
page of the window with the current database, save it, exit. Works offscreen;
the README's pictures come from here."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from app import messages
from app.errors import FrontDeskError
from app.paths import app_paths

PAGES = ("overview", "people", "organizations", "tasks", "duties", "front_work", "reports", "outbox", "backups",
         "changes", "privacy")  # = ui.main_window.PAGE_KEYS (tested)

messages.register(
    {
        "screenshot.failed": ("Không lưu được ảnh {path}.", "Could not save the picture {path}."),
    }
)


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="frontdesk screenshot")
    parser.add_argument("screenshot")
    parser.add_argument("--page", choices=PAGES, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("vi", "en"), default=None)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768")
    parser.add_argument("--view", default=None,
                        help="the page in a given state, as the overview's cards open it: front_work:fund")
    return parser.parse_args(list(argv))


def render_page(store, page: str, out: Path, *, size: tuple[int, int] = (1366, 768), lang: str = "vi",
                view: str | None = None) -> Path:
    from ui.main_window import MainWindow
    from ui.runtime.runner import ImmediateRunner

    window = MainWindow(store, runner=ImmediateRunner(store), lang=lang)
    window.resize(*size)
    window.show_page(page)
    if view:
        window.open_view(view)
    window.show()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise FrontDeskError("screenshot.failed", path=str(out))
    window.close()
    return out


def run_screenshot(argv: Sequence[str]) -> int:
    try:
        args = _arguments(argv)
    except SystemExit as exc:
        return 2 if exc.code else 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.application import application, open_database
    from ui.runtime.translations import install_translations

    lang = args.lang or messages.current_language()
    app = application()
    install_translations(app, lang)
    try:
        with open_database(args.db or app_paths().database) as store:
            width, height = (int(x) for x in args.size.lower().split("x"))
            render_page(store, args.page, args.out, size=(width, height), lang=lang, view=args.view)
    except FrontDeskError as exc:
        print(messages.describe(exc, lang), file=sys.stderr)
        return 1
    print(args.out)
    return 0
