"""The shape of a learnmeet meeting in the peers: msgspec, dataclasses, pydantic.

Each mirrors ``Meeting`` -> ``Attendee`` -> ``Professional`` -> unit, sector,
profession, and the case with its citizen, so that construction and JSON are
measured on the same tree. None of them validates what learnmeet validates
(aware datetimes, CPR-like text, people listed twice, citizens at a meeting
without their case); that is the point of comparing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import msgspec
import pydantic

import learnmeet as lm


# -- msgspec ----------------------------------------------------------------------
class MProfessional(msgspec.Struct, frozen=True):
    id: str
    profession: str
    unit: str
    sector: str


class MAttendee(msgspec.Struct, frozen=True):
    person: MProfessional
    role: str
    participation: str = "required"
    rsvp: str = "needs_action"
    attended: str = "unknown"


class MCase(msgspec.Struct, frozen=True):
    id: str
    citizen: str
    origin: str


class MMeeting(msgspec.Struct, frozen=True):
    id: str
    format: str
    start: datetime
    duration: timedelta
    attendees: tuple[MAttendee, ...]
    case: MCase | None = None


# -- dataclasses ------------------------------------------------------------------
@dataclass(slots=True, frozen=True)
class DProfessional:
    id: str
    profession: str
    unit: str
    sector: str


@dataclass(slots=True, frozen=True)
class DAttendee:
    person: DProfessional
    role: str
    participation: str = "required"
    rsvp: str = "needs_action"
    attended: str = "unknown"


@dataclass(slots=True, frozen=True)
class DCase:
    id: str
    citizen: str
    origin: str


@dataclass(slots=True, frozen=True)
class DMeeting:
    id: str
    format: str
    start: datetime
    duration: timedelta
    attendees: tuple[DAttendee, ...]
    case: DCase | None = None


# -- pydantic v2 ------------------------------------------------------------------
class PProfessional(pydantic.BaseModel, frozen=True):
    id: str
    profession: str
    unit: str
    sector: str


class PAttendee(pydantic.BaseModel, frozen=True):
    person: PProfessional
    role: str
    participation: str = "required"
    rsvp: str = "needs_action"
    attended: str = "unknown"


class PCase(pydantic.BaseModel, frozen=True):
    id: str
    citizen: str
    origin: str


class PMeeting(pydantic.BaseModel, frozen=True):
    id: str
    format: str
    start: pydantic.AwareDatetime
    duration: timedelta
    attendees: tuple[PAttendee, ...]
    case: PCase | None = None


def flat(meeting: lm.Meeting) -> tuple[Any, ...]:
    """The plain values a constructor needs: (id, format, start, duration,
    [(person values, role)], case values or None)."""
    case = meeting.case
    return (
        meeting.id,
        meeting.format.code,
        meeting.start,
        meeting.duration,
        [
            (
                (p.id, p.profession.code, p.unit.id, p.sector.code),
                a.role.value,
            )
            for a in meeting.attendees
            for p in [a.person]
            if isinstance(p, lm.Professional)
        ],
        None if case is None else (case.id, case.citizen.pseudonym, case.origin.value),
    )


def as_dict(meeting: lm.Meeting) -> dict[str, Any]:
    """The meeting as plain JSON-ready values (the orjson floor)."""
    m_id, fmt, start, duration, people, case = flat(meeting)
    return {
        "id": m_id,
        "format": fmt,
        "start": start,
        "duration": duration.total_seconds(),
        "attendees": [
            {
                "person": dict(
                    zip(("id", "profession", "unit", "sector"), p, strict=True)
                ),
                "role": role,
            }
            for p, role in people
        ],
        "case": None
        if case is None
        else dict(zip(("id", "citizen", "origin"), case, strict=True)),
    }
