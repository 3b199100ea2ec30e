"""Organizations and positions: the commune's tree on the left, each node saying
how many seats are vacant; on the right, the positions of the chosen
organization and who holds them, every vacancy in the commune, or everyone
holding several posts (kiêm nhiệm).

Lists here are bounded by the number of positions (a few per organization), not
by the roster, so they are filled whole rather than fetched lazily.
"""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.domain import (
    ConcurrentHolder,
    Holder,
    OrgNode,
    PositionView,
    concurrent_holders,
    get_organization,
    get_position,
    organization_tree,
    positions_of,
)
from app.domain import vacancies as all_vacancies
from app.text import format_date
from ui.dialogs.appointment_dialogs import AddPositionDialog, AppointDialog, EndAppointmentDialog, SeatsDialog
from ui.dialogs.area_dialogs import AddAreaDialog, RenameDialog
from ui.runtime.events import keep_current

VACANT_COLOUR = QColor("#b9770e")  # amber, as the vacancy card of the overview
QUIET_COLOUR = QColor("#6b7280")
KIND, ID, PERSON, ORG = Qt.UserRole, Qt.UserRole + 1, Qt.UserRole + 2, Qt.UserRole + 3


def _item(parent, texts: list[str], kind: str, row_id: int, *, centred: tuple[int, ...] = (),
          person: int | None = None, org: int | None = None) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, texts)
    for column, text in enumerate(texts):
        if text:
            item.setToolTip(column, text)  # a cut-off name or note can still be read whole
    item.setData(0, KIND, kind)
    item.setData(0, ID, row_id)
    if person is not None:
        item.setData(0, PERSON, person)
    if org is not None:
        item.setData(0, ORG, org)
    for column in centred:
        item.setTextAlignment(column, Qt.AlignCenter)
    return item


def _list(headers: list[str], widths: tuple[int, ...]) -> QTreeWidget:
    view = QTreeWidget()
    view.setHeaderLabels(headers)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setUniformRowHeights(True)
    view.setTextElideMode(Qt.ElideMiddle)
    header = view.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.Interactive)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


class OrganizationsPage(QWidget):
    person_requested = Signal(int)

    BY_ORGANIZATION, VACANCIES, CONCURRENT = range(3)

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self._org_id: int | None = None
        self._orgs: dict[int, OrgNode] = {}
        self._items: dict[int, QTreeWidgetItem] = {}
        self._shown: dict[int, PositionView] = {}
        self._concurrent: dict[int, ConcurrentHolder] = {}
        self.dialog = None  # the last dialog opened, for tests and the screenshot command

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(280)
        # long names with their vacancy count: scroll sideways rather than cut the count off
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._tree_moved)

        self.org_title = QLabel()
        self.org_title.setObjectName("sectionTitle")
        self.org_title.setWordWrap(True)
        self.org_summary = QLabel()
        self.appoint_button = QPushButton(self.tr("Appoint…"))
        self.appoint_button.clicked.connect(lambda: self.open_appoint())
        self.end_button = QPushButton(self.tr("End appointment…"))
        self.end_button.clicked.connect(lambda: self.open_end_appointment())
        self.seats_button = QPushButton(self.tr("Change seats…"))
        self.seats_button.clicked.connect(lambda: self.open_seats())
        self.add_position_button = QPushButton(self.tr("Add a position…"))
        self.add_position_button.clicked.connect(lambda: self.open_add_position())
        self.positions = _list(
            [self.tr("Position / holder"), self.tr("Seats"), self.tr("Filled"), self.tr("Vacant"),
             self.tr("Since"), self.tr("Note")],
            (250, 60, 60, 60, 96),
        )
        self.positions.itemSelectionChanged.connect(self._enable_actions)
        self.positions.itemDoubleClicked.connect(self._position_activated)
        self.empty_hint = QLabel(self.tr(
            "This organization has no positions of its own. Choose its work committee or a branch in the tree, "
            "or add a position."))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        actions = QHBoxLayout()
        for button in (self.appoint_button, self.end_button, self.seats_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.add_position_button)
        by_org = QWidget()
        box = QVBoxLayout(by_org)
        box.addWidget(self.org_title)
        box.addWidget(self.org_summary)
        box.addLayout(actions)
        box.addWidget(self.empty_hint)
        box.addWidget(self.positions, 1)

        self.vacancy_summary = QLabel()
        self.vacancy_list = _list(
            [self.tr("Organization"), self.tr("Position"), self.tr("Seats"), self.tr("Filled"), self.tr("Vacant")],
            (280, 180, 60, 60),
        )
        self.vacancy_list.setRootIsDecorated(False)
        self.vacancy_list.itemDoubleClicked.connect(self._vacancy_activated)
        self.vacancy_appoint_button = QPushButton(self.tr("Appoint…"))
        self.vacancy_appoint_button.clicked.connect(self._appoint_to_vacancy)
        self.vacancy_list.itemSelectionChanged.connect(
            lambda: self.vacancy_appoint_button.setEnabled(bool(self.vacancy_list.selectedItems())))
        top = QHBoxLayout()
        top.addWidget(self.vacancy_summary, 1)
        top.addWidget(self.vacancy_appoint_button)
        vacant_tab = QWidget()
        box = QVBoxLayout(vacant_tab)
        box.addLayout(top)
        box.addWidget(self.vacancy_list, 1)
        box.addWidget(QLabel(self.tr("Double-click a row to open its organization.")))

        self.concurrent_summary = QLabel()
        self.concurrent_list = _list([self.tr("Person / position"), self.tr("Organization")], (330,))
        self.concurrent_list.itemDoubleClicked.connect(self._concurrent_activated)
        concurrent_tab = QWidget()
        box = QVBoxLayout(concurrent_tab)
        box.addWidget(self.concurrent_summary)
        box.addWidget(self.concurrent_list, 1)
        box.addWidget(QLabel(self.tr(
            "Double-click a name to open the person's card, or a position to open its organization.")))

        self.tabs = QTabWidget()
        self.tabs.addTab(by_org, self.tr("By organization"))
        self.tabs.addTab(vacant_tab, "")
        self.tabs.addTab(concurrent_tab, "")
        self.add_area_button = QPushButton(self.tr("Add a residential area…"))
        self.add_area_button.clicked.connect(lambda: self.open_add_area())
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(lambda: self.open_rename())
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        tree_actions = QHBoxLayout()
        tree_actions.addWidget(self.add_area_button)
        tree_actions.addWidget(self.rename_button)
        tree_actions.addStretch(1)
        left_box.addLayout(tree_actions)
        left_box.addWidget(self.tree, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 860])
        title = QLabel(self.tr("Organizations and positions"))
        title.setObjectName("pageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        self.refresh()

    # -- public -------------------------------------------------------------
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("organizations_changed", "positions_changed", "people_changed"),
                     self.refresh)

    def refresh(self) -> None:
        """Read everything again, keeping the chosen organization and row."""
        row = self._selected_row()
        vacant = all_vacancies(self._store)
        self._concurrent = {h.person_id: h for h in concurrent_holders(self._store)}
        self._fill_tree(vacant)
        self._fill_vacancies(vacant)
        self._fill_concurrent()
        org_id = self._org_id if self._org_id in self._orgs else self._root_id
        self.tree.blockSignals(True)  # a refresh must not switch away from the list being read
        self._select_node(org_id)
        self.tree.blockSignals(False)
        self._show_organization(org_id)
        if row is not None:
            self._select_row(*row)

    def select_organization(self, org_id: int, position_id: int | None = None) -> None:
        self.tabs.setCurrentIndex(self.BY_ORGANIZATION)
        if org_id not in self._orgs:  # inactive, or made since the last refresh
            self.refresh()
        if org_id in self._orgs:
            self._select_node(org_id)
            if position_id is not None:
                self._select_row("position", position_id)

    def show_vacancies(self) -> None:
        self._fill_vacancies(all_vacancies(self._store))
        self.tabs.setCurrentIndex(self.VACANCIES)

    def show_concurrent(self) -> None:
        self._concurrent = {h.person_id: h for h in concurrent_holders(self._store)}
        self._fill_concurrent()
        self.tabs.setCurrentIndex(self.CONCURRENT)

    def open_appoint(self, position_id: int | None = None) -> AppointDialog | None:
        position_id = position_id or self._selected_position_id()
        if position_id is None:
            return None
        view = get_position(self._store, position_id)
        return self._open(AppointDialog(self._store, self._runner, self._lang, view,
                                        self._org_name(view.organization_id), parent=self))

    def open_end_appointment(self, appointment_id: int | None = None) -> EndAppointmentDialog | None:
        """For a holder of the organization on screen (the selected one when no id is given)."""
        if appointment_id is None:
            row = self._selected_row()
            appointment_id = row[1] if row and row[0] == "holder" else None
        found = next(((h, v) for v in self._shown.values() for h in v.holders
                      if h.appointment_id == appointment_id), None)
        if found is None:
            return None
        holder, view = found
        return self._open(EndAppointmentDialog(self._store, self._runner, self._lang, holder, view,
                                               self._org_name(view.organization_id), parent=self))

    def open_seats(self, position_id: int | None = None) -> SeatsDialog | None:
        position_id = position_id or self._selected_position_id()
        if position_id is None:
            return None
        view = get_position(self._store, position_id)
        return self._open(SeatsDialog(self._store, self._runner, self._lang, view,
                                      self._org_name(view.organization_id), parent=self))

    def open_add_position(self) -> AddPositionDialog | None:
        if self._org_id is None:
            return None
        return self._open(AddPositionDialog(self._store, self._runner, self._lang, self._org_id,
                                            self._org_name(self._org_id), parent=self))

    # -- the tree ---------------------------------------------------------------

    def _fill_tree(self, vacant) -> None:
        expanded = {org_id for org_id, item in self._items.items() if item.isExpanded()}
        own = Counter()
        for v in vacant:
            own[v.organization_id] += v.vacant
        root = organization_tree(self._store)
        self._root_id = root.id
        self._orgs.clear()
        self._items.clear()
        self.tree.blockSignals(True)
        self.tree.clear()
        self._add_node(self.tree, root, own)
        for org_id, item in self._items.items():
            item.setExpanded(org_id in expanded or (not expanded and org_id == root.id))
        self.tree.blockSignals(False)

    def _add_node(self, parent, node: OrgNode, own: Counter) -> int:
        """Add ``node`` and its subtree; returns the vacant seats in the subtree."""
        item = QTreeWidgetItem(parent)
        item.setData(0, ID, node.id)
        self._orgs[node.id] = node
        self._items[node.id] = item
        below = sum(self._add_node(item, child, own) for child in node.children)
        mine = own.get(node.id, 0)
        item.setText(0, self._node_label(node.name, mine, below))
        item.setToolTip(0, f"{node.name}\n{self._kind_name(node.kind)}")
        if mine:
            item.setForeground(0, VACANT_COLOUR)
        return mine + below

    def _node_label(self, name: str, mine: int, below: int) -> str:
        if mine and below:
            return self.tr("%1 (%2 vacant, %3 below)").replace("%1", name).replace("%2", str(mine)).replace(
                "%3", str(below))
        if mine:
            return self.tr("%1 (%2 vacant)").replace("%1", name).replace("%2", str(mine))
        if below:
            return self.tr("%1 (%2 vacant below)").replace("%1", name).replace("%2", str(below))
        return name

    def _kind_name(self, kind: str) -> str:
        return {
            "front_committee": self.tr("Front committee"),
            "member_org": self.tr("Member organization"),
            "residential_area": self.tr("Residential area"),
            "work_committee": self.tr("Front work committee"),
            "branch": self.tr("Branch"),
        }.get(kind, kind)

    def _select_node(self, org_id: int) -> None:
        item = self._items[org_id]
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)

    def _tree_moved(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.tabs.setCurrentIndex(self.BY_ORGANIZATION)
            self._show_organization(current.data(0, ID))

    def _org_name(self, org_id: int) -> str:
        node = self._orgs.get(org_id)
        return node.name if node else get_organization(self._store, org_id)["name"]

    # -- positions of one organization -------------------------------------------

    def _show_organization(self, org_id: int) -> None:
        self._org_id = org_id
        node = self._orgs[org_id]
        views = positions_of(self._store, org_id)
        self._shown = {v.id: v for v in views}
        self.org_title.setText(node.name)
        seats = sum(v.seats for v in views)
        vacant = sum(v.vacant for v in views)
        self.org_summary.setText(
            self.tr("%1 — %2 positions, %3 seats, %4 vacant").replace("%1", self._kind_name(node.kind))
            .replace("%2", str(len(views))).replace("%3", str(seats)).replace("%4", str(vacant)))
        self.positions.clear()
        bold = QFont(self.positions.font())
        bold.setBold(True)
        for view in views:
            top = _item(self.positions, [view.title, str(view.seats), str(view.filled), str(view.vacant), "", ""],
                        "position", view.id, centred=(1, 2, 3))
            top.setFont(0, bold)
            if view.vacant:
                top.setForeground(3, VACANT_COLOUR)
                top.setFont(3, bold)
            for holder in view.holders:
                self._add_holder(top, view, holder)
            if view.vacant:
                gap = _item(top, [self.tr("%Ln seat(s) vacant — double-click to appoint", "", view.vacant)],
                            "vacant", view.id)
                gap.setForeground(0, VACANT_COLOUR)
                gap.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.empty_hint.setVisible(not views)
        self.positions.setVisible(bool(views))
        if views:  # the buttons are ready at once, for the first position
            self.positions.setCurrentItem(self.positions.topLevelItem(0))
        self._enable_actions()

    def _add_holder(self, top: QTreeWidgetItem, view: PositionView, holder: Holder) -> None:
        name = holder.full_name
        if holder.acting:
            name = self.tr("%1 (acting)").replace("%1", name)
        notes = []
        if holder.end_on:
            notes.append(self.tr("last day %1").replace("%1", format_date(holder.end_on)))
        if holder.positions_held > 1:
            notes.append(self.tr("concurrent: %1 posts").replace("%1", str(holder.positions_held)))
        row = _item(top, [name, "", "", "", format_date(holder.start_on), "; ".join(notes)], "holder",
                    holder.appointment_id, person=holder.person_id)
        others = self._concurrent.get(holder.person_id)
        if holder.positions_held > 1 and others is not None:
            lines = [f"• {p.title} — {p.organization}" for p in others.held if p.position_id != view.id]
            tip = self.tr("Also holds:") + "\n" + "\n".join(lines)
            for column in (0, 5):
                row.setToolTip(column, tip)

    def _selected_row(self) -> tuple[str, int] | None:
        items = self.positions.selectedItems()
        if not items:
            return None
        return items[0].data(0, KIND), items[0].data(0, ID)

    def _selected_position_id(self) -> int | None:
        items = self.positions.selectedItems()
        if not items:
            return None
        item = items[0]
        if item.data(0, KIND) == "holder":
            item = item.parent()
        return item.data(0, ID)

    def _select_row(self, kind: str, row_id: int) -> None:
        for index in range(self.positions.topLevelItemCount()):
            top = self.positions.topLevelItem(index)
            for item in [top] + [top.child(i) for i in range(top.childCount())]:
                if item.data(0, KIND) == kind and item.data(0, ID) == row_id:
                    self.positions.setCurrentItem(item)
                    return

    def _enable_actions(self) -> None:
        row = self._selected_row()
        self.appoint_button.setEnabled(row is not None)
        self.seats_button.setEnabled(row is not None)
        self.end_button.setEnabled(row is not None and row[0] == "holder")
        self.add_position_button.setEnabled(self._org_id is not None)

    def _position_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KIND)
        if kind == "holder":
            self.person_requested.emit(item.data(0, PERSON))
        elif kind == "vacant":
            self.open_appoint(item.data(0, ID))

    # -- the commune-wide lists ------------------------------------------------------

    def _fill_vacancies(self, vacant) -> None:
        self.vacancy_list.clear()
        for v in vacant:
            row = _item(self.vacancy_list, [v.organization, v.title, str(v.seats), str(v.filled), str(v.vacant)],
                        "vacancy", v.position_id, centred=(2, 3, 4), org=v.organization_id)
            row.setForeground(4, VACANT_COLOUR)
        seats = sum(v.vacant for v in vacant)
        self.vacancy_summary.setText(
            self.tr("%1 vacant seats in %2 positions").replace("%1", str(seats)).replace("%2", str(len(vacant)))
            if vacant else self.tr("Every position is filled."))
        self.tabs.setTabText(self.VACANCIES, self.tr("Vacant positions (%1)").replace("%1", str(len(vacant))))
        self.vacancy_appoint_button.setEnabled(False)

    def _vacancy_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.select_organization(item.data(0, ORG), item.data(0, ID))

    def _appoint_to_vacancy(self) -> None:
        items = self.vacancy_list.selectedItems()
        if items:
            self.open_appoint(items[0].data(0, ID))

    def _fill_concurrent(self) -> None:
        self.concurrent_list.clear()
        for holder in self._concurrent.values():
            top = _item(self.concurrent_list, [holder.full_name, self.tr("%Ln posts", "", len(holder.held))],
                        "person", holder.person_id, person=holder.person_id)
            for post in holder.held:
                _item(top, [post.title, post.organization], "post", post.position_id, org=post.organization_id)
            top.setExpanded(True)
        count = len(self._concurrent)
        self.concurrent_summary.setText(
            self.tr("%Ln people hold more than one position.", "", count) if count
            else self.tr("Nobody holds more than one position."))
        self.tabs.setTabText(self.CONCURRENT, self.tr("Concurrent holders (%1)").replace("%1", str(count)))

    def _concurrent_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, KIND) == "person":
            self.person_requested.emit(item.data(0, PERSON))
        else:
            self.select_organization(item.data(0, ORG), item.data(0, ID))

    def open_add_area(self) -> AddAreaDialog:
        """A new thôn/ấp/tổ dân phố; selected in the tree once made."""
        dialog = self._open(AddAreaDialog(self._store, self._runner, self._lang, parent=self))
        # after the refresh _open connected: the new area is in the tree by then
        dialog.accepted.connect(lambda: dialog.saved_id and self.select_organization(dialog.saved_id))
        return dialog

    def open_rename(self, org_id: int | None = None) -> RenameDialog | None:
        org_id = org_id or self._org_id
        node = self._orgs.get(org_id) if org_id is not None else None
        if node is None:
            return None
        return self._open(RenameDialog(self._store, self._runner, self._lang, node.id, node.name, node.short_name,
                                       parent=self))

    def _open(self, dialog):
        dialog.accepted.connect(self.refresh)
        dialog.open()
        self.dialog = dialog
        return dialog
