"""Strategies for the planning layer's values honour their parameters."""

from __future__ import annotations

from datetime import date, time, timedelta

from hypothesis import given, settings, strategies as st

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

    @given(lst.intervals(), lst.course_sessions())
    def test_others(self, span: lm.Interval, session: lm.CourseSession) -> None:
        assert span.duration > timedelta(0)
        assert session.cohort.area == session.cohort.area


class TestShapes:
    """Requests have a window of at most 60 days, course days start at nine,
    and an index knows its people."""

    @given(lst.meeting_requests())
    def test_request_windows(self, request: lm.MeetingRequest) -> None:
        assert request.latest - request.earliest <= timedelta(days=60)

    @given(lst.course_sessions())
    def test_course_sessions(self, session: lm.CourseSession) -> None:
        assert session.format.code == "course_day"
        assert session.start.time() == time(9)
        assert session.start.tzinfo is lm.COPENHAGEN
        assert session.id.startswith(f"kursusdag-{session.cohort.area.code}-")
        assert session.start.weekday() < 5

    @given(lst.busy_indexes(people=PEOPLE, max_intervals=3))
    def test_busy_indexes_of_the_people_given(self, index: lm.BusyIndex) -> None:
        assert index.people == frozenset(PEOPLE)

    @given(lst.intervals())
    def test_intervals_last_a_quarter_to_a_day(self, span: lm.Interval) -> None:
        assert timedelta(minutes=15) <= span.duration <= timedelta(days=1)


class TestResults:
    """Results are built from valid parts and hold together where a reader
    relies on it: a suggestion only below minimum, waiting lists only for
    sessions in the fill, a choice for each attendee, a period in order."""

    @settings(max_examples=20)
    @given(lst.enrolments())
    def test_enrolments(self, enrolment: lm.Enrolment) -> None:
        sessions = {f.session.id for f in enrolment.fill}
        assert set(enrolment.waiting) <= sessions
        for session in enrolment.waiting:
            fill = next(f for f in enrolment.fill if f.session.id == session)
            assert fill.enrolled == fill.capacity  # only a full day has a queue
        assert all(people for people in enrolment.waiting.values())
        for fill in enrolment.fill:
            assert (fill.suggestion is not None) == fill.below_minimum
        assert all(m.format.code == "course_day" for m in enrolment.meetings)

    @settings(max_examples=20)
    @given(lst.proposals())
    def test_proposals(self, proposal: lm.Proposal) -> None:
        keys = [a.person.key for a in proposal.meeting.attendees]
        assert [c.key for c in proposal.choices] == keys

    @settings(max_examples=10)
    @given(lst.period_plans())
    def test_period_plans_are_made_by_the_planner(self, plan: lm.PeriodPlan) -> None:
        assert 0 <= (plan.end - plan.start).days <= 31
        forums = sorted(plan.scenario.forums, key=lambda f: f.id)
        assert [p.forum for p in plan.learning] == forums
        # A course day for each area with someone eligible, none for others.
        enrolment = plan.enrolment
        seated = {p.id for m in enrolment.meetings for p in m.professionals}
        waiting = {p.id for people in enrolment.waiting.values() for p in people}
        refused = {p.id for p, _ in enrolment.ineligible}
        municipal = {
            p.id for p in plan.scenario.professionals if p.sector.code == "municipality"
        }
        assert seated | waiting | refused == municipal
        areas = {p.unit.area for p in plan.scenario.professionals} - {None}
        assert {f.session.cohort.area for f in enrolment.fill} <= areas

    @settings(max_examples=20)
    @given(lst.learning_plans())
    def test_learning_plans_use_the_forums_members(self, plan: lm.LearningPlan) -> None:
        members = set(plan.forum.members)
        for meeting in plan.meetings:
            assert set(meeting.professionals) <= members
            assert meeting.forum == plan.forum.id

    @settings(max_examples=20)
    @given(lst.schedule_results())
    def test_schedule_results_place_or_say_why(self, result: lm.ScheduleResult) -> None:
        placed = {m.id for m in result.meetings}
        assert not placed & {u.request.id for u in result.unplaced}
        assert all(u.blockers for u in result.unplaced)

    @given(lst.subjects())
    def test_an_attendee_is_named_by_key(self, subject: lm.Subject) -> None:
        if subject.kind is lm.SubjectKind.ATTENDEE:
            assert subject.id.startswith("professional:")
        else:
            assert str(subject) == f"{subject.kind.code}:{subject.id}"


class TestOwnCatalogue:
    """Course sessions and enrolments draw from the catalogue's own formats:
    a catalogue without the built-in course day works."""

    MINE = lm.Catalog(
        professions=[lm.DEFAULT_CATALOG.profession("nurse")],
        sectors=[lm.DEFAULT_CATALOG.sector("hospital")],
        formats=[lm.DEFAULT_CATALOG.format("learning_meeting")],
    )

    @settings(max_examples=10)
    @given(
        lst.course_sessions(
            catalog=MINE, area=lm.Area("vest", lm.Label(da="Vest", en="West"))
        )
    )
    def test_course_sessions(self, session: lm.CourseSession) -> None:
        assert session.format.code == "learning_meeting"
        assert session.cohort.area.code == "vest"

    @settings(max_examples=10)
    @given(lst.enrolments(catalog=MINE))
    def test_enrolments(self, enrolment: lm.Enrolment) -> None:
        assert isinstance(enrolment, lm.Enrolment)

    @settings(max_examples=10)
    @given(
        st.lists(
            lst.course_sessions(start=date(2026, 5, 1), end=date(2026, 5, 31)),
            min_size=2,
            max_size=3,
        )
    )
    def test_sessions_in_a_window_have_ids_of_their_own(
        self, sessions: list[lm.CourseSession]
    ) -> None:
        assert len({s.id for s in sessions}) == len(sessions)
        assert all(s.start.month == 5 and s.start.weekday() < 5 for s in sessions)
