"""Add a residential area (thôn, ấp, bản, tổ dân phố) or rename an organization.

A new area comes with its Front work committee and a branch of each member
organization, each with its usual positions (``app.domain.organizations``), so the
person form, the import and the positions page can use it at once.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from app.db import Store
from app.domain import add_residential_area, rename_organization
from ui.dialogs.appointment_dialogs import PositionDialog


class AddAreaDialog(PositionDialog):
    REFUSALS = {"organization.duplicate": "name"}

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Add a residential area"))
        self.heading.setText(self.tr(
            "A thôn, ấp, bản or tổ dân phố. Its Front work committee and the branches of the member "
            "organizations are made with it."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Thôn Đông, Tổ dân phố 5"))
        self.short_name = QLineEdit()
        self.add_field("name", self.tr("Name *"), self.name)
        self.add_field("short_name", self.tr("Short name"), self.short_name)

    def save(self) -> None:
        name, short = self.name.text(), self.short_name.text().strip() or None
        self.submit(lambda store: add_residential_area(store, name, short_name=short))

    def saved(self, result: Any) -> None:
        self.saved_id = result
        super().saved(result)


class RenameDialog(PositionDialog):
    REFUSALS = {"organization.duplicate": "name"}

    def __init__(self, store: Store, runner, lang: str, org_id: int, name: str, short_name: str | None,
                 parent=None) -> None:
        super().__init__(store, runner, lang, parent)
        self.org_id = org_id
        self.setWindowTitle(self.tr("Rename"))
        self.heading.setText(name)
        self.name = QLineEdit(name)
        self.short_name = QLineEdit(short_name or "")
        self.add_field("name", self.tr("Name *"), self.name)
        self.add_field("short_name", self.tr("Short name"), self.short_name)

    def save(self) -> None:
        org_id, name, short = self.org_id, self.name.text(), self.short_name.text().strip() or None
        self.submit(lambda store: rename_organization(store, org_id, name, short))
