"""The layers import downwards only: model ← rules ← planning ← edges.

Every module under ``learnmeet`` is parsed with :mod:`ast` (nothing is
imported), and each import of a ``learnmeet`` module is checked against the
layer table below. Imports under ``if TYPE_CHECKING:`` are for type checkers
only and are exempt: they never run, so they cannot make an import cycle.
``docs/explanation/architecture.md`` explains the table.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import learnmeet

PACKAGE = Path(learnmeet.__file__).resolve().parent

LEAVES = {"exceptions", "_version", "_lazy"}
"""Modules that import nothing of the package; every layer may import them."""

LOWER = {
    **{leaf: set() for leaf in LEAVES},
    "model": LEAVES,
    "catalog": {"model", *LEAVES},
    "rules": {"model", "catalog", *LEAVES},
    "evaluation": {"model", *LEAVES},
    "planning": {"rules", "model", "catalog", *LEAVES},
}
"""The layers below each lower layer (a layer may always import itself)."""

EDGES = {
    "io",
    "data",
    "cli",
    "strategies",
    "_hypothesis_plugin",
    "__init__",
    "__main__",
}
"""The edges: they may import any layer (io not the command line, see below)."""

NOT_FROM_IO = {"cli", "__main__"}
HYPOTHESIS_ALLOWED = {"strategies", "_hypothesis_plugin"}


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(("learnmeet", *parts)), path))
    return found


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(node: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every module *module* imports at run time (absolute names)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            yield from (
                name
                for other in child.orelse
                for name in _imports(other, module, is_package)
            )
            continue
        if isinstance(child, ast.Import):
            yield from (alias.name for alias in child.names)
        elif isinstance(child, ast.ImportFrom):
            if child.level:
                base = module.split(".")
                base = base[: len(base) - child.level + (1 if is_package else 0)]
                yield ".".join([*base, *([child.module] if child.module else [])])
            else:
                assert child.module is not None
                yield child.module
        yield from _imports(child, module, is_package)


def layer_of(module: str) -> str:
    """The layer of a ``learnmeet`` module: the first part after the package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_imports(module: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return set(_imports(tree, module, path.name == "__init__.py"))


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
class TestLayers:
    """No module imports a layer above its own."""

    def test_module_has_a_layer(self, module: str, path: Path) -> None:
        layer = layer_of(module)
        assert layer in LOWER or layer in EDGES, (
            f"{module} is in no layer; add {layer!r} to LOWER or EDGES in "
            "tests/test_architecture.py and to docs/explanation/architecture.md"
        )

    def test_imports_only_lower_layers(self, module: str, path: Path) -> None:
        layer = layer_of(module)
        ours = {
            layer_of(name)
            for name in _runtime_imports(module, path)
            if name == "learnmeet" or name.startswith("learnmeet.")
        }
        if layer in LOWER:
            wrong = ours - LOWER[layer] - {layer}
        elif layer == "io":
            wrong = ours & (NOT_FROM_IO | HYPOTHESIS_ALLOWED | {"data", "__init__"})
        else:
            wrong = set()
        assert not wrong, f"{module} ({layer}) imports the layers above it: {wrong}"

    def test_hypothesis_only_in_the_test_helpers(self, module: str, path: Path) -> None:
        uses = {
            name
            for name in _runtime_imports(module, path)
            if name.split(".")[0] == "hypothesis"
        }
        if layer_of(module) not in HYPOTHESIS_ALLOWED:
            assert not uses, f"{module} imports {sorted(uses)}"


class TestTheChecker:
    """The checker sees the imports it must see, and skips what it must skip."""

    def test_finds_imports_inside_functions(self, tmp_path: Path) -> None:
        source = tmp_path / "mod.py"
        source.write_text(
            "import os\n"
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from learnmeet.rules import Report\n"
            "else:\n"
            "    from learnmeet import io\n"
            "def f():\n"
            "    from learnmeet.planning import Series\n"
            "from . import _sibling\n"
            "from .. import catalog\n",
            encoding="utf-8",
        )
        found = _runtime_imports("learnmeet.model._x", source)
        # The TYPE_CHECKING import is skipped; its else branch runs.
        assert found == {
            "os",
            "typing",
            "learnmeet",
            "learnmeet.planning",
            "learnmeet.model",
        }

    def test_relative_import_in_a_package(self, tmp_path: Path) -> None:
        source = tmp_path / "__init__.py"
        source.write_text("from ._a import b\n", encoding="utf-8")
        assert _runtime_imports("learnmeet.model", source) == {"learnmeet.model._a"}

    def test_every_module_is_seen(self) -> None:
        names = {m for m, _ in MODULES}
        assert {"learnmeet", "learnmeet.exceptions", "learnmeet.model._people"} <= (
            names
        )


def test_importing_learnmeet_does_not_import_hypothesis() -> None:
    """``import learnmeet`` stays free of the optional test dependency."""
    code = (
        "import sys, learnmeet\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
