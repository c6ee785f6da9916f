"""Strategies for who is at work honour their parameters and the model's rules."""

from __future__ import annotations

from datetime import timedelta, timezone

from hypothesis import given

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.model._availability import intersect
from learnmeet.model._calendar import week_spans


class TestWorkingHours:
    """Hours of one to twelve whole hours; overnight when asked, or either."""

    @given(lst.working_hours())
    def test_any(self, hours: lm.WorkingHours) -> None:
        assert hours.weekdays
        assert set(hours.weekdays) <= set(range(7))
        assert hours.start != hours.end
        assert (hours.start.minute, hours.end.minute) == (0, 0)

    @given(lst.working_hours(overnight=True))
    def test_night_shifts(self, hours: lm.WorkingHours) -> None:
        assert hours.overnight

    @given(lst.working_hours(overnight=False))
    def test_day_hours(self, hours: lm.WorkingHours) -> None:
        assert hours.start < hours.end


class TestWorkingPatterns:
    """A pattern's shifts never overlap, and it is the professional's asked for."""

    @given(lst.working_patterns(professional="p-0042"))
    def test_of_the_professional(self, pattern: lm.WorkingPattern) -> None:
        assert pattern.professional == "p-0042"
        assert 1 <= len(pattern.shifts) <= 3
        for i, one in enumerate(pattern.shifts):
            for other in pattern.shifts[i + 1 :]:
                together = intersect([week_spans(one), week_spans(other)])
                assert next(together, None) is None


class TestAbsences:
    """An absence lasts from an hour to three weeks, of the person asked for."""

    @given(lst.absences(professional="p-0007"))
    def test_of_the_professional(self, absence: lm.Absence) -> None:
        utc = timezone.utc
        length = absence.end.astimezone(utc) - absence.start.astimezone(utc)
        assert absence.professional == "p-0007"
        assert timedelta(hours=1) <= length <= timedelta(days=22)


class TestAvailabilities:
    """An availability answers for everyone it was drawn with."""

    @given(lst.availabilities())
    def test_repr(self, availability: lm.Availability) -> None:
        assert repr(availability).startswith("<Availability: ")


class TestScenarios:
    """A scenario's patterns and absences are of its own staff."""

    @given(lst.scenarios())
    def test_of_the_staff(self, scenario: lm.Scenario) -> None:
        staff = {p.id for p in scenario.professionals}
        assert {w.professional for w in scenario.working_patterns} <= staff
        assert {a.professional for a in scenario.absences} <= staff


class TestHolidays:
    """Holidays are Denmark's own, of the years asked for (2025-2030 by default)."""

    @given(lst.holidays())
    def test_a_holiday_of_a_recent_year(self, holiday: lm.Holiday) -> None:
        assert 2025 <= holiday.day.year <= 2030
        assert holiday in lm.danish_holidays(holiday.day.year, customary=True)

    @given(lst.holidays(years=[1999]))
    def test_of_the_years_given(self, holiday: lm.Holiday) -> None:
        assert holiday.day.year == 1999
