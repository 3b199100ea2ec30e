"""The fund's cash book: its balance for the period at a glance (opening,
received, spent, closing; houses built and repaired), the receipts and
spending of that period, and the public list for posting."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout

from app.db import Store
from app.domain import FundFilter, delete_fund_entry, fund_entry_ids, fund_figures, fund_figures_to_date
from app.text import format_date, format_money
from ui.dialogs.fund_entry_form import FundEntryForm
from ui.models.register_models import SPENDING_COLOUR, FundModel
from ui.pages.register_tab import RegisterTab
from ui.widgets.register_choices import PeriodFilter, fill_words

GREEN, RED = "#1e8449", "#c0392b"


class Figure(QFrame):
    """One figure of the balance: a caption over an amount."""

    def __init__(self, caption: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        self.value = QLabel()
        self.value.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def show_text(self, text: str, colour: str = "#222") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour}; font-size: 17px; font-weight: 600;")


class FundTab(RegisterTab):
    REGISTER = "fund"

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, FundModel(store, lang),
                         self.tr("Search the donor, beneficiary, voucher or note — no accents needed"),
                         (88, 84, 0, 110, 130, 110, 150), 2, parent)
        self.fund = QComboBox()
        fill_words(self.fund, "fund", lang)
        self.direction = QComboBox()
        fill_words(self.direction, "direction", lang, first=self.tr("Receipts and spending"))
        self.period = PeriodFilter(store.today(), default="this_year")
        for widget in (self.fund, self.period, self.direction):
            self.filters.addWidget(widget)
        self.receipt_button = QPushButton(self.tr("New receipt…"))
        self.receipt_button.setToolTip(self.tr("Ctrl+N"))
        self.spending_button = QPushButton(self.tr("New spending…"))
        self.filters.addWidget(self.receipt_button)
        self.filters.addWidget(self.spending_button)
        self.opening = Figure(self.tr("Opening balance"))
        self.received = Figure(self.tr("Received"))
        self.spent = Figure(self.tr("Spent"))
        self.closing = Figure(self.tr("Closing balance"))
        self.houses = Figure(self.tr("Houses built / repaired"))
        strip = QHBoxLayout()
        for figure in (self.opening, self.received, self.spent, self.closing, self.houses):
            strip.addWidget(figure, 1)
        self.above_table.addLayout(strip)
        self.balance_line = QLabel()  # what the strip covers, in words
        self.balance_line.setStyleSheet("color: #555;")
        self.above_table.addWidget(self.balance_line)
        self.receipt_button.clicked.connect(lambda: self.new_entry("receipt"))
        self.spending_button.clicked.connect(lambda: self.new_entry("spending"))
        QShortcut(QKeySequence.New, self, activated=lambda: self.new_entry("receipt"))
        for combo in (self.fund, self.direction, self.period):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def current_filter(self) -> FundFilter:
        return FundFilter(fund=self.fund.currentData(), direction=self.direction.currentData(),
                          period=self.period.period(), text=self.search.text().strip() or None)

    def ids(self, limit: int | None) -> list[int]:
        return fund_entry_ids(self._store, self.current_filter(), limit=limit)

    def count_text(self, count: int) -> str:
        return self.tr("%Ln entry(ies)", "", count)

    def after_refresh(self) -> None:
        """The fund's balance over the period chosen (over any time: from the first entry to today)."""
        fund, period, today = self.fund.currentData(), self.period.period(), self._store.today()
        if period is None:
            figures = fund_figures_to_date(self._store, today, fund)
            self.opening.show_text("—")
            self.balance_line.setText(self.tr("From the first entry to today, %1").replace("%1", format_date(today)))
        else:
            figures = fund_figures(self._store, period, fund)
            self.opening.show_text(format_money(figures["fund_opening"]), RED if figures["fund_opening"] < 0 else "#222")
            self.balance_line.setText(self.tr("%1: from %2 to %3").replace("%1", period.label(self._lang)).replace(
                "%2", format_date(period.first)).replace("%3", format_date(period.last)))
        closing = figures["fund_closing"]
        self.received.show_text(format_money(figures["fund_received"]), GREEN)
        self.spent.show_text(format_money(figures["fund_spent"]), SPENDING_COLOUR)
        self.closing.show_text(format_money(closing), RED if closing < 0 else "#222")
        self.houses.show_text(f"{figures['houses_built']} / {figures['houses_repaired']}")

    # -- actions -------------------------------------------------------------------------

    def new_entry(self, direction: str) -> FundEntryForm:
        return self.opened(FundEntryForm(self._store, self._runner, self._lang, direction=direction,
                                         fund=self.fund.currentData(), parent=self))

    def open_record(self, record_id: int) -> FundEntryForm:
        return self.opened(FundEntryForm(self._store, self._runner, self._lang, record_id, parent=self))

    def delete_question(self, record_id: int) -> tuple[str, str]:
        return self.tr("Delete fund entry"), self.tr(
            "Delete entry #%1? Only for one entered by mistake: the change log keeps what it was.").replace(
            "%1", str(record_id))

    def delete_record(self, store: Store, record_id: int) -> None:
        delete_fund_entry(store, record_id)

    def fill_menu(self, menu: QMenu, entry) -> None:
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete(entry.id))
