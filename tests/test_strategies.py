"""The strategies façade: one public module, every strategy typed for its users.

Each topic module's strategies are tested in tests/test_strategies_<topic>.py;
here, what the façade promises as a whole.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from learnmeet import strategies as lst
from support import MODEL_STRATEGIES


class TestEveryType:
    """Every model type has a strategy whose values are of that type."""

    @pytest.mark.parametrize(
        ("cls", "strategy"), MODEL_STRATEGIES, ids=lambda x: getattr(x, "__name__", "")
    )
    def test_values_have_the_type(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        @settings(max_examples=10)
        @given(strategy)
        def check(value: Any) -> None:
            assert type(value) is cls

        check()

    def test_every_json_type_is_covered(self) -> None:
        from learnmeet.io._json import MODEL_TYPES
        from learnmeet.io._results import result_types

        covered = {cls for cls, _ in MODEL_STRATEGIES}
        assert covered == {*MODEL_TYPES, *result_types()}


INTERNAL = {"Breaker", "breaks", "breaker_format"}
"""Public-looking names of the topic modules that the façade keeps internal:
the breaker table's machinery, used by learnmeet's own tests."""


def _topic_names() -> set[str]:
    import importlib
    import inspect
    import pkgutil

    import learnmeet.strategies

    found = set()
    for info in pkgutil.iter_modules(learnmeet.strategies.__path__):
        module = importlib.import_module(f"learnmeet.strategies.{info.name}")
        found |= {
            name
            for name, obj in vars(module).items()
            if not name.startswith("_")
            and (inspect.isfunction(obj) or inspect.isclass(obj))
            and obj.__module__ == module.__name__
        }
    return found


class TestTheFacade:
    """The façade exports every strategy of the topic modules once, each with a
    docstring that says since which version it exists."""

    def test_all_is_sorted_unique_and_resolves(self) -> None:
        assert list(lst.__all__) == sorted(set(lst.__all__))
        assert all(hasattr(lst, name) for name in lst.__all__)

    def test_every_strategy_of_the_topic_modules_is_exported(self) -> None:
        assert _topic_names() - INTERNAL == set(lst.__all__)

    def test_every_name_comes_from_a_topic_module(self) -> None:
        for name in lst.__all__:
            module = getattr(lst, name).__module__
            assert module.startswith("learnmeet.strategies._"), name

    def test_every_name_says_since_when(self) -> None:
        for name in lst.__all__:
            doc = getattr(lst, name).__doc__ or ""
            assert doc.strip(), name
            assert ".. versionadded::" in doc, name

    def test_the_facade_itself_shows_how_to_use_it(self) -> None:
        doc = lst.__doc__ or ""
        assert "@given(lst.meetings(" in doc
        assert "@given(lst.breaches(" in doc


class TestTypedForUsers:
    """Every public strategy's type is asserted in tests/typing/check_public_api.py."""

    def test_every_strategy_is_type_checked(self) -> None:
        from pathlib import Path

        text = (Path(__file__).parent / "typing" / "check_public_api.py").read_text(
            encoding="utf-8"
        )
        functions = [n for n in lst.__all__ if n[0].islower()]
        missing = [n for n in functions if f"assert_type(lst.{n}(" not in text]
        assert missing == []

    def test_breach_is_public(self) -> None:
        assert "Breach" in lst.__all__
        assert isinstance(lst.breaches("LM101"), st.SearchStrategy)
