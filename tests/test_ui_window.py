"""The desktop window, driven offscreen with pytest-qt."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.people_list import roster_ids
from app.domain.workload import overview
from ui.main_window import MainWindow
from ui.models.people_model import BLOCK
from ui.pages.people import FIRST_SCREEN
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("ui") / "demo.sqlite3"
    build_demo(path, people=3000, seed=5, clock=FixedClock(date(2026, 11, 22)))
    return path


@pytest.fixture
def window(qtbot, demo_db, clock):
    from PySide6.QtWidgets import QApplication

    install_translations(QApplication.instance(), "vi")
    store = open_store(demo_db, clock=clock)
    w = MainWindow(store, runner=ImmediateRunner(store), lang="vi")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    store.close()


def test_overview_shows_the_figures_of_the_core(window):
    o = overview(window.store)
    page = window.pages["overview"]
    assert page.overdue.number.text() == str(o.overdue_tasks)
    assert page.due_week.number.text() == str(o.due_this_week)
    assert o.overdue_tasks > 0
    assert page.title.text().startswith("Hôm nay ở ")
    assert [x.person_id for x in page.bars._loads] == [x.person_id for x in o.busiest]


def test_people_page_searches_as_you_type_without_diacritics(window, qtbot):
    window.show_page("people")
    page = window.pages["people"]
    everyone = roster_ids(window.store)
    # the first screen at once, the rest of the list as soon as the window is idle
    assert page.model.rowCount() == FIRST_SCREEN < len(everyone)
    assert page.count.text() == "Đang đếm…"
    qtbot.waitUntil(lambda: page.model.rowCount() == len(everyone), timeout=3000)
    assert [page.model.person_id(r) for r in range(len(everyone))] == everyone
    assert page.count.text() == f"{len(everyone):,} người".replace(",", ".")
    qtbot.keyClicks(page.search, "nguyen van")
    expected = roster_ids(window.store, text="nguyen van")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(expected), timeout=3000)
    assert len(expected) > 0
    first = page.model.index(0, 0).data()
    assert first.startswith("Nguyễn Văn")
    assert page.count.text().endswith("người")


def test_the_people_model_fetches_only_what_is_shown(window, qtbot):
    window.show_page("people")
    model = window.pages["people"].model
    qtbot.waitUntil(lambda: model.rowCount() > 2 * BLOCK, timeout=3000)
    model.index(0, 0).data()
    assert len(model._cache) <= BLOCK
    model.index(model.rowCount() - 1, 0).data()
    assert len(model._cache) <= 2 * BLOCK


def test_citizen_ids_are_masked_in_the_list(window):
    window.show_page("people")
    model = window.pages["people"].model
    shown = [model.index(r, 3).data() for r in range(min(200, model.rowCount()))]
    assert any(s for s in shown)
    assert all((not s) or ("*" in s and len(s) == 12) for s in shown)


def test_keyboard_shortcuts_switch_pages(window, qtbot):
    from PySide6.QtCore import Qt

    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)
    assert window.stack.currentWidget() is window.pages["people"]
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    assert window.stack.currentWidget() is window.pages["overview"]


def test_screenshot_command_writes_a_picture(demo_db, tmp_path):
    out = tmp_path / "people.png"
    result = subprocess.run(
        [sys.executable, "-c", "from ui.launcher import main; main()", "screenshot", "--page", "people",
         "--out", str(out), "--db", str(demo_db), "--lang", "en"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_screenshot_of_a_missing_database_says_so(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "from ui.launcher import main; main()", "screenshot", "--page", "overview",
         "--out", str(tmp_path / "x.png"), "--db", str(tmp_path / "none.sqlite3")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1 and "frontdesk init" in result.stderr and "Traceback" not in result.stderr


def _form(page, qtbot):
    from PySide6.QtWidgets import QApplication

    page.add_button.click()
    qtbot.waitUntil(lambda: any(w.isVisible() and w.__class__.__name__ == "PersonForm"
                                for w in QApplication.topLevelWidgets()), timeout=2000)
    return next(w for w in QApplication.topLevelWidgets() if w.__class__.__name__ == "PersonForm" and w.isVisible())


def test_adding_a_person_through_the_form(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window.show_page("people")
    page = window.pages["people"]
    before = len(roster_ids(window.store))
    form = _form(page, qtbot)
    form.inputs["full_name"].setText("  hoàng   thị   xuân  ")  # typed through an IME, not key by key
    form.inputs["gender"].setCurrentIndex(form.inputs["gender"].findData("female"))
    qtbot.keyClicks(form.inputs["birth_date"], "5/3/1990")
    qtbot.keyClicks(form.inputs["citizen_id"], "1190123456")  # typed by hand, two digits short
    form.save_button.click()
    # not "leading zeros Excel dropped": a slip of the hand, said next to the field
    assert form.isVisible() and form.saved_id is None and not told
    assert "12 chữ số" in form.errors["citizen_id"].text() and "10" in form.errors["citizen_id"].text()
    form.inputs["citizen_id"].setText("001190123456")
    area = form.inputs["area_id"]
    area.setCurrentIndex(1)  # the first residential area
    women = next(org_id for org_id, box in form.organizations.items() if "Phụ nữ" in box.text())
    form.organizations[women].setChecked(True)
    form.save_button.click()
    assert form.saved_id is not None and not form.isVisible() and not told  # no popup either
    person = window.store.conn.execute(
        "SELECT full_name, gender, birth_date, citizen_id FROM person WHERE id = ?", (form.saved_id,)
    ).fetchone()
    assert person == ("Hoàng Thị Xuân", "female", "1990-03-05", "001190123456")
    joined = window.store.conn.execute(
        "SELECT o.id, o.kind, o.parent_id, o.area_id FROM membership m JOIN organization o"
        " ON o.id = m.organization_id WHERE m.person_id = ? ORDER BY m.id", (form.saved_id,)).fetchall()
    # the association and the women's branch of her area, as a roster import joins them
    assert [row[:2] for row in joined[:1]] == [(women, "member_org")]
    assert [row[1:] for row in joined[1:]] == [("branch", women, area.currentData())]
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=3000)


def test_bad_input_shows_messages_next_to_the_fields_and_saves_nothing(window, qtbot):
    window.show_page("people")
    page = window.pages["people"]
    count = window.store.conn.execute("SELECT count(*) FROM person").fetchone()[0]
    form = _form(page, qtbot)
    qtbot.keyClicks(form.inputs["birth_date"], "31/02/1990")
    qtbot.keyClicks(form.inputs["phone"], "12345")
    form.save_button.click()
    assert form.isVisible() and form.saved_id is None
    shown = {name for name, label in form.errors.items() if label.isVisible()}
    assert shown == {"full_name", "birth_date", "phone"}
    assert "bắt buộc" in form.errors["full_name"].text()
    assert window.store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == count
    form.reject()


def test_editing_a_person_keeps_the_other_fields(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.show_page("people")
    page = window.pages["people"]
    person_id = page.model.person_id(0)
    before = window.store.conn.execute("SELECT * FROM person WHERE id = ?", (person_id,)).fetchone()
    page.edit_person(person_id)
    form = next(w for w in QApplication.topLevelWidgets() if w.__class__.__name__ == "PersonForm" and w.isVisible())
    form.inputs["note"].setText("Tổ trưởng tổ tự quản")
    form.save_button.click()
    after = window.store.conn.execute("SELECT * FROM person WHERE id = ?", (person_id,)).fetchone()
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    names = [d[1] for d in window.store.conn.execute("PRAGMA table_info(person)")]
    assert {names[i] for i in changed} - {"updated_at"} == {"note"}  # the clock stands still here


def test_switching_the_language_reopens_the_window_on_the_same_page_and_is_remembered(window, qtbot):
    from app import messages
    from app.settings import load_settings

    window.show_page("tasks")
    assert window.nav.item(0).text() == "Tổng quan"
    english = window.switch_language("en")
    qtbot.addWidget(english)
    assert english is not window and english.isVisible()
    assert english.nav.item(0).text() == "Overview" and english.stack.currentWidget() is english.tasks
    assert english.runner is window.runner  # a runner handed in is handed on
    assert load_settings()["language"] == "en" and messages.current_language() == "en"
    back = english.switch_language("vi")
    qtbot.addWidget(back)
    assert back.nav.item(0).text() == "Tổng quan" and load_settings()["language"] == "vi"


def test_every_page_is_a_keystroke_away(window, qtbot):
    from PySide6.QtCore import Qt

    for key, page in ((Qt.Key_3, "organizations"), (Qt.Key_4, "tasks"), (Qt.Key_5, "duties")):
        qtbot.keyClick(window, key, Qt.ControlModifier)
        assert window.stack.currentWidget() is window.pages[page]


def test_ctrl_n_adds_on_the_page_in_front(window, qtbot, monkeypatch):
    """Three pages answer Ctrl+N; only the one showing may."""
    from PySide6.QtCore import Qt

    opened = []
    monkeypatch.setattr(window.tasks, "new_task", lambda: opened.append("task"))
    monkeypatch.setattr(window.duties, "new_duty", lambda: opened.append("duty"))
    monkeypatch.setattr(window.people, "add_person", lambda: opened.append("person"))
    for page, expected in (("tasks", "task"), ("duties", "duty"), ("people", "person")):
        window.show_page(page)
        qtbot.keyClick(window.stack.currentWidget(), Qt.Key_N, Qt.ControlModifier)
        assert opened[-1] == expected
    assert opened == ["task", "duty", "person"]


def test_the_overview_says_when_the_data_was_last_backed_up(window):
    from app.safety.schedule import back_up

    page = window.pages["overview"]
    page.refresh()
    assert page.last_backup.text().startswith("⚠ Chưa có bản sao lưu")
    made = back_up(window.store, "manual")
    page.refresh()
    assert made.exists()
    assert page.last_backup.text().startswith("Sao lưu gần nhất: ")
    assert "/" in page.last_backup.text() and "xem mục Sao lưu" in page.last_backup.text()


def test_every_page_can_be_rendered_by_the_screenshot_command():
    from ui.main_window import PAGE_KEYS
    from ui.screenshot import PAGES

    assert PAGES == PAGE_KEYS
