"""Qt's own texts (standard buttons, message boxes, the edit menu, the file
dialog) in Vietnamese from our resources/translations/qtbase_vi.ts: Qt ships
none. English stays English; the built .qm matches its .ts."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTextEdit,
)

from ui.runtime import translations
from ui.runtime.translations import install_translations

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "qtbase_vi.ts"
QM = TS.with_suffix(".qm")
BUTTONS = QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Save


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: PySide6-Essentials ships it"
    return found


@pytest.fixture
def language(qapp):
    """Switch the application's language; afterwards no translator is left."""
    locale = QLocale()
    yield lambda lang: install_translations(qapp, lang)
    for translator in getattr(qapp, "_frontdesk_translators", []):
        qapp.removeTranslator(translator)
    qapp._frontdesk_translators = []
    QLocale.setDefault(locale)


def _texts(box: QDialogButtonBox | QMessageBox) -> set[str]:
    return {b.text() for b in box.buttons()}


def _details_button(box: QMessageBox) -> QPushButton:
    found = [b for b in box.findChildren(QPushButton) if box.buttonRole(b) == QMessageBox.ActionRole]
    assert len(found) == 1
    return found[0]


def _message_box(qtbot) -> QMessageBox:
    box = QMessageBox(QMessageBox.Question, "Front Desk", "Save the changes?",
                      QMessageBox.Yes | QMessageBox.No)
    box.setDetailedText("details")
    qtbot.addWidget(box)
    box.show()
    return box


@pytest.mark.parametrize("lang, buttons, yes_no, details", [
    ("vi", {"Đồng ý", "Hủy", "Lưu"}, {"&Có", "&Không"}, ("Xem chi tiết...", "Ẩn chi tiết...")),
    ("en", {"OK", "Cancel", "Save"}, {"&Yes", "&No"}, ("Show Details...", "Hide Details...")),
])
def test_standard_buttons_and_message_boxes(qtbot, language, lang, buttons, yes_no, details):
    language(lang)
    assert _texts(QDialogButtonBox(BUTTONS)) == buttons
    box = _message_box(qtbot)
    assert _texts(box) - {_details_button(box).text()} == yes_no
    button = _details_button(box)
    assert button.text() == details[0]
    button.click()
    assert button.text() == details[1]


def test_switching_back_to_english_drops_the_vietnamese(language):
    language("vi")
    assert "Hủy" in _texts(QDialogButtonBox(BUTTONS))
    language("en")
    assert _texts(QDialogButtonBox(BUTTONS)) == {"OK", "Cancel", "Save"}


def test_the_edit_menu_and_the_progress_dialog_in_vietnamese(qtbot, language):
    language("vi")
    for editor in (QLineEdit("abc"), QTextEdit("abc")):
        qtbot.addWidget(editor)
        menu = editor.createStandardContextMenu()
        texts = {a.text().split("\t")[0] for a in menu.actions() if a.text()}
        assert {"&Hoàn tác", "&Làm lại", "Cắ&t", "Sao &chép", "&Dán", "Xóa", "Chọn tất cả"} <= texts
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.show()
    assert {b.text() for b in progress.findChildren(QPushButton)} == {"Hủy"}


class _Spy(QTranslator):
    """Installed last, so Qt asks it first: records every text Qt looks up and
    lets the real translators answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source, disambiguation or ""))
        return None

    def isEmpty(self) -> bool:
        return False


# Texts Qt looks up that stay as they are: key names of shortcuts, shortcuts
# that must stay parseable, the "%p%" bar format.
# texts the dialogs below must have asked for, the file dialog's among them
SEEN = {("QMessageBox", "Show Details...", ""), ("QFileDialog", "&Look in:", ""),
        ("QFileSystemModel", "Type", "All other platforms"),
        ("QLineEdit", "&Paste", ""), ("QProgressDialog", "Cancel", "")}
UNTRANSLATED = re.compile(r"^(%p%|(Alt|Ctrl|Shift|Meta)\+\w+)$")


def test_every_qt_text_an_office_user_meets_is_translated(qtbot, qapp, language, tmp_path):
    """Build the dialogs and menus, record what Qt asks for, and check ours
    answers each: a Qt upgrade that changes a text fails here."""
    language("vi")
    ours = QTranslator()
    assert ours.load(str(QM))
    spy = _Spy()
    qapp.installTranslator(spy)
    try:
        everything = QDialogButtonBox.StandardButtons(0)
        for button in QDialogButtonBox.StandardButton:
            if button not in (QDialogButtonBox.NoButton,):
                everything |= button
        QDialogButtonBox(everything)
        box = _message_box(qtbot)
        _details_button(box).click()
        _details_button(box).click()
        for editor in (QLineEdit("a"), QTextEdit("a"), QSpinBox()):
            qtbot.addWidget(editor)
            editor.show()
            (editor.lineEdit() if isinstance(editor, QSpinBox) else editor).createStandardContextMenu()
        QProgressDialog().show()
        dialog = QInputDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        (tmp_path / "report.xlsx").write_bytes(b"")
        (tmp_path / "folder").mkdir()
        files = QFileDialog(None, "", str(tmp_path))
        qtbot.addWidget(files)
        files.setOption(QFileDialog.DontUseNativeDialog)
        files.setFileMode(QFileDialog.Directory)
        files.setFileMode(QFileDialog.AnyFile)
        files.setAcceptMode(QFileDialog.AcceptSave)
        files.setViewMode(QFileDialog.Detail)
        files.show()
        # the file system model fills its rows (types, sizes) in a thread: bounded, generous
        qtbot.waitUntil(lambda: SEEN <= spy.asked, timeout=15_000)
    finally:
        qapp.removeTranslator(spy)
    # File types (QMimeType) depend on the files around; Qt names most in
    # Vietnamese itself.
    asked = {k for k in spy.asked
             if k[0] not in ("QShortcut", "QMimeType") and not UNTRANSLATED.match(k[1])}
    assert len(asked) > 60  # the check saw the dialogs
    assert SEEN <= asked
    missing = sorted(k for k in asked if not ours.translate(*k))
    assert missing == [], f"add these to qtbase_vi.ts and run pyside6-lrelease: {missing}"


def test_ours_wins_over_one_a_later_qt_might_ship(tmp_path, monkeypatch, language):
    qt_dir = tmp_path / "qt"
    qt_dir.mkdir()
    ts = qt_dir / "qtbase_vi.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="vi_VN">'
        "<context><name>QPlatformTheme</name>"
        "<message><source>Cancel</source><translation>Qt's cancel</translation></message>"
        "</context><context><name>QShortcut</name>"
        "<message><source>Ctrl</source><translation>Qt's ctrl</translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qt_dir / "qtbase_vi.qm")],
                   check=True, capture_output=True)

    class QtInfo:
        TranslationsPath = QLibraryInfo.TranslationsPath

        @staticmethod
        def path(_which) -> str:
            return str(qt_dir)

    monkeypatch.setattr(translations, "QLibraryInfo", QtInfo)
    language("vi")
    assert _texts(QDialogButtonBox(QDialogButtonBox.Cancel)) == {"Hủy"}  # ours
    assert QCoreApplication.translate("QShortcut", "Ctrl") == "Qt's ctrl"  # theirs fills a gap


def _messages(ts: Path) -> list[tuple[str, str, str, ET.Element]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out.append((name, message.findtext("source"), message.findtext("comment") or "",
                        message.find("translation")))
    return out


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def test_every_entry_is_translated_and_keeps_placeholders_and_one_accelerator():
    entries = _messages(TS)
    assert len(entries) > 100
    keys = [(c, s, m) for c, s, m, _ in entries]
    assert len(keys) == len(set(keys))
    for context, source, _comment, translation in entries:
        text = translation.text or ""
        assert text.strip() and translation.get("type") is None, (context, source)
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), source
        assert _accelerators(text) == _accelerators(source), (source, text)


def test_the_built_qm_is_up_to_date(tmp_path):
    rebuilt = tmp_path / "qtbase_vi.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(rebuilt)], check=True,
                   capture_output=True)
    assert rebuilt.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on qtbase_vi.ts"
