"""Recurring series keep their local time across DST and avoid known pitfalls."""

from __future__ import annotations

import time
from datetime import date, datetime, time as clock, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.model._rrule import read_rule, until_wall
from learnmeet.planning._recurrence import content_lines

CPH = lm.COPENHAGEN
UTC = timezone.utc


def _iso(series: lm.Series, *bounds: datetime) -> list[str]:
    return [o.isoformat() for o in series.occurrences(*bounds)]


class TestLocalTime:
    """Weekly 09:00 stays 09:00 local time across the changes of summer time."""

    def test_weekly_across_spring_and_autumn(self) -> None:
        series = lm.Series(
            start=datetime(2026, 3, 17, 9, tzinfo=CPH), rule="FREQ=WEEKLY;COUNT=34"
        )
        times = {o.time() for o in series.occurrences()}
        offsets = {o.utcoffset() for o in series.occurrences()}
        assert times == {clock(9)}
        assert offsets == {timedelta(hours=1), timedelta(hours=2)}

    def test_gap_moves_forward_by_the_gap(self) -> None:
        series = lm.Series(
            start=datetime(2026, 3, 28, 2, 30, tzinfo=CPH), rule="FREQ=DAILY;COUNT=3"
        )
        assert _iso(series) == [
            "2026-03-28T02:30:00+01:00",
            "2026-03-29T03:30:00+02:00",
            "2026-03-30T02:30:00+02:00",
        ]

    def test_fold_happens_once_at_the_first_instant(self) -> None:
        series = lm.Series(
            start=datetime(2026, 10, 24, 2, 30, tzinfo=CPH), rule="FREQ=DAILY;COUNT=3"
        )
        assert _iso(series) == [
            "2026-10-24T02:30:00+02:00",
            "2026-10-25T02:30:00+02:00",
            "2026-10-26T02:30:00+01:00",
        ]

    def test_hour_by_hour_through_the_repeated_hour_skips_nothing(self) -> None:
        series = lm.Series(
            start=datetime(2026, 10, 25, 0, 0, tzinfo=CPH),
            rule="FREQ=DAILY;BYHOUR=0,1,2,3,4;COUNT=5",
        )
        walls = [o.strftime("%H:%M") for o in series.occurrences()]
        assert walls == ["00:00", "01:00", "02:00", "03:00", "04:00"]

    def test_a_start_at_the_second_half_past_two_is_kept(self) -> None:
        """The start is the first occurrence, at the instant given: 02:30 CET
        (01:30 UTC), not the 02:30 CEST an hour before it."""
        start = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=CPH)
        first, second = lm.Series(start=start, rule="FREQ=DAILY;COUNT=2").occurrences()
        assert first.fold == 1
        assert first.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
        assert second.isoformat() == "2026-10-26T02:30:00+01:00"

    def test_a_series_begun_in_the_second_pass_goes_on_in_it(self) -> None:
        """Nothing comes before DTSTART: after a start at the second 02:00, the
        02:30 of that night is the second one too."""
        start = datetime(2026, 10, 25, 2, 0, fold=1, tzinfo=CPH)
        series = lm.Series(start=start, rule="FREQ=DAILY;BYMINUTE=0,30;COUNT=3")
        assert [
            o.astimezone(UTC).strftime("%d %H:%M") for o in series.occurrences()
        ] == [
            "25 01:00",
            "25 01:30",
            "26 01:00",
        ]

    def test_the_first_of_the_two_in_a_later_autumn(self) -> None:
        start = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=CPH)
        series = lm.Series(
            start=start, rule="FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;COUNT=2"
        )
        later = series.occurrences()[1]
        assert (later.day, later.hour, later.minute) == (31, 2, 30)
        assert later.utcoffset() == timedelta(hours=2)  # the first 02:30 of 2027

    @given(
        day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
        at=st.times(),
        weeks=st.integers(min_value=1, max_value=60),
    )
    def test_every_occurrence_at_its_local_time(
        self, day: date, at: clock, weeks: int
    ) -> None:
        start = datetime.combine(day, at.replace(microsecond=0), tzinfo=CPH)
        if start.astimezone(UTC).astimezone(CPH).replace(tzinfo=None) != start.replace(
            tzinfo=None
        ):
            start = start.astimezone(UTC).astimezone(CPH)  # not in a gap
        series = lm.Series(start=start, rule=f"FREQ=WEEKLY;COUNT={weeks}")
        found = series.occurrences()
        assert len(found) == weeks
        for o in found:
            assert o.tzinfo is CPH
            assert o.utcoffset() is not None
            wall_ok = o.time() == start.time()
            # Only a time in the spring gap may move (forward by the gap).
            assert wall_ok or o.replace(tzinfo=None) - timedelta(hours=1) == (
                datetime.combine(o.date(), start.time())
            )


class TestWindow:
    """Occurrences are returned inside the window, both ends included."""

    @given(
        offset=st.integers(min_value=0, max_value=400),
        length=st.integers(min_value=0, max_value=200),
    )
    def test_inside_the_window(self, offset: int, length: int) -> None:
        series = lm.Series(
            start=datetime(2026, 1, 6, 9, tzinfo=CPH), rule="FREQ=WEEKLY;BYDAY=TU,TH"
        )
        low = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=offset)
        high = low + timedelta(days=length)
        found = series.occurrences(low, high)
        assert all(low <= o <= high for o in found)
        assert list(found) == sorted(found)
        everything = series.occurrences(
            datetime(2025, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
        )
        assert [o for o in everything if low <= o <= high] == list(found)

    def test_endless_needs_a_bound(self) -> None:
        series = lm.Series(
            start=datetime(2026, 1, 6, 9, tzinfo=CPH), rule="FREQ=WEEKLY"
        )
        with pytest.raises(lm.InvalidValueError, match="never ends"):
            series.occurrences()

    def test_bounds_must_be_aware(self) -> None:
        series = lm.Series(
            start=datetime(2026, 1, 6, 9, tzinfo=CPH), rule="FREQ=WEEKLY"
        )
        with pytest.raises(lm.InvalidValueError, match="aware"):
            series.occurrences(datetime(2026, 1, 1), datetime(2026, 2, 1, tzinfo=UTC))


class TestPitfalls:
    """UNTIL in local time, EXDATE in another zone, DTSTART;TZID= and all-day dates."""

    @pytest.mark.parametrize(
        "until", ["20260331T070000Z", "20260331T090000", "20260331"]
    )
    def test_until_in_utc_local_or_as_a_date(self, until: str) -> None:
        series = lm.Series(
            start=datetime(2026, 3, 3, 9, tzinfo=CPH), rule=f"FREQ=WEEKLY;UNTIL={until}"
        )
        assert series.occurrences()[-1] == datetime(2026, 3, 31, 9, tzinfo=CPH)

    def test_exdate_in_another_zone_matches(self) -> None:
        series = lm.Series(
            start=datetime(2026, 3, 3, 9, tzinfo=CPH),
            rule="FREQ=WEEKLY;COUNT=3",
            exdates={datetime(2026, 3, 10, 8, tzinfo=UTC)},
        )
        assert _iso(series) == [
            "2026-03-03T09:00:00+01:00",
            "2026-03-17T09:00:00+01:00",
        ]

    def test_from_ical(self) -> None:
        series = lm.Series.from_ical(
            "DTSTART;TZID=Europe/Copenhagen:20260106T090000\n"
            "RRULE:FREQ=WEEKLY;UNTIL=20260127T080000Z\n"
            "EXDATE;VALUE=DATE:20260113\n"
            "RDATE;TZID=Europe/Copenhagen:20260115T140000\n"
        )
        assert _iso(series) == [
            "2026-01-06T09:00:00+01:00",
            "2026-01-15T14:00:00+01:00",
            "2026-01-20T09:00:00+01:00",
            "2026-01-27T09:00:00+01:00",
        ]
        assert series.zone == ZoneInfo("Europe/Copenhagen")

    def test_blank_and_other_lines_are_passed_over(self) -> None:
        series = lm.Series.from_ical(
            "DTSTART;TZID=Europe/Copenhagen:20260106T090000\n\n"
            "DTEND;TZID=Europe/Copenhagen:20260106T100000\n"
            "RRULE:FREQ=WEEKLY;COUNT=2\n"
        )
        assert len(series.occurrences()) == 2

    def test_a_floating_start_takes_the_default_zone_a_utc_start_stays_utc(
        self,
    ) -> None:
        floating = lm.Series.from_ical(
            "DTSTART:20260106T090000\nRRULE:FREQ=DAILY;COUNT=1"
        )
        assert floating.start == datetime(2026, 1, 6, 9, tzinfo=CPH)
        utc = lm.Series.from_ical("DTSTART:20260106T080000Z\nRRULE:FREQ=DAILY;COUNT=1")
        assert utc.start == datetime(2026, 1, 6, 9, tzinfo=CPH)
        assert utc.zone.key == "UTC"


class TestLimits:
    """Every expansion does bounded work, and says so when a limit is met."""

    def test_a_window_of_five_years_at_most(self) -> None:
        series = lm.Series(
            start=datetime(2027, 1, 4, 9, tzinfo=CPH), rule="FREQ=WEEKLY"
        )
        low = datetime(2027, 1, 1, tzinfo=CPH)
        assert len(series.occurrences(low, low + timedelta(days=1827))) == 261
        with pytest.raises(lm.InvalidValueError) as info:
            series.occurrences(low, low + timedelta(days=1828))
        error = info.value
        assert (error.where, error.path) == ("Series.occurrences", ("before",))
        assert "longer than five years (1827 days)" in error.reason.en
        assert "længere end fem år" in error.reason.da

    def test_ten_thousand_occurrences_a_call_at_most(self) -> None:
        series = lm.Series(
            start=datetime(2027, 1, 1, 8, tzinfo=CPH),
            rule="FREQ=DAILY;BYHOUR=8,10,12,14,16",
        )
        with pytest.raises(lm.InvalidValueError) as info:
            series.occurrences(before=datetime(2033, 1, 1, tzinfo=CPH))
        assert "more than 10,000 occurrences" in info.value.reason.en
        assert "mere end 10.000 forekomster" in info.value.reason.da
        assert "shorter window" in info.value.fix.en

    def test_a_forum_of_long_standing_is_walked_from_the_window(self) -> None:
        """A weekly meeting since 1927 is asked about 2027: the rule is walked
        from the window's week, not through a century of Tuesdays."""
        weekly = lm.Series(
            start=datetime(1927, 1, 4, 9, tzinfo=CPH), rule="FREQ=WEEKLY;BYDAY=TU"
        )
        window = (datetime(2027, 1, 1, tzinfo=CPH), datetime(2027, 2, 1, tzinfo=CPH))
        found = weekly.occurrences(*window)
        assert [o.day for o in found] == [5, 12, 19, 26]
        assert all(o.hour == 9 for o in found)

    def test_a_hundred_years_walked_at_most(self) -> None:
        weekly = lm.Series(
            start=datetime(1950, 1, 3, 9, tzinfo=CPH), rule="FREQ=WEEKLY;BYDAY=TU"
        )
        assert weekly.occurrences(before=datetime(2049, 12, 31, tzinfo=CPH))
        with pytest.raises(lm.InvalidValueError) as info:
            weekly.occurrences(before=datetime(2051, 1, 1, tzinfo=CPH))
        error = info.value
        assert "walked more than 100 years" in error.reason.en
        assert "mere end 100 år" in error.reason.da
        assert "after= and before=" in error.fix.en
        until = lm.Series(
            start=datetime(1950, 1, 3, 9, tzinfo=CPH), rule="FREQ=YEARLY;UNTIL=21000101"
        )
        with pytest.raises(lm.InvalidValueError, match="more than 100 years"):
            until.occurrences()
        assert len(until.occurrences(datetime(2090, 1, 1, tzinfo=CPH))) == 10

    def test_a_count_is_reached_within_a_hundred_years(self) -> None:
        """A COUNT counts from the start, so its series is always walked from
        it: 29 February forty times (160 years) is refused when it is made."""
        start = datetime(1950, 1, 3, 9, tzinfo=CPH)
        counted = lm.Series(start=start, rule="FREQ=WEEKLY;COUNT=3")
        assert len(counted.occurrences(before=datetime(2200, 1, 1, tzinfo=UTC))) == 3
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series(
                start=datetime(2028, 2, 29, 9, tzinfo=CPH),
                rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=40",
            )
        assert "COUNT (40) is not reached within 100 years" in info.value.reason.en

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=1",
            "FREQ=MINUTELY;BYMONTHDAY=31;BYMONTH=4;COUNT=1",
            "FREQ=HOURLY;COUNT=2000000",
            "FREQ=MINUTELY",
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=WEEKLY;INTERVAL=0",
        ],
    )
    def test_rules_that_ran_without_bound_are_refused_at_once(self, rule: str) -> None:
        began = time.perf_counter()
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series(start=datetime(2027, 3, 1, 9, tzinfo=CPH), rule=rule)
        assert time.perf_counter() - began < 2.0
        assert (info.value.where, info.value.path) == ("Series", ("rule",))

    def test_a_rare_rule_is_walked_in_bounded_time(self) -> None:
        """29 February on a Monday: 2044, then 2072; a window between them
        finds nothing, quickly."""
        series = lm.Series(
            start=datetime(2044, 2, 29, 9, tzinfo=CPH),
            rule="FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
        )
        began = time.perf_counter()
        window = (datetime(2050, 1, 1, tzinfo=CPH), datetime(2054, 12, 31, tzinfo=CPH))
        assert series.occurrences(*window) == ()
        assert time.perf_counter() - began < 2.0
        assert [
            o.year for o in series.occurrences(before=datetime(2073, 1, 1, tzinfo=CPH))
        ] == [2044, 2072]


class TestDateLimits:
    """RDATEs and EXDATEs are held to the limits the rule is held to: at most
    10,000 of each, RDATEs within 100 years of the start, and at most 10,000
    occurrences, the rule's and the RDATEs' together, from one call."""

    START = datetime(2027, 1, 4, 9, tzinfo=CPH)

    def _days(self, first: int, count: int) -> list[datetime]:
        return [self.START + timedelta(days=first + i) for i in range(count)]

    @pytest.mark.parametrize("field", ["rdates", "exdates"])
    def test_ten_thousand_of_each_at_most(self, field: str) -> None:
        taken = lm.Series(
            start=self.START,
            rule="FREQ=WEEKLY;COUNT=3",
            **{field: self._days(1, lm.MAX_OCCURRENCES)},
        )
        assert len(getattr(taken, field)) == lm.MAX_OCCURRENCES
        began = time.perf_counter()
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series(
                start=self.START,
                rule="FREQ=WEEKLY;COUNT=3",
                **{field: self._days(1, lm.MAX_OCCURRENCES + 1)},
            )
        assert time.perf_counter() - began < 2.0
        error = info.value
        assert (error.where, error.path) == ("Series", (field,))
        kind = field.removesuffix("s").upper()
        assert f"at most 10,000 {kind} dates" in error.reason.en
        assert f"højst 10.000 {kind}-datoer" in error.reason.da

    def test_rdates_within_a_hundred_years(self) -> None:
        last = datetime(2127, 1, 4, 9, tzinfo=CPH)
        assert lm.Series(start=self.START, rule="FREQ=WEEKLY;COUNT=1", rdates=[last])
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series(
                start=self.START,
                rule="FREQ=WEEKLY;COUNT=1",
                rdates=[last + timedelta(minutes=1)],
            )
        error = info.value
        assert (error.where, error.path) == ("Series", ("rdates",))
        assert "more than 100 years after" in error.reason.en
        assert "mere end 100 år efter" in error.reason.da

    def test_one_call_gives_ten_thousand_with_the_rdates_at_most(self) -> None:
        """The tester's series: a rule of three and a great many RDATEs, which
        ran for seconds into year 4765; now refused, or bounded per call."""
        series = lm.Series(
            start=self.START,
            rule="FREQ=DAILY;COUNT=5000",
            rdates=[self.START + timedelta(days=i, hours=1) for i in range(5001)],
        )
        with pytest.raises(lm.InvalidValueError) as info:
            series.occurrences()
        assert "rule and its RDATEs give more than 10,000" in info.value.reason.en
        assert "mere end 10.000 forekomster" in info.value.reason.da
        assert info.value.location == "Series.occurrences.before"
        window = (self.START, self.START + timedelta(days=100))
        assert len(series.occurrences(*window)) == 101 + 100  # days 0-100, 0-99

    def test_exdates_are_taken_off_before_counting(self) -> None:
        rdates = [self.START + timedelta(days=i, hours=1) for i in range(5001)]
        series = lm.Series(
            start=self.START,
            rule="FREQ=DAILY;COUNT=5000",
            rdates=rdates,
            exdates=rdates[:1],
        )
        assert len(series.occurrences()) == lm.MAX_OCCURRENCES

    def test_from_ical_stops_reading_at_the_limit(self) -> None:
        stamps = ",".join(
            f"{day:%Y%m%d}T090000" for day in self._days(1, lm.MAX_OCCURRENCES + 1)
        )
        text = f"DTSTART;TZID=Europe/Copenhagen:20270104T090000\nRDATE:{stamps}"
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series.from_ical(text)
        assert info.value.location == "Series.from_ical.text"
        assert "at most 10,000 RDATE dates" in info.value.reason.en

    @settings(max_examples=20, deadline=None)
    @given(
        st.lists(st.integers(-400, 60_000), max_size=60),
        st.lists(st.integers(0, 400), max_size=20),
    )
    def test_every_taken_series_answers_within_the_limits(
        self, rdays: list[int], xdays: list[int]
    ) -> None:
        rdates = [self.START + timedelta(days=d, hours=2) for d in rdays]
        exdates = [self.START + timedelta(days=d) for d in xdays]
        limit = datetime(2127, 1, 4, 9, tzinfo=CPH)
        if any(r > limit for r in rdates):
            with pytest.raises(lm.InvalidValueError, match="100 years"):
                lm.Series(start=self.START, rule="FREQ=WEEKLY;COUNT=3", rdates=rdates)
            return
        series = lm.Series(
            start=self.START, rule="FREQ=WEEKLY;COUNT=3", rdates=rdates, exdates=exdates
        )
        found = series.occurrences()
        assert len(found) <= lm.MAX_OCCURRENCES
        assert all(o.year <= limit.year for o in found)
        assert set(found) >= set(rdates) - set(exdates)


class TestZonesOfLines:
    """A TZID is read as any zone named in input is: kept, or refused in words,
    with the line it is on."""

    @pytest.mark.parametrize(
        ("zone", "said"),
        [
            ("A" * 300, "line 1: unknown time zone of 300 characters"),
            ("Europe", "line 1: unknown time zone 'Europe'"),
            ("CET", "line 1: time zone 'CET' is an abbreviation or a legacy name"),
        ],
    )
    def test_refused(self, zone: str, said: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series.from_ical(f"DTSTART;TZID={zone}:20270104T090000")
        error = info.value
        assert error.location == "Series.from_ical.text"
        assert said in error.reason.en
        assert error.reason.da.startswith("linje 1: ")
        assert "TZID=Europe/Copenhagen" in error.fix.en
        assert "site-packages" not in error.message("en")

    def test_etc_utc_is_utc(self) -> None:
        series = lm.Series.from_ical(
            'DTSTART;TZID="Etc/UTC":20270104T090000\nRRULE:FREQ=DAILY;COUNT=2'
        )
        assert series.zone.key == "Etc/UTC"
        assert [o.hour for o in series.occurrences()] == [9, 9]


class TestBadInput:
    """Bad rules give a clear LearnmeetError naming the problem."""

    @pytest.mark.parametrize(
        "rule", ["", "FREQ=FOO", "FREQ=WEEKLY;BYDAY=XX", "RRULE:FREQ=WEEKLY", "WEEKLY"]
    )
    def test_bad_rules(self, rule: str) -> None:
        with pytest.raises(lm.InvalidValueError, match="recurrence rule") as info:
            lm.Series(start=datetime(2026, 1, 6, 9, tzinfo=CPH), rule=rule)
        assert "gentagelsesregel" in info.value.message("da")

    def test_fixed_offset_start_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="IANA zone"):
            lm.Series(
                start=datetime(2026, 1, 6, 9, tzinfo=timezone(timedelta(hours=1))),
                rule="FREQ=WEEKLY",
            )

    @pytest.mark.parametrize(
        "text",
        [
            "RRULE:FREQ=WEEKLY",
            "DTSTART;TZID=Mars/Olympus:20260106T090000",
            "DTSTART:2026-01-06",
            "DTSTART:\u0662\u0660\u0662\u0666\u0660\u0661\u0660\u0666T090000",
            "DTSTART:99991231T230000Z\nRRULE:FREQ=DAILY;COUNT=1",
            "DTSTART:20260106T090000\nRRULE:FREQ=HOURLY",
            "DTSTART;TZID=CET:20260106T090000\nRRULE:FREQ=DAILY;COUNT=1",
        ],
    )
    def test_bad_ical(self, text: str) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Series.from_ical(text)


def _reference(
    series: lm.Series, after: datetime | None, before: datetime | None
) -> tuple[datetime, ...]:
    """The plain expansion, step by step: naive wall clock, each time moved
    out of a gap through UTC, bounds and dates applied as instants, sorted."""
    from dateutil.rrule import rrulestr

    zone = series.zone
    text, _, _ = series.rule.partition(";UNTIL=")
    naive = rrulestr(text, dtstart=series.start.replace(tzinfo=None, fold=0))
    until = until_wall(read_rule(series.rule, where="", path=()), zone)
    if until is not None:
        naive = naive.replace(until=until)
    walls = list(naive)
    first = series.start.replace(tzinfo=None, fold=0, microsecond=0)
    if not walls or walls[0] != first:
        # The start is the first occurrence, and one of a COUNT.
        count = read_rule(series.rule, where="", path=()).count
        walls = [first, *walls[: None if count is None else count - 1]]
    found = set()
    for wall in walls:
        local = wall.replace(tzinfo=zone)
        moment = local.astimezone(UTC).astimezone(zone)
        if moment.replace(tzinfo=None) == local.replace(tzinfo=None):
            moment = local
        instant = moment.astimezone(UTC)
        if (after is None or instant >= after) and (
            before is None or instant <= before
        ):
            found.add(instant)
    found.update(
        r.astimezone(UTC)
        for r in series.rdates
        if (after is None or r >= after) and (before is None or r <= before)
    )
    found.difference_update(x.astimezone(UTC) for x in series.exdates)
    return tuple(m.astimezone(zone) for m in sorted(found))


def _existing_or_none(naive: datetime) -> datetime | None:
    local = naive.replace(tzinfo=CPH)
    back = local.astimezone(UTC).astimezone(CPH).replace(tzinfo=None)
    return local if back == naive else None


# Starts close to the changes of summer time, where the shortcuts must not cut.
_NEAR_CHANGES = (
    st.builds(
        lambda day, minutes: (
            datetime(2027, 3, 26) + timedelta(days=day, minutes=minutes)
        ),
        st.sampled_from([0, 1, 2, 210, 211, 212, 213, 214]),
        st.integers(0, 24 * 4 - 1).map(lambda q: 15 * q),
    )
    .map(_existing_or_none)
    .filter(lambda start: start is not None)
)


@given(
    start=_NEAR_CHANGES,
    rule=st.sampled_from(
        [
            "FREQ=DAILY;BYHOUR=1,2,3,4,5;COUNT=30",
            "FREQ=DAILY;BYHOUR=2,3;BYMINUTE=0,30;COUNT=60",
            "FREQ=DAILY;COUNT=10",
            "FREQ=WEEKLY;COUNT=5",
            "FREQ=DAILY;BYHOUR=0,2,3;UNTIL=20271101T000000Z",
            "FREQ=DAILY;UNTIL=20271031",
        ]
    ),
    skip=st.sets(st.integers(0, 40), max_size=3),
    extra=st.sets(st.integers(0, 40 * 60), max_size=2),
    bounded=st.booleans(),
)
def test_occurrences_equal_the_plain_expansion(
    start: datetime,
    rule: str,
    skip: set[int],
    extra: set[int],
    bounded: bool,
) -> None:
    plain = lm.Series(start=start, rule=rule)
    every = plain.occurrences() if "COUNT" in rule or "UNTIL" in rule else ()
    series = lm.Series(
        start=start,
        rule=rule,
        exdates=[every[i] for i in skip if i < len(every)],
        rdates=[
            (start.astimezone(UTC) + timedelta(minutes=m)).astimezone(CPH)
            for m in extra
        ],
    )
    after = start + timedelta(hours=3) if bounded else None
    before = start + timedelta(days=2) if bounded else None
    assert series.occurrences(after, before) == _reference(series, after, before)
    assert plain.occurrences() == _reference(plain, None, None)


class TestRulesAsCalendarsWriteThem:
    """Series.from_ical reads an event as RFC 5545 writes it (3.1, 3.3.10, 3.8.5)
    and as calendar programs export it."""

    LINES = (
        "DTSTART;TZID=Europe/Copenhagen:20270301T083000\r\n"
        "RRULE:FREQ=WEEKLY;UNTIL=20270402T220000Z;BYDAY=MO,WE,FR;WKST=MO\r\n"
        "EXDATE;TZID=Europe/Copenhagen:20270303T083000,20270310T083000\r\n"
    )

    def _folded(self, text: str, width: int, sep: str) -> str:
        lines = []
        for line in text.split("\r\n"):
            pieces = [line[i : i + width] for i in range(0, len(line), width)]
            lines.append(sep.join(pieces))
        return "\r\n".join(lines)

    @pytest.mark.parametrize("sep", ["\r\n ", "\r\n\t", "\n ", "\n\t"])
    def test_folded_lines_are_unfolded(self, sep: str) -> None:
        expected = lm.Series.from_ical(self.LINES)
        folded = lm.Series.from_ical(self._folded(self.LINES, 17, sep))
        assert folded == expected
        assert len(folded.occurrences()) == 13

    @settings(max_examples=50, deadline=None)
    @given(
        width=st.integers(1, 75),
        sep=st.sampled_from(["\r\n ", "\r\n\t", "\n "]),
        upper=st.lists(st.booleans(), min_size=3, max_size=3),
    )
    def test_any_folding_and_case_reads_the_same(
        self, width: int, sep: str, upper: list[bool]
    ) -> None:
        text = self.LINES
        for flag, name in zip(upper, ("DTSTART", "RRULE", "EXDATE"), strict=True):
            if flag:
                text = text.replace(name, name.lower()).replace("TZID", "tzid")
        assert lm.Series.from_ical(
            self._folded(text, width, sep)
        ) == lm.Series.from_ical(self.LINES)

    def test_a_fold_before_a_space_keeps_the_space(self) -> None:
        # SUMMARY folded just before a space: the continuation is all blank.
        text = (
            "BEGIN:VEVENT\r\nSUMMARY:Tavle\r\n  \r\n møde\r\n"
            "DTSTART;TZID=Europe/Copenhagen:20270104T090000\r\n"
            "RRULE:FREQ=DAILY;COUNT=2\r\nEND:VEVENT\r\n"
        )
        assert len(lm.Series.from_ical(text).occurrences()) == 2
        lines = dict(content_lines(text))
        assert lines[2] == "SUMMARY:Tavle møde"

    def test_a_utc_start_recurs_in_utc_across_summer_time(self) -> None:
        series = lm.Series.from_ical(
            "DTSTART:20270323T080000Z\nRRULE:FREQ=WEEKLY;COUNT=3"
        )
        found = series.occurrences()
        assert {o.astimezone(UTC).hour for o in found} == {8}
        # In Copenhagen the hour moves with summer time, as calendars show it.
        assert [o.astimezone(CPH).hour for o in found] == [9, 10, 10]

    def test_until_is_an_instant(self) -> None:
        # 08:00Z on 6 April is 10:00 in Copenhagen: the 10:00 meeting is in.
        series = lm.Series.from_ical(
            "DTSTART;TZID=Europe/Copenhagen:20270323T100000\n"
            "RRULE:FREQ=WEEKLY;UNTIL=20270406T080000Z"
        )
        assert len(series.occurrences()) == 3
        earlier = lm.Series.from_ical(
            "DTSTART;TZID=Europe/Copenhagen:20270323T100000\n"
            "RRULE:FREQ=WEEKLY;UNTIL=20270406T075959Z"
        )
        assert len(earlier.occurrences()) == 2

    def test_a_whole_vevent_in_a_calendar(self) -> None:
        text = (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n"
            "BEGIN:VTIMEZONE\r\nTZID:Romance Standard Time\r\n"
            "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\n"
            "TZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
            "END:STANDARD\r\nEND:VTIMEZONE\r\n"
            "BEGIN:VEVENT\r\nUID:synthetic-1@example.org\r\n"
            "SUMMARY;LANGUAGE=da:Tavlemøde: hjemmeplejen\r\n"
            'DTSTART;TZID="Europe/Copenhagen":20270104T090000\r\n'
            "DURATION:PT45M\r\nrrule:freq=weekly;count=3;\r\n"
            "RDATE;VALUE=PERIOD:20270107T120000Z/PT1H,20270108T120000Z/20270108T130000Z\r\n"
            "RDATE;VALUE=DATE:20270109\r\n"
            "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY\r\nEND:VALARM\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n"
        )
        series = lm.Series.from_ical(text)
        assert _iso(series) == [
            "2027-01-04T09:00:00+01:00",
            "2027-01-07T13:00:00+01:00",
            "2027-01-08T13:00:00+01:00",
            "2027-01-09T09:00:00+01:00",
            "2027-01-11T09:00:00+01:00",
            "2027-01-18T09:00:00+01:00",
        ]

    def test_a_windows_zone_name_is_mapped(self) -> None:
        pytest.importorskip("icalendar")
        series = lm.Series.from_ical(
            "DTSTART;TZID=Romance Standard Time:20270104T090000\n"
            "RRULE:FREQ=DAILY;COUNT=1"
        )
        assert series.start.utcoffset() == timedelta(hours=1)
        assert series.zone.key.startswith("Europe/")

    def test_without_the_extra_a_windows_name_says_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from learnmeet.planning import _recurrence

        monkeypatch.setattr(_recurrence, "_windows_zones", dict)
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series.from_ical("DTSTART;TZID=Romance Standard Time:20270104T090000")
        assert "unknown time zone" in info.value.reason.en
        assert info.value.fix.en.endswith("needs learnmeet[calendar]")
        assert info.value.fix.da.endswith("kræver learnmeet[calendar]")

    @pytest.mark.parametrize(
        ("text", "said"),
        [
            (
                "DTSTART:20270104T090000\nRRULE:FREQ=DAILY;COUNT=2\nRRULE:FREQ=WEEKLY",
                "line 3: the event has more than one RRULE line",
            ),
            (
                "DTSTART:20270104T090000\nEXRULE:FREQ=DAILY;COUNT=2",
                "line 2: EXRULE was dropped by RFC 5545",
            ),
            (
                "BEGIN:VEVENT\nDTSTART:20270104T090000\nEND:VEVENT\n"
                "BEGIN:VEVENT\nRECURRENCE-ID:20270104T090000\nEND:VEVENT",
                "line 4: the text holds more than one VEVENT",
            ),
            ('DTSTART;TZID="Europe/Copenhagen:20270104T090000', "line 1: the line"),
            ("DTSTART;=x:20270104T090000", "line 1: the line cannot be read"),
        ],
    )
    def test_what_a_series_cannot_hold_is_refused_never_dropped(
        self, text: str, said: str
    ) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Series.from_ical(text)
        assert said in info.value.reason.en
        assert info.value.reason.da.startswith("linje ")
        assert info.value.location == "Series.from_ical.text"


class TestTheStartIsTheFirstOccurrence:
    """DTSTART is always the first instance (RFC 5545, 3.8.5.3), even where the
    rule does not match it; it then counts as one of a COUNT (3.3.10)."""

    MONDAY = datetime(2027, 1, 4, 9, tzinfo=CPH)

    def test_an_unmatched_start_comes_first_and_counts(self) -> None:
        series = lm.Series(start=self.MONDAY, rule="FREQ=WEEKLY;BYDAY=TU;COUNT=3")
        assert [o.day for o in series.occurrences()] == [4, 5, 12]

    def test_a_count_of_one_is_the_start_alone(self) -> None:
        series = lm.Series(start=self.MONDAY, rule="FREQ=WEEKLY;BYDAY=TU;COUNT=1")
        assert series.occurrences() == (self.MONDAY,)

    def test_without_count_and_in_windows(self) -> None:
        series = lm.Series(start=self.MONDAY, rule="FREQ=WEEKLY;BYDAY=TU")
        end = self.MONDAY + timedelta(days=9)
        assert [o.day for o in series.occurrences(self.MONDAY, end)] == [4, 5, 12]
        assert [o.day for o in series.occurrences(self.MONDAY, self.MONDAY)] == [4]
        later = self.MONDAY + timedelta(hours=1)
        assert [o.day for o in series.occurrences(later, end)] == [5, 12]

    def test_an_exdate_can_leave_the_start_out(self) -> None:
        series = lm.Series(
            start=self.MONDAY,
            rule="FREQ=WEEKLY;BYDAY=TU;COUNT=2",
            exdates={self.MONDAY},
        )
        assert [o.day for o in series.occurrences()] == [5]

    def test_a_matched_start_is_not_counted_twice(self) -> None:
        series = lm.Series(start=self.MONDAY, rule="FREQ=WEEKLY;BYDAY=MO;COUNT=2")
        assert [o.day for o in series.occurrences()] == [4, 11]
