"""iCalendar (RFC 5545) export of meetings, for any calendar program.

The file is written by the library itself, so no extra dependency is needed;
the tests read it back with the ``icalendar`` package to prove it. It has:

* a VTIMEZONE per IANA zone used, with TZID the zone's name
  (``Europe/Copenhagen``, never an abbreviation such as ``CET``: the model
  refuses those), its transitions computed from the zone database, to the
  second, for the years of the meetings and the years either side of each;
  an offset with seconds in the zone's history (a local mean time) is
  written with its seconds (``-004430``), as RFC 5545 (3.3.14) allows;
* one VEVENT per meeting with a UID that says what the meeting is (the
  meeting id, which the planners make from stable facts, at a domain the
  caller may set), DTSTART and DTEND in the meeting's zone, DTSTAMP (the time
  of writing), SEQUENCE (raised for a meeting changed since a previous plan),
  status (TENTATIVE for a tentative meeting, and for a planned course
  session below its minimum fill) and the
  reason of a cancellation;
* a METHOD and the properties RFC 5546 (iTIP) requires of it: ``PUBLISH``
  (the default) has an ORGANIZER and no ATTENDEE; ``REQUEST`` has an
  ORGANIZER and a ``mailto:`` ATTENDEE for every professional with an
  e-mail address, with role and answer;
* every TEXT value escaped (RFC 5545, 3.3.11) and every parameter value
  quoted and encoded as RFC 6868 says (a line break is ``^n``, a double
  quote ``^'``, a caret ``^^``), so no text can break a content line;
* CRLF line ends and lines folded at 75 octets, as the standard says.

Times are written to the second (RFC 5545's DATE-TIME has no fractions). Every
datetime the model accepts (years 1900-9998, see
:func:`~learnmeet.model._checks.aware_datetime`) can be written.

Only professionals have an e-mail address (:attr:`Professional.email
<learnmeet.Professional.email>`); a citizen or relative is never an ATTENDEE,
and appears in the description only by pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import MAXYEAR, MINYEAR, datetime, timedelta, timezone, tzinfo
from typing import Literal, TypeAlias
from zoneinfo import ZoneInfo

from learnmeet.exceptions import (
    InvalidValueError,
    refuse_personal_data,
    shown,
    shown_all,
)
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
from learnmeet.model._people import DOMAIN, Professional, email_problem
from learnmeet.planning._period import PeriodPlan

__all__ = ["Method", "to_ical"]

Method: TypeAlias = Literal["publish", "request"]
"""The iTIP method of a calendar :func:`to_ical` writes (RFC 5546, 3.2):
``"publish"`` (a calendar to import) or ``"request"`` (invitations).

.. versionadded:: 0.2.0
"""

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
    MeetingStatus.TENTATIVE: "TENTATIVE",
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
    """Quote and encode a parameter value (RFC 5545, 3.1; RFC 6868).

    A quoted value may hold ``:``, ``;`` and ``,`` but no control character
    and no double quote: RFC 6868 writes a line break as ``^n``, a double
    quote as ``^'`` and the caret itself as ``^^``.
    """
    encoded = (
        text.replace("^", "^^")
        .replace("\r\n", "^n")
        .replace("\r", "^n")
        .replace("\n", "^n")
        .replace('"', "^'")
    )
    return f'"{encoded}"'


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


def _name(person: Professional) -> str:
    return person.display_name or person.id


def _attendee_lines(meeting: Meeting) -> Iterator[str]:
    """The ATTENDEE lines of a REQUEST: every professional with an address."""
    for attendee in meeting.attendees:
        person = attendee.person
        if not isinstance(person, Professional) or person.email is None:
            continue
        role = (
            "CHAIR"
            if attendee.role is AttendeeRole.FACILITATOR
            else _ROLE[attendee.participation]
        )
        params = [
            f"CN={_param(_name(person))}",
            "CUTYPE=INDIVIDUAL",
            f"ROLE={role}",
            f"PARTSTAT={_PARTSTAT[attendee.rsvp]}",
            f"RSVP={'TRUE' if attendee.rsvp is Rsvp.NEEDS_ACTION else 'FALSE'}",
            f"X-LEARNMEET-ROLE={attendee.role.code}",
        ]
        if attendee.attended is not Attendance.UNKNOWN:
            params.append(f"X-LEARNMEET-ATTENDED={attendee.attended.code}")
        yield f"ATTENDEE;{';'.join(params)}:mailto:{person.email}"


def _organizer(meeting: Meeting, address: str | None) -> str:
    """The ORGANIZER: *address*, else the facilitator's or first professional's.

    Under PUBLISH a professional without an address is named by a URN of
    their key; :func:`to_ical` refuses that under REQUEST before writing.
    """
    if address is not None:
        return f"ORGANIZER:mailto:{address}"
    host = _host(meeting)
    if host is None:
        return "ORGANIZER:urn:learnmeet:organizer"
    uri = f"mailto:{host.email}" if host.email else f"urn:learnmeet:{host.key}"
    return f"ORGANIZER;CN={_param(_name(host))}:{uri}"


def _host(meeting: Meeting) -> Professional | None:
    """Who organises a meeting: its facilitator, else its first professional.

    One with an e-mail address comes before one without, so under REQUEST
    the organizer can be written whenever anyone has an address.
    """
    staff = [
        (a.person.email is None, a.role is not AttendeeRole.FACILITATOR, n, a.person)
        for n, a in enumerate(meeting.attendees)
        if isinstance(a.person, Professional)
    ]
    return min(staff, key=lambda s: s[:3])[3] if staff else None


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


def _status(meeting: Meeting) -> str:
    """CONFIRMED, CANCELLED or TENTATIVE, as the meeting's status says.

    A planned session below its minimum fill (one made by hand rather than by
    the planners) is TENTATIVE too.
    """
    fill = meeting.format.requirements.min_fill
    if (
        meeting.status is MeetingStatus.PLANNED
        and fill is not None
        and len(meeting.attendees) < fill
    ):
        return "TENTATIVE"
    return _STATUS[meeting.status]


def _facts(meeting: Meeting) -> tuple[object, ...]:
    """What makes a meeting another version of itself (RFC 5546, 2.1.4)."""
    return (
        meeting.start.astimezone(_UTC),
        meeting.end.astimezone(_UTC),
        meeting.location,
        frozenset((a.person.key, a.participation) for a in meeting.attendees),
        meeting.status,
    )


def _event(
    meeting: Meeting,
    *,
    lang: Lang,
    stamp: datetime,
    uid: str,
    sequence: int,
    method: Method,
    organizer: str | None,
) -> list[str]:
    summary = meeting.heading(lang)
    where = ", ".join(
        part
        for part in (
            meeting.location.description or meeting.location.kind.label.get(lang),
            meeting.location.place,
            meeting.location.room,
        )
        if part
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(uid)}",
        f"DTSTAMP:{_utc(stamp)}",
        f"SEQUENCE:{sequence}",
        _when("DTSTART", meeting.start),
        _when("DTEND", meeting.end.astimezone(meeting.start.tzinfo)),
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(_description(meeting, lang))}",
        f"LOCATION:{_escape(where)}",
        f"STATUS:{_status(meeting)}",
        f"CATEGORIES:{_escape(meeting.format.code)}",
        _organizer(meeting, organizer),
    ]
    if method == "request":
        lines += _attendee_lines(meeting)
    if meeting.cancellation is not None:
        lines.append(f"X-LEARNMEET-CANCELLATION:{meeting.cancellation.reason.code}")
    lines.append("END:VEVENT")
    return lines


def _refuse(*, reason: Label, fix: Label, path: str) -> InvalidValueError:
    return InvalidValueError(reason=reason, fix=fix, where="to_ical", path=(path,))


def _check_domain(domain: str) -> str:
    refuse_personal_data(domain, where="to_ical", path=("uid_domain",))
    if len(domain) > 253 or DOMAIN.fullmatch(domain) is None:
        raise _refuse(
            reason=Label(
                da=f"{shown(domain).da} er ikke et domænenavn",
                en=f"{shown(domain).en} is not a domain name",
            ),
            fix=Label(
                da="giv et domæne som 'kommune.dk': bogstaver, cifre og "
                "bindestreger, adskilt af punktummer",
                en="give a domain such as 'kommune.dk': letters, digits and "
                "hyphens, separated by dots",
            ),
            path="uid_domain",
        )
    return domain.lower()


def _check_organizer(address: str) -> str:
    refuse_personal_data(address, where="to_ical", path=("organizer",))
    problem = email_problem(address)
    if problem is not None:
        raise _refuse(reason=problem[0], fix=problem[1], path="organizer")
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def _check_request(ordered: list[Meeting]) -> None:
    """Refuse what a REQUEST cannot hold (RFC 5546, 3.2.2), all at once."""
    cancelled = [m.id for m in ordered if m.status is MeetingStatus.CANCELLED]
    if cancelled:
        raise _refuse(
            reason=Label(
                da=f"en invitation (REQUEST) kan ikke aflyse; aflyste møder: "
                f"{shown_all(cancelled).da}",
                en=f"an invitation (REQUEST) cannot cancel; cancelled meetings: "
                f"{shown_all(cancelled).en}",
            ),
            fix=Label(
                da="udgiv de aflyste møder med method='publish', eller aflys dem "
                "i kalenderprogrammet",
                en="publish the cancelled meetings with method='publish', or "
                "cancel them in the calendar program",
            ),
            path="meetings",
        )
    # The organizer is someone with an address whenever anyone has one
    # (_host), so a meeting with an attendee to invite has an organizer too.
    nobody = [
        m.id
        for m in ordered
        if not any(
            isinstance(a.person, Professional) and a.person.email for a in m.attendees
        )
    ]
    if nobody:
        raise _refuse(
            reason=Label(
                da="en invitation (REQUEST) kræver en deltager med e-mailadresse; "
                f"det mangler i {shown_all(nobody).da}",
                en="an invitation (REQUEST) needs an attendee with an e-mail "
                f"address; missing in {shown_all(nobody).en}",
            ),
            fix=Label(
                da="giv deltagerne en e-mailadresse (Professional.email), eller "
                "udgiv med method='publish'",
                en="give the attendees an e-mail address (Professional.email), "
                "or publish with method='publish'",
            ),
            path="meetings",
        )


@checked
def to_ical(
    meetings: Iterable[Meeting],
    *,
    lang: Lang = "da",
    name: str = "learnmeet",
    stamp: datetime | None = None,
    method: Method = "publish",
    organizer: str | None = None,
    uid_domain: str = "learnmeet",
    uids: Mapping[str, str] | None = None,
    previous: Iterable[Meeting] | PeriodPlan = (),
) -> str:
    """Write meetings as one iCalendar (RFC 5545) calendar.

    Meetings are written by start and id. With *stamp* given the output is
    deterministic: the same meetings give the same file, byte for byte.

    Args:
        meetings: The meetings to write.
        lang: The language of summaries and descriptions.
        name: The calendar's name (X-WR-CALNAME), checked as every text the
            library holds is.
        stamp: The time of writing, DTSTAMP of every event (aware; written
            in UTC). By default, now.
        method: ``"publish"`` — a calendar to subscribe to or import, with an
            ORGANIZER and no ATTENDEE — or ``"request"`` — invitations, with
            an ORGANIZER and a ``mailto:`` ATTENDEE for every professional
            with an e-mail address (others are not invited by the file). See
            RFC 5546, 3.2.1 and 3.2.2. Give one meeting at a time for an
            invitation to send: calendar programs act on the first meeting
            of a REQUEST only.
        organizer: The e-mail address of the ORGANIZER of every event. By
            default each meeting's facilitator, or its first professional
            with an address; under ``"publish"`` one without an address is
            named by a URN of their key.
        uid_domain: The domain of every UID, ``<meeting id>@<uid_domain>``
            (the municipality's, e.g. ``"kommune.dk"``), kept in lower case.
        uids: The UID of a meeting by its id, in place of the one made from
            the id, e.g. to keep a UID a calendar program already holds.
        previous: The plan written before (a :class:`~learnmeet.PeriodPlan`,
            e.g. read back from ``plan.json``), or its meetings. A meeting
            with the same UID whose start, end, location, attendees or status
            changed gets SEQUENCE 1, so calendar programs take it as the newer
            version; any other SEQUENCE 0.

    Raises:
        PersonalDataError: *name*, *uid_domain*, *organizer* or a UID holds
            something shaped like a CPR number.
        InvalidValueError: *name* holds a control character or a lone
            surrogate; *uid_domain* is not a domain name; *organizer* is not
            an e-mail address; two meetings would share a UID; or, under
            ``"request"``, a meeting is cancelled or has no attendee with an
            e-mail address.
        NaiveDatetimeError: *stamp* has no time zone.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *name* is checked; *method*, *organizer*,
       *uid_domain*, *uids* and *previous*; DTSTAMP is the time of writing.
    """
    lang = check_lang(lang)
    refuse_personal_data(name, where="to_ical", path=("name",))
    domain = _check_domain(uid_domain)
    address = None if organizer is None else _check_organizer(organizer)
    chosen = dict(uids or {})
    for key, uid in chosen.items():
        refuse_personal_data(uid, where="to_ical", path=("uids", key))
    ordered = sorted(meetings, key=lambda m: (m.start.astimezone(_UTC), m.id))
    if method == "request":
        _check_request(ordered)

    def uid_of(meeting: Meeting) -> str:
        return chosen.get(meeting.id) or f"{meeting.id}@{domain}"

    seen: set[str] = set()
    for meeting in ordered:
        uid = uid_of(meeting)
        if uid in seen:
            raise _refuse(
                reason=Label(
                    da=f"to møder får samme UID {shown(uid).da}; en kalender slår "
                    "dem sammen",
                    en=f"two meetings get the same UID {shown(uid).en}; a calendar "
                    "merges them",
                ),
                fix=Label(
                    da="giv hvert møde sit eget id (eller sin egen UID i uids=)",
                    en="give each meeting an id of its own (or a UID of its own "
                    "in uids=)",
                ),
                path="meetings",
            )
        seen.add(uid)
    earlier = previous.meetings if isinstance(previous, PeriodPlan) else previous
    before = {uid_of(m): _facts(m) for m in earlier}
    when = datetime.now(_UTC) if stamp is None else stamp
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
        f"METHOD:{method.upper()}",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for zone in zones:
        lines += _vtimezone(zone, years)
    for meeting in ordered:
        uid = uid_of(meeting)
        old = before.get(uid)
        lines += _event(
            meeting,
            lang=lang,
            stamp=when,
            uid=uid,
            sequence=int(old is not None and old != _facts(meeting)),
            method=method,
            organizer=address,
        )
    lines.append("END:VCALENDAR")
    out = []
    for line in lines:
        first, *rest = _fold(line)
        out.append(first)
        out += [" " + part for part in rest]
    return "\r\n".join(out) + "\r\n"
