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
from learnmeet.planning._forums import check_every
from learnmeet.planning._period import PeriodPlan, check_period, plan_period
from learnmeet.planning._settings import PlanningSettings
from learnmeet.rules._rule import RuleSet
from learnmeet.rules._validate import DEFAULT_RULES

__all__ = ["plan_many"]


def _plan(
    scenario: Scenario, start: date, end: date, options: dict[str, Any]
) -> PeriodPlan:
    """One scenario's plan, as each worker makes it.

    A module-level function, so a process pool can pickle it by name;
    *options* are :func:`plan_period`'s other keyword arguments.
    """
    return plan_period(scenario, start=start, end=end, **options)


def _plan_elsewhere(
    scenario: Scenario, start: date, end: date, options: dict[str, Any]
) -> dict[str, Any]:
    """One scenario's plan, made in a worker, sent back without its scenario.

    The caller has the scenario already: sending it back would cost a copy
    of every municipality in time and memory. :func:`plan_many` puts the
    caller's own scenario back in (an equal one: a plan holds the scenario
    it was given).
    """
    plan = _plan(scenario, start, end, options)
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
    zone: ZoneInfo | None = None,
    settings: PlanningSettings = PlanningSettings(),  # noqa: B008 - immutable value
    rules: RuleSet = DEFAULT_RULES,
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
        zone: The municipalities' time zone; by default *settings*' zone.
        settings: What every plan is placed by (hours, travel, rooms, the
            share of each unit on duty, the objective).
        rules: The rules every plan is validated by; a rule set of your own
            must be picklable for a process pool or a cluster.

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

    .. versionadded:: 0.3.0
    """
    check_period(start, end, zone=zone or settings.zone)
    check_every(every, where="plan_many")
    given = tuple(scenarios)
    options: dict[str, Any] = {
        "every": every,
        "catalog": catalog,
        "zone": zone,
        "settings": settings,
    }
    if rules is not DEFAULT_RULES:  # the workers have the default of their own
        options["rules"] = rules
    if executor is None:
        found = []
        for index, scenario in enumerate(given):
            try:
                found.append(_plan(scenario, start, end, options))
            except LearnmeetError as error:
                raise _in_scenario(error, index) from error
        return tuple(found)
    futures: list[Future[dict[str, Any]]] = [
        executor.submit(_plan_elsewhere, scenario, start, end, options)
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
