"""The facts several rules share, read from those taking part."""

from __future__ import annotations

import attrs
from hypothesis import given

import learnmeet as lm
from examples import DOCTOR, NURSE_N, SSA_N, WARD_NURSE, attend
from learnmeet import strategies as lst
from learnmeet.rules._facts import facts, format_da, format_en, host
from rule_cases import VALID, with_attendees

F, H = lm.AttendeeRole.FACILITATOR, lm.AttendeeRole.HOST
OBSERVER = lm.AttendeeRole.OBSERVER


class TestFacts:
    """Discussants, facilitators and the host, among those taking part."""

    def test_observers_do_not_discuss(self) -> None:
        meeting = with_attendees(
            "learning_meeting",
            attend(NURSE_N, F),
            attend(SSA_N),
            attend(DOCTOR, OBSERVER),
        )
        found = facts(meeting)
        assert found.discussants == [NURSE_N, SSA_N]
        assert [a.person for a in found.facilitators] == [NURSE_N]

    def test_the_first_host_taking_part(self) -> None:
        meeting = with_attendees(
            "study_visit",
            attend(WARD_NURSE, H, lm.Rsvp.DECLINED),
            attend(DOCTOR, H),
            attend(NURSE_N, H),
        )
        assert host(meeting) == DOCTOR

    @given(lst.meetings())
    def test_read_from_those_taking_part(self, meeting: lm.Meeting) -> None:
        found = facts(meeting)
        taking_part = meeting.professionals_taking_part
        assert all(p in taking_part for p in found.discussants)
        assert all(a in meeting.taking_part for a in found.facilitators)
        assert found.host is None or found.host in taking_part

    def test_the_format_named_in_both_languages(self) -> None:
        meeting = attrs.evolve(VALID["audit"])
        assert format_da(meeting) == f"mødeformen «{meeting.format.label.da}»"
        assert format_en(meeting) == f"the format “{meeting.format.label.en}”"
