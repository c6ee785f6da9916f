"""Bilingual labels: every name a person reads exists in Danish and English."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Literal, TypeVar

import attrs

from learnmeet.exceptions import InvalidValueError

__all__ = ["LANGUAGES", "Label", "LabelledEnum", "Lang", "check_lang"]

Lang = Literal["da", "en"]
"""A language learnmeet speaks: ``"da"`` (Danish, the default) or ``"en"``."""

LANGUAGES: tuple[Lang, ...] = ("da", "en")


def check_lang(lang: str) -> Lang:
    """Return *lang* if it is a language learnmeet speaks, else raise.

    Raises:
        InvalidValueError: *lang* is neither ``"da"`` nor ``"en"``.
    """
    if lang == "da":
        return "da"
    if lang == "en":
        return "en"
    raise InvalidValueError(
        f"unknown language {lang!r}; use 'da' (Danish) or 'en' (English)",
        f"ukendt sprog {lang!r}; brug 'da' (dansk) eller 'en' (engelsk)",
        field="lang",
        fix="use 'da' or 'en'",
    )


def _non_empty(
    instance: object, attribute: attrs.Attribute[str], value: object
) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(
            f"Label.{attribute.name}: the {attribute.name!r} text must be a "
            f"non-empty string, got {value!r}",
            f"Label.{attribute.name}: teksten på {attribute.name!r} skal være en "
            f"ikke-tom tekst, fik {value!r}",
            field=attribute.name,
            fix="give the text in both Danish and English",
        )


@attrs.frozen
class Label:
    """A text in Danish and English.

    >>> Label(da="sygeplejerske", en="nurse").get("en")
    'nurse'

    .. versionadded:: 0.1.0
    """

    da: str = attrs.field(validator=_non_empty)
    en: str = attrs.field(validator=_non_empty)

    def get(self, lang: Lang = "da") -> str:
        """Return the text in *lang*."""
        return self.en if check_lang(lang) == "en" else self.da

    def __str__(self) -> str:
        return self.da


_E = TypeVar("_E", bound="LabelledEnum")
_ENUM_LABELS: dict[LabelledEnum, Label] = {}


class LabelledEnum(Enum):
    """An enumeration whose members have a stable string code and a bilingual label.

    The member's ``value`` is its code, used in JSON; ``label`` gives the names a
    person reads.

    .. versionadded:: 0.1.0
    """

    @property
    def code(self) -> str:
        """The stable code of the member, as written in JSON."""
        return str(self.value)

    @property
    def label(self) -> Label:
        """The member's name in Danish and English."""
        return _ENUM_LABELS[self]

    @classmethod
    def set_labels(cls: type[_E], labels: Mapping[_E, tuple[str, str]]) -> None:
        """Attach ``(danish, english)`` labels to every member (used by the library)."""
        missing = [m.name for m in cls if m not in labels]
        if missing:  # pragma: no cover - a programming error caught at import in tests
            raise InvalidValueError(f"{cls.__name__}: no label for {missing}")
        for member, (da, en) in labels.items():
            _ENUM_LABELS[member] = Label(da=da, en=en)
