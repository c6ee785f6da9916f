"""The placement engine, through schedule(): travel, breaks, rooms, staffing, wishes."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, time, timedelta

import attrs
import pytest
from hypothesis import assume, given, settings, strategies as st

import learnmeet as lm
from examples import (
    GP,
    HOME_CARE_N,
    NURSE_N,
    OT_N,
    PT_N,
    SSA_N,
    SSH_N,
    attend,
    pro,
)
from learnmeet import strategies as lst
from learnmeet.planning._placement import GRID, place_of

CAT = lm.DEFAULT_CATALOG
CPH = lm.COPENHAGEN
MONDAY = date(2027, 3, 1)
ASAP = lm.PlanningSettings(objective=lm.Objective.EARLIEST)
HOUR = timedelta(hours=1)


def _at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=CPH)


def _request(
    id: str,
    people: list[lm.Professional],
    *,
    location: lm.Location | None = None,
    days: tuple[date, date] = (MONDAY, MONDAY),
    length: timedelta = HOUR,
) -> lm.MeetingRequest:
    return lm.MeetingRequest(
        id=id,
        format=CAT.format("operational_meeting"),
        attendees=[attend(p) for p in people],
        earliest=days[0],
        latest=days[1],
        duration=length,
        location=location,
    )


def _held(
    id: str,
    people: list[lm.Professional],
    start: datetime,
    location: lm.Location,
    length: timedelta = 2 * HOUR,
) -> lm.Meeting:
    return lm.Meeting(
        id=id,
        format=CAT.format("operational_meeting"),
        start=start,
        duration=length,
        location=location,
        attendees=[attend(p) for p in people],
    )


def _site(place: str | None = None, room: str | None = None) -> lm.Location:
    return lm.Location(lm.LocationKind.ON_SITE, place=place, room=room)


TOWN_HALL = _site("raadhuset")
HEALTH_HOUSE = _site("sundhedshuset")
ONLINE = lm.Location(lm.LocationKind.ONLINE)


class TestTravel:
    """Nobody goes between two places without the time to get there."""

    before = _held("morgen", [NURSE_N], _at(8), TOWN_HALL)

    def _first(self, location: lm.Location, travel: lm.PlanningSettings) -> datetime:
        result = lm.schedule(
            [_request("r", [NURSE_N, SSA_N], location=location)],
            settings=travel,
            meetings=[self.before],
        )
        return result.meetings[0].start

    def test_the_default_travel_time_lies_between_two_places(self) -> None:
        assert self._first(HEALTH_HOUSE, ASAP) == _at(10, 30)

    def test_the_matrix_gives_the_time_between_two_places(self) -> None:
        travel = attrs.evolve(
            ASAP,
            travel=lm.TravelTimes(
                matrix={("sundhedshuset", "raadhuset"): timedelta(minutes=15)}
            ),
        )
        assert self._first(HEALTH_HOUSE, travel) == _at(10, 15)

    def test_an_online_meeting_needs_no_travel(self) -> None:
        assert self._first(ONLINE, ASAP) == _at(10)

    def test_the_same_place_needs_only_the_break(self) -> None:
        pause = attrs.evolve(ASAP, break_between=timedelta(minutes=15))
        assert self._first(TOWN_HALL, ASAP) == _at(10)
        assert self._first(TOWN_HALL, pause) == _at(10, 15)

    def test_two_citizens_homes_are_two_places(self) -> None:
        home = lm.Location(lm.LocationKind.CITIZEN_HOME)
        assert place_of(home, "B-1", None) != place_of(home, "B-2", None)
        assert place_of(home, "B-1", None) == "home:B-1"

    def test_travel_is_kept_before_a_later_meeting_too(self) -> None:
        after = _held("eftermiddag", [NURSE_N], _at(10), TOWN_HALL)
        result = lm.schedule(
            [_request("r", [NURSE_N], location=HEALTH_HOUSE)],
            settings=ASAP,
            meetings=[after],
        )
        (meeting,) = result.meetings
        # 08:00-09:00 would leave no time to reach the town hall by 10:00.
        assert meeting.start == _at(8)
        assert meeting.end + timedelta(minutes=30) <= after.start or (
            meeting.start >= after.end + timedelta(minutes=30)
        )

    def test_no_time_left_for_travel_is_the_reason_given(self) -> None:
        busy = {NURSE_N.key: [lm.Interval(_at(11), _at(16))]}
        # Free 09:45-11:00 after a meeting at the town hall: an hour fits,
        # the half hour to the health house does not.
        before = _held(
            "tidligt", [NURSE_N], _at(8), TOWN_HALL, length=timedelta(minutes=105)
        )
        result = lm.schedule(
            [_request("r", [NURSE_N], location=HEALTH_HOUSE)],
            settings=ASAP,
            busy=busy,
            meetings=[before],
        )
        (unplaced,) = result.unplaced
        assert "travel time" in unplaced.reason.en
        assert unplaced.blockers == (NURSE_N.key,)


class TestRooms:
    """On-site meetings get a free room that seats everyone."""

    small = lm.Room(id="lille", name="Lille mødelokale", capacity=2)
    large = lm.Room(id="store", name="Store sal", capacity=10, place="sundhedshuset")

    def test_the_smallest_room_that_seats_everyone_is_taken(self) -> None:
        rooms = attrs.evolve(ASAP, rooms=[self.large, self.small])
        (two,) = lm.schedule(
            [_request("to", [NURSE_N, SSA_N])], settings=rooms
        ).meetings
        (three,) = lm.schedule(
            [_request("tre", [NURSE_N, SSA_N, SSH_N])], settings=rooms
        ).meetings
        assert (two.location.room, three.location.room) == ("lille", "store")

    def test_a_room_is_never_double_booked(self) -> None:
        rooms = attrs.evolve(ASAP, rooms=[self.small])
        result = lm.schedule(
            [_request("a", [NURSE_N, SSA_N]), _request("b", [PT_N, OT_N])],
            settings=rooms,
        )
        a, b = result.meetings
        assert a.location.room == b.location.room == "lille"
        assert a.end <= b.start

    def test_too_many_for_every_room_is_not_placed_and_says_so(self) -> None:
        rooms = attrs.evolve(ASAP, rooms=[self.small])
        result = lm.schedule([_request("tre", [NURSE_N, SSA_N, SSH_N])], settings=rooms)
        (unplaced,) = result.unplaced
        assert result.meetings == ()
        assert "no room seats 3" in unplaced.reason.en
        assert "intet lokale har plads til 3" in unplaced.reason.da

    def test_a_room_at_a_place_of_its_own_counts_for_travel(self) -> None:
        rooms = attrs.evolve(ASAP, rooms=[self.large])
        before = _held("morgen", [NURSE_N], _at(8), TOWN_HALL)
        (meeting,) = lm.schedule(
            [_request("r", [NURSE_N, SSA_N, SSH_N])],
            settings=rooms,
            meetings=[before],
        ).meetings
        assert meeting.start == _at(10, 30)

    def test_online_and_home_meetings_need_no_room(self) -> None:
        rooms = attrs.evolve(ASAP, rooms=[self.small])
        (meeting,) = lm.schedule(
            [_request("r", [NURSE_N, SSA_N, SSH_N], location=ONLINE)], settings=rooms
        ).meetings
        assert meeting.location.room is None


TEAM = [pro(f"t-{i}", "sosu_helper", HOME_CARE_N) for i in range(6)]


class TestStaffing:
    """No unit has more of its staff away at once than it may send."""

    def test_two_meetings_that_would_take_too_many_go_one_after_the_other(
        self,
    ) -> None:
        result = lm.schedule(
            [_request("a", TEAM[:2]), _request("b", TEAM[2:4])],
            settings=ASAP,
            staff=TEAM,
        )
        a, b = result.meetings
        assert a.end <= b.start  # 4 of 6 away at once would leave 2 on duty

    def test_without_the_staff_list_staffing_is_not_checked(self) -> None:
        result = lm.schedule(
            [_request("a", TEAM[:2]), _request("b", TEAM[2:4])], settings=ASAP
        )
        a, b = result.meetings
        assert a.start == b.start

    def test_a_meeting_that_takes_too_many_is_not_placed_and_says_which_unit(
        self,
    ) -> None:
        result = lm.schedule([_request("a", TEAM[:4])], settings=ASAP, staff=TEAM)
        (unplaced,) = result.unplaced
        assert "hj-n" in unplaced.reason.en
        assert "minimum" not in unplaced.reason.da  # Danish words in Danish
        assert set(unplaced.blockers) == {p.key for p in TEAM[:4]}

    def test_a_unit_may_have_a_share_of_its_own(self) -> None:
        lenient = attrs.evolve(ASAP, unit_min_on_duty={"hj-n": 0.25})
        result = lm.schedule([_request("a", TEAM[:4])], settings=lenient, staff=TEAM)
        assert len(result.meetings) == 1

    def test_a_short_staff_list_is_not_taken_for_the_whole_unit(self) -> None:
        result = lm.schedule([_request("a", TEAM[:3])], settings=ASAP, staff=TEAM[:3])
        assert len(result.meetings) == 1


class TestWishes:
    """Hours to avoid and preferred hours order the times that fit."""

    def test_the_morning_peak_is_avoided(self) -> None:
        peak = attrs.evolve(ASAP, avoid={"hj-n": [(time(7), time(9, 30))]})
        (meeting,) = lm.schedule([_request("r", [NURSE_N])], settings=peak).meetings
        assert meeting.start == _at(9, 30)

    def test_a_unit_without_a_peak_is_not_moved(self) -> None:
        peak = attrs.evolve(ASAP, avoid={"tr-n": [(time(7), time(9, 30))]})
        (meeting,) = lm.schedule([_request("r", [NURSE_N])], settings=peak).meetings
        assert meeting.start == _at(8)

    def test_avoided_hours_are_used_when_nothing_else_fits(self) -> None:
        peak = attrs.evolve(ASAP, avoid={"hj-n": [(time(8), time(16))]})
        (meeting,) = lm.schedule([_request("r", [NURSE_N])], settings=peak).meetings
        assert meeting.start == _at(8)

    def test_preferred_hours_win(self) -> None:
        wish = attrs.evolve(ASAP, preferred=(time(10), time(14)))
        (meeting,) = lm.schedule([_request("r", [NURSE_N])], settings=wish).meetings
        assert meeting.start == _at(10)

    def test_starts_are_on_the_quarter_hour(self) -> None:
        busy = {NURSE_N.key: [lm.Interval(_at(8), _at(9, 7))]}
        (meeting,) = lm.schedule(
            [_request("r", [NURSE_N])], settings=ASAP, busy=busy
        ).meetings
        assert meeting.start == _at(9, 15)
        assert GRID == 15 * 60 * 1_000_000


QUARTER = (date(2027, 1, 1), date(2027, 3, 31))


class TestSpread:
    """Spread over the period: a quarter's meetings do not all land on its first day."""

    def test_a_quarters_requests_are_spread_over_it(self) -> None:
        people = [[NURSE_N], [SSA_N], [PT_N], [GP]]
        result = lm.schedule(
            [_request(f"r-{i}", p, days=QUARTER) for i, p in enumerate(people)]
        )
        months = sorted(m.start.month for m in result.meetings)
        assert len({m.start.date() for m in result.meetings}) == 4
        assert (months[0], months[-1]) == (1, 3)

    def test_as_soon_as_possible_takes_the_first_working_day(self) -> None:
        result = lm.schedule([_request("r", [NURSE_N], days=QUARTER)], settings=ASAP)
        assert result.meetings[0].start == datetime(2027, 1, 4, 8, tzinfo=CPH)


class TestKeptAndChecked:
    """What a meeting is survives scheduling, and the placed meetings are validated."""

    @settings(max_examples=15, deadline=None)
    @given(lst.meetings(format="course_day"))
    def test_a_course_day_keeps_its_cohort_forum_and_status(
        self, meeting: lm.Meeting
    ) -> None:
        assume(meeting.status is not lm.MeetingStatus.CANCELLED)
        day = meeting.start.date()
        request = lm.MeetingRequest.from_meeting(
            meeting, earliest=day, latest=day + timedelta(days=14)
        )
        result = lm.schedule(
            [request], settings=attrs.evolve(ASAP, hours=None), holidays=()
        )
        (placed,) = result.meetings
        assert (placed.cohort, placed.forum, placed.status) == (
            meeting.cohort,
            meeting.forum,
            meeting.status,
        )
        assert "LM120" not in lm.validate(placed).codes
        assert result.report == lm.validate_all(result.meetings)

    def test_a_placed_meeting_that_breaks_its_format_is_reported(self) -> None:
        request = lm.MeetingRequest(
            id="hjemme",
            format=CAT.format("home_meeting"),
            attendees=[attend(NURSE_N), attend(GP)],
            earliest=MONDAY,
            latest=MONDAY,
        )
        result = lm.schedule([request], settings=ASAP)
        assert len(result.meetings) == 1
        assert not result.report.ok
        assert {v.meeting for v in result.report.errors} == {"hjemme"}

    def test_a_cancelled_meeting_is_not_a_request(self) -> None:
        request = _request("r", [NURSE_N])
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(request, status=lm.MeetingStatus.CANCELLED)
        assert caught.value.path == ("status",)


PEOPLE = [NURSE_N, SSA_N, SSH_N, PT_N, OT_N, GP, *TEAM]


def _instance(seed: int) -> list[lm.MeetingRequest]:
    rng = random.Random(seed)
    places = [None, TOWN_HALL, HEALTH_HOUSE, ONLINE]
    out = []
    for i in range(rng.randint(1, 14)):
        first = MONDAY + timedelta(days=rng.randrange(3))
        out.append(
            _request(
                f"r-{i:02d}",
                rng.sample(PEOPLE, rng.randint(1, 4)),
                location=rng.choice(places),
                days=(first, first + timedelta(days=rng.randrange(2))),
                length=timedelta(minutes=rng.choice([45, 60, 120])),
            )
        )
    return out


def _gaps_kept(meetings: tuple[lm.Meeting, ...], travel: lm.PlanningSettings) -> bool:
    agenda: dict[str, list[lm.Meeting]] = {}
    for m in meetings:
        for a in m.attendees:
            agenda.setdefault(a.person.key, []).append(m)
    for items in agenda.values():
        items.sort(key=lambda m: m.start)
        for first, second in itertools.pairwise(items):
            where = [place_of(m.location, None, None) for m in (first, second)]
            gap = max(travel.travel.between(*where), travel.break_between)
            if second.start < first.end + gap:
                return False
    return True


class TestProperties:
    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, 2**16), st.sampled_from(list(lm.Objective)))
    def test_every_request_is_placed_or_said_why_and_no_gap_is_broken(
        self, seed: int, objective: lm.Objective
    ) -> None:
        requests = _instance(seed)
        plan = lm.PlanningSettings(
            objective=objective, break_between=timedelta(minutes=10), on_duty_from=1
        )
        result = lm.schedule(requests, settings=plan, staff=PEOPLE)
        placed = [m.id for m in result.meetings]
        left = [u.request.id for u in result.unplaced]
        assert sorted(placed + left) == sorted(r.id for r in requests)
        assert all(u.reason.da and u.reason.en for u in result.unplaced)
        assert _gaps_kept(result.meetings, plan)

    @settings(max_examples=30, deadline=None)
    @given(st.integers(0, 2**16), st.randoms(use_true_random=False))
    def test_renaming_the_requests_does_not_change_how_many_are_placed(
        self, seed: int, rng: random.Random
    ) -> None:
        requests = _instance(seed)
        names = [f"x-{i:02d}" for i in range(len(requests))]
        rng.shuffle(names)
        renamed = [
            attrs.evolve(r, id=name) for r, name in zip(requests, names, strict=True)
        ]
        assert len(lm.schedule(requests).meetings) == len(lm.schedule(renamed).meetings)


class TestShifts:
    """Who is at work when: a night shift and a day shift never meet."""

    night = lm.WorkingHours(start=time(23), end=time(7), weekdays=range(7))

    def _at_work(self) -> lm.Availability:
        return lm.Availability(
            patterns=[lm.WorkingPattern(professional=NURSE_N.id, shifts=[self.night])],
            professionals=PEOPLE,
        )

    def test_a_night_worker_is_met_at_night(self) -> None:
        result = lm.schedule(
            [_request("nat", [NURSE_N])], settings=ASAP, availability=self._at_work()
        )
        (meeting,) = result.meetings
        assert meeting.start == _at(0)  # the night from Sunday into Monday

    def test_a_night_and_a_day_worker_are_told_they_never_meet(self) -> None:
        result = lm.schedule(
            [_request("r", [NURSE_N, SSA_N])],
            settings=ASAP,
            availability=self._at_work(),
        )
        (unplaced,) = result.unplaced
        assert "never at work at the same time" in unplaced.reason.en
        assert "aldrig på arbejde samtidig" in unplaced.reason.da

    def test_an_absence_moves_the_meeting(self) -> None:
        away = lm.Availability(
            absences=[
                lm.Absence.days(NURSE_N.id, MONDAY, MONDAY, lm.AbsenceKind.SICKNESS)
            ],
            professionals=PEOPLE,
        )
        result = lm.schedule(
            [_request("r", [NURSE_N], days=(MONDAY, MONDAY + timedelta(days=4)))],
            settings=ASAP,
            availability=away,
        )
        assert result.meetings[0].start == _at(8, day=MONDAY + timedelta(days=1))
