"""Common free slots: never on anyone's busy time, and found whenever one exists."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.planning._slots import days_window

CPH = lm.COPENHAGEN
UTC = timezone.utc
MONDAY = datetime(2026, 3, 2, tzinfo=CPH)
A, B = "professional:a", "professional:b"


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


class TestExamples:
    """The earliest stretch long enough, in working hours, on working days."""

    def test_first_gap_that_is_long_enough(self) -> None:
        busy = {
            A: [(_at(0, 8), _at(0, 9)), (_at(0, 10), _at(0, 12))],
            B: [(_at(0, 9, 30), _at(0, 10, 30))],
        }
        slots = lm.find_slots(
            [A, B], (_at(0, 0), _at(5, 0)), timedelta(minutes=90), busy=busy
        )
        assert [(s.start, s.end) for s in slots] == [(_at(0, 12), _at(0, 16))]

    def test_short_gaps_are_listed_by_free_time(self) -> None:
        busy = {A: [(_at(0, 8), _at(0, 9)), (_at(0, 10), _at(0, 12))]}
        stretches = list(lm.free_time([A], (_at(0, 0), _at(1, 0)), busy=busy))
        assert [(s.start.hour, s.end.hour) for s in stretches] == [(9, 10), (12, 16)]

    def test_weekend_and_holidays_are_closed(self) -> None:
        friday_full = {A: [(_at(4, 8), _at(4, 16))]}
        slots = lm.find_slots(
            [A], (_at(4, 0), _at(10, 0)), timedelta(hours=1), busy=friday_full
        )
        assert slots[0].start == _at(7, 8)  # Monday, not Saturday
        easter = datetime(2026, 4, 2, tzinfo=CPH)  # Maundy Thursday
        slots = lm.find_slots(
            [A], (easter, easter + timedelta(days=6)), timedelta(hours=1), busy={}
        )
        assert slots[0].start.date() == date(2026, 4, 7)  # after Easter Monday

    def test_any_time_of_day_when_hours_are_off(self) -> None:
        slots = lm.find_slots(
            [A], (_at(5, 0), _at(6, 0)), timedelta(hours=1), busy={}, hours=None
        )
        assert slots[0].start == _at(5, 0)

    def test_professionals_or_keys(self) -> None:
        cat = lm.DEFAULT_CATALOG
        org = lm.Organisation("k", "Eksempel Kommune", cat.sector("municipality"))
        unit = lm.Unit(id="u", name="Enhed", organisation=org)
        person = lm.Professional(id="a", profession=cat.profession("nurse"), unit=unit)
        busy = {A: [(_at(0, 8), _at(0, 16))]}
        slots = lm.find_slots(
            [person], (_at(0, 0), _at(2, 0)), timedelta(hours=1), busy=busy
        )
        assert slots[0].start == _at(1, 8)

    def test_limit(self) -> None:
        busy = {A: [(_at(0, 9), _at(0, 10))]}
        slots = lm.find_slots(
            [A], (_at(0, 0), _at(3, 0)), timedelta(hours=1), busy=busy, limit=3
        )
        assert [s.start for s in slots] == [_at(0, 8), _at(0, 10), _at(1, 8)]

    def test_busy_from_meetings(self) -> None:
        from examples import valid_meetings

        meeting = valid_meetings()["audit"]
        busy = lm.busy_from_meetings([meeting])
        key = meeting.attendees[0].person.key
        assert busy[key] == [lm.Interval(meeting.start, meeting.end)]

    @pytest.mark.parametrize(
        ("window", "duration"),
        [
            (
                (datetime(2026, 3, 2), datetime(2026, 3, 3, tzinfo=CPH)),
                timedelta(hours=1),
            ),
            ((_at(1, 0), _at(0, 0)), timedelta(hours=1)),
            ((_at(0, 0), _at(1, 0)), timedelta(0)),
        ],
    )
    def test_bad_input(
        self, window: tuple[datetime, datetime], duration: timedelta
    ) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.find_slots([A], window, duration, busy={})


class TestTheWindow:
    """A window is two instants, in the years of the model, five years apart
    at most: the bound on the days a search walks."""

    def test_the_two_ends_are_compared_as_instants(self) -> None:
        """02:30 summer time to 02:10 winter time of the autumn night is 40
        minutes, although 02:10 comes first on the wall clock."""
        low = datetime(2026, 10, 25, 2, 30, tzinfo=CPH)  # 00:30 UTC
        high = datetime(2026, 10, 25, 2, 10, fold=1, tzinfo=CPH)  # 01:10 UTC
        (slot,) = lm.find_slots(
            [A], (low, high), timedelta(minutes=30), busy={}, hours=None, holidays=()
        )
        assert slot.duration == timedelta(minutes=40)
        assert slot.start.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
        # The other way round it ends before it starts.
        late = datetime(2026, 10, 25, 2, 10, fold=0, tzinfo=CPH)  # 00:10 UTC
        with pytest.raises(lm.InvalidValueError, match="must end after it starts"):
            lm.find_slots([A], (low, late), timedelta(minutes=5), busy={}, hours=None)

    def test_five_years_at_most(self) -> None:
        start = datetime(2027, 1, 1, tzinfo=CPH)
        found = lm.find_slots(
            [A], (start, start + timedelta(days=1827)), timedelta(hours=1), busy={}
        )
        assert found
        with pytest.raises(lm.InvalidValueError) as info:
            lm.find_slots(
                [A], (start, start + timedelta(days=1828)), timedelta(hours=1), busy={}
            )
        error = info.value
        assert (error.where, error.path) == ("find_slots", ("window",))
        assert "longer than five years (1827 days)" in error.reason.en
        assert "længere end fem år" in error.reason.da
        with pytest.raises(lm.InvalidValueError, match="five years"):
            next(
                lm.free_time(
                    [A], (start, start + timedelta(days=4000)), busy={}, hours=None
                )
            )

    @pytest.mark.parametrize(
        "window",
        [
            (datetime(9998, 12, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, tzinfo=UTC)),
            (datetime(1899, 12, 1, tzinfo=CPH), datetime(1900, 1, 5, tzinfo=CPH)),
        ],
    )
    def test_outside_the_years_of_the_model(
        self, window: tuple[datetime, datetime]
    ) -> None:
        with pytest.raises(lm.InvalidValueError, match="outside the years") as info:
            lm.find_slots([A], window, timedelta(hours=1), busy={})
        outside = 1 if window[0].year == 9998 else 0  # the end, or the start
        assert info.value.path == ("window", outside)

    @pytest.mark.parametrize("function", ["find_slots", "free_time"])
    def test_the_refusal_names_the_function_asked(self, function: str) -> None:
        start = datetime(2027, 3, 1, tzinfo=CPH)
        backwards = (start, start - timedelta(days=1))
        calls = {
            "find_slots": lambda: lm.find_slots(
                [A], backwards, timedelta(hours=1), busy={}
            ),
            "free_time": lambda: list(lm.free_time([A], backwards, busy={})),
        }
        with pytest.raises(lm.InvalidValueError, match="end after it starts") as info:
            calls[function]()
        assert (info.value.where, info.value.path) == (function, ("window",))

    def test_the_last_days_of_the_range(self) -> None:
        window = (
            datetime(9998, 12, 27, tzinfo=CPH),
            datetime(9998, 12, 31, 23, 59, tzinfo=CPH),
        )
        (slot,) = lm.find_slots([A], window, timedelta(hours=1), busy={})
        assert slot.start.year == 9998


_QUARTERS = st.integers(min_value=0, max_value=4 * 24 * 2)


@st.composite
def _busy(draw: st.DrawFn) -> dict[str, list[tuple[datetime, datetime]]]:
    out: dict[str, list[tuple[datetime, datetime]]] = {}
    for key in (A, B, "professional:c"):
        spans = []
        for start, length in draw(
            st.lists(st.tuples(_QUARTERS, st.integers(1, 24)), max_size=6)
        ):
            begin = MONDAY + timedelta(minutes=15 * start)
            spans.append((begin, begin + timedelta(minutes=15 * length)))
        out[key] = spans
    return out


def _free_by_brute_force(
    busy: dict[str, list[tuple[datetime, datetime]]],
    people: list[str],
    at: datetime,
    duration: timedelta,
    hours: lm.WorkingHours | None,
) -> bool:
    end = at + duration
    if hours is not None and not hours.covers(at, end):
        return False
    return all(not (s < end and at < e) for p in people for s, e in busy[p])


class TestProperties:
    """Checked against brute force on small inputs (15-minute grid, two days)."""

    @given(
        busy=_busy(),
        quarters=st.integers(min_value=1, max_value=16),
        hours=st.none()
        | st.just(lm.WorkingHours(start=time(8), end=time(16)))
        | lst.working_hours(),
    )
    def test_earliest_slot_matches_brute_force(
        self,
        busy: dict[str, list[tuple[datetime, datetime]]],
        quarters: int,
        hours: lm.WorkingHours | None,
    ) -> None:
        people = [A, B]
        duration = timedelta(minutes=15 * quarters)
        window = (MONDAY, MONDAY + timedelta(days=2))
        slots = lm.find_slots(
            people, window, duration, busy=busy, hours=hours, holidays=(), limit=50
        )
        # No slot overlaps anyone's busy time or leaves working hours.
        for slot in slots:
            assert slot.duration >= duration
            assert _free_by_brute_force(
                busy, people, slot.start, slot.end - slot.start, hours
            )
        # The first slot is the earliest start a brute-force scan finds.
        candidates = [
            MONDAY + timedelta(minutes=15 * q)
            for q in range(4 * 24 * 2)
            if MONDAY + timedelta(minutes=15 * q) + duration <= window[1]
        ]
        earliest = next(
            (
                t
                for t in candidates
                if _free_by_brute_force(busy, people, t, duration, hours)
            ),
            None,
        )
        assert (slots[0].start if slots else None) == earliest

    @given(busy=_busy())
    def test_same_input_same_output(
        self, busy: dict[str, list[tuple[datetime, datetime]]]
    ) -> None:
        window = (MONDAY, MONDAY + timedelta(days=2))
        first = lm.find_slots([A, B], window, timedelta(hours=1), busy=busy, limit=10)
        again = lm.find_slots(
            [B, A, A], window, timedelta(hours=1), busy=busy, limit=10
        )
        assert first == again


class TestUnitHours:
    """A slot must fit the working hours of every attendee's unit."""

    def test_intersection_of_units(self) -> None:
        from examples import GP, NURSE_N

        late = lm.WorkingHours(start=time(12), end=time(20))
        slots = lm.find_slots(
            [NURSE_N, GP],
            (_at(0, 0), _at(1, 0)),
            timedelta(hours=1),
            busy={},
            unit_hours={GP.unit.id: late},
        )
        assert slots[0].start == _at(0, 12)
        assert slots[0].end == _at(0, 16)

    def test_a_night_shift_meets_a_day_twice(self) -> None:
        # 22:00-06:00 and 05:00-23:00 share the morning and the evening: the
        # common hours of a night are stretches, not one from-to.
        from examples import GP, NURSE_N

        night = lm.WorkingHours(start=time(22), end=time(6), weekdays=range(7))
        day = lm.WorkingHours(start=time(5), end=time(23), weekdays=range(7))
        slots = lm.free_time(
            [NURSE_N, GP],
            (_at(0, 0), _at(1, 12)),
            busy={},
            unit_hours={NURSE_N.unit.id: night, GP.unit.id: day},
        )
        assert [(s.start, s.end) for s in slots] == [
            (_at(0, 5), _at(0, 6)),
            (_at(0, 22), _at(0, 23)),
            (_at(1, 5), _at(1, 6)),
        ]

    def test_a_meeting_across_midnight(self) -> None:
        night = lm.WorkingHours(start=time(23), end=time(7))
        (slot,) = lm.find_slots(
            [A], (_at(0, 0), _at(1, 12)), timedelta(hours=3), busy={}, hours=night
        )
        assert (slot.start, slot.end) == (_at(0, 23), _at(1, 7))

    def test_no_shared_time(self) -> None:
        from examples import GP, NURSE_N

        night = lm.WorkingHours(start=time(17), end=time(23))
        slots = lm.find_slots(
            [NURSE_N, GP],
            (_at(0, 0), _at(5, 0)),
            timedelta(hours=1),
            busy={},
            unit_hours={GP.unit.id: night},
        )
        assert slots == []

    def test_schedule_respects_unit_hours(self) -> None:
        from examples import GP, NURSE_N, attend

        request = lm.MeetingRequest(
            id="r",
            format=lm.DEFAULT_CATALOG.format("operational_meeting"),
            attendees=[attend(NURSE_N), attend(GP)],
            earliest=date(2026, 3, 2),
            latest=date(2026, 3, 6),
        )
        late = lm.WorkingHours(start=time(14), end=time(20))
        (meeting,) = lm.schedule([request], unit_hours={GP.unit.id: late}).meetings
        assert meeting.start.hour == 14


class TestHolidayProperty:
    """No slot ever falls on a Danish public holiday (the default)."""

    @given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 1)))
    def test_never_on_a_holiday(self, first: date) -> None:
        start = datetime.combine(first, time(0), tzinfo=CPH)
        slots = lm.find_slots(
            [A],
            (start, start + timedelta(days=20)),
            timedelta(hours=1),
            busy={},
            limit=30,
        )
        holidays = {
            h.day for y in (first.year, first.year + 1) for h in lm.danish_holidays(y)
        }
        assert slots
        assert not {s.start.date() for s in slots} & holidays


class TestBusyIndex:
    """An index built once answers exactly as the mapping it was built from."""

    def test_overlapping_and_touching_spans_are_merged(self) -> None:
        index = lm.BusyIndex(
            {
                A: [
                    (_at(0, 8), _at(0, 10)),
                    (_at(0, 9), _at(0, 11)),
                    lm.Interval(_at(0, 11), _at(0, 12)),
                    (_at(0, 14), _at(0, 15)),
                ]
            }
        )
        assert [(i.start, i.end) for i in index.intervals(A)] == [
            (_at(0, 8), _at(0, 12)),
            (_at(0, 14), _at(0, 15)),
        ]
        assert index.intervals(B) == ()
        assert index.people == frozenset({A})
        assert repr(index) == "<BusyIndex: 1 people, 2 busy spans>"

    def test_a_naive_interval_is_named_by_its_path(self) -> None:
        naive = datetime(2026, 3, 2, 9)
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.BusyIndex({A: [(_at(0, 8), _at(0, 9)), (naive, naive)]})
        assert str(caught.value).startswith("busy['professional:a'][1]: ")
        assert "tidszone" in caught.value.message("da")
        assert caught.value.fix.da != caught.value.fix.en

    def test_an_interval_that_ends_before_it_starts_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match=r"\[0\]: the interval ends"):
            lm.find_slots(
                [A],
                (_at(0, 0), _at(1, 0)),
                timedelta(hours=1),
                busy={A: [(_at(0, 10), _at(0, 9))]},
            )

    def test_an_empty_interval_takes_no_time(self) -> None:
        index = lm.BusyIndex({A: [(_at(0, 9), _at(0, 9))]})
        assert index.intervals(A) == ()

    def test_the_autumn_hour_that_happens_twice_is_two_instants(self) -> None:
        first = datetime(2026, 10, 25, 2, 30, tzinfo=CPH)
        second = first.replace(fold=1)
        index = lm.BusyIndex({A: [(first, second)]})
        (span,) = index.intervals(A)
        assert span.duration == timedelta(hours=1)

    @given(
        busy=_busy(),
        quarters=st.integers(min_value=1, max_value=16),
        use_hours=st.booleans(),
    )
    def test_index_and_mapping_and_free_time_agree(
        self,
        busy: dict[str, list[tuple[datetime, datetime]]],
        quarters: int,
        use_hours: bool,
    ) -> None:
        duration = timedelta(minutes=15 * quarters)
        hours = lm.WorkingHours(start=time(8), end=time(16)) if use_hours else None
        window = (MONDAY, MONDAY + timedelta(days=2))
        people = [A, B, "professional:c"]
        ask = {"hours": hours, "holidays": (), "limit": 50}
        by_mapping = lm.find_slots(people, window, duration, busy=busy, **ask)  # type: ignore[arg-type]
        by_index = lm.find_slots(
            people,
            window,
            duration,
            busy=lm.BusyIndex(busy),
            **ask,  # type: ignore[arg-type]
        )
        stretches = lm.free_time(people, window, busy=busy, hours=hours, holidays=())
        long_enough = [s for s in stretches if s.duration >= duration]
        assert by_mapping == by_index == long_enough[:50]

    @given(busy=_busy())
    def test_free_time_is_the_complement_of_busy_time(
        self, busy: dict[str, list[tuple[datetime, datetime]]]
    ) -> None:
        window = (MONDAY, MONDAY + timedelta(days=2))
        free = list(lm.free_time([A, B], window, busy=busy, hours=None))
        taken = sorted(s for k in (A, B) for s in busy[k])
        # Free stretches are disjoint, in order, and touch no busy interval ...
        for one, two in pairwise(free):
            assert one.end < two.start
        for stretch in free:
            assert all(not (s < stretch.end and stretch.start < e) for s, e in taken)
        # ... and every quarter-hour point not in them is busy.
        for q in range(4 * 24 * 2):
            at = MONDAY + timedelta(minutes=15 * q)
            in_free = any(s.start <= at < s.end for s in free)
            is_busy = any(s <= at < e for s, e in taken)
            assert in_free != is_busy

    @given(index=lst.busy_indexes(people=[A, B]))
    def test_every_drawn_index_knows_its_people(self, index: lm.BusyIndex) -> None:
        assert index.people == {A, B}
        for key in (A, B):
            spans = index.intervals(key)
            for one, two in pairwise(spans):
                assert one.end < two.start


@given(
    st.lists(
        st.tuples(st.integers(0, 200), st.integers(1, 30)).map(
            lambda p: (p[0], p[0] + p[1])
        ),
        max_size=25,
    )
)
def test_spans_added_one_by_one_equal_spans_read_at_once(
    pairs: list[tuple[int, int]],
) -> None:
    """The scheduler books spans one at a time; the result must stay merged."""
    from learnmeet.planning._slots import _Spans

    grown = _Spans()
    for start, end in pairs:
        grown.add(start, end)
    at_once = _Spans(pairs)
    assert (grown.starts, grown.ends) == (at_once.starts, at_once.ends)
    assert all(e < s for e, s in zip(grown.ends, grown.starts[1:], strict=False))
    for start, end in pairs:
        assert not grown.is_free(start, end)


class TestTheEndsOfTheYears:
    """Busy time, windows and the slots found in them lie in the years
    1900-9998 where they are shown; what would not is refused naming the
    argument, not met later inside an Interval."""

    @pytest.mark.parametrize(
        "span",
        [
            (datetime(1, 1, 1, tzinfo=UTC), datetime(2026, 3, 2, 9, tzinfo=UTC)),
            (
                datetime(9998, 12, 31, 9, tzinfo=UTC),
                datetime(9999, 1, 1, 1, tzinfo=UTC),
            ),
        ],
    )
    def test_busy_time_outside_the_years(self, span: tuple[datetime, datetime]) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.BusyIndex({"professional:a": [span]})
        assert (info.value.where, info.value.path) == ("busy", ("professional:a", 0))
        assert "outside the years" in info.value.reason.en

    def test_busy_time_shown_where_it_is_another_year(self) -> None:
        late = datetime(9998, 12, 31, 20, tzinfo=UTC)
        index = lm.BusyIndex({"a": [(late, late + timedelta(hours=1))]})
        assert index.intervals("a", zone=ZoneInfo("UTC"))
        with pytest.raises(lm.InvalidValueError) as info:
            index.intervals("a", zone=ZoneInfo("Pacific/Kiritimati"))
        assert info.value.location == "BusyIndex.intervals.zone"
        assert "year 9999" in info.value.reason.en

    @pytest.mark.parametrize(
        ("name", "search"),
        [
            ("find_slots", lambda *a, **k: lm.find_slots(*a, timedelta(hours=1), **k)),
            ("free_time", lambda *a, **k: list(lm.free_time(*a, **k))),
        ],
    )
    def test_a_window_shown_in_another_year(self, name: str, search: Any) -> None:
        window = (
            datetime(9998, 12, 31, 8, tzinfo=CPH),
            datetime(9998, 12, 31, 23, tzinfo=CPH),
        )
        options = {"busy": {}, "hours": None, "holidays": []}
        kiritimati = ZoneInfo("Pacific/Kiritimati")
        with pytest.raises(lm.InvalidValueError) as info:
            search(["a"], window, zone=kiritimati, **options)
        assert info.value.location == f"{name}.window"
        (slot, *_) = search(["a"], window, **options)
        assert slot.end.year == 9998

    @pytest.mark.parametrize(
        ("first", "last", "end"),
        [
            (date(2027, 3, 1), date(2027, 3, 5), datetime(2027, 3, 6, tzinfo=CPH)),
            (
                date(9998, 12, 30),
                date(9998, 12, 31),
                datetime(9998, 12, 31, 23, 59, 59, 999_999, tzinfo=CPH),
            ),
        ],
    )
    def test_the_window_of_some_days(
        self, first: date, last: date, end: datetime
    ) -> None:
        assert days_window(first, last, CPH) == (
            datetime.combine(first, time(0), tzinfo=CPH),
            end,
        )


NIGHTS = lm.WorkingHours(start=time(23), end=time(7), weekdays=range(7))


class TestAvailability:
    """With an availability, each person is asked about their own working time:
    their pattern's shifts (not on days off or holidays), else their unit's
    hours, else the default; absences taken away. Without one, nothing
    changes."""

    def test_a_night_nurse_and_a_day_nurse_never_meet(self) -> None:
        from examples import NURSE_N, SSA_N

        at_work = lm.Availability(
            patterns=[lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHTS])],
            holidays=[],
        )
        window = (_at(0, 0), _at(5, 0))
        assert lm.find_slots([NURSE_N, SSA_N], window, HOUR, busy={}) != []
        assert (
            lm.find_slots([NURSE_N, SSA_N], window, HOUR, busy={}, availability=at_work)
            == []
        )
        (night,) = lm.find_slots([NURSE_N], window, HOUR, busy={}, availability=at_work)
        assert (night.start, night.end) == (_at(0, 0), _at(0, 7))

    def test_absences_and_days_off_are_not_working_time(self) -> None:
        from examples import NURSE_N

        pattern = lm.WorkingPattern(
            professional=NURSE_N.id,
            shifts=[lm.WorkingHours(start=time(7), end=time(15), weekdays={0, 1, 2})],
            days_off=[date(2026, 3, 3)],
        )
        away = lm.Absence(professional=NURSE_N.id, start=_at(0, 9), end=_at(0, 14, 30))
        at_work = lm.Availability(patterns=[pattern], absences=[away], holidays=[])
        found = at_work.working_time(NURSE_N, (_at(0, 0), _at(7, 0)))
        assert [(i.start, i.end) for i in found] == [
            (_at(0, 7), _at(0, 9)),
            (_at(0, 14, 30), _at(0, 15)),
            (_at(2, 7), _at(2, 15)),
        ]
        assert at_work.is_at_work(NURSE_N, _at(2, 8), _at(2, 15))
        assert not at_work.is_at_work(NURSE_N.key, _at(0, 8), _at(0, 10))
        assert not at_work.is_at_work(NURSE_N, _at(1, 8), _at(1, 9))

    def test_people_by_key_have_their_units_hours(self) -> None:
        from examples import GP, NURSE_N

        late = lm.WorkingHours(start=time(12), end=time(20))
        at_work = lm.Availability(
            unit_hours={GP.unit.id: late}, professionals=[GP, NURSE_N]
        )
        found = lm.find_slots(
            [GP.key, NURSE_N.key],
            (_at(0, 0), _at(1, 0)),
            HOUR,
            busy={},
            availability=at_work,
        )
        assert [(s.start, s.end) for s in found] == [(_at(0, 12), _at(0, 16))]
        # A key the staff list does not know, or a citizen: the default hours.
        assert at_work.is_at_work("professional:x", _at(0, 8), _at(0, 16))
        assert not at_work.is_at_work("citizen:B-1", _at(0, 16), _at(0, 17))

    def test_hours_that_never_meet(self) -> None:
        from examples import GP, NURSE_N

        evening = lm.WorkingHours(start=time(17), end=time(23))
        at_work = lm.Availability(unit_hours={GP.unit.id: evening})
        window = (_at(0, 0), _at(5, 0))
        assert (
            lm.find_slots([NURSE_N, GP], window, HOUR, busy={}, availability=at_work)
            == []
        )
        assert [
            (i.start, i.end) for i in at_work.working_time(GP, (_at(0, 0), _at(1, 0)))
        ] == [(_at(0, 17), _at(0, 23))]

    def test_without_hours_any_time(self) -> None:
        away = lm.Absence(professional="a", start=_at(5, 3), end=_at(5, 4))
        at_work = lm.Availability(hours=None, absences=[away])
        assert at_work.is_at_work(A, _at(5, 1), _at(5, 2))
        assert not at_work.is_at_work(A, _at(5, 2), _at(5, 4))
        assert at_work.is_at_work("professional:b", _at(5, 2), _at(5, 4))

    def test_busy_time_is_still_busy(self) -> None:
        from examples import NURSE_N

        at_work = lm.Availability(
            patterns=[lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHTS])]
        )
        busy = lm.BusyIndex({NURSE_N.key: [(_at(0, 23), _at(1, 2))]})
        (slot,) = lm.find_slots(
            [NURSE_N], (_at(0, 12), _at(1, 12)), HOUR, busy=busy, availability=at_work
        )
        assert (slot.start, slot.end) == (_at(1, 2), _at(1, 7))

    def test_from_a_scenario(self) -> None:
        from examples import GP, NURSE_N

        scenario = lm.Scenario(
            name="s",
            professionals=[NURSE_N, GP],
            working_patterns=[
                lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHTS])
            ],
            absences=[lm.Absence.days(GP.id, date(2026, 3, 2), date(2026, 3, 2))],
        )
        at_work = lm.Availability.from_scenario(scenario)
        assert at_work.is_at_work(NURSE_N.key, _at(0, 23), _at(1, 1))
        assert not at_work.is_at_work(GP.key, _at(0, 9), _at(0, 10))
        assert at_work.is_at_work(GP.key, _at(1, 9), _at(1, 10))
        assert repr(at_work) == (
            "<Availability: 1 working patterns, 1 people with absences>"
        )

    def test_holidays_start_no_shift(self) -> None:
        from examples import NURSE_N

        at_work = lm.Availability(
            patterns=[lm.WorkingPattern(professional=NURSE_N.id, shifts=[NIGHTS])]
        )
        christmas = datetime(2026, 12, 25, 23, tzinfo=CPH)
        assert not at_work.is_at_work(NURSE_N, christmas, christmas + HOUR)
        eve = christmas - timedelta(days=1)
        assert at_work.is_at_work(NURSE_N, eve, eve + timedelta(hours=8))

    def test_two_patterns_of_one_person(self) -> None:
        pattern = lm.WorkingPattern(professional="p-1", shifts=[NIGHTS])
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Availability(patterns=[pattern, pattern])
        assert (info.value.where, info.value.path) == ("Availability", ("patterns", 1))

    def test_the_window_is_checked(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Availability().is_at_work(A, _at(1, 0), _at(0, 0))
        assert info.value.where == "Availability.is_at_work"


HOUR = timedelta(hours=1)


def _works(pattern: lm.WorkingPattern, moment: datetime) -> bool:
    """Whether a shift of *pattern* runs at *moment*, worked out by hand."""
    for shift in pattern.shifts:
        for back in (0, 1):
            day = moment.date() - timedelta(days=back)
            if day.weekday() not in shift.weekdays or day in pattern.days_off:
                continue
            ends = day + timedelta(days=1) if shift.overnight else day
            opens = datetime.combine(day, shift.start, CPH).astimezone(UTC)
            shuts = datetime.combine(ends, shift.end, CPH).astimezone(UTC)
            if opens <= moment.astimezone(UTC) < shuts:
                return True
    return False


@st.composite
def _absences(draw: st.DrawFn, person: str) -> list[lm.Absence]:
    out = []
    for start, length in draw(
        st.lists(st.tuples(_QUARTERS, st.integers(1, 40)), max_size=3)
    ):
        begin = MONDAY + timedelta(minutes=15 * start)
        out.append(
            lm.Absence(
                professional=person,
                start=begin,
                end=begin + timedelta(minutes=15 * length),
            )
        )
    return out


class TestAvailabilityProperty:
    """The earliest slot at work for everyone, checked by a 15-minute scan."""

    @given(
        data=st.data(),
        ids=st.lists(
            st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True
        ),
        quarters=st.integers(1, 12),
        busy=_busy(),
    )
    def test_earliest_slot_matches_brute_force(
        self,
        data: st.DataObject,
        ids: list[str],
        quarters: int,
        busy: dict[str, list[tuple[datetime, datetime]]],
    ) -> None:
        patterns = [data.draw(lst.working_patterns(professional=i)) for i in ids]
        patterns = [
            attrs.evolve(p, days_off=[date(2026, 3, 2) + timedelta(days=n)])
            for n, p in enumerate(patterns)
        ]
        away = [a for i in ids for a in data.draw(_absences(i))]
        at_work = lm.Availability(patterns=patterns, absences=away, holidays=[])
        people = [f"professional:{i}" for i in ids]
        duration = timedelta(minutes=15 * quarters)
        window = (MONDAY, MONDAY + timedelta(days=2))
        (found,) = lm.find_slots(
            people, window, duration, busy=busy, availability=at_work
        ) or (None,)

        def fits(at: datetime) -> bool:
            steps = [at + timedelta(minutes=15 * q) for q in range(quarters)]
            return all(
                _works(p, t)
                and not any(
                    a.start <= t < a.end
                    for a in away
                    if a.professional == p.professional
                )
                for p in patterns
                for t in steps
            ) and _free_by_brute_force(busy, people, at, duration, None)

        earliest = next(
            (
                t
                for q in range(4 * 24 * 2)
                if (t := MONDAY + timedelta(minutes=15 * q)) + duration <= window[1]
                and fits(t)
            ),
            None,
        )
        assert (found.start if found else None) == earliest

        # Each person's working time, quarter by quarter.
        quarters_of_window = [MONDAY + timedelta(minutes=15 * q) for q in range(192)]
        for p in patterns:
            stretches = list(
                at_work.working_time(f"professional:{p.professional}", window)
            )
            assert {
                t
                for t in quarters_of_window
                if any(i.start <= t < i.end for i in stretches)
            } == {
                t
                for t in quarters_of_window
                if _works(p, t)
                and not any(
                    a.start <= t < a.end
                    for a in away
                    if a.professional == p.professional
                )
            }
