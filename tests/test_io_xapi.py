"""xAPI statements of the learning record, checked against xAPI 1.0.3.

Every statement is validated twice, by the two published readings of xAPI
1.0.3 of Ralph, France Université Numérique's Learning Record Store
(``ralph-malph``, MIT; ``ralph.models.xapi.base.statements.BaseXapiStatement``):
its JSON Schema (draft 2020-12) read by jsonschema's Draft202012Validator, and
the pydantic model itself. The spec: ADL, xAPI 1.0.3, "xAPI-Data.md",
section 2 (Statements).
"""

from __future__ import annotations

import copy
import importlib
import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given, settings

import learnmeet as lm
import learnmeet.strategies as lst
import record_data as rd
from learnmeet.data import load_sample
from learnmeet.io import _xapi
from support import ROOT, source_checkout

HOME = "https://kommune.example"


def ralph_model() -> Any:
    """Ralph's statement model; the test is skipped without the xapi extra."""
    module = pytest.importorskip("ralph.models.xapi.base.statements")
    return module.BaseXapiStatement


def schema_validator() -> Any:
    """Ralph's JSON Schema, as learnmeet repairs it, in jsonschema's validator."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = _xapi.statement_schema(ralph_model())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid_xapi(statements: Any) -> None:
    """Every statement passes the JSON Schema and the pydantic model."""
    validator = schema_validator()
    model = ralph_model()
    for item in statements:
        errors = [e.message for e in validator.iter_errors(item)]
        assert errors == [], errors
        model.model_validate(item)
    lm.validate_xapi(statements)


def a_statement() -> dict[str, Any]:
    """A statement made with the module's own building blocks."""
    home = _xapi.check_home_page(HOME + "/", where="test")
    activity = {
        "objectType": "Activity",
        "id": _xapi.activity_id(home, "meeting", "m 1/æ"),
        "definition": {
            "type": _xapi.MEETING_TYPE,
            "name": _xapi.language_map(lm.Label(da="Møde", en="Meeting")),
        },
    }
    return _xapi.statement(
        home_page=home,
        professional="p-1",
        verb_name="attended",
        activity=activity,
        timestamp="2026-03-04T10:00:00+01:00",
        context={"language": "da"},
    )


class TestBuildingBlocks:
    """The pieces every statement is made of are valid xAPI on their own."""

    def test_a_statement_of_the_building_blocks_is_valid(self) -> None:
        assert_valid_xapi([a_statement()])

    def test_an_activity_id_is_percent_encoded(self) -> None:
        assert _xapi.activity_id(HOME, "meeting", "m 1/æ") == (
            HOME + "/learnmeet/meeting/m%201%2F%C3%A6"
        )

    def test_the_id_is_derived_from_what_the_statement_says(self) -> None:
        first, second = a_statement(), a_statement()
        assert first["id"] == second["id"]
        other = copy.deepcopy(first)
        moved = _xapi.statement(
            home_page=HOME,
            professional="p-2",
            verb_name="attended",
            activity=other["object"],
            timestamp=other["timestamp"],
            context={},
        )
        assert moved["id"] != first["id"]

    @pytest.mark.parametrize(
        "home_page",
        [
            "kommune.example",
            "ftp://kommune.example",
            "https://",
            "https://kommune.example/?a=1",
            "https://kommune.example/#top",
            "https://kommune .example",
            "http://[::1",
        ],
    )
    def test_a_home_page_that_is_no_web_address_is_refused(
        self, home_page: str
    ) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            _xapi.check_home_page(home_page, where="xapi_statements")
        assert caught.value.path == ("home_page",)
        assert caught.value.location == "xapi_statements.home_page"

    def test_the_verbs_are_the_registered_ones(self) -> None:
        assert lm.XAPI_VERBS == {
            "attended": "http://adlnet.gov/expapi/verbs/attended",
            "facilitated": lm.XAPI_VOCABULARY + "facilitated",
            "presented": "https://w3id.org/xapi/catch/verbs/presented",
            "completed": "http://adlnet.gov/expapi/verbs/completed",
            "reflected": "https://w3id.org/xapi/catch/verbs/reflected",
        }


def broken(change: Any) -> list[dict[str, Any]]:
    """Two statements, the second changed by *change*."""
    good, bad = a_statement(), a_statement()
    change(bad)
    return [good, bad]


class TestValidation:
    """validate_xapi names every problem by its path, in Danish and English,
    and never repeats a refused value."""

    @pytest.fixture(autouse=True)
    def _extra(self) -> None:
        ralph_model()

    def test_the_repaired_schema_is_a_valid_draft_2020_12_schema(self) -> None:
        schema_validator()

    def test_ralphs_schema_refers_to_itself_and_the_repair_removes_only_that(
        self,
    ) -> None:
        model = ralph_model()
        raw = model.model_json_schema()
        repaired = _xapi.statement_schema(model)
        for name in ("IRI", "LanguageTag"):
            refs = [o.get("$ref") for o in raw["$defs"][name]["anyOf"]]
            assert f"#/$defs/{name}" in refs
            assert all(
                o.get("$ref") != f"#/$defs/{name}"
                for o in repaired["$defs"][name]["anyOf"]
            )
            assert len(repaired["$defs"][name]["anyOf"]) == len(refs) - 1

    def test_an_invalid_home_page_is_named_by_its_path(self) -> None:
        def change(item: dict[str, Any]) -> None:
            item["actor"]["account"]["homePage"] = "not an iri"

        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_xapi(broken(change))
        paths = [p.json_path for p in caught.value.problems]
        assert paths == ["$[1].actor.account.homePage"]
        assert "not an iri" not in caught.value.message("da")
        assert "not an iri" not in caught.value.message("en")

    def test_a_missing_account_is_named_at_the_actor(self) -> None:
        def change(item: dict[str, Any]) -> None:
            del item["actor"]["account"]

        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_xapi(broken(change))
        assert {p.json_path for p in caught.value.problems} == {"$[1].actor"}

    def test_missing_and_unknown_fields_are_named(self) -> None:
        def change(item: dict[str, Any]) -> None:
            del item["verb"]
            item["surprise"] = 1

        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_xapi(broken(change))
        text = caught.value.message("en")
        assert "lacks 'verb'" in text
        assert "'surprise'" in text
        assert "mangler 'verb'" in caught.value.message("da")

    def test_a_language_tag_only_the_model_refuses_is_named(self) -> None:
        def change(item: dict[str, Any]) -> None:
            item["context"]["language"] = "zz-123456789"

        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_xapi(broken(change))
        assert [p.json_path for p in caught.value.problems] == ["$[1].context.language"]

    def test_a_bad_key_of_a_language_map_is_named_by_its_key(self) -> None:
        def change(item: dict[str, Any]) -> None:
            item["object"]["definition"]["name"] = {"qq-1234567890": "x"}

        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_xapi(broken(change))
        assert [p.json_path for p in caught.value.problems] == [
            "$[1].object.definition.name['qq-1234567890']"
        ]

    def test_a_bad_id_and_timestamp_are_both_named(self) -> None:
        def change(item: dict[str, Any]) -> None:
            item["id"] = "nope"
            item["timestamp"] = "yesterday"

        with pytest.raises(lm.InvalidDataError) as caught:
            lm.validate_xapi(broken(change))
        assert [p.json_path for p in caught.value.problems] == [
            "$[1].id",
            "$[1].timestamp",
        ]

    def test_an_empty_list_is_valid(self) -> None:
        lm.validate_xapi([])

    def test_statements_read_back_from_json_are_valid(self) -> None:
        assert_valid_xapi(json.loads(json.dumps([a_statement()])))

    def test_without_the_extra_the_error_names_it(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real = importlib.import_module

        def missing(name: str, *args: Any) -> Any:
            if name.startswith("ralph"):
                raise ImportError(name)
            return real(name, *args)

        monkeypatch.setattr(importlib, "import_module", missing)
        with pytest.raises(lm.LearnmeetError) as caught:
            lm.validate_xapi([a_statement()])
        assert "learnmeet[xapi]" in caught.value.fix.en
        assert "learnmeet[xapi]" in caught.value.fix.da


# -- the learning record as statements ---------------------------------------------

EXT = lm.XAPI_VOCABULARY
VERB = lm.XAPI_VERBS


def record() -> lm.LearningRecord:
    return lm.learning_record(rd.scenario(), on=rd.ON)


def statements(of: lm.LearningRecord | None = None) -> tuple[dict[str, Any], ...]:
    return lm.xapi_statements(of or record(), home_page=HOME + "/")


def leaves(value: Any) -> Iterator[str]:
    """Every text in a statement: its keys and its string values."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from leaves(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from leaves(inner)
    elif isinstance(value, str):
        yield value


def about(
    found: tuple[dict[str, Any], ...], person: str, meeting: str
) -> list[dict[str, Any]]:
    meeting_id = f"{HOME}/learnmeet/meeting/{quote(meeting, safe='')}"
    return [
        s
        for s in found
        if s["actor"]["account"]["name"] == person and s["object"]["id"] == meeting_id
    ]


class TestTookPart:
    """Each learning activity of the record is one statement whose verb is the
    person's role: facilitated, presented, or attended."""

    def test_one_statement_per_activity_with_the_roles_verb(self) -> None:
        found = statements()
        verbs = {
            (s["actor"]["account"]["name"], s["object"]["id"].rsplit("/", 1)[1]): s[
                "verb"
            ]["id"]
            for s in found
        }
        assert verbs == {
            ("p-nurse", "m-learn"): VERB["facilitated"],
            ("p-sosu", "m-learn"): VERB["presented"],
            ("p-doctor", "m-learn"): VERB["attended"],
            ("p-nurse", "m-reflected"): VERB["facilitated"],
            ("p-volunteer", "m-reflected"): VERB["attended"],
        }
        assert len(found) == len(verbs)

    def test_the_actor_is_a_pseudonymous_account_only(self) -> None:
        (item,) = about(statements(), "p-nurse", "m-learn")
        assert item["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": HOME, "name": "p-nurse"},
        }

    def test_the_object_is_the_meeting_named_by_format_and_day(self) -> None:
        (item,) = about(statements(), "p-doctor", "m-learn")
        assert item["object"] == {
            "objectType": "Activity",
            "id": HOME + "/learnmeet/meeting/m-learn",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/meeting",
                "name": {
                    "da": "Tværfagligt læringsmøde 2026-09-08",
                    "en": "Interdisciplinary learning meeting 2026-09-08",
                },
            },
        }

    def test_the_context_carries_format_case_origin_sectors_and_role(self) -> None:
        (item,) = about(statements(), "p-sosu", "m-learn")
        label = rd.CAT.format("learning_meeting").label
        assert item["context"] == {
            "language": "da",
            "extensions": {
                EXT + "format": {
                    "code": "learning_meeting",
                    "name": {"da": label.da, "en": label.en},
                },
                EXT + "case-origin": "concrete",
                EXT + "sectors": ["hospital", "municipality"],
                EXT + "role": "case_presenter",
            },
        }

    def test_without_a_case_there_is_no_case_origin(self) -> None:
        (item,) = about(statements(), "p-volunteer", "m-reflected")
        assert EXT + "case-origin" not in item["context"]["extensions"]
        assert item["context"]["extensions"][EXT + "role"] == "participant"

    def test_the_timestamp_is_the_meetings_end_with_its_offset(self) -> None:
        (item,) = about(statements(), "p-doctor", "m-learn")
        assert item["timestamp"] == "2026-09-08T11:00:00+02:00"
        end = rd.LEARNING.start + rd.LEARNING.duration
        assert datetime.fromisoformat(item["timestamp"]) == end

    def test_the_language_is_that_of_the_meetings(self) -> None:
        found = lm.xapi_statements(record(), home_page=HOME, lang="en")
        assert {s["context"]["language"] for s in found} == {"en"}


def activity(**changes: Any) -> lm.LearningActivity:
    start = datetime(2026, 3, 4, 9, tzinfo=lm.COPENHAGEN)
    fields: dict[str, Any] = {
        "professional": "p-1",
        "meeting": "m-1",
        "format": "study_visit",
        "start": start,
        "end": start + timedelta(hours=2),
        "role": lm.AttendeeRole.HOST,
        "case_origin": None,
        "sectors": {"hospital", "municipality"},
    }
    fields.update(changes)
    return lm.LearningActivity(**fields)


def person(*activities: lm.LearningActivity, **changes: Any) -> lm.PersonRecord:
    return lm.PersonRecord(professional=rd.NURSE, activities=activities, **changes)


def one_record(*people: lm.PersonRecord) -> lm.LearningRecord:
    return lm.LearningRecord(people=people, on=date(2026, 12, 1))


class TestRolesAndParents:
    """A host and an observer attended; a forum or a cohort is the parent."""

    @pytest.mark.parametrize("role", [lm.AttendeeRole.HOST, lm.AttendeeRole.OBSERVER])
    def test_a_host_and_an_observer_attended(self, role: lm.AttendeeRole) -> None:
        (item,) = statements(one_record(person(activity(role=role))))
        assert item["verb"]["id"] == VERB["attended"]
        assert item["context"]["extensions"][EXT + "role"] == role.code

    def test_a_forum_and_a_cohort_are_parents(self) -> None:
        found = statements(
            one_record(person(activity(forum="forum 1", cohort="hold-nord")))
        )
        assert found[0]["context"]["contextActivities"] == {
            "parent": [
                {
                    "objectType": "Activity",
                    "id": HOME + "/learnmeet/forum/forum%201",
                    "definition": {"type": _xapi.MEETING_TYPE},
                },
                {
                    "objectType": "Activity",
                    "id": HOME + "/learnmeet/cohort/hold-nord",
                    "definition": {"type": EXT + "cohort"},
                },
            ]
        }
        assert_valid_xapi(found)

    def test_a_format_the_catalogue_lacks_is_named_by_its_code(self) -> None:
        (item,) = statements(one_record(person(activity(format="own_format"))))
        assert item["object"]["definition"]["name"] == {
            "da": "Own_format 2026-03-04",
            "en": "Own_format 2026-03-04",
        }
        assert item["context"]["extensions"][EXT + "format"] == {"code": "own_format"}
        assert_valid_xapi([item])

    def test_a_fictional_case_is_said(self) -> None:
        (item,) = statements(
            one_record(person(activity(case_origin=lm.CaseOrigin.FICTIONAL)))
        )
        assert item["context"]["extensions"][EXT + "case-origin"] == "fictional"


def reflection(**changes: Any) -> lm.ReflectionEntry:
    fields: dict[str, Any] = {
        "professional": "p-1",
        "meeting": "m-1",
        "model": "kolb",
        "learning_points": [
            lm.LearningPoint(
                phase="conclude", text="Ring til egen læge før", tags={"b"}
            ),
            lm.LearningPoint(phase="conclude", text="Aftal én kontakt", tags=set()),
        ],
        "on": date(2026, 3, 5),
    }
    fields.update(changes)
    return lm.ReflectionEntry(**fields)


class TestReflected:
    """A reflection is 'reflected' on the meeting, its learning points the result."""

    def test_the_learning_points_are_the_result(self) -> None:
        found = statements(one_record(person(activity(), reflections=[reflection()])))
        item = found[1]
        assert item["verb"]["id"] == VERB["reflected"]
        assert item["object"] == found[0]["object"]
        assert item["result"] == {
            "response": "Ring til egen læge før\nAftal én kontakt",
            "extensions": {
                EXT + "learning-points": [
                    {
                        "phase": "conclude",
                        "text": "Ring til egen læge før",
                        "tags": ["b"],
                    },
                    {"phase": "conclude", "text": "Aftal én kontakt", "tags": []},
                ]
            },
        }
        assert item["timestamp"] == "2026-03-05T00:00:00+01:00"
        model = item["context"]["extensions"][EXT + "reflection-model"]
        assert model["code"] == "kolb"
        assert set(model["name"]) == {"da", "en"}
        assert item["context"]["extensions"][EXT + "format"]["code"] == "study_visit"
        assert_valid_xapi(found)

    def test_without_learning_points_there_is_no_response(self) -> None:
        (item,) = statements(
            one_record(person(reflections=[reflection(learning_points=[])]))
        )
        assert item["result"] == {"extensions": {EXT + "learning-points": []}}
        assert_valid_xapi([item])

    def test_a_meeting_not_attended_has_no_name_and_no_format(self) -> None:
        (item,) = statements(
            one_record(person(reflections=[reflection(model="own_model")]))
        )
        assert "name" not in item["object"]["definition"]
        assert item["context"]["extensions"] == {
            EXT + "reflection-model": {"code": "own_model"}
        }
        assert_valid_xapi([item])


class TestCompleted:
    """A dated course completion is 'completed' of the course, on its day; a
    course known only by code has no day, so no statement."""

    def test_a_dated_completion(self) -> None:
        done = lm.CourseCompletion(
            course="palliation_nurse",
            completed_on=date(2026, 9, 3),
            expires_on=date(2029, 9, 2),
            meeting="m-kursus",
        )
        (item,) = statements(one_record(person(completions=[done])))
        label = lm.COURSE_LABELS["palliation_nurse"]
        assert item["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
        assert item["object"] == {
            "objectType": "Activity",
            "id": HOME + "/learnmeet/course/palliation_nurse",
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/course",
                "name": {"da": label.da, "en": label.en},
            },
        }
        assert item["result"] == {
            "completion": True,
            "extensions": {EXT + "expires": "2029-09-02"},
        }
        assert item["timestamp"] == "2026-09-03T00:00:00+02:00"
        assert item["context"]["contextActivities"]["parent"] == [
            {
                "objectType": "Activity",
                "id": HOME + "/learnmeet/meeting/m-kursus",
                "definition": {"type": _xapi.MEETING_TYPE},
            }
        ]
        assert_valid_xapi([item])

    def test_a_renewal_is_a_statement_of_its_own(self) -> None:
        first = lm.CourseCompletion(course="own_course", completed_on=date(2024, 1, 5))
        again = lm.CourseCompletion(course="own_course", completed_on=date(2026, 1, 5))
        found = statements(one_record(person(completions=[first, again])))
        assert len({s["id"] for s in found}) == 2
        assert found[0]["object"] == found[1]["object"]
        assert found[0]["object"]["definition"]["name"] == {
            "da": "own_course",
            "en": "own_course",
        }
        assert found[0]["result"] == {"completion": True}
        assert "contextActivities" not in found[0]["context"]
        assert_valid_xapi(found)

    def test_an_undated_course_has_no_statement(self) -> None:
        found = statements(one_record(person(undated_courses={"palliation_nurse"})))
        assert found == ()


class TestIds:
    """A statement's id is derived from what it says, so exporting twice gives
    the same ids, and two facts never share one."""

    def test_the_same_record_gives_the_same_statements(self) -> None:
        assert statements() == statements()

    def test_ids_are_unique(self) -> None:
        ids = [s["id"] for s in statements()]
        assert len(set(ids)) == len(ids)

    def test_another_home_page_gives_other_ids(self) -> None:
        other = lm.xapi_statements(record(), home_page="https://andet.example")
        assert not {s["id"] for s in other} & {s["id"] for s in statements()}


class TestPrivacy:
    """A statement is about the professional: no CPR-like text, no display name,
    no e-mail address, no citizen's pseudonym anywhere in it; of the case only
    its origin."""

    @pytest.mark.parametrize(
        ("scenario", "on"),
        [(rd.scenario(), rd.ON), (load_sample(), date(2026, 12, 1))],
        ids=["record_data", "sample"],
    )
    def test_no_personal_data(self, scenario: lm.Scenario, on: date) -> None:
        text = lm.xapi_files(scenario, on=on)["statements.json"]
        found = json.loads(text)
        assert found
        texts = [t for s in found for t in leaves(s)]
        assert not any(lm.looks_like_cpr(t) for t in texts)
        assert "@" not in text
        assert "mbox" not in text
        for professional in scenario.professionals:
            if professional.display_name:
                assert professional.display_name not in text
        for case in scenario.cases:
            assert case.citizen.pseudonym not in text
        for item in found:
            assert set(item["actor"]) == {"objectType", "account"}

    def test_the_meeting_title_naming_the_citizen_is_not_written(self) -> None:
        assert rd.LEARNING.title == "B-901"
        assert "B-901" not in json.dumps(statements())


class TestFiles:
    """xapi_files gives the statements as one JSON array an LRS takes."""

    def test_statements_json_is_the_statements(self) -> None:
        files = lm.xapi_files(rd.scenario(), home_page=HOME, on=rd.ON)
        assert list(files) == ["statements.json"]
        assert json.loads(files["statements.json"]) == list(
            lm.xapi_statements(record(), home_page=HOME)
        )
        assert files["statements.json"].endswith("]\n")

    def test_the_same_scenario_gives_the_same_bytes(self) -> None:
        first = lm.xapi_files(rd.scenario(), on=rd.ON)
        assert first == lm.xapi_files(rd.scenario(), on=rd.ON)
        assert lm.XAPI_HOME_PAGE in first["statements.json"]

    def test_every_statement_of_the_sample_is_valid(self) -> None:
        on = date(2026, 12, 1)
        found = json.loads(lm.xapi_files(load_sample(), on=on)["statements.json"])
        verbs = {item["verb"]["id"] for item in found}
        assert verbs == set(lm.XAPI_VERBS.values())
        assert_valid_xapi(found)

    def test_every_statement_of_the_small_municipality_is_valid(self) -> None:
        found = json.loads(lm.xapi_files(rd.scenario(), on=rd.ON)["statements.json"])
        assert found
        assert_valid_xapi(found)

    def test_a_bad_home_page_is_refused_naming_the_function(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.xapi_statements(record(), home_page="kommune.example")
        assert caught.value.location == "xapi_statements.home_page"


class TestProperties:
    """On any learning record: every statement is valid xAPI 1.0.3, ids are
    unique, the same record gives the same statements, and there is one
    statement per person, activity and verb."""

    @settings(max_examples=30, deadline=None)
    @given(lst.learning_records())
    def test_every_statement_is_valid_and_one_per_fact(
        self, learning: lm.LearningRecord
    ) -> None:
        found = statements(learning)
        assert found == statements(learning)
        ids = [s["id"] for s in found]
        assert len(set(ids)) == len(ids)
        facts = {
            (s["actor"]["account"]["name"], s["object"]["id"], s["verb"]["id"])
            for s in found
        }
        assert len(facts) == len(found)
        expected = sum(
            len(p.activities) + len(p.reflections) + len(p.completions)
            for p in learning.people
        )
        assert len(found) == expected
        assert_valid_xapi(json.loads(json.dumps(found)))


@source_checkout
class TestVocabulary:
    """Every IRI learnmeet coins is an anchor of the docs page that defines it,
    so each resolves to its meaning."""

    def test_every_learnmeet_iri_is_defined_on_the_docs_page(self) -> None:
        page = (ROOT / "docs" / "reference" / "xapi.md").read_text(encoding="utf-8")
        found = statements(
            one_record(
                person(
                    activity(forum="f", cohort="c", case_origin=lm.CaseOrigin.CONCRETE),
                    activity(meeting="m-2", role=lm.AttendeeRole.FACILITATOR),
                    reflections=[reflection()],
                    completions=[
                        lm.CourseCompletion(
                            course="c",
                            completed_on=date(2026, 1, 5),
                            expires_on=date(2028, 1, 5),
                        )
                    ],
                )
            )
        )
        coined = {
            text.removeprefix(EXT)
            for item in found
            for text in leaves(item)
            if text.startswith(EXT)
        }
        assert coined == {
            "facilitated",
            "cohort",
            "format",
            "case-origin",
            "sectors",
            "role",
            "reflection-model",
            "learning-points",
            "expires",
        }
        for anchor in coined:
            assert f'<span id="{anchor}"></span>' in page, anchor
