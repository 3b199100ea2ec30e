"""Choosing a report period the way people say it: the kind (month, quarter,
half-year, year), then which one, then the year; and under it, in words, the
days it covers, so a wrong choice shows before the file is written.

The default (``default_period``) is the period whose report is being made
now. A commune's monthly report is due in the month it covers (the duty
"báo cáo tháng, hạn ngày 20" makes the task of that month), so after the
first ten days of a month the default is the current month; in the first ten
days it is the month just ended, whose report people are finishing then.
Quarters, half-years and years follow that month. Periods that have not
started yet cannot be chosen (the core refuses them: nothing to report).
"""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.text import MIN_YEAR, Period, format_date, parse_period

__all__ = ["PeriodChooser", "default_period", "KINDS"]

KINDS = ("month", "quarter", "half", "year")
LAST_MONTH_UNTIL_DAY = 10  # up to this day of a month, the default is the month before
_ROMAN = ("I", "II", "III", "IV")


def default_period(today: date, kind: str = "month") -> Period:
    """The period of ``kind`` whose report is most likely being made today."""
    day = today if today.day > LAST_MONTH_UNTIL_DAY else today.replace(day=1) - timedelta(days=1)
    return parse_period(_code(kind, day.year, _number_of(kind, day.month)))


def _number_of(kind: str, month: int) -> int:
    return {"month": month, "quarter": (month - 1) // 3 + 1, "half": 1 if month <= 6 else 2, "year": 0}[kind]


def _code(kind: str, year: int, number: int) -> str:
    return {"month": f"{year}-{number:02d}", "quarter": f"{year}-Q{number}", "half": f"{year}-H{number}",
            "year": str(year)}[kind]


class PeriodChooser(QWidget):
    """``period()`` is always a valid, started period; ``changed`` says when it moves."""

    changed = Signal()

    def __init__(self, today: date, lang: str, caption: str = "", parent=None) -> None:
        super().__init__(parent)
        self._today, self._lang = today, lang
        self._kind = "month"
        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        if caption:
            self.caption = QLabel(caption)
            self.caption.setStyleSheet("font-weight: 600;")
            kind_row.addWidget(self.caption)
        for n, (kind, text) in enumerate(zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Half-year"),
                                                     self.tr("Year")))):
            button = QRadioButton(text)
            button.setObjectName(f"kind_{kind}")
            self.kinds.addButton(button, n)
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        self.number = QComboBox()
        self.number.setMinimumContentsLength(16)
        self.year_label = QLabel(self.tr("year"))
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, today.year)
        self.year.setMinimumWidth(80)
        which_row = QHBoxLayout()
        which_row.setContentsMargins(0, 0, 0, 0)
        which_row.addWidget(self.number)
        which_row.addWidget(self.year_label)
        which_row.addWidget(self.year)
        which_row.addStretch(1)
        self.covers = QLabel()
        self.covers.setWordWrap(True)
        self.covers.setStyleSheet("color: #555;")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(kind_row)
        box.addLayout(which_row)
        box.addWidget(self.covers)
        self.set_period(default_period(today))
        self.kinds.idClicked.connect(lambda n: self.set_kind(KINDS[n]))
        self.number.currentIndexChanged.connect(lambda _i: self._moved())
        self.year.valueChanged.connect(lambda _v: self._year_changed())

    # -- reading -----------------------------------------------------------------------

    def period(self) -> Period:
        number = self.number.currentData() if self._kind != "year" else 0
        return parse_period(_code(self._kind, self.year.value(), number or 0))

    @property
    def kind(self) -> str:
        return self._kind

    # -- choosing ----------------------------------------------------------------------

    def set_period(self, period: Period | str) -> None:
        if isinstance(period, str):
            period = parse_period(period)
        self._kind = period.kind
        self.kinds.button(KINDS.index(period.kind)).setChecked(True)
        for widget in (self.number, self.year):
            widget.blockSignals(True)
        self.year.setValue(period.first.year)
        self._fill_numbers(_number_of(period.kind, period.first.month))
        for widget in (self.number, self.year):
            widget.blockSignals(False)
        self._moved()

    def set_kind(self, kind: str) -> None:
        """Another kind: the one of that kind holding the month chosen now."""
        if kind == self._kind:
            return
        # the one holding the last day of the current choice that has come (a quarter
        # of this year becomes its latest month so far, not its first)
        day = min(self.period().last, self._today)
        self.set_period(_code(kind, day.year, _number_of(kind, day.month)))

    def _year_changed(self) -> None:
        self.number.blockSignals(True)
        self._fill_numbers(self.number.currentData())
        self.number.blockSignals(False)
        self._moved()

    def _names(self) -> list[str]:
        if self._kind == "month":  # "Tháng 11" in Vietnamese, "November" in English
            return [self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"), self.tr("May"),
                    self.tr("June"), self.tr("July"), self.tr("August"), self.tr("September"), self.tr("October"),
                    self.tr("November"), self.tr("December")]
        if self._kind == "quarter":
            return [self.tr("Quarter %1").replace("%1", r) for r in _ROMAN]
        if self._kind == "half":
            return [self.tr("First half (January–June)"), self.tr("Second half (July–December)")]
        return []

    def _fill_numbers(self, wanted: int | None) -> None:
        """The months (quarters, halves) of the chosen year; those not started yet are greyed out."""
        self.number.clear()
        last_started = 0
        for n, name in enumerate(self._names(), start=1):
            self.number.addItem(name, n)
            started = parse_period(_code(self._kind, self.year.value(), n)).first <= self._today
            self.number.model().item(n - 1).setEnabled(started)
            if started:
                last_started = n
        self.number.setVisible(self._kind != "year")
        self.year_label.setVisible(self._kind != "year")
        if self._kind != "year":
            choice = wanted if wanted and wanted <= last_started else last_started
            self.number.setCurrentIndex(max(choice, 1) - 1)

    def _moved(self) -> None:
        period = self.period()
        text = self.tr("%1: from %2 to %3.").replace("%1", _capital(period.label(self._lang))) \
            .replace("%2", format_date(period.first)).replace("%3", format_date(period.last))
        if period.last > self._today:
            text += " " + self.tr("The period is not over: the figures are those of today, %1.").replace(
                "%1", format_date(self._today))
        self.covers.setText(text)
        self.changed.emit()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
