"""Every breaker turns a valid meeting into a breach of exactly its rule.

Breakers are declared against the rule objects they break; the table of them
is gathered, so a rule without a breaker, or a breaker of no built-in rule,
fails here rather than in a user's test suite. The public strategies built on
them, breaches() and meetings_breaking(), break exactly their rule too.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

import learnmeet as lm
from examples import valid_meetings
from learnmeet import strategies as lst
from learnmeet.strategies import _breaches
from learnmeet.strategies._breaches import BREAKERS, Breaker, breaker_format

VALID = valid_meetings()

DECLARED = [v for v in vars(_breaches).values() if isinstance(v, Breaker)]
"""Every breaker the module declares, whether or not the table kept it."""


class TestBreakersOnHandBuiltMeetings:
    """Applied to the hand-built valid meetings, each breaker breaks one rule."""

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_exactly_that_code(self, code: str) -> None:
        breach = BREAKERS[code](VALID[breaker_format(code)])
        assert breach.code == code
        report = lm.validate(breach.meeting, context=breach.context)
        assert report.codes == {code}, report.render("en")

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_the_broken_meeting_can_be_written(self, code: str) -> None:
        """One id is one professional in it (the case's care team follows a
        changed attendee), so a JSON document can hold it."""
        breach = BREAKERS[code](VALID[breaker_format(code)])
        text = lm.to_json(breach.meeting)
        assert lm.from_json(lm.Meeting, text) == breach.meeting

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_a_context_exactly_for_the_context_rules(self, code: str) -> None:
        breach = BREAKERS[code](VALID[breaker_format(code)])
        assert (breach.context is not None) == BREAKERS[code].rule.needs_context


class TestOneBreakerPerRule:
    """Breakers are registered against rule objects, one for every rule."""

    def test_every_rule_has_a_breaker(self) -> None:
        assert set(BREAKERS) == set(lm.DEFAULT_RULES.codes)

    def test_every_breaker_breaks_a_built_in_rule(self) -> None:
        for breaker in DECLARED:
            assert breaker.rule is lm.DEFAULT_RULES.rule(breaker.rule.code)

    def test_no_rule_is_broken_by_two_breakers(self) -> None:
        codes = [b.rule.code for b in DECLARED]
        assert sorted(codes) == sorted(set(codes))

    def test_table_is_in_code_order(self) -> None:
        assert list(BREAKERS) == list(lm.DEFAULT_RULES.codes)

    def test_the_format_comes_from_the_breaker(self) -> None:
        for code, breaker in BREAKERS.items():
            assert breaker_format(code) == breaker.start_from
            assert lm.DEFAULT_CATALOG.format(breaker.start_from).code == (
                breaker.start_from
            )


class TestLookUp:
    """A code is looked up among the rules, and the rule says what it needs."""

    @pytest.mark.parametrize("code", ["LM299", "LM199", "lm112"])
    def test_unknown_code_names_the_closest(self, code: str) -> None:
        for strategy in (lst.breaches, lst.meetings_breaking):
            with pytest.raises(lm.UnknownCodeError) as info:
                strategy(code)
            assert info.value.suggestions

    @pytest.mark.parametrize("rule", lm.DEFAULT_RULES.rules, ids=lambda r: r.code)
    def test_meetings_breaking_refuses_exactly_the_context_rules(
        self, rule: lm.Rule
    ) -> None:
        if rule.needs_context:
            with pytest.raises(lm.InvalidValueError, match="context"):
                lst.meetings_breaking(rule.code)
        else:
            lst.meetings_breaking(rule.code)


class TestBreaches:
    """For every rule, a strategy that breaks exactly that rule."""

    @pytest.mark.parametrize("code", lm.DEFAULT_RULES.codes)
    def test_exactly_that_code(self, code: str) -> None:
        @settings(max_examples=10)
        @given(lst.breaches(code))
        def check(breach: Any) -> None:
            report = lm.validate(breach.meeting, context=breach.context)
            assert report.codes == {code}, report.render("en")
            assert lm.from_json(lm.Meeting, lm.to_json(breach.meeting)) == (
                breach.meeting
            )

        check()

    @given(lst.meetings_breaking("LM117"))
    def test_meetings_breaking(self, meeting: lm.Meeting) -> None:
        assert lm.validate(meeting).codes == {"LM117"}

    def test_context_rules_need_breaches(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="context"):
            lst.meetings_breaking("LM201")

    def test_unknown_code(self) -> None:
        with pytest.raises(lm.UnknownCodeError, match="LM101"):
            lst.breaches("LM1011")
