"""Enrolment on the own area's cohort, waiting lists, and the fill report."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs
import pytest

import learnmeet as lm
from examples import HOME_CARE_N, HOME_CARE_S, NORTH, SOUTH, WARD, pro

CAT = lm.DEFAULT_CATALOG
DAY = CAT.format("course_day")
CPH = lm.COPENHAGEN


def _session(id: str, area: lm.Area, day: int) -> lm.CourseSession:
    return lm.CourseSession(
        id=id,
        format=DAY,
        cohort=lm.Cohort(f"hold-{area.code}", area),
        start=datetime(2027, 4, day, 9, tzinfo=CPH),
    )


NORTH_1 = _session("nord-1", NORTH, 5)
NORTH_2 = _session("nord-2", NORTH, 12)
SOUTH_1 = _session("syd-1", SOUTH, 6)
KINDS = ["nurse", "sosu_assistant", "sosu_helper", "physiotherapist"]


def _staff(
    prefix: str, unit: lm.Unit, count: int, *, course: bool = True
) -> list[lm.Professional]:
    people = [
        pro(f"{prefix}-{i:02d}", KINDS[i % len(KINDS)], unit, course=course)
        for i in range(count)
    ]
    people[0] = pro(people[0].id, "nurse", unit, lm.StaffRole.KEY_PERSON, course=course)
    return people


class TestEnrolment:
    """Eligible staff go on their own area's cohort, up to its capacity."""

    def test_own_area_only(self) -> None:
        north = _staff("n", HOME_CARE_N, 14)
        south = _staff("s", HOME_CARE_S, 13)
        result = lm.enrol([*north, *south], [NORTH_1, SOUTH_1])
        by_id = {m.id: m for m in result.meetings}
        assert {p.unit.area for p in by_id["nord-1"].professionals} == {NORTH}
        assert {p.unit.area for p in by_id["syd-1"].professionals} == {SOUTH}
        assert all(lm.validate(m).ok for m in result.meetings)

    def test_capacity_and_waiting_list(self) -> None:
        north = _staff("n", HOME_CARE_N, 30)
        result = lm.enrol(north, [NORTH_1])
        assert len(result.meetings[0].attendees) == 24
        assert [p.id for p in result.waiting["nord-1"]] == [
            f"n-{i:02d}" for i in range(24, 30)
        ]

    def test_second_session_takes_the_overflow(self) -> None:
        result = lm.enrol(_staff("n", HOME_CARE_N, 30), [NORTH_2, NORTH_1])
        sizes = {m.id: len(m.attendees) for m in result.meetings}
        assert sizes == {"nord-1": 24, "nord-2": 6}

    def test_ineligible_with_reasons(self) -> None:
        newcomers = _staff("x", HOME_CARE_N, 2, course=False)
        ward = [pro("w-1", "nurse", WARD)]
        result = lm.enrol([*newcomers, *ward], [NORTH_1])
        reasons = {p.id: r.en for p, r in result.ineligible}
        assert "has not completed" in reasons["x-00"]
        assert "no cohort" in reasons["w-1"]

    def test_cancellations_move_the_waiting_list(self) -> None:
        north = _staff("n", HOME_CARE_N, 26)
        result = lm.enrol(
            north,
            [NORTH_1],
            cancellations={"n-01": lm.CancellationReason.ILLNESS},
        )
        assert [p.id for p, _ in result.cancelled] == ["n-01"]
        assert len(result.meetings[0].attendees) == 24
        assert [p.id for p in result.waiting["nord-1"]] == ["n-25"]


class TestFillReport:
    """Every session below its minimum fill is flagged, with a suggestion."""

    def test_merge_two_thin_sessions(self) -> None:
        north = _staff("n", HOME_CARE_N, 14)
        nord_1 = attrs_evolve_capacity(NORTH_1, 8)
        result = lm.enrol(north, [nord_1, NORTH_2])
        flagged = result.below_minimum
        assert [f.session.id for f in flagged] == ["nord-2"]
        assert flagged[0].suggestion is not None
        assert "merge" in flagged[0].suggestion.en

    def test_move_learning_into_the_forums(self) -> None:
        forum = lm.Forum(
            id="f",
            name="Tirsdagsmøde Syd",
            unit=HOME_CARE_S,
            first_start=datetime(2027, 1, 5, 9, tzinfo=CPH),
            duration=timedelta(hours=1),
            recurrence="FREQ=WEEKLY",
        )
        result = lm.enrol(_staff("s", HOME_CARE_S, 5), [SOUTH_1], forums=[forum])
        (flagged,) = result.below_minimum
        assert flagged.suggestion is not None
        assert "Tirsdagsmøde Syd" in flagged.suggestion.en
        assert "gør drift til udvikling" in flagged.suggestion.da
        assert "!" in result.report("en")
        assert "tilmeldt" in result.report("da")
        assert lm.validate(result.meetings[0]).codes == {"LM123"}


def attrs_evolve_capacity(session: lm.CourseSession, capacity: int) -> lm.CourseSession:
    import attrs

    req = attrs.evolve(session.format.requirements, max_attendees=capacity, min_fill=4)
    return attrs.evolve(session, format=attrs.evolve(session.format, requirements=req))


class TestTheEndOfTheYears:
    """A session ends in the years, with its own duration or its format's."""

    def test_a_session_ending_in_9999_is_refused(self) -> None:
        late = datetime(9998, 12, 31, 20, tzinfo=CPH)
        assert DAY.default_duration > timedelta(hours=4)
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(NORTH_1, start=late)
        assert info.value.location == "CourseSession.duration"
        assert "9999" in info.value.reason.en
        short = attrs.evolve(NORTH_1, start=late, duration=timedelta(hours=3))
        (meeting,) = lm.enrol([], [short]).meetings
        assert meeting.end.year == 9998
        with pytest.raises(lm.InvalidValueError, match="year 9999"):
            attrs.evolve(short, duration=timedelta(hours=4))
