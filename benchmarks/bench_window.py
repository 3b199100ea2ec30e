"""The window: start-up and memory (child processes), the people list's first
paint and search as you type (in this process, offscreen)."""
from __future__ import annotations

import json
import os
import random
import subprocess
import time
from pathlib import Path

from harness import Context, Figure, median, p95

PROBE = Path(__file__).with_name("probe_window.py")
ROOT = Path(__file__).resolve().parents[1]


def child_env(ctx: Context) -> dict[str, str]:
    """The children run from compiled bytecode, as an installed app does (the
    bundle ships .pyc files): compiled once into --data, not beside the source.
    A shell with PYTHONDONTWRITEBYTECODE set would otherwise measure Python
    compiling every module at every start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_HOME=str(ctx.data / "home"),
               PYTHONPYCACHEPREFIX=str(ctx.data / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _probe(ctx: Context, *args: str) -> tuple[list[float], list[dict]]:
    """Seconds from starting the child to each line it printed, and the lines."""
    started = time.perf_counter()
    child = subprocess.Popen([ctx.python, str(PROBE), *args], cwd=ROOT, env=child_env(ctx),
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    times, lines = [], []
    for line in child.stdout:
        times.append(time.perf_counter() - started)
        lines.append(json.loads(line))
    child.stdout.close()
    child.wait(timeout=120)
    if not lines:
        raise RuntimeError(f"probe {' '.join(args)} said nothing (exit {child.returncode})")
    return times, lines


def startup(ctx: Context) -> list[Figure]:
    db = str(ctx.cache["demo_db"])
    bare, frame, filled = [], [], []
    _probe(ctx, "bare")  # the first starts also compile and warm the disk cache: not counted
    _probe(ctx, "app", "--db", db)
    for _ in range(ctx.rounds + 2):  # alternate, so a busy moment hits both sides
        bare.append(_probe(ctx, "bare")[0][0])
        times, _lines = _probe(ctx, "app", "--db", db)
        frame.append(times[0])
        filled.append(times[1])
    ours, base = median(frame) * 1000, median(bare) * 1000
    how = (f"median of {len(frame)} starts each, alternating, offscreen, from compiled bytecode; from starting the "
           "process to the window painted (Python and Qt start-up included on both sides); ours takes the "
           "one-instance lock, opens the database and builds the window as the app does")
    return [
        Figure("startup", f"Start to a usable main window ({ctx.people:,} people)", ours, "ms",
               "bare PySide6 window with one label", base, "≤ 1.5× the bare window", ours <= 1.5 * base,
               how + "; the overview's cards show “…” until their figures follow"),
        Figure("startup_filled", "Start to the overview's figures painted", median(filled) * 1000, "ms",
               "bare PySide6 window with one label", base),
    ]


def memory(ctx: Context) -> list[Figure]:
    db = str(ctx.cache["demo_db"])
    used = _probe(ctx, "memory", "--db", db)[1][-1]
    bare = _probe(ctx, "bare")[1][-1]
    if used.get("rss_mb") is None:
        return []
    return [Figure(
        "memory", f"Peak resident memory, people page used ({ctx.people:,} people)", used["rss_mb"], "MB",
        "bare PySide6 window", bare["rss_mb"], "< 200 MB", used["rss_mb"] < 200,
        "the main window opened on the demo database, the people page shown, scrolled to the last row, "
        "eight searches typed, scrolled back; peak resident set (VmHWM)",
    )]


def _queries(store, count: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """What people type, key by key: a real name, with and without accents."""
    from app.text.vietnamese import fold

    names = [r[0] for r in store.conn.execute("SELECT full_name FROM person ORDER BY random() LIMIT 400")]
    rng = random.Random(seed)
    plain, accented = [], []
    for name in rng.sample(names, min(count, len(names))):
        for typed, out in ((fold(name).lower(), plain), (name, accented)):
            out.extend(typed[:n] for n in range(2, len(typed) + 1, 2))
    return plain, accented


def lists(ctx: Context) -> list[Figure]:
    """First paint of the people list, and search as you type through the page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.db.storage import open_store
    from app.domain.search import fts_query
    from ui.pages.people import PeoplePage
    from ui.runtime.runner import ImmediateRunner
    from ui.runtime.translations import install_translations

    app = QApplication.instance() or QApplication([])
    install_translations(app, "vi")
    store = open_store(ctx.cache["demo_db"])
    page = PeoplePage(store, ImmediateRunner(store), "vi")
    page.resize(1280, 700)
    page.show()
    app.processEvents()

    def answer() -> tuple[float, float]:
        """Seconds to the first screen painted, and to the whole list read."""
        started = time.perf_counter()
        page.refresh()
        page.table.doItemsLayout()  # the layout the view would do on its next turn
        page.table.viewport().repaint()
        first = time.perf_counter() - started
        while page._rest_timer.isActive() or page._rest_of_list is not None:
            app.processEvents()
        return first, time.perf_counter() - started

    def typed(text: str) -> None:
        page.search.blockSignals(True)  # the page's own typing delay is not measured
        page.search.setText(text)
        page.search.blockSignals(False)

    first, whole = [], []
    for _ in range(ctx.rounds + 4):
        page.model.set_ids([])
        app.processEvents()
        a, b = answer()
        first.append(a)
        whole.append(b)

    plain, accented = _queries(store, 6 if ctx.quick else 30)
    rows = page.model.rowCount()
    figures = [
        Figure("first_paint", f"People list: first screen painted ({rows:,} rows)",
               median(first) * 1000, "ms", "", None, "≤ 100 ms", median(first) * 1000 <= 100,
               f"median of {len(first)}: the page's first screen read and painted; the whole list "
               f"({rows:,} ids in roster order) follows when the window is idle"),
        Figure("whole_list", f"People list: all {rows:,} rows ready to scroll", median(whole) * 1000, "ms"),
    ]
    for label, queries in (("without diacritics", plain), ("with diacritics", accented)):
        ours, bare, done = [], [], []
        for text in queries:
            match = fts_query(text)
            started = time.perf_counter()
            if match is not None:
                store.conn.execute("SELECT rowid FROM person_search WHERE person_search MATCH ?", (match,)).fetchall()
            bare.append(time.perf_counter() - started)
            typed(text)
            a, b = answer()
            ours.append(a)
            done.append(b)
        key = label.split()[0]
        figures.append(Figure(
            f"search_{key}", f"Search as you type, {label}: median", median(ours) * 1000, "ms",
            "the bare FTS5 query it runs", median(bare) * 1000, "≤ 10 ms (median)", median(ours) * 1000 <= 10,
            f"{len(queries)} partial queries (a real name typed two keys at a time); ours = from the query to "
            "its first screen painted (the rest of the list follows when the window is idle)",
        ))
        figures.append(Figure(
            f"search_{key}_p95", f"Search as you type, {label}: 95th percentile", p95(ours) * 1000,
            "ms", "the bare FTS5 query", p95(bare) * 1000,
        ))
        figures.append(Figure(
            f"search_{key}_whole", f"Search as you type, {label}: whole list ready (median)", median(done) * 1000,
            "ms", "the bare FTS5 query", median(bare) * 1000,
        ))
    figures.append(_bare_table_paint(ctx, page, app))
    page.close()
    store.close()
    return figures


def _bare_table_paint(ctx: Context, page, app) -> Figure:
    """The floor under a search's first screen: Qt painting the same texts, in a
    view of the same size, from a plain QStandardItemModel (no Python asked)."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    page.search.blockSignals(True)  # the page's own typing delay would fire later, after the store is closed
    page.search.setText("")  # a full screen: the roster's first rows, as read for a search's first screen
    page.search.blockSignals(False)
    page.refresh()
    app.processEvents()
    model = page.model
    rows = min(model.rowCount(), 100)
    columns = model.columnCount()
    bare_model = QStandardItemModel(rows, columns)
    for r in range(rows):
        for c in range(columns):
            bare_model.setItem(r, c, QStandardItem(model.data(model.index(r, c)) or ""))
    view = QTableView()
    view.setModel(bare_model)
    view.resize(page.table.size())
    view.show()
    app.processEvents()
    ids = model.ids()[:100]
    ours, bare = [], []
    for _ in range(9 if ctx.quick else 41):  # interleaved: the same screen, ours (rows read again) and the bare one
        model.set_ids(ids)  # as after a search: nothing cached, the rows on screen read and put into words
        page.table.doItemsLayout()
        started = time.perf_counter()
        page.table.viewport().repaint()
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        view.viewport().repaint()
        bare.append(time.perf_counter() - started)
    view.close()
    return Figure("search_paint", "Search as you type: painting a screen of 100 people after a search, median",
                  median(ours) * 1000, "ms", "a bare QTableView painting the same texts", median(bare) * 1000,
                  detail="the part of a search's first screen after the query: ours reads the rows on screen "
                         "(one SQL query), puts them into words and paints; the bare view has the texts already "
                         "and asks no Python")
