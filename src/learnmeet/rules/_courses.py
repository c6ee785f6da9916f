"""Rules for course days: the monoprofessional course first, the own area's cohort.

Esbjerg's palliative care project planned each profession's own course first,
ending in joint interdisciplinary course days, with staff enrolled on the
cohort (*hold*) of their own area (*område*). Each profession's course is
:meth:`FormatRequirements.prerequisite_for
<learnmeet.FormatRequirements.prerequisite_for>`; an area belongs to an
organisation, so another municipality's "Nord" is another area.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from learnmeet.catalog._builtin import COURSE_LABELS
from learnmeet.model._completions import CourseCompletion
from learnmeet.model._formats import MeetingFormat, missing_on
from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.model._people import Area, Professional
from learnmeet.rules._facts import format_da, format_en, on, one, part
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, RuleContext, meeting_subject, needs, rule

__all__ = [
    "MISSING_COURSE",
    "WRONG_COHORT",
    "course_name",
    "expired_completion",
    "lapsed",
    "missing_course",
]


@rule(
    code="LM119",
    severity=Severity.ERROR,
    title=Label(da="Monofagligt kursus mangler", en="Monoprofessional course missing"),
    meaning=Label(
        da="Alle på en tværfaglig kursusdag har gennemført det monofaglige kursus "
        "for deres egen faggruppe, som dagen bygger på. Esbjergs kursusforløb var "
        "først hver faggruppes eget kursus, så de fælles dage.",
        en="Everyone at an interdisciplinary course day has completed the "
        "monoprofessional course of their own profession that the day builds "
        "on. Esbjerg's course sequence was each profession's own course first, "
        "then the joint days.",
    ),
    fix=Label(
        da="Tilmeld først det monofaglige kursus",
        en="Enrol on the monoprofessional course first",
    ),
    applies=lambda fmt: fmt.requirements.has_prerequisite,
)
def MISSING_COURSE(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Every professional taking part has completed their profession's course.

    Asked on the meeting's day: a completion that expired before it does not
    count, and the message says when it expired.
    """
    req = meeting.format.requirements
    day = meeting.start.date()
    found = []
    for p in part(meeting).professionals:
        course = missing_on(req, p, day)
        if course is not None:
            name = course_name(course)
            why_da, why_en = lapsed(p, course, day)
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, p.key),
                    Label(
                        da=f"{p.id!r} har ikke gennemført {name.da}{why_da}, som "
                        f"{format_da(meeting)} bygger på; tilmeld først det "
                        "monofaglige kursus",
                        en=f"{p.id!r} has not completed {name.en}{why_en} that "
                        f"{format_en(meeting)} builds on; enrol them on the "
                        "monoprofessional course first",
                    ),
                )
            )
    return found


def expired_completion(
    person: Professional, course: str, day: date
) -> CourseCompletion | None:
    """The latest completion of *course* by *person* that expired before *day*.

    ``None`` when there is none (never completed, or not yet expired).
    """
    gone = [c for c in person.completions if c.course == course and c.expired_on(day)]
    return max(gone, key=lambda c: c.completed_on, default=None)


def lapsed(person: Professional, course: str, day: date) -> tuple[str, str]:
    """Words for a message, Danish and English: " (expired: …)" when that is why.

    Empty when the course did not expire (never completed, say). The expiry
    date is the last day a completion counts
    (:class:`~learnmeet.CourseCompletion`).
    """
    gone = expired_completion(person, course, day)
    if gone is None or gone.expires_on is None:
        return "", ""
    done, last = gone.completed_on.isoformat(), gone.expires_on.isoformat()
    return (
        f" (udløbet: gennemført {done}, gyldigt til og med {last})",
        f" (expired: completed {done}, valid until {last} inclusive)",
    )


def _shared_area(meeting: Meeting, area: Area) -> Sequence[Finding]:
    """An area of no organisation that several municipalities' units are in.

    Two municipalities' "Nord" are two areas once each says whose it is;
    until then the staff of both pass as the same area's, so it is said — as
    a warning: the data cannot tell whose area it is, only that it is not
    said.
    """
    if area.organisation is not None:
        return ()
    municipalities = sorted(
        {
            p.unit.organisation.name
            for p in part(meeting).professionals
            if p.unit.area == area and p.sector.code == "municipality"
        }
    )
    if len(municipalities) < 2:
        return ()
    names = " og ".join(municipalities), " and ".join(municipalities)
    return one(
        meeting_subject(meeting),
        severity=Severity.WARNING,
        da=f"holdet for {area.label.da} har medarbejdere fra {names[0]}, men "
        "området siger ikke, hvilken kommune det hører til; giv hver kommune "
        "sit eget område, og tilmeld medarbejderne på deres eget områdes hold",
        en=f"the cohort of {area.label.en} has staff of {names[1]}, but the area "
        "does not say which municipality it belongs to; give each municipality "
        "an area of its own and enrol staff on their own area's cohort",
    )


def _owner(meeting: Meeting, area: Area) -> str | None:
    """The name of the organisation *area* belongs to, as the meeting knows it.

    The area names its owner by id; the name is read from someone taking
    part who works there, else the id is what there is to show.
    """
    if area.organisation is None:
        return None
    return next(
        (
            p.unit.organisation.name
            for p in part(meeting).professionals
            if p.unit.organisation.id == area.organisation
        ),
        area.organisation,
    )


def _where(person: Professional, area: Area) -> tuple[str, str]:
    """Where *person* works, with their organisation when it is not the area's."""
    own = person.unit.area
    da = own.label.da if own is not None else "intet område"
    en = own.label.en if own is not None else "no area"
    organisation = person.unit.organisation
    if area.organisation is not None and organisation.id != area.organisation:
        return f"{da} ({organisation.name})", f"{en} ({organisation.name})"
    return da, en


def course_name(course: str) -> Label:
    """A course as a message names it: its name, or its code said to be one."""
    label = COURSE_LABELS.get(course)
    if label is not None:
        return Label(da=f"«{label.da}»", en=f"“{label.en}”")
    return Label(da=f"kurset med koden {course!r}", en=f"the course coded {course!r}")


def missing_course(
    person: Professional, format: MeetingFormat, day: date | None = None
) -> Label | None:
    """Why *person* may not take part in *format* on *day*: the course not done."""
    course = missing_on(format.requirements, person, day)
    if course is None:
        return None
    name = course_name(course)
    why_da, why_en = lapsed(person, course, day) if day is not None else ("", "")
    return Label(
        da=f"har ikke gennemført {name.da}{why_da}",
        en=f"has not completed {name.en}{why_en}",
    )


@rule(
    code="LM120",
    severity=Severity.ERROR,
    title=Label(da="Forkert områdehold", en="Wrong area cohort"),
    meaning=Label(
        da="En kursusdag holdes for et områdes hold, og alle på holdet arbejder i "
        "det område, i den kommune, området hører til. "
        "Esbjerg tilmeldte medarbejderne holdet i deres eget område, "
        "så kolleger, der arbejder sammen, lærer sammen.",
        en="A course day is run for one area's cohort, and everyone on it works in "
        "that area, of the municipality it belongs to. "
        "Esbjerg enrolled staff on the cohort of their own area, so "
        "that colleagues who work together learn together.",
    ),
    fix=Label(
        da="Tilmeld medarbejderen på eget områdes hold",
        en="Enrol staff on their own area's cohort",
    ),
    applies=needs("cohort_by_area"),
)
def WRONG_COHORT(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A cohort is set, and every professional taking part works in its area."""
    if not meeting.format.requirements.cohort_by_area:
        return ()
    cohort = meeting.cohort
    if cohort is None:
        return on(
            meeting,
            da=f"{format_da(meeting)} holdes for et områdehold; angiv holdet",
            en=f"{format_en(meeting)} is run for an area's cohort; set the cohort",
        )
    found = []
    owner = _owner(meeting, cohort.area)
    for p in part(meeting).professionals:
        if p.unit.area != cohort.area:
            where_da, where_en = _where(p, cohort.area)
            other = (
                owner is not None and p.unit.organisation.id != cohort.area.organisation
            )
            there = f" ({owner})" if other else ""
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, p.key),
                    Label(
                        da=f"{p.id!r} arbejder i {where_da}, men er tilmeldt holdet "
                        f"for {cohort.area.label.da}{there}; tilmeld vedkommende på "
                        "eget områdes hold",
                        en=f"{p.id!r} works in {where_en} but is enrolled on the "
                        f"cohort of {cohort.area.label.en}{there}; enrol them on "
                        "their own area's cohort",
                    ),
                )
            )
    return [*found, *_shared_area(meeting, cohort.area)]
