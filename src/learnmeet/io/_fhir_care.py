"""Citizen cases, transitions, consent and surveys as HL7 FHIR R5 resources.

Plain, JSON-ready dictionaries, one a resource, made without any FHIR
library: a case's care team as a ``CareTeam``, the case as an
``EpisodeOfCare``, each transition as an ``Encounter``, the consent as a
``Consent``, a survey as a ``Questionnaire`` and each response to it as a
``QuestionnaireResponse``. The practitioners, organisations, appointments and
bundles they refer to are written by :mod:`learnmeet.io._fhir`; the
identifiers, ids and references follow :mod:`learnmeet.io._fhir_ids`, so
both agree on every reference.

What each learnmeet field becomes, and what is lost on the way, is the
mapping table of ``docs/reference/fhir-care.md``: the one statement of it.
The choices that shape the code:

* the citizen is only a logical reference by pseudonym; the case's summary,
  the one free text about the citizen, is never written;
* a fictional case's resources carry the security tag ``HTEST`` (test health
  data, HL7 v3 ActReason), so no receiving system takes them for a real
  citizen;
* a response to a survey is anonymous: no author, no identifier or resource
  id made from the invitation (whose id holds the invitee's key), only the
  meeting it is about.

Source: HL7 FHIR R5 (5.0.0), https://hl7.org/fhir/R5/ (careteam.html,
episodeofcare.html, encounter.html, consent.html, questionnaire.html,
questionnaireresponse.html, extension-translation.html).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, Protocol
from urllib.parse import quote

from learnmeet.io._fhir_ids import (
    DEFAULT_SYSTEM_BASE,
    UCUM,
    V3_PARTICIPATION,
    citizen_reference,
    code_system,
    extension_url,
    identifier,
    identifier_system,
    reference,
    resource_id,
)
from learnmeet.model._arguments import checked
from learnmeet.model._bases import ConsentPurpose, LegalBasis
from learnmeet.model._cases import (
    CaseOrigin,
    CitizenCase,
    Transition,
    consent_covers,
    consent_window,
    record_holder_ids,
)
from learnmeet.model._labels import Label, Lang, check_lang
from learnmeet.model._meetings import Meeting
from learnmeet.model._people import Organisation, Professional
from learnmeet.model._scenario import Scenario
from learnmeet.model._survey import (
    Answer,
    Invitation,
    ItemKind,
    Response,
    Survey,
    SurveyItem,
)

__all__ = [
    "fhir_care_resources",
    "fhir_care_team",
    "fhir_consent",
    "fhir_encounters",
    "fhir_episode_of_care",
    "fhir_questionnaire",
    "fhir_questionnaire_responses",
]

_TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation"
_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
_LOINC = "http://loinc.org"

_TEST_DATA = {"system": _ACT_REASON, "code": "HTEST", "display": "test health data"}
"""The security tag of a fictional case's resources (HL7 v3 ActReason)."""

_CLASS_BY_SECTOR: Mapping[str, tuple[str, str]] = {
    "hospital": ("IMP", "inpatient encounter"),
    "municipality": ("HH", "home health"),
    "general_practice": ("AMB", "ambulatory"),
}
"""The Encounter class (HL7 v3 ActCode) of the built-in sector a citizen
moves to; a hospice or palliative team may receive the citizen at home or
in a bed, so specialised palliation, civil society and a sector of the
user's own have no class."""


class _Coded(Protocol):
    """A value with a code and a label: an enumeration member, a sector."""

    @property
    def code(self) -> str: ...

    @property
    def label(self) -> Label: ...


def _coding(system: str, member: _Coded, lang: Lang) -> dict[str, Any]:
    return {
        "system": code_system(system),
        "code": member.code,
        "display": member.label.get(lang),
    }


def _concept(system: str, member: _Coded, lang: Lang) -> dict[str, Any]:
    return {"coding": [_coding(system, member, lang)]}


def _extension(name: str, key: str, value: object) -> dict[str, Any]:
    return {"url": extension_url(name), key: value}


def _translated(label: Label, lang: Lang) -> dict[str, Any]:
    """The ``_element`` of a text in *lang*: the other language as a translation."""
    other: Lang = "en" if lang == "da" else "da"
    return {
        "extension": [
            {
                "url": _TRANSLATION,
                "extension": [
                    {"url": "lang", "valueCode": other},
                    {"url": "content", "valueString": label.get(other)},
                ],
            }
        ]
    }


def _start(
    resource_type: str,
    rid: str,
    ident: dict[str, Any],
    lang: Lang,
    fictional: bool = False,
) -> dict[str, Any]:
    out: dict[str, Any] = {"resourceType": resource_type, "id": rid}
    if fictional:
        out["meta"] = {"security": [dict(_TEST_DATA)]}
    out["language"] = lang
    out["identifier"] = [ident]
    return out


def _is_fictional(case: CitizenCase) -> bool:
    return case.origin is CaseOrigin.FICTIONAL


def _staff(case: CitizenCase) -> list[Professional]:
    return [p for p in case.care_team if not p.is_volunteer]


def _managing(case: CitizenCase) -> Organisation | None:
    """The organisation with the most staff in the care team; the first on a tie."""
    staff = _staff(case)
    if not staff:
        return None
    counts = Counter(p.unit.organisation.id for p in staff)
    most = max(counts.values())
    return next(
        p.unit.organisation for p in staff if counts[p.unit.organisation.id] == most
    )


def _of_sector(case: CitizenCase, sector: str) -> Organisation | None:
    """The one organisation of *sector* among the care team's staff, if just one."""
    found = {
        p.unit.organisation.id: p.unit.organisation
        for p in _staff(case)
        if p.unit.organisation.sector.code == sector
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _day(value: date) -> str:
    return value.isoformat()


def _moment(value: datetime) -> str:
    return value.isoformat()


@checked
def fhir_care_team(
    case: CitizenCase, *, lang: Lang = "da", base: str = DEFAULT_SYSTEM_BASE
) -> list[dict[str, Any]]:
    """The case's care team as a FHIR R5 ``CareTeam``, or none without one.

    Each professional is a participant by their ``PractitionerRole``, with
    their profession (a volunteer: their participant type) as the role and
    their organisation as ``onBehalfOf``; each relative by a logical
    reference to a ``RelatedPerson`` (their pseudonymous id), with the
    relation as the role. The team is ``inactive`` after the citizen's
    death, ``active`` before. Displays are in *lang*.

    >>> import learnmeet as lm
    >>> from learnmeet.data import load_sample
    >>> team = lm.fhir_care_team(load_sample().cases[0], lang="en")[0]
    >>> team["status"], len(team["participant"])
    ('active', 6)
    >>> team["participant"][0]["member"]
    {'reference': 'PractitionerRole/p-001'}

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    if not case.care_team and not case.relatives:
        return []
    out = _start(
        "CareTeam",
        resource_id(case.id),
        identifier("care_team", case.id, base),
        lang,
        _is_fictional(case),
    )
    out["status"] = "inactive" if case.died_on is not None else "active"
    out["subject"] = citizen_reference(case.citizen.pseudonym, base)
    participants: list[dict[str, Any]] = []
    for person in case.care_team:
        role = (
            _concept("profession", person.profession, lang)
            if person.profession is not None
            else _concept("participant-type", person.participant_type, lang)
        )
        participants.append(
            {
                "role": role,
                "member": reference("PractitionerRole", person.id),
                "onBehalfOf": reference("Organization", person.unit.organisation.id),
            }
        )
    for relative in case.relatives:
        participants.append(
            {
                "role": _concept("relation", relative.relation, lang),
                "member": {
                    "type": "RelatedPerson",
                    "identifier": identifier("relative", relative.id, base),
                },
            }
        )
    out["participant"] = participants
    managing = _managing(case)
    if managing is not None:
        out["managingOrganization"] = [reference("Organization", managing.id)]
    return [out]


@checked
def fhir_episode_of_care(
    case: CitizenCase, *, lang: Lang = "da", base: str = DEFAULT_SYSTEM_BASE
) -> dict[str, Any]:
    """The citizen case as a FHIR R5 ``EpisodeOfCare``.

    ``finished`` after the citizen's death, ``active`` before; the type is
    the palliative level, the period runs from the first transition to the
    death (each end only when known), the care team is referred to, and the
    managing organisation is the one with the most staff in the care team.

    >>> import learnmeet as lm
    >>> from learnmeet.data import load_sample
    >>> episode = lm.fhir_episode_of_care(load_sample().cases[0], lang="en")
    >>> episode["status"], episode["type"][0]["coding"][0]["display"]
    ('active', 'basic palliative care')
    >>> episode["patient"]["identifier"]["value"]
    'B-101'

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    out = _start(
        "EpisodeOfCare",
        resource_id(case.id),
        identifier("case", case.id, base),
        lang,
        _is_fictional(case),
    )
    out["status"] = "finished" if case.died_on is not None else "active"
    out["type"] = [_concept("palliative-level", case.palliative_level, lang)]
    out["patient"] = citizen_reference(case.citizen.pseudonym, base)
    managing = _managing(case)
    if managing is not None:
        out["managingOrganization"] = reference("Organization", managing.id)
    period: dict[str, str] = {}
    if case.transitions:
        period["start"] = _day(case.transitions[0].on)
    if case.died_on is not None:
        period["end"] = _day(case.died_on)
    if period:
        out["period"] = period
    if case.care_team or case.relatives:
        out["careTeam"] = [reference("CareTeam", case.id)]
    return out


def _transition_key(case: CitizenCase, number: int) -> str:
    """The identifier of the *number*-th transition (from 1) of *case*."""
    return f"{case.id}.t{number}"


def _encounter(
    case: CitizenCase, number: int, move: Transition, lang: Lang, base: str
) -> dict[str, Any]:
    key = _transition_key(case, number)
    out = _start(
        "Encounter",
        resource_id(key),
        identifier("transition", key, base),
        lang,
        _is_fictional(case),
    )
    extensions = [
        _extension(
            "receiving-sector", "valueCoding", _coding("sector", move.to_sector, lang)
        )
    ]
    extensions += [
        _extension(
            "handover-document", "valueCoding", _coding("handover-document", d, lang)
        )
        for d in sorted(move.documents, key=lambda d: d.code)
    ]
    extensions += [
        _extension(
            "missing-handover-document",
            "valueCoding",
            _coding("handover-document", d, lang),
        )
        for d in move.missing_documents
    ]
    if move.rehabilitation_needed:
        extensions.append(_extension("rehabilitation-needed", "valueBoolean", True))
    out["extension"] = extensions
    out["status"] = "completed"
    kind = _CLASS_BY_SECTOR.get(move.to_sector.code)
    if kind is not None:
        out["class"] = [
            {"coding": [{"system": _ACT_CODE, "code": kind[0], "display": kind[1]}]}
        ]
    out["type"] = [_concept("transition-kind", move.kind, lang)]
    out["subject"] = citizen_reference(case.citizen.pseudonym, base)
    out["episodeOfCare"] = [reference("EpisodeOfCare", case.id)]
    out["actualPeriod"] = {"start": _day(move.on)}
    receiving = _of_sector(case, move.to_sector.code)
    if receiving is not None:
        out["serviceProvider"] = reference("Organization", receiving.id)
    admission: dict[str, Any] = {}
    leaving = _of_sector(case, move.from_sector.code)
    if leaving is not None:
        admission["origin"] = reference("Organization", leaving.id)
    admission["admitSource"] = _concept("sector", move.from_sector, lang)
    out["admission"] = admission
    return out


@checked
def fhir_encounters(
    case: CitizenCase, *, lang: Lang = "da", base: str = DEFAULT_SYSTEM_BASE
) -> list[dict[str, Any]]:
    """Each of the case's transitions as a FHIR R5 ``Encounter``, oldest first.

    An encounter is the citizen's arrival in the sector that takes over, on
    the day of the move (``actualPeriod.start``; its end is not recorded):
    ``completed``, of the class that sector gives (hospital: ``IMP``,
    municipality: ``HH``, general practice: ``AMB``), of the transition's
    kind (``type``), in the case's episode of care. The sector left is
    ``admission.admitSource``, and ``admission.origin`` when the care team
    has staff of just one organisation of it; the sector that takes over is
    an extension, and ``serviceProvider`` likewise. The handover documents
    that went, the expected ones that did not, and a need of rehabilitation
    are extensions.

    >>> import learnmeet as lm
    >>> from learnmeet.data import load_sample
    >>> admission, discharge = lm.fhir_encounters(load_sample().cases[0], lang="en")
    >>> admission["class"][0]["coding"][0]["code"], admission["actualPeriod"]
    ('IMP', {'start': '2026-10-12'})
    >>> discharge["type"][0]["coding"][0]["display"]
    'discharge'

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    return [
        _encounter(case, number, move, lang, base)
        for number, move in enumerate(case.transitions, start=1)
    ]


def _consent_category() -> dict[str, Any]:
    """LOINC 59284-0, the category of a patient's consent document."""
    return {
        "coding": [{"system": _LOINC, "code": "59284-0", "display": "Consent Document"}]
    }


def _recipient() -> dict[str, Any]:
    """The role of an organisation the course may be disclosed to (HL7 v3)."""
    return {
        "coding": [
            {
                "system": V3_PARTICIPATION,
                "code": "IRCP",
                "display": "information recipient",
            }
        ]
    }


def _consent_status(case: CitizenCase, today: date | None) -> str:
    consent = case.consent
    assert consent is not None  # the caller has one
    if today is not None:
        return (
            "active"
            if consent_covers(consent, today, died_on=case.died_on)
            else "inactive"
        )
    ended = consent.withdrawn_on is not None or case.died_on is not None
    covers = consent_window(consent, died_on=case.died_on) is not None
    return "inactive" if ended or not covers else "active"


@checked
def fhir_consent(
    case: CitizenCase,
    *,
    today: date | None = None,
    lang: Lang = "da",
    base: str = DEFAULT_SYSTEM_BASE,
) -> list[dict[str, Any]]:
    """The case's consent as a FHIR R5 ``Consent``, or none without one.

    ``active`` when it covers *today*, ``inactive`` when not; without
    *today*, ``inactive`` once withdrawn or ended by the citizen's death and
    ``active`` otherwise (the period says which days it covers). A
    permission under *sundhedsloven* § 42 d is no consent and is not
    written. Displays are in *lang*.

    >>> from datetime import date
    >>> import learnmeet as lm
    >>> from learnmeet.data import load_sample
    >>> consent = lm.fhir_consent(load_sample().cases[0], today=date(2027, 1, 4))[0]
    >>> consent["status"], consent["decision"], consent["period"]
    ('active', 'permit', {'start': '2026-11-02'})
    >>> consent["regulatoryBasis"][0]["coding"][0]["code"]
    'consent'

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    consent = case.consent
    if consent is None:
        return []
    out = _start(
        "Consent",
        resource_id(case.id),
        identifier("consent", case.id, base),
        lang,
        _is_fictional(case),
    )
    extensions = []
    if consent.proxy_reason is not None:
        extensions += [
            _extension(
                "consent-grantor",
                "valueCoding",
                _coding("consent-grantor", consent.grantor, lang),
            ),
            _extension(
                "proxy-reason",
                "valueCoding",
                _coding("proxy-reason", consent.proxy_reason, lang),
            ),
        ]
    if consent.form is not None:
        extensions.append(
            _extension(
                "consent-form",
                "valueCoding",
                _coding("consent-form", consent.form, lang),
            )
        )
    if extensions:
        out["extension"] = extensions
    out["status"] = _consent_status(case, today)
    out["category"] = [_consent_category()]
    out["subject"] = citizen_reference(case.citizen.pseudonym, base)
    out["date"] = _day(consent.given_on)
    window = consent_window(consent, died_on=case.died_on)
    if window is not None:
        out["period"] = {"start": _day(window[0])}
        if window[1] is not None:
            out["period"]["end"] = _day(window[1])
    out["grantor"] = [
        {"type": "RelatedPerson", "display": consent.grantor.label.get(lang)}
        if consent.grantor.is_proxy
        else citizen_reference(case.citizen.pseudonym, base)
    ]
    if case.care_team or case.relatives:
        out["grantee"] = [reference("CareTeam", case.id)]
    holders = sorted(record_holder_ids(case))
    if holders:
        out["controller"] = [reference("Organization", o) for o in holders]
    if consent.recorded_by is not None:
        out["verification"] = [
            {
                "verified": True,
                # By identifier: who recorded it need not be on the staff list.
                "verifiedBy": {
                    "type": "PractitionerRole",
                    "identifier": identifier("professional", consent.recorded_by, base),
                },
                "verificationDate": [_day(consent.given_on)],
            }
        ]
    out["regulatoryBasis"] = [_concept("legal-basis", LegalBasis.CONSENT, lang)]
    out["decision"] = "permit"
    provision: dict[str, Any] = {
        "purpose": [
            _coding("consent-purpose", p, lang)
            for p in ConsentPurpose
            if p in consent.purposes
        ]
    }
    if consent.recipients:
        provision["actor"] = [
            {
                "role": _recipient(),
                # By identifier: a recipient need not be in the scenario.
                "reference": {
                    "type": "Organization",
                    "identifier": identifier("organisation", o, base),
                },
            }
            for o in sorted(consent.recipients)
        ]
    out["provision"] = [provision]
    return [out]


@checked
def fhir_care_resources(
    scenario: Scenario,
    *,
    today: date | None = None,
    lang: Lang = "da",
    base: str = DEFAULT_SYSTEM_BASE,
) -> list[dict[str, Any]]:
    """Every case of *scenario* as FHIR R5 resources, case by case.

    For each case: its ``CareTeam``, ``EpisodeOfCare``, an ``Encounter`` a
    transition and its ``Consent`` (see :func:`fhir_care_team`,
    :func:`fhir_episode_of_care`, :func:`fhir_encounters` and
    :func:`fhir_consent`; *today* is for the consent's status).

    >>> from collections import Counter
    >>> import learnmeet as lm
    >>> from learnmeet.data import load_sample
    >>> found = lm.fhir_care_resources(load_sample(), lang="en")
    >>> sorted(Counter(r["resourceType"] for r in found).items())
    [('CareTeam', 11), ('Consent', 8), ('Encounter', 19), ('EpisodeOfCare', 11)]

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    out: list[dict[str, Any]] = []
    for case in scenario.cases:
        out += fhir_care_team(case, lang=lang, base=base)
        out.append(fhir_episode_of_care(case, lang=lang, base=base))
        out += fhir_encounters(case, lang=lang, base=base)
        out += fhir_consent(case, today=today, lang=lang, base=base)
    return out


def _canonical(survey: Survey, base: str) -> str:
    """The questionnaire's canonical URL: the survey's id as one path segment."""
    return f"{identifier_system('questionnaire', base)}/{quote(survey.id, safe='')}"


def _question(item: SurveyItem, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {"linkId": item.id}
    if item.measures_yield:
        out["extension"] = [_extension("measures-yield", "valueBoolean", True)]
    out["code"] = [_coding("kirkpatrick-level", item.level, lang)]
    out["text"] = item.text.get(lang)
    out["_text"] = _translated(item.text, lang)
    if item.kind is ItemKind.FREE_TEXT:
        out["type"] = "text"
    else:
        out["type"] = "integer"
        out["answerConstraint"] = "optionsOnly"
        out["answerOption"] = [{"valueInteger": n} for n in range(1, item.scale + 1)]
    return out


@checked
def fhir_questionnaire(
    survey: Survey, *, lang: Lang = "da", base: str = DEFAULT_SYSTEM_BASE
) -> dict[str, Any]:
    """The survey as a FHIR R5 ``Questionnaire``.

    Its title and each item's text in *lang*, with the other language as a
    translation (the ``translation`` extension on ``_title`` and ``_text``);
    each item's ``linkId`` is its id and its ``code`` the Kirkpatrick level.
    A Likert item is an ``integer`` item whose options are 1 up to its
    scale, a free-text item a ``text`` item; an item that measures benefit,
    and a follow-up's interval, are extensions. The subject of a response is
    the meeting it is about (an ``Appointment``).

    >>> import learnmeet as lm
    >>> questionnaire = lm.fhir_questionnaire(lm.YIELD_SURVEY, lang="en")
    >>> questionnaire["title"]
    'What you got out of the meeting'
    >>> item = questionnaire["item"][0]
    >>> item["linkId"], item["type"], len(item["answerOption"])
    ('relevant', 'integer', 5)
    >>> item["_text"]["extension"][0]["extension"][1]["valueString"]
    'Mødet var relevant for mit arbejde'

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    out = _start(
        "Questionnaire",
        resource_id(survey.id),
        identifier("survey", survey.id, base),
        lang,
    )
    if survey.follow_up_after is not None:
        out["extension"] = [
            _extension(
                "follow-up-after",
                "valueDuration",
                {
                    "value": survey.follow_up_after.days,
                    "unit": "d",
                    "system": UCUM,
                    "code": "d",
                },
            )
        ]
    out["url"] = _canonical(survey, base)
    out["title"] = survey.title.get(lang)
    out["_title"] = _translated(survey.title, lang)
    out["status"] = "active"
    out["subjectType"] = ["Appointment"]
    out["item"] = [_question(item, lang) for item in survey.items]
    return out


def _answer(answer: Answer) -> dict[str, Any]:
    if answer.score is not None:
        return {"valueInteger": answer.score}
    return {"valueString": answer.text}


def _content(response: Response) -> tuple[tuple[str, int, str], ...]:
    """What *response* says, and nothing of who said it: the order of its ids."""
    return tuple(
        sorted(
            (a.item, -1 if a.score is None else a.score, a.text or "")
            for a in response.answers
        )
    )


@checked
def fhir_questionnaire_responses(
    survey: Survey,
    invitations: Iterable[Invitation],
    responses: Iterable[Response],
    meetings: Iterable[Meeting] = (),
    *,
    lang: Lang = "da",
    base: str = DEFAULT_SYSTEM_BASE,
) -> list[dict[str, Any]]:
    """Each response to *survey* as an anonymous FHIR R5 ``QuestionnaireResponse``.

    A response answers one person's invitation, so it is data about that
    person; the evaluation shows only groups large enough to hide anyone
    (:func:`learnmeet.evaluate`). A response here therefore names no one:
    no author, no source, and neither identifier nor resource id made from
    the invitation, whose id holds the invitee's key; the resource ids number
    the responses about each meeting in the order of what they say. Each
    keeps the meeting it is about (``subject``, its ``Appointment``), the
    questionnaire (:func:`fhir_questionnaire`), ``completed``, the time the
    invitation was sent, or the meeting's end from *meetings*, as
    ``authored`` (when known; the answers came then or later), and the
    answers, in the survey's order, each with its item's text in *lang*.

    Responses to invitations not among *invitations* or of another survey,
    and answers to items the survey does not have, are left out.

    >>> import learnmeet as lm
    >>> from learnmeet.data import load_sample
    >>> meeting = load_sample().meetings[0]
    >>> invitation = lm.invite(lm.YIELD_SURVEY, [meeting])[0]
    >>> answer = lm.Response(
    ...     invitation=invitation.id, answers=[lm.Answer(item="relevant", score=4)]
    ... )
    >>> found = lm.fhir_questionnaire_responses(
    ...     lm.YIELD_SURVEY, [invitation], [answer], [meeting], lang="en"
    ... )
    >>> found[0]["subject"], found[0]["item"][0]["answer"]
    ({'reference': 'Appointment/m-laering-101'}, [{'valueInteger': 4}])
    >>> "author" in found[0], "identifier" in found[0]
    (False, False)

    .. versionadded:: 0.4.0
    """
    lang = check_lang(lang)
    asked = {i.id: i for i in invitations if i.survey == survey.id}
    ends = {m.id: m.end for m in meetings}
    texts = {item.id: item.text.get(lang) for item in survey.items}
    about: dict[str, list[tuple[Response, Invitation]]] = {}
    for response in responses:
        invitation = asked.get(response.invitation)
        if invitation is not None:
            about.setdefault(invitation.meeting, []).append((response, invitation))
    canonical = _canonical(survey, base)
    out: list[dict[str, Any]] = []
    for meeting, answered in about.items():
        answered.sort(key=lambda pair: _content(pair[0]))
        for number, (response, invitation) in enumerate(answered, start=1):
            key = json.dumps([survey.id, meeting, number])
            resource: dict[str, Any] = {
                "resourceType": "QuestionnaireResponse",
                "id": resource_id(key),
                "language": lang,
                "questionnaire": canonical,
                "status": "completed",
                "subject": reference("Appointment", meeting),
            }
            sent = invitation.send_at or ends.get(meeting)
            if sent is not None:
                resource["authored"] = _moment(sent)
            given = {a.item: a for a in response.answers}
            items = [
                {"linkId": item, "text": text, "answer": [_answer(given[item])]}
                for item, text in texts.items()
                if item in given
            ]
            if items:
                resource["item"] = items
            out.append(resource)
    return out
