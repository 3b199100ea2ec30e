"""What data safety costs on a large commune, against plain file work measured
in the same run.

    .venv/bin/python benchmarks/safety.py [--people 100000] [--rounds 3]

Builds a demo commune, then times (best of ``--rounds``):

- baselines: reading the database file through once; ``shutil.copyfile`` of it;
  ``open_store``;
- at start: ``quick_check`` (what ``damage_found`` runs off the GUI thread after ``open_store``);
- backups: ``create_backup`` (backup API + quick_check + fsync) against the
  plain copy; ``back_up`` (the same, then retention over 40 backups); ``maybe_backup`` when nothing is due; ``list_backups`` of a
  folder of 40 backups (header check) and with ``verify``;
- ``copy_backup_to`` (write, fsync, read back, SHA-256, quick_check) against
  the plain copy; ``restore_backup`` against the plain copy;
- ``frontdesk check``'s checks one by one;
- ``erase_person`` (secure delete, search index optimize, checkpoint).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db.backups import create_backup, list_backups  # noqa: E402
from app.db.storage import integrity_problems, open_store  # noqa: E402
from app.demo.builder import build_demo  # noqa: E402
from app.domain.erasure import erase_person  # noqa: E402
from app.safety.checks import CHECKS  # noqa: E402
from app.safety.restore import restore_backup  # noqa: E402
from app.safety.schedule import back_up, maybe_backup  # noqa: E402
from app.safety.usb_copy import copy_backup_to  # noqa: E402


def best(rounds: int, fn) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def read_through(path: Path) -> None:
    with open(path, "rb") as fh:
        while fh.read(1 << 20):
            pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="frontdesk-safety-"))
    try:
        db = work / "commune.sqlite3"
        started = time.perf_counter()
        build_demo(db, people=args.people, seed=1)
        print(f"demo commune of {args.people} people built in {time.perf_counter() - started:.1f} s; "
              f"file {db.stat().st_size / 1e6:.1f} MB")
        with open_store(db) as store:
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        r = args.rounds
        rows = []

        def row(name: str, seconds: float, base: float | None = None, base_name: str = "") -> None:
            ratio = f"{seconds / base:6.2f}x {base_name}" if base else ""
            rows.append(f"{name:<44} {seconds * 1000:9.1f} ms   {ratio}")

        read = best(r, lambda: read_through(db))
        plain = best(r, lambda: shutil.copyfile(db, work / "plain-copy.sqlite3"))
        opened = best(r, lambda: open_store(db).close())
        row("read the file through (baseline)", read)
        row("shutil.copyfile (baseline)", plain)
        row("open_store", opened)
        store = open_store(db)
        row("quick_check at start", best(r, lambda: integrity_problems(store, full=False)), opened, "open_store")

        folder = work / "backups"
        row("create_backup", best(r, lambda: create_backup(store.conn, folder, reason="bench")), plain, "copyfile")
        row("maybe_backup, nothing due", best(r, lambda: maybe_backup(store, min_interval=timedelta(hours=1),
                                                                        folder=folder)))
        newest = list_backups(folder)[0].path
        for i in range(40 - len(list_backups(folder))):
            shutil.copyfile(newest, folder / newest.name.replace("-bench", f"-copy{i}"))
        row("list_backups, 40 files, header check", best(r, lambda: list_backups(folder)))
        row("back_up: create_backup + retention of 40", best(1, lambda: back_up(store, "bench", folder=folder)),
            plain, "copyfile")
        row("list_backups, 40 files, verify", best(1, lambda: list_backups(folder, verify=True)), read, "read x1")
        newest = list_backups(folder)[0].path  # retention has just deleted some of the copies
        stick = work / "stick"
        stick.mkdir()
        row("copy_backup_to (verified)", best(r, lambda: copy_backup_to(newest, stick)), plain, "copyfile")
        for check in CHECKS:
            row(f"check {check.__name__.strip('_')}", best(1, lambda check=check: check(store)))
        store.close()
        row("restore_backup", best(1, lambda: restore_backup(db, newest)), plain, "copyfile")
        with open_store(db) as store:
            pid = store.conn.execute("SELECT max(id) FROM person").fetchone()[0]
            row("erase_person", best(1, lambda: erase_person(store, pid)))
        print("\n".join(rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("FRONTDESK_USER", "benchmark")
    main()
