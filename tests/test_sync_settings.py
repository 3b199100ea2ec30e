"""Destinations, the site.toml lock, the keyring wrapper, and the sync commands;
and the promise that a password never lands in the database, the settings or
the logs."""
from __future__ import annotations

import io
import json
import random

import pytest

from app import messages
from app.errors import FrontDeskError, InvalidValue
from app.paths import app_paths
from app.sending.destination import (
    current_destination,
    make_destination,
    open_transport,
    save_destination,
    save_password,
    test_connection,
)
from app.sending.outbox import list_outbox, outbox_folder, queue_report
from app.sending.secrets import SecretStore, scrub
from app.sending.site_config import SiteConfig, load_site_config
from app.sending.transport import SETTINGS, DeliveryError
from tests.helpers import cli as run_cli
from tests.sync_servers import DavServer, MailServer, MemoryKeyring, basic_token

PASSWORD = "Mật-khẩu-S3cr3t-9f2a"


class PlaintextKeyring(MemoryKeyring):
    priority = 0.5


class LowPriority(MemoryKeyring):
    priority = 0.2


def cli(*argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run_cli(*argv)


# -- the keyring wrapper ---------------------------------------------------------------


def test_a_safe_backend_keeps_and_returns_the_password():
    store = SecretStore(MemoryKeyring())
    store.put("webdav:u@https://x/", "pw")
    assert store.get("webdav:u@https://x/") == "pw"
    store.forget("webdav:u@https://x/")
    assert store.get("webdav:u@https://x/") is None
    assert store.name.endswith("MemoryKeyring")


@pytest.mark.parametrize("backend, code", [
    ("fail", "secrets.no_keyring"),
    ("null", "secrets.no_keyring"),
    (PlaintextKeyring(), "secrets.plaintext"),
    (LowPriority(), "secrets.plaintext"),
])
def test_missing_or_plaintext_backends_are_refused_with_what_to_do(backend, code):
    if backend == "fail":
        from keyring.backends.fail import Keyring as backend_class
        backend = backend_class()
    elif backend == "null":
        from keyring.backends.null import Keyring as backend_class
        backend = backend_class()
    secrets = SecretStore(backend)
    with pytest.raises(FrontDeskError) as caught:
        secrets.put("k", "pw")
    assert caught.value.code == code
    vi, en = messages.describe(caught.value, "vi"), messages.describe(caught.value, "en")
    assert "GNOME Keyring" in vi and "GNOME Keyring" in en and "pw" not in vi + en


def test_scrub_removes_passwords_and_url_credentials():
    text = "PUT https://xa:hunter2@files.example/dav/ failed; pw=hunter2"
    assert scrub(text, ["hunter2"]) == "PUT https://files.example/dav/ failed; pw=***"


# -- destinations and the site lock ------------------------------------------------------


def test_destinations_are_checked_with_clear_messages():
    with pytest.raises(InvalidValue) as caught:
        make_destination("webdav", url="https://xa:pw@files.example/dav/")
    assert "pw" not in messages.describe(caught.value, "vi")
    with pytest.raises(InvalidValue):
        make_destination("webdav", url="http://files.example/dav/", user="xa")  # password in clear
    with pytest.raises(InvalidValue):
        make_destination("smtp", host="mail.example", port=587, to_addr="not-an-address", from_addr="a@b.example")
    with pytest.raises(InvalidValue):
        make_destination("smtp", host="mail.example", port=25, to_addr="a@b.example", from_addr="c@d.example",
                         tls="none", user="xa")
    ok = make_destination("webdav", url="https://files.example/dav", user="xa")
    assert ok.url == "https://files.example/dav/" and ok.secret_key == "webdav:xa@https://files.example/dav/"


def _site(tmp_path, monkeypatch, text: str) -> SiteConfig:
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FRONTDESK_SITE_CONFIG", str(path))
    return load_site_config()


def test_site_toml_presets_and_locks_the_destination(store, tmp_path, monkeypatch, memory_keyring):
    site = _site(tmp_path, monkeypatch, (
        '[destination]\ntransport = "webdav"\nurl = "https://files.example/remote.php/dav/files/reports/"\n'
        'user = "xa-00004"\nlocked = true\n'
    ))
    destination = current_destination(store, site)
    assert destination.url.endswith("/reports/") and destination.user == "xa-00004"
    with pytest.raises(FrontDeskError) as caught:
        save_destination(store, make_destination("folder", path=str(tmp_path)), site=site)
    assert caught.value.code == "destination.locked"
    # a report that failed on the missing password waits out its backoff...
    report = tmp_path / "r.xlsx"
    report.write_bytes(b"r")
    queue_report(store, report, period="2026-11")
    store.conn.execute("UPDATE outbox SET next_attempt_at = '2099-01-01T00:00:00+00:00'")
    # ...until the one thing a person types here, the password: then it is due at once
    save_password(store, site=site, secrets=SecretStore(memory_keyring), password=PASSWORD)
    assert list_outbox(store)[0].next_attempt_at is None
    assert memory_keyring.entries[("FrontDesk sync", destination.secret_key)] == PASSWORD
    code, _, err = cli("sync", "destination", "folder", str(tmp_path), "--db", str(store.path))
    assert code == 1 and "khóa" in err and str(tmp_path / "site.toml") in err


def test_an_unlocked_site_destination_is_only_a_default(store, tmp_path, monkeypatch):
    site = _site(tmp_path, monkeypatch, f'[destination]\ntransport = "folder"\npath = "{tmp_path}"\n')
    assert current_destination(store, site).path == str(tmp_path)
    chosen = make_destination("folder", path=str(tmp_path / "other"))
    save_destination(store, chosen, site=site)
    assert current_destination(store, site) == chosen


def test_a_password_in_site_toml_is_refused(store, tmp_path, monkeypatch):
    with pytest.raises(FrontDeskError) as caught:  # refused on reading the file (tests/test_site_secrets.py)
        _site(tmp_path, monkeypatch, '[destination]\ntransport = "webdav"\nurl = "https://x.example/"\npassword = "x"\n')
    assert caught.value.code == "destination.site_password"
    # a SiteConfig made in code is checked where the destination is read
    site = SiteConfig(tmp_path / "site.toml", destination={"transport": "webdav", "url": "https://x.example/",
                                                          "Password": "x"})
    with pytest.raises(FrontDeskError) as caught:
        current_destination(store, site)
    assert caught.value.code == "destination.site_password" and "destination.Password" in str(caught.value.params)


def test_no_password_saved_says_how_to_enter_it(clock):
    destination = make_destination("webdav", url="https://files.example/dav/", user="xa")
    with pytest.raises(DeliveryError) as caught:
        open_transport(destination, secrets=SecretStore(MemoryKeyring()), clock=clock)
    assert caught.value.kind == SETTINGS and "sync password" in messages.describe(caught.value, "en")


def test_test_connection_reaches_each_kind(tmp_path, clock):
    secrets = SecretStore(MemoryKeyring())
    folder = make_destination("folder", path=str(tmp_path))
    assert test_connection(folder, secrets=secrets, clock=clock)["folder"] == str(tmp_path)
    with DavServer(tmp_path / "dav", user="xa", password=PASSWORD) as server:
        dav = make_destination("webdav", url=server.url, user="xa")
        secrets.put(dav.secret_key, PASSWORD)
        assert test_connection(dav, secrets=secrets, clock=clock, timeout=15)["folder_exists"] is True
    with MailServer() as mail:
        smtp = make_destination("smtp", host="127.0.0.1", port=mail.port, to_addr="a@b.example",
                                from_addr="c@d.example", tls="none")
        assert test_connection(smtp, secrets=secrets, clock=clock, timeout=15)["transport"] == "smtp"
    with pytest.raises(DeliveryError) as caught:
        test_connection(make_destination("folder", path=str(tmp_path / "usb")), secrets=secrets, clock=clock)
    assert caught.value.code == "folder.missing"


# -- the command line ----------------------------------------------------------------------


def test_sync_commands_from_queue_to_sent(store, tmp_path, monkeypatch):
    db = str(store.path)
    report = tmp_path / "bc.xlsx"
    report.write_bytes(b"report")
    code, out, err = cli("sync", "run", "--db", db)
    assert code == 1 and "frontdesk sync destination" in err
    code, out, _ = cli("sync", "queue", str(report), "--period", "2026-11", "--db", db, "--json")
    assert code == 0 and json.loads(out)["state"] == "queued"
    dest = tmp_path / "share"
    dest.mkdir()
    assert cli("sync", "destination", "folder", str(dest), "--db", db)[0] == 0
    code, out, _ = cli("sync", "status", "--db", db, "--json")
    status = json.loads(out)
    assert status["destination"]["label"] == f"folder:{dest}" and status["counts"]["queued"] == 1
    code, out, _ = cli("sync", "run", "--db", db, "--json")
    assert code == 0 and len(json.loads(out)["sent"]) == 1 and json.loads(out)["waiting"] == []
    code, out, _ = cli("sync", "status", "--db", db)
    assert code == 0 and "đã gửi hết" in out
    assert len([p for p in dest.iterdir() if p.suffix == ".xlsx"]) == 1
    code, out, _ = cli("sync", "queue", str(report), "--period", "2026-11", "--db", db)
    assert code == 0 and "đã được gửi" in out and len(list_outbox(store)) == 1


def test_the_password_never_lands_in_database_settings_logs_or_output(
    store, tmp_path, monkeypatch, memory_keyring, frontdesk_home
):
    db = str(store.path)
    report = tmp_path / "bc.xlsx"
    report.write_bytes(random.Random(3).randbytes(3000))
    outputs = []
    with DavServer(tmp_path / "dav", user="xa-00004", password=PASSWORD) as server:
        outputs.append(cli("sync", "destination", "webdav", server.url, "--user", "xa-00004", "--password-stdin",
                           "--db", db, stdin="wrong-" + PASSWORD + "\n", monkeypatch=monkeypatch))
        outputs.append(cli("sync", "queue", str(report), "--period", "2026-11", "--db", db))
        outputs.append(cli("sync", "run", "--timeout", "3", "--db", db))  # 401: check the password
        assert outputs[-1][0] == 1 and "mật khẩu" in outputs[-1][1]
        outputs.append(cli("sync", "password", "--password-stdin", "--db", db, stdin=PASSWORD + "\n",
                           monkeypatch=monkeypatch))
        outputs.append(cli("sync", "run", "--timeout", "3", "--db", db, "--json"))
        assert outputs[-1][0] == 0, outputs[-1]
        outputs.append(cli("sync", "status", "--db", db, "--json"))
        outputs.append(cli("sync", "destination", "--db", db))
        outputs.append(cli("--lang", "en", "sync", "test", "--timeout", "3", "--db", db))
        assert outputs[-1][0] == 0
    with MailServer(user="xa-00004", password=PASSWORD) as mail:
        outputs.append(cli("sync", "destination", "smtp", "--host", "127.0.0.1", "--port", str(mail.port),
                           "--to", "baocao@tinh.example", "--from", "xa@xa.example", "--user", "xa-00004",
                           "--tls", "none", "--password-stdin", "--db", db, stdin=PASSWORD + "\n",
                           monkeypatch=monkeypatch))
        outputs.append(cli("sync", "queue", str(report), "--period", "2026-11", "--db", db))
        outputs.append(cli("sync", "run", "--timeout", "3", "--db", db, "--json"))
        assert outputs[-1][0] == 0 and len(mail.handler.messages) == 1
    assert [i.state for i in list_outbox(store)] == ["sent", "sent"]
    assert memory_keyring.entries  # the password is where it belongs

    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    paths = app_paths()
    files = [store.path, *store.path.parent.glob(store.path.name + "-*"), paths.settings]
    files += [p for p in paths.logs.rglob("*") if p.is_file()]
    files += [p for p in outbox_folder(store).rglob("*") if p.is_file()]
    assert any(paths.logs.rglob("*.log")), "the commands wrote no log to check"
    needles = [PASSWORD.encode("utf-8"), basic_token("xa-00004", PASSWORD), PASSWORD.encode("utf-16-le")]
    for path in files:
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, f"password found in {path}"
    for _code, out, err in outputs:
        assert PASSWORD not in out + err
