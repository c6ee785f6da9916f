"""Rules for transitions and the cross-sectoral audit that reads them.

An audit of a course of care (the Danish audit method, as DEFACTUM describes
it) reads one transition between sectors, with a panel from both sides; the
KOPA evaluation found that it improves the understanding of transitions, such
as the rehabilitation plan handed from hospital to municipality. A discharge
that needed that plan and went without it is what such an audit is for: the
rule that finds it (LM135) is a warning in the audit and a note in any other
meeting about the case.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._facts import case_subject, on, one, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, needs, rule

__all__ = ["NO_REHABILITATION_PLAN", "NO_TRANSITION", "PANEL_MISSES_SECTORS"]


@rule(
    code="LM110",
    severity=Severity.ERROR,
    title=Label(da="Audit uden overgang", en="Audit without a transition"),
    meaning=Label(
        da="En tværsektoriel audit ser på et borgerforløb med mindst én overgang "
        "mellem sektorer. KOPA-evalueringen fandt, at audit af et borgerforløb gav "
        "bedre forståelse af overgange, fx genoptræningsplanen fra sygehus til "
        "kommune.",
        en="A cross-sectoral audit looks at a citizen case with at least one "
        "transition "
        "between sectors. The KOPA evaluation found that auditing a citizen's "
        "course improved the understanding of transitions, such as the "
        "rehabilitation plan handed from hospital to municipality.",
    ),
    fix=Label(
        da="Vælg et forløb med en overgang", en="Pick a course with a transition"
    ),
    applies=needs("transition_required"),
)
def NO_TRANSITION(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """The case has at least one transition where the format needs one."""
    case = meeting.case
    if (
        meeting.format.requirements.transition_required
        and case is not None
        and not case.transitions
    ):
        return one(
            case_subject(meeting),
            da=f"borgerforløbet {case.id!r} har ingen overgang mellem sektorer; "
            "en audit ser på en overgang, vælg et forløb med en indlæggelse "
            "eller udskrivelse",
            en=f"the citizen case {case.id!r} has no transition between sectors; "
            "an audit looks at a transition, pick a course with an admission "
            "or discharge",
        )
    return ()


@rule(
    code="LM111",
    severity=Severity.ERROR,
    title=Label(
        da="Auditpanel dækker ikke overgangen",
        en="Audit panel does not cover the transition",
    ),
    meaning=Label(
        da="Auditpanelet har fagpersoner fra begge sektorer i mindst én af "
        "borgerforløbets overgange. I auditmetoden læser panelet forløbet fra "
        "begge sider af den overgang, der auditeres.",
        en="The audit panel has professionals from both sectors of at least one of "
        "the case's transitions. In the audit method the panel reads the course "
        "from both sides of the transition audited.",
    ),
    fix=Label(
        da="Invitér fra begge sektorer i overgangen",
        en="Invite from both sectors of the transition",
    ),
    applies=needs("transition_required"),
)
def PANEL_MISSES_SECTORS(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Some transition's two sectors are both among those taking part."""
    case = meeting.case
    if not meeting.format.requirements.transition_required or case is None:
        return ()
    if not case.transitions:
        return ()
    present = {p.sector.code for p in part(meeting).professionals}
    if any(t.sectors <= present for t in case.transitions):
        return ()
    latest = case.transitions[-1]
    # Named by their labels, in the transition's order: "sygehus (region)".
    missing = [
        s for s in (latest.from_sector, latest.to_sector) if s.code not in present
    ]
    return on(
        meeting,
        da=f"auditpanelet dækker ikke begge sektorer i overgangen "
        f"({latest.from_sector.label.da} → {latest.to_sector.label.da}); mangler: "
        f"{', '.join(s.label.da for s in missing)}",
        en=f"the audit panel does not cover both sectors of the transition "
        f"({latest.from_sector.label.en} → {latest.to_sector.label.en}); missing: "
        f"{', '.join(s.label.en for s in missing)}",
    )


@rule(
    code="LM135",
    severity=Severity.WARNING,
    title=Label(da="Genoptræningsplan mangler", en="Rehabilitation plan missing"),
    meaning=Label(
        da="Ved udskrivelse udarbejder sygehuset (regionen) en genoptræningsplan "
        "til alle med et lægefagligt begrundet behov for genoptræning "
        "(sundhedsloven § 84); kommunen tilbyder genoptræningen ud fra planen "
        "(§ 140). En udskrivelse med behov og uden plan er en advarsel i "
        "auditten af forløbet, som netop skal tage overgangen op, og en "
        "bemærkning i ethvert andet møde om borgerforløbet: et læringspunkt "
        "for mødet.",
        en="At discharge the hospital (the region) issues a rehabilitation plan "
        "to everyone with a medically justified need of rehabilitation "
        "(Sundhedsloven § 84); the municipality provides the rehabilitation "
        "from the plan (§ 140). A discharge with the need and without the plan "
        "is a warning in the audit of the course, which is there to take the "
        "transition up, and a note in any other meeting about the citizen "
        "case: a learning point for the meeting.",
    ),
    fix=Label(
        da="Bed sygehuset om genoptræningsplanen, og tag overgangen op som "
        "læringspunkt",
        en="Ask the hospital for the rehabilitation plan, and take the "
        "transition up as a learning point",
    ),
)
def NO_REHABILITATION_PLAN(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Each discharge up to the meeting's day that needed the plan and lacked it."""
    case = meeting.case
    if case is None or not case.transitions:
        return ()
    day = meeting.start.date()
    lacking = [
        t for t in case.transitions if t.on <= day and t.lacks_rehabilitation_plan
    ]
    if not lacking:
        return ()
    audit = meeting.format.requirements.transition_required
    severity = Severity.WARNING if audit else Severity.INFO
    if audit:
        da_then = "tag det op i auditten som et fund"
        en_then = "take it up in the audit as a finding"
    else:
        da_then = "et læringspunkt for mødet: bed sygehuset om planen"
        en_then = "a learning point for the meeting: ask the hospital for the plan"
    return tuple(
        Finding(
            case_subject(meeting),
            Label(
                da=f"udskrivelsen {t.on.isoformat()} ({t.from_sector.label.da} → "
                f"{t.to_sector.label.da}) skete uden genoptræningsplan, selv om "
                "borgeren havde behov for genoptræning; sygehuset udarbejder "
                f"planen ved udskrivelsen (sundhedsloven § 84); {da_then}",
                en=f"the discharge on {t.on.isoformat()} ({t.from_sector.label.en} "
                f"→ {t.to_sector.label.en}) went without a rehabilitation plan, "
                "though the citizen needed rehabilitation; the hospital issues "
                f"the plan at discharge (Sundhedsloven § 84); {en_then}",
            ),
            severity,
        )
        for t in lacking
    )
