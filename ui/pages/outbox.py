"""Outbox page ("Gửi báo cáo"): what was sent, what is waiting and why.

The outbox is small (a few reports a month), so the list is read whole. It
refreshes whenever the outbox changes (``SyncService.outbox_changed``), so a
report moves from "waiting" to "sent" before the person's eyes.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app import messages
from app.db import Store
from app.errors import InvalidValue
from app.sending import FAILED, SENDING, SENT, OutboxItem, PassResult, SiteConfig, list_outbox, put_back
from app.text import parse_period
from ui.dialogs.destination_dialog import DestinationDialog
from ui.runtime.errors import show_error
from ui.runtime.sync_service import SyncService, SyncState
from ui.widgets.simple_table import GREY, RED, fill_row, make_table, row_id_at, selected_row
from ui.widgets.sync_status import (
    COLOURS,
    destination_text,
    details_text,
    dot_icon,
    problem_text,
    status_key,
    status_text,
    when_text,
)

GREEN = "#1e8449"


def period_text(period: str | None, lang: str) -> str:
    if not period:
        return ""
    try:
        return parse_period(period).label(lang)
    except InvalidValue:
        return period  # a week or an odd value: shown as it is


class OutboxPage(QWidget):
    def __init__(self, store: Store, runner, lang: str, service: SyncService, *, keyring_backend: Any,
                 site: SiteConfig | None = None, clock: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang, self._service = store, runner, lang, service
        self._backend, self._clock = keyring_backend, clock or store.clock
        self._site = site if site is not None else service.site
        self._items: list[OutboxItem] = []
        self.dialog: DestinationDialog | None = None

        title = QLabel(self.tr("Send reports"))
        title.setObjectName("pageTitle")
        explain = QLabel(self.tr(
            "Reports you send wait here until the destination confirms it has them; a folder or a WebDAV "
            "server gets each one once (by e-mail, a reply lost on the way can bring a second copy). "
            "Without a connection nothing is lost: the app keeps trying by itself, every few minutes and "
            "as soon as the network is back, even after a restart. “Send now” tries every waiting report "
            "at once."
        ))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")

        self.destination = QLabel()
        self.destination.setWordWrap(True)
        self.destination.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.clicked.connect(self.change_destination)
        panel = QFrame()
        panel.setObjectName("panel")
        panel_row = QHBoxLayout(panel)
        panel_row.setContentsMargins(10, 6, 10, 6)
        panel_row.addWidget(self.destination, 1)
        panel_row.addWidget(self.change_button)

        self.state_icon = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("sectionTitle")
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.setToolTip(self.tr("Try every waiting report now, whatever the waiting time says."))
        self.send_button.clicked.connect(self.send_now)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.setToolTip(self.tr(
            "Put the selected set-aside report back in the queue (e.g. after the province raised its size limit)."))
        self.retry_button.clicked.connect(self.retry_selected)
        tools = QHBoxLayout()
        tools.addWidget(self.state_icon)
        tools.addWidget(self.state_label)
        tools.addSpacing(16)
        tools.addWidget(self.send_button)
        tools.addWidget(self.retry_button)
        tools.addStretch(1)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.hide()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.detail = QLabel()  # the selected report's whole problem: the column cuts it
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.detail.hide()

        self.table = make_table(
            [self.tr("Report file"), self.tr("Period"), self.tr("State"), self.tr("Attempts"),
             self.tr("Next try"), self.tr("Last problem"), self.tr("Sent")],
            (230, 130, 165, 80, 120, 200, 120),
            stretch=5,
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("Nothing has been sent yet. Reports you export with “Send” appear here."))
        self.empty.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(panel)
        layout.addLayout(tools)
        layout.addWidget(self.problem)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        # with no table shown (nothing sent yet) the room goes below, not between the lines
        self._filler = QWidget()
        self._filler.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        layout.addWidget(self._filler, 1)

        service.outbox_changed.connect(self.refresh)
        service.state_changed.connect(self.show_state)
        service.pass_finished.connect(self._pass_finished)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected_item_id()
        items = list_outbox(self._store)
        # what needs a person or is on its way first, then the newest sent
        items.sort(key=lambda i: (i.state == SENT, -(i.id if i.state == SENT else -i.id)))
        self._items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            fill_row(self.table, row, self._cells(item), item.id, self._colours(item))
            self.table.item(row, 0).setToolTip(self._item_details(item))
        for column in (0, 1, 2, 4, 6):  # names, periods, states and times read whole; the problem takes the rest
            self.table.resizeColumnToContents(column)
        self.empty.setVisible(not items)
        self.table.setVisible(bool(items))
        self._filler.setVisible(not items)
        self.select_item(keep)
        self.show_state(self._service.state())

    def _cells(self, item: OutboxItem) -> tuple[str, ...]:
        error = item.error_text(self._lang) if item.state != SENT else ""
        next_try = when_text(item.next_attempt_at) if item.waiting and item.state != SENDING else ""
        if item.waiting and item.state != SENDING and not item.next_attempt_at:
            next_try = self.tr("now")
        return (item.remote_name, period_text(item.period, self._lang),
                messages.text(f"outbox.state.{item.state}", self._lang), str(item.attempts),
                next_try, error or "", when_text(item.sent_at))

    @staticmethod
    def _colours(item: OutboxItem) -> dict | None:
        if item.state == FAILED:
            return {2: RED, 5: RED}
        if item.state == SENT:
            return {2: GREY}
        return None

    def _item_details(self, item: OutboxItem) -> str:
        lines = [item.remote_name, self.tr("Size: %1 bytes · SHA-256 %2…").replace("%1", f"{item.size:,}")
                 .replace("%2", item.sha256[:16])]
        if item.destination:
            lines.append(self.tr("Destination: %1").replace("%1", item.destination))
        receipt = item.receipt or {}
        where = receipt.get("url") or receipt.get("file") or receipt.get("message_id")
        if where:
            lines.append(self.tr("Received as: %1").replace("%1", str(where)))
        return "\n".join(lines)

    def selected_item_id(self) -> int | None:
        row = selected_row(self.table)
        return row_id_at(self.table, row) if row is not None else None

    def select_item(self, item_id: int | None) -> None:
        row = next((r for r, i in enumerate(self._items) if i.id == item_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self._selection_changed()

    def _selected(self) -> OutboxItem | None:
        item_id = self.selected_item_id()
        return next((i for i in self._items if i.id == item_id), None)

    def _selection_changed(self) -> None:
        item = self._selected()
        self.retry_button.setEnabled(item is not None and item.state == FAILED)
        error = item.error_text(self._lang) if item is not None and item.state != SENT else None
        if error:
            text = f"{item.remote_name}: {error}"
            if item.state == FAILED:
                text += "\n" + self.tr("“Try again” puts it back in the queue once the cause is fixed.")
            self.detail.setText(text)
            self.detail.setStyleSheet("color: #c0392b;" if item.state == FAILED else "color: #555;")
        self.detail.setVisible(bool(error))

    def show_state(self, state: SyncState) -> None:
        key = status_key(state)
        self.state_label.setText(status_text(state))
        self.state_label.setStyleSheet(f"color: {COLOURS.get(key, '#888888')};")
        self.state_label.setToolTip(details_text(state, self._lang))
        self.state_icon.setPixmap(dot_icon(COLOURS.get(key, "#888888")).pixmap(12, 12))
        self.send_button.setEnabled(state.destination is not None and state.waiting > 0 and not state.sending)
        if not state.locked:
            self.change_button.setText(self.tr("Change…"))
        elif state.destination is not None and state.destination.user:
            self.change_button.setText(self.tr("Password…"))  # the one thing IT leaves to type
        else:
            self.change_button.setText(self.tr("Details…"))
        self._show_destination(state)
        problem = problem_text(state, self._lang) if key in ("attention", "offline") else None
        set_aside = state.summary.counts[FAILED]
        if key == "attention" and set_aside and not problem:
            problem = self.tr("%n report(s) set aside: select one to see why.", "", set_aside)
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))

    def _show_destination(self, state: SyncState) -> None:
        destination = state.destination
        if destination is None:
            self.destination.setText(self.tr(
                "No destination yet: reports wait here until you choose where they go (“Choose…”)."))
            self.change_button.setText(self.tr("Choose…"))
            return
        text = destination_text(destination)
        if state.locked:
            text += "\n" + self.tr("Set by the province's IT; only the password can be changed here.")
        self.destination.setText(text)

    # -- acting ----------------------------------------------------------------------------

    def send_now(self) -> None:
        self.notice.hide()
        if self._service.send_now():
            self.send_button.setEnabled(False)

    def _pass_finished(self, result: PassResult) -> None:
        if result.busy:
            self._say(self.tr("Another sending pass is running (another window or a command). "
                              "The reports are sent by it."), "#555")
        elif result.stopped is not None:
            self._say(messages.describe(result.stopped, self._lang), "#c0392b")
        elif result.sent or result.set_aside:
            text = self.tr("Sent %n report(s).", "", len(result.sent))
            if result.set_aside:
                text += " " + self.tr("%n set aside: see the reason in the list.", "", len(result.set_aside))
            self._say(text, GREEN if not result.set_aside else "#c0392b")

    def _say(self, text: str, colour: str) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {colour};")
        self.notice.show()

    def retry_selected(self) -> None:
        item = self._selected()
        if item is None or item.state != FAILED:
            return
        item_id = item.id
        self._runner.submit(lambda store: put_back(store, item_id), self._put_back, self._failed)

    def _put_back(self, _ids: list[int]) -> None:
        self._service.wake()
        self.refresh()

    def change_destination(self) -> DestinationDialog:
        dialog = DestinationDialog(self._store, self._runner, self._lang, keyring_backend=self._backend,
                                   site=self._site, clock=self._clock, parent=self)
        dialog.saved.connect(lambda _destination: self._destination_saved())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _destination_saved(self) -> None:
        waiting = self._service.state().waiting
        self._say(self.tr("Saved. The waiting reports are tried again at once.") if waiting else self.tr("Saved."),
                  GREEN)
        self._service.wake()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        show_error(self, error, self._lang, str(self._store.path))
