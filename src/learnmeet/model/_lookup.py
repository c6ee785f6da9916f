"""Look-ups by code that name the closest known codes when one is unknown."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TypeVar

from learnmeet.exceptions import UnknownCodeError

__all__ = ["closest", "find"]

_T = TypeVar("_T")


def closest(
    code: str, known: Mapping[str, object] | list[str], n: int = 3
) -> list[str]:
    """Return up to *n* known codes that look most like *code*, best first."""
    return difflib.get_close_matches(code, sorted(known), n=n, cutoff=0.5)


def find(
    kind: str,
    code: str,
    known: Mapping[str, _T],
    *,
    hint: tuple[str, str] = ("", ""),
) -> _T:
    """Return ``known[code]``, or raise naming the closest known codes.

    Raises:
        UnknownCodeError: *code* is not in *known*.
    """
    try:
        return known[code]
    except (KeyError, TypeError):
        raise UnknownCodeError(
            kind, str(code), closest(str(code), known), hint=hint
        ) from None
