"""Rules that make a meeting learning: a trained facilitator and reflection.

A meeting is not learning until it is reflected on. Esbjerg let reflection
questions carry its learning meetings, made everyday work a place for
development ("gør drift til udvikling") by attaching reflection to the meetings
staff already hold, and carries the model forward into the competence
development of leaders and key persons, who lead the reflection.
The formats that develop leaders and key persons (a key-person network, a
leaders' network, the facilitator training) are for those who hold the role,
and whoever facilitates has been trained to.
"""

# ruff: noqa: N802 -- each rule is a check declared with @rule, named as the
# Rule constant it becomes.

from __future__ import annotations

from collections.abc import Sequence

from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label
from learnmeet.model._meetings import AttendeeRole, Meeting
from learnmeet.model._people import Professional, completed
from learnmeet.rules._courses import lapsed
from learnmeet.rules._facts import format_da, format_en, on, part
from learnmeet.rules._report import Severity, Subject, SubjectKind
from learnmeet.rules._rule import Finding, RuleContext, limits, needs, rule

__all__ = [
    "NO_FACILITATOR",
    "NO_REFLECTION",
    "OPERATIONS_WITHOUT_LEARNING",
    "UNQUALIFIED_FACILITATOR",
    "UNTRAINED_FACILITATOR",
    "WITHOUT_REQUIRED_ROLE",
]


@rule(
    code="LM117",
    severity=Severity.ERROR,
    title=Label(da="Ingen facilitator", en="No facilitator"),
    meaning=Label(
        da="En mødeform, der kræver en facilitator, har en deltager i den rolle. "
        "Esbjerg bærer sin model videre i kompetenceudvikling af ledere og "
        "nøglepersoner, som skal lede refleksionen i møderne.",
        en="A format that needs a facilitator has an attendee in that role. "
        "Esbjerg carries its model forward into the competence development of "
        "leaders and key persons, who are to lead the reflection in the meetings.",
    ),
    fix=Label(
        da="Giv en nøgleperson rollen som facilitator",
        en="Give a key person the role of facilitator",
    ),
    applies=needs("facilitator_required"),
)
def NO_FACILITATOR(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Someone taking part has the role of facilitator."""
    if not meeting.format.requirements.facilitator_required:
        return ()
    if not part(meeting).facilitators:
        return on(
            meeting,
            da=f"{format_da(meeting)} skal have en facilitator; giv en nøgleperson "
            "rollen som facilitator",
            en=f"{format_en(meeting)} needs a facilitator; give a key person the role "
            "of facilitator",
        )
    return ()


@rule(
    code="LM118",
    severity=Severity.ERROR,
    title=Label(da="Ingen refleksion", en="No reflection"),
    meaning=Label(
        da="En læringsmødeform har refleksionsspørgsmål tilknyttet. Et møde bliver "
        "først til læring, når der reflekteres over det; i Esbjerg bar "
        "refleksionsspørgsmål læringsmøderne og møderne hos borgeren.",
        en="A learning format has reflection questions attached. A meeting is not "
        "learning until it is reflected on; in Esbjerg reflection questions "
        "carried the learning meetings and the meetings in the citizen's home.",
    ),
    fix=Label(da="Tilknyt refleksionsspørgsmål", en="Attach reflection questions"),
    applies=needs("reflection_required"),
)
def NO_REFLECTION(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A reflection is attached where the format needs one."""
    req = meeting.format.requirements
    if req.reflection_required and meeting.reflection is None:
        return on(
            meeting,
            da=f"{format_da(meeting)} skal have refleksion tilknyttet; vælg "
            "refleksionsspørgsmål, der gør mødet til læring",
            en=f"{format_en(meeting)} needs reflection attached; choose reflection "
            "questions that turn the meeting into learning",
        )
    return ()


def _not_learning(fmt: MeetingFormat) -> bool:
    return not fmt.is_learning


@rule(
    code="LM122",
    severity=Severity.INFO,
    title=Label(da="Drift uden læring", en="Everyday work without learning"),
    meaning=Label(
        da="Et driftsmøde uden refleksion noteres som en mulighed for læring, ikke "
        "som en fejl. Esbjergs erfaring var at gøre drift til udvikling: koble "
        "refleksion på de møder, medarbejderne allerede holder.",
        en="An operational meeting without reflection is noted as a chance for "
        "learning, not as a fault. Esbjerg's lesson was to make everyday work a "
        "place for development: attach reflection to the meetings staff already "
        "hold.",
    ),
    fix=Label(da="Kobl refleksion på mødet", en="Attach reflection to the meeting"),
    applies=_not_learning,
)
def OPERATIONS_WITHOUT_LEARNING(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """A meeting of a format that is not learning has no reflection attached."""
    if not meeting.format.is_learning and meeting.reflection is None:
        return on(
            meeting,
            da="mødet giver ikke læring, før der kobles refleksion på; gør drift til "
            "udvikling med et par refleksionsspørgsmål om en konkret borger",
            en="the meeting brings no learning until reflection is attached; make "
            "everyday work a place for development with a few reflection questions "
            "about a concrete citizen",
        )
    return ()


@rule(
    code="LM124",
    severity=Severity.WARNING,
    title=Label(da="Facilitator uden rolle", en="Facilitator without the role"),
    meaning=Label(
        da="Den, der faciliterer, er registreret som facilitator eller nøgleperson. "
        "Esbjerg bærer sin model videre i kompetenceudvikling af ledere og "
        "nøglepersoner, så de kan bære refleksionen i møderne.",
        en="Whoever facilitates is a registered facilitator or key person. Esbjerg "
        "carries its model forward into the competence development of leaders and "
        "key persons, so that they can carry the reflection in the meetings.",
    ),
    fix=Label(
        da="Vælg en nøgleperson som facilitator", en="Pick a key person to facilitate"
    ),
)
def UNQUALIFIED_FACILITATOR(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Every professional facilitating can facilitate (by staff role)."""
    found = []
    for a in part(meeting).facilitators:
        person = a.person
        if isinstance(person, Professional) and not person.can_facilitate:
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, person.key),
                    Label(
                        da=f"{person.id!r} faciliterer, men er hverken facilitator "
                        "eller nøgleperson; vælg en nøgleperson eller registrér "
                        "rollen",
                        en=f"{person.id!r} facilitates but is neither a facilitator "
                        "nor a key person; pick a key person or record the role",
                    ),
                )
            )
    return found


_FACILITATOR = AttendeeRole.FACILITATOR


@rule(
    code="LM145",
    severity=Severity.WARNING,
    title=Label(da="Deltager uden rollen", en="Attendee without the role"),
    meaning=Label(
        da="En mødeform for ledere eller nøglepersoner (ledernetværk, "
        "nøglepersonnetværk, facilitatoruddannelse) har deltagere med den rolle; "
        "den, der faciliterer, behøver ikke have den. Esbjerg bærer sin nye model "
        "videre i kompetenceudvikling af ledere og nøglepersoner.",
        en="A format for leaders or key persons (a leaders' network, a key-person "
        "network, the facilitator training) has attendees who hold that role; "
        "whoever facilitates need not. Esbjerg carries its new model forward "
        "into the competence development of leaders and key persons.",
    ),
    fix=Label(
        da="Registrér rollen, eller invitér en, der har den",
        en="Record the role, or invite someone who holds it",
    ),
    applies=limits("required_role"),
)
def WITHOUT_REQUIRED_ROLE(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Every professional taking part, but the facilitators, holds the role."""
    role = meeting.format.requirements.required_role
    if role is None:
        return ()
    found = []
    for a in part(meeting).attendees:
        person = a.person
        if (
            isinstance(person, Professional)
            and a.role is not _FACILITATOR
            and role not in person.roles
        ):
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, person.key),
                    Label(
                        da=f"{person.id!r} har ikke rollen som {role.label.da}, der "
                        f"kræves af deltagerne i {format_da(meeting)}; registrér "
                        "rollen, eller invitér en, der har den",
                        en=f"{person.id!r} does not hold the role of {role.label.en} "
                        f"that {format_en(meeting)} asks of its attendees; record "
                        "the role, or invite someone who holds it",
                    ),
                )
            )
    return found


@rule(
    code="LM146",
    severity=Severity.WARNING,
    title=Label(da="Facilitator uden uddannelse", en="Facilitator not trained"),
    meaning=Label(
        da="Den, der faciliterer et læringsmøde, en kursusdag, en audit eller et "
        "nøglepersonnetværk, har gennemført facilitatoruddannelsen. At lede "
        "refleksion kræver træning, og Esbjerg bærer sin model videre i "
        "kompetenceudvikling af ledere og nøglepersoner.",
        en="Whoever facilitates a learning meeting, a course day, an audit or a "
        "key-person network has completed the facilitator training. Leading "
        "reflection takes training, and Esbjerg carries its model forward into the "
        "competence development of leaders and key persons.",
    ),
    fix=Label(
        da="Tilmeld vedkommende facilitatoruddannelsen, eller lad en uddannet "
        "facilitator lede mødet",
        en="Enrol them on the facilitator training, or let a trained facilitator "
        "lead the meeting",
    ),
    applies=limits("facilitator_course"),
)
def UNTRAINED_FACILITATOR(meeting: Meeting, _: RuleContext) -> Sequence[Finding]:
    """Every professional facilitating has completed the facilitator course.

    Asked on the meeting's day: a training that expired before it is no
    training, and the message says when it expired.
    """
    course = meeting.format.requirements.facilitator_course
    if course is None:
        return ()
    day = meeting.start.date()
    found = []
    for a in part(meeting).facilitators:
        person = a.person
        if isinstance(person, Professional) and not completed(person, course, day):
            why_da, why_en = lapsed(person, course, day)
            found.append(
                Finding(
                    Subject(SubjectKind.ATTENDEE, person.key),
                    Label(
                        da=f"{person.id!r} faciliterer, men har ikke gennemført den "
                        f"facilitatoruddannelse, {format_da(meeting)} kræver"
                        f"{why_da}; tilmeld vedkommende facilitatoruddannelsen, "
                        "eller lad en uddannet facilitator lede mødet",
                        en=f"{person.id!r} facilitates but has not completed the "
                        f"facilitator training {format_en(meeting)} asks for"
                        f"{why_en}; enrol them on the facilitator training, or let "
                        "a trained facilitator lead the meeting",
                    ),
                )
            )
    return found
