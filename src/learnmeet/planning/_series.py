"""A series of course days over a project period, and whether to go on with it.

Esbjerg planned its interdisciplinary course days "six times during the
project period" (*seks gange i løbet af projektperioden*), each area's staff
on the cohort of their own area. Covid-19, sickness and recruitment made them
hard to fill, "the benefit was not as expected", and the activity "was
stopped after the first couple of times" (*lagt ned efter de første par
gange*). A :class:`CourseSeries` is such a plan; :func:`series_signal` reads
the days held so far — how full they were, and the benefit an
:class:`~learnmeet.Evaluation` of them reports — and says
:attr:`SeriesSignal.CONTINUE`, :attr:`~SeriesSignal.ADJUST` or
:attr:`~SeriesSignal.STOP`, with its reasons in Danish and English. When to
say which is data, :class:`SeriesThresholds`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from learnmeet.evaluation._results import Dimension, Evaluation
from learnmeet.exceptions import InvalidValueError, shown
from learnmeet.model._arguments import checked
from learnmeet.model._checks import (
    a_number,
    each,
    identifier,
    instance_of,
    non_negative_int,
    optional,
    refuse,
    to_tuple,
    unique,
)
from learnmeet.model._formats import MeetingFormat
from learnmeet.model._labels import Label, LabelledEnum
from learnmeet.model._meetings import Cohort, Meeting, MeetingStatus
from learnmeet.model._programme import refuse_end_before_start
from learnmeet.model._time import a_date

__all__ = [
    "CourseSeries",
    "SeriesSignal",
    "SeriesThresholds",
    "SeriesVerdict",
    "series_signal",
]


class SeriesSignal(LabelledEnum):
    """What to do with a series of course days, from the days held so far.

    .. versionadded:: 0.3.0
    """

    CONTINUE = "continue", Label(da="fortsæt", en="continue")
    ADJUST = "adjust", Label(da="justér", en="adjust")
    STOP = "stop", Label(da="stop", en="stop")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    non_negative_int(instance, attribute, value)
    if value == 0:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="forventede mindst 1, fik 0", en="expected 1 or more, got 0"
            ),
            fix=Label(da="giv et helt tal som 6", en="give a whole number such as 6"),
        )


def _share(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    a_number(instance, attribute, value)
    if not 0.0 < value <= 1.0:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede en andel over 0 og højst 1, fik {shown(value).da}",
                en=f"expected a share above 0 and at most 1, got {shown(value).en}",
            ),
            fix=Label(da="giv en andel som 0.5", en="give a share such as 0.5"),
        )


def _score(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    a_number(instance, attribute, value)
    if not 0.0 <= value <= 100.0:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da=f"forventede et tal fra 0 til 100, fik {shown(value).da}",
                en=f"expected a number from 0 to 100, got {shown(value).en}",
            ),
            fix=Label(da="giv et tal som 50", en="give a number such as 50"),
        )


@attrs.frozen(kw_only=True)
class SeriesThresholds:
    """When a series of course days goes on, is adjusted or is stopped.

    Attributes:
        judge_after: How many days must have been held before the signal
            may be :attr:`SeriesSignal.STOP`; before that it is at most
            :attr:`~SeriesSignal.ADJUST`. Default 2: Esbjerg stopped "after
            the first couple of times".
        low_fill_share: The share of the days held that were below their
            format's minimum fill (or cancelled) from which the series is
            hard to fill. Default 0.5: half of them.
        min_benefit: The mean benefit (yield, 0–100, as
            :attr:`YieldGroup.mean <learnmeet.YieldGroup.mean>`) below which
            the days gave too little. Default 50: the middle of the scale,
            "neither agree nor disagree".

    .. versionadded:: 0.3.0
    """

    judge_after: int = attrs.field(default=2, validator=_positive)
    low_fill_share: float = attrs.field(default=0.5, validator=_share)
    min_benefit: float = attrs.field(default=50.0, validator=_score)


def _cohorts(items: Iterable[Cohort]) -> tuple[Cohort, ...]:
    return to_tuple(items)


def _some(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise refuse(
            InvalidValueError,
            instance,
            attribute,
            reason=Label(
                da="forventede mindst ét hold", en="expected one cohort or more"
            ),
            fix=Label(
                da="giv holdet for hvert område, dagene holdes for",
                en="give the cohort of every area the days are held for",
            ),
        )


@attrs.frozen(kw_only=True)
class CourseSeries:
    """A series of course days over a project period, for the areas' cohorts.

    Attributes:
        id: A stable identifier, e.g. ``"kursusdage-2027"``.
        format: The format of the days, e.g. the interdisciplinary course day.
        cohorts: The cohorts (one per area) the days are held for; each once.
        start: The first day of the period.
        end: The last day of the period (included), on or after *start*.
        planned_days: How many days are planned in the period (Esbjerg: six).

    .. versionadded:: 0.3.0
    """

    id: str = attrs.field(validator=identifier)
    format: MeetingFormat = attrs.field(validator=instance_of(MeetingFormat))
    cohorts: tuple[Cohort, ...] = attrs.field(
        converter=_cohorts,
        validator=[
            each(instance_of(Cohort)),
            _some,
            unique(lambda c: c.id, what=Label(da="holdet", en="the cohort")),
        ],
    )
    start: date = attrs.field(validator=a_date)
    end: date = attrs.field(validator=a_date)
    planned_days: int = attrs.field(default=6, validator=_positive)

    def __attrs_post_init__(self) -> None:
        refuse_end_before_start(self.start, self.end, where="CourseSeries")


def _reasons(items: Iterable[Label]) -> tuple[Label, ...]:
    return to_tuple(items)


@attrs.frozen(kw_only=True)
class SeriesVerdict:
    """What :func:`series_signal` found: the signal, its reasons and figures.

    Attributes:
        series: The id of the series.
        signal: Continue, adjust or stop.
        reasons: Why, in Danish and English, in the order they were weighed.
        held: How many days were given as held (cancelled ones included).
        below_minimum: How many of them were below their minimum fill, or
            cancelled.
        benefit: The mean benefit (0–100) the evaluation reports for the
            series' format, or ``None`` when none was given or it reports
            none.

    .. versionadded:: 0.3.0
    """

    series: str = attrs.field(validator=identifier)
    signal: SeriesSignal = attrs.field(validator=instance_of(SeriesSignal))
    reasons: tuple[Label, ...] = attrs.field(
        converter=_reasons, validator=each(instance_of(Label))
    )
    held: int = attrs.field(validator=non_negative_int)
    below_minimum: int = attrs.field(validator=non_negative_int)
    benefit: float | None = attrs.field(default=None, validator=optional(a_number))


def _not_of_the_series(
    series: CourseSeries, index: int, why: Label
) -> InvalidValueError:
    return InvalidValueError(
        reason=why,
        fix=Label(
            da=f"giv kun dage fra forløbet {shown(series.id).da}",
            en=f"give only days of the series {shown(series.id).en}",
        ),
        where="series_signal",
        path=("held", index),
    )


def _check_held(series: CourseSeries, held: tuple[Meeting, ...]) -> None:
    cohorts = {c.id for c in series.cohorts}
    for index, day in enumerate(held):
        got = shown(day.id)
        if day.format.code != series.format.code:
            raise _not_of_the_series(
                series,
                index,
                Label(
                    da=f"mødet {got.da} har mødeformen «{day.format.label.da}», "
                    f"ikke «{series.format.label.da}»",
                    en=f"the meeting {got.en} has the format “{day.format.label.en}”, "
                    f"not “{series.format.label.en}”",
                ),
            )
        if day.cohort is None or day.cohort.id not in cohorts:
            raise _not_of_the_series(
                series,
                index,
                Label(
                    da=f"mødet {got.da} er ikke for et af forløbets hold",
                    en=f"the meeting {got.en} is not for one of the series' cohorts",
                ),
            )
        on = day.start.date()
        if not series.start <= on <= series.end:
            raise _not_of_the_series(
                series,
                index,
                Label(
                    da=f"mødet {got.da} holdes {on.isoformat()}, uden for "
                    "forløbets periode",
                    en=f"the meeting {got.en} is held on {on.isoformat()}, outside "
                    "the series' period",
                ),
            )


def _below_minimum(day: Meeting, minimum: int) -> bool:
    if day.status is MeetingStatus.CANCELLED:
        return True
    return len(day.professionals_taking_part) < minimum


@checked
def series_signal(
    series: CourseSeries,
    held: Iterable[Meeting],
    *,
    evaluation: Evaluation | None = None,
    thresholds: SeriesThresholds = SeriesThresholds(),
) -> SeriesVerdict:
    """Whether to continue, adjust or stop *series*, from the days held so far.

    A day is *below its minimum* when fewer professionals take part than the
    format's minimum fill (its minimum number of attendees, if it has no
    minimum fill), or when it was cancelled. The benefit is the mean yield of
    the series' format in *evaluation* (its :attr:`Dimension.FORMAT
    <learnmeet.Dimension.FORMAT>` group): evaluate the days of the series,
    and the figure is theirs.

    * Hard to fill: at least ``thresholds.low_fill_share`` of the days held
      were below their minimum.
    * Too little benefit: the benefit is below ``thresholds.min_benefit``.
    * Both, once ``thresholds.judge_after`` days are held:
      :attr:`SeriesSignal.STOP`, as Esbjerg stopped its days — move the
      learning into the existing meetings about citizens.
    * One of them, or both before that: :attr:`SeriesSignal.ADJUST`, with
      what to change (merge cohorts; the participants' own citizens).
    * Neither: :attr:`SeriesSignal.CONTINUE`.

    Args:
        series: The series.
        held: The days held so far (cancelled ones too), each of the series'
            format, for one of its cohorts and in its period.
        evaluation: The evaluation of those days, if there is one.
        thresholds: When to say what; the defaults are documented there.

    Raises:
        WrongTypeError: An argument is of the wrong type.
        InvalidValueError: A day is not of the series (its format, cohort or
            period), at the path ``held[i]``.

    .. versionadded:: 0.3.0
    """
    days = tuple(held)
    _check_held(series, days)
    req = series.format.requirements
    minimum = req.min_fill if req.min_fill is not None else req.min_attendees
    count = len(days)
    short = sum(1 for d in days if _below_minimum(d, minimum))
    reasons = [
        Label(
            da=f"{count} af {series.planned_days} planlagte dage er holdt",
            en=f"{count} of {series.planned_days} planned days held",
        )
    ]
    benefit, said = _benefit(series, evaluation)
    if count == 0:
        return SeriesVerdict(
            series=series.id,
            signal=SeriesSignal.CONTINUE,
            reasons=reasons,
            held=0,
            below_minimum=0,
            benefit=benefit,
        )
    hard_to_fill = short / count >= thresholds.low_fill_share
    if hard_to_fill:
        reasons.append(
            Label(
                da=f"{short} af {count} dage havde færre end {minimum} deltagere "
                "eller blev aflyst; slå holdene sammen eller hold færre dage",
                en=f"{short} of {count} days had fewer than {minimum} taking part "
                "or were cancelled; merge the cohorts or hold fewer days",
            )
        )
    else:
        reasons.append(
            Label(
                da=f"{count - short} af {count} dage havde mindst {minimum} deltagere",
                en=f"{count - short} of {count} days had at least {minimum} taking "
                "part",
            )
        )
    reasons.append(said)
    too_little = benefit is not None and benefit < thresholds.min_benefit
    if too_little:
        reasons.append(
            Label(
                da=f"udbyttet er under {thresholds.min_benefit:.0f}; tag udgangspunkt "
                "i deltagernes egne borgere og konkrete borgerforløb",
                en=f"the benefit is below {thresholds.min_benefit:.0f}; start from "
                "the participants' own citizens and concrete courses of care",
            )
        )
    if hard_to_fill and too_little and count >= thresholds.judge_after:
        signal = SeriesSignal.STOP
        reasons.append(
            Label(
                da="møderne er svære at fylde og giver begrænset udbytte, ligesom "
                "Esbjergs kursusdage, der blev lagt ned efter de første par gange; "
                "gør drift til udvikling: flyt læringen ind i de eksisterende møder "
                "om borgerne",
                en="the meetings are hard to fill and of little benefit, like "
                "Esbjerg's course days, which were stopped after the first couple "
                "of times; make everyday work a "
                "place for development: move the learning into the existing "
                "meetings about citizens",
            )
        )
    elif hard_to_fill or too_little:
        signal = SeriesSignal.ADJUST
        if hard_to_fill and too_little:
            reasons.append(
                Label(
                    da=f"for tidligt at stoppe: vurderes efter "
                    f"{thresholds.judge_after} dage",
                    en=f"too early to stop: judged after {thresholds.judge_after} days",
                )
            )
    else:
        signal = SeriesSignal.CONTINUE
    return SeriesVerdict(
        series=series.id,
        signal=signal,
        reasons=reasons,
        held=count,
        below_minimum=short,
        benefit=benefit,
    )


def _benefit(
    series: CourseSeries, evaluation: Evaluation | None
) -> tuple[float | None, Label]:
    """The mean benefit of the series' format, and what to say about it."""
    if evaluation is None:
        return None, Label(
            da="udbyttet er ikke evalueret; evaluér de holdte dage",
            en="the benefit is not evaluated; evaluate the days held",
        )
    group = evaluation.group(Dimension.FORMAT, series.format.code)
    if group is None or group.mean is None:
        why = (
            Label(
                da="for få svar til at vise udbyttet",
                en="too few answers to show the benefit",
            )
            if group is not None and group.suppressed
            else Label(
                da="evalueringen har ingen svar om dagene",
                en="the evaluation has no answers about the days",
            )
        )
        return None, why
    return group.mean, Label(
        da=f"udbyttet er {group.mean:.0f} af 100",
        en=f"the benefit is {group.mean:.0f} of 100",
    )
