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

from collections.abc import Iterable, Mapping, Sequence
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
    optional_identifier,
    safe_text,
    to_tuple,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._meetings import (
    Attendee,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participation,
    Reflection,
)
from learnmeet.model._people import Professional
from learnmeet.model._time import COPENHAGEN, a_date, positive_duration
from learnmeet.planning._placement import (
    Board,
    Candidate,
    Need,
    Tally,
    best,
    has_time,
    micros_of,
    rooms_for,
)
from learnmeet.planning._settings import Backend, Objective, PlanningSettings
from learnmeet.planning._slots import (
    Availability,
    Busy,
    BusyIndex,
    _micros,
    _moment,
    days_window,
)
from learnmeet.rules._report import Report
from learnmeet.rules._rule import RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate_all

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
        cohort: The cohort a course session is run for, if any.
        forum: The id of the existing forum the meeting belongs to, if any.
        status: The placed meeting's status: planned, or tentative for a
            session that may not happen; never cancelled.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *cohort*, *forum* and *status*.
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
    cohort: Cohort | None = attrs.field(
        default=None, validator=optional(instance_of(Cohort))
    )
    forum: str | None = attrs.field(default=None, validator=optional_identifier)
    status: MeetingStatus = attrs.field(
        default=MeetingStatus.PLANNED, validator=instance_of(MeetingStatus)
    )

    def __attrs_post_init__(self) -> None:
        if self.status is MeetingStatus.CANCELLED:
            raise InvalidValueError(
                reason=Label(
                    da="et aflyst møde skal ikke placeres",
                    en="a cancelled meeting is not to be placed",
                ),
                fix=Label(
                    da="udelad anmodningen, eller giv den status planlagt",
                    en="leave the request out, or give it the status planned",
                ),
                where="MeetingRequest",
                path=("status",),
            )
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
        duration, case, reflection, location, title, cohort, forum and
        status), so a meeting read from JSON crosses into planning in one
        call and comes back as valid as it went.

        >>> from datetime import date
        >>> from learnmeet.data import load_sample
        >>> meeting = load_sample().meetings[0]
        >>> request = MeetingRequest.from_meeting(
        ...     meeting, earliest=date(2027, 3, 1), latest=date(2027, 3, 31)
        ... )
        >>> (request.id, request.attendees) == (meeting.id, meeting.attendees)
        True

        Raises:
            InvalidValueError: *latest* is before *earliest*, or the meeting
                is cancelled.

        .. versionadded:: 0.2.0
        .. versionchanged:: 0.3.0 Cohort, forum and status carried.
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
            cohort=meeting.cohort,
            forum=meeting.forum,
            status=meeting.status,
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
        report: What the rules found in the placed meetings (each checked
            against its format; empty when they are all valid).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *report*.
    """

    meetings: tuple[Meeting, ...] = attrs.field(
        converter=_meetings, validator=each(instance_of(Meeting))
    )
    unplaced: tuple[Unplaced, ...] = attrs.field(
        converter=_unplaced, validator=each(instance_of(Unplaced))
    )
    report: Report = attrs.field(
        factory=Report, validator=instance_of(Report), kw_only=True
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
    settings: PlanningSettings | None = None,
    staff: Iterable[Professional] = (),
    meetings: Iterable[Meeting] = (),
    rules: RuleSet = DEFAULT_RULES,
    availability: Availability | None = None,
) -> ScheduleResult:
    """Place meeting requests without double-booking anyone.

    Each request is placed where every required attendee is free and at
    work, nobody goes between two places without the travel time or between
    two meetings without the break, an on-site meeting has a free room that
    seats everyone (when rooms are planned), and no unit has more of its
    staff away at once than it may send (see :class:`PlanningSettings`).
    Among the times that fit, one outside hours to avoid, inside the
    preferred hours and with the most optional attendees free wins, then the
    one nearest the objective's target: the window's start
    (:attr:`Objective.EARLIEST`), or a point that spreads the requests of a
    window evenly over it (:attr:`Objective.SPREAD`, the default). Starts are
    on the quarter hour.

    With ``settings.backend`` :attr:`Backend.CPSAT`, the requests are placed
    together by OR-Tools' CP-SAT solver (the ``optimise`` extra), under the
    same hard rules and wishes, within ``settings.time_limit``; it starts
    from the greedy plan and never places fewer.

    Requests are placed one at a time, the one with the earliest deadline
    first, then the shortest window, the most required people and the
    longest meeting; ties go by the requests' content (people, length,
    format) and only then by id, so renaming requests does not change how
    many are placed. The same requests and busy time give the same result,
    whatever order they come in.

    Args:
        requests: The meetings to place.
        busy: Busy time people already have, by person key, or a
            :class:`BusyIndex` of it (which is not changed).
        hours: Working hours, read in *zone*; ``None`` for any time of day.
            Only without *settings*.
        unit_hours: Working hours of particular units, by unit id. Only
            without *settings*.
        holidays: Closed days; by default the Danish public holidays of the
            years the requests span.
        zone: The zone meetings are placed in. Only without *settings*.
        settings: Hours, travel, breaks, rooms, hours to avoid, the share of
            each unit on duty and the objective; by default made from
            *hours*, *unit_hours* and *zone*.
        staff: The staff list each unit's share on duty is counted from;
            empty: staffing is not checked.
        meetings: Meetings already planned: their attendees are busy, their
            places count for travel, their rooms are taken.
        rules: The rules every placed meeting is validated by; the findings
            are in the result's ``report``.
        availability: Who is at work when: working patterns (night shifts,
            part time) and absences, e.g.
            :meth:`Availability.from_scenario <learnmeet.Availability.from_scenario>`;
            when given, its hours are used instead of the settings' hours.

    Raises:
        WrongTypeError: An argument, or one of the requests, is of the wrong
            type.
        InvalidValueError: Two requests share an id, or *hours*,
            *unit_hours* or *zone* are given with *settings*.
        LearnmeetError: The ``cpsat`` backend is chosen and OR-Tools is not
            installed.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *settings*, *staff*, *meetings*, *rules* and
       *availability*;
       travel, breaks, rooms, staffing and the objective; cohort, forum and
       status kept; the placed meetings validated.
    """
    settings = _settings(settings, hours, unit_hours, zone)
    todo = sorted(requests, key=_order)
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
    if holidays is None and todo:
        closed = holiday_days(
            min(r.earliest for r in todo).year, max(r.latest for r in todo).year
        )
    else:
        closed = frozenset(holidays or ())
    before = tuple(meetings)
    staff = tuple(staff)

    def fresh() -> Board:
        # A private, growing copy: every placed meeting is booked into it.
        calendar = (
            busy._copy() if isinstance(busy, BusyIndex) else BusyIndex(busy or {})
        )
        return Board(calendar, settings, staff, before, closed, availability)

    board = fresh()
    aims = _aims(todo, settings.objective)

    placed: list[Meeting] = []
    unplaced: list[Unplaced] = []
    for request in todo:
        need = _need(request, settings, aims[request.id])
        if need.rooms == ():
            unplaced.append(_no_room(request))
            continue
        tally = Tally()
        found = best(need, board, tally)
        if found is None:
            unplaced.append(_why(request, need, board, tally))
            continue
        placed.append(_place(request, need, found, board))
    if settings.backend is Backend.CPSAT:
        from learnmeet.planning._cpsat import optimise

        placed, unplaced = optimise(todo, aims, fresh, placed, unplaced)
    placed.sort(key=lambda m: (_utc(m.start), m.id))
    return ScheduleResult(
        tuple(placed), tuple(unplaced), report=validate_all(placed, rules=rules)
    )


def _place(
    request: MeetingRequest, need: Need, found: Candidate, board: Board
) -> Meeting:
    """Book *request* at the candidate *found* on *board*: the meeting placed."""
    coming = {*need.required, *found.optional}
    board.book(
        [*need.required, *found.optional],
        found.start,
        found.end,
        found.place,
        found.room,
    )
    location = request.location or _default_location(request)
    if found.room is not None:
        location = attrs.evolve(location, room=found.room.id)
    return Meeting(
        id=request.id,
        format=request.format,
        start=_moment(found.start, board.zone),
        duration=request.length,
        location=location,
        attendees=[
            a
            for a in request.attendees
            if a.person.key in coming
            or a.participation is Participation.INFORMATION_ONLY
        ],
        case=request.case,
        reflection=request.reflection,
        status=request.status,
        forum=request.forum,
        cohort=request.cohort,
        title=request.title,
    )


def _settings(
    settings: PlanningSettings | None,
    hours: WorkingHours | None,
    unit_hours: Mapping[str, WorkingHours] | None,
    zone: ZoneInfo,
) -> PlanningSettings:
    """The settings: *settings*, or made of the arguments of before them."""
    if settings is None:
        return PlanningSettings(hours=hours, unit_hours=unit_hours or {}, zone=zone)
    if hours != WorkingHours() or unit_hours or zone != COPENHAGEN:
        raise InvalidValueError(
            reason=Label(
                da="arbejdstider og tidszone er givet både for sig og i settings",
                en="working hours or the zone are given both alone and in settings",
            ),
            fix=Label(
                da="giv dem i PlanningSettings (hours, unit_hours, zone) alene",
                en="give them in PlanningSettings (hours, unit_hours, zone) only",
            ),
            where="schedule",
            path=("settings",),
        )
    return settings


def _content(request: MeetingRequest) -> tuple[object, ...]:
    """What a request is, apart from its id: who, how long, which format."""
    return (
        sorted(a.person.key for a in request.attendees),
        request.length,
        request.format.code,
        request.case.id if request.case else "",
    )


def _order(request: MeetingRequest) -> tuple[object, ...]:
    """The order requests are placed in: the most pressed first, ids last."""
    return (
        request.latest,
        request.latest - request.earliest,
        -len(request.required),
        -request.length,
        request.earliest,
        _content(request),
        request.id,
    )


def _aims(todo: Sequence[MeetingRequest], objective: Objective) -> dict[str, date]:
    """The day each request aims at.

    As soon as possible: its window's first day. Spread: the requests of one
    window (same first and last day) divide it into equal parts, each aiming
    at the middle day of its part, in the order they are placed in.
    """
    groups: dict[tuple[date, date], list[MeetingRequest]] = {}
    for request in todo:
        groups.setdefault((request.earliest, request.latest), []).append(request)
    aims = {}
    for (first, last), members in groups.items():
        days = (last - first).days + 1
        for rank, request in enumerate(members):
            if objective is Objective.EARLIEST:
                aims[request.id] = first
            else:
                aims[request.id] = first + timedelta(
                    days=int(days * (rank + 0.5) / len(members))
                )
    return aims


def _need(request: MeetingRequest, settings: PlanningSettings, aim: date) -> Need:
    zone = settings.zone
    low, high = map(_micros, days_window(request.earliest, request.latest, zone))
    location = request.location or _default_location(request)
    present = [
        a
        for a in request.attendees
        if a.participation is not Participation.INFORMATION_ONLY
    ]
    units = {
        a.person.unit.id
        for a in request.attendees
        if isinstance(a.person, Professional)
    }
    avoid = tuple(
        span for unit in sorted(units) for span in settings.avoid.get(unit, ())
    )
    return Need(
        required=tuple(request.required),
        optional=tuple(
            a.person.key for a in present if a.participation is Participation.OPTIONAL
        ),
        people=request.required_people,
        length=micros_of(request.length),
        low=low,
        high=high,
        location=location,
        citizen=request.case.citizen.pseudonym if request.case else None,
        rooms=rooms_for(location, len(present), settings),
        avoid=avoid,
        aim=aim,
    )


def _default_location(request: MeetingRequest) -> Location:
    return Location(
        LocationKind.CITIZEN_HOME
        if request.format.requirements.at_citizen_home
        else LocationKind.ON_SITE
    )


def _minutes(length: timedelta) -> int:
    """A meeting's length in whole minutes, as a planner reads it (not 0:45:00)."""
    return length // timedelta(minutes=1)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(_UTC)


def _no_room(request: MeetingRequest) -> Unplaced:
    seats = sum(
        a.participation is not Participation.INFORMATION_ONLY for a in request.attendees
    )
    return Unplaced(
        request,
        Label(
            da=f"intet lokale har plads til {seats}; tilføj et større lokale, hold "
            "mødet et andet sted eller online, eller inviter færre",
            en=f"no room seats {seats}; add a bigger room, hold the meeting "
            "elsewhere or online, or invite fewer",
        ),
    )


def _why(request: MeetingRequest, need: Need, board: Board, tally: Tally) -> Unplaced:
    first, last = request.earliest.isoformat(), request.latest.isoformat()
    if tally.free == 0:
        alone = [
            key
            for key, person in zip(need.required, need.people, strict=True)
            if not has_time(need, board, person)
        ]
        if alone:
            who = ", ".join(alone)
            return Unplaced(
                request,
                Label(
                    da=f"{who} har ingen ledig tid på {_minutes(request.length)} "
                    f"minutter mellem {first} "
                    f"og {last}; udvid perioden eller find en stedfortræder",
                    en=f"{who} has no free {_minutes(request.length)} minutes between "
                    f"{first} and "
                    f"{last}; widen the window or find a stand-in",
                ),
                tuple(alone),
            )
        who = ", ".join(request.required)
        together = board.availability._open(need.people, need.low, need.high)
        if together is None or next(together, None) is None:
            return Unplaced(
                request,
                Label(
                    da=f"{who} er aldrig på arbejde samtidig mellem {first} og "
                    f"{last} (deres vagter mødes ikke); gør nogle deltagere "
                    "valgfri eller find en stedfortræder",
                    en=f"{who} are never at work at the same time between {first} "
                    f"and {last} (their shifts never meet); make some attendees "
                    "optional or find a stand-in",
                ),
                tuple(request.required),
            )
        return Unplaced(
            request,
            Label(
                da=f"ingen fælles ledig tid for {who} mellem {first} og {last}; udvid "
                "perioden eller gør nogle deltagere valgfri",
                en=f"no common free time for {who} between {first} and {last}; widen "
                "the window or make some attendees optional",
            ),
            tuple(request.required),
        )
    worst = max(
        ("travel", tally.travel),
        ("room", tally.room),
        *(("staffing", n) for n in tally.staffing.values()),
        key=lambda pair: pair[1],
    )[0]
    if worst == "staffing":
        unit = max(sorted(tally.staffing), key=lambda u: tally.staffing[u])
        members = tuple(k for k in need.required if board.unit_of.get(k) == unit)
        return Unplaced(
            request,
            Label(
                da=f"enheden {unit} ville have for få på arbejde ved hver fælles ledig "
                f"tid mellem {first} og {last}; udvid perioden, send færre fra "
                "enheden eller sænk andelen, der skal være på arbejde",
                en=f"the unit {unit} would have too few on duty at every common free "
                f"time between {first} and {last}; widen the window, send fewer "
                "from the unit or lower the share that must stay on duty",
            ),
            members,
        )
    if worst == "room":
        return Unplaced(
            request,
            Label(
                da=f"intet lokale er ledigt ved nogen fælles ledig tid mellem {first} "
                f"og {last}; udvid perioden eller tilføj et lokale",
                en=f"no room is free at any common free time between {first} and "
                f"{last}; widen the window or add a room",
            ),
        )
    return Unplaced(
        request,
        Label(
            da=f"ved hver fælles ledig tid mellem {first} og {last} mangler der "
            "transporttid til eller fra et andet møde; udvid perioden eller hold "
            "mødet online",
            en=f"every common free time between {first} and {last} leaves too "
            "little travel time to or from another meeting; widen the window or "
            "hold the meeting online",
        ),
        tuple(request.required),
    )
