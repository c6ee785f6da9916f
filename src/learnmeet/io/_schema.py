"""The JSON Schema of every document learnmeet writes, made from the model.

:func:`json_schema` returns a JSON Schema (draft 2020-12) for the documents
:func:`~learnmeet.to_dict` writes of one class. Nothing in it is written by
hand: it is read at run time from the same sources the converter of
:mod:`learnmeet.io._json` works from, so it ships in every installed wheel and
cannot fall behind the model:

* **the fields** are the class's attrs fields; a field without a default is
  ``required``, one with a default may be left out and has that default (as
  the converter writes it) under ``default``;
* **the JSON types** follow the converter's conventions: strings, whole
  numbers, numbers and booleans as they are; a tuple or set is an array; a
  :class:`~learnmeet.LabelledEnum` is one of its codes (``enum``); a
  datetime is an RFC 9557 string, a date ``YYYY-MM-DD``, a duration ISO
  8601 and a time of day ``HH:MM``, each with the ``pattern`` its reader
  (:mod:`learnmeet.io._wire`) reads it by; a catalogue entry is its code in
  the catalogue (``enum``) or the entry in full; ``None`` is ``null``;
* **the references** follow :mod:`learnmeet.io._references`: a field that
  holds an entity is the entity's id, a string, and says which collection the
  id is in (``x-learnmeet-collection``); a person is a person's key
  (``"professional:p-1"``); each entity is an entry of its collection, keyed by
  its id, in a scenario's ``data`` or in the envelope's ``included``;
* **unknown fields** are refused (``additionalProperties: false``), as the
  reader refuses them;
* **the envelope** has ``"learnmeet": 4`` (``const``) and the class's name as
  ``type``.

Each field has a ``description`` in English, from the ``Attributes:`` section
of its class's docstring, and, where learnmeet's vocabulary
(:mod:`learnmeet.model._vocabulary`) names what it holds, the Danish term
under ``x-learnmeet-da`` (an annotation, which validators ignore). The
documentation's field tables are made from the same schema. (Python run with
``-OO`` drops docstrings, and with them the descriptions; the rest of the
schema is the same.)

The schema describes what this release **writes**: the version
:data:`~learnmeet.SCHEMA_VERSION` says. The reader
also reads version 1, which it upgrades first; a version-1 document does not
validate against these schemas. What a value checks beyond the shape of its
document (a CPR number in a text, a meeting's duration, an id nothing has)
is the reader's to find; the schema is the shape.
"""

from __future__ import annotations

import copy
import enum
import functools
import re
import types
from collections.abc import Hashable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, Literal, Union, cast, get_args, get_origin
from zoneinfo import ZoneInfo

import attrs

import learnmeet.model
from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import WrongTypeError
from learnmeet.io._converter import CODED, converter_for
from learnmeet.io._envelope import SCHEMA_VERSION
from learnmeet.io._json import (
    _CONTAINERS,
    MODEL_TYPES,
    _readable,
)
from learnmeet.io._references import BY_CLASS, ENTITIES, PERSON_PREFIXES, Entity
from learnmeet.io._results import built_in_rules, document_form_of, is_rule
from learnmeet.io._upgrade import MISSING, listed_fields
from learnmeet.io._wire import WIRE_PATTERNS
from learnmeet.model._arguments import checked
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import LabelledEnum
from learnmeet.model._people import Person, Profession, Sector
from learnmeet.model._vocabulary import VOCABULARY

__all__ = ["DANISH", "DIALECT", "document_types", "json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema :func:`json_schema` returns."""

DANISH = "x-learnmeet-da"
"""The annotation that holds a field's or a definition's Danish term."""

_COLLECTION = "x-learnmeet-collection"
"""The annotation that names the collection a reference's id is in."""

_WIRE = {
    datetime: (
        "datetime",
        "An RFC 9557 datetime: local time, UTC offset and IANA zone, e.g. "
        "'2027-02-02T10:00:00+01:00[Europe/Copenhagen]'.",
        None,
    ),
    date: ("date", "A date, YYYY-MM-DD.", "date"),
    timedelta: (
        "duration",
        "An ISO 8601 duration of weeks, days, hours and minutes, e.g. 'PT1H30M'.",
        "duration",
    ),
    time: ("time", "A time of day, HH:MM or HH:MM:SS.", None),
    ZoneInfo: (
        "zone",
        "An IANA time zone by its name, e.g. 'Europe/Copenhagen', or 'UTC'.",
        None,
    ),
}
"""Each wire type: its definition's name, its description, its ``format``."""

_PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}


@checked
def json_schema(
    cls: type[Any], *, catalog: Catalog = DEFAULT_CATALOG
) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a document of *cls*.

    The schema of the documents :func:`~learnmeet.to_dict` and
    :func:`~learnmeet.to_json` write of a *cls* (the version
    :data:`~learnmeet.SCHEMA_VERSION` says): the envelope, the ``data`` with every field of *cls*, and the ``included``
    entities the data refers to, each kind a collection keyed by id. Every
    class written in full has a definition under ``$defs``, by its name
    (an entity's is its entry in a collection, without its id); a field has
    its JSON type, a ``description`` in English, its ``default`` if it may be
    left out, and its Danish term under ``x-learnmeet-da``.

    >>> import learnmeet
    >>> schema = learnmeet.json_schema(learnmeet.Citizen)
    >>> schema["properties"]["learnmeet"], schema["required"]
    ({'const': 4, 'description': 'The schema version of the document.'}, ['learnmeet', 'type', 'data'])

    The schema is made from the model at run time (see
    :mod:`learnmeet.io._schema`), so a class added to the model has one
    without being listed anywhere. ``learnmeet schema TYPE`` prints it.

    Args:
        cls: A class :func:`~learnmeet.to_dict` writes, e.g.
            ``learnmeet.Scenario``.
        catalog: The catalogue whose codes a profession, sector or format
            may be written as (the schema lists them under ``enum``).

    Raises:
        WrongTypeError: *cls* is not a class learnmeet writes as JSON, or
            *catalog* is not a :class:`~learnmeet.Catalog`.

    .. versionadded:: 0.2.0
    """  # noqa: E501
    _readable(cls, "json_schema")
    return copy.deepcopy(_schema(cast(Hashable, cls), catalog))


def document_types() -> tuple[type[Any], ...]:
    """Every class with a document, by name: the public classes ``to_dict`` writes.

    Read from the public names, so a class made public and readable later is
    listed without being named here (as :data:`~learnmeet.io._json.MODEL_TYPES`
    is read, through the package's table of names).
    """
    found = set(MODEL_TYPES)
    for name in learnmeet.__all__:
        value = getattr(learnmeet, name)
        if isinstance(value, type) and attrs.has(value):
            try:
                _readable(value, "document_types")
            except WrongTypeError:
                continue
            found.add(value)
    return tuple(sorted(found, key=lambda cls: cls.__name__))


@functools.lru_cache(maxsize=128)
def _schema(cls: Any, catalog: Catalog) -> dict[str, Any]:
    builder = _Builder(catalog)
    data = builder.data(cls)
    included = {
        entity.collection: {
            "type": "object",
            "description": f"The {entity.noun.en} entities the data refers to, "
            f"by {entity.key}.",
            "additionalProperties": builder.entry(entity),
        }
        for entity in ENTITIES
        if entity in builder.reached
    }
    name = cls.__name__
    return {
        "$schema": DIALECT,
        "$id": f"urn:learnmeet:schema:{SCHEMA_VERSION}:{name}",
        "title": f"learnmeet {name} document, schema version {SCHEMA_VERSION}",
        "description": _summary(cls),
        "type": "object",
        "properties": {
            "learnmeet": {
                "const": SCHEMA_VERSION,
                "description": "The schema version of the document.",
            },
            "type": {"const": name, "description": "The class the data is."},
            "data": data,
            "included": {
                "type": "object",
                "description": "Every entity the data refers to but does not "
                "hold, each kind a collection keyed by id.",
                "properties": included,
                "additionalProperties": False,
            },
        },
        "required": ["learnmeet", "type", "data"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


class _Builder:
    """The definitions of one schema, made as the fields are walked."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.defaults = converter_for(catalog).entities.defaults
        self.defs: dict[str, dict[str, Any]] = {}
        self.reached: set[Entity] = set()

    def data(self, cls: type[Any]) -> dict[str, Any]:
        """The schema of the ``data`` of a document of *cls*."""
        if cls in _CONTAINERS:
            listed = listed_fields(cls)
            return self.fields(cls, listed=listed)
        entity = BY_CLASS.get(cls)
        if entity is not None:
            return self.fields(cls)  # in full: its id too
        if is_rule(cls):
            return self.rule()
        return self.ref(cls)

    def entry(self, entity: Entity) -> dict[str, Any]:
        """A reference to the definition of an entry of *entity*'s collection."""
        return self.ref(entity.cls)

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        """A ``$ref`` to the definition of *cls*, made the first time."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a class that holds itself refers to this
            entity = BY_CLASS.get(cls)
            omit = entity.key if entity is not None else None
            form = document_form_of(cls)
            if form is None:
                self.defs[name] = self.fields(cls, omit=omit)
            else:  # an index: what it was given, in its document's form
                self.defs[name] = {
                    **self.fields(form),
                    "description": _summary(cls),
                }
        return {"$ref": f"#/$defs/{name}"}

    def fields(
        self,
        cls: type[Any],
        *,
        omit: str | None = None,
        listed: Mapping[str, Entity] | None = None,
    ) -> dict[str, Any]:
        """An object with each field of *cls*: its type, meaning and default."""
        attrs.resolve_types(cls)  # string annotations, read once
        described = _attributes(cls)
        defaults = self.defaults(cls)
        properties: dict[str, Any] = {}
        required = []
        for field in attrs.fields(cls):
            if not field.init or field.name == omit:
                continue
            held = (listed or {}).get(field.name)
            schema = self.collection(held) if held is not None else self.of(field.type)
            schema = dict(schema)
            text = described.get(field.name) or _type_summary(field.type)
            if text:
                schema["description"] = text
            danish = _danish_of(field.type)
            if danish:
                schema[DANISH] = danish
            default = defaults[field.name]
            if default is MISSING:
                required.append(field.name)
            elif held is None:
                schema["default"] = default
            properties[field.name] = schema
        out: dict[str, Any] = {"type": "object", "description": _summary(cls)}
        danish = _danish(cls)
        if danish:
            out[DANISH] = danish
        entity = BY_CLASS.get(cls)
        if omit is not None and entity is not None:
            out["description"] += (
                f" Written once, in '{entity.collection}', keyed by its {omit}."
            )
        out["properties"] = properties
        out["required"] = required
        out["additionalProperties"] = False
        return out

    def collection(self, entity: Entity) -> dict[str, Any]:
        """A scenario's collection of *entity*: an object of entries by id."""
        return {"type": "object", "additionalProperties": self.entry(entity)}

    def of(self, t: Any) -> dict[str, Any]:
        """The schema of a value of type *t*, as the converter writes it."""
        if t in _PRIMITIVES:
            return {"type": _PRIMITIVES[t]}
        if t in _WIRE:
            return self.wire(t)
        if t == Person:
            return self.person()
        origin, args = get_origin(t), get_args(t)
        if origin in (Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            inner = self.of(rest[0]) if len(rest) == 1 else self.one_of(rest)
            if len(rest) == len(args):
                return inner
            if set(inner) == {"type"}:
                return {"type": [inner["type"], "null"]}
            return {"anyOf": [inner, {"type": "null"}]}
        if origin is Literal:
            return {"enum": list(args)}
        if origin is frozenset or (origin is tuple and args[-1:] == (Ellipsis,)):
            return {"type": "array", "items": self.of(args[0])}
        if origin is tuple:  # a pair, or any fixed number of parts
            return {
                "type": "array",
                "prefixItems": [self.of(a) for a in args],
                "minItems": len(args),
                "maxItems": len(args),
                "items": False,
            }
        if origin in (Mapping, dict) and args[0] is not str:
            # keys that are not texts: an array of [key, value] pairs
            return {"type": "array", "items": self.of(tuple[args[0], args[1]])}  # type: ignore[valid-type]
        if origin in (Mapping, dict):
            return {"type": "object", "additionalProperties": self.of(args[1])}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return self.enumeration(t)
        if is_rule(t):
            return self.rule()
        if isinstance(t, type) and attrs.has(t):
            entity = BY_CLASS.get(t)
            if entity is not None:
                return self.reference(entity)
            if t in CODED:
                return {"anyOf": [self.codes(t), self.ref(t)]}
            return self.ref(t)
        raise TypeError(f"no JSON Schema for {t!r}")  # a test holds every type here

    def one_of(self, kinds: list[Any]) -> dict[str, Any]:
        """A value of any of *kinds* (a path's step: a name or an index)."""
        found = [self.of(kind) for kind in kinds]
        if all(set(f) == {"type"} and isinstance(f["type"], str) for f in found):
            return {"type": [f["type"] for f in found]}
        return {"anyOf": found}

    def rule(self) -> dict[str, Any]:
        """A rule by its code: a built-in rule's check is not data."""
        if "RuleCode" not in self.defs:
            self.defs["RuleCode"] = {
                "type": "string",
                "description": "The code of a built-in rule; a rule of your own "
                "holds Python code, which a document cannot hold.",
                "enum": list(built_in_rules()),
            }
        return {"$ref": "#/$defs/RuleCode"}

    def wire(self, t: type[Any]) -> dict[str, Any]:
        name, description, form = _WIRE[t]
        if name not in self.defs:
            schema: dict[str, Any] = {
                "type": "string",
                "description": description,
                "pattern": _anchored(WIRE_PATTERNS[t]),
            }
            if form is not None:
                schema["format"] = form
            self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}

    def person(self) -> dict[str, Any]:
        for entity in PERSON_PREFIXES.values():
            self.reached.add(entity)
            self.ref(entity.cls)
        if "PersonKey" not in self.defs:
            kinds = "|".join(PERSON_PREFIXES)
            self.defs["PersonKey"] = {
                "type": "string",
                "description": "A person by their key: the kind and the id, e.g. "
                "'professional:p-1'; the person is in the collection of the kind "
                "(professionals, citizens, relatives).",
                "pattern": f"^({kinds}):.+$",
            }
        return {"$ref": "#/$defs/PersonKey"}

    def reference(self, entity: Entity) -> dict[str, Any]:
        self.reached.add(entity)
        self.ref(entity.cls)
        return {"type": "string", _COLLECTION: entity.collection}

    def codes(self, cls: type[Any]) -> dict[str, Any]:
        name = f"{cls.__name__}Code"
        if name not in self.defs:
            entries: tuple[Any, ...] = {
                Profession: self.catalog.professions,
                Sector: self.catalog.sectors,
                MeetingFormat: self.catalog.formats,
            }[cls]
            self.defs[name] = {
                "type": "string",
                "description": f"The code of a {_noun(cls)} of the catalogue; "
                "any other is written in full.",
                "enum": [entry.code for entry in entries],
            }
        return {"$ref": f"#/$defs/{name}"}

    def enumeration(self, cls: type[enum.Enum]) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            codes = [member._value_ for member in cls]
            schema: dict[str, Any] = {"description": _summary(cls)}
            if issubclass(cls, LabelledEnum):
                schema["type"] = "string"
            schema["enum"] = codes
            self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}


def _anchored(pattern: re.Pattern[str]) -> str:
    """*pattern* as a JSON Schema ``pattern``: whole, and without group names.

    ``(?P<name>`` is Python's own; ECMA 262, which JSON Schema's patterns
    follow, names groups ``(?<name>``, which Python refuses. A group without
    a name reads the same in both.
    """
    return "^" + re.sub(r"\(\?P<\w+>", "(", pattern.pattern) + "$"


def _noun(cls: type[Any]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()


def _summary(cls: type[Any]) -> str:
    """The first paragraph of *cls*'s docstring, on one line, as plain text."""
    doc = (cls.__doc__ or "").strip()
    return _plain(doc.split("\n\n", 1)[0])


_LITERAL = re.compile(r"``(.+?)``")
_ROLE = re.compile(r":\w+:`~?([^`<]*?)(?:\s*<[^>]*>)?`")


def _plain(text: str) -> str:
    """Markup of reStructuredText taken out: ``x`` and :class:`~a.X` read as x, X."""
    text = _ROLE.sub(lambda m: m[1].rsplit(".", 1)[-1], text)
    text = _LITERAL.sub(lambda m: "'" + m[1].strip("'\"") + "'", text)
    return " ".join(text.split())


_ENTRY = re.compile(r"(\w+)(?: \([^)]*\))?: (.*)")


def _attributes(cls: type[Any]) -> dict[str, str]:
    """Each field's text in the ``Attributes:`` section of *cls*'s docstring."""
    lines = (cls.__doc__ or "").expandtabs().splitlines()
    found: dict[str, str] = {}
    inside, indent, name = False, 0, ""
    for line in lines:
        stripped = line.strip()
        depth = len(line) - len(line.lstrip())
        if stripped == "Attributes:":
            inside, indent, name = True, -1, ""
            continue
        if not inside:
            continue
        if not stripped:
            continue
        if indent < 0:
            indent = depth
        if depth < indent or (
            depth == indent and stripped.endswith(":") and " " not in stripped
        ):
            inside = False
            continue
        match = _ENTRY.fullmatch(stripped) if depth == indent else None
        if match:
            name = match[1]
            found[name] = match[2]
        elif name:
            found[name] += " " + stripped
    return {key: _plain(text) for key, text in found.items()}


def _type_summary(t: Any) -> str | None:
    """What a field says of itself when its class does not: its type's summary."""
    args = [a for a in get_args(t) if a is not type(None) and a is not Ellipsis]
    if get_origin(t) is not None and len(args) == 1:
        return _type_summary(args[0])
    if isinstance(t, type) and (attrs.has(t) or issubclass(t, enum.Enum)):
        return _summary(t)
    return None


def _danish(cls: type[Any]) -> str | None:
    """The Danish term of *cls*, if learnmeet's vocabulary has one."""
    term = VOCABULARY.get(getattr(cls, "__name__", ""))
    return term.da if term is not None else None


def _danish_of(t: Any) -> str | None:
    """The Danish term of what a field of type *t* holds (through lists, None)."""
    if t == Person:
        return None
    args = [a for a in get_args(t) if a is not type(None) and a is not Ellipsis]
    if get_origin(t) is not None and len(args) == 1:
        return _danish_of(args[0])
    return _danish(t) if isinstance(t, type) else None
