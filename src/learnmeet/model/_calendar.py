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
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import attrs
from dateutil.easter import easter

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked, expect_count
from learnmeet.model._checks import each, instance_of, refuse, to_frozenset
from learnmeet.model._labels import Label
from learnmeet.model._time import FIRST_YEAR, LAST_YEAR, a_date

__all__ = ["Holiday", "WorkingHours", "danish_holidays"]

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
    """When a unit works: from ``start`` to ``end`` local time on ``weekdays``.

    The hours are read in the zone of the times asked about, so pass them in
    the unit's zone. Units that work around the clock can use 00:00 to 23:59
    on every weekday.

    Attributes:
        start: When the working day begins, local time.
        end: When it ends, local time.
        weekdays: The days worked, Monday 0 to Sunday 6.

    >>> from zoneinfo import ZoneInfo
    >>> cph = ZoneInfo("Europe/Copenhagen")
    >>> hours = WorkingHours()
    >>> monday = datetime(2026, 3, 2, 9, tzinfo=cph)
    >>> hours.covers(monday, monday.replace(hour=10))
    True

    .. versionadded:: 0.1.0
    """

    start: time = attrs.field(default=time(8), validator=instance_of(time))
    end: time = attrs.field(default=time(16), validator=instance_of(time))
    weekdays: frozenset[int] = attrs.field(
        default=frozenset(range(5)), converter=_weekdays, validator=each(_weekday)
    )

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidValueError(
                reason=Label(
                    da="arbejdsdagen skal slutte efter den begynder",
                    en="the working day must end after it starts",
                ),
                fix=Label(
                    da="giv en slutning efter begyndelsen, fx 08:00 til 16:00",
                    en="give an end later than the start, e.g. 08:00 to 16:00",
                ),
                where="WorkingHours",
                path=("end",),
            )

    @checked
    def covers(self, start: datetime, end: datetime) -> bool:
        """Tell whether *start* to *end* lies within one working day.

        The times are compared as instants against the working day in
        *start*'s zone, so the repeated hour at the end of summer time counts
        right.

        Raises:
            NaiveDatetimeError: A time has no zone.

        .. versionchanged:: 0.2.0 Aware times only, as everywhere else.
        """
        if start.date() != end.date() or start.weekday() not in self.weekdays:
            return False
        opens = datetime.combine(start.date(), self.start, tzinfo=start.tzinfo)
        shuts = datetime.combine(start.date(), self.end, tzinfo=start.tzinfo)
        utc = timezone.utc
        return opens.astimezone(utc) <= start.astimezone(utc) and end.astimezone(
            utc
        ) <= shuts.astimezone(utc)
