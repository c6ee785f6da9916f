"""Rules for learning close to practice: the participants' own citizen, in person.

Esbjerg's interdisciplinary course days gave little: their cases "came from
practice in the municipality generally" (*fra praksis i kommunen generelt*),
not from the participants' own work, and staff wanted to discuss actual
courses of care with the colleagues they work with every day. The KOPA
evaluation found that study visits show tacit knowledge that can be hard to
pass on in other ways, and that relations across sectors grow when people "put a
face to each other" (*får ansigt på hinanden*). Both are requirements of the
format (:attr:`~learnmeet.FormatRequirements.own_citizen`,
:attr:`~learnmeet.FormatRequirements.on_site`), so a municipality decides
which of its formats they hold for.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._labels import Label
from learnmeet.model._meetings import LocationKind, Meeting
from learnmeet.rules._facts import case_subject, format_da, format_en, on, one, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, needs, rule

__all__ = ["NOT_OWN_CITIZEN", "ONLINE_NOT_THERE"]

_ONLINE = LocationKind.ONLINE


@rule(
    code="LM140",
    severity=Severity.WARNING,
    title=Label(
        da="Ikke deltagernes egen borger", en="Not the participants' own citizen"
    ),
    meaning=Label(
        da="Hvor mødeformen beder om det, er et konkret borgerforløb en borger, "
        "deltagerne selv arbejder med: mindst én af dem er i borgerens team, og "
        "når mødet holdes for et områdes hold, arbejder teamet i det område. "
        "Esbjergs tværfaglige kursusdage gav begrænset udbytte; casene kom "
        "»fra praksis i kommunen generelt«, ikke fra deltagernes egen hverdag, "
        "og medarbejderne ville drøfte faktiske borgerforløb med de kolleger, de "
        "arbejder med i dagligdagen.",
        en="Where the format asks for it, a concrete case is a citizen the "
        "participants work with themselves: at least one of them is in the "
        "citizen's care team and, when the meeting is run for an area's cohort, "
        "the care team works in that area. Esbjerg's interdisciplinary course "
        "days gave little; their cases 'came from practice in the municipality "
        "generally', not from the participants' own work, and staff wanted to "
        "discuss actual courses of care with the colleagues they work with "
        "every day.",
    ),
    fix=Label(
        da="Tag et borgerforløb fra deltagernes egen hverdag",
        en="Take a course of care from the participants' own work",
    ),
    applies=needs("own_citizen"),
)
def NOT_OWN_CITIZEN(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A concrete case is the participants' own: in their care team, in their area."""
    case = meeting.case
    if not meeting.format.requirements.own_citizen or case is None:
        return ()
    if not case.is_concrete:
        return ()  # a fictional case is the fictional-case rule's (LM105)
    cohort = meeting.cohort
    if cohort is not None and not any(
        p.unit.area == cohort.area for p in case.care_team
    ):
        return one(
            case_subject(meeting),
            da=f"borgerens team i borgerforløbet {case.id!r} arbejder ikke i "
            f"{cohort.area.label.da}, holdets område; tag et borgerforløb fra "
            "holdets eget område",
            en=f"the care team of case {case.id!r} does not work in "
            f"{cohort.area.label.en}, the cohort's area; take a course of care "
            "from the cohort's own area",
        )
    pros = part(meeting).professionals
    team = case.care_team_ids
    if pros and not any(p.id in team for p in pros):
        return one(
            case_subject(meeting),
            da=f"ingen af de {len(pros)} fagpersoner, der deltager, er i borgerens "
            f"team i borgerforløbet {case.id!r}; tag et borgerforløb fra "
            "deltagernes egen hverdag",
            en=f"none of the {len(pros)} professionals taking part is in the care "
            f"team of case {case.id!r}; take a course of care from the "
            "participants' own work",
        )
    return ()


@rule(
    code="LM141",
    severity=Severity.WARNING,
    title=Label(
        da="Online, hvor værdien er at være der",
        en="Online where the value is being there",
    ),
    meaning=Label(
        da="En mødeform, hvis værdi ligger i at være til stede, holdes ikke "
        "online. KOPA-evalueringen fandt, at studiebesøg giver indblik i tavs "
        "viden, der kan være vanskelig at formidle på andre måder, og at det styrker "
        "relationerne på tværs af sektorer, at deltagerne får ansigt på "
        "hinanden; Esbjergs kursusdage skulle også bygge relationer til "
        "samarbejdspartnerne i eget område.",
        en="A format whose value lies in being there is not held online. The "
        "KOPA evaluation found that study visits show tacit knowledge that can "
        "be hard to pass on in other ways, and that relations across sectors grow "
        "when people put a face to each other; Esbjerg's course days were also "
        "meant to build relations with the collaboration partners of one's own "
        "area.",
    ),
    fix=Label(da="Mød op fysisk", en="Meet in person"),
    applies=needs("on_site"),
)
def ONLINE_NOT_THERE(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A format whose value is being there is not held online."""
    if meeting.format.requirements.on_site and meeting.location.kind is _ONLINE:
        return on(
            meeting,
            da=f"mødet er online, men {format_da(meeting)} har sin værdi i at være "
            "der: at se stedet og få ansigt på hinanden; mød op fysisk",
            en=f"the meeting is online, but {format_en(meeting)} has its value in "
            "being there: seeing the place and putting a face to each other; "
            "meet in person",
        )
    return ()
