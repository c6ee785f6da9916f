"""The envelope and what is refused before a value is read: versions, types,
depth, keys, and text that is no JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from learnmeet.io._envelope import MAX_DEPTH
from learnmeet.io._json import _version_1
from support import json_paths, read_problems, sample_meeting

CPH = lm.COPENHAGEN
CAT = lm.DEFAULT_CATALOG


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
        errors = read_problems(lm.Citizen, document)
        assert errors[0].startswith(reason), errors
        assert len(errors) == 1

    def test_an_unknown_type_is_not_repeated(self) -> None:
        document = {"learnmeet": 1, "type": "Citizen 010203-1234" * 9, "data": {}}
        (error,) = read_problems(lm.Citizen, document)
        assert error.startswith("$.type: the type a text of ")
        assert "is no learnmeet type (fix: read it as the class it holds" in error
        assert not lm.looks_like_cpr(error)

    def test_wrong_type_version_and_extra_fields_are_all_reported(self) -> None:
        errors = read_problems(
            lm.Meeting, {"learnmeet": 99, "type": "Citizen", "data": {}, "x": 1}
        )
        assert [e.split(":")[0] for e in errors] == ["$.learnmeet", "$.type", "$.x"]

    def test_not_an_object(self) -> None:
        assert read_problems(lm.Meeting, [])[0].startswith("$: expected a learnmeet")

    def test_danish_envelope_messages_are_danish(self) -> None:
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Meeting, [])
        assert caught.value.problems[0].reason.da.endswith("fik en liste")
        with pytest.raises(lm.InvalidDataError) as caught:
            lm.from_dict(lm.Citizen, {"learnmeet": 1, "type": "Citizen", "x": 1})
        assert [p.message("da") for p in caught.value.problems] == [
            "$.data: 'data' mangler (løsning: skriv et learnmeet-dokument: "
            '{"learnmeet": 4, "type": "Citizen", "data": {...}})',
            "$.x: ukendt felt i konvolutten (løsning: fjern det)",
        ]


class TestSchemaVersions:
    """This release writes version 4 and reads 1 to 4; a reader refuses any
    other, saying which versions it reads (docs/json.md, "Versions")."""

    @pytest.mark.parametrize(
        ("version", "shown"),
        [
            (5, "5"),
            (99, "99"),
            (0, "0"),
            ("5", "'5'"),
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
            "(fix: this release reads versions 1, 2, 3 and 4 and writes version 4)"
        )
        assert problem.message("da") == (
            f"$.learnmeet: skemaversion {shown} understøttes ikke "
            "(løsning: denne udgave læser version 1, 2, 3 og 4 og skriver version 4)"
        )

    @pytest.mark.parametrize("version", ["1", " 2 "])
    def test_a_version_in_quotes_says_to_write_the_number(self, version: str) -> None:
        document = {"learnmeet": version, "type": "Citizen", "data": {}}
        errors = read_problems(lm.Citizen, document)
        number = version.strip()
        assert errors == (
            f"$.learnmeet: the version is the number {number}, not the text "
            f'{version!r} (fix: write "learnmeet": {number} without quotes)',
        )

    def test_missing_version_is_refused(self) -> None:
        with pytest.raises(lm.InvalidDataError, match=r"\$\.learnmeet: the schema"):
            lm.from_dict(lm.Citizen, {"type": "Citizen", "data": {"pseudonym": "B-1"}})

    def test_this_release_writes_version_four(self) -> None:
        assert lm.SCHEMA_VERSION == 4
        text = lm.to_json(lm.Citizen("B-1"))
        assert json.loads(text)["learnmeet"] == 4
        assert lm.from_json(lm.Citizen, text) == lm.Citizen("B-1")

    def test_version_three_reads_as_version_four(self) -> None:
        """Version 4 only adds optional fields: a version-3 document is read
        unchanged (to_version_4 is the identity on its data)."""
        document = lm.to_dict(lm.Citizen("B-1"))
        document["learnmeet"] = 3
        assert lm.from_dict(lm.Citizen, document) == lm.Citizen("B-1")

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
        assert read_problems(lm.Citizen, document) == (
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


class TestKeysAndVersionsAreShownShort:
    """A key or a version is what the document's writer typed: an error shows
    it short and redacted, or cut, never whole."""

    def test_a_long_unknown_key_is_cut_in_the_path(self) -> None:
        key = "n" * 100_000
        document = {"learnmeet": 1, "type": "Citizen", "data": {"pseudonym": "B-1"}}
        document["data"][key] = 1
        (error,) = read_problems(lm.Citizen, document)
        assert error.startswith(f"$['{'n' * 40}…']: unknown field for Citizen")
        assert len(error) < 200

    def test_a_key_with_a_cpr_number_is_redacted(self) -> None:
        data = {"pseudonym": "B-1", "hos 12\u200b0304-5678": 1}
        (error,) = read_problems(
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
        (error,) = read_problems(
            lm.Citizen, {"learnmeet": 1, "type": "Citizen", "data": data}
        )
        kind = type(key).__name__
        assert error.startswith(f"$.z: the object has a key of type {kind},")
        assert len(error) < 200

    def test_a_padded_version_is_not_repeated(self) -> None:
        document = {"learnmeet": " " * 50_000 + "1", "type": "Citizen", "data": {}}
        (error, *_) = read_problems(lm.Citizen, document)
        assert error.startswith(
            "$.learnmeet: the version is the number 1, not a text of 50001 characters"
        )

    def test_a_huge_version_is_not_written(self) -> None:
        document = {"learnmeet": 10**5000, "type": "Citizen", "data": {}}
        (error, *_) = read_problems(lm.Citizen, document)
        assert error.startswith("$.learnmeet: unsupported schema version ?")

    def test_a_class_named_like_a_cpr_number(self) -> None:
        named = type("Borger_120304_5678", (), {})
        with pytest.raises(lm.WrongTypeError) as info:
            lm.from_dict(named, {})
        assert "Borger_[CPR]" in info.value.message("en")
        with pytest.raises(lm.WrongTypeError) as info:
            lm.to_dict(named())
        assert "Borger_[CPR]" in info.value.message("da")


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
        document = _version_1(sample_meeting())
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
        document = lm.to_dict(sample_meeting())
        objects = [
            path
            for path in json_paths(document["data"])
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
