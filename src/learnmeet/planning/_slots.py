"""Common free time: when can these people meet?

Each person's busy time is read once into disjoint spans, sorted, as whole
microseconds in UTC (exact, and cheap to compare; the autumn hour that happens
twice is two different instants). The first common slot is then found by
*galloping*: a candidate start is put to every person in turn, and one binary
search finds the first of their spans that is not over; if it starts before
the candidate's slot would end, the candidate jumps to its end. A query costs
a few binary searches per person and jump, not a sweep of everyone's year —
with a :class:`BusyIndex` built once, a typical query over a year of eight
calendars takes microseconds, and the cost grows with the logarithm of the
calendars' length. Working days (weekends, holidays and working hours left
out) are produced lazily, so a slot found on the first day costs one day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone
from itertools import islice
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError, Label, WrongTypeError, type_shown
from learnmeet.model._arguments import checked, expect_count
from learnmeet.model._calendar import WorkingHours, holiday_days
from learnmeet.model._meetings import Meeting, MeetingStatus
from learnmeet.model._people import Professional
from learnmeet.model._rrule import MAX_WINDOW
from learnmeet.model._time import COPENHAGEN, LAST_YEAR, aware_datetime, year_problem

__all__ = [
    "MAX_SLOTS",
    "BusyIndex",
    "Interval",
    "busy_from_meetings",
    "check_window",
    "days_window",
    "find_slots",
    "free_time",
]

_UTC = timezone.utc

#: The most slots :func:`find_slots` returns in one call.
MAX_SLOTS = 1_000


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
                reason=Label(
                    da="et interval skal slutte efter det begynder",
                    en="an interval must end after it starts",
                ),
                fix=Label(
                    da="byt om på start og slut, eller giv en positiv længde",
                    en="swap start and end, or give a positive length",
                ),
                where="Interval",
                path=("end",),
            )

    @property
    def duration(self) -> timedelta:
        """The elapsed time from start to end."""
        return self.end.astimezone(_UTC) - self.start.astimezone(_UTC)


Busy = Mapping[str, Iterable[Interval | tuple[datetime, datetime]]]
"""Busy time by person key (e.g. ``"professional:p-001"``)."""

_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)
_ONE_DAY = timedelta(days=1)
_MICROSECOND = timedelta(microseconds=1)


def _micros(moment: datetime) -> int:
    """The instant as whole microseconds since 1970 in UTC: exact, cheap to compare."""
    return (moment - _EPOCH) // _MICROSECOND


def _moment(micros: int, zone: ZoneInfo) -> datetime:
    return (_EPOCH + timedelta(microseconds=micros)).astimezone(zone)


def _key(person: Professional | str) -> str:
    return person if isinstance(person, str) else person.key


@checked
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


class _Spans:
    """One person's busy time: disjoint spans, sorted, as microseconds.

    Disjoint spans are sorted by end as well as by start, so one binary search
    in ``ends`` finds the first span that is not over at a given instant.
    Touching spans are merged, so the free stretches between them are real.
    """

    __slots__ = ("ends", "starts")

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(pairs):
            if self.ends and start <= self.ends[-1]:
                if end > self.ends[-1]:
                    self.ends[-1] = end
            else:
                self.starts.append(start)
                self.ends.append(end)

    def add(self, start: int, end: int) -> None:
        """Add ``[start, end)``, merging it with the spans it meets."""
        i = bisect_left(self.ends, start)
        j = bisect_right(self.starts, end)
        if i < j:
            start = min(start, self.starts[i])
            end = max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def copy(self) -> _Spans:
        """A copy to add to; the spans are already disjoint and sorted."""
        copy = _Spans()
        copy.starts = self.starts.copy()
        copy.ends = self.ends.copy()
        return copy

    def is_free(self, start: int, end: int) -> bool:
        i = bisect_right(self.ends, start)
        return i == len(self.starts) or self.starts[i] >= end


def _pair(key: str, n: int, interval: object) -> tuple[datetime, datetime]:
    """The start and end of the *n*-th busy interval of *key*, or a refusal."""
    if isinstance(interval, Interval):
        return interval.start, interval.end
    if isinstance(interval, (tuple, list)) and len(interval) == 2:
        start, end = interval
        if isinstance(start, datetime) and isinstance(end, datetime):
            return start, end
    shown = type_shown(interval)
    raise WrongTypeError(
        reason=Label(
            da="et optaget interval skal være et Interval eller et par "
            f"(datetime, datetime), ikke {shown}",
            en="a busy interval must be an Interval or a pair "
            f"(datetime, datetime), not {shown}",
        ),
        fix=Label(
            da="giv hvert optaget interval som (start, slut)",
            en="give every busy interval as (start, end)",
        ),
        where="busy",
        path=(key, n),
    )


def _read_spans(key: str, intervals: Iterable[object]) -> _Spans:
    """One person's busy intervals read, each checked where it is read.

    Raises:
        WrongTypeError: An interval is neither an :class:`Interval` nor a pair
            of datetimes; the path is ``busy['<key>'][<n>]``.
        InvalidValueError: An interval is not aware, ends before it starts, or
            lies outside the years 1900-9998.
    """
    pairs = []
    for n, interval in enumerate(intervals):
        start, end = _pair(key, n, interval)
        if start.utcoffset() is None or end.utcoffset() is None:
            raise InvalidValueError(
                reason=Label(
                    da="optagede intervaller skal have en tidszone",
                    en="busy intervals must be aware datetimes",
                ),
                fix=Label(
                    da="giv hvert optaget interval en tzinfo",
                    en="give every busy interval a tzinfo",
                ),
                where="busy",
                path=(key, n),
            )
        outside = year_problem(start.year) or year_problem(end.year)
        if outside is not None:
            # As an Interval's ends are: else the index would hold what no
            # interval it hands out can.
            raise InvalidValueError(
                reason=outside[0], fix=outside[1], where="busy", path=(key, n)
            )
        low, high = _micros(start), _micros(end)
        if high < low:
            raise InvalidValueError(
                reason=Label(
                    da="intervallet slutter før det begynder",
                    en="the interval ends before it starts",
                ),
                fix=Label(da="byt om på start og slut", en="swap start and end"),
                where="busy",
                path=(key, n),
            )
        if high > low:
            pairs.append((low, high))
    return _Spans(pairs)


@attrs.frozen(init=False, repr=False, eq=False)
class BusyIndex:
    """Everyone's busy time, read and indexed once, for many slot queries.

    Pass it as ``busy=`` to :func:`find_slots`, :func:`free_time` or
    :func:`schedule` instead of a mapping. A mapping is read again on every
    call (each interval converted, sorted and merged); an index has done that
    already, so a query costs a few binary searches per person instead —
    build one when you ask about the same calendars many times.

    >>> from datetime import datetime, timedelta
    >>> from zoneinfo import ZoneInfo
    >>> cph = ZoneInfo("Europe/Copenhagen")
    >>> index = BusyIndex({"professional:a": [
    ...     (datetime(2026, 3, 2, 8, tzinfo=cph), datetime(2026, 3, 2, 10, tzinfo=cph)),
    ...     (datetime(2026, 3, 2, 9, tzinfo=cph), datetime(2026, 3, 2, 11, tzinfo=cph)),
    ... ]})
    >>> [(i.start.hour, i.end.hour) for i in index.intervals("professional:a")]
    [(8, 11)]

    Args:
        busy: Busy intervals by person key.

    Raises:
        InvalidValueError: An interval is not aware, or ends before it starts;
            the message names it as ``busy['<key>'][<n>]``.

    .. versionadded:: 0.2.0
    """

    _people: dict[str, _Spans]

    @checked
    def __init__(self, busy: Busy) -> None:
        self.__attrs_init__(
            {key: _read_spans(key, spans) for key, spans in busy.items()}
        )

    def _copy(self) -> BusyIndex:
        """A copy whose spans the scheduler may add to; never handed out."""
        copy = BusyIndex({})
        copy._people.update((key, spans.copy()) for key, spans in self._people.items())
        return copy

    def _book(self, person: str, start: datetime, end: datetime) -> None:
        """Add busy time to a private copy (see :meth:`_copy`)."""
        spans = self._people.setdefault(person, _Spans())
        spans.add(_micros(start), _micros(end))

    def _is_free(self, person: str, start: datetime, end: datetime) -> bool:
        spans = self._people.get(person)
        return spans is None or spans.is_free(_micros(start), _micros(end))

    @property
    def people(self) -> frozenset[str]:
        """The keys of the people the index knows."""
        return frozenset(self._people)

    @checked
    def intervals(
        self, person: str, zone: ZoneInfo = COPENHAGEN
    ) -> tuple[Interval, ...]:
        """*person*'s busy time, overlapping and touching intervals merged."""
        spans = self._people.get(person)
        if spans is None:
            return ()
        try:
            return tuple(
                Interval(_moment(s, zone), _moment(e, zone))
                for s, e in zip(spans.starts, spans.ends, strict=True)
            )
        except InvalidValueError as refused:
            # Busy time at the very edge of the years, shown in a zone whose
            # local time there is in the year before or after.
            raise InvalidValueError(
                reason=refused.reason,
                fix=Label(
                    da="vis den optagede tid i tidszonen, den blev givet i",
                    en="show the busy time in the zone it was given in",
                ),
                where="BusyIndex.intervals",
                path=("zone",),
            ) from None

    def __repr__(self) -> str:
        spans = sum(len(s.starts) for s in self._people.values())
        return f"<BusyIndex: {len(self._people)} people, {spans} busy spans>"


def _spans_of(busy: Busy | BusyIndex, keys: Iterable[str]) -> list[_Spans]:
    """The busy spans of the people *keys*, each person once, in a fixed order."""
    people = sorted(set(keys))
    if isinstance(busy, BusyIndex):
        known = busy._people
        return [known[k] for k in people if k in known]
    return [_read_spans(k, busy[k]) for k in people if k in busy]


def _first_fit(lists: Sequence[_Spans], at: int, shuts: int, length: int) -> int | None:
    """The earliest instant from *at* when everyone is free for *length*.

    Each round asks every person, with one binary search, for their first span
    not over at the candidate; a span that starts too soon moves the candidate
    to its end. The candidate only moves forward, over instants at which no
    slot can start, so the first candidate nobody objects to is the earliest.
    """
    while at + length <= shuts:
        moved = False
        for spans in lists:
            i = bisect_right(spans.ends, at)
            if i < len(spans.starts) and spans.starts[i] < at + length:
                at = spans.ends[i]
                moved = True
        if not moved:
            return at
    return None


def _stretch_end(lists: Sequence[_Spans], at: int, shuts: int) -> int:
    """Where the free stretch beginning at *at* ends: someone's next span."""
    end = shuts
    for spans in lists:
        i = bisect_right(spans.ends, at)
        if i < len(spans.starts) and spans.starts[i] < end:
            end = spans.starts[i]
    return end


def _stretches(
    lists: Sequence[_Spans],
    open_stretches: Iterable[tuple[int, int]],
    length: int,
) -> Iterator[tuple[int, int]]:
    """The maximal common free stretches of at least *length*, in order."""
    for opens, shuts in open_stretches:
        at: int | None = opens
        while (
            at is not None and (at := _first_fit(lists, at, shuts, length)) is not None
        ):
            end = _stretch_end(lists, at, shuts)
            yield at, end
            at = end


def _working_days(
    low: int,
    high: int,
    hours: WorkingHours | None,
    closed: frozenset[date],
    zone: ZoneInfo,
) -> Iterator[tuple[int, int]]:
    """The open stretches of the window: working hours on working days, lazily."""
    if hours is None:
        yield low, high
        return
    day = _moment(low, zone).date()
    last = _moment(high, zone).date()
    while day <= last:
        if day.weekday() in hours.weekdays and day not in closed:
            opens = max(_micros(datetime.combine(day, hours.start, tzinfo=zone)), low)
            shuts = min(_micros(datetime.combine(day, hours.end, tzinfo=zone)), high)
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


def _search(
    people: Iterable[Professional | str],
    window: tuple[datetime, datetime],
    length: int,
    busy: Busy | BusyIndex,
    hours: WorkingHours | None,
    unit_hours: Mapping[str, WorkingHours] | None,
    holidays: Iterable[date] | None,
    zone: ZoneInfo,
    where: str,
) -> Iterator[Interval]:
    low, high = _window(window, where, zone)
    people = list(people)
    possible, shared = _common_hours(people, hours, unit_hours or {})
    if not possible:
        return
    if holidays is None:
        closed = holiday_days(_moment(low, zone).year, _moment(high, zone).year)
    else:
        closed = frozenset(holidays)
    lists = _spans_of(busy, map(_key, people))
    opening = _working_days(low, high, shared, closed, zone)
    for start, end in _stretches(lists, opening, length):
        yield Interval(_moment(start, zone), _moment(end, zone))


@checked
def free_time(
    people: Iterable[Professional | str],
    window: tuple[datetime, datetime],
    *,
    busy: Busy | BusyIndex,
    hours: WorkingHours | None = WorkingHours(),  # noqa: B008 - immutable value
    unit_hours: Mapping[str, WorkingHours] | None = None,
    holidays: Iterable[date] | None = None,
    zone: ZoneInfo = COPENHAGEN,
) -> Iterator[Interval]:
    """Yield the stretches of *window* in which all *people* are free, in order.

    Arguments are those of :func:`find_slots`. The stretches are found as they
    are asked for, so stopping early costs nothing more.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *busy* may be a :class:`BusyIndex`.
    """
    return _search(
        people, window, 1, busy, hours, unit_hours, holidays, zone, "free_time"
    )


def check_window(
    window: tuple[datetime, datetime], *, where: str, zone: ZoneInfo | None = None
) -> tuple[datetime, datetime]:
    """Check a window: two aware datetimes, the second later, five years at most.

    The two ends are compared as instants, so a window from the first to the
    second 02:30 of the autumn night (``fold=0`` to ``fold=1``) is an hour
    long, not empty. Each end lies in the years the model accepts
    (1900-9998), in its own zone and in *zone*, where what is found in the
    window is shown; and the window is at most
    :data:`~learnmeet.model._rrule.MAX_WINDOW` (1,827 days): the bound on the
    days a search or a plan walks.

    Raises:
        InvalidValueError: The window is refused; the path is ``window``.
    """
    low, high = window
    fix = Label(
        da="giv (start, slut) med tzinfo=ZoneInfo('Europe/Copenhagen'), slut efter "
        "start",
        en="pass (start, end) with tzinfo=ZoneInfo('Europe/Copenhagen'), the end "
        "after the start",
    )
    aware = low.utcoffset() is not None and high.utcoffset() is not None
    outside = year_problem(low.year) or year_problem(high.year)
    if aware and outside is None and zone is not None:
        outside = year_problem(low.astimezone(zone).year) or year_problem(
            high.astimezone(zone).year
        )
    if not aware:
        reason = Label(
            da="vinduet skal være to tidspunkter med tidszone",
            en="the window must be two aware datetimes",
        )
    elif outside is not None:
        reason, fix = outside
    elif _micros(high) <= _micros(low):
        reason = Label(
            da="vinduet skal slutte efter det begynder",
            en="the window must end after it starts",
        )
    elif high.astimezone(_UTC) - low.astimezone(_UTC) > MAX_WINDOW:
        reason = Label(
            da=f"vinduet er længere end fem år ({MAX_WINDOW.days} dage)",
            en=f"the window is longer than five years ({MAX_WINDOW.days} days)",
        )
        fix = Label(
            da="del perioden op i vinduer på højst fem år",
            en="split the period into windows of five years at most",
        )
    else:
        return low, high
    raise InvalidValueError(reason=reason, fix=fix, where=where, path=("window",))


def days_window(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The window of the days *first* to *last* (included), local time in *zone*.

    From midnight of *first* to midnight after *last*; after the last day of
    the years accepted (9998-12-31) to its last microsecond, as no time in
    9999 is held.
    """
    opens = datetime.combine(first, time(0), tzinfo=zone)
    if last.year < LAST_YEAR or (last.month, last.day) != (12, 31):
        return opens, datetime.combine(last + _ONE_DAY, time(0), tzinfo=zone)
    return opens, datetime.combine(last, time.max, tzinfo=zone)


def _window(
    window: tuple[datetime, datetime], where: str, zone: ZoneInfo
) -> tuple[int, int]:
    low, high = check_window(window, where=where, zone=zone)
    return _micros(low), _micros(high)


@checked
def find_slots(
    people: Iterable[Professional | str],
    window: tuple[datetime, datetime],
    duration: timedelta,
    *,
    busy: Busy | BusyIndex,
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

    With a :class:`BusyIndex` a query costs a few binary searches per person
    and candidate time, however long the calendars are; a mapping is read
    (converted, sorted, merged) for the people asked about on every call.

    Args:
        people: Professionals or person keys.
        window: Where to look: two aware datetimes in the years 1900-9998,
            compared as instants, at most five years (1,827 days) apart.
        duration: How long the meeting lasts.
        busy: Busy intervals by person key, or a :class:`BusyIndex` of them.
        hours: Working hours, read in *zone*; ``None`` for any time of day.
        unit_hours: Working hours of particular units, by unit id; a
            professional of such a unit has those hours instead of *hours*.
            The slot must fit everyone's hours.
        holidays: Days to leave out; by default the Danish public holidays of
            the window's years.
        limit: How many slots to return at most, 1 to :data:`MAX_SLOTS`.
        zone: The zone working hours are read in.

    Raises:
        InvalidValueError: The window or a busy interval is not aware, a busy
            interval ends before it starts, the window is longer than five
            years or outside the years 1900-9998, the duration is not
            positive, or *limit* is outside 1 to :data:`MAX_SLOTS`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *busy* may be a :class:`BusyIndex`; the window
       is compared as instants and is five years at most.
    """
    expect_count(limit, where="find_slots", name="limit", least=1, most=MAX_SLOTS)
    if duration <= timedelta(0):
        raise InvalidValueError(
            reason=Label(
                da=f"varigheden skal være positiv, fik {duration}",
                en=f"the duration must be positive, got {duration}",
            ),
            fix=Label(
                da="giv fx timedelta(minutes=90)",
                en="pass e.g. timedelta(minutes=90)",
            ),
            where="find_slots",
            path=("duration",),
        )
    length = max(1, duration // _MICROSECOND)
    found = _search(
        people, window, length, busy, hours, unit_hours, holidays, zone, "find_slots"
    )
    return list(islice(found, limit))
