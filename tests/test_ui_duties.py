"""The Duties page and the duty form, driven offscreen with pytest-qt."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.duties import add_duty, generate_tasks, get_duty, list_duties
from app.domain.organizations import by_code, front_committee_id
from app.domain.people import add_person
from app.domain.tasks import TaskFilter, get_task, task_ids
from ui.dialogs.duty_form import DutyForm, cadence_text, status_name
from ui.pages.duties import DutiesPage
from ui.runtime.runner import ImmediateRunner


@pytest.fixture
def lan(store):
    return add_person(store, {"full_name": "Nguyễn Thị Lan"})[0]


@pytest.fixture
def page(qtbot, store):
    p = DutiesPage(store, ImmediateRunner(store), "vi")
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def _monthly_report(store, owner=None, **extra):
    return add_duty(store, {
        "title": "Báo cáo công tác Mặt trận tháng", "organization_id": front_committee_id(store),
        "owner_id": owner, "cadence": "monthly", "due_day": 20, "lead_days": 10, "starts_on": "01/11/2026",
        **extra,
    })


def _cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def _count(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _choose(picker, typed):
    """What a person does: type part of a name, take the first suggestion."""
    picker.setText(typed)
    picker.suggest()
    picker.choose(0)


def test_ctrl_n_opens_the_form_and_it_stores_a_monthly_duty_with_every_field(page, store, lan, qtbot):
    qtbot.keyClick(page, Qt.Key_N, Qt.ControlModifier)
    forms = [w for w in page.findChildren(DutyForm) if w.isVisible()]
    assert len(forms) == 1
    form = forms[0]
    form.inputs["title"].setText("  Báo cáo  công tác Mặt trận tháng ")
    form.inputs["detail"].setPlainText("Gửi Ban Thường trực Ủy ban MTTQ tỉnh")
    women = by_code(store, "women")
    organization = form.inputs["organization_id"]
    organization.setCurrentIndex(organization.findData(women))
    _choose(form.inputs["owner_id"], "nguyen thi lan")
    cadence = form.inputs["cadence"]
    cadence.setCurrentIndex(cadence.findData("monthly"))
    assert not form.form.isRowVisible(form.FIELDS.index("due_month"))  # no month within a month
    form.inputs["due_day"].setValue(20)
    form.inputs["lead_days"].setValue(7)
    priority = form.inputs["priority"]
    priority.setCurrentIndex(priority.findData("high"))
    form.inputs["starts_on"].setText("1/11/2026")
    form.save_button.click()
    assert form.saved_id is not None and not form.isVisible()
    duty = get_duty(store, form.saved_id)
    assert {k: duty[k] for k in ("title", "detail", "organization_id", "owner_id", "cadence", "due_day",
                                 "due_month", "lead_days", "priority", "starts_on", "ends_on", "active")} == {
        "title": "Báo cáo công tác Mặt trận tháng", "detail": "Gửi Ban Thường trực Ủy ban MTTQ tỉnh",
        "organization_id": women, "owner_id": lan, "cadence": "monthly", "due_day": 20, "due_month": 1,
        "lead_days": 7, "priority": "high", "starts_on": "2026-11-01", "ends_on": None, "active": 1,
    }
    assert page.table.rowCount() == 1
    assert _cells(page.table, 0) == [
        "Báo cáo công tác Mặt trận tháng", "Hội Liên hiệp Phụ nữ", "Nguyễn Thị Lan",
        cadence_text("monthly", 20, 1), "20/12/2026", "0",
    ]
    assert page.selected_duty_id() == form.saved_id


def test_a_quarterly_duty_keeps_its_month_within_the_quarter(page, store):
    form = page.new_duty()
    form.inputs["title"].setText("Tổng hợp ý kiến, kiến nghị cử tri")
    form.inputs["cadence"].setCurrentIndex(form.inputs["cadence"].findData("quarterly"))
    assert form.form.isRowVisible(form.FIELDS.index("due_month"))
    assert form.inputs["due_month"].count() == 3
    form.inputs["due_month"].setCurrentIndex(2)
    form.inputs["due_day"].setValue(10)
    form.save_button.click()
    duty = get_duty(store, form.saved_id)
    assert (duty["cadence"], duty["due_day"], duty["due_month"], duty["owner_id"]) == ("quarterly", 10, 3, None)
    assert list_duties(store)[0].next_due == date(2026, 12, 10)


def test_bad_input_shows_each_problem_under_its_field_and_stores_nothing(page, store):
    logged = _count(store, "change_log")
    form = page.new_duty()
    form.inputs["title"].setText("   ")
    form.inputs["cadence"].setCurrentIndex(form.inputs["cadence"].findData("weekly"))
    form.inputs["due_day"].setValue(31)
    form.inputs["starts_on"].setText("31/02/2026")
    form.inputs["ends_on"].setText("01/01/2026")
    form.save_button.click()
    shown = {name for name, label in form.errors.items() if label.isVisible()}
    assert shown == {"title", "due_day", "starts_on"}
    assert "bắt buộc" in form.errors["title"].text()
    assert "từ 1 đến 7" in form.errors["due_day"].text()
    assert "31/02/2026" in form.errors["starts_on"].text()
    assert form.isVisible() and form.saved_id is None
    assert (_count(store, "duty"), _count(store, "change_log")) == (0, logged)

    # fixed those; now the end falls before the start, and a typed owner was never chosen
    form.inputs["title"].setText("Giao ban Ban Thường trực")
    form.inputs["due_day"].setValue(1)
    form.inputs["starts_on"].setText("01/03/2026")
    form.inputs["owner_id"].setText("nguyen van khong co")
    form.save_button.click()
    shown = {name for name, label in form.errors.items() if label.isVisible()}
    assert shown == {"ends_on", "owner_id"}
    assert "01/01/2026" in form.errors["ends_on"].text() and "01/03/2026" in form.errors["ends_on"].text()
    assert (_count(store, "duty"), _count(store, "change_log")) == (0, logged)

    form.inputs["owner_id"].setText("")
    form.inputs["ends_on"].setText("")
    form.save_button.click()
    assert not form.isVisible() and _count(store, "duty") == 1
    assert get_duty(store, form.saved_id)["cadence"] == "weekly"


def test_editing_a_duty_shows_its_values_and_stores_the_change(page, store, lan):
    duty_id = _monthly_report(store, lan)
    page.refresh()
    form = page.edit_duty(page.selected_duty_id())
    assert form.duty_id == duty_id
    assert form.inputs["title"].text() == "Báo cáo công tác Mặt trận tháng"
    assert (form.inputs["owner_id"].text(), form.inputs["owner_id"].person_id) == ("Nguyễn Thị Lan", lan)
    assert (form.inputs["due_day"].value(), form.inputs["lead_days"].value()) == (20, 10)
    assert form.inputs["starts_on"].text() == "01/11/2026"
    form.inputs["cadence"].setCurrentIndex(form.inputs["cadence"].findData("quarterly"))
    form.inputs["due_month"].setCurrentIndex(2)
    form.inputs["due_day"].setValue(15)
    form.inputs["ends_on"].setText("31/12/2027")
    form.save_button.click()
    duty = get_duty(store, duty_id)
    assert (duty["cadence"], duty["due_day"], duty["due_month"], duty["ends_on"], duty["owner_id"]) == (
        "quarterly", 15, 3, "2027-12-31", lan)
    assert _cells(page.table, 0)[3] == cadence_text("quarterly", 15, 3)


def test_create_the_tasks_now_makes_the_periods_task_once(page, store, lan):
    duty_id = _monthly_report(store, lan)
    page.refresh()
    assert page.tasks.rowCount() == 0
    page.generate_button.click()
    made = task_ids(store, TaskFilter(duty_id=duty_id))
    assert len(made) == 1
    assert page.notice.isVisible() and page.notice.text() == page.tr("Created %Ln new task(s).", "", 1)
    assert page.tasks.rowCount() == 1
    task = get_task(store, made[0])
    assert (task.duty_period, task.due_on, task.lead_id) == ("2026-11", "2026-11-20", lan)
    period, due, status, lead = _cells(page.tasks, 0)
    assert (period, due, lead) == ("tháng 11/2026", "20/11/2026", "Nguyễn Thị Lan")
    assert status == page.tr("%1, overdue").replace("%1", status_name("todo"))  # 20/11 is past
    assert _cells(page.table, 0)[5] == "1"

    page.generate_button.click()  # a second press makes nothing new
    assert task_ids(store, TaskFilter(duty_id=duty_id)) == made
    assert page.notice.text() == page.tr("No new tasks: every task that is due soon has already been made.")
    assert page.tasks.rowCount() == 1


def test_stopping_and_resuming_a_duty(page, store, lan):
    duty_id = _monthly_report(store, lan)
    page.refresh()
    page.active_button.click()
    assert get_duty(store, duty_id)["active"] == 0
    assert page.show_stopped.isChecked() and page.selected_duty_id() == duty_id  # still in sight
    assert _cells(page.table, 0)[4] == page.tr("Stopped")
    assert page.active_button.text() == page.tr("Resume")
    page.generate_button.click()
    assert task_ids(store, TaskFilter(duty_id=duty_id)) == []  # a stopped duty makes nothing
    page.show_stopped.setChecked(False)
    assert page.table.rowCount() == 0
    page.show_stopped.setChecked(True)
    page.select_duty(duty_id)
    page.active_button.click()
    assert get_duty(store, duty_id)["active"] == 1
    assert page.active_button.text() == page.tr("Stop") and _cells(page.table, 0)[4] == "20/12/2026"
    page.generate_button.click()
    assert len(task_ids(store, TaskFilter(duty_id=duty_id))) == 1


def test_double_click_on_a_generated_task_asks_for_that_task(page, store, lan, qtbot):
    duty_id = _monthly_report(store, lan, starts_on="01/09/2026")
    generate_tasks(store)
    page.refresh()
    assert page.tasks.rowCount() == 3
    wanted = page.tasks.item(1, 0).data(Qt.UserRole)
    rect = page.tasks.visualRect(page.tasks.model().index(1, 0))
    with qtbot.waitSignal(page.task_requested, timeout=1000) as signal:
        # Qt's test double-click needs the press before it, as a real one has
        qtbot.mouseClick(page.tasks.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.tasks.viewport(), Qt.LeftButton, pos=rect.center())
    assert signal.args == [wanted]
    assert get_task(store, wanted).duty_id == duty_id
    page.tasks.selectRow(2)
    with qtbot.waitSignal(page.task_requested, timeout=1000) as signal:
        qtbot.keyClick(page.tasks, Qt.Key_Return)
    assert signal.args == [page.tasks.item(2, 0).data(Qt.UserRole)]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("duties") / "demo.sqlite3"
    build_demo(path, people=600, seed=5, clock=FixedClock(date(2026, 11, 22)))
    return path


def test_the_demo_communes_duties_are_listed_with_their_next_date(qtbot, demo_db, clock):
    store = open_store(demo_db, clock=clock)
    try:
        page = DutiesPage(store, ImmediateRunner(store), "vi")
        qtbot.addWidget(page)
        views = list_duties(store)
        assert page.table.rowCount() == len(views) > 5
        for row, view in enumerate(views):
            cells = _cells(page.table, row)
            assert cells[0] == view.title and cells[5] == str(view.open_tasks)
            assert cells[4] == f"{view.next_due:%d/%m/%Y}"
        first = views[0]
        shown = {page.tasks.item(r, 0).data(Qt.UserRole) for r in range(page.tasks.rowCount())}
        assert shown == set(task_ids(store, TaskFilter(duty_id=first.id))) != set()
    finally:
        store.close()
