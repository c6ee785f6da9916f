"""The arguments of public functions, checked against their annotations.

A public function or method decorated with :func:`checked` refuses an argument
that does not match its annotation with a :class:`~learnmeet.WrongTypeError`
naming the function, the argument and, inside a collection, the index or key
of the item refused. The annotation is the one statement of what an argument
may be; the check is derived from it, so the two cannot drift apart.

What an annotation allows:

* a class — an instance of it; ``bool`` is not taken for ``int``, nor a
  ``datetime`` for a ``date``; ``float`` takes an ``int`` too;
* ``X | Y`` and ``X | None`` — either;
* ``Iterable[X]``, ``Sequence[X]``, ``Collection[X]`` and ``tuple[X, ...]`` —
  any collection but a string, bytes or a mapping, every item an ``X``; the
  function is given the items as a tuple, so a generator is read once;
* ``tuple[X, Y]`` — a pair, each of its type;
* ``Mapping[K, V]`` — a mapping, every key a ``K`` and every value a ``V``;
  a value that is a collection is checked for being one, and its items
  where the function reads them: a function often reads a few values (the
  busy time of the people asked about), and checking every item of every
  value on each call would cost more than the call;
* ``Literal[...]`` — one of the values (``Lang``: ``"da"`` or ``"en"``);
* ``type[T]`` — a class;
* ``Any``, ``object`` and a type variable — anything.

Any other annotation is a mistake in learnmeet, found by the test that calls
every public function: the first call raises ``TypeError``.

Annotations are resolved at a function's first call, so a module may name
classes defined after it.
"""

from __future__ import annotations

import collections.abc as abc
import functools
import inspect
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from learnmeet.exceptions import (
    LANGUAGES,
    InvalidValueError,
    Label,
    NaiveDatetimeError,
    PathKey,
    WrongTypeError,
    check_lang,
    render_path,
    shown,
    type_shown,
)
from learnmeet.model._time import FIRST_YEAR, LAST_YEAR, year_problem, zone_refusal

__all__ = ["checked", "expect_count"]

P = ParamSpec("P")
R = TypeVar("R")

#: A compiled check: returns the value to pass on (a collection as a tuple),
#: or raises :class:`_RefusedError`.
_Check = Callable[[object], object]


class _RefusedError(Exception):
    """An argument, or an item inside it, does not match its annotation."""

    def __init__(
        self, expected: Label, got: object, error: InvalidValueError | None = None
    ) -> None:
        super().__init__()
        self.expected = expected
        self.got = got
        self.error = error  # a check's own error, to raise with where and path
        self.path: list[PathKey] = []  # filled in from the inside out


def checked(function: Callable[P, R]) -> Callable[P, R]:
    """Check every argument of *function* against its annotation at each call.

    ``self`` and ``cls`` are not checked, nor defaults left as they are; each
    of a ``*name`` argument's values is checked against its annotation.

    Raises:
        WrongTypeError: From the decorated function, when an argument does not
            match its annotation; ``where`` is the function's name and ``path``
            the argument's name, then any index or key inside it.
    """
    signature = inspect.signature(function)
    names = [
        name
        for name, parameter in signature.parameters.items()
        if parameter.kind
        in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    star = next(
        (
            name
            for name, parameter in signature.parameters.items()
            if parameter.kind is inspect.Parameter.VAR_POSITIONAL
        ),
        None,
    )
    method = "." in function.__qualname__
    skip = 1 if method and names[:1] in (["self"], ["cls"]) else 0
    where = function.__qualname__.removesuffix(".__init__")
    count = len(names)
    compiled: list[dict[str, _Entry]] = []

    def checks() -> dict[str, _Entry]:
        if not compiled:
            hints = typing.get_type_hints(function)
            compiled.append(
                {
                    name: _entry(hints[name])
                    for name in signature.parameters
                    if name in hints and name not in names[:skip]
                }
            )
        return compiled[0]

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        table = compiled[0] if compiled else checks()
        try:
            changed: list[object] | None = None
            for index in range(skip, len(args)):
                value = args[index]
                name = names[index] if index < count else star
                entry = table.get(name) if name is not None else None
                if entry is None or value.__class__ in entry.exact:
                    continue
                place = None if index < count else index - count
                new = _run(entry.check, name, value, place)  # type: ignore[arg-type]
                if new is not value:
                    changed = changed or list(args)
                    changed[index] = new
            if changed is not None:
                args = tuple(changed)  # type: ignore[assignment]
            for name, value in kwargs.items():
                entry = table.get(name)
                if entry is None or value.__class__ in entry.exact:
                    continue
                new = _run(entry.check, name, value)
                if new is not value:
                    kwargs[name] = new
        except _RefusedError as refused:
            raise _error(refused, where) from None
        return function(*args, **kwargs)

    return wrapper


class _Entry(typing.NamedTuple):
    """One argument's check, and the classes that pass it unchanged."""

    exact: frozenset[type[Any]]
    check: _Check


def _entry(hint: object) -> _Entry:
    compiled = _compiled(hint)
    return _Entry(compiled.exact, compiled.check)


def _run(check: _Check, name: str, value: object, index: int | None = None) -> object:
    """Check one argument; *index* is its place among a ``*name`` argument's."""
    try:
        return check(value)
    except _RefusedError as refused:
        if index is not None:
            refused.path.append(index)
        refused.path.append(name)
        raise


def _error(refused: _RefusedError, where: str) -> InvalidValueError:
    path = tuple(reversed(refused.path))
    if refused.error is not None:
        own = refused.error
        return type(own)(reason=own.reason, fix=own.fix, where=where, path=path)
    argument = render_path(path, root="")
    got = _kind(refused.got)
    expected = refused.expected
    return WrongTypeError(
        reason=Label(
            da=f"{argument} skal være {expected.da}, ikke {got}",
            en=f"{argument} must be {expected.en}, not {got}",
        ),
        fix=Label(
            da=f"giv {argument} som {expected.da}",
            en=f"pass {argument} as {expected.en}",
        ),
        where=where,
        path=path,
    )


def _kind(value: object) -> str:
    return "None" if value is None else type_shown(value)


# -- compiling an annotation into a check ------------------------------------------


class _Compiled(typing.NamedTuple):
    """An annotation made into a check.

    ``shape`` tells cheaply whether a value is of the annotation's outer kind
    (a class, a collection, a mapping): a union picks its member by it, so
    only the member that fits checks the value in full and no exception is
    raised for the members that do not.
    """

    shape: Callable[[object], bool]
    check: _Check
    #: Classes whose instances pass unchanged: checked by one set look-up.
    exact: frozenset[type[Any]] = frozenset()


def _compile(hint: object) -> _Check:
    """The check for one annotation.

    A set look-up comes first for the classes that pass unchanged: most
    arguments of most calls are exactly those.
    """
    compiled = _compiled(hint)
    exact, check = compiled.exact, compiled.check
    if not exact:
        return check

    def fast(value: object) -> object:
        if value.__class__ in exact:
            return value
        return check(value)

    return fast


def _compiled(hint: object) -> _Compiled:
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return _Compiled(_always, _anything)
    if hint is None or hint is type(None):
        nothing = type(None)
        return _instance(nothing, _describe(None))._replace(exact=frozenset({nothing}))
    if origin is Literal:
        if set(arguments) == set(LANGUAGES):
            return _Compiled(_always, _lang)
        return _Compiled(_always, _literal(arguments))
    if origin in (typing.Union, types.UnionType):
        return _union([_compiled(argument) for argument in arguments], hint)
    if origin is type:
        return _instance(type, _describe(hint))
    if origin is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
        return _fixed_tuple([_compiled(argument) for argument in arguments], hint)
    if origin in (tuple, abc.Iterable, abc.Sequence, abc.Collection):
        return _collection(_compiled(arguments[0]), _describe(hint))
    if origin is abc.Mapping:
        return _mapping(_compile(arguments[0]), _value_check(arguments[1]), hint)
    if isinstance(hint, type):
        return _class(hint)
    raise TypeError(f"@checked cannot check the annotation {hint!r}")


def _value_check(hint: object) -> _Check:
    """The check for a mapping's values: a collection only for its kind.

    A function often reads a few of a mapping's values (the busy time of the
    people asked about, not of everyone), so the items of a value that is a
    collection are checked where they are read, not all on every call.
    """
    shallow = _compiled(hint)
    origin = typing.get_origin(hint)
    if origin in (tuple, abc.Iterable, abc.Sequence, abc.Collection):
        expected = _describe(hint)

        def collection_only(value: object) -> object:
            if _is_collection(value):
                return value
            raise _RefusedError(expected, value)

        return collection_only
    return shallow.check


def _always(value: object) -> bool:
    return True


def _anything(value: object) -> object:
    return value


def _lang(value: object) -> object:
    # The one statement of the languages: check_lang, with its own message.
    try:
        return check_lang(value)
    except InvalidValueError as error:
        raise _RefusedError(error.reason, value, error) from None


def _class(cls: type[Any]) -> _Compiled:
    expected = _describe(cls)
    if cls is float:
        return _instance((int, float), expected)._replace(exact=frozenset({int, float}))
    if cls is date:

        def is_day(value: object) -> bool:
            return isinstance(value, date) and not isinstance(value, datetime)

        return _Compiled(
            is_day, _quick_time(date, _in_range(_checking(is_day, expected)))
        )
    if cls is datetime:
        moment = _instance(datetime, expected)
        full = _in_range(_aware(moment.check))
        return moment._replace(check=_quick_time(datetime, full))
    if cls is ZoneInfo:
        zone = _instance(ZoneInfo, expected)
        return zone._replace(check=_a_region(zone.check))
    return _instance(cls, expected)._replace(exact=frozenset({cls}))


def _quick_time(cls: type[date], check: _Check) -> _Check:
    """*check*, after a quick pass for the usual case.

    A plain date, or an aware datetime, well inside the model's years passes
    at once; a value in a first or last year, or of another class, gets the
    full check.
    """
    low, high = FIRST_YEAR, LAST_YEAR

    def quick_day(value: object) -> object:
        if value.__class__ is date and low < value.year < high:
            return value
        return check(value)

    def quick_moment(value: object) -> object:
        if (
            isinstance(value, datetime)
            and value.__class__ is datetime
            and low < value.year < high
            and value.utcoffset() is not None
        ):
            return value
        return check(value)

    return quick_moment if cls is datetime else quick_day


def _aware(check: _Check) -> _Check:
    """A datetime argument has a zone: time is always aware here."""

    def aware(value: object) -> object:
        moment = check(value)
        assert isinstance(moment, datetime)
        if moment.utcoffset() is None:
            error = NaiveDatetimeError(
                reason=Label(
                    da="tidspunktet har ingen tidszone; learnmeet tager kun imod "
                    "tidspunkter med tidszone",
                    en="the datetime has no time zone; learnmeet only accepts "
                    "aware datetimes",
                ),
                fix=Label(
                    da="giv det tzinfo=ZoneInfo('Europe/Copenhagen')",
                    en="give it tzinfo=ZoneInfo('Europe/Copenhagen')",
                ),
            )
            raise _RefusedError(error.reason, value, error)
        return moment

    return aware


def _a_region(check: _Check) -> _Check:
    """A zone argument is one a meeting may be in: a region's, or UTC."""

    def region(value: object) -> object:
        zone = check(value)
        assert isinstance(zone, ZoneInfo)
        refusal = zone_refusal(zone)
        if refusal is not None:
            reason, fix = refusal
            raise _RefusedError(
                reason, value, InvalidValueError(reason=reason, fix=fix)
            )
        return zone

    return region


def _in_range(check: _Check) -> _Check:
    """A date or datetime argument lies in the years the model holds.

    The same years as a meeting's time (``year_problem``), in the value's own
    local time, as the model reads them: 1900-01-01 00:00 in Copenhagen is
    held, though it is 1899 in UTC. The years lie a whole year inside
    Python's, so no computation on such a value (an end, a window, a
    calendar) leaves Python's range.
    """

    def in_range(value: object) -> object:
        day = check(value)
        assert isinstance(day, date)
        problem = year_problem(day.year)
        if problem is not None:
            error = InvalidValueError(reason=problem[0], fix=problem[1])
            raise _RefusedError(problem[0], value, error)
        return day

    return in_range


def _instance(cls: type[Any] | tuple[type[Any], ...], expected: Label) -> _Compiled:
    exact = cls if isinstance(cls, type) else None
    whole = cls is bool

    def fits(value: object) -> bool:
        # A bool is an int to Python, never a count or a number here.
        return value.__class__ is exact or (
            isinstance(value, cls) and (whole or not isinstance(value, bool))
        )

    return _Compiled(fits, _checking(fits, expected))


def _checking(fits: Callable[[object], bool], expected: Label) -> _Check:
    def check(value: object) -> object:
        if fits(value):
            return value
        raise _RefusedError(expected, value)

    return check


def _union(members: list[_Compiled], hint: object) -> _Compiled:
    expected = _describe(hint)

    exact = frozenset().union(*(member.exact for member in members))

    def fits(value: object) -> bool:
        return value.__class__ in exact or any(
            member.shape(value) for member in members
        )

    def union(value: object) -> object:
        if value.__class__ in exact:
            return value
        for member in members:
            if member.shape(value):
                return member.check(value)
        raise _RefusedError(expected, value)

    return _Compiled(fits, union, exact)


def _literal(values: tuple[object, ...]) -> _Check:
    expected = _describe(Literal[values])

    def literal(value: object) -> object:
        if any(value == allowed and type(value) is type(allowed) for allowed in values):
            return value
        raise _RefusedError(expected, value)

    return literal


def _is_collection(value: object) -> bool:
    return value.__class__ in (list, tuple) or (
        isinstance(value, abc.Iterable)
        and not isinstance(value, (str, bytes, bytearray, abc.Mapping))
    )


def _collection(member: _Compiled, expected: Label) -> _Compiled:
    exact, item = member.exact, member.check

    def collection(value: object) -> object:
        if not _is_collection(value):
            raise _RefusedError(expected, value)
        items: tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
        if all(each.__class__ in exact for each in items):
            return items
        out = []
        for index, each in enumerate(items):
            try:
                out.append(item(each))
            except _RefusedError as refused:
                refused.path.append(index)
                raise
        same = all(a is b for a, b in zip(out, items, strict=True))
        return items if same else tuple(out)

    return _Compiled(_is_collection, collection)


def _fixed_tuple(members: list[_Compiled], hint: object) -> _Compiled:
    expected = _describe(hint)
    size = len(members)
    checks = [member.check for member in members]
    exacts = [member.exact for member in members]

    def fits(value: object) -> bool:
        return _is_collection(value)

    def fixed(value: object) -> object:
        if not _is_collection(value):
            raise _RefusedError(expected, value)
        items: tuple[object, ...] = tuple(value)  # type: ignore[arg-type]
        if len(items) != size:
            raise _RefusedError(expected, value)
        if all(
            each.__class__ in exact for each, exact in zip(items, exacts, strict=True)
        ):
            return items
        out = []
        for index, (check, each) in enumerate(zip(checks, items, strict=True)):
            try:
                out.append(check(each))
            except _RefusedError as refused:
                refused.path.append(index)
                raise
        return tuple(out)

    return _Compiled(fits, fixed)


def _mapping(key: _Check, value_check: _Check, hint: object) -> _Compiled:
    expected = _describe(hint)

    def mapping(value: object) -> object:
        if not isinstance(value, abc.Mapping):
            raise _RefusedError(expected, value)
        for name, inner in value.items():
            try:
                key(name)
            except _RefusedError as refused:
                raise _RefusedError(expected, value) from refused
            try:
                value_check(inner)
            except _RefusedError as refused:
                refused.path.append(name if isinstance(name, (str, int)) else str(name))
                raise
        return value

    return _Compiled(lambda value: isinstance(value, abc.Mapping), mapping)


# -- what an annotation allows, in words -----------------------------------------------


def _describe(hint: object) -> Label:
    """What *hint* allows, in Danish and English: ``a collection of Meeting``."""
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if hint is None or hint is type(None):
        return Label(da="None", en="None")
    if origin in (typing.Union, types.UnionType):
        parts = [_describe(argument) for argument in arguments]
        return Label(
            da=" eller ".join(part.da for part in parts),
            en=" or ".join(part.en for part in parts),
        )
    if origin is type:
        return Label(da="en klasse", en="a class")
    if origin is Literal:
        shown = ", ".join(repr(argument) for argument in arguments)
        return Label(da=f"en af {shown}", en=f"one of {shown}")
    if origin is tuple and not (len(arguments) == 2 and arguments[1] is Ellipsis):
        parts = [_describe(argument) for argument in arguments]
        return Label(
            da=f"et par ({', '.join(part.da for part in parts)})",
            en=f"a pair ({', '.join(part.en for part in parts)})",
        )
    if origin in (tuple, abc.Iterable, abc.Sequence, abc.Collection):
        item = _describe(arguments[0])
        return Label(da=f"en samling af {item.da}", en=f"a collection of {item.en}")
    if origin is abc.Mapping:
        key, value = (_describe(argument) for argument in arguments)
        return Label(
            da=f"en ordbog fra {key.da} til {value.da}",
            en=f"a mapping from {key.en} to {value.en}",
        )
    if hint is float:
        return Label(da="et tal", en="a number")
    if hint is int:
        return Label(da="et helt tal", en="a whole number")
    name = getattr(hint, "__name__", str(hint))
    return Label(da=name, en=name)


# -- values in range ------------------------------------------------------------------


def expect_count(
    value: int, *, where: str, name: str, least: int = 0, most: int | None = None
) -> None:
    """Refuse a whole-number argument outside *least* to *most*.

    Its type is checked by :func:`checked`, from the annotation; this checks
    the range the annotation cannot say.

    Raises:
        InvalidValueError: *value* is outside the range; the path names the
            argument.
    """
    if value < least or (most is not None and value > most):
        span = (
            Label(da=f"fra {least} til {most}", en=f"from {least} to {most}")
            if most is not None
            else Label(da=f"på {least} eller mere", en=f"of {least} or more")
        )
        got = shown(value)
        raise InvalidValueError(
            reason=Label(
                da=f"{name} skal være et helt tal {span.da}, fik {got.da}",
                en=f"{name} must be a whole number {span.en}, got {got.en}",
            ),
            fix=Label(
                da=f"giv {name} et helt tal {span.da}",
                en=f"give {name} a whole number {span.en}",
            ),
            where=where,
            path=(name,),
        )
