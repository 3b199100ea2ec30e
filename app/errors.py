"""Typed errors of the core.

The core never builds user-facing sentences inline: it raises an error with a
stable ``code`` and its parameters; ``app.messages`` turns that into Vietnamese
or English text, for the command line and for the desktop UI alike.
"""
from __future__ import annotations

from typing import Any


class FrontDeskError(Exception):
    """A failure the user can act on (exit status 1 on the command line)."""

    code: str = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(f"{self.code}: {params}" if params else self.code)


class InvalidValue(FrontDeskError):
    """One field value that cannot be accepted.

    ``field`` names the field in the domain (``citizen_id``, ``birth_date``...),
    ``value`` is what was given, ``code`` says why (see ``app.messages``).
    """

    def __init__(self, code: str, *, field: str = "", value: Any = None, **params: Any) -> None:
        super().__init__(code, field=field, value=value, **params)
        self.field = field
        self.value = value


class InvalidInput(FrontDeskError):
    """Several field problems found at once (a form, an import row)."""

    code = "invalid_input"

    def __init__(self, problems: list[InvalidValue]) -> None:
        super().__init__(count=len(problems))
        self.problems = problems


class NotFound(FrontDeskError):
    code = "not_found"


class Conflict(FrontDeskError):
    """The change contradicts data already stored (duplicate, full position...)."""

    code = "conflict"


class DatabaseProblem(FrontDeskError):
    """The database file cannot be used: missing, damaged, locked, too new..."""

    code = "database"
