"""A process doing imports, edits and backups is killed (Popen.kill(): like a
power cut for the process) at random moments, 25 times. After every kill the
database passes every check of ``frontdesk check``, every import is either
all there or not there at all, every import that had committed is there, and
every backup listed as good reads back."""
from __future__ import annotations

import os
import queue
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from app.db.backups import list_backups, verify_backup
from app.db.storage import open_store
from app.paths import backups_dir_for
from app.safety.checks import run_checks
from tests.kill_worker import batch_size

ROOT = Path(__file__).resolve().parents[1]
KILLS = 25
EXTRA_KILLS = 25
WAIT_S = 60
# Popen.kill(): SIGKILL on POSIX (the status is minus the signal's number),
# TerminateProcess with exit code 1 on Windows
KILLED = -9 if os.name == "posix" else 1


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


class Worker:
    """``tests.kill_worker`` in a process of its own, its output read by a thread
    so that waiting for a line is bounded (a blocked readline is not)."""

    def __init__(self, db: Path, first_batch: int, seed: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.kill_worker", str(db), str(first_batch), str(seed)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self._arrived: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._arrived.put(line.strip())
        self._arrived.put(None)

    def wait_for(self, prefix: str) -> None:
        """Until the worker prints a line starting with ``prefix`` (generous: a
        loaded machine may take seconds where an idle one takes milliseconds)."""
        deadline = time.monotonic() + WAIT_S
        while True:
            try:
                line = self._arrived.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"the worker printed no {prefix!r} line in {WAIT_S} s")
            if line is None:
                pytest.fail(f"the worker ended before {prefix!r}: {self.process.stderr.read()}")
            self.lines.append(line)
            if line.startswith(prefix):
                return

    def kill(self) -> str:
        """End it as a power cut would (TerminateProcess on Windows, SIGKILL on
        POSIX); returns what it wrote to stderr."""
        self.process.kill()
        self.process.wait(timeout=WAIT_S)
        self._reader.join(timeout=WAIT_S)
        while not self._arrived.empty():
            line = self._arrived.get()
            if line is not None:
                self.lines.append(line)
        err = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        return err


def test_killed_at_random_moments_during_imports_and_edits(store, tmp_path):
    store.close()
    db = store.path
    rng = random.Random(7)
    committed: set[int] = set()
    begun: set[int] = set()
    checked_backups: set[Path] = set()
    killed_mid_import = 0
    kill = 0
    # Half the kills come the moment an import has begun, half at a random moment
    # after one committed: both kinds happen however slow the machine is. A kill
    # meant for the middle of an import may still land after its commit, so the
    # run goes on (bounded) until one really did.
    while kill < KILLS or (killed_mid_import == 0 and kill < KILLS + EXTRA_KILLS):
        worker = Worker(db, (kill + 1) * 1000, kill)
        try:
            worker.wait_for("ready")
            if kill % 2 == 0:
                worker.wait_for("start ")
            else:
                worker.wait_for("done ")
                time.sleep(rng.uniform(0.0, 0.3))
        finally:
            err = worker.kill()
        assert worker.process.returncode == KILLED, err
        started, done = _read_progress(worker.lines)
        committed |= done
        begun |= started
        killed_mid_import += bool(started - done)
        kill += 1

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

    assert len(committed) >= KILLS // 2  # every other worker was killed only after an import committed
    assert killed_mid_import > 0
