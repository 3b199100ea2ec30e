"""“Who are you?”: link the app's user to a person on the roster, once.

Asked the first time someone wants to see their own tasks ("Mine"); the
answer is kept per OS account (``app.domain.me``).
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.db import Store
from app.domain import set_my_person
from ui.runtime.errors import show_error
from ui.widgets.person_picker import PersonPicker

WARNING_COLOUR = "#c0392b"


class WhoAreYouDialog(QDialog):
    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.person_id: int | None = None
        self.setWindowTitle(self.tr("Who are you?"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr(
            "To show your own tasks, find yourself on the roster. This is asked only once "
            "for the computer account “%1”."
        ).replace("%1", store.actor or ""))
        intro.setWordWrap(True)
        self.picker = PersonPicker(store)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("This is me"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        person_id = self.picker.person_id
        if person_id is None:
            self.error.setText(self.tr("Type your name and choose yourself from the suggestions."))
            self.error.show()
            self.picker.setFocus()
            return
        self.ok_button.setEnabled(False)
        self._runner.submit(lambda store: set_my_person(store, person_id), lambda _r: self._saved(person_id),
                            self._failed)

    def _saved(self, person_id: int) -> None:
        self.ok_button.setEnabled(True)
        self.person_id = person_id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        show_error(self, error, self._lang, str(self._store.path))
