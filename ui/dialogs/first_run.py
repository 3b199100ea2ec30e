"""First run: choose the province, then the commune, from the official list, or
open the demo commune to look around. A site configuration that locks the
commune skips the choice.

The demo is built off the GUI thread (``ui.runtime.progress.run_long``): a progress
dialog with Cancel when it takes more than a moment; a cancelled build leaves
no file behind."""
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
from app.demo import build_demo
from app.domain import create_commune_database
from app.errors import FrontDeskError
from app.paths import demo_database_for
from app.progress import Progress
from app.text import communes_of, provinces, search_communes
from ui.runtime.errors import show_error
from ui.runtime.progress import LongTask, run_long

DEMO_PEOPLE = 2000


def demo_path_for(database: Path) -> Path:
    """The demo lives beside the real database, never in its place."""
    return demo_database_for(database)


def create_locked_commune(database: Path, code: str) -> Path:
    """IT locked the commune: create it without asking."""
    create_commune_database(database, code).close()
    return database


class FirstRunDialog(QDialog):
    """Returns (via ``chosen``) the database to open, once made."""

    def __init__(self, database: Path, lang: str, parent=None, *, offer_demo: bool = True) -> None:
        super().__init__(parent)
        self.database = database
        self.lang = lang
        self.chosen: Path | None = None
        self.demo_task: LongTask | None = None
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
        self.demo_button.setVisible(offer_demo)  # not when leaving the demo for the real commune
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
        if path.exists():
            self._demo_ready(path)
            return
        self._set_busy(True)
        self.demo_task = run_long(
            self, self.tr("Demo commune"),
            lambda progress: _build_demo(path, progress),
            on_done=lambda summary: self._demo_ready(summary.path),
            on_failed=self._demo_failed,
            on_cancelled=self._demo_stopped,
            label=self.tr("Making the demo commune…"),
            stages=self._demo_stage,
            lang=self.lang,
        )

    def _demo_stage(self, stage: str) -> str:
        return {
            "commune": self.tr("Creating the database…"),
            "areas": self.tr("Adding the residential areas…"),
            "people": self.tr("Adding people…"),
            "appointments": self.tr("Filling the positions…"),
            "memberships": self.tr("Adding members to the organizations…"),
            "duties": self.tr("Adding the recurring duties…"),
            "registers": self.tr("Adding petitions, the fund and cases…"),
            "tasks": self.tr("Adding tasks…"),
            "finishing": self.tr("Finishing…"),
            "done": self.tr("Finishing…"),
        }.get(stage, "")

    def _set_busy(self, busy: bool) -> None:
        """No second build, and no other choice, while one runs."""
        for widget in (self.province, self.search, self.list, self.demo_button):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self.selected_code() is not None)

    def _demo_ready(self, path: Path) -> None:
        self.demo_task = None
        self.chosen = path
        self.accept()

    def _demo_stopped(self) -> None:
        self.demo_task = None
        self._set_busy(False)

    def _demo_failed(self, error: BaseException) -> None:
        self._demo_stopped()
        show_error(self, error, self.lang)

    def reject(self) -> None:
        """Closing while the demo is being built stops the build first, so its
        temporary file goes too."""
        task = self.demo_task
        if task is not None and task.running:
            task.cancel()
            task.wait(10.0)
        super().reject()


def _build_demo(path: Path, progress: Progress):
    # Runs on the task's thread: build_demo opens its own connection.
    return build_demo(path, people=DEMO_PEOPLE, progress=progress)
