"""The app's rotating log in the user log directory.

Only what helps find a fault goes here: commands, counts, error types and
tracebacks. Never names, citizen IDs, phones or any other personal data.
"""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "frontdesk.log"
_configured: Path | None = None


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
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_frontdesk", False)]:
        root.removeHandler(old)
        old.close()
    handler._frontdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    _configured = target
    return target
