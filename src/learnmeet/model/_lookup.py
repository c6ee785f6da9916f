"""Look-ups by code that name the closest known codes when one is unknown."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import TypeVar

from learnmeet.exceptions import Label, UnknownCodeError

__all__ = ["closest", "code_order", "find"]

_T = TypeVar("_T")


def closest(
    code: str, known: Mapping[str, object] | list[str], n: int = 3
) -> list[str]:
    """Return up to *n* known codes that look most like *code*, best first."""
    return difflib.get_close_matches(code, sorted(known), n=n, cutoff=0.5)


def code_order(code: object) -> tuple[int, str, int]:
    """Sort key for codes given by a caller, of whatever type they are.

    Text first, then whole numbers, then anything else by its type's name:
    ``sorted()`` of text mixed with numbers raises ``TypeError``, and a code
    given in Python (a key of a dict, an item of a set) may be anything.
    """
    if isinstance(code, str):
        return (0, code, 0)
    if isinstance(code, int):
        return (1, "", code)
    return (2, type(code).__name__, 0)


def find(
    kind: str,
    code: str,
    known: Mapping[str, _T],
    *,
    what: Label | None = None,
    hint: Label | None = None,
    where: str = "",
    argument: str = "code",
) -> _T:
    """Return ``known[code]``, or raise naming the closest known codes.

    Args:
        kind: What is looked up, e.g. ``"profession"``.
        code: The code asked for.
        known: The known entries by code.
        what: What is looked up, in Danish and English.
        hint: What to do when no known code is close, in Danish and English.
        where: The method that looks it up, e.g. ``"Catalog.profession"``.
        argument: The name of its argument that holds the code.

    Raises:
        UnknownCodeError: *code* is not in *known*.
    """
    try:
        return known[code]
    except (KeyError, TypeError):
        near = closest(str(code), known)
        raise UnknownCodeError(
            kind=kind,
            code=str(code),
            suggestions=near,
            what=what,
            hint=hint,
            where=where,
            path=(argument,) if where else (),
        ) from None
