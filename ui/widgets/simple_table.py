"""Small read-only tables (tens of rows, read whole): duties, a person's posts and tasks.

Lists that can grow to thousands use a lazy model instead (``ui/people_model.py``).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

RED, GREY = QColor("#c0392b"), QColor("#888888")


def make_table(headers: list[str], widths: tuple[int, ...], stretch: int | None = None) -> QTableWidget:
    """Whole rows selected, nothing edited in place; ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    # cut long text in the middle: "Ban công tác Mặt trận … Bản Phiêng Pần" keeps what tells rows apart
    table.setTextElideMode(Qt.ElideMiddle)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    metrics = header.fontMetrics()
    for column, width in enumerate(widths):
        # never narrower than its heading: Vietnamese headings run longer than English ones
        table.setColumnWidth(column, max(width, metrics.horizontalAdvance(headers[column]) + 24))
    if stretch is None:
        header.setStretchLastSection(True)
    else:  # the long text takes what is left, so the short columns never scroll away
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return table


def fill_row(table: QTableWidget, row: int, cells: tuple[str, ...], row_id: int,
             colours: dict[int, QColor] | None = None) -> None:
    """Put ``cells`` in ``row``; every cell carries ``row_id`` (``row_id_at``) and a tooltip."""
    for column, text in enumerate(cells):
        item = QTableWidgetItem(text)
        item.setToolTip(text)  # cut-off titles can still be read
        item.setData(Qt.UserRole, row_id)
        colour = (colours or {}).get(column)
        if colour is not None:
            item.setForeground(QBrush(colour))
        table.setItem(row, column, item)


def row_id_at(table: QTableWidget, row: int) -> int | None:
    item = table.item(row, 0)
    return item.data(Qt.UserRole) if item is not None else None


def selected_row(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None
