"""Renames and deletes wait a moment when Windows says a file is in use
(antivirus, OneDrive, the indexer): backups, restore, settings, Excel output
and the change-log export go through, where they used to fail at the first
sharing violation. The errors are injected as Windows raises them
(tests/windows_faults.py)."""
from __future__ import annotations

import errno
import json
from datetime import datetime, timedelta, timezone

import openpyxl
import pytest

from app import durable
from app.clock import FixedClock
from app.db.backups import create_backup, list_backups
from app.domain.people import add_person
from app.reports.change_log_export import export_changes
from app.reports.province_report import export_report
from app.safety.restore import restore_backup
from app.settings import load_settings, save_settings
from app.text.periods import parse_period
from tests.windows_faults import HeldFiles, in_use_error

VN = timezone(timedelta(hours=7))


def test_a_rename_waits_while_the_file_is_in_use_and_then_goes_through(tmp_path):
    source, target = tmp_path / "a.tmp", tmp_path / "a.xlsx"
    source.write_text("x")
    failures = iter([in_use_error(target, 32), in_use_error(target, 33), in_use_error(target, 5)])
    waits = []

    def rename():
        error = next(failures, None)
        if error is not None:
            raise error
        source.replace(target)

    durable.retrying(rename, "rename", sleep=waits.append)
    assert target.read_text() == "x" and waits == list(durable.WAITS[:3])


def test_a_file_in_use_for_too_long_is_raised_after_a_few_seconds_of_waiting(tmp_path):
    waits = []

    def rename():
        raise in_use_error(tmp_path / "a.xlsx")

    with pytest.raises(PermissionError) as caught:
        durable.retrying(rename, "rename", sleep=waits.append)
    assert durable.in_use(caught.value) and waits == list(durable.WAITS)
    assert 2 <= sum(waits) <= 10


def test_other_errors_are_not_waited_for(tmp_path):
    waits = []

    def rename():
        raise PermissionError(errno.EACCES, "denied")  # no winerror: a real lack of rights (or not Windows)

    with pytest.raises(PermissionError):
        durable.retrying(rename, "rename", sleep=waits.append)
    assert waits == []
    with pytest.raises(FileNotFoundError):
        durable.replace(tmp_path / "none", tmp_path / "b")


def test_a_backup_goes_through_while_the_new_file_is_held(store, tmp_path, monkeypatch):
    held = HeldFiles(monkeypatch, ".sqlite3", times=2)
    path = create_backup(store.conn, tmp_path / "b", reason="manual", when=datetime(2026, 11, 22, 9, tzinfo=VN))
    assert held.seen and path.is_file() and [b.path for b in list_backups(tmp_path / "b")] == [path]


def test_settings_are_saved_while_the_file_is_held(tmp_path, monkeypatch):
    held = HeldFiles(monkeypatch, "settings", times=3)
    path = tmp_path / "settings.json"
    save_settings({"language": "vi"}, path)
    assert held.seen and load_settings(path)["language"] == "vi"
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "vi"


def test_a_report_is_written_while_excel_or_the_antivirus_holds_the_name(store, tmp_path, monkeypatch):
    held = HeldFiles(monkeypatch, "BaoCao", times=2)
    out = tmp_path / "gui" / "BaoCao_00004_2026-11.xlsx"
    out.parent.mkdir()
    export_report(store, parse_period("2026-11"), out)
    assert held.seen and openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "Tổng hợp"
    assert list(out.parent.iterdir()) == [out]  # no temporary file left beside it


def test_the_change_log_export_goes_through_while_held(store, tmp_path, monkeypatch):
    add_person(store, {"full_name": "Nguyễn Thị Hoa"})
    held = HeldFiles(monkeypatch, "nhat-ky", times=2)
    out = tmp_path / "nhat-ky.xlsx"
    export_changes(store, out)
    assert held.seen and out.is_file()


def test_restore_deletes_the_old_logs_and_swaps_while_they_are_held(store, tmp_path, monkeypatch):
    add_person(store, {"full_name": "Trần Văn Bình"})
    backup = create_backup(store.conn, tmp_path / "b", reason="manual", when=datetime(2026, 11, 22, 9, tzinfo=VN))
    add_person(store, {"full_name": "Lê Thị Cúc"})
    database = store.path
    store.close()
    held = HeldFiles(monkeypatch, database.name, times=2)
    clock = FixedClock(datetime(2026, 11, 22, 10, tzinfo=VN))
    restore_backup(database, backup, clock=clock, folder=tmp_path / "b")
    assert held.seen
    import sqlite3

    with sqlite3.connect(database) as conn:
        names = {r[0] for r in conn.execute("SELECT full_name FROM person")}
    assert "Trần Văn Bình" in names and "Lê Thị Cúc" not in names
