"""Shared strategies for the test suite, built on ``learnmeet.strategies``.

Also :data:`source_checkout`, the mark for tests that read the repository
(README, docs, changelog) rather than the installed package, and
:func:`run_cli`, which runs the command line in the test's process.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import strategies as st

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.cli import main

ROOT = Path(__file__).resolve().parent.parent
"""The repository root, when the tests run from a source checkout."""

IN_SOURCE_CHECKOUT = all(
    (ROOT / name).is_file()
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "docs/conf.py")
)
"""Whether the tests run from a source checkout (not a copy of ``tests/``)."""

source_checkout = pytest.mark.skipif(
    not IN_SOURCE_CHECKOUT,
    reason="reads README, docs or CHANGELOG from a source checkout; this run "
    "tests an installed learnmeet from a copy of tests/",
)
"""Mark a test (or a module, as ``pytestmark``) that needs the source checkout."""

MODEL_STRATEGIES: tuple[tuple[type[Any], st.SearchStrategy[Any]], ...] = (
    (lm.Area, lst.areas()),
    (lm.Attendee, lst.attendees()),
    (lm.AuditAssessment, lst.audit_assessments()),
    (lm.AuditCheck, lst.audit_checks()),
    (lm.AuditFinding, lst.audit_findings()),
    (lm.Cancellation, lst.cancellations()),
    (lm.Citizen, lst.citizens()),
    (lm.CitizenCase, lst.citizen_cases()),
    (lm.Cohort, lst.cohorts()),
    (lm.Consent, lst.consents()),
    (lm.CourseCompletion, lst.course_completions()),
    (lm.FormatRequirements, lst.format_requirements()),
    (lm.Forum, lst.forums()),
    (lm.Label, lst.labels()),
    (lm.Location, lst.locations()),
    (lm.Meeting, lst.meetings()),
    (lm.MeetingFormat, lst.meeting_formats()),
    (lm.Organisation, lst.organisations()),
    (lm.Permission, lst.permissions()),
    (lm.Profession, lst.professions()),
    (lm.Professional, lst.professionals()),
    (lm.Reflection, lst.reflections()),
    (lm.Relative, lst.relatives()),
    (lm.Scenario, lst.scenarios()),
    (lm.Sector, lst.sectors()),
    (lm.Transition, lst.transitions()),
    (lm.Unit, lst.units()),
    (lm.Question, lst.questions()),
    (lm.ReflectionModel, lst.reflection_models()),
    (lm.ReflectionCycle, lst.reflection_cycles()),
    (lm.Survey, lst.surveys()),
    (lm.SurveyItem, lst.survey_items()),
    (lm.Quote, lst.quotes()),
    (lm.Theme, lst.themes()),
    (lm.Invitation, lst.invitations()),
    (lm.Response, lst.responses()),
    (lm.Answer, lst.answers()),
    (lm.Action, lst.actions()),
    (lm.Contribution, lst.contributions()),
    (lm.LearningPoint, lst.learning_points()),
    (lm.ReflectionPhase, lst.reflection_phases()),
    (lm.QuestionBank, lst.question_banks()),
    (lm.WorkingHours, lst.working_hours()),
    (lm.WorkingPattern, lst.working_patterns()),
    (lm.Absence, lst.absences()),
    (lm.Programme, lst.programmes()),
    (lm.CourseSeries, lst.course_series()),
    (lm.SeriesThresholds, lst.series_thresholds()),
    (lm.SeriesVerdict, lst.series_verdicts()),
    (lm.Choice, lst.choices()),
    (lm.CourseSession, lst.course_sessions()),
    (lm.Enrolment, lst.enrolments()),
    (lm.LearningPlan, lst.learning_plans()),
    (lm.MeetingRequest, lst.meeting_requests()),
    (lm.PeriodPlan, lst.period_plans()),
    (lm.Proposal, lst.proposals()),
    (lm.Report, lst.reports()),
    (lm.ScheduleResult, lst.schedule_results()),
    (lm.SessionFill, lst.session_fills()),
    (lm.Subject, lst.subjects()),
    (lm.Unattached, lst.unattached_cases()),
    (lm.Unplaced, lst.unplaced_requests()),
    (lm.Violation, lst.violations()),
    (lm.Holiday, lst.holidays(years=range(1900, 2101))),
    (lm.Availability, lst.availabilities()),
    (lm.BusyIndex, lst.busy_indexes()),
    (lm.Catalog, lst.catalogs()),
    (lm.CompletedCourse, lst.completed_courses()),
    (lm.DataProblem, lst.data_problems()),
    (lm.Encounter, lst.encounters()),
    (lm.Evaluation, lst.evaluations()),
    (lm.Facilitation, lst.facilitations()),
    (lm.Finding, lst.findings()),
    (lm.Gaps, lst.gaps()),
    (lm.Interval, lst.intervals()),
    (lm.LearningActivity, lst.learning_activities()),
    (lm.LearningRecord, lst.learning_records()),
    (lm.LevelSummary, lst.level_summaries()),
    (lm.MissingCourse, lst.missing_courses()),
    (lm.PersonRecord, lst.person_records()),
    (lm.PlanningConfig, lst.planning_configs()),
    (lm.PlanningSettings, lst.planning_settings()),
    (lm.Preflight, lst.preflights()),
    (lm.ReflectionEntry, lst.reflection_entries()),
    (lm.RelationMap, lst.relation_maps()),
    (lm.ResponseRates, lst.response_rates()),
    (lm.Room, lst.rooms()),
    (lm.Rule, lst.rules(own=False)),
    (lm.RuleContext, lst.rule_contexts()),
    (lm.RuleSet, lst.rule_sets(own=False)),
    (lm.Series, lst.series()),
    (lm.TravelTimes, lst.travel_times()),
    (lm.YieldGroup, lst.yield_groups()),
)
"""Every JSON type (model values and planning results) with its public strategy."""


def times_the_model_takes(
    *, allow_imaginary: bool = True
) -> st.SearchStrategy[datetime]:
    """Datetimes in every year the model takes, in zones that try its edges.

    Copenhagen, UTC, the first zone in a new day (Kiritimati, +14), a zone of
    half hours (St John's), one of quarter hours (+05:45) and one of a
    half-hour summer shift (Lord Howe); local mean times come up before each
    zone's first standard offset.
    """
    return st.datetimes(
        min_value=datetime(lm.FIRST_YEAR, 1, 1),
        max_value=datetime(lm.LAST_YEAR, 12, 31, 23, 59),
        timezones=st.sampled_from(
            [
                lm.COPENHAGEN,
                ZoneInfo("UTC"),
                ZoneInfo("Pacific/Kiritimati"),
                ZoneInfo("America/St_Johns"),
                ZoneInfo("Australia/Lord_Howe"),
                timezone(timedelta(hours=5, minutes=45)),
            ]
        ),
        allow_imaginary=allow_imaginary,
    )


def any_model_value() -> st.SearchStrategy[Any]:
    """Any value of any model type."""
    return st.one_of([strategy for _, strategy in MODEL_STRATEGIES])


def pools() -> st.SearchStrategy[list[lm.Professional]]:
    """Pools of professionals with distinct ids, as a composer sees them."""
    return st.lists(
        lst.professionals(), min_size=0, max_size=12, unique_by=lambda p: p.id
    )


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``learnmeet *argv``; return its exit code, standard output and error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- JSON documents ----------------------------------------------------------


def sample_meeting() -> lm.Meeting:
    """A home meeting across two sectors, with a case and its consent."""
    CAT = lm.DEFAULT_CATALOG  # noqa: N806
    CPH = lm.COPENHAGEN  # noqa: N806
    north = lm.Area("nord", lm.Label(da="Nord", en="North"))
    kommune = lm.Organisation("k", "Eksempel Kommune", CAT.sector("municipality"))
    hospital = lm.Organisation("h", "Eksempel Hospital", CAT.sector("hospital"))
    home_care = lm.Unit(id="hj", name="Hjemmepleje", organisation=kommune, area=north)
    ward = lm.Unit(id="m1", name="Medicinsk afdeling", organisation=hospital)
    nurse = lm.Professional(
        id="p-1",
        profession=CAT.profession("nurse"),
        unit=home_care,
        roles={lm.StaffRole.KEY_PERSON, lm.StaffRole.FACILITATOR},
    )
    doctor = lm.Professional(
        id="p-2", profession=CAT.profession("hospital_doctor"), unit=ward
    )
    citizen = lm.Citizen("B-017")
    relative = lm.Relative(id="B-017-R1", citizen="B-017", relation=lm.Relation.CHILD)
    case = lm.CitizenCase(
        id="c-1",
        citizen=citizen,
        palliative_level=lm.PalliativeLevel.BASIC,
        care_team=[nurse, doctor],
        relatives=[relative],
        transitions=[
            lm.Transition(
                on=date(2026, 2, 1),
                from_sector=CAT.sector("hospital"),
                to_sector=CAT.sector("municipality"),
                kind=lm.TransitionKind.DISCHARGE,
                documents={lm.HandoverDocument.DISCHARGE_SUMMARY},
            )
        ],
        consent=lm.Consent(given_on=date(2026, 1, 15)),
    )
    return lm.Meeting(
        id="m-1",
        format=CAT.format("home_meeting"),
        start=datetime(2026, 3, 3, 10, 0, tzinfo=CPH),
        duration=timedelta(minutes=45),
        location=lm.Location(lm.LocationKind.CITIZEN_HOME),
        attendees=[
            lm.Attendee(person=nurse, role=lm.AttendeeRole.FACILITATOR),
            lm.Attendee(person=doctor, role=lm.AttendeeRole.PARTICIPANT),
            lm.Attendee(
                person=citizen, role=lm.AttendeeRole.CITIZEN, rsvp=lm.Rsvp.ACCEPTED
            ),
            lm.Attendee(
                person=relative,
                role=lm.AttendeeRole.RELATIVE,
                participation=lm.Participation.OPTIONAL,
            ),
        ],
        case=case,
        reflection=lm.Reflection(
            "home", [lm.Label(da="Hvad er vigtigt?", en="What matters?")]
        ),
    )


def read_problems(cls: type[Any], document: Any) -> tuple[str, ...]:
    """The problems, in English, ``from_dict`` refuses *document* with."""
    with pytest.raises(lm.InvalidDataError) as info:
        lm.from_dict(cls, document)
    return info.value.errors


def json_paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in the JSON value *node*, the root's ``()`` first."""
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(json_paths(value, (*here, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(json_paths(value, (*here, index)))
    return found
