"""Schema version 2: each entity once, referred to by id, every reference checked."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.data import load_sample
from learnmeet.io._references import BY_COLLECTION, PREFIX_OF
from support import MODEL_STRATEGIES

CAT = lm.DEFAULT_CATALOG


def _problems(cls: type[Any], document: Any) -> tuple[lm.DataProblem, ...]:
    with pytest.raises(lm.InvalidDataError) as info:
        lm.from_dict(cls, document)
    return info.value.problems


def _meeting() -> lm.Meeting:
    return load_sample().meetings[0]


class TestShape:
    """A document holds each entity once and refers to it by id."""

    def test_a_scenario_holds_its_collections_keyed_by_id(self) -> None:
        sample = load_sample()
        data = lm.to_dict(sample)["data"]
        assert list(data["professionals"]) == [p.id for p in sample.professionals]
        assert list(data["areas"]) == [a.code for a in sample.areas]
        nurse = data["professionals"][sample.professionals[0].id]
        assert "id" not in nurse
        assert nurse["unit"] == sample.professionals[0].unit.id

    def test_a_scenario_includes_what_it_does_not_list(self) -> None:
        included = lm.to_dict(load_sample())["included"]
        assert list(included) == ["citizens", "relatives"]

    def test_a_single_value_includes_what_it_refers_to(self) -> None:
        meeting = _meeting()
        document = lm.to_dict(meeting)
        person = meeting.attendees[0].person
        assert document["data"]["attendees"][0]["person"] == person.key
        assert isinstance(person, lm.Professional)
        included = document["included"]
        assert included["professionals"][person.id]["unit"] == person.unit.id
        assert person.unit.id in included["units"]
        assert list(included) == [
            c for c in BY_COLLECTION if c in included
        ]  # in the fixed order of the kinds

    def test_a_value_with_no_entity_has_no_included(self) -> None:
        assert "included" not in lm.to_dict(lm.Location(lm.LocationKind.ONLINE))

    def test_each_entity_is_built_once_and_shared(self) -> None:
        back = lm.from_json(lm.Scenario, lm.to_json(load_sample()))
        by_id = {p.id: p for p in back.professionals}
        for case in back.cases:
            for member in case.care_team:
                assert member is by_id[member.id]
        for meeting in back.meetings:
            for person in meeting.professionals:
                assert person is by_id[person.id]

    def test_a_scenario_with_staff_outside_its_list_keeps_them_in_included(
        self,
    ) -> None:
        """The model allows a forum member who is not in the scenario's
        professionals (a scenario of one forum, say); the document stays
        consistent by including that professional."""
        sample = load_sample()
        outsider = attrs.evolve(sample.professionals[0], id="p-outside")
        forum = attrs.evolve(sample.forums[0], members=[outsider])
        scenario = attrs.evolve(sample, forums=[forum])
        document = lm.to_dict(scenario)
        assert "p-outside" in document["included"]["professionals"]
        assert document["data"]["forums"][forum.id]["members"] == ["p-outside"]
        assert lm.from_dict(lm.Scenario, document) == scenario

    def test_two_different_entities_with_one_id_are_refused(self) -> None:
        sample = load_sample()
        nurse = sample.professionals[0]
        other = attrs.evolve(nurse, display_name="Eksempel Anden")
        forum = attrs.evolve(sample.forums[0], members=[other])
        with pytest.raises(lm.InvalidValueError) as info:
            lm.to_dict(attrs.evolve(sample, forums=[forum]))
        assert f"two different versions of a professional with id {nurse.id!r}" in (
            info.value.message("en")
        )
        assert "to forskellige udgaver af en fagperson" in info.value.message("da")


class TestIntegrity:
    """Every reference is checked; every problem is listed at once, with its path,
    in Danish and English, with a fix."""

    def test_an_unknown_id_with_did_you_mean(self) -> None:
        document = lm.to_dict(load_sample())
        first = next(iter(document["data"]["professionals"]))
        document["data"]["professionals"][first]["unit"] = "hj-nordd"
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("professionals", first, "unit")
        assert problem.reason.en == "unknown unit code 'hj-nordd'"
        assert problem.reason.da == "ukendt kode 'hj-nordd' (enhed)"
        assert "did you mean 'hj-nord'" in problem.fix.en
        assert "mente du 'hj-nord'" in problem.fix.da

    def test_an_unknown_id_with_nothing_close(self) -> None:
        document = lm.to_dict(load_sample())
        document["data"]["cases"]["c-101"]["care_team"][0] = "zzzzzz"
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("cases", "c-101", "care_team", 0)
        assert problem.fix.en == "add a professional with that id to professionals"

    def test_a_reference_to_the_wrong_kind(self) -> None:
        document = lm.to_dict(load_sample())
        first = next(iter(document["data"]["professionals"]))
        document["data"]["professionals"][first]["unit"] = first
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("professionals", first, "unit")
        assert problem.reason.en == f"{first!r} is a professional, not a unit"
        assert problem.reason.da == f"{first!r} er en fagperson, ikke en enhed"

    def test_a_person_of_the_wrong_kind(self) -> None:
        document = lm.to_dict(_meeting())
        key = document["data"]["attendees"][0]["person"]
        document["data"]["attendees"][0]["person"] = key.replace(
            "professional:", "citizen:"
        )
        (problem,) = _problems(lm.Meeting, document)
        assert problem.path == ("attendees", 0, "person")
        assert problem.reason.en.endswith("is a professional, not a citizen")

    @pytest.mark.parametrize(
        ("written", "fix"),
        [
            ("p-001", "start with one of"),
            ("profesional:p-001", "did you mean 'professional:'?"),
            (7, "start with one of"),
        ],
    )
    def test_a_person_is_kind_and_id(self, written: object, fix: str) -> None:
        document = lm.to_dict(_meeting())
        document["data"]["attendees"][0]["person"] = written
        (problem,) = _problems(lm.Meeting, document)
        assert problem.path == ("attendees", 0, "person")
        assert "a person is referred to as kind:id" in problem.reason.en
        assert "en person henvises til som art:id" in problem.reason.da
        assert fix in problem.fix.en

    def test_a_reference_is_a_string(self) -> None:
        document = lm.to_dict(_meeting())
        case = document["data"]["case"]
        document["data"]["case"] = {"id": case}
        (problem,) = _problems(lm.Meeting, document)
        assert problem.path == ("case",)
        assert (
            problem.reason.en == "expected the id of a case (a string), got an object"
        )

    def test_an_id_given_twice_in_one_object(self) -> None:
        text = lm.to_json(load_sample(), indent=1)
        first = next(iter(lm.to_dict(load_sample())["data"]["areas"]))
        entry = f'\n   "{first}": {{'
        assert text.count(entry) == 1
        text = text.replace(entry, f'\n   "{first}": {{"label": {{}}}},{entry}')
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_json(lm.Scenario, text)
        (problem,) = info.value.problems
        assert problem.path == ("areas", first)
        assert "written more than once" in problem.reason.en
        assert "mere end én gang" in problem.reason.da

    def test_a_repeated_key_is_listed_with_the_other_problems(self) -> None:
        text = (
            '{"learnmeet": 2, "type": "Citizen", '
            '"data": {"pseudonym": "B 1", "pseudonym": 5}}'
        )
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_json(lm.Citizen, text)
        assert [p.json_path for p in info.value.problems] == [
            "$.pseudonym",
            "$.pseudonym",
        ]

    def test_an_id_in_data_and_in_included(self) -> None:
        document = lm.to_dict(load_sample())
        first = next(iter(document["data"]["units"]))
        document["included"]["units"] = {first: document["data"]["units"][first]}
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("included", "units", first)
        assert problem.reason.en == (
            f"the id {first!r} is already used by a unit ($.units[{first!r}])"
        )

    def test_the_id_is_the_key_not_a_field(self) -> None:
        document = lm.to_dict(load_sample())
        first = next(iter(document["data"]["units"]))
        document["data"]["units"][first]["id"] = first
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("units", first, "id")
        assert "remove the field 'id'" in problem.fix.en

    def test_a_refused_id_is_reported_at_its_entry(self) -> None:
        document = lm.to_dict(load_sample())
        areas = document["data"]["areas"]
        first = next(iter(areas))
        areas[" nord"] = areas.pop(first)
        problems = _problems(lm.Scenario, document)
        assert ("areas", " nord") in [p.path for p in problems]

    def test_an_entry_that_is_not_an_object(self) -> None:
        document = lm.to_dict(load_sample())
        first = next(iter(document["data"]["units"]))
        document["data"]["units"][first] = "Hjemmepleje"
        problems = _problems(lm.Scenario, document)
        assert problems[0].path == ("units", first)
        assert problems[0].reason.en == "expected an object (a unit), got a string"

    def test_a_collection_that_is_not_an_object(self) -> None:
        document = lm.to_dict(load_sample())
        document["data"]["areas"] = []
        document["included"] = {"citizen": {}, "units": [], "zzz": {}}
        paths = [p.json_path for p in _problems(lm.Scenario, document)]
        assert paths[0] == "$.areas"
        assert paths[-3:] == [
            "$.included.citizen",
            "$.included.units",
            "$.included.zzz",
        ]

    def test_included_is_an_object(self) -> None:
        document = lm.to_dict(_meeting())
        document["included"] = []
        problems = _problems(lm.Meeting, document)
        assert problems[-1].json_path == "$.included"
        assert (
            problems[-1].reason.en == "expected an object of collections, got an array"
        )

    def test_a_problem_in_an_entity_nothing_refers_to(self) -> None:
        document = lm.to_dict(_meeting())
        document["included"]["areas"]["zz"] = {"label": {"da": "x"}}
        (problem,) = _problems(lm.Meeting, document)
        assert problem.path == ("included", "areas", "zz", "label", "en")

    def test_every_problem_at_once(self) -> None:
        document = lm.to_dict(load_sample())
        data = document["data"]
        ids = list(data["professionals"])
        data["professionals"][ids[0]]["unit"] = "nowhere"
        data["professionals"][ids[1]]["unit"] = ids[2]
        data["cases"]["c-101"]["care_team"].append("p-xyz")
        problems = _problems(lm.Scenario, document)
        last = len(data["cases"]["c-101"]["care_team"]) - 1
        assert sorted((p.path for p in problems), key=str) == sorted(
            [
                ("professionals", ids[0], "unit"),
                ("professionals", ids[1], "unit"),
                ("cases", "c-101", "care_team", last),
            ],
            key=str,
        )

    def test_the_root_entity_is_not_included_again(self) -> None:
        meeting = _meeting()
        document = lm.to_dict(meeting)
        assert "meetings" not in document.get("included", {})
        document["included"]["meetings"] = {meeting.id: {}}
        (problem,) = _problems(lm.Meeting, document)
        assert problem.path == ("included", "meetings", meeting.id)
        assert "already used by a meeting ($)" in problem.reason.en


def _occurrences(node: object, text: str, path: tuple[Any, ...] = ()) -> set[Any]:
    """Every path in a JSON value where the string *text* is a value."""
    if node == text:
        return {path}
    found: set[Any] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            found |= _occurrences(value, text, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found |= _occurrences(value, text, (*path, index))
    return found


class TestProperties:
    """What holds for every value the strategies make."""

    @settings(max_examples=40)
    @given(st.data())
    def test_every_value_round_trips_through_version_two(
        self, data: st.DataObject
    ) -> None:
        cls, strategy = data.draw(st.sampled_from(MODEL_STRATEGIES), label="type")
        value = data.draw(strategy, label="value")
        document = lm.to_dict(value)
        assert document["learnmeet"] == lm.SCHEMA_VERSION
        back = lm.from_dict(cls, json.loads(json.dumps(document)))
        assert back == value
        assert lm.to_dict(back) == document

    @settings(max_examples=40)
    @given(st.data())
    def test_a_removed_or_renamed_entity_is_an_unknown_id_where_it_is_referred_to(
        self, data: st.DataObject
    ) -> None:
        strategy = st.sampled_from(
            [s for cls, s in MODEL_STRATEGIES if cls is not lm.Scenario]
        )
        value = data.draw(strategy.flatmap(lambda s: s), label="value")
        document = lm.to_dict(value)
        included = document.get("included", {})
        entries = [(c, k) for c, held in included.items() for k in held]
        if not entries:
            return
        collection, key = data.draw(st.sampled_from(entries), label="entry")
        entity = BY_COLLECTION[collection]
        prefix = PREFIX_OF.get(entity.cls)
        # A field of a person's own class holds the id; one of any person
        # (an attendee's) the key, "professional:p-1".
        written = [key, f"{prefix}:{key}"] if prefix else [key]
        rename = data.draw(st.booleans(), label="rename")
        body = included[collection].pop(key)
        if rename:
            included[collection][key + "x"] = body
        where = {
            found
            for text in written
            for found in _occurrences(document["data"], text)
            | {("included", *path) for path in _occurrences(included, text)}
        }
        problems = _problems(type(value), document)
        assert {p.path for p in problems} <= where
        unknown = [p for p in problems if "unknown" in p.reason.en]
        if rename:
            assert all(repr(key + "x") in p.fix.en for p in unknown)
