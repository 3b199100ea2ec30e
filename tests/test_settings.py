"""User settings: JSON, defaults when missing or broken, written whole or not at all."""
from __future__ import annotations

import json

import pytest

from app import messages
from app.paths import app_paths
from app.settings import load_settings, save_settings


def test_defaults_without_a_file():
    assert load_settings() == {"language": "vi"}
    assert messages.current_language() == "vi"


def test_saved_language_is_used_and_the_environment_still_wins(monkeypatch):
    save_settings({"language": "en"})
    assert json.loads(app_paths().settings.read_text(encoding="utf-8")) == {"language": "en"}
    assert messages.current_language() == "en"
    monkeypatch.setenv("FRONTDESK_LANG", "vi")
    assert messages.current_language() == "vi"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"language": "fr"}', "\x00\x01"])
def test_a_broken_or_odd_file_means_defaults(content):
    path = app_paths().settings
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert load_settings() == {"language": "vi"}


def test_unknown_settings_are_refused_and_nothing_is_written():
    with pytest.raises(ValueError):
        save_settings({"language": "fr"})
    with pytest.raises(ValueError):
        save_settings({"colour": "blue"})
    assert not app_paths().settings.exists()


def test_a_failed_write_leaves_the_old_file(monkeypatch):
    save_settings({"language": "en"})

    def broken_dump(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(json, "dump", broken_dump)
    with pytest.raises(OSError):
        save_settings({"language": "vi"})
    assert load_settings()["language"] == "en"
    assert [p.name for p in app_paths().settings.parent.iterdir()] == ["settings.json"]  # no temporary left
