"""The Front's work page (petitions, fund, cases), its forms and the overview's
cards, driven offscreen with pytest-qt on a small commune whose expectations
are counted by hand (today is 22/11/2026, from the fixed clock)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.cases import add_case, close_case, get_case
from app.domain.fund import add_fund_entry, record_receipt, record_spending
from app.domain.organizations import add_residential_area
from app.domain.people import add_person
from app.domain.petitions import add_petition, answer_petition, get_petition
from app.domain.tasks import get_task
from ui.dialogs.case_form import CaseForm, CloseCaseDialog
from ui.dialogs.fund_entry_form import FundEntryForm
from ui.dialogs.petition_form import AnswerDialog, PetitionForm
from ui.main_window import MainWindow
from ui.pages.front_work import FrontWorkPage
from ui.pages.register_tab import FIRST_SCREEN
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations


@pytest.fixture
def commune(store):
    areas = {name: add_residential_area(store, name) for name in ("Thôn Đông", "Thôn Đoài")}
    ba = add_person(store, {"full_name": "Nguyễn Văn Ba", "area_id": areas["Thôn Đông"]})[0]
    p = {
        # open, due 10/11: overdue by 12 days on 22/11
        "late": add_petition(store, {"received_on": "01/10/2026", "channel": "voter_meeting", "person_id": ba,
                                     "content": "Đề nghị sửa đường liên thôn", "due_on": "10/11/2026"}),
        # open, due 30/11: not overdue yet
        "soon": add_petition(store, {"received_on": "05/11/2026", "channel": "letter", "from_name": "Bà Lê Thị Hoa",
                                     "area_id": areas["Thôn Đoài"], "content": "Phản ánh ô nhiễm nước kênh",
                                     "due_on": "30/11/2026"}),
        "done": add_petition(store, {"received_on": "02/10/2026", "channel": "in_person", "from_name": "Ông Tư",
                                     "content": "Hỏi về chế độ hộ nghèo", "due_on": "01/11/2026"}),
    }
    answer_petition(store, p["done"], on="20/10/2026", text="Đã trả lời tại hội nghị")
    # the poor fund: 10.000.000 before November; in November +5.000.000 and -3.000.000 (a house built)
    record_receipt(store, on="15/10/2026", amount="10.000.000", party="Công ty Thành Công")
    record_receipt(store, on="03/11/2026", amount="5.000.000", party="Hội Nông dân xã")
    record_spending(store, on="10/11/2026", amount="3.000.000", party="Hộ ông Ba", purpose="build_house")
    c = {
        "mediation": add_case(store, {"kind": "mediation", "opened_on": "01/11/2026",
                                      "title": "Hòa giải tranh chấp ranh giới đất", "area_id": areas["Thôn Đông"]}),
        "inspection": add_case(store, {"kind": "inspection", "opened_on": "02/11/2026",
                                       "title": "Kiểm tra chi trả trợ cấp"}),
    }
    return {"areas": areas, "ba": ba, "petitions": p, "cases": c}


@pytest.fixture
def page(qtbot, store, commune, monkeypatch):
    install_translations(QApplication.instance(), "en")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: shown.append(text))
    p = FrontWorkPage(store, ImmediateRunner(store), "en")
    p.warnings = shown
    p.resize(1200, 740)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.close()
    p.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def shown_ids(tab) -> list[int]:
    tab.finish_list()
    return tab.model.ids()


def column_texts(tab, column: str) -> list[str]:
    col = tab.model.COLUMNS.index(column)
    return [tab.model.index(r, col).data() for r in range(tab.model.rowCount())]


# -- petitions -------------------------------------------------------------------------------


def test_petitions_open_first_overdue_in_red_and_the_filters(page, commune):
    tab, p = page.petitions, commune["petitions"]
    assert shown_ids(tab) == [p["late"], p["soon"]]  # awaiting an answer, soonest due first
    assert column_texts(tab, "status") == ["Overdue by 12 days", "Received"]
    status = tab.model.index(0, tab.model.COLUMNS.index("status"))
    assert status.data(Qt.ForegroundRole).color().name() == "#c0392b"
    assert tab.count.text() == "2 petitions"
    tab.showing.setCurrentIndex(tab.showing.findData("overdue"))
    assert shown_ids(tab) == [p["late"]]
    tab.showing.setCurrentIndex(tab.showing.findData("all"))
    assert set(shown_ids(tab)) == set(p.values())
    tab.area.setCurrentIndex(tab.area.findData(commune["areas"]["Thôn Đông"]))  # Ba lives there
    assert shown_ids(tab) == [p["late"]]
    tab.area.setCurrentIndex(0)
    tab.channel.setCurrentIndex(tab.channel.findData("in_person"))
    assert shown_ids(tab) == [p["done"]]
    tab.channel.setCurrentIndex(0)
    tab.period.setCurrentIndex(tab.period.findData("this_month"))  # received in November 2026
    assert shown_ids(tab) == [p["soon"]]


def test_petitions_search_without_accents(page, commune, qtbot):
    tab = page.petitions
    tab.showing.setCurrentIndex(tab.showing.findData("all"))
    tab.search.setText("o nhiem nuoc")
    qtbot.waitUntil(lambda: shown_ids(tab) == [commune["petitions"]["soon"]], timeout=3000)
    tab.search.setText("tra loi hoi nghi")  # words of the answer
    qtbot.waitUntil(lambda: shown_ids(tab) == [commune["petitions"]["done"]], timeout=3000)


def test_a_new_petition_from_the_form_with_its_problems_under_the_fields(page, store, commune):
    tab = page.petitions
    form = tab.new_petition()
    assert isinstance(form, PetitionForm) and form.inputs["received_on"].text() == "22/11/2026"
    form.inputs["received_on"].setText("30/11/2026")  # after today
    form.save()
    assert form.isVisible()
    assert form.errors["received_on"].isVisible() and "after today" in form.errors["received_on"].text()
    assert form.errors["content"].isVisible() and form.errors["from_name"].isVisible()
    form.inputs["received_on"].setText("21/11/2026")
    form.inputs["channel"].setCurrentIndex(form.inputs["channel"].findData("area_meeting"))
    form.person.set_person(commune["ba"], "Nguyễn Văn Ba")
    form._person_chosen(commune["ba"])
    assert form.inputs["from_name"].text() == "Nguyễn Văn Ba"
    assert form.inputs["area_id"].currentData() == commune["areas"]["Thôn Đông"]
    form.inputs["content"].setPlainText("Đề nghị lắp đèn đường")
    form.inputs["due_on"].setText("21/12/2026")
    form.save()
    assert not form.isVisible()
    saved = get_petition(store, form.saved_id)
    assert (saved.received_on, saved.channel, saved.person_id, saved.due_on) == (
        "2026-11-21", "area_meeting", commune["ba"], "2026-12-21")
    assert tab.selected_id() == form.saved_id and form.saved_id in shown_ids(tab)


def test_an_answer_before_the_petition_was_received_is_refused_then_recorded(page, store, commune):
    tab, petition_id = page.petitions, commune["petitions"]["late"]
    tab.select_id(petition_id)
    dialog = tab.answer(tab.selected_id())
    assert isinstance(dialog, AnswerDialog)
    dialog.inputs["answered_on"].setText("30/09/2026")
    dialog.inputs["answer"].setPlainText("UBND xã sẽ sửa đường trong quý I/2027")
    dialog.save()
    assert dialog.isVisible() and "before the petition was received" in dialog.errors["answered_on"].text()
    dialog.inputs["answered_on"].setText("20/11/2026")
    dialog.save()
    assert not dialog.isVisible()
    assert get_petition(store, petition_id).status == "answered"
    assert shown_ids(tab) == [commune["petitions"]["soon"]]  # no longer awaiting an answer


def test_a_follow_up_task_is_made_linked_and_opened(page, store, commune):
    tab, petition_id = page.petitions, commune["petitions"]["late"]
    tab.select_id(petition_id)
    assert tab.follow_button.text() == "Follow-up task…"
    form = tab.follow_up(petition_id)
    assert form.inputs["title"].text().startswith(f"Theo dõi kiến nghị số {petition_id}: Đề nghị sửa đường")
    assert form.inputs["due_on"].text() == "10/11/2026"  # the petition's answer date
    form.inputs["due_on"].setText("30/11/2026")
    form.save()
    assert not form.isVisible()
    task_id = get_petition(store, petition_id).task_id
    task = get_task(store, task_id)
    assert task.due_on == "2026-11-30" and "Nguyễn Văn Ba" in task.detail
    assert tab.selected_id() == petition_id and tab.follow_button.text() == "Open the follow-up task"
    asked: list[int] = []
    page.task_requested.connect(asked.append)
    tab.follow_button.click()
    assert asked == [task_id]


def test_deleting_a_petition_asks_first(page, store, commune, monkeypatch):
    tab, petition_id = page.petitions, commune["petitions"]["soon"]
    answers = [QMessageBox.No, QMessageBox.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert tab.delete(petition_id) is False and petition_id in shown_ids(tab)
    assert tab.delete(petition_id) is True and petition_id not in shown_ids(tab)


def test_a_long_register_shows_its_first_screen_then_the_rest(page, store):
    with store.transaction():
        for n in range(FIRST_SCREEN + 30):
            add_petition(store, {"received_on": "01/11/2026", "channel": "letter", "from_name": f"Hộ số {n}",
                                 "content": "Đề nghị hỗ trợ giống cây trồng"})
    tab = page.petitions
    tab.search.setText("giong cay")
    tab.refresh()
    assert tab.model.rowCount() == FIRST_SCREEN and tab.count.text() == "Counting…"
    tab.finish_list()
    assert tab.model.rowCount() == FIRST_SCREEN + 30 and tab.count.text() == f"{FIRST_SCREEN + 30} petitions"


# -- the fund --------------------------------------------------------------------------------


def test_the_fund_balance_of_the_period_at_a_glance(page):
    tab = page.fund
    page.show_tab("fund")
    tab.period.setCurrentIndex(tab.period.findData("this_month"))  # November 2026
    assert tab.opening.value.text() == "10.000.000 đ"
    assert tab.received.value.text() == "5.000.000 đ"
    assert tab.spent.value.text() == "3.000.000 đ"
    assert tab.closing.value.text() == "12.000.000 đ"
    assert tab.houses.value.text() == "1 / 0"
    assert column_texts(tab, "amount") == ["−3.000.000 đ", "5.000.000 đ"]
    tab.period.setCurrentIndex(tab.period.findData("all"))
    assert (tab.opening.value.text(), tab.received.value.text(), tab.closing.value.text()) == (
        "—", "15.000.000 đ", "12.000.000 đ")
    tab.direction.setCurrentIndex(tab.direction.findData("receipt"))
    assert column_texts(tab, "party") == ["Hội Nông dân xã", "Công ty Thành Công"]


def test_a_spending_below_zero_is_saved_and_the_form_says_so(page, store, qtbot):
    tab = page.fund
    page.show_tab("fund")
    form = tab.new_entry("spending")
    assert isinstance(form, FundEntryForm) and form.windowTitle() == "New spending"
    form.inputs["amount"].setText("20.000.000")
    assert form.amount_words.text() == "= 20.000.000 đ"
    form.inputs["party"].setText("Hộ bà Năm")
    form.inputs["purpose"].setCurrentIndex(form.inputs["purpose"].findData("repair_house"))
    form.save()
    boxes = [w for w in form.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1 and "-8.000.000 đ" in boxes[0].text() and "below zero" in boxes[0].text()
    boxes[0].accept()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=3000)
    assert tab.closing.value.text() == "-8.000.000 đ"
    assert tab.closing.value.styleSheet().startswith("color: #c0392b")


def test_a_wrong_amount_is_said_under_its_field(page):
    form = page.fund.new_entry("receipt")
    form.inputs["amount"].setText("năm triệu")
    assert "not a valid amount" in form.amount_words.text()
    form.inputs["party"].setText("Ông Sáu")
    form.save()
    assert form.isVisible() and form.errors["amount"].isVisible()
    assert not form.form.isRowVisible(form.inputs["purpose"])  # a receipt has no purpose


# -- cases -------------------------------------------------------------------------------------


def test_cases_open_a_case_and_close_it_with_an_outcome_of_its_kind(page, store, commune):
    tab = page.cases
    page.show_tab("cases")
    c = commune["cases"]
    assert shown_ids(tab) == [c["inspection"], c["mediation"]]
    form = tab.new_case()
    assert isinstance(form, CaseForm)
    form.inputs["kind"].setCurrentIndex(form.inputs["kind"].findData("investment"))
    form.inputs["title"].setText("Giám sát công trình nhà văn hóa Thôn Đoài")
    form.inputs["opened_on"].setText("20/11/2026")
    form.save()
    assert not form.isVisible() and get_case(store, form.saved_id).kind == "investment"
    tab.select_id(c["mediation"])
    dialog = tab.close_with_outcome(tab.selected_id())
    assert isinstance(dialog, CloseCaseDialog)
    outcomes = [dialog.inputs["outcome"].itemData(i) for i in range(dialog.inputs["outcome"].count())]
    assert outcomes == ["successful", "unsuccessful", "withdrawn"]
    dialog.inputs["closed_on"].setText("31/10/2026")  # before it opened
    dialog.save()
    assert dialog.isVisible() and "before the case was opened" in dialog.errors["closed_on"].text()
    dialog.inputs["closed_on"].setText("21/11/2026")
    dialog.inputs["outcome"].setCurrentIndex(0)
    dialog.save()
    assert not dialog.isVisible()
    assert get_case(store, c["mediation"]).outcome == "successful"
    assert c["mediation"] not in shown_ids(tab)  # the list shows open cases
    tab.state.setCurrentIndex(tab.state.findData("all"))
    tab.kind.setCurrentIndex(tab.kind.findData("mediation"))
    assert shown_ids(tab) == [c["mediation"]]
    assert column_texts(tab, "outcome") == ["Successful"]
    tab.reopen(c["mediation"])
    assert get_case(store, c["mediation"]).closed_on is None


def test_a_case_follow_up_task(page, store, commune):
    case_id = commune["cases"]["inspection"]
    form = page.cases.follow_up(case_id)
    assert form.inputs["title"].text().startswith(f"Theo dõi vụ việc số {case_id} (Thanh tra nhân dân)")
    assert form.inputs["due_on"].text() == "22/12/2026"  # thirty days from today
    form.save()
    assert get_case(store, case_id).task_id is not None


def test_each_tab_keeps_current_when_its_register_changes_elsewhere(page, store, commune, qtbot):
    close_case(store, commune["cases"]["inspection"], on="20/11/2026", outcome="resolved")  # as the command line would
    page.show_tab("cases")
    qtbot.waitUntil(lambda: page.cases.model.rowCount() == 1, timeout=3000)
    add_fund_entry(store, {"entry_on": "21/11/2026", "direction": "receipt", "amount": 1_000_000, "party": "Ông Bảy"})
    page.show_tab("fund")
    qtbot.waitUntil(lambda: page.fund.received.value.text() == "16.000.000 đ", timeout=3000)


# -- the window and the overview -----------------------------------------------------------------


@pytest.fixture
def window(qtbot, store, commune):
    install_translations(QApplication.instance(), "vi")
    w = MainWindow(store, runner=ImmediateRunner(store), lang="vi")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_overview_cards_for_overdue_petitions_and_the_fund(window, qtbot):
    overview = window.pages["overview"]
    assert overview.overdue_petitions.number.text() == "1"
    assert overview.overdue_petitions.caption.text() == "kiến nghị quá hạn trả lời"
    assert overview.fund.number.text() == "12.000.000 đ"
    qtbot.mouseClick(overview.overdue_petitions, Qt.LeftButton)
    assert window.current_page() == "front_work"
    tab = window.front_work.petitions
    assert window.front_work.tabs.currentWidget() is tab and tab.showing.currentData() == "overdue"
    assert tab.model.rowCount() == 1 and tab.count.text() == "1 kiến nghị"
    window.show_page("overview")
    qtbot.mouseClick(overview.fund, Qt.LeftButton)
    assert window.front_work.tabs.currentWidget() is window.front_work.fund


def test_the_page_has_its_key_and_the_pages_after_it_moved_one_on(window, qtbot):
    qtbot.keyClick(window, Qt.Key_6, Qt.ControlModifier)
    assert window.current_page() == "front_work"
    assert window.nav.currentItem().text() == "Công tác Mặt trận"
    for key, name in ((Qt.Key_7, "reports"), (Qt.Key_8, "outbox"), (Qt.Key_9, "backups"), (Qt.Key_0, "changes")):
        qtbot.keyClick(window, key, Qt.ControlModifier)
        assert window.current_page() == name


def test_ctrl_n_answers_on_the_tab_showing_only(window, qtbot):
    window.show_page("front_work")
    page = window.front_work

    def open_forms():
        return ([f for f in page.petitions.findChildren(PetitionForm) if f.isVisible()],
                [f for f in page.fund.findChildren(FundEntryForm) if f.isVisible()],
                [f for f in page.cases.findChildren(CaseForm) if f.isVisible()])

    qtbot.keyClick(page.petitions.table, Qt.Key_N, Qt.ControlModifier)
    petitions, funds, cases = open_forms()
    assert (len(petitions), funds, cases) == (1, [], [])
    petitions[0].reject()
    page.show_tab("cases")
    qtbot.keyClick(page.cases.table, Qt.Key_N, Qt.ControlModifier)
    petitions, funds, cases = open_forms()
    assert (petitions, funds, len(cases)) == ([], [], 1)
    assert cases[0].windowTitle() == "Vụ việc mới"


# -- importing a register from Excel --------------------------------------------------------------

WAIT_MS = 20_000  # the sandboxed reader is a child process: generous on a slow machine


def _cash_book(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["SỔ THEO DÕI QUỸ VÌ NGƯỜI NGHÈO NĂM 2026"])
    ws.append(["Ngày", "Nội dung", "Thu", "Chi", "Mục đích", "Số chứng từ"])
    for values in rows:
        ws.append(values)
    wb.save(path)
    return path


def test_a_cash_book_imported_from_the_fund_tab_problems_first(page, store, qtbot, tmp_path):
    tab = page.fund
    page.show_tab("fund")
    path = _cash_book(tmp_path / "quy.xlsx", [
        ["05/11/2026", "Hộ kinh doanh Minh Phát", "2.000.000", None, None, "PT-101"],
        ["31/02/2026", "Trường tiểu học", "1.000.000", None, None, "PT-102"],  # no such day
        ["12/11/2026", "Hộ bà Tám", None, "4.000.000", "Sửa nhà", "PC-201"],
    ])
    dialog = tab.import_from_excel()
    dialog.path.setText(str(path))
    dialog.check(path)
    qtbot.waitUntil(lambda: dialog.plan is not None and not dialog.busy, timeout=WAIT_MS)
    assert "New: 2 · already in the register: 0 · with problems: 1" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1
    assert (dialog.problems.item(0, 0).text(), dialog.problems.item(0, 1).text()) == ("4", "A")
    assert not dialog.import_button.isEnabled()  # all or nothing, until the person says otherwise
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.result is not None and not dialog.busy, timeout=WAIT_MS)
    assert dialog.result.written and dialog.result.inserted == 2
    tab.period.setCurrentIndex(tab.period.findData("this_month"))
    # November by hand: 5.000.000 + 2.000.000 received; 3.000.000 + 4.000.000 spent; one house repaired
    assert (tab.received.value.text(), tab.spent.value.text(), tab.houses.value.text()) == (
        "7.000.000 đ", "7.000.000 đ", "1 / 1")
    # the same file again adds nothing, and says so
    dialog.close()
    again = tab.import_from_excel()
    again.check(path)
    qtbot.waitUntil(lambda: again.plan is not None and not again.busy, timeout=WAIT_MS)
    assert "New: 0 · already in the register: 2 · with problems: 1" in again.summary.text()
    again.skip_invalid.setChecked(True)
    assert not again.import_button.isEnabled()
    again.close()


# -- the weekly figures for Mặt trận số, from the Reports page ------------------------------------

WEEK, YEAR = "Công tác Mặt trận trong tuần", "Công tác Mặt trận từ đầu năm"


def test_the_weekly_sheet_is_saved_from_the_reports_page_and_the_next_week_shows_the_change(qtbot, store, commune,
                                                                                            tmp_path):
    from openpyxl import load_workbook

    from app.clock import FixedClock
    from app.db.storage import open_store
    from tests.helpers import TODAY
    from ui.pages.reports import ReportsPage

    install_translations(QApplication.instance(), "en")
    opened = []
    reports = ReportsPage(store, ImmediateRunner(store), "en", documents=tmp_path, open_url=opened.append)
    qtbot.addWidget(reports)
    dialog = reports.open_weekly_summary()
    assert dialog.chosen_week().code == "2026-W47"  # 22/11/2026 is the Sunday of week 47
    dialog.write(dialog.suggested_path())
    qtbot.waitUntil(lambda: dialog.saved is not None and not dialog.busy, timeout=WAIT_MS)
    assert dialog.saved.path.name == "mat-tran-so-00004-tuan-47-2026.xlsx"
    assert "No earlier week's sheet" in dialog.result.message.text()
    values = {r[:2]: r[2] for r in load_workbook(dialog.saved.path).active.iter_rows(values_only=True) if r[1]}
    # by hand: no petition was received in week 47 (16–22/11/2026); three since 1 January
    assert values[(WEEK, "Ý kiến, kiến nghị tiếp nhận")] == "0"
    assert values[(YEAR, "Ý kiến, kiến nghị tiếp nhận")] == "3"
    assert values[(WEEK, "Quỹ “Vì người nghèo”: tồn cuối tuần (đồng)")] == "12.000.000"
    dialog.close()
    # a week later, two more petitions: the sheet of week 48 shows +2 against week 47's
    later = open_store(store.path, clock=FixedClock(TODAY + timedelta(days=7)))
    try:
        for day in ("24/11/2026", "25/11/2026"):
            add_petition(later, {"received_on": day, "channel": "letter", "from_name": "Ông Chín",
                                 "content": "Đề nghị nạo vét kênh"})
        page = ReportsPage(later, ImmediateRunner(later), "en", documents=tmp_path, open_url=opened.append)
        qtbot.addWidget(page)
        second = page.open_weekly_summary()
        assert second.chosen_week().code == "2026-W48"
        second.write(second.suggested_path())
        qtbot.waitUntil(lambda: second.saved is not None and not second.busy, timeout=WAIT_MS)
        assert "changed since the sheet of week 47/2026" in second.result.message.text()
        rows = {r[:2]: r[2:5] for r in load_workbook(second.saved.path).active.iter_rows(values_only=True) if r[1]}
        assert rows[(WEEK, "Ý kiến, kiến nghị tiếp nhận")] == ("2", "0", "+2")
        assert rows[(YEAR, "Ý kiến, kiến nghị tiếp nhận")] == ("5", "3", "+2")
        second.close()
    finally:
        later.close()
