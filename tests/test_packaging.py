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
    assert "qtbase_vi.qm (không có)" in text and "frontdesk_en.qm (không phải tệp .qm)" in text
    english = results["translations"].describe("en")
    assert "qtbase_vi.qm (missing)" in english and "frontdesk_en.qm (not a .qm file)" in english
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
    shutil.copy(ROOT / "LICENSE", bundle / "_internal" / "LICENSE.txt")
    (bundle / "_internal" / "THIRD-PARTY-NOTICES.txt").write_text("(a stand-in)\n", encoding="utf-8")
    if without:
        next(bundle.rglob(without)).unlink()
    return bundle


needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None,
                                    reason="makensis not installed (Debian: apt-get install nsis)")


def makensis(*args: str, charset: str = "UTF8", script: Path = NSI) -> subprocess.CompletedProcess:
    """makensis as the project runs it: -INPUTCHARSET UTF8 on every command line."""
    return subprocess.run(["makensis", "-INPUTCHARSET", charset, *args, str(script)],
                          capture_output=True, text=True, timeout=120)


@needs_makensis
def test_the_windows_installer_script_compiles(tmp_path):
    bundle = dummy_bundle(tmp_path)
    run = makensis("-V2", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}")
    assert run.returncode == 0, run.stdout + run.stderr
    setup = tmp_path / "FrontDesk-0.1.0-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"


@needs_makensis
def test_the_windows_installer_refuses_a_bundle_without_a_translation(tmp_path):
    bundle = dummy_bundle(tmp_path, without="qtbase_vi.qm")
    run = makensis("-V1", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}")
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


# --- the Windows installer: its encoding, what it compiles to, signing, permissions ---

VIETNAMESE = ["Biểu tượng trên màn hình nền", "Sổ tay công tác Mặt trận xã", "Không tìm thấy tệp cấu hình /SITE",
              "Front Desk cần Windows 11, hoặc Windows 10 phiên bản 1809"]


def nsis_header(setup: Path) -> bytes:
    """The installer's script header (its strings, UTF-16 in a Unicode installer),
    unpacked from the solid LZMA block that follows NSIS's first header."""
    import lzma

    data = setup.read_bytes()
    start = data.find(b"\xef\xbe\xad\xdeNullsoftInst") - 4
    assert start > 0, "not an NSIS installer"
    header_length = int.from_bytes(data[start + 20:start + 24], "little")
    body = data[start + 28:]
    props, dict_size = body[0], int.from_bytes(body[1:5], "little")
    lzma1 = {"id": lzma.FILTER_LZMA1, "dict_size": dict_size, "lc": props % 9, "lp": props // 9 % 5, "pb": props // 45}
    unpacked = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[lzma1]).decompress(body[5:], max_length=header_length + 4)
    assert len(unpacked) == header_length + 4
    return unpacked


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def test_the_installer_script_is_utf8_with_a_bom():
    raw = NSI.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "makensis on Windows reads a script without a BOM in the legacy code page"
    raw[3:].decode("utf-8")  # and it is UTF-8 throughout


def _makensis_calls() -> list[tuple[str, str]]:
    """Every place the project runs makensis, with the text of the call."""
    places = [*ROOT.joinpath("packaging").rglob("*"), *ROOT.joinpath(".github").rglob("*"),
              ROOT / "docs" / "IT.md", Path(__file__)]
    calls = []
    for path in places:
        if not path.is_file() or path.suffix not in (".sh", ".ps1", ".yml", ".md", ".py", ".nsi", ""):
            continue
        text = path.read_text(encoding="utf-8-sig")
        text = re.sub(r"`\r?\n|\\\r?\n", " ", text)  # PowerShell's and the shells' line continuations
        for line in text.splitlines():
            if re.search(r'&\s*\$makensis\b|(?<!Get-Command )\bmakensis(\.exe)?\s+[-/]|\[\s*"makensis"', line):
                calls.append((path.relative_to(ROOT).as_posix(), line.strip()))
    return calls


def test_every_makensis_command_line_reads_the_script_as_utf8():
    calls = _makensis_calls()
    where = {path for path, _ in calls}
    assert {"packaging/build_windows.ps1", "packaging/windows/test_under_wine.sh", "packaging/test_linux_package.sh",
            "docs/IT.md", "tests/test_packaging.py"} <= where, where
    for path, line in calls:
        if path == "packaging/build_windows.ps1" and "@nsisArgs" in line:
            line = re.search(r"\$nsisArgs = @\((.*)\)", (ROOT / path).read_text(encoding="utf-8")).group(1)
        assert re.search(r'[-/]INPUTCHARSET"?,?\s*"?UTF8|"-INPUTCHARSET", charset', line), f"{path}: {line}"


@needs_makensis
def test_the_installers_vietnamese_arrives_intact_whatever_the_code_page(tmp_path):
    """Compiled as makensis on a Vietnamese Windows would read a file without a
    BOM (-INPUTCHARSET CP1258): the BOM decides, the texts arrive as written."""
    bundle = dummy_bundle(tmp_path)
    run = makensis("-V2", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}", charset="CP1258")
    assert run.returncode == 0, run.stdout + run.stderr
    setup = tmp_path / "FrontDesk-0.1.0-setup.exe"
    header = nsis_header(setup)
    for text in VIETNAMESE:
        assert utf16(text) in header, text
    # the version resource (Properties → Details), uncompressed in the .exe
    assert utf16("Front Desk 0.1.0 — Sổ tay công tác Mặt trận xã (installer)") in setup.read_bytes()

    # and without its BOM the same script does not get there: the test would see it
    no_bom = tmp_path / "windows" / "frontdesk.nsi"  # beside a ..\site.toml.example, as in packaging/
    no_bom.parent.mkdir()
    no_bom.write_bytes(NSI.read_bytes()[3:])
    shutil.copy(ROOT / "packaging" / "site.toml.example", tmp_path / "site.toml.example")
    out = tmp_path / "nobom"
    out.mkdir()
    run = makensis("-V1", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={out}", charset="CP1258", script=no_bom)
    built = out / "FrontDesk-0.1.0-setup.exe"
    assert run.returncode != 0 or utf16(VIETNAMESE[0]) not in nsis_header(built)


@needs_makensis
def test_the_installer_compiles_its_permissions_version_check_and_no_elevated_run(tmp_path):
    bundle = dummy_bundle(tmp_path)
    run = makensis("-V2", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}")
    assert run.returncode == 0, run.stdout + run.stderr
    setup = tmp_path / "FrontDesk-0.1.0-setup.exe"
    header = nsis_header(setup)
    # icacls by SID (a Vietnamese Windows names its groups in Vietnamese): Users read only
    grant = "/inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"
    assert utf16(grant) in header
    assert utf16("\\icacls.exe") in header and utf16("/setowner *S-1-5-32-544") in header
    assert utf16("\\MTTQ\\FrontDesk") in header
    assert utf16("17763") in header  # Windows 10 1809, Qt 6's minimum
    assert utf16("frontdesk.exe") in header
    # the finish page starts nothing: what the elevated installer starts would keep its data in the admin's profile
    assert utf16("Đã cài xong Front Desk") in header
    data = setup.read_bytes()
    assert utf16("© Front Desk contributors. Free software: GNU GPL v3 or later (GPL-3.0-or-later)") in data
    assert utf16("FrontDesk-0.1.0-setup.exe") in data


def _script_lines() -> list[str]:
    """The .nsi's lines without comments."""
    lines = []
    for line in NSI.read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith((";", "#")):
            lines.append(line)
    return lines


def test_the_finish_page_does_not_start_front_desk_elevated():
    script = "\n".join(_script_lines())
    assert "MUI_FINISHPAGE_RUN" not in script
    assert not re.search(r"^\s*(Exec|ExecWait|ExecShell|ExecShellWait)\b.*frontdesk", script, re.M | re.I)
    assert "MUI_FINISHPAGE_TEXT" in script


def test_the_installer_sets_permissions_and_reads_site_toml_before_touching_the_program():
    lines = _script_lines()
    section = lines[lines.index('Section "$(SecProgram)" SecProgram'):]
    section = section[:section.index("SectionEnd")]

    def first(pattern: str) -> int:
        return next(i for i, line in enumerate(section) if re.search(pattern, line))

    old_files_removed = first(r"RMDir /r")
    assert first(r"Call WaitUntilClosed") < first(r'LOCK_DOWN "\$APPDATA\\MTTQ\\FrontDesk"') < old_files_removed
    assert first(r'LOCK_DOWN "\$INSTDIR"') < old_files_removed
    assert first(r'CopyFiles /SILENT "\$SiteFile"') < old_files_removed < first(r"^File /r")
    on_init = lines[lines.index("Function .onInit"):]
    on_init = "\n".join(on_init[:on_init.index("FunctionEnd")])
    for message in ("SiteMissing", "SiteUnreadable", "SiteBadSize"):
        assert f'"$({message})" /SD IDOK\nSetErrorLevel 2\nQuit' in on_init, message
    assert "${OrIfNot} ${AtLeastBuild} 17763" in on_init


@needs_makensis
@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in signer is a POSIX shell script")
def test_the_installer_and_its_uninstaller_are_signed_when_a_command_is_given(tmp_path):
    log = tmp_path / "signed.log"
    signer = tmp_path / "fake-signtool.sh"
    signer.write_text(f'#!/bin/sh\nprintf "%s %s\\n" "$(head -c 2 "$1")" "$1" >> "{log}"\n', encoding="utf-8")
    signer.chmod(0o755)
    bundle = dummy_bundle(tmp_path)
    run = makensis("-V2", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={tmp_path}", f"-DSIGN_COMMAND={signer}")
    assert run.returncode == 0, run.stdout + run.stderr
    signed = log.read_text(encoding="utf-8").splitlines()
    assert len(signed) == 2, signed
    uninstaller, installer = signed
    assert uninstaller.startswith("MZ ") and "FrontDesk-0.1.0-setup.exe" not in uninstaller  # a temporary file
    assert installer == f"MZ {tmp_path / 'FrontDesk-0.1.0-setup.exe'}"

    # a signing command that fails stops the build: never silently unsigned
    failing = tmp_path / "failing-signtool.sh"
    failing.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    out = tmp_path / "failed"
    out.mkdir()
    run = makensis("-V1", "-DVERSION=0.1.0", f"-DBUNDLE={bundle}", f"-DOUTDIR={out}", f"-DSIGN_COMMAND={failing}")
    assert run.returncode != 0


def test_the_windows_build_signs_when_a_certificate_is_configured_and_says_so_when_not():
    build = (ROOT / "packaging" / "build_windows.ps1").read_text(encoding="utf-8")
    assert "$env:FRONTDESK_SIGN_CERT -or $env:FRONTDESK_SIGN_THUMBPRINT" in build
    assert '"/DSIGN_SCRIPT=$signScript"' in build
    assert "UNSIGNED: no certificate" in build
    assert re.search(r'foreach \(\$name in @\("frontdesk.exe", "frontdesk-cli.exe"\)\)', build)
    sign = (ROOT / "packaging" / "windows" / "sign.ps1").read_text(encoding="utf-8")
    for variable in ("FRONTDESK_SIGN_CERT", "FRONTDESK_SIGN_THUMBPRINT", "FRONTDESK_SIGN_PASSWORD",
                     "FRONTDESK_SIGN_TIMESTAMP_URL"):
        assert variable in sign
        assert variable in (ROOT / "docs" / "IT.md").read_text(encoding="utf-8")
    assert '"/fd", "SHA256"' in sign


def _spec_function(name: str):
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    nodes = [n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "LEGAL_COPYRIGHT"]
    nodes += [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    scope: dict = {}
    exec(compile(ast.Module(nodes, []), str(SPEC), "exec"), scope)
    return scope[name]


def test_the_two_executables_say_who_they_are():
    version_strings = _spec_function("version_strings")
    window, console = version_strings("frontdesk", "0.1.0"), version_strings("frontdesk-cli", "0.1.0")
    assert window["OriginalFilename"] == "frontdesk.exe" and console["OriginalFilename"] == "frontdesk-cli.exe"
    assert window["InternalName"] != console["InternalName"]
    assert window["FileDescription"] != console["FileDescription"]
    for strings in (window, console):
        assert "GPL-3.0-or-later" in strings["LegalCopyright"] and "MIT" not in strings["LegalCopyright"]
    spec = SPEC.read_text(encoding="utf-8")
    assert "version=version_resource(name) if WINDOWS else None" in spec


def test_the_version_resources_pyinstaller_writes_name_each_executable(monkeypatch):
    """With PyInstaller's own classes (skipped where PyInstaller and pefile are not
    installed; outside Windows its compat module has no win32api, which only
    reading and writing an .exe needs)."""
    compat = pytest.importorskip("PyInstaller.compat")
    pytest.importorskip("pefile")
    monkeypatch.setattr(compat, "win32api", getattr(compat, "win32api", None), raising=False)
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    nodes = [n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "LEGAL_COPYRIGHT"]
    nodes += [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in ("version_strings", "version_resource")]
    scope: dict = {"re": re, "VERSION": "0.2.0rc1"}
    exec(compile(ast.Module(nodes, []), str(SPEC), "exec"), scope)
    window, console = str(scope["version_resource"]("frontdesk")), str(scope["version_resource"]("frontdesk-cli"))
    assert "StringStruct('OriginalFilename', 'frontdesk.exe')" in window
    assert "StringStruct('OriginalFilename', 'frontdesk-cli.exe')" in console
    assert "filevers=(0, 2, 0, 1)" in window
    raw = scope["version_resource"]("frontdesk-cli").toRaw()  # the bytes that go into the .exe
    assert "frontdesk-cli.exe".encode("utf-16-le") in raw and "GPL-3.0-or-later".encode("utf-16-le") in raw
    assert versioninfo.VSVersionInfo
