"""People page: the commune's roster with search as you type and filters."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import Store
from app.domain import residential_areas, roster_ids
from ui.dialogs.person_card import PersonCard
from ui.dialogs.person_form import PersonForm
from ui.models.people_model import PeopleModel
from ui.runtime.events import keep_current

SEARCH_DELAY_MS = 120  # wait for a pause in typing, not for every key
FIRST_SCREEN = 100  # rows read at once; the rest of the list follows when idle


class PeoplePage(QWidget):
    task_requested = Signal(int)  # a task chosen on a person's card

    def __init__(self, store: Store, runner, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, phone, citizen ID or area — no accents needed"))
        self.search.setClearButtonEnabled(True)
        self.area = QComboBox()
        self.status = QComboBox()
        for label, value in (
            (self.tr("Active"), "active"), (self.tr("Moved away"), "moved"),
            (self.tr("Deceased"), "deceased"), (self.tr("Everyone"), None),
        ):
            self.status.addItem(label, value)
        self.count = QLabel()
        self.model = PeopleModel(store, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setTextElideMode(Qt.ElideMiddle)  # long names and areas keep both ends in sight
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((230, 100, 70, 120, 110)):
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Area:")))
        filters.addWidget(self.area, 1)
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.status)
        self.add_button = QPushButton(self.tr("Add a person…"))
        self.add_button.setToolTip(self.tr("Ctrl+N"))
        self.add_button.clicked.connect(self.add_person)
        filters.addWidget(self.add_button)
        self.import_button = QPushButton(self.tr("Import from Excel…"))
        self.import_button.setToolTip(self.tr("Add the people of a roster kept in Excel (Ctrl+I)"))
        self.import_button.clicked.connect(self.import_roster)
        filters.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("People"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

        self._rest_of_list: dict | None = None
        self._rest_timer = QTimer(self, singleShot=True, interval=0)
        self._rest_timer.timeout.connect(self._read_rest_of_list)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.area.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        QShortcut(QKeySequence.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence.New, self, activated=self.add_person)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.import_roster)
        # double-click or Enter: the person's card; its Edit… opens the form
        self.table.activated.connect(lambda index: self.show_person(self.model.person_id(index.row())))
        self.reload_areas()
        self.refresh()
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("people_changed", "organizations_changed"), self._read_again)

    def import_roster(self):
        """The import wizard; the list refreshes after an import."""
        from ui.dialogs.import_wizard import open_import_wizard  # Excel reading loads only when asked for

        wizard = open_import_wizard(self._store, self._runner, self._lang, parent=self)
        wizard.imported.connect(lambda _result: (self.reload_areas(), self.refresh()))
        return wizard

    def add_person(self) -> None:
        self._open_form(None)

    def edit_person(self, person_id: int | None) -> None:
        if person_id is not None:
            self._open_form(person_id)

    def show_person(self, person_id: int) -> PersonCard:
        card = PersonCard(self._store, self._runner, self._lang, person_id, parent=self)
        card.task_requested.connect(self.task_requested)
        card.person_changed.connect(lambda _id: self.refresh())
        card.open()
        return card

    def _open_form(self, person_id: int | None) -> PersonForm:
        form = PersonForm(self._store, self._runner, self._lang, person_id, parent=self)
        form.accepted.connect(self.refresh)
        form.open()
        return form

    def focus_search(self) -> None:
        self.search.setFocus(Qt.ShortcutFocusReason)
        self.search.selectAll()

    def _read_again(self) -> None:
        self.reload_areas()
        self.refresh()

    def reload_areas(self) -> None:
        current = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("All areas"), None)
        for area in residential_areas(self._store):
            self.area.addItem(area["name"], area["id"])
        index = self.area.findData(current)
        self.area.setCurrentIndex(max(index, 0))
        self.area.blockSignals(False)

    def refresh(self) -> None:
        """The first screen at once, the rest of the list right after: typing
        "ng" into 100,000 people shows its first rows in a few milliseconds,
        then the whole list (and its count) arrives when the window is idle."""
        wanted = {"text": self.search.text(), "area_id": self.area.currentData(),
                  "status": self.status.currentData()}
        ids = roster_ids(self._store, **wanted, limit=FIRST_SCREEN)
        self.model.set_ids(ids)
        if len(ids) < FIRST_SCREEN:
            self._rest_of_list = None
            self.count.setText(self.tr("%Ln people", "", len(ids)))
            return
        self._rest_of_list = wanted
        self.count.setText(self.tr("Counting…"))
        self._rest_timer.start()

    def _read_rest_of_list(self) -> None:
        wanted, self._rest_of_list = self._rest_of_list, None
        if wanted is None:
            return
        ids = roster_ids(self._store, **wanted)
        self.model.extend_ids(ids)
        self.count.setText(self.tr("%Ln people", "", len(ids)))
