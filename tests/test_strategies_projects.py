"""Strategies for programmes and series of course days honour their parameters."""

from __future__ import annotations

from hypothesis import given

import learnmeet as lm
from learnmeet import strategies as lst


class TestProgrammes:
    """A programme drawn for meetings groups them without a problem."""

    @given(
        lst.meetings(min_attendees=1).flatmap(lambda m: lst.programmes(meetings=[m]))
    )
    def test_for_a_meeting(self, programme: lm.Programme) -> None:
        (meeting_id,) = programme.meetings
        assert meeting_id.startswith("m-")
        assert programme.partners

    @given(
        lst.meetings().flatmap(
            lambda m: lst.programmes(meetings=[m]).map(lambda p: (m, p))
        )
    )
    def test_problems_are_none(self, drawn: tuple[lm.Meeting, lm.Programme]) -> None:
        meeting, programme = drawn
        assert programme.problems([meeting]) == ()
        assert programme.covers(meeting.start.date())

    @given(lst.programmes())
    def test_on_their_own(self, programme: lm.Programme) -> None:
        assert programme.start <= programme.end
        assert len({o.id for o in programme.partners}) == len(programme.partners)


class TestSeries:
    """Series, thresholds and verdicts hold together."""

    @given(lst.course_series())
    def test_series_of_course_days(self, series: lm.CourseSeries) -> None:
        assert series.format.code == "course_day"
        assert 1 <= len(series.cohorts) <= 3
        assert series.start <= series.end

    @given(lst.series_thresholds())
    def test_thresholds(self, t: lm.SeriesThresholds) -> None:
        assert 1 <= t.judge_after <= 6
        assert 0 < t.low_fill_share <= 1

    @given(lst.series_verdicts())
    def test_verdicts(self, verdict: lm.SeriesVerdict) -> None:
        assert verdict.below_minimum <= verdict.held
        assert verdict.reasons
