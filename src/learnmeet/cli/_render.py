"""How the command line shows a plan: readable lines in Danish or English."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from learnmeet.model._labels import Label, Lang
from learnmeet.model._people import Professional
from learnmeet.model._time import COPENHAGEN
from learnmeet.planning._cohorts import Enrolment
from learnmeet.planning._period import PeriodPlan

__all__ = ["counted", "render_plan", "when"]


def counted(number: int, one: str, many: str) -> str:
    """*number* with its noun, in the singular for one: "1 advarsel", "2 problems"."""
    return f"{number} {one if number == 1 else many}"


def when(moment: datetime) -> str:
    """A moment as local Copenhagen time, to the minute."""
    return moment.astimezone(COPENHAGEN).strftime("%Y-%m-%d %H:%M")


_HEADINGS = {
    "learning": Label(
        da="Læring i eksisterende mødefora (gør drift til udvikling):",
        en="Learning in existing forums (make everyday work a place for development):",
    ),
    "scheduled": Label(
        da="Møder hos borgeren og audit:",
        en="Meetings in the citizen's home and audit:",
    ),
    "courses": Label(
        da="Tværfaglige kursusdage pr. område:", en="Course days by area:"
    ),
    "validation": Label(da="Validering af planen:", en="Validation of the plan:"),
}
_LISTS = {
    "unplaced": Label(da="ikke placeret", en="not placed"),
    "waiting": Label(
        da="Venteliste til {id} ({n}):", en="Waiting list for {id} ({n}):"
    ),
    "ineligible": Label(da="Kan ikke tilmeldes ({n}):", en="Not eligible ({n}):"),
    "cancelled": Label(da="Afbud ({n}):", en="Dropped out ({n}):"),
    "no_forum": Label(
        da="Uden for alle mødefora ({n}):", en="Outside every forum ({n}):"
    ),
}


def _who(person: Professional) -> str:
    return f"{person.id} ({person.display_name})" if person.display_name else person.id


def _grouped(pairs: Sequence[tuple[Professional, str]]) -> list[str]:
    """One line per reason, in order of first appearance, with count and ids.

    A municipality's hundreds without the course stay a few lines.
    """
    by_reason: dict[str, list[str]] = {}
    for person, reason in pairs:
        by_reason.setdefault(reason, []).append(person.id)
    return [
        f"    {reason} ({len(ids)}): {', '.join(ids)}"
        for reason, ids in by_reason.items()
    ]


def _enrolment(enrolment: Enrolment, lang: Lang) -> list[str]:
    """The fill report, then every waiting list, who may not enrol and who left.

    A waiting list is one person a line, numbered, as its order is the order
    seats are offered in, with why they wait; the others are grouped by
    reason.
    """
    lines = [f"  {line}" for line in enrolment.report(lang).splitlines()]
    for session, waiting in enrolment.waiting.items():
        head = _LISTS["waiting"].get(lang).format(id=session, n=len(waiting))
        lines.append(f"  {head}")
        for n, person in enumerate(waiting, start=1):
            why = enrolment.reasons.get(person.id)
            because = f": {why.get(lang)}" if why is not None else ""
            lines.append(f"    {n}. {_who(person)}{because}")
    for name, pairs in (
        ("ineligible", [(p, why.get(lang)) for p, why in enrolment.ineligible]),
        ("cancelled", [(p, why.label.get(lang)) for p, why in enrolment.cancelled]),
    ):
        if pairs:
            lines.append(f"  {_LISTS[name].get(lang).format(n=len(pairs))}")
            lines += _grouped(pairs)
    return lines


def render_plan(plan: PeriodPlan, lang: Lang) -> list[str]:
    """The plan as readable lines (shared by the demo and ``learnmeet plan``).

    Everything the plan document holds is shown: the meetings, the cases
    left out and why, the requests not placed and why, each session's fill,
    waiting list (in order), who may not enrol and who dropped out, and the
    validation.
    """
    lines = [_HEADINGS["learning"].get(lang)]
    for learning in plan.learning:
        lines.append(f"  {learning.forum.name}:")
        for m in learning.meetings:
            who = m.case.citizen.pseudonym if m.case else "–"
            lines.append(f"    {when(m.start)} {who}")
        for left in learning.unattached:
            lines.append(
                f"    ({left.case.citizen.pseudonym}: {left.reason.get(lang)})"
            )
    if plan.unattached:
        lines.append(f"  {_LISTS['no_forum'].get(lang).format(n=len(plan.unattached))}")
        lines += [
            f"    ({left.case.citizen.pseudonym}: {left.reason.get(lang)})"
            for left in plan.unattached
        ]
    lines.append("")
    lines.append(_HEADINGS["scheduled"].get(lang))
    for m in plan.scheduled.meetings:
        room = f" [{m.location.room}]" if m.location.room else ""
        lines.append(f"  {when(m.start)} {m.heading(lang)}{room}")
    for u in plan.scheduled.unplaced:
        not_placed = _LISTS["unplaced"].get(lang)
        lines.append(f"  ! {not_placed} {u.request.id}: {u.reason.get(lang)}")
    lines.append("")
    lines.append(_HEADINGS["courses"].get(lang))
    lines += _enrolment(plan.enrolment, lang)
    lines.append("")
    lines.append(_HEADINGS["validation"].get(lang))
    lines += [f"  {line}" for line in plan.report.render(lang).splitlines()]
    return lines
