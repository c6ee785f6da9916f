"""Recurrence rules (RFC 5545, 3.3.10): read, checked and walked within limits.

One reader and one set of limits serve both places a rule is given: a
forum's ``recurrence``, checked when the :class:`~learnmeet.Forum` is made
(so ``learnmeet check`` refuses what planning could not do), and a
:class:`~learnmeet.Series`' ``rule``, which planning expands.

The limits, and why:

* **FREQ is DAILY, WEEKLY, MONTHLY or YEARLY**, and a rule meets at most
  :data:`MAX_TIMES_A_DAY` (5) times a day — the product of its BYHOUR,
  BYMINUTE and BYSECOND values. Forums and series meet a few times a day at
  most; HOURLY, MINUTELY and SECONDLY rules are what made expansion run for
  minutes. So no day holds more than five occurrences, and any window of
  :data:`MAX_WINDOW` (five years) fewer than :data:`MAX_OCCURRENCES`.
* **COUNT is 1 to** :data:`MAX_OCCURRENCES` **(10,000); INTERVAL is 1 or
  more**; COUNT and UNTIL are not both given (RFC 5545 forbids it). UNTIL is a
  date or a date-time, in UTC or local time, in the years the model accepts.
* **The rule's parts are RFC 5545's**, each once, with the values and the
  combinations it allows (an ordinal BYDAY only with MONTHLY or YEARLY,
  BYWEEKNO only with YEARLY, and so on), in ASCII digits. What dateutil would
  quietly read otherwise (``INTERVAL=0`` never returns, ``COUNT=-1`` gives
  nothing, ``BYDAY=1MO`` in a weekly rule drops the ``1``) is refused.
* **The first occurrence comes within** :data:`FIRST_WITHIN_YEARS` **(10)
  years of the start.** A rule that never matches (``BYMONTH=2;
  BYMONTHDAY=30``) or ends before it starts is refused when it is given.
* **A walk covers at most** :data:`MAX_SPAN_YEARS` **(100) years from the
  start**, and one expansion returns at most :data:`MAX_OCCURRENCES`.

dateutil walks a rule period by period from its start, and stops only at an
occurrence past UNTIL or COUNT or at the end of year 9999: a rule that never
or rarely matches walks to year 9999 (it did, for seconds or minutes, while
planning). :func:`walk` has dateutil walk instead in a stretch of years with
the same calendar — the same leap years and the same weekday on every
date — that ends just before 9999, so that dateutil's own end of time comes
soon after the end asked for: whether the rule matches or not, the walk stops
within a few decades of the calendar past that end (at worst 400 years).
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator
from datetime import MAXYEAR, date, datetime, time, timedelta, timezone
from typing import Any, Literal
from zoneinfo import ZoneInfo

import attrs
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, weekdays

from learnmeet.exceptions import InvalidValueError, Label, PathKey, shown
from learnmeet.model._time import LAST_YEAR, year_problem

__all__ = [
    "FIRST_WITHIN_YEARS",
    "MAX_OCCURRENCES",
    "MAX_SPAN_YEARS",
    "MAX_TIMES_A_DAY",
    "MAX_WINDOW",
    "WRITE_A_RULE",
    "Recurrence",
    "check_rule",
    "first_occurrence",
    "read_rule",
    "until_wall",
    "walk",
    "years_on",
]

MAX_OCCURRENCES = 10_000
"""The most occurrences one expansion returns, and the largest COUNT."""

MAX_TIMES_A_DAY = 5
"""The most times a day a rule meets (BYHOUR x BYMINUTE x BYSECOND)."""

MAX_WINDOW = timedelta(days=1827)
"""The longest window one call plans or searches: five years (1,827 days).

At :data:`MAX_TIMES_A_DAY` a day, a window this long holds fewer than
:data:`MAX_OCCURRENCES` occurrences.
"""

MAX_SPAN_YEARS = 100
"""How many years past its start a rule is walked, at most."""

FIRST_WITHIN_YEARS = 10
"""How many years after its start a rule's first occurrence may come, at most."""

WRITE_A_RULE = Label(
    da="skriv fx 'FREQ=WEEKLY;BYDAY=TU' eller 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'",
    en="write e.g. 'FREQ=WEEKLY;BYDAY=TU' or 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'",
)
"""How to write a recurrence rule: the fix of every refused one."""

_Frequency = Literal[0, 1, 2, 3]  # dateutil's YEARLY, MONTHLY, WEEKLY, DAILY
_FREQUENCIES: dict[str, _Frequency] = {
    "YEARLY": YEARLY,
    "MONTHLY": MONTHLY,
    "WEEKLY": WEEKLY,
    "DAILY": DAILY,
}
_TOO_OFTEN = frozenset({"HOURLY", "MINUTELY", "SECONDLY"})
_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
# The list parts: dateutil's keyword, the lowest and highest value, and
# whether a value may be negative (RFC 5545, 3.3.10). A leap second (60)
# cannot be held by a datetime, so BYSECOND stops at 59.
_LISTS: dict[str, tuple[str, int, int, bool]] = {
    "BYSECOND": ("bysecond", 0, 59, False),
    "BYMINUTE": ("byminute", 0, 59, False),
    "BYHOUR": ("byhour", 0, 23, False),
    "BYMONTHDAY": ("bymonthday", 1, 31, True),
    "BYYEARDAY": ("byyearday", 1, 366, True),
    "BYWEEKNO": ("byweekno", 1, 53, True),
    "BYMONTH": ("bymonth", 1, 12, False),
    "BYSETPOS": ("bysetpos", 1, 366, True),
}
_PARTS = frozenset({"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYDAY", "WKST", *_LISTS})
_NUMBER = re.compile(r"([+-]?)([0-9]{1,3})", re.ASCII)
_COUNT = re.compile(r"[0-9]{1,9}", re.ASCII)
_DAY = re.compile(r"(?:([+-]?)([0-9]{1,2}))?(MO|TU|WE|TH|FR|SA|SU)", re.ASCII)
_STAMP = re.compile(
    r"([0-9]{4})([0-9]{2})([0-9]{2})(?:T([0-9]{2})([0-9]{2})([0-9]{2})(Z)?)?", re.ASCII
)
_LINE = re.compile(r"[A-Z-]+[:;]", re.ASCII)
_LONGEST_RULE = 1000
_LAST_WALL = datetime(LAST_YEAR, 12, 31, 23, 59, 59, 999_999)


@attrs.frozen
class Recurrence:
    """A recurrence rule, read and checked: what dateutil is given.

    Attributes:
        text: The rule as it was written.
        freq: dateutil's frequency (``DAILY`` ... ``YEARLY``).
        interval: INTERVAL, 1 or more.
        count: COUNT, or ``None``.
        until: UNTIL: a date, a naive local date-time, or an aware one in
            UTC; or ``None``.
        wkst: The first day of the week (0 is Monday, as RFC 5545's default).
        options: dateutil's keywords for the BYxxx parts.
    """

    text: str
    freq: _Frequency
    interval: int
    count: int | None
    until: date | datetime | None
    wkst: int
    options: tuple[tuple[str, Any], ...]

    @property
    def endless(self) -> bool:
        """Whether the rule goes on for ever (neither COUNT nor UNTIL)."""
        return self.count is None and self.until is None


def _invalid(detail: Label) -> tuple[Label, Label]:
    return (
        Label(
            da=f"ikke en gyldig gentagelsesregel (RFC 5545): {detail.da}",
            en=f"not a valid RFC 5545 recurrence rule: {detail.en}",
        ),
        WRITE_A_RULE,
    )


class _RuleError(Exception):
    """A rule refused, with the reason and the fix; the caller says where."""

    def __init__(self, reason: Label, fix: Label) -> None:
        super().__init__()
        self.reason = reason
        self.fix = fix


def _refused(detail: Label, fix: Label | None = None) -> _RuleError:
    reason, default = _invalid(detail)
    return _RuleError(reason, fix or default)


def _beyond(detail: Label, fix: Label) -> _RuleError:
    """A valid rule beyond learnmeet's limits (see the module's docstring)."""
    return _RuleError(
        Label(
            da=f"gentagelsesreglen er uden for learnmeets grænser: {detail.da}",
            en=f"the recurrence rule is beyond learnmeet's limits: {detail.en}",
        ),
        fix,
    )


def read_rule(text: object, *, where: str, path: tuple[PathKey, ...]) -> Recurrence:
    """Read and check a rule's parts, e.g. ``"FREQ=WEEKLY;BYDAY=TU"``.

    The checks that need no start: the grammar and the limits of this
    module's docstring, except the first occurrence (see :func:`check_rule`).
    Part names and values may be in any case, as RFC 5545 has them, and
    a trailing ``;`` (as Google Calendar writes) is passed over.

    Raises:
        InvalidValueError: The rule is refused; the error's *where* and
            *path* are the caller's.
    """
    if not isinstance(text, str) or not text.strip():
        raise InvalidValueError(
            reason=Label(
                da="forventede en gentagelsesregel (RFC 5545)",
                en="expected a recurrence rule (RFC 5545)",
            ),
            fix=WRITE_A_RULE,
            where=where,
            path=path,
        )
    try:
        return _read(text)
    except _RuleError as refused:
        raise InvalidValueError(
            reason=refused.reason, fix=refused.fix, where=where, path=path
        ) from None


@functools.lru_cache(maxsize=256)
def _read(text: str) -> Recurrence:
    """The rule in *text*, read once however many forums and series use it."""
    if len(text) > _LONGEST_RULE:
        raise _refused(
            Label(
                da=f"den er over {_LONGEST_RULE} tegn lang",
                en=f"it is over {_LONGEST_RULE} characters long",
            )
        )
    upper = text.upper()
    if "\n" in text or "\r" in text or _LINE.match(upper):
        raise _refused(
            Label(
                da="giv kun reglens dele, uden 'RRULE:' eller 'DTSTART', og uden "
                "EXDATE- og RDATE-linjer",
                en="give only the rule's parts, without 'RRULE:' or 'DTSTART', and "
                "without EXDATE and RDATE lines",
            ),
        )
    pieces = text.split(";")
    if len(pieces) > 1 and not pieces[-1].strip():
        # A trailing ';', as Google Calendar and others write it.
        pieces.pop()
    parts: dict[str, str] = {}
    for part in pieces:
        name, equals, value = part.upper().partition("=")
        if not equals or not value:
            raise _refused(
                Label(
                    da=f"delen {shown(part).da} er ikke NAVN=VÆRDI",
                    en=f"the part {shown(part).en} is not NAME=VALUE",
                )
            )
        if name not in _PARTS:
            raise _refused(
                Label(
                    da=f"ukendt del {shown(name).da}",
                    en=f"unknown part {shown(name).en}",
                )
            )
        if name in parts:
            raise _refused(
                Label(
                    da=f"delen {name} står der to gange",
                    en=f"the part {name} is given twice",
                )
            )
        parts[name] = value
    return _checked(text, parts)


def _checked(text: str, parts: dict[str, str]) -> Recurrence:
    if "FREQ" not in parts:
        raise _refused(Label(da="FREQ mangler", en="FREQ is missing"))
    name = parts["FREQ"]
    if name in _TOO_OFTEN:
        raise _beyond(
            Label(
                da=f"FREQ={name} gentager oftere end dagligt; learnmeet planlægger "
                f"møder, højst {MAX_TIMES_A_DAY} om dagen",
                en=f"FREQ={name} repeats more often than daily; learnmeet plans "
                f"meetings, at most {MAX_TIMES_A_DAY} a day",
            ),
            Label(
                da="brug FREQ=DAILY med BYHOUR for flere møder om dagen, fx "
                "'FREQ=DAILY;BYHOUR=9,13'",
                en="use FREQ=DAILY with BYHOUR for several meetings a day, e.g. "
                "'FREQ=DAILY;BYHOUR=9,13'",
            ),
        )
    if name not in _FREQUENCIES:
        raise _refused(
            Label(
                da="FREQ skal være DAILY, WEEKLY, MONTHLY eller YEARLY",
                en="FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY",
            )
        )
    freq = _FREQUENCIES[name]
    interval = _whole(parts, "INTERVAL") or 1
    count = _whole(parts, "COUNT")
    if count is not None and count > MAX_OCCURRENCES:
        most = f"{MAX_OCCURRENCES:,}"
        raise _beyond(
            Label(
                da=f"COUNT er højst {most.replace(',', '.')}, fik {count}",
                en=f"COUNT is at most {most}, got {count}",
            ),
            Label(
                da="giv en mindre COUNT, eller UNTIL",
                en="give a smaller COUNT, or UNTIL",
            ),
        )
    until = _until(parts["UNTIL"]) if "UNTIL" in parts else None
    if count is not None and until is not None:
        raise _refused(
            Label(
                da="COUNT og UNTIL må ikke stå i samme regel",
                en="COUNT and UNTIL must not both be given",
            )
        )
    options: dict[str, Any] = {
        _LISTS[part][0]: _numbers(part, value)
        for part, value in parts.items()
        if part in _LISTS
    }
    if "BYDAY" in parts:
        options["byweekday"] = _days(parts["BYDAY"], freq, "BYWEEKNO" in parts)
    wkst = _WEEKDAYS.get(parts.get("WKST", "MO"))
    if wkst is None:
        raise _refused(
            Label(
                da="WKST skal være en ugedag: MO, TU, WE, TH, FR, SA eller SU",
                en="WKST must be a weekday: MO, TU, WE, TH, FR, SA or SU",
            )
        )
    _check_combinations(parts, freq)
    times = 1
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        times *= len(options.get(_LISTS[part][0], (0,)))
    if times > MAX_TIMES_A_DAY:
        raise _beyond(
            Label(
                da=f"reglen mødes {times} gange om dagen; learnmeet planlægger "
                f"højst {MAX_TIMES_A_DAY} møder om dagen",
                en=f"the rule meets {times} times a day; learnmeet plans at most "
                f"{MAX_TIMES_A_DAY} meetings a day",
            ),
            Label(
                da="giv færre værdier i BYHOUR, BYMINUTE og BYSECOND",
                en="give fewer values in BYHOUR, BYMINUTE and BYSECOND",
            ),
        )
    return Recurrence(
        text=text,
        freq=freq,
        interval=interval,
        count=count,
        until=until,
        wkst=wkst,
        options=tuple(sorted(options.items())),
    )


def _whole(parts: dict[str, str], name: str) -> int | None:
    """COUNT or INTERVAL: a whole number of 1 or more, in ASCII digits."""
    if name not in parts:
        return None
    text = parts[name]
    number = int(text) if _COUNT.fullmatch(text) else 0
    if number < 1:
        raise _refused(
            Label(
                da=f"{name} skal være et helt tal på 1 eller mere, fik "
                f"{shown(text).da}",
                en=f"{name} must be a whole number of 1 or more, got {shown(text).en}",
            )
        )
    return number


def _numbers(part: str, text: str) -> tuple[int, ...]:
    _, low, high, signed = _LISTS[part]
    found = []
    for item in text.split(","):
        match = _NUMBER.fullmatch(item)
        value = None
        if match is not None and (signed or not match[1]):
            value = int(match[1] + match[2])
        if value is None or not low <= abs(value) <= high:
            span = f"{low}-{high}" + (f" eller -{high}--{low}" if signed else "")
            span_en = f"{low}-{high}" + (f" or -{high}--{low}" if signed else "")
            raise _refused(
                Label(
                    da=f"{part} tager hele tal {span}, fik {shown(item).da}",
                    en=f"{part} takes whole numbers {span_en}, got {shown(item).en}",
                )
            )
        found.append(value)
    return tuple(sorted(set(found)))


def _days(text: str, freq: int, weekno: bool) -> tuple[Any, ...]:
    found = []
    for item in text.split(","):
        match = _DAY.fullmatch(item)
        if match is None or (match[2] is not None and not 1 <= int(match[2]) <= 53):
            raise _refused(
                Label(
                    da="BYDAY tager ugedage som MO eller TU, evt. med et nummer som "
                    f"1MO eller -1FR, fik {shown(item).da}",
                    en="BYDAY takes weekdays such as MO or TU, numbered as 1MO or -1FR "
                    f"if need be, got {shown(item).en}",
                )
            )
        day = weekdays[_WEEKDAYS[match[3]]]
        if match[2] is None:
            found.append(day)
            continue
        if freq not in (MONTHLY, YEARLY) or weekno:
            raise _refused(
                Label(
                    da="en nummereret ugedag (som 1MO) kræver FREQ=MONTHLY eller "
                    "YEARLY uden BYWEEKNO",
                    en="a numbered weekday (such as 1MO) needs FREQ=MONTHLY or "
                    "YEARLY without BYWEEKNO",
                )
            )
        found.append(day(int(match[1] + match[2])))
    return tuple(found)


def _check_combinations(parts: dict[str, str], freq: int) -> None:
    """The combinations RFC 5545 (3.3.10) rules out, which dateutil reads."""
    if "BYMONTHDAY" in parts and freq == WEEKLY:
        raise _refused(
            Label(
                da="BYMONTHDAY kan ikke bruges med FREQ=WEEKLY",
                en="BYMONTHDAY cannot be used with FREQ=WEEKLY",
            )
        )
    if "BYYEARDAY" in parts and freq != YEARLY:
        raise _refused(
            Label(
                da="BYYEARDAY kræver FREQ=YEARLY",
                en="BYYEARDAY needs FREQ=YEARLY",
            )
        )
    if "BYWEEKNO" in parts and freq != YEARLY:
        raise _refused(
            Label(da="BYWEEKNO kræver FREQ=YEARLY", en="BYWEEKNO needs FREQ=YEARLY")
        )
    if "BYSETPOS" in parts and not set(parts) & {
        "BYDAY",
        "BYMONTHDAY",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYMONTH",
        "BYHOUR",
        "BYMINUTE",
        "BYSECOND",
    }:
        raise _refused(
            Label(
                da="BYSETPOS kræver en anden BYxxx-del at vælge blandt",
                en="BYSETPOS needs another BYxxx part to choose from",
            )
        )


def _until(text: str) -> date | datetime:
    """UNTIL as written: a date, a local date-time, or a date-time in UTC."""
    match = _STAMP.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        y, mo, d, h, mi, s, z = match.groups()
        if h is None:
            value: date | datetime = date(int(y), int(mo), int(d))
        else:
            value = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s))
            if z:
                value = value.replace(tzinfo=timezone.utc)
    except ValueError:
        raise _refused(
            Label(
                da="UNTIL skal være en dato som 20270301 eller et tidspunkt som "
                "20270301T090000Z",
                en="UNTIL must be a date such as 20270301 or a date-time such as "
                "20270301T090000Z",
            )
        ) from None
    outside = year_problem(value.year)
    if outside is not None:
        raise _beyond(
            Label(da=f"UNTIL: {outside[0].da}", en=f"UNTIL: {outside[0].en}"),
            outside[1],
        )
    return value


def until_wall(rule: Recurrence, zone: ZoneInfo) -> datetime | None:
    """UNTIL as a naive wall-clock time in *zone*, or ``None`` without one.

    RFC 5545 wants UNTIL in UTC when the start has a zone, but users write it
    in local time or as a date too; all three are taken. A date means the
    whole of that local day.
    """
    until = rule.until
    if until is None:
        return None
    if not isinstance(until, datetime):
        until = datetime.combine(until, time.max, tzinfo=zone)
    elif until.tzinfo is None:
        until = until.replace(tzinfo=zone)
    return until.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None)


# -- walking ---------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _shift(first: int, last: int) -> int:
    """Years to add so that *first*..*last* end just before dateutil's 9999.

    The years from *first* - 1 to *last* + 1 (a week of a year can reach into
    its neighbours) are moved to years with the same calendar: each has the
    same length, and its 1 January the same weekday, so every date keeps its
    weekday, day of the year and week number. A shift of 400 years always
    does; the largest that does is taken, so that dateutil, which stops
    after year 9999, stops soon after *last*.

    Only multiples of 4 are tried: they keep every leap year that is not a
    century's, so besides the weekday of the first 1 January only the
    century years on either side need a look.
    """
    low, high = first - 1, last + 1
    room = MAXYEAR - high
    weekday = date(low, 1, 1).weekday()
    for shift in range(room - room % 4, 0, -4):
        if date(low + shift, 1, 1).weekday() != weekday:
            continue
        centuries = {
            *range(low + (-low) % 100, high + 1, 100),
            *range(low + (-(low + shift)) % 100, high + 1, 100),
        }
        if all(calendar.isleap(y) == calendar.isleap(y + shift) for y in centuries):
            return shift
    return 0


def _moved(moment: datetime, years: int) -> datetime:
    return moment.replace(year=moment.year + years)


_DAY_PARTS = ("byweekno", "byyearday", "bymonthday", "byweekday")


def _restart(
    rule: Recurrence, first: datetime, target: datetime
) -> tuple[datetime, dict[str, Any]] | None:
    """A later DTSTART with the same occurrences from it on, at or before *target*.

    Only for a rule without COUNT (a COUNT counts from the first start). The
    new start opens the period (day, week, month or year, by WKST) that is a
    whole number of INTERVALs after the first start's and holds *target* or
    comes just before it; what dateutil takes from DTSTART when the rule does
    not say — the time of day, and the weekday, day or month of a rule with
    no BYxxx day part — is given explicitly. So a rule that started decades
    ago is walked from the window asked about, not from its first start.

    Returns ``None`` when there is nothing to skip.
    """
    options = dict(rule.options)
    for part, value in (
        ("byhour", first.hour),
        ("byminute", first.minute),
        ("bysecond", first.second),
    ):
        options.setdefault(part, (value,))
    every = rule.interval
    days = not any(part in options for part in _DAY_PARTS)
    if rule.freq == DAILY:
        n = (target.date() - first.date()).days // every
        opening = first.date() + timedelta(days=n * every)
    elif rule.freq == WEEKLY:
        week = first.date() - timedelta(days=(first.weekday() - rule.wkst) % 7)
        n = (target.date() - week).days // (7 * every)
        opening = week + timedelta(weeks=n * every)
        if days:
            options["byweekday"] = (weekdays[first.weekday()],)
    elif rule.freq == MONTHLY:
        months = (target.year - first.year) * 12 + target.month - first.month
        n = months // every
        year, month = divmod(first.month - 1 + n * every, 12)
        opening = date(first.year + year, month + 1, 1)
        if days:
            options["bymonthday"] = (first.day,)
    else:
        n = (target.year - first.year) // every
        opening = date(first.year + n * every, 1, 1)
        if days:
            options.setdefault("bymonth", (first.month,))
            options["bymonthday"] = (first.day,)
    if n <= 0:
        return None
    return datetime.combine(opening, time(0)), options


def walk(
    rule: Recurrence,
    start: datetime,
    last: datetime,
    *,
    skip_to: datetime | None = None,
) -> Iterator[datetime]:
    """The rule's wall-clock times from *start* to *last*, in order.

    *start* is the first occurrence (DTSTART): aware, in an IANA zone, whose
    wall clock the rule is expanded on (dateutil drops its microseconds).
    *last* is the last wall-clock time wanted (naive, included); no time after
    9998-12-31 is given. With *skip_to* (naive), a rule without COUNT is
    walked from the period of *skip_to* (see :func:`_restart`): times before
    that period are left out.

    The times are wall-clock times in *start*'s zone, at ``fold=0``: moving
    one out of a spring-forward gap, or to the second of two autumn times, is
    the caller's.

    dateutil is run in a calendar-identical stretch of years ending at 9999
    (see :func:`_shift`), so its walk ends soon after *last* whether the rule
    matches or not.
    """
    zone = start.tzinfo
    assert isinstance(zone, ZoneInfo)
    first = start.replace(tzinfo=None, fold=0, microsecond=0)
    last = min(last, _LAST_WALL)
    if last < first:
        return
    until = until_wall(rule, zone)
    if until is not None and until < first:
        return
    options = dict(rule.options)
    if skip_to is not None and rule.count is None and skip_to > first:
        restart = _restart(rule, first, min(skip_to, last))
        if restart is not None:
            first, options = restart
    shift = _shift(first.year, last.year)
    if until is not None and until.year > last.year + 1:
        until = None  # after the last time wanted: the walk stops before it
    # Aware (in the zone, on its wall clock): dateutil then hands out times
    # the caller can use as they are.
    expansion = rrule(
        rule.freq,
        dtstart=_moved(first, shift).replace(tzinfo=zone),
        interval=rule.interval,
        wkst=rule.wkst,
        count=rule.count,
        until=None if until is None else _moved(until, shift).replace(tzinfo=zone),
        cache=False,
        **options,
    )
    end = _moved(last, shift).replace(tzinfo=zone)
    # The same calendar: every date of the stretch is the same number of days
    # from the one it stands for.
    back = _moved(first, shift) - first
    for moment in expansion:
        # Compared where dateutil walks (one zone, so on the wall clock): past
        # *last* its years need not have the calendar of the years they
        # stand for.
        if moment > end:
            return
        yield moment - back


def first_occurrence(rule: Recurrence, start: datetime) -> datetime | None:
    """The rule's first time within :data:`FIRST_WITHIN_YEARS` of *start*.

    A wall-clock time in *start*'s zone, as :func:`walk` gives it.
    """
    first = start.replace(tzinfo=None, fold=0)
    return next(walk(rule, start, years_on(first, FIRST_WITHIN_YEARS)), None)


def years_on(moment: datetime, years: int) -> datetime:
    """The naive *moment* some years on, at most the last time accepted.

    29 February becomes 1 March in a common year.
    """
    if moment.year + years > LAST_YEAR:
        return _LAST_WALL
    try:
        return _moved(moment, years)
    except ValueError:
        return _moved(moment + timedelta(days=1), years)


def check_rule(
    text: object, start: datetime, *, where: str, path: tuple[PathKey, ...]
) -> tuple[Recurrence, tuple[datetime, ...], datetime]:
    """Read a rule (:func:`read_rule`) and check that it occurs after *start*.

    The first occurrence must come within :data:`FIRST_WITHIN_YEARS` of the
    start: a rule that never matches (30 February), whose UNTIL is before the
    start, or that matches once in decades is refused here, when it is given,
    rather than found empty while planning. A rule with COUNT must reach its
    last occurrence within :data:`MAX_SPAN_YEARS`: a COUNT is counted from
    the start, so such a rule is always walked from it, and is walked here
    once, whole.

    Returns:
        The rule; for a rule with COUNT its wall-clock times, all of them
        (at most :data:`MAX_OCCURRENCES`), for any other rule no times; and
        the rule's first wall-clock time, which need not be the start.

    Raises:
        InvalidValueError: The rule is refused; *where* and *path* are the
            caller's.
    """
    rule = read_rule(text, where=where, path=path)
    first = start.replace(tzinfo=None, fold=0)
    if rule.count is None:
        walls: tuple[datetime, ...] = ()
        found = first_occurrence(rule, start)
    else:
        # Most counts end within the first years; walk further only if not.
        walls = tuple(walk(rule, start, years_on(first, FIRST_WITHIN_YEARS)))
        if walls and len(walls) < rule.count:
            walls = tuple(walk(rule, start, years_on(first, MAX_SPAN_YEARS)))
        found = walls[0] if walls else None
    if found is None or found.replace(tzinfo=None) > years_on(
        first, FIRST_WITHIN_YEARS
    ):
        raise InvalidValueError(
            reason=Label(
                da=f"gentagelsesreglen giver intet møde i de {FIRST_WITHIN_YEARS} år "
                "fra starten (den rammer fx 30. februar, eller UNTIL ligger før "
                "starten)",
                en=f"the recurrence rule gives no meeting in the {FIRST_WITHIN_YEARS} "
                "years from its start (it asks for e.g. 30 February, or UNTIL is "
                "before the start)",
            ),
            fix=Label(
                da="ret reglens dage (BYMONTH, BYMONTHDAY, BYDAY) efter kalenderen, "
                "og læg UNTIL efter første møde",
                en="match the rule's days (BYMONTH, BYMONTHDAY, BYDAY) to the "
                "calendar, and put UNTIL after the first meeting",
            ),
            where=where,
            path=path,
        )
    if rule.count is not None and len(walls) < rule.count:
        raise InvalidValueError(
            reason=Label(
                da=f"gentagelsesreglen er uden for learnmeets grænser: dens COUNT "
                f"({rule.count}) nås ikke inden for {MAX_SPAN_YEARS} år fra starten",
                en=f"the recurrence rule is beyond learnmeet's limits: its COUNT "
                f"({rule.count}) is not reached within {MAX_SPAN_YEARS} years of "
                "the start",
            ),
            fix=Label(
                da="giv en mindre COUNT, eller UNTIL",
                en="give a smaller COUNT, or UNTIL",
            ),
            where=where,
            path=path,
        )
    return rule, walls, found
