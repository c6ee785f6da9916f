"""Every label and every enum member exists in Danish and English."""

from __future__ import annotations

import enum

import pytest
from hypothesis import given

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
