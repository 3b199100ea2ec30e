"""Writes off the GUI thread, and unexpected errors that do not stop the app."""
from __future__ import annotations

import logging

import pytest

from app.domain.people import add_person
from app.errors import InvalidInput
from ui.runtime.errors import ExceptionHook, user_message
from ui.runtime.runner import ImmediateRunner, WriteRunner


def test_writes_run_on_their_own_thread_in_order_and_report_back(qtbot, store, clock):
    import threading

    runner = WriteRunner(store.path, actor="tester", clock=clock)
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
    runner = WriteRunner(store.path, clock=clock)
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
