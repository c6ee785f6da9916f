"""Rules for the meeting in the citizen's home: the citizen there, and willing.

What worked in Esbjerg was meeting in the citizen's home, with the citizen
and the relevant professionals, guided by reflection questions.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._labels import Label
from learnmeet.model._meetings import (
    Attendee,
    LocationKind,
    Meeting,
    Participation,
    Rsvp,
)
from learnmeet.rules._facts import format_da, format_en, on, one
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, RuleContext, needs, rule

__all__ = ["CITIZEN_ABSENT", "CITIZEN_NOT_ACCEPTED", "NOT_AT_HOME"]

_INFORMATION_ONLY = Participation.INFORMATION_ONLY
_ACCEPTED = Rsvp.ACCEPTED
_CITIZEN_HOME = LocationKind.CITIZEN_HOME


def _citizen_attendee(meeting: Meeting) -> Attendee | None:
    if meeting.case is None:
        return None
    return meeting.attendee(meeting.case.citizen.key)


@rule(
    code="LM106",
    severity=Severity.ERROR,
    title=Label(da="Borgeren deltager ikke", en="Citizen absent"),
    meaning=Label(
        da="Ved et møde hjemme hos borgeren deltager borgeren selv og bliver ikke "
        "blot orienteret. Esbjergs møder hos borgeren samlede borgeren og de "
        "relevante fagpersoner om refleksionsspørgsmål.",
        en="At a meeting in the citizen's home the citizen takes part, rather than "
        "only being informed. Esbjerg's meetings in the citizen's home brought the "
        "citizen and the relevant professionals together around reflection "
        "questions.",
    ),
    fix=Label(da="Invitér borgeren", en="Invite the citizen"),
    applies=needs("citizen_present"),
)
def CITIZEN_ABSENT(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """The case's citizen is an attendee, and more than information-only."""
    if not meeting.format.requirements.citizen_present or meeting.case is None:
        return ()
    attendee = _citizen_attendee(meeting)
    if attendee is None or attendee.participation is _INFORMATION_ONLY:
        return on(
            meeting,
            da=f"borgeren {meeting.case.citizen.pseudonym!r} skal deltage i "
            f"{format_da(meeting)}; invitér borgeren som deltager",
            en=f"citizen {meeting.case.citizen.pseudonym!r} must take part in "
            f"{format_en(meeting)}; invite the citizen as an attendee",
        )
    return ()


@rule(
    code="LM107",
    severity=Severity.ERROR,
    title=Label(da="Borgeren har ikke sagt ja", en="Citizen has not accepted"),
    meaning=Label(
        da="Et møde hjemme hos borgeren holdes kun, når borgeren har sagt ja, og kun "
        "borgerens svar kan afgøre det. Det er borgerens hjem og eget forløb: "
        "møderne hos borgeren i Esbjerg blev holdt med borgeren, ikke om borgeren.",
        en="A meeting in the citizen's home is held only once the citizen has said "
        "yes, and only the citizen's answer can settle that. It is the citizen's "
        "home and own course of care: Esbjerg's meetings in the citizen's home were "
        "held with the citizen, not about them.",
    ),
    fix=Label(
        da="Hold mødet, når borgeren har sagt ja", en="Hold it once the citizen accepts"
    ),
    applies=needs("citizen_present"),
    settled_by_answers=True,
)
def CITIZEN_NOT_ACCEPTED(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """The citizen taking part has answered yes (absence is CITIZEN_ABSENT's)."""
    if not meeting.format.requirements.citizen_present:
        return ()
    attendee = _citizen_attendee(meeting)
    if attendee is None or attendee.participation is _INFORMATION_ONLY:
        return ()
    if attendee.rsvp is not _ACCEPTED:
        return one(
            Subject(SubjectKind.ATTENDEE, attendee.person.key),
            da=f"borgeren har ikke sagt ja til mødet (svar: "
            f"{attendee.rsvp.label.da}); mødet holdes kun, når borgeren har "
            "sagt ja",
            en=f"the citizen has not accepted the meeting (answer: "
            f"{attendee.rsvp.label.en}); hold it only once the citizen accepts",
        )
    return ()


@rule(
    code="LM121",
    severity=Severity.ERROR,
    title=Label(da="Ikke hjemme hos borgeren", en="Not in the citizen's home"),
    meaning=Label(
        da="Et møde hos borgeren holdes hjemme hos borgeren. Esbjerg fandt, at "
        "møder hjemme hos borgeren, med borgeren og de relevante fagpersoner, "
        "virkede, hvor kursusdagene ikke gjorde.",
        en="A meeting in the citizen's home is held there. Esbjerg found that "
        "meetings in the citizen's home, with the citizen and the relevant "
        "professionals, worked where the course days did not.",
    ),
    fix=Label(da="Hold mødet hjemme hos borgeren", en="Hold it in the citizen's home"),
    applies=needs("at_citizen_home"),
)
def NOT_AT_HOME(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """The location is the citizen's home where the format says so."""
    if (
        meeting.format.requirements.at_citizen_home
        and meeting.location.kind is not _CITIZEN_HOME
    ):
        return on(
            meeting,
            da=f"{format_da(meeting)} holdes hjemme hos borgeren, ikke "
            f"{meeting.location.kind.label.da}; sæt stedet til borgerens hjem",
            en=f"{format_en(meeting)} is held in the citizen's home, not "
            f"{meeting.location.kind.label.en}; set the location to the citizen's "
            "home",
        )
    return ()
