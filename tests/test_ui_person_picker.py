"""The person picker: typing without accents suggests people; choosing gives the id."""
from __future__ import annotations

import pytest

from app.domain.organizations import add_residential_area
from app.domain.people import add_person, update_person
from ui.widgets.person_picker import PersonPicker


@pytest.fixture
def people(store):
    area = add_residential_area(store, "Thôn Đông")
    duc, _ = add_person(store, {"full_name": "Nguyễn Văn Đức", "birth_date": "1980", "area_id": area})
    dung, _ = add_person(store, {"full_name": "Trần Thị Dung", "birth_date": "02/03/1991"})
    gone, _ = add_person(store, {"full_name": "Đỗ Văn Đạt"})
    update_person(store, gone, {"status": "moved"})
    return {"duc": duc, "dung": dung, "gone": gone}


def test_typing_without_accents_suggests_and_choosing_gives_the_id(qtbot, store, people):
    picker = PersonPicker(store)
    qtbot.addWidget(picker)
    chosen = []
    picker.person_chosen.connect(chosen.append)
    picker.setText("nguyen van duc")
    picker.suggest()
    assert picker.suggestions() == ["Nguyễn Văn Đức — 1980 — Thôn Đông"]
    picker.choose(0)
    assert picker.person_id == people["duc"]
    assert picker.text() == "Nguyễn Văn Đức"
    assert chosen == [people["duc"]]
    # typing again forgets the choice: a half-typed name is nobody
    picker.textEdited.emit("Nguyễn Văn")
    assert picker.person_id is None
    assert chosen == [people["duc"], None]


def test_people_who_moved_away_are_not_offered(qtbot, store, people):
    picker = PersonPicker(store)
    qtbot.addWidget(picker)
    picker.setText("d")
    picker.suggest()
    # roster order: Dung before Đức (d comes before đ)
    assert [s.split(" — ")[0] for s in picker.suggestions()] == ["Trần Thị Dung", "Nguyễn Văn Đức"]


def test_set_person_shows_an_existing_choice(qtbot, store, people):
    picker = PersonPicker(store)
    qtbot.addWidget(picker)
    picker.set_person(people["dung"], "Trần Thị Dung")
    assert picker.person_id == people["dung"] and picker.text() == "Trần Thị Dung"
    picker.set_person(None)
    assert picker.person_id is None and picker.text() == ""
