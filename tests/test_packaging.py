"""The installers' fast checks (the full build is packaging/test_linux_package.sh,
too slow for CI): the spec, the Windows installer and ``frontdesk check`` name
the same resource files, which are the ones resources/ holds; the installation
checks pass from the source tree and fail, saying why, on a broken one; the
NSIS script compiles (when makensis is installed) and refuses an incomplete bundle.
"""
from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import resources
from app.safety import install_checks
from app.safety.install_checks import QM_MAGIC, run_install_checks

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "frontdesk.spec"
NSI = ROOT / "packaging" / "windows" / "frontdesk.nsi"
TRANSLATIONS = ROOT / "resources" / "translations"


def spec_list(name: str) -> list[str]:
    """A list literal assigned at the spec's top level, e.g. TRANSLATIONS = [...]."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not in {SPEC.name}")


def test_every_compiled_translation_is_shipped_checked_and_required():
    on_disk = sorted(p.name for p in TRANSLATIONS.glob("*.qm"))
    assert "qtbase_vi.qm" in on_disk
    assert sorted(resources.TRANSLATION_FILES) == on_disk
    assert sorted(spec_list("TRANSLATIONS")) == on_disk
    required = re.findall(r'REQUIRE_FILE "_internal\\resources\\translations\\([^"]+)"', NSI.read_text(encoding="utf-8"))
    assert sorted(required) == on_disk
    # and each .ts has its .qm (a new language without its compiled file would not ship)
    assert sorted(p.with_suffix(".qm").name for p in TRANSLATIONS.glob("*.ts")) == on_disk


def test_every_icon_is_shipped():
    on_disk = sorted(p.name for p in (ROOT / "resources" / "icons").iterdir())
    assert sorted(resources.ICON_FILES) == on_disk == sorted(spec_list("ICONS"))
    ico = (ROOT / "resources" / "icons" / "frontdesk.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0" and int.from_bytes(ico[4:6], "little") >= 4  # several sizes
    assert (ROOT / "resources" / "icons" / "frontdesk.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_qt_module_the_window_imports_is_left_out_of_the_bundle():
    excluded = set(spec_list("QT_UNUSED"))
    used = set()
    for source in (ROOT / "ui").rglob("*.py"):
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets", "QtNetwork"} <= used
    assert not used & excluded


def test_the_installation_checks_pass_from_the_source_tree():
    class OsKeyring:  # stands in for Windows Credential Manager / Secret Service
        priority = 5

    results = {r.name: r for r in run_install_checks(keyring_backend=OsKeyring())}
    assert {n: r.status for n, r in results.items()} == {
        "sqlite": "ok", "workbook": "ok", "translations": "ok", "resources": "ok", "keyring": "ok"}
    assert "FTS5" in results["sqlite"].describe("en")
    assert "3321" in results["resources"].describe("en")


def test_a_broken_installation_fails_saying_what_is_missing(tmp_path):
    broken = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", broken, ignore=shutil.ignore_patterns("*.ts", "incoming"))
    (broken / "translations" / "qtbase_vi.qm").unlink()
    (broken / "translations" / "frontdesk_en.qm").write_bytes(b"<html>not a translation</html>")
    (broken / "icons" / "frontdesk.ico").unlink()
    results = {r.name: r for r in run_install_checks(resources=broken)}
    assert results["translations"].status == "fail"
    text = results["translations"].describe("vi")
    assert "qtbase_vi.qm (missing)" in text and "frontdesk_en.qm (not a .qm file)" in text
    assert "frontdesk_vi.qm" not in text
    assert results["resources"].status == "fail" and "icons/frontdesk.ico" in results["resources"].describe("en")


def test_the_qm_files_carry_qts_magic():
    for name in resources.TRANSLATION_FILES:
        assert (TRANSLATIONS / name).read_bytes()[:16] == QM_MAGIC


def test_the_xml_bomb_sample_is_a_real_bomb_and_refused_for_that_reason(tmp_path):
    from app.spreadsheets.reading import WorkbookError, read_workbook

    with zipfile.ZipFile(io.BytesIO(install_checks.tiny_xlsx(install_checks._BOMB_STRINGS))) as z:
        assert b"<!ENTITY" in z.read("xl/sharedStrings.xml")
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(install_checks.tiny_xlsx(install_checks._BOMB_STRINGS))
    with pytest.raises(WorkbookError) as refused:
        read_workbook(bomb)
    assert refused.value.code == "workbook.xml_bomb"


def test_the_workbook_check_fails_when_the_bomb_guard_is_gone(monkeypatch):
    """The check is only worth something if it notices a reader without the guard."""
    from app.spreadsheets import reading

    class NoChecks:
        merged: dict = {}

    monkeypatch.setattr(reading, "check_package", lambda *a, **k: NoChecks())
    result = install_checks.check_workbook()
    assert result.status == "fail", result.params


def test_keyring_backends_are_classified():
    from keyring.backends import fail, null

    class PlaintextKeyring:
        priority = 0.5

    class WinVaultKeyring:
        priority = 5

    class Broken:
        @property
        def priority(self):
            raise RuntimeError("no D-Bus session")

    assert install_checks.keyring_problem(fail.Keyring()) == "none"
    assert install_checks.keyring_problem(null.Keyring()) == "none"
    assert install_checks.keyring_problem(PlaintextKeyring()) == "plaintext"
    assert install_checks.keyring_problem(Broken()) == "plaintext"  # below priority 1: keyring says not recommended
    assert install_checks.keyring_problem(WinVaultKeyring()) is None
    warned = install_checks.check_keyring(fail.Keyring())
    assert warned.status == "warn"  # a PC without a keyring still works: folder destinations need no password
    assert "GNOME Keyring" in warned.describe("en") and "kho mật khẩu" in warned.describe("vi")


def test_resources_are_found_inside_a_pyinstaller_bundle(monkeypatch, tmp_path):
    assert resources.resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.is_frozen()
    assert resources.translations_dir() == tmp_path / "resources" / "translations"


def test_frontdesk_check_reports_the_installation_too(tmp_path, capsys):
    import json

    from app.cli import run
    from app.domain.commune import create_commune_database

    db = tmp_path / "c.sqlite3"
    create_commune_database(db, "00004").close()
    status = run(["check", "--db", str(db), "--json", "--lang", "en"])
    report = json.loads(capsys.readouterr().out)
    names = [c["name"] for c in report["checks"]]
    assert {"integrity", "sqlite", "workbook", "translations", "resources", "keyring"} <= set(names)
    assert status == 0 and report["ok"]  # a missing keyring on this machine is a warning only


def test_the_desktop_entry_speaks_vietnamese_and_english():
    entry = (ROOT / "packaging" / "linux" / "frontdesk.desktop").read_text(encoding="utf-8")
    for key in ("Name=", "Name[vi]=Sổ tay công tác Mặt trận xã", "Comment=", "Comment[vi]=", "Exec=frontdesk",
                "Icon=frontdesk"):
        assert key in entry


def dummy_bundle(folder: Path, *, without: str | None = None) -> Path:
    bundle = folder / "frontdesk"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    shutil.copytree(TRANSLATIONS, bundle / "_internal" / "resources" / "translations",
                    ignore=shutil.ignore_patterns("*.ts", "*.md", "incoming"))
    shutil.copytree(ROOT / "resources" / "icons", bundle / "_internal" / "resources" / "icons")
    for exe in ("frontdesk.exe", "frontdesk-cli.exe"):
        (bundle / exe).write_bytes(b"MZ")
    if without:
        next(bundle.rglob(without)).unlink()
    return bundle


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (Debian: apt-get install nsis)")
def test_the_windows_installer_script_compiles(tmp_path):
    bundle = dummy_bundle(tmp_path)
    run = subprocess.run(["makensis", "-V2", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}", str(NSI)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    setup = tmp_path / "FrontDesk-0.1.0-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis not installed (Debian: apt-get install nsis)")
def test_the_windows_installer_refuses_a_bundle_without_a_translation(tmp_path):
    bundle = dummy_bundle(tmp_path, without="qtbase_vi.qm")
    run = subprocess.run(["makensis", "-V1", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}", str(NSI)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert "qtbase_vi.qm" in run.stdout + run.stderr
    assert not (tmp_path / "FrontDesk-0.1.0-setup.exe").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_CONFIG_DIRS is Linux's")
def test_site_toml_is_found_in_any_xdg_config_dir_and_in_etc_xdg(tmp_path, monkeypatch):
    """Ubuntu's desktop sets XDG_CONFIG_DIRS=/etc/xdg/xdg-ubuntu:/etc/xdg; platformdirs
    alone would look only in the first, missing IT's /etc/xdg/FrontDesk/site.toml."""
    from app.sending.site_config import load_site_config, site_config_candidates, site_config_path

    first, second = tmp_path / "xdg-ubuntu", tmp_path / "xdg"
    monkeypatch.delenv("FRONTDESK_SITE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{first}:{second}")
    assert site_config_candidates() == [first / "FrontDesk" / "site.toml", second / "FrontDesk" / "site.toml",
                                        Path("/etc/xdg/FrontDesk/site.toml")]
    (second / "FrontDesk").mkdir(parents=True)
    (second / "FrontDesk" / "site.toml").write_text('[commune]\ncode = "00004"\nlocked = true\n', encoding="utf-8")
    assert site_config_path() == second / "FrontDesk" / "site.toml"
    site = load_site_config()
    assert site.commune_code == "00004" and site.commune_locked
    (first / "FrontDesk").mkdir(parents=True)
    (first / "FrontDesk" / "site.toml").write_text("", encoding="utf-8")
    assert site_config_path() == first / "FrontDesk" / "site.toml"  # the earlier folder wins, as XDG says


def test_the_spec_drops_qts_translations_and_keeps_ours_on_windows_paths_too():
    """PyInstaller names destinations with the OS's separator: on Windows our own
    ``resources\\translations\\*.qm`` must survive the filter that drops Qt's."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_qt_translation")
    scope: dict = {}
    exec(compile(ast.Module([function], []), str(SPEC), "exec"), scope)
    qt_translation = scope["_qt_translation"]
    assert qt_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert qt_translation("PySide6\\translations\\qt_help_fr.qm")
    assert not qt_translation("resources/translations/frontdesk_vi.qm")
    assert not qt_translation("resources\\translations\\qtbase_vi.qm")
    assert not qt_translation("vietnam_provinces/data/flat-divisions.json")
