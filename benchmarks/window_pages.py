"""How long each page of the window takes to refresh and paint.

    .venv/bin/frontdesk demo --people 100000 --seed 1 --db /tmp/big.sqlite3
    .venv/bin/python benchmarks/window_pages.py --db /tmp/big.sqlite3

Prints the time to build and show the main window, then for each page the
median of several refresh + repaint rounds. A first piece of the harness of
issue 9, which will put these beside their baselines.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.db.storage import open_store
    from ui.main_window import MainWindow
    from ui.runtime.runner import ImmediateRunner
    from ui.runtime.translations import install_translations

    app = QApplication([])
    install_translations(app, "vi")
    store = open_store(args.db)
    started = time.perf_counter()
    window = MainWindow(store, runner=ImmediateRunner(store))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    print(f"main window built and shown: {(time.perf_counter() - started) * 1000:.0f} ms")
    for key, page in window.pages.items():
        window.show_page(key)
        app.processEvents()
        rounds = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            page.refresh()
            window.repaint()
            app.processEvents()
            rounds.append((time.perf_counter() - started) * 1000)
        print(f"{key:>14}: refresh + paint, median {statistics.median(rounds):.0f} ms over {args.rounds}")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
