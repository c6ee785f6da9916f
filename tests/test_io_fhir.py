"""FHIR R5 export: Bundles of Appointments and the resources they reference.

Every resource written is validated with fhir.resources' R5 models; the
participation of R5 (``required`` a boolean, the citizen discussed but not
present as ``subject``), the forum's recurrence as ``recurrenceTemplate`` and
the privacy of the export (pseudonyms and ids only) are tested here; reading
back is tests/test_io_fhir_read.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import (
    CASE,
    CITIZEN,
    CPH,
    HOME_CARE_N,
    NORTH_COHORT,
    NURSE_N,
    PT_N,
    RELATIVE,
    SSA_N,
    valid_meetings,
)
from learnmeet import strategies as lst
from learnmeet.cli._demo import QUARTER, SETTINGS
from learnmeet.data import load_sample
from learnmeet.io._fhir import _bundle, _recurrence_template
from learnmeet.io._fhir_ids import code_system
from learnmeet.model._rrule import read_rule

DIGEST_ID = re.compile(r"(\w+/)?x-[0-9a-f]{40}")
SAMPLE = load_sample()
PLAN = lm.plan_period(SAMPLE, start=QUARTER[0], end=QUARTER[1], settings=SETTINGS)
VOLUNTEER = lm.Professional(
    id="v-1",
    unit=HOME_CARE_N,
    participant_type=lm.ParticipantType.VOLUNTEER,
    display_name="Frivillig 1",
)


def full_meeting() -> lm.Meeting:
    """A meeting using every element the mapping has: the test's yardstick."""
    return lm.Meeting(
        id="m-full",
        format=lm.DEFAULT_CATALOG.format("course_day"),
        start=datetime(2027, 3, 1, 13, 0, tzinfo=CPH),
        duration=timedelta(minutes=90),
        location=lm.Location(
            lm.LocationKind.ON_SITE,
            "Indgang B, 2. sal",
            place="sundhedshuset",
            room="lokale-2",
        ),
        attendees=[
            lm.Attendee(
                person=NURSE_N,
                role=lm.AttendeeRole.FACILITATOR,
                rsvp=lm.Rsvp.ACCEPTED,
                attended=lm.Attendance.YES,
            ),
            lm.Attendee(
                person=SSA_N,
                role=lm.AttendeeRole.CASE_PRESENTER,
                participation=lm.Participation.OPTIONAL,
                rsvp=lm.Rsvp.DECLINED,
                attended=lm.Attendance.NO,
            ),
            lm.Attendee(
                person=PT_N,
                role=lm.AttendeeRole.HOST,
                participation=lm.Participation.INFORMATION_ONLY,
                rsvp=lm.Rsvp.TENTATIVE,
            ),
            lm.Attendee(person=VOLUNTEER, role=lm.AttendeeRole.OBSERVER),
            lm.Attendee(
                person=RELATIVE,
                role=lm.AttendeeRole.RELATIVE,
                participation=lm.Participation.OPTIONAL,
            ),
            lm.Attendee(
                person=CITIZEN,
                role=lm.AttendeeRole.CITIZEN,
                participation=lm.Participation.INFORMATION_ONLY,
            ),
        ],
        case=CASE,
        status=lm.MeetingStatus.CANCELLED,
        cancellation=lm.Cancellation(lm.CancellationReason.CITIZEN_DECEASED, "Aflyst"),
        cohort=NORTH_COHORT,
        title="Palliation, dag 2",
    )


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind
    ]


def appointment(bundle: dict[str, Any], meeting_id: str) -> dict[str, Any]:
    return next(
        r
        for r in resources(bundle, "Appointment")
        if r["identifier"][0]["value"] == meeting_id
    )


def strings(value: object) -> Iterator[str]:
    """Every string in a JSON value, keys and values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def validated(bundle: dict[str, Any]) -> dict[str, int]:
    """Validate with fhir.resources directly, and with validate_fhir.

    Skips the test where the fhir extra is not installed (the wheel's run).
    """
    models = pytest.importorskip("fhir.resources.bundle", reason="learnmeet[fhir]")
    models.Bundle.model_validate(bundle)
    counts = lm.validate_fhir(bundle)
    assert sum(counts.values()) == len(bundle["entry"])
    return counts


class TestBundle:
    """A collection Bundle holds each resource once, with a fullUrl."""

    def test_one_meeting_bundle_has_what_its_appointment_references(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()], lang="en")
        assert bundle["resourceType"] == "Bundle"
        assert bundle["type"] == "collection"
        urls = {e["fullUrl"] for e in bundle["entry"]}
        assert len(urls) == len(bundle["entry"])
        for ref in _references(bundle):
            assert ref in urls, ref

    def test_each_resource_once(self) -> None:
        meeting = full_meeting()
        twice = lm.meetings_to_fhir([meeting, attrs.evolve(meeting, id="m-2")])
        kinds = Counter(e["resource"]["resourceType"] for e in twice["entry"])
        assert kinds["Appointment"] == 2
        assert kinds["Practitioner"] == 4
        assert kinds["Location"] == 1

    def test_two_resources_of_one_id_are_refused(self) -> None:
        one = {"resourceType": "Location", "id": "a", "name": "x"}
        with pytest.raises(lm.LearnmeetError) as caught:
            _bundle([one, {**one, "name": "y"}])
        assert "Location" in caught.value.message("en")

    def test_plan_bundle_is_its_meetings(self) -> None:
        bundle = lm.plan_to_fhir(PLAN)
        assert bundle == lm.meetings_to_fhir(PLAN.meetings, PLAN.scenario)
        meetings = [
            r
            for r in resources(bundle, "Appointment")
            if r["identifier"][0]["system"].endswith("/meeting")
        ]
        assert len(meetings) == len(PLAN.meetings)

    def test_scenario_bundle_has_every_organisation_and_professional(self) -> None:
        bundle = lm.scenario_to_fhir(SAMPLE)
        kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
        assert kinds["Practitioner"] == len(SAMPLE.professionals)
        assert kinds["PractitionerRole"] == len(SAMPLE.professionals)
        assert kinds["Organization"] == len(SAMPLE.organisations) + len(SAMPLE.units)
        assert kinds["Appointment"] == len(SAMPLE.meetings) + len(SAMPLE.forums)

    def test_scenario_bundle_has_every_case(self) -> None:
        bundle = lm.scenario_to_fhir(SAMPLE, lang="en")
        kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
        care = Counter(
            r["resourceType"] for r in lm.fhir_care_resources(SAMPLE, lang="en")
        )
        assert kinds["EpisodeOfCare"] == len(SAMPLE.cases)
        for kind, count in care.items():
            assert kinds[kind] == count

    def test_files_are_the_scenario_bundle_and_the_questionnaires(self) -> None:
        files = lm.fhir_files(SAMPLE, lang="en")
        assert list(files) == ["bundle.json", "questionnaires.json"]
        assert all(text.endswith("}\n") for text in files.values())
        assert json.loads(files["bundle.json"]) == lm.scenario_to_fhir(
            SAMPLE, lang="en"
        )
        questionnaires = json.loads(files["questionnaires.json"])["entry"]
        assert [e["resource"]["resourceType"] for e in questionnaires] == [
            "Questionnaire",
            "Questionnaire",
        ]
        assert {e["resource"]["title"] for e in questionnaires} == {
            lm.YIELD_SURVEY.title.en,
            lm.FOLLOW_UP_SURVEY.title.en,
        }

    def test_deterministic(self) -> None:
        assert lm.fhir_files(SAMPLE) == lm.fhir_files(SAMPLE)


def _references(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("reference"), str):
            yield value["reference"]
        for item in value.values():
            yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


class TestValidation:
    """Every resource written validates with the R5 models of fhir.resources."""

    def test_demo_plan(self) -> None:
        counts = validated(lm.plan_to_fhir(PLAN, lang="en"))
        assert counts["Appointment"] == len(PLAN.meetings) + len(SAMPLE.forums)

    def test_sample_scenario(self) -> None:
        validated(lm.scenario_to_fhir(SAMPLE))

    def test_every_valid_meeting_and_the_full_one(self) -> None:
        meetings = [*valid_meetings().values(), full_meeting()]
        counts = validated(lm.meetings_to_fhir(meetings))
        assert counts["AppointmentResponse"] > 0

    @settings(max_examples=25)
    @given(lst.meetings())
    def test_generated_meetings(self, meeting: lm.Meeting) -> None:
        validated(lm.meetings_to_fhir([meeting]))

    @settings(max_examples=10)
    @given(lst.scenarios())
    def test_generated_scenarios(self, scenario: lm.Scenario) -> None:
        validated(lm.scenario_to_fhir(scenario, lang="en"))


class TestAppointment:
    """The meeting as an R5 Appointment."""

    def test_times_and_service(self) -> None:
        found = appointment(lm.meetings_to_fhir([full_meeting()], lang="en"), "m-full")
        assert found["start"] == "2027-03-01T13:00:00+01:00"
        assert found["end"] == "2027-03-01T14:30:00+01:00"
        assert found["minutesDuration"] == 90
        concept = found["serviceType"][0]["concept"]
        assert concept["text"] == "interdisciplinary course day"
        assert concept["coding"][0]["code"] == "course_day"
        assert found["description"] == "Palliation, dag 2"

    @pytest.mark.parametrize(
        ("status", "code"),
        [
            (lm.MeetingStatus.PLANNED, "booked"),
            (lm.MeetingStatus.TENTATIVE, "proposed"),
            (lm.MeetingStatus.HELD, "fulfilled"),
        ],
    )
    def test_status(self, status: lm.MeetingStatus, code: str) -> None:
        meeting = attrs.evolve(full_meeting(), status=status, cancellation=None)
        found = appointment(lm.meetings_to_fhir([meeting]), "m-full")
        assert found["status"] == code
        assert "cancellationReason" not in found

    def test_cancellation_with_hl7_code_and_note(self) -> None:
        found = appointment(lm.meetings_to_fhir([full_meeting()]), "m-full")
        assert found["status"] == "cancelled"
        codes = [c["code"] for c in found["cancellationReason"]["coding"]]
        assert codes == ["pat-dec", "citizen_deceased"]
        assert found["cancellationReason"]["text"] == "borgeren er død"
        assert found["note"] == [{"text": "Aflyst"}]

    def test_cancellation_without_hl7_code(self) -> None:
        meeting = attrs.evolve(
            full_meeting(),
            cancellation=lm.Cancellation(lm.CancellationReason.LOW_ENROLMENT),
        )
        found = appointment(lm.meetings_to_fhir([meeting], lang="en"), "m-full")
        reason = found["cancellationReason"]
        assert [c["code"] for c in reason["coding"]] == ["low_enrolment"]
        assert reason["text"] == "low enrolment"
        assert "note" not in found

    def test_participants_in_r5(self) -> None:
        """required is a boolean; information-only has no R5 participant form."""
        found = appointment(lm.meetings_to_fhir([full_meeting()]), "m-full")
        people = found["participant"][:-1]
        assert [p["required"] for p in people] == [True, False, False, True, False]
        assert [p["status"] for p in people] == [
            "accepted",
            "declined",
            "tentative",
            "needs-action",
            "needs-action",
        ]
        first = people[0]["type"][0]["coding"]
        assert first[0] == {
            "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
            "code": "PPRF",
        }
        assert first[1]["code"] == "facilitator"
        # the information-only host is marked so, and read back so
        marks = [c["coding"][0]["code"] for c in people[2]["type"]]
        assert marks == ["host", "information-only"]
        assert people[0]["extension"][0]["valueCode"] == "yes"
        assert people[1]["extension"][0]["valueCode"] == "no"
        assert "extension" not in people[3]

    def test_absent_citizen_is_the_subject_not_a_participant(self) -> None:
        found = appointment(lm.meetings_to_fhir([full_meeting()]), "m-full")
        assert found["subject"] == lm_citizen("B-101")
        actors = [p["actor"] for p in found["participant"]]
        assert all(a.get("type") != "Patient" for a in actors)

    def test_a_case_discussed_without_its_citizen_has_the_citizen_as_subject(
        self,
    ) -> None:
        """R5: the citizen discussed but absent is the subject, listed or not."""
        listed = full_meeting()
        unlisted = attrs.evolve(
            listed,
            id="m-unlisted",
            attendees=[
                a for a in listed.attendees if not isinstance(a.person, lm.Citizen)
            ],
        )
        bundle = lm.meetings_to_fhir([listed, unlisted])
        for meeting in (listed, unlisted):
            found = appointment(bundle, meeting.id)
            assert found["subject"] == lm_citizen("B-101")
        marks = [
            e["url"] for e in appointment(bundle, "m-unlisted").get("extension", [])
        ]
        assert not [m for m in marks if m.endswith("information-only")]
        scenario = lm.Scenario(
            name="t",
            professionals=list(listed.professionals),
            cases=[CASE],
            areas=[NORTH_COHORT.area],
        )
        back = lm.meetings_from_fhir(bundle, scenario)
        citizens = [
            [a for a in m.attendees if isinstance(a.person, lm.Citizen)] for m in back
        ]
        assert [len(c) for c in citizens] == [1, 0]
        assert citizens[0][0].participation is lm.Participation.INFORMATION_ONLY

    def test_the_sample_s_meetings_about_a_case_name_the_citizen(self) -> None:
        bundle = lm.scenario_to_fhir(SAMPLE)
        for meeting in SAMPLE.meetings:
            found = appointment(bundle, meeting.id)
            present = any(
                isinstance(a.person, lm.Citizen) and a.takes_part
                for a in meeting.attendees
            )
            if meeting.case is None or present:
                assert "subject" not in found
            else:
                assert found["subject"] == lm_citizen(meeting.case.citizen.pseudonym)

    def test_present_citizen_is_a_participant_and_no_subject(self) -> None:
        meeting = valid_meetings()["home_meeting"]
        found = appointment(lm.meetings_to_fhir([meeting]), meeting.id)
        assert "subject" not in found
        actors = [p["actor"] for p in found["participant"]]
        assert lm_citizen("B-101") in actors
        relative = next(a for a in actors if a.get("type") == "RelatedPerson")
        assert relative["identifier"]["value"] == "B-101-R1"

    def test_case_and_cohort(self) -> None:
        found = appointment(lm.meetings_to_fhir([full_meeting()]), "m-full")
        assert found["supportingInformation"][0]["type"] == "EpisodeOfCare"
        assert found["supportingInformation"][0]["identifier"]["value"] == CASE.id
        urls = [e["url"].rsplit("/", 1)[1] for e in found["extension"]]
        assert urls == [
            "citizen-listed-information-only",
            "cohort",
            "cohort-area",
        ]

    def test_location_participant_and_resource(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()], lang="en")
        found = appointment(bundle, "m-full")
        place = found["participant"][-1]
        assert place["actor"]["reference"].startswith("Location/")
        (location,) = resources(bundle, "Location")
        assert location["description"] == "Indgang B, 2. sal"
        assert location["name"] == "sundhedshuset, lokale-2"
        assert location["form"]["coding"][0]["code"] == "si"
        assert {i["value"] for i in location["identifier"]} >= {
            "sundhedshuset",
            "lokale-2",
        }

    @pytest.mark.parametrize(
        ("kind", "form"),
        [(lm.LocationKind.CITIZEN_HOME, "ho"), (lm.LocationKind.ONLINE, "vi")],
    )
    def test_location_kinds(self, kind: lm.LocationKind, form: str) -> None:
        meeting = attrs.evolve(full_meeting(), location=lm.Location(kind))
        (location,) = resources(lm.meetings_to_fhir([meeting]), "Location")
        assert location["form"]["coding"][0]["code"] == form
        assert location["mode"] == "kind"
        assert "description" not in location

    def test_responses_for_answers_given(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()])
        answers = resources(bundle, "AppointmentResponse")
        assert [a["participantStatus"] for a in answers] == [
            "accepted",
            "declined",
            "tentative",
        ]
        assert all(
            a["appointment"] == {"reference": "Appointment/m-full"} for a in answers
        )


def lm_citizen(pseudonym: str) -> dict[str, Any]:
    return {
        "type": "Patient",
        "identifier": {
            "system": "https://learnmeet.invalid/fhir/id/citizen",
            "value": pseudonym,
        },
    }


class TestPeople:
    """Practitioner, PractitionerRole and Organization, by learnmeet id."""

    def test_practitioner_carries_only_the_display_name(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()])
        by_id = {r["id"]: r for r in resources(bundle, "Practitioner")}
        assert by_id["v-1"]["name"] == [{"text": "Frivillig 1"}]
        assert "name" not in by_id[NURSE_N.id]
        assert set(by_id[NURSE_N.id]) == {
            "resourceType",
            "id",
            "identifier",
            "active",
        }

    def test_no_email(self) -> None:
        mailed = attrs.evolve(NURSE_N, email="nurse@kommune.example")
        meeting = attrs.evolve(
            full_meeting(),
            attendees=[lm.Attendee(person=mailed, role=lm.AttendeeRole.FACILITATOR)],
            status=lm.MeetingStatus.PLANNED,
            cancellation=None,
        )
        assert "kommune.example" not in json.dumps(lm.meetings_to_fhir([meeting]))

    def test_role_has_profession_staff_roles_and_unit(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()], lang="en")
        by_id = {r["id"]: r for r in resources(bundle, "PractitionerRole")}
        nurse = by_id[NURSE_N.id]
        assert [c["coding"][0]["code"] for c in nurse["code"]] == [
            "nurse",
            "key_person",
        ]
        assert [c["text"] for c in nurse["code"]] == ["nurse", "key person"]
        assert nurse["practitioner"] == {"reference": "Practitioner/p-01"}
        assert nurse["organization"]["reference"] == "Organization/unit.hj-n"
        volunteer = by_id["v-1"]
        assert volunteer["code"][0]["coding"][0]["code"] == "volunteer"

    def test_units_are_departments_of_their_organisation(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()], lang="en")
        by_id = {r["id"]: r for r in resources(bundle, "Organization")}
        unit = by_id["unit.hj-n"]
        assert unit["type"][0]["coding"][0]["code"] == "dept"
        assert unit["partOf"] == {"reference": "Organization/k"}
        municipality = by_id["k"]
        assert municipality["type"][0]["coding"][0]["code"] == "municipality"
        assert municipality["type"][0]["text"] == "municipality"

    def test_ids_are_the_learnmeet_ids_other_exporters_reference(self) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()])
        urls = {e["fullUrl"] for e in bundle["entry"]}
        assert "Practitioner/p-01" in urls
        assert "PractitionerRole/p-01" in urls
        assert "Organization/k" in urls


class TestRecurrence:
    """A forum's rule as R5's recurrenceTemplate, or lost, never mistranslated."""

    def template(self, rule: str) -> dict[str, Any] | None:
        first = datetime(2027, 1, 5, 9, 0, tzinfo=CPH)
        return _recurrence_template(read_rule(rule, where="t", path=()), first)

    def test_weekly(self) -> None:
        found = self.template("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10")
        assert found is not None
        assert found["recurrenceType"]["coding"][0]["code"] == "wk"
        assert found["weeklyTemplate"] == {
            "tuesday": True,
            "thursday": True,
            "weekInterval": 2,
        }
        assert found["occurrenceCount"] == 10
        assert found["timezone"]["coding"][0]["code"] == "Europe/Copenhagen"

    def test_weekly_on_the_first_day_and_daily_on_weekdays(self) -> None:
        weekly = self.template("FREQ=WEEKLY")
        assert weekly is not None
        assert weekly["weeklyTemplate"] == {"tuesday": True, "weekInterval": 1}
        daily = self.template("FREQ=DAILY;BYDAY=MO,WE")
        assert daily is not None
        assert daily["weeklyTemplate"] == {
            "monday": True,
            "wednesday": True,
            "weekInterval": 1,
        }

    def test_daily(self) -> None:
        found = self.template("FREQ=DAILY;UNTIL=20270110")
        assert found is not None
        assert found["recurrenceType"]["coding"][0]["code"] == "d"
        assert found["lastOccurrenceDate"] == "2027-01-10"

    def test_last_occurrence_is_an_occurrence_before_until(self) -> None:
        found = self.template("FREQ=WEEKLY;UNTIL=20270125T120000Z")
        assert found is not None
        assert found["lastOccurrenceDate"] == "2027-01-19"

    @pytest.mark.parametrize(
        ("rule", "monthly"),
        [
            (
                "FREQ=MONTHLY;BYDAY=1WE",
                {
                    "nthWeekOfMonth": {
                        "system": "http://hl7.org/fhir/week-of-month",
                        "code": "first",
                    },
                    "dayOfWeek": {
                        "system": "http://hl7.org/fhir/days-of-week",
                        "code": "wed",
                    },
                    "monthInterval": 1,
                },
            ),
            (
                "FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=3",
                {
                    "nthWeekOfMonth": {
                        "system": "http://hl7.org/fhir/week-of-month",
                        "code": "last",
                    },
                    "dayOfWeek": {
                        "system": "http://hl7.org/fhir/days-of-week",
                        "code": "fri",
                    },
                    "monthInterval": 3,
                },
            ),
            ("FREQ=MONTHLY;BYMONTHDAY=15", {"dayOfMonth": 15, "monthInterval": 1}),
            ("FREQ=MONTHLY", {"dayOfMonth": 5, "monthInterval": 1}),
        ],
    )
    def test_monthly(self, rule: str, monthly: dict[str, Any]) -> None:
        found = self.template(rule)
        assert found is not None
        assert found["monthlyTemplate"] == monthly

    def test_yearly(self) -> None:
        found = self.template("FREQ=YEARLY;INTERVAL=2")
        assert found is not None
        assert found["yearlyTemplate"] == {"yearInterval": 2}

    @pytest.mark.parametrize(
        "rule",
        [
            "FREQ=DAILY;INTERVAL=2",
            "FREQ=WEEKLY;BYHOUR=9,13",
            "FREQ=MONTHLY;BYDAY=MO",
            "FREQ=MONTHLY;BYDAY=2MO,4MO",
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "FREQ=MONTHLY;BYDAY=5MO",
            "FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=1",
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,SU;WKST=SU",
            "FREQ=DAILY;BYMONTHDAY=1,15",
            "FREQ=YEARLY;BYDAY=1MO",
        ],
    )
    def test_what_the_template_cannot_say_is_lost(self, rule: str) -> None:
        assert self.template(rule) is None

    def test_forum_series_and_its_occurrences(self) -> None:
        bundle = lm.plan_to_fhir(PLAN)
        series = appointment(bundle, "tirsdag-nord")
        assert series["id"] == "forum.tirsdag-nord"
        assert series["recurrenceTemplate"][0]["weeklyTemplate"]["tuesday"]
        assert "FREQ=WEEKLY;BYDAY=TU" in series["note"][0]["text"]
        third = appointment(bundle, "tirsdag-nord-20270119")
        assert third["originatingAppointment"] == {
            "reference": "Appointment/forum.tirsdag-nord"
        }
        assert third["recurrenceId"] == 3
        assert third["occurrenceChanged"] is False

    def test_moved_occurrence_is_changed(self) -> None:
        meeting = next(m for m in PLAN.meetings if m.forum == "tirsdag-nord")
        moved = attrs.evolve(meeting, start=meeting.start + timedelta(hours=1))
        found = appointment(lm.meetings_to_fhir([moved], SAMPLE), meeting.id)
        assert found["occurrenceChanged"] is True
        assert "recurrenceId" not in found
        early = attrs.evolve(meeting, start=meeting.start - timedelta(days=70))
        found = appointment(lm.meetings_to_fhir([early], SAMPLE), meeting.id)
        assert found["occurrenceChanged"] is True

    def test_forum_outside_the_scenario_is_a_logical_reference(self) -> None:
        meeting = next(m for m in PLAN.meetings if m.forum == "tirsdag-nord")
        found = appointment(lm.meetings_to_fhir([meeting]), meeting.id)
        assert found["originatingAppointment"]["identifier"]["value"] == "tirsdag-nord"
        assert "recurrenceId" not in found


class TestLanguage:
    """Displays and texts in the language asked for, never codes or reprs."""

    @pytest.mark.parametrize("lang", ["da", "en"])
    def test_displays_are_labels(self, lang: lm.Lang) -> None:
        bundle = lm.meetings_to_fhir([full_meeting()], lang=lang)
        shown = [
            s
            for key, s in _displays(bundle)
            if key in ("display", "text") and not s.startswith("Gentagelse")
        ]
        assert shown
        for text in shown:
            assert not re.search(r"[a-z]+_[a-z]+", text), text
            assert "<" not in text, text
            assert "LabelledEnum" not in text, text

    def test_danish_and_english_differ(self) -> None:
        da = json.dumps(
            lm.meetings_to_fhir([full_meeting()], lang="da"), ensure_ascii=False
        )
        en = json.dumps(lm.meetings_to_fhir([full_meeting()], lang="en"))
        assert "tværfaglig kursusdag" in da
        assert "interdisciplinary course day" not in da
        assert "interdisciplinary course day" in en

    def test_bad_language_refused(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.meetings_to_fhir([full_meeting()], lang="de")  # type: ignore[arg-type]


def _displays(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, item in value.items():
            yield from _displays(item, k)
    elif isinstance(value, list):
        for item in value:
            yield from _displays(item, key)


class TestPrivacy:
    """Only pseudonyms and ids: no CPR-like value, no citizen or relative name."""

    def exported(self) -> list[dict[str, Any]]:
        return [
            lm.plan_to_fhir(PLAN),
            lm.scenario_to_fhir(SAMPLE, lang="en"),
            lm.meetings_to_fhir([*valid_meetings().values(), full_meeting()]),
        ]

    def test_no_cpr_like_string(self) -> None:
        for bundle in self.exported():
            for text in strings(bundle):
                assert not lm.looks_like_cpr(text), text

    @settings(max_examples=25)
    @given(lst.meetings())
    def test_no_cpr_like_string_in_generated_meetings(
        self, meeting: lm.Meeting
    ) -> None:
        for text in strings(lm.meetings_to_fhir([meeting])):
            # Not data about a person, though the detector may read it so:
            # a digest id (x- and 40 hex digits, io/_fhir_ids.py). An
            # instant ("…T03:01:00+01:00") is read as the time it is.
            if not DIGEST_ID.fullmatch(text):
                assert not lm.looks_like_cpr(text), text

    def test_no_patient_or_related_person_resource(self) -> None:
        for bundle in self.exported():
            kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
            assert not kinds & {"Patient", "RelatedPerson", "Person"}

    def test_names_only_of_organisations_places_and_professionals(self) -> None:
        for bundle in self.exported():
            for entry in bundle["entry"]:
                resource = entry["resource"]
                if "name" in resource:
                    assert resource["resourceType"] in (
                        "Organization",
                        "Location",
                        "Practitioner",
                    )
                if resource["resourceType"] == "Practitioner" and "name" in resource:
                    assert set(resource["name"][0]) == {"text"}

    def test_relative_and_citizen_by_id_only(self) -> None:
        meeting = valid_meetings()["home_meeting"]
        found = appointment(lm.meetings_to_fhir([meeting]), meeting.id)
        for participant in found["participant"]:
            actor = participant["actor"]
            if actor.get("type") in ("Patient", "RelatedPerson"):
                assert set(actor) == {"type", "identifier"}


@settings(max_examples=10)
@given(st.sampled_from(["da", "en"]))
def test_code_systems_are_learnmeets(lang: lm.Lang) -> None:
    bundle = lm.meetings_to_fhir([full_meeting()], lang=lang)
    systems = {s for key, s in _displays(bundle) if key == "system"}
    ours = {s for s in systems if s.startswith(lm.FHIR_CODE_SYSTEM_BASE)}
    assert code_system("meeting-format") in ours
    assert all(
        s.startswith(
            (
                "http://terminology.hl7.org/",
                "http://hl7.org/fhir/",
                "https://learnmeet.invalid/",
            )
        )
        or s in ("http://unitsofmeasure.org", "https://www.iana.org/time-zones")
        for s in systems
    )
