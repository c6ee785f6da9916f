"""The converter: strict primitives, catalogue entries by code, used directly."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs
import pytest

import learnmeet as lm
from support import read_problems, sample_meeting

CPH = lm.COPENHAGEN
CAT = lm.DEFAULT_CATALOG


class TestCatalogueCodes:
    """Catalogue entries are written as codes; anything else in full."""

    def test_builtin_entries_are_codes(self) -> None:
        document = lm.to_dict(sample_meeting())
        included = document["included"]
        assert document["data"]["format"] == "home_meeting"
        assert included["professionals"]["p-1"]["profession"] == "nurse"
        assert included["cases"]["c-1"]["transitions"][0]["from_sector"] == "hospital"

    def test_a_changed_format_is_written_in_full_and_comes_back(self) -> None:
        stricter = attrs.evolve(
            CAT.format("home_meeting"),
            requirements=attrs.evolve(
                CAT.format("home_meeting").requirements, max_attendees=5
            ),
        )
        meeting = attrs.evolve(sample_meeting(), format=stricter)
        data = lm.to_dict(meeting)["data"]
        assert data["format"]["requirements"]["max_attendees"] == 5
        assert lm.from_dict(lm.Meeting, lm.to_dict(meeting)) == meeting

    def test_own_catalogue_codes(self) -> None:
        music = lm.Profession(
            "music_therapist",
            lm.Label(da="musikterapeut", en="music therapist"),
            lm.Discipline.THERAPY,
        )
        mine = CAT.extend(professions=[music])
        prof = lm.Professional(
            id="p-9",
            profession=music,
            unit=sample_meeting().professionals[0].unit,
        )
        document = lm.to_dict(prof, catalog=mine)
        assert document["data"]["profession"] == "music_therapist"
        assert lm.from_dict(lm.Professional, document, catalog=mine) == prof
        errors = read_problems(lm.Professional, document)
        assert len(errors) == 1
        assert errors[0].startswith(
            "$.profession: unknown profession code 'music_therapist'"
        )
        assert "to the catalogue first" in errors[0]


class TestUsedDirectly:
    """``make_converter()`` embeds learnmeet values in a format of one's own:
    strict as the reader is, one converter per catalogue."""

    @pytest.mark.parametrize(
        ("value", "cls"),
        [("5", int), (5, str), (1, bool), ("1.5", float), (True, int), (None, str)],
    )
    def test_no_primitive_is_coerced(self, value: object, cls: type[Any]) -> None:
        converter = lm.make_converter()
        with pytest.raises(Exception) as caught:  # noqa: PT011  # cattrs wraps it
            converter.structure(value, cls)
        assert isinstance(caught.value, lm.InvalidValueError) or any(
            isinstance(e, lm.InvalidValueError)
            for e in getattr(caught.value, "exceptions", ())
        )

    def test_one_converter_per_catalogue(self) -> None:
        assert lm.make_converter() is lm.make_converter(catalog=CAT)
        mine = CAT.extend(
            professions=[
                lm.Profession(
                    "music_therapist",
                    lm.Label(da="musikterapeut", en="music therapist"),
                    lm.Discipline.THERAPY,
                )
            ]
        )
        assert lm.make_converter(catalog=mine) is not lm.make_converter()

    def test_a_datetime_in_its_wire_form(self) -> None:
        converter = lm.make_converter()
        start = sample_meeting().start
        text = converter.unstructure(start)
        assert text == "2026-03-03T10:00:00+01:00[Europe/Copenhagen]"
        assert converter.structure(text, datetime) == start
