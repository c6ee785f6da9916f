"""Hypothesis strategies for learnmeet's values, for your own test suites.

Install the extra (``pip install learnmeet[hypothesis]``); this module is never
imported by :mod:`learnmeet` itself. Every strategy generates values that are
valid by construction — a generated :class:`~learnmeet.Meeting` fits its
format, so :func:`learnmeet.validate` reports no violation — and, for every
rule, :func:`breaches` generates meetings that break exactly that rule:

>>> from hypothesis import given
>>> import learnmeet
>>> from learnmeet import strategies as lst
>>> @given(lst.meetings(format="home_meeting"))
... def test_home_meetings_are_valid(meeting):
...     assert learnmeet.validate(meeting).ok
>>> test_home_meetings_are_valid()
>>> @given(lst.breaches("LM106"))
... def test_absent_citizen_is_reported(breach):
...     report = learnmeet.validate(breach.meeting, context=breach.context)
...     assert report.codes == {"LM106"}
>>> test_absent_citizen_is_reported()

The package registers these strategies with hypothesis through its entry
point, so ``st.from_type(learnmeet.Meeting)`` works without importing this
module.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet._breaches import BREAKERS, Breach, breaker_format
from learnmeet.catalog import DEFAULT_CATALOG, QUESTION_BANK, Catalog
from learnmeet.exceptions import InvalidValueError, UnknownCodeError
from learnmeet.model import (
    COPENHAGEN,
    LEARNING_TAGS,
    Action,
    ActionStatus,
    Answer,
    Area,
    Attendance,
    Attendee,
    AttendeeRole,
    Audience,
    Cancellation,
    CancellationReason,
    CaseOrigin,
    Citizen,
    CitizenCase,
    Cohort,
    Consent,
    Contribution,
    Eligibility,
    FictionalCase,
    FormatRequirements,
    Forum,
    HandoverDocument,
    Invitation,
    ItemKind,
    KirkpatrickLevel,
    Label,
    LearningPoint,
    Location,
    LocationKind,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    Organisation,
    Outcome,
    PalliativeLevel,
    Participation,
    PhaseKind,
    Profession,
    Professional,
    Question,
    QuestionBank,
    Quote,
    QuoteSource,
    Reflection,
    ReflectionCycle,
    ReflectionModel,
    ReflectionPhase,
    Relation,
    Relative,
    Response,
    Rsvp,
    Scenario,
    Sector,
    StaffRole,
    Survey,
    SurveyItem,
    Theme,
    Transition,
    TransitionKind,
    Unit,
    WorkingHours,
    invite,
)
from learnmeet.model._lookup import closest
from learnmeet.planning import (
    BusyIndex,
    CourseSession,
    Interval,
    MeetingRequest,
    Series,
)

__all__ = [
    "Breach",
    "SurveyData",
    "actions",
    "answers",
    "areas",
    "attendees",
    "breaches",
    "busy_indexes",
    "cancellations",
    "citizen_cases",
    "citizens",
    "cohorts",
    "consents",
    "contributions",
    "course_sessions",
    "format_requirements",
    "forums",
    "intervals",
    "invitations",
    "labels",
    "learning_points",
    "locations",
    "meeting_formats",
    "meeting_requests",
    "meetings",
    "meetings_breaking",
    "organisations",
    "professionals",
    "professions",
    "question_banks",
    "questions",
    "quotes",
    "reflection_cycles",
    "reflection_models",
    "reflection_phases",
    "reflections",
    "relatives",
    "responses",
    "scenarios",
    "sectors",
    "series",
    "survey_data",
    "survey_items",
    "surveys",
    "themes",
    "transitions",
    "units",
    "working_hours",
]

_FIRST_DAY = date(2024, 1, 1)
_LAST_DAY = date(2030, 12, 31)
_WORDS = st.sampled_from(
    ["nord", "syd", "øst", "vest", "midt", "by", "land", "kyst", "skov", "å"]
)
_TEXT = st.text(
    st.characters(codec="utf-8", categories=["L", "Zs"], exclude_characters="\x85"),
    min_size=1,
    max_size=20,
).filter(str.strip)
_RULES = (
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=MONTHLY;BYDAY=1WE",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
)


def _code(prefix: str) -> SearchStrategy[str]:
    # At most four digits: never a CPR-like run of ten.
    return st.integers(min_value=0, max_value=9999).map(lambda n: f"{prefix}-{n:04d}")


def labels() -> SearchStrategy[Label]:
    """Labels with non-blank Danish and English texts.

    .. versionadded:: 0.1.0
    """
    return st.builds(Label, da=_TEXT, en=_TEXT)


def professions(catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Profession]:
    """Professions from *catalog* (the built-in ones by default).

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(catalog.professions)


def sectors(catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Sector]:
    """Sectors from *catalog*.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(catalog.sectors)


def meeting_formats(
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[MeetingFormat]:
    """Meeting formats from *catalog*.

    .. versionadded:: 0.1.0
    """
    return st.sampled_from(catalog.formats)


def areas() -> SearchStrategy[Area]:
    """Municipal areas with a short code and a bilingual name.

    .. versionadded:: 0.1.0
    """
    return _WORDS.map(lambda w: Area(w, Label(f"Område {w}", f"Area {w}")))


def organisations(
    *, sector: Sector | None = None, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Organisation]:
    """Organisations in *sector* (any sector of *catalog* by default).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda s, n: Organisation(f"org-{s.code}-{n}", f"Eksempel {s.label.da} {n}", s),
        st.just(sector) if sector is not None else sectors(catalog),
        st.integers(min_value=1, max_value=9),
    )


def units(
    *,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Unit]:
    """Units of an organisation, in *area* if given (else any area or none).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda org, a: Unit(
            id=f"unit-{org.id}", name=f"Enhed, {org.name}", organisation=org, area=a
        ),
        organisations(sector=sector, catalog=catalog),
        st.just(area) if area is not None else st.none() | areas(),
    )


def professionals(
    *,
    profession: Profession | None = None,
    sector: Sector | None = None,
    area: Area | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Professional]:
    """Professionals, optionally of one profession, sector or area.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda id, prof, unit, roles, courses: Professional(
            id=id,
            profession=prof,
            unit=unit,
            roles=roles,
            completed_courses=courses,
        ),
        _code("p"),
        st.just(profession) if profession is not None else professions(catalog),
        units(sector=sector, area=area, catalog=catalog),
        st.frozensets(st.sampled_from(StaffRole)),
        st.frozensets(st.sampled_from(["palliation_mono", "demens", "lindring"])),
    )


def citizens() -> SearchStrategy[Citizen]:
    """Citizens known by a pseudonym such as ``B-0017``.

    .. versionadded:: 0.1.0
    """
    return _code("B").map(Citizen)


def relatives(citizen: Citizen | None = None) -> SearchStrategy[Relative]:
    """Relatives of *citizen* (of a generated citizen by default).

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda c, n, rel: Relative(
            id=f"{c.pseudonym}-R{n}", citizen=c.pseudonym, relation=rel
        ),
        st.just(citizen) if citizen is not None else citizens(),
        st.integers(min_value=1, max_value=9),
        st.sampled_from(Relation),
    )


def _days(low: date = _FIRST_DAY, high: date = _LAST_DAY) -> SearchStrategy[date]:
    return st.dates(min_value=low, max_value=high)


@st.composite
def _transitions(
    draw: st.DrawFn,
    *,
    between: tuple[Sector, Sector] | None = None,
    before: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> Transition:
    if between is None:
        first, second = draw(
            st.lists(
                sectors(catalog), min_size=2, max_size=2, unique_by=lambda s: s.code
            )
        )
    else:
        first, second = between
    return Transition(
        on=draw(_days(high=(before or _LAST_DAY))),
        from_sector=first,
        to_sector=second,
        kind=draw(st.sampled_from(TransitionKind)),
        documents=draw(st.frozensets(st.sampled_from(HandoverDocument))),
        rehabilitation_needed=draw(st.booleans()),
    )


def transitions(
    *,
    between: tuple[Sector, Sector] | None = None,
    before: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[Transition]:
    """Transitions between two different sectors, optionally before a day.

    .. versionadded:: 0.1.0
    """
    return _transitions(between=between, before=before, catalog=catalog)


@st.composite
def _consents(draw: st.DrawFn, *, valid_on: date | None = None) -> Consent:
    if valid_on is None:
        given = draw(_days())
        expires = draw(st.none() | _days(low=given))
        withdrawn = draw(st.none() | _days(low=given))
        return Consent(given_on=given, expires_on=expires, withdrawn_on=withdrawn)
    two_years = timedelta(days=730)
    earliest = valid_on - min(two_years, valid_on - date.min)
    latest = valid_on + min(two_years, date.max - valid_on)
    given = draw(_days(low=earliest, high=valid_on))
    expires = draw(st.none() | _days(low=valid_on, high=latest))
    return Consent(given_on=given, expires_on=expires)


def consents(*, valid_on: date | None = None) -> SearchStrategy[Consent]:
    """Consents; with *valid_on*, ones that cover that day.

    .. versionadded:: 0.1.0
    """
    return _consents(valid_on=valid_on)


@st.composite
def _citizen_cases(
    draw: st.DrawFn,
    *,
    origin: CaseOrigin | None = None,
    with_transition: bool | None = None,
    care_team: tuple[Professional, ...] | None = None,
    consent_on: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> CitizenCase:
    citizen = draw(citizens())
    team = (
        care_team
        if care_team is not None
        else tuple(
            draw(
                st.lists(
                    professionals(catalog=catalog),
                    max_size=5,
                    unique_by=lambda p: p.id,
                )
            )
        )
    )
    wanted = draw(st.booleans()) if with_transition is None else with_transition
    moves = (
        sorted(
            draw(
                st.lists(
                    transitions(before=consent_on, catalog=catalog),
                    min_size=1,
                    max_size=3,
                )
            ),
            key=lambda t: t.on,
        )
        if wanted
        else []
    )
    return CitizenCase(
        id=draw(_code("c")),
        citizen=citizen,
        origin=origin or draw(st.sampled_from(CaseOrigin)),
        palliative_level=draw(st.sampled_from(PalliativeLevel)),
        care_team=team,
        relatives=draw(
            st.lists(relatives(citizen), max_size=2, unique_by=lambda r: r.id)
        ),
        transitions=moves,
        consent=draw(
            consents(valid_on=consent_on) if consent_on else st.none() | consents()
        ),
    )


def citizen_cases(
    *,
    origin: CaseOrigin | None = None,
    with_transition: bool | None = None,
    care_team: tuple[Professional, ...] | None = None,
    consent_on: date | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[CitizenCase]:
    """Citizen cases, concrete or fictional, with or without transitions.

    Args:
        origin: Concrete or fictional; either by default.
        with_transition: Require (``True``) or forbid (``False``) transitions.
        care_team: The care team; a generated one by default.
        consent_on: A day the case's consent must cover.
        catalog: Where professions and sectors come from.

    .. versionadded:: 0.1.0
    """
    return _citizen_cases(
        origin=origin,
        with_transition=with_transition,
        care_team=care_team,
        consent_on=consent_on,
        catalog=catalog,
    )


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
    )


def format_requirements() -> SearchStrategy[FormatRequirements]:
    """Consistent format requirements (every minimum at most its maximum).

    .. versionadded:: 0.1.0
    """
    return _format_requirements()


def locations() -> SearchStrategy[Location]:
    """Locations of any kind.

    .. versionadded:: 0.1.0
    """
    return st.builds(Location, st.sampled_from(LocationKind), st.just("") | _TEXT)


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


T = TypeVar("T")

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


@functools.lru_cache(maxsize=512)
def _between(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(low, high)


def _pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of *items*, shrinking towards the first, like ``sampled_from``."""
    return items[draw(_between(0, len(items) - 1))]


@functools.lru_cache(maxsize=512)
def _distinct_indices(size: int, count: int) -> SearchStrategy[list[int]]:
    return st.lists(_between(0, size - 1), min_size=count, max_size=count, unique=True)


def _distinct(draw: st.DrawFn, items: Sequence[T], count: int) -> list[T]:
    """*count* different entries of *items*, shrinking towards the first ones."""
    return [items[i] for i in draw(_distinct_indices(len(items), count))]


def _refuse_fictional(fmt: MeetingFormat) -> None:
    raise InvalidValueError(
        f"meetings: a {fmt.code} with a fictional case is never valid; use "
        "breaches('LM105') for that",
        f"meetings: mødeformen {fmt.code} med en fiktiv case er aldrig gyldig; brug "
        "breaches('LM105') til det",
        field="case_origin",
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

    chosen_professions = _distinct(draw, catalog.professions, n_prof)
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
    courses = {req.prerequisite_course} if req.prerequisite_course else set()
    people = []
    for i in range(count):
        roles = set(draw(_STAFF_ROLES))
        if i == 0 and req.facilitator_required:
            roles.add(draw(_FACILITATING))
        people.append(
            Professional(
                id=f"{prefix}p-{i:03d}",
                profession=profession_plan[i],
                unit=units_by_sector[sector_plan[i].code],
                roles=roles,
                completed_courses=courses | draw(_COURSES),
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
            LocationKind.CITIZEN_HOME if req.at_citizen_home else draw(_PLACES)
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
            st.lists(forums(catalog=catalog), max_size=2, unique_by=lambda f: f.id)
        ),
        meetings=found,
    )


def scenarios(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Scenario]:
    """Scenarios whose meetings, people and places are consistent.

    .. versionadded:: 0.1.0
    """
    return _scenarios(catalog=catalog)


def working_hours() -> SearchStrategy[WorkingHours]:
    """Working hours: a start before an end, on one or more weekdays.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, length, days: WorkingHours(
            start=time(start), end=time(min(start + length, 23)), weekdays=days
        ),
        st.integers(0, 12),
        st.integers(1, 12),
        st.frozensets(st.integers(0, 6), min_size=1),
    )


def series() -> SearchStrategy[Series]:
    """Recurring series in Copenhagen time, weekly-ish, ending after a count.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, rule, count: Series(start=start, rule=f"{rule};COUNT={count}"),
        st.datetimes(
            min_value=datetime(2024, 1, 1),
            max_value=datetime(2030, 12, 31),
            timezones=st.just(COPENHAGEN),
            allow_imaginary=False,
        ).map(lambda d: d.replace(second=0, microsecond=0, fold=0)),
        st.sampled_from(_RULES),
        st.integers(1, 60),
    )


def _later(start: datetime, minutes: int) -> datetime:
    """*minutes* of elapsed time after *start*, in its zone (fold-safe)."""
    moment = start.astimezone(timezone.utc) + timedelta(minutes=minutes)
    return moment.astimezone(start.tzinfo)


def intervals() -> SearchStrategy[Interval]:
    """Intervals of 15 minutes to a day, in Copenhagen time.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda start, minutes: Interval(start, _later(start, minutes)),
        st.datetimes(
            min_value=datetime(2024, 1, 1),
            max_value=datetime(2030, 12, 31),
            timezones=st.just(COPENHAGEN),
            allow_imaginary=False,
        ),
        st.integers(15, 24 * 60),
    )


def busy_indexes(
    *, people: Sequence[str] | None = None, max_intervals: int = 12
) -> SearchStrategy[BusyIndex]:
    """Indexes of busy time: up to *max_intervals* intervals per person.

    Args:
        people: The person keys; by default one to four synthetic ones.
        max_intervals: The most intervals a person has (overlaps included).

    .. versionadded:: 0.2.0
    """
    keys = (
        st.just(list(people))
        if people is not None
        else st.lists(
            st.from_regex(r"professional:p-[0-9]{3}", fullmatch=True),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    return keys.flatmap(
        lambda names: st.fixed_dictionaries(
            {k: st.lists(intervals(), max_size=max_intervals) for k in names}
        )
    ).map(BusyIndex)


@st.composite
def _meeting_requests(draw: st.DrawFn, *, catalog: Catalog) -> MeetingRequest:
    meeting = draw(meetings(catalog=catalog))
    first = draw(_days(low=date(2025, 1, 1), high=date(2030, 12, 1)))
    return MeetingRequest(
        id=meeting.id,
        format=meeting.format,
        attendees=meeting.attendees,
        earliest=first,
        latest=first + timedelta(days=draw(st.integers(0, 60))),
        duration=meeting.duration,
        case=meeting.case,
        reflection=meeting.reflection,
        location=meeting.location,
    )


def meeting_requests(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[MeetingRequest]:
    """Requests for meetings that fit their format, with a window of days.

    .. versionadded:: 0.1.0
    """
    return _meeting_requests(catalog=catalog)


def course_sessions(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[CourseSession]:
    """Course-day sessions for one area's cohort.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda cohort, day: CourseSession(
            id=f"kursusdag-{cohort.area.code}",
            format=catalog.format("course_day"),
            cohort=cohort,
            start=datetime.combine(day, time(9), tzinfo=COPENHAGEN),
        ),
        cohorts(),
        _days(low=date(2025, 1, 1)),
    )


def breaches(code: str) -> SearchStrategy[Breach]:
    """Meetings (with the context a context rule needs) breaking exactly *code*.

    ``learnmeet.validate(b.meeting, context=b.context).codes == {code}`` holds
    for every generated breach ``b``.

    Raises:
        UnknownCodeError: No built-in rule has *code*.

    .. versionadded:: 0.1.0
    """
    if code not in BREAKERS:
        raise UnknownCodeError("rule", code, closest(code, sorted(BREAKERS)))
    breaker = BREAKERS[code][1]
    return meetings(format=breaker_format(code)).map(breaker)


def meetings_breaking(code: str) -> SearchStrategy[Meeting]:
    """Meetings breaking exactly the format rule *code* (no context needed).

    .. versionadded:: 0.1.0
    """
    if code.startswith("LM2"):
        raise InvalidValueError(
            f"meetings_breaking: {code} needs a context; use breaches({code!r})",
            f"meetings_breaking: {code} kræver en kontekst; brug breaches({code!r})",
            field="code",
        )
    return breaches(code).map(lambda b: b.meeting)


# -- reflection ----------------------------------------------------------------

_KINDS = tuple(PhaseKind)


@st.composite
def _questions(draw: st.DrawFn, *, id: str, catalog: Catalog) -> Question:
    return Question(
        id=id,
        text=draw(labels()),
        audiences=draw(st.frozensets(st.sampled_from(Audience), min_size=1)),
        formats=draw(st.frozensets(st.sampled_from([f.code for f in catalog.formats]))),
    )


def questions(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Question]:
    """Reflection questions for some audiences and, at times, some formats.

    .. versionadded:: 0.1.0
    """
    return _code("q").flatmap(lambda id: _questions(id=id, catalog=catalog))


@st.composite
def _reflection_models(draw: st.DrawFn, *, catalog: Catalog) -> ReflectionModel:
    extra = draw(st.lists(st.sampled_from(_KINDS), max_size=5))
    kinds = sorted(
        [PhaseKind.DESCRIPTION, PhaseKind.ACTION, *extra], key=lambda k: k.rank
    )
    code = draw(_code("model"))
    phases = []
    for index, kind in enumerate(kinds):
        phase = f"{kind.code}-{index}"
        count = draw(st.integers(1, 3))
        phases.append(
            ReflectionPhase(
                code=phase,
                label=draw(labels()),
                kind=kind,
                questions=[
                    draw(_questions(id=f"{code}.{phase}.{n}", catalog=catalog))
                    for n in range(count)
                ],
            )
        )
    return ReflectionModel(code=code, label=draw(labels()), phases=phases)


def reflection_models(
    *, catalog: Catalog = DEFAULT_CATALOG, builtin: bool | None = None
) -> SearchStrategy[ReflectionModel]:
    """Reflection models: the built-in ones and generated ones.

    Generated models have phases in a valid order, with at least one
    description and one action phase.

    Args:
        catalog: Where the format codes of questions come from.
        builtin: ``True`` for built-in models only, ``False`` for generated
            ones only, ``None`` (the default) for both.

    .. versionadded:: 0.1.0
    """
    made = _reflection_models(catalog=catalog)
    known = st.sampled_from(QUESTION_BANK.models)
    if builtin is None:
        return known | made
    return known if builtin else made


def question_banks(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[QuestionBank]:
    """Question banks: the built-in bank extended with zero to two models.

    .. versionadded:: 0.1.0
    """
    return st.lists(
        reflection_models(catalog=catalog, builtin=False),
        max_size=2,
        unique_by=lambda m: m.code,
    ).map(QUESTION_BANK.extend)


_SAYINGS = st.sampled_from(
    [
        "Vi så et fald i går",
        "Hospitalet vidste ikke, at vi kommer dagligt",
        "Borgeren ønsker at blive hjemme",
        "Epikrisen manglede genoptræningsplanen",
        "Vi kendte ikke hinandens telefonnumre",
        "Palliationsteamet kan rådgive os",
    ]
)
_PEOPLE = [f"professional:p-{n:04d}" for n in range(1, 7)]


@st.composite
def _steps(draw: st.DrawFn, cycle: ReflectionCycle, stop: int) -> ReflectionCycle:
    """Walk *cycle* forward with valid steps until phase *stop*."""
    number = len(cycle.actions)
    while True:
        for _ in range(draw(st.integers(1, 3))):
            cycle = cycle.contribute(draw(st.sampled_from(_PEOPLE)), draw(_SAYINGS))
        if cycle.phase.kind.rank >= PhaseKind.REFLECTION.rank and draw(st.booleans()):
            tags = draw(st.frozensets(st.sampled_from(sorted(LEARNING_TAGS))))
            cycle = cycle.learn(draw(_SAYINGS), tags=tags)
        if cycle.phase.kind is PhaseKind.ACTION:
            for _ in range(draw(st.integers(0, 2))):
                number += 1
                cycle = cycle.act(
                    f"{cycle.meeting}-a{number}",
                    draw(_SAYINGS),
                    owner=draw(st.sampled_from(_PEOPLE)),
                    due=draw(_days()),
                )
        for action in cycle.open_actions:
            if draw(st.integers(0, 3)) == 0:
                status = draw(
                    st.sampled_from([ActionStatus.DONE, ActionStatus.DROPPED])
                )
                cycle = cycle.settle(action.id, status)
        if cycle.position >= stop:
            return cycle
        cycle = cycle.advance()


@st.composite
def _reflection_cycles(
    draw: st.DrawFn,
    *,
    model: ReflectionModel | None,
    closed: bool | None,
    catalog: Catalog,
) -> ReflectionCycle:
    chosen = model if model is not None else draw(reflection_models(catalog=catalog))
    last = len(chosen.phases) - 1
    subject = draw(_code("case"))
    previous = None
    if draw(st.booleans()):
        earlier = ReflectionCycle.start(chosen, subject=subject, meeting="m-0")
        previous = draw(_steps(earlier, last)).close(carry=True)
    cycle = ReflectionCycle.start(
        chosen, subject=subject, meeting="m-1", previous=previous
    )
    closing = draw(st.booleans()) if closed is None else closed
    stop = last if closing else draw(st.integers(0, last))
    cycle = draw(_steps(cycle, stop))
    return cycle.close(carry=True) if closing else cycle


def reflection_cycles(
    *,
    model: ReflectionModel | None = None,
    closed: bool | None = None,
    catalog: Catalog = DEFAULT_CATALOG,
) -> SearchStrategy[ReflectionCycle]:
    """Reflection cycles at any phase, built by valid steps only.

    Some continue an earlier meeting's closed cycle and start with its open
    actions; some have contributions, learning points and actions, some
    actions settled.

    Args:
        model: Follow this model; any model by default.
        closed: ``True`` for closed cycles only, ``False`` for open ones only.
        catalog: Where the format codes of generated questions come from.

    .. versionadded:: 0.1.0
    """
    return _reflection_cycles(model=model, closed=closed, catalog=catalog)


# -- surveys and evaluation ----------------------------------------------------


@st.composite
def _survey_items(draw: st.DrawFn, *, id: str, yield_item: bool) -> SurveyItem:
    kind = ItemKind.LIKERT if yield_item else draw(st.sampled_from(ItemKind))
    return SurveyItem(
        id=id,
        text=draw(labels()),
        level=draw(st.sampled_from(KirkpatrickLevel)),
        kind=kind,
        scale=draw(st.sampled_from([4, 5, 7])) if kind is ItemKind.LIKERT else 5,
        measures_yield=yield_item or (kind is ItemKind.LIKERT and draw(st.booleans())),
    )


def survey_items() -> SearchStrategy[SurveyItem]:
    """Survey items: Likert (4, 5 or 7 points) and free text, at every level.

    .. versionadded:: 0.1.0
    """
    return _code("item").flatmap(lambda id: _survey_items(id=id, yield_item=False))


@st.composite
def _surveys(draw: st.DrawFn) -> Survey:
    count = draw(st.integers(1, 6))
    first = draw(st.integers(0, count - 1))
    items = [
        draw(_survey_items(id=f"item-{n}", yield_item=n == first)) for n in range(count)
    ]
    return Survey(id=draw(_code("survey")), title=draw(labels()), items=items)


def surveys() -> SearchStrategy[Survey]:
    """Surveys of one to six items, at least one of them measuring yield.

    .. versionadded:: 0.1.0
    """
    return _surveys()


def quotes(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Quote]:
    """Pseudonymised quotes from focus groups, interviews and free text.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda text, speaker, source, profession: Quote(
            text=text, speaker=speaker, source=source, profession=profession
        ),
        _SAYINGS,
        _code("FG"),
        st.sampled_from(QuoteSource),
        st.none() | professions(catalog),
    )


def themes(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Theme]:
    """Themes with zero to three quotes.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda code, label, found: Theme(code=code, label=label, quotes=found),
        st.sampled_from(sorted(LEARNING_TAGS)),
        labels(),
        st.lists(quotes(catalog=catalog), max_size=3),
    )


class SurveyData(NamedTuple):
    """A survey with meetings, invitations and responses that fit together.

    .. versionadded:: 0.1.0
    """

    survey: Survey
    meetings: tuple[Meeting, ...]
    invitations: tuple[Invitation, ...]
    responses: tuple[Response, ...]


@st.composite
def _answers(draw: st.DrawFn, survey: Survey, complete: bool) -> tuple[Answer, ...]:
    out = []
    for item in survey.items:
        if item.kind is ItemKind.FREE_TEXT:
            if draw(st.booleans()):
                out.append(Answer(item=item.id, text=draw(_SAYINGS)))
        elif complete or draw(st.booleans()):
            out.append(Answer(item=item.id, score=draw(st.integers(1, item.scale))))
    if not out:  # a partial response answers something
        item = next(i for i in survey.items if i.measures_yield)
        out.append(Answer(item=item.id, score=draw(st.integers(1, item.scale))))
    return tuple(out)


@st.composite
def _survey_data(draw: st.DrawFn, *, catalog: Catalog, max_meetings: int) -> SurveyData:
    survey = draw(surveys())
    count = draw(st.integers(1, max_meetings))
    found = [draw(_numbered_meeting(catalog, i)) for i in range(count)]
    invitations: list[Invitation] = []
    responses: list[Response] = []
    for meeting in found:
        for invitation in invite(survey, [meeting]):
            invitation = attrs.evolve(
                invitation,
                eligibility=draw(st.sampled_from(Eligibility))
                if draw(st.integers(0, 4)) == 0
                else Eligibility.ELIGIBLE,
                outcome=draw(st.sampled_from(Outcome)),
            )
            invitations.append(invitation)
            answer = draw(st.sampled_from(["complete", "partial", "none"]))
            if answer != "none":
                responses.append(
                    Response(
                        invitation=invitation.id,
                        answers=draw(_answers(survey, answer == "complete")),
                    )
                )
    return SurveyData(survey, tuple(found), tuple(invitations), tuple(responses))


def survey_data(
    *, catalog: Catalog = DEFAULT_CATALOG, max_meetings: int = 4
) -> SearchStrategy[SurveyData]:
    """A survey, its meetings, invitations and responses, consistent together.

    Every invitation is for the survey and one of the meetings, every
    response answers one invitation with scores on the items' scales, so
    :func:`learnmeet.evaluate` accepts the data.

    .. versionadded:: 0.1.0
    """
    return _survey_data(catalog=catalog, max_meetings=max_meetings)


# -- the parts of cycles and surveys, one by one --------------------------------


def reflection_phases(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[ReflectionPhase]:
    """Phases of built-in and generated reflection models.

    .. versionadded:: 0.1.0
    """
    return reflection_models(catalog=catalog).flatmap(
        lambda m: st.sampled_from(m.phases)
    )


def contributions(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Contribution]:
    """Contributions by professionals (with their profession) and by citizens.

    .. versionadded:: 0.1.0
    """
    by_professional = st.builds(
        lambda phase, person, profession, text: Contribution(
            phase=phase, person=person, profession=profession, text=text
        ),
        st.sampled_from([k.code for k in PhaseKind]),
        st.sampled_from(_PEOPLE),
        professions(catalog),
        _SAYINGS,
    )
    by_citizen = st.builds(
        lambda phase, person, text: Contribution(phase=phase, person=person, text=text),
        st.sampled_from([k.code for k in PhaseKind]),
        _code("B").map(lambda c: f"citizen:{c}"),
        _SAYINGS,
    )
    return by_professional | by_citizen


def learning_points() -> SearchStrategy[LearningPoint]:
    """Learning points tagged with the built-in tags.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda phase, text, tags: LearningPoint(phase=phase, text=text, tags=tags),
        st.sampled_from(["reflection", "conclusion", "action"]),
        _SAYINGS,
        st.frozensets(st.sampled_from(sorted(LEARNING_TAGS))),
    )


def actions() -> SearchStrategy[Action]:
    """Actions, open, done or dropped.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda id, text, owner, due, meeting, status: Action(
            id=id, text=text, owner=owner, due=due, raised_at=meeting, status=status
        ),
        _code("a"),
        _SAYINGS,
        st.sampled_from(_PEOPLE),
        _days(),
        _code("m"),
        st.sampled_from(ActionStatus),
    )


def invitations() -> SearchStrategy[Invitation]:
    """Invitations of every eligibility and outcome.

    Use :func:`survey_data` for invitations that fit a survey and its meetings.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda survey, meeting, person, eligibility, outcome: Invitation(
            id=f"{survey}:{meeting}:{person}",
            survey=survey,
            meeting=meeting,
            invitee=person,
            eligibility=eligibility,
            outcome=outcome,
        ),
        _code("survey"),
        _code("m"),
        st.sampled_from(_PEOPLE),
        st.sampled_from(Eligibility),
        st.sampled_from(Outcome),
    )


def answers() -> SearchStrategy[Answer]:
    """Answers: a score from 1 to 7, or a text.

    .. versionadded:: 0.1.0
    """
    scored = st.builds(
        lambda item, score: Answer(item=item, score=score),
        _code("item"),
        st.integers(1, 7),
    )
    written = st.builds(
        lambda item, text: Answer(item=item, text=text), _code("item"), _SAYINGS
    )
    return scored | written


def responses() -> SearchStrategy[Response]:
    """Responses of one to five answers, each item once.

    Use :func:`survey_data` for responses that fit a survey.

    .. versionadded:: 0.1.0
    """
    return st.builds(
        lambda invitation, found: Response(invitation=invitation, answers=found),
        _code("inv"),
        st.lists(answers(), min_size=1, max_size=5, unique_by=lambda a: a.item),
    )
