"""Validators shared by the model's values.

Every validator raises an :class:`~learnmeet.exceptions.InvalidValueError`
subclass whose path starts at the class and attribute (``Meeting.start``), with
what is wrong and the fix in Danish and English. A refused text is never
repeated in the message: it may be personal data.

A collection field is converted by :func:`to_tuple`, :func:`to_frozenset` or
:func:`to_dict` and checked by :func:`each` (or :func:`entries` for a
mapping). A converter cannot know which class and field it is converting
for, so what it cannot convert — a text where a list is wanted, ``None``, a
number, a mapping where a list is wanted, a list where a mapping is — it
hands on with why, and the field's validator raises the refusal as
:class:`~learnmeet.exceptions.WrongTypeError` naming ``Class.field``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, NoReturn, TypeVar

import attrs

from learnmeet.exceptions import (
    MAX_TEXT,
    InvalidValueError,
    Label,
    PathKey,
    WrongTypeError,
    refuse_personal_data,
    shown,
    text_refusal,
    type_shown,
)

__all__ = [
    "a_callable",
    "a_number",
    "each",
    "entries",
    "identifier",
    "instance_of",
    "joined_id",
    "non_negative_int",
    "optional",
    "optional_identifier",
    "pair",
    "refuse",
    "safe_text",
    "to_dict",
    "to_frozenset",
    "to_tuple",
    "unique",
    "usual_identifier",
    "usual_text",
]


_MAX_IDENTIFIER = 200
_MAX_TEXT = MAX_TEXT  # the same for free text as for a Label's texts
_CPR_LENGTH = 10  # the fewest characters a CPR number can have

_Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def refuse(
    error: type[InvalidValueError],
    instance: object,
    attribute: attrs.Attribute[Any],
    *,
    reason: Label,
    fix: Label,
    file_fix: Label | None = None,
) -> InvalidValueError:
    """Make *error* for the value of *attribute* of *instance*'s class.

    Its path is ``<Class>.<attribute>``; :func:`each` adds the index of an
    item, and the JSON reader the document's path in front. *file_fix* says
    what to write in a file where *fix* speaks Python.
    """
    return error(
        reason=reason,
        fix=fix,
        where=type(instance).__name__,
        path=(attribute.name,),
        file_fix=file_fix,
    )


def _type_name(value: object) -> str:
    return type_shown(value)


def instance_of(*types: type[Any]) -> _Validator:
    """Make a validator that refuses values of any other type.

    Like :func:`attrs.validators.instance_of`, but raises
    :class:`~learnmeet.exceptions.WrongTypeError` (a ``LearnmeetError`` and a
    ``TypeError``) in both languages. ``bool`` never passes for ``int``.
    """
    names = " or ".join(t.__name__ for t in types)
    # The usual case is a value of exactly one of the types: one set look-up.
    # Anything else (a subclass, a wrong type, a bool for an int) takes the
    # full check below.
    exact = frozenset(types) - ({bool} if bool not in types else set())

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ in exact:
            return
        if not isinstance(value, types) or (
            isinstance(value, bool) and bool not in types
        ):
            raise refuse(
                WrongTypeError,
                instance,
                attribute,
                reason=Label(
                    da=f"forventede {names}, fik {_type_name(value)}",
                    en=f"expected {names}, got {_type_name(value)}",
                ),
                fix=Label(
                    da=f"giv en værdi af typen {names}",
                    en=f"pass a value of type {names}",
                ),
            )

    # each() and optional() read this to make the exact-class test themselves,
    # without a call per value; any other value still goes to the validator.
    setattr(validate, "exact", exact)  # noqa: B010
    return validate


def _at(error: InvalidValueError, index: PathKey) -> InvalidValueError:
    """The same error, one index (or key) deeper: ``Meeting.attendees[3]``."""
    head, *rest = error.path or ("",)
    return type(error)(
        reason=error.reason,
        fix=error.fix,
        where=error.where,
        path=(head, index, *rest),
        file_fix=error.file_fix,
    )


# -- collections: converted, then checked with the field's name -----------------

_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")


class _Unconverted:
    """What a converter could not convert, and why: its field's validator raises.

    *items* holds the items of a collection whose items could not be put in a
    set (a list among them, say), so that the validator can name the item.
    """

    __slots__ = ("fix", "items", "reason")

    def __init__(
        self, reason: Label, fix: Label, items: tuple[Any, ...] | None = None
    ) -> None:
        self.reason = reason
        self.fix = fix
        self.items = items


_A_COLLECTION = Label(
    da="en samling (en liste, tuple eller mængde)",
    en="a collection (a list, tuple or set)",
)
_GIVE_A_LIST = Label(
    da="giv en liste, fx [] for ingen", en="give a list, e.g. [] for none"
)


def _not_a_collection(value: object) -> _Unconverted | None:
    """Why *value* is not a collection of items, or ``None`` when it is."""
    name = _type_name(value)
    if isinstance(value, (str, bytes, bytearray)):
        return _Unconverted(
            Label(
                da=f"forventede {_A_COLLECTION.da}, fik {name}; en tekst er ikke "
                "en liste af sine tegn",
                en=f"expected {_A_COLLECTION.en}, got {name}; a text is not a "
                "list of its characters",
            ),
            Label(
                da="sæt værdien i en liste: [værdi]",
                en="put the value in a list: [value]",
            ),
        )
    if isinstance(value, Mapping):
        return _Unconverted(
            Label(
                da=f"forventede {_A_COLLECTION.da}, fik {name}, en afbildning; "
                "dens nøgler ville blive taget og dens værdier tabt",
                en=f"expected {_A_COLLECTION.en}, got {name}, a mapping; its keys "
                "would be taken and its values lost",
            ),
            Label(
                da="giv værdierne som en liste, fx list(afbildning.values())",
                en="give the values as a list, e.g. list(mapping.values())",
            ),
        )
    if not isinstance(value, Iterable):
        return _Unconverted(
            Label(
                da=f"forventede {_A_COLLECTION.da}, fik {name}",
                en=f"expected {_A_COLLECTION.en}, got {name}",
            ),
            _GIVE_A_LIST,
        )
    return None


def to_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """Convert a collection field's value to a tuple, in its order.

    Any iterable but a text, bytes or a mapping is taken (a generator is read
    once). Anything else is handed on unconverted, with why, for the field's
    :func:`each` to refuse with ``Class.field``.
    """
    if value.__class__ is tuple:
        return value
    if value.__class__ is list:
        return tuple(value)
    refused = _not_a_collection(value)
    if refused is not None:
        return refused  # type: ignore[return-value]
    return tuple(value)


def to_frozenset(value: Iterable[_T]) -> frozenset[_T]:
    """Convert a collection field's value to a frozenset.

    As :func:`to_tuple`; items that cannot be held in a set (a list among
    them) are handed on too, so that :func:`each` names the item.
    """
    if value.__class__ is frozenset:
        return value
    refused = _not_a_collection(value)
    if refused is not None:
        return refused  # type: ignore[return-value]
    items = tuple(value)
    try:
        return frozenset(items)
    except TypeError:  # an item that cannot be hashed
        return _Unconverted(  # type: ignore[return-value]
            Label(
                da="et element kan ikke være i en mængde (det kan ikke hashes)",
                en="an item cannot be held in a set (it cannot be hashed)",
            ),
            Label(
                da="giv elementer af den type, feltet tager",
                en="give items of the type the field takes",
            ),
            items,
        )


def to_dict(value: Mapping[_K, _V]) -> dict[_K, _V]:
    """Convert a mapping field's value to a dict of its own (a copy).

    Anything but a mapping is handed on unconverted, with why, for the
    field's :func:`entries` to refuse with ``Class.field``.
    """
    given: object = value  # anything may be given, whatever the annotation
    if isinstance(given, Mapping):
        return dict(given)
    name = _type_name(given)
    return _Unconverted(  # type: ignore[return-value]
        Label(
            da=f"forventede en afbildning (en dict), fik {name}",
            en=f"expected a mapping (a dict), got {name}",
        ),
        Label(da="giv en dict, fx {} for ingen", en="give a dict, e.g. {} for none"),
    )


def _unconverted(
    instance: object,
    attribute: attrs.Attribute[Any],
    value: object,
    expected: Label,
    check: Callable[[object, attrs.Attribute[Any], Any, Any], None] | None = None,
) -> NoReturn:
    """Refuse *value*, which is not the collection the field holds."""
    if isinstance(value, _Unconverted):
        if value.items is not None and check is not None:
            for item in value.items:  # name the item, if it is of a wrong type
                check(instance, attribute, value.items, item)
        raise refuse(
            WrongTypeError, instance, attribute, reason=value.reason, fix=value.fix
        )
    name = _type_name(value)
    raise refuse(
        WrongTypeError,
        instance,
        attribute,
        reason=Label(
            da=f"forventede {expected.da}, fik {name}",
            en=f"expected {expected.en}, got {name}",
        ),
        fix=Label(
            da=f"giv {expected.da}",
            en=f"give {expected.en}",
        ),
    )


_HELD = (tuple, frozenset)
_A_TUPLE = Label(da="en tuple", en="a tuple")


def each(
    validator: _Validator,
) -> Callable[[object, attrs.Attribute[Any], Iterable[Any]], None]:
    """Make a validator that applies *validator* to every item of a collection.

    The collection is a tuple or frozenset — a field's, converted by
    :func:`to_tuple` or :func:`to_frozenset`, or one inside another value.
    What the converter could not convert, or anything else, is refused with
    :class:`~learnmeet.exceptions.WrongTypeError` naming the field. An
    error names the item's index in its path.
    """
    exact: frozenset[type[Any]] | None = getattr(validator, "exact", None)

    def check(
        instance: object,
        attribute: attrs.Attribute[Any],
        value: Iterable[Any],
        item: Any,
    ) -> None:
        try:
            validator(instance, attribute, item)
        except InvalidValueError as error:
            if isinstance(value, (set, frozenset)):
                raise  # a set has no order, so no index to name
            # Only a refusal pays for finding the index.
            index = next(i for i, other in enumerate(value) if other is item)
            raise _at(error, index) from None

    if exact is not None:

        def validate_types(
            instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]
        ) -> None:
            if value.__class__ not in _HELD and not isinstance(value, _HELD):
                _unconverted(instance, attribute, value, _A_TUPLE, check)
            for item in value:
                if item.__class__ not in exact:
                    check(instance, attribute, value, item)

        return validate_types

    def validate(
        instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]
    ) -> None:
        if value.__class__ not in _HELD and not isinstance(value, _HELD):
            _unconverted(instance, attribute, value, _A_TUPLE, check)
        for item in value:
            check(instance, attribute, value, item)

    return validate


def entries(
    key: _Validator, value: _Validator
) -> Callable[[object, attrs.Attribute[Any], Mapping[Any, Any]], None]:
    """Make a validator of a mapping field converted by :func:`to_dict`.

    Every key is checked with *key* (an error names the field alone: a key
    refused is not repeated), every value with *value* (an error names the
    key: ``RuleContext.working_hours['u-1']``).
    """

    def validate(
        instance: object, attribute: attrs.Attribute[Any], mapping: Mapping[Any, Any]
    ) -> None:
        if mapping.__class__ is not dict and not isinstance(mapping, Mapping):
            _unconverted(
                instance,
                attribute,
                mapping,
                Label(da="en afbildning (en dict)", en="a mapping (a dict)"),
            )
        for name, item in mapping.items():
            key(instance, attribute, name)
            try:
                value(instance, attribute, item)
            except InvalidValueError as error:
                raise _at(error, name) from None

    return validate


def pair(first: _Validator, second: _Validator) -> _Validator:
    """Make a validator of a pair (a tuple of two), each part checked.

    An error names the part's index, 0 or 1, in its path.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple) or len(value) != 2:
            _unconverted(
                instance,
                attribute,
                value,
                Label(da="et par (en tuple af to)", en="a pair (a tuple of two)"),
            )
        for index, (validator, part) in enumerate(
            zip((first, second), value, strict=True)
        ):
            try:
                validator(instance, attribute, part)
            except InvalidValueError as error:
                raise _at(error, index) from None

    return validate


def a_callable(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything that cannot be called (a rule's check, say)."""
    if not callable(value):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en funktion, fik {_type_name(value)}",
                en=f"expected a function, got {_type_name(value)}",
            ),
            fix=Label(
                da="giv en funktion, der kan kaldes",
                en="give a function that can be called",
            ),
        )


def a_number(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but an ``int`` or a ``float`` (not a ``bool``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede et tal, fik {_type_name(value)}",
                en=f"expected a number, got {_type_name(value)}",
            ),
            fix=Label(da="giv et tal som 0.5", en="give a number such as 0.5"),
        )


def optional(validator: _Validator) -> _Validator:
    """Make a validator that lets ``None`` through and checks anything else.

    Like :func:`attrs.validators.optional`, without its call overhead on the
    common values.
    """
    exact: frozenset[type[Any]] | None = getattr(validator, "exact", None)
    if exact is not None:

        def validate_type(
            instance: object, attribute: attrs.Attribute[Any], value: Any
        ) -> None:
            if value is not None and value.__class__ not in exact:
                validator(instance, attribute, value)

        return validate_type

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return validate


def _refuse_text(instance: object, attribute: attrs.Attribute[Any], text: str) -> None:
    if len(text) < _CPR_LENGTH and text.isascii() and text.isprintable():
        return  # too short for a CPR number, and no character to refuse
    refuse_personal_data(text, where=type(instance).__name__, path=(attribute.name,))


def _identifier_problem(value: object) -> Label | None:
    if not isinstance(value, str):
        return Label(
            da=f"en identifikator skal være en tekst, ikke {_type_name(value)}",
            en=f"an identifier must be a string, not {_type_name(value)}",
        )
    if not value.strip():
        return Label(
            da="en identifikator må ikke være tom",
            en="an identifier must not be empty",
        )
    if value != value.strip():
        return Label(
            da="en identifikator må ikke have mellemrum før eller efter",
            en="an identifier must not have spaces before or after it",
        )
    if len(value) > _MAX_IDENTIFIER:
        return Label(
            da=f"en identifikator har højst {_MAX_IDENTIFIER} tegn, "
            f"denne har {len(value)}",
            en=f"an identifier has at most {_MAX_IDENTIFIER} characters, "
            f"this one has {len(value)}",
        )
    return None


def usual_identifier(value: object) -> bool:
    """Whether :func:`identifier` takes *value*, told without raising.

    A short ASCII code (``"p-0001"``), the usual identifier, costs no call;
    anything else takes the full checks. The fused constructors
    (:class:`~learnmeet.Meeting`) ask this before they set a field.
    """
    if type(value) is not str:  # not __class__, which a mock can fake
        return False  # a str subclass, or no text: the validator decides
    text: str = value
    if len(text) < _CPR_LENGTH and text.isascii() and text.isprintable():
        # Printable ASCII has one space character: no other to strip.
        return text != "" and text[0] != " " and text[-1] != " "
    return _identifier_problem(text) is None and text_refusal(text) is None


def usual_text(value: object) -> bool:
    """Whether :func:`safe_text` takes *value*, told without raising."""
    if type(value) is not str:
        return False
    text: str = value
    if len(text) < _CPR_LENGTH and text.isascii() and text.isprintable():
        return True
    return len(text) <= _MAX_TEXT and text_refusal(text) is None


def identifier(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a short, non-blank, CPR-free identifier."""
    if usual_identifier(value):
        return
    problem = _identifier_problem(value)
    if problem is not None:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=problem,
            fix=Label(
                da="brug en kort kode som 'p-0001'",
                en="use a short code such as 'p-0001'",
            ),
        )
    _refuse_text(instance, attribute, value)


def joined_id(*parts: str) -> str:
    """An identifier made of *parts* joined by ``-``, within the length limit.

    The planners make a meeting's id from what the meeting is (a forum's id
    and a day, a case's id and a format); when the parts are too long for an
    identifier, the end is replaced by a digest of the whole, so two
    different joins still give two different ids.
    """
    whole = "-".join(parts)
    if len(whole) <= _MAX_IDENTIFIER:
        return whole
    digest = hashlib.blake2b(whole.encode(), digest_size=8).hexdigest()
    return f"{whole[: _MAX_IDENTIFIER - len(digest) - 1].rstrip()}-{digest}"


def optional_identifier(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Like :func:`identifier`, but ``None`` is allowed."""
    if value is not None:
        identifier(instance, attribute, value)


def safe_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse free text that is not a string, is too long or holds a CPR number."""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        got = (
            Label(da=f"{len(value)} tegn", en=f"{len(value)} characters")
            if isinstance(value, str)
            else Label(da=_type_name(value), en=_type_name(value))
        )
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en tekst på højst {_MAX_TEXT} tegn, fik {got.da}",
                en=f"expected a text of at most {_MAX_TEXT} characters, got {got.en}",
            ),
            fix=Label(da="giv en kortere tekst", en="give a shorter text"),
        )
    _refuse_text(instance, attribute, value)


def non_negative_int(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse anything but an ``int`` (not a ``bool``) that is zero or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        got = (
            shown(value)
            if isinstance(value, int) and not isinstance(value, bool)
            else Label(da=_type_name(value), en=_type_name(value))
        )
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede et helt tal på 0 eller mere, fik {got.da}",
                en=f"expected a whole number of 0 or more, got {got.en}",
            ),
            fix=Label(da="giv et helt tal som 2", en="give a whole number such as 2"),
        )


def unique(
    key: Callable[[Any], Hashable], *, what: Label, fix: Label | None = None
) -> Callable[[object, attrs.Attribute[Any], Iterable[Any]], None]:
    """Make a validator that refuses a collection in which *key* repeats.

    Args:
        key: What must not repeat, read from each item.
        what: What the key is, e.g. ``Label(da="personen", en="the person")``.
        fix: What to do about it, if more than listing each once.
    """
    told = fix or Label(da="skriv hver kun én gang", en="list each only once")

    def validate(
        instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]
    ) -> None:
        seen: set[Hashable] = set()
        for index, item in enumerate(value):
            k = key(item)
            if k in seen:
                raise InvalidValueError(
                    reason=Label(
                        da=f"{what.da} {shown(k).da} står der to gange",
                        en=f"{what.en} {shown(k).en} is listed twice",
                    ),
                    fix=told,
                    where=type(instance).__name__,
                    path=(attribute.name, index),
                )
            seen.add(k)

    return validate
