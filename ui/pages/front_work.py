"""Công tác Mặt trận: the Front's own work, a tab per register — petitions,
the fund, cases (inspection, investment supervision, mediation, supervision,
social criticism). Each tab keeps current when its register changes,
whoever changed it (this window, the command line, an import)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.db import Store
from ui.pages.cases_tab import CasesTab
from ui.pages.fund_tab import FundTab
from ui.pages.petitions_tab import PetitionsTab
from ui.runtime.events import keep_current

TABS = ("petitions", "fund", "cases")


class FrontWorkPage(QWidget):
    task_requested = Signal(int)

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self.petitions = PetitionsTab(store, runner, lang)
        self.fund = FundTab(store, runner, lang)
        self.cases = CasesTab(store, runner, lang)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.petitions, self.tr("Petitions"))
        self.tabs.addTab(self.fund, self.tr("Fund for the poor and other funds"))
        self.tabs.addTab(self.cases, self.tr("Inspection, supervision, mediation"))
        for tab in (self.petitions, self.fund, self.cases):
            tab.task_requested.connect(self.task_requested)
        title = QLabel(self.tr("The Front's work"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        for tab in (self.petitions, self.fund, self.cases):
            tab.refresh()
        # a tab not on screen reads again when it is next shown
        keep_current(self.petitions, store.path, ("petitions_changed",), self.petitions.refresh)
        keep_current(self.fund, store.path, ("fund_changed",), self.fund.refresh)
        keep_current(self.cases, store.path, ("cases_changed",), self.cases.refresh)
        keep_current(self, store.path, ("organizations_changed", "people_changed"), self._read_again)

    def _read_again(self) -> None:
        for tab in (self.petitions, self.cases):
            tab.reload_areas()
        for tab in (self.petitions, self.fund, self.cases):
            tab.refresh()

    def show_tab(self, name: str) -> QWidget:
        tab = {"petitions": self.petitions, "fund": self.fund, "cases": self.cases}[name]
        self.tabs.setCurrentWidget(tab)
        return tab

    def show_view(self, state: str) -> None:
        """'overdue' (petitions past their answer date), 'petitions', 'fund', 'cases'."""
        if state in ("overdue", "open"):
            self.show_tab("petitions").show_filter(state)
        elif state in TABS:
            self.show_tab(state)
