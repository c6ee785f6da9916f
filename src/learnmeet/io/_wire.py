"""The wire forms of the values JSON has no type for: datetimes, dates, durations.

* A datetime is an RFC 9557 string: the local time, its UTC offset and, for an
  IANA zone, the zone's name in brackets —
  ``2026-03-01T09:00:00+01:00[Europe/Copenhagen]``. The name is what lets the
  value come back as ``Europe/Copenhagen`` rather than a fixed ``+01:00``; the
  offset is what tells the two 02:30s of the night summer time ends apart.
* A date is ``YYYY-MM-DD``.
* A duration is an ISO 8601 duration in hours and minutes, e.g. ``PT1H30M``.

Parsing is strict and every refusal says what was expected, in English and
Danish, through :class:`WireError`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from learnmeet.exceptions import InvalidValueError, Label

__all__ = [
    "WireError",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_time",
    "parse_date",
    "parse_datetime",
    "parse_duration",
    "parse_time",
]


class WireError(InvalidValueError):
    """A wire value (a datetime, date or duration) could not be read.

    A refused text is not repeated unless it has the value's own shape, so
    nothing that could be personal data is written back.
    """


def _refuse(*, reason: Label, fix: Label) -> WireError:
    return WireError(reason=reason, fix=fix)


_WRITE_DATETIME = Label(
    da="skriv tidspunktet som '2026-03-01T09:00:00+01:00[Europe/Copenhagen]'",
    en="write the datetime like '2026-03-01T09:00:00+01:00[Europe/Copenhagen]'",
)
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z_+-]*(?:/[A-Za-z0-9_+-]+){0,2}")


_DATETIME = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})T(?P<h>\d{2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,6}))?)?"
    r"(?P<off>Z|[+-]\d{2}:\d{2})?"
    r"(?:\[(?P<zone>[^\]\s]+)\])?"
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")


def format_datetime(value: datetime) -> str:
    """Write an aware datetime as an RFC 9557 string, keeping an IANA zone's name."""
    text = value.isoformat()
    key = getattr(value.tzinfo, "key", None)
    return f"{text}[{key}]" if isinstance(value.tzinfo, ZoneInfo) and key else text


def _offset(text: str) -> timedelta:
    if text == "Z":
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    return sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6]))


def _show(offset: timedelta | None) -> str:
    if offset is None:
        return "?"
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def parse_datetime(text: object) -> datetime:
    """Read an RFC 9557 (or plain RFC 3339) datetime; the offset is required.

    With a zone name the result carries that :class:`~zoneinfo.ZoneInfo`, and the
    offset must be the zone's offset at that local time (it picks the right one
    of two repeated local times at the end of summer time).

    Raises:
        WireError: The text is not such a datetime, has no offset, names an
            unknown zone or an offset the zone does not have then.
    """
    if not isinstance(text, str):
        raise _refuse(
            reason=Label(
                da=f"forventede et tidspunkt som tekst, fik {type(text).__name__}",
                en=f"expected a datetime string, got {type(text).__name__}",
            ),
            fix=_WRITE_DATETIME,
        )
    match = _DATETIME.fullmatch(text)
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
                da=f"{text!r} har ingen UTC-forskydning; learnmeet afviser "
                "tidspunkter uden tidszone",
                en=f"{text!r} has no UTC offset; learnmeet refuses naive datetimes",
            ),
            fix=_WRITE_DATETIME,
        )
    try:
        local = datetime(
            int(match["y"]),
            int(match["mo"]),
            int(match["d"]),
            int(match["h"]),
            int(match["mi"]),
            int(match["s"] or 0),
            int((match["f"] or "0").ljust(6, "0")),
        )
    except ValueError:
        raise _refuse(
            reason=Label(
                da=f"{text!r} er ikke en gyldig dato og tid",
                en=f"{text!r} is not a valid date and time",
            ),
            fix=Label(
                da="ret datoen eller klokkeslættet, fx måned 01-12 og time 00-23",
                en="correct the date or the time, e.g. month 01-12 and hour 00-23",
            ),
        ) from None
    offset = _offset(match["off"])
    if match["zone"] is None:
        return local.replace(tzinfo=timezone.utc if not offset else timezone(offset))
    zone = _zone(match["zone"], text)
    for fold in (0, 1):
        candidate = local.replace(tzinfo=zone, fold=fold)
        if candidate.utcoffset() == offset:
            return candidate
    actual = _show(local.replace(tzinfo=zone).utcoffset())
    raise _refuse(
        reason=Label(
            da=f"{zone.key} har UTC{actual} på det lokale tidspunkt, ikke "
            f"UTC{match['off']}",
            en=f"{zone.key} is at UTC{actual} at that local time, not "
            f"UTC{match['off']}",
        ),
        fix=Label(
            da="ret forskydningen eller zonen", en="correct the offset or the zone"
        ),
    )


def _zone(key: str, text: str) -> ZoneInfo:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        shown = f" {key!r}" if _ZONE_NAME.fullmatch(key) and len(key) <= 40 else ""
        raise _refuse(
            reason=Label(
                da=f"ukendt tidszone{shown}",
                en=f"unknown time zone{shown}",
            ),
            fix=Label(
                da="brug et IANA-navn som 'Europe/Copenhagen' (ikke en forkortelse "
                "som 'CET')",
                en="use an IANA name such as 'Europe/Copenhagen' (not an "
                "abbreviation such as 'CET')",
            ),
        ) from None


def format_date(value: date) -> str:
    """Write a date as ``YYYY-MM-DD``."""
    return value.isoformat()


def parse_date(text: object) -> date:
    """Read a ``YYYY-MM-DD`` date.

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
                da=f"{text!r} er ikke en gyldig dato",
                en=f"{text!r} is not a valid date",
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
    """Read an ISO 8601 duration of days, hours, minutes and seconds.

    Raises:
        WireError: The text is not such a duration.
    """
    match = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if match is None or text in ("P", "PT") or str(text).endswith("T"):
        raise _refuse(
            reason=Label(
                da="forventede en ISO 8601-varighed",
                en="expected an ISO 8601 duration",
            ),
            fix=Label(
                da="skriv varigheden som 'PT1H30M'",
                en="write the duration like 'PT1H30M'",
            ),
        )
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


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
