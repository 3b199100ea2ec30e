"""Turning failures into words for people, and keeping the app alive.

Expected failures (the core's typed errors) become the translated message of
``app.messages``. Anything unexpected is logged with its traceback and shown
once in a dialog with a "Copy details" button; the app keeps running.
"""
from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import messages
from app.db import sqlite_problem
from app.errors import FrontDeskError, InvalidInput, InvalidValue

log = logging.getLogger("frontdesk.ui")


def user_message(error: BaseException, lang: str, path: str = "") -> str | None:
    """The message for an error a person can act on; None for a bug."""
    if isinstance(error, FrontDeskError):
        return messages.describe(error, lang)
    if isinstance(error, sqlite3.Error):
        return messages.describe(sqlite_problem(error, path), lang)
    return None


def field_message(problem: InvalidValue, lang: str) -> str:
    """The problem's words without the field's name: they stand under the field."""
    return messages.text(
        problem.code, lang, field_name=messages.field_name(problem.field, lang), **problem.params
    )


def show_error(parent: QWidget | None, error: BaseException, lang: str, path: str = "") -> None:
    """A clear message box for an expected failure; the hook for anything else."""
    text = user_message(error, lang, path)
    if text is None:
        ExceptionHook.instance().report(type(error), error, error.__traceback__)
        return
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Cannot do that"), text)


def show_in_form(parent: QWidget, error: BaseException, fields, show_problems, lang: str, path: str = "") -> None:
    """A failed save: each problem under its field when the form has them all;
    otherwise one message box, so no problem is ever silently dropped."""
    problems = error.problems if isinstance(error, InvalidInput) else (
        [error] if isinstance(error, InvalidValue) else []
    )
    if problems and all(p.field in fields for p in problems):
        show_problems(problems)
    else:
        show_error(parent, error, lang, path)


class ExceptionHook(QObject):
    """``sys.excepthook`` that logs, and shows the dialog on the GUI thread."""

    _show = Signal(str, str)
    _instance: "ExceptionHook | None" = None

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[str] = set()
        self._show.connect(self._dialog)  # queued from other threads
        self.shown: list[str] = []  # what was shown, for tests

    @classmethod
    def instance(cls) -> "ExceptionHook":
        if cls._instance is None:
            cls._instance = ExceptionHook()
        return cls._instance

    @classmethod
    def install(cls) -> "ExceptionHook":
        hook = cls.instance()
        sys.excepthook = hook.report
        return hook

    def report(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", details)
        where = traceback.extract_tb(tb)[-1] if tb else None
        key = f"{kind.__name__}:{where.filename}:{where.lineno}" if where else kind.__name__
        if key in self._seen:  # the same fault again: logged, not shown again
            return
        self._seen.add(key)
        self._show.emit(kind.__name__, details)

    def _dialog(self, kind: str, details: str) -> None:
        self.shown.append(kind)
        if QApplication.instance() is None or QApplication.platformName() == "offscreen":
            return  # no one to click: tests and screenshots only log it
        box = QMessageBox(QMessageBox.Critical, "Front Desk", self.tr(
            "Something went wrong that the app did not expect. Your data is safe; you can keep working. "
            "The details were written to the log."
        ))
        box.setDetailedText(details)
        copy = box.addButton(self.tr("Copy details"), QMessageBox.ActionRole)
        box.addButton(QMessageBox.Close)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(details)
