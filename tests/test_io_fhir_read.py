"""Reading FHIR R5 back: the same meetings for everything that maps; validation.

What the mapping loses (docs/reference/fhir.md) is set to what the reader
gives back by :func:`mapped` before comparing, so every other field of every
meeting must come back equal.
"""

from __future__ import annotations

import copy
import importlib
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import learnmeet as lm
from examples import CASE, valid_meetings
from learnmeet import strategies as lst
from test_io_fhir import PLAN, SAMPLE, appointment, full_meeting


def mapped(meeting: lm.Meeting) -> lm.Meeting:
    """*meeting* as FHIR R5 keeps it: what the mapping loses set as read back.

    The reflection is not mapped; an information-only citizen is the
    Appointment's subject, read back as the last attendee without an answer
    or attendance.
    """
    present = [
        a
        for a in meeting.attendees
        if not (
            isinstance(a.person, lm.Citizen)
            and a.participation is lm.Participation.INFORMATION_ONLY
        )
    ]
    absent = [
        attrs.evolve(a, rsvp=lm.Rsvp.NEEDS_ACTION, attended=lm.Attendance.UNKNOWN)
        for a in meeting.attendees
        if a not in present
    ]
    return attrs.evolve(meeting, reflection=None, attendees=[*present, *absent])


def scenario_of(*meetings: lm.Meeting) -> lm.Scenario:
    """A scenario holding the meetings' professionals, cases and areas."""
    people = {p.id: p for m in meetings for p in m.professionals}
    cases = {m.case.id: m.case for m in meetings if m.case is not None}
    areas = {m.cohort.area.code: m.cohort.area for m in meetings if m.cohort}
    return lm.Scenario(
        name="t",
        professionals=people.values(),
        cases=cases.values(),
        areas=areas.values(),
    )


def round_trip(meetings: list[lm.Meeting], scenario: lm.Scenario) -> None:
    bundle = lm.meetings_to_fhir(meetings, scenario)
    back = lm.meetings_from_fhir(bundle, scenario)
    assert list(back) == [mapped(m) for m in meetings]


class TestRoundTrip:
    """Reading an Appointment bundle back gives the same meetings."""

    def test_demo_plan(self) -> None:
        round_trip(list(PLAN.meetings), PLAN.scenario)

    def test_sample_scenario(self) -> None:
        back = lm.meetings_from_fhir(lm.scenario_to_fhir(SAMPLE), SAMPLE)
        assert list(back) == [mapped(m) for m in SAMPLE.meetings]

    def test_every_valid_meeting(self) -> None:
        meetings = list(valid_meetings().values())
        round_trip(meetings, scenario_of(*meetings))

    def test_every_mapped_element(self) -> None:
        meeting = full_meeting()
        back = lm.meetings_from_fhir(
            lm.meetings_to_fhir([meeting], lang="en"), scenario_of(meeting)
        )
        assert back == (mapped(meeting),)
        (found,) = back
        assert found.cancellation == meeting.cancellation
        assert found.cohort == meeting.cohort
        assert found.location == meeting.location
        assert found.attendees[-1].person == lm.Citizen("B-101")

    def test_time_keeps_its_instant_and_offset(self) -> None:
        meeting = full_meeting()
        (found,) = lm.meetings_from_fhir(
            lm.meetings_to_fhir([meeting]), scenario_of(meeting)
        )
        assert found.start == meeting.start
        assert found.start.utcoffset() == meeting.start.utcoffset()
        assert found.duration == meeting.duration

    def test_the_language_does_not_matter(self) -> None:
        meeting = full_meeting()
        scenario = scenario_of(meeting)
        da = lm.meetings_from_fhir(lm.meetings_to_fhir([meeting], lang="da"), scenario)
        en = lm.meetings_from_fhir(lm.meetings_to_fhir([meeting], lang="en"), scenario)
        assert da == en

    def test_own_identifier_base(self) -> None:
        meeting = full_meeting()
        base = "https://kommune.example/fhir"
        bundle = lm.meetings_to_fhir([meeting], base=base)
        scenario = scenario_of(meeting)
        assert lm.meetings_from_fhir(bundle, scenario, base=base) == (mapped(meeting),)
        with pytest.raises(lm.InvalidDataError):
            lm.meetings_from_fhir(bundle, scenario)

    @settings(max_examples=30)
    @given(lst.meetings())
    def test_generated_meetings(self, meeting: lm.Meeting) -> None:
        round_trip([meeting], scenario_of(meeting))

    @settings(max_examples=10)
    @given(lst.scenarios())
    def test_generated_scenarios(self, scenario: lm.Scenario) -> None:
        back = lm.meetings_from_fhir(lm.scenario_to_fhir(scenario), scenario)
        assert list(back) == [mapped(m) for m in scenario.meetings]


def refused(bundle: dict[str, Any], scenario: lm.Scenario) -> list[str]:
    with pytest.raises(lm.InvalidDataError) as caught:
        lm.meetings_from_fhir(bundle, scenario)
    for problem in caught.value.problems:
        assert problem.reason.da
        assert problem.reason.en
        assert problem.fix.da
        assert problem.fix.en
    return [p.json_path for p in caught.value.problems]


class TestBadInput:
    """Bad input: every problem with its JSON path, nothing half-read."""

    def bundle(self) -> tuple[dict[str, Any], lm.Scenario, int]:
        meeting = full_meeting()
        bundle = lm.meetings_to_fhir([meeting])
        index = next(
            n
            for n, e in enumerate(bundle["entry"])
            if e["resource"]["resourceType"] == "Appointment"
        )
        return copy.deepcopy(bundle), scenario_of(meeting), index

    def test_not_a_bundle(self) -> None:
        assert refused({"resourceType": "Patient"}, SAMPLE) == ["$.resourceType"]

    def test_entries_not_a_list(self) -> None:
        assert refused({"resourceType": "Bundle", "entry": {}}, SAMPLE) == ["$.entry"]

    def test_bad_entries(self) -> None:
        bundle = {"resourceType": "Bundle", "entry": [3, {}, {"resource": {}}]}
        assert refused(bundle, SAMPLE) == [
            "$.entry[0]",
            "$.entry[1].resource",
            "$.entry[2].resource.resourceType",
        ]

    def test_unknown_professional_with_its_path(self) -> None:
        bundle, _, n = self.bundle()
        scenario = attrs.evolve(scenario_of(full_meeting()), professionals=[])
        paths = refused(bundle, scenario)
        assert paths[0] == f"$.entry[{n}].resource.participant[0].actor"

    def test_several_problems_at_once(self) -> None:
        bundle, scenario, n = self.bundle()
        resource = bundle["entry"][n]["resource"]
        resource["status"] = "waitlist"
        second = copy.deepcopy(resource)
        second["identifier"] = []
        bundle["entry"].append({"resource": second})
        paths = refused(bundle, scenario)
        assert paths == [
            f"$.entry[{n}].resource.status",
            f"$.entry[{len(bundle['entry']) - 1}].resource.identifier",
        ]

    @pytest.mark.parametrize(
        ("change", "where"),
        [
            (lambda r: r.update(start="tomorrow"), "start"),
            (lambda r: r.update(end="2027-03-01T14:30:00"), "end"),
            (lambda r: r.pop("start"), "start"),
            (lambda r: r.update(start=3), "start"),
            (lambda r: r.update(serviceType=[{"concept": {}}]), "serviceType"),
            (lambda r: r.update(serviceType=["x"]), "serviceType"),
            (
                lambda r: r["participant"][0]["type"][0]["coding"].pop(),
                "participant[0].type",
            ),
            (lambda r: r["participant"][0].update(status="maybe"), "participant[0]"),
            (lambda r: r["participant"][0].update(required="yes"), "participant[0]"),
            (lambda r: r["participant"][0].update(actor=3), "participant[0].actor"),
            (lambda r: r["participant"].__setitem__(0, 3), "participant[0]"),
            (lambda r: r["participant"].pop(), "participant"),
            (
                lambda r: r["participant"][-1]["actor"].update(reference="Location/x"),
                "participant[5].actor",
            ),
            (
                lambda r: r["participant"][0]["extension"][0].update(valueCode="x"),
                "participant[0].extension",
            ),
            (lambda r: r["subject"]["identifier"].update(value="B-999"), "subject"),
            (lambda r: r.update(subject=3), "subject"),
            (
                lambda r: r["supportingInformation"][0]["identifier"].update(
                    value="c-x"
                ),
                "supportingInformation[0]",
            ),
            (
                lambda r: r["extension"][2]["valueCoding"].update(code="x"),
                "extension",
            ),
            (
                lambda r: r["cancellationReason"]["coding"].pop(),
                "cancellationReason",
            ),
            (
                lambda r: r["identifier"][0].update(value=3),
                "identifier[0].value",
            ),
            (
                lambda r: r.update(originatingAppointment={"reference": "x"}),
                "originatingAppointment",
            ),
            (lambda r: r.update(supportingInformation={}), "supportingInformation"),
            (lambda r: r.update(extension="x"), "extension"),
            (lambda r: r.update(description=["x"]), "description"),
            (lambda r: r.update(note=["x"]), "note[0]"),
            (lambda r: r.update(note=[{"text": 3}]), "note[0].text"),
            (lambda r: r["participant"][0].update(type={}), "participant[0].type"),
            (
                lambda r: r["participant"][0].update(extension=3),
                "participant[0].extension",
            ),
        ],
    )
    def test_element_refused_at_its_path(self, change: Any, where: str) -> None:
        bundle, scenario, n = self.bundle()
        change(bundle["entry"][n]["resource"])
        paths = refused(bundle, scenario)
        assert paths[0].startswith(f"$.entry[{n}].resource.{where}"), paths

    def test_text_the_model_refuses(self) -> None:
        bundle, scenario, n = self.bundle()
        bundle["entry"][n]["resource"]["note"] = [{"text": "cpr 010203-1234"}]
        assert refused(bundle, scenario) == [f"$.entry[{n}].resource"]

    def test_location_description_not_text(self) -> None:
        bundle, scenario, _ = self.bundle()
        for entry in bundle["entry"]:
            if entry["resource"]["resourceType"] == "Location":
                entry["resource"]["description"] = 3
        assert refused(bundle, scenario)[0].endswith("actor.description")

    def test_relative_without_case(self) -> None:
        bundle, scenario, n = self.bundle()
        resource = bundle["entry"][n]["resource"]
        resource.pop("supportingInformation")
        resource.pop("subject")
        assert refused(bundle, scenario)[0] == (
            f"$.entry[{n}].resource.participant[4].actor"
        )

    def test_citizen_participant_of_another_case(self) -> None:
        meeting = valid_meetings()["home_meeting"]
        bundle = lm.meetings_to_fhir([meeting])
        found = appointment(bundle, meeting.id)
        actor = next(
            p["actor"]
            for p in found["participant"]
            if p["actor"].get("type") == "Patient"
        )
        actor["identifier"]["value"] = "B-999"
        paths = refused(bundle, scenario_of(meeting))
        assert paths[0].endswith(".actor")

    def test_a_value_the_model_refuses(self) -> None:
        bundle, scenario, n = self.bundle()
        resource = bundle["entry"][n]["resource"]
        resource["status"] = "booked"  # cancelled in learnmeet only with a reason
        assert refused(bundle, scenario) == [f"$.entry[{n}].resource"]

    def test_refused_value_is_not_repeated_in_full(self) -> None:
        bundle, scenario, n = self.bundle()
        long = "x" * 300
        bundle["entry"][n]["resource"]["status"] = long
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.meetings_from_fhir(bundle, scenario)
        assert long not in caught.value.message("da")
        assert long not in caught.value.message("en")

    def test_unknown_format(self) -> None:
        bundle, scenario, n = self.bundle()
        concept = bundle["entry"][n]["resource"]["serviceType"][0]["concept"]
        concept["coding"][0]["code"] = "yoga"
        assert refused(bundle, scenario) == [f"$.entry[{n}].resource.serviceType"]

    def test_foreign_appointment(self) -> None:
        bundle, scenario, n = self.bundle()
        bundle["entry"][n]["resource"]["identifier"] = [
            {"system": "urn:other", "value": "a"}
        ]
        assert refused(bundle, scenario) == [f"$.entry[{n}].resource.identifier"]

    def test_missing_location_resource(self) -> None:
        bundle, scenario, _ = self.bundle()
        bundle["entry"] = [
            e for e in bundle["entry"] if e["resource"]["resourceType"] != "Location"
        ]
        assert refused(bundle, scenario)[0].endswith("actor")

    def test_location_the_model_refuses(self) -> None:
        bundle, scenario, _ = self.bundle()
        for entry in bundle["entry"]:
            if entry["resource"]["resourceType"] == "Location":
                entry["resource"]["type"][0]["coding"][0]["code"] = "online"
        assert refused(bundle, scenario)[0].endswith("actor")

    def test_attendee_the_model_refuses(self) -> None:
        bundle, scenario, n = self.bundle()
        participant = bundle["entry"][n]["resource"]["participant"][0]
        participant["type"][0]["coding"][1]["code"] = "citizen"
        assert refused(bundle, scenario) == [f"$.entry[{n}].resource.participant[0]"]


class TestValidate:
    """validate_fhir: the R5 models' refusals in learnmeet's words."""

    @pytest.fixture(autouse=True)
    def _models(self, request: pytest.FixtureRequest) -> None:
        """The R5 models, from the fhir extra (the wheel's run has none)."""
        if request.node.name != "test_without_the_extra":
            pytest.importorskip("fhir.resources", reason="learnmeet[fhir]")

    def test_counts(self) -> None:
        counts = lm.validate_fhir(lm.meetings_to_fhir([full_meeting()]))
        assert counts == {
            "Appointment": 1,
            "AppointmentResponse": 3,
            "Location": 1,
            "Organization": 3,
            "Practitioner": 4,
            "PractitionerRole": 4,
        }

    def test_refusals_with_paths(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()])
        n = next(
            n
            for n, e in enumerate(bundle["entry"])
            if e["resource"]["resourceType"] == "Appointment"
        )
        found = bundle["entry"][n]["resource"]
        found["participant"][0]["required"] = "information-only"  # R4's code
        found["colour"] = "blue"
        bundle["entry"].append({"resource": {"resourceType": "Nonsense"}})
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_fhir(bundle)
        paths = {p.json_path: p.reason.en for p in caught.value.problems}
        assert "no element" in paths[f"$.entry[{n}].resource.colour"]
        assert (
            "refuses the value"
            in paths[f"$.entry[{n}].resource.participant[0].required"]
        )
        assert f"$.entry[{len(bundle['entry']) - 1}].resource.resourceType" in paths
        assert "information-only" not in caught.value.message("en")

    def test_a_reference_to_a_resource_the_bundle_lacks(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()])
        kept = [
            e for e in bundle["entry"] if e["resource"]["resourceType"] != "Location"
        ]
        bundle["entry"] = kept
        n = next(
            n
            for n, e in enumerate(kept)
            if e["resource"]["resourceType"] == "Appointment"
        )
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_fhir(bundle)
        (problem,) = caught.value.problems
        assert problem.json_path.startswith(f"$.entry[{n}].resource.participant[")
        assert problem.json_path.endswith(".actor.reference")
        assert "does not hold" in problem.reason.en
        assert "bundtet ikke har" in problem.reason.da

    def test_logical_references_need_no_resource(self) -> None:
        bundle = lm.scenario_to_fhir(SAMPLE)
        assert lm.validate_fhir(bundle)["EpisodeOfCare"] == len(SAMPLE.cases)

    def test_bad_bundle(self) -> None:
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_fhir({"resourceType": "Bundle", "entry": 3})
        assert [p.json_path for p in caught.value.problems] == ["$.entry"]

    def test_missing_element(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()])
        bundle["entry"][0]["resource"].pop("resourceType")
        bundle["entry"][-1]["resource"].pop("participantStatus")
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_fhir(bundle)
        last = len(bundle["entry"]) - 1
        assert [(p.json_path, p.reason.en) for p in caught.value.problems] == [
            ("$.entry[0].resource.resourceType", "no FHIR R5 resource is called None"),
            (
                f"$.entry[{last}].resource.participantStatus",
                "FHIR R5 requires the element, and it is missing",
            ),
        ]

    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = importlib.import_module

        def missing(name: str, package: str | None = None) -> Any:
            if name.startswith("fhir"):
                raise ImportError(name)
            return real(name, package)

        monkeypatch.setattr(importlib, "import_module", missing)
        with pytest.raises(lm.LearnmeetError) as caught:
            lm.validate_fhir(lm.meetings_to_fhir([full_meeting()]))
        assert "pip install 'learnmeet[fhir]'" in caught.value.message("en")
        assert "pip install 'learnmeet[fhir]'" in caught.value.message("da")


def test_case_is_looked_up_not_rebuilt() -> None:
    meeting = full_meeting()
    (found,) = lm.meetings_from_fhir(
        lm.meetings_to_fhir([meeting]), scenario_of(meeting)
    )
    assert found.case is not None
    assert found.case == CASE
