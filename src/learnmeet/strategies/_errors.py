"""Strategies for the errors learnmeet raises, made by the calls that raise them.

A program that shows learnmeet's errors to people — a form, an import page, a
log — wants to be tested with the errors as the library really raises them:
with their path, their reason and fix in Danish and English, the problems of
an :class:`~learnmeet.InvalidDataError`, the report of a
:class:`~learnmeet.MeetingRulesError`. Each error here is raised by a real
call on generated input (a year out of range, a naive time, a CPR number as a
pseudonym, a document with a wrong field, a meeting breaking a rule …) and
caught, never constructed by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar, overload

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.exceptions import (
    CycleOrderError,
    DataProblem,
    InvalidDataError,
    InvalidValueError,
    LearnmeetError,
    MeetingRulesError,
    NaiveDatetimeError,
    PersonalDataError,
    SkippedTimeError,
    UnknownCodeError,
    WrongTypeError,
)
from learnmeet.io._json import from_dict
from learnmeet.model._arguments import checked
from learnmeet.model._availability import Absence
from learnmeet.model._calendar import danish_holidays
from learnmeet.model._people import Citizen
from learnmeet.model._time import COPENHAGEN, LAST_YEAR
from learnmeet.rules._report import Severity
from learnmeet.rules._validate import DEFAULT_RULES, validate
from learnmeet.strategies._breaches import BREAKERS, breaches
from learnmeet.strategies._people import cpr_numbers
from learnmeet.strategies._reflection import reflection_cycles

__all__ = ["data_problems", "errors"]

E = TypeVar("E", bound=LearnmeetError)


def _raised(call: Callable[[], object]) -> LearnmeetError:
    try:
        call()
    except LearnmeetError as error:
        return error
    raise AssertionError("the call was meant to raise")  # pragma: no cover


def _absence(start: datetime) -> Callable[[], object]:
    return lambda: Absence(
        professional="p-0001", start=start, end=start + timedelta(days=1)
    )


def _data_error(pseudonym: object) -> Callable[[], object]:
    document = {"learnmeet": 3, "type": "Citizen", "data": {"pseudonym": pseudonym}}
    return lambda: from_dict(Citizen, document)


def _rules_error(breach: Any) -> Callable[[], object]:
    return lambda: validate(breach.meeting, context=breach.context).raise_for_errors()


def _an_error(breach: Any) -> bool:
    """Whether *breach* is an error on the format it is drawn on.

    A rule that is an error by default can be only a warning on some formats
    (a fictional case on a course day, LM105), and ``breaches`` draws every
    format the rule can fire on.
    """
    return not validate(breach.meeting, context=breach.context).ok


_ERROR_CODES = sorted(
    code for code in BREAKERS if DEFAULT_RULES.rule(code).severity is Severity.ERROR
)

_SOURCES: dict[type[LearnmeetError], SearchStrategy[Callable[[], object]]] = {
    WrongTypeError: st.sampled_from(["2026", 2026.0, None]).map(
        lambda year: lambda: danish_holidays(year)  # type: ignore[arg-type]
    ),
    InvalidValueError: st.integers(LAST_YEAR + 1, 99_999).map(
        lambda year: lambda: danish_holidays(year)
    ),
    NaiveDatetimeError: st.datetimes(
        min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31)
    ).map(_absence),
    SkippedTimeError: st.sampled_from([2025, 2026, 2027, 2028]).map(
        lambda year: _absence(
            # 02:30 on the last Sunday of March: the clocks skip it.
            max(
                datetime(year, 3, day, 2, 30, tzinfo=COPENHAGEN)
                for day in range(25, 32)
                if datetime(year, 3, day).weekday() == 6
            )
        )
    ),
    PersonalDataError: cpr_numbers().map(lambda cpr: lambda: Citizen(cpr)),
    UnknownCodeError: st.sampled_from(["nurce", "sygeplejerske", "gp2", "læge"]).map(
        lambda code: lambda: DEFAULT_CATALOG.profession(code)
    ),
    InvalidDataError: st.sampled_from([5, None, True, ["B-1"], ""]).map(_data_error),
    MeetingRulesError: st.sampled_from(_ERROR_CODES)
    .flatmap(breaches)
    .filter(_an_error)
    .map(_rules_error),
    CycleOrderError: reflection_cycles(closed=True).map(
        lambda cycle: lambda: cycle.learn("Vi lærte noget")
    ),
}
"""For each error class the library raises, calls that raise exactly it."""


@overload
def errors() -> SearchStrategy[LearnmeetError]: ...


@overload
def errors(kind: type[E]) -> SearchStrategy[E]: ...


@checked
def errors(
    kind: type[LearnmeetError] = LearnmeetError,
) -> SearchStrategy[LearnmeetError]:
    """Errors of *kind* (or a subclass) as learnmeet raises them.

    Each is raised by a real call on generated input and caught: a year out
    of range (:class:`~learnmeet.InvalidValueError`), a year as text
    (:class:`~learnmeet.WrongTypeError`), a naive or a skipped time
    (:class:`~learnmeet.NaiveDatetimeError`,
    :class:`~learnmeet.SkippedTimeError`), a CPR number as a pseudonym
    (:class:`~learnmeet.PersonalDataError`), a misspelt code
    (:class:`~learnmeet.UnknownCodeError`), a document with a wrong field
    (:class:`~learnmeet.InvalidDataError`), a meeting breaking a rule of
    severity error (:class:`~learnmeet.MeetingRulesError`), a step out of
    order in a reflection cycle (:class:`~learnmeet.CycleOrderError`).

    >>> import learnmeet
    >>> @settings(max_examples=20, database=None)
    ... @given(lst.errors())
    ... def test_every_error_says_how_to_fix_it(error):
    ...     assert error.fix.da and error.fix.en
    ...     assert not learnmeet.looks_like_cpr(error.message("da"))
    >>> test_every_error_says_how_to_fix_it()

    Args:
        kind: :class:`~learnmeet.LearnmeetError` (every kind) or one of its
            subclasses.

    .. versionadded:: 0.4.0
    """
    sources = [source for cls, source in _SOURCES.items() if issubclass(cls, kind)]
    return st.one_of(sources).map(_raised)


@checked
def data_problems() -> SearchStrategy[DataProblem]:
    """The problems of an :class:`~learnmeet.InvalidDataError` (:func:`errors`).

    >>> problem = find(lst.data_problems(), lambda _: True, settings=quick)
    >>> isinstance(problem.path, tuple), bool(problem.reason.en and problem.fix.en)
    (True, True)

    .. versionadded:: 0.4.0
    """
    return errors(InvalidDataError).flatmap(lambda e: st.sampled_from(e.problems))
