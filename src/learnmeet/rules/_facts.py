"""What many built-in rules ask of one meeting, and how they word a finding.

Who takes part is the model's one definition (:attr:`Meeting.taking_part
<learnmeet.Meeting.taking_part>` and :attr:`Meeting.professionals_taking_part
<learnmeet.Meeting.professionals_taking_part>`: neither information-only nor
declined); a validation works it out once per meeting (:func:`hold`) and every
rule reads it through :func:`part`.
"""

from __future__ import annotations

from contextvars import ContextVar, Token

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting, TakingPart, who_takes_part
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, meeting_subject

__all__ = [
    "case_subject",
    "format_da",
    "format_en",
    "hold",
    "on",
    "one",
    "part",
    "release",
]


_HELD: ContextVar[tuple[Meeting, TakingPart] | None] = ContextVar("_HELD", default=None)
"""The meeting a validation is checking now, and who takes part in it."""


def part(meeting: Meeting) -> TakingPart:
    """Who takes part in *meeting* and in which roles (the model's answer).

    Worked out once per meeting while :func:`hold` holds it, so the rules of
    one validation share one pass over the attendees; otherwise worked out
    afresh. Nothing outlives the validation.
    """
    held = _HELD.get()
    if held is not None and held[0] is meeting:
        return held[1]
    return who_takes_part(meeting)


def hold(meeting: Meeting) -> Token[tuple[Meeting, TakingPart] | None]:
    """Work out who takes part in *meeting* once, for the rules checking it.

    Give the token back to :func:`release` when the meeting is checked.
    """
    return _HELD.set((meeting, who_takes_part(meeting)))


def release(token: Token[tuple[Meeting, TakingPart] | None]) -> None:
    """Forget the meeting :func:`hold` held."""
    _HELD.reset(token)


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
