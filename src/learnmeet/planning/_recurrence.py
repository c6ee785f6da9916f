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
  happens twice; the occurrence is the first of the two (summer time), once.

The pitfalls other calendar libraries' users keep reporting are handled: an
UNTIL given in local time (or as a date) is accepted and normalised to UTC, an
EXDATE matches its occurrence whatever zone it is written in (they are compared
as instants), and ``DTSTART;TZID=...`` is read by :meth:`Series.from_ical`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from dateutil.rrule import rrule, rrulestr

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._arguments import checked
from learnmeet.model._checks import COPENHAGEN, aware_datetime, each
from learnmeet.model._forums import WRITE_A_RULE

__all__ = ["Series"]

_UTC = timezone.utc
_ANY_START = datetime(2000, 1, 3, 9)  # replaced by each series' own start
_UNTIL = re.compile(r"UNTIL=([0-9TZ]+)", re.IGNORECASE)
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?")


def _bad_rule(problem: Label) -> InvalidValueError:
    return InvalidValueError(
        reason=Label(
            da=f"ikke en gyldig gentagelsesregel (RFC 5545): {problem.da}",
            en=f"not a valid RFC 5545 recurrence rule: {problem.en}",
        ),
        fix=WRITE_A_RULE,
        where="Series",
        path=("rule",),
    )


_WRITE_START = Label(
    da="skriv fx 'DTSTART;TZID=Europe/Copenhagen:20260106T090000'",
    en="write e.g. 'DTSTART;TZID=Europe/Copenhagen:20260106T090000'",
)


def _stamp(text: str, zone: ZoneInfo | None) -> datetime | date:
    """Read an iCalendar DATE or DATE-TIME: ``20260301``, ``...T090000``, ``...Z``."""
    match = _STAMP.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not an iCalendar date or date-time")
    y, mo, d, h, mi, s, z = match.groups()
    if h is None:
        return date(int(y), int(mo), int(d))
    naive = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
    if z:
        return naive.replace(tzinfo=_UTC)
    return naive.replace(tzinfo=zone) if zone is not None else naive


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(_UTC)


def _normalise_until(rule: str, zone: ZoneInfo) -> str:
    """Rewrite UNTIL as the wall-clock time in *zone* of the instant it names.

    RFC 5545 wants UNTIL in UTC when DTSTART has a zone, but users write it in
    local time or as a date too; all three are accepted. The series expands on
    the naive wall clock of its zone, so UNTIL is written there.
    """
    match = _UNTIL.search(rule)
    if match is None:
        return rule
    value = _stamp(match.group(1), zone)
    if isinstance(value, datetime):
        until = _utc(value)
    else:  # a date: the whole of that local day is included
        until = _utc(datetime.combine(value, time.max, tzinfo=zone))
    wall = until.astimezone(zone).strftime("%Y%m%dT%H%M%S")
    return rule[: match.start(1)] + wall + rule[match.end(1) :]


def _instants(items: Iterable[datetime]) -> frozenset[datetime]:
    return frozenset(items)


def _check_rule(instance: Series, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _bad_rule(Label(da="den er tom", en="it is empty"))
    if "\n" in value or value.upper().startswith(("RRULE:", "DTSTART")):
        raise _bad_rule(
            Label(
                da="angiv kun reglens dele (brug Series.from_ical til hele linjer)",
                en="give only the rule's parts (use Series.from_ical for whole lines)",
            )
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

    Attributes:
        start: The first occurrence (DTSTART); aware, in an IANA zone.
        rule: The recurrence rule's parts, e.g. ``"FREQ=WEEKLY;BYDAY=TU"``; an
            UNTIL in local time or as a date is accepted.
        exdates: Occurrences to leave out, in any zone.
        rdates: Occurrences to add, in any zone.

    Raises:
        InvalidValueError: The rule cannot be read, or the start is not in an
            IANA zone.

    .. versionadded:: 0.1.0
    """

    start: datetime = attrs.field(validator=aware_datetime)
    rule: str = attrs.field(validator=_check_rule)
    exdates: frozenset[datetime] = attrs.field(
        default=frozenset(), converter=_instants, validator=each(aware_datetime)
    )
    rdates: frozenset[datetime] = attrs.field(
        default=frozenset(), converter=_instants, validator=each(aware_datetime)
    )
    _rrule: rrule = attrs.field(init=False, eq=False, hash=False, repr=False)
    _endless: bool = attrs.field(init=False, eq=False, hash=False, repr=False)
    _aware: bool = attrs.field(init=False, eq=False, hash=False, repr=False)

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
        try:
            # dateutil expands on the naive wall clock; the zone is put back on
            # each occurrence, which is what keeps 09:00 at 09:00.
            # Without UNTIL, dateutil can be given the aware start and then
            # hands out aware local times itself (wall-clock arithmetic all the
            # same); an UNTIL is written on the wall clock, so with one the
            # expansion is naive and the zone put on afterwards.
            aware = "UNTIL" not in self.rule.upper()
            start = self.start.replace(fold=0)
            parsed = _parse(self.rule, zone).replace(
                dtstart=start if aware else start.replace(tzinfo=None)
            )
        except (ValueError, TypeError, KeyError, IndexError, OverflowError):
            raise _bad_rule(
                Label(
                    da="en del af reglen kan ikke læses",
                    en="a part of the rule cannot be read",
                )
            ) from None
        parts = {p.split("=")[0].strip().upper() for p in self.rule.split(";")}
        object.__setattr__(self, "_rrule", parsed)
        object.__setattr__(self, "_aware", aware)
        object.__setattr__(self, "_endless", not parts & {"COUNT", "UNTIL"})

    @property
    def zone(self) -> ZoneInfo:
        """The IANA zone the series keeps its local time in."""
        assert isinstance(self.start.tzinfo, ZoneInfo)
        return self.start.tzinfo

    @classmethod
    @checked
    def from_ical(cls, text: str, *, default_zone: ZoneInfo = COPENHAGEN) -> Series:
        """Read DTSTART, RRULE, EXDATE and RDATE lines of an iCalendar event.

        ``DTSTART;TZID=Europe/Copenhagen:20260106T090000`` and a floating or UTC
        DTSTART are accepted; a floating time is read in *default_zone*.

        Raises:
            InvalidValueError: A line cannot be read; the message names it.

        .. versionadded:: 0.1.0
        """
        start: datetime | None = None
        rule = ""
        found: dict[str, list[tuple[datetime | date, ZoneInfo]]] = {
            "EXDATE": [],
            "RDATE": [],
        }
        for number, raw in enumerate(text.strip().splitlines(), start=1):
            line = raw.strip()
            if not line:
                continue
            name, _, value = line.partition(":")
            head, *params = name.split(";")
            try:
                zone = _param_zone(params, default_zone)
                if head.upper() == "RRULE":
                    rule = value
                    continue
                stamps = [_stamp(v, zone) for v in value.split(",")]
            except (ValueError, ZoneInfoNotFoundError):
                raise InvalidValueError(
                    reason=Label(
                        da=f"linje {number} kan ikke læses",
                        en=f"line {number} cannot be read",
                    ),
                    fix=_WRITE_START,
                    where="Series.from_ical",
                    path=("text",),
                ) from None
            if head.upper() == "DTSTART":
                start = _as_datetime(stamps[0], zone, time(0))
            elif head.upper() in found:
                found[head.upper()] += [(stamp, zone) for stamp in stamps]
        if start is None:
            raise InvalidValueError(
                reason=Label(da="ingen DTSTART-linje", en="no DTSTART line"),
                fix=_WRITE_START,
                where="Series.from_ical",
                path=("text",),
            )
        if not isinstance(start.tzinfo, ZoneInfo):
            start = start.astimezone(default_zone)
        # A date-only EXDATE or RDATE means that day's occurrence, at the
        # series' local time of day.
        at = start.time().replace(tzinfo=None)
        exdates = [_as_datetime(s, z, at) for s, z in found["EXDATE"]]
        rdates = [_as_datetime(s, z, at) for s, z in found["RDATE"]]
        return cls(start=start, rule=rule, exdates=exdates, rdates=rdates)

    @checked
    def occurrences(
        self, after: datetime | None = None, before: datetime | None = None
    ) -> tuple[datetime, ...]:
        """Return the occurrences from *after* up to *before* (both included).

        Both bounds are aware instants (any zone); leave one out for no bound.
        An unbounded, endless rule is refused.

        Raises:
            InvalidValueError: A bound is naive, or the series would never end.
        """
        for name, bound in (("after", after), ("before", before)):
            if bound is not None and bound.utcoffset() is None:
                raise InvalidValueError(
                    reason=Label(
                        da=f"{name} skal have en tidszone",
                        en=f"{name} must be an aware datetime",
                    ),
                    fix=Label(
                        da="giv tidspunkter med tzinfo", en="pass datetimes with tzinfo"
                    ),
                    where="Series.occurrences",
                    path=(name,),
                )
        if self._endless and before is None:
            raise InvalidValueError(
                reason=Label(da="reglen slutter aldrig", en="the rule never ends"),
                fix=Label(
                    da="giv before=... eller tilføj COUNT eller UNTIL til reglen",
                    en="pass before=... or add COUNT or UNTIL to the rule",
                ),
                where="Series.occurrences",
                path=("before",),
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
        zone = self.zone
        return tuple(moment.astimezone(zone) for moment in sorted(found))

    def _expand(
        self, low: datetime | None, high: datetime | None
    ) -> tuple[list[datetime], bool]:
        """The rule's occurrences as aware local times, and whether any was moved.

        A wall time with one offset is its own answer; only a time in the
        spring-forward gap (moved forward) or the repeated autumn hour (the
        first of the two, which fold 0 already is) needs a closer look.
        """
        zone = self.zone
        # The wall clock and the instant differ by at most a day; widen the
        # naive window by a day on each side and filter on instants.
        aware = self._aware

        def wall_clock(moment: datetime) -> datetime:
            local = moment.astimezone(zone)
            return local if aware else local.replace(tzinfo=None)

        earliest = datetime.min.replace(tzinfo=zone if aware else None)
        if low is not None and high is not None:
            wall = self._rrule.between(
                wall_clock(low) - timedelta(days=1),
                wall_clock(high) + timedelta(days=1),
                inc=True,
            )
        elif high is not None:
            wall = self._rrule.between(
                earliest, wall_clock(high) + timedelta(days=1), inc=True
            )
        else:
            wall = list(self._rrule)
        if not wall:
            return [], False
        changes = _change_days(zone, wall[0].year, wall[-1].year)
        out = []
        moved = False
        bounded = low is not None or high is not None
        for occurrence in wall:
            local = occurrence if aware else occurrence.replace(tzinfo=zone)
            if occurrence.toordinal() in changes:
                existing = _existing(local)
                moved = moved or existing is not local
                local = existing
            if bounded and not _inside(local, low, high):
                continue
            out.append(local)
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


@functools.lru_cache(maxsize=256)
def _parse(rule: str, zone: ZoneInfo) -> rrule:
    """Read a rule once per zone; each series then only sets its own start.

    UNTIL is normalised to the zone's wall clock first, which is why the zone
    is part of the key.
    """
    parsed = rrulestr(_normalise_until(rule, zone), dtstart=_ANY_START)
    if not isinstance(parsed, rrule):  # pragma: no cover - no RRULE: prefix
        raise ValueError("not a single rule")
    return parsed


def _inside(moment: datetime, low: datetime | None, high: datetime | None) -> bool:
    return (low is None or moment >= low) and (high is None or moment <= high)


def _existing(local: datetime) -> datetime:
    """Move a local time in a DST gap forward by the gap; keep fold 0 otherwise."""
    there_and_back = _utc(local).astimezone(local.tzinfo)
    if there_and_back.replace(tzinfo=None) == local.replace(tzinfo=None):
        return local
    return there_and_back


def _param_zone(params: list[str], default: ZoneInfo) -> ZoneInfo:
    for param in params:
        key, _, value = param.partition("=")
        if key.upper() == "TZID":
            return ZoneInfo(value.strip('"'))
    return default


def _as_datetime(stamp: datetime | date, zone: ZoneInfo, at: time) -> datetime:
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=zone)
    # A date is a local day in the series' zone, never midnight in UTC.
    return datetime.combine(stamp, at, tzinfo=zone)
