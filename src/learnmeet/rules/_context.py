"""Rules that need a context: other meetings and the calendar.

They read the :class:`~learnmeet.RuleContext` and run only when validation is
given one. A cancelled meeting books nobody and falls on no day.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting, MeetingStatus
from learnmeet.model._people import Professional
from learnmeet.rules._facts import named, part
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, RuleContext, meeting_subject, rule

__all__ = ["DOUBLE_BOOKING", "ON_HOLIDAY", "OUTSIDE_HOURS"]


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _local(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


_LISTED = 10
"""The most overlapping meetings a double booking names."""


@rule(
    code="LM201",
    severity=Severity.ERROR,
    title=Label(da="Dobbeltbooking", en="Double booking"),
    meaning=Label(
        da="Ingen, der deltager, er med i to møder, der overlapper. Esbjergs kurser "
        "var svære at bemande; en plan, der booker folk to gange, mister dem fra "
        "det ene møde.",
        en="Nobody who takes part is in two overlapping meetings. Esbjerg's "
        "courses were hard to staff; a plan that books people twice loses them "
        "from one of the meetings.",
    ),
    fix=Label(da="Flyt et af møderne", en="Move one of the meetings"),
    needs_context=True,
)
def DOUBLE_BOOKING(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    """Overlaps with the context's other meetings, per person taking part."""
    if meeting.status is MeetingStatus.CANCELLED:
        return
    clashes: dict[str, list[str]] = {}
    # Instants in UTC: same-zone comparisons ignore fold (the repeated hour).
    start, end = _utc(meeting.start), _utc(meeting.end)
    booked = context._booked()
    # The message names a person by the id the user gave (a citizen by the
    # pseudonym), never by the attendee key the subject carries.
    names = {a.person.key: named(a.person) for a in part(meeting).attendees}
    for key in names:
        ids = [i for i in booked.overlapping(key, start, end) if i != meeting.id]
        if ids:
            clashes[key] = ids
    for key in sorted(clashes):
        # A few meetings by id, then how many more: a label holds at most
        # MAX_TEXT characters, and a person may be booked many times over.
        ids = sorted(clashes[key])
        others = ", ".join(ids[:_LISTED])
        more = len(ids) - _LISTED
        more_da, more_en = (
            (f" og {more} mere", f" and {more} more") if more > 0 else ("", "")
        )
        yield Finding(
            Subject(SubjectKind.ATTENDEE, key),
            Label(
                da=f"{names[key]!r} er dobbeltbooket: mødet overlapper "
                f"{others}{more_da}; flyt et af møderne eller find en stedfortræder",
                en=f"{names[key]!r} is double-booked: the meeting overlaps "
                f"{others}{more_en}; move one of the meetings or find a stand-in",
            ),
        )


@rule(
    code="LM202",
    severity=Severity.WARNING,
    title=Label(da="Helligdag", en="Public holiday"),
    meaning=Label(
        da="Mødet ligger ikke på en af kontekstens helligdage. Plejen fortsætter på "
        "helligdage, men med færre på arbejde, så få kan deltage i et læringsmøde "
        "den dag.",
        en="The meeting does not fall on one of the context's public holidays. "
        "Care goes on on holidays, but with fewer at work, so few could attend a "
        "learning meeting that day.",
    ),
    fix=Label(da="Vælg en anden dag", en="Pick another day"),
    needs_context=True,
)
def ON_HOLIDAY(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    """The meeting's local date is not among the context's holidays."""
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


@rule(
    code="LM203",
    severity=Severity.WARNING,
    title=Label(da="Uden for arbejdstid", en="Outside working hours"),
    meaning=Label(
        da="Mødet ligger inden for arbejdstiden for alle fagpersoner, der deltager. "
        "Læring hører til i arbejdstiden, i de møder, der allerede er en del af "
        "den.",
        en="The meeting lies within the working hours of every professional taking "
        "part. Learning belongs in working time, in the meetings that are already "
        "part of it.",
    ),
    fix=Label(da="Flyt mødet ind i arbejdstiden", en="Move it into working hours"),
    needs_context=True,
)
def OUTSIDE_HOURS(meeting: Meeting, context: RuleContext) -> Iterator[Finding]:
    """Each professional taking part works the whole meeting, by unit's hours."""
    if meeting.status is MeetingStatus.CANCELLED:
        return
    start = meeting.start
    end = meeting.end
    for a in part(meeting).attendees:
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
                f"the meeting is {_local(start)}–{end:%H:%M}; move it into working "
                "hours",
            ),
        )
