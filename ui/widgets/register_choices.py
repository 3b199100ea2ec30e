"""What the registers' lists and forms choose from: a period said the way people
say it ("tháng này", "quý trước", "năm nay"), the word values of a register
(channels, purposes, kinds, outcomes) in the window's language, and the
residential areas.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox

from app.db import Store
from app.domain import WORDS, residential_areas, word_label
from app.text import Period, parse_period

PERIOD_CHOICES = ("all", "this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year")


def period_of(choice: str, today: date) -> Period | None:
    """The period a choice means on ``today`` (None: any time)."""
    if choice == "all":
        return None
    year, month = today.year, today.month
    if choice == "last_month":
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    if choice in ("this_month", "last_month"):
        return parse_period(f"{year}-{month:02d}")
    quarter = (month - 1) // 3 + 1
    if choice == "last_quarter":
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    if choice in ("this_quarter", "last_quarter"):
        return parse_period(f"{year}-Q{quarter}")
    return parse_period(str(year if choice == "this_year" else year - 1))


class PeriodFilter(QComboBox):
    """A period to show: any time, this or last month, quarter or year."""

    def __init__(self, today: date, default: str = "all", parent=None) -> None:
        super().__init__(parent)
        self._today = today
        names = {
            "all": self.tr("Any time"), "this_month": self.tr("This month"), "last_month": self.tr("Last month"),
            "this_quarter": self.tr("This quarter"), "last_quarter": self.tr("Last quarter"),
            "this_year": self.tr("This year"), "last_year": self.tr("Last year"),
        }
        for choice in PERIOD_CHOICES:
            self.addItem(names[choice], choice)
        self.setCurrentIndex(self.findData(default))

    def period(self) -> Period | None:
        return period_of(self.currentData(), self._today)


def fill_words(combo: QComboBox, choice: str, lang: str, *, codes: tuple[str, ...] | None = None,
               first: str | None = None) -> None:
    """A register's word values (``first``: an "any"/"none" item with no value before them)."""
    current = combo.currentData()
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for code in codes if codes is not None else tuple(WORDS[choice]):
        combo.addItem(word_label(choice, code, lang), code)
    combo.setCurrentIndex(max(combo.findData(current), 0))


def fill_areas(combo: QComboBox, store: Store, first: str) -> None:
    """The residential areas, after ``first`` (all areas, or none), keeping the one chosen."""
    combo.blockSignals(True)
    current = combo.currentData()
    combo.clear()
    combo.addItem(first, None)
    for area in residential_areas(store):
        combo.addItem(area["name"], area["id"])
    combo.setMaxVisibleItems(20)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
