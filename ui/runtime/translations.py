"""The window's languages: our texts in Vietnamese (the default) and English,
and Qt's own texts in Vietnamese (see resources/translations/README.md)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.resources import translations_dir

TRANSLATIONS = translations_dir()  # the checkout's resources/, or the bundle's
LANGUAGES = ("vi", "en")


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Our own texts, and Qt's own (standard buttons, message boxes, the file
    dialog, the edit menu): Qt ships no Vietnamese for those, so
    ``qtbase_vi.qm`` is ours too (see resources/translations/README.md).

    English is the source language; its translator holds only the plural
    forms ("1 task", "2 tasks"), which a source text cannot carry."""
    for old in getattr(app, "_frontdesk_translators", []):
        app.removeTranslator(old)
    loaded: list[QTranslator] = []
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
        # Qt asks the translator installed last first: a qtbase_vi that a
        # later Qt might ship only fills the gaps of ours, never overrides it.
        qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
        for path in (Path(qt_dir) / "qtbase_vi.qm", TRANSLATIONS / "qtbase_vi.qm",
                     TRANSLATIONS / "frontdesk_vi.qm"):
            translator = QTranslator(app)
            # A full path: load(name, dir) would fall back to "qtbase.qm" and the like.
            if path.is_file() and translator.load(str(path)):
                loaded.append(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
        plurals = QTranslator(app)
        if plurals.load(str(TRANSLATIONS / "frontdesk_en.qm")):
            loaded.append(plurals)
    for translator in loaded:
        app.installTranslator(translator)
    app._frontdesk_translators = loaded  # type: ignore[attr-defined]
    return loaded
