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
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "WireError",
    "format_date",
    "format_datetime",
    "format_duration",
    "parse_date",
    "parse_datetime",
    "parse_duration",
]


class WireError(ValueError):
    """A wire value could not be read; carries the message in both languages."""

    def __init__(self, en: str, da: str) -> None:
        super().__init__(en)
        self.en = en
        self.da = da


_DATETIME = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})T(?P<h>\d{2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,6}))?)?"
    r"(?P<off>Z|[+-]\d{2}:\d{2})?"
    r"(?:\[(?P<zone>[^\]\s]+)\])?"
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_EXAMPLE = "2026-03-01T09:00:00+01:00[Europe/Copenhagen]"


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
        raise WireError(
            f"expected a datetime string such as {_EXAMPLE!r}, "
            f"got {type(text).__name__}",
            f"forventede et tidspunkt som tekst, fx {_EXAMPLE!r}, "
            f"fik {type(text).__name__}",
        )
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise WireError(
            f"{text!r} is not a datetime; write it like {_EXAMPLE!r}",
            f"{text!r} er ikke et tidspunkt; skriv det som {_EXAMPLE!r}",
        )
    if match["off"] is None:
        raise WireError(
            f"{text!r} has no UTC offset; learnmeet refuses naive datetimes, write "
            f"it like {_EXAMPLE!r}",
            f"{text!r} har ingen UTC-forskydning; learnmeet afviser tidspunkter "
            f"uden tidszone, skriv det som {_EXAMPLE!r}",
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
    except ValueError as exc:
        raise WireError(
            f"{text!r} is not a valid date and time ({exc})",
            f"{text!r} er ikke en gyldig dato og tid ({exc})",
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
    raise WireError(
        f"{text!r}: {zone.key} is at UTC{actual} at that local time, not "
        f"UTC{match['off']}; correct the offset or the zone",
        f"{text!r}: {zone.key} har UTC{actual} på det lokale tidspunkt, ikke "
        f"UTC{match['off']}; ret forskydningen eller zonen",
    )


def _zone(key: str, text: str) -> ZoneInfo:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise WireError(
            f"{text!r} names an unknown time zone {key!r}; use an IANA name such "
            "as 'Europe/Copenhagen' (not an abbreviation such as 'CET')",
            f"{text!r} angiver en ukendt tidszone {key!r}; brug et IANA-navn som "
            "'Europe/Copenhagen' (ikke en forkortelse som 'CET')",
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
    if match is None:
        raise WireError(
            f"expected a date such as '2026-03-01', got {text!r}",
            f"forventede en dato som '2026-03-01', fik {text!r}",
        )
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise WireError(
            f"{text!r} is not a valid date ({exc})",
            f"{text!r} er ikke en gyldig dato ({exc})",
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
        raise WireError(
            f"expected an ISO 8601 duration such as 'PT1H30M', got {text!r}",
            f"forventede en ISO 8601-varighed som 'PT1H30M', fik {text!r}",
        )
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
