"""The log file never carries personal data: after real rosters are imported
and people edited, searched, exported and erased through the command line,
and after errors whose messages quote a person, no name, citizen ID or
phone of anyone involved is in the log files."""
from __future__ import annotations

import json
import logging
from pathlib import Path

from app.db.storage import open_store
from app.domain.organizations import add_residential_area
from app.domain.people import update_person
from app.errors import InvalidValue
from app.logs import CLI_LOG_NAME, LOG_NAME, MAX_BYTES, redact
from app.paths import app_paths
from app.text.vietnamese import fold
from tests.helpers import cli

ROSTERS = Path(__file__).parent / "fixtures" / "rosters"
EXPECTED = json.loads((ROSTERS / "expected.json").read_text(encoding="utf-8"))
FILES = ("01_phu_nu_thon3.xlsx", "06_nguoi_cao_tuoi_khong_dau.xlsx", "03_doan_thanh_nien.xls")


def personal_values() -> set[str]:
    values = set()
    for name in FILES:
        for row in EXPECTED["files"][name]["rows"]:
            person = row["person"]
            for key in ("full_name", "citizen_id", "phone"):
                if person.get(key):
                    values.add(person[key])
            if person.get("full_name"):
                values.add(fold(person["full_name"]))
    return {v for v in values if len(v) >= 6}


def test_no_personal_data_reaches_the_log(store, tmp_path):
    for area in EXPECTED["areas"]:
        add_residential_area(store, area)
    store.close()
    db = str(store.path)
    for name in FILES:
        code, out, err = cli("import", "members", str(ROSTERS / name), "--db", db, "--skip-invalid", "--org", "women")
        assert code == 0, err
    first = EXPECTED["files"][FILES[0]]["rows"][0]["person"]
    # the same roster again, updating everyone; then one with its errors refused
    assert cli("import", "members", str(ROSTERS / FILES[0]), "--db", db, "--duplicates", "update",
               "--skip-invalid")[0] == 0
    assert cli("import", "members", str(ROSTERS / "07_chua_ro_cot_thon1.xlsx"), "--db", db)[0] == 1
    assert cli("search", first["full_name"], "--db", db)[0] == 0
    assert cli("search", first["citizen_id"], "--db", db, "--json")[0] == 0
    with open_store(db) as s:
        some = [r[0] for r in s.conn.execute("SELECT id FROM person ORDER BY id LIMIT 3")]
        update_person(s, some[0], {"phone": "0988 777 666", "note": "Gia đình chính sách"})
        try:  # an error in the window that quotes a person: the exception hook logs it
            raise KeyError(first["full_name"])
        except KeyError:
            logging.getLogger("frontdesk.ui").exception("unexpected error in the people page")
        try:
            raise InvalidValue("citizen_id.taken", field="citizen_id", value=first["citizen_id"], other=first["full_name"])
        except InvalidValue:
            logging.getLogger("frontdesk.ui").exception("unexpected error in a form")
        logging.getLogger("frontdesk.ui").warning("number typed in the search box: %s", first["phone"])
    assert cli("changes", "--db", db, "--person", str(some[0]), "--show-citizen-ids")[0] == 0
    assert cli("changes", "--db", db, "--out", str(tmp_path / "log.xlsx"))[0] == 0
    assert cli("backup", "create", "--db", db)[0] == 0
    assert cli("check", "--db", db)[0] == 0
    assert cli("erase-person", str(some[1]), "--yes", "--db", db)[0] == 0

    logs = sorted(app_paths().logs.glob(CLI_LOG_NAME + "*")) + sorted(app_paths().logs.glob(LOG_NAME + "*"))
    assert logs and logs[0].name == CLI_LOG_NAME  # the command line writes its own file
    text = "\n".join(p.read_text(encoding="utf-8") for p in logs)
    assert "command import" in text and "command erase-person" in text  # the log is written
    assert "KeyError (message left out)" in text and "InvalidValue [citizen_id.taken]" in text
    leaks = sorted(v for v in personal_values() | {"0988777666", "0988 777 666", "Gia đình chính sách"} if v in text)
    assert leaks == []


def test_the_log_rotates_in_the_user_log_folder(frontdesk_home):
    from app.logs import setup_logging

    target = setup_logging(app_paths().logs)
    assert target == frontdesk_home / "logs" / LOG_NAME
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_frontdesk", False))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == MAX_BYTES and handler.backupCount >= 3


def test_long_numbers_are_masked_and_dates_are_not():
    line = "2026-11-22 06:55:54,123 INFO x: 001090012345 / 0912 345 678 / +84912345678 / 50000 rows on 22/11/2026"
    assert redact(line) == "2026-11-22 06:55:54,123 INFO x: [số] / [số] / [số] / 50000 rows on 22/11/2026"
