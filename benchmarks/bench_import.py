"""Importing a roster, beside python-calamine and openpyxl only reading it."""
from __future__ import annotations

import time

from harness import Context, Figure, median
from import_roster import import_roster, read_calamine, read_openpyxl, stages, write_roster


def roster_file(ctx: Context):
    path = ctx.data / f"roster-{ctx.roster_rows}.xlsx"
    if not path.exists():
        ctx.log(f"  writing a {ctx.roster_rows:,}-row roster …")
        partial = path.with_suffix(".partial.xlsx")
        write_roster(partial, ctx.roster_rows)
        partial.replace(path)
    return path


def measure(ctx: Context) -> list[Figure]:
    path = roster_file(ctx)
    folder = ctx.data / "import"
    folder.mkdir(exist_ok=True)
    calamine, openpyxl, ours = [], [], []
    for _ in range(ctx.rounds):  # interleaved, so a busy moment hits all three
        t = time.perf_counter()
        read_calamine(path)
        calamine.append(time.perf_counter() - t)
        t = time.perf_counter()
        read_openpyxl(path)
        openpyxl.append(time.perf_counter() - t)
        times: dict[str, float] = {}
        inserted = import_roster(path, folder, times)  # a fresh commune first: not timed
        ours.append(times["plan_import"] + times["apply_import"])
    if inserted != ctx.roster_rows:
        raise RuntimeError(f"the import stored {inserted} of {ctx.roster_rows} rows")
    rows = f"{ctx.roster_rows:,}-row roster"
    detail = (f"median of {ctx.rounds}; a generated .xlsx with title rows, Excel and text dates, citizen IDs "
              "that lost their zeros, areas spelt four ways; ours = read with the safety checks, layout, every "
              "row validated, duplicates looked for, backup, one transaction into a fresh commune")
    parts = stages(path, folder)  # where the time goes, once, beside calamine's median read
    base = median(calamine)
    step = [
        ("import_sandboxed_read", "reading in the sandboxed child (safety checks, calamine, the answer sent back)",
         "read in the sandboxed child"),
        ("import_checks", "layout found and every row checked", None),
        ("import_write", "one transaction: people, search index, change log, indexes, commit", "write"),
    ]
    figures = []
    for key, words, part in step:
        value = parts[part] if part else parts["layout + records"] + parts["check rows"]
        figures.append(Figure(key, f"Import a {rows}, of which {words}", value, "s",
                              "python-calamine only reading it", base))
    return [
        Figure("import", f"Import a {rows}", median(ours), "s", "python-calamine only reading it",
               median(calamine), "≤ 2× calamine's read", median(ours) <= 2 * median(calamine), detail),
        Figure("import_openpyxl", f"Import a {rows}, against openpyxl", median(ours), "s",
               "openpyxl read-only only reading it", median(openpyxl)),
        *figures,
    ]
