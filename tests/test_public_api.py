"""The public surface: one __all__ and a leaf exceptions module.

The layers are checked in test_architecture.py.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import attrs

import learnmeet as lm
from learnmeet import exceptions

SRC = Path(lm.__file__).parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and not _type_checking_only(tree, node)
        ):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _type_checking_only(tree: ast.Module, target: ast.AST) -> bool:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and ast.unparse(node.test) == "TYPE_CHECKING"
            and any(child is target for child in ast.walk(node))
        ):
            return True
    return False


class TestSurface:
    """Importers depend on one surface."""

    def test_all_is_sorted_and_resolves(self) -> None:
        assert len(lm.__all__) == len(set(lm.__all__))
        assert all(hasattr(lm, name) for name in lm.__all__)

    def test_every_class_is_frozen_attrs_enum_or_error(self) -> None:
        for name in lm.__all__:
            obj = getattr(lm, name)
            if (
                inspect.isclass(obj)
                and not issubclass(obj, BaseException)
                and attrs.has(obj)
            ):
                params = attrs.fields(obj)
                assert obj.__setattr__ is not object.__setattr__ or not params, name


class TestExceptions:
    """One base error; subclasses also derive from the matching builtin."""

    def test_hierarchy(self) -> None:
        for _, cls in inspect.getmembers(exceptions, inspect.isclass):
            if issubclass(cls, Exception) and cls.__module__ == exceptions.__name__:
                assert issubclass(cls, lm.LearnmeetError), cls
        assert issubclass(lm.InvalidDataError, ValueError)
        assert issubclass(lm.InvalidValueError, ValueError)
        assert issubclass(lm.UnknownCodeError, LookupError)
        assert issubclass(lm.WrongTypeError, TypeError)

    def test_leaf_module(self) -> None:
        assert not [
            m for m in _imports(SRC / "exceptions.py") if m.startswith("learnmeet")
        ]

    def test_bilingual(self) -> None:
        error = lm.LearnmeetError("hello", "hej")
        assert (str(error), error.message("da"), error.message("en")) == (
            "hello",
            "hej",
            "hello",
        )
        assert lm.LearnmeetError("only").message("da") == "only"
