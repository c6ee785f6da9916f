"""Meetings and attendees: who may attend as whom, and what a meeting knows."""

from __future__ import annotations

import attrs
import pytest

import learnmeet as lm
from examples import (
    CASE,
    CITIZEN,
    DOCTOR,
    GP,
    NURSE_N,
    RELATIVE,
    SSA_N,
    attend,
    valid_meetings,
)

VALID = valid_meetings()
MEETING = VALID["learning_meeting"]


class TestAttendees:
    """The citizen attends as the citizen, a relative as a relative, staff otherwise."""

    @pytest.mark.parametrize(
        ("person", "role"),
        [
            (CITIZEN, lm.AttendeeRole.PARTICIPANT),
            (RELATIVE, lm.AttendeeRole.CITIZEN),
            (NURSE_N, lm.AttendeeRole.CITIZEN),
            (NURSE_N, lm.AttendeeRole.RELATIVE),
        ],
    )
    def test_role_fits_the_person(
        self, person: lm.Person, role: lm.AttendeeRole
    ) -> None:
        with pytest.raises(lm.InvalidValueError, match="role"):
            lm.Attendee(person=person, role=role)

    def test_a_person_listed_twice(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="listed twice") as info:
            attrs.evolve(
                MEETING, attendees=[attend(NURSE_N), attend(SSA_N), attend(NURSE_N)]
            )
        assert "[2]" in str(info.value)

    def test_citizen_must_be_the_case_citizen(self) -> None:
        other = lm.Citizen("B-999")
        with pytest.raises(lm.InvalidValueError, match="B-101"):
            attrs.evolve(
                MEETING,
                attendees=[*MEETING.attendees, attend(other, lm.AttendeeRole.CITIZEN)],
            )

    def test_citizen_needs_a_case(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="no case"):
            lm.Meeting(
                id="m",
                format=MEETING.format,
                start=MEETING.start,
                duration=MEETING.duration,
                attendees=[attend(CITIZEN, lm.AttendeeRole.CITIZEN)],
            )

    def test_relative_of_another_citizen(self) -> None:
        stranger = lm.Relative(id="X-R1", citizen="B-999")
        with pytest.raises(lm.InvalidValueError, match="relative"):
            attrs.evolve(
                MEETING,
                attendees=[
                    *MEETING.attendees,
                    attend(stranger, lm.AttendeeRole.RELATIVE),
                ],
            )

    def test_professional_property(self) -> None:
        assert attend(NURSE_N).professional == NURSE_N
        assert attend(CITIZEN, lm.AttendeeRole.CITIZEN).professional is None


class TestCancellation:
    """A cancellation carries a reason and belongs only to a cancelled meeting."""

    def test_cancelled_needs_a_reason(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="needs a cancellation"):
            attrs.evolve(MEETING, status=lm.MeetingStatus.CANCELLED)

    def test_reason_only_when_cancelled(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="only a cancelled"):
            attrs.evolve(
                MEETING, cancellation=lm.Cancellation(lm.CancellationReason.ILLNESS)
            )

    def test_every_reason_of_the_seeds(self) -> None:
        codes = {r.code for r in lm.CancellationReason}
        assert {
            "illness",
            "pandemic",
            "staff_shortage",
            "low_enrolment",
            "citizen_declined",
            "citizen_deceased",
            "other",
        } == codes


class TestKeepingThemApart:
    """Interdisciplinary means professions; cross-sectoral means sectors."""

    def test_interdisciplinary_but_one_sector(self) -> None:
        meeting = attrs.evolve(MEETING, attendees=[attend(NURSE_N), attend(SSA_N)])
        assert meeting.is_interdisciplinary
        assert not meeting.is_cross_sectoral

    def test_cross_sectoral_but_monoprofessional(self) -> None:
        ward_nurse = attrs.evolve(NURSE_N, id="w-1", unit=DOCTOR.unit)
        meeting = attrs.evolve(MEETING, attendees=[attend(NURSE_N), attend(ward_nurse)])
        assert not meeting.is_interdisciplinary
        assert meeting.is_cross_sectoral
        assert meeting.professions == {"nurse"}
        assert meeting.sectors == {"municipality", "hospital"}

    def test_attendee_lookup(self) -> None:
        assert MEETING.attendee(GP.key) is not None
        assert MEETING.attendee("professional:nobody") is None


class TestImmutability:
    """Values never change; evolve makes a new, validated one."""

    def test_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            MEETING.title = "x"  # type: ignore[misc]

    def test_lists_become_tuples(self) -> None:
        meeting = attrs.evolve(MEETING, attendees=list(MEETING.attendees))
        assert isinstance(meeting.attendees, tuple)
        assert isinstance(NURSE_N.roles, frozenset)

    def test_hashable(self) -> None:
        assert len({MEETING, attrs.evolve(MEETING)}) == 1
        assert CASE in {CASE}
