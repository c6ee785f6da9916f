"""What makes a meeting learning: a qualified facilitator, and reflection."""

from __future__ import annotations

import pytest

import learnmeet as lm
from examples import NURSE_N, PT_N, SSA_N, attend
from learnmeet.rules import _facilitation
from rule_cases import (
    BreachTable,
    assert_breaks_exactly,
    cases,
    codes_of,
    with_attendees,
    with_changes,
)

F = lm.AttendeeRole.FACILITATOR

BREACHES: BreachTable = {
    "LM117": (
        lambda: with_attendees(
            "learning_meeting", attend(NURSE_N), attend(SSA_N), attend(PT_N)
        ),
    ),
    "LM118": (lambda: with_changes("audit", reflection=None),),
    "LM122": (lambda: with_changes("operational_meeting", reflection=None),),
    "LM124": (
        lambda: with_attendees(
            "learning_meeting", attend(SSA_N, F), attend(NURSE_N), attend(PT_N)
        ),
    ),
}


class TestEachRule:
    """Each hand-written breach reports exactly its rule's code."""

    @pytest.mark.parametrize(("code", "index"), cases(BREACHES))
    def test_exactly_that_code(self, code: str, index: int) -> None:
        assert_breaks_exactly(BREACHES[code][index](), code)

    def test_every_rule_of_the_topic_has_a_breach(self) -> None:
        assert set(BREACHES) == codes_of(_facilitation)


class TestSeverity:
    """Operations without learning is an opportunity, not a fault."""

    def test_operations_without_learning_is_a_note(self) -> None:
        report = lm.validate(BREACHES["LM122"][0]())
        assert report.ok
        assert len(report.infos) == 1

    def test_an_unqualified_facilitator_is_a_warning(self) -> None:
        report = lm.validate(BREACHES["LM124"][0]())
        assert report.ok
        assert [str(v.subject) for v in report.warnings] == [SSA_N.key]


class TestTheFacilitator:
    """A facilitator who declined facilitates nothing."""

    def test_a_declined_facilitator_is_none(self) -> None:
        meeting = with_attendees(
            "learning_meeting",
            attend(NURSE_N, F, lm.Rsvp.DECLINED),
            attend(SSA_N),
            attend(PT_N),
        )
        assert "LM117" in lm.validate(meeting).codes
