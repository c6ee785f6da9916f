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
from learnmeet.model._people import Citizen, Person
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, meeting_subject

__all__ = [
    "case_subject",
    "enrolled_da",
    "format_da",
    "format_en",
    "hold",
    "named",
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


def enrolled_da(count: int) -> str:
    """*count* enrolled people in Danish: "1 tilmeldt", "7 tilmeldte".

    The participle agrees with the number (a care worker writes "kun 7
    tilmeldte"); the fill rule and the planners' fill report both say it so.
    """
    return f"{count} tilmeldt" if count == 1 else f"{count} tilmeldte"


def named(person: Person) -> str:
    """The id a person is known by in user text: a citizen's pseudonym, else the id.

    Never the attendee key (``professional:p-1``): that is the library's
    key, not a name a user gave.
    """
    return person.pseudonym if isinstance(person, Citizen) else person.id
