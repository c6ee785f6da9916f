"""Every public value outside the model layer as JSON: plans, settings, records.

:func:`~learnmeet.plan_period` and the planners it calls return values of the
planning and rules layers — :class:`~learnmeet.PeriodPlan`,
:class:`~learnmeet.ScheduleResult`, :class:`~learnmeet.Enrolment`,
:class:`~learnmeet.Report`, the composer's :class:`~learnmeet.Proposal` —
and the values they hold. The planning settings and configuration, the
catalogue, the rules, an :class:`~learnmeet.Evaluation` and a
:class:`~learnmeet.LearningRecord` are values too. None of them holds a
callable or a cache that a document would have to hold (what a class
computes from its fields is not written). So a document holds the whole of
it, and reading it gives back an equal value, with every
refusal and its path as for any model value. Two kinds are written in a
form of their own:

* a :class:`~learnmeet.Rule` holds its check, Python code: a rule is written
  as its code, and only the built-in rules are read back (a rule of one's own
  is refused when written, with the fix);
* :class:`~learnmeet.Availability` and :class:`~learnmeet.BusyIndex` are
  indexes: what they hold is kept in the form their queries need, so a
  document holds what they were given, merged (see
  :func:`document_form_of`).

Four shapes appear here that the model's own values do not use; they are
registered on the one converter by :func:`register_results`:

* a pair, such as an enrolment's ineligible person with the reason
  (``tuple[Professional, Label]``), is a JSON array of its two parts;
* a mapping, such as an enrolment's waiting lists by session id
  (``Mapping[str, tuple[Professional, ...]]``), is a JSON object, its keys in
  the value's own order; a mapping whose keys are not texts, such as the
  travel times by pair of places (``Mapping[tuple[str, str], timedelta]``),
  is a JSON array of ``[key, value]`` pairs, in the value's own order;
* a choice of fixed texts, such as a report's language (``"da"`` or
  ``"en"``), is one of those texts;
* a rule is its code, ``"LM101"``.

A time zone (a setting's ``zone``) is its IANA name, ``"Europe/Copenhagen"``,
as :mod:`learnmeet.io._wire` reads and writes it.

What is derived is not written: a plan's meetings (:attr:`PeriodPlan.meetings`)
and a report's errors, warnings and codes are read from the fields, so a
document cannot hold a list that disagrees with them.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import IterableValidationError, IterableValidationNote

from learnmeet._lazy import public_table
from learnmeet.exceptions import InvalidValueError, Label
from learnmeet.model._lookup import closest

__all__ = [
    "built_in_rules",
    "document_form_of",
    "is_result_type",
    "is_rule",
    "register_results",
    "result_names",
    "result_types",
    "shown_name",
]


@functools.cache
def _outside_the_model() -> dict[str, tuple[str, ...]]:
    """The public names of every module outside the model layer, by module.

    Read from the package's one table of public names (never imported here):
    a public class of another layer is a document type when it is an attrs
    class defined in the module the table names, so a value class made
    public later has a document without being listed again.
    """
    return {
        module: names
        for module, names in public_table().items()
        if not module.startswith("learnmeet.model")
    }


def is_result_type(cls: object) -> bool:
    """Whether *cls* is a public value class outside the model layer.

    The results of planning and validation and the classes they hold, the
    planning settings and configuration, the catalogue, the rules, an
    evaluation and a learning record with their parts, a data problem. A
    caller holding such a class has loaded its module already, so this never
    imports anything. :class:`~learnmeet.Label`, the model's text, is the
    model's.
    """
    if not isinstance(cls, type) or cls is Label or not attrs.has(cls):
        return False
    if cls.__name__ not in _outside_the_model().get(cls.__module__, ()):
        return False
    defined = getattr(sys.modules.get(cls.__module__), cls.__name__, None)
    if defined is not cls:
        return False
    attrs.resolve_types(defined)  # string annotations, read once
    return True


@functools.cache
def result_types() -> tuple[type[Any], ...]:
    """Every result class, by name (this imports every layer's public module)."""
    found = [
        value
        for module, names in _outside_the_model().items()
        for name in names
        if is_result_type(value := getattr(importlib.import_module(module), name))
    ]
    return tuple(sorted(found, key=lambda cls: cls.__name__))


def result_names() -> frozenset[str]:
    """The names of the result classes, as a document's ``type`` gives them.

    Only the message for a document of another type needs them, so they are
    read (and the layers imported) only then.
    """
    return frozenset(cls.__name__ for cls in result_types())


Expected = Callable[[Label, object], InvalidValueError]
"""How the converter says what it expected and which JSON type it got."""


def _is_pair(t: Any) -> bool:
    """A tuple of fixed length (``tuple[A, B]``), not ``tuple[A, ...]``."""
    args = get_args(t)
    return get_origin(t) is tuple and bool(args) and Ellipsis not in args


def _is_mapping(t: Any) -> bool:
    return get_origin(t) in (Mapping, dict)


def _is_choice(t: Any) -> bool:
    return get_origin(t) is Literal and all(isinstance(a, str) for a in get_args(t))


def _noted(exc: Exception, step: int | str, t: Any) -> Exception:
    """*exc* with the index or key it happened at, as cattrs notes it."""
    note = IterableValidationNote(f"@ {step!r}", step, t)
    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
    return exc


def register_results(conv: Converter, expected: Expected) -> None:
    """Register the pair, mapping and choice hooks the result types need.

    Args:
        conv: The converter made by :func:`~learnmeet.make_converter`; hooks
            registered here take precedence over its collection hooks.
        expected: Makes the refusal of a value of the wrong JSON type, so the
            texts are the converter's own.
    """

    def structure_pair(t: Any) -> Callable[[object, object], Any]:
        parts = get_args(t)
        hooks = [conv.get_structure_hook(p) for p in parts]
        what = Label(
            da=f"en liste med {len(parts)} elementer",
            en=f"an array of {len(parts)} items",
        )

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, list):
                raise expected(what, value)
            if len(value) != len(parts):
                raise InvalidValueError(
                    reason=Label(
                        da=f"forventede {what.da}, fik {len(value)}",
                        en=f"expected {what.en}, got {len(value)}",
                    ),
                    fix=Label(da=f"skriv {what.da} her", en=f"write {what.en} here"),
                )
            out, errors = [], []
            for index, (hook, part, item) in enumerate(
                zip(hooks, parts, value, strict=True)
            ):
                try:
                    out.append(hook(item, part))
                except Exception as exc:  # collected with its index
                    errors.append(_noted(exc, index, part))
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    def unstructure_pair(t: Any) -> Callable[[Any], list[Any]]:
        hooks = [conv.get_unstructure_hook(p) for p in get_args(t)]

        def unstructure(value: Any) -> list[Any]:
            return [hook(item) for hook, item in zip(hooks, value, strict=True)]

        return unstructure

    def structure_mapping(t: Any) -> Callable[[object, object], Any]:
        key_type, value_type = get_args(t)
        if key_type is not str:
            return structure_entries(t)
        keys = conv.get_structure_hook(key_type)
        values = conv.get_structure_hook(value_type)
        what = Label(da="et objekt", en="an object")

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise expected(what, value)
            out, errors = {}, []
            for key, item in value.items():
                try:
                    out[keys(key, key_type)] = values(item, value_type)
                except Exception as exc:  # collected with its key
                    errors.append(_noted(exc, key, value_type))
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return out

        return structure

    def unstructure_mapping(t: Any) -> Callable[[Any], Any]:
        key_type, value_type = get_args(t)
        if key_type is not str:
            return unstructure_entries(t)
        values = conv.get_unstructure_hook(value_type)

        def unstructure(value: Any) -> dict[str, Any]:
            return {key: values(item) for key, item in value.items()}

        return unstructure

    def structure_entries(t: Any) -> Callable[[object, object], Any]:
        key_type, value_type = get_args(t)
        entry = structure_pair(tuple[key_type, value_type])  # type: ignore[valid-type]
        what = Label(da="en liste af [nøgle, værdi]", en="an array of [key, value]")

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, list):
                raise expected(what, value)
            out, errors = {}, []
            for index, item in enumerate(value):
                try:
                    key, held = entry(item, t)
                    if key in out:
                        raise InvalidValueError(
                            reason=Label(
                                da="nøglen står her allerede",
                                en="the key is here already",
                            ),
                            fix=Label(
                                da="skriv hver nøgle én gang",
                                en="write each key once",
                            ),
                        )
                    out[key] = held
                except Exception as exc:  # collected with its index
                    errors.append(_noted(exc, index, value_type))
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return out

        return structure

    def unstructure_entries(t: Any) -> Callable[[Any], list[Any]]:
        key_type, value_type = get_args(t)
        entry = unstructure_pair(tuple[key_type, value_type])  # type: ignore[valid-type]

        def unstructure(value: Any) -> list[Any]:
            return [entry(item) for item in value.items()]

        return unstructure

    def structure_choice(t: Any) -> Callable[[object, object], Any]:
        allowed = get_args(t)
        listed = ", ".join(repr(a) for a in allowed)

        def structure(value: object, _: object) -> Any:
            if isinstance(value, str) and value in allowed:
                return value
            raise InvalidValueError(
                reason=Label(
                    da=f"forventede en af {listed}", en=f"expected one of {listed}"
                ),
                fix=Label(da=f"skriv en af {listed}", en=f"write one of {listed}"),
            )

        return structure

    conv.register_structure_hook_factory(_is_pair, structure_pair)
    conv.register_unstructure_hook_factory(_is_pair, unstructure_pair)
    conv.register_structure_hook_factory(_is_mapping, structure_mapping)
    conv.register_unstructure_hook_factory(_is_mapping, unstructure_mapping)
    conv.register_structure_hook_factory(_is_choice, structure_choice)
    conv.register_structure_hook_func(is_rule, _structure_rule)
    conv.register_unstructure_hook_func(is_rule, _unstructure_rule)

    def structure_by_form(value: object, t: Any) -> Any:
        return t._from_document(conv.structure(value, t._document_form))

    def unstructure_by_form(value: Any) -> Any:
        return conv.unstructure(value._to_document(), type(value)._document_form)

    conv.register_structure_hook_func(_has_a_form, structure_by_form)
    conv.register_unstructure_hook_func(_has_a_form, unstructure_by_form)


def shown_name(cls: type[Any]) -> str:
    """The name a problem gives *cls*: an index's form by the index's name."""
    return str(cls.__dict__.get("_document_of", cls.__name__))


def _has_a_form(t: Any) -> bool:
    return document_form_of(t) is not None


def document_form_of(t: Any) -> type[Any] | None:
    """The class whose fields *t*'s document holds, if not *t*'s own.

    An index (:class:`~learnmeet.BusyIndex`, :class:`~learnmeet.Availability`)
    keeps what it is given in the form its queries need; its document holds
    what it was given, in the form of its ``_document_form``, and it is made
    again from that by its ``_from_document``.
    """
    form = t.__dict__.get("_document_form") if isinstance(t, type) else None
    if not isinstance(form, type):
        return None
    attrs.resolve_types(form)  # string annotations, read once
    return form


def is_rule(t: Any) -> bool:
    """Whether *t* is :class:`~learnmeet.Rule` (without importing the rules)."""
    return (
        isinstance(t, type)
        and t.__name__ == "Rule"
        and t.__module__ == "learnmeet.rules._rule"
    )


@functools.cache
def built_in_rules() -> Mapping[str, Any]:
    """The built-in rules by code (this imports the rules layer)."""
    validate = importlib.import_module("learnmeet.rules._validate")
    return {rule.code: rule for rule in validate.DEFAULT_RULES.rules}


_OWN_RULE_FIX = Label(
    da="skriv kun de indbyggede regler (DEFAULT_RULES); tilføj dine egne i koden "
    "efter læsningen, med RuleSet.with_rules",
    en="write only the built-in rules (DEFAULT_RULES); add your own in code "
    "after reading, with RuleSet.with_rules",
)


def _unstructure_rule(rule: Any) -> str:
    """A rule is its code: its check is code, which a document cannot hold.

    Only a built-in rule is written: equal to the built-in rule of its code,
    with the same check and the same ``applies`` (which equality leaves out).
    """
    built_in = built_in_rules().get(rule.code)
    if not (
        built_in is rule
        or (
            built_in == rule
            and built_in.check is rule.check
            and built_in.applies is rule.applies
        )
    ):
        raise InvalidValueError(
            reason=Label(
                da=f"regel {rule.code} er ikke en af de indbyggede: dens kontrol er "
                "Python-kode, som et dokument ikke kan rumme",
                en=f"rule {rule.code} is not one of the built-in rules: its check "
                "is Python code, which a document cannot hold",
            ),
            fix=_OWN_RULE_FIX,
        )
    return str(rule.code)


def _structure_rule(value: object, _: object) -> Any:
    rules = built_in_rules()
    found = rules.get(value) if isinstance(value, str) else None
    if found is not None:
        return found
    near = closest(value, list(rules)) if isinstance(value, str) else []
    raise InvalidValueError(
        reason=Label(
            da="ikke koden på en af de indbyggede regler",
            en="not the code of a built-in rule",
        ),
        fix=Label(
            da=f"mente du {near[0]!r}? {_OWN_RULE_FIX.da}",
            en=f"did you mean {near[0]!r}? {_OWN_RULE_FIX.en}",
        )
        if near
        else _OWN_RULE_FIX,
    )
