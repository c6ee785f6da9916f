"""Arguments checked against their annotations: every kind an annotation says.

The whole public surface is checked in test_public_api.py (every argument of
every public function and method); here each kind of annotation, on functions
made up for the test.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.exceptions import Lang
from learnmeet.model._arguments import checked, expect_count

CPH = lm.COPENHAGEN
NOON = datetime(2027, 3, 1, 12, tzinfo=CPH)


@checked
def plain(count: int, share: float, day: date, flag: bool = False) -> tuple[Any, ...]:
    return count, share, day, flag


@checked
def gathered(items: Iterable[int], *, names: Sequence[str] = ()) -> tuple[Any, ...]:
    return items, names


@checked
def either(value: int | str | None) -> object:
    return value


@checked
def paired(window: tuple[datetime, datetime]) -> tuple[datetime, datetime]:
    return window


@checked
def mapped(busy: Mapping[str, Iterable[int]]) -> Mapping[str, Iterable[int]]:
    return busy


@checked
def spoken(lang: Lang = "da", mode: Literal["a", "b"] = "a") -> str:
    return lang + mode


@checked
def starred(*codes: str, loud: bool = False) -> tuple[str, ...]:
    return codes


@checked
def loose(value: Any, thing: object, kind: type[Any]) -> object:
    return value


class Holder:
    @checked
    def take(self, count: int) -> int:
        return count

    @classmethod
    @checked
    def make(cls, count: int) -> Holder:
        return cls()


def refused(call: Any) -> lm.WrongTypeError:
    with pytest.raises(lm.WrongTypeError) as caught:
        call()
    return caught.value


class TestClasses:
    def test_the_right_types_pass_unchanged(self) -> None:
        assert plain(3, 0.5, date(2027, 1, 1), flag=True) == (
            3,
            0.5,
            date(2027, 1, 1),
            True,
        )

    def test_an_int_is_a_number(self) -> None:
        assert plain(3, 1, date(2027, 1, 1))[1] == 1

    @pytest.mark.parametrize(
        ("args", "argument", "expected"),
        [
            ((True, 0.5, date(2027, 1, 1)), "count", "a whole number"),
            ((3, True, date(2027, 1, 1)), "share", "a number"),
            ((3, 0.5, NOON), "day", "date"),
            ((3, 0.5, "2027-01-01"), "day", "date"),
        ],
    )
    def test_near_misses_are_refused(
        self, args: tuple[Any, ...], argument: str, expected: str
    ) -> None:
        error = refused(lambda: plain(*args))
        assert error.where == "plain"
        assert error.path == (argument,)
        assert f"{argument} must be {expected}, not" in error.message("en")
        assert f"{argument} skal være" in error.message("da")

    def test_a_keyword_is_checked_too(self) -> None:
        assert refused(lambda: plain(3, 0.5, date(2027, 1, 1), flag=1)).path == (
            "flag",
        )

    def test_methods_skip_self_and_cls(self) -> None:
        assert Holder().take(2) == 2
        assert isinstance(Holder.make(2), Holder)
        assert refused(lambda: Holder().take("2")).where == "Holder.take"
        assert refused(lambda: Holder.make("2")).where == "Holder.make"


class TestCollections:
    def test_a_generator_is_read_once_and_passed_as_a_tuple(self) -> None:
        def numbers() -> Iterator[int]:
            yield from (1, 2, 3)

        assert gathered(numbers()) == ((1, 2, 3), ())

    @pytest.mark.parametrize("value", ["123", b"123", {1: 2}, 5, None])
    def test_not_a_collection(self, value: object) -> None:
        error = refused(lambda: gathered(value))
        assert error.path == ("items",)
        assert "a collection of a whole number" in error.message("en")

    def test_the_item_refused_is_named_by_its_index(self) -> None:
        error = refused(lambda: gathered([1, 2], names=["a", 3, "c"]))
        assert error.path == ("names", 1)
        assert error.message("en").startswith("gathered.names[1]: names[1] must be str")

    def test_a_pair_has_two_of_its_types(self) -> None:
        later = NOON + timedelta(hours=1)
        assert paired([NOON, later]) == (NOON, later)
        assert refused(lambda: paired((NOON,))).path == ("window",)
        assert refused(lambda: paired((NOON, "13:00"))).path == ("window", 1)

    def test_a_mapping_checks_keys_and_values(self) -> None:
        same = {"a": [1]}
        assert mapped(same) is same  # passed as given
        assert refused(lambda: mapped({"a": 5})).path == ("busy", "a")
        assert refused(lambda: mapped({3: [1]})).path == ("busy",)
        assert refused(lambda: mapped([("a", [1])])).path == ("busy",)

    def test_the_items_of_a_mapped_collection_are_left_to_the_reader(self) -> None:
        """A function reads the values it needs; their items it checks there."""
        assert mapped({"a": [1, "2"]}) == {"a": [1, "2"]}

    def test_star_arguments_each(self) -> None:
        assert starred("a", "b", loud=True) == ("a", "b")
        assert refused(lambda: starred("a", 2)).path == ("codes", 1)


class TestUnionsAndLiterals:
    @pytest.mark.parametrize("value", [1, "x", None])
    def test_any_member_passes(self, value: object) -> None:
        assert either(value) == value

    def test_a_stranger_is_told_every_member(self) -> None:
        error = refused(lambda: either(1.5))
        assert "a whole number or str or None" in error.message("en")
        assert "et helt tal eller str eller None" in error.message("da")

    def test_a_language_is_checked_by_check_lang(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="unknown language 'fr'") as e:
            spoken("fr")  # type: ignore[arg-type]
        assert (e.value.where, e.value.path) == ("spoken", ("lang",))

    def test_a_literal(self) -> None:
        assert spoken("en", "b") == "enb"
        assert "one of 'a', 'b'" in refused(lambda: spoken("en", "c")).message("en")

    def test_anything_and_classes(self) -> None:
        assert loose(None, object(), int) is None
        assert refused(lambda: loose(1, 2, 3)).path == ("kind",)


class TestCounts:
    @pytest.mark.parametrize(("value", "least", "most"), [(-1, 0, None), (9, 1, 8)])
    def test_out_of_range(self, value: int, least: int, most: int | None) -> None:
        with pytest.raises(lm.InvalidValueError, match="whole number") as caught:
            expect_count(value, where="f", name="n", least=least, most=most)
        assert caught.value.path == ("n",)

    @pytest.mark.parametrize("sign", [1, -1])
    def test_a_number_too_long_to_write_is_refused_in_words(self, sign: int) -> None:
        """str() of an integer of over 4,300 digits raises ValueError; the
        message gives its number of digits instead."""
        with pytest.raises(lm.InvalidValueError) as caught:
            expect_count(sign * 10**4400, where="f", name="n", least=1, most=8)
        assert "got a number of 4401 digits" in caught.value.message("en")
        assert "fik et tal på 4401 cifre" in caught.value.message("da")

    def test_a_public_count_is_refused_in_words(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="a number of 4401 digits"):
            lm.danish_holidays(10**4400)
        with pytest.raises(lm.InvalidValueError, match="a number of 4401 digits"):
            lm.to_json(lm.Citizen("B-1"), indent=10**4400)

    def test_a_ten_digit_count_is_shown_redacted(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.danish_holidays(1203045678)
        assert "got [CPR]" in caught.value.message("en")

    @given(st.integers(-5, 15))
    def test_in_range_passes_and_out_is_refused(self, value: int) -> None:
        try:
            expect_count(value, where="f", name="n", least=1, most=8)
        except lm.InvalidValueError:
            assert not 1 <= value <= 8
        else:
            assert 1 <= value <= 8


class TestAnyValue:
    """Whatever is given, a checked function returns or raises WrongTypeError."""

    @given(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text()
        | st.dates()
        | st.datetimes()
        | st.lists(st.integers() | st.text(), max_size=3)
        | st.tuples(st.datetimes(), st.datetimes())
        | st.dictionaries(st.text(), st.lists(st.integers()), max_size=2)
    )
    def test_never_a_raw_error(self, value: object) -> None:
        for call in (gathered, either, paired, mapped):
            outcome: object
            try:
                outcome = call(value)
            except lm.InvalidValueError as error:  # a wrong type, a naive datetime
                outcome = error.path[0]
            assert outcome is not None or value is None


@checked
def spans(items: Iterable[tuple[int, int]]) -> object:
    return items


@checked
def unknown(when: Iterator[int]) -> object:
    return when


class TestConversions:
    def test_items_made_into_tuples_where_a_pair_is_asked(self) -> None:
        assert spans([[1, 2], (3, 4)]) == ((1, 2), (3, 4))
        assert refused(lambda: spans([(1, 2), (3, "4")])).path == ("items", 1, 1)

    def test_an_annotation_it_cannot_check_is_a_mistake_here(self) -> None:
        with pytest.raises(TypeError, match="cannot check the annotation"):
            unknown(iter([1]))


@checked
def when(moment: datetime, day: date | None = None) -> object:
    return moment


class TestTime:
    """A datetime argument is aware, and a date or datetime in the model's years."""

    def test_naive_is_refused_as_naive(self) -> None:
        with pytest.raises(lm.NaiveDatetimeError) as caught:
            when(datetime(2027, 1, 1, 9))
        assert (caught.value.where, caught.value.path) == ("when", ("moment",))

    @pytest.mark.parametrize(
        "moment",
        [
            datetime.max.replace(tzinfo=CPH),
            datetime.min.replace(tzinfo=timezone.utc),
            datetime(1899, 12, 31, 23, tzinfo=timezone.utc),
            datetime(9999, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        ],
    )
    def test_outside_the_years_is_refused(self, moment: datetime) -> None:
        with pytest.raises(lm.InvalidValueError, match="outside the years") as c:
            when(moment)
        assert c.value.path == ("moment",)

    @pytest.mark.parametrize(
        "moment",
        [
            # 1900 in its own time, 1899 in UTC
            datetime(1900, 1, 1, tzinfo=CPH),
            datetime(1900, 1, 1, tzinfo=timezone(timedelta(hours=14))),
            # 9998 in its own time, 9999 in UTC
            datetime(9998, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
        ],
    )
    def test_the_years_are_read_in_local_time_as_the_model_reads_them(
        self, moment: datetime
    ) -> None:
        """An argument is held to the years as a meeting's start is: a time a
        value accepts is never refused when given to a function."""
        lm.Interval(moment, moment + timedelta(minutes=1))
        assert when(moment) == moment

    def test_a_day_too(self) -> None:
        assert when(NOON, date(2027, 1, 1)) == NOON
        with pytest.raises(lm.InvalidValueError, match="year 9999") as caught:
            when(NOON, date.max)
        assert caught.value.path == ("day",)


@checked
def zoned(zone: ZoneInfo) -> ZoneInfo:
    return zone


class TestZones:
    """A zone argument is a region's zone, or UTC: what a meeting may be in."""

    @pytest.mark.parametrize("key", ["Europe/Copenhagen", "UTC", "America/Nuuk"])
    def test_a_region(self, key: str) -> None:
        assert zoned(ZoneInfo(key)).key == key

    @pytest.mark.parametrize("key", ["CET", "EST5EDT", "GMT"])
    def test_an_abbreviation_is_refused_naming_the_argument(self, key: str) -> None:
        with pytest.raises(lm.InvalidValueError, match="abbreviation") as caught:
            zoned(ZoneInfo(key))
        assert (caught.value.where, caught.value.path) == ("zoned", ("zone",))
