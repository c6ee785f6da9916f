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
from typing import Any

import pytest

import learnmeet as lm
from learnmeet.io import _xapi

jsonschema = pytest.importorskip("jsonschema")
statements_module = pytest.importorskip("ralph.models.xapi.base.statements")
Statement = statements_module.BaseXapiStatement

HOME = "https://kommune.example"


def schema_validator() -> Any:
    """Ralph's JSON Schema, as learnmeet repairs it, in jsonschema's validator."""
    schema = _xapi.statement_schema(Statement)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def assert_valid_xapi(statements: Any) -> None:
    """Every statement passes the JSON Schema and the pydantic model."""
    validator = schema_validator()
    for item in statements:
        errors = [e.message for e in validator.iter_errors(item)]
        assert errors == [], errors
        Statement.model_validate(item)
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

    def test_the_repaired_schema_is_a_valid_draft_2020_12_schema(self) -> None:
        schema_validator()

    def test_ralphs_schema_refers_to_itself_and_the_repair_removes_only_that(
        self,
    ) -> None:
        raw = Statement.model_json_schema()
        repaired = _xapi.statement_schema(Statement)
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
