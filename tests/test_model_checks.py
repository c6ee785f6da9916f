"""Construction refuses what it must: naive time, DST gaps, CPR numbers, bad types."""

from __future__ import annotations

import types
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
from learnmeet.model._checks import (
    LONGEST,
    aware_datetime,
    each,
    end_refusal,
    entries,
    identifier,
    instance_of,
    load_zone,
    non_negative_int,
    pair,
    positive_duration,
    safe_text,
    to_dict,
    to_frozenset,
    to_tuple,
    usual_duration,
    usual_identifier,
    usual_text,
    usual_time,
    zone_problem,
)
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


@attrs.frozen
class _Basket:
    """A value with one field of each collection kind, for the converters."""

    items: tuple[lm.Citizen, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(instance_of(lm.Citizen))
    )
    kinds: frozenset[lm.StaffRole] = attrs.field(
        default=frozenset(),
        converter=to_frozenset,
        validator=each(instance_of(lm.StaffRole)),
    )
    by_id: dict[str, lm.Citizen] = attrs.field(
        factory=dict,
        converter=to_dict,
        validator=entries(identifier, instance_of(lm.Citizen)),
    )
    pairs: tuple[tuple[str, int], ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=each(pair(identifier, non_negative_int)),
    )


_B = lm.Citizen("B-1")


class TestCollections:
    """A collection field takes any collection and keeps it immutable; anything
    else — a text, a mapping, no collection at all, an item that cannot be in
    a set — is refused as a WrongTypeError naming Class.field."""

    def test_collections_of_any_kind_are_taken(self) -> None:
        basket = _Basket(
            items=(c for c in [_B]),
            kinds=[lm.StaffRole.LEADER],
            by_id=types.MappingProxyType({"b": _B}),
            pairs=[("a", 1)],
        )
        assert basket.items == (_B,)
        assert basket.kinds == frozenset({lm.StaffRole.LEADER})
        assert basket.by_id == {"b": _B}
        assert type(basket.by_id) is dict
        assert basket.pairs == (("a", 1),)

    def test_a_mapping_given_is_copied(self) -> None:
        given = {"b": _B}
        basket = _Basket(by_id=given)
        given["c"] = lm.Citizen("B-2")
        assert basket.by_id == {"b": _B}

    @pytest.mark.parametrize(
        ("value", "said"),
        [
            (None, "got NoneType"),
            (5, "got int"),
            ("B-1", "a text is not a list of its characters"),
            (b"B-1", "a text is not a list of its characters"),
            ({"B-1": _B}, "a mapping; its keys would be taken"),
        ],
    )
    @pytest.mark.parametrize("field", ["items", "kinds"])
    def test_no_collection_is_refused(
        self, field: str, value: object, said: str
    ) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            _Basket(**{field: value})
        error = info.value
        assert (error.where, error.path) == ("_Basket", (field,))
        assert said in error.reason.en
        assert error.reason.da.startswith("forventede en samling")

    @pytest.mark.parametrize("value", [None, 5, "ab", [("a", _B)], (_B,)])
    def test_no_mapping_is_refused(self, value: object) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            _Basket(by_id=value)
        assert info.value.path == ("by_id",)
        assert "expected a mapping (a dict)" in info.value.reason.en
        assert "forventede en afbildning" in info.value.reason.da

    def test_an_item_of_a_wrong_type_is_named_by_its_index(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            _Basket(items=[_B, "B-2"])
        assert info.value.path == ("items", 1)

    def test_an_item_that_cannot_be_in_a_set_is_named(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            _Basket(kinds=[lm.StaffRole.LEADER, ["leader"]])
        assert info.value.path == ("kinds", 1)
        assert "expected StaffRole, got list" in info.value.reason.en

    def test_an_item_of_the_right_type_that_cannot_be_in_a_set(self) -> None:
        @attrs.frozen
        class Anything:
            items: frozenset[object] = attrs.field(
                converter=to_frozenset, validator=each(instance_of(object))
            )

        with pytest.raises(lm.WrongTypeError) as info:
            Anything([[1]])
        assert info.value.path == ("items",)
        assert "cannot be held in a set" in info.value.reason.en
        assert "mængde" in info.value.reason.da

    def test_a_key_and_a_value_of_a_mapping(self) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            _Basket(by_id={1: _B})
        assert info.value.path == ("by_id",)  # a key refused is not repeated
        with pytest.raises(lm.PersonalDataError) as personal:
            _Basket(by_id={"010203-1234": _B})
        assert "1234" not in personal.value.message("en")
        with pytest.raises(lm.WrongTypeError) as info:
            _Basket(by_id={"b": "B-1"})
        assert info.value.path == ("by_id", "b")

    @pytest.mark.parametrize(
        ("value", "path"),
        [
            ("ab", ("pairs", 0)),
            (("a",), ("pairs", 0)),
            (("a", 1, 2), ("pairs", 0)),
            (("", 1), ("pairs", 0, 0)),
            (("a", -1), ("pairs", 0, 1)),
        ],
    )
    def test_a_pair(self, value: object, path: tuple[object, ...]) -> None:
        with pytest.raises(lm.InvalidValueError) as info:
            _Basket(pairs=[value])
        assert info.value.path == path

    def test_the_converters_leave_values_of_their_kind_alone(self) -> None:
        items, kinds = (_B,), frozenset({lm.StaffRole.LEADER})
        assert to_tuple(items) is items
        assert to_frozenset(kinds) is kinds

    @given(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(),
            st.text(),
            st.binary(),
            st.dates(),
            st.dictionaries(st.text(), st.integers()),
        )
    )
    def test_anything_but_a_collection_is_refused(self, value: object) -> None:
        for field in ("items", "kinds"):
            with pytest.raises(lm.WrongTypeError) as info:
                _Basket(**{field: value})
            assert info.value.location == f"_Basket.{field}"

    @given(st.lists(st.sampled_from(list(lm.StaffRole)) | st.integers(), max_size=5))
    def test_a_collection_is_taken_or_its_wrong_item_named(
        self, items: list[object]
    ) -> None:
        wrong = [i for i, item in enumerate(items) if isinstance(item, int)]
        if not wrong:
            assert _Basket(kinds=items).kinds == frozenset(items)
            assert _Basket(items=()).items == ()
            return
        with pytest.raises(lm.WrongTypeError) as info:
            _Basket(kinds=items)
        assert info.value.path[0] == "kinds"


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


class TestUsualValues:
    """The cheap tests of the fused constructors agree with the validators.

    ``usual_identifier`` and ``usual_text`` say exactly what ``identifier``
    and ``safe_text`` take; ``usual_time`` and ``usual_duration`` never say
    yes to what ``aware_datetime`` and ``positive_duration`` refuse.
    """

    @staticmethod
    def _taken(validator: object, value: object) -> bool:
        field = attrs.fields(lm.Meeting).id
        try:
            validator(MEETING, field, value)  # type: ignore[operator]
        except lm.LearnmeetError:
            return False
        return True

    @given(
        st.one_of(
            st.text(max_size=12),
            st.text(max_size=220),
            st.sampled_from(["0102031234", "a" * 200, "a" * 201, " a", "a\x00"]),
            st.integers(),
            st.none(),
        )
    )
    def test_identifier_and_text(self, value: object) -> None:
        assert usual_identifier(value) == self._taken(identifier, value)
        assert usual_text(value) == self._taken(safe_text, value) or (
            type(value) is not str and not usual_text(value)
        )

    @given(
        st.one_of(
            st.datetimes(
                min_value=datetime(1800, 1, 1),
                timezones=st.sampled_from(
                    [CPH, ZoneInfo("UTC"), ZoneInfo("CET"), timezone.utc]
                ),
            ),
            st.datetimes(),
        )
    )
    def test_time(self, value: datetime) -> None:
        if usual_time(value):
            assert self._taken(aware_datetime, value)
        # asked again, the same answer
        assert usual_time(value) == usual_time(value)

    def test_times_in_the_gap_and_the_repeated_hour_are_not_usual(self) -> None:
        gap = datetime(2027, 3, 28, 2, 30, tzinfo=CPH)
        usual_time(datetime(2027, 3, 28, 3, 30, tzinfo=CPH))
        assert not usual_time(gap)
        assert not usual_time(datetime(2027, 10, 31, 2, 30, tzinfo=CPH))
        assert not usual_time(datetime(2027, 10, 31, 2, 30, fold=1, tzinfo=CPH))
        assert usual_time(datetime(2027, 10, 31, 9, 0, tzinfo=CPH))

    @given(
        st.one_of(
            st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(days=9)),
            st.integers(0, 10_000).map(lambda m: timedelta(minutes=m)),
        )
    )
    def test_duration(self, value: timedelta) -> None:
        assert usual_duration(value) == self._taken(positive_duration, value)
