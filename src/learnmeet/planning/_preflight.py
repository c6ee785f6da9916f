"""The pre-flight: everything :func:`~learnmeet.plan_period` checks before it places.

:func:`preflight` runs, on a scenario, what a plan would stumble on, and
reports it all at once instead of stopping at the first:

* the rules on the scenario's own meetings, with a context (double bookings,
  the public holidays, the working hours of the settings);
* every forum's series (:func:`~learnmeet.forum_series`), expanded in the
  period when one is given, as :func:`~learnmeet.attach_learning` expands it;
* the period itself (:func:`check_period`), refused as ``plan_period``
  refuses it;
* the staff's availability (working patterns and absences, whose people
  the scenario already checks), made as the plan makes it.

A :class:`Preflight` is ``ok`` exactly when there is no problem and no rule
error: ``learnmeet check`` exits 1 otherwise, and ``learnmeet plan`` runs the
same pre-flight and refuses exactly then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timezone

import attrs

from learnmeet.catalog._builtin import DEFAULT_CATALOG
from learnmeet.catalog._catalog import Catalog
from learnmeet.exceptions import (
    DataProblem,
    InvalidValueError,
    Label,
    LearnmeetError,
    PathKey,
)
from learnmeet.model._arguments import checked
from learnmeet.model._calendar import holiday_days
from learnmeet.model._checks import each, instance_of, optional, to_tuple
from learnmeet.model._forums import Forum
from learnmeet.model._scenario import Scenario
from learnmeet.model._time import a_date
from learnmeet.planning._forums import forum_series
from learnmeet.planning._period import check_period
from learnmeet.planning._settings import PlanningSettings, at_work
from learnmeet.rules._report import Report, Violation
from learnmeet.rules._rule import RuleContext, RuleSet
from learnmeet.rules._validate import DEFAULT_RULES, validate_all

__all__ = ["Preflight", "preflight"]

_FORUM_FIELDS = {"start": "first_start", "rule": "recurrence"}
"""A series' field and the forum's field it is made from."""


def _problems(items: Iterable[DataProblem]) -> tuple[DataProblem, ...]:
    return to_tuple(items)


def _ids(items: Iterable[str]) -> tuple[str, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class Preflight:
    """What :func:`preflight` found in a scenario.

    Attributes:
        problems: What stops a plan, each with its path in the scenario
            document (``$.forums[0].recurrence``).
        report: The rules on the scenario's own meetings: errors stop a plan,
            warnings and notes are shown.
        meetings: The ids of the scenario's meetings, in its order, so a
            violation's meeting has its path (:meth:`path_of`).
        start: The first day of the period checked, if one was given.
        end: The last day of the period checked, if one was given.

    .. versionadded:: 0.3.0
    """

    problems: tuple[DataProblem, ...] = attrs.field(
        default=(), converter=_problems, validator=each(instance_of(DataProblem))
    )
    report: Report = attrs.field(factory=Report, validator=instance_of(Report))
    meetings: tuple[str, ...] = attrs.field(
        default=(), converter=_ids, validator=each(instance_of(str))
    )
    start: date | None = attrs.field(default=None, validator=optional(a_date))
    end: date | None = attrs.field(default=None, validator=optional(a_date))

    @property
    def ok(self) -> bool:
        """Whether a plan may run: no problem and no rule error."""
        return not self.problems and self.report.ok

    @property
    def errors(self) -> int:
        """How many things stop a plan: problems and rule errors."""
        return len(self.problems) + len(self.report.errors)

    @checked
    def path_of(self, violation: Violation) -> tuple[PathKey, ...]:
        """The path of *violation*'s meeting in the scenario, e.g. ``("meetings", 3)``.

        Empty when the meeting is not one of the scenario's.
        """
        try:
            return ("meetings", self.meetings.index(violation.meeting))
        except ValueError:
            return ()


def _forum_problems(
    index: int, forum: Forum, window: tuple[datetime, datetime] | None
) -> list[DataProblem]:
    """What stops *forum*'s series (in *window*) from being expanded."""
    try:
        series = forum_series(forum)
        if window is not None:
            series.occurrences(after=window[0], before=window[1])
    except LearnmeetError as exc:
        field = _FORUM_FIELDS.get(str(exc.path[0])) if exc.path else None
        path: tuple[PathKey, ...] = ("forums", index)
        return [
            DataProblem(
                path=(*path, field) if field else path,
                reason=exc.reason,
                fix=exc.file_fix or exc.fix,
            )
        ]
    return []


def _availability_problems(
    scenario: Scenario, settings: PlanningSettings, holidays: frozenset[date]
) -> list[DataProblem]:
    """What stops the staff's availability from being made as the plan makes it.

    A scenario refuses working patterns and absences of people not on its
    staff list when it is made (a file, at their paths), so this finds
    nothing in a scenario that exists; it makes the availability as
    :func:`~learnmeet.plan_period` does, so whatever else it refuses is told
    here first, at ``$.working_patterns``.
    """
    try:
        at_work(settings, holidays, scenario=scenario)
    except LearnmeetError as exc:
        return [
            DataProblem(
                path=("working_patterns", *exc.path),
                reason=exc.reason,
                fix=exc.file_fix or exc.fix,
            )
        ]
    return []


def _unit_problems(scenario: Scenario, settings: PlanningSettings) -> list[DataProblem]:
    """Units the settings name that the scenario does not have.

    A typo would otherwise leave the unit on the defaults without a word.
    """
    units = {u.id for u in scenario.units} | {p.unit.id for p in scenario.professionals}
    problems = []
    for name in ("unit_hours", "unit_min_on_duty", "avoid"):
        for unit in sorted(getattr(settings, name)):
            if unit not in units:
                problems.append(
                    DataProblem(
                        path=("settings", name, unit),
                        reason=Label(
                            da=f"indstillingerne nævner enheden {unit!r}, som "
                            "scenariet ikke har",
                            en=f"the settings name the unit {unit!r}, which the "
                            "scenario does not have",
                        ),
                        fix=Label(
                            da="ret enhedens id, så det står som i scenariet, "
                            "eller fjern linjen",
                            en="correct the unit's id to the scenario's, or "
                            "remove the line",
                        ),
                    )
                )
    return problems


def _years(scenario: Scenario, start: date | None, end: date | None) -> range:
    """The years whose holidays the context needs."""
    years = {m.start.astimezone(timezone.utc).year for m in scenario.meetings}
    if start is not None and end is not None:
        years |= {start.year, end.year}
    if not years:
        return range(0)
    return range(min(years), max(years) + 1)


@checked
def preflight(
    scenario: Scenario,
    *,
    start: date | None = None,
    end: date | None = None,
    settings: PlanningSettings = PlanningSettings(),  # noqa: B008 - immutable value
    rules: RuleSet = DEFAULT_RULES,
    catalog: Catalog = DEFAULT_CATALOG,
) -> Preflight:
    """Check *scenario* for everything :func:`~learnmeet.plan_period` runs into.

    Nothing raises for a problem in the scenario: every one is in the result,
    with its path. A period that ``plan_period`` refuses is refused here the
    same way.

    >>> from learnmeet.data import load_sample
    >>> found = preflight(load_sample())
    >>> found.ok, found.problems
    (True, ())

    Args:
        scenario: The municipality's people, cases, forums and meetings.
        start: The first day of the period to plan; with *end*, the forums'
            series are expanded in it, as the plan expands them.
        end: The last day of the period (included).
        settings: The working hours the meetings are checked against.
        rules: The rules the meetings are checked by.
        catalog: The catalogue the plan takes its formats from; every format
            the plan needs must be in it.

    Raises:
        InvalidValueError: Only one of *start* and *end* is given, or the
            period is refused as :func:`check_period` refuses it.

    .. versionadded:: 0.3.0
    """
    window = None
    if (start is None) != (end is None):
        raise InvalidValueError(
            reason=Label(
                da="en periode skal have både start og end",
                en="a period needs both start and end",
            ),
            fix=Label(
                da="giv begge dage, eller ingen af dem",
                en="give both days, or neither",
            ),
            where="preflight",
            path=("end" if end is None else "start",),
        )
    if start is not None and end is not None:
        window = check_period(start, end, zone=settings.zone)
    problems: list[DataProblem] = []
    for index, forum in enumerate(scenario.forums):
        problems += _forum_problems(index, forum, window)
    for code in ("home_meeting", "audit", "course_day", "learning_meeting"):
        if code not in {f.code for f in catalog.formats}:
            problems.append(
                DataProblem(
                    path=(),
                    reason=Label(
                        da=f"kataloget har ikke mødeformen {code!r}, som planen bruger",
                        en=f"the catalogue lacks the format {code!r} the plan uses",
                    ),
                    fix=Label(
                        da="udvid standardkataloget i stedet for at erstatte det",
                        en="extend the default catalogue instead of replacing it",
                    ),
                )
            )
    years = _years(scenario, start, end)
    holidays = holiday_days(years.start, years.stop - 1) if years else frozenset()
    problems += _availability_problems(scenario, settings, holidays)
    problems += _unit_problems(scenario, settings)
    context = RuleContext(
        holidays=holidays,
        working_hours=settings.unit_hours,
        default_hours=settings.hours,
    )
    report = validate_all(scenario.meetings, context=context, rules=rules)
    return Preflight(
        problems=problems,
        report=report,
        meetings=[m.id for m in scenario.meetings],
        start=start,
        end=end,
    )
