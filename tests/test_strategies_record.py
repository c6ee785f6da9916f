"""Strategies for the learning record: scenarios with a history, and records."""

from __future__ import annotations

from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst


class TestHistory:
    """Some meetings of a generated scenario were held, with attendance."""

    @settings(max_examples=30)
    @given(lst.history_scenarios())
    def test_only_held_meetings_have_attendance(self, scenario: lm.Scenario) -> None:
        for meeting in scenario.meetings:
            if meeting.status is not lm.MeetingStatus.HELD:
                assert all(
                    a.attended is lm.Attendance.UNKNOWN for a in meeting.attendees
                )
            else:
                assert meeting.cancellation is None


class TestRecords:
    """Generated records and their parts belong to one professional."""

    @given(lst.person_records())
    def test_everything_is_the_persons(self, person: lm.PersonRecord) -> None:
        assert all(a.professional == person.id for a in person.activities)
        assert all(r.professional == person.id for r in person.reflections)
        assert all(a.owner == person.professional.key for a in person.actions)
        starts = [a.start for a in person.activities]
        assert starts == sorted(starts)

    @given(lst.learning_activities(professional="p-1"))
    def test_an_activity_ends_after_it_starts(self, a: lm.LearningActivity) -> None:
        assert a.professional == "p-1"
        assert a.end > a.start

    @given(lst.reflection_entries(professional="p-1"))
    def test_an_entry_of_the_given_person(self, entry: lm.ReflectionEntry) -> None:
        assert entry.professional == "p-1"

    @settings(max_examples=20)
    @given(lst.learning_records())
    def test_records_as_of_their_day(self, record: lm.LearningRecord) -> None:
        assert all(a.day <= record.on for p in record.people for a in p.activities)
