"""Where a request may go: the board of what is booked, and the candidates.

The placement engine behind :func:`~learnmeet.schedule`, shared by its
backends. A :class:`Board` holds what is booked so far — every person's busy
time, their agenda with the place of each meeting (for travel time), the
rooms' bookings, and each unit's staff away — and grows as requests are
placed. :func:`candidates` lists the times a request may start, each with
what it costs, every hard rule checked:

* every required attendee is free and at work for the whole meeting;
* nobody is planned into two places without the travel time between them,
  nor into two meetings without the break (:class:`PlanningSettings`);
* an on-site meeting gets a free room that seats everyone, when rooms are
  planned;
* no unit has more of its staff away at once than it may send.

Soft wishes order the candidates: outside hours to avoid first, then inside
the preferred hours, then the most optional attendees free, then nearest the
target (the window's start, or a point spread over the period).

All times are whole microseconds since 1970 in UTC (see ``_slots``), on a
grid of a quarter of an hour.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs

from learnmeet.model._meetings import (
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
)
from learnmeet.model._people import Professional
from learnmeet.planning._settings import PlanningSettings, Room, at_work
from learnmeet.planning._slots import (
    Availability,
    BusyIndex,
    _micros,
    _moment,
    _spans_of,
    _stretches,
)

#: The grid meetings start on: a quarter of an hour, in microseconds.
GRID = 15 * 60 * 1_000_000
_DAY = 24 * 3600 * 1_000_000
_MICRO = timedelta(microseconds=1)

#: How many more days are looked at after the first day with a time that
#: fits, for a better one (outside hours to avoid, inside preferred hours,
#: more optional attendees).
LOOKAHEAD_DAYS = 10


def place_of(location: Location, citizen: str | None, room: Room | None) -> str | None:
    """The key travel times are looked up by; ``None`` for online.

    A citizen's home is ``home:<pseudonym>`` (never an address); on site,
    the room's place, else the location's, else ``""`` (the one site).
    """
    if location.kind is LocationKind.ONLINE:
        return None
    if location.kind is LocationKind.CITIZEN_HOME:
        return f"home:{citizen or ''}"
    if room is not None and room.place:
        return room.place
    return location.place or ""


def micros_of(span: timedelta) -> int:
    """A length of time in whole microseconds, as the board counts."""
    return span // _MICRO


@attrs.define
class _Agenda:
    """One person's meetings in time order: start, end and place of each."""

    starts: list[int] = attrs.Factory(list)
    items: list[tuple[int, int, str | None]] = attrs.Factory(list)

    def add(self, start: int, end: int, place: str | None) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, end, place))

    def near(
        self, start: int, end: int, reach: int
    ) -> Iterator[tuple[int, int, str | None]]:
        """The meetings a meeting from *start* to *end* could be too near.

        Those starting from *reach* (and a day) before *start* to *reach*
        after *end*.
        """
        low = bisect_left(self.starts, start - reach - _DAY)
        high = bisect_right(self.starts, end + reach)
        return iter(self.items[low:high])


@attrs.define
class _Away:
    """A unit's staff away at meetings: (start, end, person key) by start."""

    starts: list[int] = attrs.Factory(list)
    items: list[tuple[int, int, str]] = attrs.Factory(list)
    longest: int = 0

    def add(self, start: int, end: int, key: str) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, end, key))
        self.longest = max(self.longest, end - start)

    def who(self, start: int, end: int) -> set[str]:
        """The people of the unit away at some time between *start* and *end*."""
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return {key for s, e, key in self.items[low:high] if e > start}


class Board:
    """What is booked so far; grows as requests are placed.

    Args:
        busy: Busy time people already have: a private copy, into which
            *meetings* and every placed meeting are booked.
        settings: The planning settings.
        staff: The staff list units are counted from (for the share that
            stays on duty); empty: staffing is not checked.
        meetings: Meetings already planned: their attendees are busy and away
            from their units, their places count for travel, their rooms
            are taken.
        closed: Days no meeting is placed on.
        availability: Who is at work when; by default everyone works the
            settings' hours (their unit's, if it has its own), but not on
            the *closed* days.
    """

    def __init__(
        self,
        busy: BusyIndex,
        settings: PlanningSettings,
        staff: Sequence[Professional],
        meetings: Sequence[Meeting],
        closed: frozenset[date],
        availability: Availability | None = None,
    ) -> None:
        self.busy = busy
        busy._book_meetings(meetings)
        self.availability = availability or at_work(
            settings, closed, professionals=staff
        )
        self.settings = settings
        self.zone: ZoneInfo = settings.zone
        self.closed = closed
        self.agendas: dict[str, _Agenda] = {}
        self.rooms: dict[str, _Agenda] = {}
        self.away: dict[str, _Away] = {}
        self.unit_of: dict[str, str] = {}
        self.staff: dict[str, int] = {}
        members: dict[str, set[str]] = {}
        for person in staff:
            members.setdefault(person.unit.id, set()).add(person.key)
        for unit, keys in members.items():
            if settings.keeps_on_duty(len(keys)):
                self.staff[unit] = len(keys)
                self.unit_of.update(dict.fromkeys(keys, unit))
        self.by_id = {room.id: room for room in settings.rooms}
        travel = settings.travel
        self.reach = micros_of(
            max(
                settings.break_between,
                travel.default,
                *travel.matrix.values(),
            )
        )
        for meeting in meetings:
            if meeting.status is MeetingStatus.CANCELLED:
                continue
            start = _micros(meeting.start)
            end = start + micros_of(meeting.duration)
            citizen = meeting.case.citizen.pseudonym if meeting.case else None
            room = self.by_id.get(meeting.location.room or "")
            place = place_of(meeting.location, citizen, room)
            self._record(
                [a.person.key for a in meeting.attendees], start, end, place, room
            )

    def _record(
        self,
        keys: Sequence[str],
        start: int,
        end: int,
        place: str | None,
        room: Room | None,
    ) -> None:
        for key in keys:
            self.agendas.setdefault(key, _Agenda()).add(start, end, place)
            unit = self.unit_of.get(key)
            if unit is not None:
                self.away.setdefault(unit, _Away()).add(start, end, key)
        if room is not None:
            self.rooms.setdefault(room.id, _Agenda()).add(start, end, place)

    def book(
        self,
        keys: Sequence[str],
        start: int,
        end: int,
        place: str | None,
        room: Room | None,
    ) -> None:
        """Book *keys* (and *room*) from *start* to *end* at *place*."""
        begins, ends = _moment(start, self.zone), _moment(end, self.zone)
        for key in keys:
            self.busy._book(key, begins, ends)
        self._record(keys, start, end, place, room)

    # -- the hard rules, one candidate at a time --------------------------

    def gap(self, first: str | None, second: str | None) -> int:
        """The least time between a meeting at *first* and one at *second*."""
        travel = self.settings.travel.between(first, second)
        return micros_of(max(travel, self.settings.break_between))

    def travels(self, key: str, start: int, end: int, place: str | None) -> bool:
        """Whether *key* can get to and from *place* around their other meetings."""
        agenda = self.agendas.get(key)
        if agenda is None:
            return True
        for s, e, there in agenda.near(start, end, self.reach):
            if e <= start:
                if start - e < self.gap(there, place):
                    return False
            elif s >= end:
                if s - end < self.gap(place, there):
                    return False
            else:
                return False
        return True

    def room_free(self, room: Room, start: int, end: int) -> bool:
        """Whether *room* is free, with the break before and after."""
        booked = self.rooms.get(room.id)
        if booked is None:
            return True
        pause = micros_of(self.settings.break_between)
        return all(
            e + pause <= start or s >= end + pause
            for s, e, _ in booked.near(start, end, pause)
        )

    def may_send(self, keys: Iterable[str], start: int, end: int) -> str | None:
        """``None`` if every unit can spare *keys* then, else the first that cannot."""
        going: dict[str, set[str]] = {}
        for key in keys:
            unit = self.unit_of.get(key)
            if unit is not None:
                going.setdefault(unit, set()).add(key)
        for unit in sorted(going):
            away = self.away.get(unit)
            gone = away.who(start, end) if away is not None else set()
            limit = self.settings.away_at_most(unit, self.staff[unit])
            if len(gone | going[unit]) > limit:
                return unit
        return None


@attrs.frozen
class Need:
    """What one request needs, worked out once.

    Attributes:
        required: The keys of the people who must all be there.
        optional: The keys of the people who come along when they can.
        people: The required people as professionals where known, for their
            units' hours.
        length: The meeting's length, in microseconds.
        low: The window's first instant; high: its end.
        location: Where the request is held.
        citizen: The pseudonym of the case's citizen, for a home's place.
        rooms: The rooms that may hold it, smallest first; ``None`` when no
            room is planned for it.
        avoid: The local time spans to keep free, of every unit taking part.
        aim: The day the objective aims at: the window's first, or a day
            that spreads the requests of a window over it.
    """

    required: tuple[str, ...]
    optional: tuple[str, ...]
    people: tuple[Professional | str, ...]
    length: int
    low: int
    high: int
    location: Location
    citizen: str | None
    rooms: tuple[Room, ...] | None
    avoid: tuple[tuple[time, time], ...]
    aim: date


def rooms_for(
    location: Location, headcount: int, settings: PlanningSettings
) -> tuple[Room, ...] | None:
    """The rooms that may hold an on-site meeting of *headcount*, smallest first.

    ``None`` when rooms are not planned for it (not on site, or no rooms
    set and none named); an empty tuple when none is big enough.
    """
    if location.kind is not LocationKind.ON_SITE:
        return None
    if location.room is not None:
        named = [r for r in settings.rooms if r.id == location.room]
        return tuple(r for r in named if r.capacity >= headcount) if named else None
    if not settings.rooms:
        return None
    return tuple(
        sorted(
            (r for r in settings.rooms if r.capacity >= headcount),
            key=lambda r: (r.capacity, r.id),
        )
    )


@attrs.frozen
class Candidate:
    """A start that breaks no hard rule, with what it costs (lower is better)."""

    start: int
    end: int
    room: Room | None
    place: str | None
    optional: tuple[str, ...]
    cost: tuple[bool, bool, int, int, int]


@attrs.define
class Tally:
    """Why candidates were refused, for a request that found none."""

    free: int = 0
    travel: int = 0
    room: int = 0
    staffing: dict[str, int] = attrs.Factory(dict)


def _days(need: Need, board: Board) -> list[date]:
    """The days to look at, nearest the aimed-at day first, open ones only."""
    zone = board.zone
    first = _moment(need.low, zone).date()
    last = _moment(need.high - 1, zone).date()
    days = []
    day = first
    while day <= last:
        if day not in board.closed:
            days.append(day)
        day += timedelta(days=1)
    days.sort(key=lambda d: (abs((d - need.aim).days), d))
    return days


def _day(day: date, need: Need, zone: ZoneInfo) -> tuple[int, int] | None:
    """The part of *need*'s window on *day*: a meeting is held within a day."""
    opens = max(_micros(datetime.combine(day, time(0), tzinfo=zone)), need.low)
    shuts = min(
        _micros(datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)),
        need.high,
    )
    return (opens, shuts) if opens < shuts else None


def _open_stretches(
    people: Sequence[Professional | str], need: Need, board: Board
) -> Iterator[Iterator[tuple[int, int]]]:
    """Per day, in the objective's order: when all *people* are at work."""
    for day in _days(need, board):
        bounds = _day(day, need, board.zone)
        if bounds is None:
            continue
        opening = board.availability._open(people, *bounds)
        if opening is None:  # their hours never meet
            return
        yield opening


def _local_overlap(
    start: int, end: int, spans: Sequence[tuple[time, time]], zone: ZoneInfo
) -> bool:
    begins = _moment(start, zone)
    day = begins.date()
    for low, high in spans:
        a = _micros(datetime.combine(day, low, tzinfo=zone))
        b = _micros(datetime.combine(day, high, tzinfo=zone))
        if start < b and a < end:
            return True
    return False


def _within(
    start: int, end: int, span: tuple[time, time] | None, zone: ZoneInfo
) -> bool:
    if span is None:
        return True
    day = _moment(start, zone).date()
    a = _micros(datetime.combine(day, span[0], tzinfo=zone))
    b = _micros(datetime.combine(day, span[1], tzinfo=zone))
    return a <= start and end <= b


def candidates(
    need: Need, board: Board, tally: Tally | None = None
) -> Iterator[Candidate]:
    """The starts *need* may have on *board*, day by day in the objective's order.

    Within a day the starts come in time order. The search is lazy: stop
    when one good enough is found.
    """
    lists = _spans_of(board.busy, need.required)
    zone = board.zone
    for opening in _open_stretches(need.people, need, board):
        for low, high in _stretches(lists, opening, need.length):
            start = -(-low // GRID) * GRID
            while start + need.length <= high:
                found = _check(need, board, start, start + need.length, zone, tally)
                if found is not None:
                    yield found
                start += GRID


def _check(
    need: Need, board: Board, start: int, end: int, zone: ZoneInfo, tally: Tally | None
) -> Candidate | None:
    if tally is not None:
        tally.free += 1
    room: Room | None = None
    if need.rooms is not None:
        room = next((r for r in need.rooms if board.room_free(r, start, end)), None)
        if room is None:
            if tally is not None:
                tally.room += 1
            return None
    place = place_of(need.location, need.citizen, room)
    if not all(board.travels(k, start, end, place) for k in need.required):
        if tally is not None:
            tally.travel += 1
        return None
    short = board.may_send(need.required, start, end)
    if short is not None:
        if tally is not None:
            tally.staffing[short] = tally.staffing.get(short, 0) + 1
        return None
    coming: list[str] = []
    for key in need.optional:
        if (
            board.busy._is_free(key, _moment(start, zone), _moment(end, zone))
            and board.travels(key, start, end, place)
            and board.may_send([*need.required, *coming, key], start, end) is None
        ):
            coming.append(key)
    cost = (
        _local_overlap(start, end, need.avoid, zone),
        not _within(start, end, board.settings.preferred, zone),
        len(need.optional) - len(coming),
        abs((_moment(start, zone).date() - need.aim).days),
        start,
    )
    return Candidate(start, end, room, place, tuple(coming), cost)


def best(need: Need, board: Board, tally: Tally | None = None) -> Candidate | None:
    """The best start for *need*, or ``None``.

    The candidates come nearest the aimed-at day first and, within a day,
    earliest first: the order of the last two parts of their cost. So the
    first that costs nothing else (outside hours to avoid, inside preferred
    hours, every optional attendee free) is the best and ends the search;
    otherwise the cheapest of the days up to :data:`LOOKAHEAD_DAYS` from the
    first that had one wins.
    """
    chosen: Candidate | None = None
    first_day: date | None = None
    for found in candidates(need, board, tally):
        day = _moment(found.start, board.zone).date()
        if first_day is None:
            first_day = day
        elif abs((day - first_day).days) > LOOKAHEAD_DAYS:
            break
        if chosen is None or found.cost < chosen.cost:
            chosen = found
        if found.cost[:3] == (False, False, 0):
            break
    return chosen


__all__ = [
    "GRID",
    "LOOKAHEAD_DAYS",
    "Board",
    "Candidate",
    "Need",
    "Tally",
    "best",
    "candidates",
    "has_time",
    "micros_of",
    "place_of",
    "rooms_for",
]


def has_time(need: Need, board: Board, person: Professional | str) -> bool:
    """Whether *person* alone is free and at work for *need*'s length in its window."""
    key = person if isinstance(person, str) else person.key
    lists = _spans_of(board.busy, [key])
    return any(
        next(_stretches(lists, opening, need.length), None) is not None
        for opening in _open_stretches([person], need, board)
    )
