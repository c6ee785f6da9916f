"""Strategies for the learning record: scenarios with a history, and records."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.evaluation._record import (
    LearningActivity,
    LearningRecord,
    PersonRecord,
    ReflectionEntry,
    learning_record,
)
from learnmeet.model._cases import CaseOrigin
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
def _history_scenarios(draw: st.DrawFn, *, catalog: Catalog) -> Scenario:
    scenario = draw(scenarios(catalog=catalog))
    return attrs.evolve(
        scenario, meetings=[draw(_history(m)) for m in scenario.meetings]
    )


def history_scenarios(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Scenario]:
    """Scenarios (as :func:`scenarios`) some of whose meetings were held.

    A held meeting records for each professional whether they attended
    (yes, no or unknown), so a learning record of it has something in it.

    .. versionadded:: 0.4.0
    """
    return _history_scenarios(catalog=catalog)


@st.composite
def _learning_records(draw: st.DrawFn, *, catalog: Catalog) -> LearningRecord:
    scenario = draw(history_scenarios(catalog=catalog))
    return learning_record(scenario, on=draw(_days()))


def learning_records(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[LearningRecord]:
    """Learning records of :func:`history_scenarios`, as of a day in 2024-2030.

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


def learning_activities(
    *, professional: str | None = None
) -> SearchStrategy[LearningActivity]:
    """Learning activities of one professional (any id unless given).

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


def reflection_entries(
    *, professional: str | None = None
) -> SearchStrategy[ReflectionEntry]:
    """Reflection entries of one professional (any id unless given).

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
        undated_courses=person.completed_courses,
        reflections=sorted(
            draw(st.lists(reflection_entries(professional=person.id), max_size=2)),
            key=lambda r: (r.on, r.meeting),
        ),
        actions=sorted(owned, key=lambda a: (a.due, a.id)),
    )


def person_records() -> SearchStrategy[PersonRecord]:
    """One professional's record: activities, reflections and actions of theirs.

    .. versionadded:: 0.4.0
    """
    return _person_records()
