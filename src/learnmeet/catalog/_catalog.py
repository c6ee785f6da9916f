"""Catalogues: the professions, sectors and formats a program knows by code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from learnmeet.exceptions import InvalidValueError, Label, shown_all
from learnmeet.model._arguments import checked
from learnmeet.model._checks import each, instance_of, to_tuple
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._lookup import find
from learnmeet.model._people import Profession, Sector
from learnmeet.model._reprs import known_as

__all__ = ["Catalog"]

_HINT = Label(
    da="en egen kode skal først tilføjes kataloget med Catalog.extend()",
    en="add a code of your own to the catalogue first, with Catalog.extend()",
)
_WHAT = {
    "profession": Label(da="faggruppe", en="profession"),
    "sector": Label(da="sektor", en="sector"),
    "format": Label(da="mødeform", en="format"),
}

_T = TypeVar("_T", Profession, Sector, MeetingFormat)


def _index(items: Iterable[_T]) -> dict[str, _T]:
    return {item.code: item for item in items}


def _merge(old: Iterable[_T], new: Iterable[_T]) -> tuple[_T, ...]:
    merged = {item.code: item for item in old}
    merged.update((item.code, item) for item in new)
    return tuple(merged.values())


def _professions(items: Iterable[Profession]) -> tuple[Profession, ...]:
    return to_tuple(items)


def _sectors(items: Iterable[Sector]) -> tuple[Sector, ...]:
    return to_tuple(items)


def _formats(items: Iterable[MeetingFormat]) -> tuple[MeetingFormat, ...]:
    return to_tuple(items)


def _codes_shown(kind: str, items: tuple[Any, ...]) -> str:
    codes = [item.code for item in items[:3]]
    more = ", …" if len(items) > 3 else ""
    return f"{len(items)} {kind} ({', '.join(codes)}{more})"


def _catalog_shown(catalog: Catalog) -> str:
    return ", ".join(
        [
            _codes_shown("professions", catalog.professions),
            _codes_shown("sectors", catalog.sectors),
            _codes_shown("formats", catalog.formats),
        ]
    )


@known_as(_catalog_shown)
@attrs.frozen
class Catalog:
    """An immutable set of professions, sectors and meeting formats, by code.

    The built-in catalogue is :data:`learnmeet.DEFAULT_CATALOG`. Add your own
    entries without editing the library with :meth:`extend`, which returns a new
    catalogue and replaces entries that share a code:

    >>> from learnmeet import DEFAULT_CATALOG, Discipline, Label, Profession
    >>> music = Profession(
    ...     "music_therapist",
    ...     Label(da="musikterapeut", en="music therapist"),
    ...     Discipline.THERAPY,
    ... )
    >>> mine = DEFAULT_CATALOG.extend(professions=[music])
    >>> mine.profession("music_therapist").label.da
    'musikterapeut'

    An unknown code names the closest known ones:

    >>> mine.profession("nurce")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    learnmeet.exceptions.UnknownCodeError: Catalog.profession.code: ...'nurce'...

    .. versionadded:: 0.1.0
    """

    professions: tuple[Profession, ...] = attrs.field(
        default=(), converter=_professions, validator=each(instance_of(Profession))
    )
    sectors: tuple[Sector, ...] = attrs.field(
        default=(), converter=_sectors, validator=each(instance_of(Sector))
    )
    formats: tuple[MeetingFormat, ...] = attrs.field(
        default=(), converter=_formats, validator=each(instance_of(MeetingFormat))
    )
    _by_code: Mapping[str, Mapping[str, Any]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self,
            "_by_code",
            {
                "profession": _index(self.professions),
                "sector": _index(self.sectors),
                "format": _index(self.formats),
            },
        )
        for kind, items in (
            ("professions", self.professions),
            ("sectors", self.sectors),
            ("formats", self.formats),
        ):
            codes = [i.code for i in items]
            twice = sorted({c for c in codes if codes.count(c) > 1})
            if twice:
                them = shown_all(twice)
                raise InvalidValueError(
                    reason=Label(
                        da=f"koderne {them.da} står der mere end én gang",
                        en=f"the codes {them.en} are listed more than once",
                    ),
                    fix=Label(
                        da="skriv hver kode én gang; brug extend() for at "
                        "erstatte en post",
                        en="list each code once; use extend() to replace an entry",
                    ),
                    where="Catalog",
                    path=(kind,),
                )

    @checked
    def profession(self, code: str) -> Profession:
        """Return the profession with *code*.

        Raises:
            UnknownCodeError: No such profession; the closest codes are named.
        """
        found: Profession = find(
            "profession",
            code,
            self._by_code["profession"],
            what=_WHAT["profession"],
            hint=_HINT,
            where="Catalog.profession",
            argument="code",
        )
        return found

    @checked
    def sector(self, code: str) -> Sector:
        """Return the sector with *code*.

        Raises:
            UnknownCodeError: No such sector; the closest codes are named.
        """
        found: Sector = find(
            "sector",
            code,
            self._by_code["sector"],
            what=_WHAT["sector"],
            hint=_HINT,
            where="Catalog.sector",
            argument="code",
        )
        return found

    @checked
    def format(self, code: str) -> MeetingFormat:
        """Return the meeting format with *code*.

        Raises:
            UnknownCodeError: No such format; the closest codes are named.
        """
        found: MeetingFormat = find(
            "format",
            code,
            self._by_code["format"],
            what=_WHAT["format"],
            hint=_HINT,
            where="Catalog.format",
            argument="code",
        )
        return found

    @checked
    def extend(
        self,
        *,
        professions: Iterable[Profession] = (),
        sectors: Iterable[Sector] = (),
        formats: Iterable[MeetingFormat] = (),
    ) -> Catalog:
        """Return a new catalogue with these entries added (or replaced by code)."""
        return Catalog(
            professions=_merge(self.professions, professions),
            sectors=_merge(self.sectors, sectors),
            formats=_merge(self.formats, formats),
        )
