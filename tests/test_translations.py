"""Every user-visible string of the window has a Vietnamese translation, and the
built .qm matches its .ts source."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "frontdesk_vi.ts"
QM = TS.with_suffix(".qm")
PLURALS_TS = TS.with_name("frontdesk_en.ts")  # English: only the plural forms


def _tool(name: str) -> str:
    """PySide6's translation tools sit next to the venv's python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} is missing: PySide6-Essentials ships it"
    return found


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).iter("message"))


def test_every_string_in_the_sources_is_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    untranslated = []
    for message in _messages(fresh):
        translation = message.find("translation")
        if translation.get("type") == "vanished" or translation.get("type") == "obsolete":
            continue
        text = "".join(translation.itertext()).strip()
        if translation.get("type") == "unfinished" or not text:
            untranslated.append(message.find("source").text)
    assert untranslated == [], "run pyside6-lupdate and translate these in frontdesk_vi.ts"


def test_the_check_would_catch_a_missing_translation(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtCore import QCoreApplication\nQCoreApplication.translate('X', 'Brand new text')\n")
    ts = tmp_path / "probe.ts"
    subprocess.run([_tool("pyside6-lupdate"), str(probe), "-ts", str(ts)], check=True, capture_output=True)
    assert [m.find("translation").get("type") for m in _messages(ts)] == ["unfinished"]


def test_the_built_qm_is_up_to_date(tmp_path):
    rebuilt = tmp_path / "vi.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(rebuilt)], check=True, capture_output=True)
    assert rebuilt.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on frontdesk_vi.ts"


def test_english_plurals_cover_every_plural_string(tmp_path):
    fresh = tmp_path / "en.ts"
    shutil.copy(PLURALS_TS, fresh)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), "-pluralonly", *sources, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    missing = [
        m.find("source").text for m in _messages(fresh)
        if m.find("translation").get("type") not in ("vanished", "obsolete")
        and len([f for f in m.iter("numerusform") if (f.text or "").strip()]) != 2
    ]
    assert missing == [], "give these a singular and a plural in frontdesk_en.ts"
    rebuilt = tmp_path / "en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(PLURALS_TS), "-qm", str(rebuilt)], check=True, capture_output=True)
    assert rebuilt.read_bytes() == PLURALS_TS.with_suffix(".qm").read_bytes(), "run pyside6-lrelease on frontdesk_en.ts"


def test_english_counts_read_naturally(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui.runtime.translations import install_translations

    install_translations(qapp, "en")
    assert QCoreApplication.translate("PeoplePage", "%Ln people", "", 1) == "1 person"
    assert QCoreApplication.translate("PeoplePage", "%Ln people", "", 3) == "3 people"
