"""JSON in and out: one cattrs converter, a versioned envelope, path-based errors.

Every document has the same envelope::

    {"learnmeet": 4, "type": "Meeting", "data": {...}, "included": {...}}

``learnmeet`` is the schema version, ``type`` the name of the value's class,
``data`` the value. Each entity (organisation, area, unit, professional,
citizen, relative, case, forum, meeting) is written once and referred to by
its id (see :mod:`learnmeet.io._references`): a scenario's ``data`` holds its
collections keyed by id, and ``included`` holds every entity the data refers
to but does not hold itself. A version-1 document, which copies every entity
where it is referred to, is upgraded as plain JSON first
(:mod:`learnmeet.io._upgrade`). The domain classes know nothing of JSON:
everything here is hooks on one converter made by :func:`make_converter`,
never on cattrs' global converter.

Catalogue entries (professions, sectors, formats) that are the same as the
catalogue's entry for their code are written as that code, so a scenario file
says ``"profession": "nurse"``; any other entry is written in full, so a value
round-trips exactly whether or not its catalogue is at hand.

Reading never returns a half-built value and never leaks a ``KeyError``,
``TypeError`` or cattrs exception: every problem in the document is collected
into one :class:`~learnmeet.InvalidDataError`, each with its JSON path.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import pkgutil
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

import learnmeet.io._results as _results
import learnmeet.model
from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    LearnmeetError,
    PathKey,
    UnknownCodeError,
    WrongTypeError,
    name_shown,
    shown,
    type_shown,
)
from learnmeet.io._converter import (
    CODED,
    KIND_OF,
    DocumentConverter,
    converter_for,
    omitted_when_default,
)
from learnmeet.io._envelope import (
    SCHEMA_VERSION,
    from_data,
    nested_too_deep,
    not_json,
    pre_read,
    refuse_constant,
    repeated_keys,
    unwrap,
)
from learnmeet.io._references import (
    BY_CLASS,
    BY_COLLECTION,
    ENTITIES,
    Entity,
    Reading,
    Reported,
    Writing,
    json_type,
    run_reading,
    run_writing,
)
from learnmeet.io._upgrade import Upgrade, listed_fields, to_version_3, to_version_4
from learnmeet.model._arguments import checked, expect_count
from learnmeet.model._labels import Label
from learnmeet.model._lookup import closest, code_order
from learnmeet.model._scenario import Scenario

__all__ = [
    "MODEL_TYPES",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
]


_CONTAINERS = frozenset({Scenario})
"""Values whose tuples of entities are the document's collections, keyed by id.

Every other value refers to the entities it holds, which the envelope's
``included`` holds.
"""


def _model_types() -> tuple[type[Any], ...]:
    """Every public value class of the model layer, and the Label its texts are in.

    Read from the model's modules and the public names, so a new model class
    is written and read without being listed here; a class the model keeps to
    itself (a parsed recurrence rule) is not a document.
    """
    found: set[type[Any]] = {Label}
    public = set(learnmeet.__all__)
    for info in pkgutil.iter_modules(learnmeet.model.__path__):
        module = importlib.import_module(f"learnmeet.model.{info.name}")
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, type) and attrs.has(value) and name in public:
                attrs.resolve_types(value)  # string annotations, read once
                found.add(value)
    return tuple(sorted(found, key=lambda cls: cls.__name__))


MODEL_TYPES: tuple[type[Any], ...] = _model_types()
"""Every model class :func:`to_json` and :func:`from_json` handle; they handle
the planning results too (see :mod:`learnmeet.io._results`)."""

T = TypeVar("T")
_BY_NAME = {cls.__name__: cls for cls in MODEL_TYPES}


def _type_names() -> frozenset[str]:
    """Every type name a document may hold (this imports every layer)."""
    return frozenset({*_BY_NAME, *_results.result_names()})


# -- primitives: strict, no silent str(5) or int("5") -------------------------


# -- the converter -------------------------------------------------------------


# -- errors with paths ---------------------------------------------------------

_Path = tuple[PathKey, ...]


def _problems(exc: BaseException, path: _Path) -> list[DataProblem]:
    """Flatten a (nested) structuring failure into problems with JSON paths.

    cattrs notes each failure with the attribute or index it happened at; a
    model value's own refusal carries the path inside that value. Both are
    data, joined here: no path is ever read back out of a message.
    """
    if isinstance(exc, Reported):  # listed where the entity is written
        return []
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        found: list[DataProblem] = []
        for sub in exc.exceptions:
            found.extend(_problems(sub, path + _step(sub)))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl)]
        out = []
        # A dict from Python may have keys that are not strings, of any type.
        keys: list[object] = sorted(exc.extra_fields, key=code_order)
        for key in keys:
            near = closest(key, allowed) if isinstance(key, str) else []
            step: PathKey = key if isinstance(key, (str, int)) else shown(key).en
            out.append(
                DataProblem(
                    path=(*path, step),
                    reason=Label(
                        da=f"ukendt felt i {_results.shown_name(exc.cl)}",
                        en=f"unknown field for {_results.shown_name(exc.cl)}",
                    ),
                    fix=Label(
                        da=f"mente du {near[0]!r}?", en=f"did you mean {near[0]!r}?"
                    )
                    if near
                    else Label(
                        da=f"fjern det; felterne er {', '.join(allowed)}",
                        en=f"remove it; the fields are {', '.join(allowed)}",
                    ),
                )
            )
        return out
    if isinstance(exc, KeyError) and _step(exc):
        return [
            DataProblem(
                path=path,
                reason=Label(
                    da="påkrævet felt mangler", en="required field is missing"
                ),
                fix=Label(da="tilføj det", en="add it"),
            )
        ]
    if isinstance(exc, UnknownCodeError):
        # A code looked up in the catalogue: its path names the lookup's
        # argument, and in a document the code is where the path already is.
        return [DataProblem(path=path, reason=exc.reason, fix=exc.fix)]
    if isinstance(exc, LearnmeetError):
        # A model value's refusal starts at its class ("Meeting.start"); in a
        # document the class is where the path already is.
        # What to write in the document, where the fix says it in Python.
        fix = exc.file_fix or exc.fix
        return [DataProblem(path=path + exc.path, reason=exc.reason, fix=fix)]
    return [
        DataProblem(
            path=path,
            reason=Label(
                da="værdien kan ikke læses her", en="the value cannot be read here"
            ),
            fix=Label(
                da="skriv værdien, som dokumentationen af formatet viser",
                en="write the value as the documentation of the format shows",
            ),
        )
    ]


def _step(exc: BaseException) -> _Path:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return (note.name,)
        if isinstance(note, IterableValidationNote):
            return (note.index,)
    return ()


# -- the public functions ------------------------------------------------------


@checked
def to_dict(value: Any, *, catalog: Catalog = DEFAULT_CATALOG) -> dict[str, Any]:
    """Turn a model value into a JSON-ready dict inside the versioned envelope.

    >>> import learnmeet
    >>> learnmeet.to_dict(learnmeet.Citizen("B-017"))
    {'learnmeet': 4, 'type': 'Citizen', 'data': {'pseudonym': 'B-017'}}

    Each entity in the value is written once and referred to by its id; the
    entities the data refers to but does not hold are in ``included``.

    Raises:
        InvalidValueError: *value* is not a learnmeet model value, or it
            holds two different entities of one kind with the same id, which
            a document cannot tell apart.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Schema version 2: entities by reference.
    """
    cls = _writable(value, "to_dict")
    conv = converter_for(catalog)
    document: dict[str, Any] = {"learnmeet": SCHEMA_VERSION, "type": cls.__name__}
    if cls in CODED:
        # A catalogue entry on its own is a definition: written in full, never
        # as the bare code it stands for inside other values.
        document["data"] = conv.unstructure_attrs_asdict(value)
        return document
    writer = Writing({e.cls: conv.entities.body(e.cls) for e in ENTITIES})
    document["data"] = run_writing(writer, lambda: _write(conv, writer, value, cls))
    refused = writer.conflict("to_dict")
    if refused is not None:
        raise refused
    included = writer.included()
    if included:
        document["included"] = included
    return document


def _write(conv: DocumentConverter, writer: Writing, value: Any, cls: type[Any]) -> Any:
    """The data of *value*'s document, noting the entities it refers to."""
    if cls in _CONTAINERS:
        listed = listed_fields(cls)
        for name, kind in listed.items():
            for item in getattr(value, name):
                writer.define(kind, item)
        data: dict[str, Any] = {}
        optional = omitted_when_default(cls)
        for field in attrs.fields(cls):
            held = getattr(value, field.name)
            if field.name in optional and held == field.default:
                continue
            listed_as = listed.get(field.name)
            if listed_as is None:
                data[field.name] = conv.unstructure(held, field.type)
            else:
                body = conv.entities.body(listed_as.cls)
                data[field.name] = {getattr(v, listed_as.key): body(v) for v in held}
        return data
    entity = BY_CLASS.get(cls)
    if entity is not None:
        writer.define(entity, value)
        return conv.entities.full(cls)(value)
    return conv.unstructure(value, cls)


def _version_1(value: Any, catalog: Catalog = DEFAULT_CATALOG) -> dict[str, Any]:
    """*value* as a version-1 document, every entity copied where it occurs.

    This release writes version 4 only; the tests, the fuzzer and the docs
    use this to make the version-1 documents older releases wrote.
    """
    cls = _writable(value, "_version_1")
    conv = converter_for(catalog)
    data = (
        conv.unstructure_attrs_asdict(value)
        if cls in CODED
        else conv.entities.full(cls)(value)
        if cls in BY_CLASS
        else conv.unstructure(value, cls)
    )
    return {"learnmeet": 1, "type": cls.__name__, "data": data}


def _writable(value: object, where: str) -> type[Any]:
    """The model class of *value*, which :func:`to_dict` can write.

    Raises:
        WrongTypeError: *value* is not a learnmeet model value.
    """
    cls = type(value)
    if (
        cls not in KIND_OF
        and _BY_NAME.get(cls.__name__) is not cls
        and not _results.is_result_type(cls)
    ):
        name = type_shown(value)
        raise WrongTypeError(
            reason=Label(
                da=f"kan ikke skrive {name} som learnmeet-JSON",
                en=f"cannot write a {name} as learnmeet JSON",
            ),
            fix=Label(
                da="giv en modelværdi som Meeting eller Scenario",
                en="pass a model value such as a Meeting or a Scenario",
            ),
            where=where,
            path=("value",),
        )
    return cls


def _readable(cls: type[Any], where: str) -> None:
    """Refuse a class :func:`from_dict` cannot read.

    Raises:
        WrongTypeError: *cls* is not a learnmeet model class.
    """
    known = _BY_NAME.get(getattr(cls, "__name__", "")) is cls
    if not known and not _results.is_result_type(cls):
        name = name_shown(cls.__name__)
        raise WrongTypeError(
            reason=Label(
                da=f"kan ikke læse {name} fra learnmeet-JSON",
                en=f"cannot read {name} from learnmeet JSON",
            ),
            fix=Label(
                da="giv en modelklasse som learnmeet.Meeting",
                en="pass a model class such as learnmeet.Meeting",
            ),
            where=where,
            path=("cls",),
        )


@checked
def from_dict(
    cls: type[T], document: object, *, catalog: Catalog = DEFAULT_CATALOG
) -> T:
    """Read a value of type *cls* from a dict made by :func:`to_dict`.

    Version 4 is read as it is, and version 3 as version 4 (it only lacks
    version 4's optional fields); version 1 is upgraded to version 2, and
    version 2 to version 3, as plain JSON first, and their problems are
    reported at their own paths. Every
    reference is checked: an unknown id, a reference to the wrong kind and
    an id given twice are each a problem at the path where they are written.

    Args:
        cls: The model class to read, e.g. ``learnmeet.Meeting``.
        document: A parsed JSON value, normally the dict :func:`to_dict`
            made; anything else is refused as data, with the path ``$``.
        catalog: The catalogue the codes in the document are looked up in.

    Raises:
        WrongTypeError: *cls* is not a learnmeet model class.
        InvalidDataError: The document is not a valid *cls*; ``errors`` lists
            every problem with its JSON path, e.g. ``$.attendees[2].role: ...``.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Any JSON value is read or refused as data;
       version 1 and 2 are read, and every reference is checked.
    .. versionchanged:: 0.3.0 Version 3 is read, and version 2 upgraded to it.
    .. versionchanged:: 0.3.0 Version 4 is read, and version 3 as it.
    """
    _readable(cls, "from_dict")
    return _read(cls, document, catalog)


def _read(
    cls: type[T],
    document: object,
    catalog: Catalog,
    found: Sequence[DataProblem] = (),
) -> T:
    """Read *document* as a *cls*; *found* are problems the parser already saw."""
    problem = pre_read(document)
    if problem is not None:
        raise InvalidDataError([*found, from_data(problem, document)])
    try:
        version, data, included = unwrap(cls, document, _type_names)
        conv = converter_for(catalog)
        if version == 1:
            value: T = _read_upgraded(conv, cls, data, catalog)
        elif version == 2:
            value = _read_version_2(conv, cls, data, included, catalog)
        elif version == 3:
            value = _read_data(conv, cls, *to_version_4(data, included))
        else:
            value = _read_data(conv, cls, data, included)
    except InvalidDataError as error:
        if found:
            raise InvalidDataError([*found, *error.problems]) from None
        raise
    if found:
        raise InvalidDataError(found)
    return value


def _knows(catalog: Catalog) -> Callable[[str], bool]:
    """Whether *catalog* has a profession of a code."""
    codes = {p.code for p in catalog.professions}
    return codes.__contains__


def _read_version_2(
    conv: DocumentConverter,
    cls: type[T],
    data: object,
    included: object,
    catalog: Catalog,
) -> T:
    """Read version-2 *data*: upgrade it to version 3, read it, report it all.

    What the upgrade refuses does not stop the rest being read; a problem
    the reader finds inside what the upgrade refused is not said twice.
    """
    data, included, refused = to_version_3(
        cls, data, included, container=cls in _CONTAINERS, known=_knows(catalog)
    )
    try:
        value: T = _read_data(conv, cls, data, included)
    except InvalidDataError as error:
        if not refused:
            raise
        paths = [p.path for p in refused]
        raise InvalidDataError(
            _unique(
                [
                    *refused,
                    *(
                        p
                        for p in error.problems
                        if not any(p.path[: len(r)] == r for r in paths)
                    ),
                ]
            )
        ) from None
    if refused:
        raise InvalidDataError(refused)
    return value


def _read_upgraded(
    conv: DocumentConverter, cls: type[T], data: object, catalog: Catalog
) -> T:
    """Read version-1 *data*: upgrade it, read it, report at version-1 paths.

    The upgrade keeps the first copy of each entity, so what it refuses (a
    contradicting copy) does not stop the rest being read: every problem is
    reported at once, except those inside a copy already refused. Version 2
    is then upgraded to version 3 as :func:`_read_version_2` does.
    """
    upgrade = Upgrade(conv.entities.defaults)
    version_2, included_2 = upgrade.document(cls, data, container=cls in _CONTAINERS)
    data, included, to_3 = to_version_3(
        cls, version_2, included_2, container=cls in _CONTAINERS, known=_knows(catalog)
    )
    upgrade.problems.extend(
        attrs.evolve(p, path=upgrade.translate(p.path)) for p in to_3
    )
    try:
        value: T = _read_data(conv, cls, data, included, trim=False)
    except InvalidDataError as error:
        refused = [p.path for p in upgrade.problems]
        later = [
            attrs.evolve(p, path=upgrade.translate(p.path)) for p in error.problems
        ]
        raise InvalidDataError(
            _unique(
                [
                    *upgrade.problems,
                    *(
                        p
                        for p in later
                        if not any(p.path[: len(r)] == r for r in refused)
                    ),
                ]
            )
        ) from None
    if upgrade.problems:
        raise InvalidDataError(upgrade.problems)
    return value


def _read_data(
    conv: DocumentConverter,
    cls: type[T],
    data: object,
    included: object,
    *,
    trim: bool = True,
) -> T:
    """Build a *cls* from version-2 *data* and the *included* entities.

    With *trim*, a refused id is reported at its entry (the id is the key);
    without, at its field, as a version-1 copy writes it.
    """

    def build(entity: Entity, body: dict[str, Any]) -> Any:
        return conv.entities.structure(entity.cls)(body, entity.cls)

    reader = Reading(build, _problems)
    reader.trim = trim
    problems: list[DataProblem] = []
    root = BY_CLASS.get(cls)
    if cls in _CONTAINERS and isinstance(data, dict):
        data = dict(data)
        for name, entity in listed_fields(cls).items():
            held = data.get(name)
            if isinstance(held, dict):
                for key, body in held.items():
                    reader.add(entity, key, body, (name, key))
                data[name] = list(held)  # each key refers to its entry
            elif name in data:
                problems.append(_not_a_collection(entity, (name,), held))
                data[name] = []
    elif root is not None and isinstance(data, dict):
        key = data.get(root.key)
        if isinstance(key, str):
            body = {k: v for k, v in data.items() if k != root.key}
            reader.add(root, key, body, ())
    _index_included(reader, included, problems)

    def work() -> Any:
        value = None
        try:
            if root is not None and isinstance(data, dict):
                key = data.get(root.key)
                value = (
                    reader.resolve(root, key)
                    if isinstance(key, str) and key in reader.index[root]
                    else conv.entities.structure(cls)(data, cls)
                )
            else:
                value = conv.structure(data, cls)
        except Exception as exc:  # every failure becomes a path
            problems.extend(_problems(exc, ()))
        # Entities nothing refers to are built too, so their problems show.
        for entity in ENTITIES:
            for key in list(reader.index[entity]):
                with contextlib.suppress(Reported):
                    reader.resolve(entity, key)
        return value

    value = run_reading(reader, work)
    # The data's problems first, then those of what it includes.
    found = sorted(
        [*problems, *reader.problems], key=lambda p: p.path[:1] == ("included",)
    )
    if found:
        raise InvalidDataError(_unique(found))
    if value is None:  # pragma: no cover - every failure above is a problem
        raise InvalidDataError([_unreadable(())])
    return value  # type: ignore[no-any-return]


def _unique(problems: list[DataProblem]) -> list[DataProblem]:
    """*problems* without repeats, in the order they were found."""
    return list(dict.fromkeys(problems))


def _index_included(
    reader: Reading, included: object, problems: list[DataProblem]
) -> None:
    """Add the entities of the envelope's ``included`` to *reader*'s index."""
    if included is None:
        return
    if not isinstance(included, dict):
        got = json_type(included)
        problems.append(
            DataProblem(
                path=("included",),
                reason=Label(
                    da=f"forventede et objekt med samlinger, fik {got.da}",
                    en=f"expected an object of collections, got {got.en}",
                ),
                fix=Label(
                    da='skriv fx "included": {"units": {"hj-nord": {...}}}',
                    en='write e.g. "included": {"units": {"hj-nord": {...}}}',
                ),
            )
        )
        return
    for name, held in included.items():
        entity = BY_COLLECTION.get(name)
        if entity is None:
            near = closest(name, list(BY_COLLECTION))
            names = ", ".join(BY_COLLECTION)
            problems.append(
                DataProblem(
                    path=("included", name),
                    reason=Label(da="ukendt samling", en="unknown collection"),
                    fix=Label(
                        da=f"mente du {near[0]!r}?", en=f"did you mean {near[0]!r}?"
                    )
                    if near
                    else Label(
                        da=f"samlingerne er {names}", en=f"the collections are {names}"
                    ),
                )
            )
        elif not isinstance(held, dict):
            problems.append(_not_a_collection(entity, ("included", name), held))
        else:
            for key, body in held.items():
                reader.add(entity, key, body, ("included", name, key))


def _not_a_collection(entity: Entity, path: _Path, value: object) -> DataProblem:
    got = json_type(value)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"forventede et objekt med {entity.collection} efter id, fik {got.da}",
            en=f"expected an object of {entity.collection} by id, got {got.en}",
        ),
        fix=Label(
            da=f'skriv {entity.collection} som {{"id": {{...}}, ...}}, fx '
            f'{{"hj-nord": {{...}}}}',
            en=f'write {entity.collection} as {{"id": {{...}}, ...}}, e.g. '
            f'{{"hj-nord": {{...}}}}',
        ),
    )


def _unreadable(path: _Path) -> DataProblem:
    return DataProblem(
        path=path,
        reason=Label(
            da="værdien kan ikke læses her", en="the value cannot be read here"
        ),
        fix=Label(
            da="skriv værdien, som dokumentationen af formatet viser",
            en="write the value as the documentation of the format shows",
        ),
    )


@checked
def to_json(
    value: Any, *, catalog: Catalog = DEFAULT_CATALOG, indent: int | None = None
) -> str:
    """Write a model value as a JSON document (UTF-8 text, keys in a fixed order).

    The same value always gives the same text.

    Raises:
        InvalidValueError: *value* is not a learnmeet model value, or *indent*
            not ``None`` or a whole number from 0 to 8.

    .. versionadded:: 0.1.0
    """
    _writable(value, "to_json")
    if indent is not None:
        expect_count(indent, where="to_json", name="indent", most=8)
    return json.dumps(
        to_dict(value, catalog=catalog), ensure_ascii=False, indent=indent
    )


@checked
def from_json(
    cls: type[T], text: str | bytes | bytearray, *, catalog: Catalog = DEFAULT_CATALOG
) -> T:
    """Read a value of type *cls* from a JSON document made by :func:`to_json`.

    >>> import learnmeet
    >>> text = learnmeet.to_json(learnmeet.Citizen("B-017"))
    >>> learnmeet.from_json(learnmeet.Citizen, text)
    Citizen(pseudonym='B-017')

    A key written twice in one object (which Python's JSON reader would
    quietly settle for the last) is a problem at its path: in a collection
    it is an id given to two entities.

    Raises:
        InvalidDataError: The text is not JSON, or not a valid *cls*; ``errors``
            lists every problem with its JSON path.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Reads version 1 and 2; a repeated key is refused.
    """
    _readable(cls, "from_json")
    twice: list[tuple[dict[str, Any], list[str]]] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(items)
        if len(found) != len(items):
            seen: set[str] = set()
            again = [k for k, _ in items if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            twice.append((found, list(dict.fromkeys(again))))
        return found

    try:
        document = json.loads(
            text, parse_constant=refuse_constant, object_pairs_hook=pairs
        )
    except RecursionError:
        raise InvalidDataError([nested_too_deep(())]) from None
    except (ValueError, TypeError) as exc:
        raise InvalidDataError([not_json(exc)]) from None
    found = repeated_keys(document, twice) if twice else []
    return _read(cls, document, catalog, found)
