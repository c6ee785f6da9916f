"""Recurring meetings: RFC 5545 rules expanded to aware, local-time occurrences.

A :class:`Series` is a first start (DTSTART, aware, in an IANA zone), a
recurrence rule (RRULE), exception dates (EXDATE) and added dates (RDATE). It
expands with :mod:`dateutil.rrule` on *wall-clock* time in the start's zone, so
a weekly 09:00 meeting stays at 09:00 local time across the changes between
summer and winter time.

Daylight-saving edge cases, as RFC 5545 (3.3.5) says:

* a local time in the spring-forward **gap** (02:30 on the last Sunday of March
  in Copenhagen) does not exist; the occurrence is moved forward by the length
  of the gap, to 03:30 summer time;
* a local time in the autumn **fold** (02:30 on the last Sunday of October)
  happens twice; the occurrence is the first of the two (summer time), once —
  except the start itself, which is kept as given: a series that starts at
  the second 02:30 (``fold=1``) has that instant as its first occurrence.

The pitfalls other calendar libraries' users keep reporting are handled: an
UNTIL given in local time (or as a date) is accepted and normalised to UTC, an
EXDATE matches its occurrence whatever zone it is written in (they are compared
as instants), and ``DTSTART;TZID=...`` is read by :meth:`Series.from_ical`.

The rule is read, and its work bounded, by :mod:`learnmeet.model._rrule`, the
reader a :class:`~learnmeet.Forum` is checked with: see :class:`Series` for
the limits.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._arguments import checked
from learnmeet.model._checks import each, to_frozenset
from learnmeet.model._rrule import (
    MAX_OCCURRENCES,
    MAX_SPAN_YEARS,
    MAX_WINDOW,
    Recurrence,
    check_rule,
    until_wall,
    walk,
    years_on,
)
from learnmeet.model._time import (
    COPENHAGEN,
    LAST_YEAR,
    aware_datetime,
    load_zone,
    year_problem,
)

__all__ = ["Series", "content_line", "content_lines", "tzid_zone"]

_UTC = timezone.utc
_STAMP = re.compile(
    r"([0-9]{4})([0-9]{2})([0-9]{2})(?:T([0-9]{2})([0-9]{2})([0-9]{2})(Z)?)?", re.ASCII
)
_DAY = timedelta(days=1)
_LAST_WALL = datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999_999)


_WRITE_START = Label(
    da="skriv fx 'DTSTART;TZID=Europe/Copenhagen:20260106T090000'",
    en="write e.g. 'DTSTART;TZID=Europe/Copenhagen:20260106T090000'",
)


def _stamp(text: str, zone: ZoneInfo | None) -> datetime | date:
    """Read an iCalendar DATE or DATE-TIME: ``20260301``, ``...T090000``, ``...Z``."""
    match = _STAMP.fullmatch(text.strip())
    if match is None:
        raise ValueError("not an iCalendar date or date-time")
    y, mo, d, h, mi, s, z = match.groups()
    if year_problem(int(y)) is not None:
        raise ValueError("outside the years learnmeet accepts")
    if h is None:
        return date(int(y), int(mo), int(d))
    naive = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    if z:
        return naive.replace(tzinfo=_UTC)
    return naive.replace(tzinfo=zone) if zone is not None else naive


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(_UTC)


def _instants(items: Iterable[datetime]) -> frozenset[datetime]:
    return to_frozenset(items)


def _too_many(kind: str, where: str, path: str) -> InvalidValueError:
    most = f"{MAX_OCCURRENCES:,}"
    return InvalidValueError(
        reason=Label(
            da=f"en serie har højst {most.replace(',', '.')} {kind}-datoer",
            en=f"a series has at most {most} {kind} dates",
        ),
        fix=Label(
            da="del datoerne på flere serier, eller skriv dem som en regel",
            en="split the dates over several series, or write them as a rule",
        ),
        where=where,
        path=(path,),
    )


def _at_most_occurrences(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    # Counted before the dates are checked one by one; what is no collection
    # is left to each() to refuse.
    if isinstance(value, frozenset) and len(value) > MAX_OCCURRENCES:
        kind = attribute.name.removesuffix("s").upper()
        raise _too_many(kind, type(instance).__name__, attribute.name)


def _limit(reason: Label, fix: Label, path: str) -> InvalidValueError:
    return InvalidValueError(
        reason=reason, fix=fix, where="Series.occurrences", path=(path,)
    )


@attrs.frozen(kw_only=True)
class Series:
    """A recurring meeting time: DTSTART, RRULE, EXDATE and RDATE of RFC 5545.

    >>> from datetime import datetime
    >>> from learnmeet import COPENHAGEN, Series
    >>> weekly = Series(start=datetime(2026, 3, 17, 9, tzinfo=COPENHAGEN),
    ...                 rule="FREQ=WEEKLY;COUNT=3")
    >>> [o.strftime("%d/%m %H:%M %Z") for o in weekly.occurrences()]
    ['17/03 09:00 CET', '24/03 09:00 CET', '31/03 09:00 CEST']

    The rule is read with the limits a :class:`~learnmeet.Forum`'s recurrence
    is checked with, so every expansion does bounded work:

    * FREQ is DAILY, WEEKLY, MONTHLY or YEARLY, at most five times a day
      (BYHOUR x BYMINUTE x BYSECOND); COUNT is 1 to 10,000 and INTERVAL 1 or
      more; the parts are RFC 5545's, once each, in the combinations it
      allows; the first occurrence comes within ten years of the start;
    * :meth:`occurrences` returns at most 10,000 occurrences, RDATEs
      included, walks the rule at most 100 years past the start, and takes a
      window (*after* to *before*) of at most five years (1,827 days). At
      five a day, a five-year window never holds 10,000 of the rule's;
    * a series has at most 10,000 EXDATEs and 10,000 RDATEs, and every RDATE
      comes at most 100 years after the start.

    Attributes:
        start: The first occurrence (DTSTART); aware, in an IANA zone. Its
            ``fold`` is kept: a start at the second 02:30 of the autumn night
            is the first occurrence, at that instant. It is the first even
            where the rule does not match it (RFC 5545, 3.8.5.3; Outlook and
            Google show it so), and then counts as one of a COUNT (3.3.10).
        rule: The recurrence rule's parts, e.g. ``"FREQ=WEEKLY;BYDAY=TU"``; an
            UNTIL in local time or as a date is accepted.
        exdates: Occurrences to leave out, in any zone; at most 10,000.
        rdates: Occurrences to add, in any zone; at most 10,000, none more
            than 100 years after the start.

    Raises:
        InvalidValueError: The rule cannot be read or is beyond the limits,
            the start is not in an IANA zone, or the EXDATEs or RDATEs are
            beyond the limits.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The limits, for RDATE and EXDATE too; the
       start's fold is kept; a start the rule does not match is the first
       occurrence, no longer left out.
    """

    start: datetime = attrs.field(validator=aware_datetime)
    rule: str = attrs.field()
    exdates: frozenset[datetime] = attrs.field(
        default=frozenset(),
        converter=_instants,
        validator=[_at_most_occurrences, each(aware_datetime)],
    )
    rdates: frozenset[datetime] = attrs.field(
        default=frozenset(),
        converter=_instants,
        validator=[_at_most_occurrences, each(aware_datetime)],
    )
    _recurrence: Recurrence = attrs.field(init=False, eq=False, hash=False, repr=False)
    _counted: tuple[datetime, ...] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    _unmatched: bool = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        zone = self.start.tzinfo
        if not isinstance(zone, ZoneInfo):
            raise InvalidValueError(
                reason=Label(
                    da="en serie skal have en IANA-zone for at holde sin lokale tid "
                    "hen over sommertid",
                    en="a series needs an IANA zone to keep its local time across DST",
                ),
                fix=Label(
                    da="brug tzinfo=ZoneInfo('Europe/Copenhagen')",
                    en="use tzinfo=ZoneInfo('Europe/Copenhagen')",
                ),
                where="Series",
                path=("start",),
            )
        last = years_on(
            self.start.replace(tzinfo=None, fold=0), MAX_SPAN_YEARS
        ).replace(tzinfo=zone)
        if any(_utc(r) > _utc(last) for r in self.rdates):
            raise InvalidValueError(
                reason=Label(
                    da=f"en RDATE ligger mere end {MAX_SPAN_YEARS} år efter "
                    "seriens start",
                    en=f"an RDATE is more than {MAX_SPAN_YEARS} years after the "
                    "series' start",
                ),
                fix=Label(
                    da=f"giv kun RDATE-datoer inden for {MAX_SPAN_YEARS} år fra "
                    "starten, eller start en ny serie",
                    en=f"give only RDATEs within {MAX_SPAN_YEARS} years of the "
                    "start, or start a new series",
                ),
                where="Series",
                path=("rdates",),
            )
        # A rule with COUNT is walked whole when it is checked; its wall times
        # are kept, so an expansion does not walk it again.
        recurrence, counted, first = check_rule(
            self.rule, self.start, where="Series", path=("rule",)
        )
        wall = self.start.replace(tzinfo=None, fold=0, microsecond=0)
        # The start is the first occurrence even where the rule does not
        # match it (RFC 5545, 3.8.5.3; Outlook and Google show it so). It
        # then counts as one of a COUNT (RFC 5545, 3.3.10).
        unmatched = first.replace(tzinfo=None) != wall
        if unmatched and recurrence.count is not None:
            counted = counted[: recurrence.count - 1]
        object.__setattr__(self, "_recurrence", recurrence)
        object.__setattr__(self, "_counted", counted)
        object.__setattr__(self, "_unmatched", unmatched)

    @property
    def zone(self) -> ZoneInfo:
        """The IANA zone the series keeps its local time in."""
        assert isinstance(self.start.tzinfo, ZoneInfo)
        return self.start.tzinfo

    @classmethod
    @checked
    def from_ical(cls, text: str, *, default_zone: ZoneInfo = COPENHAGEN) -> Series:
        """Read the recurrence of an iCalendar event: DTSTART, RRULE, EXDATE, RDATE.

        *text* is a whole ``BEGIN:VEVENT`` ... ``END:VEVENT`` (alone or in a
        ``VCALENDAR``, with its ``VTIMEZONE``), or just its lines. It is read
        as RFC 5545 (3.1) writes content lines:

        * folded lines (a line break, CRLF or LF, then a space or tab) are
          unfolded first, as Outlook and Google fold long RRULE and EXDATE
          lines;
        * property and parameter names are read in any case; properties
          other than the four (SUMMARY, DTEND, UID ...) and other components'
          lines (VTIMEZONE, VALARM) are passed over;
        * ``DTSTART;TZID=Europe/Copenhagen:20260106T090000`` keeps its zone
          (a Windows name such as ``Romance Standard Time`` is mapped by
          CLDR's table, with the ``calendar`` extra installed); a floating
          DTSTART is read in *default_zone*; a DTSTART in UTC (``...Z``)
          recurs in UTC, as calendar programs show it — across a change of
          summer time its local hour moves;
        * RDATE as dates, date-times or periods (``VALUE=PERIOD``: the
          period's start is the occurrence), and EXDATE, on as many lines as
          written; a date means the series' local time of day that day.

        One event is read: a second VEVENT (an override with RECURRENCE-ID),
        a second RRULE line, or an EXRULE is refused rather than dropped
        (read whole calendars with :func:`learnmeet.busy_from_ical`). Dates
        and times are ASCII digits, in the years 1900-9998.

        Raises:
            InvalidValueError: A line cannot be read, or the event holds what
                a series cannot; the message names the line.

        .. versionadded:: 0.1.0
        .. versionchanged:: 0.2.0 Folded lines, whole VEVENTs, periods in
           RDATE, Windows zone names; a UTC DTSTART recurs in UTC; a second
           RRULE is refused.
        """
        start: datetime | None = None
        rule: str | None = None
        found: dict[str, list[tuple[datetime | date, ZoneInfo]]] = {
            "EXDATE": [],
            "RDATE": [],
        }
        events = 0
        nested: list[str] = []
        for number, line in content_lines(text):
            try:
                name, params, value = content_line(line)
            except ValueError:
                raise _line_error(number, _CANNOT_READ, _WRITE_START) from None
            if name in ("BEGIN", "END"):
                component = value.strip().upper()
                if name == "BEGIN":
                    nested.append(component)
                    events += component == "VEVENT"
                    if events > 1:
                        raise _line_error(number, _ONE_EVENT, _READ_A_CALENDAR)
                elif nested and nested[-1] == component:
                    nested.pop()
                continue
            if any(c not in ("VCALENDAR", "VEVENT") for c in nested):
                continue  # a VTIMEZONE's or a VALARM's lines
            if name not in _RECURRENCE_LINES:
                continue
            if name == "EXRULE":
                raise _line_error(number, _NO_EXRULE, _WRITE_EXDATE)
            if name == "RRULE":
                if rule is not None:
                    raise _line_error(number, _ONE_RULE, _SPLIT_RULES)
                rule = value
                continue
            try:
                zone = _param_zone(params, default_zone)
            except InvalidValueError as refused:
                raise _line_error(number, refused.reason, refused.fix) from None
            period = name == "RDATE" and params.get("VALUE", "").upper() == "PERIOD"
            try:
                stamps = [
                    _stamp(v.partition("/")[0] if period else v, zone)
                    for v in value.split(",")
                ]
            except ValueError:
                raise _line_error(number, _CANNOT_READ, _WRITE_START) from None
            if name == "DTSTART":
                start = _as_datetime(stamps[0], zone, time(0))
            else:
                found[name] += [(stamp, zone) for stamp in stamps]
                if len(found[name]) > MAX_OCCURRENCES:
                    # Refused as the series would be, before reading on.
                    raise _too_many(name, "Series.from_ical", "text")
        if start is None:
            raise InvalidValueError(
                reason=Label(da="ingen DTSTART-linje", en="no DTSTART line"),
                fix=_WRITE_START,
                where="Series.from_ical",
                path=("text",),
            )
        if not isinstance(start.tzinfo, ZoneInfo):
            # A UTC DTSTART is an instant, and its rule is walked in UTC.
            start = start.astimezone(_UTC_ZONE)
        # A date-only EXDATE or RDATE means that day's occurrence, at the
        # series' local time of day.
        at = start.time().replace(tzinfo=None)
        exdates = [_as_datetime(s, z, at) for s, z in found["EXDATE"]]
        rdates = [_as_datetime(s, z, at) for s, z in found["RDATE"]]
        return cls(start=start, rule=rule or "", exdates=exdates, rdates=rdates)

    @checked
    def occurrences(
        self, after: datetime | None = None, before: datetime | None = None
    ) -> tuple[datetime, ...]:
        """Return the occurrences from *after* up to *before* (both included).

        Both bounds are aware instants (any zone); leave one out for no bound.
        An unbounded, endless rule is refused.

        The work is bounded: a window (*after* to *before*) of at most five
        years, the rule walked at most 100 years past the start, and at most
        10,000 of the rule's occurrences returned (RDATEs come on top). A rule
        that ends (COUNT or UNTIL) may be asked for without *before*, as long
        as it ends within the 100 years.

        Raises:
            InvalidValueError: A bound is naive, the series would never end, or
                a limit is reached; the message says which and what to do.
        """
        for name, bound in (("after", after), ("before", before)):
            if bound is not None and bound.utcoffset() is None:
                raise _limit(
                    Label(
                        da=f"{name} skal have en tidszone",
                        en=f"{name} must be an aware datetime",
                    ),
                    Label(
                        da="giv tidspunkter med tzinfo", en="pass datetimes with tzinfo"
                    ),
                    name,
                )
        rule = self._recurrence
        if rule.endless and before is None:
            raise _limit(
                Label(da="reglen slutter aldrig", en="the rule never ends"),
                Label(
                    da="giv before=... eller tilføj COUNT eller UNTIL til reglen",
                    en="pass before=... or add COUNT or UNTIL to the rule",
                ),
                "before",
            )
        if (
            after is not None
            and before is not None
            and _utc(before) - _utc(after) > MAX_WINDOW
        ):
            raise _limit(
                Label(
                    da=f"vinduet er længere end fem år ({MAX_WINDOW.days} dage)",
                    en=f"the window is longer than five years ({MAX_WINDOW.days} days)",
                ),
                Label(
                    da="del perioden op i vinduer på højst fem år",
                    en="split the period into windows of five years at most",
                ),
                "before",
            )
        low = None if after is None else _utc(after)
        high = None if before is None else _utc(before)
        expanded, moved = self._expand(low, high)
        if not (moved or self.rdates or self.exdates):
            # The usual case: the rule's wall-clock times, already in order and
            # each once, are the answer as they are.
            return tuple(expanded)
        found = {_utc(moment) for moment in expanded}
        found.update(_utc(r) for r in self.rdates if _inside(_utc(r), low, high))
        found.difference_update(_utc(x) for x in self.exdates)
        if len(found) > MAX_OCCURRENCES:
            most = f"{MAX_OCCURRENCES:,}"
            raise _limit(
                Label(
                    da=f"reglen og dens RDATE-datoer giver mere end "
                    f"{most.replace(',', '.')} forekomster i ét kald",
                    en=f"the rule and its RDATEs give more than {most} "
                    "occurrences in one call",
                ),
                Label(
                    da="spørg efter et kortere vindue (after=..., before=...)",
                    en="ask for a shorter window (after=..., before=...)",
                ),
                "before",
            )
        zone = self.zone
        return tuple(moment.astimezone(zone) for moment in sorted(found))

    def _expand(
        self, low: datetime | None, high: datetime | None
    ) -> tuple[list[datetime], bool]:
        """The rule's occurrences as aware local times, and whether any was moved.

        A wall time with one offset is its own answer; only a time in the
        spring-forward gap (moved forward) or the repeated autumn hour (the
        first of the two, which fold 0 already is — the start keeps its own
        fold) needs a closer look.
        """
        zone = self.zone
        rule = self._recurrence
        first = self.start.replace(tzinfo=None, fold=0, microsecond=0)
        # The wall clock and the instant differ by at most a day: walk from a
        # day before the first instant to a day after the last, and filter on
        # instants.
        last = _LAST_WALL
        if high is not None:
            last = min(last, high.astimezone(zone).replace(tzinfo=None) + _DAY)
        skip_to = None
        if low is not None:
            skip_to = max(first, low.astimezone(zone).replace(tzinfo=None) - _DAY)
        if rule.count is None:
            # A COUNT is reached within 100 years of the start (checked when
            # the series was made); any other rule is walked from the window.
            until = until_wall(rule, zone)
            end = last if until is None else min(last, until)
            if end > years_on(skip_to or first, MAX_SPAN_YEARS):
                raise _limit(
                    Label(
                        da=f"der skal gås mere end {MAX_SPAN_YEARS} år gennem reglen "
                        "(fra starten eller after= til before= eller UNTIL)",
                        en=f"the rule would be walked more than {MAX_SPAN_YEARS} "
                        "years (from the start or after= to before= or UNTIL)",
                    ),
                    Label(
                        da="giv after= og before= for den periode, du vil have",
                        en="pass after= and before= for the period you want",
                    ),
                    "before",
                )
        out: list[datetime] = []
        moved = False
        year = 0
        changes: frozenset[int] = frozenset()
        bounded = low is not None or high is not None
        start = self.start.replace(microsecond=0)
        if rule.count is None:
            walls: Iterable[datetime] = walk(rule, self.start, last, skip_to=skip_to)
        else:
            counted = self._counted
            begin = 0
            if skip_to is not None:
                begin = bisect_left(counted, skip_to.replace(tzinfo=zone))
            end = last.replace(tzinfo=zone)
            walls = itertools.takewhile(
                end.__ge__, itertools.islice(counted, begin, None)
            )
        for wall in walls:
            # Wall-clock times in the zone, fold 0; compared on the wall clock.
            if wall == start:
                local = start  # with its own fold
            else:
                local = wall
                if wall.year != year:
                    year, changes = wall.year, _change_days(zone, wall.year, wall.year)
                if wall.toordinal() in changes:
                    existing = _existing(local, start)
                    moved = moved or existing is not local
                    local = existing
            if bounded and not _inside(local, low, high):
                continue
            out.append(local)
            if len(out) == 1 and self._unmatched and _inside(start, low, high):
                # The start the rule does not match comes first.
                out.insert(0, start)
            if len(out) > MAX_OCCURRENCES:
                most = f"{MAX_OCCURRENCES:,}"
                raise _limit(
                    Label(
                        da=f"reglen giver mere end {most.replace(',', '.')} "
                        "forekomster i ét kald",
                        en=f"the rule gives more than {most} occurrences in one call",
                    ),
                    Label(
                        da="spørg efter et kortere vindue (after=..., before=...)",
                        en="ask for a shorter window (after=..., before=...)",
                    ),
                    "before",
                )
        if not out and self._unmatched and _inside(start, low, high):
            out.append(start)
        return out, moved


@functools.lru_cache(maxsize=64)
def _change_days(zone: ZoneInfo, first: int, last: int) -> frozenset[int]:
    """The local days (as ordinals) on which *zone*'s offset changes.

    Only a wall time on such a day can fall in a gap or a repeated hour, so
    only those occurrences need the round trip through UTC. A change exactly
    at midnight is put on both neighbouring days, to be safe.
    """
    days: set[int] = set()
    day = date(first, 1, 1).toordinal() - 1
    end = date(last, 12, 31).toordinal() + 1
    offset = datetime.fromordinal(day).replace(tzinfo=zone).utcoffset()
    while day < end:
        day += 1
        following = datetime.fromordinal(day).replace(tzinfo=zone).utcoffset()
        if following != offset:
            days.update((day - 1, day))
        offset = following
    return frozenset(days)


def _inside(moment: datetime, low: datetime | None, high: datetime | None) -> bool:
    return (low is None or moment >= low) and (high is None or moment <= high)


def _existing(local: datetime, start: datetime) -> datetime:
    """Move a local time in a DST gap forward by the gap; keep fold 0 otherwise.

    Fold 0 is the first of the autumn's two times, unless that is before the
    series' *start*: a series begun in the second pass of the repeated hour
    goes on in it (no occurrence comes before DTSTART).
    """
    there_and_back = _utc(local).astimezone(local.tzinfo)
    if there_and_back.replace(tzinfo=None) != local.replace(tzinfo=None):
        return there_and_back
    if _utc(local) < _utc(start):
        return local.replace(fold=1)
    return local


_WRITE_A_TZID = Label(
    da="skriv en regions IANA-zone, fx 'DTSTART;TZID=Europe/Copenhagen:...', "
    "eller 'TZID=UTC'",
    en="write a region's IANA zone, e.g. 'DTSTART;TZID=Europe/Copenhagen:...', "
    "or 'TZID=UTC'",
)


def _param_zone(params: dict[str, str], default: ZoneInfo) -> ZoneInfo:
    """The zone of a line's TZID parameter, or *default* without one.

    Raises:
        InvalidValueError: The TZID names no zone learnmeet keeps.
    """
    if "TZID" not in params:
        return default
    return tzid_zone(params["TZID"], fix=_WRITE_A_TZID)


def tzid_zone(
    tzid: str,
    *,
    fix: Label,
    where: str = "",
    path: tuple[str | int, ...] = (),
) -> ZoneInfo:
    """The IANA zone an iCalendar TZID names, or the library's refusal.

    An IANA name is taken as it is, with a leading ``/`` (RFC 5545's
    globally unique id) taken off; a Windows name, as Outlook and Exchange
    write (``Romance Standard Time``), is mapped by CLDR's windowsZones table
    as the ``icalendar`` package ships it (the ``calendar`` extra): without
    it, such a name is refused as an unknown zone.

    Raises:
        InvalidValueError: The TZID names no zone learnmeet keeps.
    """
    name = tzid.strip().removeprefix("/")
    windows = _windows_zones()
    if name in windows:
        name = windows[name]
    elif not windows:
        fix = Label(
            da=f"{fix.da}; et Windows-navn som 'Romance Standard Time' kræver "
            "learnmeet[calendar]",
            en=f"{fix.en}; a Windows name such as 'Romance Standard Time' needs "
            "learnmeet[calendar]",
        )
    return load_zone(name, fix=fix, where=where, path=path)


@functools.lru_cache(maxsize=1)
def _windows_zones() -> dict[str, str]:
    """CLDR's Windows-to-IANA table, as ``icalendar`` ships it; empty without it."""
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
    except ImportError:
        return {}
    return dict(WINDOWS_TO_OLSON)


def _as_datetime(stamp: datetime | date, zone: ZoneInfo, at: time) -> datetime:
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=zone)
    # A date is a local day in the series' zone, never midnight in UTC.
    return datetime.combine(stamp, at, tzinfo=zone)


_UTC_ZONE = ZoneInfo("UTC")
_RECURRENCE_LINES = frozenset({"DTSTART", "RRULE", "EXRULE", "RDATE", "EXDATE"})
_FOLD = re.compile(r"\r?\n[ \t]|\r[ \t]")
_NAME = re.compile(r"[A-Za-z0-9-]+", re.ASCII)
_CANNOT_READ = Label(da="linjen kan ikke læses", en="the line cannot be read")
_ONE_EVENT = Label(
    da="teksten har mere end én VEVENT (fx en ændret forekomst med RECURRENCE-ID); "
    "en serie læses fra én",
    en="the text holds more than one VEVENT (e.g. an override with "
    "RECURRENCE-ID); a series is read from one",
)
_READ_A_CALENDAR = Label(
    da="giv én VEVENT, eller læs hele kalenderen med busy_from_ical",
    en="give one VEVENT, or read the whole calendar with busy_from_ical",
)
_ONE_RULE = Label(
    da="hændelsen har mere end én RRULE-linje; en serie har én regel",
    en="the event has more than one RRULE line; a series has one rule",
)
_SPLIT_RULES = Label(
    da="læs hver regel som sin egen serie, eller læs kalenderen med busy_from_ical",
    en="read each rule as a series of its own, or read the calendar with "
    "busy_from_ical",
)
_NO_EXRULE = Label(
    da="EXRULE er udgået af RFC 5545 og læses ikke",
    en="EXRULE was dropped by RFC 5545 and is not read",
)
_WRITE_EXDATE = Label(
    da="skriv de udeladte datoer som EXDATE", en="write the dates left out as EXDATE"
)


def _line_error(number: int, reason: Label, fix: Label) -> InvalidValueError:
    return InvalidValueError(
        reason=Label(
            da=f"linje {number}: {reason.da}", en=f"line {number}: {reason.en}"
        ),
        fix=fix,
        where="Series.from_ical",
        path=("text",),
    )


def content_lines(text: str) -> Iterator[tuple[int, str]]:
    """The unfolded content lines of *text*, each with its first line's number.

    RFC 5545 (3.1): a line break followed by a space or a tab continues the
    line before; both are taken out. CRLF, LF and CR all end a line. Blank
    lines are passed over, and so is the white space around a line (which
    no property's name or value starts or ends with where it matters here).
    """
    physical = text.splitlines()
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(physical, start=1):
        if raw[:1] in (" ", "\t") and logical:
            first, before = logical[-1]
            logical[-1] = (first, before + raw[1:])
        else:
            logical.append((number, raw))
    for number, line in logical:
        if line.strip():
            yield number, line.strip()


def content_line(line: str) -> tuple[str, dict[str, str], str]:
    """A content line's name (upper case), parameters and value (RFC 5545, 3.1).

    Parameter names are upper-cased; a quoted parameter value may hold ``;``,
    ``:`` and ``,``.

    Raises:
        ValueError: The line has no name or no ``:``.
    """
    at = 0
    params: dict[str, str] = {}
    match = _NAME.match(line)
    if match is None:
        raise ValueError("no name")
    name = match[0].upper()
    at = match.end()
    while at < len(line) and line[at] == ";":
        match = _NAME.match(line, at + 1)
        if match is None or line[match.end() : match.end() + 1] != "=":
            raise ValueError("a parameter without a name")
        key = match[0].upper()
        at = match.end() + 1
        values = []
        while True:
            if line[at : at + 1] == '"':
                end = line.find('"', at + 1)
                if end < 0:
                    raise ValueError("an unclosed quote")
                values.append(line[at + 1 : end])
                at = end + 1
            else:
                end = at
                while end < len(line) and line[end] not in ";:,":
                    end += 1
                values.append(line[at:end])
                at = end
            if line[at : at + 1] != ",":
                break
            at += 1
        params[key] = ",".join(values)
    if line[at : at + 1] != ":":
        raise ValueError("no ':'")
    return name, params, line[at + 1 :]
