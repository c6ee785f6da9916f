"""Rules on the case: a concrete citizen, with consent, and the care team around it.

Both sources teach that learning starts from a concrete citizen's course of
care, among the direct collaboration partners; the Esbjerg course days with
fictional cases gave little.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._cases import consent_covers
from learnmeet.model._formats import FictionalCase, MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._facts import case_subject, format_da, format_en, on, one, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, limits, needs, rule

__all__ = ["FICTIONAL_CASE", "MANY_OUTSIDE_CARE_TEAM", "NO_CASE", "NO_CONSENT"]

_FICTION_ALLOWED = FictionalCase.ALLOWED
_FICTION_REFUSED = FictionalCase.REFUSED


@rule(
    code="LM104",
    severity=Severity.ERROR,
    title=Label(da="Ingen borgersag", en="No citizen case"),
    meaning=Label(
        da="Mødet tager udgangspunkt i en konkret borgers forløb. Begge kilder "
        "fandt, at læring gav mest værdi, når den tog udgangspunkt i en borger, "
        "deltagerne arbejder med.",
        en="The meeting starts from a concrete citizen's course of care. Both "
        "sources found that learning had most value when it started from a "
        "citizen the participants work with.",
    ),
    fix=Label(
        da="Tag udgangspunkt i en konkret borger", en="Start from a concrete citizen"
    ),
    applies=needs("case_required"),
)
def NO_CASE(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A format that needs a case has one."""
    if meeting.format.requirements.case_required and meeting.case is None:
        return on(
            meeting,
            da=f"{format_da(meeting)} skal tage udgangspunkt i et konkret "
            "borgerforløb; vælg en borger, som deltagerne arbejder med",
            en=f"{format_en(meeting)} must start from a concrete citizen case; pick a "
            "citizen the attendees work with",
        )
    return ()


def _fiction_matters(fmt: MeetingFormat) -> bool:
    return fmt.requirements.fictional_case is not _FICTION_ALLOWED


@rule(
    code="LM105",
    severity=Severity.ERROR,
    title=Label(da="Fiktiv case", en="Fictional case"),
    meaning=Label(
        da="En fiktiv case er en fejl, hvor mødeformen kræver en konkret, og en "
        "advarsel på kursusdagen. Esbjergs tværfaglige kursusdage brugte fiktive "
        "cases, gav begrænset udbytte og blev stoppet efter de første.",
        en="A fictional case is an error where the format needs a concrete one, "
        "and a warning on the course day. Esbjerg's interdisciplinary course days "
        "used fictional cases, gave little and were stopped after the first few.",
    ),
    fix=Label(da="Brug et konkret borgerforløb", en="Use a concrete course of care"),
    applies=_fiction_matters,
)
def FICTIONAL_CASE(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A fictional case, with the severity the format's policy gives it."""
    policy = meeting.format.requirements.fictional_case
    case = meeting.case
    if case is None or case.is_concrete or policy is _FICTION_ALLOWED:
        return ()
    return one(
        case_subject(meeting),
        da=f"sagen {case.id!r} er fiktiv; fiktive cases gav begrænset udbytte, "
        "brug et konkret borgerforløb fra deltagernes egen hverdag",
        en=f"case {case.id!r} is fictional; fictional cases gave little, use a "
        "concrete course of care from the attendees' own work",
        severity=Severity.ERROR if policy is _FICTION_REFUSED else Severity.WARNING,
    )


@rule(
    code="LM108",
    severity=Severity.ERROR,
    title=Label(da="Intet gyldigt samtykke", en="No current consent"),
    meaning=Label(
        da="En konkret sag bruges kun til læring med borgerens registrerede "
        "samtykke, gyldigt på mødedagen (og i dag, når dagen er givet). Konkrete "
        "sager bærer læringen, og de er personoplysninger om en virkelig borger.",
        en="A concrete case is used for learning only with the citizen's recorded "
        "consent, valid on the day of the meeting (and today, when today is "
        "given). Concrete cases carry the learning, and they are personal data "
        "about a real citizen.",
    ),
    fix=Label(da="Indhent og registrér samtykke", en="Ask for and record consent"),
    applies=needs("consent_required"),
)
def NO_CONSENT(meeting: Meeting, context: RuleContext) -> Sequence[Finding]:
    """Consent on the meeting's day and, if the context gives one, today."""
    case = meeting.case
    if not meeting.format.requirements.consent_required or case is None:
        return ()
    if not case.is_concrete:
        return ()
    day = meeting.start.date()
    today = context.today
    if (today is None or today == day) and consent_covers(case.consent, day):
        return ()  # the common case, without sets and sorting
    days = {day} if today is None else {day, today}
    missing = sorted(d.isoformat() for d in days if not consent_covers(case.consent, d))
    if missing:
        return one(
            case_subject(meeting),
            da=f"der er ikke registreret et gyldigt samtykke til at bruge sag "
            f"{case.id!r} til læring ({', '.join(missing)}); indhent og "
            "registrér borgerens samtykke",
            en=f"no recorded consent covers using case {case.id!r} for learning "
            f"({', '.join(missing)}); ask the citizen and record the consent",
        )
    return ()


@rule(
    code="LM109",
    severity=Severity.WARNING,
    title=Label(da="Mange uden for borgerens team", en="Many outside the care team"),
    meaning=Label(
        da="De fleste fagpersoner, der drøfter sagen, hører til borgerens eget "
        "team. KOPA-evalueringen fandt, at læring gav mest værdi, når de direkte "
        "samarbejdspartnere mødtes.",
        en="Most of the professionals who discuss the case belong to the "
        "citizen's own care team. The KOPA evaluation found that learning had "
        "most value when direct collaboration partners met.",
    ),
    fix=Label(
        da="Invitér de direkte samarbejdspartnere",
        en="Invite the direct collaboration partners",
    ),
    applies=limits("max_outside_care_team_share"),
)
def MANY_OUTSIDE_CARE_TEAM(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """The share of discussants from outside the care team, against the limit."""
    most = meeting.format.requirements.max_outside_care_team_share
    case = meeting.case
    # Observers (e.g. forum members listening in) learn, but do not make up
    # the group that discusses the case.
    pros = part(meeting).discussants
    if most is None or case is None or not pros:
        return ()
    team = case.care_team_ids
    outside = [p for p in pros if p.id not in team]
    share = len(outside) / len(pros)
    if share > most:
        return on(
            meeting,
            da=f"{len(outside)} af {len(pros)} fagpersoner ({share:.0%}) er ikke i "
            f"borgerens team (højst {most:.0%}); læring virker bedst, når de direkte "
            "samarbejdspartnere mødes",
            en=f"{len(outside)} of {len(pros)} professionals ({share:.0%}) are not in "
            f"the citizen's care team (at most {most:.0%}); learning works best when "
            "direct collaboration partners meet",
        )
    return ()
