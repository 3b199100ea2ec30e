"""Importing a 50,000-row roster, side by side with only reading the file.

    .venv/bin/python benchmarks/import_roster.py [--rows 50000] [--rounds 3] [--profile]

Writes a realistic roster (title rows, a header, Excel date cells next to
text dates and bare years, citizen IDs stored as numbers that lost their
leading zeros, phones as text and as numbers, area names spelt several ways)
with openpyxl's write-only mode, then times in one run, best of ``--rounds``:

- python-calamine reading the sheet into Python values, and nothing else;
- openpyxl in read-only mode doing the same;
- ``plan_import`` + ``apply_import`` into a fresh commune database, with
  where its time goes (reading, layout, checking, writing);

and prints the ratio import / calamine. DESIGN.md's target: at most 2x.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.demo.names import (  # noqa: E402
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_FEMALE_OLD,
    MIDDLE_MALE,
    MIDDLE_MALE_OLD,
    SURNAMES,
)

AREAS = 12
TODAY = date(2026, 11, 22)
HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Tôn giáo", "Số CCCD", "Số điện thoại",
          "Thôn", "Ghi chú"]


def _pick(rng: random.Random, weighted: list[tuple[str, float]]) -> str:
    return rng.choices([w for w, _ in weighted], [p for _, p in weighted])[0]


def roster_rows(count: int, seed: int = 1):
    """Rows as a commune office types them, mistakes of Excel included."""
    rng = random.Random(seed)
    surnames = [(s, w) for s, w in SURNAMES]
    for n in range(1, count + 1):
        female = rng.random() < 0.52
        born = date(rng.randint(1935, 2007), rng.randint(1, 12), rng.randint(1, 28))
        old = born.year < 1975
        middle = _pick(rng, (MIDDLE_FEMALE_OLD if old else MIDDLE_FEMALE) if female else
                       (MIDDLE_MALE_OLD if old else MIDDLE_MALE))
        given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
        name = f"{_pick(rng, surnames)} {middle} {given}"
        if rng.random() < 0.05:
            name = name.upper()
        style = rng.random()
        if style < 0.5:
            birth = datetime(born.year, born.month, born.day)  # an Excel date cell
        elif style < 0.85:
            birth = f"{born.day:02d}/{born.month:02d}/{born.year}"
        else:
            birth = born.year  # only the year is known
        century = (born.year // 100 - 19) * 2 + (1 if female else 0)
        cid = f"{rng.choice(['001', '030', '036', '038', '079']):s}{century}{born.year % 100:02d}{n:06d}"
        cid_cell = int(cid) if rng.random() < 0.4 else cid  # a number cell drops the leading zeros
        phone = f"09{rng.randint(10_000_000, 99_999_999)}"
        phone_cell = int(phone) if rng.random() < 0.2 else phone
        area = rng.randint(1, AREAS)
        area_cell = rng.choice([f"Thôn {area}", f"thôn {area}", f"THÔN {area:02d}", str(area)])
        religion = rng.choice(["Không", "Không", "Không", "Phật giáo", "Công giáo", ""])
        yield [n, name, "Nữ" if female else "Nam", birth, "Kinh", religion, cid_cell, phone_cell, area_cell,
               "" if rng.random() < 0.9 else "Chuyển đến năm 2020"]


def write_roster(path: Path, count: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["ỦY BAN MTTQ VIỆT NAM PHƯỜNG BA ĐÌNH"])
    ws.append(["DANH SÁCH HỘI VIÊN NĂM 2026"])
    ws.append([])
    ws.append(HEADER)
    for row in roster_rows(count):
        ws.append(row)
    ws.append([])
    ws.append(["", "Người lập biểu", "", "", "", "", "", "TM. BAN THƯỜNG TRỰC"])
    wb.save(path)


def read_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return len(rows)


def read_openpyxl(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return count


def fresh_store(folder: Path):
    from app.clock import FixedClock
    from app.domain.commune import create_commune_database
    from app.domain.organizations import add_residential_area

    for name in ("commune.sqlite3", "commune.sqlite3-wal", "commune.sqlite3-shm"):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "commune-backups", ignore_errors=True)
    store = create_commune_database(folder / "commune.sqlite3", "00004", clock=FixedClock(TODAY), actor="bench")
    for n in range(1, AREAS + 1):
        add_residential_area(store, f"Thôn {n}")
    return store


def import_roster(path: Path, folder: Path, times: dict[str, float]) -> int:
    from app.importing.plan import apply_import, plan_import

    store = fresh_store(folder)
    try:
        started = time.perf_counter()
        plan = plan_import(store, path)
        planned = time.perf_counter()
        result = apply_import(store, plan)
        done = time.perf_counter()
    finally:
        store.close()
    times["plan_import"] = planned - started
    times["apply_import"] = done - planned
    if plan.invalid():
        first = plan.invalid()[0].problems[0]
        print(f"  note: {len(plan.invalid())} invalid rows, e.g. {first.message('en')}")
    return result.inserted


def stages(path: Path, folder: Path, *, compare: bool = False) -> dict[str, float]:
    """Where the import's time goes, step by step (same work as import_roster);
    ``compare``: also the people written by the core's slower add_people_bulk."""
    from app.importing.layout import best_sheet, detect_layout, records
    from app.importing.plan import apply_import, plan_records
    from app.spreadsheets.reading import read_workbook

    from app.spreadsheets.sandbox import read_untrusted

    store = fresh_store(folder)
    try:
        t = time.perf_counter()
        read_untrusted(path)
        sandboxed = time.perf_counter() - t
        t0 = time.perf_counter()
        sheets = read_workbook(path)
        t1 = time.perf_counter()
        sheet = best_sheet(sheets, path=path)
        layout = detect_layout(sheet, path=path)
        raw = list(records(sheet, layout))
        t2 = time.perf_counter()
        plan = plan_records(store, raw, path=path, sheet=sheet.name, layout=layout)
        t3 = time.perf_counter()
        apply_import(store, plan)
        t4 = time.perf_counter()
    finally:
        store.close()
    times = {"read in the sandboxed child": sandboxed, "read_workbook": t1 - t0, "layout + records": t2 - t1,
             "check rows": t3 - t2, "write": t4 - t3}
    if not compare:
        return times
    # The same people through the core's add_people_bulk, for comparison with
    # app.domain.bulk_people (which the import uses).
    from app.domain.bulk_people import insert_people
    from app.domain.people import add_people_bulk

    values = [r.values for r in plan.rows if not r.problems and r.duplicate is None]
    for name, writer in (("insert_people", insert_people), ("add_people_bulk", add_people_bulk)):
        store = fresh_store(folder)
        try:
            t = time.perf_counter()
            with store.transaction():
                writer(store, values)
            times[f"people written by {name}"] = time.perf_counter() - t
        finally:
            store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="profile one import, print the top functions")
    parser.add_argument("--keep", type=Path, help="write the roster here and keep it")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="frontdesk-import-bench-"))
    os.environ["FRONTDESK_HOME"] = str(folder / "home")
    roster = args.keep or folder / "roster.xlsx"
    started = time.perf_counter()
    write_roster(roster, args.rows)
    print(f"roster: {args.rows} rows, {roster.stat().st_size / 1e6:.1f} MB, written in "
          f"{time.perf_counter() - started:.1f} s ({roster})")

    best: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, seconds), seconds)

    for _ in range(args.rounds):
        t = time.perf_counter()
        read_calamine(roster)
        keep("calamine read", time.perf_counter() - t)
        t = time.perf_counter()
        read_openpyxl(roster)
        keep("openpyxl read-only read", time.perf_counter() - t)
        times: dict[str, float] = {}
        inserted = import_roster(roster, folder, times)  # the fresh commune it makes first is not timed
        keep("import (plan + apply)", times["plan_import"] + times["apply_import"])
        for name, seconds in times.items():
            keep(f"  {name}", seconds)
        for name, seconds in stages(roster, folder, compare=True).items():
            keep(f"  stage: {name}", seconds)
    print(f"imported {inserted} people; best of {args.rounds} rounds:")
    for name, seconds in best.items():
        print(f"{name:<32} {seconds:7.3f} s")
    ratio = best["import (plan + apply)"] / best["calamine read"]
    print(f"import / calamine read: {ratio:.2f}x (target: at most 2x)")
    print(f"openpyxl / calamine read: {best['openpyxl read-only read'] / best['calamine read']:.2f}x")

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        import_roster(roster, folder, {})
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
