"""Recurring series keep their local time across DST and avoid known pitfalls."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm

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
        assert times == {time(9)}
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

    def test_hourly_through_the_repeated_hour_skips_nothing(self) -> None:
        series = lm.Series(
            start=datetime(2026, 10, 25, 0, 0, tzinfo=CPH), rule="FREQ=HOURLY;COUNT=5"
        )
        walls = [o.strftime("%H:%M") for o in series.occurrences()]
        assert walls == ["00:00", "01:00", "02:00", "03:00", "04:00"]

    @given(
        day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
        at=st.times(),
        weeks=st.integers(min_value=1, max_value=60),
    )
    def test_every_occurrence_at_its_local_time(
        self, day: date, at: time, weeks: int
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

    def test_floating_and_utc_starts_take_a_zone(self) -> None:
        floating = lm.Series.from_ical(
            "DTSTART:20260106T090000\nRRULE:FREQ=DAILY;COUNT=1"
        )
        assert floating.start == datetime(2026, 1, 6, 9, tzinfo=CPH)
        utc = lm.Series.from_ical("DTSTART:20260106T080000Z\nRRULE:FREQ=DAILY;COUNT=1")
        assert utc.start == datetime(2026, 1, 6, 9, tzinfo=CPH)
        assert utc.zone is CPH


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
    rule = series.rule
    if "UNTIL=" in rule:
        from learnmeet.planning._recurrence import _normalise_until

        rule = _normalise_until(rule, zone)
    naive = rrulestr(rule, dtstart=series.start.replace(tzinfo=None, fold=0))
    found = set()
    for wall in naive:
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
            "FREQ=HOURLY;COUNT=30",
            "FREQ=MINUTELY;INTERVAL=30;COUNT=60",
            "FREQ=DAILY;COUNT=10",
            "FREQ=WEEKLY;COUNT=5",
            "FREQ=HOURLY;UNTIL=20271101T000000Z",
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
