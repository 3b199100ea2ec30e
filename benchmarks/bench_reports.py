"""Exports and the province's consolidation, beside bare writers and readers."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone
from pathlib import Path

from export_roster import bare_openpyxl, bare_xlsxwriter, table_cells
from harness import Context, Figure, median

TODAY = date(2026, 11, 22)


def export(ctx: Context) -> list[Figure]:
    """The members export of the demo commune vs bare writers of the same cells."""
    from app.clock import FixedClock
    from app.db.storage import open_store
    from app.reports.member_list import export_members

    folder = ctx.data / "export"
    folder.mkdir(exist_ok=True)
    store = open_store(ctx.cache["roster_db"], clock=FixedClock(TODAY))
    try:
        first = export_members(store, folder / "roster.xlsx")
        cells = table_cells(first.path)
        runs = {
            "ours": lambda: export_members(store, folder / "ours.xlsx"),
            "openpyxl": lambda: bare_openpyxl(cells, folder / "openpyxl.xlsx"),
            "xlsxwriter": lambda: bare_xlsxwriter(cells, folder / "xlsxwriter.xlsx"),
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(ctx.rounds):  # interleaved, so a busy moment hits all three
            for name, run in runs.items():
                started = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - started)
    finally:
        store.close()
    ours, openpyxl, xlsxwriter = (median(times[k]) for k in ("ours", "openpyxl", "xlsxwriter"))
    title = f"Export a {first.rows:,}-row roster"
    detail = (f"median of {ctx.rounds}, interleaved; ours = the query, Vietnamese order, masked IDs, letterhead, "
              "borders and formats, written atomically; the baselines write the same cells with no formats")
    return [
        Figure("export", title, ours, "s", "bare openpyxl write-only, same cells", openpyxl,
               "≤ 1× bare openpyxl write-only", ours <= openpyxl, detail),
        Figure("export_xlsxwriter", f"{title}, against xlsxwriter", ours, "s",
               "bare xlsxwriter constant_memory, same cells", xlsxwriter),
    ]


def _reports(ctx: Context, count: int) -> Path:
    """``count`` report files of as many demo communes of Hà Nội, made once and kept."""
    from app.clock import FixedClock
    from app.db.storage import open_store
    from app.demo.builder import build_demo
    from app.reports.province_report import export_report
    from app.text.admin_units import communes_of
    from app.text.periods import parse_period

    folder = ctx.data / f"reports-{count}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(exist_ok=True)
    communes = folder / "communes"
    communes.mkdir(exist_ok=True)
    ctx.log(f"  making {count} commune reports …")
    clock = FixedClock(datetime(2026, 12, 2, 9, 0))
    for seed, commune in enumerate(communes_of("01")[:count], start=1):
        db = communes / f"{commune.code}.sqlite3"
        if not db.exists():
            build_demo(db, people=300, seed=seed, commune_code=commune.code, clock=clock, marked=False)
        with open_store(db, clock=clock) as store:
            export_report(store, parse_period("2026-11", today=clock.today()), folder / f"bc-{commune.code}.xlsx")
    done.write_text("")
    return folder


def consolidation(ctx: Context) -> list[Figure]:
    from python_calamine import CalamineWorkbook

    from app.clock import FixedClock
    from app.reports.consolidation import consolidate
    from app.reports.consolidation_workbook import write_summary

    count = 5 if ctx.quick else 100
    folder = _reports(ctx, count)
    files = sorted(folder.glob("bc-*.xlsx"))
    summary = ctx.data / f"summary-{count}.xlsx"

    def read_all() -> None:
        for path in files:
            book = CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python()

    ours, bare = [], []
    province_day = FixedClock(datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc))  # after the exports, on any date
    for _ in range(ctx.rounds):
        started = time.perf_counter()
        result = consolidate(folder, clock=province_day)
        write_summary(result, summary, now=province_day.now())
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        read_all()
        bare.append(time.perf_counter() - started)
    if len(result.kept) != count:
        raise RuntimeError(f"consolidation kept {len(result.kept)} of {count} reports: {result.rejected[:3]}")
    return [Figure(
        "consolidate", f"Consolidate {count} commune reports", median(ours), "s",
        "python-calamine only reading every sheet of the same files", median(bare), detail=(
            f"median of {ctx.rounds}; ours = every file's safety checks, _meta and _data read, checksums and "
            "the official list checked, newest per commune kept, missing communes found, the summary "
            "workbook written"),
    )]
