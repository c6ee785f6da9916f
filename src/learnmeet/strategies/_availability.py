"""Strategies for who is at work: hours and shifts, patterns, absences, availability.

Shifts cross midnight now and then, as night shifts do; a pattern's shifts
never overlap, and absences last from an hour to three weeks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.model._arguments import checked
from learnmeet.model._availability import (
    Absence,
    AbsenceKind,
    WorkingPattern,
    intersect,
)
from learnmeet.model._calendar import (
    Holiday,
    WorkingHours,
    danish_holidays,
    week_spans,
)
from learnmeet.model._time import COPENHAGEN
from learnmeet.planning._slots import Availability
from learnmeet.strategies._common import _code, _days, _later

__all__ = [
    "absences",
    "availabilities",
    "holidays",
    "working_hours",
    "working_patterns",
]


@checked
def working_hours(*, overnight: bool | None = None) -> SearchStrategy[WorkingHours]:
    """Working hours or shifts of one to twelve whole hours, on some weekdays.

    >>> shift = find(lst.working_hours(overnight=True), lambda _: True, settings=quick)
    >>> shift.overnight, shift.end < shift.start, 1 <= len(shift.weekdays) <= 7
    (True, True, True)

    Args:
        overnight: ``True`` for shifts across midnight only, ``False`` for
            hours that end the day they start, ``None`` for either.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Shifts across midnight, and *overnight*.
    """

    def build(start: int, length: int, days: frozenset[int]) -> WorkingHours:
        return WorkingHours(
            start=time(start), end=time((start + length) % 24), weekdays=days
        )

    starts = {
        None: st.integers(0, 23),
        False: st.integers(0, 12),
        True: st.integers(13, 23),
    }[overnight]
    found = st.builds(
        build,
        starts,
        st.integers(1, 12),
        st.frozensets(st.integers(0, 6), min_size=1),
    )
    if overnight is None:
        return found
    return found.filter(lambda h: h.overnight is overnight)


def _apart(shifts: Sequence[WorkingHours], shift: WorkingHours) -> bool:
    return all(
        next(intersect([week_spans(s), week_spans(shift)]), None) is None
        for s in shifts
    )


@st.composite
def _patterns(draw: st.DrawFn, professional: str | None) -> WorkingPattern:
    kept: list[WorkingHours] = []
    for shift in draw(st.lists(working_hours(), min_size=1, max_size=3)):
        if _apart(kept, shift):
            kept.append(shift)
    return WorkingPattern(
        professional=professional if professional is not None else draw(_code("p")),
        shifts=kept,
        days_off=draw(st.frozensets(_days(), max_size=3)),
    )


@checked
def working_patterns(
    *, professional: str | None = None
) -> SearchStrategy[WorkingPattern]:
    """Working patterns of one to three shifts that never overlap, a few days off.

    >>> pattern = find(
    ...     lst.working_patterns(professional="p-0003"), lambda _: True, settings=quick
    ... )
    >>> pattern.professional, 1 <= len(pattern.shifts) <= 3, len(pattern.days_off) <= 3
    ('p-0003', True, True)

    Args:
        professional: The professional's id; by default a synthetic one.

    .. versionadded:: 0.2.0
    """
    return _patterns(professional)


_MOMENTS = st.datetimes(
    min_value=datetime(2024, 1, 1),
    max_value=datetime(2030, 12, 31),
    timezones=st.just(COPENHAGEN),
    allow_imaginary=False,
).map(lambda d: d.replace(second=0, microsecond=0))


@st.composite
def _absences(draw: st.DrawFn, professional: str | None) -> Absence:
    who = professional if professional is not None else draw(_code("p"))
    kind = draw(st.sampled_from(AbsenceKind))
    if draw(st.booleans()):
        first: date = draw(_days())
        last = first + timedelta(days=draw(st.integers(0, 20)))
        return Absence.days(who, first, last, kind)
    start = draw(_MOMENTS)
    return Absence(
        professional=who,
        start=start,
        end=_later(start, draw(st.integers(60, 14 * 24 * 60))),
        kind=kind,
    )


@checked
def absences(*, professional: str | None = None) -> SearchStrategy[Absence]:
    """Absences of an hour to three weeks, of any kind, in Copenhagen time.

    >>> absence = find(
    ...     lst.absences(professional="p-0007"), lambda _: True, settings=quick
    ... )
    >>> absence.professional, absence.start < absence.end
    ('p-0007', True)
    >>> absence.start.tzinfo.key, absence.end.tzinfo.key
    ('Europe/Copenhagen', 'Europe/Copenhagen')

    Args:
        professional: The professional's id; by default a synthetic one.

    .. versionadded:: 0.2.0
    """
    return _absences(professional)


@st.composite
def _availabilities(draw: st.DrawFn) -> Availability:
    people = draw(st.lists(_code("p"), min_size=1, max_size=4, unique=True))
    return Availability(
        patterns=[
            draw(working_patterns(professional=p))
            for p in people
            if draw(st.booleans())
        ],
        absences=[
            draw(absences(professional=p))
            for p in people
            for _ in range(draw(st.integers(0, 2)))
        ],
        hours=draw(st.none() | working_hours()),
    )


@checked
def availabilities() -> SearchStrategy[Availability]:
    """Availabilities of up to four professionals: some patterns, some absences.

    >>> free = find(lst.availabilities(), lambda _: True, settings=quick)
    >>> isinstance(free, lm.Availability)
    True

    .. versionadded:: 0.2.0
    """
    return _availabilities()


@checked
def holidays(*, years: Sequence[int] = range(2025, 2031)) -> SearchStrategy[Holiday]:
    """Danish public holidays and customary days off of one of *years*.

    What :func:`learnmeet.danish_holidays` returns (with ``customary=True``):
    the official holidays (Easter, Whitsun, Christmas …) and the customary
    days off (Constitution Day, Christmas Eve, New Year's Eve).

    >>> day_off = find(lst.holidays(years=[2026]), lambda h: not h.official)
    >>> day_off.label.en in {"Constitution Day", "Christmas Eve", "New Year's Eve"}
    True

    Args:
        years: The years to draw from (by default 2025 to 2030), each one
            :func:`~learnmeet.danish_holidays` takes.

    .. versionadded:: 0.4.0
    """
    return st.sampled_from(list(years)).flatmap(
        lambda year: st.sampled_from(danish_holidays(year, customary=True))
    )
