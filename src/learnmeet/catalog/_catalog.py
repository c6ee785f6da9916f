"""Catalogues: the professions, sectors and formats a program knows by code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._lookup import find
from learnmeet.model._people import Profession, Sector

__all__ = ["Catalog"]

_HINT = (
    "a code of your own must be added to the catalogue first",
    "en egen kode skal først tilføjes kataloget",
)

_T = TypeVar("_T", Profession, Sector, MeetingFormat)


def _index(items: Iterable[_T], cls: type[_T], kind: str) -> dict[str, _T]:
    index: dict[str, _T] = {}
    for item in items:
        if not isinstance(item, cls):
            raise InvalidValueError(
                f"Catalog: expected a {cls.__name__} among the {kind}s, got "
                f"{type(item).__name__}",
                f"Catalog: forventede en {cls.__name__} blandt {kind}, fik "
                f"{type(item).__name__}",
                field=kind,
            )
        index[item.code] = item
    return index


def _merge(old: Iterable[_T], new: Iterable[_T]) -> tuple[_T, ...]:
    merged = {item.code: item for item in old}
    merged.update((item.code, item) for item in new)
    return tuple(merged.values())


def _professions(items: Iterable[Profession]) -> tuple[Profession, ...]:
    return tuple(items)


def _sectors(items: Iterable[Sector]) -> tuple[Sector, ...]:
    return tuple(items)


def _formats(items: Iterable[MeetingFormat]) -> tuple[MeetingFormat, ...]:
    return tuple(items)


@attrs.frozen
class Catalog:
    """An immutable set of professions, sectors and meeting formats, by code.

    The built-in catalogue is :data:`learnmeet.DEFAULT_CATALOG`. Add your own
    entries without editing the library with :meth:`extend`, which returns a new
    catalogue and replaces entries that share a code:

    >>> from learnmeet import DEFAULT_CATALOG, Discipline, Label, Profession
    >>> music = Profession("music_therapist", Label("musikterapeut", "music therapist"),
    ...                    Discipline.THERAPY)
    >>> mine = DEFAULT_CATALOG.extend(professions=[music])
    >>> mine.profession("music_therapist").label.da
    'musikterapeut'

    An unknown code names the closest known ones:

    >>> mine.profession("nurce")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    learnmeet.exceptions.UnknownCodeError: unknown profession code 'nurce'; ...

    .. versionadded:: 0.1.0
    """

    professions: tuple[Profession, ...] = attrs.field(
        default=(), converter=_professions
    )
    sectors: tuple[Sector, ...] = attrs.field(default=(), converter=_sectors)
    formats: tuple[MeetingFormat, ...] = attrs.field(default=(), converter=_formats)
    _by_code: Mapping[str, Mapping[str, Any]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(
            self,
            "_by_code",
            {
                "profession": _index(self.professions, Profession, "profession"),
                "sector": _index(self.sectors, Sector, "sector"),
                "format": _index(self.formats, MeetingFormat, "format"),
            },
        )
        for kind, items in (
            ("professions", self.professions),
            ("sectors", self.sectors),
            ("formats", self.formats),
        ):
            if len({i.code for i in items}) != len(items):
                raise InvalidValueError(
                    f"Catalog.{kind}: a code is listed twice",
                    f"Catalog.{kind}: en kode står der to gange",
                    field=kind,
                    fix="use extend() to replace an entry",
                )

    def profession(self, code: str) -> Profession:
        """Return the profession with *code*.

        Raises:
            UnknownCodeError: No such profession; the closest codes are named.
        """
        return find("profession", code, self._by_code["profession"], hint=_HINT)  # type: ignore[no-any-return]

    def sector(self, code: str) -> Sector:
        """Return the sector with *code*.

        Raises:
            UnknownCodeError: No such sector; the closest codes are named.
        """
        return find("sector", code, self._by_code["sector"], hint=_HINT)  # type: ignore[no-any-return]

    def format(self, code: str) -> MeetingFormat:
        """Return the meeting format with *code*.

        Raises:
            UnknownCodeError: No such format; the closest codes are named.
        """
        return find("format", code, self._by_code["format"], hint=_HINT)  # type: ignore[no-any-return]

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
