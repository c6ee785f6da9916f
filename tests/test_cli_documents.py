"""The documents of ``check --json`` and ``plan --json``, and their schemas.

A program reads them instead of the text, so their shape is stable and
described by a JSON Schema: every document the command can write is valid by
it, every text is in both languages, and a path says where in which file.
"""

from __future__ import annotations

from datetime import date

import attrs
import jsonschema
import pytest

import learnmeet as lm
from learnmeet.cli._documents import (
    OUTPUT_SCHEMAS,
    VERSION,
    check_document,
    plan_document,
    problem_item,
)
from learnmeet.data import load_sample

SAMPLE = load_sample()


def _lonely() -> lm.Scenario:
    first = SAMPLE.meetings[0]
    lonely = attrs.evolve(first, attendees=first.attendees[:1])
    return attrs.evolve(SAMPLE, meetings=[lonely, *SAMPLE.meetings[1:]])


PROBLEM = lm.DataProblem(
    path=("travel", "default"),
    reason=lm.Label(da="forkert", en="wrong"),
    fix=lm.Label(da="ret det", en="fix it"),
)


class TestTheSchemas:
    """The schemas are schemas, and they describe what is written."""

    @pytest.mark.parametrize("name", sorted(OUTPUT_SCHEMAS))
    def test_valid_draft_2020_12(self, name: str) -> None:
        jsonschema.Draft202012Validator.check_schema(OUTPUT_SCHEMAS[name])

    def test_a_field_too_many_is_refused(self) -> None:
        document = check_document("s.json", scenario=SAMPLE, problems=[], found=None)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**document, "extra": 1}, OUTPUT_SCHEMAS["check"])


class TestProblemItem:
    """A problem names its file and its path from the file's own root."""

    def test_a_toml_key(self) -> None:
        item = problem_item("p.toml", PROBLEM, root="")
        assert item == {
            "file": "p.toml",
            "path": "travel.default",
            "reason": {"da": "forkert", "en": "wrong"},
            "fix": {"da": "ret det", "en": "fix it"},
        }

    def test_a_json_path(self) -> None:
        assert problem_item("s.json", PROBLEM)["path"] == "$.travel.default"


class TestCheckDocument:
    """ok exactly when the pre-flight ran and found nothing that stops a plan."""

    def test_a_passing_scenario(self) -> None:
        found = lm.preflight(SAMPLE)
        document = check_document("s.json", scenario=SAMPLE, problems=[], found=found)
        assert document["ok"] is True
        assert document["version"] == VERSION
        assert document["counts"]["meetings"] == len(SAMPLE.meetings)
        jsonschema.validate(document, OUTPUT_SCHEMAS["check"])

    def test_rule_errors_count(self) -> None:
        scenario = _lonely()
        found = lm.preflight(scenario)
        document = check_document("s.json", scenario=scenario, problems=[], found=found)
        assert document["ok"] is False
        assert document["errors"] == len(found.report.errors)
        jsonschema.validate(document, OUTPUT_SCHEMAS["check"])

    def test_not_run_is_not_ok(self) -> None:
        document = check_document("s.json", scenario=None, problems=[], found=None)
        assert document["ok"] is False
        assert document["report"] is None
        jsonschema.validate(document, OUTPUT_SCHEMAS["check"])

    def test_the_preflight_problems_are_listed(self) -> None:
        found = lm.Preflight(problems=[PROBLEM])
        document = check_document("s.json", scenario=SAMPLE, problems=[], found=found)
        assert [p["path"] for p in document["problems"]] == ["$.travel.default"]
        assert document["errors"] == 1


class TestPlanDocument:
    """The plan as its document, what was not placed, and the plan's report."""

    def test_a_plan(self) -> None:
        plan = lm.plan_period(SAMPLE, start=date(2027, 1, 1), end=date(2027, 3, 31))
        check = check_document(
            "s.json", scenario=SAMPLE, problems=[], found=lm.preflight(SAMPLE)
        )
        document = plan_document(
            check, plan, plan_json=lm.to_dict(plan), written=["ud/plan.json"]
        )
        assert document["ok"] is True
        assert document["written"] == ["ud/plan.json"]
        assert document["report"]["errors"] == len(plan.report.errors)
        assert all(v["path"] is None for v in document["report"]["violations"])
        jsonschema.validate(document, OUTPUT_SCHEMAS["plan"])

    def test_an_unplaced_request(self) -> None:
        plan = lm.plan_period(SAMPLE, start=date(2027, 1, 1), end=date(2027, 3, 31))
        request = lm.MeetingRequest.from_meeting(
            plan.scheduled.meetings[0],
            earliest=date(2027, 1, 1),
            latest=date(2027, 3, 31),
        )
        unplaced = lm.Unplaced(
            request=request,
            reason=lm.Label(da="ingen tid", en="no time"),
            blockers=["professional:p-001"],
        )
        plan = attrs.evolve(
            plan, scheduled=attrs.evolve(plan.scheduled, unplaced=[unplaced])
        )
        check = check_document("s.json", scenario=SAMPLE, problems=[], found=None)
        document = plan_document(check, plan, plan_json=None)
        assert document["unplaced"] == [
            {
                "request": request.id,
                "format": request.format.code,
                "reason": {"da": "ingen tid", "en": "no time"},
                "blockers": ["professional:p-001"],
            }
        ]
