"""Exports and the province's consolidation, beside bare writers and readers."""
from __future__ import annotations

import json
import os
import subprocess
import time
from datetime import date, datetime, timezone
from pathlib import Path

from export_roster import bare_openpyxl, bare_xlsxwriter, table_cells
from harness import Context, Figure, median
from national_reports import TEMPLATES, national_reports

TODAY = date(2026, 11, 22)
PROBE = Path(__file__).with_name("probe_consolidate.py")
ROOT = Path(__file__).resolve().parents[1]
NATIONAL_TIME, NATIONAL_MEMORY = 60.0, 200.0  # DESIGN.md: under 60 s, under 200 MB


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
               "≥ 2× faster than bare openpyxl write-only", ours * 2 <= openpyxl, detail),
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
    return [*_national(ctx), Figure(
        "consolidate", f"Consolidate {count} commune reports", median(ours), "s",
        "python-calamine only reading every sheet of the same files", median(bare), detail=(
            f"median of {ctx.rounds}; ours = every file's safety checks, _meta and _data read, checksums and "
            "the official list checked, newest per commune kept, missing communes found, the summary "
            "workbook written"),
    )]


def probe_consolidation(ctx: Context, folder: Path, summary: Path, *extra: str) -> dict:
    """Consolidate ``folder`` in a child process (probe_consolidate.py): its time and memory."""
    env = dict(os.environ, FRONTDESK_HOME=str(ctx.data / "home"))
    run = subprocess.run([ctx.python, str(PROBE), str(folder), str(summary), *extra], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=1800)
    if run.returncode != 0 or not run.stdout.strip():
        raise RuntimeError(f"probe_consolidate failed (exit {run.returncode}): {run.stderr[-2000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def _national(ctx: Context) -> list[Figure]:
    """Every commune of the country: 3,321 reports of 34 provinces in one folder,
    consolidated by one call, in a child process whose peak memory is read."""
    from app.reports.consolidation import READERS, READERS_FROM
    from app.spreadsheets.sandbox import FILES_PER_CHILD
    from app.text.admin_units import communes_of, provinces

    templates = 2 if ctx.quick else TEMPLATES
    folder, count = national_reports(ctx.data, 8 if ctx.quick else None, ctx.log, templates)
    at_once = min(READERS, os.cpu_count() or 1) if count >= READERS_FROM else 1
    summary = ctx.data / f"summary-national-{count}.xlsx"
    rounds = 1 if ctx.quick else 3
    runs = [probe_consolidation(ctx, folder, summary) for _ in range(rounds)]
    last = runs[-1]
    sizes = {p.code: len(communes_of(p.code)) for p in provinces()}
    kept, others = last["kept"], last["reasons"].get("other_province", 0)
    if kept + others != count or set(last["reasons"]) - {"other_province"}:
        raise RuntimeError(f"national consolidation: {kept} kept, {last['reasons']} of {count} files")
    if not ctx.quick and (kept != max(sizes.values()) or last["missing"]):
        raise RuntimeError(f"national consolidation kept {kept} of {last['province']}'s {sizes[last['province']]}")
    seconds = median([r["seconds"] for r in runs])
    peak = max(r["rss_mb"] for r in runs)
    readers = max((r["readers_mb"] or 0) for r in runs)
    title = f"Consolidate the reports of all {count:,} communes" if not ctx.quick else (
        f"Consolidate {count:,} commune reports of several provinces")
    spread = (f"one per commune of the official list, {len(sizes)} provinces" if not ctx.quick else
              f"the first commune of each of {count} provinces")
    how = (f"{count:,} report files ({spread}; made from "
           f"{min(count, templates)} real exports by the app's own report writer, only the commune's identity changed) in "
           "one folder, one call to consolidate (every file's safety checks in the sandboxed reader, _meta, _data, "
           "checksum, printed summary against _data, official list, dates) and the summary workbook written; the "
           f"summary holds the province with the most communes ({kept:,}), the other provinces' files are listed "
           "as such")
    return [
        Figure("national", title, seconds, "s", "", None, "< 60 s", seconds < NATIONAL_TIME,
               f"median of {rounds}, each in a fresh child process; {how}"),
        Figure("national_memory", f"Consolidate {count:,} commune reports: peak resident memory", peak, "MB",
               "the same process before it starts (Python and the modules loaded)",
               max(r["rss_before_mb"] for r in runs), "< 200 MB", peak < NATIONAL_MEMORY,
               f"peak resident set (VmHWM) of the consolidating process over {rounds} run(s); beside it "
               f"{at_once} sandboxed reader child(ren) at once, each at most {readers:.0f} MB (sampled from /proc), "
               f"so at most {peak + at_once * readers:.0f} MB together"),
        Figure("national_reader_memory", f"Consolidate {count:,} commune reports: each reader child's peak memory",
               readers, "MB", detail=f"{at_once} at once; a fresh child every {FILES_PER_CHILD} files"),
    ]
