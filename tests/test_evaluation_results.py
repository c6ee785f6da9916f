"""The values an evaluation reports, on their own: rates, groups, the report.

How ``evaluate`` computes them is in test_evaluation_evaluate.py.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, strategies as st

import learnmeet as lm

_COUNTS = st.integers(0, 10_000)


def _rates(**counts: int) -> lm.ResponseRates:
    every = {d.value: 0 for d in lm.Disposition} | counts
    return lm.ResponseRates(**every, eligibility_rate=None, rr1=None, rr3=None)


def _group(**given: object) -> lm.YieldGroup:
    figures: dict[str, object] = {
        "dimension": lm.Dimension.FORMAT,
        "code": "learning_meeting",
        "label": lm.Label(da="læringsmøde", en="learning meeting"),
        "respondents": 6,
        "responses": 7,
        "mean": 80.0,
        "high": 5,
        "share": 5 / 7,
        "ci_low": 0.36,
        "ci_high": 0.92,
    }
    return lm.YieldGroup(**(figures | given))  # type: ignore[arg-type]


class TestResponseRates:
    @given(st.fixed_dictionaries({d.value: _COUNTS for d in lm.Disposition}))
    def test_every_disposition_is_counted_once(self, counts: dict[str, int]) -> None:
        rates = _rates(**counts)
        assert rates.invitations == sum(counts.values())
        for disposition in lm.Disposition:
            assert rates.count(disposition) == counts[disposition.value]

    def test_a_count_is_never_negative(self) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            _rates(refusal=-1)
        assert caught.value.path == ("refusal",)

    def test_a_disposition_is_asked_for_by_member(self) -> None:
        with pytest.raises(lm.WrongTypeError):
            _rates().count("refusal")  # type: ignore[arg-type]


class TestYieldGroup:
    def test_shown(self) -> None:
        group = _group()
        assert not group.suppressed
        assert group.members == frozenset()

    @pytest.mark.parametrize("why", list(lm.Suppression))
    def test_suppressed_for_a_reason(self, why: lm.Suppression) -> None:
        hidden = _group(
            respondents=None,
            responses=None,
            mean=None,
            high=None,
            share=None,
            ci_low=None,
            ci_high=None,
            suppression=why,
        )
        assert hidden.suppressed
        assert why.label.da != why.label.en

    def test_members_are_pairs_of_keys(self) -> None:
        group = _group(members=[("a1", "b2")])
        assert group.members == frozenset({("a1", "b2")})
        with pytest.raises(lm.WrongTypeError):
            _group(members=[("a1", 2)])

    def test_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _group().mean = 0.0  # type: ignore[misc]


class TestEvaluation:
    def test_groups_by_dimension_and_code(self) -> None:
        shown = _group()
        overall = _group(dimension=lm.Dimension.OVERALL, code="all")
        report = lm.Evaluation(
            survey=lm.YIELD_SURVEY,
            rates=_rates(complete=7),
            groups=[overall, shown],
            levels=[],
            themes=[],
            free_text_answers=0,
            threshold=5,
            confidence=0.95,
        )
        assert report.by(lm.Dimension.FORMAT) == (shown,)
        assert report.group(lm.Dimension.OVERALL, "all") is overall
        assert report.group(lm.Dimension.FORMAT, "course") is None


def _level(**given: object) -> lm.LevelSummary:
    figures: dict[str, object] = {
        "level": lm.KirkpatrickLevel.BEHAVIOUR,
        "items": 2,
        "respondents": 6,
        "mean": 70.0,
        "method": lm.Measurement.FOLLOW_UP,
    }
    return lm.LevelSummary(**(figures | given))  # type: ignore[arg-type]


class TestLevelSummary:
    """A level says how it was measured; one not measured has no figures, and
    results measured by a survey are the participants' perception."""

    def test_not_measured_by_default_without_figures(self) -> None:
        level = lm.LevelSummary(
            level=lm.KirkpatrickLevel.RESULTS, items=0, respondents=None, mean=None
        )
        assert level.method is lm.Measurement.NOT_MEASURED
        assert not level.perceived

    @pytest.mark.parametrize(
        "figures", [{"mean": 50.0, "respondents": None}, {"respondents": 3}]
    )
    def test_not_measured_never_has_a_number(self, figures: dict[str, object]) -> None:
        with pytest.raises(lm.InvalidValueError) as caught:
            _level(method=lm.Measurement.NOT_MEASURED, **{"mean": None} | figures)
        assert (caught.value.where, caught.value.path) == ("LevelSummary", ("method",))
        assert "not measured" in caught.value.reason.en
        assert "ikke er målt" in caught.value.reason.da

    @pytest.mark.parametrize("method", list(lm.Measurement))
    def test_perceived_results(self, method: lm.Measurement) -> None:
        figures = (
            {"respondents": None, "mean": None}
            if method is lm.Measurement.NOT_MEASURED
            else {}
        )
        level = _level(level=lm.KirkpatrickLevel.RESULTS, method=method, **figures)
        assert level.perceived is (method is not lm.Measurement.NOT_MEASURED)
        assert not _level(method=method, **figures).perceived

    def test_the_methods_have_labels(self) -> None:
        assert [m.code for m in lm.Measurement] == [
            "after_meeting",
            "follow_up",
            "not_measured",
        ]
        for method in lm.Measurement:
            assert method.label.da != method.label.en


class TestHowTheBenefitWasMeasured:
    """An evaluation's benefit was measured when its survey was sent."""

    @pytest.mark.parametrize(
        ("survey", "method"),
        [
            (lm.YIELD_SURVEY, lm.Measurement.AFTER_MEETING),
            (lm.FOLLOW_UP_SURVEY, lm.Measurement.FOLLOW_UP),
        ],
    )
    def test_method(self, survey: lm.Survey, method: lm.Measurement) -> None:
        report = lm.Evaluation(
            survey=survey,
            rates=_rates(),
            groups=[],
            levels=[],
            themes=[],
            free_text_answers=0,
            threshold=5,
            confidence=0.95,
        )
        assert report.method is method


class TestDimension:
    """Benefit is compared in person against online as by every other dimension."""

    def test_location(self) -> None:
        assert lm.Dimension("location") is lm.Dimension.LOCATION
        assert list(lm.Dimension)[-1] is lm.Dimension.LOCATION
        assert lm.Dimension.LOCATION.label.en == "in person or online"
