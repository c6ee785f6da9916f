"""Strategies for the planning layer's values honour their parameters."""

from __future__ import annotations

from datetime import time, timedelta

from hypothesis import given

import learnmeet as lm
from learnmeet import strategies as lst

PEOPLE = ["professional:a", "professional:b"]


class TestPlanningStrategies:
    """Strategies for the planning layer's values."""

    @given(lst.series())
    def test_series_expand(self, series: lm.Series) -> None:
        found = series.occurrences()
        assert 1 <= len(found) <= 60
        assert all(o.tzinfo is lm.COPENHAGEN for o in found)

    @given(lst.meeting_requests())
    def test_requests(self, request: lm.MeetingRequest) -> None:
        assert request.earliest <= request.latest

    @given(lst.working_hours(), lst.intervals(), lst.course_sessions())
    def test_others(
        self, hours: lm.WorkingHours, span: lm.Interval, session: lm.CourseSession
    ) -> None:
        assert hours.start < hours.end
        assert span.duration > timedelta(0)
        assert session.cohort.area == session.cohort.area


class TestShapes:
    """Working hours end the same day, requests have a window of at most 60
    days, course days start at nine, and an index knows its people."""

    @given(lst.working_hours())
    def test_working_hours(self, hours: lm.WorkingHours) -> None:
        assert hours.weekdays
        assert set(hours.weekdays) <= set(range(7))
        assert hours.end <= time(23)

    @given(lst.meeting_requests())
    def test_request_windows(self, request: lm.MeetingRequest) -> None:
        assert request.latest - request.earliest <= timedelta(days=60)

    @given(lst.course_sessions())
    def test_course_sessions(self, session: lm.CourseSession) -> None:
        assert session.format.code == "course_day"
        assert session.start.time() == time(9)
        assert session.start.tzinfo is lm.COPENHAGEN
        assert session.id == f"kursusdag-{session.cohort.area.code}"

    @given(lst.busy_indexes(people=PEOPLE, max_intervals=3))
    def test_busy_indexes_of_the_people_given(self, index: lm.BusyIndex) -> None:
        assert index.people == frozenset(PEOPLE)

    @given(lst.intervals())
    def test_intervals_last_a_quarter_to_a_day(self, span: lm.Interval) -> None:
        assert timedelta(minutes=15) <= span.duration <= timedelta(days=1)
