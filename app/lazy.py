"""Package faces that cost nothing to import.

Each package of the core names its public API in its ``__init__.py`` as a
table of names and the modules they live in. A name is imported from its
module the first time someone asks for it (PEP 562), so ``from app.domain
import add_person`` loads people.py and what it needs, not the whole package:
the window's start-up pays only for what it uses.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any, Callable


def lazy_api(package: str, api: dict[str, str]) -> Callable[[str], Any]:
    """The ``__getattr__`` for ``package``: ``api`` maps each public name to the
    module (relative to the package) that defines it."""

    def __getattr__(name: str) -> Any:
        module = api.get(name)
        if module is None:  # not ours: the import system then tries a submodule of that name
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # the next lookup is a plain attribute
        return value

    return __getattr__
