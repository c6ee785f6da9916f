"""Version 1 is read by upgrading it to version 2 as plain JSON first."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.data import load_sample
from learnmeet.io._json import _version_1
from learnmeet.io._references import BY_CLASS
from learnmeet.io._upgrade import listed_fields
from support import MODEL_STRATEGIES, run_cli


def _problems(cls: type[Any], document: Any) -> tuple[lm.DataProblem, ...]:
    with pytest.raises(lm.InvalidDataError) as info:
        lm.from_dict(cls, document)
    return info.value.problems


def _sample_v1() -> dict[str, Any]:
    return _version_1(load_sample())


class TestUpgrade:
    """A version-1 document reads as the same value as its version-2 form."""

    def test_the_sample_in_version_one(self) -> None:
        assert lm.from_dict(lm.Scenario, _sample_v1()) == load_sample()

    def test_copies_become_one_shared_value(self) -> None:
        back = lm.from_dict(lm.Scenario, _sample_v1())
        by_id = {p.id: p for p in back.professionals}
        for case in back.cases:
            for member in case.care_team:
                assert member is by_id[member.id]

    def test_copies_may_leave_defaults_out_and_sets_unordered(self) -> None:
        document = _sample_v1()
        for case in document["data"]["cases"]:
            for member in case["care_team"]:
                member["roles"] = list(reversed(member["roles"]))
                for name in ("roles", "completed_courses", "display_name"):
                    if not member[name]:
                        del member[name]
        assert lm.from_dict(lm.Scenario, document) == load_sample()

    def test_a_version_one_value_on_its_own(self) -> None:
        meeting = load_sample().meetings[0]
        assert lm.from_dict(lm.Meeting, _version_1(meeting)) == meeting


class TestRefused:
    """What version 1 let through unnoticed is refused, at its version-1 path."""

    def test_a_copy_that_contradicts_the_staff_list(self) -> None:
        document = _sample_v1()
        case = document["data"]["cases"][0]
        member = case["care_team"][0]
        member["profession"] = "physiotherapist"
        staff = [p["id"] for p in document["data"]["professionals"]]
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("cases", 0, "care_team", 0)
        first = f"$.professionals[{staff.index(member['id'])}]"
        assert problem.reason.en == (
            f"this copy of professional {member['id']!r} contradicts the one at "
            f"{first} (fields: profession)"
        )
        assert problem.reason.da == (
            f"denne kopi af fagperson {member['id']!r} modsiger den ved "
            f"{first} (felter: profession)"
        )
        assert "version 2" in problem.fix.en

    def test_a_contradicting_unit_inside_a_copy(self) -> None:
        document = _sample_v1()
        member = document["data"]["cases"][0]["care_team"][0]
        member["unit"]["name"] = "Et andet navn"
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("cases", 0, "care_team", 0, "unit")
        assert "(fields: name)" in problem.reason.en

    def test_a_care_team_member_not_on_the_staff_list(self) -> None:
        document = _sample_v1()
        data = document["data"]
        in_meetings = {m["case"]["id"] for m in data["meetings"] if m["case"]}
        index = next(
            i for i, c in enumerate(data["cases"]) if c["id"] not in in_meetings
        )
        team = data["cases"][index]["care_team"]
        team.append({**copy.deepcopy(team[0]), "id": "p-999"})
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("cases", index, "care_team", len(team) - 1)
        assert problem.reason.en == (
            "professional 'p-999' is not in the scenario's professionals"
        )
        assert problem.reason.da == (
            "fagperson 'p-999' står ikke i scenariets professionals"
        )
        assert "add 'p-999' to professionals" in problem.fix.en

    def test_a_scenario_without_a_staff_list_has_its_people_where_they_are(
        self,
    ) -> None:
        meeting = load_sample().meetings[0]
        scenario = lm.Scenario(name="s", meetings=[meeting])
        assert lm.from_dict(lm.Scenario, _version_1(scenario)) == scenario

    def test_an_id_twice_in_a_list(self) -> None:
        document = _sample_v1()
        areas = document["data"]["areas"]
        areas.append(copy.deepcopy(areas[0]))
        (problem,) = _problems(lm.Scenario, document)
        assert problem.path == ("areas", len(areas) - 1)
        assert problem.reason.en == (
            f"the id {areas[0]['code']!r} is already in the list ($.areas[0])"
        )

    def test_a_contradiction_and_other_problems_at_once(self) -> None:
        document = _sample_v1()
        data = document["data"]
        data["cases"][0]["care_team"][0]["profession"] = "physiotherapist"
        data["forums"][0]["name"] = 5
        data["name"] = 7
        paths = [p.json_path for p in _problems(lm.Scenario, document)]
        assert paths == ["$.cases[0].care_team[0]", "$.name", "$.forums[0].name"]

    def test_what_the_upgrade_does_not_know_is_left_to_the_reader(self) -> None:
        document = _sample_v1()
        document["data"]["colour"] = "blue"
        document["data"]["areas"] = "nord"
        problems = _problems(lm.Scenario, document)
        assert [p.message("en") for p in problems] == [
            "$.areas: expected an array, got a string (fix: write an array here)",
            "$.colour: unknown field for Scenario (fix: remove it; the fields are "
            "name, areas, organisations, units, professionals, cases, forums, "
            "meetings, working_patterns, absences, programmes, cycles)",
        ]

    @pytest.mark.parametrize(
        ("change", "path", "says"),
        [
            (lambda d: d["units"].__setitem__(0, "hj-nord"), ("units", 0), "object"),
            (
                lambda d: d["units"][0].pop("id"),
                ("units", 0, "id"),
                "required field is missing",
            ),
            (
                lambda d: d["units"][0].__setitem__("id", 5),
                ("units", 0, "id"),
                "expected the id of a unit (a string), got a number",
            ),
            (
                lambda d: d["meetings"][0]["attendees"][0].__setitem__("person", 5),
                ("meetings", 0, "attendees", 0, "person"),
                "expected an object (a person), got a number",
            ),
            (
                lambda d: d["meetings"][0]["attendees"][0]["person"].pop("kind"),
                ("meetings", 0, "attendees", 0, "person"),
                "a person needs a valid 'kind'",
            ),
        ],
    )
    def test_a_copy_that_cannot_be_read(
        self, change: Any, path: tuple[Any, ...], says: str
    ) -> None:
        document = _sample_v1()
        change(document["data"])
        problems = _problems(lm.Scenario, document)
        assert problems[0].path == path
        assert says in problems[0].reason.en


def _unlisted(scenario: lm.Scenario) -> bool:
    """Whether *scenario* refers to an entity of a kind it lists, not listed.

    Version 1 refuses such a scenario when the list is given (not empty).
    """
    listed = listed_fields(lm.Scenario)
    given = {
        entity.cls: {getattr(v, entity.key) for v in getattr(scenario, name)}
        for name, entity in listed.items()
        if getattr(scenario, name)
    }
    found: list[Any] = []

    def walk(value: Any, top: bool) -> None:
        cls = type(value)
        if cls in given and not top:
            found.append(value)
        if attrs.has(cls):
            for field in attrs.fields(cls):
                walk(getattr(value, field.name), False)
        elif isinstance(value, (tuple, frozenset)):
            for item in value:
                walk(item, False)

    for name in listed:
        for item in getattr(scenario, name):
            walk(item, True)
    return any(getattr(v, BY_CLASS[type(v)].key) not in given[type(v)] for v in found)


class TestProperties:
    """The version-1 form of any value reads as the value its version 2 does.

    Both are upgraded to version 3, which gives an area without an owner the
    municipality of its units: the value read is the value with that owner.
    """

    @settings(max_examples=40)
    @given(st.data())
    def test_version_one_upgrades_to_the_value_of_version_two(
        self, data: st.DataObject
    ) -> None:
        cls, strategy = data.draw(st.sampled_from(MODEL_STRATEGIES), label="type")
        value = data.draw(strategy, label="value")
        old = _version_1(value)
        if isinstance(value, lm.Scenario) and _unlisted(value):
            problems = _problems(cls, old)
            assert all("is not in the scenario's" in p.reason.en for p in problems)
            return
        version_2 = lm.to_dict(value)
        version_2["learnmeet"] = 2
        assert lm.from_dict(cls, old) == lm.from_dict(cls, version_2)
        assert lm.from_dict(cls, lm.to_dict(value)) == value


DOCUMENTS = Path(__file__).parent / "documents"


class TestFiles:
    """Version-1 files as users wrote them: upgraded, or refused where version 1
    let them through."""

    def test_a_newcomers_scenario_upgrades_to_a_third_of_its_size(self) -> None:
        text = (DOCUMENTS / "own_scenario.json").read_text(encoding="utf-8")
        scenario = lm.from_json(lm.Scenario, text)
        assert len(scenario.professionals) == 12
        again = lm.to_json(scenario, indent=1)
        assert 3 * len(again.encode()) <= len(text.encode())
        assert lm.from_json(lm.Scenario, again) == scenario

    def test_it_plans_the_same_meetings_from_either_version(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        old = DOCUMENTS / "own_scenario.json"
        new = tmp_path / "v2.json"
        new.write_text(
            lm.to_json(lm.from_json(lm.Scenario, old.read_bytes()), indent=1),
            encoding="utf-8",
        )
        plans = []
        for name, path in (("a", old), ("b", new)):
            code, _, _ = run_cli(
                capsys,
                "plan",
                str(path),
                *("--from", "2027-01-01", "--to", "2027-06-30"),
                *("--out", str(tmp_path / name)),
            )
            assert code == 0
            plan = (tmp_path / name / "plan.json").read_text(encoding="utf-8")
            plans.append(lm.from_json(lm.PeriodPlan, plan).meetings)
        assert plans[0] == plans[1]
        # 12 in forums, 2 course days, and the home meeting and audit of
        # the citizens whose consent begins in the period, placed after it.
        assert len(plans[0]) == 16

    @pytest.mark.parametrize(
        ("name", "path", "en", "da"),
        [
            (
                "inconsistent_professional_copy_accepted.json",
                "$.cases[0].care_team[0]",
                "this copy of professional 't-01' contradicts the one at "
                "$.professionals[0] (fields: profession)",
                "denne kopi af fagperson 't-01' modsiger den ved $.professionals[0] "
                "(felter: profession)",
            ),
            (
                "care_team_person_not_in_professionals_accepted.json",
                "$.cases[0].care_team[4]",
                "professional 't-99' is not in the scenario's professionals",
                "fagperson 't-99' står ikke i scenariets professionals",
            ),
        ],
    )
    def test_what_version_one_let_through_is_refused_with_its_path(
        self, name: str, path: str, en: str, da: str
    ) -> None:
        with pytest.raises(lm.InvalidDataError) as info:
            lm.from_json(lm.Scenario, (DOCUMENTS / name).read_bytes())
        (problem,) = info.value.problems
        assert (problem.json_path, problem.reason.en, problem.reason.da) == (
            path,
            en,
            da,
        )


def _as_version_2(value: object) -> dict[str, Any]:
    """*value*'s document as version 2 says it (no version-3 field is set)."""
    document = copy.deepcopy(lm.to_dict(value))
    document["learnmeet"] = 2
    return document


class TestVersion2ToVersion3:
    """Version 2 called a volunteer and a visitator professions and had areas
    of no organisation; version 3 reads it as it says now (docs/json.md)."""

    KOMMUNE = lm.Organisation("k", "Kommune", lm.DEFAULT_CATALOG.sector("municipality"))
    PRACTICE = lm.Organisation(
        "lp", "Lægehus", lm.DEFAULT_CATALOG.sector("general_practice")
    )
    NORD = lm.Area("nord", lm.Label(da="Nord", en="North"))
    HOME = lm.Unit(id="hj", name="Hjemmeplejen", organisation=KOMMUNE, area=NORD)
    CLINIC = lm.Unit(id="lp-1", name="Lægehuset", organisation=PRACTICE, area=NORD)
    NURSE = lm.Professional(
        id="p-1", profession=lm.DEFAULT_CATALOG.profession("nurse"), unit=HOME
    )

    def _scenario(self, *units: lm.Unit) -> dict[str, Any]:
        return _as_version_2(
            lm.Scenario(
                name="s", areas=[self.NORD], units=units, professionals=[self.NURSE]
            )
        )

    def test_a_volunteer_loses_the_profession(self) -> None:
        document = self._scenario(self.HOME)
        document["data"]["professionals"]["p-1"]["profession"] = "volunteer"
        before = copy.deepcopy(document)
        (person,) = lm.from_dict(lm.Scenario, document).professionals
        assert person.is_volunteer
        assert person.profession is None
        assert document == before  # what was given is left as it was

    def test_a_visitator_is_refused_with_what_to_write(self) -> None:
        document = self._scenario(self.HOME)
        document["data"]["professionals"]["p-1"]["profession"] = "needs_assessor"
        document["data"]["units"]["hj"]["name"] = "Borger 120345-6789"
        problems = _problems(lm.Scenario, document)
        paths = [p.json_path for p in problems]
        assert paths == ["$.professionals['p-1'].profession", "$.units.hj.name"]
        assert '"needs_assessor" til "roles"' in problems[0].message("da")
        assert "own profession" in problems[0].message("en")

    def test_a_catalogue_that_still_has_them_keeps_them(self) -> None:
        volunteer = lm.Profession(
            "volunteer", lm.Label(da="frivillig", en="volunteer"), lm.Discipline.OTHER
        )
        mine = lm.DEFAULT_CATALOG.extend(professions=[volunteer])
        document = self._scenario(self.HOME)
        document["data"]["professionals"]["p-1"]["profession"] = "volunteer"
        (person,) = lm.from_dict(lm.Scenario, document, catalog=mine).professionals
        assert person.profession == volunteer

    def test_an_area_gets_its_municipality(self) -> None:
        scenario = lm.from_dict(lm.Scenario, self._scenario(self.HOME, self.CLINIC))
        (area,) = scenario.areas
        assert area.organisation == "k"
        assert {u.area for u in scenario.units} == {area}

    def test_an_area_of_two_municipalities_is_left_open(self) -> None:
        other = lm.Organisation("k2", "Kommune 2", self.KOMMUNE.sector)
        there = lm.Unit(
            id="hj2", name="Hjemmeplejen 2", organisation=other, area=self.NORD
        )
        (area,) = lm.from_dict(lm.Scenario, self._scenario(self.HOME, there)).areas
        assert area.organisation is None

    def test_one_unit_document(self) -> None:
        unit = lm.from_dict(lm.Unit, _as_version_2(self.HOME))
        assert unit.area is not None
        assert unit.area.organisation == "k"

    def test_one_professional_document(self) -> None:
        document = _as_version_2(self.NURSE)
        document["data"]["profession"] = "volunteer"
        person = lm.from_dict(lm.Professional, document)
        assert person.is_volunteer

    def test_version_1_is_upgraded_to_3_too(self) -> None:
        old = _version_1(lm.Scenario(name="s", professionals=[self.NURSE]))
        old["data"]["professionals"][0]["profession"] = "needs_assessor"
        (problem,) = _problems(lm.Scenario, old)
        assert problem.json_path == "$.professionals[0].profession"

    def test_the_sample_reads_as_version_2(self) -> None:
        """The sample as version 2 wrote it: its volunteers and areas."""
        document = lm.to_dict(load_sample())
        document["learnmeet"] = 2
        for area in document["data"]["areas"].values():
            del area["organisation"]
        for person in document["data"]["professionals"].values():
            if person.pop("participant_type", None) == "volunteer":
                person["profession"] = "volunteer"
        assert lm.from_dict(lm.Scenario, document) == load_sample()

    @given(st.sampled_from(MODEL_STRATEGIES).flatmap(lambda c: c[1]))
    @settings(max_examples=20)
    def test_a_value_without_areas_reads_the_same(self, value: Any) -> None:
        """Only a volunteer's profession and an area's owner are upgraded."""
        document = lm.to_dict(value)
        text = json.dumps(document)
        if '"area' in text or '"participant_type"' in text:
            return  # an area gets an owner; a volunteer is version 3's
        document["learnmeet"] = 2
        assert lm.from_dict(type(value), document) == value
