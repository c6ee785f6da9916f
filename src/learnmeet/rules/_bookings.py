"""Who is booked when: the meetings of a context, per person, sorted by start.

The double-booking rule asks, for each meeting it checks, which other meetings
overlap it for each person taking part. Scanning every meeting of the context
for every meeting checked grows with the square of the meetings; a
:class:`Bookings` is built once per :class:`~learnmeet.RuleContext` (so once
per :func:`~learnmeet.validate_all` call) and answers each person's question
by binary search among that person's own meetings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone

import attrs

from learnmeet.model._meetings import Meeting, MeetingStatus, who_takes_part

__all__ = ["Bookings", "Line"]


@attrs.frozen
class Line:
    """One person's bookings: intervals in UTC sorted by start, and the longest.

    Attributes:
        starts: The start of each booking, in UTC, ascending.
        ends: The end of each booking, in the same order.
        ids: The id of each booking's meeting, in the same order.
        longest: The longest booking, so a search knows how far back an
            overlapping booking can start.
    """

    starts: tuple[datetime, ...]
    ends: tuple[datetime, ...]
    ids: tuple[str, ...]
    longest: timedelta

    def overlapping(self, start: datetime, end: datetime) -> Iterator[str]:
        """The ids of the bookings that overlap ``[start, end)``, in start order.

        A booking overlaps when it starts before *end* and ends after
        *start*; one that overlaps starts after ``start - longest``.
        """
        low = bisect_right(self.starts, start - self.longest)
        high = bisect_left(self.starts, end, lo=low)
        ends, ids = self.ends, self.ids
        for i in range(low, high):
            if start < ends[i]:
                yield ids[i]


@attrs.frozen
class Bookings:
    """The meetings' bookings by person key (see :class:`Line`).

    A cancelled meeting books nobody; a person counted twice in one meeting
    is booked twice, as the rule has always counted them.
    """

    lines: dict[str, Line]

    @classmethod
    def of(cls, meetings: Iterable[Meeting]) -> Bookings:
        """Index *meetings* by every person taking part in them."""
        found: dict[str, list[tuple[datetime, datetime, str]]] = {}
        for m in meetings:
            if m.status is MeetingStatus.CANCELLED:
                continue
            # Instants in UTC: same-zone comparisons ignore fold (the
            # repeated hour).
            start = m.start.astimezone(timezone.utc)
            end = m.end.astimezone(timezone.utc)
            for a in who_takes_part(m).attendees:
                found.setdefault(a.person.key, []).append((start, end, m.id))
        lines = {}
        for key, booked in found.items():
            booked.sort()
            lines[key] = Line(
                starts=tuple(b[0] for b in booked),
                ends=tuple(b[1] for b in booked),
                ids=tuple(b[2] for b in booked),
                longest=max(b[1] - b[0] for b in booked),
            )
        return cls(lines)

    def overlapping(self, key: str, start: datetime, end: datetime) -> Iterator[str]:
        """The ids of *key*'s bookings that overlap ``[start, end)`` (UTC)."""
        line = self.lines.get(key)
        if line is not None:
            yield from line.overlapping(start, end)
