"""Petitions (kiến nghị): which are open, which are past their answer date,
from which area, by which channel, received when; recorded, answered,
closed, and followed up by a task."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton

from app.db import Store
from app.domain import PetitionFilter, close_petition, delete_petition, petition_ids
from ui.dialogs.petition_form import AnswerDialog, PetitionForm
from ui.models.register_models import PetitionsModel
from ui.pages.register_tab import RegisterTab
from ui.widgets.register_choices import PeriodFilter, fill_areas, fill_words

SHOWS = ("open", "overdue", "answered", "closed", "all")


class PetitionsTab(RegisterTab):
    REGISTER = "petitions"
    FOLLOW_UP = "petition"

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, PetitionsModel(store, lang),
                         self.tr("Search the sender, content, field, agency or answer — no accents needed"),
                         (88, 180, 120, 0, 150, 88, 170), 3, parent)
        self.showing = QComboBox()
        names = {"open": self.tr("Awaiting an answer"), "overdue": self.tr("Overdue answers"),
                 "answered": self.tr("Answered"), "closed": self.tr("Closed"), "all": self.tr("All petitions")}
        for key in SHOWS:
            self.showing.addItem(names[key], key)
        self.area = QComboBox()
        self.channel = QComboBox()
        fill_words(self.channel, "channel", lang, first=self.tr("Any channel"))
        self.period = PeriodFilter(store.today())
        self.period.setToolTip(self.tr("Received in"))
        for widget in (self.showing, self.area, self.channel, self.period):
            self.filters.addWidget(widget)
        self.new_button = QPushButton(self.tr("New petition…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.answer_button = QPushButton(self.tr("Record the answer…"))
        self.follow_button = QPushButton(self.tr("Follow-up task…"))
        self.follow_button.setToolTip(self.tr("Make a task with a lead and a due date to follow this petition up"))
        self.filters.addWidget(self.new_button)
        for button in (self.answer_button, self.follow_button):
            self.actions.addWidget(button)
        self.new_button.clicked.connect(self.new_petition)
        self.answer_button.clicked.connect(lambda: self.answer(self.selected_id()))
        self.follow_button.clicked.connect(self.follow_up_chosen)
        QShortcut(QKeySequence.New, self, activated=self.new_petition)
        for combo in (self.showing, self.area, self.channel, self.period):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.reload_areas()

    def reload_areas(self) -> None:
        fill_areas(self.area, self._store, self.tr("All areas"))

    def current_filter(self) -> PetitionFilter:
        show = self.showing.currentData()
        return PetitionFilter(
            open=show == "open", overdue=show == "overdue",
            statuses={"answered": ("answered",), "closed": ("closed",)}.get(show),
            area_id=self.area.currentData(), channel=self.channel.currentData(), period=self.period.period(),
            text=self.search.text().strip() or None,
        )

    def ids(self, limit: int | None) -> list[int]:
        return petition_ids(self._store, self.current_filter(), limit=limit)

    def count_text(self, count: int) -> str:
        return self.tr("%Ln petition(s)", "", count)

    def show_filter(self, name: str) -> None:
        """One of the usual views ("open", "overdue"...), other filters cleared."""
        for combo in (self.showing, self.area, self.channel, self.period):
            combo.blockSignals(True)
        self.search.blockSignals(True)
        self.search.clear()
        self.showing.setCurrentIndex(max(self.showing.findData(name), 0))
        for combo in (self.area, self.channel, self.period):
            combo.setCurrentIndex(0)
        for combo in (self.showing, self.area, self.channel, self.period):
            combo.blockSignals(False)
        self.search.blockSignals(False)
        self.refresh()

    # -- actions -------------------------------------------------------------------------

    def update_actions(self) -> None:
        p = self.selected_record()
        self.answer_button.setEnabled(p is not None and p.status != "closed")
        self.follow_button.setEnabled(p is not None)
        if p is not None and p.task_id is not None:
            self.follow_button.setText(self.tr("Open the follow-up task"))
        else:
            self.follow_button.setText(self.tr("Follow-up task…"))

    def new_petition(self) -> PetitionForm:
        return self.opened(PetitionForm(self._store, self._runner, self._lang, parent=self))

    def open_record(self, record_id: int) -> PetitionForm:
        return self.opened(PetitionForm(self._store, self._runner, self._lang, record_id, parent=self))

    def answer(self, petition_id: int | None) -> AnswerDialog | None:
        if petition_id is None:
            return None
        return self.opened(AnswerDialog(self._store, self._runner, self._lang, petition_id, parent=self))

    def close_record(self, petition_id: int) -> None:
        self.run(lambda store: close_petition(store, petition_id))

    def delete_question(self, record_id: int) -> tuple[str, str]:
        return self.tr("Delete petition"), self.tr(
            "Delete petition #%1? Only for one entered by mistake: the change log keeps what it was.").replace(
            "%1", str(record_id))

    def delete_record(self, store: Store, record_id: int) -> None:
        delete_petition(store, record_id)

    def fill_menu(self, menu: QMenu, p) -> None:
        menu.addAction(self.tr("Record the answer…"), lambda: self.answer(p.id)).setEnabled(p.status != "closed")
        menu.addAction(self.tr("Close (nothing more to follow)"), lambda: self.close_record(p.id)).setEnabled(
            p.status != "closed")
        menu.addSeparator()
        self.add_follow_up_actions(menu, p)
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete(p.id))

