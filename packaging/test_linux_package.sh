#!/usr/bin/env bash
# The Linux package, proven end to end (issue 8's "done when"):
#
#   packaging/test_linux_package.sh [--no-build]
#
# 1. builds the bundle and the .deb (packaging/build_linux.sh; --no-build reuses dist/);
# 2. installs the .deb with dpkg into a temporary root (dpkg --root, its own
#    package database; the system is not touched);
# 3. runs the installed /usr/bin/frontdesk: --version, demo, check (installation
#    and database), a page rendered offscreen, and the window started offscreen,
#    left running a few seconds and closed; under Xvfb too (the real xcb plugin
#    and the system libraries of the Depends list) when xvfb-run is there;
# 4. installs the same package again over itself (an upgrade in place) and
#    checks the data is still there, then removes it and checks the data stays.
#
# Takes about a minute (the build ~30 s). Not in the test suite: too slow for CI.
# Needs: dpkg, PyInstaller in .venv (or $PYTHON), and the Depends libraries
# (apt-get install $(sed -n ... control.in) — the build's depends check names any missing).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

if [ "${1:-}" != "--no-build" ]; then
    packaging/build_linux.sh
fi
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)"
DEB="$ROOT/dist/frontdesk_${VERSION}_$(dpkg --print-architecture).deb"
[ -f "$DEB" ] || { echo "no package $DEB" >&2; exit 1; }

WORK="$(mktemp -d /tmp/frontdesk-pkgtest.XXXXXX)"
OUT="${FRONTDESK_TEST_OUT:-$WORK/out}"
mkdir -p "$OUT"
trap 'rm -rf "$WORK/root" "$WORK/home" "$WORK/windows-bundle"' EXIT
TARGET="$WORK/root"
mkdir -p "$TARGET/var/lib/dpkg/info" "$TARGET/var/lib/dpkg/updates"
touch "$TARGET/var/lib/dpkg/status"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "install $(basename "$DEB") into $TARGET"
# --force-depends: the temporary root's database has none of the system's
# libraries; they are on this machine (the build checked Depends against them).
dpkg --root="$TARGET" --force-depends --force-script-chrootless -i "$DEB" >/dev/null 2>"$OUT/dpkg-install.log" \
    || { cat "$OUT/dpkg-install.log"; fail "dpkg -i"; }
dpkg --root="$TARGET" -s frontdesk | grep -E '^(Status|Version):'
link="$(readlink "$TARGET/usr/bin/frontdesk")"
[ "$link" = /opt/frontdesk/frontdesk ] || fail "/usr/bin/frontdesk -> $link"
FRONTDESK="$TARGET$link"
[ -f "$TARGET/usr/share/applications/frontdesk.desktop" ] || fail "no desktop entry"
[ -f "$TARGET/usr/share/icons/hicolor/256x256/apps/frontdesk.png" ] || fail "no icon"
grep -q "GPL-3.0-or-later" "$TARGET/usr/share/doc/frontdesk/copyright" || fail "copyright"
grep -q "^vietnam-provinces .*" "$TARGET/usr/share/doc/frontdesk/THIRD-PARTY-NOTICES.txt" || fail "THIRD-PARTY-NOTICES.txt"

export FRONTDESK_HOME="$WORK/home" QT_QPA_PLATFORM=offscreen
unset FRONTDESK_SITE_CONFIG FRONTDESK_LANG

step "frontdesk --version"
"$FRONTDESK" --version | tee "$OUT/version.txt"
grep -q "frontdesk $VERSION" "$OUT/version.txt" || fail "version"

step "frontdesk demo --people 2000"
"$FRONTDESK" demo --people 2000 --seed 3

step "frontdesk check"
"$FRONTDESK" check --lang en | tee "$OUT/check.txt"
"$FRONTDESK" check --json > "$OUT/check.json" || fail "frontdesk check exit $?"
python3 - "$OUT/check.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
status = {c["name"]: c["status"] for c in report["checks"]}
for name in ("sqlite", "workbook", "translations", "resources"):
    assert status.get(name) == "ok", (name, status.get(name))
assert status.get("keyring") in ("ok", "warn"), status.get("keyring")
assert report["ok"], report
print("installation checks:", {k: status[k] for k in ("sqlite", "workbook", "translations", "resources", "keyring")})
PY

step "the window, offscreen: a page rendered and saved"
"$FRONTDESK" screenshot --page overview --out "$OUT/overview-offscreen.png"
"$FRONTDESK" screenshot --page people --lang en --out "$OUT/people-en-offscreen.png"
python3 -c "import sys; d=open(sys.argv[1],'rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n' and len(d)>20000, len(d)" \
    "$OUT/overview-offscreen.png" || fail "overview PNG"

step "the window, offscreen: started with no command, running 5 s, closed"
"$FRONTDESK" > "$OUT/window.log" 2>&1 &
pid=$!
sleep 5
kill -0 "$pid" 2>/dev/null || { cat "$OUT/window.log"; fail "the window exited by itself"; }
[ -e "$FRONTDESK_HOME/data/frontdesk.sqlite3.lock" ] || echo "(no lock file seen)"
kill -TERM "$pid"; wait "$pid" || true
echo "ran 5 s and was closed"

if command -v xvfb-run >/dev/null; then
    step "the window under Xvfb (xcb: the system's X libraries)"
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1366x768x24" \
        "$FRONTDESK" screenshot --page organizations --out "$OUT/organizations-xcb.png"
else
    echo "(xvfb-run not installed: the xcb plugin is not exercised)"
fi

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
    step "the keyring inside the bundle: a GNOME Keyring in a D-Bus session of its own"
    dbus-run-session -- sh -c 'printf x | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;
        "$0" check --json' "$FRONTDESK" > "$OUT/check-keyring.json" || true
    python3 - "$OUT/check-keyring.json" <<'PY'
import json, sys
keyring = next(c for c in json.load(open(sys.argv[1]))["checks"] if c["name"] == "keyring")
print(keyring["status"], "-", keyring["message"])
assert keyring["status"] == "ok", keyring
PY
else
    echo "(gnome-keyring/dbus-run-session not installed: the bundle's Secret Service backend is not exercised)"
fi

step "upgrade in place: the same package installed over itself keeps the data"
before="$("$FRONTDESK" search "nguyen" --limit 10000 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
dpkg --root="$TARGET" --force-depends --force-script-chrootless -i "$DEB" >/dev/null 2>>"$OUT/dpkg-install.log" \
    || { cat "$OUT/dpkg-install.log"; fail "dpkg -i over itself"; }
after="$("$FRONTDESK" search "nguyen" --limit 10000 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
[ "$before" = "$after" ] && [ "$after" -gt 0 ] || fail "search found $before before, $after after"
echo "search 'nguyen': $after people before and after"

step "remove: the program goes, the data stays"
dpkg --root="$TARGET" --force-depends --force-script-chrootless --purge frontdesk >/dev/null 2>>"$OUT/dpkg-install.log" \
    || { cat "$OUT/dpkg-install.log"; fail "dpkg --purge"; }
[ ! -e "$TARGET/opt/frontdesk" ] || fail "/opt/frontdesk left behind"
[ -f "$FRONTDESK_HOME/data/frontdesk.sqlite3" ] || fail "the database went with the package"
echo "removed; $FRONTDESK_HOME/data/frontdesk.sqlite3 kept"

if command -v makensis >/dev/null; then
    step "the Windows installer script compiles (makensis; a stand-in bundle with this bundle's resources)"
    stand_in="$WORK/windows-bundle/frontdesk"
    mkdir -p "$stand_in/_internal"
    cp -r "$ROOT/dist/frontdesk/_internal/resources" "$stand_in/_internal/"
    cp "$ROOT/dist/frontdesk/_internal/LICENSE.txt" "$ROOT/dist/frontdesk/_internal/THIRD-PARTY-NOTICES.txt" "$stand_in/_internal/"
    printf 'MZ' > "$stand_in/frontdesk.exe"; printf 'MZ' > "$stand_in/frontdesk-cli.exe"
    makensis -INPUTCHARSET UTF8 -V1 "-DVERSION=$VERSION" "-DBUNDLE=$stand_in" "-DOUTDIR=$WORK" packaging/windows/frontdesk.nsi
    ls -la "$WORK/FrontDesk-$VERSION-setup.exe"
else
    echo "(makensis not installed: apt-get install nsis)"
fi

step "passed — pictures and outputs in $OUT"
ls -la "$OUT"
