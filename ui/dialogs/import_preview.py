"""The tables of the import wizard's check step: rows as they will be stored,
problems with their Excel place, duplicates with a choice for each."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from app import messages
from app.text import format_date, mask_citizen_id

_DISPLAY, _FOREGROUND, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ForegroundRole), int(Qt.ToolTipRole)
_PROBLEM = QColor("#c0392b")
_REPAIRED = QColor("#1f618d")


_FIELD_LABELS = {
    "full_name": QT_TRANSLATE_NOOP("ImportFields", "Full name"),
    "gender": QT_TRANSLATE_NOOP("ImportFields", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("ImportFields", "Date or year of birth"),
    "birth_year_male": QT_TRANSLATE_NOOP("ImportFields", "Birth year, under “Nam”"),
    "birth_year_female": QT_TRANSLATE_NOOP("ImportFields", "Birth year, under “Nữ”"),
    "ethnicity": QT_TRANSLATE_NOOP("ImportFields", "Ethnicity"),
    "religion": QT_TRANSLATE_NOOP("ImportFields", "Religion"),
    "citizen_id": QT_TRANSLATE_NOOP("ImportFields", "Citizen ID"),
    "phone": QT_TRANSLATE_NOOP("ImportFields", "Phone"),
    "area": QT_TRANSLATE_NOOP("ImportFields", "Residential area"),
    "note": QT_TRANSLATE_NOOP("ImportFields", "Note"),
    "joined_on": QT_TRANSLATE_NOOP("ImportFields", "Date joined"),
    "row_number": QT_TRANSLATE_NOOP("ImportFields", "Row number (STT)"),
}


def field_label(field: str, lang: str) -> str:
    """What a roster column holds, in the window's language."""
    if field in _FIELD_LABELS:
        return QCoreApplication.translate("ImportFields", _FIELD_LABELS[field])
    return messages.field_name(field, lang)


class RowsModel(QAbstractTableModel):
    """Every planned row; problems in red, repairs in blue, with the reason as a tooltip."""

    COLUMNS = ("row", "full_name", "gender", "birth_date", "citizen_id", "phone", "area", "action")
    # with a "Chức vụ" column in the file: the posts as understood, before "Will be"
    WITH_ROLES = (*COLUMNS[:-1], "role", COLUMNS[-1])

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[Any] = []
        self._areas: dict[int, str] = {}
        self.columns = self.COLUMNS

    def set_rows(self, rows: list[Any], areas: dict[int, str] | None = None, *, roles: bool = False) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._areas = areas or {}
        self.columns = self.WITH_ROLES if roles else self.COLUMNS
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or orientation != Qt.Horizontal:
            return None
        headers = (QCoreApplication.translate("ImportPreview", "Excel row"), QCoreApplication.translate("ImportPreview", "Full name"), QCoreApplication.translate("ImportPreview", "Gender"), QCoreApplication.translate("ImportPreview", "Date of birth"), QCoreApplication.translate("ImportPreview", "Citizen ID"),
                   QCoreApplication.translate("ImportPreview", "Phone"), QCoreApplication.translate("ImportPreview", "Residential area"), QCoreApplication.translate("ImportPreview", "Will be"))
        if self.columns is self.WITH_ROLES:
            headers = (*headers[:-1], field_label("role", self._lang), headers[-1])
        return headers[section]

    def _text(self, planned: Any, column: str) -> str:
        values = planned.values or {}
        if column == "row":
            return str(planned.row)
        if column == "gender":
            return {"male": QCoreApplication.translate("ImportPreview", "Male"), "female": QCoreApplication.translate("ImportPreview", "Female")}.get(values.get("gender") or "", "")
        if column == "birth_date":
            return format_date(values.get("birth_date"))
        if column == "citizen_id":
            return mask_citizen_id(values.get("citizen_id"))
        if column == "area":
            return self._areas.get(values.get("area_id"), "")
        if column == "role":  # each post with its unit: "Chi hội trưởng — Chi hội Phụ nữ Thôn 1"
            return "; ".join(role.shown() for role in getattr(planned, "roles", ()))
        if column == "action":
            if planned.problems:
                return QCoreApplication.translate("ImportPreview", "left out: has problems")
            return {"insert": QCoreApplication.translate("ImportPreview", "added"), "update": QCoreApplication.translate("ImportPreview", "updates a stored person"),
                    "skip": QCoreApplication.translate("ImportPreview", "left out: duplicate")}.get(planned.action, planned.action)
        return str(values.get(column) or "")

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or role not in (_DISPLAY, _FOREGROUND, _TOOLTIP):
            return None
        planned = self._rows[index.row()]
        if role == _DISPLAY:
            return self._text(planned, self.columns[index.column()])
        if role == _FOREGROUND:
            if planned.problems:
                return QBrush(_PROBLEM)
            return QBrush(_REPAIRED) if planned.notes else None
        if planned.problems:
            return "\n".join(p.message(self._lang) for p in planned.problems)
        return self._text(planned, self.columns[index.column()]) or None  # a cut-off name, whole


class ProblemsTable(QTableWidget):
    """One line per problem: where it is in the file, the value, why."""

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(0, 4, parent)
        self._lang = lang
        self.setHorizontalHeaderLabels([QCoreApplication.translate("ImportPreview", "Excel row"), QCoreApplication.translate("ImportPreview", "Column"), QCoreApplication.translate("ImportPreview", "Value"), QCoreApplication.translate("ImportPreview", "Problem")])
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self.setWordWrap(True)

    def set_rows(self, rows: list[Any]) -> None:
        problems = [p for planned in rows for p in planned.problems]
        self.setRowCount(len(problems))
        for line, problem in enumerate(problems):
            value = "" if problem.value is None else str(problem.value)
            for column, text in enumerate((str(problem.row), problem.column, value, problem.reason(self._lang))):
                self.setItem(line, column, QTableWidgetItem(text))
        self.resizeColumnsToContents()
        self.setColumnWidth(3, max(self.columnWidth(3), 300))


class DuplicatesTable(QTableWidget):
    """Rows that match someone: on the roster already, or earlier in the file."""

    def __init__(self, lang: str, parent=None) -> None:
        super().__init__(0, 4, parent)
        self._lang = lang
        self.setHorizontalHeaderLabels([QCoreApplication.translate("ImportPreview", "Excel row"), QCoreApplication.translate("ImportPreview", "Full name"), QCoreApplication.translate("ImportPreview", "Same as"), QCoreApplication.translate("ImportPreview", "What to do")])
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.NoEditTriggers)
        self._combos: dict[int, QComboBox] = {}

    def set_rows(self, rows: list[Any], rule: str) -> None:
        self._combos.clear()
        self.setRowCount(len(rows))
        for line, planned in enumerate(rows):
            duplicate = planned.duplicate
            if duplicate.kind == "in_file":
                same = QCoreApplication.translate("ImportPreview", "row %1 of this file").replace("%1", str(duplicate.row))
            else:
                same = QCoreApplication.translate("ImportPreview", "a person already on the roster")
            reason = QCoreApplication.translate("ImportPreview", "same citizen ID") if duplicate.reason == "citizen_id" else QCoreApplication.translate("ImportPreview",
                "same name, date of birth and area")
            self.setItem(line, 0, QTableWidgetItem(str(planned.row)))
            self.setItem(line, 1, QTableWidgetItem(str((planned.values or {}).get("full_name") or "")))
            self.setItem(line, 2, QTableWidgetItem(f"{same} ({reason})"))
            combo = QComboBox()
            for label, value in ((QCoreApplication.translate("ImportPreview", "skip"), "skip"), (QCoreApplication.translate("ImportPreview", "update the stored person"), "update"),
                                 (QCoreApplication.translate("ImportPreview", "add anyway"), "add")):
                if value == "update" and duplicate.kind == "in_file":
                    continue  # nothing stored yet to update
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(rule), 0))
            self._combos[planned.row] = combo
            self.setCellWidget(line, 3, combo)
        self.resizeColumnsToContents()

    def set_rule(self, rule: str) -> None:
        for combo in self._combos.values():
            found = combo.findData(rule)
            if found >= 0:
                combo.setCurrentIndex(found)

    def choices(self) -> dict[int, str]:
        return {row: combo.currentData() for row, combo in self._combos.items()}
