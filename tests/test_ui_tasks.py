"""The Tasks page and the task form, driven offscreen with pytest-qt."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.me import my_person_id, set_my_person
from app.domain.organizations import by_code
from app.domain.people import add_person
from app.domain.tasks import OPEN_STATUSES, TaskFilter, add_task, count_tasks, get_task, set_status, task_ids
from app.domain.workload import OVERLOAD_OPEN_TASKS
from ui.dialogs.task_form import TaskForm
from ui.models.tasks_model import BLOCK
from ui.pages.tasks import TasksPage
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations


@pytest.fixture
def staff(store):
    return {
        key: add_person(store, {"full_name": name})[0]
        for key, name in (("lan", "Nguyễn Thị Lan"), ("hai", "Trần Văn Hải"), ("binh", "Lê Văn Bình"))
    }


@pytest.fixture
def page(qtbot, store, monkeypatch):
    # English source texts, whatever an earlier test installed; no modal box may block a test
    install_translations(QApplication.instance(), "en")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    p = TasksPage(store, ImmediateRunner(store), "en")
    p.warnings = shown
    p.resize(1176, 738)
    p.show()
    qtbot.waitExposed(p)
    yield p
    # gone before the store closes: a picker's pending search must not outlive the database
    p.close()
    p.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def pick(picker, typed: str) -> None:
    """What a person does: type part of a name, take the first suggestion."""
    picker.setText(typed)
    picker.suggest()
    picker.choose(0)


def shown_error(form: TaskForm, field: str) -> str | None:
    label = form.errors[field]
    return None if label.isHidden() else label.text()


def test_a_new_task_is_stored_with_its_lead_and_supporters(page, store, staff):
    form = page.new_task()
    form.inputs["title"].setText("Thăm hỏi hộ nghèo dịp Tết")
    form.inputs["due_on"].setText("15/01/2027")
    form.inputs["source_number"].setText("45/KH-MTTQ-BTT")
    form.inputs["source_date"].setText("10/11/2026")
    form.inputs["priority"].setCurrentIndex(form.inputs["priority"].findData("high"))
    pick(form.lead, "nguyen thi lan")
    pick(form.supporter, "tran van hai")
    pick(form.supporter, "le van binh")
    assert form.supporter.text() == ""  # the box is free for the next one
    assert form.supporter_ids() == [staff["hai"], staff["binh"]]
    form.save_button.click()
    assert form.result() == TaskForm.Accepted
    task = get_task(store, form.saved_id)
    assert (task.title, task.due_on, task.source_number, task.source_date, task.priority) == (
        "Thăm hỏi hộ nghèo dịp Tết", "2027-01-15", "45/KH-MTTQ-BTT", "2026-11-10", "high"
    )
    assert task.lead_id == staff["lan"]
    assert {pid for pid, _ in task.support} == {staff["hai"], staff["binh"]}
    assert task.organization_id is not None  # the Front committee unless chosen otherwise
    assert page.selected_ids() == [task.id]  # the new task is shown and selected
    assert page.model.index(0, 2).data() == "Lê Văn Bình +1"


def test_a_supporter_can_be_removed_before_saving(page, store, staff):
    form = page.new_task()
    form.inputs["title"].setText("Họp")
    pick(form.supporter, "tran van hai")
    pick(form.supporter, "le van binh")
    pick(form.supporter, "tran van hai")  # chosen twice: listed once
    assert form.supporter_ids() == [staff["hai"], staff["binh"]]
    form.support_list.item(0).setSelected(True)
    form.remove_button.click()
    form.save_button.click()
    assert get_task(store, form.saved_id).support == [(staff["binh"], "Lê Văn Bình")]


def test_the_load_warning_shows_for_an_overloaded_person_only(page, store, staff):
    for i in range(OVERLOAD_OPEN_TASKS + 1):
        add_task(store, {"title": f"Việc {i}", "due_on": "01/11/2026" if i < 3 else "10/12/2026"},
                 lead_id=staff["lan"])
    form = page.new_task()
    pick(form.lead, "nguyen thi lan")
    assert form.lead_overloaded
    text = form.lead_load.text()
    assert text.startswith("⚠") and str(OVERLOAD_OPEN_TASKS + 1) in text and "3" in text
    assert "overloaded" in text
    pick(form.lead, "tran van hai")
    assert not form.lead_overloaded
    assert not form.lead_load.isHidden() and "⚠" not in form.lead_load.text()
    assert form.lead_load.text().startswith("Has 0 open tasks")
    pick(form.supporter, "nguyen thi lan")
    pick(form.supporter, "le van binh")
    assert form.supporter_overloaded(staff["lan"]) and not form.supporter_overloaded(staff["binh"])
    assert "⚠" in form.support_list.item(0).text() and "⚠" not in form.support_list.item(1).text()


def test_bad_input_shows_each_problem_under_its_field_and_stores_nothing(page, store, staff):
    form = page.new_task()
    form.inputs["title"].setText("   ")
    form.inputs["due_on"].setText("31/02/2026")
    pick(form.lead, "nguyen thi lan")
    pick(form.supporter, "nguyen thi lan")
    form.save_button.click()
    assert shown_error(form, "title") == "Title is required."
    assert "31/02/2026" in shown_error(form, "due_on")
    assert shown_error(form, "support_ids") == "The lead cannot also be a supporting assignee."
    assert shown_error(form, "source_date") is None
    assert form.result() != TaskForm.Accepted and count_tasks(store) == 0
    # a name typed but never chosen is nobody: said under the field, nothing sent to the core
    form.inputs["title"].setText("Họp")
    form.inputs["due_on"].setText("")
    form.support_list.clear()
    form.lead.setText("Nguyễn")
    form.lead.textEdited.emit("Nguyễn")
    form.save_button.click()
    assert "suggestions" in shown_error(form, "lead_id")
    assert shown_error(form, "title") is None
    assert count_tasks(store) == 0 and page.warnings == []


def test_editing_keeps_what_is_not_changed_and_refuses_a_bad_date(page, store, staff):
    tid = add_task(store, {"title": "Báo cáo tháng", "due_on": "30/11/2026", "source_issuer": "UBND xã"},
                   lead_id=staff["hai"], support_ids=[staff["binh"]])
    page.refresh()
    form = page.show_task(tid)
    assert form.inputs["due_on"].text() == "30/11/2026"
    assert form.lead.person_id == staff["hai"] and form.supporter_ids() == [staff["binh"]]
    form.inputs["due_on"].setText("31/11/2026")
    form.save_button.click()
    assert shown_error(form, "due_on") and get_task(store, tid).due_on == "2026-11-30"
    form.inputs["due_on"].setText("05/12/2026")
    form.inputs["title"].setText("Báo cáo tháng 11")
    form.save_button.click()
    task = get_task(store, tid)
    assert (task.title, task.due_on, task.source_issuer, task.lead_id) == (
        "Báo cáo tháng 11", "2026-12-05", "UBND xã", staff["hai"]
    )
    assert task.support == [(staff["binh"], "Lê Văn Bình")]


def test_enter_on_a_row_opens_it(page, store, staff, qtbot):
    tid = add_task(store, {"title": "Họp"}, lead_id=staff["hai"])
    page.refresh()
    page.select_ids([tid])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Return)
    forms = page.findChildren(TaskForm)
    assert [f.task_id for f in forms] == [tid]


def test_ctrl_n_opens_an_empty_form(page, qtbot):
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_N, Qt.ControlModifier)
    forms = page.findChildren(TaskForm)
    assert [f.task_id for f in forms] == [None] and forms[0].inputs["title"].text() == ""


def test_mark_done_with_ctrl_d_leaves_the_open_list(page, store, staff, qtbot):
    first = add_task(store, {"title": "Họp chi hội", "due_on": "25/11/2026"}, lead_id=staff["lan"])
    second = add_task(store, {"title": "Thăm hộ nghèo", "due_on": "30/11/2026"}, lead_id=staff["lan"])
    page.refresh()
    assert page.model.ids() == [first, second] and page.count.text() == "2 tasks"
    page.select_ids([first])
    assert page.done_button.isEnabled() and not page.reopen_button.isEnabled()
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_D, Qt.ControlModifier)
    task = get_task(store, first)
    assert (task.status, task.completed_on) == ("done", "2026-11-22")
    assert page.model.ids() == [second] and page.count.text() == "1 task"
    assert page.selected_ids() == [second]  # ready for the next one


def test_several_tasks_move_at_once_and_reopen(page, store, staff):
    ids = [add_task(store, {"title": f"Việc {i}"}, lead_id=staff["hai"]) for i in range(3)]
    page.refresh()
    page.select_ids(ids[:2])
    page.change_status("in_progress")
    assert [get_task(store, i).status for i in ids] == ["in_progress", "in_progress", "todo"]
    page.select_ids(ids[:2])
    page.mark_done()
    assert [get_task(store, i).status for i in ids] == ["done", "done", "todo"]
    page.status.setCurrentIndex(page.status.findData("done"))
    assert page.model.ids() == ids[:2]
    page.select_ids([ids[0]])
    assert page.reopen_button.isEnabled() and not page.done_button.isEnabled()
    page.reopen_button.click()
    assert (get_task(store, ids[0]).status, get_task(store, ids[0]).completed_on) == ("todo", None)
    assert page.model.ids() == [ids[1]]  # reopened: no longer among the done ones
    page.status.setCurrentIndex(page.status.findData("open"))
    page.select_ids([ids[2]])
    page.cancel_button.click()
    assert get_task(store, ids[2]).status == "cancelled"


def test_done_on_another_day_and_an_impossible_day(page, store, staff):
    tid = add_task(store, {"title": "Họp"}, lead_id=staff["hai"])
    page.refresh()
    page.select_ids([tid])
    dialog = page.mark_done_on()
    assert dialog.day.text() == "22/11/2026"
    dialog.day.setText("31/02/2026")
    dialog.ok_button.click()
    assert not dialog.error.isHidden() and "31/02/2026" in dialog.error.text()
    assert get_task(store, tid).status == "todo"
    dialog.day.setText("20/11/2026")
    dialog.ok_button.click()
    assert (get_task(store, tid).status, get_task(store, tid).completed_on) == ("done", "2026-11-20")
    assert page.model.ids() == []


@pytest.fixture
def spread(store, staff):
    """Tasks that each filter tells apart (today is 22/11/2026)."""
    women = by_code(store, "women")
    t = {
        "late": add_task(store, {"title": "Báo cáo tháng 10", "due_on": "20/10/2026"}, lead_id=staff["lan"]),
        "soon": add_task(store, {"title": "Họp chi hội", "due_on": "28/11/2026", "organization_id": women},
                         lead_id=staff["hai"], support_ids=[staff["lan"]]),
        "week_after": add_task(store, {"title": "Thăm hộ nghèo", "due_on": "29/11/2026"}, lead_id=staff["binh"]),
        "later": add_task(store, {"title": "Tổng kết năm", "due_on": "20/12/2026"}, lead_id=staff["binh"]),
        "done": add_task(store, {"title": "Thăm hộ nghèo đợt 1", "due_on": "01/11/2026"}, lead_id=staff["hai"]),
    }
    set_status(store, t["done"], "done", completed_on="02/11/2026")
    return t


def test_filters_show_the_right_tasks(page, store, staff, spread):
    page.refresh()
    assert set(page.model.ids()) == {spread[k] for k in ("late", "soon", "week_after", "later")}
    page.show_filter("overdue")
    assert page.model.ids() == [spread["late"]]
    page.show_filter("due_week")  # today and the six days after it, like the Overview card
    assert page.model.ids() == [spread["soon"]]
    assert page.model.ids() == task_ids(store, TaskFilter(statuses=OPEN_STATUSES, due_within_days=6))
    page.show_person(staff["lan"])
    assert page.model.ids() == [spread["late"], spread["soon"]]
    assert page.person.text() == "Nguyễn Thị Lan"
    page.show_filter("open")
    assert page.person.person_id is None
    page.search.setText("tham ho ngheo")
    page.refresh()
    assert page.model.ids() == [spread["week_after"]]
    page.status.setCurrentIndex(page.status.findData("all"))
    assert page.model.ids() == [spread["week_after"], spread["done"]]
    page.show_filter("open")
    page.organization.setCurrentIndex(page.organization.findData(by_code(store, "women")))
    assert page.model.ids() == [spread["soon"]]


def test_overdue_and_due_week_do_not_combine_and_show_open_work(page, store, spread):
    page.status.setCurrentIndex(page.status.findData("done"))
    page.overdue.setChecked(True)
    assert page.status.currentData() == "open" and page.model.ids() == [spread["late"]]
    page.due_week.setChecked(True)
    assert not page.overdue.isChecked() and page.model.ids() == [spread["soon"]]


def test_mine_asks_who_you_are_once_then_remembers(page, store, staff, spread):
    assert my_person_id(store) is None
    page.show_filter("mine")
    dialog = page.who_dialog
    assert dialog is not None and dialog.isVisible()
    assert page.model.ids() == []
    dialog.ok_button.click()  # nobody chosen yet: asked again, nothing kept
    assert not dialog.error.isHidden() and my_person_id(store) is None
    pick(dialog.picker, "tran van hai")
    dialog.ok_button.click()
    assert my_person_id(store) == staff["hai"]
    assert page.mine.isChecked() and page.model.ids() == [spread["soon"]]
    page.show_filter("open")
    page.show_filter("mine")
    assert page.who_dialog is dialog  # not asked again
    assert page.model.ids() == [spread["soon"]]
    pick(page.person, "le van binh")  # another person replaces "Mine"
    assert not page.mine.isChecked()
    assert page.model.ids() == [spread["week_after"], spread["later"]]


def test_declining_to_say_who_you_are_turns_mine_off(page, store, spread):
    page.mine.setChecked(True)
    page.who_dialog.reject()
    assert not page.mine.isChecked() and len(page.model.ids()) == 4


def test_mine_for_an_already_linked_user(page, store, staff, spread):
    set_my_person(store, staff["lan"])
    page.show_filter("mine")
    assert page.who_dialog is None
    assert page.model.ids() == [spread["late"], spread["soon"]]
    assert not page.not_me.isHidden()


def test_overdue_rows_are_marked_and_the_menu_leads_to_people(page, store, staff, spread):
    page.refresh()
    late = page.model.row_of(spread["late"])
    later = page.model.row_of(spread["later"])
    assert page.model.index(late, 5).data() == "Overdue by 33 days"
    assert page.model.index(late, 0).data(Qt.ForegroundRole).color().name() == "#c0392b"
    assert page.model.index(later, 0).data(Qt.ForegroundRole) is None
    assert page.model.index(late, 4).data() == "20/10/2026"
    asked: list[int] = []
    page.person_requested.connect(asked.append)
    soon = page.model.row_of(spread["soon"])
    page.select_ids([spread["soon"]])
    menu = page.context_menu(soon)
    texts = [a.text() for a in menu.actions()]
    assert "Show Trần Văn Hải" in texts and "Show Nguyễn Thị Lan" in texts
    next(a for a in menu.actions() if a.text() == "Show Nguyễn Thị Lan").trigger()
    assert asked == [staff["lan"]]
    next(a for a in menu.actions() if a.text() == "Mark done").trigger()
    assert get_task(store, spread["soon"]).status == "done"


def test_the_model_reads_only_the_rows_on_screen(page, store, staff, qtbot):
    page.show()
    with store.transaction():  # one commit: quick, and one tasks_changed the page reads again on
        for i in range(3000):
            add_task(store, {"title": f"Việc số {i}", "due_on": "01/12/2026"})
    qtbot.waitUntil(lambda: page.model.rowCount() == 3000, timeout=15_000)
    QApplication.processEvents()  # paint the first screen
    assert 0 < page.model.fetched() <= BLOCK
    page.table.scrollToBottom()
    page.model.index(2999, 0).data()
    assert page.model.fetched() <= 2 * BLOCK
