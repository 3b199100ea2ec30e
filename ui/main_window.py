"""The main window: navigation on the left, one page at a time on the right."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Store, open_store
from app.domain import get_commune, is_demo
from app.paths import app_paths
from app.settings import save_settings
from ui.runtime.first_paint import FirstPaint
from ui.runtime.runner import Runner

NAV_FONT_PX, NAV_PADDING_PX = 14, 14
STYLE = """
QWidget { font-size: 13px; }
QLabel#pageTitle { font-size: 20px; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#sectionTitle { font-size: 15px; font-weight: 600; }
QListWidget#nav { background: #1f3a5f; color: white; border: none; font-size: %dpx; outline: 0; }
QListWidget#nav::item { padding: 10px %dpx; }
QListWidget#nav::item:selected { background: #2e5c8a; }
QWidget#navColumn { background: #1f3a5f; }
QWidget#navColumn QLabel { color: #c9d6e5; font-size: 12px; }
QPushButton#card { background: white; border: 1px solid #d0d7de; border-radius: 6px; text-align: left; }
QPushButton#card:hover { border-color: #2e5c8a; }
QPushButton#cardStatic { background: white; border: 1px solid #d0d7de; border-radius: 6px; text-align: left; }
QFrame#panel { background: white; border: 1px solid #d0d7de; border-radius: 6px; }
""" % (NAV_FONT_PX, NAV_PADDING_PX)


log = logging.getLogger("frontdesk.window")
SENDING_DELAY_MS = 1000  # sending starts a moment after the window is up, never before its first paint
PAGE_KEYS = ("overview", "people", "organizations", "tasks", "duties", "front_work", "reports", "outbox", "backups",
             "changes", "privacy")


class _Pages(Mapping):
    """``window.pages[key]``: each page, built when first asked for."""

    def __init__(self, window: "MainWindow") -> None:
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        if key not in PAGE_KEYS:
            raise KeyError(key)
        return self._window.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(PAGE_KEYS)

    def __len__(self) -> int:
        return len(PAGE_KEYS)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, runner=None, lang: str = "vi", keyring_backend=None,
                 sending: bool | None = None, real_database: Path | None = None, paint_first: bool = False) -> None:
        """``runner``: the session's (the app passes one); without one the window
        makes its own. ``sending``: start the sending service once the window
        shows (default: when the window makes its own runner; tests drive sending
        themselves). ``real_database``: where the real commune's database is
        (or is to be made) when ``store`` is the demo (default: the app's).
        ``paint_first``: the overview shows its frame and reads its figures
        just after the window's first paint (``first_paint``), as the app starts."""
        super().__init__()
        self.first_paint = FirstPaint(self)
        self._paint_first = paint_first
        self.store = store
        self.lang = lang
        self.keyring_backend = keyring_backend  # None: the OS keyring, looked up when sending starts
        self.sync = None  # ui.runtime.sync_service.SyncService, started after the first paint
        self._closed = False
        self._sending_prepared = False
        # all background work, and every write, goes through one runner
        self._owns_runner = runner is None
        self.runner = runner or Runner(store.path, actor=store.actor, clock=store.clock, parent=self)
        self._sends = sending if sending is not None else self._owns_runner
        commune = get_commune(store)
        self.demo = is_demo(store)
        self.real_database = real_database or app_paths().database
        self.open_database: Callable[[Path], None] | None = None  # the app's way to switch databases
        title = self.tr("Front Desk — %1, %2").replace("%1", commune.name).replace("%2", commune.province_name)
        self.setWindowTitle(self.tr("%1 — DEMO DATA").replace("%1", title) if self.demo else title)
        self.setStyleSheet(STYLE)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        # Pages are built when first shown: the window opens on the overview
        # without building (and querying for) the other four.
        self._built: dict[str, QWidget] = {}
        self.pages = _Pages(self)
        self._add_page("overview", self.tr("Overview"), "Ctrl+1")
        self._add_page("people", self.tr("People"), "Ctrl+2")
        self._add_page("organizations", self.tr("Organizations and positions"), "Ctrl+3")
        self._add_page("tasks", self.tr("Tasks"), "Ctrl+4")
        self._add_page("duties", self.tr("Recurring duties"), "Ctrl+5")
        self._add_page("front_work", self.tr("The Front's work"), "Ctrl+6")
        self._add_page("reports", self.tr("Reports"), "Ctrl+7")
        self._add_page("outbox", self.tr("Send reports"), "Ctrl+8")
        self._add_page("backups", self.tr("Backups"), "Ctrl+9")
        self._add_page("changes", self.tr("Change log"), "Ctrl+0")
        self._add_page("privacy", self.tr("Personal data"), "")
        # as wide as the longest page name in this language, plus the item padding
        font = QFont(self.nav.font())
        font.setPixelSize(NAV_FONT_PX)  # the style sheet's size: not applied yet at this point
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setFixedWidth(max(180, widest + 2 * NAV_PADDING_PX + 12))
        self.nav.currentRowChanged.connect(self._page_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav_column())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.demo_banner = None
        if self.demo:  # on every page, above it
            from ui.widgets.demo_banner import DemoBanner

            self.demo_banner = DemoBanner()
            self.demo_banner.leave.connect(self.leave_demo)
            right.addWidget(self.demo_banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.stack.setContentsMargins(12, 8, 12, 8)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            self.tr("%1 — commune code %2").replace("%1", commune.name).replace("%2", commune.code)
        )
        self.nav.setCurrentRow(0)

    def _add_page(self, key: str, title: str, shortcut: str) -> None:
        self.stack.addWidget(QWidget())  # a stand-in until the page is first shown
        item = QListWidgetItem(title)
        item.setData(Qt.UserRole, key)
        self.nav.addItem(item)
        row = self.nav.count() - 1
        if shortcut:
            QShortcut(QKeySequence(shortcut), self, activated=lambda: self.nav.setCurrentRow(row))

    def page(self, key: str) -> QWidget:
        """The page, built (and connected to the others) the first time it is asked for."""
        page = self._built.get(key)
        if page is not None:
            return page
        page = self._build_page(key)
        page.setContentsMargins(12, 8, 12, 8)
        row = PAGE_KEYS.index(key)
        stand_in = self.stack.widget(row)
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        self._built[key] = page
        return page

    def _build_page(self, key: str) -> QWidget:
        # Imported here: a page's module (and what it imports) loads when it is first shown.
        store, runner, lang = self.store, self.runner, self.lang
        if key == "overview":
            from ui.pages.overview import OverviewPage

            page = OverviewPage(store, runner, fill=not (self._paint_first and not self.first_paint.painted))
            if not page.filled:
                self.first_paint.then(page.refresh)
            page.open_view.connect(self.open_view)
            page.person_clicked.connect(lambda person_id: self.open_view("tasks:person", person_id))
        elif key == "people":
            from ui.pages.people import PeoplePage

            page = PeoplePage(store, runner, lang)
            page.task_requested.connect(self.show_task)
        elif key == "organizations":
            from ui.pages.organizations import OrganizationsPage

            page = OrganizationsPage(store, runner, lang)
            page.person_requested.connect(self.show_person)
        elif key == "tasks":
            from ui.pages.tasks import TasksPage

            page = TasksPage(store, runner, lang)
            page.person_requested.connect(self.show_person)
        elif key == "duties":
            from ui.pages.duties import DutiesPage

            page = DutiesPage(store, runner, lang)
            page.task_requested.connect(self.show_task)
        elif key == "front_work":
            from ui.pages.front_work import FrontWorkPage

            page = FrontWorkPage(store, runner, lang)
            page.task_requested.connect(self.show_task)
        elif key == "reports":
            from ui.pages.reports import ReportsPage

            page = ReportsPage(store, runner, lang)
            page.outbox_requested.connect(lambda: self.show_page("outbox"))
        elif key == "backups":
            from ui.pages.backups import BackupsPage, backup_moment
            from ui.restore_flow import restore_and_reopen

            page = BackupsPage(store, runner, lang)
            # the page has asked; the window closes its connections, restores, reopens
            page.restore_requested.connect(lambda path: restore_and_reopen(self, path, when=backup_moment(path)))
        elif key == "changes":
            from ui.pages.changes import ChangesPage

            page = ChangesPage(store, runner, lang)
        elif key == "privacy":
            from ui.pages.privacy import PrivacyPage

            page = PrivacyPage(store, runner, lang)
            page.person_requested.connect(self.show_person)
        else:
            from ui.pages.outbox import OutboxPage

            page = OutboxPage(store, runner, lang, self.start_sending(), keyring_backend=self.keyring_backend)
        return page

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._sends and not self._sending_prepared:
            self._sending_prepared = True
            QTimer.singleShot(SENDING_DELAY_MS, self._prepare_sending)

    def _prepare_sending(self) -> None:
        """Load what sending needs (its modules, the OS keyring: ~0.3 s) off the
        GUI thread once the window is up, then start it here."""
        def load(_no_database):
            import keyring

            import ui.runtime.sync_service
            import ui.widgets.sync_status  # noqa: F401

            return self.keyring_backend if self.keyring_backend is not None else keyring.get_keyring()

        def loaded(backend) -> None:
            if not self._closed:
                self.keyring_backend = backend
                self.start_sending()

        self.runner.in_background(load, loaded, lambda error: log.warning("sending not started: %s", type(error).__name__),
                                  uses="files", name="frontdesk-prepare-sending")

    def start_sending(self):
        """The sending service and its status in the status bar, once."""
        if self.sync is None and not self._closed:
            from ui.runtime.sync_service import SyncService
            from ui.widgets.sync_status import SyncStatus

            if self.keyring_backend is None:
                import keyring

                self.keyring_backend = keyring.get_keyring()
            self.sync = SyncService(self.store, keyring_backend=self.keyring_backend, runner=self.runner, parent=self)
            self.sync_status = SyncStatus(self.sync, self.lang)
            self.sync_status.open_outbox.connect(lambda: self.show_page("outbox"))
            self.statusBar().addPermanentWidget(self.sync_status)
            self.sync.start()
        return self.sync

    overview = property(lambda self: self.page("overview"))
    people = property(lambda self: self.page("people"))
    organizations = property(lambda self: self.page("organizations"))
    tasks = property(lambda self: self.page("tasks"))
    duties = property(lambda self: self.page("duties"))
    front_work = property(lambda self: self.page("front_work"))
    reports = property(lambda self: self.page("reports"))
    outbox = property(lambda self: self.page("outbox"))
    backups = property(lambda self: self.page("backups"))
    changes = property(lambda self: self.page("changes"))
    privacy = property(lambda self: self.page("privacy"))

    def _nav_column(self) -> QWidget:
        """The page list, and under it the language (each name in its own language)."""
        column = QWidget()
        column.setObjectName("navColumn")
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 8)
        box.addWidget(self.nav, 1)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(self.lang))
        self.language.setToolTip(self.tr("Language of the window"))
        caption = QLabel(self.tr("Language / Ngôn ngữ"))
        caption.setContentsMargins(12, 0, 12, 0)
        box.addWidget(caption)
        inner = QHBoxLayout()
        inner.setContentsMargins(12, 0, 12, 0)
        inner.addWidget(self.language)
        box.addLayout(inner)
        self.language.activated.connect(lambda _i: self.switch_language(self.language.currentData()))
        return column

    def switch_language(self, lang: str) -> "MainWindow":
        """Remember the language and reopen the window in it, on the same page."""
        if lang == self.lang:
            return self
        from ui.runtime.translations import install_translations

        save_settings({"language": lang})
        install_translations(QApplication.instance(), lang)
        page = self.current_page()
        successor = self.successor(self.store, lang)
        successor.setGeometry(self.geometry())
        successor.show_page(page)
        successor.show()
        QApplication.instance()._frontdesk_window = successor  # type: ignore[attr-defined]  # keep it alive
        self.close()  # finishes the writes already asked for
        self.deleteLater()
        return successor

    def successor(self, store: Store, lang: str) -> "MainWindow":
        """A window like this one on ``store`` (a language switch, a restore):
        the same runner and sending, unless this window made its own."""
        window = MainWindow(store, runner=None if self._owns_runner else self.runner, lang=lang,
                            keyring_backend=self.keyring_backend, sending=self._sends,
                            real_database=self.real_database)
        window.open_database = self.open_database
        return window

    def leave_demo(self) -> None:
        """From the demo to the real commune in one step: its database when it
        is there; otherwise the choice of the commune, then its new database."""
        from ui.dialogs.first_run import FirstRunDialog

        if not self.real_database.exists():
            dialog = FirstRunDialog(self.real_database, self.lang, self, offer_demo=False)
            dialog.exec()
            if dialog.chosen is None:
                return  # closed without choosing: the demo stays open
        if self.open_database is not None:
            self.open_database(self.real_database)  # the app closes this window and opens that one
            return
        window = MainWindow(open_store(self.real_database), lang=self.lang, keyring_backend=self.keyring_backend,
                            sending=self._sends, real_database=self.real_database)
        window.setGeometry(self.geometry())
        window.show()
        QApplication.instance()._frontdesk_window = window  # type: ignore[attr-defined]  # keep it alive
        self.close()

    def _page_changed(self, row: int) -> None:
        self.page(PAGE_KEYS[row])  # a new page reads its data as it is built; built ones keep current
        self.stack.setCurrentIndex(row)

    def open_view(self, view: str, argument: int | None = None) -> None:
        """Open a page in a given state: 'tasks:overdue', 'organizations:vacancies'..."""
        page, _, state = view.partition(":")
        self.show_page(page)
        if page == "tasks" and state == "person" and argument is not None:
            self.tasks.show_person(argument)
        elif page == "tasks" and state:
            self.tasks.show_filter(state)
        elif page == "organizations" and state == "vacancies":
            self.organizations.show_vacancies()
        elif page == "organizations" and state == "concurrent":
            self.organizations.show_concurrent()
        elif page == "people" and state == "import":
            self.people.import_roster()
        elif page == "front_work" and state:
            self.front_work.show_view(state)
        elif page == "privacy" and state:
            self.privacy.show_view(state)
        elif page == "outbox" and state == "destination":
            self.outbox.change_destination()

    def show_person(self, person_id: int):
        """A person's card over whatever page is showing."""
        return self.people.show_person(person_id)  # what it changes, the pages hear of

    def show_task(self, task_id: int):
        self.show_page("tasks")
        return self.tasks.show_task(task_id)

    def closeEvent(self, event) -> None:
        self._closed = True  # a start of sending still queued must not come
        if self.sync is not None:
            self.sync.stop()  # a pass cut short is safe: the report is resent idempotently
        if self._owns_runner:
            self.runner.shutdown()  # finish the writes already asked for
        super().closeEvent(event)

    def current_page(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.UserRole) if item is not None else PAGE_KEYS[0]

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
