"""The public list of the fund for posting (công khai): what came in and went
out in the period, with the balances, and never a citizen ID."""
from __future__ import annotations

import json

import openpyxl

from app.domain.fund import record_receipt, record_spending
from app.reports.fund_public import without_ids
from tests.helpers import cli


def test_ids_typed_into_names_are_masked():
    assert without_ids("Hộ ông Nguyễn Văn A (CCCD 001090012345)") == "Hộ ông Nguyễn Văn A (CCCD *********345)"
    assert without_ids("Bà B, CMND 012 345 678") == "Bà B, CMND ******678"
    assert without_ids("PC-012/2026, 25.000.000") == "PC-012/2026, 25.000.000"  # short runs, amounts: left
    assert without_ids(None) == ""


def test_the_public_list_of_a_month(store, tmp_path):
    record_receipt(store, on="01/09/2026", amount=100_000_000, party="Doanh nghiệp A")
    record_receipt(store, on="05/10/2026", amount=20_000_000, party="Cán bộ, công chức xã",
                   document_number="PT-015")
    record_spending(store, on="10/10/2026", amount=30_000_000, purpose="repair-house",
                    party="Hộ bà Lò Thị E, CCCD 011185001234", document_number="PC-007")
    record_spending(store, on="15/10/2026", amount=5_000_000, purpose="health", party="Hộ ông G")
    record_spending(store, on="02/11/2026", amount=1_000_000, purpose="support", party="Hộ ông K")  # next month
    db = str(store.path)
    store.close()
    out = tmp_path / "cong-khai.xlsx"
    code, stdout, err = cli("fund", "public", "--period", "10/2026", "--out", str(out), "--db", db, "--json")
    assert code == 0, err
    assert json.loads(stdout) == {"path": str(out), "receipts": 1, "spendings": 2, "opening": 100_000_000,
                                  "closing": 85_000_000}
    sheet = openpyxl.load_workbook(out).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    text = "\n".join(str(c) for c in cells)
    assert "CÔNG KHAI THU, CHI QUỸ “VÌ NGƯỜI NGHÈO”" in text and "Số dư đầu kỳ: 100.000.000 đồng" in text
    assert "Hộ bà Lò Thị E, CCCD *********234" in text and "011185001234" not in text
    assert "Sửa nhà" in text and "Y tế" in text and "Hộ ông K" not in text  # November's is not October's
    assert 30_000_000 in cells and 35_000_000 in cells  # a spending, and the spendings' total
    assert "số dư cuối kỳ: 85.000.000 đồng" in text and "TM. BAN THƯỜNG TRỰC" in text
    code, stdout, _ = cli("fund", "public", "--period", "10/2026", "--out", str(tmp_path / "b.xlsx"), "--db", db)
    assert code == 0 and "không có số CCCD" in stdout
