"""Strategies for catalogues: the built-in one, extended, or a small one."""

from __future__ import annotations

from hypothesis import given, settings

import learnmeet as lm
from learnmeet import strategies as lst


class TestCatalogs:
    """Each catalogue is valid: its codes once each, its entries found by code."""

    @given(lst.catalogs())
    def test_entries_are_found_by_their_code(self, catalog: lm.Catalog) -> None:
        assert catalog.professions
        assert catalog.sectors
        assert catalog.formats
        for fmt in catalog.formats:
            assert catalog.format(fmt.code) is fmt
        for profession in catalog.professions:
            assert catalog.profession(profession.code) is profession

    @given(lst.catalogs())
    def test_small_catalogues_are_small(self, catalog: lm.Catalog) -> None:
        if len(catalog.formats) < len(lm.DEFAULT_CATALOG.formats):
            assert len(catalog.professions) <= 4
            assert len(catalog.sectors) <= 2
            assert len(catalog.formats) <= 2
        else:
            for fmt in lm.DEFAULT_CATALOG.formats:
                assert catalog.format(fmt.code) == fmt

    def test_all_three_kinds_come_up(self) -> None:
        kinds: set[str] = set()

        @settings(max_examples=60, database=None)
        @given(lst.catalogs())
        def check(catalog: lm.Catalog) -> None:
            if catalog is lm.DEFAULT_CATALOG:
                kinds.add("built-in")
            elif len(catalog.formats) >= len(lm.DEFAULT_CATALOG.formats):
                kinds.add("extended")
            else:
                kinds.add("small")

        check()
        assert kinds == {"built-in", "extended", "small"}
