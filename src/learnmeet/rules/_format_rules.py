"""The built-in rules that compare a meeting with its format's requirements.

Each rule is one lesson of the source documents. Thresholds are read from the
format's :class:`~learnmeet.FormatRequirements`, so a municipality changes a
threshold by changing its format, not the rule.

Who counts: those who take part (:attr:`~learnmeet.Attendee.takes_part`, the
model's one definition): neither information-only nor declined.
"""

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._cases import CitizenCase
from learnmeet.model._formats import FictionalCase, MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import (
    Attendee,
    AttendeeRole,
    LocationKind,
    Meeting,
    Participation,
    Rsvp,
)
from learnmeet.model._people import Professional
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import (
    Applies,
    Check,
    Finding,
    Rule,
    RuleContext,
    meeting_subject,
)

__all__ = ["FORMAT_RULES"]


# Enum members read once: in Python 3.11 reading one off its class costs ten
# times a module global, and the rules read them for every attendee.
_INFORMATION_ONLY = Participation.INFORMATION_ONLY
_DECLINED = Rsvp.DECLINED
_ACCEPTED = Rsvp.ACCEPTED
_HOST = AttendeeRole.HOST
_OBSERVER = AttendeeRole.OBSERVER
_FACILITATOR = AttendeeRole.FACILITATOR
_FICTION_ALLOWED = FictionalCase.ALLOWED
_FICTION_REFUSED = FictionalCase.REFUSED
_CITIZEN_HOME = LocationKind.CITIZEN_HOME


class _Facts:
    """What many rules ask of one meeting, in one pass over those taking part.

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


def _facts(meeting: Meeting) -> _Facts:
    return _Facts(meeting)


def _professionals(meeting: Meeting) -> tuple[Professional, ...]:
    return meeting.professionals_taking_part


def _host(meeting: Meeting) -> Professional | None:
    return _facts(meeting).host


def _team(case: CitizenCase) -> frozenset[str]:
    return case.care_team_ids


def _one(
    subject: Subject, *, da: str, en: str, severity: Severity | None = None
) -> tuple[Finding]:
    return (Finding(subject, Label(da=da, en=en), severity),)


def _on(meeting: Meeting, *, da: str, en: str) -> tuple[Finding]:
    return _one(meeting_subject(meeting), da=da, en=en)


def _case_subject(meeting: Meeting) -> Subject:
    assert meeting.case is not None
    return Subject(SubjectKind.CASE, meeting.case.id)


def _da(meeting: Meeting) -> str:
    return f"mødeformen «{meeting.format.label.da}»"


def _en(meeting: Meeting) -> str:
    return f"the format “{meeting.format.label.en}”"


# -- professions and sectors -----------------------------------------------------


def _too_few_professions(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    need = meeting.format.requirements.min_professions
    have = {p.profession.code for p in _professionals(meeting)}
    if len(have) < need:
        return _on(
            meeting,
            da=f"{len(have)} faggruppe(r) deltager, men {_da(meeting)} kræver "
            f"mindst {need}; invitér en fra en anden faggruppe i borgerens team",
            en=f"{len(have)} profession(s) take part, but {_en(meeting)} needs "
            f"at least {need}; invite someone of another profession from the "
            "citizen's care team",
        )
    return ()


def _too_many_professions(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    most = meeting.format.requirements.max_professions
    have = sorted({p.profession.code for p in _professionals(meeting)})
    if most is not None and len(have) > most:
        return _on(
            meeting,
            da=f"{len(have)} faggrupper deltager ({', '.join(have)}), men "
            f"{_da(meeting)} er for højst {most}; tilmeld de andre deres eget "
            "faggruppes hold",
            en=f"{len(have)} professions take part ({', '.join(have)}), but "
            f"{_en(meeting)} is for at most {most}; enrol the others on their "
            "own profession's course",
        )
    return ()


def _too_few_sectors(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    req = meeting.format.requirements
    if req.host_required and _host(meeting) is not None:
        return ()  # LM113 says it more precisely when there is a host
    have = {p.sector.code for p in _professionals(meeting)}
    if len(have) < req.min_sectors:
        return _on(
            meeting,
            da=f"{len(have)} sektor(er) deltager, men {_da(meeting)} er "
            f"tværsektorielt og kræver mindst {req.min_sectors}; invitér en direkte "
            "samarbejdspartner fra en anden sektor",
            en=f"{len(have)} sector(s) take part, but {_en(meeting)} is "
            f"cross-sectoral and needs at least {req.min_sectors}; invite a direct "
            "collaboration partner from another sector",
        )
    return ()


# -- the case --------------------------------------------------------------------


def _no_case(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if meeting.format.requirements.case_required and meeting.case is None:
        return _on(
            meeting,
            da=f"{_da(meeting)} skal tage udgangspunkt i et konkret "
            "borgerforløb; vælg en borger, som deltagerne arbejder med",
            en=f"{_en(meeting)} must start from a concrete citizen case; pick a "
            "citizen the attendees work with",
        )
    return ()


def _fictional_case(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    policy = meeting.format.requirements.fictional_case
    case = meeting.case
    if case is None or case.is_concrete or policy is _FICTION_ALLOWED:
        return ()
    return _one(
        _case_subject(meeting),
        da=f"sagen {case.id!r} er fiktiv; fiktive cases gav begrænset udbytte, "
        "brug et konkret borgerforløb fra deltagernes egen hverdag",
        en=f"case {case.id!r} is fictional; fictional cases gave little, use a "
        "concrete course of care from the attendees' own work",
        severity=Severity.ERROR if policy is _FICTION_REFUSED else Severity.WARNING,
    )


def _no_consent(meeting: Meeting, context: RuleContext) -> Sequence[Finding]:
    case = meeting.case
    if not meeting.format.requirements.consent_required or case is None:
        return ()
    if not case.is_concrete:
        return ()
    day = meeting.start.date()
    today = context.today
    if (today is None or today == day) and case.has_consent_on(day):
        return ()  # the common case, without sets and sorting
    days = {day} if today is None else {day, today}
    missing = sorted(d.isoformat() for d in days if not case.has_consent_on(d))
    if missing:
        return _one(
            _case_subject(meeting),
            da=f"der er ikke registreret et gyldigt samtykke til at bruge sag "
            f"{case.id!r} til læring ({', '.join(missing)}); indhent og "
            "registrér borgerens samtykke",
            en=f"no recorded consent covers using case {case.id!r} for learning "
            f"({', '.join(missing)}); ask the citizen and record the consent",
        )
    return ()


def _outside_care_team(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    most = meeting.format.requirements.max_outside_care_team_share
    case = meeting.case
    # Observers (e.g. forum members listening in) learn, but do not make up
    # the group that discusses the case.
    pros = _facts(meeting).discussants
    if most is None or case is None or not pros:
        return ()
    team = _team(case)
    outside = [p for p in pros if p.id not in team]
    share = len(outside) / len(pros)
    if share > most:
        return _on(
            meeting,
            da=f"{len(outside)} af {len(pros)} fagpersoner ({share:.0%}) er ikke i "
            f"borgerens team (højst {most:.0%}); læring virker bedst, når de direkte "
            "samarbejdspartnere mødes",
            en=f"{len(outside)} of {len(pros)} professionals ({share:.0%}) are not in "
            f"the citizen's care team (at most {most:.0%}); learning works best when "
            "direct collaboration partners meet",
        )
    return ()


# -- the citizen at a home meeting ----------------------------------------------


def _citizen_attendee(meeting: Meeting) -> Attendee | None:
    if meeting.case is None:
        return None
    return meeting.attendee(meeting.case.citizen.key)


def _citizen_absent(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if not meeting.format.requirements.citizen_present or meeting.case is None:
        return ()
    attendee = _citizen_attendee(meeting)
    if attendee is None or attendee.participation is _INFORMATION_ONLY:
        return _on(
            meeting,
            da=f"borgeren {meeting.case.citizen.pseudonym!r} skal deltage i "
            f"{_da(meeting)}; invitér borgeren som deltager",
            en=f"citizen {meeting.case.citizen.pseudonym!r} must take part in "
            f"{_en(meeting)}; invite the citizen as an attendee",
        )
    return ()


def _citizen_not_accepted(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if not meeting.format.requirements.citizen_present:
        return ()
    attendee = _citizen_attendee(meeting)
    if attendee is None or attendee.participation is _INFORMATION_ONLY:
        return ()
    if attendee.rsvp is not _ACCEPTED:
        return _one(
            Subject(SubjectKind.ATTENDEE, attendee.person.key),
            da=f"borgeren har ikke sagt ja til mødet (svar: "
            f"{attendee.rsvp.label.da}); mødet holdes kun, når borgeren har "
            "sagt ja",
            en=f"the citizen has not accepted the meeting (answer: "
            f"{attendee.rsvp.label.en}); hold it only once the citizen accepts",
        )
    return ()


def _not_at_home(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if (
        meeting.format.requirements.at_citizen_home
        and meeting.location.kind is not _CITIZEN_HOME
    ):
        return _on(
            meeting,
            da=f"{_da(meeting)} holdes hjemme hos borgeren, ikke "
            f"{meeting.location.kind.label.da}; sæt stedet til borgerens hjem",
            en=f"{_en(meeting)} is held in the citizen's home, not "
            f"{meeting.location.kind.label.en}; set the location to the citizen's home",
        )
    return ()


# -- audits ------------------------------------------------------------------------


def _no_transition(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    case = meeting.case
    if (
        meeting.format.requirements.transition_required
        and case is not None
        and not case.transitions
    ):
        return _one(
            _case_subject(meeting),
            da=f"sag {case.id!r} har ingen overgang mellem sektorer; en audit "
            "ser på en overgang, vælg et forløb med en indlæggelse eller "
            "udskrivelse",
            en=f"case {case.id!r} has no transition between sectors; an audit "
            "looks at a transition, pick a course with an admission or "
            "discharge",
        )
    return ()


def _panel_misses_sectors(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    case = meeting.case
    if not meeting.format.requirements.transition_required or case is None:
        return ()
    if not case.transitions:
        return ()
    present = {p.sector.code for p in _professionals(meeting)}
    if any(t.sectors <= present for t in case.transitions):
        return ()
    latest = case.transitions[-1]
    missing = sorted(latest.sectors - present)
    return _on(
        meeting,
        da=f"auditpanelet dækker ikke begge sektorer i overgangen "
        f"({latest.from_sector.label.da} → {latest.to_sector.label.da}); mangler: "
        f"{', '.join(missing)}",
        en=f"the audit panel does not cover both sectors of the transition "
        f"({latest.from_sector.label.en} → {latest.to_sector.label.en}); missing: "
        f"{', '.join(missing)}",
    )


# -- study visits and roadshows -------------------------------------------------------


def _no_host(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if meeting.format.requirements.host_required and _host(meeting) is None:
        return _on(
            meeting,
            da=f"{_da(meeting)} skal have en vært fra den organisation, der "
            "besøges; giv en fagperson rollen vært",
            en=f"{_en(meeting)} needs a host from the organisation visited; "
            "give one professional the role host",
        )
    return ()


def _visitors_from_host_sector(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    req = meeting.format.requirements
    host = _host(meeting)
    if not req.host_required or host is None or req.min_sectors < 2:
        return ()
    if all(p.sector == host.sector for p in _professionals(meeting)):
        return _on(
            meeting,
            da=f"alle deltagere kommer fra værtens sektor ({host.sector.label.da}); "
            "et besøg på tværs kræver gæster fra en anden sektor",
            en=f"everyone comes from the host's sector ({host.sector.label.en}); a "
            "cross-sectoral visit needs guests from another sector",
        )
    return ()


def _too_few_from_host(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    need = meeting.format.requirements.min_host_attendees
    host = _host(meeting)
    if not need or host is None:
        return ()
    org = host.unit.organisation.id
    have = sum(1 for p in _professionals(meeting) if p.unit.organisation.id == org)
    if have < need:
        return _on(
            meeting,
            da=f"kun {have} deltager(e) fra værtsorganisationen; {_da(meeting)} "
            f"skal nå mindst {need} fra samme organisation",
            en=f"only {have} attendee(s) from the host organisation; "
            f"{_en(meeting)} should reach at least {need} of one organisation",
        )
    return ()


# -- size, facilitation and reflection -----------------------------------------------


def _too_few_attendees(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    need = meeting.format.requirements.min_attendees
    have = len(meeting.taking_part)
    if have < need:
        return _on(
            meeting,
            da=f"{have} deltager(e), men {_da(meeting)} kræver mindst {need}",
            en=f"{have} attendee(s), but {_en(meeting)} needs at least {need}",
        )
    return ()


def _too_many_attendees(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    most = meeting.format.requirements.max_attendees
    have = len(meeting.taking_part)
    if most is not None and have > most:
        return _on(
            meeting,
            da=f"{have} deltagere, men {_da(meeting)} er for højst {most}; del "
            "gruppen eller hold flere møder",
            en=f"{have} attendees, but {_en(meeting)} is for at most {most}; "
            "split the group or hold more meetings",
        )
    return ()


def _below_fill(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    fill = meeting.format.requirements.min_fill
    have = len(meeting.taking_part)
    if fill is not None and have < fill:
        return _on(
            meeting,
            da=f"kun {have} tilmeldt, under minimum på {fill}; slå hold sammen eller "
            "flyt læringen ind i områdets eksisterende møder",
            en=f"only {have} enrolled, below the minimum fill of {fill}; merge "
            "sessions "
            "or move the learning into the area's existing meetings",
        )
    return ()


def _no_facilitator(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if not meeting.format.requirements.facilitator_required:
        return ()
    if not _facts(meeting).facilitators:
        return _on(
            meeting,
            da=f"{_da(meeting)} skal have en facilitator; giv en nøgleperson "
            "rollen facilitator",
            en=f"{_en(meeting)} needs a facilitator; give a key person the role "
            "facilitator",
        )
    return ()


def _unqualified_facilitator(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    found = []
    for a in _facts(meeting).facilitators:
        person = a.person
        if isinstance(person, Professional) and not person.can_facilitate:
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, person.key),
                    Label(
                        da=f"{person.id!r} faciliterer, men er hverken facilitator "
                        "eller "
                        "nøgleperson; vælg en nøgleperson eller registrér rollen",
                        en=f"{person.id!r} facilitates but is neither a facilitator "
                        "nor a "
                        "key person; pick a key person or record the role",
                    ),
                )
            )
    return found


def _no_reflection(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    req = meeting.format.requirements
    if req.reflection_required and meeting.reflection is None:
        return _on(
            meeting,
            da=f"{_da(meeting)} skal have refleksion tilknyttet; vælg "
            "refleksionsspørgsmål, der gør mødet til læring",
            en=f"{_en(meeting)} needs reflection attached; choose reflection "
            "questions that turn the meeting into learning",
        )
    return ()


def _operations_without_learning(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if not meeting.format.is_learning and meeting.reflection is None:
        return _on(
            meeting,
            da="mødet giver ikke læring, før der kobles refleksion på; gør drift til "
            "udvikling med et par refleksionsspørgsmål om en konkret borger",
            en="the meeting yields no learning until reflection is attached; turn "
            "operations into development with a few reflection questions about a "
            "concrete citizen",
        )
    return ()


# -- course days -----------------------------------------------------------------------


def _missing_course(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    course = meeting.format.requirements.prerequisite_course
    if course is None:
        return ()
    found = []
    for p in _professionals(meeting):
        if course not in p.completed_courses:
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, p.key),
                    Label(
                        da=f"{p.id!r} har ikke gennemført kurset {course!r}, som "
                        f"{_da(meeting)} bygger på; tilmeld først det monofaglige "
                        "kursus",
                        en=f"{p.id!r} has not completed the course {course!r} that "
                        f"{_en(meeting)} builds on; enrol them on the "
                        "monoprofessional course first",
                    ),
                )
            )
    return found


def _wrong_cohort(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    if not meeting.format.requirements.cohort_by_area:
        return ()
    cohort = meeting.cohort
    if cohort is None:
        return _on(
            meeting,
            da=f"{_da(meeting)} holdes for et områdehold; angiv holdet",
            en=f"{_en(meeting)} is run for an area's cohort; set the cohort",
        )
    found = []
    for p in _professionals(meeting):
        if p.unit.area != cohort.area:
            where_da = p.unit.area.label.da if p.unit.area else "intet område"
            where_en = p.unit.area.label.en if p.unit.area else "no area"
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, p.key),
                    Label(
                        da=f"{p.id!r} arbejder i {where_da}, men er tilmeldt holdet "
                        "for "
                        f"{cohort.area.label.da}; tilmeld på eget områdes hold",
                        en=f"{p.id!r} works in {where_en} but is enrolled on the "
                        f"cohort of {cohort.area.label.en}; enrol them on their own "
                        "area's cohort",
                    ),
                )
            )
    return found


def _rule(
    code: str,
    severity: Severity,
    title: tuple[str, str],
    fix: tuple[str, str],
    check: Check,
    applies: Applies | None,
) -> Rule:
    return Rule(
        code=code,
        severity=severity,
        title=Label(da=title[0], en=title[1]),
        fix=Label(da=fix[0], en=fix[1]),
        check=check,
        applies=applies,
    )


# When each rule can find anything, read from the format alone: a rule whose
# requirement the format does not set is not asked (tests check that such a
# rule indeed finds nothing).
def _needs(name: str) -> Applies:
    """The rule applies where the requirement *name* is set (true, non-zero)."""

    def applies(fmt: MeetingFormat) -> bool:
        return bool(getattr(fmt.requirements, name))

    return applies


def _limits(name: str) -> Applies:
    """The rule applies where the limit *name* is not ``None``."""

    def applies(fmt: MeetingFormat) -> bool:
        return getattr(fmt.requirements, name) is not None

    return applies


def _visit_across_sectors(fmt: MeetingFormat) -> bool:
    req = fmt.requirements
    return req.host_required and req.min_sectors >= 2


def _fiction_matters(fmt: MeetingFormat) -> bool:
    return fmt.requirements.fictional_case is not _FICTION_ALLOWED


def _not_learning(fmt: MeetingFormat) -> bool:
    return not fmt.is_learning


E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

FORMAT_RULES: tuple[Rule, ...] = (
    _rule(
        "LM101",
        E,
        ("For få faggrupper", "Too few professions"),
        (
            "Invitér en anden faggruppe fra borgerens team",
            "Invite another profession from the citizen's care team",
        ),
        _too_few_professions,
        _needs("min_professions"),
    ),
    _rule(
        "LM102",
        E,
        ("For mange faggrupper", "Too many professions"),
        (
            "Tilmeld hver faggruppe sit eget hold",
            "Enrol each profession on its own course",
        ),
        _too_many_professions,
        _limits("max_professions"),
    ),
    _rule(
        "LM103",
        E,
        ("For få sektorer", "Too few sectors"),
        (
            "Invitér en samarbejdspartner fra en anden sektor",
            "Invite a collaboration partner from another sector",
        ),
        _too_few_sectors,
        _needs("min_sectors"),
    ),
    _rule(
        "LM104",
        E,
        ("Ingen borgersag", "No citizen case"),
        ("Tag udgangspunkt i en konkret borger", "Start from a concrete citizen"),
        _no_case,
        _needs("case_required"),
    ),
    _rule(
        "LM105",
        E,
        ("Fiktiv case", "Fictional case"),
        ("Brug et konkret borgerforløb", "Use a concrete course of care"),
        _fictional_case,
        _fiction_matters,
    ),
    _rule(
        "LM106",
        E,
        ("Borgeren deltager ikke", "Citizen absent"),
        ("Invitér borgeren", "Invite the citizen"),
        _citizen_absent,
        _needs("citizen_present"),
    ),
    _rule(
        "LM107",
        E,
        ("Borgeren har ikke sagt ja", "Citizen has not accepted"),
        ("Hold mødet, når borgeren har sagt ja", "Hold it once the citizen accepts"),
        _citizen_not_accepted,
        _needs("citizen_present"),
    ),
    _rule(
        "LM108",
        E,
        ("Intet gyldigt samtykke", "No current consent"),
        ("Indhent og registrér samtykke", "Ask for and record consent"),
        _no_consent,
        _needs("consent_required"),
    ),
    _rule(
        "LM109",
        W,
        ("Mange uden for borgerens team", "Many outside the care team"),
        (
            "Invitér de direkte samarbejdspartnere",
            "Invite the direct collaboration partners",
        ),
        _outside_care_team,
        _limits("max_outside_care_team_share"),
    ),
    _rule(
        "LM110",
        E,
        ("Audit uden overgang", "Audit without a transition"),
        ("Vælg et forløb med en overgang", "Pick a course with a transition"),
        _no_transition,
        _needs("transition_required"),
    ),
    _rule(
        "LM111",
        E,
        (
            "Auditpanel dækker ikke overgangen",
            "Audit panel does not cover the transition",
        ),
        (
            "Invitér fra begge sektorer i overgangen",
            "Invite from both sectors of the transition",
        ),
        _panel_misses_sectors,
        _needs("transition_required"),
    ),
    _rule(
        "LM112",
        E,
        ("Ingen vært", "No host"),
        ("Giv en fagperson rollen vært", "Give one professional the role host"),
        _no_host,
        _needs("host_required"),
    ),
    _rule(
        "LM113",
        E,
        ("Gæster fra værtens sektor", "Visitors from the host's sector"),
        ("Invitér gæster fra en anden sektor", "Invite visitors from another sector"),
        _visitors_from_host_sector,
        _visit_across_sectors,
    ),
    _rule(
        "LM114",
        E,
        ("For få fra værtsorganisationen", "Too few from the host organisation"),
        (
            "Invitér flere fra værtsorganisationen",
            "Invite more from the host organisation",
        ),
        _too_few_from_host,
        _needs("min_host_attendees"),
    ),
    _rule(
        "LM115",
        E,
        ("For få deltagere", "Too few attendees"),
        ("Invitér flere", "Invite more people"),
        _too_few_attendees,
        _needs("min_attendees"),
    ),
    _rule(
        "LM116",
        E,
        ("For mange deltagere", "Too many attendees"),
        ("Del gruppen", "Split the group"),
        _too_many_attendees,
        _limits("max_attendees"),
    ),
    _rule(
        "LM117",
        E,
        ("Ingen facilitator", "No facilitator"),
        (
            "Giv en nøgleperson rollen facilitator",
            "Give a key person the role facilitator",
        ),
        _no_facilitator,
        _needs("facilitator_required"),
    ),
    _rule(
        "LM118",
        E,
        ("Ingen refleksion", "No reflection"),
        ("Tilknyt refleksionsspørgsmål", "Attach reflection questions"),
        _no_reflection,
        _needs("reflection_required"),
    ),
    _rule(
        "LM119",
        E,
        ("Monofagligt kursus mangler", "Monoprofessional course missing"),
        (
            "Tilmeld først det monofaglige kursus",
            "Enrol on the monoprofessional course first",
        ),
        _missing_course,
        _limits("prerequisite_course"),
    ),
    _rule(
        "LM120",
        E,
        ("Forkert områdehold", "Wrong area cohort"),
        ("Tilmeld på eget områdes hold", "Enrol on the own area's cohort"),
        _wrong_cohort,
        _needs("cohort_by_area"),
    ),
    _rule(
        "LM121",
        E,
        ("Ikke hjemme hos borgeren", "Not in the citizen's home"),
        ("Hold mødet hjemme hos borgeren", "Hold it in the citizen's home"),
        _not_at_home,
        _needs("at_citizen_home"),
    ),
    _rule(
        "LM122",
        N,
        ("Drift uden læring", "Operations without learning"),
        ("Kobl refleksion på mødet", "Attach reflection to the meeting"),
        _operations_without_learning,
        _not_learning,
    ),
    _rule(
        "LM123",
        W,
        ("Under minimumsfyldning", "Below minimum fill"),
        (
            "Slå hold sammen eller brug eksisterende møder",
            "Merge sessions or use existing meetings",
        ),
        _below_fill,
        _limits("min_fill"),
    ),
    _rule(
        "LM124",
        W,
        ("Facilitator uden rolle", "Facilitator without the role"),
        ("Vælg en nøgleperson som facilitator", "Pick a key person to facilitate"),
        _unqualified_facilitator,
        None,
    ),
)
"""The rules that compare a meeting with its format, in code order."""
