"""The hypothesis entry point: from_type works, and importing learnmeet stays light."""

from __future__ import annotations

import enum
import inspect
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet import _hypothesis_plugin as plugin
from learnmeet._hypothesis_plugin import _STRATEGIES, _hypothesis_setup_hook, register
from support import MODEL_STRATEGIES


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

        def broken() -> None:
            raise ImportError("a broken install")

        monkeypatch.setattr(plugin, "register_loaded", broken)
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
        cls = getattr(lm, type_name)
        strategy = getattr(lst, strategy_name)
        expected = strategy(cls) if strategy_name == "errors" else strategy()
        assert repr(st.from_type(cls)) == repr(expected)

    @settings(max_examples=10)
    @given(st.from_type(lm.Meeting))
    def test_from_type_meeting_is_valid(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting).ok

    @settings(max_examples=30)
    @given(st.sampled_from(sorted(_STRATEGIES)), st.data())
    def test_every_type(self, type_name: str, data: st.DataObject) -> None:
        cls = getattr(lm, type_name)
        value = data.draw(st.from_type(cls))
        if issubclass(cls, BaseException):  # an error of the class or a subclass
            assert isinstance(value, cls)
        else:
            assert type(value) is cls


def _json_types() -> frozenset[type[Any]]:
    from learnmeet.io._json import MODEL_TYPES
    from learnmeet.io._results import result_types

    return frozenset({*MODEL_TYPES, *result_types()})


_INDEXES = frozenset({lm.Availability, lm.BusyIndex})
"""The indexes: made from what they are given, not from their fields."""


def _holds_a_rule_of_ones_own(value: object) -> bool:
    if isinstance(value, lm.PlanningConfig):
        value = value.rules
    rules = value.rules if isinstance(value, lm.RuleSet) else (value,)
    return any(
        isinstance(r, lm.Rule) and r.code not in lm.DEFAULT_RULES.codes for r in rules
    )


class TestEveryRegisteredValue:
    """What from_type draws passes the library's own checks, and reads back
    equal, byte for byte, from the JSON it writes; a rule of one's own is
    refused in words."""

    @settings(max_examples=60)
    @given(st.sampled_from(sorted(_STRATEGIES)), st.data())
    def test_checked_again_and_round_tripped(
        self, type_name: str, data: st.DataObject
    ) -> None:
        register()
        cls = getattr(lm, type_name)
        value = data.draw(st.from_type(cls))
        if issubclass(cls, BaseException):
            return  # an error: raised, not written
        assert cls in _json_types()
        if cls not in _INDEXES:
            assert attrs.evolve(value) == value  # made again, every check run
        if _holds_a_rule_of_ones_own(value):
            with pytest.raises(lm.InvalidValueError):
                lm.to_json(value)  # a rule's check is code: refused, said why
        else:
            text = lm.to_json(value)
            back = lm.from_json(cls, text)
            assert back == value
            assert lm.to_json(back) == text
        if cls is lm.Meeting:
            assert lm.validate(value).ok


WITHOUT_STRATEGY = frozenset({"LabelledEnum"})
"""Public classes with no registered strategy: this set may only shrink.

:class:`~learnmeet.LabelledEnum` is the base of the enumerations, each of
which hypothesis draws from by itself.
"""


def _public_classes() -> set[str]:
    return {name for name in lm.__all__ if inspect.isclass(getattr(lm, name))}


def _public_value_types() -> set[str]:
    """Public attrs classes and errors: each must have a strategy."""
    return {
        name
        for name in _public_classes()
        if attrs.has(obj := getattr(lm, name)) or issubclass(obj, BaseException)
    }


class TestTheRegistry:
    """A new public value type cannot be left without a strategy unnoticed."""

    def test_every_public_value_type_is_registered(self) -> None:
        public = _public_value_types()
        assert set(_STRATEGIES) <= public
        assert public - set(_STRATEGIES) <= WITHOUT_STRATEGY

    def test_every_public_class_resolves_or_is_known_to_lack_a_strategy(
        self,
    ) -> None:
        """Enumerations resolve by hypothesis itself; everything else by us."""
        register()
        unresolved = set()
        for name in _public_classes() - set(_STRATEGIES):
            cls = getattr(lm, name)
            if issubclass(cls, enum.Enum) and len(cls):  # type: ignore[arg-type]
                assert repr(st.from_type(cls)) == repr(st.sampled_from(cls))
            else:
                unresolved.add(name)
        assert unresolved == WITHOUT_STRATEGY

    def test_what_from_type_draws_is_what_the_json_tests_round_trip(
        self,
    ) -> None:
        """Every public value's from_type strategy is the one tests/test_io_*
        write and read back (MODEL_STRATEGIES), or a narrower call of it: the
        rules without rules of one's own, which a document cannot hold, and
        holidays of every year the model takes."""
        register()
        from learnmeet import strategies as lst

        narrowed = {
            lm.Rule: lst.rules(own=False),
            lm.RuleSet: lst.rule_sets(own=False),
            lm.Holiday: lst.holidays(years=range(1900, 2101)),
        }
        table = dict(MODEL_STRATEGIES)
        for name in _public_classes():
            cls = getattr(lm, name)
            if not attrs.has(cls):
                continue
            assert cls in table, name
            if cls in narrowed:
                assert repr(table[cls]) == repr(narrowed[cls]), name
            else:
                assert repr(st.from_type(cls)) == repr(table[cls]), name

    def test_every_registered_strategy_is_public(self) -> None:
        from learnmeet import strategies as lst

        assert set(_STRATEGIES.values()) <= set(lst.__all__)


_FRESH = """
import sys
import hypothesis
from hypothesis import strategies as st
loaded = sorted(m for m in sys.modules if m.startswith("learnmeet"))
print(" ".join(loaded))
import learnmeet as lm
from learnmeet import strategies as lst
print(repr(st.from_type(lm.Meeting)) == repr(lst.meetings()))
print(repr(st.from_type(lm.Catalog)) == repr(lst.catalogs()))
"""


class TestImportCost:
    """Importing learnmeet never imports hypothesis, and importing hypothesis
    loads no layer of learnmeet: only the table of public names and the plugin.
    """

    def test_import_hypothesis_loads_only_the_table_and_the_plugin(self) -> None:
        out = subprocess.run(
            [sys.executable, "-c", _FRESH], capture_output=True, text=True, check=True
        )
        loaded, meeting, catalog = out.stdout.split("\n")[:3]
        assert loaded.split() == [
            "learnmeet",
            "learnmeet._hypothesis_plugin",
            "learnmeet._lazy",
            "learnmeet._version",
        ]
        # and from_type resolves through the registry once a type is read
        assert (meeting, catalog) == ("True", "True")

    def test_register_loaded_imports_nothing(self) -> None:
        code = (
            "import sys, learnmeet\n"
            "from learnmeet._hypothesis_plugin import register_loaded\n"
            "before = set(sys.modules)\n"
            "register_loaded()\n"
            "print(sorted(m for m in set(sys.modules) - before "
            "if m.startswith('learnmeet')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"

    def test_a_type_read_after_hypothesis_registers_itself(self) -> None:
        """The lazy table tells the plugin; from_type then uses our strategy."""
        from learnmeet import strategies as lst

        plugin.register_loaded()
        assert repr(st.from_type(lm.Holiday)) == repr(lst.holidays())

    def test_no_hypothesis_on_import(self) -> None:
        code = "import sys, learnmeet; print('hypothesis' in sys.modules)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "False"
