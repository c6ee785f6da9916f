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
from learnmeet.model._availability import (
    Absence,
    WorkingPattern,
    intersect,
    subtract,
)
from learnmeet.model._calendar import (
    WorkingHours,
    holiday_days,
    shift_stretches,
    week_spans,
)
from learnmeet.model._meetings import Meeting, MeetingStatus
from learnmeet.model._people import Professional
from learnmeet.model._rrule import MAX_WINDOW
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import (
    COPENHAGEN,
    LAST_YEAR,
    aware_datetime,
    from_micros,
    to_micros,
    year_problem,
)

__all__ = [
    "MAX_SLOTS",
    "Availability",
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

    Attributes:
        start: The first instant, timezone-aware.
        end: The instant just after the last, timezone-aware; after
            *start*.

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

_ONE_DAY = timedelta(days=1)
_MICROSECOND = timedelta(microseconds=1)
_micros = to_micros
_moment = from_micros


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

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Spans):
            return NotImplemented
        return self.starts == other.starts and self.ends == other.ends

    __hash__ = None  # type: ignore[assignment]  # changes as it is added to


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


@attrs.frozen(kw_only=True)
class _BusyIndexDocument:
    """A :class:`BusyIndex` as its document holds it.

    Attributes:
        busy: Each person's busy time by their key (``"professional:p-1"``),
            overlapping and touching intervals merged, in order, in
            Europe/Copenhagen time.
    """

    busy: Mapping[str, tuple[Interval, ...]]

    _document_of = "BusyIndex"  # the name its problems give


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

    Two indexes are equal when they hold the same busy time for the same
    people, however it was given (a person given no busy time holds none).
    Its JSON document holds each person's busy time merged
    (:func:`~learnmeet.to_json`); reading it back gives an equal index.

    Args:
        busy: Busy intervals by person key.

    Raises:
        InvalidValueError: An interval is not aware, or ends before it starts;
            the message names it as ``busy['<key>'][<n>]``.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.4.0 Equal by the busy time it holds (it was equal
       only to itself), and written and read as JSON.
    """

    _people: dict[str, _Spans]

    _document_form = _BusyIndexDocument

    def _busy(self) -> dict[str, _Spans]:
        """Everyone with busy time: a person given none holds nothing."""
        return {key: spans for key, spans in self._people.items() if spans.starts}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusyIndex):
            return NotImplemented
        return self._busy() == other._busy()

    def __hash__(self) -> int:
        return hash(frozenset(self._busy()))

    def _to_document(self) -> _BusyIndexDocument:
        return _BusyIndexDocument(
            busy={key: self.intervals(key) for key in sorted(self._people)}
        )

    @classmethod
    def _from_document(cls, document: _BusyIndexDocument) -> BusyIndex:
        return cls(document.busy)

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

    def _book_meetings(self, meetings: Iterable[Meeting]) -> None:
        """Book every attendee of *meetings* into a private copy.

        Cancelled meetings aside: the one way the planners add the meetings
        already planned to the busy time they place around.
        """
        for meeting in meetings:
            if meeting.status is MeetingStatus.CANCELLED:
                continue
            for attendee in meeting.attendees:
                self._book(attendee.person.key, meeting.start, meeting.end)

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


def _always(low: int, high: int) -> Iterator[tuple[int, int]]:
    yield low, high


def _shared_hours(limits: Sequence[WorkingHours]) -> bool:
    """Whether the *limits* ever meet on the wall clock of a week."""
    return next(intersect([week_spans(h) for h in limits]), None) is not None


def _common_open(
    found: Iterable[WorkingHours | None],
    low: int,
    high: int,
    closed: frozenset[date],
    zone: ZoneInfo,
) -> Iterator[tuple[int, int]] | None:
    """The stretches of ``[low, high)`` inside all the hours *found*, lazily.

    ``None`` among them is any time of day; ``None`` back: they never meet,
    told from one week of the wall clock, without walking the window. Hours
    that cross midnight meet others in up to two stretches a day, so the
    stretches of each are intersected, not their times.
    """
    distinct = {h for h in found if h is not None}
    if not distinct:
        return _always(low, high)
    if len(distinct) == 1:
        return shift_stretches(tuple(distinct), low, high, closed, zone)
    limits = sorted(distinct, key=attrs.astuple)
    if not _shared_hours(limits):
        return None
    streams = [shift_stretches((h,), low, high, closed, zone) for h in limits]
    return streams[0] if len(streams) == 1 else intersect(streams)


_PROFESSIONAL = "professional:"


@attrs.frozen(kw_only=True)
class _AvailabilityDocument:
    """An :class:`Availability` as its document holds it.

    Attributes:
        patterns: The working patterns, one per professional, by professional.
        absences: Each absent professional's time away by their id,
            overlapping absences merged, in order, in *zone*.
        hours: The hours of everyone without a pattern or unit hours; ``null``
            for any time of day.
        unit_hours: Working hours of particular units, by unit id.
        units: Each professional's unit id, by professional id.
        holidays: The days on which no shift starts; ``null`` for the Danish
            public holidays of the years asked about.
        zone: The zone shifts and hours are read in.
    """

    patterns: tuple[WorkingPattern, ...]
    absences: Mapping[str, tuple[Interval, ...]]
    hours: WorkingHours | None
    unit_hours: Mapping[str, WorkingHours]
    units: Mapping[str, str]
    holidays: frozenset[date] | None
    zone: ZoneInfo

    _document_of = "Availability"  # the name its problems give


def _by_professional(patterns: Iterable[WorkingPattern]) -> dict[str, WorkingPattern]:
    """The working patterns by professional id; two of one are refused.

    Raises:
        InvalidValueError: Two patterns are of the same professional.
    """
    by_person: dict[str, WorkingPattern] = {}
    for n, pattern in enumerate(patterns):
        if pattern.professional in by_person:
            raise InvalidValueError(
                reason=Label(
                    da="fagpersonen har allerede et arbejdsmønster",
                    en="the professional already has a working pattern",
                ),
                fix=Label(
                    da="giv hver fagperson ét mønster med alle vagterne",
                    en="give each professional one pattern with all the shifts",
                ),
                where="Availability",
                path=("patterns", n),
            )
        by_person[pattern.professional] = pattern
    return by_person


def _merged(spans: _Spans) -> tuple[list[int], list[int]]:
    return (spans.starts, spans.ends)


@attrs.frozen(init=False, repr=False, eq=True, hash=False)
class Availability:
    """Who is at work when: each professional's hours, minus their absences.

    A professional with a :class:`~learnmeet.WorkingPattern` works its
    shifts; one without works their unit's hours (*unit_hours*), else
    *hours*; everyone else asked about (a citizen, a relative) has *hours*.
    An :class:`~learnmeet.Absence` takes its time away. A shift that starts
    on a holiday or on a day off is not worked.

    Pass it as ``availability=`` to :func:`find_slots` or :func:`free_time`
    to find time when every person is at work for the whole meeting; ask it
    about one person with :meth:`working_time` and :meth:`is_at_work`. Build
    it from a scenario with :meth:`from_scenario`.

    >>> from datetime import datetime, time
    >>> from zoneinfo import ZoneInfo
    >>> cph = ZoneInfo("Europe/Copenhagen")
    >>> night = WorkingHours(start=time(23), end=time(7), weekdays=range(7))
    >>> pattern = WorkingPattern(professional="p-1", shifts=[night])
    >>> at_work = Availability(patterns=[pattern])
    >>> monday = datetime(2026, 3, 2, tzinfo=cph)
    >>> window = (monday, monday.replace(day=3, hour=12))
    >>> found = at_work.working_time("professional:p-1", window)
    >>> [(i.start.hour, i.end.hour) for i in found]
    [(0, 7), (23, 7)]

    Args:
        patterns: Working patterns, at most one per professional.
        absences: Absences, of any professionals, overlapping or not.
        hours: The hours of everyone without a pattern or unit hours, read in
            *zone*; ``None`` for any time of day.
        unit_hours: Working hours of particular units, by unit id.
        holidays: Days on which no shift starts; by default the Danish public
            holidays of the years asked about.
        professionals: The staff, so that a person asked about by key
            (``"professional:p-1"``) has their unit's hours.
        zone: The zone shifts and hours are read in.

    Two availabilities are equal when they give everyone the same working
    time: the same patterns, absences (merged), hours, units, holidays and
    zone. Its JSON document holds those (:func:`~learnmeet.to_json`); reading
    it back gives an equal availability.

    Raises:
        InvalidValueError: Two patterns are of the same professional.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.4.0 Equal by what it holds (it was equal only to
       itself), and written and read as JSON.
    """

    _patterns: dict[str, WorkingPattern]
    _absences: dict[str, tuple[list[int], list[int]]]
    _hours: WorkingHours | None
    _unit_hours: dict[str, WorkingHours]
    _units: dict[str, str]
    _holidays: frozenset[date] | None
    _zone: ZoneInfo

    @checked
    def __init__(
        self,
        *,
        patterns: Iterable[WorkingPattern] = (),
        absences: Iterable[Absence] = (),
        hours: WorkingHours | None = WorkingHours(),  # noqa: B008 - immutable value
        unit_hours: Mapping[str, WorkingHours] | None = None,
        holidays: Iterable[date] | None = None,
        professionals: Iterable[Professional] = (),
        zone: ZoneInfo = COPENHAGEN,
    ) -> None:
        away: dict[str, list[tuple[int, int]]] = {}
        for absence in absences:
            away.setdefault(absence.professional, []).append(
                (_micros(absence.start), _micros(absence.end))
            )
        self.__attrs_init__(
            _by_professional(patterns),
            {person: _merged(_Spans(pairs)) for person, pairs in away.items()},
            hours,
            dict(unit_hours or {}),
            {p.id: p.unit.id for p in professionals},
            None if holidays is None else frozenset(holidays),
            zone,
        )

    @classmethod
    @checked
    def from_scenario(
        cls,
        scenario: Scenario,
        *,
        hours: WorkingHours | None = WorkingHours(),  # noqa: B008 - immutable value
        unit_hours: Mapping[str, WorkingHours] | None = None,
        holidays: Iterable[date] | None = None,
        zone: ZoneInfo = COPENHAGEN,
    ) -> Availability:
        """The availability of *scenario*'s staff: its patterns and absences.

        The other arguments are those of :class:`Availability`.
        """
        return cls(
            patterns=scenario.working_patterns,
            absences=scenario.absences,
            hours=hours,
            unit_hours=unit_hours,
            holidays=holidays,
            professionals=scenario.professionals,
            zone=zone,
        )

    _document_form = _AvailabilityDocument

    def __hash__(self) -> int:
        return hash((frozenset(self._patterns), frozenset(self._absences)))

    def _to_document(self) -> _AvailabilityDocument:
        zone = self._zone
        return _AvailabilityDocument(
            patterns=tuple(self._patterns[pid] for pid in sorted(self._patterns)),
            absences={
                pid: tuple(
                    Interval(_moment(s, zone), _moment(e, zone))
                    for s, e in zip(*self._absences[pid], strict=True)
                )
                for pid in sorted(self._absences)
            },
            hours=self._hours,
            unit_hours=dict(sorted(self._unit_hours.items())),
            units=dict(sorted(self._units.items())),
            holidays=self._holidays,
            zone=zone,
        )

    @classmethod
    def _from_document(cls, document: _AvailabilityDocument) -> Availability:
        made = cls.__new__(cls)
        made.__attrs_init__(
            _by_professional(document.patterns),
            {
                pid: _merged(
                    _Spans((_micros(i.start), _micros(i.end)) for i in intervals)
                )
                for pid, intervals in document.absences.items()
            },
            document.hours,
            dict(document.unit_hours),
            dict(document.units),
            document.holidays,
            document.zone,
        )
        return made

    def _closed(self, low: int, high: int) -> frozenset[date]:
        if self._holidays is not None:
            return self._holidays
        zone = self._zone
        return holiday_days(_moment(low, zone).year, _moment(high, zone).year)

    def _source(
        self, person: Professional | str
    ) -> tuple[str | None, WorkingHours | None]:
        """Whose time *person* has: their id if their own, and their hours."""
        if isinstance(person, Professional):
            pid: str | None = person.id
            unit: str | None = person.unit.id
        elif person.startswith(_PROFESSIONAL):
            pid = person[len(_PROFESSIONAL) :]
            unit = self._units.get(pid)
        else:
            pid = unit = None
        if pid is not None and (pid in self._patterns or pid in self._absences):
            return pid, None
        hours = self._unit_hours.get(unit, self._hours) if unit else self._hours
        return None, hours

    def _own(
        self, pid: str, low: int, high: int, closed: frozenset[date]
    ) -> Iterator[tuple[int, int]]:
        """The working time of the professional *pid*, absences taken away."""
        pattern = self._patterns.get(pid)
        if pattern is not None:
            opening = shift_stretches(
                pattern.shifts, low, high, closed | pattern.days_off, self._zone
            )
        else:
            unit = self._units.get(pid)
            hours = self._unit_hours.get(unit, self._hours) if unit else self._hours
            opening = (
                _always(low, high)
                if hours is None
                else shift_stretches((hours,), low, high, closed, self._zone)
            )
        away = self._absences.get(pid)
        return opening if away is None else subtract(opening, *away)

    def _open(
        self, people: Iterable[Professional | str], low: int, high: int
    ) -> Iterator[tuple[int, int]] | None:
        """The stretches of ``[low, high)`` in which all *people* are at work.

        People who share hours share one stream of them; ``None``: hours
        that never meet. Lazy, and one step per day and stream.
        """
        closed = self._closed(low, high)
        own: dict[object, str] = {}
        shared: list[WorkingHours | None] = []
        for person in people:
            pid, hours = self._source(person)
            if pid is None:
                shared.append(hours)
            else:
                # People with the same pattern and no absence share a stream.
                pattern = self._patterns.get(pid)
                same = (
                    (pattern.shifts, pattern.days_off)
                    if pattern is not None and pid not in self._absences
                    else pid
                )
                own.setdefault(same, pid)
        common = _common_open(shared, low, high, closed, self._zone)
        if common is None:
            return None
        if not own:
            return common
        streams = [self._own(pid, low, high, closed) for pid in sorted(own.values())]
        if not shared and len(streams) == 1:
            return streams[0]
        return intersect([common, *streams] if shared else streams)

    @checked
    def working_time(
        self, person: Professional | str, window: tuple[datetime, datetime]
    ) -> Iterator[Interval]:
        """Yield the stretches of *window* in which *person* is at work, in order.

        Busy time is not read here: :func:`free_time` with *busy* and this
        availability finds free time at work.

        Raises:
            InvalidValueError: The window is refused, as :func:`find_slots`
                refuses it.
        """
        low, high = _window(window, "Availability.working_time", self._zone)
        found = self._open([person], low, high) or ()
        zone = self._zone
        return (Interval(_moment(s, zone), _moment(e, zone)) for s, e in found)

    @checked
    def is_at_work(
        self, person: Professional | str, start: datetime, end: datetime
    ) -> bool:
        """Tell whether *person* is at work for the whole of *start* to *end*.

        Raises:
            InvalidValueError: *start* to *end* is refused as a window is.
        """
        low, high = _window((start, end), "Availability.is_at_work", self._zone)
        found = self._open([person], low, high)
        return found is not None and next(found, None) == (low, high)

    def __repr__(self) -> str:
        return (
            f"<Availability: {len(self._patterns)} working patterns, "
            f"{len(self._absences)} people with absences>"
        )


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
    availability: Availability | None = None,
) -> Iterator[Interval]:
    low, high = _window(window, where, zone)
    people = list(people)
    if availability is not None:
        opening = availability._open(people, low, high)
    else:
        if holidays is None:
            closed = holiday_days(_moment(low, zone).year, _moment(high, zone).year)
        else:
            closed = frozenset(holidays)
        units = unit_hours or {}
        found = (
            units.get(p.unit.id, hours) if isinstance(p, Professional) else hours
            for p in people
        )
        opening = _common_open(found, low, high, closed, zone)
    if opening is None:
        return
    lists = _spans_of(busy, map(_key, people))
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
    availability: Availability | None = None,
) -> Iterator[Interval]:
    """Yield the stretches of *window* in which all *people* are free, in order.

    Arguments are those of :func:`find_slots`. The stretches are found as they
    are asked for, so stopping early costs nothing more.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *busy* may be a :class:`BusyIndex`;
       *availability* gives each person their own shifts and absences.
    """
    return _search(
        people,
        window,
        1,
        busy,
        hours,
        unit_hours,
        holidays,
        zone,
        "free_time",
        availability,
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
    availability: Availability | None = None,
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
        zone: The zone working hours are read in, and slots are shown in.
        availability: Each person's own working time (shifts, days off,
            absences), as an :class:`Availability`; the slot must lie in
            every person's working time. When given, its hours, unit hours
            and holidays are read instead of *hours*, *unit_hours* and
            *holidays*.

    Raises:
        InvalidValueError: The window or a busy interval is not aware, a busy
            interval ends before it starts, the window is longer than five
            years or outside the years 1900-9998, the duration is not
            positive, or *limit* is outside 1 to :data:`MAX_SLOTS`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *busy* may be a :class:`BusyIndex`; the window
       is compared as instants and is five years at most; *availability*.
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
        people,
        window,
        length,
        busy,
        hours,
        unit_hours,
        holidays,
        zone,
        "find_slots",
        availability,
    )
    return list(islice(found, limit))
