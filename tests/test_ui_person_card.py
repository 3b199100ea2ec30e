"""The person card, and the People page opening it, driven offscreen with pytest-qt."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.organizations import add_residential_area, branch_of, by_code, front_committee_id
from app.domain.people import add_person, join_organization, leave_organization, memberships_of
from app.domain.positions import appoint, end_appointment, positions_of
from app.domain.tasks import add_task, set_status
from ui.dialogs.person_card import PersonCard
from ui.dialogs.person_form import PersonForm
from ui.pages.people import PeoplePage
from ui.runtime.runner import ImmediateRunner


def _position(store, org_id, title):
    return next(p.id for p in positions_of(store, org_id) if p.title == title)


@pytest.fixture
def lan(store):
    """A Vice Chair of the Front who also chairs the Women's Union, with a past post,
    a past and a current membership, two open tasks and a finished one."""
    area = add_residential_area(store, "Thôn Đông")
    person, _ = add_person(store, {
        "full_name": "Nguyễn Thị Lan", "gender": "nữ", "birth_date": "12/03/1978", "area_id": area,
        "phone": "0912345678", "citizen_id": "001178012345",
    })
    other, _ = add_person(store, {"full_name": "Trần Văn Hải"})
    women, farmers = by_code(store, "women"), by_code(store, "farmers")
    old = join_organization(store, person, branch_of(store, farmers, area), joined_on="01/01/2010")
    leave_organization(store, old, left_on="31/12/2019")
    join_organization(store, person, branch_of(store, women, area), joined_on="05/03/2015")
    past = appoint(store, _position(store, branch_of(store, women, area), "Chi hội trưởng"), person,
                   start_on="01/01/2015")
    end_appointment(store, past, end_on="31/12/2024")
    appoint(store, _position(store, front_committee_id(store), "Phó Chủ tịch"), person, start_on="01/01/2025")
    appoint(store, _position(store, women, "Chủ tịch"), person, start_on="01/01/2025")
    add_task(store, {"title": "Báo cáo quý IV", "due_on": "15/11/2026"}, lead_id=person)
    add_task(store, {"title": "Thăm hộ nghèo Thôn Đông", "due_on": "10/12/2026"}, lead_id=other,
             support_ids=[person])
    done = add_task(store, {"title": "Họp chi hội tháng 10"}, lead_id=person)
    set_status(store, done, "done")
    return person


@pytest.fixture
def card(qtbot, store, lan):
    c = PersonCard(store, ImmediateRunner(store), "vi", lan)
    qtbot.addWidget(c)
    c.show()
    return c


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_card_shows_who_the_person_is(card):
    assert card.name.text() == "Nguyễn Thị Lan"
    assert card.facts["birth_date"].text() == "12/03/1978"
    assert card.facts["area"].text() == "Thôn Đông"
    assert card.facts["phone"].text() == "0912345678"
    assert card.facts["citizen_id"].text() == "001******345"  # masked on screen
    assert card.facts["gender"].text() == card.tr("Female")
    assert card.facts["status"].text() == card.tr("Active")


def test_the_card_shows_memberships_now_and_before(card):
    rows = _rows(card.memberships)
    assert rows == [
        ["Chi hội Phụ nữ Thôn Đông", "05/03/2015", card.tr("still a member")],
        ["Chi hội Nông dân Thôn Đông", "01/01/2010", "31/12/2019"],
    ]
    assert not card.no_memberships.isVisible()


def test_two_current_positions_are_marked_concurrent_and_the_past_one_is_not(card):
    assert card.concurrent_label.isVisible() and "2" in card.concurrent_label.text()
    rows = _rows(card.positions)
    current = [r for r in rows if r[2].endswith(card.tr("now"))]
    assert sorted((r[0], r[1]) for r in current) == [
        ("Chủ tịch", "Hội Liên hiệp Phụ nữ"), ("Phó Chủ tịch", "Ủy ban MTTQ Việt Nam Phường Ba Đình"),
    ]
    assert all(card.tr("concurrent") in r[3] for r in current)
    past = [r for r in rows if r not in current]
    assert past == [["Chi hội trưởng", "Chi hội Phụ nữ Thôn Đông", "01/01/2015 – 31/12/2024", card.tr("ended")]]


def test_the_card_lists_open_tasks_with_the_overdue_one_marked(card):
    rows = _rows(card.tasks)
    assert [r[0] for r in rows] == ["Báo cáo quý IV", "Thăm hộ nghèo Thôn Đông"]  # the done one is not open
    assert rows[0][1:3] == [card.tr("Lead"), "15/11/2026"] and card.tr("%1, overdue").replace("%1", "") in rows[0][3]
    assert rows[1][1:3] == [card.tr("Supporting"), "10/12/2026"]
    assert card.tr("%1, overdue").replace("%1", "") not in rows[1][3]
    expected = card.tr("%1 open tasks: leads %2, supports %3; %4 overdue.")
    for mark, value in (("%1", "2"), ("%2", "1"), ("%3", "1"), ("%4", "1")):
        expected = expected.replace(mark, value)
    assert card.load_label.text() == expected


def test_choosing_a_task_on_the_card_asks_for_it(card, qtbot):
    card.tasks.selectRow(1)
    with qtbot.waitSignal(card.task_requested, timeout=1000) as signal:
        qtbot.keyClick(card.tasks, Qt.Key_Return)
    assert signal.args == [card.tasks.item(1, 0).data(Qt.UserRole)]


def test_joining_an_organization_through_the_card_stores_it(card, store, lan, qtbot):
    farmers = by_code(store, "farmers")
    dialog = card.join()
    dialog.organization.setCurrentIndex(dialog.organization.findData(farmers))
    dialog.joined_on.setText("01/11/2026")
    with qtbot.waitSignal(card.person_changed, timeout=1000) as signal:
        dialog.save_button.click()
    assert signal.args == [lan] and not dialog.isVisible()
    stored = memberships_of(store, lan)
    assert [(m["organization_id"], m["joined_on"], m["left_on"]) for m in stored if m["organization_id"] == farmers] \
        == [(farmers, "2026-11-01", None)]
    assert ["Hội Nông dân", "01/11/2026", card.tr("still a member")] in _rows(card.memberships)


def test_joining_twice_or_on_an_impossible_date_says_why_and_stores_nothing(card, store, lan):
    women_branch = memberships_of(store, lan)[0]["organization_id"]
    before = memberships_of(store, lan)
    dialog = card.join()
    dialog.organization.setCurrentIndex(dialog.organization.findData(women_branch))
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.errors["organization"].isVisible()
    assert "đang là hội viên" in dialog.errors["organization"].text()
    dialog.organization.setCurrentIndex(dialog.organization.findData(by_code(store, "youth")))
    dialog.joined_on.setText("31/02/2026")
    dialog.save_button.click()
    assert dialog.errors["joined_on"].isVisible() and not dialog.errors["organization"].isVisible()
    assert "31/02/2026" in dialog.errors["joined_on"].text()
    assert memberships_of(store, lan) == before
    dialog.reject()


def test_leaving_an_organization_through_the_card_stores_the_day(card, store, lan, qtbot):
    current = memberships_of(store, lan)[0]
    assert not card.leave_button.isEnabled()  # nothing chosen yet
    card.memberships.selectRow(1)  # a past membership: nothing to leave
    assert not card.leave_button.isEnabled() and card.leave() is None
    card.memberships.selectRow(0)
    assert card.leave_button.isEnabled()
    dialog = card.leave()
    dialog.left_on.setText("01/01/2015")  # before joining on 05/03/2015
    dialog.save_button.click()
    assert dialog.isVisible() and "05/03/2015" in dialog.errors["left_on"].text()
    assert memberships_of(store, lan)[0]["left_on"] is None
    dialog.left_on.setText("20/11/2026")
    with qtbot.waitSignal(card.person_changed, timeout=1000):
        dialog.save_button.click()
    assert [m["left_on"] for m in memberships_of(store, lan) if m["id"] == current["id"]] == ["2026-11-20"]
    assert _rows(card.memberships) == [
        ["Chi hội Phụ nữ Thôn Đông", "05/03/2015", "20/11/2026"],
        ["Chi hội Nông dân Thôn Đông", "01/01/2010", "31/12/2019"],
    ]


def test_edit_opens_the_person_form_and_the_card_shows_the_change(card, store, lan, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    form = card.edit()
    assert isinstance(form, PersonForm) and form.person_id == lan and form.isVisible()
    form.inputs["phone"].setText("0987 654 321")
    with qtbot.waitSignal(card.person_changed, timeout=1000):
        form.save_button.click()
    assert card.facts["phone"].text() == "0987654321"
    assert store.conn.execute("SELECT phone FROM person WHERE id = ?", (lan,)).fetchone()[0] == "0987654321"


def test_someone_with_nothing_yet_gets_a_plain_card(qtbot, store):
    person, _ = add_person(store, {"full_name": "Lê Văn Bình"})
    card = PersonCard(store, ImmediateRunner(store), "vi", person)
    qtbot.addWidget(card)
    card.show()
    assert card.memberships.rowCount() == card.positions.rowCount() == card.tasks.rowCount() == 0
    assert card.no_memberships.isVisible()
    assert card.concurrent_label.text() == card.tr("Holds no position.")
    assert card.load_label.text() == card.tr("No open tasks.")
    assert card.facts["citizen_id"].text() == "—"


@pytest.fixture
def people_page(qtbot, store, lan):
    page = PeoplePage(store, ImmediateRunner(store), "vi")
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _open_dialogs(page, kind):
    return [w for w in page.findChildren(kind) if w.isVisible()]


def test_double_click_on_the_roster_opens_the_card_not_the_form(people_page, lan, qtbot):
    row = next(r for r in range(people_page.model.rowCount()) if people_page.model.person_id(r) == lan)
    rect = people_page.table.visualRect(people_page.model.index(row, 0))
    qtbot.mouseClick(people_page.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(people_page.table.viewport(), Qt.LeftButton, pos=rect.center())
    cards = _open_dialogs(people_page, PersonCard)
    assert [c.person_id for c in cards] == [lan] and _open_dialogs(people_page, PersonForm) == []
    cards[0].reject()
    qtbot.keyClick(people_page.table, Qt.Key_Return)  # Enter does the same
    assert [c.person_id for c in _open_dialogs(people_page, PersonCard)] == [lan]


def test_the_people_page_passes_on_the_cards_requests_and_refreshes_after_its_writes(people_page, store, lan, qtbot):
    card = people_page.show_person(lan)
    assert isinstance(card, PersonCard) and card.isVisible()
    task = card.tasks.item(0, 0).data(Qt.UserRole)
    card.tasks.selectRow(0)
    with qtbot.waitSignal(people_page.task_requested, timeout=1000) as signal:
        qtbot.keyClick(card.tasks, Qt.Key_Return)
    assert signal.args == [task] and not card.isVisible()  # the task is shown behind it

    card = people_page.show_person(lan)
    # an empty list now, to see it come back when the card writes (no search timer left behind)
    people_page.search.blockSignals(True)
    people_page.search.setText("khong ai ten nay")
    people_page.refresh()
    assert people_page.model.rowCount() == 0
    people_page.search.setText("")
    people_page.search.blockSignals(False)
    dialog = card.join()
    dialog.organization.setCurrentIndex(dialog.organization.findData(by_code(store, "youth")))
    dialog.save_button.click()
    assert people_page.model.rowCount() == 2  # refreshed after the card wrote


def test_edit_person_and_add_person_still_open_the_form(people_page, lan):
    people_page.edit_person(lan)
    forms = _open_dialogs(people_page, PersonForm)
    assert [f.person_id for f in forms] == [lan]
    forms[0].reject()
    people_page.add_person()
    assert [f.person_id for f in _open_dialogs(people_page, PersonForm)] == [None]
