"""What became of a file just written: a sentence, the path, and buttons to
open the file or the folder it is in (the person's next step is nearly
always one of those two: print it, or attach it to a message).

A panel on the page rather than a message box: it stays there while the
person does something else, and nothing has to be clicked away.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

__all__ = ["FileResult", "OpenUrl", "documents_folder", "with_xlsx_suffix"]

OpenUrl = Callable[[QUrl], bool]
_STYLE = {
    "done": "QFrame#fileResult { background: #eef7f0; border: 1px solid #9cc9a8; border-radius: 6px; }",
    "warning": "QFrame#fileResult { background: #fdf5e6; border: 1px solid #e0b872; border-radius: 6px; }",
}


def documents_folder() -> Path:
    """Where a save dialog starts: the user's Documents folder (their home when there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(found) if found else Path.home()


def with_xlsx_suffix(chosen: str) -> Path:
    """The path a save dialog returned, ending in .xlsx (some dialogs leave the suffix off)."""
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class FileResult(QFrame):
    """Hidden until ``show_file``; ``open_url`` is passed in so tests can see what opened."""

    def __init__(self, open_url: OpenUrl | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("fileResult")
        self._open_url = open_url or QDesktopServices.openUrl
        self._path: Path | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        # the path can be copied into a message or an e-mail
        self.path_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.path_label.setStyleSheet("font-family: monospace; color: #333;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.open_file_button = QPushButton(self.tr("Open the file"))
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button = QPushButton(self.tr("Open the folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.message)
        text.addWidget(self.path_label)
        text.addWidget(self.note)
        text.addStretch(1)
        buttons = QVBoxLayout()  # beside the text, not under it: the page keeps its height
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        box = QHBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.addLayout(text, 1)
        box.addLayout(buttons)
        self.hide()

    @property
    def path(self) -> Path | None:
        return self._path

    def show_file(self, message: str, path: Path, note: str = "", *, warning: bool = False) -> None:
        self._path = Path(path)
        self.message.setText(message)
        self.path_label.setText(str(self._path))
        self.set_note(note, warning=warning)
        self.show()

    def set_note(self, note: str, *, warning: bool = False) -> None:
        """A second sentence that may come later (e.g. once the report is in the outbox)."""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.note.setStyleSheet("color: #9a6700;" if warning else "")
        self.setStyleSheet(_STYLE["warning" if warning else "done"])

    def clear(self) -> None:
        self._path = None
        self.hide()

    def open_file(self) -> None:
        if self._path is not None:
            self._open_url(QUrl.fromLocalFile(str(self._path)))

    def open_folder(self) -> None:
        if self._path is not None:
            self._open_url(QUrl.fromLocalFile(str(self._path.parent)))
