"""Who meets: enough professions, not too many, and enough sectors.

Interdisciplinary means more than one profession, cross-sectoral more than one
sector; both are counted over the professionals taking part.
"""

from __future__ import annotations

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CASE, DOCTOR, NURSE_N, PT_N, SSA_N, WARD_NURSE, attend, pro
from learnmeet import strategies as lst
from learnmeet.rules import _composition
from learnmeet.rules._composition import (
    TOO_FEW_PROFESSIONS,
    TOO_FEW_SECTORS,
    TOO_MANY_PROFESSIONS,
)
from rule_cases import (
    VALID,
    BreachTable,
    each_rule_tests,
    with_attendees,
    with_changes,
)

F, H = lm.AttendeeRole.FACILITATOR, lm.AttendeeRole.HOST
NURSE_2 = pro("n-2", "nurse", NURSE_N.unit)
NURSE_3 = pro("n-3", "nurse", NURSE_N.unit)

BREACHES: BreachTable = {
    "LM101": (
        lambda: with_changes(
            "learning_meeting",
            attendees=[attend(NURSE_N, F), attend(NURSE_2), attend(NURSE_3)],
            case=attrs.evolve(CASE, care_team=[*CASE.care_team, NURSE_2, NURSE_3]),
        ),
    ),
    "LM102": (
        lambda: with_attendees(
            "mono_course",
            *VALID["mono_course"].attendees,
            attend(pro("pt-x", "physiotherapist", PT_N.unit)),
        ),
    ),
    "LM103": (
        # A municipality's own cross-sectoral learning meeting: a threshold as data.
        lambda: with_changes(
            "learning_meeting",
            format=attrs.evolve(
                VALID["learning_meeting"].format,
                requirements=attrs.evolve(
                    VALID["learning_meeting"].format.requirements, min_sectors=2
                ),
            ),
            attendees=[attend(NURSE_N, F), attend(SSA_N), attend(PT_N)],
        ),
    ),
}


TestEachRule = each_rule_tests(BREACHES, _composition)


def _any_requirements(meeting: lm.Meeting, req: lm.FormatRequirements) -> lm.Meeting:
    return attrs.evolve(meeting, format=attrs.evolve(meeting.format, requirements=req))


class TestCountedOverThoseTakingPart:
    """The rules count what the model counts: Meeting.professions and .sectors."""

    @given(lst.meetings(), lst.format_requirements())
    def test_too_few_professions(
        self, meeting: lm.Meeting, req: lm.FormatRequirements
    ) -> None:
        meeting = _any_requirements(meeting, req)
        found = list(TOO_FEW_PROFESSIONS.check(meeting, lm.RuleContext()))
        assert bool(found) == (len(meeting.professions) < req.min_professions)

    @given(lst.meetings(), lst.format_requirements())
    def test_too_many_professions(
        self, meeting: lm.Meeting, req: lm.FormatRequirements
    ) -> None:
        meeting = _any_requirements(meeting, req)
        found = list(TOO_MANY_PROFESSIONS.check(meeting, lm.RuleContext()))
        most = req.max_professions
        assert bool(found) == (most is not None and len(meeting.professions) > most)

    @given(lst.meetings(), st.integers(0, 4))
    def test_too_few_sectors_without_a_host(
        self, meeting: lm.Meeting, least: int
    ) -> None:
        req = attrs.evolve(
            meeting.format.requirements, host_required=False, min_sectors=least
        )
        meeting = _any_requirements(meeting, req)
        found = list(TOO_FEW_SECTORS.check(meeting, lm.RuleContext()))
        assert bool(found) == (len(meeting.sectors) < least)

    def test_a_declined_attendee_brings_no_profession(self) -> None:
        meeting = VALID["home_meeting"]
        declined = [
            attrs.evolve(a, rsvp=lm.Rsvp.DECLINED) if a.person == SSA_N else a
            for a in meeting.attendees
        ]
        report = lm.validate(attrs.evolve(meeting, attendees=declined))
        assert report.codes == {"LM101"}


class TestSectorsWithAHost:
    """With a host, the visit rule says it more precisely than the sector count."""

    def test_only_the_visit_rule_fires(self) -> None:
        meeting = with_attendees("study_visit", attend(WARD_NURSE, H), attend(DOCTOR))
        assert lm.validate(meeting).codes == {"LM113"}
        assert list(TOO_FEW_SECTORS.check(meeting, lm.RuleContext())) == []
