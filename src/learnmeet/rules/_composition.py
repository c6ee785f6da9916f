"""Rules on who meets: enough professions, not too many, enough sectors.

Interdisciplinary (*tværfaglig*) means more than one profession, cross-sectoral
(*tværsektoriel*) more than one sector; the format says how many of each it
needs. Counted over the professionals taking part.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._facts import format_da, format_en, on, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, limits, needs, rule

__all__ = ["TOO_FEW_PROFESSIONS", "TOO_FEW_SECTORS", "TOO_MANY_PROFESSIONS"]


@rule(
    code="LM101",
    severity=Severity.ERROR,
    title=Label(da="For få faggrupper", en="Too few professions"),
    meaning=Label(
        da="Der deltager mindst så mange faggrupper, som mødeformen kræver. Læring "
        "på tværs af faggrupper er formålet med de tværfaglige mødeformer; "
        "KOPA-evalueringen fandt, at den virker, når borgerens direkte "
        "samarbejdspartnere mødes.",
        en="At least as many professions take part as the format asks for. "
        "Learning across professions is what the interdisciplinary formats are "
        "for; the KOPA evaluation found that it works when the citizen's direct "
        "collaboration partners meet.",
    ),
    fix=Label(
        da="Invitér en anden faggruppe fra borgerens team",
        en="Invite another profession from the citizen's care team",
    ),
    applies=needs("min_professions"),
)
def TOO_FEW_PROFESSIONS(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count the distinct professions of the professionals taking part."""
    need = meeting.format.requirements.min_professions
    have = {p.profession.code for p in part(meeting).professionals}
    if len(have) < need:
        return on(
            meeting,
            da=f"{len(have)} faggruppe(r) deltager, men {format_da(meeting)} kræver "
            f"mindst {need}; invitér en fra en anden faggruppe i borgerens team",
            en=f"{len(have)} profession(s) take part, but {format_en(meeting)} needs "
            f"at least {need}; invite someone of another profession from the "
            "citizen's care team",
        )
    return ()


@rule(
    code="LM102",
    severity=Severity.ERROR,
    title=Label(da="For mange faggrupper", en="Too many professions"),
    meaning=Label(
        da="Et monofagligt kursus er for én faggruppe ad gangen. Esbjergs "
        "palliationsprojekt gav først hver faggruppe sit eget kursus og samlede "
        "faggrupperne bagefter, på de tværfaglige kursusdage.",
        en="A monoprofessional course is for one profession at a time. Esbjerg's "
        "palliative care project gave each profession its own course first and "
        "brought the professions together afterwards, on the interdisciplinary "
        "course days.",
    ),
    fix=Label(
        da="Tilmeld hver faggruppe sit eget hold",
        en="Enrol each profession on its own course",
    ),
    applies=limits("max_professions"),
)
def TOO_MANY_PROFESSIONS(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count them too, and name them when there are too many."""
    most = meeting.format.requirements.max_professions
    have = sorted({p.profession.code for p in part(meeting).professionals})
    if most is not None and len(have) > most:
        return on(
            meeting,
            da=f"{len(have)} faggrupper deltager ({', '.join(have)}), men "
            f"{format_da(meeting)} er for højst {most}; tilmeld de andre deres eget "
            "faggruppes hold",
            en=f"{len(have)} professions take part ({', '.join(have)}), but "
            f"{format_en(meeting)} is for at most {most}; enrol the others on their "
            "own profession's course",
        )
    return ()


@rule(
    code="LM103",
    severity=Severity.ERROR,
    title=Label(da="For få sektorer", en="Too few sectors"),
    meaning=Label(
        da="En tværsektoriel mødeform har fagpersoner fra mindst så mange sektorer, "
        "som den kræver. KOPA-evalueringen fandt, at møder på tværs af sektorer "
        "giver ansigt på hinanden og viden om, hvad de andre sektorer tilbyder, så "
        "det bliver lettere at henvise.",
        en="A cross-sectoral format has professionals from at least as many sectors "
        "as it asks for. The KOPA evaluation found that meeting across sectors "
        "lets people put a face to each other and learn what the other sectors "
        "offer, which makes referral easier.",
    ),
    fix=Label(
        da="Invitér en samarbejdspartner fra en anden sektor",
        en="Invite a collaboration partner from another sector",
    ),
    applies=needs("min_sectors"),
)
def TOO_FEW_SECTORS(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count the distinct sectors, unless a host makes the visit rule say it."""
    req = meeting.format.requirements
    if req.host_required and part(meeting).host is not None:
        # VISITORS_FROM_HOST_SECTOR says it more precisely when there is a host.
        return ()
    have = {p.sector.code for p in part(meeting).professionals}
    if len(have) < req.min_sectors:
        return on(
            meeting,
            da=f"{len(have)} sektor(er) deltager, men {format_da(meeting)} er "
            f"tværsektorielt og kræver mindst {req.min_sectors}; invitér en direkte "
            "samarbejdspartner fra en anden sektor",
            en=f"{len(have)} sector(s) take part, but {format_en(meeting)} is "
            f"cross-sectoral and needs at least {req.min_sectors}; invite a direct "
            "collaboration partner from another sector",
        )
    return ()
