#!/usr/bin/env bash
# Makes dist/frontdesk_<version>_<arch>.deb from the PyInstaller bundle.
#
#   packaging/linux/build_deb.sh [BUNDLE_DIR] [OUT_DIR]     (defaults: dist/frontdesk, dist)
#
# What the package holds:
#   /opt/frontdesk/                      the bundle (frontdesk + _internal/)
#   /usr/bin/frontdesk                   -> /opt/frontdesk/frontdesk
#   /usr/share/applications/frontdesk.desktop
#   /usr/share/icons/hicolor/{256x256,scalable}/apps/frontdesk.{png,svg}
#   /usr/share/doc/frontdesk/            IT.md, site.toml.example, copyright,
#                                        THIRD-PARTY-NOTICES.txt (made by packaging/frontdesk.spec
#                                        from the bundled packages' metadata)
# No maintainer scripts: the desktop and icon caches are refreshed by the
# triggers of desktop-file-utils and hicolor-icon-theme, and nothing of the
# users' (their data, backups, logs under their home folders) is dpkg's.
# IT's site configuration goes to /etc/xdg/FrontDesk/site.toml (not shipped:
# it is IT's file, so dpkg never replaces or removes it).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/frontdesk}" && pwd)"
OUT="${2:-$ROOT/dist}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/app/__init__.py")"
ARCH="$(dpkg --print-architecture)"
[ -n "$VERSION" ] || { echo "no __version__ in app/__init__.py" >&2; exit 1; }
[ -x "$BUNDLE/frontdesk" ] || { echo "no bundle at $BUNDLE (run PyInstaller first)" >&2; exit 1; }
NOTICES="$BUNDLE/_internal/THIRD-PARTY-NOTICES.txt"
[ -s "$NOTICES" ] || { echo "no $NOTICES (packaging/frontdesk.spec makes it): build the bundle again" >&2; exit 1; }

# FRONTDESK_BUILD_DIR: where the package is staged (tests use a temporary folder)
STAGE="${FRONTDESK_BUILD_DIR:-$ROOT/build}/deb/frontdesk_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
         "$STAGE/usr/share/doc/frontdesk"

cp -a "$BUNDLE" "$STAGE/opt/frontdesk"
ln -s /opt/frontdesk/frontdesk "$STAGE/usr/bin/frontdesk"
install -m 0644 "$ROOT/packaging/linux/frontdesk.desktop" "$STAGE/usr/share/applications/frontdesk.desktop"
install -m 0644 "$ROOT/resources/icons/frontdesk.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/frontdesk.png"
install -m 0644 "$ROOT/resources/icons/frontdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/frontdesk.svg"
install -m 0644 "$ROOT/docs/IT.md" "$STAGE/usr/share/doc/frontdesk/IT.md"
install -m 0644 "$ROOT/packaging/site.toml.example" "$STAGE/usr/share/doc/frontdesk/site.toml.example"
install -m 0644 "$NOTICES" "$STAGE/usr/share/doc/frontdesk/THIRD-PARTY-NOTICES.txt"
# Debian's machine-readable format; the bundled components are listed, each
# with its licence, in THIRD-PARTY-NOTICES.txt (generated, never by hand).
cat > "$STAGE/usr/share/doc/frontdesk/copyright" <<TXT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Front Desk (Sổ tay công tác Mặt trận xã)
Comment: Version $VERSION. /opt/frontdesk/_internal holds Python, Qt (PySide6)
 and the other components listed, each with its licence, in
 /usr/share/doc/frontdesk/THIRD-PARTY-NOTICES.txt.

Files: *
Copyright: Front Desk contributors
License: GPL-3.0-or-later

License: GPL-3.0-or-later
 This program is free software: you can redistribute it and/or modify it
 under the terms of the GNU General Public License as published by the Free
 Software Foundation, either version 3 of the License, or (at your option)
 any later version.
 .
 On Debian systems, the complete text of the GNU General Public License
 version 3 can be found in /usr/share/common-licenses/GPL-3.
TXT

# Files readable by all, programs and folders executable; root owns all.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE/opt/frontdesk" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/opt/frontdesk/frontdesk"
find "$STAGE/opt/frontdesk/_internal" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0755 {} +

SIZE="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
    "$ROOT/packaging/linux/control.in" > "$STAGE/DEBIAN/control"

# Every library the bundle links to and leaves to the system must be a
# dependency (FRONTDESK_SKIP_DEPENDS_CHECK=1 to build where they are not installed).
if [ "${FRONTDESK_SKIP_DEPENDS_CHECK:-0}" != 1 ]; then
    python3 "$ROOT/packaging/linux/check_deb_depends.py" "$STAGE/opt/frontdesk" "$STAGE/DEBIAN/control" >/dev/null \
        || { python3 "$ROOT/packaging/linux/check_deb_depends.py" "$STAGE/opt/frontdesk" "$STAGE/DEBIAN/control" | grep -v '^ok'; exit 1; }
fi

DEB="$OUT/frontdesk_${VERSION}_${ARCH}.deb"
# gzip: xz takes minutes for 150 MB on a small build machine and saves little on binaries.
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB" >/dev/null
echo "$DEB"
