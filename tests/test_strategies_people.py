"""Strategies for people and where they work honour their parameters."""

from __future__ import annotations

import re

from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst

CAT = lm.DEFAULT_CATALOG
NORTH = lm.Area("nord", lm.Label(da="Nord", en="North"))
MUSIC = lm.Profession(
    "music_therapist",
    lm.Label(da="musikterapeut", en="music therapist"),
    lm.Discipline.THERAPY,
)
OWN = CAT.extend(professions=[MUSIC])


class TestProfessionals:
    """A professional is drawn of the profession, sector and area asked for."""

    @given(lst.professionals(profession=lm.DEFAULT_CATALOG.profession("priest")))
    def test_professionals(self, person: lm.Professional) -> None:
        assert person.profession.code == "priest"

    @given(lst.professionals(sector=CAT.sector("hospital"), area=NORTH))
    def test_sector_and_area(self, person: lm.Professional) -> None:
        assert person.sector == CAT.sector("hospital")
        assert person.unit.area == NORTH
        assert person.key == f"professional:{person.id}"

    @settings(max_examples=60)
    @given(lst.professionals(catalog=OWN))
    def test_professions_come_from_the_catalogue(self, person: lm.Professional) -> None:
        assert person.profession in OWN.professions


class TestPlaces:
    """Organisations and units are in the sector and area asked for."""

    @given(lst.organisations(sector=CAT.sector("general_practice")))
    def test_organisations(self, organisation: lm.Organisation) -> None:
        assert organisation.sector.code == "general_practice"

    @given(lst.units(area=NORTH))
    def test_units(self, unit: lm.Unit) -> None:
        assert unit.area == NORTH
        assert unit.sector is unit.organisation.sector

    @given(lst.areas())
    def test_areas_are_bilingual(self, area: lm.Area) -> None:
        assert area.label.da.startswith("Område ")
        assert area.label.en.startswith("Area ")


class TestCitizensAndRelatives:
    """Citizens are pseudonyms that never look like a CPR number; a relative
    belongs to the citizen given."""

    @given(lst.citizens())
    def test_pseudonyms(self, citizen: lm.Citizen) -> None:
        assert re.fullmatch(r"B-\d{4}", citizen.pseudonym)
        assert not lm.looks_like_cpr(citizen.pseudonym)

    @given(lst.relatives(lm.Citizen("B-017")))
    def test_relatives_of_the_citizen_given(self, relative: lm.Relative) -> None:
        assert relative.citizen == "B-017"
        assert relative.id.startswith("B-017-R")


class TestLabels:
    """A label has a non-blank text in each language."""

    @given(lst.labels())
    def test_both_texts(self, label: lm.Label) -> None:
        assert label.da.strip()
        assert label.en.strip()
