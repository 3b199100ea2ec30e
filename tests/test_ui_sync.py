"""Sending from the window, driven like a person would, against real servers on
127.0.0.1 (tests/sync_servers.py): the destination dialog, the status in the
status bar, the outbox page's "Send now", and the service that sends by itself."""
from __future__ import annotations

import hashlib
import random
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app import messages
from app.errors import FrontDeskError
from app.sending.destination import current_destination, make_destination, save_destination
from app.sending.outbox import list_outbox, outbox_folder, queue_report
from app.sending.secrets import SERVICE
from app.sending.site_config import SiteConfig, load_site_config
from app.sending.transport import DeliveryError
from tests.sync_servers import DavServer, MemoryKeyring, free_port
from ui.dialogs.destination_dialog import DestinationDialog
from ui.pages.outbox import OutboxPage
from ui.runtime.runner import ImmediateRunner
from ui.runtime.sync_service import SyncService
from ui.widgets.sync_status import SyncStatus, when_text


@pytest.fixture(autouse=True)
def english_window(qapp):
    """These tests read the window's English texts: whatever language an
    earlier test left installed, English it is."""
    from ui.runtime.translations import install_translations

    install_translations(qapp, "en")
    yield

PASSWORD = "Mật-khẩu-S3cr3t-7c1d"
USER = "xa-00004"
WAIT_MS = 15_000  # generous: a busy CI machine must not trip it; nothing here waits for it on purpose
NETWORK_TIMEOUT = 15.0


@pytest.fixture
def keyring_backend():
    return MemoryKeyring()


@pytest.fixture
def site():
    return SiteConfig()  # no site.toml: nothing read from this machine


@pytest.fixture
def service(qtbot, store, keyring_backend, site, clock):
    s = SyncService(store, keyring_backend=keyring_backend, clock=clock, site=site, timeout=NETWORK_TIMEOUT,
                    rng=random.Random(1), watch_network=False)
    yield s
    s.stop(wait=NETWORK_TIMEOUT * 3)


@pytest.fixture
def status(qtbot, service):
    widget = SyncStatus(service, "vi")
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def page(qtbot, store, service, keyring_backend, site, clock):
    p = OutboxPage(store, ImmediateRunner(store), "vi", service, keyring_backend=keyring_backend, site=site,
                   clock=clock)
    qtbot.addWidget(p)
    p.resize(1280, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def _report(tmp_path, name: str = "bao-cao-thang-11.xlsx", seed: int = 0):
    path = tmp_path / name
    path.write_bytes(random.Random(seed).randbytes(5000))
    return path


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _type(qtbot, box: QLineEdit, text: str) -> None:
    box.clear()
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:  # QTest types ASCII only: the rest as pasted
        box.insert(text)


def _dialog(qtbot, page) -> DestinationDialog:
    dialog = page.change_destination()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def _test_connection(qtbot, dialog) -> tuple[bool, str]:
    with qtbot.waitSignal(dialog.tested, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(dialog.test_button, Qt.LeftButton)
    return tuple(blocker.args)


def _send_now(qtbot, page, service):
    qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)  # the page has heard of the report
    with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(page.send_button, Qt.LeftButton)
    return blocker.args[0]


def _column(page, row: int, title: str) -> str:
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    return page.table.item(row, headers.index(title)).text()


# -- WebDAV from the dialog to the server ------------------------------------------------------


def test_webdav_set_in_the_dialog_then_send_now_delivers_exactly_once(
    qtbot, tmp_path, store, service, status, page, keyring_backend, site
):
    with DavServer(tmp_path / "dav", user=USER, password=PASSWORD) as server:
        dialog = _dialog(qtbot, page)
        qtbot.mouseClick(dialog.kind_buttons.button(1), Qt.LeftButton)
        assert dialog.kind == "webdav" and not dialog.dav_password.isEnabled()  # no user, no password
        _type(qtbot, dialog.url, server.url)
        _type(qtbot, dialog.dav_user, USER)
        _type(qtbot, dialog.dav_password, "wrong-" + PASSWORD)
        worked, text = _test_connection(qtbot, dialog)
        refusal = messages.text("webdav.auth", "vi", where=server.url)
        assert not worked and text == refusal and dialog.test_result.text() == refusal
        assert PASSWORD not in text
        _type(qtbot, dialog.dav_password, PASSWORD)
        worked, text = _test_connection(qtbot, dialog)
        assert worked and dialog.test_result.text() == f"The connection works: {server.url}"
        assert keyring_backend.entries == {}  # a test saves nothing
        with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
            qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
        assert not dialog.isVisible()
        chosen = current_destination(store, site)
        assert chosen.url == server.url and chosen.user == USER
        assert keyring_backend.entries == {(SERVICE, chosen.secret_key): PASSWORD}
        assert PASSWORD not in store.meta("sync.destination")
        assert "WebDAV" in page.destination.text() and server.url in page.destination.text()

        source = _report(tmp_path)
        queue_report(store, source, period="2026-11", destination=chosen.label)
        qtbot.waitUntil(lambda: status.text() == "Waiting to send: 1", timeout=WAIT_MS)
        assert status.key == "waiting"
        assert page.table.rowCount() == 1 and _column(page, 0, "State") == "đang chờ gửi"
        assert page.send_button.isEnabled()

        result = _send_now(qtbot, page, service)
        assert len(result.sent) == 1 and result.stopped is None
        [arrived] = server.files()
        assert _sha(arrived) == _sha(source) and arrived.name == list_outbox(store)[0].remote_name
        assert status.text() == "All sent" and status.key == "all_sent"
        assert _column(page, 0, "State") == "đã gửi" and _column(page, 0, "Sent") == when_text(
            list_outbox(store)[0].sent_at)
        assert not page.send_button.isEnabled()  # nothing left to send
        assert "Sent 1 report" in page.notice.text()  # "report(s)", or "report" once the English plurals are in

        # sending again finds nothing to send; the file is still there once
        queue_report(store, source, period="2026-11", destination=chosen.label)
        service.send_now()
        qtbot.waitUntil(lambda: not service.sending, timeout=WAIT_MS)
        assert len(server.files()) == 1 and len(list_outbox(store)) == 1


def test_the_send_runs_off_the_gui_thread_and_the_status_says_sending(
    qtbot, tmp_path, store, service, status, page, keyring_backend, site
):
    with DavServer(tmp_path / "dav") as server:
        save_destination(store, make_destination("webdav", url=server.url), site=site)
        queue_report(store, _report(tmp_path), period="2026-11", destination=current_destination(store, site).label)
        server.faults.hold_puts = 1  # the server takes the file and keeps its answer back
        qtbot.waitUntil(page.send_button.isEnabled, timeout=WAIT_MS)
        with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS) as finished:
            qtbot.mouseClick(page.send_button, Qt.LeftButton)
            # the window keeps answering while the upload waits for its answer
            qtbot.waitUntil(lambda: status.text() == "Sending…", timeout=WAIT_MS)
            assert service.sending and not page.send_button.isEnabled()
            qtbot.waitUntil(lambda: _column(page, 0, "State") == "đang gửi", timeout=WAIT_MS)
            server.faults.release.set()
        assert finished.args[0].sent == [list_outbox(store)[0].id]
        assert len(server.files()) == 1 and status.text() == "All sent"


def test_server_down_shows_offline_with_the_next_try_then_sends_when_the_link_is_back(
    qtbot, tmp_path, store, service, status, page, site, clock
):
    port = free_port()
    url = f"http://127.0.0.1:{port}/reports/"
    save_destination(store, make_destination("webdav", url=url), site=site)
    source = _report(tmp_path)
    queue_report(store, source, period="2026-11", destination=current_destination(store, site).label)
    result = _send_now(qtbot, page, service)
    assert result.stopped is not None and result.stopped.kind == "offline"
    [item] = list_outbox(store)
    assert item.state == "queued" and item.attempts == 1 and item.next_attempt_at
    assert status.text() == "Offline — will send by itself" and status.key == "offline"
    next_try = when_text(item.next_attempt_at)
    assert f"Next try: {next_try}" in status.toolTip()
    assert messages.text("delivery.offline", "vi", where=url, reason="ConnectionRefusedError") in status.toolTip()
    assert _column(page, 0, "Next try") == next_try and _column(page, 0, "Attempts") == "1"
    assert "Không kết nối được" in _column(page, 0, "Last problem")
    assert page.problem.isVisible() and "Không kết nối được" in page.problem.text()

    with DavServer(tmp_path / "dav", port=port) as server:
        service.start()
        assert not service.sending  # not due yet: the backoff is respected
        with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS) as finished:
            service.link_changed(False)
            service.link_changed(True)  # what QNetworkInformation reports when the link is back
        assert finished.args[0].sent == [item.id]
        assert [_sha(f) for f in server.files()] == [_sha(source)]
    assert status.text() == "All sent" and list_outbox(store)[0].attempts == 2


def test_the_timer_sends_by_itself_once_the_backoff_is_over(qtbot, tmp_path, store, keyring_backend, site, clock):
    port = free_port()
    save_destination(store, make_destination("webdav", url=f"http://127.0.0.1:{port}/reports/"), site=site)
    queue_report(store, _report(tmp_path), period="2026-11", destination=current_destination(store, site).label)
    service = SyncService(store, keyring_backend=keyring_backend, clock=clock, site=site, timeout=NETWORK_TIMEOUT,
                          rng=random.Random(1), interval_ms=100, watch_network=False)
    passes = []
    service.pass_finished.connect(passes.append)
    try:
        with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS):
            service.start()  # due at once: the first look sends
        assert passes[0].stopped.kind == "offline"
        qtbot.wait(500)  # five ticks: none may try before the next attempt time
        assert len(passes) == 1 and list_outbox(store)[0].attempts == 1
        with DavServer(tmp_path / "dav", port=port) as server:
            clock.moment += timedelta(minutes=10)  # past any offline backoff
            # the row says "sent" before the pass's end reaches the GUI thread: wait for both
            qtbot.waitUntil(lambda: len(passes) == 2 and list_outbox(store)[0].state == "sent", timeout=WAIT_MS)
            assert len(server.files()) == 1
    finally:
        service.stop(wait=NETWORK_TIMEOUT * 3)
    assert len(passes) == 2


def test_offline_costs_one_pass_not_one_per_waiting_report(qtbot, tmp_path, store, keyring_backend, site, clock):
    port = free_port()
    save_destination(store, make_destination("webdav", url=f"http://127.0.0.1:{port}/reports/"), site=site)
    label = current_destination(store, site).label
    sources = [_report(tmp_path, f"r{i}.xlsx", seed=i) for i in range(3)]
    for i, source in enumerate(sources):
        queue_report(store, source, period=f"2026-{9 + i:02d}", destination=label)
    service = SyncService(store, keyring_backend=keyring_backend, clock=clock, site=site, timeout=NETWORK_TIMEOUT,
                          rng=random.Random(1), interval_ms=50, watch_network=False)
    passes = []
    service.pass_finished.connect(passes.append)
    try:
        with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS):
            service.start()
        qtbot.wait(300)  # six ticks, and the two reports never tried are "due"
        assert len(passes) == 1 and [i.attempts for i in list_outbox(store)] == [1, 0, 0]
        with DavServer(tmp_path / "dav", port=port) as server:
            clock.moment += timedelta(minutes=10)
            with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS) as finished:
                pass  # the next tick finds the first one due again, and sends all three
            assert len(finished.args[0].sent) == 3
            assert sorted(_sha(f) for f in server.files()) == sorted(_sha(s) for s in sources)
    finally:
        service.stop(wait=NETWORK_TIMEOUT * 3)
    assert len(passes) == 2


def test_no_password_saved_needs_attention_and_does_not_loop(qtbot, tmp_path, store, keyring_backend, site, clock):
    with DavServer(tmp_path / "dav", user=USER, password=PASSWORD) as server:
        save_destination(store, make_destination("webdav", url=server.url, user=USER), site=site)
        queue_report(store, _report(tmp_path), period="2026-11", destination=current_destination(store, site).label)
        service = SyncService(store, keyring_backend=keyring_backend, clock=clock, site=site,
                              timeout=NETWORK_TIMEOUT, interval_ms=50, watch_network=False)
        status = SyncStatus(service, "vi")
        qtbot.addWidget(status)
        passes = []
        service.pass_finished.connect(passes.append)
        try:
            with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS):
                service.start()
            qtbot.wait(300)  # six ticks: nothing changed, so no new pass
            assert len(passes) == 1 and isinstance(passes[0].stopped, DeliveryError)
            assert status.text() == "Needs attention: 1" and status.key == "attention"
            assert messages.text("destination.no_password", "vi", where=current_destination(store, site).label,
                                 user=USER) in status.toolTip()
            # the person enters the password in the dialog: it goes at once
            page = OutboxPage(store, ImmediateRunner(store), "vi", service, keyring_backend=keyring_backend,
                              site=site, clock=clock)
            qtbot.addWidget(page)
            dialog = page.change_destination()
            qtbot.addWidget(dialog)
            assert dialog.kind == "webdav" and dialog.url.text() == server.url and dialog.dav_password.isEnabled()
            qtbot.mouseClick(dialog.save_button, Qt.LeftButton)  # no password typed, none saved
            assert dialog.isVisible() and "password" in dialog.problems_shown()["password"]
            _type(qtbot, dialog.dav_password, PASSWORD)
            with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS):
                qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
            qtbot.waitUntil(lambda: status.key == "all_sent", timeout=WAIT_MS)
            assert len(server.files()) == 1
        finally:
            service.stop(wait=NETWORK_TIMEOUT * 3)


# -- a folder destination ------------------------------------------------------------------------


def test_folder_destination_from_the_dialog_and_sending_by_itself(
    qtbot, tmp_path, store, service, status, page, site
):
    share = tmp_path / "o-mang" / "bao cáo"
    dialog = _dialog(qtbot, page)
    assert dialog.kind == "folder"
    _type(qtbot, dialog.path, str(share))
    worked, text = _test_connection(qtbot, dialog)
    assert not worked and text == messages.text("folder.missing", "vi", where=str(share))
    share.mkdir(parents=True)
    worked, text = _test_connection(qtbot, dialog)
    assert worked and text == f"The connection works: {share}"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert current_destination(store, site).path == str(share)
    assert str(share) in page.destination.text()

    sources = [_report(tmp_path, f"r{i}.xlsx", seed=i) for i in range(2)]
    service.start()
    with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS) as finished:
        for i, source in enumerate(sources):
            queue_report(store, source, period=f"2026-{10 + i}", destination=f"folder:{share}")
    qtbot.waitUntil(lambda: all(i.state == "sent" for i in list_outbox(store)), timeout=WAIT_MS)
    assert finished.args[0].sent
    reports = sorted(p for p in share.iterdir() if p.suffix == ".xlsx")
    assert sorted(_sha(p) for p in reports) == sorted(_sha(s) for s in sources)
    assert len([p for p in share.iterdir() if p.name.endswith(".manifest.json")]) == 2
    assert status.text() == "All sent"
    qtbot.waitUntil(lambda: page.table.rowCount() == 2 and _column(page, 0, "State") == "đã gửi", timeout=WAIT_MS)


def test_bad_fields_are_shown_under_each_field_and_nothing_is_saved(qtbot, store, page, site):
    dialog = _dialog(qtbot, page)
    qtbot.mouseClick(dialog.kind_buttons.button(2), Qt.LeftButton)
    _type(qtbot, dialog.host, "mail.example.vn")
    _type(qtbot, dialog.port, "99999")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.problems_shown() == {"port": messages.text("destination.bad_port", "vi")}
    _type(qtbot, dialog.port, "587")
    _type(qtbot, dialog.from_addr, "xa@example.vn")
    _type(qtbot, dialog.to_addr, "not an address")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert list(dialog.problems_shown()) == ["to_addr"]
    qtbot.mouseClick(dialog.kind_buttons.button(1), Qt.LeftButton)
    _type(qtbot, dialog.url, "https://xa:pw@files.example/dav/")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert list(dialog.problems_shown()) == ["url"] and "pw" not in dialog.problems_shown()["url"]
    assert current_destination(store, site) is None and dialog.isVisible()


@pytest.mark.parametrize("backend_module, code", [
    ("keyring.backends.fail", "secrets.no_keyring"),
    ("plaintext", "secrets.plaintext"),
])
def test_a_missing_or_plaintext_keyring_shows_the_core_message(qtbot, store, site, clock, backend_module, code):
    if backend_module == "plaintext":
        class PlaintextKeyring(MemoryKeyring):
            priority = 0.5
        backend = PlaintextKeyring()
    else:
        from keyring.backends.fail import Keyring
        backend = Keyring()
    dialog = DestinationDialog(store, ImmediateRunner(store), "vi", keyring_backend=backend, site=site, clock=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_kind("webdav")
    _type(qtbot, dialog.url, "https://files.example/dav/")
    _type(qtbot, dialog.dav_user, USER)
    _type(qtbot, dialog.dav_password, PASSWORD)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    shown = dialog.problems_shown()["password"]
    assert shown == messages.describe(FrontDeskError(code, backend=_backend_name(backend)), "vi")
    assert "GNOME Keyring" in shown and PASSWORD not in shown
    assert current_destination(store, site) is None and dialog.isVisible()


def _backend_name(backend) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__name__}"


# -- the site lock --------------------------------------------------------------------------------


def test_a_destination_locked_in_site_toml_is_read_only_but_takes_a_password(
    qtbot, tmp_path, store, keyring_backend, clock
):
    toml = tmp_path / "site.toml"
    toml.write_text(
        '[destination]\ntransport = "webdav"\nurl = "https://files.tinh.example/remote.php/dav/files/reports/"\n'
        f'user = "{USER}"\nlocked = true\n', encoding="utf-8")
    site = load_site_config({"FRONTDESK_SITE_CONFIG": str(toml)})
    service = SyncService(store, keyring_backend=keyring_backend, clock=clock, site=site, watch_network=False)
    page = OutboxPage(store, ImmediateRunner(store), "vi", service, keyring_backend=keyring_backend, site=site,
                      clock=clock)
    qtbot.addWidget(page)
    assert "IT" in page.destination.text() and page.change_button.text() == "Password…"
    dialog = page.change_destination()
    qtbot.addWidget(dialog)
    assert dialog.lock_note.isVisible() and str(toml) in dialog.lock_note.text()
    assert dialog.kind == "webdav" and dialog.url.text().startswith("https://files.tinh.example/")
    assert dialog.url.isReadOnly() and dialog.dav_user.isReadOnly()
    assert not any(b.isEnabled() for b in dialog.kind_buttons.buttons())
    assert not dialog.browse_button.isEnabled() and dialog.path.isReadOnly()
    assert all(w.isReadOnly() for w in (dialog.host, dialog.port, dialog.from_addr, dialog.to_addr))
    assert dialog.dav_password.isEnabled() and not dialog.dav_password.isReadOnly()
    qtbot.keyClicks(dialog.url, "x")  # typing changes nothing
    assert dialog.url.text() == "https://files.tinh.example/remote.php/dav/files/reports/"
    _type(qtbot, dialog.dav_password, PASSWORD)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    key = current_destination(store, site).secret_key
    assert keyring_backend.entries == {(SERVICE, key): PASSWORD}
    assert store.meta("sync.destination") is None  # nothing chosen here: the site's stays


# -- the status bar and the service's life --------------------------------------------------------


def test_no_destination_then_a_report_set_aside_and_tried_again(qtbot, tmp_path, store, service, status, page, site):
    assert status.text() == "Nothing to send" and page.empty.isVisible()
    source = _report(tmp_path)
    item = queue_report(store, source, period="2026-11")
    qtbot.waitUntil(lambda: status.key == "no_destination", timeout=WAIT_MS)
    assert status.text() == "No destination set"
    assert not page.send_button.isEnabled() and page.change_button.text() == "Choose…"
    with qtbot.waitSignal(status.open_outbox, timeout=WAIT_MS):
        qtbot.mouseClick(status, Qt.LeftButton)

    # the outbox's own copy is gone: that report can never be sent as it is, and is set aside
    copy = outbox_folder(store) / item.file_path
    kept = copy.read_bytes()
    copy.unlink()
    share = tmp_path / "share"
    share.mkdir()
    save_destination(store, make_destination("folder", path=str(share)), site=site)
    result = _send_now(qtbot, page, service)
    assert result.set_aside == [item.id] and result.sent == []
    assert status.text() == "Needs attention: 1" and status.key == "attention"
    assert _column(page, 0, "State") == "để riêng, không gửi được"
    assert "Bản sao trong hộp thư đi đã mất" in _column(page, 0, "Last problem")
    assert "1 set aside" in page.notice.text()
    assert not page.retry_button.isEnabled()
    page.table.selectRow(0)
    assert page.retry_button.isEnabled()

    copy.write_bytes(kept)  # e.g. restored; "Try again" puts it back and it goes by itself
    service.start()
    with qtbot.waitSignal(service.pass_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(page.retry_button, Qt.LeftButton)
    assert finished.args[0].sent == [item.id]
    assert [_sha(p) for p in share.iterdir() if p.suffix == ".xlsx"] == [_sha(source)]
    assert status.text() == "All sent" and not page.retry_button.isEnabled()


def test_the_network_watch_starts_and_stops_without_trouble(qtbot, store, keyring_backend, site, clock):
    service = SyncService(store, keyring_backend=keyring_backend, clock=clock, site=site, watch_network=True)
    service.start()
    assert service.running and service.last_state().online in (True, False, None)
    service.stop()
    assert not service.running
