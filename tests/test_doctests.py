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


def _assumed(name: str) -> dict[str, object]:
    """The names the strategies' examples assume (see learnmeet.strategies)."""
    if not name.startswith("learnmeet.strategies."):
        return {}
    from hypothesis import Phase, find, given, settings

    from learnmeet import strategies

    return {
        "lm": learnmeet,
        "lst": strategies,
        "Phase": Phase,
        "find": find,
        "given": given,
        "settings": settings,
        "quick": settings(phases=[Phase.generate], database=None),
    }


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(
        module,
        extraglobs=_assumed(name),
        optionflags=doctest.ELLIPSIS,
        verbose=False,
    )
    assert result.failed == 0
