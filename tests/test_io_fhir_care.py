"""Cases, transitions, consent and surveys as FHIR R5 resources.

Every resource made here is validated with the R5 models of ``fhir.resources``
(the ``fhir`` extra) where it is installed: the sample municipality's cases,
both built-in surveys, the demo's synthetic responses and generated values.
The model must take the resource whole (reading it back gives the same
dictionary, so no element was dropped as unknown) and its status must be a
code of the R5 value set, which the models do not check. Without the extra
those tests are skipped; the rest hold the mapping itself.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
import learnmeet.strategies as lms
from learnmeet.data import load_sample
from learnmeet.io._fhir_ids import identifier, identifier_system, reference

Resource = dict[str, Any]

_MODULES = {
    "CareTeam": "careteam",
    "EpisodeOfCare": "episodeofcare",
    "Encounter": "encounter",
    "Consent": "consent",
    "Questionnaire": "questionnaire",
    "QuestionnaireResponse": "questionnaireresponse",
}

_STATUSES = {
    "CareTeam": {"proposed", "active", "suspended", "inactive", "entered-in-error"},
    "EpisodeOfCare": {
        "planned",
        "waitlist",
        "active",
        "onhold",
        "finished",
        "cancelled",
        "entered-in-error",
    },
    "Encounter": {
        "planned",
        "in-progress",
        "on-hold",
        "discharged",
        "completed",
        "cancelled",
        "discontinued",
        "entered-in-error",
        "unknown",
    },
    "Consent": {
        "draft",
        "active",
        "inactive",
        "not-done",
        "entered-in-error",
        "unknown",
    },
    "Questionnaire": {"draft", "active", "retired", "unknown"},
    "QuestionnaireResponse": {
        "in-progress",
        "completed",
        "amended",
        "entered-in-error",
        "stopped",
    },
}
"""The codes of each resource's required ``status`` binding (FHIR R5)."""


@pytest.fixture(scope="module")
def r5() -> Callable[[Resource], None]:
    """Validate one resource with fhir.resources' R5 model of its type."""
    pytest.importorskip("fhir.resources", minversion="8")

    def validate(resource: Resource) -> None:
        kind = resource["resourceType"]
        module = importlib.import_module(f"fhir.resources.{_MODULES[kind]}")
        model = getattr(module, kind).model_validate(resource)
        assert json.loads(model.model_dump_json()) == resource
        assert resource["status"] in _STATUSES[kind]

    return validate


SAMPLE = load_sample()
TODAY = date(2027, 1, 4)


def _strings(value: object) -> Iterator[str]:
    """Every text in a JSON-ready value: keys and values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _demo_quarter() -> tuple[tuple[lm.Meeting, ...], list[tuple[lm.Survey, Any, Any]]]:
    """The demo's held meetings and its synthetic invitations and responses."""
    from learnmeet.cli._demo import QUARTER, SETTINGS, _held, _synthetic_quarter

    plan = lm.plan_period(SAMPLE, start=QUARTER[0], end=QUARTER[1], settings=SETTINGS)
    held = _held(plan.meetings)
    return held, [
        (survey, *_synthetic_quarter(survey, held, answering=share))
        for survey, share in ((lm.YIELD_SURVEY, 0.55), (lm.FOLLOW_UP_SURVEY, 0.45))
    ]


HELD, QUARTER_ANSWERS = _demo_quarter()


def _everything(lang: lm.Lang = "da") -> list[Resource]:
    """Every resource this module makes of the sample and the demo."""
    out = lm.fhir_care_resources(SAMPLE, today=TODAY, lang=lang)
    for survey, invitations, responses in QUARTER_ANSWERS:
        out.append(lm.fhir_questionnaire(survey, lang=lang))
        out += lm.fhir_questionnaire_responses(
            survey, invitations, responses, HELD, lang=lang
        )
    return out


class TestSampleValidates:
    """Every resource of the sample municipality and the demo is valid R5."""

    @pytest.mark.parametrize("lang", lm.LANGUAGES)
    def test_every_resource(
        self, r5: Callable[[Resource], None], lang: lm.Lang
    ) -> None:
        found = _everything(lang)
        for resource in found:
            r5(resource)
        counts = Counter(r["resourceType"] for r in found)
        answered = sum(len(responses) for _, _, responses in QUARTER_ANSWERS)
        assert counts == {
            "CareTeam": 11,
            "EpisodeOfCare": 11,
            "Encounter": sum(len(c.transitions) for c in SAMPLE.cases),
            "Consent": sum(c.consent is not None for c in SAMPLE.cases),
            "Questionnaire": 2,
            "QuestionnaireResponse": answered,
        }

    def test_without_today_too(self, r5: Callable[[Resource], None]) -> None:
        for resource in lm.fhir_care_resources(SAMPLE):
            r5(resource)

    def test_the_validation_can_fail(self, r5: Callable[[Resource], None]) -> None:
        episode = lm.fhir_episode_of_care(SAMPLE.cases[0])
        with pytest.raises(Exception, match="validation error"):
            r5({**episode, "patient": "B-101"})
        with pytest.raises(AssertionError):
            r5({**episode, "status": "ongoing"})

    def test_resource_ids_are_unique_per_type(self) -> None:
        found = _everything()
        keys = [(r["resourceType"], r["id"]) for r in found]
        assert len(keys) == len(set(keys))

    def test_the_same_input_gives_the_same_resources(self) -> None:
        assert json.dumps(_everything("en")) == json.dumps(_everything("en"))

    def test_changing_a_result_changes_no_other(self) -> None:
        """No part of a resource is shared with the module or another call."""
        before = json.dumps(_everything())
        changed = _everything()

        def spoil(value: object) -> None:
            if isinstance(value, dict):
                for item in list(value.values()):
                    spoil(item)
                value["spoilt"] = True
            elif isinstance(value, list):
                for item in value:
                    spoil(item)

        spoil(changed)
        assert json.dumps(_everything()) == before


class TestPrivacy:
    """Only pseudonyms and ids: no CPR-like text, no citizen's free text, no
    respondent."""

    def test_no_cpr_like_text_anywhere(self) -> None:
        texts = list(_strings(_everything("da"))) + list(_strings(_everything("en")))
        assert texts
        assert not [t for t in texts if lm.looks_like_cpr(t)]

    def test_no_case_summary(self) -> None:
        text = json.dumps(_everything(), ensure_ascii=False)
        summaries = [c.summary for c in SAMPLE.cases if c.summary]
        assert summaries
        assert not [s for s in summaries if s in text]
        assert not [s[:20] for s in summaries if s[:20] in text]

    def test_no_display_name_or_email_of_staff(self) -> None:
        text = json.dumps(_everything(), ensure_ascii=False)
        for person in SAMPLE.professionals:
            if person.display_name:
                assert person.display_name not in text
            if person.email:
                assert person.email not in text

    def test_no_invitee_in_a_response(self) -> None:
        for survey, invitations, responses in QUARTER_ANSWERS:
            found = lm.fhir_questionnaire_responses(
                survey, invitations, responses, HELD
            )
            text = json.dumps(found)
            assert "professional:" not in text
            assert not [i.id for i in invitations if i.id in text]
            assert "Practitioner" not in text
            assert all("author" not in r and "source" not in r for r in found)

    @given(lms.citizen_cases())
    def test_generated_cases_hold_no_summary(self, case: lm.CitizenCase) -> None:
        case = attrs.evolve(case, summary="Borger med smerter om natten")
        text = json.dumps(
            lm.fhir_care_resources(
                attrs.evolve(SAMPLE, cases=[case], meetings=[], forums=[], cycles=[])
            ),
            ensure_ascii=False,
        )
        assert "smerter" not in text


def _one(found: list[Resource]) -> Resource:
    assert len(found) == 1
    return found[0]


class TestCareTeam:
    """The care team: practitioner roles with their profession, relatives by id."""

    def test_members_roles_and_organisations(self) -> None:
        case = SAMPLE.cases[0]
        team = _one(lm.fhir_care_team(case, lang="en"))
        assert team["id"] == "c-101"
        assert team["subject"]["identifier"]["value"] == case.citizen.pseudonym
        staff = team["participant"][: len(case.care_team)]
        assert [p["member"] for p in staff] == [
            reference("PractitionerRole", p.id) for p in case.care_team
        ]
        first = case.care_team[0]
        assert first.profession is not None
        assert staff[0]["role"]["coding"][0]["code"] == first.profession.code
        assert staff[0]["onBehalfOf"] == reference(
            "Organization", first.unit.organisation.id
        )
        kin = team["participant"][len(case.care_team) :]
        assert [p["member"]["identifier"]["value"] for p in kin] == [
            r.id for r in case.relatives
        ]
        assert kin[0]["member"]["type"] == "RelatedPerson"

    def test_a_volunteer_by_participant_type(self) -> None:
        case = next(c for c in SAMPLE.cases if any(p.is_volunteer for p in c.care_team))
        team = _one(lm.fhir_care_team(case))
        codes = [p["role"]["coding"][0]["code"] for p in team["participant"]]
        assert "volunteer" in codes

    def test_managed_by_the_organisation_with_most_staff(self) -> None:
        case = SAMPLE.cases[0]
        staff = [p for p in case.care_team if not p.is_volunteer]
        most = Counter(p.unit.organisation.id for p in staff).most_common(1)[0][0]
        team = _one(lm.fhir_care_team(case))
        assert team["managingOrganization"] == [reference("Organization", most)]

    def test_none_without_team_or_relatives(self) -> None:
        case = attrs.evolve(SAMPLE.cases[0], care_team=[], relatives=[])
        assert lm.fhir_care_team(case) == []
        assert "careTeam" not in lm.fhir_episode_of_care(case)
        assert "managingOrganization" not in lm.fhir_episode_of_care(case)

    def test_inactive_after_death(self) -> None:
        case = next(c for c in SAMPLE.cases if c.died_on is not None)
        assert _one(lm.fhir_care_team(case))["status"] == "inactive"


class TestEpisodeOfCare:
    """The case: its palliative level, period, care team and status."""

    def test_active_case(self) -> None:
        case = SAMPLE.cases[1]
        episode = lm.fhir_episode_of_care(case, lang="da")
        assert episode["status"] == "active"
        assert episode["type"][0]["coding"][0] == {
            "system": "https://learnmeet.invalid/fhir/CodeSystem/palliative-level",
            "code": "specialised",
            "display": "specialiseret palliativ indsats",
        }
        assert episode["period"] == {"start": case.transitions[0].on.isoformat()}
        assert episode["careTeam"] == [reference("CareTeam", case.id)]
        assert episode["identifier"] == [
            {"system": identifier_system("case"), "value": case.id}
        ]

    def test_finished_at_death(self) -> None:
        case = next(c for c in SAMPLE.cases if c.died_on is not None)
        assert case.died_on is not None
        episode = lm.fhir_episode_of_care(case)
        assert episode["status"] == "finished"
        assert episode["period"]["end"] == case.died_on.isoformat()

    def test_no_period_without_transitions_or_death(self) -> None:
        case = attrs.evolve(SAMPLE.cases[0], transitions=[])
        assert "period" not in lm.fhir_episode_of_care(case)

    def test_a_fictional_case_is_tagged_test_data(self) -> None:
        fictional = next(c for c in SAMPLE.cases if not c.is_concrete)
        concrete = SAMPLE.cases[0]
        for make in (lm.fhir_episode_of_care, lm.fhir_encounters, lm.fhir_care_team):
            made = make(fictional)
            resources = made if isinstance(made, list) else [made]
            assert resources
            for resource in resources:
                assert resource["meta"]["security"][0]["code"] == "HTEST"
        assert "meta" not in lm.fhir_episode_of_care(concrete)

    def test_own_base(self) -> None:
        base = "https://fhir.kommune.invalid/lm"
        episode = lm.fhir_episode_of_care(SAMPLE.cases[0], base=base)
        assert episode["identifier"][0]["system"] == f"{base}/case"
        assert episode["patient"]["identifier"]["system"] == f"{base}/citizen"


def _extensions(resource: Resource, name: str) -> list[Any]:
    url = f"https://learnmeet.invalid/fhir/StructureDefinition/{name}"
    return [
        next(v for k, v in e.items() if k.startswith("value"))
        for e in resource.get("extension", [])
        if e["url"] == url
    ]


class TestEncounter:
    """A transition: the arrival in the sector that takes over."""

    def test_admission_to_hospital(self) -> None:
        case = SAMPLE.cases[0]
        admission = lm.fhir_encounters(case, lang="en")[0]
        assert admission["id"] == "c-101.t1"
        assert admission["class"][0]["coding"][0]["code"] == "IMP"
        assert admission["actualPeriod"] == {"start": "2026-10-12"}
        assert admission["episodeOfCare"] == [reference("EpisodeOfCare", case.id)]
        assert admission["admission"]["admitSource"]["coding"][0]["code"] == (
            "municipality"
        )
        assert [c["code"] for c in _extensions(admission, "receiving-sector")] == [
            "hospital"
        ]
        assert [c["code"] for c in _extensions(admission, "handover-document")] == [
            "admission_report",
            "medication_list",
        ]

    def test_discharge_home_with_missing_documents(self) -> None:
        case = SAMPLE.cases[0]
        discharge = lm.fhir_encounters(case, lang="en")[1]
        move = case.transitions[1]
        assert discharge["class"][0]["coding"][0]["code"] == "HH"
        missing = [
            c["code"] for c in _extensions(discharge, "missing-handover-document")
        ]
        assert missing == [d.code for d in move.missing_documents]
        assert missing
        assert _extensions(discharge, "rehabilitation-needed") == [True]
        municipality = {
            p.unit.organisation.id
            for p in case.care_team
            if p.unit.organisation.sector.code == "municipality"
        }
        assert len(municipality) == 1
        assert discharge["serviceProvider"] == reference(
            "Organization", municipality.pop()
        )

    def test_no_class_for_specialised_palliation(self) -> None:
        case = SAMPLE.cases[1]
        referral = lm.fhir_encounters(case)[0]
        assert case.transitions[0].to_sector.code == "specialised_palliation"
        assert "class" not in referral

    def test_no_organisation_when_the_sector_has_two(self) -> None:
        """Two practices of the sector in the care team: which one is unknown."""
        case = SAMPLE.cases[0]
        practices = [
            o for o in SAMPLE.organisations if o.sector.code == "general_practice"
        ]
        assert len(practices) == 2
        model = case.care_team[0]
        doctors = [
            attrs.evolve(
                model,
                id=f"p-gp-{n}",
                unit=lm.Unit(id=f"u-gp-{n}", name="Praksis", organisation=o),
            )
            for n, o in enumerate(practices)
        ]
        move = lm.Transition(
            on=date(2026, 12, 1),
            from_sector=practices[0].sector,
            to_sector=case.transitions[0].from_sector,
            kind=lm.TransitionKind.REFERRAL,
        )
        mixed = attrs.evolve(
            case,
            care_team=[*case.care_team, *doctors],
            transitions=[*case.transitions, move],
        )
        encounter = lm.fhir_encounters(mixed)[-1]
        assert "origin" not in encounter["admission"]
        assert encounter["admission"]["admitSource"]["coding"][0]["code"] == (
            "general_practice"
        )
        one = attrs.evolve(mixed, care_team=[*case.care_team, doctors[0]])
        assert lm.fhir_encounters(one)[-1]["admission"]["origin"] == reference(
            "Organization", practices[0].id
        )


class TestConsent:
    """The consent: status, period, grantor, purposes, recipients and basis."""

    def test_sample_consent(self) -> None:
        case = SAMPLE.cases[0]
        consent = _one(lm.fhir_consent(case, today=TODAY, lang="en"))
        assert consent["status"] == "active"
        assert consent["date"] == "2026-11-02"
        assert consent["grantor"] == [consent["subject"]]
        assert consent["grantee"] == [reference("CareTeam", case.id)]
        assert [c["code"] for c in consent["provision"][0]["purpose"]] == [
            "learning",
            "home_meeting",
        ]
        assert "actor" not in consent["provision"][0]
        assert consent["regulatoryBasis"][0]["coding"][0]["display"] == (
            "the citizen's consent (Danish Health Act, section 43(1))"
        )
        assert consent["controller"] == [
            reference("Organization", o)
            for o in sorted(
                {p.unit.organisation.id for p in case.care_team if not p.is_volunteer}
            )
        ]

    def test_none_without_consent_and_a_permission_is_none(self) -> None:
        case = next(c for c in SAMPLE.cases if c.permissions)
        assert case.consent is None
        assert lm.fhir_consent(case) == []

    def test_a_proxy_withdrawn_with_recipients(self) -> None:
        case = attrs.evolve(
            SAMPLE.cases[0],
            consent=lm.Consent(
                given_on=date(2027, 1, 5),
                withdrawn_on=date(2027, 3, 1),
                grantor=lm.ConsentGrantor.CLOSEST_RELATIVE,
                proxy_reason=lm.ProxyReason.LACKS_CAPACITY,
                purposes={lm.ConsentPurpose.LEARNING, lm.ConsentPurpose.DISCLOSURE},
                recipients={"frivilligcenter"},
                form=lm.ConsentForm.ORAL,
                recorded_by="p-001",
            ),
        )
        consent = _one(lm.fhir_consent(case, lang="en"))
        assert consent["status"] == "inactive"
        assert consent["period"] == {"start": "2027-01-05", "end": "2027-02-28"}
        assert consent["grantor"] == [
            {"type": "RelatedPerson", "display": "closest relative"}
        ]
        assert [c["code"] for c in _extensions(consent, "consent-grantor")] == [
            "closest_relative"
        ]
        assert [c["code"] for c in _extensions(consent, "proxy-reason")] == [
            "lacks_capacity"
        ]
        assert [c["code"] for c in _extensions(consent, "consent-form")] == ["oral"]
        assert consent["provision"][0]["actor"] == [
            {
                "role": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/"
                            "v3-ParticipationType",
                            "code": "IRCP",
                            "display": "information recipient",
                        }
                    ]
                },
                "reference": {
                    "type": "Organization",
                    "identifier": identifier("organisation", "frivilligcenter"),
                },
            }
        ]
        assert consent["verification"][0]["verifiedBy"] == {
            "type": "PractitionerRole",
            "identifier": identifier("professional", "p-001"),
        }
        assert lm.fhir_consent(case, today=date(2027, 2, 28))[0]["status"] == "active"

    def test_withdrawn_on_the_day_given_has_no_period(self) -> None:
        case = attrs.evolve(
            SAMPLE.cases[0],
            consent=lm.Consent(
                given_on=date(2027, 1, 5), withdrawn_on=date(2027, 1, 5)
            ),
        )
        consent = _one(lm.fhir_consent(case, today=date(2027, 1, 5)))
        assert consent["status"] == "inactive"
        assert "period" not in consent

    @given(
        lms.citizen_cases(origin=lm.CaseOrigin.CONCRETE),
        st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    )
    def test_status_agrees_with_the_basis(
        self, case: lm.CitizenCase, today: date
    ) -> None:
        """Active exactly on the days the consent is the case's basis."""
        found = lm.fhir_consent(case, today=today)
        if case.consent is None:
            assert found == []
            return
        consent = _one(found)
        assert (consent["status"] == "active") == case.has_consent_on(today)
        purposes = {c["code"] for c in consent["provision"][0]["purpose"]}
        for purpose in lm.ConsentPurpose:
            by_consent = case.basis_on(today, purpose) is lm.LegalBasis.CONSENT
            assert by_consent == (
                consent["status"] == "active" and purpose.code in purposes
            )

    @given(lms.citizen_cases())
    def test_status_without_today(self, case: lm.CitizenCase) -> None:
        """Inactive once withdrawn or ended by death, active otherwise."""
        found = lm.fhir_consent(case)
        if case.consent is None:
            return
        ended = case.consent.withdrawn_on is not None or case.died_on is not None
        assert (_one(found)["status"] == "inactive") == (
            ended or "period" not in found[0]
        )


class TestGenerated:
    """Generated cases and surveys give valid resources."""

    @given(lms.citizen_cases())
    def test_cases(self, r5: Callable[[Resource], None], case: lm.CitizenCase) -> None:
        for lang in lm.LANGUAGES:
            for resource in (
                *lm.fhir_care_team(case, lang=lang),
                lm.fhir_episode_of_care(case, lang=lang),
                *lm.fhir_encounters(case, lang=lang),
                *lm.fhir_consent(case, today=TODAY, lang=lang),
            ):
                r5(resource)
                assert not [t for t in _strings(resource) if lm.looks_like_cpr(t)]

    @given(lms.survey_data())
    def test_surveys(
        self, r5: Callable[[Resource], None], data: lms.SurveyData
    ) -> None:
        questionnaire = lm.fhir_questionnaire(data.survey)
        r5(questionnaire)
        responses = lm.fhir_questionnaire_responses(
            data.survey, data.invitations, data.responses, data.meetings
        )
        assert len(responses) == len(data.responses)
        for resource in responses:
            r5(resource)


class TestQuestionnaire:
    """A survey: items by linkId, both languages, Kirkpatrick levels."""

    @given(lms.surveys(), st.sampled_from(lm.LANGUAGES))
    def test_every_item_once_by_its_id(self, survey: lm.Survey, lang: lm.Lang) -> None:
        questionnaire = lm.fhir_questionnaire(survey, lang=lang)
        other: lm.Lang = "en" if lang == "da" else "da"
        assert [i["linkId"] for i in questionnaire["item"]] == [
            i.id for i in survey.items
        ]
        for item, question in zip(survey.items, questionnaire["item"], strict=True):
            assert question["text"] == item.text.get(lang)
            translation = question["_text"]["extension"][0]
            assert translation["url"] == (
                "http://hl7.org/fhir/StructureDefinition/translation"
            )
            assert translation["extension"] == [
                {"url": "lang", "valueCode": other},
                {"url": "content", "valueString": item.text.get(other)},
            ]
            assert question["code"][0]["code"] == item.level.code
            if item.kind is lm.ItemKind.LIKERT:
                assert question["type"] == "integer"
                assert [o["valueInteger"] for o in question["answerOption"]] == list(
                    range(1, item.scale + 1)
                )
            else:
                assert question["type"] == "text"
                assert "answerOption" not in question
            assert bool(_extensions(question, "measures-yield")) == item.measures_yield

    def test_follow_up_interval(self) -> None:
        follow_up = lm.fhir_questionnaire(lm.FOLLOW_UP_SURVEY)
        assert _extensions(follow_up, "follow-up-after") == [
            {
                "value": 56,
                "unit": "d",
                "system": "http://unitsofmeasure.org",
                "code": "d",
            }
        ]
        assert "extension" not in lm.fhir_questionnaire(lm.YIELD_SURVEY)

    def test_title_and_url(self) -> None:
        questionnaire = lm.fhir_questionnaire(lm.YIELD_SURVEY, lang="da")
        assert questionnaire["title"] == "Dit udbytte af mødet"
        assert questionnaire["_title"]["extension"][0]["extension"][1] == {
            "url": "content",
            "valueString": "What you got out of the meeting",
        }
        assert questionnaire["url"] == f"{identifier_system('questionnaire')}/yield"
        follow_up = lm.fhir_questionnaire(lm.FOLLOW_UP_SURVEY)
        assert follow_up["url"].endswith("/questionnaire/follow_up")
        own = attrs.evolve(lm.YIELD_SURVEY, id="min survey/2027")
        assert lm.fhir_questionnaire(own)["url"].endswith("/min%20survey%2F2027")


class TestQuestionnaireResponse:
    """Anonymous responses: the meeting and the answers, never who answered."""

    def _data(self) -> tuple[lm.Meeting, tuple[lm.Invitation, ...]]:
        meeting = SAMPLE.meetings[0]
        invitations = lm.invite(lm.YIELD_SURVEY, [meeting])
        assert len(invitations) >= 2
        return meeting, invitations

    def test_answers_in_the_survey_order(self) -> None:
        meeting, invitations = self._data()
        response = lm.Response(
            invitation=invitations[0].id,
            answers=[
                lm.Answer(item="take_away", text="Ring til hjemmeplejen"),
                lm.Answer(item="relevant", score=5),
                lm.Answer(item="unknown_item", score=1),
            ],
        )
        found = _one(
            lm.fhir_questionnaire_responses(
                lm.YIELD_SURVEY, invitations, [response], lang="en"
            )
        )
        assert found["questionnaire"] == f"{identifier_system('questionnaire')}/yield"
        assert found["status"] == "completed"
        assert found["subject"] == reference("Appointment", meeting.id)
        assert found["authored"] == meeting.end.isoformat()
        assert [i["linkId"] for i in found["item"]] == ["relevant", "take_away"]
        assert found["item"][1]["answer"] == [{"valueString": "Ring til hjemmeplejen"}]

    def test_authored_from_the_meeting_when_not_sent(self) -> None:
        meeting, invitations = self._data()
        unsent = [attrs.evolve(i, send_at=None) for i in invitations]
        response = lm.Response(
            invitation=unsent[0].id, answers=[lm.Answer(item="relevant", score=3)]
        )
        alone = lm.fhir_questionnaire_responses(lm.YIELD_SURVEY, unsent, [response])
        assert "authored" not in _one(alone)
        with_meeting = lm.fhir_questionnaire_responses(
            lm.YIELD_SURVEY, unsent, [response], [meeting]
        )
        assert _one(with_meeting)["authored"] == meeting.end.isoformat()

    def test_who_answered_what_cannot_be_told(self) -> None:
        """Swapping who gave which answers gives the same resources."""
        _, invitations = self._data()
        first, second = invitations[0].id, invitations[1].id
        high = [lm.Answer(item="relevant", score=5)]
        low = [lm.Answer(item="relevant", score=1)]
        one_way = lm.fhir_questionnaire_responses(
            lm.YIELD_SURVEY,
            invitations,
            [
                lm.Response(invitation=first, answers=high),
                lm.Response(invitation=second, answers=low),
            ],
        )
        other_way = lm.fhir_questionnaire_responses(
            lm.YIELD_SURVEY,
            invitations,
            [
                lm.Response(invitation=second, answers=low),
                lm.Response(invitation=first, answers=high),
            ],
        )
        swapped = lm.fhir_questionnaire_responses(
            lm.YIELD_SURVEY,
            invitations,
            [
                lm.Response(invitation=first, answers=low),
                lm.Response(invitation=second, answers=high),
            ],
        )
        assert one_way == other_way == swapped
        assert len({r["id"] for r in one_way}) == 2

    def test_responses_of_another_survey_are_left_out(self) -> None:
        meeting, invitations = self._data()
        other = lm.invite(lm.FOLLOW_UP_SURVEY, [meeting])
        response = lm.Response(
            invitation=other[0].id, answers=[lm.Answer(item="practice", score=3)]
        )
        assert (
            lm.fhir_questionnaire_responses(
                lm.YIELD_SURVEY, [*invitations, *other], [response]
            )
            == []
        )

    def test_language_is_the_one_asked_for(self) -> None:
        for lang in lm.LANGUAGES:
            for resource in _everything(lang):
                assert resource["language"] == lang

    def test_a_response_that_answers_nothing_known_has_no_items(self) -> None:
        _, invitations = self._data()
        response = lm.Response(
            invitation=invitations[0].id, answers=[lm.Answer(item="gone", score=2)]
        )
        found = _one(
            lm.fhir_questionnaire_responses(lm.YIELD_SURVEY, invitations, [response])
        )
        assert "item" not in found
