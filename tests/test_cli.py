"""Each command's success and failure paths, and the promise of no tracebacks."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.domain.commune import create_commune_database
from app.domain.people import add_person
from app.paths import app_paths
from tests.helpers import cli


def test_version():
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith(f"frontdesk {__version__}")


def test_init_creates_the_commune_in_the_default_place(frontdesk_home):
    code, out, err = cli("init", "--commune", "4")
    assert code == 0, err
    db = frontdesk_home / "data" / "frontdesk.sqlite3"
    assert db.exists()
    assert "Phường Ba Đình" in out and "Hà Nội" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT code, province_code FROM commune").fetchone() == ("00004", "01")


def test_init_json_and_db_option(tmp_path):
    db = tmp_path / "x" / "tan-hoa.sqlite3"
    code, out, _ = cli("init", "--commune", "00004", "--db", str(db), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["path"] == str(db) and payload["commune"]["code"] == "00004"


@pytest.mark.parametrize(
    "code_arg, words",
    [("99999", "99999"), ("12ab", "5 chữ số"), ("123456", "5 chữ số")],
)
def test_init_with_a_wrong_commune_code(tmp_path, code_arg, words):
    db = tmp_path / "c.sqlite3"
    code, out, err = cli("init", "--commune", code_arg, "--db", str(db))
    assert code == 1
    assert words in err and err.count("\n") == 1  # one clear line
    assert not db.exists()


def test_init_does_not_overwrite(tmp_path):
    db = tmp_path / "c.sqlite3"
    assert cli("init", "--commune", "4", "--db", str(db))[0] == 0
    code, _, err = cli("init", "--commune", "4", "--db", str(db))
    assert code == 1 and "không ghi đè" in err


def test_usage_errors_exit_2():
    assert cli("init")[0] == 2  # --commune missing
    assert cli("frobnicate")[0] == 2
    assert cli("search")[0] == 2
    assert cli("search", "x", "--limit", "many")[0] == 2


def test_search_finds_people_without_diacritics(tmp_path, clock):
    db = tmp_path / "c.sqlite3"
    with create_commune_database(db, "00004", clock=clock) as store:
        duc, _ = add_person(store, {"full_name": "Nguyễn Văn Đức", "birth_date": "04/03/1980",
                                    "citizen_id": "001080123456"})
        add_person(store, {"full_name": "Nguyễn Văn Dũng", "birth_date": "1975"})
        add_person(store, {"full_name": "Trần Thị Hoa"})
        add_person(store, {"full_name": "Trần Văn Hùng", "status": "deceased"})
        add_person(store, {"full_name": "Trần Thị Lan", "status": "moved"})
    code, out, _ = cli("search", "tran", "--db", str(db))
    lines = {line[9:39].strip(): line for line in out.splitlines()[1:]}
    assert "(đã mất)" in lines["Trần Văn Hùng"] and "(đã chuyển đi)" in lines["Trần Thị Lan"]
    assert "(" not in lines["Trần Thị Hoa"]
    code, out, _ = cli("--lang", "en", "search", "tran", "--db", str(db))
    assert "(deceased)" in out and "(moved away)" in out
    code, out, err = cli("search", "nguyen van duc", "--db", str(db), "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert [h["full_name"] for h in hits] == ["Nguyễn Văn Đức"]
    assert hits[0]["id"] == duc and hits[0]["birth_date"] == "1980-03-04"
    assert "organization" in hits[0]
    assert "001080123456" not in out  # masked
    code, out, _ = cli("search", "NGUYEN", "--db", str(db), "--json")
    assert [h["full_name"] for h in json.loads(out)] == ["Nguyễn Văn Dũng", "Nguyễn Văn Đức"]
    assert json.loads(out)[0]["birth_date"] == "1975"
    code, out, _ = cli("search", "nguyen", "--db", str(db))
    assert code == 0 and "04/03/1980" in out and "2 người khớp" in out
    code, out, _ = cli("search", "không có ai", "--db", str(db))
    assert code == 0 and "Không tìm thấy" in out
    assert cli("search", "x", "--db", str(db), "--limit", "0")[0] == 1


def test_search_without_a_database(tmp_path):
    code, out, err = cli("search", "nguyen", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and "frontdesk init" in err and out == ""


def test_search_on_a_file_that_is_not_a_database(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("hello", encoding="utf-8")
    code, _, err = cli("search", "x", "--db", str(bad))
    assert code == 1 and "không phải là cơ sở dữ liệu" in err


def test_check_passes_on_a_sound_database_and_fails_on_a_broken_index(tmp_path, clock):
    db = tmp_path / "c.sqlite3"
    with create_commune_database(db, "00004", clock=clock) as store:
        add_person(store, {"full_name": "Lê Văn Tám"})
    code, out, _ = cli("check", "--db", str(db), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["ok"] and {c["name"] for c in result["checks"]} >= {"integrity", "foreign_keys", "search", "selftest"}
    with sqlite3.connect(db) as conn:  # someone edits the file behind the app's back
        conn.execute("DELETE FROM person_search")
    code, out, _ = cli("check", "--db", str(db))
    assert code == 1 and "✗" in out and "Chỉ mục tìm kiếm" in out


def test_english_messages(tmp_path):
    code, _, err = cli("--lang", "en", "search", "x", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and "No database at" in err


def test_demo_refuses_to_overwrite_a_real_commune(tmp_path):
    db = tmp_path / "real.sqlite3"
    assert cli("init", "--commune", "4", "--db", str(db))[0] == 0
    code, _, err = cli("demo", "--people", "50", "--db", str(db), "--replace")
    assert code == 1 and "dữ liệu thật" in err
    code, _, err = cli("demo", "--people", "50", "--db", str(db))
    assert code == 1


def test_demo_builds_and_replaces_a_demo(tmp_path):
    db = tmp_path / "demo.sqlite3"
    code, out, err = cli("demo", "--people", "300", "--seed", "3", "--db", str(db), "--json")
    assert code == 0, err
    first = json.loads(out)
    assert first["people"] == 300
    code, _, err = cli("demo", "--people", "200", "--db", str(db))
    assert code == 1 and "không ghi đè" in err
    code, out, err = cli("demo", "--people", "200", "--db", str(db), "--replace", "--json")
    assert code == 0, err
    assert json.loads(out)["people"] == 200
    assert cli("demo", "--people", "5", "--db", str(tmp_path / "tiny.sqlite3"))[0] == 1


def test_the_demo_lives_apart_and_the_real_commune_can_be_made_after_it(tmp_path, monkeypatch):
    # what `python3 dev.py start` does on a fresh machine, then a clerk's first command
    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path / "home"))
    paths = app_paths()
    code, out, err = cli("demo", "--people", "120", "--json")
    assert code == 0, err
    assert json.loads(out)["path"] == str(paths.demo_database) and not paths.database.exists()
    code, out, err = cli("init", "--commune", "00004")
    assert code == 0, err
    assert paths.database.exists() and paths.demo_database.exists()
    code, out, _ = cli("search", "nguyen", "--json")
    assert code == 0 and json.loads(out) == []  # the real commune holds nobody from the demo
    code, out, _ = cli("search", "nguyen", "--json", "--db", str(paths.demo_database))
    assert code == 0 and json.loads(out)


def test_demo_over_a_database_in_use_says_it_is_locked(tmp_path):
    db = tmp_path / "demo.sqlite3"
    assert cli("demo", "--people", "100", "--db", str(db))[0] == 0
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = cli("demo", "--people", "50", "--db", str(db), "--replace")
    finally:
        holder.rollback()
        holder.close()
    assert code == 1 and "đang được một chương trình khác" in err
    assert db.exists()


def _real(*argv: str, env_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, FRONTDESK_HOME=str(env_home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "app", *argv], capture_output=True, text=True, encoding="utf-8", env=env,
        timeout=120,
    )


def test_the_real_command_never_prints_a_traceback(tmp_path):
    home = tmp_path / "h"
    cases = [
        (("search", "x"), 1),  # no database yet
        (("init", "--commune", "00000"), 1),
        (("init", "--commune", "4"), 0),
        (("search", "nguyen", "--json"), 0),
        (("check",), 0),
        (("nonsense",), 2),
    ]
    for argv, expected in cases:
        result = _real(*argv, env_home=home)
        assert result.returncode == expected, (argv, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout, argv


def test_a_damaged_database_gets_one_clear_line(tmp_path, clock):
    db = tmp_path / "c.sqlite3"
    with create_commune_database(db, "00004", clock=clock) as store:
        for i in range(300):
            add_person(store, {"full_name": f"Nguyễn Văn Thử {i}"})
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = 4096
    for i in range(2 * page, len(data) - page, 3):  # keep the header page, ruin the rest
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))
    for argv in (("search", "nguyen"), ("check",)):
        code, out, err = cli(*argv, "--db", str(db))
        assert code == 1, (argv, out, err)
        assert "Traceback" not in out + err
        text = out + err
        assert ("bị hỏng" in text) or ("không phải là cơ sở dữ liệu" in text) or ("✗" in text), text


def test_communes_finds_official_codes_typed_without_accents(tmp_path):
    code, out, _ = cli("communes", "ba dinh", "--json")
    found = {c["code"]: c for c in json.loads(out)}
    assert code == 0 and found["00004"]["name"] == "Phường Ba Đình" and "16171" in found  # Thanh Hóa has one too
    code, out, _ = cli("communes", "ba dinh", "--province", "ha noi", "--json")
    assert [c["code"] for c in json.loads(out)] == ["00004"]
    code, out, _ = cli("communes", "ba dinh", "--province", "01")
    assert code == 0 and "00004  Phường Ba Đình, Thành phố Hà Nội" in out
    code, out, _ = cli("communes", "khong co xa nay")
    assert code == 0 and "Không có xã/phường nào khớp" in out
    code, _, err = cli("communes", "ba", "--province", "atlantis")
    assert code == 1 and "Không có tỉnh, thành phố nào khớp" in err


@pytest.mark.parametrize("typed, expected", [("00005", "Phường Ba Đình, Thành phố Hà Nội (00004)"),
                                             ("Ba Đình", "Phường Ba Đình, Thành phố Hà Nội (00004)")])
def test_init_with_a_wrong_code_suggests_the_closest_communes(tmp_path, typed, expected):
    db = tmp_path / "x.sqlite3"
    code, _, err = cli("init", "--commune", typed, "--db", str(db))
    assert code == 1 and expected in err and "frontdesk communes" in err and not db.exists()
    assert err.count("Mã xã:") == 1


def test_a_demo_an_older_version_built_in_the_real_place_moves_aside_for_init(tmp_path, monkeypatch):
    """Issue 18: `dev.py start` used to build the demo at the real database path, and then
    `frontdesk init` refused ("Đã có cơ sở dữ liệu…")."""
    from app.demo.builder import build_demo

    monkeypatch.setenv("FRONTDESK_HOME", str(tmp_path / "home"))
    paths = app_paths()
    paths.database.parent.mkdir(parents=True)
    build_demo(paths.database, people=100, seed=2)  # where an older dev.py start put it
    code, out, err = cli("init", "--commune", "00004")
    assert code == 0, err
    assert "đã được chuyển sang" in out and str(paths.demo_database) in out
    code, out, _ = cli("search", "nguyen", "--json")
    assert json.loads(out) == []  # the real commune, empty
    code, out, _ = cli("search", "nguyen", "--json", "--db", str(paths.demo_database))
    assert json.loads(out)  # the demo, whole, beside it
    # a real commune in the place is never moved, and init refuses as before
    code, _, err = cli("init", "--commune", "00008")
    assert code == 1 and paths.database.exists()


def test_frontdesk_alone_says_what_needs_attention_and_whether_it_is_demo_data(tmp_path):
    from app.demo.builder import build_demo

    demo, real = tmp_path / "demo.sqlite3", tmp_path / "real.sqlite3"
    build_demo(demo, people=100, seed=4)
    assert cli("init", "--commune", "00004", "--db", str(real))[0] == 0
    code, out, _ = cli("--db", str(demo))
    assert code == 0 and out.startswith("DỮ LIỆU MẪU") and "Người đang sinh hoạt: " in out
    code, out, _ = cli("--db", str(real))
    assert code == 0 and "DỮ LIỆU MẪU" not in out and out.startswith("Phường Ba Đình, Thành phố Hà Nội")
