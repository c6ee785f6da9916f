"""Construction refuses what it must: naive time, DST gaps, CPR numbers, bad types."""

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
from examples import CASE, NURSE_N, valid_meetings
from learnmeet.model._checks import LONGEST
from support import times_the_model_takes

CPH = lm.COPENHAGEN
MEETING = valid_meetings()["learning_meeting"]


class TestCpr:
    """Anything shaped like a CPR number is refused, in ids and in free text."""

    @pytest.mark.parametrize("text", ["010203-1234", "0102031234", "x 311299 1234 y"])
    def test_looks_like_cpr(self, text: str) -> None:
        assert lm.looks_like_cpr(text)

    @pytest.mark.parametrize(
        "text", ["B-017", "p-0001", "321399-1234", "12345678", "0102031234567"]
    )
    def test_not_cpr(self, text: str) -> None:
        assert not lm.looks_like_cpr(text)

    @given(
        st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
        st.integers(0, 9999),
        st.sampled_from(["-", "", " "]),
    )
    def test_every_valid_birth_date_is_caught(
        self, born: date, serial: int, dash: str
    ) -> None:
        assert lm.looks_like_cpr(f"x{born:%d%m%y}{dash}{serial:04d}x")

    @given(st.text(alphabet="abcdefghij-BCDR ", max_size=30))
    def test_no_digits_no_cpr(self, text: str) -> None:
        assert not lm.looks_like_cpr(text)

    def test_refused_everywhere(self) -> None:
        with pytest.raises(lm.PersonalDataError) as info:
            lm.Citizen("010203-1234")
        assert info.value.field == "pseudonym"
        assert "CPR" in info.value.message("da")
        with pytest.raises(lm.PersonalDataError):
            attrs.evolve(CASE, summary="CPR 010203-1234")
        with pytest.raises(lm.PersonalDataError):
            attrs.evolve(MEETING, title="om 0102031234")


class TestIdentifiers:
    """Identifiers are short, non-blank and without surrounding spaces."""

    @pytest.mark.parametrize("bad", ["", " ", " B-1", "B-1 ", "x" * 201])
    def test_refused(self, bad: str) -> None:
        with pytest.raises(lm.InvalidValueError, match="identifier"):
            lm.Citizen(bad)

    def test_wrong_type(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Citizen(17)  # type: ignore[arg-type]

    def test_free_text_must_be_text(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="text"):
            attrs.evolve(MEETING, title=5)
        with pytest.raises(lm.InvalidValueError):
            attrs.evolve(MEETING, title="x" * 10_001)


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
    whole-minute offsets, in a region's zone: there .end, JSON and iCalendar
    always work."""

    @pytest.mark.parametrize(
        "start",
        [
            datetime(1900, 1, 1, 0, 0, tzinfo=CPH),
            datetime(9998, 12, 31, 23, 59, 59, 999_999, tzinfo=CPH),
            datetime(1900, 1, 1, tzinfo=timezone(timedelta(hours=-12))),
            datetime(9998, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=14))),
        ],
    )
    def test_the_edges_are_taken_and_work(self, start: datetime) -> None:
        meeting = attrs.evolve(MEETING, start=start, duration=LONGEST)
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
            "Etc/UTC",
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
        length = timedelta(minutes=minutes)
        offset = start.utcoffset()
        assert offset is not None
        if offset % timedelta(minutes=1):
            # A local mean time, before the zone's first standard offset.
            with pytest.raises(lm.InvalidValueError, match="whole number of minutes"):
                attrs.evolve(MEETING, start=start, duration=length)
            return
        meeting = attrs.evolve(MEETING, start=start, duration=length)
        elapsed = meeting.end.astimezone(timezone.utc) - start.astimezone(timezone.utc)
        assert elapsed == length


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


class TestTypes:
    """A value of the wrong type is a WrongTypeError, also a TypeError."""

    def test_wrong_type(self) -> None:
        with pytest.raises(TypeError):
            lm.Professional(id="p", profession="nurse", unit=NURSE_N.unit)  # type: ignore[arg-type]
        with pytest.raises(lm.WrongTypeError, match="bool"):
            attrs.evolve(CASE.transitions[0], rehabilitation_needed=1)

    def test_a_type_is_named_short_and_redacted(self) -> None:
        """A class is named by whoever wrote it; its name is shown as any text."""
        for name, shown in [
            ("Borger_120304_5678", "Borger_[CPR]"),
            ("K" * 99, "K" * 40),
        ]:
            value = type(name, (), {})()
            with pytest.raises(lm.WrongTypeError) as info:
                attrs.evolve(MEETING, case=value)
            assert shown in info.value.reason.en
            assert name not in info.value.message("en")

    def test_a_count_too_long_to_write(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            lm.FormatRequirements(min_sectors=-(10**5000))
        assert info.value.reason.en.endswith("got a number of 5001 digits")

    def test_a_repeated_id_is_shown_short(self) -> None:
        unit = NURSE_N.unit
        twice = [
            lm.Unit(id="u-" + "x" * 100, name="A", organisation=unit.organisation)
        ] * 2
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Scenario(name="Nord", units=twice)
        assert "'u-" not in info.value.message("en")
        assert "a text of 102 characters" in info.value.message("en")

    def test_wrong_item_in_a_collection(self) -> None:
        attendees = (*MEETING.attendees, "professional:p-x")
        with pytest.raises(
            lm.WrongTypeError,
            match=r"Meeting.attendees\[\d+\]: expected Attendee, got str",
        ):
            attrs.evolve(MEETING, attendees=attendees)

    def test_wrong_type_where_none_is_allowed(self) -> None:
        with pytest.raises(
            lm.WrongTypeError, match=r"Meeting.case: expected CitizenCase, got str"
        ):
            attrs.evolve(MEETING, case="c-1")
        assert attrs.evolve(MEETING, case=None).case is None

    def test_subclasses_pass_where_the_class_is_asked_for(self) -> None:
        """The exact-class shortcut is only a shortcut: a subclass still passes
        the full check, in a collection and where ``None`` is allowed."""

        @attrs.frozen(kw_only=True)
        class Mine(lm.Attendee):
            pass

        @attrs.frozen
        class MyReflection(lm.Reflection):
            pass

        first = MEETING.attendees[0]
        mine = Mine(person=first.person, role=first.role)
        changed = attrs.evolve(MEETING, attendees=(mine, *MEETING.attendees[1:]))
        assert changed.attendees[0] is mine
        assert MEETING.reflection is not None
        own = MyReflection(*attrs.astuple(MEETING.reflection, recurse=False))
        assert attrs.evolve(MEETING, reflection=own).reflection is own

    def test_a_bool_is_not_a_score(self) -> None:
        assert lm.Answer(item="q", score=None, text="godt").score is None
        with pytest.raises(
            lm.WrongTypeError, match=r"Answer\.score: expected int, got bool"
        ):
            lm.Answer(item="q", score=True)
