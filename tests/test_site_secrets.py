"""site.toml never holds a secret, whatever IT calls it and wherever it is
written (docs/IT.md); and a file saved with a byte-order mark is read."""
from __future__ import annotations

import pytest

from app import messages
from app.errors import FrontDeskError
from app.sending.site_config import load_site_config
from tests.helpers import cli

DESTINATION = '[destination]\ntransport = "webdav"\nurl = "https://files.example/dav/"\nuser = "xa-00004"\n'
SPELLINGS = ("password", "Password", "PASSWORD", "pass", "passwd", "pwd", "secret", "token", "mat_khau",
             '"mật_khẩu"', '"Mật khẩu"', "api_key", "apiKey", "smtp_password", "access-token")


def _write(tmp_path, monkeypatch, text: str, *, bom: bool = False):
    path = tmp_path / "site.toml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    monkeypatch.setenv("FRONTDESK_SITE_CONFIG", str(path))
    return path


def _refusal(tmp_path, monkeypatch, text: str) -> FrontDeskError:
    path = _write(tmp_path, monkeypatch, text)
    with pytest.raises(FrontDeskError) as caught:
        load_site_config()
    assert caught.value.code == "destination.site_password"
    english = messages.describe(caught.value, "en")
    assert str(path) in english and "keyring" in english
    assert "x-secret-value" not in english  # the value itself is never repeated
    return caught.value


@pytest.mark.parametrize("key", SPELLINGS)
@pytest.mark.parametrize("where", ("top", "commune", "destination", "other"))
def test_a_secret_under_any_spelling_and_in_any_table_is_refused(tmp_path, monkeypatch, key, where):
    line = f'{key} = "x-secret-value"\n'
    text = {
        "top": line + DESTINATION,
        "commune": '[commune]\ncode = "00004"\n' + line + DESTINATION,
        "destination": DESTINATION + line,
        "other": DESTINATION + "[smtp.extra]\n" + line,
    }[where]
    error = _refusal(tmp_path, monkeypatch, text)
    assert key.strip('"') in error.params["key"]


def test_a_secret_in_an_array_of_tables_is_refused(tmp_path, monkeypatch):
    error = _refusal(tmp_path, monkeypatch, DESTINATION + '[[extra]]\nname = "a"\n[[extra]]\nToken = "x-secret-value"\n')
    assert error.params["key"] == "extra[1].Token"


@pytest.mark.parametrize("key", ("code", "locked", "transport", "url", "user", "host", "port", "to", "from", "tls",
                                 "path"))
def test_the_ordinary_keys_are_not_taken_for_secrets(tmp_path, monkeypatch, key):
    _write(tmp_path, monkeypatch, f'[extra]\n{key} = "a"\n' + DESTINATION)
    assert load_site_config().destination["user"] == "xa-00004"


def test_a_file_with_a_byte_order_mark_is_read(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, '[commune]\ncode = "00004"\nlocked = true\n' + DESTINATION, bom=True)
    site = load_site_config()
    assert site.commune_code == "00004" and site.commune_locked and site.destination["transport"] == "webdav"


def test_a_secret_in_a_file_with_a_byte_order_mark_is_refused_too(tmp_path, monkeypatch):
    path = _write(tmp_path, monkeypatch, "Password = 'x-secret-value'\n" + DESTINATION, bom=True)
    with pytest.raises(FrontDeskError) as caught:
        load_site_config()
    assert caught.value.code == "destination.site_password" and caught.value.params["path"] == str(path)


def test_the_command_line_refuses_it_in_one_line(tmp_path, monkeypatch):
    _write(tmp_path, monkeypatch, '[commune]\ncode = "00004"\nPass = "x-secret-value"\n' + DESTINATION)
    code, out, err = cli("sync", "status", "--db", tmp_path / "xa.sqlite3", "--lang", "en")
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "commune.Pass" in err and "keyring" in err and "x-secret-value" not in err + out
