"""The one cattrs converter: strict primitives, wire formats, entities by reference.

Every document is read and written through a converter made here
(:func:`make_converter`): primitives never coerced (no ``str(5)`` or
``int("5")``), datetimes, dates, durations and times in their wire forms
(:mod:`learnmeet.io._wire`), enums by code, catalogue entries by code when
they equal the catalogue's, collections as arrays and mappings as objects,
and entities through their references (:mod:`learnmeet.io._references`).
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar, get_args, get_origin
from zoneinfo import ZoneInfo

import attrs
from cattrs import Converter
from cattrs.errors import (
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

import learnmeet.io._results as _results
from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import (
    InvalidValueError,
    UnknownCodeError,
)
from learnmeet.io._memo import MemoConverter, memoised
from learnmeet.io._references import (
    BY_CLASS,
    PERSON_PREFIXES,
    PREFIX_OF,
    json_type,
    not_a_person_key,
    reading,
    writing,
)
from learnmeet.io._upgrade import MISSING
from learnmeet.io._wire import (
    format_date,
    format_datetime,
    format_duration,
    format_time,
    format_zone,
    parse_date,
    parse_datetime,
    parse_duration,
    parse_time,
    parse_zone,
)
from learnmeet.model._arguments import checked
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._lookup import closest
from learnmeet.model._meetings import Location, Reflection
from learnmeet.model._people import (
    Citizen,
    Person,
    Profession,
    Professional,
    Relative,
    Sector,
)

__all__ = [
    "CODED",
    "KIND_OF",
    "DocumentConverter",
    "converter_for",
    "make_converter",
    "omitted_when_default",
]


_PERSON_KINDS: dict[str, type[Any]] = {
    "professional": Professional,
    "citizen": Citizen,
    "relative": Relative,
}


KIND_OF = {cls: kind for kind, cls in _PERSON_KINDS.items()}


CODED = (Profession, Sector, MeetingFormat)


_SHARED = frozenset({*BY_CLASS, Location, Reflection, Label})
"""Values that recur where they are written in full; each is structured once.

In a document, an entity is structured once through its reference; the memo
serves the converter used directly, and values without an id that recur: a
location, a meeting's reflection and the labels its questions are (a year's
meetings ask the same few questions). For one call only, as every memo.
"""


T = TypeVar("T")


def _expected(what: Label, value: object) -> InvalidValueError:
    got = json_type(value)
    return InvalidValueError(
        reason=Label(
            da=f"forventede {what.da}, fik {got.da}",
            en=f"expected {what.en}, got {got.en}",
        ),
        fix=Label(da=f"skriv {what.da} her", en=f"write {what.en} here"),
    )


_A_STRING = Label(da="en tekst", en="a string")


_A_WHOLE_NUMBER = Label(da="et helt tal", en="a whole number")


_A_NUMBER = Label(da="et tal", en="a number")


_A_BOOLEAN = Label(da="true eller false", en="true or false")


_AN_ARRAY = Label(da="en liste", en="an array")


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise _expected(_A_STRING, value)
    return value


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _expected(_A_WHOLE_NUMBER, value)
    return value


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _expected(_A_NUMBER, value)
    return float(value)


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise _expected(_A_BOOLEAN, value)
    return value


def _wire(parse: Callable[[object], T]) -> Callable[[object, object], T]:
    def structure(value: object, _: object) -> T:
        return parse(value)  # a WireError is an InvalidValueError with no path

    return structure


def _structure_enum(value: object, cls: type[LabelledEnum]) -> LabelledEnum:
    if isinstance(value, str):
        # The happy path is one dictionary look-up; the list of codes is built
        # only for the error message.
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member  # type: ignore[return-value]
    codes = [m.code for m in cls]
    near = closest(value, codes) if isinstance(value, str) else []
    allowed = ", ".join(codes)
    raise InvalidValueError(
        reason=Label(
            da="ikke en af de koder, der kan stå her",
            en="not one of the codes allowed here",
        ),
        fix=Label(
            da=f"mente du {near[0]!r}? Brug en af: {allowed}",
            en=f"did you mean {near[0]!r}? Use one of: {allowed}",
        )
        if near
        else Label(da=f"brug en af: {allowed}", en=f"use one of: {allowed}"),
    )


def _enum_value(member: enum.Enum) -> Any:
    return member._value_  # what .value reads, without the descriptor


@checked
def make_converter(catalog: Catalog = DEFAULT_CATALOG) -> Converter:
    """Return the converter learnmeet reads and writes JSON with.

    The converter is made once per catalogue and cached; it is the one cattrs
    converter of the library. Use it directly only to embed learnmeet values in
    your own cattrs-based format; :func:`to_dict` and :func:`from_dict` are the
    usual way in and out.

    Args:
        catalog: The catalogue whose codes stand for its professions, sectors
            and formats.

    Raises:
        WrongTypeError: *catalog* is not a :class:`~learnmeet.Catalog`.

    .. versionadded:: 0.1.0
    """
    return converter_for(catalog)


@functools.lru_cache(maxsize=8)
def converter_for(catalog: Catalog) -> DocumentConverter:
    conv = DocumentConverter(forbid_extra_keys=True, detailed_validation=True)

    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    for cls, parse, fmt in (
        (datetime, parse_datetime, format_datetime),
        (date, parse_date, format_date),
        (timedelta, parse_duration, format_duration),
        (time, parse_time, format_time),
        (ZoneInfo, parse_zone, format_zone),
    ):
        conv.register_structure_hook(cls, _wire(parse))
        conv.register_unstructure_hook(cls, fmt)

    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, LabelledEnum),
        _structure_enum,
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        _enum_value,
    )
    _register_collections(conv)
    _register_classes(conv, catalog)
    _results.register_results(conv, _expected)
    return conv


def _is_collection(t: Any) -> bool:
    return get_origin(t) in (tuple, frozenset)


def _register_collections(conv: DocumentConverter) -> None:
    """Collections are JSON arrays only (a string is not a list of letters).

    Sets are written sorted, so the same value always gives the same bytes.
    """

    def structure_factory(t: Any) -> Callable[[object, object], Any]:
        (item, *_) = get_args(t)
        items = conv.get_structure_hook(item)
        ctor = get_origin(t)

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, list):
                raise _expected(_AN_ARRAY, value)
            out, errors = [], []
            for index, element in enumerate(value):
                try:
                    out.append(items(element, item))
                except Exception as exc:  # collected with its index
                    note = IterableValidationNote(f"@ index {index}", index, item)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return ctor(out)

        return structure

    def unstructure_factory(t: Any) -> Callable[[Any], list[Any]]:
        (item, *_) = get_args(t)
        sort = get_origin(t) is frozenset

        hook = conv.get_unstructure_hook(item)

        def unstructure(value: Any) -> list[Any]:
            if not value:  # most roles, courses and relatives: nothing to do
                return []
            out = [hook(element) for element in value]
            return sorted(out, key=json.dumps) if sort and len(out) > 1 else out

        return unstructure

    conv.register_structure_hook_factory(_is_collection, structure_factory)
    conv.register_unstructure_hook_factory(_is_collection, unstructure_factory)


class DocumentConverter(MemoConverter):
    """The learnmeet converter, with the hooks that write and read entities."""

    entities: _Entities


# Fields added after version 2 was published, written only when set, so a
# document without them is what the version always was (version 3's too; a
# volunteer's profession is written as null, in its place).
# By the class's full name: the planners' results are named, not imported, so
# reading a document loads no planning code.
_OMITTED_WHEN_DEFAULT: dict[str, tuple[str, ...]] = {
    "learnmeet.model._people.Professional": (
        "email",
        "participant_type",
        "completions",
    ),
    "learnmeet.model._completions.CourseCompletion": ("expires_on", "meeting"),
    "learnmeet.model._people.Area": ("organisation",),
    "learnmeet.model._people.Profession": ("group",),
    "learnmeet.model._formats.FormatRequirements": (
        "max_profession_groups",
        "prerequisite_courses",
        "own_citizen",
        "on_site",
        "required_role",
        "facilitator_course",
    ),
    "learnmeet.model._meetings.Location": ("place", "room"),
    "learnmeet.planning._schedule.MeetingRequest": ("cohort", "forum", "status"),
    "learnmeet.planning._schedule.ScheduleResult": ("report",),
    "learnmeet.model._scenario.Scenario": (
        "working_patterns",
        "absences",
        "programmes",
        "cycles",
    ),
    "learnmeet.model._audit.AuditCheck": ("document", "note"),
    "learnmeet.model._audit.AuditFinding": ("criterion",),
    "learnmeet.model._audit.AuditAssessment": ("checks", "findings", "actions"),
    "learnmeet.model._cases.Consent": (
        "grantor",
        "proxy_reason",
        "purposes",
        "recipients",
        "form",
        "recorded_by",
    ),
    "learnmeet.model._cases.CitizenCase": ("permissions", "died_on"),
    "learnmeet.model._survey.Survey": ("follow_up_after",),
    "learnmeet.model._survey.Invitation": ("send_at",),
    "learnmeet.model._reflection.Question": ("source",),
}


def _full_name(cls: object) -> str:
    return f"{getattr(cls, '__module__', '')}.{getattr(cls, '__qualname__', '')}"


def omitted_when_default(cls: type[Any]) -> tuple[str, ...]:
    """The fields of *cls* written only when they are not their default."""
    return _OMITTED_WHEN_DEFAULT.get(_full_name(cls), ())


def _overrides(cls: type[Any]) -> dict[str, Any]:
    return {name: override(omit_if_default=True) for name in omitted_when_default(cls)}


class _Entities:
    """Each entity class's hooks in full: written with and without its id, read.

    Made on first use, after every reference hook is registered, so the
    fields of an entity that are entities themselves are references.
    """

    def __init__(self, conv: Converter, read: Callable[[type[Any]], Any]) -> None:
        self._conv = conv
        self._read = read
        self._full: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}
        self._body: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}
        self._structure: dict[type[Any], Callable[[object, object], Any]] = {}
        self._defaults: dict[type[Any], dict[str, object]] = {}

    def full(self, cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        """Write a *cls* with its id (a document's data, or in full)."""
        hook = self._full.get(cls)
        if hook is None:
            hook = self._full[cls] = make_dict_unstructure_fn(
                cls, self._conv, **_overrides(cls)
            )
        return hook

    def body(self, cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        """Write a *cls* without its id, which is its key in a collection."""
        hook = self._body.get(cls)
        if hook is None:
            omit: Any = {BY_CLASS[cls].key: override(omit=True), **_overrides(cls)}
            hook = self._body[cls] = make_dict_unstructure_fn(cls, self._conv, **omit)
        return hook

    def structure(self, cls: type[Any]) -> Callable[[object, object], Any]:
        """Read a *cls* written in full, its id included."""
        hook = self._structure.get(cls)
        if hook is None:
            hook = self._structure[cls] = self._read(cls)
        return hook

    def defaults(self, cls: type[Any]) -> dict[str, object]:
        """Each field of *cls* and its default as JSON (``MISSING`` if none)."""
        found = self._defaults.get(cls)
        if found is None:
            found = {}
            for field in attrs.fields(cls):
                default = field.default
                if default is attrs.NOTHING:
                    found[field.name] = MISSING
                    continue
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                found[field.name] = self._conv.unstructure(default, field.type)
            self._defaults[cls] = found
        return found


def _register_classes(conv: DocumentConverter, catalog: Catalog) -> None:
    def full_structure(cls: type[Any]) -> Callable[[object, object], Any]:
        generated = make_dict_structure_fn(cls, conv)
        name = _results.shown_name(cls)

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise _expected(
                    Label(da=f"et objekt ({name})", en=f"an object ({name})"), value
                )
            return generated(value, cls)

        return structure

    conv.entities = entities = _Entities(conv, full_structure)

    def structure_factory(cls: type[Any]) -> Callable[[object, object], Any]:
        entity = BY_CLASS.get(cls)
        if entity is None:
            full = full_structure(cls)
            return memoised(full) if cls in _SHARED else full
        inline = memoised(entities.structure(cls))

        def structure_reference(value: object, t: object) -> Any:
            reader = reading()
            if reader is None:  # the converter used directly: in full
                return inline(value, t)
            return reader.resolve(entity, value)

        return structure_reference

    conv.register_structure_hook_factory(attrs.has, structure_factory)

    def unstructure_factory(cls: type[Any]) -> Callable[[Any], Any]:
        entity = BY_CLASS[cls]

        def unstructure_reference(value: Any) -> Any:
            writer = writing()
            if writer is None:  # the converter used directly: in full
                return entities.full(cls)(value)
            return writer.refer(entity, value)

        return unstructure_reference

    conv.register_unstructure_hook_factory(lambda t: t in BY_CLASS, unstructure_factory)

    def omitting_factory(cls: type[Any]) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(cls, conv, **_overrides(cls))

    conv.register_unstructure_hook_factory(
        lambda t: _full_name(t) in _OMITTED_WHEN_DEFAULT and t not in BY_CLASS,
        omitting_factory,
    )

    lookups: dict[type[Any], Callable[[str], Any]] = {
        Profession: catalog.profession,
        Sector: catalog.sector,
        MeetingFormat: catalog.format,
    }

    def coded_structure_factory(cls: type[Any]) -> Callable[[object, object], Any]:
        full = structure_factory(cls)
        lookup = lookups[cls]

        def structure(value: object, t: object) -> Any:
            if isinstance(value, str):
                return lookup(value)
            return full(value, t)

        return structure

    def coded_unstructure_factory(cls: type[Any]) -> Callable[[Any], Any]:
        full = conv.gen_unstructure_attrs_fromdict(cls)
        lookup = lookups[cls]

        def unstructure(value: Any) -> Any:
            try:
                entry = lookup(value.code)
            except UnknownCodeError:
                return full(value)
            if entry is value or entry == value:
                return value.code
            return full(value)

        return unstructure

    def is_coded(t: Any) -> bool:
        return t in lookups

    conv.register_structure_hook_factory(is_coded, coded_structure_factory)
    conv.register_unstructure_hook_factory(is_coded, coded_unstructure_factory)

    def structure_person(value: object, _: object) -> Any:
        reader = reading()
        if reader is not None:
            # In a document a person is a reference: "professional:p-1".
            prefix, colon, key = (
                value.partition(":") if isinstance(value, str) else ("", "", "")
            )
            entity = PERSON_PREFIXES.get(prefix)
            if not colon or entity is None:
                raise not_a_person_key(value)
            return reader.resolve(entity, key)
        if not isinstance(value, dict):
            raise _expected(
                Label(da="et objekt (en person)", en="an object (a person)"), value
            )
        kinds = ", ".join(repr(k) for k in _PERSON_KINDS)
        kind = value.get("kind")
        cls = _PERSON_KINDS.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise InvalidValueError(
                reason=Label(
                    da="en person skal have en gyldig 'kind'",
                    en="a person needs a valid 'kind'",
                ),
                fix=Label(
                    da=f"sæt 'kind' til en af: {kinds}",
                    en=f"set 'kind' to one of: {kinds}",
                ),
            )
        return structure_as[cls]({k: v for k, v in value.items() if k != "kind"}, cls)

    def unstructure_person(value: Any) -> Any:
        cls = type(value)
        writer = writing()
        if writer is not None:
            return f"{PREFIX_OF[cls]}:{writer.refer(BY_CLASS[cls], value)}"
        return {"kind": KIND_OF[cls], **entities.full(cls)(value)}

    # Each kind's hooks, fetched once rather than looked up for every person.
    structure_as = {cls: conv.get_structure_hook(cls) for cls in KIND_OF}
    conv.register_structure_hook(Person, structure_person)
    conv.register_unstructure_hook(Person, unstructure_person)
