"""Building blocks every strategy module shares: codes, days, texts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.exceptions import text_refusal
from learnmeet.model._calendar import danish_holidays

_FIRST_DAY = date(2024, 1, 1)
_LAST_DAY = date(2030, 12, 31)
_WORDS = st.sampled_from(
    ["nord", "syd", "øst", "vest", "midt", "by", "land", "kyst", "skov", "å"]
)
#: What Danish care staff write: Danish letters, digits and punctuation.
_DANISH = (
    "abcdefghijklmnopqrstuvwxyzæøå"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
    "0123456789"
    "      .,-:;!?()/'\"§%+"
)
_PLAIN_TEXT = st.one_of(
    st.text(_DANISH, min_size=1, max_size=30),
    st.text(
        st.characters(codec="utf-8", categories=["L", "Zs"], exclude_characters="\x85"),
        min_size=1,
        max_size=20,
    ),
)
#: Text a value may hold that has broken exports and readers elsewhere:
#: right-to-left and bidirectional controls, combining marks, characters
#: beyond the Basic Multilingual Plane, tabs and line breaks, invisible
#: characters, markup and escapes.
_HOSTILE_SAMPLES = st.sampled_from(
    [
        "שלום עולם",
        "مرحبا بالعالم",
        "\u202eB-017\u202c",
        "A\u200fB",
        "Ærø\u0301 å",
        "会議 の 名前",
        "🙂 👩🏽\u200d⚕️",
        "fane\there",
        "linje 1\nlinje 2\r\n",
        "a\u200bb",
        "\ufeffBOM",
        "<svg>&amp;\"'</svg>",
        "=SUM(A1)",
        "\\N;,:",
    ]
)
_ANY_TEXT = st.text(
    st.characters(
        codec="utf-8", exclude_categories=["Cc"], include_characters="\t\n\r"
    ),
    min_size=1,
    max_size=40,
)
_LONG_TEXT = st.text(
    st.characters(codec="utf-8", categories=["L", "Zs", "Nd", "P"]),
    min_size=200,
    max_size=600,
)


def _holdable(text: str) -> bool:
    # A value holds no blank text, nothing shaped like a CPR number and no
    # character an export cannot write (the library's own rule).
    return bool(text.strip()) and text_refusal(text) is None


#: Free text and labels: plain words half the time, hostile text of every
#: kind the other half (shrinking towards the plain). Long text is the rarest,
#: one text in twenty: a value such as a question bank holds hundreds of
#: texts, each costs its length to draw, and Hypothesis refuses a draw that
#: grows beyond its buffer.
_TEXT = st.one_of(
    _PLAIN_TEXT,
    st.one_of(*([_HOSTILE_SAMPLES] * 5), *([_ANY_TEXT] * 4), _LONG_TEXT),
).filter(_holdable)
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


_REAL_SAYINGS = st.sampled_from(
    [
        "Vi så et fald i går",
        "Hospitalet vidste ikke, at vi kommer dagligt",
        "Borgeren ønsker at blive hjemme",
        "Epikrisen manglede genoptræningsplanen",
        "Vi kendte ikke hinandens telefonnumre",
        "Palliationsteamet kan rådgive os",
    ]
)
#: What people say in a meeting or a survey: real sentences, then any text.
_SAYINGS = _REAL_SAYINGS | _TEXT
_PEOPLE = [f"professional:p-{n:04d}" for n in range(1, 7)]

T = TypeVar("T")

#: The default window of generated meetings: recent years.
_RECENT_FIRST = date(2025, 1, 1)
_RECENT_LAST = date(2027, 12, 31)


@functools.lru_cache(maxsize=64)
def _working_days(first: date, last: date) -> tuple[date, ...]:
    """The days a meeting is realistically held on, from *first* to *last*.

    Monday to Friday, neither a Danish public holiday nor a customary day off
    (Christmas Eve, New Year's Eve, Constitution Day).
    """
    off = {
        h.day
        for year in range(first.year, last.year + 1)
        for h in danish_holidays(year, customary=True)
    }
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5 and day not in off:
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)


class _Counter:
    """Numbers after *last*, one by one, drawn in one test case (see :data:`_IDS`)."""

    def __init__(self, last: int) -> None:
        self._last = last

    def take(self) -> int:
        self._last += 1
        return self._last


#: One counter per test case, shared by every strategy that makes an id: two
#: meetings, cases or people drawn in one test case never share an id, and
#: the same choices give the same ids again, so shrinking and replay work.
#: It starts at a number drawn (shrinking to 1), so test cases differ.
_IDS = st.shared(st.integers(0, 8999).map(_Counter), key="learnmeet.strategies.ids")


def _fresh(draw: st.DrawFn, prefix: str) -> str:
    """An id of *prefix* no other id drawn in this test case has."""
    return f"{prefix}-{draw(_IDS).take():04d}"


def _fresh_ids(prefix: str) -> SearchStrategy[str]:
    """Ids of *prefix*, each one no other id drawn in this test case has."""
    return _IDS.map(lambda ids: f"{prefix}-{ids.take():04d}")


@functools.lru_cache(maxsize=512)
def _between(low: int, high: int) -> SearchStrategy[int]:
    return st.integers(low, high)


def _pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of *items*, shrinking towards the first, like ``sampled_from``."""
    return items[draw(_between(0, len(items) - 1))]


def _distinct(draw: st.DrawFn, items: Sequence[T], count: int) -> list[T]:
    """*count* different entries of *items*, shrinking towards the first ones.

    One choice an entry, each among those not yet taken: no duplicate is
    drawn and thrown away, as a list of unique indices would.
    """
    left = list(items)
    return [left.pop(draw(_between(0, len(left) - 1))) for _ in range(count)]


def _later(start: datetime, minutes: int) -> datetime:
    """*minutes* of elapsed time after *start*, in its zone (fold-safe)."""
    moment = start.astimezone(timezone.utc) + timedelta(minutes=minutes)
    return moment.astimezone(start.tzinfo)
