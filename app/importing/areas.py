"""Residential areas named in a roster, matched to the commune's own.

Rosters write an area as people say it: "THÔN 03", "thôn số 3", "TDP 5",
"Đông Hòa". ``AreaIndex`` finds the stored area each cell means. A fresh
commune has no areas yet, so an index made with ``allow_new`` also gives
every name it does not know (one with a kind word, or with a letter in it: not
a bare number) a placeholder id below zero, and the area to create under it;
the import adds those areas in its own transaction when the person agrees.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from app import messages
from app.db.storage import Store
from app.domain.organizations import residential_areas
from app.spreadsheets.cells import shown_value
from app.text.vietnamese import clean_text, fold

messages.register(
    {
        "import.area_unknown": (
            "{field_name} “{value}” không có trong xã; hãy sửa tên cho đúng, hoặc ghi đủ tên "
            "(ví dụ “Thôn 3” chứ không chỉ “3”).",
            "{field_name} “{value}” is not in this commune; correct the name, or write it in full "
            "(e.g. “Thôn 3”, not just “3”).",
        ),
        "import.area_ambiguous": (
            "{field_name} “{value}” khớp với nhiều khu dân cư ({names}); hãy ghi đủ tên.",
            "{field_name} “{value}” matches several residential areas ({names}); write the full name.",
        ),
        "import.area_new": (
            "{field_name} “{value}” chưa có trong xã; hãy chọn thêm các khu dân cư mới "
            "(dòng lệnh: --add-areas), hoặc sửa tên.",
            "{field_name} “{value}” is not in this commune yet; choose to add the new residential areas "
            "(command line: --add-areas), or correct the name.",
        ),
    }
)

# Words that say what kind of residential area a name is; folded.
_AREA_KINDS = (
    "to dan pho", "khu dan cu", "khu pho", "thon", "ap", "ban", "xom", "to", "khu", "bon", "buon",
    "lang", "khom", "doi", "plei", "soc", "cum", "phum",
)
_ABBREVIATIONS = {"tdp": "to dan pho", "kdc": "khu dan cu", "kp": "khu pho"}
_KIND_PREFIX = re.compile(r"^(" + "|".join(_AREA_KINDS) + r") (.+)$")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_NUMBER = re.compile(r"\d+")


def area_key(name: str) -> tuple[str, str]:
    """(kind word, rest) of a folded area name: "THÔN 03" -> ("thon", "3"),
    "TDP số 5" -> ("to dan pho", "5"), "Đông Hòa" -> ("", "dong hoa")."""
    words = _NOT_WORD.sub(" ", fold(clean_text(name))).split()
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    text = " ".join(words)
    text = _NUMBER.sub(lambda m: str(int(m.group())), text)
    text = re.sub(r"\bso (?=\d)", "", text)  # "thôn số 3" is "thôn 3"
    match = _KIND_PREFIX.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


class AreaIndex:
    """The commune's residential areas, looked up by what a roster cell says.

    A cell matches an area whose name (or short name) is the same once folded
    ("thon 3", "THÔN 03" and "Thôn 3" are one), or, when one side has no kind
    word, whose name without it is the same ("3" or "Đông Hòa" for "Thôn 3",
    "Thôn Đông Hòa"), as long as only one area fits. Each distinct cell text
    is worked out once."""

    def __init__(self, areas: Iterable[Mapping[str, Any]], *, allow_new: bool = False) -> None:
        self._areas = list(areas)
        self.allow_new = allow_new
        self.new_areas: dict[int, str] = {}  # placeholder id (< 0) -> the name to create
        self._new_keys: dict[tuple[str, str], int] = {}
        self._full: dict[tuple[str, str], set[int]] = {}
        self._rest: dict[str, list[tuple[str, int]]] = {}
        self.names = {a["id"]: a["name"] for a in self._areas}
        for area in self._areas:
            for text in (area["name"], area.get("short_name")):
                if not text:
                    continue
                kind, rest = area_key(text)
                self._full.setdefault((kind, rest), set()).add(area["id"])
                self._rest.setdefault(rest, []).append((kind, area["id"]))
        self._cache: dict[Any, tuple[int | None, tuple[str, dict] | None]] = {}

    @classmethod
    def of_store(cls, store: Store, *, allow_new: bool = False) -> "AreaIndex":
        return cls(residential_areas(store), allow_new=allow_new)

    def match(self, cell: Any) -> tuple[int | None, tuple[str, dict] | None]:
        """(area id, None), or (None, (problem code, params)); (None, None) when
        empty. With ``allow_new``, a name that could be a new area gives
        (placeholder id < 0, ("import.area_new", params)): the row is good if
        the areas are added, and has that problem if they are not."""
        try:
            return self._cache[cell]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell cannot happen with spreadsheet values
            return self._match(cell)
        found = self._cache[cell] = self._match(cell)
        return found

    def _match(self, cell: Any) -> tuple[int | None, tuple[str, dict] | None]:
        text = clean_text(shown_value(cell))
        if not text:
            return None, None
        kind, rest = area_key(text)
        ids = self._full.get((kind, rest), set())
        if not ids:
            ids = {aid for k, aid in self._rest.get(rest, ()) if not k or not kind}
        if len(ids) == 1:
            return next(iter(ids)), None
        if not ids and self.allow_new:
            return self._new(text, kind, rest)
        if not ids:
            return None, ("import.area_unknown", {"value": text})
        names = ", ".join(sorted(self.names[i] for i in ids))
        return None, ("import.area_ambiguous", {"value": text, "names": names})

    def _new(self, text: str, kind: str, rest: str) -> tuple[int | None, tuple[str, dict]]:
        new_id = self._new_keys.get((kind, rest))
        if new_id is None and not kind:
            # "3" or "Đông Hòa" after "Thôn 3" or "Thôn Đông Hòa" earlier in the file
            same = [i for (_, r), i in self._new_keys.items() if r == rest]
            new_id = same[0] if len(same) == 1 else None
        if new_id is None and (kind or re.search(r"[a-z]", rest)):
            new_id = self._new_keys[(kind, rest)] = -1 - len(self._new_keys)
            self.new_areas[new_id] = new_area_name(text)
        if new_id is None:  # a bare number: too little to name an area by
            return None, ("import.area_unknown", {"value": text})
        return new_id, ("import.area_new", {"value": text, "name": self.new_areas[new_id]})


_SPELLED_OUT = {"tdp": "Tổ dân phố", "kdc": "Khu dân cư", "kp": "Khu phố"}


def new_area_name(text: str) -> str:
    """The name to give an area first met in a roster: "TDP 5" -> "Tổ dân phố 5",
    "THÔN ĐÔNG HÒA" or "thôn đông hòa" -> "Thôn Đông Hòa"; a name written in
    mixed case is kept as written, with a capital first letter."""
    words = clean_text(text).split()
    if words and fold(words[0]).strip(".") in _SPELLED_OUT:
        words[0:1] = _SPELLED_OUT[fold(words[0]).strip(".")].split()
    elif any(c.isalpha() for c in text) and text in (text.upper(), text.lower()):
        words = [w[:1].upper() + w[1:].lower() for w in words]
    elif words:
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)
