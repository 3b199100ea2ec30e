"""The closed word values of the personal data records: how a consent was
given, the kinds of request from a data subject, the kinds of incident.

Stored as the code's words (``lost_device``); the command line writes them
with hyphens (``lost-device``), and people may type the Vietnamese words
with or without accents ("mất thiết bị", "mat usb"), as for the registers
(``app.domain.registers``).
"""
from __future__ import annotations

from typing import Any

from app import messages
from app.errors import InvalidValue
from app.text.vietnamese import fold

# choice -> code -> (Vietnamese, English, other ways people write it...)
WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "consent_method": {
        "written": ("Văn bản (phiếu có chữ ký)", "Written form", "van ban", "phieu", "giay", "ky ten", "form"),
        "call": ("Cuộc gọi có ghi âm", "Recorded call", "goi dien", "ghi am", "dien thoai", "phone"),
        "message": ("Tin nhắn", "Message", "tin nhan", "sms", "zalo", "email", "thu dien tu"),
        "app": ("Trong ứng dụng", "In the app", "ung dung", "phan mem"),
    },
    "request_kind": {
        "access": ("Xem, cung cấp dữ liệu", "Access", "xem", "cung cap", "truy cap"),
        "correction": ("Chỉnh sửa dữ liệu", "Correction", "chinh sua", "sua"),
        "erasure": ("Xóa dữ liệu", "Erasure", "xoa", "xoa du lieu", "erase"),
        "withdrawal": ("Rút lại sự đồng ý", "Withdrawal of consent", "rut lai", "rut dong y", "rut lai dong y",
                       "withdraw"),
        "restriction": ("Hạn chế xử lý", "Restriction", "han che", "restrict"),
        "objection": ("Phản đối xử lý", "Objection", "phan doi", "object"),
    },
    "incident_kind": {
        "lost_device": ("Mất thiết bị (USB, máy tính xách tay)", "Lost device", "mat thiet bi", "mat usb",
                        "that lac", "lost usb", "lost"),
        "stolen_pc": ("Mất trộm máy tính", "Stolen PC", "mat trom", "bi trom", "trom may", "stolen"),
        "wrong_recipient": ("Gửi nhầm người nhận", "Wrong recipient", "gui nham", "nham nguoi nhan", "wrong"),
        "other": ("Khác", "Other"),
    },
}

messages.register({
    f"privacy.word.{choice}.{code}": (words[0], words[1])
    for choice, codes in WORDS.items() for code, words in codes.items()
})
messages.register({
    "privacy.bad_word": (
        "{field_name} “{value}” không hợp lệ. Hãy dùng một trong: {choices}.",
        "{field_name} “{value}” is not valid. Use one of: {choices}.",
    ),
})


def _key(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").replace("_", " ").split())


_LOOKUP = {choice: {_key(way): code for code, words in codes.items() for way in (code, *words)}
           for choice, codes in WORDS.items()}


def parse_privacy_word(choice: str, raw: Any, *, field: str) -> str:
    """The stored value for what a person wrote (code, hyphens, Vietnamese with or without accents)."""
    if raw in (None, ""):
        raise InvalidValue("required", field=field, value=raw)
    found = _LOOKUP[choice].get(_key(str(raw)))
    if found is None:
        choices = ", ".join(f"{code.replace('_', '-')} ({words[0]})" for code, words in WORDS[choice].items())
        raise InvalidValue("privacy.bad_word", field=field, value=raw, choices=choices)
    return found


def privacy_word(choice: str, code: str | None, lang: str | None = None) -> str:
    """The words of a stored value: ("request_kind", "erasure") -> "Xóa dữ liệu"."""
    if code is None:
        return ""
    if code not in WORDS[choice]:
        return code
    return messages.text(f"privacy.word.{choice}.{code}", lang)


def cli_value(code: str | None) -> str | None:
    return code.replace("_", "-") if code is not None else None

PRIVACY_WORDS = WORDS  # the name the domain package gives it (its registers have WORDS)
