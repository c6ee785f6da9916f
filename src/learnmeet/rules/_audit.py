"""Rules for the cross-sectoral audit: a transition, and a panel from both sides.

An audit of a course of care (the Danish audit method, as DEFACTUM describes
it) reads one transition between sectors; the KOPA evaluation found that it
improves the understanding of transitions, such as the rehabilitation plan
handed from hospital to municipality.
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

__all__ = ["NO_TRANSITION", "PANEL_MISSES_SECTORS"]


@rule(
    code="LM110",
    severity=Severity.ERROR,
    title=Label(da="Audit uden overgang", en="Audit without a transition"),
    meaning=Label(
        da="En tværsektoriel audit ser på en sag med mindst én overgang mellem "
        "sektorer. KOPA-evalueringen fandt, at audit af et borgerforløb gav bedre "
        "forståelse af overgange, fx genoptræningsplanen fra hospital til kommune.",
        en="A cross-sectoral audit looks at a case with at least one transition "
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
            da=f"sag {case.id!r} har ingen overgang mellem sektorer; en audit "
            "ser på en overgang, vælg et forløb med en indlæggelse eller "
            "udskrivelse",
            en=f"case {case.id!r} has no transition between sectors; an audit "
            "looks at a transition, pick a course with an admission or "
            "discharge",
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
        da="Auditpanelet har fagpersoner fra begge sektorer i mindst én af sagens "
        "overgange. I auditmetoden læser panelet forløbet fra begge sider af den "
        "overgang, der auditeres.",
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
    missing = sorted(latest.sectors - present)
    return on(
        meeting,
        da=f"auditpanelet dækker ikke begge sektorer i overgangen "
        f"({latest.from_sector.label.da} → {latest.to_sector.label.da}); mangler: "
        f"{', '.join(missing)}",
        en=f"the audit panel does not cover both sectors of the transition "
        f"({latest.from_sector.label.en} → {latest.to_sector.label.en}); missing: "
        f"{', '.join(missing)}",
    )
