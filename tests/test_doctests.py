"""The examples in the library's own docstrings run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import learnmeet

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(learnmeet.__path__, "learnmeet.")
    if not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0
