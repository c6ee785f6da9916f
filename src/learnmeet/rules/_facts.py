"""What many built-in rules ask of one meeting, and how they word a finding.

Who takes part is the model's one definition (:attr:`Meeting.taking_part
<learnmeet.Meeting.taking_part>` and :attr:`Meeting.professionals_taking_part
<learnmeet.Meeting.professionals_taking_part>`: neither information-only nor
declined); the facts here are read from it, never worked out again.
"""

from __future__ import annotations

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Attendee, AttendeeRole, Meeting
from learnmeet.model._people import Professional
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, meeting_subject

__all__ = [
    "Facts",
    "case_subject",
    "facts",
    "format_da",
    "format_en",
    "host",
    "on",
    "one",
]


# Enum members read once: in Python 3.11 reading one off its class costs ten
# times a module global, and the facts read them for every attendee.
_HOST = AttendeeRole.HOST
_OBSERVER = AttendeeRole.OBSERVER
_FACILITATOR = AttendeeRole.FACILITATOR


class Facts:
    """What several rules ask of one meeting, in one pass over those taking part.

    Which professionals discuss (are not observers), who facilitates, and the
    first professional host.
    """

    __slots__ = ("discussants", "facilitators", "host")

    def __init__(self, meeting: Meeting) -> None:
        discussants: list[Professional] = []
        facilitators: list[Attendee] = []
        host: Professional | None = None
        for a in meeting.taking_part:
            role = a.role
            if role is _FACILITATOR:
                facilitators.append(a)
            person = a.person
            if isinstance(person, Professional):
                if role is not _OBSERVER:
                    discussants.append(person)
                if host is None and role is _HOST:
                    host = person
        self.discussants = discussants
        self.facilitators = facilitators
        self.host = host


def facts(meeting: Meeting) -> Facts:
    """The facts of *meeting*, worked out afresh (nothing is remembered)."""
    return Facts(meeting)


def host(meeting: Meeting) -> Professional | None:
    """The first professional taking part as host, if any."""
    return facts(meeting).host


def one(
    subject: Subject, *, da: str, en: str, severity: Severity | None = None
) -> tuple[Finding]:
    """One finding about *subject*."""
    return (Finding(subject, Label(da=da, en=en), severity),)


def on(meeting: Meeting, *, da: str, en: str) -> tuple[Finding]:
    """One finding about the meeting as a whole."""
    return one(meeting_subject(meeting), da=da, en=en)


def case_subject(meeting: Meeting) -> Subject:
    """The subject for a finding about the meeting's case (which it must have)."""
    assert meeting.case is not None
    return Subject(SubjectKind.CASE, meeting.case.id)


def format_da(meeting: Meeting) -> str:
    """The meeting's format as a Danish message names it."""
    return f"mødeformen «{meeting.format.label.da}»"


def format_en(meeting: Meeting) -> str:
    """The meeting's format as an English message names it."""
    return f"the format “{meeting.format.label.en}”"
