"""Rules for course days: the monoprofessional course first, the own area's cohort.

Esbjerg's palliative care project planned each profession's own course first,
ending in joint interdisciplinary course days, with staff enrolled on the
cohort (*hold*) of their own area (*område*).
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._labels import Label
from learnmeet.model._meetings import Meeting
from learnmeet.rules._facts import format_da, format_en, on, part
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, RuleContext, limits, needs, rule

__all__ = ["MISSING_COURSE", "WRONG_COHORT"]


@rule(
    code="LM119",
    severity=Severity.ERROR,
    title=Label(da="Monofagligt kursus mangler", en="Monoprofessional course missing"),
    meaning=Label(
        da="Alle på en tværfaglig kursusdag har gennemført det monofaglige kursus, "
        "dagen bygger på. Esbjergs kursusforløb var først hver faggruppes eget "
        "kursus, så de fælles dage.",
        en="Everyone at an interdisciplinary course day has completed the "
        "monoprofessional course it builds on. Esbjerg's course sequence was each "
        "profession's own course first, then the joint days.",
    ),
    fix=Label(
        da="Tilmeld først det monofaglige kursus",
        en="Enrol on the monoprofessional course first",
    ),
    applies=limits("prerequisite_course"),
)
def MISSING_COURSE(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Every professional taking part has completed the prerequisite course."""
    course = meeting.format.requirements.prerequisite_course
    if course is None:
        return ()
    found = []
    for p in part(meeting).professionals:
        if course not in p.completed_courses:
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, p.key),
                    Label(
                        da=f"{p.id!r} har ikke gennemført kurset {course!r}, som "
                        f"{format_da(meeting)} bygger på; tilmeld først det "
                        "monofaglige kursus",
                        en=f"{p.id!r} has not completed the course {course!r} that "
                        f"{format_en(meeting)} builds on; enrol them on the "
                        "monoprofessional course first",
                    ),
                )
            )
    return found


@rule(
    code="LM120",
    severity=Severity.ERROR,
    title=Label(da="Forkert områdehold", en="Wrong area cohort"),
    meaning=Label(
        da="En kursusdag holdes for et områdes hold, og alle på holdet arbejder i "
        "det område. Esbjerg tilmeldte medarbejderne holdet i deres eget område, "
        "så kolleger, der arbejder sammen, lærer sammen.",
        en="A course day is run for one area's cohort, and everyone on it works in "
        "that area. Esbjerg enrolled staff on the cohort of their own area, so "
        "that colleagues who work together learn together.",
    ),
    fix=Label(da="Tilmeld på eget områdes hold", en="Enrol on the own area's cohort"),
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
    for p in part(meeting).professionals:
        if p.unit.area != cohort.area:
            where_da = p.unit.area.label.da if p.unit.area else "intet område"
            where_en = p.unit.area.label.en if p.unit.area else "no area"
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, p.key),
                    Label(
                        da=f"{p.id!r} arbejder i {where_da}, men er tilmeldt holdet "
                        f"for {cohort.area.label.da}; tilmeld på eget områdes hold",
                        en=f"{p.id!r} works in {where_en} but is enrolled on the "
                        f"cohort of {cohort.area.label.en}; enrol them on their own "
                        "area's cohort",
                    ),
                )
            )
    return found
