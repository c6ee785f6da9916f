"""How the command line shows a plan: readable lines in Danish or English."""

from __future__ import annotations

from datetime import datetime

from learnmeet.model._checks import COPENHAGEN
from learnmeet.model._labels import Label, Lang
from learnmeet.planning._period import PeriodPlan

__all__ = ["render_plan", "when"]


def when(moment: datetime) -> str:
    """A moment as local Copenhagen time, to the minute."""
    return moment.astimezone(COPENHAGEN).strftime("%Y-%m-%d %H:%M")


_HEADINGS = {
    "learning": Label(
        da="Læring i eksisterende mødefora (gør drift til udvikling):",
        en="Learning in existing forums (turn operations into development):",
    ),
    "scheduled": Label(
        da="Møder hos borgeren og audit:", en="Home meetings and audit:"
    ),
    "courses": Label(
        da="Tværfaglige kursusdage pr. område:", en="Course days by area:"
    ),
    "validation": Label(da="Validering af planen:", en="Validation of the plan:"),
}


def render_plan(plan: PeriodPlan, lang: Lang) -> list[str]:
    """The plan as readable lines (shared by the demo and ``learnmeet plan``)."""
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
    lines.append("")
    lines.append(_HEADINGS["scheduled"].get(lang))
    for m in plan.scheduled.meetings:
        lines.append(f"  {when(m.start)} {m.format.label.get(lang)}: {m.title}")
    for u in plan.scheduled.unplaced:
        lines.append(f"  ! {u.request.id}: {u.reason.get(lang)}")
    lines.append("")
    lines.append(_HEADINGS["courses"].get(lang))
    lines += [f"  {line}" for line in plan.enrolment.report(lang).splitlines()]
    lines.append("")
    lines.append(_HEADINGS["validation"].get(lang))
    lines += [f"  {line}" for line in plan.report.render(lang).splitlines()]
    return lines
