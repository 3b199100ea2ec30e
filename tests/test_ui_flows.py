"""The main flows, end to end, through the real window and its real write thread.

One story a new commune official lives through on the first day: set up the
commune, add people, appoint one of them to a second post (she becomes
concurrent), give her a task, mark it done, and watch the overview follow.
"""
from __future__ import annotations

import pytest

from app.db.storage import open_store
from app.domain.organizations import by_code, front_committee_id
from app.domain.tasks import get_task
from ui.dialogs.first_run import FirstRunDialog
from ui.dialogs.person_form import PersonForm
from ui.main_window import MainWindow
from ui.runtime.translations import install_translations

WAIT_MS = 15_000


def _number(card) -> int:
    return int(card.number.text().replace(".", "").replace(",", ""))


def _position(store, org_id: int, title: str) -> int:
    return store.conn.execute(
        "SELECT id FROM position WHERE organization_id = ? AND title = ?", (org_id, title)
    ).fetchone()[0]


def _pick(picker, typed: str) -> None:
    """Type part of a name without accents, take the first suggestion."""
    picker.setText(typed)
    picker.suggest()
    assert picker.suggestions(), f"nobody found for {typed!r}"
    picker.choose(0)


def _saved(qtbot, dialog) -> None:
    """Click Save and wait for the write thread to answer and the dialog to close."""
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def _add_person(window, qtbot, name: str, birth: str, gender: str) -> int:
    window.show_page("people")
    window.people.add_button.click()
    form = window.people.findChildren(PersonForm)[-1]
    form.inputs["full_name"].setText(name)
    form.inputs["birth_date"].setText(birth)
    form.inputs["gender"].setCurrentIndex(form.inputs["gender"].findData(gender))
    _saved(qtbot, form)
    assert form.saved_id is not None
    return form.saved_id


@pytest.fixture
def first_day(qtbot, tmp_path, monkeypatch, clock):
    """A commune set up through the first-run dialog, opened in the real window."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    told: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *a, **k: told.append(text))
    install_translations(QApplication.instance(), "vi")
    db = tmp_path / "data" / "frontdesk.sqlite3"
    setup = FirstRunDialog(db, "vi")
    qtbot.addWidget(setup)
    setup.province.setCurrentIndex(setup.province.findData("01"))  # Hà Nội
    setup.search.setText("ba dinh")  # typed without diacritics
    setup.create_button.click()
    assert setup.chosen == db and db.exists()

    store = open_store(db, clock=clock)  # "today" is the tests' fixed day, 22/11/2026
    window = MainWindow(store, lang="vi")  # the real write thread, not the test runner
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window, store, told
    window.close()  # waits for the write thread
    store.close()


def test_a_first_day_at_the_commune_front(first_day, qtbot):
    window, store, told = first_day
    assert "Phường Ba Đình" in window.windowTitle()
    overview = window.overview
    vacant_before = _number(overview.vacant)
    assert _number(overview.concurrent) == 0 and _number(overview.people) == 0

    hoa = _add_person(window, qtbot, "Nguyễn Thị Hoa", "12/04/1985", "female")
    nam = _add_person(window, qtbot, "Trần Văn Nam", "1979", "male")
    assert window.people.model.rowCount() == 2

    # Vice Chair of the Front committee, then Chair of the Women's Union: two posts at once
    window.show_page("organizations")
    page = window.organizations
    for org_id, title in ((front_committee_id(store), "Phó Chủ tịch"), (by_code(store, "women"), "Chủ tịch")):
        page.select_organization(org_id)
        dialog = page.open_appoint(_position(store, org_id, title))
        _pick(dialog.person, "nguyen thi hoa")
        _saved(qtbot, dialog)
    held = store.conn.execute("SELECT count(*) FROM appointment WHERE person_id = ? AND end_on IS NULL", (hoa,))
    assert held.fetchone()[0] == 2
    page.show_concurrent()
    assert page.tabs.currentIndex() == page.CONCURRENT
    listed = page.concurrent_list
    assert "Nguyễn Thị Hoa" in [listed.topLevelItem(i).text(0) for i in range(listed.topLevelItemCount())]
    card = window.show_person(hoa)
    assert card.concurrent_label.isVisible() and "2" in card.concurrent_label.text()
    assert "Kiêm nhiệm" in card.concurrent_label.text()
    card.close()

    window.show_page("overview")
    assert _number(overview.concurrent) == 1
    assert _number(overview.vacant) == vacant_before - 2
    due_week_before = _number(overview.due_week)

    # a task from a plan, due in three days (today is 22/11/2026), Hoa leading and Nam supporting
    window.show_page("tasks")
    form = window.tasks.new_task()
    form.inputs["title"].setText("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc")
    form.inputs["due_on"].setText("25/11/2026")
    form.inputs["source_number"].setText("45/KH-MTTQ-BTT")
    _pick(form.lead, "nguyen thi hoa")
    assert not form.lead_overloaded and form.lead_load.isVisible()
    _pick(form.supporter, "tran van nam")
    _saved(qtbot, form)
    task = get_task(store, form.saved_id)
    assert (task.lead_id, task.support, task.status) == (hoa, [(nam, "Trần Văn Nam")], "todo")
    assert window.tasks.model.ids() == [task.id]

    window.show_page("overview")
    assert _number(overview.due_week) == due_week_before + 1
    overview.due_week.click()  # one click to the tasks behind the number
    assert window.stack.currentWidget() is window.tasks and window.tasks.model.ids() == [task.id]

    window.tasks.select_ids([task.id])
    window.tasks.mark_done()
    qtbot.waitUntil(lambda: get_task(store, task.id).status == "done", timeout=WAIT_MS)
    assert get_task(store, task.id).completed_on == store.today().isoformat()
    qtbot.waitUntil(lambda: window.tasks.model.ids() == [], timeout=WAIT_MS)  # it left the list of open work
    window.show_page("overview")
    assert _number(overview.due_week) == due_week_before
    assert told == []  # nothing went wrong along the way


def test_bad_input_in_the_forms_says_what_is_wrong_and_saves_nothing(first_day, qtbot):
    window, store, _told = first_day

    def count(table: str) -> int:
        return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    before = {table: count(table) for table in ("person", "task", "appointment", "change_log")}
    window.show_page("tasks")
    form = window.tasks.new_task()
    form.inputs["due_on"].setText("31/02/2026")  # no such day; and no title at all
    form.save_button.click()
    qtbot.waitUntil(lambda: form.errors["title"].isVisible(), timeout=WAIT_MS)  # the answer comes from the write thread
    assert form.isVisible() and form.saved_id is None
    assert "bắt buộc" in form.errors["title"].text() and form.errors["title"].isVisible()
    assert form.errors["due_on"].isVisible() and form.errors["due_on"].text()
    form.reject()

    window.show_page("organizations")
    page = window.organizations
    org_id = front_committee_id(store)
    page.select_organization(org_id)
    dialog = page.open_appoint(_position(store, org_id, "Chủ tịch"))
    dialog.person.setText("ai do chua chon")  # typed, never chosen from the list
    dialog.start_on.setText("32/13/2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "start_on" in dialog.problems_shown(), timeout=WAIT_MS)
    assert dialog.isVisible() and set(dialog.problems_shown()) >= {"person", "start_on"}
    dialog.reject()

    assert {table: count(table) for table in before} == before
