"""``frontdesk check``, second half: is this installation whole?

A PyInstaller bundle can miss a piece and still start: a data file not
collected, a native library left out, a keyring backend whose entry point
was lost. Each check here uses the piece the way the app does, so a bundle
that passes them has what the app needs: SQLite with FTS5, the Excel reader
(python-calamine's native library) behind its XML-bomb guard, the compiled
translations, the official list of communes, the icons, and a keyring.

Qt is not imported (app/ never does): a translation counts as present when
its file is there and carries the Qt .qm magic bytes.
"""
from __future__ import annotations

import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable

from app import messages
from app.os_words import Words, join
from app.safety.checks import CheckResult
from app.resources import ICON_FILES, TRANSLATION_FILES, is_frozen, resources_dir

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")

messages.register(
    {
        "check.sqlite.ok": ("SQLite {version}, có FTS5 (tìm kiếm toàn văn).", "SQLite {version}, with FTS5 (full-text search)."),
        "check.sqlite.fail": ("SQLite thiếu FTS5 hoặc hỏng, không tìm kiếm được: {detail}", "SQLite lacks FTS5 or is broken, search cannot work: {detail}"),
        "check.workbook.ok": (
            "Đọc được bảng tính Excel (trong một tiến trình riêng có giới hạn bộ nhớ); tệp độc hại kiểu “bom XML” "
            "bị từ chối.",
            "Excel workbooks read (in a process of their own, with a memory cap); a malicious “XML bomb” file "
            "is refused.",
        ),
        "check.workbook.fail": ("Phần đọc bảng tính Excel không dùng được: {detail}", "The Excel reader does not work: {detail}"),
        "check.translations.ok": ("Có đủ {count} tệp bản dịch ({names}).", "All {count} translation files are there ({names})."),
        "check.translations.fail": (
            "Thiếu hoặc hỏng tệp bản dịch: {detail}. Hãy cài lại Front Desk.",
            "Translation files missing or damaged: {detail}. Reinstall Front Desk.",
        ),
        "check.resources.ok": (
            "Có đủ tài nguyên: biểu tượng, danh mục {provinces} tỉnh và {communes} xã (dữ liệu ngày {version}).",
            "Resources found: icons, the list of {provinces} provinces and {communes} communes (data of {version}).",
        ),
        "check.resources.fail": ("Thiếu tài nguyên của ứng dụng: {detail}. Hãy cài lại Front Desk.", "Application resources missing: {detail}. Reinstall Front Desk."),
        "check.keyring.ok": ("Kho mật khẩu của hệ điều hành dùng được ({backend}).", "The OS keyring is usable ({backend})."),
        "check.keyring.warn": (
            "Máy này chưa có kho mật khẩu an toàn ({backend}): gửi báo cáo qua WebDAV hay thư điện tử sẽ không "
            "lưu được mật khẩu; gửi vào thư mục vẫn dùng được. Windows có sẵn Windows Credential Manager; trên "
            "Linux hãy cài và mở khóa GNOME Keyring hoặc KWallet (xem docs/IT.md).",
            "This computer has no safe keyring ({backend}): sending by WebDAV or e-mail cannot keep a password; "
            "sending to a folder still works. Windows has the Credential Manager built in; on Linux install "
            "and unlock GNOME Keyring or KWallet (see docs/IT.md).",
        ),
        "check.keyring.fail": ("Không kiểm tra được kho mật khẩu: {detail}", "The keyring could not be checked: {detail}"),
    }
)


def _guarded(name: str, check: Callable[[], CheckResult]) -> CheckResult:
    """A check that trips over something unforeseen fails with the reason,
    never with a traceback: a broken bundle is exactly what it is for."""
    try:
        return check()
    except Exception as exc:
        return CheckResult(name, "fail", {"detail": f"{type(exc).__name__}: {exc}"[:300]})


# -- SQLite ----------------------------------------------------------------------


def check_sqlite() -> CheckResult:
    version = sqlite3.sqlite_version
    conn = sqlite3.connect(":memory:")
    try:
        # the same tokenizer as the people's search index (app/migrations.py)
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(name, tokenize = 'unicode61 remove_diacritics 0')")
        conn.execute("INSERT INTO t (name) VALUES ('nguyen van duc')")
        found = conn.execute("SELECT count(*) FROM t WHERE t MATCH '\"duc\"*'").fetchone()[0]
    except sqlite3.Error as exc:
        return CheckResult("sqlite", "fail", {"detail": f"SQLite {version}: {exc}"})
    finally:
        conn.close()
    if found != 1:
        return CheckResult("sqlite", "fail", {"detail": Words(f"SQLite {version}: MATCH tìm được {found}",
                                                                 f"SQLite {version}: MATCH found {found}")})
    return CheckResult("sqlite", "ok", {"version": version})


# -- Excel reading ------------------------------------------------------------------

_SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_BOMB_STRINGS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;">]>'
    f'<sst xmlns="{_SHEET_NS}" count="1" uniqueCount="1"><si><t>&lol1;</t></si></sst>'
)


def tiny_xlsx(shared_strings: str | None = None) -> bytes:
    """The smallest workbook Excel would open: one sheet, cell A1 = "Đức".
    With ``shared_strings`` its string table is replaced (the hostile sample)."""
    strings = shared_strings or (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_SHEET_NS}" count="1" uniqueCount="1">'
        "<si><t>Đức</t></si></sst>"
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_SHEET_NS}" xmlns:r="{_REL_NS}">'
            '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_SHEET_NS}"><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
        ),
        "xl/sharedStrings.xml": strings,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def check_workbook() -> CheckResult:
    from app.spreadsheets.reading import WorkbookError, read_workbook
    from app.spreadsheets.sandbox import read_untrusted

    with tempfile.TemporaryDirectory(prefix="frontdesk-check-") as folder:
        honest = Path(folder) / "honest.xlsx"
        honest.write_bytes(tiny_xlsx())
        # as the app reads a roster: in the reader's child process (in the bundle, this
        # proves the child can start), with python-calamine's native library
        sheets = read_untrusted(honest)
        if [s.name for s in sheets] != ["Danh sách"] or sheets[0].rows[:1] != [["Đức"]]:
            seen = [(s.name, s.rows[:1]) for s in sheets]
            return CheckResult("workbook", "fail", {"detail": Words(f"đọc lại được {seen}", f"read back {seen}")})
        bomb = Path(folder) / "bomb.xlsx"
        bomb.write_bytes(tiny_xlsx(_BOMB_STRINGS))
        try:
            read_workbook(bomb)
        except WorkbookError as exc:
            if exc.code != "workbook.xml_bomb":
                return CheckResult("workbook", "fail", {"detail": Words(f"“bom XML” bị từ chối với mã {exc.code}",
                                                                       f"XML bomb refused as {exc.code}")})
        else:
            return CheckResult("workbook", "fail", {"detail": Words("một “bom XML” đã được đọc, không bị từ chối",
                                                             "an XML bomb was read, not refused")})
    return CheckResult("workbook", "ok")


# -- translations and resources -------------------------------------------------------


def check_translations(folder: Path | None = None) -> CheckResult:
    folder = folder or resources_dir() / "translations"
    bad = []
    for name in TRANSLATION_FILES:
        path = folder / name
        try:
            with open(path, "rb") as fh:
                if fh.read(len(QM_MAGIC)) != QM_MAGIC:
                    bad.append(Words(f"{name} (không phải tệp .qm)", f"{name} (not a .qm file)"))
        except OSError:
            bad.append(Words(f"{name} (không có)", f"{name} (missing)"))
    if bad:
        return CheckResult("translations", "fail", {"detail": join([f"{folder}: ", join(bad, ", ")], "")})
    return CheckResult("translations", "ok", {"count": len(TRANSLATION_FILES), "names": ", ".join(TRANSLATION_FILES)})


def check_resources(folder: Path | None = None) -> CheckResult:
    from app.text import admin_units

    folder = folder or resources_dir()
    missing = [f"icons/{name}" for name in ICON_FILES if not (folder / "icons" / name).is_file()]
    if missing:
        return CheckResult("resources", "fail", {"detail": f"{folder}: " + ", ".join(missing)})
    provinces = admin_units.provinces()  # the vietnam-provinces package's JSON data file
    communes = sum(len(admin_units.communes_of(p.code)) for p in provinces)
    if len(provinces) != 34 or communes < 3000:
        return CheckResult("resources", "fail", {"detail": Words(
            f"danh mục chính thức: {len(provinces)} tỉnh, {communes} xã",
            f"official list: {len(provinces)} provinces, {communes} communes")})
    return CheckResult("resources", "ok", {"provinces": len(provinces), "communes": communes,
                                           "version": admin_units.list_version()})


# -- keyring ------------------------------------------------------------------------------


def keyring_problem(backend: Any) -> str | None:
    """Why ``backend`` cannot keep a password safely ("none", "plaintext"), or
    None: the sync's own rules (``app.sending.secrets``), so the check and sending
    never disagree. Nothing is read or written: no unlock prompt in a check."""
    from app.sending.secrets import keyring_refusal

    refusal = keyring_refusal(backend)
    if refusal is None:
        return None
    return "none" if refusal.code == "secrets.no_keyring" else "plaintext"


def check_keyring(backend: Any = None) -> CheckResult:
    if backend is None:
        import keyring

        backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    problem = keyring_problem(backend)
    if problem:
        return CheckResult("keyring", "warn", {"backend": f"{name}: {problem}"})
    return CheckResult("keyring", "ok", {"backend": name})


def run_install_checks(*, resources: Path | None = None, keyring_backend: Any = None) -> list[CheckResult]:
    """The installation's checks, in the order ``frontdesk check`` prints them."""
    folder = resources or resources_dir()
    return [
        _guarded("sqlite", check_sqlite),
        _guarded("workbook", check_workbook),
        _guarded("translations", lambda: check_translations(folder / "translations")),
        _guarded("resources", lambda: check_resources(folder)),
        _guarded("keyring", lambda: check_keyring(keyring_backend)),
    ]


__all__ = ["QM_MAGIC", "run_install_checks", "check_sqlite", "check_workbook", "check_translations",
           "check_resources", "check_keyring", "keyring_problem", "tiny_xlsx", "is_frozen"]
