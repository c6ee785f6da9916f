"""The hypothesis entry point: from_type works, and importing learnmeet stays light."""

from __future__ import annotations

import inspect
import subprocess
import sys

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import _hypothesis_plugin as plugin
from learnmeet._hypothesis_plugin import _STRATEGIES, _hypothesis_setup_hook, register


class TestRegistration:
    """Every public model type resolves through st.from_type."""

    def test_registration_errors_surface_in_register(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """register() does the work and lets a broken registry be seen."""
        monkeypatch.setattr(plugin, "_STRATEGIES", {"NoSuchType": "no_such_strategy"})
        with pytest.raises(AttributeError, match="NoSuchType"):
            register()

    def test_the_hook_never_raises(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A broken install must not break the user's hypothesis."""
        monkeypatch.setattr(plugin, "_STRATEGIES", {"NoSuchType": "no_such_strategy"})
        _hypothesis_setup_hook()

    @pytest.mark.parametrize(
        ("type_name", "strategy_name"), sorted(_STRATEGIES.items())
    )
    def test_every_type_resolves_to_its_registered_strategy(
        self, type_name: str, strategy_name: str
    ) -> None:
        """from_type draws through the registry, not hypothesis' own inference."""
        from learnmeet import strategies as lst

        register()
        resolved = st.from_type(getattr(lm, type_name))
        assert repr(resolved) == repr(getattr(lst, strategy_name)())

    @settings(max_examples=10)
    @given(st.from_type(lm.Meeting))
    def test_from_type_meeting_is_valid(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting).ok

    @settings(max_examples=30)
    @given(st.sampled_from(sorted(_STRATEGIES)), st.data())
    def test_every_type(self, type_name: str, data: st.DataObject) -> None:
        cls = getattr(lm, type_name)
        assert type(data.draw(st.from_type(cls))) is cls


WITHOUT_STRATEGY = frozenset(
    {
        "Catalog",
        "DataProblem",
        "Evaluation",
        "Finding",
        "Holiday",
        "LevelSummary",
        "ResponseRates",
        "Rule",
        "RuleContext",
        "RuleSet",
        "YieldGroup",
    }
)
"""Public value types with no strategy yet: this set may only shrink."""


def _public_value_types() -> set[str]:
    return {
        name
        for name in lm.__all__
        if inspect.isclass(obj := getattr(lm, name))
        and attrs.has(obj)
        and not issubclass(obj, BaseException)
    }


class TestTheRegistry:
    """A new public value type cannot be left without a strategy unnoticed."""

    def test_every_public_value_type_is_registered_or_known_to_lack_one(
        self,
    ) -> None:
        public = _public_value_types()
        assert set(_STRATEGIES) <= public
        assert public - set(_STRATEGIES) == WITHOUT_STRATEGY

    def test_every_registered_strategy_is_public(self) -> None:
        from learnmeet import strategies as lst

        assert set(_STRATEGIES.values()) <= set(lst.__all__)


class TestImportCost:
    """Importing learnmeet never imports hypothesis."""

    def test_no_hypothesis_on_import(self) -> None:
        code = "import sys, learnmeet; print('hypothesis' in sys.modules)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "False"
