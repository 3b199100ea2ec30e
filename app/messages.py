"""Vietnamese and English texts for the core's error codes and notes.

Each module registers the texts of the codes it raises, next to the code that
raises them, so a code and its words never drift apart. Templates use
``str.format`` with the error's parameters.
"""
from __future__ import annotations

import os
from typing import Any

from app.errors import FrontDeskError, InvalidInput, InvalidValue
from app.os_words import localize

_CATALOGUE: dict[str, tuple[str, str]] = {}

FIELD_NAMES: dict[str, tuple[str, str]] = {}


def register(texts: dict[str, tuple[str, str]]) -> None:
    """Add ``{code: (vietnamese, english)}`` templates to the catalogue."""
    for code, pair in texts.items():
        if code in _CATALOGUE and _CATALOGUE[code] != pair:
            raise ValueError(f"message code registered twice with other words: {code}")
        _CATALOGUE[code] = pair


def register_fields(names: dict[str, tuple[str, str]]) -> None:
    """Add human names of fields: ``{field: (vietnamese, english)}``."""
    FIELD_NAMES.update(names)


def current_language() -> str:
    """FRONTDESK_LANG when set (``en…`` for English), else the language chosen
    in the window (settings.json), else Vietnamese."""
    lang = os.environ.get("FRONTDESK_LANG") or ""
    if lang:
        return "en" if lang.lower().startswith("en") else "vi"
    from app.settings import load_settings  # late: settings needs paths, not messages

    return load_settings()["language"]


def known_codes() -> set[str]:
    return set(_CATALOGUE)


def text(code: str, lang: str | None = None, /, **params: Any) -> str:
    lang = lang or current_language()
    pair = _CATALOGUE.get(code)
    if pair is None:
        return code if not params else f"{code} {params}"
    template = pair[0] if lang == "vi" else pair[1]
    # an OS or SQLite reason in the params comes in the words of the language asked
    params = {name: localize(value, lang) for name, value in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def field_name(field: str, lang: str | None = None) -> str:
    lang = lang or current_language()
    pair = FIELD_NAMES.get(field)
    if pair is None:
        return field
    return pair[0] if lang == "vi" else pair[1]


def describe(error: FrontDeskError, lang: str | None = None) -> str:
    """One clear line (or a few, for several problems) for a person."""
    lang = lang or current_language()
    if isinstance(error, InvalidInput):
        lines = [text(error.code, lang, **error.params)]
        lines += ["  - " + describe(p, lang) for p in error.problems]
        return "\n".join(lines)
    params = dict(error.params)
    if isinstance(error, InvalidValue):
        params["field_name"] = field_name(error.field, lang)
        message = text(error.code, lang, **params)
        if error.field and "{field_name}" not in _template(error.code, lang):
            message = f"{params['field_name']}: {message}"
        return message
    return text(error.code, lang, **params)


def _template(code: str, lang: str) -> str:
    pair = _CATALOGUE.get(code, ("", ""))
    return pair[0] if lang == "vi" else pair[1]


register(
    {
        "error": ("Đã xảy ra lỗi.", "Something went wrong."),
        "invalid_input": ("Có {count} chỗ chưa hợp lệ:", "{count} value(s) are not valid:"),
        "not_found": ("Không tìm thấy.", "Not found."),
        "conflict": ("Thao tác mâu thuẫn với dữ liệu đã có.", "This conflicts with existing data."),
        "database": ("Không dùng được cơ sở dữ liệu.", "The database cannot be used."),
        "required": ("{field_name} là bắt buộc.", "{field_name} is required."),
    }
)
