"""Personal data in the window (Law 91/2025/QH15), driven offscreen with
pytest-qt: a person's consent and basis on their card, ethnicity and religion
shown only with a basis and a purpose (and logged), the person form keeping
them hidden, the page of requests, incidents and consents, the assessment
draft, and the overview's warning. Today is 22/11/2026 (the fixed clock)."""
from __future__ import annotations

import hashlib
import json

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.consent import list_consents, record_consent
from app.domain.data_requests import add_request, get_request
from app.domain.incidents import record_incident
from app.domain.organizations import add_residential_area
from app.domain.people import add_person, get_person
from ui.dialogs.consent_dialogs import ConsentDialog
from ui.dialogs.person_card import PersonCard
from ui.dialogs.person_form import PersonForm
from ui.dialogs.privacy_forms import ExtendDialog, IncidentForm, RequestForm
from ui.main_window import MainWindow
from ui.pages.privacy import PrivacyPage
from ui.runtime.runner import ImmediateRunner
from ui.runtime.translations import install_translations


@pytest.fixture
def people(store):
    area = add_residential_area(store, "Thôn Đông")
    lan = add_person(store, {"full_name": "Nguyễn Thị Lan", "ethnicity": "Tày", "religion": "Phật giáo",
                             "area_id": area})[0]
    hai = add_person(store, {"full_name": "Trần Văn Hải", "ethnicity": "Kinh", "area_id": area})[0]
    return {"lan": lan, "hai": hai}


@pytest.fixture(autouse=True)
def english(qapp, monkeypatch):
    install_translations(QApplication.instance(), "en")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    return shown


def _close(widget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def _views(store) -> list[dict]:
    return [json.loads(r[0]) for r in store.conn.execute(
        "SELECT after FROM change_log WHERE table_name = 'sensitive_view' ORDER BY id")]


# -- the person's card ---------------------------------------------------------------------------


def test_without_a_basis_the_card_says_so_and_shows_no_sensitive_data(qtbot, store, people):
    card = PersonCard(store, ImmediateRunner(store), "en", people["lan"])
    qtbot.addWidget(card)
    assert card.basis_label.text().startswith("No consent or legal basis recorded")
    assert not card.sensitive_button.isEnabled() and not card.withdraw_button.isEnabled()
    texts = " ".join(label.text() for label in card.findChildren(type(card.basis_label)))
    assert "Tày" not in texts and "Phật giáo" not in texts
    _close(card)


def test_a_consent_recorded_on_the_card_with_its_scanned_form_then_shown_and_logged(qtbot, store, people,
                                                                                   tmp_path):
    scan = tmp_path / "phieu-dong-y.pdf"
    scan.write_bytes(b"%PDF-1.4 phieu dong y co chu ky")
    card = PersonCard(store, ImmediateRunner(store), "en", people["lan"])
    qtbot.addWidget(card)
    dialog = card.record_consent()
    assert isinstance(dialog, ConsentDialog)
    dialog.inputs["given_on"].setText("30/11/2026")  # after today
    dialog.save()
    assert dialog.isVisible() and dialog.errors["given_on"].isVisible()
    dialog.inputs["given_on"].setText("20/11/2026")
    dialog.inputs["method"].setCurrentIndex(dialog.inputs["method"].findData("written"))
    dialog.inputs["evidence"].setText(str(scan))
    dialog.save()
    assert not dialog.isVisible()
    [consent] = list_consents(store, people["lan"])
    assert consent.evidence_sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert card.basis_label.text().startswith("Consent: ") and "20/11/2026" in card.basis_label.text()
    assert "(scanned form kept)" in card.basis_label.text()
    assert card.sensitive_button.isEnabled()
    card.show_sensitive("xác minh danh sách hội viên dân tộc thiểu số")
    assert card.sensitive_label.text() == "Ethnicity: Tày · Religion: Phật giáo"
    [view] = _views(store)
    assert view["person_id"] == people["lan"] and view["access_purpose"].startswith("xác minh")
    # withdrawn: no longer shown, and the card says since when
    withdraw = card.withdraw_consent()
    withdraw.inputs["withdrawn_on"].setText("21/11/2026")
    withdraw.save()
    assert "withdrawn on 21/11/2026" in card.basis_label.text()
    assert not card.sensitive_button.isEnabled() and card.sensitive_label.isHidden()
    _close(card)


def test_a_legal_basis_instead_of_a_consent(qtbot, store, people):
    card = PersonCard(store, ImmediateRunner(store), "en", people["hai"])
    qtbot.addWidget(card)
    dialog = card.record_basis()
    dialog.save()
    assert dialog.isVisible() and dialog.errors["basis"].isVisible()
    dialog.inputs["basis"].setPlainText("Điều lệ MTTQ Việt Nam: danh sách ủy viên")
    dialog.save()
    assert card.basis_label.text() == "Legal basis: Điều lệ MTTQ Việt Nam: danh sách ủy viên"
    assert card.sensitive_button.isEnabled()
    _close(card)


def test_the_person_form_keeps_ethnicity_and_religion_hidden_and_unchanged(qtbot, store, people):
    form = PersonForm(store, ImmediateRunner(store), "en", people["lan"])
    qtbot.addWidget(form)
    assert form.inputs["ethnicity"].text() == "" and not form.inputs["ethnicity"].isEnabled()
    assert not form.show_sensitive_button.isEnabled()  # no basis recorded
    form.inputs["phone"].setText("0912345678")
    form.save()
    person = get_person(store, people["lan"])
    assert (person["phone"], person["ethnicity"], person["religion"]) == ("0912345678", "Tày", "Phật giáo")
    assert _views(store) == []
    _close(form)
    record_consent(store, people["lan"], method="app", on="20/11/2026", scope="hồ sơ hội viên")
    form = PersonForm(store, ImmediateRunner(store), "en", people["lan"])
    qtbot.addWidget(form)
    assert form.show_sensitive_button.isEnabled()
    form.show_sensitive()
    assert form.inputs["ethnicity"].text() == "Tày" and form.inputs["ethnicity"].isEnabled()
    assert len(_views(store)) == 1
    form.inputs["religion"].setText("")
    form.save()
    assert get_person(store, people["lan"])["religion"] is None
    _close(form)


# -- the page -----------------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, store, people, tmp_path):
    opened = []
    p = PrivacyPage(store, ImmediateRunner(store), "en", documents=tmp_path, open_url=opened.append)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    yield p
    _close(p)


def _cells(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_a_request_with_its_deadlines_answered_and_done(page, store, people):
    tab = page.requests
    form = tab.new_request()
    assert isinstance(form, RequestForm)
    form.inputs["kind"].setCurrentIndex(form.inputs["kind"].findData("access"))
    form.inputs["received_on"].setText("20/11/2026")  # a Friday
    form.person.set_person(people["hai"], "Trần Văn Hải")
    form._person_chosen(people["hai"])
    form.save()
    assert not form.isVisible()
    request = get_request(store, form.saved_id)
    assert request.requester == "Trần Văn Hải"
    # the answer is due two working days after Friday 20/11: Tuesday 24/11 (the weekend does not count)
    assert _cells(tab.table, 3) == ["24/11/2026"] and _cells(tab.table, 5) == ["Received, not yet answered"]
    tab.choose(form.saved_id)
    tab.acknowledge(tab.chosen_id())
    assert _cells(tab.table, 5) == ["Answered on 22/11/2026"] and _cells(tab.table, 3) == [""]
    assert tab.complete(tab.chosen_id())
    assert _cells(tab.table, 5) == ["Done on 22/11/2026"]


def test_more_time_for_a_request_once(page, store, people):
    request_id = add_request(store, kind="access", received_on="05/11/2026", person_id=people["hai"])  # due 15/11
    tab = page.requests
    tab.refresh()
    tab.choose(request_id)
    assert tab.extend_button.isEnabled()
    dialog = tab.extend(request_id)
    assert isinstance(dialog, ExtendDialog)
    dialog.inputs["extended_days"].setValue(7)
    dialog.save()  # no reason: said under its field, nothing written
    assert dialog.isVisible() and get_request(store, request_id).extended_days is None
    dialog.inputs["extension_reason"].setPlainText("Cần xin ý kiến Ban Thường trực")
    dialog.inputs["extended_on"].setText("16/11/2026")  # after the first due day, 15/11
    dialog.save()
    assert dialog.isVisible() and get_request(store, request_id).extended_days is None
    said = dialog.errors["extended_on"]
    assert "15/11/2026" in said.text()
    # said in full under the narrow date box, not squeezed to its width
    assert said.isVisible() and said.width() > 2 * dialog.inputs["extended_on"].width()
    dialog.inputs["extended_on"].setText("14/11/2026")
    dialog.save()
    assert not dialog.isVisible()
    assert get_request(store, request_id).complete_by == "2026-11-22"  # in time again, today
    assert _cells(tab.table, 4) == ["22/11/2026"] and _cells(tab.table, 5)[0].endswith("· 7 more days")
    assert "Cần xin ý kiến Ban Thường trực" in tab.table.item(0, 5).toolTip()
    tab.choose(request_id)
    assert not tab.extend_button.isEnabled() and tab.extend(request_id) is None  # once only


def test_an_overdue_request_is_red_and_the_overview_warns(qtbot, store, people):
    add_request(store, kind="correction", received_on="02/11/2026", person_id=people["lan"])
    install_translations(QApplication.instance(), "vi")
    window = MainWindow(store, runner=ImmediateRunner(store), lang="vi")
    qtbot.addWidget(window)
    window.show()
    overview = window.pages["overview"]
    assert overview.privacy_line.isVisible()
    assert "1 yêu cầu" in overview.privacy_line.text()
    qtbot.mouseClick(overview.privacy_line, Qt.LeftButton)
    assert window.current_page() == "privacy"
    tab = window.privacy.requests
    assert window.privacy.tabs.currentWidget() is tab
    assert tab.table.item(0, 5).text() == "Quá hạn"
    assert tab.table.item(0, 5).foreground().color().name() == "#c0392b"
    window.close()


def test_an_erasure_request_asks_then_erases_the_person_everywhere(page, store, people, monkeypatch):
    request_id = add_request(store, kind="erasure", received_on="21/11/2026", person_id=people["hai"])
    page.refresh()
    answers = [QMessageBox.No, QMessageBox.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    page.requests.choose(request_id)
    assert page.requests.complete(request_id) is False
    assert store.conn.execute("SELECT count(*) FROM person WHERE id = ?", (people["hai"],)).fetchone()[0] == 1
    assert page.requests.complete(request_id) is True
    assert store.conn.execute("SELECT count(*) FROM person WHERE id = ?", (people["hai"],)).fetchone()[0] == 0
    assert get_request(store, request_id).completed_on == "2026-11-22"


def test_an_incident_its_72_hours_the_letter_and_the_notification(page, store, tmp_path):
    tab = page.incidents
    page.show_view("incidents")
    form = tab.new_incident()
    assert isinstance(form, IncidentForm)
    form.inputs["occurred_at"].setText("18/11/2026")
    form.inputs["discovered_at"].setText("19/11/2026 08:00")
    form.inputs["what"].setPlainText("Mất USB chứa bản sao lưu dữ liệu xã")
    form.inputs["people_affected"].setValue(2)
    form.save()
    assert not form.isVisible()
    # discovered 19/11 08:00: notify by 22/11 08:00; the fixed clock is past it
    assert _cells(tab.table, 4) == ["22/11/2026 08:00"]
    assert _cells(tab.table, 5) == ["Not notified: the 72 hours have passed"]
    tab.choose(form.saved_id)
    tab.save_letter(tab.chosen_id(), tmp_path / "thu.txt")
    letter = (tmp_path / "thu.txt").read_bytes()
    assert letter.startswith(b"\xef\xbb\xbf")  # Notepad on a Vietnamese Windows reads it as UTF-8
    assert "Mất USB chứa bản sao lưu" in letter.decode("utf-8-sig")
    dialog = tab.notified(tab.chosen_id())
    dialog.inputs["notified_to"].setText("Cục A05 — Bộ Công an")
    dialog.save()
    assert _cells(tab.table, 5)[0].startswith("Notified ")


def test_the_consents_tab_and_the_assessment_draft(page, store, people, tmp_path, qtbot):
    from openpyxl import load_workbook

    record_consent(store, people["lan"], method="message", on="19/11/2026", scope="danh sách hội viên")
    record_incident(store, occurred_on="20/11/2026", what="Gửi nhầm danh sách cho thôn khác")
    page.refresh()
    assert _cells(page.consents.table, 0) == ["Nguyễn Thị Lan"]
    asked = []
    page.person_requested.connect(asked.append)
    page.consents.table.selectRow(0)
    page.consents.person_button.click()
    assert asked == [people["lan"]]
    page.save_assessment(tmp_path / "danh-gia.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "danh-gia.xlsx").exists(), timeout=20_000)
    cells = [str(c) for row in load_workbook(tmp_path / "danh-gia.xlsx").active.iter_rows(values_only=True)
             for c in row if c]
    assert any("1 lần ghi nhận đồng ý" in c for c in cells) and any("1 sự cố" in c for c in cells)
