"""Shared fixtures: every test gets its own FRONTDESK_HOME, a keyring in memory
and, when it asks, a fixed clock."""
from __future__ import annotations

import os
import sys

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Before keyring is first asked: it must never go looking for the real keychain
# of the machine running the tests, in this process or in a program a test
# starts. keyring's "fail" backend is what a headless Linux has anyway.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

import keyring
from keyring.backends import fail

from app.clock import FixedClock
from app.domain.commune import create_commune_database
from tests.helpers import COMMUNE, TODAY
from tests.sync_servers import keyring_backend_class


@pytest.fixture(autouse=True)
def frontdesk_home(tmp_path, monkeypatch):
    """Nothing a test does may touch the real user folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("FRONTDESK_HOME", str(home))
    monkeypatch.setenv("FRONTDESK_USER", "tester")
    monkeypatch.delenv("FRONTDESK_LANG", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring():
    """The process's keyring, for every test: passwords in a dict (the core
    functions also take a backend as a parameter; the command line uses this)."""
    backend = keyring_backend_class()()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(fail.Keyring())


@pytest.fixture(autouse=True)
def english_window_after_each_test():
    """A test that switches the window to Vietnamese must not leave the next
    one in it: the translators live on the one QApplication of the run."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is not None and getattr(app, "_frontdesk_translators", None):
        from ui.runtime.translations import install_translations

        install_translations(app, "en")


@pytest.fixture
def clock():
    return FixedClock(TODAY)


@pytest.fixture
def store(tmp_path, clock):
    s = create_commune_database(tmp_path / "commune.sqlite3", COMMUNE, clock=clock, actor="tester")
    yield s
    s.close()
