"""Breakers, and the strategies for meetings that break exactly one rule.

A breaker takes a meeting of its format that validates clean and returns a
:class:`Breach` whose meeting (with its context, for the context rules) breaks
that one rule and no other; :func:`breaches` draws valid meetings and breaks
them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta
from typing import Any

import attrs
from hypothesis.strategies import SearchStrategy

from learnmeet.exceptions import InvalidValueError
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._cases import CaseOrigin, Transition, TransitionKind
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
from learnmeet.rules._rule import RuleContext
from learnmeet.rules._validate import DEFAULT_RULES
from learnmeet.strategies._meetings import meetings


@attrs.frozen
class Breach:
    """A meeting that breaks one rule, and the context the rule needs (if any).

    .. versionadded:: 0.1.0
    """

    code: str
    meeting: Meeting
    context: RuleContext | None = None


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


def _one_profession(meeting: Meeting) -> Meeting:
    profession = _first_professional(meeting).profession
    return _on_professionals(meeting, lambda p: attrs.evolve(p, profession=profession))


def _second_profession(meeting: Meeting) -> Meeting:
    first = _first_professional(meeting)
    other = attrs.evolve(first.profession, code=f"{first.profession.code}-other")
    return _on_professionals(
        meeting, lambda p: attrs.evolve(p, profession=other) if p == first else p
    )


def _one_sector(meeting: Meeting) -> Meeting:
    unit = _first_professional(meeting).unit
    changed = _on_professionals(meeting, lambda p: attrs.evolve(p, unit=unit))
    return _requirements(changed, min_sectors=2)


def _no_case(meeting: Meeting) -> Meeting:
    people = _replace(
        meeting, lambda a: a if isinstance(a.person, Professional) else None
    )
    left = len(people.taking_part)
    if left < people.format.requirements.min_attendees:
        people = _requirements(people, min_attendees=left)
    return attrs.evolve(people, case=None)


def _fictional(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    return attrs.evolve(
        meeting, case=attrs.evolve(meeting.case, origin=CaseOrigin.FICTIONAL)
    )


def _citizen_absent(meeting: Meeting) -> Meeting:
    stand_in = attrs.evolve(_first_professional(meeting), id="breach-stand-in")

    def swap(a: Attendee) -> Attendee:
        if a.role is AttendeeRole.CITIZEN:
            return Attendee(person=stand_in, role=AttendeeRole.PARTICIPANT)
        return a

    return _replace(meeting, swap)


def _citizen_tentative(meeting: Meeting) -> Meeting:
    return _replace(
        meeting,
        lambda a: (
            attrs.evolve(a, rsvp=Rsvp.TENTATIVE)
            if a.role is AttendeeRole.CITIZEN
            else a
        ),
    )


def _no_consent(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    return attrs.evolve(meeting, case=attrs.evolve(meeting.case, consent=None))


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


def _no_transition(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    return attrs.evolve(meeting, case=attrs.evolve(meeting.case, transitions=()))


_NOWHERE = Sector("breach_sector", Label(da="ingen sektor", en="no sector"))


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
    return attrs.evolve(meeting, case=attrs.evolve(case, transitions=[moved]))


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


def _visitors_at_home(meeting: Meeting) -> Meeting:
    unit = _host_of(meeting).unit
    return _on_professionals(meeting, lambda p: attrs.evolve(p, unit=unit))


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


def _no_facilitator(meeting: Meeting) -> Meeting:
    return _replace(
        meeting,
        lambda a: (
            attrs.evolve(a, role=AttendeeRole.PARTICIPANT)
            if a.role is AttendeeRole.FACILITATOR
            else a
        ),
    )


def _no_reflection(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, reflection=None)


def _course_missing(meeting: Meeting) -> Meeting:
    first = _first_professional(meeting)
    return _on_professionals(
        meeting,
        lambda p: attrs.evolve(p, completed_courses=()) if p == first else p,
    )


_OTHER_AREA = Area("breach-area", Label(da="et andet område", en="another area"))


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


def _not_at_home(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, location=Location(LocationKind.ON_SITE))


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


def _unqualified_facilitator(meeting: Meeting) -> Meeting:
    def strip(a: Attendee) -> Attendee:
        person = a.person
        if a.role is AttendeeRole.FACILITATOR and isinstance(person, Professional):
            return attrs.evolve(a, person=attrs.evolve(person, roles=()))
        return a

    return _replace(meeting, strip)


# -- context rules --------------------------------------------------------------------


def _planned(meeting: Meeting) -> Meeting:
    """Context rules leave cancelled meetings alone; breach a planned one."""
    return attrs.evolve(meeting, status=MeetingStatus.PLANNED, cancellation=None)


def _double_booked(meeting: Meeting) -> Breach:
    meeting = _planned(meeting)
    twin = attrs.evolve(meeting, id=f"{meeting.id}-twin")
    return Breach("LM201", meeting, RuleContext(meetings=[twin]))


def _holiday(meeting: Meeting) -> Breach:
    meeting = _planned(meeting)
    return Breach("LM202", meeting, RuleContext(holidays=[meeting.start.date()]))


def _after_hours(meeting: Meeting) -> Breach:
    meeting = _planned(meeting)
    start = meeting.start.time().replace(second=0, microsecond=0, tzinfo=None)
    if start == time(0):
        hours = WorkingHours(start=time(0, 1), end=time(23, 59), weekdays=range(7))
    else:
        hours = WorkingHours(start=time(0), end=start, weekdays=range(7))
    return Breach("LM203", meeting, RuleContext(default_hours=hours))


def _wrap(code: str, fn: Callable[[Meeting], Meeting]) -> Callable[[Meeting], Breach]:
    return lambda meeting: Breach(code, fn(meeting))


BREAKERS: dict[str, tuple[str, Callable[[Meeting], Breach]]] = {
    "LM101": ("learning_meeting", _wrap("LM101", _one_profession)),
    "LM102": ("mono_course", _wrap("LM102", _second_profession)),
    "LM103": ("learning_meeting", _wrap("LM103", _one_sector)),
    "LM104": ("learning_meeting", _wrap("LM104", _no_case)),
    "LM105": ("audit", _wrap("LM105", _fictional)),
    "LM106": ("home_meeting", _wrap("LM106", _citizen_absent)),
    "LM107": ("home_meeting", _wrap("LM107", _citizen_tentative)),
    "LM108": ("learning_meeting", _wrap("LM108", _no_consent)),
    "LM109": ("learning_meeting", _wrap("LM109", _outsiders)),
    "LM110": ("audit", _wrap("LM110", _no_transition)),
    "LM111": ("audit", _wrap("LM111", _uncovered_transition)),
    "LM112": ("study_visit", _wrap("LM112", _host_demoted)),
    "LM113": ("study_visit", _wrap("LM113", _visitors_at_home)),
    "LM114": ("roadshow", _wrap("LM114", _host_alone)),
    "LM115": ("learning_meeting", _wrap("LM115", lambda m: _size(m, below=True))),
    "LM116": ("learning_meeting", _wrap("LM116", lambda m: _size(m, below=False))),
    "LM117": ("learning_meeting", _wrap("LM117", _no_facilitator)),
    "LM118": ("learning_meeting", _wrap("LM118", _no_reflection)),
    "LM119": ("course_day", _wrap("LM119", _course_missing)),
    "LM120": ("course_day", _wrap("LM120", _other_area)),
    "LM121": ("home_meeting", _wrap("LM121", _not_at_home)),
    "LM122": ("operational_meeting", _wrap("LM122", _no_reflection)),
    "LM123": ("course_day", _wrap("LM123", _under_filled)),
    "LM124": ("learning_meeting", _wrap("LM124", _unqualified_facilitator)),
    "LM201": ("learning_meeting", _double_booked),
    "LM202": ("learning_meeting", _holiday),
    "LM203": ("learning_meeting", _after_hours),
}
"""For every built-in rule code: the format to start from, and the breaker."""


def breaker_format(code: str) -> str:
    """The code of the built-in format a breach of *code* starts from."""
    return BREAKERS[code][0]


def breaches(code: str) -> SearchStrategy[Breach]:
    """Meetings (with the context a context rule needs) breaking exactly *code*.

    ``learnmeet.validate(b.meeting, context=b.context).codes == {code}`` holds
    for every generated breach ``b``.

    Raises:
        UnknownCodeError: No built-in rule has *code*.

    .. versionadded:: 0.1.0
    """
    DEFAULT_RULES.rule(code)  # an unknown code names the closest known ones
    breaker = BREAKERS[code][1]
    return meetings(format=breaker_format(code)).map(breaker)


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
