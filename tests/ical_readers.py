"""Read a written calendar back with three independent implementations, and
check it against the iTIP restriction tables (RFC 5546, 3.2.1 and 3.2.2).

libical's own restriction check (``icalrestriction_check``) comes with
libical's GObject bindings (Debian: ``gir1.2-ical-3.0`` and ``python3-gi``),
which live in the system's Python, not in a venv: :func:`libical_problems`
runs it there, in a child process, when that Python has them (or the one
``LEARNMEET_LIBICAL_PYTHON`` names). :func:`itip_problems` is the same check
written from the RFC's tables for the two methods learnmeet writes, so every
test runs it everywhere.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone

import icalendar
import recurring_ical_events
import vobject

_UTC = timezone.utc

#: (fewest, most) of each VEVENT property, None for "any number"
#: (RFC 5546, 3.2.1 PUBLISH and 3.2.2 REQUEST).
_COMMON: dict[str, tuple[int, int | None]] = {
    "DTSTAMP": (1, 1),
    "DTSTART": (1, 1),
    "ORGANIZER": (1, 1),
    "SUMMARY": (1, 1),
    "UID": (1, 1),
    "RECURRENCE-ID": (0, 1),
    "SEQUENCE": (0, 1),
    "ATTACH": (0, None),
    "CATEGORIES": (0, None),
    "CLASS": (0, 1),
    "COMMENT": (0, None),
    "CONTACT": (0, 1),
    "CREATED": (0, 1),
    "DESCRIPTION": (0, 1),
    "DTEND": (0, 1),
    "DURATION": (0, 1),
    "EXDATE": (0, None),
    "GEO": (0, 1),
    "LAST-MODIFIED": (0, 1),
    "LOCATION": (0, 1),
    "PRIORITY": (0, 1),
    "RDATE": (0, None),
    "RELATED-TO": (0, None),
    "RESOURCES": (0, None),
    "RRULE": (0, 1),
    "STATUS": (0, 1),
    "TRANSP": (0, 1),
    "URL": (0, 1),
    "REQUEST-STATUS": (0, 0),
}
TABLES = {
    "PUBLISH": {**_COMMON, "ATTENDEE": (0, 0)},
    "REQUEST": {**_COMMON, "ATTENDEE": (1, None)},
}
STATUSES = {
    "PUBLISH": {"TENTATIVE", "CONFIRMED", "CANCELLED"},
    "REQUEST": {"TENTATIVE", "CONFIRMED"},
}


def _names(text: str, component: str) -> list[list[str]]:
    """The property names of each *component*, from the unfolded lines."""
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    found: list[list[str]] = []
    depth: list[str] = []
    for line in lines:
        name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
        if name == "BEGIN":
            depth.append(line.split(":", 1)[1])
            if depth[-1] == component:
                found.append([])
        elif name == "END":
            depth.pop()
        elif depth and depth[-1] == component:
            found[-1].append(name)
    return found


def itip_problems(text: str) -> list[str]:
    """What breaks RFC 5546's restriction table of the file's METHOD."""
    (calendar,) = _names(text, "VCALENDAR")
    problems = []
    for name, count in (("METHOD", 1), ("PRODID", 1), ("VERSION", 1)):
        if calendar.count(name) != count:
            problems.append(f"VCALENDAR has {calendar.count(name)} {name}")
    method = str(icalendar.Calendar.from_ical(text)["METHOD"])
    table = TABLES[method]
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    for names, event in zip(_names(text, "VEVENT"), events, strict=True):
        uid = str(event["UID"])
        for name, (low, high) in table.items():
            n = names.count(name)
            if n < low or (high is not None and n > high):
                problems.append(f"{uid}: {n} {name} under {method}")
        for name in set(names) - set(table):
            if not name.startswith("X-"):
                problems.append(f"{uid}: {name} is not allowed under {method}")
        if "DTEND" in names and "DURATION" in names:
            problems.append(f"{uid}: DTEND and DURATION")
        if "STATUS" in names and str(event["STATUS"]) not in STATUSES[method]:
            problems.append(f"{uid}: STATUS {event['STATUS']} under {method}")
        if int(event.get("SEQUENCE", 0)) > 0 and "SEQUENCE" not in names:
            problems.append(f"{uid}: SEQUENCE above 0 must be written")
    return problems


@dataclass(frozen=True)
class Read:
    """What a reader found of one event."""

    start: datetime
    end: datetime
    attendees: frozenset[tuple[str, str]]  # (address, CN)
    organizer: str
    texts: tuple[str, str, str]  # SUMMARY, LOCATION, DESCRIPTION


def rfc6868(value: str) -> str:
    """Decode RFC 6868's ^n, ^' and ^^ (vobject does not)."""
    return re.sub(r"\^([n'^])", lambda m: {"n": "\n", "'": '"', "^": "^"}[m[1]], value)


def by_icalendar(text: str) -> dict[str, Read]:
    """The events as the icalendar package reads them."""
    found = {}
    for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
        people = event.get("ATTENDEE", [])
        people = people if isinstance(people, list) else [people]
        found[str(event["UID"])] = Read(
            event["DTSTART"].dt.astimezone(_UTC),
            event["DTEND"].dt.astimezone(_UTC),
            frozenset((str(a), str(a.params["CN"])) for a in people),
            str(event["ORGANIZER"]),
            _texts(event),
        )
    return found


def _texts(event: icalendar.Event) -> tuple[str, str, str]:
    return tuple(str(event[n]) for n in ("SUMMARY", "LOCATION", "DESCRIPTION"))  # type: ignore[return-value]


def by_vobject(text: str) -> dict[str, Read]:
    """The events as vobject reads them (its own parser and zone reader)."""
    # vobject keeps the first VTIMEZONE it meets for a TZID for the rest of
    # the process (a global registry); a file's own must be registered first,
    # or a file of other years is read with the zone's earlier transitions.
    for zone in vobject.readOne(text).contents.get("vtimezone", []):
        vobject.icalendar.registerTzid(zone.tzid.value, zone.gettzinfo())
    found = {}
    for event in vobject.readOne(text).contents.get("vevent", []):
        people = getattr(event, "attendee_list", [])
        found[event.uid.value] = Read(
            event.dtstart.value.astimezone(_UTC),
            event.dtend.value.astimezone(_UTC),
            frozenset((a.value, rfc6868(a.params["CN"][0])) for a in people),
            event.organizer.value,
            (event.summary.value, event.location.value, event.description.value),
        )
    return found


def by_recurring_ical_events(text: str) -> dict[str, Read]:
    """The events as recurring-ical-events expands them over all time."""
    calendar = icalendar.Calendar.from_ical(text)
    found = {}
    for event in recurring_ical_events.of(calendar).between(
        datetime(1899, 1, 1, tzinfo=_UTC), datetime(9999, 12, 31, tzinfo=_UTC)
    ):
        people = event.get("ATTENDEE", [])
        people = people if isinstance(people, list) else [people]
        found[str(event["UID"])] = Read(
            event["DTSTART"].dt.astimezone(_UTC),
            event["DTEND"].dt.astimezone(_UTC),
            frozenset((str(a), str(a.params["CN"])) for a in people),
            str(event["ORGANIZER"]),
            _texts(event),
        )
    return found


_LIBICAL = r"""
import sys
import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib

text = sys.stdin.buffer.read().decode("utf-8")
for part in text.split("\0"):
    component = ICalGLib.Component.new_from_string(part)
    ICalGLib.restriction_check(component)
    lines = component.as_ical_string().splitlines()
    errors = [line for line in lines if "X-LIC-ERROR" in line]
    print(len(errors), *errors, sep="\n")
"""


@functools.cache
def libical_python() -> str | None:
    """A Python that has libical's GObject bindings, or ``None``."""
    candidate = os.environ.get("LEARNMEET_LIBICAL_PYTHON", "/usr/bin/python3")
    try:
        done = subprocess.run(
            [candidate, "-c", _LIBICAL],
            input=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
            capture_output=True,
            timeout=60,
            check=False,
        )
    except OSError:
        return None
    return candidate if done.returncode == 0 else None


def libical_problems(*texts: str) -> list[list[str]]:
    """libical's iTIP restriction errors (X-LIC-ERROR lines) of each text."""
    python = libical_python()
    assert python is not None
    done = subprocess.run(
        [python, "-c", _LIBICAL],
        input="\0".join(texts).encode(),
        capture_output=True,
        timeout=600,
        check=True,
    )
    lines = done.stdout.decode().splitlines()
    found = []
    while lines:
        count = int(lines.pop(0))
        found.append(lines[:count])
        del lines[:count]
    return found


READERS = (by_icalendar, by_vobject, by_recurring_ical_events)


def second(moment: datetime) -> datetime:
    """The instant as iCalendar holds it: in UTC, to the second."""
    return moment.astimezone(_UTC).replace(microsecond=0)


__all__ = [
    "READERS",
    "Read",
    "by_icalendar",
    "by_recurring_ical_events",
    "by_vobject",
    "itip_problems",
    "libical_problems",
    "libical_python",
    "rfc6868",
    "second",
]
