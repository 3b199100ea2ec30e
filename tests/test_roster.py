"""The roster a list shows: ids in Vietnamese order, filters in SQL, rows on demand."""
from __future__ import annotations

from app.domain.organizations import add_residential_area
from app.domain.people import add_person, update_person
from app.domain.people_list import roster_ids, roster_rows


def test_roster_order_filters_and_rows(store):
    dong = add_residential_area(store, "Thôn Đông")
    tay = add_residential_area(store, "Thôn Tây")
    ids = {}
    for name, area in [("Trần Văn Bình", dong), ("Lê Thị An", tay), ("Nguyễn Văn Đức", dong),
                       ("Phạm Thị Dung", tay), ("Vũ Văn Anh", dong)]:
        ids[name] = add_person(store, {"full_name": name, "area_id": area, "citizen_id": None})[0]
    update_person(store, ids["Phạm Thị Dung"], {"status": "moved"})

    def names(found):
        rows = roster_rows(store, found)
        return [rows[i].full_name for i in found]

    assert names(roster_ids(store)) == ["Lê Thị An", "Vũ Văn Anh", "Trần Văn Bình", "Nguyễn Văn Đức"]
    assert names(roster_ids(store, status=None))[-2:] == ["Phạm Thị Dung", "Nguyễn Văn Đức"]
    assert names(roster_ids(store, area_id=dong)) == ["Vũ Văn Anh", "Trần Văn Bình", "Nguyễn Văn Đức"]
    assert names(roster_ids(store, text="van", area_id=dong)) == ["Vũ Văn Anh", "Trần Văn Bình", "Nguyễn Văn Đức"]
    assert names(roster_ids(store, text="dung")) == []  # moved away: not in the active roster
    assert names(roster_ids(store, text="dung", status="moved")) == ["Phạm Thị Dung"]
    assert roster_ids(store, text="  ,, ") == roster_ids(store)  # nothing searchable: no narrowing
    row = roster_rows(store, [ids["Lê Thị An"]])[ids["Lê Thị An"]]
    assert (row.area, row.status) == ("Thôn Tây", "active")
