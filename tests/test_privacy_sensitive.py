"""The basis rule for ethnicity and religion: exported (and shown) by person
only for people with a consent in force or a legal basis, every export and
view written to the change log in words, refused without a purpose; counts
are unaffected."""
from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain.change_log import ChangeFilter, list_changes
from app.domain.change_words import changes_in_words
from app.domain.consent import record_consent, record_legal_basis, withdraw_consent
from app.domain.people import add_person
from app.domain.sensitive import has_basis, log_sensitive_view, people_with_basis, sensitive_view_allowed
from app.errors import FrontDeskError
from app.reports.member_list import BASIS_NOTE, export_members
from app.spreadsheets.reading import read_workbook
from tests.helpers import cli


@pytest.fixture
def people(store):
    ids = {}
    for name, ethnicity, religion in (("Nguyễn Văn An", "Tày", "Phật giáo"), ("Lê Thị Bình", "Kinh", "Công giáo"),
                                      ("Hà Văn Cường", "Mường", None)):
        ids[name] = add_person(store, {"full_name": name, "ethnicity": ethnicity, "religion": religion})[0]
    record_consent(store, ids["Nguyễn Văn An"], method="written", on="01/11/2026", scope="Danh sách hội viên")
    record_legal_basis(store, ids["Hà Văn Cường"], basis="Điều lệ MTTQ Việt Nam", on="01/10/2026")
    return ids


def _body(path):
    rows = read_workbook(path)[0].rows
    start = next(n for n, r in enumerate(rows) if r[0] == "STT")
    header = rows[start]
    body = [r for r in rows[start + 1:] if isinstance(r[0], (int, float)) and r[0] != ""]
    return rows, header, {r[1]: dict(zip(header, r)) for r in body}


def test_has_basis_by_day(store, people):
    an, binh = people["Nguyễn Văn An"], people["Lê Thị Bình"]
    assert has_basis(store, an) and not has_basis(store, binh)
    assert not has_basis(store, an, date(2026, 10, 31))  # before the consent was given
    assert people_with_basis(store) == {an, people["Hà Văn Cường"]}
    withdraw_consent(store, an, on="20/11/2026")
    assert has_basis(store, an, date(2026, 11, 19)) and not has_basis(store, an)
    assert not sensitive_view_allowed(store, an)


def test_export_fills_only_people_with_a_basis_and_logs_once_in_words(store, people, tmp_path):
    out = tmp_path / "ds.xlsx"
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    result = export_members(store, out, with_ethnicity_religion=True, purpose="Báo cáo công tác dân tộc quý IV")
    rows, header, by_name = _body(out)
    assert header[4:6] == ["Dân tộc", "Tôn giáo"]
    assert (by_name["Nguyễn Văn An"]["Dân tộc"], by_name["Nguyễn Văn An"]["Tôn giáo"]) == ("Tày", "Phật giáo")
    assert (by_name["Hà Văn Cường"]["Dân tộc"], by_name["Hà Văn Cường"]["Tôn giáo"]) == ("Mường", "")
    assert (by_name["Lê Thị Bình"]["Dân tộc"], by_name["Lê Thị Bình"]["Tôn giáo"]) == ("", "")  # no basis
    assert "Công giáo" not in {v for r in rows for v in r} and "Kinh" not in {v for r in rows for v in r}
    assert any(BASIS_NOTE in r for r in rows)  # the sheet says why cells are empty
    assert (result.rows, result.with_basis) == (3, 2)
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before + 1
    [entry] = changes_in_words(store, list_changes(store, ChangeFilter(), limit=1).entries, "vi")
    assert entry.who == "tester" and entry.when == "22/11/2026 09:00"
    assert entry.what == "Xuất dân tộc, tôn giáo theo từng người ra tệp"
    assert set(entry.lines) >= {"Mục đích: Báo cáo công tác dân tộc quý IV", "Thông tin: Dân tộc, tôn giáo",
                                "Số lượng: 3", "Số người có căn cứ (ghi dân tộc, tôn giáo): 2",
                                "Số người chưa có căn cứ (để trống): 1", "Tệp: ds.xlsx"}
    assert "Tày" not in str(entry.lines)  # the access is logged, never the values


def test_export_without_a_purpose_is_refused_and_writes_nothing(store, people, tmp_path):
    out = tmp_path / "ds.xlsx"
    before = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    for purpose in (None, "   "):
        with pytest.raises(FrontDeskError) as caught:
            export_members(store, out, with_ethnicity_religion=True, purpose=purpose)
        assert caught.value.code == "privacy.purpose_required"
    assert not out.exists()
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before
    export_members(store, out)  # without the columns: no purpose, no entry
    assert store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == before


def test_a_view_is_logged_and_refused_without_a_basis(store, people):
    log_sensitive_view(store, people["Nguyễn Văn An"], "Cập nhật hồ sơ hội viên")
    [entry] = changes_in_words(store, list_changes(store, ChangeFilter(), limit=1).entries, "en")
    assert entry.what == "Viewed a person's ethnicity and religion" and entry.which == "Nguyễn Văn An"
    assert "Purpose: Cập nhật hồ sơ hội viên" in entry.lines
    with pytest.raises(FrontDeskError) as caught:
        log_sensitive_view(store, people["Lê Thị Bình"], "Xem")
    assert caught.value.code == "privacy.no_basis"
    with pytest.raises(FrontDeskError):
        log_sensitive_view(store, people["Nguyễn Văn An"], "")


def test_counts_in_the_province_report_are_unaffected(store, people):
    from app.domain.organizations import member_organizations
    from app.domain.people import join_organization
    from app.reports.figures import compute_figures
    from app.text.periods import parse_period

    women = member_organizations(store)[0]["id"]
    for person in people.values():
        join_organization(store, person, women, joined_on="01/01/2020")
    figures = compute_figures(store, parse_period("2026-11", today=store.today()))
    total = figures.unit("commune")
    assert total["members.ethnic_minority"] == 2 and total["members.religion"] == 2  # Bình counts, unnamed


def test_cli_export_members_needs_a_purpose(store, people, tmp_path):
    db = str(store.path)
    out = tmp_path / "ds.xlsx"
    code, _, err = cli("export", "members", "--db", db, "--out", out, "--with-ethnicity-religion")
    assert code == 1 and "--purpose" in err and not out.exists()
    code, stdout, err = cli("export", "members", "--db", db, "--out", out, "--with-ethnicity-religion",
                            "--purpose", "Báo cáo", "--json")
    assert code == 0, err
    assert json.loads(stdout)["ethnicity_religion_filled"] == 2
    code, stdout, err = cli("export", "members", "--db", db, "--out", out, "--with-ethnicity-religion",
                            "--purpose", "Báo cáo", "--lang", "en")
    assert code == 0 and "left empty for 1" in stdout
