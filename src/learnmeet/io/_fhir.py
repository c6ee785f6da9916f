"""HL7 FHIR R5: meetings as Appointments, people and places as their resources.

learnmeet writes plain JSON-ready dicts (no third-party package is needed to
export) in FHIR R5's JSON form:

* a **Bundle** of type ``collection`` (each entry a ``fullUrl`` and a
  ``resource``, each resource once) for some meetings, a period plan or a
  whole scenario;
* an **Appointment** per meeting, and one per forum: the forum's recurring
  series (its ``recurrenceTemplate``), which the forum's meetings name as
  their ``originatingAppointment``;
* an **AppointmentResponse** per professional's answer to an invitation;
* a **Practitioner** and a **PractitionerRole** per professional, an
  **Organization** per organisation and per unit (a department, ``partOf``
  its organisation), and a **Location** per place a meeting is held.

The citizen is never a resource: a logical reference by pseudonym
(:func:`~learnmeet.io._fhir_ids.citizen_reference`). Every resource carries
its learnmeet identifier whole in ``identifier``; reading a bundle back
(:func:`meetings_from_fhir`) goes by those identifiers. The mapping, and what
it loses, is docs/reference/fhir.md.

Validation (:func:`validate_fhir`) uses the ``fhir.resources`` package's R5
models, imported only when asked for (the ``fhir`` extra).

Sources: HL7 FHIR R5 (5.0.0), https://hl7.org/fhir/R5/appointment.html,
https://hl7.org/fhir/R5/appointmentresponse.html,
https://hl7.org/fhir/R5/bundle.html,
https://hl7.org/fhir/R5/valueset-appointment-recurrrence-type.html.

.. versionadded:: 0.4.0
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY

from learnmeet.catalog._surveys import FOLLOW_UP_SURVEY, YIELD_SURVEY
from learnmeet.exceptions import (
    Label,
    LearnmeetError,
    shown,
)
from learnmeet.io._fhir_care import fhir_care_resources, fhir_questionnaire
from learnmeet.io._fhir_ids import (
    DEFAULT_SYSTEM_BASE,
    UCUM,
    V3_PARTICIPATION,
    citizen_reference,
    code_system,
    extension_url,
    identifier,
    reference,
    resource_id,
)
from learnmeet.model._arguments import checked
from learnmeet.model._forums import Forum
from learnmeet.model._labels import LabelledEnum, Lang, check_lang
from learnmeet.model._meetings import (
    Attendance,
    Attendee,
    AttendeeRole,
    Cancellation,
    CancellationReason,
    Cohort,
    Location,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participation,
    Rsvp,
)
from learnmeet.model._people import (
    Citizen,
    Organisation,
    Professional,
    Relative,
    Unit,
)
from learnmeet.model._rrule import Recurrence, read_rule, walk, years_on
from learnmeet.model._scenario import Scenario
from learnmeet.planning._period import PeriodPlan

__all__ = [
    "fhir_files",
    "meetings_to_fhir",
    "plan_to_fhir",
    "scenario_to_fhir",
]

ATTENDED_EXTENSION = extension_url("attended")
COHORT_EXTENSION = extension_url("cohort")
LISTED_ABSENT_EXTENSION = extension_url("citizen-listed-information-only")
"""On an Appointment whose ``subject`` is also an information-only attendee of
the meeting (R5 has no participant form for it), so reading back lists them."""
COHORT_AREA_EXTENSION = extension_url("cohort-area")

_CANCELLATION = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason"
_ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type"
_PHYSICAL_TYPE = "http://terminology.hl7.org/CodeSystem/location-physical-type"
_DAYS_OF_WEEK = "http://hl7.org/fhir/days-of-week"
_WEEK_OF_MONTH = "http://hl7.org/fhir/week-of-month"
_IANA_ZONES = "https://www.iana.org/time-zones"

# learnmeet's answers and FHIR's participationstatus (required binding).
RSVP_CODES = {
    Rsvp.ACCEPTED: "accepted",
    Rsvp.DECLINED: "declined",
    Rsvp.TENTATIVE: "tentative",
    Rsvp.NEEDS_ACTION: "needs-action",
}
# A meeting's status and FHIR's appointmentstatus (required binding).
STATUS_CODES = {
    MeetingStatus.PLANNED: "booked",
    MeetingStatus.TENTATIVE: "proposed",
    MeetingStatus.HELD: "fulfilled",
    MeetingStatus.CANCELLED: "cancelled",
}
# The HL7 participation type where one fits the role; learnmeet's own code is
# written for every role beside it, and is what is read back.
_V3_ROLE = {
    AttendeeRole.FACILITATOR: "PPRF",  # primary performer
    AttendeeRole.CASE_PRESENTER: "SPRF",  # secondary performer
    AttendeeRole.PARTICIPANT: "PART",
    AttendeeRole.OBSERVER: "PART",
    AttendeeRole.CITIZEN: "SBJ",  # subject
}
# HL7's cancellation reasons where one says the same; the others have
# learnmeet's code only.
_HL7_CANCELLATION = {
    CancellationReason.CITIZEN_DECEASED: "pat-dec",
    CancellationReason.CITIZEN_DECLINED: "pat",
    CancellationReason.ILLNESS: "prov-pers",
    CancellationReason.OTHER: "other",
}
_WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_NTH_WEEK = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_UCUM_FREQ = {DAILY: "d", WEEKLY: "wk", MONTHLY: "mo", YEARLY: "a"}
INFORMATION_ONLY = "information-only"


def _coding(system: str, code: str, display: str = "") -> dict[str, Any]:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def _enum_coding(name: str, member: LabelledEnum, lang: Lang) -> dict[str, Any]:
    return _coding(code_system(name), member.code, member.label.get(lang))


def _instant(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds" if not moment.microsecond else "auto")


# -- writing -----------------------------------------------------------------


class _Writer:
    """One export: the language, the identifier base, the scenario's forums."""

    def __init__(self, lang: Lang, base: str, scenario: Scenario | None) -> None:
        self.lang = lang
        self.base = base
        self.forums = {} if scenario is None else {f.id: f for f in scenario.forums}
        self.written: set[object] = set()
        self.series: dict[str, _Series] = {}

    def first(self, value: object) -> bool:
        """Whether *value*'s resources are asked for the first time.

        What was written once is not made again: the bundle keeps each
        resource once anyway, and a municipality's meetings share people.
        """
        if value in self.written:
            return False
        self.written.add(value)
        return True

    def t(self, label: Label) -> str:
        return label.get(self.lang)

    # People and organisations ----------------------------------------------

    def organization(self, org: Organisation) -> dict[str, Any]:
        sector = org.sector
        return {
            "resourceType": "Organization",
            "id": resource_id(org.id),
            "identifier": [identifier("organisation", org.id, self.base)],
            "active": True,
            "type": [
                {
                    "coding": [
                        _coding(
                            code_system("sector"), sector.code, self.t(sector.label)
                        )
                    ],
                    "text": self.t(sector.label),
                }
            ],
            "name": org.name,
        }

    def unit(self, unit: Unit) -> dict[str, Any]:
        return {
            "resourceType": "Organization",
            "id": _unit_id(unit.id),
            "identifier": [identifier("unit", unit.id, self.base)],
            "active": True,
            "type": [
                {
                    "coding": [_coding(_ORGANIZATION_TYPE, "dept")],
                    "text": self.t(_DEPARTMENT),
                }
            ],
            "name": unit.name,
            "partOf": reference("Organization", unit.organisation.id),
        }

    def practitioner(self, person: Professional) -> dict[str, Any]:
        out: dict[str, Any] = {
            "resourceType": "Practitioner",
            "id": resource_id(person.id),
            "identifier": [identifier("professional", person.id, self.base)],
            "active": True,
        }
        if person.display_name:
            out["name"] = [{"text": person.display_name}]
        return out

    def practitioner_role(self, person: Professional) -> dict[str, Any]:
        codes = []
        if person.profession is not None:
            label = self.t(person.profession.label)
            codes.append(
                {
                    "coding": [
                        _coding(
                            code_system("profession"), person.profession.code, label
                        )
                    ],
                    "text": label,
                }
            )
        else:
            codes.append(self._concept("participant-type", person.participant_type))
        codes += [
            self._concept("staff-role", role)
            for role in sorted(person.roles, key=lambda r: r.code)
        ]
        return {
            "resourceType": "PractitionerRole",
            "id": resource_id(person.id),
            "identifier": [identifier("professional", person.id, self.base)],
            "active": True,
            "practitioner": reference("Practitioner", person.id, person.display_name),
            "organization": _unit_reference(person.unit, self.t),
            "code": codes,
        }

    def _concept(self, name: str, member: LabelledEnum) -> dict[str, Any]:
        return {
            "coding": [_enum_coding(name, member, self.lang)],
            "text": self.t(member.label),
        }

    def location(self, place: Location) -> dict[str, Any]:
        key = _location_key(place)
        ids = [identifier("location", key, self.base)]
        if place.place is not None:
            ids.append(identifier("place", place.place, self.base))
        if place.room is not None:
            ids.append(identifier("room", place.room, self.base))
        form, text = _FORMS[place.kind]
        out: dict[str, Any] = {
            "resourceType": "Location",
            "id": _location_id(key),
            "identifier": ids,
            "status": "active",
            "name": self._location_name(place),
            "mode": "instance" if place.kind is LocationKind.ON_SITE else "kind",
            "type": [self._concept("location-kind", place.kind)],
            "form": {"coding": [_coding(_PHYSICAL_TYPE, form)], "text": self.t(text)},
        }
        if place.description:
            out["description"] = place.description
        return out

    def _location_name(self, place: Location) -> str:
        parts = [p for p in (place.place, place.room) if p is not None]
        return ", ".join(parts) if parts else self.t(place.kind.label)

    # Meetings --------------------------------------------------------------

    def appointment(self, meeting: Meeting) -> dict[str, Any]:
        out: dict[str, Any] = {
            "resourceType": "Appointment",
            "id": resource_id(meeting.id),
            "identifier": [identifier("meeting", meeting.id, self.base)],
            "status": STATUS_CODES[meeting.status],
        }
        if meeting.cancellation is not None:
            out["cancellationReason"] = self._cancellation(meeting.cancellation)
        out["serviceType"] = [{"concept": self._format(meeting)}]
        if meeting.title:
            out["description"] = meeting.title
        out["start"] = _instant(meeting.start)
        out["end"] = _instant(meeting.end)
        out["minutesDuration"] = int(meeting.duration.total_seconds() // 60)
        if meeting.cancellation is not None and meeting.cancellation.note:
            out["note"] = [{"text": meeting.cancellation.note}]
        if meeting.case is not None:
            out["supportingInformation"] = [
                {
                    "type": "EpisodeOfCare",
                    "identifier": identifier("case", meeting.case.id, self.base),
                }
            ]
        extensions: list[dict[str, Any]] = []
        subject = _absent_citizen(meeting)
        if subject is not None:
            out["subject"] = citizen_reference(subject.pseudonym, self.base)
            if _listed_absent(meeting):
                extensions.append(
                    {"url": LISTED_ABSENT_EXTENSION, "valueBoolean": True}
                )
        participants = [self._participant(a) for a in meeting.attendees]
        out["participant"] = [p for p in participants if p is not None]
        out["participant"].append(self._place(meeting.location))
        if meeting.forum is not None:
            out.update(self._occurrence(meeting, meeting.forum))
        if meeting.cohort is not None:
            extensions += self._cohort(meeting.cohort)
        if extensions:
            out["extension"] = extensions
        return out

    def _format(self, meeting: Meeting) -> dict[str, Any]:
        label = self.t(meeting.format.label)
        return {
            "coding": [
                _coding(code_system("meeting-format"), meeting.format.code, label)
            ],
            "text": label,
        }

    def _cancellation(self, cancellation: Cancellation) -> dict[str, Any]:
        reason = cancellation.reason
        codings = []
        if reason in _HL7_CANCELLATION:
            codings.append(_coding(_CANCELLATION, _HL7_CANCELLATION[reason]))
        codings.append(_enum_coding("cancellation-reason", reason, self.lang))
        return {"coding": codings, "text": self.t(reason.label)}

    def _participant(self, attendee: Attendee) -> dict[str, Any] | None:
        person = attendee.person
        information_only = attendee.participation is Participation.INFORMATION_ONLY
        if isinstance(person, Citizen):
            if information_only:
                return None  # Appointment.subject: discussed, not present
            actor = citizen_reference(person.pseudonym, self.base)
        elif isinstance(person, Professional):
            actor = reference("PractitionerRole", person.id, person.display_name)
        else:
            actor = {
                "type": "RelatedPerson",
                "identifier": identifier("relative", person.id, self.base),
            }
        role = attendee.role
        codings = []
        if role in _V3_ROLE:
            codings.append(_coding(V3_PARTICIPATION, _V3_ROLE[role]))
        codings.append(_enum_coding("attendee-role", role, self.lang))
        types = [{"coding": codings, "text": self.t(role.label)}]
        if isinstance(person, Relative):
            types.append(self._concept("relation", person.relation))
        if information_only:
            types.append(
                {
                    "coding": [
                        _coding(
                            code_system("participation"),
                            INFORMATION_ONLY,
                            self.t(attendee.participation.label),
                        )
                    ],
                    "text": self.t(attendee.participation.label),
                }
            )
        out: dict[str, Any] = {
            "type": types,
            "actor": actor,
            "required": attendee.participation is Participation.REQUIRED,
            "status": RSVP_CODES[attendee.rsvp],
        }
        if attendee.attended is not Attendance.UNKNOWN:
            out["extension"] = [
                {"url": ATTENDED_EXTENSION, "valueCode": attendee.attended.code}
            ]
        return out

    def _place(self, place: Location) -> dict[str, Any]:
        key = _location_key(place)
        return {
            "actor": {
                "reference": f"Location/{_location_id(key)}",
                "display": self._location_name(place),
            },
            "required": True,
            "status": "accepted",
        }

    def _cohort(self, cohort: Cohort) -> list[dict[str, Any]]:
        area = cohort.area
        return [
            {
                "url": COHORT_EXTENSION,
                "valueIdentifier": identifier("cohort", cohort.id, self.base),
            },
            {
                "url": COHORT_AREA_EXTENSION,
                "valueCoding": _coding(
                    code_system("area"), area.code, self.t(area.label)
                ),
            },
        ]

    def _occurrence(self, meeting: Meeting, forum_id: str) -> dict[str, Any]:
        forum = self.forums.get(forum_id)
        if forum is None:
            return {
                "originatingAppointment": {
                    "type": "Appointment",
                    "identifier": identifier("forum", forum_id, self.base),
                }
            }
        out: dict[str, Any] = {
            "originatingAppointment": {
                "reference": f"Appointment/{_forum_id(forum.id)}"
            }
        }
        series = self.series.get(forum.id)
        if series is None:
            series = self.series[forum.id] = _Series(forum)
        number = series.number(meeting.start)
        if number is not None:
            out["recurrenceId"] = number
        out["occurrenceChanged"] = number is None
        return out

    def forum(self, forum: Forum) -> dict[str, Any]:
        """The forum's series: an Appointment with its recurrence template."""
        rule = read_rule(forum.recurrence, where="Forum", path=("recurrence",))
        out: dict[str, Any] = {
            "resourceType": "Appointment",
            "id": _forum_id(forum.id),
            "identifier": [identifier("forum", forum.id, self.base)],
            "status": "booked",
            "description": forum.name,
            "start": _instant(forum.first_start),
            "end": _instant(forum.first_start + forum.duration),
            "minutesDuration": int(forum.duration.total_seconds() // 60),
            "note": [
                {
                    "text": self.t(
                        Label(
                            da=f"Gentagelsesregel (RFC 5545): {forum.recurrence}",
                            en=f"Recurrence rule (RFC 5545): {forum.recurrence}",
                        )
                    )
                }
            ],
            "participant": [
                {
                    "actor": reference("PractitionerRole", p.id, p.display_name),
                    "required": True,
                    "status": "needs-action",
                }
                for p in forum.members
            ]
            or [
                {
                    "actor": _unit_reference(forum.unit, self.t),
                    "required": True,
                    "status": "needs-action",
                }
            ],
        }
        template = _recurrence_template(rule, forum.first_start)
        if template is not None:
            out["recurrenceTemplate"] = [template]
        return out

    def response(self, meeting: Meeting, attendee: Attendee) -> dict[str, Any]:
        person = attendee.person
        assert isinstance(person, Professional)
        key = f"{meeting.id}.{person.id}"
        return {
            "resourceType": "AppointmentResponse",
            "id": resource_id(key),
            "identifier": [identifier("rsvp", key, self.base)],
            "appointment": reference("Appointment", meeting.id),
            "actor": reference("PractitionerRole", person.id, person.display_name),
            "participantStatus": RSVP_CODES[attendee.rsvp],
        }


_DEPARTMENT = Label(da="afdeling", en="department")
_FORMS = {
    LocationKind.ON_SITE: ("si", Label(da="sted", en="site")),
    LocationKind.CITIZEN_HOME: ("ho", Label(da="bolig", en="house")),
    LocationKind.ONLINE: ("vi", Label(da="virtuel", en="virtual")),
}


def _unit_id(value: str) -> str:
    """A unit's Organization id: apart from the organisations' own ids."""
    return resource_id(f"unit.{value}")


def _forum_id(value: str) -> str:
    """A forum's series Appointment id: apart from the meetings' own ids."""
    return resource_id(f"forum.{value}")


def _location_id(key: str) -> str:
    return resource_id(f"location.{key}")


def _unit_reference(unit: Unit, t: Any) -> dict[str, Any]:
    return {"reference": f"Organization/{_unit_id(unit.id)}", "display": unit.name}


def _location_key(place: Location) -> str:
    """The identifier of a meeting's place: its kind, place, room and text.

    Two meetings at the same place with the same description share a
    Location. The description travels whole in the resource; in the key it
    is a digest written in letters only, so no run of digits in it can look
    like a CPR number.
    """
    parts = [_KIND_KEYS[place.kind]]
    if place.place is not None:
        parts.append(f"place-{place.place}")
    if place.room is not None:
        parts.append(f"room-{place.room}")
    if place.description:
        digest = hashlib.blake2b(place.description.encode(), digest_size=6)
        parts.append(f"text-{digest.hexdigest().translate(_LETTERS)}")
    return ".".join(parts)


_KIND_KEYS = {
    LocationKind.ON_SITE: "on-site",
    LocationKind.CITIZEN_HOME: "citizen-home",
    LocationKind.ONLINE: "online",
}
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def _absent_citizen(meeting: Meeting) -> Citizen | None:
    """The citizen discussed but not present: ``Appointment.subject`` (R5).

    The citizen of the meeting's case when they do not take part (not an
    attendee, or one who is information-only or has declined), or a citizen
    listed as information-only.
    """
    for attendee in meeting.attendees:
        if isinstance(attendee.person, Citizen) and attendee.takes_part:
            return None
    if _listed_absent(meeting):
        for attendee in meeting.attendees:
            if (
                isinstance(attendee.person, Citizen)
                and attendee.participation is Participation.INFORMATION_ONLY
            ):
                return attendee.person
    return meeting.case.citizen if meeting.case is not None else None


def _listed_absent(meeting: Meeting) -> bool:
    """Whether a citizen is listed among the attendees as information-only."""
    return any(
        isinstance(a.person, Citizen)
        and a.participation is Participation.INFORMATION_ONLY
        for a in meeting.attendees
    )


class _Series:
    """A forum's occurrences by wall-clock time, numbered from 1, walked on demand.

    Each export walks a forum's rule once, as far as its latest meeting, and
    not once per meeting.
    """

    def __init__(self, forum: Forum) -> None:
        self.rule = read_rule(forum.recurrence, where="Forum", path=("recurrence",))
        self.first = forum.first_start
        zone = forum.first_start.tzinfo
        assert isinstance(zone, ZoneInfo)  # a forum's start is in an IANA zone
        self.zone = zone
        self.walked = forum.first_start.replace(tzinfo=None) - timedelta(days=1)
        self.numbers: dict[datetime, int] = {}

    def number(self, start: datetime) -> int | None:
        """The number of *start* among the occurrences, or ``None``."""
        wall = start.astimezone(self.zone).replace(tzinfo=None)
        if wall > self.walked:
            # a year further than asked, so the next meetings need no walk
            self.walked = years_on(wall, 1)
            self.numbers = {
                moment.replace(tzinfo=None): n
                for n, moment in enumerate(
                    walk(self.rule, self.first, self.walked), start=1
                )
            }
        return self.numbers.get(wall)


def _recurrence_template(rule: Recurrence, first: datetime) -> dict[str, Any] | None:
    """R5's ``recurrenceTemplate`` saying what *rule* says, or ``None``.

    ``None`` where the template cannot say it — a daily rule with an
    interval, BYHOUR, BYMONTH, BYSETPOS, several days of a month, a numbered
    weekday other than the 1st to 4th or last, a week start other than
    Monday that matters — rather than a template that says something else.
    """
    options = dict(rule.options)
    days = options.pop("byweekday", ())
    monthdays = options.pop("bymonthday", ())
    if options:
        return None
    zone = first.tzinfo
    template: dict[str, Any] = {}
    if isinstance(zone, ZoneInfo):
        template["timezone"] = {"coding": [_coding(_IANA_ZONES, zone.key)]}
    freq = rule.freq
    if freq == DAILY and days and rule.interval == 1 and not monthdays:
        freq = WEEKLY  # every day of some weekdays is a week's template
    template["recurrenceType"] = {"coding": [_coding(UCUM, _UCUM_FREQ[freq])]}
    if freq == DAILY:
        if rule.interval != 1 or monthdays:
            return None
    elif freq == WEEKLY:
        numbers = {d.weekday for d in days} or {first.weekday()}
        if monthdays or any(d.n for d in days):
            return None
        if rule.interval > 1 and rule.wkst != 0 and len(numbers) > 1:
            return None
        weekly: dict[str, Any] = {_WEEKDAY_NAMES[n]: True for n in sorted(numbers)}
        weekly["weekInterval"] = rule.interval
        template["weeklyTemplate"] = weekly
    elif freq == MONTHLY:
        monthly: dict[str, Any] = {}
        if len(days) + len(monthdays) > 1:
            return None
        if monthdays:
            if monthdays[0] < 1:
                return None
            monthly["dayOfMonth"] = monthdays[0]
        elif days:
            day = days[0]
            if day.n not in _NTH_WEEK:
                return None
            monthly["nthWeekOfMonth"] = _coding(_WEEK_OF_MONTH, _NTH_WEEK[day.n])
            monthly["dayOfWeek"] = _coding(_DAYS_OF_WEEK, _WEEKDAY_CODES[day.weekday])
        else:
            monthly["dayOfMonth"] = first.day
        monthly["monthInterval"] = rule.interval
        template["monthlyTemplate"] = monthly
    else:
        if days or monthdays:
            return None
        template["yearlyTemplate"] = {"yearInterval": rule.interval}
    if rule.count is not None:
        template["occurrenceCount"] = rule.count
    elif rule.until is not None:
        last = _last_occurrence(rule, first)
        if last is None:
            return None
        template["lastOccurrenceDate"] = last.isoformat()
    return template


def _last_occurrence(rule: Recurrence, first: datetime) -> date | None:
    """The date of the rule's last occurrence before its UNTIL."""
    wall = first.replace(tzinfo=None)
    last = None
    for moment in walk(rule, first, years_on(wall, 100)):
        last = moment
    return None if last is None else last.date()


def _bundle(resources: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A ``collection`` Bundle of *resources*, each once, in the order given.

    The one place a bundle is made: other FHIR exporters add their resources
    here. The same resource given twice is written once; two different
    resources of one type and id are refused.
    """
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for resource in resources:
        key = (resource["resourceType"], resource["id"])
        held = entries.get(key)
        if held is None:
            entries[key] = resource
        elif held != resource:
            raise LearnmeetError(
                reason=Label(
                    da=f"to forskellige {key[0]}-ressourcer har id'et "
                    f"{shown(key[1]).da}",
                    en=f"two different {key[0]} resources have the id "
                    f"{shown(key[1]).en}",
                ),
                fix=Label(
                    da="giv tingene hver sit id (fx et møde og et mødeforum)",
                    en="give the things ids of their own (e.g. a meeting and a forum)",
                ),
                where="FHIR",
            )
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": f"{kind}/{rid}", "resource": resource}
            for (kind, rid), resource in entries.items()
        ],
    }


def _meeting_resources(
    writer: _Writer, meetings: Iterable[Meeting]
) -> Iterator[dict[str, Any]]:
    """Each meeting's Appointment and everything it references."""
    for meeting in meetings:
        for person in meeting.professionals:
            yield from _person_resources(writer, person)
        if writer.first(meeting.location):
            yield writer.location(meeting.location)
        forum = writer.forums.get(meeting.forum or "")
        if forum is not None and writer.first(("forum", forum.id)):
            for person in forum.members:
                yield from _person_resources(writer, person)
            yield from _unit_resources(writer, forum.unit)
            yield writer.forum(forum)
        yield writer.appointment(meeting)
        for attendee in meeting.attendees:
            if (
                isinstance(attendee.person, Professional)
                and attendee.rsvp is not Rsvp.NEEDS_ACTION
            ):
                yield writer.response(meeting, attendee)


def _unit_resources(writer: _Writer, unit: Unit) -> Iterator[dict[str, Any]]:
    if writer.first(unit):
        if writer.first(unit.organisation):
            yield writer.organization(unit.organisation)
        yield writer.unit(unit)


def _person_resources(
    writer: _Writer, person: Professional
) -> Iterator[dict[str, Any]]:
    if writer.first(person):
        yield from _unit_resources(writer, person.unit)
        yield writer.practitioner(person)
        yield writer.practitioner_role(person)


@checked
def meetings_to_fhir(
    meetings: Iterable[Meeting],
    scenario: Scenario | None = None,
    *,
    lang: Lang = "da",
    base: str = DEFAULT_SYSTEM_BASE,
) -> dict[str, Any]:
    """A FHIR R5 ``collection`` Bundle of *meetings* and what they reference.

    Each meeting's Appointment, the AppointmentResponses of the answers
    given, the Practitioners, PractitionerRoles, Organizations (organisations
    and units) and Locations they reference, each resource once. A meeting of
    a forum of *scenario* names the forum's series Appointment, with its
    ``recurrenceTemplate``, as its ``originatingAppointment``.

    >>> from learnmeet.data import load_sample
    >>> sample = load_sample()
    >>> bundle = meetings_to_fhir(sample.meetings[:1], sample, lang="en")
    >>> bundle["type"], bundle["entry"][-1]["resource"]["resourceType"]
    ('collection', 'Appointment')

    Args:
        meetings: The meetings; one meeting is ``[meeting]``.
        scenario: Where the meetings' forums are looked up, if any.
        lang: The language of displays and texts.
        base: The base of the identifier systems (your organisation's).

    Raises:
        InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.

    .. versionadded:: 0.4.0
    """
    writer = _Writer(check_lang(lang), base, scenario)
    return _bundle(_meeting_resources(writer, meetings))


@checked
def plan_to_fhir(
    plan: PeriodPlan, *, lang: Lang = "da", base: str = DEFAULT_SYSTEM_BASE
) -> dict[str, Any]:
    """A FHIR R5 Bundle of a period plan's meetings (:func:`meetings_to_fhir`).

    .. versionadded:: 0.4.0
    """
    return meetings_to_fhir(plan.meetings, plan.scenario, lang=lang, base=base)


@checked
def scenario_to_fhir(
    scenario: Scenario,
    *,
    today: date | None = None,
    lang: Lang = "da",
    base: str = DEFAULT_SYSTEM_BASE,
) -> dict[str, Any]:
    """A FHIR R5 Bundle of a whole scenario.

    Every organisation, unit and professional (Organization, Practitioner,
    PractitionerRole), every forum's series, then every meeting as
    :func:`meetings_to_fhir` writes it, then every case as
    :func:`fhir_care_resources` writes it (CareTeam, EpisodeOfCare,
    Encounter, Consent; *today* is for the consents' status).

    .. versionadded:: 0.4.0
    """
    writer = _Writer(check_lang(lang), base, scenario)

    def resources() -> Iterator[dict[str, Any]]:
        for org in scenario.organisations:
            if writer.first(org):
                yield writer.organization(org)
        for unit in scenario.units:
            yield from _unit_resources(writer, unit)
        for person in scenario.professionals:
            yield from _person_resources(writer, person)
        for forum in scenario.forums:
            if writer.first(("forum", forum.id)):
                for person in forum.members:
                    yield from _person_resources(writer, person)
                yield from _unit_resources(writer, forum.unit)
                yield writer.forum(forum)
        yield from _meeting_resources(writer, scenario.meetings)
        yield from fhir_care_resources(scenario, today=today, lang=lang, base=base)

    return _bundle(resources())


@checked
def fhir_files(
    scenario: Scenario,
    *,
    today: date | None = None,
    lang: Lang = "da",
    base: str = DEFAULT_SYSTEM_BASE,
) -> dict[str, str]:
    """The files of a FHIR export of *scenario*, by file name.

    ``bundle.json``: the Bundle of :func:`scenario_to_fhir`;
    ``questionnaires.json``: a Bundle of the built-in surveys' Questionnaires
    (:data:`~learnmeet.YIELD_SURVEY`, :data:`~learnmeet.FOLLOW_UP_SURVEY`,
    see :func:`fhir_questionnaire`), which the responses of an evaluation
    refer to. JSON as UTF-8 text, two-space indent, a final newline, for
    ``learnmeet export --format fhir``.

    .. versionadded:: 0.4.0
    """
    bundles = {
        "bundle.json": scenario_to_fhir(scenario, today=today, lang=lang, base=base),
        "questionnaires.json": _bundle(
            fhir_questionnaire(survey, lang=lang, base=base)
            for survey in (YIELD_SURVEY, FOLLOW_UP_SURVEY)
        ),
    }
    return {
        name: json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"
        for name, bundle in bundles.items()
    }
