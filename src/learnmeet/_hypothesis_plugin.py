"""Register learnmeet's strategies with hypothesis, through its entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, so
``st.from_type(learnmeet.Meeting)`` works in a user's test suite without
importing :mod:`learnmeet.strategies`. The hook must be cheap and must never
fail, and it runs in every suite that imports hypothesis, most of which never
use learnmeet: it imports no layer of learnmeet, only the package's table of
public names. It registers the types whose modules are loaded already; the
others register themselves when learnmeet's lazy table loads their module
(:func:`learnmeet._lazy.lazy_names` calls :func:`_on_load` while this module
is loaded). Each registered strategy is itself lazy: the strategies package
is imported on the first draw. Errors in the hook are swallowed, so a broken
install cannot break the user's hypothesis; :func:`register` does the whole
work at once and lets errors through, so the test suite can see them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

_STRATEGIES: dict[str, str] = {
    "Absence": "absences",
    "Action": "actions",
    "Answer": "answers",
    "Area": "areas",
    "Attendee": "attendees",
    "AuditAssessment": "audit_assessments",
    "AuditCheck": "audit_checks",
    "AuditFinding": "audit_findings",
    "Availability": "availabilities",
    "BusyIndex": "busy_indexes",
    "Cancellation": "cancellations",
    "Catalog": "catalogs",
    "Choice": "choices",
    "Citizen": "citizens",
    "CitizenCase": "citizen_cases",
    "Cohort": "cohorts",
    "CompletedCourse": "completed_courses",
    "Consent": "consents",
    "Contribution": "contributions",
    "CourseCompletion": "course_completions",
    "CourseSeries": "course_series",
    "CycleOrderError": "errors",
    "DataProblem": "data_problems",
    "CourseSession": "course_sessions",
    "Encounter": "encounters",
    "Enrolment": "enrolments",
    "Evaluation": "evaluations",
    "Facilitation": "facilitations",
    "Finding": "findings",
    "FormatRequirements": "format_requirements",
    "Forum": "forums",
    "Gaps": "gaps",
    "Holiday": "holidays",
    "Interval": "intervals",
    "InvalidDataError": "errors",
    "InvalidValueError": "errors",
    "Invitation": "invitations",
    "Label": "labels",
    "LearningActivity": "learning_activities",
    "LearningPlan": "learning_plans",
    "LearningRecord": "learning_records",
    "LearningPoint": "learning_points",
    "LearnmeetError": "errors",
    "LevelSummary": "level_summaries",
    "Location": "locations",
    "Meeting": "meetings",
    "MeetingFormat": "meeting_formats",
    "MeetingRequest": "meeting_requests",
    "MeetingRulesError": "errors",
    "MissingCourse": "missing_courses",
    "NaiveDatetimeError": "errors",
    "Organisation": "organisations",
    "Permission": "permissions",
    "PersonRecord": "person_records",
    "PeriodPlan": "period_plans",
    "PersonalDataError": "errors",
    "PlanningConfig": "planning_configs",
    "PlanningSettings": "planning_settings",
    "Preflight": "preflights",
    "Profession": "professions",
    "Professional": "professionals",
    "Programme": "programmes",
    "Proposal": "proposals",
    "Question": "questions",
    "QuestionBank": "question_banks",
    "Quote": "quotes",
    "Reflection": "reflections",
    "ReflectionCycle": "reflection_cycles",
    "ReflectionEntry": "reflection_entries",
    "ReflectionModel": "reflection_models",
    "ReflectionPhase": "reflection_phases",
    "RelationMap": "relation_maps",
    "Relative": "relatives",
    "Report": "reports",
    "Room": "rooms",
    "Response": "responses",
    "ResponseRates": "response_rates",
    "Rule": "rules",
    "RuleContext": "rule_contexts",
    "RuleSet": "rule_sets",
    "Scenario": "scenarios",
    "ScheduleResult": "schedule_results",
    "Sector": "sectors",
    "Series": "series",
    "SeriesThresholds": "series_thresholds",
    "SeriesVerdict": "series_verdicts",
    "SessionFill": "session_fills",
    "SkippedTimeError": "errors",
    "Subject": "subjects",
    "Survey": "surveys",
    "SurveyItem": "survey_items",
    "Theme": "themes",
    "Transition": "transitions",
    "TravelTimes": "travel_times",
    "Unattached": "unattached_cases",
    "Unit": "units",
    "UnknownCodeError": "errors",
    "Unplaced": "unplaced_requests",
    "Violation": "violations",
    "WorkingHours": "working_hours",
    "WorkingPattern": "working_patterns",
    "WrongTypeError": "errors",
    "YieldGroup": "yield_groups",
}
"""The registry: each public type with a strategy, and its function's name.

Each name is a public function of :mod:`learnmeet.strategies` that takes no
required argument (``errors`` is given the error class asked for); the test
suite holds the registry to the public names, so a new public value type
cannot be left without a strategy unnoticed.
"""


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    def resolve(cls: type[Any]) -> Any:
        from learnmeet import strategies

        strategy = getattr(strategies, name)
        return strategy(cls) if name == "errors" else strategy()

    return resolve


def register() -> None:
    """Register a lazy strategy for every type in the registry ``_STRATEGIES``.

    This imports every module that defines one of the types; the entry point
    uses :func:`register_loaded`, which imports none.

    Raises:
        AttributeError: A registered name is not a public learnmeet type.
        ImportError: hypothesis is not installed.
    """
    from hypothesis import strategies as st

    import learnmeet

    for type_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(learnmeet, type_name), _lazy(strategy_name))


def register_loaded() -> None:
    """Register the types of the registry whose modules are loaded already.

    Reads the modules from :data:`sys.modules` and the package's table of
    public names; imports nothing of learnmeet beyond that table. Registering
    a type again replaces its strategy with an equal one.
    """
    from hypothesis import strategies as st

    import learnmeet

    for module_name, names in learnmeet._PUBLIC.items():
        module = sys.modules.get(module_name)
        if module is None:
            continue
        for name in names:
            strategy = _STRATEGIES.get(name)
            value = getattr(module, name, None) if strategy else None
            if strategy is not None and isinstance(value, type):
                st.register_type_strategy(value, _lazy(strategy))


def _on_load() -> None:
    """What learnmeet's lazy table calls after loading a module: never raises."""
    try:
        register_loaded()
    except Exception:  # reading a learnmeet name must not fail for hypothesis
        return


def _hypothesis_setup_hook() -> None:
    """Hypothesis' entry point: :func:`register_loaded`, never raising."""
    _on_load()
