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
from datetime import date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from examples import crowded_area
from learnmeet.data import load_sample
from learnmeet.io._results import RESULT_NAMES, is_result_type, result_types
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
        assert {cls.__name__ for cls in result_types()} == RESULT_NAMES

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

    @pytest.mark.parametrize("value", [None, 1, "Report", lm.RuleSet])
    def test_anything_else_is_not(self, value: object) -> None:
        assert not is_result_type(value)
