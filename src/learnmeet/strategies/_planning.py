"""Strategies for the planning layer: hours, series, intervals, requests, results.

The results (:func:`period_plans`, :func:`learning_plans`,
:func:`schedule_results`, :func:`enrolments`) are made by the planners
themselves from generated inputs, so they hold together as a real plan does:
one id is one person, unit or case throughout. The smaller values they hold
(a violation, a fill, a request not placed, a proposal) are built from
their parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.io._config import PlanningConfig
from learnmeet.model._arguments import checked
from learnmeet.model._cases import CaseOrigin
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._meetings import (
    AttendeeRole,
    CancellationReason,
    Cohort,
    MeetingStatus,
)
from learnmeet.model._people import Area, Professional, Unit
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN
from learnmeet.planning._cohorts import CourseSession, Enrolment, SessionFill, enrol
from learnmeet.planning._composer import Choice, Proposal
from learnmeet.planning._forums import LearningPlan, Unattached, attach_learning
from learnmeet.planning._period import PeriodPlan, plan_period
from learnmeet.planning._preflight import Preflight, preflight
from learnmeet.planning._recurrence import Series
from learnmeet.planning._schedule import (
    MeetingRequest,
    ScheduleResult,
    Unplaced,
    schedule,
)
from learnmeet.planning._settings import (
    Backend,
    Objective,
    PlanningSettings,
    Room,
    TravelTimes,
)
from learnmeet.planning._slots import BusyIndex, Interval, busy_from_meetings
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import RuleSet
from learnmeet.rules._validate import DEFAULT_RULES
from learnmeet.strategies._availability import working_hours
from learnmeet.strategies._cases import citizen_cases
from learnmeet.strategies._common import _RULES, _code, _days, _fresh, _later, _pick
from learnmeet.strategies._meetings import (
    _window,
    forums,
    meetings,
    scenarios,
)
from learnmeet.strategies._people import areas, labels, organisations, professions
from learnmeet.strategies._rules import violations

T = TypeVar("T")


def _minutes(low: int, high: int) -> SearchStrategy[timedelta]:
    return st.integers(low, high).map(lambda n: timedelta(minutes=n))


@checked
def rooms() -> SearchStrategy[Room]:
    """Rooms seating 2 to 40, sometimes at a place of their own.

    >>> room = find(lst.rooms(), lambda _: True, settings=quick)
    >>> 2 <= room.capacity <= 40, bool(room.id)
    (True, True)

    .. versionadded:: 0.3.0
    """
    return st.builds(
        Room,
        id=_code("lokale"),
        name=st.sampled_from(["", "Mødelokale 1", "Store sal", "Kantinen"]),
        capacity=st.integers(2, 40),
        place=st.sampled_from(["", "sundhedshuset", "plejecenter-nord"]),
    )


@checked
def travel_times() -> SearchStrategy[TravelTimes]:
    """Travel times: a default of 0-60 minutes and up to three legs of 5-90.

    >>> from datetime import timedelta
    >>> travel = find(lst.travel_times(), lambda _: True, settings=quick)
    >>> timedelta(0) <= travel.default <= timedelta(minutes=60)
    True

    .. versionadded:: 0.3.0
    """
    places = st.sampled_from(["sundhedshuset", "plejecenter-nord", "raadhuset"])
    return st.builds(
        TravelTimes,
        default=_minutes(0, 60),
        matrix=st.dictionaries(st.tuples(places, places), _minutes(5, 90), max_size=3),
    )


@checked
def planning_settings() -> SearchStrategy[PlanningSettings]:
    """Planning settings as a municipality sets them.

    Day hours, 0-60 minutes of travel, a break of 0-15, a few rooms, a
    morning peak to avoid, half or more of each unit on duty, either
    objective; always the greedy backend (the ``cpsat`` one needs the
    ``optimise`` extra).

    >>> from datetime import timedelta
    >>> chosen = find(lst.planning_settings(), lambda _: True, settings=quick)
    >>> chosen.backend, chosen.travel.default <= timedelta(minutes=60)
    (<Backend.GREEDY: 'greedy'>, True)
    >>> chosen.break_between <= timedelta(minutes=15)
    True

    .. versionadded:: 0.3.0
    """
    peak = st.just((time(7), time(9, 30)))
    return st.builds(
        PlanningSettings,
        hours=st.none() | working_hours(),
        travel=travel_times(),
        break_between=_minutes(0, 15),
        rooms=st.lists(rooms(), max_size=3, unique_by=lambda r: r.id),
        avoid=st.dictionaries(_code("enhed"), st.lists(peak, max_size=1), max_size=2),
        min_on_duty=st.sampled_from([0.0, 0.5, 0.75]),
        objective=st.sampled_from(Objective),
        preferred=st.none() | st.just((time(9), time(14))),
        backend=st.just(Backend.GREEDY),
    )


def _rule_set(change: str) -> RuleSet:
    """The built-in rules, as they are or with one change.

    ``off``: the last rule switched off; ``error``: the first warning made an
    error. The rules are read from the rule set, never spelt here.
    """
    if change == "off":
        return DEFAULT_RULES.without(DEFAULT_RULES.codes[-1])
    if change == "error":
        warning = next(
            r.code for r in DEFAULT_RULES.active if r.severity is Severity.WARNING
        )
        return DEFAULT_RULES.with_severity(warning, Severity.ERROR)
    return DEFAULT_RULES


def _course_sizes(sizes: tuple[int, int] | None) -> Catalog:
    """The built-in catalogue, its course days of ``(min_fill, extra seats)``."""
    if sizes is None:
        return DEFAULT_CATALOG
    fill, extra = sizes
    course_day = DEFAULT_CATALOG.format("course_day")
    requirements = attrs.evolve(
        course_day.requirements, min_fill=fill, max_attendees=fill + extra
    )
    return DEFAULT_CATALOG.extend(
        formats=[attrs.evolve(course_day, requirements=requirements)]
    )


@checked
def planning_configs() -> SearchStrategy[PlanningConfig]:
    """Planning configurations as a TOML file gives them.

    Settings from :func:`planning_settings`; the built-in rules, one switched
    off or one re-graded; the built-in catalogue, or one whose course days
    have other sizes.

    >>> config = find(lst.planning_configs(), lambda _: True, settings=quick)
    >>> isinstance(config.settings, lm.PlanningSettings)
    True
    >>> isinstance(config.catalog, lm.Catalog)
    True

    .. versionadded:: 0.3.0
    """
    return st.builds(
        PlanningConfig,
        settings=planning_settings(),
        rules=st.sampled_from(["none", "off", "error"]).map(_rule_set),
        catalog=(st.none() | st.tuples(st.integers(1, 20), st.integers(0, 20))).map(
            _course_sizes
        ),
    )


@checked
def preflights() -> SearchStrategy[Preflight]:
    """What :func:`~learnmeet.preflight` finds in generated scenarios.

    >>> found = find(lst.preflights(), lambda _: True, settings=quick)
    >>> isinstance(found, lm.Preflight), isinstance(found.report, lm.Report)
    (True, True)

    .. versionadded:: 0.3.0
    """
    return st.builds(preflight, scenarios())


@checked
def series() -> SearchStrategy[Series]:
    """Recurring series in Copenhagen time, weekly-ish, ending after a count.

    A start in 2024-2030 on a whole minute; weekly, fortnightly, twice a
    week, monthly or every working day; one to sixty occurrences.

    >>> recurring = find(lst.series(), lambda _: True, settings=quick)
    >>> "COUNT=" in recurring.rule, recurring.start.tzinfo.key
    (True, 'Europe/Copenhagen')

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


@checked
def intervals() -> SearchStrategy[Interval]:
    """Intervals of 15 minutes to a day, in Copenhagen time.

    >>> from datetime import timedelta
    >>> span = find(lst.intervals(), lambda _: True, settings=quick)
    >>> timedelta(minutes=15) <= span.end - span.start <= timedelta(days=1)
    True
    >>> span.start.tzinfo.key
    'Europe/Copenhagen'

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


@checked
def busy_indexes(
    *, people: Sequence[str] | None = None, max_intervals: int = 12
) -> SearchStrategy[BusyIndex]:
    """Indexes of busy time: up to *max_intervals* intervals per person.

    >>> busy = find(
    ...     lst.busy_indexes(people=["p-1", "p-2"]), lambda _: True, settings=quick
    ... )
    >>> isinstance(busy, lm.BusyIndex), set(busy.people) <= {"p-1", "p-2"}
    (True, True)

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
    if meeting.status is MeetingStatus.CANCELLED:  # a request is never cancelled
        meeting = attrs.evolve(meeting, status=MeetingStatus.PLANNED, cancellation=None)
    first = draw(_days(low=date(2025, 1, 1), high=date(2030, 12, 1)))
    return MeetingRequest.from_meeting(
        meeting,
        earliest=first,
        latest=first + timedelta(days=draw(st.integers(0, 60))),
    )


@checked
def meeting_requests(
    *, catalog: Catalog | None = None
) -> SearchStrategy[MeetingRequest]:
    """Requests for meetings that fit their format, with a window of days.

    Made from a generated meeting (never a cancelled one); the window opens
    on a day in 2025-2030 and closes the same day or up to 60 days later.

    >>> request = find(lst.meeting_requests(), lambda _: True, settings=quick)
    >>> 0 <= (request.latest - request.earliest).days <= 60
    True
    >>> isinstance(request.format, lm.MeetingFormat)
    True

    .. versionadded:: 0.1.0
    """
    return _meeting_requests(catalog=DEFAULT_CATALOG if catalog is None else catalog)


def _course_formats(catalog: Catalog) -> tuple[MeetingFormat, ...]:
    """The catalogue's formats run for one area's cohort, else all of them."""
    by_area = tuple(f for f in catalog.formats if f.requirements.cohort_by_area)
    return by_area or catalog.formats


@st.composite
def _course_sessions(
    draw: st.DrawFn,
    *,
    formats: tuple[MeetingFormat, ...],
    places: tuple[Area, ...],
    days: tuple[date, ...],
) -> CourseSession:
    place = _pick(draw, places) if places else draw(areas())
    return CourseSession(
        id=_fresh(draw, f"kursusdag-{place.code}"),
        format=_pick(draw, formats),
        cohort=Cohort(f"hold-{place.code}", place),
        start=datetime.combine(_pick(draw, days), time(9), tzinfo=COPENHAGEN),
    )


@checked
def course_sessions(
    *,
    catalog: Catalog | None = None,
    area: Area | None = None,
    start: date | None = None,
    end: date | None = None,
    pool: Scenario | None = None,
) -> SearchStrategy[CourseSession]:
    """Course-day sessions for one area's cohort, at 09:00 on a working day.

    Each session has an id of its own (``kursusdag-vest-0042``), the cohort
    ``hold-<area>`` of its area, and a format of *catalog* run for one area's
    cohort (the built-in course day), or any of its formats if it has none
    such.

    Args:
        catalog: Where the course formats come from; the built-in
            catalogue by default.
        area: The area of every session's cohort; any by default.
        start: The first day a session may be on (2025-01-01 by default).
        end: The last day: 2027-12-31 or a year after *start*, whichever
            is later, by default.
        pool: A scenario of your own: cohorts of its areas.

    Raises:
        InvalidValueError: The window holds no working day.

    >>> @settings(max_examples=10, database=None)
    ... @given(lst.course_sessions())
    ... def test_sessions(session):
    ...     assert session.start.weekday() < 5 and session.start.hour == 9
    ...     assert session.cohort.area.code in session.id
    >>> test_sessions()

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.3.0 On working days of 2025-2027, ids of their
       own; the formats of your own catalogue; *area*, *start*, *end* and
       *pool*.
    """
    chosen = DEFAULT_CATALOG if catalog is None else catalog
    return _course_sessions(
        formats=_course_formats(chosen),
        places=(area,) if area else () if pool is None else pool.areas,
        days=_window(start, end, where="course_sessions"),
    )


# -- results -------------------------------------------------------------------

_KEYS = st.from_regex(r"professional:p-[0-9]{4}", fullmatch=True)


def _few(strategy: SearchStrategy[T], most: int = 2) -> SearchStrategy[list[T]]:
    # Results hold meetings, and meetings hold people: a few of each keeps a
    # whole plan within Hypothesis's buffer.
    return st.lists(strategy, max_size=most)


@st.composite
def _subjects(draw: st.DrawFn) -> Subject:
    kind = draw(st.sampled_from(SubjectKind))
    if kind is SubjectKind.ATTENDEE:
        return Subject(kind, draw(_KEYS))
    return Subject(kind, draw(_code("case" if kind is SubjectKind.CASE else "m")))


@checked
def subjects() -> SearchStrategy[Subject]:
    """What a violation concerns: a meeting, an attendee (by key) or a case.

    >>> subject = find(lst.subjects(), lambda _: True, settings=quick)
    >>> subject.kind in set(lm.SubjectKind), bool(subject.id)
    (True, True)

    .. versionadded:: 0.2.0
    """
    return _subjects()


@checked
def unattached_cases() -> SearchStrategy[Unattached]:
    """Cases that got no learning meeting, with the reason.

    >>> left = find(lst.unattached_cases(), lambda _: True, settings=quick)
    >>> isinstance(left.case, lm.CitizenCase), bool(left.reason.da and left.reason.en)
    (True, True)

    .. versionadded:: 0.2.0
    """
    return st.builds(Unattached, citizen_cases(), labels())


@st.composite
def _learning_plans(draw: st.DrawFn, *, catalog: Catalog) -> LearningPlan:
    forum = draw(forums(catalog=catalog))
    first = forum.first_start.date()
    cases = draw(
        st.lists(
            st.tuples(
                st.lists(
                    st.sampled_from(forum.members), min_size=1, max_size=3, unique=True
                ),
                st.sampled_from([CaseOrigin.CONCRETE, CaseOrigin.FICTIONAL]),
            ).flatmap(
                lambda drawn: citizen_cases(
                    origin=drawn[1],
                    care_team=tuple(drawn[0]),
                    consent_on=first,
                    catalog=catalog,
                )
            ),
            max_size=3,
            unique_by=(lambda c: c.id, lambda c: c.citizen.pseudonym),
        )
    )
    window = (
        forum.first_start,
        forum.first_start + timedelta(days=draw(st.integers(7, 42))),
    )
    return attach_learning(
        forum, cases=cases, window=window, every=draw(st.integers(1, 3))
    )


@checked
def learning_plans(*, catalog: Catalog | None = None) -> SearchStrategy[LearningPlan]:
    """Learning attached to a forum for up to six weeks, as the planner makes it.

    The cases are of the forum's members (some of them fictional), so some
    are left out, with why.

    >>> plan = find(lst.learning_plans(), lambda _: True, settings=quick)
    >>> isinstance(plan.forum, lm.Forum), isinstance(plan.report, lm.Report)
    (True, True)

    .. versionadded:: 0.2.0
    """
    return _learning_plans(catalog=DEFAULT_CATALOG if catalog is None else catalog)


@checked
def unplaced_requests(*, catalog: Catalog | None = None) -> SearchStrategy[Unplaced]:
    """Requests that could not be placed, why, and the keys of who blocks them.

    >>> unplaced = find(lst.unplaced_requests(), lambda _: True, settings=quick)
    >>> isinstance(unplaced.request, lm.MeetingRequest)
    True
    >>> isinstance(unplaced.reason, lm.Label)
    True

    .. versionadded:: 0.2.0
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return st.builds(
        Unplaced,
        meeting_requests(catalog=catalog),
        labels(),
        st.lists(_KEYS, max_size=3, unique=True).map(tuple),
    )


@st.composite
def _schedule_results(draw: st.DrawFn, *, catalog: Catalog) -> ScheduleResult:
    # A scenario's meetings agree on who everyone is; placed again on a day
    # of the week drawn (a weekend day has no working hours: not placed).
    scenario = draw(scenarios(catalog=catalog))
    day = draw(_days(low=date(2025, 1, 1), high=date(2029, 12, 1)))
    requests = [
        MeetingRequest.from_meeting(
            m,
            earliest=day,
            latest=day + timedelta(days=draw(st.integers(0, 3))),
        )
        for m in scenario.meetings
        if m.status is not MeetingStatus.CANCELLED
    ]
    return schedule(requests, busy=busy_from_meetings(scenario.meetings))


@checked
def schedule_results(
    *, catalog: Catalog | None = None
) -> SearchStrategy[ScheduleResult]:
    """What the scheduler placed and could not place of a scenario's meetings.

    >>> result = find(lst.schedule_results(), lambda _: True, settings=quick)
    >>> all(isinstance(meeting, lm.Meeting) for meeting in result.meetings)
    True
    >>> isinstance(result.report, lm.Report)
    True

    .. versionadded:: 0.2.0
    """
    return _schedule_results(catalog=DEFAULT_CATALOG if catalog is None else catalog)


@st.composite
def _session_fills(draw: st.DrawFn, *, catalog: Catalog) -> SessionFill:
    session = draw(course_sessions(catalog=catalog))
    minimum = session.format.requirements.min_fill
    enrolled = draw(st.integers(0, session.capacity or 40))
    low = minimum is not None and enrolled < minimum
    return SessionFill(
        session,
        enrolled,
        minimum,
        session.capacity,
        draw(labels()) if low else None,
    )


@checked
def session_fills(*, catalog: Catalog | None = None) -> SearchStrategy[SessionFill]:
    """The fill of a course-day session, with a suggestion when below minimum.

    >>> fill = find(lst.session_fills(), lambda _: True, settings=quick)
    >>> fill.enrolled >= 0, (fill.suggestion is not None) == fill.below_minimum
    (True, True)

    .. versionadded:: 0.2.0
    """
    return _session_fills(catalog=DEFAULT_CATALOG if catalog is None else catalog)


@st.composite
def _enrolments(draw: st.DrawFn, *, catalog: Catalog) -> Enrolment:
    # A course day of few seats, so that waiting lists come up; one unit per
    # area, so one id is one person, one unit, one organisation throughout.
    day = _course_formats(catalog)[0]
    seats = draw(st.integers(1, 4))
    small = attrs.evolve(
        day,
        requirements=attrs.evolve(
            day.requirements,
            max_attendees=seats,
            min_attendees=min(day.requirements.min_attendees, seats),
            min_fill=draw(st.integers(0, seats)),
        ),
    )
    organisation = draw(
        organisations(
            sector=next(
                (s for s in catalog.sectors if s.code == "municipality"),
                catalog.sectors[0],
            ),
            catalog=catalog,
        )
    )
    places = draw(st.lists(areas(), min_size=1, max_size=2, unique_by=lambda a: a.code))
    teams = [
        Unit(
            id=f"unit-{area.code}",
            name=f"Hjemmeplejen {area.label.da}",
            organisation=organisation,
            area=area,
        )
        for area in places
    ]
    # The first area always has a session, a second one may have none.
    sessions = [
        CourseSession(
            id=f"kursusdag-{area.code}",
            format=small,
            cohort=Cohort(f"hold-{area.code}", area),
            start=datetime.combine(draw(_days()), time(9), tzinfo=COPENHAGEN),
        )
        for number, area in enumerate(places)
        if number == 0 or draw(st.booleans())
    ]
    people = [
        Professional(
            id=f"p-{n:04d}",
            profession=draw(professions(catalog)),
            unit=draw(st.sampled_from(teams)),
            completed_courses=draw(st.sampled_from([("palliation_mono",), ()])),
        )
        for n in range(draw(st.integers(0, 12)))
    ]
    cancelled = {
        p.id: draw(st.sampled_from(CancellationReason))
        for p in people
        if draw(st.integers(0, 5)) == 0
    }
    return enrol(people, sessions, cancellations=cancelled)


@checked
def enrolments(*, catalog: Catalog | None = None) -> SearchStrategy[Enrolment]:
    """Enrolments on course days of one to four seats, as :func:`enrol` makes them.

    Up to twelve people of one or two areas: some wait, some may not enrol (no
    course, or no session for their area) and some drop out.

    >>> enrolment = find(lst.enrolments(), lambda _: True, settings=quick)
    >>> isinstance(enrolment, lm.Enrolment)
    True
    >>> all(len(meeting.attendees) <= 4 for meeting in enrolment.meetings)
    True

    .. versionadded:: 0.2.0
    """
    return _enrolments(catalog=DEFAULT_CATALOG if catalog is None else catalog)


@st.composite
def _period_plans(draw: st.DrawFn, *, catalog: Catalog) -> PeriodPlan:
    start = draw(_days(low=date(2025, 1, 1), high=date(2029, 12, 1)))
    return plan_period(
        draw(scenarios(catalog=catalog)),
        start=start,
        end=start + timedelta(days=draw(st.integers(0, 31))),
        every=draw(st.integers(1, 3)),
        catalog=catalog,
    )


@checked
def period_plans(*, catalog: Catalog | None = None) -> SearchStrategy[PeriodPlan]:
    """Plans of up to a month for a generated scenario, made by plan_period.

    >>> plan = find(lst.period_plans(), lambda _: True, settings=quick)
    >>> isinstance(plan.scenario, lm.Scenario), plan.start <= plan.end
    (True, True)

    .. versionadded:: 0.2.0
    """
    return _period_plans(catalog=DEFAULT_CATALOG if catalog is None else catalog)


@st.composite
def _proposals(draw: st.DrawFn, *, catalog: Catalog) -> Proposal:
    meeting = draw(meetings(catalog=catalog))
    return Proposal(
        meeting=meeting,
        choices=[
            Choice(a.person.key, a.role, draw(labels())) for a in meeting.attendees
        ],
        missing=draw(_few(violations())),
        awaiting=draw(_few(violations())),
    )


@checked
def choices() -> SearchStrategy[Choice]:
    """Why the composer chose someone (by person key), and for which role.

    >>> choice = find(lst.choices(), lambda _: True, settings=quick)
    >>> choice.role in set(lm.AttendeeRole), isinstance(choice.reason, lm.Label)
    (True, True)

    .. versionadded:: 0.2.0
    """
    return st.builds(Choice, _KEYS, st.sampled_from(AttendeeRole), labels())


@checked
def proposals(*, catalog: Catalog | None = None) -> SearchStrategy[Proposal]:
    """Proposed meetings: a choice per attendee, what is missing and awaited.

    >>> proposal = find(lst.proposals(), lambda _: True, settings=quick)
    >>> isinstance(proposal.meeting, lm.Meeting)
    True
    >>> all(choice.role in set(lm.AttendeeRole) for choice in proposal.choices)
    True

    .. versionadded:: 0.2.0
    """
    catalog = DEFAULT_CATALOG if catalog is None else catalog
    return _proposals(catalog=catalog)
