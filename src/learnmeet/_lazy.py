"""Public names loaded on first use (PEP 562), from one table keyed by module.

The package root lists every public name under the private module that defines
it; :func:`lazy_names` makes the root's ``__getattr__`` and ``__dir__`` from
that table, and :func:`forward` lets a layer's package (``learnmeet.planning``)
hand out the names of its own modules from the same table, so no second list
exists anywhere.

While the hypothesis plugin is loaded (hypothesis imported it through its
entry point), each name read tells it that modules may have been loaded, so the
types they define get their strategies without the plugin importing any of
them itself. This module looks the plugin up in :data:`sys.modules`; it never
imports it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

_Hooks = tuple[Callable[[str], Any], Callable[[], list[str]]]
_PLUGIN = "learnmeet._hypothesis_plugin"


def lazy_names(package: str, table: Mapping[str, tuple[str, ...]]) -> _Hooks:
    """Return a module ``__getattr__`` and ``__dir__`` serving *table*'s names.

    Args:
        package: The ``__name__`` of the module the hooks are for.
        table: Each defining module, mapped to the public names it defines.
    """
    namespace = sys.modules[package].__dict__
    home = {name: module for module, names in table.items() for name in names}

    def get(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value  # the next read is an ordinary one
        plugin = sys.modules.get(_PLUGIN)
        if plugin is not None:
            plugin._on_load()
        return value

    def names() -> list[str]:
        return sorted({*namespace, *home})

    return get, names


def public_table() -> Mapping[str, tuple[str, ...]]:
    """The root's one table of public names: each defining module, its names.

    The package is loaded before any of its modules, so any module may read
    it without importing the layer above.
    """
    table: Mapping[str, tuple[str, ...]] = sys.modules["learnmeet"]._PUBLIC
    return table


def forward(package: str) -> _Hooks:
    """Hooks for a layer's package: the root's names whose module is inside it.

    ``from learnmeet.planning import enrol`` keeps working, read from the
    root's table; the public place to import from is :mod:`learnmeet`.
    """
    table: dict[str, tuple[str, ...]] = {
        module: names
        for module, names in public_table().items()
        if module.startswith(f"{package}.")
    }
    return lazy_names(package, table)
