"""Writes off the GUI thread, and unexpected errors that do not stop the app."""
from __future__ import annotations

import logging
import time

import pytest

from app.domain.people import add_person
from app.errors import InvalidInput
from ui.runtime.errors import ExceptionHook, user_message
from ui.runtime.runner import ImmediateRunner, Runner


def test_writes_run_on_their_own_thread_in_order_and_report_back(qtbot, store, clock):
    import threading

    runner = Runner(store.path, actor="tester", clock=clock)
    threads, results, failures = [], [], []

    def adding(name):
        def operation(s):
            threads.append(threading.current_thread().name)
            return add_person(s, {"full_name": name})[0]
        return operation

    try:
        for name in ("Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba"):
            runner.submit(adding(name), results.append, failures.append)
        runner.submit(adding(""), results.append, failures.append)  # invalid: no name
        qtbot.waitUntil(lambda: len(results) + len(failures) == 4, timeout=5000)
    finally:
        runner.shutdown()
    assert results == sorted(results) and len(results) == 3
    assert len(failures) == 1 and isinstance(failures[0], InvalidInput)
    assert threading.main_thread().name not in threads
    # the GUI thread's own connection sees what the writer committed
    names = [r[0] for r in store.conn.execute("SELECT full_name FROM person ORDER BY id")]
    assert names == ["Lê Văn Một", "Lê Văn Hai", "Lê Văn Ba"]


def test_busy_signal_while_writing(qtbot, store, clock):
    runner = Runner(store.path, clock=clock)
    states = []
    runner.busy_changed.connect(states.append)
    done = []
    try:
        runner.submit(lambda s: add_person(s, {"full_name": "Hồ Thị Tư"}), done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
    finally:
        runner.shutdown()
    assert states == [True, False] and not runner.busy


def test_immediate_runner_for_tests(store):
    got = []
    ImmediateRunner(store).submit(lambda s: add_person(s, {"full_name": "Vũ Văn Năm"})[0], got.append)
    assert got and store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 1


def test_expected_errors_get_words_and_bugs_do_not():
    with pytest.raises(InvalidInput) as err:
        raise InvalidInput([])
    assert user_message(err.value, "vi").startswith("Có 0 chỗ")
    assert user_message(ZeroDivisionError(), "vi") is None


def test_an_unexpected_error_is_logged_and_shown_once(qtbot, caplog):
    hook = ExceptionHook()

    def fail():
        return 1 / 0

    with caplog.at_level(logging.ERROR, logger="frontdesk.ui"):
        for _ in range(3):
            try:
                fail()
            except ZeroDivisionError as exc:
                hook.report(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: hook.shown == ["ZeroDivisionError"], timeout=2000)
    assert hook.shown == ["ZeroDivisionError"]
    assert sum("ZeroDivisionError" in r.getMessage() for r in caplog.records) == 3


def test_a_problem_the_form_has_no_field_for_is_shown_not_dropped(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from app.errors import InvalidInput, InvalidValue
    from ui.runtime.errors import show_in_form

    boxes, under_fields = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: boxes.append(text))
    form = QWidget()
    qtbot.addWidget(form)
    known = InvalidValue("required", field="full_name", value="")
    show_in_form(form, InvalidInput([known]), {"full_name": None}, under_fields.extend, "vi")
    assert under_fields == [known] and boxes == []
    stray = InvalidValue("required", field="somewhere_else", value="")
    show_in_form(form, InvalidInput([known, stray]), {"full_name": None}, under_fields.extend, "vi")
    assert under_fields == [known] and len(boxes) == 1 and "bắt buộc" in boxes[0]


# -- the one runner: long work in the writes' turn, and writers that take turns -------------


def test_a_long_write_waits_behind_the_edits_asked_before_it_and_edits_after_it_wait_for_it(qtbot, store, clock):
    import threading

    runner = Runner(store.path, actor="tester", clock=clock)
    order, ended = [], []
    release = threading.Event()

    def long_write(s, progress):
        order.append("import starts")
        release.wait(30)  # bounded: the test never hangs
        add_person(s, {"full_name": "Người Nhập Từ Tệp"})
        order.append("import ends")
        return "imported"

    try:
        runner.submit(lambda s: order.append("edit before"))
        task = runner.run_long(None, "Importing", long_write, ended.append, uses="write", delay_ms=60_000)
        runner.submit(lambda s: order.append("edit after"), ended.append)
        qtbot.waitUntil(lambda: "import starts" in order, timeout=15_000)
        assert order == ["edit before", "import starts"]  # the edit asked after it is not let in meanwhile
        release.set()
        qtbot.waitUntil(lambda: len(ended) == 2, timeout=15_000)
    finally:
        release.set()
        runner.shutdown()
    assert order == ["edit before", "import starts", "import ends", "edit after"]
    assert ended[0] == "imported" and not task.running


def test_writers_on_other_connections_take_turns_with_the_write_thread(qtbot, store, clock):
    import threading

    runner = Runner(store.path, actor="tester", clock=clock)
    order, done, failed = [], [], []
    holding = threading.Event()

    def slow_edit(s):
        with s.transaction():
            add_person(s, {"full_name": "Trần Văn Chậm"})
            order.append("write thread in")
            holding.set()
            time.sleep(0.3)  # still inside its transaction
            order.append("write thread out")

    def pass_that_writes(s):
        holding.wait(30)
        with s.transaction():  # waits for its turn here, not in SQLite's busy timeout
            order.append("sending pass in")
            add_person(s, {"full_name": "Lê Thị Gửi"})
        return "sent"

    try:
        runner.submit(slow_edit, done.append, failed.append)
        runner.in_background(pass_that_writes, done.append, failed.append, uses="read")
        qtbot.waitUntil(lambda: len(done) + len(failed) == 2, timeout=15_000)
    finally:
        runner.shutdown()
    assert failed == []
    assert order == ["write thread in", "write thread out", "sending pass in"]


def test_a_long_write_that_cannot_open_its_connection_says_so_instead_of_hanging(qtbot, tmp_path, clock):
    runner = Runner(tmp_path / "missing.sqlite3", actor="tester", clock=clock)
    failed = []
    try:
        runner.run_long(None, "Importing", lambda s, progress: "never", lambda _r: None, failed.append,
                        uses="write", delay_ms=60_000)
        qtbot.waitUntil(lambda: bool(failed), timeout=15_000)
    finally:
        runner.shutdown()
    assert failed[0].code == "database.missing"
    assert runner.close_connection(timeout=1)  # shut down: nothing to close, no wait


def test_work_on_its_own_connection_or_with_none(qtbot, store, clock):
    runner = Runner(store.path, actor="tester", clock=clock)
    got = []
    try:
        runner.run_long(None, "Counting", lambda s, progress: s.conn.execute("SELECT count(*) FROM person").fetchone()[0],
                        got.append, uses="read", delay_ms=60_000)
        runner.in_background(lambda nothing: nothing, got.append, got.append, uses="files")
        qtbot.waitUntil(lambda: len(got) == 2, timeout=15_000)
        with pytest.raises(ValueError):
            runner.in_background(lambda s: s, got.append, got.append, uses="everything")
    finally:
        runner.shutdown()
    assert sorted(got, key=str) == [0, None]
