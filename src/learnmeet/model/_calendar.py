"""The Danish calendar of work: public holidays and working hours.

The public holidays (helligdage) are those of the Danish holiday act: New
Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension
Day, Whit Sunday and Monday, Christmas Day and Boxing Day, and General Prayer
Day (Store Bededag) up to and including 2023, when it was abolished as a public
holiday. The moveable feasts are computed from Easter with
:func:`dateutil.easter.easter`.

Constitution Day (5 June), Christmas Eve and New Year's Eve are not public
holidays, but most public employers give them off; ask for them with
``customary=True``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from dateutil.easter import easter

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked, expect_count
from learnmeet.model._checks import each, instance_of, refuse, to_frozenset
from learnmeet.model._labels import Label
from learnmeet.model._time import (
    FIRST_YEAR,
    LAST_YEAR,
    a_date,
    from_micros,
    to_micros,
)

__all__ = [
    "Holiday",
    "WorkingHours",
    "danish_holidays",
    "shift_stretches",
    "week_spans",
]

_LAST_PRAYER_DAY = 2023


@attrs.frozen
class Holiday:
    """A day off: its date, its name, and whether it is an official holiday.

    Attributes:
        day: The date of the day off.
        label: Its name in Danish and English.
        official: Whether it is an official public holiday (not a customary
            day off).

    .. versionadded:: 0.1.0
    """

    day: date = attrs.field(validator=a_date)
    label: Label = attrs.field(validator=instance_of(Label))
    official: bool = attrs.field(default=True, validator=instance_of(bool))


@checked
def danish_holidays(year: int, *, customary: bool = False) -> tuple[Holiday, ...]:
    """Return the Danish public holidays of *year*, in date order.

    >>> [h.label.da for h in danish_holidays(2024)][:4]
    ['nytårsdag', 'skærtorsdag', 'langfredag', 'påskedag']
    >>> any(h.label.da == "store bededag" for h in danish_holidays(2024))
    False

    Args:
        year: Any year from :data:`FIRST_YEAR` to :data:`LAST_YEAR`.
        customary: Also return the customary days off that are not public
            holidays: Constitution Day, Christmas Eve and New Year's Eve
            (``official`` is ``False`` on those).

    Raises:
        WrongTypeError: *year* is not an ``int``, or *customary* not a ``bool``.
        InvalidValueError: *year* is out of range.

    .. versionadded:: 0.1.0
    """
    expect_count(
        year, where="danish_holidays", name="year", least=FIRST_YEAR, most=LAST_YEAR
    )
    sunday = easter(year)

    def moveable(days: int, *, da: str, en: str) -> Holiday:
        return Holiday(sunday + timedelta(days=days), Label(da=da, en=en))

    days = [
        Holiday(date(year, 1, 1), Label(da="nytårsdag", en="New Year's Day")),
        moveable(-3, da="skærtorsdag", en="Maundy Thursday"),
        moveable(-2, da="langfredag", en="Good Friday"),
        moveable(0, da="påskedag", en="Easter Sunday"),
        moveable(1, da="2. påskedag", en="Easter Monday"),
        moveable(39, da="kristi himmelfartsdag", en="Ascension Day"),
        moveable(49, da="pinsedag", en="Whit Sunday"),
        moveable(50, da="2. pinsedag", en="Whit Monday"),
        Holiday(date(year, 12, 25), Label(da="juledag", en="Christmas Day")),
        Holiday(date(year, 12, 26), Label(da="2. juledag", en="Boxing Day")),
    ]
    if year <= _LAST_PRAYER_DAY:
        days.append(moveable(26, da="store bededag", en="General Prayer Day"))
    if customary:
        days += [
            Holiday(
                date(year, 6, 5), Label(da="grundlovsdag", en="Constitution Day"), False
            ),
            Holiday(
                date(year, 12, 24), Label(da="juleaftensdag", en="Christmas Eve"), False
            ),
            Holiday(
                date(year, 12, 31),
                Label(da="nytårsaftensdag", en="New Year's Eve"),
                False,
            ),
        ]
    return tuple(sorted(days, key=lambda h: h.day))


@functools.lru_cache(maxsize=64)
def holiday_days(first_year: int, last_year: int) -> frozenset[date]:
    """The days of the Danish public holidays from *first_year* to *last_year*.

    What planning closes by default; worked out once per span of years.
    """
    return frozenset(
        h.day
        for year in range(first_year, last_year + 1)
        for h in danish_holidays(year)
    )


def _weekdays(days: Iterable[int]) -> frozenset[int]:
    return to_frozenset(days)


def _weekday(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="forventede ugedage som tal fra 0 (mandag) til 6 (søndag)",
                en="expected weekday numbers 0 (Monday) to 6 (Sunday)",
            ),
            fix=Label(
                da="brug fx {0, 1, 2, 3, 4} for mandag til fredag",
                en="use e.g. {0, 1, 2, 3, 4} for Monday to Friday",
            ),
            file_fix=Label(
                da="skriv fx weekdays = [0, 1, 2, 3, 4] for mandag til fredag",
                en="write e.g. weekdays = [0, 1, 2, 3, 4] for Monday to Friday",
            ),
        )


@attrs.frozen(kw_only=True)
class WorkingHours:
    """A working day or a shift: from ``start`` to ``end`` local time on ``weekdays``.

    A shift whose ``end`` is not after its ``start`` ends the next day: a
    night shift is ``start=time(23), end=time(7)``, an evening shift to
    midnight ``start=time(15), end=time(0)``. ``weekdays`` are the days a
    shift *starts* on, so the night shift of Friday ends on Saturday morning.

    The hours are read in the zone of the times asked about, so pass them in
    the unit's zone; a night shift across a change of summer time is an hour
    longer or shorter, as the clock on the wall says. Units that work around
    the clock can use 00:00 to 23:59 on every weekday.

    Attributes:
        start: When the working day or shift begins, local time.
        end: When it ends, local time; the next day if not after ``start``.
        weekdays: The days a shift starts on, Monday 0 to Sunday 6.

    >>> from zoneinfo import ZoneInfo
    >>> cph = ZoneInfo("Europe/Copenhagen")
    >>> hours = WorkingHours()
    >>> monday = datetime(2026, 3, 2, 9, tzinfo=cph)
    >>> hours.covers(monday, monday.replace(hour=10))
    True
    >>> night = WorkingHours(start=time(23), end=time(7))
    >>> late = monday.replace(hour=23, minute=30)
    >>> night.covers(late, late + timedelta(hours=2))
    True

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 A shift may cross midnight.
    """

    start: time = attrs.field(default=time(8), validator=instance_of(time))
    end: time = attrs.field(default=time(16), validator=instance_of(time))
    weekdays: frozenset[int] = attrs.field(
        default=frozenset(range(5)), converter=_weekdays, validator=each(_weekday)
    )

    def __attrs_post_init__(self) -> None:
        if self.end == self.start:
            raise InvalidValueError(
                reason=Label(
                    da="en vagt kan ikke begynde og slutte på samme klokkeslæt",
                    en="a shift cannot start and end at the same time of day",
                ),
                fix=Label(
                    da="giv en slutning efter begyndelsen, fx 08:00 til 16:00, "
                    "eller før den for en vagt over midnat, fx 23:00 til 07:00",
                    en="give an end after the start, e.g. 08:00 to 16:00, or "
                    "before it for a shift across midnight, e.g. 23:00 to 07:00",
                ),
                where="WorkingHours",
                path=("end",),
            )

    @property
    def overnight(self) -> bool:
        """Whether a shift ends the day after it starts (it crosses midnight).

        .. versionadded:: 0.2.0
        """
        return self.end <= self.start

    @checked
    def covers(self, start: datetime, end: datetime) -> bool:
        """Tell whether *start* to *end* lies within one working day or shift.

        The times are compared as instants against the shifts that start on
        *start*'s local day (and, for a shift across midnight, the day
        before), in *start*'s zone, so the repeated hour at the end of summer
        time counts right.

        Raises:
            NaiveDatetimeError: A time has no zone.

        .. versionchanged:: 0.2.0 Aware times only, as everywhere else.
        .. versionchanged:: 0.2.0 A shift across midnight covers the night.
        """
        utc = timezone.utc
        low, high = start.astimezone(utc), end.astimezone(utc)
        zone = start.tzinfo
        day = start.date()
        for first in (day - _ONE_DAY, day) if self.overnight else (day,):
            if first.weekday() not in self.weekdays:
                continue
            last = first + _ONE_DAY if self.overnight else first
            opens = datetime.combine(first, self.start, tzinfo=zone)
            shuts = datetime.combine(last, self.end, tzinfo=zone)
            if opens.astimezone(utc) <= low and high <= shuts.astimezone(utc):
                return True
        return False


_ONE_DAY = timedelta(days=1)


_DAY_MICROS = 86_400_000_000
_WEEK_MICROS = 7 * _DAY_MICROS


def _of_day(moment: time) -> int:
    """*moment* as microseconds since midnight."""
    return (
        (moment.hour * 60 + moment.minute) * 60 + moment.second
    ) * 1_000_000 + moment.microsecond


def week_spans(hours: WorkingHours) -> list[tuple[int, int]]:
    """The shifts of *hours* on the wall clock of one week, sorted and disjoint.

    Each is ``[start, end)`` in microseconds from Monday 00:00; Sunday's night
    shift wraps into Monday morning as a second piece. What two sets of hours
    have in common on the wall clock is what they can ever have in common, so
    intersecting these tells cheaply whether two shifts ever meet, and
    whether shifts of one person overlap.
    """
    opens = _of_day(hours.start)
    length = (_of_day(hours.end) - opens) % _DAY_MICROS
    spans = []
    for day in hours.weekdays:
        start = day * _DAY_MICROS + opens
        end = start + length
        if end > _WEEK_MICROS:
            spans += [(start, _WEEK_MICROS), (0, end - _WEEK_MICROS)]
        else:
            spans.append((start, end))
    return sorted(spans)


def shift_stretches(
    shifts: Sequence[WorkingHours],
    low: int,
    high: int,
    closed: frozenset[date],
    zone: ZoneInfo,
) -> Iterator[tuple[int, int]]:
    """The working time of *shifts* within ``[low, high)``, lazily, in order.

    Instants are microseconds (:func:`~learnmeet.model._time.to_micros`);
    each shift that starts on a day of its weekdays that is not *closed* is
    read in *zone* and cut to the window. The shifts must not overlap one
    another, as those of a :class:`~learnmeet.WorkingPattern` do not; then
    the stretches come in order, and touching ones (a day shift followed by
    the night shift) are joined. One step per day of the window.
    """
    ordered = sorted(shifts, key=lambda h: h.start)
    day = from_micros(low, zone).date()
    if any(h.overnight for h in ordered):
        day -= _ONE_DAY
    last = from_micros(high, zone).date()
    if len(ordered) == 1:
        # Less than a day long, one shift never touches its next: no joining,
        # and each stretch is handed out the day it is found.
        (hours,) = ordered
        starts, weekdays, late = hours.start, hours.weekdays, hours.end
        later = _ONE_DAY if hours.overnight else timedelta(0)
        while day <= last:
            if day.weekday() in weekdays and day not in closed:
                opens = max(to_micros(datetime.combine(day, starts, zone)), low)
                shuts = min(to_micros(datetime.combine(day + later, late, zone)), high)
                if opens < shuts:
                    yield opens, shuts
            day += _ONE_DAY
        return
    held: tuple[int, int] | None = None
    while day <= last:
        if day not in closed:
            weekday = day.weekday()
            for hours in ordered:
                if weekday not in hours.weekdays:
                    continue
                ends = day + _ONE_DAY if hours.overnight else day
                opens = max(to_micros(datetime.combine(day, hours.start, zone)), low)
                shuts = min(to_micros(datetime.combine(ends, hours.end, zone)), high)
                if opens >= shuts:
                    continue
                if held is not None and opens <= held[1]:
                    held = (held[0], max(held[1], shuts))
                    continue
                if held is not None:
                    yield held
                held = (opens, shuts)
        day += _ONE_DAY
    if held is not None:
        yield held
