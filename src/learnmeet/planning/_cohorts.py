"""Cohorts and enrolment for courses and interdisciplinary course days.

The Esbjerg project meant staff who had finished their monoprofessional course
to go on the course-day cohort (hold) of their own area. Covid-19, sickness and
recruitment problems left sessions under-filled, and the days were stopped. So
:func:`enrol` does the enrolment the project intended — eligibility, own area,
capacity, waiting lists, cancellations — and its fill report flags every
session below its minimum fill, suggesting merging sessions or moving the
learning into the area's existing forums.

:func:`plan_course_days` plans the sessions themselves, as a roster would
accept them: as many course days per area as it takes for nobody eligible to
wait, spread over the period, none over its capacity, none taking more of a
unit than the unit may spare at once, each on a working day inside working
hours when its attendees are free, in a free room that seats them. A session
below its minimum fill is :attr:`~learnmeet.MeetingStatus.TENTATIVE`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    entries,
    identifier,
    instance_of,
    joined_id,
    non_negative_int,
    optional,
    pair,
    refuse,
    to_dict,
    to_tuple,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._forums import Forum
from learnmeet.model._labels import Label, Lang, check_lang
from learnmeet.model._meetings import (
    Attendee,
    AttendeeRole,
    CancellationReason,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Reflection,
)
from learnmeet.model._people import Area, Professional
from learnmeet.model._time import (
    LAST_YEAR,
    aware_datetime,
    end_refusal,
    positive_duration,
)
from learnmeet.planning._settings import PlanningSettings, Room, at_work
from learnmeet.planning._slots import Availability, BusyIndex
from learnmeet.rules._courses import missing_course
from learnmeet.rules._facts import enrolled_da

__all__ = ["CourseSession", "Enrolment", "SessionFill", "enrol", "plan_course_days"]


def _ends_in_the_years(
    instance: CourseSession, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """The session ends in the years, with its own duration or its format's."""
    refusal = end_refusal(instance.start, value or instance.format.default_duration)
    if refusal is not None:
        reason, fix = refusal
        raise refuse(InvalidValueError, instance, attribute, reason=reason, fix=fix)


@attrs.frozen(kw_only=True)
class CourseSession:
    """One course session: a format, a cohort (of one area) and a time.

    It lasts *duration*, or its format's default duration without one, and
    must end in the years learnmeet accepts (by 9998-12-31 local time).

    Attributes:
        id: A stable identifier of the session.
        format: The course format, e.g. the interdisciplinary course day.
        cohort: The cohort (of one area) the session is run for.
        start: When it begins.
        duration: How long it lasts; without one, the format's default.
        location: Where it is held; on site unless set, e.g. in a room
            :func:`plan_course_days` booked.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *location*.
    """

    id: str = attrs.field(validator=identifier)
    format: MeetingFormat = attrs.field(validator=instance_of(MeetingFormat))
    cohort: Cohort = attrs.field(validator=instance_of(Cohort))
    start: datetime = attrs.field(validator=aware_datetime)
    duration: timedelta | None = attrs.field(
        default=None, validator=[optional(positive_duration), _ends_in_the_years]
    )
    location: Location = attrs.field(
        default=Location(LocationKind.ON_SITE), validator=instance_of(Location)
    )

    @property
    def capacity(self) -> int | None:
        """The most attendees the format takes."""
        return self.format.requirements.max_attendees


@attrs.frozen
class SessionFill:
    """How full one session is, and what to do if it is too empty.

    Attributes:
        session: The course session.
        enrolled: How many are enrolled on it.
        minimum: The format's minimum fill, if it has one.
        capacity: The most attendees the format takes, if it says.
        suggestion: What to do about a session below its minimum, if anything.

    .. versionadded:: 0.1.0
    """

    session: CourseSession = attrs.field(validator=instance_of(CourseSession))
    enrolled: int = attrs.field(validator=non_negative_int)
    minimum: int | None = attrs.field(validator=optional(non_negative_int))
    capacity: int | None = attrs.field(validator=optional(non_negative_int))
    suggestion: Label | None = attrs.field(
        default=None, validator=optional(instance_of(Label))
    )

    @property
    def below_minimum(self) -> bool:
        """``True`` when fewer are enrolled than the format's minimum fill.

        Such a session's meeting is :attr:`~learnmeet.MeetingStatus.TENTATIVE`.
        """
        return self.minimum is not None and self.enrolled < self.minimum

    def _line(self, lang: Lang) -> str:
        """How full the session is, in *lang*; a tentative one says so."""
        if self.below_minimum:
            fill = Label(
                da=f"foreløbig: kun {enrolled_da(self.enrolled)}, mindst {self.minimum}"
                f", plads til {self.capacity}",
                en=f"tentative: only {self.enrolled} enrolled, at least "
                f"{self.minimum}, capacity {self.capacity}",
            )
        else:
            fill = Label(
                da=f"{enrolled_da(self.enrolled)}, minimum {self.minimum}, plads til "
                f"{self.capacity}",
                en=f"{self.enrolled} enrolled, minimum {self.minimum}, "
                f"capacity {self.capacity}",
            )
        return fill.get(lang)


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return to_tuple(items)


def _waiting(
    items: Mapping[str, tuple[Professional, ...]],
) -> Mapping[str, tuple[Professional, ...]]:
    return to_dict(items)


def _ineligible(
    items: Iterable[tuple[Professional, Label]],
) -> tuple[tuple[Professional, Label], ...]:
    return to_tuple(items)


def _cancelled(
    items: Iterable[tuple[Professional, CancellationReason]],
) -> tuple[tuple[Professional, CancellationReason], ...]:
    return to_tuple(items)


def _fill(items: Iterable[SessionFill]) -> tuple[SessionFill, ...]:
    return to_tuple(items)


def _reasons(items: Mapping[str, Label]) -> Mapping[str, Label]:
    return to_dict(items)


@attrs.frozen
class Enrolment:
    """The result of :func:`enrol`.

    Attributes:
        meetings: One meeting per session, with its enrolled attendees.
        waiting: People on a waiting list, by session id, in order; two
            enrolments with different waiting lists are not equal.
        ineligible: People who may not enrol, with the reason.
        cancelled: People who dropped out, with their reason.
        fill: The fill of every session; those below minimum carry a suggestion.
        reasons: Why each person on a waiting list waits, by professional id.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 *reasons*.
    """

    meetings: tuple[Meeting, ...] = attrs.field(
        converter=_meetings, validator=each(instance_of(Meeting))
    )
    # Compared, so a plan read back from JSON equals the plan written, but not
    # hashed: a dict has no hash.
    waiting: Mapping[str, tuple[Professional, ...]] = attrs.field(
        hash=False,
        converter=_waiting,
        validator=entries(identifier, each(instance_of(Professional))),
    )
    ineligible: tuple[tuple[Professional, Label], ...] = attrs.field(
        converter=_ineligible,
        validator=each(pair(instance_of(Professional), instance_of(Label))),
    )
    cancelled: tuple[tuple[Professional, CancellationReason], ...] = attrs.field(
        converter=_cancelled,
        validator=each(
            pair(instance_of(Professional), instance_of(CancellationReason))
        ),
    )
    fill: tuple[SessionFill, ...] = attrs.field(
        converter=_fill, validator=each(instance_of(SessionFill))
    )
    reasons: Mapping[str, Label] = attrs.field(
        factory=dict,
        hash=False,
        converter=_reasons,
        validator=entries(identifier, instance_of(Label)),
    )

    @property
    def below_minimum(self) -> tuple[SessionFill, ...]:
        """The sessions below their minimum fill."""
        return tuple(f for f in self.fill if f.below_minimum)

    @checked
    def report(self, lang: Lang = "da") -> str:
        """The fill report as text, one session a line.

        Raises:
            InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
        """
        lang = check_lang(lang)
        lines = []
        for f in self.fill:
            area = f.session.cohort.area.label.get(lang)
            mark = "!" if f.below_minimum else " "
            lines.append(f"{mark} {f.session.id} ({area}): {f._line(lang)}")
            if f.suggestion is not None:
                lines.append(f"    → {f.suggestion.get(lang)}")
        return "\n".join(lines)


_FULL = Label(da="alle hold i området er fulde", en="every session of the area is full")


@checked
def enrol(
    people: Iterable[Professional],
    sessions: Iterable[CourseSession],
    *,
    cancellations: Mapping[str, CancellationReason] | None = None,
    forums: Iterable[Forum] = (),
    reflection: Reflection | None = None,
) -> Enrolment:
    """Enrol people on the session of their own area's cohort.

    Each person goes on the first session (by start, then id) of their area's
    cohort that has room; when all are full they go on that session's waiting
    list. People who have not completed the format's prerequisite course, or
    whose unit has no area with a session, are listed as ineligible with the
    reason. The course is asked of each session on its own day
    (:meth:`Professional.has_completed
    <learnmeet.Professional.has_completed>`): someone whose completion expires
    before a session is not seated on it, and one valid on no session is
    ineligible, the reason saying when it expired. People in *cancellations*
    (by professional id) drop out with their reason, and the waiting list
    moves up.

    Args:
        people: Who wants to (or should) take part.
        sessions: The sessions on offer, each for one area's cohort.
        cancellations: People who dropped out, by professional id.
        forums: The areas' existing forums, named in suggestions.
        reflection: Reflection attached to every session's meeting.

    Raises:
        WrongTypeError: An argument, or an item of one, is of the wrong type.

    .. versionadded:: 0.1.0
    """
    cancellations = dict(cancellations or {})
    ordered = sorted(sessions, key=lambda s: (s.start, s.id))
    by_area: dict[Area, list[CourseSession]] = defaultdict(list)
    for session in ordered:
        by_area[session.cohort.area].append(session)
    seats: dict[str, list[Professional]] = {s.id: [] for s in ordered}
    waiting: dict[str, list[Professional]] = {s.id: [] for s in ordered}
    ineligible: list[tuple[Professional, Label]] = []
    cancelled: list[tuple[Professional, CancellationReason]] = []
    reasons: dict[str, Label] = {}

    for person in sorted({p.id: p for p in people}.values(), key=lambda p: p.id):
        if person.id in cancellations:
            cancelled.append((person, cancellations[person.id]))
            continue
        area = person.unit.area
        options = by_area.get(area) if area is not None else None
        if not options:
            ineligible.append(
                (
                    person,
                    Label(
                        da="intet hold for medarbejderens eget område",
                        en="no cohort for the person's own area",
                    ),
                )
            )
            continue
        # Each session asks on its own day: a completion that expires
        # between two sessions counts for the first only.
        open_to = [
            s for s in options if missing_course(person, s.format, _day(s)) is None
        ]
        if not open_to:
            first = options[0]
            missing = missing_course(person, first.format, _day(first))
            if missing is not None:
                ineligible.append((person, missing))
            continue
        for session in open_to:
            if session.capacity is None or len(seats[session.id]) < session.capacity:
                seats[session.id].append(person)
                break
        else:
            waiting[open_to[-1].id].append(person)
            reasons[person.id] = _FULL

    fills = _fills(ordered, seats, by_area, list(forums))
    meetings = tuple(_meeting(f, seats[f.session.id], reflection) for f in fills)
    return Enrolment(
        meetings=meetings,
        waiting={k: tuple(v) for k, v in waiting.items() if v},
        ineligible=tuple(ineligible),
        cancelled=tuple(cancelled),
        fill=fills,
        reasons=reasons,
    )


def _day(session: CourseSession) -> date:
    """The day of *session*, as its start says it."""
    return session.start.date()


def _fills(
    ordered: list[CourseSession],
    seats: Mapping[str, list[Professional]],
    by_area: Mapping[Area, list[CourseSession]],
    forums: list[Forum],
) -> tuple[SessionFill, ...]:
    out = []
    # The forums' names by area, once: a suggestion names its area's forums
    # without reading every forum for every session.
    local_forums: dict[Area, list[str]] = defaultdict(list)
    for forum in forums:
        if forum.unit.area is not None:
            local_forums[forum.unit.area].append(forum.name)
    for session in ordered:
        req = session.format.requirements
        enrolled = len(seats[session.id])
        minimum = req.min_fill
        suggestion = None
        if minimum is not None and enrolled < minimum:
            area = session.cohort.area
            siblings = by_area[area]
            together = sum(len(seats[s.id]) for s in siblings)
            if len(siblings) > 1 and together >= minimum:
                names = ", ".join(s.id for s in siblings[:3])
                if len(siblings) > 3:
                    names += f" … ({len(siblings)})"
                suggestion = Label(
                    da=f"slå holdene {names} sammen ({together} tilmeldte i alt)",
                    en=f"merge the sessions {names} ({together} enrolled together)",
                )
            else:
                local = local_forums.get(area, [])
                where_da = ", ".join(local) if local else "områdets eksisterende møder"
                where_en = ", ".join(local) if local else "the area's existing meetings"
                suggestion = Label(
                    da=f"for få til en kursusdag; flyt læringen ind i {where_da} "
                    "(gør drift til udvikling)",
                    en=f"too few for a course day; move the learning into {where_en} "
                    "(make everyday work a place for development)",
                )
        out.append(
            SessionFill(session, enrolled, minimum, session.capacity, suggestion)
        )
    return tuple(out)


def _meeting(
    fill: SessionFill, people: list[Professional], reflection: Reflection | None
) -> Meeting:
    session = fill.session
    facilitator = next((p for p in people if p.can_facilitate), None)
    attendees = [
        Attendee(
            person=p,
            role=AttendeeRole.FACILITATOR
            if p == facilitator
            else AttendeeRole.PARTICIPANT,
        )
        for p in people
    ]
    return Meeting(
        id=session.id,
        format=session.format,
        start=session.start,
        duration=session.duration or session.format.default_duration,
        attendees=attendees,
        cohort=session.cohort,
        reflection=reflection,
        location=session.location,
        status=MeetingStatus.TENTATIVE if fill.below_minimum else MeetingStatus.PLANNED,
    )


_NO_AREA = Label(
    da="medarbejderens enhed hører ikke til et område",
    en="the person's unit belongs to no area",
)
_NO_DAY = Label(
    da="perioden har ingen hverdag til en kursusdag",
    en="the period has no working day for a course day",
)
_NEVER_FREE = Label(
    da="optaget eller uden for arbejdstid på alle hverdage i perioden",
    en="busy or off duty on every working day of the period",
)
_NO_SEAT = Label(
    da="ingen kursusdag i perioden havde plads (pladser, enhedens "
    "minimumsbemanding eller et ledigt lokale)",
    en="no course day of the period had room (seats, the unit's minimum on "
    "duty or a free room)",
)


def _spread(days: list[date], count: int, shift: float) -> list[date]:
    """*count* of *days*, evenly over them; *shift* (0 to 1) moves them along.

    Areas get different shifts, so their course days fall on different days.
    """
    if count >= len(days):
        return list(days)
    step = len(days) / count
    return [days[min(len(days) - 1, int((i + shift) * step))] for i in range(count)]


def _interleaved(people: list[Professional]) -> list[Professional]:
    """*people* taking turns by unit, so each session mixes the units."""
    rank: Counter[str] = Counter()
    keyed = []
    for person in people:
        keyed.append((rank[person.unit.id], person.unit.id, person.id, person))
        rank[person.unit.id] += 1
    return [k[-1] for k in sorted(keyed, key=lambda k: k[:3])]


class _Roster:
    """What one call of :func:`plan_course_days` knows of hours, calendars and rooms.

    Made per call and dropped with it: no state outlives the plan.
    """

    def __init__(
        self,
        settings: PlanningSettings,
        busy: BusyIndex | None,
        meetings: Sequence[Meeting],
        length: timedelta,
        staff: Counter[str],
        availability: Availability,
    ) -> None:
        self.settings = settings
        self.length = length
        self.availability = availability
        self.hours = {unit: settings.hours_of(unit) for unit in staff}
        # A unit with a short list (the people involved, not the whole
        # unit) keeps no minimum on duty: it may send everyone listed.
        self.away = {
            unit: settings.away_at_most(unit, n) if settings.keeps_on_duty(n) else n
            for unit, n in staff.items()
        }
        self.rooms = sorted(settings.rooms, key=lambda r: (r.capacity, r.id))
        self.booked: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
        # A private copy: the caller's index is never changed.
        self.busy = busy._copy() if busy is not None else BusyIndex({})
        self.busy._book_meetings(meetings)
        for meeting in meetings:
            if (
                meeting.status is not MeetingStatus.CANCELLED
                and meeting.location.room is not None
            ):
                self.booked[meeting.location.room].append((meeting.start, meeting.end))

    def release(self, session: CourseSession) -> None:
        """Give back the room *session* took: it is not held after all."""
        room = session.location.room
        if room is not None:
            self.booked[room].remove((session.start, session.start + self.length))

    def times(self, units: Iterable[str]) -> list[time]:
        """The start times to try: 09:00 first, then each unit's opening."""
        found = {h.start for u in units if (h := self.hours[u]) is not None}
        return [time(9), *sorted(found - {time(9)})]

    def best_time(
        self, day: date, zone: ZoneInfo, people: list[Professional]
    ) -> tuple[datetime, list[Professional]] | None:
        """The start on *day* most of *people* can attend, and who can."""
        best: tuple[datetime, list[Professional]] | None = None
        for at in self.times(p.unit.id for p in people):
            begins = datetime.combine(day, at, tzinfo=zone)
            free = [p for p in people if self.can_attend(p, begins)]
            if free and (best is None or len(free) > len(best[1])):
                best = (begins, free)
        return best

    def takes(self, day: date, zone: ZoneInfo, people: list[Professional]) -> int:
        """How many of *people* one session on *day* could take."""
        best = self.best_time(day, zone, people)
        if best is None:
            return 0
        units = Counter(p.unit.id for p in best[1])
        return sum(min(n, self.away[u]) for u, n in units.items())

    def can_attend(self, person: Professional, start: datetime) -> bool:
        """*person* is at work then (their shifts, absences) and not busy."""
        end = start + self.length
        return self.availability.is_at_work(person, start, end) and self.busy._is_free(
            person.key, start, end
        )

    def room(self, start: datetime, wanted: int) -> Room | None:
        """The smallest free room that seats *wanted*, else the largest free one."""
        end = start + self.length
        free = [
            r
            for r in self.rooms
            if all(end <= s or e <= start for s, e in self.booked[r.id])
        ]
        seats = [r for r in free if r.capacity >= wanted]
        if seats:
            return seats[0]
        return free[-1] if free else None


@checked
def plan_course_days(
    professionals: Iterable[Professional],
    *,
    start: date,
    end: date,
    format: MeetingFormat,
    settings: PlanningSettings = PlanningSettings(),  # noqa: B008 - immutable value
    holidays: Iterable[date] = (),
    busy: BusyIndex | None = None,
    meetings: Iterable[Meeting] = (),
    forums: Iterable[Forum] = (),
    reflection: Reflection | None = None,
    availability: Availability | None = None,
) -> Enrolment:
    """Plan as many course days per area as it takes, as a roster accepts them.

    Every eligible person (their unit has an area; they have done the format's
    prerequisite course, and it has not expired by *start*) is put on a
    session of their own area's cohort. Each area gets the fewest sessions
    that can take everyone — by the format's capacity and by how many of
    each unit may be away at once (:meth:`PlanningSettings.away_at_most`) —
    spread evenly over the working days of the period, areas on different
    days where the period allows.
    Each session

    * takes at most the format's capacity, and at most
      ``settings.away_at_most(unit, staff)`` of any one unit, *staff* being
      the unit's people among *professionals*; the units take turns, so a
      session mixes them;
    * is on a working day (Monday to Friday, not in *holidays*), at 09:00 or
      at a unit's opening time, inside the working hours
      (:meth:`PlanningSettings.hours_of`) of everyone on it; someone busy
      then (in *busy*, or at one of *meetings*) goes on another session;
    * when *settings* has rooms, is in the smallest free room that seats
      everyone (recorded as the meeting's ``Location(ON_SITE, room=...)``);
      a room is taken when another course day or one of *meetings* has it.

    Sessions are filled evenly; when someone cannot go on any planned
    session, a further one is planned on the next day that can take them. The
    waiting list is only for whom no working day of the period can take, each
    with the reason in :attr:`Enrolment.reasons`. A session below the
    format's minimum fill is :attr:`~learnmeet.MeetingStatus.TENTATIVE`, and
    the fill report says so and suggests what to do. The same input gives the
    same plan.

    Args:
        professionals: The staff who should take part; their units' staff
            counts are read from them too.
        start: The first day of the period.
        end: The last day of the period (included).
        format: The course format, e.g. the interdisciplinary course day.
        settings: Working hours, rooms, minimum on duty and time zone.
        holidays: Days on which no course day is held.
        busy: The staff's busy time, e.g. read from their calendars.
        meetings: Meetings already planned: their attendees are busy and
            their rooms taken (cancelled ones aside).
        forums: The areas' existing forums, named in suggestions.
        reflection: Reflection attached to every session's meeting.
        availability: Who is at work when (working patterns, night shifts,
            absences); by default everyone works their unit's hours in
            *settings*, or its default hours. Someone off duty or absent on
            a day goes on another session, as someone busy does.

    Raises:
        WrongTypeError: An argument, or an item of one, is of the wrong type.

    .. versionadded:: 0.3.0
    """
    zone = settings.zone
    people = sorted({p.id: p for p in professionals}.values(), key=lambda p: p.id)
    staff = Counter(p.unit.id for p in people)
    off = frozenset(holidays)
    if availability is None:  # everyone works their unit's hours, or the default
        availability = at_work(settings, off, professionals=people)
    roster = _Roster(
        settings, busy, tuple(meetings), format.default_duration, staff, availability
    )
    days = [
        day
        for n in range((end - start).days + 1)
        if (day := start + timedelta(days=n)).weekday() < 5
        and day not in off
        and day.year <= LAST_YEAR
    ]
    ineligible: list[tuple[Professional, Label]] = []
    by_area: dict[Area, list[Professional]] = defaultdict(list)
    for person in people:
        area = person.unit.area
        why = _NO_AREA if area is None else missing_course(person, format, start)
        if why is not None:
            ineligible.append((person, why))
        elif area is not None:
            by_area[area].append(person)

    areas = sorted(by_area, key=lambda a: a.code)
    sessions: list[CourseSession] = []
    seats: dict[str, list[Professional]] = {}
    waiting: dict[str, tuple[Professional, ...]] = {}
    reasons: dict[str, Label] = {}
    need = format.requirements.min_professions
    for number, area in enumerate(areas):
        cohort = Cohort(joined_id("hold", area.code), area)
        kinds = {p.profession.code for p in by_area[area] if p.profession is not None}
        if len(kinds) < need:
            # No session of this cohort could be valid (LM101): they wait for
            # another profession to complete its course, and are told so.
            waiting[cohort.id] = tuple(by_area[area])
            for person in by_area[area]:
                reasons[person.id] = _too_few_professions(len(kinds), need)
            continue
        shift = (number + 1) / (len(areas) + 1)
        made, remaining = _plan_area(
            roster, cohort, format, by_area[area], days, shift, zone
        )
        held: list[CourseSession] = []
        dropped: list[tuple[Professional, Label]] = []
        for session, chosen in made:
            why = _cannot_hold(format, chosen)
            if why is None:
                held.append(session)
                seats[session.id] = chosen
            else:  # a day the rules would refuse is no day: they wait, told why
                roster.release(session)
                dropped += [(person, why) for person in chosen]
        sessions += held
        # A key person borrowed to lead a dropped day keeps their own seat.
        seated = {p.id for session in held for p in seats[session.id]}
        dropped = list(
            {p.id: (p, why) for p, why in dropped if p.id not in seated}.values()
        )
        if remaining or dropped:
            key = held[-1].id if held else cohort.id
            waiting[key] = (*remaining, *(person for person, _ in dropped))
            for person in remaining:
                reasons[person.id] = _why_waiting(roster, person, days)
            for person, why in dropped:
                reasons[person.id] = why

    sessions.sort(key=lambda s: (s.start, s.id))
    grouped: dict[Area, list[CourseSession]] = defaultdict(list)
    for session in sessions:
        grouped[session.cohort.area].append(session)
    fills = _fills(sessions, seats, grouped, list(forums))
    return Enrolment(
        meetings=tuple(_meeting(f, seats[f.session.id], reflection) for f in fills),
        waiting=waiting,
        ineligible=tuple(ineligible),
        cancelled=(),
        fill=fills,
        reasons=reasons,
    )


def _plan_area(
    roster: _Roster,
    cohort: Cohort,
    format: MeetingFormat,
    members: list[Professional],
    days: list[date],
    shift: float,
    zone: ZoneInfo,
) -> tuple[list[tuple[CourseSession, list[Professional]]], list[Professional]]:
    """The sessions of one area's cohort, and who is left without one.

    The fewest sessions that can take everyone go on days spread over the
    period; each moves to a nearby day (up to half the gap to the next, ten
    working days at most) when more of the cohort are free then. Whoever is
    left goes on further sessions, on the first days that can take them.
    """
    capacity = format.requirements.max_attendees
    facilitators = [p for p in members if p.can_facilitate]
    needed = _sessions_needed(roster, members, facilitators, capacity, len(days))
    planned = _spread(days, needed, shift)
    index = {d: i for i, d in enumerate(days)}
    radius = min(10, len(days) // (2 * needed))
    made: list[tuple[CourseSession, list[Professional]]] = []
    used: set[date] = set()
    remaining = members

    def target() -> int:
        wanted = math.ceil(len(remaining) / max(needed - len(made), 1))
        return wanted if capacity is None else min(wanted, capacity)

    def place(day: date) -> None:
        nonlocal remaining
        placed = _session(
            roster, cohort, format, day, zone, remaining, target(), facilitators
        )
        if placed is not None:
            used.add(day)
            made.append(placed)
            taken = {p.id for p in placed[1]}
            remaining = [p for p in remaining if p.id not in taken]

    for centre in planned:
        if not remaining:
            break
        at = index[centre]
        near = sorted(
            (d for d in days[max(0, at - radius) : at + radius + 1] if d not in used),
            key=lambda d: (abs(index[d] - at), d),
        )
        wanted = target()
        best: tuple[int, date] | None = None
        for day in near:
            count = roster.takes(day, zone, remaining)
            if best is None or count > best[0]:
                best = (count, day)
            if count >= wanted:
                break
        if best is not None:
            place(best[1])
    for day in days:
        if not remaining:
            break
        if day not in used:
            place(day)
    return made, remaining


def _session(
    roster: _Roster,
    cohort: Cohort,
    format: MeetingFormat,
    day: date,
    zone: ZoneInfo,
    remaining: list[Professional],
    target: int,
    facilitators: list[Professional],
) -> tuple[CourseSession, list[Professional]] | None:
    """The area's session on *day*, with up to *target* of *remaining*, if any.

    A key person goes first, so each session has someone to facilitate it;
    when none of *remaining* can, a key person of the area already on another
    session facilitates this one too, if free.
    """
    best = roster.best_time(day, zone, remaining)
    if best is None:
        return None
    begins, free = best
    ordered = _interleaved(free)
    lead = next((p for p in ordered if p.can_facilitate), None)
    if lead is not None:
        # The other key persons come last: each can lead a session of its own.
        others = [p for p in ordered if p is not lead]
        ordered = [
            lead,
            *(p for p in others if not p.can_facilitate),
            *(p for p in others if p.can_facilitate),
        ]
    chosen: list[Professional] = []
    away: Counter[str] = Counter()
    for person in ordered:
        if len(chosen) == target:
            break
        if away[person.unit.id] < roster.away[person.unit.id]:
            chosen.append(person)
            away[person.unit.id] += 1
    if not chosen:
        return None
    capacity = format.requirements.max_attendees
    if lead is None:
        chosen = _with_borrowed_lead(
            roster, begins, chosen, away, facilitators, remaining, capacity
        )
        if not {p.id for p in chosen} & {p.id for p in remaining}:
            return None
    location = Location(LocationKind.ON_SITE)
    if roster.rooms:
        room = roster.room(begins, len(chosen))
        if room is None:
            return None
        chosen = chosen[: room.capacity]  # a borrowed facilitator stays
        if not {p.id for p in chosen} & {p.id for p in remaining}:
            return None
        roster.booked[room.id].append((begins, begins + roster.length))
        location = Location(
            LocationKind.ON_SITE, place=room.place or None, room=room.id
        )
    chosen.sort(key=lambda p: p.id)
    session = CourseSession(
        id=joined_id("kursusdag", cohort.area.code, f"{day:%Y%m%d}"),
        format=format,
        cohort=cohort,
        start=begins,
        location=location,
    )
    return session, chosen


def _sessions_needed(
    roster: _Roster,
    members: list[Professional],
    facilitators: list[Professional],
    capacity: int | None,
    days: int,
) -> int:
    """The fewest sessions that seat *members*, each led by a key person.

    A session beyond the number of the cohort's key persons is led by one
    already on another session, who takes a seat of their unit's share and
    of the capacity there: counted until the number holds (it only grows,
    and at most to the number of *days*).
    """
    units = Counter(p.unit.id for p in members)
    lead_unit = facilitators[0].unit.id if facilitators else None
    needed = 1
    while True:
        extra = max(0, needed - len(facilitators)) if facilitators else 0
        wanted = max(
            math.ceil((len(members) + extra) / capacity) if capacity else 1,
            *(
                math.ceil((n + (extra if u == lead_unit else 0)) / roster.away[u])
                for u, n in units.items()
            ),
        )
        wanted = max(1, min(wanted, days))
        if wanted <= needed:
            return needed
        needed = wanted


def _with_borrowed_lead(
    roster: _Roster,
    begins: datetime,
    chosen: list[Professional],
    away: Counter[str],
    facilitators: list[Professional],
    remaining: list[Professional],
    capacity: int | None,
) -> list[Professional]:
    """*chosen* led by a key person of the area already on another session.

    The lead takes a seat: when the session is full, or the lead's unit has
    no one more to spare, the last one chosen of the lead's unit (or the last
    one at all, for a full session) waits for a later session instead, so a
    session never goes without the facilitator the format needs (LM117).
    Without a free key person *chosen* is kept as it is.
    """
    waiting = {p.id for p in remaining}
    for lead in facilitators:
        if lead.id in waiting or not roster.can_attend(lead, begins):
            continue
        seats = list(chosen)
        unit = lead.unit.id
        if roster.away[unit] < 1:
            continue
        if away[unit] >= roster.away[unit]:
            same = [p for p in seats if p.unit.id == unit]
            if not same:
                continue
            seats.remove(same[-1])
        if capacity is not None and len(seats) >= capacity:
            seats.pop()
        return [lead, *seats]
    return chosen


def _cannot_hold(format: MeetingFormat, chosen: list[Professional]) -> Label | None:
    """Why a session of *chosen* could not be held as *format* asks, if so.

    Whom the roster leaves for a day may be one profession only, or nobody
    who can facilitate: the rules would refuse such a day (LM101, LM117), so
    it is not planned and its people wait with this reason.
    """
    req = format.requirements
    kinds = {p.profession.code for p in chosen if p.profession is not None}
    if len(kinds) < req.min_professions:
        return Label(
            da="den eneste kursusdag, perioden kunne give dem, ville ikke samle "
            f"mindst {req.min_professions} faggrupper; de venter på en dag, hvor "
            "flere faggrupper kan komme",
            en="the only course day the period could give them would not bring "
            f"together at least {req.min_professions} professions; they wait for a "
            "day more professions can come to",
        )
    if req.facilitator_required and not any(p.can_facilitate for p in chosen):
        return Label(
            da="den eneste kursusdag, perioden kunne give dem, ville ikke have en "
            "nøgleperson eller facilitator til at lede den; de venter på en dag, "
            "hvor en kan komme",
            en="the only course day the period could give them would have no key "
            "person or facilitator to lead it; they wait for a day one can come to",
        )
    return None


def _too_few_professions(have: int, need: int) -> Label:
    """Why an area's cohort waits: too few professions have done their course."""
    return Label(
        da=f"kun {'én faggruppe' if have == 1 else f'{have} faggrupper'} på "
        f"områdets hold har gennemført deres kursus, og kursusdagen samler mindst "
        f"{need}; holdet venter, til en anden faggruppe har gennemført sit",
        en=f"only {'one profession' if have == 1 else f'{have} professions'} of "
        f"the area's cohort {'has' if have == 1 else 'have'} completed their "
        f"course, and the course day brings together at least {need}; the cohort "
        "waits until another profession has completed its own",
    )


def _why_waiting(roster: _Roster, person: Professional, days: list[date]) -> Label:
    """Why no session could take *person*."""
    if not days:
        return _NO_DAY
    zone = roster.settings.zone
    for day in days:
        for at in roster.times([person.unit.id]):
            if roster.can_attend(person, datetime.combine(day, at, tzinfo=zone)):
                return _NO_SEAT
    return _NEVER_FREE
