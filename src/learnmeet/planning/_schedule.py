"""Scheduling many meetings into people's calendars without double booking.

:func:`schedule` places meeting requests one at a time, the request with the
earliest deadline first (ties broken by earliest start, then id, so the result
is deterministic), each at the earliest time all its required attendees are
free; optional attendees come along when they are free too. Every placed
meeting is added to its attendees' busy time before the next request, so no
one is ever booked twice. A request that cannot be placed is returned with the
reason and the people who block it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import WorkingHours, holiday_days
from learnmeet.model._cases import CitizenCase
from learnmeet.model._checks import (
    each,
    identifier,
    instance_of,
    optional,
    safe_text,
    to_tuple,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._meetings import (
    Attendee,
    Location,
    LocationKind,
    Meeting,
    Participation,
    Reflection,
)
from learnmeet.model._people import Professional
from learnmeet.model._time import COPENHAGEN, a_date, positive_duration
from learnmeet.planning._slots import (
    Busy,
    BusyIndex,
    Interval,
    days_window,
    find_slots,
)

__all__ = ["MeetingRequest", "ScheduleResult", "Unplaced", "schedule"]

_UTC = timezone.utc


def _attendees(items: Iterable[Attendee]) -> tuple[Attendee, ...]:
    return to_tuple(items)


def _keys(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items)


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return to_tuple(items)


def _unplaced(items: Iterable[Unplaced]) -> tuple[Unplaced, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class MeetingRequest:
    """A meeting to be placed: who, about what, and between which days.

    Attendees whose participation is ``REQUIRED`` must all be free; the others
    come along when they are free at the chosen time.

    Attributes:
        id: A stable identifier, which the placed meeting gets.
        format: The meeting's format.
        attendees: Who is invited, each with their role and participation.
        earliest: The first day the meeting may be on.
        latest: The last day the meeting may be on.
        duration: How long it lasts; without one, the format's default.
        case: The citizen case the meeting is about, if any.
        reflection: The reflection attached to it, if any.
        location: Where it is held; without one, in the citizen's home for a
            format held there, else on site.
        title: A title to show, which may be empty.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    format: MeetingFormat = attrs.field(validator=instance_of(MeetingFormat))
    attendees: tuple[Attendee, ...] = attrs.field(
        converter=_attendees, validator=each(instance_of(Attendee))
    )
    earliest: date = attrs.field(validator=a_date)
    latest: date = attrs.field(validator=a_date)
    duration: timedelta | None = attrs.field(
        default=None, validator=optional(positive_duration)
    )
    case: CitizenCase | None = attrs.field(
        default=None, validator=optional(instance_of(CitizenCase))
    )
    reflection: Reflection | None = attrs.field(
        default=None, validator=optional(instance_of(Reflection))
    )
    location: Location | None = attrs.field(
        default=None, validator=optional(instance_of(Location))
    )
    title: str = attrs.field(default="", validator=safe_text)

    def __attrs_post_init__(self) -> None:
        if self.latest < self.earliest:
            raise InvalidValueError(
                reason=Label(
                    da=f"{self.latest} ligger før {self.earliest}",
                    en=f"{self.latest} is before {self.earliest}",
                ),
                fix=Label(
                    da="giv en seneste dato på eller efter den tidligste",
                    en="give a latest date on or after the earliest",
                ),
                where="MeetingRequest",
                path=("latest",),
            )

    @classmethod
    @checked
    def from_meeting(
        cls, meeting: Meeting, *, earliest: date, latest: date
    ) -> MeetingRequest:
        """A request to place *meeting* again, on a day from *earliest* to *latest*.

        Carries everything :func:`schedule` keeps (id, format, attendees,
        duration, case, reflection, location and title), so a meeting read
        from JSON crosses into planning in one call.

        >>> from datetime import date
        >>> from learnmeet.data import load_sample
        >>> meeting = load_sample().meetings[0]
        >>> request = MeetingRequest.from_meeting(
        ...     meeting, earliest=date(2027, 3, 1), latest=date(2027, 3, 31)
        ... )
        >>> (request.id, request.attendees) == (meeting.id, meeting.attendees)
        True

        Raises:
            InvalidValueError: *latest* is before *earliest*.

        .. versionadded:: 0.2.0
        """
        return cls(
            id=meeting.id,
            format=meeting.format,
            attendees=meeting.attendees,
            earliest=earliest,
            latest=latest,
            duration=meeting.duration,
            case=meeting.case,
            reflection=meeting.reflection,
            location=meeting.location,
            title=meeting.title,
        )

    @property
    def length(self) -> timedelta:
        """The meeting's duration: its own, or the format's default."""
        return self.duration or self.format.default_duration

    @property
    def required_people(self) -> tuple[Professional | str, ...]:
        """The people who must all be free (professionals, or keys of others)."""
        return tuple(
            a.person if isinstance(a.person, Professional) else a.person.key
            for a in self.attendees
            if a.participation is Participation.REQUIRED
        )

    @property
    def required(self) -> tuple[str, ...]:
        """The keys of the people who must all be free."""
        return tuple(
            a.person.key
            for a in self.attendees
            if a.participation is Participation.REQUIRED
        )


@attrs.frozen
class Unplaced:
    """A request that could not be placed, why, and who blocks it.

    Attributes:
        request: The request that was not placed.
        reason: Why, in Danish and English.
        blockers: The keys of the required people with no free time in the
            window, or of all the required people when they had no time in
            common.

    .. versionadded:: 0.1.0
    """

    request: MeetingRequest = attrs.field(validator=instance_of(MeetingRequest))
    reason: Label = attrs.field(validator=instance_of(Label))
    blockers: tuple[str, ...] = attrs.field(
        default=(), converter=_keys, validator=each(identifier)
    )


@attrs.frozen
class ScheduleResult:
    """What :func:`schedule` placed and what it could not.

    Attributes:
        meetings: The meetings placed, one per request placed.
        unplaced: The requests that could not be placed, each with why.

    .. versionadded:: 0.1.0
    """

    meetings: tuple[Meeting, ...] = attrs.field(
        converter=_meetings, validator=each(instance_of(Meeting))
    )
    unplaced: tuple[Unplaced, ...] = attrs.field(
        converter=_unplaced, validator=each(instance_of(Unplaced))
    )


@checked
def schedule(
    requests: Iterable[MeetingRequest],
    *,
    busy: Busy | BusyIndex | None = None,
    hours: WorkingHours | None = WorkingHours(),  # noqa: B008 - immutable value
    unit_hours: Mapping[str, WorkingHours] | None = None,
    holidays: Iterable[date] | None = None,
    zone: ZoneInfo = COPENHAGEN,
) -> ScheduleResult:
    """Place meeting requests without double-booking anyone.

    Deterministic: the same requests and busy time give the same result,
    whatever order the requests come in.

    Args:
        requests: The meetings to place.
        busy: Busy time people already have, by person key, or a
            :class:`BusyIndex` of it (which is not changed).
        hours: Working hours, read in *zone*; ``None`` for any time of day.
        unit_hours: Working hours of particular units, by unit id.
        holidays: Closed days; by default the Danish public holidays of the
            years the requests span.
        zone: The zone meetings are placed in.

    Raises:
        WrongTypeError: An argument, or one of the requests, is of the wrong
            type.
        InvalidValueError: Two requests share an id.

    .. versionadded:: 0.1.0
    """
    todo = sorted(requests, key=lambda r: (r.latest, r.earliest, r.id))
    ids = [r.id for r in todo]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise InvalidValueError(
            reason=Label(
                da=f"anmodningerne {twice} står der flere gange",
                en=f"the request ids {twice} are used more than once",
            ),
            fix=Label(
                da="giv hver anmodning sit eget id",
                en="give every request its own id",
            ),
            where="schedule",
            path=("requests",),
        )
    # A private, growing copy: every placed meeting is booked into it.
    calendar = busy._copy() if isinstance(busy, BusyIndex) else BusyIndex(busy or {})
    if holidays is None and todo:
        closed = holiday_days(
            min(r.earliest for r in todo).year, max(r.latest for r in todo).year
        )
    else:
        closed = frozenset(holidays or ())

    def fits(
        people: Iterable[Professional | str],
        window: tuple[datetime, datetime],
        length: timedelta,
    ) -> Sequence[Interval]:
        return find_slots(
            people,
            window,
            length,
            busy=calendar,
            hours=hours,
            unit_hours=unit_hours,
            holidays=closed,
            zone=zone,
        )

    placed: list[Meeting] = []
    unplaced: list[Unplaced] = []
    for request in todo:
        window = days_window(request.earliest, request.latest, zone)
        slots = fits(request.required_people, window, request.length)
        if not slots:
            unplaced.append(_why(request, fits, window))
            continue
        start = slots[0].start
        end = _utc(start) + request.length
        chosen = [
            a
            for a in request.attendees
            if a.participation is Participation.REQUIRED
            or calendar._is_free(a.person.key, start, end)
        ]
        for attendee in chosen:
            calendar._book(attendee.person.key, start, end)
        placed.append(
            Meeting(
                id=request.id,
                format=request.format,
                start=start,
                duration=request.length,
                location=request.location
                or Location(
                    LocationKind.CITIZEN_HOME
                    if request.format.requirements.at_citizen_home
                    else LocationKind.ON_SITE
                ),
                attendees=chosen,
                case=request.case,
                reflection=request.reflection,
                title=request.title,
            )
        )
    placed.sort(key=lambda m: (_utc(m.start), m.id))
    return ScheduleResult(tuple(placed), tuple(unplaced))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(_UTC)


def _why(
    request: MeetingRequest,
    fits: Callable[
        [Iterable[Professional | str], tuple[datetime, datetime], timedelta],
        Sequence[Interval],
    ],
    window: tuple[datetime, datetime],
) -> Unplaced:
    alone = [
        who if isinstance(who, str) else who.key
        for who in request.required_people
        if not fits([who], window, request.length)
    ]
    first, last = request.earliest.isoformat(), request.latest.isoformat()
    if alone:
        who = ", ".join(alone)
        return Unplaced(
            request,
            Label(
                da=f"{who} har ingen ledig tid på {request.length} mellem {first} og "
                f"{last}; udvid perioden eller find en stedfortræder",
                en=f"{who} has no free {request.length} between {first} and {last}; "
                "widen the window or find a stand-in",
            ),
            tuple(alone),
        )
    who = ", ".join(request.required)
    return Unplaced(
        request,
        Label(
            da=f"ingen fælles ledig tid for {who} mellem {first} og {last}; udvid "
            "perioden eller gør nogle deltagere valgfri",
            en=f"no common free time for {who} between {first} and {last}; widen the "
            "window or make some attendees optional",
        ),
        tuple(request.required),
    )
