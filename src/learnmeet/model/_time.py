"""Time, zones and durations: what a value's datetime, date and duration must be.

The checks every time a value holds goes through: a region's IANA zone (or
UTC), the years 1900-9998 in its own local time, an offset of whole minutes,
a local time that exists (not in the spring-forward gap), durations of whole
minutes up to :data:`LONGEST`, and an end that stays in the years. Returned
as refusals (``*_problem``, ``*_refusal``) for the JSON and iCalendar
readers, and raised by the attrs validators.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from learnmeet.exceptions import (
    InvalidValueError,
    Label,
    NaiveDatetimeError,
    PathKey,
    SkippedTimeError,
    WrongTypeError,
    shown,
)
from learnmeet.model._checks import _type_name, _Validator, refuse

__all__ = [
    "COPENHAGEN",
    "FIRST_YEAR",
    "LAST_YEAR",
    "LONGEST",
    "REGION_AREAS",
    "UTC_NAMES",
    "a_date",
    "aware_datetime",
    "end_refusal",
    "ends_in_the_years",
    "from_micros",
    "load_zone",
    "positive_duration",
    "time_refusal",
    "to_micros",
    "usual_duration",
    "usual_time",
    "year_problem",
    "zone_problem",
    "zone_refusal",
]


COPENHAGEN = ZoneInfo("Europe/Copenhagen")
"""The default time zone of the library: ``Europe/Copenhagen``."""


_ZERO = timedelta(0)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


def to_micros(moment: datetime) -> int:
    """The instant as whole microseconds since 1970 in UTC: exact, cheap to compare.

    The autumn's repeated hour is two different instants, as it should be.
    """
    return (moment - _EPOCH) // _MICROSECOND


def from_micros(micros: int, zone: ZoneInfo) -> datetime:
    """The instant *micros* (see :func:`to_micros`) as local time in *zone*."""
    return (_EPOCH + timedelta(microseconds=micros)).astimezone(zone)


_MINUTE = timedelta(minutes=1)


def _zone_name(tz: tzinfo | None) -> str:
    return getattr(tz, "key", None) or str(tz)


FIRST_YEAR = 1900
"""The first year of the datetimes learnmeet accepts (local time)."""


LAST_YEAR = 9998
"""The last year of the datetimes learnmeet accepts (local time).

A year short of Python's last (9999), so that an end a week later, the
iCalendar time zone of the year after, and a day's margin around a window
all stay inside what :class:`datetime.datetime` can hold.
"""


LONGEST = timedelta(days=7)
"""The longest duration learnmeet accepts: a week."""


REGION_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
"""The areas of the IANA zones named after a region (``Europe/Copenhagen``).

Any other name — an abbreviation (``CET``, ``EST``), a legacy link (``GMT``,
``UCT``, ``US/Eastern``, ``Poland``) or an ``Etc/`` zone — names no region,
and calendar programs read some of them as a fixed offset all year; only
``UTC`` and its canonical IANA name ``Etc/UTC`` are taken besides the regions'.
"""


UTC_NAMES = frozenset({"UTC", "Etc/UTC"})
"""The names of UTC that are kept: ``UTC`` and IANA's canonical ``Etc/UTC``."""


_WRITE_A_ZONE = Label(
    da="brug en regions IANA-zone som ZoneInfo('Europe/Copenhagen'), eller 'UTC'",
    en="use a region's IANA zone such as ZoneInfo('Europe/Copenhagen'), or 'UTC'",
)


ZONED_IN_A_FILE = Label(
    da="skriv tiden med forskydning og zone i skarpe parenteser, fx "
    "2027-01-07T08:30:00+01:00[Europe/Copenhagen]",
    en="write the time with its offset and its zone in brackets, e.g. "
    "2027-01-07T08:30:00+01:00[Europe/Copenhagen]",
)
"""What to write in a file where a fix says ``tzinfo=ZoneInfo(...)`` in Python."""


_Refusal = tuple[type[InvalidValueError], Label, Label]


def _is_region(key: str | None) -> bool:
    if key is None:
        return False
    area, _, place = key.partition("/")
    return area in REGION_AREAS and bool(place)


def zone_problem(key: str | None) -> Label | None:
    """Why the IANA zone named *key* may not be kept, or ``None`` when it may.

    A zone is kept by its name (in JSON and as iCalendar's TZID), so it must
    have one, and it must be a region's zone (an area of
    :data:`REGION_AREAS` and a place, ``Europe/Copenhagen``) or UTC
    (:data:`UTC_NAMES`: ``UTC`` or ``Etc/UTC``).
    """
    if key is None:
        return Label(
            da="tidszonen har intet IANA-navn (den er læst fra en fil), så JSON "
            "og iCalendar kan ikke nævne den",
            en="the time zone has no IANA name (it was read from a file), so "
            "JSON and iCalendar cannot name it",
        )
    if key in UTC_NAMES or _is_region(key):
        return None
    name = shown(key)
    return Label(
        da=f"tidszonen {name.da} er en forkortelse eller et forældet navn, ikke en "
        "regions zone; kalenderprogrammer læser den som en fast forskydning",
        en=f"time zone {name.en} is an abbreviation or a legacy name, not a "
        "region's zone; calendar programs read it as a fixed offset",
    )


def zone_refusal(zone: ZoneInfo) -> tuple[Label, Label] | None:
    """Why *zone* may not be used, and the fix; ``None`` when it may.

    The rule of :func:`zone_problem`, for a zone given as an argument.
    """
    problem = zone_problem(zone.key)
    return None if problem is None else (problem, _WRITE_A_ZONE)


_LONGEST_ZONE = 100  # IANA's longest name has 32 characters


def _zone_called(key: str) -> Label:
    """The zone name *key* as a message may show it (never a file path)."""
    if len(key) <= _LONGEST_ZONE:
        return shown(key)
    return Label(da=f"på {len(key)} tegn", en=f"of {len(key)} characters")


def load_zone(
    key: str,
    *,
    fix: Label,
    error: type[InvalidValueError] = InvalidValueError,
    where: str = "",
    path: tuple[PathKey, ...] = (),
) -> ZoneInfo:
    """The IANA zone named *key* in input, or the library's refusal.

    The one place a zone name read from input (JSON, iCalendar) becomes a
    :class:`~zoneinfo.ZoneInfo`. A name that is too long, not a zone (a
    folder such as ``Europe``, a file that is no zone) or unknown is refused
    as an unknown zone, without touching the file system for a name longer
    than any zone's, and without a file path in the message; a zone
    :func:`zone_problem` refuses (``CET``) is refused with why.

    Args:
        key: The name as written.
        fix: How to write a zone where the name was read, e.g.
            ``'[Europe/Copenhagen]'`` in JSON.
        error: The error to raise.
        where: What the error's path starts from.
        path: The error's path.

    Raises:
        InvalidValueError: *error*, with *where* and *path*.
    """
    zone: ZoneInfo | None = None
    if len(key) <= _LONGEST_ZONE:
        try:
            zone = ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # Unknown, not a normalised name, a folder, or a file the
            # system will not read: not a zone learnmeet can keep.
            zone = None
    if zone is None:
        name = _zone_called(key)
        raise error(
            reason=Label(
                da=f"ukendt tidszone {name.da}", en=f"unknown time zone {name.en}"
            ),
            fix=fix,
            where=where,
            path=path,
        )
    problem = zone_problem(zone.key)
    if problem is not None:
        raise error(reason=problem, fix=fix, where=where, path=path)
    return zone


def year_problem(year: int) -> tuple[Label, Label] | None:
    """Why a time in *year* may not be held, and the fix; ``None`` if it may."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return (
        Label(
            da=f"år {year} ligger uden for de år, learnmeet tager imod "
            f"({FIRST_YEAR}-{LAST_YEAR})",
            en=f"year {year} is outside the years learnmeet accepts "
            f"({FIRST_YEAR}-{LAST_YEAR})",
        ),
        Label(
            da=f"giv et tidspunkt fra {FIRST_YEAR}-01-01 til {LAST_YEAR}-12-31",
            en=f"give a time from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31",
        ),
    )


def time_refusal(value: datetime) -> _Refusal | None:
    """Why the aware *value* may not be held, or ``None`` when it may.

    The checks of :func:`aware_datetime` after the type: the zone, the year,
    the offset and the spring-forward gap. Returned rather than raised, so the
    JSON reader refuses a datetime with the same words as construction does.
    """
    zone = value.tzinfo
    if isinstance(zone, ZoneInfo):
        problem = zone_problem(zone.key)
        if problem is not None:
            return InvalidValueError, problem, _WRITE_A_ZONE
    outside = year_problem(value.year)
    if outside is not None:
        return (InvalidValueError, *outside)
    offset = value.utcoffset()
    if offset is not None and offset % _MINUTE:
        shown_offset = _offset_text(offset)
        return (
            InvalidValueError,
            Label(
                da=f"UTC-forskydningen {shown_offset} er ikke et helt antal "
                "minutter (lokal middeltid, fra før tidszonerne); RFC 3339 og "
                "JSON kan ikke skrive den",
                en=f"the UTC offset {shown_offset} is not a whole number of "
                "minutes (local mean time, from before time zones); RFC 3339 "
                "and JSON cannot write it",
            ),
            Label(
                da="giv et tidspunkt, hvor zonen har en forskydning i hele "
                "minutter (i Europe/Copenhagen fra 1894), eller en "
                "datetime.timezone i hele minutter",
                en="give a time at which the zone's offset is whole minutes "
                "(in Europe/Copenhagen from 1894 on), or a datetime.timezone "
                "of whole minutes",
            ),
        )
    if isinstance(zone, ZoneInfo):
        # A local time in the spring-forward gap does not survive a trip to UTC
        # and back unchanged: it never happens on a wall clock.
        there_and_back = value.astimezone(timezone.utc).astimezone(zone)
        if there_and_back.replace(tzinfo=None) != value.replace(tzinfo=None):
            local = value.replace(tzinfo=None).isoformat()
            instead = there_and_back.replace(tzinfo=None).isoformat()
            return (
                SkippedTimeError,
                Label(
                    da=f"{local} findes ikke i {zone.key} (uret springer over "
                    "det ved overgang til sommertid)",
                    en=f"{local} does not exist in {zone.key} (the clocks "
                    "skip it for daylight saving time)",
                ),
                Label(da=f"brug {instead} i stedet", en=f"use {instead} instead"),
            )
    return None


def _offset_text(offset: timedelta) -> str:
    sign = "-" if offset < _ZERO else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}"


def usual_time(value: object) -> bool:
    """Whether *value* is the usual datetime :func:`aware_datetime` takes.

    The usual case, checked cheaply: a datetime in a region's IANA zone, a
    year in range, an offset of whole minutes, and a local time with one
    offset whichever fold it is read with — so neither in the spring-forward
    gap nor in the repeated autumn hour. ``False`` does not mean refused:
    anything else takes the full checks.

    Asked of the zone directly (``zone.utcoffset``), and the other fold made
    with the constructor rather than ``replace()``: a third of the time, with
    nothing remembered between calls.
    """
    if value.__class__ is not datetime:
        return False
    moment: datetime = value
    zone = moment.tzinfo
    if zone.__class__ is not ZoneInfo:
        return False
    if not (FIRST_YEAR <= moment.year <= LAST_YEAR and _is_region(zone.key)):
        return False
    offset = zone.utcoffset(moment)
    if offset is None or offset.seconds % 60 or offset.microseconds:
        return False
    other = datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        zone,
        fold=1 - moment.fold,
    )
    return zone.utcoffset(other) == offset


_AWARE_FIX = Label(
    da="giv et datetime med tzinfo=ZoneInfo('Europe/Copenhagen')",
    en="pass a datetime with tzinfo=ZoneInfo('Europe/Copenhagen')",
)


def aware_datetime(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse anything but an aware datetime learnmeet can keep and write.

    Accepted is a :class:`~datetime.datetime`

    * with a zone: a region's IANA zone as :class:`zoneinfo.ZoneInfo`
      (``Europe/Copenhagen``; or ``UTC``, ``Etc/UTC``), which JSON and
      iCalendar keep by name, or a fixed :class:`datetime.timezone`.
      Abbreviations and legacy names (``CET``, ``EST``, ``GMT``, ``UCT``,
      ``US/Eastern``, the other ``Etc/...`` zones) are refused: they name no
      region, and calendar programs read some of them as a fixed offset all
      year;
    * in the years :data:`FIRST_YEAR` to :data:`LAST_YEAR` (1900-9998) of its
      own local time, in which its end (up to :data:`LONGEST` later), its JSON
      and its iCalendar form can always be computed;
    * at a UTC offset of whole minutes, as RFC 3339 writes offsets (local
      mean time such as Copenhagen's ``+00:50:20`` before 1894 is not);
    * at a local time that exists: one in the spring-forward gap is refused
      (:class:`~learnmeet.exceptions.SkippedTimeError`) with the time to use;
      either of the two times of the autumn's repeated hour is taken, told
      apart by ``fold``.

    Raises:
        WrongTypeError: *value* is not a datetime.
        NaiveDatetimeError: *value* has no zone.
        InvalidValueError: The zone, the year or the offset is refused.
        SkippedTimeError: The local time falls in a spring-forward gap.
    """
    if usual_time(value):
        return
    if not isinstance(value, datetime):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede et tidspunkt (datetime), fik {_type_name(value)}",
                en=f"expected a datetime, got {_type_name(value)}",
            ),
            fix=_AWARE_FIX,
            file_fix=ZONED_IN_A_FILE,
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise refuse(
            NaiveDatetimeError,
            instance,
            attribute,
            reason=Label(
                da=f"{datetime.isoformat(value)} har ingen tidszone; learnmeet "
                "tager kun imod tidspunkter med tidszone",
                en=f"{datetime.isoformat(value)} has no time zone; learnmeet only "
                "accepts aware datetimes",
            ),
            fix=Label(
                da="tilføj tzinfo=ZoneInfo('Europe/Copenhagen')",
                en="add tzinfo=ZoneInfo('Europe/Copenhagen')",
            ),
            file_fix=ZONED_IN_A_FILE,
        )
    if not isinstance(value.tzinfo, (ZoneInfo, timezone)):
        zone_type = _type_name(value.tzinfo)
        zone = shown(_zone_name(value.tzinfo))
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"tidszonen {zone.da} er af typen {zone_type}, som learnmeet "
                "ikke kan gemme",
                en=f"time zone {zone.en} is of type {zone_type}, which learnmeet "
                "cannot keep",
            ),
            fix=Label(
                da="brug zoneinfo.ZoneInfo (en IANA-zone, fx 'Europe/Copenhagen') "
                "eller datetime.timezone",
                en="use zoneinfo.ZoneInfo (an IANA zone such as "
                "'Europe/Copenhagen') or datetime.timezone",
            ),
        )
    refusal = time_refusal(value)
    if refusal is not None:
        error, reason, fix = refusal
        raise refuse(
            error,
            instance,
            attribute,
            reason=reason,
            fix=fix,
            file_fix=ZONED_IN_A_FILE if fix is _WRITE_A_ZONE else None,
        )


def a_date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a calendar date in the model's years.

    A datetime is not a date here; the years are :data:`FIRST_YEAR` to
    :data:`LAST_YEAR`, as for a meeting's time.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        outside = year_problem(value.year)
        if outside is not None:
            reason, fix = outside
            raise refuse(InvalidValueError, instance, attribute, reason=reason, fix=fix)
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en dato, fik {_type_name(value)}",
                en=f"expected a date, got {_type_name(value)}",
            ),
            fix=Label(
                da="giv en datetime.date som date(2026, 3, 1)",
                en="pass a datetime.date such as date(2026, 3, 1)",
            ),
            file_fix=Label(
                da="skriv en dato som 2026-03-01", en="write a date such as 2026-03-01"
            ),
        )


_DURATION_FIX = Label(
    da="giv en varighed som timedelta(minutes=90)",
    en="pass a duration such as timedelta(minutes=90)",
)


_DURATION_IN_A_FILE = Label(
    da="skriv en varighed i ISO 8601 som PT1H30M (hele minutter)",
    en="write an ISO 8601 duration such as PT1H30M (whole minutes)",
)


def usual_duration(value: object) -> bool:
    """Whether :func:`positive_duration` takes *value*, told without raising."""
    if value.__class__ is not timedelta:
        return False
    span: timedelta = value
    # Whole minutes: no microseconds, and seconds (within the day) by 60.
    return _ZERO < span <= LONGEST and not span.microseconds and not span.seconds % 60


def positive_duration(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse durations that are not whole minutes from one minute to a week.

    The longest is :data:`LONGEST` (seven days): a meeting or a course day
    lasts hours, and a bound keeps every end inside the datetimes Python can
    hold (see :func:`aware_datetime`).

    Raises:
        WrongTypeError: *value* is not a timedelta.
        InvalidValueError: It is not positive, not whole minutes, or longer
            than a week.
    """
    if usual_duration(value):
        return
    if not isinstance(value, timedelta):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en varighed (timedelta), fik {_type_name(value)}",
                en=f"expected a timedelta, got {_type_name(value)}",
            ),
            fix=_DURATION_FIX,
            file_fix=_DURATION_IN_A_FILE,
        )
    if value > LONGEST:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"en varighed er højst {LONGEST.days} dage, fik {value}",
                en=f"a duration is at most {LONGEST.days} days, got {value}",
            ),
            fix=Label(
                da="del et længere forløb op i møder på højst en uge",
                en="split a longer event into meetings of a week or less",
            ),
        )
    raise refuse(
        InvalidValueError,
        instance,
        attribute,
        reason=Label(
            da=f"en varighed skal være et positivt helt antal minutter, fik {value}",
            en=f"a duration must be a positive whole number of minutes, got {value}",
        ),
        fix=_DURATION_FIX,
        file_fix=_DURATION_IN_A_FILE,
    )


def end_refusal(start: datetime, duration: timedelta) -> tuple[Label, Label] | None:
    """Why something from *start* lasting *duration* cannot be held, and the fix.

    Its end, *duration* of elapsed time after *start* in *start*'s zone, must
    lie in the years too (:data:`FIRST_YEAR` to :data:`LAST_YEAR`): a
    meeting, a course session or a forum's meeting that starts late in
    9998 may not end in 9999, where busy time, slots and plans could not
    hold it. ``None`` when it can be held.
    """
    if start.year < LAST_YEAR and duration <= LONGEST:
        return None  # a week later is at most the last year
    end = (start.astimezone(timezone.utc) + duration).astimezone(start.tzinfo)
    if year_problem(end.year) is None:
        return None
    return (
        Label(
            da=f"det ville slutte {end.isoformat()}, i år {end.year}, uden for de "
            f"år, learnmeet tager imod ({FIRST_YEAR}-{LAST_YEAR})",
            en=f"it would end at {end.isoformat()}, in year {end.year}, outside the "
            f"years learnmeet accepts ({FIRST_YEAR}-{LAST_YEAR})",
        ),
        Label(
            da=f"lad det slutte senest {LAST_YEAR}-12-31 23:59 lokal tid: begynd "
            "tidligere, eller gør det kortere",
            en=f"let it end by {LAST_YEAR}-12-31 23:59 local time: start earlier, "
            "or make it shorter",
        ),
    )


def ends_in_the_years(start: str) -> _Validator:
    """Make a validator of a duration whose end, after the field *start*, is held.

    The field *start* must come before the duration's, so that it has passed
    its own checks (attrs runs the validators in the order of the fields).
    See :func:`end_refusal`.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        begins: datetime = getattr(instance, start)
        if begins.year < LAST_YEAR:
            return  # the usual case: a week later is at most the last year
        refusal = end_refusal(begins, value)
        if refusal is not None:
            reason, fix = refusal
            raise refuse(InvalidValueError, instance, attribute, reason=reason, fix=fix)

    return validate
