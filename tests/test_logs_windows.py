"""The logs on a Windows office PC: a file per program, and a rotation that
Windows refuses (error 32: the file is open in another process) loses
nothing, shifts no older file for nothing and prints nothing on stderr.

The refusal is injected as Windows raises it (tests/windows_faults.py)."""
from __future__ import annotations

import logging

import pytest

from app import logs
from app.logs import CLI_LOG_NAME, LOG_NAME, PENDING_SUFFIX, SafeRotatingFileHandler, setup_logging
from app.paths import app_paths
from tests.helpers import cli
from tests.windows_faults import HeldFiles


@pytest.fixture(autouse=True)
def fresh_logging():
    """Each test sets the app's handler up again, and none is left behind."""
    logs._configured = None
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_frontdesk", False)]:
        root.removeHandler(handler)
        handler.close()
    logs._configured = None


def _handler(path, max_bytes=400, backups=3) -> logging.Logger:
    handler = SafeRotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger(f"test.rotation.{path.name}")
    logger.propagate = False
    logger.handlers = [handler]
    logger.setLevel(logging.INFO)
    return logger


def _all_text(folder, name) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(name + "*")))


def test_the_window_and_the_command_line_write_different_files(frontdesk_home, store):
    store.close()
    assert cli("search", "x", "--db", str(store.path))[0] == 0
    folder = app_paths().logs
    assert (folder / CLI_LOG_NAME).exists()
    assert "command search" in (folder / CLI_LOG_NAME).read_text(encoding="utf-8")
    assert not (folder / LOG_NAME).exists()  # the window's file is the window's alone
    window_log = setup_logging(folder)  # what ui/application.py calls
    assert window_log == folder / LOG_NAME != folder / CLI_LOG_NAME


def test_a_rotation_windows_refuses_loses_no_record_and_prints_nothing(tmp_path, monkeypatch, capsys):
    path = tmp_path / CLI_LOG_NAME
    logger = _handler(path)
    handler = logger.handlers[0]
    for i in range(8):  # fills the file, rotates it once
        logger.info("before %03d %s", i, "x" * 60)
    assert (tmp_path / (CLI_LOG_NAME + ".1")).exists()
    older = (tmp_path / (CLI_LOG_NAME + ".1")).read_text(encoding="utf-8")

    held = HeldFiles(monkeypatch, CLI_LOG_NAME, times=1000)  # another process keeps it open
    for i in range(40):
        logger.info("held %03d %s", i, "y" * 60)
    assert held.seen[CLI_LOG_NAME] >= 1 and handler.failures >= 1
    # not tried on every record: only after the file grew another RETRY_BYTES
    assert handler.failures == held.seen[CLI_LOG_NAME] < 40
    text = _all_text(tmp_path, CLI_LOG_NAME)
    assert all(f"held {i:03d}" in text for i in range(40))  # every record is there
    assert (tmp_path / (CLI_LOG_NAME + ".1")).read_text(encoding="utf-8") == older  # nothing shifted
    assert not (tmp_path / (CLI_LOG_NAME + ".2")).exists()
    assert "log rotation put off" in path.read_text(encoding="utf-8") and "error 32" in path.read_text(encoding="utf-8")
    out, err = capsys.readouterr()
    assert err == "" and out == ""  # no "--- Logging error ---", no traceback
    assert handler.write_errors == 0


def test_the_refused_rotation_happens_once_the_file_is_free(tmp_path, monkeypatch):
    path = tmp_path / LOG_NAME
    logger = _handler(path, backups=20)  # room for every line: none is dropped as the oldest
    held = HeldFiles(monkeypatch, LOG_NAME, times=1)  # released after one refusal
    monkeypatch.setattr(logs, "RETRY_BYTES", 100)
    for i in range(30):
        logger.info("line %03d %s", i, "z" * 60)
    assert held.seen[LOG_NAME] == 1 and logger.handlers[0].failures == 1
    assert (tmp_path / (LOG_NAME + ".1")).exists()
    assert not (tmp_path / (LOG_NAME + PENDING_SUFFIX)).exists()
    text = _all_text(tmp_path, LOG_NAME)
    assert all(f"line {i:03d}" in text for i in range(30))


def test_a_rotation_cut_short_is_finished_next_time(tmp_path):
    path = tmp_path / LOG_NAME
    (tmp_path / (LOG_NAME + PENDING_SUFFIX)).write_text("left by a crash mid-rotation\n", encoding="utf-8")
    logger = _handler(path)
    for i in range(12):
        logger.info("line %03d %s", i, "w" * 60)
    assert not (tmp_path / (LOG_NAME + PENDING_SUFFIX)).exists()
    text = _all_text(tmp_path, LOG_NAME)
    assert "left by a crash mid-rotation" in text and all(f"line {i:03d}" in text for i in range(12))


def test_a_log_that_cannot_be_written_says_nothing_on_the_console(tmp_path, capsys):
    logger = _handler(tmp_path / CLI_LOG_NAME)
    handler = logger.handlers[0]

    class Full:
        def write(self, text):
            raise OSError(28, "No space left on device")

        def flush(self):
            pass

        def close(self):
            pass

        def tell(self):
            return 0

        def seek(self, *args):
            return 0

    handler.stream = Full()
    logger.info("anything")
    assert handler.write_errors == 1
    assert capsys.readouterr().err == ""


def test_the_handler_the_app_sets_up_is_the_safe_one(frontdesk_home):
    target = setup_logging(app_paths().logs, name=CLI_LOG_NAME)
    assert target == frontdesk_home / "logs" / CLI_LOG_NAME
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_frontdesk", False))
    assert isinstance(handler, SafeRotatingFileHandler)
