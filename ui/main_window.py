"""The main window: navigation on the left, one page at a time on the right."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from app.commune import get_commune
from app.storage import Store
from ui.pages.overview import OverviewPage
from ui.operations import WriteRunner
from ui.pages.people import PeoplePage

STYLE = """
QWidget { font-size: 13px; }
QLabel#pageTitle { font-size: 20px; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#sectionTitle { font-size: 15px; font-weight: 600; }
QListWidget#nav { background: #1f3a5f; color: white; border: none; font-size: 14px; outline: 0; }
QListWidget#nav::item { padding: 10px 14px; }
QListWidget#nav::item:selected { background: #2e5c8a; }
QPushButton#card { background: white; border: 1px solid #d0d7de; border-radius: 6px; text-align: left; }
QPushButton#card:hover { border-color: #2e5c8a; }
QFrame#panel { background: white; border: 1px solid #d0d7de; border-radius: 6px; }
"""


class MainWindow(QMainWindow):
    def __init__(self, store: Store, *, runner=None, lang: str = "vi") -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        # every write goes through one runner (its own thread in the app)
        self.runner = runner or WriteRunner(store.path, actor=store.actor, clock=store.clock, parent=self)
        commune = get_commune(store)
        self.setWindowTitle(
            self.tr("Front Desk — %1, %2").replace("%1", commune.name).replace("%2", commune.province_name)
        )
        self.setStyleSheet(STYLE)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._add_page("overview", self.tr("Overview"), OverviewPage(store), "Ctrl+1")
        self._add_page("people", self.tr("People"), PeoplePage(store, self.runner, lang), "Ctrl+2")
        self.pages["overview"].open_page.connect(self.show_page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.stack.setContentsMargins(12, 8, 12, 8)
        self.setCentralWidget(central)
        self.statusBar().showMessage(
            self.tr("%1 — commune code %2").replace("%1", commune.name).replace("%2", commune.code)
        )
        self.nav.setCurrentRow(0)

    def _add_page(self, key: str, title: str, page: QWidget, shortcut: str) -> None:
        page.setContentsMargins(12, 8, 12, 8)
        self.pages[key] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setData(Qt.UserRole, key)
        self.nav.addItem(item)
        row = self.nav.count() - 1
        QShortcut(QKeySequence(shortcut), self, activated=lambda: self.nav.setCurrentRow(row))

    def closeEvent(self, event) -> None:
        self.runner.shutdown()  # finish the writes already asked for
        super().closeEvent(event)

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.UserRole) == key:
                self.nav.setCurrentRow(row)
                return
