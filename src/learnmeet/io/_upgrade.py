"""Version 1 to 2, 2 to 3 and 3 to 4, as plain JSON, before anything is built.

Version 3 to 4 (:func:`to_version_4`) is the identity: version 4 only adds
optional fields (dated course completions, a scenario's reflection cycles),
so a version-3 document says the same as version 4.

Version 2 to 3 (:func:`to_version_3`) is small: a professional whose
profession was ``"volunteer"`` becomes a volunteer without a profession, one
whose profession was ``"needs_assessor"`` is refused (the visitator's own
profession is not in the document; the problem says what to write), and an
area gets the organisation of the units in it when they all say the same.

A version-1 document copies every entity in full wherever it is referred to.
The upgrade walks the document guided by the model's field types, keeps the
first copy of each entity (for a scenario: the one in its own list, such as
the staff list), puts it in the collection of its kind and writes its id
where the copy was. Every later copy must say the same as the first; one
that does not is refused at its own path, naming the path of the first. In a
scenario, a copy of a kind the scenario lists (a care-team member, a forum's
unit) must be in that list: a copy that is not is refused at its path, since
in version 1 it is where a staff list falls out of step unnoticed.

The problems carry the version-1 paths the user's file has; where the
version-2 reader finds a problem later, :func:`Upgrade.translate` takes its
path back to the copy it came from.
"""

from __future__ import annotations

import contextlib
import json
import types
from collections.abc import Callable, Mapping
from typing import Any, Union, get_args, get_origin

import attrs

from learnmeet.exceptions import DataProblem, Label, PathKey, render_path, shown
from learnmeet.io._references import (
    BY_CLASS,
    ENTITIES,
    PERSON_PREFIXES,
    Entity,
    json_type,
)
from learnmeet.model._people import Area, Person, Professional, Unit

__all__ = ["MISSING", "Upgrade", "listed_fields", "to_version_3", "to_version_4"]

_Path = tuple[PathKey, ...]

MISSING = object()
"""Stands for the default of a field that has none (it must be given)."""


def listed_fields(cls: type[Any]) -> dict[str, Entity]:
    """The fields of *cls* that are a tuple of one kind of entity, by name."""
    out: dict[str, Entity] = {}
    for field in attrs.fields(cls):
        if get_origin(field.type) is tuple:
            item = get_args(field.type)[0]
            if item in BY_CLASS:
                out[field.name] = BY_CLASS[item]
    return out


class Upgrade:
    """One version-1 document turned into version 2.

    Args:
        defaults: For an entity class, each field's default as JSON
            (:data:`MISSING` for a field without one), so two copies that
            differ only by writing a default out or leaving it away agree.
    """

    def __init__(self, defaults: Callable[[type[Any]], Mapping[str, object]]) -> None:
        self._defaults = defaults
        self._first: dict[tuple[Entity, str], tuple[dict[str, object], _Path]] = {}
        self._bodies: dict[Entity, dict[str, Any]] = {e: {} for e in ENTITIES}
        self._held: set[tuple[Entity, str]] = set()
        self.origins: dict[_Path, _Path] = {}
        self.problems: list[DataProblem] = []

    # -- the document ------------------------------------------------------------

    def document(
        self, cls: type[Any], data: object, *, container: bool
    ) -> tuple[object, dict[str, dict[str, Any]]]:
        """The version-2 ``data`` and ``included`` of a version-1 *data*."""
        entity = BY_CLASS.get(cls)
        out: object
        if container and isinstance(data, dict):
            out = self._container(cls, data)
        elif entity is not None and isinstance(data, dict):
            key = data.get(entity.key)
            fields = self._fields(cls, data, ())
            out = fields
            if isinstance(key, str):
                body = {k: v for k, v in fields.items() if k != entity.key}
                self._note(entity, key, body, ())
                self._held.add((entity, key))
        else:
            out = self._value(cls, data, ())
        included: dict[str, dict[str, Any]] = {}
        for kind in ENTITIES:
            found = {
                key: body
                for key, body in self._bodies[kind].items()
                if (kind, key) not in self._held
            }
            if found:
                included[kind.collection] = found
        return out, included

    def translate(self, path: _Path) -> _Path:
        """The version-1 path of a problem found at *path* in the upgraded form."""
        for size in (3, 2):
            origin = self.origins.get(path[:size])
            if origin is not None:
                return origin + path[size:]
        return path

    def _container(self, cls: type[Any], data: dict[str, Any]) -> dict[str, Any]:
        listed = listed_fields(cls)
        done: dict[str, object] = {}
        # Kinds in dependency order: what a scenario lists is met first in its
        # list, so the list's copy is the one every other copy is held to.
        for entity in ENTITIES:
            for name, kind in listed.items():
                if kind is entity and name in data:
                    done[name] = self._list(name, entity, data[name])
        types_ = {f.name: f.type for f in attrs.fields(cls)}
        out: dict[str, Any] = {}
        for name, value in data.items():
            if name in done:
                out[name] = done[name]
            elif name in types_:
                out[name] = self._value(types_[name], value, (name,))
            else:
                out[name] = value
        # Only a list that is given holds the scenario to it: a scenario
        # of meetings alone has its people where they take part.
        given = {
            e for n, e in listed.items() if isinstance(data.get(n), list) and data[n]
        }
        for (entity, key), (_, path) in self._first.items():
            if entity in given and (entity, key) not in self._held:
                self.problems.append(_not_listed(entity, key, path, listed))
        return out

    def _list(self, name: str, entity: Entity, items: object) -> object:
        if not isinstance(items, list):
            got = json_type(items)
            self.problems.append(
                DataProblem(
                    path=(name,),
                    reason=Label(
                        da=f"forventede en liste, fik {got.da}",
                        en=f"expected an array, got {got.en}",
                    ),
                    fix=Label(da="skriv en liste her", en="write an array here"),
                )
            )
            return items
        out: dict[str, Any] = {}
        where: dict[str, _Path] = {}
        for index, item in enumerate(items):
            path = (name, index)
            key = self._entity(entity, item, path)
            if key is None:
                continue
            if key in out:
                self.problems.append(_twice(entity, key, path, where[key]))
                continue
            out[key] = self._bodies[entity][key]
            where[key] = path
            self._held.add((entity, key))
            self.origins[(name, key)] = path
        return out

    # -- values by type ----------------------------------------------------------

    def _value(self, t: Any, value: object, path: _Path) -> object:
        if t in BY_CLASS:
            key = self._entity(BY_CLASS[t], value, path)
            return value if key is None else key
        if t == Person:
            return self._person(value, path)
        origin = get_origin(t)
        if origin in (tuple, frozenset):
            if not isinstance(value, list):
                return value
            args = get_args(t)
            if origin is tuple and Ellipsis not in args:
                # A pair (an ineligible person and the reason): each part by
                # its own type; one of another length is the reader's to refuse.
                if len(value) != len(args):
                    return value
                return [
                    self._value(a, v, (*path, i))
                    for i, (a, v) in enumerate(zip(args, value, strict=True))
                ]
            return [self._value(args[0], v, (*path, i)) for i, v in enumerate(value)]
        if origin in (Mapping, dict):
            # Waiting lists by session id: each value by the mapping's type.
            if not isinstance(value, dict):
                return value
            item = get_args(t)[1]
            return {k: self._value(item, v, (*path, k)) for k, v in value.items()}
        if origin in (Union, types.UnionType):
            if value is None:
                return None
            options = [a for a in get_args(t) if a is not type(None)]
            return self._value(options[0], value, path) if len(options) == 1 else value
        if isinstance(t, type) and attrs.has(t) and isinstance(value, dict):
            return self._fields(t, value, path)
        return value

    def _fields(
        self, cls: type[Any], value: dict[str, Any], path: _Path
    ) -> dict[str, Any]:
        types_ = {f.name: f.type for f in attrs.fields(cls)}
        return {
            k: self._value(types_[k], v, (*path, k)) if k in types_ else v
            for k, v in value.items()
        }

    def _person(self, value: object, path: _Path) -> object:
        kind = value.get("kind") if isinstance(value, dict) else None
        entity = PERSON_PREFIXES.get(kind) if isinstance(kind, str) else None
        if not isinstance(value, dict) or entity is None:
            self.problems.append(_no_kind(value, path))
            return value
        key = self._entity(
            entity, {k: v for k, v in value.items() if k != "kind"}, path
        )
        return value if key is None else f"{kind}:{key}"

    def _entity(self, entity: Entity, value: object, path: _Path) -> str | None:
        """Note a copy of an entity and return its id (``None`` if it has none)."""
        if not isinstance(value, dict):
            got = json_type(value)
            self.problems.append(
                DataProblem(
                    path=path,
                    reason=Label(
                        da=f"forventede et objekt ({entity.name.da}), fik {got.da}",
                        en=f"expected an object ({entity.name.en}), got {got.en}",
                    ),
                    fix=Label(
                        da="i version 1 skrives hver henvisning helt ud; skriv "
                        "filen som version 2 for at henvise med id",
                        en="version 1 writes every reference in full; write the "
                        "file as version 2 to refer by id",
                    ),
                )
            )
            return None
        key = value.get(entity.key)
        if not isinstance(key, str):
            self.problems.append(_no_key(entity, key, (*path, entity.key)))
            return None
        body = self._fields(
            entity.cls, {k: v for k, v in value.items() if k != entity.key}, path
        )
        self._note(entity, key, body, path)
        return key

    def _note(
        self, entity: Entity, key: str, body: dict[str, Any], path: _Path
    ) -> None:
        canon = self._canon(entity, body)
        first = self._first.get((entity, key))
        if first is None:
            self._first[(entity, key)] = (canon, path)
            self._bodies[entity][key] = body
            self.origins[("included", entity.collection, key)] = path
            return
        held, where = first
        differ = sorted(
            str(name)
            for name in {*held, *canon}
            if held.get(name, MISSING) != canon.get(name, MISSING)
        )
        if differ:
            self.problems.append(_contradicts(entity, key, path, where, differ))

    def _canon(self, entity: Entity, body: dict[str, Any]) -> dict[str, object]:
        """*body* with defaults filled in and sets in order, for comparing."""
        out: dict[str, object] = {}
        for name, default in self._defaults(entity.cls).items():
            if name == entity.key:
                continue
            value = body.get(name, default)
            if isinstance(value, list) and name in _sets(entity.cls):
                with contextlib.suppress(TypeError, ValueError):  # not JSON
                    value = sorted(value, key=json.dumps)
            out[name] = value
        for name, value in body.items():
            out.setdefault(name, value)
        return out


def _sets(cls: type[Any]) -> set[str]:
    return {f.name for f in attrs.fields(cls) if get_origin(f.type) is frozenset}


# -- problems --------------------------------------------------------------------


def _contradicts(
    entity: Entity, key: str, path: _Path, first: _Path, differ: list[str]
) -> DataProblem:
    where = render_path(first)
    fields = ", ".join(differ[:5]) + (" …" if len(differ) > 5 else "")
    return DataProblem(
        path=path,
        reason=Label(
            da=f"denne kopi af {entity.noun.da} {shown(key).da} modsiger den ved "
            f"{where} (felter: {fields})",
            en=f"this copy of {entity.noun.en} {shown(key).en} contradicts the one at "
            f"{where} (fields: {fields})",
        ),
        fix=Label(
            da=f"skriv det samme i hver kopi, eller giv den et andet id; i version "
            f"2 skrives {entity.name.da} én gang og henvises til med id",
            en=f"write the same in every copy, or give it another id; version 2 "
            f"writes {entity.name.en} once and refers to it by id",
        ),
    )


def _twice(entity: Entity, key: str, path: _Path, first: _Path) -> DataProblem:
    where = render_path(first)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"id'et {shown(key).da} står allerede i listen ({where})",
            en=f"the id {shown(key).en} is already in the list ({where})",
        ),
        fix=Label(
            da=f"skriv hver {entity.collection}-post én gang",
            en=f"write each entry of {entity.collection} once",
        ),
    )


def _not_listed(
    entity: Entity, key: str, path: _Path, listed: dict[str, Entity]
) -> DataProblem:
    name = next(n for n, e in listed.items() if e is entity)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"{entity.noun.da} {shown(key).da} står ikke i scenariets {name}",
            en=f"{entity.noun.en} {shown(key).en} is not in the scenario's {name}",
        ),
        fix=Label(
            da=f"tilføj {shown(key).da} til {name}, eller ret id'et til et, der "
            "står dér",
            en=f"add {shown(key).en} to {name}, or correct the id to one listed there",
        ),
    )


def _no_key(entity: Entity, value: object, path: _Path) -> DataProblem:
    if value is None:
        return DataProblem(
            path=path,
            reason=Label(da="påkrævet felt mangler", en="required field is missing"),
            fix=Label(da="tilføj det", en="add it"),
        )
    got = json_type(value)
    return DataProblem(
        path=path,
        reason=Label(
            da=f"forventede id'et på {entity.name.da} (en tekst), fik {got.da}",
            en=f"expected the id of {entity.name.en} (a string), got {got.en}",
        ),
        fix=Label(da="skriv id'et som en tekst", en="write the id as a string"),
    )


def _no_kind(value: object, path: _Path) -> DataProblem:
    kinds = ", ".join(repr(k) for k in PERSON_PREFIXES)
    if not isinstance(value, dict):
        got = json_type(value)
        return DataProblem(
            path=path,
            reason=Label(
                da=f"forventede et objekt (en person), fik {got.da}",
                en=f"expected an object (a person), got {got.en}",
            ),
            fix=Label(
                da="skriv personen som et objekt", en="write the person as an object"
            ),
        )
    return DataProblem(
        path=path,
        reason=Label(
            da="en person skal have en gyldig 'kind'",
            en="a person needs a valid 'kind'",
        ),
        fix=Label(
            da=f"sæt 'kind' til en af: {kinds}", en=f"set 'kind' to one of: {kinds}"
        ),
    )


# -- version 2 to version 3 --------------------------------------------------------

_VOLUNTEER = "volunteer"
_NEEDS_ASSESSOR = "needs_assessor"
_COLLECTIONS = ("professionals", "units", "areas")
_SINGLE: dict[type[Any], str] = {
    Professional: "professionals",
    Unit: "units",
    Area: "areas",
}


def to_version_3(
    cls: type[Any],
    data: object,
    included: object,
    *,
    container: bool,
    known: Callable[[str], bool],
) -> tuple[object, object, list[DataProblem]]:
    """The version-3 *data* and *included* of a version-2 document, and problems.

    Nothing given is changed: what changes is copied. *known* tells whether
    the catalogue read with has a profession code: a catalogue that still
    has ``"volunteer"`` or ``"needs_assessor"`` keeps them as they were. A
    problem's path is where the version-2 document has it (inside the data,
    from the data, as every other problem's).
    """
    problems: list[DataProblem] = []
    places: list[tuple[dict[str, Any], _Path]] = []
    new_data: object = data
    new_included: object = included
    if container and isinstance(data, dict):
        new_data = dict(data)
        places.append((new_data, ()))
    if isinstance(included, dict):
        new_included = dict(included)
        places.append((new_included, ("included",)))
    collections: dict[str, list[tuple[dict[str, Any], str, _Path]]] = {
        name: [] for name in _COLLECTIONS
    }
    for root, path in places:
        for name in _COLLECTIONS:
            held = root.get(name)
            if isinstance(held, dict):
                root[name] = held = dict(held)
                collections[name].extend(
                    (held, key, (*path, name, key)) for key in held
                )
    single = _SINGLE.get(cls)
    solo: dict[str, Any] = {}
    if single is not None and isinstance(data, dict):
        # A document of one professional, unit or area: the data is its body,
        # its id (or code) in it.
        solo[""] = data
        collections[single].append((solo, "", ()))
    for held, key, path in collections["professionals"]:
        body = held[key]
        if isinstance(body, dict):
            held[key] = _professional_3(body, path, known, problems)
    owners = _owners(collections["units"], places)
    for held, key, _ in collections["areas"]:
        body = held[key]
        code = body.get("code") if key == "" and isinstance(body, dict) else key
        owner = owners.get(code) if isinstance(code, str) else None
        if isinstance(body, dict) and "organisation" not in body and owner:
            held[key] = {**body, "organisation": owner}
    if solo:
        new_data = solo[""]
    return new_data, new_included, problems


def to_version_4(data: object, included: object) -> tuple[object, object]:
    """The version-4 *data* and *included* of a version-3 document: the same.

    Version 4 adds fields that are optional and written only when set
    (``Professional.completions``, ``Scenario.cycles``); a document without
    them is what it was.
    """
    return data, included


def _owners(
    units: list[tuple[dict[str, Any], str, _Path]],
    places: list[tuple[dict[str, Any], _Path]],
) -> dict[str, str]:
    """The organisation each area belongs to, by code, where the units tell.

    An area is a municipality's district, which a general practice's unit
    may serve too: the owner is the one municipality among the organisations
    of the units in the area, or else the one organisation they all are of.
    An area whose units leave it open gets none.
    """
    sectors: dict[str, object] = {}
    for root, _ in places:
        held = root.get("organisations")
        if isinstance(held, dict):
            for key, body in held.items():
                if isinstance(body, dict):
                    sectors[key] = body.get("sector")
    found: dict[str, set[str]] = {}
    for held, key, _ in units:
        body = held[key]
        area, organisation = (
            (body.get("area"), body.get("organisation"))
            if isinstance(body, dict)
            else (None, None)
        )
        if isinstance(area, str) and isinstance(organisation, str):
            found.setdefault(area, set()).add(organisation)
    out: dict[str, str] = {}
    for area, organisations in found.items():
        municipal = {o for o in organisations if sectors.get(o) == "municipality"}
        for candidates in (municipal, organisations):
            if len(candidates) == 1:
                out[area] = next(iter(candidates))
                break
            if candidates:
                break
    return out


def _professional_3(
    body: dict[str, Any],
    path: _Path,
    known: Callable[[str], bool],
    problems: list[DataProblem],
) -> dict[str, Any]:
    """A version-2 professional's body as version 3 has it."""
    code = body.get("profession")
    if code == _VOLUNTEER and not known(code):
        out = {k: v for k, v in body.items() if k != "profession"}
        out["participant_type"] = _VOLUNTEER
        return out
    if code == _NEEDS_ASSESSOR and not known(code):
        problems.append(
            DataProblem(
                path=(*path, "profession"),
                reason=Label(
                    da="visitator er ikke længere en faggruppe, men en funktion, "
                    "og version 2 siger ikke, hvilken faggruppe visitatoren har",
                    en="needs assessor is no longer a profession but a function, "
                    "and version 2 does not say the needs assessor's profession",
                ),
                fix=Label(
                    da='skriv visitatorens egen faggruppe, fx "nurse", og tilføj '
                    '"needs_assessor" til "roles"',
                    en='write the needs assessor\'s own profession, e.g. "nurse", '
                    'and add "needs_assessor" to "roles"',
                ),
            )
        )
    return body
