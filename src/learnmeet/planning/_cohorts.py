"""Cohorts and enrolment for courses and interdisciplinary course days.

The Esbjerg project meant staff who had finished their monoprofessional course
to go on the course-day cohort (hold) of their own area. Covid-19, sickness and
recruitment problems left sessions under-filled, and the days were stopped. So
:func:`enrol` does the enrolment the project intended — eligibility, own area,
capacity, waiting lists, cancellations — and its fill report flags every
session below its minimum fill, suggesting merging sessions or moving the
learning into the area's existing forums.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

import attrs

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    each,
    entries,
    identifier,
    instance_of,
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
    Meeting,
    Reflection,
)
from learnmeet.model._people import Area, Professional
from learnmeet.model._time import aware_datetime, end_refusal, positive_duration

__all__ = ["CourseSession", "Enrolment", "SessionFill", "enrol"]


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

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(validator=identifier)
    format: MeetingFormat = attrs.field(validator=instance_of(MeetingFormat))
    cohort: Cohort = attrs.field(validator=instance_of(Cohort))
    start: datetime = attrs.field(validator=aware_datetime)
    duration: timedelta | None = attrs.field(
        default=None, validator=[optional(positive_duration), _ends_in_the_years]
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
        """``True`` when fewer are enrolled than the format's minimum fill."""
        return self.minimum is not None and self.enrolled < self.minimum


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

    .. versionadded:: 0.1.0
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
            fill = Label(
                da=f"{f.enrolled} tilmeldt, minimum {f.minimum}, plads til "
                f"{f.capacity}",
                en=f"{f.enrolled} enrolled, minimum {f.minimum}, capacity {f.capacity}",
            )
            lines.append(f"{mark} {f.session.id} ({area}): {fill.get(lang)}")
            if f.suggestion is not None:
                lines.append(f"    → {f.suggestion.get(lang)}")
        return "\n".join(lines)


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
    reason. People in *cancellations* (by professional id) drop out with their
    reason, and the waiting list moves up.

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
        course = options[0].format.requirements.prerequisite_course
        if course is not None and course not in person.completed_courses:
            ineligible.append(
                (
                    person,
                    Label(
                        da=f"har ikke gennemført kurset {course!r}",
                        en=f"has not completed the course {course!r}",
                    ),
                )
            )
            continue
        for session in options:
            if session.capacity is None or len(seats[session.id]) < session.capacity:
                seats[session.id].append(person)
                break
        else:
            waiting[options[-1].id].append(person)

    fills = _fills(ordered, seats, by_area, list(forums))
    meetings = tuple(_meeting(s, seats[s.id], reflection) for s in ordered)
    return Enrolment(
        meetings=meetings,
        waiting={k: tuple(v) for k, v in waiting.items() if v},
        ineligible=tuple(ineligible),
        cancelled=tuple(cancelled),
        fill=fills,
    )


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
                names = ", ".join(s.id for s in siblings)
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
                    "(turn operations into development)",
                )
        out.append(
            SessionFill(session, enrolled, minimum, session.capacity, suggestion)
        )
    return tuple(out)


def _meeting(
    session: CourseSession, people: list[Professional], reflection: Reflection | None
) -> Meeting:
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
        title=f"{session.format.label.da}, {session.cohort.area.label.da}",
    )
