"""The wire forms of datetimes, dates and durations."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

from learnmeet.io._wire import (
    WireError,
    format_date,
    format_datetime,
    format_duration,
    parse_date,
    parse_datetime,
    parse_duration,
)

CPH = ZoneInfo("Europe/Copenhagen")


class TestDatetime:
    """A datetime keeps its IANA zone by name and its fold through the offset."""

    def test_zone_name_is_written_in_brackets(self) -> None:
        value = datetime(2026, 3, 1, 9, 0, tzinfo=CPH)
        assert format_datetime(value) == "2026-03-01T09:00:00+01:00[Europe/Copenhagen]"

    def test_zone_comes_back_as_the_same_zone(self) -> None:
        back = parse_datetime("2026-07-01T09:00:00+02:00[Europe/Copenhagen]")
        assert back.tzinfo is CPH
        assert back == datetime(2026, 7, 1, 9, tzinfo=CPH)

    @pytest.mark.parametrize(("fold", "offset"), [(0, "+02:00"), (1, "+01:00")])
    def test_repeated_hour_at_the_end_of_summer_time(
        self, fold: int, offset: str
    ) -> None:
        value = datetime(2026, 10, 25, 2, 30, fold=fold, tzinfo=CPH)
        text = format_datetime(value)
        assert offset in text
        back = parse_datetime(text)
        assert back.fold == fold
        assert back.utcoffset() == value.utcoffset()

    def test_fixed_offsets_and_utc(self) -> None:
        plus_one = timezone(timedelta(hours=1))
        assert parse_datetime("2026-03-01T09:00:00+01:00").tzinfo == plus_one
        assert parse_datetime("2026-03-01T08:00:00Z").tzinfo is timezone.utc
        assert parse_datetime("2026-03-01T08:00:00+00:00").tzinfo is timezone.utc

    def test_fractions_of_a_second(self) -> None:
        assert parse_datetime("2026-03-01T09:00:00.5+01:00").microsecond == 500_000

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            ("2026-03-01T09:00:00", "no UTC offset"),
            ("2026-03-01", "not a datetime"),
            ("2026-02-30T09:00:00+01:00", "not a valid date"),
            ("2026-03-01T09:00:00+02:00[CEST]", "IANA"),
            ("2026-03-01T09:00:00+01:00[Mars/Olympus]", "unknown time zone"),
            ("2026-07-01T09:00:00+01:00[Europe/Copenhagen]", "UTC+02:00"),
        ],
    )
    def test_refusals_say_what_is_wrong(self, text: str, says: str) -> None:
        with pytest.raises(WireError, match=says.replace("+", r"\+")) as info:
            parse_datetime(text)
        assert info.value.message("da") != info.value.message("en")

    def test_non_strings_are_refused(self) -> None:
        with pytest.raises(WireError, match="got int"):
            parse_datetime(20260301)

    @given(
        st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(2200, 1, 1),
            timezones=st.sampled_from(
                [CPH, ZoneInfo("UTC"), ZoneInfo("America/New_York"), timezone.utc]
            ),
        )
    )
    def test_round_trip_is_exact(self, value: datetime) -> None:
        back = parse_datetime(format_datetime(value))
        assert back == value
        assert back.utcoffset() == value.utcoffset()
        assert back.replace(tzinfo=None) == value.replace(tzinfo=None)
        assert getattr(back.tzinfo, "key", None) == getattr(value.tzinfo, "key", None)


class TestDate:
    """A date is exactly YYYY-MM-DD."""

    @given(st.dates())
    def test_round_trip(self, value: date) -> None:
        assert parse_date(format_date(value)) == value

    @pytest.mark.parametrize("text", ["2026-3-1", "01-03-2026", "2026-13-01", 5, None])
    def test_refused(self, text: object) -> None:
        with pytest.raises(WireError):
            parse_date(text)


class TestDuration:
    """A duration is ISO 8601 hours, minutes and seconds."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (timedelta(minutes=90), "PT1H30M"),
            (timedelta(hours=2), "PT2H"),
            (timedelta(minutes=45), "PT45M"),
            (timedelta(hours=30), "PT30H"),
            (timedelta(0), "PT0S"),
        ],
    )
    def test_written_form(self, value: timedelta, text: str) -> None:
        assert format_duration(value) == text

    def test_days_are_read(self) -> None:
        assert parse_duration("P1DT2H") == timedelta(hours=26)

    @given(st.integers(min_value=0, max_value=10_000 * 60))
    def test_round_trip(self, seconds: int) -> None:
        value = timedelta(seconds=seconds)
        assert parse_duration(format_duration(value)) == value

    @pytest.mark.parametrize("text", ["P", "PT", "90", "PT1.5H", "-PT1H", 90, None])
    def test_refused(self, text: object) -> None:
        with pytest.raises(WireError, match="ISO 8601"):
            parse_duration(text)
