"""The province's consolidation of commune reports made from demo communes."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from datetime import datetime, timedelta, timezone

import openpyxl
import pytest

from app.clock import FixedClock
from app.db.storage import open_store
from app.demo.builder import build_demo
from app.errors import FrontDeskError
from app.reports.consolidation import consolidate
from app.reports.consolidation_workbook import write_summary
from app.reports.province_report import export_report
from app.reports.report_file import read_report, report_sha256
from app.text.admin_units import communes_of
from app.text.periods import parse_period
from tests.helpers import cli

HANOI = ("00004", "00008", "00025")  # Ba Đình, Ngọc Hà, Giảng Võ
HCMC = "27316"                       # Phường An Đông, Thành phố Hồ Chí Minh
MOMENT = datetime(2026, 11, 22, 9, 0, tzinfo=timezone.utc)
NOW = FixedClock(MOMENT + timedelta(hours=1))  # the province consolidates an hour after the exports


@pytest.fixture(scope="module")
def demo_reports(tmp_path_factory):
    """Small demo communes (300 people, a seed each) and their reports for
    2026-11 and 2026-10: {(code, period): path}, in a folder of their own."""
    root = tmp_path_factory.mktemp("communes")
    made = {}
    for seed, code in enumerate((*HANOI, HCMC), start=1):
        db = root / f"{code}.sqlite3"
        build_demo(db, people=300, seed=seed, commune_code=code, clock=FixedClock(MOMENT), marked=False)
        for period, minutes in (("2026-11", 0), ("2026-10", 1)):
            clock = FixedClock(MOMENT + timedelta(minutes=minutes))
            with open_store(db, clock=clock) as store:
                out = root / f"bc-{code}-{period}.xlsx"
                export_report(store, parse_period(period), out)
                made[(code, period)] = out
    with open_store(root / f"{HANOI[0]}.sqlite3", clock=FixedClock(MOMENT + timedelta(minutes=30))) as store:
        made[(HANOI[0], "2026-11", "newer")] = export_report(store, parse_period("2026-11"), root / "ba-dinh-moi.xlsx").path
    return made


def folder_with(tmp_path, demo_reports, keys):
    folder = tmp_path / "nhan"
    folder.mkdir()
    for key in keys:
        shutil.copy(demo_reports[key], folder / demo_reports[key].name)
    return folder


def test_totals_and_missing_communes(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI])
    result = consolidate(folder, clock=NOW)
    assert result.province.code == "01" and result.period == "2026-11"
    assert sorted(k.commune.code for k in result.kept) == sorted(HANOI)
    assert result.rejected == []
    hanoi = communes_of("01")
    assert [c.code for c in result.missing] == [c.code for c in hanoi if c.code not in HANOI]
    assert len(result.missing) == len(hanoi) - 3
    reports = [read_report(demo_reports[(c, "2026-11")]).figures() for c in HANOI]
    totals = result.totals()
    for key in (("members.total", "commune"), ("positions.vacant", "commune"), ("tasks.overdue", "commune"),
                ("members.female", "women"), ("positions.concurrent_holders", "front")):
        assert totals[key] == sum(r[key] for r in reports), key
    assert totals[("members.total", "commune")] > 0


def test_the_summary_workbook(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI] + [(HCMC, "2026-11")])
    result = consolidate(folder, clock=NOW)
    out = tmp_path / "tong-hop.xlsx"
    write_summary(result, out, now=MOMENT)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tổng hợp", "Theo tổ chức", "Công tác Mặt trận", "Chưa gửi", "Tệp không dùng",
                               "_meta", "_data"]
    ws = book["Tổng hợp"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    codes = [r[1] for r in rows if r[1] in HANOI]
    assert sorted(codes) == sorted(HANOI)
    total_row = next(r for r in rows if r[0] == "Tổng cộng")
    per_commune = [r for r in rows if r[1] in HANOI]
    assert total_row[4] == sum(r[4] for r in per_commune) == result.totals()[("members.total", "commune")]
    units = [r for r in book["Theo tổ chức"].iter_rows(values_only=True) if r[1] or r[0]]
    numbered = [r for r in units if isinstance(r[0], int)]
    assert [r[0] for r in numbered] == list(range(1, len(numbered) + 1))
    total = next(r for r in units if r[0] == "Cộng (toàn tỉnh)")  # the total is not an item of the list
    assert total[2] == result.totals()[("members.total", "commune")]
    missing = [r[1] for r in book["Chưa gửi"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(missing) == len(result.missing)
    rejected = [r for r in book["Tệp không dùng"].iter_rows(values_only=True) if isinstance(r[0], int)]
    assert [r[1] for r in rejected] == [demo_reports[(HCMC, "2026-11")].name]
    assert "Hồ Chí Minh" in rejected[0][2]
    data = list(book["_data"].iter_rows(min_row=2, values_only=True))
    assert len(data) == 3 * len(read_report(demo_reports[(HANOI[0], "2026-11")]).rows)


@pytest.mark.parametrize("readers", [1, 3])  # one reader child, or several at once: the same verdicts
def test_rejected_files_with_their_reasons(tmp_path, demo_reports, readers):
    keys = [(c, "2026-11") for c in HANOI] + [(HCMC, "2026-11"), (HANOI[0], "2026-10")]
    folder = folder_with(tmp_path, demo_reports, keys)
    # an edited figure
    book = openpyxl.load_workbook(folder / demo_reports[(HANOI[1], "2026-11")].name)
    book["_data"]["C3"].value += 5
    book.save(folder / "sua-tay.xlsx")
    # a newer export of Ba Đình for November: the older one is replaced
    shutil.copy(demo_reports[(HANOI[0], "2026-11", "newer")], folder / "ba-dinh-moi.xlsx")
    # an unknown template version, not a report, not a spreadsheet
    unknown = openpyxl.load_workbook(folder / demo_reports[(HANOI[2], "2026-11")].name)
    for row in unknown["_meta"].iter_rows(min_row=2):
        if row[0].value == "template_version":
            row[1].value = "9"
    unknown.save(folder / "mau-moi.xlsx")
    plain = openpyxl.Workbook()
    plain.active["A1"] = "Danh sách"
    plain.save(folder / "danh-sach.xlsx")
    (folder / "ghi-chu.txt").write_text("không phải báo cáo", encoding="utf-8")
    (folder / "~$lock.xlsx").write_bytes(b"x")

    result = consolidate(folder, clock=NOW, readers=readers)
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("~$"))
    assert [r.path.name for r in result.rejected] == [n for n in names if n in {r.path.name for r in result.rejected}]
    reasons = {r.path.name: r.reason for r in result.rejected}
    assert reasons == {
        "sua-tay.xlsx": "bad_checksum",
        demo_reports[(HANOI[0], "2026-11")].name: "superseded",
        "mau-moi.xlsx": "unknown_template",
        "danh-sach.xlsx": "not_report",
        "ghi-chu.txt": "unreadable",
        demo_reports[(HCMC, "2026-11")].name: "other_province",
        demo_reports[(HANOI[0], "2026-10")].name: "other_period",
    }
    assert {k.report.path.name for k in result.kept} == {
        "ba-dinh-moi.xlsx", demo_reports[(HANOI[1], "2026-11")].name, demo_reports[(HANOI[2], "2026-11")].name}
    words = {r.path.name: result.describe(r, "vi") for r in result.rejected}
    assert "Sai mã kiểm tra" in words["sua-tay.xlsx"]
    assert "ba-dinh-moi.xlsx" in words[demo_reports[(HANOI[0], "2026-11")].name]
    assert "phiên bản 1, 2" in words["mau-moi.xlsx"]


@pytest.mark.parametrize("readers", [1, 2])  # with several reader children, the one a file kills is replaced
def test_hostile_files_among_the_reports_are_refused_one_by_one_and_the_run_goes_on(tmp_path, demo_reports,
                                                                                     monkeypatch, readers):
    import os

    from tests.hostile import far_cell_in_a_part_not_named_xml, without_the_checks

    without_the_checks(monkeypatch)  # so that the file below reaches the parser and aborts it

    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI])
    # its _meta aborts the reader: a child dies, not this run
    far_cell_in_a_part_not_named_xml(folder / "bao-cao-xa-la.xlsx", "_meta")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "cho-doi.xlsx")  # would block a plain open for ever
    try:
        (folder / "loi-tat.xlsx").symlink_to(folder / demo_reports[(HANOI[0], "2026-11")].name)
    except OSError:  # Windows without the right to make links
        pass
    result = consolidate(folder, clock=NOW, readers=readers)
    assert sorted(k.commune.code for k in result.kept) == sorted(HANOI)
    refused = {r.path.name: (r.reason, r.detail) for r in result.rejected}
    assert refused.pop("bao-cao-xa-la.xlsx") == ("unreadable", "workbook.reader_crashed")
    assert all(value == ("unreadable", "workbook.not_a_file") for value in refused.values()), refused
    assert "bao-cao-xa-la.xlsx" in result.describe(next(r for r in result.rejected
                                                        if r.path.name == "bao-cao-xa-la.xlsx"), "vi")


def _altered(source, target, *, data=None, meta=None, printed=None, resealed=False):
    """A copy of a report with cells of ``_data`` (row, column -> value),
    ``_meta`` values (key -> value) or cells of the printed summary (name ->
    value) changed; ``resealed``: and its checksum computed again, as anyone
    can (it is not a signature), so that the other checks must catch it."""
    book = openpyxl.load_workbook(source)
    for (row, col), value in (data or {}).items():
        book["_data"].cell(row=row, column=col).value = value
    for row in book["_meta"].iter_rows(min_row=2):
        if row[0].value in (meta or {}):
            row[1].value = meta[row[0].value]
    for name, value in (printed or {}).items():
        book["Tổng hợp"][name].value = value
    if resealed:
        pairs = {k: str(v) for k, v in book["_meta"].iter_rows(min_row=2, values_only=True)}
        rows = [(i, o, int(v)) for i, o, v in book["_data"].iter_rows(min_row=2, values_only=True)]
        for row in book["_meta"].iter_rows(min_row=2):
            if row[0].value == "data_sha256":
                row[1].value = report_sha256(pairs, rows)
    book.save(target)
    return target


@pytest.mark.parametrize("value", ["1" * 400, "9" * 5000, 1e308, float("nan"), float("inf"), -5, 2.5, "12a",
                                   10**12, "=1+1", "²", "١٢"])
def test_a_figure_that_is_not_a_sane_count_is_refused_never_a_traceback(tmp_path, demo_reports, value):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    _altered(demo_reports[(HANOI[0], "2026-11")], folder / "so-la.xlsx", data={(3, 3): value})
    result = consolidate(folder, clock=NOW)
    [refused] = result.rejected
    assert (refused.path.name, refused.reason) == ("so-la.xlsx", "bad_data")
    assert "so-la.xlsx" not in {k.report.path.name for k in result.kept}
    code, _, err = cli("consolidate", folder, "--out", tmp_path / "tong-hop.xlsx")
    assert code == 1 and "Traceback" not in err and (tmp_path / "tong-hop.xlsx").exists()


def test_unknown_indicators_and_units_are_never_copied_and_required_ones_must_be_there(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    source = demo_reports[(HANOI[0], "2026-11")]
    _altered(source, folder / "chi-so-la.xlsx", data={(3, 1): "members.bi_mat"})
    _altered(source, folder / "lien-ket.xlsx", data={(3, 1): '=HYPERLINK("http://x.example","bấm")'})
    _altered(source, folder / "don-vi-la.xlsx", data={(3, 2): "=cmd|' /C calc'!A0"})
    book = openpyxl.load_workbook(source)
    data = book["_data"]
    first = next(r for r in range(2, data.max_row + 1) if data.cell(r, 2).value == "commune")
    data.delete_rows(first)
    book.save(folder / "thieu.xlsx")
    result = consolidate(folder, clock=NOW)
    reasons = {r.path.name: (r.reason, r.detail) for r in result.rejected}
    assert {reasons[n][0] for n in ("chi-so-la.xlsx", "lien-ket.xlsx", "don-vi-la.xlsx", "thieu.xlsx")} == {"bad_data"}
    assert "members.bi_mat" in reasons["chi-so-la.xlsx"][1] and "commune ∅" in reasons["thieu.xlsx"][1]
    out = tmp_path / "tong-hop.xlsx"
    code, stdout, _ = cli("consolidate", folder, "--out", out)
    assert code == 1 and "4 tệp bị từ chối" in stdout  # the summary of the good ones is written all the same
    written = openpyxl.load_workbook(out)
    texts = {str(c.value) for ws in written.worksheets if ws.title != "Rejected" for row in ws.iter_rows()
             for c in row if c.value is not None}
    assert not any("HYPERLINK" in t or "cmd|" in t for t in texts)  # only the refusals' sheet names the files


def test_a_report_from_the_future_or_from_before_its_period_is_refused(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    source = demo_reports[(HANOI[0], "2026-11")]
    _altered(source, folder / "ngay-mai.xlsx", meta={"generated_at": "2026-11-25T09:00:00+07:00"}, resealed=True)
    _altered(source, folder / "som.xlsx", meta={"generated_at": "2026-10-20T09:00:00+07:00"}, resealed=True)
    result = consolidate(folder, clock=NOW)
    reasons = {r.path.name: r.reason for r in result.rejected}
    assert reasons == {"ngay-mai.xlsx": "from_the_future", "som.xlsx": "before_its_period"}
    words = result.describe(next(r for r in result.rejected if r.reason == "from_the_future"), "vi")
    assert "25/11/2026 09:00" in words


def test_a_report_relabelled_to_another_commune_or_period_fails_its_checksum(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    source = demo_reports[(HANOI[0], "2026-11")]
    _altered(source, folder / "xa-khac.xlsx", meta={"commune_code": "00277", "commune_name": "Phường Bạch Mai"})
    _altered(source, folder / "ky-khac.xlsx", meta={"period": "2026-10"})
    _altered(source, folder / "khong-mau.xlsx", meta={"demo": "false", "export_id": "x"})
    result = consolidate(folder, clock=NOW)
    assert {r.path.name: r.reason for r in result.rejected} == {
        "xa-khac.xlsx": "bad_checksum", "ky-khac.xlsx": "bad_checksum", "khong-mau.xlsx": "bad_checksum"}
    assert sorted(k.commune.code for k in result.kept) == sorted(HANOI[1:])


def test_a_printed_figure_changed_by_hand_is_refused_naming_the_cell(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    source = demo_reports[(HANOI[0], "2026-11")]
    sheet = openpyxl.load_workbook(source)["Tổng hợp"]
    total = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Tổng cộng toàn phường")  # Ba Đình is a phường
    printed = sheet.cell(total, 3).value  # the commune's members, column C
    _altered(source, folder / "tong-dep.xlsx", printed={f"C{total}": printed + 100})
    _altered(source, folder / "hoi-dep.xlsx", printed={f"D{total - 3}": "nhiều"})
    _altered(source, folder / "mat-dong.xlsx", printed={f"A{total}": "Cộng"})
    result = consolidate(folder, clock=NOW)
    reasons = {r.path.name: (r.reason, r.detail) for r in result.rejected}
    assert reasons["tong-dep.xlsx"] == ("printed_summary", f"Tổng hợp!C{total}: {printed + 100} ≠ {printed}")
    assert reasons["hoi-dep.xlsx"][0] == "printed_summary" and f"D{total - 3}: nhiều ≠" in reasons["hoi-dep.xlsx"][1]
    assert reasons["mat-dong.xlsx"][0] == "printed_summary"
    words = result.describe(next(r for r in result.rejected if r.path.name == "tong-dep.xlsx"), "vi")
    assert f"C{total}" in words and "bảng in đã bị sửa" in words


def test_a_demo_communes_report_is_refused(tmp_path, demo_reports):
    db = tmp_path / "mau.sqlite3"
    build_demo(db, people=120, seed=9, commune_code=HANOI[0], clock=FixedClock(MOMENT))  # marked, as always
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    with open_store(db, clock=FixedClock(MOMENT)) as store:
        export_report(store, parse_period("2026-11"), folder / "mau.xlsx")
    assert read_report(folder / "mau.xlsx").meta["demo"] == "true"
    result = consolidate(folder, clock=NOW)
    assert [(r.path.name, r.reason) for r in result.rejected] == [("mau.xlsx", "demo")]
    assert HANOI[0] in [c.code for c in result.missing]  # the demo does not stand in for the commune
    assert "dữ liệu mẫu" in result.describe(result.rejected[0], "vi")
    code, _, _ = cli("consolidate", folder, "--out", tmp_path / "tong-hop.xlsx")
    assert code == 1


def test_a_version_1_report_is_still_read(tmp_path, demo_reports):
    # written by Front Desk 0.1.0 (template version 1: the checksum covers _data alone, no demo flag)
    old = Path(__file__).parent / "fixtures" / "reports" / "v1-00277-2026-11.xlsx"
    report = read_report(old)
    assert report.meta["template_version"] == "1" and report.commune_code == "00277" and not report.demo
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI])
    shutil.copy(old, folder / old.name)
    result = consolidate(folder, clock=NOW)
    assert result.rejected == [] and "00277" in {k.commune.code for k in result.kept}
    _altered(old, folder / old.name, data={(3, 3): 7})
    assert [r.reason for r in consolidate(folder, clock=NOW).rejected] == ["bad_checksum"]


@pytest.mark.parametrize("key, value", [("commune_name", "Xã\nMới"), ("period", "2026\t-11"), ("demo", "có"),
                                        ("export_id", "x" * 300)])
def test_meta_values_that_no_writer_makes_are_refused(tmp_path, demo_reports, key, value):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI[1:]])
    _altered(demo_reports[(HANOI[0], "2026-11")], folder / "meta-la.xlsx", meta={key: value}, resealed=True)
    [refused] = consolidate(folder, clock=NOW).rejected
    assert (refused.reason, refused.detail.split(" =")[0]) == ("bad_meta", key)


def test_province_and_period_can_be_chosen(tmp_path, demo_reports):
    keys = [(c, p) for c in (*HANOI, HCMC) for p in ("2026-11", "2026-10")]
    folder = folder_with(tmp_path, demo_reports, keys)
    hcmc = consolidate(folder, clock=NOW, province_code="79", period="2026-10")
    assert [k.commune.code for k in hcmc.kept] == [HCMC]
    assert hcmc.period == "2026-10"
    assert {r.reason for r in hcmc.rejected} == {"other_province", "other_period"}
    assert len(hcmc.missing) == len(communes_of("79")) - 1
    # without options: the province most reports belong to; of equal counts, the later period
    default = consolidate(folder, clock=NOW)
    assert (default.province.code, default.period) == ("01", "2026-11")


def test_nothing_usable_is_one_clear_refusal(tmp_path):
    folder = tmp_path / "trong"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    with pytest.raises(FrontDeskError) as caught:
        consolidate(folder, clock=NOW)
    assert caught.value.code == "consolidate.nothing"
    with pytest.raises(FrontDeskError) as caught:
        consolidate(tmp_path / "khong-co", clock=NOW)
    assert caught.value.code == "consolidate.no_folder"


def test_a_hundred_reports(tmp_path, demo_reports):
    """100 report files of 100 communes of one province (copies of one
    report with _meta rewritten and the checksum made again) are all kept."""
    source = demo_reports[(HANOI[0], "2026-11")]
    folder = tmp_path / "tram"
    folder.mkdir()
    for commune in communes_of("01")[:100]:
        _altered(source, folder / f"bc-{commune.code}.xlsx", meta={"commune_code": commune.code,
                                                                   "commune_name": commune.name}, resealed=True)
    result = consolidate(folder, clock=NOW)
    assert len(result.kept) == 100 and not result.rejected
    assert len(result.missing) == len(communes_of("01")) - 100
    single = read_report(source).figures()[("members.total", "commune")]
    assert result.totals()[("members.total", "commune")] == 100 * single


def test_cli_consolidate(tmp_path, demo_reports):
    folder = folder_with(tmp_path, demo_reports, [(c, "2026-11") for c in HANOI] + [(HCMC, "2026-11")])
    out = tmp_path / "tong-hop.xlsx"
    code, stdout, err = cli("consolidate", str(folder), "--out", str(out))
    assert code == 0, err
    assert "3 đơn vị đã gửi" in stdout and "Hồ Chí Minh" in stdout and out.exists()
    code, stdout, err = cli("consolidate", str(folder), "--out", str(out), "--json", "--lang", "en")
    payload = json.loads(stdout)
    assert payload["province"] == "01" and payload["period"] == "2026-11"
    assert sorted(c["code"] for c in payload["communes"]) == sorted(HANOI)
    assert payload["rejected"][0]["reason"] == "other_province"
    assert payload["totals"]["members.total"]["commune"] > 0
    assert len(payload["missing"]) == len(communes_of("01")) - 3
    # the summary itself, written into the folder, is not read as a report next time
    inside = folder / "tong-hop.xlsx"
    assert cli("consolidate", str(folder), "--out", str(inside))[0] == 0
    code, stdout, err = cli("consolidate", str(folder), "--out", str(tmp_path / "lan-2.xlsx"), "--json")
    assert {r["file"] for r in json.loads(stdout)["rejected"]} == {
        demo_reports[(HCMC, "2026-11")].name, "tong-hop.xlsx"}
    # another province's report and last time's summary are left out, not refused: nothing is at fault
    assert code == 0 and not any(r["refused"] for r in json.loads(stdout)["rejected"])
    code, _, err = cli("consolidate", str(tmp_path / "khong-co"), "--out", str(out))
    assert code == 1 and "khong-co" in err
    code, _, err = cli("consolidate", str(folder), "--out", str(out), "--period", "2026-15")
    assert code == 1 and "2026-15" in err
    code, _, err = cli("consolidate", str(folder))
    assert code == 2
