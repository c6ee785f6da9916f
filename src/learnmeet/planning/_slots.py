"""Common free time: when can these people meet?

:func:`find_slots` is a sort-and-sweep: every busy interval of every person is
sorted once by start (``n log n`` in the number of intervals) and swept against
the working days of the window (public holidays and weekends left out), so the
cost grows no faster than ``n log n``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model import (
    COPENHAGEN,
    Meeting,
    MeetingStatus,
    Professional,
    WorkingHours,
    danish_holidays,
)
from learnmeet.model._checks import aware_datetime

__all__ = ["Interval", "busy_from_meetings", "find_slots", "free_time"]

_UTC = timezone.utc


@attrs.frozen
class Interval:
    """A half-open stretch of time ``[start, end)`` between two aware instants.

    .. versionadded:: 0.1.0
    """

    start: datetime = attrs.field(validator=aware_datetime)
    end: datetime = attrs.field(validator=aware_datetime)

    def __attrs_post_init__(self) -> None:
        # In UTC: Python compares two times of one zone on the wall clock and
        # ignores fold, which gets the repeated autumn hour wrong.
        if self.end.astimezone(_UTC) <= self.start.astimezone(_UTC):
            raise InvalidValueError(
                "Interval.end: an interval must end after it starts",
                "Interval.end: et interval skal slutte efter det begynder",
                field="end",
                fix="swap start and end, or give a positive length",
            )

    @property
    def duration(self) -> timedelta:
        """The elapsed time from start to end."""
        return self.end.astimezone(_UTC) - self.start.astimezone(_UTC)


Busy = Mapping[str, Iterable[Interval | tuple[datetime, datetime]]]
"""Busy time by person key (e.g. ``"professional:p-001"``)."""


def _key(person: Professional | str) -> str:
    return person if isinstance(person, str) else person.key


def busy_from_meetings(meetings: Iterable[Meeting]) -> dict[str, list[Interval]]:
    """Collect each attendee's busy time from meetings that are not cancelled.

    .. versionadded:: 0.1.0
    """
    busy: dict[str, list[Interval]] = {}
    for meeting in meetings:
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        span = Interval(meeting.start, meeting.end)
        for attendee in meeting.attendees:
            busy.setdefault(attendee.person.key, []).append(span)
    return busy


def _as_utc(
    interval: Interval | tuple[datetime, datetime],
) -> tuple[datetime, datetime]:
    start, end = (
        (interval.start, interval.end) if isinstance(interval, Interval) else interval
    )
    if start.utcoffset() is None or end.utcoffset() is None:
        raise InvalidValueError(
            "find_slots: busy intervals must be aware datetimes",
            "find_slots: optagede intervaller skal have en tidszone",
            field="busy",
            fix="give every busy interval a tzinfo",
        )
    return start.astimezone(_UTC), end.astimezone(_UTC)


def _working_days(
    low: datetime,
    high: datetime,
    hours: WorkingHours | None,
    closed: frozenset[date],
    zone: ZoneInfo,
) -> Iterator[tuple[datetime, datetime]]:
    """The open stretches of the window in UTC: working hours on working days."""
    if hours is None:
        yield low, high
        return
    day = low.astimezone(zone).date()
    last = high.astimezone(zone).date()
    while day <= last:
        if day.weekday() in hours.weekdays and day not in closed:
            opens = datetime.combine(day, hours.start, tzinfo=zone).astimezone(_UTC)
            shuts = datetime.combine(day, hours.end, tzinfo=zone).astimezone(_UTC)
            opens, shuts = max(opens, low), min(shuts, high)
            if opens < shuts:
                yield opens, shuts
        day += timedelta(days=1)


def _common_hours(
    people: Iterable[Professional | str],
    hours: WorkingHours | None,
    unit_hours: Mapping[str, WorkingHours],
) -> tuple[bool, WorkingHours | None]:
    """Whether *people* share any working time, and which (``None``: any time)."""
    found = {
        unit_hours.get(p.unit.id, hours) if isinstance(p, Professional) else hours
        for p in people
    }
    limits = [h for h in found if h is not None]
    if not limits:
        return True, None
    start = max(h.start for h in limits)
    end = min(h.end for h in limits)
    days = frozenset.intersection(*(h.weekdays for h in limits))
    if end <= start or not days:
        return False, None
    return True, WorkingHours(start=start, end=end, weekdays=days)


def free_time(
    people: Iterable[Professional | str],
    window: tuple[datetime, datetime],
    *,
    busy: Busy,
    hours: WorkingHours | None = WorkingHours(),  # noqa: B008 - immutable value
    unit_hours: Mapping[str, WorkingHours] | None = None,
    holidays: Iterable[date] | None = None,
    zone: ZoneInfo = COPENHAGEN,
) -> Iterator[Interval]:
    """Yield the stretches of *window* in which all *people* are free, in order.

    Arguments are those of :func:`find_slots`.

    .. versionadded:: 0.1.0
    """
    low, high = _window(window)
    people = list(people)
    possible, shared = _common_hours(people, hours, unit_hours or {})
    if not possible:
        return
    closed = frozenset(
        holidays
        if holidays is not None
        else (
            h.day
            for year in range(low.astimezone(zone).year, high.astimezone(zone).year + 1)
            for h in danish_holidays(year)
        )
    )
    taken = _merged(
        sorted(
            span
            for person in {_key(p) for p in people}
            for span in map(_as_utc, busy.get(person, ()))
            if span[1] > low and span[0] < high
        )
    )
    index = 0
    for opens, shuts in _working_days(low, high, shared, closed, zone):
        cursor = opens
        # Busy spans that ended before this open stretch are behind us for good.
        while index < len(taken) and taken[index][1] <= cursor:
            index += 1
        while index < len(taken) and taken[index][0] < shuts:
            start, end = taken[index]
            if start > cursor:
                yield Interval(cursor.astimezone(zone), start.astimezone(zone))
            cursor = max(cursor, end)
            if end > shuts:
                break  # the span goes on into the next open stretch
            index += 1
        if cursor < shuts:
            yield Interval(cursor.astimezone(zone), shuts.astimezone(zone))


def _merged(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Merge sorted, possibly overlapping spans into disjoint ones, in one pass.

    Disjoint spans are sorted by end as well as by start, which lets the sweep
    move one pointer forward only: the whole sweep is linear after the sort.
    """
    merged: list[tuple[datetime, datetime]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _window(window: tuple[datetime, datetime]) -> tuple[datetime, datetime]:
    low, high = window
    if low.utcoffset() is None or high.utcoffset() is None or high <= low:
        raise InvalidValueError(
            "find_slots: the window must be two aware datetimes, the second later",
            "find_slots: vinduet skal være to tidspunkter med tidszone, det andet "
            "senere",
            field="window",
            fix="pass (start, end) with tzinfo=ZoneInfo('Europe/Copenhagen')",
        )
    return low.astimezone(_UTC), high.astimezone(_UTC)


def find_slots(
    people: Iterable[Professional | str],
    window: tuple[datetime, datetime],
    duration: timedelta,
    *,
    busy: Busy,
    hours: WorkingHours | None = WorkingHours(),  # noqa: B008 - immutable value
    unit_hours: Mapping[str, WorkingHours] | None = None,
    holidays: Iterable[date] | None = None,
    limit: int = 1,
    zone: ZoneInfo = COPENHAGEN,
) -> Sequence[Interval]:
    """Return the earliest common free slots of *duration* for *people*.

    Each slot is a free stretch of at least *duration*, earliest first; book the
    meeting from its ``start``. Weekends, working hours and Danish public
    holidays are respected unless switched off.

    Args:
        people: Professionals or person keys.
        window: Where to look: two aware datetimes.
        duration: How long the meeting lasts.
        busy: Busy intervals by person key.
        hours: Working hours, read in *zone*; ``None`` for any time of day.
        unit_hours: Working hours of particular units, by unit id; a
            professional of such a unit has those hours instead of *hours*.
            The slot must fit everyone's hours.
        holidays: Days to leave out; by default the Danish public holidays of
            the window's years.
        limit: How many slots to return at most.
        zone: The zone working hours are read in.

    Raises:
        InvalidValueError: The window or a busy interval is not aware, or the
            duration is not positive.

    .. versionadded:: 0.1.0
    """
    if duration <= timedelta(0):
        raise InvalidValueError(
            f"find_slots: the duration must be positive, got {duration}",
            f"find_slots: varigheden skal være positiv, fik {duration}",
            field="duration",
            fix="pass e.g. timedelta(minutes=90)",
        )
    found: list[Interval] = []
    for stretch in free_time(
        people,
        window,
        busy=busy,
        hours=hours,
        unit_hours=unit_hours,
        holidays=holidays,
        zone=zone,
    ):
        if stretch.duration >= duration:
            found.append(stretch)
            if len(found) >= limit:
                break
    return found
