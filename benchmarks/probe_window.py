"""A child process for the harness: start a window, say "ready" once it is
painted, report the peak memory, leave.

    python benchmarks/probe_window.py bare            a bare PySide6 window with one label
    python benchmarks/probe_window.py app --db X      the Front Desk main window on database X
    python benchmarks/probe_window.py memory --db X   the main window, then the people page used:
                                                      scrolled to the end, searched, scrolled back

The parent times from starting this process to reading "ready", so Python's
and Qt's own start-up count on both sides. Prints one JSON line.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_rss_mb() -> float | None:
    # Linux: VmHWM is this program's own peak. ru_maxrss is not: it keeps the
    # peak of the process that forked us (the harness, with a 100k list loaded).
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def _ready(**extra) -> None:
    print(json.dumps({"ready": True, "rss_mb": _peak_rss_mb(), **extra}), flush=True)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Front Desk")
    label.resize(1280, 760)
    label.show()
    app.processEvents()
    label.grab()
    _ready()


def _main_window(db: str):
    """The window as the app opens it (ui.application's own steps), painted."""
    from ui.application import application, show_window, window_arguments
    from ui.runtime.single_instance import SingleInstance
    from ui.runtime.translations import install_translations
    from app.logs import setup_logging
    from app.paths import app_paths

    args = window_arguments(["--db", db, "--lang", "vi"])
    setup_logging(app_paths().logs)
    app = application()
    install_translations(app, args.lang)
    instance = SingleInstance(args.db)
    if not instance.acquire(listen=False):
        raise SystemExit("the database is open in another window")
    session = show_window(app, args, args.db, after_paint=[instance.listen])
    app.processEvents()
    session.window.grab()
    return app, session, instance


def _until(app, done, limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("the window did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def main_window(db: str) -> None:
    """Two lines: the window's frame painted, then the overview's figures painted."""
    app, session, instance = _main_window(db)
    _ready()
    overview = session.window.pages["overview"]
    _until(app, lambda: overview.filled)
    app.processEvents()
    session.window.grab()
    _ready(filled=True)
    session.window.close()
    session.close()
    instance.release()


def memory(db: str) -> None:
    app, session, instance = _main_window(db)
    window = session.window
    _until(app, lambda: window.pages["overview"].filled)
    window.show_page("people")
    page = window.pages["people"]
    page.refresh()
    app.processEvents()
    page.table.scrollToBottom()
    app.processEvents()
    window.grab()
    for text in ("n", "ng", "nguyen", "nguyen van", "Trần Thị", "lan", "thon 3", "09"):
        page.search.setText(text)
        page.refresh()
        app.processEvents()
        window.grab()
    page.search.setText("")
    page.refresh()
    page.table.scrollToTop()
    app.processEvents()
    window.grab()
    _ready(rows=page.model.rowCount())
    window.close()
    session.close()
    instance.release()


if __name__ == "__main__":
    mode = sys.argv[1]
    db = sys.argv[sys.argv.index("--db") + 1] if "--db" in sys.argv else ""
    {"bare": lambda: bare(), "app": lambda: main_window(db), "memory": lambda: memory(db)}[mode]()
