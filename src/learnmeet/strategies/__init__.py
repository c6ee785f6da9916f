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

The example in each strategy's docstring assumes these names, and draws one
value without shrinking::

    import learnmeet as lm
    from hypothesis import Phase, find, given, settings
    from learnmeet import strategies as lst

    quick = settings(phases=[Phase.generate], database=None)

.. versionadded:: 0.1.0
"""

from learnmeet.strategies._audit import (
    audit_assessments,
    audit_checks,
    audit_findings,
)
from learnmeet.strategies._availability import (
    absences,
    availabilities,
    holidays,
    working_hours,
    working_patterns,
)
from learnmeet.strategies._breaches import (
    Breach,
    breach_formats,
    breaches,
    meetings_breaking,
)
from learnmeet.strategies._cases import (
    citizen_cases,
    consents,
    permissions,
    transitions,
)
from learnmeet.strategies._catalog import catalogs
from learnmeet.strategies._errors import data_problems, errors
from learnmeet.strategies._evaluation import (
    evaluations,
    level_summaries,
    response_rates,
    yield_groups,
)
from learnmeet.strategies._meetings import (
    attendees,
    cancellations,
    cohorts,
    format_requirements,
    forums,
    locations,
    meetings,
    reflections,
    scenarios,
)
from learnmeet.strategies._people import (
    areas,
    citizens,
    course_completions,
    cpr_numbers,
    labels,
    meeting_formats,
    organisations,
    professionals,
    professions,
    relatives,
    sectors,
    units,
    volunteers,
)
from learnmeet.strategies._planning import (
    busy_indexes,
    choices,
    course_sessions,
    enrolments,
    intervals,
    learning_plans,
    meeting_requests,
    period_plans,
    planning_configs,
    planning_settings,
    preflights,
    proposals,
    rooms,
    schedule_results,
    series,
    session_fills,
    subjects,
    travel_times,
    unattached_cases,
    unplaced_requests,
)
from learnmeet.strategies._projects import (
    course_series,
    programmes,
    series_thresholds,
    series_verdicts,
)
from learnmeet.strategies._record import (
    completed_courses,
    encounters,
    facilitations,
    gaps,
    history_scenarios,
    learning_activities,
    learning_records,
    missing_courses,
    person_records,
    reflection_entries,
    relation_maps,
)
from learnmeet.strategies._reflection import (
    actions,
    contributions,
    learning_points,
    question_banks,
    questions,
    reflection_cycles,
    reflection_models,
    reflection_phases,
)
from learnmeet.strategies._rules import (
    findings,
    reports,
    rule_contexts,
    rule_sets,
    rules,
    violations,
)
from learnmeet.strategies._survey import (
    SurveyData,
    answers,
    invitations,
    quotes,
    responses,
    survey_data,
    survey_items,
    surveys,
    themes,
)

__all__ = [
    "Breach",
    "SurveyData",
    "absences",
    "actions",
    "answers",
    "areas",
    "attendees",
    "audit_assessments",
    "audit_checks",
    "audit_findings",
    "availabilities",
    "breach_formats",
    "breaches",
    "busy_indexes",
    "cancellations",
    "catalogs",
    "choices",
    "citizen_cases",
    "citizens",
    "cohorts",
    "completed_courses",
    "consents",
    "contributions",
    "course_completions",
    "course_series",
    "course_sessions",
    "cpr_numbers",
    "data_problems",
    "encounters",
    "enrolments",
    "errors",
    "evaluations",
    "facilitations",
    "findings",
    "format_requirements",
    "forums",
    "gaps",
    "history_scenarios",
    "holidays",
    "intervals",
    "invitations",
    "labels",
    "learning_activities",
    "learning_plans",
    "learning_points",
    "learning_records",
    "level_summaries",
    "locations",
    "meeting_formats",
    "meeting_requests",
    "meetings",
    "meetings_breaking",
    "missing_courses",
    "organisations",
    "period_plans",
    "permissions",
    "person_records",
    "planning_configs",
    "planning_settings",
    "preflights",
    "professionals",
    "professions",
    "programmes",
    "proposals",
    "question_banks",
    "questions",
    "quotes",
    "reflection_cycles",
    "reflection_entries",
    "reflection_models",
    "reflection_phases",
    "reflections",
    "relation_maps",
    "relatives",
    "reports",
    "response_rates",
    "responses",
    "rooms",
    "rule_contexts",
    "rule_sets",
    "rules",
    "scenarios",
    "schedule_results",
    "sectors",
    "series",
    "series_thresholds",
    "series_verdicts",
    "session_fills",
    "subjects",
    "survey_data",
    "survey_items",
    "surveys",
    "themes",
    "transitions",
    "travel_times",
    "unattached_cases",
    "units",
    "unplaced_requests",
    "violations",
    "volunteers",
    "working_hours",
    "working_patterns",
    "yield_groups",
]
