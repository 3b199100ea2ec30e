"""Exporting a 50,000-person roster, side by side with bare writers of the same cells.

    .venv/bin/python benchmarks/export_roster.py [--people 50000] [--rounds 5] [--db PATH]

Builds a demo commune (``frontdesk demo --people N``; or uses ``--db``),
exports its roster once and reads the table back, so the baselines write
exactly the cells the export wrote. Then, in one run, ``--rounds`` times
each, in turn:

- ``export_members``: the query, the rows, the letterhead, borders and
  formats, the atomic write (what ``frontdesk export members`` does);
- bare openpyxl write-only: ``ws.append`` of the same values, no formats;
- bare xlsxwriter ``constant_memory``: ``write_string``/``write_number`` of
  the same values, no formats.

Prints the medians and the ratios export / baseline. DESIGN.md's target:
the export at least twice as fast as bare openpyxl write-only (ratio <= 0.5).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.clock import FixedClock  # noqa: E402
from app.db.storage import open_store  # noqa: E402
from app.demo.builder import build_demo  # noqa: E402
from app.reports.member_list import export_members  # noqa: E402

TODAY = date(2026, 11, 22)


def table_cells(path: Path) -> list[list]:
    """The people's rows of an exported roster, as the baselines will write them."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    start = next(n for n, r in enumerate(rows) if r and r[0] == "STT") + 1
    cells = []
    for r in rows[start:]:
        if not isinstance(r[0], float):
            break
        cells.append([int(r[0])] + [v if v != "" else None for v in r[1:]])
    return cells


def bare_openpyxl(cells: list[list], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("Danh sách")
    for row in cells:
        ws.append(row)
    book.save(out)


def bare_xlsxwriter(cells: list[list], out: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False})
    ws = book.add_worksheet("Danh sách")
    for r, row in enumerate(cells):
        ws.write_number(r, 0, row[0])
        for c in range(1, len(row)):
            if row[c] is not None:
                ws.write_string(r, c, row[c])
    book.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing commune database (default: a new demo)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = args.db
        if db is None:
            db = folder / "demo.sqlite3"
            started = time.perf_counter()
            build_demo(db, people=args.people, seed=1, commune_code="00004", clock=FixedClock(TODAY))
            print(f"demo commune of {args.people:,} people built in {time.perf_counter() - started:.1f} s")
        store = open_store(db, clock=FixedClock(TODAY))
        first = export_members(store, folder / "roster.xlsx")
        cells = table_cells(first.path)
        values = sum(1 for row in cells for v in row if v is not None)
        print(f"{first.rows:,} rows, {values:,} non-empty cells, {len(cells[0])} columns; "
              f"{first.path.stat().st_size / 1e6:.1f} MB")
        runs = {
            "export_members": lambda n: export_members(store, folder / f"ours-{n}.xlsx"),
            "bare openpyxl write-only": lambda n: bare_openpyxl(cells, folder / f"openpyxl-{n}.xlsx"),
            "bare xlsxwriter constant_memory": lambda n: bare_xlsxwriter(cells, folder / f"xlsxwriter-{n}.xlsx"),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for n in range(args.rounds):  # interleaved, so a slow moment of the machine hits all three
            for name, run in runs.items():
                started = time.perf_counter()
                run(n)
                times[name].append(time.perf_counter() - started)
                (folder / f"{'ours' if name == 'export_members' else name.split()[1]}-{n}.xlsx").unlink(missing_ok=True)
        store.close()
    median = {name: statistics.median(t) for name, t in times.items()}
    for name, value in median.items():
        print(f"{name:<34} median {value:6.3f} s   (rounds: {', '.join(f'{t:.2f}' for t in times[name])})")
    ours = median["export_members"]
    print(f"export / bare openpyxl write-only:       {ours / median['bare openpyxl write-only']:.2f}x (target <= 0.5: at least 2x faster)")
    print(f"export / bare xlsxwriter constant_memory: {ours / median['bare xlsxwriter constant_memory']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
