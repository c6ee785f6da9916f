"""JSON in and out: one cattrs converter, a versioned envelope, path-based errors.

Every document has the same envelope::

    {"learnmeet": 1, "type": "Meeting", "data": {...}}

``learnmeet`` is the schema version, ``type`` the name of the value's class. The
domain classes know nothing of JSON: everything here is hooks on one converter
made by :func:`make_converter`, never on cattrs' global converter.

Catalogue entries (professions, sectors, formats) that are the same as the
catalogue's entry for their code are written as that code, so a scenario file
says ``"profession": "nurse"``; any other entry is written in full, so a value
round-trips exactly whether or not its catalogue is at hand.

Reading never returns a half-built value and never leaks a ``KeyError``,
``TypeError`` or cattrs exception: every problem in the document is collected
into one :class:`~learnmeet.InvalidDataError`, each with its JSON path.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Callable, Hashable, Mapping
from datetime import date, datetime, timedelta
from typing import Any, TypeVar, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    InvalidValueError,
    LearnmeetError,
    UnknownCodeError,
)
from learnmeet.io._wire import (
    WireError,
    format_date,
    format_datetime,
    format_duration,
    parse_date,
    parse_datetime,
    parse_duration,
)
from learnmeet.model._cases import CitizenCase, Consent, Transition
from learnmeet.model._cycle import Action, Contribution, LearningPoint, ReflectionCycle
from learnmeet.model._formats import FormatRequirements, MeetingFormat
from learnmeet.model._forums import Forum
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._lookup import closest
from learnmeet.model._meetings import (
    Attendee,
    Cancellation,
    Cohort,
    Location,
    Meeting,
    Reflection,
)
from learnmeet.model._people import (
    Area,
    Citizen,
    Organisation,
    Person,
    Profession,
    Professional,
    Relative,
    Sector,
    Unit,
)
from learnmeet.model._reflection import Question, ReflectionModel, ReflectionPhase
from learnmeet.model._scenario import Scenario
from learnmeet.model._survey import (
    Answer,
    Invitation,
    Quote,
    Response,
    Survey,
    SurveyItem,
    Theme,
)

__all__ = [
    "MODEL_TYPES",
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

SCHEMA_VERSION = 1
"""The version of the JSON format this release writes and reads.

.. versionadded:: 0.1.0
"""

MODEL_TYPES: tuple[type[Any], ...] = (
    Action,
    Answer,
    Area,
    Attendee,
    Cancellation,
    Citizen,
    CitizenCase,
    Cohort,
    Consent,
    Contribution,
    FormatRequirements,
    Forum,
    Invitation,
    Label,
    LearningPoint,
    Location,
    Meeting,
    MeetingFormat,
    Organisation,
    Profession,
    Professional,
    Question,
    Quote,
    Reflection,
    ReflectionCycle,
    ReflectionModel,
    ReflectionPhase,
    Relative,
    Response,
    Scenario,
    Sector,
    Survey,
    SurveyItem,
    Theme,
    Transition,
    Unit,
)
"""Every class :func:`to_json` and :func:`from_json` handle."""

_BY_NAME = {cls.__name__: cls for cls in MODEL_TYPES}
_PERSON_KINDS: dict[str, type[Any]] = {
    "professional": Professional,
    "citizen": Citizen,
    "relative": Relative,
}
_KIND_OF = {cls: kind for kind, cls in _PERSON_KINDS.items()}
_CODED = (Profession, Sector, MeetingFormat)
_SHARED = frozenset(
    {Area, Organisation, Unit, Professional, Citizen, Relative, CitizenCase, Location}
)
"""Values that recur across a document; each distinct one is structured once."""

T = TypeVar("T")


class _HookError(ValueError):
    """A problem found by one of our hooks, in both languages."""

    def __init__(self, en: str, da: str) -> None:
        super().__init__(en)
        self.en = en
        self.da = da


_JSON_TYPES = (
    (type(None), "null", "null"),
    (bool, "a boolean", "en sandhedsværdi"),
    ((int, float), "a number", "et tal"),
    (str, "a string", "en tekst"),
    (list, "an array", "en liste"),
    (dict, "an object", "et objekt"),
)


def _json_type(value: object, lang: str = "en") -> str:
    """Name the JSON type of *value* in English or Danish (bool before int)."""
    for types, en, da in _JSON_TYPES:
        if isinstance(value, types):
            return da if lang == "da" else en
    return type(value).__name__


def _expected(what_en: str, what_da: str, value: object) -> _HookError:
    return _HookError(
        f"expected {what_en}, got {_json_type(value)}",
        f"forventede {what_da}, fik {_json_type(value, 'da')}",
    )


# -- primitives: strict, no silent str(5) or int("5") -------------------------


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise _expected("a string", "en tekst", value)
    return value


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _expected("a whole number", "et helt tal", value)
    return value


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _expected("a number", "et tal", value)
    return float(value)


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", "true eller false", value)
    return value


def _wire(parse: Callable[[object], T]) -> Callable[[object, object], T]:
    def structure(value: object, _: object) -> T:
        try:
            return parse(value)
        except WireError as exc:
            raise _HookError(exc.en, exc.da) from None

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
    hint_en = f"; did you mean {near[0]!r}?" if near else ""
    hint_da = f"; mente du {near[0]!r}?" if near else ""
    allowed = ", ".join(codes)
    raise _HookError(
        f"{value!r} is not a valid {cls.__name__}; use one of: {allowed}{hint_en}",
        f"{value!r} er ikke en gyldig {cls.__name__}; brug en af: {allowed}{hint_da}",
    )


def _enum_value(member: enum.Enum) -> Any:
    return member._value_  # what .value reads, without the descriptor


# -- structuring a repeated value once -------------------------------------------

_LIST = object()  # tags a frozen array, so it never equals a frozen object
_MEMO_MAX = 50_000


def _frozen(value: object) -> Hashable:
    """A hashable stand-in for a JSON value: equal only for equal JSON.

    Numbers and booleans carry their type, so ``1``, ``1.0`` and ``true`` stay
    apart. Anything unhashable raises TypeError, and is then not remembered.
    """
    cls = value.__class__
    if cls is str or value is None:
        return value
    if cls is dict:
        # Strings, the usual member, are their own stand-ins: no call for them.
        return tuple(
            [
                (k, v if v.__class__ is str or v is None else _frozen(v))
                for k, v in value.items()  # type: ignore[attr-defined]
            ]
        )
    if cls is list:
        return (
            _LIST,
            tuple(
                [
                    v if v.__class__ is str or v is None else _frozen(v)
                    for v in value  # type: ignore[attr-defined]
                ]
            ),
        )
    if cls is float:
        return (float, value.hex())  # type: ignore[attr-defined]  # -0.0 is not 0.0
    return (cls, value)


def _memoised(
    structure: Callable[[object, object], Any],
) -> Callable[[object, object], Any]:
    """Structure each distinct JSON value once and share the (immutable) result.

    A document of 20,000 meetings names the same few thousand people, units
    and cases again and again; each is built and validated the first time, and
    an equal JSON value after that gets the same frozen object back. A value
    that fails is never remembered, so it fails again with its full path.
    """
    done: dict[Hashable, Any] = {}

    def memo(value: object, t: object) -> Any:
        try:
            key = _frozen(value)
            found = done.get(key)
        except TypeError:  # not JSON (e.g. a set given to from_dict)
            return structure(value, t)
        if found is None:
            found = structure(value, t)
            if len(done) >= _MEMO_MAX:
                done.clear()
            done[key] = found
        return found

    return memo


# -- the converter -------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def make_converter(catalog: Catalog = DEFAULT_CATALOG) -> Converter:
    """Return the converter learnmeet reads and writes JSON with.

    The converter is made once per catalogue and cached; it is the one cattrs
    converter of the library. Use it directly only to embed learnmeet values in
    your own cattrs-based format; :func:`to_dict` and :func:`from_dict` are the
    usual way in and out.

    Args:
        catalog: The catalogue whose codes stand for its professions, sectors
            and formats.

    .. versionadded:: 0.1.0
    """
    conv = Converter(forbid_extra_keys=True, detailed_validation=True)

    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    for cls, parse, fmt in (
        (datetime, parse_datetime, format_datetime),
        (date, parse_date, format_date),
        (timedelta, parse_duration, format_duration),
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
    return conv


def _is_collection(t: Any) -> bool:
    return get_origin(t) in (tuple, frozenset)


def _register_collections(conv: Converter) -> None:
    """Collections are JSON arrays only (a string is not a list of letters).

    Sets are written sorted, so the same value always gives the same bytes.
    """

    def structure_factory(t: Any) -> Callable[[object, object], Any]:
        (item, *_) = get_args(t)
        items = conv.get_structure_hook(item)
        ctor = get_origin(t)

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, list):
                raise _expected("an array", "en liste", value)
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


def _register_classes(conv: Converter, catalog: Catalog) -> None:
    def structure_factory(cls: type[Any]) -> Callable[[object, object], Any]:
        generated = make_dict_structure_fn(cls, conv)
        name = cls.__name__

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise _expected(f"an object ({name})", f"et objekt ({name})", value)
            return generated(value, cls)

        return _memoised(structure) if cls in _SHARED else structure

    conv.register_structure_hook_factory(attrs.has, structure_factory)

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
        if not isinstance(value, dict):
            raise _expected("an object (a person)", "et objekt (en person)", value)
        kinds = ", ".join(_PERSON_KINDS)
        kind = value.get("kind")
        cls = _PERSON_KINDS.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise _HookError(
                f"a person needs a 'kind' of {kinds}, got {kind!r}",
                f"en person skal have en 'kind' blandt {kinds}, fik {kind!r}",
            )
        return structure_as[cls]({k: v for k, v in value.items() if k != "kind"}, cls)

    def unstructure_person(value: Any) -> dict[str, Any]:
        cls = type(value)
        return {"kind": _KIND_OF[cls], **unstructure_as[cls](value)}

    # Each kind's hooks, fetched once rather than looked up for every person.
    structure_as = {cls: conv.get_structure_hook(cls) for cls in _KIND_OF}
    unstructure_as = {cls: conv.get_unstructure_hook(cls) for cls in _KIND_OF}
    conv.register_structure_hook(Person, structure_person)
    conv.register_unstructure_hook(Person, unstructure_person)


# -- errors with paths ---------------------------------------------------------


def _problems(exc: BaseException, path: str) -> list[DataProblem]:
    """Flatten a (nested) structuring failure into problems with JSON paths."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        found: list[DataProblem] = []
        for sub in exc.exceptions:
            found.extend(_problems(sub, path + _step(sub)))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl)]
        out = []
        for key in sorted(exc.extra_fields):
            near = closest(key, allowed)
            hint_en = f"; did you mean {near[0]!r}?" if near else "; remove it"
            hint_da = f"; mente du {near[0]!r}?" if near else "; fjern det"
            out.append(
                DataProblem(
                    f"{path}.{key}",
                    f"unknown field {key!r} for {exc.cl.__name__}{hint_en}",
                    f"ukendt felt {key!r} i {exc.cl.__name__}{hint_da}",
                )
            )
        return out
    if isinstance(exc, KeyError) and _step(exc):
        return [
            DataProblem(
                path,
                "required field is missing; add it",
                "påkrævet felt mangler; tilføj det",
            )
        ]
    if isinstance(exc, _HookError):
        return [DataProblem(path, exc.en, exc.da)]
    if isinstance(exc, InvalidValueError):
        where, en = _split(exc.en)
        _, da = _split(exc.da)
        if exc.fix:
            en = f"{en} (fix: {exc.fix})"
        return [DataProblem(path + where, en, da)]
    if isinstance(exc, LearnmeetError):
        return [DataProblem(path, exc.en, exc.da)]
    return [
        DataProblem(
            path,
            f"invalid value ({type(exc).__name__}: {exc})",
            f"ugyldig værdi ({type(exc).__name__}: {exc})",
        )
    ]


def _step(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return f".{note.name}"
        if isinstance(note, IterableValidationNote):
            return f"[{note.index}]"
    return ""


def _split(message: str) -> tuple[str, str]:
    """Split ``"Meeting.attendees[1].person: text"`` into the path and the text."""
    head, sep, text = message.partition(": ")
    if sep and "." in head and " " not in head:
        return head[head.index(".") :], text
    return "", message


# -- the public functions ------------------------------------------------------


def to_dict(value: Any, *, catalog: Catalog = DEFAULT_CATALOG) -> dict[str, Any]:
    """Turn a model value into a JSON-ready dict inside the versioned envelope.

    >>> import learnmeet
    >>> learnmeet.to_dict(learnmeet.Citizen("B-017"))
    {'learnmeet': 1, 'type': 'Citizen', 'data': {'pseudonym': 'B-017'}}

    Raises:
        InvalidValueError: *value* is not a learnmeet model value.

    .. versionadded:: 0.1.0
    """
    cls = type(value)
    if cls not in _KIND_OF and _BY_NAME.get(cls.__name__) is not cls:
        raise InvalidValueError(
            f"cannot write a {cls.__name__} as learnmeet JSON; use a model value "
            "such as a Meeting or a Scenario",
            f"kan ikke skrive {cls.__name__} som learnmeet-JSON; brug en "
            "modelværdi som Meeting eller Scenario",
            field="value",
        )
    conv = make_converter(catalog)
    # A catalogue entry on its own is a definition: written in full, never as
    # the bare code it stands for inside other values.
    data = (
        conv.unstructure_attrs_asdict(value)
        if cls in _CODED
        else conv.unstructure(value, cls)
    )
    return {"learnmeet": SCHEMA_VERSION, "type": cls.__name__, "data": data}


def from_dict(
    cls: type[T], document: Mapping[str, Any], *, catalog: Catalog = DEFAULT_CATALOG
) -> T:
    """Read a value of type *cls* from a dict made by :func:`to_dict`.

    Raises:
        InvalidDataError: The document is not a valid *cls*; ``errors`` lists
            every problem with its JSON path, e.g. ``$.attendees[2].role: ...``.

    .. versionadded:: 0.1.0
    """
    if _BY_NAME.get(getattr(cls, "__name__", "")) is not cls:
        raise InvalidValueError(
            f"cannot read {cls!r} from learnmeet JSON; use a model class such as "
            "learnmeet.Meeting",
            f"kan ikke læse {cls!r} fra learnmeet-JSON; brug en modelklasse som "
            "learnmeet.Meeting",
            field="cls",
        )
    data = _unwrap(cls, document)
    try:
        return make_converter(catalog).structure(data, cls)
    except Exception as exc:  # every failure becomes a path
        raise InvalidDataError(_problems(exc, "$")) from None


def _unwrap(cls: type[Any], document: object) -> object:
    if not isinstance(document, Mapping):
        raise InvalidDataError(
            [
                DataProblem(
                    "$",
                    *_envelope_help(
                        f"got {_json_type(document)}",
                        f"fik {_json_type(document, 'da')}",
                    ),
                )
            ]
        )
    problems = []
    version = document.get("learnmeet")
    if version != SCHEMA_VERSION:
        problems.append(
            DataProblem(
                "$.learnmeet",
                f"unsupported schema version {version!r}; this release reads "
                f"version {SCHEMA_VERSION}",
                f"skemaversion {version!r} understøttes ikke; denne udgave læser "
                f"version {SCHEMA_VERSION}",
            )
        )
    kind = document.get("type")
    if kind != cls.__name__:
        problems.append(
            DataProblem(
                "$.type",
                f"the document holds {kind!r}, but {cls.__name__!r} was asked for",
                f"dokumentet indeholder {kind!r}, men {cls.__name__!r} blev bedt om",
            )
        )
    if "data" not in document:
        problems.append(
            DataProblem(
                "$.data", *_envelope_help("'data' is missing", "'data' mangler")
            )
        )
    extra = sorted(set(document) - {"learnmeet", "type", "data"})
    problems.extend(
        DataProblem(
            f"$.{key}",
            "unknown envelope field; remove it",
            "ukendt felt i konvolutten; fjern det",
        )
        for key in extra
    )
    if problems:
        raise InvalidDataError(problems)
    return document["data"]


def _envelope_help(what_en: str, what_da: str) -> tuple[str, str]:
    shape = '{"learnmeet": 1, "type": "Meeting", "data": {...}}'
    return (
        f"expected a learnmeet document {shape}; {what_en}",
        f"forventede et learnmeet-dokument {shape}; {what_da}",
    )


def to_json(
    value: Any, *, catalog: Catalog = DEFAULT_CATALOG, indent: int | None = None
) -> str:
    """Write a model value as a JSON document (UTF-8 text, keys in a fixed order).

    The same value always gives the same text.

    Raises:
        InvalidValueError: *value* is not a learnmeet model value.

    .. versionadded:: 0.1.0
    """
    return json.dumps(
        to_dict(value, catalog=catalog), ensure_ascii=False, indent=indent
    )


def from_json(
    cls: type[T], text: str | bytes, *, catalog: Catalog = DEFAULT_CATALOG
) -> T:
    """Read a value of type *cls* from a JSON document made by :func:`to_json`.

    >>> import learnmeet
    >>> text = learnmeet.to_json(learnmeet.Citizen("B-017"))
    >>> learnmeet.from_json(learnmeet.Citizen, text)
    Citizen(pseudonym='B-017')

    Raises:
        InvalidDataError: The text is not JSON, or not a valid *cls*; ``errors``
            lists every problem with its JSON path.

    .. versionadded:: 0.1.0
    """
    try:
        document = json.loads(text)
    except (ValueError, TypeError) as exc:
        line = getattr(exc, "lineno", "?")
        column = getattr(exc, "colno", "?")
        raise InvalidDataError(
            [
                DataProblem(
                    "$",
                    f"not valid JSON at line {line}, column {column}: "
                    f"{getattr(exc, 'msg', exc)}",
                    f"ikke gyldig JSON i linje {line}, kolonne {column}: "
                    f"{getattr(exc, 'msg', exc)}",
                )
            ]
        ) from None
    return from_dict(cls, document, catalog=catalog)
