"""Restoring a backup from the window: close every connection, restore,
reopen the window on the restored data.

``app.safety.restore.restore_backup`` refuses while the database is open anywhere,
the window's own connections included; it backs up the current state first,
so a restore is never a step that cannot be undone.

Whatever the restore raises — its own refusals, a file Windows still says is
in use after the waits (error 32: antivirus, OneDrive), a full disk, an SQLite
error, or a fault of ours — the window reopens on the database as it was and
shows one clear message, never a traceback (a fault is logged with its
traceback).
"""
from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app import durable, messages
from app.db import open_store
from app.errors import DatabaseProblem, FrontDeskError
from app.safety import restore_backup
from ui.runtime.services import services_of

log = logging.getLogger("frontdesk.restore")

messages.register(
    {
        "restore.busy": (
            "Không khôi phục được: Windows báo tệp {path} đang bị một chương trình khác giữ (phần mềm diệt "
            "virus, OneDrive, công cụ tìm kiếm…). Cơ sở dữ liệu vẫn như trước. Hãy đợi một lát rồi khôi phục lại.",
            "The restore did not happen: Windows says the file {path} is held by another program (antivirus, "
            "OneDrive, the search indexer…). The database is as it was. Wait a moment and restore again.",
        ),
        "restore.no_space": (
            "Không khôi phục được: ổ đĩa chứa {folder} đã đầy. Cơ sở dữ liệu vẫn như trước. Hãy giải phóng "
            "dung lượng ổ đĩa rồi khôi phục lại.",
            "The restore did not happen: the disk holding {folder} is full. The database is as it was. Free "
            "some disk space and restore again.",
        ),
    }
)
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def restore_problem(exc: BaseException, database: Path) -> FrontDeskError:
    """What a failed restore tells the person: the core's own refusal as it
    is, anything else as one of the restore's messages."""
    if isinstance(exc, FrontDeskError):
        return exc
    if durable.in_use(exc):  # still in use after durable's waits
        return FrontDeskError("restore.busy", path=str(getattr(exc, "filename", None) or database))
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
        return FrontDeskError("restore.no_space", folder=str(database.parent))
    if isinstance(exc, OSError):
        return FrontDeskError("restore.failed", path=str(database), reason=exc.strerror or type(exc).__name__)
    if isinstance(exc, sqlite3.Error):
        return FrontDeskError("restore.failed", path=str(database), reason=str(exc))
    return FrontDeskError("restore.failed", path=str(database), reason=type(exc).__name__)


def offer_restore(window, problem: DatabaseProblem) -> bool:
    """The start-up check found damage: say so, and offer the newest good backup.
    True when the person chose to restore (and it was done)."""
    text = messages.describe(problem, window.lang)
    backup = problem.params.get("backup")
    box = QMessageBox(QMessageBox.Critical, "Front Desk", text, parent=window)
    if backup:
        box.setInformativeText(QCoreApplication.translate(
            "RestoreFlow",
            "The newest good backup was made at %1. Restoring it brings the data back as it was then "
            "(the damaged file is kept aside). Changes made after that time will have to be entered again."
        ).replace("%1", problem.params.get("backup_at") or ""))
        restore = box.addButton(QCoreApplication.translate("RestoreFlow", "Restore this backup"), QMessageBox.AcceptRole)
        box.addButton(QCoreApplication.translate("RestoreFlow", "Not now"), QMessageBox.RejectRole)
    else:
        box.setInformativeText(QCoreApplication.translate(
            "RestoreFlow",
            "No good backup was found. Do not enter new data; copy the database file and ask the province's IT "
            "for help.\n\n%1").replace("%1", str(problem.params.get("path", ""))))
        restore = None
        box.addButton(QMessageBox.Ok)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    return restore_and_reopen(window, Path(backup), when=problem.params.get("backup_at") or "") is not None


def restore_and_reopen(window, backup: Path, *, when: str = ""):
    """Close the window and its connections, restore ``backup``, open a new
    window on the same page. Returns the new window, or None (the old
    database is reopened as it was when the restore is refused)."""

    app = QApplication.instance()
    database, lang, page = Path(window.store.path), window.lang, window.current_page()
    geometry = window.geometry()
    services = services_of(app)
    if services is not None:
        services.pause()  # sending and backups stop touching the file
    window.close()  # finishes the writes already asked for (a runner the window made stops with it)
    window.runner.close_connection()  # the session's runner: its write connection opens again on the next write
    window.store.close()
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        result = restore_backup(database, backup)
        error = None
    except FrontDeskError as exc:
        result, error = None, exc
        log.info("restore refused: %s", exc.code)
    except (OSError, sqlite3.Error) as exc:  # PermissionError (Windows error 32 after the waits), disk full…
        result, error = None, restore_problem(exc, database)
        log.warning("restore failed: %s %s (%s)", type(exc).__name__, getattr(exc, "winerror", None) or
                    getattr(exc, "errno", ""), error.code)
    except Exception as exc:  # a fault of ours: the traceback goes to the log, the person gets one message
        result, error = None, restore_problem(exc, database)
        log.exception("restore failed unexpectedly")
    finally:
        QApplication.restoreOverrideCursor()
    store = open_store(database)
    successor = window.successor(store, lang)
    successor.setGeometry(geometry)
    successor.show_page(page)
    successor.show()
    app._frontdesk_window = successor  # type: ignore[attr-defined]  # keep it alive
    app.aboutToQuit.connect(store.close)
    if services is not None:
        services.start()
    window.deleteLater()
    if error is not None:
        from ui.runtime.errors import show_error

        show_error(successor, error, lang)
        return None
    log.info("restored a backup with %d people", result.restored_from.people)
    QMessageBox.information(successor, "Front Desk", QCoreApplication.translate(
            "RestoreFlow",
        "The data is back as it was at %1. The state before the restore was backed up first."
    ).replace("%1", when))
    return successor
