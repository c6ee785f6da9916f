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
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, NoReturn, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from learnmeet.exceptions import (
    MAX_TEXT,
    InvalidValueError,
    Label,
    NaiveDatetimeError,
    PathKey,
    SkippedTimeError,
    WrongTypeError,
    refuse_personal_data,
    shown,
    text_refusal,
    type_shown,
)

__all__ = [
    "COPENHAGEN",
    "FIRST_YEAR",
    "LAST_YEAR",
    "LONGEST",
    "REGION_AREAS",
    "UTC_NAMES",
    "a_callable",
    "a_date",
    "a_number",
    "aware_datetime",
    "each",
    "end_refusal",
    "ends_in_the_years",
    "entries",
    "identifier",
    "instance_of",
    "joined_id",
    "load_zone",
    "non_negative_int",
    "optional",
    "optional_identifier",
    "pair",
    "positive_duration",
    "refuse",
    "safe_text",
    "time_refusal",
    "to_dict",
    "to_frozenset",
    "to_tuple",
    "unique",
    "usual_duration",
    "usual_identifier",
    "usual_text",
    "usual_time",
    "year_problem",
    "zone_problem",
]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
"""The default time zone of the library: ``Europe/Copenhagen``."""

_MAX_IDENTIFIER = 200
_MAX_TEXT = MAX_TEXT  # the same for free text as for a Label's texts
_CPR_LENGTH = 10  # the fewest characters a CPR number can have
_ZERO = timedelta(0)
_MINUTE = timedelta(minutes=1)

_Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def refuse(
    error: type[InvalidValueError],
    instance: object,
    attribute: attrs.Attribute[Any],
    *,
    reason: Label,
    fix: Label,
) -> InvalidValueError:
    """Make *error* for the value of *attribute* of *instance*'s class.

    Its path is ``<Class>.<attribute>``; :func:`each` adds the index of an
    item, and the JSON reader the document's path in front.
    """
    return error(
        reason=reason, fix=fix, where=type(instance).__name__, path=(attribute.name,)
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
        reason=error.reason, fix=error.fix, where=error.where, path=(head, index, *rest)
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


def _zone_name(tz: tzinfo | None) -> str:
    return getattr(tz, "key", None) or str(tz)


FIRST_YEAR = 1900
"""The first year of the datetimes learnmeet accepts (local time)."""

LAST_YEAR = 9998
"""The last year of the datetimes learnmeet accepts (local time).

A year short of Python's last (9999), so that an end a week later, the
iCalendar time zone of the year after, and a day's margin around a window
all stay inside what :class:`datetime.datetime` can hold.
"""

LONGEST = timedelta(days=7)
"""The longest duration learnmeet accepts: a week."""

REGION_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
"""The areas of the IANA zones named after a region (``Europe/Copenhagen``).

Any other name — an abbreviation (``CET``, ``EST``), a legacy link (``GMT``,
``UCT``, ``US/Eastern``, ``Poland``) or an ``Etc/`` zone — names no region,
and calendar programs read some of them as a fixed offset all year; only
``UTC`` and its canonical IANA name ``Etc/UTC`` are taken besides the regions'.
"""

UTC_NAMES = frozenset({"UTC", "Etc/UTC"})
"""The names of UTC that are kept: ``UTC`` and IANA's canonical ``Etc/UTC``."""

_WRITE_A_ZONE = Label(
    da="brug en regions IANA-zone som ZoneInfo('Europe/Copenhagen'), eller 'UTC'",
    en="use a region's IANA zone such as ZoneInfo('Europe/Copenhagen'), or 'UTC'",
)

_Refusal = tuple[type[InvalidValueError], Label, Label]


def _is_region(key: str | None) -> bool:
    if key is None:
        return False
    area, _, place = key.partition("/")
    return area in REGION_AREAS and bool(place)


def zone_problem(key: str | None) -> Label | None:
    """Why the IANA zone named *key* may not be kept, or ``None`` when it may.

    A zone is kept by its name (in JSON and as iCalendar's TZID), so it must
    have one, and it must be a region's zone (an area of
    :data:`REGION_AREAS` and a place, ``Europe/Copenhagen``) or UTC
    (:data:`UTC_NAMES`: ``UTC`` or ``Etc/UTC``).
    """
    if key is None:
        return Label(
            da="tidszonen har intet IANA-navn (den er læst fra en fil), så JSON "
            "og iCalendar kan ikke nævne den",
            en="the time zone has no IANA name (it was read from a file), so "
            "JSON and iCalendar cannot name it",
        )
    if key in UTC_NAMES or _is_region(key):
        return None
    name = shown(key)
    return Label(
        da=f"tidszonen {name.da} er en forkortelse eller et forældet navn, ikke en "
        "regions zone; kalenderprogrammer læser den som en fast forskydning",
        en=f"time zone {name.en} is an abbreviation or a legacy name, not a "
        "region's zone; calendar programs read it as a fixed offset",
    )


def zone_refusal(zone: ZoneInfo) -> tuple[Label, Label] | None:
    """Why *zone* may not be used, and the fix; ``None`` when it may.

    The rule of :func:`zone_problem`, for a zone given as an argument.
    """
    problem = zone_problem(zone.key)
    return None if problem is None else (problem, _WRITE_A_ZONE)


_LONGEST_ZONE = 100  # IANA's longest name has 32 characters


def _zone_called(key: str) -> Label:
    """The zone name *key* as a message may show it (never a file path)."""
    if len(key) <= _LONGEST_ZONE:
        return shown(key)
    return Label(da=f"på {len(key)} tegn", en=f"of {len(key)} characters")


def load_zone(
    key: str,
    *,
    fix: Label,
    error: type[InvalidValueError] = InvalidValueError,
    where: str = "",
    path: tuple[PathKey, ...] = (),
) -> ZoneInfo:
    """The IANA zone named *key* in input, or the library's refusal.

    The one place a zone name read from input (JSON, iCalendar) becomes a
    :class:`~zoneinfo.ZoneInfo`. A name that is too long, not a zone (a
    folder such as ``Europe``, a file that is no zone) or unknown is refused
    as an unknown zone, without touching the file system for a name longer
    than any zone's, and without a file path in the message; a zone
    :func:`zone_problem` refuses (``CET``) is refused with why.

    Args:
        key: The name as written.
        fix: How to write a zone where the name was read, e.g.
            ``'[Europe/Copenhagen]'`` in JSON.
        error: The error to raise.
        where: What the error's path starts from.
        path: The error's path.

    Raises:
        InvalidValueError: *error*, with *where* and *path*.
    """
    zone: ZoneInfo | None = None
    if len(key) <= _LONGEST_ZONE:
        try:
            zone = ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # Unknown, not a normalised name, a folder, or a file the
            # system will not read: not a zone learnmeet can keep.
            zone = None
    if zone is None:
        name = _zone_called(key)
        raise error(
            reason=Label(
                da=f"ukendt tidszone {name.da}", en=f"unknown time zone {name.en}"
            ),
            fix=fix,
            where=where,
            path=path,
        )
    problem = zone_problem(zone.key)
    if problem is not None:
        raise error(reason=problem, fix=fix, where=where, path=path)
    return zone


def year_problem(year: int) -> tuple[Label, Label] | None:
    """Why a time in *year* may not be held, and the fix; ``None`` if it may."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return (
        Label(
            da=f"år {year} ligger uden for de år, learnmeet tager imod "
            f"({FIRST_YEAR}-{LAST_YEAR})",
            en=f"year {year} is outside the years learnmeet accepts "
            f"({FIRST_YEAR}-{LAST_YEAR})",
        ),
        Label(
            da=f"giv et tidspunkt fra {FIRST_YEAR}-01-01 til {LAST_YEAR}-12-31",
            en=f"give a time from {FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31",
        ),
    )


def time_refusal(value: datetime) -> _Refusal | None:
    """Why the aware *value* may not be held, or ``None`` when it may.

    The checks of :func:`aware_datetime` after the type: the zone, the year,
    the offset and the spring-forward gap. Returned rather than raised, so the
    JSON reader refuses a datetime with the same words as construction does.
    """
    zone = value.tzinfo
    if isinstance(zone, ZoneInfo):
        problem = zone_problem(zone.key)
        if problem is not None:
            return InvalidValueError, problem, _WRITE_A_ZONE
    outside = year_problem(value.year)
    if outside is not None:
        return (InvalidValueError, *outside)
    offset = value.utcoffset()
    if offset is not None and offset % _MINUTE:
        shown_offset = _offset_text(offset)
        return (
            InvalidValueError,
            Label(
                da=f"UTC-forskydningen {shown_offset} er ikke et helt antal "
                "minutter (lokal middeltid, fra før tidszonerne); RFC 3339 og "
                "JSON kan ikke skrive den",
                en=f"the UTC offset {shown_offset} is not a whole number of "
                "minutes (local mean time, from before time zones); RFC 3339 "
                "and JSON cannot write it",
            ),
            Label(
                da="giv et tidspunkt, hvor zonen har en forskydning i hele "
                "minutter (i Europe/Copenhagen fra 1894), eller en "
                "datetime.timezone i hele minutter",
                en="give a time at which the zone's offset is whole minutes "
                "(in Europe/Copenhagen from 1894 on), or a datetime.timezone "
                "of whole minutes",
            ),
        )
    if isinstance(zone, ZoneInfo):
        # A local time in the spring-forward gap does not survive a trip to UTC
        # and back unchanged: it never happens on a wall clock.
        there_and_back = value.astimezone(timezone.utc).astimezone(zone)
        if there_and_back.replace(tzinfo=None) != value.replace(tzinfo=None):
            local = value.replace(tzinfo=None).isoformat()
            instead = there_and_back.replace(tzinfo=None).isoformat()
            return (
                SkippedTimeError,
                Label(
                    da=f"{local} findes ikke i {zone.key} (uret springer over "
                    "det ved overgang til sommertid)",
                    en=f"{local} does not exist in {zone.key} (the clocks "
                    "skip it for daylight saving time)",
                ),
                Label(da=f"brug {instead} i stedet", en=f"use {instead} instead"),
            )
    return None


def _offset_text(offset: timedelta) -> str:
    sign = "-" if offset < _ZERO else "+"
    seconds = int(abs(offset).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}"


def usual_time(value: object) -> bool:
    """Whether *value* is the usual datetime :func:`aware_datetime` takes.

    The usual case, checked cheaply: a datetime in a region's IANA zone, a
    year in range, an offset of whole minutes, and a local time with one
    offset whichever fold it is read with — so neither in the spring-forward
    gap nor in the repeated autumn hour. ``False`` does not mean refused:
    anything else takes the full checks.

    Asked of the zone directly (``zone.utcoffset``), and the other fold made
    with the constructor rather than ``replace()``: a third of the time, with
    nothing remembered between calls.
    """
    if value.__class__ is not datetime:
        return False
    moment: datetime = value
    zone = moment.tzinfo
    if zone.__class__ is not ZoneInfo:
        return False
    if not (FIRST_YEAR <= moment.year <= LAST_YEAR and _is_region(zone.key)):
        return False
    offset = zone.utcoffset(moment)
    if offset is None or offset.seconds % 60 or offset.microseconds:
        return False
    other = datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        zone,
        fold=1 - moment.fold,
    )
    return zone.utcoffset(other) == offset


_AWARE_FIX = Label(
    da="giv et datetime med tzinfo=ZoneInfo('Europe/Copenhagen')",
    en="pass a datetime with tzinfo=ZoneInfo('Europe/Copenhagen')",
)


def aware_datetime(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse anything but an aware datetime learnmeet can keep and write.

    Accepted is a :class:`~datetime.datetime`

    * with a zone: a region's IANA zone as :class:`zoneinfo.ZoneInfo`
      (``Europe/Copenhagen``; or ``UTC``, ``Etc/UTC``), which JSON and
      iCalendar keep by name, or a fixed :class:`datetime.timezone`.
      Abbreviations and legacy names (``CET``, ``EST``, ``GMT``, ``UCT``,
      ``US/Eastern``, the other ``Etc/...`` zones) are refused: they name no
      region, and calendar programs read some of them as a fixed offset all
      year;
    * in the years :data:`FIRST_YEAR` to :data:`LAST_YEAR` (1900-9998) of its
      own local time, in which its end (up to :data:`LONGEST` later), its JSON
      and its iCalendar form can always be computed;
    * at a UTC offset of whole minutes, as RFC 3339 writes offsets (local
      mean time such as Copenhagen's ``+00:50:20`` before 1894 is not);
    * at a local time that exists: one in the spring-forward gap is refused
      (:class:`~learnmeet.exceptions.SkippedTimeError`) with the time to use;
      either of the two times of the autumn's repeated hour is taken, told
      apart by ``fold``.

    Raises:
        WrongTypeError: *value* is not a datetime.
        NaiveDatetimeError: *value* has no zone.
        InvalidValueError: The zone, the year or the offset is refused.
        SkippedTimeError: The local time falls in a spring-forward gap.
    """
    if usual_time(value):
        return
    if not isinstance(value, datetime):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede et tidspunkt (datetime), fik {_type_name(value)}",
                en=f"expected a datetime, got {_type_name(value)}",
            ),
            fix=_AWARE_FIX,
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise refuse(
            NaiveDatetimeError,
            instance,
            attribute,
            reason=Label(
                da=f"{datetime.isoformat(value)} har ingen tidszone; learnmeet "
                "tager kun imod tidspunkter med tidszone",
                en=f"{datetime.isoformat(value)} has no time zone; learnmeet only "
                "accepts aware datetimes",
            ),
            fix=Label(
                da="tilføj tzinfo=ZoneInfo('Europe/Copenhagen')",
                en="add tzinfo=ZoneInfo('Europe/Copenhagen')",
            ),
        )
    if not isinstance(value.tzinfo, (ZoneInfo, timezone)):
        zone_type = _type_name(value.tzinfo)
        zone = shown(_zone_name(value.tzinfo))
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"tidszonen {zone.da} er af typen {zone_type}, som learnmeet "
                "ikke kan gemme",
                en=f"time zone {zone.en} is of type {zone_type}, which learnmeet "
                "cannot keep",
            ),
            fix=Label(
                da="brug zoneinfo.ZoneInfo (en IANA-zone, fx 'Europe/Copenhagen') "
                "eller datetime.timezone",
                en="use zoneinfo.ZoneInfo (an IANA zone such as "
                "'Europe/Copenhagen') or datetime.timezone",
            ),
        )
    refusal = time_refusal(value)
    if refusal is not None:
        error, reason, fix = refusal
        raise refuse(error, instance, attribute, reason=reason, fix=fix)


def a_date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a calendar date in the model's years.

    A datetime is not a date here; the years are :data:`FIRST_YEAR` to
    :data:`LAST_YEAR`, as for a meeting's time.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        outside = year_problem(value.year)
        if outside is not None:
            reason, fix = outside
            raise refuse(InvalidValueError, instance, attribute, reason=reason, fix=fix)
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en dato, fik {_type_name(value)}",
                en=f"expected a date, got {_type_name(value)}",
            ),
            fix=Label(
                da="giv en datetime.date som date(2026, 3, 1)",
                en="pass a datetime.date such as date(2026, 3, 1)",
            ),
        )


_DURATION_FIX = Label(
    da="giv en varighed som timedelta(minutes=90)",
    en="pass a duration such as timedelta(minutes=90)",
)


def usual_duration(value: object) -> bool:
    """Whether :func:`positive_duration` takes *value*, told without raising."""
    if value.__class__ is not timedelta:
        return False
    span: timedelta = value
    # Whole minutes: no microseconds, and seconds (within the day) by 60.
    return _ZERO < span <= LONGEST and not span.microseconds and not span.seconds % 60


def positive_duration(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse durations that are not whole minutes from one minute to a week.

    The longest is :data:`LONGEST` (seven days): a meeting or a course day
    lasts hours, and a bound keeps every end inside the datetimes Python can
    hold (see :func:`aware_datetime`).

    Raises:
        WrongTypeError: *value* is not a timedelta.
        InvalidValueError: It is not positive, not whole minutes, or longer
            than a week.
    """
    if usual_duration(value):
        return
    if not isinstance(value, timedelta):
        raise refuse(
            WrongTypeError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en varighed (timedelta), fik {_type_name(value)}",
                en=f"expected a timedelta, got {_type_name(value)}",
            ),
            fix=_DURATION_FIX,
        )
    if value > LONGEST:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"en varighed er højst {LONGEST.days} dage, fik {value}",
                en=f"a duration is at most {LONGEST.days} days, got {value}",
            ),
            fix=Label(
                da="del et længere forløb op i møder på højst en uge",
                en="split a longer event into meetings of a week or less",
            ),
        )
    raise refuse(
        InvalidValueError,
        instance,
        attribute,
        reason=Label(
            da=f"en varighed skal være et positivt helt antal minutter, fik {value}",
            en=f"a duration must be a positive whole number of minutes, got {value}",
        ),
        fix=_DURATION_FIX,
    )


def end_refusal(start: datetime, duration: timedelta) -> tuple[Label, Label] | None:
    """Why something from *start* lasting *duration* cannot be held, and the fix.

    Its end, *duration* of elapsed time after *start* in *start*'s zone, must
    lie in the years too (:data:`FIRST_YEAR` to :data:`LAST_YEAR`): a
    meeting, a course session or a forum's meeting that starts late in
    9998 may not end in 9999, where busy time, slots and plans could not
    hold it. ``None`` when it can be held.
    """
    if start.year < LAST_YEAR and duration <= LONGEST:
        return None  # a week later is at most the last year
    end = (start.astimezone(timezone.utc) + duration).astimezone(start.tzinfo)
    if year_problem(end.year) is None:
        return None
    return (
        Label(
            da=f"det ville slutte {end.isoformat()}, i år {end.year}, uden for de "
            f"år, learnmeet tager imod ({FIRST_YEAR}-{LAST_YEAR})",
            en=f"it would end at {end.isoformat()}, in year {end.year}, outside the "
            f"years learnmeet accepts ({FIRST_YEAR}-{LAST_YEAR})",
        ),
        Label(
            da=f"lad det slutte senest {LAST_YEAR}-12-31 23:59 lokal tid: begynd "
            "tidligere, eller gør det kortere",
            en=f"let it end by {LAST_YEAR}-12-31 23:59 local time: start earlier, "
            "or make it shorter",
        ),
    )


def ends_in_the_years(start: str) -> _Validator:
    """Make a validator of a duration whose end, after the field *start*, is held.

    The field *start* must come before the duration's, so that it has passed
    its own checks (attrs runs the validators in the order of the fields).
    See :func:`end_refusal`.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        begins: datetime = getattr(instance, start)
        if begins.year < LAST_YEAR:
            return  # the usual case: a week later is at most the last year
        refusal = end_refusal(begins, value)
        if refusal is not None:
            reason, fix = refusal
            raise refuse(InvalidValueError, instance, attribute, reason=reason, fix=fix)

    return validate


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
    key: Callable[[Any], Hashable], *, what: Label
) -> Callable[[object, attrs.Attribute[Any], Iterable[Any]], None]:
    """Make a validator that refuses a collection in which *key* repeats.

    Args:
        key: What must not repeat, read from each item.
        what: What the key is, e.g. ``Label(da="personen", en="the person")``.
    """

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
                    fix=Label(da="skriv hver kun én gang", en="list each only once"),
                    where=type(instance).__name__,
                    path=(attribute.name, index),
                )
            seen.add(k)

    return validate
