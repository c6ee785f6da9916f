"""JSON in and out: exact round trips, the envelope, and errors with paths."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from datetime import date, time
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.data import load_sample
from learnmeet.io._json import MODEL_TYPES, _version_1
from support import MODEL_STRATEGIES, json_paths, read_problems, sample_meeting

CPH = lm.COPENHAGEN
CAT = lm.DEFAULT_CATALOG


class TestRoundTrip:
    """Every model value comes back exactly, zone names included."""

    def test_meeting(self) -> None:
        meeting = sample_meeting()
        back = lm.from_json(lm.Meeting, lm.to_json(meeting))
        assert back == meeting
        assert back.start.tzinfo is CPH

    def test_the_zone_is_written_by_name(self) -> None:
        data = lm.to_dict(sample_meeting())["data"]
        assert data["start"] == "2026-03-03T10:00:00+01:00[Europe/Copenhagen]"

    def test_same_value_same_bytes(self) -> None:
        assert lm.to_json(sample_meeting()) == lm.to_json(sample_meeting())

    def test_sets_are_written_sorted(self) -> None:
        included = lm.to_dict(sample_meeting())["included"]
        roles = included["professionals"]["p-1"]["roles"]
        assert roles == sorted(roles) == ["facilitator", "key_person"]

    def test_a_catalogue_entry_on_its_own_is_written_in_full(self) -> None:
        document = lm.to_dict(CAT.format("audit"))
        assert document["data"]["requirements"]["transition_required"] is True
        assert lm.from_dict(lm.MeetingFormat, document) == CAT.format("audit")

    def test_indent_gives_the_same_document(self) -> None:
        meeting = sample_meeting()
        assert json.loads(lm.to_json(meeting, indent=2)) == lm.to_dict(meeting)

    @settings(max_examples=25)
    @given(st.data())
    def test_generated_values_of_every_type(self, data: st.DataObject) -> None:
        cls, strategy = data.draw(st.sampled_from(MODEL_STRATEGIES), label="type")
        value = data.draw(strategy, label="value")
        text = lm.to_json(value)
        assert lm.from_json(cls, text) == value
        assert lm.to_json(lm.from_json(cls, text)) == text


class TestErrors:
    """Every problem is reported at once, each with its JSON path."""

    def test_many_problems_with_paths(self) -> None:
        document = lm.to_dict(sample_meeting())
        data = document["data"]
        del data["id"]
        data["start"] = "2026-03-03T10:00:00"
        data["duration"] = 45
        data["attendees"][1]["role"] = "participnt"
        included = document["included"]
        included["professionals"]["p-1"]["profession"] = "nurce"
        included["cases"]["c-1"]["transitions"][0]["to_sector"] = "hospital"
        data["colour"] = "blue"
        errors = read_problems(lm.Meeting, document)
        paths = sorted(e.split(": ")[0] for e in errors)
        assert paths == sorted(
            [
                "$.id",
                "$.start",
                "$.duration",
                "$.attendees[1].role",
                "$.included.professionals['p-1'].profession",
                "$.included.cases['c-1'].transitions[0].to_sector",
                "$.colour",
            ]
        )
        text = "\n".join(errors)
        assert "did you mean 'participant'" in text
        assert "did you mean 'nurse'" in text
        assert "no UTC offset" in text

    def test_danish_messages(self) -> None:
        document = lm.to_dict(sample_meeting())
        document["data"]["attendees"][1]["rsvp"] = "ja"
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_dict(lm.Meeting, document)
        assert info.value.message("da").startswith("1 problem i inputdata")
        assert "brug en af" in info.value.problems[0].message("da")

    def test_constructor_refusals_get_the_path_of_the_element(self) -> None:
        document = lm.to_dict(sample_meeting())
        document["data"]["case"] = None
        errors = read_problems(lm.Meeting, document)
        assert errors[0].startswith("$.attendees[2].person: 'citizen:B-017'")

    def test_cpr_numbers_are_refused_with_the_path(self) -> None:
        document = lm.to_dict(sample_meeting())
        document["included"]["cases"]["c-1"]["summary"] = "borger 010203-1234"
        errors = read_problems(lm.Meeting, document)
        assert errors[0].startswith("$.included.cases['c-1'].summary: ")
        assert "CPR" in errors[0]

    def test_in_version_one_at_the_copy(self) -> None:
        document = _version_1(sample_meeting())
        document["data"]["case"]["summary"] = "borger 010203-1234"
        errors = read_problems(lm.Meeting, document)
        assert errors[0].startswith("$.case.summary: ")

    @pytest.mark.parametrize(
        ("path", "value", "says"),
        [
            (("id",), 5, "expected a string, got a number"),
            (("title",), None, "expected a string, got null"),
            (("attendees",), "everyone", "expected an array, got a string"),
            (("attendees", 0, "person", "kind"), "robot", "'kind'"),
            (("location",), [], "expected an object (Location), got an array"),
            (("case", "consent", "given_on"), "15-01-2026", "expected a date"),
        ],
    )
    def test_type_errors(self, path: tuple[Any, ...], value: object, says: str) -> None:
        document = _version_1(sample_meeting())  # the paths of every copy
        node = document["data"]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        errors = read_problems(lm.Meeting, document)
        assert len(errors) == 1
        assert says in errors[0]

    @pytest.mark.parametrize(
        ("value", "en", "da"),
        [
            (None, "null", "null"),
            (True, "a boolean", "en sandhedsværdi"),
            (2.5, "a number", "et tal"),
            ("to", "a string", "en tekst"),
            ([], "an array", "en liste"),
            ({}, "an object", "et objekt"),
        ],
    )
    def test_json_types_are_named_in_both_languages(
        self, value: object, en: str, da: str
    ) -> None:
        document = lm.to_dict(CAT.format("audit"))
        document["data"]["requirements"]["min_sectors"] = value
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.MeetingFormat, document)
        (problem,) = caught.value.problems
        assert problem.path == ("requirements", "min_sectors")
        assert problem.json_path == "$.requirements.min_sectors"
        assert problem.reason.en == f"expected a whole number, got {en}"
        assert problem.reason.da == f"forventede et helt tal, fik {da}"

    def test_booleans_are_not_numbers(self) -> None:
        document = lm.to_dict(CAT.format("audit"))
        document["data"]["requirements"]["min_sectors"] = True
        errors = read_problems(lm.MeetingFormat, document)
        assert errors == (
            "$.requirements.min_sectors: expected a whole number, got a boolean "
            "(fix: write a whole number here)",
        )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)


def _read(cls: type[Any], document: Any) -> Any:
    """Return the value read, or the InvalidDataError (any other error escapes)."""
    try:
        return lm.from_dict(cls, document)
    except lm.InvalidDataError as exc:
        return exc


_PYTHON_ERROR = re.compile(r"\b[A-Z]\w*(Error|Exception|Warning)\b|Traceback")


def _all_with_paths(outcome: object) -> bool:
    """A refusal lists problems, each with its path, a reason and a fix, in
    both languages, and none wraps Python's own exception text."""
    if not isinstance(outcome, lm.InvalidDataError) or not outcome.problems:
        return False
    for problem in outcome.problems:
        for lang in lm.LANGUAGES:
            text = problem.message(lang)
            if not text.startswith("$") or _PYTHON_ERROR.search(text):
                return False
        if problem.reason.da == problem.reason.en or problem.fix.da == problem.fix.en:
            return False
    return True


class TestGarbage:
    """Garbage never escapes as anything but a LearnmeetError."""

    @given(cls=st.sampled_from([cls for cls, _ in MODEL_STRATEGIES]), data=_JSON)
    def test_arbitrary_json(self, cls: type[Any], data: Any) -> None:
        document = {"learnmeet": 1, "type": cls.__name__, "data": data}
        outcome = _read(cls, document)
        # e.g. {} is a FormatRequirements with every default
        assert isinstance(outcome, cls) or _all_with_paths(outcome)

    @given(st.text(max_size=40))
    def test_arbitrary_text(self, text: str) -> None:
        with pytest.raises(lm.InvalidDataError):
            lm.from_json(lm.Meeting, text)

    @given(data=st.data(), garbage=_JSON)
    def test_one_element_replaced_by_garbage(
        self, data: st.DataObject, garbage: Any
    ) -> None:
        document = lm.to_dict(sample_meeting())
        spoiled = copy.deepcopy(document)
        path = data.draw(st.sampled_from(json_paths(spoiled["data"])[1:]), label="path")
        node = spoiled["data"]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = garbage
        outcome = _read(lm.Meeting, spoiled)
        assert isinstance(outcome, lm.Meeting) or _all_with_paths(outcome)


class TestRepeatedValues:
    """A value that recurs in a document is built once, and never wrongly."""

    def test_equal_json_gives_the_same_object(self) -> None:
        meeting = sample_meeting()
        scenario = lm.Scenario(
            name="s", meetings=[meeting, attrs.evolve(meeting, id="m-2")]
        )
        back = lm.from_json(lm.Scenario, lm.to_json(scenario))
        first, second = back.meetings
        assert first.attendees[0].person is second.attendees[0].person
        assert first.case is second.case
        assert back == scenario

    def test_a_bad_copy_is_reported_where_it_first_occurs(self) -> None:
        meeting = sample_meeting()
        document = _version_1(
            lm.Scenario(name="s", meetings=[meeting, attrs.evolve(meeting, id="m-2")])
        )
        for m in document["data"]["meetings"]:
            m["attendees"][0]["person"]["profession"] = "nurce"
            m["case"]["care_team"][0]["profession"] = "nurce"
        errors = read_problems(lm.Scenario, document)
        assert [e.split(": ")[0] for e in errors] == [
            "$.meetings[0].attendees[0].person.profession",
        ]

    def test_a_repeated_value_after_a_good_one_still_fails_where_it_differs(
        self,
    ) -> None:
        meeting = sample_meeting()
        document = _version_1(
            lm.Scenario(name="s", meetings=[meeting, attrs.evolve(meeting, id="m-2")])
        )
        document["data"]["meetings"][1]["attendees"][0]["person"]["id"] = " p-1"
        errors = read_problems(lm.Scenario, document)
        assert [e.split(": ")[0] for e in errors] == [
            "$.meetings[1].attendees[0].person.id"
        ]


class TestEveryModelType:
    """Every value class of the model is written and read, in any process."""

    def test_the_model_types_are_read_from_the_model(self) -> None:
        import inspect

        public = {
            obj
            for name in lm.__all__
            if inspect.isclass(obj := getattr(lm, name))
            and attrs.has(obj)
            and obj.__module__.startswith("learnmeet.model")
        }
        assert public | {lm.Label} == set(MODEL_TYPES)

    def test_every_public_value_has_a_document(self) -> None:
        import inspect

        from learnmeet.io._results import result_types

        public = {
            obj
            for name in lm.__all__
            if inspect.isclass(obj := getattr(lm, name)) and attrs.has(obj)
        }
        assert public == set(MODEL_TYPES) | set(result_types())

    def test_a_catalogue_entry_in_a_fresh_process(self) -> None:
        code = (
            "import learnmeet as lm\n"
            "fmt = lm.DEFAULT_CATALOG.format('audit')\n"
            "print(lm.from_json(lm.MeetingFormat, lm.to_json(fmt)) == fmt)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "True"

    @pytest.mark.parametrize(
        ("hours", "text"),
        [
            (lm.WorkingHours(), '"start": "08:00", "end": "16:00"'),
            (
                lm.WorkingHours(start=time(7, 30, 15), end=time(15)),
                '"start": "07:30:15", "end": "15:00"',
            ),
        ],
    )
    def test_working_hours_as_times_of_day(
        self, hours: lm.WorkingHours, text: str
    ) -> None:
        written = lm.to_json(hours)
        assert text in written
        assert lm.from_json(lm.WorkingHours, written) == hours

    @pytest.mark.parametrize("start", ["8:00", "24:00", "08:60", "٠٨:٠٠", 800])
    def test_a_time_of_day_is_strict(self, start: object) -> None:
        document = lm.to_dict(lm.WorkingHours())
        document["data"]["start"] = start
        with pytest.raises(lm.InvalidDataError, match="time of day"):
            lm.from_dict(lm.WorkingHours, document)


class TestWhoIsAtWork:
    """A scenario's working patterns and absences are written only when it has
    any, so documents without them stay byte for byte what they were, and
    read back with every problem at its path."""

    def _scenario(self) -> lm.Scenario:
        from learnmeet.data import load_sample

        sample = load_sample()
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays={0, 1})
        return attrs.evolve(
            sample,
            working_patterns=[
                lm.WorkingPattern(
                    professional=sample.professionals[0].id, shifts=[night]
                )
            ],
            absences=[
                lm.Absence.days(
                    sample.professionals[1].id,
                    date(2027, 2, 1),
                    date(2027, 2, 5),
                    lm.AbsenceKind.SICKNESS,
                )
            ],
        )

    def test_written_and_read_back(self) -> None:
        scenario = self._scenario()
        text = lm.to_json(scenario)
        assert '"start": "23:00", "end": "07:00"' in text
        assert '"kind": "sickness"' in text
        assert lm.from_json(lm.Scenario, text) == scenario

    def test_left_out_when_there_are_none(self) -> None:
        from learnmeet.data import load_sample

        sample = load_sample()
        assert sample.working_patterns
        assert sample.absences
        without = attrs.evolve(sample, working_patterns=(), absences=())
        written = lm.to_dict(without)
        assert "working_patterns" not in written["data"]
        assert "absences" not in written["data"]
        assert "working_patterns" not in _version_1(without)["data"]
        # Everything else is written as it was.
        full = lm.to_dict(sample)
        del full["data"]["working_patterns"], full["data"]["absences"]
        assert full == written

    def test_problems_at_their_paths(self) -> None:
        document = lm.to_dict(self._scenario())
        data = document["data"]
        data["working_patterns"][0]["shifts"][0]["end"] = "23:00"
        data["absences"][0]["end"] = data["absences"][0]["start"]
        data["absences"].append({**data["absences"][0], "kind": "ferie"})
        errors = read_problems(lm.Scenario, document)
        assert [e.split(": ")[0] for e in errors] == [
            "$.working_patterns[0].shifts[0].end",
            "$.absences[0].end",
            "$.absences[1].kind",
        ]

    def test_a_stranger_is_refused_at_its_place(self) -> None:
        document = lm.to_dict(self._scenario())
        document["data"]["absences"][0]["professional"] = "p-9999"
        errors = read_problems(lm.Scenario, document)
        assert errors == (
            "$.absences[0].professional: the professional 'p-9999' is not on the "
            "staff list (fix: use the id of one of the scenario's professionals)",
        )


class TestFixesForAFile:
    """A problem in a document says what to write in it, never Python."""

    @staticmethod
    def _fixes(document: Any) -> list[lm.DataProblem]:
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_dict(lm.Scenario, document)
        return list(info.value.problems)

    @pytest.mark.parametrize(
        ("field", "value", "written"),
        [
            ("first_start", "2027-01-07T08:30:00Z", "[Europe/Copenhagen]"),
            ("first_start", "2027-01-07T08:30:00+01:00", "[Europe/Copenhagen]"),
            ("duration", "-PT45M", "PT1H30M"),
            ("duration", "PT0S", "PT1H30M"),
        ],
    )
    def test_a_forum(self, field: str, value: str, written: str) -> None:
        document = lm.to_dict(load_sample())
        forums = document["data"]["forums"]
        forum = next(iter(forums.values())) if isinstance(forums, dict) else forums[0]
        forum[field] = value
        problems = self._fixes(document)
        assert problems
        for problem in problems:
            for said in (problem.fix.da, problem.fix.en):
                assert "ZoneInfo" not in said
                assert "tzinfo" not in said
                assert "timedelta" not in said
            assert written in problem.fix.en


class TestLegalBasisFields:
    """Version 3's consent and basis fields: written only when set, read back,
    and refused at their path."""

    SAMPLE = load_sample()

    def test_an_old_consent_writes_its_three_dates_only(self) -> None:
        data = lm.to_dict(self.SAMPLE)["data"]
        assert set(data["cases"]["c-101"]["consent"]) == {
            "given_on",
            "expires_on",
            "withdrawn_on",
        }
        assert "died_on" not in data["cases"]["c-101"]
        assert "permissions" not in data["cases"]["c-101"]

    def test_the_deceased_citizens_case_round_trips(self) -> None:
        data = lm.to_dict(self.SAMPLE)["data"]["cases"]["c-109"]
        assert data["died_on"] == "2026-12-14"
        assert data["permissions"][0]["basis"] == "quality_development"
        assert lm.from_json(lm.Scenario, lm.to_json(self.SAMPLE)) == self.SAMPLE

    def test_a_proxy_without_a_reason_is_refused_at_its_path(self) -> None:
        document = lm.to_dict(self.SAMPLE)
        consent = document["data"]["cases"]["c-101"]["consent"]
        consent["grantor"] = "closest_relative"
        errors = read_problems(lm.Scenario, document)
        assert any(
            e.startswith("$.cases['c-101'].consent.proxy_reason:") for e in errors
        ), errors

    def test_an_unknown_purpose_is_refused_at_its_path(self) -> None:
        document = lm.to_dict(self.SAMPLE)
        document["data"]["cases"]["c-101"]["consent"]["purposes"] = ["teaching"]
        errors = read_problems(lm.Scenario, document)
        assert any("$.cases['c-101'].consent.purposes" in e for e in errors), errors


class TestLeadersAndSources:
    """A format's required staff role and facilitator course, and a question's
    source, are written only when set (document version 3), so documents
    without them read and write as before."""

    def _meeting(self, **changes: object) -> lm.Meeting:
        meeting = sample_meeting()
        fmt = meeting.format
        own = attrs.evolve(
            fmt,
            code="own_network",
            requirements=attrs.evolve(fmt.requirements, **changes),
        )
        return attrs.evolve(meeting, format=own)

    def test_the_role_and_course_are_written_and_read_back(self) -> None:
        meeting = self._meeting(
            required_role=lm.StaffRole.LEADER, facilitator_course="own_course"
        )
        text = lm.to_json(meeting)
        assert '"required_role": "leader"' in text
        assert '"facilitator_course": "own_course"' in text
        assert lm.from_json(lm.Meeting, text) == meeting

    def test_left_out_when_not_set(self) -> None:
        meeting = self._meeting(required_role=None, facilitator_course=None)
        written = lm.to_dict(meeting)
        assert "required_role" not in json.dumps(written)
        assert "facilitator_course" not in json.dumps(written)
        assert lm.from_dict(lm.Meeting, written) == meeting

    def test_a_question_source_is_written_only_when_given(self) -> None:
        model = lm.QUESTION_BANK.model("after_action_review")
        cycle = lm.ReflectionCycle.start(model, subject="forum-1", meeting="m-1")
        text = lm.to_json(cycle)
        assert text.count("TC 25-20") == 2 * (1 + len(model.questions()))  # da, en
        assert lm.from_json(lm.ReflectionCycle, text) == cycle
        bare = attrs.evolve(
            model,
            source=None,
            phases=[
                attrs.evolve(
                    p, questions=[attrs.evolve(q, source=None) for q in p.questions]
                )
                for p in model.phases
            ],
        )
        plain = lm.ReflectionCycle.start(bare, subject="forum-1", meeting="m-1")
        phases = lm.to_dict(plain)["data"]["model"]["phases"]
        assert all("source" not in q for p in phases for q in p["questions"])
        assert lm.from_json(lm.ReflectionCycle, lm.to_json(plain)) == plain

    def test_an_unknown_role_is_refused_at_its_path(self) -> None:
        meeting = self._meeting(required_role=lm.StaffRole.LEADER)
        document = lm.to_dict(meeting)
        text = json.dumps(document).replace('"leader"', '"chief"')
        with pytest.raises(lm.InvalidDataError, match="required_role"):
            lm.from_json(lm.Meeting, text)
