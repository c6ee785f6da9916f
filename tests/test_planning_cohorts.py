"""Enrolment on the own area's cohort, waiting lists, and the fill report."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

import attrs
import pytest
from hypothesis import given, settings, strategies as st

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

    def test_the_missing_course_is_named_by_its_name_not_a_code(self) -> None:
        """A care worker reads which course is missing by its name, never by
        the course's code ('palliation_nurse')."""
        result = lm.enrol(_staff("x", HOME_CARE_N, 1, course=False), [NORTH_1])
        ((person, why),) = result.ineligible
        course = NORTH_1.format.requirements.prerequisite_for(person.profession)
        assert course is not None
        name = lm.COURSE_LABELS[course]
        assert why.da == f"har ikke gennemført «{name.da}»"
        assert why.en == f"has not completed “{name.en}”"
        assert course not in why.da + why.en

    def test_one_enrolled_is_singular(self) -> None:
        result = lm.enrol(_staff("n", HOME_CARE_N, 1), [NORTH_1])
        assert "kun 1 tilmeldt, mindst" in result.report("da")

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


def _days(enrolment: lm.Enrolment) -> list[object]:
    return [m.start.date() for m in enrolment.meetings]


def _plan(people: list[lm.Professional], **kwargs: object) -> lm.Enrolment:
    given: dict[str, object] = {
        "start": date(2027, 4, 5),
        "end": date(2027, 6, 25),
        "format": DAY,
        "settings": lm.PlanningSettings(),
    }
    given.update(kwargs)
    return lm.plan_course_days(people, **given)  # type: ignore[arg-type]


class TestPlanCourseDays:
    """Course days a roster accepts: as many as it takes, spread, capped."""

    def test_nobody_waits_when_the_period_has_the_days(self) -> None:
        people = _staff("n", HOME_CARE_N, 40)
        result = _plan(people)
        assert not result.waiting
        seated = [p.id for m in result.meetings for p in m.professionals]
        assert sorted(set(seated)) == sorted(p.id for p in people)
        assert all(len(m.attendees) <= 24 for m in result.meetings)

    def test_a_cohort_of_one_profession_waits_for_another(self) -> None:
        """Only the nurses of the south have done their course: no course day
        of theirs could bring two professions together (LM101), so none is
        planned; they wait, told why, and the north is planned as before."""
        nurses = [
            pro(f"s-{i}", "nurse", HOME_CARE_S, lm.StaffRole.KEY_PERSON)
            for i in range(8)
        ]
        north = _staff("n", HOME_CARE_N, 12)
        result = _plan([*nurses, *north])
        assert {m.cohort.area for m in result.meetings if m.cohort} == {NORTH}
        assert all(lm.validate(m).ok for m in result.meetings)
        assert sorted(p.id for p in result.waiting["hold-" + SOUTH.code]) == sorted(
            p.id for p in nurses
        )
        why = result.reasons[nurses[0].id]
        assert "kun én faggruppe" in why.da
        assert "only one profession" in why.en
        assert "nurse" not in why.en.replace("sygeplejerske", "")

    def test_sessions_on_distinct_days_spread_over_the_period(self) -> None:
        result = _plan(_staff("n", HOME_CARE_N, 60))
        days = _days(result)
        assert len(days) == len(set(days)) >= 3
        assert max(days) - min(days) >= timedelta(days=28)  # type: ignore[operator]

    def test_a_unit_keeps_its_share_on_duty(self) -> None:
        """Ten in a unit that must keep 70 % on duty: three away at most."""
        people = _staff("n", HOME_CARE_N, 10)
        settings = lm.PlanningSettings(unit_min_on_duty={HOME_CARE_N.id: 0.7})
        result = _plan(people, settings=settings)
        assert all(len(m.attendees) <= 3 for m in result.meetings)
        # One key person leads every session and takes one of its three
        # seats: nine others, two a session, five sessions.
        assert len(result.meetings) == 5
        assert all(m.facilitators for m in result.meetings)
        assert not result.waiting

    def test_working_days_only_and_not_holidays(self) -> None:
        easter = {date(2027, 4, 5) + timedelta(days=n) for n in range(5)}
        result = _plan(
            _staff("n", HOME_CARE_N, 30),
            start=date(2027, 4, 3),
            end=date(2027, 4, 11),
            holidays=easter,
        )
        assert not result.meetings
        waiting = result.waiting["hold-nord"]
        assert len(waiting) == 30
        assert result.reasons[waiting[0].id].en.startswith("the period has no")

    def test_inside_the_units_hours(self) -> None:
        late = lm.WorkingHours(start=time(10), end=time(18))
        settings = lm.PlanningSettings(unit_hours={HOME_CARE_N.id: late})
        result = _plan(_staff("n", HOME_CARE_N, 12), settings=settings)
        for meeting in result.meetings:
            assert late.covers(meeting.start, meeting.end)

    def test_someone_busy_goes_on_another_session(self) -> None:
        people = _staff("n", HOME_CARE_N, 12)
        everyone = lm.PlanningSettings(min_on_duty=0)
        first = _plan(people, settings=everyone)
        (meeting,) = first.meetings
        busy = lm.BusyIndex({people[3].key: [(meeting.start, meeting.end)]})
        again = _plan(people, busy=busy, settings=everyone)
        placed = {p.id: m for m in again.meetings for p in m.professionals}
        assert placed[people[3].id].start.date() != meeting.start.date()
        assert not again.waiting
        # The same when the busy time is a meeting already planned.
        visit = lm.Meeting(
            id="m-visit",
            format=CAT.format("operational_meeting"),
            start=meeting.start,
            duration=timedelta(hours=1),
            attendees=[lm.Attendee(person=people[3], role=lm.AttendeeRole.PARTICIPANT)],
        )
        planned = _plan(people, meetings=[visit], settings=everyone)
        placed = {p.id: m for m in planned.meetings for p in m.professionals}
        assert placed[people[3].id].start.date() != meeting.start.date()

    def test_a_room_that_seats_everyone(self) -> None:
        rooms = (
            lm.Room(id="lille", capacity=4),
            lm.Room(id="sal", capacity=30, place="sundhedshuset"),
        )
        settings = lm.PlanningSettings(rooms=rooms)
        result = _plan(_staff("n", HOME_CARE_N, 20), settings=settings)
        for meeting in result.meetings:
            assert meeting.location.room == "sal"
            assert meeting.location.place == "sundhedshuset"

    def test_a_room_another_meeting_has_is_not_used(self) -> None:
        """A room booked by a meeting already planned is taken that day."""
        people = _staff("n", HOME_CARE_N, 12)
        one = lm.PlanningSettings(
            min_on_duty=0, rooms=(lm.Room(id="sal", capacity=30),)
        )
        first = _plan(people, settings=one)
        (meeting,) = first.meetings
        other = lm.Meeting(
            id="m-other",
            format=CAT.format("operational_meeting"),
            start=meeting.start,
            duration=timedelta(hours=1),
            location=lm.Location(lm.LocationKind.ON_SITE, room="sal"),
        )
        again = _plan(people, settings=one, meetings=[other])
        (moved,) = again.meetings
        assert moved.start.date() != meeting.start.date()
        assert moved.location.room == "sal"

    def test_a_small_room_splits_the_cohort(self) -> None:
        settings = lm.PlanningSettings(rooms=(lm.Room(id="lille", capacity=6),))
        result = _plan(_staff("n", HOME_CARE_N, 12), settings=settings)
        assert all(len(m.attendees) <= 6 for m in result.meetings)
        assert not result.waiting

    def test_under_the_minimum_is_tentative_and_says_so(self) -> None:
        everyone = lm.PlanningSettings(min_on_duty=0)
        result = _plan(_staff("n", HOME_CARE_N, 10), settings=everyone)
        (meeting,) = result.meetings
        assert meeting.status is lm.MeetingStatus.TENTATIVE
        line = result.report("en").splitlines()[0]
        assert "tentative: only 10 enrolled, at least 12" in line
        assert "foreløbig: kun 10 tilmeldte, mindst 12" in result.report("da")

    def test_full_sessions_are_planned(self) -> None:
        people = _staff("n", HOME_CARE_N, 30)
        people[1] = pro(people[1].id, "nurse", HOME_CARE_N, lm.StaffRole.KEY_PERSON)
        result = _plan(people)
        assert {m.status for m in result.meetings} == {lm.MeetingStatus.PLANNED}

    def test_a_day_of_one_profession_is_not_planned(self) -> None:
        """Both professions did their course, but on the period's one day the
        physiotherapist is at another meeting: the day would hold a nurse
        alone (LM101), so it is not planned, and both wait, told why."""
        nurse = pro("a-1", "nurse", HOME_CARE_N, lm.StaffRole.KEY_PERSON)
        physio = pro("a-2", "physiotherapist", HOME_CARE_N)
        day = date(2027, 4, 13)
        elsewhere = lm.Meeting(
            id="m-elsewhere",
            format=CAT.format("operational_meeting"),
            start=datetime(day.year, day.month, day.day, 7, tzinfo=CPH),
            duration=timedelta(hours=10),
            attendees=[lm.Attendee(person=physio, role=lm.AttendeeRole.PARTICIPANT)],
        )
        result = _plan(
            [nurse, physio],
            start=day,
            end=day,
            meetings=[elsewhere],
            settings=lm.PlanningSettings(min_on_duty=0),
        )
        assert not result.meetings
        (waiting,) = result.waiting.values()
        assert {p.id for p in waiting} == {"a-1", "a-2"}
        assert "at least 2 professions" in result.reasons["a-1"].en
        assert "mindst 2 faggrupper" in result.reasons["a-1"].da

    def test_every_session_has_its_facilitator(self) -> None:
        """One key person for a cohort that needs several sessions: they lead
        each, in a seat of their unit's share, so no session goes without the
        facilitator the format needs (LM117) — the check would not foresee it."""
        people = _staff("n", HOME_CARE_N, 30)
        result = _plan(people)
        assert len(result.meetings) == 3
        for meeting in result.meetings:
            assert [a.person.key for a in meeting.facilitators] == [people[0].key]
            assert len(meeting.attendees) <= 15  # half the unit on duty
            assert "LM117" not in lm.validate(meeting).codes
        seated = {p.id for m in result.meetings for p in m.professionals}
        assert seated == {p.id for p in people}
        assert not result.waiting

    def test_the_waiting_list_case(self) -> None:
        """One working day, 64 staff of one unit: 24 go, 40 wait with why."""
        people = _staff("v", HOME_CARE_N, 64)
        result = _plan(people, start=date(2027, 3, 16), end=date(2027, 3, 16))
        (meeting,) = result.meetings
        assert len(meeting.attendees) == 24
        (waiting,) = result.waiting.values()
        assert len(waiting) == 40
        assert {result.reasons[p.id].en for p in waiting} == {
            "no course day of the period had room (seats, the unit's minimum on "
            "duty or a free room)"
        }
        whole = _plan(people, start=date(2027, 3, 1), end=date(2027, 3, 31))
        assert not whole.waiting
        assert len(whole.meetings) == 3

    def test_ineligible_with_the_reason(self) -> None:
        people = [*_staff("n", HOME_CARE_N, 3), *_staff("w", WARD, 2)]
        people += _staff("x", HOME_CARE_S, 2, course=False)
        result = _plan(people)
        reasons = {p.id: why.en for p, why in result.ineligible}
        assert reasons["w-00"] == "the person's unit belongs to no area"
        assert reasons["x-00"].startswith("has not completed")

    def test_each_session_has_a_facilitator(self) -> None:
        result = _plan(_staff("n", HOME_CARE_N, 60))
        for meeting in result.meetings:
            assert any(p.can_facilitate for p in meeting.professionals)


@st.composite
def _rosters(draw: st.DrawFn) -> tuple[list[lm.Professional], lm.PlanningSettings]:
    units = [HOME_CARE_N, HOME_CARE_S]
    people = [
        pro(
            f"p-{n:03d}",
            draw(st.sampled_from(KINDS)),
            draw(st.sampled_from(units)),
            *([lm.StaffRole.KEY_PERSON] if draw(st.booleans()) else []),
            course=draw(st.integers(0, 9)) > 0,
        )
        for n in range(draw(st.integers(0, 70)))
    ]
    share = draw(st.sampled_from([0.0, 0.3, 0.5, 0.8]))
    return people, lm.PlanningSettings(min_on_duty=share)


class TestProperties:
    """On generated staff lists: capacity, shares, everyone accounted for."""

    @settings(max_examples=25, deadline=None)
    @given(_rosters(), st.integers(0, 40))
    def test_capped_complete_and_deterministic(
        self,
        roster: tuple[list[lm.Professional], lm.PlanningSettings],
        length: int,
    ) -> None:
        people, chosen = roster
        start = date(2027, 9, 1)
        result = _plan(
            people, start=start, end=start + timedelta(days=length), settings=chosen
        )
        staff = Counter(p.unit.id for p in people)
        for meeting in result.meetings:
            assert len(meeting.attendees) <= 24
            units = Counter(p.unit.id for p in meeting.professionals)
            for unit, n in units.items():
                if chosen.keeps_on_duty(staff[unit]):
                    assert n <= chosen.away_at_most(unit, staff[unit])
            assert meeting.start.weekday() < 5
        seated = {p.id for m in result.meetings for p in m.professionals}
        waiting = {p.id for w in result.waiting.values() for p in w}
        refused = {p.id for p, _ in result.ineligible}
        assert seated | waiting | refused == {p.id for p in people}
        assert not seated & waiting
        assert set(result.reasons) == waiting
        # One session of an area a day, so they are on distinct days.
        by_area = Counter(
            (f.session.cohort.area.code, f.session.start.date()) for f in result.fill
        )
        assert max(by_area.values(), default=1) == 1
        assert (
            _plan(
                people, start=start, end=start + timedelta(days=length), settings=chosen
            )
            == result
        )
