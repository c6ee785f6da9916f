"""Register learnmeet's strategies with hypothesis, through its entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, so
``st.from_type(learnmeet.Meeting)`` works in a user's test suite without
importing :mod:`learnmeet.strategies`. The hook must be cheap and must never
fail: it registers *lazy* strategies (the strategies package is imported on the
first draw), and any error is swallowed so a broken install cannot break the
user's hypothesis. :func:`register` does the work and lets errors through, so
the test suite can see that registration happens.
"""

from __future__ import annotations

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
    "Choice": "choices",
    "Citizen": "citizens",
    "CitizenCase": "citizen_cases",
    "Cohort": "cohorts",
    "CompletedCourse": "completed_courses",
    "Consent": "consents",
    "Contribution": "contributions",
    "CourseCompletion": "course_completions",
    "CourseSeries": "course_series",
    "CourseSession": "course_sessions",
    "Encounter": "encounters",
    "Enrolment": "enrolments",
    "Facilitation": "facilitations",
    "FormatRequirements": "format_requirements",
    "Forum": "forums",
    "Gaps": "gaps",
    "Interval": "intervals",
    "Invitation": "invitations",
    "Label": "labels",
    "LearningActivity": "learning_activities",
    "LearningPlan": "learning_plans",
    "LearningRecord": "learning_records",
    "LearningPoint": "learning_points",
    "Location": "locations",
    "Meeting": "meetings",
    "MeetingFormat": "meeting_formats",
    "MeetingRequest": "meeting_requests",
    "MissingCourse": "missing_courses",
    "Organisation": "organisations",
    "Permission": "permissions",
    "PersonRecord": "person_records",
    "PeriodPlan": "period_plans",
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
    "Scenario": "scenarios",
    "ScheduleResult": "schedule_results",
    "Sector": "sectors",
    "Series": "series",
    "SeriesThresholds": "series_thresholds",
    "SeriesVerdict": "series_verdicts",
    "SessionFill": "session_fills",
    "Subject": "subjects",
    "Survey": "surveys",
    "SurveyItem": "survey_items",
    "Theme": "themes",
    "Transition": "transitions",
    "TravelTimes": "travel_times",
    "Unattached": "unattached_cases",
    "Unit": "units",
    "Unplaced": "unplaced_requests",
    "Violation": "violations",
    "WorkingHours": "working_hours",
    "WorkingPattern": "working_patterns",
}
"""The registry: each public type with a strategy, and its function's name.

Each name is a public function of :mod:`learnmeet.strategies` that takes no
required argument; the test suite holds the registry to the public names, so a
new public value type cannot be left without a strategy unnoticed.
"""


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    def resolve(_: type[Any]) -> Any:
        from learnmeet import strategies

        return getattr(strategies, name)()

    return resolve


def register() -> None:
    """Register a lazy strategy for every type in the registry ``_STRATEGIES``.

    Raises:
        AttributeError: A registered name is not a public learnmeet type.
        ImportError: hypothesis is not installed.
    """
    from hypothesis import strategies as st

    import learnmeet

    for type_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(learnmeet, type_name), _lazy(strategy_name))


def _hypothesis_setup_hook() -> None:
    """Hypothesis' entry point: :func:`register`, never raising."""
    try:
        register()
    except Exception:  # a broken install must not break the user's hypothesis
        return
