"""The impact-assessment draft (``frontdesk privacy assessment --out FILE``):
made from what the database holds, counted by hand here, read back from the
file; never a citizen ID, a phone number or a name; the demo mark on a demo
commune; the privacy registers said "chưa ghi nhận" when this database has
none of their tables, and counted when it has them."""
from __future__ import annotations

import argparse
import io
import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from app.cli.assessment_commands import add_assessment_arguments, cmd_privacy_assessment
from app.cli.parsing import Say
from app.db.backups import create_backup
from app.domain.cases import add_case
from app.domain.consent import record_consent, record_legal_basis, withdraw_consent
from app.domain.data_requests import add_request, complete_request
from app.domain.incidents import record_incident
from app.domain.commune import create_commune_database
from app.domain.fund import record_receipt, record_spending
from app.domain.organizations import add_residential_area, branch_of, by_code, front_committee_id
from app.domain.people import add_person, join_organization, leave_organization
from app.domain.petitions import add_petition
from app.domain.positions import appoint
from app.errors import FrontDeskError
from app.paths import backups_dir_for
from app.reports.privacy_assessment import BLANK, LEGAL_BASIS, NOT_RECORDED, TITLE, write_assessment
from app.reports.privacy_assessment_facts import assessment_facts
from app.sending.destination import make_destination, save_destination
from app.sending.site_config import SiteConfig
from app.spreadsheets.xlsx_writing import DEMO_MARK
from app.text.citizen_id import mask_citizen_id
from tests.helpers import COMMUNE

# Who is on the roster, and what of theirs is recorded (hand-counted below).
PEOPLE = [
    {"full_name": "Nguyễn Văn An", "gender": "nam", "birth_date": "1980", "citizen_id": "001080000001",
     "phone": "0912000001", "ethnicity": "Kinh", "religion": "Không"},  # "no religion" is not a religion
    {"full_name": "Trần Thị Bình", "gender": "nữ", "birth_date": "1975", "citizen_id": "001175000002",
     "phone": "0912000002", "ethnicity": "Tày"},
    {"full_name": "Lê Văn Cường", "phone": "0912000003", "religion": "Công giáo", "status": "moved"},
    {"full_name": "Phạm Thị Dung"},
    {"full_name": "Hoàng Văn Em", "birth_date": "1950", "citizen_id": "001050000005", "ethnicity": "Kinh",
     "religion": "Phật giáo", "status": "deceased", "note": "Liệt sĩ"},
]
CITIZEN_IDS = [p["citizen_id"] for p in PEOPLE if "citizen_id" in p]
PHONES = [p["phone"] for p in PEOPLE if "phone" in p]
NAMES = [p["full_name"] for p in PEOPLE] + ["Doanh nghiệp Hòa Phát", "Hộ ông Đinh Văn Dũng"]


def _commune(store) -> dict[str, int]:
    area = add_residential_area(store, "Tổ dân phố Số 5")
    ids = [add_person(store, {**p, "area_id": area if n < 2 else None})[0] for n, p in enumerate(PEOPLE)]
    an, binh, cuong = ids[:3]
    join_organization(store, an, branch_of(store, by_code(store, "farmers"), area), joined_on="01/01/2020")
    join_organization(store, binh, by_code(store, "women"), joined_on="01/01/2019")
    left = join_organization(store, cuong, by_code(store, "veterans"), joined_on="01/01/2010")
    leave_organization(store, left, left_on="01/06/2026")  # history, not a current membership
    deputy = store.conn.execute("SELECT id FROM position WHERE organization_id = ? AND title = ?",
                                (front_committee_id(store), "Phó Chủ tịch")).fetchone()[0]
    appoint(store, deputy, an, start_on="01/07/2025")
    add_petition(store, {"received_on": "03/11/2026", "channel": "voter-meeting", "person_id": an,
                         "content": "Đường ngõ xóm hỏng"})
    add_petition(store, {"received_on": "05/11/2026", "channel": "letter", "from_name": "Cử tri tổ 3",
                         "content": "Đèn đường hỏng"})
    record_receipt(store, on="01/10/2026", amount=100_000_000, party="Doanh nghiệp Hòa Phát")
    record_spending(store, on="20/10/2026", amount=50_000_000, purpose="build-house", person_id=binh)
    record_spending(store, on="21/10/2026", amount=5_000_000, purpose="support", party="Hộ ông Đinh Văn Dũng")
    add_case(store, {"kind": "mediation", "opened_on": "01/11/2026", "title": "Tranh chấp lối đi"})
    return {"area": area}


def _cells(path: Path) -> list[list[str]]:
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Đánh giá tác động"]
    return [[str(v) for v in row if v not in (None, "")] for row in book.active.iter_rows(values_only=True)]


def _lines(path: Path) -> dict[str, str]:
    """{item: what the draft says} for the body's lines (number, item, value)."""
    return {row[1]: row[2] for row in _cells(path) if len(row) == 3 and row[0][:1].isalnum()}


def _text(path: Path) -> str:
    return "\n".join(" | ".join(row) for row in _cells(path))


def test_the_draft_reads_back_the_real_counts(store, tmp_path):
    _commune(store)
    out = write_assessment(store, tmp_path / "danh-gia.xlsx")
    assert out == tmp_path / "danh-gia.xlsx"
    text, lines = _text(out), _lines(out)
    assert TITLE in text and LEGAL_BASIS in text and "Phường Ba Đình".lower() in text.lower()
    assert lines["Số người trong danh sách"] == "5 người (đang sinh hoạt 3, chuyển đi 1, đã mất 1)"
    assert lines["Họ và tên"] == "5 người"
    assert lines["Giới tính"] == "2 người"
    assert lines["Ngày sinh hoặc năm sinh"] == "3 người"
    assert lines["Số định danh cá nhân (CCCD)"] == "3 người"
    assert lines["Số điện thoại"] == "3 người"
    assert lines["Khu dân cư nơi ở"] == "2 người"
    assert lines["Ghi chú về người"] == "1 người"
    assert lines["Dân tộc — dữ liệu cá nhân nhạy cảm"] == "3 người"
    assert lines["Tôn giáo — dữ liệu cá nhân nhạy cảm"] == "2 người"  # "Không" is kept as no religion
    assert lines["Sinh hoạt tại tổ chức (hội viên, đoàn viên)"] == "2 người; 2 lượt sinh hoạt hiện tại"
    assert lines["Chức danh đang giữ"] == "1 lượt bổ nhiệm hiện tại"
    assert lines["Ý kiến, kiến nghị (ghi tên người gửi)"] == (
        "2 ý kiến, kiến nghị; 1 của người có trong danh sách")
    assert lines["Quỹ: khoản chi ghi tên người nhận"] == "2 khoản; 1 khoản của người có trong danh sách"
    assert lines["Quỹ: khoản thu ghi tên người ủng hộ"] == "1 khoản"
    assert lines["Vụ việc giám sát, thanh tra nhân dân, hòa giải (có thể ghi tên các bên)"] == "1 vụ việc"
    assert lines["Mã đơn vị hành chính"] == COMMUNE
    # what only the commune knows is left blank, and there is a signature block
    assert lines["Người đại diện (họ tên, chức vụ)"] == BLANK
    assert "TM. BAN THƯỜNG TRỰC" in text and "NGƯỜI LẬP HỒ SƠ" in text
    assert DEMO_MARK not in text


def test_no_citizen_id_phone_or_name_of_anyone_is_written(store, tmp_path):
    _commune(store)
    text = _text(write_assessment(store, tmp_path / "a.xlsx"))
    digits = "".join(ch for ch in text if ch.isdigit() or ch == "\n")
    for secret in CITIZEN_IDS + PHONES:
        assert secret not in text and secret not in digits
    for cid in CITIZEN_IDS:
        assert mask_citizen_id(cid) not in text  # not even masked
    for name in NAMES:
        assert name not in text


def test_empty_privacy_registers_say_nothing_is_recorded_yet(store, tmp_path):
    _commune(store)
    facts = assessment_facts(store)
    assert facts.consent.counts == {"total": 0, "people": 0, "withdrawn": 0, "with_evidence": 0}
    lines = _lines(write_assessment(store, tmp_path / "a.xlsx"))
    for item in ("Sự đồng ý của chủ thể dữ liệu", "Cơ sở pháp lý của việc xử lý",
                 "Yêu cầu của chủ thể dữ liệu (xem, sửa, xóa, rút đồng ý…)",
                 "Sự cố, vi phạm quy định bảo vệ dữ liệu cá nhân"):
        assert lines[item].startswith(NOT_RECORDED), item


def _privacy_registers(store, people: list[int], tmp_path: Path) -> None:
    """Consents, a legal basis, requests and an incident, through the registers' own functions."""
    a, b = people[:2]
    scan = tmp_path / "don-dong-y.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned consent form")
    record_consent(store, a, method="written", on="10/01/2026", scope="hội viên", evidence=scan)
    record_consent(store, b, method="call", on="11/01/2026", scope="hội viên")
    withdraw_consent(store, b, on="01/05/2026")
    record_consent(store, b, method="written", on="01/06/2026", scope="hội viên", evidence=scan)
    record_legal_basis(store, people[2], basis="Điều lệ MTTQ Việt Nam: danh sách hội viên")
    first = add_request(store, kind="access", received_on="01/11/2026", person_id=a)
    complete_request(store, first, on="03/11/2026")
    add_request(store, kind="correction", received_on="20/11/2026", person_id=b)
    record_incident(store, occurred_on="02/11/2026", what="mất USB")


def test_the_privacy_registers_are_counted(store, tmp_path):
    _commune(store)
    people = [row[0] for row in store.conn.execute("SELECT id FROM person ORDER BY id")]
    _privacy_registers(store, people, tmp_path)
    facts = assessment_facts(store)
    assert facts.consent.counts == {"total": 3, "people": 2, "withdrawn": 1, "with_evidence": 2}
    assert facts.data_request.counts == {"total": 2, "people": 2, "open": 1}
    assert facts.data_incident.counts == {"total": 1, "notified": 0}
    lines = _lines(write_assessment(store, tmp_path / "a.xlsx", facts=facts))
    assert lines["Sự đồng ý của chủ thể dữ liệu"] == (
        "3 lần ghi nhận đồng ý (của 2 người); đã rút lại: 1; có bản chụp chứng cứ: 2")
    assert lines["Cơ sở pháp lý của việc xử lý"] == "1 cơ sở pháp lý đã ghi trong ứng dụng"
    assert lines["Yêu cầu của chủ thể dữ liệu (xem, sửa, xóa, rút đồng ý…)"] == (
        "2 yêu cầu; chưa giải quyết xong: 1")
    assert lines["Sự cố, vi phạm quy định bảo vệ dữ liệu cá nhân"] == "1 sự cố; đã thông báo: 0"


def test_storage_backups_and_what_leaves_the_pc(store, tmp_path, memory_keyring):
    folder = backups_dir_for(store.path)
    create_backup(store.conn, folder, reason="manual", when=datetime(2026, 11, 20, 8, 30))
    create_backup(store.conn, folder, reason="manual", when=datetime(2026, 11, 21, 17, 0))
    url = "https://files.province.example/remote.php/dav/files/reports/"
    save_destination(store, make_destination("webdav", url=url, user="xa-00004-clerk"), site=SiteConfig())
    facts = assessment_facts(store, site=SiteConfig())
    assert facts.backups == 2 and facts.newest_backup.replace(tzinfo=None) == datetime(2026, 11, 21, 17, 0)
    assert (facts.destination.kind, facts.destination.where) == ("webdav", "files.province.example")
    out = write_assessment(store, tmp_path / "a.xlsx", facts=facts)
    lines, text = _lines(out), _text(out)
    assert lines["Cơ sở dữ liệu (trên máy của Ủy ban MTTQ xã)"] == str(store.path)
    assert lines["Bản sao lưu tự động"] == f"Thư mục {folder}; 2 bản, bản mới nhất lúc 21/11/2026 17:00"
    assert lines["Nơi gửi báo cáo đã đặt trong ứng dụng"] == "Máy chủ WebDAV: files.province.example"
    assert lines["Số báo cáo đã gửi / đang chờ gửi"] == "0 / 0"
    assert "xa-00004-clerk" not in text and "remote.php" not in text  # the host only


def test_no_destination_set_says_so(store, tmp_path):
    lines = _lines(write_assessment(store, tmp_path / "a.xlsx"))
    assert lines["Nơi gửi báo cáo đã đặt trong ứng dụng"].startswith("Chưa đặt nơi gửi")
    assert lines["Bản sao lưu tự động"].endswith("chưa có bản sao lưu nào")


def test_a_demo_commune_draft_carries_the_demo_mark(tmp_path, clock):
    with create_commune_database(tmp_path / "demo.sqlite3", COMMUNE, demo=True, clock=clock) as demo:
        add_person(demo, {"full_name": "Người Mẫu", "ethnicity": "Kinh"})
        out = write_assessment(demo, tmp_path / "demo.xlsx")
    assert DEMO_MARK in _text(out)  # above the title
    book = openpyxl.load_workbook(out)
    assert DEMO_MARK in book.active.oddHeader.center.text


def _parser() -> argparse.ArgumentParser:
    """``privacy assessment`` as the command line will wire it (the common options beside)."""
    parser = argparse.ArgumentParser(prog="frontdesk privacy assessment")
    add_assessment_arguments(parser, Say("vi"))
    parser.add_argument("--json", action="store_true")
    return parser


def _run(store, clock, *argv: str) -> tuple[int, str]:
    args = _parser().parse_args(list(argv))
    args.database, args.clock, args.lang = store.path, clock, "vi"
    out = io.StringIO()
    return args.handler(args, out), out.getvalue()


def test_the_command_writes_the_draft_and_says_what_it_counted(store, clock, tmp_path):
    _commune(store)
    store.close()
    target = tmp_path / "hồ sơ đánh giá.xlsx"
    code, said = _run(store, clock, "--out", str(target))
    assert code == 0 and target.is_file()
    assert "5 người trong danh sách; có số CCCD: 3, số điện thoại: 3" in said
    assert "dân tộc: 3, tôn giáo: 2" in said and str(target) in said
    assert _lines(target)["Số người trong danh sách"].startswith("5 người")
    code, said = _run(store, clock, "--out", str(tmp_path / "again.xlsx"), "--json")
    payload = json.loads(said)
    assert payload["people"] == 5 and payload["with_citizen_id"] == 3 and payload["with_religion"] == 2
    assert payload["registers"]["consent"]["total"] == 0 and payload["demo"] is False


def test_the_command_refuses_a_file_that_is_not_xlsx_and_leaves_nothing(store, clock, tmp_path):
    store.close()
    args = _parser().parse_args(["--out", str(tmp_path / "a.docx")])
    args.database, args.clock, args.lang = store.path, clock, "vi"
    with pytest.raises(FrontDeskError):
        cmd_privacy_assessment(args, io.StringIO())
    assert list(tmp_path.glob("a.*")) == [] and not list(tmp_path.glob(".*part"))


def test_the_help_names_the_law_and_the_file():
    help_text = _parser().format_help()
    assert "--out" in help_text and "91/2025/QH15" in help_text and "356/2025/NĐ-CP" in help_text


def test_the_privacy_page_cites_the_law_in_force_and_the_command():
    page = (Path(__file__).resolve().parents[1] / "docs" / "PRIVACY.md").read_text(encoding="utf-8")
    vietnamese, english = page.split("\n## English\n")
    for half in (vietnamese, english):
        assert "91/2025/QH15" in half and "356/2025/NĐ-CP" in half
        assert "frontdesk privacy assessment --out" in half
        # the replaced decree is named only as replaced, never as the rule in force
        for paragraph in half.split("\n\n"):
            if "13/2023" in paragraph:
                assert any(word in paragraph for word in ("thay thế", "replac")), paragraph


def test_frontdesk_privacy_assessment_writes_the_draft(store, tmp_path):
    from tests.helpers import cli

    _commune(store)
    code, out, err = cli("privacy", "assessment", "--out", tmp_path / "hs.xlsx", "--db", store.path, "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["people"] == len(PEOPLE) and Path(payload["path"]).is_file()
    code, _out, err = cli("privacy", "assessment", "--db", store.path)
    assert code == 2 and "--out" in err
