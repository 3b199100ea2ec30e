"""The commune's organizations as a list to choose from, in tree order.

Indented by depth so "Chi hội Phụ nữ Thôn 1" stands under "Hội Liên hiệp
Phụ nữ" and a branch is never mistaken for the organization itself.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.db import Store
from app.domain import OrgNode, get_organization, organization_tree

INDENT = "    "


def organization_choices(store: Store) -> list[tuple[str, int]]:
    """(indented name, id) of every active organization, the Front committee first."""
    found: list[tuple[str, int]] = []

    def walk(node: OrgNode, depth: int) -> None:
        found.append((INDENT * depth + node.name, node.id))
        for child in node.children:
            walk(child, depth + 1)

    walk(organization_tree(store), 0)
    return found


def fill_organizations(combo: QComboBox, store: Store, selected: int | None = None) -> None:
    """Put the choices in ``combo`` and select ``selected`` (or the Front committee)."""
    combo.clear()
    for label, org_id in organization_choices(store):
        combo.addItem(label, org_id)
    if selected is not None and combo.findData(selected) < 0:
        # a duty of an organization closed since: keep it, never switch it silently
        combo.addItem(get_organization(store, selected)["name"], selected)
    combo.setMaxVisibleItems(20)
    combo.setCurrentIndex(max(combo.findData(selected), 0))
