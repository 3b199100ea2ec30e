"""Starting the desktop app: Qt, translations, the database, the main window."""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import messages
from app.db import Store, open_store
from app.errors import FrontDeskError
from app.logs import setup_logging
from app.paths import app_paths
from app.resources import icons_dir
from ui.runtime.single_instance import SingleInstance, bring_forward
from ui.runtime.translations import LANGUAGES, install_translations


SERVICES_DELAY_MS = 250  # after the first paint: the start-up check, the backups, the one-instance listener


def window_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="frontdesk")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--lang", choices=LANGUAGES, default=None)
    parser.add_argument("--demo", action="store_true", help="open the demo commune (made first if need be)")
    args, _unknown = parser.parse_known_args(list(argv))
    args.lang = args.lang or messages.current_language()
    args.db = args.db or app_paths().database
    return args


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Front Desk")
    app.setOrganizationName("MTTQ")
    app.setWindowIcon(QIcon(str(icons_dir() / "frontdesk.png")))
    app.setDesktopFileName("frontdesk")  # Wayland finds the icon through frontdesk.desktop
    return app


def open_database(path: Path) -> Store:
    return open_store(path)


def choose_database(database: Path, lang: str, *, demo: bool = False) -> Path | None:
    """The database to open: the one there, the commune IT locked, or what the
    first-run dialog makes (a new commune, or the demo). With ``demo``, the
    demo commune kept beside ``database``, made first if need be."""
    from app.domain import move_demo_aside
    from app.sending import load_site_config
    from ui.dialogs.first_run import FirstRunDialog, create_locked_commune

    if demo:
        dialog = FirstRunDialog(database, lang)
        dialog.open_demo()  # at once when it is there; otherwise made, with its progress on screen
        if dialog.chosen is None:
            dialog.exec()
        return dialog.chosen
    if database.exists():
        # a demo an older version built in the real commune's default place moves beside it, and the
        # person chooses (a demo opened with --db is opened as it is)
        if database != app_paths().database or move_demo_aside(database) is None:
            return database
    site = load_site_config()
    if site.commune_locked and site.commune_code:
        return create_locked_commune(database, site.commune_code)
    dialog = FirstRunDialog(database, lang)
    dialog.exec()
    return dialog.chosen


def run_window(argv: Sequence[str]) -> int:
    args = window_arguments(argv)
    setup_logging(app_paths().logs)
    app = application()
    install_translations(app, args.lang)
    from ui.runtime.errors import ExceptionHook

    ExceptionHook.install()
    instance = SingleInstance(args.db, on_raise=lambda: bring_forward(main_window_of(app)))
    if not instance.acquire(listen=False):  # listens once the window has painted (show_window)
        if not instance.notify_running():
            QMessageBox.information(None, "Front Desk", QCoreApplication.translate(
                "SingleInstance",
                "Front Desk already has this database open in another window (perhaps another user's "
                "on this computer). Use that window, or close it and start again.\n\n%1",
            ).replace("%1", str(args.db)))
        return 0
    try:
        return _run_main_window(app, args, instance)
    finally:
        instance.release()


def _run_main_window(app: QApplication, args: argparse.Namespace, instance: SingleInstance | None = None) -> int:
    try:
        database = choose_database(args.db, args.lang, demo=args.demo)
    except FrontDeskError as exc:
        QMessageBox.critical(None, "Front Desk", messages.describe(exc, args.lang))
        return 1
    code = 0
    while database is not None:  # None: closed the first-run dialog without choosing
        code, database = _session(app, args, database, instance)
    return code


def _session(app: QApplication, args: argparse.Namespace, database: Path,
             instance: SingleInstance | None) -> tuple[int, Path | None]:
    """The window on one database, until it closes; then the database to open
    next, if the person asked for another (from the demo to the real commune)."""
    try:
        session = show_window(app, args, database, after_paint=[instance.listen] if instance else [])
    except FrontDeskError as exc:
        QMessageBox.critical(None, "Front Desk", messages.describe(exc, args.lang))
        return 1, None
    following: list[Path] = []

    def open_other(path: Path) -> None:
        following.append(path)
        shown = main_window_of(app)
        if shown is not None:
            shown.close()  # the last window: app.exec() returns, and this session ends

    session.window.open_database = open_other
    try:
        code = app.exec()
        if following:  # another window follows in this process: the reads this one asked for run first
            app.processEvents()
    finally:
        session.close()
    return code, (following[-1] if following else None)


@dataclass
class Session:
    """One database's window, its store and its one writer, and the services
    started beside it once it had painted."""

    window: Any
    store: Store
    runner: Any
    services: list = field(default_factory=list)
    closed: bool = False

    def close(self) -> None:
        self.closed = True  # what was still waiting to start does not
        self.window.hide()  # (closed already, in the app) its pages read nothing more once hidden
        self.runner.shutdown()  # the window's last writes
        for services in self.services:
            services.stop()  # then the last backup
        self.store.close()
        self.window.deleteLater()


def show_window(app: QApplication, args: argparse.Namespace, database: Path,
                after_paint: Sequence[Callable[[], None]] = ()) -> Session:
    """Open ``database`` and show its window. The window paints its frame
    first; the overview's figures follow its first paint, then (a moment
    later) the start-up check and the backups (``start_services``) and
    ``after_paint``.
    Raises ``FrontDeskError`` when the database cannot be opened."""
    from ui.main_window import MainWindow
    from ui.runtime.runner import Runner

    store = open_database(database)
    runner = Runner(database, actor=store.actor, clock=store.clock, parent=app)  # the session's one writer
    # args.db: where the real commune's database is (or will be), the demo open or not
    window = MainWindow(store, runner=runner, lang=args.lang, sending=True, real_database=args.db, paint_first=True)
    session = Session(window, store, runner)
    window.resize(1280, 760)
    window.show()

    def after_the_figures(callback: Callable[[], None]) -> None:
        # the overview reads its figures first, just after the first paint, and paints them; this waits a
        # moment more, so that the start-up check, the backups and the listener do not hold that paint back
        def start() -> None:
            if not session.closed:
                callback()

        window.first_paint.then(lambda: QTimer.singleShot(SERVICES_DELAY_MS, start))

    after_the_figures(lambda: session.services.append(start_services(app, runner)))
    for callback in after_paint:
        after_the_figures(callback)
    return session


def start_services(app: QApplication, runner):
    """The start-up check and the backups beside the window, for the session;
    damage found offers the newest good backup in the window on screen."""
    from ui.restore_flow import offer_restore
    from ui.runtime.services import Services

    services = Services(runner, lambda problem: offer_restore(main_window_of(app), problem), parent=app)
    app._frontdesk_services = services  # type: ignore[attr-defined]
    services.start()
    return services


def main_window_of(app: QApplication):
    """The main window on screen now (switching the language makes a new one)."""
    from ui.main_window import MainWindow

    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return windows[-1] if windows else None
