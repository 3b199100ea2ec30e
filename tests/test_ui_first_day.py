"""A commune's first day in the window, as a clerk new to the job does it:
from the first start to the first report sent to the province, every step
through what the window offers, each click, choice and typed field counted.
The count is the one the closing note of issue 18 gives."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QFileDialog, QWizard

from app.db.storage import open_store
from app.domain.commune import get_commune
from app.sending import list_outbox
from tests.helpers import COMMUNE
from tests.sync_servers import MemoryKeyring
from ui.dialogs import first_run
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow

WAIT_MS = 15_000


class Clerk:
    """What the person does, one action at a time (a click, a choice, a typed field)."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.actions = qtbot, 0

    def do(self, action, *args):
        self.actions += 1
        return action(*args)


def _roster(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Thôn"])
    for n in range(1, 41):
        sheet.append([n, f"Nguyễn Thị Số {n}", f"0{n % 9 + 1}/03/{1950 + n}", "Nữ", None,
                      "Thôn Đông" if n % 2 else "Thôn Tây"])
    book.save(path)
    return path


def _wizard() -> ImportWizard:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, ImportWizard) and w.isVisible())


def _next(qtbot, clerk: Clerk, wizard: ImportWizard) -> None:
    before = wizard.currentPage()
    clerk.do(wizard.next)
    qtbot.waitUntil(lambda: wizard.currentPage() is not before and not wizard.busy, timeout=WAIT_MS)


def test_from_the_first_start_to_the_first_report_sent(qtbot, tmp_path, clock, monkeypatch):
    clerk = Clerk(qtbot)
    database = tmp_path / "data" / "frontdesk.sqlite3"
    database.parent.mkdir()
    # 1. the first start: the province, the commune typed without accents, create
    dialog = first_run.FirstRunDialog(database, "vi")
    qtbot.addWidget(dialog)
    clerk.do(dialog.province.setCurrentIndex, dialog.province.findData("01"))  # Thành phố Hà Nội
    clerk.do(dialog.search.setText, "ba dinh")
    assert dialog.list.count() == 1  # picked at once
    clerk.do(dialog.create)
    assert dialog.chosen == database

    store = open_store(database, clock=clock)
    assert get_commune(store).code == COMMUNE
    window = MainWindow(store, lang="vi", keyring_backend=MemoryKeyring(), sending=False, real_database=database)
    qtbot.addWidget(window)
    window.show()
    steps = window.pages["overview"].first_steps
    assert steps.isVisible()

    # 2. the roster: from the first steps into the import wizard
    roster = _roster(tmp_path / "danh sach hoi phu nu.xlsx")
    clerk.do(steps.buttons["roster"].click)
    wizard = _wizard()
    clerk.do(wizard.file_step.path.setText, str(roster))  # chosen in the file dialog
    _next(qtbot, clerk, wizard)   # the columns, as understood
    _next(qtbot, clerk, wizard)   # the preview: the two areas are new, added with their branches
    _next(qtbot, clerk, wizard)   # imported
    assert wizard.currentPage() is wizard.result_step and wizard.result.inserted == 40
    clerk.do(wizard.button(QWizard.FinishButton).click)

    # 3. the standard recurring duties, in one click
    clerk.do(steps.buttons["duties"].click)
    qtbot.waitUntil(lambda: store.conn.execute("SELECT count(*) FROM duty").fetchone()[0] == 11, timeout=WAIT_MS)

    # 4. where reports go: the province's shared folder
    province = tmp_path / "tinh" / "bao cao"
    province.mkdir(parents=True)
    clerk.do(steps.buttons["destination"].click)
    destination = window.pages["outbox"].dialog
    clerk.do(destination.path.setText, str(province))
    with qtbot.waitSignal(destination.saved, timeout=WAIT_MS):
        clerk.do(destination.save_button.click)

    # 5. the first copy to a USB stick
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    clerk.do(steps.buttons["usb"].click)
    backups = window.pages["backups"]
    clerk.do(backups.back_up_now)
    qtbot.waitUntil(lambda: backups.copy_button.isEnabled(), timeout=WAIT_MS)
    clerk.do(backups.copy_button.click)  # and the stick chosen in the folder dialog
    clerk.actions += 1
    qtbot.waitUntil(lambda: backups.copy_task is not None and not backups.copy_task.running, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not steps.isVisible(), timeout=WAIT_MS)  # every first step done

    # 6. the month's report, sent: the period the page offers, "also send", save
    window.show_page("reports")
    clerk.actions += 1  # the click on "Báo cáo"
    report = window.pages["reports"].report
    assert report.period.period().code == "2026-11" and report.send.isEnabled()
    clerk.do(report.send.setChecked, True)
    saved_as = tmp_path / "Documents" / "BaoCao_00004_2026-11.xlsx"
    saved_as.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved_as), ""))
    with qtbot.waitSignal(report.report_saved, timeout=WAIT_MS):
        clerk.do(report.save_button.click)  # and the name accepted in the save dialog
    clerk.actions += 1

    # 7. sent: the app sends by itself as soon as the report is queued and the folder is there
    # (without a link it would wait, and "Gửi ngay" on the outbox page tries at once)
    qtbot.waitUntil(lambda: [i.state for i in list_outbox(store)] == ["sent"], timeout=WAIT_MS)
    delivered = [p for p in province.iterdir() if p.suffix == ".xlsx"]
    assert len(delivered) == 1 and delivered[0].read_bytes() == saved_as.read_bytes()
    assert delivered[0].name.startswith("00004_2026-11_")

    # 3 to set up the commune, 6 to import the roster, 1 for the duties, 3 for the destination, 4 for
    # the first USB copy, 4 for the report: a change that adds a step to this day shows here
    assert clerk.actions == 21
    window.close()
    QApplication.processEvents()
    store.close()
