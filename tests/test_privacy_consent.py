"""Consents and legal bases (Law 91/2025/QH15 Điều 9; Decree 356/2025/NĐ-CP
Điều 6): recorded with the scanned form read as an untrusted file, withdrawn
by date, on the command line as DESIGN.md writes it."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from datetime import date

import pytest

from app.domain.consent import (
    consent_evidence, list_consents, read_evidence, record_consent, record_legal_basis, withdraw_consent,
)
from app.domain.people import add_person
from app.errors import FrontDeskError, InvalidInput
from tests.helpers import cli


@pytest.fixture
def person(store):
    return add_person(store, {"full_name": "Nguyễn Văn An", "ethnicity": "Tày", "religion": "Phật giáo"})[0]


def test_a_consent_keeps_its_evidence_with_the_hash_of_the_very_bytes(store, person, tmp_path):
    scan = tmp_path / "phiếu đồng ý.pdf"
    data = b"%PDF-1.4\n" + bytes(range(256)) * 10
    scan.write_bytes(data)
    consent_id = record_consent(store, person, method="văn bản", on="01/11/2026", scope="Quản lý hội viên",
                                evidence=scan)
    [view] = list_consents(store)
    assert (view.id, view.method, view.given_on, view.scope, view.recorded_by) == (
        consent_id, "written", "2026-11-01", "Quản lý hội viên", "tester")
    assert view.evidence_sha256 == hashlib.sha256(data).hexdigest() and view.evidence_size == len(data)
    kept = consent_evidence(store, consent_id)
    assert kept.data == data and hashlib.sha256(kept.data).hexdigest() == kept.sha256
    assert kept.name == "phiếu đồng ý.pdf"
    # the change log has the hash and the name, never the bytes
    after = store.conn.execute("SELECT after FROM change_log WHERE table_name = 'consent'").fetchone()[0]
    assert view.evidence_sha256 in after and "PDF" not in after


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_evidence_through_a_link_is_refused(tmp_path):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"scan")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    with pytest.raises(FrontDeskError) as caught:
        read_evidence(link)
    assert caught.value.code == "privacy.evidence_not_a_file"


def test_evidence_too_big_a_folder_or_a_fifo_is_refused(tmp_path):
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 2001)
    with pytest.raises(FrontDeskError) as caught:
        read_evidence(big, limit=2000)
    assert caught.value.code == "privacy.evidence_too_large"
    with pytest.raises(FrontDeskError) as caught:
        read_evidence(tmp_path)
    assert caught.value.code == "privacy.evidence_not_a_file"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "scan.pdf"
        os.mkfifo(fifo)
        with pytest.raises(FrontDeskError) as caught:
            read_evidence(fifo)  # would block for ever if it were opened for reading as a file
        assert caught.value.code == "privacy.evidence_not_a_file"
    with pytest.raises(FrontDeskError) as caught:
        read_evidence(tmp_path / "missing.pdf")
    assert caught.value.code == "privacy.evidence_cannot_open"


def test_withdrawal_dates_the_consent_and_needs_one_in_force(store, person):
    record_consent(store, person, method="call", on=date(2026, 10, 1), scope="Sinh hoạt chi hội")
    assert withdraw_consent(store, person, on="20/11/2026") == [1]
    assert list_consents(store)[0].withdrawn_on == "2026-11-20"
    with pytest.raises(FrontDeskError) as caught:
        withdraw_consent(store, person, on="21/11/2026")
    assert caught.value.code == "privacy.no_consent"


def test_bad_values_are_listed_together(store, person):
    with pytest.raises(InvalidInput) as caught:
        record_consent(store, person, method="bồ câu", on="01/01/2030", scope=" ")
    assert {p.field for p in caught.value.problems} == {"method", "given_on", "scope"}


def test_a_legal_basis(store, person):
    basis_id = record_legal_basis(store, person, basis="Điều lệ MTTQ Việt Nam, Điều 7", on="01/01/2026")
    assert store.conn.execute("SELECT basis, recorded_on, recorded_by FROM legal_basis WHERE id = ?",
                              (basis_id,)).fetchone() == ("Điều lệ MTTQ Việt Nam, Điều 7", "2026-01-01", "tester")


def test_cli_consent_and_consents_json(store, person, tmp_path):
    db = str(store.path)
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff photo")
    code, out, err = cli("privacy", "consent", person, "--db", db, "--method", "message", "--on", "05/11/2026",
                         "--scope", "Danh sách hội viên", "--evidence", scan, "--json")
    assert code == 0, err
    record = json.loads(out)
    assert record["id"] == 1 and record["evidence_sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    code, out, err = cli("privacy", "consent", person, "--db", db, "--method", "trong ung dung", "--on", "06/11/2026",
                         "--scope", "Nhận tin nhắn")
    assert code == 0, err
    assert out.startswith("Đã ghi sự đồng ý số 2 của Nguyễn Văn An: Trong ứng dụng, ngày 06/11/2026")
    code, out, _ = cli("privacy", "withdraw", person, "--db", db, "--on", "10/11/2026")
    assert code == 0 and "rút lại 2" in out
    code, out, _ = cli("privacy", "consents", "--db", db, "--json")
    listed = json.loads(out)
    assert [(c["person_id"], c["method"], c["on"], c["withdrawn_on"]) for c in listed] == [
        (person, "app", "2026-11-06", "2026-11-10"), (person, "message", "2026-11-05", "2026-11-10")]
    assert {"person_id", "method", "on", "scope", "withdrawn_on", "evidence_sha256"} <= set(listed[0])
    code, out, _ = cli("privacy", "basis", person, "--db", db, "--basis", "Điều lệ", "--json")
    assert code == 0 and json.loads(out)["recorded_on"] == "2026-11-22"


def test_cli_refuses_clearly(store, person, tmp_path):
    db = str(store.path)
    code, _, err = cli("privacy", "consent", person, "--db", db, "--method", "telepathy", "--on", "05/11/2026",
                       "--scope", "x")
    assert code == 1 and "telepathy" in err and "Traceback" not in err
    code, _, err = cli("privacy", "consent", person, "--db", db, "--method", "app", "--on", "05/11/2026",
                       "--scope", "x", "--evidence", tmp_path, "--lang", "en")
    assert code == 1 and "not an ordinary file" in err
    code, _, err = cli("privacy", "consent", 99, "--db", db, "--method", "app", "--on", "05/11/2026", "--scope", "x")
    assert code == 1 and "99" in err
    code, _, err = cli("privacy", "consent", person, "--db", db, "--on", "05/11/2026", "--scope", "x")
    assert code == 2
    assert cli("privacy", "consents", "--db", db)[1].strip() == "Chưa ghi sự đồng ý nào."
