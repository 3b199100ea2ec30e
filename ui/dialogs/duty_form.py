"""Add or edit a recurring duty (nhiệm vụ thường xuyên), each problem under its field."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from app import messages
from app.db import Store
from app.domain import CADENCES, PRIORITIES, add_duty, check_duty, get_duty, update_duty
from app.errors import InvalidInput, InvalidValue
from app.text import format_date
from ui.dialogs.form_dialog import HINT_STYLE, FormDialog
from ui.widgets.organization_choices import fill_organizations
from ui.widgets.person_picker import PersonPicker


class DutyWords(QObject):
    """Words for cadences, priorities and task states, shared by the duty form, the
    duties page and the person card (one translation context: "DutyWords")."""

    def cadence_name(self, cadence: str) -> str:
        return {
            "weekly": self.tr("Weekly"), "monthly": self.tr("Monthly"), "quarterly": self.tr("Quarterly"),
            "half_yearly": self.tr("Every six months"), "yearly": self.tr("Yearly"),
        }.get(cadence, cadence)

    def weekday_name(self, day: int) -> str:
        names = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                 self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        return names[day - 1] if 1 <= day <= 7 else str(day)

    def cadence_text(self, cadence: str, due_day: int, due_month: int) -> str:
        if cadence == "weekly":
            return self.tr("Weekly, on %1").replace("%1", self.weekday_name(due_day))
        if cadence == "monthly":
            return self.tr("Monthly, on day %1").replace("%1", str(due_day))
        if cadence == "yearly":
            return self.tr("Yearly, on %1").replace("%1", f"{due_day:02d}/{due_month:02d}")
        if cadence == "quarterly":
            text = self.tr("Quarterly, day %1 of month %2")
        else:
            text = self.tr("Every six months, day %1 of month %2")
        return text.replace("%1", str(due_day)).replace("%2", str(due_month))

    def priority_name(self, priority: str) -> str:
        names = {"low": self.tr("Low"), "normal": self.tr("Normal"), "high": self.tr("High"),
                 "urgent": self.tr("Urgent")}
        return names.get(priority, priority)

    def status_name(self, status: str) -> str:
        names = {"todo": self.tr("To do"), "in_progress": self.tr("In progress"), "done": self.tr("Done"),
                 "cancelled": self.tr("Cancelled")}
        return names.get(status, status)


_WORDS: DutyWords | None = None


def words() -> DutyWords:
    global _WORDS
    if _WORDS is None:
        _WORDS = DutyWords()
    return _WORDS


def cadence_text(cadence: str, due_day: int, due_month: int) -> str:
    """"Monthly, on day 20": when a duty falls due, in words."""
    return words().cadence_text(cadence, due_day, due_month)


def status_name(status: str) -> str:
    return words().status_name(status)


_MONTHS_IN_PERIOD = {"quarterly": 3, "half_yearly": 6, "yearly": 12}


class DutyForm(FormDialog):
    """``duty_id`` None adds a duty; otherwise edits that duty."""

    FIELDS = ("title", "detail", "organization_id", "owner_id", "cadence", "due_day", "due_month",
              "lead_days", "priority", "starts_on", "ends_on")

    def __init__(self, store: Store, runner, lang: str, duty_id: int | None = None, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.duty_id = duty_id
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a recurring duty") if duty_id is None else self.tr("Edit a recurring duty"))
        self.setMinimumWidth(640)
        duty = get_duty(store, duty_id) if duty_id is not None else None
        self.inputs["title"] = QLineEdit()
        self.inputs["title"].setPlaceholderText(self.tr("e.g. Monthly report on the Front's work to the province"))
        detail = QPlainTextEdit()
        detail.setFixedHeight(60)
        detail.setTabChangesFocus(True)
        self.inputs["detail"] = detail
        organization = QComboBox()
        fill_organizations(organization, store, duty["organization_id"] if duty else None)
        self.inputs["organization_id"] = organization
        self.inputs["owner_id"] = PersonPicker(store)
        cadence = QComboBox()
        for value in CADENCES:
            cadence.addItem(words().cadence_name(value), value)
        cadence.setCurrentIndex(cadence.findData("monthly"))
        self.inputs["cadence"] = cadence
        due_day = QSpinBox()
        due_day.setRange(1, 31)  # the core says what fits the cadence: one message, under the field
        due_day.setValue(20)
        self.inputs["due_day"] = due_day
        self.inputs["due_month"] = QComboBox()
        lead_days = QSpinBox()
        lead_days.setRange(0, 366)
        lead_days.setValue(10)
        self.inputs["lead_days"] = lead_days
        priority = QComboBox()
        for value in PRIORITIES:
            priority.addItem(words().priority_name(value), value)
        priority.setCurrentIndex(priority.findData("normal"))
        self.inputs["priority"] = priority
        starts = QLineEdit(format_date(store.today()))
        starts.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.inputs["starts_on"] = starts
        ends = QLineEdit()
        ends.setPlaceholderText(self.tr("dd/mm/yyyy — leave empty if it never ends"))
        self.inputs["ends_on"] = ends

        # the words that name each field in a message under it
        self.names = {
            "title": self.tr("Title"), "detail": self.tr("Details"), "organization_id": self.tr("Organization"),
            "owner_id": self.tr("Owner"), "cadence": self.tr("Repeats"), "due_day": self.tr("Due day"),
            "due_month": self.tr("Due month"), "lead_days": self.tr("Create ahead (days)"),
            "priority": self.tr("Priority"), "starts_on": self.tr("Starts on"), "ends_on": self.tr("Ends on"),
        }
        labels = dict(self.names, title=self.tr("Title *"), cadence=self.tr("Repeats *"),
                      due_day=self.tr("Due day *"))
        self.hints: dict[str, QLabel] = {}
        self.form = QFormLayout()
        for name in self.FIELDS:
            below = []
            if name in ("due_day", "lead_days", "owner_id"):
                hint = QLabel()
                hint.setStyleSheet(HINT_STYLE)
                hint.setWordWrap(True)
                self.hints[name] = hint
                below.append(hint)
            self.form.addRow(labels[name], self.field_box(name, *below))
        self.hints["owner_id"].setText(self.tr("This person leads the tasks the duty makes."))
        self.hints["lead_days"].setText(self.tr("The task appears this many days before its due date."))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.save_buttons())
        cadence.currentIndexChanged.connect(lambda _i: self._cadence_changed())
        self._cadence_changed()
        if duty is not None:
            self._fill(duty)

    def _cadence_changed(self) -> None:
        """The month within the period only exists for quarters, half-years and years."""
        cadence = self.inputs["cadence"].currentData()
        months = _MONTHS_IN_PERIOD.get(cadence)
        combo: QComboBox = self.inputs["due_month"]
        kept = combo.currentData() or 1
        combo.clear()
        if months:
            if cadence == "quarterly":
                template = self.tr("Month %1 of the quarter")
            elif cadence == "half_yearly":
                template = self.tr("Month %1 of the half-year")
            else:
                template = self.tr("Month %1")
            for month in range(1, months + 1):
                combo.addItem(template.replace("%1", str(month)), month)
            combo.setCurrentIndex(min(kept, months) - 1)
        self.form.setRowVisible(self.FIELDS.index("due_month"), bool(months))
        if cadence == "weekly":
            self.hints["due_day"].setText(self.tr("Day of the week: 1 = Monday … 7 = Sunday."))
        else:
            self.hints["due_day"].setText(
                self.tr("Day of the month; in shorter months 29–31 mean the month's last day.")
            )

    def _fill(self, duty: dict[str, Any]) -> None:
        self.inputs["title"].setText(duty["title"])
        self.inputs["detail"].setPlainText(duty["detail"] or "")
        self.inputs["owner_id"].set_person(duty["owner_id"], duty["owner"] or "")
        for name in ("cadence", "priority"):
            combo = self.inputs[name]
            combo.setCurrentIndex(max(combo.findData(duty[name]), 0))
        self.inputs["due_day"].setValue(duty["due_day"])
        month = self.inputs["due_month"]
        if month.count():
            month.setCurrentIndex(max(month.findData(duty["due_month"]), 0))
        self.inputs["lead_days"].setValue(duty["lead_days"])
        self.inputs["starts_on"].setText(format_date(duty["starts_on"]))
        self.inputs["ends_on"].setText(format_date(duty["ends_on"]))

    def values(self) -> dict[str, Any]:
        i = self.inputs
        return {
            "title": i["title"].text(),
            "detail": i["detail"].toPlainText(),
            "organization_id": i["organization_id"].currentData(),
            "owner_id": i["owner_id"].person_id,
            "cadence": i["cadence"].currentData(),
            "due_day": i["due_day"].value(),
            "due_month": i["due_month"].currentData() or 1,
            "lead_days": i["lead_days"].value(),
            "priority": i["priority"].currentData(),
            "starts_on": i["starts_on"].text(),
            "ends_on": i["ends_on"].text(),
        }

    def problem_text(self, problem: InvalidValue) -> str:
        # The form's own word for the field: the core's field names are shared
        # across modules ("title" is a position's title there).
        name = self.names.get(problem.field) or messages.field_name(problem.field, self._lang)
        return messages.text(problem.code, self._lang, field_name=name, **problem.params)

    def show_problems(self, problems: list[InvalidValue], extra: dict[str, str] | None = None) -> None:
        texts = {p.field: self.problem_text(p) for p in reversed(problems)}  # the first one per field wins
        texts.update(extra or {})
        for name, label in self.errors.items():
            label.setText(texts.get(name, ""))
            label.setVisible(name in texts)
        first = next((name for name in self.FIELDS if name in texts), None)
        if first is not None:
            self.inputs[first].setFocus()
        self.adjustSize()  # grow to fit the messages, which wrap onto a second line

    def save(self) -> None:
        raw = self.values()
        picker: PersonPicker = self.inputs["owner_id"]
        if picker.text().strip() and picker.person_id is None:
            # a typed name that matches no one chosen: say so with the rest, store nothing
            try:
                check_duty(self._store, raw)
                problems: list[InvalidValue] = []
            except InvalidInput as exc:
                problems = exc.problems
            self.show_problems(problems, {"owner_id": self.tr(
                "Choose the person from the suggestions under the box, or leave it empty."
            )})
            return
        duty_id = self.duty_id

        def operation(store: Store) -> int:
            if duty_id is None:
                return add_duty(store, raw)
            update_duty(store, duty_id, raw)
            return duty_id

        self.submit(operation)

    def saved(self, duty_id: int) -> None:
        self.saved_id = duty_id
        self.accept()
