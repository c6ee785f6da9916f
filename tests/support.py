"""Shared strategies for the test suite, built on ``learnmeet.strategies``."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import learnmeet as lm
from learnmeet import strategies as lst

MODEL_STRATEGIES: tuple[tuple[type[Any], st.SearchStrategy[Any]], ...] = (
    (lm.Area, lst.areas()),
    (lm.Attendee, lst.attendees()),
    (lm.Cancellation, lst.cancellations()),
    (lm.Citizen, lst.citizens()),
    (lm.CitizenCase, lst.citizen_cases()),
    (lm.Cohort, lst.cohorts()),
    (lm.Consent, lst.consents()),
    (lm.FormatRequirements, lst.format_requirements()),
    (lm.Forum, lst.forums()),
    (lm.Label, lst.labels()),
    (lm.Location, lst.locations()),
    (lm.Meeting, lst.meetings()),
    (lm.MeetingFormat, lst.meeting_formats()),
    (lm.Organisation, lst.organisations()),
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
)
"""Every JSON model type with the public strategy for it."""


def any_model_value() -> st.SearchStrategy[Any]:
    """Any value of any model type."""
    return st.one_of([strategy for _, strategy in MODEL_STRATEGIES])


def pools() -> st.SearchStrategy[list[lm.Professional]]:
    """Pools of professionals with distinct ids, as a composer sees them."""
    return st.lists(
        lst.professionals(), min_size=0, max_size=12, unique_by=lambda p: p.id
    )
