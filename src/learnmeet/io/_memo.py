"""Structuring each distinct JSON value once, for the length of one call.

In a version-2 document each entity is written once and built once, through
its id. What still recurs as equal JSON is a value without an id (a meeting's
location), and every entity where the converter is used directly, with no
document around it, and so reads entities in full where they occur. The
converter remembers what it has built while one ``structure`` call runs,
keyed by the class and the JSON value, and forgets it when the call returns:
nothing a document held outlives the call, and calls in other threads or
tasks never share it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import Any

from cattrs import Converter

__all__ = ["MemoConverter", "memoised"]


_LIST = object()  # tags a frozen array, so it never equals a frozen object
_MEMO: ContextVar[dict[Hashable, Any] | None] = ContextVar("_MEMO", default=None)
"""The values built so far by the ``structure`` call running in this context."""


def _frozen(value: object) -> Hashable:
    """A hashable stand-in for a JSON value: equal only for equal JSON.

    Numbers and booleans carry their type, so ``1``, ``1.0`` and ``true`` stay
    apart. Anything unhashable raises TypeError, and is then not remembered.
    """
    cls = value.__class__
    if cls is str or value is None:
        return value
    if cls is dict:
        # Strings, the usual member, are their own stand-ins: no call for them.
        return tuple(
            [
                (k, v if v.__class__ is str or v is None else _frozen(v))
                for k, v in value.items()  # type: ignore[attr-defined]
            ]
        )
    if cls is list:
        return (
            _LIST,
            tuple(
                [
                    v if v.__class__ is str or v is None else _frozen(v)
                    for v in value  # type: ignore[attr-defined]
                ]
            ),
        )
    if cls is float:
        return (float, value.hex())  # type: ignore[attr-defined]  # -0.0 is not 0.0
    return (cls, value)


def memoised(
    structure: Callable[[object, object], Any],
) -> Callable[[object, object], Any]:
    """Structure each distinct JSON value once and share the (immutable) result.

    A document of 20,000 meetings names the same few thousand people, units
    and cases again and again; each is built and validated the first time, and
    an equal JSON value after that gets the same frozen object back. A value
    that fails is never remembered, so it fails again with its full path.
    Outside a call of :class:`MemoConverter` nothing is remembered.
    """

    def memo(value: object, t: object) -> Any:
        done = _MEMO.get()
        if done is None:
            return structure(value, t)
        try:
            key = (t, _frozen(value))
            found = done.get(key)
        except TypeError:  # not JSON (e.g. a set given to from_dict)
            return structure(value, t)
        if found is None:
            found = structure(value, t)
            done[key] = found
        return found

    return memo


class MemoConverter(Converter):
    """A cattrs converter whose outermost ``structure`` call holds the memo.

    Every way in — :func:`~learnmeet.from_dict`, or the converter used
    directly to embed learnmeet values in a format of one's own — builds each
    distinct shared value once per call, and keeps nothing afterwards.
    """

    def structure(self, obj: Any, cl: Any) -> Any:
        """Structure *obj* as *cl*, remembering shared values for this call."""
        if _MEMO.get() is not None:  # inside a call already: share its memo
            return super().structure(obj, cl)
        token = _MEMO.set({})
        try:
            return super().structure(obj, cl)
        finally:
            _MEMO.reset(token)
