"""Short reprs: a value prints what tells it apart, not every nested field."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest
from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.model._reprs import fields_shown, shown_fields
from support import sample_meeting


class TestKnownByCode:
    """Catalogue entries, units and people print as <Kind: code or id …>."""

    def test_the_catalogue_prints_its_counts_and_first_codes(self) -> None:
        shown = repr(lm.DEFAULT_CATALOG)
        assert shown.startswith("<Catalog: 14 professions (nurse, ")
        assert len(shown) < 250
        small = lm.Catalog(
            professions=lm.DEFAULT_CATALOG.professions[:1],
            sectors=lm.DEFAULT_CATALOG.sectors[:1],
            formats=lm.DEFAULT_CATALOG.formats[:1],
        )
        assert repr(small) == (
            "<Catalog: 1 professions (nurse), 1 sectors (hospital), "
            "1 formats (learning_meeting)>"
        )

    def test_entries_print_their_code(self) -> None:
        catalog = lm.DEFAULT_CATALOG
        assert repr(catalog.profession("nurse")) == "<Profession: nurse>"
        assert repr(catalog.sector("hospital")) == "<Sector: hospital>"
        assert repr(catalog.format("audit")) == "<MeetingFormat: audit>"

    def test_a_professional_prints_what_rules_read(self) -> None:
        meeting = sample_meeting()
        nurse = next(p for p in meeting.professionals if p.id == "p-1")
        assert repr(nurse) == (
            "<Professional: p-1 (nurse, hj, roles facilitator key_person)>"
        )
        assert repr(nurse.unit) == "<Unit: hj of k, area nord>"
        assert repr(nurse.unit.organisation) == "<Organisation: k (municipality)>"


class TestFieldsNotAtTheirDefault:
    """A meeting prints only the fields that differ from their default."""

    def test_defaults_are_left_out(self) -> None:
        meeting = sample_meeting()
        shown = repr(meeting)
        assert shown.startswith("Meeting(id=")
        assert "cohort=" not in shown
        assert "title=" not in shown
        assert "requirements" not in shown  # the format is shown by its code

    def test_a_changed_default_is_shown(self) -> None:
        meeting = attrs.evolve(sample_meeting(), title="Ugemøde")
        assert "title='Ugemøde'" in repr(meeting)
        assert ("title", "Ugemøde") in shown_fields(meeting)

    def test_requirements_print_what_they_ask(self) -> None:
        shown = repr(lm.DEFAULT_CATALOG.format("roadshow").requirements)
        assert shown == (
            "FormatRequirements(min_sectors=2, min_attendees=4, host_required=True, "
            "min_host_attendees=3, on_site=True)"
        )

    def test_a_default_made_by_a_factory(self) -> None:
        @fields_shown
        @attrs.frozen
        class Probe:
            tags: tuple[str, ...] = attrs.field(factory=tuple)
            size: int = attrs.Factory(lambda self: 0, takes_self=True)

        assert repr(Probe()) == "Probe()"
        assert repr(Probe(("a",), 2)) == "Probe(tags=('a',), size=2)"

    def test_equality_and_hash_are_unchanged(self) -> None:
        meeting = sample_meeting()
        again = attrs.evolve(meeting)
        assert again == meeting
        assert hash(again) == hash(meeting)
        assert attrs.evolve(meeting, duration=timedelta(hours=3)) != meeting


class TestAFailingExample:
    """A shrunk failing meeting prints a few dozen lines, not hundreds."""

    def test_hypothesis_prints_it_shortly(self) -> None:
        @settings(max_examples=50, database=None, derandomize=True)
        @given(lst.meetings(format="home_meeting"))
        def fails(meeting: lm.Meeting) -> None:
            assert len(meeting.attendees) < 4

        with pytest.raises(AssertionError) as caught:
            fails()
        printed = "\n".join(getattr(caught.value, "__notes__", []))
        assert "<MeetingFormat: home_meeting>" in printed
        assert "<Professional: " in printed
        assert len(printed.splitlines()) <= 40
