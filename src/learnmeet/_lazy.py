"""Names a package loads on first use (PEP 562), so importing it stays cheap.

A package lists its lazy names and the modules that define them, imports them
for type checkers under ``TYPE_CHECKING``, and installs the hooks outside it::

    if not TYPE_CHECKING:
        __getattr__, __dir__ = lazy_names(__name__, _LAZY)

Hidden from mypy like this, the hooks do not make every attribute valid to
the type checker: a misspelt name is still an error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_names(
    package: str, lazy: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a module ``__getattr__`` and ``__dir__`` for *package*.

    Args:
        package: The package's ``__name__``.
        lazy: Each lazy name, mapped to the module to import it from.
    """
    namespace = sys.modules[package].__dict__

    def get(name: str) -> Any:
        module = lazy.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value  # the next read is an ordinary one
        return value

    def names() -> list[str]:
        return sorted({*namespace, *lazy})

    return get, names
