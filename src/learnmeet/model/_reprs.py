"""Short reprs: what a value prints in a failing test, a log or a debugger.

attrs writes every field, nested values in full: a meeting printed its
format's thirty requirements and, for every attendee, the unit, organisation
and sector with their labels — 120 to 400 lines for one shrunk example in
hypothesis. Two decorators keep it to what tells values apart; neither
touches equality or hashing.

* :func:`fields_shown` writes ``Meeting(id='m-1', format=…, …)`` with only
  the fields that are not at their default, so it still reads as the call
  that makes the value.
* :func:`known_as` writes a value that is known by its code or id and
  referred to from many places — a catalogue entry, a unit, a person — as
  ``<Profession: nurse>``: the Python convention for a repr that is not a
  call, as :class:`~learnmeet.BusyIndex` writes its own.

Both also give the value ``_repr_pretty_``, the pretty-printing protocol of
IPython that hypothesis uses for falsifying examples (without it hypothesis
prints every field of an attrs value itself).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["fields_shown", "known_as"]

T = TypeVar("T")


def _at_default(field: attrs.Attribute[Any], value: object, owner: object) -> bool:
    default: Any = field.default
    if default is attrs.NOTHING:
        return False
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        made = default.factory(owner) if default.takes_self else default.factory()
        return bool(value == made)
    converter: Any = field.converter
    if callable(converter):  # a default is held as its converter makes it
        default = converter(default)
    return bool(value == default)


def shown_fields(value: object) -> list[tuple[str, object]]:
    """The fields of an attrs *value* its repr shows: those not at their default."""
    return [
        (field.alias or field.name, getattr(value, field.name))
        for field in attrs.fields(type(value))  # type: ignore[arg-type]
        if field.repr
        and field.init
        and not _at_default(field, getattr(value, field.name), value)
    ]


def _fields_repr(self: object) -> str:
    body = ", ".join(f"{name}={item!r}" for name, item in shown_fields(self))
    return f"{type(self).__name__}({body})"


def _fields_pretty(self: object, printer: Any, cycle: bool) -> None:
    # Values are immutable trees: no value holds itself, so *cycle* never is.
    name = type(self).__name__
    with printer.group(len(name) + 1, f"{name}(", ")"):
        for number, (key, item) in enumerate(shown_fields(self)):
            if number:
                printer.text(",")
                printer.breakable()
            printer.text(f"{key}=")
            printer.pretty(item)


def _text_pretty(self: object, printer: Any, cycle: bool) -> None:
    printer.text(repr(self))


def fields_shown(cls: type[T]) -> type[T]:
    """Make *cls*'s repr show only the fields that are not at their default."""
    setattr(cls, "__repr__", _fields_repr)  # noqa: B010  # a method set on the class
    setattr(cls, "_repr_pretty_", _fields_pretty)  # noqa: B010
    return cls


def known_as(describe: Callable[[Any], str]) -> Callable[[type[T]], type[T]]:
    """Make *cls*'s repr ``<Name: what>``, *what* being ``describe(value)``."""

    def decorate(cls: type[T]) -> type[T]:
        def shown(self: object) -> str:
            return f"<{type(self).__name__}: {describe(self)}>"

        setattr(cls, "__repr__", shown)  # noqa: B010
        setattr(cls, "_repr_pretty_", _text_pretty)  # noqa: B010
        return cls

    return decorate
