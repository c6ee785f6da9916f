"""Layer 3, planning: composing, scheduling and attaching learning to forums."""

from learnmeet.planning._cohorts import CourseSession, Enrolment, SessionFill, enrol
from learnmeet.planning._composer import DEFAULT_REFLECTION, Choice, Proposal, compose
from learnmeet.planning._forums import (
    LearningPlan,
    Unattached,
    attach_learning,
    forum_series,
)
from learnmeet.planning._period import PeriodPlan, plan_period
from learnmeet.planning._recurrence import Series
from learnmeet.planning._schedule import (
    MeetingRequest,
    ScheduleResult,
    Unplaced,
    schedule,
)
from learnmeet.planning._slots import (
    BusyIndex,
    Interval,
    busy_from_meetings,
    find_slots,
    free_time,
)

__all__ = [
    "DEFAULT_REFLECTION",
    "BusyIndex",
    "Choice",
    "CourseSession",
    "Enrolment",
    "Interval",
    "LearningPlan",
    "MeetingRequest",
    "PeriodPlan",
    "Proposal",
    "ScheduleResult",
    "Series",
    "SessionFill",
    "Unattached",
    "Unplaced",
    "attach_learning",
    "busy_from_meetings",
    "compose",
    "enrol",
    "find_slots",
    "forum_series",
    "free_time",
    "plan_period",
    "schedule",
]
