"""The user's own preferences, as JSON in the user config directory.

Few and harmless (the language of the window, for now): a missing or broken
file means the defaults, never a failure to start. Written atomically, so a
power cut leaves the old file or the new one, not half of one.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from app import durable
from app.paths import app_paths

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {"language": "vi"}
_CHOICES: dict[str, tuple[Any, ...]] = {"language": ("vi", "en")}


def _path(path: Path | None) -> Path:
    return path or app_paths().settings


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The saved settings over the defaults; unknown keys and bad values are ignored."""
    settings = dict(DEFAULTS)
    file = _path(path)
    try:
        saved = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable, using defaults: %s", file, exc)
        return settings
    if not isinstance(saved, dict):
        log.warning("settings file %s is not an object, using defaults", file)
        return settings
    for key, value in saved.items():
        if key in _CHOICES and value in _CHOICES[key]:
            settings[key] = value
    return settings


def save_settings(changes: dict[str, Any], path: Path | None = None) -> dict[str, Any]:
    """Merge ``changes`` into the saved settings and write them; returns the result."""
    for key, value in changes.items():
        if key not in _CHOICES or value not in _CHOICES[key]:
            raise ValueError(f"not a setting: {key}={value!r}")
    file = _path(path)
    settings = {**load_settings(file), **changes}
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings.", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(settings, out, ensure_ascii=False, indent=2)
            out.flush()
            os.fsync(out.fileno())
        durable.replace(temporary, file)
    except BaseException:
        durable.remove(Path(temporary))
        raise
    return settings
