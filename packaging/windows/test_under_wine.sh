#!/usr/bin/env bash
# Tries the installer script's logic under Wine, on Linux (optional; Debian: apt-get install nsis wine64):
#
#   packaging/windows/test_under_wine.sh
#
# The bundle is a stand-in (empty executables, the real resources/): this
# proves the installer, not the Windows build of the app (.github/workflows/windows.yml
# does that on a Windows runner). Compiled with -DTARGET_AMD64 because a
# 64-bit-only Wine cannot run NSIS's usual 32-bit stub. Checked: silent install
# per machine, /SITE copies site.toml to ProgramData\MTTQ\FrontDesk, a missing
# /SITE file or an empty one stops with exit 2 (nothing installed), shortcuts and registry, an upgrade over the same
# folder removes the old program files and honours /NODESKTOP, the uninstaller
# removes the program, shortcuts and registry and keeps the user's data and site.toml.
# Not checked: the folders' permissions (Wine's icacls does not really set them;
# .github/workflows/windows.yml checks them on Windows).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/frontdesk-wine.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export WINEPREFIX="$WORK/prefix" WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml=" WINEDEBUG=-all
fail() { echo "FAILED: $*" >&2; exit 1; }

BUNDLE="$WORK/bundle/frontdesk"
mkdir -p "$BUNDLE/_internal/resources"
cp -r "$ROOT/resources/translations" "$ROOT/resources/icons" "$BUNDLE/_internal/resources/"
touch "$BUNDLE/frontdesk.exe" "$BUNDLE/frontdesk-cli.exe"
cp "$ROOT/LICENSE" "$BUNDLE/_internal/LICENSE.txt"
echo "(a stand-in for the generated notices)" > "$BUNDLE/_internal/THIRD-PARTY-NOTICES.txt"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/app/__init__.py")"
makensis -INPUTCHARSET UTF8 -V1 -DTARGET_AMD64 "-DVERSION=$VERSION" "-DBUNDLE=$BUNDLE" "-DOUTDIR=$WORK" "$ROOT/packaging/windows/frontdesk.nsi"
SETUP="$WORK/FrontDesk-$VERSION-setup.exe"

wineboot -i >/dev/null 2>&1
winecfg -v win10 >/dev/null 2>&1
C="$WINEPREFIX/drive_c"
printf '[commune]\ncode = "00004"\nlocked = true\n' > "$WORK/site.toml"

set +e
wine "$SETUP" /S '/SITE=Z:\nowhere\site.toml'; code=$?
set -e
[ "$code" = 2 ] || fail "a missing /SITE file: exit $code, not 2"
[ ! -e "$C/FrontDesk" ] || fail "installed despite a missing /SITE file"
echo "missing /SITE file: exit 2, nothing installed"

: > "$WORK/empty.toml"
set +e
wine "$SETUP" /S "/SITE=Z:${WORK//\//\\}\\empty.toml"; code=$?
set -e
[ "$code" = 2 ] || fail "an empty /SITE file: exit $code, not 2"
[ ! -e "$C/FrontDesk" ] && [ ! -e "$C/Program Files/FrontDesk/frontdesk.exe" ] || fail "installed despite an empty /SITE file"
echo "empty /SITE file: exit 2, nothing installed"

wine "$SETUP" /S "/SITE=Z:${WORK//\//\\}\\site.toml" '/D=C:\FrontDesk'
[ -f "$C/FrontDesk/frontdesk.exe" ] && [ -f "$C/FrontDesk/uninstall.exe" ] || fail "program files"
cmp "$WORK/site.toml" "$C/ProgramData/MTTQ/FrontDesk/site.toml" || fail "site.toml"
[ -f "$C/ProgramData/Microsoft/Windows/Start Menu/Programs/Front Desk.lnk" ] || fail "Start-menu shortcut"
[ -f "$C/users/Public/Desktop/Front Desk.lnk" ] || fail "desktop shortcut"
wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\FrontDesk' /v QuietUninstallString | grep -q uninstall.exe \
    || fail "uninstall registry"
echo "installed: program, site.toml in ProgramData, shortcuts, registry"

DATA="$C/users/$(whoami)/AppData/Local/MTTQ/FrontDesk"
mkdir -p "$DATA"; echo "the commune's data" > "$DATA/frontdesk.sqlite3"
echo old > "$C/FrontDesk/_internal/left-by-the-old-version.dll"
rm "$C/users/Public/Desktop/Front Desk.lnk"
wine "$SETUP" /S /NODESKTOP   # the upgrade: same folder from the registry, no /D
[ ! -e "$C/FrontDesk/_internal/left-by-the-old-version.dll" ] || fail "old program files left"
[ -f "$C/FrontDesk/frontdesk.exe" ] || fail "upgrade did not go to the registered folder"
[ ! -e "$C/users/Public/Desktop/Front Desk.lnk" ] || fail "/NODESKTOP"
echo "upgraded in place: old files gone, /NODESKTOP honoured"

wine 'C:\FrontDesk\uninstall.exe' /S '_?=C:\FrontDesk'
[ ! -e "$C/FrontDesk/frontdesk.exe" ] && [ ! -e "$C/FrontDesk/_internal" ] || fail "program left"
[ ! -e "$C/ProgramData/Microsoft/Windows/Start Menu/Programs/Front Desk.lnk" ] || fail "shortcut left"
if wine reg query 'HKLM\Software\MTTQ\FrontDesk' >/dev/null 2>&1; then fail "registry left"; fi
[ -f "$DATA/frontdesk.sqlite3" ] || fail "the user's data was removed"
[ -f "$C/ProgramData/MTTQ/FrontDesk/site.toml" ] || fail "site.toml was removed"
echo "uninstalled: program, shortcuts, registry gone; the user's data and site.toml kept"
echo "passed"
