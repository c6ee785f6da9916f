"""A series of course days over a project period: continue, adjust or stop.

Esbjerg planned six interdisciplinary course days over the project period;
they were hard to fill, gave little, and were stopped after the first couple.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm
from examples import HOME_CARE_N, NORTH_COHORT, SOUTH, attend, pro
from learnmeet import strategies as lst

DAY = lm.DEFAULT_CATALOG.format("course_day")  # minimum fill 12, capacity 24
SERIES = lm.CourseSeries(
    id="kursusdage-2027",
    format=DAY,
    cohorts=[NORTH_COHORT, lm.Cohort("hold-syd", SOUTH)],
    start=date(2027, 1, 1),
    end=date(2027, 12, 31),
)
STAFF = [pro(f"k-{i:02d}", "sosu_helper", HOME_CARE_N) for i in range(20)]


def held(number: int, enrolled: int, *, cancelled: bool = False) -> lm.Meeting:
    """Course day *number* of the northern cohort, with *enrolled* taking part."""
    return lm.Meeting(
        id=f"dag-{number}",
        format=DAY,
        start=datetime(2027, 2, 1, 9, tzinfo=lm.COPENHAGEN)
        + timedelta(weeks=4 * number),
        duration=timedelta(hours=6),
        attendees=[attend(p) for p in STAFF[:enrolled]],
        cohort=NORTH_COHORT,
        status=lm.MeetingStatus.CANCELLED if cancelled else lm.MeetingStatus.PLANNED,
        cancellation=lm.Cancellation(lm.CancellationReason.LOW_ENROLMENT)
        if cancelled
        else None,
    )


def _rates() -> lm.ResponseRates:
    return lm.ResponseRates(
        complete=20,
        partial=0,
        refusal=0,
        non_contact=0,
        other=0,
        unknown_eligibility=0,
        not_eligible=0,
        eligibility_rate=None,
        rr1=1.0,
        rr3=1.0,
    )


def evaluation(
    mean: float | None,
    *,
    code: str = "course_day",
    suppression: lm.Suppression | None = None,
) -> lm.Evaluation:
    """An evaluation whose group for the format *code* has the mean *mean*."""
    shown = suppression is None
    group = lm.YieldGroup(
        dimension=lm.Dimension.FORMAT,
        code=code,
        label=lm.Label(da="kursusdag", en="course day"),
        respondents=20 if shown else None,
        responses=20 if shown else None,
        mean=mean,
        high=5 if shown else None,
        share=0.25 if shown else None,
        ci_low=0.1 if shown else None,
        ci_high=0.5 if shown else None,
        suppression=suppression,
    )
    return lm.Evaluation(
        survey=lm.YIELD_SURVEY,
        rates=_rates(),
        groups=[group],
        levels=[],
        themes=[],
        free_text_answers=0,
        threshold=5,
        confidence=0.95,
    )


def reasons(verdict: lm.SeriesVerdict, lang: lm.Lang = "en") -> str:
    return " | ".join(r.get(lang) for r in verdict.reasons)


class TestTheSeries:
    """A series is a format, the areas' cohorts, a period and a number of days."""

    def test_six_days_by_default(self) -> None:
        assert SERIES.planned_days == 6

    def test_the_period_ends_after_it_starts(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(SERIES, end=date(2026, 12, 31))
        assert caught.value.path == ("end",)

    def test_at_least_one_cohort(self) -> None:
        with pytest.raises(lm.InvalidValueError):
            attrs.evolve(SERIES, cohorts=[])

    def test_each_cohort_once(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            attrs.evolve(SERIES, cohorts=[NORTH_COHORT, NORTH_COHORT])
        assert caught.value.path == ("cohorts", 1)

    @pytest.mark.parametrize("days", [0, -1, True])
    def test_at_least_one_planned_day(self, days: object) -> None:
        with pytest.raises(lm.InvalidValueError):
            attrs.evolve(SERIES, planned_days=days)


class TestThresholds:
    """When to say what is data, with documented defaults."""

    def test_the_defaults(self) -> None:
        t = lm.SeriesThresholds()
        assert (t.judge_after, t.low_fill_share, t.min_benefit) == (2, 0.5, 50.0)

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("judge_after", 0),
            ("low_fill_share", 0.0),
            ("low_fill_share", 1.5),
            ("min_benefit", -1),
            ("min_benefit", 101),
            ("min_benefit", "50"),
        ],
    )
    def test_out_of_range_is_refused(self, field: str, value: object) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.SeriesThresholds(**{field: value})  # type: ignore[arg-type]
        assert caught.value.path == (field,)


class TestTheSignal:
    """Fill and benefit of the days held say continue, adjust or stop."""

    def test_nothing_held_continues(self) -> None:
        verdict = lm.series_signal(SERIES, [])
        assert verdict.signal is lm.SeriesSignal.CONTINUE
        assert reasons(verdict) == "0 of 6 planned days held"

    def test_full_days_of_good_benefit_continue(self) -> None:
        verdict = lm.series_signal(
            SERIES, [held(0, 14), held(1, 16)], evaluation=evaluation(80.0)
        )
        assert verdict.signal is lm.SeriesSignal.CONTINUE
        assert (verdict.held, verdict.below_minimum, verdict.benefit) == (2, 0, 80.0)
        assert "the benefit is 80 of 100" in reasons(verdict)

    def test_esbjerg_empty_days_of_little_benefit_stop(self) -> None:
        """The first couple of days, under-filled and of little benefit: stop."""
        days = [held(0, 7), held(1, 0, cancelled=True)]
        verdict = lm.series_signal(SERIES, days, evaluation=evaluation(35.0))
        assert verdict.signal is lm.SeriesSignal.STOP
        assert verdict.below_minimum == 2
        text = reasons(verdict)
        assert "2 of 2 days had fewer than 12 taking part or were cancelled" in text
        assert "existing meetings about citizens" in text
        assert "lagt ned efter de første par gange" in reasons(verdict, "da")

    def test_one_day_is_too_early_to_stop(self) -> None:
        verdict = lm.series_signal(SERIES, [held(0, 5)], evaluation=evaluation(20.0))
        assert verdict.signal is lm.SeriesSignal.ADJUST
        assert "too early to stop: judged after 2 days" in reasons(verdict)

    def test_a_municipality_may_judge_after_one(self) -> None:
        verdict = lm.series_signal(
            SERIES,
            [held(0, 5)],
            evaluation=evaluation(20.0),
            thresholds=lm.SeriesThresholds(judge_after=1),
        )
        assert verdict.signal is lm.SeriesSignal.STOP

    def test_hard_to_fill_alone_adjusts(self) -> None:
        verdict = lm.series_signal(
            SERIES, [held(0, 6), held(1, 13)], evaluation=evaluation(70.0)
        )
        assert verdict.signal is lm.SeriesSignal.ADJUST
        assert "merge the cohorts" in reasons(verdict)

    def test_little_benefit_alone_adjusts_towards_own_citizens(self) -> None:
        verdict = lm.series_signal(
            SERIES, [held(0, 14), held(1, 13)], evaluation=evaluation(40.0)
        )
        assert verdict.signal is lm.SeriesSignal.ADJUST
        assert "the participants' own citizens" in reasons(verdict)

    def test_without_an_evaluation_fill_alone_can_only_adjust(self) -> None:
        verdict = lm.series_signal(SERIES, [held(0, 2), held(1, 3), held(2, 1)])
        assert verdict.signal is lm.SeriesSignal.ADJUST
        assert verdict.benefit is None
        assert "evaluate the days held" in reasons(verdict)

    def test_a_suppressed_group_is_no_benefit(self) -> None:
        ev = evaluation(None, suppression=lm.Suppression.TOO_FEW)
        verdict = lm.series_signal(SERIES, [held(0, 14), held(1, 14)], evaluation=ev)
        assert verdict.signal is lm.SeriesSignal.CONTINUE
        assert "too few answers to show the benefit" in reasons(verdict)

    def test_an_evaluation_of_other_formats_is_no_benefit(self) -> None:
        ev = evaluation(10.0, code="learning_meeting")
        verdict = lm.series_signal(SERIES, [held(0, 14), held(1, 14)], evaluation=ev)
        assert verdict.signal is lm.SeriesSignal.CONTINUE
        assert "no answers about the days" in reasons(verdict)

    def test_a_stricter_fill_share(self) -> None:
        days = [held(0, 14), held(1, 14), held(2, 3)]
        lenient = lm.series_signal(SERIES, days, evaluation=evaluation(80.0))
        strict = lm.series_signal(
            SERIES,
            days,
            evaluation=evaluation(80.0),
            thresholds=lm.SeriesThresholds(low_fill_share=0.3),
        )
        assert lenient.signal is lm.SeriesSignal.CONTINUE
        assert strict.signal is lm.SeriesSignal.ADJUST

    def test_reasons_are_in_both_languages(self) -> None:
        verdict = lm.series_signal(SERIES, [held(0, 7), held(1, 8)])
        assert "1 af 2" not in reasons(verdict, "da")
        assert reasons(verdict, "da").startswith("2 af 6 planlagte dage er holdt")
        assert all(r.da != r.en for r in verdict.reasons)


class TestDaysOfTheSeries:
    """A day given as held belongs to the series, or is refused by its index."""

    def test_another_format(self) -> None:
        other = attrs.evolve(held(1, 14), format=lm.DEFAULT_CATALOG.format("roadshow"))
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.series_signal(SERIES, [held(0, 14), other])
        assert caught.value.path == ("held", 1)
        assert "roadshow" in caught.value.message("en")

    def test_another_cohort(self) -> None:
        east = lm.Cohort("hold-oest", lm.Area("oest", lm.Label(da="Øst", en="East")))
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.series_signal(SERIES, [attrs.evolve(held(0, 14), cohort=east)])
        assert caught.value.path == ("held", 0)

    def test_outside_the_period(self) -> None:
        late = attrs.evolve(
            held(0, 14), start=datetime(2028, 1, 3, 9, tzinfo=lm.COPENHAGEN)
        )
        with pytest.raises(lm.InvalidValueError) as caught:
            lm.series_signal(SERIES, [late])
        assert "2028-01-03" in caught.value.message("en")

    def test_wrong_types_are_refused(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            lm.series_signal(SERIES, ["dag-1"])  # type: ignore[list-item]


@st.composite
def _days(draw: st.DrawFn) -> list[lm.Meeting]:
    count = draw(st.integers(0, 6))
    return [
        held(n, draw(st.integers(0, 20)), cancelled=draw(st.booleans()))
        for n in range(count)
    ]


_MEANS = st.none() | st.floats(0, 100)


class TestProperties:
    """What holds for any days held, any benefit and any thresholds."""

    @given(_days(), _MEANS, lst.series_thresholds())
    def test_the_figures_are_the_days(
        self, days: list[lm.Meeting], mean: float | None, t: lm.SeriesThresholds
    ) -> None:
        ev = None if mean is None else evaluation(mean)
        verdict = lm.series_signal(SERIES, days, evaluation=ev, thresholds=t)
        assert verdict.held == len(days)
        assert 0 <= verdict.below_minimum <= len(days)
        assert verdict.benefit == mean
        assert verdict.reasons[0].en.startswith(f"{len(days)} of 6")

    @given(_days(), _MEANS, lst.series_thresholds())
    def test_stop_only_after_enough_days_of_both(
        self, days: list[lm.Meeting], mean: float | None, t: lm.SeriesThresholds
    ) -> None:
        ev = None if mean is None else evaluation(mean)
        verdict = lm.series_signal(SERIES, days, evaluation=ev, thresholds=t)
        if verdict.signal is lm.SeriesSignal.STOP:
            assert len(days) >= t.judge_after
            assert mean is not None
            assert mean < t.min_benefit
            assert verdict.below_minimum / len(days) >= t.low_fill_share
        if not days or verdict.below_minimum == 0 or mean is None:
            assert verdict.signal is not lm.SeriesSignal.STOP

    @given(_days(), st.floats(0, 100))
    def test_more_benefit_never_makes_it_worse(
        self, days: list[lm.Meeting], mean: float
    ) -> None:
        order = list(lm.SeriesSignal)  # continue, adjust, stop
        worse = lm.series_signal(SERIES, days, evaluation=evaluation(mean / 2))
        better = lm.series_signal(SERIES, days, evaluation=evaluation(mean))
        assert order.index(better.signal) <= order.index(worse.signal)

    @given(lst.course_series(), lst.series_thresholds())
    def test_any_series_with_nothing_held_continues(
        self, series: lm.CourseSeries, t: lm.SeriesThresholds
    ) -> None:
        verdict = lm.series_signal(series, [], thresholds=t)
        assert verdict.signal is lm.SeriesSignal.CONTINUE
        assert verdict.series == series.id


class TestAsDocuments:
    """A series, its thresholds and a verdict are written and read back whole."""

    @given(lst.course_series())
    def test_a_series(self, series: lm.CourseSeries) -> None:
        assert lm.from_json(lm.CourseSeries, lm.to_json(series)) == series

    @given(lst.series_verdicts(), lst.series_thresholds())
    def test_a_verdict_and_thresholds(
        self, verdict: lm.SeriesVerdict, t: lm.SeriesThresholds
    ) -> None:
        assert lm.from_json(lm.SeriesVerdict, lm.to_json(verdict)) == verdict
        assert lm.from_json(lm.SeriesThresholds, lm.to_json(t)) == t

    def test_a_real_verdict(self) -> None:
        verdict = lm.series_signal(SERIES, [held(0, 3), held(1, 2)])
        text = lm.to_json(verdict)
        assert '"signal": "adjust"' in lm.to_json(verdict, indent=1)
        assert lm.from_json(lm.SeriesVerdict, text) == verdict
