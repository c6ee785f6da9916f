"""The cross-sectoral audit: a case with a transition, a panel from both sides."""

from __future__ import annotations

from datetime import date

import attrs

import learnmeet as lm
from examples import CASE, CAT, DISCHARGE, DOCTOR, GP, NURSE_N, OT_N, PT_N, attend
from learnmeet.rules import _audit
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F = lm.AttendeeRole.FACILITATOR

BREACHES: BreachTable = {
    "LM110": (
        # The doctor is in the care team: without the discharge, the hospital
        # would otherwise hold nothing and hear of the case by disclosure.
        lambda: with_changes(
            "audit",
            case=attrs.evolve(
                CASE, transitions=(), care_team=[*CASE.care_team, DOCTOR]
            ),
        ),
    ),
    "LM111": (
        lambda: with_attendees(
            "audit",
            attend(OT_N, F),
            attend(NURSE_N),
            attend(GP),
            attend(PT_N),
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _audit)


class TestThePanel:
    """The panel covers both sectors of some transition of the case."""

    def test_covering_an_earlier_transition_is_enough(self) -> None:
        referral = lm.Transition(
            on=date(2027, 2, 1),
            from_sector=CAT.sector("general_practice"),
            to_sector=CAT.sector("municipality"),
            kind=lm.TransitionKind.REFERRAL,
        )
        meeting = attrs.evolve(
            VALID["audit"], case=attrs.evolve(CASE, transitions=[DISCHARGE, referral])
        )
        assert lm.validate(meeting).ok

    def test_the_latest_transition_names_what_is_missing(self) -> None:
        report = lm.validate(BREACHES["LM111"][0]())
        assert report.violations[0].message.en.endswith("missing: hospital")
