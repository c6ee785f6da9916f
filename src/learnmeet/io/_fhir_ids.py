"""How learnmeet's identifiers travel in HL7 FHIR R5: ids, identifiers, references.

A learnmeet identifier may be up to 200 characters of nearly any kind; a FHIR
resource ``id`` is 1–64 characters of ``A–Z a–z 0–9 - .`` (FHIR R5, datatypes,
``id``). So the resource id is the identifier itself when it fits, and
otherwise ``x-`` and a 40-digit digest of it. The identifier itself always
travels whole in the resource's ``identifier`` (system + value), under one
system per kind of thing; reading a bundle back goes by those identifiers,
never by resource ids.

The systems are URIs under a base the exporting organisation chooses (its own
domain); the default base is under ``.invalid`` (RFC 2606), which says plainly
that it is a placeholder and can never name a real organisation's system.

Source: HL7 FHIR R5 (5.0.0), https://hl7.org/fhir/R5/datatypes.html#id,
https://hl7.org/fhir/R5/datatypes.html#Identifier,
https://hl7.org/fhir/R5/references.html.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

__all__ = [
    "DEFAULT_SYSTEM_BASE",
    "FHIR_CODE_SYSTEM_BASE",
    "UCUM",
    "V3_PARTICIPATION",
    "citizen_reference",
    "code_system",
    "extension_url",
    "identifier",
    "identifier_system",
    "reference",
    "resource_id",
]

DEFAULT_SYSTEM_BASE = "https://learnmeet.invalid/fhir/id"
"""The base of learnmeet's identifier systems when the caller gives none."""

FHIR_CODE_SYSTEM_BASE = "https://learnmeet.invalid/fhir/CodeSystem"
"""The base of learnmeet's own FHIR code systems (formats, roles, professions …).

A placeholder under ``.invalid`` (RFC 2606), as the identifier systems' default
base is: learnmeet's vocabulary has no HL7 code system and no published
canonical home yet, and a placeholder must never pass for one.
"""

_EXTENSION_BASE = "https://learnmeet.invalid/fhir/StructureDefinition"

V3_PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
"""HL7 v3 ParticipationType: the roles people play (PPRF, SPRF, PART, IRCP …)."""

UCUM = "http://unitsofmeasure.org"
"""UCUM, the units of durations and recurrence frequencies."""

_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


def resource_id(value: str) -> str:
    """The FHIR resource ``id`` for a learnmeet identifier *value*.

    *value* itself when it is a valid FHIR id; otherwise ``x-`` and the first
    40 hex digits of its BLAKE2b digest (42 characters), the same for the same
    *value* in every run, so references between resources agree.

    >>> resource_id("p-0001")
    'p-0001'
    >>> len(resource_id("forum_1"))
    42
    """
    if _FHIR_ID.fullmatch(value):
        return value
    return "x-" + hashlib.blake2b(value.encode(), digest_size=20).hexdigest()


def identifier_system(kind: str, base: str = DEFAULT_SYSTEM_BASE) -> str:
    """The system URI of the identifiers of one *kind*, e.g. ``"professional"``.

    >>> identifier_system("meeting")
    'https://learnmeet.invalid/fhir/id/meeting'
    """
    return f"{base.rstrip('/')}/{kind}"


def identifier(
    kind: str, value: str, base: str = DEFAULT_SYSTEM_BASE
) -> dict[str, Any]:
    """A FHIR ``Identifier`` carrying the learnmeet identifier *value* whole.

    >>> identifier("unit", "u-1")
    {'system': 'https://learnmeet.invalid/fhir/id/unit', 'value': 'u-1'}
    """
    return {"system": identifier_system(kind, base), "value": value}


def reference(resource_type: str, value: str, display: str = "") -> dict[str, Any]:
    """A FHIR ``Reference`` to the resource of *resource_type* made for *value*.

    A relative reference (``Type/id``), resolved inside the same Bundle
    (``fullUrl`` ``urn:uuid:`` or ``Type/id``: the exporters use ``Type/id``).

    >>> reference("Practitioner", "p-1")
    {'reference': 'Practitioner/p-1'}
    >>> reference("Organization", "o-1", display="Hospital")
    {'reference': 'Organization/o-1', 'display': 'Hospital'}
    """
    out: dict[str, Any] = {"reference": f"{resource_type}/{resource_id(value)}"}
    if display:
        out["display"] = display
    return out


def citizen_reference(
    pseudonym: str, base: str = DEFAULT_SYSTEM_BASE
) -> dict[str, Any]:
    """A logical FHIR ``Reference`` to the citizen by pseudonym, never a resource.

    learnmeet knows a citizen only by pseudonym, so no ``Patient`` resource is
    written: the reference carries the pseudonym as an identifier under the
    ``citizen`` system (FHIR R5, references.html#logical), for the receiving
    system to resolve with its own key, or not at all.

    >>> citizen_reference("c-101")["identifier"]["value"]
    'c-101'
    >>> citizen_reference("c-101")["type"]
    'Patient'
    """
    return {"type": "Patient", "identifier": identifier("citizen", pseudonym, base)}


def code_system(name: str) -> str:
    """The URI of learnmeet's own code system *name*, e.g. ``"meeting-format"``.

    >>> code_system("sector")
    'https://learnmeet.invalid/fhir/CodeSystem/sector'
    """
    return f"{FHIR_CODE_SYSTEM_BASE}/{name}"


def extension_url(name: str) -> str:
    """The URL of learnmeet's own extension *name*, e.g. ``"attended"``.

    >>> extension_url("attended")
    'https://learnmeet.invalid/fhir/StructureDefinition/attended'
    """
    return f"{_EXTENSION_BASE}/{name}"
