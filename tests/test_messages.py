"""Every error code the core raises has words in Vietnamese and in English."""
from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

from app import messages

APP = Path(__file__).resolve().parents[1] / "app"
RAISING = {"InvalidValue", "Conflict", "NotFound", "DatabaseProblem", "FrontDeskError"}
# Vietnamese letters that English never uses: a Vietnamese text without any is suspicious
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def _load_all_modules() -> None:
    for path in APP.rglob("*.py"):
        name = ".".join(path.relative_to(APP.parent).with_suffix("").parts).removesuffix(".__init__")
        if name != "app.__main__":
            importlib.import_module(name)


def _raised_codes() -> set[tuple[str, str]]:
    found = set()
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in RAISING
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add((node.args[0].value, f"{path.name}:{node.lineno}"))
    return found


def test_every_raised_code_has_a_message():
    _load_all_modules()
    known = messages.known_codes()
    missing = sorted(f"{code} ({where})" for code, where in _raised_codes() if code not in known)
    assert missing == []


def test_not_found_codes_for_every_table_a_domain_module_requires():
    _load_all_modules()
    tables = set()
    for path in APP.rglob("*.py"):
        tables |= set(re.findall(r'logged\.require\(store, "(\w+)"', path.read_text(encoding="utf-8")))
    assert tables, "the scan found nothing: it is broken"
    assert sorted(t for t in tables if f"not_found.{t}" not in messages.known_codes()) == []


def test_vietnamese_texts_are_vietnamese_and_english_ones_differ():
    _load_all_modules()
    suspicious = []
    for code in messages.known_codes():
        vi, en = messages.text(code, "vi"), messages.text(code, "en")
        plain = re.sub(r"\{[^}]*\}", "", messages._CATALOGUE[code][0])
        if vi == en or (len(plain) > 25 and not VIETNAMESE.search(plain)):
            suspicious.append(code)
    assert suspicious == []


def test_describe_names_the_field():
    from app.errors import InvalidValue

    err = InvalidValue("phone.invalid", field="phone", value="12")
    assert messages.describe(err, "vi").startswith("Số điện thoại")
    assert messages.describe(err, "en").startswith("Phone")
