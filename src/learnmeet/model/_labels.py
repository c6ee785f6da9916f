"""Enumerations whose members carry a stable code and a bilingual label.

Every name a person reads exists in Danish and English: a :class:`Label`
(defined with the errors in :mod:`learnmeet.exceptions`, which are written in
it), and a :class:`LabelledEnum` member, whose label is declared with the
member itself and fixed once the class exists.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from learnmeet.exceptions import LANGUAGES, Label, Lang, WrongTypeError, check_lang

__all__ = ["LANGUAGES", "Label", "LabelledEnum", "Lang", "check_lang"]


class LabelledEnum(Enum):
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
