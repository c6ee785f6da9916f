"""Layer 1, the model: immutable, validated values.

Import these names from :mod:`learnmeet`; the submodules are private.
"""

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
from learnmeet.model._forums import Forum
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
from learnmeet.model._scenario import Scenario

__all__ = [
    "COPENHAGEN",
    "LANGUAGES",
    "Area",
    "Attendance",
    "Attendee",
    "AttendeeRole",
    "Cancellation",
    "CancellationReason",
    "CaseOrigin",
    "Citizen",
    "CitizenCase",
    "Cohort",
    "Consent",
    "Discipline",
    "FictionalCase",
    "FormatRequirements",
    "Forum",
    "HandoverDocument",
    "Holiday",
    "Label",
    "LabelledEnum",
    "Lang",
    "Location",
    "LocationKind",
    "Meeting",
    "MeetingFormat",
    "MeetingStatus",
    "Organisation",
    "PalliativeLevel",
    "Participation",
    "Person",
    "Profession",
    "Professional",
    "Reflection",
    "Relation",
    "Relative",
    "Rsvp",
    "Scenario",
    "Sector",
    "StaffRole",
    "Transition",
    "TransitionKind",
    "Unit",
    "WorkingHours",
    "danish_holidays",
    "looks_like_cpr",
]
