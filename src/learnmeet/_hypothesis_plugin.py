"""Register learnmeet's strategies with hypothesis, through its entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, so
``st.from_type(learnmeet.Meeting)`` works in a user's test suite without
importing :mod:`learnmeet.strategies`. The hook must be cheap and must never
fail: it registers *lazy* strategies (the strategies module is imported on the
first draw), and any error is swallowed so a broken install cannot break the
user's hypothesis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _lazy(name: str) -> Callable[[type[Any]], Any]:
    def resolve(_: type[Any]) -> Any:
        from learnmeet import strategies

        return getattr(strategies, name)()

    return resolve


_STRATEGIES = {
    "Action": "actions",
    "Answer": "answers",
    "Area": "areas",
    "Attendee": "attendees",
    "BusyIndex": "busy_indexes",
    "Cancellation": "cancellations",
    "Citizen": "citizens",
    "CitizenCase": "citizen_cases",
    "Cohort": "cohorts",
    "Consent": "consents",
    "Contribution": "contributions",
    "CourseSession": "course_sessions",
    "FormatRequirements": "format_requirements",
    "Forum": "forums",
    "Interval": "intervals",
    "Invitation": "invitations",
    "Label": "labels",
    "LearningPoint": "learning_points",
    "Location": "locations",
    "Meeting": "meetings",
    "MeetingFormat": "meeting_formats",
    "MeetingRequest": "meeting_requests",
    "Organisation": "organisations",
    "Profession": "professions",
    "Professional": "professionals",
    "Question": "questions",
    "QuestionBank": "question_banks",
    "Quote": "quotes",
    "Reflection": "reflections",
    "ReflectionCycle": "reflection_cycles",
    "ReflectionModel": "reflection_models",
    "ReflectionPhase": "reflection_phases",
    "Relative": "relatives",
    "Response": "responses",
    "Scenario": "scenarios",
    "Sector": "sectors",
    "Series": "series",
    "Survey": "surveys",
    "SurveyItem": "survey_items",
    "Theme": "themes",
    "Transition": "transitions",
    "Unit": "units",
    "WorkingHours": "working_hours",
}


def _hypothesis_setup_hook() -> None:
    """Register a lazy strategy for every public model type (never raises)."""
    try:
        from hypothesis import strategies as st

        import learnmeet

        for type_name, strategy_name in _STRATEGIES.items():
            st.register_type_strategy(
                getattr(learnmeet, type_name), _lazy(strategy_name)
            )
    except Exception:
        return
