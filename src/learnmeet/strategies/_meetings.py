"""Strategies for meetings that fit their format, forums and scenarios."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.catalog._reflection import QUESTION_BANK
from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._cases import CaseOrigin, CitizenCase, PalliativeLevel, Transition
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._cycle import ReflectionCycle
from learnmeet.model._formats import FictionalCase, FormatRequirements, MeetingFormat
from learnmeet.model._forums import Forum
from learnmeet.model._meetings import (
    Attendance,
    Attendee,
    AttendeeRole,
    Cancellation,
    CancellationReason,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participation,
    Reflection,
    Rsvp,
)
from learnmeet.model._people import Area, Organisation, Professional, StaffRole, Unit
from learnmeet.model._reflection import PhaseKind
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN
from learnmeet.rules._case import FICTIONAL_CASE
from learnmeet.strategies._availability import absences, working_patterns
from learnmeet.strategies._cases import consents, transitions
from learnmeet.strategies._common import (
    _REAL_SAYINGS,
    _RULES,
    _TEXT,
    _between,
    _code,
    _days,
    _distinct,
    _pick,
)
from learnmeet.strategies._people import (
    areas,
    citizens,
    labels,
    meeting_formats,
    professionals,
    relatives,
    units,
)
from learnmeet.strategies._projects import programmes


@st.composite
def _format_requirements(draw: st.DrawFn) -> FormatRequirements:
    min_prof = draw(st.integers(0, 3))
    max_prof = draw(st.none() | st.integers(max(min_prof, 1), 6))
    min_att = draw(st.integers(0, 4))
    max_att = draw(st.none() | st.integers(min_att, 30))
    fill = draw(st.none() | st.integers(0, max_att if max_att is not None else 30))
    return FormatRequirements(
        min_professions=min_prof,
        max_professions=max_prof,
        min_sectors=draw(st.integers(0, 3)),
        min_attendees=min_att,
        max_attendees=max_att,
        min_fill=fill,
        case_required=draw(st.booleans()),
        fictional_case=draw(st.sampled_from(FictionalCase)),
        consent_required=draw(st.booleans()),
        transition_required=draw(st.booleans()),
        citizen_present=draw(st.booleans()),
        at_citizen_home=draw(st.booleans()),
        reflection_required=draw(st.booleans()),
        facilitator_required=draw(st.booleans()),
        host_required=draw(st.booleans()),
        min_host_attendees=draw(st.integers(0, 4)),
        max_outside_care_team_share=draw(st.none() | st.floats(0, 1)),
        prerequisite_course=draw(st.none() | st.just("palliation_mono")),
        cohort_by_area=draw(st.booleans()),
        own_citizen=draw(st.booleans()),
        on_site=draw(st.booleans()),
        required_role=draw(st.none() | st.sampled_from(StaffRole)),
        facilitator_course=draw(st.none() | st.just("facilitator_training")),
        max_profession_groups=draw(st.none() | st.integers(max(min_prof, 1), 6)),
        prerequisite_courses=draw(
            st.sampled_from(
                [{}, {"nurse": "palliation_nurse", "sosu": "palliation_sosu"}]
            )
        ),
    )


def format_requirements() -> SearchStrategy[FormatRequirements]:
    """Consistent format requirements (every minimum at most its maximum).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 A required staff role and a facilitator course.
    """
    return _format_requirements()


def locations() -> SearchStrategy[Location]:
    """Locations of any kind; on site, sometimes with a place key and a room.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 A place and a room on site.
    """
    elsewhere = st.builds(
        Location,
        st.sampled_from([LocationKind.CITIZEN_HOME, LocationKind.ONLINE]),
        st.just("") | _TEXT,
    )
    on_site = st.builds(
        Location,
        st.just(LocationKind.ON_SITE),
        st.just("") | _TEXT,
        place=st.none() | _code("sted"),
        room=st.none() | _code("lokale"),
    )
    return elsewhere | on_site


def reflections() -> SearchStrategy[Reflection]:
    """Reflections with one to five bilingual questions.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Reflection,
        st.sampled_from([m.code for m in QUESTION_BANK.models]),
        st.lists(labels(), min_size=1, max_size=5),
    )


def cohorts(area: Area | None = None) -> SearchStrategy[Cohort]:
    """Cohorts of one area.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda a: Cohort(f"hold-{a.code}", a), st.just(area) if area else areas()
    )


def cancellations() -> SearchStrategy[Cancellation]:
    """Cancellations with a reason.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        Cancellation, st.sampled_from(CancellationReason), st.just("") | _TEXT
    )


def attendees() -> SearchStrategy[Attendee]:
    """Professional attendees in any professional role and answer.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda p, role, part, rsvp, came: Attendee(
            person=p, role=role, participation=part, rsvp=rsvp, attended=came
        ),
        professionals(),
        st.sampled_from(
            [
                AttendeeRole.FACILITATOR,
                AttendeeRole.CASE_PRESENTER,
                AttendeeRole.PARTICIPANT,
                AttendeeRole.HOST,
                AttendeeRole.OBSERVER,
            ]
        ),
        st.sampled_from(Participation),
        st.sampled_from(Rsvp),
        st.sampled_from(Attendance),
    )


def _format(
    value: MeetingFormat | str | None, catalog: Catalog
) -> SearchStrategy[MeetingFormat]:
    if value is None:
        return meeting_formats(catalog)
    if isinstance(value, str):
        return st.just(catalog.format(value))
    return st.just(value)


_PRO_ANSWERS = st.sampled_from([Rsvp.ACCEPTED, Rsvp.TENTATIVE, Rsvp.NEEDS_ACTION])
_COUNTED = st.sampled_from([Participation.REQUIRED, Participation.OPTIONAL])


# Strategies _valid_meeting draws from, built once: a strategy made inside a
# composite is new at every draw, and hypothesis checks every new strategy
# before its first draw — that checking cost more than the drawing.
_STARTS = st.datetimes(
    min_value=datetime(2025, 1, 1),
    max_value=datetime(2030, 12, 31),
    timezones=st.just(COPENHAGEN),
    allow_imaginary=False,
)
_MINUTES = st.integers(15, 240).map(lambda m: timedelta(minutes=m))
_STAFF_ROLES = st.frozensets(st.sampled_from(StaffRole), max_size=2)
_FACILITATING = st.sampled_from([StaffRole.KEY_PERSON, StaffRole.FACILITATOR])
_COURSES = st.frozensets(st.just("demens"))
_ORIGINS = st.sampled_from(CaseOrigin)
_LEVELS = st.sampled_from(PalliativeLevel)
_STATUSES = st.sampled_from(MeetingStatus)
_PLACES = st.sampled_from([LocationKind.ON_SITE, LocationKind.ONLINE])
_AREAS = areas()
_CITIZENS = citizens()
_REFLECTIONS = reflections()
_CANCELLATIONS = cancellations()


def _refuse_fictional(fmt: MeetingFormat) -> None:
    raise InvalidValueError(
        reason=Label(
            da=f"mødeformen {fmt.code} med en fiktiv case er aldrig gyldig",
            en=f"a {fmt.code} with a fictional case is never valid",
        ),
        fix=Label(
            da=f"brug breaches({FICTIONAL_CASE.code!r}) til møder med en fiktiv case",
            en=f"use breaches({FICTIONAL_CASE.code!r}) for meetings with a fictional "
            "case",
        ),
        where="meetings",
        path=("case_origin",),
    )


def _valid_completion(draw: st.DrawFn, course: str, day: date) -> CourseCompletion:
    """A completion of *course* that counts on *day*: done before, not expired."""
    done = day - timedelta(days=draw(st.integers(1, 900)))
    expires = draw(st.none() | st.integers(0, 900))
    return CourseCompletion(
        course=course,
        completed_on=done,
        expires_on=None if expires is None else day + timedelta(days=expires),
    )


@st.composite
def _valid_meeting(
    draw: st.DrawFn,
    fmt: MeetingFormat,
    case_origin: CaseOrigin | None,
    catalog: Catalog,
    min_attendees: int,
    max_attendees: int,
    prefix: str,
) -> Meeting:
    req = fmt.requirements
    if (
        req.fictional_case is not FictionalCase.ALLOWED
        and case_origin is CaseOrigin.FICTIONAL
    ):
        _refuse_fictional(fmt)
    start = draw(_STARTS).replace(second=0, microsecond=0)
    duration = draw(_MINUTES) if draw(st.booleans()) else fmt.default_duration
    # How many professions and sectors, and who hosts.
    least_professions = max(req.min_professions, 1)
    n_prof = draw(_between(least_professions, least_professions + 2))
    if req.max_professions is not None:
        n_prof = min(n_prof, req.max_professions)
    least_sectors = max(req.min_sectors, 2 if req.transition_required else 1)
    n_sect = min(draw(_between(least_sectors, least_sectors + 1)), len(catalog.sectors))
    # The facilitator is person 0; the host is the next person, and the host's
    # organisation supplies the first `host_group` people.
    host_index = 1 if req.facilitator_required else 0
    host_group = max(req.min_host_attendees, host_index + 1) if req.host_required else 0
    citizen_seats = 1 if req.citizen_present else 0
    need = max(
        req.min_attendees - citizen_seats,
        (req.min_fill or 0) - citizen_seats,
        n_prof,
        host_group + n_sect - 1,
        n_sect,
        host_index + 1,
        min_attendees,
    )
    most = min(
        (req.max_attendees or need + 6) - citizen_seats, max(need, max_attendees)
    )
    count = draw(_between(need, max(need, min(most, need + 6))))

    pool = list(catalog.professions)
    if req.max_profession_groups is not None:
        # Professions of as many groups as a course for related professions
        # takes (at least min_professions groups, so enough professions).
        groups = sorted({p.group_code for p in pool})
        kept = _distinct(draw, groups, min(req.max_profession_groups, len(groups)))
        pool = [p for p in pool if p.group_code in kept]
        n_prof = min(n_prof, len(pool))
    chosen_professions = _distinct(draw, pool, n_prof)
    chosen_sectors = _distinct(draw, catalog.sectors, n_sect)
    area = draw(_AREAS)
    cohort = Cohort(f"hold-{area.code}", area) if req.cohort_by_area else None
    units_by_sector = {}
    for sector in chosen_sectors:
        org = Organisation(
            f"{prefix}org-{sector.code}", f"Eksempel {sector.label.da}", sector
        )
        units_by_sector[sector.code] = Unit(
            id=f"{prefix}unit-{sector.code}",
            name=f"Enhed, {org.name}",
            organisation=org,
            area=area if req.cohort_by_area or sector.code == "municipality" else None,
        )
    sector_plan = [chosen_sectors[0]] * host_group
    sector_plan += chosen_sectors[1:] if host_group else chosen_sectors
    sector_plan += [
        _pick(draw, chosen_sectors) for _ in range(count - len(sector_plan))
    ]
    profession_plan = list(chosen_professions)
    profession_plan += [
        _pick(draw, chosen_professions) for _ in range(count - len(profession_plan))
    ]
    trained = {req.facilitator_course} if req.facilitator_course else set()
    people = []
    for i in range(count):
        course = req.prerequisite_for(profession_plan[i])
        courses = {course} if course else set()
        roles = set(draw(_STAFF_ROLES))
        needed = set(courses)
        if i == 0 and req.facilitator_required:
            roles.add(draw(_FACILITATING))
            needed |= trained
        elif req.required_role is not None:
            roles.add(req.required_role)
        # Each course the meeting needs is undated, or dated and valid on
        # the meeting's day.
        dated = [
            _valid_completion(draw, code, start.date())
            for code in sorted(needed)
            if draw(st.booleans())
        ]
        undated = needed - {c.course for c in dated}
        people.append(
            Professional(
                id=f"{prefix}p-{i:03d}",
                profession=profession_plan[i],
                unit=units_by_sector[sector_plan[i].code],
                roles=roles,
                completed_courses=undated | draw(_COURSES),
                completions=dated,
            )
        )
    role_of = {p.id: AttendeeRole.PARTICIPANT for p in people}
    if req.facilitator_required:
        role_of[people[0].id] = AttendeeRole.FACILITATOR
    if req.host_required:
        role_of[people[host_index].id] = AttendeeRole.HOST
    # The case.
    wants_case = req.case_required or req.citizen_present or draw(st.booleans())
    case = None
    if wants_case:
        origin = case_origin or (
            CaseOrigin.CONCRETE
            if req.fictional_case is not FictionalCase.ALLOWED
            else draw(_ORIGINS)
        )
        moves: list[Transition] = []
        if req.transition_required:
            pair = (chosen_sectors[0], chosen_sectors[1])
            moves = [
                draw(transitions(between=pair, before=start.date(), catalog=catalog))
            ]
        citizen = draw(_CITIZENS)
        case = CitizenCase(
            id=f"{prefix}case",
            citizen=citizen,
            origin=origin,
            palliative_level=draw(_LEVELS),
            care_team=people,
            relatives=draw(st.lists(relatives(citizen), max_size=1)),
            transitions=moves,
            consent=draw(consents(valid_on=start.date())),
        )
    attending = [
        Attendee(
            person=p,
            role=role_of[p.id],
            participation=draw(_COUNTED),
            rsvp=draw(_PRO_ANSWERS),
        )
        for p in people
    ]
    if case is not None and req.citizen_present:
        attending.append(
            Attendee(person=case.citizen, role=AttendeeRole.CITIZEN, rsvp=Rsvp.ACCEPTED)
        )
    elif case is not None and draw(st.booleans()):
        attending.append(
            Attendee(
                person=case.citizen,
                role=AttendeeRole.CITIZEN,
                participation=Participation.INFORMATION_ONLY,
            )
        )
    status = draw(_STATUSES)
    return Meeting(
        id=f"{prefix}m",
        format=fmt,
        start=start,
        duration=duration,
        location=Location(
            LocationKind.CITIZEN_HOME
            if req.at_citizen_home
            else LocationKind.ON_SITE
            if req.on_site
            else draw(_PLACES)
        ),
        attendees=attending,
        case=case,
        reflection=draw(_REFLECTIONS),
        status=status,
        cancellation=draw(_CANCELLATIONS)
        if status is MeetingStatus.CANCELLED
        else None,
        cohort=cohort,
    )


def meetings(
    *,
    format: MeetingFormat | str | None = None,
    case_origin: CaseOrigin | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
    min_attendees: int = 0,
    max_attendees: int = 30,
) -> SearchStrategy[Meeting]:
    """Meetings that fit their format: :func:`learnmeet.validate` finds nothing.

    Args:
        format: A format or its code; any format of *catalog* by default.
        case_origin: The origin of the case, where the format allows it.
        catalog: Where formats, professions and sectors come from.
        min_attendees: Generate at least this many professional attendees.
        max_attendees: And at most this many (formats' own limits still hold).

    Raises:
        UnknownCodeError: *format* is a code the catalogue does not know.
        InvalidValueError: *case_origin* is fictional for a format that
            refuses fictional cases.

    .. versionadded:: 0.1.0
    """
    fixed = catalog.format(format) if isinstance(format, str) else format
    if (
        fixed is not None
        and case_origin is CaseOrigin.FICTIONAL
        and fixed.requirements.fictional_case is not FictionalCase.ALLOWED
    ):
        _refuse_fictional(fixed)
    return _format(format, catalog).flatmap(
        lambda fmt: _valid_meeting(
            fmt, case_origin, catalog, min_attendees, max_attendees, ""
        )
    )


@st.composite
def _forums(draw: st.DrawFn, *, catalog: Catalog = DEFAULT_CATALOG) -> Forum:
    area = draw(areas())
    unit = draw(units(area=area, catalog=catalog))
    members = draw(
        st.lists(
            professionals(area=area, catalog=catalog),
            min_size=1,
            max_size=8,
            unique_by=lambda p: p.id,
        )
    )
    first = datetime.combine(
        draw(_days(high=date(2029, 12, 31))),
        time(draw(st.integers(8, 14)), draw(st.sampled_from([0, 15, 30, 45]))),
        tzinfo=COPENHAGEN,
    )
    return Forum(
        id=draw(_code("forum")),
        name=f"Mødeforum, {unit.name}",
        unit=unit,
        members=members,
        first_start=first,
        duration=timedelta(minutes=draw(st.sampled_from([30, 45, 60, 90]))),
        recurrence=draw(st.sampled_from(_RULES)),
    )


def forums(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Forum]:
    """Forums: a unit's recurring meeting with its members and a weekly-ish rule.

    .. versionadded:: 0.1.0
    """
    return _forums(catalog=catalog)


def _numbered_meeting(catalog: Catalog, number: int) -> SearchStrategy[Meeting]:
    return _format(None, catalog).flatmap(
        lambda fmt: _valid_meeting(fmt, None, catalog, 0, 12, f"s{number}-")
    )


def _members_agree(drawn: list[Forum]) -> bool:
    """Whether one id is one professional in all *drawn* forums.

    Forums are drawn apart; a scenario's document can hold each id once.
    """
    seen: dict[str, Professional] = {}
    return all(seen.setdefault(p.id, p) == p for forum in drawn for p in forum.members)


@st.composite
def _scenarios(draw: st.DrawFn, *, catalog: Catalog = DEFAULT_CATALOG) -> Scenario:
    count = draw(st.integers(0, 3))
    found = [draw(_numbered_meeting(catalog, i)) for i in range(count)]
    people = {p.id: p for m in found for p in m.professionals}
    units_ = {p.unit.id: p.unit for p in people.values()}
    orgs = {u.organisation.id: u.organisation for u in units_.values()}
    areas_ = {u.area.code: u.area for u in units_.values() if u.area is not None}
    cases = {m.case.id: m.case for m in found if m.case is not None}
    return Scenario(
        name=draw(_TEXT),
        areas=sorted(areas_.values(), key=lambda a: a.code),
        organisations=sorted(orgs.values(), key=lambda o: o.id),
        units=sorted(units_.values(), key=lambda u: u.id),
        professionals=sorted(people.values(), key=lambda p: p.id),
        cases=sorted(cases.values(), key=lambda c: c.id),
        forums=draw(
            st.lists(
                forums(catalog=catalog), max_size=2, unique_by=lambda f: f.id
            ).filter(_members_agree)
        ),
        meetings=found,
        working_patterns=[
            draw(working_patterns(professional=pid))
            for pid in sorted(people)
            if draw(_SOMETIMES)
        ],
        absences=[
            draw(absences(professional=pid))
            for pid in sorted(people)
            if draw(_SOMETIMES)
        ],
        programmes=[draw(programmes(meetings=found))] if draw(_SOMETIMES) else [],
        cycles=[
            _cycle_of(draw, m) for m in found if draw(_SOMETIMES) and m.professionals
        ],
    )


_CYCLE_MODELS = st.sampled_from(["kolb", "after_action_review", "gibbs"])


def _cycle_of(draw: st.DrawFn, meeting: Meeting) -> ReflectionCycle:
    """A closed cycle of *meeting*, in valid steps, said by its professionals.

    Each phase has a contribution; the conclusion sometimes a learning
    point, the action phase sometimes an action owned by whoever spoke.
    """
    people = list(meeting.professionals)
    cycle = ReflectionCycle.start(
        QUESTION_BANK.model(draw(_CYCLE_MODELS)),
        subject=meeting.case.id if meeting.case is not None else meeting.id,
        meeting=meeting.id,
    )
    for n in range(len(cycle.model.phases)):
        who = people[n % len(people)]
        cycle = cycle.contribute(who, draw(_REAL_SAYINGS))
        kind = cycle.phase.kind
        if kind is PhaseKind.CONCLUSION and draw(st.booleans()):
            cycle = cycle.learn(draw(_REAL_SAYINGS), tags={"face_to_face"})
        if kind is PhaseKind.ACTION and draw(st.booleans()):
            due = meeting.start.date() + timedelta(days=14)
            cycle = cycle.act(f"a-{n}", draw(_REAL_SAYINGS), owner=who, due=due)
        if not cycle.is_last_phase:
            cycle = cycle.advance()
    return cycle.close(carry=True)


_SOMETIMES = st.integers(0, 3).map(lambda n: n == 0)


def scenarios(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Scenario]:
    """Scenarios whose meetings, people and places are consistent.

    Now and then a professional has a working pattern or an absence, and a
    meeting a closed reflection cycle (:attr:`Scenario.cycles
    <learnmeet.Scenario.cycles>`) said by its professionals.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Working patterns and absences.
    .. versionchanged:: 0.3.0 Now and then a programme of its meetings, and
       reflection cycles of its meetings.
    """
    return _scenarios(catalog=catalog)
