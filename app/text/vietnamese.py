"""Vietnamese text: normalization, search folding and roster collation.

Three jobs, all stdlib only:

- cleaning what people type or paste (NFC, whitespace, ALL-CAPS names);
- folding for search, so "nguyen van duc" finds "Nguyễn Văn Đức";
- sort keys that make SQLite's plain BINARY comparison give Vietnamese order.

Folding and sort keys run over whole rosters (100,000 names), so the per-letter
facts are worked out once at import from ``unicodedata`` and looked up in tables.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata

__all__ = [
    "nfc",
    "clean_text",
    "clean_name",
    "fold",
    "search_terms",
    "name_sort_key",
    "text_sort_key",
]

# Latin blocks that hold every Vietnamese letter (Latin-1, Extended-A/B and
# Latin Extended Additional, where the toned vowels ạ ả ấ ... live).
_LATIN_RANGES = (range(0x00C0, 0x0250), range(0x1E00, 0x1F00))

# Letters that look like "đ" but are other code points: old TCVN3/VNI font
# conversions often produce the Icelandic eth "Ð" instead of "Đ".
_D_LIKE = "đĐÐðƉɖ"

# Letters with no Unicode decomposition that still have an obvious ASCII spelling.
_LIGATURES = {"æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
              "ß": "ss", "ł": "l", "Ł": "l", "ı": "i"}

# Invisible characters that come along with text pasted from Word, web pages or
# Excel; they break equality and search while showing nothing on screen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

# Control characters (below U+0020) are dropped from stored sort keys.
_CONTROLS = dict.fromkeys(range(0x20))


def nfc(text: str) -> str:
    """NFC-normalize: the one form in which text is stored and compared."""
    return unicodedata.normalize("NFC", text)


# Names repeat a lot in rosters (a commune has a few hundred distinct full
# names per thousand people, and far fewer distinct words), so the pure
# functions of a name below are memoized for strings: a bounded cache, the
# uncached function (``_uncached``) kept beside it for the tests that check
# both give the same answers.
# Only short texts are kept (names, areas, ethnicities: not notes or task
# details), so a full cache stays within a few tens of megabytes.
CACHE_SIZE = 65536
CACHED_LENGTH = 128


def _memoized_for_str(fn):
    """``fn`` with its answers for short ``str`` arguments cached (bounded); any
    other argument (None, numbers from spreadsheet cells, long texts) goes to
    ``fn`` itself."""
    cached = functools.lru_cache(maxsize=CACHE_SIZE)(fn)

    @functools.wraps(fn)
    def wrapper(text):
        if text.__class__ is str and len(text) <= CACHED_LENGTH:
            return cached(text)
        return fn(text)

    wrapper._uncached = fn
    wrapper.cache_clear = cached.cache_clear
    wrapper.cache_info = cached.cache_info
    return wrapper


@_memoized_for_str
def clean_text(text: object) -> str:
    """NFC, no invisible characters, trimmed, every whitespace run made one space.

    ``None`` gives ``""``; other non-strings (numbers from spreadsheet cells) are
    turned into their text first.
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if not text.isascii():
        # Remove invisibles before NFC: a zero-width space between a letter and
        # its combining mark would otherwise keep them from composing.
        text = nfc(text.translate(_INVISIBLE))
    # str.split() with no argument splits on all Unicode whitespace: NBSP,
    # tabs, newlines, ideographic space...
    return " ".join(text.split())


@_memoized_for_str
def clean_name(text: object) -> str:
    """``clean_text`` plus capitalization, but only for ALL-UPPER or all-lower names.

    Mixed case is the person's own spelling ("H'Hen Niê", "Nguyễn Thị Mỹ Lệ")
    and is kept as typed; only names typed with Caps Lock on (or without
    capitals at all) are rewritten as "Nguyễn Văn Đức".
    """
    text = clean_text(text)
    if text == text.upper() or text == text.lower():
        # str.title() capitalizes after apostrophes and hyphens too, which is
        # right for ethnic-minority names: "h'hen niê" -> "H'Hen Niê".
        return text.title()
    return text


# --------------------------------------------------------------------------
# Folding for search


def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in itertools.chain(*_LATIN_RANGES):
        base = unicodedata.normalize("NFD", chr(cp))[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    for ch, spelled in _LIGATURES.items():
        table[ord(ch)] = spelled
    # NFD leaves đ alone (it is a letter of its own, not d + a mark): fold it here.
    for ch in _D_LIKE:
        table[ord(ch)] = "d"
    # Decomposed input (macOS, some web forms) carries the marks as separate
    # combining characters: deleting them gives the same result as NFC first.
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    table.update(_INVISIBLE)
    return table


def _as_sequence(table: dict[int, str | None]) -> list[int | str | None]:
    # str.translate looks a list up by index, which is markedly faster than a
    # dict lookup; code points past its end raise IndexError, which translate
    # takes as "leave unchanged" (only U+FEFF of the table lies beyond, and
    # clean_text has removed it already).
    size = 0x2070
    seq: list[int | str | None] = list(range(size))
    for cp, value in table.items():
        if cp < size:
            seq[cp] = ord(value) if value is not None and len(value) == 1 else value
    return seq


_FOLD_TABLE = _as_sequence(_build_fold_table())


@_memoized_for_str
def fold(text: str) -> str:
    """Lowercase, without any diacritic, đ -> d, whitespace collapsed.

    "Nguyễn Văn  Đức" -> "nguyen van duc"; old and new tone placement fold the
    same ("hoà", "hòa" -> "hoa"), as do precomposed and decomposed input.
    """
    if not text:
        return ""
    if not text.isascii():
        # No NFC needed: the table maps precomposed letters and deletes loose
        # combining marks, which covers decomposed input at lower cost.
        text = text.translate(_FOLD_TABLE)
    return " ".join(text.lower().split())


_TERM = re.compile(r"[^\W_]+")


def search_terms(query: str) -> list[str]:
    """Folded words of a search query, punctuation dropped: for prefix search.

    "Nguyễn  văn-Đức" -> ["nguyen", "van", "duc"].
    """
    return _TERM.findall(fold(query))


# --------------------------------------------------------------------------
# Collation
#
# A key is "primary  secondary  tertiary", joined by U+0020, the lowest code
# point used, so a shorter level always sorts first. A person's name key is
# "given-primary given-secondary ! rest-primary rest-secondary tertiary": the
# given name is compared whole before the rest. U+0021 separates the given
# name from the rest and U+0022 separates words; both are below every digit
# and letter, so word
# boundaries count ("Lê Văn A" < "Lê Vănh"). Digits are kept as "0".."9" and
# come before the letters, which are renumbered from "A" in Vietnamese order.

_LEVEL = " "
_PART = "!"
_WORD = '"'
_OTHER = "~"  # marker before letters outside the alphabet (Cyrillic, Han...)
_NUMBER_WIDTH = 10

# f j w z are not Vietnamese letters but occur in ethnic-minority names and
# loanwords; they sit at their Latin places.
_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j",
             "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư",
             "v", "w", "x", "y", "z"]
_WEIGHT = {letter: chr(0x41 + i) for i, letter in enumerate(_ALPHABET)}

# Tones are the secondary level: no tone < huyền < hỏi < ngã < sắc < nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_OTHER_MARK = 6  # any non-Vietnamese diacritic (ü, ç, ñ...)

# Vowel modifications that make a separate letter of the alphabet.
_MODIFIED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
             ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}


def _letter_info(ch: str) -> tuple[str, int]:
    """(primary weight string, tone weight) of one letter."""
    if ch in _D_LIKE:
        return _WEIGHT["đ"], 0
    if ch in _LIGATURES:
        return "".join(_WEIGHT[c] for c in _LIGATURES[ch]), _OTHER_MARK
    lower = ch.lower()
    if len(lower) != 1:
        lower = ch
    decomposed = unicodedata.normalize("NFD", lower)
    base, marks = decomposed[0], list(decomposed[1:])
    if not (base.isascii() and base.isalpha()):
        # Outside the Latin alphabet: after every letter, ordered by code point.
        return _OTHER + lower, 0
    base = base.lower()
    letter = base
    for mark in marks:
        modified = _MODIFIED.get((base, mark))
        if modified:
            letter = modified
            marks.remove(mark)
            break
    if not marks:
        tone = 0
    elif len(marks) == 1 and marks[0] in _TONES:
        tone = _TONES[marks[0]]
    else:
        tone = _OTHER_MARK
    return _WEIGHT[letter], tone


def _build_collation_table() -> dict[str, tuple[str, int]]:
    table = {}
    chars = itertools.chain(
        map(chr, range(ord("A"), ord("Z") + 1)),
        map(chr, range(ord("a"), ord("z") + 1)),
        map(chr, itertools.chain(*_LATIN_RANGES)),
    )
    for ch in chars:
        if unicodedata.category(ch).startswith("L"):
            table[ch] = _letter_info(ch)
    return table


_COLLATION = _build_collation_table()

# Runs of ASCII digits, or of letters; everything else (apostrophes, hyphens,
# dots, stray combining marks) is ignored at the primary level.
_RUN = re.compile(r"[0-9]+|[^\W\d_]+")


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> tuple[str, str]:
    """(primary, secondary) of one word. Cached: rosters repeat the same
    handful of words (Nguyễn, Văn, Thị...) over and over."""
    primary: list[str] = []
    tones: list[str] = []
    for run in _RUN.findall(word):
        if run[0] in "0123456789":
            # Zero-padded so numbers sort by value: "Thôn 2" < "Thôn 10".
            primary.append(run.lstrip("0").zfill(_NUMBER_WIDTH))
            continue
        for ch in run:
            info = _COLLATION.get(ch)
            if info is None:
                info = _letter_info(ch)
            primary.append(info[0])
            if info[1]:
                tones.append(chr(0x30 + info[1]))
    # The tones of a word are compared as one: where the mark sits ("hoà" or
    # "hòa", old or new style) must not change the order.
    return "".join(primary), "".join(tones)


def _words(text: str) -> list[tuple[str, str]]:
    keys = (_word_key(w) for w in text.split(" "))
    return [k for k in keys if k[0]]


def _join(keys: list[tuple[str, str]], level: int) -> str:
    return _WORD.join(k[level] for k in keys)


def _tertiary(text: str) -> str:
    return text.translate(_CONTROLS) if not text.isprintable() else text


@_memoized_for_str
def name_sort_key(full_name: str) -> str:
    """Sort key for a person's name in Vietnamese roster order.

    Given name (last word) first, compared fully (letters, then tones): every
    "Hoa" comes before every "Hòa", as class and member lists are read. Then
    surname and middle names in order, letters first, tones to break ties; the
    NFC name breaks the last ties. Alphabet: a ă â b c d đ e ê ... ơ ... ư ...
    The key is a plain string whose code point order (SQLite BINARY) is the
    wanted order.
    """
    text = clean_text(full_name)
    words = _words(text)
    if len(words) > 1:
        given, rest = [words[-1]], words[:-1]
        return (
            _join(given, 0) + _LEVEL + _join(given, 1) + _PART
            + _join(rest, 0) + _LEVEL + _join(rest, 1) + _LEVEL + _tertiary(text)
        )
    return _join(words, 0) + _LEVEL + _join(words, 1) + _LEVEL + _tertiary(text)


@_memoized_for_str
def text_sort_key(text: str) -> str:
    """Sort key for any text in reading order (organization, area names).

    Same collation as ``name_sort_key`` without moving the last word, and
    numbers compare by value: "Thôn 2" < "Thôn 10".
    """
    text = clean_text(text)
    words = _words(text)
    return _join(words, 0) + _LEVEL + _join(words, 1) + _LEVEL + _tertiary(text)
