"""iCalendar (RFC 5545) export of meetings, for any calendar program.

The file is written by the library itself, so no extra dependency is needed;
the tests read it back with the ``icalendar`` package to prove it. It has:

* a VTIMEZONE per IANA zone used, with TZID the zone's name
  (``Europe/Copenhagen``, never an abbreviation such as ``CET``: the model
  refuses those), its transitions computed from the zone database, to the
  second, for the years of the meetings and the years either side of each;
  an offset with seconds in the zone's history (a local mean time) is
  written with its seconds (``-004430``), as RFC 5545 (3.3.14) allows;
* one VEVENT per meeting with a stable UID (the meeting id), DTSTART and DTEND
  in the meeting's zone, status, attendees with role and answer, and the
  reason of a cancellation;
* CRLF line ends and lines folded at 75 octets, as the standard says.

Times are written to the second (RFC 5545's DATE-TIME has no fractions). Every
datetime the model accepts (years 1900-9998, see
:func:`~learnmeet.model._checks.aware_datetime`) can be written.

Attendees have no e-mail address in learnmeet, so each is written as a URN of
its person key (``urn:learnmeet:professional:p-001``); the citizen appears only
by pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import MAXYEAR, MINYEAR, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from learnmeet.exceptions import refuse_personal_data
from learnmeet.model._arguments import checked
from learnmeet.model._labels import Label, Lang, check_lang
from learnmeet.model._meetings import (
    Attendance,
    AttendeeRole,
    Meeting,
    MeetingStatus,
    Participation,
    Rsvp,
)
from learnmeet.model._people import Professional

__all__ = ["to_ical"]

_UTC = timezone.utc
_PRODID = "-//learnmeet//learnmeet//EN"
_PARTSTAT = {
    Rsvp.ACCEPTED: "ACCEPTED",
    Rsvp.DECLINED: "DECLINED",
    Rsvp.TENTATIVE: "TENTATIVE",
    Rsvp.NEEDS_ACTION: "NEEDS-ACTION",
}
_ROLE = {
    Participation.REQUIRED: "REQ-PARTICIPANT",
    Participation.OPTIONAL: "OPT-PARTICIPANT",
    Participation.INFORMATION_ONLY: "NON-PARTICIPANT",
}
_STATUS = {
    MeetingStatus.PLANNED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def _escape(text: str) -> str:
    r"""Escape a TEXT value (RFC 5545, 3.3.11); any line break is written ``\n``."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _param(text: str) -> str:
    """Quote a parameter value; double quotes are not allowed inside one."""
    return '"' + text.replace('"', "'") + '"'


def _fold(line: str) -> Iterator[str]:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    data = line.encode()
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        yield data[:cut].decode()
        data = data[cut:]
        limit = 74  # a continuation line starts with a space, which counts
    yield data.decode()


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _utc(moment: datetime) -> str:
    return moment.astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, moment: datetime) -> str:
    zone = moment.tzinfo
    second_of_two = (
        moment.fold == 1 and moment.replace(fold=0).utcoffset() != moment.utcoffset()
    )
    # A local time in the autumn fold means its first occurrence (RFC 5545,
    # 3.3.5); the second one can only be written in UTC.
    if isinstance(zone, ZoneInfo) and not second_of_two:
        return f"{name};TZID={zone.key}:{_local(moment)}"
    return f"{name}:{_utc(moment)}"


def _offset(delta: timedelta | None) -> str:
    """A UTC-OFFSET (RFC 5545, 3.3.14): ``+0100``, or ``+005020`` with seconds."""
    seconds = int((delta or timedelta(0)).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


_SECOND = timedelta(seconds=1)


def _transitions(zone: tzinfo, first: int, last: int) -> list[datetime]:
    """Every instant the zone's offset changes in the years *first*..*last*.

    Found day by day, then to the second (a local mean time's offset has
    seconds, so its end does too).
    """
    found = []
    moment = datetime(first, 1, 1, tzinfo=_UTC)
    end = datetime(last + 1, 1, 1, tzinfo=_UTC)
    step = timedelta(days=1)
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        after_moment = moment + step
        after = after_moment.astimezone(zone).utcoffset()
        if after != before:
            low, high = moment, after_moment
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            found.append(high.replace(microsecond=0))
        moment, before = after_moment, after
    return found


# The years a VTIMEZONE can describe: the next year's first day must exist.
_FIRST_ZONE_YEAR = MINYEAR
_LAST_ZONE_YEAR = MAXYEAR - 1


def _spans(years: Iterable[int]) -> list[tuple[int, int]]:
    """The years around the meetings' (each and its neighbours), as runs."""
    around = sorted(
        {
            min(max(year + step, _FIRST_ZONE_YEAR), _LAST_ZONE_YEAR)
            for year in years
            for step in (-1, 0, 1)
        }
    )
    runs: list[tuple[int, int]] = []
    for year in around:
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _observance(
    kind: str, wall: datetime, before: str, after: str, name: str
) -> list[str]:
    return [
        f"BEGIN:{kind}",
        f"DTSTART:{_local(wall)}",
        f"TZOFFSETFROM:{before}",
        f"TZOFFSETTO:{after}",
        f"TZNAME:{name}",
        f"END:{kind}",
    ]


def _vtimezone(zone: ZoneInfo, years: Iterable[int]) -> list[str]:
    """The zone's VTIMEZONE for the years of the meetings and their neighbours.

    Only those years are computed, so meetings centuries apart cost a few
    years each, not the centuries between. A run of years whose first year has
    no change of offset opens with the offset in force on its first day.
    """
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    for first, last in _spans(years):
        changes = _transitions(zone, first, last)
        start = datetime(first, 1, 1, tzinfo=_UTC).astimezone(zone)
        if not changes or changes[0].year > first:
            offset = _offset(start.utcoffset())
            kind = "DAYLIGHT" if start.dst() else "STANDARD"
            wall = start.replace(tzinfo=None)
            lines += _observance(kind, wall, offset, offset, str(start.tzname()))
        for change in changes:
            before = (change - _SECOND).astimezone(zone)
            after = change.astimezone(zone)
            kind = "DAYLIGHT" if after.dst() else "STANDARD"
            # DTSTART of a transition is the local time *before* it, on the old
            # offset.
            wall = change.replace(tzinfo=None) + (before.utcoffset() or timedelta(0))
            lines += _observance(
                kind,
                wall,
                _offset(before.utcoffset()),
                _offset(after.utcoffset()),
                str(after.tzname()),
            )
    lines.append("END:VTIMEZONE")
    return lines


def _attendee_lines(meeting: Meeting, lang: Lang) -> Iterator[str]:
    for attendee in meeting.attendees:
        person = attendee.person
        name = (
            person.display_name or person.id
            if isinstance(person, Professional)
            else person.key.split(":", 1)[1]
        )
        role = (
            "CHAIR"
            if attendee.role is AttendeeRole.FACILITATOR
            else _ROLE[attendee.participation]
        )
        params = [
            f"CN={_param(name)}",
            "CUTYPE=INDIVIDUAL",
            f"ROLE={role}",
            f"PARTSTAT={_PARTSTAT[attendee.rsvp]}",
            f"RSVP={'TRUE' if attendee.rsvp is Rsvp.NEEDS_ACTION else 'FALSE'}",
            f"X-LEARNMEET-ROLE={attendee.role.code}",
        ]
        if attendee.attended is not Attendance.UNKNOWN:
            params.append(f"X-LEARNMEET-ATTENDED={attendee.attended.code}")
        yield f"ATTENDEE;{';'.join(params)}:urn:learnmeet:{person.key}"


_CITIZEN = Label(da="Borger", en="Citizen")
_REFLECTION = Label(da="Refleksion", en="Reflection")
_CANCELLED = Label(da="Aflyst", en="Cancelled")


def _description(meeting: Meeting, lang: Lang) -> str:
    parts = [meeting.format.label.get(lang)]
    if meeting.case is not None:
        parts.append(f"{_CITIZEN.get(lang)}: {meeting.case.citizen.pseudonym}")
    if meeting.reflection is not None:
        parts.append(f"{_REFLECTION.get(lang)}:")
        parts += [f"- {q.get(lang)}" for q in meeting.reflection.questions]
    if meeting.cancellation is not None:
        reason = meeting.cancellation.reason.label.get(lang)
        parts.append(f"{_CANCELLED.get(lang)}: {reason}")
    return "\n".join(parts)


def _event(meeting: Meeting, lang: Lang, stamp: datetime | None) -> list[str]:
    summary = meeting.title or meeting.format.label.get(lang)
    where = meeting.location.description or meeting.location.kind.label.get(lang)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting.id}@learnmeet",
        f"DTSTAMP:{_utc(stamp or meeting.start)}",
        _when("DTSTART", meeting.start),
        _when("DTEND", meeting.end.astimezone(meeting.start.tzinfo)),
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(_description(meeting, lang))}",
        f"LOCATION:{_escape(where)}",
        f"STATUS:{_STATUS[meeting.status]}",
        f"CATEGORIES:{_escape(meeting.format.code)}",
    ]
    lines += _attendee_lines(meeting, lang)
    if meeting.cancellation is not None:
        lines.append(f"X-LEARNMEET-CANCELLATION:{meeting.cancellation.reason.code}")
    lines.append("END:VEVENT")
    return lines


@checked
def to_ical(
    meetings: Iterable[Meeting],
    *,
    lang: Lang = "da",
    name: str = "learnmeet",
    stamp: datetime | None = None,
) -> str:
    """Write meetings as one iCalendar (RFC 5545) calendar.

    The output is deterministic: meetings are written by start and id, and
    DTSTAMP is *stamp* (an aware datetime, e.g. now) or, by default, each
    meeting's start, so the same meetings always give the same file.

    Args:
        meetings: The meetings to write.
        lang: The language of summaries and descriptions.
        name: The calendar's name (X-WR-CALNAME), checked as every text the
            library holds is.
        stamp: The DTSTAMP of every event.

    Raises:
        PersonalDataError: *name* holds something shaped like a CPR number.
        InvalidValueError: *name* holds a control character or a lone
            surrogate, which no calendar file can hold.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *name* is checked.
    """
    lang = check_lang(lang)
    refuse_personal_data(name, where="to_ical", path=("name",))
    ordered = sorted(meetings, key=lambda m: (m.start.astimezone(_UTC), m.id))
    zones = sorted(
        {m.start.tzinfo for m in ordered if isinstance(m.start.tzinfo, ZoneInfo)},
        key=lambda z: z.key,
    )
    years = [y for m in ordered for y in (m.start.year, m.end.year)] or [2000]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for zone in zones:
        lines += _vtimezone(zone, years)
    for meeting in ordered:
        lines += _event(meeting, lang, stamp)
    lines.append("END:VCALENDAR")
    out = []
    for line in lines:
        first, *rest = _fold(line)
        out.append(first)
        out += [" " + part for part in rest]
    return "\r\n".join(out) + "\r\n"
