"""FHIR resource ids, identifiers and references made from learnmeet's ids."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from learnmeet.io._fhir_ids import (
    DEFAULT_SYSTEM_BASE,
    citizen_reference,
    identifier,
    identifier_system,
    reference,
    resource_id,
)

FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
IDS = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=200
)


class TestResourceId:
    """Every learnmeet id gives a valid FHIR id; ids that fit stay as they are."""

    def test_an_id_that_fits_is_kept(self) -> None:
        assert resource_id("m-2026-10-01.a") == "m-2026-10-01.a"

    def test_an_underscore_or_a_long_id_is_digested(self) -> None:
        assert resource_id("kopa_1").startswith("x-")
        assert resource_id("a" * 65).startswith("x-")
        assert resource_id("a" * 64) == "a" * 64

    @given(IDS)
    def test_always_a_valid_fhir_id(self, value: str) -> None:
        assert FHIR_ID.fullmatch(resource_id(value))

    @given(IDS, IDS)
    def test_two_ids_give_two_resource_ids(self, a: str, b: str) -> None:
        if a != b:
            assert resource_id(a) != resource_id(b)


class TestIdentifier:
    """The learnmeet id travels whole, under a system of its kind."""

    def test_default_and_own_base(self) -> None:
        assert identifier("meeting", "m_1") == {
            "system": f"{DEFAULT_SYSTEM_BASE}/meeting",
            "value": "m_1",
        }
        assert identifier_system("unit", "https://fhir.kommune.invalid/lm/") == (
            "https://fhir.kommune.invalid/lm/unit"
        )

    def test_reference_uses_the_resource_id(self) -> None:
        assert reference("Practitioner", "p_1") == {
            "reference": f"Practitioner/{resource_id('p_1')}"
        }
        assert reference("Location", "l-1", display="Sal A")["display"] == "Sal A"

    def test_a_citizen_is_a_logical_reference_by_pseudonym(self) -> None:
        ref = citizen_reference("c-9", "https://fhir.kommune.invalid")
        assert ref == {
            "type": "Patient",
            "identifier": {
                "system": "https://fhir.kommune.invalid/citizen",
                "value": "c-9",
            },
        }
        assert "reference" not in ref
