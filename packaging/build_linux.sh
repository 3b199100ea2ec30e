#!/usr/bin/env bash
# Linux build: the PyInstaller bundle (dist/frontdesk/) and the .deb (dist/).
#
#   packaging/build_linux.sh            uses .venv (python3 dev.py test sets it up) or $PYTHON
#
# Needs the `build` extra (pip install -e '.[build]': PyInstaller) and dpkg-deb.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"

"$PYTHON" -c "import PyInstaller" 2>/dev/null || {
    echo "PyInstaller is missing: $PYTHON -m pip install -e '.[build]'" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is missing (Debian/Ubuntu: it is part of dpkg)" >&2; exit 1; }

started=$(date +%s)
PYTHONPATH="$ROOT" "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" "$ROOT/packaging/frontdesk.spec"
bundled=$(date +%s)
deb="$("$ROOT/packaging/linux/build_deb.sh" "$ROOT/dist/frontdesk" "$ROOT/dist")"
finished=$(date +%s)
echo "bundle: $ROOT/dist/frontdesk ($(du -sh "$ROOT/dist/frontdesk" | cut -f1), $((bundled - started)) s)"
echo "package: $deb ($(du -h "$deb" | cut -f1), $((finished - bundled)) s)"
