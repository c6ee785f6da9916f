"""The cpsat backend: never fewer placed than greedy, every hard rule kept.

The solver is OR-Tools' CP-SAT (the ``optimise`` extra); the tests that run
it skip without it. Each result is checked here from the meetings alone, not
by the board that placed them: nobody in two meetings at once or without the
travel time or break between them, no room twice at once, no unit short of
its share on duty at any moment, every meeting in working hours and in its
window, every request either placed or given a reason.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import learnmeet as lm
from examples import CASE, DOCTOR, GP, NURSE_N, OT_N, PT_N, SSA_N, SSH_N, attend
from learnmeet.planning import _cpsat
from learnmeet.planning._placement import place_of

CAT = lm.DEFAULT_CATALOG
PEOPLE = [NURSE_N, SSA_N, SSH_N, PT_N, OT_N, DOCTOR, GP]
MONDAY = date(2027, 3, 1)
MORNING = lm.WorkingHours(start=time(8), end=time(11))
ONE_SECOND = timedelta(seconds=1)
HOUR = timedelta(hours=1)


@pytest.fixture
def ortools() -> Any:
    return pytest.importorskip("ortools")


@pytest.fixture
def unchecked(ortools: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The solver's plan booked as it is, without the check after solving.

    So a test sees what the model alone keeps: with the check, a plan that
    broke a rule would give way to greedy's and hide the fault.
    """
    monkeypatch.setattr(_cpsat, "_holds", lambda *_: True)
    monkeypatch.setattr(_cpsat, "_on_duty", lambda *_: True)


def _optimised(settings: lm.PlanningSettings) -> lm.PlanningSettings:
    return attrs.evolve(settings, backend=lm.Backend.CPSAT, time_limit=ONE_SECOND)


def _tight(seed: int, count: int) -> list[lm.MeetingRequest]:
    """A morning too short for *count* meetings of 2-3 of six colleagues."""
    unit = lm.Unit(id="u-1", name="Enhed", organisation=NURSE_N.unit.organisation)
    staff = [
        lm.Professional(id=f"p-{i:02d}", profession=CAT.profession("nurse"), unit=unit)
        for i in range(6)
    ]
    rng = random.Random(seed)
    return [
        lm.MeetingRequest(
            id=f"r-{i}",
            format=CAT.format("operational_meeting"),
            attendees=[attend(p) for p in rng.sample(staff, rng.randint(2, 3))],
            earliest=MONDAY,
            latest=MONDAY,
            duration=timedelta(minutes=rng.choice([60, 90])),
        )
        for i in range(count)
    ]


def _booked(meeting: lm.Meeting) -> list[str]:
    return [
        a.person.key
        for a in meeting.attendees
        if a.participation is not lm.Participation.INFORMATION_ONLY
    ]


def _place(meeting: lm.Meeting, settings: lm.PlanningSettings) -> str | None:
    room = next((r for r in settings.rooms if r.id == meeting.location.room), None)
    citizen = meeting.case.citizen.pseudonym if meeting.case else None
    return place_of(meeting.location, citizen, room)


def _breaks(
    result: lm.ScheduleResult,
    requests: Sequence[lm.MeetingRequest],
    settings: lm.PlanningSettings,
    staff: Sequence[lm.Professional] = (),
) -> list[str]:
    """Every hard rule the placed meetings break, read from the meetings alone."""
    found = []
    meetings = result.meetings
    by_id = {r.id: r for r in requests}
    for m in meetings:
        request = by_id[m.id]
        if not request.earliest <= m.start.date() <= request.latest:
            found.append(f"{m.id} outside its window")
        if settings.hours is not None and not settings.hours.covers(m.start, m.end):
            found.append(f"{m.id} outside working hours")
        if set(request.required) - set(_booked(m)):
            found.append(f"{m.id} without a required attendee")
    for i, a in enumerate(meetings):
        for b in meetings[i + 1 :]:
            first, second = (a, b) if a.start <= b.start else (b, a)
            apart = second.start - first.end
            if set(_booked(a)) & set(_booked(b)):
                travel = settings.travel.between(
                    _place(first, settings), _place(second, settings)
                )
                if apart < max(travel, settings.break_between):
                    found.append(f"{a.id} and {b.id} share a person too close")
            room = a.location.room
            same_room = room is not None and room == b.location.room
            if same_room and apart < settings.break_between:
                found.append(f"{a.id} and {b.id} share a room")
    units: dict[str, list[str]] = {}
    for person in staff:
        units.setdefault(person.unit.id, []).append(person.key)
    for unit, keys in units.items():
        if not settings.keeps_on_duty(len(keys)):
            continue
        limit = settings.away_at_most(unit, len(keys))
        for m in meetings:
            away = {
                k
                for n in meetings
                for k in _booked(n)
                if k in keys and n.start <= m.start < n.end
            }
            if len(away) > limit:
                found.append(f"{unit} short on duty at {m.start}")
    accounted = [m.id for m in meetings] + [u.request.id for u in result.unplaced]
    if sorted(accounted) != sorted(r.id for r in requests):
        found.append("a request neither placed nor unplaced")
    for u in result.unplaced:
        if not (u.reason.da and u.reason.en):
            found.append(f"{u.request.id} without a reason")
    return found


@st.composite
def _problems(
    draw: st.DrawFn,
) -> tuple[list[lm.MeetingRequest], lm.PlanningSettings]:
    """A few requests and settings with every hard rule in play."""
    rooms = [
        lm.Room(id=f"lokale-{i}", capacity=draw(st.integers(2, 4)), place=place)
        for i, place in enumerate(
            draw(st.lists(st.sampled_from(["", "sundhedshuset"]), max_size=2))
        )
    ]
    planning = lm.PlanningSettings(
        hours=lm.WorkingHours(start=time(8), end=time(12)),
        travel=lm.TravelTimes(
            default=timedelta(minutes=draw(st.sampled_from([0, 30]))),
            matrix={("sundhedshuset", "home:B-101"): timedelta(minutes=20)},
        ),
        break_between=timedelta(minutes=draw(st.sampled_from([0, 15]))),
        rooms=rooms,
        avoid=draw(st.sampled_from([{}, {"hj-n": [(time(8), time(9))]}])),
        min_on_duty=draw(st.sampled_from([0.0, 0.5])),
        on_duty_from=1,
        objective=draw(st.sampled_from(lm.Objective)),
        preferred=draw(st.sampled_from([None, (time(9), time(11))])),
    )
    requests = []
    for i in range(draw(st.integers(1, 7))):
        people = draw(
            st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4, unique=True)
        )
        where = draw(st.sampled_from(["site", "home", "online"]))
        first = draw(st.integers(0, 1))
        requests.append(
            lm.MeetingRequest(
                id=f"r-{i}",
                format=CAT.format("operational_meeting"),
                attendees=[
                    attrs.evolve(attend(p), participation=lm.Participation.OPTIONAL)
                    if j == 3
                    else attend(p)
                    for j, p in enumerate(people)
                ],
                earliest=MONDAY + timedelta(days=first),
                latest=MONDAY + timedelta(days=first + draw(st.integers(0, 1))),
                duration=timedelta(minutes=draw(st.sampled_from([30, 60, 90]))),
                case=CASE if where == "home" else None,
                location=lm.Location(
                    {
                        "site": lm.LocationKind.ON_SITE,
                        "home": lm.LocationKind.CITIZEN_HOME,
                        "online": lm.LocationKind.ONLINE,
                    }[where]
                ),
            )
        )
    return requests, planning


class TestPlacesAtLeastAsMany:
    """The optimum never places fewer than greedy, and often more."""

    @pytest.mark.usefixtures("ortools")
    @pytest.mark.parametrize("seed", [0, 1, 5])
    def test_more_than_greedy_on_a_tight_morning(self, seed: int) -> None:
        requests = _tight(seed, 5)
        plain = lm.PlanningSettings(hours=MORNING)
        greedy = lm.schedule(requests, settings=plain)
        best = lm.schedule(requests, settings=_optimised(plain))
        assert len(best.meetings) == len(greedy.meetings) + 1
        assert _breaks(best, requests, plain) == []

    @pytest.mark.usefixtures("ortools")
    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(problem=_problems())
    def test_every_hard_rule_holds(
        self, problem: tuple[list[lm.MeetingRequest], lm.PlanningSettings]
    ) -> None:
        requests, planning = problem
        greedy = lm.schedule(requests, settings=planning, staff=PEOPLE)
        best = lm.schedule(requests, settings=_optimised(planning), staff=PEOPLE)
        assert len(best.meetings) >= len(greedy.meetings)
        assert _breaks(greedy, requests, planning, PEOPLE) == []
        assert _breaks(best, requests, planning, PEOPLE) == []

    @pytest.mark.usefixtures("ortools")
    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(problem=_problems())
    def test_the_model_alone_keeps_every_rule(
        self, problem: tuple[list[lm.MeetingRequest], lm.PlanningSettings]
    ) -> None:
        """Without the check after solving, the solver's plan is booked as it is."""
        requests, planning = problem
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_cpsat, "_holds", lambda *_: True)
            patch.setattr(_cpsat, "_on_duty", lambda *_: True)
            best = lm.schedule(requests, settings=_optimised(planning), staff=PEOPLE)
        assert _breaks(best, requests, planning, PEOPLE) == []


class TestHardRules:
    """Each hard rule is in the model: the optimum keeps it where greedy would."""

    @pytest.mark.usefixtures("unchecked")
    def test_travel_between_a_home_and_the_site(self) -> None:
        planning = lm.PlanningSettings(
            hours=lm.WorkingHours(start=time(8), end=time(10)),
            travel=lm.TravelTimes(default=timedelta(minutes=30)),
        )
        home = lm.MeetingRequest(
            id="hjem",
            format=CAT.format("operational_meeting"),
            attendees=[attend(NURSE_N)],
            earliest=MONDAY,
            latest=MONDAY,
            duration=timedelta(hours=1),
            case=CASE,
            location=lm.Location(lm.LocationKind.CITIZEN_HOME),
        )
        site = attrs.evolve(
            home, id="huset", case=None, location=lm.Location(lm.LocationKind.ON_SITE)
        )
        result = lm.schedule([home, site], settings=_optimised(planning))
        assert len(result.meetings) == 1
        assert "transport" in result.unplaced[0].reason.da
        assert _breaks(result, [home, site], planning) == []

    @pytest.mark.usefixtures("unchecked")
    def test_one_room_holds_one_meeting_at_a_time(self) -> None:
        planning = lm.PlanningSettings(
            hours=lm.WorkingHours(start=time(8), end=time(9)),
            rooms=[lm.Room(id="lokale-1", capacity=4)],
        )
        requests = [
            attrs.evolve(
                _tight(0, 1)[0], id=f"r-{i}", attendees=[attend(p)], duration=HOUR
            )
            for i, p in enumerate([GP, DOCTOR])
        ]
        result = lm.schedule(requests, settings=_optimised(planning))
        assert [m.location.room for m in result.meetings] == ["lokale-1"]
        assert "lokale" in result.unplaced[0].reason.da

    @pytest.mark.usefixtures("unchecked")
    def test_a_unit_keeps_its_share_on_duty(self) -> None:
        planning = lm.PlanningSettings(
            hours=lm.WorkingHours(start=time(8), end=time(9)), on_duty_from=1
        )
        requests = [
            attrs.evolve(
                _tight(0, 1)[0], id=f"r-{i}", attendees=[attend(p)], duration=HOUR
            )
            for i, p in enumerate([NURSE_N, SSA_N, SSH_N])
        ]
        result = lm.schedule(requests, settings=_optimised(planning), staff=PEOPLE)
        assert len(result.meetings) == 1  # 1 of the 3 of hj-n may be away
        assert {u.request.id for u in result.unplaced} == {"r-0", "r-1", "r-2"} - {
            result.meetings[0].id
        }
        assert all("hj-n" in u.reason.en for u in result.unplaced)
        assert _breaks(result, requests, planning, PEOPLE) == []

    @pytest.mark.usefixtures("unchecked")
    def test_optional_attendees_come_when_it_breaks_nothing(self) -> None:
        planning = lm.PlanningSettings(
            hours=lm.WorkingHours(start=time(8), end=time(10))
        )
        first = lm.MeetingRequest(
            id="a",
            format=CAT.format("operational_meeting"),
            attendees=[
                attend(NURSE_N),
                attrs.evolve(attend(GP), participation=lm.Participation.OPTIONAL),
            ],
            earliest=MONDAY,
            latest=MONDAY,
            duration=timedelta(hours=1),
        )
        second = attrs.evolve(first, id="b", attendees=[attend(GP)])
        result = lm.schedule([first, second], settings=_optimised(planning))
        assert {m.id: len(m.attendees) for m in result.meetings} == {"a": 2, "b": 1}
        assert _breaks(result, [first, second], planning) == []


class TestDeterministic:
    """A search that proves its optimum gives the same plan every time."""

    @pytest.mark.usefixtures("ortools")
    def test_the_same_plan_twice(self) -> None:
        requests = _tight(0, 6)
        planning = _optimised(lm.PlanningSettings(hours=MORNING))
        assert lm.schedule(requests, settings=planning) == lm.schedule(
            list(reversed(requests)), settings=planning
        )


class TestWithoutOrtools:
    """Without the optimise extra, the refusal says what to install."""

    def test_the_extra_is_named(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # An entry of None in sys.modules makes its import fail, as if the
        # package were not installed.
        monkeypatch.setitem(sys.modules, "ortools.sat.python.cp_model", None)
        settings = lm.PlanningSettings(backend=lm.Backend.CPSAT)
        with pytest.raises(lm.LearnmeetError) as caught:
            lm.schedule(_tight(0, 2), settings=settings)
        assert "learnmeet[optimise]" in caught.value.message("da")
        assert "learnmeet[optimise]" in caught.value.message("en")
        assert "ortools" in caught.value.reason.en


def test_a_placed_meeting_keeps_its_local_time() -> None:
    """The chosen start is a local time in the settings' zone."""
    pytest.importorskip("ortools")
    result = lm.schedule(
        _tight(1, 3), settings=_optimised(lm.PlanningSettings(hours=MORNING))
    )
    assert all(m.start.tzinfo is lm.COPENHAGEN for m in result.meetings)
    assert all(isinstance(m.start, datetime) for m in result.meetings)


class TestGreedyIsTheFloor:
    """When the solver's plan cannot stand, or there is nothing to choose, greedy's."""

    @pytest.mark.usefixtures("ortools")
    def test_a_plan_that_breaks_a_rule_gives_way(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        requests = _tight(0, 5)
        plain = lm.PlanningSettings(hours=MORNING)
        greedy = lm.schedule(requests, settings=plain)
        monkeypatch.setattr(_cpsat, "_holds", lambda *_: False)
        assert lm.schedule(requests, settings=_optimised(plain)) == greedy

    @pytest.mark.usefixtures("ortools")
    def test_a_unit_short_after_booking_gives_way(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        requests = _tight(0, 5)
        plain = lm.PlanningSettings(hours=MORNING)
        greedy = lm.schedule(requests, settings=plain)
        monkeypatch.setattr(_cpsat, "_on_duty", lambda *_: False)
        assert lm.schedule(requests, settings=_optimised(plain)) == greedy

    @pytest.mark.usefixtures("ortools")
    def test_nothing_fits(self) -> None:
        requests = _tight(0, 2)
        closed = lm.PlanningSettings(hours=MORNING)
        result = lm.schedule(requests, settings=_optimised(closed), holidays=[MONDAY])
        assert result.meetings == ()
        assert len(result.unplaced) == 2

    @pytest.mark.usefixtures("ortools")
    def test_no_room_seats_them(self) -> None:
        planning = lm.PlanningSettings(
            hours=MORNING, rooms=[lm.Room(id="lille", capacity=1)]
        )
        requests = _tight(0, 3)
        result = lm.schedule(requests, settings=_optimised(planning))
        greedy = lm.schedule(requests, settings=planning)
        assert result == greedy
        assert all("lokale" in u.reason.da for u in result.unplaced)
