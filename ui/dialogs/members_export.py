"""The member list as an Excel file, from the Reports page
(``app.reports.member_list.export_members``): everyone, or one organization or
residential area. Citizen IDs masked and no ethnicity or religion unless the
person ticks them, with a warning while they are ticked. The export streams
and reports every thousand rows, so 50,000 people show a moving bar.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.db import Store
from app.domain import get_commune
from app.errors import FrontDeskError
from app.reports import RosterExport, export_members
from app.spreadsheets import check_target
from app.text import fold
from ui.runtime.errors import show_error
from ui.runtime.progress import LongTask
from ui.widgets.file_result import FileResult, OpenUrl, with_xlsx_suffix
from ui.widgets.organization_choices import organization_choices

__all__ = ["MembersExportBox", "members_file_name"]

WARNING_COLOUR = "#9a6700"


def members_file_name(commune_code: str, organization: str | None, today: date) -> str:
    """``DanhSach_00004_ChiHoiPhuNuThonDong_2026-11-22.xlsx``: which list, and of when."""
    words = "".join(w.capitalize() for w in fold(organization).split() if w.isalnum()) if organization else ""
    parts = ["DanhSach", commune_code] + ([words[:40]] if words else []) + [today.isoformat()]
    return "_".join(parts) + ".xlsx"


class MembersExportBox(QFrame):
    """``list_saved(path)`` once a list is written."""

    list_saved = Signal(str)

    def __init__(self, store: Store, runner, lang: str, *, documents: Path, open_url: OpenUrl | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        heading = QLabel(self.tr("Member list in Excel"))
        heading.setObjectName("sectionTitle")
        self._store, self._runner, self._lang, self._documents = store, runner, lang, documents
        self.task: LongTask | None = None
        self.organization = QComboBox()
        self.organization.setMaxVisibleItems(20)
        self.organization.setMinimumContentsLength(28)
        self.with_citizen_id = QCheckBox(self.tr("Citizen ID numbers in full (otherwise 001******890)"))
        self.with_ethnicity_religion = QCheckBox(self.tr("Ethnicity and religion columns"))
        # sensitive data (Law 91/2025/QH15): filled only for people with a recorded basis, and the export
        # is written to the change log with its purpose
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("Why these columns are needed (written to the change log), "
                                                "e.g. báo cáo thành phần dân tộc cho Ban Dân tộc"))
        self.purpose.setEnabled(False)
        self.with_ethnicity_religion.toggled.connect(self.purpose.setEnabled)
        self.privacy = QLabel(self.tr(
            "⚠ Personal data: keep this file on the office computer and send it only to whoever needs it."))
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet(f"color: {WARNING_COLOUR};")
        for box in (self.with_citizen_id, self.with_ethnicity_religion):
            box.toggled.connect(lambda _on: self._show_privacy())
        self.save_button = QPushButton(self.tr("Save the list as…"))
        self.save_button.clicked.connect(self.save)
        self.result = FileResult(open_url)
        caption = QLabel(self.tr("Who is on the list:"))
        caption.setStyleSheet("font-weight: 600;")
        hint = QLabel(self.tr("Sorted by given name, the Vietnamese way. People who moved away or died are "
                              "left out."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        who = QHBoxLayout()
        who.addWidget(caption)
        who.addWidget(self.organization, 1)
        box.addLayout(who)
        box.addWidget(hint)
        box.addSpacing(6)
        box.addWidget(self.with_citizen_id)
        box.addWidget(self.with_ethnicity_religion)
        box.addWidget(self.purpose)
        box.addWidget(self.privacy)
        box.addSpacing(6)
        box.addLayout(buttons)
        box.addWidget(self.result)
        box.addStretch(1)
        self._show_privacy()
        self.refresh()

    def refresh(self) -> None:
        """The organizations again (one may have been added), keeping the choice."""
        keep = self.organization.currentData()
        self.organization.clear()
        self.organization.addItem(self.tr("Everyone in the commune"), None)
        for label, org_id in organization_choices(self._store):
            self.organization.addItem(label, org_id)
        self.organization.setCurrentIndex(max(self.organization.findData(keep), 0))

    def _show_privacy(self) -> None:
        self.privacy.setVisible(self.with_citizen_id.isChecked() or self.with_ethnicity_religion.isChecked())
        self.purpose.setVisible(self.with_ethnicity_religion.isChecked())

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def chosen_organization(self) -> tuple[int | None, str | None]:
        org_id = self.organization.currentData()
        return org_id, (self.organization.currentText().strip() if org_id is not None else None)

    def suggested_path(self) -> Path:
        _org_id, name = self.chosen_organization()
        return self._documents / members_file_name(get_commune(self._store).code, name, self._store.today())

    def save(self) -> None:
        if self.busy:
            return
        if self.with_ethnicity_religion.isChecked() and not self.purpose.text().strip():
            self.privacy.setText(self.tr("⚠ Say why the ethnicity and religion columns are needed: the export of "
                                         "sensitive data is written to the change log with its purpose."))
            self.purpose.setFocus()
            return
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the member list"),
                                                      str(self.suggested_path()), self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = with_xlsx_suffix(chosen)
        try:
            check_target(path)
        except FrontDeskError as exc:
            show_error(self, exc, self._lang)
            return
        org_id, _name = self.chosen_organization()
        citizen_id, ethnicity_religion = self.with_citizen_id.isChecked(), self.with_ethnicity_religion.isChecked()
        purpose = self.purpose.text().strip() if ethnicity_religion else None

        def work(store: Store, progress) -> RosterExport:
            return export_members(store, path, org_id=org_id, with_citizen_id=citizen_id,
                                  with_ethnicity_religion=ethnicity_religion, purpose=purpose, progress=progress)

        self.result.clear()
        self.save_button.setEnabled(False)
        self.task = self._runner.run_long(
            self.window(), self.tr("Member list"), work, lambda done: self._saved(done, citizen_id, ethnicity_religion),
            self._failed, lambda: self.save_button.setEnabled(True),
            uses="write" if ethnicity_religion else "read",  # sensitive columns: the export goes in the change log
            stages={"members": self.tr("Writing the list…")}, lang=self._lang)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_error(self, error, self._lang, str(self._store.path))

    def _saved(self, done: RosterExport, citizen_id: bool, ethnicity_religion: bool) -> None:
        self.save_button.setEnabled(True)
        message = self.tr("Saved a list of %Ln people.", "", done.rows)
        if done.organization:
            message = self.tr("The list of %1 is saved: %Ln people.", "", done.rows).replace("%1", done.organization)
        hidden = []
        if not citizen_id:
            hidden.append(self.tr("citizen IDs masked"))
        if not ethnicity_religion:
            hidden.append(self.tr("no ethnicity or religion"))
        note = self.tr("Personal data left out: %1.").replace("%1", ", ".join(hidden)) if hidden else ""
        if ethnicity_religion and done.with_basis is not None and done.with_basis < done.rows:
            note = (note + " " if note else "") + self.tr(
                "Ethnicity and religion filled in for %1 of %2 people: the others have no consent or legal basis "
                "recorded.").replace("%1", str(done.with_basis)).replace("%2", str(done.rows))
        self.result.show_file(message, done.path, note)
        self.list_saved.emit(str(done.path))
