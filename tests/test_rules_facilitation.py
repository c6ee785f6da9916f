"""What makes a meeting learning: a qualified facilitator, and reflection."""

from __future__ import annotations

import learnmeet as lm
from examples import NURSE_N, PT_N, SSA_N, attend
from learnmeet.rules import _facilitation
from rule_cases import (
    BreachTable,
    each_rule_tests,
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


TestEachRule = each_rule_tests(BREACHES, _facilitation)


class TestSeverity:
    """Operations without learning is an opportunity, not a fault."""

    def test_operations_without_learning_is_a_note(self) -> None:
        report = lm.validate(BREACHES["LM122"][0]())
        assert report.ok
        assert len(report.infos) == 1

    def test_everyday_work_a_place_for_development(self) -> None:
        """Esbjerg's "gør drift til udvikling" in English a reader would use."""
        (note,) = lm.validate(BREACHES["LM122"][0]()).infos
        assert "make everyday work a place for development" in note.message.en
        assert "gør drift til udvikling" in note.message.da
        assert "operations into development" not in note.message.en

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
