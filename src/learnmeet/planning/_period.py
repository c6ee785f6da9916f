"""Plan a period for a whole scenario: the seeds' model of learning in one call.

:func:`plan_period` does, for a municipality's scenario and a period:

1. attach learning to every existing forum (every second occurrence by
   default) — the learning plan without a single extra meeting;
2. schedule a home meeting for every concrete case with specialised palliation,
   and a cross-sectoral audit of the case with the most transitions, around
   everyone's calendar;
3. enrol staff on a course-day cohort per area and report the fill.

Everything is deterministic and validated; nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import attrs

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._arguments import checked
from learnmeet.model._bases import ConsentPurpose
from learnmeet.model._calendar import holiday_days
from learnmeet.model._cases import CitizenCase, PalliativeLevel, basis_windows
from learnmeet.model._checks import each, instance_of, joined_id, to_tuple
from learnmeet.model._meetings import Meeting, Rsvp
from learnmeet.model._rrule import MAX_WINDOW
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN, a_date, year_problem
from learnmeet.planning._cohorts import Enrolment, plan_course_days
from learnmeet.planning._composer import Staff, compose_from
from learnmeet.planning._forums import (
    LearningPlan,
    Unattached,
    attach,
    cases_by_member,
    check_every,
    nobody_works_with,
)
from learnmeet.planning._schedule import (
    MeetingRequest,
    ScheduleResult,
    Unplaced,
    schedule,
)
from learnmeet.planning._settings import PlanningSettings, at_work
from learnmeet.planning._slots import BusyIndex, days_window
from learnmeet.rules._report import Report, SubjectKind, Violation
from learnmeet.rules._rule import RuleContext, RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate_all

__all__ = ["PeriodPlan", "plan_period"]


def _learning(items: Iterable[LearningPlan]) -> tuple[LearningPlan, ...]:
    return to_tuple(items)


def _unattached(items: Iterable[Unattached]) -> tuple[Unattached, ...]:
    return to_tuple(items)


@attrs.frozen
class PeriodPlan:
    """Everything :func:`plan_period` made for one period.

    Attributes:
        scenario: The scenario planned for.
        start: The first day of the period.
        end: The last day of the period.
        learning: The learning attached to each forum.
        scheduled: The home meetings and the audit, placed or not.
        enrolment: The course-day cohorts and their fill report.
        report: Validation of every planned meeting, with the calendar.
        unattached: The cases no forum can take, as no member of any forum
            works with the citizen, each listed once for the period (a
            forum's own :attr:`LearningPlan.unattached` lists the cases its
            members work with that it could not take).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 *unattached*.
    """

    scenario: Scenario = attrs.field(validator=instance_of(Scenario))
    start: date = attrs.field(validator=a_date)
    end: date = attrs.field(validator=a_date)
    learning: tuple[LearningPlan, ...] = attrs.field(
        converter=_learning, validator=each(instance_of(LearningPlan))
    )
    scheduled: ScheduleResult = attrs.field(validator=instance_of(ScheduleResult))
    enrolment: Enrolment = attrs.field(validator=instance_of(Enrolment))
    report: Report = attrs.field(validator=instance_of(Report))
    unattached: tuple[Unattached, ...] = attrs.field(
        default=(), converter=_unattached, validator=each(instance_of(Unattached))
    )

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Every planned meeting, by start and id."""
        found = [m for plan in self.learning for m in plan.meetings]
        found += self.scheduled.meetings
        found += self.enrolment.meetings
        return tuple(
            sorted(found, key=lambda m: (m.start.astimezone(timezone.utc), m.id))
        )

    def as_scenario(self) -> Scenario:
        """The scenario with the planned meetings in place of its own."""
        return attrs.evolve(
            self.scenario,
            name=f"{self.scenario.name}: {self.start}–{self.end}",
            meetings=self.meetings,
        )


def _consented(
    case: CitizenCase, purpose: ConsentPurpose, start: date, end: date
) -> tuple[date, date] | None:
    """The days of *start* to *end* a basis for *purpose* covers, first to last.

    The longest stretch any one basis of the case covers (the citizen's
    consent, until their death; for learning, a management permission under
    *sundhedsloven* § 42 d), the earliest of equals. A case with none that
    covers a day of the period has none (``None``); the rules then say why.
    """
    stretches = []
    for _, first_day, last_day in basis_windows(case, purpose):
        first = max(start, first_day)
        last = end if last_day is None else min(end, last_day)
        if first <= last:
            stretches.append((first, last))
    return min(stretches, key=lambda s: (s[0] - s[1], s[0]), default=None)


def _consent_told(unplaced: Unplaced, start: date, end: date) -> Unplaced:
    """*unplaced*, saying so when the basis cut its window short of the period.

    Only the basis (consent or management permission) narrows a request's
    window; widening the window does not help then, and the planner should
    know why it is so short.
    """
    request = unplaced.request
    if (request.earliest, request.latest) == (start, end):
        return unplaced
    first, last = request.earliest.isoformat(), request.latest.isoformat()
    return attrs.evolve(
        unplaced,
        reason=Label(
            da=f"samtykket eller ledelsens tilladelse til at bruge borgerforløbet "
            f"dækker kun {first} til {last} af perioden; " + unplaced.reason.da,
            en=f"the consent or management permission to use the case covers "
            f"only {first} to {last} of the period; " + unplaced.reason.en,
        ),
    )


def _blockers(errors: Iterable[Violation], case: CitizenCase) -> tuple[str, ...]:
    """Who blocks a meeting the rules refuse.

    The attendees named, and the citizen for what concerns the case (such
    as consent).
    """
    found = set()
    for violation in errors:
        if violation.subject.kind is SubjectKind.ATTENDEE:
            found.add(violation.subject.id)
        elif violation.subject.kind is SubjectKind.CASE:
            found.add(case.citizen.key)
    return tuple(sorted(found))


def _request(
    case: CitizenCase,
    code: str,
    staff: Staff,
    start: date,
    end: date,
    catalog: Catalog,
    zone: ZoneInfo,
) -> MeetingRequest | Unplaced:
    """A request for the case's *code* meeting in the period, or why not.

    The window is the days of the period a basis covers (consent for a
    meeting in the home; consent or a § 42 d permission for an audit), so a
    consent given after the period's first day places the meeting after it;
    a meeting the pool cannot make valid is not placed, and says why.
    """
    purpose = (
        ConsentPurpose.HOME_MEETING
        if catalog.format(code).requirements.at_citizen_home
        else ConsentPurpose.LEARNING
    )
    window = _consented(case, purpose, start, end) or (start, end)
    proposal = compose_from(
        catalog.format(code),
        staff=staff,
        case=case,
        start=datetime.combine(window[0], time(9), tzinfo=zone),
        include_relatives=code == "home_meeting",
        answers={case.citizen.key: Rsvp.ACCEPTED},
    )
    meeting = proposal.meeting
    request = MeetingRequest(
        id=f"{code}-{case.id}",
        format=meeting.format,
        attendees=meeting.attendees,
        earliest=window[0],
        latest=window[1],
        case=case,
        reflection=meeting.reflection,
        location=meeting.location,
        title=case.citizen.pseudonym,
    )
    if proposal.complete:
        return request
    errors = Report(proposal.missing).errors
    return Unplaced(
        request,
        Label(
            da="kan ikke planlægges gyldigt: "
            + "; ".join(v.message.da for v in errors),
            en="cannot be planned valid: " + "; ".join(v.message.en for v in errors),
        ),
        _blockers(errors, case),
    )


def _dated(result: ScheduleResult, zone: ZoneInfo) -> ScheduleResult:
    """The placed meetings with their day in their id.

    A request's id says which case and format (``home_meeting-c-3``); the
    meeting's adds the day it was placed on (``home_meeting-c-3-20270209``),
    so the home meeting of one quarter and of the next are two meetings, with
    two calendar UIDs, and re-planning the same period gives the same ids.
    """
    return attrs.evolve(
        result,
        meetings=tuple(
            attrs.evolve(m, id=joined_id(m.id, f"{m.start.astimezone(zone):%Y%m%d}"))
            for m in result.meetings
        ),
    )


def check_period(
    start: date, end: date, *, zone: ZoneInfo = COPENHAGEN
) -> tuple[datetime, datetime]:
    """The planning window of the days *start* to *end*, or a refusal.

    The one statement of what period :func:`plan_period` plans, so the
    command line checks ``--from`` and ``--to`` by it before it reads a file.

    Raises:
        InvalidValueError: A day lies outside the years 1900-9998, *end* is
            before *start*, or the period is longer than five years (1,827
            days); the path is ``start`` or ``end``.
    """
    for name, day in (("start", start), ("end", end)):
        outside = year_problem(day.year)
        if outside is not None:
            raise InvalidValueError(
                reason=outside[0], fix=outside[1], where="plan_period", path=(name,)
            )
    if end < start:
        raise InvalidValueError(
            reason=Label(
                da=f"perioden slutter ({end}) før den begynder ({start})",
                en=f"the period ends ({end}) before it starts ({start})",
            ),
            fix=Label(
                da="giv en slutdato på eller efter startdatoen",
                en="give an end on or after the start",
            ),
            where="plan_period",
            path=("end",),
        )
    window = days_window(start, end, zone)
    # Measured as the planning window is (in elapsed time), so a period this
    # takes, attach_learning and the scheduler take too.
    if (
        window[1].astimezone(timezone.utc) - window[0].astimezone(timezone.utc)
        > MAX_WINDOW
    ):
        raise InvalidValueError(
            reason=Label(
                da=f"perioden er længere end fem år ({MAX_WINDOW.days} dage)",
                en=f"the period is longer than five years ({MAX_WINDOW.days} days)",
            ),
            fix=Label(
                da="planlæg højst fem år ad gangen",
                en="plan five years at most at a time",
            ),
            where="plan_period",
            path=("end",),
        )
    return window


@checked
def plan_period(
    scenario: Scenario,
    *,
    start: date,
    end: date,
    every: int = 2,
    catalog: Catalog = DEFAULT_CATALOG,
    zone: ZoneInfo | None = None,
    busy: BusyIndex | None = None,
    settings: PlanningSettings = PlanningSettings(),  # noqa: B008 - immutable value
    rules: RuleSet = DEFAULT_RULES,
) -> PeriodPlan:
    """Plan learning, home meetings, an audit and course days for a period.

    Args:
        scenario: The municipality's people, cases and forums.
        start: The first day of the period.
        end: The last day of the period (included); the period is five
            years (1,827 days) at most, in the years 1900-9998.
        every: Attach learning to every n-th occurrence of each forum.
        catalog: Where the formats come from.
        zone: The municipality's time zone; by default *settings*' zone.
        busy: The staff's busy time besides the scenario's meetings, e.g.
            read from their calendars with
            :func:`~learnmeet.busy_index_from_ical`: home meetings and audits
            are placed around it.
        settings: Working hours, travel times, rooms, breaks, hours to avoid,
            the share of each unit that stays on duty, and the objective.
        rules: The rules the plan is validated by.

    Raises:
        InvalidValueError: *end* is before *start*, the period is longer than
            five years (1,827 days), or a day lies outside the years
            1900-9998.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 A period of five years at most; *busy*.
    .. versionchanged:: 0.3.0 *settings* and *rules*.
    """
    if zone is None:
        zone = settings.zone
    else:
        settings = attrs.evolve(settings, zone=zone)
    window = check_period(start, end, zone=zone)
    check_every(every, where="plan_period")
    holidays = holiday_days(start.year, end.year)
    by_member = cases_by_member(scenario.cases)  # once, for every forum
    learning = tuple(
        attach(forum, by_member=by_member, window=window, every=every, skip=holidays)
        for forum in sorted(scenario.forums, key=lambda f: f.id)
    )
    taken = [m for plan in learning for m in plan.meetings]
    staff = Staff.of(scenario.professionals)  # read once, for every proposal
    concrete = [c for c in sorted(scenario.cases, key=lambda c: c.id) if c.is_concrete]
    # No meeting in the home of a citizen who died before the period.
    asked = [
        _request(c, "home_meeting", staff, start, end, catalog, zone)
        for c in concrete
        if c.palliative_level is PalliativeLevel.SPECIALISED
        and (c.died_on is None or c.died_on >= start)
    ]
    audited = sorted(
        (c for c in concrete if c.transitions),
        key=lambda c: (-len(c.transitions), c.id),
    )
    # The audit of the case with the most transitions that can be audited;
    # when none can, the first one's reason is told.
    audits = [_request(c, "audit", staff, start, end, catalog, zone) for c in audited]
    audit = next((a for a in audits if isinstance(a, MeetingRequest)), None)
    if audits:
        asked.append(audit or audits[0])
    refused = [a for a in asked if isinstance(a, Unplaced)]
    staff_at_work = at_work(settings, holidays, scenario=scenario)
    scheduled = _dated(
        schedule(
            [a for a in asked if isinstance(a, MeetingRequest)],
            busy=busy,
            holidays=holidays,
            settings=settings,
            staff=scenario.professionals,
            meetings=[*scenario.meetings, *taken],
            rules=rules,
            availability=staff_at_work,
        ),
        zone,
    )
    scheduled = attrs.evolve(
        scheduled,
        unplaced=(
            *(_consent_told(u, start, end) for u in scheduled.unplaced),
            *refused,
        ),
    )
    enrolment = plan_course_days(
        [p for p in scenario.professionals if p.sector.code == "municipality"],
        start=start,
        end=end,
        format=catalog.format("course_day"),
        settings=settings,
        holidays=holidays,
        busy=busy,
        meetings=[*scenario.meetings, *taken, *scheduled.meetings],
        forums=scenario.forums,
        availability=staff_at_work,
    )
    planned = [*taken, *scheduled.meetings, *enrolment.meetings]
    report = validate_all(
        planned,
        context=RuleContext(
            meetings=scenario.meetings,
            holidays=holidays,
            working_hours=settings.unit_hours,
            default_hours=settings.hours,
        ),
        rules=rules,
    )
    return PeriodPlan(
        scenario=scenario,
        start=start,
        end=end,
        learning=learning,
        scheduled=scheduled,
        enrolment=enrolment,
        report=report,
        unattached=nobody_works_with(scenario.cases, scenario.forums),
    )
