"""The shapes of learnmeet's values in the peers: msgspec, dataclasses, pydantic.

Two uses, two shapes, both with learnmeet's fields — every field, not a
subset, so that no peer is measured on less:

* **Construction** (``DMeeting``/``DAttendee``, ``MMeeting``/``MAttendee``):
  a meeting and its attendees with the thirteen and five fields of
  :class:`learnmeet.Meeting` and :class:`learnmeet.Attendee`; the people and
  cases they refer to are made beforehand on every side.
* **JSON** (``MDocument``, ``PDocument``): a municipality's document in the
  *normalised* shape learnmeet's schema version 2 writes — organisations,
  units, professionals, citizens and cases once, each in its own collection,
  and meetings referring to them by id — with the same fields as learnmeet's
  document and, as far as each peer can say them, the same checks:
  identifiers non-blank, at most 200 characters, no space around them;
  every code one of learnmeet's; aware datetimes; durations of whole minutes
  from a minute to a week; texts of at most 10,000 characters. What the
  peers' own engines cannot say — every reference names an entity of the
  right kind, no identifier twice in a collection, nobody twice at a meeting,
  no text shaped like a CPR number — :func:`check_document` checks in Python
  after decoding, the same function for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

import msgspec
import pydantic

import learnmeet as lm

# -- construction -----------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class DAttendee:
    person: Any
    role: Any
    participation: Any = "required"
    rsvp: Any = "needs_action"
    attended: Any = "unknown"


@dataclass(slots=True, frozen=True)
class DMeeting:
    id: str
    format: Any
    start: datetime
    duration: timedelta
    location: Any = None
    attendees: tuple[DAttendee, ...] = ()
    case: Any = None
    reflection: Any = None
    status: Any = "planned"
    cancellation: Any = None
    forum: str | None = None
    cohort: Any = None
    title: str = ""


class MAttendee(msgspec.Struct, frozen=True):
    person: Any
    role: Any
    participation: Any = "required"
    rsvp: Any = "needs_action"
    attended: Any = "unknown"


class MMeeting(msgspec.Struct, frozen=True):
    id: str
    format: Any
    start: datetime
    duration: timedelta
    location: Any = None
    attendees: tuple[MAttendee, ...] = ()
    case: Any = None
    reflection: Any = None
    status: Any = "planned"
    cancellation: Any = None
    forum: str | None = None
    cohort: Any = None
    title: str = ""


# -- JSON: the normalised document ------------------------------------------------


def _codes(enum: Any) -> Any:
    """``Literal`` of an enumeration's codes: the codes learnmeet accepts."""
    return Literal[tuple(member.value for member in enum)]  # type: ignore[valid-type]


Role = _codes(lm.AttendeeRole)
Participation = _codes(lm.Participation)
Rsvp = _codes(lm.Rsvp)
Attendance = _codes(lm.Attendance)
Status = _codes(lm.MeetingStatus)
Reason = _codes(lm.CancellationReason)
Place = _codes(lm.LocationKind)
Origin = _codes(lm.CaseOrigin)
Palliative = _codes(lm.PalliativeLevel)
StaffRole = _codes(lm.StaffRole)
TransitionKind = _codes(lm.TransitionKind)
Handover = _codes(lm.HandoverDocument)

_ID_PATTERN = r"^\S(.*\S)?$"
MAX_TEXT = 10_000

MId = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=_ID_PATTERN)]
MText = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
MTime = Annotated[datetime, msgspec.Meta(tz=True)]

PId = Annotated[
    str, pydantic.StringConstraints(min_length=1, max_length=200, pattern=_ID_PATTERN)
]
PText = Annotated[str, pydantic.StringConstraints(max_length=MAX_TEXT)]
PDuration = Annotated[timedelta, pydantic.Field(gt=timedelta(0), le=timedelta(days=7))]


class MOrganisation(msgspec.Struct, frozen=True):
    id: MId
    name: MText
    sector: MId


class MArea(msgspec.Struct, frozen=True):
    code: MId
    label: MLabel


class MLabel(msgspec.Struct, frozen=True):
    da: MText
    en: MText


class MUnit(msgspec.Struct, frozen=True):
    id: MId
    name: MText
    organisation: MId
    area: MId | None = None


class MProfessional(msgspec.Struct, frozen=True):
    id: MId
    profession: MId
    unit: MId
    roles: tuple[StaffRole, ...] = ()
    completed_courses: tuple[MId, ...] = ()
    display_name: MText = ""


class MCitizen(msgspec.Struct, frozen=True):
    pseudonym: MId


class MTransition(msgspec.Struct, frozen=True):
    on: date
    from_sector: MId
    to_sector: MId
    kind: TransitionKind
    documents: tuple[Handover, ...] = ()
    rehabilitation_needed: bool = False


class MConsent(msgspec.Struct, frozen=True):
    given_on: date
    expires_on: date | None = None
    withdrawn_on: date | None = None


class MCase(msgspec.Struct, frozen=True):
    id: MId
    citizen: MId
    origin: Origin = "concrete"
    palliative_level: Palliative = "none"
    care_team: tuple[MId, ...] = ()
    relatives: tuple[MId, ...] = ()
    transitions: tuple[MTransition, ...] = ()
    consent: MConsent | None = None
    summary: MText = ""


class MLocation(msgspec.Struct, frozen=True):
    kind: Place
    description: MText = ""


class MReflection(msgspec.Struct, frozen=True):
    model: MId
    questions: tuple[MLabel, ...] = ()


class MCancellation(msgspec.Struct, frozen=True):
    reason: Reason
    note: MText = ""


class MRefAttendee(msgspec.Struct, frozen=True):
    person: MId
    role: Role
    participation: Participation = "required"
    rsvp: Rsvp = "needs_action"
    attended: Attendance = "unknown"


class MRefMeeting(msgspec.Struct, frozen=True):
    id: MId
    format: MId
    start: MTime
    duration: timedelta
    location: MLocation
    attendees: tuple[MRefAttendee, ...] = ()
    case: MId | None = None
    reflection: MReflection | None = None
    status: Status = "planned"
    cancellation: MCancellation | None = None
    forum: MId | None = None
    cohort: MId | None = None
    title: MText = ""


class MDocument(msgspec.Struct, frozen=True):
    name: MText
    areas: tuple[MArea, ...] = ()
    organisations: tuple[MOrganisation, ...] = ()
    units: tuple[MUnit, ...] = ()
    professionals: tuple[MProfessional, ...] = ()
    citizens: tuple[MCitizen, ...] = ()
    cases: tuple[MCase, ...] = ()
    meetings: tuple[MRefMeeting, ...] = ()


class _Frozen(pydantic.BaseModel, frozen=True, extra="forbid"):
    pass


class PLabel(_Frozen):
    da: PText
    en: PText


class PArea(_Frozen):
    code: PId
    label: PLabel


class POrganisation(_Frozen):
    id: PId
    name: PText
    sector: PId


class PUnit(_Frozen):
    id: PId
    name: PText
    organisation: PId
    area: PId | None = None


class PProfessional(_Frozen):
    id: PId
    profession: PId
    unit: PId
    roles: tuple[StaffRole, ...] = ()
    completed_courses: tuple[PId, ...] = ()
    display_name: PText = ""


class PCitizen(_Frozen):
    pseudonym: PId


class PTransition(_Frozen):
    on: date
    from_sector: PId
    to_sector: PId
    kind: TransitionKind
    documents: tuple[Handover, ...] = ()
    rehabilitation_needed: bool = False


class PConsent(_Frozen):
    given_on: date
    expires_on: date | None = None
    withdrawn_on: date | None = None


class PCase(_Frozen):
    id: PId
    citizen: PId
    origin: Origin = "concrete"
    palliative_level: Palliative = "none"
    care_team: tuple[PId, ...] = ()
    relatives: tuple[PId, ...] = ()
    transitions: tuple[PTransition, ...] = ()
    consent: PConsent | None = None
    summary: PText = ""


class PLocation(_Frozen):
    kind: Place
    description: PText = ""


class PReflection(_Frozen):
    model: PId
    questions: tuple[PLabel, ...] = ()


class PCancellation(_Frozen):
    reason: Reason
    note: PText = ""


class PRefAttendee(_Frozen):
    person: PId
    role: Role
    participation: Participation = "required"
    rsvp: Rsvp = "needs_action"
    attended: Attendance = "unknown"


class PRefMeeting(_Frozen):
    id: PId
    format: PId
    start: pydantic.AwareDatetime
    duration: PDuration
    location: PLocation
    attendees: tuple[PRefAttendee, ...] = ()
    case: PId | None = None
    reflection: PReflection | None = None
    status: Status = "planned"
    cancellation: PCancellation | None = None
    forum: PId | None = None
    cohort: PId | None = None
    title: PText = ""


class PDocument(_Frozen):
    name: PText
    areas: tuple[PArea, ...] = ()
    organisations: tuple[POrganisation, ...] = ()
    units: tuple[PUnit, ...] = ()
    professionals: tuple[PProfessional, ...] = ()
    citizens: tuple[PCitizen, ...] = ()
    cases: tuple[PCase, ...] = ()
    meetings: tuple[PRefMeeting, ...] = ()


# -- the checks the peers' engines cannot say ---------------------------------------

# A CPR number: six digits of a date, then four, a dash or space between them
# allowed. learnmeet's own check knows more shapes; this one is the least a
# peer would do.
_CPR_LIKE = re.compile(r"(?<![0-9])[0-3][0-9][01][0-9]{3}[- ]?[0-9]{4}(?![0-9])")
_MINUTE = timedelta(minutes=1)


class DocumentError(ValueError):
    """A peer's document that breaks a check of :func:`check_document`."""


def _unique(items: Any, key: str, what: str) -> set[str]:
    ids = {getattr(item, key) for item in items}
    if len(ids) != len(items):
        raise DocumentError(f"a {what} is listed twice")
    return ids


def check_document(doc: Any) -> Any:
    """Check what learnmeet checks and the peer's engine cannot; return *doc*.

    Identifiers unique per collection; references to an entity of the right
    kind; nobody twice at a meeting; durations of whole minutes; no text
    shaped like a CPR number (each distinct text searched once, as learnmeet
    remembers texts it found clean).
    """
    organisations = _unique(doc.organisations, "id", "organisation")
    areas = _unique(doc.areas, "code", "area")
    units = _unique(doc.units, "id", "unit")
    people = _unique(doc.professionals, "id", "professional")
    citizens = _unique(doc.citizens, "pseudonym", "citizen")
    cases = _unique(doc.cases, "id", "case")
    _unique(doc.meetings, "id", "meeting")
    clean: set[str] = set()

    def text(value: str) -> None:
        if value not in clean:
            if _CPR_LIKE.search(value):
                raise DocumentError("a text looks like it holds a CPR number")
            clean.add(value)

    text(doc.name)
    for o in doc.organisations:
        text(o.id)
        text(o.name)
    for u in doc.units:
        text(u.id)
        text(u.name)
        if u.organisation not in organisations or (
            u.area is not None and u.area not in areas
        ):
            raise DocumentError(f"unit {u.id}: unknown organisation or area")
    for p in doc.professionals:
        text(p.id)
        text(p.display_name)
        if p.unit not in units:
            raise DocumentError(f"professional {p.id}: unknown unit")
    for c in doc.cases:
        text(c.id)
        text(c.summary)
        if c.citizen not in citizens or not people.issuperset(c.care_team):
            raise DocumentError(f"case {c.id}: unknown citizen or professional")
        if len(set(c.care_team)) != len(c.care_team):
            raise DocumentError(f"case {c.id}: a professional is listed twice")
    for m in doc.meetings:
        text(m.id)
        text(m.title)
        text(m.location.description)
        if m.duration % _MINUTE or not timedelta(0) < m.duration <= timedelta(days=7):
            raise DocumentError(f"meeting {m.id}: not whole minutes up to a week")
        if m.case is not None and m.case not in cases:
            raise DocumentError(f"meeting {m.id}: unknown case")
        seen = {a.person for a in m.attendees}
        if len(seen) != len(m.attendees) or not people.issuperset(seen):
            raise DocumentError(f"meeting {m.id}: unknown or repeated person")
        if m.reflection is not None:
            for q in m.reflection.questions:
                text(q.da)
                text(q.en)
    return doc


# -- learnmeet's values in the normalised shape ------------------------------------


def normalised(scenario: lm.Scenario) -> dict[str, Any]:
    """*scenario* as plain values in the normalised shape, for either peer."""

    def label(lab: lm.Label) -> dict[str, str]:
        return {"da": lab.da, "en": lab.en}

    def professional(p: lm.Professional) -> dict[str, Any]:
        return {
            "id": p.id,
            "profession": p.profession.code,
            "unit": p.unit.id,
            "roles": sorted(r.value for r in p.roles),
            "completed_courses": sorted(p.completed_courses),
            "display_name": p.display_name,
        }

    def case(c: lm.CitizenCase) -> dict[str, Any]:
        consent = c.consent
        return {
            "id": c.id,
            "citizen": c.citizen.pseudonym,
            "origin": c.origin.value,
            "palliative_level": c.palliative_level.value,
            "care_team": [p.id for p in c.care_team],
            "relatives": [r.id for r in c.relatives],
            "transitions": [
                {
                    "on": t.on,
                    "from_sector": t.from_sector.code,
                    "to_sector": t.to_sector.code,
                    "kind": t.kind.value,
                    "documents": sorted(d.value for d in t.documents),
                    "rehabilitation_needed": t.rehabilitation_needed,
                }
                for t in c.transitions
            ],
            "consent": None
            if consent is None
            else {
                "given_on": consent.given_on,
                "expires_on": consent.expires_on,
                "withdrawn_on": consent.withdrawn_on,
            },
            "summary": c.summary,
        }

    def meeting(m: lm.Meeting) -> dict[str, Any]:
        return {
            "id": m.id,
            "format": m.format.code,
            "start": m.start,
            "duration": m.duration,
            "location": {
                "kind": m.location.kind.value,
                "description": m.location.description,
            },
            "attendees": [
                {
                    "person": a.person.id
                    if isinstance(a.person, lm.Professional)
                    else a.person.key,
                    "role": a.role.value,
                    "participation": a.participation.value,
                    "rsvp": a.rsvp.value,
                    "attended": a.attended.value,
                }
                for a in m.attendees
            ],
            "case": None if m.case is None else m.case.id,
            "reflection": None
            if m.reflection is None
            else {
                "model": m.reflection.model,
                "questions": [label(q) for q in m.reflection.questions],
            },
            "status": m.status.value,
            "cancellation": None
            if m.cancellation is None
            else {"reason": m.cancellation.reason.value, "note": m.cancellation.note},
            "forum": m.forum,
            "cohort": None if m.cohort is None else m.cohort.id,
            "title": m.title,
        }

    citizens = {c.citizen.pseudonym: c.citizen for c in scenario.cases}
    return {
        "name": scenario.name,
        "areas": [{"code": a.code, "label": label(a.label)} for a in scenario.areas],
        "organisations": [
            {"id": o.id, "name": o.name, "sector": o.sector.code}
            for o in scenario.organisations
        ],
        "units": [
            {
                "id": u.id,
                "name": u.name,
                "organisation": u.organisation.id,
                "area": None if u.area is None else u.area.code,
            }
            for u in scenario.units
        ],
        "professionals": [professional(p) for p in scenario.professionals],
        "citizens": [{"pseudonym": c} for c in citizens],
        "cases": [case(c) for c in scenario.cases],
        "meetings": [meeting(m) for m in scenario.meetings],
    }
