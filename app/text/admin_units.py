"""The official list of provinces and communes (two-level government, from 1 July 2025).

The data comes from the ``vietnam-provinces`` package, which ships the General
Statistics Office codes: 34 provinces and 3,321 communes, wards and special
zones. We read its JSON file directly: one small load, no big import.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from app import messages
from app.errors import InvalidValue
from app.text.vietnamese import clean_text, fold, text_sort_key

messages.register(
    {
        "commune.bad_code": (
            "Mã xã '{value}' không hợp lệ: mã đơn vị hành chính cấp xã gồm 5 chữ số (ví dụ 00004).",
            "Commune code '{value}' is not valid: a commune code has 5 digits (e.g. 00004).",
        ),
        "commune.unknown": (
            "Không có xã/phường nào mang mã {value} trong danh mục đơn vị hành chính 2025.",
            "No commune or ward has the code {value} in the 2025 official list.",
        ),
        "province.unknown": (
            "Không có tỉnh/thành phố nào mang mã {value} trong danh mục 2025.",
            "No province has the code {value} in the 2025 official list.",
        ),
    }
)
messages.register_fields({"commune": ("Mã xã", "Commune code")})

# Shown before the bare province name, as official documents write it.
_PROVINCE_PREFIX = {"tỉnh": "Tỉnh", "thành phố trung ương": "Thành phố"}


@dataclass(frozen=True)
class Province:
    code: str  # 2 digits
    name: str  # as the list writes it: "Cao Bằng", "Thành phố Hà Nội"
    division_type: str

    @property
    def bare_name(self) -> str:
        """Without "Thành phố": the five cities sort among the provinces."""
        prefix = "Thành phố "
        return self.name[len(prefix):] if self.name.startswith(prefix) else self.name

    @property
    def full_name(self) -> str:
        prefix = _PROVINCE_PREFIX.get(self.division_type, "")
        if not prefix or self.name.startswith(prefix):
            return self.name
        return f"{prefix} {self.name}"


@dataclass(frozen=True)
class CommuneInfo:
    code: str  # 5 digits
    name: str  # "Xã Tân Hòa", "Phường Ba Đình", "Đặc khu Côn Đảo"
    division_type: str  # "xã", "phường", "đặc khu"
    province_code: str
    province_name: str


@dataclass(frozen=True)
class _List:
    provinces: tuple[Province, ...]
    communes: dict[str, CommuneInfo]


@lru_cache(maxsize=1)
def _load() -> _List:
    import vietnam_provinces  # here: the package builds a 6,600-member enum on import (tens of ms), needed only now

    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)
    provinces = []
    communes: dict[str, CommuneInfo] = {}
    for p in raw:
        province = Province(f"{p['code']:02d}", clean_text(p["name"]), p["division_type"])
        provinces.append(province)
        for w in p["wards"]:
            code = f"{w['code']:05d}"
            communes[code] = CommuneInfo(
                # a few official names carry a double space: "Xã  Bắc Đông Quan"
                code, clean_text(w["name"]), w["division_type"], province.code, province.full_name
            )
    provinces.sort(key=lambda pr: text_sort_key(pr.bare_name))
    return _List(tuple(provinces), communes)


def list_version() -> str:
    import vietnam_provinces

    return getattr(vietnam_provinces, "__data_version__", vietnam_provinces.__version__)


def provinces() -> list[Province]:
    """All 34 provinces in Vietnamese alphabetical order."""
    return list(_load().provinces)


def province(code: str) -> Province:
    code = str(code).strip().zfill(2)
    for p in _load().provinces:
        if p.code == code:
            return p
    raise InvalidValue("province.unknown", field="province", value=code)


def communes_of(province_code: str) -> list[CommuneInfo]:
    """The communes of one province, sorted the Vietnamese way."""
    code = province(province_code).code
    found = [c for c in _load().communes.values() if c.province_code == code]
    found.sort(key=lambda c: text_sort_key(_bare_name(c)))
    return found


def all_communes() -> list[CommuneInfo]:
    return list(_load().communes.values())


def normalize_commune_code(raw: object) -> str:
    text = str(raw if raw is not None else "").strip()
    if not text.isdigit() or len(text) > 5:
        raise InvalidValue("commune.bad_code", field="commune", value=text)
    return text.zfill(5)


def find_commune(raw_code: object) -> CommuneInfo:
    code = normalize_commune_code(raw_code)
    try:
        return _load().communes[code]
    except KeyError:
        raise InvalidValue("commune.unknown", field="commune", value=code) from None


def search_communes(text: str, province_code: str | None = None, limit: int = 50) -> list[CommuneInfo]:
    """Communes whose name or code matches what was typed, with or without
    diacritics ("tan hoa" finds "Xã Tân Hòa")."""
    terms = fold(text).split()
    pool = communes_of(province_code) if province_code else sorted(
        all_communes(), key=lambda c: text_sort_key(_bare_name(c))
    )
    if not terms:
        return pool[:limit]
    found = []
    for c in pool:
        # each typed word starts a word of the name (or the code): "ba" finds
        # Ba Đình and Bạch Mai, not Nội Bài
        words = [*fold(c.name).split(), c.code, c.code.lstrip("0")]
        if all(any(w.startswith(t) for w in words) for t in terms):
            found.append(c)
            if len(found) >= limit:
                break
    return found


def _bare_name(c: CommuneInfo) -> str:
    """The name without "Xã"/"Phường"/"Đặc khu", which would group by kind."""
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if c.name.startswith(prefix):
            return c.name[len(prefix):]
    return c.name
