"""JSON in and out: exact round trips, the envelope, and errors with paths."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.io._json import MAX_DEPTH, MODEL_TYPES, _version_1
from support import MODEL_STRATEGIES

CPH = lm.COPENHAGEN
CAT = lm.DEFAULT_CATALOG


def _sample_meeting() -> lm.Meeting:
    north = lm.Area("nord", lm.Label(da="Nord", en="North"))
    kommune = lm.Organisation("k", "Eksempel Kommune", CAT.sector("municipality"))
    hospital = lm.Organisation("h", "Eksempel Hospital", CAT.sector("hospital"))
    home_care = lm.Unit(id="hj", name="Hjemmepleje", organisation=kommune, area=north)
    ward = lm.Unit(id="m1", name="Medicinsk afdeling", organisation=hospital)
    nurse = lm.Professional(
        id="p-1",
        profession=CAT.profession("nurse"),
        unit=home_care,
        roles={lm.StaffRole.KEY_PERSON, lm.StaffRole.FACILITATOR},
    )
    doctor = lm.Professional(
        id="p-2", profession=CAT.profession("hospital_doctor"), unit=ward
    )
    citizen = lm.Citizen("B-017")
    relative = lm.Relative(id="B-017-R1", citizen="B-017", relation=lm.Relation.CHILD)
    case = lm.CitizenCase(
        id="c-1",
        citizen=citizen,
        palliative_level=lm.PalliativeLevel.BASIC,
        care_team=[nurse, doctor],
        relatives=[relative],
        transitions=[
            lm.Transition(
                on=date(2026, 2, 1),
                from_sector=CAT.sector("hospital"),
                to_sector=CAT.sector("municipality"),
                kind=lm.TransitionKind.DISCHARGE,
                documents={lm.HandoverDocument.DISCHARGE_SUMMARY},
            )
        ],
        consent=lm.Consent(given_on=date(2026, 1, 15)),
    )
    return lm.Meeting(
        id="m-1",
        format=CAT.format("home_meeting"),
        start=datetime(2026, 3, 3, 10, 0, tzinfo=CPH),
        duration=timedelta(minutes=45),
        location=lm.Location(lm.LocationKind.CITIZEN_HOME),
        attendees=[
            lm.Attendee(person=nurse, role=lm.AttendeeRole.FACILITATOR),
            lm.Attendee(person=doctor, role=lm.AttendeeRole.PARTICIPANT),
            lm.Attendee(
                person=citizen, role=lm.AttendeeRole.CITIZEN, rsvp=lm.Rsvp.ACCEPTED
            ),
            lm.Attendee(
                person=relative,
                role=lm.AttendeeRole.RELATIVE,
                participation=lm.Participation.OPTIONAL,
            ),
        ],
        case=case,
        reflection=lm.Reflection(
            "home", [lm.Label(da="Hvad er vigtigt?", en="What matters?")]
        ),
    )


def _problems(cls: type[Any], document: Any) -> tuple[str, ...]:
    with pytest.raises(lm.InvalidDataError) as info:
        lm.from_dict(cls, document)
    return info.value.errors


class TestRoundTrip:
    """Every model value comes back exactly, zone names included."""

    def test_meeting(self) -> None:
        meeting = _sample_meeting()
        back = lm.from_json(lm.Meeting, lm.to_json(meeting))
        assert back == meeting
        assert back.start.tzinfo is CPH

    def test_the_zone_is_written_by_name(self) -> None:
        data = lm.to_dict(_sample_meeting())["data"]
        assert data["start"] == "2026-03-03T10:00:00+01:00[Europe/Copenhagen]"

    def test_same_value_same_bytes(self) -> None:
        assert lm.to_json(_sample_meeting()) == lm.to_json(_sample_meeting())

    def test_sets_are_written_sorted(self) -> None:
        included = lm.to_dict(_sample_meeting())["included"]
        roles = included["professionals"]["p-1"]["roles"]
        assert roles == sorted(roles) == ["facilitator", "key_person"]

    def test_a_catalogue_entry_on_its_own_is_written_in_full(self) -> None:
        document = lm.to_dict(CAT.format("audit"))
        assert document["data"]["requirements"]["transition_required"] is True
        assert lm.from_dict(lm.MeetingFormat, document) == CAT.format("audit")

    def test_indent_gives_the_same_document(self) -> None:
        meeting = _sample_meeting()
        assert json.loads(lm.to_json(meeting, indent=2)) == lm.to_dict(meeting)

    @settings(max_examples=25)
    @given(st.data())
    def test_generated_values_of_every_type(self, data: st.DataObject) -> None:
        cls, strategy = data.draw(st.sampled_from(MODEL_STRATEGIES), label="type")
        value = data.draw(strategy, label="value")
        text = lm.to_json(value)
        assert lm.from_json(cls, text) == value
        assert lm.to_json(lm.from_json(cls, text)) == text


class TestCatalogueCodes:
    """Catalogue entries are written as codes; anything else in full."""

    def test_builtin_entries_are_codes(self) -> None:
        document = lm.to_dict(_sample_meeting())
        included = document["included"]
        assert document["data"]["format"] == "home_meeting"
        assert included["professionals"]["p-1"]["profession"] == "nurse"
        assert included["cases"]["c-1"]["transitions"][0]["from_sector"] == "hospital"

    def test_a_changed_format_is_written_in_full_and_comes_back(self) -> None:
        stricter = attrs.evolve(
            CAT.format("home_meeting"),
            requirements=attrs.evolve(
                CAT.format("home_meeting").requirements, max_attendees=5
            ),
        )
        meeting = attrs.evolve(_sample_meeting(), format=stricter)
        data = lm.to_dict(meeting)["data"]
        assert data["format"]["requirements"]["max_attendees"] == 5
        assert lm.from_dict(lm.Meeting, lm.to_dict(meeting)) == meeting

    def test_own_catalogue_codes(self) -> None:
        music = lm.Profession(
            "music_therapist",
            lm.Label(da="musikterapeut", en="music therapist"),
            lm.Discipline.THERAPY,
        )
        mine = CAT.extend(professions=[music])
        prof = lm.Professional(
            id="p-9",
            profession=music,
            unit=_sample_meeting().professionals[0].unit,
        )
        document = lm.to_dict(prof, catalog=mine)
        assert document["data"]["profession"] == "music_therapist"
        assert lm.from_dict(lm.Professional, document, catalog=mine) == prof
        errors = _problems(lm.Professional, document)
        assert len(errors) == 1
        assert errors[0].startswith(
            "$.profession: unknown profession code 'music_therapist'"
        )
        assert "to the catalogue first" in errors[0]


class TestEnvelope:
    """A document says which schema version and which type it holds."""

    def test_shape(self) -> None:
        document = lm.to_dict(lm.Citizen("B-1"))
        assert document == {
            "learnmeet": lm.SCHEMA_VERSION,
            "type": "Citizen",
            "data": {"pseudonym": "B-1"},
        }

    @pytest.mark.parametrize(
        ("document", "reason"),
        [
            (
                {"pseudonym": "B-1"},
                "$: the object looks like the data of a Citizen without its envelope",
            ),
            ({"name": "x"}, "$: the object is not a learnmeet document"),
            (
                {"type": "Citizen", "data": {}},
                "$.learnmeet: the schema version 'learnmeet' is missing",
            ),
            ({"learnmeet": 1, "data": {}}, "$.type: 'type' is missing"),
            (
                {"learnmeet": 1, "type": None, "data": {}},
                "$.type: 'type' must be a string naming a class, not null",
            ),
            (
                {"learnmeet": 1, "type": ["Citizen"], "data": {}},
                "$.type: 'type' must be a string naming a class, not an array",
            ),
            (
                {"learnmeet": 1, "type": "citizen", "data": {}},
                "$.type: the type 'citizen' is no learnmeet type (fix: did you "
                "mean 'Citizen'",
            ),
        ],
    )
    def test_a_broken_envelope_is_named_for_what_it_is(
        self, document: dict[str, Any], reason: str
    ) -> None:
        """One problem for what is wrong with the envelope, never one unknown
        field for each of the value's own fields."""
        errors = _problems(lm.Citizen, document)
        assert errors[0].startswith(reason), errors
        assert len(errors) == 1

    def test_an_unknown_type_is_not_repeated(self) -> None:
        document = {"learnmeet": 1, "type": "Citizen 010203-1234" * 9, "data": {}}
        (error,) = _problems(lm.Citizen, document)
        assert error.startswith("$.type: the type a text of ")
        assert "is no learnmeet type (fix: read it as the class it holds" in error
        assert not lm.looks_like_cpr(error)

    def test_wrong_type_version_and_extra_fields_are_all_reported(self) -> None:
        errors = _problems(
            lm.Meeting, {"learnmeet": 99, "type": "Citizen", "data": {}, "x": 1}
        )
        assert [e.split(":")[0] for e in errors] == ["$.learnmeet", "$.type", "$.x"]

    def test_not_an_object(self) -> None:
        assert _problems(lm.Meeting, [])[0].startswith("$: expected a learnmeet")

    def test_danish_envelope_messages_are_danish(self) -> None:
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Meeting, [])
        assert caught.value.problems[0].reason.da.endswith("fik en liste")
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Citizen, {"learnmeet": 1, "type": "Citizen", "x": 1})
        assert [p.message("da") for p in caught.value.problems] == [
            "$.data: 'data' mangler (løsning: skriv et learnmeet-dokument: "
            '{"learnmeet": 2, "type": "Citizen", "data": {...}})',
            "$.x: ukendt felt i konvolutten (løsning: fjern det)",
        ]


class TestSchemaVersions:
    """This release writes version 2 and reads 1 and 2; a reader refuses any
    other, saying which versions it reads (docs/json.md, "Versions")."""

    @pytest.mark.parametrize(
        ("version", "shown"),
        [
            (3, "3"),
            (99, "99"),
            (0, "0"),
            ("3", "'3'"),
            (None, "null"),
            (1.5, "1.5"),
            (True, "true"),  # equal to 1 in Python, not the version
            (1.0, "1.0"),
        ],
    )
    def test_other_versions_are_refused(self, version: object, shown: str) -> None:
        document = {"learnmeet": version, "type": "Citizen", "data": {}}
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Citizen, document)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.learnmeet"
        assert problem.message("en") == (
            f"$.learnmeet: unsupported schema version {shown} "
            "(fix: this release reads versions 1 and 2 and writes version 2)"
        )
        assert problem.message("da") == (
            f"$.learnmeet: skemaversion {shown} understøttes ikke "
            "(løsning: denne udgave læser version 1 og 2 og skriver version 2)"
        )

    @pytest.mark.parametrize("version", ["1", " 2 "])
    def test_a_version_in_quotes_says_to_write_the_number(self, version: str) -> None:
        document = {"learnmeet": version, "type": "Citizen", "data": {}}
        errors = _problems(lm.Citizen, document)
        number = version.strip()
        assert errors == (
            f"$.learnmeet: the version is the number {number}, not the text "
            f'{version!r} (fix: write "learnmeet": {number} without quotes)',
        )

    def test_missing_version_is_refused(self) -> None:
        with pytest.raises(lm.InvalidDataError, match=r"\$\.learnmeet: the schema"):
            lm.from_dict(lm.Citizen, {"type": "Citizen", "data": {"pseudonym": "B-1"}})

    def test_this_release_writes_version_two(self) -> None:
        assert lm.SCHEMA_VERSION == 2
        text = lm.to_json(lm.Citizen("B-1"))
        assert json.loads(text)["learnmeet"] == 2
        assert lm.from_json(lm.Citizen, text) == lm.Citizen("B-1")

    def test_version_one_is_still_read(self) -> None:
        text = (
            '{"learnmeet": 1, "type": "Professional", "data": {"id": "p-1", '
            '"profession": "nurse", "unit": {"id": "hj", "name": "Hjemmepleje", '
            '"organisation": {"id": "k", "name": "Kommune", "sector": '
            '"municipality"}}}}'
        )
        nurse = lm.from_json(lm.Professional, text)
        assert nurse.unit.organisation.sector == CAT.sector("municipality")
        assert lm.to_dict(nurse)["included"]["units"] == {
            "hj": {"name": "Hjemmepleje", "organisation": "k", "area": None}
        }

    def test_included_is_no_field_of_version_one(self) -> None:
        document = _version_1(lm.Citizen("B-1"))
        document["included"] = {}
        assert _problems(lm.Citizen, document) == (
            "$.included: unknown envelope field (fix: remove it)",
        )

    def test_not_json(self) -> None:
        with pytest.raises(lm.InvalidDataError, match="line 1, column 2"):
            lm.from_json(lm.Meeting, "{nope")

    def test_only_model_types(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            lm.to_json({"a": 1})
        with pytest.raises(lm.InvalidValueError):
            lm.from_json(dict, "{}")  # type: ignore[type-var]


class TestErrors:
    """Every problem is reported at once, each with its JSON path."""

    def test_many_problems_with_paths(self) -> None:
        document = lm.to_dict(_sample_meeting())
        data = document["data"]
        del data["id"]
        data["start"] = "2026-03-03T10:00:00"
        data["duration"] = 45
        data["attendees"][1]["role"] = "participnt"
        included = document["included"]
        included["professionals"]["p-1"]["profession"] = "nurce"
        included["cases"]["c-1"]["transitions"][0]["to_sector"] = "hospital"
        data["colour"] = "blue"
        errors = _problems(lm.Meeting, document)
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
        document = lm.to_dict(_sample_meeting())
        document["data"]["attendees"][1]["rsvp"] = "ja"
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_dict(lm.Meeting, document)
        assert info.value.message("da").startswith("1 problem i inputdata")
        assert "brug en af" in info.value.problems[0].message("da")

    def test_constructor_refusals_get_the_path_of_the_element(self) -> None:
        document = lm.to_dict(_sample_meeting())
        document["data"]["case"] = None
        errors = _problems(lm.Meeting, document)
        assert errors[0].startswith("$.attendees[2].person: 'citizen:B-017'")

    def test_cpr_numbers_are_refused_with_the_path(self) -> None:
        document = lm.to_dict(_sample_meeting())
        document["included"]["cases"]["c-1"]["summary"] = "borger 010203-1234"
        errors = _problems(lm.Meeting, document)
        assert errors[0].startswith("$.included.cases['c-1'].summary: ")
        assert "CPR" in errors[0]

    def test_in_version_one_at_the_copy(self) -> None:
        document = _version_1(_sample_meeting())
        document["data"]["case"]["summary"] = "borger 010203-1234"
        errors = _problems(lm.Meeting, document)
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
        document = _version_1(_sample_meeting())  # the paths of every copy
        node = document["data"]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        errors = _problems(lm.Meeting, document)
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
        errors = _problems(lm.MeetingFormat, document)
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


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*here, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*here, index)))
    return found


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
        document = lm.to_dict(_sample_meeting())
        spoiled = copy.deepcopy(document)
        path = data.draw(st.sampled_from(_paths(spoiled["data"])[1:]), label="path")
        node = spoiled["data"]
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = garbage
        outcome = _read(lm.Meeting, spoiled)
        assert isinstance(outcome, lm.Meeting) or _all_with_paths(outcome)


class TestKeysAndVersionsAreShownShort:
    """A key or a version is what the document's writer typed: an error shows
    it short and redacted, or cut, never whole."""

    def test_a_long_unknown_key_is_cut_in_the_path(self) -> None:
        key = "n" * 100_000
        document = {"learnmeet": 1, "type": "Citizen", "data": {"pseudonym": "B-1"}}
        document["data"][key] = 1
        (error,) = _problems(lm.Citizen, document)
        assert error.startswith(f"$['{'n' * 40}…']: unknown field for Citizen")
        assert len(error) < 200

    def test_a_key_with_a_cpr_number_is_redacted(self) -> None:
        data = {"pseudonym": "B-1", "hos 12\u200b0304-5678": 1}
        (error,) = _problems(
            lm.Citizen, {"learnmeet": 1, "type": "Citizen", "data": data}
        )
        assert error.startswith("$['hos [CPR]']")

    @pytest.mark.parametrize(
        "key", [7, 10**5000, None, ("a", 1)], ids=["int", "huge", "none", "tuple"]
    )
    def test_keys_of_any_type_from_python(self, key: object) -> None:
        """A dict built in Python may have keys that are not text, which JSON
        cannot: refused by type at the object's path, never repeated, where
        sorting them raised TypeError and a huge integer key ValueError."""
        data: dict[object, object] = {"pseudonym": "B-1", "z": {key: 1}}
        (error,) = _problems(
            lm.Citizen, {"learnmeet": 1, "type": "Citizen", "data": data}
        )
        kind = type(key).__name__
        assert error.startswith(f"$.z: the object has a key of type {kind},")
        assert len(error) < 200

    def test_a_padded_version_is_not_repeated(self) -> None:
        document = {"learnmeet": " " * 50_000 + "1", "type": "Citizen", "data": {}}
        (error, *_) = _problems(lm.Citizen, document)
        assert error.startswith(
            "$.learnmeet: the version is the number 1, not a text of 50001 characters"
        )

    def test_a_huge_version_is_not_written(self) -> None:
        document = {"learnmeet": 10**5000, "type": "Citizen", "data": {}}
        (error, *_) = _problems(lm.Citizen, document)
        assert error.startswith("$.learnmeet: unsupported schema version ?")

    def test_a_class_named_like_a_cpr_number(self) -> None:
        named = type("Borger_120304_5678", (), {})
        with pytest.raises(lm.WrongTypeError) as info:
            lm.from_dict(named, {})
        assert "Borger_[CPR]" in info.value.message("en")
        with pytest.raises(lm.WrongTypeError) as info:
            lm.to_dict(named())
        assert "Borger_[CPR]" in info.value.message("da")


class TestRepeatedValues:
    """A value that recurs in a document is built once, and never wrongly."""

    def test_equal_json_gives_the_same_object(self) -> None:
        meeting = _sample_meeting()
        scenario = lm.Scenario(
            name="s", meetings=[meeting, attrs.evolve(meeting, id="m-2")]
        )
        back = lm.from_json(lm.Scenario, lm.to_json(scenario))
        first, second = back.meetings
        assert first.attendees[0].person is second.attendees[0].person
        assert first.case is second.case
        assert back == scenario

    def test_a_bad_copy_is_reported_where_it_first_occurs(self) -> None:
        meeting = _sample_meeting()
        document = _version_1(
            lm.Scenario(name="s", meetings=[meeting, attrs.evolve(meeting, id="m-2")])
        )
        for m in document["data"]["meetings"]:
            m["attendees"][0]["person"]["profession"] = "nurce"
            m["case"]["care_team"][0]["profession"] = "nurce"
        errors = _problems(lm.Scenario, document)
        assert [e.split(": ")[0] for e in errors] == [
            "$.meetings[0].attendees[0].person.profession",
        ]

    def test_a_repeated_value_after_a_good_one_still_fails_where_it_differs(
        self,
    ) -> None:
        meeting = _sample_meeting()
        document = _version_1(
            lm.Scenario(name="s", meetings=[meeting, attrs.evolve(meeting, id="m-2")])
        )
        document["data"]["meetings"][1]["attendees"][0]["person"]["id"] = " p-1"
        errors = _problems(lm.Scenario, document)
        assert [e.split(": ")[0] for e in errors] == [
            "$.meetings[1].attendees[0].person.id"
        ]


class TestDepth:
    """A document nests arrays and objects at most MAX_DEPTH levels deep."""

    @pytest.mark.parametrize("depth", [60, 5_000, 200_000])
    def test_deep_text_is_refused_with_a_path(self, depth: int) -> None:
        text = (
            '{"learnmeet": 1, "type": "Citizen", "data": {"pseudonym": '
            + "[" * depth
            + "]" * depth
            + "}}"
        )
        with pytest.raises(lm.InvalidDataError, match="deeper than 48") as caught:
            lm.from_json(lm.Citizen, text)
        # as deep as json.loads reads: from the data, like every data problem
        assert caught.value.problems[0].path[:1] in ((), ("pseudonym",))

    def test_a_deep_dict_is_refused_before_it_is_read(self) -> None:
        data: Any = "B-1"
        for _ in range(100):
            data = {"x": data}
        with pytest.raises(lm.InvalidDataError, match="deeper") as caught:
            lm.from_dict(lm.Citizen, {"learnmeet": 1, "type": "Citizen", "data": data})
        assert caught.value.problems[0].json_path.startswith("$.x.x")

    def test_a_deep_envelope_is_refused_from_the_document(self) -> None:
        deep: Any = 1
        for _ in range(60):
            deep = [deep]
        document = {"learnmeet": deep, "type": "Citizen", "data": {}}
        with pytest.raises(lm.InvalidDataError, match="deeper") as caught:
            lm.from_dict(lm.Citizen, document)
        assert caught.value.problems[0].json_path.startswith("$.learnmeet[0]")

    def test_as_deep_as_allowed_is_read_and_refused_for_its_shape(self) -> None:
        data: Any = "B-1"
        for _ in range(MAX_DEPTH - 3):
            data = [data]
        with pytest.raises(lm.InvalidDataError, match="expected a string"):
            lm.from_dict(
                lm.Citizen,
                {"learnmeet": 1, "type": "Citizen", "data": {"pseudonym": data}},
            )


class TestKeys:
    """JSON's keys are strings; a dict made in Python with another key is
    refused as data, with the path of the object that holds it."""

    @pytest.mark.parametrize("key", [1, (1, 2), None, True, 2.5, b"pseudonym"])
    def test_a_key_that_is_no_string(self, key: object) -> None:
        document = {
            "learnmeet": 1,
            "type": "Citizen",
            "data": {"pseudonym": "B", key: 2},
        }
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Citizen, document)
        (problem,) = caught.value.problems
        assert problem.path == ()
        assert f"a key of type {type(key).__name__}, not a string" in problem.reason.en
        assert "ikke en tekst" in problem.reason.da

    def test_deep_inside_the_data(self) -> None:
        document = _version_1(_sample_meeting())
        document["data"]["attendees"][1]["person"][7] = "x"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Meeting, document)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.attendees[1].person"

    def test_in_the_envelope(self) -> None:
        document = {"learnmeet": 1, "type": "Citizen", "data": {}, 5: "x"}
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Citizen, document)
        assert [p.path for p in caught.value.problems] == [()]

    @given(data=st.data(), key=st.integers() | st.none() | st.tuples(st.integers()))
    def test_anywhere_in_a_document(self, data: st.DataObject, key: object) -> None:
        document = lm.to_dict(_sample_meeting())
        objects = [
            path
            for path in _paths(document["data"])
            if _at(document["data"], path) is not None
        ]
        path = data.draw(st.sampled_from(objects), label="path")
        _at(document["data"], path)[key] = "x"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Meeting, document)
        (problem,) = caught.value.problems
        assert problem.path == tuple(path)
        assert "not a string" in problem.reason.en


def _at(data: Any, path: Any) -> Any:
    """The dict at *path* in *data*, or ``None`` where it is no dict."""
    for step in path:
        data = data[step]
    return data if isinstance(data, dict) else None


class TestNotJSON:
    """Text json.loads refuses is one problem at ``$`` that says what and how."""

    @pytest.mark.parametrize(
        ("text", "reason", "fix"),
        [
            ('{"learnmeet": 1,\n "type": }', "line 2, column 10", "punctuation"),
            (b'{"learnmeet": \xff1}', "byte 14 is not UTF-8", "save the file"),
            ('{"learnmeet": NaN}', "NaN is not a JSON number", "finite number"),
            ('{"x": [-Infinity]}', "-Infinity is not a JSON number", "null"),
            ('{"x": ' + "7" * 5_000 + "}", "too long to read", "4,300 digits"),
        ],
    )
    def test_what_is_wrong_and_how_to_fix_it(
        self, text: str | bytes, reason: str, fix: str
    ) -> None:
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_json(lm.Citizen, text)
        (problem,) = caught.value.problems
        assert problem.json_path == "$"
        assert reason in problem.reason.en
        assert fix in problem.fix.en
        assert problem.reason.da != problem.reason.en
        assert "Error" not in caught.value.message("en")

    @given(st.binary(max_size=64))
    def test_any_bytes_are_read_or_refused(self, data: bytes) -> None:
        problems: tuple[lm.DataProblem, ...] = ()
        try:
            lm.from_json(lm.Citizen, data)
        except lm.InvalidDataError as error:
            problems = error.problems
        assert all(p.json_path.startswith("$") for p in problems)


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

    def test_the_result_types_are_the_public_results(self) -> None:
        import inspect

        from learnmeet.io._results import result_types

        public = {
            obj
            for name in lm.__all__
            if inspect.isclass(obj := getattr(lm, name))
            and attrs.has(obj)
            and obj.__module__.startswith(("learnmeet.planning", "learnmeet.rules"))
        }
        # Not documents: the planners' inputs and machinery (busy time and
        # its intervals, a series with its parsed rule, rules with their
        # checks and what a check finds).
        kept_out = {
            lm.BusyIndex,
            lm.Finding,
            lm.Interval,
            lm.Rule,
            lm.RuleContext,
            lm.RuleSet,
            lm.Series,
        }
        assert public - kept_out == set(result_types())

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
