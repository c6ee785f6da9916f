"""Strategies for the learning record: scenarios with a history, and records."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.catalog._reflection import QUESTION_BANK
from learnmeet.evaluation._record import (
    CompletedCourse,
    CourseState,
    Encounter,
    Facilitation,
    Gaps,
    LearningActivity,
    LearningRecord,
    MissingCourse,
    PersonRecord,
    ReflectionEntry,
    RelationMap,
    learning_record,
)
from learnmeet.model._arguments import checked
from learnmeet.model._cases import CaseOrigin
from learnmeet.model._cycle import ActionStatus, ReflectionCycle
from learnmeet.model._meetings import (
    Attendance,
    AttendeeRole,
    Meeting,
    MeetingStatus,
)
from learnmeet.model._people import Professional
from learnmeet.model._scenario import Scenario
from learnmeet.strategies._common import _code, _days
from learnmeet.strategies._meetings import scenarios
from learnmeet.strategies._people import professionals
from learnmeet.strategies._reflection import actions, learning_points

_ROLES = st.sampled_from(
    [
        AttendeeRole.FACILITATOR,
        AttendeeRole.CASE_PRESENTER,
        AttendeeRole.PARTICIPANT,
        AttendeeRole.HOST,
        AttendeeRole.OBSERVER,
    ]
)
_SECTOR_CODES = st.sampled_from([s.code for s in DEFAULT_CATALOG.sectors])
_ATTENDANCE = st.sampled_from(Attendance)


@st.composite
def _history(draw: st.DrawFn, meeting: Meeting) -> Meeting:
    """*meeting*, now and then held with each professional's attendance."""
    if not draw(st.booleans()):
        return meeting
    attendees = tuple(
        attrs.evolve(a, attended=draw(_ATTENDANCE))
        if isinstance(a.person, Professional)
        else a
        for a in meeting.attendees
    )
    return attrs.evolve(
        meeting, status=MeetingStatus.HELD, cancellation=None, attendees=attendees
    )


@st.composite
def _cycle_of(draw: st.DrawFn, meeting: Meeting) -> ReflectionCycle:
    """A closed Kolb cycle of *meeting*: a contribution, a point, maybe an action."""
    people = meeting.professionals
    who = draw(st.sampled_from(people))
    cycle = ReflectionCycle.start(_KOLB, subject="forloeb", meeting=meeting.id)
    cycle = cycle.contribute(who.key, "Vi så et fald").advance()
    cycle = cycle.contribute(who.key, "Vi vidste det ikke").advance()
    cycle = cycle.learn("Faldrisiko ses først af hjemmeplejen", tags={"handover"})
    cycle = cycle.contribute(who.key, "Et fælles sprog").advance()
    while not cycle.is_last_phase:
        cycle = cycle.contribute(who.key, "Vi prøver det").advance()
    cycle = cycle.contribute(who.key, "Vi aftaler en ting")
    if draw(st.booleans()):
        owner = draw(st.sampled_from(people))
        cycle = cycle.act(
            f"a-{meeting.id}", "Ring ved fald", owner=owner.key, due=draw(_days())
        )
        if draw(st.booleans()):
            cycle = cycle.settle(f"a-{meeting.id}", ActionStatus.DONE)
    return cycle.close(carry=True)


_KOLB = QUESTION_BANK.model("kolb")


@st.composite
def _history_scenarios(draw: st.DrawFn, *, catalog: Catalog) -> Scenario:
    scenario = draw(scenarios(catalog=catalog))
    meetings = [draw(_history(m)) for m in scenario.meetings]
    staff = {p.id for p in scenario.professionals}
    cycles = [
        draw(_cycle_of(m))
        for m in meetings
        if m.status is MeetingStatus.HELD
        and m.professionals
        and all(p.id in staff for p in m.professionals)
        and draw(st.booleans())
    ]
    return attrs.evolve(scenario, meetings=meetings, cycles=cycles)


@checked
def history_scenarios(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Scenario]:
    """Scenarios (as :func:`scenarios`) some of whose meetings were held.

    A held meeting records for each professional whether they attended
    (yes, no or unknown), so a learning record of it has something in it;
    some held meetings have a closed reflection cycle
    (:attr:`Scenario.cycles <learnmeet.Scenario.cycles>`) with a
    contribution, a learning point and at times an action.

    >>> scenario = find(lst.history_scenarios(), lambda _: True, settings=quick)
    >>> isinstance(scenario, lm.Scenario), all(c.closed for c in scenario.cycles)
    (True, True)

    .. versionadded:: 0.4.0
    """
    return _history_scenarios(catalog=catalog)


@st.composite
def _learning_records(draw: st.DrawFn, *, catalog: Catalog) -> LearningRecord:
    scenario = draw(history_scenarios(catalog=catalog))
    return learning_record(scenario, on=draw(_days()))


@checked
def learning_records(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[LearningRecord]:
    """Learning records of :func:`history_scenarios`, as of a day in 2024-2030.

    >>> record = find(lst.learning_records(), lambda _: True, settings=quick)
    >>> isinstance(record, lm.LearningRecord), 2024 <= record.on.year <= 2030
    (True, True)

    .. versionadded:: 0.4.0
    """
    return _learning_records(catalog=catalog)


_STARTS = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)
).map(lambda d: d.replace(second=0, microsecond=0, tzinfo=timezone.utc))


@st.composite
def _learning_activities(draw: st.DrawFn, *, professional: str) -> LearningActivity:
    start = draw(_STARTS)
    return LearningActivity(
        professional=professional,
        meeting=draw(_code("m")),
        format=draw(st.sampled_from([f.code for f in DEFAULT_CATALOG.formats])),
        start=start,
        end=start + timedelta(minutes=draw(st.integers(15, 480))),
        role=draw(_ROLES),
        case_origin=draw(st.none() | st.sampled_from(CaseOrigin)),
        sectors=draw(st.frozensets(_SECTOR_CODES, min_size=1, max_size=3)),
        forum=draw(st.none() | _code("f")),
        cohort=draw(st.none() | _code("hold")),
    )


@checked
def learning_activities(
    *, professional: str | None = None
) -> SearchStrategy[LearningActivity]:
    """Learning activities of one professional (any id unless given).

    Each lasts 15 minutes to eight hours from a start in 2024-2030 (UTC), in
    a built-in format and one of five roles, with one to three sectors.

    >>> activity = find(
    ...     lst.learning_activities(professional="p-0005"),
    ...     lambda _: True,
    ...     settings=quick,
    ... )
    >>> activity.professional, activity.start < activity.end
    ('p-0005', True)

    .. versionadded:: 0.4.0
    """
    ids = st.just(professional) if professional is not None else _code("p")
    return ids.flatmap(lambda pid: _learning_activities(professional=pid))


@st.composite
def _reflection_entries(draw: st.DrawFn, *, professional: str) -> ReflectionEntry:
    return ReflectionEntry(
        professional=professional,
        meeting=draw(_code("m")),
        model=draw(st.sampled_from(["kolb", "gibbs", "after_action_review"])),
        learning_points=draw(st.lists(learning_points(), max_size=3)),
        on=draw(_days()),
        contributed=draw(st.booleans()),
    )


@checked
def reflection_entries(
    *, professional: str | None = None
) -> SearchStrategy[ReflectionEntry]:
    """Reflection entries of one professional (any id unless given).

    Each of a meeting on a day in 2024-2030, after the Kolb, Gibbs or
    after-action-review model, with up to three learning points.

    >>> entry = find(
    ...     lst.reflection_entries(professional="p-0002"),
    ...     lambda _: True,
    ...     settings=quick,
    ... )
    >>> entry.professional, isinstance(entry, lm.ReflectionEntry)
    ('p-0002', True)

    .. versionadded:: 0.4.0
    """
    ids = st.just(professional) if professional is not None else _code("p")
    return ids.flatmap(lambda pid: _reflection_entries(professional=pid))


@st.composite
def _person_records(draw: st.DrawFn) -> PersonRecord:
    person = draw(professionals())
    found = draw(st.lists(learning_activities(professional=person.id), max_size=3))
    owned = [
        attrs.evolve(a, owner=person.key)
        for a in draw(st.lists(actions(), max_size=2, unique_by=lambda a: a.id))
    ]
    return PersonRecord(
        professional=person,
        activities=sorted(found, key=lambda a: (a.start, a.meeting)),
        completions=sorted(
            person.completions, key=lambda c: (c.completed_on, c.course)
        ),
        undated_courses=person.completed_courses,
        reflections=sorted(
            draw(st.lists(reflection_entries(professional=person.id), max_size=2)),
            key=lambda r: (r.on, r.meeting),
        ),
        actions=sorted(owned, key=lambda a: (a.due, a.id)),
    )


@checked
def person_records() -> SearchStrategy[PersonRecord]:
    """One professional's record: activities, reflections and actions of theirs.

    Up to three activities, two reflection entries and two actions, each
    list in date order.

    >>> record = find(lst.person_records(), lambda _: True, settings=quick)
    >>> who = record.professional.id
    >>> all(activity.professional == who for activity in record.activities)
    True

    .. versionadded:: 0.4.0
    """
    return _person_records()


@checked
def relation_maps(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[RelationMap]:
    """Relation maps of :func:`learning_records` (often empty).

    >>> relations = find(lst.relation_maps(), lambda _: True, settings=quick)
    >>> isinstance(relations, lm.RelationMap)
    True

    .. versionadded:: 0.4.0
    """
    return learning_records(catalog=catalog).map(lambda r: r.relation_map())


@st.composite
def _encounters(draw: st.DrawFn) -> Encounter:
    first, second = sorted(
        draw(st.lists(_code("p"), min_size=2, max_size=2, unique=True))
    )
    sectors = draw(st.lists(_SECTOR_CODES, min_size=2, max_size=2, unique=True))
    return Encounter(
        first=first,
        second=second,
        first_unit=draw(_code("u")),
        second_unit=draw(_code("u")),
        first_sector=sectors[0],
        second_sector=sectors[1],
        meetings=draw(st.lists(_code("m"), min_size=1, max_size=3, unique=True)),
    )


@checked
def encounters() -> SearchStrategy[Encounter]:
    """Pairs of professionals of two different sectors who met.

    At one to three meetings; the two ids in order, each with a unit.

    >>> met = find(lst.encounters(), lambda _: True, settings=quick)
    >>> met.first != met.second, met.first_sector != met.second_sector
    (True, True)

    .. versionadded:: 0.4.0
    """
    return _encounters()


@st.composite
def _facilitations(draw: st.DrawFn) -> Facilitation:
    person = draw(_code("p"))
    led = draw(
        st.lists(learning_activities(professional=person), min_size=1, max_size=3)
    )
    return Facilitation(
        professional=person,
        activities=sorted(
            (attrs.evolve(a, role=AttendeeRole.FACILITATOR) for a in led),
            key=lambda a: (a.start, a.meeting),
        ),
    )


@checked
def facilitations() -> SearchStrategy[Facilitation]:
    """A professional's facilitated activities, at least one.

    One to three activities in date order, the professional facilitator of
    each.

    >>> led = find(lst.facilitations(), lambda _: True, settings=quick)
    >>> 1 <= len(led.activities) <= 3
    True
    >>> all(activity.professional == led.professional for activity in led.activities)
    True

    .. versionadded:: 0.4.0
    """
    return _facilitations()


@checked
def missing_courses() -> SearchStrategy[MissingCourse]:
    """Courses lacking on a day: never completed, or expired before it.

    One of the three palliation courses, on a day in 2024-2030; an expired
    one expired a day to about two and a half years before.

    >>> missing = find(lst.missing_courses(), lambda _: True, settings=quick)
    >>> missing.expired_on is None or missing.expired_on < missing.on
    True

    .. versionadded:: 0.4.0
    """
    return st.builds(
        lambda p, course, on, back: MissingCourse(
            professional=p,
            course=course,
            on=on,
            expired_on=None if back is None else on - timedelta(days=back),
        ),
        _code("p"),
        st.sampled_from(["palliation_nurse", "palliation_sosu", "palliation_mono"]),
        _days(),
        st.none() | st.integers(1, 900),
    )


@checked
def completed_courses() -> SearchStrategy[CompletedCourse]:
    """Completed courses, valid, expired or undated.

    >>> course = find(lst.completed_courses(), lambda _: True, settings=quick)
    >>> course.state in set(lm.CourseState), bool(course.course)
    (True, True)

    .. versionadded:: 0.4.0
    """
    return st.builds(
        lambda p, course, state, on: CompletedCourse(
            professional=p,
            course=course,
            completed_on=None if state is CourseState.UNDATED else on,
            expires_on=on + timedelta(days=1095)
            if state is not CourseState.UNDATED
            else None,
            state=state,
        ),
        _code("p"),
        st.sampled_from(["palliation_nurse", "facilitator_training"]),
        st.sampled_from(CourseState),
        _days(),
    )


@checked
def gaps(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[Gaps]:
    """The gaps per unit of :func:`learning_records` that have people.

    >>> gaps = find(lst.gaps(), lambda _: True, settings=quick)
    >>> isinstance(gaps, lm.Gaps), bool(gaps.unit)
    (True, True)

    .. versionadded:: 0.4.0
    """
    requirements = catalog.format("course_day").requirements
    return learning_records(catalog=catalog).flatmap(
        lambda r: st.sampled_from(r.gaps(requirements) or (_EMPTY_GAPS,))
    )


_EMPTY_GAPS = Gaps(unit="u-1", area=None, staff=())
