"""Shared fixtures: every test gets its own FRONTDESK_HOME and a fixed clock."""
from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.clock import FixedClock  # noqa: E402
from app.commune import create_commune_database  # noqa: E402

TODAY = date(2026, 11, 22)
COMMUNE = "00004"  # Phường Ba Đình, Hà Nội


@pytest.fixture(autouse=True)
def frontdesk_home(tmp_path, monkeypatch):
    """Nothing a test does may touch the real user folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("FRONTDESK_HOME", str(home))
    monkeypatch.setenv("FRONTDESK_USER", "tester")
    monkeypatch.delenv("FRONTDESK_LANG", raising=False)
    return home


@pytest.fixture
def clock():
    return FixedClock(TODAY)


@pytest.fixture
def store(tmp_path, clock):
    s = create_commune_database(tmp_path / "commune.sqlite3", COMMUNE, clock=clock, actor="tester")
    yield s
    s.close()
