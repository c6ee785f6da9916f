"""Reading HL7 FHIR R5 back: a Bundle's Appointments as meetings, and validation.

:func:`meetings_from_fhir` reads the Appointments :mod:`learnmeet.io._fhir`
writes back into :class:`~learnmeet.Meeting` values, by the learnmeet
identifiers every resource carries; :func:`validate_fhir` checks a Bundle
and each of its resources with the ``fhir.resources`` package's R5 models
(the ``fhir`` extra), imported only when it is called.

Every problem found is reported at once, each with its JSON path and a
reason and a fix in Danish and English; no refused value is repeated in full
and no third-party message is shown. The mapping, and what it loses, is
docs/reference/fhir.md.

.. versionadded:: 0.4.0
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    Label,
    LearnmeetError,
    PathKey,
    shown,
)
from learnmeet.io._fhir import (
    ATTENDED_EXTENSION as _ATTENDED,
    COHORT_AREA_EXTENSION as _COHORT_AREA,
    COHORT_EXTENSION as _COHORT,
    INFORMATION_ONLY as _INFORMATION_ONLY,
    LISTED_ABSENT_EXTENSION as _LISTED_ABSENT,
    RSVP_CODES as _RSVP,
    STATUS_CODES as _STATUS,
)
from learnmeet.io._fhir_ids import (
    DEFAULT_SYSTEM_BASE,
    code_system as _system,
    identifier_system,
)
from learnmeet.model._arguments import checked
from learnmeet.model._labels import LabelledEnum
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
    Participation,
)
from learnmeet.model._people import Relation, Relative
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN

__all__ = ["meetings_from_fhir", "validate_fhir"]

_EXTRA = "fhir"


_SAME_SCENARIO = Label(
    da="læs bundtet med det scenarie, det blev skrevet fra",
    en="read the bundle with the scenario it was written from",
)

_NOT_READ = Label(
    da="ret elementet, eller eksportér mødet igen med learnmeet",
    en="correct the element, or export the meeting again with learnmeet",
)


class _SkippedError(Exception):
    """An element could not be read; the problem is already recorded."""


class _Reader:
    """One bundle read: the scenario to resolve by, the problems found."""

    def __init__(
        self, scenario: Scenario, catalog: Catalog, base: str, zone: ZoneInfo
    ) -> None:
        self.scenario = scenario
        self.zone = zone
        self.catalog = catalog
        self.base = base
        self.problems: list[DataProblem] = []
        self.resources: dict[str, dict[str, Any]] = {}
        self.professionals = {p.id: p for p in scenario.professionals}
        self.cases = {c.id: c for c in scenario.cases}
        self.areas = {a.code: a for a in scenario.areas}

    def problem(
        self, path: tuple[PathKey, ...], reason: Label, fix: Label
    ) -> _SkippedError:
        self.problems.append(DataProblem(path=path, reason=reason, fix=fix))
        return _SkippedError()

    def get(
        self, data: Mapping[str, Any], key: str, path: tuple[PathKey, ...], kind: type
    ) -> Any:
        value = data.get(key)
        if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
            raise self.problem(
                (*path, key),
                Label(
                    da=f"forventede {_KINDS[kind].da}",
                    en=f"expected {_KINDS[kind].en}",
                )
                if key in data
                else Label(da="elementet mangler", en="the element is missing"),
                _NOT_READ,
            )
        return value

    def items(
        self, data: Mapping[str, Any], key: str, path: tuple[PathKey, ...]
    ) -> list[Any]:
        """The list at *key*, empty when the element is left out."""
        if key not in data:
            return []
        found: list[Any] = self.get(data, key, path, list)
        return found

    def text(self, data: Mapping[str, Any], key: str, path: tuple[PathKey, ...]) -> str:
        """The string at *key*, empty when the element is left out."""
        if key not in data:
            return ""
        found: str = self.get(data, key, path, str)
        return found

    def system_value(
        self, ids: object, kind: str, path: tuple[PathKey, ...]
    ) -> str | None:
        """The value of the identifier of *kind* among *ids*, if any."""
        if not isinstance(ids, list):
            return None
        system = identifier_system(kind, self.base)
        for n, item in enumerate(ids):
            if isinstance(item, dict) and item.get("system") == system:
                value = item.get("value")
                if not isinstance(value, str):
                    raise self.problem(
                        (*path, n, "value"),
                        Label(da="forventede en tekst", en="expected a string"),
                        _NOT_READ,
                    )
                return value
        return None

    def referenced(self, ref: object, kind: str, path: tuple[PathKey, ...]) -> str:
        """The learnmeet id a reference names: by the resource's identifier."""
        if not isinstance(ref, dict):
            raise self.problem(
                path,
                Label(da="forventede en reference", en="expected a reference"),
                _NOT_READ,
            )
        if "identifier" in ref:
            found = self.system_value([ref["identifier"]], kind, (*path, "identifier"))
        else:
            target = self.resources.get(str(ref.get("reference")))
            found = None
            if target is not None:
                found = self.system_value(
                    target.get("identifier"), kind, (*path, "reference")
                )
        if found is None:
            raise self.problem(
                path,
                Label(
                    da=f"referencen fører ikke til noget med en learnmeet-{kind}-"
                    "identifikator i bundtet",
                    en=f"the reference leads to nothing with a learnmeet {kind} "
                    "identifier in the bundle",
                ),
                Label(
                    da="tag den refererede ressource med i bundtet, med sin "
                    "identifikator",
                    en="include the referenced resource in the bundle, with its "
                    "identifier",
                ),
            )
        return found

    def code(self, concept: object, name: str, path: tuple[PathKey, ...]) -> str | None:
        """The code of learnmeet's code system *name* in a CodeableConcept."""
        if isinstance(concept, dict):
            concept = concept.get("coding")
        if not isinstance(concept, list):
            return None
        for item in concept:
            if isinstance(item, dict) and item.get("system") == _system(name):
                code = item.get("code")
                return code if isinstance(code, str) else None
        return None

    def member(
        self, enum: type[LabelledEnum], code: str | None, path: tuple[PathKey, ...]
    ) -> Any:
        for member in enum:
            if member.code == code:
                return member
        raise self.problem(
            path,
            Label(
                da=f"ukendt kode {shown(code).da}",
                en=f"unknown code {shown(code).en}",
            ),
            Label(
                da="brug en af learnmeets koder: " + ", ".join(m.code for m in enum),
                en="use one of learnmeet's codes: " + ", ".join(m.code for m in enum),
            ),
        )


_KINDS: dict[type, Label] = {
    str: Label(da="en tekst", en="a string"),
    list: Label(da="en liste", en="a list"),
    dict: Label(da="et objekt", en="an object"),
    int: Label(da="et helt tal", en="a whole number"),
    bool: Label(da="true eller false", en="true or false"),
}
_RSVP_BACK = {code: rsvp for rsvp, code in _RSVP.items()}
_STATUS_BACK = {code: status for status, code in _STATUS.items()}


@checked
def meetings_from_fhir(
    bundle: Mapping[str, Any],
    scenario: Scenario,
    *,
    catalog: Catalog = DEFAULT_CATALOG,
    base: str = DEFAULT_SYSTEM_BASE,
    zone: ZoneInfo = COPENHAGEN,
) -> tuple[Meeting, ...]:
    """Read the meetings of a FHIR R5 Bundle back, in the bundle's order.

    Every Appointment with a learnmeet meeting identifier is read; a forum's
    series Appointment is not a meeting and is passed over. Professionals,
    cases and areas are resolved by their identifiers in *scenario*, formats
    in *catalog*. A FHIR instant has an offset and no zone: the times are
    read into *zone*, Europe/Copenhagen unless told. What the mapping loses
    (docs/reference/fhir.md) comes back as learnmeet's default: no
    reflection; an information-only citizen as the last attendee, without
    an answer or attendance.

    Raises:
        InvalidDataError: Every problem found, each with its JSON path
            (``$.entry[3].resource.participant[1].actor``); no meeting is
            returned when there is one.

    .. versionadded:: 0.4.0
    """
    reader = _Reader(scenario, catalog, base, zone)
    if bundle.get("resourceType") != "Bundle":
        raise InvalidDataError(
            [
                DataProblem(
                    path=("resourceType",),
                    reason=Label(
                        da="dokumentet er ikke et FHIR-bundt (Bundle)",
                        en="the document is not a FHIR Bundle",
                    ),
                    fix=Label(
                        da="læs et bundt som meetings_to_fhir skriver",
                        en="read a bundle as meetings_to_fhir writes",
                    ),
                )
            ]
        )
    try:
        entries = reader.get(bundle, "entry", (), list)
    except _SkippedError:
        raise InvalidDataError(reader.problems) from None
    found: list[tuple[int, dict[str, Any]]] = []
    for n, entry in enumerate(entries):
        path: tuple[PathKey, ...] = ("entry", n)
        try:
            if not isinstance(entry, dict):
                raise reader.problem(
                    path,
                    Label(da="forventede et objekt", en="expected an object"),
                    _NOT_READ,
                )
            resource = reader.get(entry, "resource", path, dict)
            kind = reader.get(resource, "resourceType", (*path, "resource"), str)
            rid = resource.get("id")
            if isinstance(rid, str):
                reader.resources[f"{kind}/{rid}"] = resource
            if kind == "Appointment":
                found.append((n, resource))
        except _SkippedError:
            continue
    meetings = []
    for n, resource in found:
        path = ("entry", n, "resource")
        if reader.system_value(resource.get("identifier"), "forum", path):
            continue
        try:
            meetings.append(_meeting(reader, resource, path))
        except _SkippedError:
            continue
        except LearnmeetError as refused:  # a value the model refuses
            reader.problem(path, refused.reason, refused.fix)
    if reader.problems:
        raise InvalidDataError(reader.problems)
    return tuple(meetings)


def _meeting(
    reader: _Reader, data: dict[str, Any], path: tuple[PathKey, ...]
) -> Meeting:
    ids = (*path, "identifier")
    meeting_id = reader.system_value(data.get("identifier"), "meeting", ids)
    if meeting_id is None:
        raise reader.problem(
            ids,
            Label(
                da="aftalen har ingen learnmeet-mødeidentifikator",
                en="the appointment has no learnmeet meeting identifier",
            ),
            Label(
                da="læs kun aftaler, som learnmeet har skrevet",
                en="read only appointments learnmeet has written",
            ),
        )
    status_code = reader.get(data, "status", path, str)
    if status_code not in _STATUS_BACK:
        raise reader.problem(
            (*path, "status"),
            Label(
                da=f"status {shown(status_code).da} har intet møde i learnmeet",
                en=f"the status {shown(status_code).en} has no learnmeet meeting",
            ),
            Label(
                da="brug proposed, booked, fulfilled eller cancelled",
                en="use proposed, booked, fulfilled or cancelled",
            ),
        )
    start, duration = _times(reader, data, path)
    services = reader.get(data, "serviceType", path, list)
    format_code = None
    for service in services:
        if isinstance(service, dict):
            format_code = reader.code(service.get("concept"), "meeting-format", path)
            if format_code is not None:
                break
    try:
        meeting_format = reader.catalog.format(str(format_code))
    except LearnmeetError:
        raise reader.problem(
            (*path, "serviceType"),
            Label(
                da=f"mødeformen {shown(format_code).da} er ikke i kataloget",
                en=f"the meeting format {shown(format_code).en} is not in the "
                "catalogue",
            ),
            Label(
                da="giv det katalog, mødet blev skrevet med (catalog=)",
                en="give the catalogue the meeting was written with (catalog=)",
            ),
        ) from None
    case = None
    for m, item in enumerate(reader.items(data, "supportingInformation", path)):
        where = (*path, "supportingInformation", m)
        if isinstance(item, dict) and item.get("type") == "EpisodeOfCare":
            case_id = reader.referenced(item, "case", where)
            case = reader.cases.get(case_id)
            if case is None:
                raise reader.problem(
                    where,
                    Label(
                        da=f"sagen {shown(case_id).da} er ikke i scenariet",
                        en=f"the case {shown(case_id).en} is not in the scenario",
                    ),
                    _SAME_SCENARIO,
                )
    attendees, location = _participants(reader, data, path, case)
    if "subject" in data:
        pseudonym = reader.referenced(data["subject"], "citizen", (*path, "subject"))
        if case is None or case.citizen.pseudonym != pseudonym:
            raise reader.problem(
                (*path, "subject"),
                Label(
                    da="borgeren er ikke mødesagens borger",
                    en="the citizen is not the citizen of the meeting's case",
                ),
                _NOT_READ,
            )
    if "subject" in data and _listed_absent(reader, data, path):
        assert case is not None  # the subject is the case's citizen, above
        attendees.append(
            Attendee(
                person=case.citizen,
                role=AttendeeRole.CITIZEN,
                participation=Participation.INFORMATION_ONLY,
            )
        )
    status = _STATUS_BACK[status_code]
    cancellation = None
    if "cancellationReason" in data:
        reason_code = reader.code(
            data["cancellationReason"], "cancellation-reason", path
        )
        reason = reader.member(
            CancellationReason, reason_code, (*path, "cancellationReason")
        )
        note = ""
        for m, item in enumerate(reader.items(data, "note", path)[:1]):
            if not isinstance(item, dict):
                raise reader.problem(
                    (*path, "note", m),
                    Label(da="forventede et objekt", en="expected an object"),
                    _NOT_READ,
                )
            note = reader.text(item, "text", (*path, "note", m))
        cancellation = Cancellation(reason, note)
    forum = None
    if "originatingAppointment" in data:
        forum = reader.referenced(
            data["originatingAppointment"], "forum", (*path, "originatingAppointment")
        )
    cohort = _cohort(reader, data, path)
    title = reader.text(data, "description", path)
    try:
        return Meeting(
            id=meeting_id,
            format=meeting_format,
            start=start,
            duration=duration,
            location=location,
            attendees=attendees,
            case=case,
            status=status,
            cancellation=cancellation,
            forum=forum,
            cohort=cohort,
            title=title,
        )
    except LearnmeetError as refused:
        raise reader.problem(path, refused.reason, refused.fix) from None


def _times(
    reader: _Reader, data: dict[str, Any], path: tuple[PathKey, ...]
) -> tuple[datetime, timedelta]:
    """The start, in the reader's zone, and the duration, from start to end."""
    moments = []
    for key in ("start", "end"):
        text = reader.get(data, key, path, str)
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise reader.problem(
                (*path, key),
                Label(
                    da="forventede et FHIR-instant med forskydning",
                    en="expected a FHIR instant with an offset",
                ),
                Label(
                    da="skriv fx 2027-01-05T09:00:00+01:00",
                    en="write e.g. 2027-01-05T09:00:00+01:00",
                ),
            )
        moments.append(moment)
    # An instant has an offset, not a zone: the start is read into the zone
    # asked for, so that local time (and the fold of an autumn hour) is as
    # the meeting had it.
    return moments[0].astimezone(reader.zone), moments[1] - moments[0]


def _participants(
    reader: _Reader, data: dict[str, Any], path: tuple[PathKey, ...], case: Any
) -> tuple[list[Attendee], Location]:
    attendees: list[Attendee] = []
    location = None
    for n, item in enumerate(reader.get(data, "participant", path, list)):
        where = (*path, "participant", n)
        if not isinstance(item, dict):
            raise reader.problem(
                where,
                Label(da="forventede et objekt", en="expected an object"),
                _NOT_READ,
            )
        actor = reader.get(item, "actor", where, dict)
        ref = actor.get("reference")
        if isinstance(ref, str) and ref.startswith("Location/"):
            location = _location(reader, ref, (*where, "actor"))
            continue
        attendees.append(_attendee(reader, item, actor, where, case))
    if location is None:
        raise reader.problem(
            (*path, "participant"),
            Label(
                da="aftalen har ingen Location-deltager",
                en="the appointment has no Location participant",
            ),
            _NOT_READ,
        )
    return attendees, location


def _attendee(
    reader: _Reader,
    item: dict[str, Any],
    actor: dict[str, Any],
    where: tuple[PathKey, ...],
    case: Any,
) -> Attendee:
    role_code = relation_code = None
    information_only = False
    for concept in reader.items(item, "type", where):
        role_code = role_code or reader.code(concept, "attendee-role", where)
        relation_code = relation_code or reader.code(concept, "relation", where)
        if reader.code(concept, "participation", where) == _INFORMATION_ONLY:
            information_only = True
    role = reader.member(AttendeeRole, role_code, (*where, "type"))
    status = reader.get(item, "status", where, str)
    if status not in _RSVP_BACK:
        raise reader.problem(
            (*where, "status"),
            Label(
                da=f"ukendt svar {shown(status).da}",
                en=f"unknown answer {shown(status).en}",
            ),
            Label(
                da="brug accepted, declined, tentative eller needs-action",
                en="use accepted, declined, tentative or needs-action",
            ),
        )
    required = reader.get(item, "required", where, bool)
    participation = (
        Participation.INFORMATION_ONLY
        if information_only
        else Participation.REQUIRED
        if required
        else Participation.OPTIONAL
    )
    attended = Attendance.UNKNOWN
    for ext in reader.items(item, "extension", where):
        if isinstance(ext, dict) and ext.get("url") == _ATTENDED:
            attended = reader.member(
                Attendance, ext.get("valueCode"), (*where, "extension")
            )
    person: Any
    actor_path = (*where, "actor")
    kind = actor.get("type")
    if kind == "Patient":
        pseudonym = reader.referenced(actor, "citizen", actor_path)
        if case is None or case.citizen.pseudonym != pseudonym:
            raise reader.problem(
                actor_path,
                Label(
                    da="borgeren er ikke mødesagens borger",
                    en="the citizen is not the citizen of the meeting's case",
                ),
                _NOT_READ,
            )
        person = case.citizen
    elif kind == "RelatedPerson":
        relative_id = reader.referenced(actor, "relative", actor_path)
        relation = reader.member(
            Relation, relation_code or Relation.OTHER.code, (*where, "type")
        )
        if case is None:
            raise reader.problem(
                actor_path,
                Label(
                    da="en pårørende kræver en sag på mødet",
                    en="a relative needs a case on the meeting",
                ),
                _NOT_READ,
            )
        person = Relative(
            id=relative_id, citizen=case.citizen.pseudonym, relation=relation
        )
    else:
        person_id = reader.referenced(actor, "professional", actor_path)
        person = reader.professionals.get(person_id)
        if person is None:
            raise reader.problem(
                actor_path,
                Label(
                    da=f"fagpersonen {shown(person_id).da} er ikke i scenariet",
                    en=f"the professional {shown(person_id).en} is not in the scenario",
                ),
                _SAME_SCENARIO,
            )
    try:
        return Attendee(
            person=person,
            role=role,
            participation=participation,
            rsvp=_RSVP_BACK[status],
            attended=attended,
        )
    except LearnmeetError as refused:
        raise reader.problem(where, refused.reason, refused.fix) from None


def _location(reader: _Reader, ref: str, path: tuple[PathKey, ...]) -> Location:
    data = reader.resources.get(ref)
    if data is None:
        raise reader.problem(
            path,
            Label(
                da="stedet (Location) er ikke i bundtet",
                en="the Location is not in the bundle",
            ),
            Label(
                da="tag stedet med i bundtet",
                en="include the Location in the bundle",
            ),
        )
    kind_code = None
    for concept in reader.items(data, "type", path):
        kind_code = kind_code or reader.code(concept, "location-kind", path)
    kind = reader.member(LocationKind, kind_code, path)
    ids = data.get("identifier")
    place = reader.system_value(ids, "place", path)
    room = reader.system_value(ids, "room", path)
    description = reader.text(data, "description", path)
    try:
        return Location(
            kind,
            description,
            place=place,
            room=room,
        )
    except LearnmeetError as refused:
        raise reader.problem(path, refused.reason, refused.fix) from None


def _listed_absent(
    reader: _Reader, data: dict[str, Any], path: tuple[PathKey, ...]
) -> bool:
    """Whether the subject was an information-only attendee as well."""
    return any(
        isinstance(ext, dict)
        and ext.get("url") == _LISTED_ABSENT
        and ext.get("valueBoolean") is True
        for ext in reader.items(data, "extension", path)
    )


def _cohort(
    reader: _Reader, data: dict[str, Any], path: tuple[PathKey, ...]
) -> Cohort | None:
    cohort_id = area_code = None
    for n, ext in enumerate(reader.items(data, "extension", path)):
        if not isinstance(ext, dict):
            continue
        where = (*path, "extension", n)
        if ext.get("url") == _COHORT:
            cohort_id = reader.system_value(
                [ext.get("valueIdentifier")], "cohort", where
            )
        elif ext.get("url") == _COHORT_AREA:
            area_code = reader.code([ext.get("valueCoding")], "area", where)
    if cohort_id is None:
        return None
    area = reader.areas.get(str(area_code))
    if area is None:
        raise reader.problem(
            (*path, "extension"),
            Label(
                da=f"holdets område {shown(area_code).da} er ikke i scenariet",
                en=f"the cohort's area {shown(area_code).en} is not in the scenario",
            ),
            _SAME_SCENARIO,
        )
    return Cohort(cohort_id, area)


# -- validating ----------------------------------------------------------------


@checked
def validate_fhir(bundle: Mapping[str, Any]) -> dict[str, int]:
    """Validate a Bundle and every resource in it with FHIR R5's models.

    Uses the ``fhir.resources`` package (version 8, FHIR R5), installed by
    ``pip install 'learnmeet[fhir]'``. Returns how many resources of each
    type were validated.

    Raises:
        LearnmeetError: ``fhir.resources`` is not installed.
        InvalidDataError: Every element the R5 models refuse, and every
            reference to a resource the Bundle does not hold, with its path
            (``$.entry[3].resource.participant[0].required``).

    .. versionadded:: 0.4.0
    """
    try:
        resources = importlib.import_module("fhir.resources")
        pydantic = importlib.import_module("pydantic")
    except ImportError:
        raise LearnmeetError(
            reason=Label(
                da="FHIR-ressourcer valideres med pakken fhir.resources, som ikke "
                "er installeret",
                en="FHIR resources are validated with the package fhir.resources, "
                "which is not installed",
            ),
            fix=Label(
                da=f"installér den med: pip install 'learnmeet[{_EXTRA}]'",
                en=f"install it with: pip install 'learnmeet[{_EXTRA}]'",
            ),
            where="validate_fhir",
        ) from None
    problems: list[DataProblem] = []
    counts: dict[str, int] = {}

    def check(data: Any, path: tuple[PathKey, ...]) -> None:
        kind = data.get("resourceType") if isinstance(data, dict) else None
        try:
            model = resources.get_fhir_model_class(kind)
        except Exception:
            problems.append(
                DataProblem(
                    path=(*path, "resourceType"),
                    reason=Label(
                        da=f"ingen FHIR R5-ressource hedder {shown(kind).da}",
                        en=f"no FHIR R5 resource is called {shown(kind).en}",
                    ),
                    fix=_NOT_READ,
                )
            )
            return
        try:
            model.model_validate(data)
        except pydantic.ValidationError as refused:
            problems.extend(
                _refusal(path, error) for error in refused.errors(include_url=False)
            )
            return
        counts[str(kind)] = counts.get(str(kind), 0) + 1

    entries = bundle.get("entry", [])
    if isinstance(entries, list):
        check({**bundle, "entry": []}, ())  # the entries one by one, below
    else:
        check(bundle, ())
        entries = []
    counts.pop("Bundle", None)
    for n, entry in enumerate(entries):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        check(resource, ("entry", n, "resource"))
    if not problems:  # references between resources the models accept
        problems += _dangling(entries)
    if problems:
        raise InvalidDataError(problems)
    return dict(sorted(counts.items()))


def _dangling(entries: list[Any]) -> list[DataProblem]:
    """Every literal reference (``Type/id``) that no entry of the Bundle holds.

    A Bundle of type ``collection`` resolves its relative references inside
    itself (FHIR R5, bundle.html#references); logical references (by
    ``identifier`` alone) are the receiver's to resolve and are not asked.
    """
    held = set()
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict):
            held.add(f"{resource.get('resourceType')}/{resource.get('id')}")
    found: list[DataProblem] = []

    def walk(value: Any, path: tuple[PathKey, ...]) -> None:
        if isinstance(value, dict):
            target = value.get("reference")
            if (
                isinstance(target, str)
                and "/" in target
                and "://" not in target
                and not target.startswith(("#", "urn:"))
                and target not in held
            ):
                found.append(
                    DataProblem(
                        path=(*path, "reference"),
                        reason=Label(
                            da=f"henvisningen {shown(target).da} peger på en "
                            "ressource, som bundtet ikke har",
                            en=f"the reference {shown(target).en} points to a "
                            "resource the bundle does not hold",
                        ),
                        fix=Label(
                            da="tag den henviste ressource med i bundtet, eller "
                            "henvis ved identifikator",
                            en="include the resource referred to in the bundle, "
                            "or refer by identifier",
                        ),
                    )
                )
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, (*path, n))

    for n, entry in enumerate(entries):
        walk(
            entry.get("resource") if isinstance(entry, dict) else None,
            ("entry", n, "resource"),
        )
    return found


_PYDANTIC = {
    "missing": Label(
        da="FHIR R5 kræver elementet, men det mangler",
        en="FHIR R5 requires the element, and it is missing",
    ),
    "extra_forbidden": Label(
        da="FHIR R5 har intet element med det navn her",
        en="FHIR R5 has no element of that name here",
    ),
}
_WRONG_VALUE = Label(
    da="FHIR R5 afviser værdien: den passer ikke til elementets type eller kodeliste",
    en="FHIR R5 refuses the value: it does not fit the element's type or code list",
)


def _refusal(path: tuple[PathKey, ...], error: Mapping[str, Any]) -> DataProblem:
    """A pydantic error as a problem: its path, and learnmeet's own words.

    The model's own message (English, and quoting the value) is not shown.
    """
    where = tuple(
        key
        for key in error.get("loc", ())
        if isinstance(key, (str, int)) and not str(key).startswith("function-")
    )
    return DataProblem(
        path=(*path, *where),
        # fhir.resources reports a missing primitive as its own kind
        reason=_PYDANTIC.get(str(error.get("type")).rpartition(".")[2], _WRONG_VALUE),
        fix=Label(
            da="ret elementet efter FHIR R5 (hl7.org/fhir/R5)",
            en="correct the element as FHIR R5 has it (hl7.org/fhir/R5)",
        ),
    )
