"""Breakers, and the strategies for meetings that break exactly one rule.

A breaker takes a meeting of its format that validates clean and changes it so
that it (with its context, for the context rules) breaks that one rule and no
other. Each is declared against the rule object it breaks,
``@breaks(NO_HOST, start_from="study_visit")``; :data:`BREAKERS` gathers them,
and :func:`breaches` draws valid meetings and breaks them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time, timedelta
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs
from hypothesis.strategies import SearchStrategy

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._cases import (
    CaseOrigin,
    HandoverDocument,
    Transition,
    TransitionKind,
)
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._labels import Label
from learnmeet.model._meetings import (
    Attendee,
    AttendeeRole,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Rsvp,
)
from learnmeet.model._people import Area, Organisation, Professional, Sector, Unit
from learnmeet.rules._audit import (
    NO_REHABILITATION_PLAN,
    NO_TRANSITION,
    PANEL_MISSES_SECTORS,
)
from learnmeet.rules._case import (
    AFTER_DEATH,
    DISCLOSURE_WITHOUT_BASIS,
    FICTIONAL_CASE,
    MANY_OUTSIDE_CARE_TEAM,
    NO_CASE,
    NO_CONSENT,
)
from learnmeet.rules._citizen import CITIZEN_ABSENT, CITIZEN_NOT_ACCEPTED, NOT_AT_HOME
from learnmeet.rules._composition import (
    TOO_FEW_PROFESSIONS,
    TOO_FEW_SECTORS,
    TOO_MANY_PROFESSIONS,
)
from learnmeet.rules._context import DOUBLE_BOOKING, ON_HOLIDAY, OUTSIDE_HOURS
from learnmeet.rules._courses import MISSING_COURSE, WRONG_COHORT
from learnmeet.rules._esbjerg import NOT_OWN_CITIZEN, ONLINE_NOT_THERE
from learnmeet.rules._facilitation import (
    NO_FACILITATOR,
    NO_REFLECTION,
    OPERATIONS_WITHOUT_LEARNING,
    UNQUALIFIED_FACILITATOR,
    UNTRAINED_FACILITATOR,
    WITHOUT_REQUIRED_ROLE,
)
from learnmeet.rules._rule import Rule, RuleContext
from learnmeet.rules._size import BELOW_FILL, TOO_FEW_ATTENDEES, TOO_MANY_ATTENDEES
from learnmeet.rules._validate import DEFAULT_RULES
from learnmeet.rules._visits import (
    NO_HOST,
    TOO_FEW_FROM_HOST,
    VISITORS_FROM_HOST_SECTOR,
)
from learnmeet.strategies._meetings import meetings


@attrs.frozen
class Breach:
    """A meeting that breaks one rule, and the context the rule needs (if any).

    .. versionadded:: 0.1.0
    """

    code: str
    meeting: Meeting
    context: RuleContext | None = None


# What a breaker's change returns: the meeting, or for a context rule the
# meeting with the context that makes it a breach.
_Changed: TypeAlias = Meeting | tuple[Meeting, RuleContext]


@attrs.frozen
class Breaker:
    """How to break one rule: the built-in format to start from, and the change.

    Calling it on a valid meeting of that format gives the :class:`Breach`.
    """

    rule: Rule
    start_from: str
    change: Callable[[Meeting], _Changed]

    def __call__(self, meeting: Meeting) -> Breach:
        changed = self.change(meeting)
        if isinstance(changed, Meeting):
            return Breach(self.rule.code, _one_per_id(changed))
        broken, context = changed
        return Breach(self.rule.code, _one_per_id(broken), context)


def _one_per_id(meeting: Meeting) -> Meeting:
    """*meeting* with its case's care team as its attendees now are.

    A change to an attendee (a profession, a unit, roles) leaves the case's
    copy of that professional as it was; the rules read the care team by id
    only, so taking the attendee's version breaks nothing more, and the
    meeting stays one a document can hold (each id one professional).
    """
    case = meeting.case
    if case is None:
        return meeting
    now = {p.id: p for p in meeting.professionals}
    team = [now.get(p.id, p) for p in case.care_team]
    if all(new is old for new, old in zip(team, case.care_team, strict=True)):
        return meeting
    return attrs.evolve(meeting, case=attrs.evolve(case, care_team=team))


def breaks(
    rule: Rule, *, start_from: str
) -> Callable[[Callable[[Meeting], _Changed]], Breaker]:
    """Declare the decorated change as the breaker of *rule*.

    Args:
        rule: The built-in rule the change breaks, and no other.
        start_from: The code of the built-in format whose valid meetings the
            change starts from.
    """

    def declare(change: Callable[[Meeting], _Changed]) -> Breaker:
        return Breaker(rule, start_from, change)

    return declare


def _replace(meeting: Meeting, fn: Callable[[Attendee], Attendee | None]) -> Meeting:
    kept = [fn(a) for a in meeting.attendees]
    return attrs.evolve(meeting, attendees=[a for a in kept if a is not None])


def _on_professionals(
    meeting: Meeting, fn: Callable[[Professional], Professional]
) -> Meeting:
    def change(a: Attendee) -> Attendee:
        person = a.person
        if isinstance(person, Professional):
            return attrs.evolve(a, person=fn(person))
        return a

    return _replace(meeting, change)


def _requirements(meeting: Meeting, **changes: Any) -> Meeting:
    req = attrs.evolve(meeting.format.requirements, **changes)
    return attrs.evolve(meeting, format=attrs.evolve(meeting.format, requirements=req))


def _first_professional(meeting: Meeting) -> Professional:
    return next(p for p in meeting.professionals)


def _elsewhere(unit: Unit, suffix: str) -> Unit:
    """A unit of another organisation in the same sector, with no area."""
    org = unit.organisation
    other = Organisation(f"{org.id}-{suffix}", f"{org.name} ({suffix})", org.sector)
    return Unit(id=f"{unit.id}-{suffix}", name=unit.name, organisation=other)


# -- format rules -------------------------------------------------------------------


@breaks(TOO_FEW_PROFESSIONS, start_from="learning_meeting")
def _one_profession(meeting: Meeting) -> Meeting:
    first = next(p for p in meeting.professionals if p.profession is not None)
    return _on_professionals(
        meeting, lambda p: attrs.evolve(p, profession=first.profession)
    )


@breaks(TOO_MANY_PROFESSIONS, start_from="mono_course")
def _second_profession(meeting: Meeting) -> Meeting:
    first = next(p for p in meeting.professionals if p.profession is not None)
    assert first.profession is not None
    # Of a group of its own too, so a course for one group has two.
    other = attrs.evolve(
        first.profession, code=f"{first.profession.code}-other", group=None
    )
    return _on_professionals(
        meeting, lambda p: attrs.evolve(p, profession=other) if p == first else p
    )


@breaks(TOO_FEW_SECTORS, start_from="learning_meeting")
def _one_sector(meeting: Meeting) -> Meeting:
    unit = _first_professional(meeting).unit
    changed = _on_professionals(meeting, lambda p: attrs.evolve(p, unit=unit))
    return _requirements(changed, min_sectors=2)


@breaks(NO_CASE, start_from="learning_meeting")
def _no_case(meeting: Meeting) -> Meeting:
    people = _replace(
        meeting, lambda a: a if isinstance(a.person, Professional) else None
    )
    left = len(people.taking_part)
    if left < people.format.requirements.min_attendees:
        people = _requirements(people, min_attendees=left)
    return attrs.evolve(people, case=None)


@breaks(FICTIONAL_CASE, start_from="audit")
def _fictional(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    return attrs.evolve(
        meeting, case=attrs.evolve(meeting.case, origin=CaseOrigin.FICTIONAL)
    )


@breaks(CITIZEN_ABSENT, start_from="home_meeting")
def _citizen_absent(meeting: Meeting) -> Meeting:
    stand_in = attrs.evolve(_first_professional(meeting), id="breach-stand-in")

    def swap(a: Attendee) -> Attendee:
        if a.role is AttendeeRole.CITIZEN:
            return Attendee(person=stand_in, role=AttendeeRole.PARTICIPANT)
        return a

    return _replace(meeting, swap)


@breaks(CITIZEN_NOT_ACCEPTED, start_from="home_meeting")
def _citizen_tentative(meeting: Meeting) -> Meeting:
    return _replace(
        meeting,
        lambda a: (
            attrs.evolve(a, rsvp=Rsvp.TENTATIVE)
            if a.role is AttendeeRole.CITIZEN
            else a
        ),
    )


@breaks(NO_CONSENT, start_from="learning_meeting")
def _no_consent(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    return attrs.evolve(meeting, case=attrs.evolve(meeting.case, consent=None))


@breaks(MANY_OUTSIDE_CARE_TEAM, start_from="learning_meeting")
def _outsiders(meeting: Meeting) -> Meeting:
    def outsider(a: Attendee) -> Attendee:
        person = a.person
        if isinstance(person, Professional) and a.role is not AttendeeRole.FACILITATOR:
            return attrs.evolve(a, person=attrs.evolve(person, id=f"{person.id}-x"))
        return a

    changed = _replace(meeting, outsider)
    case = changed.case
    assert case is not None
    team = {p.id for p in case.care_team}
    pros = changed.professionals
    share = sum(1 for p in pros if p.id not in team) / len(pros)
    most = changed.format.requirements.max_outside_care_team_share or 0.0
    return (
        changed
        if share > most
        else _requirements(changed, max_outside_care_team_share=0.0)
    )


def _all_in_team(meeting: Meeting) -> tuple[Professional, ...]:
    """The case's care team with every professional attending added.

    A change to the case's transitions changes which organisations hold the
    case; with them all in the team, it still breaks no disclosure rule.
    """
    assert meeting.case is not None
    team = meeting.case.care_team
    known = {p.id for p in team}
    return (*team, *(p for p in meeting.professionals if p.id not in known))


@breaks(NO_TRANSITION, start_from="audit")
def _no_transition(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    case = attrs.evolve(meeting.case, transitions=(), care_team=_all_in_team(meeting))
    return attrs.evolve(meeting, case=case)


_NOWHERE = Sector("breach_sector", Label(da="ingen sektor", en="no sector"))


@breaks(PANEL_MISSES_SECTORS, start_from="audit")
def _uncovered_transition(meeting: Meeting) -> Meeting:
    case = meeting.case
    assert case is not None
    present = _first_professional(meeting).sector
    moved = Transition(
        on=meeting.start.date() - timedelta(days=1),
        from_sector=_NOWHERE,
        to_sector=present,
        kind=TransitionKind.DISCHARGE,
    )
    return attrs.evolve(
        meeting,
        case=attrs.evolve(case, transitions=[moved], care_team=_all_in_team(meeting)),
    )


@breaks(NO_REHABILITATION_PLAN, start_from="audit")
def _discharged_without_plan(meeting: Meeting) -> Meeting:
    case = meeting.case
    assert case is not None
    assert case.transitions
    first, *rest = case.transitions
    discharge = attrs.evolve(
        first,
        kind=TransitionKind.DISCHARGE,
        rehabilitation_needed=True,
        documents=first.documents - {HandoverDocument.REHABILITATION_PLAN},
    )
    moves = [discharge, *rest]
    return attrs.evolve(meeting, case=attrs.evolve(case, transitions=moves))


@breaks(NO_HOST, start_from="study_visit")
def _host_demoted(meeting: Meeting) -> Meeting:
    return _replace(
        meeting,
        lambda a: (
            attrs.evolve(a, role=AttendeeRole.PARTICIPANT)
            if a.role is AttendeeRole.HOST
            else a
        ),
    )


def _host_of(meeting: Meeting) -> Professional:
    return next(
        a.person
        for a in meeting.attendees
        if a.role is AttendeeRole.HOST and isinstance(a.person, Professional)
    )


@breaks(VISITORS_FROM_HOST_SECTOR, start_from="study_visit")
def _visitors_at_home(meeting: Meeting) -> Meeting:
    unit = _host_of(meeting).unit
    return _on_professionals(meeting, lambda p: attrs.evolve(p, unit=unit))


@breaks(TOO_FEW_FROM_HOST, start_from="roadshow")
def _host_alone(meeting: Meeting) -> Meeting:
    host = _host_of(meeting)
    org = host.unit.organisation

    def move(p: Professional) -> Professional:
        if p != host and p.unit.organisation == org:
            return attrs.evolve(p, unit=_elsewhere(p.unit, "other"))
        return p

    return _on_professionals(meeting, move)


def _size(meeting: Meeting, *, below: bool) -> Meeting:
    n = len(meeting.taking_part)
    req = meeting.format.requirements
    if below:
        return _requirements(
            meeting,
            min_attendees=n + 1,
            max_attendees=None
            if req.max_attendees is None
            else max(req.max_attendees, n + 1),
        )
    return _requirements(
        meeting,
        max_attendees=n - 1,
        min_attendees=min(req.min_attendees, n - 1),
        min_fill=None if req.min_fill is None else min(req.min_fill, n - 1),
    )


@breaks(TOO_FEW_ATTENDEES, start_from="learning_meeting")
def _one_too_few(meeting: Meeting) -> Meeting:
    return _size(meeting, below=True)


@breaks(TOO_MANY_ATTENDEES, start_from="learning_meeting")
def _one_too_many(meeting: Meeting) -> Meeting:
    return _size(meeting, below=False)


@breaks(NO_FACILITATOR, start_from="learning_meeting")
def _no_facilitator(meeting: Meeting) -> Meeting:
    return _replace(
        meeting,
        lambda a: (
            attrs.evolve(a, role=AttendeeRole.PARTICIPANT)
            if a.role is AttendeeRole.FACILITATOR
            else a
        ),
    )


def _without_reflection(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, reflection=None)


@breaks(NO_REFLECTION, start_from="learning_meeting")
def _no_reflection(meeting: Meeting) -> Meeting:
    return _without_reflection(meeting)


@breaks(OPERATIONS_WITHOUT_LEARNING, start_from="operational_meeting")
def _operations_unreflected(meeting: Meeting) -> Meeting:
    return _without_reflection(meeting)


@breaks(MISSING_COURSE, start_from="course_day")
def _course_missing(meeting: Meeting) -> Meeting:
    first = _first_professional(meeting)
    # Only the prerequisites (the person's own and the general one): the first
    # is the facilitator, whose facilitator training another rule reads.
    req = meeting.format.requirements
    own = req.prerequisite_for(first.profession)
    course = {own, req.prerequisite_course}
    day = meeting.start.date()

    def untrain(p: Professional) -> Professional:
        # Never completed, or completed once and expired before the day (by
        # the day's parity, so both are drawn).
        if p != first:
            return p
        if own is not None and day.toordinal() % 2:
            return _expired(_without(p, course), own, day)
        return _without(p, course)

    return _on_professionals(meeting, untrain)


def _without(person: Professional, courses: set[str | None]) -> Professional:
    """*person* with no completion of *courses*, dated or not."""
    return attrs.evolve(
        person,
        completed_courses=person.completed_courses - courses,
        completions=[c for c in person.completions if c.course not in courses],
    )


def _expired(person: Professional, course: str, day: date) -> Professional:
    """*person* whose completion of *course* expired the day before *day*."""
    last = day - timedelta(days=1)
    gone = CourseCompletion(
        course=course, completed_on=last - timedelta(days=3 * 365), expires_on=last
    )
    kept = _without(person, {course})
    return attrs.evolve(kept, completions=[*kept.completions, gone])


_OTHER_AREA = Area("breach-area", Label(da="et andet område", en="another area"))


@breaks(WRONG_COHORT, start_from="course_day")
def _other_area(meeting: Meeting) -> Meeting:
    first = _first_professional(meeting)
    return _on_professionals(
        meeting,
        lambda p: (
            attrs.evolve(
                p, unit=attrs.evolve(p.unit, id="breach-unit", area=_OTHER_AREA)
            )
            if p == first
            else p
        ),
    )


@breaks(NOT_AT_HOME, start_from="home_meeting")
def _not_at_home(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, location=Location(LocationKind.ON_SITE))


@breaks(BELOW_FILL, start_from="course_day")
def _under_filled(meeting: Meeting) -> Meeting:
    n = len(meeting.taking_part)
    req = meeting.format.requirements
    return _requirements(
        meeting,
        min_fill=n + 1,
        max_attendees=None
        if req.max_attendees is None
        else max(req.max_attendees, n + 1),
    )


@breaks(UNQUALIFIED_FACILITATOR, start_from="learning_meeting")
def _unqualified_facilitator(meeting: Meeting) -> Meeting:
    def strip(a: Attendee) -> Attendee:
        person = a.person
        if a.role is AttendeeRole.FACILITATOR and isinstance(person, Professional):
            return attrs.evolve(a, person=attrs.evolve(person, roles=()))
        return a

    return _replace(meeting, strip)


@breaks(DISCLOSURE_WITHOUT_BASIS, start_from="audit")
def _outside_organisation(meeting: Meeting) -> Meeting:
    """One panel member, made someone of another organisation of their sector."""
    last = [
        a
        for a in meeting.attendees
        if isinstance(a.person, Professional) and a.role is not AttendeeRole.FACILITATOR
    ][-1]
    person = last.person
    assert isinstance(person, Professional)
    stranger = attrs.evolve(
        person, id=f"{person.id}-elsewhere", unit=_elsewhere(person.unit, "elsewhere")
    )
    return _replace(
        meeting,
        lambda a: attrs.evolve(a, person=stranger) if a is last else a,
    )


@breaks(AFTER_DEATH, start_from="home_meeting")
def _after_death(meeting: Meeting) -> Meeting:
    """The citizen died the day before the meeting in their home."""
    case = meeting.case
    assert case is not None
    died = meeting.start.date() - timedelta(days=1)
    consent = case.consent
    return attrs.evolve(
        meeting,
        case=attrs.evolve(
            case,
            died_on=died,
            transitions=[t for t in case.transitions if t.on <= died],
            consent=None if consent is None or consent.given_on > died else consent,
        ),
    )


@breaks(NOT_OWN_CITIZEN, start_from="audit")
def _not_own_citizen(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    # A stranger in each unit taking part: the same organisations hold the
    # course (so no disclosure, LM125), but nobody present is in the team.
    units = {p.unit.id: p for p in meeting.professionals}
    strangers = [
        attrs.evolve(p, id=f"breach-stranger-{n}") for n, p in enumerate(units.values())
    ]
    return attrs.evolve(meeting, case=attrs.evolve(meeting.case, care_team=strangers))


@breaks(ONLINE_NOT_THERE, start_from="study_visit")
def _online_visit(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, location=Location(LocationKind.ONLINE))


@breaks(WITHOUT_REQUIRED_ROLE, start_from="leaders_network")
def _without_role(meeting: Meeting) -> Meeting:
    first = _first_professional(meeting)
    role = {meeting.format.requirements.required_role}
    return _on_professionals(
        meeting,
        lambda p: attrs.evolve(p, roles=p.roles - role) if p == first else p,
    )


@breaks(UNTRAINED_FACILITATOR, start_from="learning_meeting")
def _untrained_facilitator(meeting: Meeting) -> Meeting:
    course = meeting.format.requirements.facilitator_course
    day = meeting.start.date()

    def untrain(a: Attendee) -> Attendee:
        # Never trained, or trained once and expired before the meeting:
        # a training that lapsed is no training (by the meeting's day parity,
        # so both are drawn).
        person = a.person
        if a.role is AttendeeRole.FACILITATOR and isinstance(person, Professional):
            if course is not None and day.toordinal() % 2:
                return attrs.evolve(a, person=_expired(person, course, day))
            return attrs.evolve(a, person=_without(person, {course}))
        return a

    return _replace(meeting, untrain)


# -- context rules --------------------------------------------------------------------


def _planned(meeting: Meeting) -> Meeting:
    """Context rules leave cancelled meetings alone; breach a planned one."""
    return attrs.evolve(meeting, status=MeetingStatus.PLANNED, cancellation=None)


@breaks(DOUBLE_BOOKING, start_from="learning_meeting")
def _double_booked(meeting: Meeting) -> tuple[Meeting, RuleContext]:
    meeting = _planned(meeting)
    twin = attrs.evolve(meeting, id=f"{meeting.id}-twin")
    return meeting, RuleContext(meetings=[twin])


@breaks(ON_HOLIDAY, start_from="learning_meeting")
def _holiday(meeting: Meeting) -> tuple[Meeting, RuleContext]:
    meeting = _planned(meeting)
    return meeting, RuleContext(holidays=[meeting.start.date()])


@breaks(OUTSIDE_HOURS, start_from="learning_meeting")
def _after_hours(meeting: Meeting) -> tuple[Meeting, RuleContext]:
    meeting = _planned(meeting)
    start = meeting.start.time().replace(second=0, microsecond=0, tzinfo=None)
    if start == time(0):
        hours = WorkingHours(start=time(0, 1), end=time(23, 59), weekdays=range(7))
    else:
        hours = WorkingHours(start=time(0), end=start, weekdays=range(7))
    return meeting, RuleContext(default_hours=hours)


# -- gathered ------------------------------------------------------------------------


def _gathered(namespace: Mapping[str, object]) -> Mapping[str, Breaker]:
    found = sorted(
        (value for value in namespace.values() if isinstance(value, Breaker)),
        key=lambda b: b.rule.code,
    )
    return MappingProxyType({b.rule.code: b for b in found})


BREAKERS: Mapping[str, Breaker] = _gathered(globals())
"""The breaker declared in this module for each built-in rule, by its code."""


def breaker_format(code: str) -> str:
    """The code of the built-in format a breach of *code* starts from."""
    return BREAKERS[code].start_from


def breaches(code: str) -> SearchStrategy[Breach]:
    """Meetings (with the context a context rule needs) breaking exactly *code*.

    ``learnmeet.validate(b.meeting, context=b.context).codes == {code}`` holds
    for every generated breach ``b``.

    Raises:
        UnknownCodeError: No built-in rule has *code*.

    .. versionadded:: 0.1.0
    """
    rule = DEFAULT_RULES.rule(code)  # an unknown code names the closest known ones
    breaker = BREAKERS[rule.code]
    return meetings(format=breaker.start_from).map(breaker)


def meetings_breaking(code: str) -> SearchStrategy[Meeting]:
    """Meetings breaking exactly the format rule *code* (no context needed).

    .. versionadded:: 0.1.0
    """
    if DEFAULT_RULES.rule(code).needs_context:
        raise InvalidValueError(
            reason=Label(da=f"{code} kræver en kontekst", en=f"{code} needs a context"),
            fix=Label(
                da=f"brug breaches({code!r}), som giver konteksten med",
                en=f"use breaches({code!r}), which gives the context too",
            ),
            where="meetings_breaking",
            path=("code",),
        )
    return breaches(code).map(lambda b: b.meeting)
