"""Rules on who meets: enough professions, not too many, enough sectors.

Interdisciplinary (*tværfaglig*) means more than one profession, cross-sectoral
(*tværsektoriel*) more than one sector; the format says how many of each it
needs. Counted over the professionals taking part; a volunteer brings no
profession, and a function such as visitator is no profession either. A
monoprofessional course may be shared by a group of related professions
(:attr:`Profession.group_code <learnmeet.Profession.group_code>`).
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.model._people import Profession
from learnmeet.rules._facts import format_da, format_en, on, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, needs, rule

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
    have = {
        p.profession.code
        for p in part(meeting).professionals
        if p.profession is not None
    }
    if len(have) < need:
        groups = "faggruppe" if len(have) == 1 else "faggrupper"
        take = "profession takes" if len(have) == 1 else "professions take"
        return on(
            meeting,
            da=f"{len(have)} {groups} deltager, men {format_da(meeting)} kræver "
            f"mindst {need}; invitér en fra en anden faggruppe i borgerens team",
            en=f"{len(have)} {take} part, but {format_en(meeting)} needs "
            f"at least {need}; invite someone of another profession from the "
            "citizen's care team",
        )
    return ()


def _limits_professions(fmt: MeetingFormat) -> bool:
    req = fmt.requirements
    return req.max_professions is not None or req.max_profession_groups is not None


def _too_many(
    professions: list[Profession], most: int, key: Callable[[Profession], str]
) -> tuple[list[str], list[Profession]] | None:
    """The kinds over *most* by *key*, and the professions of the kinds beyond.

    The kinds most attendees are of stay (ties by code); the others are
    named, by their Danish and English labels, as those to enrol elsewhere.
    """
    counts = Counter(key(p) for p in professions)
    if len(counts) <= most:
        return None
    kept = sorted(counts, key=lambda k: (-counts[k], k))[:most]
    others = {p.code: p for p in professions if key(p) not in kept}
    return kept, [others[c] for c in sorted(others)]


@rule(
    code="LM102",
    severity=Severity.ERROR,
    title=Label(da="For mange faggrupper", en="Too many professions"),
    meaning=Label(
        da="Et monofagligt kursus er for én faggruppe ad gangen, eller for en "
        "gruppe af beslægtede faggrupper som social- og sundhedshjælpere og "
        "-assistenter. Esbjergs palliationsprojekt gav først hver faggruppe sit "
        "eget kursus og samlede faggrupperne bagefter, på de tværfaglige "
        "kursusdage.",
        en="A monoprofessional course is for one profession at a time, or for a "
        "group of related professions such as social and health care helpers and "
        "assistants. Esbjerg's palliative care project gave each profession its "
        "own course first and brought the professions together afterwards, on "
        "the interdisciplinary course days.",
    ),
    fix=Label(
        da="Tilmeld de øvrige på et kursus for deres egen faggruppe",
        en="Enrol the others on a course for their own profession",
    ),
    applies=_limits_professions,
)
def TOO_MANY_PROFESSIONS(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count the professions and their groups, and name those beyond the limit."""
    req = meeting.format.requirements
    professions = [
        p.profession for p in part(meeting).professionals if p.profession is not None
    ]
    if req.max_professions is not None:
        over = _too_many(professions, req.max_professions, lambda p: p.code)
        if over is not None:
            n = len(over[0]) + len({p.code for p in over[1]})
            return _enrol_elsewhere(
                meeting,
                over[1],
                da=f"{n} faggrupper deltager, men {format_da(meeting)} er for "
                f"højst {req.max_professions}",
                en=f"{n} professions take part, but {format_en(meeting)} is for "
                f"at most {req.max_professions}",
            )
    if req.max_profession_groups is not None:
        most = req.max_profession_groups
        over = _too_many(professions, most, lambda p: p.group_code)
        if over is not None:
            n = len(over[0]) + len({p.group_code for p in over[1]})
            return _enrol_elsewhere(
                meeting,
                over[1],
                da=f"{format_da(meeting)} er for højst {most} faggruppe eller "
                f"gruppe af beslægtede faggrupper, men der deltager {n}",
                en=f"{format_en(meeting)} is for at most {most} profession or "
                f"group of related professions, but {n} take part",
            )
    return ()


def _enrol_elsewhere(
    meeting: Meeting, others: list[Profession], *, da: str, en: str
) -> Sequence[Finding]:
    names_da = ", ".join(p.label.da for p in others)
    names_en = ", ".join(p.label.en for p in others)
    return on(
        meeting,
        da=f"{da}; tilmeld de øvrige ({names_da}) på et kursus for deres egen "
        "faggruppe",
        en=f"{en}; enrol the others ({names_en}) on a course for their own profession",
    )


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
        sectors = "sektor" if len(have) == 1 else "sektorer"
        take = "sector takes" if len(have) == 1 else "sectors take"
        return on(
            meeting,
            da=f"{len(have)} {sectors} deltager, men {format_da(meeting)} er "
            f"tværsektoriel og kræver mindst {req.min_sectors}; invitér en direkte "
            "samarbejdspartner fra en anden sektor",
            en=f"{len(have)} {take} part, but {format_en(meeting)} is "
            f"cross-sectoral and needs at least {req.min_sectors}; invite a direct "
            "collaboration partner from another sector",
        )
    return ()
