"""Building blocks every strategy module shares: codes, days, texts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

_FIRST_DAY = date(2024, 1, 1)
_LAST_DAY = date(2030, 12, 31)
_WORDS = st.sampled_from(
    ["nord", "syd", "øst", "vest", "midt", "by", "land", "kyst", "skov", "å"]
)
_TEXT = st.text(
    st.characters(codec="utf-8", categories=["L", "Zs"], exclude_characters="\x85"),
    min_size=1,
    max_size=20,
).filter(str.strip)
_RULES = (
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
    "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=MONTHLY;BYDAY=1WE",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
)


def _code(prefix: str) -> SearchStrategy[str]:
    # At most four digits: never a CPR-like run of ten.
    return st.integers(min_value=0, max_value=9999).map(lambda n: f"{prefix}-{n:04d}")


def _days(low: date = _FIRST_DAY, high: date = _LAST_DAY) -> SearchStrategy[date]:
    return st.dates(min_value=low, max_value=high)


_SAYINGS = st.sampled_from(
    [
        "Vi så et fald i går",
        "Hospitalet vidste ikke, at vi kommer dagligt",
        "Borgeren ønsker at blive hjemme",
        "Epikrisen manglede genoptræningsplanen",
        "Vi kendte ikke hinandens telefonnumre",
        "Palliationsteamet kan rådgive os",
    ]
)
_PEOPLE = [f"professional:p-{n:04d}" for n in range(1, 7)]

T = TypeVar("T")


@functools.lru_cache(maxsize=512)
def _between(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(low, high)


def _pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of *items*, shrinking towards the first, like ``sampled_from``."""
    return items[draw(_between(0, len(items) - 1))]


@functools.lru_cache(maxsize=512)
def _distinct_indices(size: int, count: int) -> SearchStrategy[list[int]]:
    return st.lists(_between(0, size - 1), min_size=count, max_size=count, unique=True)


def _distinct(draw: st.DrawFn, items: Sequence[T], count: int) -> list[T]:
    """*count* different entries of *items*, shrinking towards the first ones."""
    return [items[i] for i in draw(_distinct_indices(len(items), count))]


def _later(start: datetime, minutes: int) -> datetime:
    """*minutes* of elapsed time after *start*, in its zone (fold-safe)."""
    moment = start.astimezone(timezone.utc) + timedelta(minutes=minutes)
    return moment.astimezone(start.tzinfo)
