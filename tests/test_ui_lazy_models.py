"""The lazy list models answer a cell's roles in one call (Qt 6's multiData),
the same as role by role, and what the view's delegate paints is that answer."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.people_list import roster_ids
from app.domain.petitions import petition_ids
from ui.models.people_model import PeopleModel
from ui.models.register_models import PetitionsModel

ROLES = (Qt.DisplayRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.TextAlignmentRole, Qt.FontRole,
         Qt.DecorationRole, Qt.CheckStateRole, Qt.BackgroundRole)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "demo.sqlite3"
    build_demo(path, people=400, seed=4, clock=FixedClock(date(2026, 11, 22)))
    return path


def _one_call(model, index, role):
    slot = QModelRoleData(int(role))
    model.multiData(index, QModelRoleDataSpan(slot))
    return slot.data()


def _models(store):
    people = PeopleModel(store)
    people.set_ids(roster_ids(store)[:50])
    petitions = PetitionsModel(store, "vi")
    petitions.set_ids(petition_ids(store)[:50])
    return people, petitions


def test_one_call_per_cell_answers_what_each_role_answers(qapp, demo_db):
    with open_store(demo_db) as store:
        for model in _models(store):
            assert model.rowCount() > 10
            shown = 0
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    for role in ROLES:
                        expected = model.data(index, role)
                        assert _one_call(model, index, role) == expected, (type(model).__name__, row, column, role)
                        shown += role == Qt.DisplayRole and bool(expected)
            assert shown > model.rowCount()  # real texts were compared, not only empty answers


def test_the_delegate_paints_the_models_text(qapp, demo_db):
    with open_store(demo_db) as store:
        people, _petitions = _models(store)
        delegate = QStyledItemDelegate()
        for row in range(5):
            index = people.index(row, 0)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            assert option.text == people.data(index, Qt.DisplayRole) != ""
