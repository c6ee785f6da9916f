"""Rules on size: enough people taking part, not too many, and a course filled.

Counted over those taking part: who declined or is information-only is not
there.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._facts import enrolled_da, format_da, format_en, on, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, limits, needs, rule

__all__ = ["BELOW_FILL", "TOO_FEW_ATTENDEES", "TOO_MANY_ATTENDEES"]


@rule(
    code="LM115",
    severity=Severity.ERROR,
    title=Label(da="For få deltagere", en="Too few attendees"),
    meaning=Label(
        da="Der deltager mindst mødeformens mindste antal; den, der har meldt fra "
        "eller kun er orienteret, tæller ikke med. Refleksion i gruppen omkring "
        "borgeren kræver en gruppe.",
        en="At least the format's smallest number of people take part; whoever "
        "declined or is only informed does not count. Reflection in the group "
        "around the citizen needs a group.",
    ),
    fix=Label(da="Invitér flere", en="Invite more people"),
    applies=needs("min_attendees"),
)
def TOO_FEW_ATTENDEES(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count everyone taking part, of any kind."""
    need = meeting.format.requirements.min_attendees
    have = len(part(meeting).attendees)
    if have < need:
        return on(
            meeting,
            da=f"{have} {'deltager' if have == 1 else 'deltagere'}, men "
            f"{format_da(meeting)} kræver mindst {need}",
            en=f"{have} {'attendee' if have == 1 else 'attendees'}, but "
            f"{format_en(meeting)} needs at least {need}",
        )
    return ()


@rule(
    code="LM116",
    severity=Severity.ERROR,
    title=Label(da="For mange deltagere", en="Too many attendees"),
    meaning=Label(
        da="Der deltager ikke flere, end mødeformen er til: en lille gruppe hjemme "
        "hos borgeren, et kursus' kapacitet. Refleksion om en konkret borger "
        "virker i en gruppe, der er lille nok til, at alle kommer til orde.",
        en="No more people take part than the format is for: a small group in the "
        "citizen's home, a course's capacity. Reflection about a concrete citizen "
        "works in a group small enough for everyone to speak.",
    ),
    fix=Label(da="Del gruppen", en="Split the group"),
    applies=limits("max_attendees"),
)
def TOO_MANY_ATTENDEES(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count everyone taking part against the format's most."""
    most = meeting.format.requirements.max_attendees
    have = len(part(meeting).attendees)
    if most is not None and have > most:
        return on(
            meeting,
            da=f"{have} deltagere, men {format_da(meeting)} er for højst {most}; del "
            "gruppen eller hold flere møder",
            en=f"{have} attendees, but {format_en(meeting)} is for at most {most}; "
            "split the group or hold more meetings",
        )
    return ()


@rule(
    code="LM123",
    severity=Severity.WARNING,
    title=Label(da="For få tilmeldte", en="Too few enrolled"),
    meaning=Label(
        da="Et kursushold har mindst det mindste antal tilmeldte, det er sat til. "
        "Esbjergs kurser "
        "blev for tyndt besat på grund af covid-19, sygdom og rekruttering; et "
        "hold, der ikke fyldes, bør i god tid slås sammen med et andet eller "
        "flyttes ind i eksisterende møder.",
        en="A course session has at least its minimum number enrolled. Esbjerg's "
        "courses were left under-filled by Covid-19, sickness and recruitment "
        "problems; a session that will not fill is best merged or moved into "
        "existing meetings early.",
    ),
    fix=Label(
        da="Slå hold sammen eller brug eksisterende møder",
        en="Merge sessions or use existing meetings",
    ),
    applies=limits("min_fill"),
)
def BELOW_FILL(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count everyone taking part (enrolled) against the minimum fill."""
    fill = meeting.format.requirements.min_fill
    have = len(part(meeting).attendees)
    if fill is not None and have < fill:
        return on(
            meeting,
            da=f"kun {enrolled_da(have)}, men holdet skal have mindst {fill}; slå "
            "hold sammen eller flyt læringen ind i områdets eksisterende møder",
            en=f"only {have} enrolled, but the session needs at least {fill}; merge "
            "sessions or move the learning into the area's existing meetings",
        )
    return ()
