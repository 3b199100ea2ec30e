"""The app's rotating logs in the user log directory: one file per program.

The window writes ``frontdesk.log``, the command line ``frontdesk-cli.log``.
On Windows a file another process has open cannot be renamed (error 32), so
one file shared by the window and a command would never rotate; and a
rotation that fails anyway (antivirus, the indexer, a second window on
another database) must lose nothing: ``SafeRotatingFileHandler`` renames the
current file aside first and only then shifts the older ones, so a refused
rename moves nothing; it keeps writing to the current file and tries again
after the file has grown another ``RETRY_BYTES``. A log that cannot be
written never prints a traceback on the person's console.

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
import os
import re
import sqlite3
import traceback
from pathlib import Path

LOG_NAME = "frontdesk.log"  # the window's
CLI_LOG_NAME = "frontdesk-cli.log"  # the command line's
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
RETRY_BYTES = 64 * 1024  # a refused rotation is tried again after this much more log
PENDING_SUFFIX = ".rotating"
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


class SafeRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A ``RotatingFileHandler`` whose rotation may be refused (Windows: the
    file is open in another process) without losing a record, shifting the
    older files for nothing, or printing anything on stderr.

    Rotation: the current file is renamed to ``NAME.rotating`` first; only
    when that worked are ``NAME.1``..``NAME.N`` shifted and ``NAME.rotating``
    becomes ``NAME.1``. ``failures`` counts refused rotations and
    ``write_errors`` records that could not be written (for tests)."""

    def __init__(self, filename, **kwargs) -> None:
        super().__init__(filename, **kwargs)
        self.failures = 0
        self.write_errors = 0
        self._retry_at = 0  # size the file must reach before rotating is tried again

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802 (logging's name)
        if not super().shouldRollover(record):
            return False
        # after a refused rotation: not again on every record, only once the file grew further
        return self._retry_at == 0 or self.stream.tell() >= self._retry_at

    def doRollover(self) -> None:  # noqa: N802
        if self.stream:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        base = self.baseFilename
        pending = base + PENDING_SUFFIX
        refused: OSError | None = None
        try:
            if os.path.exists(pending):  # a rotation cut short earlier: finish it first
                self._shift_in(pending)
            os.replace(base, pending)
        except OSError as exc:  # Windows error 32: another process has it open
            refused = exc
        else:
            try:
                self._shift_in(pending)
            except OSError as exc:  # the current file is safe as NAME.rotating; shifted next time
                refused = exc
        self.stream = self._open()
        if refused is not None:
            self.failures += 1
            try:
                size = os.path.getsize(base)
            except OSError:
                size = 0
            self._retry_at = size + RETRY_BYTES
            code = getattr(refused, "winerror", None) or refused.errno
            self.stream.write(f"(log rotation put off: file in use or not renamable, error {code})\n")
            self.flush()
        else:
            self._retry_at = 0

    def _shift_in(self, pending: str) -> None:
        """``NAME.i`` -> ``NAME.i+1`` (the oldest dropped), then pending -> ``NAME.1``."""
        for i in range(self.backupCount - 1, 0, -1):
            source = f"{self.baseFilename}.{i}"
            if os.path.exists(source):
                os.replace(source, f"{self.baseFilename}.{i + 1}")
        if self.backupCount > 0:
            os.replace(pending, f"{self.baseFilename}.1")
        else:
            os.remove(pending)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        # logging would print "--- Logging error ---" and a traceback on stderr,
        # which for a command is the person's console: count it, say nothing.
        self.write_errors += 1


def setup_logging(log_dir: Path, *, level: int = logging.INFO, name: str = LOG_NAME) -> Path | None:
    """Log to ``log_dir/name`` (1 MB x 5 files): ``LOG_NAME`` for the window,
    ``CLI_LOG_NAME`` for the command line, so that no two programs share a
    file that one of them must rename. Returns the file, or None when the
    folder cannot be written (the app still works)."""
    global _configured
    target = Path(log_dir) / name
    if _configured == target:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = SafeRotatingFileHandler(
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
