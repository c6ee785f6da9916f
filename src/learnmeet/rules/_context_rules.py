"""The built-in rules that need a context: other meetings and a calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting, MeetingStatus
from learnmeet.model._people import Professional
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, Rule, RuleContext, meeting_subject

__all__ = ["CONTEXT_RULES"]


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _double_booked(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    if meeting.status is MeetingStatus.CANCELLED:
        return
    mine = {a.person.key for a in meeting.taking_part}
    clashes: dict[str, list[str]] = {}
    # Instants in UTC: same-zone comparisons ignore fold (the repeated hour).
    start, end = _utc(meeting.start), _utc(meeting.end)
    for other in context.meetings:
        if other.id == meeting.id or other.status is MeetingStatus.CANCELLED:
            continue
        if _utc(other.start) < end and start < _utc(other.end):
            for a in other.taking_part:
                if a.person.key in mine:
                    clashes.setdefault(a.person.key, []).append(other.id)
    for key in sorted(clashes):
        others = ", ".join(sorted(clashes[key]))
        yield Finding(
            Subject(SubjectKind.ATTENDEE, key),
            Label(
                da=f"{key} er dobbeltbooket: mødet overlapper {others}; flyt et af "
                "møderne eller find en stedfortræder",
                en=f"{key} is double-booked: the meeting overlaps {others}; move one "
                "of "
                "the meetings or find a stand-in",
            ),
        )


def _on_holiday(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    day = meeting.start.date()
    if meeting.status is not MeetingStatus.CANCELLED and day in context.holidays:
        yield Finding(
            meeting_subject(meeting),
            Label(
                da=f"mødet ligger på en helligdag ({day.isoformat()}); vælg en anden "
                "dag",
                en=f"the meeting falls on a public holiday ({day.isoformat()}); pick "
                "another day",
            ),
        )


def _outside_hours(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    if meeting.status is MeetingStatus.CANCELLED:
        return
    start = meeting.start
    end = meeting.end
    for a in meeting.taking_part:
        person = a.person
        if not isinstance(person, Professional):
            continue
        hours = context.hours_of(person.unit.id)
        if hours is None or hours.covers(start, end):
            continue
        yield Finding(
            Subject(SubjectKind.ATTENDEE, person.key),
            Label(
                da=f"{person.id!r} arbejder {hours.start:%H:%M}–{hours.end:%H:%M}, men "
                f"mødet er {_local(start)}–{end:%H:%M}; flyt mødet ind i "
                "arbejdstiden",
                en=f"{person.id!r} works {hours.start:%H:%M}–{hours.end:%H:%M}, but "
                "the "
                f"meeting is {_local(start)}–{end:%H:%M}; move it into working hours",
            ),
        )


CONTEXT_RULES: tuple[Rule, ...] = (
    Rule(
        code="LM201",
        severity=Severity.ERROR,
        title=Label(da="Dobbeltbooking", en="Double booking"),
        fix=Label(da="Flyt et af møderne", en="Move one of the meetings"),
        check=_double_booked,
        needs_context=True,
    ),
    Rule(
        code="LM202",
        severity=Severity.WARNING,
        title=Label(da="Helligdag", en="Public holiday"),
        fix=Label(da="Vælg en anden dag", en="Pick another day"),
        check=_on_holiday,
        needs_context=True,
    ),
    Rule(
        code="LM203",
        severity=Severity.WARNING,
        title=Label(da="Uden for arbejdstid", en="Outside working hours"),
        fix=Label(da="Flyt mødet ind i arbejdstiden", en="Move it into working hours"),
        check=_outside_hours,
        needs_context=True,
    ),
)
"""The rules that read the :class:`RuleContext`, in code order."""
