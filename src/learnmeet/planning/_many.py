"""Plan many municipalities at once, on any :class:`concurrent.futures.Executor`.

A municipality's plan depends on its own scenario only, so the country's 98
are 98 independent calls of :func:`~learnmeet.plan_period`. :func:`plan_many`
hands them to an executor — a :class:`~concurrent.futures.ProcessPoolExecutor`
on one machine, Dask distributed's ``client.get_executor()`` on a cluster —
and gives the plans back in the order the scenarios came in. Scenarios and
plans are immutable values that pickle, so they cross a process boundary
whole; nothing is shared between the calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Executor, Future
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import LearnmeetError
from learnmeet.model._arguments import checked
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import COPENHAGEN
from learnmeet.planning._forums import check_every
from learnmeet.planning._period import PeriodPlan, check_period, plan_period

__all__ = ["plan_many"]


def _plan(
    scenario: Scenario,
    start: date,
    end: date,
    every: int,
    catalog: Catalog,
    zone: ZoneInfo,
) -> PeriodPlan:
    """One scenario's plan, as each worker makes it.

    A module-level function, so a process pool can pickle it by name.
    """
    return plan_period(
        scenario, start=start, end=end, every=every, catalog=catalog, zone=zone
    )


def _plan_elsewhere(
    scenario: Scenario,
    start: date,
    end: date,
    every: int,
    catalog: Catalog,
    zone: ZoneInfo,
) -> dict[str, Any]:
    """One scenario's plan, made in a worker, sent back without its scenario.

    The caller has the scenario already: sending it back would cost a copy
    of every municipality in time and memory. :func:`plan_many` puts the
    caller's own scenario back in (an equal one: a plan holds the scenario
    it was given).
    """
    plan = _plan(scenario, start, end, every, catalog, zone)
    return {
        (f.alias or f.name): getattr(plan, f.name)
        for f in attrs.fields(PeriodPlan)
        if f.init and f.name != "scenario"
    }


def _in_scenario(error: LearnmeetError, index: int) -> LearnmeetError:
    """*error*, its path starting at the scenario it came from.

    The same class, reason and fix; the path ``plan_many.scenarios[3].…``,
    so a caller of many plans is told which one was refused.
    """
    restore, (cls, state) = error.__reduce__()[:2]
    path = ("scenarios", index, *error.path)
    moved: LearnmeetError = restore(cls, {**state, "where": "plan_many", "path": path})
    return moved


@checked
def plan_many(
    scenarios: Iterable[Scenario],
    *,
    start: date,
    end: date,
    executor: Executor | None = None,
    every: int = 2,
    catalog: Catalog = DEFAULT_CATALOG,
    zone: ZoneInfo = COPENHAGEN,
) -> tuple[PeriodPlan, ...]:
    """Plan the same period for many scenarios, one :func:`plan_period` each.

    Args:
        scenarios: The municipalities' scenarios.
        start: The first day of the period.
        end: The last day of the period (included), as for
            :func:`~learnmeet.plan_period`.
        executor: Where the plans are made, e.g. a
            :class:`~concurrent.futures.ProcessPoolExecutor` or a Dask
            ``client.get_executor()``; ``None``: one after the other in the
            calling process. The executor is used, not shut down.
        every: Attach learning to every n-th occurrence of each forum.
        catalog: Where the formats come from.
        zone: The municipalities' time zone.

    Returns:
        The plans, in the order of *scenarios*, each equal to what
        :func:`~learnmeet.plan_period` gives for its scenario.

    Raises:
        InvalidValueError: The period or *every* is refused (before any
            plan is made), as :func:`~learnmeet.plan_period` refuses them.
        LearnmeetError: A scenario's plan was refused: the same error, its
            path starting with the scenario's index
            (``plan_many.scenarios[3]…``); of several, the first in input
            order.

    .. versionadded:: 0.2.0
    """
    check_period(start, end, zone=zone)
    check_every(every, where="plan_many")
    given = tuple(scenarios)
    if executor is None:
        found = []
        for index, scenario in enumerate(given):
            try:
                found.append(_plan(scenario, start, end, every, catalog, zone))
            except LearnmeetError as error:
                raise _in_scenario(error, index) from error
        return tuple(found)
    futures: list[Future[dict[str, Any]]] = [
        executor.submit(_plan_elsewhere, scenario, start, end, every, catalog, zone)
        for scenario in given
    ]
    try:
        plans = []
        for index, future in enumerate(futures):
            try:
                parts = future.result()
            except LearnmeetError as error:
                raise _in_scenario(error, index) from error
            plans.append(PeriodPlan(scenario=given[index], **parts))
        return tuple(plans)
    finally:
        for future in futures:
            future.cancel()
