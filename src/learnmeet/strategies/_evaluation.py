"""Strategies for the evaluation layer: what :func:`learnmeet.evaluate` reports.

Each value is computed by :func:`~learnmeet.evaluate` from generated survey
data (:func:`survey_data`), never assembled from its fields: the counts of an
:class:`~learnmeet.ResponseRates` add up to the invitations, a rate lies
between 0 and 1, a suppressed group has no figures, and a level not measured
has no number — as in any real evaluation.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.evaluation._evaluate import evaluate
from learnmeet.evaluation._results import (
    Evaluation,
    LevelSummary,
    ResponseRates,
    YieldGroup,
)
from learnmeet.model._arguments import checked
from learnmeet.strategies._survey import survey_data, themes

__all__ = ["evaluations", "level_summaries", "response_rates", "yield_groups"]


@st.composite
def _evaluations(draw: st.DrawFn, *, catalog: Catalog, max_meetings: int) -> Evaluation:
    data = draw(survey_data(catalog=catalog, max_meetings=max_meetings))
    found = draw(
        st.lists(themes(catalog=catalog), max_size=2, unique_by=lambda t: t.code)
    )
    return evaluate(
        data.survey,
        data.invitations,
        data.responses,
        data.meetings,
        themes=found,
        threshold=draw(st.integers(1, 5)),
        confidence=draw(st.sampled_from([0.9, 0.95, 0.99])),
        eligibility_rate=draw(st.none() | st.floats(0.0, 1.0)),
    )


@checked
def evaluations(
    *, catalog: Catalog = DEFAULT_CATALOG, max_meetings: int = 2
) -> SearchStrategy[Evaluation]:
    """Evaluations as :func:`learnmeet.evaluate` makes them of generated surveys.

    One survey of one to six items (:func:`surveys`) over one to
    *max_meetings* meetings, every invitee invited, about two in three
    answering; up to two themes; a privacy threshold from 1 to 5 (so groups
    are shown as well as suppressed) and a confidence of 90, 95 or 99 %.

    >>> @settings(max_examples=10, database=None)
    ... @given(lst.evaluations())
    ... def test_rates_are_shares(evaluation):
    ...     assert evaluation.rates.rr1 is None or 0 <= evaluation.rates.rr1 <= 1
    >>> test_rates_are_shares()

    Args:
        catalog: Where the meetings' formats, professions and sectors come from.
        max_meetings: The most meetings the survey is about (1 or more).

    .. versionadded:: 0.4.0
    """
    return _evaluations(catalog=catalog, max_meetings=max_meetings)


@checked
def response_rates(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[ResponseRates]:
    """Response rates of an evaluation (:func:`evaluations`).

    The counts of each AAPOR disposition are those of real invitations, so
    none is negative and RR1 and RR3 lie between 0 and 1 (or are ``None``
    when nobody is counted).

    >>> rates = find(lst.response_rates(), lambda _: True, settings=quick)
    >>> all(0 <= rate <= 1 for rate in (rates.rr1, rates.rr3) if rate is not None)
    True
    >>> min(rates.complete, rates.partial, rates.refusal, rates.non_contact) >= 0
    True

    .. versionadded:: 0.4.0
    """
    return evaluations(catalog=catalog).map(lambda e: e.rates)


@checked
def yield_groups(*, catalog: Catalog = DEFAULT_CATALOG) -> SearchStrategy[YieldGroup]:
    """One group of an evaluation's benefit comparison (:func:`evaluations`).

    Shown groups have their figures (a mean from 0 to 100, a share with its
    interval); suppressed ones have none, with the reason.

    >>> group = find(lst.yield_groups(), lambda _: True, settings=quick)
    >>> (group.suppression is None) == (group.mean is not None)
    True
    >>> group.mean is None or 0 <= group.mean <= 100
    True

    .. versionadded:: 0.4.0
    """
    # An evaluation in which nobody answered about benefit has no group.
    return (
        evaluations(catalog=catalog)
        .filter(lambda e: bool(e.groups))
        .flatmap(lambda e: st.sampled_from(e.groups))
    )


@checked
def level_summaries(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[LevelSummary]:
    """One Kirkpatrick level of an evaluation (:func:`evaluations`).

    Measured right after the meeting, at a follow-up, or not measured (then
    without a number).

    >>> level = find(lst.level_summaries(), lambda _: True, settings=quick)
    >>> level.level in set(lm.KirkpatrickLevel)
    True
    >>> (level.method is lm.Measurement.NOT_MEASURED) == (level.mean is None)
    True

    .. versionadded:: 0.4.0
    """
    return evaluations(catalog=catalog).flatmap(lambda e: st.sampled_from(e.levels))
