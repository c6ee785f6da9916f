"""Entities written once and referred to by id: the heart of schema version 2.

An *entity* is a value with an identity of its own: an organisation, area,
unit, professional, citizen, relative, case, forum or meeting. A version-2
document holds each entity once, in a collection of its kind keyed by its id
(an area by its code, a citizen by its pseudonym), and everywhere else refers
to it by that id, as FHIR references do: ``"unit": "hj-nord"``. A person,
who may be of three kinds, is referred to by the person's key,
``"professional:p-1"`` (:attr:`Professional.key <learnmeet.Professional.key>`).

Which field is a reference follows from its type alone: a field of any class
whose type is an entity class (or a tuple of them, or :data:`Person`) is
written as a reference, so a class added to the converter later gets
references without being listed here.

The writer and the reader keep what they have seen in a context variable for
the length of one :func:`~learnmeet.to_dict` or :func:`~learnmeet.from_dict`
call. Outside such a call (the converter used directly to embed learnmeet
values in a format of one's own) there is no document to hold collections,
and entities are written and read in full where they occur.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import attrs

from learnmeet.exceptions import (
    DataProblem,
    InvalidValueError,
    Label,
    LearnmeetError,
    PathKey,
    UnknownCodeError,
    render_path,
    shown,
    type_shown,
)
from learnmeet.model._cases import CitizenCase
from learnmeet.model._forums import Forum
from learnmeet.model._lookup import closest, find
from learnmeet.model._meetings import Meeting
from learnmeet.model._people import (
    Area,
    Citizen,
    Organisation,
    Professional,
    Relative,
    Unit,
)

__all__ = [
    "BY_CLASS",
    "BY_COLLECTION",
    "ENTITIES",
    "PERSON_PREFIXES",
    "PREFIX_OF",
    "Entity",
    "Reading",
    "Reported",
    "Writing",
    "duplicate",
    "json_type",
    "not_a_person_key",
    "reading",
    "run_reading",
    "run_writing",
    "writing",
]

_Path = tuple[PathKey, ...]


@attrs.frozen
class Entity:
    """One kind of entity: its class, its collection and the field its id is in."""

    cls: type[Any]
    collection: str
    key: str
    name: Label
    """The kind with an indefinite article, as a message names it."""
    noun: Label
    """The kind on its own, as a message names one by its id."""


ENTITIES: tuple[Entity, ...] = (
    Entity(
        Area,
        "areas",
        "code",
        Label(da="et område", en="an area"),
        Label(da="område", en="area"),
    ),
    Entity(
        Organisation,
        "organisations",
        "id",
        Label(da="en organisation", en="an organisation"),
        Label(da="organisation", en="organisation"),
    ),
    Entity(
        Unit,
        "units",
        "id",
        Label(da="en enhed", en="a unit"),
        Label(da="enhed", en="unit"),
    ),
    Entity(
        Professional,
        "professionals",
        "id",
        Label(da="en fagperson", en="a professional"),
        Label(da="fagperson", en="professional"),
    ),
    Entity(
        Citizen,
        "citizens",
        "pseudonym",
        Label(da="en borger", en="a citizen"),
        Label(da="borger", en="citizen"),
    ),
    Entity(
        Relative,
        "relatives",
        "id",
        Label(da="en pårørende", en="a relative"),
        Label(da="pårørende", en="relative"),
    ),
    Entity(
        CitizenCase,
        "cases",
        "id",
        Label(da="et borgerforløb", en="a case"),
        Label(da="borgerforløb", en="case"),
    ),
    Entity(
        Forum,
        "forums",
        "id",
        Label(da="et mødeforum", en="a forum"),
        Label(da="mødeforum", en="forum"),
    ),
    Entity(
        Meeting,
        "meetings",
        "id",
        Label(da="et møde", en="a meeting"),
        Label(da="møde", en="meeting"),
    ),
)
"""Every kind of entity, in the order a document's collections are written."""

BY_CLASS: dict[type[Any], Entity] = {e.cls: e for e in ENTITIES}
BY_COLLECTION: dict[str, Entity] = {e.collection: e for e in ENTITIES}
PERSON_PREFIXES: dict[str, Entity] = {
    "professional": BY_CLASS[Professional],
    "citizen": BY_CLASS[Citizen],
    "relative": BY_CLASS[Relative],
}
"""The prefix of a person's key (``professional:p-1``) and the kind it names."""
PREFIX_OF: dict[type[Any], str] = {e.cls: p for p, e in PERSON_PREFIXES.items()}


class Reported(Exception):  # noqa: N818 - a marker, not an error anyone sees
    """A reference to an entity whose own problems are already reported.

    Raised where such an entity is referred to, so the referring value fails
    too (nothing half-built) without the entity's problems being listed again
    at every reference.
    """


# -- writing ---------------------------------------------------------------------


class Writing:
    """The entities one :func:`~learnmeet.to_dict` call has met, by kind and id."""

    def __init__(self, bodies: dict[type[Any], Callable[[Any], Any]]) -> None:
        self._body = bodies
        self.values: dict[Entity, dict[str, Any]] = {e: {} for e in ENTITIES}
        self.bodies: dict[Entity, dict[str, Any]] = {e: {} for e in ENTITIES}
        self.defined: set[tuple[Entity, str]] = set()
        self.conflicts: list[tuple[Entity, str]] = []

    def refer(self, entity: Entity, value: Any) -> str:
        """Note *value* (written once, the first time) and return its id."""
        key: str = getattr(value, entity.key)
        seen = self.values[entity]
        old = seen.get(key)
        if old is None:
            seen[key] = value
            self.bodies[entity][key] = None  # keeps first-met order
            self.bodies[entity][key] = self._body[entity.cls](value)
        elif old is not value and old != value and (entity, key) not in self.conflicts:
            self.conflicts.append((entity, key))
        return key

    def define(self, entity: Entity, value: Any) -> None:
        """Note *value* as held by the document's data, not its included part."""
        key: str = getattr(value, entity.key)
        old = self.values[entity].get(key)
        if old is not None and old is not value and old != value:
            self.conflicts.append((entity, key))
        self.values[entity].setdefault(key, value)
        self.defined.add((entity, key))

    def included(self) -> dict[str, dict[str, Any]]:
        """Every entity met but not held by the data, by collection and id."""
        out: dict[str, dict[str, Any]] = {}
        for entity in ENTITIES:
            found = {
                key: body
                for key, body in self.bodies[entity].items()
                if (entity, key) not in self.defined
            }
            if found:
                out[entity.collection] = found
        return out

    def conflict(self, where: str) -> InvalidValueError | None:
        """The refusal of a value that holds two different entities with one id."""
        if not self.conflicts:
            return None
        entity, key = self.conflicts[0]
        what = entity.name
        return InvalidValueError(
            reason=Label(
                da=f"værdien har to forskellige udgaver af {what.da} med id "
                f"{shown(key).da}; et dokument holder hvert id én gang",
                en=f"the value holds two different versions of {what.en} with "
                f"id {shown(key).en}; a document holds each id once",
            ),
            fix=Label(
                da=f"brug den samme værdi for {shown(key).da} overalt, eller giv "
                "den ene et andet id",
                en=f"use the same value for {shown(key).en} everywhere, or give one of "
                "them another id",
            ),
            where=where,
            path=("value",),
        )


_WRITING: ContextVar[Writing | None] = ContextVar("_WRITING", default=None)


def writing() -> Writing | None:
    """The writer of the :func:`~learnmeet.to_dict` call running, if any."""
    return _WRITING.get()


# -- reading ---------------------------------------------------------------------


class Reading:
    """The entities of the document one :func:`~learnmeet.from_dict` call reads.

    ``index`` holds each entity's JSON and path by kind and id; an entity is
    built the first time it is referred to (or at the end, if nothing does),
    once, and every reference gets the same object.
    """

    def __init__(
        self,
        build: Callable[[Entity, dict[str, Any]], Any],
        problems_of: Callable[[BaseException, _Path], list[DataProblem]],
    ) -> None:
        self._build = build
        self._problems_of = problems_of
        self.trim = True
        """Report a refused id at its entry (the key), not at a field "id"."""
        self.index: dict[Entity, dict[str, tuple[object, _Path]]] = {
            e: {} for e in ENTITIES
        }
        self.built: dict[tuple[Entity, str], Any] = {}
        self.failed: set[tuple[Entity, str]] = set()
        self.problems: list[DataProblem] = []

    def add(self, entity: Entity, key: str, body: object, path: _Path) -> None:
        """Add an entity's JSON at *path*; a second one with its id is a problem."""
        held = self.index[entity]
        if key in held:
            first = held[key][1]
            self.problems.append(duplicate(entity, key, path, first))
            return
        held[key] = (body, path)

    def resolve(self, entity: Entity, key: object) -> Any:
        """The entity *key* refers to, built once; raise where it is unknown."""
        if not isinstance(key, str):
            raise _not_a_reference(entity, key)
        done = (entity, key)
        found = self.built.get(done)
        if found is not None:
            return found
        if done in self.failed:
            raise Reported
        entry = self.index[entity].get(key)
        if entry is None:
            raise self._unknown(entity, key)
        body, path = entry
        if not isinstance(body, dict):
            self._fail(done, _not_an_entity(entity, path, body))
            raise Reported  # pragma: no cover - _fail raised it
        if entity.key in body:
            self._fail(done, _key_in_body(entity, key, path))
        self.failed.add(done)  # until built: a cycle fails instead of recursing
        try:
            value = self._build(entity, {entity.key: key, **body})
        except Reported:
            raise
        except Exception as exc:
            found_problems = self._problems_of(exc, path)
            if self.trim and path:
                # The id is the key: a refused id is reported at its entry.
                found_problems = [
                    attrs.evolve(p, path=path) if p.path == (*path, entity.key) else p
                    for p in found_problems
                ]
            self.problems.extend(found_problems)
            raise Reported from None
        self.failed.discard(done)
        self.built[done] = value
        return value

    def _fail(self, done: tuple[Entity, str], problem: DataProblem) -> None:
        self.problems.append(problem)
        self.failed.add(done)
        raise Reported

    def _unknown(self, entity: Entity, key: str) -> LearnmeetError:
        elsewhere = [e for e in ENTITIES if key in self.index[e] and e is not entity]
        if elsewhere:
            other = elsewhere[0]
            near = closest(key, list(self.index[entity]))
            also_da, also_en = (
                (
                    f"mente du {shown(near[0]).da}? ",
                    f"did you mean {shown(near[0]).en}? ",
                )
                if near
                else ("", "")
            )
            return InvalidValueError(
                reason=Label(
                    da=f"{shown(key).da} er {other.name.da}, ikke {entity.name.da}",
                    en=f"{shown(key).en} is {other.name.en}, not {entity.name.en}",
                ),
                fix=Label(
                    da=f"{also_da}henvis her til id'et på {entity.name.da} i "
                    f"{entity.collection}",
                    en=f"{also_en}refer here to the id of {entity.name.en} in "
                    f"{entity.collection}",
                ),
            )
        try:
            find(
                entity.collection,
                key,
                self.index[entity],
                what=entity.noun,
                hint=Label(
                    da=f"tilføj {entity.name.da} med det id i {entity.collection}",
                    en=f"add {entity.name.en} with that id to {entity.collection}",
                ),
            )
        except UnknownCodeError as exc:
            return exc
        raise AssertionError("unreachable: the key is not in the index")


_READING: ContextVar[Reading | None] = ContextVar("_READING", default=None)


def reading() -> Reading | None:
    """The reader of the :func:`~learnmeet.from_dict` call running, if any."""
    return _READING.get()


def run_writing(writer: Writing, work: Callable[[], Any]) -> Any:
    """Run *work* with *writer* as the running writer."""
    token = _WRITING.set(writer)
    try:
        return work()
    finally:
        _WRITING.reset(token)


def run_reading(reader: Reading, work: Callable[[], Any]) -> Any:
    """Run *work* with *reader* as the running reader."""
    token = _READING.set(reader)
    try:
        return work()
    finally:
        _READING.reset(token)


_JSON_TYPES = (
    (type(None), Label(da="null", en="null")),
    (bool, Label(da="en sandhedsværdi", en="a boolean")),
    ((int, float), Label(da="et tal", en="a number")),
    (str, Label(da="en tekst", en="a string")),
    (list, Label(da="en liste", en="an array")),
    (dict, Label(da="et objekt", en="an object")),
)


def json_type(value: object) -> Label:
    """Name the JSON type of *value* in Danish and English (bool before int)."""
    for types, name in _JSON_TYPES:
        if isinstance(value, types):
            return name
    return Label(da=type_shown(value), en=type_shown(value))


# -- problems --------------------------------------------------------------------


def duplicate(entity: Entity, key: str, path: _Path, first: _Path) -> DataProblem:
    """The problem of a second entity with an id the document already holds."""
    where = render_path(first)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"id'et {shown(key).da} findes allerede for {entity.name.da} ({where})",
            en=f"the id {shown(key).en} is already used by {entity.name.en} ({where})",
        ),
        fix=Label(
            da="skriv hvert id én gang, eller giv denne et andet id",
            en="write each entity once, or give this one another id",
        ),
    )


def _not_a_reference(entity: Entity, value: object) -> InvalidValueError:
    got = json_type(value)
    example = "professional:p-1" if entity.cls in PREFIX_OF else "hj-nord"
    return InvalidValueError(
        reason=Label(
            da=f"forventede id'et på {entity.name.da} (en tekst), fik {got.da}",
            en=f"expected the id of {entity.name.en} (a string), got {got.en}",
        ),
        fix=Label(
            da=f"skriv {entity.name.da} én gang i {entity.collection} og henvis "
            f"til den med sit id her, fx {example!r}",
            en=f"write {entity.name.en} once in {entity.collection} and refer "
            f"to it by its id here, e.g. {example!r}",
        ),
    )


def not_a_person_key(value: object) -> InvalidValueError:
    """The refusal of a person reference that is not ``kind:id``."""
    kinds = ", ".join(f"'{p}:'" for p in PERSON_PREFIXES)
    got = json_type(value)
    prefix = value.partition(":")[0] if isinstance(value, str) else ""
    near = closest(prefix, list(PERSON_PREFIXES)) if prefix else []
    hint_da, hint_en = (
        (f"mente du '{near[0]}:'? ", f"did you mean '{near[0]}:'? ")
        if near
        else ("", "")
    )
    return InvalidValueError(
        reason=Label(
            da=f"en person henvises til som art:id, fik {got.da}",
            en=f"a person is referred to as kind:id, got {got.en}",
        ),
        fix=Label(
            da=f"{hint_da}begynd med en af {kinds}, fx 'professional:p-1'",
            en=f"{hint_en}start with one of {kinds}, e.g. 'professional:p-1'",
        ),
    )


def _not_an_entity(entity: Entity, path: _Path, body: object) -> DataProblem:
    got = json_type(body)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"forventede et objekt ({entity.name.da}), fik {got.da}",
            en=f"expected an object ({entity.name.en}), got {got.en}",
        ),
        fix=Label(
            da=f"skriv {entity.name.da}s felter her, uden id'et, som er nøglen",
            en=f"write {entity.name.en}'s fields here, without the id, "
            "which is the key",
        ),
    )


def _key_in_body(entity: Entity, key: str, path: _Path) -> DataProblem:
    return DataProblem(
        path=(*path, entity.key),
        reason=Label(
            da=f"{entity.key!r} står i nøglen {shown(key).da}, ikke i objektet",
            en=f"the {entity.key!r} is the key {shown(key).en}, not a field of "
            "the object",
        ),
        fix=Label(
            da=f"fjern feltet {entity.key!r}; nøglen er id'et",
            en=f"remove the field {entity.key!r}; the key is the id",
        ),
    )
