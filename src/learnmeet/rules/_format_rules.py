"""The built-in rules that compare a meeting with its format's requirements.

Each rule is one lesson of the source documents. Thresholds are read from the
format's :class:`~learnmeet.FormatRequirements`, so a municipality changes a
threshold by changing its format, not the rule.

Who counts: an attendee who is *information only* (discussed but not present)
or who has *declined* is not counted as taking part.
"""

from __future__ import annotations

from collections.abc import Iterator

from learnmeet.model import (
    Attendee,
    AttendeeRole,
    FictionalCase,
    Label,
    LocationKind,
    Meeting,
    Participation,
    Professional,
    Rsvp,
)
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Check, Finding, Rule, RuleContext, meeting_subject

__all__ = ["FORMAT_RULES", "taking_part"]


class _Facts:
    """What many rules ask of one meeting, worked out once for all of them."""

    __slots__ = ("host", "professionals", "taking_part")

    def __init__(self, meeting: Meeting) -> None:
        self.taking_part = tuple(
            [
                a
                for a in meeting.attendees
                if a.participation is not Participation.INFORMATION_ONLY
                and a.rsvp is not Rsvp.DECLINED
            ]
        )
        self.professionals = tuple(
            [a.person for a in self.taking_part if isinstance(a.person, Professional)]
        )
        self.host = next(
            (
                a.person
                for a in self.taking_part
                if a.role is AttendeeRole.HOST and isinstance(a.person, Professional)
            ),
            None,
        )


# The facts of the meeting checked last. The rules of one validation ask one
# after another about the same meeting; the pair is replaced in one step, so
# a thread never reads one meeting's facts for another.
_last: tuple[Meeting | None, _Facts | None] = (None, None)


def _facts(meeting: Meeting) -> _Facts:
    global _last
    seen, facts = _last
    if seen is meeting and facts is not None:
        return facts
    facts = _Facts(meeting)
    _last = (meeting, facts)
    return facts


def taking_part(meeting: Meeting) -> tuple[Attendee, ...]:
    """The attendees who take part: not information-only, not declined."""
    return _facts(meeting).taking_part


def _professionals(meeting: Meeting) -> tuple[Professional, ...]:
    return _facts(meeting).professionals


def _host(meeting: Meeting) -> Professional | None:
    return _facts(meeting).host


def _on(meeting: Meeting, da: str, en: str) -> Iterator[Finding]:
    yield Finding(meeting_subject(meeting), Label(da, en))


def _case_subject(meeting: Meeting) -> Subject:
    assert meeting.case is not None
    return Subject(SubjectKind.CASE, meeting.case.id)


def _da(meeting: Meeting) -> str:
    return f"mødeformen «{meeting.format.label.da}»"


def _en(meeting: Meeting) -> str:
    return f"the format “{meeting.format.label.en}”"


# -- professions and sectors -----------------------------------------------------


def _too_few_professions(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    need = meeting.format.requirements.min_professions
    have = {p.profession.code for p in _professionals(meeting)}
    if len(have) < need:
        yield from _on(
            meeting,
            f"{len(have)} faggruppe(r) deltager, men {_da(meeting)} kræver "
            f"mindst {need}; invitér en fra en anden faggruppe i borgerens team",
            f"{len(have)} profession(s) take part, but {_en(meeting)} needs "
            f"at least {need}; invite someone of another profession from the "
            "citizen's care team",
        )


def _too_many_professions(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    most = meeting.format.requirements.max_professions
    have = sorted({p.profession.code for p in _professionals(meeting)})
    if most is not None and len(have) > most:
        yield from _on(
            meeting,
            f"{len(have)} faggrupper deltager ({', '.join(have)}), men "
            f"{_da(meeting)} er for højst {most}; tilmeld de andre deres eget "
            "faggruppes hold",
            f"{len(have)} professions take part ({', '.join(have)}), but "
            f"{_en(meeting)} is for at most {most}; enrol the others on their "
            "own profession's course",
        )


def _too_few_sectors(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    req = meeting.format.requirements
    if req.host_required and _host(meeting) is not None:
        return  # LM113 says it more precisely when there is a host
    have = {p.sector.code for p in _professionals(meeting)}
    if len(have) < req.min_sectors:
        yield from _on(
            meeting,
            f"{len(have)} sektor(er) deltager, men {_da(meeting)} er "
            f"tværsektorielt og kræver mindst {req.min_sectors}; invitér en direkte "
            "samarbejdspartner fra en anden sektor",
            f"{len(have)} sector(s) take part, but {_en(meeting)} is "
            f"cross-sectoral and needs at least {req.min_sectors}; invite a direct "
            "collaboration partner from another sector",
        )


# -- the case --------------------------------------------------------------------


def _no_case(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if meeting.format.requirements.case_required and meeting.case is None:
        yield from _on(
            meeting,
            f"{_da(meeting)} skal tage udgangspunkt i et konkret "
            "borgerforløb; vælg en borger, som deltagerne arbejder med",
            f"{_en(meeting)} must start from a concrete citizen case; pick a "
            "citizen the attendees work with",
        )


def _fictional_case(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    policy = meeting.format.requirements.fictional_case
    case = meeting.case
    if case is None or case.is_concrete or policy is FictionalCase.ALLOWED:
        return
    yield Finding(
        _case_subject(meeting),
        Label(
            f"sagen {case.id!r} er fiktiv; fiktive cases gav begrænset udbytte, "
            "brug et konkret borgerforløb fra deltagernes egen hverdag",
            f"case {case.id!r} is fictional; fictional cases gave little, use a "
            "concrete course of care from the attendees' own work",
        ),
        Severity.ERROR if policy is FictionalCase.REFUSED else Severity.WARNING,
    )


def _no_consent(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    case = meeting.case
    if not meeting.format.requirements.consent_required or case is None:
        return
    if not case.is_concrete:
        return
    days = {meeting.start.date()}
    if context.today is not None:
        days.add(context.today)
    missing = sorted(d.isoformat() for d in days if not case.has_consent_on(d))
    if missing:
        yield Finding(
            _case_subject(meeting),
            Label(
                f"der er ikke registreret et gyldigt samtykke til at bruge sag "
                f"{case.id!r} til læring ({', '.join(missing)}); indhent og registrér "
                "borgerens samtykke",
                f"no recorded consent covers using case {case.id!r} for learning "
                f"({', '.join(missing)}); ask the citizen and record the consent",
            ),
        )


def _outside_care_team(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    most = meeting.format.requirements.max_outside_care_team_share
    case = meeting.case
    # Observers (e.g. forum members listening in) learn, but do not make up
    # the group that discusses the case.
    pros = [
        a.person
        for a in taking_part(meeting)
        if isinstance(a.person, Professional) and a.role is not AttendeeRole.OBSERVER
    ]
    if most is None or case is None or not pros:
        return
    team = {p.id for p in case.care_team}
    outside = [p for p in pros if p.id not in team]
    share = len(outside) / len(pros)
    if share > most:
        yield from _on(
            meeting,
            f"{len(outside)} af {len(pros)} fagpersoner ({share:.0%}) er ikke i "
            f"borgerens team (højst {most:.0%}); læring virker bedst, når de direkte "
            "samarbejdspartnere mødes",
            f"{len(outside)} of {len(pros)} professionals ({share:.0%}) are not in "
            f"the citizen's care team (at most {most:.0%}); learning works best when "
            "direct collaboration partners meet",
        )


# -- the citizen at a home meeting ----------------------------------------------


def _citizen_attendee(meeting: Meeting) -> Attendee | None:
    if meeting.case is None:
        return None
    return meeting.attendee(meeting.case.citizen.key)


def _citizen_absent(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if not meeting.format.requirements.citizen_present or meeting.case is None:
        return
    attendee = _citizen_attendee(meeting)
    if attendee is None or attendee.participation is Participation.INFORMATION_ONLY:
        yield from _on(
            meeting,
            f"borgeren {meeting.case.citizen.pseudonym!r} skal deltage i "
            f"{_da(meeting)}; invitér borgeren som deltager",
            f"citizen {meeting.case.citizen.pseudonym!r} must take part in "
            f"{_en(meeting)}; invite the citizen as an attendee",
        )


def _citizen_not_accepted(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if not meeting.format.requirements.citizen_present:
        return
    attendee = _citizen_attendee(meeting)
    if attendee is None or attendee.participation is Participation.INFORMATION_ONLY:
        return
    if attendee.rsvp is not Rsvp.ACCEPTED:
        yield Finding(
            Subject(SubjectKind.ATTENDEE, attendee.person.key),
            Label(
                f"borgeren har ikke sagt ja til mødet (svar: "
                f"{attendee.rsvp.label.da}); mødet holdes kun, når borgeren har "
                "sagt ja",
                f"the citizen has not accepted the meeting (answer: "
                f"{attendee.rsvp.label.en}); hold it only once the citizen accepts",
            ),
        )


def _not_at_home(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if (
        meeting.format.requirements.at_citizen_home
        and meeting.location.kind is not LocationKind.CITIZEN_HOME
    ):
        yield from _on(
            meeting,
            f"{_da(meeting)} holdes hjemme hos borgeren, ikke "
            f"{meeting.location.kind.label.da}; sæt stedet til borgerens hjem",
            f"{_en(meeting)} is held in the citizen's home, not "
            f"{meeting.location.kind.label.en}; set the location to the citizen's home",
        )


# -- audits ------------------------------------------------------------------------


def _no_transition(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    case = meeting.case
    if (
        meeting.format.requirements.transition_required
        and case is not None
        and not case.transitions
    ):
        yield Finding(
            _case_subject(meeting),
            Label(
                f"sag {case.id!r} har ingen overgang mellem sektorer; en audit "
                "ser på en overgang, vælg et forløb med en indlæggelse eller "
                "udskrivelse",
                f"case {case.id!r} has no transition between sectors; an audit "
                "looks at a transition, pick a course with an admission or "
                "discharge",
            ),
        )


def _panel_misses_sectors(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    case = meeting.case
    if not meeting.format.requirements.transition_required or case is None:
        return
    if not case.transitions:
        return
    present = {p.sector.code for p in _professionals(meeting)}
    if any(t.sectors <= present for t in case.transitions):
        return
    latest = case.transitions[-1]
    missing = sorted(latest.sectors - present)
    yield from _on(
        meeting,
        f"auditpanelet dækker ikke begge sektorer i overgangen "
        f"({latest.from_sector.label.da} → {latest.to_sector.label.da}); mangler: "
        f"{', '.join(missing)}",
        f"the audit panel does not cover both sectors of the transition "
        f"({latest.from_sector.label.en} → {latest.to_sector.label.en}); missing: "
        f"{', '.join(missing)}",
    )


# -- study visits and roadshows -------------------------------------------------------


def _no_host(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if meeting.format.requirements.host_required and _host(meeting) is None:
        yield from _on(
            meeting,
            f"{_da(meeting)} skal have en vært fra den organisation, der "
            "besøges; giv en fagperson rollen vært",
            f"{_en(meeting)} needs a host from the organisation visited; "
            "give one professional the role host",
        )


def _visitors_from_host_sector(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    req = meeting.format.requirements
    host = _host(meeting)
    if not req.host_required or host is None or req.min_sectors < 2:
        return
    if all(p.sector == host.sector for p in _professionals(meeting)):
        yield from _on(
            meeting,
            f"alle deltagere kommer fra værtens sektor ({host.sector.label.da}); "
            "et besøg på tværs kræver gæster fra en anden sektor",
            f"everyone comes from the host's sector ({host.sector.label.en}); a "
            "cross-sectoral visit needs guests from another sector",
        )


def _too_few_from_host(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    need = meeting.format.requirements.min_host_attendees
    host = _host(meeting)
    if not need or host is None:
        return
    org = host.unit.organisation.id
    have = sum(1 for p in _professionals(meeting) if p.unit.organisation.id == org)
    if have < need:
        yield from _on(
            meeting,
            f"kun {have} deltager(e) fra værtsorganisationen; {_da(meeting)} "
            f"skal nå mindst {need} fra samme organisation",
            f"only {have} attendee(s) from the host organisation; "
            f"{_en(meeting)} should reach at least {need} of one organisation",
        )


# -- size, facilitation and reflection -----------------------------------------------


def _too_few_attendees(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    need = meeting.format.requirements.min_attendees
    have = len(taking_part(meeting))
    if have < need:
        yield from _on(
            meeting,
            f"{have} deltager(e), men {_da(meeting)} kræver mindst {need}",
            f"{have} attendee(s), but {_en(meeting)} needs at least {need}",
        )


def _too_many_attendees(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    most = meeting.format.requirements.max_attendees
    have = len(taking_part(meeting))
    if most is not None and have > most:
        yield from _on(
            meeting,
            f"{have} deltagere, men {_da(meeting)} er for højst {most}; del "
            "gruppen eller hold flere møder",
            f"{have} attendees, but {_en(meeting)} is for at most {most}; "
            "split the group or hold more meetings",
        )


def _below_fill(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    fill = meeting.format.requirements.min_fill
    have = len(taking_part(meeting))
    if fill is not None and have < fill:
        yield from _on(
            meeting,
            f"kun {have} tilmeldt, under minimum på {fill}; slå hold sammen eller "
            "flyt læringen ind i områdets eksisterende møder",
            f"only {have} enrolled, below the minimum fill of {fill}; merge sessions "
            "or move the learning into the area's existing meetings",
        )


def _no_facilitator(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if not meeting.format.requirements.facilitator_required:
        return
    if not any(a.role is AttendeeRole.FACILITATOR for a in taking_part(meeting)):
        yield from _on(
            meeting,
            f"{_da(meeting)} skal have en facilitator; giv en nøgleperson "
            "rollen facilitator",
            f"{_en(meeting)} needs a facilitator; give a key person the role "
            "facilitator",
        )


def _unqualified_facilitator(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    for a in taking_part(meeting):
        person = a.person
        if (
            a.role is AttendeeRole.FACILITATOR
            and isinstance(person, Professional)
            and not person.can_facilitate
        ):
            yield Finding(
                Subject(SubjectKind.ATTENDEE, person.key),
                Label(
                    f"{person.id!r} faciliterer, men er hverken facilitator eller "
                    "nøgleperson; vælg en nøgleperson eller registrér rollen",
                    f"{person.id!r} facilitates but is neither a facilitator nor a "
                    "key person; pick a key person or record the role",
                ),
            )


def _no_reflection(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    req = meeting.format.requirements
    if req.reflection_required and meeting.reflection is None:
        yield from _on(
            meeting,
            f"{_da(meeting)} skal have refleksion tilknyttet; vælg "
            "refleksionsspørgsmål, der gør mødet til læring",
            f"{_en(meeting)} needs reflection attached; choose reflection "
            "questions that turn the meeting into learning",
        )


def _operations_without_learning(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if not meeting.format.is_learning and meeting.reflection is None:
        yield from _on(
            meeting,
            "mødet giver ikke læring, før der kobles refleksion på; gør drift til "
            "udvikling med et par refleksionsspørgsmål om en konkret borger",
            "the meeting yields no learning until reflection is attached; turn "
            "operations into development with a few reflection questions about a "
            "concrete citizen",
        )


# -- course days -----------------------------------------------------------------------


def _missing_course(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    course = meeting.format.requirements.prerequisite_course
    if course is None:
        return
    for p in _professionals(meeting):
        if course not in p.completed_courses:
            yield Finding(
                Subject(SubjectKind.ATTENDEE, p.key),
                Label(
                    f"{p.id!r} har ikke gennemført kurset {course!r}, som "
                    f"{_da(meeting)} bygger på; tilmeld først det monofaglige "
                    "kursus",
                    f"{p.id!r} has not completed the course {course!r} that "
                    f"{_en(meeting)} builds on; enrol them on the "
                    "monoprofessional course first",
                ),
            )


def _wrong_cohort(meeting: Meeting, _: RuleContext) -> Iterator[Finding]:
    if not meeting.format.requirements.cohort_by_area:
        return
    cohort = meeting.cohort
    if cohort is None:
        yield from _on(
            meeting,
            f"{_da(meeting)} holdes for et områdehold; angiv holdet",
            f"{_en(meeting)} is run for an area's cohort; set the cohort",
        )
        return
    for p in _professionals(meeting):
        if p.unit.area != cohort.area:
            where_da = p.unit.area.label.da if p.unit.area else "intet område"
            where_en = p.unit.area.label.en if p.unit.area else "no area"
            yield Finding(
                Subject(SubjectKind.ATTENDEE, p.key),
                Label(
                    f"{p.id!r} arbejder i {where_da}, men er tilmeldt holdet for "
                    f"{cohort.area.label.da}; tilmeld på eget områdes hold",
                    f"{p.id!r} works in {where_en} but is enrolled on the cohort of "
                    f"{cohort.area.label.en}; enrol them on their own area's cohort",
                ),
            )


def _rule(
    code: str,
    severity: Severity,
    title: tuple[str, str],
    fix: tuple[str, str],
    check: Check,
) -> Rule:
    return Rule(
        code=code, severity=severity, title=Label(*title), fix=Label(*fix), check=check
    )


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
    ),
    _rule(
        "LM104",
        E,
        ("Ingen borgersag", "No citizen case"),
        ("Tag udgangspunkt i en konkret borger", "Start from a concrete citizen"),
        _no_case,
    ),
    _rule(
        "LM105",
        E,
        ("Fiktiv case", "Fictional case"),
        ("Brug et konkret borgerforløb", "Use a concrete course of care"),
        _fictional_case,
    ),
    _rule(
        "LM106",
        E,
        ("Borgeren deltager ikke", "Citizen absent"),
        ("Invitér borgeren", "Invite the citizen"),
        _citizen_absent,
    ),
    _rule(
        "LM107",
        E,
        ("Borgeren har ikke sagt ja", "Citizen has not accepted"),
        ("Hold mødet, når borgeren har sagt ja", "Hold it once the citizen accepts"),
        _citizen_not_accepted,
    ),
    _rule(
        "LM108",
        E,
        ("Intet gyldigt samtykke", "No current consent"),
        ("Indhent og registrér samtykke", "Ask for and record consent"),
        _no_consent,
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
    ),
    _rule(
        "LM110",
        E,
        ("Audit uden overgang", "Audit without a transition"),
        ("Vælg et forløb med en overgang", "Pick a course with a transition"),
        _no_transition,
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
    ),
    _rule(
        "LM112",
        E,
        ("Ingen vært", "No host"),
        ("Giv en fagperson rollen vært", "Give one professional the role host"),
        _no_host,
    ),
    _rule(
        "LM113",
        E,
        ("Gæster fra værtens sektor", "Visitors from the host's sector"),
        ("Invitér gæster fra en anden sektor", "Invite visitors from another sector"),
        _visitors_from_host_sector,
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
    ),
    _rule(
        "LM115",
        E,
        ("For få deltagere", "Too few attendees"),
        ("Invitér flere", "Invite more people"),
        _too_few_attendees,
    ),
    _rule(
        "LM116",
        E,
        ("For mange deltagere", "Too many attendees"),
        ("Del gruppen", "Split the group"),
        _too_many_attendees,
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
    ),
    _rule(
        "LM118",
        E,
        ("Ingen refleksion", "No reflection"),
        ("Tilknyt refleksionsspørgsmål", "Attach reflection questions"),
        _no_reflection,
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
    ),
    _rule(
        "LM120",
        E,
        ("Forkert områdehold", "Wrong area cohort"),
        ("Tilmeld på eget områdes hold", "Enrol on the own area's cohort"),
        _wrong_cohort,
    ),
    _rule(
        "LM121",
        E,
        ("Ikke hjemme hos borgeren", "Not in the citizen's home"),
        ("Hold mødet hjemme hos borgeren", "Hold it in the citizen's home"),
        _not_at_home,
    ),
    _rule(
        "LM122",
        N,
        ("Drift uden læring", "Operations without learning"),
        ("Kobl refleksion på mødet", "Attach reflection to the meeting"),
        _operations_without_learning,
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
    ),
    _rule(
        "LM124",
        W,
        ("Facilitator uden rolle", "Facilitator without the role"),
        ("Vælg en nøgleperson som facilitator", "Pick a key person to facilitate"),
        _unqualified_facilitator,
    ),
)
"""The rules that compare a meeting with its format, in code order."""
