"""The context rules: double bookings, holidays and working hours.

They read the RuleContext and run only when validation is given one.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import attrs
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import NURSE_N, valid_meetings
from learnmeet.rules import _context as topic
from rule_cases import codes_of

VALID = valid_meetings()
MEETING = VALID["learning_meeting"]


def _context(**fields: object) -> lm.RuleContext:
    return lm.RuleContext(**fields)  # type: ignore[arg-type]


class TestDeclared:
    """Every rule of the topic needs a context, and is tested below."""

    def test_the_context_rules(self) -> None:
        assert codes_of(topic) == {"LM201", "LM202", "LM203"}
        assert all(lm.DEFAULT_RULES.rule(c).needs_context for c in codes_of(topic))


class TestDoubleBooking:
    """Nobody who takes part may be in two overlapping meetings."""

    def test_overlap_is_reported_per_person(self) -> None:
        other = attrs.evolve(
            VALID["audit"], start=MEETING.start + timedelta(minutes=30)
        )
        report = lm.validate(MEETING, context=_context(meetings=[other]))
        assert report.codes == {"LM201"}
        subjects = {str(v.subject) for v in report.violations}
        shared = {a.person.key for a in MEETING.attendees} & {
            a.person.key for a in other.attendees
        }
        assert subjects == shared

    def test_a_person_is_named_by_the_id_the_user_gave(self) -> None:
        """The message names the professional 'p-1', never the attendee key
        'professional:p-1' (the subject carries the key)."""
        other = attrs.evolve(
            VALID["audit"], start=MEETING.start + timedelta(minutes=30)
        )
        report = lm.validate(MEETING, context=_context(meetings=[other]))
        for v in report.violations:
            person = MEETING.attendee(v.subject.id)
            assert person is not None
            assert isinstance(person.person, lm.Professional)
            for lang in lm.LANGUAGES:
                text = v.message.get(lang)
                assert text.startswith(f"{person.person.id!r} ")
                assert "professional:" not in text

    def test_many_overlaps_are_named_a_few_at_a_time(self) -> None:
        """A label holds at most 10,000 characters: a person booked into a
        hundred meetings at once is told of the first ten and how many more."""
        others = [
            attrs.evolve(VALID["audit"], id=f"m-{n:03d}-{'x' * 180}")
            for n in range(100)
        ]
        report = lm.validate(MEETING, context=_context(meetings=others))
        assert report.codes == {"LM201"}
        for violation in report.violations:
            for lang in lm.LANGUAGES:
                text = violation.message.get(lang)
                assert text.count("m-0") == 10
                assert ("and 90 more" if lang == "en" else "og 90 mere") in text

    def test_back_to_back_is_fine(self) -> None:
        other = attrs.evolve(VALID["audit"], start=MEETING.end)
        assert lm.validate(MEETING, context=_context(meetings=[other])).ok

    def test_cancelled_meetings_and_the_meeting_itself_do_not_count(self) -> None:
        cancelled = attrs.evolve(
            VALID["audit"],
            status=lm.MeetingStatus.CANCELLED,
            cancellation=lm.Cancellation(lm.CancellationReason.ILLNESS),
        )
        context = _context(meetings=[cancelled, MEETING])
        assert lm.validate(MEETING, context=context).violations == ()

    def test_validate_all_checks_the_meetings_against_each_other(self) -> None:
        twin = attrs.evolve(MEETING, id="twin")
        report = lm.validate_all([MEETING, twin], context=_context())
        assert report.codes == {"LM201"}
        assert {v.meeting for v in report.violations} == {MEETING.id, "twin"}

    @given(st.integers(min_value=-180, max_value=180))
    def test_overlap_exactly_when_the_intervals_meet(self, shift: int) -> None:
        other = attrs.evolve(
            MEETING, id="other", start=MEETING.start + timedelta(minutes=shift)
        )
        overlaps = other.start < MEETING.end and MEETING.start < other.end
        report = lm.validate(MEETING, context=_context(meetings=[other]))
        assert ("LM201" in report.codes) == overlaps


class TestCalendar:
    """Meetings belong on working days, in working hours."""

    def test_public_holiday(self) -> None:
        good_friday = attrs.evolve(
            MEETING, start=datetime(2027, 3, 26, 10, tzinfo=lm.COPENHAGEN)
        )
        holidays = [h.day for h in lm.danish_holidays(2027)]
        report = lm.validate(good_friday, context=_context(holidays=holidays))
        assert report.codes == {"LM202"}
        assert report.ok  # a warning by default

    def test_outside_working_hours_per_unit(self) -> None:
        early = attrs.evolve(MEETING, start=MEETING.start.replace(hour=7))
        context = _context(
            default_hours=lm.WorkingHours(),
            working_hours={
                NURSE_N.unit.id: lm.WorkingHours(start=time(6), end=time(22))
            },
        )
        report = lm.validate(early, context=context)
        assert report.codes == {"LM203"}
        assert NURSE_N.key not in {str(v.subject) for v in report.violations}

    def test_a_night_shift_covers_a_meeting_across_midnight(self) -> None:
        # MEETING starts on a Monday; everyone works nights in this context.
        night = lm.WorkingHours(start=time(22), end=time(6), weekdays=range(7))
        late = attrs.evolve(MEETING, start=MEETING.start.replace(hour=23, minute=30))
        report = lm.validate(late, context=_context(default_hours=night))
        assert "LM203" not in report.codes
        day = attrs.evolve(MEETING, start=MEETING.start.replace(hour=12))
        found = lm.validate(day, context=_context(default_hours=night))
        assert found.codes == {"LM203"}
        assert "works 22:00–06:00" in found.violations[0].message.en

    def test_context_rules_only_run_with_a_context(self) -> None:
        early = attrs.evolve(MEETING, start=MEETING.start.replace(hour=5))
        assert lm.validate(early).ok


class TestRepeatedHour:
    """Overlap is decided on instants, not on the wall clock (fold matters)."""

    def test_second_two_thirty_does_not_clash_with_the_first(self) -> None:
        first = attrs.evolve(
            MEETING,
            id="first",
            start=datetime(2026, 10, 25, 2, 0, tzinfo=lm.COPENHAGEN),
            duration=timedelta(minutes=45),
        )
        second = attrs.evolve(
            MEETING,
            id="second",
            start=datetime(2026, 10, 25, 2, 0, fold=1, tzinfo=lm.COPENHAGEN),
            duration=timedelta(minutes=45),
        )
        report = lm.validate(first, context=_context(meetings=[second]))
        assert "LM201" not in report.codes
