"""Catalogues: entries looked up by code, and catalogues of one's own."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet import strategies as lst

CAT = lm.DEFAULT_CATALOG


class TestLookups:
    """An unknown code names the closest known codes."""

    @pytest.mark.parametrize(
        ("kind", "code", "near"),
        [
            ("profession", "nurce", "nurse"),
            ("sector", "hospitl", "hospital"),
            ("format", "audt", "audit"),
        ],
    )
    def test_closest(self, kind: str, code: str, near: str) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            getattr(CAT, kind)(code)
        assert near in info.value.suggestions
        assert isinstance(info.value, LookupError)
        assert near in info.value.message("da")

    def test_nothing_close(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            CAT.profession("zzzzzz")
        assert info.value.suggestions == ()


class TestOwnCatalogue:
    """Users add and replace entries without editing the library."""

    def test_extend_adds_and_replaces(self) -> None:
        music = lm.Profession(
            "music_therapist",
            lm.Label(da="musikterapeut", en="music therapist"),
            lm.Discipline.THERAPY,
        )
        nurse = lm.Profession(
            "nurse",
            lm.Label(da="sygeplejerske (SD)", en="nurse (RN)"),
            lm.Discipline.NURSING,
        )
        mine = CAT.extend(professions=[music, nurse])
        assert mine.profession("music_therapist") == music
        assert mine.profession("nurse").label.en == "nurse (RN)"
        assert CAT.profession("nurse").label.en == "nurse"
        assert len(mine.professions) == len(CAT.professions) + 1

    def test_duplicate_codes_are_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError, match="listed more than once"):
            lm.Catalog(professions=[lm.PROFESSIONS[0], lm.PROFESSIONS[0]])

    def test_wrong_kind(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.Catalog(professions=[lm.SECTORS[0]])  # type: ignore[list-item]


class TestRefusalsSayWhere:
    """A refused catalogue names the list and the position, in both languages."""

    def test_a_repeated_code_names_the_list(self) -> None:
        nurse = CAT.profession("nurse")
        with pytest.raises(lm.InvalidValueError) as info:
            lm.Catalog(professions=[nurse, CAT.profession("gp"), nurse])
        error = info.value
        assert (error.where, error.path) == ("Catalog", ("professions",))
        assert "the codes 'nurse' are" in error.reason.en
        assert "mere end én gang" in error.reason.da
        assert "extend()" in error.fix.en
        assert "extend()" in error.fix.da

    def test_a_wrong_entry_names_its_position(self) -> None:
        with pytest.raises(lm.WrongTypeError) as info:
            lm.Catalog(formats=[CAT.format("audit"), CAT.sector("hospital")])  # type: ignore[list-item]
        error = info.value
        assert (error.where, error.path) == ("Catalog", ("formats", 1))
        assert error.reason.en == "expected MeetingFormat, got Sector"
        assert error.reason.da == "forventede MeetingFormat, fik Sector"

    def test_an_unknown_code_says_how_to_add_one(self) -> None:
        with pytest.raises(lm.UnknownCodeError) as info:
            CAT.sector("zzzzzz")
        assert info.value.kind == "sector"
        assert "Catalog.extend()" in info.value.fix.en
        assert "Catalog.extend()" in info.value.fix.da
        assert "sektor" in info.value.reason.da


class TestExtendProperties:
    """extend() never changes the catalogue it is called on, and the entry given
    last for a code is the one looked up."""

    @given(st.lists(lst.professions(), max_size=4), st.lists(lst.sectors(), max_size=3))
    def test_the_last_entry_for_a_code_wins(
        self, professions: list[lm.Profession], sectors: list[lm.Sector]
    ) -> None:
        renamed = [
            attrs.evolve(p, label=lm.Label(da=f"{p.label.da} {n}", en=f"x {n}"))
            for n, p in enumerate(professions)
        ]
        mine = CAT.extend(professions=renamed, sectors=sectors)
        for profession in renamed:
            last = [p for p in renamed if p.code == profession.code][-1]
            assert mine.profession(profession.code) == last
        assert {p.code for p in mine.professions} == {p.code for p in CAT.professions}
        assert mine.sectors == CAT.sectors
        assert CAT == lm.DEFAULT_CATALOG
        assert CAT.profession("nurse").label.en == "nurse"
