"""Long text is cut in the middle, where it does not tell rows apart (a
weekly meeting's title keeps its week, a work committee keeps its area), and
is there whole in a tooltip."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from ui.main_window import MainWindow
from ui.runtime.runner import ImmediateRunner


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("elide") / "xa.sqlite3"
    build_demo(path, people=400, seed=8, clock=FixedClock(date(2026, 11, 22)))
    return path


@pytest.fixture
def window(qtbot, demo_db, clock):
    store = open_store(demo_db, clock=clock)
    w = MainWindow(store, runner=ImmediateRunner(store), lang="vi")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.close()
    QApplication.processEvents()
    store.close()


def test_the_lists_cut_long_text_in_the_middle(window):
    for key in ("tasks", "people", "changes"):
        assert window.pages[key].table.textElideMode() == Qt.ElideMiddle, key
    assert window.pages["duties"].table.textElideMode() == Qt.ElideMiddle  # the small tables too


def test_a_cut_task_and_its_organization_are_whole_in_the_tooltip(window):
    page = window.pages["tasks"]
    model = page.model
    for row in range(min(model.rowCount(), 40)):
        title = model.index(row, 0)
        org = model.index(row, model.COLUMNS.index("organization"))
        assert model.data(title, Qt.ToolTipRole).startswith(model.data(title, Qt.DisplayRole))
        shown, whole = model.data(org, Qt.DisplayRole), model.data(org, Qt.ToolTipRole)
        assert len(whole) >= len(shown)  # the full name, where the list shows a short one


def test_the_positions_of_an_organization_carry_their_text_as_tooltips(window):
    page = window.pages["organizations"]
    view = page.positions
    assert view.textElideMode() == Qt.ElideMiddle
    items = [view.topLevelItem(i) for i in range(view.topLevelItemCount())]
    cells = [(item.child(n), column) for item in items for n in range(item.childCount()) for column in (0, 5)]
    written = [(row, column) for row, column in cells if row.text(column)]
    # each holder's name and note can be read whole: itself, or more (the other posts of a concurrent holder)
    assert written and all(row.toolTip(column) == row.text(column)
                           or row.toolTip(column).startswith(("Also holds:", "Đồng thời giữ:"))
                           for row, column in written)
