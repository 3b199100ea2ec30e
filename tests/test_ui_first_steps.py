"""A new commune's overview: the first steps until they are done, today's
date and the next report due, and a chart that says what its colours mean."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.domain.people import add_person
from app.domain.workload import OVERLOAD_OPEN_TASKS
from app.safety.usb_copy import CopiedBackup, record_usb_copy
from app.sending import load_site_config, make_destination, save_destination
from ui.main_window import MainWindow
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations


@pytest.fixture
def window(qtbot, store):
    install_translations(QApplication.instance(), "vi")
    w = MainWindow(store, runner=ImmediateRunner(store), lang="vi", real_database=store.path)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    QApplication.processEvents()


def _marks(page) -> dict[str, str]:
    return {key: label.text() for key, label in page.first_steps.marks.items()}


def test_a_new_commune_is_led_through_its_first_steps(window, store, qtbot, tmp_path):
    page = window.pages["overview"]
    steps = page.first_steps
    assert steps.isVisible() and set(_marks(page).values()) == {"○"}
    assert all(button.isVisible() for button in steps.buttons.values())

    steps.buttons["duties"].click()  # the standard set, in one step
    qtbot.waitUntil(lambda: _marks(page)["duties"] == "✓", timeout=5000)
    duties = store.conn.execute("SELECT count(*) FROM duty").fetchone()[0]
    assert duties == 11 and not steps.buttons["duties"].isVisible()
    steps.buttons["duties"].click()  # hidden, but a second click would add nothing anyway
    assert store.conn.execute("SELECT count(*) FROM duty").fetchone()[0] == 11
    # the tasks of the periods that are open now were made, and the next report is named
    assert "Báo cáo" in page.today_line.text() and "hạn" in page.today_line.text()

    add_person(store, {"full_name": "Nguyễn Thị Hoa"})
    qtbot.waitUntil(lambda: _marks(page)["roster"] == "✓", timeout=5000)

    save_destination(store, make_destination("folder", path=str(tmp_path / "tinh")), site=load_site_config())
    qtbot.waitUntil(lambda: _marks(page)["destination"] == "✓", timeout=5000)

    record_usb_copy(store, CopiedBackup(tmp_path / "usb" / "b.sqlite3", 1, "0" * 64))
    qtbot.waitUntil(lambda: not steps.isVisible(), timeout=5000)  # all done: the list goes


def test_the_steps_lead_to_the_pages_that_do_them(window, qtbot, monkeypatch):
    page = window.pages["overview"]
    asked = []
    people = window.pages["people"]
    monkeypatch.setattr(people, "import_roster", lambda: asked.append("import"))
    page.first_steps.buttons["roster"].click()
    assert asked == ["import"] and window.current_page() == "people"
    page.first_steps.buttons["usb"].click()
    assert window.current_page() == "backups"


def test_today_and_the_chart_legend(window):
    page = window.pages["overview"]
    assert page.today_line.text().startswith("Chủ nhật, 22/11/2026")  # the tests' day
    legend = page.legend.text()
    assert "quá hạn" in legend and f"từ {OVERLOAD_OPEN_TASKS} việc" in legend
