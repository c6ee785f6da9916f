"""The wire forms of datetimes, dates and durations."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import assume, given, strategies as st

import learnmeet as lm
from examples import valid_meetings
from learnmeet.io._wire import (
    WIRE_PATTERNS,
    WireError,
    format_date,
    format_datetime,
    format_duration,
    format_zone,
    parse_date,
    parse_datetime,
    parse_duration,
    parse_zone,
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
            ("2026-02-30T09:00:00+01:00", "does not exist"),
            ("2026-03-01T09:00:00+02:00[CEST]", "IANA"),
            ("2026-03-01T09:00:00+01:00[Mars/Olympus]", "unknown time zone"),
            ("2026-07-01T09:00:00+01:00[Europe/Copenhagen]", "UTC+02:00"),
        ],
    )
    def test_refusals_say_what_is_wrong(self, text: str, says: str) -> None:
        with pytest.raises(WireError, match=says.replace("+", r"\+")) as info:
            parse_datetime(text)
        assert info.value.message("da") != info.value.message("en")

    @pytest.mark.parametrize(
        ("value", "got"),
        [(20260301, "a number"), (True, "a boolean"), (None, "null"), ([], "an array")],
    )
    def test_non_strings_are_refused_by_their_json_type(
        self, value: object, got: str
    ) -> None:
        with pytest.raises(WireError) as caught:
            parse_datetime(value)
        assert caught.value.reason.en == f"expected a datetime string, got {got}"
        assert "fik " in caught.value.reason.da

    @given(
        st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(2200, 1, 1),
            timezones=st.sampled_from(
                [CPH, ZoneInfo("UTC"), ZoneInfo("America/New_York"), timezone.utc]
            ),
            # A time in a spring-forward gap is no instant of its zone: the
            # model refuses it, and so does the reader (the offset disagrees).
            allow_imaginary=False,
        )
    )
    def test_round_trip_is_exact(self, value: datetime) -> None:
        back = parse_datetime(format_datetime(value))
        assert back == value
        assert back.utcoffset() == value.utcoffset()
        assert back.replace(tzinfo=None) == value.replace(tzinfo=None)
        assert getattr(back.tzinfo, "key", None) == getattr(value.tzinfo, "key", None)


INSTANT = datetime(2027, 2, 2, 9, tzinfo=timezone.utc)
"""One instant, 10:00 in Copenhagen, for the spellings below."""


class TestRfc9557Spellings:
    """Every spelling RFC 9557 (and RFC 3339 under it) allows is read as the
    instant it names; writing keeps the one form."""

    @pytest.mark.parametrize(
        "text",
        [
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen]",
            "2027-02-02T09:00:00Z[Europe/Copenhagen]",
            "2027-02-02t09:00:00z[Europe/Copenhagen]",
            "2027-02-02t10:00:00+01:00[Europe/Copenhagen]",
            "2027-02-02T09:00:00-00:00[Europe/Copenhagen]",
            "2027-02-02T10:00:00+01:00[!Europe/Copenhagen]",
            "2027-02-02T09:00:00Z[!Europe/Copenhagen]",
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen][u-ca=iso8601]",
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen][!u-ca=iso8601]",
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen][u-ca=gregory]",
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen][u-ca=hebrew]",
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen][knort=blargel]",
            "2027-02-02T10:00:00+01:00[Europe/Copenhagen][u-ca=chinese][u-ca=japanese]",
            "2027-02-02T10:00:00.000000000+01:00[Europe/Copenhagen]",
            "2027-02-02T10:00+01:00[Europe/Copenhagen]",
        ],
    )
    def test_spellings_of_ten_in_copenhagen(self, text: str) -> None:
        value = parse_datetime(text)
        assert value == INSTANT
        assert value.tzinfo is CPH
        assert (value.hour, value.utcoffset()) == (10, timedelta(hours=1))
        assert format_datetime(value) == "2027-02-02T10:00:00+01:00[Europe/Copenhagen]"

    @pytest.mark.parametrize(
        "text",
        [
            "2027-02-02T09:00:00Z",
            "2027-02-02T09:00:00z",
            "2027-02-02T09:00:00-00:00",
            "2027-02-02T09:00:00+00:00",
            "2027-02-02T09:00:00Z[u-ca=iso8601]",
        ],
    )
    def test_utc_without_a_zone(self, text: str) -> None:
        value = parse_datetime(text)
        assert value == INSTANT
        assert value.tzinfo is timezone.utc

    @pytest.mark.parametrize(
        "text",
        [
            "2027-02-02T10:00:00+01:00[+01:00]",
            "2027-02-02T10:00:00+01:00[!+01:00]",
            "2027-02-02T09:00:00Z[+01:00]",
        ],
    )
    def test_an_offset_as_the_time_zone(self, text: str) -> None:
        value = parse_datetime(text)
        assert value == INSTANT
        assert value.tzinfo == timezone(timedelta(hours=1))
        assert value.hour == 10

    def test_the_second_half_past_two_of_the_autumn_night(self) -> None:
        """Z with a zone picks the fold from the instant itself."""
        first = parse_datetime("2026-10-25T00:30:00Z[Europe/Copenhagen]")
        second = parse_datetime("2026-10-25T01:30:00Z[Europe/Copenhagen]")
        assert (first.hour, first.minute, first.fold) == (2, 30, 0)
        assert (second.hour, second.minute, second.fold) == (2, 30, 1)

    @pytest.mark.parametrize(
        ("text", "says"),
        [
            # The offset and the zone disagree, critical or not (RFC 9557, 3.4).
            ("2027-02-02T10:00:00+02:00[Europe/Copenhagen]", "UTC+01:00 at that"),
            ("2027-02-02T10:00:00+02:00[!Europe/Copenhagen]", "(marked critical)"),
            ("2027-02-02T10:00:00+01:00[+02:00]", "UTC+02:00 at that"),
            # 02:30 on the spring night does not exist at +01:00 in Copenhagen.
            ("2026-03-29T02:30:00+01:00[Europe/Copenhagen]", "UTC+02:00"),
            # Critical tags learnmeet cannot act on (3.3), experimental keys (3.2).
            ("2027-02-02T09:00:00Z[!u-ca=hebrew]", "marked critical"),
            ("2027-02-02T09:00:00Z[!knort=blargel]", "marked critical"),
            ("2027-02-02T09:00:00Z[_foo=bar]", "experimental"),
            ("2027-02-02T09:00:00Z[!u-ca=iso8601][u-ca=hebrew]", "more than once"),
            ("2027-02-02T09:00:00Z[u-ca=hebrew][!u-ca=iso8601]", "more than once"),
            # The grammar of 4.1.
            ("2027-02-02T09:00:00Z[u-ca=iso8601][Europe/Copenhagen]", "come first"),
            ("2027-02-02T09:00:00Z[Europe/Paris][Europe/Copenhagen]", "come first"),
            ("2027-02-02T09:00:00Z[]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[ Europe/Paris]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[!!Europe/Paris]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[U-CA=iso8601]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[u-ca=a--b]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[u-ca=]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[Europe//Paris]", "neither a time zone"),
            ("2027-02-02T09:00:00Z[../etc/passwd]", "'.' or '..'"),
            ("2027-02-02T09:00:00Z[Europe/Paris]x", "not a datetime"),
            ("2027-02-02T09:00:00Z [Europe/Paris]", "not a datetime"),
            ("2027-02-02 09:00:00Z", "not a datetime"),
            # Zones: unknown, an abbreviation, a legacy name, a fixed Etc zone.
            ("2027-02-02T09:00:00Z[Mars/Olympus_Mons]", "unknown time zone"),
            ("2027-02-02T09:00:00Z[!Mars/Olympus_Mons]", "unknown time zone"),
            ("2027-02-02T10:00:00+01:00[CET]", "'CET' is an abbreviation"),
            ("2027-02-02T09:00:00+00:00[GMT]", "'GMT' is an abbreviation"),
            ("2027-02-02T09:00:00Z[Etc/GMT-1]", "not a region's zone"),
            # RFC 9557 needs the offset; a zone does not replace it (1.1).
            (
                "2027-02-02T10:00:00[Europe/Copenhagen][u-ca=iso8601]",
                "the datetime has no UTC offset",
            ),
            # What a datetime cannot hold.
            ("2016-12-31T23:59:60Z", "leap second"),
            ("2027-02-02T09:00:00.1234567Z", "finer than a microsecond"),
            ("2027-02-02T09:00:00+24:00", "does not exist"),
            ("2027-02-02T09:00:00+01:60", "does not exist"),
            ("0000-01-01T00:00:00Z", "year 0 is outside"),
            ("1899-12-31T23:00:00Z", "year 1899 is outside"),
            ("9999-06-01T10:00:00+02:00", "year 9999 is outside"),
            ("9998-12-31T23:30:00Z[Asia/Tokyo]", "year 9999 is outside"),
            ("1900-01-01T00:30:00Z[America/New_York]", "year 1899 is outside"),
            # Monrovia's local mean time was -00:44:30.
            ("1960-05-01T10:00:00Z[Africa/Monrovia]", "not a whole number"),
        ],
    )
    def test_refused_with_the_reason(self, text: str, says: str) -> None:
        with pytest.raises(WireError) as info:
            parse_datetime(text)
        error = info.value
        assert says in error.reason.en
        assert error.reason.da != error.reason.en
        assert error.fix.da != error.fix.en

    @pytest.mark.parametrize(
        "text",
        [
            "2027-02-02T09:00:00Z[!x=0102031234]",
            "2027-02-02T09:00:00Z[_0102031234=x]",
            "2027-02-02T09:00:00Z[x0102031234]",
        ],
    )
    def test_a_refusal_never_repeats_a_cpr_number(self, text: str) -> None:
        with pytest.raises(WireError) as info:
            parse_datetime(text)
        for lang in ("da", "en"):
            assert "0102031234" not in info.value.message(lang)

    def test_a_very_long_text_is_refused_unread(self) -> None:
        text = "2027-02-02T09:00:00Z" + "[u-ca=iso8601]" * 100_000
        with pytest.raises(WireError, match="not a datetime"):
            parse_datetime(text)

    @pytest.mark.parametrize(
        "text",
        [
            # Arabic-Indic, fullwidth and Devanagari digits.
            "\u0662\u0660\u0662\u0667-02-02T09:00:00Z",
            "２０２７-02-02T09:00:00Z",
            "2027-02-02T09:00:00+०१:00",
            "2027-02-02T09:00:00.\u0665Z",
        ],
    )
    def test_digits_are_ascii(self, text: str) -> None:
        with pytest.raises(WireError, match="not a datetime"):
            parse_datetime(text)

    @given(
        instant=st.datetimes(
            min_value=datetime(1901, 1, 1),
            max_value=datetime(9997, 12, 31),
            timezones=st.just(timezone.utc),
        ),
        zone=st.sampled_from(
            [
                CPH,
                ZoneInfo("UTC"),
                ZoneInfo("America/St_Johns"),
                ZoneInfo("Asia/Kathmandu"),
                ZoneInfo("Australia/Lord_Howe"),
            ]
        ),
        utc_form=st.booleans(),
        lower=st.booleans(),
        critical=st.booleans(),
        zeros=st.integers(0, 3),
        tags=st.lists(
            st.sampled_from(
                [
                    "[u-ca=iso8601]",
                    "[u-ca=hebrew]",
                    "[u-ca=gregory]",
                    "[knort=blargel]",
                    "[a-1_b=x-y-z]",
                ]
            ),
            max_size=3,
        ),
        iso_critical=st.booleans(),
    )
    def test_any_spelling_reads_as_its_instant(
        self,
        instant: datetime,
        zone: ZoneInfo,
        utc_form: bool,
        lower: bool,
        critical: bool,
        zeros: int,
        tags: list[str],
        iso_critical: bool,
    ) -> None:
        if iso_critical:
            # A critical calendar, and no other calendar beside it (3.3).
            tags = ["[!u-ca=iso8601]", *(t for t in tags if "u-ca" not in t)]
        local = instant.astimezone(zone)
        offset = local.utcoffset()
        assume(offset is not None and not offset % timedelta(minutes=1))
        shown = instant if utc_form else local
        text = shown.replace(tzinfo=None).isoformat(timespec="microseconds")
        text += "0" * zeros
        text += "Z" if utc_form else local.isoformat()[-6:]
        text += f"[{'!' if critical else ''}{zone.key}]" + "".join(tags)
        if lower:
            text = text.replace("T", "t", 1).replace("Z", "z")
        value = parse_datetime(text)
        assert value == instant
        assert value.tzinfo is zone
        assert value.replace(tzinfo=None) == local.replace(tzinfo=None)
        assert value.fold == local.fold

    @given(st.text(max_size=60))
    def test_any_text_is_read_or_refused_with_a_wire_error(self, text: str) -> None:
        try:
            value = parse_datetime(text)
        except WireError:
            return
        assert value.utcoffset() is not None


class TestZoneNames:
    """A ``[Zone]`` is read as any zone named in input is: a region's zone or
    UTC is kept, anything else refused as a zone, in words, never as an
    OSError nor as a value that "cannot be read"."""

    @pytest.mark.parametrize(
        "text",
        [
            "2026-03-01T09:00:00+00:00[UTC]",
            "2026-03-01T09:00:00+00:00[Etc/UTC]",
            "2026-03-01T09:00:00+01:00[Europe/Copenhagen]",
        ],
    )
    def test_utc_and_regions_are_kept(self, text: str) -> None:
        value = parse_datetime(text)
        assert format_datetime(value) == text
        assert parse_datetime(format_datetime(value)) == value

    @pytest.mark.parametrize(
        ("key", "says"),
        [
            ("Europe", "unknown time zone 'Europe'"),
            ("America/Argentina", "unknown time zone 'America/Argentina'"),
            ("Etc/GMT-1", "abbreviation or a legacy name"),
            ("Etc/UCT", "abbreviation or a legacy name"),
            ("A" * 150, "unknown time zone of 150 characters"),
        ],
    )
    def test_other_names_are_refused_as_zones(self, key: str, says: str) -> None:
        with pytest.raises(WireError) as info:
            parse_datetime(f"2026-03-01T09:00:00+01:00[{key}]")
        assert says in info.value.reason.en
        assert "tidszone" in info.value.reason.da
        assert "[Europe/Copenhagen]" in info.value.fix.en

    def test_a_folder_in_a_document_is_refused_as_a_zone(self) -> None:
        document = lm.to_dict(valid_meetings()["audit"])
        document["data"]["start"] = "2027-03-01T09:00:00+01:00[Europe]"
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_dict(lm.Meeting, document)
        (problem,) = info.value.problems
        assert problem.json_path == "$.start"
        assert problem.reason.en == "unknown time zone 'Europe'"


class TestZoneByName:
    """A zone written alone (a setting's zone) is its IANA name: every zone a
    datetime may carry is taken, every other refused, as a zone."""

    @given(st.sampled_from(sorted(available_timezones())))
    def test_a_zone_is_kept_exactly_when_a_datetime_may_carry_it(
        self, key: str
    ) -> None:
        moment = f"2026-03-01T09:00:00Z[{key}]"
        carried: object = None
        try:
            carried = parse_datetime(moment).tzinfo
        except WireError as refused:
            carried = refused.reason
        if isinstance(carried, lm.Label):
            with pytest.raises(WireError) as caught:
                parse_zone(key)
            assert caught.value.reason == carried
        else:
            zone = parse_zone(key)
            assert zone == carried
            assert format_zone(zone) == key
            assert WIRE_PATTERNS[ZoneInfo].fullmatch(key)

    @pytest.mark.parametrize("text", ["", "Europe/", "[UTC]", "Europe Copenhagen", 3])
    def test_what_is_no_name_is_refused_as_such(self, text: object) -> None:
        with pytest.raises(WireError) as caught:
            parse_zone(text)
        assert caught.value.reason.en == "expected the name of a time zone"
        assert caught.value.reason.da == "forventede navnet på en tidszone"
        assert "'Europe/Copenhagen'" in caught.value.fix.en


class TestDate:
    """A date is exactly YYYY-MM-DD."""

    @given(st.dates())
    def test_round_trip(self, value: date) -> None:
        assert parse_date(format_date(value)) == value

    @pytest.mark.parametrize(
        "text",
        [
            "2026-3-1",
            "01-03-2026",
            "2026-13-01",
            5,
            None,
            "\u0662\u0660\u0662\u0666-\u0660\u0663-\u0660\u0661",
            "２０２６-０３-０１",
        ],
    )
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

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("P1W", timedelta(days=7)),
            ("P1W1D", timedelta(days=8)),
            ("PT45M0.0S", timedelta(minutes=45)),
            ("PT0,5S", timedelta(milliseconds=500)),
            ("PT90M", timedelta(minutes=90)),
            ("PT1.000001S", timedelta(seconds=1, microseconds=1)),
        ],
    )
    def test_every_fixed_length_spelling_is_read(
        self, text: str, value: timedelta
    ) -> None:
        """Weeks and fractions of a second are ISO 8601 too; whether a value
        may hold what they give (whole minutes) is the value's to say."""
        assert parse_duration(text) == value

    @pytest.mark.parametrize("text", ["P1Y", "P2M", "P1Y2M3DT4H", "P1MT2H"])
    def test_years_and_months_are_refused_as_such(self, text: str) -> None:
        with pytest.raises(WireError, match="no fixed length") as caught:
            parse_duration(text)
        assert "fast længde" in caught.value.reason.da

    @pytest.mark.parametrize(
        "text",
        ["PT99999999999999999999M", "P" + "9" * 100_000 + "D", "PT1.0123456789S"],
    )
    def test_a_number_too_long_is_refused_as_such(self, text: str) -> None:
        with pytest.raises(WireError, match="more than 9 digits") as caught:
            parse_duration(text)
        assert text not in caught.value.message("en")

    def test_a_duration_that_is_no_whole_minutes_is_refused_by_the_value(
        self,
    ) -> None:
        document = lm.to_dict(valid_meetings()["learning_meeting"])
        document["data"]["duration"] = "PT45M0.5S"
        with pytest.raises(lm.InvalidDataError, match="whole number of minutes"):
            lm.from_dict(lm.Meeting, document)

    @given(st.integers(min_value=0, max_value=10_000 * 60))
    def test_round_trip(self, seconds: int) -> None:
        value = timedelta(seconds=seconds)
        assert parse_duration(format_duration(value)) == value

    @pytest.mark.parametrize(
        "text", ["P", "PT", "90", "PT1.5H", "-PT1H", 90, None, "PT\u0663H", "PT１H"]
    )
    def test_refused(self, text: object) -> None:
        with pytest.raises(WireError, match="ISO 8601"):
            parse_duration(text)

    def test_longer_than_a_datetime_can_hold(self) -> None:
        with pytest.raises(WireError, match="longer than a datetime can hold"):
            parse_duration("P999999999DT999999999H")
