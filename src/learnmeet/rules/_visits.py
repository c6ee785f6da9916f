"""Rules for study visits and roadshows: a host, guests from elsewhere, an audience.

The KOPA evaluation found that study visits to another sector open dialogue
and show tacit knowledge, and that roadshows bring shared knowledge to several
people of one organisation.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._facts import format_da, format_en, on, part
from learnmeet.rules._report import Severity
from learnmeet.rules._rule import Finding, RuleContext, needs, rule

__all__ = ["NO_HOST", "TOO_FEW_FROM_HOST", "VISITORS_FROM_HOST_SECTOR"]


@rule(
    code="LM112",
    severity=Severity.ERROR,
    title=Label(da="Ingen vært", en="No host"),
    meaning=Label(
        da="Et studiebesøg eller en roadshow har en vært fra den organisation, der "
        "besøges. KOPA-evalueringen fandt, at besøg i en anden sektor åbner dialog "
        "og viser tavs viden, og det kræver en, der viser den frem.",
        en="A study visit or a roadshow has a host from the organisation visited. "
        "The KOPA evaluation found that visits to another sector open dialogue and "
        "show tacit knowledge, which takes someone there to show it.",
    ),
    fix=Label(
        da="Giv en fagperson rollen som vært",
        en="Give one professional the role of host",
    ),
    applies=needs("host_required"),
)
def NO_HOST(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A professional takes part as host where the format needs one."""
    if meeting.format.requirements.host_required and part(meeting).host is None:
        return on(
            meeting,
            da=f"{format_da(meeting)} skal have en vært fra den organisation, der "
            "besøges; giv en fagperson rollen som vært",
            en=f"{format_en(meeting)} needs a host from the organisation visited; "
            "give one professional the role of host",
        )
    return ()


def _visit_across_sectors(fmt: MeetingFormat) -> bool:
    req = fmt.requirements
    return req.host_required and req.min_sectors >= 2


@rule(
    code="LM113",
    severity=Severity.ERROR,
    title=Label(da="Gæster fra værtens sektor", en="Visitors from the host's sector"),
    meaning=Label(
        da="Et tværsektorielt besøg har gæster fra en anden sektor end værtens. "
        "Besøget er værd at aflægge, når det viser en anden sektors arbejde; "
        "KOPA-evalueringen fandt, at det åbner dialog på tværs af sektorer.",
        en="A cross-sectoral visit has guests from a sector other than the host's. "
        "A visit is worth making when it shows another sector's work; the KOPA "
        "evaluation found that it opens dialogue across sectors.",
    ),
    fix=Label(
        da="Invitér gæster fra en anden sektor",
        en="Invite visitors from another sector",
    ),
    applies=_visit_across_sectors,
)
def VISITORS_FROM_HOST_SECTOR(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Someone taking part comes from a sector other than the host's."""
    req = meeting.format.requirements
    the_host = part(meeting).host
    if not req.host_required or the_host is None or req.min_sectors < 2:
        return ()
    if all(p.sector == the_host.sector for p in part(meeting).professionals):
        return on(
            meeting,
            da=f"alle deltagere kommer fra værtens sektor "
            f"({the_host.sector.label.da}); et besøg på tværs kræver gæster fra en "
            "anden sektor",
            en=f"everyone comes from the host's sector ({the_host.sector.label.en}); "
            "a cross-sectoral visit needs guests from another sector",
        )
    return ()


@rule(
    code="LM114",
    severity=Severity.ERROR,
    title=Label(
        da="For få fra værtsorganisationen", en="Too few from the host organisation"
    ),
    meaning=Label(
        da="En roadshow når mindst mødeformens antal deltagere fra "
        "værtsorganisationen. KOPA-evalueringen fandt, at roadshows giver flere i "
        "samme organisation fælles viden.",
        en="A roadshow reaches at least the format's number of people from the host "
        "organisation. The KOPA evaluation found that roadshows bring shared "
        "knowledge to several people of one organisation.",
    ),
    fix=Label(
        da="Invitér flere fra værtsorganisationen",
        en="Invite more from the host organisation",
    ),
    applies=needs("min_host_attendees"),
)
def TOO_FEW_FROM_HOST(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Count the professionals taking part from the host's organisation."""
    need = meeting.format.requirements.min_host_attendees
    the_host = part(meeting).host
    if not need or the_host is None:
        return ()
    org = the_host.unit.organisation.id
    have = sum(1 for p in part(meeting).professionals if p.unit.organisation.id == org)
    if have < need:
        return on(
            meeting,
            da=f"kun {have} {'deltager' if have == 1 else 'deltagere'} fra "
            "værtsorganisationen; "
            f"{format_da(meeting)} skal samle mindst {need} fra værtsorganisationen",
            en=f"only {have} {'attendee' if have == 1 else 'attendees'} from the "
            "host organisation; "
            f"{format_en(meeting)} should bring together at least {need} from the "
            "host organisation",
        )
    return ()
