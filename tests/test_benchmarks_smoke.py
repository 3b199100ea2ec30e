"""The benchmark harness cannot rot: a smoke run with tiny data, every step,
the page written. No timing is asserted here; benchmarks/ measures ratios."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_harness_runs_every_step_and_writes_the_page(tmp_path):
    out = tmp_path / "PERFORMANCE.md"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out), "--data",
         str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    page = out.read_text(encoding="utf-8")
    assert "smoke run with tiny data" in page
    # every target of DESIGN.md has a row with a measured figure and a verdict
    for measure in ("Start to a usable main window", "People list: first screen painted",
                    "Search as you type, without diacritics: median", "Search as you type, with diacritics: median",
                    "Peak resident memory", "Import a 300-row roster", "Petitions list: first screen painted",
                    "Petitions: search as you type, without diacritics (median)"):
        row = next((line for line in page.splitlines() if line.startswith(f"| {measure}")), None)
        assert row is not None, measure
        assert re.search(r"\| \d[\d.,]* (ms|s|MB) \|", row), row
        assert row.rstrip().endswith(("**met** |", "**missed** |")), row
    assert re.search(r"\*\*\d+ of \d+ targets met\.\*\*", page)
