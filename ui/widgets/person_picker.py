"""Choose a person by typing part of the name (no accents needed).

Used wherever a form needs someone: appointing to a position, leading or
supporting a task, owning a duty. The list under the box is the same search
as the People page, in roster order, with birth year and area to tell
namesakes apart.
"""
from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from app.db import Store
from app.domain import PersonHit, search_people

SUGGESTIONS = 20
DELAY_MS = 120


def describe_hit(hit: PersonHit) -> str:
    """'Nguyễn Văn An — 1978 — Thôn 3': enough to tell two namesakes apart."""
    parts = [hit.full_name]
    if hit.birth_date:
        parts.append(hit.birth_date[:4])
    if hit.organization:
        parts.append(hit.organization)
    return " — ".join(parts)


class PersonPicker(QLineEdit):
    """A line edit that suggests people; ``person_id`` is None until one is chosen."""

    person_chosen = Signal(object)  # int, or None when the text no longer names the chosen person

    def __init__(self, store: Store, parent=None, *, active_only: bool = True) -> None:
        super().__init__(parent)
        self._store = store
        self._active_only = active_only
        self._hits: list[PersonHit] = []
        self._chosen: tuple[int, str] | None = None
        self.setPlaceholderText(self.tr("Type a name — no accents needed"))
        self.setClearButtonEnabled(True)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)  # the search already filtered
        self._completer.setCaseSensitivity(Qt.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        self._completer.activated.connect(self._activated)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.suggest)
        self.textEdited.connect(self._edited)

    @property
    def person_id(self) -> int | None:
        return self._chosen[0] if self._chosen else None

    def set_person(self, person_id: int | None, full_name: str = "") -> None:
        """Show an already chosen person (editing a task, say)."""
        self._chosen = (person_id, full_name) if person_id is not None else None
        self.setText(full_name if person_id is not None else "")

    def suggestions(self) -> list[str]:
        return self._model.stringList()

    def _edited(self, _text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.person_chosen.emit(None)
        self._timer.start()

    def suggest(self) -> None:
        hits = search_people(self._store, self.text(), limit=SUGGESTIONS * 3)
        if self._active_only:
            hits = [h for h in hits if h.status == "active"]
        self._hits = hits[:SUGGESTIONS]
        self._model.setStringList([describe_hit(h) for h in self._hits])
        if self._hits and self.hasFocus():
            self._completer.complete()

    def choose(self, row: int) -> None:
        """Take the suggestion at ``row`` (what a click or Enter on the list does)."""
        hit = self._hits[row]
        self._chosen = (hit.id, hit.full_name)
        self.setText(hit.full_name)
        self.person_chosen.emit(hit.id)

    def _activated(self, text: str) -> None:
        labels = self.suggestions()
        if text in labels:
            row = labels.index(text)
            # the completer writes its label into the box first; put the plain name back
            QTimer.singleShot(0, lambda: self.choose(row))
