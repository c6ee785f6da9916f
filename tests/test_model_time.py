"""Time, zones and durations: naive time, DST gaps, the years, zone names, ends."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from importlib.resources import files
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil import tz
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import valid_meetings
from learnmeet.model._time import (
    LONGEST,
    end_refusal,
    load_zone,
    zone_problem,
)
from support import times_the_model_takes

CPH = lm.COPENHAGEN
MEETING = valid_meetings()["learning_meeting"]


class TestTime:
    """Time is always aware, in an IANA zone or a fixed offset, and exists."""

    def test_naive_is_refused(self) -> None:
        with pytest.raises(lm.NaiveDatetimeError) as info:
            attrs.evolve(MEETING, start=datetime(2027, 3, 1, 10))
        assert info.value.field == "start"
        assert "tidszone" in info.value.message("da")

    def test_gap_is_refused_with_the_fix(self) -> None:
        with pytest.raises(lm.SkippedTimeError) as info:
            attrs.evolve(MEETING, start=datetime(2026, 3, 29, 2, 30, tzinfo=CPH))
        assert "2026-03-29T03:30:00" in info.value.fix.get("da")

    @pytest.mark.parametrize("fold", [0, 1])
    def test_fold_is_accepted(self, fold: int) -> None:
        start = datetime(2026, 10, 25, 2, 30, fold=fold, tzinfo=CPH)
        assert attrs.evolve(MEETING, start=start).start.fold == fold

    def test_fixed_offsets_and_utc(self) -> None:
        for zone in (timezone.utc, timezone(timedelta(hours=2)), ZoneInfo("UTC")):
            assert attrs.evolve(MEETING, start=datetime(2027, 3, 1, 9, tzinfo=zone))

    def test_other_tzinfo_is_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="ZoneInfo"):
            attrs.evolve(
                MEETING,
                start=datetime(2027, 3, 1, 9, tzinfo=tz.gettz("Europe/Copenhagen")),
            )

    def test_a_zone_named_by_its_maker_is_shown_redacted(self) -> None:
        """A tzinfo of the caller's own class is named by its str(), which may
        say anything: the message shows it short and redacted."""

        class Named(tzinfo):
            def __init__(self, name: str) -> None:
                self.name = name

            def utcoffset(self, _: datetime | None) -> timedelta:
                return timedelta(hours=1)

            def __str__(self) -> str:
                return self.name

        for name, shown in [("CET 120304-5678", "'CET [CPR]'"), ("Z" * 500, "500")]:
            start = datetime(2027, 3, 1, 9, tzinfo=Named(name))
            with pytest.raises(lm.InvalidValueError) as info:
                attrs.evolve(MEETING, start=start)
            assert shown in info.value.reason.en
            assert name not in info.value.message("en")

    def test_not_a_datetime(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            attrs.evolve(MEETING, start=date(2027, 3, 1))

    @given(
        st.datetimes(
            timezones=st.just(CPH),
            allow_imaginary=False,
            min_value=datetime(1990, 1, 1),
            max_value=datetime(2090, 1, 1),
        )
    )
    def test_any_existing_time_is_accepted(self, start: datetime) -> None:
        assert attrs.evolve(MEETING, start=start).start == start

    @given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1)))
    def test_any_naive_time_is_refused(self, start: datetime) -> None:
        with pytest.raises(lm.NaiveDatetimeError):
            attrs.evolve(MEETING, start=start)


class TestTheRangeOfTime:
    """Accepted datetimes lie in the years 1900-9998 of their own local time, at
    whole-minute offsets, in a region's zone, and so does a meeting's end:
    there .end, busy time, JSON and iCalendar always work."""

    @pytest.mark.parametrize(
        "start",
        [
            datetime(1900, 1, 1, 0, 0, tzinfo=CPH),
            # A week long, ending in the last minute of the years.
            datetime(9998, 12, 24, 23, 59, 59, 999_999, tzinfo=CPH),
            datetime(1900, 1, 1, tzinfo=timezone(timedelta(hours=-12))),
            datetime(9998, 12, 24, 23, 59, tzinfo=timezone(timedelta(hours=14))),
        ],
    )
    def test_the_edges_are_taken_and_work(self, start: datetime) -> None:
        meeting = attrs.evolve(MEETING, start=start, duration=LONGEST)
        assert lm.busy_from_meetings([meeting])
        assert meeting.end - meeting.start == timedelta(days=7)
        assert lm.from_json(lm.Meeting, lm.to_json(meeting)) == meeting
        assert "BEGIN:VEVENT" in lm.to_ical([meeting])

    @pytest.mark.parametrize(
        "start",
        [
            datetime(1899, 12, 31, 23, 59, tzinfo=CPH),
            datetime(9999, 1, 1, tzinfo=CPH),
            datetime(9999, 12, 31, 23, tzinfo=timezone.utc),
            datetime(1, 1, 1, tzinfo=timezone.utc),
        ],
    )
    def test_years_outside_are_refused(self, start: datetime) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(MEETING, start=start)
        error = info.value
        assert (error.where, error.path) == ("Meeting", ("start",))
        assert "(1900-9998)" in error.reason.en
        assert "(1900-9998)" in error.reason.da
        assert "1900-01-01" in error.fix.en

    @pytest.mark.parametrize(
        "start",
        [
            # Monrovia kept its local mean time, -00:44:30, until 1972.
            datetime(1960, 5, 1, 10, tzinfo=ZoneInfo("Africa/Monrovia")),
            datetime(2027, 3, 1, 9, tzinfo=timezone(timedelta(seconds=30))),
            datetime(2027, 3, 1, 9, tzinfo=timezone(-timedelta(hours=1, seconds=1))),
        ],
    )
    def test_offsets_with_seconds_are_refused(self, start: datetime) -> None:
        with pytest.raises(lm.InvalidValueError, match="whole number of minutes"):
            attrs.evolve(MEETING, start=start)

    def test_copenhagen_mean_time_is_before_the_range(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="year 1890"):
            attrs.evolve(MEETING, start=datetime(1890, 6, 1, 10, tzinfo=CPH))

    @pytest.mark.parametrize(
        "key",
        [
            "CET",
            "EET",
            "WET",
            "MET",
            "EST",
            "MST",
            "HST",
            "GMT",
            "UCT",
            "Zulu",
            "Etc/UCT",
            "Etc/GMT",
            "Etc/GMT-1",
            "US/Eastern",
            "Poland",
            "Factory",
        ],
    )
    def test_abbreviations_and_legacy_names_are_refused(self, key: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(MEETING, start=datetime(2027, 3, 1, 9, tzinfo=ZoneInfo(key)))
        error = info.value
        assert error.path == ("start",)
        assert f"'{key}'" in error.reason.en
        assert f"'{key}'" in error.reason.da
        assert "Europe/Copenhagen" in error.fix.en
        assert "Europe/Copenhagen" in error.fix.da

    @pytest.mark.parametrize(
        "key",
        [
            "UTC",
            "Etc/UTC",
            "Europe/Copenhagen",
            "Atlantic/Faroe",
            "America/Nuuk",
            "America/Argentina/Buenos_Aires",
        ],
    )
    def test_region_zones_are_taken(self, key: str) -> None:
        start = datetime(2027, 3, 1, 9, tzinfo=ZoneInfo(key))
        assert attrs.evolve(MEETING, start=start).start == start

    def test_a_zone_without_a_name_is_refused(self) -> None:
        path = Path(str(files("tzdata").joinpath("zoneinfo", "Europe", "Copenhagen")))
        with path.open("rb") as data:
            nameless = ZoneInfo.from_file(data)
        with pytest.raises(lm.InvalidValueError, match="no IANA name"):
            attrs.evolve(MEETING, start=datetime(2027, 3, 1, 9, tzinfo=nameless))

    @given(
        times_the_model_takes(allow_imaginary=False),
        st.integers(1, 7 * 24 * 60),
    )
    def test_any_accepted_start_has_an_end(self, start: datetime, minutes: int) -> None:
        """A meeting is taken exactly when its end, too, is in the years; then
        everything made from it — its end, its busy time — can be held."""
        length = timedelta(minutes=minutes)
        offset = start.utcoffset()
        assert offset is not None
        if offset % timedelta(minutes=1):
            # A local mean time, before the zone's first standard offset.
            with pytest.raises(lm.InvalidValueError, match="whole number of minutes"):
                attrs.evolve(MEETING, start=start, duration=length)
            return
        end = (start.astimezone(timezone.utc) + length).astimezone(start.tzinfo)
        if end.year > lm.LAST_YEAR:
            with pytest.raises(lm.InvalidValueError) as info:
                attrs.evolve(MEETING, start=start, duration=length)
            assert (info.value.where, info.value.path) == ("Meeting", ("duration",))
            assert f"year {end.year}" in info.value.reason.en
            assert f"år {end.year}" in info.value.reason.da
            return
        meeting = attrs.evolve(MEETING, start=start, duration=length)
        elapsed = meeting.end.astimezone(timezone.utc) - start.astimezone(timezone.utc)
        assert elapsed == length
        span = lm.Interval(meeting.start, meeting.end)
        busy = lm.busy_from_meetings([meeting])
        assert set(map(tuple, busy.values())) == {(span,)}
        key = meeting.attendees[0].person.key
        index = lm.BusyIndex(busy)
        if isinstance(start.tzinfo, ZoneInfo):
            assert index.intervals(key, zone=start.tzinfo) == (span,)


class TestDurations:
    """Durations are positive whole minutes, a week at most."""

    @pytest.mark.parametrize(
        "bad", [timedelta(0), timedelta(minutes=-5), timedelta(seconds=90)]
    )
    def test_refused(self, bad: timedelta) -> None:
        with pytest.raises(lm.InvalidValueError, match="whole number of minutes"):
            attrs.evolve(MEETING, duration=bad)

    def test_not_a_timedelta(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            attrs.evolve(MEETING, duration=60)

    def test_a_week_is_the_longest(self) -> None:
        week = timedelta(days=7)
        assert attrs.evolve(MEETING, duration=week).duration == week
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(MEETING, duration=week + timedelta(minutes=1))
        assert info.value.reason.en.startswith("a duration is at most 7 days")
        assert info.value.reason.da.startswith("en varighed er højst 7 dage")
        with pytest.raises(lm.InvalidValueError, match="at most 7 days"):
            attrs.evolve(MEETING, duration=timedelta(days=999_999_999))

    def test_end_is_elapsed_time_across_the_autumn_change(self) -> None:
        start = datetime(2026, 10, 25, 1, 30, tzinfo=CPH)
        meeting = attrs.evolve(MEETING, start=start, duration=timedelta(hours=2))
        assert meeting.end.astimezone(timezone.utc) - start.astimezone(
            timezone.utc
        ) == timedelta(hours=2)
        assert (meeting.end.hour, meeting.end.minute, meeting.end.fold) == (2, 30, 1)


class TestEnds:
    """What starts in the years ends in them too: an end in 9999 is refused
    when the value is made, naming the field that carries it past."""

    def test_a_meeting_late_in_9998(self) -> None:
        late = datetime(9998, 12, 31, 23, 30, tzinfo=CPH)
        assert attrs.evolve(MEETING, start=late, duration=timedelta(minutes=29))
        with pytest.raises(lm.InvalidValueError) as info:
            attrs.evolve(MEETING, start=late, duration=timedelta(hours=1))
        error = info.value
        assert (error.where, error.path) == ("Meeting", ("duration",))
        assert "9999-01-01T00:30:00+01:00" in error.reason.en
        assert "år 9999" in error.reason.da
        assert "9998-12-31 23:59" in error.fix.en

    def test_the_end_is_read_in_the_start_s_own_zone(self) -> None:
        """09:00 on 31 December 9998 in Kiritimati is still 9998 there at 10:00,
        though 9998-12-30 in UTC: the local years are what count."""
        start = datetime(9998, 12, 31, 9, tzinfo=ZoneInfo("Pacific/Kiritimati"))
        assert end_refusal(start, timedelta(hours=1)) is None
        assert end_refusal(start, timedelta(hours=15)) is not None

    @given(
        st.datetimes(
            min_value=datetime(9998, 12, 20),
            max_value=datetime(9998, 12, 31, 23, 59),
            timezones=st.just(CPH),
        ),
        st.timedeltas(timedelta(minutes=1), LONGEST),
    )
    def test_refused_exactly_when_the_end_leaves_the_years(
        self, start: datetime, length: timedelta
    ) -> None:
        end = (start.astimezone(timezone.utc) + length).astimezone(CPH)
        assert (end_refusal(start, length) is None) == (end.year <= lm.LAST_YEAR)


class TestZones:
    """A zone named in input becomes a ZoneInfo in one place, or the library's
    refusal: never an OSError with a file path, never a vague message."""

    _FIX = lm.Label(da="skriv en zone", en="write a zone")

    @pytest.mark.parametrize("key", ["Europe/Copenhagen", "UTC", "Etc/UTC"])
    def test_kept_zones(self, key: str) -> None:
        assert load_zone(key, fix=self._FIX).key == key

    @pytest.mark.parametrize(
        ("key", "said"),
        [
            ("A" * 300, "unknown time zone of 300 characters"),
            ("Europe/" + "x" * 250, "unknown time zone of 257 characters"),
            ("Europe", "unknown time zone 'Europe'"),
            ("Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
            ("../etc/passwd", "unknown time zone '../etc/passwd'"),
            ("/etc/passwd", "unknown time zone '/etc/passwd'"),
            ("Europe/Copen\x00hagen", "unknown time zone"),
            ("", "unknown time zone ''"),
            ("CET", "time zone 'CET' is an abbreviation or a legacy name"),
            ("Etc/GMT-1", "time zone 'Etc/GMT-1' is an abbreviation"),
        ],
    )
    def test_refused(self, key: str, said: str) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            load_zone(key, fix=self._FIX, where="Here", path=("zone",))
        error = info.value
        assert (error.where, error.path, error.fix) == ("Here", ("zone",), self._FIX)
        assert said in error.reason.en
        assert "tidszone" in error.reason.da
        for lang in lm.LANGUAGES:
            assert "zoneinfo" not in error.message(lang)
            assert "site-packages" not in error.message(lang)

    def test_the_error_asked_for(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            load_zone("Mars/Olympus", fix=self._FIX, error=lm.WrongTypeError)

    @given(st.text(max_size=300))
    def test_any_name_is_a_kept_zone_or_refused(self, key: str) -> None:
        refused: lm.InvalidValueError | None = None
        try:
            zone = load_zone(key, fix=self._FIX)
        except lm.InvalidValueError as error:
            refused = error
        if refused is not None:
            assert "[Errno" not in refused.message("en")
        else:
            assert zone_problem(zone.key) is None
