"""Where the app's own read-only files are: ``resources/`` (translations, icons).

From a source checkout that is the folder beside ``app/``; in a PyInstaller
bundle it is ``resources/`` inside the bundle's data folder (``sys._MEIPASS``),
where ``packaging/frontdesk.spec`` puts it. Everything that needs a resource
asks here, so the frozen app and the checkout find the same files.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The compiled translations the window loads (ui/application.py). The
# installers and ``frontdesk check`` are held to this list; a test keeps it
# equal to the .qm files in resources/translations.
TRANSLATION_FILES = ("frontdesk_vi.qm", "frontdesk_en.qm", "qtbase_vi.qm")
ICON_FILES = ("frontdesk.svg", "frontdesk.png", "frontdesk.ico")


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]
    return Path(__file__).resolve().parents[1] / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"
