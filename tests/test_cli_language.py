"""The command line speaks like the window (issue 18): its help, argparse's
own words, the operating system's reasons and the backups' words are in
Vietnamese, or in English with ``--lang en``."""
from __future__ import annotations

import argparse
import ast
import errno
import json
import re

import pytest

from app import messages
from app.cli.parsing import ARGPARSE_VI, ARGPARSE_VI_PLURAL
from app.os_words import Words, error_reason, join, localize, os_reason
from tests.helpers import COMMUNE, cli

# argparse's English, none of which may be left in a Vietnamese text
ARGPARSE_ENGLISH = (
    "usage:", "positional arguments", "options:", "optional arguments", "show this help message and exit",
    "the following arguments are required", "invalid choice", "choose from", "unrecognized arguments",
    "expected one argument", "expected at most", "expected at least", "argument ", "invalid int value",
    "invalid float value", "error:", "ambiguous option", "not allowed with", "ignored explicit argument",
    " value: ",
)
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)

COMMANDS = (
    (), ("init",), ("communes",), ("demo",), ("search",), ("check",), ("import",), ("import", "members"),
    ("export",), ("export", "report"), ("export", "members"), ("consolidate",), ("sync",),
    ("sync", "destination"), ("sync", "destination", "folder"), ("sync", "destination", "webdav"),
    ("sync", "destination", "smtp"), ("sync", "password"), ("sync", "status"), ("sync", "run"),
    ("sync", "test"), ("sync", "queue"), ("sync", "retry"), ("backup",), ("backup", "create"),
    ("backup", "list"), ("backup", "restore"), ("backup", "copy"), ("changes",), ("erase-person",),
)


def english_left(text: str) -> list[str]:
    return [phrase for phrase in ARGPARSE_ENGLISH if phrase in text]


# -- help ------------------------------------------------------------------------


def test_help_is_vietnamese_by_default():
    code, out, err = cli("--help")
    assert code == 0 and err == ""
    assert out.startswith("cách dùng: frontdesk ")
    assert "đối số theo vị trí:" in out and "tùy chọn:" in out
    assert "-h, --help" in out and "hiện hướng dẫn này rồi thoát" in out
    assert "tạo cơ sở dữ liệu mới cho xã có mã chính thức này" in out  # init's help
    assert "--db TỆP" in out and "LỆNH" in out
    assert english_left(out) == []


def test_help_is_english_with_lang_en():
    code, out, err = cli("--help", "--lang", "en")
    assert code == 0 and err == ""
    assert out.startswith("usage: frontdesk ")
    assert "positional arguments:" in out and "options:" in out and "show this help message and exit" in out
    assert "new database for the commune with this official code" in out and "--db FILE" in out
    assert not VIETNAMESE.search(out)


def test_import_members_help_in_both_languages():
    code, out, _ = cli("import", "members", "--help")
    assert code == 0
    assert out.startswith("cách dùng: frontdesk import members ")
    assert "danh sách hội viên, đoàn viên (.xlsx, .xls, .ods)" in out  # the command's description
    assert "TỆP" in out and "--org TỔ_CHỨC" in out and "--column CỘT=TRƯỜNG" in out
    assert "chỉ kiểm tra và báo cáo, không ghi gì" in out  # --dry-run
    assert english_left(out) == []
    code, out, _ = cli("--lang=en", "import", "members", "--help")
    assert code == 0
    assert out.startswith("usage: frontdesk import members ")
    assert "check and report, write nothing" in out and "--org ORG" in out and "FILE" in out


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(w) or "frontdesk")
def test_every_commands_help_speaks_the_language_asked(words):
    code, vi, _ = cli(*words, "--help")
    assert code == 0 and english_left(vi) == []
    # every option has words, and they are Vietnamese: no English help text left
    assert not re.search(r"\b(the|and|of|or|to|from|with)\b", _helps_only(vi)), vi
    code, en, _ = cli(*words, "--help", "--lang", "en")
    assert code == 0 and en.startswith("usage: ")
    assert not VIETNAMESE.search(re.sub(r"6\s+tháng\s+đầu\s+năm", "", en)), en  # an example of what to type


def _helps_only(text: str) -> str:
    """The help's words without option names, placeholders and examples (which are the same in both languages)."""
    text = re.sub(r"--[\w-]+|[\"“][^\"”]*[\"”]|\{[^}]*\}|\S+\.(xlsx|sqlite3|md)\b", " ", text)
    return re.sub(r"\b(skip|update|add|full_name|quick_check|starttls|person|membership|task|WebDAV|"
                  r"Nextcloud|SMTP|SQLite|JSON|USB|Excel|stdin|frontdesk|search|communes|Front Desk)\b", " ", text)


def test_lang_from_the_environment_when_not_on_the_command_line(monkeypatch):
    monkeypatch.setenv("FRONTDESK_LANG", "en")
    assert cli("--help")[1].startswith("usage: ")
    assert cli("--help", "--lang", "vi")[1].startswith("cách dùng: ")


# -- usage errors ----------------------------------------------------------------------


def _usage_error(*argv: str) -> str:
    code, out, err = cli(*argv)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[1].endswith(" --help")  # one clear message, and where help is
    return lines[0]


def test_a_missing_required_argument():
    assert _usage_error("import", "members") == "frontdesk import members: các đối số bắt buộc còn thiếu: TỆP"
    assert _usage_error("import", "members", "--lang", "en") == (
        "frontdesk import members: the following arguments are required: FILE")
    assert _usage_error("init") == "frontdesk init: các đối số bắt buộc còn thiếu: --commune"


def test_an_invalid_choice():
    message = _usage_error("import", "members", "ds.xlsx", "--duplicates", "merge")
    assert message.startswith("frontdesk import members: đối số --duplicates: lựa chọn không hợp lệ: 'merge' "
                              "(chọn một trong: ")
    assert english_left(message) == []
    message = _usage_error("import", "members", "ds.xlsx", "--duplicates", "merge", "--lang", "en")
    assert "argument --duplicates: invalid choice: 'merge' (choose from " in message
    assert "lựa chọn không hợp lệ: 'frobnicate'" in _usage_error("frobnicate")
    assert "đối số LỆNH" in _usage_error("frobnicate")  # not argparse's "argument command"


def test_an_unknown_option():
    assert _usage_error("search", "x", "--bogus") == "frontdesk: không hiểu các đối số: --bogus"
    assert _usage_error("search", "x", "--bogus", "--lang", "en") == "frontdesk: unrecognized arguments: --bogus"


def test_a_value_of_the_wrong_kind():
    assert _usage_error("search", "x", "--limit", "many") == (
        "frontdesk search: đối số --limit: “many” không phải là một số nguyên")
    assert _usage_error("search", "x", "--limit", "many", "--lang", "en") == (
        "frontdesk search: argument --limit: “many” is not a whole number")
    assert _usage_error("search", "x", "--limit") == "frontdesk search: đối số --limit: cần đúng một giá trị"
    assert "viết CỘT=TRƯỜNG" in _usage_error("import", "members", "ds.xlsx", "--column", "B")
    assert "cần số giây từ 0.1 đến 300" in _usage_error("sync", "run", "--timeout", "0")


def test_an_unknown_language_is_refused_in_the_users_language():
    message = _usage_error("backup", "list", "--lang", "fr")
    assert message == "frontdesk backup list: đối số --lang: lựa chọn không hợp lệ: 'fr' (chọn một trong: 'vi', 'en')"


def test_every_text_argparse_translates_has_vietnamese_words():
    """Whatever Python runs the tests: a new text in its argparse shows here first."""
    tree = ast.parse(open(argparse.__file__, encoding="utf-8").read())
    singles, plurals = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                singles.add(texts[0])
            elif node.func.id == "ngettext" and len(texts) >= 2:
                plurals.add((texts[0], texts[1]))
    assert singles, "the scan found nothing: argparse changed how it translates"
    assert sorted(singles - set(ARGPARSE_VI)) == []
    assert sorted(plurals - set(ARGPARSE_VI_PLURAL)) == []
    for english, vietnamese in ARGPARSE_VI.items():  # the same placeholders, so formatting never fails
        assert set(re.findall(r"%\(\w+\)[sr]", vietnamese)) <= set(re.findall(r"%\(\w+\)[sr]", english))
        assert vietnamese.count("%s") + vietnamese.count("%r") <= english.count("%s") + english.count("%r")


def test_other_parsers_in_the_process_keep_argparse_as_it_is():
    cli("--help")  # the hook is in place now
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_help().startswith("usage: other") and "show this help message and exit" in parser.format_help()


# -- the operating system's and SQLite's words -------------------------------------------------

messages.register({"test.os_reason": ("Không ghi được {path}: {reason}", "Could not write {path}: {reason}")})


@pytest.mark.parametrize("number, vi, en", [
    (errno.ENOENT, "không có tệp hoặc thư mục này", "No such file or directory"),
    (errno.EACCES, "không có quyền truy cập", "Permission denied"),
    (errno.EPERM, "thao tác không được phép", "Operation not permitted"),
    (errno.ENOSPC, "ổ đĩa đã hết chỗ trống", "No space left on device"),
    (errno.EROFS, "ổ đĩa chỉ cho đọc, không ghi được", "Read-only file system"),
    (errno.EEXIST, "tệp đã có sẵn", "File exists"),
    (errno.EISDIR, "đây là một thư mục, không phải tệp", "Is a directory"),
    (errno.ENOTDIR, "một phần của đường dẫn không phải là thư mục", "Not a directory"),
    (errno.EBUSY, "thiết bị hoặc tệp đang bận", "Device or resource busy"),
])
def test_an_os_errors_reason_in_both_languages(number, vi, en):
    reason = os_reason(OSError(number, "whatever the system says", "/x"))
    assert messages.text("test.os_reason", "vi", path="a.xlsx", reason=reason) == f"Không ghi được a.xlsx: {vi}"
    assert messages.text("test.os_reason", "en", path="a.xlsx", reason=reason) == f"Could not write a.xlsx: {en}"
    assert str(reason) == en and json.dumps({"r": reason}) == json.dumps({"r": en})  # logs and JSON: English


@pytest.mark.parametrize("winerror, vi", [
    (5, "không có quyền truy cập"), (32, "tệp đang được một chương trình khác dùng"),
    (33, "một chương trình khác đang khóa một phần của tệp"),
])
def test_windows_errors_by_their_number_whatever_language_windows_speaks(winerror, vi):
    exc = PermissionError(errno.EACCES, "Quyền truy cập bị từ chối")  # a Vietnamese Windows' own words
    exc.winerror = winerror
    reason = os_reason(exc)
    assert localize(reason, "vi") == vi
    assert not VIETNAMESE.search(localize(reason, "en"))


def test_plain_english_reasons_from_elsewhere_are_put_in_vietnamese():
    """Modules that still hand over exc.strerror or str(exc) as they are."""
    assert messages.text("test.os_reason", "vi", path="x", reason="Permission denied") == (
        "Không ghi được x: không có quyền truy cập")
    assert messages.text("test.os_reason", "vi", path="x", reason="[Errno 2] No such file or directory: 'x'") == (
        "Không ghi được x: không có tệp hoặc thư mục này: 'x'")
    assert messages.text("test.os_reason", "vi", path="x", reason="[WinError 32] The process cannot access the "
                         "file because it is being used by another process: 'x'") == (
        "Không ghi được x: tệp đang được một chương trình khác dùng: 'x'")
    assert messages.text("test.os_reason", "en", path="x", reason="Permission denied") == (
        "Could not write x: Permission denied")
    assert localize("Nguyễn Văn Đức", "vi") == "Nguyễn Văn Đức" and localize(3, "vi") == 3


def test_sqlite_reasons():
    import sqlite3

    reason = error_reason(sqlite3.DatabaseError("file is not a database"))
    assert localize(reason, "vi") == "tệp không phải là cơ sở dữ liệu SQLite"
    assert localize(reason, "en") == "file is not a database"
    assert localize("database disk image is malformed", "vi") == "tệp cơ sở dữ liệu bị hỏng"
    both = join([Words("một", "one"), "quick_check: row 3 missing"])
    assert localize(both, "vi") == "một; quick_check: row 3 missing" and str(both) == "one; quick_check: row 3 missing"


def test_a_file_error_from_the_command_line_has_no_english_in_it(tmp_path):
    db = tmp_path / "c.sqlite3"
    assert cli("init", "--commune", COMMUNE, "--db", db)[0] == 0
    code, _, err = cli("changes", "--out", tmp_path / "none" / "c.xlsx", "--db", db)
    assert code == 1 and "không có tệp hoặc thư mục này" in err and "No such file" not in err
    code, _, err = cli("changes", "--out", tmp_path / "none" / "c.xlsx", "--db", db, "--lang", "en")
    assert code == 1 and "No such file or directory" in err
    code, _, err = cli("search", "x", "--db", tmp_path)  # a folder where the database should be
    assert code == 1 and "đây là một thư mục, không phải tệp" in err


# -- backups -------------------------------------------------------------------------


def test_backup_list_in_words_of_the_language_and_machine_values_in_json(tmp_path):
    db = tmp_path / "c.sqlite3"
    assert cli("init", "--commune", COMMUNE, "--db", db)[0] == 0
    assert cli("backup", "create", "--db", db)[0] == 0
    (tmp_path / "c-backups" / "frontdesk-20261101-090000-000000+0700-before-import.sqlite3").write_bytes(b"x" * 200)
    code, out, _ = cli("backup", "list", "--all", "--db", db)
    assert code == 0
    assert "sao lưu tay" in out and "hằng tháng" in out
    assert "HỎNG: không phải cơ sở dữ liệu SQLite" in out and "trước khi nhập" in out
    assert not re.search(r"\b(manual|monthly|before-import|not an SQLite)\b", re.sub(r"frontdesk-\S+", "", out))
    code, out, _ = cli("backup", "list", "--all", "--db", db, "--lang", "en")
    assert "by hand" in out and "monthly" in out and "DAMAGED: not an SQLite database" in out
    assert "before an import" in out
    listed = json.loads(cli("backup", "list", "--db", db, "--json")[1])
    assert [(b["reason"], b["tier"]) for b in listed] == [("manual", "monthly")]


def test_a_damaged_backup_is_refused_in_vietnamese(tmp_path):
    db = tmp_path / "c.sqlite3"
    assert cli("init", "--commune", COMMUNE, "--db", db)[0] == 0
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 4078)  # a header, then nothing sound
    code, _, err = cli("backup", "restore", bad, "--db", db, "--yes")
    assert code == 1 and not re.search(r"\b(not|cut short|file|database)\b", err.replace(str(bad), "")), err
    code, _, err = cli("backup", "restore", bad, "--db", db, "--yes", "--lang", "en")
    assert code == 1 and not VIETNAMESE.search(err), err


def test_months_in_english_by_their_name(tmp_path):
    db = tmp_path / "c.sqlite3"
    assert cli("init", "--commune", COMMUNE, "--db", db)[0] == 0
    code, out, _ = cli("export", "report", "--period", "11/2026", "--out", tmp_path / "r.xlsx", "--db", db, "--lang", "en")
    assert code == 0 and "the November 2026 report" in out and "Month 11" not in out
    code, out, _ = cli("export", "report", "--period", "11/2026", "--out", tmp_path / "r2.xlsx", "--db", db)
    assert code == 0 and "báo cáo tháng 11 năm 2026" in out


def test_the_version_line_in_both_languages():
    assert "lược đồ dữ liệu" in cli("--version")[1]
    out = cli("--version", "--lang", "en")[1]
    assert "schema" in out and not VIETNAMESE.search(out)


def test_checks_say_what_is_wrong_in_the_language_asked(tmp_path):
    from app.safety.install_checks import check_translations

    result = check_translations(tmp_path)
    assert "frontdesk_vi.qm (không có)" in result.describe("vi") and "(missing)" not in result.describe("vi")
    assert "frontdesk_vi.qm (missing)" in result.describe("en")
    assert "(missing)" in result.as_json("vi")["details"]["detail"]  # details are for scripts: one language
