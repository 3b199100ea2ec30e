"""The change log page: its first screen over a long history, and the next
page when the list is scrolled to its end (in this process, offscreen)."""
from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

from harness import Context, Figure, median


def _history_db(ctx: Context, changes: int) -> Path:
    """The demo commune with ``changes`` more change-log entries, written the
    way the app writes them (``store.log``): edits of people, new memberships,
    ended posts, spread over the commune's people."""
    from app.db.storage import open_store

    path = ctx.data / f"history-{ctx.people}-{changes}.sqlite3"
    if path.exists():
        return path
    ctx.log(f"  adding {changes:,} change-log entries to the demo commune …")
    partial = path.with_name(path.name + ".partial")
    shutil.copyfile(ctx.cache["demo_db"], partial)
    rng = random.Random(1)
    with open_store(partial) as store:
        people = [r[0] for r in store.conn.execute("SELECT id FROM person")]
        posts = [r[0] for r in store.conn.execute("SELECT id FROM appointment")] or [1]
        with store.transaction():
            for i in range(changes):
                person = rng.choice(people)
                if i % 3 == 0:
                    store.log("update", "person", person, {"phone": f"0912{i:06d}", "note": None},
                              {"phone": f"0987{i:06d}", "note": "đã gọi điện"})
                elif i % 3 == 1:
                    store.log("insert", "membership", None, None,
                              {"person_id": person, "organization_id": 2, "joined_on": "2020-01-05"})
                else:
                    store.log("update", "appointment", rng.choice(posts), {"end_on": None}, {"end_on": "2026-01-01"})
    partial.replace(path)
    return path


def first_paint(ctx: Context) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.db.storage import open_store
    from ui.pages.changes import ChangesPage
    from ui.runtime.runner import ImmediateRunner
    from ui.runtime.translations import install_translations

    changes = 2_000 if ctx.quick else 100_000
    app = QApplication.instance() or QApplication([])
    install_translations(app, "vi")
    store = open_store(_history_db(ctx, changes))
    total = store.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    first, bare, scrolled = [], [], []
    for _ in range(ctx.rounds + 4):
        started = time.perf_counter()
        store.conn.execute("SELECT * FROM change_log ORDER BY id DESC LIMIT 100").fetchall()
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        page = ChangesPage(store, ImmediateRunner(store), "vi")
        page.resize(1280, 700)
        page.show()
        page.table.doItemsLayout()
        page.repaint()  # painted before the idle work (the count, the filter's choices) runs
        first.append(time.perf_counter() - started)
        app.processEvents()
        started = time.perf_counter()
        page.table.scrollToBottom()  # the view asks the model for the next page
        page.table.viewport().repaint()
        scrolled.append(time.perf_counter() - started)
        page.close()
        page.deleteLater()
        app.processEvents()
    store.close()
    return [
        Figure("changes_first_paint", f"Change log: first screen painted ({total:,} changes)", median(first) * 1000,
               "ms", "the bare query of its first 100 entries", median(bare) * 1000, "≤ 100 ms",
               median(first) * 1000 <= 100,
               f"median of {len(first)}: the page built, its newest 100 entries read and put into words (names "
               "looked up), painted; who made changes and the count follow when the window is idle"),
        Figure("changes_scroll", "Change log: next 200 entries when scrolled to the end", median(scrolled) * 1000,
               "ms", "", None, "", None, f"median of {len(scrolled)}"),
    ]
