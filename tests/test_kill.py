"""A process doing imports, edits and backups is killed (SIGKILL, like a
power cut for the process) at random moments, 25 times. After every kill the
database passes every check of ``frontdesk check``, every import is either
all there or not there at all, every import that had committed is there, and
every backup listed as good reads back."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from app.backup import list_backups, verify_backup
from app.checks import run_checks
from app.paths import backups_dir_for
from app.storage import open_store
from tests.kill_worker import batch_size

ROOT = Path(__file__).resolve().parents[1]
KILLS = 25


def _batches(store) -> dict[str, Counter]:
    """How many people, memberships, search rows and change-log entries each batch has."""
    q = store.conn.execute
    people = Counter(int(name.split()[1]) for (name,) in q("SELECT full_name FROM person WHERE full_name LIKE 'Lô %'"))
    memberships = Counter(int(name.split()[1]) for (name,) in q(
        "SELECT p.full_name FROM membership m JOIN person p ON p.id = m.person_id WHERE p.full_name LIKE 'Lô %'"))
    indexed = Counter(int(name.split()[1]) for (name,) in q("SELECT name FROM person_search WHERE name LIKE 'lo %'"))
    logged = Counter(int(name.split()[1]) for (name,) in q(
        "SELECT json_extract(after, '$.full_name') FROM change_log"
        " WHERE table_name = 'person' AND action = 'insert' AND json_extract(after, '$.full_name') LIKE 'Lô %'"))
    return {"people": people, "memberships": memberships, "search": indexed, "log": logged}


def _read_progress(lines: list[str]) -> tuple[set[int], set[int]]:
    started = {int(line.split()[1]) for line in lines if line.startswith("start ")}
    done = {int(line.split()[1]) for line in lines if line.startswith("done ")}
    return started, done


def test_killed_at_random_moments_during_imports_and_edits(store, tmp_path):
    store.close()
    db = store.path
    rng = random.Random(7)
    committed: set[int] = set()
    begun: set[int] = set()
    checked_backups: set[Path] = set()
    killed_mid_import = 0
    for kill in range(KILLS):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.kill_worker", str(db), str((kill + 1) * 1000), str(kill)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        try:
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()
            time.sleep(rng.uniform(0.02, 0.35))
            worker.kill()
            worker.wait(timeout=60)
            # read through the same buffered pipes readline used (communicate
            # would read the raw pipes and miss what readline buffered)
            out, err = worker.stdout.read(), worker.stderr.read()
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait(timeout=60)
        assert worker.returncode == (-signal.SIGKILL if os.name == "posix" else 1), err
        started, done = _read_progress(out.splitlines())
        committed |= done
        begun |= started
        killed_mid_import += bool(started - done)

        with open_store(db) as after:
            failed = [r.describe("en") for r in run_checks(after) if r.status == "fail"]
            assert failed == [], (kill, failed)
            counts = _batches(after)
        present = set(counts["people"])
        assert committed <= present, (kill, committed - present)  # a committed import survives
        for batch in present:  # and each one is whole, with its memberships, index rows and log
            size = batch_size(batch)
            assert [counts[k][batch] for k in counts] == [size] * 4, (kill, batch, {k: counts[k][batch] for k in counts})
        assert present <= begun

        # a kill mid-backup leaves at most a ".partial": under a backup's own
        # name there is only ever a whole file, and it reads back
        listed = list_backups(backups_dir_for(db), include_bad=True)
        assert [b.problem for b in listed if not b.good] == []
        for backup in listed:
            if backup.path not in checked_backups:
                assert verify_backup(backup.path) == [], backup.path
                checked_backups.add(backup.path)

    assert len(committed) >= 5  # the imports really ran, and were killed in the middle at times
    assert killed_mid_import > 0
