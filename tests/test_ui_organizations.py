"""The Organizations and positions page and its dialogs, driven offscreen."""
from __future__ import annotations

from datetime import date

import pytest

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.domain.organizations import add_residential_area, by_code, front_committee_id
from app.domain.people import add_person
from app.domain.positions import appoint, concurrent_holders, positions_of, vacancies
from ui.pages.organizations import ID, KIND, PERSON, OrganizationsPage
from ui.runtime.runner import ImmediateRunner


@pytest.fixture
def page(qtbot, store):
    from PySide6.QtWidgets import QApplication

    from ui.runtime.translations import install_translations

    # English is the source language: the words asserted here do not depend on
    # which translations another test left installed
    install_translations(QApplication.instance(), "en")
    widget = OrganizationsPage(store, ImmediateRunner(store), "en")
    qtbot.addWidget(widget)
    widget.resize(1176, 746)
    widget.show()
    return widget


@pytest.fixture
def people(store):
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan", "birth_date": "1975"})
    hai, _ = add_person(store, {"full_name": "Trần Văn Hải", "birth_date": "1969"})
    return {"lan": lan, "hai": hai}


def _position_id(store, org_code: str | None, title: str) -> int:
    org = front_committee_id(store) if org_code is None else by_code(store, org_code)
    return next(p.id for p in positions_of(store, org) if p.title == title)


def _labels(page) -> dict[int, str]:
    return {org_id: item.text(0) for org_id, item in page._items.items()}


def _rows(page) -> list[tuple[str, ...]]:
    """The positions list as shown: (kind, column texts...), holders under their position."""
    shown = []
    for i in range(page.positions.topLevelItemCount()):
        top = page.positions.topLevelItem(i)
        for item in [top] + [top.child(c) for c in range(top.childCount())]:
            shown.append((item.data(0, KIND), *(item.text(col) for col in range(6))))
    return shown


def _item(page, kind: str, row_id: int):
    for i in range(page.positions.topLevelItemCount()):
        top = page.positions.topLevelItem(i)
        for item in [top] + [top.child(c) for c in range(top.childCount())]:
            if item.data(0, KIND) == kind and item.data(0, ID) == row_id:
                return item
    raise AssertionError(f"no {kind} row {row_id} on screen")


def _vacancy_rows(page) -> list[tuple[str, str]]:
    view = page.vacancy_list
    return [(view.topLevelItem(i).text(0), view.topLevelItem(i).text(1)) for i in range(view.topLevelItemCount())]


def _choose(picker, typed: str) -> None:
    picker.setText(typed)  # setText, not keyClicks: typed Vietnamese would abort the process
    picker.suggest()
    picker.choose(0)


def _count(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_tree_shows_the_standard_structure_with_vacancies(page, store):
    area = add_residential_area(store, "Thôn Đông")
    page.refresh()
    root = page.tree.topLevelItem(0)
    front = front_committee_id(store)
    assert root.data(0, ID) == front
    children = [root.child(i).text(0) for i in range(root.childCount())]
    # the Front's own 10 seats are empty; each member organization has a branch in Thôn Đông
    assert root.text(0) == f"Ủy ban MTTQ Việt Nam Phường Ba Đình (10 vacant, {sum(v.vacant for v in vacancies(store)) - 10} below)"
    assert children == [
        "Công đoàn (2 vacant, 1 below)",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh (3 vacant, 2 below)",
        "Hội Cựu chiến binh (2 vacant, 2 below)",
        "Hội Liên hiệp Phụ nữ (3 vacant, 2 below)",
        "Hội Nông dân (2 vacant, 2 below)",
        "Thôn Đông (5 vacant below)",
    ]
    area_item = page._items[area]
    assert [area_item.child(0).text(0)] == ["Ban công tác Mặt trận Thôn Đông (5 vacant)"]
    farmers = page._items[by_code(store, "farmers")]
    assert farmers.child(0).text(0) == "Chi hội Nông dân Thôn Đông (2 vacant)"
    # the Front itself is shown first, with its positions and seats
    assert page.org_title.text() == "Ủy ban MTTQ Việt Nam Phường Ba Đình"
    tops = [r[1:5] for r in _rows(page) if r[0] == "position"]
    assert tops == [("Chủ tịch", "1", "0", "1"), ("Phó Chủ tịch", "6", "0", "6"),
                    ("Ủy viên Ban Thường trực", "3", "0", "3")]


def test_appointing_through_the_dialog_stores_it_and_shows_the_holder(page, store, people):
    women = by_code(store, "women")
    chair = _position_id(store, "women", "Chủ tịch")
    page.select_organization(women)
    assert page.org_title.text() == "Hội Liên hiệp Phụ nữ"
    page.positions.setCurrentItem(_item(page, "position", chair))
    page.appoint_button.click()
    dialog = page.dialog
    assert dialog.isVisible() and dialog.start_on.text() == "22/11/2026"  # today by default
    _choose(dialog.person, "nguyen thi lan")
    dialog.start_on.setText("01/07/2025")
    dialog.acting.setChecked(True)
    dialog.save_button.click()
    assert not dialog.isVisible()
    stored = store.conn.execute(
        "SELECT position_id, person_id, start_on, end_on, acting FROM appointment").fetchall()
    assert stored == [(chair, people["lan"], "2025-07-01", None, 1)]
    holder = _item(page, "holder", dialog.saved_id)
    assert (holder.text(0), holder.text(4), holder.text(5)) == ("Nguyễn Thị Lan (acting)", "01/07/2025", "")
    assert _item(page, "position", chair).text(3) == "0"
    assert page._items[women].text(0) == "Hội Liên hiệp Phụ nữ (2 vacant)"
    assert page.org_title.text() == "Hội Liên hiệp Phụ nữ"  # the refresh kept the organization


def test_the_same_person_in_a_second_post_shows_as_concurrent(page, store, people):
    women_chair = _position_id(store, "women", "Chủ tịch")
    vice = _position_id(store, None, "Phó Chủ tịch")
    for position_id in (women_chair, vice):
        dialog = page.open_appoint(position_id)
        _choose(dialog.person, "nguyen thi lan")
        dialog.save_button.click()
        assert not dialog.isVisible()
    page.select_organization(front_committee_id(store))
    holder = next(r for r in _rows(page) if r[0] == "holder")
    assert holder[1] == "Nguyễn Thị Lan" and holder[6] == "concurrent: 2 posts"
    row = _item(page, "holder", store.conn.execute(
        "SELECT id FROM appointment WHERE position_id = ?", (vice,)).fetchone()[0])
    assert row.toolTip(0) == "Also holds:\n• Chủ tịch — Hội Liên hiệp Phụ nữ"

    page.show_concurrent()
    assert page.tabs.currentIndex() == page.CONCURRENT
    assert page.tabs.tabText(page.CONCURRENT) == "Concurrent holders (1)"
    top = page.concurrent_list.topLevelItem(0)
    assert page.concurrent_list.topLevelItemCount() == 1
    assert (top.text(0), top.text(1)) == ("Nguyễn Thị Lan", "2 posts")
    assert sorted((top.child(i).text(0), top.child(i).text(1)) for i in range(top.childCount())) == [
        ("Chủ tịch", "Hội Liên hiệp Phụ nữ"), ("Phó Chủ tịch", "Ủy ban MTTQ Việt Nam Phường Ba Đình")]
    # a post in the list opens its organization
    post = next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == "Chủ tịch")
    page.concurrent_list.itemDoubleClicked.emit(post, 0)
    assert page.tabs.currentIndex() == page.BY_ORGANIZATION
    assert page.org_title.text() == "Hội Liên hiệp Phụ nữ"
    assert page.positions.currentItem().data(0, ID) == women_chair


def test_ending_an_appointment_frees_the_seat(page, store, people):
    chair = _position_id(store, "farmers", "Chủ tịch")
    appointment = appoint(store, chair, people["hai"], start_on="01/01/2026")
    page.refresh()
    page.select_organization(by_code(store, "farmers"))
    assert _item(page, "position", chair).childCount() == 1  # the holder, no vacant seat
    assert ("Hội Nông dân", "Chủ tịch") not in _vacancy_rows(page)
    page.positions.setCurrentItem(_item(page, "holder", appointment))
    assert page.end_button.isEnabled()
    page.end_button.click()
    dialog = page.dialog
    dialog.end_on.setText("21/11/2026")  # the last day in office: yesterday
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert store.conn.execute("SELECT end_on FROM appointment WHERE id = ?", (appointment,)).fetchone() == (
        "2026-11-21",)
    position = _item(page, "position", chair)
    assert position.text(2) == "0" and position.text(3) == "1"
    assert position.child(0).data(0, KIND) == "vacant"
    assert position.child(0).text(0) == "1 seat vacant — double-click to appoint"
    page.show_vacancies()
    assert ("Hội Nông dân", "Chủ tịch") in _vacancy_rows(page)
    assert page.tabs.tabText(page.VACANCIES) == f"Vacant positions ({len(vacancies(store))})"


def test_ending_today_keeps_the_holder_until_the_day_is_over(page, store, people):
    chair = _position_id(store, "farmers", "Chủ tịch")
    appointment = appoint(store, chair, people["hai"], start_on="01/01/2026")
    page.select_organization(by_code(store, "farmers"))
    dialog = page.open_end_appointment(appointment)
    dialog.save_button.click()  # the date offered is today
    holder = _item(page, "holder", appointment)
    assert holder.text(5) == "last day 22/11/2026"


def test_no_person_and_an_impossible_date_are_both_shown_and_nothing_is_stored(page, store, people):
    dialog = page.open_appoint(_position_id(store, "women", "Chủ tịch"))
    dialog.person.setText("Nguyễn Thị")  # typed, never chosen from the list
    dialog.start_on.setText("31/02/2026")
    dialog.save_button.click()
    assert dialog.isVisible()
    problems = dialog.problems_shown()
    assert set(problems) == {"person", "start_on"}
    assert "suggestions" in problems["person"]
    assert "31/02/2026" in problems["start_on"] and "not a real date" in problems["start_on"]
    assert _count(store, "appointment") == 0


def test_an_impossible_start_date_from_the_core_stands_under_its_field(page, store, people):
    dialog = page.open_appoint(_position_id(store, "women", "Chủ tịch"))
    _choose(dialog.person, "tran van hai")
    dialog.start_on.setText("hôm qua")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert list(dialog.problems_shown()) == ["start_on"]
    assert "cannot be read" in dialog.problems_shown()["start_on"]
    assert _count(store, "appointment") == 0


def test_a_full_position_refuses_with_a_message_and_stores_nothing(page, store, people):
    chair = _position_id(store, "women", "Chủ tịch")
    appoint(store, chair, people["lan"], start_on="01/01/2025")
    page.refresh()
    dialog = page.open_appoint(chair)
    assert "no seat is free" in dialog.heading.text()
    _choose(dialog.person, "tran van hai")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    problems = dialog.problems_shown()
    assert list(problems) == ["_general"] and "all 1 seat(s) filled" in problems["_general"]
    assert _count(store, "appointment") == 1


def test_ending_before_the_start_is_refused_under_the_date(page, store, people):
    chair = _position_id(store, "women", "Chủ tịch")
    appointment = appoint(store, chair, people["lan"], start_on="01/07/2025")
    page.refresh()
    page.select_organization(by_code(store, "women"))
    dialog = page.open_end_appointment(appointment)
    dialog.end_on.setText("30/06/2025")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.problems_shown() == {
        "end_on": "The end date (30/06/2025) must not be before the start (01/07/2025)."}
    assert store.conn.execute("SELECT end_on FROM appointment").fetchone() == (None,)


def test_changing_the_seats(page, store, people):
    vice = _position_id(store, "farmers", "Phó Chủ tịch")
    appoint(store, vice, people["lan"])
    page.refresh()
    page.select_organization(by_code(store, "farmers"), vice)
    page.seats_button.click()
    dialog = page.dialog
    dialog.seats.setValue(3)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert store.conn.execute("SELECT seats FROM position WHERE id = ?", (vice,)).fetchone() == (3,)
    assert _item(page, "position", vice).text(3) == "2"


def test_seats_below_the_holders_are_refused_under_the_field(page, store, people):
    vice = _position_id(store, None, "Phó Chủ tịch")
    for person in people.values():
        appoint(store, vice, person)
    page.refresh()
    dialog = page.open_seats(vice)
    dialog.seats.setValue(1)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert list(dialog.problems_shown()) == ["seats"]
    assert store.conn.execute("SELECT seats FROM position WHERE id = ?", (vice,)).fetchone() == (6,)


def test_adding_a_position_and_a_duplicate_title(page, store):
    farmers = by_code(store, "farmers")
    page.select_organization(farmers)
    page.add_position_button.click()
    dialog = page.dialog
    dialog.title.setText("Phó Chủ tịch")
    dialog.save_button.click()
    assert dialog.isVisible() and list(dialog.problems_shown()) == ["title"]
    assert "already has" in dialog.problems_shown()["title"]
    dialog.title.setText("Ủy viên Ban Thường vụ")
    dialog.seats.setValue(5)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert store.conn.execute(
        "SELECT seats FROM position WHERE organization_id = ? AND title = 'Ủy viên Ban Thường vụ'", (farmers,)
    ).fetchone() == (5,)
    assert ("position", "Ủy viên Ban Thường vụ", "5", "0", "5") in [r[:5] for r in _rows(page)]
    assert page._items[farmers].text(0) == "Hội Nông dân (7 vacant)"


def test_a_title_left_empty_is_required(page, store):
    page.select_organization(by_code(store, "farmers"))
    before = _count(store, "position")
    dialog = page.open_add_position()
    dialog.save_button.click()
    assert list(dialog.problems_shown()) == ["title"] and "required" in dialog.problems_shown()["title"]
    assert _count(store, "position") == before


def test_double_clicks_ask_for_the_person_and_open_the_appointment_form(page, store, people):
    chair = _position_id(store, "women", "Chủ tịch")
    vice = _position_id(store, "women", "Phó Chủ tịch")
    appointment = appoint(store, chair, people["lan"])
    page.refresh()
    page.select_organization(by_code(store, "women"))
    asked = []
    page.person_requested.connect(asked.append)
    page.positions.itemDoubleClicked.emit(_item(page, "holder", appointment), 0)
    assert asked == [people["lan"]]
    page.positions.itemDoubleClicked.emit(_item(page, "vacant", vice), 0)
    assert page.dialog.isVisible() and page.dialog.position.id == vice
    page.dialog.reject()
    page.show_concurrent()
    assert page.concurrent_list.topLevelItemCount() == 0
    assert page.concurrent_summary.text() == "Nobody holds more than one position."


def test_a_vacancy_opens_its_organization_and_can_be_filled_from_the_list(page, store, people):
    page.show_vacancies()
    row = next(page.vacancy_list.topLevelItem(i) for i in range(page.vacancy_list.topLevelItemCount())
               if page.vacancy_list.topLevelItem(i).text(0) == "Hội Cựu chiến binh"
               and page.vacancy_list.topLevelItem(i).text(1) == "Phó Chủ tịch")
    position_id = row.data(0, ID)
    page.vacancy_list.setCurrentItem(row)
    page.vacancy_appoint_button.click()
    dialog = page.dialog
    _choose(dialog.person, "tran van hai")
    dialog.save_button.click()
    assert page.tabs.currentIndex() == page.VACANCIES  # the list stays in front, one row fewer
    assert position_id not in {page.vacancy_list.topLevelItem(i).data(0, ID)
                               for i in range(page.vacancy_list.topLevelItemCount())}
    other = page.vacancy_list.topLevelItem(0)
    page.vacancy_list.itemDoubleClicked.emit(other, 0)
    assert page.tabs.currentIndex() == page.BY_ORGANIZATION
    assert page.positions.currentItem().data(0, ID) == other.data(0, ID)


def test_refresh_keeps_the_chosen_organization_and_row(page, store, people):
    vice = _position_id(store, "youth", "Phó Bí thư")
    page.select_organization(by_code(store, "youth"), vice)
    appoint(store, vice, people["hai"])  # written elsewhere, e.g. by another page
    page.refresh()
    assert page.org_title.text() == "Đoàn Thanh niên Cộng sản Hồ Chí Minh"
    assert page.positions.currentItem().data(0, ID) == vice
    assert _item(page, "position", vice).text(2) == "1"
    assert [r[1] for r in _rows(page) if r[0] == "holder"] == ["Trần Văn Hải"]
    holder = next(page.positions.topLevelItem(i).child(0) for i in range(page.positions.topLevelItemCount())
                  if page.positions.topLevelItem(i).data(0, ID) == vice)
    assert holder.data(0, PERSON) == people["hai"]


def test_an_area_without_positions_of_its_own_says_where_to_look(page, store):
    area = add_residential_area(store, "Thôn Tây")
    page.refresh()
    page.select_organization(area)
    assert page.empty_hint.isVisible() and not page.positions.isVisible()
    assert not page.appoint_button.isEnabled() and page.add_position_button.isEnabled()


def test_the_demo_commune_adds_up(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from ui.runtime.translations import install_translations

    install_translations(QApplication.instance(), "en")
    path = tmp_path / "demo.sqlite3"
    clock = FixedClock(date(2026, 11, 22))
    build_demo(path, people=600, seed=5, clock=clock)
    with open_store(path, clock=clock) as store:
        widget = OrganizationsPage(store, ImmediateRunner(store), "en")
        qtbot.addWidget(widget)
        empty = vacancies(store)
        assert widget.tabs.tabText(widget.VACANCIES) == f"Vacant positions ({len(empty)})"
        assert widget.vacancy_list.topLevelItemCount() == len(empty)
        assert widget.concurrent_list.topLevelItemCount() == len(concurrent_holders(store))
        seats = sum(v.vacant for v in empty)
        assert widget.vacancy_summary.text() == f"{seats} vacant seats in {len(empty)} positions"


def test_adding_a_residential_area_makes_its_committee_and_branches(page, store):
    from app.domain.organizations import residential_areas

    dialog = page.open_add_area()
    dialog.name.setText("Thôn Đông")
    dialog.save_button.click()
    assert not dialog.isVisible()
    areas = residential_areas(store)
    assert [a["name"] for a in areas] == ["Thôn Đông"]
    assert page._org_id == areas[0]["id"]  # selected in the tree
    children = store.conn.execute(
        "SELECT count(*) FROM organization WHERE parent_id = ? OR area_id = ?", (areas[0]["id"],) * 2).fetchone()[0]
    assert children >= 2  # its work committee and the member organizations' branches

    again = page.open_add_area()
    again.name.setText("thôn  đông ")
    again.save_button.click()
    assert again.isVisible() and "name" in again.problems_shown()
    assert len(residential_areas(store)) == 1
    again.reject()


def test_renaming_an_area_keeps_people_findable_by_the_new_name(page, store):
    from app.domain.organizations import add_residential_area
    from app.domain.people import add_person
    from app.domain.search import search_people

    area = add_residential_area(store, "Thôn 3")
    add_person(store, {"full_name": "Nguyễn Văn Ba", "area_id": area})
    page.refresh()
    page.select_organization(area)
    dialog = page.open_rename()
    dialog.name.setText("Thôn Bắc Sơn")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert store.conn.execute("SELECT name FROM organization WHERE id = ?", (area,)).fetchone() == ("Thôn Bắc Sơn",)
    assert [h.full_name for h in search_people(store, "bac son")] == ["Nguyễn Văn Ba"]
