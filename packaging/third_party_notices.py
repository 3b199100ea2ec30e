"""Writes THIRD-PARTY-NOTICES.txt: every component the installers bundle, with
its licence, read from the installed packages' own metadata at build time.

    python packaging/third_party_notices.py [OUT]      (default: build/THIRD-PARTY-NOTICES.txt)

packaging/frontdesk.spec runs it (the file goes into the bundle's _internal/,
so the Windows installer and the .deb both carry it), packaging/linux/build_deb.sh
copies it to /usr/share/doc/frontdesk/, and tests/test_licences.py checks it.

The list is Front Desk's runtime dependencies (pyproject's [project]
dependencies, no extras) and theirs, followed through each distribution's
Requires-Dist with the environment markers of the machine that builds: a Windows
build lists pywin32-ctypes, a Linux build SecretStorage and jeepney. Then the
components that are not Python distributions but are in the bundle all the
same: Python itself, the Qt libraries inside the PySide6 wheel, the native
libraries Python and Qt bring, and PyInstaller's bootloader (in each executable).

A licence comes from, in this order: the License-Expression field (PEP 639),
the License field when it is short (a name, not the whole text), the
"License ::" classifiers. A distribution whose metadata says nothing gets an
entry of KNOWN_LICENCES, which says where the licence was read; with neither,
the script stops (a bundle must not ship a component of unknown licence).
"""
from __future__ import annotations

import importlib.metadata as md
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRONTDESK_LICENCE = "GPL-3.0-or-later"

# Distributions whose installed metadata declares no licence.
KNOWN_LICENCES = {
    "vietnam-provinces": (
        "GPL-3.0-or-later",
        "its wheel's metadata names no licence; the project's pyproject.toml declares "
        'license = "GPL-3.0-or-later" (github.com/sunshine-tech/VietnamProvinces)',
    ),
}

# How the bundle uses a component offered under a choice of licences.
CHOSEN = {
    "pyside6-essentials": "used under LGPL-3.0-only (dynamically linked, unmodified)",
    "shiboken6": "used under LGPL-3.0-only (dynamically linked, unmodified)",
}

# Required by a dependency's metadata but left out of the bundle by
# packaging/frontdesk.spec's excludes (sqlite-utils names pip for its CLI's
# install command, which Front Desk never runs).
NOT_BUNDLED = {"pip", "setuptools"}

# In the bundle but not Python distributions (versions where Python knows them).
NATIVE = [
    ("Qt 6 libraries (QtCore, QtGui, QtWidgets, QtNetwork, plugins), inside PySide6",
     "LGPL-3.0-only", "https://www.qt.io/licensing/open-source-lgpl-obligations; source: https://download.qt.io/"),
    ("SQLite", "blessing (public domain)", "https://sqlite.org/copyright.html"),
    ("OpenSSL (Python's ssl module)", "Apache-2.0", "https://www.openssl.org/source/license.html"),
    ("libffi (Python's ctypes)", "MIT", "https://github.com/libffi/libffi/blob/master/LICENSE"),
    ("zlib", "Zlib", "https://zlib.net/zlib_license.html"),
    ("bzip2", "bzip2-1.0.6", "https://sourceware.org/bzip2/"),
    ("XZ Utils (liblzma)", "0BSD", "https://tukaani.org/xz/"),
    ("Expat (Python's XML parser)", "MIT", "https://github.com/libexpat/libexpat/blob/master/COPYING"),
    ("mpdecimal (Python's decimal module)", "BSD-2-Clause", "https://www.bytereef.org/mpdecimal/"),
    ("ICU (inside PySide6 on Linux)", "Unicode-3.0", "https://github.com/unicode-org/icu/blob/main/LICENSE"),
]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_requirements(pyproject: Path = ROOT / "pyproject.toml") -> list[str]:
    """The distribution names of pyproject's [project] dependencies."""
    import tomllib

    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    return [_requirement_name(d) for d in deps]


def _requirement_name(requirement: str) -> str:
    return _norm(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement).group(1))


def _applies(requirement: str) -> bool:
    """Whether a Requires-Dist line applies to this machine, without extras."""
    if ";" not in requirement:
        return True
    marker = requirement.split(";", 1)[1]
    if "extra" in marker:
        return False
    try:
        from packaging.markers import Marker
    except ImportError:  # no packaging: bundle what is installed, as PyInstaller would
        return True
    return Marker(marker.strip()).evaluate()


def licence_of(dist: md.Distribution) -> tuple[str, str]:
    """(licence, where it was read) for an installed distribution."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression, "License-Expression"
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 100 and text.upper() != "UNKNOWN":
        return text, "License"
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"]
    if classifiers:
        return " / ".join(classifiers), "classifiers"
    known = KNOWN_LICENCES.get(_norm(meta["Name"]))
    if known:
        return known
    raise SystemExit(f"third_party_notices: {meta['Name']} {dist.version} declares no licence; "
                     "find it and add it to KNOWN_LICENCES with where it was read")


def bundled_distributions(roots: list[str] | None = None) -> list[md.Distribution]:
    """The installed distributions reached from the runtime dependencies."""
    todo = list(roots if roots is not None else runtime_requirements())
    found: dict[str, md.Distribution] = {}
    while todo:
        name = todo.pop()
        if name in found or name in NOT_BUNDLED:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            raise SystemExit(f"third_party_notices: {name} is a runtime dependency but is not installed") from None
        found[name] = dist
        todo.extend(_requirement_name(r) for r in dist.requires or [] if _applies(r))
    return sorted(found.values(), key=lambda d: _norm(d.metadata["Name"]))


def _home_page(dist: md.Distribution) -> str:
    meta = dist.metadata
    if meta.get("Home-page"):
        return meta["Home-page"]
    urls = dict(u.split(",", 1) for u in meta.get_all("Project-URL") or [] if "," in u)
    for key in ("Homepage", "homepage", "Source", "Repository", "source", "Source Code"):
        if key in urls:
            return urls[key].strip()
    return next(iter(urls.values()), "").strip() or f"https://pypi.org/project/{meta['Name']}/"


def notices(version: str | None = None) -> str:
    version = version or re.search(r'__version__\s*=\s*"([^"]+)"',
                                   (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")).group(1)
    lines = [
        f"Front Desk {version} (Sổ tay công tác Mặt trận xã)",
        f"Licence: {FRONTDESK_LICENCE} — the GNU General Public License, version 3 or",
        "(at your option) any later version; the full text is LICENSE.txt beside this file.",
        "",
        "Front Desk is distributed with the components below, each under its own licence.",
        "Their source code is published at the addresses given. This list is generated",
        "from the installed packages' metadata when the package is built",
        "(packaging/third_party_notices.py).",
        "",
        "== Python packages ==",
        "",
    ]
    for dist in bundled_distributions():
        licence, source = licence_of(dist)
        name = dist.metadata["Name"]
        lines.append(f"{name} {dist.version}")
        lines.append(f"  Licence: {licence}")
        if _norm(name) in CHOSEN:
            lines.append(f"  ({CHOSEN[_norm(name)]})")
        if source not in ("License-Expression", "License", "classifiers"):
            lines.append(f"  (licence read elsewhere: {source})")
        lines.append(f"  {_home_page(dist)}")
        lines.append("")
    lines += [
        "== Python and the libraries in the bundle ==",
        "",
        f"Python {sys.version.split()[0]}",
        "  Licence: PSF-2.0 (Python Software Foundation License Version 2)",
        "  https://docs.python.org/3/license.html",
        "",
    ]
    for name, licence, url in NATIVE:
        lines += [name, f"  Licence: {licence}", f"  {url}", ""]
    try:
        pyinstaller = md.version("pyinstaller")
    except md.PackageNotFoundError:
        pyinstaller = ""
    lines += [
        f"PyInstaller bootloader {pyinstaller}".rstrip() + " (the start-up code inside each executable)",
        "  Licence: GPL-2.0-or-later WITH Bootloader-exception",
        "  https://github.com/pyinstaller/pyinstaller/blob/develop/COPYING.txt",
        "",
    ]
    return "\n".join(lines)


def write(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(notices(), encoding="utf-8", newline="\r\n" if sys.platform == "win32" else "\n")
    return out


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "THIRD-PARTY-NOTICES.txt"))
