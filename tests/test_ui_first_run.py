"""First run: province, then commune, searchable without diacritics; or the demo
(built off the GUI thread, with Cancel); or the commune IT locked in site.toml."""
from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from app import messages
from app.errors import FrontDeskError, InvalidValue
from app.sending.site_config import load_site_config
from ui.application import choose_database
from ui.dialogs import first_run
from ui.dialogs.first_run import FirstRunDialog, demo_path_for

WAIT = 20_000  # ms: the demo build takes about a second; a slow machine more


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
    assert not dialog.demo_button.isEnabled()  # built off the GUI thread: no second click
    qtbot.waitUntil(lambda: dialog.chosen is not None, timeout=WAIT)
    assert dialog.chosen == demo_path_for(db) and dialog.chosen.exists()
    assert dialog.result() == FirstRunDialog.Accepted and not db.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["demo.sqlite3"]


def hold_the_build(monkeypatch) -> threading.Event:
    """The real demo build, held at its first "people" report until it is
    cancelled, so a Cancel surely lands in the middle of the build. Returns
    the event set when the build got there."""
    real_build = first_run.build_demo
    at_people = threading.Event()

    def held_build(path, *, progress, **options):
        def report(stage, done, total):
            if stage == "people" and not at_people.is_set():
                at_people.set()
                deadline = time.monotonic() + WAIT / 1000  # bounded: never hangs
                while not progress.cancelled and time.monotonic() < deadline:
                    time.sleep(0.01)
            progress(stage, done, total)

        return real_build(path, progress=report, **options)

    monkeypatch.setattr(first_run, "build_demo", held_build)
    return at_people


def test_cancelling_the_demo_build_leaves_no_demo_file(qtbot, tmp_path, monkeypatch):
    at_people = hold_the_build(monkeypatch)
    folder = tmp_path / "data"
    db = folder / "frontdesk.sqlite3"
    dialog = FirstRunDialog(db, "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.demo_button.click()
    qtbot.waitUntil(at_people.is_set, timeout=WAIT)
    assert not demo_path_for(db).exists()  # built under another name until complete
    task = dialog.demo_task
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=WAIT)
    task.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: dialog.demo_task is None, timeout=WAIT)
    assert dialog.chosen is None and dialog.isVisible()
    assert list(folder.iterdir()) == []  # no demo, no temporary file
    assert dialog.demo_button.isEnabled() and dialog.province.isEnabled()


def test_a_failed_demo_build_says_why_and_lets_you_choose_again(qtbot, tmp_path, monkeypatch):
    error = InvalidValue("demo.people_range", field="people", value=1, low=100, high=1000)

    def failing_build(path, **options):
        raise error

    shown: list[str] = []
    monkeypatch.setattr(first_run, "build_demo", failing_build)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    db = tmp_path / "frontdesk.sqlite3"
    dialog = FirstRunDialog(db, "vi")
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    assert shown == [messages.describe(error, "vi")]
    assert dialog.chosen is None and dialog.demo_task is None and dialog.demo_button.isEnabled()


def test_closing_the_dialog_during_the_build_stops_it(qtbot, tmp_path, monkeypatch):
    at_people = hold_the_build(monkeypatch)
    folder = tmp_path / "data"
    dialog = FirstRunDialog(folder / "frontdesk.sqlite3", "vi")
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    qtbot.waitUntil(at_people.is_set, timeout=WAIT)
    dialog.reject()  # Esc, or the window's X
    assert dialog.chosen is None and list(folder.iterdir()) == []
    qtbot.waitUntil(lambda: dialog.demo_task is None, timeout=WAIT)  # its callback came too


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
