"""Rules on the case: a concrete citizen, a legal basis, and the care team around it.

Both sources teach that learning starts from a concrete citizen's course of
care, among the direct collaboration partners; the Esbjerg course days with
fictional cases gave little. A concrete course is health data about a real
citizen, so its use rests on a legal basis (the citizen's consent, or a
management permission for quality development under *sundhedsloven* § 42 d,
stk. 2, nr. 2), and its disclosure to an organisation that does not hold it
on consent under § 43 (see the page on data protection in the docs).
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from learnmeet.model._bases import ConsentPurpose
from learnmeet.model._cases import (
    CitizenCase,
    basis_for,
    consent_covers,
    not_covered,
    record_holder_ids,
)
from learnmeet.model._formats import FictionalCase, MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting, Participation
from learnmeet.rules._facts import case_subject, format_da, format_en, on, one, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, limits, needs, rule

__all__ = [
    "AFTER_DEATH",
    "DISCLOSURE_WITHOUT_BASIS",
    "FICTIONAL_CASE",
    "MANY_OUTSIDE_CARE_TEAM",
    "NO_CASE",
    "NO_CONSENT",
]

_FICTION_ALLOWED = FictionalCase.ALLOWED
_FICTION_REFUSED = FictionalCase.REFUSED
_LEARNING = ConsentPurpose.LEARNING
_HOME_MEETING = ConsentPurpose.HOME_MEETING
_INFORMATION_ONLY = Participation.INFORMATION_ONLY
_SECTION_42_D = Label(
    da="sundhedslovens § 42 d, stk. 2, nr. 2",
    en="the Danish Health Act, section 42 d(2)(2)",
)


@rule(
    code="LM104",
    severity=Severity.ERROR,
    title=Label(da="Intet borgerforløb", en="No citizen case"),
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
        da=f"casen {case.id!r} er fiktiv; fiktive cases gav begrænset udbytte, "
        "brug et konkret borgerforløb fra deltagernes egen hverdag",
        en=f"case {case.id!r} is fictional; fictional cases gave little, use a "
        "concrete course of care from the attendees' own work",
        severity=Severity.ERROR if policy is _FICTION_REFUSED else Severity.WARNING,
    )


def _days(meeting: Meeting, today: date | None) -> list[date]:
    """The days a basis must cover: the meeting's, and today if given."""
    day = meeting.start.date()
    return [day] if today is None or today == day else sorted({day, today})


def _purpose(meeting: Meeting) -> ConsentPurpose:
    """What the meeting uses the case for: a meeting in the home, or learning."""
    return _HOME_MEETING if meeting.format.requirements.at_citizen_home else _LEARNING


def _died_before(case: CitizenCase, day: date) -> bool:
    return case.died_on is not None and case.died_on < day


def _with_citizen(meeting: Meeting, case: CitizenCase) -> bool:
    """Whether the meeting is held with its case's citizen taking part."""
    if meeting.format.requirements.citizen_present:
        return True
    attendee = meeting.attendee(case.citizen.key)
    return attendee is not None and attendee.participation is not _INFORMATION_ONLY


@rule(
    code="LM108",
    severity=Severity.ERROR,
    title=Label(
        da="Intet samtykke eller ledelsestilladelse",
        en="No consent or management permission",
    ),
    meaning=Label(
        da="Et konkret borgerforløb bruges kun til læring på et gyldigt grundlag "
        "på mødedagen (og i dag, når dagen er givet): borgerens samtykke til "
        "formålet eller ledelsens tilladelse til kvalitetsudvikling efter "
        "sundhedslovens § 42 d, som også dækker audit af en afdød borgers "
        "forløb, mens et møde i borgerens hjem kræver samtykke. Konkrete forløb "
        "bærer læringen, og de er helbredsoplysninger om en virkelig borger.",
        en="A concrete course of care is used for learning only on a valid "
        "basis on the day of the meeting (and today, when today is given): the "
        "citizen's consent to the purpose or management permission for quality "
        "development under the Danish Health Act, section 42 d, which also "
        "covers the audit of a deceased citizen's course, while a meeting in "
        "the citizen's home needs consent. Concrete courses carry the learning, "
        "and they are health data about a real citizen.",
    ),
    fix=Label(
        da="Indhent og registrér samtykke eller ledelsens tilladelse",
        en="Get and record consent or management permission",
    ),
    applies=needs("consent_required"),
)
def NO_CONSENT(meeting: Meeting, context: RuleContext) -> Sequence[Finding]:
    """A basis for the meeting's purpose on its day and, if given, today.

    A meeting with the citizen after their death is :data:`AFTER_DEATH`'s.
    """
    case = meeting.case
    if not meeting.format.requirements.consent_required or case is None:
        return ()
    if not case.is_concrete:
        return ()
    day = meeting.start.date()
    purpose = _purpose(meeting)
    if (context.today is None or context.today == day) and basis_for(
        case, day, purpose
    ) is not None:
        return ()  # the common case, without sets and sorting
    if _died_before(case, day) and _with_citizen(meeting, case):
        return ()
    missing = [
        d for d in _days(meeting, context.today) if not basis_for(case, d, purpose)
    ]
    if not missing:
        return ()
    shown_days = ", ".join(d.isoformat() for d in missing)
    what = f"borgerforløbet {case.id!r}"
    if (
        purpose is _LEARNING
        and case.died_on is not None
        and _died_before(case, missing[-1])
    ):
        died = case.died_on.isoformat()
        if case.consent is None:
            return one(
                case_subject(meeting),
                da=f"borgeren i {what} døde {died}, og der er ikke registreret "
                f"et samtykke ({shown_days}); brug af forløbet til "
                "kvalitetsudvikling efter dødsfaldet kræver ledelsens tilladelse "
                f"efter {_SECTION_42_D.da}; indhent tilladelsen og registrér den "
                "på borgerforløbet",
                en=f"the citizen of case {case.id!r} died on {died}, and no "
                f"consent is recorded ({shown_days}); using the course for "
                "quality development after the death needs management "
                f"permission under {_SECTION_42_D.en}; get the permission and "
                "record it on the case",
            )
        return one(
            case_subject(meeting),
            da=f"borgeren i {what} døde {died}, og et samtykke dækker ikke brug "
            f"efter dødsfaldet ({shown_days}); brug af forløbet til "
            "kvalitetsudvikling kræver ledelsens tilladelse efter "
            f"{_SECTION_42_D.da}; indhent tilladelsen og registrér den på "
            "borgerforløbet",
            en=f"the citizen of case {case.id!r} died on {died}, and a consent "
            f"covers no use after the death ({shown_days}); using the course for "
            "quality development needs management permission under "
            f"{_SECTION_42_D.en}; get the permission and record it on the case",
        )
    if any(consent_covers(case.consent, d, died_on=case.died_on) for d in missing):
        return one(
            case_subject(meeting),
            da=f"samtykket til {what} omfatter ikke {purpose.label.da} "
            f"({shown_days}); spørg borgeren, og registrér samtykket til det",
            en=f"the consent for case {case.id!r} does not cover "
            f"{purpose.label.en} ({shown_days}); ask the citizen and record the "
            "consent to it",
        )
    if purpose is _HOME_MEETING:
        return one(
            case_subject(meeting),
            da=f"der er ikke registreret et samtykke, der dækker et møde i "
            f"borgerens hjem om {what} ({shown_days}); indhent og registrér "
            "borgerens samtykke",
            en=f"no recorded consent covers a meeting in the citizen's home about "
            f"case {case.id!r} ({shown_days}); ask the citizen and record the "
            "consent",
        )
    return one(
        case_subject(meeting),
        da=f"der er ikke registreret et samtykke eller en ledelsestilladelse, der "
        f"dækker brugen af {what} til læring ({shown_days}); indhent og "
        "registrér borgerens samtykke",
        en=f"no recorded consent or management permission covers using case "
        f"{case.id!r} for learning ({shown_days}); ask the citizen and record the "
        "consent",
    )


@rule(
    code="LM109",
    severity=Severity.WARNING,
    title=Label(da="Mange uden for borgerens team", en="Many outside the care team"),
    meaning=Label(
        da="De fleste fagpersoner, der drøfter borgerforløbet, hører til borgerens "
        "eget team. KOPA-evalueringen fandt, at læring gav mest værdi, når de direkte "
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


@rule(
    code="LM125",
    severity=Severity.ERROR,
    title=Label(da="Videregivelse uden samtykke", en="Disclosure without consent"),
    meaning=Label(
        da="Borgerforløbet kender de organisationer i forvejen, der har fagpersoner "
        "i borgerens team, eller som er i en sektor, borgeren er flyttet fra "
        "eller til, uden at nogen i teamet er fra den sektor; enhver anden "
        "organisation, der deltager, får helbredsoplysninger videregivet, og "
        "det kræver borgerens samtykke til videregivelse med organisationen "
        "som modtager (sundhedslovens § 43). Et tværsektorielt møde skal derfor "
        "have et grundlag for hver organisation, der deltager.",
        en="The organisations already part of the citizen's course of care are "
        "those with "
        "professionals in the citizen's care team, or of a sector the citizen "
        "moved from or to with nobody of that sector in the team; any other "
        "organisation taking part has health data disclosed to it, which needs "
        "the citizen's consent to disclosure naming it as a recipient (Danish "
        "Health Act, section 43). A cross-sectoral meeting therefore needs a "
        "basis for every organisation that takes part.",
    ),
    fix=Label(
        da="Indhent samtykke til videregivelse, der nævner organisationen",
        en="Get consent to disclosure that names the organisation",
    ),
    applies=needs("consent_required"),
)
def DISCLOSURE_WITHOUT_BASIS(
    meeting: Meeting, context: RuleContext
) -> Sequence[Finding]:
    """Every organisation taking part holds the case or is a consented recipient.

    A case without a care team says nothing of who holds it, and is not
    judged here (the care-team rule speaks of it where the format has a
    limit).
    """
    case = meeting.case
    if not meeting.format.requirements.consent_required or case is None:
        return ()
    # By id: an organisation's own hash reads its sector's and labels'.
    present = {
        p.unit.organisation.id: p.unit.organisation for p in part(meeting).professionals
    }
    if present.keys() <= record_holder_ids(case):
        return ()  # the common case: only those who hold the course take part
    uncovered: dict[str, list[str]] = {}
    for day in _days(meeting, context.today):
        for organisation in not_covered(case, present.values(), day):
            uncovered.setdefault(organisation.name, []).append(day.isoformat())
    if not uncovered:
        return ()
    names = ", ".join(sorted(uncovered))
    shown_days = ", ".join(sorted({d for days in uncovered.values() for d in days}))
    return one(
        case_subject(meeting),
        da=f"borgerforløbet {case.id!r} videregives til {names} uden samtykke "
        f"({shown_days}): de kender ikke forløbet i forvejen, og intet samtykke "
        "nævner dem som modtagere; indhent borgerens samtykke til videregivelse "
        "(sundhedslovens § 43, stk. 1), eller hold mødet uden dem",
        en=f"case {case.id!r} is disclosed to {names} without consent "
        f"({shown_days}): they are not part of the citizen's course of care "
        "already, and no consent "
        "names them as recipients; get the citizen's consent to "
        "disclosure (Danish Health Act, section 43(1)), or hold the meeting "
        "without them",
    )


@rule(
    code="LM126",
    severity=Severity.ERROR,
    title=Label(da="Borgeren er død", en="The citizen has died"),
    meaning=Label(
        da="Et møde med borgeren, som et møde i borgerens hjem, holdes ikke efter "
        "borgerens død. Vil deltagerne lære af forløbet, er det en audit med "
        "ledelsens tilladelse efter sundhedslovens § 42 d.",
        en="A meeting with the citizen, such as a meeting in the citizen's home, "
        "is not held after the citizen's death. If the attendees want to learn "
        "from the course, that is an audit with management permission under "
        "the Danish Health Act, section 42 d.",
    ),
    fix=Label(
        da="Aflys mødet, eller hold en audit af forløbet",
        en="Cancel the meeting, or hold an audit of the course",
    ),
)
def AFTER_DEATH(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """No meeting with the citizen taking part after the citizen's death."""
    case = meeting.case
    if case is None or case.died_on is None:
        return ()
    if not _died_before(case, meeting.start.date()) or not _with_citizen(meeting, case):
        return ()
    return one(
        case_subject(meeting),
        da=f"borgeren i borgerforløbet {case.id!r} døde "
        f"{case.died_on.isoformat()}; {format_da(meeting)} kan ikke holdes med "
        "borgeren efter dødsfaldet; aflys mødet, eller hold en audit af forløbet "
        "med ledelsens tilladelse",
        en=f"the citizen of case {case.id!r} died on {case.died_on.isoformat()}; "
        f"{format_en(meeting)} cannot be held with the citizen after the death; "
        "cancel the meeting, or hold an audit of the course with management "
        "permission",
    )
