"""Every breaker turns a valid meeting into a breach of exactly its rule."""

from __future__ import annotations

import pytest

import learnmeet as lm
from examples import valid_meetings
from learnmeet.strategies._breaches import BREAKERS, breaker_format

VALID = valid_meetings()


class TestBreakersOnHandBuiltMeetings:
    """Applied to the hand-built valid meetings, each breaker breaks one rule."""

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    def test_exactly_that_code(self, code: str) -> None:
        breach = BREAKERS[code][1](VALID[breaker_format(code)])
        assert breach.code == code
        report = lm.validate(breach.meeting, context=breach.context)
        assert report.codes == {code}, report.render("en")

    def test_every_rule_has_a_breaker(self) -> None:
        assert set(BREAKERS) == set(lm.DEFAULT_RULES.codes)
