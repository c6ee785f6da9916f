"""Breakers, and the strategies for meetings that break exactly one rule.

A breaker takes a meeting that validates clean and changes it so that it
(with its context, for the context rules) breaks that one rule and no other,
leaving its format as it is. Each is declared against the rule object it
breaks, with the formats it can break it on,
``@breaks(NO_HOST, start_from="study_visit", on=needs("host_required"))``;
:data:`BREAKERS` gathers them, and :func:`breaches` draws valid meetings of a
format the rule can fire on and breaks them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time, timedelta
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import WorkingHours
from learnmeet.model._cases import (
    CaseOrigin,
    HandoverDocument,
    Transition,
    TransitionKind,
)
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._formats import FormatRequirements, MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import (
    Attendee,
    AttendeeRole,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participation,
    Rsvp,
)
from learnmeet.model._people import (
    Area,
    Organisation,
    Professional,
    Sector,
    StaffRole,
    Unit,
)
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
from learnmeet.rules._validate import DEFAULT_RULES, validate
from learnmeet.rules._visits import (
    NO_HOST,
    TOO_FEW_FROM_HOST,
    VISITORS_FROM_HOST_SECTOR,
)
from learnmeet.strategies._meetings import meetings


@attrs.frozen
class Breach:
    """A meeting that breaks one rule, and the context the rule needs (if any).

    >>> breach = find(lst.breaches("LM106"), lambda _: True, settings=quick)
    >>> breach.code, breach.context
    ('LM106', None)
    >>> lm.validate(breach.meeting, context=breach.context).codes == {"LM106"}
    True
    >>> lst.Breach(code="LM106", meeting=breach.meeting) == breach
    True

    Attributes:
        code: The code of the rule broken, e.g. ``"LM106"``.
        meeting: The meeting; its format is one the rule can fire on, and
            ``learnmeet.validate(meeting, context=context).codes == {code}``.
        context: For a context rule (``LM2xx``) the :class:`~learnmeet.RuleContext`
            that makes the breach (a twin meeting, a holiday, working hours);
            ``None`` for every other rule.

    .. versionadded:: 0.1.0
    """

    code: str
    meeting: Meeting
    context: RuleContext | None = None


# What a breaker's change returns: the meeting, or for a context rule the
# meeting with the context that makes it a breach.
_Changed: TypeAlias = Meeting | tuple[Meeting, RuleContext]

OnFormat: TypeAlias = Callable[[MeetingFormat], bool]
"""Whether a breaker can break its rule, alone, in a meeting of a format."""


def _anywhere(_: MeetingFormat) -> bool:
    return True


@attrs.frozen
class Breaker:
    """How to break one rule: where it can be broken alone, and the change.

    Attributes:
        rule: The built-in rule broken.
        start_from: The built-in format the tests' hand-built breach starts
            from, and whose widened copy is drawn where no format of the
            catalogue can carry the breach (see *widen*).
        change: Turns a valid meeting of a format *on* accepts into a breach.
        on: The formats the rule can be broken on alone, read from the
            format: it applies there, and breaking it need not break another.
        needs_case: The change needs a concrete case on the meeting.
        least: How many professionals the valid meeting must have, by format.
        widen: For a rule no built-in format can carry alone: the start format
            with the one requirement set that lets it fire.

    Calling it on a valid meeting gives the :class:`Breach`.
    """

    rule: Rule
    start_from: str
    change: Callable[[Meeting], _Changed]
    on: OnFormat = _anywhere
    needs_case: bool = False
    least: Callable[[FormatRequirements], int] | None = None
    widen: Callable[[MeetingFormat], MeetingFormat] | None = None

    def __call__(self, meeting: Meeting) -> Breach:
        if self.widen is not None and not self.on(meeting.format):
            meeting = attrs.evolve(meeting, format=self.widen(meeting.format))
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
    rule: Rule,
    *,
    start_from: str,
    on: OnFormat | None = None,
    needs_case: bool = False,
    least: Callable[[FormatRequirements], int] | None = None,
    widen: Callable[[MeetingFormat], MeetingFormat] | None = None,
) -> Callable[[Callable[[Meeting], _Changed]], Breaker]:
    """Declare the decorated change as the breaker of *rule*.

    Args:
        rule: The built-in rule the change breaks, and no other.
        start_from: The code of the built-in format of the hand-built breach.
        on: Where the rule can be broken alone; the rule's ``applies`` (or
            every format) by default.
        needs_case: Draw the valid meeting with a concrete case.
        least: The professionals the valid meeting needs, by requirements.
        widen: See :class:`Breaker`.
    """

    def declare(change: Callable[[Meeting], _Changed]) -> Breaker:
        where = on or rule.applies or _anywhere
        return Breaker(rule, start_from, change, where, needs_case, least, widen)

    return declare


def _req(test: Callable[[FormatRequirements], bool]) -> OnFormat:
    """A test on the format's requirements, as a test on the format."""
    return lambda fmt: test(fmt.requirements)


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


def _participants(meeting: Meeting) -> list[Attendee]:
    """The professionals taking part as participants (not facilitator, host …)."""
    return [
        a
        for a in meeting.taking_part
        if isinstance(a.person, Professional) and a.role is AttendeeRole.PARTICIPANT
    ]


def _elsewhere(unit: Unit, suffix: str) -> Unit:
    """A unit of another organisation in the same sector and area."""
    org = unit.organisation
    other = Organisation(f"{org.id}-{suffix}", f"{org.name} ({suffix})", org.sector)
    return Unit(
        id=f"{unit.id}-{suffix}", name=unit.name, organisation=other, area=unit.area
    )


def _exact(breach: Breach) -> bool:
    """Whether *breach* breaks its rule and nothing else."""
    return validate(breach.meeting, context=breach.context).codes == {breach.code}


# -- format rules -------------------------------------------------------------------


def _with_courses(req: FormatRequirements, p: Professional) -> Professional:
    """*p* with the course their profession needs for a format of *req*."""
    course = req.prerequisite_for(p.profession)
    if course is None or course in p.completed_courses:
        return p
    # Undated, so it counts on any day; a dated completion of it (expired,
    # perhaps) goes: one course is listed dated or undated, never both.
    held = _without(p, {course})
    return attrs.evolve(held, completed_courses=held.completed_courses | {course})


@breaks(
    TOO_FEW_PROFESSIONS,
    start_from="learning_meeting",
    on=_req(lambda r: r.min_professions >= 2),
)
def _one_profession(meeting: Meeting) -> Meeting:
    first = next(p for p in meeting.professionals if p.profession is not None)
    req = meeting.format.requirements
    return _on_professionals(
        meeting,
        lambda p: _with_courses(req, attrs.evolve(p, profession=first.profession)),
    )


def _profession_limit(req: FormatRequirements) -> int | None:
    return (
        req.max_professions
        if req.max_professions is not None
        else (req.max_profession_groups)
    )


def _room_for(req: FormatRequirements, professionals: int) -> bool:
    """Whether a meeting of *req* may have that many professionals taking part."""
    seats = professionals + (1 if req.citizen_present else 0)
    return req.max_attendees is None or seats <= req.max_attendees


def _can_exceed_professions(req: FormatRequirements) -> bool:
    limit = _profession_limit(req)
    return limit is not None and _room_for(req, limit + 1)


@breaks(
    TOO_MANY_PROFESSIONS,
    start_from="mono_course",
    on=_req(_can_exceed_professions),
    least=lambda req: (_profession_limit(req) or 0) + 1,
)
def _more_professions(meeting: Meeting) -> Meeting:
    """Professions of groups of their own, one at a time, until over the limit."""
    req = meeting.format.requirements
    limit = _profession_limit(req)
    assert limit is not None

    def kind(p: Professional) -> str:
        assert p.profession is not None
        return (
            p.profession.code
            if req.max_professions is not None
            else (p.profession.group_code)
        )

    pros = [p for p in meeting.professionals_taking_part if p.profession is not None]
    kinds = [kind(p) for p in pros]
    fresh: dict[str, Professional] = {}
    for p in reversed(pros):
        if len(set(kinds)) > limit:
            break
        if kinds.count(kind(p)) < 2:
            continue
        assert p.profession is not None
        n = len(fresh) + 1
        # Of a group of its own too, so a course for one group has two.
        other = attrs.evolve(
            p.profession, code=f"{p.profession.code}-other-{n}", group=None
        )
        kinds[pros.index(p)] = other.code
        fresh[p.id] = _with_courses(req, attrs.evolve(p, profession=other))
    return _on_professionals(meeting, lambda p: fresh.get(p.id, p))


def _sectors_alone(req: FormatRequirements) -> bool:
    # A host makes the visit rule (LM113) say it; an audited transition the
    # panel rule (LM111): there the sector count cannot be the only breach.
    return (
        req.min_sectors >= 2 and not req.host_required and not (req.transition_required)
    )


def _two_sectors(fmt: MeetingFormat) -> MeetingFormat:
    req = attrs.evolve(fmt.requirements, min_sectors=2)
    return attrs.evolve(fmt, requirements=req)


@breaks(
    TOO_FEW_SECTORS,
    start_from="learning_meeting",
    on=_req(_sectors_alone),
    widen=_two_sectors,
)
def _one_sector(meeting: Meeting) -> Meeting:
    unit = _first_professional(meeting).unit
    return _on_professionals(meeting, lambda p: attrs.evolve(p, unit=unit))


def _without_case_alone(req: FormatRequirements) -> bool:
    return req.case_required and _room_for(
        req, max(req.min_attendees, req.min_fill or 0)
    )


@breaks(
    NO_CASE,
    start_from="learning_meeting",
    on=_req(_without_case_alone),
    least=lambda req: max(req.min_attendees, req.min_fill or 0),
)
def _no_case(meeting: Meeting) -> Meeting:
    people = _replace(
        meeting, lambda a: a if isinstance(a.person, Professional) else None
    )
    return attrs.evolve(people, case=None)


@breaks(FICTIONAL_CASE, start_from="audit", needs_case=True)
def _fictional(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    return attrs.evolve(
        meeting, case=attrs.evolve(meeting.case, origin=CaseOrigin.FICTIONAL)
    )


@breaks(CITIZEN_ABSENT, start_from="home_meeting")
def _citizen_absent(meeting: Meeting) -> Meeting:
    """A colleague of the first professional, in the care team, takes the seat."""
    first = _first_professional(meeting)
    role = meeting.format.requirements.required_role
    stand_in = attrs.evolve(
        first,
        id="breach-stand-in",
        roles=first.roles | ({role} if role is not None else set()),
    )

    def swap(a: Attendee) -> Attendee:
        if a.role is AttendeeRole.CITIZEN:
            return Attendee(person=stand_in, role=AttendeeRole.PARTICIPANT)
        return a

    swapped = _replace(meeting, swap)
    case = swapped.case
    assert case is not None
    team = [*case.care_team, stand_in]
    return attrs.evolve(swapped, case=attrs.evolve(case, care_team=team))


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


@breaks(NO_CONSENT, start_from="learning_meeting", needs_case=True)
def _no_consent(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    case = attrs.evolve(meeting.case, consent=None, permissions=())
    return attrs.evolve(meeting, case=case)


def _outside_share_alone(req: FormatRequirements) -> bool:
    # Everyone from outside the team is a share of 1; where the format asks
    # for the participants' own citizen, that is LM140's breach too.
    most = req.max_outside_care_team_share
    return most is not None and most < 1 and not req.own_citizen


@breaks(
    MANY_OUTSIDE_CARE_TEAM,
    start_from="learning_meeting",
    on=_req(_outside_share_alone),
    needs_case=True,
)
def _outsiders(meeting: Meeting) -> Meeting:
    """Everyone taking part someone new of the same unit, not in the team."""
    return _on_professionals(meeting, lambda p: attrs.evolve(p, id=f"{p.id}-x"))


def _all_in_team(meeting: Meeting) -> tuple[Professional, ...]:
    """The case's care team with every professional attending added.

    A change to the case's transitions changes which organisations hold the
    case; with them all in the team, it still breaks no disclosure rule.
    """
    assert meeting.case is not None
    team = meeting.case.care_team
    known = {p.id for p in team}
    return (*team, *(p for p in meeting.professionals if p.id not in known))


@breaks(NO_TRANSITION, start_from="audit", needs_case=True)
def _no_transition(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    case = attrs.evolve(meeting.case, transitions=(), care_team=_all_in_team(meeting))
    return attrs.evolve(meeting, case=case)


_NOWHERE = Sector("breach_sector", Label(da="ingen sektor", en="no sector"))


@breaks(PANEL_MISSES_SECTORS, start_from="audit", needs_case=True)
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


_HOSPITAL, _MUNICIPALITY = (
    DEFAULT_CATALOG.sector(c) for c in ("hospital", "municipality")
)


@breaks(NO_REHABILITATION_PLAN, start_from="audit", needs_case=True)
def _discharged_without_plan(meeting: Meeting) -> Meeting:
    """The first transition made a discharge without the plan, or one added."""
    case = meeting.case
    assert case is not None
    if case.transitions:
        first, *rest = case.transitions
        discharge = attrs.evolve(
            first,
            kind=TransitionKind.DISCHARGE,
            rehabilitation_needed=True,
            documents=first.documents - {HandoverDocument.REHABILITATION_PLAN},
        )
        moves = [discharge, *rest]
    else:
        moves = [
            Transition(
                on=meeting.start.date(),
                from_sector=_HOSPITAL,
                to_sector=_MUNICIPALITY,
                kind=TransitionKind.DISCHARGE,
                rehabilitation_needed=True,
            )
        ]
    team = _all_in_team(meeting)
    return attrs.evolve(
        meeting, case=attrs.evolve(case, transitions=moves, care_team=team)
    )


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


@breaks(
    VISITORS_FROM_HOST_SECTOR,
    start_from="study_visit",
    # One sector present covers no transition: the panel rule (LM111) too.
    on=lambda fmt: (
        VISITORS_FROM_HOST_SECTOR.applies is not None
        and VISITORS_FROM_HOST_SECTOR.applies(fmt)
        and not fmt.requirements.transition_required
    ),
)
def _visitors_at_home(meeting: Meeting) -> Meeting:
    unit = _host_of(meeting).unit
    return _on_professionals(meeting, lambda p: attrs.evolve(p, unit=unit))


@breaks(
    TOO_FEW_FROM_HOST,
    start_from="roadshow",
    # The host alone is one from the host organisation.
    on=_req(lambda r: r.host_required and r.min_host_attendees >= 2),
)
def _host_alone(meeting: Meeting) -> Meeting:
    host = _host_of(meeting)
    org = host.unit.organisation

    def move(p: Professional) -> Professional:
        if p != host and p.unit.organisation == org:
            return attrs.evolve(p, unit=_elsewhere(p.unit, "other"))
        return p

    return _on_professionals(meeting, move)


def _core(req: FormatRequirements) -> int:
    """The fewest who can take part in a meeting of *req*.

    Without a breach of any rule but the size rules: a bound read from the
    requirements alone.
    """
    host = 0
    if req.host_required:
        host = max(req.min_host_attendees, 1) + (1 if req.min_sectors >= 2 else 0)
    sectors = max(req.min_sectors, 2 if req.transition_required else 0)
    people = max(
        req.min_professions, sectors, host, 1 if req.facilitator_required else 0
    )
    return people + (1 if req.citizen_present else 0)


def _fewer(meeting: Meeting, code: str, below: int) -> Meeting:
    """*meeting* with attendees taken away until fewer than *below* take part.

    From the last; one whose going would break another rule stays.
    """
    current = meeting
    for attendee in reversed(meeting.attendees):
        if len(current.taking_part) < below:
            break
        if not attendee.takes_part:
            continue
        fewer = attrs.evolve(
            current, attendees=[a for a in current.attendees if a is not attendee]
        )
        if validate(fewer).codes <= {code}:
            current = fewer
    return current


@breaks(
    TOO_FEW_ATTENDEES,
    start_from="learning_meeting",
    on=_req(
        lambda r: (
            r.min_attendees >= 1
            and _core(r) < r.min_attendees
            and (r.min_fill is None or r.min_fill < r.min_attendees)
        )
    ),
)
def _one_too_few(meeting: Meeting) -> Meeting:
    code = TOO_FEW_ATTENDEES.code
    return _fewer(meeting, code, meeting.format.requirements.min_attendees)


@breaks(TOO_MANY_ATTENDEES, start_from="learning_meeting")
def _one_too_many(meeting: Meeting) -> Meeting:
    """Colleagues join as participants until one too many take part.

    Of the first professional's unit and profession, in the care team.
    """
    req = meeting.format.requirements
    assert req.max_attendees is not None
    first = _first_professional(meeting)
    roles = first.roles | ({req.required_role} if req.required_role else set())
    extra = req.max_attendees + 1 - len(meeting.taking_part)
    colleagues = [
        attrs.evolve(first, id=f"{first.id}-colleague-{n}", roles=roles)
        for n in range(1, extra + 1)
    ]
    joined = attrs.evolve(
        meeting,
        attendees=[
            *meeting.attendees,
            *(Attendee(person=p, role=AttendeeRole.PARTICIPANT) for p in colleagues),
        ],
    )
    case = meeting.case
    if case is None:
        return joined
    team = [*case.care_team, *colleagues]
    return attrs.evolve(joined, case=attrs.evolve(case, care_team=team))


@breaks(NO_FACILITATOR, start_from="learning_meeting")
def _no_facilitator(meeting: Meeting) -> Meeting:
    """The facilitators made participants, with the role a participant needs."""
    role = meeting.format.requirements.required_role

    def demote(a: Attendee) -> Attendee:
        person = a.person
        if a.role is not AttendeeRole.FACILITATOR:
            return a
        if role is not None and isinstance(person, Professional):
            person = attrs.evolve(person, roles=person.roles | {role})
        return attrs.evolve(a, role=AttendeeRole.PARTICIPANT, person=person)

    return _replace(meeting, demote)


def _without_reflection(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, reflection=None)


@breaks(
    NO_REFLECTION,
    start_from="learning_meeting",
    # Where the format is not learning, no reflection is LM122's note too.
    on=lambda fmt: fmt.requirements.reflection_required and fmt.is_learning,
)
def _no_reflection(meeting: Meeting) -> Meeting:
    return _without_reflection(meeting)


@breaks(
    OPERATIONS_WITHOUT_LEARNING,
    start_from="operational_meeting",
    on=lambda fmt: not fmt.is_learning and not fmt.requirements.reflection_required,
)
def _operations_unreflected(meeting: Meeting) -> Meeting:
    return _without_reflection(meeting)


@breaks(MISSING_COURSE, start_from="course_day")
def _course_missing(meeting: Meeting) -> Meeting:
    req = meeting.format.requirements
    # The first whose profession asks for a course (where courses are asked
    # of some professions only); only the prerequisites: the first may be
    # the facilitator, whose facilitator training another rule reads.
    first = next(
        (p for p in meeting.professionals if req.prerequisite_for(p.profession)),
        _first_professional(meeting),
    )
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


@breaks(WRONG_COHORT, start_from="course_day", least=lambda _: 2)
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


@breaks(
    BELOW_FILL,
    start_from="course_day",
    on=_req(
        lambda r: r.min_fill is not None and max(_core(r), r.min_attendees) < r.min_fill
    ),
)
def _under_filled(meeting: Meeting) -> Meeting:
    fill = meeting.format.requirements.min_fill
    assert fill is not None
    return _fewer(meeting, BELOW_FILL.code, fill)


def _facilitated(meeting: Meeting, *, trained: bool) -> Meeting:
    """*meeting* with a facilitator: its own, or its first participant made one.

    The one made gets the role and, if *trained*, the format's facilitator
    course.
    """
    if meeting.facilitators:
        return meeting
    first = _participants(meeting)[0]
    person = first.person
    assert isinstance(person, Professional)
    course = meeting.format.requirements.facilitator_course
    courses = {course} if trained and course is not None else set()
    held = _without(person, set(courses)) if courses else person
    promoted = attrs.evolve(
        held,
        roles=held.roles | {StaffRole.FACILITATOR},
        completed_courses=held.completed_courses | courses,
    )
    return _replace(
        meeting,
        lambda a: (
            attrs.evolve(a, role=AttendeeRole.FACILITATOR, person=promoted)
            if a is first
            else a
        ),
    )


def _on_facilitators(
    meeting: Meeting, fn: Callable[[Professional], Professional]
) -> Meeting:
    def change(a: Attendee) -> Attendee:
        person = a.person
        if a.role is AttendeeRole.FACILITATOR and isinstance(person, Professional):
            return attrs.evolve(a, person=fn(person))
        return a

    return _replace(meeting, change)


@breaks(UNQUALIFIED_FACILITATOR, start_from="learning_meeting")
def _unqualified_facilitator(meeting: Meeting) -> Meeting:
    """The facilitator (a participant made one, if none) holds no staff role."""
    led = _facilitated(meeting, trained=True)
    return _on_facilitators(led, lambda p: attrs.evolve(p, roles=()))


@breaks(DISCLOSURE_WITHOUT_BASIS, start_from="audit", needs_case=True)
def _outside_organisation(meeting: Meeting) -> Meeting:
    """One participant, made someone of another organisation of their sector.

    Where the format limits the share from outside the care team, the
    stranger listens in as an observer, who does not count towards it.
    """
    taking = [a for a in meeting.taking_part if isinstance(a.person, Professional)]
    last = ([a for a in taking if a.role is AttendeeRole.PARTICIPANT] or taking)[-1]
    person = last.person
    assert isinstance(person, Professional)
    stranger = attrs.evolve(
        person, id=f"{person.id}-elsewhere", unit=_elsewhere(person.unit, "elsewhere")
    )
    limited = meeting.format.requirements.max_outside_care_team_share is not None
    role = AttendeeRole.OBSERVER if limited else last.role
    return _replace(
        meeting,
        lambda a: attrs.evolve(a, person=stranger, role=role) if a is last else a,
    )


def _with_citizen(meeting: Meeting) -> Meeting:
    """*meeting* with its case's citizen taking part (as an attendee, accepted)."""
    case = meeting.case
    assert case is not None
    key = case.citizen.key
    there = meeting.attendee(key)
    if there is not None and there.participation is not Participation.INFORMATION_ONLY:
        return meeting
    citizen = Attendee(
        person=case.citizen, role=AttendeeRole.CITIZEN, rsvp=Rsvp.ACCEPTED
    )
    others = [a for a in meeting.attendees if a.person.key != key]
    return attrs.evolve(meeting, attendees=[*others, citizen])


@breaks(AFTER_DEATH, start_from="home_meeting", needs_case=True)
def _after_death(meeting: Meeting) -> Meeting:
    """The citizen, taking part, died the day before the meeting."""
    meeting = _with_citizen(meeting)
    case = meeting.case
    assert case is not None
    died = meeting.start.date() - timedelta(days=1)
    consent = case.consent
    return attrs.evolve(
        meeting,
        case=attrs.evolve(
            case,
            died_on=died,
            # A move on the day of the meeting is made the day of the death.
            transitions=[
                t if t.on <= died else attrs.evolve(t, on=died)
                for t in case.transitions
            ],
            consent=None if consent is None or consent.given_on > died else consent,
        ),
    )


def _own_citizen_alone(req: FormatRequirements) -> bool:
    # Nobody present in the team is a share of 1 from outside it (LM109).
    most = req.max_outside_care_team_share
    return req.own_citizen and (most is None or most >= 1)


@breaks(
    NOT_OWN_CITIZEN,
    start_from="audit",
    on=_req(_own_citizen_alone),
    needs_case=True,
)
def _not_own_citizen(meeting: Meeting) -> Meeting:
    assert meeting.case is not None
    # A stranger in each unit taking part: the same organisations hold the
    # course (so no disclosure, LM125), but nobody present is in the team.
    units = {p.unit.id: p for p in meeting.professionals}
    strangers = [
        attrs.evolve(p, id=f"breach-stranger-{n}") for n, p in enumerate(units.values())
    ]
    return attrs.evolve(meeting, case=attrs.evolve(meeting.case, care_team=strangers))


@breaks(
    ONLINE_NOT_THERE,
    start_from="study_visit",
    # Online is not in the citizen's home either (LM121).
    on=lambda fmt: fmt.requirements.on_site and not fmt.requirements.at_citizen_home,
)
def _online_visit(meeting: Meeting) -> Meeting:
    return attrs.evolve(meeting, location=Location(LocationKind.ONLINE))


@breaks(
    WITHOUT_REQUIRED_ROLE,
    start_from="leaders_network",
    least=lambda req: 2 if req.facilitator_required else 1,
)
def _without_role(meeting: Meeting) -> Meeting:
    """The first professional taking part but not facilitating loses the role."""
    first = next(
        a.person
        for a in meeting.taking_part
        if isinstance(a.person, Professional) and a.role is not AttendeeRole.FACILITATOR
    )
    role = {meeting.format.requirements.required_role}
    return _on_professionals(
        meeting,
        lambda p: attrs.evolve(p, roles=p.roles - role) if p == first else p,
    )


@breaks(UNTRAINED_FACILITATOR, start_from="learning_meeting")
def _untrained_facilitator(meeting: Meeting) -> Meeting:
    """The facilitator (a participant made one, if none) has not the training."""
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

    return _replace(_facilitated(meeting, trained=False), untrain)


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
    """The code of the built-in format the hand-built breach of *code* starts from."""
    return BREAKERS[code].start_from


@checked
def breach_formats(
    code: str, *, catalog: Catalog = DEFAULT_CATALOG
) -> tuple[MeetingFormat, ...]:
    """The formats of *catalog* on which the rule *code* can be broken alone.

    Those :func:`breaches` draws on, in the catalogue's order; empty where no
    format of *catalog* can carry the breach alone (another rule would say
    it too, or the rule does not apply).

    >>> [f.code for f in breach_formats("LM106")]
    ['home_meeting']
    >>> len(breach_formats("LM201"))  # a context rule: every built-in format
    11

    Raises:
        UnknownCodeError: No built-in rule has *code*.

    .. versionadded:: 0.4.0
    """
    breaker = BREAKERS[DEFAULT_RULES.rule(code).code]
    return tuple(f for f in catalog.formats if breaker.on(f))


def _refused(breaker: Breaker, fmt: MeetingFormat | None, catalog: Catalog) -> None:
    """Refuse *fmt* (or, ``None``, every format of *catalog*) for the breach."""
    code = breaker.rule.code
    where = [f.code for f in catalog.formats if breaker.on(f)]
    them = ", ".join(where)
    if not where and fmt is not None and _widened(breaker, catalog) is not None:
        fix = Label(
            da="udelad format: så brydes reglen i en mødeform med det krav sat, "
            "der lader den gælde",
            en="leave out format: the rule is then broken in a format with the "
            "requirement set that makes it apply",
        )
    elif not where:
        fix = Label(
            da="giv kataloget en mødeform, hvor reglen gælder, og hvor ingen "
            "anden regel siger det samme",
            en="give the catalogue a format the rule applies to, where no other "
            "rule says the same",
        )
    elif len(where) == 1:
        fix = Label(
            da=f"vælg mødeformen {them}, eller udelad format",
            en=f"pick the format {them}, or leave out format",
        )
    else:
        fix = Label(
            da=f"vælg en af mødeformerne {them}, eller udelad format",
            en=f"pick one of the formats {them}, or leave out format",
        )
    if fmt is None:
        reason = Label(
            da=f"reglen {code} kan ikke brydes alene i nogen af katalogets "
            "mødeformer: den gælder ikke der, eller en anden regel ville også "
            "blive brudt",
            en=f"rule {code} cannot be broken alone in any format of the "
            "catalogue: it does not apply there, or another rule would be broken "
            "too",
        )
    else:
        name = shown(fmt.code)
        reason = Label(
            da=f"reglen {code} kan ikke brydes alene i mødeformen {name.da}: den "
            "gælder ikke der, eller en anden regel ville også blive brudt",
            en=f"rule {code} cannot be broken alone in the format {name.en}: it "
            "does not apply there, or another rule would be broken too",
        )
    raise InvalidValueError(
        reason=reason,
        fix=fix,
        where="breaches",
        path=("format",) if fmt is not None else ("catalog",),
    )


def _widened(breaker: Breaker, catalog: Catalog) -> MeetingFormat | None:
    """The catalogue's format of the breaker's start, widened, if both exist."""
    start = next((f for f in catalog.formats if f.code == breaker.start_from), None)
    if breaker.widen is None or start is None:
        return None
    return breaker.widen(start)


def _drawn(
    breaker: Breaker, fmt: MeetingFormat, catalog: Catalog
) -> SearchStrategy[Breach]:
    valid = meetings(
        format=fmt,
        case_origin=CaseOrigin.CONCRETE if breaker.needs_case else None,
        catalog=catalog,
        min_attendees=breaker.least(fmt.requirements) if breaker.least else 0,
    )
    # A draw the change cannot make an exact breach of (a rare shape of
    # meeting, say a panel whose members cover no smaller panel) is drawn
    # again; the tests hold the breaches of every built-in format to it.
    return valid.map(breaker).filter(_exact)


@checked
def breaches(
    code: str,
    *,
    format: MeetingFormat | str | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Breach]:
    """Meetings (with the context a context rule needs) breaking exactly *code*.

    Every rule can be drawn, errors, warnings and notes alike:
    ``learnmeet.validate(b.meeting, context=b.context).codes == {code}`` holds
    for every generated breach ``b`` — nothing else is reported, not even a
    warning. A warning or a note is the only finding (``report.ok`` holds);
    ``LM105`` is an error in a format that refuses fictional cases and a
    warning on the course day, which flags them.

    Shape: a :class:`Breach` of ``code``, ``meeting`` and ``context``
    (``None`` but for the context rules, ``LM2xx``). The meeting is a valid
    meeting of its format (:func:`meetings`, with its sizes: a handful to a
    few dozen attendees) changed as little as the rule needs — an attendee
    taken away or added, a role, a unit, the case, the location — and keeps
    its format unchanged.

    >>> import learnmeet
    >>> @settings(max_examples=5)
    ... @given(breaches("LM105", format="course_day"))
    ... def test_flagged(breach):
    ...     report = learnmeet.validate(breach.meeting)
    ...     assert report.ok and report.codes == {"LM105"}
    >>> test_flagged()

    Args:
        code: The code of a built-in rule, e.g. ``"LM106"``.
        format: A format, or its code in *catalog*, that the rule can be
            broken alone in (:func:`breach_formats` lists them). ``None``:
            any of them. ``LM103`` can be broken alone in no built-in format
            (the cross-sectoral ones have a host or an audited transition,
            whose rules say it first); where no format of *catalog* carries
            it, it is broken in the catalogue's learning meeting with two
            sectors required.
        catalog: Where formats, professions and sectors come from: your own
            catalogue draws your own formats.

    Raises:
        UnknownCodeError: No built-in rule has *code*, or *catalog* no format
            of that code.
        InvalidValueError: The rule cannot be broken alone in *format*, or
            in any format of *catalog*; the message names the formats of
            *catalog* where it can.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.4.0 *format* and *catalog*: any format the rule
       can fire in, a user's own too; every rule on every such format, and
       the course day's fictional case as the warning it is there.
    """
    rule = DEFAULT_RULES.rule(code)  # an unknown code names the closest known ones
    breaker = BREAKERS[rule.code]
    if format is not None:
        fmt = catalog.format(format) if isinstance(format, str) else format
        if not breaker.on(fmt):
            _refused(breaker, fmt, catalog)
        return _drawn(breaker, fmt, catalog)
    formats = [f for f in catalog.formats if breaker.on(f)]
    if not formats:
        widened = _widened(breaker, catalog)
        if widened is None:
            _refused(breaker, None, catalog)
        assert widened is not None
        formats = [widened]
    return st.sampled_from(formats).flatmap(lambda f: _drawn(breaker, f, catalog))


@checked
def meetings_breaking(
    code: str,
    *,
    format: MeetingFormat | str | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Meeting]:
    """Meetings breaking exactly the format rule *code* (no context needed).

    The meetings of :func:`breaches`, for the rules that need no context;
    *format* and *catalog* as there.

    >>> meeting = find(lst.meetings_breaking("LM106"), lambda _: True, settings=quick)
    >>> lm.validate(meeting).codes == {"LM106"}
    True

    Raises:
        InvalidValueError: *code* is a context rule (``LM2xx``): use
            :func:`breaches`, which gives the context too.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.4.0 *format* and *catalog*.
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
    return breaches(code, format=format, catalog=catalog).map(lambda b: b.meeting)
