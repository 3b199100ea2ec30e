"""How long finding the layout and walking the rows of a big roster takes,
beside python-calamine reading the same file.

    .venv/bin/python benchmarks/roster_records.py [--rows 50000] [--rounds 5]

Writes a roster of N people (title rows, a two-row Nam / Nữ header, mixed
cell types, a footer) to a temporary .xlsx, then times, as medians: calamine
reading the sheet; ``detect_layout``; ``records`` over every row. The layout
work should be a small fraction of the read (the import as a whole must stay
within 2x the read; see issue 4).
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path


@dataclass
class _Sheet:
    name: str
    rows: list
    merged: list


def write_roster(path: Path, count: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(4)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["ỦY BAN MTTQ VIỆT NAM XÃ PHÚ LỘC"])
    ws.append(["DANH SÁCH HỘI VIÊN"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Số CCCD", "Số điện thoại", "Thôn", "Ghi chú"])
    ws.append([None, None, "Nam", "Nữ"])
    for n in range(1, count + 1):
        year = rng.randint(1940, 2005)
        male = rng.random() < 0.5
        name = rng.choice(["Nguyễn Văn", "Trần Thị", "Lê Văn", "Phạm Thị", "NGUYỄN THỊ"]) + f" {rng.choice('ABCDH')}"
        born = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        ws.append([
            n, name, year if male else None, None if male else born, "Kinh",
            rng.randrange(10**10, 10**11) if rng.random() < 0.5 else f"0{rng.randrange(10**10, 10**11)}",
            rng.randrange(300000000, 999999999), f"Thôn {rng.randint(1, 9)}", None,
        ])
    ws.append([None, f"Tổng cộng: {count} hội viên"])
    ws.append([None, "Người lập biểu"])
    wb.save(path)


def read_sheet(path: Path) -> _Sheet:
    from python_calamine import CalamineWorkbook

    found = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows = found.to_python(skip_empty_area=False)
    merged = [(a[0], a[1], b[0], b[1]) for a, b in (found.merged_cell_ranges or [])]
    return _Sheet(found.name, rows, merged)


def median_ms(fn, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from app.importing.layout import detect_layout, records

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        write_roster(path, args.rows)
        read_ms, sheet = median_ms(lambda: read_sheet(path), args.rounds)
    detect_ms, layout = median_ms(lambda: detect_layout(sheet), args.rounds)
    walk_ms, found = median_ms(lambda: sum(1 for _ in records(sheet, layout)), args.rounds)
    assert found == args.rows, found
    print(f"{args.rows} rows, median of {args.rounds}")
    print(f"calamine read:      {read_ms:8.1f} ms")
    print(f"detect_layout:      {detect_ms:8.1f} ms")
    print(f"records (all rows): {walk_ms:8.1f} ms  ({walk_ms / read_ms:.2f} x the read)")


if __name__ == "__main__":
    main()
