"""Danish public holidays and working hours."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm

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

    def test_end_after_start(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="end after it starts"):
            lm.WorkingHours(start=time(16), end=time(8))

    def test_weekdays_are_checked(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="weekday"):
            lm.WorkingHours(weekdays={7})
