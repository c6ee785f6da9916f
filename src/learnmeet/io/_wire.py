"""The wire forms of the values JSON has no type for: datetimes, dates, durations.

* A datetime is an RFC 9557 string: the local time, its UTC offset and, for an
  IANA zone, the zone's name in brackets —
  ``2026-03-01T09:00:00+01:00[Europe/Copenhagen]``. The name is what lets the
  value come back as ``Europe/Copenhagen`` rather than a fixed ``+01:00``; the
  offset is what tells the two 02:30s of the night summer time ends apart.
  It is written in that one form, and read in any spelling RFC 9557 allows
  (see :func:`parse_datetime`).
* A date is ``YYYY-MM-DD``.
* A duration is an ISO 8601 duration in hours and minutes, e.g. ``PT1H30M``.

Parsing is strict, takes ASCII digits only (``[0-9]``: a regular
expression's digit class would also match Arabic-Indic and fullwidth digits),
and every refusal says what was expected, in English and Danish, through
:class:`WireError`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from learnmeet.exceptions import InvalidValueError, Label, shown
from learnmeet.io._references import json_type
from learnmeet.model._time import load_zone, time_refusal, year_problem

__all__ = [
    "WIRE_PATTERNS",
    "WireError",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_time",
    "format_zone",
    "parse_date",
    "parse_datetime",
    "parse_duration",
    "parse_time",
    "parse_zone",
]


class WireError(InvalidValueError):
    """A wire value (a datetime, date or duration) could not be read.

    A refused text is not repeated; a part of it is shown only through
    :func:`~learnmeet.exceptions.shown`, so nothing that could be personal
    data is written back.
    """


def _refuse(*, reason: Label, fix: Label) -> WireError:
    return WireError(reason=reason, fix=fix)


_WRITE_DATETIME = Label(
    da="skriv tidspunktet som '2026-03-01T09:00:00+01:00[Europe/Copenhagen]'",
    en="write the datetime like '2026-03-01T09:00:00+01:00[Europe/Copenhagen]'",
)
_LONGEST_DATETIME = 200

# RFC 3339, 5.6: date-time (with "t" and "z" in either case, and, as ISO 8601
# allows, the seconds left out), then RFC 9557's suffix as bracketed
# annotations, each read on its own by _ANNOTATION.
_LOCAL = (
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})[Tt]"
    r"(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})"
    r"(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]+))?)?"
)
_OFFSET = r"(?P<off>[Zz]|[+-][0-9]{2}:[0-9]{2})"
_SUFFIX = r"(?P<suffix>(?:\[[^\[\]]*\])*)"
# The offset is optional here so that a datetime without one is refused as
# such; WIRE_PATTERNS, the grammar of what is read, requires it.
_DATETIME = re.compile(_LOCAL + _OFFSET + "?" + _SUFFIX, re.ASCII)
_BRACKETS = re.compile(r"\[([^\[\]]*)\]", re.ASCII)
# RFC 9557, 4.1: time-zone (a name or an offset) and suffix-tag, each with
# its critical flag.
_ZONE_PART = r"[A-Za-z._][A-Za-z0-9._+-]*"
_ANNOTATION = re.compile(
    r"(?P<critical>!?)(?:"
    rf"(?P<zone>{_ZONE_PART}(?:/{_ZONE_PART})*)"
    r"|(?P<offset>[+-][0-9]{2}:[0-9]{2})"
    r"|(?P<key>[a-z_][a-z0-9_-]*)=(?P<value>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)"
    r")",
    re.ASCII,
)
_ZONE_NAME = re.compile(rf"{_ZONE_PART}(?:/{_ZONE_PART})*", re.ASCII)
"""An IANA zone's name as RFC 9557 spells it (section 4.1, time-zone-name)."""
_ISO_CALENDARS = frozenset({"iso8601", "gregory"})
"""The ``u-ca`` values whose dates are the ISO 8601 dates written."""

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
#: ISO 8601 durations of fixed length: weeks, days, hours, minutes and
#: seconds with a decimal fraction (comma or full stop); numbers of any length
#: are matched, so one that is too long is refused as such.
_DURATION = re.compile(
    r"P(?:([0-9]+)W)?(?:([0-9]+)D)?"
    r"(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)(?:[.,]([0-9]+))?S)?)?",
    re.ASCII,
)
_MOST_DIGITS = 9


def format_datetime(value: datetime) -> str:
    """Write an aware datetime as an RFC 9557 string, keeping an IANA zone's name."""
    text = value.isoformat()
    key = getattr(value.tzinfo, "key", None)
    return f"{text}[{key}]" if isinstance(value.tzinfo, ZoneInfo) and key else text


def _offset(text: str) -> timedelta | None:
    """A numeric offset; ``None`` for ``Z`` and ``-00:00``.

    Those say the time in UTC is known and the local offset is not (RFC 9557,
    2; RFC 3339, 4.3).
    """
    if text in ("Z", "z", "-00:00"):
        return None
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise _refuse(
            reason=Label(
                da=f"UTC-forskydningen {text} findes ikke (timer 00-23, minutter "
                "00-59)",
                en=f"the UTC offset {text} does not exist (hours 00-23, minutes 00-59)",
            ),
            fix=_WRITE_DATETIME,
        )
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=hours, minutes=minutes)


def _show(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _not_rfc9557(why: Label) -> WireError:
    return _refuse(
        reason=Label(
            da=f"tidspunktets tillæg følger ikke RFC 9557: {why.da}",
            en=f"the datetime's suffix does not follow RFC 9557: {why.en}",
        ),
        fix=_WRITE_DATETIME,
    )


def _suffix(text: str) -> tuple[str | timedelta | None, bool]:
    """Read RFC 9557's suffix: the time zone, and whether it is critical.

    The zone is a name, an offset, or ``None``; every suffix tag is checked.
    A tag learnmeet does not act on is ignored when elective and refused when
    critical (RFC 9557, 3.3); an experimental key (``_...``) is refused
    either way (3.2). ``u-ca`` is acted on: ``iso8601`` and ``gregory`` are
    the calendar the date is written in (5).
    """
    zone: str | timedelta | None = None
    critical_zone = False
    seen: dict[str, set[str]] = {}
    critical_keys: set[str] = set()
    for index, body in enumerate(_BRACKETS.findall(text)):
        match = _ANNOTATION.fullmatch(body)
        if match is None:
            raise _not_rfc9557(
                Label(
                    da="en klamme er hverken en tidszone eller et nøgle=værdi-mærke",
                    en="a bracket is neither a time zone nor a key=value tag",
                )
            )
        critical = bool(match["critical"])
        if match["key"] is None:
            if index:
                raise _not_rfc9557(
                    Label(
                        da="der må kun være én tidszone, og den skal stå først",
                        en="there may be only one time zone, and it must come first",
                    )
                )
            name = match["zone"]
            if name is not None and {".", ".."} & set(name.split("/")):
                raise _not_rfc9557(
                    Label(
                        da="en del af zonens navn er '.' eller '..'",
                        en="a part of the zone's name is '.' or '..'",
                    )
                )
            zone = name if name is not None else _offset(match["offset"])
            critical_zone = critical
            continue
        key, value = match["key"], match["value"]
        seen.setdefault(key, set()).add(value)
        if critical:
            critical_keys.add(key)
        if key.startswith("_"):
            raise _refuse(
                reason=Label(
                    da=f"mærket {shown(key).da} er eksperimentelt; RFC 9557 "
                    "(3.2) kræver, at det afvises",
                    en=f"the tag {shown(key).en} is experimental; RFC 9557 (3.2) "
                    "requires it to be refused",
                ),
                fix=Label(da="fjern mærket", en="remove the tag"),
            )
        if critical and not (key == "u-ca" and value in _ISO_CALENDARS):
            raise _refuse(
                reason=Label(
                    da=f"mærket {shown(key).da} er markeret kritisk ('!'), men "
                    "learnmeet kan ikke handle på det",
                    en=f"the tag {shown(key).en} is marked critical ('!'), but "
                    "learnmeet cannot act on it",
                ),
                fix=Label(
                    da="fjern '!' eller mærket; learnmeet læser kun "
                    "ISO 8601-kalenderen (u-ca=iso8601)",
                    en="remove the '!' or the tag; learnmeet reads the ISO 8601 "
                    "calendar only (u-ca=iso8601)",
                ),
            )
    for key in critical_keys:
        if len(seen[key]) > 1:
            raise _refuse(
                reason=Label(
                    da=f"mærket {shown(key).da} står flere gange med forskellige "
                    "værdier, og et af dem er kritisk",
                    en=f"the tag {shown(key).en} is given more than once with "
                    "different values, and one is critical",
                ),
                fix=Label(da="giv mærket én gang", en="give the tag once"),
            )
    return zone, critical_zone


def parse_datetime(text: object) -> datetime:
    """Read a datetime in any spelling RFC 9557 allows; the offset is required.

    The grammar is RFC 9557's ``date-time-ext`` (section 4.1): an RFC 3339
    ``date-time`` (RFC 3339, 5.6) and a suffix of bracketed annotations.

    * ``T`` and ``Z`` may be lower case (RFC 3339, 5.6, the note); the
      seconds may be left out (ISO 8601 allows it, RFC 3339 does not), and a
      fraction may have any number of digits, as long as those past the
      microsecond are zeros. A leap second (``:60``) cannot be held and is
      refused. Digits are ASCII only.
    * The offset is required. ``Z`` (or ``-00:00``) says the time in UTC is
      known and the local offset is not (RFC 9557, 2, updating RFC 3339,
      4.3): with a zone it is that instant shown in the zone
      (``2027-02-02T09:00:00Z[Europe/Copenhagen]`` is 10:00 in Copenhagen),
      and never inconsistent with it (3.4).
    * The time zone, the first annotation, is a region's IANA zone or
      ``UTC`` (``[Europe/Copenhagen]``) or an offset (``[+01:00]``); either
      may carry the critical flag ``!`` (3.3). With a numeric offset the
      zone must have that offset at that instant (3.4): an inconsistency is
      refused whether the zone is marked critical or not, as 3.4 permits. An
      unknown zone is refused too (a name that is no zone, such as the folder
      ``[Europe]``), and so is an abbreviation or legacy name (``[CET]``,
      ``[GMT]``), with the zone to use; ``[Etc/UTC]``, IANA's canonical name
      of UTC, is taken.
    * Suffix tags (``[u-ca=iso8601]``, ``[knort=blargel]``) are read as 3.3
      says: an elective one learnmeet does not act on is ignored; a critical
      one (``[!...]``) it cannot act on is refused, and so is a critical key
      given twice with different values; an experimental key (``[_x=1]``) is
      refused (3.2). ``u-ca`` (5) names the calendar the date is preferably
      shown in: ``iso8601`` and ``gregory`` are taken, critical or not.

    With a zone name the result carries that :class:`~zoneinfo.ZoneInfo`, with
    the fold the instant has; with an offset annotation or none, a fixed
    :class:`~datetime.timezone` (``timezone.utc`` for a zero offset). The
    result is then held to what the model accepts (years 1900-9998, offsets
    of whole minutes; see :func:`learnmeet.model._checks.aware_datetime`).

    Raises:
        WireError: The text is not such a datetime, has no offset, names an
            unknown or refused zone, an offset the zone does not have then, a
            critical tag learnmeet cannot act on, or a time outside what the
            model accepts.
    """
    if not isinstance(text, str):
        got = json_type(text)
        raise _refuse(
            reason=Label(
                da=f"forventede et tidspunkt som tekst, fik {got.da}",
                en=f"expected a datetime string, got {got.en}",
            ),
            fix=_WRITE_DATETIME,
        )
    match = _DATETIME.fullmatch(text) if len(text) <= _LONGEST_DATETIME else None
    if match is None:
        raise _refuse(
            reason=Label(
                da="teksten er ikke et tidspunkt", en="the text is not a datetime"
            ),
            fix=_WRITE_DATETIME,
        )
    if match["off"] is None:
        raise _refuse(
            reason=Label(
                da=f"{_named(text).da} har ingen UTC-forskydning; learnmeet "
                "afviser tidspunkter uden tidszone",
                en=f"{_named(text).en} has no UTC offset; learnmeet refuses naive "
                "datetimes",
            ),
            fix=_WRITE_DATETIME,
        )
    local = _local(match)
    offset = _offset(match["off"])
    zone, critical = _suffix(match["suffix"])
    if offset is None:
        instant = local.replace(tzinfo=timezone.utc)
    else:
        instant = (local - offset).replace(tzinfo=timezone.utc)
    if zone is None:
        value = local.replace(tzinfo=timezone.utc if not offset else timezone(offset))
    elif isinstance(zone, timedelta):
        value = instant.astimezone(timezone.utc if not zone else timezone(zone))
    else:
        value = instant.astimezone(_zone(zone))
    if offset is not None and value.utcoffset() != offset:
        actual = _show(value.utcoffset() or timedelta(0))
        where = value.tzinfo.key if isinstance(value.tzinfo, ZoneInfo) else actual
        flag_da, flag_en = (
            (" (markeret kritisk)", " (marked critical)") if critical else ("", "")
        )
        raise _refuse(
            reason=Label(
                da=f"{where}{flag_da} har UTC{actual} på det tidspunkt, ikke "
                f"UTC{_show(offset)}",
                en=f"{where}{flag_en} is at UTC{actual} at that instant, not "
                f"UTC{_show(offset)}",
            ),
            fix=Label(
                da="ret forskydningen eller zonen, eller skriv Z for et tidspunkt "
                "i UTC",
                en="correct the offset or the zone, or write Z for a time in UTC",
            ),
        )
    refusal = time_refusal(value)
    if refusal is not None:
        _, reason, fix = refusal
        raise _refuse(reason=reason, fix=fix)
    return value


def _named(text: str) -> Label:
    """*text* quoted (and redacted) when short, else "the datetime"."""
    if len(text) <= _QUOTED:
        return shown(text)
    return Label(da="tidspunktet", en="the datetime")


_QUOTED = 40


def _local(match: re.Match[str]) -> datetime:
    """The date and time as written, checked.

    A real date, a second that can be held, the microsecond at most, and the
    years the model accepts.
    """
    year = int(match["y"])
    outside = year_problem(year)
    if outside is not None:
        raise _refuse(reason=outside[0], fix=outside[1])
    second = int(match["s"] or 0)
    if second == 60:
        raise _refuse(
            reason=Label(
                da="et skudsekund (sekund 60) kan ikke gemmes",
                en="a leap second (second 60) cannot be held",
            ),
            fix=Label(da="skriv sekund 59", en="write second 59"),
        )
    fraction = match["f"] or "0"
    if fraction[6:].strip("0"):
        raise _refuse(
            reason=Label(
                da="tidspunktet er angivet finere end et mikrosekund",
                en="the time is given finer than a microsecond",
            ),
            fix=Label(
                da="skriv højst seks cifre efter kommaet",
                en="write at most six digits after the decimal point",
            ),
        )
    try:
        return datetime(
            year,
            int(match["mo"]),
            int(match["d"]),
            int(match["h"]),
            int(match["mi"]),
            second,
            int(fraction[:6].ljust(6, "0")),
        )
    except ValueError:
        raise _refuse(
            reason=Label(
                da="datoen eller klokkeslættet findes ikke",
                en="the date or the time does not exist",
            ),
            fix=Label(
                da="ret datoen eller klokkeslættet, fx måned 01-12 og time 00-23",
                en="correct the date or the time, e.g. month 01-12 and hour 00-23",
            ),
        ) from None


_WRITE_A_ZONE = Label(
    da="brug regionens IANA-zone, fx '[Europe/Copenhagen]', eller '[UTC]'",
    en="use the region's IANA zone, e.g. '[Europe/Copenhagen]', or '[UTC]'",
)


def _zone(key: str) -> ZoneInfo:
    """The zone of a ``[Zone]`` annotation; an unknown or refused one is refused."""
    return load_zone(key, fix=_WRITE_A_ZONE, error=WireError)


def parse_zone(text: object) -> ZoneInfo:
    """Read a time zone written as its IANA name, e.g. ``Europe/Copenhagen``.

    A planning setting's zone (the zone its hours are read in) is written as
    the name alone; a datetime carries its zone in brackets instead. The
    zones a datetime may have are the zones taken here: a region's IANA zone
    or ``UTC``, never an abbreviation (``CET``).

    Raises:
        WireError: The text is not the name of a zone learnmeet keeps.
    """
    write = Label(
        da="skriv regionens IANA-zone, fx 'Europe/Copenhagen', eller 'UTC'",
        en="write the region's IANA zone, e.g. 'Europe/Copenhagen', or 'UTC'",
    )
    if not isinstance(text, str) or _ZONE_NAME.fullmatch(text) is None:
        raise _refuse(
            reason=Label(
                da="forventede navnet på en tidszone",
                en="expected the name of a time zone",
            ),
            fix=write,
        )
    return load_zone(text, fix=write, error=WireError)


def format_zone(zone: ZoneInfo) -> str:
    """A zone as its IANA name, which :func:`parse_zone` reads."""
    return zone.key


def format_date(value: date) -> str:
    """Write a date as ``YYYY-MM-DD``."""
    return value.isoformat()


def parse_date(text: object) -> date:
    """Read a ``YYYY-MM-DD`` date, in ASCII digits.

    Raises:
        WireError: The text is not such a date.
    """
    match = _DATE.fullmatch(text) if isinstance(text, str) else None
    write = Label(
        da="skriv datoen som '2026-03-01'", en="write the date like '2026-03-01'"
    )
    if match is None:
        raise _refuse(
            reason=Label(da="forventede en dato", en="expected a date"), fix=write
        )
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _refuse(
            reason=Label(
                da=f"{shown(text).da} er ikke en gyldig dato",
                en=f"{shown(text).en} is not a valid date",
            ),
            fix=write,
        ) from None


def format_duration(value: timedelta) -> str:
    """Write a duration as ISO 8601 hours, minutes and seconds, e.g. ``PT1H30M``."""
    seconds = int(value.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    parts.append(f"{seconds}S" if seconds or not (hours or minutes) else "")
    return "PT" + "".join(parts)


def parse_duration(text: object) -> timedelta:
    """Read an ISO 8601 duration of weeks, days, hours, minutes and seconds.

    Any spelling of a fixed length ISO 8601 (section 5.5.2) allows: ``P1W``,
    ``PT1H30M``, ``PT90M``, ``PT45M0.0S`` (a fraction of a second, after a
    full stop or a comma). Each number is ASCII digits, nine at most. Years
    and months are refused: they have no fixed length. What a value may hold
    (whole minutes, at most seven days) is the value's to check.

    Raises:
        WireError: The text is not such a duration.
    """
    write_it = Label(
        da="skriv varigheden som 'PT1H30M'", en="write the duration like 'PT1H30M'"
    )
    match = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if match is None or text in ("P", "PT") or str(text).endswith("T"):
        dated = text.split("T", 1)[0] if isinstance(text, str) else ""
        if dated.startswith("P") and ("Y" in dated or "M" in dated):
            raise _refuse(
                reason=Label(
                    da="år og måneder har ingen fast længde",
                    en="years and months have no fixed length",
                ),
                fix=Label(
                    da="skriv varigheden i uger, dage, timer og minutter, fx 'P7D'",
                    en="write the duration in weeks, days, hours and minutes, "
                    "e.g. 'P7D'",
                ),
            )
        raise _refuse(
            reason=Label(
                da="forventede en ISO 8601-varighed",
                en="expected an ISO 8601 duration",
            ),
            fix=write_it,
        )
    weeks, days, hours, minutes, seconds, fraction = match.groups()
    if any(len(n) > _MOST_DIGITS for n in match.groups() if n):
        raise _refuse(
            reason=Label(
                da=f"et tal i varigheden har mere end {_MOST_DIGITS} cifre",
                en=f"a number in the duration has more than {_MOST_DIGITS} digits",
            ),
            fix=write_it,
        )
    try:
        return timedelta(
            weeks=int(weeks or 0),
            days=int(days or 0),
            hours=int(hours or 0),
            minutes=int(minutes or 0),
            seconds=int(seconds or 0),
            microseconds=round(int(fraction or 0) * 10 ** (6 - len(fraction or ""))),
        )
    except OverflowError:
        raise _refuse(
            reason=Label(
                da="varigheden er længere, end et tidspunkt kan holde",
                en="the duration is longer than a datetime can hold",
            ),
            fix=Label(
                da="skriv varigheden som 'PT1H30M'",
                en="write the duration like 'PT1H30M'",
            ),
        ) from None


_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?")


def format_time(value: time) -> str:
    """Write a time of day as ``HH:MM``, or ``HH:MM:SS`` when it has seconds."""
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def parse_time(text: object) -> time:
    """Read a time of day, ``HH:MM`` or ``HH:MM:SS`` (ISO 8601, ASCII digits).

    Raises:
        WireError: The text is not such a time.
    """
    match = _TIME.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise _refuse(
            reason=Label(da="forventede et klokkeslæt", en="expected a time of day"),
            fix=Label(
                da="skriv klokkeslættet som '08:00'",
                en="write the time like '08:00'",
            ),
        )
    return time(int(match[1]), int(match[2]), int(match[3] or 0))


WIRE_PATTERNS: dict[type, re.Pattern[str]] = {
    datetime: re.compile(_LOCAL + _OFFSET + _SUFFIX, re.ASCII),
    date: _DATE,
    timedelta: _DURATION,
    time: _TIME,
    ZoneInfo: _ZONE_NAME,
}
"""The grammar each wire form is read by, which the JSON Schema's patterns copy.

The readers check more than the grammar (a real date, a known zone, an
offset the zone has); a text that fails the grammar is never read.
"""
