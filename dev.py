#!/usr/bin/env python3
"""Developer entry point for a fresh clone (no other setup needed):

    python3 dev.py start    set up .venv and start the app (on the demo commune, kept apart and
                            marked as demo data, while this computer has no commune of its own)
    python3 dev.py test     set up .venv and run the whole test suite
    python3 dev.py bench    set up .venv, measure everything, rewrite docs/PERFORMANCE.md

Extra words after ``test`` go to pytest (e.g. ``python3 dev.py test -k search``).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".frontdesk-installed"


def ensure_venv() -> None:
    """Create .venv and install the project with its test extras, again only
    when pyproject.toml changed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    print("Installing Front Desk and its dependencies into .venv ...", flush=True)
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", ".[test]"],
        cwd=ROOT,
        check=True,
    )
    STAMP.write_text(wanted)


def start(args: list[str]) -> int:
    frontdesk = [str(PYTHON), "-m", "ui"]
    probe = subprocess.run([*frontdesk, "search", "x", "--json"], cwd=ROOT, capture_output=True)
    if probe.returncode != 0 and "--db" not in args:
        # No commune database yet: look around in the demo commune, which lives
        # apart from the real one (the window makes it first, and offers the
        # step to the real commune).
        return subprocess.call([*frontdesk, "--demo", *args], cwd=ROOT)
    return subprocess.call([*frontdesk, *args], cwd=ROOT)


def test(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)


def bench(args: list[str]) -> int:
    # Bytecode is written here: start-up is measured as an installed app starts, compiled.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(PYTHON), str(ROOT / "benchmarks" / "run.py"), *args], cwd=ROOT, env=env)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"start", "test", "bench"}:
        print(__doc__)
        return 2
    ensure_venv()
    command, rest = sys.argv[1], sys.argv[2:]
    return {"start": start, "test": test, "bench": bench}[command](rest)


if __name__ == "__main__":
    sys.exit(main())
