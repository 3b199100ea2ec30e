"""First run: choose the province, then the commune, from the official list, or
open the demo commune to look around. A site configuration that locks the
commune skips the choice."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app import messages
from app.admin_units import communes_of, provinces, search_communes
from app.commune import create_commune_database
from app.demo import build_demo
from app.errors import FrontDeskError

DEMO_PEOPLE = 2000


def demo_path_for(database: Path) -> Path:
    """The demo lives beside the real database, never in its place."""
    return database.with_name("demo.sqlite3")


def create_locked_commune(database: Path, code: str) -> Path:
    """IT locked the commune: create it without asking."""
    create_commune_database(database, code).close()
    return database


class FirstRunDialog(QDialog):
    """Returns (via ``chosen``) the database to open, once made."""

    def __init__(self, database: Path, lang: str, parent=None) -> None:
        super().__init__(parent)
        self.database = database
        self.lang = lang
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Front Desk — first start"))
        self.setMinimumSize(620, 520)
        intro = QLabel(self.tr(
            "Choose your province, then your commune or ward. The app keeps its data on this "
            "computer and works without a network."
        ))
        intro.setWordWrap(True)
        self.province = QComboBox()
        self.province.addItem(self.tr("— choose a province —"), None)
        for p in provinces():
            self.province.addItem(p.full_name, p.code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of the name or the code — no accents needed"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.create_button = QPushButton(self.tr("Create the commune's database"))
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        self.demo_button = QPushButton(self.tr("Look around in a demo commune"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Province:")))
        layout.addWidget(self.province)
        layout.addWidget(QLabel(self.tr("Commune or ward:")))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.province.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.list.currentItemChanged.connect(lambda *_: self.create_button.setEnabled(self.selected_code() is not None))
        self.list.itemDoubleClicked.connect(lambda _item: self.create())
        self.create_button.clicked.connect(self.create)
        self.demo_button.clicked.connect(self.open_demo)
        self.refresh()

    def refresh(self) -> None:
        province = self.province.currentData()
        text = self.search.text()
        if province is None and not text.strip():
            found = []
        elif text.strip():
            found = search_communes(text, province, limit=200)
        else:
            found = communes_of(province)
        self.list.clear()
        for c in found:
            label = c.name if province else f"{c.name} — {c.province_name}"
            item = QListWidgetItem(f"{label}  ({c.code})")
            item.setData(Qt.UserRole, c.code)
            self.list.addItem(item)
        if self.list.count() == 1:
            self.list.setCurrentRow(0)
        self.create_button.setEnabled(self.selected_code() is not None)

    def selected_code(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def create(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        try:
            create_commune_database(self.database, code).close()
        except FrontDeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), messages.describe(exc, self.lang))
            return
        self.chosen = self.database
        self.accept()

    def open_demo(self) -> None:
        path = demo_path_for(self.database)
        if not path.exists():
            try:
                build_demo(path, people=DEMO_PEOPLE)
            except FrontDeskError as exc:
                QMessageBox.warning(self, self.windowTitle(), messages.describe(exc, self.lang))
                return
        self.chosen = path
        self.accept()
