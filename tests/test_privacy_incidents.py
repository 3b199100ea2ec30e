"""The register of incidents: the 72-hour clock from discovery (khoản 1
Điều 23 Luật 91/2025/QH15), overdue on the fixed clock, the prefilled letter
(the commune, the incident, for Notepad: UTF-8 with a byte-order mark) and
the command line."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from app.domain.incident_letter import notification_letter, write_notification_letter
from app.domain.incidents import close_incident, get_incident, list_incidents, mark_notified, record_incident
from app.domain.privacy_clocks import NOTIFY_HOURS
from app.domain.privacy_overview import overview_privacy
from app.errors import FrontDeskError, InvalidInput
from tests.helpers import cli

UTC = timezone.utc  # the tests' fixed clock: 22/11/2026 09:00 UTC


def test_the_clock_runs_72_hours_from_discovery(store):
    assert NOTIFY_HOURS == 72
    late = record_incident(store, occurred_on="15/11/2026", what="Mất USB chứa danh sách hội viên",
                           kind="mat usb", discovered_at="19/11/2026 08:59", people_affected=120)
    on_the_dot = record_incident(store, occurred_on="19/11/2026", what="Gửi nhầm danh sách qua Zalo",
                                 kind="gui nham", discovered_at="19/11/2026 09:00")
    view = get_incident(store, late)
    assert view.kind == "lost_device" and view.occurred_at == "2026-11-15"
    assert view.notify_by == "2026-11-22T08:59:00+00:00" and view.overdue
    assert not get_incident(store, on_the_dot).overdue  # now is its last moment: still in time
    assert overview_privacy(store).overdue_notifications == 1
    mark_notified(store, late, at="22/11/2026 08:00")
    view = get_incident(store, late)
    assert not view.overdue and "A05" in view.notified_to
    later = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert [(i.id, i.overdue) for i in list_incidents(store, now=later)] == [(on_the_dot, True), (late, False)]
    close_incident(store, on_the_dot, on="22/11/2026")
    assert not any(i.overdue for i in list_incidents(store, now=later))  # closed: nothing more to notify


def test_bad_incidents_are_refused(store):
    with pytest.raises(InvalidInput) as caught:
        record_incident(store, occurred_on="20/11/2026", what="", kind="earthquake",
                        discovered_at="19/11/2026 08:00", people_affected="nhiều")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"what", "kind", "people_affected", "discovered_at"}
    with pytest.raises(InvalidInput):
        record_incident(store, occurred_on="20/11/2026", what="x", discovered_at="23/11/2026 08:00")  # future


def test_the_letter_names_the_commune_and_the_incident(store, tmp_path):
    incident = record_incident(store, occurred_on="20/11/2026", what="Máy tính văn phòng bị lấy trộm",
                               kind="stolen-pc", discovered_at="21/11/2026 07:30", people_affected=1250,
                               measures="Đổi mật khẩu; báo công an phường")
    text = notification_letter(store, incident)
    for words in ("PHƯỜNG BA ĐÌNH", "Phường Ba Đình", "Máy tính văn phòng bị lấy trộm", "21/11/2026 07:30",
                  "24/11/2026 07:30", "1.250 người", "Đổi mật khẩu", "Mất trộm máy tính", "Bộ Công an",
                  "Điều 23 Luật 91/2025/QH15"):
        assert words in text, words
    folder = tmp_path / "letters"
    folder.mkdir()
    out = write_notification_letter(store, incident, folder / "thư.txt")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert data.decode("utf-8-sig").replace("\r\n", "\n") == text
    assert [p.name for p in folder.iterdir()] == ["thư.txt"]  # no temporary file left
    with pytest.raises(FrontDeskError):
        write_notification_letter(store, incident, tmp_path / "nowhere" / "thư.txt")
    with pytest.raises(FrontDeskError):
        notification_letter(store, 99)


def test_cli_incidents(store, tmp_path):
    db = str(store.path)
    code, out, err = cli("privacy", "incidents", "add", "--db", db, "--on", "18/11/2026", "--what", "Mất USB",
                         "--kind", "lost-device", "--discovered", "19/11/2026 08:00", "--people", "40", "--json")
    assert code == 0, err
    record = json.loads(out)
    assert {k: record[k] for k in ("id", "occurred_on", "discovered_at", "kind", "people_affected", "notify_by",
                                   "notified_at", "overdue")} == {
        "id": 1, "occurred_on": "2026-11-18", "discovered_at": "2026-11-19T08:00:00+00:00", "kind": "lost-device",
        "people_affected": 40, "notify_by": "2026-11-22T08:00:00+00:00", "notified_at": None, "overdue": True}
    code, out, err = cli("privacy", "incidents", "add", "--db", db, "--on", "22/11/2026", "--what", "Gửi nhầm email")
    assert code == 0, err
    assert "phát hiện lúc 22/11/2026 09:00" in out and "25/11/2026 09:00" in out  # discovered now by default
    listed = json.loads(cli("privacy", "incidents", "list", "--db", db, "--json")[1])
    assert [(i["id"], i["kind"], i["overdue"]) for i in listed] == [(2, "other", False), (1, "lost-device", True)]
    code, out, _ = cli("privacy", "incidents", "list", "--db", db, "--lang", "en")
    assert "OVERDUE, notify by 22/11/2026 08:00" in out
    letter = tmp_path / "letter.txt"
    code, out, err = cli("privacy", "incidents", "letter", 1, "--db", db, "--out", letter)
    assert code == 0 and letter.exists(), err
    assert "Mất USB" in letter.read_text(encoding="utf-8-sig")
    code, _, err = cli("privacy", "incidents", "add", "--db", db, "--on", "18/11/2026", "--what", "x",
                       "--discovered", "hôm qua")
    assert code == 1 and "hôm qua" in err and "Traceback" not in err
    assert cli("privacy", "incidents", "letter", 7, "--db", db, "--out", letter)[0] == 1


def test_cli_an_incident_notified_then_closed_and_a_request_answered(store):
    code, out, err = cli("privacy", "incidents", "add", "--on", "20/11/2026", "--what", "Mất USB", "--discovered",
                         "21/11/2026 09:00", "--db", store.path, "--json")
    assert code == 0, err
    incident = json.loads(out)["id"]
    code, out, err = cli("privacy", "incidents", "notified", incident, "--at", "21/11/2026 15:30", "--to",
                         "Công an tỉnh", "--db", store.path)
    assert code == 0, err
    assert out.strip() == f"Đã ghi thông báo sự cố số {incident} lúc 21/11/2026 15:30 cho Công an tỉnh."
    code, out, err = cli("privacy", "incidents", "close", incident, "--on", "22/11/2026", "--db", store.path,
                         "--json")
    assert code == 0 and json.loads(out)["closed_on"] == "2026-11-22"
    code, out, err = cli("privacy", "requests", "add", "--kind", "access", "--received", "20/11/2026",
                         "--requester", "Ông Năm", "--db", store.path, "--json")
    request = json.loads(out)["id"]
    code, out, err = cli("privacy", "requests", "answer", request, "--db", store.path)
    assert code == 0, err
    # received Friday 20/11; access is done within 10 days: by 30/11 (the clock's table, Decree 356 Art. 5)
    assert out.strip() == f"Đã ghi phản hồi yêu cầu số {request} ngày 22/11/2026; hạn hoàn thành: 30/11/2026."
    code, _out, err = cli("privacy", "incidents", "close", 999, "--db", store.path)
    assert code == 1 and "999" in err and "Traceback" not in err
