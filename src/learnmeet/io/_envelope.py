"""The envelope of a JSON document, and what is refused before it is read.

A document is ``{"learnmeet": <version>, "type": <class name>, "data": ...}``,
with ``included`` from version 2 on (see docs/json.md). Here: the versions
read and written, the checks of the envelope, and the refusals of JSON text
and structure that come before any value is read (nesting deeper than
:data:`MAX_DEPTH`, keys that are no strings or written twice, constants
JSON does not have). Each gives a :class:`~learnmeet.exceptions.DataProblem`
with its path, in Danish and English.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from typing import Any, cast

import attrs

from learnmeet.exceptions import (
    DataProblem,
    InvalidDataError,
    PathKey,
    shown,
    shown_all,
    type_shown,
)
from learnmeet.io._references import json_type
from learnmeet.model._labels import Label
from learnmeet.model._lookup import closest

__all__ = [
    "MAX_DEPTH",
    "READS",
    "SCHEMA_VERSION",
    "from_data",
    "nested_too_deep",
    "not_json",
    "pre_read",
    "refuse_constant",
    "repeated_keys",
    "unwrap",
]

_Path = tuple[PathKey, ...]


SCHEMA_VERSION = 4
"""The version of the JSON format this release writes.

It reads this version and every older one (versions 1, 2 and 3, upgraded as
plain JSON before they are read; version 3 reads unchanged).

.. versionadded:: 0.1.0
.. versionchanged:: 0.2.0 Version 2: each entity once, referred to by id.
.. versionchanged:: 0.3.0 Version 3: professions apart from functions and
   volunteers, areas of an organisation, and the optional fields of
   issue 17 (see docs/json.md).
.. versionchanged:: 0.3.0 Version 4: the optional fields of issue 18
   (dated course completions, a scenario's reflection cycles; see
   docs/json.md). A version-3 document is a version-4 document.
"""


READS = (1, 2, 3, SCHEMA_VERSION)


MAX_DEPTH = 48
"""How deeply a document may nest arrays and objects.

The deepest value learnmeet writes (a scenario's meetings, their attendees,
their people, units and organisations) is about a dozen levels down; a
document nested deeper is refused before it is read, so no input can exhaust
Python's recursion limit.
"""


def pre_read(document: object) -> DataProblem | None:
    """The first problem a document has before it is read, if any.

    One walk, without recursion, finds a value nested deeper than
    :data:`MAX_DEPTH` and a key that is not a string: JSON's keys are
    strings, and a dict made in Python may have others (``1``, a tuple),
    which the reader would otherwise take for something else.
    """
    todo: list[tuple[object, _Path]] = [(document, ())]
    while todo:
        value, path = todo.pop()
        if len(path) > MAX_DEPTH:
            return nested_too_deep(path)
        if isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str):
                    return _not_a_string_key(path, key)
                todo.append((item, (*path, key)))
        elif isinstance(value, (list, tuple)):
            todo.extend((v, (*path, i)) for i, v in enumerate(value))
    return None


def nested_too_deep(path: _Path) -> DataProblem:
    return DataProblem(
        path=path,
        reason=Label(
            da=f"dokumentet er indlejret dybere end {MAX_DEPTH} niveauer",
            en=f"the document nests deeper than {MAX_DEPTH} levels",
        ),
        fix=Label(
            da="et learnmeet-dokument har langt færre niveauer; tjek hvordan det "
            "blev lavet",
            en="a learnmeet document has far fewer levels; check how it was made",
        ),
    )


def _not_a_string_key(path: _Path, key: object) -> DataProblem:
    kind = type_shown(key)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"objektet har en nøgle af typen {kind}, ikke en tekst; JSON's "
            "nøgler er tekster",
            en=f"the object has a key of type {kind}, not a string; JSON's keys "
            "are strings",
        ),
        fix=Label(
            da="skriv nøglen som en tekst, fx 'pseudonym'",
            en="write the key as a string, e.g. 'pseudonym'",
        ),
    )


def from_data(problem: DataProblem, document: object) -> DataProblem:
    """*problem* with its path from the data if it is in the data.

    Inside the data, paths start from the data, as every other problem's do;
    in the envelope (``included`` too), from the document.
    """
    path = problem.path
    if path[:1] == ("data",) and isinstance(document, Mapping):
        return attrs.evolve(problem, path=path[1:])
    return problem


def unwrap(
    cls: type[Any], document: object, names: Callable[[], Collection[str]]
) -> tuple[int, object, object]:
    """The version, the data and the included entities of *document*.

    *names* gives the type names a document may hold, for the message when
    its ``type`` is another one (only then: it may import every layer).
    """
    if not isinstance(document, Mapping):
        got = json_type(document)
        raise InvalidDataError(
            [
                DataProblem(
                    path=(),
                    reason=Label(
                        da=f"forventede et learnmeet-dokument, fik {got.da}",
                        en=f"expected a learnmeet document, got {got.en}",
                    ),
                    fix=_envelope(cls),
                )
            ]
        )
    if not {"learnmeet", "type", "data"} & set(document):
        raise InvalidDataError([_no_envelope(cls, document)])
    problems = []
    version = document.get("learnmeet")
    if "learnmeet" not in document:
        problems.append(
            DataProblem(
                path=("learnmeet",),
                reason=Label(
                    da="skemaversionen 'learnmeet' mangler",
                    en="the schema version 'learnmeet' is missing",
                ),
                fix=_envelope(cls),
            )
        )
    elif isinstance(version, str) and version.strip() in [str(v) for v in READS]:
        # Spaces around it may be many: the text itself only when short.
        text = (
            Label(da=f"teksten {shown(version).da}", en=f"the text {shown(version).en}")
            if len(version) <= 40 and version.isprintable()
            else shown(version)
        )
        problems.append(
            DataProblem(
                path=("learnmeet",),
                reason=Label(
                    da=f"versionen er tallet {version.strip()}, ikke {text.da}",
                    en=f"the version is the number {version.strip()}, not {text.en}",
                ),
                fix=Label(
                    da=f'skriv "learnmeet": {version.strip()} uden anførselstegn',
                    en=f'write "learnmeet": {version.strip()} without quotes',
                ),
            )
        )
    elif type(version) is not int or version not in READS:
        # true and 1.0 equal 1 to Python; the version is the whole number.
        # Written as JSON when it is short (a number of up to 20 digits, not
        # str() of any number: one of over 4,300 digits cannot be written).
        short = isinstance(version, str) and len(version) <= 5
        plain = (
            version is None
            or isinstance(version, bool)
            or (isinstance(version, int) and abs(version) < 10**20)
            or (isinstance(version, float) and len(repr(version)) <= 20)
        )
        given = json.dumps(version) if plain else shown(version).en if short else "?"
        problems.append(
            DataProblem(
                path=("learnmeet",),
                reason=Label(
                    da=f"skemaversion {given} understøttes ikke",
                    en=f"unsupported schema version {given}",
                ),
                fix=Label(
                    da=f"denne udgave læser version {_versions('og')} og skriver "
                    f"version {SCHEMA_VERSION}",
                    en=f"this release reads versions {_versions('and')} and writes "
                    f"version {SCHEMA_VERSION}",
                ),
            )
        )
    kind = document.get("type")
    if kind != cls.__name__:
        problems.append(_wrong_type(cls, document, names()))
    if "data" not in document:
        problems.append(
            DataProblem(
                path=("data",),
                reason=Label(da="'data' mangler", en="'data' is missing"),
                fix=_envelope(cls),
            )
        )
    fields = {"learnmeet", "type", "data"}
    if version != 1:
        fields.add("included")  # version 1 copies what version 2 includes
    extra = sorted(str(key) for key in set(document) - fields)
    problems.extend(
        DataProblem(
            path=(key,),
            reason=Label(da="ukendt felt i konvolutten", en="unknown envelope field"),
            fix=Label(da="fjern det", en="remove it"),
        )
        for key in extra
    )
    if problems:
        raise InvalidDataError(problems)
    return cast(int, version), document["data"], document.get("included")


def _versions(conjunction: str) -> str:
    """The versions this release reads, e.g. ``1 and 2``."""
    *first, last = (str(v) for v in READS)
    return f"{', '.join(first)} {conjunction} {last}" if first else last


def _wrong_type(
    cls: type[Any], document: Mapping[Any, Any], names: Collection[str]
) -> DataProblem:
    """The problem with an envelope's ``type`` that does not name *cls*."""
    asked = cls.__name__
    read_it = Label(
        da=f"læs det med den klasse, det holder, eller giv et {asked}-dokument",
        en=f"read it as the class it holds, or give a {asked} document",
    )
    if "type" not in document:
        reason = Label(da="'type' mangler", en="'type' is missing")
        fix = _envelope(cls)
    elif not isinstance(document["type"], str):
        got = json_type(document["type"])
        reason = Label(
            da=f"'type' skal være en tekst, der navngiver en klasse, ikke {got.da}",
            en=f"'type' must be a string naming a class, not {got.en}",
        )
        fix = Label(da=f'skriv "type": "{asked}"', en=f'write "type": "{asked}"')
    elif document["type"] in names:
        held = document["type"]
        reason = Label(
            da=f"dokumentet indeholder {held!r}, men {asked!r} blev bedt om",
            en=f"the document holds {held!r}, but {asked!r} was asked for",
        )
        fix = read_it
    else:
        given = shown(document["type"])
        near = closest(document["type"], sorted(names)) if len(given.en) < 60 else []
        reason = Label(
            da=f"typen {given.da} er ingen learnmeet-type",
            en=f"the type {given.en} is no learnmeet type",
        )
        fix = read_it
        if near:
            them = shown_all(near)
            fix = Label(da=f"mente du {them.da}?", en=f"did you mean {them.en}?")
    return DataProblem(path=("type",), reason=reason, fix=fix)


def _no_envelope(cls: type[Any], document: Mapping[Any, Any]) -> DataProblem:
    """The problem with an object that has none of the envelope's fields.

    Most often the data of a value written without its envelope: said so when
    the object's fields are *cls*'s, rather than one unknown field each.
    """
    fields = {a.alias for a in attrs.fields(cls)} if attrs.has(cls) else set()
    if fields and set(document) <= fields:
        reason = Label(
            da=f"objektet ligner data for en {cls.__name__} uden konvolutten "
            "omkring ('learnmeet', 'type', 'data')",
            en=f"the object looks like the data of a {cls.__name__} without its "
            "envelope ('learnmeet', 'type', 'data')",
        )
    else:
        reason = Label(
            da="objektet er ikke et learnmeet-dokument: det har hverken "
            "'learnmeet', 'type' eller 'data'",
            en="the object is not a learnmeet document: it has no 'learnmeet', "
            "'type' or 'data'",
        )
    return DataProblem(path=(), reason=reason, fix=_envelope(cls))


def _envelope(cls: type[Any]) -> Label:
    """How a document of *cls* begins, as the fix for a broken envelope."""
    document = (
        f'{{"learnmeet": {SCHEMA_VERSION}, "type": "{cls.__name__}", "data": {{...}}}}'
    )
    return Label(
        da=f"skriv et learnmeet-dokument: {document}",
        en=f"write a learnmeet document: {document}",
    )


def repeated_keys(
    document: object, twice: list[tuple[dict[str, Any], list[str]]]
) -> list[DataProblem]:
    """A problem at each key written twice in one object of *document*."""
    keys = {id(obj): again for obj, again in twice}
    out: list[DataProblem] = []
    todo: list[tuple[object, _Path]] = [(document, ())]
    while todo:
        value, path = todo.pop()
        if isinstance(value, dict):
            for key in keys.get(id(value), ()):
                out.append(from_data(_repeated(path, key), document))
            todo.extend((v, (*path, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            todo.extend((v, (*path, i)) for i, v in reversed(list(enumerate(value))))
    return out


def _repeated(path: _Path, key: str) -> DataProblem:
    return DataProblem(
        path=(*path, key),
        reason=Label(
            da="nøglen står mere end én gang i objektet; kun den sidste ville "
            "blive læst",
            en="the key is written more than once in the object; only the last "
            "would be read",
        ),
        fix=Label(
            da="skriv hver nøgle én gang; i en samling er nøglen et id, som kun "
            "én post må have",
            en="write each key once; in a collection the key is an id, which "
            "only one entry may have",
        ),
    )


class _NotStandardJSONError(ValueError):
    """``NaN``, ``Infinity`` or ``-Infinity``: Python reads them, JSON has none."""


def refuse_constant(name: str) -> object:
    raise _NotStandardJSONError(name)


def not_json(exc: Exception) -> DataProblem:
    """The problem with text :func:`json.loads` refused with *exc*."""
    if isinstance(exc, json.JSONDecodeError):
        where = Label(
            da=f"i linje {exc.lineno}, kolonne {exc.colno}",
            en=f"at line {exc.lineno}, column {exc.colno}",
        )
        reason = Label(
            da=f"ikke gyldig JSON {where.da}", en=f"not valid JSON {where.en}"
        )
        fix = Label(
            da="ret tegnsætningen dér: kommaer, anførselstegn og parenteser",
            en="correct the punctuation there: commas, quotes and brackets",
        )
    elif isinstance(exc, UnicodeDecodeError):
        reason = Label(
            da=f"bytes {exc.start} er ikke UTF-8",
            en=f"byte {exc.start} is not UTF-8",
        )
        fix = Label(
            da="gem filen som UTF-8 (eller UTF-16 med BOM)",
            en="save the file as UTF-8 (or UTF-16 with a byte order mark)",
        )
    elif isinstance(exc, _NotStandardJSONError):
        reason = Label(
            da=f"{exc} er ikke et JSON-tal",
            en=f"{exc} is not a JSON number",
        )
        fix = Label(
            da="skriv et endeligt tal, eller null hvor værdien mangler",
            en="write a finite number, or null where the value is missing",
        )
    else:  # int() refuses a number of more than sys.get_int_max_str_digits() digits
        reason = Label(
            da="et tal er for langt til at læse",
            en="a number is too long to read",
        )
        fix = Label(
            da="skriv tal med højst 4300 cifre",
            en="write numbers of at most 4,300 digits",
        )
    return DataProblem(path=(), reason=reason, fix=fix)
