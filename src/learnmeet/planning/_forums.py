"""Make everyday work a place for development: learning in the forums staff hold.

The Esbjerg project's interdisciplinary course days could not be filled and
gave little with fictional cases; what worked was to use the *existing*
meetings: a forum's chosen occurrences become learning meetings about concrete
cases of the citizens its members work with, each with reflection attached.
:func:`attach_learning` does that for a whole period without adding a meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone

import attrs

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.exceptions import InvalidValueError, Label, shown
from learnmeet.model._arguments import checked
from learnmeet.model._bases import ConsentPurpose
from learnmeet.model._cases import CitizenCase, basis_for, not_covered
from learnmeet.model._checks import each, instance_of, joined_id, to_tuple
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._forums import Forum
from learnmeet.model._meetings import (
    Attendee,
    AttendeeRole,
    Location,
    LocationKind,
    Meeting,
    Reflection,
)
from learnmeet.model._people import Organisation
from learnmeet.model._time import end_refusal
from learnmeet.planning._composer import DEFAULT_REFLECTION
from learnmeet.planning._recurrence import Series
from learnmeet.planning._slots import check_window
from learnmeet.rules._report import Report
from learnmeet.rules._rule import RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate_all

__all__ = ["LearningPlan", "Unattached", "attach_learning", "forum_series"]


@checked
def forum_series(forum: Forum) -> Series:
    """The recurrence of a forum as a :class:`Series`.

    .. versionadded:: 0.1.0
    """
    return Series(start=forum.first_start, rule=forum.recurrence)


@attrs.frozen
class Unattached:
    """A case that got no learning meeting, and why.

    Attributes:
        case: The citizen case.
        reason: Why it got none, in Danish and English.

    .. versionadded:: 0.1.0
    """

    case: CitizenCase = attrs.field(validator=instance_of(CitizenCase))
    reason: Label = attrs.field(validator=instance_of(Label))


def _meetings(items: Iterable[Meeting]) -> tuple[Meeting, ...]:
    return to_tuple(items)


def _unattached(items: Iterable[Unattached]) -> tuple[Unattached, ...]:
    return to_tuple(items)


@attrs.frozen
class LearningPlan:
    """Learning attached to a forum: the meetings, what was left out, the report.

    Attributes:
        forum: The forum the learning was attached to.
        meetings: One learning meeting per chosen occurrence.
        unattached: Cases that could not be given a meeting, with the reason.
        report: The validation of the meetings (warnings such as many
            attendees from outside the care team are kept, not hidden).

    .. versionadded:: 0.1.0
    """

    forum: Forum = attrs.field(validator=instance_of(Forum))
    meetings: tuple[Meeting, ...] = attrs.field(
        converter=_meetings, validator=each(instance_of(Meeting))
    )
    unattached: tuple[Unattached, ...] = attrs.field(
        converter=_unattached, validator=each(instance_of(Unattached))
    )
    report: Report = attrs.field(validator=instance_of(Report))


_LEARNING = ConsentPurpose.LEARNING

_FICTIONAL = Label(
    da="fiktiv case; læring i driften tager udgangspunkt i konkrete borgere",
    en="fictional case; learning in everyday work starts from concrete citizens",
)


def _open(case: CitizenCase, day: date, organisations: Iterable[Organisation]) -> bool:
    """Whether *case* may be discussed on *day* by members of *organisations*.

    A basis for learning covers the day, and every organisation holds the
    case or is a recipient of the citizen's consent (the rules' LM108 and
    LM125).
    """
    return basis_for(case, day, _LEARNING) is not None and not not_covered(
        case, organisations, day
    )


def cases_by_member(cases: Iterable[CitizenCase]) -> dict[str, list[CitizenCase]]:
    """The cases each professional works with, by professional id.

    Built once for many forums, so each forum looks only at the cases its
    members work with, never at every case. A case given twice (equal) is
    listed once.
    """
    found: dict[str, list[CitizenCase]] = {}
    for case in dict.fromkeys(cases):
        for person_id in dict.fromkeys(p.id for p in case.care_team):
            found.setdefault(person_id, []).append(case)
    return found


def nobody_works_with(
    cases: Iterable[CitizenCase], forums: Iterable[Forum]
) -> tuple[Unattached, ...]:
    """The cases none of the *forums*' members works with, each with the reason.

    No forum can take them, so they are listed once for the period, not once
    per forum; a fictional one says so first, as that is why no forum would
    take it anyway.
    """
    members = {p.id for forum in forums for p in forum.members}
    nobody = Label(
        da="ingen deltager i noget forum arbejder med borgeren",
        en="no member of any forum works with the citizen",
    )
    return tuple(
        Unattached(case, _FICTIONAL if not case.is_concrete else nobody)
        for case in sorted(dict.fromkeys(cases), key=lambda c: c.id)
        if not members & {p.id for p in case.care_team}
    )


def check_every(every: int, *, where: str) -> None:
    """Check *every*, the n of "every n-th occurrence": 1 or more.

    Raises:
        InvalidValueError: *every* is below 1; *where* is the function it was
            given to, the path ``every``.
    """
    if every < 1:
        raise InvalidValueError(
            reason=Label(
                da=f"every skal være 1 eller mere, fik {shown(every).da}",
                en=f"every must be 1 or more, got {shown(every).en}",
            ),
            fix=Label(
                da="brug 1 for hvert møde, 2 for hvert andet",
                en="use 1 for every meeting, 2 for every other",
            ),
            where=where,
            path=("every",),
        )


@checked
def attach_learning(
    forum: Forum,
    *,
    cases: Iterable[CitizenCase],
    window: tuple[datetime, datetime],
    every: int = 1,
    minutes: int | None = None,
    skip: Iterable[date] = (),
    format: MeetingFormat | None = None,
    reflection: Reflection | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> LearningPlan:
    """Make chosen occurrences of *forum* into learning meetings about real cases.

    Every *every*-th occurrence in *window* is used (1: all of them), skipping
    the days in *skip* (e.g. public holidays), and any occurrence that would
    end after 9998, the last year learnmeet accepts. Each gets the next case in turn
    among the concrete cases of the citizens the members work with that a
    basis covers on the day (consent, or a management permission under
    *sundhedsloven* § 42 d),
    those whose care team overlaps the forum most first; a case comes round
    again when every case has had a turn. With *minutes*, the learning takes
    the last *minutes* of the meeting instead of all of it.

    Args:
        forum: The existing forum.
        cases: Candidate citizen cases.
        window: The period to plan, two aware datetimes at most five years
            apart.
        every: Use every n-th occurrence.
        minutes: Minutes at the end of each occurrence set aside for learning.
        skip: Days on which the forum does not meet.
        format: The learning format; the interdisciplinary learning meeting by
            default.
        reflection: The reflection to attach; a short default otherwise.
        rules: The rules the meetings are validated with.

    Raises:
        InvalidValueError: *every* or *minutes* is out of range, or the window
            is not two aware datetimes, the second later, at most five years
            apart (1,827 days) in the years 1900-9998.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 The window is five years at most, and the
       learning is the last *minutes* of the meeting in elapsed time.
    .. versionchanged:: 0.2.0 ``unattached`` lists only the cases some member
       works with; a case no member works with is simply not the forum's.
    """
    return attach(
        forum,
        by_member=cases_by_member(cases),
        window=window,
        every=every,
        minutes=minutes,
        skip=skip,
        format=format,
        reflection=reflection,
        rules=rules,
    )


def attach(
    forum: Forum,
    *,
    by_member: Mapping[str, Iterable[CitizenCase]],
    window: tuple[datetime, datetime],
    every: int = 1,
    minutes: int | None = None,
    skip: Iterable[date] = (),
    format: MeetingFormat | None = None,
    reflection: Reflection | None = None,
    rules: RuleSet = DEFAULT_RULES,
) -> LearningPlan:
    """:func:`attach_learning` with the cases indexed by :func:`cases_by_member`.

    :func:`~learnmeet.plan_period` indexes the cases once for all its forums.
    """
    check_window(window, where="attach_learning")
    check_every(every, where="attach_learning")
    length = forum.duration
    if minutes is not None:
        if not 0 < minutes * 60 <= length.total_seconds():
            raise InvalidValueError(
                reason=Label(
                    da=f"minutes skal være mellem 1 og forummets længde ({length}), "
                    f"fik {minutes}",
                    en=f"minutes must be between 1 and the forum's length "
                    f"({length}), got {minutes}",
                ),
                fix=Label(
                    da="giv læringen en del af mødet, fx 20 minutter",
                    en="give the learning part of the meeting, e.g. 20 minutes",
                ),
                where="attach_learning",
                path=("minutes",),
            )
        length = timedelta(minutes=minutes)
    fmt = format or DEFAULT_CATALOG.format("learning_meeting")
    members = {p.id for p in forum.members}
    closed = frozenset(skip)
    # An occurrence that would end after 9998 (the forum meets late on its
    # last evening) cannot be held as a meeting, as none can.
    occurrences = [
        o
        for o in forum_series(forum).occurrences(*window)
        if o.date() not in closed and end_refusal(o, forum.duration) is None
    ]
    chosen = occurrences[::every]
    organisations = {p.unit.organisation for p in forum.members}
    # Only the cases the members work with: by the index, not by every case.
    pool = sorted(
        {case for person in members for case in by_member.get(person, ())},
        key=lambda c: (-len(members & {p.id for p in c.care_team}), c.id),
    )
    usable = [c for c in pool if c.is_concrete]
    unattached = [Unattached(c, _FICTIONAL) for c in pool if not c.is_concrete]
    meetings = []
    turn = 0
    ids = occurrence_ids(forum, occurrences)
    for occurrence in chosen:
        day = occurrence.date()
        ready = [c for c in usable if _open(c, day, organisations)]
        if not ready:
            continue
        case = ready[turn % len(ready)]
        turn += 1
        # Elapsed time, as Meeting.end has it: across the change of summer
        # time the learning is still the meeting's last *minutes*.
        start = (
            occurrence.astimezone(timezone.utc) + (forum.duration - length)
        ).astimezone(occurrence.tzinfo)
        meetings.append(
            _meeting(
                forum,
                case,
                fmt,
                start,
                length,
                reflection,
                ids[occurrence],
            )
        )
    used = {m.case.id for m in meetings if m.case is not None}
    for case in usable:
        if case.id in used:
            continue
        if any(_open(case, o.date(), organisations) for o in chosen):
            reason = Label(
                da="ingen ledig forekomst af forummet i perioden",
                en="no occurrence of the forum left in the period",
            )
        elif any(basis_for(case, o.date(), _LEARNING) is not None for o in chosen):
            reason = Label(
                da="forummet samler organisationer, som borgerforløbet ikke må "
                "videregives til uden borgerens samtykke",
                en="the forum gathers organisations the case may not be "
                "disclosed to without the citizen's consent",
            )
        else:
            reason = Label(
                da="intet samtykke eller ledelsestilladelse til læring på "
                "forummets mødedage",
                en="no consent or management permission to use the case for "
                "learning on the forum's meeting days",
            )
        unattached.append(Unattached(case, reason))
    return LearningPlan(
        forum=forum,
        meetings=tuple(meetings),
        unattached=tuple(unattached),
        report=validate_all(meetings, rules=rules),
    )


def occurrence_ids(
    forum: Forum, occurrences: Iterable[datetime]
) -> dict[datetime, str]:
    """The id of the learning held at each of *occurrences* of *forum*.

    The forum's id and the occurrence's day in the forum's zone
    (``torsdag-vest-20270121``), and its local time when an earlier
    occurrence falls on the same day (``…-20270121-1400``). Made from those
    facts only, never from a count, so the same occurrence has the same id
    (and calendar UID) whatever period is planned, and two occurrences never
    share one. *occurrences* are the forum's in a window of whole days, so an
    earlier one on the same day is always among them.
    """
    zone = forum.first_start.tzinfo
    ids: dict[datetime, str] = {}
    days: set[date] = set()
    for occurrence in sorted(occurrences):
        local = occurrence.astimezone(zone)
        parts = [forum.id, f"{local:%Y%m%d}"]
        if local.date() in days:
            parts.append(f"{local:%H%M}")
        ids[occurrence] = joined_id(*parts)
        days.add(local.date())
    return ids


def _meeting(
    forum: Forum,
    case: CitizenCase,
    fmt: MeetingFormat,
    start: datetime,
    length: timedelta,
    reflection: Reflection | None,
    id: str,
) -> Meeting:
    team = {p.id for p in case.care_team}
    ordered = sorted(forum.members, key=lambda p: (p.id not in team, p.id))
    facilitator = next((p for p in ordered if p.can_facilitate), None)
    presenter = next((p for p in ordered if p.id in team and p != facilitator), None)
    attendees = []
    for person in ordered:
        if person == facilitator:
            role = AttendeeRole.FACILITATOR
        elif person == presenter:
            role = AttendeeRole.CASE_PRESENTER
        elif person.id in team:
            role = AttendeeRole.PARTICIPANT
        else:
            # The forum's other members listen and learn; the discussion is the
            # direct collaborators'.
            role = AttendeeRole.OBSERVER
        attendees.append(Attendee(person=person, role=role))
    return Meeting(
        id=id,
        format=fmt,
        start=start,
        duration=length,
        location=Location(LocationKind.ON_SITE, forum.name),
        attendees=attendees,
        case=case,
        reflection=reflection or DEFAULT_REFLECTION,
        forum=forum.id,
        title=forum.name,
    )
