"""Strategies for catalogues: the built-in one, extended, or one of one's own.

A municipality's catalogue is rarely the built-in one as it is: it adds a
profession or a sector, changes a format's sizes, or keeps only the few
professions, sectors and formats it works with. :func:`catalogs` draws all
three kinds, each a valid :class:`~learnmeet.Catalog` (every code once, every
entry a value the model accepts).
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._arguments import checked
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._people import Discipline, Profession, Sector

__all__ = ["catalogs"]

_OWN_PROFESSIONS = (
    ("music_therapist", "musikterapeut", "music therapist", Discipline.THERAPY),
    ("speech_therapist", "logopæd", "speech therapist", Discipline.THERAPY),
    ("chaplain", "hospitalspræst", "hospital chaplain", Discipline.SPIRITUAL),
    ("dementia_nurse", "demenssygeplejerske", "dementia nurse", Discipline.NURSING),
)
_OWN_SECTORS = (
    ("private_home_care", "privat hjemmepleje", "private home care"),
    ("hospice", "hospice", "hospice"),
    ("pharmacy", "apotek", "pharmacy"),
)


def _profession(row: tuple[str, str, str, Discipline]) -> Profession:
    code, da, en, discipline = row
    return Profession(code, Label(da=da, en=en), discipline)


def _sector(row: tuple[str, str, str]) -> Sector:
    code, da, en = row
    return Sector(code, Label(da=da, en=en))


def _own_format(fmt: MeetingFormat) -> MeetingFormat:
    """A built-in format under a code of one's own, its requirements kept."""
    return attrs.evolve(
        fmt,
        code=f"own_{fmt.code}",
        label=Label(da=f"vores {fmt.label.da}", en=f"our {fmt.label.en}"),
    )


def _subset(
    items: tuple[object, ...], least: int, most: int
) -> SearchStrategy[list[int]]:
    return st.lists(
        st.integers(0, len(items) - 1), min_size=least, max_size=most, unique=True
    ).map(sorted)


@st.composite
def _extended(draw: st.DrawFn) -> Catalog:
    professions = [_profession(r) for r in _OWN_PROFESSIONS]
    sectors = [_sector(r) for r in _OWN_SECTORS]
    return DEFAULT_CATALOG.extend(
        professions=[professions[i] for i in draw(_subset(_OWN_PROFESSIONS, 0, 2))],
        sectors=[sectors[i] for i in draw(_subset(_OWN_SECTORS, 0, 1))],
        formats=[
            _own_format(DEFAULT_CATALOG.formats[i])
            for i in draw(_subset(DEFAULT_CATALOG.formats, 0, 1))
        ],
    )


@st.composite
def _small(draw: st.DrawFn) -> Catalog:
    builtin = DEFAULT_CATALOG
    own = [_profession(r) for r in _OWN_PROFESSIONS]
    professions = [
        builtin.professions[i] for i in draw(_subset(builtin.professions, 1, 3))
    ]
    professions += [own[i] for i in draw(_subset(_OWN_PROFESSIONS, 0, 1))]
    sectors = [builtin.sectors[i] for i in draw(_subset(builtin.sectors, 1, 2))]
    formats = [builtin.formats[i] for i in draw(_subset(builtin.formats, 1, 2))]
    if draw(st.booleans()):
        formats = [_own_format(f) for f in formats]
    return Catalog(professions=professions, sectors=sectors, formats=formats)


@checked
def catalogs() -> SearchStrategy[Catalog]:
    """Catalogues: the built-in one, extended, or a small one of one's own.

    A third each: :data:`~learnmeet.DEFAULT_CATALOG` itself; the built-in
    catalogue extended with up to two professions of one's own (a music
    therapist, a speech therapist …), a sector (a hospice …) and a built-in format
    under a code of one's own; or a small catalogue of one to four
    professions, one or two sectors and one or two formats, built-in or
    renamed:

    >>> small = find(lst.catalogs(), lambda c: len(c.formats) < 3)
    >>> [f.code for f in small.formats]
    ['learning_meeting']

    .. versionadded:: 0.4.0
    """
    return st.one_of(st.just(DEFAULT_CATALOG), _extended(), _small())
