"""Who takes part, worked out once per validation and read by every rule."""

from __future__ import annotations

import attrs
from hypothesis import given

import learnmeet as lm
from examples import DOCTOR, NURSE_N, SSA_N, WARD_NURSE, attend
from learnmeet import strategies as lst
from learnmeet.model._meetings import who_takes_part
from learnmeet.rules import _facts
from learnmeet.rules._facts import format_da, format_en, hold, part, release
from rule_cases import VALID, with_attendees

F, H = lm.AttendeeRole.FACILITATOR, lm.AttendeeRole.HOST
OBSERVER = lm.AttendeeRole.OBSERVER


class TestPart:
    """Discussants, facilitators and the host, among those taking part."""

    def test_observers_do_not_discuss(self) -> None:
        meeting = with_attendees(
            "learning_meeting",
            attend(NURSE_N, F),
            attend(SSA_N),
            attend(DOCTOR, OBSERVER),
        )
        found = part(meeting)
        assert found.discussants == (NURSE_N, SSA_N)
        assert [a.person for a in found.facilitators] == [NURSE_N]

    def test_the_first_host_taking_part(self) -> None:
        meeting = with_attendees(
            "study_visit",
            attend(WARD_NURSE, H, lm.Rsvp.DECLINED),
            attend(DOCTOR, H),
            attend(NURSE_N, H),
        )
        assert part(meeting).host == DOCTOR == meeting.host

    @given(lst.meetings())
    def test_the_models_answer(self, meeting: lm.Meeting) -> None:
        found = part(meeting)
        assert found == who_takes_part(meeting)
        assert found.attendees == meeting.taking_part
        assert found.professionals == meeting.professionals_taking_part
        assert all(p in found.professionals for p in found.discussants)
        assert all(a in found.attendees for a in found.facilitators)
        assert found.host is None or found.host in found.professionals


class TestHeldForOneValidation:
    """A validation works out who takes part once, and keeps nothing after."""

    def test_held_while_checking_and_forgotten_after(self) -> None:
        meeting = VALID["learning_meeting"]
        token = hold(meeting)
        try:
            assert part(meeting) is part(meeting)
        finally:
            release(token)
        assert _facts._HELD.get() is None
        assert part(meeting) is not part(meeting)  # worked out afresh

    def test_another_meeting_is_not_read_from_the_held_one(self) -> None:
        held, other = VALID["learning_meeting"], VALID["audit"]
        token = hold(held)
        try:
            assert part(other) == who_takes_part(other)
        finally:
            release(token)

    def test_validation_leaves_nothing_held(self) -> None:
        lm.validate(VALID["audit"])
        assert _facts._HELD.get() is None


class TestWording:
    def test_the_format_named_in_both_languages(self) -> None:
        meeting = attrs.evolve(VALID["audit"])
        assert format_da(meeting) == f"mødeformen «{meeting.format.label.da}»"
        assert format_en(meeting) == f"the format “{meeting.format.label.en}”"

    def test_enrolled_agrees_with_the_number(self) -> None:
        """Issue 17: "kun 7 tilmeldte", "1 tilmeldt"."""
        assert [_facts.enrolled_da(n) for n in (0, 1, 2, 7, 11, 21)] == [
            "0 tilmeldte",
            "1 tilmeldt",
            "2 tilmeldte",
            "7 tilmeldte",
            "11 tilmeldte",
            "21 tilmeldte",
        ]

    @given(lst.professionals(), lst.citizens(), lst.relatives())
    def test_a_person_is_named_by_the_id_the_user_gave(
        self, pro: lm.Professional, citizen: lm.Citizen, relative: lm.Relative
    ) -> None:
        assert _facts.named(pro) == pro.id
        assert _facts.named(citizen) == citizen.pseudonym
        assert _facts.named(relative) == relative.id
