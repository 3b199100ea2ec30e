"""Overview: what needs attention today, visible at a glance."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from datetime import date
from typing import TYPE_CHECKING

from app.db import Store, list_backups
from app.domain import get_commune
from app.paths import backups_dir_for
from ui.runtime.events import keep_current
from ui.widgets.first_steps import FirstSteps, StepsDone

if TYPE_CHECKING:  # the figures' module loads with the figures, after the first paint
    from app.domain import PersonLoad

RED, AMBER, BLUE, GREEN = "#c0392b", "#d68910", "#1f618d", "#1e8449"


class Card(QPushButton):
    """A big number with its meaning; one click opens the page behind it."""

    def __init__(self, colour: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setCursor(Qt.PointingHandCursor)
        self.setMinimumHeight(96)
        self._colour = colour
        self.number = QLabel("…", self)  # until the figures are read (just after the first paint)
        self.number.setObjectName("cardNumber")
        self.number.setStyleSheet("color: #999; font-size: 28px; font-weight: 600;")  # as big as the figure to come
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WA_TransparentForMouseEvents)

    def show_value(self, value: int, caption: str) -> None:
        self.number.setText(QLocale().toString(value))  # 1.971 in Vietnamese, 1,971 in English
        colour = self._colour if value else GREEN
        self.number.setStyleSheet(f"color: {colour}; font-size: 28px; font-weight: 600;")
        self.caption.setText(caption)

    def show_text(self, text: str, caption: str, colour: str) -> None:
        """A figure that is not a count (an amount of money)."""
        self.number.setText(text)
        self.number.setStyleSheet(f"color: {colour}; font-size: 24px; font-weight: 600;")
        self.caption.setText(caption)


class LoadBars(QWidget):
    """Horizontal bars: open tasks per person, overdue part in red."""

    person_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._loads: list[PersonLoad] | None = None  # None: not read yet
        self._overload = 1
        self.setMinimumHeight(200)

    def set_loads(self, loads: list[PersonLoad], overload: int) -> None:
        """``overload``: this many open tasks are too many (the scale reaches it)."""
        self._loads = loads
        self._overload = overload
        self.setMinimumHeight(28 * max(len(loads), 1) + 8)
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        if self._loads is None:
            return
        if not self._loads:
            painter.drawText(self.rect(), Qt.AlignCenter, self.tr("No open tasks are assigned."))
            return
        name_width = min(220, self.width() // 3)
        most = max(max(x.open_tasks for x in self._loads), self._overload)
        bar_space = max(self.width() - name_width - 190, 40)  # room for the words after the bar
        for row, load in enumerate(self._loads):
            top = 4 + row * 28
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(0, top, name_width - 8, 22), Qt.AlignVCenter | Qt.AlignRight, load.full_name)
            full = bar_space * load.open_tasks / most
            late = bar_space * load.overdue / most
            painter.fillRect(QRectF(name_width, top + 3, full, 16), QColor(AMBER if load.overloaded else BLUE))
            painter.fillRect(QRectF(name_width, top + 3, late, 16), QColor(RED))
            painter.setPen(QColor("#222"))
            text = self.tr("%1 tasks, %2 overdue").replace("%1", str(load.open_tasks)).replace("%2", str(load.overdue))
            painter.drawText(QRectF(name_width + full + 6, top, 200, 22), Qt.AlignVCenter, text)

    def mousePressEvent(self, event) -> None:
        row = int((event.position().y() - 4) // 28)
        if self._loads and 0 <= row < len(self._loads):
            self.person_clicked.emit(self._loads[row].person_id)


class OverviewPage(QWidget):
    """Cards for what is late or missing, and who carries the most work."""

    open_view = Signal(str)  # "tasks:overdue", "organizations:vacancies", "people"...
    person_clicked = Signal(int)

    def __init__(self, store: Store, runner=None, parent=None, *, fill: bool = True) -> None:
        """``fill=False``: only the frame (the commune's name, the cards with
        "…"); ``refresh()`` reads the figures, and so loads the core modules
        they need. The window starts that way, to paint at once."""
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setText(self.tr("Today in %1").replace("%1", get_commune(store).name))
        self.today_line = QLabel()  # the date, and the next report due
        self.today_line.setWordWrap(True)
        self.first_steps = FirstSteps()
        self._first_steps_done = False
        self.first_steps.step_clicked.connect(self._first_step)
        self.overdue = Card(RED)
        self.due_week = Card(AMBER)
        self.vacant = Card(AMBER)
        self.concurrent = Card(BLUE)
        self.people = Card(BLUE)
        self.unsent = Card(AMBER)
        self.overdue_petitions = Card(RED)
        self.fund = Card(BLUE)
        grid = QGridLayout()
        cards = [self.overdue, self.due_week, self.overdue_petitions, self.vacant, self.concurrent, self.people,
                 self.fund, self.unsent]
        for i, card in enumerate(cards):
            grid.addWidget(card, i // 4, i % 4)
        links = {
            self.overdue: "tasks:overdue", self.due_week: "tasks:due_week",
            self.vacant: "organizations:vacancies", self.concurrent: "organizations:concurrent",
            self.people: "people", self.unsent: "outbox", self.overdue_petitions: "front_work:overdue",
            self.fund: "front_work:fund",
        }
        for card, view in links.items():
            card.clicked.connect(lambda _checked=False, view=view: self.open_view.emit(view))
        # When the data was last backed up: the first thing to know after a power cut.
        self.last_backup = QPushButton()
        self.last_backup.setFlat(True)
        self.last_backup.setCursor(Qt.PointingHandCursor)
        self.last_backup.setStyleSheet("text-align: left; padding: 2px 0;")
        self.last_backup.clicked.connect(lambda _checked=False: self.open_view.emit("backups"))
        # what the personal data law's clocks say is late (hidden while nothing is)
        self.privacy_line = QPushButton()
        self.privacy_line.setFlat(True)
        self.privacy_line.setCursor(Qt.PointingHandCursor)
        self.privacy_line.setStyleSheet(f"text-align: left; padding: 2px 0; color: {RED};")
        self.privacy_line.clicked.connect(lambda _checked=False: self.open_view.emit(self._privacy_view))
        self._privacy_view = "privacy:requests"
        self.bars = LoadBars()
        self.bars.person_clicked.connect(self.person_clicked)
        self.bars.setCursor(Qt.PointingHandCursor)
        self.bars.setToolTip(self.tr("Click a name to see that person's open tasks"))
        busiest = QLabel(self.tr("Carrying the most work"))
        busiest.setObjectName("sectionTitle")
        self.legend = QLabel()  # with the figures: the threshold is the core's
        self.legend.setStyleSheet("color: #555;")
        frame = QFrame()
        frame.setObjectName("panel")
        inner = QVBoxLayout(frame)
        inner.addWidget(busiest)
        inner.addWidget(self.bars)
        inner.addWidget(self.legend)
        # in a scroll area: with the first steps showing, the page is taller than a
        # 1366×768 screen leaves, and it must never make the window taller than that
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout.addWidget(self.title)
        layout.addWidget(self.today_line)
        layout.addWidget(self.first_steps)
        layout.addLayout(grid)
        layout.addWidget(self.last_backup)
        layout.addWidget(self.privacy_line)
        layout.addWidget(frame)
        layout.addStretch(1)
        for shown_once_read in (self.first_steps, self.last_backup, self.privacy_line):
            shown_once_read.hide()
        self.filled = False
        if fill:
            self.refresh()
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("people_changed", "organizations_changed", "positions_changed", "tasks_changed",
                                        "duties_changed", "outbox_changed", "backups_changed", "petitions_changed",
                                        "fund_changed", "privacy_changed"), self.refresh)

    def refresh(self) -> None:
        from app.domain import OVERLOAD_OPEN_TASKS, overview
        from app.text import format_money

        commune = get_commune(self._store)
        o = overview(self._store)
        self.filled = True
        self.legend.setText(self.tr(
            "<span style='color:%1'>■</span> open tasks &nbsp; <span style='color:%2'>■</span> of which overdue "
            "&nbsp; <span style='color:%3'>■</span> %4 or more open tasks: too much for one person"
        ).replace("%1", BLUE).replace("%2", RED).replace("%3", AMBER).replace("%4", str(OVERLOAD_OPEN_TASKS)))
        self.title.setText(self.tr("Today in %1").replace("%1", commune.name))
        self.overdue.show_value(o.overdue_tasks, self.tr("overdue tasks"))
        self.due_week.show_value(o.due_this_week, self.tr("tasks due in the next 7 days"))
        self.vacant.show_value(
            o.vacant_seats, self.tr("vacant seats in %1 positions").replace("%1", str(o.positions_with_vacancy))
        )
        self.concurrent.show_value(o.concurrent_holders, self.tr("people holding several posts"))
        self.people.show_value(o.people, self.tr("active people on the roster"))
        self.unsent.show_value(o.unsent_reports, self.tr("reports not yet sent"))
        self.overdue_petitions.show_value(o.overdue_petitions, self.tr("petitions past their answer date"))
        if o.fund_entries:
            self.fund.show_text(format_money(o.fund_balance), self.tr("in the fund for the poor today"),
                                RED if o.fund_balance < 0 else BLUE)
        else:
            self.fund.show_text("—", self.tr("fund for the poor: no entries yet"), "#555")
        self._show_last_backup()
        self._show_privacy()
        self.bars.set_loads(o.busiest, OVERLOAD_OPEN_TASKS)
        self._show_today(self._store.today(), o.next_report)
        if not self._first_steps_done:  # once all are done, nothing more to read (site.toml included) on each event
            from app.safety import last_usb_copy
            from app.sending import current_destination, load_site_config

            done = StepsDone(
                roster=o.people > 0, duties=o.duties > 0,
                destination=current_destination(self._store, load_site_config()) is not None,
                usb=last_usb_copy(self._store) is not None,
            )
            self.first_steps.show_done(done)
            self._first_steps_done = done.all

    def _show_today(self, today: date, next_report: tuple[int, str, str] | None) -> None:
        from app.text import format_date

        days = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))
        text = f"{days[today.weekday()]}, {format_date(today)}"
        if next_report is not None:
            _id, title, due = next_report
            left = (date.fromisoformat(due) - today).days
            when = self.tr("due today") if left == 0 else self.tr("due %1, in %2 days").replace(
                "%1", format_date(date.fromisoformat(due))).replace("%2", str(left))
            text += " · " + self.tr("Next report: %1, %2").replace("%1", title).replace("%2", when)
        self.today_line.setText(text)

    def _first_step(self, step: str) -> None:
        from app.domain import add_standard_duties, generate_tasks

        if step == "duties":
            if self._runner is not None:
                self._runner.submit(lambda store: (add_standard_duties(store), generate_tasks(store)))
            return
        self.open_view.emit({"roster": "people:import", "destination": "outbox:destination",
                             "usb": "backups"}[step])

    def _show_privacy(self) -> None:
        from app.domain import overview_privacy

        late = overview_privacy(self._store)
        parts = []
        if late.overdue_requests:
            parts.append(self.tr("%1 request(s) about personal data past their deadline").replace(
                "%1", str(late.overdue_requests)))
        if late.overdue_notifications:
            parts.append(self.tr("%1 incident(s) not notified within 72 hours").replace(
                "%1", str(late.overdue_notifications)))
        self._privacy_view = "privacy:requests" if late.overdue_requests else "privacy:incidents"
        self.privacy_line.setText("⚠ " + "; ".join(parts) + " — " + self.tr("see Personal data") if parts else "")
        self.privacy_line.setVisible(bool(parts))

    def _show_last_backup(self) -> None:
        from app.text import format_date

        backups = [b for b in list_backups(backups_dir_for(self._store.path)) if b.good]
        self.last_backup.show()
        if not backups:
            self.last_backup.setText(self.tr("⚠ No backup of this commune's data yet — see Backups"))
            self.last_backup.setStyleSheet(f"text-align: left; padding: 2px 0; color: {RED};")
            return
        made = backups[0].created_at
        days = (self._store.today() - made.date()).days
        text = self.tr("Last backup: %1 — see Backups").replace(
            "%1", f"{format_date(made.date())} {made:%H:%M}")
        colour = RED if days > 7 else ("#555" if days <= 1 else AMBER)
        self.last_backup.setText(text)
        self.last_backup.setStyleSheet(f"text-align: left; padding: 2px 0; color: {colour};")
