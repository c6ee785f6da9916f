"""Scheduling many meetings: nobody double-booked, deterministic, reasons given."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import assume, given, settings, strategies as st

import learnmeet as lm
from examples import CASE, DOCTOR, GP, NURSE_N, OT_N, PT_N, SSA_N, SSH_N, attend
from learnmeet import strategies as lst

CAT = lm.DEFAULT_CATALOG
PEOPLE = [NURSE_N, SSA_N, SSH_N, PT_N, OT_N, DOCTOR, GP]
WEEK = (date(2027, 3, 1), date(2027, 3, 5))


def _monday(hour: int) -> datetime:
    return datetime(2027, 3, 1, hour, tzinfo=lm.COPENHAGEN)


MONDAY_ALL_DAY = lm.Interval(_monday(8), _monday(16))
#: As soon as possible: where the tests below expect the earliest time.
ASAP = lm.PlanningSettings(objective=lm.Objective.EARLIEST)


def _request(
    id: str, people: list[lm.Professional], *, days: tuple[date, date] = WEEK
) -> lm.MeetingRequest:
    return lm.MeetingRequest(
        id=id,
        format=CAT.format("operational_meeting"),
        attendees=[attend(p) for p in people],
        earliest=days[0],
        latest=days[1],
        duration=timedelta(hours=2),
    )


def _no_double_booking(meetings: tuple[lm.Meeting, ...]) -> bool:
    seen: dict[str, list[tuple[object, object]]] = {}
    for m in meetings:
        for a in m.attendees:
            for start, end in seen.get(a.person.key, []):
                if start < m.end and m.start < end:  # type: ignore[operator]
                    return False
            seen.setdefault(a.person.key, []).append((m.start, m.end))
    return True


class TestPlacing:
    """Each request goes to the earliest time its required people are free."""

    def test_two_meetings_share_a_person(self) -> None:
        result = lm.schedule(
            [_request("a", [NURSE_N, SSA_N]), _request("b", [NURSE_N, GP])],
            settings=ASAP,
        )
        first, second = result.meetings
        assert first.start.hour == 8
        assert second.start == first.end
        assert result.unplaced == ()

    def test_optional_attendees_come_when_free(self) -> None:
        request = attrs.evolve(
            _request("a", [NURSE_N]),
            attendees=[
                attend(NURSE_N),
                attrs.evolve(attend(GP), participation=lm.Participation.OPTIONAL),
                attrs.evolve(attend(PT_N), participation=lm.Participation.OPTIONAL),
            ],
        )
        week = [
            lm.Interval(_monday(8) + timedelta(days=d), _monday(16) + timedelta(days=d))
            for d in range(5)
        ]
        result = lm.schedule([request], busy={GP.key: week}, settings=ASAP)
        (meeting,) = result.meetings
        assert meeting.start.date() == WEEK[0]
        keys = {a.person.key for a in meeting.attendees}
        assert keys == {NURSE_N.key, PT_N.key}

    def test_a_later_day_wins_when_it_has_more_optional_attendees(self) -> None:
        """Optional attendees' conflicts are minimised, not ignored: the GP is
        busy on Monday only, so the meeting waits a day for the GP."""
        request = attrs.evolve(
            _request("a", [NURSE_N]),
            attendees=[
                attend(NURSE_N),
                attrs.evolve(attend(GP), participation=lm.Participation.OPTIONAL),
            ],
        )
        result = lm.schedule([request], busy={GP.key: [MONDAY_ALL_DAY]}, settings=ASAP)
        (meeting,) = result.meetings
        assert meeting.start == datetime(2027, 3, 2, 8, tzinfo=lm.COPENHAGEN)
        assert {a.person.key for a in meeting.attendees} == {NURSE_N.key, GP.key}

    def test_existing_busy_time_is_respected(self) -> None:
        result = lm.schedule(
            [_request("a", [NURSE_N])],
            busy={NURSE_N.key: [MONDAY_ALL_DAY]},
            settings=ASAP,
        )
        assert result.meetings[0].start.date() == date(2027, 3, 2)

    def test_case_and_location_are_kept(self) -> None:
        request = lm.MeetingRequest(
            id="home",
            format=CAT.format("home_meeting"),
            attendees=[
                attend(NURSE_N),
                attend(SSA_N),
                attend(CASE.citizen, lm.AttendeeRole.CITIZEN),
            ],
            earliest=WEEK[0],
            latest=WEEK[1],
            case=CASE,
        )
        (meeting,) = lm.schedule([request]).meetings
        assert meeting.location.kind is lm.LocationKind.CITIZEN_HOME
        assert meeting.case == CASE
        assert meeting.duration == CAT.format("home_meeting").default_duration


class TestFromMeeting:
    """A meeting crosses into planning in one call and keeps what schedule keeps."""

    @settings(max_examples=20)
    @given(lst.meetings(), st.integers(0, 30))
    def test_a_meeting_becomes_a_request(self, meeting: lm.Meeting, days: int) -> None:
        assume(meeting.status is not lm.MeetingStatus.CANCELLED)
        first = meeting.start.date()
        request = lm.MeetingRequest.from_meeting(
            meeting, earliest=first, latest=first + timedelta(days=days)
        )
        kept = (
            "id",
            "format",
            "attendees",
            "duration",
            "case",
            "reflection",
            "cohort",
            "forum",
            "status",
        )
        assert [getattr(request, f) for f in kept] == [
            getattr(meeting, f) for f in kept
        ]
        assert (request.location, request.title) == (meeting.location, meeting.title)
        assert (request.earliest, request.latest) == (
            first,
            first + timedelta(days=days),
        )

    def test_the_window_is_checked(self) -> None:
        meeting = _meeting_for_request()
        with pytest.raises(lm.InvalidValueError, match="latest"):
            lm.MeetingRequest.from_meeting(
                meeting, earliest=date(2027, 3, 2), latest=date(2027, 3, 1)
            )


def _meeting_for_request() -> lm.Meeting:
    from learnmeet.data import load_sample

    return load_sample().meetings[0]


class TestUnplaced:
    """A request that does not fit says who blocks it."""

    def test_one_person_has_no_time(self) -> None:
        requests = [_request(f"r{i:02d}", [GP]) for i in range(25)]
        result = lm.schedule(requests)
        assert len(result.meetings) == 20  # four two-hour meetings a day, 5 days
        assert len(result.unplaced) == 5
        assert all(u.blockers == (GP.key,) for u in result.unplaced)
        assert "no free" in result.unplaced[0].reason.en
        assert "ingen ledig" in result.unplaced[0].reason.da

    def test_no_common_time(self) -> None:
        monday = (WEEK[0], WEEK[0])
        busy = {
            GP.key: [lm.Interval(_monday(8), _monday(12))],
            NURSE_N.key: [lm.Interval(_monday(12), _monday(16))],
        }
        result = lm.schedule([_request("both", [GP, NURSE_N], days=monday)], busy=busy)
        (unplaced,) = result.unplaced
        assert set(unplaced.blockers) == {GP.key, NURSE_N.key}
        assert "no common free time" in unplaced.reason.en

    def test_duplicate_ids_are_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="more than once"):
            lm.schedule([_request("a", [GP]), _request("a", [NURSE_N])])

    def test_latest_before_earliest(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            _request("a", [GP], days=(WEEK[1], WEEK[0]))


@st.composite
def _requests(draw: st.DrawFn) -> list[lm.MeetingRequest]:
    count = draw(st.integers(min_value=1, max_value=25))
    out = []
    for i in range(count):
        people = draw(
            st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4, unique=True)
        )
        first = draw(st.integers(min_value=0, max_value=10))
        length = draw(st.integers(min_value=0, max_value=5))
        start = date(2027, 3, 1) + timedelta(days=first)
        out.append(
            _request(f"r{i:02d}", people, days=(start, start + timedelta(days=length)))
        )
    return out


class TestProperties:
    """Never double-booked; same input, same output; every request accounted for."""

    @settings(max_examples=40)
    @given(requests=_requests(), seed=st.integers())
    def test_never_double_books_and_is_deterministic(
        self, requests: list[lm.MeetingRequest], seed: int
    ) -> None:
        result = lm.schedule(requests)
        assert _no_double_booking(result.meetings)
        shuffled = list(requests)
        random.Random(seed).shuffle(shuffled)
        assert lm.schedule(shuffled) == result
        placed = {m.id for m in result.meetings} | {
            u.request.id for u in result.unplaced
        }
        assert placed == {r.id for r in requests}
        for m in result.meetings:
            request = next(r for r in requests if r.id == m.id)
            assert request.earliest <= m.start.date() <= request.latest
            assert lm.WorkingHours().covers(m.start, m.end)


class TestBusyIndex:
    """Scheduling against an index: the same result, and the index untouched."""

    def test_the_index_is_not_changed(self) -> None:
        index = lm.BusyIndex({NURSE_N.key: [MONDAY_ALL_DAY]})
        before = index.intervals(NURSE_N.key)
        result = lm.schedule(
            [_request("a", [NURSE_N, SSA_N]), _request("b", [NURSE_N, GP])],
            busy=index,
            settings=ASAP,
        )
        assert [m.start for m in result.meetings] == [
            datetime(2027, 3, 2, 8, tzinfo=lm.COPENHAGEN),
            datetime(2027, 3, 2, 10, tzinfo=lm.COPENHAGEN),
        ]
        assert index.intervals(NURSE_N.key) == before

    @given(seed=st.integers(0, 2**16))
    @settings(max_examples=25)
    def test_same_result_as_with_a_mapping(self, seed: int) -> None:
        rng = random.Random(seed)
        busy = {
            p.key: [
                lm.Interval(
                    _monday(8 + h) + timedelta(days=d),
                    _monday(9 + h) + timedelta(days=d),
                )
                for d in range(5)
                for h in rng.sample(range(8), 3)
            ]
            for p in PEOPLE
        }
        requests = [
            _request(f"r-{n}", rng.sample(PEOPLE, rng.randint(2, 4))) for n in range(6)
        ]
        by_mapping = lm.schedule(requests, busy=busy)
        assert lm.schedule(requests, busy=lm.BusyIndex(busy)) == by_mapping


def test_a_meeting_across_the_spring_change_books_its_elapsed_time() -> None:
    """02:00 becomes 03:00 on 28 March 2027: a three-hour meeting from
    midnight ends at 04:00, and the next one for the same people starts there,
    not at 03:00 wall-clock time (which would book them twice)."""
    night = (date(2027, 3, 28), date(2027, 3, 28))
    first = attrs.evolve(
        _request("a", [NURSE_N, GP], days=night), duration=timedelta(hours=3)
    )
    second = _request("b", [NURSE_N, GP], days=night)
    result = lm.schedule(
        [first, second],
        settings=attrs.evolve(ASAP, hours=None),
        holidays=(),
    )
    a, b = sorted(result.meetings, key=lambda m: m.id)
    assert a.start == datetime(2027, 3, 28, 0, tzinfo=lm.COPENHAGEN)
    assert a.end == datetime(2027, 3, 28, 4, tzinfo=lm.COPENHAGEN)
    assert b.start == a.end
    assert _no_double_booking(result.meetings)


class TestTheLastDayOfTheYears:
    """A request may ask for the last day learnmeet holds, 9998-12-31: its
    meeting is placed to end on that day, never searched for in 9999."""

    @pytest.mark.parametrize("hours", [None, lm.WorkingHours(weekdays=range(7))])
    def test_placed_on_the_last_day(self, hours: lm.WorkingHours | None) -> None:
        request = lm.MeetingRequest(
            id="r-1",
            format=CAT.format("audit"),
            attendees=[attend(NURSE_N), attend(GP)],
            earliest=date(9998, 12, 31),
            latest=date(9998, 12, 31),
        )
        result = lm.schedule([request], hours=hours, holidays=[])
        (meeting,) = result.meetings
        assert meeting.start.date() == date(9998, 12, 31)
        assert meeting.end.year == 9998
