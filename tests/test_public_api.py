"""The public surface: one table of public names, one __all__, loaded on use.

The layers are checked in test_architecture.py, the exceptions module in
test_exceptions.py, and the layer packages' forwarding in test_lazy.py.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import attrs
import pytest

import learnmeet as lm

SRC = Path(lm.__file__).parent


def _type_checking_only(tree: ast.Module, target: ast.AST) -> bool:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and ast.unparse(node.test) == "TYPE_CHECKING"
            and any(child is target for child in ast.walk(node))
        ):
            return True
    return False


def _is_frozen(cls: type) -> bool:
    """Whether assigning to a field of an instance raises FrozenInstanceError.

    Tried on a blank instance, so no valid value of the class is needed.
    """
    blank = object.__new__(cls)
    field = attrs.fields(cls)[0].name
    try:
        blank.__setattr__(field, None)
    except attrs.exceptions.FrozenInstanceError:
        return True
    except Exception:
        return False
    return False


class TestSurface:
    """Importers depend on one surface."""

    def test_all_is_sorted_and_resolves(self) -> None:
        assert len(lm.__all__) == len(set(lm.__all__))
        assert all(hasattr(lm, name) for name in lm.__all__)

    def test_every_class_is_frozen_attrs_enum_or_error(self) -> None:
        """Values are immutable: every public attrs class refuses assignment."""
        for name in lm.__all__:
            obj = getattr(lm, name)
            if (
                inspect.isclass(obj)
                and not issubclass(obj, BaseException)
                and attrs.has(obj)
            ):
                assert _is_frozen(obj), name

    def test_the_frozen_check_catches_a_mutable_class(self) -> None:
        @attrs.define
        class Mutable:
            x: int = attrs.field(validator=attrs.validators.instance_of(int))

        @attrs.frozen
        class Frozen:
            x: int

        assert (_is_frozen(Mutable), _is_frozen(Frozen)) == (False, True)


def _typing_imports() -> dict[str, str]:
    """Each name the root imports for type checkers, mapped to its module."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _type_checking_only(tree, node):
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name} is not re-exported"
                assert node.module is not None
                found[alias.name] = node.module
    return found


class TestOneTable:
    """The root's table of public names is the one list: the rest follow it."""

    def test_type_checkers_see_what_the_table_says(self) -> None:
        table = {name: module for module, names in lm._PUBLIC.items() for name in names}
        assert _typing_imports() == table

    def test_all_and_dir_come_from_the_table(self) -> None:
        names = {name for row in lm._PUBLIC.values() for name in row}
        assert set(lm.__all__) == names | {"__version__"}
        assert names <= set(dir(lm))

    def test_every_name_is_defined_where_the_table_says(self) -> None:
        import importlib

        for module, names in lm._PUBLIC.items():
            defined = set(getattr(importlib.import_module(module), "__all__", ()))
            assert set(names) <= defined, module


class TestLazyLayers:
    """``import learnmeet`` loads the core values; the rest loads on first use."""

    def _fresh(self, code: str) -> str:
        import subprocess
        import sys

        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()

    def test_import_loads_only_the_model_layer(self) -> None:
        loaded = self._fresh(
            "import sys, learnmeet; print(sorted(m for m in sys.modules if m in "
            "{'cattrs', 'hypothesis', 'learnmeet.io', 'learnmeet.rules', "
            "'learnmeet.planning', 'learnmeet.evaluation', 'urllib.request', "
            "'learnmeet.model._cycle', 'learnmeet.model._survey', "
            "'learnmeet.catalog._reflection'}))"
        )
        assert loaded == "[]"

    def test_first_use_loads_the_layer(self) -> None:
        out = self._fresh(
            "import sys, learnmeet; learnmeet.to_json; "
            "print('learnmeet.io' in sys.modules, 'learnmeet.planning' in sys.modules)"
        )
        assert out == "True False"

    def test_every_public_name_in_a_fresh_interpreter(self) -> None:
        out = self._fresh(
            "import learnmeet; ns = {}; exec('from learnmeet import *', ns); "
            "print(sorted(set(learnmeet.__all__) - set(ns)), "
            "set(learnmeet.__all__) <= set(dir(learnmeet)))"
        )
        assert out == "[] True"

    def test_a_misspelt_name_is_an_attribute_error(self) -> None:
        with pytest.raises(AttributeError, match="'Meetng'"):
            lm.Meetng  # type: ignore[attr-defined]  # noqa: B018
