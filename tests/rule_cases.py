"""Helpers for the hand-written breach tables of the rule topic tests.

Each ``tests/test_rules_<topic>.py`` writes, by hand and independently of the
breakers in :mod:`learnmeet.strategies`, meetings that break each rule of
``learnmeet/rules/_<topic>.py``; these helpers run such a table.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import attrs
import pytest

import learnmeet as lm
from examples import valid_meetings
from learnmeet.rules._rule import gather

VALID = valid_meetings()
"""One hand-built valid meeting of every built-in format, by format code."""

Breach = Callable[[], lm.Meeting]
"""A hand-written breach: makes a meeting that breaks one rule."""

BreachTable = dict[str, tuple[Breach, ...]]
"""The breaches of each rule of a topic module, by code."""


def with_changes(fmt: str, **changes: object) -> lm.Meeting:
    """The valid meeting of the format *fmt*, with *changes*."""
    return attrs.evolve(VALID[fmt], **changes)


def with_attendees(fmt: str, *attendees: lm.Attendee) -> lm.Meeting:
    """The valid meeting of the format *fmt*, with exactly *attendees*."""
    return with_changes(fmt, attendees=attendees)


def cases(table: BreachTable) -> list[tuple[str, int]]:
    """Every (code, index) of *table*, for ``pytest.mark.parametrize``."""
    return [(code, i) for code, breaches in table.items() for i in range(len(breaches))]


def codes_of(topic: ModuleType) -> set[str]:
    """The codes of the rules the topic module declares."""
    return {rule.code for rule in gather(topic)}


def assert_breaks_exactly(meeting: lm.Meeting, code: str) -> lm.Report:
    """*meeting* breaks *code* and no other rule, and says so in both languages."""
    report = lm.validate(meeting)
    assert report.codes == {code}, report.render("en")
    for violation in report.violations:
        assert violation.message.da != violation.message.en
        assert violation.render("da").startswith(f"{code} ")
        assert violation.render("en").startswith(f"{code} ")
    return report


def each_rule_tests(table: BreachTable, topic: ModuleType) -> type:
    """The test class every topic module runs on its hand-written table.

    Each breach reports exactly its rule's code, in both languages, and every
    rule the topic module declares has at least one breach in the table.
    """

    class TestEachRule:
        """Each hand-written breach reports exactly its rule's code."""

        @pytest.mark.parametrize(("code", "index"), cases(table))
        def test_exactly_that_code(self, code: str, index: int) -> None:
            assert_breaks_exactly(table[code][index](), code)

        def test_every_rule_of_the_topic_has_a_breach(self) -> None:
            assert set(table) == codes_of(topic)

    return TestEachRule
