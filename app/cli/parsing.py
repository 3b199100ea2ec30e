"""The command line's parser, in the language of the command.

Every help text, description and placeholder of a command comes from a
(vietnamese, english) pair, picked by ``Say`` for the language in force:
``--lang vi|en`` on the command line (looked for before the parser is
built, since the help is made with it), else ``messages.current_language()``.

argparse's own words ("usage:", "options", "the following arguments are
required: %s", "invalid choice: ...") are looked up, as its documentation
says, through gettext: argparse calls the module-level ``_`` and
``ngettext`` it imported from ``gettext``. Those two names are replaced
once by functions that ask the translation in force for the command being
parsed (``ArgparseWords``, a ``gettext.NullTranslations``, set by
``argparse_language`` in a context variable), and otherwise do what
gettext would have done; any other user of argparse in the process is
unaffected. tests/test_cli_language.py checks that every text argparse
marks for translation, in the Python that runs it, has Vietnamese words.
"""
from __future__ import annotations

import argparse
import contextvars
import gettext
import threading
from contextlib import contextmanager
from typing import Iterator, Sequence

LANGUAGES = ("vi", "en")

# argparse's texts (Python 3.11 to 3.14) -> Vietnamese. Those about mistakes
# in the program rather than on the command line are translated too.
ARGPARSE_VI: dict[str, str] = {
    "usage: ": "cách dùng: ",
    "%(heading)s:": "%(heading)s:",  # 3.13: a section's heading; the colon is Vietnamese too
    "positional arguments": "đối số theo vị trí",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "subcommands": "lệnh con",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: cảnh báo: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "các đối số bắt buộc còn thiếu: %s",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "unrecognized arguments: %s": "không hiểu các đối số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r, có phải là %(closest)r? (chọn một trong: %(choices)s)",
    # the type's name ("int", "float") is the program's word, not the person's: left out
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn chưa rõ: %(option)s có thể là %(matches)s",
    "expected one argument": "cần đúng một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "not allowed with argument %s": "không dùng được cùng với đối số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị: %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    'argument "-" with mode %r': 'đối số "-" với chế độ %r',
    "option '%(option)s' is deprecated": "tùy chọn '%(option)s' đã lỗi thời",
    "argument '%(argument_name)s' is deprecated": "đối số '%(argument_name)s' đã lỗi thời",
    "command '%(parser_name)s' is deprecated": "lệnh '%(parser_name)s' đã lỗi thời",
    " (default: %(default)s)": " (mặc định: %(default)s)",
    "%r is not callable": "%r không gọi được",
    ".__call__() not defined": ".__call__() chưa được định nghĩa",
    "'required' is an invalid argument for positionals": "không dùng 'required' cho đối số theo vị trí",
    "mutually exclusive arguments must be optional": "các đối số loại trừ nhau phải là tùy chọn",
    "cannot merge actions - two groups are named %r": "không gộp được: hai nhóm cùng tên %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "tên tùy chọn %(option)r không hợp lệ: phải bắt đầu bằng ký tự %(prefix_chars)r",
    "dest= is required for options like %r": "cần dest= cho tùy chọn như %r",
    "invalid conflict_resolution value: %r": "giá trị conflict_resolution không hợp lệ: %r",
    "cannot have multiple subparser arguments": "không thể có nhiều nhóm lệnh con",
    "conflicting subparser: %s": "lệnh con bị trùng: %s",
    "conflicting subparser alias: %s": "tên khác của lệnh con bị trùng: %s",
}
# ngettext's (singular, plural) -> Vietnamese, which has one form for both
ARGPARSE_VI_PLURAL: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "cần %s giá trị",
    ("conflicting option string: %s", "conflicting option strings: %s"): "tên tùy chọn bị trùng: %s",
}


class ArgparseWords(gettext.NullTranslations):
    """argparse's texts in one language (English: argparse's own)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def gettext(self, message):  # argparse also passes None and the program's own titles
        if self.lang == "vi" and isinstance(message, str):
            return ARGPARSE_VI.get(message, message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self.lang == "vi":
            found = ARGPARSE_VI_PLURAL.get((msgid1, msgid2))
            if found is not None:
                return found
        return msgid1 if n == 1 else msgid2


_IN_FORCE: contextvars.ContextVar[ArgparseWords | None] = contextvars.ContextVar("argparse_words", default=None)
_HOOKED = threading.Lock()
_installed = False


def _hook_argparse() -> None:
    """Put the dispatchers in place of argparse's ``_`` and ``ngettext`` (once)."""
    global _installed
    with _HOOKED:
        if _installed:
            return
        plain_gettext = getattr(argparse, "_", gettext.gettext)
        plain_ngettext = getattr(argparse, "ngettext", gettext.ngettext)

        def translated(message):
            words = _IN_FORCE.get()
            return words.gettext(message) if words is not None else plain_gettext(message)

        def translated_plural(msgid1, msgid2, n):
            words = _IN_FORCE.get()
            return words.ngettext(msgid1, msgid2, n) if words is not None else plain_ngettext(msgid1, msgid2, n)

        argparse._ = translated  # type: ignore[attr-defined]
        argparse.ngettext = translated_plural  # type: ignore[attr-defined]
        _installed = True


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse speaks ``lang`` while building a parser and parsing with it."""
    _hook_argparse()
    token = _IN_FORCE.set(ArgparseWords(lang))
    try:
        yield
    finally:
        _IN_FORCE.reset(token)


def language_asked(argv: Sequence[str]) -> str | None:
    """The ``--lang`` on the command line (``--lang en`` or ``--lang=en``), if
    it is a language the command speaks; the parser judges everything else."""
    argv = list(argv)
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in LANGUAGES:
            return value
    return None


class Say:
    """Picks the words of the command's language from a (vietnamese, english) pair."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, vi: str, en: str) -> str:
        return vi if self.lang == "vi" else en


def day_help(say: Say, vi: str, en: str) -> str:
    """A date option's help, saying how to write the date."""
    return say(f"{vi} (dd/mm/yyyy)", f"{en} (dd/mm/yyyy)")


def words_help(say: Say, words: str, vi: str, en: str) -> str:
    """A word option's help: its values, and that the Vietnamese words are accepted too."""
    return say(f"{vi}: {words} (hoặc tiếng Việt, có dấu hay không)",
               f"{en}: {words} (or the Vietnamese words, with or without accents)")


class UsageError(Exception):
    """Wrong words on the command line (exit status 2)."""

    def __init__(self, message: str, prog: str = "frontdesk") -> None:
        super().__init__(message)
        self.prog = prog


class HelpShown(Exception):
    """``--help`` was asked: the text to print (exit status 0)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class _Commands(argparse._SubParsersAction):
    """Sub-commands whose own ``--help`` starts with what the list of commands says of them."""

    def add_parser(self, name, **kwargs):
        kwargs.setdefault("description", kwargs.get("help"))
        return super().add_parser(name, **kwargs)


class Parser(argparse.ArgumentParser):
    """argparse, but it never prints nor exits itself: ``run`` prints where the
    command's output goes and returns the exit status."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Commands)

    def error(self, message: str) -> None:  # argparse would print and exit(2) itself
        raise UsageError(f"{self.prog}: {message}", self.prog)

    def print_help(self, file=None) -> None:
        if file is not None:
            super().print_help(file)
            return
        raise HelpShown(self.format_help())  # what -h/--help asks for, then argparse would exit(0)


def whole_number(say: Say):
    """An ``int`` type whose refusal is in the command's language."""

    def number(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                say(f"“{text}” không phải là một số nguyên", f"“{text}” is not a whole number")
            ) from None

    return number
