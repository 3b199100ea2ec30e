"""The window's side of data safety: the start-up check and backups in the
background, the damaged-database offer, and a restore that reopens the window."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication, QMessageBox

from app.db.backups import list_backups
from app.db.storage import open_store
from app.domain.people import add_people_bulk
from app.paths import backups_dir_for
from app.safety.schedule import back_up
from tests.test_startup import _ruin_person_table
from ui.application import start_services
from ui.main_window import MainWindow
from ui.restore_flow import restore_and_reopen
from ui.runtime.runner import ImmediateRunner
from ui.runtime.safekeeping import Safekeeping
from ui.runtime.translations import install_translations

WAIT_MS = 15000


def _people(store, n: int) -> None:
    with store.transaction():
        add_people_bulk(store, [{"full_name": f"Người Thứ {i}"} for i in range(n)])


def _count(path) -> int:
    with open_store(path) as store:
        return store.conn.execute("SELECT count(*) FROM person").fetchone()[0]


def test_a_sound_database_is_backed_up_at_start_and_at_quit_only_when_changed(qtbot, store):
    _people(store, 20)
    keeping = Safekeeping(ImmediateRunner(store))
    made, damaged = [], []
    keeping.backed_up.connect(made.append)
    keeping.damaged.connect(damaged.append)
    keeping.start()
    qtbot.waitUntil(lambda: bool(made), timeout=WAIT_MS)
    assert damaged == [] and made[0].exists() and "-start" in made[0].name
    keeping.stop()  # nothing changed since: no backup at quit
    assert [b.reason for b in list_backups(backups_dir_for(store.path))] == ["start"]

    _people(store, 1)
    store.clock.moment += timedelta(hours=2)  # the quit comes later in the day
    again = Safekeeping(ImmediateRunner(store))
    again.stop()  # a change since the last backup: quit backs it up, and waits for it
    assert [b.reason for b in list_backups(backups_dir_for(store.path))] == ["quit", "start"]


def test_damage_found_at_start_offers_the_backup_and_restores_it(qtbot, store, monkeypatch):
    install_translations(QApplication.instance(), "vi")
    _people(store, 300)
    good = back_up(store, "quit")
    path = store.path
    store.close()
    _ruin_person_table(path)

    opened = open_store(path)  # the file opens; only the check finds the damage
    window = MainWindow(opened, lang="vi")  # the restore closes and deletes it
    window.show()
    shown = []

    def choose_restore(box):
        shown.append(box.text() + "\n" + box.informativeText())
        box.done(0)
        return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.AcceptRole)

    monkeypatch.setattr(QMessageBox, "exec", lambda box: setattr(box, "_chosen", choose_restore(box)))
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box._chosen)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    services = None
    try:
        services = start_services(QApplication.instance(), ImmediateRunner(opened))
        qtbot.waitUntil(lambda: len(shown) >= 2, timeout=WAIT_MS)  # the offer, then "the data is back"
    finally:
        if services is not None:
            services.stop()
            del QApplication.instance()._frontdesk_services
    assert "bị hỏng" in shown[0] and good.name not in shown[0]  # plain words, no file names to copy
    assert "Khôi phục" in shown[0] or "khôi phục" in shown[0].lower()
    assert _count(path) == 300
    successor = QApplication.instance()._frontdesk_window
    assert successor is not window and successor.store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 300
    successor.close()
    successor.store.close()


def test_restore_from_the_window_backs_up_first_and_reopens_on_the_same_page(qtbot, store, monkeypatch):
    _people(store, 10)
    backup = back_up(store, "manual")
    _people(store, 5)
    window = MainWindow(store, lang="vi")  # the restore closes and deletes it
    window.show()
    window.show_page("people")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    successor = restore_and_reopen(window, backup, when="22/11/2026 08:00")
    try:
        assert successor is not None and successor.current_page() == "people"
        assert successor.store.conn.execute("SELECT count(*) FROM person").fetchone()[0] == 10
        assert told and "22/11/2026 08:00" in told[0]
        reasons = [b.reason for b in list_backups(backups_dir_for(store.path))]
        assert "before-restore" in reasons  # the 15-person state is kept
    finally:
        successor.close()
        successor.store.close()
