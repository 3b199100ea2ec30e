"""Backups page: the commune's backups, "Back up now", a verified copy to a
USB stick, and the way back to an earlier state (restore).

The list is read with the cheap header check of ``app.db.backups.list_backups``
(a quick_check of every file would read gigabytes each time the page is
shown); copying and restoring check the chosen file fully before using it.

The page restores nothing itself: the database is open in this very window,
and ``app.safety.restore.restore_backup`` refuses while it is. It asks, then emits
``restore_requested(path)``; the window closes its connections, restores
and reopens.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import BackupInfo, Store, free_space, list_backups, parse_backup_name
from app.paths import backups_dir_for
from app.os_words import localize
from app.safety import CopiedBackup, assign_tiers, back_up, copy_backup_to, record_usb_copy
from ui.runtime.errors import show_error
from ui.runtime.events import keep_current
from ui.widgets.simple_table import GREY, RED, fill_row, make_table, selected_row

GREEN = "#1e8449"
BACKUP_DIALOG_DELAY_MS = 2000  # a usual backup ends well within this: no dialog flashes
# Longest first: "before-migration-1-to-2" and "manual-2" (a second backup
# in the same microsecond) keep the words of their kind.
_REASONS = ("before-migration", "before-restore", "before-import", "before-erasure", "manual", "start",
            "quit", "auto")


def size_text(size: int) -> str:
    """"80,8 MB" in the window's language (a decimal comma in Vietnamese)."""
    megabytes = size / (1024 * 1024)
    if megabytes >= 1024:
        return QLocale().toString(megabytes / 1024, "f", 1) + " GB"
    return QLocale().toString(megabytes, "f", 1) + " MB"


def moment_text(info: BackupInfo) -> str:
    """dd/mm/yyyy HH:MM on the clock of the PC that made it."""
    return info.created_at.strftime("%d/%m/%Y %H:%M")


def backup_moment(path: Path) -> str:
    """When the backup at ``path`` was made, dd/mm/yyyy HH:MM (read from its
    name; "" for a file not named as a backup): for the restore's messages."""
    parsed = parse_backup_name(Path(path).name)
    return parsed[0].strftime("%d/%m/%Y %H:%M") if parsed else ""


class BackupsPage(QWidget):
    """``restore_requested(Path)``: the person confirmed a restore of that backup.

    ``runner`` is taken like every page's, and not used: a backup reads the
    database on a connection of its own, off the write runner, so saving is
    never held up by it (as in ``ui.runtime.safekeeping``).
    ``folder``: where the backups are (default: the database's backup folder).
    ``copy_backup``: ``copy_backup_to`` or a stand-in with its signature (tests
    pass one that writes to a stick that fills up)."""

    restore_requested = Signal(object)

    def __init__(self, store: Store, runner, lang: str, *, folder: Path | None = None,
                 copy_backup: Callable[..., CopiedBackup] = copy_backup_to, parent=None) -> None:
        super().__init__(parent)
        self._store, self._runner, self._lang = store, runner, lang
        self._copy_backup = copy_backup
        self.folder = Path(folder) if folder is not None else backups_dir_for(store.path)
        self._backups: list[BackupInfo] = []
        self._last_usb: str | None = None
        self.copy_task = None  # the running copy, for tests
        self.backup_task = None  # the running "Back up now"

        title = QLabel(self.tr("Backups"))
        title.setObjectName("pageTitle")
        explain = QLabel(self.tr(
            "A backup is a complete copy of the commune's data. The app backs up by itself at start, at quit, "
            "every so often while changes are made, and before an import or a restore; older backups are "
            "thinned out by themselves (the last days, weeks and months are kept). Copy one to a USB stick now "
            "and then, and keep the stick as you keep paper files: it holds everyone's personal data."
        ))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")

        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.copy_button = QPushButton(self.tr("Copy to a USB stick…"))
        self.copy_button.setToolTip(self.tr(
            "Copies the selected backup (the newest if none is selected) to a folder you choose, then reads "
            "the copy back to check it."))
        self.copy_button.clicked.connect(self.copy_to_usb)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setToolTip(self.tr("Go back to the data as it was when the selected backup was made."))
        self.restore_button.clicked.connect(self.restore)
        tools = QHBoxLayout()
        for button in (self.back_up_button, self.copy_button, self.restore_button):
            tools.addWidget(button)
        tools.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("sectionTitle")
        self.usage = QLabel()
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder_label)
        where.addWidget(self.open_folder_button)
        where.addStretch(1)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.notice.hide()

        self.table = make_table(
            [self.tr("Made at"), self.tr("Why it was made"), self.tr("Kept as"), self.tr("Size"),
             self.tr("State")],
            (140, 260, 130, 90), stretch=None,
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.restore())

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(tools)
        layout.addWidget(self.notice)
        layout.addWidget(self.summary)
        layout.addWidget(self.usage)
        layout.addLayout(where)
        layout.addWidget(self.table, 1)
        self.refresh()

    # -- words -----------------------------------------------------------------
        # read again when what the page shows changes, whoever changed it
        keep_current(self, store.path, ("backups_changed",), self.refresh)

    def reason_text(self, reason: str) -> str:
        """Why a backup was made, in words."""
        words = {
            "start": self.tr("At start"),
            "quit": self.tr("At quit"),
            "auto": self.tr("Automatic, while working"),
            "manual": self.tr("By hand"),
            "before-import": self.tr("Before an import"),
            "before-restore": self.tr("Before a restore"),
            "before-migration": self.tr("Before a data upgrade"),
            "before-erasure": self.tr("Before erasing a person"),
        }
        kind = next((k for k in _REASONS if reason == k or reason.startswith(k + "-")), None)
        return words[kind] if kind else reason

    def tier_text(self, tier: str | None) -> str:
        """The retention tier that keeps a backup (see app/backup_retention.py)."""
        return {
            "recent": self.tr("Recent"),
            "daily": self.tr("Daily"),
            "safety": self.tr("Safety copy"),
            "weekly": self.tr("Weekly"),
            "monthly": self.tr("Monthly"),
        }.get(tier or "", "—")

    # -- reading ---------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected_backup()
        self._backups = list_backups(self.folder, include_bad=True)
        tiers = assign_tiers([b for b in self._backups if b.good])
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._backups))
        for row, info in enumerate(self._backups):
            state = self.tr("Good") if info.good else self.tr("Damaged")
            cells = (moment_text(info), self.reason_text(info.reason), self.tier_text(tiers.get(info.path)),
                     size_text(info.size), state)
            colours = None if info.good else dict.fromkeys(range(5), RED)
            if info.good and info.path not in tiers:
                colours = {2: GREY}
            fill_row(self.table, row, cells, row, colours)
            tip = str(info.path) if info.good else self.tr("%1\nCannot be used: %2").replace(
                "%1", str(info.path)).replace("%2", str(localize(info.problem or "", self._lang)))
            for column in range(5):
                self.table.item(row, column).setToolTip(tip)
            self.table.item(row, 3).setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.table.blockSignals(False)
        self._show_summary()
        self.select_backup(keep if keep is not None else None)

    def _show_summary(self) -> None:
        good = [b for b in self._backups if b.good]
        if good:
            newest = good[0]
            text = self.tr("Last good backup: %1 (%2).").replace("%1", moment_text(newest)).replace(
                "%2", self.reason_text(newest.reason))
        elif self._backups:
            text = self.tr("No backup here can be used: every one is damaged. Press “Back up now”.")
        else:
            text = self.tr("There is no backup yet. Press “Back up now” to make the first one.")
        self.summary.setText(text)
        usage = []
        if self._backups:
            total = sum(b.size for b in self._backups)
            usage.append(self.tr("%n backup(s), %1 in all.", "", len(self._backups)).replace("%1", size_text(total)))
        free = free_space(self.folder)
        if free is not None:
            usage.append(self.tr("Free on that disk: %1.").replace("%1", size_text(free)))
        self.usage.setText(" ".join(usage))
        self.usage.setVisible(bool(usage))
        self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(self.folder)))

    def selected_backup(self) -> Path | None:
        row = selected_row(self.table)
        return self._backups[row].path if row is not None and row < len(self._backups) else None

    def _chosen(self) -> BackupInfo | None:
        """The selected backup, or else the newest good one."""
        row = selected_row(self.table)
        if row is not None and row < len(self._backups):
            return self._backups[row]
        return next((b for b in self._backups if b.good), None)

    def select_backup(self, path: Path | None) -> None:
        """Select ``path``; None (or a backup no longer there) selects the newest good backup."""
        rows = [r for r, b in enumerate(self._backups) if b.path == path] or [
            r for r, b in enumerate(self._backups) if b.good]
        if rows:
            self.table.selectRow(rows[0])
        else:
            self.table.clearSelection()
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self._chosen()
        usable = chosen is not None and chosen.good
        copying = self.copy_task is not None and self.copy_task.running
        # a backup in progress holds the database open: a restore would be refused
        backing_up = self.backup_task is not None and self.backup_task.running
        self.copy_button.setEnabled(usable and not copying)
        self.restore_button.setEnabled(usable and not backing_up)

    # -- doing -----------------------------------------------------------------

    def open_folder(self) -> bool:
        self.folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def back_up_now(self):
        """On a connection of its own, off the GUI thread (0.5-1 s for a big
        commune): neither the window nor a save waits for it. A dialog shows only if it
        takes longer than usual (a slow disk)."""
        self.back_up_button.setEnabled(False)
        self.back_up_button.setText(self.tr("Backing up…"))
        folder = self.folder
        self.backup_task = self._runner.run_long(
            self, self.tr("Backing up"), lambda store, _progress: back_up(store, "manual", folder=folder),
            self._backed_up, self._back_up_failed, self._back_up_button_ready, uses="read",
            delay_ms=BACKUP_DIALOG_DELAY_MS, label=self.tr("Backing up…"), lang=self._lang)
        self._selection_changed()
        return self.backup_task

    def _backed_up(self, path: Path) -> None:
        self._back_up_button_ready()
        self.refresh()
        self.select_backup(Path(path))
        info = next((b for b in self._backups if b.path == Path(path)), None)
        if info is not None:
            self._say(self.tr("Backed up at %1 (%2).").replace("%1", moment_text(info)).replace(
                "%2", size_text(info.size)))

    def _back_up_failed(self, error: BaseException) -> None:
        self._back_up_button_ready()
        self.refresh()
        show_error(self, error, self._lang, str(self._store.path))

    def _back_up_button_ready(self) -> None:
        self.back_up_button.setEnabled(True)
        self.back_up_button.setText(self.tr("Back up now"))
        self._selection_changed()

    def copy_to_usb(self):
        """Choose a folder (the USB stick), copy the chosen backup there and read it back."""
        chosen = self._chosen()
        if chosen is None or not chosen.good:
            return None
        target = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the USB stick (or a folder on it)"), self._last_usb or str(Path.home()))
        if not target:
            return None
        self._last_usb = target
        backup, folder = chosen.path, Path(target)
        self.notice.hide()
        self.copy_task = self._runner.run_long(
            self, self.tr("Copying the backup"),
            lambda _no_database, progress: self._copy_backup(backup, folder, progress=progress),
            lambda copied: self._copied(chosen, copied), self._copy_failed, self._copy_cancelled, uses="files",
            stages={
                "copy": self.tr("Copying the backup…"),
                "flush": self.tr("Waiting for the stick to finish writing…"),
                "read_back": self.tr("Reading the copy back to check it…"),
                "check": self.tr("Checking the copy…"),
            },
            lang=self._lang,
        )
        self._selection_changed()
        return self.copy_task

    def _copied(self, chosen: BackupInfo, copied: CopiedBackup) -> None:
        self._runner.submit(lambda store: record_usb_copy(store, copied))  # the first steps' last one
        self._selection_changed()
        self._say(self.tr(
            "Copied the backup of %1 to %2 (%3) and read it back: the copy is good. The stick now holds "
            "everyone's personal data: keep it locked away."
        ).replace("%1", moment_text(chosen)).replace("%2", str(copied.path.parent)).replace(
            "%3", size_text(copied.size)))

    def _copy_failed(self, error: BaseException) -> None:
        self._selection_changed()
        show_error(self, error, self._lang, str(self._store.path))

    def _copy_cancelled(self) -> None:
        self._selection_changed()
        self._say(self.tr("The copy was stopped; nothing was left on the stick."), colour="#555")

    def restore(self) -> bool:
        """Ask, then emit ``restore_requested``; True if the person said yes."""
        chosen = self._chosen()
        if chosen is None or not chosen.good:
            return False
        when = moment_text(chosen)
        text = self.tr(
            "Go back to the data as it was at %1?\n\n"
            "• First the data as it is now is backed up, so you can come back to it.\n"
            "• Then the window closes and opens again on the data of %1.\n"
            "• Changes made after %1 will no longer be shown (they stay in the backup made first)."
        ).replace("%1", when)
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"), text, QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return False
        self.restore_requested.emit(chosen.path)
        return True

    def _say(self, text: str, colour: str = GREEN) -> None:
        self.notice.setStyleSheet(f"color: {colour};")
        self.notice.setText(text)
        self.notice.show()
