"""Run by tests/test_kill.py and killed (Popen.kill) at a random moment: member
imports, edits, single additions and backups in a loop, for ever.

    python -m tests.kill_worker DATABASE FIRST_BATCH SEED

Each import is a numbered batch whose people are recognisable by name
("Lô 12 Người 7") and whose size follows from its number, so after a kill
the test can tell for each batch whether it is all there or not at all.
It prints "start N" before and "done N" after each import commits.
"""
from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

from app.db.storage import open_store
from app.domain.organizations import by_code
from app.domain.people import add_person, join_organization, update_person
from app.importing.plan import apply_import, plan_records
from app.safety.retention import RetentionPolicy
from app.safety.schedule import back_up

POLICY = RetentionPolicy(recent=4, daily=2, weekly=1, monthly=1, safety=1)
CELLS = {"full_name": "B", "citizen_id": "F", "phone": "G"}


def batch_size(batch: int) -> int:
    return 20 + (batch * 7919) % 140


def batch_person(batch: int, i: int) -> dict:
    return {
        "full_name": f"Lô {batch} Người {i}",
        "citizen_id": f"001{batch:05d}{i:04d}",
        "phone": f"09{batch % 100:02d}{i:06d}",
    }


@dataclass
class Row:
    row: int
    values: dict
    cells: dict


def main(database: str, first_batch: int, seed: int) -> None:
    store = open_store(database)
    farmers = by_code(store, "farmers")
    rng = random.Random(seed)
    batch = first_batch
    print("ready", flush=True)
    while True:
        roll = rng.random()
        if roll < 0.55:
            rows = [Row(r + 8, batch_person(batch, r), CELLS) for r in range(batch_size(batch))]
            plan = plan_records(store, rows, path=Path(f"lo-{batch}.xlsx"), sheet="Danh sách", layout=None,
                                org_id=farmers)
            print(f"start {batch}", flush=True)
            result = apply_import(store, plan)
            assert result.written and result.inserted == len(rows), result
            print(f"done {batch}", flush=True)
            batch += 1
        elif roll < 0.8:
            ids = store.conn.execute("SELECT id FROM person ORDER BY random() LIMIT 3").fetchall()
            for (pid,) in ids:
                update_person(store, pid, {"phone": f"08{rng.randrange(10**8):08d}", "note": f"sửa {rng.random():.5f}"})
        elif roll < 0.92:
            pid, _ = add_person(store, {"full_name": f"Người Lẻ {rng.randrange(10**9)}"})
            join_organization(store, pid, farmers)
        else:
            back_up(store, "auto", policy=POLICY)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
