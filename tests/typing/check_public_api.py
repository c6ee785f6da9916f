"""The public API as an importing app uses it; checked by mypy, never run.

Only public names: ``learnmeet``, ``learnmeet.strategies`` and
``learnmeet.data``. Every strategy in ``learnmeet.strategies.__all__`` is
asserted to be ``SearchStrategy[<its type>]`` (tests/test_strategies.py checks
that none is missing here).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given, strategies as st
from hypothesis.strategies import SearchStrategy
from typing_extensions import assert_type

import learnmeet as lm
from learnmeet import strategies as lst
from learnmeet.data import load_sample

cat = lm.DEFAULT_CATALOG
assert_type(cat.profession("nurse"), lm.Profession)
assert_type(cat.format("audit"), lm.MeetingFormat)
assert_type(cat.extend(formats=[cat.format("audit")]), lm.Catalog)
sample = lm.from_json(lm.Scenario, "{}")
assert_type(sample, lm.Scenario)
assert_type(load_sample(), lm.Scenario)
assert_type(lm.to_json(sample), str)
assert_type(lm.from_json(lm.PeriodPlan, "{}"), lm.PeriodPlan)
assert_type(lm.json_schema(lm.Scenario), dict[str, Any])
meeting = sample.meetings[0]
assert_type(lm.validate(meeting), lm.Report)
assert_type(lm.validate(meeting).errors, tuple[lm.Violation, ...])
assert_type(lm.validate(meeting).render("da"), str)
assert_type(meeting.heading("en"), str)
assert_type(
    lm.compose(cat.format("home_meeting"), pool=[], start=meeting.start), lm.Proposal
)
assert_type(lm.danish_holidays(2027), tuple[lm.Holiday, ...])
assert_type(
    lm.plan_period(sample, start=date(2027, 1, 1), end=date(2027, 3, 31)), lm.PeriodPlan
)
assert_type(lm.audit_checklist(sample.cases[0]), tuple[lm.AuditCheck, ...])
assert_type(lm.AuditAssessment.from_meeting(meeting), lm.AuditAssessment)
assert_type(
    lm.AuditAssessment.from_meeting(meeting).causes, tuple[lm.FailureCause, ...]
)
assert_type(lm.HANDOVER_DOCUMENTS[lm.TransitionKind.DISCHARGE][0][1], lm.DocumentNeed)
assert_type(lm.preflight(sample), lm.Preflight)
assert_type(lm.preflight(sample).ok, bool)
assert_type(lm.read_config(""), lm.PlanningConfig)
assert_type(lm.read_config("").settings, lm.PlanningSettings)
assert_type(
    lm.plan_many([sample], start=date(2027, 1, 1), end=date(2027, 3, 31)),
    tuple[lm.PeriodPlan, ...],
)
assert_type(
    lm.Series(
        start=datetime(2027, 1, 1, tzinfo=lm.COPENHAGEN), rule="FREQ=DAILY"
    ).occurrences(),
    tuple[datetime, ...],
)
assert_type(lm.forum_series(sample.forums[0]), lm.Series)
assert_type(
    lm.attach_learning(
        sample.forums[0], cases=sample.cases, window=(meeting.start, meeting.end)
    ),
    lm.LearningPlan,
)
assert_type(lm.enrol(sample.professionals, []), lm.Enrolment)
assert_type(lm.enrol(sample.professionals, []).fill, tuple[lm.SessionFill, ...])
assert_type(
    lm.plan_course_days(
        sample.professionals,
        start=date(2027, 1, 1),
        end=date(2027, 3, 31),
        format=lm.DEFAULT_CATALOG.format("course_day"),
    ).reasons,
    Mapping[str, lm.Label],
)
assert_type(lm.to_ical([meeting]), str)
method: lm.Method = "request"
assert_type(
    lm.to_ical([meeting], method=method, uid_domain="kommune.dk", previous=[meeting]),
    str,
)
bundle = lm.meetings_to_fhir([meeting], sample, lang="en")
assert_type(bundle, dict[str, Any])
assert_type(lm.scenario_to_fhir(sample), dict[str, Any])
assert_type(lm.fhir_files(sample), dict[str, str])
assert_type(lm.meetings_from_fhir(bundle, sample), tuple[lm.Meeting, ...])
assert_type(lm.validate_fhir(bundle), dict[str, int])
assert_type(lm.FHIR_CODE_SYSTEM_BASE, str)
assert_type(sample.professionals[0].email, str | None)
try:
    lm.from_json(lm.Meeting, "{}")
except lm.InvalidDataError as error:
    assert_type(error.problems, tuple[lm.DataProblem, ...])
    assert_type(error.message("da"), str)

# Every public strategy, in the order of learnmeet.strategies.__all__.
assert_type(lst.areas(), SearchStrategy[lm.Area])
assert_type(lst.attendees(), SearchStrategy[lm.Attendee])
assert_type(lst.breaches("LM101"), SearchStrategy[lst.Breach])
assert_type(
    lst.breaches("LM105", format="course_day", catalog=lm.DEFAULT_CATALOG),
    SearchStrategy[lst.Breach],
)
assert_type(lst.breach_formats("LM101"), tuple[lm.MeetingFormat, ...])
assert_type(lst.cancellations(), SearchStrategy[lm.Cancellation])
assert_type(lst.citizen_cases(), SearchStrategy[lm.CitizenCase])
assert_type(lst.citizens(), SearchStrategy[lm.Citizen])
assert_type(lst.cpr_numbers(), SearchStrategy[str])
assert_type(lst.busy_indexes(), SearchStrategy[lm.BusyIndex])
assert_type(lst.availabilities(), SearchStrategy[lm.Availability])
assert_type(lst.absences(), SearchStrategy[lm.Absence])
assert_type(lst.working_patterns(), SearchStrategy[lm.WorkingPattern])
assert_type(lst.cohorts(), SearchStrategy[lm.Cohort])
assert_type(lst.consents(), SearchStrategy[lm.Consent])
assert_type(lst.permissions(), SearchStrategy[lm.Permission])
assert_type(lst.course_sessions(), SearchStrategy[lm.CourseSession])
assert_type(lst.format_requirements(), SearchStrategy[lm.FormatRequirements])
assert_type(lst.forums(), SearchStrategy[lm.Forum])
assert_type(lst.intervals(), SearchStrategy[lm.Interval])
assert_type(lst.labels(), SearchStrategy[lm.Label])
assert_type(lst.locations(), SearchStrategy[lm.Location])
assert_type(lst.meeting_formats(), SearchStrategy[lm.MeetingFormat])
assert_type(lst.meeting_requests(), SearchStrategy[lm.MeetingRequest])
assert_type(lst.meetings(), SearchStrategy[lm.Meeting])
assert_type(lst.meetings_breaking("LM101"), SearchStrategy[lm.Meeting])
assert_type(
    lst.meetings(
        min_attendees=6,
        max_attendees=None,
        start=date(2026, 1, 5),
        end=None,
        zone=lm.COPENHAGEN,
        area=None,
        status=lm.MeetingStatus.PLANNED,
        pool=load_sample(),
        catalog=None,
    ),
    SearchStrategy[lm.Meeting],
)
assert_type(lst.attendees(pool=load_sample()), SearchStrategy[lm.Attendee])
assert_type(
    lst.scenarios(min_meetings=1, max_meetings=3, pool=None),
    SearchStrategy[lm.Scenario],
)
assert_type(
    lst.course_sessions(area=None, start=date(2026, 1, 5), pool=load_sample()),
    SearchStrategy[lm.CourseSession],
)
assert_type(lst.organisations(), SearchStrategy[lm.Organisation])
assert_type(lst.professionals(), SearchStrategy[lm.Professional])
assert_type(lst.professions(), SearchStrategy[lm.Profession])
assert_type(lst.planning_settings(), SearchStrategy[lm.PlanningSettings])
assert_type(lst.rooms(), SearchStrategy[lm.Room])
assert_type(lst.travel_times(), SearchStrategy[lm.TravelTimes])
assert_type(lst.reflections(), SearchStrategy[lm.Reflection])
assert_type(lst.relatives(), SearchStrategy[lm.Relative])
assert_type(lst.scenarios(), SearchStrategy[lm.Scenario])
assert_type(lst.sectors(), SearchStrategy[lm.Sector])
assert_type(lst.series(), SearchStrategy[lm.Series])
assert_type(lst.transitions(), SearchStrategy[lm.Transition])
assert_type(lst.audit_assessments(), SearchStrategy[lm.AuditAssessment])
assert_type(lst.audit_checks(), SearchStrategy[lm.AuditCheck])
assert_type(lst.audit_findings(), SearchStrategy[lm.AuditFinding])
assert_type(lst.units(), SearchStrategy[lm.Unit])
assert_type(lst.volunteers(), SearchStrategy[lm.Professional])
assert_type(cat.profession("nurse").group_code, str)
assert_type(cat.format("course_day").requirements.prerequisite_for(None), str | None)
assert_type(lm.PALLIATION_COURSES, Mapping[str, str])
assert_type(lm.COURSE_LABELS, Mapping[str, lm.Label])
assert_type(lst.working_hours(), SearchStrategy[lm.WorkingHours])
assert_type(lst.planning_settings(), SearchStrategy[lm.PlanningSettings])
assert_type(lst.rooms(), SearchStrategy[lm.Room])
assert_type(lst.travel_times(), SearchStrategy[lm.TravelTimes])
assert_type(lst.actions(), SearchStrategy[lm.Action])
assert_type(lst.answers(), SearchStrategy[lm.Answer])
assert_type(lst.contributions(), SearchStrategy[lm.Contribution])
assert_type(lst.invitations(), SearchStrategy[lm.Invitation])
assert_type(lst.learning_points(), SearchStrategy[lm.LearningPoint])
assert_type(lst.question_banks(), SearchStrategy[lm.QuestionBank])
assert_type(lst.questions(), SearchStrategy[lm.Question])
assert_type(lst.quotes(), SearchStrategy[lm.Quote])
assert_type(lst.reflection_cycles(), SearchStrategy[lm.ReflectionCycle])
assert_type(lst.reflection_models(), SearchStrategy[lm.ReflectionModel])
assert_type(lst.reflection_phases(), SearchStrategy[lm.ReflectionPhase])
assert_type(lst.responses(), SearchStrategy[lm.Response])
assert_type(lst.survey_data(), SearchStrategy[lst.SurveyData])
assert_type(lst.survey_items(), SearchStrategy[lm.SurveyItem])
assert_type(lst.surveys(), SearchStrategy[lm.Survey])
assert_type(lst.themes(), SearchStrategy[lm.Theme])
assert_type(lst.enrolments(), SearchStrategy[lm.Enrolment])
assert_type(lst.choices(), SearchStrategy[lm.Choice])
assert_type(lst.proposals(), SearchStrategy[lm.Proposal])
assert_type(lst.learning_plans(), SearchStrategy[lm.LearningPlan])
assert_type(lst.period_plans(), SearchStrategy[lm.PeriodPlan])
assert_type(lst.planning_configs(), SearchStrategy[lm.PlanningConfig])
assert_type(lst.preflights(), SearchStrategy[lm.Preflight])
assert_type(lst.planning_settings(), SearchStrategy[lm.PlanningSettings])
assert_type(lst.rooms(), SearchStrategy[lm.Room])
assert_type(lst.travel_times(), SearchStrategy[lm.TravelTimes])
assert_type(lst.reports(), SearchStrategy[lm.Report])
assert_type(lst.schedule_results(), SearchStrategy[lm.ScheduleResult])
assert_type(lst.session_fills(), SearchStrategy[lm.SessionFill])
assert_type(lst.subjects(), SearchStrategy[lm.Subject])
assert_type(lst.unattached_cases(), SearchStrategy[lm.Unattached])
assert_type(lst.unplaced_requests(), SearchStrategy[lm.Unplaced])
assert_type(lst.violations(), SearchStrategy[lm.Violation])
assert_type(lst.catalogs(), SearchStrategy[lm.Catalog])
assert_type(lst.errors(), SearchStrategy[lm.LearnmeetError])
assert_type(lst.errors(lm.UnknownCodeError), SearchStrategy[lm.UnknownCodeError])
assert_type(lst.data_problems(), SearchStrategy[lm.DataProblem])
assert_type(lst.evaluations(), SearchStrategy[lm.Evaluation])
assert_type(lst.findings(), SearchStrategy[lm.Finding])
assert_type(lst.holidays(), SearchStrategy[lm.Holiday])
assert_type(lst.level_summaries(), SearchStrategy[lm.LevelSummary])
assert_type(lst.response_rates(), SearchStrategy[lm.ResponseRates])
assert_type(lst.rule_contexts(), SearchStrategy[lm.RuleContext])
assert_type(lst.rule_sets(), SearchStrategy[lm.RuleSet])
assert_type(lst.rules(), SearchStrategy[lm.Rule])
assert_type(lst.yield_groups(), SearchStrategy[lm.YieldGroup])

# The attributes of a breach, as a user's test reads them.
assert_type(lst.breaches("LM201").example().meeting, lm.Meeting)
assert_type(lst.breaches("LM201").example().context, lm.RuleContext | None)


@given(lst.meetings(format="home_meeting"), st.from_type(lm.Citizen))
def check_in_a_users_test(meeting: lm.Meeting, citizen: lm.Citizen) -> None:
    assert_type(lm.validate(meeting).ok, bool)
    assert_type(citizen.pseudonym, str)


@given(lst.history_scenarios())
def check_a_learning_record(scenario: lm.Scenario) -> None:
    record = lm.learning_record(scenario, on=date(2027, 1, 1))
    assert_type(record.people[0].activities[0].role, lm.AttendeeRole)
    assert_type(record.person("p-1"), lm.PersonRecord | None)
    assert_type(
        record.people[0].reflections[0].learning_points, tuple[lm.LearningPoint, ...]
    )


def check_xapi(record: lm.LearningRecord) -> None:
    statements = lm.xapi_statements(record, home_page="https://kommune.example")
    assert_type(statements, tuple[dict[str, Any], ...])
    lm.validate_xapi(statements)
    assert_type(lm.xapi_files(load_sample()), dict[str, str])
    assert_type(lm.XAPI_VERBS["attended"], str)


@given(lst.survey_data())
def check_an_evaluation(data: lst.SurveyData) -> None:
    result = lm.evaluate(data.survey, data.invitations, data.responses, data.meetings)
    assert_type(result.rates.rr1, float | None)
    group = result.group(lm.Dimension.FORMAT, "learning_meeting")
    assert_type(group, lm.YieldGroup | None)
    assert_type(lm.yield_chart_svg(result, "da"), str)
    assert_type(result.method, lm.Measurement)
    assert_type(result.levels[0].method, lm.Measurement)
    assert_type(result.levels[0].perceived, bool)
    assert_type(lm.fhir_questionnaire(data.survey, lang="en"), dict[str, Any])
    assert_type(
        lm.fhir_questionnaire_responses(
            data.survey, data.invitations, data.responses, data.meetings
        ),
        list[dict[str, Any]],
    )
    assert_type(lm.FOLLOW_UP_SURVEY.follow_up_after, timedelta | None)
    assert_type(lm.FOLLOW_UP_SURVEY.send_at(data.meetings[0]), datetime)
    assert_type(data.invitations[0].send_at, datetime | None)
    assert_type(lm.KirkpatrickLevel.RESULTS.needs_follow_up, bool)


def check_a_cycle(model: lm.ReflectionModel) -> None:
    cycle = lm.ReflectionCycle.start(model, subject="forum-1", meeting="m-1")
    assert_type(cycle.contribute("professional:p-1", "x").advance(), lm.ReflectionCycle)
    assert_type(cycle.open_actions, tuple[lm.Action, ...])
    assert_type(lm.QUESTION_BANK.choose("gibbs", seed=1), lm.Reflection)


def check_staff_calendars(text: str, data: bytes, staff: list[lm.Professional]) -> None:
    window = (
        datetime(2027, 1, 1, tzinfo=lm.COPENHAGEN),
        datetime(2027, 4, 1, tzinfo=lm.COPENHAGEN),
    )
    assert_type(lm.busy_from_ical(text, window), tuple[lm.Interval, ...])
    assert_type(
        lm.busy_from_ical(data, window, name="p-1.ics"), tuple[lm.Interval, ...]
    )
    index = lm.busy_index_from_ical({"p-1.ics": data}, staff, window)
    assert_type(index, lm.BusyIndex)
    assert_type(
        lm.plan_period(
            load_sample(), start=date(2027, 1, 1), end=date(2027, 3, 31), busy=index
        ),
        lm.PeriodPlan,
    )
    assert_type(lm.BUSY_TYPES, frozenset[str])
    assert_type(lm.Series.from_ical(text).occurrences(*window), tuple[datetime, ...])


def check_series_and_programmes(
    series: lm.CourseSeries, days: list[lm.Meeting], evaluation: lm.Evaluation
) -> None:
    verdict = lm.series_signal(series, days, evaluation=evaluation)
    assert_type(verdict, lm.SeriesVerdict)
    assert_type(verdict.signal, lm.SeriesSignal)
    assert_type(verdict.benefit, float | None)
    assert_type(lm.SeriesThresholds(judge_after=3).min_benefit, float)
    programme = lm.Programme(
        id="pulje", name="En værdig død", start=date(2027, 1, 1), end=date(2027, 12, 31)
    )
    assert_type(programme.problems(days), tuple[lm.DataProblem, ...])
    assert_type(programme.covers(date(2027, 5, 1)), bool)
    assert_type(lst.programmes(meetings=days), SearchStrategy[lm.Programme])
    assert_type(lst.course_series(), SearchStrategy[lm.CourseSeries])
    assert_type(lst.series_thresholds(), SearchStrategy[lm.SeriesThresholds])
    assert_type(lst.series_verdicts(), SearchStrategy[lm.SeriesVerdict])


def check_leaders_and_sources() -> None:
    assert_type(lm.FACILITATOR_COURSE, str)
    req = cat.format("key_person_network").requirements
    assert_type(req.required_role, lm.StaffRole | None)
    assert_type(req.facilitator_course, str | None)
    question = lm.QUESTION_BANK.questions(model="meeting_structure")[0]
    assert_type(question.source, lm.Label | None)


def check_fhir_care() -> None:
    case = load_sample().cases[0]
    assert_type(lm.fhir_care_resources(load_sample()), list[dict[str, Any]])
    assert_type(lm.fhir_care_team(case), list[dict[str, Any]])
    assert_type(lm.fhir_episode_of_care(case, lang="en"), dict[str, Any])
    assert_type(
        lm.fhir_encounters(case, base="https://x.invalid"), list[dict[str, Any]]
    )
    assert_type(lm.fhir_consent(case, today=date(2027, 1, 4)), list[dict[str, Any]])


def check_dated_completions(person: lm.Professional, scenario: lm.Scenario) -> None:
    done = lm.CourseCompletion(
        course=lm.FACILITATOR_COURSE,
        completed_on=date(2026, 9, 3),
        expires_on=date(2029, 9, 2),
    )
    assert_type(done.expires_on, date | None)
    assert_type(done.valid_on(date(2027, 2, 2)), bool)
    assert_type(done.expired_on(date(2030, 1, 1)), bool)
    assert_type(person.completions, tuple[lm.CourseCompletion, ...])
    assert_type(person.has_completed(lm.FACILITATOR_COURSE), bool)
    assert_type(person.has_completed("palliation_nurse", date(2027, 2, 2)), bool)
    req = cat.format("course_day").requirements
    assert_type(req.missing_prerequisite(person, date(2027, 2, 2)), str | None)
    assert_type(scenario.cycles, tuple[lm.ReflectionCycle, ...])
    assert_type(lst.course_completions(), SearchStrategy[lm.CourseCompletion])
    assert_type(lst.history_scenarios(), SearchStrategy[lm.Scenario])
    assert_type(lst.learning_records(), SearchStrategy[lm.LearningRecord])
    assert_type(lst.person_records(), SearchStrategy[lm.PersonRecord])
    assert_type(lst.learning_activities(), SearchStrategy[lm.LearningActivity])
    assert_type(lst.reflection_entries(), SearchStrategy[lm.ReflectionEntry])
    assert_type(lst.relation_maps(), SearchStrategy[lm.RelationMap])
    assert_type(lst.encounters(), SearchStrategy[lm.Encounter])
    assert_type(lst.facilitations(), SearchStrategy[lm.Facilitation])
    assert_type(lst.gaps(), SearchStrategy[lm.Gaps])
    assert_type(lst.missing_courses(), SearchStrategy[lm.MissingCourse])
    assert_type(lst.completed_courses(), SearchStrategy[lm.CompletedCourse])
