"""Size: enough people taking part, not too many, and a course filled."""

from __future__ import annotations

import attrs
from hypothesis import given

import learnmeet as lm
from examples import CASE, GP, NURSE_N, PT_N, SSA_N, SSH_N, attend, pro
from learnmeet import strategies as lst
from learnmeet.rules import _size
from learnmeet.rules._size import BELOW_FILL, TOO_FEW_ATTENDEES, TOO_MANY_ATTENDEES
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F = lm.AttendeeRole.FACILITATOR
HELPERS = [pro(f"t-{i}", "sosu_helper", SSH_N.unit) for i in range(9)]

BREACHES: BreachTable = {
    "LM115": (
        lambda: with_attendees("learning_meeting", attend(NURSE_N, F), attend(GP)),
    ),
    "LM116": (
        lambda: with_changes(
            "learning_meeting",
            attendees=[attend(NURSE_N, F), attend(SSA_N), attend(PT_N), attend(GP)]
            + [attend(p) for p in HELPERS],
            case=attrs.evolve(CASE, care_team=[*CASE.care_team, *HELPERS]),
        ),
    ),
    "LM123": (
        lambda: with_attendees("course_day", *VALID["course_day"].attendees[:11]),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _size)


class TestFill:
    """Below the minimum fill is a warning: the course day may still be held."""

    def test_below_fill_is_a_warning(self) -> None:
        assert lm.validate(BREACHES["LM123"][0]()).ok

    def test_worded_as_a_care_worker_writes(self) -> None:
        """Issue 17: "For få tilmeldte", and the participle agrees with the
        number ("kun 11 tilmeldte", "kun 1 tilmeldt")."""
        assert BELOW_FILL.title.da == "For få tilmeldte"
        (v,) = lm.validate(BREACHES["LM123"][0]()).violations
        assert v.message.da.startswith("kun 11 tilmeldte, men holdet skal have ")
        assert v.message.en.startswith("only 11 enrolled, but the session needs ")
        one = with_attendees("course_day", *VALID["course_day"].attendees[:1])
        texts = [v.message.da for v in lm.validate(one).violations]
        assert any(t.startswith("kun 1 tilmeldt, men ") for t in texts), texts
        assert "minimumsfyldning" not in BELOW_FILL.meaning.da


class TestCountedOverThoseTakingPart:
    """Sizes count Meeting.taking_part, the model's one definition."""

    @given(lst.meetings(), lst.format_requirements())
    def test_each_size_rule(
        self, meeting: lm.Meeting, req: lm.FormatRequirements
    ) -> None:
        meeting = attrs.evolve(
            meeting, format=attrs.evolve(meeting.format, requirements=req)
        )
        have = len(meeting.taking_part)
        expected = {
            TOO_FEW_ATTENDEES: have < req.min_attendees,
            TOO_MANY_ATTENDEES: req.max_attendees is not None
            and have > req.max_attendees,
            BELOW_FILL: req.min_fill is not None and have < req.min_fill,
        }
        for rule, breached in expected.items():
            found = list(rule.check(meeting, lm.RuleContext()))
            assert bool(found) == breached, rule.code

    def test_information_only_is_not_counted(self) -> None:
        meeting = VALID["learning_meeting"]
        informed = [
            attrs.evolve(a, participation=lm.Participation.INFORMATION_ONLY)
            if a.person in (PT_N, GP)
            else a
            for a in meeting.attendees
        ]
        report = lm.validate(attrs.evolve(meeting, attendees=informed))
        assert report.codes == {"LM115"}
        (violation,) = report.violations
        assert violation.message.da.startswith("2 deltagere, men")
        assert violation.message.en.startswith("2 attendees, but")
