"""The public surface: one table of public names, one __all__, loaded on use.

The layers are checked in test_architecture.py, the exceptions module in
test_exceptions.py, and the layer packages' forwarding in test_lazy.py.
"""

from __future__ import annotations

import ast
import enum
import inspect
import types
import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm

SRC = Path(lm.__file__).parent


def _type_checking_only(tree: ast.Module, target: ast.AST) -> bool:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.If)
            and ast.unparse(node.test) == "TYPE_CHECKING"
            and any(child is target for child in ast.walk(node))
        ):
            return True
    return False


def _is_frozen(cls: type) -> bool:
    """Whether assigning to a field of an instance raises FrozenInstanceError.

    Tried on a blank instance, so no valid value of the class is needed.
    """
    blank = object.__new__(cls)
    field = attrs.fields(cls)[0].name
    try:
        blank.__setattr__(field, None)
    except attrs.exceptions.FrozenInstanceError:
        return True
    except Exception:
        return False
    return False


class TestSurface:
    """Importers depend on one surface."""

    def test_all_is_sorted_and_resolves(self) -> None:
        assert len(lm.__all__) == len(set(lm.__all__))
        assert all(hasattr(lm, name) for name in lm.__all__)

    def test_every_class_is_frozen_attrs_enum_or_error(self) -> None:
        """Values are immutable: every public attrs class refuses assignment."""
        for name in lm.__all__:
            obj = getattr(lm, name)
            if (
                inspect.isclass(obj)
                and not issubclass(obj, BaseException)
                and attrs.has(obj)
            ):
                assert _is_frozen(obj), name

    def test_the_frozen_check_catches_a_mutable_class(self) -> None:
        @attrs.define
        class Mutable:
            x: int = attrs.field(validator=attrs.validators.instance_of(int))

        @attrs.frozen
        class Frozen:
            x: int

        assert (_is_frozen(Mutable), _is_frozen(Frozen)) == (False, True)


def _typing_imports() -> dict[str, str]:
    """Each name the root imports for type checkers, mapped to its module."""
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _type_checking_only(tree, node):
            for alias in node.names:
                assert alias.asname == alias.name, f"{alias.name} is not re-exported"
                assert node.module is not None
                found[alias.name] = node.module
    return found


class TestOneTable:
    """The root's table of public names is the one list: the rest follow it."""

    def test_type_checkers_see_what_the_table_says(self) -> None:
        table = {name: module for module, names in lm._PUBLIC.items() for name in names}
        assert _typing_imports() == table

    def test_all_and_dir_come_from_the_table(self) -> None:
        names = {name for row in lm._PUBLIC.values() for name in row}
        assert set(lm.__all__) == names | {"__version__"}
        assert names <= set(dir(lm))

    def test_every_name_is_defined_where_the_table_says(self) -> None:
        import importlib

        for module, names in lm._PUBLIC.items():
            defined = set(getattr(importlib.import_module(module), "__all__", ()))
            assert set(names) <= defined, module


class TestLazyLayers:
    """``import learnmeet`` loads the core values; the rest loads on first use."""

    def _fresh(self, code: str) -> str:
        import subprocess
        import sys

        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()

    def test_import_loads_only_the_model_layer(self) -> None:
        loaded = self._fresh(
            "import sys, learnmeet; print(sorted(m for m in sys.modules if m in "
            "{'cattrs', 'hypothesis', 'learnmeet.io', 'learnmeet.rules', "
            "'learnmeet.planning', 'learnmeet.evaluation', 'urllib.request', "
            "'learnmeet.model._cycle', 'learnmeet.model._survey', "
            "'learnmeet.catalog._reflection'}))"
        )
        assert loaded == "[]"

    def test_first_use_loads_the_layer(self) -> None:
        out = self._fresh(
            "import sys, learnmeet; learnmeet.to_json; "
            "print('learnmeet.io' in sys.modules, 'learnmeet.planning' in sys.modules)"
        )
        assert out == "True False"

    def test_every_public_name_in_a_fresh_interpreter(self) -> None:
        out = self._fresh(
            "import learnmeet; ns = {}; exec('from learnmeet import *', ns); "
            "print(sorted(set(learnmeet.__all__) - set(ns)), "
            "set(learnmeet.__all__) <= set(dir(learnmeet)))"
        )
        assert out == "[] True"

    def test_a_misspelt_name_is_an_attribute_error(self) -> None:
        with pytest.raises(AttributeError, match="'Meetng'"):
            lm.Meetng  # type: ignore[attr-defined]  # noqa: B018


# -- every argument of every public function and method -------------------------------


class _Stranger:
    """A value no public function takes for any argument."""


STRANGER = _Stranger()

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\n"
    "BEGIN:VEVENT\r\nUID:busy-1@example.org\r\nDTSTAMP:20270101T000000Z\r\n"
    "DTSTART:20270105T080000Z\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
"""A small calendar: one busy hour."""


def _a_violation() -> lm.Violation:
    return lm.Violation(
        code="LM101",
        severity=lm.Severity.ERROR,
        subject=lm.Subject(lm.SubjectKind.MEETING, "m-1"),
        message=lm.Label(da="noget", en="something"),
        meeting="m-1",
    )


XAPI_STATEMENT = {
    "actor": {"account": {"homePage": "https://kommune.example", "name": "p-1"}},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
    "object": {"id": "https://kommune.example/learnmeet/meeting/m-1"},
}

#: The valid call of a callable that needs an optional extra: the module it
#: imports, so the call is skipped where the extra is not installed.
NEEDS_EXTRA = {"validate_fhir": "fhir.resources", "validate_xapi": "ralph"}


def _calls() -> dict[str, tuple[Any, dict[str, Any]]]:
    """A valid call of every public function and method: the callable, its kwargs.

    Keyed by qualified name (``validate``, ``Catalog.profession``); a class's
    own name stands for its constructor where that is not made by attrs.
    """
    from evaluation_data import INVITATIONS, MEETINGS, RESPONSES, SURVEY
    from learnmeet.data import load_sample

    sample = load_sample()
    meeting = sample.meetings[0]
    person = sample.professionals[0]
    forum = sample.forums[0]
    case = sample.cases[0]
    start = meeting.start
    window = (start, start + timedelta(days=7))
    evaluation = lm.evaluate(SURVEY, INVITATIONS, RESPONSES, MEETINGS)
    record = lm.learning_record(sample, on=date(2027, 1, 1))
    relations = record.relation_map()
    encounter = lm.Encounter(
        first="p-1",
        second="p-2",
        first_unit="u-1",
        second_unit="u-2",
        first_sector="municipality",
        second_sector="hospital",
        meetings=["m-1"],
    )
    report = lm.validate(meeting)
    kolb = lm.QUESTION_BANK.model("kolb")
    cycle = lm.ReflectionCycle.start(kolb, subject=case.id, meeting=meeting.id)
    reflecting = cycle
    while reflecting.phase.kind is not lm.PhaseKind.REFLECTION:
        reflecting = reflecting.contribute(person, "noget").advance()
    learning = reflecting
    while learning.phase.kind is not lm.PhaseKind.ACTION:
        learning = learning.contribute(person, "noget").advance()
    acting = learning.contribute(person, "vi gør det").act(
        "a-1", "Ring", owner=person, due=date(2027, 3, 1)
    )
    ending = acting
    while ending.phase is not ending.model.phases[-1]:
        ending = ending.contribute(person, "noget").advance()
    closed = ending.contribute(person, "slut").close(carry=True)
    series = lm.forum_series(forum)
    completion = lm.CourseCompletion(
        course="facilitator_training",
        completed_on=date(2026, 9, 3),
        expires_on=date(2029, 9, 2),
    )
    busy = {"professional:p-001": [(start, start + timedelta(hours=1))]}
    hours = lm.WorkingHours()
    pattern = lm.WorkingPattern(
        professional=person.id,
        shifts=[lm.WorkingHours(start=time(23), end=time(7), weekdays={0, 2})],
    )
    absence = lm.Absence.days(person.id, date(2027, 1, 4), date(2027, 1, 8))
    programme = lm.Programme(
        id="pulje",
        name="En værdig død",
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
        meetings=[meeting.id],
    )
    course_series = lm.CourseSeries(
        id="kursusdage",
        format=lm.DEFAULT_CATALOG.format("course_day"),
        cohorts=[
            lm.Cohort(
                "hold-nord",
                person.unit.area or lm.Area("nord", lm.Label(da="Nord", en="North")),
            )
        ],
        start=date(2027, 1, 1),
        end=date(2027, 12, 31),
    )
    availability = lm.Availability(patterns=[pattern], absences=[absence])
    enrolment = lm.enrol(sample.professionals, [], forums=sample.forums)
    proposal = lm.compose(
        meeting.format, pool=sample.professionals, start=start, case=meeting.case
    )
    catalog = lm.DEFAULT_CATALOG
    question = kolb.phases[0].questions[0]
    new_question = lm.Question(
        id="kolb.extra.1", text=lm.Label(da="Hvad så du?", en="What did you see?")
    )
    return {
        "attach_learning": (
            lm.attach_learning,
            {
                "forum": forum,
                "cases": sample.cases,
                "window": window,
                "every": 1,
                "minutes": 20,
                "skip": [],
                "format": catalog.format("learning_meeting"),
                "reflection": meeting.reflection,
                "rules": lm.DEFAULT_RULES,
            },
        ),
        "audit_checklist": (
            lm.audit_checklist,
            {"case": sample.cases[5], "transition": None},
        ),
        "AuditAssessment.from_meeting": (
            lm.AuditAssessment.from_meeting,
            {"meeting": sample.meetings[2], "transition": 1},
        ),
        "busy_from_meetings": (lm.busy_from_meetings, {"meetings": [meeting]}),
        "compose": (
            lm.compose,
            {
                "format": meeting.format,
                "pool": sample.professionals,
                "start": start,
                "case": meeting.case,
                "host": None,
                "cohort": None,
                "reflection": None,
                "include_relatives": False,
                "answers": {},
                "meeting_id": "m-x",
                "rules": lm.DEFAULT_RULES,
            },
        ),
        "danish_holidays": (lm.danish_holidays, {"year": 2027, "customary": True}),
        "enrol": (
            lm.enrol,
            {
                "people": sample.professionals,
                "sessions": [],
                "cancellations": {},
                "forums": sample.forums,
                "reflection": None,
            },
        ),
        "evaluate": (
            lm.evaluate,
            {
                "survey": SURVEY,
                "invitations": INVITATIONS,
                "responses": RESPONSES,
                "meetings": MEETINGS,
                "themes": [],
                "threshold": 5,
                "confidence": 0.9,
                "eligibility_rate": 0.5,
            },
        ),
        "evaluation_csv": (lm.evaluation_csv, {"evaluation": evaluation, "lang": "en"}),
        "learning_record": (
            lm.learning_record,
            {"scenario": sample, "on": date(2027, 1, 1)},
        ),
        "LearningRecord.person": (record.person, {"id": person.id}),
        "LearningRecord.completed": (record.completed, {"course": "palliation_mono"}),
        "LearningRecord.lacking_prerequisite": (
            record.lacking_prerequisite,
            {"meeting": meeting, "area": True},
        ),
        "LearningRecord.gaps": (
            record.gaps,
            {
                "requirements": lm.DEFAULT_CATALOG.format("course_day").requirements,
                "start": date(2026, 1, 1),
                "end": date(2026, 12, 31),
                "by": "area",
            },
        ),
        "LearningRecord.facilitators": (
            record.facilitators,
            {"start": date(2026, 1, 1), "end": date(2026, 12, 31)},
        ),
        "LearningRecord.relation_map": (
            record.relation_map,
            {"start": date(2026, 1, 1), "end": date(2026, 12, 31)},
        ),
        "RelationMap.met": (relations.met, {"professional": person.id}),
        "RelationMap.between": (relations.between, {"unit": "u-1", "other": "u-2"}),
        "Encounter.involves": (encounter.involves, {"id": "p-1"}),
        "Encounter.other": (encounter.other, {"id": "p-1"}),
        "record_csv": (lm.record_csv, {"record": record, "lang": "en"}),
        "record_text": (
            lm.record_text,
            {
                "record": record,
                "lang": "en",
                "unit": person.unit.id,
                "requirements": lm.DEFAULT_CATALOG.format("course_day").requirements,
                "start": date(2026, 1, 1),
                "end": date(2026, 12, 31),
            },
        ),
        "record_svg": (
            lm.record_svg,
            {"record": record, "unit": person.unit.id, "lang": "en"},
        ),
        "evaluation_text": (
            lm.evaluation_text,
            {"evaluation": evaluation, "lang": "en"},
        ),
        "fhir_files": (
            lm.fhir_files,
            {"scenario": sample, "lang": "en", "base": "https://kommune.example/id"},
        ),
        "meetings_to_fhir": (
            lm.meetings_to_fhir,
            {
                "meetings": [meeting],
                "scenario": sample,
                "lang": "en",
                "base": "https://kommune.example/id",
            },
        ),
        "meetings_from_fhir": (
            lm.meetings_from_fhir,
            {
                "bundle": lm.meetings_to_fhir([meeting]),
                "scenario": sample,
                "catalog": catalog,
                "base": "https://learnmeet.invalid/fhir/id",
                "zone": lm.COPENHAGEN,
            },
        ),
        "plan_to_fhir": (
            lm.plan_to_fhir,
            {
                "plan": lm.plan_period(
                    sample, start=date(2027, 1, 1), end=date(2027, 1, 10)
                ),
                "lang": "en",
                "base": "https://kommune.example/id",
            },
        ),
        "scenario_to_fhir": (
            lm.scenario_to_fhir,
            {"scenario": sample, "lang": "en", "base": "https://kommune.example/id"},
        ),
        "validate_fhir": (lm.validate_fhir, {"bundle": lm.meetings_to_fhir([meeting])}),
        "fhir_care_resources": (
            lm.fhir_care_resources,
            {
                "scenario": sample,
                "today": date(2027, 1, 4),
                "lang": "en",
                "base": "https://fhir.kommune.invalid/lm",
            },
        ),
        "fhir_care_team": (
            lm.fhir_care_team,
            {"case": case, "lang": "en", "base": "https://fhir.kommune.invalid/lm"},
        ),
        "fhir_consent": (
            lm.fhir_consent,
            {
                "case": case,
                "today": date(2027, 1, 4),
                "lang": "en",
                "base": "https://fhir.kommune.invalid/lm",
            },
        ),
        "fhir_encounters": (
            lm.fhir_encounters,
            {"case": case, "lang": "en", "base": "https://fhir.kommune.invalid/lm"},
        ),
        "fhir_episode_of_care": (
            lm.fhir_episode_of_care,
            {"case": case, "lang": "en", "base": "https://fhir.kommune.invalid/lm"},
        ),
        "fhir_questionnaire": (
            lm.fhir_questionnaire,
            {"survey": SURVEY, "lang": "en", "base": "https://fhir.kommune.invalid/lm"},
        ),
        "fhir_questionnaire_responses": (
            lm.fhir_questionnaire_responses,
            {
                "survey": SURVEY,
                "invitations": INVITATIONS,
                "responses": RESPONSES,
                "meetings": MEETINGS,
                "lang": "en",
                "base": "https://fhir.kommune.invalid/lm",
            },
        ),
        "find_slots": (
            lm.find_slots,
            {
                "people": [person],
                "window": window,
                "duration": timedelta(hours=1),
                "busy": busy,
                "hours": hours,
                "unit_hours": {},
                "holidays": [date(2027, 1, 1)],
                "limit": 2,
                "zone": lm.COPENHAGEN,
            },
        ),
        "forum_series": (lm.forum_series, {"forum": forum}),
        "free_time": (
            lm.free_time,
            {
                "people": [person],
                "window": window,
                "busy": busy,
                "hours": hours,
                "unit_hours": {},
                "holidays": [],
                "zone": lm.COPENHAGEN,
            },
        ),
        "from_dict": (
            lm.from_dict,
            {"cls": lm.Meeting, "document": lm.to_dict(meeting), "catalog": catalog},
        ),
        "from_json": (
            lm.from_json,
            {"cls": lm.Meeting, "text": lm.to_json(meeting), "catalog": catalog},
        ),
        "invite": (lm.invite, {"survey": SURVEY, "meetings": MEETINGS}),
        "looks_like_cpr": (lm.looks_like_cpr, {"text": "p-1"}),
        "make_converter": (lm.make_converter, {"catalog": catalog}),
        "preflight": (
            lm.preflight,
            {
                "scenario": sample,
                "start": date(2027, 1, 1),
                "end": date(2027, 1, 31),
                "settings": lm.PlanningSettings(),
                "rules": lm.DEFAULT_RULES,
                "catalog": catalog,
            },
        ),
        "Preflight.path_of": (
            lm.preflight(sample).path_of,
            {"violation": _a_violation()},
        ),
        "read_config": (lm.read_config, {"text": "min_on_duty = 0.5\n"}),
        "series_signal": (
            lm.series_signal,
            {
                "series": course_series,
                "held": [],
                "evaluation": None,
                "thresholds": lm.SeriesThresholds(),
            },
        ),
        "plan_course_days": (
            lm.plan_course_days,
            {
                "professionals": sample.professionals,
                "start": date(2027, 1, 1),
                "end": date(2027, 1, 31),
                "format": catalog.format("course_day"),
                "settings": lm.PlanningSettings(),
                "holidays": [date(2027, 1, 1)],
                "busy": None,
                "meetings": [],
                "forums": sample.forums,
                "reflection": None,
                "availability": None,
            },
        ),
        "plan_many": (
            lm.plan_many,
            {
                "scenarios": [sample],
                "start": date(2027, 1, 1),
                "end": date(2027, 1, 31),
                "executor": ThreadPoolExecutor(max_workers=1),
                "every": 2,
                "catalog": catalog,
                "zone": lm.COPENHAGEN,
                "settings": lm.PlanningSettings(),
                "rules": lm.DEFAULT_RULES,
            },
        ),
        "plan_period": (
            lm.plan_period,
            {
                "scenario": sample,
                "start": date(2027, 1, 1),
                "end": date(2027, 1, 31),
                "every": 2,
                "catalog": catalog,
                "zone": lm.COPENHAGEN,
            },
        ),
        "schedule": (
            lm.schedule,
            {
                "requests": [],
                "busy": busy,
                "hours": hours,
                "unit_hours": {},
                "holidays": [],
                "zone": lm.COPENHAGEN,
            },
        ),
        "taking_part": (lm.taking_part, {"meeting": meeting}),
        "to_dict": (lm.to_dict, {"value": meeting, "catalog": catalog}),
        "json_schema": (lm.json_schema, {"cls": lm.Meeting, "catalog": catalog}),
        "to_ical": (
            lm.to_ical,
            {
                "meetings": [meeting],
                "lang": "en",
                "name": "Plan",
                "stamp": start,
                "method": "publish",
                "organizer": "plan@kommune.example",
                "uid_domain": "kommune.example",
                "uids": {meeting.id: "m-1@kommune.example"},
                "previous": [meeting],
            },
        ),
        "to_json": (lm.to_json, {"value": meeting, "catalog": catalog, "indent": 2}),
        "validate": (
            lm.validate,
            {
                "meeting": meeting,
                "context": lm.RuleContext(),
                "rules": lm.DEFAULT_RULES,
                "lang": "en",
            },
        ),
        "validate_all": (
            lm.validate_all,
            {
                "meetings": [meeting],
                "context": None,
                "rules": lm.DEFAULT_RULES,
                "lang": "en",
            },
        ),
        "yield_chart_svg": (
            lm.yield_chart_svg,
            {"evaluation": evaluation, "lang": "en", "dimension": lm.Dimension.FORMAT},
        ),
        "BusyIndex": (lm.BusyIndex, {"busy": busy}),
        "BusyIndex.intervals": (
            lm.BusyIndex(busy).intervals,
            {"person": "professional:p-001", "zone": lm.COPENHAGEN},
        ),
        "Catalog.profession": (catalog.profession, {"code": "nurse"}),
        "Catalog.sector": (catalog.sector, {"code": "hospital"}),
        "Catalog.format": (catalog.format, {"code": "learning_meeting"}),
        "Catalog.extend": (
            catalog.extend,
            {"professions": [], "sectors": [], "formats": []},
        ),
        "CitizenCase.has_consent_on": (case.has_consent_on, {"day": date(2027, 1, 5)}),
        "CitizenCase.basis_on": (
            case.basis_on,
            {"day": date(2027, 1, 5), "purpose": lm.ConsentPurpose.LEARNING},
        ),
        "Consent.is_valid_on": (
            lm.Consent(given_on=date(2027, 1, 1)).is_valid_on,
            {"day": date(2027, 1, 5), "purpose": lm.ConsentPurpose.LEARNING},
        ),
        "DataProblem.message": (
            lm.DataProblem(
                path=("x",),
                reason=lm.Label(da="a", en="b"),
                fix=lm.Label(da="c", en="d"),
            ).message,
            {"lang": "en"},
        ),
        "Enrolment.report": (enrolment.report, {"lang": "en"}),
        "Evaluation.by": (evaluation.by, {"dimension": lm.Dimension.FORMAT}),
        "Evaluation.group": (
            evaluation.group,
            {"dimension": lm.Dimension.FORMAT, "code": "learning_meeting"},
        ),
        "Label": (lm.Label, {"da": "a", "en": "b"}),
        "Label.get": (lm.Label(da="a", en="b").get, {"lang": "en"}),
        "Meeting.attendee": (
            meeting.attendee,
            {"key": meeting.attendees[0].person.key},
        ),
        "Meeting.heading": (meeting.heading, {"lang": "en"}),
        "MeetingRequest.from_meeting": (
            lm.MeetingRequest.from_meeting,
            {
                "meeting": meeting,
                "earliest": date(2027, 1, 4),
                "latest": date(2027, 1, 29),
            },
        ),
        "Professional.has_role": (person.has_role, {"role": lm.StaffRole.LEADER}),
        "Professional.has_completed": (
            person.has_completed,
            {"course": "facilitator_training", "on": date(2027, 2, 2)},
        ),
        "CourseCompletion.valid_on": (completion.valid_on, {"day": date(2027, 2, 2)}),
        "CourseCompletion.expired_on": (
            completion.expired_on,
            {"day": date(2027, 2, 2)},
        ),
        "FormatRequirements.prerequisite_for": (
            lm.DEFAULT_CATALOG.format("course_day").requirements.prerequisite_for,
            {"profession": lm.DEFAULT_CATALOG.profession("nurse")},
        ),
        "FormatRequirements.missing_prerequisite": (
            lm.DEFAULT_CATALOG.format("course_day").requirements.missing_prerequisite,
            {"professional": person, "on": date(2027, 2, 2)},
        ),
        "Proposal.explain": (proposal.explain, {"lang": "en"}),
        "Question.suits": (
            question.suits,
            {"format": "learning_meeting", "audience": lm.Audience.PROFESSIONALS},
        ),
        "QuestionBank.model": (lm.QUESTION_BANK.model, {"code": "kolb"}),
        "QuestionBank.extend": (lm.QUESTION_BANK.extend, {"models": []}),
        "QuestionBank.with_questions": (
            lm.QUESTION_BANK.with_questions,
            {
                "model": "kolb",
                "phase": kolb.phases[0].code,
                "questions": [new_question],
            },
        ),
        "QuestionBank.questions": (
            lm.QUESTION_BANK.questions,
            {
                "model": "kolb",
                "phase": None,
                "format": "learning_meeting",
                "audience": None,
            },
        ),
        "QuestionBank.choose": (
            lm.QUESTION_BANK.choose,
            {
                "model": "kolb",
                "format": None,
                "audience": lm.Audience.PROFESSIONALS,
                "per_phase": 1,
                "seed": "s",
            },
        ),
        "ReflectionCycle.start": (
            lm.ReflectionCycle.start,
            {"model": kolb, "subject": case.id, "meeting": meeting, "previous": None},
        ),
        "ReflectionCycle.contributions_in": (
            cycle.contributions_in,
            {"phase": kolb.phases[0].code},
        ),
        "ReflectionCycle.contribute": (cycle.contribute, {"by": person, "text": "x"}),
        "ReflectionCycle.learn": (
            reflecting.learn,
            {"text": "Vi lærte", "tags": ["knowing_offers"]},
        ),
        "ReflectionCycle.act": (
            learning.contribute(person, "vi gør det").act,
            {"id": "a-2", "text": "Ring", "owner": person, "due": date(2027, 3, 1)},
        ),
        "ReflectionCycle.settle": (
            acting.settle,
            {"action": "a-1", "status": lm.ActionStatus.DONE},
        ),
        "ReflectionCycle.close": (
            ending.contribute(person, "slut").close,
            {"carry": True},
        ),
        "ReflectionCycle.next": (closed.next, {"meeting": "m-2"}),
        "ReflectionModel.phase": (kolb.phase, {"code": kolb.phases[0].code}),
        "ReflectionModel.index": (kolb.index, {"code": kolb.phases[0].code}),
        "ReflectionModel.questions": (
            kolb.questions,
            {"phase": None, "format": None, "audience": None},
        ),
        "ReflectionModel.with_questions": (
            kolb.with_questions,
            {"phase": kolb.phases[0].code, "questions": [new_question]},
        ),
        "ReflectionModel.choose": (
            kolb.choose,
            {
                "format": None,
                "audience": lm.Audience.PROFESSIONALS,
                "per_phase": 1,
                "seed": 3,
            },
        ),
        "Report.render": (report.render, {"lang": "en"}),
        "Report.merge": (report.merge, {"others": [report]}),  # *others
        "ResponseRates.count": (
            evaluation.rates.count,
            {"disposition": lm.Disposition.COMPLETE},
        ),
        "RuleContext.hours_of": (lm.RuleContext().hours_of, {"unit_id": "u"}),
        "PlanningSettings.hours_of": (lm.PlanningSettings().hours_of, {"unit_id": "u"}),
        "PlanningSettings.keeps_on_duty": (
            lm.PlanningSettings().keeps_on_duty,
            {"staff": 4},
        ),
        "PlanningSettings.away_at_most": (
            lm.PlanningSettings().away_at_most,
            {"unit_id": "u", "staff": 4},
        ),
        "TravelTimes.between": (
            lm.TravelTimes().between,
            {"first": "a", "second": "b"},
        ),
        "RuleSet.rule": (lm.DEFAULT_RULES.rule, {"code": "LM101"}),
        "RuleSet.severity_of": (lm.DEFAULT_RULES.severity_of, {"code": "LM101"}),
        "RuleSet.with_severity": (
            lm.DEFAULT_RULES.with_severity,
            {"code": "LM101", "severity": lm.Severity.WARNING},
        ),
        "RuleSet.without": (lm.DEFAULT_RULES.without, {"codes": ["LM101"]}),
        "RuleSet.with_rules": (
            lm.DEFAULT_RULES.with_rules,
            {"rules": [lm.DEFAULT_RULES.rule("LM101")]},
        ),
        "Scenario.professional": (sample.professional, {"id": person.id}),
        "Programme.covers": (programme.covers, {"day": date(2027, 3, 1)}),
        "Programme.problems": (programme.problems, {"meetings": sample.meetings}),
        "Scenario.case": (sample.case, {"id": case.id}),
        "Scenario.forum": (sample.forum, {"id": forum.id}),
        "Series.from_ical": (
            lm.Series.from_ical,
            {
                "text": "DTSTART;TZID=Europe/Copenhagen:20270105T090000\n"
                "RRULE:FREQ=WEEKLY;COUNT=4",
                "default_zone": lm.COPENHAGEN,
            },
        ),
        "busy_from_ical": (
            lm.busy_from_ical,
            {
                "calendar": CALENDAR,
                "window": window,
                "zone": lm.COPENHAGEN,
                "name": "p-1.ics",
            },
        ),
        "busy_index_from_ical": (
            lm.busy_index_from_ical,
            {
                "calendars": {f"{person.id}.ics": CALENDAR},
                "people": [person],
                "window": window,
                "zone": lm.COPENHAGEN,
            },
        ),
        "Series.occurrences": (
            series.occurrences,
            {"after": window[0], "before": window[1]},
        ),
        "Subject.shown": (lm.Subject(lm.SubjectKind.CASE, "c-1").shown, {"lang": "en"}),
        "Survey.item": (SURVEY.item, {"id": "y1"}),
        "Survey.send_at": (SURVEY.send_at, {"meeting": MEETINGS[0]}),
        "Violation.render": (
            (report.violations or lm.validate(MEETINGS[2]).violations)[0].render,
            {"lang": "en"},
        ),
        "WorkingHours.covers": (
            hours.covers,
            {"start": start, "end": start + timedelta(hours=1)},
        ),
        "Absence.days": (
            lm.Absence.days,
            {
                "professional": person.id,
                "first": date(2027, 1, 4),
                "last": date(2027, 1, 8),
                "kind": lm.AbsenceKind.COURSE,
                "zone": lm.COPENHAGEN,
            },
        ),
        "Availability": (
            lm.Availability,
            {
                "patterns": [pattern],
                "absences": [absence],
                "hours": hours,
                "unit_hours": {},
                "holidays": [],
                "professionals": sample.professionals,
                "zone": lm.COPENHAGEN,
            },
        ),
        "Availability.from_scenario": (
            lm.Availability.from_scenario,
            {
                "scenario": sample,
                "hours": hours,
                "unit_hours": {},
                "holidays": [],
                "zone": lm.COPENHAGEN,
            },
        ),
        "Availability.working_time": (
            availability.working_time,
            {"person": person, "window": window},
        ),
        "Availability.is_at_work": (
            availability.is_at_work,
            {"person": person.key, "start": start, "end": start + timedelta(hours=1)},
        ),
        "validate_xapi": (lm.validate_xapi, {"statements": [XAPI_STATEMENT]}),
        "xapi_statements": (
            lm.xapi_statements,
            {
                "record": record,
                "home_page": "https://kommune.example",
                "lang": "en",
                "catalog": lm.DEFAULT_CATALOG,
            },
        ),
        "xapi_files": (
            lm.xapi_files,
            {
                "scenario": sample,
                "home_page": "https://kommune.example",
                "on": date(2027, 1, 1),
                "lang": "da",
            },
        ),
    }


def _made_by_attrs(cls: type, init: Any) -> bool:
    """Whether *init* is attrs' own ``__init__``, or a fused one in front of it.

    A fused constructor (:class:`~learnmeet.Meeting`'s) takes exactly the
    arguments of attrs' ``__attrs_init__`` and hands whatever it does not
    set itself to it, so the fields' validators check every argument.
    """
    if "generated" in init.__code__.co_filename:
        return True
    own = getattr(cls, "__attrs_init__", None)
    if own is None:
        return False
    return list(inspect.signature(init).parameters.values()) == list(
        inspect.signature(own).parameters.values()
    )


def _public_callables() -> dict[str, Any]:
    """Every public function, public method with arguments, and plain constructor."""
    found: dict[str, Any] = {}
    for name in lm.__all__:
        obj = getattr(lm, name)
        if inspect.isfunction(obj):
            found[name] = obj
            continue
        if not inspect.isclass(obj) or issubclass(obj, (BaseException, enum.Enum)):
            continue
        init = vars(obj).get("__init__")
        if init is not None and not _made_by_attrs(obj, init):
            found[name] = init  # a constructor of its own, not made by attrs
        for attribute, value in vars(obj).items():
            function = getattr(value, "__func__", value)
            if attribute.startswith("_") or not inspect.isfunction(function):
                continue
            parameters = [
                p
                for p in inspect.signature(function).parameters
                if p not in ("self", "cls")
            ]
            if parameters:
                found[f"{name}.{attribute}"] = function
    return found


CALLS = _calls()


def _invoke(function: Any, kwargs: dict[str, Any]) -> Any:
    """Call *function* with *kwargs*; a ``*name`` argument's list goes by position."""
    star = next(
        (
            p.name
            for p in inspect.signature(function).parameters.values()
            if p.kind is inspect.Parameter.VAR_POSITIONAL
        ),
        None,
    )
    if star is None:
        return function(**kwargs)
    rest = {key: value for key, value in kwargs.items() if key != star}
    with warnings.catch_warnings():
        # Label(da, en) by position is deprecated, and still checked.
        warnings.simplefilter("ignore", DeprecationWarning)
        return function(*kwargs.get(star, ()), **rest)


def _arguments(name: str) -> list[str]:
    """The arguments of the public callable *name*, but ``self`` and ``cls``."""
    return list(inspect.signature(CALLS[name][0]).parameters)


def _is_collection(function: Any, argument: str) -> bool:
    """Whether *argument* of *function* is a collection of any length."""
    parameter = inspect.signature(function).parameters[argument]
    if parameter.kind is inspect.Parameter.VAR_POSITIONAL:
        return True
    return str(parameter.annotation).startswith(("Iterable[", "Sequence["))


def _wrong(function: Any, argument: str) -> Any:
    """A stranger for *argument*; for a ``*name`` argument, one stranger in it."""
    kind = inspect.signature(function).parameters[argument].kind
    return [STRANGER] if kind is inspect.Parameter.VAR_POSITIONAL else STRANGER


class TestArguments:
    """Every argument of every public function and method is checked.

    A value of the wrong type is refused with a :class:`~learnmeet.WrongTypeError`
    (or, for a document read, an :class:`~learnmeet.InvalidDataError`) that
    names the argument — never a raw AttributeError from deep inside.
    """

    def test_every_public_callable_has_a_valid_call_here(self) -> None:
        assert sorted(_public_callables()) == sorted(CALLS)

    @pytest.mark.parametrize("name", sorted(CALLS))
    def test_the_valid_call_passes(self, name: str) -> None:
        if name in NEEDS_EXTRA:
            pytest.importorskip(NEEDS_EXTRA[name])
        function, kwargs = CALLS[name]
        _invoke(function, kwargs)

    @pytest.mark.parametrize(
        ("name", "argument"),
        [(name, argument) for name in sorted(CALLS) for argument in _arguments(name)],
    )
    def test_a_stranger_is_refused_naming_the_argument(
        self, name: str, argument: str
    ) -> None:
        function, kwargs = CALLS[name]
        with pytest.raises(lm.LearnmeetError) as caught:
            _invoke(function, {**kwargs, argument: _wrong(function, argument)})
        error = caught.value
        assert isinstance(error, (TypeError, ValueError))
        if isinstance(error, lm.InvalidDataError):
            assert error.problems[0].json_path == "$"
        else:
            assert error.path[:1] == (argument,), error.message("en")
            assert error.where == name
        for lang in lm.LANGUAGES:
            text = error.message(lang)
            assert "_Stranger object" not in text
            assert "Traceback" not in text

    @pytest.mark.parametrize(
        ("name", "argument"),
        [
            (name, argument)
            for name in sorted(CALLS)
            for argument in _arguments(name)
            if _is_collection(CALLS[name][0], argument)
            and name != "Label"  # Label(da, en) by position: two texts or none
        ],
    )
    def test_a_stranger_in_a_collection_is_refused_by_its_index(
        self, name: str, argument: str
    ) -> None:
        function, kwargs = CALLS[name]
        with pytest.raises(lm.LearnmeetError) as caught:
            _invoke(function, {**kwargs, argument: [STRANGER]})
        assert caught.value.path[:2] == (argument, 0), caught.value.message("en")


class TestMappedValues:
    """The values of a mapping argument are checked where the function reads
    them, and refused with their key: busy time by person, hours by unit."""

    @pytest.mark.parametrize("interval", ["08:00-09:00", (1, 2), [None], 5])
    def test_a_busy_interval_of_the_wrong_kind(self, interval: object) -> None:
        function, kwargs = CALLS["find_slots"]
        key = "professional:p-001"
        with pytest.raises(lm.WrongTypeError) as caught:
            function(**{**kwargs, "people": [key], "busy": {key: [interval]}})
        assert caught.value.location == f"busy['{key}'][0]"

    def test_a_busy_value_that_is_no_collection(self) -> None:
        function, kwargs = CALLS["find_slots"]
        with pytest.raises(lm.WrongTypeError) as caught:
            function(**{**kwargs, "busy": {"professional:p-001": STRANGER}})
        assert caught.value.path == ("busy", "professional:p-001")

    def test_unit_hours_of_the_wrong_kind(self) -> None:
        function, kwargs = CALLS["find_slots"]
        with pytest.raises(lm.WrongTypeError) as caught:
            function(**{**kwargs, "unit_hours": {"u": "08-16"}})
        assert caught.value.path == ("unit_hours", "u")


def _extremes(value: object) -> list[object]:
    """Extreme values of the kind of *value*: the edges of what Python holds."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [-1, 0, 10**20, -(10**20)]
    if isinstance(value, float):
        return [float("nan"), float("inf"), -1.0, 2.0, 1e308]
    if isinstance(value, timedelta):
        return [timedelta(0), -timedelta(hours=1), timedelta.max, timedelta.min]
    if isinstance(value, datetime):
        zone = value.tzinfo
        return [
            datetime.max.replace(tzinfo=zone),
            datetime.min.replace(tzinfo=zone),
            datetime.max.replace(tzinfo=timezone.utc),
        ]
    if isinstance(value, date):
        return [date.max, date.min]
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], datetime):
        zone = value[0].tzinfo
        return [
            (value[0], datetime.max.replace(tzinfo=zone)),
            (datetime.min.replace(tzinfo=zone), value[1]),
            (value[1], value[0]),
        ]
    return []


class TestExtremeValues:
    """An extreme value of the right type is read or refused by the library.

    Every int, float, duration, datetime, date and window argument of every
    public callable, at the edges of what Python holds: the call returns, or
    raises a LearnmeetError that names the argument — never OverflowError or
    ValueError from inside.
    """

    @pytest.mark.parametrize(
        ("name", "argument", "value"),
        [
            (name, argument, value)
            for name in sorted(CALLS)
            for argument, given in CALLS[name][1].items()
            for value in _extremes(given)
        ],
        ids=str,
    )
    def test_read_or_refused(self, name: str, argument: str, value: object) -> None:
        function, kwargs = CALLS[name]
        refused: lm.LearnmeetError | None = None
        try:
            _invoke(function, {**kwargs, argument: value})
        except lm.LearnmeetError as error:
            refused = error
        if refused is not None:
            assert isinstance(refused, (TypeError, ValueError))
            text = refused.message("en")
            assert "Error" not in text.split(": ", 1)[-1], text


# -- every field of every public value class ----------------------------------------


def _public_value_classes() -> dict[str, type[Any]]:
    """Every public attrs class, by name."""
    return {
        name: obj
        for name in lm.__all__
        if inspect.isclass(obj := getattr(lm, name)) and attrs.has(obj)
    }


_UNCHECKED = frozenset(
    {
        # Their own __init__ takes busy time, or patterns and absences, not
        # their fields: the arguments are checked as every function's are
        # (TestArguments).
        "Availability",
        "BusyIndex",
        # In learnmeet.exceptions, the leaf module that imports nothing of the
        # package, so it cannot use the model's validators; the library makes
        # it, from what it has checked, and never from input.
        "DataProblem",
    }
)


def _values() -> dict[str, Any]:
    """A strategy for valid values of every public value class, by name.

    The public strategies where there is one; values made by the library's
    own functions (reports, plans, evaluations) where there is none.
    """
    from hypothesis import strategies as st

    from learnmeet import strategies as lst
    from learnmeet.data import load_sample
    from support import MODEL_STRATEGIES

    sample = load_sample()
    meeting = sample.meetings[0]
    start = meeting.start
    plan = lm.plan_period(sample, start=date(2027, 1, 1), end=date(2027, 3, 31))
    learning = next(p for p in plan.learning if p.unattached)
    session = plan.enrolment.fill[0].session
    enrolment = lm.enrol(
        sample.professionals,
        [session],
        cancellations={sample.professionals[0].key: lm.CancellationReason.ILLNESS},
    )
    proposal = lm.compose(meeting.format, pool=sample.professionals, start=start)
    nobody_free = lm.schedule(
        [
            lm.MeetingRequest.from_meeting(
                meeting, earliest=date(2027, 1, 2), latest=date(2027, 1, 3)
            )
        ]
    )
    report = lm.validate_all(
        [attrs.evolve(m, attendees=m.attendees[:1]) for m in sample.meetings]
    )
    rule = lm.DEFAULT_RULES.rule("LM101")
    evaluations = lst.survey_data().map(
        lambda data: lm.evaluate(
            data.survey, data.invitations, data.responses, data.meetings, threshold=1
        )
    )
    strategies: dict[str, Any] = {
        cls.__name__: strategy for cls, strategy in MODEL_STRATEGIES
    }
    strategies.update(
        {
            "Catalog": st.just(lm.DEFAULT_CATALOG),
            "Choice": st.sampled_from(proposal.choices),
            "CourseSession": lst.course_sessions(),
            "Enrolment": st.just(enrolment),
            "Evaluation": evaluations,
            "Finding": st.just(
                lm.Finding(
                    lm.Subject(lm.SubjectKind.MEETING, "m-1"),
                    lm.Label(da="noget", en="something"),
                    lm.Severity.INFO,
                )
            ),
            "Interval": lst.intervals(),
            "CompletedCourse": lst.completed_courses(),
            "Encounter": lst.encounters(),
            "Facilitation": lst.facilitations(),
            "Gaps": lst.gaps(),
            "LearningActivity": lst.learning_activities(),
            "MissingCourse": lst.missing_courses(),
            "RelationMap": lst.relation_maps(),
            "LearningPlan": st.just(learning),
            "LearningRecord": lst.learning_records(),
            "PersonRecord": lst.person_records(),
            "ReflectionEntry": lst.reflection_entries(),
            "LevelSummary": evaluations.filter(lambda e: e.levels).flatmap(
                lambda e: st.sampled_from(e.levels)
            ),
            "MeetingRequest": lst.meeting_requests(),
            "PeriodPlan": st.just(plan),
            "PlanningConfig": lst.planning_configs(),
            "PlanningSettings": lst.planning_settings(),
            "Preflight": st.just(lm.preflight(sample)),
            "Proposal": st.just(proposal),
            "Report": st.just(report),
            "Room": lst.rooms(),
            "ResponseRates": evaluations.map(lambda e: e.rates),
            "Rule": st.just(rule),
            "RuleContext": st.just(
                lm.RuleContext(
                    meetings=sample.meetings,
                    holidays=[date(2027, 1, 1)],
                    working_hours={"u-1": lm.WorkingHours()},
                    default_hours=lm.WorkingHours(),
                    today=date(2027, 1, 4),
                )
            ),
            "RuleSet": st.just(
                lm.DEFAULT_RULES.with_severity("LM101", lm.Severity.INFO)
            ),
            "ScheduleResult": st.just(nobody_free),
            "Series": lst.series(),
            "SessionFill": st.sampled_from(enrolment.fill),
            "Subject": st.sampled_from([v.subject for v in report.violations]),
            "TravelTimes": lst.travel_times(),
            "Unattached": st.sampled_from(learning.unattached),
            "Unplaced": st.sampled_from(nobody_free.unplaced),
            "Violation": st.sampled_from(report.violations),
            "YieldGroup": evaluations.filter(lambda e: e.groups).flatmap(
                lambda e: st.sampled_from(e.groups)
            ),
        }
    )
    return strategies


VALUES = _values()


def _field_kind(cls: type[Any], field: attrs.Attribute[Any]) -> str:
    """``"collection"``, ``"mapping"``, ``"text"`` or ``"other"``, by annotation."""
    import collections.abc as abc
    import typing

    hint = typing.get_type_hints(cls)[field.name]
    if field.converter is not None:
        # What __init__ takes: RuleSet keeps its severities as pairs, and
        # takes them as a mapping.
        first = next(iter(inspect.signature(field.converter).parameters))
        hint = typing.get_type_hints(field.converter)[first]
    origin = typing.get_origin(hint)
    if origin in (tuple, frozenset, set, list, abc.Iterable, abc.Sequence):
        return "collection"
    if origin in (dict, abc.Mapping):
        return "mapping"
    if hint is str or (
        origin in (typing.Union, types.UnionType) and str in typing.get_args(hint)
    ):
        return "text"
    return "other"


def _fields(*kinds: str) -> list[tuple[str, str]]:
    """Every (class, field) of the public value classes, of *kinds* if given."""
    return [
        (name, field.name)
        for name, cls in sorted(_public_value_classes().items())
        if name not in _UNCHECKED
        for field in attrs.fields(cls)
        if field.init and (not kinds or _field_kind(cls, field) in kinds)
    ]


def _made_with(name: str, field: str, value: object, draw: Any) -> lm.LearnmeetError:
    """The refusal of a valid value of class *name* with *value* in *field*."""
    instance = draw(VALUES[name])
    alias = attrs.fields_dict(type(instance))[field].alias
    with pytest.raises(lm.LearnmeetError) as caught:
        attrs.evolve(instance, **{alias: value})
    error = caught.value
    assert isinstance(error, (TypeError, ValueError))
    assert (error.where, error.path[:1]) == (name, (field,)), error.message("en")
    return error


class TestFields:
    """Every field of every public value class is checked when a value is made.

    A value of the wrong type — a stranger anywhere, no collection where a
    collection is wanted, a CPR number in any text — is refused with a
    LearnmeetError naming ``Class.field``, never a raw TypeError or
    AttributeError, and never held to fail later.
    """

    def test_every_public_value_class_has_values_here(self) -> None:
        assert sorted(_public_value_classes()) == sorted({*VALUES, *_UNCHECKED})

    def test_the_kinds_of_field_are_found(self) -> None:
        found = set(_fields("collection")) | set(_fields("mapping"))
        assert {("Meeting", "attendees"), ("RuleContext", "working_hours")} <= found
        assert ("Meeting", "title") in _fields("text")
        assert ("Meeting", "start") in _fields("other")

    @pytest.mark.parametrize(("name", "field"), _fields())
    @settings(max_examples=5, deadline=None)
    @given(data=st.data())
    def test_a_stranger_is_refused_naming_the_field(
        self, name: str, field: str, data: st.DataObject
    ) -> None:
        error = _made_with(name, field, STRANGER, data.draw)
        for lang in lm.LANGUAGES:
            assert "_Stranger object" not in error.message(lang)

    @pytest.mark.parametrize(("name", "field"), _fields("collection", "mapping"))
    @settings(max_examples=5, deadline=None)
    @given(
        data=st.data(),
        value=st.one_of(
            st.none(),
            st.integers(),
            st.floats(allow_nan=False),
            st.text(max_size=5),
            st.binary(max_size=5),
            st.builds(object),
            st.datetimes(timezones=st.just(timezone.utc)),
        ),
    )
    def test_no_collection_is_refused_naming_the_field(
        self, name: str, field: str, data: st.DataObject, value: object
    ) -> None:
        error = _made_with(name, field, value, data.draw)
        assert isinstance(error, lm.WrongTypeError)

    @pytest.mark.parametrize(("name", "field"), _fields("collection"))
    @settings(max_examples=5, deadline=None)
    @given(data=st.data())
    def test_a_mapping_is_no_collection(
        self, name: str, field: str, data: st.DataObject
    ) -> None:
        error = _made_with(name, field, {"a": 1}, data.draw)
        assert isinstance(error, lm.WrongTypeError)
        assert "mapping" in error.reason.en

    @pytest.mark.parametrize(("name", "field"), _fields("mapping"))
    @settings(max_examples=5, deadline=None)
    @given(data=st.data())
    def test_a_list_is_no_mapping(
        self, name: str, field: str, data: st.DataObject
    ) -> None:
        error = _made_with(name, field, [("a", 1)], data.draw)
        assert isinstance(error, lm.WrongTypeError)
        assert "mapping" in error.reason.en

    @pytest.mark.parametrize(("name", "field"), _fields("collection"))
    @settings(max_examples=5, deadline=None)
    @given(data=st.data())
    def test_a_stranger_in_a_collection_is_refused(
        self, name: str, field: str, data: st.DataObject
    ) -> None:
        _made_with(name, field, [STRANGER], data.draw)

    @pytest.mark.parametrize(("name", "field"), _fields("text"))
    @settings(max_examples=5, deadline=None)
    @given(data=st.data(), cpr=st.sampled_from(["010203-1234", "Ring 3112991234 nu"]))
    def test_no_text_holds_a_cpr_number(
        self, name: str, field: str, data: st.DataObject, cpr: str
    ) -> None:
        error = _made_with(name, field, cpr, data.draw)
        for lang in lm.LANGUAGES:
            assert "1234" not in error.message(lang)
