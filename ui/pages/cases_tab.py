"""Cases: people's inspection, investment supervision, mediation, supervision
and social criticism — which are open, of which kind, where, opened when;
opened, closed with their outcome, reopened, and followed up by a task."""
from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton

from app.db import Store
from app.domain import CaseFilter, case_ids, delete_case, reopen_case
from ui.dialogs.case_form import CaseForm, CloseCaseDialog
from ui.models.register_models import CasesModel
from ui.pages.register_tab import RegisterTab
from ui.widgets.register_choices import PeriodFilter, fill_areas, fill_words


class CasesTab(RegisterTab):
    REGISTER = "cases"
    FOLLOW_UP = "case"

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, CasesModel(store, lang),
                         self.tr("Search titles, parties, findings — no accents needed"),
                         (104, 232, 0, 130, 104, 130), 2, parent)
        self.kind = QComboBox()
        fill_words(self.kind, "case_kind", lang, first=self.tr("All kinds"))
        self.state = QComboBox()
        for label, value in ((self.tr("Open"), "open"), (self.tr("All cases"), "all")):
            self.state.addItem(label, value)
        self.area = QComboBox()
        self.period = PeriodFilter(store.today())
        self.period.setToolTip(self.tr("Opened in"))
        for widget in (self.kind, self.state, self.area, self.period):
            self.filters.addWidget(widget)
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.filters.addWidget(self.new_button)
        self.close_button = QPushButton(self.tr("Close with outcome…"))
        self.follow_button = QPushButton(self.tr("Follow-up task…"))
        for button in (self.close_button, self.follow_button):
            self.actions.addWidget(button)
        self.new_button.clicked.connect(self.new_case)
        self.close_button.clicked.connect(lambda: self.close_with_outcome(self.selected_id()))
        self.follow_button.clicked.connect(self.follow_up_chosen)
        QShortcut(QKeySequence.New, self, activated=self.new_case)
        for combo in (self.kind, self.state, self.area, self.period):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.reload_areas()

    def reload_areas(self) -> None:
        fill_areas(self.area, self._store, self.tr("All areas"))

    def current_filter(self) -> CaseFilter:
        return CaseFilter(kind=self.kind.currentData(), open=self.state.currentData() == "open",
                          area_id=self.area.currentData(), period=self.period.period(),
                          text=self.search.text().strip() or None)

    def ids(self, limit: int | None) -> list[int]:
        return case_ids(self._store, self.current_filter(), limit=limit)

    def count_text(self, count: int) -> str:
        return self.tr("%Ln case(s)", "", count)

    def update_actions(self) -> None:
        c = self.selected_record()
        self.close_button.setEnabled(c is not None)
        self.close_button.setText(self.tr("Close with outcome…") if c is None or c.open
                                  else self.tr("Correct the outcome…"))
        self.follow_button.setEnabled(c is not None)
        self.follow_button.setText(self.tr("Open the follow-up task") if c is not None and c.task_id is not None
                                   else self.tr("Follow-up task…"))

    # -- actions -------------------------------------------------------------------------

    def new_case(self) -> CaseForm:
        return self.opened(CaseForm(self._store, self._runner, self._lang, kind=self.kind.currentData(),
                                    parent=self))

    def open_record(self, record_id: int) -> CaseForm:
        return self.opened(CaseForm(self._store, self._runner, self._lang, record_id, parent=self))

    def close_with_outcome(self, case_id: int | None) -> CloseCaseDialog | None:
        if case_id is None:
            return None
        dialog = CloseCaseDialog(self._store, self._runner, self._lang, case_id, parent=self)
        dialog.accepted.connect(lambda: (self.refresh(), self.select_id(case_id)))
        dialog.open()
        return dialog

    def reopen(self, case_id: int) -> None:
        self.run(lambda store: reopen_case(store, case_id))

    def delete_question(self, record_id: int) -> tuple[str, str]:
        return self.tr("Delete case"), self.tr(
            "Delete case #%1? Only for one entered by mistake: the change log keeps what it was.").replace(
            "%1", str(record_id))

    def delete_record(self, store: Store, record_id: int) -> None:
        delete_case(store, record_id)

    def fill_menu(self, menu: QMenu, c) -> None:
        if c.open:
            menu.addAction(self.tr("Close with outcome…"), lambda: self.close_with_outcome(c.id))
        else:
            menu.addAction(self.tr("Correct the outcome…"), lambda: self.close_with_outcome(c.id))
            menu.addAction(self.tr("Reopen"), lambda: self.reopen(c.id))
        menu.addSeparator()
        self.add_follow_up_actions(menu, c)
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete(c.id))
