"""Layer 1, the model: immutable, validated values.

Import these names from :mod:`learnmeet`; the submodules are private.
"""

from typing import TYPE_CHECKING

from learnmeet._lazy import lazy_names
from learnmeet.model._calendar import Holiday, WorkingHours, danish_holidays
from learnmeet.model._cases import (
    CaseOrigin,
    CitizenCase,
    Consent,
    HandoverDocument,
    PalliativeLevel,
    Transition,
    TransitionKind,
)
from learnmeet.model._checks import COPENHAGEN, looks_like_cpr
from learnmeet.model._formats import FictionalCase, FormatRequirements, MeetingFormat
from learnmeet.model._labels import LANGUAGES, Label, LabelledEnum, Lang
from learnmeet.model._meetings import (
    Attendance,
    Attendee,
    AttendeeRole,
    Cancellation,
    CancellationReason,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participation,
    Reflection,
    Rsvp,
)
from learnmeet.model._people import (
    Area,
    Citizen,
    Discipline,
    Organisation,
    Person,
    Profession,
    Professional,
    Relation,
    Relative,
    Sector,
    StaffRole,
    Unit,
)

if TYPE_CHECKING:
    from learnmeet.model._cycle import (
        LEARNING_TAGS,
        Action,
        ActionStatus,
        Contribution,
        LearningPoint,
        ReflectionCycle,
    )
    from learnmeet.model._forums import Forum
    from learnmeet.model._reflection import (
        Audience,
        PhaseKind,
        Question,
        QuestionBank,
        ReflectionModel,
        ReflectionPhase,
    )
    from learnmeet.model._scenario import Scenario
    from learnmeet.model._survey import (
        Answer,
        Eligibility,
        Invitation,
        ItemKind,
        KirkpatrickLevel,
        Outcome,
        Quote,
        QuoteSource,
        Response,
        Survey,
        SurveyItem,
        Theme,
        invite,
    )

# Reflection cycles, forums, scenarios and surveys load on first use: most
# programs that import the model never touch them (see learnmeet._lazy).
_LAZY = {
    "LEARNING_TAGS": "learnmeet.model._cycle",
    "Action": "learnmeet.model._cycle",
    "ActionStatus": "learnmeet.model._cycle",
    "Contribution": "learnmeet.model._cycle",
    "LearningPoint": "learnmeet.model._cycle",
    "ReflectionCycle": "learnmeet.model._cycle",
    "Forum": "learnmeet.model._forums",
    "Audience": "learnmeet.model._reflection",
    "PhaseKind": "learnmeet.model._reflection",
    "Question": "learnmeet.model._reflection",
    "QuestionBank": "learnmeet.model._reflection",
    "ReflectionModel": "learnmeet.model._reflection",
    "ReflectionPhase": "learnmeet.model._reflection",
    "Scenario": "learnmeet.model._scenario",
    "Answer": "learnmeet.model._survey",
    "Eligibility": "learnmeet.model._survey",
    "Invitation": "learnmeet.model._survey",
    "ItemKind": "learnmeet.model._survey",
    "KirkpatrickLevel": "learnmeet.model._survey",
    "Outcome": "learnmeet.model._survey",
    "Quote": "learnmeet.model._survey",
    "QuoteSource": "learnmeet.model._survey",
    "Response": "learnmeet.model._survey",
    "Survey": "learnmeet.model._survey",
    "SurveyItem": "learnmeet.model._survey",
    "Theme": "learnmeet.model._survey",
    "invite": "learnmeet.model._survey",
}

__all__ = [
    "COPENHAGEN",
    "LANGUAGES",
    "LEARNING_TAGS",
    "Action",
    "ActionStatus",
    "Answer",
    "Area",
    "Attendance",
    "Attendee",
    "AttendeeRole",
    "Audience",
    "Cancellation",
    "CancellationReason",
    "CaseOrigin",
    "Citizen",
    "CitizenCase",
    "Cohort",
    "Consent",
    "Contribution",
    "Discipline",
    "Eligibility",
    "FictionalCase",
    "FormatRequirements",
    "Forum",
    "HandoverDocument",
    "Holiday",
    "Invitation",
    "ItemKind",
    "KirkpatrickLevel",
    "Label",
    "LabelledEnum",
    "Lang",
    "LearningPoint",
    "Location",
    "LocationKind",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "Organisation",
    "Outcome",
    "PalliativeLevel",
    "Participation",
    "Person",
    "PhaseKind",
    "Profession",
    "Professional",
    "Question",
    "QuestionBank",
    "Quote",
    "QuoteSource",
    "Reflection",
    "ReflectionCycle",
    "ReflectionModel",
    "ReflectionPhase",
    "Relation",
    "Relative",
    "Response",
    "Rsvp",
    "Scenario",
    "Sector",
    "StaffRole",
    "Survey",
    "SurveyItem",
    "Theme",
    "Transition",
    "TransitionKind",
    "Unit",
    "WorkingHours",
    "danish_holidays",
    "invite",
    "looks_like_cpr",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, _LAZY)
