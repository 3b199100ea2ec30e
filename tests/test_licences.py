"""Front Desk's licence is GPL-3.0-or-later everywhere it is stated, and the
installers carry a list of every bundled component with its real licence,
generated from the installed packages' metadata (packaging/third_party_notices.py)."""
from __future__ import annotations

import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import third_party_notices  # noqa: E402

GPL = "GPL-3.0-or-later"


def notice_entries(text: str) -> dict[str, str]:
    """{distribution name (normalised): licence} from the notices' Python packages."""
    part = text.split("== Python packages ==", 1)[1].split("== Python and the libraries", 1)[0]
    entries = {}
    for block in part.strip().split("\n\n"):
        lines = block.splitlines()
        name = lines[0].rsplit(" ", 1)[0]
        licence = next(line.split(":", 1)[1].strip() for line in lines if line.strip().startswith("Licence:"))
        entries[re.sub(r"[-_.]+", "-", name).lower()] = licence
    return entries


@pytest.fixture(scope="module")
def notices() -> str:
    return third_party_notices.notices()


def test_every_runtime_dependency_is_listed_with_a_licence(notices):
    entries = notice_entries(notices)
    runtime = third_party_notices.runtime_requirements()
    assert "vietnam-provinces" in runtime and "pyside6-essentials" in runtime
    for name in runtime:
        assert name in entries, f"{name} is a runtime dependency and is not in THIRD-PARTY-NOTICES.txt"
    for name, licence in entries.items():
        assert licence and licence.upper() not in ("UNKNOWN", "NONE", ""), name
    # and their own dependencies, as installed here
    assert "shiboken6" in entries and "et-xmlfile" in entries
    assert "pip" not in entries  # sqlite-utils names it, the spec leaves it out


def test_the_notices_say_what_each_component_really_is(notices):
    entries = notice_entries(notices)
    assert entries["vietnam-provinces"] == GPL
    assert "LGPL-3.0" in entries["pyside6-essentials"] and "used under LGPL-3.0-only" in notices
    assert "LGPL-3.0" in entries["shiboken6"]
    assert re.search(r"^Python 3\.\d+\.\d+\n  Licence: PSF-2\.0", notices, re.M)
    assert re.search(r"^Qt 6 libraries.*\n  Licence: LGPL-3\.0-only", notices, re.M)
    assert "PyInstaller bootloader" in notices and "Bootloader-exception" in notices
    assert notices.startswith("Front Desk ") and f"Licence: {GPL}" in notices.splitlines()[1]
    # the licences come from each package's own metadata, not from a table here
    for name, licence in entries.items():
        if name in third_party_notices.KNOWN_LICENCES:
            continue
        assert licence == third_party_notices.licence_of(md.distribution(name))[0]


def test_a_package_without_any_licence_stops_the_build():
    class Meta(dict):
        def get_all(self, key):
            return []

    class Nameless:
        metadata = Meta(Name="mystery-package")
        version = "1.0"

    with pytest.raises(SystemExit, match="mystery-package 1.0 declares no licence"):
        third_party_notices.licence_of(Nameless())


def test_front_desk_is_gpl_3_or_later_everywhere():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert pyproject["license"] == {"text": GPL}
    licence_classifiers = [c for c in pyproject["classifiers"] if c.startswith("License ::")]
    assert licence_classifiers == ["License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.lstrip().startswith("GNU GENERAL PUBLIC LICENSE") and "Version 3, 29 June 2007" in licence
    assert "END OF TERMS AND CONDITIONS" in licence
    spec = (ROOT / "packaging" / "frontdesk.spec").read_text(encoding="utf-8")
    assert re.search(r'LEGAL_COPYRIGHT = ".*GPL-3\.0-or-later\)"', spec)
    nsi = (ROOT / "packaging" / "windows" / "frontdesk.nsi").read_text(encoding="utf-8-sig")
    assert re.search(r'VIAddVersionKey /LANG=0 "LegalCopyright" ".*GPL-3\.0-or-later\)"', nsi)
    deb = (ROOT / "packaging" / "linux" / "build_deb.sh").read_text(encoding="utf-8")
    assert f"Files: *\nCopyright: Front Desk contributors\nLicense: {GPL}" in deb
    assert third_party_notices.FRONTDESK_LICENCE == GPL


def test_nothing_in_packaging_or_pyproject_says_mit_for_front_desk():
    files = [ROOT / "pyproject.toml", ROOT / "LICENSE", *[p for p in (ROOT / "packaging").rglob("*") if p.is_file()]]
    for path in files:
        if path.suffix in (".png", ".ico", ".svg") or "__pycache__" in path.parts:
            continue
        text = path.read_text(encoding="utf-8-sig")
        for number, line in enumerate(text.splitlines(), 1):
            if not re.search(r"\bMIT\b", line):
                continue
            where = f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            # only the generator names MIT, for components (libffi, Expat) that are MIT
            assert path.name == "third_party_notices.py", where
            assert not re.search(r"front ?desk", line, re.I), where


def test_both_packages_carry_the_licence_and_the_notices():
    spec = (ROOT / "packaging" / "frontdesk.spec").read_text(encoding="utf-8")
    assert 'third_party_notices.write(NOTICES_DIR / "THIRD-PARTY-NOTICES.txt")' in spec
    assert '(str(NOTICES_DIR / "THIRD-PARTY-NOTICES.txt"), ".")' in spec
    assert '(str(NOTICES_DIR / "LICENSE.txt"), ".")' in spec
    nsi = (ROOT / "packaging" / "windows" / "frontdesk.nsi").read_text(encoding="utf-8-sig")
    for name in ("LICENSE.txt", "THIRD-PARTY-NOTICES.txt"):
        assert f'!insertmacro REQUIRE_FILE "_internal\\{name}"' in nsi
        assert f'File "/oname={name}" "${{BUNDLE}}\\_internal\\{name}"' in nsi
        assert f'Delete "$INSTDIR\\{name}"' in nsi


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
                    reason="build_deb.sh needs Linux and dpkg-deb")
def test_the_deb_ships_the_notices_and_a_gpl_copyright(tmp_path):
    bundle = tmp_path / "bundle" / "frontdesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "frontdesk").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "frontdesk").chmod(0o755)
    third_party_notices.write(bundle / "_internal" / "THIRD-PARTY-NOTICES.txt")
    env = {**os.environ, "FRONTDESK_SKIP_DEPENDS_CHECK": "1", "FRONTDESK_BUILD_DIR": str(tmp_path / "build")}
    run = subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "build_deb.sh"), str(bundle), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    deb = Path(run.stdout.strip().splitlines()[-1])
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path / "root")], check=True)
    doc = tmp_path / "root" / "usr" / "share" / "doc" / "frontdesk"
    copyright_ = (doc / "copyright").read_text(encoding="utf-8")
    assert f"License: {GPL}" in copyright_ and "MIT" not in copyright_
    assert "/usr/share/common-licenses/GPL-3" in copyright_
    shipped = (doc / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert "vietnam-provinces" in shipped and notice_entries(shipped)["vietnam-provinces"] == GPL


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="build_deb.sh is for Linux")
def test_the_deb_build_refuses_a_bundle_without_notices(tmp_path):
    bundle = tmp_path / "frontdesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "frontdesk").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "frontdesk").chmod(0o755)
    env = {**os.environ, "FRONTDESK_SKIP_DEPENDS_CHECK": "1", "FRONTDESK_BUILD_DIR": str(tmp_path / "build")}
    run = subprocess.run(["bash", str(ROOT / "packaging" / "linux" / "build_deb.sh"), str(bundle), str(tmp_path / "out")],
                         capture_output=True, text=True, timeout=60, env=env)
    assert run.returncode != 0 and "THIRD-PARTY-NOTICES.txt" in run.stderr
