"""Enumerations whose members carry a stable code and a bilingual label.

Every name a person reads exists in Danish and English: a :class:`Label`
(defined with the errors in :mod:`learnmeet.exceptions`, which are written in
it), and a :class:`LabelledEnum` member, whose label is declared with the
member itself and fixed once the class exists.
"""

from __future__ import annotations

from enum import Enum, EnumMeta
from typing import Any

from learnmeet.exceptions import (
    LANGUAGES,
    InvalidValueError,
    Label,
    Lang,
    WrongTypeError,
    check_lang,
    shown,
)
from learnmeet.model._lookup import closest

__all__ = ["LANGUAGES", "Label", "LabelledEnum", "Lang", "check_lang"]


class _LabelledEnumType(EnumMeta):
    """Looks a member up by its code, and leaves an unknown one to ``_missing_``.

    Enum's own look-up calls ``_missing_`` and then, even when that raised,
    writes ``'<value> is not a valid <class>'`` with ``repr()``, which itself
    raises ``ValueError`` for an integer of more than 4,300 digits. Here the
    look-up by value is done first, so only ``_missing_``'s words are made.
    """

    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # the functional API makes a class
            return super().__call__(value, *args, **kwargs)
        enum: Any = cls  # a LabelledEnum subclass; the metaclass cannot say so
        if isinstance(value, enum):
            return value
        try:
            return enum._value2member_map_[value]
        except (KeyError, TypeError):  # unknown, or not hashable
            pass
        # Refused outside the handler: a KeyError in the chain would carry the
        # refused value into every traceback and log of the refusal.
        return enum._missing_(value)


class LabelledEnum(Enum, metaclass=_LabelledEnumType):
    """An enumeration whose members have a stable string code and a bilingual label.

    Each member is declared as its code and its label; the code is the member's
    ``value`` (what JSON holds), the label what a person reads:

    >>> class Shift(LabelledEnum):
    ...     DAY = "day", Label(da="dagvagt", en="day shift")
    ...     NIGHT = "night", Label(da="nattevagt", en="night shift")
    >>> Shift("night").label.get("da"), Shift.DAY.code
    ('nattevagt', 'day')

    A label cannot be changed once the class exists: translations belong to
    the code that shows them, never to a process-wide rewrite.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 Labels are declared with the members;
       ``set_labels`` is gone.
    """

    _value_: str
    _label: Label

    def __new__(cls, code: str, label: Label | None = None) -> LabelledEnum:
        # Used while the class is made; looking a member up by its code,
        # ``Shift("day")``, goes through Enum's own lookup.
        if not isinstance(label, Label):
            example = 'DAY = "day", Label(da="dagvagt", en="day shift")'
            raise WrongTypeError(
                reason=Label(
                    da="medlemmet har ingen etiket", en="the member has no label"
                ),
                fix=Label(da=f"skriv det som {example}", en=f"declare it as {example}"),
                where=cls.__name__,
            )
        member = object.__new__(cls)
        member._value_ = code
        object.__setattr__(member, "_label", label)
        return member

    @classmethod
    def _missing_(cls, value: object) -> Any:
        """Refuse a value that is no member's code, in words.

        Raises:
            InvalidValueError: Always; the value is shown only short and
                redacted, and the fix lists the codes.
        """
        codes = [member.code for member in cls]
        near = closest(value, codes) if isinstance(value, str) else []
        listed = ", ".join(shown(code).en for code in codes) or "-"
        got = shown(value)
        raise InvalidValueError(
            reason=Label(
                da=f"{got.da} er ikke en af de koder, der kan stå her",
                en=f"{got.en} is not one of the codes allowed here",
            ),
            fix=Label(
                da=f"mente du {shown(near[0]).da}? Brug en af: {listed}",
                en=f"did you mean {shown(near[0]).en}? Use one of: {listed}",
            )
            if near
            else Label(da=f"brug en af: {listed}", en=f"use one of: {listed}"),
            where=cls.__name__,
            path=("value",),
        )

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_label":
            raise AttributeError(f"the label of {self!r} is fixed")
        super().__setattr__(name, value)

    @property
    def code(self) -> str:
        """The stable code of the member, as written in JSON."""
        return self._value_

    @property
    def label(self) -> Label:
        """The member's name in Danish and English."""
        return self._label
