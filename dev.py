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


# The Debian/Ubuntu package of each library Qt's xcb platform plugin (the
# window on X11) needs; pip's PySide6 does not bring them.
QT_XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-util.so.1": "libxcb-util1", "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}
# Loaded by Qt when the plugin starts, so ldd does not list it.
QT_XCB_LOADED_LATER = ("libxcb-cursor.so.0",)


def missing_libraries(ldd_output: str, loadable) -> list[str]:
    """The libraries ``ldd`` of the xcb plugin says are not found, and those
    Qt loads later that ``loadable(name)`` cannot load."""
    missing = {line.split()[0] for line in ldd_output.splitlines() if "not found" in line}
    missing.update(name for name in QT_XCB_LOADED_LATER if not loadable(name))
    return sorted(missing)


def _loadable(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def window_libraries_missing() -> list[str]:
    """On Linux with X11 (not offscreen, not Wayland): what the window would abort for."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.split(":")[0] not in ("", "xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return []
    where = subprocess.run([str(PYTHON), "-c", "import os, PySide6; print(os.path.dirname(PySide6.__file__))"],
                           capture_output=True, text=True)
    plugin = Path(where.stdout.strip()) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if where.returncode != 0 or not plugin.exists():
        return []
    try:
        ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return missing_libraries(ldd, _loadable)


def explain_missing(missing: list[str]) -> str:
    packages = sorted({QT_XCB_PACKAGES.get(name, "?") for name in missing} - {"?"})
    unknown = [name for name in missing if name not in QT_XCB_PACKAGES]
    text = ("The window cannot start: Qt's X11 platform plugin needs system libraries this computer "
            f"lacks: {', '.join(missing)}.\n")
    if packages:
        text += f"On Debian or Ubuntu install them with:\n    sudo apt-get install {' '.join(packages)}\n"
    if unknown:
        text += f"(and the packages that provide {', '.join(unknown)})\n"
    return text + "Then run python3 dev.py start again."


def start(args: list[str]) -> int:
    missing = window_libraries_missing()
    if missing:
        print(explain_missing(missing), file=sys.stderr)
        return 1
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
