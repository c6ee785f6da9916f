"""The planning results as JSON documents.

A plan is worth keeping only whole: an app that reads ``plan.json`` must find
in it everything the planning found (the waiting lists, the cases left out,
the requests not placed, the validation) without planning again. So every
result type round-trips to an equal value and the same bytes, and a broken
result document is refused like any other, every problem with its path.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
import learnmeet.strategies as lst
from examples import crowded_area
from learnmeet.data import load_sample
from learnmeet.io._results import is_result_type, result_names, result_types
from support import MODEL_STRATEGIES

# One working day: one course day for 24 of the 64, the other 40 wait.
MARCH = (date(2027, 3, 16), date(2027, 3, 16))

RESULT_STRATEGIES: tuple[tuple[type[Any], st.SearchStrategy[Any]], ...] = tuple(
    (cls, strategy) for cls, strategy in MODEL_STRATEGIES if is_result_type(cls)
)


@pytest.fixture(scope="module")
def crowded() -> lm.PeriodPlan:
    return lm.plan_period(crowded_area(), start=MARCH[0], end=MARCH[1])


def _problems(cls: type[Any], document: object) -> list[str]:
    with pytest.raises(lm.InvalidDataError) as caught:
        lm.from_dict(cls, document)
    return [p.message("en") for p in caught.value.problems]


class TestEveryResultType:
    """Every result type is written and read back, equal and byte for byte."""

    def test_the_strategies_cover_every_result_type(self) -> None:
        assert {cls for cls, _ in RESULT_STRATEGIES} == set(result_types())

    def test_a_model_document_loads_no_other_layer(self) -> None:
        """The result types are known by the table of public names, not by
        importing them: a model value is written and read on its own."""
        code = (
            "import sys, learnmeet as lm\n"
            "text = lm.to_json(lm.Citizen('B-017'))\n"
            "lm.from_json(lm.Citizen, text)\n"
            "layers = ('learnmeet.planning', 'learnmeet.rules', "
            "'learnmeet.evaluation')\n"
            "print(sorted(m for m in sys.modules if m.startswith(layers)))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"

    def test_a_document_of_another_type_is_named(self) -> None:
        room = lm.to_json(lm.Room(id="mødelokale-2", capacity=12))
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_json(lm.Citizen, room)
        (problem,) = caught.value.problems
        assert problem.message("en") == (
            "$.type: the document holds 'Room', but 'Citizen' was asked for "
            "(fix: read it as the class it holds, or give a Citizen document)"
        )
        assert "Room" in result_names()

    @pytest.mark.parametrize(
        ("cls", "strategy"),
        RESULT_STRATEGIES,
        ids=[cls.__name__ for cls, _ in RESULT_STRATEGIES],
    )
    def test_generated_values_round_trip(
        self, cls: type[Any], strategy: st.SearchStrategy[Any]
    ) -> None:
        @settings(max_examples=15)
        @given(strategy)
        def check(value: Any) -> None:
            text = lm.to_json(value)
            back = lm.from_json(cls, text)
            assert back == value
            assert lm.to_json(back) == text

        check()

    def test_a_whole_plan_round_trips(self, crowded: lm.PeriodPlan) -> None:
        text = lm.to_json(crowded, indent=1)
        back = lm.from_json(lm.PeriodPlan, text)
        assert back == crowded
        assert back.meetings == crowded.meetings
        assert lm.to_json(back, indent=1) == text

    def test_a_composed_proposal_round_trips(self) -> None:
        town = load_sample()
        case = town.case("c-101")
        proposal = lm.compose(
            lm.DEFAULT_CATALOG.format("home_meeting"),
            pool=town.professionals,
            case=case,
            start=datetime(2027, 3, 2, 10, tzinfo=lm.COPENHAGEN),
        )
        assert proposal.choices
        assert lm.from_json(lm.Proposal, lm.to_json(proposal)) == proposal

    def test_in_a_fresh_process(self, crowded: lm.PeriodPlan) -> None:
        """Reading a plan document is enough to load what it needs."""
        code = (
            "import sys, learnmeet as lm\n"
            "plan = lm.from_json(lm.PeriodPlan, sys.stdin.read())\n"
            "print(sum(len(w) for w in plan.enrolment.waiting.values()))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            input=lm.to_json(crowded),
            capture_output=True,
            text=True,
            check=True,
        )
        assert out.stdout.strip() == "40"


class TestTheWaitingList:
    """64 staff in one area, one day for a course day of 24: the other 40
    wait, and the document says who, in order, and why."""

    def test_the_40_are_in_the_document_in_order(self, crowded: lm.PeriodPlan) -> None:
        waiting = crowded.enrolment.waiting["kursusdag-nord-20270316"]
        assert len(waiting) == 40
        data = json.loads(lm.to_json(crowded))["data"]
        written = data["enrolment"]["waiting"]["kursusdag-nord-20270316"]
        # Each by id, written once among the scenario's staff.
        assert written == [p.id for p in waiting]
        assert set(written) <= set(data["scenario"]["professionals"])
        back = lm.from_json(lm.PeriodPlan, lm.to_json(crowded))
        assert back.enrolment.waiting == crowded.enrolment.waiting

    def test_the_fill_and_the_report_are_there_too(
        self, crowded: lm.PeriodPlan
    ) -> None:
        data = lm.to_dict(crowded)["data"]
        (fill,) = data["enrolment"]["fill"]
        assert (fill["enrolled"], fill["capacity"]) == (24, 24)
        assert data["report"] == lm.to_dict(crowded.report)["data"]
        assert set(data) == {
            "scenario",
            "start",
            "end",
            "learning",
            "scheduled",
            "enrolment",
            "report",
            "unattached",
        }

    def test_enrolments_with_other_waiting_lists_differ(
        self, crowded: lm.PeriodPlan
    ) -> None:
        enrolment = crowded.enrolment
        shorter = attrs.evolve(
            enrolment,
            waiting={
                "kursusdag-nord-20270316": enrolment.waiting["kursusdag-nord-20270316"][
                    :39
                ]
            },
        )
        assert shorter != enrolment
        assert hash(shorter) == hash(enrolment)  # the lists are not hashed


class TestShapes:
    """Pairs are arrays of two, mappings objects, a language one of two texts."""

    def test_a_pair_is_an_array_of_its_parts(self) -> None:
        pro = crowded_area(1).professionals[0]
        why = lm.Label(da="ingen plads", en="no room")
        enrolment = lm.Enrolment(
            meetings=(),
            waiting={},
            ineligible=[(pro, why)],
            cancelled=[(pro, lm.CancellationReason.ILLNESS)],
            fill=(),
        )
        document = lm.to_dict(enrolment)
        data = document["data"]
        assert data["ineligible"] == [[pro.id, {"da": "ingen plads", "en": "no room"}]]
        assert data["cancelled"] == [[pro.id, "illness"]]
        assert list(document["included"]["professionals"]) == [pro.id]
        assert lm.from_dict(lm.Enrolment, lm.to_dict(enrolment)) == enrolment

    def test_a_report_keeps_its_language(self) -> None:
        report = lm.Report(lang="en")
        assert lm.to_dict(report)["data"] == {"violations": [], "lang": "en"}
        assert lm.from_dict(lm.Report, lm.to_dict(report)).lang == "en"


def _settings(**data: object) -> dict[str, object]:
    return {
        "learnmeet": lm.SCHEMA_VERSION,
        "type": "PlanningSettings",
        "data": data,
    }


class TestTravelTimesByPairOfPlaces:
    """A mapping whose keys are not texts is an array of [key, value] pairs."""

    def test_every_leg_is_written_and_read_back(self) -> None:
        legs = {
            ("sundhedshuset", "plejehjemmet-æblegården"): timedelta(minutes=12),
            ("plejehjemmet-æblegården", "sundhedshuset"): timedelta(minutes=15),
            ("home:TB-04", ""): timedelta(hours=1),
        }
        travel = lm.TravelTimes(default=timedelta(minutes=25), matrix=legs)
        data = lm.to_dict(travel)["data"]
        assert data["matrix"] == [
            [["sundhedshuset", "plejehjemmet-æblegården"], "PT12M"],
            [["plejehjemmet-æblegården", "sundhedshuset"], "PT15M"],
            [["home:TB-04", ""], "PT1H"],
        ]
        back = lm.from_json(lm.TravelTimes, lm.to_json(travel))
        # TravelTimes compares its default only; the legs are compared here.
        assert dict(back.matrix) == legs
        assert back.between("home:TB-04", "") == timedelta(hours=1)

    @settings(max_examples=40)
    @given(lst.travel_times())
    def test_generated_legs_survive(self, travel: lm.TravelTimes) -> None:
        back = lm.from_json(lm.TravelTimes, lm.to_json(travel))
        assert dict(back.matrix) == dict(travel.matrix)
        assert back.default == travel.default

    @pytest.mark.parametrize(
        ("matrix", "path", "says"),
        [
            ({"a": "PT5M"}, "$.travel.matrix", "an array of [key, value]"),
            ([["a", "b", "PT5M"]], "$.travel.matrix[0]", "an array of 2 items"),
            ([[["a"], "PT5M"]], "$.travel.matrix[0][0]", "an array of 2 items"),
            ([[["a", "b"], 5]], "$.travel.matrix[0][1]", "duration"),
            (
                [[["a", "b"], "PT5M"], [["a", "b"], "PT9M"]],
                "$.travel.matrix[1]",
                "the key is here already",
            ),
        ],
    )
    def test_a_broken_leg_is_refused_at_its_path(
        self, matrix: object, path: str, says: str
    ) -> None:
        document = _settings(travel={"matrix": matrix})
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.PlanningSettings, document)
        (problem,) = caught.value.problems
        assert problem.json_path == path
        assert says in problem.message("en")
        assert problem.message("da") != problem.message("en")


class TestZones:
    """A setting's zone is its IANA name, read as every zone in input is."""

    @pytest.mark.parametrize(
        "key", ["Europe/Copenhagen", "UTC", "America/St_Johns", "Atlantic/Faroe"]
    )
    def test_a_zone_is_its_name(self, key: str) -> None:
        settings = lm.PlanningSettings(zone=ZoneInfo(key))
        assert lm.to_dict(settings)["data"]["zone"] == key
        assert lm.from_json(lm.PlanningSettings, lm.to_json(settings)) == settings

    @pytest.mark.parametrize(
        ("zone", "says"),
        [
            ("CET", "abbreviation or a legacy name"),
            ("Europe", "unknown time zone 'Europe'"),
            ("[Europe/Copenhagen]", "expected the name of a time zone"),
            ("../../etc/passwd", "unknown time zone"),
            (1, "expected the name of a time zone"),
        ],
    )
    def test_anything_else_is_refused(self, zone: object, says: str) -> None:
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.PlanningSettings, _settings(zone=zone))
        (problem,) = caught.value.problems
        assert problem.json_path == "$.zone"
        assert says in problem.message("en")
        assert "Europe/Copenhagen" in problem.fix.en
        assert "tidszone" in problem.message("da") or "IANA" in problem.fix.da


def _at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=lm.COPENHAGEN)


class TestIndexes:
    """An index's document holds what it was given, merged; read back, it is
    equal and answers every query as before."""

    @pytest.mark.parametrize("name", ["Availability", "BusyIndex"])
    def test_the_schema_in_a_fresh_process(self, name: str) -> None:
        """The form's annotations are read before anything is converted."""
        code = (
            "import learnmeet as lm\n"
            f"schema = lm.json_schema(lm.{name})\n"
            f"print(sorted(schema['$defs']['{name}']['properties']))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        fields = {
            "Availability": "['absences', 'holidays', 'hours', 'patterns', "
            "'unit_hours', 'units', 'zone']",
            "BusyIndex": "['busy']",
        }
        assert out.stdout.strip() == fields[name]

    def test_busy_time_is_written_merged(self) -> None:
        given = [
            (_at(2, 8), _at(2, 10)),
            (_at(2, 9), _at(2, 11)),
            (_at(3, 13), _at(3, 14)),
        ]
        index = lm.BusyIndex({"professional:p-7": given, "citizen:TB-04": []})
        data = lm.to_dict(index)["data"]
        assert data == {
            "busy": {
                "citizen:TB-04": [],
                "professional:p-7": [
                    {
                        "start": "2026-03-02T08:00:00+01:00[Europe/Copenhagen]",
                        "end": "2026-03-02T11:00:00+01:00[Europe/Copenhagen]",
                    },
                    {
                        "start": "2026-03-03T13:00:00+01:00[Europe/Copenhagen]",
                        "end": "2026-03-03T14:00:00+01:00[Europe/Copenhagen]",
                    },
                ],
            }
        }
        back = lm.from_json(lm.BusyIndex, lm.to_json(index))
        assert back == index
        assert back.people == index.people

    def test_equal_by_the_busy_time_it_holds(self) -> None:
        one = lm.BusyIndex({"professional:p-7": [(_at(2, 8), _at(2, 11))]})
        same = lm.BusyIndex(
            {"professional:p-7": [(_at(2, 9), _at(2, 11)), (_at(2, 8), _at(2, 9))]}
        )
        other = lm.BusyIndex({"professional:p-7": [(_at(2, 8), _at(2, 12))]})
        assert one == same
        assert hash(one) == hash(same)
        assert one != other
        assert one != {"professional:p-7": [(_at(2, 8), _at(2, 11))]}
        nobody = lm.BusyIndex({"professional:p-8": []})
        assert nobody == lm.BusyIndex({})
        assert hash(nobody) == hash(lm.BusyIndex({}))

    @settings(max_examples=40)
    @given(lst.busy_indexes())
    def test_generated_busy_time_reads_back_with_the_same_free_slots(
        self, index: lm.BusyIndex
    ) -> None:
        back = lm.from_json(lm.BusyIndex, lm.to_json(index))
        assert back == index
        for key in index.people:
            assert back.intervals(key) == index.intervals(key)

    def test_the_sample_availability_answers_as_before(self) -> None:
        at_work = lm.Availability.from_scenario(load_sample())
        text = lm.to_json(at_work)
        back = lm.from_json(lm.Availability, text)
        assert back == at_work
        assert lm.to_json(back) == text
        week = (
            datetime(2027, 1, 4, tzinfo=lm.COPENHAGEN),
            datetime(2027, 1, 11, tzinfo=lm.COPENHAGEN),
        )
        for who in ("professional:p-001", "professional:p-006", "professional:p-021"):
            assert list(back.working_time(who, week)) == list(
                at_work.working_time(who, week)
            )

    def test_equal_by_what_it_holds(self) -> None:
        night = lm.WorkingHours(start=time(23), end=time(7), weekdays=range(7))
        pattern = lm.WorkingPattern(professional="p-9", shifts=[night])
        away = lm.Absence(professional="p-9", start=_at(2, 8), end=_at(2, 16))
        later = lm.Absence(professional="p-9", start=_at(2, 12), end=_at(3, 9))
        one = lm.Availability(patterns=[pattern], absences=[away, later])
        same = lm.Availability(
            patterns=[pattern],
            absences=[lm.Absence(professional="p-9", start=_at(2, 8), end=_at(3, 9))],
        )
        assert one == same
        assert hash(one) == hash(same)
        assert one != lm.Availability(patterns=[pattern])
        assert one != lm.Availability(
            patterns=[pattern], absences=[away, later], hours=None
        )

    @settings(max_examples=30)
    @given(lst.availabilities())
    def test_generated_availabilities_read_back_equal(
        self, at_work: lm.Availability
    ) -> None:
        text = lm.to_json(at_work)
        back = lm.from_json(lm.Availability, text)
        assert back == at_work
        assert lm.to_json(back) == text

    def test_a_broken_document_is_refused_at_every_path(self) -> None:
        document = lm.to_dict(lm.Availability.from_scenario(load_sample()))
        data = document["data"]
        data["patterns"].append(data["patterns"][0])
        data["absences"]["p-001"][0]["end"] = (
            "2027-01-04T00:00:00+01:00[Europe/Copenhagen]"
        )
        data["zone"] = "CET"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Availability, document)
        paths = sorted(p.json_path for p in caught.value.problems)
        assert paths == ["$.absences['p-001'][0].end", "$.zone"]
        data["absences"] = {}
        data["zone"] = "Europe/Copenhagen"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Availability, document)
        (problem,) = caught.value.problems
        assert problem.json_path == f"$.patterns[{len(data['patterns']) - 1}]"
        assert "allerede et arbejdsmønster" in problem.message("da")


class TestRulesByCode:
    """A rule is its code; only the built-in rules can be read back."""

    @pytest.mark.parametrize("code", lm.DEFAULT_RULES.codes)
    def test_a_built_in_rule_is_read_back_as_itself(self, code: str) -> None:
        rule = lm.DEFAULT_RULES.rule(code)
        assert lm.to_dict(rule)["data"] == code
        assert lm.from_json(lm.Rule, lm.to_json(rule)) is rule

    def test_a_rule_set_is_its_codes_and_choices(self) -> None:
        rules = lm.DEFAULT_RULES.without("LM202", "LM203").with_severity(
            "LM105", lm.Severity.ERROR
        )
        data = lm.to_dict(rules)["data"]
        assert data["rules"] == list(lm.DEFAULT_RULES.codes)
        assert data["disabled"] == ["LM202", "LM203"]
        assert data["severities"] == [["LM105", "error"]]
        back = lm.from_json(lm.RuleSet, lm.to_json(rules))
        assert back == rules
        assert back.severity_of("LM105") is lm.Severity.ERROR

    def test_a_rule_graded_twice_is_refused_at_its_path(self) -> None:
        document = lm.to_dict(lm.DEFAULT_RULES)
        document["data"]["severities"] = [["LM101", "info"], ["LM101", "warning"]]
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.RuleSet, document)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.severities[1]"
        assert "alvorlighed" in problem.message("da")

    def test_an_unknown_code_is_refused_with_the_nearest(self) -> None:
        document = lm.to_dict(lm.DEFAULT_RULES)
        document["data"]["rules"][3] = "LM1044"
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.RuleSet, document)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.rules[3]"
        assert "not the code of a built-in rule" in problem.message("en")
        assert "LM104" in problem.fix.en
        assert "indbyggede" in problem.message("da")

    @pytest.mark.parametrize("part", ["check", "applies"])
    def test_a_built_in_code_with_a_check_of_ones_own_is_refused(
        self, part: str
    ) -> None:
        """Equality leaves the check out; writing must not: the code alone
        would read back the built-in check."""
        built_in = lm.DEFAULT_RULES.rule("LM101")

        def never(*_: object) -> Any:
            return () if part == "check" else False

        own = attrs.evolve(built_in, **{part: never})
        assert own == built_in  # the check is not compared
        for value in (own, lm.DEFAULT_RULES.with_rules(own)):
            with pytest.raises(lm.InvalidValueError) as caught:
                lm.to_json(value)
            assert caught.value.message("en").startswith(
                "rule LM101 is not one of the built-in rules"
            )

    @settings(max_examples=25)
    @given(lst.rule_sets())
    def test_a_rule_of_ones_own_is_refused_when_written(
        self, rules: lm.RuleSet
    ) -> None:
        own = [r for r in rules.rules if r.code not in lm.DEFAULT_RULES.codes]
        for value in (rules, lm.PlanningConfig(rules=rules)):
            if not own:
                assert lm.from_json(type(value), lm.to_json(value)) == value
                continue
            with pytest.raises(lm.InvalidValueError) as caught:
                lm.to_json(value)
            assert own[0].code in caught.value.message("en")
            assert "RuleSet.with_rules" in caught.value.fix.en
            assert "Python-kode" in caught.value.message("da")


def _enrolment(**data: object) -> dict[str, object]:
    base: dict[str, object] = {
        "meetings": [],
        "waiting": {},
        "ineligible": [],
        "cancelled": [],
        "fill": [],
    }
    return {
        "learnmeet": lm.SCHEMA_VERSION,
        "type": "Enrolment",
        "data": {**base, **data},
    }


class TestRefusals:
    """A broken result document is refused with every problem's path, in
    Danish and English, never with Python's own text."""

    @pytest.mark.parametrize(
        ("data", "shown"),
        [
            (
                {"ineligible": [[]]},
                "$.ineligible[0]: expected an array of 2 items, got 0",
            ),
            (
                {"ineligible": [{}]},
                "$.ineligible[0]: expected an array of 2 items, got an object",
            ),
            (
                {"cancelled": [["v-001", "flu"]]},
                "$.cancelled[0][1]: not one of the codes allowed here",
            ),
            (
                {"cancelled": [["v-001", "illness"]]},
                "$.cancelled[0][0]: unknown professional code 'v-001'",
            ),
            ({"waiting": []}, "$.waiting: expected an object, got an array"),
            (
                {"waiting": {"kursusdag-nord": [5]}},
                "$.waiting['kursusdag-nord'][0]: expected the id of a professional",
            ),
            ({"waiting": {"x": {}}}, "$.waiting.x: expected an array, got an object"),
        ],
    )
    def test_paths_into_pairs_and_mappings(
        self, data: dict[str, Any], shown: str
    ) -> None:
        messages = _problems(lm.Enrolment, _enrolment(**data))
        assert any(m.startswith(shown) for m in messages), messages

    def test_a_waiting_list_key_is_an_identifier(self) -> None:
        messages = _problems(lm.Enrolment, _enrolment(waiting={" ": []}))
        assert messages[0].startswith("$.waiting: ")

    @pytest.mark.parametrize("lang", ["de", 1, None])
    def test_the_report_language(self, lang: object) -> None:
        document = {"learnmeet": 1, "type": "Report", "data": {"lang": lang}}
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Report, document)
        (problem,) = caught.value.problems
        assert problem.json_path == "$.lang"
        assert problem.reason.en == "expected one of 'da', 'en'"
        assert problem.reason.da == "forventede en af 'da', 'en'"

    def test_every_problem_of_a_plan_at_once(self, crowded: lm.PeriodPlan) -> None:
        document = lm.to_dict(crowded)
        data = document["data"]
        data["enrolment"]["waiting"]["kursusdag-nord-20270316"][3] = 5
        data["report"]["lang"] = "de"
        data["scheduled"]["unplaced"] = [
            {"request": {}, "reason": {"da": "a", "en": "b"}}
        ]
        messages = _problems(lm.PeriodPlan, document)
        assert [m.split(":")[0] for m in messages] == [
            "$.scheduled.unplaced[0].request.id",
            "$.scheduled.unplaced[0].request.format",
            "$.scheduled.unplaced[0].request.attendees",
            "$.scheduled.unplaced[0].request.earliest",
            "$.scheduled.unplaced[0].request.latest",
            "$.enrolment.waiting['kursusdag-nord-20270316'][3]",
            "$.report.lang",
        ]

    def test_a_plan_read_as_a_scenario_names_both(self, crowded: lm.PeriodPlan) -> None:
        messages = _problems(lm.Scenario, lm.to_dict(crowded))
        assert messages == [
            "$.type: the document holds 'PeriodPlan', but 'Scenario' was asked for "
            "(fix: read it as the class it holds, or give a Scenario document)"
        ]


class TestVersion1:
    """A result document in version 1, every person copied where they occur,
    is upgraded like any other: pairs part by part, waiting lists by key."""

    def test_a_whole_plan(self, crowded: lm.PeriodPlan) -> None:
        from learnmeet.io._json import _version_1

        old = _version_1(crowded)
        assert old["data"]["enrolment"]["waiting"]["kursusdag-nord-20270316"][0]["id"]
        assert lm.from_dict(lm.PeriodPlan, old) == crowded

    def test_pairs_and_waiting_lists(self) -> None:
        from learnmeet.io._json import _version_1

        first, second = crowded_area(2).professionals
        enrolment = lm.Enrolment(
            meetings=(),
            waiting={"kursusdag-nord": (first,)},
            ineligible=[(second, lm.Label(da="intet kursus", en="no course"))],
            cancelled=[(first, lm.CancellationReason.ILLNESS)],
            fill=(),
        )
        assert lm.from_dict(lm.Enrolment, _version_1(enrolment)) == enrolment

    def test_a_copy_that_disagrees_is_refused_at_its_path(self) -> None:
        from learnmeet.io._json import _version_1

        (first,) = crowded_area(1).professionals
        enrolment = lm.Enrolment(
            meetings=(),
            waiting={"kursusdag-nord": (first,)},
            ineligible=(),
            cancelled=[(first, lm.CancellationReason.ILLNESS)],
            fill=(),
        )
        old = _version_1(enrolment)
        old["data"]["cancelled"][0][0]["display_name"] = "En anden"
        messages = _problems(lm.Enrolment, old)
        assert [m.split(":")[0] for m in messages] == ["$.cancelled[0][0]"]


class TestIsResultType:
    """Only the result classes themselves, found by module and name."""

    def test_the_result_classes(self) -> None:
        assert all(is_result_type(cls) for cls in result_types())

    def test_a_lookalike_of_the_same_name_is_not(self) -> None:
        lookalike = attrs.frozen(type("Report", (), {"__annotations__": {}}))
        assert not is_result_type(lookalike)
        lookalike.__module__ = "learnmeet.rules._report"
        assert not is_result_type(lookalike)
        with pytest.raises(lm.WrongTypeError):
            lm.to_json(lookalike())
        with pytest.raises(lm.WrongTypeError):
            lm.from_json(lookalike, "{}")

    @pytest.mark.parametrize("value", [None, 1, "Report", lm.Meeting])
    def test_anything_else_is_not(self, value: object) -> None:
        assert not is_result_type(value)
