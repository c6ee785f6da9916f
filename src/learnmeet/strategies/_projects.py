"""Strategies for projects: programmes (puljer) and series of course days.

A generated :class:`~learnmeet.Programme` given meetings groups them so that
:meth:`Programme.problems <learnmeet.Programme.problems>` finds nothing: its
period covers them and its partners are every organisation taking part.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.model._arguments import checked
from learnmeet.model._meetings import Cohort, Meeting
from learnmeet.model._people import Organisation
from learnmeet.model._programme import Programme
from learnmeet.planning._series import (
    CourseSeries,
    SeriesSignal,
    SeriesThresholds,
    SeriesVerdict,
)
from learnmeet.strategies._common import _TEXT, _code, _days
from learnmeet.strategies._people import areas, labels, organisations

__all__ = [
    "course_series",
    "programmes",
    "series_thresholds",
    "series_verdicts",
]

_FUNDERS = st.sampled_from(
    [
        "",
        "Puljen til tværsektoriel kompetenceudvikling",
        "Sundhedsstyrelsens pulje til palliation",
    ]
)


@st.composite
def _programmes(
    draw: st.DrawFn, meetings: Sequence[Meeting] | None, catalog: Catalog
) -> Programme:
    if meetings is not None:
        days = [m.start.date() for m in meetings] or [draw(_days())]
        start = min(days) - timedelta(days=draw(st.integers(0, 60)))
        end = max(days) + timedelta(days=draw(st.integers(0, 60)))
        found: dict[str, Organisation] = {}
        for meeting in meetings:
            for person in meeting.professionals_taking_part:
                org = person.unit.organisation
                found.setdefault(org.id, org)
        partners = [found[k] for k in sorted(found)]
        ids = [m.id for m in meetings]
    else:
        start = draw(_days(high=date(2029, 12, 31)))
        end = start + timedelta(days=draw(st.integers(0, 3 * 365)))
        partners = draw(
            st.lists(
                organisations(catalog=catalog), max_size=4, unique_by=lambda o: o.id
            )
        )
        ids = draw(st.lists(_code("m"), max_size=4, unique=True))
    return Programme(
        id=draw(_code("pulje")),
        name=draw(_TEXT),
        funder=draw(_FUNDERS),
        partners=partners,
        start=start,
        end=end,
        meetings=ids,
        series=draw(st.lists(_code("kursusdage"), max_size=2, unique=True)),
        surveys=draw(st.lists(_code("survey"), max_size=2, unique=True)),
    )


@checked
def programmes(
    *, meetings: Sequence[Meeting] | None = None, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[Programme]:
    """Programmes (puljer); given *meetings*, ones that group them without problems.

    >>> meeting = find(lst.meetings(), lambda _: True, settings=quick)
    >>> pool = find(lst.programmes(meetings=[meeting]), lambda _: True, settings=quick)
    >>> list(pool.problems([meeting]))
    []

    Args:
        meetings: Meetings for the programme to group: its period then covers
            their days and its partners are the organisations taking part, so
            ``programme.problems(meetings)`` is empty. Without them, any
            partners of *catalog*'s sectors and any ids.
        catalog: Where the partners' sectors come from.

    .. versionadded:: 0.3.0
    """
    return _programmes(meetings, catalog)


@checked
def series_thresholds() -> SearchStrategy[SeriesThresholds]:
    """Thresholds of a series' signal, around the documented defaults.

    >>> limits = find(lst.series_thresholds(), lambda _: True, settings=quick)
    >>> limits.judge_after >= 1, 0 <= limits.low_fill_share <= 1
    (True, True)

    .. versionadded:: 0.3.0
    """
    return st.builds(
        SeriesThresholds,
        judge_after=st.integers(1, 6),
        low_fill_share=st.floats(0.05, 1.0),
        min_benefit=st.floats(0, 100),
    )


@st.composite
def _course_series(draw: st.DrawFn, catalog: Catalog) -> CourseSeries:
    places = draw(st.lists(areas(), min_size=1, max_size=3, unique_by=lambda a: a.code))
    start = draw(_days(high=date(2029, 12, 31)))
    return CourseSeries(
        id=draw(_code("kursusdage")),
        format=catalog.format("course_day"),
        cohorts=[Cohort(f"hold-{a.code}", a) for a in places],
        start=start,
        end=start + timedelta(days=draw(st.integers(0, 2 * 365))),
        planned_days=draw(st.integers(1, 12)),
    )


@checked
def course_series(
    *, catalog: Catalog = DEFAULT_CATALOG
) -> SearchStrategy[CourseSeries]:
    """Series of *catalog*'s course days for one to three areas' cohorts.

    >>> planned = find(lst.course_series(), lambda _: True, settings=quick)
    >>> 1 <= len(planned.cohorts) <= 3, planned.start <= planned.end
    (True, True)

    .. versionadded:: 0.3.0
    """
    return _course_series(catalog)


@st.composite
def _series_verdicts(draw: st.DrawFn) -> SeriesVerdict:
    held = draw(st.integers(0, 12))
    return SeriesVerdict(
        series=draw(_code("kursusdage")),
        signal=draw(st.sampled_from(SeriesSignal)),
        reasons=draw(st.lists(labels(), min_size=1, max_size=4)),
        held=held,
        below_minimum=draw(st.integers(0, held)),
        benefit=draw(st.none() | st.floats(0, 100)),
    )


@checked
def series_verdicts() -> SearchStrategy[SeriesVerdict]:
    """Verdicts on a series: a signal, reasons and consistent figures.

    >>> verdict = find(lst.series_verdicts(), lambda _: True, settings=quick)
    >>> verdict.signal in set(lm.SeriesSignal), verdict.below_minimum <= verdict.held
    (True, True)

    .. versionadded:: 0.3.0
    """
    return _series_verdicts()
