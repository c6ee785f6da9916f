"""Every label and every enum member exists in Danish and English."""

from __future__ import annotations

import enum
import pickle

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.strategies._common import _TEXT

ENUMS = [
    obj
    for name in lm.__all__
    if isinstance(obj := getattr(lm, name), type) and issubclass(obj, enum.Enum)
]


class TestLabels:
    """A label has both texts; get() picks one."""

    @given(_TEXT, _TEXT)
    def test_get(self, da: str, en: str) -> None:
        label = lm.Label(da=da, en=en)
        assert label.get("da") == da == str(label)
        assert label.get("en") == en

    @pytest.mark.parametrize(("da", "en"), [("", "x"), ("x", " "), ("x", None)])
    def test_both_texts_needed(self, da: str, en: object) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Label(da=da, en=en)  # type: ignore[arg-type]

    def test_unknown_language(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="'da'"):
            lm.Label(da="a", en="b").get("fr")  # type: ignore[arg-type]


class TestEnums:
    """Every member of every public enum has a Danish and an English label."""

    @pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
    def test_every_member(self, cls: type[lm.LabelledEnum]) -> None:
        assert issubclass(cls, lm.LabelledEnum)
        for member in cls:
            assert member.label.da.strip()
            assert member.label.en.strip()
            assert member.code == member.value

    def test_there_are_many(self) -> None:
        assert len(ENUMS) >= 15


_CODES = {member.code for cls in ENUMS for member in cls}
_NO_CODES = st.one_of(
    st.text(max_size=60).filter(lambda t: t not in _CODES),
    st.integers(),
    st.builds(lambda digits: 10**digits + 1, st.integers(4301, 6000)),
    st.none(),
    st.lists(st.text(max_size=3), max_size=2),
)
"""Anything that is no enum's code: text, numbers of any size, other types."""


class TestLookUpByCode:
    """An enum looked up by a code it does not have refuses in words, in both
    languages: naming the enum, never repeating a value that could be personal,
    and listing the codes it has."""

    @pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
    def test_every_code_is_found(self, cls: type[lm.LabelledEnum]) -> None:
        for member in cls:
            assert cls(member.code) is member
            assert cls(member) is member
            assert pickle.loads(pickle.dumps(member)) is member

    @given(st.sampled_from(ENUMS), _NO_CODES)
    def test_an_unknown_code_is_refused(
        self, cls: type[lm.LabelledEnum], value: object
    ) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            cls(value)
        error = caught.value
        assert isinstance(error, ValueError)
        assert (error.where, error.path) == (cls.__name__, ("value",))
        for lang in lm.LANGUAGES:
            message = error.message(lang)
            assert cls.__name__ in message
            assert all(repr(member.code) in message for member in cls)
            assert len(message) < 120 + 20 * len(cls)

    @pytest.mark.parametrize(
        "value", ["120304-5678", "ERROR 12 03 04 5678", "x" * 5000, "sev\u200berity"]
    )
    def test_a_refused_value_is_not_repeated(self, value: str) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.Severity(value)
        for lang in lm.LANGUAGES:
            message = caught.value.message(lang)
            assert value not in message
            assert not lm.looks_like_cpr(message)

    def test_a_near_code_is_suggested(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.Severity("warnign")
        assert caught.value.fix.en.startswith("did you mean 'warning'?")
        assert caught.value.fix.da.startswith("mente du 'warning'?")

    def test_a_huge_number_is_refused_in_words(self) -> None:
        """Enum's own look-up writes the value with repr(), which raises for an
        integer of more than 4,300 digits; learnmeet's never gets that far."""
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.Rsvp(10**5000)
        assert "a number of 5001 digits" in caught.value.message("en")

    def test_a_users_enum_refuses_in_the_same_words(self) -> None:
        class Shift(lm.LabelledEnum):
            DAY = "day", lm.Label(da="dagvagt", en="day shift")
            NIGHT = "night", lm.Label(da="nattevagt", en="night shift")

        assert Shift("night") is Shift.NIGHT
        with pytest.raises(lm.InvalidValueError, match="'day', 'night'"):
            Shift("evening")
