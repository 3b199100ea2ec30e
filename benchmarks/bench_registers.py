"""The registers' lists (issue 19): a register of 10,000 petitions on the
Front's work page — its first screen painted, and search as you type in it —
beside the people list's first screen on the same database, in the same run
(in this process, offscreen)."""
from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

from harness import Context, Figure, median, p95


def _petitions_db(ctx: Context, wanted: int) -> Path:
    """The demo commune with its petitions copied until there are ``wanted``:
    the same texts, channels, areas and dates as the demo's own, so searches
    find what they would find in a real register of that size."""
    from app.db.storage import open_store

    path = ctx.data / f"petitions-{ctx.people}-{wanted}.sqlite3"
    if path.exists():
        return path
    ctx.log(f"  copying the demo's petitions up to {wanted:,} …")
    partial = path.with_name(path.name + ".partial")
    shutil.copyfile(ctx.cache["demo_db"], partial)
    with open_store(partial) as store:
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(petition)") if r[1] not in ("id", "task_id")]
        listed = ", ".join(columns)
        with store.transaction():
            while True:
                have = store.conn.execute("SELECT count(*) FROM petition").fetchone()[0]
                if have >= wanted:
                    break
                store.conn.execute(f"INSERT INTO petition ({listed}) SELECT {listed} FROM petition ORDER BY id"
                                   f" LIMIT {wanted - have}")
    partial.replace(path)
    return path


def _typed_searches(store, count: int, seed: int = 11) -> list[str]:
    """What people type into the petitions' search: a word or two of a
    petition's content or sender, without accents, two keys at a time."""
    rng = random.Random(seed)
    texts = [r[0] for r in store.conn.execute("SELECT search_text FROM petition ORDER BY random() LIMIT 200")]
    out: list[str] = []
    for text in rng.sample(texts, min(count, len(texts))):
        words = [w for w in text.split() if len(w) > 2 and w != "|"]
        if not words:
            continue
        start = rng.randrange(len(words))
        phrase = " ".join(words[start:start + 2])
        out.extend(phrase[:n] for n in range(2, len(phrase) + 1, 2))
    return out


def lists(ctx: Context) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.db.storage import open_store
    from app.domain.petitions import ORDER
    from ui.pages.people import PeoplePage
    from ui.pages.petitions_tab import PetitionsTab
    from ui.runtime.runner import ImmediateRunner
    from ui.runtime.translations import install_translations

    wanted = 1_000 if ctx.quick else 10_000
    app = QApplication.instance() or QApplication([])
    install_translations(app, "vi")
    store = open_store(_petitions_db(ctx, wanted))
    runner = ImmediateRunner(store)
    petitions = PetitionsTab(store, runner, "vi")
    petitions.showing.setCurrentIndex(petitions.showing.findData("all"))
    people = PeoplePage(store, runner, "vi")
    for page in (petitions, people):
        page.resize(1280, 700)
        page.show()
    app.processEvents()

    def first_screen(page) -> tuple[float, float]:
        """Seconds to the first screen painted, and to the whole list read."""
        started = time.perf_counter()
        page.refresh()
        page.table.doItemsLayout()
        page.table.viewport().repaint()
        first = time.perf_counter() - started
        while page._rest_timer.isActive() or page._rest_of_list:
            app.processEvents()
        return first, time.perf_counter() - started

    ours, base, whole = [], [], []
    for _ in range(ctx.rounds + 4):  # alternate, so a busy moment hits both sides
        petitions.model.set_ids([])
        people.model.set_ids([])
        app.processEvents()
        a, b = first_screen(petitions)
        ours.append(a)
        whole.append(b)
        base.append(first_screen(people)[0])
    rows = petitions.model.rowCount()
    figures = [
        Figure("petitions_first_paint", f"Petitions list: first screen painted ({rows:,} petitions)",
               median(ours) * 1000, "ms", f"the people list's first screen ({people.model.rowCount():,} people)",
               median(base) * 1000, "≤ 100 ms", median(ours) * 1000 <= 100,
               f"median of {len(ours)}, alternating with the people page on the same database; the whole list "
               "follows when the window is idle"),
        Figure("petitions_whole_list", f"Petitions list: all {rows:,} rows ready to scroll", median(whole) * 1000,
               "ms"),
    ]

    queries = _typed_searches(store, 6 if ctx.quick else 30)
    searched, bare = [], []
    for text in queries:
        words = text.split()
        started = time.perf_counter()
        store.conn.execute(
            f"SELECT p.id FROM petition p WHERE {' AND '.join('instr(p.search_text, ?) > 0' for _ in words)}"
            f" {ORDER} LIMIT 100", words).fetchall()
        bare.append(time.perf_counter() - started)
        petitions.search.blockSignals(True)  # the page's own typing delay is not measured
        petitions.search.setText(text)
        petitions.search.blockSignals(False)
        searched.append(first_screen(petitions)[0])
    figures += [
        Figure("petitions_search", "Petitions: search as you type, without diacritics (median)",
               median(searched) * 1000, "ms", "the bare SQL query it runs (first 100 ids)", median(bare) * 1000,
               "≤ 10 ms (median)", median(searched) * 1000 <= 10,
               f"{len(queries)} partial queries (a word or two of a petition, typed two keys at a time), in "
               f"{rows:,} petitions; from the query to its first screen painted"),
        Figure("petitions_search_p95", "Petitions: search as you type, 95th percentile", p95(searched) * 1000,
               "ms", "the bare SQL query", p95(bare) * 1000),
    ]
    for page in (petitions, people):
        page.close()
    store.close()
    return figures
