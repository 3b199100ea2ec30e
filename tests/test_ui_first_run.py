"""First run: province, then commune, searchable without diacritics; or the demo;
or the commune IT locked in site.toml."""
from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("PySide6")

from app.errors import FrontDeskError  # noqa: E402
from app.site_config import load_site_config  # noqa: E402
from ui.application import choose_database  # noqa: E402
from ui.first_run import FirstRunDialog, demo_path_for  # noqa: E402


def _code(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT code FROM commune").fetchone()[0]


def test_choose_province_then_commune_without_diacritics(qtbot, tmp_path):
    db = tmp_path / "data" / "frontdesk.sqlite3"
    dialog = FirstRunDialog(db, "vi")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and not dialog.create_button.isEnabled()
    dialog.province.setCurrentIndex(dialog.province.findData("01"))  # Hà Nội
    assert dialog.list.count() > 100
    qtbot.keyClicks(dialog.search, "ba dinh")
    assert dialog.list.count() == 1 and "Phường Ba Đình" in dialog.list.item(0).text()
    assert dialog.create_button.isEnabled()
    dialog.create_button.click()
    assert dialog.chosen == db and _code(db) == "00004"


def test_search_across_provinces_and_nothing_made_without_a_choice(qtbot, tmp_path):
    db = tmp_path / "frontdesk.sqlite3"
    dialog = FirstRunDialog(db, "vi")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "xa tan hoa")
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts and all("Tân Hòa" in t for t in texts) and all(" — " in t for t in texts)
    dialog.reject()
    assert dialog.chosen is None and not db.exists()


def test_demo_commune_goes_beside_the_real_database(qtbot, tmp_path):
    db = tmp_path / "frontdesk.sqlite3"
    dialog = FirstRunDialog(db, "vi")
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    assert dialog.chosen == demo_path_for(db) and dialog.chosen.exists()
    assert not db.exists()


def test_a_locked_site_commune_skips_the_choice(tmp_path, monkeypatch):
    site = tmp_path / "site.toml"
    site.write_text('[commune]\ncode = "4"\nlocked = true\n', encoding="utf-8")
    monkeypatch.setenv("FRONTDESK_SITE_CONFIG", str(site))
    db = tmp_path / "frontdesk.sqlite3"
    assert choose_database(db, "vi") == db and _code(db) == "00004"


def test_a_broken_site_file_is_reported(tmp_path, monkeypatch):
    site = tmp_path / "site.toml"
    monkeypatch.setenv("FRONTDESK_SITE_CONFIG", str(site))
    assert load_site_config().commune_code is None  # no file: no site settings
    site.write_text("[commune\ncode = 4", encoding="utf-8")
    with pytest.raises(FrontDeskError) as err:
        load_site_config()
    assert err.value.code == "site.unreadable"
    site.write_text('[commune]\ncode = "99999"\nlocked = true\n', encoding="utf-8")
    with pytest.raises(FrontDeskError) as err:
        load_site_config()
    assert err.value.code == "site.bad_commune"
