"""Danish public holidays and working hours."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.model._calendar import shift_stretches, week_spans
from learnmeet.model._time import from_micros, to_micros

# The official Danish public holidays (helligdage) 2020-2030, written down by hand,
# not computed, from the public yearly lists at kalender-365.dk/helligdage/<year>.html
# (e.g. 2028: Maundy Thursday 13 April ... Whit Monday 5 June): New Year's Day,
# Maundy Thursday, Good Friday, Easter Sunday, Easter Monday, General Prayer Day
# (up to 2023; abolished as a public holiday from 2024 by the act of 2023),
# Ascension Day, Whit Sunday, Whit Monday, Christmas Day, Boxing Day.
OFFICIAL = {
    2020: "01-01 04-09 04-10 04-12 04-13 05-08 05-21 05-31 06-01 12-25 12-26",
    2021: "01-01 04-01 04-02 04-04 04-05 04-30 05-13 05-23 05-24 12-25 12-26",
    2022: "01-01 04-14 04-15 04-17 04-18 05-13 05-26 06-05 06-06 12-25 12-26",
    2023: "01-01 04-06 04-07 04-09 04-10 05-05 05-18 05-28 05-29 12-25 12-26",
    2024: "01-01 03-28 03-29 03-31 04-01 05-09 05-19 05-20 12-25 12-26",
    2025: "01-01 04-17 04-18 04-20 04-21 05-29 06-08 06-09 12-25 12-26",
    2026: "01-01 04-02 04-03 04-05 04-06 05-14 05-24 05-25 12-25 12-26",
    2027: "01-01 03-25 03-26 03-28 03-29 05-06 05-16 05-17 12-25 12-26",
    2028: "01-01 04-13 04-14 04-16 04-17 05-25 06-04 06-05 12-25 12-26",
    2029: "01-01 03-29 03-30 04-01 04-02 05-10 05-20 05-21 12-25 12-26",
    2030: "01-01 04-18 04-19 04-21 04-22 05-30 06-09 06-10 12-25 12-26",
}


class TestHolidays:
    """The holidays match the official list; Store Bededag ends with 2023."""

    @pytest.mark.parametrize("year", sorted(OFFICIAL))
    def test_official_list(self, year: int) -> None:
        expected = [date.fromisoformat(f"{year}-{md}") for md in OFFICIAL[year].split()]
        assert [h.day for h in lm.danish_holidays(year)] == expected

    def test_prayer_day_until_2023(self) -> None:
        names = {y: {h.label.da for h in lm.danish_holidays(y)} for y in (2023, 2024)}
        assert "store bededag" in names[2023]
        assert "store bededag" not in names[2024]

    def test_customary_days_off(self) -> None:
        extra = [h for h in lm.danish_holidays(2026, customary=True) if not h.official]
        assert [h.day for h in extra] == [
            date(2026, 6, 5),
            date(2026, 12, 24),
            date(2026, 12, 31),
        ]

    @given(st.integers(min_value=lm.FIRST_YEAR, max_value=lm.LAST_YEAR))
    def test_every_year_is_sorted_and_named(self, year: int) -> None:
        days = lm.danish_holidays(year)
        assert [h.day for h in days] == sorted(h.day for h in days)
        assert all(h.day.year == year and h.label.da and h.label.en for h in days)
        assert len(days) == (11 if year <= 2023 else 10)

    @pytest.mark.parametrize("year", [1699, 10_000])
    def test_out_of_range(self, year: int) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.danish_holidays(year)


class TestWorkingHours:
    """Working hours cover a meeting within one working day."""

    def test_default_is_weekdays_eight_to_four(self) -> None:
        hours = lm.WorkingHours()
        monday = datetime(2026, 3, 2, 8, tzinfo=lm.COPENHAGEN)
        assert hours.covers(monday, monday.replace(hour=16))
        assert not hours.covers(monday.replace(hour=7), monday)
        assert not hours.covers(monday.replace(day=7), monday.replace(day=7, hour=9))

    def test_a_shift_cannot_end_when_it_starts(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.WorkingHours(start=time(16), end=time(16))
        assert (info.value.where, info.value.path) == ("WorkingHours", ("end",))
        assert "same time of day" in info.value.reason.en
        assert "23:00 til 07:00" in info.value.fix.da

    def test_weekdays_are_checked(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="weekday"):
            lm.WorkingHours(weekdays={7})


def _at(day: int, hour: int, month: int = 3, *, fold: int = 0) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=lm.COPENHAGEN, fold=fold)


class TestNightShifts:
    """A shift whose end is not after its start ends the next day.

    Its weekdays are the days it starts on; it covers a meeting anywhere
    in the night, across midnight, and is as long as the wall clock says
    when summer time begins or ends in the night.
    """

    NIGHT = lm.WorkingHours(start=time(23), end=time(7))

    def test_the_case_of_the_night_shift_can_be_written(self) -> None:
        assert self.NIGHT.overnight
        assert not lm.WorkingHours().overnight
        assert lm.WorkingHours(start=time(15), end=time(0)).overnight

    def test_a_meeting_across_midnight_is_covered(self) -> None:
        assert self.NIGHT.covers(_at(2, 23), _at(3, 1))  # Monday night
        assert self.NIGHT.covers(_at(3, 5), _at(3, 7))  # its morning
        assert not self.NIGHT.covers(_at(3, 6), _at(3, 8))
        assert not self.NIGHT.covers(_at(2, 22), _at(2, 23))

    def test_the_shift_belongs_to_the_day_it_starts(self) -> None:
        # Friday's shift ends on Saturday morning; Sunday's does not start.
        assert self.NIGHT.covers(_at(7, 1), _at(7, 2))
        assert not self.NIGHT.covers(_at(1, 23), _at(2, 1))
        assert not self.NIGHT.covers(_at(2, 1), _at(2, 2))

    def test_spring_forward_night_is_seven_hours(self) -> None:
        # 29 March 2026: 02:00 becomes 03:00; Saturday's night shift is short.
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays={5})
        assert night.covers(_at(28, 23), _at(29, 7))
        spans = list(
            shift_stretches(
                (night,),
                to_micros(_at(28, 0)),
                to_micros(_at(30, 0)),
                frozenset(),
                lm.COPENHAGEN,
            )
        )
        assert [(e - s) // 3_600_000_000 for s, e in spans] == [7]

    def test_fall_back_night_is_nine_hours(self) -> None:
        # 25 October 2026: 03:00 becomes 02:00; the hour 02-03 happens twice.
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays={5})
        second = _at(25, 2, 10, fold=1)
        assert night.covers(second, second + timedelta(minutes=30))
        spans = list(
            shift_stretches(
                (night,),
                to_micros(_at(24, 0, 10)),
                to_micros(_at(26, 0, 10)),
                frozenset(),
                lm.COPENHAGEN,
            )
        )
        assert [(e - s) // 3_600_000_000 for s, e in spans] == [9]

    def test_times_in_another_zone_are_read_in_the_first_ones(self) -> None:
        start = _at(2, 23)
        end = (start + timedelta(hours=3)).astimezone(timezone.utc)
        assert self.NIGHT.covers(start, end)


def _within(hours: lm.WorkingHours, start: datetime, end: datetime) -> bool:
    """Whether one working stretch of *hours* holds *start* to *end*."""
    low, high = to_micros(start), to_micros(end)
    window = (low - 2 * DAY, high + 2 * DAY)
    return any(
        s <= low and high <= e
        for s, e in shift_stretches((hours,), *window, frozenset(), lm.COPENHAGEN)
    )


DAY = 86_400_000_000


class TestStretchesAgreeWithCovers:
    """What a shift covers is what planning counts as its working time."""

    @given(
        lst.working_hours(),
        st.datetimes(
            min_value=datetime(2026, 1, 1),
            max_value=datetime(2027, 12, 31),
            timezones=st.just(lm.COPENHAGEN),
            allow_imaginary=False,
        ),
        st.integers(1, 16 * 60),
    )
    def test_the_same_answer(
        self, hours: lm.WorkingHours, start: datetime, minutes: int
    ) -> None:
        end = (start.astimezone(timezone.utc) + timedelta(minutes=minutes)).astimezone(
            lm.COPENHAGEN
        )
        assert hours.covers(start, end) == _within(hours, start, end)

    @given(lst.working_hours())
    def test_the_week_holds_each_shift_once(self, hours: lm.WorkingHours) -> None:
        spans = week_spans(hours)
        length = (
            datetime.combine(date(2026, 1, 2 if hours.overnight else 1), hours.end)
            - datetime.combine(date(2026, 1, 1), hours.start)
        ) // timedelta(microseconds=1)
        assert sum(e - s for s, e in spans) == len(hours.weekdays) * length
        assert all(0 <= s < e <= 7 * DAY for s, e in spans)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))

    def test_a_holiday_starts_no_shift(self) -> None:
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays=range(7))
        found = list(
            shift_stretches(
                (night,),
                to_micros(_at(1, 0, 1)),
                to_micros(_at(3, 12, 1)),
                frozenset({date(2026, 1, 1)}),
                lm.COPENHAGEN,
            )
        )
        # New Year's Eve's shift ends on the holiday; none starts on it.
        assert [from_micros(s, lm.COPENHAGEN).day for s, _ in found] == [1, 2]
        assert [from_micros(e, lm.COPENHAGEN).hour for _, e in found] == [7, 7]

    def test_a_day_shift_and_a_night_shift_are_one_stretch(self) -> None:
        day = lm.WorkingHours(start=time(15), end=time(23), weekdays={0})
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays={0})
        found = list(
            shift_stretches(
                (night, day),
                to_micros(_at(2, 0)),
                to_micros(_at(4, 0)),
                frozenset(),
                lm.COPENHAGEN,
            )
        )
        assert found == [(to_micros(_at(2, 15)), to_micros(_at(3, 7)))]
