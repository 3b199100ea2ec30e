"""The organization tree, positions, vacancies and concurrent holders."""
from __future__ import annotations

from datetime import date

import pytest

from app import messages
from app.domain.organizations import (
    add_organization,
    add_residential_area,
    by_code,
    find_organization,
    front_committee_id,
    organization_tree,
    rename_organization,
)
from app.domain.people import add_person, update_person
from app.domain.positions import (
    add_position,
    appoint,
    appointments_of,
    concurrent_holders,
    end_appointment,
    get_position,
    positions_of,
    set_seats,
    vacancies,
)
from app.errors import Conflict, InvalidValue, NotFound


def _position(store, org_id, title):
    return next(p for p in positions_of(store, org_id) if p.title == title)


def test_a_new_commune_has_the_front_and_its_member_organizations(store):
    tree = organization_tree(store)
    assert tree.kind == "front_committee"
    assert tree.name == "Ủy ban MTTQ Việt Nam Phường Ba Đình"
    names = [c.name for c in tree.children]
    assert names[:5] == [
        "Công đoàn",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Hội Cựu chiến binh",
        "Hội Liên hiệp Phụ nữ",
        "Hội Nông dân",
    ]
    front = positions_of(store, tree.id)
    assert [(p.title, p.seats, p.vacant) for p in front] == [
        ("Chủ tịch", 1, 1), ("Phó Chủ tịch", 6, 6), ("Ủy viên Ban Thường trực", 3, 3)
    ]


def test_a_residential_area_gets_its_work_committee_and_branches(store):
    area = add_residential_area(store, "Thôn Trung Hòa")
    node = next(c for c in organization_tree(store).children if c.id == area)
    assert [c.name for c in node.children] == ["Ban công tác Mặt trận Thôn Trung Hòa"]
    women = next(c for c in organization_tree(store).children if c.code == "women")
    assert [c.name for c in women.children] == ["Chi hội Phụ nữ Thôn Trung Hòa"]
    assert women.children[0].area_id == area


def test_renaming_an_area_renames_its_committee_and_branches(store):
    area = add_residential_area(store, "Thôn 1")
    women_branch = store.conn.execute(
        "SELECT id FROM organization WHERE area_id = ? AND name = 'Chi hội Phụ nữ Thôn 1'", (area,)).fetchone()[0]
    youth_branch = store.conn.execute(
        "SELECT id FROM organization WHERE area_id = ? AND name LIKE 'Chi đoàn%'", (area,)).fetchone()[0]
    rename_organization(store, youth_branch, "Chi đoàn thanh niên xóm Bắc")  # renamed by hand: left alone
    rename_organization(store, area, "Thôn Đông Hòa")
    names = {r[0] for r in store.conn.execute(
        "SELECT name FROM organization WHERE area_id = ? OR parent_id = ?", (area, area))}
    assert "Ban công tác Mặt trận Thôn Đông Hòa" in names and "Chi hội Phụ nữ Thôn Đông Hòa" in names
    assert "Chi đoàn thanh niên xóm Bắc" in names
    assert not any(n.endswith("Thôn 1") for n in names)
    logged = store.conn.execute(
        "SELECT count(*) FROM change_log WHERE table_name = 'organization' AND row_id = ?", (women_branch,)).fetchone()[0]
    assert logged == 2  # added, then renamed with its area


def test_areas_sort_naturally(store):
    for name in ("Thôn 10", "Thôn 2", "Thôn 1"):
        add_residential_area(store, name)
    areas = [c.name for c in organization_tree(store).children if c.kind == "residential_area"]
    assert areas == ["Thôn 1", "Thôn 2", "Thôn 10"]


def test_the_tree_refuses_impossible_places(store):
    area = add_residential_area(store, "Thôn Đông")
    with pytest.raises(InvalidValue):
        add_organization(store, kind="branch", name="Chi hội lạc", parent_id=area, area_id=area)
    with pytest.raises(InvalidValue):
        add_organization(store, kind="branch", name="Chi hội X", parent_id=by_code(store, "women"))
    with pytest.raises(Conflict):
        add_residential_area(store, "Thôn Đông")


def test_find_organization_by_what_people_type(store):
    women = by_code(store, "women")
    assert find_organization(store, "Hội LHPN") == women
    assert find_organization(store, "hoi lien hiep phu nu") == women
    assert find_organization(store, str(women)) == women
    with pytest.raises(InvalidValue) as err:
        find_organization(store, "hoi")
    assert err.value.code == "organization.ambiguous"
    with pytest.raises(InvalidValue) as err:
        find_organization(store, "câu lạc bộ dưỡng sinh")
    assert err.value.code == "organization.unknown_choices"
    words = messages.describe(err.value, "vi")
    assert "Hội LHPN (Hội Liên hiệp Phụ nữ)" in words and "Công đoàn" in words and "Hội CCB" in words


@pytest.mark.parametrize("typed, code", [
    ("LHPN", "women"), ("Hội Phụ nữ", "women"), ("hoi phu nu", "women"), ("HND", "farmers"),
    ("Hội Nông dân", "farmers"), ("CCB", "veterans"), ("cựu chiến binh", "veterans"), ("Đoàn", "youth"),
    ("ĐTN", "youth"), ("dtn", "youth"), ("Đoàn Thanh niên", "youth"), ("Công đoàn", "trade_union"),
    ("cong doan", "trade_union"), ("MTTQ", "front"), ("Mặt trận", "front"),
])
def test_organizations_by_what_people_call_them(store, typed, code):
    assert find_organization(store, typed) == by_code(store, code)


def test_concurrent_holders_and_vacancies_are_derived(store, clock):
    root = front_committee_id(store)
    women = by_code(store, "women")
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan", "gender": "nữ"})
    hai, _ = add_person(store, {"full_name": "Trần Văn Hải", "gender": "nam"})
    chair_women = _position(store, women, "Chủ tịch").id
    vice_front = _position(store, root, "Phó Chủ tịch").id
    member_front = _position(store, root, "Ủy viên Ban Thường trực").id

    appoint(store, chair_women, lan, start_on="01/07/2025")
    appoint(store, vice_front, lan, start_on="01/07/2025")
    appoint(store, vice_front, hai, start_on="01/07/2025")
    assert [c.full_name for c in concurrent_holders(store)] == ["Nguyễn Thị Lan"]
    appoint(store, member_front, lan, start_on="01/08/2025")
    lan_posts = concurrent_holders(store)[0].posts
    assert len(lan_posts) == 3

    vice = _position(store, root, "Phó Chủ tịch")
    assert (vice.seats, vice.filled, vice.vacant) == (6, 2, 4)
    assert {h.full_name: h.positions_held for h in vice.holders} == {"Nguyễn Thị Lan": 3, "Trần Văn Hải": 1}
    empty = {(v.title, v.organization): v.vacant for v in vacancies(store)}
    assert empty[("Phó Chủ tịch", "Ủy ban MTTQ Việt Nam Phường Ba Đình")] == 4
    assert ("Chủ tịch", "Hội Liên hiệp Phụ nữ") not in empty


def test_a_full_position_refuses_another_holder_until_a_seat_frees(store):
    women = by_code(store, "women")
    chair = _position(store, women, "Chủ tịch").id
    a, _ = add_person(store, {"full_name": "Lê Thị An"})
    b, _ = add_person(store, {"full_name": "Phan Thị Bích"})
    first = appoint(store, chair, a, start_on="01/01/2024")
    with pytest.raises(Conflict) as err:
        appoint(store, chair, b, start_on="01/01/2025")
    assert err.value.code == "position.full"
    end_appointment(store, first, end_on="31/12/2025")
    appoint(store, chair, b, start_on="01/01/2026")
    holders = _position(store, women, "Chủ tịch").holders
    assert [h.full_name for h in holders] == ["Phan Thị Bích"]
    history = appointments_of(store, a)
    assert history[0]["end_on"] == "2025-12-31" and not history[0]["current"]


def test_holders_as_of_a_past_day(store):
    women = by_code(store, "women")
    chair = _position(store, women, "Chủ tịch").id
    a, _ = add_person(store, {"full_name": "Lê Thị An"})
    appt = appoint(store, chair, a, start_on="01/01/2024")
    end_appointment(store, appt, end_on="30/06/2026")
    assert _position(store, women, "Chủ tịch").vacant == 1
    past = next(p for p in positions_of(store, women, as_of=date(2025, 5, 1)) if p.title == "Chủ tịch")
    assert [h.full_name for h in past.holders] == ["Lê Thị An"]


def test_appointment_rules(store):
    root = front_committee_id(store)
    vice = _position(store, root, "Phó Chủ tịch").id
    p, _ = add_person(store, {"full_name": "Ngô Văn Tài"})
    appt = appoint(store, vice, p, start_on="01/01/2026")
    with pytest.raises(Conflict):
        appoint(store, vice, p)  # already holds it
    with pytest.raises(InvalidValue):
        end_appointment(store, appt, end_on="01/01/2020")
    gone, _ = add_person(store, {"full_name": "Đinh Văn Cũ"})
    update_person(store, gone, {"status": "moved"})
    with pytest.raises(Conflict):
        appoint(store, vice, gone)


def test_seats_cannot_drop_below_current_holders(store):
    org = by_code(store, "farmers")
    pos = add_position(store, org, "Ủy viên Ban Chấp hành", seats=2)
    for name in ("Lý Văn Một", "Lý Văn Hai"):
        pid, _ = add_person(store, {"full_name": name})
        appoint(store, pos, pid)
    with pytest.raises(Conflict):
        set_seats(store, pos, 1)
    set_seats(store, pos, 3)
    assert _position(store, org, "Ủy viên Ban Chấp hành").vacant == 1
    with pytest.raises(InvalidValue):
        add_position(store, org, "Thư ký", seats=0)


def test_get_position_gives_one_position_with_its_holders(store):
    women = by_code(store, "women")
    vice = _position(store, women, "Phó Chủ tịch").id
    a, _ = add_person(store, {"full_name": "Lê Thị An"})
    appoint(store, vice, a, start_on="01/01/2026")
    view = get_position(store, vice)
    assert (view.title, view.organization_id, view.seats, view.filled, view.vacant) == (
        "Phó Chủ tịch", women, 2, 1, 1)
    assert [h.full_name for h in view.holders] == ["Lê Thị An"]
    assert get_position(store, vice, as_of=date(2025, 12, 31)).holders == []
    with pytest.raises(NotFound):
        get_position(store, 99999)


def test_concurrent_holders_name_the_positions_they_hold(store):
    root = front_committee_id(store)
    women = by_code(store, "women")
    lan, _ = add_person(store, {"full_name": "Nguyễn Thị Lan"})
    chair = _position(store, women, "Chủ tịch").id
    vice = _position(store, root, "Phó Chủ tịch").id
    appoint(store, chair, lan)
    appoint(store, vice, lan)
    (holder,) = concurrent_holders(store)
    assert [(p.position_id, p.title, p.organization_id, p.organization) for p in holder.held] == [
        (chair, "Chủ tịch", women, "Hội Liên hiệp Phụ nữ"),  # by rank: a chair before a vice chair
        (vice, "Phó Chủ tịch", root, "Ủy ban MTTQ Việt Nam Phường Ba Đình"),
    ]
    assert holder.posts == [f"{p.title} — {p.organization}" for p in holder.held]


def test_an_end_before_the_start_is_told_in_vietnamese_dates(store):
    from app import messages

    chair = _position(store, by_code(store, "veterans"), "Chủ tịch").id
    a, _ = add_person(store, {"full_name": "Lê Văn Ba"})
    appt = appoint(store, chair, a, start_on="05/04/2026")
    with pytest.raises(InvalidValue) as err:
        end_appointment(store, appt, end_on="04/04/2026")
    assert messages.text(err.value.code, "vi", **err.value.params) == (
        "Ngày kết thúc (04/04/2026) không được trước ngày bắt đầu (05/04/2026).")
    end_appointment(store, appt, end_on="05/04/2026")  # one day in office is allowed
