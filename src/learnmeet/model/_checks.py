"""Validators shared by the model's values.

Every validator raises an :class:`~learnmeet.exceptions.InvalidValueError` subclass
naming the class and attribute, in English and Danish, with a fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.exceptions import (
    InvalidValueError,
    NaiveDatetimeError,
    PersonalDataError,
    SkippedTimeError,
    WrongTypeError,
)

__all__ = [
    "COPENHAGEN",
    "a_date",
    "aware_datetime",
    "each",
    "identifier",
    "instance_of",
    "looks_like_cpr",
    "non_negative_int",
    "optional",
    "optional_identifier",
    "positive_duration",
    "safe_text",
    "unique",
]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
"""The default time zone of the library: ``Europe/Copenhagen``."""

# Six digits that form a valid day and month, an optional dash or space, four
# digits, with no further digit on either side: the shape of a Danish CPR number.
_CPR = re.compile(
    r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})[-\s]?(\d{4})(?!\d)"
)
_MAX_IDENTIFIER = 200
_MAX_TEXT = 10_000
_ZERO = timedelta(0)
_MINUTE = timedelta(minutes=1)


def looks_like_cpr(text: str) -> bool:
    """Tell whether *text* contains something shaped like a Danish CPR number.

    >>> looks_like_cpr("borger B-017")
    False
    >>> looks_like_cpr("010203-1234")
    True

    .. versionadded:: 0.1.0
    """
    return _CPR.search(text) is not None


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def instance_of(
    *types: type[Any],
) -> Callable[[object, attrs.Attribute[Any], Any], None]:
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
            where = _where(instance, attribute)
            raise WrongTypeError(
                f"{where}: expected {names}, got {type(value).__name__}",
                f"{where}: forventede {names}, fik {type(value).__name__}",
                field=attribute.name,
                fix=f"pass a {names}",
            )

    _EXACT[validate] = exact
    return validate


_Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]

# The exact classes each instance_of validator lets through at once, so that
# each() and optional() can make that test themselves, without a call per
# value; any other value still goes to the validator, which says what is
# wrong exactly as it would on its own.
_EXACT: dict[_Validator, frozenset[type[Any]]] = {}


def each(
    validator: _Validator,
) -> Callable[[object, attrs.Attribute[Any], Iterable[Any]], None]:
    """Make a validator that applies *validator* to every item of a collection."""
    exact = _EXACT.get(validator)
    if exact is not None:

        def validate_types(
            instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]
        ) -> None:
            for item in value:
                if item.__class__ not in exact:
                    validator(instance, attribute, item)

        return validate_types

    def validate(
        instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]
    ) -> None:
        for item in value:
            validator(instance, attribute, item)

    return validate


def optional(validator: _Validator) -> _Validator:
    """Make a validator that lets ``None`` through and checks anything else.

    Like :func:`attrs.validators.optional`, without its call overhead on the
    common values.
    """
    exact = _EXACT.get(validator)
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


# Texts already found free of CPR numbers. Codes, names and units repeat
# across thousands of values, so most checks are one look-up; the cache is
# emptied when it is full, so it never grows without bound.
_CLEAN: set[str] = set()
_CLEAN_MAX = 100_000
_CPR_LENGTH = 10  # the fewest characters a CPR number can have


def _refuse_cpr(instance: object, attribute: attrs.Attribute[Any], text: str) -> None:
    if len(text) < _CPR_LENGTH or text in _CLEAN:
        return
    if not looks_like_cpr(text):
        if len(_CLEAN) >= _CLEAN_MAX:
            _CLEAN.clear()
        _CLEAN.add(text)
        return
    where = _where(instance, attribute)
    raise PersonalDataError(
        f"{where}: the text contains something that looks like a CPR number; "
        "learnmeet holds pseudonyms only",
        f"{where}: teksten indeholder noget, der ligner et CPR-nummer; "
        "learnmeet må kun indeholde pseudonymer",
        field=attribute.name,
        fix="replace the CPR number with a pseudonym such as 'B-017'",
    )


def identifier(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a short, non-blank, CPR-free identifier."""
    if (
        not isinstance(value, str)
        or not value.strip()
        or value != value.strip()
        or len(value) > _MAX_IDENTIFIER
    ):
        where = _where(instance, attribute)
        raise InvalidValueError(
            f"{where}: an identifier must be a non-empty string of at most "
            f"{_MAX_IDENTIFIER} characters without surrounding spaces, got {value!r}",
            f"{where}: en identifikator skal være en ikke-tom tekst på højst "
            f"{_MAX_IDENTIFIER} tegn uden mellemrum før og efter, fik {value!r}",
            field=attribute.name,
            fix="use a short code such as 'p-0001'",
        )
    _refuse_cpr(instance, attribute, value)


def optional_identifier(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Like :func:`identifier`, but ``None`` is allowed."""
    if value is not None:
        identifier(instance, attribute, value)


def safe_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse free text that is not a string, is too long or holds a CPR number."""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        where = _where(instance, attribute)
        raise InvalidValueError(
            f"{where}: expected a text of at most {_MAX_TEXT} characters, "
            f"got {type(value).__name__}",
            f"{where}: forventede en tekst på højst {_MAX_TEXT} tegn, "
            f"fik {type(value).__name__}",
            field=attribute.name,
            fix="give a shorter text",
        )
    _refuse_cpr(instance, attribute, value)


def _zone_name(tz: tzinfo | None) -> str:
    return getattr(tz, "key", None) or str(tz)


def aware_datetime(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse naive datetimes, unsupported zones and local times in a DST gap.

    A zone must be a :class:`zoneinfo.ZoneInfo` (an IANA zone, which the JSON
    format keeps by name) or a fixed :class:`datetime.timezone`.
    """
    zone = getattr(value, "tzinfo", None)
    if (
        zone.__class__ is ZoneInfo
        and value.__class__ is datetime
        and value.replace(fold=1 - value.fold).utcoffset() == value.utcoffset()
    ):
        # The usual case, checked cheaply: an IANA zone, and a local time with
        # one offset whichever fold it is read with — so neither in the
        # spring-forward gap nor in the repeated autumn hour.
        return
    where = _where(instance, attribute)
    if not isinstance(value, datetime):
        raise WrongTypeError(
            f"{where}: expected a datetime, got {type(value).__name__}",
            f"{where}: forventede et tidspunkt (datetime), fik {type(value).__name__}",
            field=attribute.name,
            fix="pass a datetime with tzinfo=ZoneInfo('Europe/Copenhagen')",
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            f"{where}: {value.isoformat()} has no time zone; learnmeet only "
            "accepts aware datetimes",
            f"{where}: {value.isoformat()} har ingen tidszone; learnmeet tager kun "
            "imod tidspunkter med tidszone",
            field=attribute.name,
            fix="add tzinfo=ZoneInfo('Europe/Copenhagen')",
        )
    if not isinstance(value.tzinfo, (ZoneInfo, timezone)):
        raise InvalidValueError(
            f"{where}: time zone {_zone_name(value.tzinfo)!r} is of type "
            f"{type(value.tzinfo).__name__}; use zoneinfo.ZoneInfo (an IANA zone) "
            "or datetime.timezone",
            f"{where}: tidszonen {_zone_name(value.tzinfo)!r} er af typen "
            f"{type(value.tzinfo).__name__}; brug zoneinfo.ZoneInfo (en IANA-zone) "
            "eller datetime.timezone",
            field=attribute.name,
            fix="use ZoneInfo('Europe/Copenhagen')",
        )
    if isinstance(value.tzinfo, ZoneInfo):
        # A local time in the spring-forward gap does not survive a trip to UTC
        # and back unchanged: it never happens on a wall clock.
        there_and_back = value.astimezone(timezone.utc).astimezone(value.tzinfo)
        if there_and_back.replace(tzinfo=None) != value.replace(tzinfo=None):
            raise SkippedTimeError(
                f"{where}: {value.replace(tzinfo=None).isoformat()} does not exist "
                f"in {value.tzinfo.key} (the clocks skip it for daylight saving time)",
                f"{where}: {value.replace(tzinfo=None).isoformat()} findes ikke i "
                f"{value.tzinfo.key} (uret springer over det ved overgang til "
                "sommertid)",
                field=attribute.name,
                fix=f"use {there_and_back.replace(tzinfo=None).isoformat()} instead",
            )


def a_date(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse anything but a calendar date (a datetime is not a date here)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        where = _where(instance, attribute)
        raise InvalidValueError(
            f"{where}: expected a date, got {type(value).__name__}",
            f"{where}: forventede en dato, fik {type(value).__name__}",
            field=attribute.name,
            fix="pass a datetime.date such as date(2026, 3, 1)",
        )


def positive_duration(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse durations that are not positive whole minutes."""
    if value.__class__ is timedelta and value > _ZERO and not value % _MINUTE:
        return
    where = _where(instance, attribute)
    if not isinstance(value, timedelta):
        raise InvalidValueError(
            f"{where}: expected a timedelta, got {type(value).__name__}",
            f"{where}: forventede en varighed (timedelta), fik {type(value).__name__}",
            field=attribute.name,
            fix="pass timedelta(minutes=90)",
        )
    if value <= _ZERO or value % _MINUTE:
        raise InvalidValueError(
            f"{where}: a duration must be a positive whole number of minutes, "
            f"got {value}",
            f"{where}: en varighed skal være et positivt helt antal minutter, "
            f"fik {value}",
            field=attribute.name,
            fix="pass timedelta(minutes=90)",
        )


def non_negative_int(
    instance: object, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Refuse anything but an ``int`` (not a ``bool``) that is zero or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        where = _where(instance, attribute)
        raise InvalidValueError(
            f"{where}: expected a whole number of 0 or more, got {value!r}",
            f"{where}: forventede et helt tal på 0 eller mere, fik {value!r}",
            field=attribute.name,
            fix="give a whole number such as 2",
        )


def unique(
    key: Callable[[Any], Hashable], what_en: str, what_da: str
) -> Callable[[object, attrs.Attribute[Any], Iterable[Any]], None]:
    """Make a validator that refuses a collection in which *key* repeats."""

    def validate(
        instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]
    ) -> None:
        seen: set[Hashable] = set()
        for index, item in enumerate(value):
            k = key(item)
            if k in seen:
                where = f"{_where(instance, attribute)}[{index}]"
                raise InvalidValueError(
                    f"{where}: {what_en} {k!r} is listed twice",
                    f"{where}: {what_da} {k!r} står der to gange",
                    field=attribute.name,
                    fix="list each only once",
                )
            seen.add(k)

    return validate
