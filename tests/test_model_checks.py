"""Construction refuses what it must: CPR numbers, identifiers, types, collections."""

from __future__ import annotations

import types
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import CASE, NURSE_N, valid_meetings
from learnmeet.model._checks import (
    each,
    entries,
    identifier,
    instance_of,
    non_negative_int,
    pair,
    safe_text,
    to_dict,
    to_frozenset,
    to_tuple,
    usual_identifier,
    usual_text,
)
from learnmeet.model._time import (
    aware_datetime,
    positive_duration,
    usual_duration,
    usual_time,
)

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
