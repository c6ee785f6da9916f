"""Who is at work: a professional's working pattern and absences.

A :class:`WorkingPattern` is the roster's week of one professional: the
shifts they work (a night shift crosses midnight), and days off. Part time is
fewer or shorter shifts. An :class:`Absence` is time away from a shift —
leave, sickness, a course — between two instants. Planning reads both
through :class:`~learnmeet.Availability`.

The helpers at the end work on stretches of time as pairs of microseconds
(:func:`~learnmeet.model._time.to_micros`), sorted and disjoint, as the
planner keeps them: :func:`intersect` what several people share,
:func:`subtract` what an absence takes away. Both walk their inputs once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta, timezone
from itertools import combinations
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import WorkingHours, week_spans
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    to_frozenset,
    to_tuple,
)
from learnmeet.model._labels import LabelledEnum
from learnmeet.model._time import COPENHAGEN, a_date, aware_datetime

__all__ = [
    "Absence",
    "AbsenceKind",
    "WorkingPattern",
    "intersect",
    "subtract",
]


class AbsenceKind(LabelledEnum):
    """Why a professional is away from work.

    .. versionadded:: 0.2.0
    """

    LEAVE = "leave", Label(da="ferie og orlov", en="leave")
    SICKNESS = "sickness", Label(da="sygdom", en="sickness")
    COURSE = "course", Label(da="kursus", en="course")
    OTHER = "other", Label(da="andet", en="other")


@attrs.frozen(kw_only=True)
class Absence:
    """A professional away from work from ``start`` to ``end``.

    The absence takes away whatever working time falls inside it; for whole
    days use :meth:`days`.

    Attributes:
        professional: The professional's id.
        start: When the absence begins, an aware datetime.
        end: When it ends, an aware datetime after ``start``.
        kind: Leave, sickness, a course or other.

    >>> Absence.days("p-001", date(2026, 7, 6), date(2026, 7, 24)).end.isoformat()
    '2026-07-25T00:00:00+02:00'

    .. versionadded:: 0.2.0
    """

    professional: str = attrs.field(validator=identifier)
    start: datetime = attrs.field(validator=aware_datetime)
    end: datetime = attrs.field(validator=aware_datetime)
    kind: AbsenceKind = attrs.field(
        default=AbsenceKind.LEAVE, validator=instance_of(AbsenceKind)
    )

    def __attrs_post_init__(self) -> None:
        # As instants: a wall-clock comparison ignores the autumn's fold.
        utc = timezone.utc
        if self.end.astimezone(utc) <= self.start.astimezone(utc):
            raise InvalidValueError(
                reason=Label(
                    da="fraværet skal slutte efter det begynder",
                    en="the absence must end after it starts",
                ),
                fix=Label(
                    da="giv en slutning efter begyndelsen, eller brug "
                    "Absence.days for hele dage",
                    en="give an end after the start, or use Absence.days for "
                    "whole days",
                ),
                where="Absence",
                path=("end",),
            )

    @classmethod
    @checked
    def days(
        cls,
        professional: str,
        first: date,
        last: date,
        kind: AbsenceKind = AbsenceKind.LEAVE,
        *,
        zone: ZoneInfo = COPENHAGEN,
    ) -> Absence:
        """The whole days *first* to *last* (both included), local time in *zone*.

        From midnight of *first* to midnight after *last*, so a night shift
        that starts the evening before *first* is cut at midnight.

        Raises:
            InvalidValueError: *last* is before *first*.
        """
        if last < first:
            raise InvalidValueError(
                reason=Label(
                    da="den sidste dag ligger før den første",
                    en="the last day is before the first",
                ),
                fix=Label(da="byt om på dagene", en="swap the days"),
                where="Absence.days",
                path=("last",),
            )
        return cls(
            professional=professional,
            start=datetime.combine(first, time(0), zone),
            end=datetime.combine(last + timedelta(days=1), time(0), zone),
            kind=kind,
        )


def _shifts(items: Iterable[WorkingHours]) -> tuple[WorkingHours, ...]:
    return to_tuple(items)


def _days_off(items: Iterable[date]) -> frozenset[date]:
    return to_frozenset(items)


def _apart(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[WorkingHours, ...]
) -> None:
    """Refuse shifts that overlap somewhere in the week (the night shift too)."""
    for (i, one), (j, other) in combinations(enumerate(value), 2):
        if next(intersect([week_spans(one), week_spans(other)]), None) is not None:
            raise InvalidValueError(
                reason=Label(
                    da=f"vagt {i} og vagt {j} overlapper",
                    en=f"shifts {i} and {j} overlap",
                ),
                fix=Label(
                    da="giv vagterne forskellige ugedage eller tider; en nattevagt "
                    "slutter dagen efter, den begynder",
                    en="give the shifts different weekdays or times; a night "
                    "shift ends the day after it starts",
                ),
                where=type(instance).__name__,
                path=(attribute.name, j),
            )


@attrs.frozen(kw_only=True)
class WorkingPattern:
    """The week one professional works: shifts, and days off.

    A professional with a pattern works its shifts instead of their unit's
    hours. Part time is fewer or shorter shifts; different hours on different
    weekdays are several shifts with different weekdays; a night shift
    (``WorkingHours(start=time(23), end=time(7))``) crosses midnight and
    belongs to the day it starts on.

    Attributes:
        professional: The professional's id.
        shifts: The shifts of the week; they never overlap.
        days_off: Days on which no shift starts (a night shift that started
            the evening before still ends).

    >>> night = WorkingHours(start=time(23), end=time(7), weekdays={0, 1, 2})
    >>> WorkingPattern(professional="p-001", shifts=[night]).shifts[0].overnight
    True

    .. versionadded:: 0.2.0
    """

    professional: str = attrs.field(validator=identifier)
    shifts: tuple[WorkingHours, ...] = attrs.field(
        converter=_shifts, validator=[each(instance_of(WorkingHours)), _apart]
    )
    days_off: frozenset[date] = attrs.field(
        default=frozenset(), converter=_days_off, validator=each(a_date)
    )


def intersect(
    streams: Sequence[Iterable[tuple[int, int]]],
) -> Iterator[tuple[int, int]]:
    """What all *streams* of sorted, disjoint ``[start, end)`` pairs share.

    Lazy, and one step per pair read: the stream whose pair ends first moves
    on. Joined streams (no two pairs touch) give a joined result.
    """
    readers = [iter(s) for s in streams]
    current = []
    for reader in readers:
        first = next(reader, None)
        if first is None:
            return
        current.append(first)
    while True:
        low = max(c[0] for c in current)
        high = min(c[1] for c in current)
        if low < high:
            yield low, high
        for i, (_, end) in enumerate(current):
            if end == high:
                following = next(readers[i], None)
                if following is None:
                    return
                current[i] = following


def subtract(
    stream: Iterable[tuple[int, int]], starts: Sequence[int], ends: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """*stream*'s pairs without the spans ``[starts[k], ends[k])``.

    Both are sorted and disjoint; each is walked once.
    """
    k, count = 0, len(starts)
    for low, high in stream:
        while k < count and ends[k] <= low:
            k += 1
        at, j = low, k
        while j < count and starts[j] < high:
            if starts[j] > at:
                yield at, starts[j]
            at = max(at, ends[j])
            j += 1
        if at < high:
            yield at, high
