"""Staff calendars (RFC 5545) read into busy time, for planning around them.

Outlook, Exchange, Google and municipal systems export a person's calendar or
free/busy time as an ``.ics`` file. :func:`busy_from_ical` turns one file
into busy intervals; :func:`busy_index_from_ical` turns a file per person (or
files with attendees) into the :class:`~learnmeet.BusyIndex` planning takes.

The files are parsed by ``icalendar`` and their recurrences expanded by
``recurring-ical-events``, both maintained and tried on a corpus of real
calendars: install them with the ``calendar`` extra
(``pip install 'learnmeet[calendar]'``). They are imported when a calendar is
first read, so learnmeet itself needs neither.

What is busy:

* each VEVENT occurrence — RRULE, RDATE (dates, date-times, periods) and
  EXDATE expanded, a RECURRENCE-ID override in place of the occurrence it
  moves — from its DTSTART to its DTEND (or DURATION); an all-day event is
  the whole of its days in *zone*, and a floating time is read in *zone*;
* but not an event marked ``TRANSP:TRANSPARENT`` or, as Outlook writes it,
  ``X-MICROSOFT-CDO-BUSYSTATUS:FREE`` (shown as free), nor one
  ``STATUS:CANCELLED``;
* each FREEBUSY period of a VFREEBUSY whose FBTYPE is BUSY (the default),
  BUSY-TENTATIVE or BUSY-UNAVAILABLE (or a type learnmeet does not know,
  as RFC 5545 says); FREE periods are not busy.

Any TZID is read: an IANA name, a zone the file defines in a VTIMEZONE, or a
Windows name as Outlook writes (``Romance Standard Time``), mapped to IANA by
CLDR's windowsZones table as ``icalendar`` ships it.

Bounded as every expansion in learnmeet is: the window is at most five years
(:data:`~learnmeet.model._rrule.MAX_WINDOW`); each recurrence rule is read
with the limits of a :class:`~learnmeet.Series` (at most five times a day,
COUNT at most 10,000, a first occurrence within ten years), so no rule walks
for ever; and an event or a VFREEBUSY gives at most
:data:`~learnmeet.MAX_OCCURRENCES` intervals in one window.

Bad input is an :class:`~learnmeet.InvalidDataError` listing every problem
found, each at its calendar and line (``$['p-1.ics'].line[12]``) or component
and property (``$['p-1.ics'].VEVENT[3].RRULE``): never a parser's exception,
its text or its warnings. What busy time does not depend on is passed over,
as the parser passes over it: a broken line of another property (a vendor's
``X-`` line, a DESCRIPTION folded wrongly), an empty ``RRULE:``, and an event
without DTSTART, which has no time to be busy in. The same corpus of real and
broken calendars the two libraries test themselves with is read in
learnmeet's tests.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta, timezone
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    InvalidValueError,
    Label,
    LearnmeetError,
    PathKey,
    shown,
)
from learnmeet.model._arguments import checked
from learnmeet.model._people import Professional
from learnmeet.model._rrule import MAX_OCCURRENCES, check_rule
from learnmeet.model._time import COPENHAGEN, year_problem
from learnmeet.planning._recurrence import content_line, content_lines
from learnmeet.planning._slots import BusyIndex, Interval, check_window

__all__ = ["BUSY_TYPES", "busy_from_ical", "busy_index_from_ical"]

BUSY_TYPES = frozenset({"BUSY", "BUSY-TENTATIVE", "BUSY-UNAVAILABLE"})
"""The FBTYPEs of RFC 5545 (3.2.9) that make a person busy; FREE does not."""

_UTC = timezone.utc
_UTC_ZONE = ZoneInfo("UTC")
_ONE_DAY = timedelta(days=1)
_EXTRA = "calendar"
_URN = "urn:learnmeet:"

_CANNOT_PARSE = Label(
    da="kalenderen kan ikke læses som iCalendar (RFC 5545)",
    en="the calendar cannot be read as iCalendar (RFC 5545)",
)
_EXPORT_AGAIN = Label(
    da="eksportér kalenderen igen som .ics fra kalenderprogrammet",
    en="export the calendar again as .ics from the calendar program",
)
_BAD_LINE = Label(
    da="linjen er ikke NAVN[;PARAMETER=VÆRDI]:VÆRDI",
    en="the line is not NAME[;PARAMETER=VALUE]:VALUE",
)
_BAD_PROPERTY = Label(da="egenskaben kan ikke læses", en="the property cannot be read")


def _libraries() -> tuple[ModuleType, ModuleType]:
    """``icalendar`` and ``recurring_ical_events``, or a refusal naming the extra."""
    try:
        icalendar = importlib.import_module("icalendar")
        recurring = importlib.import_module("recurring_ical_events")
    except ImportError:
        raise LearnmeetError(
            reason=Label(
                da="kalendere læses med pakkerne icalendar og "
                "recurring-ical-events, som ikke er installeret",
                en="calendars are read with the packages icalendar and "
                "recurring-ical-events, which are not installed",
            ),
            fix=Label(
                da=f"installér dem med: pip install 'learnmeet[{_EXTRA}]'",
                en=f"install them with: pip install 'learnmeet[{_EXTRA}]'",
            ),
        ) from None
    return icalendar, recurring


class _Reader:
    """One calendar read: its busy time, and the problems found on the way."""

    def __init__(
        self, name: str, window: tuple[datetime, datetime], zone: ZoneInfo
    ) -> None:
        self.name = name
        self.low, self.high = (w.astimezone(_UTC) for w in window)
        self.zone = zone
        self.problems: list[DataProblem] = []
        # (interval, the addresses it is busy time of, lower case)
        self.busy: list[tuple[Interval, frozenset[str]]] = []

    def problem(self, path: tuple[PathKey, ...], reason: Label, fix: Label) -> None:
        self.problems.append(
            DataProblem(path=(self.name, *path), reason=reason, fix=fix)
        )

    # -- reading ------------------------------------------------------------

    def read(self, source: str | bytes) -> None:
        text = self._text(source)
        if text is None or not self._lines(text):
            return
        icalendar, recurring = _libraries()
        try:
            with _quiet():
                calendars = icalendar.Calendar.from_ical(text, multiple=True)
        except Exception:  # the parser's own errors stay inside
            self.problem((), _CANNOT_PARSE, _EXPORT_AGAIN)
            return
        calendars = [c for c in calendars if str(c.name).upper() == "VCALENDAR"]
        if not calendars:
            self.problem(
                (),
                Label(da="filen har ingen VCALENDAR", en="the file has no VCALENDAR"),
                _EXPORT_AGAIN,
            )
        for calendar in calendars:
            if self._components_read(calendar):
                self._events(calendar, recurring)
                self._free_busy(calendar)

    def _text(self, source: str | bytes) -> str | None:
        if isinstance(source, str):
            return source
        try:
            return source.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError as exc:
            line = source.count(b"\n", 0, exc.start) + 1
            self.problem(
                ("line", line),
                Label(
                    da="filen er ikke UTF-8, som RFC 5545 kræver",
                    en="the file is not UTF-8, as RFC 5545 requires",
                ),
                Label(
                    da="gem eller eksportér kalenderen som UTF-8",
                    en="save or export the calendar as UTF-8",
                ),
            )
            return None

    def _lines(self, text: str) -> bool:
        """Whether every content line reads and every component is closed.

        The first line that does not is a problem: a line without a name or
        a ``:``, an END that closes another component than the last BEGIN,
        or a BEGIN never closed. (The parser would pass over some of these.)
        """
        opened: list[tuple[int, str]] = []
        for number, line in content_lines(text):
            try:
                name, _, value = content_line(line)
            except ValueError:
                # A broken line of a property busy time does not depend on
                # (a vendor's X- line, a broken fold of a DESCRIPTION) is
                # passed over, as the parser passes over it.
                word = _NAME.match(line)
                if word is None or word[0].upper() in _READ:
                    self.problem(("line", number), _BAD_LINE, _EXPORT_AGAIN)
                    return False
                continue
            component = value.strip().upper()
            shown_component = shown(component)
            if name == "BEGIN":
                opened.append((number, component))
            elif name == "END":
                if not opened or opened[-1][1] != component:
                    expected = (
                        shown(opened[-1][1]) if opened else Label(da="ingen", en="none")
                    )
                    self.problem(
                        ("line", number),
                        Label(
                            da=f"END nævner {shown_component.da}, men den åbne "
                            f"komponent er {expected.da}",
                            en=f"END names {shown_component.en}, but the open "
                            f"component is {expected.en}",
                        ),
                        _EXPORT_AGAIN,
                    )
                    return False
                opened.pop()
        if opened:
            number, component = opened[-1]
            unclosed = shown(component)
            self.problem(
                ("line", number),
                Label(
                    da=f"komponenten {unclosed.da} lukkes aldrig med END (er filen "
                    "afkortet?)",
                    en=f"the component {unclosed.en} is never closed by END (is the "
                    "file cut short?)",
                ),
                _EXPORT_AGAIN,
            )
            return False
        return True

    def _components_read(self, calendar: Any) -> bool:
        """Whether every property was parsed; each one that was not, a problem."""
        fine = True
        for kind, index, component in _numbered(calendar.walk()):
            for prop, _message in component.errors:
                if str(prop).upper() not in _READ:
                    continue  # a property busy time does not depend on
                fine = False
                self.problem(
                    (kind, index, str(prop).upper()), _BAD_PROPERTY, _EXPORT_AGAIN
                )
        return fine

    # -- VEVENT ---------------------------------------------------------------

    def _events(self, calendar: Any, recurring: Any) -> None:
        fine = True
        for _, index, event in _numbered(calendar.walk("VEVENT")):
            fine &= self._rules(index, event)
        if not fine:
            return
        # An event without DTSTART has no time to be busy in (a fragment, or
        # a reply that names an event by UID): it is passed over.
        for component in calendar.walk():
            component.subcomponents = [
                c
                for c in component.subcomponents
                if c.name.upper() != "VEVENT" or "DTSTART" in c
            ]
        try:
            # A day wider: the expander's own ends can be an hour off (see
            # _event); what is busy in the window is decided there.
            with _quiet():
                occurrences = recurring.of(calendar, components=["VEVENT"]).between(
                    self.low - _ONE_DAY, self.high + _ONE_DAY
                )
        except Exception:  # the expander's own errors stay inside
            self.problem(("VEVENT",), _CANNOT_PARSE, _EXPORT_AGAIN)
            return
        sources = {
            (str(event.get("UID", "")), _recurrence_id(event)): event
            for event in calendar.walk("VEVENT")
        }
        counts: dict[str, int] = {}
        for occurrence in occurrences:
            uid = str(occurrence.get("UID", ""))
            counts[uid] = counts.get(uid, 0) + 1
            if counts[uid] > MAX_OCCURRENCES:
                self._too_many("VEVENT", uid)
                return
            source = sources.get((uid, _recurrence_id(occurrence)))
            self._event(occurrence, source or sources.get((uid, None), occurrence))

    def _rules(self, index: int, event: Any) -> bool:
        """Check the event's times are given once, and its rules within limits.

        RRULEs and EXRULEs are read as a Series' rule is, with its limits.
        """
        for name in _ONCE:
            if isinstance(event.get(name), list):
                self.problem(
                    ("VEVENT", index, name),
                    Label(
                        da=f"hændelsen har mere end én {name}",
                        en=f"the event has more than one {name}",
                    ),
                    _EXPORT_AGAIN,
                )
                return False
        if "DTSTART" not in event:
            return True
        found = [
            (name, rule)
            for name in ("RRULE", "EXRULE")
            for rule in _listed(event.get(name))
            if rule  # an empty 'RRULE:', as some exports write: no recurrence
        ]
        start = self._checkable(event["DTSTART"].dt)
        for name, rule in found:
            text = rule.to_ical().decode("utf-8", "replace")
            try:
                check_rule(text, start, where="", path=())
            except InvalidValueError as refused:
                self.problem(("VEVENT", index, name), refused.reason, refused.fix)
                return False
        return True

    def _checkable(self, start: date | datetime) -> datetime:
        """A DTSTART as :func:`check_rule` takes it: aware, in an IANA zone."""
        if not isinstance(start, datetime):
            return datetime.combine(start, time(0), tzinfo=self.zone)
        if start.tzinfo is None:
            return start.replace(tzinfo=self.zone)
        if isinstance(start.tzinfo, ZoneInfo):
            return start
        return start.astimezone(_UTC_ZONE)

    def _event(self, event: Any, source: Any) -> None:
        """One occurrence, *event*, of the VEVENT *source* (itself, an override).

        Its end is computed here from *source*, as RFC 5545 (3.8.5.3, 3.3.6)
        says: a DTEND gives every occurrence the same exact (elapsed) length;
        a DURATION's days and weeks are nominal (the same wall-clock time
        days later) and its hours, minutes and seconds exact; an all-day
        event without either lasts its day. The expander adds the length on
        the wall clock, an hour off across a change of summer time.
        """
        if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            return
        if str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() == "FREE":
            return  # Outlook's "Show as: Free", where TRANSP is left out
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            return
        start = self._moment(event["DTSTART"].dt)
        period = self._periods(source).get(start.astimezone(_UTC))
        if period is not None:
            end = period  # an RDATE period lasts as long as it says
        else:
            days, exact = self._length(source)
            end = (start + timedelta(days=days)).astimezone(_UTC) + exact
        people = _addresses(event, declined=False)
        self._add(start, end, people, ("VEVENT", str(event.get("UID", ""))))

    def _periods(self, event: Any) -> dict[datetime, datetime]:
        """The ends of *event*'s RDATE periods (``VALUE=PERIOD``), by start."""
        found = {}
        for rdate in _listed(event.get("RDATE")):
            for value in rdate.dts:
                if isinstance(value.dt, tuple):
                    first, length = value.dt
                    begin = self._moment(first)
                    end = (
                        begin.astimezone(_UTC) + length
                        if isinstance(length, timedelta)
                        else self._moment(length)
                    )
                    found[begin.astimezone(_UTC)] = end
        return found

    def _length(self, event: Any) -> tuple[int, timedelta]:
        """The nominal days and exact time an occurrence of *event* lasts."""
        start = event["DTSTART"].dt
        if "DTEND" in event:
            end = event["DTEND"].dt
            if isinstance(start, datetime) and isinstance(end, datetime):
                elapsed = self._moment(end).astimezone(_UTC) - self._moment(
                    start
                ).astimezone(_UTC)
                return 0, elapsed
            return (_day_of(end) - _day_of(start)).days, timedelta(0)
        if "DURATION" in event:
            length = event["DURATION"].dt
            return length.days, length - timedelta(days=length.days)
        # An instant has no length (RFC 5545, 3.6.1); a date lasts its day.
        return (0 if isinstance(start, datetime) else 1), timedelta(0)

    def _moment(self, value: date | datetime) -> datetime:
        if not isinstance(value, datetime):
            # An all-day event: its local days in the person's zone.
            return datetime.combine(value, time(0), tzinfo=self.zone)
        if value.tzinfo is None:
            return value.replace(tzinfo=self.zone)
        return value

    # -- VFREEBUSY ------------------------------------------------------------

    def _free_busy(self, calendar: Any) -> None:
        for _, index, component in _numbered(calendar.walk("VFREEBUSY")):
            people = _addresses(component, declined=True)
            found = 0
            for period in _listed(component.get("FREEBUSY")):
                kind = str(period.params.get("FBTYPE", "BUSY")).upper()
                if kind == "FREE":
                    continue
                start, length = period.dt
                start = self._moment(start)
                end = (
                    start + length
                    if isinstance(length, timedelta)
                    else self._moment(length)
                )
                found += 1
                if found > MAX_OCCURRENCES:
                    self._too_many("VFREEBUSY", index)
                    return
                self._add(start, end, people, ("VFREEBUSY", index, "FREEBUSY"))

    # -- both -----------------------------------------------------------------

    def _add(
        self,
        start: datetime,
        end: datetime,
        people: frozenset[str],
        path: tuple[PathKey, ...],
    ) -> None:
        low, high = start.astimezone(_UTC), end.astimezone(_UTC)
        if high <= low or high <= self.low or low >= self.high:
            return
        # Through the instant: a wall time in a spring-forward gap becomes
        # the time that exists (moved on by the gap, as a Series moves it);
        # a zone the file defines (a VTIMEZONE icalendar could not name) is
        # no zone learnmeet keeps, so its instants are shown in *zone*.
        zone = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else self.zone
        start, end = low.astimezone(zone), high.astimezone(zone)
        outside = year_problem(start.year) or year_problem(end.year)
        if outside is not None:
            self.problem(path, *outside)
            return
        self.busy.append((Interval(start, end), people))

    def _too_many(self, kind: str, which: PathKey) -> None:
        most = f"{MAX_OCCURRENCES:,}"
        self.problem(
            (kind, which),
            Label(
                da=f"mere end {most.replace(',', '.')} optagede tider i vinduet",
                en=f"more than {most} busy times in the window",
            ),
            Label(
                da="læs kalenderen for et kortere vindue",
                en="read the calendar for a shorter window",
            ),
        )


_READ = frozenset(
    {
        "BEGIN",
        "END",
        "DTSTART",
        "DTEND",
        "DURATION",
        "RRULE",
        "EXRULE",
        "RDATE",
        "EXDATE",
        "RECURRENCE-ID",
        "UID",
        "STATUS",
        "TRANSP",
        "FREEBUSY",
        "ATTENDEE",
        "ORGANIZER",
        "X-MICROSOFT-CDO-BUSYSTATUS",
    }
)
"""The properties busy time is read from: a line of one that does not read is
refused; other broken lines are passed over."""
_NAME = re.compile(r"[A-Za-z0-9-]+", re.ASCII)

_ONCE = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "STATUS", "TRANSP")
"""The properties an event has at most once (RFC 5545, 3.6.1) that are read."""


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The libraries' warnings kept in: what they guess is theirs to say."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _recurrence_id(event: Any) -> object:
    """The RECURRENCE-ID of *event*, comparable across zones; ``None`` without."""
    if "RECURRENCE-ID" not in event:
        return None
    value = event["RECURRENCE-ID"].dt
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(_UTC)
    return value


def _listed(value: Any) -> list[Any]:
    """A property that may be given once or many times, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _numbered(components: Iterable[Any]) -> Iterator[tuple[str, int, Any]]:
    """Each component with its name and its index among those of that name."""
    seen: dict[str, int] = {}
    for component in components:
        name = str(component.name).upper()
        seen[name] = seen.get(name, -1) + 1
        yield name, seen[name], component


def _addresses(component: Any, *, declined: bool) -> frozenset[str]:
    """The ORGANIZER and ATTENDEE addresses of *component*, in lower case.

    An attendee who declined is left out of a VEVENT's (*declined* False):
    the event is no busy time of theirs.
    """
    found = set()
    if "ORGANIZER" in component:
        found.add(str(component["ORGANIZER"]).strip().lower())
    for attendee in _listed(component.get("ATTENDEE")):
        answer = str(attendee.params.get("PARTSTAT", "")).upper()
        if declined or answer != "DECLINED":
            found.add(str(attendee).strip().lower())
    return frozenset(found)


def _person_addresses(person: Professional) -> frozenset[str]:
    """The calendar addresses that stand for *person*, in lower case.

    ``urn:learnmeet:professional:<id>``, as learnmeet 0.1 wrote attendees,
    and ``mailto:<address>`` when the professional has an ``email``.
    """
    found = {f"{_URN}{person.key}".lower()}
    if person.email:
        found.add(f"mailto:{person.email}".lower())
    return frozenset(found)


def _read(
    source: str | bytes,
    window: tuple[datetime, datetime],
    zone: ZoneInfo,
    name: str,
    where: str,
) -> _Reader:
    window = check_window(window, where=where, zone=zone)
    reader = _Reader(name, window, zone)
    reader.read(source)
    return reader


@checked
def busy_from_ical(
    calendar: str | bytes,
    window: tuple[datetime, datetime],
    *,
    zone: ZoneInfo = COPENHAGEN,
    name: str = "calendar",
) -> tuple[Interval, ...]:
    r"""Read an iCalendar file's busy time within *window*.

    Every busy VEVENT occurrence and FREEBUSY period that overlaps the window,
    whole, earliest first (see the module's docstring for what is busy). All
    of the file is read as one person's: to share a file with attendees out
    between people, use :func:`busy_index_from_ical`.

    >>> from datetime import datetime
    >>> from learnmeet import COPENHAGEN, busy_from_ical
    >>> ics = (
    ...     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n"
    ...     "BEGIN:VEVENT\r\nUID:standup-1@example.org\r\n"
    ...     "DTSTAMP:20270101T000000Z\r\n"
    ...     "DTSTART;TZID=Romance Standard Time:20270322T083000\r\n"
    ...     "DURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
    ...     "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ... )
    >>> window = (datetime(2027, 3, 1, tzinfo=COPENHAGEN),
    ...           datetime(2027, 4, 30, tzinfo=COPENHAGEN))
    >>> [f"{i.start.astimezone(COPENHAGEN):%d/%m %H:%M %Z}"
    ...  for i in busy_from_ical(ics, window)]
    ['22/03 08:30 CET', '29/03 08:30 CEST', '05/04 08:30 CEST']

    Args:
        calendar: The file's text, or its bytes (UTF-8, as RFC 5545 says).
        window: Two aware datetimes, at most five years (1,827 days) apart.
        zone: Where all-day events and floating times are read.
        name: What the calendar is called in a problem's path (a file name).

    Raises:
        InvalidDataError: The file cannot be read, or holds what learnmeet
            does not plan with; every problem with its line or component.
        InvalidValueError: The window is refused.
        LearnmeetError: The ``calendar`` extra is not installed.

    .. versionadded:: 0.2.0
    """
    reader = _read(calendar, window, zone, name, "busy_from_ical")
    if reader.problems:
        raise InvalidDataError(reader.problems)
    return tuple(
        sorted(
            (interval for interval, _ in reader.busy),
            key=lambda i: (i.start.astimezone(_UTC), i.end.astimezone(_UTC)),
        )
    )


@checked
def busy_index_from_ical(
    calendars: Mapping[str, str | bytes],
    people: Iterable[Professional],
    window: tuple[datetime, datetime],
    *,
    zone: ZoneInfo = COPENHAGEN,
) -> BusyIndex:
    """Read many calendars into one :class:`~learnmeet.BusyIndex` for *people*.

    Each calendar is matched to people:

    * a calendar named after a professional's id (``p-001`` or ``p-001.ics``)
      is all that professional's busy time — one exported file per person;
    * any other calendar is shared out by its events' ORGANIZER and ATTENDEEs
      (an attendee who declined is not busy) and its VFREEBUSYs' ORGANIZER
      or ATTENDEE: the professional's ``mailto:`` address (their
      ``email``), or ``urn:learnmeet:professional:<id>`` (as learnmeet 0.1
      wrote attendees).

    A calendar that matches nobody is a problem, not passed over: its busy
    time would be lost.

    Args:
        calendars: Each calendar's text or bytes, by name (e.g. file name).
        people: The professionals to match the calendars to.
        window: Two aware datetimes, at most five years (1,827 days) apart.
        zone: Where all-day events and floating times are read.

    Raises:
        InvalidDataError: A calendar cannot be read or matches nobody; every
            problem of every calendar, each at its calendar's name.
        InvalidValueError: The window is refused.
        LearnmeetError: The ``calendar`` extra is not installed.

    .. versionadded:: 0.2.0
    """
    staff = list(people)
    by_id = {person.id: person for person in staff}
    by_address = {
        address: person.key for person in staff for address in _person_addresses(person)
    }
    busy: dict[str, list[Interval]] = {}
    problems: list[DataProblem] = []
    for name, source in calendars.items():
        reader = _read(source, window, zone, name, "busy_index_from_ical")
        problems += reader.problems
        if reader.problems:
            continue
        stem = name[:-4] if name.lower().endswith(".ics") else name
        owner = by_id.get(stem)
        matched = owner is not None
        for interval, addresses in reader.busy:
            if owner is not None:
                busy.setdefault(owner.key, []).append(interval)
                continue
            for key in {by_address[a] for a in addresses if a in by_address}:
                matched = True
                busy.setdefault(key, []).append(interval)
        if not matched and reader.busy:
            problems.append(
                DataProblem(
                    path=(name,),
                    reason=Label(
                        da="kalenderen passer til ingen af medarbejderne",
                        en="the calendar matches none of the professionals",
                    ),
                    fix=Label(
                        da="navngiv filen efter medarbejderens id (fx p-001.ics), "
                        "eller giv hændelserne medarbejderen som ATTENDEE",
                        en="name the file after the professional's id (e.g. "
                        "p-001.ics), or give the events the professional as "
                        "ATTENDEE",
                    ),
                )
            )
    if problems:
        raise InvalidDataError(problems)
    return BusyIndex(busy)
