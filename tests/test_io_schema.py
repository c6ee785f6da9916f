"""The JSON Schema of every document type: valid, true to what is written and read.

Every document learnmeet writes validates against the schema of its type
(checked with ``jsonschema``, draft 2020-12), and a document the reader
refuses for its shape — a required field left out, an unknown field, a value
of the wrong JSON type, a code that is no code — the schema refuses too.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import learnmeet as lm
from learnmeet.data import load_sample
from learnmeet.io._schema import DANISH, _Builder, document_types
from learnmeet.model._vocabulary import VOCABULARY
from support import MODEL_STRATEGIES

jsonschema = pytest.importorskip("jsonschema")

Validator = jsonschema.Draft202012Validator

_LISTED = dict(MODEL_STRATEGIES)
STRATEGIES: tuple[tuple[type[Any], st.SearchStrategy[Any]], ...] = tuple(
    (cls, _LISTED[cls] if cls in _LISTED else st.from_type(cls))
    for cls in document_types()
)
"""Every document type with its strategy: the suite's, else the one
``learnmeet.strategies`` registers with hypothesis for it."""
_VALIDATORS: dict[type[Any], Any] = {}


def _validator(cls: type[Any]) -> Any:
    found = _VALIDATORS.get(cls)
    if found is None:
        found = _VALIDATORS[cls] = Validator(
            lm.json_schema(cls), format_checker=Validator.FORMAT_CHECKER
        )
    return found


def _problems(cls: type[Any], document: object) -> list[str]:
    return [
        f"{error.json_path}: {error.message[:200]}"
        for error in _validator(cls).iter_errors(document)
    ]


class TestTheSchemas:
    """Each schema is a valid draft 2020-12 schema with the envelope."""

    @pytest.mark.parametrize("cls", document_types(), ids=lambda c: c.__name__)
    def test_is_a_valid_draft_2020_12_schema(self, cls: type[Any]) -> None:
        schema = lm.json_schema(cls)
        Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["properties"]["learnmeet"]["const"] == lm.SCHEMA_VERSION
        assert schema["properties"]["type"]["const"] == cls.__name__
        assert schema["additionalProperties"] is False

    def test_every_strategy_of_the_suite_is_of_a_document_type(self) -> None:
        assert set(_LISTED) <= set(document_types())

    def test_every_type_to_dict_writes_has_a_schema(self) -> None:
        from learnmeet.io._json import MODEL_TYPES

        assert set(MODEL_TYPES) <= set(document_types())

    def test_a_schema_is_a_copy_the_caller_may_change(self) -> None:
        lm.json_schema(lm.Citizen)["title"] = "changed"
        assert lm.json_schema(lm.Citizen)["title"] != "changed"

    def test_a_class_learnmeet_does_not_write_is_refused(self) -> None:
        with pytest.raises(lm.WrongTypeError) as caught:
            lm.json_schema(int)
        assert caught.value.path == ("cls",)

    def test_the_catalogue_gives_the_codes(self) -> None:
        own = lm.Profession(
            code="doula",
            label=lm.Label(da="doula", en="doula"),
            discipline=lm.Discipline.CARE,
        )
        catalog = lm.DEFAULT_CATALOG.extend(professions=[own])
        codes = lm.json_schema(lm.Professional, catalog=catalog)["$defs"][
            "ProfessionCode"
        ]["enum"]
        assert "doula" in codes
        assert (
            "doula"
            not in lm.json_schema(lm.Professional)["$defs"]["ProfessionCode"]["enum"]
        )

    def test_an_entity_field_is_a_reference_to_its_collection(self) -> None:
        data = lm.json_schema(lm.Professional)["properties"]["data"]
        unit = data["properties"]["unit"]
        assert unit["type"] == "string"
        assert unit["x-learnmeet-collection"] == "units"
        # A volunteer has no profession (null); staff must have one, which
        # the reader says.
        assert data["required"] == ["id", "unit"]

    def test_a_scenario_holds_collections_keyed_by_id(self) -> None:
        schema = lm.json_schema(lm.Scenario)
        professionals = schema["properties"]["data"]["properties"]["professionals"]
        assert professionals["additionalProperties"] == {"$ref": "#/$defs/Professional"}
        entry = schema["$defs"]["Professional"]
        assert "id" not in entry["properties"]  # the id is the key
        assert entry["additionalProperties"] is False

    def test_included_holds_only_the_kinds_the_data_can_refer_to(self) -> None:
        included = lm.json_schema(lm.Unit)["properties"]["included"]["properties"]
        assert set(included) == {"areas", "organisations"}
        assert lm.json_schema(lm.Label)["properties"]["included"]["properties"] == {}

    def test_fields_with_defaults_are_optional_and_say_their_default(self) -> None:
        entry = lm.json_schema(lm.Scenario)["$defs"]["Professional"]
        assert entry["required"] == ["unit"]
        assert entry["properties"]["roles"]["default"] == []

    @pytest.mark.parametrize("cls", document_types(), ids=lambda c: c.__name__)
    def test_every_default_is_valid_for_its_field(self, cls: type[Any]) -> None:
        schema = lm.json_schema(cls)
        for name, definition in schema["$defs"].items():
            for field, held in definition.get("properties", {}).items():
                if "default" in held:
                    check = {**held, "$defs": schema["$defs"]}
                    errors = list(Validator(check).iter_errors(held["default"]))
                    assert not errors, (name, field)


# Fields of classes whose module this change does not touch (model/_meetings.py)
# and whose docstrings have no Attributes section yet.
_UNDESCRIBED = {("Cancellation", "note"), ("Cohort", "id")}


class TestDescriptions:
    """Every field says what it is in English; the vocabulary gives the Danish."""

    def test_every_field_has_a_description(self) -> None:
        missing = set()
        for cls in document_types():
            for name, definition in _definitions(cls):
                for field, held in definition.get("properties", {}).items():
                    if not held.get("description"):
                        missing.add((name, field))
        assert missing == _UNDESCRIBED

    def test_descriptions_are_plain_text(self) -> None:
        text = json.dumps([lm.json_schema(cls) for cls in document_types()])
        assert "``" not in text
        assert ":class:" not in text

    def test_the_danish_terms_are_the_vocabulary(self) -> None:
        schema = lm.json_schema(lm.Scenario)
        case = schema["$defs"]["CitizenCase"]
        assert case[DANISH] == "borgerforløb"
        assert case["properties"]["citizen"][DANISH] == "borger"
        assert case["properties"]["care_team"][DANISH] == "medarbejder / fagperson"
        assert (
            schema["$defs"]["Professional"]["properties"]["profession"][DANISH]
            == VOCABULARY["Profession"].da
        )


def _definitions(cls: type[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    schema = lm.json_schema(cls)
    yield f"{cls.__name__} data", schema["properties"]["data"]
    yield from schema["$defs"].items()


class TestWrittenDocumentsValidate:
    """Every document the library writes is valid against its type's schema."""

    def test_the_sample_municipality(self) -> None:
        assert _problems(lm.Scenario, lm.to_dict(load_sample())) == []

    def test_the_sample_file_as_shipped(self) -> None:
        from importlib.resources import files

        text = (
            files("learnmeet.data")
            .joinpath("sample_municipality.json")
            .read_text(encoding="utf-8")
        )
        assert _problems(lm.Scenario, json.loads(text)) == []

    def test_each_meeting_of_the_sample(self) -> None:
        for meeting in load_sample().meetings:
            assert _problems(lm.Meeting, lm.to_dict(meeting)) == []

    @pytest.mark.parametrize(
        ("cls", "strategy"), STRATEGIES, ids=lambda x: getattr(x, "__name__", "")
    )
    @settings(max_examples=15)
    @given(data=st.data())
    def test_generated_values(
        self, cls: type[Any], strategy: st.SearchStrategy[Any], data: st.DataObject
    ) -> None:
        value = data.draw(strategy, label="value")
        document = json.loads(lm.to_json(value))
        assert _problems(cls, document) == []

    def test_a_version_1_document_is_not_version_2(self) -> None:
        from learnmeet.io._json import _version_1

        old = _version_1(load_sample().professionals[0])
        assert _problems(lm.Professional, old)


# -- refused by both ---------------------------------------------------------

_Path = tuple[str | int, ...]
_UNKNOWN = "zz_not_a_field"


def _resolved(validator: Any, schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = validator.schema["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _types(schema: Mapping[str, Any]) -> set[str] | None:
    """The JSON types *schema* allows, ``None`` if it does not say."""
    if "type" not in schema or "const" in schema:
        return None
    held = schema["type"]
    return {held} if isinstance(held, str) else set(held)


def _sites(
    validator: Any,
    instance: object,
    schema: Mapping[str, Any],
    path: _Path,
    types: set[str] | None = None,
) -> Iterator[tuple[_Path, Mapping[str, Any], object, set[str] | None]]:
    """Each place in *instance*: its (resolved) schema, the JSON types it takes."""
    defs = validator.schema["$defs"]
    schema = _resolved(validator, schema)
    if "anyOf" in schema:
        branches = [_resolved(validator, b) for b in schema["anyOf"]]
        each = [_types(b) for b in branches]
        allowed = None if None in each else set().union(*each)  # type: ignore[arg-type]
        for branch in branches:
            if validator.evolve(schema={**branch, "$defs": defs}).is_valid(instance):
                yield from _sites(validator, instance, branch, path, allowed)
                return
        return
    yield path, schema, instance, types if types is not None else _types(schema)
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in instance.items():
            held = properties.get(key, extra)
            if isinstance(held, Mapping):
                yield from _sites(validator, item, held, (*path, key))
    elif isinstance(instance, list):
        prefix = schema.get("prefixItems", [])
        for index, item in enumerate(instance):
            held = prefix[index] if index < len(prefix) else schema.get("items")
            if isinstance(held, Mapping):
                yield from _sites(validator, item, held, (*path, index))


_JSON_VALUES = {
    "string": "x",
    "integer": 7,
    "number": 7.5,
    "boolean": True,
    "array": [],
    "object": {},
    "null": None,
}


def _wrong_value(allowed: set[str]) -> object:
    """A value of a JSON type not in *allowed*."""
    allowed = set(allowed)
    if "number" in allowed:
        allowed.add("integer")
    return next(v for k, v in _JSON_VALUES.items() if k not in allowed)


def _mutations(
    validator: Any, document: dict[str, Any]
) -> list[tuple[str, _Path, object]]:
    """Every structural mutation of *document* the reader refuses."""
    found: list[tuple[str, _Path, object]] = []
    for path, schema, instance, types in _sites(
        validator, document, validator.schema, ()
    ):
        if path == () or path[0] not in ("data", "included"):
            continue
        if isinstance(instance, dict) and schema.get("additionalProperties") is False:
            found.append(("unknown field", (*path, _UNKNOWN), 1))
            found.extend(
                ("missing field", (*path, key), None)
                for key in schema.get("required", ())
                if key in instance
            )
        if "enum" in schema and isinstance(instance, str):
            found.append(("unknown code", path, "zz-no-such-code"))
        elif "pattern" in schema:
            found.append(("malformed text", path, "?"))
        if types is not None:
            found.append(("wrong JSON type", path, _wrong_value(types)))
    return found


def _mutated(document: dict[str, Any], kind: str, path: _Path, value: object) -> Any:
    out = copy.deepcopy(document)
    holder: Any = out
    for step in path[:-1]:
        holder = holder[step]
    if kind == "missing field":
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return out


class TestRefusedByBoth:
    """A document the reader refuses for its shape, the schema refuses too.

    One mutation at a time, anywhere in a generated document: a required
    field left out, an unknown field added, a value of a JSON type its field
    does not take, a code replaced by one no enumeration has, a datetime,
    duration or person's key that is no such text.
    """

    @settings(max_examples=60)
    @given(st.data())
    def test_one_structural_mutation(self, data: st.DataObject) -> None:
        cls, strategy = data.draw(st.sampled_from(STRATEGIES), label="type")
        document = json.loads(lm.to_json(data.draw(strategy, label="value")))
        validator = _validator(cls)
        kind, path, value = data.draw(
            st.sampled_from(_mutations(validator, document)), label="mutation"
        )
        broken = _mutated(document, kind, path, value)
        with pytest.raises(lm.InvalidDataError):
            lm.from_dict(cls, broken)
        assert not validator.is_valid(broken), (kind, path)

    def test_every_kind_of_mutation_is_found_in_the_sample(self) -> None:
        document = lm.to_dict(load_sample())
        kinds = {kind for kind, _, _ in _mutations(_validator(lm.Scenario), document)}
        assert kinds == {
            "malformed text",
            "unknown field",
            "missing field",
            "unknown code",
            "wrong JSON type",
        }

    def test_the_envelope(self) -> None:
        document = lm.to_dict(lm.Citizen("B-017"))
        for broken in (
            {**document, "learnmeet": 5},
            {**document, "type": "Meeting"},
            {**document, "extra": 1},
            {k: v for k, v in document.items() if k != "data"},
            {**document, "included": {"nobody": {}}},
        ):
            assert not _validator(lm.Citizen).is_valid(broken)
            with pytest.raises(lm.InvalidDataError):
                lm.from_dict(lm.Citizen, broken)


class TestWireForms:
    """The patterns are the readers' grammar, usable by any validator."""

    def test_a_datetime_must_have_its_offset(self) -> None:
        schema = lm.json_schema(lm.Meeting)
        check = Validator({"$ref": "#/$defs/datetime", "$defs": schema["$defs"]})
        assert check.is_valid("2027-02-02T10:00:00+01:00[Europe/Copenhagen]")
        assert check.is_valid("2027-02-02T09:00:00Z")
        assert not check.is_valid("2027-02-02T10:00:00")
        assert not check.is_valid("2027-02-02 10:00")

    def test_a_pattern_has_no_python_only_syntax(self) -> None:
        text = json.dumps(lm.json_schema(lm.Meeting))
        assert "(?P<" not in text

    @pytest.mark.parametrize(
        ("t", "expected"),
        [
            (
                tuple[int, str],
                {
                    "type": "array",
                    "prefixItems": [{"type": "integer"}, {"type": "string"}],
                    "minItems": 2,
                    "maxItems": 2,
                    "items": False,
                },
            ),
            (
                Mapping[str, int],
                {"type": "object", "additionalProperties": {"type": "integer"}},
            ),
            (Literal["da", "en"], {"enum": ["da", "en"]}),
            (
                dict[str, bool],
                {"type": "object", "additionalProperties": {"type": "boolean"}},
            ),
        ],
    )
    def test_the_shapes_of_the_planning_results(self, t: Any, expected: Any) -> None:
        assert _Builder(lm.DEFAULT_CATALOG).of(t) == expected

    def test_a_type_without_a_json_form_is_a_bug_here(self) -> None:
        with pytest.raises(TypeError):
            _Builder(lm.DEFAULT_CATALOG).of(complex)

    @pytest.mark.parametrize("t", [datetime, date, timedelta, time])
    def test_every_wire_form_has_a_pattern(self, t: type[Any]) -> None:
        builder = _Builder(lm.DEFAULT_CATALOG)
        ref = builder.of(t)["$ref"].rsplit("/", 1)[1]
        assert builder.defs[ref]["pattern"].startswith("^")


def test_attrs_fields_not_in_init_are_not_in_the_schema() -> None:
    schema = lm.json_schema(lm.QuestionBank)
    assert set(schema["$defs"]["QuestionBank"]["properties"]) == {"models"}
    assert not attrs.fields(lm.QuestionBank)._by_code.init
