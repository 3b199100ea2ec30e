"""The app's rotating log in the user log directory.

Only what helps find a fault goes here: commands, counts, error codes and
tracebacks. Never names, citizen IDs, phones or any other personal data.
The code logs codes and counts only; the formatter guards the rest:

- a traceback keeps its frames (file, line, function, source line) but not
  the exception's message, which may quote a value (``KeyError('Nguyễn…')``),
  except for SQLite's and the OS's own messages, which name tables and files;
- any run of 9 or more digits (a citizen ID, a phone) is masked wherever
  it appears.
"""
from __future__ import annotations

import logging
import logging.handlers
import re
import sqlite3
import traceback
from pathlib import Path

LOG_NAME = "frontdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_configured: Path | None = None

# ID and phone numbers: 9 or more digits in a row, or groups of 3-4 digits
# the way people type them ("0912 345 678", "001.090.012.345"). Dates and
# times ("2026-11-22 06:55") have groups of two and stay readable.
_LONG_NUMBER = re.compile(r"(?<![\d.])(?:\+?\d{9,}|\+?\d{2,4}(?:[ .\-]\d{3,4}){2,3})(?![\d])")
# Messages that describe the program's own state, never a person's values.
_SAFE_MESSAGES = (sqlite3.Error, OSError, ImportError, MemoryError, RecursionError, TimeoutError)


def redact(text: str) -> str:
    return _LONG_NUMBER.sub("[số]", text)


class PrivateFormatter(logging.Formatter):
    """A log line with no personal data in it (see the module's text)."""

    def formatException(self, ei) -> str:  # noqa: N802 (logging's name)
        kind, exc, tb = ei
        lines = ["Traceback (most recent call last):\n"]
        lines += traceback.format_list(traceback.extract_tb(tb))
        name = getattr(kind, "__qualname__", str(kind))
        if exc is not None and isinstance(exc, _SAFE_MESSAGES):
            lines.append(f"{name}: {exc}")
        else:
            code = getattr(exc, "code", None)  # FrontDeskError: its code says what, its params are values
            lines.append(f"{name}" + (f" [{code}]" if isinstance(code, str) else "") + " (message left out)")
        return "".join(lines).rstrip("\n")

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return stack_info

    def format(self, record: logging.LogRecord) -> str:
        # Another handler (a console, a test's capture) may have formatted
        # the traceback first and cached it with its message: never reuse it.
        cached, record.exc_text = record.exc_text, None
        try:
            return redact(super().format(record))
        finally:
            record.exc_text = cached


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to ``log_dir/frontdesk.log`` (1 MB x 5 files). Returns the file, or
    None when the folder cannot be written (the app still works)."""
    global _configured
    target = Path(log_dir) / LOG_NAME
    if _configured == target:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_frontdesk", False)]:
        root.removeHandler(old)
        old.close()
    handler._frontdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    _configured = target
    return target
