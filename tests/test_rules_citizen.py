"""The meeting in the citizen's home: the citizen there, willing, at home."""

from __future__ import annotations

import attrs
import pytest

import learnmeet as lm
from examples import CITIZEN, NURSE_N, PT_N, SSA_N, attend
from learnmeet.rules import _citizen
from learnmeet.rules._citizen import CITIZEN_NOT_ACCEPTED
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

BREACHES: BreachTable = {
    "LM106": (
        lambda: with_attendees(
            "home_meeting", attend(NURSE_N), attend(SSA_N), attend(PT_N)
        ),
    ),
    "LM107": (
        lambda: with_attendees(
            "home_meeting",
            attend(NURSE_N),
            attend(SSA_N),
            attend(CITIZEN, lm.AttendeeRole.CITIZEN, lm.Rsvp.TENTATIVE),
        ),
    ),
    "LM121": (
        lambda: with_changes(
            "home_meeting", location=lm.Location(lm.LocationKind.ON_SITE)
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _citizen)


class TestTheCitizenTakesPart:
    """Informed is not present; an answer other than yes is awaited."""

    def test_information_only_is_absent(self) -> None:
        meeting = VALID["home_meeting"]
        info_only = [
            attrs.evolve(a, participation=lm.Participation.INFORMATION_ONLY)
            if a.person == CITIZEN
            else a
            for a in meeting.attendees
        ]
        report = lm.validate(attrs.evolve(meeting, attendees=info_only))
        assert report.codes == {"LM106"}

    @pytest.mark.parametrize(
        "answer", [lm.Rsvp.DECLINED, lm.Rsvp.TENTATIVE, lm.Rsvp.NEEDS_ACTION]
    )
    def test_any_answer_but_yes(self, answer: lm.Rsvp) -> None:
        meeting = VALID["home_meeting"]
        answered = [
            attrs.evolve(a, rsvp=answer) if a.person == CITIZEN else a
            for a in meeting.attendees
        ]
        report = lm.validate(attrs.evolve(meeting, attendees=answered))
        assert report.codes == {"LM107"}
        assert answer.label.en in report.violations[0].message.en

    def test_only_the_answer_settles_it(self) -> None:
        assert CITIZEN_NOT_ACCEPTED.settled_by_answers
        others = [r for r in lm.DEFAULT_RULES.rules if r is not CITIZEN_NOT_ACCEPTED]
        assert not any(r.settled_by_answers for r in others)
