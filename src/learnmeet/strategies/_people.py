"""Strategies for people and where they work."""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._people import (
    Area,
    Citizen,
    Organisation,
    Profession,
    Professional,
    Relation,
    Relative,
    Sector,
    StaffRole,
    Unit,
)
from learnmeet.strategies._common import _TEXT, _WORDS, _code


def labels() -> SearchStrategy[Label]:
    """Labels with non-blank Danish and English texts.

    .. versionadded:: 0.1.0
    """
    return st.builds(Label, da=_TEXT, en=_TEXT)


def professions(catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Profession]:
    """Professions from *catalog* (the built-in ones by default).

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(catalog.professions)


def sectors(catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Sector]:
    """Sectors from *catalog*.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(catalog.sectors)


def meeting_formats(
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[MeetingFormat]:
    """Meeting formats from *catalog*.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(catalog.formats)


def areas() -> SearchStrategy[Area]:
    """Municipal areas with a short code and a bilingual name.

    .. versionadded:: 0.1.0
    """
    return _WORDS.map(lambda w: Area(w, Label(da=f"Område {w}", en=f"Area {w}")))


def organisations(
    *, sector: Sector | None = None, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Organisation]:
    """Organisations in *sector* (any sector of *catalog* by default).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda s, n: Organisation(f"org-{s.code}-{n}", f"Eksempel {s.label.da} {n}", s),
        st.just(sector) if sector is not None else sectors(catalog),
        st.integers(min_value=1, max_value=9),
    )


def units(
    *,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Unit]:
    """Units of an organisation, in *area* if given (else any area or none).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda org, a: Unit(
            id=f"unit-{org.id}", name=f"Enhed, {org.name}", organisation=org, area=a
        ),
        organisations(sector=sector, catalog=catalog),
        st.just(area) if area is not None else st.none() | areas(),
    )


def professionals(
    *,
    profession: Profession | None = None,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Professional]:
    """Professionals, optionally of one profession, sector or area.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda id, prof, unit, roles, courses, name: Professional(
            id=id,
            profession=prof,
            unit=unit,
            roles=roles,
            completed_courses=courses,
            display_name=name,
        ),
        _code("p"),
        st.just(profession) if profession is not None else professions(catalog),
        units(sector=sector, area=area, catalog=catalog),
        st.frozensets(st.sampled_from(StaffRole)),
        st.frozensets(st.sampled_from(["palliation_mono", "demens", "lindring"])),
        st.just("") | _TEXT,
    )


def citizens() -> SearchStrategy[Citizen]:
    """Citizens known by a pseudonym such as ``B-0017``.

    .. versionadded:: 0.1.0
    """
    return _code("B").map(Citizen)


def relatives(citizen: Citizen | None = None) -> SearchStrategy[Relative]:
    """Relatives of *citizen* (of a generated citizen by default).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda c, n, rel: Relative(
            id=f"{c.pseudonym}-R{n}", citizen=c.pseudonym, relation=rel
        ),
        st.just(citizen) if citizen is not None else citizens(),
        st.integers(min_value=1, max_value=9),
        st.sampled_from(Relation),
    )
